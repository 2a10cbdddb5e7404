"""Actors as the analysis shows them: their names, and an order that puts states first."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from ..schema import ACTOR_KINDS


def actor_names(actors: pd.DataFrame) -> dict[str, str]:
    return dict(zip(actors["actor_id"], actors["name"]))


def named(frame: pd.DataFrame, names: Mapping[str, str], columns: list[str]) -> pd.DataFrame:
    """A copy with actor ids in ``columns`` replaced by names (ids without a name stay)."""
    return frame.assign(**{c: frame[c].map(names).fillna(frame[c]) for c in columns})


def kind_order(actor_ids: Iterable[str], actors: pd.DataFrame) -> list[str]:
    """Actors ordered states first, then groups, organisations, people; by name within a kind."""
    meta = actors.set_index("actor_id")
    rank = {kind: i for i, kind in enumerate(ACTOR_KINDS)}

    def key(actor_id: str) -> tuple[int, str]:
        if actor_id not in meta.index:
            return len(rank), actor_id
        return rank.get(meta.at[actor_id, "kind"], len(rank)), str(meta.at[actor_id, "name"])

    return sorted(dict.fromkeys(actor_ids), key=key)
