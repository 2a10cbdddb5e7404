"""The matrix in a real browser: clicking a heatmap cell opens the claims behind it."""

from __future__ import annotations

import re

import pytest
from conftest import wait_for_app

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
    page.locator(f".st-key-{key} .nsewdrag").first.wait_for()
    point = page.evaluate(_CELL_CENTRE, [key, column, row])
    # Off-centre, to show that anywhere inside the cell picks it.
    page.mouse.move(point["x"] + 12, point["y"] - 8)
    page.mouse.click(point["x"] + 12, point["y"] - 8)


def test_clicking_pakistan_ttp_cell_shows_the_claim(served, page):
    page.goto(f"{served.url}/matrix?group=TTP")
    wait_for_app(page)
    main = page.locator('[data-testid="stMain"]')
    assert main.get_by_text(TTP_FOCUS, exact=False).count() == 0
    click_cell(page, "threat-chart", "TTP", "PAK")
    quote = main.locator("blockquote").filter(has_text=TTP_FOCUS)
    quote.first.wait_for()
    main.get_by_role("link", name=re.compile("Open in source")).first.wait_for()
    assert main.get_by_text("Pakistan on Tehreek-e-Taliban Pakistan: primary").is_visible()
    assert page.problems.dialogs == [] and page.problems.errors == []


def test_divergence_and_relations_click(served, page):
    page.goto(f"{served.url}/matrix")
    wait_for_app(page)
    main = page.locator('[data-testid="stMain"]')
    assert main.get_by_text("Divergence on Islamic State-Khorasan").is_visible()
    click_cell(page, "threat-chart", "TTP", "USA")
    main.get_by_text("No source in the data states how United States rates").wait_for()
    main.get_by_role("radio", name="Relations").click()
    wait_for_app(page)
    assert "view=Relations" in page.url
    click_cell(page, "relation-chart", "PAK", "BLA")
    main.get_by_text("Balochistan Liberation Army → Pakistan: conflict").wait_for()
    main.locator("blockquote").filter(has_text="BLA militants seized a train").first.wait_for()
    wait_for_app(page)
    assert main.locator("blockquote").filter(has_text="BLA militants seized a train").count() == 1
    assert page.problems.dialogs == [] and page.problems.errors == []


def test_group_filter_restricts_the_dyads(served, page):
    page.goto(f"{served.url}/matrix?view=Event+dyads")
    wait_for_app(page)
    rows = ".st-key-dyad-chart .yaxislayer-above .ytick text"
    page.locator(rows).first.wait_for()
    assert page.locator(rows).count() == 6
    group = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text="Group")
    group.locator("input").fill("BLA")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"group=BLA"))
    wait_for_app(page)
    page.wait_for_function(f"() => document.querySelectorAll('{rows}').length === 1")
    assert page.locator(rows).evaluate_all("els => els.map(e => e.textContent)") == ["BLA"]
    assert page.problems.dialogs == [] and page.problems.errors == []
