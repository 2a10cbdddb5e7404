"""Text from hostile data leaves as text: in chart lines, links and the STIX bundle (see tests/xss_data.py)."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import pytest
import xss_data as x

from dossier import load_dataset
from dossier.charts.catalog import all_charts
from dossier.export.stix import bundle_json
from dossier.safe import escape_markdown, web_url


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        (" HTTP://example.org ", "HTTP://example.org"),
        ("javascript:alert(5)", ""),
        (" JavaScript:alert(5)", ""),
        ("data:text/html,<script>alert(1)</script>", ""),
        ("vbscript:msgbox(1)", ""),
        ("ftp://example.org", ""),
        ("", ""),
        (None, ""),
        (float("nan"), ""),
    ],
)
def test_only_web_urls_are_links(url, shown):
    assert web_url(url) == shown


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory):
    full = load_dataset(x.build(Path(tmp_path_factory.mktemp("hostile")) / "data"))
    return full, full.filter(countries=[x.COUNTRY], groups=[x.ACTOR_ID])


def test_every_chart_escapes_its_filter_and_source_lines(hostile):
    full, view = hostile
    charts = all_charts(full, view)
    assert [c.name for c in charts] == ["timeline", "threat-matrix", "relations", "event-dyads"]
    for chart in charts:
        layout = chart.figure.layout
        assert layout.title.subtitle.text == escape(view.selection.describe(), quote=False), chart.name
        assert layout.annotations[-1].text.startswith(f"Sources: {escape(x.PUBLISHER, quote=False)} brief")
        text = json.dumps(json.loads(chart.figure.to_json()))  # as plotly.js reads it, with < unescaped
        assert "<b>evil" not in text and "<img" not in text and "<script" not in text, chart.name


def test_stix_bundle_keeps_text_and_drops_script_urls(hostile):
    _, view = hostile
    bundle = json.loads(bundle_json(view))
    references = [r for o in bundle["objects"] for r in o.get("external_references", [])]
    assert references and all("url" not in r for r in references)
    notes = {o["abstract"].split()[1]: o["content"] for o in bundle["objects"] if o["type"] == "note"}
    assert notes[x.CLAIM_IDS[0]] == x.SENTENCES[0][0]  # claims stay verbatim: JSON is data, not markup


@pytest.mark.integration
def test_overview_caption_and_source_links_from_hostile_data(tmp_path, monkeypatch, run_app):
    monkeypatch.setenv("DOSSIER_DATA", str(x.build(tmp_path / "data")))
    at = run_app({"country": x.COUNTRY})
    assert not at.exception
    assert at.caption[0].value == "Showing: " + escape_markdown(f"country: {x.COUNTRY}")
    at = run_app({"group": x.ACTOR_ID})
    sources = next(frame.value for frame in at.dataframe if "url" in frame.value)
    assert sources["title"].tolist() == [x.SOURCE_TITLE] and sources["url"].tolist() == [""]
