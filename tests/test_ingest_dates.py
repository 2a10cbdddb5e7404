"""Dates in sentences: explicit ones parsed, relative ones resolved only against a known publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.ingest.dates import best_date, find_dates

D = dt.date
PUBLISHED = D(2025, 3, 12)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("It happened on 2025-03-11.", D(2025, 3, 11), None, "day"),
        ("It happened on 11 March 2025.", D(2025, 3, 11), None, "day"),
        ("It happened on 11th March, 2025.", D(2025, 3, 11), None, "day"),
        ("It happened on March 11, 2025.", D(2025, 3, 11), None, "day"),
        ("It happened on Sept. 3 2024.", D(2024, 9, 3), None, "day"),
        ("Vance visited India on 21–24 April 2025.", D(2025, 4, 21), D(2025, 4, 24), "day"),
        ("It happened in March 2025.", D(2025, 3, 1), D(2025, 3, 31), "month"),
        ("It happened in February 2024.", D(2024, 2, 1), D(2024, 2, 29), "month"),
        ("Troops left in 2021.", D(2021, 1, 1), D(2021, 12, 31), "year"),
        ("Since 2019 the group grew.", D(2019, 1, 1), D(2019, 12, 31), "year"),
    ],
)
def test_explicit_dates_need_no_publication_date(text, start, end, precision):
    (found,) = find_dates(text)
    assert (found.date_start, found.date_end, found.precision, found.relative) == (start, end, precision, False)
    assert found.note.startswith("The source says ‘")


@pytest.mark.parametrize(
    "text",
    [
        "It happened on 31 February 2025.",  # no such day
        "Some 2,021 troops and 1,200 police.",  # numbers, not years
        "Officials may meet soon-ish.",  # 'may' the modal is not May
        "The group has 2025 members.",  # a bare number is not a year
    ],
)
def test_no_false_dates(text: str):
    assert [d for d in find_dates(text) if d.known] == []


@pytest.mark.parametrize(
    ("phrase", "start", "end", "precision"),
    [
        ("today", D(2025, 3, 12), None, "day"),
        ("yesterday", D(2025, 3, 11), None, "day"),
        ("on Tuesday", D(2025, 3, 11), None, "day"),
        ("on Wednesday", D(2025, 3, 12), None, "day"),
        ("last Wednesday", D(2025, 3, 5), None, "day"),
        ("on Friday", D(2025, 3, 7), None, "day"),
        ("next Monday", D(2025, 3, 17), None, "day"),
        ("three days ago", D(2025, 3, 9), None, "day"),
        ("last week", D(2025, 3, 3), D(2025, 3, 9), "day"),
        ("next week", D(2025, 3, 17), D(2025, 3, 23), "day"),
        ("last month", D(2025, 2, 1), D(2025, 2, 28), "month"),
        ("earlier this month", D(2025, 3, 1), D(2025, 3, 31), "month"),
        ("last year", D(2024, 1, 1), D(2024, 12, 31), "year"),
        ("on 9 March", D(2025, 3, 9), None, "day"),
    ],
)
def test_relative_dates_resolve_against_the_publication_date(phrase, start, end, precision):
    (found,) = find_dates(f"Militants attacked {phrase}.", PUBLISHED)
    assert (found.date_start, found.date_end, found.precision, found.relative) == (start, end, precision, True)
    assert "2025" in found.note


@pytest.mark.parametrize("phrase", ["on Tuesday", "last week", "yesterday", "last month", "on 9 March"])
def test_relative_dates_without_a_publication_date_stay_unknown(phrase: str):
    (found,) = find_dates(f"Militants attacked {phrase}.")
    assert (found.date_start, found.date_end, found.precision) == (None, None, "unknown")
    assert "states no publication date" in found.note or "year" not in found.note


@pytest.mark.parametrize("phrase", ["recent", "recently", "upcoming", "impending", "poised to"])
def test_vague_time_words_are_never_turned_into_dates(phrase: str):
    (found,) = find_dates(f"The {phrase} attack drew notice.", PUBLISHED)
    assert found.precision == "unknown" and found.date_start is None
    assert "2025-03-12" in found.note


def test_analyst_supplied_publication_date_is_named_in_the_note():
    (found,) = find_dates("They met yesterday.", PUBLISHED, published_by="analyst")
    assert "supplied by the analyst" in found.note


def test_best_date_prefers_the_most_precise_explicit_date():
    mentions = find_dates("Recent attacks in 2024 peaked on 11 March 2024, officials said last week.", PUBLISHED)
    best = best_date(mentions)
    assert (best.phrase, best.date_start) == ("11 March 2024", D(2024, 3, 11))
    assert best_date([]) is None
