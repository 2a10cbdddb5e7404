"""End-to-end flows across pages: from a chart to the claims behind it, into the source reader and back,
and a shared URL carrying every filter opened straight onto a page other than the overview.
"""

from __future__ import annotations

import csv
import re
from urllib.parse import parse_qs

import pytest
from conftest import ROOT, chips, date_parts, expect_joined_text, expect_js, expect_query, nav_link, wait_for_app
from playwright.sync_api import expect
from test_matrix_browser import click_cell
from test_timeline_browser import DRAWN_JS, POINTS, click_event, expect_drawn_events

pytestmark = pytest.mark.browser
SOURCE_TITLE = "U.S.-Pakistan counterterrorism cooperation (brief)"
SHARED = "country=Pakistan&group=BLA&from=2025-01-01&to=2025-12-31&type=attack"
SHARED_LINE = "country: Pakistan; group: BLA; dates: 2025-01-01 to 2025-12-31; type: attack"


def claim_text(claim_id: str) -> str:
    with (ROOT / "data" / "claims.csv").open(encoding="utf-8") as handle:
        return next(row["text"] for row in csv.DictReader(handle) if row["claim_id"] == claim_id)


SUBTITLE_JS = "() => document.querySelector('.js-plotly-plot').layout.title.subtitle.text"


def open_in_source(page, scope, claim_id: str) -> None:
    """Follow the quoted claim's "Open in source" link and check the reader marks exactly its span."""
    wait_for_app(page)
    scope.locator(f'a[href*="claim={claim_id}"]').filter(has_text="Open in source").click()
    page.wait_for_url(re.compile(rf"/sources\?(.*&)?claim={claim_id}"))
    focus = page.locator("#dossier-focus")
    expect(focus).to_be_in_viewport()
    expect(focus).to_have_attribute("data-claims", re.compile(rf"(^|\s){re.escape(claim_id)}(\s|$)"))
    expect_joined_text(page, f'.dossier-document .dossier-claim[data-claims~="{claim_id}"]', claim_text(claim_id))
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_role("heading", name=SOURCE_TITLE)).to_be_visible()
    expect(main.get_by_text(f"Opened claim {claim_id}")).to_be_visible()


def test_timeline_event_to_its_claim_in_the_source_and_back(served, page):
    page.goto(f"{served.url}/timeline?country=Pakistan")
    expect(page.locator(POINTS).first).to_be_attached()
    wait_for_app(page)  # a click during a rerun can be lost
    click_event(page, "bla-train-seizure")
    details = page.locator(".st-key-timeline-details")
    expect(details).to_contain_text("BLA militants seize a train")
    expect(details.locator("blockquote").first).to_have_text(claim_text("src-a5dc40561693-10"))

    open_in_source(page, details, "src-a5dc40561693-10")
    expect_query(page, {"country": ["Pakistan"]})  # the filters travel with the link
    expect(chips(page, "Country")).to_have_text(["Pakistan"])
    main = page.locator('[data-testid="stMain"]')
    for cited in ("Event: BLA militants seize a train", "Matrix: Pakistan sees Balochistan Liberation Army as a high"):
        expect(main.get_by_role("link", name=re.compile(f"^{re.escape(cited)}"))).to_be_visible()

    wait_for_app(page)
    main.get_by_role("link", name="Event: BLA militants seize a train").click()
    expect(page).to_have_url(re.compile(r"/timeline\?"))
    expect_query(page, {"country": ["Pakistan"]})
    expect_js(page, f"() => ({DRAWN_JS})().includes('bla-train-seizure')", True)
    assert page.problems.dialogs == [] and page.problems.errors == []


def test_matrix_cell_to_its_claim_in_the_source_and_back(served, page):
    page.goto(f"{served.url}/matrix?group=TTP")
    wait_for_app(page)  # a click during a rerun can be lost
    click_cell(page, "threat-chart", "TTP", "PAK")
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_role("heading", name="Pakistan on Tehreek-e-Taliban Pakistan: primary")).to_be_visible()
    quotes = main.locator("blockquote")
    expect(quotes).to_have_text([claim_text("src-a5dc40561693-07"), claim_text("src-a5dc40561693-18")])

    open_in_source(page, main, "src-a5dc40561693-18")
    expect_query(page, {"group": ["TTP"]})
    cited = main.get_by_role("link", name="Matrix: Pakistan sees Tehreek-e-Taliban Pakistan as a primary threat")
    wait_for_app(page)
    cited.click()
    expect(page).to_have_url(re.compile(r"/matrix\?"))
    expect_query(page, {"group": ["TTP"]})
    expect(main.get_by_role("radio", name="Threat perceptions")).to_be_checked()
    expect(main.get_by_text("Showing: group: TTP")).to_be_visible()
    expect(page.locator(".st-key-threat-chart .js-plotly-plot")).to_be_visible()
    assert page.problems.dialogs == [] and page.problems.errors == []


def test_shared_url_with_every_filter_opened_on_the_timeline(served, page):
    """The first test of the module after the module's server started: every value is waited for."""
    page.goto(f"{served.url}/timeline?{SHARED}&lanes=Country")
    expect(chips(page, "Country")).to_have_text(["Pakistan"])
    expect(chips(page, "Group")).to_have_text([re.compile(r"^BLA\b")])
    expect(chips(page, "Event type")).to_have_text(["attack"])
    expect(date_parts(page, "From")).to_have_text(["2025", "01", "01"])  # year, month, day
    expect(date_parts(page, "To")).to_have_text(["2025", "12", "31"])
    expect(page.get_by_role("radio", name="Country", exact=True)).to_be_checked()
    expect_js(page, SUBTITLE_JS, SHARED_LINE)
    expect_drawn_events(page, {"bla-train-seizure"})
    expect_query(page, {**parse_qs(SHARED), "lanes": ["Country"]}, only=True)  # nothing dropped or rewritten

    wait_for_app(page)
    nav_link(page, "Claims").click()
    expect(page).to_have_url(re.compile(r"/claims\?"))
    expect_query(page, parse_qs(SHARED))
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_text(f"Showing: {SHARED_LINE}")).to_be_visible()
    expect(main.get_by_text(re.compile(r"^\d+ of \d+ claims"))).to_be_visible()
    assert page.problems.dialogs == [] and page.problems.errors == []
