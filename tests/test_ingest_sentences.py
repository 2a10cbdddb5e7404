"""Sentence segmentation for ingest: abbreviations, initials, quotes, lists and wrapped lines."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dossier.text import split_sentences

DATA = Path(__file__).resolve().parents[1] / "data"


def sentences(text: str, soft_wrap: bool = False) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, soft_wrap=soft_wrap)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Ahmed Khan said 21 died. Officials agreed.", ["Dr. Ahmed Khan said 21 died.", "Officials agreed."]),
        ("No. 5 Squadron flew. It landed.", ["No. 5 Squadron flew.", "It landed."]),
        ("Groups, e.g. the TTP, refused. Others did not.", ["Groups, e.g. the TTP, refused.", "Others did not."]),
        ("U.S. Vice President J.D. Vance is poised to visit India. Talks follow.",
         ["U.S. Vice President J.D. Vance is poised to visit India.", "Talks follow."]),
        ("Support came from the U.S. The next day it ended.", ["Support came from the U.S.", "The next day it ended."]),
        ("John J. Smith spoke. Gen. Asim Munir replied.", ["John J. Smith spoke.", "Gen. Asim Munir replied."]),
        ('He said, "We will attack." Then he left.', ['He said, "We will attack."', "Then he left."]),
        ("“We will not stop,” he said. “Never.” It ended.", ["“We will not stop,” he said.", "“Never.”", "It ended."]),
        ("It rose approx. ten percent. Then fell.", ["It rose approx. ten percent.", "Then fell."]),
        ("Was it? Yes! Fine.", ["Was it?", "Yes!", "Fine."]),
        ("- First item\n- Second one. Two more.\n* Third", ["First item", "Second one.", "Two more.", "Third"]),
        ("1. Numbered one\n2) Numbered two\n10. Tenth", ["Numbered one", "Numbered two", "Tenth"]),
        ("Heading\nBody line one. Body two.", ["Heading", "Body line one.", "Body two."]),
    ],
)  # fmt: skip
def test_split_sentences(text: str, expected: list[str]):
    assert sentences(text) == expected


def test_soft_wrap_joins_lines_inside_a_paragraph_only():
    text = "A hard-wrapped paragraph that goes on\nacross lines. It ends.\n\nNew paragraph\n- item one\n- item two"
    assert sentences(text, soft_wrap=True) == [
        "A hard-wrapped paragraph that goes on\nacross lines.",
        "It ends.",
        "New paragraph",
        "item one",
        "item two",
    ]


def test_bundled_brief_gives_exactly_the_curated_claim_spans():
    text = (DATA / "sources" / "src-a5dc40561693.txt").read_text(encoding="utf-8")
    claims = pd.read_csv(DATA / "claims.csv")
    spans = [(s.start, s.end) for s in split_sentences(text)]
    assert spans[:-1] == list(zip(claims["start"], claims["end"]))
    assert text[spans[-1][0] : spans[-1][1]] == "Original Source: foreignpolicy.com"
