"""The matrix in a real browser: clicking a heatmap cell opens the claims behind it."""

from __future__ import annotations

import re

import pytest
from conftest import wait_for_app
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

TTP_FOCUS = "with Pakistan focusing on the Tehreek-e-Taliban Pakistan (TTP) rather than IS-K."

# Where plotly draws the centre of category cell (x, y), in page pixels.
_CELL_CENTRE = """([key, x, y]) => {
    const gd = document.querySelector(`.st-key-${key} .js-plotly-plot`);
    const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, box = gd.getBoundingClientRect();
    return {x: box.left + xa._offset + xa.c2p(xa.d2c(x)), y: box.top + ya._offset + ya.c2p(ya.d2c(y))};
}"""


def click_cell(page, key: str, column: str, row: str) -> None:
    chart = page.locator(f".st-key-{key} .js-plotly-plot")
    chart.scroll_into_view_if_needed()
    expect(page.locator(f".st-key-{key} .nsewdrag").first).to_be_attached()
    point = page.evaluate(_CELL_CENTRE, [key, column, row])
    # Off-centre, to show that anywhere inside the cell picks it.
    page.mouse.move(point["x"] + 12, point["y"] - 8)
    page.mouse.click(point["x"] + 12, point["y"] - 8)


def test_clicking_pakistan_ttp_cell_shows_the_claim(served, page):
    page.goto(f"{served.url}/matrix?group=TTP")
    wait_for_app(page)  # the page drawn (so the absence below means something) and no rerun to lose the click
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_text(TTP_FOCUS, exact=False)).to_have_count(0)
    click_cell(page, "threat-chart", "TTP", "PAK")
    expect(main.locator("blockquote").filter(has_text=TTP_FOCUS).first).to_be_visible()
    expect(main.get_by_role("link", name=re.compile("Open in source")).first).to_be_visible()
    expect(main.get_by_text("Pakistan on Tehreek-e-Taliban Pakistan: primary")).to_be_visible()
    assert page.problems.dialogs == [] and page.problems.errors == []


def test_divergence_and_relations_click(served, page):
    page.goto(f"{served.url}/matrix")
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_text("Divergence on Islamic State-Khorasan")).to_be_visible()
    wait_for_app(page)
    click_cell(page, "threat-chart", "TTP", "USA")
    expect(main.get_by_text("No source in the data states how United States rates")).to_be_visible()
    wait_for_app(page)
    main.get_by_role("radio", name="Relations").click()
    expect(page).to_have_url(re.compile(r"[?&]view=Relations(&|$)"))
    wait_for_app(page)
    click_cell(page, "relation-chart", "PAK", "BLA")
    expect(main.get_by_text("Balochistan Liberation Army → Pakistan: conflict")).to_be_visible()
    expect(main.locator("blockquote").filter(has_text="BLA militants seized a train")).to_have_count(1)
    assert page.problems.dialogs == [] and page.problems.errors == []


def test_group_filter_restricts_the_dyads(served, page):
    page.goto(f"{served.url}/matrix?view=Event+dyads")
    rows = page.locator(".st-key-dyad-chart .yaxislayer-above .ytick text")
    expect(rows).to_have_count(6)
    wait_for_app(page)
    group = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text="Group")
    group.locator("input").fill("BLA")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]group=BLA(&|$)"))
    expect(rows).to_have_text(["BLA"])
    assert page.problems.dialogs == [] and page.problems.errors == []


def test_the_dyad_table_is_sent_only_when_opened(served, page):
    """Every dyad is listed in a closed expander: its grid is not sent (nor loaded) until the analyst opens it."""
    page.goto(f"{served.url}/matrix?view=Event+dyads")
    expect(page.locator(".st-key-dyad-chart .yaxislayer-above .ytick text")).to_have_count(6)
    box = page.locator(".st-key-dyad-table-open")
    expect(box).to_contain_text("Every dyad as a table (9 dyads)")
    grid = page.locator('[data-testid="stDataFrame"]')
    expect(grid).to_have_count(0)
    wait_for_app(page)  # a click during a rerun can be lost
    box.get_by_text("Every dyad as a table").click()
    expect(grid).to_have_count(1)
    expect(grid).to_be_visible()
    assert page.problems.dialogs == [] and page.problems.errors == []
