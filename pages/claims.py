"""Claims: every claim a verbatim, graded span. Search, filter, select one to read it in context."""

import streamlit as st

from dossier import claims, search, ui
from dossier.safe import escape_markdown

ui.require_frame()
full, view = ui.filtered()
citing = claims.citations(full)
table = search.claim_table(view, full, citing)

st.title("Claims")
st.caption(f"Showing: {escape_markdown(view.selection.describe())}")
query = ui.claim_query(full)
found = search.find(table, ui.claim_search_index(full), query, full.claim_actors)
ui.claim_explorer(table, found, query, full, view, citing)
ui.grading_explainer()
