"""Actor/threat matrix: who fears whom, who works with whom, who fights whom, with the evidence in every cell."""

import streamlit as st

from dossier import matrix, ui
from dossier.charts import catalog
from dossier.claims import claims_for
from dossier.safe import escape_markdown as md
from dossier.ui import curation as edit

ui.require_frame()
VIEWS = ("Threat perceptions", "Relations", "Event dyads")
full, view = ui.filtered()
selection = view.selection
names = matrix.actor_names(full.actors)

st.title("Actor/threat matrix")
st.caption(f"Showing: {md(selection.describe())}")
shown = st.segmented_control("View", VIEWS, default=VIEWS[0], required=True, key="view", bind="query-params")
if (selection.start or selection.end) and shown != "Event dyads":
    st.caption("Assessments and relations are dated by their sources' publication dates; undated sources pass.")

if shown == "Threat perceptions":
    out = catalog.threat_chart(full, view)
    if out is None:
        ui.empty_state("threat assessments", selection)
        st.stop()
    cells, split, evidence = out.extras["cells"], out.extras["split"], out.extras["evidence"]
    for note in matrix.divergence_notes(split, names):
        st.warning(md(note), icon=":material/compare_arrows:")
    fig = out.figure
    chart, panel = st.columns([3, 2], gap="medium")
    with panel:
        pick = ui.clickable_chart(fig, "threat-chart", matrix.threat_options(cells, names), "Cell", chart)
        if pick is None:
            st.caption("Click a cell to read the claims behind it, verbatim with their grades.")
        else:
            cell = cells[(cells["perceiver"] + "|" + cells["threat"]) == pick].iloc[0]
            who, what = md(names.get(cell["perceiver"], "")), md(names.get(cell["threat"], ""))
            st.subheader(f"{who} on {what}: {matrix.level_label(cell['level'])}", anchor=False)
            if not cell["stated"]:
                st.info(
                    f"No source in the data states how {who} rates {what}. "
                    "“Not stated” is an absence of evidence, not a low rating.",
                    icon=":material/help:",
                )
            if cell["trend"]:
                st.caption(f"Trend: {md(cell['trend'])}")
            if cell["note"]:
                st.caption(f"Analyst's note: {md(cell['note'])}")
            for _, claim in claims_for(cell["claim_ids"], evidence).iterrows():
                ui.quote_claim(claim)
            edit.cell_actions(full, cell["perceiver"], cell["threat"])
    for note in matrix.silence_notes(matrix.silent_elsewhere(cells, out.extras["everyone"]), names):
        st.caption(md(note))
    ui.chart_downloads(out, selection, "threats")

elif shown == "Relations":
    out = catalog.relations_chart(full, view)
    if out is None:
        ui.empty_state("relations", selection)
        st.stop()
    cells, edges, fig = out.extras["cells"], out.extras["edges"], out.figure
    pick = ui.clickable_chart(fig, "relation-chart", matrix.relation_options(cells, names), "Tie")
    if pick is None:
        st.caption("Click a cell to read the claims behind each tie. → directed, ↔ mutual.")
    else:
        source, target = pick.split("|")
        for tie in matrix.ties_in(edges, source, target).itertuples():
            arrow = "→" if tie.directed else "↔"
            label = f"{names.get(tie.source, '')} {arrow} {names.get(tie.target, '')}: {tie.kind}"
            st.subheader(md(label + (f" ({tie.qualifier})" if tie.qualifier else "")), anchor=False)
            if tie.note:
                st.caption(f"Analyst's note: {md(tie.note)}")
            for _, claim in claims_for(tie.claim_ids, out.extras["evidence"]).iterrows():
                ui.quote_claim(claim)
        edit.tie_actions(full, source, target)
    ui.chart_downloads(out, selection, "relations")

else:
    found = matrix.dyads(view.events, view.event_actors)
    if found.empty:
        ui.empty_state("event dyads", selection)
        st.caption("A dyad needs an event with actors on both sides: side_a/side_b, or subject/object.")
        st.stop()
    left, right = st.columns(2)
    measure = left.segmented_control("Measure", list(matrix.MEASURES), default="events", required=True,
                                     format_func=matrix.MEASURES.get, key="measure")  # fmt: skip
    log = right.toggle("Log colour scale", value=True, help="Colour by log10(value + 1) so a few busy dyads do "
                       "not wash out the rest. Cell numbers stay exact.")  # fmt: skip
    if measure == "fatalities" and not found["fatality_events"].any():
        st.info("None of these events reports a fatality figure; showing event counts.", icon=":material/info:")
        measure = "events"
    out = catalog.dyad_chart(full, view, measure, log)
    grid = out.extras["grid"]
    st.plotly_chart(out.figure, key="dyad-chart", width="content", config={"displaylogo": False})
    ui.chart_downloads(out, selection, "dyads")
    n_a, n_b = found["side_a"].nunique(), found["side_b"].nunique()
    if grid.shape != (n_a, n_b):
        st.caption(f"The matrix shows the {grid.shape[0]} busiest of {n_a} side-A and {grid.shape[1]} of {n_b} "
                   "side-B actors; the table lists every dyad.")  # fmt: skip
    st.dataframe(
        matrix.named(found, names, ["side_a", "side_b"]),
        hide_index=True,
        placeholder="not reported",
        column_config={
            "side_a": st.column_config.TextColumn("Side A", help="side_a or subject of the event"),
            "side_b": st.column_config.TextColumn("Side B", help="side_b or object of the event"),
            "events": st.column_config.NumberColumn("Events", format="localized"),
            "fatalities": st.column_config.NumberColumn("Fatalities", help="Empty: no event reports a figure"),
            "fatality_events": st.column_config.NumberColumn("Events with a fatality figure"),
        },
    )
