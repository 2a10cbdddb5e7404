"""The CSV to import, read as a stream: the file itself, or the one CSV inside a ZIP or gzip file.

UCDP publishes its global GED as a ZIP holding one CSV, and analysts keep big exports gzipped. Reading
the member as a stream spares them an extraction step and the disk a second copy of a file of hundreds
of megabytes. Everything after this module sees plain CSV bytes: the header checks, the block reader
and the file's hash, which is therefore the CSV's own, so a file imported zipped is recognised when it
comes again unzipped.

An archive that cannot be read this way (damaged, password-protected, holding no CSV or several) is
refused with one line that says what to do, like any other bad file.
"""

from __future__ import annotations

import gzip
import io
import os
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from .spec import ImportRefused

Opener = Callable[[], BinaryIO]

# What a damaged archive raises while it is read (a bad CRC, a truncated stream, a corrupt block).
DAMAGED = (zipfile.BadZipFile, gzip.BadGzipFile, EOFError, zlib.error)
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")  # a member first; an empty archive; spanned
_GZIP_MAGIC = b"\x1f\x8b"
_ENCRYPTED = 0x1  # ZIP general-purpose flag bit 0


def damaged(file_name: str, exc: BaseException) -> ImportRefused:
    """The one line for an archive that broke while it was read."""
    return ImportRefused(file_name, f"the compressed archive is damaged ({exc}): extract the CSV file and import that")


class _Inner(io.RawIOBase):
    """A stream read out of a container; closing it closes the container and the file under it."""

    def __init__(self, stream: BinaryIO, *owners: BinaryIO | zipfile.ZipFile):
        self.stream, self.owners = stream, owners

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        return self.stream.readinto(buffer)

    def close(self) -> None:
        if not self.closed:
            self.stream.close()
            for owner in self.owners:
                owner.close()
        super().close()


def csv_source(source: str | os.PathLike | bytes, file_name: str) -> tuple[Opener, int]:
    """How to open the CSV as a binary stream, and its size in bytes (for progress)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)

        def raw() -> BinaryIO:
            return io.BytesIO(data)

        size = len(data)
    else:
        path = Path(source)
        if not path.is_file():
            raise ImportRefused(path.name, "no such file")

        def raw() -> BinaryIO:
            return open(path, "rb")

        size = path.stat().st_size
    with raw() as handle:
        magic = handle.read(4)
    if magic in _ZIP_MAGICS:
        return _zip_member(raw, file_name)
    if magic.startswith(_GZIP_MAGIC):
        return _gunzipped(raw), _gzip_size(raw, size)
    return raw, size


def _zip_member(raw: Opener, file_name: str) -> tuple[Opener, int]:
    try:
        with zipfile.ZipFile(raw()) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ImportRefused(file_name, f"the compressed archive cannot be read ({exc})") from None
    csvs = [m for m in members if not m.is_dir() and _is_csv(m.filename)]
    if not csvs:
        raise ImportRefused(file_name, "the compressed archive holds no CSV file")
    if len(csvs) > 1:
        names = ", ".join(PurePosixPath(m.filename).name for m in csvs[:3]) + (", …" if len(csvs) > 3 else "")
        raise ImportRefused(
            file_name, f"the compressed archive holds {len(csvs)} CSV files ({names}): extract the one to import"
        )
    member = csvs[0]
    if member.flag_bits & _ENCRYPTED:
        raise ImportRefused(file_name, "the compressed archive is password-protected: extract the CSV file first")
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
        raise ImportRefused(file_name, "the compressed archive uses a method this tool cannot read: extract it first")

    def open_member() -> BinaryIO:
        handle = raw()
        archive = zipfile.ZipFile(handle)
        return io.BufferedReader(_Inner(archive.open(member), archive, handle))

    return open_member, member.file_size


def _is_csv(name: str) -> bool:
    """A CSV member, not macOS's resource-fork copy of one (``__MACOSX/._export.csv``)."""
    path = PurePosixPath(name)
    return path.suffix.lower() == ".csv" and "__MACOSX" not in path.parts and not path.name.startswith("._")


def _gunzipped(raw: Opener) -> Opener:
    def open_stream() -> BinaryIO:
        handle = raw()
        return io.BufferedReader(_Inner(gzip.GzipFile(fileobj=handle, mode="rb"), handle))

    return open_stream


def _gzip_size(raw: Opener, size: int) -> int:
    """The uncompressed size from the gzip trailer (exact below 4 GiB), for the progress bar only."""
    if size < 18:
        return size
    with raw() as handle:
        handle.seek(-4, os.SEEK_END)
        stated = int.from_bytes(handle.read(4), "little")
    return max(stated, size)
