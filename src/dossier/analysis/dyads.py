"""Event dyads: which actors meet on opposite sides of the same events, how often and how deadly.

Built for a million events: ids become integer codes once, then pairs are joined and counted on integers.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from ..filters import event_rows, isin

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
    side_a = isin(event_actors["role"], SIDE_A_ROLES).to_numpy(bool)
    side_b = isin(event_actors["role"], SIDE_B_ROLES).to_numpy(bool)
    keep = side_a | side_b
    links = event_actors if keep.all() else event_actors[keep]
    event_pos = event_rows(events, links).astype(np.int64)  # loaded datasets carry the positions
    actor, actor_ids = _codes(links["actor_id"])
    valid = (event_pos >= 0) & (actor >= 0)
    is_a = side_a[keep] & valid
    is_b = side_b[keep] & valid
    n_actors = max(len(actor_ids), 1)
    event, pair_key = _pairs(len(events), event_pos[is_a], actor[is_a], event_pos[is_b], actor[is_b], n_actors)
    if len(pair_key) == 0:
        return pd.DataFrame(columns=DYAD_COLUMNS)
    dyad, keys = pd.factorize(pair_key)
    fatalities = events["fatalities"].to_numpy(dtype=float, na_value=np.nan)[event]
    known = ~np.isnan(fatalities)
    totals = np.bincount(dyad, weights=np.where(known, fatalities, 0.0), minlength=len(keys))
    reported = np.bincount(dyad, weights=known, minlength=len(keys)).astype(np.int64)
    result = pd.DataFrame(
        {
            "side_a": actor_ids[keys // n_actors],
            "side_b": actor_ids[keys % n_actors],
            "events": np.bincount(dyad, minlength=len(keys)),
            "fatalities": np.where(reported > 0, totals, np.nan),
            "fatality_events": reported,
        }
    )
    return result.sort_values(["events", "side_a", "side_b"], ascending=[False, True, True], ignore_index=True)


def _pairs(
    n_events: int, a_event: np.ndarray, a: np.ndarray, b_event: np.ndarray, b: np.ndarray, n_actors: int
) -> tuple[np.ndarray, np.ndarray]:
    """(event, a * n_actors + b) for every distinct side-A × side-B pair of an event, never an actor with itself.

    Most events have one actor a side (UCDP's side_a and side_b, ACLED's actor1 and actor2): those pair by
    position in one pass. Only events with several actors on a side go through a join and de-duplication.
    """
    a_count = np.bincount(a_event, minlength=n_events)
    b_count = np.bincount(b_event, minlength=n_events)
    single = (a_count <= 1) & (b_count <= 1)
    a_of = np.full(n_events, -1, dtype=np.int64)
    b_of = np.full(n_events, -1, dtype=np.int64)
    one_a, one_b = single[a_event], single[b_event]
    a_of[a_event[one_a]], b_of[b_event[one_b]] = a[one_a], b[one_b]
    simple = np.flatnonzero((a_of >= 0) & (b_of >= 0) & (a_of != b_of))
    events, keys = [simple], [a_of[simple] * n_actors + b_of[simple]]
    if not single.all():
        pairs = pd.merge(
            pd.DataFrame({"event": a_event[~one_a], "a": a[~one_a]}),
            pd.DataFrame({"event": b_event[~one_b], "b": b[~one_b]}),
            on="event",
        )
        pairs = pairs[pairs["a"].to_numpy() != pairs["b"].to_numpy()]
        key = pairs["a"].to_numpy() * n_actors + pairs["b"].to_numpy()
        event = pairs["event"].to_numpy()
        first = ~pd.Series(event * (n_actors * n_actors) + key).duplicated().to_numpy()
        events.append(event[first])
        keys.append(key[first])
    return np.concatenate(events).astype(np.int64), np.concatenate(keys).astype(np.int64)


MEASURED = ("events", "fatalities")  # the columns a dyad grid can show


def dyad_grid(found: pd.DataFrame, measure: str = "events", top: int = 12) -> pd.DataFrame:
    """A side A × side B table of ``measure`` for the ``top`` busiest actors on each side (NaN: no dyad)."""
    if measure not in MEASURED:
        raise ValueError(f"measure must be one of {', '.join(MEASURED)}, not {measure!r}")
    if found.empty:
        return pd.DataFrame(dtype=float)
    rows = found.groupby("side_a")["events"].sum().sort_values(ascending=False, kind="stable").index[:top]
    cols = found.groupby("side_b")["events"].sum().sort_values(ascending=False, kind="stable").index[:top]
    shown = found[found["side_a"].isin(rows) & found["side_b"].isin(cols)]
    grid = shown.pivot(index="side_a", columns="side_b", values=measure)  # dyads are unique: no aggregation
    return grid.reindex(index=list(rows), columns=list(cols)).astype(float)
