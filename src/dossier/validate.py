"""Turn raw CSV text into typed tables, refusing anything that breaks the schema.

Line numbers in messages are the CSV's own (the header is line 1), so an
analyst can open the file and go straight to the problem.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .schema import LIST_SEPARATOR, TABLES, Column, Table
from .store import DatasetError, read_table_text, sha256_bytes

_INT = re.compile(r"^-?\d+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TRUE, _FALSE = {"true", "yes", "1"}, {"false", "no", "0", ""}


def _line(index: int) -> int:
    return int(index) + 2


def _first_bad(mask: pd.Series) -> int | None:
    bad = mask[mask]
    return None if bad.empty else _line(bad.index[0])


class _Cells:
    """One column's raw CSV cells, with what every converter needs to report the first bad line."""

    def __init__(self, values: pd.Series, column: Column, table: Table):
        self.values, self.column, self.table = values, column, table
        self.stripped = values.str.strip()
        self.empty = self.stripped == ""

    def refuse_first(self, bad: pd.Series, problem: str) -> None:
        if (line := _first_bad(bad)) is not None:
            raise DatasetError(self.table.file, f"{self.column.name} {problem}: {self.values[line - 2]!r}", line)


def _as_text(cells: _Cells) -> pd.Series:
    return cells.values


def _as_int(cells: _Cells) -> pd.Series:
    cells.refuse_first(~cells.empty & ~cells.stripped.str.match(_INT), "is not a whole number")
    return pd.to_numeric(cells.stripped.mask(cells.empty)).astype("Int64")


def _as_float(cells: _Cells) -> pd.Series:
    numbers = pd.to_numeric(cells.stripped.mask(cells.empty), errors="coerce")
    cells.refuse_first(~cells.empty & numbers.isna(), "is not a number")
    return numbers.astype("float64")


def _as_date(cells: _Cells) -> pd.Series:
    dates = pd.to_datetime(cells.stripped.mask(cells.empty), format="%Y-%m-%d", errors="coerce")
    cells.refuse_first(
        ~cells.empty & (dates.isna() | ~cells.stripped.str.match(_DATE)), "is not a valid date (YYYY-MM-DD)"
    )
    return dates.astype("datetime64[s]")


def _as_bool(cells: _Cells) -> pd.Series:
    lowered = cells.stripped.str.lower()
    cells.refuse_first(~lowered.isin(_TRUE | _FALSE), "must be true or false")
    return lowered.isin(_TRUE)


def _as_list(cells: _Cells) -> pd.Series:
    items = cells.stripped.map(lambda v: [x.strip() for x in v.split(LIST_SEPARATOR) if x.strip()])
    if cells.column.required and (line := _first_bad(items.map(len) == 0)) is not None:
        raise DatasetError(cells.table.file, f"{cells.column.name} is empty", line)
    return items


# One converter per schema.Column kind: adding a kind means adding a row here.
CONVERTERS = {"str": _as_text, "int": _as_int, "float": _as_float, "date": _as_date, "bool": _as_bool, "list": _as_list}


def _convert(values: pd.Series, column: Column, table: Table) -> pd.Series:
    cells = _Cells(values, column, table)
    if column.required and column.kind != "list" and (line := _first_bad(cells.empty)) is not None:
        raise DatasetError(table.file, f"{column.name} is empty", line)
    return CONVERTERS[column.kind](cells)


def _check_allowed(typed: pd.Series, column: Column, table: Table) -> None:
    if not column.allowed:
        return
    present = typed.notna() & (typed.astype(str) != "") if column.required else typed.notna()
    bad = present & ~typed.isin(column.allowed)
    if (line := _first_bad(bad)) is not None:
        choices = ", ".join(str(a) for a in column.allowed if a != "")
        raise DatasetError(table.file, f"{column.name} {typed[line - 2]!r} is not one of: {choices}", line)


def _check_unique(typed: pd.Series, column: Column, table: Table) -> None:
    if column.unique and (line := _first_bad(typed.duplicated())) is not None:
        raise DatasetError(table.file, f"duplicate {column.name} {typed[line - 2]!r}", line)


def type_table(raw: pd.DataFrame, table: Table) -> pd.DataFrame:
    """Validate one table on its own and return it with proper dtypes."""
    typed = raw.copy()
    for column in table.columns:
        typed[column.name] = _convert(raw[column.name], column, table)
        _check_allowed(typed[column.name], column, table)
        _check_unique(typed[column.name], column, table)
    return typed


def check_references(tables: dict[str, pd.DataFrame]) -> None:
    for table in TABLES.values():
        frame = tables[table.name]
        for column in table.columns:
            if not column.references:
                continue
            target_table, target_column = column.references.split(".")
            known = set(tables[target_table][target_column])
            values = frame[column.name]
            if column.kind == "list":
                bad = values.map(lambda items, known=known: next((i for i in items if i not in known), None))
                mask = bad.notna()
                shown = bad
            else:
                mask = values.notna() & (values != "") & ~values.isin(known)
                shown = values
            if (line := _first_bad(mask)) is not None:
                raise DatasetError(
                    table.file,
                    f"{column.name} {shown[line - 2]!r} does not match any {target_table}.{target_column}",
                    line,
                )


def read_source_texts(folder: Path, sources: pd.DataFrame) -> pd.Series:
    """Read each source document, checking path containment and checksum."""
    texts = []
    root = folder.resolve()
    for index, row in sources.iterrows():
        path = (root / row["path"]).resolve()
        if root not in path.parents:
            raise DatasetError("sources.csv", f"path {row['path']!r} leaves the data folder", _line(index))
        if not path.is_file():
            raise DatasetError("sources.csv", f"source document {row['path']!r} is missing", _line(index))
        data = path.read_bytes()
        if sha256_bytes(data) != row["sha256"]:
            raise DatasetError("sources.csv", f"{row['path']} does not match its sha256 (was it edited?)", _line(index))
        try:
            texts.append(data.decode("utf-8"))
        except UnicodeDecodeError:
            raise DatasetError("sources.csv", f"{row['path']} is not UTF-8 text", _line(index)) from None
    return pd.Series(texts, index=sources.index, dtype=object)


def check_claim_spans(claims: pd.DataFrame, sources: pd.DataFrame) -> None:
    """Every claim must be exactly its source's text at its offsets."""
    text_by_source = dict(zip(sources["source_id"], sources["text"]))
    for index, claim in claims.iterrows():
        start, end = int(claim["start"]), int(claim["end"])
        document = text_by_source[claim["source_id"]]
        if not 0 <= start < end <= len(document):
            raise DatasetError(
                "claims.csv",
                f"offsets {start}-{end} lie outside {claim['source_id']} (length {len(document)})",
                _line(index),
            )
        if document[start:end] != claim["text"]:
            raise DatasetError(
                "claims.csv",
                f"claim {claim['claim_id']} text differs from {claim['source_id']}[{start}:{end}]: "
                f"{document[start:end][:60]!r}",
                _line(index),
            )


def check_event_dates(events: pd.DataFrame) -> None:
    dated = events["date_precision"] != "unknown"
    if (line := _first_bad(dated & events["date_start"].isna())) is not None:
        raise DatasetError("events.csv", "date_start is empty but date_precision is not 'unknown'", line)
    if (line := _first_bad(events["date_end"] < events["date_start"])) is not None:
        raise DatasetError("events.csv", "date_end is before date_start", line)
    analyst = events["date_basis"] == "analyst"
    if (line := _first_bad(analyst & (events["date_note"].str.strip() == ""))) is not None:
        raise DatasetError("events.csv", "an analyst-supplied date needs its basis in date_note", line)


def load_tables(folder: Path) -> dict[str, pd.DataFrame]:
    tables = {name: type_table(read_table_text(folder, table), table) for name, table in TABLES.items()}
    tables["sources"]["text"] = read_source_texts(folder, tables["sources"])
    check_references(tables)
    check_claim_spans(tables["claims"], tables["sources"])
    check_event_dates(tables["events"])
    return tables
