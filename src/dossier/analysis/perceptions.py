"""Threat perceptions: who rates which threat how seriously, where perceivers diverge, and who is silent.

Everything here takes frames and returns new frames; nothing mutates its input. The figure
lives in ``charts/matrix.py``, the sentences about it in ``views/matrix_text.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..claims import claims_for
from ..schema import THREAT_LEVELS
from .naming import actor_names

NOT_STATED = "not_stated"
LEVEL_RANK = {level: rank for rank, level in enumerate(THREAT_LEVELS)}  # 0 is the most serious


def threat_cells(assessments: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Every perceiver × threat cell of the matrix, one row each, missing pairs as 'not_stated'.

    Columns: perceiver, threat, level, rank (0 = most serious), trend, claim_ids, note,
    assessment_ids, stated (False for 'not_stated', recorded or missing). Perceivers keep
    the order of the data; threats are ordered by the most serious level any perceiver
    gives them, then by how many perceivers state a view. Two assessments of the same pair merge: the more serious
    level wins and their claims are pooled, so no evidence is dropped.
    """
    columns = ["perceiver", "threat", "level", "rank", "trend", "claim_ids", "note", "assessment_ids", "stated"]
    if assessments.empty:
        return pd.DataFrame(columns=columns)
    stated = assessments.assign(rank=assessments["level"].map(LEVEL_RANK)).sort_values("rank", kind="stable")
    merged = {}
    for row in stated.itertuples(index=False):
        pair = (row.perceiver, row.threat)
        if pair not in merged:
            merged[pair] = {
                "level": row.level,
                "rank": row.rank,
                "trend": row.trend or "",
                "claim_ids": list(row.claim_ids),
                "note": row.note or "",
                "assessment_ids": [row.assessment_id],
            }
        else:
            cell = merged[pair]
            cell["claim_ids"] += [c for c in row.claim_ids if c not in cell["claim_ids"]]
            cell["assessment_ids"].append(row.assessment_id)
            cell["note"] = " / ".join(n for n in (cell["note"], row.note or "") if n)
    perceivers = list(dict.fromkeys(assessments["perceiver"]))
    threats = list(dict.fromkeys(assessments["threat"]))
    seriousness = {t: min(c["rank"] for (_, th), c in merged.items() if th == t) for t in threats}
    breadth = {t: sum(th == t for _, th in merged) for t in threats}
    names = actor_names(actors)
    threats.sort(key=lambda t: (seriousness[t], -breadth[t], names.get(t, t)))
    silent = LEVEL_RANK[NOT_STATED]
    empty = {"level": NOT_STATED, "rank": silent, "trend": "", "claim_ids": [], "note": "", "assessment_ids": []}
    rows = [
        {"perceiver": p, "threat": t, **merged.get((p, t), empty), "stated": merged.get((p, t), empty)["rank"] < silent}
        for p in perceivers
        for t in threats
    ]
    return pd.DataFrame(rows, columns=columns)


def divergences(cells: pd.DataFrame) -> pd.DataFrame:
    """Pairs of perceivers who rate the same threat at different stated levels.

    Silence is not disagreement: a 'not_stated' cell never counts. Each pair appears
    once, the more alarmed perceiver first; ``gap`` is the number of levels between them.
    """
    columns = ["threat", "perceiver_a", "level_a", "perceiver_b", "level_b", "gap"]
    stated = cells[cells["stated"]] if not cells.empty else cells
    rows = []
    for threat, group in stated.groupby("threat", sort=False):
        ranked = group.sort_values("rank", kind="stable").to_dict("records")
        for i, first in enumerate(ranked):
            for second in ranked[i + 1 :]:
                if first["rank"] != second["rank"]:
                    rows.append(
                        {
                            "threat": threat,
                            "perceiver_a": first["perceiver"],
                            "level_a": first["level"],
                            "perceiver_b": second["perceiver"],
                            "level_b": second["level"],
                            "gap": second["rank"] - first["rank"],
                        }
                    )
    return pd.DataFrame(rows, columns=columns)


def divergences_in_context(cells: pd.DataFrame, assessments: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Divergences on the threats shown, among every perceiver in ``assessments`` (the unfiltered ones).

    ``in_view`` is True when both perceivers are rows of ``cells``. A country filter can hide
    the other side of a mismatch; this keeps it in sight.
    """
    threats, rows = set(cells["threat"]), set(cells["perceiver"])
    found = divergences(threat_cells(assessments[assessments["threat"].isin(threats)], actors))
    in_view = [a in rows and b in rows for a, b in zip(found["perceiver_a"], found["perceiver_b"])]
    return found.assign(in_view=pd.Series(in_view, index=found.index, dtype=bool))


def silent_elsewhere(cells: pd.DataFrame, assessments: pd.DataFrame) -> dict[str, list[str]]:
    """Perceivers outside the view (present in ``assessments``) -> the shown threats they state no view of."""
    rows, threats = set(cells["perceiver"]), list(dict.fromkeys(cells["threat"]))
    stated = set(zip(assessments["perceiver"], assessments["threat"]))
    silent = {
        p: [t for t in threats if (p, t) not in stated]
        for p in dict.fromkeys(assessments["perceiver"])
        if p not in rows
    }
    return {p: ts for p, ts in silent.items() if ts}


def divergent_cells(found: pd.DataFrame) -> set[tuple[str, str]]:
    """The (perceiver, threat) cells that take part in a divergence."""
    return {(p, t) for t, a, b in zip(found["threat"], found["perceiver_a"], found["perceiver_b"]) for p in (a, b)}


@dataclass(frozen=True)
class Cell:
    """One perceiver × threat cell as the page opens it, with the claims behind it (graded, in order)."""

    perceiver: str
    threat: str
    level: str
    stated: bool  # False: no source states a view, which is not a low rating
    trend: str
    note: str
    claims: pd.DataFrame


def cell_at(cells: pd.DataFrame, key: str, graded: pd.DataFrame) -> Cell:
    """The cell picked as 'perceiver|threat' (a key of the cell picker), with its claims from ``graded``."""
    perceiver, threat = key.split("|", 1)
    row = cells[(cells["perceiver"] == perceiver) & (cells["threat"] == threat)].iloc[0]
    return Cell(
        perceiver,
        threat,
        row["level"],
        bool(row["stated"]),
        row["trend"],
        row["note"],
        claims_for(row["claim_ids"], graded),
    )
