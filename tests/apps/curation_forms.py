"""A bare page that draws one group of the curation forms, chosen by ?form=, for AppTests."""

import streamlit as st

from dossier import ui
from dossier.ui import curation as edit

full = ui.dataset()
form = st.query_params.get("form", "claim")
if form == "claim":
    edit.claim_actions(full, st.query_params.get("claim", "src-a5dc40561693-07"))
elif form == "cell":
    edit.assessment_controls(full, "PAK", "IS-K")
elif form == "tie":
    edit.relation_controls(full, "USA", "PAK")
elif form == "event":
    edit.event_controls(full, "us-support-reduction")
elif form == "actors":
    edit.actors_panel(full)
elif form == "map":
    edit.unmapped_panel(full)
edit.changes_panel()
