"""Matrix data and figures: threat levels, divergences, relation edges, event dyads."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from dossier.analysis import dyads, evidence, naming, perceptions, ties
from dossier.charts import matrix as charts
from dossier.filters import Selection
from dossier.schema import THREAT_LEVELS
from dossier.views import clicks, matrix_text

ACTORS = pd.DataFrame(
    {
        "actor_id": ["USA", "PAK", "IND", "IS-K", "TTP", "BLA", "jd-vance"],
        "name": [
            "United States",
            "Pakistan",
            "India",
            "Islamic State-Khorasan",
            "Tehreek-e-Taliban Pakistan",
            "Balochistan Liberation Army",
            "J.D. Vance",
        ],
        "kind": ["state", "state", "state", "armed_group", "armed_group", "armed_group", "person"],
    }
)
NAMES = naming.actor_names(ACTORS)


def assessments(*rows: tuple) -> pd.DataFrame:
    """Rows of (perceiver, threat, level[, claim_ids[, trend]])."""
    records = []
    for i, row in enumerate(rows):
        perceiver, threat, level = row[:3]
        records.append(
            {
                "assessment_id": f"a{i}",
                "perceiver": perceiver,
                "threat": threat,
                "level": level,
                "trend": row[4] if len(row) > 4 else "",
                "claim_ids": list(row[3]) if len(row) > 3 else [f"c{i}"],
                "note": "",
            }
        )
    return pd.DataFrame(
        records, columns=["assessment_id", "perceiver", "threat", "level", "trend", "claim_ids", "note"]
    )


BRIEF = assessments(
    ("USA", "IS-K", "primary", ["c7", "c8"]),
    ("PAK", "TTP", "primary", ["c7", "c18"]),
    ("PAK", "IS-K", "recognised", ["c8"]),
    ("PAK", "BLA", "high", ["c9"], "escalating"),
)


# --- Levels and colours -------------------------------------------------------------------------------------------


def test_levels_are_ordered_most_serious_first():
    assert list(perceptions.LEVEL_RANK) == list(THREAT_LEVELS)
    assert [perceptions.LEVEL_RANK[level] for level in THREAT_LEVELS] == [0, 1, 2, 3, 4]
    assert perceptions.LEVEL_RANK["primary"] < perceptions.LEVEL_RANK["high"] < perceptions.LEVEL_RANK["low"]


@pytest.mark.parametrize(
    ("level", "label"),
    [("primary", "primary"), ("recognised", "recognised"), ("low", "low"), ("not_stated", "not stated")],
)
def test_level_labels(level, label):
    assert matrix_text.level_label(level) == label


def _luminance(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.299 * red + 0.587 * green + 0.114 * blue


def test_level_colours_get_lighter_as_the_threat_lessens():
    assert list(charts.LEVEL_COLOURS) == list(THREAT_LEVELS)
    stated = [charts.LEVEL_COLOURS[level] for level in THREAT_LEVELS if level != "not_stated"]
    assert [_luminance(c) for c in stated] == sorted(_luminance(c) for c in stated)
    assert len(set(charts.LEVEL_COLOURS.values())) == len(THREAT_LEVELS)


def test_heatmap_colours_each_cell_by_its_level_and_outlines_not_stated():
    cells = perceptions.threat_cells(BRIEF, ACTORS)
    fig = charts.threat_heatmap(cells, NAMES, pd.DataFrame(columns=["claim_id", "text", "grade"]), set(), "f", "s")
    heat = fig.data[0]
    scale = heat.colorscale
    for rank, level in enumerate(THREAT_LEVELS):
        position = (rank - heat.zmin) / (heat.zmax - heat.zmin)
        colour = next(c for stop, c in reversed(scale) if stop <= position)
        assert colour == charts.LEVEL_COLOURS[level]
    z = pd.DataFrame(heat.z, index=heat.y, columns=heat.x)
    assert z.loc["USA", "TTP"] == perceptions.LEVEL_RANK["not_stated"]
    assert z.loc["PAK", "BLA"] == perceptions.LEVEL_RANK["high"]
    dotted = [s for s in fig.layout.shapes if s.line.dash == "dot"]
    assert len(dotted) == 2  # USA × TTP and USA × BLA: no stated view
    legend = [t.name for t in fig.data if t.showlegend is not False and t.x == (None,)]
    assert legend == ["primary", "high", "recognised", "low", "not stated"]


# --- Threat cells and divergence ----------------------------------------------------------------------------------


def test_threat_cells_fill_missing_pairs_with_not_stated():
    cells = perceptions.threat_cells(BRIEF, ACTORS)
    assert list(dict.fromkeys(cells["perceiver"])) == ["USA", "PAK"]
    assert list(dict.fromkeys(cells["threat"])) == ["IS-K", "TTP", "BLA"]  # primary twice, primary once, high
    table = cells.set_index(["perceiver", "threat"])
    assert table.loc[("USA", "TTP"), "level"] == "not_stated"
    assert not table.loc[("USA", "TTP"), "stated"]
    assert table.loc[("USA", "TTP"), "claim_ids"] == []
    assert table.loc[("PAK", "BLA"), "trend"] == "escalating"
    assert table.loc[("PAK", "TTP"), "claim_ids"] == ["c7", "c18"]


def test_two_assessments_of_one_pair_merge_keeping_all_claims():
    cells = perceptions.threat_cells(
        assessments(("PAK", "TTP", "high", ["c1"]), ("PAK", "TTP", "primary", ["c2"])), ACTORS
    )
    assert len(cells) == 1
    assert cells.iloc[0]["level"] == "primary"
    assert cells.iloc[0]["claim_ids"] == ["c2", "c1"]
    assert cells.iloc[0]["assessment_ids"] == ["a1", "a0"]


def test_no_assessments_give_no_cells():
    assert perceptions.threat_cells(assessments(), ACTORS).empty


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ((("USA", "IS-K", "primary"), ("PAK", "IS-K", "recognised")), [("IS-K", "USA", "primary", "PAK", 2)]),
        ((("PAK", "IS-K", "recognised"), ("USA", "IS-K", "primary")), [("IS-K", "USA", "primary", "PAK", 2)]),
        ((("USA", "IS-K", "high"), ("PAK", "IS-K", "high")), []),
        ((("USA", "IS-K", "primary"), ("PAK", "TTP", "primary")), []),  # silence is not disagreement
        ((("USA", "IS-K", "primary"), ("PAK", "IS-K", "not_stated")), []),
        (
            (("USA", "IS-K", "primary"), ("PAK", "IS-K", "recognised"), ("IND", "IS-K", "low")),
            [
                ("IS-K", "USA", "primary", "PAK", 2),
                ("IS-K", "USA", "primary", "IND", 3),
                ("IS-K", "PAK", "recognised", "IND", 1),
            ],
        ),
    ],
)
def test_divergences(rows, expected):
    found = perceptions.divergences(perceptions.threat_cells(assessments(*rows), ACTORS))
    got = list(zip(found["threat"], found["perceiver_a"], found["level_a"], found["perceiver_b"], found["gap"]))
    assert got == expected


def test_divergence_outside_the_view_is_kept_in_context():
    shown = perceptions.threat_cells(BRIEF[BRIEF["perceiver"] == "PAK"], ACTORS)
    found = perceptions.divergences_in_context(shown, BRIEF, ACTORS)
    assert list(zip(found["threat"], found["in_view"])) == [("IS-K", False)]
    assert matrix_text.divergence_notes(found, NAMES) == [
        "Divergence on Islamic State-Khorasan: United States rates it primary, Pakistan recognised "
        "(the other perceiver is outside the current filters)."
    ]
    assert perceptions.silent_elsewhere(shown, BRIEF) == {"USA": ["TTP", "BLA"]}
    full = perceptions.threat_cells(BRIEF, ACTORS)
    found = perceptions.divergences_in_context(full, BRIEF, ACTORS)
    assert found["in_view"].tolist() == [True]
    assert perceptions.divergent_cells(found) == {("USA", "IS-K"), ("PAK", "IS-K")}
    assert perceptions.silent_elsewhere(full, BRIEF) == {}


def test_divergent_cells_are_outlined_and_named_in_the_legend():
    cells = perceptions.threat_cells(BRIEF, ACTORS)
    fig = charts.threat_heatmap(
        cells, NAMES, pd.DataFrame(columns=["claim_id", "text", "grade"]), {("USA", "IS-K"), ("PAK", "IS-K")}, "f", "s"
    )
    outlined = [s for s in fig.layout.shapes if s.line.color == charts.DIVERGENCE_COLOUR]
    assert sorted((s.x0 + s.x1) / 2 for s in outlined) == [0, 0]  # both in the IS-K column
    assert "divergence" in [t.name for t in fig.data]


def test_in_period_keeps_rows_with_evidence_in_range_or_undated():
    sources = pd.DataFrame({"source_id": ["old", "undated"], "published": pd.to_datetime(["2020-01-01", None])})
    claims = pd.DataFrame({"claim_id": ["c1", "c2", "c3"], "source_id": ["old", "undated", "old"]})
    frame = assessments(
        ("USA", "IS-K", "primary", ["c1"]), ("PAK", "TTP", "primary", ["c2"]), ("PAK", "BLA", "high", ["c1", "c3"])
    )
    assert evidence.in_period(frame, claims, sources, Selection()) is frame
    kept = evidence.in_period(frame, claims, sources, Selection.make(start="2021-01-01", end="2022-12-31"))
    assert kept["assessment_id"].tolist() == ["a1"]
    kept = evidence.in_period(frame, claims, sources, Selection.make(start="2019-06-01"))
    assert kept["assessment_id"].tolist() == ["a0", "a1", "a2"]


# --- Relations ----------------------------------------------------------------------------------------------------

RELATIONS = pd.DataFrame(
    {
        "relation_id": ["r1", "r2", "r3", "r4"],
        "actor_a": ["USA", "USA", "BLA", "jd-vance"],
        "actor_b": ["PAK", "PAK", "PAK", "USA"],
        "kind": ["cooperation", "support", "conflict", "affiliation"],
        "directed": [False, True, True, True],
        "qualifier": ["limited", "", "attacks", None],
        "claim_ids": [["c3", "c6"], ["c4"], ["c9"], ["c12"]],
        "note": ["", "", "", ""],
    }
)


def test_directed_ties_run_one_way_and_mutual_ties_both():
    edges = ties.relation_edges(RELATIONS)
    pairs = sorted(zip(edges["source"], edges["target"], edges["kind"]))
    assert pairs == [
        ("BLA", "PAK", "conflict"),
        ("PAK", "USA", "cooperation"),
        ("USA", "PAK", "cooperation"),
        ("USA", "PAK", "support"),
        ("jd-vance", "USA", "affiliation"),
    ]
    assert edges.loc[edges["kind"] == "affiliation", "qualifier"].item() == ""


def test_relation_cells_group_ties_and_order_actors_states_first():
    cells, rows, cols = ties.relation_cells(ties.relation_edges(RELATIONS), ACTORS)
    assert rows == ["PAK", "USA", "BLA", "jd-vance"]  # states by name, then groups, then people
    assert cols == ["PAK", "USA"]
    usa_pak = cells[(cells["source"] == "USA") & (cells["target"] == "PAK")].iloc[0]
    assert usa_pak["kinds"] == ["cooperation", "support"]
    assert usa_pak["directed"] == [False, True]
    assert usa_pak["kind"] == "several"
    assert usa_pak["claim_ids"] == ["c3", "c6", "c4"]
    options = matrix_text.relation_options(cells, NAMES)
    assert options["USA|PAK"] == "United States → Pakistan: cooperation, support"


def test_relations_figure_draws_one_stripe_per_tie_with_direction_glyphs():
    edges = ties.relation_edges(RELATIONS)
    cells, rows, cols = ties.relation_cells(edges, ACTORS)
    fig = charts.relations_matrix(cells, rows, cols, NAMES, "f", "s")
    assert len(fig.layout.shapes) == len(edges)
    glyphs = sorted(a.text for a in fig.layout.annotations if a.text in ("→", "↔"))
    assert glyphs == sorted(["↔", "↔", "→", "→", "→"])
    hit = next(t for t in fig.data if t.customdata is not None)
    assert sorted(map(tuple, hit.customdata)) == sorted(zip(cells["source"], cells["target"]))


# --- Event dyads --------------------------------------------------------------------------------------------------

EVENTS = pd.DataFrame(
    {
        "event_id": ["e1", "e2", "e3", "e5"],
        "fatalities": [10.0, np.nan, 5.0, 0.0],
        "origin": ["ucdp", "curated", "curated", "curated"],
    }
)
LINKS = pd.DataFrame(
    [
        ("e1", "A", "side_a"),
        ("e1", "B", "side_b"),
        ("e2", "A", "subject"),
        ("e2", "B", "object"),
        ("e2", "C", "object"),
        ("e2", "D", "participant"),
        ("e3", "A", "side_a"),
        ("e3", "A", "subject"),
        ("e3", "B", "side_b"),
        ("e4", "A", "side_a"),
        ("e4", "B", "side_b"),  # e4 is not among the events: ignored
        ("e5", "C", "subject"),
        ("e5", "C", "object"),
        ("e5", "A", "object"),  # C × C is no dyad
    ],
    columns=["event_id", "actor_id", "role"],
)
# Counted by hand from the frames above.
EXPECTED = [("A", "B", 3, 15.0, 2), ("A", "C", 1, np.nan, 0), ("C", "A", 1, 0.0, 1)]


def _rows(found: pd.DataFrame) -> list[tuple]:
    return list(found[dyads.DYAD_COLUMNS].itertuples(index=False, name=None))


def _same(got: list[tuple], expected: list[tuple]) -> bool:
    return len(got) == len(expected) and all(
        g[:3] == e[:3] and g[4] == e[4] and (np.isnan(g[3]) if np.isnan(e[3]) else g[3] == e[3])
        for g, e in zip(got, expected)
    )


def test_dyads_counted_by_hand():
    assert _same(_rows(dyads.dyads(EVENTS, LINKS)), EXPECTED)


def test_dyads_on_categorical_and_object_columns():
    categorical = LINKS.astype("category")
    events = EVENTS.assign(event_id=EVENTS["event_id"].astype("category"))
    assert _same(_rows(dyads.dyads(events, categorical)), EXPECTED)
    assert _same(_rows(dyads.dyads(EVENTS.astype({"event_id": object}), LINKS.astype(object))), EXPECTED)


@pytest.mark.parametrize(
    ("events", "links"),
    [
        (EVENTS.iloc[:0], LINKS),
        (EVENTS, LINKS.iloc[:0]),
        (EVENTS, LINKS[LINKS["role"] == "participant"]),
        (EVENTS[EVENTS["event_id"] == "e5"], LINKS[LINKS["actor_id"] == "C"]),  # only a self-pair
    ],
)
def test_no_dyads(events, links):
    found = dyads.dyads(events, links)
    assert found.empty
    assert list(found.columns) == dyads.DYAD_COLUMNS


def test_dyad_grid_keeps_the_busiest_actors():
    found = dyads.dyads(EVENTS, LINKS)
    grid = dyads.dyad_grid(found, "events", top=1)
    assert grid.index.tolist() == ["A"] and grid.columns.tolist() == ["B"]
    assert grid.loc["A", "B"] == 3
    full = dyads.dyad_grid(found, "fatalities")
    assert full.loc["A", "B"] == 15.0 and np.isnan(full.loc["A", "C"]) and full.loc["C", "A"] == 0
    assert np.isnan(full.loc["C", "B"])  # no such dyad
    with pytest.raises(ValueError, match="measure must be one of"):
        dyads.dyad_grid(found, "deaths")


def test_dyad_figure_log_scale_shows_real_numbers():
    grid = dyads.dyad_grid(dyads.dyads(EVENTS, LINKS), "events")
    fig = charts.dyad_heatmap(grid, {"A": "Actor <A>"}, "Events", True, "f", "s")
    heat = fig.data[0]
    assert heat.z[0][0] == pytest.approx(np.log10(4))
    assert heat.text[0][0] == "3"
    assert list(heat.colorbar.ticktext) == ["0", "1", "3"]
    assert "Actor &lt;A&gt;" in fig.layout.yaxis.ticktext[0]


def test_event_sources_are_the_documents_of_the_events_claims():
    sources = pd.DataFrame({"source_id": ["s1", "s2"], "publisher": ["p1", "p2"]})
    claims = pd.DataFrame({"claim_id": ["c1", "c2"], "source_id": ["s1", "s2"]})
    event_claims = pd.DataFrame({"event_id": ["e2", "e9"], "claim_id": ["c1", "c2"]})
    used = evidence.event_sources(EVENTS, event_claims, claims, sources)
    assert used["source_id"].tolist() == ["s1"]


# --- Labels, picks and chart conventions --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actor_id", "name", "label"),
    [
        ("PAK", "Pakistan", "Pakistan"),
        ("TTP", "Tehreek-e-Taliban Pakistan", "TTP"),
        ("IS-K", "Islamic State-Khorasan", "IS-K"),
        ("anura-kumara-dissanayake", "Anura Kumara Dissanayake", "Anura Kumara\nDissanayake"),
        ("x", "International Committee of the Red Cross", "International\nCommittee of…"),
    ],
)
def test_axis_labels(actor_id, name, label):
    assert matrix_text.axis_label(actor_id, name) == label


@pytest.mark.parametrize(
    ("state", "cell"),
    [
        (None, None),
        ({"selection": {"points": []}}, None),
        ({"selection": {"points": [{"customdata": ["PAK", "TTP"]}]}}, ("PAK", "TTP")),
        ({"selection": {"points": [{"x": "TTP"}, {"customdata": ["USA", "IS-K"]}]}}, ("USA", "IS-K")),
        ({"selection": {"points": [{"customdata": [1, 2]}]}}, None),
    ],
)
def test_picked(state, cell):
    assert clicks.picked(state) == cell


def test_every_matrix_figure_has_title_filter_line_and_source_line():
    cells = perceptions.threat_cells(BRIEF, ACTORS)
    claims = pd.DataFrame(
        {"claim_id": ["c7"], "text": ["U.S. and <b>Pakistani</b> interests diverge"], "grade": ["B3"]}
    )
    edges = ties.relation_edges(RELATIONS)
    rel, rows, cols = ties.relation_cells(edges, ACTORS)
    figures = [
        charts.threat_heatmap(cells, NAMES, claims, set(), "group: TTP", "Sources: x brief"),
        charts.relations_matrix(rel, rows, cols, NAMES, "group: TTP", "Sources: x brief"),
        charts.dyad_heatmap(
            dyads.dyad_grid(dyads.dyads(EVENTS, LINKS)), {}, "Events", False, "group: TTP", "Sources: x brief"
        ),
    ]
    for fig in figures:
        assert fig.layout.title.text
        assert fig.layout.title.subtitle.text == "group: TTP"
        assert fig.layout.meta["source_line"] == "Sources: x brief"
        assert any(a.text == "Sources: x brief" for a in fig.layout.annotations)
        json.loads(fig.to_json())
    hover = " ".join(figures[0].data[1].hovertext)
    assert "&lt;b&gt;Pakistani&lt;/b&gt;" in hover and "<b>Pakistani</b>" not in hover


# --- What the page opens for a clicked cell -----------------------------------------------------------------------

GRADED = pd.DataFrame({"claim_id": ["c3", "c4", "c6", "c7", "c8"], "text": ["t3", "t4", "t6", "t7", "t8"]})


@pytest.mark.parametrize(
    ("key", "heading", "stated", "claims"),
    [
        ("USA|IS-K", "United States on Islamic State-Khorasan: primary", True, ["c7", "c8"]),
        ("USA|TTP", "United States on Tehreek-e-Taliban Pakistan: not stated", False, []),
    ],
)
def test_a_clicked_threat_cell_opens_with_its_claims(key, heading, stated, claims):
    cell = perceptions.cell_at(perceptions.threat_cells(BRIEF, ACTORS), key, GRADED)
    assert matrix_text.cell_heading(cell, NAMES) == heading
    assert cell.stated is stated
    assert cell.claims["claim_id"].tolist() == claims  # claims the graded table lacks are skipped
    assert ("absence of evidence" in matrix_text.not_stated_note(cell, NAMES)) is True


@pytest.mark.parametrize(
    ("key", "headings", "claims"),
    [
        (
            "USA|PAK",
            ["United States ↔ Pakistan: cooperation (limited)", "United States → Pakistan: support"],
            [["c3", "c6"], ["c4"]],
        ),
        ("PAK|USA", ["Pakistan ↔ United States: cooperation (limited)"], [["c3", "c6"]]),
        ("PAK|BLA", [], []),
    ],
)
def test_a_clicked_relations_cell_opens_each_tie(key, headings, claims):
    found = ties.ties_at(ties.relation_edges(RELATIONS), key, GRADED)
    assert [matrix_text.tie_heading(t, NAMES) for t in found] == headings
    assert [t.claims["claim_id"].tolist() for t in found] == claims


@pytest.mark.parametrize(
    ("top", "note"), [(12, ""), (1, "The matrix shows the 1 busiest of 2 side-A and 1 of 3 side-B")]
)
def test_grid_coverage_says_when_actors_are_left_out(top, note):
    found = dyads.dyads(EVENTS, LINKS)
    text = matrix_text.grid_coverage(dyads.dyad_grid(found, top=top).shape, found)
    assert text.startswith(note) and bool(text) is bool(note)
