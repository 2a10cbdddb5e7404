"""Filter semantics on a tiny inline dataset, checked by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from dossier import Dataset
from dossier.filters import Selection, isin, period_end


def tiny() -> Dataset:
    ts = lambda s: pd.Timestamp(s) if s else pd.NaT  # noqa: E731
    events = pd.DataFrame(
        {
            "event_id": ["e1", "e2", "e3", "e4", "e5"],
            "title": ["TTP attack", "Visit to India", "Train seized", "Talks", "Undated statement"],
            "event_type": ["attack", "visit", "attack", "meeting", "statement"],
            "date_start": [ts("2025-03-01"), ts("2025-04-21"), ts("2025-03-11"), ts("2024-06-01"), pd.NaT],
            "date_end": [pd.NaT, ts("2025-04-24"), pd.NaT, pd.NaT, pd.NaT],
            "date_precision": ["day", "day", "day", "month", "unknown"],
            "date_basis": ["source"] * 5,
            "date_note": [""] * 5,
            "country": ["Pakistan", "India", "", "Sri Lanka", ""],
            "fatalities": [3.0, None, None, None, None],
            "origin": ["curated"] * 5,
        }
    )
    actors = pd.DataFrame(
        {
            "actor_id": ["PAK", "IND", "LKA", "USA", "TTP", "BLA", "IMF"],
            "name": ["Pakistan", "India", "Sri Lanka", "United States", "TTP", "BLA", "IMF"],
            "kind": ["state"] * 4 + ["armed_group", "armed_group", "international_org"],
            "country": ["Pakistan", "India", "Sri Lanka", "United States", "Pakistan", "Pakistan", ""],
        }
    )
    return Dataset(
        sources=pd.DataFrame({"source_id": ["s1"], "publisher": ["x"], "published": [pd.NaT]}),
        claims=pd.DataFrame(
            {
                "claim_id": ["c1", "c2", "c3"],
                "source_id": ["s1"] * 3,
                "text": ["The TTP struck.", "Vance visits India.", "BLA seized a train."],
            }
        ),  # fmt: skip
        actors=actors,
        events=events,
        event_actors=pd.DataFrame(
            {"event_id": ["e1", "e1", "e2", "e2", "e3", "e4"], "actor_id": ["TTP", "PAK", "USA", "IND", "BLA", "IMF"]}
        ),  # fmt: skip
        event_claims=pd.DataFrame({"event_id": ["e1", "e2", "e3"], "claim_id": ["c1", "c2", "c3"]}),
        claim_actors=pd.DataFrame({"claim_id": ["c1", "c2", "c2", "c3"], "actor_id": ["TTP", "USA", "IND", "BLA"]}),
        assessments=pd.DataFrame({"perceiver": ["PAK", "USA"], "threat": ["TTP", "BLA"]}),
        relations=pd.DataFrame({"actor_a": ["USA", "LKA"], "actor_b": ["PAK", "IMF"]}),
    )


def ids(frame: pd.DataFrame, column: str) -> list[str]:
    return sorted(frame[column])


@pytest.mark.parametrize(
    ("kwargs", "events"),
    [
        ({}, ["e1", "e2", "e3", "e4", "e5"]),
        ({"countries": ["Pakistan"]}, ["e1"]),  # actor PAK on e1, and located in Pakistan
        ({"countries": ["India"]}, ["e2"]),  # IND is an actor of e2
        ({"groups": ["BLA"]}, ["e3"]),  # group as actor, no location needed
        ({"countries": ["Sri Lanka"]}, ["e4"]),  # location only: LKA is not an actor of e4
        ({"countries": ["India"], "groups": ["BLA"]}, ["e2", "e3"]),  # entities combine with OR
        ({"start": "2025-03-05", "end": "2025-03-31"}, ["e3"]),
        ({"start": "2025-04-22", "end": "2025-04-22"}, ["e2"]),  # a range inside a multi-day event overlaps it
        ({"start": "2024-06-30", "end": "2024-07-31"}, ["e4"]),  # month precision spans its month
        ({"start": "2025-01-01"}, ["e1", "e2", "e3"]),  # undated events cannot be shown to overlap
        ({"event_types": ["attack"]}, ["e1", "e3"]),
        ({"groups": ["TTP", "BLA"], "event_types": ["attack"], "end": "2025-03-05"}, ["e1"]),  # the rest narrows
        ({"countries": ["Narnia"]}, []),
    ],
)
def test_event_filter(kwargs, events):
    assert ids(tiny().filter(**kwargs).events, "event_id") == events


@pytest.mark.parametrize(
    ("kwargs", "claims", "assessments", "relations"),
    [
        ({"countries": ["Pakistan"]}, [], [("PAK", "TTP")], [("USA", "PAK")]),
        ({"groups": ["TTP"]}, ["c1"], [("PAK", "TTP")], []),
        ({"groups": ["BLA", "IMF"]}, ["c3"], [("USA", "BLA")], [("LKA", "IMF")]),
        ({"countries": ["India"]}, ["c2"], [], []),
    ],
)
def test_claims_assessments_relations_follow_the_selection(kwargs, claims, assessments, relations):
    view = tiny().filter(**kwargs)
    assert ids(view.claims, "claim_id") == claims
    assert list(zip(view.assessments["perceiver"], view.assessments["threat"])) == assessments
    assert list(zip(view.relations["actor_a"], view.relations["actor_b"])) == relations


def test_link_tables_and_sources_follow_their_parents():
    view = tiny().filter(groups=["BLA"])
    assert ids(view.event_actors, "event_id") == ["e3"]
    assert ids(view.event_claims, "claim_id") == ["c3"]
    assert ids(view.claim_actors, "claim_id") == ["c3"]
    assert ids(view.actors, "actor_id") == ["BLA", "USA"]  # USA appears through the assessment USA -> BLA


def test_filtering_never_mutates_the_source_frames():
    ds = tiny()
    before = {name: frame.copy() for name, frame in ds.tables().items()}
    ds.filter(countries=["Pakistan"], start="2025-01-01", event_types=["attack"])
    for name, frame in ds.tables().items():
        pd.testing.assert_frame_equal(frame, before[name])


def test_selection_describes_itself_for_captions():
    s = Selection.make(countries=["Pakistan"], groups=["TTP"], start="2025-01-01", event_types=["attack"])
    assert s.describe() == "country: Pakistan; group: TTP; dates: 2025-01-01 to …; type: attack"
    assert Selection.make().describe() == "no filters"


def test_period_end_follows_precision():
    events = tiny().events
    assert list(period_end(events).dt.strftime("%Y-%m-%d").fillna("")) == [
        "2025-03-01", "2025-04-24", "2025-03-11", "2024-06-30", "",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("values", "lookup", "expected"),
    [
        (["a", "b", None], {"b"}, [False, True, False]),
        (["a", "b", "c"], pd.Series(["c", "a"]), [True, False, True]),
        (["a"], [], [False]),
    ],
)
def test_fast_isin_matches_pandas(values, lookup, expected):
    series = pd.Series(values, dtype="str")
    assert list(isin(series, lookup)) == expected


@pytest.mark.parametrize(
    ("kwargs", "url"),
    [
        ({}, "http://h:8501/"),
        ({"countries": ["Pakistan"], "groups": ["TTP", "IS-K"]}, "http://h:8501/?country=Pakistan&group=TTP&group=IS-K"),
        ({"countries": ["Sri Lanka"], "start": "2025-01-01", "event_types": ["attack"]},
         "http://h:8501/?country=Sri+Lanka&type=attack&from=2025-01-01"),
    ],
)  # fmt: skip
def test_permalink_uses_the_url_scheme(kwargs, url):
    assert Selection.make(**kwargs).permalink("http://h:8501") == url
