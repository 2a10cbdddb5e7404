"""Dates in a sentence: explicit ones parsed, relative ones resolved against the publication date.

Without a publication date a relative phrase ("last week", "on Tuesday") stays
``unknown``: the note says what the source said, and nothing is guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MONTH = r"(?P<month>(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"  # fmt: skip
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_YEAR_WORDS = "in|since|during|by|from|until|before|after|of|early|late|mid-"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# (name, pattern, precision); earlier patterns win where matches overlap.
_EXPLICIT = (
    ("iso", re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d-])"), "day"),
    ("day-range", re.compile(rf"\b(?P<day>[0-3]?\d)\s*[–-]\s*(?P<day2>[0-3]?\d)\s+{_MONTH},?\s+{_YEAR}\b"), "day"),
    ("dmy", re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b"), "day"),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"), "day"),
    ("my", re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b"), "month"),
    ("dm", re.compile(rf"\b{_DAY}\s+{_MONTH}(?![\w.]|\s*,?\s*\d)"), "day"),
    ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*\d)"), "day"),
    ("year", re.compile(rf"\b(?i:{_YEAR_WORDS})\s*{_YEAR}\b(?![,.]?\d)"), "year"),
)  # fmt: skip
_RELATIVE = re.compile(
    r"\b(?P<rel>today|yesterday|tomorrow"
    r"|(?P<n>\d{1,2}|one|two|three|four|five|six|seven|ten)\s+days?\s+ago"
    r"|(?P<which>last|this|next|previous|earlier\s+this|later\s+this)\s+(?P<unit>week|month|year)"
    rf"|(?:(?P<wwhich>last|next|this|on)\s+)?{_WEEKDAY}"
    r"|recent(?:ly)?|lately|in\s+recent\s+(?:days|weeks|months)|upcoming|impending|soon|poised\s+to)\b",
    re.IGNORECASE,
)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}
_VAGUE_PAST = ("recent", "lately", "in recent")
_VAGUE_FUTURE = ("upcoming", "impending", "soon", "poised")


@dataclass(frozen=True)
class DateMention:
    phrase: str
    start: int  # offsets into the text searched
    end: int
    date_start: dt.date | None
    date_end: dt.date | None
    precision: str  # day | month | year | unknown
    relative: bool
    note: str

    @property
    def known(self) -> bool:
        return self.precision != "unknown"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _explicit(name: str, match: re.Match, published: dt.date | None) -> tuple[dt.date, dt.date | None, str] | None:
    groups = match.groupdict()
    month_text = (groups.get("month") or "").rstrip(".").lower()
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text)
    year = int(groups["year"]) if groups.get("year") else (published.year if published else None)
    if (month is None and name != "year") or year is None:
        return None
    note = ""
    if name in ("dm", "md"):
        note = f"; the year {year} is taken from the publication date"
    try:
        if name == "year":
            return dt.date(year, 1, 1), dt.date(year, 12, 31), note
        if name == "my":
            return dt.date(year, month, 1), _month_end(year, month), note
        start = dt.date(year, month, int(groups["day"]))
        end = dt.date(year, month, int(groups["day2"])) if groups.get("day2") else None
    except ValueError:
        return None  # 31 February and the like: not a date
    if end is not None and end < start:
        return None
    return start, end, note


def _week(day: dt.date, offset: int) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=offset)
    return monday, monday + dt.timedelta(days=6)


def _shift_month(day: dt.date, offset: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + offset
    return index // 12, index % 12 + 1


def _relative(match: re.Match, published: dt.date) -> tuple[dt.date | None, dt.date | None, str]:
    """Resolve one relative phrase against the publication date: (start, end, precision)."""
    text = match.group("rel").lower()
    if text in ("today", "yesterday", "tomorrow"):
        return published + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[text]), None, "day"
    if match.group("n"):
        n = match.group("n").lower()
        return published - dt.timedelta(days=int(n) if n.isdigit() else _NUMBERS[n]), None, "day"
    if match.group("unit"):
        which = match.group("which").lower().split()[-1]
        offset = {"last": -1, "previous": -1, "this": 0, "next": 1}[which]
        unit = match.group("unit").lower()
        if unit == "week":
            start, end = _week(published, offset)
            return start, end, "day"
        if unit == "month":
            year, month = _shift_month(published, offset)
            return dt.date(year, month, 1), _month_end(year, month), "month"
        return dt.date(published.year + offset, 1, 1), dt.date(published.year + offset, 12, 31), "year"
    if match.group("weekday"):
        target = WEEKDAYS[match.group("weekday").lower()]
        which = (match.group("wwhich") or "").lower()
        back = (published.weekday() - target) % 7
        if which == "next":
            return published + dt.timedelta(days=(target - published.weekday()) % 7 or 7), None, "day"
        if which == "last" and back == 0:
            back = 7
        return published - dt.timedelta(days=back), None, "day"
    return None, None, "unknown"


def find_dates(text: str, published: dt.date | None = None, published_by: str = "source") -> list[DateMention]:
    """Every date phrase in ``text``, in order. ``published_by`` is "source" or "analyst"."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for name, pattern, precision in _EXPLICIT:
        for match in pattern.finditer(text):
            if not free(match.start(), match.end()):
                continue
            parsed = _explicit(name, match, published)
            taken.append((match.start(), match.end()))  # "31 February 2025" is not "February 2025"
            if parsed is None:
                if name in ("dm", "md") and published is None:
                    note = f"The source says ‘{match.group(0)}’ without a year and states no publication date."
                    found.append(
                        DateMention(match.group(0), match.start(), match.end(), None, None, "unknown", True, note)
                    )
                continue
            start, end, note = parsed
            found.append(
                DateMention(
                    match.group(0), match.start(), match.end(), start, end, precision,
                    bool(note), f"The source says ‘{match.group(0)}’{note}.",
                )
            )  # fmt: skip
    for match in _RELATIVE.finditer(text):
        if not free(match.start(), match.end()):
            continue
        phrase = match.group(0)
        vague = phrase.lower().startswith(_VAGUE_PAST + _VAGUE_FUTURE)
        if published is None:
            note = f"The source says ‘{phrase}’ and states no publication date."
            found.append(DateMention(phrase, match.start(), match.end(), None, None, "unknown", True, note))
        elif vague:
            when = "before" if phrase.lower().startswith(_VAGUE_PAST) else "after"
            note = f"The source says ‘{phrase}’: some time {when} its publication on {published.isoformat()}."
            found.append(DateMention(phrase, match.start(), match.end(), None, None, "unknown", True, note))
        else:
            start, end, precision = _relative(match, published)
            by = "the publication date" + (" supplied by the analyst" if published_by == "analyst" else "")
            note = f"The source says ‘{phrase}’; resolved against {by}, {published.isoformat()}."
            found.append(DateMention(phrase, match.start(), match.end(), start, end, precision, True, note))
        taken.append((match.start(), match.end()))
    return sorted(found, key=lambda d: d.start)


_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}


def best_date(mentions: list[DateMention]) -> DateMention | None:
    """The most precise date of a sentence; explicit before relative, then first."""
    if not mentions:
        return None
    return min(mentions, key=lambda d: (_RANK[d.precision], d.relative, d.start))
