"""Claim-level helpers shared by pages and exports: grades, citations, lookups."""

from __future__ import annotations

import pandas as pd

from .schema import CREDIBILITY, RELIABILITY


def admiralty(reliability: str, credibility: int) -> str:
    return f"{reliability}{int(credibility)}"


def admiralty_meaning(reliability: str, credibility: int) -> str:
    return f"Source {RELIABILITY[reliability].lower()}; information {CREDIBILITY[int(credibility)].lower()}"


def with_source(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Claims joined to their source's title, publisher and reliability, plus the Admiralty grade."""
    meta = sources[["source_id", "title", "publisher", "reliability", "published"]].rename(
        columns={"title": "source_title", "published": "source_published"}
    )
    joined = claims.merge(meta, on="source_id", how="left", validate="many_to_one")
    joined["grade"] = [admiralty(r, c) for r, c in zip(joined["reliability"], joined["credibility"])]
    joined["grade_meaning"] = [admiralty_meaning(r, c) for r, c in zip(joined["reliability"], joined["credibility"])]
    return joined


def citation(row: pd.Series) -> str:
    """Plain-text citation, e.g. 'foreignpolicy.com, “Title”, claim X (B2)'."""
    return f"{row['publisher']}, “{row['source_title']}”, claim {row['claim_id']} ({row['grade']})"


def key_judgments(claims: pd.DataFrame) -> pd.DataFrame:
    return claims[claims["key_judgment"]]


def claims_for(claim_ids: list[str], claims: pd.DataFrame) -> pd.DataFrame:
    """Claims in the order given, skipping ids that the current filters removed."""
    indexed = claims.set_index("claim_id", drop=False)
    return indexed.loc[[c for c in claim_ids if c in indexed.index]].reset_index(drop=True)
