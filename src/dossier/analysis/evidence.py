"""What rests on what: the claims behind events, assessments and relations, and the sources behind those claims.

Assessments and relations carry no dates of their own, so they are dated here by their evidence.
"""

from __future__ import annotations

import pandas as pd

from .. import filters
from ..claims import with_source
from ..dataset import Dataset
from ..filters import isin


def in_period(
    frame: pd.DataFrame, claims: pd.DataFrame, sources: pd.DataFrame, selection: filters.Selection
) -> pd.DataFrame:
    """Assessments or relations whose evidence falls in the selection's date range.

    Neither table carries dates of its own: a row is dated by the publication dates of
    the sources of its claims. It stays when at least one of its claims passes the date
    filter (claims from undated sources always pass, as everywhere else in Dossier).
    """
    if selection.start is None and selection.end is None:
        return frame
    dates_only = filters.Selection(start=selection.start, end=selection.end)
    mask = filters.claim_mask({"claims": claims, "sources": sources}, dates_only, set())
    kept = set(claims.loc[mask, "claim_id"])
    return frame[[any(c in kept for c in ids) for ids in frame["claim_ids"]]]


def cited_claim_ids(frame: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(c for ids in frame["claim_ids"] for c in ids))


def cited_sources(frame: pd.DataFrame, claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The sources behind the claims that ``frame`` (assessments or relations) cites."""
    source_ids = claims.loc[isin(claims["claim_id"], cited_claim_ids(frame)), "source_id"]
    return sources[isin(sources["source_id"], source_ids)]


def event_evidence(ds: Dataset, event_ids: list[str]) -> dict[str, pd.DataFrame]:
    """Per event, the claims that evidence it, with their source and Admiralty grade, in link order."""
    links = ds.event_claims[isin(ds.event_claims["event_id"], list(event_ids))]
    claims = ds.claims[isin(ds.claims["claim_id"], links["claim_id"])]
    joined = with_source(claims, ds.sources).set_index("claim_id", drop=False)
    linked: dict[str, list[str]] = {}
    for event_id, claim_id in zip(links["event_id"], links["claim_id"]):
        linked.setdefault(event_id, []).append(claim_id)
    return {
        e: joined.loc[[c for c in linked.get(e, []) if c in joined.index]].reset_index(drop=True) for e in event_ids
    }


def event_sources(
    events: pd.DataFrame, event_claims: pd.DataFrame, claims: pd.DataFrame, sources: pd.DataFrame
) -> pd.DataFrame:
    """The documents quoted by the claims that evidence ``events``.

    Pass the full dataset's links, claims and sources: the claim filters must not hide an event's
    evidence. Imported events rest on their dataset instead (``importers.licences.source_names``).
    """
    # Look the few evidenced ids up in the (up to a million) events, not the other way round: no big hash set.
    evidenced = events["event_id"][isin(events["event_id"], event_claims["event_id"])]
    claim_ids = event_claims.loc[isin(event_claims["event_id"], evidenced), "claim_id"]
    source_ids = claims.loc[isin(claims["claim_id"], claim_ids), "source_id"]
    return sources[isin(sources["source_id"], source_ids)]
