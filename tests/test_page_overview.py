"""AppTest of the frame and the overview page."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.integration


def metric_values(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_overview_counts_the_whole_dataset(bundled_data, run_app):
    at = run_app()
    assert not at.exception
    assert metric_values(at) == {"Sources": "1", "Claims": "19", "Actors": "13", "Events": "9"}


def test_overview_applies_filters_from_the_url(bundled_data, run_app):
    at = run_app({"country": "Pakistan"})
    assert not at.exception
    assert at.multiselect(key="country").value == ["Pakistan"]
    assert metric_values(at)["Events"] == "6"
    assert any("country: Pakistan" in c.value.replace("\\", "") for c in at.caption)


def test_overview_shows_key_judgments_verbatim(bundled_data, run_app):
    at = run_app()
    quotes = [m.value for m in at.markdown if m.value.startswith("> ")]
    assert any("rather than IS\\-K" in q for q in quotes)


def test_empty_result_offers_to_clear(bundled_data, run_app):
    at = run_app({"country": "Pakistan", "from": "1990-01-01", "to": "1990-12-31", "type": "visit"})
    assert metric_values(at)["Events"] == "0"
    assert any("No events match" in i.value for i in at.info)
    # Clicking it is checked in the browser: AppTest keeps URL-bound values across reruns.
    assert at.button(key="clear-events").label == "Clear filters"


def test_broken_dataset_shows_one_line_error(data_copy, run_app):
    (data_copy / "claims.csv").write_text("claim_id\n")
    at = run_app()
    assert not at.exception
    assert len(at.error) == 1
    assert "claims.csv: missing column(s)" in at.error[0].value
