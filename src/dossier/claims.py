"""The claim concept in one place: Admiralty grading and its scales, kinds, citations and what cites a claim.

A claim is a verbatim span of a source, graded by the source's reliability (A-F) and the
information's credibility (1-6). Events, threat assessments and relations cite claims;
``citations`` indexes that once per dataset, with a link to the page and view that show each.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .dataset import Dataset
from .schema import CREDIBILITY, RELIABILITY
from .views.labels import spelled
from .views.navigation import Query, where_shown


def admiralty(reliability: str, credibility: int) -> str:
    return f"{reliability}{int(credibility)}"


def admiralty_meaning(reliability: str, credibility: int) -> str:
    return f"Source {RELIABILITY[reliability].lower()}; information {CREDIBILITY[int(credibility)].lower()}"


def grading_scales() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The two Admiralty scales as small tables for the page's explanation."""
    reliability = pd.DataFrame({"Code": list(RELIABILITY), "Source reliability": list(RELIABILITY.values())})
    credibility = pd.DataFrame(
        {"Code": [str(c) for c in CREDIBILITY], "Information credibility": list(CREDIBILITY.values())}
    )
    return reliability, credibility


kind_label = spelled  # 'reported_fact' -> 'reported fact'


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


# --- What cites a claim ------------------------------------------------------------------------------------------


CITING_COLUMNS = ["claim_id", "kind", "ref_id", "label", "page", "query"]


@dataclass(frozen=True)
class Citation:
    kind: str  # event | assessment | relation
    ref_id: str
    label: str
    page: str  # url_path of the page that shows it (registry.PAGES)
    query: Query = ()  # opens the view that shows it, e.g. (("view", "Relations"),)


def _citing(kind: str, claim_ids: pd.Series, ref_ids: pd.Series, labels: list[str] | pd.Series) -> pd.DataFrame:
    """Rows of the citation index for one kind of citing record, linked to the page that shows it."""
    page, query = where_shown(kind)
    return pd.DataFrame(
        {
            "claim_id": claim_ids.to_numpy(),
            "kind": kind,
            "ref_id": ref_ids.to_numpy(),
            "label": list(labels),
            "page": page.url_path,
            "query": [query] * len(claim_ids),
        },
        columns=CITING_COLUMNS,
    )


def _rating(names: dict[str, str], perceiver: str, threat: str, level: str) -> str:
    who, what = names.get(perceiver, perceiver), names.get(threat, threat)
    if level == "not_stated":
        return f"Matrix: {who} on {what}, level not stated"
    return f"Matrix: {who} sees {what} as a {level} threat"


def _tie(names: dict[str, str], a: str, b: str, directed: bool, kind: str, qualifier: str) -> str:
    arrow = "→" if directed else "–"
    return f"Relation: {names.get(a, a)} {arrow} {names.get(b, b)}, {kind}" + (f" ({qualifier})" if qualifier else "")


def citations(ds: Dataset) -> pd.DataFrame:
    """What cites each claim: one row per (claim, citing event, assessment or relation)."""
    names = ds.actors.set_index("actor_id")["name"].to_dict()
    titles = ds.events.set_index("event_id")["title"]
    links = ds.event_claims
    rated = ds.assessments.explode("claim_ids").dropna(subset=["claim_ids"])
    tied = ds.relations.explode("claim_ids").dropna(subset=["claim_ids"])
    ratings = [_rating(names, *row) for row in zip(rated["perceiver"], rated["threat"], rated["level"])]
    ties = [
        _tie(names, *row)
        for row in zip(tied["actor_a"], tied["actor_b"], tied["directed"], tied["kind"], tied["qualifier"])
    ]
    rows = [
        _citing("event", links["claim_id"], links["event_id"], "Event: " + links["event_id"].map(titles)),
        _citing("assessment", rated["claim_ids"], rated["assessment_id"], ratings),
        _citing("relation", tied["claim_ids"], tied["relation_id"], ties),
    ]
    return pd.concat(rows, ignore_index=True).astype({"claim_id": "str", "label": "str"})


def citations_of(citing: pd.DataFrame, claim_id: str) -> list[Citation]:
    """The records citing one claim, each with the page (and view) to open it."""
    rows = citing[citing["claim_id"] == claim_id]
    return [
        Citation(k, r, lbl, p, tuple(q))
        for k, r, lbl, p, q in zip(rows["kind"], rows["ref_id"], rows["label"], rows["page"], rows["query"])
    ]


def lists_by(ids: pd.Series, keys: pd.Series, values: pd.Series) -> list[list]:
    """For each of the unique ``ids``, the ``values`` whose key is that id, in order (a fast groupby-to-list)."""
    if len(ids) == 0:
        return []
    position = pd.Index(ids).get_indexer(keys)
    found = position >= 0
    position, chosen = position[found], np.asarray(values, dtype=object)[found]
    order = np.argsort(position, kind="stable")
    bounds = np.cumsum(np.bincount(position, minlength=len(ids)))[:-1]
    return [part.tolist() for part in np.split(chosen[order], bounds)]
