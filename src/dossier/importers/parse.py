"""Strict parsing of dates and numbers, one value or a whole column, with a reason for each rejection.

The scalar functions define the rules; the column functions apply the same rules at
a million rows (dates through their few distinct values, numbers through a regex and
a vectorised cast). Tests check that the two always agree.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

EARLIEST = dt.date(1900, 1, 1)
EMPTY = "is empty"
NOT_A_DATE = "is not a date (expected 2024-11-01 or 01 November 2024)"
NOT_REAL = "is not a real date"
NOT_A_NUMBER = "is not a number"
NOT_WHOLE = "is not a whole number"

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?", re.ASCII)
_TEXT = re.compile(r"(\d{1,2}) ([A-Za-z]+),? (\d{4})", re.ASCII)
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name} | {
    name.lower(): i for i, name in enumerate(calendar.month_abbr) if name
}
_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
_NUMBER_RE = re.compile(_NUMBER, re.ASCII)
# Characters a plain decimal can contain; anything else (letters such as 'nan' or 'inf') takes the strict path.
_CAST_SAFE = r"^[0-9.eE+-]+$"


def _latest() -> dt.date:
    return dt.date.today() + dt.timedelta(days=1)  # a day of slack for time zones


def parse_date(text: str | None, latest: dt.date | None = None) -> tuple[dt.date | None, str | None]:
    """``(date, None)`` for '2024-11-01', '2024-11-01 00:00:00.000' or '01 November 2024', else ``(None, reason)``."""
    if text is None or not text.strip():
        return None, EMPTY
    value = text.strip()
    if match := _ISO.fullmatch(value):
        year, month, day = (int(g) for g in match.groups())
    elif (match := _TEXT.fullmatch(value)) and match.group(2).lower() in _MONTHS:
        day, month, year = int(match.group(1)), _MONTHS[match.group(2).lower()], int(match.group(3))
    else:
        return None, NOT_A_DATE
    try:
        parsed = dt.date(year, month, day)
    except ValueError:
        return None, NOT_REAL
    latest = latest or _latest()
    if not EARLIEST <= parsed <= latest:
        return None, f"is outside {EARLIEST.isoformat()} to {latest.isoformat()}"
    return parsed, None


def range_reason(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"is outside {low:g} to {high:g}"
    return f"is below {low:g}" if low is not None else f"is above {high:g}"


def parse_number(
    text: str | None, integer: bool = False, low: float | None = None, high: float | None = None
) -> tuple[float | None, str | None]:
    """``(value, None)`` for a plain decimal number within [low, high], else ``(None, reason)``.

    Only ASCII decimal notation is accepted: no 'nan', 'inf', thousands separators or hex.
    """
    if text is None or not text.strip():
        return None, EMPTY
    if not _NUMBER_RE.fullmatch(text.strip()):
        return None, NOT_A_NUMBER
    value = float(text.strip())
    if not np.isfinite(value):
        return None, NOT_A_NUMBER
    if integer and not value.is_integer():
        return None, NOT_WHOLE
    if (low is not None and value < low) or (high is not None and value > high):
        return None, range_reason(low, high)
    return value, None


@dataclass(frozen=True)
class Parsed:
    """A parsed column: values (NaN/NaT where missing or bad) and a reason per row ('' when fine)."""

    values: np.ndarray
    reasons: np.ndarray  # object array of str

    @property
    def bad(self) -> np.ndarray:
        return self.reasons != ""

    @property
    def missing(self) -> np.ndarray:
        return self.reasons == EMPTY


def _as_array(column: pa.Array | pa.ChunkedArray) -> pa.Array:
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
    return column.cast(pa.string())


def by_distinct(column: pa.Array | pa.ChunkedArray, parse, empty_value: object) -> tuple[np.ndarray, np.ndarray]:
    """Apply a scalar ``parse(text) -> (value, reason)`` once per distinct value, then spread by index."""
    encoded = pc.dictionary_encode(_as_array(column))
    results = [parse(v) for v in encoded.dictionary.to_pylist()]
    values = np.array([empty_value if v is None else v for v, _ in results] + [empty_value])
    reasons = np.array([r or "" for _, r in results] + [EMPTY], dtype=object)
    indices = encoded.indices.fill_null(len(results)).to_numpy(zero_copy_only=False)
    return values[indices], reasons[indices]


# The scalar patterns above, anchored and with named groups, for Arrow's RE2.
_ISO_NAMED = r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
_TEXT_NAMED = r"^(?P<d>\d{1,2}) (?P<mon>[A-Za-z]+),? (?P<y>\d{4})$"
_DAYS = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


def _distinct_dates(text: pa.Array, latest: dt.date) -> tuple[np.ndarray, np.ndarray]:
    """``parse_date`` over an array of distinct strings, vectorised: the same regexes and calendar rules."""
    iso, words = pc.extract_regex(text, _ISO_NAMED), pc.extract_regex(text, _TEXT_NAMED)
    month_names = pa.array(list(_MONTHS))
    month_index = pc.fill_null(pc.index_in(pc.utf8_lower(words.field("mon")), value_set=month_names), len(_MONTHS))
    month_of_word = np.array([*_MONTHS.values(), 0])[month_index.to_numpy(zero_copy_only=False)]
    is_iso = np.asarray(iso.is_valid())
    is_words = np.asarray(words.is_valid()) & (month_of_word > 0) & ~is_iso

    def ints(parts: pa.StructArray, name: str) -> np.ndarray:
        digits = pc.if_else(pc.fill_null(parts.is_valid(), False), parts.field(name), "0")  # null rows hold ''
        return pc.cast(digits, pa.int64()).to_numpy(zero_copy_only=False)

    year = np.where(is_iso, ints(iso, "y"), ints(words, "y"))
    month = np.where(is_iso, ints(iso, "m"), month_of_word)
    day = np.where(is_iso, ints(iso, "d"), ints(words, "d"))
    matched = is_iso | is_words
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    month_ok = (month >= 1) & (month <= 12)
    last_day = _DAYS[np.clip(month, 1, 12) - 1] + ((month == 2) & leap)
    real = matched & month_ok & (year >= 1) & (day >= 1) & (day <= last_day)
    safe_year = np.where(real, year, 1970)
    values = (
        (safe_year - 1970).astype("datetime64[Y]").astype("datetime64[M]")
        + (np.where(real, month, 1) - 1).astype("timedelta64[M]")
    ).astype("datetime64[D]") + (np.where(real, day, 1) - 1).astype("timedelta64[D]")
    values = np.where(real, values, np.datetime64("NaT")).astype("datetime64[s]")
    in_range = (values >= np.datetime64(EARLIEST, "s")) & (values <= np.datetime64(latest, "s"))
    empty = np.asarray(pc.fill_null(pc.equal(text, ""), True))
    reasons = np.full(len(text), "", dtype=object)
    reasons[real & ~in_range] = f"is outside {EARLIEST.isoformat()} to {latest.isoformat()}"
    reasons[matched & ~real] = NOT_REAL
    reasons[~matched] = NOT_A_DATE
    reasons[empty] = EMPTY
    return np.where(reasons == "", values, np.datetime64("NaT", "s")), reasons


def parse_dates(column: pa.Array | pa.ChunkedArray, latest: dt.date | None = None) -> Parsed:
    """The column version of ``parse_date``, computed once per distinct value."""
    latest = latest or _latest()
    encoded = pc.dictionary_encode(pc.utf8_trim_whitespace(_as_array(column)))
    values, reasons = _distinct_dates(encoded.dictionary, latest)
    values = np.append(values, np.datetime64("NaT", "s"))
    reasons = np.append(reasons, np.array([EMPTY], dtype=object))
    indices = encoded.indices.fill_null(len(encoded.dictionary)).to_numpy(zero_copy_only=False)
    return Parsed(values[indices], reasons[indices])


def _numbers_by_regex(text: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    valid = pc.fill_null(pc.match_substring_regex(text, f"^{_NUMBER}$"), False)
    values = pc.cast(pc.if_else(valid, text, pa.scalar(None, pa.string())), pa.float64())
    return values.to_numpy(zero_copy_only=False), np.asarray(valid)


def parse_numbers(
    column: pa.Array | pa.ChunkedArray, integer: bool = False, low: float | None = None, high: float | None = None
) -> Parsed:
    """The column version of ``parse_number``: one vectorised cast, a regex check only when that fails."""
    text = pc.utf8_trim_whitespace(_as_array(column))
    empty = np.asarray(pc.fill_null(pc.equal(text, ""), True))
    candidates = pc.if_else(pa.array(empty), pa.scalar(None, pa.string()), text)
    try:
        shape_ok = np.asarray(pc.fill_null(pc.match_substring_regex(candidates, _CAST_SAFE), True))
        if not shape_ok.all():
            raise pa.ArrowInvalid("needs the strict check")
        values = pc.cast(candidates, pa.float64()).to_numpy(zero_copy_only=False)
        valid = ~empty
    except pa.ArrowInvalid:
        values, valid = _numbers_by_regex(candidates)
    with np.errstate(invalid="ignore"):
        reasons = np.full(len(values), "", dtype=object)
        reasons[~valid | np.isinf(values) | (np.isnan(values) & ~empty)] = NOT_A_NUMBER
        if integer:
            reasons[(reasons == "") & ~empty & (np.mod(values, 1) != 0)] = NOT_WHOLE
        out_of_range = np.zeros(len(values), dtype=bool)
        if low is not None:
            out_of_range |= values < low
        if high is not None:
            out_of_range |= values > high
    reasons[(reasons == "") & out_of_range] = range_reason(low, high)
    reasons[empty] = EMPTY
    return Parsed(np.where(reasons == "", values, np.nan), reasons)


def parse_codes(column: pa.Array | pa.ChunkedArray, labels: dict[str, int], numbers: set[int], what: str) -> Parsed:
    """Map a column of numbers or labels onto integer codes ('2' or 'Rebel group' -> 2); -1 where missing or bad."""
    folded = {k.casefold(): v for k, v in labels.items()}
    reason = f"is not {what}"

    def one(text: str) -> tuple[int | None, str | None]:
        label = " ".join(text.split()).casefold()
        if not label:
            return None, EMPTY
        value, problem = parse_number(label, integer=True)
        if problem is None:
            return (int(value), None) if int(value) in numbers else (None, reason)
        return (folded[label], None) if label in folded else (None, reason)

    values, reasons = by_distinct(column, one, -1)
    return Parsed(values.astype("int16"), reasons)
