"""Dates in a sentence: explicit ones parsed, relative ones resolved against the publication date.

Without a publication date a relative phrase ("last week", "on Tuesday") stays
``unknown``: the note says what the source said, and nothing is guessed.

A date without a year ("27 August", "from 11 to 12 March") takes its year from the
document's own context when the text gave a full date earlier (the nearest one
before it: a history of 2014 says "16 December 2014", then "17 December"), else
from the publication date, else from the nearest year named before it ("In 2024,
... on 3 May"); the note records which, and otherwise it stays ``unknown``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MONTH = (
    r"(?P<month>(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_YEAR_WORDS = "in|since|during|by|from|until|before|after|of|early|late|mid-"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# (name, pattern, precision); earlier patterns win where matches overlap.
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
_TO = r"\s*(?:[–—-]|to|until|till|and|through)\s*"
_EXPLICIT = (
    ("iso", re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d-])"), "day"),
    ("day-range", re.compile(rf"\b{_DAY}{_TO}{_DAY2}\s+{_MONTH},?\s+{_YEAR}\b"), "day"),
    ("mdd-range", re.compile(rf"\b{_MONTH}\s+{_DAY}{_TO}{_DAY2},?\s+{_YEAR}\b"), "day"),
    ("dm-range", re.compile(rf"\b(?:from\s+|between\s+)?{_DAY}{_TO}{_DAY2}\s+{_MONTH}(?![\w.]|\s*,?\s*\d)"), "day"),
    ("md-range", re.compile(rf"\b{_MONTH}\s+{_DAY}{_TO}{_DAY2}\b(?!\s*,?\s*\d)"), "day"),
    ("dmy", re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b"), "day"),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"), "day"),
    ("my", re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b"), "month"),
    ("dm", re.compile(rf"\b{_DAY}\s+{_MONTH}(?![\w.]|\s*,?\s*\d)"), "day"),
    ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*\d)"), "day"),
    ("year", re.compile(rf"\b(?i:{_YEAR_WORDS})\s*{_YEAR}\b(?![,.]?\d)"), "year"),
    # "2001–2021", "2015–present": a span of years is dated by its start
    ("year-range", re.compile(rf"(?<![\d-]){_YEAR}\s*[–—-]\s*(?:(?:19|20)\d{{2}}|present)\b"), "year"),
    # "the 2008 Mumbai attacks", "a 2015 report": a year that qualifies a noun
    ("year-noun", re.compile(rf"\b(?i:the|a|an|its|their)\s+{_YEAR}(?=\s+[A-Za-z])"), "year"),
    # "June of that year": the year named last before it
    ("m-that-year", re.compile(rf"\b{_MONTH}\s+of\s+(?i:that|the\s+same)\s+year\b"), "month"),
    # "the March hijacking": a month that qualifies a noun
    ("m-noun", re.compile(rf"\b(?i:the)\s+{_MONTH}(?=\s+[a-z]{{3,}})(?!\s+(?:of|to|and|or|in|on)\b)"), "month"),
    (
        "m",
        re.compile(rf"\b(?i:in|since|during|by|until|early|late|mid-|last|this|next)\s+{_MONTH}(?![\w.]|\s*,?\s*\d)"),
        "month",
    ),
)
_EXPLICIT_BY_NAME = {name: pattern for name, pattern, _ in _EXPLICIT}
# Every explicit pattern needs a digit or a month's name: most sentences have neither and skip them all.
_MAY_BE_EXPLICIT = re.compile(r"\d|" + _MONTH.replace("(?P<month>", "(?:"))
_YEARLESS = ("dm", "md", "dm-range", "md-range", "m", "m-that-year", "m-noun")
# "the September 11 attacks": a day that names an event, not a date
_EVENT_NAME = re.compile(r"\s+(?:attacks?|bombings?|hijackings?|commission|terrorist\s+attacks?)\b", re.I)
# "Later that day": the day of the full date named last before it
_SAME_DAY = re.compile(
    r"\b(?:(?:later|earlier)\s+(?:that|the\s+same)\s+day|on\s+the\s+same\s+day|that\s+same\s+day)\b", re.I
)
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
    uses_published: bool = False  # resolved with the publication date (its basis is whoever supplied that)

    @property
    def known(self) -> bool:
        return self.precision != "unknown"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class YearContext:
    """The years a document names, by offset, for dates that do not name theirs."""

    full: tuple[tuple[int, int, str], ...] = ()  # (offset, year, phrase) of full dates: "16 December 2014"
    years: tuple[tuple[int, int, str], ...] = ()  # (offset, year, phrase) of any explicit year: "in 2024"
    days: tuple[tuple[int, dt.date, str], ...] = ()  # (offset, day, phrase) of dates to the day: "21 April 2019"

    @classmethod
    def of(cls, text: str) -> YearContext:
        full, years, days = [], [], []
        for mention in find_dates(text):
            if mention.known and not mention.relative and mention.date_start:
                mark = (mention.start, mention.date_start.year, mention.phrase)
                years.append(mark)
                if mention.precision in ("day", "month"):
                    full.append(mark)
                if mention.precision == "day":
                    days.append((mention.start, mention.date_start, mention.phrase))
        return cls(tuple(sorted(full)), tuple(sorted(years)), tuple(sorted(days)))

    def shifted(self, offset: int) -> YearContext:
        """The same context seen from a sentence that starts at ``offset`` of the text."""
        return YearContext(
            tuple((o - offset, y, p) for o, y, p in self.full),
            tuple((o - offset, y, p) for o, y, p in self.years),
            tuple((o - offset, d, p) for o, d, p in self.days),
        )

    @staticmethod
    def before(marks: tuple[tuple[int, int, str], ...], position: int) -> tuple[int, str] | None:
        found = [m for m in marks if m[0] < position]
        return (found[-1][1], found[-1][2]) if found else None


def _year_for(
    position: int, published: dt.date | None, context: YearContext | None, anaphor: bool = False
) -> tuple[int, str] | None:
    """(year, how it was found) for a date without a year at ``position``; the order is the module docstring's.

    A year named earlier in the same sentence comes first ("In early 2014 ... in June"), and "of that year"
    always takes the year named last before it.
    """
    named = [m for m in context.years if m[0] < position] if context is not None else []
    if named and (anaphor or named[-1][0] >= 0):  # offsets from 0 on are in this sentence
        return named[-1][1], f"the year {named[-1][1]} is taken from ‘{named[-1][2]}’ earlier in the text"
    if context is not None and (full := context.before(context.full, position)):
        return full[0], f"the year {full[0]} is taken from ‘{full[1]}’ earlier in the text"
    if published is not None:
        return published.year, f"the year {published.year} is taken from the publication date"
    if context is not None and (year := context.before(context.years, position)):
        return year[0], f"the year {year[0]} is taken from ‘{year[1]}’ earlier in the text"
    return None


def _explicit(
    name: str, match: re.Match, published: dt.date | None, context: YearContext | None = None
) -> tuple[dt.date, dt.date | None, str] | None:
    groups = match.groupdict()
    month_text = (groups.get("month") or "").rstrip(".").lower()
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text)
    note = ""
    if groups.get("year"):
        year = int(groups["year"])
    elif found := _year_for(match.start(), published, context, anaphor=name == "m-that-year"):
        year, note = found[0], "; " + found[1]
    else:
        return None
    if month is None and not name.startswith("year"):
        return None
    try:
        if name.startswith("year"):
            return dt.date(year, 1, 1), dt.date(year, 12, 31), note
        if name in ("my", "m", "m-that-year", "m-noun"):
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


def find_dates(
    text: str, published: dt.date | None = None, published_by: str = "source", context: YearContext | None = None
) -> list[DateMention]:
    """Every date phrase in ``text``, in order. ``published_by`` is "source" or "analyst".

    ``context`` gives the document's years, with offsets relative to ``text``.
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for name, pattern, precision in _EXPLICIT if _MAY_BE_EXPLICIT.search(text) else ():
        for match in pattern.finditer(text):
            if not free(match.start(), match.end()):
                continue
            named = re.search(r"\bthe\s+$", text[max(0, match.start() - 5) : match.start()], re.I)
            if name in ("dm", "md") and named and _EVENT_NAME.match(text, match.end()):
                taken.append((match.start(), match.end()))
                continue
            parsed = _explicit(name, match, published, context)
            taken.append((match.start(), match.end()))  # "31 February 2025" is not "February 2025"
            if parsed is None:
                if name in _YEARLESS and not groups_have_year(match):
                    note = (
                        f"The source says ‘{match.group(0)}’ without a year; the text names none before it "
                        "and states no publication date."
                    )
                    found.append(
                        DateMention(match.group(0), match.start(), match.end(), None, None, "unknown", True, note)
                    )
                continue
            start, end, note = parsed
            phrase = match.group(0)
            found.append(
                DateMention(
                    phrase,
                    match.start(),
                    match.end(),
                    start,
                    end,
                    precision,
                    bool(note),
                    f"The source says ‘{phrase}’{note}.",
                    "publication date" in note,
                )
            )
    for match in _SAME_DAY.finditer(text):
        day = context.before(context.days, match.start()) if context is not None else None
        if day is None or not free(match.start(), match.end()):
            continue
        phrase = match.group(0)
        note = f"The source says ‘{phrase}’; the day is ‘{day[1]}’ named before it."
        found.append(DateMention(phrase, match.start(), match.end(), day[0], None, "day", True, note))
        taken.append((match.start(), match.end()))
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
            found.append(DateMention(phrase, match.start(), match.end(), start, end, precision, True, note, True))
        taken.append((match.start(), match.end()))
    precise = {d.date_start.year for d in found if d.date_start and d.precision in ("day", "month")}
    named = {(m.start(), m.end()) for m in _EXPLICIT_BY_NAME["year-noun"].finditer(text)}
    found = [d for d in found if not ((d.start, d.end) in named and d.date_start and d.date_start.year in precise)]
    return sorted(found, key=lambda d: d.start)  # "The 2019 ... bombings ... on 21 April 2019": the day dates it


def groups_have_year(match: re.Match) -> bool:
    return bool(match.groupdict().get("year"))


_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}


def best_date(mentions: list[DateMention]) -> DateMention | None:
    """The most precise date of a sentence; explicit before relative, then first."""
    if not mentions:
        return None
    return min(mentions, key=lambda d: (_RANK[d.precision], d.relative, d.start))
