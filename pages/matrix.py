"""Actor/threat matrix: who fears whom, who works with whom, who fights whom, with the evidence in every cell."""

import streamlit as st

from dossier import ui
from dossier.safe import escape_markdown

ui.require_frame()
full, view = ui.filtered()

st.title("Actor/threat matrix")
st.caption(f"Showing: {escape_markdown(view.selection.describe())}")
shown = ui.matrix_view_picker(view.selection)
ui.matrix_panel(shown, full, view)
