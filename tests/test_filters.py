"""Filter semantics on a tiny inline dataset, checked by hand, and the conventions every registered filter keeps."""

from __future__ import annotations

import argparse
import datetime as dt
import pickle
import re
from pathlib import Path

import pandas as pd
import pytest

from dossier import Dataset
from dossier.cli import main
from dossier.export import command as export
from dossier.export.files import export_filename
from dossier.filters import BY_KEY, FILTERS, TABLES_FILTERED, Date, Selection, caption, isin, period_end, table_mask
from dossier.importers.quality import NO_FLAG

README = Path(__file__).resolve().parents[1] / "README.md"


def tiny() -> Dataset:
    """Five events, three claims from a B source (undated) and an E source (published 2025-02-01)."""
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
            "name": ["Pakistan", "India", "Sri Lanka", "United States", "Tehrik-i-Taliban Pakistan", "BLA", "IMF"],
            "kind": ["state"] * 4 + ["armed_group", "armed_group", "international_org"],
            "country": ["Pakistan", "India", "Sri Lanka", "United States", "Pakistan", "Pakistan", ""],
        }
    )
    return Dataset(
        sources=pd.DataFrame(
            {
                "source_id": ["s1", "s2"],
                "publisher": ["x", "y"],
                "published": [pd.NaT, ts("2025-02-01")],
                "reliability": ["B", "E"],
            }
        ),
        claims=pd.DataFrame(
            {
                "claim_id": ["c1", "c2", "c3"],
                "source_id": ["s1", "s1", "s2"],
                "text": ["The TTP struck.", "Vance visits India.", "BLA seized a train."],
            }
        ),
        actors=actors,
        events=events,
        event_actors=pd.DataFrame(
            {"event_id": ["e1", "e1", "e2", "e2", "e3", "e4"], "actor_id": ["TTP", "PAK", "USA", "IND", "BLA", "IMF"]}
        ),
        event_claims=pd.DataFrame({"event_id": ["e1", "e2", "e3"], "claim_id": ["c1", "c2", "c3"]}),
        claim_actors=pd.DataFrame({"claim_id": ["c1", "c2", "c2", "c3"], "actor_id": ["TTP", "USA", "IND", "BLA"]}),
        assessments=pd.DataFrame(
            {"perceiver": ["PAK", "USA"], "threat": ["TTP", "BLA"], "claim_ids": [["c1"], ["c2", "c3"]]}
        ),
        relations=pd.DataFrame({"actor_a": ["USA", "LKA"], "actor_b": ["PAK", "IMF"], "claim_ids": [["c2"], ["c3"]]}),
    )


def ids(frame: pd.DataFrame, column: str) -> list[str]:
    return sorted(frame[column])


def row_ids(table: str, frame: pd.DataFrame) -> list:
    """How a test names rows: events and claims by id, assessments and relations by their pair of actors."""
    if table in ("events", "claims"):
        return sorted(frame[table[:-1] + "_id"])
    a, b = ("perceiver", "threat") if table == "assessments" else ("actor_a", "actor_b")
    return sorted(zip(frame[a], frame[b]))


ALL = {table: row_ids(table, tiny().tables()[table]) for table in TABLES_FILTERED}

# (filter key, value, the rows each table keeps). A table left out is one the filter does not touch.
MASK_CASES = [
    (
        "country",
        ["Pakistan"],
        {"events": ["e1"], "claims": [], "assessments": [("PAK", "TTP")], "relations": [("USA", "PAK")]},
    ),
    ("country", ["Sri Lanka"], {"events": ["e4"], "claims": [], "assessments": [], "relations": [("LKA", "IMF")]}),
    ("country", ["India"], {"events": ["e2"], "claims": ["c2"], "assessments": [], "relations": []}),
    ("group", ["TTP"], {"events": ["e1"], "claims": ["c1"], "assessments": [("PAK", "TTP")], "relations": []}),
    ("group", ["IMF"], {"events": ["e4"], "claims": [], "assessments": [], "relations": [("LKA", "IMF")]}),
    ("from", "2025-03-05", {"events": ["e2", "e3"], "claims": ["c1", "c2"]}),  # c1, c2: undated source passes
    ("to", "2025-03-05", {"events": ["e1", "e4"], "claims": ["c1", "c2", "c3"]}),
    ("to", "2025-01-31", {"events": ["e4"], "claims": ["c1", "c2"]}),  # c3's source is published 2025-02-01
    ("type", ["attack"], {"events": ["e1", "e3"]}),
    (
        "reliability",
        ["B"],
        {
            "events": ["e1", "e2"],
            "claims": ["c1", "c2"],
            "assessments": [("PAK", "TTP"), ("USA", "BLA")],
            "relations": [("USA", "PAK")],
        },
    ),
    (
        "reliability",
        ["E"],
        {"events": ["e3"], "claims": ["c3"], "assessments": [("USA", "BLA")], "relations": [("LKA", "IMF")]},
    ),
    ("reliability", ["A"], {"events": [], "claims": [], "assessments": [], "relations": []}),
    ("quality", ["best>high"], {"events": []}),  # curated events carry no flag
    ("quality", [NO_FLAG], {"events": ["e1", "e2", "e3", "e4", "e5"]}),
]


@pytest.mark.parametrize(("key", "value", "kept"), MASK_CASES)
def test_each_filter_masks_the_tables_it_declares(key, value, kept):
    tables = tiny().tables()
    selection = Selection({key: value})
    for table in TABLES_FILTERED:
        passing = tables[table][table_mask(table, tables, selection)]
        assert row_ids(table, passing) == kept.get(table, ALL[table]), table
    assert sorted(set(TABLES_FILTERED) - set(kept)) == sorted(BY_KEY[key].untouched)


def test_every_filter_has_mask_cases():
    assert {f.key for f in FILTERS} <= {key for key, _, _ in MASK_CASES}


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
        ({"reliabilities": ["B"]}, ["e1", "e2"]),  # evidenced by a claim from a B source; e4, e5 have no claims
        ({"reliabilities": ["B", "E"]}, ["e1", "e2", "e3"]),  # grades combine with OR among themselves
        ({"countries": ["India"], "groups": ["BLA"], "reliabilities": ["B"]}, ["e2"]),  # reliability narrows
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
        ({"countries": ["Pakistan"], "groups": ["BLA"]}, ["c3"], [("PAK", "TTP"), ("USA", "BLA")], [("USA", "PAK")]),
        ({"groups": ["BLA"], "reliabilities": ["B"]}, [], [("USA", "BLA")], []),  # USA -> BLA also cites c2 (B)
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
    assert ids(view.sources, "source_id") == ["s2"]
    assert ids(view.actors, "actor_id") == ["BLA", "USA"]  # USA appears through the assessment USA -> BLA


def test_filtering_never_mutates_the_source_frames():
    ds = tiny()
    before = {name: frame.copy() for name, frame in ds.tables().items()}
    ds.filter(countries=["Pakistan"], start="2025-01-01", event_types=["attack"], reliabilities=["B"])
    for name, frame in ds.tables().items():
        pd.testing.assert_frame_equal(frame, before[name])


@pytest.mark.parametrize(
    ("kwargs", "text"),
    [
        ({}, "no filters"),
        (
            {"countries": ["Pakistan"], "groups": ["TTP"], "start": "2025-01-01", "event_types": ["attack"]},
            "country: Pakistan; group: TTP; dates: 2025-01-01 to …; type: attack",
        ),
        ({"end": "2025-12-31"}, "dates: … to 2025-12-31"),
        ({"start": "2025-01-01", "end": "2025-12-31"}, "dates: 2025-01-01 to 2025-12-31"),  # one part, not two
        ({"reliabilities": ["A", "B"], "countries": ["India"]}, "country: India; reliability: A, B"),
    ],
)
def test_selection_describes_itself_for_captions(kwargs, text):
    assert Selection.make(**kwargs).describe() == text


def test_period_end_follows_precision():
    events = tiny().events
    assert list(period_end(events).dt.strftime("%Y-%m-%d").fillna("")) == [
        "2025-03-01",
        "2025-04-24",
        "2025-03-11",
        "2024-06-30",
        "",
    ]


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
        (
            {"countries": ["Pakistan"], "groups": ["TTP", "IS-K"]},
            "http://h:8501/?country=Pakistan&group=TTP&group=IS-K",
        ),
        (
            {"countries": ["Sri Lanka"], "start": "2025-01-01", "event_types": ["attack"]},
            "http://h:8501/?country=Sri+Lanka&type=attack&from=2025-01-01",
        ),
        (
            {"end": "2025-12-31", "reliabilities": ["A", "B"]},
            "http://h:8501/?reliability=A&reliability=B&to=2025-12-31",
        ),
    ],
)
def test_permalink_uses_the_url_scheme(kwargs, url):
    assert Selection.make(**kwargs).permalink("http://h:8501") == url


# --- Selection as a value -----------------------------------------------------------------------------------


def test_selection_is_a_frozen_mapping_keyed_by_url_name():
    s = Selection({"country": ["Pakistan"], "from": "2025-01-01"})
    assert dict(s) == {"country": ("Pakistan",), "from": pd.Timestamp("2025-01-01")}
    assert "country" in s and "group" not in s
    assert s["group"] == () and s["to"] is None  # unset filters read as their empty value
    assert s.countries == ("Pakistan",) and s.start == pd.Timestamp("2025-01-01")  # the arg names still read
    assert (
        s
        == Selection.make(countries=["Pakistan"], start="2025-01-01")
        == Selection(countries=("Pakistan",), start="2025-01-01")
    )
    assert hash(s) == hash(Selection.make(countries=("Pakistan",), start=pd.Timestamp("2025-01-01")))
    assert pickle.loads(pickle.dumps(s)) == s
    assert Selection({"country": [], "to": None}) == Selection() and Selection().is_empty
    with pytest.raises(AttributeError):
        s.countries = ()  # type: ignore[misc]


@pytest.mark.parametrize(("values", "kwargs"), [({"place": ["x"]}, {}), ({}, {"text": "train"})])
def test_an_unknown_filter_is_refused_by_name(values, kwargs):
    with pytest.raises(TypeError, match="unknown filter 'place'|unknown filter 'text'"):
        Selection(values, **kwargs)


# --- Conventions every registered filter keeps ----------------------------------------------------------------

SAMPLE = {"Choice": ["Sample value"], "Date": "2025-06-30"}


def sample(f) -> object:
    return SAMPLE[type(f.widget).__name__]


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: f.key)
def test_every_filter_declares_its_names_and_semantics(f):
    assert re.fullmatch(r"[a-z][a-z_]*", f.key) and f.arg.isidentifier()
    assert f.label and f.noun and f.cli_help and len(f.doc) > 40
    assert set(f.masks) <= set(TABLES_FILTERED) and f.masks
    selection = Selection({f.key: sample(f)})
    assert Selection.make(**{f.arg: sample(f)}) == selection
    assert Selection(selection.query_params()) == selection  # the URL round-trips
    text = selection.describe()
    assert text != "no filters" and ("Sample value" in text or "2025-06-30" in text)


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: f.key)
def test_every_filter_is_an_export_option(f):
    parser = argparse.ArgumentParser()
    export.configure(parser)
    value = "2025-06-30" if isinstance(f.widget, Date) else (f.widget.cli_choices or ("Sample value",))[0]
    args = parser.parse_args(["--chart", "timeline", "-o", "x.png", f.cli_option, value])
    assert Selection.from_args(args) == Selection({f.key: value})


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: f.key)
def test_every_filter_names_exported_files(f):
    name = export_filename("timeline", Selection({f.key: sample(f)}), "png", dt.date(2026, 11, 27))
    value = "2025-06-30" if isinstance(f.widget, Date) else "Sample-value"
    assert name == f"timeline_{f.key}-{value}_2026-11-27.png"


def test_exported_file_names_list_choices_then_the_period():
    selection = Selection.make(end="2025-12-31", reliabilities=["A", "B"], countries=["Sri Lanka"])
    name = export_filename("timeline", selection, "png", dt.date(2026, 11, 27))
    assert name == "timeline_country-Sri-Lanka_reliability-A+B_to-2025-12-31_2026-11-27.png"


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: f.key)
def test_every_filter_is_documented_in_the_readme(f):
    readme = README.read_text(encoding="utf-8")
    table = readme.split("### Filters and shareable URLs", 1)[1].split("\n### ", 1)[0]
    assert re.search(rf"^\| [^|]*`{f.key}`", table, re.MULTILINE), f"no row for `{f.key}`"
    export = readme.split("### Export", 1)[1].split("\n### ", 1)[0]
    assert f"`{f.cli_option}`" in export, f"the export section does not list {f.cli_option}"


def test_the_caption_names_how_filters_combine():
    assert caption() == (
        "Countries and groups combine with OR; dates, types, source reliability and data quality narrow further. "
        "The URL keeps the view."
    )


def test_export_cli_refuses_an_unknown_grade_in_one_line(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--chart", "timeline", "--reliability", "Z", "-o", str(tmp_path / "x.csv")])
    assert exit_info.value.code == 2
    assert "argument --reliability: invalid choice: 'Z'" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.integration
def test_export_cli_applies_the_reliability_filter(bundled_data, tmp_path, capsys):
    out = tmp_path / "threats.csv"
    assert main(["export", "--chart", "threat-matrix", "--reliability", "B", "-o", str(out)]) == 0
    assert "reliability: B" in capsys.readouterr().out and out.stat().st_size > 0
    assert main(["export", "--chart", "threat-matrix", "--reliability", "A", "-o", str(tmp_path / "a.csv")]) == 2
    assert "nothing to show under these filters" in capsys.readouterr().err


# --- The sidebar, driven by the registry (AppTest) ------------------------------------------------------------


@pytest.mark.integration
def test_every_filter_has_its_sidebar_widget(bundled_data, run_app):
    at = run_app()
    assert not at.exception
    for f in FILTERS:
        widget = at.date_input(key=f.key) if isinstance(f.widget, Date) else at.multiselect(key=f.key)
        assert widget.label == f.label, f.key
    assert [c.value for c in at.sidebar.caption] == [caption()]
    assert not at.sidebar.button  # nothing to clear


# (URL, the widget's value, the caption's part): one case per filter, so a new filter needs its own
URL_CASES = [
    ("country", "Pakistan", ["Pakistan"], "country: Pakistan"),
    ("group", "TTP", ["TTP"], "group: TTP"),
    ("from", "2025-01-01", pd.Timestamp("2025-01-01").date(), "dates: 2025-01-01 to …"),
    ("to", "2025-12-31", pd.Timestamp("2025-12-31").date(), "dates: … to 2025-12-31"),
    ("type", "attack", ["attack"], "type: attack"),
    ("reliability", ["A", "B"], ["A", "B"], "reliability: A, B"),
    ("quality", "best>high", ["best>high"], "quality: best>high"),
]


def test_every_filter_has_a_url_case():
    assert [key for key, *_ in URL_CASES] == [f.key for f in FILTERS]


@pytest.mark.integration
@pytest.mark.parametrize(("key", "url_value", "value", "part"), URL_CASES)
def test_each_filter_reads_the_url_and_offers_clear(bundled_data, run_app, key, url_value, value, part):
    at = run_app({key: url_value})
    assert not at.exception
    widget = at.date_input(key=key) if isinstance(BY_KEY[key].widget, Date) else at.multiselect(key=key)
    assert widget.value == value
    assert [b.label for b in at.sidebar.button] == ["Clear filters"]
    assert any(part in c.value.replace("\\", "") for c in at.caption)


@pytest.mark.integration
def test_reliability_filter_narrows_the_overview(bundled_data, run_app):
    """The bundled brief's one source is graded B: B keeps its claims; A leaves nothing, imported or curated."""
    counts = {grade: {m.label: m.value for m in run_app({"reliability": grade}).metric} for grade in ("B", "A")}
    assert counts["B"]["Claims"] == "19" and counts["B"]["Sources"] == "1"
    assert counts["A"] == {"Sources": "0", "Claims": "0", "Actors": "0", "Events": "0"}
