"""Claim search: folding, terms, matching, highlight ranges and the claims-page filters."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier import claims, search
from dossier.search import ClaimQuery, SearchIndex

TEXTS = pd.Series(
    [
        "Pakistan focuses on the TTP rather than IS-K.",
        "Both countries recognise IS–K as a threat.",  # en dash
        "Talks in Peshāwar with the Café owner’s union.",
        "Nothing relevant here.",
        "STRAßE and Łódź are spelled with letters that do not decompose.",
    ],
    dtype="str",
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("IS-K", "is-k"),
        ("Peshāwar", "peshawar"),
        ("CAFÉ", "cafe"),
        ("owner’s", "owner's"),
        ("“quoted”", '"quoted"'),
        ("IS–K", "is-k"),
        ("Straße", "strasse"),
        ("Łódź", "lodz"),
        ("ﬁnance", "finance"),
        ("x\u0301y", "xy"),  # a combining accent on its own
    ],
)
def test_fold(text, folded):
    assert search.fold(text) == folded


@settings(deadline=None)  # timings vary on a shared machine; the property is what matters
@given(st.text(alphabet=st.characters(codec="utf-8", categories=("L", "M", "N", "P", "Zs")), max_size=40))
def test_column_fold_matches_the_python_fold(text):
    """The index (pyarrow) and the query and highlights (Python) must fold alike, or matches go missing."""
    assert search.fold_array(pd.Series([text], dtype="str")).to_pylist() == [search.fold(text)]


@settings(deadline=None)
@given(
    st.text(alphabet="ab.*+?()[]{}|^$\\- é", min_size=1, max_size=6),
    st.lists(st.text(alphabet="ab.*+?()[]{}|^$\\- é", max_size=12), min_size=1, max_size=5),
)
def test_terms_are_matched_literally(term, texts):
    """Regex metacharacters in a query are plain characters."""
    found = search._contains(pa.array(texts, type=pa.large_string()), term)
    assert list(found) == [term in t for t in texts]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ()),
        ("   ", ()),
        ("IS-K", ("is-k",)),
        ("Pakistan  TTP", ("pakistan", "ttp")),
        ('"rather than"  TTP', ("rather than", "ttp")),
        ("“rather  than”", ("rather than",)),  # typographic quotes make a phrase too
        ('ttp TTP "ttp"', ("ttp",)),
        ('"unbalanced', ("unbalanced",)),
    ],
)
def test_terms(query, expected):
    assert search.terms(query) == expected


@pytest.mark.parametrize(
    ("query", "rows"),
    [
        ("is-k", [0, 1]),  # case, and the en dash in row 1
        ("IS-K", [0, 1]),
        ("peshawar", [2]),  # accent in the text
        ("PESHĀWAR", [2]),  # accent in the query
        ("cafe owner's", [2]),  # several words, typographic apostrophe
        ("owner's café", [2]),  # any order
        ("pakistan threat", []),  # every word must appear in the same claim
        ('"than IS-K"', [0]),
        ('"IS-K rather"', []),  # a phrase keeps its order
        ("strasse lodz", [4]),
        ("zzz", []),  # no match
        ("", [0, 1, 2, 3, 4]),  # no query: everything
    ],
)
def test_index_matches(query, rows):
    index = SearchIndex.build(TEXTS)
    assert list(TEXTS.index[index.matches(query, TEXTS.index)]) == rows


def test_index_matches_a_subset_by_label():
    texts = pd.Series(list(TEXTS), index=[10, 11, 12, 13, 14], dtype="str")
    index = SearchIndex.build(texts)
    assert list(index.matches("is-k", pd.Index([14, 11, 10]))) == [False, True, True]
    with pytest.raises(KeyError):
        index.matches("is-k", pd.Index([99]))


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("Pakistan and IS-K and is-k", "IS-K", ["IS-K", "is-k"]),
        ("Talks in Peshāwar", "peshawar", ["Peshāwar"]),
        ("Café x\u0301y", "x", ["x\u0301"]),  # the accent stays with its letter
        ("Die Straße", "strasse", ["Straße"]),
        ("Die Straße", "ss", ["ß"]),  # part of a letter that folds to two marks the whole letter
        ("rather than IS-K", "rather than", ["rather", "than"]),
        ("rather than IS-K", '"rather than"', ["rather than"]),
        ("aaaa", "aa", ["aaaa"]),  # overlapping occurrences merge
        ("IS-K", "is-k is", ["IS-K"]),  # nested terms merge
        ("nothing", "zzz", []),
        ("anything", "", []),
    ],
)
def test_highlights(text, query, expected):
    assert [text[a:b] for a, b in search.highlights(text, query)] == expected


def claims_frame() -> tuple[pd.DataFrame, pd.DataFrame]:
    table = pd.DataFrame(
        {
            "claim_id": ["c1", "c2", "c3", "c4"],
            "kind": ["judgment", "reported_fact", "judgment", "forecast"],
            "grade": ["B3", "B2", "C3", "B3"],
            "source_id": ["s1", "s1", "s2", "s2"],
            "text": ["IS-K threat", "TTP attack", "IS-K and TTP", "Talks will follow"],
        },
        index=[0, 2, 5, 7],  # labels of a filtered view
    ).astype({"claim_id": "str", "text": "str"})
    links = pd.DataFrame({"claim_id": ["c1", "c2", "c3", "c3"], "actor_id": ["IS-K", "TTP", "IS-K", "TTP"]})
    return table, links


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (ClaimQuery(), ["c1", "c2", "c3", "c4"]),
        (ClaimQuery(text="is-k"), ["c1", "c3"]),
        (ClaimQuery(kinds=("judgment",)), ["c1", "c3"]),
        (ClaimQuery(grades=("B3",)), ["c1", "c4"]),
        (ClaimQuery(sources=("s2",)), ["c3", "c4"]),
        (ClaimQuery(actors=("TTP",)), ["c2", "c3"]),
        (ClaimQuery(text="ttp", kinds=("judgment",), actors=("IS-K",)), ["c3"]),
        (ClaimQuery(text="ttp", grades=("B3",)), []),
    ],
)
def test_find_combines_search_and_filters(query, expected):
    table, links = claims_frame()
    full_texts = pd.Series(["IS-K threat", "x", "TTP attack", "x", "x", "IS-K and TTP", "x", "Talks will follow"])
    index = SearchIndex.build(full_texts.astype("str"))
    assert list(search.find(table, index, query, links)["claim_id"]) == expected


def test_query_from_labels_maps_labels_to_ids_and_drops_unknown_ones():
    choices = {
        "kind": {"reported fact": "reported_fact", "judgment": "judgment"},
        "grade": {"B2": "B2"},
        "source": {"Brief (foreignpolicy.com)": "src-1"},
        "actor": {"Islamic State-Khorasan": "IS-K"},
    }
    picked = {"kind": ["reported fact", "bogus"], "source": ["Brief (foreignpolicy.com)"], "actor": []}
    query = ClaimQuery.from_labels("  IS-K ", choices, picked)
    assert (query.kinds, query.grades, query.sources, query.actors) == (("reported_fact",), (), ("src-1",), ())
    assert query.describe() == "“IS-K”; kind: reported fact; source: Brief (foreignpolicy.com)"


def test_options_and_claim_table_on_the_bundled_data(bundled_data):
    from dossier import load_dataset

    ds = load_dataset()
    choices = search.options(ds)
    assert list(choices["kind"]) == ["reported fact", "judgment", "forecast"]
    assert list(choices["grade"]) == ["B2", "B3"]
    assert choices["source"] == {
        "U.S.-Pakistan counterterrorism cooperation (brief) (foreignpolicy.com)": "src-a5dc40561693"
    }
    assert choices["actor"]["Islamic State-Khorasan"] == "IS-K"

    view = ds.filter(groups=["TTP"])
    table = search.claim_table(view, ds, claims.citations(ds))
    assert list(table.index) == list(view.claims.index)  # labels kept for the search index
    row = table.set_index("claim_id").loc["src-a5dc40561693-07"]
    assert row["grade"] == "B3" and row["kind_label"] == "judgment"
    assert sorted(row["actors"]) == [
        "Islamic State-Khorasan",
        "Pakistan",
        "Tehreek-e-Taliban Pakistan",
        "United States",
    ]
    assert "Matrix: Pakistan sees Tehreek-e-Taliban Pakistan as a primary threat" in row["cited_by"]


def test_grading_scales_cover_both_admiralty_scales():
    reliability, credibility = claims.grading_scales()
    assert list(reliability["Code"]) == list("ABCDEF")
    assert list(credibility["Code"]) == list("123456")
