"""Shared fixtures: a private copy of the bundled data, and the app under AppTest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUNDLED_DATA = ROOT / "data"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run the tests marked slow (concurrency, scale, crash trials) after all the others.

    A quick failure then shows within minutes, and the slow trials never hold up the rest. The sort is
    stable, so each group keeps the order it was collected in.
    """
    items.sort(key=lambda item: item.get_closest_marker("slow") is not None)


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of data/, set as $DOSSIER_DATA so app and CLI use it."""
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA, folder)
    monkeypatch.setenv("DOSSIER_DATA", str(folder))
    return folder


@pytest.fixture
def bundled_data(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DOSSIER_DATA", str(BUNDLED_DATA))
    return BUNDLED_DATA


@pytest.fixture(autouse=True)
def navigation_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run AppTest in st.navigation mode from the start (see dossier.ui.legacy_pages)."""
    from dossier.ui.legacy_pages import apptest_navigation_mode

    apptest_navigation_mode(monkeypatch.setattr)


@pytest.fixture
def run_app():
    """Run app.py headless, optionally on one page and with URL query parameters.

    ``run_app({"country": "Pakistan"}, page="pages/timeline.py")`` returns the AppTest after its run.
    """
    from streamlit.testing.v1 import AppTest

    def _run(query: dict[str, list[str] | str] | None = None, page: str | None = None) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        for key, value in (query or {}).items():
            at.query_params[key] = value
        at.run()
        if page:
            at.switch_page(str(ROOT / page))
            at.run()
        return at

    return _run
