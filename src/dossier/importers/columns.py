"""Column helpers shared by the importers: trimmed text, required values, small coded vocabularies."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .parse import EMPTY, parse_numbers
from .spec import Checks


def text(batch: pa.Table, name: str, trim: bool = True) -> pa.Array:
    """A string column with empty cells as nulls (and surrounding spaces removed, unless ``trim=False``).

    Long free text (notes, articles) is kept as written: trimming a million of them costs seconds.
    """
    if name not in batch.column_names:  # an optional column this export leaves out
        return pa.nulls(batch.num_rows, pa.string())
    column = batch.column(name)
    values = (column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)).cast(pa.string())
    if trim:
        values = pc.utf8_trim_whitespace(values)
    return pc.if_else(pc.fill_null(pc.equal(values, ""), True), pa.scalar(None, pa.string()), values)


def required(checks: Checks, batch: pa.Table, name: str) -> pa.Array:
    """A value the row cannot be represented without (its id): rejected when empty."""
    values = text(batch, name)
    checks.flag(name, np.asarray(values.is_null()), EMPTY)
    return values


def kept(checks: Checks, batch: pa.Table, name: str) -> pa.Array:
    """A value the source should give: flagged '<name>-missing' when empty, the row still imported."""
    values = text(batch, name)
    checks.note(name, np.asarray(values.is_null()), EMPTY, f"{name}-missing")
    return values


def number(
    checks: Checks, batch: pa.Table, name: str, *, optional: bool = False, flag: bool = False, **rules
) -> np.ndarray:
    """Parsed float values (NaN where missing or unusable); problems reject the row, or flag it with ``flag``."""
    parsed = parse_numbers(text(batch, name), **rules)
    (checks.keep if flag else checks.add)(name, parsed, required=not optional)
    return parsed.values


def code_labels(codes: np.ndarray, labels: dict[int, str], missing: str | None = None) -> pa.DictionaryArray:
    """Integer codes (NaN where bad) -> a dictionary array of their labels (``missing``, else null, where unknown)."""
    keys = sorted(labels)
    names = [labels[k] for k in keys]
    lookup = np.full(max(keys) + 2, -1 if missing is None else len(keys), dtype=np.int32)
    lookup[keys] = np.arange(len(keys), dtype=np.int32)
    safe = np.nan_to_num(codes, nan=-1).astype(np.int64)
    safe = np.where((safe >= 0) & (safe <= max(keys)), safe, max(keys) + 1)
    indices = pa.array(lookup[safe], mask=lookup[safe] < 0)
    return pa.DictionaryArray.from_arrays(indices, pa.array(names if missing is None else [*names, missing]))


def small_int(codes: np.ndarray) -> pa.Array:
    return pa.array(np.nan_to_num(codes, nan=0).astype(np.int8), mask=np.isnan(codes))


def prefixed(prefix: str, ids: pa.Array) -> pa.Array:
    return pc.binary_join_element_wise(pa.scalar(prefix), ids, "-")
