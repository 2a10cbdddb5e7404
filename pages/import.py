"""Import: bring UCDP GED and ACLED event files into the dataset, with their licence and provenance.

The steps and every decision live in ``dossier.importers.session``; this page selects, asks and renders.
"""

import datetime as dt

import streamlit as st

from dossier import ui
from dossier.importers import FORMATS, IMPORTERS
from dossier.importers import view as show
from dossier.importers.session import Act, ImportSession, Step
from dossier.safe import escape_markdown
from dossier.store import data_dir
from dossier.ui import curation as edit

ui.require_frame()
full, view = ui.filtered()
session: ImportSession = st.session_state.setdefault("import-session", ImportSession())


def act(chosen: Act) -> None:
    """Button callback: the access details are read as they are when the button is pressed."""
    state = st.session_state
    session.act(chosen, data_dir(), accessed=state.get("import-accessed"), filters=state.get("import-filters", ""))


st.title("Import events")
st.caption(
    "UCDP GED and ACLED CSV exports, plain or in a ZIP or gzip file. Every row is checked; "
    "each import keeps its file, checksum and licence."
)
with st.expander("Licences and attribution", icon=":material/license:"):
    for spec in IMPORTERS:
        st.markdown(f"**{escape_markdown(spec.name)}** · {escape_markdown(spec.licence.licence)}")
        st.caption(escape_markdown(f"{spec.licence.terms} Cite: {spec.licence.citation}"))
if notice := session.take_notice():
    getattr(st, notice.kind)(escape_markdown(notice.text))

step = Step.SELECT
if ui.read_only():
    st.info("This copy of Dossier is read-only: imports are switched off.", icon=":material/lock:")
else:
    limit = st.get_option("server.maxUploadSize")
    upload = st.file_uploader(
        "CSV file",
        type=["csv", "zip", "gz"],
        key=session.uploader_key,
        help=f"A UCDP GED or ACLED export, or a ZIP or gzip file holding one. Up to {limit} MB here; "
        "import larger files with `python -m dossier import-events FILE`.",
    )
    choices = {"auto": "Detect from the header", **{k: s.name for k, s in FORMATS.items()}}
    fmt = st.radio("Format", list(choices), format_func=choices.get, horizontal=True, key="import-format")
    bar = st.empty()
    chosen = (upload.file_id, upload.name, upload.getvalue) if upload is not None else None
    step = session.select(chosen, fmt, data_dir(), progress=lambda done, text: bar.progress(done, text=text))
    bar.empty()
    if session.refusal:
        st.error(escape_markdown(session.refusal), icon=":material/error:")

if step is Step.REVIEW and (prepared := session.prepared) is not None:
    st.subheader(f"Check: {escape_markdown(prepared.file_name)}")
    st.caption(escape_markdown(f"{prepared.spec.name} ({prepared.layout}) · SHA-256 {prepared.sha256[:16]}…"))
    for column, (label, value) in zip(st.columns(4), show.counts(prepared).items()):
        column.metric(label, f"{value:,}", border=True)
    for group in show.row_groups(prepared):
        st.markdown(group.intro)
        st.dataframe(group.table, hide_index=True)
        st.download_button(
            f"Download the {group.word} rows (CSV)",
            group.csv,
            mime="text/csv",
            file_name=f"{group.word}-{prepared.file_name}",
            icon=":material/download:",
        )
    st.markdown(
        f"**Actors:** {prepared.actors_mapped:,} names map to the gazetteer; "
        f"{prepared.actors_unmapped:,} do not and become actors of their own."
    )
    tabs = st.tabs([f"Mapped ({prepared.actors_mapped:,})", f"Not mapped ({prepared.actors_unmapped:,})"])
    for tab, mapped in zip(tabs, (True, False)):
        tab.dataframe(show.actors_frame(prepared, mapped=mapped), hide_index=True)
    if prepared.spec.licence.needs_access_details and prepared.rows_good:
        st.caption("ACLED's terms ask for the access date and the filters in every attribution; both are stored.")
        left, right = st.columns(2)
        left.date_input("Date you downloaded the file", value=dt.date.today(), key="import-accessed")
        right.text_input("Filters used for the export", key="import-filters", placeholder="country = Pakistan")
    if actions := session.actions():
        if prepared.rows_rejected:
            st.warning(f"{prepared.rows_rejected:,} rows fail the checks. Import the others, or nothing?")
        row = st.container(horizontal=True)
        for action in actions:
            row.button(
                action.label, on_click=act, args=(action.act,), type="primary" if action.primary else "secondary"
            )
    else:
        st.error("No row passes the checks, so there is nothing to import.")

st.subheader("Imported files")
if full.imports.empty:
    st.caption("Nothing imported yet.")
else:
    st.dataframe(show.registry_frame(full.imports), hide_index=True)
    st.caption(escape_markdown(show.counts_line(view)))
    st.subheader("Actors to map")
    st.caption(
        "Names the gazetteer does not know, under the current filters, with near matches. Map one onto a "
        "gazetteer actor below (it becomes an alias); the next load applies it without re-importing."
    )
    st.dataframe(show.unmapped_actors(view.actors, view.event_actors), hide_index=True)
    edit.unmapped_panel(full)
