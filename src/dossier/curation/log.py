"""The change log: one JSON line per change in ``changes.jsonl``, beside the tables it describes.

Each entry says when, who, what (a one-line summary) and, per file, the rows before and after as
hunks of a row diff, with the file's SHA-256 before and after. The hunks make the entry readable and
make undo exact: replaying them backwards rebuilds the file as it was, and the checksums prove that
nothing else (an ingest, an import, a hand edit) changed the file since.
"""

from __future__ import annotations

import difflib
import getpass
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..store import DatasetError

LOG_FILE = "changes.jsonl"
ENTRY_KEYS = ("id", "at", "by", "op", "summary", "files")


@dataclass(frozen=True)
class Hunk:
    at: int  # first row (0-based, data rows only) of ``after`` in the new file
    before: list[list[str]]
    after: list[list[str]]


def user() -> str:
    """Who makes a change: $DOSSIER_USER, else the operating-system user."""
    explicit = os.environ.get("DOSSIER_USER", "").strip()
    if explicit:
        return explicit
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def diff(before: list[list[str]], after: list[list[str]]) -> list[Hunk]:
    """The rows that differ, as hunks that turn ``before`` into ``after``."""
    old, new = [tuple(r) for r in before], [tuple(r) for r in after]
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    return [
        Hunk(j1, [list(r) for r in old[i1:i2]], [list(r) for r in new[j1:j2]])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def unapply(after: list[list[str]], hunks: list[Hunk]) -> list[list[str]]:
    """The rows before the change, from the rows after it."""
    rows = [list(r) for r in after]
    for hunk in reversed(hunks):
        if rows[hunk.at : hunk.at + len(hunk.after)] != hunk.after:
            raise ValueError("the rows differ from the change's result")
        rows[hunk.at : hunk.at + len(hunk.after)] = hunk.before
    return rows


def read_log(folder: Path) -> list[dict]:
    """Every entry, oldest first ([] when nothing was ever changed)."""
    path = Path(folder) / LOG_FILE
    if not path.exists():
        return []
    entries = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except ValueError:
            raise DatasetError(LOG_FILE, "not a JSON object", line_no) from None
        if not isinstance(entry, dict) or any(k not in entry for k in ENTRY_KEYS):
            raise DatasetError(LOG_FILE, f"an entry needs {', '.join(ENTRY_KEYS)}", line_no)
        entries.append(entry)
    return entries


def check_log(folder: Path) -> int:
    """Raise DatasetError naming the line when the log is malformed; return the number of entries."""
    entries = read_log(folder)
    ids = [e["id"] for e in entries]
    if ids != list(range(1, len(ids) + 1)):
        bad = next(i for i, (a, b) in enumerate(zip(ids, range(1, len(ids) + 1)), start=1) if a != b)
        raise DatasetError(LOG_FILE, "change ids must count up from 1", bad)
    return len(entries)


def hunks_of(entry: dict, file: str) -> list[Hunk]:
    return [Hunk(h["at"], h["before"], h["after"]) for h in entry["files"][file]["hunks"]]


def entry_line(entry: dict) -> bytes:
    return (json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def undo_target(entries: list[dict]) -> dict | None:
    """The newest change not undone yet (undos themselves are not undone: undo steps back)."""
    undone = {e.get("undoes") for e in entries if e.get("undoes")}
    for entry in reversed(entries):
        if not entry.get("undoes") and entry["id"] not in undone:
            return entry
    return None


def records(entry: dict, file: str) -> tuple[list[dict], list[dict]]:
    """The rows of ``file`` before and after a change, as dicts, for display."""
    columns = entry["files"][file]["columns"]
    before = [dict(zip(columns, r)) for h in entry["files"][file]["hunks"] for r in h["before"]]
    after = [dict(zip(columns, r)) for h in entry["files"][file]["hunks"] for r in h["after"]]
    return before, after
