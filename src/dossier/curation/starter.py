"""``python -m dossier init DIR``: a new, valid, empty dossier with a starter gazetteer."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..schema import TABLES
from ..settings import ReadOnlyError, read_only
from ..store import commit_files, folder_lock, table_to_csv
from .errors import CurationError
from .gazetteer import starter_actors


def create(folder: str | Path) -> dict[str, int]:
    """Write every table (headers only; actors.csv holds the starter gazetteer) into a new or empty folder."""
    if read_only():
        raise ReadOnlyError()
    folder = Path(folder).expanduser()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise CurationError(f"{folder} already exists and is not an empty folder: nothing was written")
    folder.mkdir(parents=True, exist_ok=True)
    actors = starter_actors()
    files = {}
    for name, table in TABLES.items():
        frame = actors if name == "actors" else pd.DataFrame(columns=table.column_names)
        files[table.file] = table_to_csv(frame, table)
    with folder_lock(folder):
        commit_files(folder, files)
    (folder / "sources").mkdir(exist_ok=True)
    kinds = actors["kind"].value_counts()
    return {"countries": int(kinds.get("state", 0)), "organisations": int(kinds.get("international_org", 0))}
