"""Imported event data (UCDP GED, ACLED) beside the curated tables.

Imports are validated when they are imported, so loading only reads Parquet: the
compact columns of every import listed in data/imports.csv, with repeated strings as
categoricals. Long per-event text (ACLED notes, UCDP source articles) stays on disk
until ``event_details`` asks for it. Actor names are mapped through the gazetteer on
every load, so an alias added to actors.csv maps an imported name without re-importing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from pandas.api.types import union_categoricals

from ..filters import EVENT_ROW, event_rows
from ..store import DatasetError
from .actors import Gazetteer, imported_actor_ids, key
from .licences import LICENCES
from .spec import EVENT_SCHEMA, LAZY_COLUMNS, STORED_EVENT_ROW
from .storage import empty_registry, part_path, read_registry

__all__ = ["Imported", "empty_registry", "event_details", "load_imports", "merge_into"]
COMPACT_COLUMNS = [name for name in EVENT_SCHEMA.names if name not in LAZY_COLUMNS]
# Text that pages build labels from ("Event: " + title) stays plain str; other repeated strings are categorical.
PLAIN_TEXT = ("title",)
_TYPES = {pa.int8(): pd.Int8Dtype()}


@dataclass(frozen=True)
class Imported:
    events: pd.DataFrame
    event_actors: pd.DataFrame
    actors: pd.DataFrame  # the imported names that the gazetteer does not map
    registry: pd.DataFrame


def _read(folder: Path, import_id: str, part: str, line: int, columns: list[str] | None = None) -> pa.Table:
    relative = part_path(import_id, part)
    if not (folder / relative).is_file():
        raise DatasetError("imports.csv", f"import {import_id}: {relative} is missing", line)
    try:
        if columns is not None:  # an import written before a column was added lacks it: read what it has
            present = set(pq.read_schema(folder / relative).names)
            columns = [c for c in columns if c in present]
        return pq.read_table(folder / relative, columns=columns)
    except (pa.ArrowException, OSError) as exc:
        raise DatasetError("imports.csv", f"import {import_id}: {relative} cannot be read ({exc})", line) from None


def load_imports(folder: str | os.PathLike, actors: pd.DataFrame) -> Imported | None:
    """Every import listed in imports.csv, with actor names resolved against ``actors`` (the gazetteer)."""
    folder = Path(folder)
    try:
        registry = read_registry(folder)
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise DatasetError("imports.csv", f"malformed CSV ({str(exc).strip().splitlines()[-1]})") from None
    if registry.empty:
        return None
    events, links, hints, offset = [], [], [], 0
    for line, import_id in enumerate(registry["import_id"], start=2):
        table = _read(folder, import_id, "events", line, COMPACT_COLUMNS)
        ids = pa.DictionaryArray.from_arrays(pa.array(np.zeros(table.num_rows, np.int32)), pa.array([import_id]))
        events.append(table.append_column("import_id", ids))
        links.append(_positions(_read(folder, import_id, "event_actors", line), offset))
        hints.append(_read(folder, import_id, "actors", line).to_pandas())
        offset += table.num_rows
    if not all(EVENT_ROW in t.column_names for t in links):  # an older import: every link is joined by id
        links = [t.drop_columns([EVENT_ROW]) if EVENT_ROW in t.column_names else t for t in links]
    table = pa.concat_tables(events, promote_options="permissive")
    for name in COMPACT_COLUMNS:
        if name not in table.column_names:
            table = table.append_column(name, pa.nulls(table.num_rows, EVENT_SCHEMA.field(name).type))
    for name in PLAIN_TEXT:
        table = table.set_column(table.schema.get_field_index(name), name, pc.cast(table.column(name), pa.string()))
    event_frame = _string_categories(table.to_pandas(types_mapper=_TYPES.get))
    link_table = pa.concat_tables(links, promote_options="permissive")
    link_frame, imported_actors = _resolve(link_table, pd.concat(hints, ignore_index=True), actors)
    return Imported(event_frame, link_frame, imported_actors, registry)


def _positions(links: pa.Table, offset: int) -> pa.Table:
    """The stored ``event_row`` (a position in the import's own events part) as a position among all imports."""
    if STORED_EVENT_ROW not in links.column_names:
        return links
    rows = pc.add(pc.cast(links.column(STORED_EVENT_ROW), pa.int64()), offset)
    return links.drop_columns([STORED_EVENT_ROW]).append_column(EVENT_ROW, rows)


def _string_categories(frame: pd.DataFrame) -> pd.DataFrame:
    """Categories as str everywhere (an all-empty column comes back from Arrow with object categories)."""
    for column in frame.columns:
        values = frame[column]
        if isinstance(values.dtype, pd.CategoricalDtype) and values.cat.categories.dtype != "str":
            frame[column] = values.cat.rename_categories(values.cat.categories.astype("str"))
    return frame


def _refuse_mixed(curated: pd.DataFrame, imported: pd.DataFrame) -> None:
    """Imported events must never sit in events.csv too: that happens when a writer saves a loaded dataset
    without ``load_dataset(..., imports=False)``, and would double every such event."""
    prefixes = tuple(f"{origin}-" for origin in LICENCES)
    suspects = curated.loc[curated["event_id"].str.startswith(prefixes), "event_id"]
    if len(suspects):
        copied = pc.is_in(pa.array(imported["event_id"]), value_set=pa.array(suspects.astype(str)))
        if pc.any(copied).as_py():
            raise DatasetError(
                "events.csv",
                f"holds imported events (e.g. {suspects.iloc[0]!r}) that are also in data/imports/: a tool saved "
                "the imported rows into the curated CSV files; remove them from events.csv and event_actors.csv",
            )


def _resolve(links: pa.Table, hints: pd.DataFrame, actors: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Links with actor_id instead of actor_name, and an actor row for each name the gazetteer does not map."""
    names = links.column("actor_name").to_pandas()  # categorical: resolve each distinct name once
    gazetteer = Gazetteer.from_actors(actors)
    categories = list(names.cat.categories)
    resolved = [gazetteer.resolve(n) for n in categories]
    unmapped = [n for n, r in zip(categories, resolved) if r is None]
    own = imported_actor_ids(unmapped, set(actors["actor_id"]))
    ids = [r or own[n] for n, r in zip(categories, resolved)]
    unique_ids = list(dict.fromkeys(ids))
    position = {a: i for i, a in enumerate(unique_ids)}
    codes = np.array([position[a] for a in ids] + [-1], dtype=np.int32)[names.cat.codes.to_numpy()]
    frame = pd.DataFrame(
        {
            "event_id": links.column("event_id").to_pandas(),
            "actor_id": pd.Categorical.from_codes(codes, categories=pd.Index(unique_ids, dtype="str")),
            "role": links.column("role").to_pandas(),
        }
        | ({EVENT_ROW: links.column(EVENT_ROW).to_numpy()} if EVENT_ROW in links.column_names else {})
    )
    hints = hints.assign(key=hints["name"].map(key)).drop_duplicates("key")
    new = pd.DataFrame({"name": pd.Series(unmapped, dtype="str")})
    new["key"] = new["name"].map(key)
    new = new.drop_duplicates("key").merge(hints[["key", "kind", "country"]], on="key", how="left")
    new["actor_id"] = new["name"].map(own)
    new = new.drop_duplicates("actor_id")
    return frame, pd.DataFrame(
        {
            "actor_id": new["actor_id"].astype("str"),
            "name": new["name"].astype("str"),
            "kind": new["kind"].fillna("other").astype("str"),
            "country": new["country"].fillna("").astype("str"),
            "iso3": pd.Series("", index=new.index, dtype="str"),
            "aliases": [[] for _ in range(len(new))],
            "origin": pd.Series("imported", index=new.index, dtype="str"),
        }
    )


def combine(curated: pd.DataFrame, imported: pd.DataFrame) -> pd.DataFrame:
    """Curated rows then imported rows; repeated-string columns stay categorical (one union of categories)."""
    columns = list(dict.fromkeys([*curated.columns, *imported.columns]))
    out = {}
    for column in columns:
        left = curated[column] if column in curated else pd.Series(index=curated.index, dtype=imported[column].dtype)
        right = imported[column] if column in imported else pd.Series(index=imported.index, dtype=left.dtype)
        if isinstance(right.dtype, pd.CategoricalDtype) or isinstance(left.dtype, pd.CategoricalDtype):
            left, right = (
                s if isinstance(s.dtype, pd.CategoricalDtype) else s.astype("str").astype("category")
                for s in (left, right)
            )
            out[column] = pd.Series(union_categoricals([left.array, right.array], ignore_order=True))
        else:
            out[column] = pd.concat([left, right.astype(left.dtype)], ignore_index=True)
    return pd.DataFrame(out, copy=False)  # each column is new already: stacking them into blocks copied 0.2 s a load


def merge_into(tables: dict[str, pd.DataFrame], imported: Imported) -> dict[str, pd.DataFrame]:
    """The curated tables with the imported events, links and actors appended."""
    _refuse_mixed(tables["events"], imported.events)
    curated, links = tables["events"], imported.event_actors
    if EVENT_ROW in links:  # positions among the imports: the curated events come first
        links = links.assign(**{EVENT_ROW: links[EVENT_ROW].to_numpy() + len(curated)})
        mine = tables["event_actors"]
        tables = {**tables, "event_actors": mine.assign(**{EVENT_ROW: event_rows(curated, mine)})}
    return {
        **tables,
        "events": combine(curated, imported.events),
        "event_actors": combine(tables["event_actors"], links),
        "actors": pd.concat([tables["actors"], imported.actors], ignore_index=True),
    }


def event_details(folder: str | os.PathLike, events: pd.DataFrame, event_ids: list[str]) -> pd.DataFrame:
    """Every stored column, long text included, of the imported events among ``event_ids``.

    ``events`` is the loaded dataset's whole events table: an imported event's row there, less the
    row where its import starts, is its row in that import's events file, so only the Parquet row
    groups holding the wanted events are read (a few MB, not the hundreds a million events' source
    texts take). Ids not found there, and curated events, are left out.
    """
    if "import_id" not in events or not event_ids:
        return pd.DataFrame(columns=EVENT_SCHEMA.names)
    imports = events["import_id"]
    positions = np.flatnonzero(pc.is_in(pa.array(events["event_id"].astype(str)), pa.array(event_ids)))
    frames = []
    for import_id in pd.unique(imports.iloc[positions].dropna()):
        first = int(np.argmax((imports == import_id).to_numpy()))
        mine = positions[(imports.iloc[positions] == import_id).to_numpy()] - first
        path = Path(folder) / part_path(str(import_id), "events")
        frames.append(_rows(path, mine, events["event_id"].iloc[mine + first]))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=EVENT_SCHEMA.names)


def _rows(path: Path, rows: np.ndarray, expected: pd.Series) -> pd.DataFrame:
    """Rows ``rows`` of one events file, reading only their row groups; by id if the file has changed since."""
    parquet = pq.ParquetFile(path)
    sizes = np.array([parquet.metadata.row_group(g).num_rows for g in range(parquet.num_row_groups)], dtype=np.int64)
    starts = np.cumsum(sizes) - sizes
    group_of = np.searchsorted(starts, rows, side="right") - 1
    groups = np.unique(group_of)
    if len(rows) and rows.max() < sizes.sum():
        read_from = dict(zip(groups.tolist(), (np.cumsum(sizes[groups]) - sizes[groups]).tolist()))
        local = [read_from[g] + r - starts[g] for r, g in zip(rows.tolist(), group_of.tolist())]
        table = parquet.read_row_groups(groups.tolist()).take(pa.array(local, pa.int64()))
        if table.column("event_id").to_pylist() == expected.astype(str).tolist():
            return table.to_pandas(types_mapper=_TYPES.get)
    table = pq.read_table(path)  # the positions do not hold (the file is not the one loaded): find rows by id
    wanted = pc.is_in(table.column("event_id"), value_set=pa.array(expected.astype(str)))
    return table.filter(wanted).to_pandas(types_mapper=_TYPES.get)
