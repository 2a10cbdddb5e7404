"""The claim concept: grades, kinds, and the citation index whose links open the page and view that show a record."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest
from test_page_matrix import PAGE as MATRIX_PAGE
from test_timeline import dataset, event

from dossier.claims import admiralty, admiralty_meaning, citations, citations_of, grading_scales, kind_label
from dossier.registry import PAGES
from dossier.views.navigation import MATRIX_VIEWS, VIEW_PARAM, where_shown

URL_PATHS = {p.url_path for p in PAGES}


@pytest.mark.parametrize(
    ("reliability", "credibility", "grade", "meaning"),
    [
        ("B", 2, "B2", "Source usually reliable; information probably true"),
        ("F", 6, "F6", "Source reliability cannot be judged; information truth cannot be judged"),
    ],
)
def test_admiralty_grade_and_its_meaning(reliability, credibility, grade, meaning):
    assert admiralty(reliability, credibility) == grade
    assert admiralty_meaning(reliability, credibility) == meaning


def test_grading_scales_list_every_code():
    reliability, credibility = grading_scales()
    assert reliability["Code"].tolist() == list("ABCDEF")
    assert credibility["Code"].tolist() == [str(c) for c in range(1, 7)]


@pytest.mark.parametrize(("kind", "label"), [("reported_fact", "reported fact"), ("judgment", "judgment")])
def test_kind_label(kind, label):
    assert kind_label(kind) == label


@pytest.mark.parametrize("kind", ["event", "assessment", "relation", "dyad"])
def test_every_record_is_shown_on_a_registered_page(kind):
    page, query = where_shown(kind)
    assert page in PAGES
    if kind != "event":
        assert dict(query) == {VIEW_PARAM: next(v.label for v in MATRIX_VIEWS if v.shows == kind)}


def cited_dataset():
    ds = dataset([event("e1", "2025-03-01")], evidence=[("e1", "c1")])
    assessments = pd.DataFrame(
        {
            "assessment_id": ["a1", "a2"],
            "perceiver": ["PAK", "USA"],
            "threat": ["BLA", "BLA"],
            "level": ["high", "not_stated"],
            "trend": ["", ""],
            "claim_ids": [["c1", "c2"], ["c2"]],
            "note": ["", ""],
        }
    )
    relations = pd.DataFrame(
        {
            "relation_id": ["r1", "r2"],
            "actor_a": ["USA", "PAK"],
            "actor_b": ["PAK", "BLA"],
            "kind": ["cooperation", "conflict"],
            "directed": [True, False],
            "qualifier": ["aid", ""],
            "claim_ids": [["c2"], []],
            "note": ["", ""],
        }
    )

    return replace(ds, assessments=assessments, relations=relations)


@pytest.mark.parametrize(
    ("claim_id", "expected"),
    [
        (
            "c1",
            [
                ("event", "e1", "Event: Title e1", "timeline", ()),
                (
                    "assessment",
                    "a1",
                    "Matrix: Pakistan sees Balochistan Liberation Army as a high threat",
                    "matrix",
                    (("view", "Threat perceptions"),),
                ),
            ],
        ),
        (
            "c2",
            [
                (
                    "assessment",
                    "a1",
                    "Matrix: Pakistan sees Balochistan Liberation Army as a high threat",
                    "matrix",
                    (("view", "Threat perceptions"),),
                ),
                (
                    "assessment",
                    "a2",
                    "Matrix: United States on Balochistan Liberation Army, level not stated",
                    "matrix",
                    (("view", "Threat perceptions"),),
                ),
                (
                    "relation",
                    "r1",
                    "Relation: United States → Pakistan, cooperation (aid)",
                    "matrix",
                    (("view", "Relations"),),
                ),
            ],
        ),
        ("c9", []),
    ],
)
def test_citation_index_links_each_citing_record_to_its_page_and_view(claim_id, expected):
    found = citations_of(citations(cited_dataset()), claim_id)
    assert [(c.kind, c.ref_id, c.label, c.page, c.query) for c in found] == expected
    assert {c.page for c in found} <= URL_PATHS


def test_matrix_page_offers_the_declared_views(bundled_data, run_app):
    at = run_app(page=MATRIX_PAGE)
    assert at.segmented_control(key=VIEW_PARAM).options == [v.label for v in MATRIX_VIEWS]
