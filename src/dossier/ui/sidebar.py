"""The shared sidebar filters, bound to the URL so a view can be shared and survives page switches."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from ..dataset import Dataset
from ..filters import Selection, date_bounds
from ..safe import escape_markdown
from ..schema import GROUP_KINDS
from ..store import data_dir
from .data import _data_version, _load, dataset
from .legacy_pages import leave_legacy_mode

FILTER_KEYS = ("country", "group", "from", "to", "type")


def _country_options(ds: Dataset) -> list[str]:
    states = ds.actors.loc[ds.actors["kind"] == "state", "country"]
    located = pd.Series(ds.events["country"].unique())
    return sorted({c for c in pd.concat([states, located]) if isinstance(c, str) and c})


def _group_options(ds: Dataset) -> tuple[list[str], dict[str, str]]:
    groups = ds.actors[ds.actors["kind"].isin(GROUP_KINDS)].sort_values("actor_id")
    labels = {a: a if a == n else f"{a} · {n}" for a, n in zip(groups["actor_id"], groups["name"])}
    return list(groups["actor_id"]), labels


def _group_help(labels: dict[str, str]) -> str:
    named = [label for label in labels.values() if "·" in label][:12]
    return "Armed groups and organisations, by short name: " + escape_markdown("; ".join(named)) if named else ""


@dataclass(frozen=True)
class FilterOptions:
    countries: list[str]
    groups: list[str]
    group_help: str
    types: list[str]
    low: dt.date
    high: dt.date


@st.cache_resource(show_spinner=False, max_entries=2)
def _filter_options(folder: str, version: tuple) -> FilterOptions:
    """The sidebar's choices, computed once per data version rather than on every rerun."""
    ds = _load(folder, version)
    first, last = date_bounds(ds.events)
    groups, group_labels = _group_options(ds)
    return FilterOptions(
        countries=_country_options(ds), groups=groups, group_help=_group_help(group_labels),
        types=sorted(ds.events["event_type"].dropna().unique()),
        low=min(first, dt.date(1989, 1, 1)) if first else dt.date(1989, 1, 1),
        high=max(last, dt.date.today()) if last else dt.date.today(),
    )  # fmt: skip


def sidebar_filters() -> Selection:
    """The shared filters, bound to the URL (?country=…&group=…&from=…&to=…&type=…)."""
    dataset()  # a broken folder shows its one-line error and stops here
    folder = data_dir()
    options = _filter_options(str(folder), _data_version(folder))
    with st.sidebar:
        st.header("Filters")
        st.multiselect("Country", options.countries, key="country", bind="query-params", placeholder="All countries")
        st.multiselect(
            "Group",
            options.groups,
            key="group",
            bind="query-params",  # the URL carries the option's label, so labels are the actor ids
            placeholder="All groups and organisations",
            help=options.group_help,
        )
        left, right = st.columns(2)
        left.date_input("From", value=None, min_value=options.low, max_value=options.high, key="from",
                        bind="query-params")  # fmt: skip
        right.date_input("To", value=None, min_value=options.low, max_value=options.high, key="to",
                         bind="query-params")  # fmt: skip
        st.multiselect("Event type", options.types, key="type", bind="query-params", placeholder="All event types")
        selection = current_selection()
        if not selection.is_empty:
            st.button("Clear filters", on_click=clear_filters, icon=":material/filter_alt_off:", width="stretch")
        st.caption("Countries and groups combine with OR; dates and types narrow further. The URL keeps the view.")
    return selection


def current_selection() -> Selection:
    state = st.session_state
    return Selection.make(
        countries=state.get("country") or (),
        groups=state.get("group") or (),
        start=state.get("from"),
        end=state.get("to"),
        event_types=state.get("type") or (),
    )


def clear_filters() -> None:
    for key in FILTER_KEYS:
        st.session_state[key] = None if key in ("from", "to") else []


def filtered() -> tuple[Dataset, Dataset]:
    """The full dataset and its view under the shared filters.

    The view needs the frame's filter widgets from this run. When several sessions reach a fresh
    server at once, one can run a page alone in legacy pages/ mode after another has left that mode
    (so ``require_frame`` lets it pass); it is rerun inside the frame rather than ignore its URL filters.
    """
    if "country" not in st.session_state:
        leave_legacy_mode()
        st.rerun()
    ds = dataset()
    return ds, ds.apply(current_selection())
