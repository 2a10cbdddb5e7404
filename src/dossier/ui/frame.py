"""The app's frame: navigation from the page registry, links between pages, and the legacy-mode guard."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from ..registry import PAGES, PageSpec

PROJECT_ROOT = Path(__file__).resolve().parents[3]


def require_frame() -> None:
    """Run a page inside app.py's frame even when a deep link reached it first.

    A folder named pages/ puts a fresh server in legacy multipage mode, which would
    run the page alone, without the shared sidebar filters.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def visible_pages() -> list[PageSpec]:
    """The registry's pages, less those that write when the deployment is read-only."""
    return [p for p in PAGES if not (p.writes and read_only())]


def navigation() -> st.navigation:
    pages = [
        st.Page(str(PROJECT_ROOT / p.path), title=p.title, icon=p.icon, url_path=p.url_path, default=p.default)
        for p in visible_pages()
    ]
    return st.navigation(pages)


def page_link(spec: PageSpec, label: str | None = None, **query: str) -> None:
    """Link to another page; the shared filters follow through their URL binding."""
    st.page_link(str(PROJECT_ROOT / spec.path), label=label or spec.title, icon=spec.icon, query_params=query or None)


def read_only() -> bool:
    """Read-only deployments hide ingest and import and refuse writes (see dossier.settings)."""
    from ..settings import read_only as configured

    return configured()
