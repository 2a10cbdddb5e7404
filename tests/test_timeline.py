"""Timeline data prep and figure builders, on small inline frames."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from dossier import Dataset
from dossier.analysis import chronology
from dossier.analysis.evidence import event_evidence
from dossier.charts import timeline as charts
from dossier.filters import Selection
from dossier.views import event_text
from dossier.views.clicks import selected_event_ids

SOURCE = "Alpha says Pakistan attacked. Beta visited."
EVENT_COLUMNS = ["event_id", "title", "event_type", "date_start", "date_end", "date_precision", "date_basis",
                 "date_note", "country", "fatalities", "origin"]  # fmt: skip


def event(event_id, start="", end="", precision="day", basis="source", note="", **extra):
    row = dict(zip(EVENT_COLUMNS, [event_id, f"Title {event_id}", "attack", start, end, precision, basis, note,
                                   "Pakistan", np.nan, "curated"]))  # fmt: skip
    return row | extra


def dataset(events: list[dict], links: list[tuple[str, str]] = (), evidence: list[tuple[str, str]] = ()) -> Dataset:
    frame = pd.DataFrame(events, columns=EVENT_COLUMNS)
    for column in ("date_start", "date_end"):
        frame[column] = pd.to_datetime(frame[column].replace("", None)).astype("datetime64[s]")
    frame["fatalities"] = frame["fatalities"].astype("float64")
    actors = pd.DataFrame(
        {"actor_id": ["PAK", "BLA", "USA"], "name": ["Pakistan", "Balochistan Liberation Army", "United States"],
         "kind": ["state", "armed_group", "state"], "country": ["Pakistan", "Pakistan", "United States"],
         "iso3": ["PAK", "PAK", "USA"], "aliases": [[], [], []]}
    )  # fmt: skip
    sources = pd.DataFrame(
        {"source_id": ["s1"], "title": ["A brief"], "publisher": ["example.org"], "url": [""],
         "published": [pd.NaT], "accessed": [pd.NaT], "licence": [""], "reliability": ["B"],
         "reliability_basis": [""], "path": ["s1.txt"], "sha256": [""], "version_of": [""], "text": [SOURCE]}
    )  # fmt: skip
    claims = pd.DataFrame(
        {"claim_id": ["c1", "c2"], "source_id": ["s1", "s1"], "start": [0, 30], "end": [29, 43],
         "kind": ["reported_fact", "reported_fact"], "credibility": [2, 3], "key_judgment": [False, False],
         "kind_rule": ["", ""], "text": [SOURCE[0:29], SOURCE[30:43]]}
    )  # fmt: skip
    return Dataset(
        sources=sources, claims=claims, actors=actors, events=frame,
        event_actors=pd.DataFrame(list(links), columns=["event_id", "actor_id"]).assign(role="subject"),
        event_claims=pd.DataFrame(list(evidence), columns=["event_id", "claim_id"]),
        claim_actors=pd.DataFrame(columns=["claim_id", "actor_id"]),
        assessments=pd.DataFrame(columns=["assessment_id", "perceiver", "threat", "level", "trend", "claim_ids",
                                          "note"]),
        relations=pd.DataFrame(columns=["relation_id", "actor_a", "actor_b", "kind", "directed", "qualifier",
                                        "claim_ids", "note"]),
    )  # fmt: skip


def imported(n: int, first: str, last: str, seed: int = 1, precision: str = "day") -> list[dict]:
    """``n`` UCDP-style events spread evenly at random between two dates."""
    rng = np.random.default_rng(seed)
    days = pd.date_range(first, last, freq="D")
    picked = days[rng.integers(0, len(days), n)]
    types = rng.choice(["Battles", "Protests", "Riots"], n)
    return [
        event(f"u{i}", d.strftime("%Y-%m-%d"), precision=precision, origin="ucdp", event_type=t,
              fatalities=float(i % 5), country=["Pakistan", "India"][i % 2])
        for i, (d, t) in enumerate(zip(picked, types))
    ]  # fmt: skip


@pytest.fixture
def small() -> Dataset:
    return dataset(
        [
            event("attack", "2025-03-11", basis="analyst", note="Public record."),
            event("visit", "2025-04-21", "2025-04-24", event_type="visit", country="India"),
            event("capture", "2025-01-01", precision="year", basis="analyst", note="Only the year.", country=""),
            event("talks", "2024-06-01", precision="month", event_type="meeting"),
            event("undated", precision="unknown", note="The brief gives no date."),
        ],
        links=[("attack", "PAK"), ("attack", "BLA"), ("visit", "USA"), ("capture", "PAK"), ("undated", "BLA")],
        evidence=[("attack", "c2"), ("attack", "c1"), ("undated", "c1")],
    )


# --- lanes, shapes, dates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lanes", "expected"),
    [
        ("actor", {("attack", "Pakistan"), ("attack", "Balochistan Liberation Army"), ("visit", "United States"),
                   ("capture", "Pakistan"), ("talks", "No actor recorded")}),
        ("country", {("attack", "Pakistan"), ("visit", "India"), ("capture", "No country recorded"),
                     ("talks", "Pakistan")}),
        ("type", {("attack", "attack"), ("visit", "visit"), ("capture", "attack"), ("talks", "meeting")}),
    ],
)  # fmt: skip
def test_lanes_place_each_event_in_each_of_its_lanes(small, lanes, expected):
    placed = chronology.placed(small, lanes)
    assert set(zip(placed["event_id"], placed["lane"])) == expected


def test_busiest_lane_comes_first_and_catch_all_last(small):
    names = [lane for lane, _, _ in chronology.placed(small, "actor").attrs["lanes"]]
    assert names[0] == "Pakistan"
    assert names[-1] == "No actor recorded"


@pytest.mark.parametrize(
    ("start", "end", "precision", "shape", "x1"),
    [
        ("2025-03-11", "", "day", "point", "2025-03-11"),
        ("2024-06-01", "", "month", "period", "2024-06-30"),
        ("2025-01-01", "", "year", "period", "2025-12-31"),
        ("2025-04-21", "2025-04-24", "day", "duration", "2025-04-24"),
        ("2025-04-21", "2025-04-21", "day", "point", "2025-04-21"),
        ("2019-01-01", "2019-12-31", "year", "period", "2019-12-31"),  # UCDP: bounds of an imprecise date
        ("2019-03-01", "2019-05-31", "month", "period", "2019-05-31"),
    ],
)
def test_precision_decides_the_shape_and_its_extent(start, end, precision, shape, x1):
    placed = chronology.placed(dataset([event("e", start, end, precision)]), "type")
    assert placed.loc[0, "shape"] == shape
    assert placed.loc[0, "x0"] == pd.Timestamp(start)
    assert placed.loc[0, "x1"] == pd.Timestamp(x1)


@pytest.mark.parametrize(
    ("start", "end", "precision", "text"),
    [
        ("2025-03-04", None, "day", "4 Mar 2025"),
        ("2024-06-01", None, "month", "Jun 2024"),
        ("2025-01-01", None, "year", "2025"),
        ("2025-04-21", "2025-04-24", "day", "21 Apr 2025 – 24 Apr 2025"),
        ("2019-01-01", "2019-12-31", "year", "2019"),
        ("2019-03-01", "2019-05-31", "month", "Mar 2019 – May 2019"),
        (None, None, "unknown", "undated"),
    ],
)
def test_date_text_says_no_more_than_the_precision(start, end, precision, text):
    as_ts = lambda v: pd.Timestamp(v) if v else pd.NaT  # noqa: E731
    assert event_text.date_text(as_ts(start), as_ts(end), precision) == text


@pytest.mark.parametrize(
    ("record", "lines"),
    [
        ({"source_article": "Dawn, 24 Nov 07", "source_office": "Dawn", "where_description": "Swat district"},
         [("Source articles", "Dawn, 24 Nov 07"), ("Where", "Swat district")]),  # the outlet is in the article
        ({"notes": "  On 3 May, <b>militants</b> attacked.  ", "tags": None, "source_article": np.nan},
         [("Notes", "On 3 May, <b>militants</b> attacked.")]),  # verbatim, trimmed; escaping is the page's job
        ({"source_headline": "", "original_id": "7"}, []),
    ],
)  # fmt: skip
def test_an_imported_record_shows_each_field_once(record, lines):
    assert event_text.record_lines(pd.Series(record)) == lines


@pytest.mark.parametrize(
    ("original", "source", "heading"),
    [
        ("55988", "UCDP GED (CC BY 4.0)", "UCDP GED event 55988 (CC BY 4.0)"),
        ("PAK1002", "ACLED (accessed 2025-01-10)", "ACLED event PAK1002 (accessed 2025-01-10)"),
        (None, "UCDP GED (CC BY 4.0)", "UCDP GED (CC BY 4.0)"),
        ("9", "", "Imported event 9"),
    ],
)
def test_an_imported_record_is_named_with_its_terms(original, source, heading):
    assert event_text.record_heading(pd.Series({"original_id": original}), source) == heading


def test_undated_events_are_never_placed(small):
    assert "undated" not in set(chronology.placed(small, "actor")["event_id"])
    assert list(chronology.undated(small)["event_id"]) == ["undated"]


def test_marks_that_overlap_in_one_lane_get_their_own_track():
    lanes = pd.Series(["a", "a", "a", "b"])
    x0 = pd.to_datetime(pd.Series(["2025-01-01", "2025-01-02", "2025-06-01", "2025-01-01"]))
    tracks = chronology.assign_tracks(lanes, x0, x0, pd.Timedelta(days=7))
    assert tracks.tolist() == [0, 1, 0, 0]


def test_tracks_stack_inside_their_lane_without_overlap(small):
    placed = chronology.placed(small, "actor")
    for lane, top, name_y in placed.attrs["lanes"]:
        ys = placed.loc[placed["lane"] == lane, "y"]
        assert (ys > name_y).all() and (ys > top).all()
    assert placed.groupby(["lane", "track"])["y"].nunique().eq(1).all()


# --- figure: detailed view ---------------------------------------------------------------------


def marks(fig) -> list:
    return [t for t in fig.data if t.customdata is not None]


def test_every_mark_carries_its_event_id(small):
    fig = charts.detail_figure(small, "actor")
    ids = {c for t in marks(fig) for c in t.customdata}
    assert ids == {"attack", "visit", "capture", "talks"}


def test_analyst_dates_are_hollow_and_hatched_and_the_legend_says_so(small):
    fig = charts.detail_figure(small, "type")
    points = [t for t in marks(fig) if t.type == "scatter"]
    fills = {e: c for t in points for e, c in zip(t.customdata, np.atleast_1d(t.marker.color))}
    assert fills["attack"] == charts.HOLLOW  # analyst-supplied
    assert fills["visit"] != charts.HOLLOW  # stated in the source
    bars = [t for t in marks(fig) if t.type == "bar"]
    patterns = {e: p for t in bars for e, p in zip(t.customdata, t.marker.pattern.shape)}
    assert patterns == {"capture": charts.ANALYST_PATTERN, "visit": "", "talks": ""}
    legend = {t.name for t in fig.data if t.legendgroup == "guide"}
    assert "Hollow: date supplied by the analyst" in legend
    assert "Hatched bar: dates supplied by the analyst" in legend


def test_legend_explains_only_the_marks_drawn():
    fig = charts.detail_figure(dataset([event("e", "2025-01-05")]), "type")
    assert {t.name for t in fig.data if t.legendgroup == "guide"} == {"Filled: date stated in a source"}
    assert [t.name for t in fig.data if t.legendgroup == "types" and t.showlegend is not False] == ["attack"]


def test_periods_are_pale_and_durations_solid(small):
    bars = [t for t in marks(charts.detail_figure(small, "type")) if t.type == "bar"]
    alpha = {e: float(c.rsplit(",", 1)[1].rstrip(")")) for t in bars for e, c in zip(t.customdata, t.marker.color)}
    assert alpha["capture"] == alpha["talks"] == charts.PERIOD_ALPHA
    assert alpha["visit"] == charts.DURATION_ALPHA


def test_year_bar_spans_the_whole_year(small):
    bar = next(t for t in marks(charts.detail_figure(small, "type")) if "capture" in t.customdata)
    i = list(bar.customdata).index("capture")
    end = pd.Timestamp(bar.base[i]) + pd.Timedelta(milliseconds=bar.x[i])
    assert (bar.base[i], end) == ("2025-01-01", pd.Timestamp("2026-01-01"))


def test_figure_has_title_filter_line_axes_and_sources(small):
    view = small.apply(Selection.make(countries=["Pakistan"]))
    fig = charts.detail_figure(view, "actor", full=small)
    assert fig.layout.title.text == "Events over time"
    assert fig.layout.title.subtitle.text == "country: Pakistan"
    assert fig.layout.meta["source_line"] == "Sources: example.org brief"
    assert fig.layout.xaxis.title.text.startswith("Date")
    assert "1 undated event not drawn" in fig.layout.xaxis.title.text
    assert fig.layout.yaxis.title.text == "Lanes: actor"


def test_hover_escapes_html_from_data():
    ds = dataset([event("e", "2025-01-05", title="<img src=x onerror=alert(1)>")])
    hover = marks(charts.detail_figure(ds, "type"))[0].hovertext[0]
    assert "<img" not in hover and "&lt;img" in hover


def test_filter_and_source_lines_are_escaped():
    ds = dataset([event("e", "2025-01-05", country="<b>X</b>")], evidence=[("e", "c1")])
    ds = Dataset(**{**ds.tables(), "sources": ds.sources.assign(publisher="<i>Evil</i> & Co")})
    fig = charts.detail_figure(ds.apply(Selection.make(countries=["<b>X</b>"])), "type", full=ds)
    assert fig.layout.title.subtitle.text == "country: &lt;b&gt;X&lt;/b&gt;"
    assert fig.layout.annotations[-1].text == "Sources: &lt;i&gt;Evil&lt;/i&gt; &amp; Co brief"


def test_type_keeps_its_colour_whatever_the_filter():
    order = ["address", "attack", "visit"]
    assert charts.style_for("visit", order) == charts.style_for("visit", order)
    assert charts.style_for("visit", order) != charts.style_for("attack", order)


# --- aggregated view ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "first", "aggregated"),
    [
        (chronology.DETAIL_LIMIT, "1960-01-01", False),  # many, spread thin: each drawn
        (chronology.DETAIL_LIMIT + 1, "1960-01-01", True),  # too many
        (300, "2020-01-01", True),  # few, but crowded into one month per lane
    ],
)
def test_switches_to_aggregation_when_too_many_or_too_crowded(n, first, aggregated):
    ds = dataset(imported(n, first, "2020-01-31"))
    fig = charts.timeline_figure(ds, "type")
    assert chronology.should_aggregate(ds, "type") is aggregated
    assert (fig.layout.barmode == "stack") is aggregated
    assert any(t.name == "Battles" and t.type == "bar" and t.orientation != "h" for t in fig.data) is aggregated
    if not aggregated:
        assert chronology.placed(ds, "type").attrs["rows"] <= chronology.MAX_ROWS


@pytest.mark.parametrize(
    ("first", "last", "bucket"),
    [
        ("2025-01-01", "2025-03-31", "day"),
        ("2025-01-01", "2025-06-30", "day"),
        ("2025-01-01", "2025-08-31", "week"),
        ("2022-01-01", "2025-06-30", "week"),
        ("2015-01-01", "2025-12-31", "month"),
        ("1989-01-01", "2025-12-31", "month"),
        ("1900-01-01", "2025-12-31", "year"),
    ],
)
def test_bucket_follows_the_span(first, last, bucket):
    assert chronology.choose_bucket(pd.Timestamp(first), pd.Timestamp(last)).name == bucket


@pytest.mark.parametrize(("bucket", "freq"), [("day", "D"), ("week", "W-SUN"), ("month", "MS"), ("year", "YS")])
@pytest.mark.parametrize("measure", ["events", "fatalities"])
def test_counts_match_a_pandas_resample(bucket, freq, measure):
    ds = dataset(imported(3_000, "2019-12-20", "2021-02-10", seed=3))
    agg = chronology.aggregate(ds, "type", measure, next(b for b in chronology.BUCKETS if b.name == bucket))
    events = ds.events.assign(n=1.0)
    value = "n" if measure == "events" else "fatalities"
    expected = events.pivot_table(index="date_start", columns="event_type", values=value, aggfunc="sum")
    expected = expected.resample(freq).sum()
    if bucket == "week":
        expected.index = expected.index - pd.Timedelta(days=6)  # pandas labels a W-SUN week by its Sunday
    got = agg.table[expected.columns]
    assert got.index.equals(pd.DatetimeIndex(expected.index))
    assert np.allclose(got.to_numpy(), expected.fillna(0).to_numpy())


def test_weeks_start_on_monday():
    agg = chronology.aggregate(dataset(imported(50, "2025-01-01", "2025-03-01")), "type", bucket=chronology.BUCKETS[1])
    assert set(agg.table.index.day_of_week) == {0}


def test_events_less_precise_than_the_bucket_are_left_out_and_counted():
    events = imported(20, "2024-01-01", "2024-02-28") + [
        event("m", "2024-02-01", precision="month", origin="ucdp"),
        event("y", "2024-01-01", precision="year", origin="ucdp"),
        event("u", precision="unknown", origin="ucdp"),
    ]
    agg = chronology.aggregate(dataset(events), "type", bucket=chronology.BUCKETS[0])
    assert (agg.counted, agg.too_coarse, agg.undated) == (20, 2, 1)
    assert agg.table.to_numpy().sum() == 20
    monthly = chronology.aggregate(dataset(events), "type", bucket=chronology.BUCKETS[2])
    assert (monthly.counted, monthly.too_coarse) == (21, 1)


def test_top_series_and_the_rest_as_other():
    types = [f"type{i:02d}" for i in range(12)]
    events = [event(f"e{i}", "2024-01-05", event_type=types[i % 12], origin="acled") for i in range(1_200)]
    agg = chronology.aggregate(dataset(events), "type")
    assert list(agg.table.columns)[-1] == "Other types"
    assert len(agg.table.columns) == chronology.TOP_SERIES + 1
    assert agg.table.to_numpy().sum() == 1_200  # stacked: every event counted once


def test_actor_series_overlap_so_they_are_lines_not_stacks():
    events = imported(1_200, "2024-01-01", "2024-12-31")
    links = [(e["event_id"], "PAK") for e in events] + [(e["event_id"], "BLA") for e in events[::2]]
    ds = dataset(events, links=links)
    agg = chronology.aggregate(ds, "actor")
    assert not agg.stacked
    assert agg.table.sum().to_dict() == {"Pakistan": 1_200, "Balochistan Liberation Army": 600}
    fig = charts.timeline_figure(ds, "actor")
    assert {t.type for t in fig.data if t.legendgroup == "series"} == {"scatter"}


def test_curated_events_overlay_as_labelled_markers_that_open_their_claims(small):
    ds = dataset(imported(1_500, "2024-01-01", "2025-12-31") + list(small.events.to_dict("records")))
    fig = charts.timeline_figure(ds, "type")
    key = next(t for t in fig.data if t.name == "Key events")
    assert set(key.customdata) == {"attack", "visit", "capture", "talks"}
    assert all(text for text in key.text)
    assert any("Key event" in (t.name or "") for t in fig.data if t.legendgroup == "guide")


def test_key_event_labels_on_one_level_do_not_overlap():
    events = [event(f"k{i}", f"2024-{m:02d}-01") for i, m in enumerate(range(1, 13))]
    key = chronology.key_events(dataset(events), label_share=0.3)
    width = (key["x1"].max() - key["x0"].min()) * 0.3
    for _, level in key.groupby("level"):
        lo = level["x"].where(level["side"] == "right", level["x"] - width)
        spans = sorted(zip(lo, lo + width))
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_a_million_events_send_few_points_and_little_json():
    n = 1_000_000
    rng = np.random.default_rng(5)
    start = pd.Timestamp("1989-01-01")
    dates = (start + pd.to_timedelta(rng.integers(0, 13_500, n), unit="D")).astype("datetime64[s]")
    frame = pd.DataFrame({
        "event_id": pd.array([f"e{i}" for i in range(n)], dtype="str"), "title": "Armed clash",
        "event_type": pd.Categorical(rng.choice(list("ABCDEFGHIJK"), n)), "date_start": dates, "date_end": dates,
        "date_precision": "day", "date_basis": "source", "date_note": "", "country": "Pakistan",
        "fatalities": rng.poisson(2, n).astype("float64"), "origin": "ucdp",
    })  # fmt: skip
    base = dataset([event("k", "2020-05-01")])
    ds = Dataset(**{**base.tables(), "events": pd.concat([base.events, frame], ignore_index=True)})
    fig = charts.timeline_figure(ds, "type", "fatalities")
    assert charts.point_count(fig) <= chronology.MAX_POINTS
    assert len(fig.to_json()) < 1_000_000
    assert fig.layout.title.text == "Fatalities per month, stacked by event type"


# --- selection and evidence --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "ids"),
    [
        (None, []),
        ({"selection": {"points": []}}, []),
        ({"selection": {"points": [{"customdata": "a"}, {"customdata": ["b", 1]}, {"customdata": "a"}]}}, ["a", "b"]),
        ({"selection": {"points": [{"x": 1}]}}, []),
    ],
)
def test_selected_event_ids_reads_customdata(state, ids):
    assert selected_event_ids(state) == ids


def test_evidence_lists_claims_verbatim_in_link_order(small):
    found = event_evidence(small, ["attack", "visit"])
    assert found["visit"].empty
    claims = found["attack"]
    assert list(claims["claim_id"]) == ["c2", "c1"]
    assert list(claims["text"]) == [SOURCE[30:43], SOURCE[0:29]]
    assert list(claims["grade"]) == ["B3", "B2"]


def test_facts_show_the_date_basis(small):
    found = event_text.facts(small, ["undated", "attack"])
    assert list(found.index) == ["undated", "attack"]
    attack = found.loc["attack"]
    assert attack["basis_text"] == "Date supplied by the analyst: Public record."
    assert attack["actors"] == "Pakistan, Balochistan Liberation Army"
    assert event_text.fact_line(attack) == [
        "11 Mar 2025 (to the day)",
        "Type: attack",
        "Actors: Pakistan, Balochistan Liberation Army",
        "Country: Pakistan",
    ]
    assert found.loc["undated", "basis_text"] == "No date: The brief gives no date."


def test_figure_json_round_trips_customdata(small):
    spec = json.loads(charts.detail_figure(small, "country").to_json())
    ids = {c for t in spec["data"] if t.get("customdata") for c in t["customdata"]}
    assert ids == {"attack", "visit", "capture", "talks"}
