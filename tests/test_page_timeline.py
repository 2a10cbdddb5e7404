"""AppTest of the timeline page on the bundled data."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.integration

PAGE = "pages/timeline.py"
PAKISTAN_DATED = {"trump-address-2025-03", "sharifullah-capture", "bla-train-seizure"}
ALL_DATED = PAKISTAN_DATED | {"us-afghanistan-withdrawal", "vance-india-visit"}


def figure(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def drawn_event_ids(at: AppTest) -> set[str]:
    return {c for trace in figure(at)["data"] if trace.get("customdata") for c in trace["customdata"]}


def test_timeline_draws_every_dated_event(bundled_data, run_app):
    at = run_app(page=PAGE)
    assert not at.exception
    assert drawn_event_ids(at) == ALL_DATED
    assert at.button_group(key="lanes").value == "Actor"
    assert set(at.selectbox(key="timeline-event").options) == {
        "30 Aug 2021 · U.S. withdrawal from Afghanistan",
        "2025 · Capture of IS-K militant Mohammad Sharifullah with Pakistan's assistance",
        "4 Mar 2025 · President Trump's address mentions Pakistan's help in capturing an IS-K militant",
        "11 Mar 2025 · BLA militants seize a train",
        "21 Apr 2025 – 24 Apr 2025 · U.S. Vice President J.D. Vance visits India",
    }


def test_country_filter_from_the_url_keeps_only_its_events(bundled_data, run_app):
    at = run_app({"country": "Pakistan"}, page=PAGE)
    assert not at.exception
    assert drawn_event_ids(at) == PAKISTAN_DATED
    assert figure(at)["layout"]["title"]["subtitle"]["text"] == "country: Pakistan"
    undated = [e.label for e in at.expander]
    assert undated == [
        "Considerable reduction in U\\.S\\. support to Pakistan · 1 claim",
        "Pakistani officials express optimism about increased collaboration · 1 claim",
        "Recent attacks in Pakistan by groups like the BLA · 2 claims",
    ]


@pytest.mark.parametrize(
    ("lanes", "first_lane"), [("Actor", "Pakistan"), ("Country", "Pakistan"), ("Event type", "address")]
)
def test_lanes_come_from_the_url(bundled_data, run_app, lanes, first_lane):
    at = run_app({"country": "Pakistan", "lanes": lanes}, page=PAGE)
    assert at.button_group(key="lanes").value == lanes
    names = [a["text"] for a in figure(at)["layout"]["annotations"] if a["text"].startswith("<b>")]
    assert names[0] == f"<b>{first_lane}</b>"


def test_picking_an_event_shows_its_claims_verbatim_and_its_date_basis(bundled_data, run_app):
    at = run_app({"country": "Pakistan"}, page=PAGE)
    at.selectbox(key="timeline-event").set_value("bla-train-seizure").run()
    assert not at.exception
    panel = at.get("flex_container")
    details = next(c for c in panel if c.proto.flex_container is not None and "timeline-details" in str(c.proto))
    text = [m.value for m in details.markdown]
    assert text[0] == "**BLA militants seize a train**"
    assert "> The incident where BLA militants seized a train highlighted the urgency" in text[1].replace("\\", "")
    captions = [c.value.replace("\\", "") for c in details.caption]
    assert captions[0].startswith("11 Mar 2025 (to the day) · Type: attack")
    assert captions[1].startswith("✎ Date supplied by the analyst: Public record: the Jaffar Express was seized")
    assert any("(B2)" in c for c in captions)


def test_empty_result_offers_to_clear(bundled_data, run_app):
    at = run_app({"country": "Pakistan", "type": "visit"}, page=PAGE)
    assert not at.exception
    assert any("No events match" in i.value for i in at.info)
    assert at.button(key="clear-events").label == "Clear filters"
    assert not at.get("plotly_chart")
