"""The shared filters live in the URL and hold across pages, in a real browser."""

from __future__ import annotations

import re

import pytest
from conftest import chips, choose, metric, multiselect, nav_link, serve, stop, wait_for_app
from playwright.sync_api import expect

from dossier.registry import PAGES

pytestmark = pytest.mark.browser
OTHER_PAGE = next((p for p in PAGES if not p.default), None)


def in_url(**params: str) -> re.Pattern:
    """A URL whose query holds every ``name=value`` given (in any order, among others)."""
    return re.compile("".join(rf"(?=.*[?&]{name}={re.escape(value)}(&|$))" for name, value in params.items()))


def test_url_filters_apply_and_survive_page_switches(served, page):
    """The first test of the module, so on a server that has just started (the legacy-mode rerun)."""
    page.goto(f"{served.url}/?country=Pakistan&group=TTP")
    expect(chips(page, "Country")).to_have_text(["Pakistan"])
    expect(chips(page, "Group")).to_have_text([re.compile(r"^TTP\b")])
    expect(metric(page, "Events")).to_have_text("6")
    expect(page.get_by_text("Showing: country: Pakistan; group: TTP")).to_be_visible()

    if OTHER_PAGE is None:
        pytest.skip("only one page is registered")
    wait_for_app(page)  # a click that lands during a rerun can be lost
    nav_link(page, OTHER_PAGE.title).click()
    expect(page).to_have_url(re.compile(f"/{OTHER_PAGE.url_path}\\?"))
    expect(page).to_have_url(in_url(country="Pakistan", group="TTP"))
    expect(chips(page, "Country")).to_have_text(["Pakistan"])

    wait_for_app(page)
    nav_link(page, "Overview").click()
    expect(page.get_by_text("Showing: country: Pakistan; group: TTP")).to_be_visible()
    expect(page).to_have_url(in_url(country="Pakistan", group="TTP"))
    expect(metric(page, "Events")).to_have_text("6")


def test_clear_filters_resets_view_and_url(served, page):
    page.goto(f"{served.url}/?country=Pakistan&type=attack")
    expect(metric(page, "Events")).to_have_text("2")
    wait_for_app(page)
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Clear filters").click()
    expect(page.get_by_text("Showing: no filters")).to_be_visible()
    expect(metric(page, "Events")).to_have_text("9")
    expect(page).not_to_have_url(re.compile(r"[?&](country|type)="))
    expect(chips(page, "Country")).to_have_count(0)


def test_choosing_a_filter_in_the_sidebar_updates_the_url(served, page):
    page.goto(served.url)
    wait_for_app(page)
    choose(page, multiselect(page, "Country").locator("input"), "India")
    page.keyboard.press("Escape")
    expect(page.get_by_text("Showing: country: India")).to_be_visible()
    expect(page).to_have_url(in_url(country="India"))
    expect(metric(page, "Events")).to_have_text("1")


def test_deep_link_to_a_page_opened_first_on_a_fresh_server_keeps_the_frame(app_data, page):
    """A fresh server with a pages/ folder would run the page alone without the guard."""
    if OTHER_PAGE is None:
        pytest.skip("only one page is registered")
    fresh = serve(app_data)
    try:
        page.goto(f"{fresh.url}/{OTHER_PAGE.url_path}?country=India")
        expect(page.locator('[data-testid="stSidebar"]').get_by_text("Filters", exact=True)).to_be_visible()
        expect(chips(page, "Country")).to_have_text(["India"])
        expect(page).to_have_url(re.compile(f"/{OTHER_PAGE.url_path}\\?"))
        expect(page).to_have_url(in_url(country="India"))
        expect(page.locator('[data-testid="stSidebar"] .st-key-nav a')).to_have_count(len(PAGES))
    finally:
        stop(fresh)
