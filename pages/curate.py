"""Curate: the gazetteer's actors and aliases, imported names to map, and every change with undo."""

import streamlit as st

from dossier import ui
from dossier.ui import curation as edit

ui.require_frame()
full = ui.dataset()

st.title("Curate")
st.caption(
    "Judgments, events and evidence are recorded from a claim: on the Claims page, in the source reader, "
    "or from a matrix cell or a timeline event. Here: the actors, and the log of every change."
)
st.subheader("Recent changes", anchor=False)
edit.changes_panel()
st.subheader("Actors", anchor=False)
edit.actors_panel(full)
st.subheader("Imported names to map", anchor=False)
edit.unmapped_panel(full)
