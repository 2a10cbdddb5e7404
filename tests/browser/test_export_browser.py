"""Every export button on a filtered view: file names and contents, in the browser."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET

import pandas as pd
import pytest
from conftest import wait_for_app

pytestmark = pytest.mark.browser
TODAY = dt.date.today().isoformat()


def download(page, key: str) -> tuple[str, bytes]:
    """Click the download button with widget key ``key`` and return (file name, bytes)."""
    with page.expect_download(timeout=90_000) as info:
        page.locator(f".st-key-{key} button").first.click()
    file = info.value
    return file.suggested_filename, open(file.path(), "rb").read()


def test_every_chart_export_on_the_timeline(served, page):
    page.goto(f"{served.url}/timeline?country=Pakistan")
    wait_for_app(page)
    name, png = download(page, "timeline-png")
    assert name == f"timeline_country-Pakistan_{TODAY}.png"
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000
    name, svg = download(page, "timeline-svg")
    assert name.endswith(".svg") and ET.fromstring(svg).tag.endswith("svg")
    assert b"country: Pakistan" in svg and b"Exported " in svg and b"Sources: foreignpolicy.com brief" in svg
    name, html = download(page, "timeline-html")
    assert name == f"timeline_country-Pakistan_{TODAY}.html"
    assert b"Plotly.newPlot" in html and not re.search(rb"<script[^>]+src=", html)
    name, csv = download(page, "timeline-csv")
    rows = pd.read_csv(io.BytesIO(csv))
    assert name == f"timeline_country-Pakistan_{TODAY}.csv"
    assert sorted(rows["event_id"]) == sorted([
        "trump-address-2025-03", "sharifullah-capture", "us-support-reduction", "pakistan-optimism",
        "bla-attacks", "bla-train-seizure",
    ])  # fmt: skip


def test_interactive_html_works_offline(served, page, browser, tmp_path):
    page.goto(f"{served.url}/timeline?country=Pakistan")
    wait_for_app(page)
    _, html = download(page, "timeline-html")
    saved = tmp_path / "chart.html"
    saved.write_bytes(html)
    offline = browser.new_context(offline=True).new_page()
    requests = []
    offline.on("request", lambda r: requests.append(r.url))
    offline.goto(saved.as_uri())
    offline.locator(".js-plotly-plot .main-svg").first.wait_for()
    assert [u for u in requests if not u.startswith(("file:", "data:", "blob:"))] == []
    offline.context.close()


def test_matrix_exports_and_briefing_pack(served, page):
    page.goto(f"{served.url}/matrix?group=TTP")
    wait_for_app(page)
    name, csv = download(page, "threats-csv")
    assert name == f"threat-matrix_group-TTP_{TODAY}.csv"
    cells = pd.read_csv(io.BytesIO(csv))
    assert cells[["perceiver", "threat", "level"]].values.tolist() == [["PAK", "TTP", "primary"]]
    name, png = download(page, "threats-png")
    assert name.endswith(".png") and png[:4] == b"\x89PNG"

    page.goto(f"{served.url}/?group=TTP")
    wait_for_app(page)
    name, pack = download(page, "pack-html")
    assert name == f"briefing-pack_group-TTP_{TODAY}.html"
    text = pack.decode()
    assert "Dossier briefing pack" in text and "group: TTP" in text and "?group=TTP" in text
    assert "Tehreek-e-Taliban Pakistan (TTP) rather than IS-K." in text
    name, pdf = download(page, "pack-pdf")
    assert name.endswith(".pdf") and pdf[:5] == b"%PDF-"
    name, stix = download(page, "pack-stix")
    bundle = json.loads(stix)
    assert name == f"stix_group-TTP_{TODAY}.json" and bundle["type"] == "bundle"
    assert page.problems.dialogs == [] and page.problems.errors == []
