"""`python -m dossier import-events`: summary, choice between good rows and nothing, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dossier.cli import main
from dossier.store import folder_checksum

FIXTURES = Path(__file__).parent / "fixtures"


def test_rejected_rows_import_nothing_by_default(data_copy, capsys):
    before = folder_checksum(data_copy)
    assert main(["import-events", str(FIXTURES / "ucdp_standard.csv")]) == 2
    out, err = capsys.readouterr()
    assert "ucdp_standard.csv: UCDP GED (standard layout), 8 rows read" in out
    assert "date_start is not a real date" in out
    assert "2 of them imported as published with a data-quality flag:" in out
    assert "latitude-invalid: latitude is not usable (left empty)" in out
    assert err.strip().splitlines()[-1] == (
        "error: ucdp_standard.csv: 1 of 8 rows were rejected, so nothing was imported; "
        "rerun with --good-rows to import the 7 good rows"
    )
    assert folder_checksum(data_copy) == before


def test_good_rows_import_with_a_summary_and_a_rejected_file(data_copy, capsys, tmp_path):
    rejected = tmp_path / "rejected.csv"
    argv = ["import-events", str(FIXTURES / "acled_text_dates.csv"), "--good-rows", "--rejected", str(rejected),
            "--accessed", "2025-01-10", "--filters", "country=Pakistan"]  # fmt: skip
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert "7 rows pass the checks, 2 rejected" in out
    assert "TTP: Tehreek-i-Taliban Pakistan -> TTP" in out
    assert "actors: 4 names mapped to the gazetteer, 5 unmapped" in out
    assert "ACLED (accessed 2025-01-10; filters: country=Pakistan)" in out
    assert out.strip().endswith("events as acled-2f3ddc3ee225")
    assert "100% 9 rows read and checked" in err
    rows = pd.read_csv(rejected, dtype=str, keep_default_na=False)
    assert rows["row"].tolist() == ["6", "10"]
    assert rows.loc[rows["event_id_cnty"] == "PAK1009", "notes"].item().startswith("'=HYPERLINK(")
    registry = pd.read_csv(data_copy / "imports.csv", dtype=str, keep_default_na=False)
    assert registry[["accessed", "filters"]].values.tolist() == [["2025-01-10", "country=Pakistan"]]


def test_check_only_writes_nothing(data_copy, capsys):
    before = folder_checksum(data_copy)
    assert main(["import-events", str(FIXTURES / "ucdp_hdx.csv"), "--check"]) == 0
    assert "nothing was written" in capsys.readouterr().out
    assert folder_checksum(data_copy) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.csv"], "error: missing.csv: no such file"),
        ([str(FIXTURES / "ucdp_hdx.csv"), "--format", "acled"], "missing column(s) for ACLED: event_id_cnty"),
        ([str(FIXTURES / "acled_iso_dates.csv"), "--accessed", "last week"], "--accessed 'last week' is not a date"),
    ],
)
def test_bad_input_is_one_line_without_traceback(data_copy, capsys, args, message):
    assert main(["import-events", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("error: ")


def test_read_only_refuses(data_copy, capsys, monkeypatch):
    monkeypatch.setenv("DOSSIER_READ_ONLY", "1")
    assert main(["import-events", str(FIXTURES / "ucdp_hdx.csv")]) == 2
    assert "read-only" in capsys.readouterr().err
    assert not (data_copy / "imports.csv").exists()
