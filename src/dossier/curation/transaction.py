"""One curated change: read the tables under the writers' lock, plan, check, commit with its log entry.

Tables are handled as the CSV text they are (every cell a string), so an unchanged row is written back
byte for byte and the change log's row diff shows exactly what changed. The would-be tables are typed
and checked with the loader's own checks before anything is written; a refusal writes nothing.

Concurrency: the lock serialises writers, and every plan runs on the tables as they are under the lock,
so a second writer always sees the first. A caller that planned against what it showed the user (a form)
passes the ``expect`` token it read; if the tables changed since, the change is refused with one line.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..schema import TABLES
from ..settings import ReadOnlyError, read_only
from ..store import DatasetError, commit_files, data_dir, folder_lock, read_table_text, recover
from ..validate import check_event_dates, check_references, type_table
from . import log
from .errors import CurationError

CURATED = tuple(TABLES)  # every table of the schema; imports are never written here


@dataclass
class Tables:
    """The raw string tables of a folder as read under the lock, and the token of what was read."""

    folder: Path
    frames: dict[str, pd.DataFrame]
    raw: dict[str, bytes]
    token: str
    entries: list[dict] = field(default_factory=list)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.frames[name]


@dataclass(frozen=True)
class Change:
    """What a committed change did: its log entry's id and one-line summary."""

    id: int
    op: str
    summary: str
    files: tuple[str, ...]

    def line(self) -> str:
        return f"change {self.id}: {self.summary}"


Plan = Callable[[Tables], tuple[dict[str, pd.DataFrame], str]]


def token_of(raw: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name in CURATED:
        digest.update(name.encode() + b"\0" + hashlib.sha256(raw[name]).digest())
    return digest.hexdigest()[:16]


def data_token(folder: str | Path | None = None) -> str:
    """The version of a folder's curated tables: pass it back as ``expect`` to refuse a stale change."""
    folder = data_dir(folder)
    return token_of({name: _read_bytes(folder, name) for name in CURATED})


def _read_bytes(folder: Path, name: str) -> bytes:
    path = folder / TABLES[name].file
    if not path.exists():
        raise DatasetError(TABLES[name].file, "file is missing (create a dossier with `python -m dossier init DIR`)")
    return path.read_bytes()


def read_tables(folder: Path) -> Tables:
    raw = {name: _read_bytes(folder, name) for name in CURATED}
    frames = {name: read_table_text(folder, TABLES[name]) for name in CURATED}
    return Tables(folder, frames, raw, token_of(raw), log.read_log(folder))


def to_csv(frame: pd.DataFrame) -> bytes:
    """A string table as CSV, in the layout the store writes (so unchanged rows keep their bytes)."""
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def _rows(frame: pd.DataFrame) -> list[list[str]]:
    return frame.astype(str).values.tolist()


def check(tables: dict[str, pd.DataFrame]) -> None:
    """The loader's checks on would-be tables (types, scales, uniqueness, references, event dates)."""
    typed = {name: type_table(frame.reset_index(drop=True), TABLES[name]) for name, frame in tables.items()}
    check_references(typed)
    check_event_dates(typed["events"])


def run(
    folder: str | Path | None,
    op: str,
    plan: Plan,
    expect: str | None = None,
    undoes: int | None = None,
) -> Change:
    """Plan a change on the tables as they are now, check it, and commit it with its log entry."""
    if read_only():
        raise ReadOnlyError()
    folder = data_dir(folder)
    with folder_lock(folder):
        recover(folder, strays=True)
        state = read_tables(folder)
        if expect is not None and expect != state.token:
            last = state.entries[-1] if state.entries else None
            by = f" (last logged: change {last['id']} by {last['by']}, {last['op']})" if last else ""
            raise CurationError(
                f"the dossier changed since this was read{by}; nothing was written: look again and retry"
            )
        original = {name: frame.copy() for name, frame in state.frames.items()}  # a plan may not alter what it read
        changed, summary = plan(state)
        state.frames = original
        changed = {name: frame.reset_index(drop=True) for name, frame in changed.items()}
        files = {name: data for name, frame in changed.items() if (data := to_csv(frame)) != state.raw[name]}
        if not files:
            raise CurationError(f"{summary}: nothing to change")
        try:
            check({**state.frames, **changed})
        except DatasetError as exc:
            raise CurationError(f"refused, the dataset would break: {exc}") from None
        entry = {
            "id": (state.entries[-1]["id"] + 1) if state.entries else 1,
            "at": log.now(),
            "by": log.user(),
            "op": op,
            "summary": summary,
            "undoes": undoes,
            "files": {
                TABLES[name].file: {
                    "columns": list(changed[name].columns),
                    "sha_before": hashlib.sha256(state.raw[name]).hexdigest(),
                    "sha_after": hashlib.sha256(data).hexdigest(),
                    "hunks": [h.__dict__ for h in log.diff(_rows(state.frames[name]), _rows(changed[name]))],
                }
                for name, data in files.items()
            },
        }
        path = folder / log.LOG_FILE
        previous = path.read_bytes() if path.exists() else b""
        if previous and not previous.endswith(b"\n"):
            previous += b"\n"
        writes = {TABLES[name].file: data for name, data in files.items()}
        commit_files(folder, {**writes, log.LOG_FILE: previous + log.entry_line(entry)})
    return Change(entry["id"], op, summary, tuple(sorted(writes)))


def undo(folder: str | Path | None = None, expect: str | None = None) -> Change:
    """Undo the newest change not yet undone, as a change of its own (so it is logged, and can be seen)."""
    by_file = {t.file: name for name, t in TABLES.items()}

    def plan(state: Tables) -> tuple[dict[str, pd.DataFrame], str]:
        target = log.undo_target(state.entries)
        if target is None:
            raise CurationError("there is no change to undo")
        restored = {}
        for file, detail in target["files"].items():
            name = by_file[file]
            if hashlib.sha256(state.raw[name]).hexdigest() != detail["sha_after"]:
                raise CurationError(
                    f"cannot undo change {target['id']}: {file} was changed since (by ingest, import or by hand)"
                )
            rows = log.unapply(_rows(state.frames[name]), log.hunks_of(target, file))
            restored[name] = pd.DataFrame(rows, columns=detail["columns"], dtype=str)
        plan.target = target  # type: ignore[attr-defined]
        return restored, f"undo change {target['id']} ({target['summary']})"

    if read_only():
        raise ReadOnlyError()
    folder = data_dir(folder)
    with folder_lock(folder):
        entries = log.read_log(folder)
        target = log.undo_target(entries)
        return run(folder, "undo", plan, expect=expect, undoes=target["id"] if target else None)
