"""Foundation figures: load and filter, bundled and at 1,000,000 events."""

from __future__ import annotations

import pandas as pd
from harness import Report, median_seconds
from synthetic import synthetic_dataset

from dossier import load_dataset
from dossier.schema import TABLES
from dossier.store import data_dir


def _raw_read() -> None:
    folder = data_dir()
    for table in TABLES.values():
        pd.read_csv(folder / table.file, dtype=str, keep_default_na=False)


def _raw_filter(events: pd.DataFrame, links: pd.DataFrame, actor_ids: list[str], countries: list[str]) -> pd.DataFrame:
    involved = links.loc[links["actor_id"].isin(actor_ids), "event_id"].unique()
    return events[events["event_id"].isin(involved) | events["country"].isin(countries)]


def run(report: Report) -> None:
    report.add("load bundled dataset (validated)", median_seconds(load_dataset, 7), "s",
               median_seconds(_raw_read, 7), "pd.read_csv of the same files")  # fmt: skip
    ds = load_dataset()
    report.add("filter bundled: country=Pakistan", median_seconds(lambda: ds.filter(countries=["Pakistan"]), 20), "s",
               median_seconds(lambda: _raw_filter(ds.events, ds.event_actors, ["PAK"], ["Pakistan"]), 20),
               "raw pandas events-only filter", "≤ 100 ms")  # fmt: skip
    big = synthetic_dataset(ds, 1_000_000)
    for label, kwargs, actor_ids, countries in (
        ("group=TTP", {"groups": ["TTP"]}, ["TTP"], []),
        ("country=Pakistan", {"countries": ["Pakistan"]}, ["PAK"], ["Pakistan"]),
    ):
        report.add(
            f"filter 1,000,000 events: {label} (all tables)",
            median_seconds(lambda kw=kwargs: big.filter(**kw), 3), "s",
            median_seconds(lambda a=actor_ids, c=countries: _raw_filter(big.events, big.event_actors, a, c), 3),
            "raw pandas events-only filter, same frame",
        )  # fmt: skip
    year = {"start": "2020-01-01", "end": "2020-12-31"}
    raw_year = lambda: big.events[(big.events["date_start"] <= "2020-12-31") & (big.events["date_end"] >= "2020-01-01")]  # noqa: E731
    report.add("filter 1,000,000 events: one year", median_seconds(lambda: big.filter(**year), 3), "s",
               median_seconds(raw_year, 3), "raw pandas date mask, same frame")  # fmt: skip
