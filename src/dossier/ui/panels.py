"""What the chart pages show around a chart: the matrix views with their clicked cells, and timeline events.

Each panel takes a typed chart result (``charts.catalog``) and renders it; the words come from
``views/``, the data from ``analysis/``. Text from data is escaped before it reaches Markdown.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ..analysis import chronology
from ..analysis.evidence import event_evidence
from ..charts import catalog
from ..dataset import Dataset
from ..filters import Selection
from ..importers.licences import source_names
from ..safe import escape_markdown as md
from ..views import event_text, matrix_text
from ..views.clicks import selected_event_ids
from ..views.labels import LANE_KEYS, MEASURE_KEYS, MEASURES
from ..views.navigation import MATRIX_VIEWS, VIEW_PARAM, MatrixView
from . import curation as edit
from .data import built, event_record
from .downloads import chart_downloads
from .widgets import clickable_chart, empty_state, quote_claims

DYAD_COLUMNS = {
    "side_a": st.column_config.TextColumn("Side A", help="side_a or subject of the event"),
    "side_b": st.column_config.TextColumn("Side B", help="side_b or object of the event"),
    "events": st.column_config.NumberColumn("Events", format="localized"),
    "fatalities": st.column_config.NumberColumn("Fatalities", help="Empty: no event reports a figure"),
    "fatality_events": st.column_config.NumberColumn("Events with a fatality figure"),
}


# --- Matrix ---------------------------------------------------------------------------------------------------------


def matrix_view_picker(selection: Selection) -> MatrixView:
    """The matrix view, bound to ?view=; with a date filter, says how undated assessments are dated."""
    shown = _url_choice("View", {v.label: v for v in MATRIX_VIEWS}, VIEW_PARAM, None)
    if (selection.start or selection.end) and shown.shows != "dyad":
        st.caption("Assessments and relations are dated by their sources' publication dates; undated sources pass.")
    return shown


def threat_panel(full: Dataset, view: Dataset) -> None:
    """The threat matrix, its divergences, and the claims of the clicked cell beside it."""
    out = catalog.threat_chart(full, view)
    if out is None:
        empty_state("threat assessments", view.selection)
        return
    for note in out.divergence_notes():
        st.warning(md(note), icon=":material/compare_arrows:")
    chart, panel = st.columns([3, 2], gap="medium")
    with panel:
        pick = clickable_chart(out.figure, "threat-chart", out.options(), "Cell", chart)
        if pick is None:
            st.caption("Click a cell to read the claims behind it, verbatim with their grades.")
        else:
            cell = out.cell(pick)
            _threat_cell(cell, out.names)
            edit.cell_actions(full, cell.perceiver, cell.threat)
    for note in out.silence_notes():
        st.caption(md(note))
    chart_downloads(out, view.selection, "threats")


def _threat_cell(cell, names: dict[str, str]) -> None:
    st.subheader(md(matrix_text.cell_heading(cell, names)), anchor=False)
    if not cell.stated:
        st.info(md(matrix_text.not_stated_note(cell, names)), icon=":material/help:")
    if cell.trend:
        st.caption(f"Trend: {md(cell.trend)}")
    if cell.note:
        st.caption(f"Analyst's note: {md(cell.note)}")
    quote_claims(cell.claims)


def relations_panel(full: Dataset, view: Dataset) -> None:
    """The relations matrix, and each tie of the clicked cell with its claims."""
    out = catalog.relations_chart(full, view)
    if out is None:
        empty_state("relations", view.selection)
        return
    pick = clickable_chart(out.figure, "relation-chart", out.options(), "Tie")
    if pick is None:
        st.caption("Click a cell to read the claims behind each tie. → directed, ↔ mutual.")
    for tie in out.ties_in(pick) if pick else []:
        st.subheader(md(matrix_text.tie_heading(tie, out.names)), anchor=False)
        if tie.note:
            st.caption(f"Analyst's note: {md(tie.note)}")
        quote_claims(tie.claims)
    if pick:
        edit.tie_actions(full, *pick.split("|"))
    chart_downloads(out, view.selection, "relations")


def dyad_panel(full: Dataset, view: Dataset) -> None:
    """Actor × actor counts or fatalities, with the measure and scale chosen here, and every dyad as a table."""
    if built(catalog.dyad_chart, full, view, "events", True) is None:  # no dyad whatever the measure
        empty_state("event dyads", view.selection)
        st.caption("A dyad needs an event with actors on both sides: side_a/side_b, or subject/object.")
        return
    left, right = st.columns(2)
    measure = left.segmented_control(
        "Measure", list(MEASURES), default="events", required=True, format_func=MEASURES.get, key="measure"
    )
    log = right.toggle(
        "Log colour scale",
        value=True,
        help="Colour by log10(value + 1) so a few busy dyads do not wash out the rest. Cell numbers stay exact.",
    )
    out = built(catalog.dyad_chart, full, view, measure, log)
    if out.fell_back:
        st.info("None of these events reports a fatality figure; showing event counts.", icon=":material/info:")
    st.plotly_chart(out.figure, key="dyad-chart", width="content", config={"displaylogo": False})
    chart_downloads(out, view.selection, "dyads")
    if out.coverage_note():
        st.caption(out.coverage_note())
    # Lazy, like the undated events: a closed expander's table is not sent, so the heatmap paints sooner (the
    # table's grid component is loaded only when it is opened); opening it reruns.
    dyads = len(out.found)
    table = st.expander(
        f"Every dyad as a table ({dyads:,} dyad{'s' if dyads != 1 else ''})",
        key=DYAD_TABLE,
        on_change="rerun",
        icon=":material/table:",
    )
    if table.open:
        with table:
            st.dataframe(out.table(), hide_index=True, placeholder="not reported", column_config=DYAD_COLUMNS)


DYAD_TABLE = "dyad-table-open"
MATRIX_PANELS = {"assessment": threat_panel, "relation": relations_panel, "dyad": dyad_panel}


def matrix_panel(shown: MatrixView, full: Dataset, view: Dataset) -> None:
    """The panel of the chosen view (one per entry of ``views.navigation.MATRIX_VIEWS``)."""
    MATRIX_PANELS[shown.shows](full, view)


# --- Timeline -------------------------------------------------------------------------------------------------------

TIMELINE_CHART, EVENT_PICKER = "timeline-chart", "timeline-event"


def _url_choice(label: str, keys: dict, key: str, help: str | None):
    """A segmented control bound to the URL by its label (?lanes=Country); returns the chosen key."""
    labels = list(keys)
    return keys[
        st.segmented_control(label, labels, default=labels[0], required=True, key=key, bind="query-params", help=help)
    ]


def lanes_picker() -> str:
    """Lanes by actor, country or event type, bound to ?lanes=."""
    return _url_choice("Lanes", LANE_KEYS, "lanes", "One row per actor, per country or per event type.")


def measure_picker() -> str:
    """What the aggregated view counts, bound to ?measure=."""
    return _url_choice("Count", MEASURE_KEYS, "measure", "Fatalities are summed where the event data reports them.")


def _follow_click() -> None:
    """A click on an event mark picks that event in the selectbox below the chart."""
    clicked = selected_event_ids(st.session_state.get(TIMELINE_CHART))
    if clicked:
        st.session_state[EVENT_PICKER] = clicked[0]


def timeline_with_picker(chart: catalog.TimelineChart, view: Dataset) -> str | None:
    """The timeline, how to read it, its downloads, and the event picked by a click or in the selectbox."""
    st.plotly_chart(
        chart.figure,
        key=TIMELINE_CHART,
        on_select=_follow_click,
        selection_mode="points",
        config={"displaylogo": False, "modeBarButtonsToRemove": ["select2d", "lasso2d"]},
    )
    st.caption(md(event_text.reading_note(view.events, chart.aggregated)))
    chart_downloads(chart, view.selection, "timeline")
    choices = event_text.event_choices(view, chart.aggregated)
    if st.session_state.get(EVENT_PICKER) not in choices:
        st.session_state[EVENT_PICKER] = None
    return st.selectbox(
        "Event",
        list(choices),
        format_func=choices.get,
        index=None,
        key=EVENT_PICKER,
        placeholder="Click an event on the chart, or choose one here",
    )


def event_panel(full: Dataset, event_id: str) -> None:
    """The picked event's facts and the claims that evidence it (looked up in the whole dataset).

    An imported event rests on its publisher's record instead of claims: its source texts are shown
    verbatim, read from disk for this one event (they stay out of the loaded dataset).
    """
    facts = event_text.facts(full, [event_id]).iloc[0]
    record = event_record(full, event_id) if pd.notna(facts.get("import_id")) else None
    source = next(iter(source_names(pd.DataFrame([facts]), full.imports)), "")
    _event(facts, event_evidence(full, [event_id])[event_id], "timeline-details", record=record, source=source)
    edit.event_actions(full, event_id)


def _event(
    facts: pd.Series,
    claims: pd.DataFrame,
    key: str,
    title: bool = True,
    record: pd.Series | None = None,
    source: str = "",
) -> None:
    """An event's date (with its basis), type and actors, then its evidencing claims verbatim."""
    with st.container(border=title, key=key):
        if title:
            st.markdown(f"**{md(facts['title'])}**")
        st.caption(md(" · ".join(event_text.fact_line(facts))))
        analyst = facts["date_basis"] == "analyst"
        st.caption(("✎ " if analyst else "") + md(facts["basis_text"]))
        if record is None:
            quote_claims(claims, empty="No claim in the dataset evidences this event.")
            return
        quote_claims(claims)
        with st.container(key=f"{key}-record"):
            st.markdown(f"**Imported record:** {md(event_text.record_heading(record, source))}")
            for label, text in event_text.record_lines(record):
                st.markdown(f"**{md(label)}:** {md(text)}")
            if claims.empty:
                st.caption("No claim in the dataset evidences this event: it rests on the record above.")


def undated_events(full: Dataset, view: Dataset) -> None:
    """The events no source dates, listed with their claims, since no honest chart can place them."""
    undated = chronology.undated(view)["event_id"]
    if not len(undated):
        return
    st.subheader("Undated events")
    st.caption("No source dates these events, so the chart does not place them. Open one to read its claims.")
    listed = list(undated.head(chronology.MAX_LISTED))
    claims_of = event_evidence(full, listed)
    for event_id, facts in event_text.facts(full, listed).iterrows():
        # Lazy: a closed expander's content is not sent, so the page paints its chart sooner; opening one reruns.
        box = st.expander(
            md(event_text.undated_label(facts, len(claims_of[event_id]))),
            key=f"undated-open-{event_id}",
            on_change="rerun",
        )
        if box.open:
            with box:
                _event(facts, claims_of[event_id], key=f"undated-{event_id}", title=False)
    if len(undated) > len(listed):
        st.caption(f"and {len(undated) - len(listed):,} more undated events; narrow the filters to list them.")
