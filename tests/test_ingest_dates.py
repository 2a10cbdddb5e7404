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


def _dates_in_document(text: str, published: dt.date | None = None) -> list[tuple[str, dt.date | None, str]]:
    """Each sentence's dates as the pipeline finds them: with the document's years as context."""
    from dossier.ingest.dates import YearContext
    from dossier.text import split_sentences

    years = YearContext.of(text)
    found = []
    for span in split_sentences(text):
        for d in find_dates(text[span.start : span.end], published, "source", years.shifted(span.start)):
            if d.known:
                found.append((d.phrase, d.date_start, d.precision))
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "of that year" is the year named last, not the publication year
            "TTP entered into peace talks in early 2014, but the talks collapsed in June of that year.",
            [("early 2014", D(2014, 1, 1), "year"), ("June of that year", D(2014, 6, 1), "month")],
        ),
        (  # a year-less month takes a year named earlier in its own sentence before the publication year
            "In 2025, BLA claimed responsibility for the March hijacking of the train.",
            [("In 2025", D(2025, 1, 1), "year"), ("the March", D(2025, 3, 1), "month")],
        ),
        (
            "It was accused of the 2001 Indian Parliament attack and the 2008 Mumbai attacks.",
            [("the 2001", D(2001, 1, 1), "year"), ("the 2008", D(2008, 1, 1), "year")],
        ),
        ("It fought in the War in Afghanistan (2001–2021).", [("2001–2021", D(2001, 1, 1), "year")]),
        (  # a year naming the subject adds nothing to the day given with it
            "The 2019 Sri Lanka Easter bombings were attacks on 21 April 2019. Later that day, more blasts followed.",
            [("21 April 2019", D(2019, 4, 21), "day"), ("Later that day", D(2019, 4, 21), "day")],
        ),
        ("The Doha deal followed the September 11 attacks.", []),  # an event's name, not a date
        ("On 26 August attacks killed 170 people.", [("26 August", D(2026, 8, 26), "day")]),
    ],
)
def test_dates_that_take_the_year_or_day_the_text_is_about(text, expected):
    assert _dates_in_document(text, D(2026, 1, 1)) == expected  # published later than all of them
