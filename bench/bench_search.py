"""Claim search and filters over 100,000 synthetic claims, beside raw pandas ``str.contains``."""

from __future__ import annotations

import numpy as np
import pandas as pd
from harness import Report, median_seconds

from dossier import claims, load_dataset, search
from dossier.filters import isin
from dossier.search import ClaimQuery, SearchIndex

N_CLAIMS = 100_000
N_SOURCES = 500
ACTORS = ("PAK", "USA", "IND", "AFG", "LKA", "IS-K", "TTP", "BLA", "IMF")
ACCENTED = ("Peshāwar", "Khyber Pakhtunkhwa", "Quetta", "Kabul", "Jalālābād", "Gilgit-Baltistān", "Karachi")


def synthetic_claims(n: int = N_CLAIMS, seed: int = 11) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``n`` claims built from the bundled sentences plus varied places and numbers, and their actor links."""
    rng = np.random.default_rng(seed)
    sentences = load_dataset().claims["text"].to_numpy(dtype=object)
    places = np.array(ACCENTED, dtype=object)
    texts = (
        sentences[rng.integers(0, len(sentences), n)]
        + " Reported near "
        + places[rng.integers(0, len(places), n)]
        + " (item "
        + np.arange(n).astype(str).astype(object)
        + ")."
    )
    reliability = rng.choice(list("ABCDEF"), N_SOURCES)
    source_index = rng.integers(0, N_SOURCES, n)
    credibility = rng.integers(1, 7, n)
    table = pd.DataFrame(
        {
            "claim_id": pd.Series(np.char.add("c-", np.arange(n).astype(str)), dtype="str"),
            "source_id": pd.Series(np.char.add("s-", source_index.astype(str)), dtype="str"),
            "kind": pd.Series(rng.choice(["reported_fact", "judgment", "forecast"], n), dtype="str"),
            "grade": pd.Series(np.char.add(reliability[source_index], credibility.astype(str)), dtype="str"),
            "text": pd.Series(texts, dtype="str"),
        }
    )
    per_claim = rng.integers(1, 4, n)
    links = pd.DataFrame(
        {
            "claim_id": np.repeat(table["claim_id"].to_numpy(), per_claim),
            "actor_id": rng.choice(ACTORS, per_claim.sum()),
        }
    ).astype("str")
    return table, links


def _raw_search(table: pd.DataFrame, words: list[str], kinds=(), grades=(), actor_claims=None) -> pd.DataFrame:
    """The plain-pandas way: the same filter masks, then case-insensitive str.contains per word."""
    keep = pd.Series(True, index=table.index)
    if kinds:
        keep &= isin(table["kind"], kinds)
    if grades:
        keep &= isin(table["grade"], grades)
    if actor_claims is not None:
        keep &= isin(table["claim_id"], actor_claims)
    for word in words:
        keep &= table["text"].str.contains(word, case=False, regex=False)
    return table[keep]


def run(report: Report) -> None:
    table, links = synthetic_claims()
    report.add(
        f"search index build, {N_CLAIMS:,} claims (once per data version, cached)",
        median_seconds(lambda: SearchIndex.build(table["text"]), 3), "s",
        median_seconds(lambda: table["text"].str.lower(), 3), "pandas str.lower of the same column",
    )  # fmt: skip
    index = SearchIndex.build(table["text"])
    pak = links.loc[links["actor_id"] == "PAK", "claim_id"]
    cases = (
        ("“IS-K”", ClaimQuery(text="IS-K"), {"words": ["IS-K"]}),
        ("“pakistan threat”", ClaimQuery(text="pakistan threat"), {"words": ["pakistan", "threat"]}),
        (
            "“is-k” + kind + grade + actor",
            ClaimQuery(text="is-k", kinds=("judgment",), grades=("B3", "B2"), actors=("PAK",)),
            {"words": ["is-k"], "kinds": ("judgment",), "grades": ("B3", "B2"), "actor_claims": pak},
        ),
        ("no match “zzzz”", ClaimQuery(text="zzzz"), {"words": ["zzzz"]}),
    )
    for label, query, raw in cases:
        ours = search.find(table, index, query, links)
        theirs = _raw_search(table, **raw)
        assert len(ours) >= len(theirs), "search must find at least what str.contains finds"
        report.add(
            f"search + filter {N_CLAIMS:,} claims: {label}",
            median_seconds(lambda q=query: search.find(table, index, q, links), 7), "s",
            median_seconds(lambda r=raw: _raw_search(table, **r), 7), "raw pandas str.contains, same filters",
            "≤ 2x and ≤ 200 ms",
        )  # fmt: skip
    accents = ClaimQuery(text="peshawar")  # the text says Peshāwar: str.contains finds nothing
    found = len(search.find(table, index, accents, links))
    report.add(
        f"accent-insensitive “peshawar” ({found:,} found; str.contains finds "
        f"{len(_raw_search(table, ['peshawar'])):,})",
        median_seconds(lambda: search.find(table, index, accents, links), 7), "s",
        median_seconds(lambda: _raw_search(table, ["peshawar"]), 7), "raw pandas str.contains",
        "≤ 2x and ≤ 200 ms",
    )  # fmt: skip
    ds = load_dataset()
    citing = claims.citations(ds)
    report.add(
        "claims page data, bundled (citations + claim table)",
        median_seconds(lambda: search.claim_table(ds, ds, claims.citations(ds)), 20), "s",
        median_seconds(lambda: ds.claims.merge(ds.sources[["source_id", "title"]], on="source_id"), 20),
        "raw pandas merge of claims and sources",
    )  # fmt: skip
    assert not citing.empty
