"""A ZIP or gzip file holding one CSV imports as that CSV; archives that cannot be read get one line."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from dossier.importers import ImportRefused
from dossier.importers.run import commit_import, prepare_import
from dossier.store import folder_checksum

FIXTURES = Path(__file__).parent / "fixtures"
CSV = (FIXTURES / "ucdp_ged_pakistan_excerpt.csv").read_bytes()


def zipped(*members: tuple[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def encrypted_flag(name: str, data: bytes) -> bytes:
    """A ZIP whose member says it is encrypted: bit 0 of its flags set in both of its headers (Python
    cannot write encrypted members)."""
    raw = bytearray(zipped((name, data)))
    raw[6] |= 0x1  # the local file header's flags
    central = raw.index(b"PK\x01\x02")
    raw[central + 8] |= 0x1  # the central directory entry's flags
    return bytes(raw)


def bad_crc() -> bytes:
    """A stored member whose bytes were changed after its CRC was written."""
    data = bytearray(zipped(("ged.csv", CSV), method=zipfile.ZIP_STORED))
    at = data.index(b"Pakistan", 2000)
    data[at : at + 8] = b"Pakestan"
    return bytes(data)


def events(prep) -> pd.DataFrame:
    return pd.read_parquet(prep.parts[f"imports/{prep.import_id}.events.parquet"])


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("ged.zip", zipped(("ged.csv", CSV))),
        ("ged-stored.zip", zipped(("ged.csv", CSV), method=zipfile.ZIP_STORED)),
        ("ged-in-folder.zip", zipped(("ged251-csv/GEDEvent_v25_1.CSV", CSV))),
        ("mac.zip", zipped(("ged.csv", CSV), ("__MACOSX/._ged.csv", b"\x00\x05\x16\x07"), ("README.txt", b"hi"))),
        ("ged.csv.gz", gzip.compress(CSV)),
    ],
)
def test_the_one_csv_in_an_archive_imports_as_the_csv_itself(data_copy, name, content):
    plain = prepare_import(CSV, data_copy, file_name="ged.csv")
    packed = prepare_import(content, data_copy, file_name=name)
    assert packed.file_name == name
    assert (packed.rows_read, packed.rows_good, packed.rows_flagged) == (200, 200, 30)
    assert packed.sha256 == plain.sha256  # the CSV's own hash: the same file is recognised however it comes
    pd.testing.assert_frame_equal(events(packed), events(plain))


def test_a_file_imported_zipped_is_recognised_when_it_comes_again_unzipped(data_copy):
    commit_import(prepare_import(zipped(("ged.csv", CSV)), data_copy, file_name="ged.zip"), data_copy)
    with pytest.raises(ImportRefused, match="already imported"):
        prepare_import(CSV, data_copy, file_name="ged.csv")


def test_an_archive_on_disk_is_read_as_a_stream(data_copy, tmp_path):
    path = tmp_path / "ged.csv.gz"
    path.write_bytes(gzip.compress(CSV))
    prep = prepare_import(path, data_copy)
    assert prep.file_name == "ged.csv.gz" and prep.rows_read == 200


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(
            zipped(("a.csv", CSV), ("b.csv", CSV)), "holds 2 CSV files (a.csv, b.csv): extract the one to", id="two"
        ),
        pytest.param(zipped(("word/document.xml", b"<w:document/>")), "holds no CSV file", id="docx"),
        pytest.param(zipped(), "holds no CSV file", id="empty-zip"),
        pytest.param(encrypted_flag("ged.csv", CSV), "password-protected", id="encrypted"),
        pytest.param(zipped(("ged.csv", CSV))[:3000], "cannot be read", id="cut-zip"),
        pytest.param(b"PK\x03\x04" + b"\x00" * 64, "cannot be read", id="not-a-zip"),
        pytest.param(bad_crc(), "damaged (Bad CRC-32", id="bad-crc"),
        pytest.param(gzip.compress(CSV)[:3000], "damaged (Compressed file ended", id="cut-gzip"),
        pytest.param(b"\x1f\x8b\x08\x00" + b"\xff" * 64, "damaged", id="bad-gzip"),
        pytest.param(zipped(("inner.csv", zipped(("ged.csv", CSV)))), "compressed archive", id="zip-in-zip"),
        pytest.param(gzip.compress(b"just some prose, not a table\n"), "not a UCDP GED or ACLED", id="gzip-of-prose"),
    ],
)
def test_an_archive_that_cannot_be_read_gets_one_line_and_nothing_is_written(data_copy, content, message):
    before = folder_checksum(data_copy)
    with pytest.raises(ImportRefused) as refused:
        commit_import(prepare_import(content, data_copy, file_name="export.zip"), data_copy)
    text = str(refused.value)
    assert text.startswith("export.zip: ") and message in text and "\n" not in text
    assert folder_checksum(data_copy) == before
