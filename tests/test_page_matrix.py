"""AppTest of the matrix page: its three views, the cell picker and the empty states."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from dossier.ui.panels import DYAD_TABLE

pytestmark = pytest.mark.integration

PAGE = "pages/matrix.py"


def figure(at: AppTest, index: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def quotes(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("> ")]


def test_threat_view_shows_levels_and_the_divergence(bundled_data, run_app):
    at = run_app(page=PAGE)
    assert not at.exception
    assert at.segmented_control(key="view").value == "Threat perceptions"
    fig = figure(at)
    cells = next(t for t in fig["data"] if t.get("customdata"))
    shown = dict(zip(map(tuple, cells["customdata"]), cells["text"]))
    assert shown[("USA", "IS-K")] == "primary"
    assert shown[("PAK", "IS-K")] == "recognised"
    assert shown[("USA", "TTP")] == "not stated"
    assert shown[("PAK", "BLA")].startswith("high")
    assert fig["layout"]["meta"]["source_line"] == "Sources: foreignpolicy.com brief"
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 1
    assert "Islamic State\\-Khorasan" in warnings[0] and "primary" in warnings[0] and "recognised" in warnings[0]
    assert quotes(at) == []  # nothing picked yet


def test_picking_pakistan_ttp_quotes_its_claims(bundled_data, run_app):
    at = run_app({"group": "TTP"}, page=PAGE)
    picker = at.selectbox(key="threat-chart-pick")
    assert picker.options == ["Pakistan × Tehreek-e-Taliban Pakistan: primary"]
    picker.set_value("PAK|TTP").run()
    assert not at.exception
    assert any("rather than IS\\-K" in q for q in quotes(at))
    assert any("Outside the current filters, United States states no view of" in c.value for c in at.caption)


def test_picking_a_not_stated_cell_says_so(bundled_data, run_app):
    at = run_app(page=PAGE)
    at.selectbox(key="threat-chart-pick").set_value("USA|BLA").run()
    assert any("absence of evidence, not a low rating" in i.value for i in at.info)
    assert quotes(at) == []


def test_country_filter_keeps_the_hidden_side_of_a_divergence(bundled_data, run_app):
    at = run_app({"country": "Pakistan"}, page=PAGE)
    rows = {tuple(c)[0] for c in next(t for t in figure(at)["data"] if t.get("customdata"))["customdata"]}
    assert rows == {"PAK"}
    assert any("outside the current filters" in w.value for w in at.warning)


def test_relations_view_from_the_url_and_a_tie_with_its_claims(bundled_data, run_app):
    at = run_app({"view": "Relations"}, page=PAGE)
    assert at.segmented_control(key="view").value == "Relations"
    assert figure(at)["layout"]["title"]["text"].startswith("Relations between actors")
    at.selectbox(key="relation-chart-pick").set_value("USA|PAK").run()
    headings = [h.value for h in at.subheader]
    assert any("cooperation" in h for h in headings) and any("support" in h for h in headings)
    assert any("considerable reduction in U\\.S\\. support" in q for q in quotes(at))


def test_dyad_view_counts_curated_events(bundled_data, run_app):
    at = run_app({"view": "Event dyads"}, page=PAGE)
    assert not at.exception
    assert [e.label for e in at.expander] == ["Every dyad as a table (9 dyads)"]
    assert not at.dataframe  # closed: the table is not sent until it is opened
    at.session_state[DYAD_TABLE] = True
    at.run()
    table = at.dataframe[0].value
    assert len(table) == 9
    top = table.iloc[0]
    assert (top["side_a"], top["side_b"], top["events"]) == ("Balochistan Liberation Army", "Pakistan", 2)
    at.segmented_control(key="measure").set_value("fatalities").run()
    assert any("None of these events reports a fatality figure" in i.value for i in at.info)


@pytest.mark.parametrize(
    ("query", "what"),
    [
        ({"group": "IMF"}, "threat assessments"),
        ({"group": "IMF", "view": "Event dyads", "type": "statement"}, "event dyads"),
        ({"country": "Afghanistan", "view": "Relations"}, "relations"),
    ],
)
def test_empty_selection_explains_itself(bundled_data, run_app, query, what):
    at = run_app(query, page=PAGE)
    assert not at.exception
    assert any(f"No {what} match the current filters" in i.value for i in at.info)
    assert at.get("plotly_chart") == []


def test_date_range_explains_how_assessments_are_dated(bundled_data, run_app):
    at = run_app({"from": "2025-06-01"}, page=PAGE)
    assert not at.exception
    assert any("dated by their sources' publication dates" in c.value for c in at.caption)
    assert at.get("plotly_chart")  # the brief's source is undated, so its assessments stay
