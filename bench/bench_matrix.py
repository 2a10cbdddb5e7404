"""Matrix figures: dyad aggregation at 1,000,000 events, and the page rerun on bundled data."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from harness import Report, apptest_rerun_seconds, hello_world_rerun_seconds, median_seconds
from synthetic import synthetic_dataset

from dossier import load_dataset
from dossier.analysis import dyads
from dossier.charts.matrix import dyad_heatmap

ROOT = Path(__file__).resolve().parents[1]


def _raw_dyads(events: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """What a pandas user writes: side_a rows joined to side_b rows and to the events, then a groupby."""
    side_a = links[links["role"] == "side_a"]
    side_b = links[links["role"] == "side_b"]
    pairs = side_a.merge(side_b, on="event_id", suffixes=("_a", "_b")).merge(
        events[["event_id", "fatalities"]], on="event_id"
    )
    return pairs.groupby(["actor_id_a", "actor_id_b"], observed=True).agg(
        events=("event_id", "size"), fatalities=("fatalities", "sum")
    )


def _dyad_view(events: pd.DataFrame, links: pd.DataFrame) -> str:
    found = dyads.dyads(events, links)
    return dyad_heatmap(dyads.dyad_grid(found, "events"), {}, "Events", True, "no filters", "Sources: x").to_json()


def _matrix_rerun(views: list[str] | None = None) -> float:
    def switch(at, i: int) -> None:
        if views:
            at.button_group(key="view").set_value(views[i % len(views)])

    return apptest_rerun_seconds(ROOT / "app.py", ROOT / "pages" / "matrix.py", switch)


def run(report: Report) -> None:
    hello_name, raw_name = "AppTest rerun of a one-line hello world", "raw pandas merge + groupby, same frame"
    baseline = hello_world_rerun_seconds()
    threats = _matrix_rerun()
    switching = _matrix_rerun(["Relations", "Event dyads", "Threat perceptions"])
    report.add(
        "matrix bundled: AppTest page rerun (threat perceptions)", threats, "s", baseline, hello_name, "≤ 300 ms"
    )
    report.add("matrix bundled: AppTest rerun switching views", switching, "s", baseline, hello_name, "≤ 300 ms")

    big = synthetic_dataset(load_dataset(), 1_000_000)
    events, links = big.events, big.event_actors
    raw = median_seconds(lambda: _raw_dyads(events, links), 3)
    mine = median_seconds(lambda: dyads.dyads(events, links), 3)
    report.add("matrix 1,000,000 events: dyad aggregation", mine, "s", raw, raw_name, "≤ 2x raw")
    view = median_seconds(lambda: _dyad_view(events, links), 3)
    report.add("matrix 1,000,000 events: dyads + grid + figure JSON", view, "s", raw, raw_name)
    ttp = big.filter(groups=["TTP"])
    raw = median_seconds(lambda: _raw_dyads(ttp.events, ttp.event_actors), 3)
    mine = median_seconds(lambda: dyads.dyads(ttp.events, ttp.event_actors), 3)
    report.add("matrix 1,000,000 events, group=TTP: dyad aggregation", mine, "s", raw, raw_name, "≤ 2x raw")
