"""Sources: every document with its provenance, and a reader that highlights each claim span."""

import streamlit as st

from dossier import reader, ui
from dossier.safe import escape_markdown

ui.require_frame()
full, view = ui.filtered()
listed = reader.source_list(view.sources, full.claims)
request = ui.source_request(full, listed)

st.title("Sources")
st.caption(f"Showing: {escape_markdown(view.selection.describe())}. Select a row to read that source.")
ui.source_list(listed, request, view)
ui.source_reader(request, full, view)
