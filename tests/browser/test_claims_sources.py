"""Claims explorer and source reader in a real browser: search, select, open in source, hostile text."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, expect_joined_text, multiselect, open_expander, wait_for_app
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


def expect_highlighted(page, claim_id: str, text: str) -> None:
    """Wait until the reader's highlighted pieces of ``claim_id`` read exactly ``text``."""
    expect_joined_text(page, f'.dossier-document .dossier-claim[data-claims~="{claim_id}"]', text)


def has_word(word: str) -> re.Pattern:
    """An attribute value holding ``word`` among its space-separated words."""
    return re.compile(rf"(^|\s){re.escape(word)}(\s|$)")


def test_search_select_and_open_the_exact_span_in_the_reader(served, page):
    page.goto(f"{served.url}/claims")
    wait_for_app(page)
    search = page.get_by_role("textbox", name="Search claim text")
    search.fill("is-k")
    search.press("Enter")
    expect(page.get_by_text(re.compile(r"^4 of \d+ claims match “is-k”"))).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]q=is-k(&|$)"))

    wait_for_app(page)  # a click during a rerun can be lost
    select_row(page, 0, 0)
    panel = page.get_by_text(re.compile(r"^src-a5dc40561693-\d\d · "))
    expect(panel).to_be_visible()
    claim_id = panel.inner_text().split(" · ")[0]  # which row is first is the table's business; read, then check
    expect(page.locator(".dossier-document mark").first).to_have_text(re.compile(r"^is-k$", re.IGNORECASE))

    wait_for_app(page)
    page.get_by_role("link", name="Open in source").click()
    expect(page).to_have_url(re.compile(rf"/sources\?(.*&)?claim={claim_id}"))
    focus = page.locator("#dossier-focus")
    expect(focus).to_be_in_viewport()
    expect(focus).to_have_attribute("data-claims", has_word(claim_id))
    expect(focus).to_have_attribute("title", re.compile(rf"^{re.escape(claim_id)}"))  # the id on hover
    expect_highlighted(page, claim_id, claim_texts(served.data)[claim_id])
    expect(focus).to_have_css("outline-style", "solid")
    expect(page.locator(".dossier-document .dossier-claim").nth(18)).to_be_attached()  # every span, 19 or more
    assert page.problems.dialogs == [] and page.problems.errors == []


def test_choosing_a_claim_in_the_reader_moves_the_emphasis(served, page):
    page.goto(f"{served.url}/sources?source=src-a5dc40561693")
    expect(page.locator('[data-testid="stDataFrame"]').nth(1)).to_be_visible()
    expect(page.locator("#dossier-focus")).to_have_count(0)
    wait_for_app(page)  # a click during a rerun can be lost
    select_row(page, 1, 4)  # the fifth claim of the document, in the "Claims in this source" table
    expect(page).to_have_url(re.compile(r"claim=src-a5dc40561693-05"))
    focus = page.locator("#dossier-focus")
    expect(focus).to_be_in_viewport()
    expect(focus).to_have_attribute("data-claims", "src-a5dc40561693-05")


@pytest.mark.parametrize("width", [1440, 390])
def test_a_deep_link_scrolls_the_last_claim_into_view(served, page, width):
    page.set_viewport_size({"width": width, "height": 900 if width > 400 else 844})
    page.goto(f"{served.url}/sources?claim=src-a5dc40561693-19")
    focus = page.locator("#dossier-focus")
    expect(focus).to_be_in_viewport()
    expect_highlighted(page, "src-a5dc40561693-19", claim_texts(served.data)["src-a5dc40561693-19"])


def test_kind_filter_narrows_the_table(served, page):
    page.goto(f"{served.url}/claims")
    wait_for_app(page)
    open_expander(page, "Filter by kind, grade, source or actor")
    kind = multiselect(page, "Kind").locator("input")
    expect(kind).to_be_in_viewport()
    kind.fill("forecast")  # typed, as a keyboard user picks: no click on a list that a rerun may redraw
    expect(page.get_by_role("option", name="forecast", exact=True)).to_be_visible()  # the list has narrowed
    kind.press("Enter")
    page.keyboard.press("Escape")
    expect(page.get_by_text(re.compile(r"^1 of \d+ claims match kind: forecast"))).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]kind=forecast(&|$)"))


def test_hostile_claim_shows_as_text_and_fires_nothing(served, page):
    page.goto(f"{served.url}/sources?claim=hostile-01")
    focus = page.locator("#dossier-focus")
    expect(focus).to_have_text(HOSTILE_LINE)
    expect(page.get_by_role("heading", name=HOSTILE_TITLE)).to_be_visible()
    wait_for_app(page)  # the whole page drawn: now its absences mean something
    expect(page.locator('img[src="x"]')).to_have_count(0)
    expect(page.locator('a[href^="javascript"]')).to_have_count(0)

    page.goto(f"{served.url}/claims?q=onerror")
    wait_for_app(page)
    select_row(page, 0, 0)
    context = page.locator(".dossier-document").first
    expect(context).to_contain_text(HOSTILE_LINE)
    expect(context.locator("mark")).to_have_text("onerror")
    wait_for_app(page)
    expect(page.locator('img[src="x"]')).to_have_count(0)
    assert page.problems.dialogs == [] and page.problems.errors == []
