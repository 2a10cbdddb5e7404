"""Read-only deployments: no ingest or import pages, and every write path refuses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dossier.registry import PAGES
from dossier.settings import ReadOnlyError
from dossier.store import commit_files, folder_checksum

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_READ_ONLY", "1")


def test_commit_refuses_and_writes_nothing(data_copy: Path, read_only):
    before = folder_checksum(data_copy)
    with pytest.raises(ReadOnlyError, match="read-only"):
        commit_files(data_copy, {"claims.csv": b"claim_id\n"})
    assert folder_checksum(data_copy) == before


@pytest.mark.parametrize(
    "command",
    [
        ["ingest", "data/sources/src-a5dc40561693.txt", "--yes"],
        ["import-events", "tests/fixtures/ucdp_standard.csv"],
    ],
)
def test_cli_writers_refuse_in_read_only_mode(data_copy: Path, read_only, command: list[str]):
    before = folder_checksum(data_copy)
    done = subprocess.run(
        [sys.executable, "-m", "dossier", *command, "--data", str(data_copy)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode != 0
    assert "read-only" in done.stderr and "Traceback" not in done.stderr
    assert folder_checksum(data_copy) == before


def test_writing_pages_are_hidden(bundled_data, read_only, run_app):
    at = run_app()
    assert not at.exception
    writing = {p.title for p in PAGES if p.writes}
    assert writing == {"Ingest", "Import", "Curate"}, "the registry marks the pages that write"
    with pytest.raises(Exception):  # noqa: B017 - AppTest raises when the page is not in st.navigation
        run_app(page="pages/ingest.py")


def test_writing_pages_are_shown_otherwise(bundled_data, run_app):
    at = run_app(page="pages/ingest.py")
    assert not at.exception
