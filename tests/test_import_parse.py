"""Date and number parsing for imports: fixed cases, and properties checked with hypothesis."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.importers.parse import (
    EMPTY,
    NOT_A_DATE,
    NOT_A_NUMBER,
    NOT_REAL,
    NOT_WHOLE,
    parse_codes,
    parse_date,
    parse_dates,
    parse_number,
    parse_numbers,
)

LATEST = dt.date(2026, 1, 1)
DAYS = st.dates(min_value=dt.date(1900, 1, 1), max_value=LATEST)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-11-01", (dt.date(2024, 11, 1), None)),
        ("01 November 2024", (dt.date(2024, 11, 1), None)),
        ("1 Nov 2024", (dt.date(2024, 11, 1), None)),
        ("2024-11-01 00:00:00.000", (dt.date(2024, 11, 1), None)),
        ("  2024-02-29 ", (dt.date(2024, 2, 29), None)),
        ("2025-02-30", (None, NOT_REAL)),
        ("31 April 2024", (None, NOT_REAL)),
        ("2023-02-29", (None, NOT_REAL)),
        ("01 Smarch 2024", (None, NOT_A_DATE)),
        ("11/03/2025", (None, NOT_A_DATE)),
        ("", (None, EMPTY)),
        (None, (None, EMPTY)),
        ("1899-12-31", (None, "is outside 1900-01-01 to 2026-01-01")),
        ("2026-01-02", (None, "is outside 1900-01-01 to 2026-01-01")),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text, LATEST) == expected


@pytest.mark.parametrize(
    ("text", "rules", "expected"),
    [
        ("34.0151", {}, (34.0151, None)),
        ("-0.5", {"low": -90, "high": 90}, (-0.5, None)),
        ("999", {"low": -90, "high": 90}, (None, "is outside -90 to 90")),
        ("181.5", {"low": -180, "high": 180}, (None, "is outside -180 to 180")),
        ("-1", {"integer": True, "low": 0}, (None, "is below 0")),
        ("3.0", {"integer": True}, (3.0, None)),
        ("2.5", {"integer": True}, (None, NOT_WHOLE)),
        ("abc", {}, (None, NOT_A_NUMBER)),
        ("nan", {}, (None, NOT_A_NUMBER)),
        ("inf", {}, (None, NOT_A_NUMBER)),
        ("1e999", {}, (None, NOT_A_NUMBER)),
        ("1,000", {}, (None, NOT_A_NUMBER)),
        ("٣", {}, (None, NOT_A_NUMBER)),
        ("", {}, (None, EMPTY)),
    ],
)
def test_parse_number(text, rules, expected):
    assert parse_number(text, **rules) == expected


@given(DAYS)
def test_every_real_day_parses_in_both_spellings(day):
    assert parse_date(day.isoformat(), LATEST) == (day, None)
    assert parse_date(day.strftime("%d %B %Y"), LATEST) == (day, None)
    assert parse_date(f"{day.day} {day.strftime('%b')} {day.year}", LATEST) == (day, None)


@given(st.integers(1900, 2025), st.integers(1, 12), st.integers(29, 31))
def test_impossible_days_are_rejected_not_rolled_over(year, month, day):
    try:
        dt.date(year, month, day)
    except ValueError:
        assert parse_date(f"{year:04d}-{month:02d}-{day:02d}", LATEST) == (None, NOT_REAL)


@given(st.text(max_size=30))
def test_dates_never_raise_and_reasons_are_known(text):
    value, reason = parse_date(text, LATEST)
    assert (value is None) != (reason is None)
    assert reason in (None, EMPTY, NOT_A_DATE, NOT_REAL) or reason.startswith("is outside")


@given(st.lists(st.one_of(DAYS.map(dt.date.isoformat), DAYS.map(lambda d: d.strftime("%d %B %Y")),
                          st.text(alphabet="0123456789- :.ANovemberJuyFbcphrgst", max_size=24), st.none()),
                max_size=40))  # fmt: skip
@settings(max_examples=300, deadline=None)
def test_column_dates_agree_with_the_scalar_rule(values):
    parsed = parse_dates(pa.array(values, pa.string()), LATEST)
    for text, value, reason in zip(values, parsed.values, parsed.reasons):
        expected_value, expected_reason = parse_date(text, LATEST)
        assert reason == (expected_reason or "")
        assert (value == np.datetime64(expected_value, "s")) if expected_value else np.isnat(value)


@given(st.floats(allow_nan=False, allow_infinity=False, width=64))
def test_every_finite_float_round_trips(number):
    assert parse_number(repr(number)) == (number, None)


@given(st.integers(-(10**12), 10**12))
def test_whole_numbers_parse_as_integers(number):
    assert parse_number(str(number), integer=True) == (float(number), None)


@given(st.lists(st.one_of(st.floats(width=32).map(repr), st.integers().map(str),
                          st.text(alphabet="0123456789.eE+-naif ", max_size=8), st.none()), max_size=40))  # fmt: skip
@settings(max_examples=300, deadline=None)
def test_column_numbers_agree_with_the_scalar_rule(values):
    parsed = parse_numbers(pa.array(values, pa.string()), integer=False, low=-1e6, high=1e6)
    for text, value, reason in zip(values, parsed.values, parsed.reasons):
        expected_value, expected_reason = parse_number(text, low=-1e6, high=1e6)
        assert reason == (expected_reason or ""), text
        assert value == expected_value if expected_value is not None else np.isnan(value)


@pytest.mark.parametrize(
    ("text", "code", "reason"),
    [("1", 1, ""), ("State forces", 1, ""), ("rebel  GROUP", 2, ""), ("0", 0, ""), ("9", -1, "is not x"),
     ("Aliens", -1, "is not x"), ("", -1, EMPTY)],
)  # fmt: skip
def test_actor_type_codes_accept_numbers_and_labels(text, code, reason):
    parsed = parse_codes(pa.array([text]), {"State forces": 1, "Rebel group": 2}, set(range(9)), "x")
    assert (parsed.values[0], parsed.reasons[0]) == (code, reason)
