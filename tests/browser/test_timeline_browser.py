"""The timeline in a real browser: the URL filter, a click on an event mark, clearing the filters."""

from __future__ import annotations

import csv
import re

import pytest
from conftest import ROOT, expect_js, wait_for_app
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PAKISTAN_DATED = {"trump-address-2025-03", "sharifullah-capture", "bla-train-seizure"}
ALL_DATED = PAKISTAN_DATED | {"us-afghanistan-withdrawal", "vance-india-visit"}
POINTS = ".js-plotly-plot .scatterlayer .point"
DETAILS = ".st-key-timeline-details"


# The event ids behind every mark the browser drew (the first figure's customdata), sorted.
DRAWN_JS = """() => [...new Set(document.querySelector('.js-plotly-plot').data
    .flatMap(t => Array.from(t.customdata || [])))].sort()"""


MARK_INDEX = "([sel, id]) => Array.from(document.querySelectorAll(sel)).findIndex(e => e.__data__.data === id)"


def expect_drawn_events(page, event_ids: set[str]) -> None:
    """Wait until the timeline draws exactly the marks of ``event_ids``."""
    expect_js(page, DRAWN_JS, sorted(event_ids))


def click_event(page, event_id: str) -> None:
    """Click the first mark of ``event_id`` where plotly listens (its drag layer covers the marks)."""
    page.wait_for_function(f"(args) => ({MARK_INDEX})(args) >= 0", arg=[POINTS, event_id])
    index = page.evaluate(MARK_INDEX, [POINTS, event_id])
    box = page.locator(POINTS).nth(index).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def claim_text(claim_id: str) -> str:
    with (ROOT / "data" / "claims.csv").open(encoding="utf-8") as handle:
        return next(row["text"] for row in csv.DictReader(handle) if row["claim_id"] == claim_id)


def test_filter_click_an_event_then_clear(served, page):
    page.goto(f"{served.url}/timeline?country=Pakistan")
    expect_drawn_events(page, PAKISTAN_DATED)
    expect(page.locator(DETAILS)).to_have_count(0)

    wait_for_app(page)  # a click during a rerun can be lost
    click_event(page, "bla-train-seizure")
    details = page.locator(DETAILS)
    expect(details).to_contain_text("BLA militants seize a train")
    expect(details).to_contain_text("Date supplied by the analyst")
    for claim_id in ("src-a5dc40561693-10", "src-a5dc40561693-11"):
        expect(details.locator("blockquote").filter(has_text=claim_text(claim_id))).to_have_count(1)

    wait_for_app(page)
    page.get_by_role("button", name="Clear filters").first.click()
    expect(page).not_to_have_url(re.compile(r"[?&]country="))
    expect_drawn_events(page, ALL_DATED)
    assert page.problems.dialogs == []
    assert page.problems.errors == []


def test_an_undated_event_shows_its_claims_when_opened(served, page):
    """Undated events are listed closed and their claims are sent only when one is opened (a rerun)."""
    page.goto(f"{served.url}/timeline?country=Pakistan")
    expect_drawn_events(page, PAKISTAN_DATED)
    box = page.locator(".st-key-undated-open-bla-attacks")
    expect(box).to_contain_text("Recent attacks in Pakistan by groups like the BLA · 2 claims")
    expect(page.locator(".st-key-undated-bla-attacks")).to_have_count(0)  # closed: its content was not sent

    wait_for_app(page)
    box.get_by_text("Recent attacks in Pakistan by groups like the BLA").click()
    opened = page.locator(".st-key-undated-bla-attacks")
    expect(opened.locator("blockquote").filter(has_text=claim_text("src-a5dc40561693-09"))).to_have_count(1)
    expect(opened).to_contain_text("The brief says 'recent' and gives no dates.")
    assert page.problems.errors == []
