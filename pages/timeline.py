"""Timeline: the filtered events over time; click one to read the claims that evidence it."""

import streamlit as st

from dossier import timeline, ui
from dossier.charts import catalog
from dossier.safe import escape_markdown
from dossier.ui import curation as edit

ui.require_frame()
CHART, PICKER = "timeline-chart", "timeline-event"


def follow_click() -> None:
    """A click on an event mark picks that event in the selectbox below the chart."""
    clicked = timeline.selected_event_ids(st.session_state.get(CHART))
    if clicked:
        st.session_state[PICKER] = clicked[0]


def show_event(facts, claims, key: str, title: bool = True) -> None:
    """An event's date (with its basis), type and actors, then its evidencing claims verbatim."""
    with st.container(border=title, key=key):
        if title:
            st.markdown(f"**{escape_markdown(facts['title'])}**")
        st.caption(escape_markdown(" · ".join(timeline.fact_line(facts))))
        analyst = facts["date_basis"] == "analyst"
        st.caption(("✎ " if analyst else "") + escape_markdown(facts["basis_text"]))
        if claims.empty:
            st.caption("No claim in the dataset evidences this event.")
        for _, claim in claims.iterrows():
            ui.quote_claim(claim)


full, view = ui.filtered()

st.title("Timeline")
lanes = timeline.LANE_KEYS[
    st.segmented_control(
        "Lanes", list(timeline.LANE_KEYS), default="Actor", required=True, key="lanes", bind="query-params",
        help="One row per actor, per country or per event type.",
    )
]  # fmt: skip
if view.events.empty:
    ui.empty_state("events", view.selection)
    st.stop()

aggregated = timeline.should_aggregate(view, lanes)
measure = "events"
if aggregated:
    measure = timeline.MEASURE_KEYS[
        st.segmented_control(
            "Count", list(timeline.MEASURE_KEYS), default="Events", required=True, key="measure",
            bind="query-params", help="Fatalities are summed where the event data reports them.",
        )
    ]  # fmt: skip
chart = catalog.timeline_chart(full, view, lanes, measure, aggregated)
st.plotly_chart(
    chart.figure, key=CHART, on_select=follow_click, selection_mode="points",
    config={"displaylogo": False, "modeBarButtonsToRemove": ["select2d", "lasso2d"]},
)  # fmt: skip
st.caption(escape_markdown(timeline.reading_note(view.events, aggregated)))
ui.chart_downloads(chart, view.selection, "timeline")

choices = timeline.pickable(view, aggregated)
if st.session_state.get(PICKER) not in choices:
    st.session_state[PICKER] = None
picked = st.selectbox(
    "Event", list(choices), format_func=choices.get, index=None, key=PICKER,
    placeholder="Click an event on the chart, or choose one here",
)  # fmt: skip
if picked:
    show_event(timeline.facts(full, [picked]).iloc[0], timeline.evidence(full, [picked])[picked], "timeline-details")
    edit.event_actions(full, picked)

undated = timeline.undated(view)["event_id"]
if len(undated):
    st.subheader("Undated events")
    st.caption("No source dates these events, so the chart does not place them. Their claims are below.")
    listed = list(undated.head(timeline.MAX_LISTED))
    evidence = timeline.evidence(full, listed)
    for event_id, facts in timeline.facts(full, listed).iterrows():
        claims = evidence[event_id]
        label = f"{facts['title']} · {len(claims)} claim{'s' if len(claims) != 1 else ''}"
        with st.expander(escape_markdown(label)):
            show_event(facts, claims, key=f"undated-{event_id}", title=False)
    if len(undated) > len(listed):
        st.caption(f"and {len(undated) - len(listed):,} more undated events; narrow the filters to list them.")
