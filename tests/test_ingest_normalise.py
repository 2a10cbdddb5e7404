"""Folding text for matching: one character in, one out, so offsets into the folded text fit the stored text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier.ingest.normalise import fold, strip_possessive


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Islamic State – Khorasan Province", "islamic state - khorasan province"),
        ("ISIS—K and IS‑K and IS‐K", "isis-k and is-k and is-k"),
        ("Pakistan’s ‘army’ “said”", "pakistan's 'army' \"said\""),
        ("Peshāwar Café ÉTÉ", "peshawar cafe ete"),
        ("İstanbul", "istanbul"),
        ("non\u00a0breaking", "non breaking"),
    ],
)
def test_fold(text: str, folded: str):
    assert fold(text) == folded


@given(st.text(max_size=80))
def test_fold_keeps_the_length(text: str):
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(("word", "stem"), [("Pakistan's", "Pakistan"), ("Pakistan’s", "Pakistan"), ("TTP", "TTP")])
def test_strip_possessive(word: str, stem: str):
    assert strip_possessive(word) == stem
