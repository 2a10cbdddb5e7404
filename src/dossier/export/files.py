"""Names and CSV bodies of exported files."""

from __future__ import annotations

import datetime as dt
import io
import re

import pandas as pd

from ..filters import Selection
from ..safe import neutralise_formula

_UNSAFE = re.compile(r"[^A-Za-z0-9.-]+")
MIME = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "html": "text/html",
    "csv": "text/csv",
    "pdf": "application/pdf",
    "json": "application/json",
}


def _slug(value: object) -> str:
    return _UNSAFE.sub("-", str(value)).strip("-.")[:40] or "x"


def export_filename(chart: str, selection: Selection, extension: str, day: dt.date | None = None) -> str:
    """'timeline_country-Pakistan_2026-11-27.png': what, which filters, when."""
    parts = [_slug(chart)]
    for key, values in selection.query_params().items():
        parts.append(f"{key}-" + "+".join(_slug(v) for v in values))
    stem = "_".join(parts)[:150]
    return f"{stem}_{(day or dt.date.today()).isoformat()}.{extension}"


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with list cells joined by ';' and formula-like text neutralised."""
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if isinstance(values.dtype, pd.CategoricalDtype):  # imported names and countries are categorical
            values = values.astype(object)
        if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
            out[column] = values.map(
                lambda v: neutralise_formula("; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
            )
    buffer = io.StringIO()
    out.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")
