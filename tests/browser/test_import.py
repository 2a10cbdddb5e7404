"""The import flow in a real browser: upload a UCDP file, import the good rows, see the events on the timeline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import metric, open_list, wait_for_app
from playwright.sync_api import expect

from dossier import load_dataset
from dossier.store import folder_checksum

pytestmark = pytest.mark.browser
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def upload(page, url: str, name: str) -> None:
    page.goto(f"{url}/import")
    wait_for_app(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": (FIXTURES / name).read_bytes()}
    )


def test_import_good_rows_then_see_them_on_the_timeline(served, page):
    before = load_dataset(served.data)
    upload(page, served.url, "ucdp_standard.csv")
    expect(metric(page, "Rows rejected")).to_have_text("1")
    expect(metric(page, "Rows flagged")).to_have_text("2")
    expect(metric(page, "Rows that pass")).to_have_text("7")
    wait_for_app(page)  # a click during a rerun can be lost
    page.get_by_role("button", name="Import the 7 good rows").click()
    expect(
        page.get_by_text("Imported 7 events from ucdp_standard.csv, 2 of them with data-quality flags.")
    ).to_be_visible()
    expect(page.locator('[data-testid="stFileUploaderFile"]')).to_have_count(0)
    assert len(load_dataset(served.data).events) == len(before.events) + 7

    page.goto(f"{served.url}/timeline?group=TTP")
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    expect(chart).to_contain_text("Lashkar-e-Islam", timeout=60_000)  # a lane for each imported actor
    expect(chart).to_contain_text("Sources: UCDP GED (CC BY 4.0)")
    wait_for_app(page)
    open_list(page, page.locator('[data-testid="stSelectbox"]').filter(has_text="Event").get_by_role("combobox"))
    expect(page.get_by_role("option")).to_have_text(
        ["4 Jul 2022 · TTP - Lashkar-e-Islam", "30 Jan 2023 · Government of Pakistan - TTP",
         "10 May 2023 – 12 May 2023 · TTP - Civilians", "1 Jun 2024 · Government of Pakistan - TTP"]
    )  # fmt: skip
    assert page.problems.dialogs == [] and page.problems.errors == []


def test_rejected_rows_download_is_safe_and_import_nothing_writes_nothing(served, page):
    before = folder_checksum(served.data)
    upload(page, served.url, "acled_text_dates.csv")
    expect(metric(page, "Rows rejected")).to_have_text("2")
    wait_for_app(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the rejected rows (CSV)").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("row,reason,event_id_cnty,event_date")
    assert re.search(r"\n10,event_date '01 Smarch 2024' is not a date", text)
    assert "'=HYPERLINK(" in text and ",=HYPERLINK(" not in text
    wait_for_app(page)
    page.get_by_role("button", name="Import nothing").click()
    expect(page.get_by_text("Nothing was imported from acled_text_dates.csv.")).to_be_visible()
    assert folder_checksum(served.data) == before
    assert page.problems.dialogs == [] and page.problems.errors == []


def test_real_ucdp_rows_import_by_default_and_the_drill_down_names_their_flags(served, page):
    upload(page, served.url, "ucdp_ged_pakistan_excerpt.csv")
    expect(metric(page, "Rows flagged")).to_have_text("30")
    expect(metric(page, "Rows rejected")).to_have_text("0")
    page.get_by_role("button", name="Import 200 events").click()
    expect(page.get_by_text("Imported 200 events from ucdp_ged_pakistan_excerpt.csv, 30 of them")).to_be_visible()

    page.goto(f"{served.url}/timeline?from=2007-11-23&to=2007-11-23")  # UCDP event 55988: best 9, low 9, high 8
    wait_for_app(page)
    open_list(page, page.locator('[data-testid="stSelectbox"]').filter(has_text="Event").get_by_role("combobox"))
    page.get_by_role("option", name="23 Nov 2007 · Government of Pakistan - TTP").click()
    details = page.locator(".st-key-timeline-details")
    expect(details).to_contain_text("Fatalities: 9")
    expect(details).to_contain_text(
        "Data quality: best estimate of deaths above the high estimate; low estimate of deaths above the high "
        "estimate (as published)"
    )
    record = page.locator(".st-key-timeline-details-record")  # UCDP's own words, read from disk for this event
    expect(record).to_contain_text("Imported record: UCDP GED event 55988 (CC BY 4.0)")
    expect(record).to_contain_text("Source articles: The News website, Islamabad, in English 24 Nov 07")
    expect(record).to_contain_text("Where: Swat and Shangla districts")
    assert page.problems.dialogs == [] and page.problems.errors == []
