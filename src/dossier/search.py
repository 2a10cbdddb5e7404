"""Finding claims: full-text search that ignores case and accents, filters, and the explorer table.

Claim texts are folded once per dataset into a ``SearchIndex``: compatibility-decomposed,
accents dropped, lower-cased, typographic quotes and dashes made plain. A query is folded the
same way and every word (or "quoted phrase") must occur as a plain substring, which pyarrow
checks natively, so 100,000 claims take milliseconds. ``highlights`` maps matches back to the
original text's offsets for display.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .claims import kind_label, lists_by, with_source
from .dataset import Dataset
from .filters import isin
from .schema import CLAIM_KINDS

# Letters that Unicode does not decompose, and typographic marks analysts do not type.
_LETTERS = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
_MARKS = {"'": "’‘‛", '"': "“”„", "-": "‐‑‒–—―"}
_PLAIN = str.maketrans({**_LETTERS, **{mark: plain for plain, marks in _MARKS.items() for mark in marks}})
_TOKEN = re.compile(r'"([^"]+)"|(\S+)')
_RE2_SPECIALS = re.compile(r"([\\.+*?()|\[\]{}^$])")


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower().translate(_PLAIN)


def fold(text: str) -> str:
    """The form searches compare: 'Peshāwar’s' -> "peshawar's"."""
    return "".join(_fold_char(c) for c in text)


def fold_array(texts: pd.Series | pa.Array) -> pa.Array:
    """``fold`` over a whole column with pyarrow (same result, about a hundred times faster)."""
    folded = pc.utf8_normalize(pa.array(texts, type=pa.large_string()), "NFKD")
    folded = pc.utf8_lower(pc.replace_substring_regex(folded, r"\p{Mn}", ""))
    if pc.any(pc.match_substring_regex(folded, f"[{''.join(_LETTERS)}]")).as_py():  # rare: skip nine passes
        for letter, plain in _LETTERS.items():
            folded = pc.replace_substring(folded, letter, plain)
    for plain, marks in _MARKS.items():
        folded = pc.replace_substring_regex(folded, f"[{marks}]", plain)
    return folded


def terms(query: str) -> tuple[str, ...]:
    """The folded words and "quoted phrases" of a query; a claim matches when it contains all of them."""
    found: list[str] = []
    for phrase, word in _TOKEN.findall(fold(query or "")):
        term = " ".join(phrase.split()) if phrase else word.strip('"')
        if term and term not in found:
            found.append(term)
    return tuple(found)


def highlights(text: str, query: str) -> list[tuple[int, int]]:
    """Where the query's terms occur in ``text``: merged ``[start, end)`` ranges of the original string."""
    pieces = [_fold_char(c) for c in text]
    folded = "".join(pieces)
    origin = [i for i, piece in enumerate(pieces) for _ in piece]
    ranges = []
    for term in terms(query):
        at = folded.find(term)
        while at >= 0:
            start, end = origin[at], origin[at + len(term) - 1] + 1
            while end < len(text) and not pieces[end]:  # keep trailing combining marks with their letter
                end += 1
            ranges.append((start, end))
            at = folded.find(term, at + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


@dataclass(frozen=True)
class SearchIndex:
    """Folded texts, by position, with the row labels of the frame they came from."""

    folded: pa.Array
    labels: pd.Index

    @classmethod
    def build(cls, texts: pd.Series) -> SearchIndex:
        return cls(fold_array(texts), texts.index)

    def matches(self, query: str, rows: pd.Index) -> np.ndarray:
        """A boolean array over ``rows`` (labels from the indexed frame): which contain every term."""
        found = terms(query)
        if not found:
            return np.ones(len(rows), dtype=bool)
        positions = self.labels.get_indexer(rows)
        if (positions < 0).any():
            raise KeyError("rows that the search index does not cover")
        whole = len(positions) == len(self.folded) and (positions == np.arange(len(positions))).all()
        texts = self.folded if whole else self.folded.take(pa.array(positions))
        keep = np.ones(len(rows), dtype=bool)
        for term in sorted(found, key=len, reverse=True):  # longest first: usually the rarest
            left = np.flatnonzero(keep)
            if len(left) * 4 < len(keep):  # few rows left: match only those
                keep[left] = _contains(texts.take(pa.array(left)), term)
            else:
                keep &= _contains(texts, term)
        return keep


def _contains(texts: pa.Array, term: str) -> np.ndarray:
    # A literal RE2 pattern: pyarrow's regex search is several times faster than its plain substring search.
    pattern = _RE2_SPECIALS.sub(r"\\\1", term)
    return np.asarray(pc.match_substring_regex(texts, pattern).fill_null(False), dtype=bool)


FILTERS = ("kind", "grade", "source", "actor")


@dataclass(frozen=True)
class ClaimQuery:
    """What the analyst asked for on the claims page, on top of the shared filters (ids, not labels)."""

    text: str = ""
    kinds: tuple[str, ...] = ()
    grades: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    shown: tuple[str, ...] = ()  # the chosen filters as the analyst saw them, for the description

    @classmethod
    def from_labels(cls, text: str | None, choices: dict[str, dict[str, str]], picked: dict[str, list[str]]):
        """Turn the labels picked in each filter (see ``options``) into ids; unknown labels are dropped."""
        chosen = {name: [label for label in picked.get(name) or () if label in choices[name]] for name in FILTERS}
        ids = [tuple(choices[name][label] for label in chosen[name]) for name in FILTERS]
        shown = tuple(f"{name}: {', '.join(chosen[name])}" for name in FILTERS if chosen[name])
        return cls(text or "", *ids, shown=shown)

    def describe(self) -> str:
        return "; ".join(([f"“{self.text.strip()}”"] if terms(self.text) else []) + list(self.shown))


def find(table: pd.DataFrame, index: SearchIndex, query: ClaimQuery, claim_actors: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``table`` (labels from the indexed claims) that pass every filter and contain the query."""
    keep = np.ones(len(table), dtype=bool)
    for column, values in (("kind", query.kinds), ("grade", query.grades), ("source_id", query.sources)):
        if values:
            keep &= np.asarray(isin(table[column], values))
    if query.actors:
        mentioned = claim_actors.loc[isin(claim_actors["actor_id"], query.actors), "claim_id"]
        keep &= np.asarray(isin(table["claim_id"], mentioned))
    if terms(query.text):
        keep[keep] = index.matches(query.text, table.index[keep])
    return table[keep]


def claim_table(view: Dataset, full: Dataset, citing: pd.DataFrame) -> pd.DataFrame:
    """One row per claim of the view, with actors, grade, source and what cites it; row labels are kept.

    ``citing`` is ``claims.citations(full)``.
    """
    table = with_source(view.claims, full.sources)
    table.index = view.claims.index  # with_source keeps the row order; keep the labels the index uses
    names = view.claim_actors["actor_id"].map(full.actors.set_index("actor_id")["name"])
    table["actors"] = lists_by(table["claim_id"], view.claim_actors["claim_id"], names)
    table["kind_label"] = table["kind"].map(kind_label)
    table["source"] = table["source_title"] + " — " + table["publisher"]
    table["cited_by"] = lists_by(table["claim_id"], citing["claim_id"], citing["label"])
    return table


def options(full: Dataset) -> dict[str, dict[str, str]]:
    """Each filter's choices over the whole dataset, label -> id.

    The URL carries the label, so labels are readable and unique: kinds spelled out, grades as
    written, sources as "title (publisher)", actors by name.
    """
    reliability = full.claims["source_id"].map(full.sources.set_index("source_id")["reliability"])
    grades = sorted(set(reliability.astype(str) + full.claims["credibility"].astype(str)))
    sources = full.sources.sort_values(["title", "source_id"])
    labels = sources["title"] + " (" + sources["publisher"] + ")"
    labels = labels.where(~labels.duplicated(keep=False), labels + " [" + sources["source_id"] + "]")
    mentioned = full.actors[isin(full.actors["actor_id"], full.claim_actors["actor_id"])].sort_values("name")
    return {
        "kind": {kind_label(k): k for k in CLAIM_KINDS},
        "grade": {g: g for g in grades},
        "source": dict(zip(labels, sources["source_id"])),
        "actor": dict(zip(mentioned["name"], mentioned["actor_id"])),
    }


def state_key(*parts: object) -> str:
    """A short digest of what a widget shows, so that its selection resets when that changes."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:12]
