"""Streamlit's legacy pages/ mode, as dossier.ui.legacy_pages relies on it: these fail loudly when Streamlit changes.

The browser side (a fresh server never draws the legacy list of file names) is in
tests/browser/test_first_visit.py.
"""

from __future__ import annotations

import inspect
import tomllib
from pathlib import Path

import pytest
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import script_runner
from streamlit.testing.v1 import app_test

from dossier.registry import PAGES
from dossier.ui import frame, legacy_pages

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def mode():
    """Restore Streamlit's process-wide mode after a test that sets it."""
    saved = PagesManager.uses_pages_directory
    yield
    PagesManager.uses_pages_directory = saved


@pytest.mark.parametrize("with_pages_folder", [True, False])
def test_a_fresh_server_starts_in_legacy_mode_only_beside_a_pages_folder(tmp_path, mode, with_pages_folder):
    (tmp_path / "app.py").write_text("")
    if with_pages_folder:
        (tmp_path / "pages").mkdir()
    PagesManager.uses_pages_directory = None  # as at server start
    PagesManager(str(tmp_path / "app.py"))
    assert legacy_pages.in_legacy_mode() is with_pages_folder
    legacy_pages.leave_legacy_mode()
    assert not legacy_pages.in_legacy_mode()
    PagesManager(str(tmp_path / "app.py"))  # the mode is decided once per process
    assert not legacy_pages.in_legacy_mode()


def test_st_navigation_leaves_legacy_mode_as_the_guard_does(mode):
    PagesManager.uses_pages_directory = True
    st.navigation([st.Page(str(ROOT / PAGES[0].path))])
    assert not legacy_pages.in_legacy_mode()


def test_the_script_runner_runs_files_alone_in_legacy_mode_under_the_configurable_menu():
    """The mode is read at the start of each run, and the automatic menu obeys client.showSidebarNavigation."""
    run = inspect.getsource(script_runner.ScriptRunner)
    assert "if PagesManager.uses_pages_directory:" in run and "_mpa_v1(" in run
    legacy = inspect.getsource(script_runner._mpa_v1)
    assert 'config.get_option("client.showSidebarNavigation") is False' in legacy and '"hidden"' in legacy


def test_the_app_switches_streamlits_own_menu_off():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showSidebarNavigation"] is False
    assert st.get_option("client.showSidebarNavigation") in (True, False)  # the option still exists


def test_apptest_resets_the_mode_and_builds_the_manager_that_is_patched():
    source = inspect.getsource(app_test.AppTest._run)
    assert "PagesManager.uses_pages_directory = None" in source and "PagesManager(" in source
    assert app_test.PagesManager is legacy_pages.NavigationPagesManager  # by the autouse fixture in conftest


def test_without_the_patch_the_frame_reruns_the_legacy_run_into_itself(bundled_data, monkeypatch):
    """AppTest as shipped starts each run in legacy mode; the guard still ends in the frame, with our links."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setattr(app_test, "PagesManager", PagesManager)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert at.session_state[frame.FRAMED]
    links = [(link.proto.label, link.proto.page) for link in at.sidebar.get("page_link")]
    expected = [(p.title, "" if p.default else p.url_path) for p in frame.visible_pages()]
    assert links[: len(expected)] == expected
    assert [t.value for t in at.title][:1] == ["Dossier"]


def test_the_frame_draws_the_navigation_first_in_the_sidebar(bundled_data, run_app):
    at = run_app(page="pages/timeline.py")
    assert not at.exception
    first = at.sidebar.children[0]  # the keyed container of the page links, above the filters
    assert [link.proto.label for link in first.get("page_link")] == [p.title for p in frame.visible_pages()]
