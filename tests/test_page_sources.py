"""AppTest of the sources page: source list, highlighted reader, ?claim= and ?source=, hostile text."""

from __future__ import annotations

import re

import pytest
from xss_data import IMG as HOSTILE
from xss_data import add_hostile_claim

pytestmark = pytest.mark.integration

PAGE = "pages/sources.py"
CLAIM = "src-a5dc40561693-07"


def document(at) -> str:
    return next(h.proto.body for h in at.get("html") if 'class="dossier-document"' in h.proto.body)


def test_source_list_and_reader_without_parameters(bundled_data, run_app):
    at = run_app(page=PAGE)
    assert not at.exception
    listed = at.dataframe[0].value
    assert list(listed["publisher"]) == ["foreignpolicy.com"] and list(listed["claims"]) == [19]
    assert list(listed["reliability_label"]) == ["B · Usually reliable"]
    assert at.header[0].value == "U\\.S\\.\\-Pakistan counterterrorism cooperation \\(brief\\)"
    assert any("publication date not stated · accessed 2026\\-11\\-27" in c.value for c in at.caption)
    body = document(at)
    assert len(set(re.findall(r'data-claims="([^"]+)"', body))) == 19
    assert "dossier-focus" not in body
    assert len(at.dataframe[1].value) == 19  # the claims in this source


def test_opening_a_claim_emphasises_its_span_and_lists_what_cites_it(bundled_data, run_app):
    at = run_app({"claim": CLAIM}, page=PAGE)
    assert not at.exception
    body = document(at)
    focused = re.search(r'<span class="dossier-claim" id="dossier-focus" data-claims="([^"]+)"[^>]*>([^<]*)<', body)
    assert focused.groups() == (CLAIM, "U.S. and Pakistani interests diverge significantly, particularly regarding "
                                       "primary threats, with Pakistan focusing on the Tehreek-e-Taliban Pakistan "
                                       "(TTP) rather than IS-K.")  # fmt: skip
    assert any(m.value.startswith("**Opened claim src\\-a5dc40561693\\-07**") for m in at.markdown)
    cited = [c.value for c in at.caption] + [p.proto.label for p in at.get("page_link")]
    assert "Matrix\\: Pakistan sees Tehreek\\-e\\-Taliban Pakistan as a primary threat" in cited
    scripts = [h.proto.body for h in at.get("html") if "<script>" in h.proto.body]
    assert len(scripts) == 1 and CLAIM not in scripts[0]


def test_a_claim_outside_the_filters_still_opens_and_says_so(bundled_data, run_app):
    at = run_app({"claim": CLAIM, "country": "India"}, page=PAGE)
    assert 'id="dossier-focus"' in document(at)
    assert any("outside the current filters" in c.value for c in at.caption)


@pytest.mark.parametrize(
    ("query", "warning"),
    [
        ({"claim": "no-such-claim"}, "There is no claim no\\-such\\-claim in this dataset\\."),
        ({"source": "no-such-source"}, "There is no source no\\-such\\-source in this dataset\\."),
    ],
)
def test_unknown_ids_in_the_url_warn_and_fall_back_to_the_first_source(bundled_data, run_app, query, warning):
    at = run_app(query, page=PAGE)
    assert not at.exception
    assert [w.value for w in at.warning] == [warning]
    assert "dossier-focus" not in document(at)


def test_source_parameter_opens_that_source(data_copy, run_app):
    add_hostile_claim(data_copy)
    at = run_app({"source": "src-hostile"}, page=PAGE)
    assert not at.exception
    assert "Hostile" in at.header[0].value
    assert re.findall(r'data-claims="([^"]+)"', document(at)) == ["hostile-01"]


def test_hostile_source_and_claim_show_as_text(data_copy, run_app):
    add_hostile_claim(data_copy)
    at = run_app({"claim": "hostile-01"}, page=PAGE)
    assert not at.exception
    assert at.header[0].value == "Hostile \\<img src=x onerror=alert\\(1\\)\\> \\*\\*title\\*\\*"
    body = document(at)
    assert "<img" not in body and "&lt;img src=x onerror=alert(1)&gt;" in body
    assert "**not bold** [not a link](javascript:alert(2))" in body
    assert all(HOSTILE not in h.proto.body for h in at.get("html"))
