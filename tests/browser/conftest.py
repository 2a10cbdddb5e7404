"""Real-browser fixtures: a served app per test module and Debian's Chromium via Playwright.

Never downloads a browser: Playwright drives /usr/bin/chromium.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class ServedApp:
    url: str
    data: Path
    process: subprocess.Popen = field(repr=False)


def serve(data: Path, extra_env: dict[str, str] | None = None, app: Path = ROOT / "app.py") -> ServedApp:
    """Start `streamlit run app.py` on a free port against ``data`` and wait until healthy."""
    port = _free_port()
    env = dict(os.environ, DOSSIER_DATA=str(data), **(extra_env or {}))
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port),
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
            return ServedApp(f"http://127.0.0.1:{port}", data, process)
        except OSError:
            if process.poll() is not None:
                raise RuntimeError("streamlit exited before it became healthy") from None
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("streamlit did not become healthy within 60 s")


def stop(app: ServedApp) -> None:
    app.process.terminate()
    try:
        app.process.wait(10)
    except subprocess.TimeoutExpired:
        app.process.kill()


@pytest.fixture(scope="module")
def app_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("browser") / "data"
    shutil.copytree(ROOT / "data", folder)
    return folder


@pytest.fixture(scope="module")
def served(app_data: Path) -> Iterator[ServedApp]:
    """A fresh server per test module, on a private copy of the bundled data."""
    app = serve(app_data)
    yield app
    stop(app)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@dataclass
class PageProblems:
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def page(browser):
    """A fresh page that records dialogs (none may fire) and uncaught page errors."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    tab = context.new_page()
    tab.problems = PageProblems()
    tab.on("dialog", lambda d: (tab.problems.dialogs.append(d.message), d.dismiss()))
    tab.on("pageerror", lambda e: tab.problems.errors.append(str(e)))
    tab.set_default_timeout(20_000)
    yield tab
    context.close()


# True once the app has sat finished (script state notRunning, nothing stale) for 400 ms.
QUIET_JS = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    const quiet = app && app.getAttribute('data-test-script-state') === 'notRunning'
        && !document.querySelector('[data-stale="true"]');
    if (!quiet) { window.__dossierQuietSince = null; return false; }
    window.__dossierQuietSince = window.__dossierQuietSince || Date.now();
    return Date.now() - window.__dossierQuietSince > 400;
}"""


def wait_for_app(tab, timeout: int = 30_000) -> None:
    """Wait until streamlit has finished its script runs and drawn the result.

    Streamlit marks the app with data-test-script-state (initial, running,
    notRunning); stale elements from a previous run carry data-stale="true".
    A run can be followed at once by another (st.rerun), so the quiet state
    must hold for 400 ms.
    """
    tab.locator('[data-testid="stApp"]').wait_for(timeout=timeout)
    tab.evaluate("window.__dossierQuietSince = null")
    tab.wait_for_function(QUIET_JS, timeout=timeout)


def multiselect(tab, label: str):
    return tab.locator('[data-testid="stMultiSelect"]').filter(has=tab.locator(f'input[aria-label="{label}"]'))


def selected_chips(tab, label: str) -> list[str]:
    """The values selected in the multiselect labelled ``label`` (e.g. the sidebar's Country)."""
    widget = multiselect(tab, label)
    return [t.get_attribute("aria-label") for t in widget.locator(".react-aria-ComboBox [data-tag]").all()]


def metric(tab, label: str) -> str:
    box = tab.locator('[data-testid="stMetric"]').filter(has_text=label)
    return box.locator('[data-testid="stMetricValue"]').inner_text()


def open_list(tab, combobox) -> None:
    """Open a selectbox's or multiselect's list; a key press that lands during a rerun is dropped, so retry."""
    from playwright.sync_api import expect

    for _ in range(3):
        combobox.focus()
        tab.keyboard.press("ArrowDown")
        try:
            expect(tab.get_by_role("option").first).to_be_visible(timeout=3_000)
            return
        except AssertionError:
            continue
