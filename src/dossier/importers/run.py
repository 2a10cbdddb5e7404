"""Run an import: read the CSV in blocks, map and check each block, then commit or refuse as a whole.

``prepare_import`` reads and checks everything and builds the files in memory; nothing is
written. ``commit_import`` then writes them in one transaction, or refuses: when rows
were rejected the caller chooses between the good rows and nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from queue import Full, Queue
from threading import Event, Thread
from typing import BinaryIO

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from ..schema import TABLES
from ..settings import ReadOnlyError, read_only
from ..store import commit_files, data_dir, display_name, read_table_text
from ..validate import type_table
from . import detect
from .actors import Gazetteer, imported_actor_ids, suggestion_text
from .archives import DAMAGED, csv_source, damaged
from .quality import describe
from .spec import ACTOR_SCHEMA, EVENT_SCHEMA, LINK_SCHEMA, STORED_EVENT_ROW, ImporterSpec, ImportRefused, Mapped
from .storage import (
    REGISTRY,
    PartWriter,
    existing_event_ids,
    import_lock,
    parquet_bytes,
    part_path,
    read_registry,
    registry_bytes,
)

Progress = Callable[[float, str], None]
BLOCK = 16 << 20
_HEAD = 64 << 10
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


@dataclass
class Prepared:
    """A checked import, held in memory until it is committed or dropped."""

    spec: ImporterSpec
    file_name: str
    sha256: str
    layout: str
    rows_read: int
    rejected: pd.DataFrame  # row, reason, then the file's own columns as text
    reasons: dict[str, int]  # problem -> rows, most frequent first
    flagged: pd.DataFrame  # row, quality, reason, then the file's own columns: imported, with quality flags
    flags: dict[str, int]  # quality code -> imported rows carrying it, most frequent first
    actors: pd.DataFrame  # name, events, actor_id, mapped, kind, country
    parts: dict[str, bytes | BinaryIO]  # file contents (small ones as bytes, events and links spooled to disk)
    event_ids: pa.Array  # ids of the rows that passed
    known_imports: frozenset[str]
    accessed: str = ""
    filters: str = ""
    committed: bool = False
    imported_at: str = ""

    @property
    def import_id(self) -> str:
        return f"{self.spec.key}-{self.sha256[:12]}"

    @property
    def rows_good(self) -> int:
        return len(self.event_ids)

    @property
    def rows_rejected(self) -> int:
        return len(self.rejected)

    @property
    def rows_flagged(self) -> int:
        return len(self.flagged)

    @property
    def actors_mapped(self) -> int:
        return int(self.actors["mapped"].sum())

    @property
    def actors_unmapped(self) -> int:
        return int((~self.actors["mapped"]).sum())

    def attribution(self) -> str:
        licence = self.spec.licence
        return f"{licence.source_line(self.accessed, self.filters)}. {licence.citation}"

    def registry_row(self) -> dict[str, str]:
        return {
            "import_id": self.import_id,
            "file_name": self.file_name,
            "sha256": self.sha256,
            "format": self.spec.key,
            "layout": self.layout,
            "imported_at": self.imported_at,
            "rows_read": str(self.rows_read),
            "rows_imported": str(self.rows_good),
            "rows_rejected": str(self.rows_rejected),
            "rows_flagged": str(self.rows_flagged),
            "actors_mapped": str(self.actors_mapped),
            "actors_unmapped": str(self.actors_unmapped),
            "licence": self.spec.licence.licence,
            "attribution": self.attribution(),
            "accessed": self.accessed,
            "filters": self.filters,
        }

    def summary(self) -> list[str]:
        """Plain-text lines for the command line (the page renders the same facts as widgets)."""
        lines = [
            f"{self.file_name}: {self.spec.name} ({self.layout}), {self.rows_read:,} rows read",
            f"{self.rows_good:,} rows pass the checks, {self.rows_rejected:,} rejected",
        ]
        lines += [f"  {count:>9,}  {reason}" for reason, count in self.reasons.items()]
        if self.rows_flagged:
            lines.append(f"{self.rows_flagged:,} of them imported as published with a data-quality flag:")
            lines += [f"  {count:>9,}  {code}: {describe(code)}" for code, count in self.flags.items()]
        mapped = self.actors[self.actors["mapped"]]
        lines.append(f"actors: {len(mapped):,} names mapped to the gazetteer, {self.actors_unmapped:,} unmapped")
        lines += [f"  {n} -> {a}" for n, a in zip(mapped["name"], mapped["actor_id"])][:20]
        unmapped = self.actors[~self.actors["mapped"] & (self.actors["suggested"] != "")]
        if len(unmapped):
            lines.append("unmapped names with a near match in the gazetteer (add the name as an alias to map it):")
            lines += [f"  {n} ~ {s}" for n, s in zip(unmapped["name"], unmapped["suggested"])][:20]
        lines.append(f"licence: {self.attribution()}")
        return lines


class _Counting(io.RawIOBase):
    """A read-only stream that hashes and counts the bytes pyarrow reads through it."""

    def __init__(self, raw: BinaryIO):
        self.raw, self.digest, self.done = raw, hashlib.sha256(), 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = self.raw.readinto(buffer)
        self.digest.update(memoryview(buffer)[:count])
        self.done += count
        return count


def read_header(head: bytes, file_name: str) -> list[str]:
    """The header of a CSV from its first bytes; refuses empty, binary, archived and non-UTF-8 files."""
    if not head.strip():
        raise ImportRefused(file_name, "the file is empty")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"\x1f\x8b"):
        raise ImportRefused(file_name, "this is a compressed archive: extract the CSV file and import that")
    for bom, encoding in _WIDE_BOMS:
        if head.startswith(bom):
            raise ImportRefused(file_name, f"the file is {encoding} text: save it as UTF-8 CSV and import that")
    if b"\x00" in head:
        raise ImportRefused(file_name, "this is not a CSV text file (it contains binary data)")
    try:
        line = head.split(b"\n", 1)[0].decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise ImportRefused(file_name, "the header is not UTF-8 text") from None
    first = next(csv.reader([line]), [])
    header = [c.strip() for c in first]
    if len(header) < 2:
        raise ImportRefused(file_name, "the first line is not a CSV header (fewer than two columns)")
    return header


def _gazetteer(folder: Path) -> tuple[Gazetteer, set[str]]:
    actors = type_table(read_table_text(folder, TABLES["actors"]), TABLES["actors"])
    return Gazetteer.from_actors(actors), set(actors["actor_id"])


def _is_hxl_row(table: pa.Table) -> bool:
    values = [table.column(c)[0].as_py() or "" for c in table.column_names]
    filled = [v.strip() for v in values if v.strip()]
    return bool(filled) and all(v.startswith("#") for v in filled)


def _event_table(events: dict, n: int, origin: str) -> pa.Table:
    constants = {"origin": origin, "date_basis": "source"}
    arrays = []
    for item in EVENT_SCHEMA:
        value = events.get(item.name)
        if item.name in constants:
            value = pa.DictionaryArray.from_arrays(pa.array(np.zeros(n, np.int32)), pa.array([constants[item.name]]))
        if value is None:
            arrays.append(pa.nulls(n, item.type))
        elif isinstance(value, np.ndarray):
            arrays.append(pa.array(value, type=item.type, from_pandas=True))
        elif pa.types.is_dictionary(item.type) and not pa.types.is_dictionary(value.type):
            arrays.append(value.dictionary_encode().cast(item.type))
        else:
            arrays.append(value.cast(item.type))
    return pa.Table.from_arrays(arrays, schema=EVENT_SCHEMA)


def _count_names(names: pa.DictionaryArray, codes: np.ndarray | None, seen: Counter) -> None:
    """Add (name, actor-type code) occurrence counts to ``seen``; code -1 when the format has none."""
    indices = names.indices.to_numpy()
    shifted = np.zeros(len(indices), np.int64) if codes is None else codes.astype(np.int64) + 1  # -1 -> 0
    width = int(shifted.max(initial=0)) + 1
    counts = np.bincount(indices * width + shifted, minlength=len(names.dictionary) * width)
    labels = names.dictionary.to_pylist()
    for flat in np.flatnonzero(counts):
        seen[(labels[flat // width], int(flat % width) - 1)] += int(counts[flat])


def _links(mapped: Mapped, event_ids: pa.Array, good: np.ndarray, names_seen: Counter, written: int) -> pa.Table:
    """The block's event-actor links; ``written`` events are in the events part before this block's."""
    position = (written + np.cumsum(good) - 1).astype(np.int32)  # each kept row's place in the events part
    tables = []
    for names, role, codes in mapped.links:
        if pa.types.is_list(names.type):
            rows, flat = pc.list_parent_indices(names).to_numpy(), pc.list_flatten(names)
        else:
            rows, flat = np.arange(len(names)), names
        keep = good[rows] & np.asarray(flat.is_valid())
        kept_names = flat.filter(pa.array(keep)).dictionary_encode()
        _count_names(kept_names, codes[rows][keep] if codes is not None else None, names_seen)
        tables.append(
            pa.table(
                {
                    "event_id": event_ids.take(pa.array(rows[keep])),
                    "actor_name": kept_names,
                    "role": pa.DictionaryArray.from_arrays(
                        pa.array(np.zeros(int(keep.sum()), np.int32)), pa.array([role])
                    ),
                    STORED_EVENT_ROW: pa.array(position[rows[keep]], pa.int32()),
                },
                schema=LINK_SCHEMA,
            )
        )
    return pa.concat_tables(tables, promote_options="permissive") if tables else LINK_SCHEMA.empty_table()


def _actor_frame(spec: ImporterSpec, seen: Counter, gazetteer: Gazetteer, taken: set[str]) -> pd.DataFrame:
    """One row per distinct actor name: its events, the gazetteer actor it maps to, else its own kind."""
    events: Counter = Counter()
    best_code: dict[str, tuple[int, int]] = {}
    for (name, code), count in seen.items():
        events[name] += count
        if code >= 0 and count > best_code.get(name, (-1, 0))[1]:
            best_code[name] = (code, count)
    names = sorted(events)
    hints = [spec.actor_kind(n, best_code.get(n, (-1, 0))[0]) for n in names]
    resolved = [gazetteer.resolve(n) for n in names]
    own = imported_actor_ids([n for n, r in zip(names, resolved) if r is None], taken)
    suggested = [suggestion_text(gazetteer.suggest(n)) if r is None else "" for n, r in zip(names, resolved)]
    return pd.DataFrame(
        {
            "name": pd.Series(names, dtype="str"),
            "events": pd.Series([events[n] for n in names], dtype="int64"),
            "actor_id": pd.Series([r or own[n] for n, r in zip(names, resolved)], dtype="str"),
            "mapped": pd.Series([r is not None for r in resolved], dtype="bool"),  # typed even when no row passed
            "kind": [k for k, _ in hints],
            "country": [c for _, c in hints],
            "suggested": pd.Series(suggested, dtype="str"),
        }
    ).sort_values(["mapped", "events"], ascending=[True, False], ignore_index=True)


def _repeated_ids(ids: pa.Array, rows: np.ndarray) -> dict[str, int]:
    """Each id that occurs more than once, with the row of its first occurrence."""
    counts = pc.value_counts(ids.drop_null())
    values = counts.filter(pc.greater(counts.field("counts"), 1)).field("values")
    if not len(values):
        return {}
    where = np.asarray(pc.fill_null(pc.is_in(ids, value_set=values), False))
    first = pd.Series(rows[where]).groupby(np.asarray(ids.filter(pa.array(where)))).min()
    return {str(k): int(v) for k, v in first.items()}


def _reject_repeats(mapped: Mapped, ids: pa.Array, rows: np.ndarray, repeated: dict[str, int], column: str) -> None:
    """Reject every occurrence of a repeated id after its first, naming the row it repeats."""
    if not repeated:
        return
    hit = np.asarray(pc.fill_null(pc.is_in(ids, value_set=pa.array(list(repeated))), False))
    reasons = np.full(len(rows), "", dtype=object)
    for i in np.flatnonzero(hit):
        first = repeated[ids[i].as_py()]
        if rows[i] != first:
            reasons[i] = f"repeats the {column} of row {first:,} (an export lists each event once)"
    if (reasons != "").any():
        mapped.checks.items.append((column, reasons))
        summary = f"{column} repeats an earlier row's {column}"
        mapped.checks.summaries.update((reason, summary) for reason in set(reasons) - {""})


def _prefetch(blocks: Iterator[pa.Table], depth: int = 2) -> Iterator[pa.Table]:
    """Read the next blocks on a second thread while this one maps and checks (pyarrow releases the GIL).

    If the consumer stops early (a refused file), the reader thread is told to stop and drained.
    """
    queue: Queue = Queue(maxsize=depth)
    done, stop = object(), Event()

    def put(item: object) -> bool:
        while not stop.is_set():
            try:
                queue.put(item, timeout=0.1)
                return True
            except Full:
                continue
        return False

    def produce() -> None:
        try:
            for block in blocks:
                if not put(block):
                    return
            put(done)
        except BaseException as exc:  # handed to the consumer, which raises it
            put(exc)

    thread = Thread(target=produce, daemon=True)
    thread.start()
    try:
        while (item := queue.get()) is not done:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join()


def _unreadable(exc: pa.ArrowInvalid, file_name: str, rows: int) -> ImportRefused:
    where = f" after data row {rows:,}" if rows else ""
    message = str(exc)
    if "invalid UTF8" in message:
        return ImportRefused(file_name, f"not UTF-8 text (invalid bytes{where})")
    detail = message.split(":", 2)[-1].strip()[:80]
    return ImportRefused(
        file_name, f"a row{where} does not fit the header ({detail}): the file mixes layouts or is damaged"
    )


def _blocks(stream: _Counting, header: list[str], file_name: str) -> Iterator[pa.Table]:
    """The CSV as tables of about BLOCK bytes, every column as text; parse errors become ImportRefused."""
    rows = 0
    try:
        reader = pacsv.open_csv(
            stream,
            read_options=pacsv.ReadOptions(block_size=BLOCK),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(column_types=dict.fromkeys(header, pa.string())),
        )
        for batch in reader:
            rows += batch.num_rows
            yield pa.Table.from_batches([batch])
    except pa.ArrowInvalid as exc:
        raise _unreadable(exc, file_name, rows) from None
    except DAMAGED as exc:  # a ZIP or gzip file that breaks part-way (pyarrow passes the reader's error on)
        raise damaged(file_name, exc) from None


@dataclass
class _Scan:
    """Everything one pass over the file collects."""

    events: PartWriter
    links: PartWriter
    rejected: list[pa.Table]
    reasons: Counter
    flagged: list[pa.Table]
    flags: Counter
    seen: Counter
    ids: list[pa.Array]
    rows: list[np.ndarray]
    good_ids: list[pa.Array]
    rows_read: int = 0
    hxl: bool = False
    sha256: str = ""


def _scan(
    open_source: Callable[[], BinaryIO],
    size: int,
    header: list[str],
    spec: ImporterSpec,
    name: str,
    existing: pa.Array,
    progress: Progress | None,
    repeated: dict[str, int],
) -> _Scan:
    """One pass: map and check every block, keep the rows that can be represented, collect the rest."""
    scan = _Scan(PartWriter(EVENT_SCHEMA), PartWriter(LINK_SCHEMA), [], Counter(), [], Counter(), Counter(), [], [], [])
    next_row = 2
    with open_source() as raw:
        stream = _Counting(raw)
        for table in _prefetch(_blocks(stream, header, name)):
            if next_row == 2 and table.num_rows and _is_hxl_row(table):
                scan.hxl, table, next_row = True, table.slice(1), 3
            rows = np.arange(next_row, next_row + table.num_rows)
            next_row += table.num_rows
            _refuse_repeated_header(table, spec, rows, name)
            mapped = spec.map_batch(table)
            event_ids = mapped.events["event_id"]
            mapped.checks.flag(
                spec.id_column,
                np.asarray(pc.fill_null(pc.is_in(event_ids, existing), False)),
                "is already in the dataset (imported before)",
            )
            _reject_repeats(mapped, mapped.events["original_id"], rows, repeated, spec.id_column)
            bad = mapped.checks.bad()
            good = ~bad
            if bad.any():
                where = np.flatnonzero(bad)
                messages, counts = mapped.checks.reasons_for(where)
                scan.reasons.update(counts)
                scan.rejected.append(_rejected_rows(table.take(pa.array(where)), rows[where], messages))
            quality = mapped.checks.quality()
            flagged = np.flatnonzero(good & mapped.checks.flagged())
            if len(flagged):
                messages, _ = mapped.checks.reasons_for(flagged, flags=True)
                scan.flags.update(mapped.checks.flag_counts(good))
                scan.flagged.append(
                    _rejected_rows(table.take(pa.array(flagged)), rows[flagged], messages).add_column(
                        1, "quality", pa.array(list(quality[flagged]), pa.string())
                    )
                )
            mapped.events["quality"] = pa.array(quality, pa.string())
            written = scan.events.rows
            scan.events.write(_event_table(mapped.events, table.num_rows, spec.key).filter(pa.array(good)))
            scan.links.write(_links(mapped, event_ids, good, scan.seen, written))
            scan.ids.append(mapped.events["original_id"])
            scan.rows.append(rows)
            scan.good_ids.append(event_ids.filter(pa.array(good)))
            if progress:
                progress(min(stream.done / max(size, 1), 1.0), f"{next_row - 2 - scan.hxl:,} rows read")
        try:
            scan.sha256 = _finish_hash(stream, raw)
        except DAMAGED as exc:
            raise damaged(name, exc) from None
    scan.rows_read = next_row - 2 - scan.hxl
    return scan


def prepare_import(
    source: str | os.PathLike | bytes,
    folder: str | os.PathLike | None = None,
    file_name: str | None = None,
    fmt: str = "auto",
    progress: Progress | None = None,
    accessed: str = "",
    filters: str = "",
) -> Prepared:
    """Read, check and map a UCDP GED or ACLED CSV (or the one CSV in a ZIP or gzip file); build the import's
    files in memory. Writes nothing.

    Rows are imported as published, with data-quality flags; only rows that cannot be represented
    (no id, no readable date, an id already used) are rejected. A file with repeated ids is read twice:
    the second pass keeps each id's first row and rejects the repeats.
    """
    folder = data_dir(folder)
    name = display_name(file_name or Path(source).name)  # type: ignore[arg-type]
    open_source, size = csv_source(source, name)
    try:
        with open_source() as handle:
            head = handle.read(_HEAD)
    except DAMAGED as exc:
        raise damaged(name, exc) from None
    header = read_header(head, name)
    spec = detect(header, name, fmt)
    registry = read_registry(folder)
    existing = existing_event_ids(folder, registry)
    gazetteer, taken = _gazetteer(folder)
    scan = _scan(open_source, size, header, spec, name, existing, progress, {})
    if scan.rows_read == 0:
        raise ImportRefused(name, "the file has a header but no data rows")
    previous = registry[registry["sha256"] == scan.sha256]
    if len(previous):
        row = previous.iloc[0]
        raise ImportRefused(name, f"this file was already imported as {row['import_id']} on {row['imported_at']}")
    ids = pa.concat_arrays([a.cast(pa.string()) for a in scan.ids])
    if repeated := _repeated_ids(ids, np.concatenate(scan.rows)):
        scan = _scan(open_source, size, header, spec, name, existing, progress, repeated)
    actors = _actor_frame(spec, scan.seen, gazetteer, taken)
    prepared = Prepared(
        spec=spec,
        file_name=name,
        sha256=scan.sha256,
        layout=spec.layout(header, scan.hxl),
        rows_read=scan.rows_read,
        rejected=_rejected_frame(scan.rejected, ["reason", *header]),
        reasons=dict(scan.reasons.most_common()),
        flagged=_rejected_frame(scan.flagged, ["quality", "reason", *header]),
        flags=dict(scan.flags.most_common()),
        actors=actors,
        parts={},
        event_ids=pa.concat_arrays([a.cast(pa.string()) for a in scan.good_ids]),
        known_imports=frozenset(registry["import_id"]),
        accessed=accessed,
        filters=filters,
    )
    prepared.parts = {
        part_path(prepared.import_id, "events"): scan.events.finish(),
        part_path(prepared.import_id, "event_actors"): scan.links.finish(),
        part_path(prepared.import_id, "actors"): parquet_bytes(
            pa.Table.from_pandas(actors[["name", "kind", "country"]], schema=ACTOR_SCHEMA, preserve_index=False)
        ),
    }
    if progress:
        progress(1.0, f"{scan.rows_read:,} rows read and checked")
    return prepared


def _finish_hash(stream: _Counting, raw: BinaryIO) -> str:
    """The file's sha256; reads whatever pyarrow left unread (it stops at the last full row)."""
    while chunk := raw.read(BLOCK):
        stream.digest.update(chunk)
    return stream.digest.hexdigest()


def _refuse_repeated_header(table: pa.Table, spec: ImporterSpec, rows: np.ndarray, file_name: str) -> None:
    ids = pc.utf8_trim_whitespace(table.column(spec.id_column))
    odd = pc.or_(pc.equal(ids, spec.id_column), pc.starts_with(ids, "#"))
    hits = np.flatnonzero(np.asarray(pc.fill_null(odd, False).combine_chunks()))
    if len(hits):
        raise ImportRefused(
            file_name,
            f"row {rows[hits[0]]:,} repeats the header or a hashtag row: the file looks like several exports "
            "joined together (mixed layout); nothing was imported",
        )


def _rejected_rows(table: pa.Table, rows: np.ndarray, messages: list[str]) -> pa.Table:
    return table.add_column(0, "reason", pa.array(messages, pa.string())).add_column(0, "row", pa.array(rows))


def _rejected_frame(tables: list[pa.Table], columns: list[str]) -> pd.DataFrame:
    if not tables:
        return pd.DataFrame({c: pd.Series(dtype="str") for c in ["row", *columns]}).astype({"row": "int64"})
    return pa.concat_tables(tables).to_pandas()


def commit_import(prepared: Prepared, folder: str | os.PathLike | None = None, good_rows: bool = False) -> Prepared:
    """Write a prepared import as one transaction, or refuse (ImportRefused) and write nothing.

    With rejected rows, ``good_rows=True`` imports the rows that passed; the default imports nothing.
    """
    if read_only():
        raise ReadOnlyError()
    folder = data_dir(folder)
    name = prepared.file_name
    if prepared.rows_good == 0:
        raise ImportRefused(
            name, f"no row passes the checks ({prepared.rows_rejected:,} rejected); nothing was imported"
        )
    if prepared.rows_rejected and not good_rows:
        raise ImportRefused(
            name,
            f"{prepared.rows_rejected:,} of {prepared.rows_read:,} rows were rejected, so nothing was imported "
            f"(choose to import the {prepared.rows_good:,} good rows to keep them)",
        )
    with import_lock(folder):
        registry = read_registry(folder)
        if (registry["sha256"] == prepared.sha256).any():
            raise ImportRefused(name, f"this file was already imported as {prepared.import_id}")
        newer = registry[~registry["import_id"].isin(prepared.known_imports)]
        if len(newer):
            overlap = pc.is_in(prepared.event_ids, value_set=existing_event_ids(folder, newer))
            if pc.any(overlap).as_py():
                raise ImportRefused(name, "another import added some of these events meanwhile; check the file again")
        prepared.imported_at = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        row = pd.DataFrame([prepared.registry_row()])
        files = dict(prepared.parts)
        files[REGISTRY] = registry_bytes(pd.concat([registry, row], ignore_index=True))
        commit_files(folder, files)
    prepared.committed = True
    return prepared


def import_file(
    path: str | os.PathLike,
    folder: str | os.PathLike | None = None,
    fmt: str = "auto",
    good_rows: bool = False,
    progress: Progress | None = None,
    accessed: str = "",
    filters: str = "",
) -> Prepared:
    """Prepare and commit in one go; with rejected rows and ``good_rows=False`` nothing is written."""
    prepared = prepare_import(path, folder, fmt=fmt, progress=progress, accessed=accessed, filters=filters)
    if prepared.rows_rejected and not good_rows:
        return prepared
    return commit_import(prepared, folder, good_rows=good_rows)
