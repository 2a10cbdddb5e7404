"""The ingest page's widgets: the document's details, the review tabs and their column layouts.

The page reads select -> get data -> render; everything here renders one uploaded
document. Text from the document is only ever shown in data editors, captions
escaped with ``safe.escape_markdown``, or the reader's highlighter (which escapes).
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from .. import reader
from ..ingest import review
from ..ingest.pipeline import IngestResult, Options
from ..safe import escape_markdown
from ..schema import ACTOR_KINDS, CLAIM_KINDS, CREDIBILITY, RELATION_KINDS, RELIABILITY, THREAT_LEVELS

Col = st.column_config
DATE_HELP = "Resolves 'last week', 'on Tuesday' and dates without a year; leave it empty when the source does not say"
CLAIMS = {
    "keep": Col.CheckboxColumn("Keep", help="Untick to leave this sentence out"),
    "text": Col.TextColumn("Claim (verbatim)", width="large"),
    "kind": Col.SelectboxColumn("Kind", options=CLAIM_KINDS, required=True, help="Changing it records rule 'analyst'"),
    "kind_rule": Col.TextColumn("Rule", help="The cue that decided the kind, e.g. modal:could or estimative:likely"),
    "credibility": Col.SelectboxColumn(
        "Credibility", options=list(CREDIBILITY), required=True, help="Admiralty 1-6; 6 = truth cannot be judged"
    ),
    "actors": Col.TextColumn("Actors"),
    "claim_id": Col.TextColumn("Claim id"),
}
KNOWN = {
    "actor_id": "Actor id",
    "name": "Name",
    "kind": "Kind",
    "matched": Col.TextColumn(
        "Written as ≈ alias matched", help="How the text names the actor, and the alias it matched"
    ),
    "mentions": "Mentions",
    "claims": "In claims",
}
CANDIDATES = {
    "accept": Col.CheckboxColumn("Accept", help="Add to the gazetteer (actors.csv)"),
    "actor_id": Col.TextColumn("Actor id", required=True),
    "name": Col.TextColumn("Name", required=True),
    "kind": Col.SelectboxColumn("Kind", options=ACTOR_KINDS, required=True, help="Suggested from the name; check it"),
    "similar": Col.TextColumn("Did you mean", help="The closest actor already in the gazetteer"),
    "country": Col.TextColumn("Country"),
    "iso3": Col.TextColumn("ISO3"),
    "aliases": Col.TextColumn("Aliases", help="Separated by ;"),
    "mentions": Col.NumberColumn("Mentions"),
    "claims": Col.TextColumn("In claims"),
}
EVENTS = {
    "accept": Col.CheckboxColumn("Accept"),
    "title": Col.TextColumn("Title", width="large"),
    "event_type": Col.TextColumn("Type"),
    "date_start": Col.DateColumn("From"),
    "date_end": Col.DateColumn("To"),
    "date_precision": Col.TextColumn("Precision"),
    "date_note": Col.TextColumn("Date basis", width="medium"),
    "country": Col.TextColumn("Country"),
    "actors": Col.TextColumn("Actors (role)"),
    "attribution": Col.TextColumn("Attribution", help="Claimed by, or blamed on, an actor: kept apart from the act"),
    "claim_id": Col.TextColumn("Evidence"),
}
ASSESSMENTS = {
    "accept": Col.CheckboxColumn("Accept", help="Add to the threat matrix (assessments.csv)"),
    "perceiver_name": Col.TextColumn("Perceiver"),
    "threat_name": Col.TextColumn("Threat"),
    "level": Col.SelectboxColumn("Level", options=THREAT_LEVELS, required=True),
    "rule": Col.TextColumn("Rule", help="The pattern that proposed it"),
    "claim_ids": Col.TextColumn("Evidence"),
}
RELATIONS = {
    "accept": Col.CheckboxColumn("Accept", help="Add to relations.csv"),
    "actor_a_name": Col.TextColumn("From"),
    "actor_b_name": Col.TextColumn("To"),
    "kind": Col.SelectboxColumn("Kind", options=RELATION_KINDS, required=True),
    "directed": Col.CheckboxColumn("Directed", help="Ticked: from → to; unticked: mutual"),
    "qualifier": Col.TextColumn("Cue"),
    "rule": Col.TextColumn("Rule"),
    "claim_ids": Col.TextColumn("Evidence"),
}
TABS = ["Claims", "Actors", "Candidate events", "Threat perceptions", "Relations"]


def editor(frame, columns: dict, editable: list[str], key: str):
    disabled = [c for c in frame.columns if c not in editable]
    return st.data_editor(
        frame, column_order=list(columns), column_config=columns, hide_index=True, key=key, disabled=disabled
    )


def details(first: IngestResult) -> Options | None:
    """The document's title, publisher, date and reliability; only what the analyst changed comes back."""
    sid, source = first.source_id, first.source
    left, middle, right, far = st.columns([3, 2, 1.4, 1.6])
    title = left.text_input("Title", source["title"], key=f"title-{sid}")
    publisher = middle.text_input("Publisher", source["publisher"], key=f"publisher-{sid}")
    published: dt.date | None = right.date_input(
        "Published", first.document.published, key=f"published-{sid}", help=DATE_HELP
    )
    reliability = far.selectbox(
        "Source reliability",
        list(RELIABILITY),
        index=5,
        key=f"reliability-{sid}",
        format_func=lambda r: f"{r}: {RELIABILITY[r]}",
    )
    return review.options_for(first, title, publisher, published, reliability)


def captions(result: IngestResult) -> None:
    for line in [review.source_line(result), review.counts_line(result), *result.notes]:
        st.caption(escape_markdown(line))


def _accept_all(label: str, frame, key: str):
    every = st.toggle(label, key=key)
    return frame.assign(accept=every), every


def review_tabs(result: IngestResult) -> IngestResult:
    """The five review tabs of one document; returns the result with the analyst's edits."""
    sid = result.source_id
    claims_tab, actors_tab, events_tab, threats_tab, relations_tab = st.tabs(TABS)
    with claims_tab:
        claims = editor(result.claims, CLAIMS, ["keep", "kind", "credibility"], f"claims-{sid}")
        st.html(reader.legend_html())
        with st.container(height=320, border=True):
            st.html(reader.highlight_html(result.text, review.highlight_frame(result, claims)))
    with actors_tab:
        st.caption("Known actors found (already in the gazetteer), as the text writes them:")
        st.dataframe(result.known_actors, hide_index=True, column_config=KNOWN, column_order=list(KNOWN))
        base, every = _accept_all("Accept every candidate actor", result.candidates, f"all-actors-{sid}")
        editable = ["accept", "actor_id", "name", "kind", "country", "iso3", "aliases"]
        candidates = editor(base, CANDIDATES, editable, f"candidates-{sid}-{every}")
    with events_tab:
        base, every = _accept_all("Accept every candidate event", result.events, f"all-events-{sid}")
        events = editor(base, EVENTS, ["accept", "title", "event_type", "country"], f"events-{sid}-{every}")
    with threats_tab:
        st.caption("Who rates which threat how seriously, as the text states it. Accepted rows need their actors kept.")
        base, every = _accept_all("Accept every threat perception", result.assessments, f"all-threats-{sid}")
        assessments = editor(base, ASSESSMENTS, ["accept", "level"], f"threats-{sid}-{every}")
    with relations_tab:
        base, every = _accept_all("Accept every relation", result.relations, f"all-relations-{sid}")
        relations = editor(base, RELATIONS, ["accept", "kind", "directed"], f"relations-{sid}-{every}")
    return result.reviewed(claims, candidates, events, assessments, relations)
