"""Data for the actor/threat matrix: threat perceptions, relations between actors, event dyads.

Everything here takes frames and returns new frames; nothing touches streamlit, and
nothing mutates its input. The figure builders live in ``charts/matrix.py``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
import pyarrow as pa

from . import filters
from .schema import ACTOR_KINDS, THREAT_LEVELS

NOT_STATED = "not_stated"
LEVEL_RANK = {level: rank for rank, level in enumerate(THREAT_LEVELS)}  # 0 is the most serious


def level_label(level: str) -> str:
    """'not_stated' -> 'not stated'; the other levels read as they are stored."""
    return level.replace("_", " ")


def actor_names(actors: pd.DataFrame) -> dict[str, str]:
    return dict(zip(actors["actor_id"], actors["name"]))


def named(frame: pd.DataFrame, names: Mapping[str, str], columns: list[str]) -> pd.DataFrame:
    """A copy with actor ids in ``columns`` replaced by names (ids without a name stay)."""
    return frame.assign(**{c: frame[c].map(names).fillna(frame[c]) for c in columns})


def axis_label(actor_id: str, name: str, width: int = 14) -> str:
    """A short axis label: the name when it fits, a short id such as 'TTP', else the name on two lines.

    Lines are separated by a newline; chart builders escape each line and join them for plotly.
    """
    if len(name) <= width:
        return name
    if len(actor_id) <= 6 and actor_id.upper() == actor_id:
        return actor_id
    lines = textwrap.wrap(name, width, break_long_words=True)
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return "\n".join(lines)


def _kind_order(actor_ids: Iterable[str], actors: pd.DataFrame) -> list[str]:
    """Actors ordered states first, then groups, organisations, people; by name within a kind."""
    meta = actors.set_index("actor_id")
    rank = {kind: i for i, kind in enumerate(ACTOR_KINDS)}

    def key(actor_id: str) -> tuple[int, str]:
        if actor_id not in meta.index:
            return len(rank), actor_id
        return rank.get(meta.at[actor_id, "kind"], len(rank)), str(meta.at[actor_id, "name"])

    return sorted(dict.fromkeys(actor_ids), key=key)


# --- Evidence and dates -------------------------------------------------------------------------------------------


def in_period(
    frame: pd.DataFrame, claims: pd.DataFrame, sources: pd.DataFrame, selection: filters.Selection
) -> pd.DataFrame:
    """Assessments or relations whose evidence falls in the selection's date range.

    Neither table carries dates of its own: a row is dated by the publication dates of
    the sources of its claims. It stays when at least one of its claims passes the date
    filter (claims from undated sources always pass, as everywhere else in Dossier).
    """
    if selection.start is None and selection.end is None:
        return frame
    dates_only = filters.Selection(start=selection.start, end=selection.end)
    mask = filters.claim_mask({"claims": claims, "sources": sources}, dates_only, set())
    kept = set(claims.loc[mask, "claim_id"])
    return frame[[any(c in kept for c in ids) for ids in frame["claim_ids"]]]


def cited_claim_ids(frame: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(c for ids in frame["claim_ids"] for c in ids))


def cited_sources(frame: pd.DataFrame, claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The sources behind the claims that ``frame`` (assessments or relations) cites."""
    source_ids = claims.loc[filters.isin(claims["claim_id"], cited_claim_ids(frame)), "source_id"]
    return sources[filters.isin(sources["source_id"], source_ids)]


# --- Threat perceptions -------------------------------------------------------------------------------------------


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
                "level": row.level, "rank": row.rank, "trend": row.trend or "", "claim_ids": list(row.claim_ids),
                "note": row.note or "", "assessment_ids": [row.assessment_id],
            }  # fmt: skip
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
    empty = {"level": NOT_STATED, "rank": silent, "trend": "", "claim_ids": [], "note": "",
             "assessment_ids": []}  # fmt: skip
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
                    rows.append({
                        "threat": threat, "perceiver_a": first["perceiver"], "level_a": first["level"],
                        "perceiver_b": second["perceiver"], "level_b": second["level"],
                        "gap": second["rank"] - first["rank"],
                    })  # fmt: skip
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


def divergence_notes(found: pd.DataFrame, names: Mapping[str, str]) -> list[str]:
    """One plain sentence per divergence, for the page (escape before rendering)."""
    return [
        f"Divergence on {names.get(d.threat, d.threat)}: {names.get(d.perceiver_a, d.perceiver_a)} rates it "
        f"{level_label(d.level_a)}, {names.get(d.perceiver_b, d.perceiver_b)} {level_label(d.level_b)}"
        + ("" if d.in_view else " (the other perceiver is outside the current filters)")
        + "."
        for d in found.itertuples()
    ]


def silence_notes(silent: Mapping[str, list[str]], names: Mapping[str, str]) -> list[str]:
    return [
        f"Outside the current filters, {names.get(p, p)} states no view of {', '.join(names.get(t, t) for t in ts)}."
        for p, ts in silent.items()
    ]


def divergent_cells(found: pd.DataFrame) -> set[tuple[str, str]]:
    """The (perceiver, threat) cells that take part in a divergence."""
    return {(p, t) for t, a, b in zip(found["threat"], found["perceiver_a"], found["perceiver_b"]) for p in (a, b)}


def threat_options(cells: pd.DataFrame, names: Mapping[str, str]) -> dict[str, str]:
    """'perceiver|threat' -> 'Pakistan × Tehreek-e-Taliban Pakistan: primary', for the cell picker."""
    return {
        f"{p}|{t}": f"{names.get(p, p)} × {names.get(t, t)}: {level_label(level)}"
        for p, t, level in zip(cells["perceiver"], cells["threat"], cells["level"])
    }


# --- Relations ----------------------------------------------------------------------------------------------------


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
        rows.append({
            "source": source, "target": target, "kind": kinds[0] if len(kinds) == 1 else "several",
            "kinds": list(group["kind"]), "directed": list(group["directed"].astype(bool)),
            "qualifiers": list(group["qualifier"]),
            "relation_ids": list(group["relation_id"]),
            "claim_ids": list(dict.fromkeys(c for ids in group["claim_ids"] for c in ids)),
        })  # fmt: skip
    return (
        pd.DataFrame(rows, columns=columns),
        _kind_order(edges["source"], actors),
        _kind_order(edges["target"], actors),
    )


def relation_options(cells: pd.DataFrame, names: Mapping[str, str]) -> dict[str, str]:
    """'source|target' -> 'United States → Pakistan: cooperation, support', for the cell picker."""
    return {
        f"{s}|{t}": f"{names.get(s, s)} → {names.get(t, t)}: {', '.join(dict.fromkeys(kinds))}"
        for s, t, kinds in zip(cells["source"], cells["target"], cells["kinds"])
    }


def ties_in(edges: pd.DataFrame, source: str, target: str) -> pd.DataFrame:
    return edges[(edges["source"] == source) & (edges["target"] == target)]


# --- Event dyads --------------------------------------------------------------------------------------------------

# Which event_actors roles form the two sides of a dyad. UCDP's and ACLED's side_a/side_b
# (actor1/actor2) map directly; in curated events the subject acts on the object.
SIDE_A_ROLES = ("side_a", "subject")
SIDE_B_ROLES = ("side_b", "object")
DYAD_COLUMNS = ["side_a", "side_b", "events", "fatalities", "fatality_events"]


def _arrow_strings(series: pd.Series) -> pa.Array:
    """The column as one Arrow large_string array; categoricals decode without a Python round trip."""
    array = pa.array(series)
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    return array if array.type == pa.large_string() else array.cast(pa.large_string())


def _codes(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    return codes.astype(np.int64), np.asarray(uniques.astype(str), dtype=object)


def dyads(events: pd.DataFrame, event_actors: pd.DataFrame) -> pd.DataFrame:
    """Actor × actor event counts and fatalities over the given events.

    A dyad is an ordered pair (side A, side B) taken from one event's actors:
    - side A is every actor with role ``side_a`` or ``subject``;
    - side B is every actor with role ``side_b`` or ``object``;
    - every side-A actor pairs with every side-B actor of the same event, so an event
      with two subjects and one object forms two dyads;
    - ``participant``, ``associated`` and ``location`` roles form no dyad, and an actor
      never pairs with itself.

    ``events`` counts the distinct events forming the dyad. ``fatalities`` sums those
    events' fatality figures (NaN when none of them reports one; ``fatality_events`` says
    how many did). An event that forms several dyads counts in each, so fatalities over
    all dyads can exceed the events' total. Links to events not in ``events`` are ignored,
    which is how the date and type filters reach the dyads.

    Built for a million events: ids become integer codes once, then pairs are joined
    and counted on integers.
    """
    if events.empty or event_actors.empty:
        return pd.DataFrame(columns=DYAD_COLUMNS)
    side_a = filters.isin(event_actors["role"], SIDE_A_ROLES).to_numpy(bool)
    side_b = filters.isin(event_actors["role"], SIDE_B_ROLES).to_numpy(bool)
    keep = side_a | side_b
    links = event_actors if keep.all() else event_actors[keep]
    event_pos = filters.event_rows(events, links).astype(np.int64)  # loaded datasets carry the positions
    actor, actor_ids = _codes(links["actor_id"])
    valid = (event_pos >= 0) & (actor >= 0)
    is_a = side_a[keep] & valid
    is_b = side_b[keep] & valid
    pairs = pd.merge(
        pd.DataFrame({"event": event_pos[is_a], "a": actor[is_a]}),
        pd.DataFrame({"event": event_pos[is_b], "b": actor[is_b]}),
        on="event",
    )
    pairs = pairs[pairs["a"].to_numpy() != pairs["b"].to_numpy()]
    n_actors = max(len(actor_ids), 1)
    pair_key = pairs["a"].to_numpy() * n_actors + pairs["b"].to_numpy()
    unique_rows = ~pd.Series(pairs["event"].to_numpy() * (n_actors * n_actors) + pair_key).duplicated().to_numpy()
    pair_key, event = pair_key[unique_rows], pairs["event"].to_numpy()[unique_rows]
    if len(pair_key) == 0:
        return pd.DataFrame(columns=DYAD_COLUMNS)
    dyad, keys = pd.factorize(pair_key)
    fatalities = events["fatalities"].to_numpy(dtype=float, na_value=np.nan)[event]
    known = ~np.isnan(fatalities)
    totals = np.bincount(dyad, weights=np.where(known, fatalities, 0.0), minlength=len(keys))
    reported = np.bincount(dyad, weights=known, minlength=len(keys)).astype(np.int64)
    result = pd.DataFrame({
        "side_a": actor_ids[keys // n_actors], "side_b": actor_ids[keys % n_actors],
        "events": np.bincount(dyad, minlength=len(keys)), "fatalities": np.where(reported > 0, totals, np.nan),
        "fatality_events": reported,
    })  # fmt: skip
    return result.sort_values(["events", "side_a", "side_b"], ascending=[False, True, True], ignore_index=True)


MEASURES = {"events": "Events", "fatalities": "Fatalities"}
ORIGIN_NAMES = {"ucdp": "UCDP GED (CC BY 4.0)", "acled": "ACLED (aggregated; see ACLED terms)"}


def dyad_grid(found: pd.DataFrame, measure: str = "events", top: int = 12) -> pd.DataFrame:
    """A side A × side B table of ``measure`` for the ``top`` busiest actors on each side (NaN: no dyad)."""
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {', '.join(MEASURES)}, not {measure!r}")
    if found.empty:
        return pd.DataFrame(dtype=float)
    rows = found.groupby("side_a")["events"].sum().sort_values(ascending=False, kind="stable").index[:top]
    cols = found.groupby("side_b")["events"].sum().sort_values(ascending=False, kind="stable").index[:top]
    shown = found[found["side_a"].isin(rows) & found["side_b"].isin(cols)]
    grid = shown.pivot(index="side_a", columns="side_b", values=measure)  # dyads are unique: no aggregation
    return grid.reindex(index=list(rows), columns=list(cols)).astype(float)


def dyad_sources(
    events: pd.DataFrame, event_claims: pd.DataFrame, claims: pd.DataFrame, sources: pd.DataFrame
) -> tuple[pd.DataFrame, list[str]]:
    """The sources behind a set of events: the documents their claims quote, plus each import's origin."""
    # Look the few evidenced ids up in the (up to a million) events, not the other way round: no big hash set.
    evidenced = events["event_id"][filters.isin(events["event_id"], event_claims["event_id"])]
    claim_ids = event_claims.loc[filters.isin(event_claims["event_id"], evidenced), "claim_id"]
    source_ids = claims.loc[filters.isin(claims["claim_id"], claim_ids), "source_id"]
    present = {str(o) for o in events["origin"].dropna().unique()}  # distinct values first: cheap on categoricals
    origins = [o for o in present if o and o != "curated"]
    return sources[filters.isin(sources["source_id"], source_ids)], [ORIGIN_NAMES.get(o, o) for o in sorted(origins)]


def picked(state: Mapping | None) -> tuple[str, ...] | None:
    """The cell a chart click selected, from ``st.plotly_chart``'s selection state, else None."""
    points = ((state or {}).get("selection") or {}).get("points") or []
    for point in points:
        data = point.get("customdata")
        if isinstance(data, list | tuple) and data and all(isinstance(d, str) for d in data):
            return tuple(data)
    return None
