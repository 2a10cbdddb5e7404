"""Widgets shared by pages, so that every page quotes, cites and shows an empty view the same way."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import claims as claim_tools
from ..dataset import Dataset
from ..filters import Selection
from ..registry import PAGES
from ..safe import escape_markdown, web_url
from ..views.clicks import picked
from .frame import page_link, visible_pages
from .sidebar import clear_filters


def empty_state(what: str, selection: Selection) -> None:
    st.info(f"No {what} match the current filters ({selection.describe()}).", icon=":material/search_off:")
    st.button("Clear filters", on_click=clear_filters, key=f"clear-{what}", icon=":material/filter_alt_off:")


def quote_claim(claim: pd.Series, link_to_reader: bool = True) -> None:
    """A claim shown verbatim as a quotation, with its citation and Admiralty grade."""
    with st.container(border=True):
        st.markdown("> " + escape_markdown(claim["text"]))
        st.caption(
            escape_markdown(claim_tools.citation(claim)) + " · " + escape_markdown(str(claim["grade_meaning"])),
            help=f"{claim['grade']}: {claim['grade_meaning']}. Kind: {claim_tools.kind_label(claim['kind'])}.",
        )
        if link_to_reader and any(p.url_path == "sources" for p in PAGES):
            reader = next(p for p in PAGES if p.url_path == "sources")
            page_link(reader, "Open in source", claim=str(claim["claim_id"]))


def quote_claims(claims: pd.DataFrame, empty: str = "") -> None:
    """Each claim quoted in order; ``empty`` is said when there is none."""
    if claims.empty and empty:
        st.caption(empty)
    for _, claim in claims.iterrows():
        quote_claim(claim)


def explore_links(here: str) -> None:
    """A link to every other visible page, with its summary from the page registry."""
    for spec in visible_pages():
        if spec.url_path != here:
            page_link(spec, f"{spec.title}: {spec.summary}")


def citation_links(citations: list) -> None:
    """Links to the pages showing what cites a claim (``claims.Citation``s); plain text if the page is absent."""
    pages = {p.url_path: p for p in PAGES}
    if not citations:
        st.caption("No event, assessment or relation in the dataset cites this claim.")
    for cited in citations:
        if cited.page in pages:
            page_link(pages[cited.page], escape_markdown(cited.label), **dict(cited.query))
        else:
            st.caption(escape_markdown(cited.label))


def count_metrics(view: Dataset, full: Dataset) -> None:
    """Counts under the filters, each beside the dataset's total."""
    shown, total = view.counts(), full.counts()
    for column, name in zip(st.columns(4), ("sources", "claims", "actors", "events")):
        column.metric(
            name.capitalize(),
            f"{shown[name]:,}",
            help=f"{shown[name]:,} of {total[name]:,} {name} in the dataset match the filters.",
            border=True,
        )
        column.caption(f"of {total[name]:,}")


def source_provenance(sources: pd.DataFrame) -> None:
    """Where each source came from, as a table with clickable URLs."""
    shown = sources[["title", "publisher", "url", "published", "accessed", "reliability", "licence"]]
    shown = shown.assign(url=shown["url"].map(web_url))  # a javascript: URL from the data is no link
    st.dataframe(
        shown,
        hide_index=True,
        column_config={
            "url": st.column_config.LinkColumn("URL", help="Empty when the source does not give one"),
            "published": st.column_config.DateColumn("Published", help="Empty when the source does not state it"),
            "accessed": st.column_config.DateColumn("Accessed"),
            "reliability": st.column_config.TextColumn("Reliability", help="Admiralty source reliability, A to F"),
        },
    )


def clickable_chart(fig, key: str, options: dict[str, str], label: str, chart_area=None) -> str | None:
    """A plotly chart whose cell clicks pick one of ``options`` ('a|b' cell keys -> labels).

    A selectbox mirrors the pick, so keyboard users (and tests) can choose a cell too.
    """
    picker = f"{key}-pick"

    def follow_click() -> None:
        cell = picked(st.session_state.get(key))
        if cell and "|".join(cell) in options:
            st.session_state[picker] = "|".join(cell)

    if st.session_state.get(picker) not in options:
        st.session_state[picker] = None
    (chart_area or st).plotly_chart(
        fig, key=key, on_select=follow_click, selection_mode="points", width="content", config={"displaylogo": False}
    )
    return st.selectbox(
        label,
        list(options),
        format_func=options.get,
        index=None,
        key=picker,
        placeholder="Click a cell in the chart, or choose one here",
    )
