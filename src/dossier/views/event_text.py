"""How an event reads on the timeline page: its date as precisely as known, the date's basis, its facts.

A date says no more than its precision: '4 Mar 2025', 'Mar 2025', '2025', or a first and a last day.
"""

from __future__ import annotations

import pandas as pd

from ..analysis import chronology
from ..dataset import Dataset
from ..importers import quality
from .labels import spelled


def _day(ts: pd.Timestamp) -> str:
    return f"{ts.day} {ts:%b %Y}"


def date_text(start: pd.Timestamp, end: pd.Timestamp | None, precision: str) -> str:
    """'4 Mar 2025', 'Mar 2025', '2025' or '21 Apr 2025 – 24 Apr 2025'; 'undated' when unknown."""
    if precision == "unknown" or pd.isna(start):
        return "undated"
    one = {"day": _day, "month": lambda t: f"{t:%b %Y}", "year": lambda t: f"{t:%Y}"}[precision]
    first, last = one(start), one(end) if end is not None and not pd.isna(end) else ""
    return f"{first} – {last}" if last and last != first else first


def basis_text(basis: str, note: str, precision: str = "day") -> str:
    """Where the date comes from: the source, the analyst (with their note), or nowhere."""
    if precision == "unknown":
        return "No date" + (f": {note}" if note else "")
    if basis == "analyst":
        return "Date supplied by the analyst" + (f": {note}" if note else "")
    return "Date stated in the source" + (f" ({note})" if note else "")


def with_dates(events: pd.DataFrame) -> pd.DataFrame:
    """``events`` with ``date_text`` and ``basis_text`` columns, for hovers and fact lines."""
    notes = events["date_note"].astype("str").fillna("").str.strip()
    columns = zip(
        events["date_start"],
        events["date_end"],
        events["date_precision"].astype("str"),
        events["date_basis"].astype("str"),
        notes,
    )
    texts = [(date_text(s, e, p), basis_text(b, n, p)) for s, e, p, b, n in columns]
    out = events.assign(date_text=[t for t, _ in texts], basis_text=[b for _, b in texts])
    out.attrs = dict(events.attrs)  # the placement's lanes and extent travel with the frame
    return out


def facts(ds: Dataset, event_ids: list[str]) -> pd.DataFrame:
    """Events in the order given, with their readable date, date basis and actors; undated ones too."""
    return with_dates(chronology.in_order(ds, event_ids))


def fact_line(event: pd.Series) -> list[str]:
    """'4 Mar 2025 (to the day)', 'Type: address', 'Actors: …', 'Country: …', 'Fatalities: 3'."""
    precision = str(event["date_precision"])
    parts = [event["date_text"] + (f" (to the {precision})" if precision != "unknown" else "")]
    parts.append(f"Type: {spelled(event['event_type'])}")
    if event["actors"]:
        parts.append(f"Actors: {event['actors']}")
    if isinstance(event["country"], str) and event["country"]:
        parts.append(f"Country: {event['country']}")
    if pd.notna(event["fatalities"]):
        parts.append(f"Fatalities: {event['fatalities']:,.0f}")
    if flags := quality.fact(event.get("quality")):
        parts.append(flags)
    return parts


# An imported event's own record, in the order an analyst checks it: what reported it, from where, then the rest.
RECORD_FIELDS = (
    ("source_article", "Source articles"),
    ("source_headline", "Headlines"),
    ("source_original", "Original sources"),
    ("source_office", "Outlets"),
    ("source_date", "Source dates"),
    ("where_description", "Where"),
    ("notes", "Notes"),
    ("tags", "Tags"),
)


def record_heading(details: pd.Series, source: str) -> str:
    """'UCDP GED event 232919 (CC BY 4.0)': which published record the event is, under which terms.

    ``source`` is the event's source line (``importers.licences.source_names``).
    """
    publisher, _, terms = source.partition(" (")
    original = details.get("original_id")
    named = f"{publisher or 'Imported'} event {original}" if isinstance(original, str) and original else publisher
    return f"{named} ({terms}" if terms else named


def record_lines(details: pd.Series) -> list[tuple[str, str]]:
    """(label, text) for each non-empty field of an imported record, verbatim as published.

    A field whose text another shown field already contains is left out (UCDP's headlines are inside
    its source articles), so the panel does not say the same words twice.
    """
    lines: list[tuple[str, str]] = []
    for column, label in RECORD_FIELDS:
        value = details.get(column)
        text = "" if value is None or pd.isna(value) else str(value).strip()
        if text and not any(text in shown for _, shown in lines):
            lines.append((label, text))
    return lines


def event_choices(ds: Dataset, aggregated: bool) -> dict[str, str]:
    """Event id -> '4 Mar 2025 · Title' for the events a reader can open from the chart."""
    events = chronology.pickable_events(ds, aggregated)
    columns = zip(
        events["event_id"], events["date_start"], events["date_end"], events["date_precision"], events["title"]
    )
    return {e: f"{date_text(s, end, p)} · {t}" for e, s, end, p, t in columns}


def reading_note(events: pd.DataFrame, aggregated: bool) -> str:
    """How to read the chart on screen: click an event, or why it counts instead."""
    zoom = "Drag across the chart to zoom into a period; double-click to zoom out."
    if not aggregated:
        return f"Click an event to read the claims that evidence it. {zoom}"
    return (
        f"{len(events):,} events are too many or too crowded to draw one by one, so the chart counts them; narrow "
        f"the filters (to {chronology.DETAIL_LIMIT:,} events at most) to see each one. Stars mark the curated key "
        f"events: click one to read its claims. {zoom}"
    )


def undated_label(facts: pd.Series, claims: int) -> str:
    """'Title · 2 claims', the heading of an undated event in the list under the chart."""
    return f"{facts['title']} · {claims} claim{'s' if claims != 1 else ''}"
