"""Where imports live: data/imports/<import_id>.{events,event_actors,actors}.parquet and data/imports.csv.

Every import is one ``commit_files`` transaction (the three Parquet files and the new
registry together), under a lock so two imports never overwrite each other's registry row.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path
from typing import BinaryIO

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..store import folder_lock

REGISTRY = "imports.csv"
FOLDER = "imports"
REGISTRY_COLUMNS = (
    "import_id",
    "file_name",
    "sha256",
    "format",
    "layout",
    "imported_at",
    "rows_read",
    "rows_imported",
    "rows_rejected",
    "rows_flagged",
    "actors_mapped",
    "actors_unmapped",
    "licence",
    "attribution",
    "accessed",
    "filters",
)
PARTS = ("events", "event_actors", "actors")


def part_path(import_id: str, part: str) -> str:
    """Path of one file of an import, relative to the data folder."""
    return f"{FOLDER}/{import_id}.{part}.parquet"


def empty_registry() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="str") for c in REGISTRY_COLUMNS})


def read_registry(folder: Path) -> pd.DataFrame:
    """imports.csv as strings (an empty frame with the columns when there is none)."""
    path = Path(folder) / REGISTRY
    if not path.exists():
        return empty_registry()
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False)
    for column in REGISTRY_COLUMNS:
        if column not in frame:
            frame[column] = ""
    return frame


def registry_bytes(frame: pd.DataFrame) -> bytes:
    buffer = io.StringIO()
    frame[list(REGISTRY_COLUMNS)].to_csv(buffer, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def _options(schema: pa.Schema) -> dict:
    """Snappy, dictionary pages only for the categorical columns, statistics only where reads filter."""
    dictionaries = [f.name for f in schema if pa.types.is_dictionary(f.type)]
    statistics = [n for n in ("event_id", "date_start", "date_end") if n in schema.names]
    return {"compression": "snappy", "use_dictionary": dictionaries, "write_statistics": statistics or False}


def parquet_bytes(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, **_options(table.schema))
    return sink.getvalue().to_pybytes()


class PartWriter:
    """Streams record batches into a Parquet file (one row group per batch) in an anonymous temporary file.

    A million events with their long texts make a file of hundreds of MB; held in memory it was most of
    an import's peak RSS, and a prepared import waits in the analyst's session until it is committed or
    dropped. The temporary file lives outside the data folder, has no name, and goes when it is closed
    or garbage-collected, so a dropped or refused import leaves nothing behind.
    """

    def __init__(self, schema: pa.Schema):
        self.sink: BinaryIO = tempfile.TemporaryFile(prefix="dossier-import-")  # noqa: SIM115 (outlives this call)
        self.writer = pq.ParquetWriter(self.sink, schema, **_options(schema))
        self.rows = 0

    def write(self, table: pa.Table) -> None:
        if table.num_rows:
            self.writer.write_table(table)
            self.rows += table.num_rows

    def finish(self) -> BinaryIO:
        """The finished Parquet file, positioned at its start (``store.commit_files`` copies it in)."""
        self.writer.close()
        self.sink.seek(0)
        return self.sink


import_lock = folder_lock  # imports and ingests share one writer lock per data folder


def existing_event_ids(folder: Path, registry: pd.DataFrame) -> pa.Array:
    """Every event id already in the folder: curated events.csv plus each registered import."""
    chunks = [pa.array(pd.read_csv(Path(folder) / "events.csv", usecols=["event_id"], dtype=str)["event_id"])]
    for import_id in registry["import_id"]:
        path = Path(folder) / part_path(import_id, "events")
        if path.exists():
            chunks.append(pq.read_table(path, columns=["event_id"]).column("event_id").combine_chunks())
    return pa.concat_arrays([c.cast(pa.string()) for c in chunks])
