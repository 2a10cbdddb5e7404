"""The imported actor names the gazetteer does not map, with near matches to map them onto.

Mapping a name is adding it as an alias of a gazetteer actor (``ops.add_aliases``): imports are mapped
through the gazetteer on every load, so the name's events move onto that actor without re-importing.
"""

from __future__ import annotations

import pandas as pd

from ..dataset import Dataset
from .resolve import suggest_many


def gazetteer(ds: Dataset) -> pd.DataFrame:
    """The curated actors (actors.csv), without the actors an import made of names it could not map."""
    actors = ds.actors
    return actors[actors["origin"].astype(str) != "imported"] if "origin" in actors else actors


def unmapped_names(ds: Dataset, limit: int = 3) -> pd.DataFrame:
    """One row per unmapped imported name (busiest first): name, actor_id, kind, events, suggestions."""
    columns = ["name", "actor_id", "kind", "events", "suggestions"]
    if "origin" not in ds.actors:
        return pd.DataFrame(columns=columns)
    own = ds.actors[ds.actors["origin"].astype(str) == "imported"]
    counts = ds.event_actors["actor_id"].astype(str).value_counts()
    frame = own.assign(events=own["actor_id"].astype(str).map(counts).fillna(0).astype(int))
    frame = frame[frame["events"] > 0].sort_values(["events", "name"], ascending=[False, True])
    known = gazetteer(ds)
    suggestions = suggest_many(list(frame["name"].astype(str)), known, limit=limit)
    return frame.assign(suggestions=suggestions)[columns].reset_index(drop=True)
