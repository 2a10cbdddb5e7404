"""Ingest: upload documents, review the claims, actors, events, threat perceptions and relations found, commit."""

import streamlit as st

from dossier import ui
from dossier.ingest import MAX_BYTES, UPLOAD_TYPES, IngestError, prepare, review
from dossier.ingest.commit import commit
from dossier.ingest.pipeline import context_for
from dossier.registry import page_by_url
from dossier.safe import escape_markdown
from dossier.store import display_name
from dossier.ui import ingest as ingest_ui

ui.require_frame()
full = ui.curated_dataset()
context = context_for(full)  # the gazetteer and the analyses of this data version, kept across reruns
locked = ui.read_only()
round_no = st.session_state.setdefault("ingest-round", 0)

st.title("Ingest documents")
st.caption(
    "Upload briefs as .txt, .md or .html. Claims, actors, candidate events, threat perceptions and relations are "
    "found for you to review; nothing is written until you commit."
)
if done := st.session_state.pop("ingest-done", None):
    st.success(done, icon=":material/task_alt:")
    ui.page_link(page_by_url("overview"), "See the updated overview")
if locked:
    st.info("This Dossier is read-only: you can preview documents, but not commit them.", icon=":material/lock:")
uploads = st.file_uploader(
    "Documents",
    type=list(UPLOAD_TYPES),
    accept_multiple_files=True,
    key=f"files-{round_no}",
    max_upload_size=MAX_BYTES // 2**20,
    help="Plain text, Markdown or HTML, up to 5 MB each",
)
if not uploads:
    st.info("Upload one or more documents to preview what ingest finds in them.", icon=":material/upload_file:")
    st.stop()

results = []
for upload in uploads:
    name = display_name(upload.name)
    try:
        first = prepare(upload.getvalue(), upload.name, full, context=context)  # analysed once per content
    except IngestError as exc:
        st.error(f"{escape_markdown(name)}: {escape_markdown(str(exc))}", icon=":material/block:")
        continue
    with st.container(border=True):
        st.subheader(escape_markdown(name), anchor=False)
        options = ingest_ui.details(first)
        # Changed details re-resolve only the dates: the analysis comes from the context's cache.
        result = prepare(upload.getvalue(), upload.name, full, options, context) if options else first
        ingest_ui.captions(result)
        results.append(ingest_ui.review_tabs(result))

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
