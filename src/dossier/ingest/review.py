"""Pure helpers for the ingest page: the analyst's options, preview frames and one-line summaries."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..claims import admiralty
from .pipeline import DEFAULT_RELIABILITY, IngestResult, Options

FORMAT_LABELS = {"text": "plain text", "markdown": "Markdown", "html": "HTML (main text extracted)"}


def options_for(
    first: IngestResult, title: str, publisher: str, published: dt.date | None, reliability: str
) -> Options | None:
    """Options holding only what the analyst changed from what the file says; None when nothing changed."""
    source = first.source
    options = Options(
        title=title if title.strip() and title != source["title"] else "",
        publisher=publisher if publisher.strip() and publisher != source["publisher"] else "",
        published=published if published != first.document.published else None,
        reliability=reliability or DEFAULT_RELIABILITY,
    )
    return None if options == Options() else options


def highlight_frame(result: IngestResult, claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """Kept claims with their Admiralty grade, in the layout the reader's highlighter takes."""
    claims = result.claims if claims is None else claims
    kept = claims[claims["keep"].astype(bool)]
    grades = [admiralty(result.source["reliability"], c) for c in kept["credibility"]]
    return kept[["claim_id", "start", "end", "kind"]].assign(grade=grades)


def source_line(result: IngestResult) -> str:
    """'src-… · Example News · published 2025-03-12 · HTML (UTF-8)' for the document's caption."""
    source, document = result.source, result.document
    published = source["published"]
    parts = [
        source["source_id"],
        source["publisher"],
        f"published {published.isoformat()}" if published else "publication date not stated",
        f"{FORMAT_LABELS.get(document.format, document.format)} ({document.encoding})",
        f"{len(document.text):,} characters stored",
    ]
    return " · ".join(parts)


def counts_line(result: IngestResult) -> str:
    kinds = result.claims["kind"].value_counts()
    kind_text = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in kinds.items())
    return (
        f"{len(result.claims)} claims ({kind_text}) · {len(result.known_actors)} known actors · "
        f"{len(result.candidates)} candidate actors · {len(result.events)} candidate events · "
        f"{len(result.assessments)} candidate threat perceptions · {len(result.relations)} candidate relations"
    )


def pending_line(results: list[IngestResult], folder: object) -> str:
    """What a commit would write now, from the analyst's current choices."""
    if not results:
        return "Nothing to commit."
    claims = sum(int(r.claims["keep"].astype(bool).sum()) for r in results)
    actors = sum(int(r.candidates["accept"].astype(bool).sum()) for r in results)
    events = sum(int(r.events["accept"].astype(bool).sum()) for r in results)
    threats = sum(int(r.assessments["accept"].astype(bool).sum()) for r in results)
    relations = sum(int(r.relations["accept"].astype(bool).sum()) for r in results)
    return (
        f"Commit writes {len(results)} source(s), {claims} claims, {actors} accepted new actor(s), "
        f"{events} accepted event(s), {threats} threat perception(s) and {relations} relation(s) into {folder}, "
        "all together or not at all."
    )
