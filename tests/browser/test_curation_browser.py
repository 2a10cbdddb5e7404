"""Curation in a real browser: a perception recorded from the reader reaches the matrix with its evidence,
an edit and its undo, and an imported name mapped onto the gazetteer takes its events with it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, open_expander, open_list, wait_for_app
from playwright.sync_api import expect

from dossier import curation, load_dataset
from dossier.importers.run import commit_import, prepare_import

pytestmark = pytest.mark.browser

C7 = "src-a5dc40561693-07"
WAIT = 30_000  # ms: a write, a rerun and a reload of the dataset on a busy machine
C7_TEXT = "with Pakistan focusing on the Tehreek-e-Taliban Pakistan (TTP) rather than IS-K."


@pytest.fixture(scope="module")
def app_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled data plus a UCDP import with a side ("IS") the gazetteer does not map."""
    folder = tmp_path_factory.mktemp("curation") / "data"
    shutil.copytree(ROOT / "data", folder)
    commit_import(prepare_import(ROOT / "tests" / "fixtures" / "ucdp_standard.csv", folder), folder, good_rows=True)
    return folder


def choose(page, key: str, search: str, option: str) -> None:
    """Pick ``option`` in the selectbox with widget key ``key``, typing ``search`` to find it."""
    box = page.locator(f".st-key-{key}").get_by_role("combobox")
    box.scroll_into_view_if_needed()
    open_list(page, box)
    page.keyboard.type(search)
    page.get_by_role("option", name=option).click()
    expect(box).to_have_value(option)


def open_cell(page, url: str, search: str, option: str) -> None:
    page.goto(url)
    wait_for_app(page)
    choose(page, "threat-chart-pick", search, option)
    wait_for_app(page)


def test_a_perception_added_from_the_reader_appears_on_the_matrix_with_its_evidence(served, page):
    page.goto(f"{served.url}/sources?claim={C7}")
    wait_for_app(page)
    open_expander(page, "Record a judgment citing this claim")
    choose(page, "reader-claim-assessment-perceiver", "United States", "United States (USA)")
    choose(page, "reader-claim-assessment-threat", "TTP", "Tehreek-e-Taliban Pakistan (TTP)")
    choose(page, "reader-claim-assessment-level", "recog", "recognised")
    page.get_by_role("button", name="Add threat perception").click()
    expect(page.get_by_text("add assessment usa-ttp: USA sees TTP as recognised")).to_be_visible(timeout=WAIT)

    open_cell(
        page, f"{served.url}/matrix", "United States × Teh", "United States × Tehreek-e-Taliban Pakistan: recognised"
    )
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_text("United States on Tehreek-e-Taliban Pakistan: recognised")).to_be_visible(timeout=WAIT)
    expect(main.locator("blockquote").filter(has_text=C7_TEXT)).to_have_count(1, timeout=WAIT)
    assert page.problems.dialogs == [] and page.problems.errors == []


def test_an_edit_on_the_matrix_and_its_undo(served, page):
    open_cell(page, f"{served.url}/matrix", "Pakistan × Isl", "Pakistan × Islamic State-Khorasan: recognised")
    main = page.locator('[data-testid="stMain"]')
    open_expander(main, "Change or remove pak-isk")
    choose(page, "cell-edit-pak-isk-level", "high", "high")
    main.get_by_role("button", name="Save").click()
    expect(main.get_by_text("edit assessment pak-isk")).to_be_visible(timeout=WAIT)
    expect(main.get_by_text("Pakistan on Islamic State-Khorasan: high")).to_be_visible(timeout=WAIT)
    assert load_dataset(served.data).assessments.set_index("assessment_id").loc["pak-isk", "level"] == "high"

    page.goto(f"{served.url}/curate")
    wait_for_app(page)
    undo = page.get_by_role("button", name="Undo change")
    expect(undo).to_contain_text("edit assessment pak-isk", timeout=WAIT)
    undo.click()
    expect(page.get_by_text("undo change")).to_be_visible(timeout=WAIT)

    open_cell(page, f"{served.url}/matrix", "Pakistan × Isl", "Pakistan × Islamic State-Khorasan: recognised")
    expect(main.get_by_text("Pakistan on Islamic State-Khorasan: recognised")).to_be_visible(timeout=WAIT)
    assert page.problems.dialogs == [] and page.problems.errors == []


def test_an_alias_for_an_unmapped_import_name_moves_its_events_onto_the_gazetteer_actor(served, page):
    before = len(load_dataset(served.data).filter(groups=["IS-K"]).events)
    events = page.locator('[data-testid="stMetric"]').filter(has_text="Events").locator('[data-testid="stMetricValue"]')
    page.goto(f"{served.url}/?group=IS-K")
    wait_for_app(page)
    expect(events).to_have_text(str(before), timeout=WAIT)

    page.goto(f"{served.url}/import")
    wait_for_app(page)
    choose(page, "map-is", "Islamic", "Islamic State-Khorasan (IS-K)")
    page.get_by_role("button", name="Map the chosen names").click()
    expect(page.get_by_text("add alias 'IS' → IS-K")).to_be_visible(timeout=WAIT)

    page.goto(f"{served.url}/?group=IS-K")
    wait_for_app(page)
    expect(events).to_have_text(str(before + 1), timeout=WAIT)
    assert curation.read_log(served.data)[-1]["op"] == "add alias"
    assert page.problems.dialogs == [] and page.problems.errors == []
