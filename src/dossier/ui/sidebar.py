"""The shared sidebar filters, bound to the URL so a view can be shared and survives page switches."""

from __future__ import annotations

from itertools import groupby

import streamlit as st

from ..dataset import Dataset
from ..filters import FILTERS, Date, Filter, Options, Selection, caption
from ..store import data_dir
from .data import _data_version, _load, dataset
from .legacy_pages import leave_legacy_mode

FILTER_KEYS = tuple(f.key for f in FILTERS)  # also their session-state keys and URL names


@st.cache_resource(show_spinner=False, max_entries=2)
def _filter_options(folder: str, version: tuple) -> dict[str, Options]:
    """Every widget's choices, computed once per data version rather than on every rerun."""
    tables = _load(folder, version).tables()
    widgets = dict.fromkeys(f.widget for f in FILTERS)  # equal widgets (From, To) offer the same: compute once
    offered = {widget: widget.options(tables) for widget in widgets}
    return {f.key: offered[f.widget] for f in FILTERS}


def _widget(f: Filter, options: Options) -> None:
    """One filter's widget, bound to the URL under its key (a multiselect's URL carries its option labels)."""
    if isinstance(f.widget, Date):
        st.date_input(
            f.label, value=None, min_value=options.low, max_value=options.high, key=f.key, bind="query-params"
        )
    else:
        placeholder, hint = f.widget.placeholder, options.help or None
        st.multiselect(f.label, options.choices, key=f.key, bind="query-params", placeholder=placeholder, help=hint)


def sidebar_filters() -> Selection:
    """The shared filters of ``filters.FILTERS``, in order, bound to the URL (?country=…&group=…&from=…)."""
    dataset()  # a broken folder shows its one-line error and stops here
    folder = data_dir()
    options = _filter_options(str(folder), _data_version(folder))
    with st.sidebar:
        st.header("Filters")
        for is_date, run in groupby(FILTERS, key=lambda f: isinstance(f.widget, Date)):
            run = list(run)
            if is_date:  # neighbouring date pickers share a row: From | To
                for column, f in zip(st.columns(len(run)), run):
                    with column:
                        _widget(f, options[f.key])
            else:
                for f in run:
                    _widget(f, options[f.key])
        selection = current_selection()
        if not selection.is_empty:
            st.button("Clear filters", on_click=clear_filters, icon=":material/filter_alt_off:", width="stretch")
        st.caption(caption())
    return selection


def current_selection() -> Selection:
    state = st.session_state
    return Selection({f.key: state.get(f.key) for f in FILTERS})


def clear_filters() -> None:
    for f in FILTERS:
        st.session_state[f.key] = None if isinstance(f.widget, Date) else []


def filtered() -> tuple[Dataset, Dataset]:
    """The full dataset and its view under the shared filters.

    The view needs the frame's filter widgets from this run. When several sessions reach a fresh
    server at once, one can run a page alone in legacy pages/ mode after another has left that mode
    (so ``require_frame`` lets it pass); it is rerun inside the frame rather than ignore its URL filters.
    """
    if FILTERS[0].key not in st.session_state:
        leave_legacy_mode()
        st.rerun()
    ds = dataset()
    return ds, ds.apply(current_selection())
