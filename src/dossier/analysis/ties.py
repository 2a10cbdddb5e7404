"""Relations between actors as the matrix reads them: directed and mutual ties, grouped per cell."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..claims import claims_for
from .naming import kind_order


def relation_edges(relations: pd.DataFrame) -> pd.DataFrame:
    """Ties as the matrix draws them: row ``source`` relates to column ``target``.

    A directed tie (actor_a acts on actor_b) appears once, from actor_a to actor_b. An
    undirected tie is mutual and appears in both directions, so the matrix reads the
    same from either actor's row.
    """
    columns = ["source", "target", "kind", "directed", "qualifier", "claim_ids", "relation_id", "note"]
    forward = relations.assign(source=relations["actor_a"], target=relations["actor_b"])
    mutual = relations[~relations["directed"].astype(bool)]
    backward = mutual.assign(source=mutual["actor_b"], target=mutual["actor_a"])
    edges = pd.concat([forward, backward], ignore_index=True)
    edges["qualifier"] = edges["qualifier"].fillna("")
    edges["note"] = edges["note"].fillna("")
    return edges[columns]


def relation_cells(edges: pd.DataFrame, actors: pd.DataFrame) -> tuple[pd.DataFrame, list[str], list[str]]:
    """Ties grouped per (source, target) cell, with the ordered row and column actors.

    ``kind`` is the cell's kind when all its ties share one, else 'several'.
    """
    columns = ["source", "target", "kind", "kinds", "directed", "qualifiers", "relation_ids", "claim_ids"]
    if edges.empty:
        return pd.DataFrame(columns=columns), [], []
    rows = []
    for (source, target), group in edges.groupby(["source", "target"], sort=False):
        kinds = list(dict.fromkeys(group["kind"]))
        rows.append(
            {
                "source": source,
                "target": target,
                "kind": kinds[0] if len(kinds) == 1 else "several",
                "kinds": list(group["kind"]),
                "directed": list(group["directed"].astype(bool)),
                "qualifiers": list(group["qualifier"]),
                "relation_ids": list(group["relation_id"]),
                "claim_ids": list(dict.fromkeys(c for ids in group["claim_ids"] for c in ids)),
            }
        )
    return (
        pd.DataFrame(rows, columns=columns),
        kind_order(edges["source"], actors),
        kind_order(edges["target"], actors),
    )


def ties_in(edges: pd.DataFrame, source: str, target: str) -> pd.DataFrame:
    return edges[(edges["source"] == source) & (edges["target"] == target)]


@dataclass(frozen=True)
class Tie:
    """One tie of a clicked relations cell, with the claims behind it (graded, in order)."""

    source: str
    target: str
    kind: str
    directed: bool
    qualifier: str
    note: str
    claims: pd.DataFrame


def ties_at(edges: pd.DataFrame, key: str, graded: pd.DataFrame) -> list[Tie]:
    """The ties of the cell picked as 'source|target' (a key of the cell picker), in the data's order."""
    source, target = key.split("|", 1)
    return [
        Tie(t.source, t.target, t.kind, bool(t.directed), t.qualifier, t.note, claims_for(t.claim_ids, graded))
        for t in ties_in(edges, source, target).itertuples()
    ]
