"""The import page's steps without a browser: select, check once, choose, notice, fresh uploader."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier import load_dataset
from dossier.importers.session import Act, ImportSession, Notice, Step
from dossier.store import folder_checksum

FIXTURES = Path(__file__).parent / "fixtures"


def upload(name: str, data: bytes | None = None, file_id: str = "f1"):
    content = data if data is not None else (FIXTURES / name).read_bytes()
    return file_id, name, lambda: content


@pytest.mark.parametrize(
    ("name", "labels"),
    [
        ("acled_iso_dates.csv", ["Import 3 events"]),
        ("ucdp_ged_pakistan_excerpt.csv", ["Import 200 events"]),  # flagged rows are imported, nothing to choose
        ("ucdp_standard.csv", ["Import the 7 good rows", "Import nothing"]),
    ],
)
def test_the_actions_on_offer(data_copy, name, labels):
    session = ImportSession()
    assert session.select(upload(name), "auto", data_copy) is Step.REVIEW
    assert [a.label for a in session.actions()] == labels
    assert session.actions()[0].primary


def test_a_file_is_checked_once_per_upload_and_format(data_copy):
    session, reads = ImportSession(), []
    content = (FIXTURES / "acled_iso_dates.csv").read_bytes()

    def read() -> bytes:
        reads.append(1)
        return content

    for fmt in ("auto", "auto", "acled", "acled"):
        session.select(("f1", "a.csv", read), fmt, data_copy)
    assert len(reads) == 2
    assert session.select(None, "acled", data_copy) is Step.SELECT and session.prepared is None


def test_a_refused_file_stays_on_select_with_one_line(data_copy):
    session = ImportSession()
    assert session.select(upload("wrong.csv", b"a,b\n1,2\n"), "auto", data_copy) is Step.SELECT
    assert session.refusal.startswith("wrong.csv: not a UCDP GED or ACLED export")
    assert "\n" not in session.refusal and session.actions() == []


def test_importing_leaves_a_notice_once_and_a_fresh_uploader(data_copy):
    session = ImportSession()
    session.select(upload("ucdp_standard.csv"), "auto", data_copy)
    key = session.uploader_key
    session.act(Act.IMPORT_GOOD, data_copy)
    assert session.take_notice() == Notice(
        "success", "Imported 7 events from ucdp_standard.csv, 2 of them with data-quality flags."
    )
    assert session.take_notice() is None
    assert session.uploader_key != key and session.prepared is None
    assert load_dataset(data_copy).imports["rows_flagged"].tolist() == ["2"]


def test_import_nothing_writes_nothing(data_copy):
    before = folder_checksum(data_copy)
    session = ImportSession()
    session.select(upload("acled_text_dates.csv"), "auto", data_copy)
    session.act(Act.NOTHING, data_copy)
    assert session.take_notice() == Notice("info", "Nothing was imported from acled_text_dates.csv.")
    assert folder_checksum(data_copy) == before


def test_acled_access_details_are_recorded(data_copy):
    session = ImportSession()
    session.select(upload("acled_iso_dates.csv"), "auto", data_copy)
    session.act(Act.IMPORT, data_copy, accessed="2025-01-10", filters="country=Pakistan")
    registry = load_dataset(data_copy).imports
    assert registry[["accessed", "filters"]].values.tolist() == [["2025-01-10", "country=Pakistan"]]


def test_a_refused_commit_becomes_an_error_notice(data_copy):
    session = ImportSession()
    session.select(upload("acled_iso_dates.csv"), "auto", data_copy)
    other = ImportSession()
    other.select(upload("acled_iso_dates.csv", file_id="f2"), "auto", data_copy)
    other.act(Act.IMPORT, data_copy)
    before = folder_checksum(data_copy)
    session.act(Act.IMPORT, data_copy)
    notice = session.take_notice()
    assert notice is not None and notice.kind == "error" and "already imported" in notice.text
    assert folder_checksum(data_copy) == before
