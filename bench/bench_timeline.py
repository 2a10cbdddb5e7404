"""Timeline figures: rerun and figure size, bundled and at 1,000,000 events, beside raw pandas."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from harness import Report, apptest_rerun_seconds, hello_world_rerun_seconds, median_seconds
from synthetic import synthetic_dataset

from dossier import load_dataset
from dossier.analysis import chronology
from dossier.charts.timeline import point_count, timeline_figure
from dossier.filters import isin

ROOT = Path(__file__).resolve().parents[1]
FILTERS = {
    "no filter": {},
    "group=TTP": {"groups": ["TTP"]},
    "country=Pakistan": {"countries": ["Pakistan"]},
    "one year (2020)": {"start": "2020-01-01", "end": "2020-12-31"},
}


def _pipeline(ds, kwargs: dict, lanes: str = "type", measure: str = "events") -> str:
    """What a rerun does server-side: filter, aggregate (or place), build the figure, serialise it."""
    view = ds.filter(**kwargs)
    return timeline_figure(view, lanes, measure, full=ds).to_json()


def _raw(ds, kwargs: dict, freq: str = "MS") -> pd.DataFrame:
    """Raw pandas: the same filter on events only, then a groupby per month and type."""
    events, links = ds.events, ds.event_actors
    if kwargs.get("groups") or kwargs.get("countries"):
        actor_ids = list(kwargs.get("groups", [])) + (["PAK"] if kwargs.get("countries") else [])
        involved = links.loc[links["actor_id"].isin(actor_ids), "event_id"]
        events = events[isin(events["event_id"], involved) | events["country"].isin(kwargs.get("countries", []))]
    if "start" in kwargs:
        events = events[(events["date_start"] <= kwargs["end"]) & (events["date_end"] >= kwargs["start"])]
    return events.groupby([pd.Grouper(key="date_start", freq=freq), "event_type"]).size().unstack(fill_value=0)


def _naive_figure(events: pd.DataFrame) -> str:
    """One mark per event, the figure you get without aggregation."""
    return go.Figure(go.Scattergl(x=events["date_start"], y=events["event_type"], mode="markers")).to_json()


def _timeline_rerun(key: str, values: list[str]) -> float:
    def switch(at, i: int) -> None:
        at.button_group(key=key).set_value(values[i % len(values)])

    return apptest_rerun_seconds(ROOT / "app.py", ROOT / "pages" / "timeline.py", switch)


def run(report: Report) -> None:
    ds = load_dataset()
    pakistan = {"countries": ["Pakistan"]}
    report.add("timeline bundled: filter + place + figure + JSON (Pakistan)",
               median_seconds(lambda: _pipeline(ds, pakistan, "actor"), 20), "s",
               median_seconds(lambda: _raw(ds, pakistan), 20), "raw pandas filter + groupby", "≤ 100 ms")  # fmt: skip
    report.add("timeline bundled: AppTest page rerun after a lanes change",
               _timeline_rerun("lanes", ["Country", "Event type", "Actor"]), "s",
               hello_world_rerun_seconds(), "AppTest rerun of a one-line hello world", "≤ 100 ms")  # fmt: skip
    bundled_json = timeline_figure(ds, "actor", full=ds).to_json()
    report.add("timeline bundled: figure JSON size", len(bundled_json), "B",
               len(ds.events.to_json(orient="records")), "the events as JSON records")  # fmt: skip

    big = synthetic_dataset(ds, 1_000_000)
    for label, kwargs in FILTERS.items():
        report.add(f"timeline 1,000,000 events, {label}: filter + aggregate + figure + JSON",
                   median_seconds(lambda kw=kwargs: _pipeline(big, kw), 3), "s",
                   median_seconds(lambda kw=kwargs: _raw(big, kw), 3), "raw pandas filter + monthly groupby",
                   "≤ 300 ms")  # fmt: skip
    report.add("timeline 1,000,000 events, no filter, lanes=actor (lines)",
               median_seconds(lambda: _pipeline(big, {}, "actor"), 3), "s",
               median_seconds(lambda: _raw(big, {}), 3), "raw pandas monthly groupby", "≤ 300 ms")  # fmt: skip
    report.add("timeline 1,000,000 events, aggregate only (no filter, by type)",
               median_seconds(lambda: chronology.aggregate(big, "type"), 3), "s",
               median_seconds(lambda: _raw(big, {}), 3), "raw pandas monthly groupby")  # fmt: skip
    figure = timeline_figure(big, "type", "fatalities", full=big)
    report.add("timeline 1,000,000 events: figure JSON size", len(figure.to_json()), "B",
               len(_naive_figure(big.events)), "one mark per event (Scattergl)", "≤ 1 MB")  # fmt: skip
    report.add("timeline 1,000,000 events: points sent to the browser", point_count(figure), "points",
               len(big.events), "events", "≤ 10,000")  # fmt: skip
