"""The app's frame: navigation from the page registry, links between pages, and the legacy-mode guard."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from ..registry import PAGES, PageSpec
from .legacy_pages import in_legacy_mode, leave_legacy_mode

PROJECT_ROOT = Path(__file__).resolve().parents[3]
FRAMED = "_dossier_framed"  # session-state mark: app.py's frame has run in this session
NAV_KEY = "nav"  # the sidebar container of the page links (CSS class st-key-nav)


def enter_frame() -> None:
    """app.py's first call: leave Streamlit's legacy pages/ mode before anything is drawn.

    The first run on a fresh server is a legacy-mode run (see legacy_pages.py); rerunning it at once
    means its automatic list of file names is never drawn, and the visitor's first navigation is ours.
    """
    if in_legacy_mode():
        leave_legacy_mode()
        st.rerun()
    st.session_state[FRAMED] = True


def require_frame() -> None:
    """A page's first call: run it inside app.py's frame even when a deep link reached it first.

    In legacy mode Streamlit runs the page alone, without the shared sidebar filters or the navigation.
    That also happens when several sessions reach a fresh server at once and another session has left
    legacy mode after this run began, so the session mark is checked as well as the mode.
    """
    if in_legacy_mode() or FRAMED not in st.session_state:
        leave_legacy_mode()
        st.rerun()


def visible_pages() -> list[PageSpec]:
    """The registry's pages, less those that write when the deployment is read-only."""
    return [p for p in PAGES if not (p.writes and read_only())]


def navigation() -> StreamlitPage:
    """The registry's pages as the app's navigation, drawn at the top of the sidebar; returns the page to run.

    Streamlit's own sidebar menu is switched off (``client.showSidebarNavigation = false``) so that the
    legacy run's list of file names is never shown; the links are drawn here instead, before the data
    loads, so the navigation is the first thing a visitor sees.
    """
    pages = [
        st.Page(str(PROJECT_ROOT / p.path), title=p.title, icon=p.icon, url_path=p.url_path, default=p.default)
        for p in visible_pages()
    ]
    current = st.navigation(pages, position="hidden")
    with st.sidebar.container(key=NAV_KEY):
        for page in pages:
            st.page_link(page)
    return current


def page_link(spec: PageSpec, label: str | None = None, **query: str) -> None:
    """Link to another page; the shared filters follow through their URL binding."""
    st.page_link(str(PROJECT_ROOT / spec.path), label=label or spec.title, icon=spec.icon, query_params=query or None)


def read_only() -> bool:
    """Read-only deployments hide ingest and import and refuse writes (see dossier.settings)."""
    from ..settings import read_only as configured

    return configured()
