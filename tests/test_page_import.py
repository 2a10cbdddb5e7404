"""AppTest of the import page: empty state, check a file, choose good rows or nothing, bad files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from dossier import load_dataset
from dossier.registry import PAGES, page_by_url
from dossier.safe import escape_markdown
from dossier.store import folder_checksum

pytestmark = pytest.mark.integration
PAGE = "pages/import.py"
FIXTURES = Path(__file__).parent / "fixtures"
REAL_UCDP = "ucdp_ged_pakistan_excerpt.csv"


def upload(at, name: str, data: bytes | None = None):
    at.file_uploader[0].set_value((name, data if data is not None else (FIXTURES / name).read_bytes(), "text/csv"))
    return at.run()


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_page_is_registered_last_and_hidden_when_read_only():
    assert page_by_url("import").path == PAGE
    assert PAGES[-1].url_path == "import" and PAGES[-1].writes


def test_empty_page_shows_licences_and_no_imports(bundled_data, run_app):
    at = run_app(page=PAGE)
    assert not at.exception
    assert at.title[0].value == "Import events"
    assert any("Sundberg" in c.value for c in at.caption)
    assert any("acleddata" in c.value for c in at.caption)
    assert any(c.value == "Nothing imported yet." for c in at.caption)
    assert at.file_uploader[0].allowed_type == [".csv", ".zip", ".gz"]


def test_check_then_import_the_good_rows(data_copy, run_app):
    at = upload(run_app(page=PAGE), "ucdp_standard.csv")
    assert not at.exception
    assert metrics(at) == {"Rows read": "8", "Rows that pass": "7", "Rows flagged": "2", "Rows rejected": "1"}
    assert at.dataframe[0].value["Problem"].tolist() == ["date_start is not a real date"]
    flags = at.dataframe[1].value
    assert flags.values.tolist() == [
        ["side_b-missing", "side_b is empty", 1],
        ["latitude-invalid", "latitude is not usable (left empty)", 1],
    ]
    assert not (data_copy / "imports.csv").exists()  # checking writes nothing
    labels = [b.label for b in at.button]
    assert "Import the 7 good rows" in labels and "Import nothing" in labels
    at = next(b for b in at.button if b.label == "Import the 7 good rows").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == [
        escape_markdown("Imported 7 events from ucdp_standard.csv, 2 of them with data-quality flags.")
    ]
    registry = at.dataframe[0].value
    assert registry[["File", "Format", "Events", "Flagged", "Rejected"]].values.tolist() == [
        ["ucdp_standard.csv", "UCDP GED", 7, 2, 1]
    ]
    unmapped = at.dataframe[1].value.set_index("Name in the data")
    assert "Lashkar-e-Islam" in unmapped.index
    assert unmapped.loc["IS", "Near matches (score)"] == "IS-K (83)"
    assert len(load_dataset(data_copy).imports) == 1


def test_a_zipped_export_is_checked_like_the_csv_inside(data_copy, run_app):
    """UCDP publishes its GED as a ZIP of one CSV: the page reads the member, and names the archive."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(FIXTURES / REAL_UCDP, "GEDEvent_excerpt.csv")
    at = upload(run_app(page=PAGE), "ged-csv.zip", buffer.getvalue())
    assert not at.exception
    assert metrics(at) == {"Rows read": "200", "Rows that pass": "200", "Rows flagged": "30", "Rows rejected": "0"}
    assert at.subheader[0].value == f"Check: {escape_markdown('ged-csv.zip')}"


def test_the_real_ucdp_excerpt_imports_every_row_with_its_flags(data_copy, run_app):
    at = upload(run_app(page=PAGE), REAL_UCDP)
    assert metrics(at) == {"Rows read": "200", "Rows that pass": "200", "Rows flagged": "30", "Rows rejected": "0"}
    assert [b.label for b in at.button if b.label.startswith("Import")] == ["Import 200 events"]
    assert at.dataframe[0].value["Flag"].tolist() == ["low>high", "best>high", "best<low"]
    not_mapped = at.dataframe[2].value.set_index("Name in the file")
    assert not_mapped.loc["TTP-KM", "Near matches (score)"] == "TTP (83)"
    at = next(b for b in at.button if b.label == "Import 200 events").click().run()
    assert [s.value for s in at.success] == [
        escape_markdown(f"Imported 200 events from {REAL_UCDP}, 30 of them with data-quality flags.")
    ]


def test_import_nothing_leaves_the_data_alone(data_copy, run_app):
    before = folder_checksum(data_copy)
    at = upload(run_app(page=PAGE), "acled_text_dates.csv")
    at = next(b for b in at.button if b.label == "Import nothing").click().run()
    assert [i.value for i in at.info][:1] == [escape_markdown("Nothing was imported from acled_text_dates.csv.")]
    assert folder_checksum(data_copy) == before


def test_a_clean_file_offers_one_button(data_copy, run_app):
    at = upload(run_app(page=PAGE), "acled_iso_dates.csv")
    assert [b.label for b in at.button if b.label.startswith("Import")] == ["Import 3 events"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.csv", b"", "the file is empty"),
        ("wrong.csv", b"a,b,c\n1,2,3\n", "not a UCDP GED or ACLED export"),
    ],
)
def test_bad_files_show_one_error(data_copy, run_app, name, data, message):
    before = folder_checksum(data_copy)
    at = upload(run_app(page=PAGE), name, data)
    assert not at.exception
    assert len(at.error) == 1 and message in at.error[0].value
    assert not [b for b in at.button if b.label.startswith("Import")]
    assert folder_checksum(data_copy) == before


@pytest.mark.parametrize("spec", PAGES, ids=lambda s: s.url_path)
def test_every_page_runs_with_imported_events(data_copy, run_app, spec):
    from dossier.importers.run import import_file

    for name in ("ucdp_standard.csv", "acled_text_dates.csv"):
        import_file(FIXTURES / name, data_copy, good_rows=True)
    at = run_app({"group": "TTP"}, page=spec.path)
    assert not at.exception, spec.path
