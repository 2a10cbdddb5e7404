"""AppTest of the claims page: table, URL-bound search and filters, selection panel, hostile text."""

from __future__ import annotations

import html
import re

import pytest
from xss_data import IMG, add_hostile_claim

pytestmark = pytest.mark.integration

PAGE = "pages/claims.py"
HOSTILE = IMG


def table_ids(at) -> list[str]:
    return list(at.dataframe[0].value["claim_id"])


def test_every_claim_is_listed_with_its_grade_actors_and_citations(bundled_data, run_app):
    at = run_app(page=PAGE)
    assert not at.exception
    table = at.dataframe[0].value.set_index("claim_id")
    assert len(table) == 19
    row = table.loc["src-a5dc40561693-07"]
    assert row["grade"] == "B3" and row["kind_label"] == "judgment"
    assert row["grade_meaning"] == "Source usually reliable; information possibly true"
    assert "Tehreek-e-Taliban Pakistan" in list(row["actors"])
    assert "Matrix: Pakistan sees Tehreek-e-Taliban Pakistan as a primary threat" in list(row["cited_by"])
    assert row["source"] == "U.S.-Pakistan counterterrorism cooperation (brief) — foreignpolicy.com"
    assert any("Admiralty" in c.value for c in at.caption)  # the scales are explained


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "IS-K"}, ["03", "07", "08", "18"]),
        ({"q": "pakistÁn TTP"}, ["07"]),  # case and accents ignored, every word must appear
        ({"q": "trump's"}, ["03", "17"]),  # the text has a typographic apostrophe
        ({"kind": "forecast"}, ["13"]),
        ({"q": "IS-K", "kind": "reported fact"}, ["03"]),
        ({"actor": "Balochistan Liberation Army"}, ["09", "10"]),
        ({"grade": "B2"}, ["03", "10", "12", "14"]),
        ({"country": "Sri Lanka", "q": "IMF"}, ["02", "14"]),  # on top of the shared filters
    ],
)
def test_search_and_filters_from_the_url(bundled_data, run_app, query, expected):
    at = run_app(query, page=PAGE)
    assert not at.exception
    assert table_ids(at) == [f"src-a5dc40561693-{n}" for n in expected]


def test_matches_are_highlighted_before_a_row_is_selected(bundled_data, run_app):
    at = run_app({"q": "is-k pakistan"}, page=PAGE)
    previews = [h.proto.body for h in at.get("html")]
    assert len(previews) == 2
    assert "IS-K</mark>" in previews[0] and "Pakistan</mark>" in previews[0]


def test_no_match_says_so(bundled_data, run_app):
    at = run_app({"q": "zzzz"}, page=PAGE)
    assert table_ids(at) == []
    assert any("No claim matches this search" in i.value for i in at.info)


def test_selecting_a_row_shows_the_claim_in_context_with_a_link_to_the_reader(bundled_data, run_app):
    at = run_app({"q": "IS-K"}, page=PAGE)
    at.session_state[at.dataframe[0].key] = {"selection": {"rows": [1], "columns": [], "cells": []}}
    at.run()
    assert not at.exception
    assert any(m.value.startswith("**src\\-a5dc40561693\\-07** · judgment · grade **B3**") for m in at.markdown)
    context = at.get("html")[0].proto.body
    assert context.startswith('<div class="dossier-document"')
    assert "The cooperation gained from Sharifullah’s apprehension" in context  # the sentence before
    assert "IS-K</mark>" in context
    links = [(p.proto.page, p.proto.query_string) for p in at.get("page_link")]
    assert ("sources", "claim=src-a5dc40561693-07") in links


def test_hostile_claim_text_is_shown_as_text(data_copy, run_app):
    claim_id = add_hostile_claim(data_copy)
    at = run_app({"q": "onerror"}, page=PAGE)
    assert not at.exception
    assert table_ids(at) == [claim_id]
    at.session_state[at.dataframe[0].key] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    bodies = [h.proto.body for h in at.get("html")]
    assert bodies and all("<img" not in b for b in bodies)
    assert any(HOSTILE in html.unescape(re.sub(r"<[^>]+>", "", b)) for b in bodies)  # visible, as text
    citation = next(c.value for c in at.caption if "Hostile" in c.value)  # the source title, Markdown-escaped
    assert "Hostile \\<img src=x onerror=alert\\(1\\)\\> \\*\\*title\\*\\*" in citation
