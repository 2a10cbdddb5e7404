"""End-to-end flows across pages: from a chart to the claims behind it, into the source reader and back,
and a shared URL carrying every filter opened straight onto a page other than the overview.
"""

from __future__ import annotations

import csv
import re
from urllib.parse import parse_qs, urlparse

import pytest
from conftest import ROOT, selected_chips, wait_for_app
from playwright.sync_api import expect
from test_matrix_browser import click_cell
from test_timeline_browser import click_event, drawn_event_ids

pytestmark = pytest.mark.browser
SOURCE_TITLE = "U.S.-Pakistan counterterrorism cooperation (brief)"
SHARED = "country=Pakistan&group=BLA&from=2025-01-01&to=2025-12-31&type=attack"
SHARED_LINE = "country: Pakistan; group: BLA; dates: 2025-01-01 to 2025-12-31; type: attack"


def claim_text(claim_id: str) -> str:
    with (ROOT / "data" / "claims.csv").open(encoding="utf-8") as handle:
        return next(row["text"] for row in csv.DictReader(handle) if row["claim_id"] == claim_id)


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def open_in_source(page, scope, claim_id: str) -> None:
    """Follow the quoted claim's "Open in source" link and check the reader marks exactly its span."""
    scope.locator(f'a[href*="claim={claim_id}"]').filter(has_text="Open in source").click()
    page.wait_for_url(re.compile(rf"/sources\?(.*&)?claim={claim_id}"))
    wait_for_app(page)
    focus = page.locator("#dossier-focus")
    expect(focus).to_be_in_viewport()
    assert claim_id in focus.get_attribute("data-claims").split()
    span = page.locator(f'.dossier-document .dossier-claim[data-claims~="{claim_id}"]')
    assert "".join(span.all_inner_texts()) == claim_text(claim_id)
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_role("heading", name=SOURCE_TITLE)).to_be_visible()
    expect(main.get_by_text(f"Opened claim {claim_id}")).to_be_visible()


def test_timeline_event_to_its_claim_in_the_source_and_back(served, page):
    page.goto(f"{served.url}/timeline?country=Pakistan")
    wait_for_app(page)
    page.locator(".js-plotly-plot .scatterlayer .point").first.wait_for()
    click_event(page, "bla-train-seizure")
    details = page.locator(".st-key-timeline-details")
    expect(details).to_contain_text("BLA militants seize a train")
    expect(details.locator("blockquote").first).to_have_text(claim_text("src-a5dc40561693-10"))

    open_in_source(page, details, "src-a5dc40561693-10")
    assert query(page)["country"] == ["Pakistan"]  # the filters travel with the link
    assert selected_chips(page, "Country") == ["Pakistan"]
    main = page.locator('[data-testid="stMain"]')
    for cited in ("Event: BLA militants seize a train", "Matrix: Pakistan sees Balochistan Liberation Army as a high"):
        expect(main.get_by_role("link", name=re.compile(f"^{re.escape(cited)}"))).to_be_visible()

    main.get_by_role("link", name="Event: BLA militants seize a train").click()
    page.wait_for_url(re.compile(r"/timeline\?"))
    wait_for_app(page)
    assert query(page)["country"] == ["Pakistan"]
    page.locator(".js-plotly-plot .scatterlayer .point").first.wait_for()
    assert "bla-train-seizure" in drawn_event_ids(page)
    assert page.problems.dialogs == [] and page.problems.errors == []


def test_matrix_cell_to_its_claim_in_the_source_and_back(served, page):
    page.goto(f"{served.url}/matrix?group=TTP")
    wait_for_app(page)
    click_cell(page, "threat-chart", "TTP", "PAK")
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_role("heading", name="Pakistan on Tehreek-e-Taliban Pakistan: primary")).to_be_visible()
    quotes = main.locator("blockquote")
    expect(quotes).to_have_text([claim_text("src-a5dc40561693-07"), claim_text("src-a5dc40561693-18")])

    open_in_source(page, main, "src-a5dc40561693-18")
    assert query(page)["group"] == ["TTP"]
    cited = main.get_by_role("link", name="Matrix: Pakistan sees Tehreek-e-Taliban Pakistan as a primary threat")
    cited.click()
    page.wait_for_url(re.compile(r"/matrix\?"))
    wait_for_app(page)
    assert query(page)["group"] == ["TTP"]
    expect(main.get_by_role("radio", name="Threat perceptions")).to_be_checked()
    expect(main.get_by_text("Showing: group: TTP")).to_be_visible()
    page.locator(".st-key-threat-chart .js-plotly-plot").wait_for()
    assert page.problems.dialogs == [] and page.problems.errors == []


def test_shared_url_with_every_filter_opened_on_the_timeline(served, page):
    page.goto(f"{served.url}/timeline?{SHARED}&lanes=Country")
    wait_for_app(page)
    assert selected_chips(page, "Country") == ["Pakistan"]
    assert selected_chips(page, "Group")[0].split(" · ")[0] == "BLA"
    assert selected_chips(page, "Event type") == ["attack"]
    sidebar = page.locator('[data-testid="stSidebar"]')
    for label, date in (("From", ("2025", "01", "01")), ("To", ("2025", "12", "31"))):
        parts = sidebar.get_by_role("group", name=label).get_by_role("spinbutton")  # year, month, day
        assert tuple(parts.all_inner_texts()) == date
    expect(page.get_by_role("radio", name="Country", exact=True)).to_be_checked()
    page.locator(".js-plotly-plot .scatterlayer .point").first.wait_for()
    subtitle = page.evaluate("() => document.querySelector('.js-plotly-plot').layout.title.subtitle.text")
    assert subtitle == SHARED_LINE
    assert drawn_event_ids(page) == {"bla-train-seizure"}
    assert query(page) == {**parse_qs(SHARED), "lanes": ["Country"]}  # nothing dropped or rewritten

    page.locator('[data-testid="stSidebarNav"] a').filter(has_text="Claims").click()
    page.wait_for_url(re.compile(r"/claims\?"))
    wait_for_app(page)
    assert {k: v for k, v in query(page).items() if k != "lanes"} == parse_qs(SHARED)
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_text(f"Showing: {SHARED_LINE}")).to_be_visible()
    expect(main.get_by_text(re.compile(r"^\d+ of \d+ claims"))).to_be_visible()
    assert page.problems.dialogs == [] and page.problems.errors == []
