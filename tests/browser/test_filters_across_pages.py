"""The shared filters live in the URL and hold across pages, in a real browser."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from conftest import metric, multiselect, open_list, selected_chips, serve, stop, wait_for_app

from dossier.registry import PAGES

pytestmark = pytest.mark.browser
OTHER_PAGE = next((p for p in PAGES if not p.default), None)


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_url_filters_apply_and_survive_page_switches(served, page):
    page.goto(f"{served.url}/?country=Pakistan&group=TTP")
    wait_for_app(page)
    assert selected_chips(page, "Country") == ["Pakistan"]
    assert selected_chips(page, "Group")[0].startswith("TTP")
    assert metric(page, "Events") == "6"
    page.get_by_text("Showing: country: Pakistan; group: TTP").wait_for()

    if OTHER_PAGE is None:
        pytest.skip("only one page is registered")
    page.locator('[data-testid="stSidebarNav"] a').filter(has_text=OTHER_PAGE.title).click()
    page.wait_for_url(re.compile(f"/{OTHER_PAGE.url_path}"))
    wait_for_app(page)
    assert query(page)["country"] == ["Pakistan"] and query(page)["group"] == ["TTP"]
    assert selected_chips(page, "Country") == ["Pakistan"]

    page.locator('[data-testid="stSidebarNav"] a').filter(has_text="Overview").click()
    wait_for_app(page)
    page.get_by_text("Showing: country: Pakistan; group: TTP").wait_for()
    assert query(page)["country"] == ["Pakistan"]
    assert metric(page, "Events") == "6"


def test_clear_filters_resets_view_and_url(served, page):
    page.goto(f"{served.url}/?country=Pakistan&type=attack")
    wait_for_app(page)
    assert metric(page, "Events") == "2"
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Clear filters").click()
    page.get_by_text("Showing: no filters").wait_for()
    assert metric(page, "Events") == "9"
    assert "country" not in query(page) and "type" not in query(page)


def test_choosing_a_filter_in_the_sidebar_updates_the_url(served, page):
    page.goto(served.url)
    wait_for_app(page)
    open_list(page, multiselect(page, "Country").locator("input"))
    page.get_by_role("option", name="India", exact=True).click()
    page.keyboard.press("Escape")
    page.get_by_text("Showing: country: India").wait_for()
    assert query(page)["country"] == ["India"]
    assert metric(page, "Events") == "1"


def test_deep_link_to_a_page_opened_first_on_a_fresh_server_keeps_the_frame(app_data, page):
    """A fresh server with a pages/ folder would run the page alone without the guard."""
    if OTHER_PAGE is None:
        pytest.skip("only one page is registered")
    fresh = serve(app_data)
    try:
        page.goto(f"{fresh.url}/{OTHER_PAGE.url_path}?country=India")
        wait_for_app(page)
        page.locator('[data-testid="stSidebar"]').get_by_text("Filters", exact=True).wait_for()
        assert selected_chips(page, "Country") == ["India"]
        assert query(page)["country"] == ["India"]
        assert page.locator('[data-testid="stSidebarNav"] a').count() == len(PAGES)
    finally:
        stop(fresh)
