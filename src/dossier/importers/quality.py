"""Data-quality checks on values the source publishes inconsistently: flagged, never rejected.

UCDP GED publishes some events with ``best`` above ``high`` or ``low`` above ``high``; an
analyst cannot fix the release, so such rows are imported as published and carry a flag
(schema.QUALITY_FLAGS) that the summary counts, the drill-down shows and a filter selects.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..schema import QUALITY_FLAGS
from .spec import Checks

# Country bounding boxes (lat_min, lat_max, lon_min, lon_max), rounded outwards, for the countries
# the bundled gazetteer is about and their neighbours. A box is a cheap, coarse check: it only catches
# coordinates clearly in another country or swapped, never a point near a border. Countries not listed
# (or spanning the antimeridian) are not checked.
COUNTRY_BOXES: dict[str, tuple[float, float, float, float]] = {
    "Afghanistan": (29.3, 38.5, 60.5, 74.9),
    "Bangladesh": (20.6, 26.7, 88.0, 92.7),
    "China": (18.1, 53.6, 73.4, 134.8),
    "India": (6.5, 37.1, 68.1, 97.4),
    "Iran": (25.0, 39.8, 44.0, 63.4),
    "Iraq": (29.0, 37.4, 38.8, 48.6),
    "Myanmar (Burma)": (9.7, 28.6, 92.1, 101.2),
    "Myanmar": (9.7, 28.6, 92.1, 101.2),
    "Nepal": (26.3, 30.5, 80.0, 88.2),
    "Pakistan": (23.6, 37.1, 60.8, 77.9),
    "Sri Lanka": (5.9, 9.9, 79.6, 81.9),
    "Syria": (32.3, 37.4, 35.7, 42.4),
    "Tajikistan": (36.6, 41.1, 67.3, 75.2),
    "Turkmenistan": (35.1, 42.8, 52.4, 66.7),
    "Uzbekistan": (37.1, 45.6, 55.9, 73.2),
}
MARGIN = 0.5  # degrees around each box: coordinates on a border river or a coastline stay unflagged


def estimates(checks: Checks, best: np.ndarray, low: np.ndarray, high: np.ndarray) -> None:
    """Flag fatality estimates out of order (where both values of a pair are present)."""
    with np.errstate(invalid="ignore"):
        checks.note("best", best > high, "is above high", "best>high")
        checks.note("best", best < low, "is below low", "best<low")
        checks.note("low", low > high, "is above high", "low>high")


def dates(checks: Checks, start: np.ndarray, end: np.ndarray, column: str = "date_end") -> None:
    checks.note(column, np.asarray(end < start), "is before date_start", "end<start")


def coordinates(checks: Checks, country: pa.Array, latitude: np.ndarray, longitude: np.ndarray) -> None:
    """Flag coordinates outside their country's box (countries without a box are not checked)."""
    encoded = pc.dictionary_encode(country)
    names = encoded.dictionary.to_pylist()
    boxes = np.array([COUNTRY_BOXES.get(n, (np.nan,) * 4) for n in names] + [(np.nan,) * 4]).reshape(-1, 4)
    indices = encoded.indices.fill_null(len(names)).to_numpy(zero_copy_only=False)
    lat_min, lat_max, lon_min, lon_max = boxes[indices].T
    with np.errstate(invalid="ignore"):
        outside = (
            (latitude < lat_min - MARGIN)
            | (latitude > lat_max + MARGIN)
            | (longitude < lon_min - MARGIN)
            | (longitude > lon_max + MARGIN)
        )
    checks.note("latitude", outside, "and longitude are outside the country's bounding box", "outside-country")


def describe(code: str) -> str:
    """What a flag code means: 'best>high' -> 'best estimate of deaths above the high estimate'."""
    if code in QUALITY_FLAGS:
        return QUALITY_FLAGS[code]
    column, _, problem = code.rpartition("-")
    if problem == "missing" and column:
        return f"{column} is empty"
    if problem == "invalid" and column:
        return f"{column} is not usable (left empty)"
    return code


def flags_of(quality: object) -> list[str]:
    """'best>high;low>high' -> ['best>high', 'low>high']; [] for a clean event (None, NaN or '')."""
    return [c for c in quality.split(";") if c] if isinstance(quality, str) else []


def fact(quality: object) -> str:
    """The drill-down line for an event's flags, '' for a clean event."""
    codes = flags_of(quality)
    return f"Data quality: {'; '.join(describe(c) for c in codes)} (as published)" if codes else ""


ANY_FLAG, NO_FLAG = "any flag", "no flag"  # the Data quality filter's two summary choices, beside each code


def filter_choices(events: pd.DataFrame) -> list[str]:
    """What the Data quality filter offers: any flag, no flag, every declared flag, then other codes the events carry.

    The declared flags are always offered, so a link keeps its meaning whatever the data holds.
    """
    present: set[str] = set()
    if "quality" in events:
        present = {c for value in events["quality"].dropna().astype("category").cat.categories for c in flags_of(value)}
    return [ANY_FLAG, NO_FLAG, *QUALITY_FLAGS, *sorted(present - set(QUALITY_FLAGS))]


def filter_mask(events: pd.DataFrame, chosen: list[str] | tuple[str, ...]) -> np.ndarray:
    """Events carrying any chosen flag code ('any flag': any code; 'no flag': none, curated events included).

    Decided once per distinct quality value, then spread by category code: no per-event Python.
    """
    if "quality" not in events:
        return np.full(len(events), NO_FLAG in chosen)
    values = events["quality"].astype("category")
    wanted = set(chosen)
    per_value = [
        bool(wanted & {ANY_FLAG, *flags_of(v)}) if flags_of(v) else NO_FLAG in wanted for v in values.cat.categories
    ]
    lookup = np.array([*per_value, NO_FLAG in wanted], dtype=bool)
    codes = values.cat.codes.to_numpy()
    return lookup[np.where(codes < 0, len(per_value), codes)]
