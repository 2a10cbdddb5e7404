"""Timeline: the filtered events over time; click one to read the claims that evidence it."""

import streamlit as st

from dossier import ui
from dossier.analysis import chronology
from dossier.charts import catalog

ui.require_frame()
full, view = ui.filtered()

st.title("Timeline")
lanes = ui.lanes_picker()
if view.events.empty:
    ui.empty_state("events", view.selection)
    st.stop()
aggregated = chronology.should_aggregate(view, lanes)
measure = ui.measure_picker() if aggregated else "events"
chart = ui.built(catalog.timeline_chart, full, view, lanes, measure, aggregated)
picked = ui.timeline_with_picker(chart, view)
if picked:
    ui.event_panel(full, picked)
ui.undated_events(full, view)
