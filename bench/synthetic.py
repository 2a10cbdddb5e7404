"""Synthetic datasets at scale, generated at bench time (never committed)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dossier import Dataset
from dossier.filters import with_event_rows

COUNTRIES = ("Pakistan", "Afghanistan", "India", "Sri Lanka", "Iran", "Bangladesh", "Nepal", "Myanmar")
GROUPS = tuple(f"G{i:03d}" for i in range(200)) + ("TTP", "BLA", "IS-K")
TYPES = ("state-based", "non-state", "one-sided", "Battles", "Explosions/Remote violence", "Protests")


def synthetic_dataset(base: Dataset, n_events: int, seed: int = 7) -> Dataset:
    """``base`` plus ``n_events`` imported-style events spread over 1989-2025 with two actors each."""
    rng = np.random.default_rng(seed)
    ids = pd.Series(np.char.add("syn-", np.arange(n_events).astype(str)), dtype="string")
    start = pd.Timestamp("1989-01-01").value // 10**9
    span = pd.Timestamp("2025-12-31").value // 10**9 - start
    dates = pd.to_datetime(start + rng.integers(0, span, n_events), unit="s").astype("datetime64[s]").normalize()
    events = pd.DataFrame(
        {
            "event_id": ids,
            "title": pd.Categorical(rng.choice(["Armed clash", "Attack", "Air strike", "Protest"], n_events)),
            "event_type": pd.Categorical(rng.choice(TYPES, n_events)),
            "date_start": dates,
            "date_end": dates,
            "date_precision": pd.Categorical(np.full(n_events, "day")),
            "date_basis": pd.Categorical(np.full(n_events, "source")),
            "date_note": pd.Categorical(np.full(n_events, "")),
            "country": pd.Categorical(rng.choice(COUNTRIES, n_events)),
            "fatalities": rng.poisson(2, n_events).astype("float64"),
            "origin": pd.Categorical(np.full(n_events, "ucdp")),
        }
    )
    new_groups = [g for g in GROUPS if g not in set(base.actors["actor_id"])]
    extra_actors = pd.DataFrame(
        {"actor_id": new_groups, "name": new_groups, "kind": "armed_group", "country": "", "iso3": ""}
    )
    extra_actors["aliases"] = [[] for _ in new_groups]
    actors = pd.concat([base.actors, extra_actors], ignore_index=True)
    links = pd.DataFrame(
        {
            "event_id": pd.concat([ids, ids], ignore_index=True),
            "actor_id": pd.Categorical(
                np.concatenate([rng.choice(["PAK", "AFG", "IND"], n_events), rng.choice(GROUPS, n_events)])
            ),
            "role": pd.Categorical(np.repeat(["side_a", "side_b"], n_events)),
        }
    )
    events_all = pd.concat([base.events, events], ignore_index=True)
    return Dataset(
        **{
            **base.tables(),
            "events": events_all,
            "event_actors": with_event_rows(events_all, pd.concat([base.event_actors, links], ignore_index=True)),
            "actors": actors,
        },
        folder=base.folder,
    )
