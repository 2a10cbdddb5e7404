"""Claims explorer and source reader in a real browser: search, select, open in source, hostile text."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, multiselect, open_list, wait_for_app
from playwright.sync_api import expect
from xss_data import HOSTILE_LINE, HOSTILE_TITLE, add_hostile_claim

pytestmark = pytest.mark.browser

GRID_HEADER, GRID_ROW = 35, 35  # st.dataframe's default header and row heights, in px


@pytest.fixture(scope="module")
def app_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled data plus a source whose text holds HTML and Markdown, and a claim over all of it."""
    folder = tmp_path_factory.mktemp("claims-sources") / "data"
    shutil.copytree(ROOT / "data", folder)
    add_hostile_claim(folder)
    return folder


def claim_texts(folder: Path) -> dict[str, str]:
    with (folder / "claims.csv").open(encoding="utf-8", newline="") as handle:
        return {row["claim_id"]: row["text"] for row in csv.DictReader(handle)}


def select_row(page, grid_index: int, row: int) -> None:
    """Tick a row's selection box in a st.dataframe (a canvas: click by position)."""
    grid = page.locator('[data-testid="stDataFrame"]').nth(grid_index)
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 15, box["y"] + GRID_HEADER + GRID_ROW * row + GRID_ROW / 2)


def highlighted_text(page, claim_id: str) -> str:
    pieces = page.locator(f'.dossier-document .dossier-claim[data-claims~="{claim_id}"]')
    return "".join(pieces.all_inner_texts())


def test_search_select_and_open_the_exact_span_in_the_reader(served, page):
    page.goto(f"{served.url}/claims")
    wait_for_app(page)
    search = page.get_by_role("textbox", name="Search claim text")
    search.fill("is-k")
    search.press("Enter")
    page.get_by_text(re.compile(r"^4 of \d+ claims match “is-k”")).wait_for()
    assert "q=is-k" in page.url

    select_row(page, 0, 0)
    panel = page.get_by_text(re.compile(r"^src-a5dc40561693-\d\d · "))
    panel.wait_for()
    claim_id = panel.inner_text().split(" · ")[0]
    page.locator(".dossier-document mark").first.wait_for()  # the match is marked in the context
    assert page.locator(".dossier-document mark").first.inner_text().lower() == "is-k"

    page.get_by_role("link", name="Open in source").click()
    page.wait_for_url(re.compile(rf"/sources\?(.*&)?claim={claim_id}"))
    focus = page.locator("#dossier-focus")
    expect(focus).to_be_in_viewport()
    assert claim_id in focus.get_attribute("data-claims").split()
    assert focus.get_attribute("title").startswith(claim_id)  # the id on hover
    assert highlighted_text(page, claim_id) == claim_texts(served.data)[claim_id]
    assert focus.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    assert page.locator(".dossier-document .dossier-claim").count() >= 19
    assert page.problems.dialogs == [] and page.problems.errors == []


def test_choosing_a_claim_in_the_reader_moves_the_emphasis(served, page):
    page.goto(f"{served.url}/sources?source=src-a5dc40561693")
    wait_for_app(page)
    assert page.locator("#dossier-focus").count() == 0
    select_row(page, 1, 4)  # the fifth claim of the document, in the "Claims in this source" table
    page.wait_for_url(re.compile(r"claim=src-a5dc40561693-05"))
    focus = page.locator("#dossier-focus")
    expect(focus).to_be_in_viewport()
    assert focus.get_attribute("data-claims") == "src-a5dc40561693-05"


@pytest.mark.parametrize("width", [1440, 390])
def test_a_deep_link_scrolls_the_last_claim_into_view(served, page, width):
    page.set_viewport_size({"width": width, "height": 900 if width > 400 else 844})
    page.goto(f"{served.url}/sources?claim=src-a5dc40561693-19")
    focus = page.locator("#dossier-focus")
    expect(focus).to_be_in_viewport()
    assert highlighted_text(page, "src-a5dc40561693-19") == claim_texts(served.data)["src-a5dc40561693-19"]


def test_kind_filter_narrows_the_table(served, page):
    page.goto(f"{served.url}/claims")
    wait_for_app(page)
    page.get_by_text("Filter by kind, grade, source or actor").click()
    kind = multiselect(page, "Kind").locator("input")
    expect(kind).to_be_in_viewport()
    open_list(page, kind)
    page.get_by_role("option", name="forecast", exact=True).click()
    page.keyboard.press("Escape")
    page.get_by_text(re.compile(r"^1 of \d+ claims match kind: forecast")).wait_for()
    assert "kind=forecast" in page.url


def test_hostile_claim_shows_as_text_and_fires_nothing(served, page):
    page.goto(f"{served.url}/sources?claim=hostile-01")
    wait_for_app(page)
    focus = page.locator("#dossier-focus")
    expect(focus).to_have_text(HOSTILE_LINE)
    page.get_by_role("heading", name=HOSTILE_TITLE).wait_for()
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator('a[href^="javascript"]').count() == 0

    page.goto(f"{served.url}/claims?q=onerror")
    wait_for_app(page)
    select_row(page, 0, 0)
    context = page.locator(".dossier-document").first
    expect(context).to_contain_text(HOSTILE_LINE)
    expect(context.locator("mark")).to_have_text("onerror")
    assert page.locator('img[src="x"]').count() == 0
    assert page.problems.dialogs == [] and page.problems.errors == []
