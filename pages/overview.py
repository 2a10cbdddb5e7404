"""Overview: what the filtered view holds, the key judgments, and where to go next."""

import streamlit as st

from dossier import ui
from dossier.claims import key_judgments, with_source
from dossier.safe import escape_markdown

ui.require_frame()
full, view = ui.filtered()
judgments = key_judgments(with_source(view.claims, view.sources))

st.title("Dossier")
st.caption(f"Showing: {escape_markdown(view.selection.describe())}")
ui.count_metrics(view, full)
if view.events.empty:
    ui.empty_state("events", view.selection)
st.subheader("Key judgments")
ui.quote_claims(judgments, empty="No key judgment matches the current filters.")
st.subheader("Briefing pack")
st.caption(
    "The whole filtered view in one file: every chart, the claims behind them, the sources and a link back here."
)
ui.pack_downloads(full, view)
st.subheader("Sources")
ui.source_provenance(view.sources)
st.subheader("Explore")
ui.explore_links("overview")
