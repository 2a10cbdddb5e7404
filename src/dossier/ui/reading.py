"""Reading claims and sources: the claim explorer with its filters, and the source reader with its claim list.

The claims and sources pages call these in order: pick (filters, a source), get the rows from
``search``/``reader``, show. Claim text is rendered only as escaped HTML or Markdown.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import claims, reader, search
from ..dataset import Dataset
from ..registry import page_by_url
from ..safe import escape_markdown as md
from ..safe import web_url
from . import curation as edit
from .frame import page_link
from .widgets import citation_links, empty_state

CLAIM_COLUMNS = {
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
SOURCE_COLUMNS = {
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
SOURCE_CLAIM_COLUMNS = {
    "text": st.column_config.TextColumn("Claim (verbatim)", width="large"),
    "kind": st.column_config.TextColumn("Kind"),
    "grade": st.column_config.TextColumn("Grade", help="Admiralty grade; the Claims page explains the scales"),
    "cited_by": st.column_config.ListColumn("Cited by"),
    "claim_id": st.column_config.TextColumn("Claim id"),
}
PREVIEWS = 5  # search matches shown in context under the table


# --- Claims page ----------------------------------------------------------------------------------------------------


def claim_query(full: Dataset) -> search.ClaimQuery:
    """The search box and the kind, grade, source and actor filters, all bound to the URL."""
    choices = search.options(full)
    text = st.text_input(
        "Search claim text",
        key="q",
        bind="query-params",
        placeholder='Words or "a phrase", all must appear; case and accents are ignored',
        icon=":material/search:",
    )
    active = sum(bool(st.session_state.get(name) or st.query_params.get_all(name)) for name in search.FILTERS)
    label = "Filter by kind, grade, source or actor" + (f" ({active} set)" if active else "")
    with st.expander(label, expanded=bool(active)):
        picked = {
            name: column.multiselect(
                name.capitalize(), list(choices[name]), key=name, bind="query-params", placeholder="All"
            )
            for column, name in zip(st.columns(len(search.FILTERS)), search.FILTERS)
        }
    return search.ClaimQuery.from_labels(text, choices, picked)


def claim_explorer(
    table: pd.DataFrame,
    found: pd.DataFrame,
    query: search.ClaimQuery,
    full: Dataset,
    view: Dataset,
    citing: pd.DataFrame,
) -> None:
    """How many claims match, the table, and the selected claim in context (or the first matches).

    ``citing`` is ``claims.citations(full)``, built once for the table and the links.
    """
    asked = f" match {md(query.describe())}" if query.describe() else ""
    st.caption(
        f"{len(found):,} of {len(table):,} claims{asked}." + (" Click a column header to sort." if len(found) else "")
    )
    if table.empty:
        empty_state("claims", view.selection)
    elif found.empty:
        st.info("No claim matches this search. Try fewer words or remove a filter.", icon=":material/search_off:")
    event = st.dataframe(
        found[list(CLAIM_COLUMNS)],
        key="claims-" + search.state_key(query, view.selection),
        on_select="rerun",
        selection_mode="single-row",
        hide_index=True,
        column_config=CLAIM_COLUMNS,
        placeholder="not stated",
    )
    documents = full.sources.set_index("source_id")["text"]
    if event.selection.rows:
        _claim_in_context(found.iloc[event.selection.rows[0]], documents, query, citing)
        edit.claim_actions(full, found.iloc[event.selection.rows[0]]["claim_id"], key="claims-claim")
    elif not found.empty:
        st.caption("Select a row to read the claim in its context and open it in its source.")
        _match_previews(found, documents, query)


def _claim_in_context(claim: pd.Series, documents: pd.Series, query: search.ClaimQuery, citing: pd.DataFrame) -> None:
    with st.container(border=True):
        st.markdown(
            f"**{md(claim['claim_id'])}** · {claim['kind_label']} · "
            f"grade **{claim['grade']}**: {md(claim['grade_meaning'])}"
        )
        st.html(reader.context_html(documents[claim["source_id"]], claim, search.highlights(claim["text"], query.text)))
        st.caption(f"In context: the sentences around the claim, from {md(claims.citation(claim))}.")
        citation_links(claims.citations_of(citing, claim["claim_id"]))
        page_link(page_by_url("sources"), "Open in source", claim=claim["claim_id"])


def _match_previews(found: pd.DataFrame, documents: pd.Series, query: search.ClaimQuery) -> None:
    if not search.terms(query.text):
        return
    st.subheader("Matches", anchor=False)
    for _, claim in found.head(PREVIEWS).iterrows():
        matches = search.highlights(claim["text"], query.text)
        st.html(reader.context_html(documents[claim["source_id"]], claim, matches, sentences=0))
        st.caption(md(claims.citation(claim)))
    if len(found) > PREVIEWS:
        st.caption(f"… and {len(found) - PREVIEWS:,} more in the table.")


def grading_explainer() -> None:
    """The two Admiralty scales, folded away under the table."""
    with st.expander("Grading: what a grade such as B2 means"):
        st.caption("An Admiralty (NATO) grade: how reliable the source is, then how credible the information is.")
        reliability, credibility = claims.grading_scales()
        left, right = st.columns(2)
        left.dataframe(reliability, hide_index=True)
        right.dataframe(credibility, hide_index=True)


# --- Sources page ---------------------------------------------------------------------------------------------------


def _pick_table(table: pd.DataFrame, columns: dict, key: str, id_column: str, chosen, open_row, **options) -> None:
    """A table with one row selectable and ``chosen`` ticked; picking a row calls ``open_row`` with its id."""

    def picked() -> None:
        rows = st.session_state[key].selection.rows
        if rows:
            open_row(table.iloc[rows[0]][id_column])

    st.dataframe(
        table[list(columns)],
        key=key,
        on_select=picked,
        selection_mode="single-row",
        hide_index=True,
        selection_default=reader.row_selection(table[id_column], chosen),
        column_config=columns,
        **options,
    )


def _open_source(source_id: str) -> None:
    """A row picked in the source list opens that source (and drops any ?claim=)."""
    st.query_params.pop("claim", None)
    st.query_params["source"] = source_id


def _open_claim(claim_id: str) -> None:
    """A row picked in the claim list opens that claim in the reader."""
    st.query_params["claim"] = claim_id


def source_request(full: Dataset, listed: pd.DataFrame) -> reader.Request:
    """The source (and claim) the URL asks for: ?claim= opens its source, else ?source=, else the first listed."""
    graded = claims.with_source(full.claims, full.sources)
    return reader.resolve(graded, full.sources, listed, st.query_params.get("claim"), st.query_params.get("source"))


def source_list(listed: pd.DataFrame, request: reader.Request, view: Dataset) -> None:
    """Every source under the filters; the open one ticked, a click opens another."""
    if request.problem:
        st.warning(md(request.problem), icon=":material/link_off:")
    if listed.empty:
        empty_state("sources", view.selection)
    shown = None if request.source is None else request.source["source_id"]
    table = listed.assign(url=listed["url"].map(web_url))  # only web links are links
    key = f"sources-{shown}"  # a fresh table for each open source, ticked on that source
    _pick_table(table, SOURCE_COLUMNS, key, "source_id", shown, _open_source, placeholder="not stated")


def source_reader(request: reader.Request, full: Dataset, view: Dataset) -> None:
    """The open source: provenance, the opened claim and what cites it, the highlighted text, its claims."""
    source, focus = request.source, request.focus
    if source is None:
        return
    citing = claims.citations(full)
    st.header(md(source["title"]), anchor=False)
    st.caption(
        md(reader.provenance_line(source)),
        help=md(f"Reliability basis: {source['reliability_basis'] or 'not recorded'}"),
    )
    if focus is not None:
        _opened_claim(focus, view, citing)
        edit.claim_actions(full, focus["claim_id"], key="reader-claim")
    st.html(reader.legend_html(focus=focus is not None))
    focus_id = None if focus is None else focus["claim_id"]
    with st.container(height=520, border=True):
        st.html(reader.highlight_html(source["text"], request.claims, focus=focus_id))
        if focus_id:
            st.html(reader.scroll_script(focus_id), unsafe_allow_javascript=True)
    st.caption(f"{len(request.claims)} claims highlighted by kind; hover one for its id and grade.")
    st.subheader("Claims in this source", anchor=False)
    rows, key = reader.claim_rows(request.claims, citing), f"claims-{source['source_id']}-{focus_id}"
    _pick_table(rows, SOURCE_CLAIM_COLUMNS, key, "claim_id", focus_id, _open_claim)
    st.caption("Select a claim to open it: the reader marks it and lists what cites it.")


def _opened_claim(focus: pd.Series, view: Dataset, citing: pd.DataFrame) -> None:
    with st.container(border=True):
        st.markdown(
            f"**Opened claim {md(focus['claim_id'])}** · {claims.kind_label(focus['kind'])} · "
            f"grade **{focus['grade']}**: {md(focus['grade_meaning'])}"
        )
        if not (view.claims["claim_id"] == focus["claim_id"]).any():
            st.caption("This claim lies outside the current filters; it is shown because the link asked for it.")
        st.caption("Cited by:")
        citation_links(claims.citations_of(citing, focus["claim_id"]))
