"""When events happened: lanes, honest date shapes, tracks that keep marks apart, and the aggregated view.

A date is drawn as precisely as it is known and no more: a day is a point, a month
or a year is the whole period, a start and an end is a bar. Undated events are
listed, never placed. Above ``DETAIL_LIMIT`` events, or when the marks would need more than
``MAX_ROWS`` rows to stay apart, the view counts per bucket instead.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..dataset import Dataset
from ..filters import Selection, event_rows, isin, period_end

DETAIL_LIMIT = 500  # events drawn one by one up to here; above, the view aggregates
MAX_LANES = 20  # detailed view: the busiest lanes, the rest merged into one
TOP_SERIES = 8  # aggregated view: the largest series, the rest merged into one
MAX_MARKERS = 1_000  # key events overlaid on the aggregated view
MAX_POINTS = 10_000  # the most data points the browser receives
MAX_LISTED = 50  # undated events listed with their claims under the chart
MAX_ROWS = 40  # detailed view: more rows of marks than this is too crowded to read, so aggregate
TRACK_GAP = 0.035  # share of the time span two marks in one lane need between them
HEADER_ROWS = 0.8  # room above a lane's marks for its name
NO_LANE = {"actor": "No actor recorded", "country": "No country recorded", "type": "No type recorded"}
OTHER = {"actor": "Other actors", "country": "Other countries", "type": "Other types"}
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


@dataclass(frozen=True)
class Bucket:
    name: str  # day | week | month | year
    max_span_days: float  # the widest span this bucket is chosen for
    finest_precision: int  # events dated less precisely than this are left out of the bars


BUCKETS = (
    Bucket("day", 183, 0),
    Bucket("week", 4 * 366, 0),
    Bucket("month", 50 * 366, 1),
    Bucket("year", float("inf"), 2),
)


def choose_bucket(first: pd.Timestamp, last: pd.Timestamp) -> Bucket:
    """The finest bucket that keeps the bar count readable for the span."""
    span = (last - first).days
    return next(b for b in BUCKETS if span <= b.max_span_days)


def should_aggregate(ds: Dataset, lanes: str) -> bool:
    """Too many events to draw one by one, or too crowded to keep their marks apart."""
    if len(ds.events) > DETAIL_LIMIT:
        return True
    marks = len(ds.events) + (len(ds.event_actors) if lanes == "actor" else 0)
    return marks > MAX_ROWS and placed(ds, lanes).attrs["rows"] > MAX_ROWS  # rows never outnumber marks


def _clean(values: pd.Series, missing: str) -> pd.Series:
    text = values.astype("str").fillna("").str.strip()
    return text.where(text != "", missing)


def event_actor_names(ds: Dataset, event_ids: pd.Series) -> list[tuple[str, str]]:
    """(event id, actor name) pairs for the given events, in link order, each pair once."""
    links = ds.event_actors[isin(ds.event_actors["event_id"], event_ids)]
    names = dict(zip(ds.actors["actor_id"], ds.actors["name"]))
    pairs = ((str(e), str(names.get(a, a))) for e, a in zip(links["event_id"], links["actor_id"]))
    return list(dict.fromkeys(pairs))


def lane_rows(ds: Dataset, events: pd.DataFrame, lanes: str) -> pd.DataFrame:
    """(event_id, lane) pairs: an event with three actors sits in three actor lanes."""
    if lanes == "actor":
        pairs = event_actor_names(ds, events["event_id"])
        linked = {e for e, _ in pairs}
        pairs += [(e, NO_LANE["actor"]) for e in events["event_id"] if e not in linked]
        return pd.DataFrame(pairs, columns=["event_id", "lane"])
    column = {"country": "country", "type": "event_type"}[lanes]
    return pd.DataFrame({"event_id": events["event_id"].to_numpy(), "lane": _clean(events[column], NO_LANE[lanes])})


def shape_of(precision: str, start: pd.Timestamp, end: pd.Timestamp | None) -> str:
    """point (a day), period (known only to the month or year) or duration (a first and a last day).

    A start and end given to the month or year only bound when the event happened (UCDP's
    imprecise dates look like this), so they are a period, not a duration.
    """
    if precision != "day":
        return "period"
    return "duration" if end is not None and not pd.isna(end) and end != start else "point"


def assign_tracks(lanes: pd.Series, x0: pd.Series, x1: pd.Series, gap: pd.Timedelta) -> pd.Series:
    """Within each lane, give each mark the lowest track where it clears the marks before it by ``gap``."""
    marks = list(zip(lanes, x0, x1))
    tracks = [0] * len(marks)
    ends: dict[str, list[pd.Timestamp]] = {}
    for i in sorted(range(len(marks)), key=lambda i: (marks[i][0], marks[i][1], marks[i][2])):
        lane, start, stop = marks[i]
        busy = ends.setdefault(lane, [])
        track = next((t for t, end in enumerate(busy) if end + gap < start), len(busy))
        if track == len(busy):
            busy.append(stop)
        else:
            busy[track] = stop
        tracks[i] = track
    return pd.Series(tracks, index=lanes.index, dtype="int64")


def _lane_order(pairs: list[tuple[str, str]], lanes: str) -> list[str]:
    """Busiest lane (most events) first; the catch-all lanes last."""
    counts = Counter(lane for _, lane in set(pairs))
    catch_all = {NO_LANE[lanes], OTHER[lanes]}
    return sorted(counts, key=lambda lane: (lane in catch_all, -counts[lane], lane))


def describe_events(ds: Dataset, events: pd.DataFrame) -> pd.DataFrame:
    """Dated events with their extent (x0, x1), shape, date basis and actors (``views.event_text`` words them)."""
    frame = events[events["date_precision"] != "unknown"].reset_index(drop=True)
    starts, ends, precisions = frame["date_start"], frame["date_end"], frame["date_precision"].astype("str")
    names = actors_by_event(ds, frame["event_id"])
    return frame.assign(
        x0=starts,
        x1=period_end(frame),
        shape=[shape_of(p, s, e) for p, s, e in zip(precisions, starts, ends)],
        basis=frame["date_basis"].astype("str"),
        actors=[names.get(e, "") for e in frame["event_id"]],
    )


def window(first: pd.Timestamp, last: pd.Timestamp, selection: Selection) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The period on screen: the events' extent, cut to the date filter when there is one."""
    if selection.start is not None and not pd.isna(first):
        first = max(first, selection.start)
    if selection.end is not None and not pd.isna(last):
        last = min(last, selection.end)
    return first, last


def _gap(frame: pd.DataFrame, share: float, selection: Selection) -> pd.Timedelta:
    if frame.empty:
        return pd.Timedelta(days=60) * share
    first, last = window(frame["x0"].min(), frame["x1"].max(), selection)
    return max(last - first, pd.Timedelta(days=60)) * share


def placed(ds: Dataset, lanes: str) -> pd.DataFrame:
    """Every dated event of ``ds`` in its lanes, with its shape, track and y position (detailed view).

    One row per event and lane. A lane is a block of ``HEADER_ROWS`` for its name, then one row
    per track; y grows downwards. ``attrs['lanes']`` holds (lane, block top, name y) top to bottom,
    ``attrs['extent']`` the total height in rows and ``attrs['rows']`` the number of track rows.
    """
    described = describe_events(ds, ds.events)
    rows = lane_rows(ds, described, lanes)
    pairs = list(dict.fromkeys(zip(rows["event_id"], rows["lane"])))
    order = _lane_order(pairs, lanes)
    if len(order) > MAX_LANES:
        keep = set(order[: MAX_LANES - 1])
        pairs = list(dict.fromkeys((e, lane if lane in keep else OTHER[lanes]) for e, lane in pairs))
        order = _lane_order(pairs, lanes)
    info = {row["event_id"]: row for row in described.to_dict("records")}
    frame = pd.DataFrame([info[e] | {"lane": lane} for e, lane in pairs], columns=[*described.columns, "lane"])
    frame["track"] = assign_tracks(frame["lane"], frame["x0"], frame["x1"], _gap(frame, TRACK_GAP, ds.selection))
    tracks = {lane: 1 for lane in order}
    for lane, track in zip(frame["lane"], frame["track"]):
        tracks[lane] = max(tracks[lane], track + 1)
    tops, top = {}, 0.0
    for lane in order:
        tops[lane], top = top, top + HEADER_ROWS + tracks[lane]
    frame["y"] = [tops[lane] + HEADER_ROWS + track + 0.5 for lane, track in zip(frame["lane"], frame["track"])]
    result = frame.sort_values(["y", "x0"]).reset_index(drop=True)
    result.attrs["lanes"] = [(lane, tops[lane], tops[lane] + HEADER_ROWS / 2 + 0.1) for lane in order]
    result.attrs["extent"] = top
    result.attrs["rows"] = sum(tracks.values())
    result.attrs["window"] = window(frame["x0"].min(), frame["x1"].max(), ds.selection) if len(frame) else None
    return result


def actors_by_event(ds: Dataset, event_ids: pd.Series) -> dict[str, str]:
    """'Pakistan, Balochistan Liberation Army' per event id, in the order the links list them."""
    names: dict[str, list[str]] = {}
    for event_id, name in event_actor_names(ds, event_ids):
        names.setdefault(event_id, []).append(name)
    return {event_id: ", ".join(listed) for event_id, listed in names.items()}


def undated(ds: Dataset) -> pd.DataFrame:
    """Events with no date, which no honest timeline can place; shown as a list instead."""
    return ds.events[is_value(ds.events["date_precision"], "unknown")]


def type_order(events: pd.DataFrame) -> list[str]:
    """Event types in a fixed order, so a type keeps its colour and shape whatever the filters."""
    return sorted(events["event_type"].astype("str").unique())


def pickable_events(ds: Dataset, aggregated: bool) -> pd.DataFrame:
    """The events a reader can open from the chart: every dated one, or the key events when aggregated."""
    events = ds.events[is_value(ds.events["origin"], "curated")] if aggregated else ds.events
    events = events[events["date_precision"] != "unknown"].sort_values("date_start", kind="stable")
    return events.head(MAX_MARKERS) if aggregated else events


def in_order(ds: Dataset, event_ids: list[str]) -> pd.DataFrame:
    """The events in the order given (ids not in ``ds`` skipped), undated ones too, with their actors."""
    events = ds.events[isin(ds.events["event_id"], list(event_ids))].set_index("event_id", drop=False)
    events = events.loc[[e for e in event_ids if e in events.index]]
    names = actors_by_event(ds, events["event_id"])
    return events.assign(actors=[names.get(e, "") for e in events["event_id"]])


# --- Aggregated view ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Aggregate:
    table: pd.DataFrame  # index: bucket starts; columns: series, largest first; values: the measure
    bucket: Bucket
    measure: str
    lanes: str
    stacked: bool  # False when an event can count in several series (actor lanes)
    counted: int  # events in the bars
    undated: int
    too_coarse: int  # dated less precisely than the bucket, so left out of the bars

    @property
    def points(self) -> int:
        return int(self.table.shape[0] * self.table.shape[1])


def _bucket_codes(starts: np.ndarray, bucket: Bucket) -> tuple[np.ndarray, object]:
    """Integer bucket number per start date, and the function back from bucket numbers to start dates."""
    days = starts.astype("datetime64[D]").astype("int64")
    if bucket.name == "day":
        return days, lambda c: c.astype("datetime64[D]")
    if bucket.name == "week":  # weeks start on Monday; 1970-01-01 was a Thursday
        return (days + 3) // 7, lambda c: (c * 7 - 3).astype("datetime64[D]")
    unit = {"month": "M", "year": "Y"}[bucket.name]
    if not len(days):
        return days, lambda c: c.astype(f"datetime64[{unit}]")
    # numpy's calendar conversion is slow on a million dates: convert each distinct day once
    first = days.min()
    calendar = np.arange(first, days.max() + 1).astype("datetime64[D]").astype(f"datetime64[{unit}]").astype("int64")
    return calendar[days - first], lambda c: c.astype(f"datetime64[{unit}]")


def _factorize(values: pd.Series, missing: str) -> tuple[np.ndarray, list[str]]:
    """Integer codes and their labels; only the distinct values are cleaned (fast on a million rows)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes, uniques = values.cat.codes.to_numpy(), values.cat.categories
    else:
        codes, uniques = pd.factorize(values)
    labels = [str(u).strip() if isinstance(u, str) and u.strip() else missing for u in uniques] + [missing]
    merged, names = pd.factorize(pd.Series(labels, dtype=object))
    return merged[codes], [str(n) for n in names]  # code -1 (a missing value) picks the last label


def is_value(values: pd.Series, value: str) -> np.ndarray:
    """``values == value`` as a boolean array (missing values are not equal)."""
    return np.asarray((values == value).fillna(False), dtype=bool)


def _series_codes(events: pd.DataFrame, ds: Dataset, lanes: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(event positions, series code per position, series names): one row per event and series."""
    if lanes == "actor":  # only the actors in the most events: joining every link to its event is the slow part
        links = ds.event_actors
        codes, names = _factorize(links["actor_id"], NO_LANE[lanes])
        top = np.argsort(-np.bincount(codes, minlength=len(names)), kind="stable")[:TOP_SERIES]
        chosen = np.isin(codes, top)
        positions = event_rows(events, links)[chosen]  # loaded datasets carry them: no join by string id
        found = positions >= 0
        labels = dict(zip(ds.actors["actor_id"], ds.actors["name"]))
        named = [str(labels.get(n, n)) for n in names]
        return positions[found].astype("int64"), codes[chosen][found], named
    column = {"country": "country", "type": "event_type"}[lanes]
    codes, names = _factorize(events[column], NO_LANE[lanes])
    return np.arange(len(events)), codes, names


def _last_day(starts: np.ndarray, ends: np.ndarray, rank: np.ndarray) -> pd.Timestamp:
    """The end of the latest stated period (``filters.period_end``, on arrays, for the dated rows)."""
    candidates = [ends[~np.isnat(ends)], starts[rank == 0]]
    for level, unit in ((1, "M"), (2, "Y")):
        coarse = starts[rank == level].astype(f"datetime64[{unit}]")
        candidates.append((coarse + 1).astype("datetime64[D]") - np.timedelta64(1, "D"))
    values = [c.astype("datetime64[s]").max() for c in candidates if len(c)]
    return pd.Timestamp(max(values))


def aggregate(ds: Dataset, lanes: str, measure: str = "events", bucket: Bucket | None = None) -> Aggregate:
    """Events (or fatalities) per bucket and series, the bucket chosen from the span unless given."""
    events = ds.events
    codes, names = _factorize(events["date_precision"], "unknown")
    rank = np.array([PRECISION_RANK.get(n, 9) for n in names])[codes]
    starts = events["date_start"].to_numpy()
    dated = (rank < 9) & ~np.isnat(starts)
    if bucket is None:
        last = _last_day(starts[dated], events["date_end"].to_numpy()[dated], rank[dated]) if dated.any() else None
        span = window(pd.Timestamp(starts[dated].min()), last, ds.selection) if dated.any() else None
        bucket = choose_bucket(*span) if span else BUCKETS[0]
    fits = dated & (rank <= bucket.finest_precision)
    positions, codes, names = _series_codes(events, ds, lanes)
    keep = fits[positions]
    positions, codes = positions[keep], codes[keep]
    bucket_codes, to_dates = _bucket_codes(starts[fits], bucket)
    by_position = np.zeros(len(events), dtype="int64")
    by_position[fits] = bucket_codes
    first = int(bucket_codes.min()) if len(bucket_codes) else 0
    n_buckets = int(bucket_codes.max()) - first + 1 if len(bucket_codes) else 0
    weights = None
    if measure == "fatalities":
        weights = np.nan_to_num(events["fatalities"].to_numpy(dtype="float64"))[positions]
    cells = (by_position[positions] - first) * len(names) + codes
    counts = np.bincount(cells, weights=weights, minlength=n_buckets * len(names)).reshape(n_buckets, len(names))
    table = pd.DataFrame(counts, index=pd.DatetimeIndex(to_dates(np.arange(first, first + n_buckets))), columns=names)
    table = _top_series(table, lanes)
    return Aggregate(
        table=table,
        bucket=bucket,
        measure=measure,
        lanes=lanes,
        stacked=lanes != "actor",
        counted=int(fits.sum()),
        undated=int((~dated).sum()),
        too_coarse=int((dated & ~fits).sum()),
    )


def _top_series(table: pd.DataFrame, lanes: str) -> pd.DataFrame:
    """The largest series by total, the rest summed as 'Other …' (dropped for actors, who overlap)."""
    totals = table.sum().sort_values(ascending=False, kind="stable")
    top = [c for c in totals.index if c != NO_LANE[lanes]][:TOP_SERIES]
    rest = [c for c in totals.index if c not in top]
    out = table[top]
    if rest and lanes != "actor":
        out = out.assign(**{OTHER[lanes]: table[rest].sum(axis=1)})
    return out


def key_events(ds: Dataset, span: tuple[pd.Timestamp, pd.Timestamp] | None = None, label_share: float = 0.4):
    """Curated dated events to overlay on the aggregated view: marker x, label side and label level.

    A marker sits on the day, or mid-way through the visible part of a period. Its label runs right,
    or left in the later half of ``span`` (the period on screen); labels on one level keep
    ``label_share`` of the span apart, so they do not overlap.
    """
    curated = ds.events[is_value(ds.events["origin"], "curated")]
    frame = describe_events(ds, curated).sort_values("x0", kind="stable").head(MAX_MARKERS).reset_index(drop=True)
    first, last = span or ((frame["x0"].min(), frame["x1"].max()) if len(frame) else (pd.Timestamp(0),) * 2)
    start, end = frame["x0"].clip(lower=first), (frame["x1"] + pd.Timedelta(days=1)).clip(upper=last)
    middle = start + (end - start) / 2  # of the part of a period that is on screen
    frame["x"] = middle.where(frame["shape"] != "point", frame["x0"])
    width = max(last - first, pd.Timedelta(days=60)) * label_share
    frame["side"] = np.where(frame["x"] > first + (last - first) / 2, "left", "right")
    left = frame["side"] == "left"
    lo, hi = frame["x"].where(~left, frame["x"] - width), frame["x"].where(left, frame["x"] + width)
    frame["level"] = assign_tracks(pd.Series("", index=frame.index), lo, hi, pd.Timedelta(0))
    return frame
