"""What an importer declares, the stored event layout they all share, and per-row checks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

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
    ("source_office", _DICT, True),  # the outlets behind one event: thousands of distinct strings
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
# Declared with the events table as imported-only columns: data-quality flags (schema.QUALITY_FLAGS).
EVENT_FIELDS += tuple((c.name, arrow_type(c, _DICT), False) for c in TABLES["events"].extra)
EVENT_SCHEMA = pa.schema([(name, kind) for name, kind, _ in EVENT_FIELDS])
LAZY_COLUMNS = tuple(name for name, _, lazy in EVENT_FIELDS if lazy)
# The link's event's position in the import's events part, so loading joins by integer, not by id
# (imports written before it was added lack it and are joined by id).
STORED_EVENT_ROW = "event_row"
LINK_SCHEMA = pa.schema(
    [("event_id", pa.string()), ("actor_name", _DICT), ("role", _DICT), (STORED_EVENT_ROW, pa.int32())]
)
ACTOR_SCHEMA = pa.schema([("name", pa.string()), ("kind", pa.string()), ("country", pa.string())])


class ImportRefused(DatasetError):
    """A whole file refused (wrong columns, mixed layout, already imported, not CSV): nothing is written."""

    def __init__(self, file: str, problem: str):
        super().__init__(file, problem)


class Checks:
    """Per-row problems of one batch, in two kinds.

    A *rejection* means the row cannot be represented (no id, no readable date, a repeated id): it is
    left out, with every reason. A *flag* is a problem in the source's own values (fatality estimates
    out of order, an unreadable coordinate): the row is imported as published, the unusable value left
    empty, and the flag's code stored in the event's ``quality`` column.
    """

    def __init__(self, batch: pa.Table):
        self.batch = batch
        self.items: list[tuple[str, np.ndarray]] = []  # rejections: (column, reason per row)
        self.summaries: dict[str, str] = {}  # reason -> the line it is counted under, when not "<column> <reason>"
        self.flags: list[tuple[str, np.ndarray, str]] = []  # (column, reason per row, quality code)

    def add(self, column: str, parsed: Parsed, required: bool = True) -> Parsed:
        """Reject the rows whose value could not be parsed (or is missing, when ``required``)."""
        reasons = parsed.reasons if required else np.where(parsed.missing, "", parsed.reasons)
        if (reasons != "").any():
            self.items.append((column, reasons))
        return parsed

    def flag(self, column: str, mask: np.ndarray, reason: str) -> None:
        """Reject the rows in ``mask`` with ``reason``."""
        if mask.any():
            self.items.append((column, np.where(mask, reason, "")))

    def keep(self, column: str, parsed: Parsed, required: bool = True) -> Parsed:
        """Flag (not reject) the rows whose value could not be used; their value stays empty."""
        reasons = parsed.reasons if required else np.where(parsed.missing, "", parsed.reasons)
        if (reasons != "").any():
            codes = np.where(reasons == EMPTY, f"{column}-missing", f"{column}-invalid")
            for code in np.unique(codes[reasons != ""]):
                self.flags.append((column, np.where(codes == code, reasons, ""), str(code)))
        return parsed

    def note(self, column: str, mask: np.ndarray, reason: str, code: str) -> None:
        """Flag the rows in ``mask`` with a quality ``code`` (see schema.QUALITY_FLAGS)."""
        if mask.any():
            self.flags.append((column, np.where(mask, reason, ""), code))

    def bad(self) -> np.ndarray:
        return self._any(reasons for _, reasons in self.items)

    def flagged(self) -> np.ndarray:
        return self._any(reasons for _, reasons, _ in self.flags)

    def _any(self, arrays) -> np.ndarray:
        mask = np.zeros(self.batch.num_rows, dtype=bool)
        for reasons in arrays:
            mask |= reasons != ""
        return mask

    def quality(self) -> np.ndarray:
        """Per row, its flag codes in alphabetical order joined by ';' (None for a clean row)."""
        by_code: dict[str, np.ndarray] = {}
        for _, reasons, code in self.flags:
            by_code[code] = by_code.get(code, np.zeros(self.batch.num_rows, dtype=bool)) | (reasons != "")
        out = np.full(self.batch.num_rows, None, dtype=object)
        if by_code:
            rows = np.flatnonzero(np.logical_or.reduce(list(by_code.values())))
            joined = np.full(len(rows), "", dtype=object)
            for code in sorted(by_code):
                joined[by_code[code][rows]] += ";" + code
            out[rows] = [c[1:] for c in joined]
        return out

    def flag_counts(self, keep: np.ndarray) -> Counter:
        """Rows per quality code among the rows in ``keep``."""
        counts: Counter = Counter()
        for _, reasons, code in self.flags:
            counts[code] += int(((reasons != "") & keep).sum())
        return counts

    def reasons_for(self, rows: np.ndarray, flags: bool = False) -> tuple[list[str], Counter]:
        """For the given row positions: one message per row ("latitude '999' is outside -90 to 90; …"), and how
        many rows each problem has, for the summary. Vectorised per problem: a third of a million rows may be flagged.
        """
        items = [(c, r) for c, r, _ in self.flags] if flags else self.items
        messages = np.full(len(rows), "", dtype=object)
        counts: Counter = Counter()
        for column, reasons in items:
            found = reasons[rows]
            hit = found != ""
            if not hit.any():
                continue
            found = found[hit]
            shown = self._shown(column, rows[hit])
            part = column + np.where(found == EMPTY, "", shown) + " " + found
            messages[hit] = np.where(messages[hit] == "", part, messages[hit] + "; " + part)
            for reason, count in zip(*np.unique(found.astype(str), return_counts=True)):
                counts[self.summaries.get(reason, f"{column} {reason}")] += int(count)
        return list(messages), counts

    def _shown(self, column: str, rows: np.ndarray) -> np.ndarray:
        """Each row's value as repr shows it, after a space (escapes keep a message on one line); '' if none."""
        if column not in self.batch.column_names:
            return np.full(len(rows), "", dtype=object)
        values = self.batch.column(column).take(pa.array(rows)).combine_chunks().cast(pa.string())
        encoded = pc.dictionary_encode(values)
        distinct = [f" {v[:60]!r}" for v in encoded.dictionary.to_pylist()]
        return np.array([*distinct, ""], dtype=object)[encoded.indices.fill_null(len(distinct)).to_numpy()]


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
