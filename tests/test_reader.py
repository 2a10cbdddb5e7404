"""The source reader: span segmentation, escaped highlighting, context, citations and URL resolution."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from dossier import reader
from dossier.claims import citations, citations_of, lists_by
from dossier.reader import MATCH, Segment, Span

HOSTILE = "<img src=x onerror=alert(1)> **bold** [x](javascript:alert(2)) <script>alert(3)</script> & :red[x] $x$"


def pieces(text: str, spans: list[Span]) -> list[tuple[str, tuple[str, ...]]]:
    return [(text[s.start : s.end], s.keys) for s in reader.segment(len(text), spans)]


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([], [("abcdefghij", ())]),
        ([Span(0, 10, "a")], [("abcdefghij", ("a",))]),  # whole document
        ([Span(2, 5, "a")], [("ab", ()), ("cde", ("a",)), ("fghij", ())]),
        ([Span(0, 3, "a"), Span(3, 6, "b")], [("abc", ("a",)), ("def", ("b",)), ("ghij", ())]),  # adjacent
        (
            [Span(0, 5, "a"), Span(3, 8, "b")],  # overlapping
            [("abc", ("a",)), ("de", ("a", "b")), ("fgh", ("b",)), ("ij", ())],
        ),
        ([Span(0, 10, "a"), Span(4, 6, "b")], [("abcd", ("a",)), ("ef", ("a", "b")), ("ghij", ("a",))]),  # nested
        ([Span(2, 5, "a"), Span(2, 5, "b")], [("ab", ()), ("cde", ("a", "b")), ("fghij", ())]),  # identical
        ([Span(-3, 2, "a"), Span(8, 20, "b")], [("ab", ("a",)), ("cdefgh", ()), ("ij", ("b",))]),  # clipped
        ([Span(4, 4, "empty"), Span(7, 5, "reversed")], [("abcdefghij", ())]),
    ],
)
def test_segment(spans, expected):
    assert pieces("abcdefghij", spans) == expected


def test_segment_covers_the_text_exactly_once():
    spans = [Span(s, e, f"k{i}") for i, (s, e) in enumerate([(0, 4), (2, 9), (9, 12), (3, 3), (11, 30)])]
    result = reader.segment(20, spans)
    assert result[0].start == 0 and result[-1].end == 20
    assert all(a.end == b.start for a, b in zip(result, result[1:]))
    assert Segment(11, 12, ("k2", "k4")) in result


def test_segment_of_an_empty_document():
    assert reader.segment(0, [Span(0, 3, "a")]) == []


def claims(*rows: tuple[str, int, int, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["claim_id", "start", "end", "kind"])


def visible_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_highlight_keeps_the_text_verbatim_and_marks_each_claim():
    text = "First claim. Second claim.\nThird."
    frame = claims(("c1", 0, 12, "reported_fact"), ("c2", 13, 26, "forecast"))
    markup = reader.highlight_html(text, frame, focus="c2")
    assert visible_text(markup) == text
    assert markup.count('class="dossier-claim"') == 2
    assert 'data-claims="c1" title="c1 · reported fact"' in markup
    assert markup.count(f'id="{reader.FOCUS_ID}"') == 1
    assert re.search(rf'id="{reader.FOCUS_ID}" data-claims="c2"[^>]*>Second claim\.<', markup)
    assert reader.KIND_COLOURS["forecast"][1] in markup


def test_overlapping_claims_share_a_piece_and_the_focus_anchor_is_on_the_first():
    text = "aaaa bbbb cccc"
    frame = claims(("outer", 0, 14, "judgment"), ("inner", 5, 9, "forecast"))
    markup = reader.highlight_html(text, frame, focus="inner")
    assert visible_text(markup) == text
    assert 'data-claims="outer inner"' in markup
    assert markup.count(f'id="{reader.FOCUS_ID}"') == 1
    assert reader.KIND_COLOURS["forecast"][1] in markup  # the innermost claim colours the overlap


@pytest.mark.parametrize("where", ["document", "claim id", "search match"])
def test_hostile_text_is_escaped_everywhere(where):
    text = f"Before. {HOSTILE} After."
    claim_id = HOSTILE if where == "claim id" else "c1"
    frame = claims((claim_id, 8, 8 + len(HOSTILE), "judgment"))
    matches = [(8, 20)] if where == "search match" else []
    markup = reader.highlight_html(text, frame, focus=claim_id, matches=matches)
    assert "<img" not in markup and "<script" not in markup
    assert "&lt;img src=x" in markup and "&lt;script&gt;alert(3)&lt;/script&gt;" in markup
    assert visible_text(markup) == text


def test_claim_ids_in_attributes_cannot_break_out():
    frame = claims(('" onmouseover="alert(1)', 0, 4, "judgment"))
    markup = reader.highlight_html("text", frame)
    assert 'onmouseover="' not in markup
    assert "&quot; onmouseover=&quot;alert(1)" in markup


def test_search_matches_are_marked_inside_claims():
    text = "We see IS-K here."
    markup = reader.highlight_html(text, claims(("c1", 0, 17, "judgment")), matches=[(7, 11)])
    assert "IS-K</mark>" in markup and visible_text(markup) == text
    assert MATCH not in markup


def test_scroll_script_carries_no_data():
    script = reader.scroll_script(HOSTILE)
    assert "alert" not in script and "<img" not in script
    assert reader.scroll_script("a") != reader.scroll_script("b")  # a new claim runs it again
    assert script.count("<script>") == 1 and reader.FOCUS_ID in script


DOCUMENT = "One is first. Two is second. Three is the claim. Four follows. Five ends."


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (0, "Three is the claim."),
        (1, "Two is second. Three is the claim. Four follows."),
        (2, "One is first. Two is second. Three is the claim. Four follows. Five ends."),
        (9, DOCUMENT),
    ],
)
def test_context_bounds(sentences, expected):
    start = DOCUMENT.index("Three")
    left, right = reader.context_bounds(DOCUMENT, start, start + len("Three is the claim."), sentences)
    assert DOCUMENT[left:right] == expected


def test_context_html_marks_the_claim_and_elides_the_rest():
    start = DOCUMENT.index("Three")
    claim = pd.Series({"claim_id": "c3", "start": start, "end": start + 19, "kind": "judgment", "grade": "B3"})
    markup = reader.context_html(DOCUMENT, claim, matches=[(13, 18)])
    assert visible_text(markup) == "… Two is second. Three is the claim. Four follows. …"
    assert "claim</mark>" in markup and 'title="c3 · judgment · B3"' in markup


def test_citations_and_resolution_on_the_bundled_data(bundled_data):
    from dossier import load_dataset
    from dossier.claims import with_source

    ds = load_dataset()
    citing = citations(ds)
    cited = {(c.kind, c.ref_id, c.page, c.query) for c in citations_of(citing, "src-a5dc40561693-07")}
    assert cited == {
        ("assessment", "usa-isk", "matrix", (("view", "Threat perceptions"),)),
        ("assessment", "pak-ttp", "matrix", (("view", "Threat perceptions"),)),
    }
    assert {c.kind for c in citations_of(citing, "src-a5dc40561693-03")} == {"event", "relation"}
    assert citations_of(citing, "src-a5dc40561693-19") == []

    graded = with_source(ds.claims, ds.sources)
    listed = reader.source_list(ds.sources, ds.claims)
    assert listed.loc[0, "claims"] == 19 and listed.loc[0, "reliability_label"] == "B · Usually reliable"
    opened = reader.resolve(graded, ds.sources, listed, claim_id="src-a5dc40561693-07")
    assert opened.focus["claim_id"] == "src-a5dc40561693-07" and len(opened.claims) == 19 and not opened.problem
    assert reader.resolve(graded, ds.sources, listed).focus is None
    missing = reader.resolve(graded, ds.sources, listed, claim_id="nope", source_id="also-nope")
    assert missing.source["source_id"] == "src-a5dc40561693"  # falls back to the first listed source
    assert missing.problem == "There is no source also-nope in this dataset."
    assert reader.resolve(graded, ds.sources, listed.iloc[0:0], claim_id="nope").source is None


def test_provenance_line_says_what_is_unknown():
    source = pd.Series(
        {"publisher": "example.org", "reliability": "C", "published": pd.NaT, "accessed": pd.Timestamp("2025-01-02"),
         "licence": "", "path": "sources/x.txt", "sha256": "0123456789abcdef"}
    )  # fmt: skip
    line = reader.provenance_line(source)
    assert line == (
        "example.org · reliability C (Fairly reliable) · publication date not stated · accessed 2025-01-02 · "
        "licence not recorded · sources/x.txt, SHA-256 0123456789ab…"
    )


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [("b", {"selection": {"rows": [1], "columns": []}}), ("zzz", None), (None, None)],
)
def test_row_selection_ticks_the_open_row(chosen, expected):
    assert reader.row_selection(pd.Series(["a", "b", "c"]), chosen) == expected


@pytest.mark.parametrize(
    ("ids", "keys", "values", "expected"),
    [
        (["a", "b", "c"], ["b", "a", "b", "z"], ["1", "2", "3", "4"], [["2"], ["1", "3"], []]),
        (["a"], [], [], [[]]),
        ([], ["a"], ["1"], []),
    ],
)
def test_lists_by_groups_values_in_order(ids, keys, values, expected):
    assert lists_by(pd.Series(ids, dtype="str"), pd.Series(keys, dtype="str"), pd.Series(values)) == expected
