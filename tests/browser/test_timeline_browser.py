"""The timeline in a real browser: the URL filter, a click on an event mark, clearing the filters."""

from __future__ import annotations

import csv

import pytest
from conftest import ROOT, wait_for_app

pytestmark = pytest.mark.browser

PAKISTAN_DATED = {"trump-address-2025-03", "sharifullah-capture", "bla-train-seizure"}
ALL_DATED = PAKISTAN_DATED | {"us-afghanistan-withdrawal", "vance-india-visit"}
POINTS = ".js-plotly-plot .scatterlayer .point"
DETAILS = ".st-key-timeline-details"


def drawn_event_ids(page) -> set[str]:
    """The event ids behind every mark the browser drew (the figure's customdata)."""
    ids = page.evaluate(
        "() => document.querySelector('.js-plotly-plot').data.flatMap(t => Array.from(t.customdata || []))"
    )
    return set(ids)


def click_event(page, event_id: str) -> None:
    """Click the first mark of ``event_id`` where plotly listens (its drag layer covers the marks)."""
    index = page.evaluate(
        "([selector, id]) => Array.from(document.querySelectorAll(selector)).findIndex(el => el.__data__.data === id)",
        [POINTS, event_id],
    )
    assert index >= 0, f"no mark for {event_id}"
    box = page.locator(POINTS).nth(index).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def claim_text(claim_id: str) -> str:
    with (ROOT / "data" / "claims.csv").open(encoding="utf-8") as handle:
        return next(row["text"] for row in csv.DictReader(handle) if row["claim_id"] == claim_id)


def test_filter_click_an_event_then_clear(served, page):
    page.goto(f"{served.url}/timeline?country=Pakistan")
    wait_for_app(page)
    page.locator(POINTS).first.wait_for()
    assert drawn_event_ids(page) == PAKISTAN_DATED
    assert page.locator(DETAILS).count() == 0

    click_event(page, "bla-train-seizure")
    details = page.locator(DETAILS)
    details.wait_for()
    assert "BLA militants seize a train" in details.inner_text()
    assert "Date supplied by the analyst" in details.inner_text()
    for claim_id in ("src-a5dc40561693-10", "src-a5dc40561693-11"):
        assert details.locator("blockquote").filter(has_text=claim_text(claim_id)).count() == 1

    page.get_by_role("button", name="Clear filters").first.click()
    page.wait_for_function("() => !window.location.search.includes('country=')")
    wait_for_app(page)
    page.wait_for_function(
        "(n) => { const gd = document.querySelector('.js-plotly-plot');"
        " return gd && new Set(gd.data.flatMap(t => Array.from(t.customdata || []))).size === n; }",
        arg=len(ALL_DATED),
    )
    assert drawn_event_ids(page) == ALL_DATED
    assert page.problems.dialogs == []
    assert page.problems.errors == []
