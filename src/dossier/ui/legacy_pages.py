"""All that Dossier relies on in Streamlit's internals about its legacy pages/ mode, in one module.

A folder named pages/ beside app.py (kept: it is where the pages live) makes Streamlit start every
fresh server in its legacy multipage mode: the first script run of the first session executes the
requested file alone (app.py at `/`, pages/timeline.py at `/timeline`) under an automatic navigation
of the file names, and only a call to `st.navigation` ends that mode, server-wide. Streamlit keeps the
mode in the private class attribute ``PagesManager.uses_pages_directory``, and ``streamlit.testing``'s
AppTest resets it before every run. tests/test_legacy_pages.py fails loudly when any of this changes.

The automatic navigation itself is kept off screen by ``client.showSidebarNavigation = false`` in
.streamlit/config.toml (public configuration); the frame draws the real navigation (see frame.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from streamlit.runtime.pages_manager import PagesManager


def in_legacy_mode() -> bool:
    """True while the server still runs requested files alone, outside app.py's frame."""
    return bool(PagesManager.uses_pages_directory)


def leave_legacy_mode() -> None:
    """Make every later script run, of every session, start in app.py (what `st.navigation` does too)."""
    PagesManager.uses_pages_directory = False


class NavigationPagesManager(PagesManager):
    """A PagesManager that starts in navigation mode, for AppTest (which would start each run in legacy mode)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        leave_legacy_mode()


def apptest_navigation_mode(patch: Callable[[object, str, object], None] = setattr) -> None:
    """Run AppTest in st.navigation mode from its first run.

    Without this every AppTest run starts in legacy mode and the frame's guard reruns it, which drops the
    widget values a test just set. Pass ``monkeypatch.setattr`` to undo it after a test; bench/ patches
    for the whole process.
    """
    from streamlit.testing.v1 import app_test

    patch(app_test, "PagesManager", NavigationPagesManager)
