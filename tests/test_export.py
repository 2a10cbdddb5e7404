"""Export formats: names, CSV safety, interactive HTML, static images, the pack, STIX."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET

import pandas as pd
import plotly.graph_objects as go
import pytest
import stix2

from dossier import load_dataset
from dossier.charts.catalog import ChartOutput
from dossier.export import static
from dossier.export.files import csv_bytes, export_filename
from dossier.export.interactive import figure_html
from dossier.export.pack import PackContext, render_html, render_pdf
from dossier.export.stix import bundle_json
from dossier.filters import Selection
from dossier.safe import neutralise_formula, web_url

DAY = dt.date(2026, 11, 27)
HOSTILE = '<img src=x onerror=alert(1)></script><script>alert("x")</script>'


@pytest.mark.parametrize(
    ("selection", "name"),
    [
        (Selection.make(), "timeline_2026-11-27.png"),
        (Selection.make(countries=["Pakistan"]), "timeline_country-Pakistan_2026-11-27.png"),
        (Selection.make(countries=["Sri Lanka", "India"], groups=["IS-K"]),
         "timeline_country-Sri-Lanka+India_group-IS-K_2026-11-27.png"),
        (Selection.make(start="2025-01-01", end="2025-12-31", event_types=["attack"]),
         "timeline_type-attack_from-2025-01-01_to-2025-12-31_2026-11-27.png"),
        (Selection.make(countries=["../../etc/passwd"]), "timeline_country-etc-passwd_2026-11-27.png"),
    ],
)  # fmt: skip
def test_export_filename_says_what_which_filters_and_when(selection, name):
    assert export_filename("timeline", selection, "png", DAY) == name


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"), ("+1+1", "'+1+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
     ("Pakistan", "Pakistan"), (3, 3), ("", "")],
)  # fmt: skip
def test_formula_like_text_is_neutralised(value, expected):
    assert neutralise_formula(value) == expected


def test_csv_rows_equal_the_frame_and_lists_are_joined():
    frame = pd.DataFrame({"id": ["a", "b"], "claims": [["c1", "c2"], []], "n": [1, 2], "note": ["=1+1", "ok"]})
    parsed = pd.read_csv(io.BytesIO(csv_bytes(frame)), keep_default_na=False)
    assert parsed["id"].tolist() == ["a", "b"]
    assert parsed["claims"].tolist() == ["c1; c2", ""]
    assert parsed["note"].tolist() == ["'=1+1", "ok"]
    assert parsed["n"].tolist() == [1, 2]


def _figure(title: str = "Test chart") -> go.Figure:
    fig = go.Figure(go.Scatter(x=[1, 2], y=[2, 1], text=[HOSTILE, "b"], hovertext=[HOSTILE, "b"]))
    fig.update_layout(title=title)
    return fig


def test_interactive_html_embeds_plotly_and_fetches_nothing():
    page = figure_html(_figure(), f"Chart {HOSTILE}", DAY).decode()
    assert "Plotly.newPlot" in page and len(page) > 1_000_000, "plotly.js must be inlined"
    assert not re.search(r"<script[^>]+src=", page), "no external scripts"
    assert not re.search(r"<link[^>]+href=", page), "no external stylesheets"
    assert "<img src=x" not in page and "</script><script>alert" not in page, "data text stays escaped"
    assert "Exported 2026-11-27" in page


def test_pack_html_escapes_data_and_links_only_to_the_web(bundled_data):
    view = load_dataset()
    chart = ChartOutput("x", f"Title {HOSTILE}", f"About {HOSTILE}", _figure(), pd.DataFrame({"a": [1]}))
    context = PackContext(view, (chart,), "javascript:alert(1)", dt.datetime(2026, 11, 27, tzinfo=dt.UTC))
    page = render_html(context).decode()
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "javascript:alert" not in page
    assert "Dossier briefing pack" in page and "2026-11-27" in page
    assert "rather than IS-K." in page, "key judgments are quoted"
    assert "B: Usually reliable" in page and "Publisher&#39;s copyright" in page


@pytest.mark.parametrize(
    ("url", "kept"),
    [("https://a.org/x", True), ("http://a", True), ("javascript:alert(1)", False), ("data:text/html,x", False),
     ("", False), (None, False)],
)  # fmt: skip
def test_safe_url(url, kept):
    assert (web_url(url) != "") is kept


needs_chromium = pytest.mark.skipif(static.chromium_path() is None, reason="static export needs Chromium")


@needs_chromium
def test_png_and_svg_are_valid_images():
    png = static.render(_figure(), "png", DAY)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (4200, 2400), "print-quality scale"
    svg = static.render(_figure(), "svg", DAY)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert b"Exported 2026-11-27 from Dossier" in svg


@needs_chromium
def test_pack_pdf_opens_and_holds_the_claims(bundled_data):
    from pypdf import PdfReader

    view = load_dataset().filter(groups=["TTP"])
    context = PackContext(view, (), "http://localhost:8501/?group=TTP", dt.datetime(2026, 11, 27, tzinfo=dt.UTC))
    reader = PdfReader(io.BytesIO(render_pdf(context)))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Dossier briefing pack" in text
    assert "Tehreek-e-Taliban" in text


def test_stix_bundle_parses_and_validates(bundled_data):
    data = bundle_json(load_dataset(), dt.datetime(2026, 11, 27, tzinfo=dt.UTC))
    bundle = stix2.parse(data.decode(), allow_custom=False)
    kinds = {o.type for o in bundle.objects}
    assert {"threat-actor", "identity", "location", "report", "relationship", "note"} <= kinds
    notes = [o for o in bundle.objects if o.type == "note"]
    assert len(notes) == 19 and all(n.external_references for n in notes)
    perceptions = [
        o for o in bundle.objects if o.type == "relationship" and o.relationship_type == "perceives-as-threat"
    ]
    assert len(perceptions) == 4 and all(0 <= p.confidence <= 100 for p in perceptions)


def test_stix_ids_are_stable_across_exports(bundled_data):
    first = json.loads(bundle_json(load_dataset(), dt.datetime(2026, 1, 1, tzinfo=dt.UTC)))
    second = json.loads(bundle_json(load_dataset(), dt.datetime(2026, 2, 1, tzinfo=dt.UTC)))
    assert [o["id"] for o in first["objects"]] == [o["id"] for o in second["objects"]]


def test_stix_follows_the_filters(bundled_data):
    data = json.loads(bundle_json(load_dataset().filter(groups=["BLA"])))
    names = {o.get("name") for o in data["objects"] if o["type"] in ("threat-actor", "identity")}
    assert "Balochistan Liberation Army" in names and "Sri Lanka" not in names
