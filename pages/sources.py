"""Sources: every document with its provenance, and a reader that highlights each claim span."""

import streamlit as st

from dossier import reader, ui
from dossier.claims import with_source
from dossier.safe import escape_markdown, web_url
from dossier.ui import curation as edit

COLUMNS = {
    "title": st.column_config.TextColumn("Title", width="large"),
    "publisher": st.column_config.TextColumn("Publisher"),
    "url": st.column_config.LinkColumn("URL", help="Empty when the source does not give one"),
    "published": st.column_config.DateColumn("Published", help="Empty when the source does not say"),
    "accessed": st.column_config.DateColumn("Accessed"),
    "licence": st.column_config.TextColumn("Licence"),
    "reliability_label": st.column_config.TextColumn("Reliability", help="Admiralty source reliability, A to F"),
    "claims": st.column_config.NumberColumn("Claims", help="Claims taken from this source"),
    "source_id": st.column_config.TextColumn("Source id"),
}
CLAIM_COLUMNS = {
    "text": st.column_config.TextColumn("Claim (verbatim)", width="large"),
    "kind": st.column_config.TextColumn("Kind"),
    "grade": st.column_config.TextColumn("Grade", help="Admiralty grade; the Claims page explains the scales"),
    "cited_by": st.column_config.ListColumn("Cited by"),
    "claim_id": st.column_config.TextColumn("Claim id"),
}


def open_source(key: str, listed) -> None:
    """A row picked in the source list opens that source (and drops any ?claim=)."""
    rows = st.session_state[key].selection.rows
    if rows:
        st.query_params.pop("claim", None)
        st.query_params["source"] = listed.iloc[rows[0]]["source_id"]


def open_claim(key: str, claims) -> None:
    """A row picked in the claim list opens that claim in the reader."""
    rows = st.session_state[key].selection.rows
    if rows:
        st.query_params["claim"] = claims.iloc[rows[0]]["claim_id"]


ui.require_frame()
full, view = ui.filtered()
listed = reader.source_list(view.sources, full.claims)
graded = with_source(full.claims, full.sources)
request = reader.resolve(graded, full.sources, listed, st.query_params.get("claim"), st.query_params.get("source"))
citing = reader.citations(full)

st.title("Sources")
st.caption(f"Showing: {escape_markdown(view.selection.describe())}. Select a row to read that source.")
if request.problem:
    st.warning(escape_markdown(request.problem), icon=":material/link_off:")
if listed.empty:
    ui.empty_state("sources", view.selection)
shown = None if request.source is None else request.source["source_id"]
list_key = f"sources-{shown}"  # a fresh table for each open source, ticked on that source
st.dataframe(
    listed[list(COLUMNS)].assign(url=listed["url"].map(web_url)), key=list_key,  # only web links are links
    on_select=lambda: open_source(list_key, listed),
    selection_mode="single-row", selection_default=reader.row_selection(listed["source_id"], shown),
    hide_index=True, column_config=COLUMNS, placeholder="not stated",
)  # fmt: skip

source, focus = request.source, request.focus
if source is not None:
    st.header(escape_markdown(source["title"]), anchor=False)
    st.caption(
        escape_markdown(reader.provenance_line(source)),
        help=escape_markdown(f"Reliability basis: {source['reliability_basis'] or 'not recorded'}"),
    )
    if focus is not None:
        with st.container(border=True):
            st.markdown(
                f"**Opened claim {escape_markdown(focus['claim_id'])}** · {reader.kind_label(focus['kind'])} · "
                f"grade **{focus['grade']}**: {escape_markdown(focus['grade_meaning'])}"
            )
            if not (view.claims["claim_id"] == focus["claim_id"]).any():
                st.caption("This claim lies outside the current filters; it is shown because the link asked for it.")
            st.caption("Cited by:")
            ui.citation_links(reader.citations_of(citing, focus["claim_id"]))
        edit.claim_actions(full, focus["claim_id"], key="reader-claim")
    st.html(reader.legend_html(focus=focus is not None))
    focus_id = None if focus is None else focus["claim_id"]
    with st.container(height=520, border=True):
        st.html(reader.highlight_html(source["text"], request.claims, focus=focus_id))
        if focus_id:
            st.html(reader.scroll_script(focus_id), unsafe_allow_javascript=True)
    st.caption(f"{len(request.claims)} claims highlighted by kind; hover one for its id and grade.")
    st.subheader("Claims in this source", anchor=False)
    claims, key = reader.claim_rows(request.claims, citing), f"claims-{shown}-{focus_id}"
    st.dataframe(
        claims[list(CLAIM_COLUMNS)], key=key, on_select=lambda: open_claim(key, claims),
        selection_mode="single-row", selection_default=reader.row_selection(claims["claim_id"], focus_id),
        hide_index=True, column_config=CLAIM_COLUMNS,
    )  # fmt: skip
    st.caption("Select a claim to open it: the reader marks it and lists what cites it.")
