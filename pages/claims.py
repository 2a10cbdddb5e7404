"""Claims: every claim a verbatim, graded span. Search, filter, select one to read it in context."""

import streamlit as st

from dossier import reader, search, ui
from dossier.claims import citation
from dossier.registry import page_by_url
from dossier.safe import escape_markdown
from dossier.ui import curation as edit

COLUMNS = {
    "text": st.column_config.TextColumn("Claim (verbatim)", width="large"),
    "kind_label": st.column_config.TextColumn("Kind", help="Reported fact, judgment or forecast"),
    "grade": st.column_config.TextColumn(
        "Grade",
        help="Admiralty grade: source reliability A–F, then information credibility 1–6. "
        "The next column spells it out; the scales are explained below the table.",
    ),
    "grade_meaning": st.column_config.TextColumn("Grade meaning"),
    "actors": st.column_config.ListColumn("Actors mentioned"),
    "source": st.column_config.TextColumn("Source"),
    "source_published": st.column_config.DateColumn("Published", help="Empty when the source does not say"),
    "cited_by": st.column_config.ListColumn("Cited by", help="Events, matrix cells and relations resting on it"),
    "key_judgment": st.column_config.CheckboxColumn("Key judgment"),
    "claim_id": st.column_config.TextColumn("Claim id"),
}

ui.require_frame()
full, view = ui.filtered()
citing = reader.citations(full)
table = search.claim_table(view, full, citing)
choices = search.options(full)
documents = full.sources.set_index("source_id")["text"]

st.title("Claims")
st.caption(f"Showing: {escape_markdown(view.selection.describe())}")
text = st.text_input(
    "Search claim text",
    key="q",
    bind="query-params",
    placeholder='Words or "a phrase", all must appear; case and accents are ignored',
    icon=":material/search:",
)
active = sum(bool(st.session_state.get(name) or st.query_params.get_all(name)) for name in search.FILTERS)
with st.expander(
    "Filter by kind, grade, source or actor" + (f" ({active} set)" if active else ""), expanded=bool(active)
):
    picked = {
        name: column.multiselect(
            name.capitalize(), list(choices[name]), key=name, bind="query-params", placeholder="All"
        )
        for column, name in zip(st.columns(len(search.FILTERS)), search.FILTERS)
    }
query = search.ClaimQuery.from_labels(text, choices, picked)
found = search.find(table, ui.claim_search_index(full), query, full.claim_actors)

asked = f" match {escape_markdown(query.describe())}" if query.describe() else ""
st.caption(
    f"{len(found):,} of {len(table):,} claims{asked}." + (" Click a column header to sort." if len(found) else "")
)
if table.empty:
    ui.empty_state("claims", view.selection)
elif found.empty:
    st.info("No claim matches this search. Try fewer words or remove a filter.", icon=":material/search_off:")
event = st.dataframe(
    found[list(COLUMNS)],
    key="claims-" + search.state_key(query, view.selection),
    on_select="rerun",
    selection_mode="single-row",
    hide_index=True,
    column_config=COLUMNS,
    placeholder="not stated",
)

if event.selection.rows:
    claim = found.iloc[event.selection.rows[0]]
    with st.container(border=True):
        st.markdown(
            f"**{escape_markdown(claim['claim_id'])}** · {claim['kind_label']} · "
            f"grade **{claim['grade']}**: {escape_markdown(claim['grade_meaning'])}"
        )
        st.html(reader.context_html(documents[claim["source_id"]], claim, search.highlights(claim["text"], query.text)))
        st.caption(f"In context: the sentences around the claim, from {escape_markdown(citation(claim))}.")
        ui.citation_links(reader.citations_of(citing, claim["claim_id"]))
        ui.page_link(page_by_url("sources"), "Open in source", claim=claim["claim_id"])
    edit.claim_actions(full, claim["claim_id"], key="claims-claim")
elif not found.empty:
    st.caption("Select a row to read the claim in its context and open it in its source.")
    if search.terms(query.text):
        st.subheader("Matches", anchor=False)
        for _, claim in found.head(5).iterrows():
            matches = search.highlights(claim["text"], query.text)
            st.html(reader.context_html(documents[claim["source_id"]], claim, matches, sentences=0))
            st.caption(escape_markdown(citation(claim)))
        if len(found) > 5:
            st.caption(f"… and {len(found) - 5:,} more in the table.")

with st.expander("Grading: what a grade such as B2 means"):
    st.caption("An Admiralty (NATO) grade: how reliable the source is, then how credible the information is.")
    reliability, credibility = search.grading_scales()
    left, right = st.columns(2)
    left.dataframe(reliability, hide_index=True)
    right.dataframe(credibility, hide_index=True)
