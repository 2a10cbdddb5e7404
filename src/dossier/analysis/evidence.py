"""What rests on what: the claims behind events, assessments and relations, and the sources behind those claims.

Assessments and relations carry no dates of their own, so they are dated here by their evidence.
"""

from __future__ import annotations

import pandas as pd

from .. import filters
from ..claims import with_source
from ..dataset import Dataset
from ..filters import isin
from .chronology import is_value

IMPORTED_SOURCES = {"ucdp": "UCDP GED (CC BY 4.0)", "acled": "ACLED"}
ORIGIN_NAMES = {"ucdp": "UCDP GED (CC BY 4.0)", "acled": "ACLED (aggregated; see ACLED terms)"}


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


def sources_behind(ds: Dataset, full: Dataset | None = None) -> tuple[pd.DataFrame, list[str]]:
    """The sources of the claims that evidence the events of ``ds``, and the imported datasets among them.

    Claims are looked up in ``full`` when given: the claim filters must not hide an event's evidence.
    """
    lookup = full or ds
    claims = lookup.claims[isin(lookup.claims["claim_id"], ds.event_claims["claim_id"])]
    sources = lookup.sources[isin(lookup.sources["source_id"], claims["source_id"])]
    return sources, [label for origin, label in IMPORTED_SOURCES.items() if is_value(ds.events["origin"], origin).any()]


def dyad_sources(
    events: pd.DataFrame, event_claims: pd.DataFrame, claims: pd.DataFrame, sources: pd.DataFrame
) -> tuple[pd.DataFrame, list[str]]:
    """The sources behind a set of events: the documents their claims quote, plus each import's origin."""
    claim_ids = event_claims.loc[isin(event_claims["event_id"], events["event_id"]), "claim_id"]
    source_ids = claims.loc[isin(claims["claim_id"], claim_ids), "source_id"]
    origins = [o for o in pd.unique(events["origin"].astype(str)) if o and o != "curated"]
    return sources[isin(sources["source_id"], source_ids)], [ORIGIN_NAMES.get(o, o) for o in sorted(origins)]
