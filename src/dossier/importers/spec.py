"""What an importer declares, the stored event layout they all share, and per-row checks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

from ..schema import TABLES, arrow_type
from ..store import DatasetError
from .licences import Licence
from .parse import EMPTY, Parsed

_DICT = pa.dictionary(pa.int32(), pa.string())

# The events file of one import: the curated events columns as declared in dossier.schema (so the
# two layouts cannot drift apart), then what the event-data sources add. "lazy" columns are long
# per-event text, read on demand (see dossier.importers.load.event_details) so the in-memory dataset stays small. The
# loader adds import_id from the file name.
_CURATED_FIELDS = tuple((c.name, arrow_type(c, _DICT), False) for c in TABLES["events"].columns)
EVENT_FIELDS: tuple[tuple[str, pa.DataType, bool], ...] = _CURATED_FIELDS + (
    ("original_id", pa.string(), True),  # event_id without its "ucdp-"/"acled-" prefix
    ("sub_event_type", _DICT, False),
    ("date_precision_code", pa.int8(), False),
    ("fatalities_low", pa.float64(), False),
    ("fatalities_high", pa.float64(), False),
    ("admin1", _DICT, False),
    ("admin2", _DICT, False),
    ("admin3", _DICT, False),
    ("location", _DICT, False),
    ("latitude", pa.float64(), False),
    ("longitude", pa.float64(), False),
    ("location_precision", pa.int8(), False),
    ("conflict_name", _DICT, False),
    ("disorder_type", _DICT, False),
    ("civilian_targeting", _DICT, False),
    ("source_office", _DICT, False),
    ("source", _DICT, False),
    ("source_scale", _DICT, False),
    ("source_article", pa.string(), True),
    ("source_date", pa.string(), True),
    ("source_headline", pa.string(), True),
    ("source_original", pa.string(), True),
    ("where_description", pa.string(), True),
    ("notes", pa.string(), True),
    ("tags", pa.string(), True),
)
EVENT_SCHEMA = pa.schema([(name, kind) for name, kind, _ in EVENT_FIELDS])
LAZY_COLUMNS = tuple(name for name, _, lazy in EVENT_FIELDS if lazy)
LINK_SCHEMA = pa.schema([("event_id", pa.string()), ("actor_name", _DICT), ("role", _DICT)])
ACTOR_SCHEMA = pa.schema([("name", pa.string()), ("kind", pa.string()), ("country", pa.string())])


class ImportRefused(DatasetError):
    """A whole file refused (wrong columns, mixed layout, duplicate ids, not CSV): nothing is written."""

    def __init__(self, file: str, problem: str):
        super().__init__(file, problem)


class Checks:
    """Per-row problems of one batch; a row with any problem is rejected with every reason."""

    def __init__(self, batch: pa.Table):
        self.batch = batch
        self.items: list[tuple[str, np.ndarray]] = []

    def add(self, column: str, parsed: Parsed, required: bool = True) -> Parsed:
        reasons = parsed.reasons if required else np.where(parsed.missing, "", parsed.reasons)
        if (reasons != "").any():
            self.items.append((column, reasons))
        return parsed

    def flag(self, column: str, mask: np.ndarray, reason: str) -> None:
        if mask.any():
            self.items.append((column, np.where(mask, reason, "")))

    def bad(self) -> np.ndarray:
        mask = np.zeros(self.batch.num_rows, dtype=bool)
        for _, reasons in self.items:
            mask |= reasons != ""
        return mask

    def reasons_for(self, rows: np.ndarray) -> tuple[list[str], list[list[str]]]:
        """For the given row positions: one message per row, and the summary keys of its problems."""
        messages, keys = [], []
        for row in rows:
            parts, row_keys = [], []
            for column, reasons in self.items:
                if reasons[row]:
                    value = self.batch.column(column)[row].as_py() if column in self.batch.column_names else None
                    shown = "" if reasons[row] == EMPTY or value is None else f" {str(value)[:60]!r}"
                    parts.append(f"{column}{shown} {reasons[row]}")
                    row_keys.append(f"{column} {reasons[row]}")
            messages.append("; ".join(parts))
            keys.append(row_keys)
        return messages, keys


@dataclass
class Mapped:
    """One batch mapped onto the stored layout: event columns, actor links and checks, all row-aligned."""

    events: dict[str, pa.Array | np.ndarray]
    checks: Checks
    # (names, role, actor-type codes or None); names may be a list array (several actors per row)
    links: list[tuple[pa.Array, str, np.ndarray | None]] = field(default_factory=list)


@dataclass(frozen=True)
class ImporterSpec:
    key: str  # stored as each event's origin
    name: str
    columns: tuple[str, ...]  # the publisher's documented layout, in order
    signature: frozenset[str]  # columns that identify the format in a header
    id_column: str
    licence: Licence
    map_batch: Callable[[pa.Table], Mapped]
    actor_kind: Callable[[str, int], tuple[str, str]]  # (name, type code or -1) -> (kind, country)
    optional: frozenset[str] = frozenset()  # columns that may be absent (variants)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c for c in self.columns if c not in self.optional)

    def layout(self, header: list[str], hxl: bool) -> str:
        """A short description of the variant, e.g. 'standard layout' or 'with iso3 and an HXL row'."""
        extras = [c for c in header if c not in self.columns]
        absent = [c for c in self.columns if c not in header]
        parts = [f"with {', '.join(extras)}"] if extras else []
        if absent:
            parts.append(
                f"without {', '.join(absent)}" if len(absent) <= 3 else f"without {len(absent)} optional columns"
            )
        if hxl:
            parts.append("an HXL hashtag row")
        return " and ".join(parts) if parts else "standard layout"
