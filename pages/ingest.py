"""Ingest: upload documents, review the claims, actors and events found, then commit them."""

import streamlit as st

from dossier import reader, ui
from dossier.ingest import MAX_BYTES, UPLOAD_TYPES, Context, IngestError, prepare, review
from dossier.ingest.commit import commit
from dossier.registry import page_by_url
from dossier.safe import escape_markdown
from dossier.schema import ACTOR_KINDS, CLAIM_KINDS, CREDIBILITY, RELIABILITY
from dossier.store import display_name

Col = st.column_config
CLAIMS = {
    "keep": Col.CheckboxColumn("Keep", help="Untick to leave this sentence out"),
    "text": Col.TextColumn("Claim (verbatim)", width="large"),
    "kind": Col.SelectboxColumn("Kind", options=CLAIM_KINDS, required=True, help="Changing it records rule 'analyst'"),
    "kind_rule": Col.TextColumn("Rule", help="The cue that decided the kind, e.g. modal:could"),
    "credibility": Col.SelectboxColumn("Credibility", options=list(CREDIBILITY), required=True,
                                       help="Admiralty 1-6; 6 = truth cannot be judged (the default)"),
    "actors": Col.TextColumn("Actors"),
    "claim_id": Col.TextColumn("Claim id"),
}  # fmt: skip
DATE_HELP = "Resolves 'last week' or 'on Tuesday'; leave it empty when the source does not say"
KNOWN = {"actor_id": "Actor id", "name": "Name", "kind": "Kind", "mentions": "Mentions", "claims": "In claims"}
CANDIDATES = {
    "accept": Col.CheckboxColumn("Accept", help="Add to the gazetteer (actors.csv)"),
    "actor_id": Col.TextColumn("Actor id", required=True),
    "name": Col.TextColumn("Name", required=True),
    "kind": Col.SelectboxColumn("Kind", options=ACTOR_KINDS, required=True, help="Suggested; check it"),
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
    "claim_id": Col.TextColumn("Evidence"),
}


def editor(frame, columns: dict, editable: list[str], key: str):
    return st.data_editor(frame, column_order=list(columns), column_config=columns, hide_index=True, key=key,
                          disabled=[c for c in frame.columns if c not in editable])  # fmt: skip


ui.require_frame()
full = ui.curated_dataset()
context = Context(full)
locked = ui.read_only()
round_no = st.session_state.setdefault("ingest-round", 0)

st.title("Ingest documents")
st.caption("Upload briefs as .txt, .md or .html. Claims, actors and candidate events are found for you to review; "
           "nothing is written until you commit.")  # fmt: skip
if done := st.session_state.pop("ingest-done", None):
    st.success(done, icon=":material/task_alt:")
    ui.page_link(page_by_url("overview"), "See the updated overview")
if locked:
    st.info("This Dossier is read-only: you can preview documents, but not commit them.", icon=":material/lock:")
uploads = st.file_uploader(
    "Documents", type=list(UPLOAD_TYPES), accept_multiple_files=True, key=f"files-{round_no}",
    max_upload_size=MAX_BYTES // 2**20, help="Plain text, Markdown or HTML, up to 5 MB each",
)  # fmt: skip
if not uploads:
    st.info("Upload one or more documents to preview what ingest finds in them.", icon=":material/upload_file:")
    st.stop()

results = []
for upload in uploads:
    try:
        first = prepare(upload.getvalue(), upload.name, full, context=context)
    except IngestError as exc:
        st.error(f"{escape_markdown(display_name(upload.name))}: {escape_markdown(str(exc))}", icon=":material/block:")
        continue
    sid = first.source_id
    with st.container(border=True):
        st.subheader(escape_markdown(display_name(upload.name)), anchor=False)
        left, middle, right, far = st.columns([3, 2, 1.4, 1.6])
        title = left.text_input("Title", first.source["title"], key=f"title-{sid}")
        publisher = middle.text_input("Publisher", first.source["publisher"], key=f"publisher-{sid}")
        published = right.date_input("Published", first.document.published, key=f"published-{sid}", help=DATE_HELP)
        reliability = far.selectbox("Source reliability", list(RELIABILITY), index=5, key=f"reliability-{sid}",
                                    format_func=lambda r: f"{r}: {RELIABILITY[r]}")  # fmt: skip
        options = review.options_for(first, title, publisher, published, reliability)
        result = prepare(upload.getvalue(), upload.name, full, options, context) if options else first
        st.caption(escape_markdown(review.source_line(result)))
        st.caption(escape_markdown(review.counts_line(result)))
        for note in result.notes:
            st.caption(escape_markdown(note))
        claims_tab, actors_tab, events_tab = st.tabs(["Claims", "Actors", "Candidate events"])
        with claims_tab:
            claims = editor(result.claims, CLAIMS, ["keep", "kind", "credibility"], f"claims-{sid}")
            st.html(reader.legend_html())
            with st.container(height=320, border=True):
                st.html(reader.highlight_html(result.text, review.highlight_frame(result, claims)))
        with actors_tab:
            st.caption("Known actors found (already in the gazetteer):")
            st.dataframe(result.known_actors, hide_index=True, column_config=KNOWN)
            every = st.toggle("Accept every candidate actor", key=f"all-actors-{sid}")
            base = result.candidates.assign(accept=every)
            candidates = editor(base, CANDIDATES, ["accept", "actor_id", "name", "kind", "country", "iso3", "aliases"],
                                f"candidates-{sid}-{every}")  # fmt: skip
        with events_tab:
            every = st.toggle("Accept every candidate event", key=f"all-events-{sid}")
            events = editor(result.events.assign(accept=every), EVENTS, ["accept", "title", "event_type", "country"],
                            f"events-{sid}-{every}")  # fmt: skip
        results.append(result.reviewed(claims=claims, candidates=candidates, events=events))

st.caption(escape_markdown(review.pending_line(results, full.folder)))
label = f"Commit {len(results)} document{'s' if len(results) != 1 else ''}"
if st.button(label, type="primary", disabled=locked or not results, icon=":material/save:"):
    try:
        summary = commit(full.folder, results)
    except IngestError as exc:
        st.error(escape_markdown(str(exc)), icon=":material/error:")
    else:
        st.session_state["ingest-done"] = f"Committed: {summary.line()}."
        st.session_state["ingest-round"] = round_no + 1
        st.rerun()
