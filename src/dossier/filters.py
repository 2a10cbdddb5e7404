"""Filter semantics shared by every page, the CLI and exports.

Country and group selections combine with OR: a record passes when it involves
any selected country or group. Date range, event type and text narrow further
(AND). This matches how analysts read "show me Pakistan and the TTP".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def isin(series: pd.Series, values: pd.Series | set | list | tuple) -> pd.Series:
    """``series.isin(values)``, fast for large string columns and value sets.

    pandas 3's Arrow-backed ``isin`` converts every value through a Python scalar,
    which takes seconds for a million ids; pyarrow's ``is_in`` does it natively.
    """
    if not pd.api.types.is_string_dtype(series.dtype) or isinstance(series.dtype, pd.CategoricalDtype):
        return series.isin(values)
    if isinstance(values, pd.Series):
        value_set = pa.array(values.dropna().astype(str))
    else:
        value_set = pa.array([v for v in values if isinstance(v, str)], type=pa.string())
    data = pa.array(series.astype(str))
    found = pc.is_in(data, value_set=value_set.cast(data.type)).fill_null(False)
    return pd.Series(np.asarray(found), index=series.index)


def _as_timestamp(value: object) -> pd.Timestamp | None:
    if value is None or value == "" or (isinstance(value, float) and pd.isna(value)):
        return None
    return pd.Timestamp(value)


@dataclass(frozen=True)
class Selection:
    countries: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    start: pd.Timestamp | None = None
    end: pd.Timestamp | None = None
    event_types: tuple[str, ...] = ()
    text: str = ""

    @classmethod
    def make(cls, countries=(), groups=(), start=None, end=None, event_types=(), text="") -> Selection:
        return cls(
            tuple(countries or ()),
            tuple(groups or ()),
            _as_timestamp(start),
            _as_timestamp(end),
            tuple(event_types or ()),
            (text or "").strip(),
        )

    @property
    def has_entities(self) -> bool:
        return bool(self.countries or self.groups)

    @property
    def is_empty(self) -> bool:
        return self == Selection()

    def query_params(self) -> dict[str, list[str]]:
        """The URL scheme of the shared filters: ?country=…&group=…&from=…&to=…&type=…"""
        params = {"country": list(self.countries), "group": list(self.groups), "type": list(self.event_types)}
        if self.start is not None:
            params["from"] = [self.start.date().isoformat()]
        if self.end is not None:
            params["to"] = [self.end.date().isoformat()]
        return {key: values for key, values in params.items() if values}

    def permalink(self, base_url: str, page: str = "") -> str:
        query = urlencode(self.query_params(), doseq=True)
        url = base_url.rstrip("/") + ("/" + page if page else "/")
        return f"{url}?{query}" if query else url

    def describe(self) -> str:
        """One line for captions and exported images."""
        parts = []
        if self.countries:
            parts.append("country: " + ", ".join(self.countries))
        if self.groups:
            parts.append("group: " + ", ".join(self.groups))
        if self.start or self.end:
            start = self.start.date().isoformat() if self.start else "…"
            end = self.end.date().isoformat() if self.end else "…"
            parts.append(f"dates: {start} to {end}")
        if self.event_types:
            parts.append("type: " + ", ".join(self.event_types))
        if self.text:
            parts.append(f"text: “{self.text}”")
        return "; ".join(parts) if parts else "no filters"


def selected_actor_ids(actors: pd.DataFrame, selection: Selection) -> set[str]:
    """The actors a selection names: the states of the chosen countries, plus the chosen groups."""
    states = actors[(actors["kind"] == "state") & actors["country"].isin(selection.countries)]
    return set(states["actor_id"]) | set(selection.groups)


EVENT_ROW = "_event_row"  # event_actors: position of the link's event in events (-1: none)


def event_rows(events: pd.DataFrame, event_actors: pd.DataFrame) -> np.ndarray:
    """For each event-actor link, the position of its event in ``events``.

    Joining a million links to their events by string id costs hundreds of milliseconds;
    loaded datasets carry these positions in ``_event_row`` so filters join by integer.
    """
    if EVENT_ROW in event_actors:
        rows = event_actors[EVENT_ROW].to_numpy()
        if _rows_match(events, event_actors, rows):
            return rows
    if event_actors.empty:
        return np.zeros(0, dtype=np.int64)
    found = pc.index_in(
        pa.array(event_actors["event_id"].astype(str)), value_set=pa.array(events["event_id"].astype(str))
    )
    return np.asarray(found.fill_null(-1), dtype=np.int64)


def _rows_match(events: pd.DataFrame, event_actors: pd.DataFrame, rows: np.ndarray, checks: int = 64) -> bool:
    """Do the stored positions point into this ``events`` frame? Checked on a spread sample of links.

    Callers may pass the links of a loaded dataset with a subset of its events; their positions
    then point into another frame, and the string join below must be used instead.
    """
    if not len(rows):
        return True
    if rows.max() >= len(events):
        return False
    sample = np.unique(np.linspace(0, len(rows) - 1, min(checks, len(rows))).astype(np.int64))
    sample = sample[rows[sample] >= 0]
    linked = event_actors["event_id"].iloc[sample].to_numpy(dtype=object)
    return bool((events["event_id"].iloc[rows[sample]].to_numpy(dtype=object) == linked).all())


def with_event_rows(events: pd.DataFrame, event_actors: pd.DataFrame) -> pd.DataFrame:
    """``event_actors`` with fresh event positions (any stale ones are recomputed)."""
    links = event_actors.drop(columns=[EVENT_ROW], errors="ignore")
    return links.assign(**{EVENT_ROW: event_rows(events, links)})


def _follow_events(event_actors: pd.DataFrame, rows: np.ndarray, kept: np.ndarray) -> pd.DataFrame:
    """The links of kept events, their positions renumbered for the filtered events frame."""
    valid = rows >= 0
    keep = np.zeros(len(rows), dtype=bool)
    keep[valid] = kept[rows[valid]]
    links = event_actors[keep]
    if EVENT_ROW in event_actors:
        renumbered = np.cumsum(kept) - 1
        links = links.assign(**{EVENT_ROW: renumbered[rows[keep]]})
    return links


def event_mask(tables: dict[str, pd.DataFrame], selection: Selection, actor_ids: set[str]) -> pd.Series:
    events = tables["events"]
    keep = pd.Series(True, index=events.index)
    if selection.has_entities:
        links = tables["event_actors"]
        rows = event_rows(events, links)
        hit = isin(links["actor_id"], actor_ids).to_numpy(bool) & (rows >= 0)
        involved = np.zeros(len(events), dtype=bool)
        involved[rows[hit]] = True
        keep &= involved | isin(events["country"], selection.countries).to_numpy(bool)
    if selection.start is not None:
        keep &= period_end(events) >= selection.start
    if selection.end is not None:
        keep &= events["date_start"] <= selection.end
    if selection.event_types:
        keep &= isin(events["event_type"], selection.event_types)
    if selection.text:
        keep &= events["title"].str.contains(selection.text, case=False, regex=False)
    return keep


def claim_mask(tables: dict[str, pd.DataFrame], selection: Selection, actor_ids: set[str]) -> pd.Series:
    claims = tables["claims"]
    keep = pd.Series(True, index=claims.index)
    if selection.has_entities:
        links = tables["claim_actors"]
        keep &= isin(claims["claim_id"], links.loc[isin(links["actor_id"], actor_ids), "claim_id"])
    if selection.start is not None or selection.end is not None:
        published = claims["source_id"].map(tables["sources"].set_index("source_id")["published"])
        undated = published.isna()
        if selection.start is not None:
            keep &= undated | (published >= selection.start)
        if selection.end is not None:
            keep &= undated | (published <= selection.end)
    if selection.text:
        keep &= claims["text"].str.contains(selection.text, case=False, regex=False)
    return keep


def _pair_mask(frame: pd.DataFrame, a: str, b: str, actor_ids: set[str], selection: Selection) -> pd.Series:
    if not selection.has_entities:
        return pd.Series(True, index=frame.index)
    return isin(frame[a], actor_ids) | isin(frame[b], actor_ids)


def apply(tables: dict[str, pd.DataFrame], selection: Selection) -> dict[str, pd.DataFrame]:
    """Return every table restricted by ``selection``; link tables follow their parents."""
    if selection.is_empty:
        return dict(tables)
    actor_ids = selected_actor_ids(tables["actors"], selection)
    kept_events = event_mask(tables, selection, actor_ids).to_numpy(bool)
    events = tables["events"][kept_events]
    claims = tables["claims"][claim_mask(tables, selection, actor_ids)]
    assessments = tables["assessments"]
    assessments = assessments[_pair_mask(assessments, "perceiver", "threat", actor_ids, selection)]
    relations = tables["relations"]
    relations = relations[_pair_mask(relations, "actor_a", "actor_b", actor_ids, selection)]
    links = tables["event_actors"]
    event_actors = _follow_events(links, event_rows(tables["events"], links), kept_events)
    evidenced = events["event_id"][isin(events["event_id"], tables["event_claims"]["event_id"])]
    event_claims = tables["event_claims"][isin(tables["event_claims"]["event_id"], evidenced)]
    claim_actors = tables["claim_actors"][isin(tables["claim_actors"]["claim_id"], claims["claim_id"])]
    sources = tables["sources"][isin(tables["sources"]["source_id"], claims["source_id"])]
    involved = pd.concat(
        [
            event_actors["actor_id"].drop_duplicates().astype(str),
            claim_actors["actor_id"].astype(str),
            assessments["perceiver"], assessments["threat"], relations["actor_a"], relations["actor_b"],
        ]
    )  # fmt: skip
    actors = tables["actors"][isin(tables["actors"]["actor_id"], involved)]
    return {
        **tables,
        "events": events,
        "claims": claims,
        "assessments": assessments,
        "relations": relations,
        "event_actors": event_actors,
        "event_claims": event_claims,
        "claim_actors": claim_actors,
        "sources": sources,
        "actors": actors,
    }


def period_end(events: pd.DataFrame) -> pd.Series:
    """The last day an event may fall on: its end date, else the end of its stated period.

    A month-precision event dated 2021-08 overlaps any range that touches August 2021.
    Calendar offsets are slow, so they are applied only to the rows that need them.
    """
    end = events["date_end"].copy()
    missing = end.isna().to_numpy()
    if not missing.any():
        return end
    start = events["date_start"]
    end[missing] = start[missing]
    precision = events["date_precision"]
    for name, offset in (("month", pd.offsets.MonthEnd(0)), ("year", pd.offsets.YearEnd(0))):
        rows = missing & isin(precision, [name]).to_numpy(bool)
        if rows.any():
            end[rows] = start[rows] + offset
    return end


def date_bounds(events: pd.DataFrame) -> tuple[dt.date | None, dt.date | None]:
    starts = events["date_start"].dropna()
    ends = period_end(events).dropna()
    if starts.empty:
        return None, None
    return starts.min().date(), ends.max().date()
