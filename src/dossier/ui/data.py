"""Cached loading at the I/O boundary: one dataset per data version, shared read-only by every session."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

import pandas as pd
import streamlit as st

from ..dataset import Dataset, load_dataset
from ..importers.load import event_details
from ..search import SearchIndex
from ..store import DatasetError, data_dir

T = TypeVar("T")


def _data_version(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Cheap fingerprint of the data folder, so a commit elsewhere invalidates the cache."""
    entries = []
    for path in sorted(folder.glob("*")) + sorted(folder.glob("*/*")):
        if path.is_file() and not path.name.startswith("."):
            stat = path.stat()
            entries.append((path.name, stat.st_mtime_ns, stat.st_size))
    return tuple(entries)


@st.cache_resource(show_spinner="Loading dataset…", max_entries=2)
def _load(folder: str, version: tuple) -> Dataset:
    """One loaded dataset per data version, shared read-only by every session.

    ``st.cache_data`` would hand each caller a deep copy: at a million events that is
    hundreds of milliseconds per rerun, twice (frame and page). The Dataset is frozen
    and every filter returns new frames (pandas copy-on-write), so sharing is safe.
    """
    return load_dataset(folder)


def dataset() -> Dataset:
    """The full dataset, or a one-line error and a stopped page when it is broken."""
    folder = data_dir()
    try:
        version = _data_version(folder)
        ds = _load(str(folder), version)
    except DatasetError as exc:
        st.error(f"The dataset in {folder} cannot be loaded: {exc}", icon=":material/error:")
        st.stop()
    except OSError as exc:
        st.error(f"The data folder {folder} cannot be read: {exc.strerror or exc}", icon=":material/error:")
        st.stop()
    if os.environ.get("DOSSIER_CHECK_IMMUTABLE") == "1" and _digest(ds) != _digest_as_loaded(str(folder), version):
        st.error("A page changed the shared cached dataset (DOSSIER_CHECK_IMMUTABLE).", icon=":material/error:")
        st.stop()
    return ds


def _digest(ds: Dataset) -> str:
    """The contents of every frame (columns, dtypes, index, values), for the debug check above."""
    digest = hashlib.sha256()
    for name, frame in ds.tables().items():
        digest.update(f"{name}{list(frame.columns)}{list(frame.dtypes.astype(str))}".encode())
        digest.update(pd.util.hash_pandas_object(frame.index).to_numpy().tobytes())
        for column in frame.columns:
            values = frame[column].map(repr) if frame[column].dtype == object else frame[column]  # lists
            digest.update(pd.util.hash_pandas_object(values, index=False).to_numpy().tobytes())
    return digest.hexdigest()


@st.cache_resource(show_spinner=False, max_entries=2)
def _digest_as_loaded(folder: str, version: tuple) -> str:
    return _digest(_load(folder, version))


@st.cache_data(show_spinner="Indexing claims for search…", max_entries=4)
def _claim_index(folder: str, version: tuple) -> SearchIndex:
    return SearchIndex.build(_load(folder, version).claims["text"])


def claim_search_index(full: Dataset) -> SearchIndex:
    """The search index of the full dataset's claims, built once per data version."""
    folder = data_dir()
    index = _claim_index(str(folder), _data_version(folder))
    return index if index.labels.equals(full.claims.index) else SearchIndex.build(full.claims["text"])


@st.cache_resource(show_spinner=False, max_entries=2)
def _load_curated(folder: str, version: tuple) -> Dataset:
    return load_dataset(folder, imports=False)


def curated_dataset() -> Dataset:
    """The curated tables alone (no imported events): what ingest reviews against and writes back."""
    dataset()  # shows the one-line error and stops if the folder is broken
    folder = data_dir()
    return _load_curated(str(folder), _data_version(folder))


def event_record(full: Dataset, event_id: str) -> pd.Series | None:
    """An imported event's stored record (long source text included), or None for a curated event."""
    folder = data_dir()
    found = _event_record(str(folder), _data_version(folder), event_id, full.events)
    return None if found.empty else found.iloc[0]


@st.cache_data(show_spinner=False, max_entries=256)
def _event_record(folder: str, version: tuple, event_id: str, _events: pd.DataFrame) -> pd.DataFrame:
    return event_details(folder, _events, [event_id])


def built(build: Callable[..., T], full: Dataset, view: Dataset, *params: Hashable) -> T:
    """``build(full, view, *params)`` once per data version, filter selection and parameters, for every session.

    A chart over a million events takes a few hundred milliseconds to count and draw; the first visit of
    each session, and each return to a filter seen before, should not pay it again. ``view`` must be
    ``full`` under ``view.selection`` (what ``filtered()`` returns), so the key says everything the
    result depends on. ``st.cache_data`` hands out a copy, so a page may not change the shared result.
    """
    folder = data_dir()
    selection = tuple((key, value) for key, value in view.selection.items())
    name = f"{build.__module__}.{build.__qualname__}"
    return _built(name, str(folder), _data_version(folder), selection, params, build, full, view)


@st.cache_data(show_spinner=False, max_entries=64)
def _built(
    name: str, folder: str, version: tuple, selection: tuple, params: tuple, _build: Callable, _full, _view
) -> object:
    return _build(_full, _view, *params)
