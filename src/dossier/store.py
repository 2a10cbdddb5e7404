"""Reading and writing a dataset folder.

CSV is read as text and typed only after validation, so a bad cell is reported
with its file and row instead of surfacing later as a pandas dtype error.
Writes go to a temporary file first and are swapped in with ``os.replace``.
"""

from __future__ import annotations

import contextlib
import csv
import fcntl
import hashlib
import io
import json
import os
import re
import shutil
import stat
import tempfile
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import BinaryIO

import pandas as pd

from .schema import LIST_SEPARATOR, Table
from .settings import ReadOnlyError, read_only

COPY_BUFFER = 16 * 2**20  # bytes per read when a spooled file is copied into the folder

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"


# Control characters and bidirectional overrides: a name holding them could break a message in two or
# rewrite the terminal, so messages show them as escapes (\n, \x1b, \u202e).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` safe for a one-line message: control and bidi characters become visible escapes."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def display_name(name: str) -> str:
    """An uploaded or given file name as Dossier records it: the last path part, printable."""
    return printable(PurePosixPath(name.replace("\\", "/")).name or name)


class DatasetError(ValueError):
    """A dataset that breaks its contract; the message names file, row and problem."""

    def __init__(self, file: str, problem: str, row: int | None = None):
        file = printable(file)
        self.file, self.row, self.problem = file, row, problem
        where = f"{file}, line {row}" if row is not None else file
        super().__init__(f"{where}: {problem}")


def data_dir(path: str | os.PathLike | None = None) -> Path:
    """The folder to use: an explicit path, else $DOSSIER_DATA, else the bundled data/."""
    chosen = path or os.environ.get("DOSSIER_DATA") or DEFAULT_DATA_DIR
    return Path(chosen).expanduser().resolve()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_table_text(folder: Path, table: Table) -> pd.DataFrame:
    """Read one CSV as strings, checking its header against the schema."""
    path = folder / table.file
    if not path.exists():
        raise DatasetError(table.file, "file is missing")
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DatasetError(table.file, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    try:
        frame = pd.read_csv(io.StringIO(raw), dtype=str, keep_default_na=False, na_filter=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DatasetError(table.file, f"malformed CSV ({str(exc).strip().splitlines()[-1]})") from None
    missing = [c for c in table.column_names if c not in frame.columns]
    if missing:
        raise DatasetError(table.file, f"missing column(s): {', '.join(missing)}")
    duplicated = frame.columns[frame.columns.str.contains(r"\.\d+$", regex=True)]
    if len(duplicated):
        raise DatasetError(table.file, f"duplicate column: {duplicated[0].rsplit('.', 1)[0]}")
    return frame


def _temp_beside(target: Path) -> tuple[int, str]:
    """A temp file beside ``target`` with the permissions the file it replaces would have.

    ``mkstemp`` creates files readable by their owner only; renamed over a shared data file, that
    would lock colleagues (or the dashboard's service account) out of it. Keep the target's mode if
    it exists, else the mode a plain ``open`` gives under the process's umask.
    """
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    os.fchmod(fd, mode)
    return fd, tmp


def _umask() -> int:
    """The process's umask, read without setting it (``os.umask`` would race other threads' file creation)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return 0o022


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write to a sibling temporary file, fsync, then rename over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _temp_beside(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def table_to_csv(frame: pd.DataFrame, table: Table) -> bytes:
    """Serialise a typed table back to the diff-friendly CSV layout."""
    out = frame.copy()
    for column in table.columns:
        if column.name not in out:
            out[column.name] = ""
        values = out[column.name]
        if column.kind == "list":
            out[column.name] = values.map(lambda v: LIST_SEPARATOR.join(v) if isinstance(v, (list, tuple)) else "")
        elif column.kind == "date":
            out[column.name] = pd.to_datetime(values).dt.strftime("%Y-%m-%d").fillna("")
        elif column.kind == "bool":
            out[column.name] = values.map(lambda v: "true" if v is True else "false" if v is False else "")
        elif column.kind in ("int", "float"):
            out[column.name] = values.map(
                lambda v: "" if pd.isna(v) else (str(int(v)) if float(v).is_integer() else str(v))
            )
    extra = [c for c in frame.columns if c not in table.column_names and not str(c).startswith("_")]
    columns = table.column_names + extra  # "_" columns are in-memory indexes, never written
    buffer = io.StringIO()
    out[columns].to_csv(buffer, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def folder_checksum(folder: Path) -> str:
    """One digest over every file in a dataset folder, for 'unchanged' checks."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


JOURNAL = ".journal.json"


def commit_files(folder: Path, files: Mapping[str, bytes | memoryview | BinaryIO]) -> None:
    """Replace several files of a dataset folder as one transaction.

    Each new file is written and fsynced beside its target first. The journal that
    lists them is then written atomically: that is the commit point. Only then are
    the files swapped in. A crash before the journal leaves the old dataset; a crash
    after it is rolled forward by ``recover`` on the next load. Readers never see a mix.
    Callers hold the folder's writer lock (ingest and import do), so older temp files are strays.
    """
    if read_only():
        raise ReadOnlyError()
    folder = Path(folder)
    recover(folder, strays=True)
    staged: dict[str, str] = {}
    try:
        for relative, data in files.items():
            target = _inside(folder, relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = _temp_beside(target)
            with os.fdopen(fd, "wb") as handle:
                if isinstance(data, (bytes, bytearray, memoryview)):
                    handle.write(data)
                else:  # a spooled file (an import's Parquet part): copied in from its start, not read whole
                    data.seek(0)
                    shutil.copyfileobj(data, handle, COPY_BUFFER)
                handle.flush()
                os.fsync(handle.fileno())
            staged[relative] = str(Path(tmp).relative_to(folder))
        write_bytes_atomic(folder / JOURNAL, json.dumps(staged).encode())
    except BaseException:
        for tmp in staged.values():
            (folder / tmp).unlink(missing_ok=True)
        raise
    recover(folder)


_held = threading.local()


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """The writers' lock: an exclusive advisory lock on the data folder itself (no lock file).

    Re-entrant within a thread, so a writer that re-reads the dataset under the lock (and so
    may run ``recover``) does not deadlock; other threads and processes wait.
    """
    key = str(Path(folder).resolve())
    held: set[str] = getattr(_held, "folders", set())
    _held.folders = held
    if key in held:
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        held.add(key)
        yield
    finally:
        held.discard(key)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def recover(folder: Path, strays: bool = False) -> None:
    """Finish a committed transaction that a crash interrupted.

    A reader may run this while the writer is finishing the same journal, so a file that is
    already in place is skipped. Only the writer, holding the lock, passes ``strays=True`` to
    drop the temp files of a transaction that never reached its journal: for anyone else they
    could be the files another writer is staging right now.
    """
    folder = Path(folder)
    journal = folder / JOURNAL
    try:
        raw = journal.read_bytes()
    except FileNotFoundError:
        raw = None
    if raw is not None:
        try:
            staged = json.loads(raw)
        except ValueError:
            staged = {}  # a torn journal cannot exist (it is written atomically); treat as nothing committed
        for relative, tmp in staged.items():
            with contextlib.suppress(FileNotFoundError):  # moved in already, by the writer or another reader
                os.replace(folder / tmp, _inside(folder, relative))
        _fsync_dir(folder)
        with contextlib.suppress(FileNotFoundError):
            if journal.read_bytes() == raw:  # not a newer transaction's journal
                journal.unlink()
    if strays:
        for stray in folder.rglob(".*.tmp"):
            stray.unlink(missing_ok=True)


def _inside(folder: Path, relative: str) -> Path:
    target = (folder / relative).resolve()
    if folder.resolve() not in target.parents:
        raise ValueError(f"refusing to write outside the data folder: {relative!r}")
    return target


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
