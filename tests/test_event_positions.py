"""Stored event positions on links (``_event_row``) are used only when they point into the events given."""

from __future__ import annotations

import pandas as pd
import pytest

from dossier.analysis import dyads
from dossier.filters import EVENT_ROW, event_rows, with_event_rows

EVENTS = pd.DataFrame(
    {
        "event_id": ["e1", "e2", "e3", "e4"],
        "fatalities": [1.0, 2.0, 4.0, 8.0],
    }
)
LINKS = pd.DataFrame(
    {
        "event_id": ["e1", "e1", "e2", "e2", "e3", "e3", "e4", "e4"],
        "actor_id": ["A", "B", "A", "B", "A", "C", "C", "B"],
        "role": ["side_a", "side_b"] * 4,
    }
)


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        (EVENTS, [0, 0, 1, 1, 2, 2, 3, 3]),  # the frame the positions were computed on
        (EVENTS.iloc[[1, 3]].reset_index(drop=True), [-1, -1, 0, 0, -1, -1, 1, 1]),  # a subset: positions are stale
        (EVENTS.iloc[::-1].reset_index(drop=True), [3, 3, 2, 2, 1, 1, 0, 0]),  # same size, another order
    ],
)
def test_event_rows_follow_the_events_given(events, expected):
    indexed = with_event_rows(EVENTS, LINKS)
    assert indexed[EVENT_ROW].tolist() == [0, 0, 1, 1, 2, 2, 3, 3]
    assert event_rows(events, indexed).tolist() == expected


@pytest.mark.parametrize("subset", [[0, 1, 2, 3], [1, 3], [2], [3, 0]])
def test_dyads_are_the_same_with_or_without_stored_positions(subset):
    events = EVENTS.iloc[subset].reset_index(drop=True)
    plain = dyads.dyads(events, LINKS)
    indexed = dyads.dyads(events, with_event_rows(EVENTS, LINKS))
    pd.testing.assert_frame_equal(plain, indexed)
    assert plain["events"].sum() == len(subset)


def _naive_dyads(events: pd.DataFrame, links: pd.DataFrame) -> dict[tuple[str, str], int]:
    """Every distinct (event, side A, side B) triple counted per pair: the definition, by hand."""
    known = set(events["event_id"])
    triples = set()
    for event_id, group in links[links["event_id"].isin(known)].groupby("event_id"):
        sides_a = set(group.loc[group["role"].isin(["side_a", "subject"]), "actor_id"])
        sides_b = set(group.loc[group["role"].isin(["side_b", "object"]), "actor_id"])
        triples |= {(event_id, a, b) for a in sides_a for b in sides_b if a != b}
    counts: dict[tuple[str, str], int] = {}
    for _, a, b in triples:
        counts[(a, b)] = counts.get((a, b), 0) + 1
    return counts


@pytest.mark.parametrize("seed", range(6))
def test_dyads_match_the_definition_whether_events_have_one_or_several_actors_a_side(seed):
    import numpy as np

    rng = np.random.default_rng(seed)
    n = 40
    events = pd.DataFrame({"event_id": [f"e{i}" for i in range(n)], "fatalities": rng.integers(0, 5, n) * 1.0})
    rows = rng.integers(0, n + 3, 120)  # a few links point at events that are not there
    links = pd.DataFrame(
        {
            "event_id": [f"e{i}" for i in rows],
            "actor_id": rng.choice(list("ABCDE"), 120),
            "role": rng.choice(["side_a", "side_b", "subject", "object", "participant"], 120),
        }
    )
    found = dyads.dyads(events, links)
    got = dict(zip(zip(found["side_a"], found["side_b"]), found["events"]))
    assert got == _naive_dyads(events, links)
    assert dyads.dyads(events, with_event_rows(events, links)).equals(found)


@pytest.mark.parametrize(
    "stored",
    [
        [0.0, 0.0, 1.0, 1.0, None, None, None, None],  # links of stored and new frames put together: NaN gaps
        pd.array([0, 0, 1, 1, None, None, None, None], dtype="Int32"),  # the same, nullable
        pd.array([0, 0, 1, 1, 2, 2, 3, 3], dtype="Int32"),  # nullable, complete: used as stored
    ],
)
def test_positions_with_gaps_are_recomputed_and_filters_still_join(stored):
    links = LINKS.assign(**{EVENT_ROW: stored})
    rows = event_rows(EVENTS, links)
    assert rows.dtype.kind == "i"
    assert rows.tolist() == [0, 0, 1, 1, 2, 2, 3, 3]
    assert with_event_rows(EVENTS, links)[EVENT_ROW].tolist() == [0, 0, 1, 1, 2, 2, 3, 3]
