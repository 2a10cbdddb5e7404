"""The Dataset: every table of one data folder, loaded, checked and filterable."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

import pandas as pd
import pyarrow as pa

from . import filters
from .importers.load import empty_registry, load_imports, merge_into
from .store import data_dir, folder_lock, recover
from .validate import load_tables


@dataclass(frozen=True)
class Dataset:
    """Frames are shared, never mutated: every transformation returns a new Dataset."""

    sources: pd.DataFrame
    claims: pd.DataFrame
    actors: pd.DataFrame
    events: pd.DataFrame
    event_actors: pd.DataFrame
    event_claims: pd.DataFrame
    claim_actors: pd.DataFrame
    assessments: pd.DataFrame
    relations: pd.DataFrame
    imports: pd.DataFrame = field(default_factory=empty_registry)  # data/imports.csv: one row per import
    folder: Path | None = None
    selection: filters.Selection = field(default_factory=filters.Selection)

    def filter(self, **criteria: object) -> Dataset:
        """Restrict every table consistently: ``ds.filter(countries=["Pakistan"], start="2025-01-01")``.

        The keywords are the ``arg`` names of ``filters.FILTERS`` (countries, groups, start, end, event_types,
        reliabilities); ``filters`` states the rules.
        """
        return self.apply(filters.Selection(**criteria))

    def apply(self, selection: filters.Selection) -> Dataset:
        return replace(self, **filters.apply(self.tables(), selection), selection=selection)

    def tables(self) -> dict[str, pd.DataFrame]:
        return {f.name: getattr(self, f.name) for f in fields(self) if isinstance(getattr(self, f.name), pd.DataFrame)}

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in ("sources", "claims", "actors", "events")}


def load_dataset(path: str | os.PathLike | None = None, imports: bool = True) -> Dataset:
    """Load and validate a data folder (default: $DOSSIER_DATA, else the bundled data/).

    Imported event data (data/imports/) is appended to events, event_actors and actors unless
    ``imports=False``: code that writes the curated CSV files back must load with ``imports=False``.
    Raises ``DatasetError`` naming the file, line and problem when the folder breaks the contract.
    """
    folder = data_dir(path)
    if (folder / ".journal.json").exists() and os.access(folder, os.W_OK):
        with folder_lock(folder):  # wait for a writer that is still finishing; or finish a crashed commit
            recover(folder)
    tables = load_tables(folder)
    imported = load_imports(folder, tables["actors"]) if imports else None  # validated at import; Parquet
    if imported is None:
        return Dataset(folder=folder, **_indexed(tables))
    return Dataset(folder=folder, imports=imported.registry, **_indexed(merge_into(tables, imported)))


def _indexed(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Give event-actor links their events' positions, so filters join by integer, not by string id."""
    events, links = _one_chunk(tables["events"]), _one_chunk(tables["event_actors"])
    return {**tables, "events": events, "event_actors": filters.with_event_rows(events, links)}


def _one_chunk(frame: pd.DataFrame) -> pd.DataFrame:
    """Arrow-backed columns in one contiguous chunk each.

    Loading concatenates the curated rows and every import, and pandas keeps the pieces: a
    million-row column sat in dozens of chunks, and pyarrow's ``take`` joins them on every call,
    so each filter and even a 64-row ``iloc`` copied the whole column.
    """
    changed = {}
    for name in frame.columns:
        values = frame[name].array
        chunked = values.__arrow_array__() if hasattr(values, "__arrow_array__") else None
        if isinstance(chunked, pa.ChunkedArray) and chunked.num_chunks > 1:
            one = frame[name].dtype.__from_arrow__(pa.chunked_array([chunked.combine_chunks()]))
            changed[name] = pd.Series(one, index=frame.index, name=name)
    return frame.assign(**changed) if changed else frame
