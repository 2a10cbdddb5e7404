"""Import: bring UCDP GED and ACLED event files into the dataset, with their licence and provenance."""

import datetime as dt

import streamlit as st

from dossier import ui
from dossier.importers import FORMATS, IMPORTERS, ImportRefused
from dossier.importers import view as show
from dossier.importers.run import commit_import, prepare_import
from dossier.safe import escape_markdown
from dossier.store import data_dir, display_name
from dossier.ui import curation as edit

ui.require_frame()
full, view = ui.filtered()
state = st.session_state
state.setdefault("import-upload", 0)


def finish(kind: str, message: str) -> None:
    state["import-message"] = (kind, escape_markdown(message))
    state["import-upload"] += 1  # a fresh, empty uploader
    state.pop("import-prepared", None)


def commit(good_rows: bool) -> None:
    prepared = state["import-prepared"]
    if prepared.spec.licence.needs_access_details:
        prepared.accessed, prepared.filters = str(state.get("import-accessed") or ""), state.get("import-filters", "")
    try:
        commit_import(prepared, data_dir(), good_rows=good_rows)
        finish("success", f"Imported {prepared.rows_good:,} events from {prepared.file_name}.")
    except ImportRefused as exc:
        finish("error", str(exc))


def check(upload, fmt: str) -> None:
    """Read and check a new upload once; the result waits in the session until imported or dropped."""
    state.pop("import-prepared", None)
    state["import-key"] = (upload.file_id, fmt)
    bar = st.progress(0.0, text="Reading…")
    try:
        state["import-prepared"] = prepare_import(
            upload.getvalue(), data_dir(), file_name=upload.name, fmt=fmt,
            progress=lambda done, text: bar.progress(done, text=text),
        )  # fmt: skip
    except ImportRefused as exc:
        st.error(escape_markdown(str(exc)), icon=":material/error:")
    bar.empty()


st.title("Import events")
st.caption("UCDP GED and ACLED CSV exports. Every row is checked; each import keeps its file, checksum and licence.")
with st.expander("Licences and attribution", icon=":material/license:"):
    for spec in IMPORTERS:
        st.markdown(f"**{escape_markdown(spec.name)}** · {escape_markdown(spec.licence.licence)}")
        st.caption(escape_markdown(f"{spec.licence.terms} Cite: {spec.licence.citation}"))
if message := state.pop("import-message", None):
    getattr(st, message[0])(message[1])

upload, prepared = None, None
if ui.read_only():
    st.info("This copy of Dossier is read-only: imports are switched off.", icon=":material/lock:")
else:
    upload = st.file_uploader("CSV file", type=["csv"], key=f"import-file-{state['import-upload']}",
                              help=f"Up to {st.get_option('server.maxUploadSize')} MB here; import larger files "
                              "with `python -m dossier import-events FILE`.")  # fmt: skip
    choices = {"auto": "Detect from the header", **{k: s.name for k, s in FORMATS.items()}}
    fmt = st.radio("Format", list(choices), format_func=choices.get, horizontal=True, key="import-format")
    if upload is not None and state.get("import-key") != (upload.file_id, fmt):
        check(upload, fmt)
    prepared = state.get("import-prepared") if upload is not None else None

if prepared is not None:
    st.subheader(f"Check: {escape_markdown(prepared.file_name)}")
    st.caption(escape_markdown(f"{prepared.spec.name} ({prepared.layout}) · SHA-256 {prepared.sha256[:16]}…"))
    for column, (label, value) in zip(st.columns(3), show.counts(prepared).items()):
        column.metric(label, f"{value:,}", border=True)
    if prepared.rows_rejected:
        st.dataframe(show.reasons_frame(prepared), hide_index=True,
                     column_config={"Rows": st.column_config.NumberColumn(width="small")})  # fmt: skip
        st.download_button("Download the rejected rows (CSV)", show.rejected_csv(prepared), mime="text/csv",
                           file_name=f"rejected-{prepared.file_name}", icon=":material/download:")  # fmt: skip
    st.markdown(f"**Actors:** {prepared.actors_mapped:,} names map to the gazetteer; "
                f"{prepared.actors_unmapped:,} do not and become actors of their own.")  # fmt: skip
    tabs = st.tabs([f"Mapped ({prepared.actors_mapped:,})", f"Not mapped ({prepared.actors_unmapped:,})"])
    for tab, mapped in zip(tabs, (True, False)):
        tab.dataframe(show.actors_frame(prepared, mapped=mapped), hide_index=True)
    if prepared.spec.licence.needs_access_details and prepared.rows_good:
        st.caption("ACLED's terms ask for the access date and the filters in every attribution; both are stored.")
        left, right = st.columns(2)
        left.date_input("Date you downloaded the file", value=dt.date.today(), key="import-accessed")
        right.text_input("Filters used for the export", key="import-filters", placeholder="country = Pakistan")
    if prepared.rows_rejected and prepared.rows_good:
        st.warning(f"{prepared.rows_rejected:,} rows fail the checks. Import the others, or nothing?")
        choice = st.container(horizontal=True)
        choice.button(f"Import the {prepared.rows_good:,} good rows", on_click=commit, args=(True,), type="primary")
        choice.button(
            "Import nothing", on_click=finish, args=("info", f"Nothing was imported from {display_name(upload.name)}.")
        )
    elif prepared.rows_good:
        st.button(f"Import {prepared.rows_good:,} events", on_click=commit, args=(False,), type="primary")
    else:
        st.error("No row passes the checks, so there is nothing to import.")

st.subheader("Imported files")
if full.imports.empty:
    st.caption("Nothing imported yet.")
else:
    st.dataframe(show.registry_frame(full.imports), hide_index=True)
    st.caption(escape_markdown(show.counts_line(view)))
    st.subheader("Actors to map")
    st.caption("Names the gazetteer does not know, under the current filters. Add one as an alias in "
               "actors.csv to map it; the next load applies it without re-importing.")  # fmt: skip
    st.dataframe(show.unmapped_actors(view.actors, view.event_actors), hide_index=True)
    edit.unmapped_panel(full)
