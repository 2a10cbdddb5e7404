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
from playwright.sync_api import expect

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
# How long expect(...) waits for the expected state. A fresh server's first page (imports, legacy-mode
# rerun, data load) can take many seconds on a busy two-core machine; a passing assertion returns at once.
EXPECT_TIMEOUT = 30_000
expect.set_options(timeout=EXPECT_TIMEOUT)


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
    tab.set_default_timeout(EXPECT_TIMEOUT)
    yield tab
    context.close()


# True once the frame's navigation is drawn and the app has sat finished (script state notRunning,
# nothing stale) for 400 ms. The navigation is drawn only by app.py's frame, so the legacy-mode run that
# a fresh server starts with (which app.py reruns at once) never counts as quiet.
QUIET_JS = """(frame) => {
    const app = document.querySelector('[data-testid="stApp"]');
    const quiet = app && app.getAttribute('data-test-script-state') === 'notRunning'
        && (!frame || document.querySelector('[data-testid="stSidebar"] .st-key-nav a'))
        && !document.querySelector('[data-stale="true"]');
    if (!quiet) { window.__dossierQuietSince = null; return false; }
    window.__dossierQuietSince = window.__dossierQuietSince || Date.now();
    return Date.now() - window.__dossierQuietSince > 400;
}"""


def wait_for_app(tab, timeout: int = 30_000, frame: bool = True) -> None:
    """Wait until the frame is drawn and streamlit has finished its script runs: a point to act from.

    ``frame=False`` for an app without Dossier's navigation (the benchmarks' hello-world baselines).

    Streamlit marks the app with data-test-script-state (initial, running, notRunning); stale elements
    from a previous run carry data-stale="true". A run can be followed at once by another (st.rerun),
    so the quiet state must hold for 400 ms. This is no proof that a widget shows its value yet
    (React may draw it later): read state through ``expect(...)``, which waits for the expected value.
    """
    tab.locator('[data-testid="stApp"]').wait_for(timeout=timeout)
    tab.evaluate("window.__dossierQuietSince = null")
    tab.wait_for_function(QUIET_JS, arg=frame, timeout=timeout)


def open_expander(scope, label: str) -> None:
    """Open the expander headed ``label`` and wait until it has finished opening.

    Streamlit animates an expander open; a field typed into while its content still moves can be
    redrawn empty (seen as a lost filter), so wait for the page's animations to end before acting.
    """
    scope.get_by_text(label).click()
    page = scope.page if hasattr(scope, "page") else scope
    page.wait_for_function("document.getAnimations().length === 0", timeout=EXPECT_TIMEOUT)


QUERY_JS = """([expected, only]) => {
    const got = {};
    for (const [key, value] of new URLSearchParams(window.location.search)) (got[key] ||= []).push(value);
    const keys = only ? new Set([...Object.keys(got), ...Object.keys(expected)]) : Object.keys(expected);
    return [...keys].every(k => JSON.stringify(got[k] || []) === JSON.stringify(expected[k] || []));
}"""


def expect_query(tab, expected: dict[str, list[str]], only: bool = False) -> None:
    """Wait until the URL's query holds ``expected`` (and, with ``only``, nothing else); fail with the URL."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        tab.wait_for_function(QUERY_JS, arg=[expected, only], timeout=EXPECT_TIMEOUT)
    except PlaywrightTimeout:
        raise AssertionError(f"the URL {tab.url} does not hold {expected}{' only' if only else ''}") from None


def expect_js(tab, function: str, expected, arg=None) -> None:
    """Wait until the page function ``function(arg)`` returns ``expected`` (compared as JSON); fail with its value.

    For state that no locator assertion reads, such as the data of a drawn plotly figure.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    check = f"([arg, expected]) => {{ try {{ return JSON.stringify(({function})(arg)) === JSON.stringify(expected); }}"
    check += " catch (e) { return false; } }"
    try:
        tab.wait_for_function(check, arg=[arg, expected], timeout=EXPECT_TIMEOUT)
    except PlaywrightTimeout:
        read = f"(arg) => {{ try {{ return ({function})(arg); }} catch (e) {{ return String(e); }} }}"
        actual = tab.evaluate(read, arg)
        raise AssertionError(f"expected {expected!r}, the page shows {actual!r}") from None


def expect_joined_text(tab, selector: str, text: str) -> None:
    """Wait until the elements matching ``selector`` (e.g. the pieces of one highlighted claim) read ``text``."""
    joined = "(selector) => Array.from(document.querySelectorAll(selector), e => e.innerText).join('')"
    expect_js(tab, joined, text, selector)


def nav_link(tab, title: str):
    """The frame's link to the page titled ``title`` (the icon beside it is hidden from the name)."""
    return tab.locator('[data-testid="stSidebar"] .st-key-nav').get_by_role("link", name=title, exact=True)


def multiselect(tab, label: str):
    return tab.locator('[data-testid="stMultiSelect"]').filter(has=tab.locator(f'input[aria-label="{label}"]'))


def chips(tab, label: str):
    """The selected values of the multiselect labelled ``label``, for ``expect(...).to_have_text([...])``."""
    return multiselect(tab, label).locator(".react-aria-ComboBox [data-tag]")


def date_parts(tab, label: str):
    """The year, month and day fields of the sidebar date input labelled ``label``."""
    return tab.locator('[data-testid="stSidebar"]').get_by_role("group", name=label).get_by_role("spinbutton")


def metric(tab, label: str):
    """The value of the metric labelled ``label``, for ``expect(...).to_have_text(...)``."""
    box = tab.locator('[data-testid="stMetric"]').filter(has_text=label)
    return box.locator('[data-testid="stMetricValue"]')


def open_list(tab, combobox) -> None:
    """Open a selectbox's or multiselect's list; a key press that lands during a rerun is dropped, so retry.

    Retrying the key press (an action, not an assertion) is safe: pressing ArrowDown on an open list
    only moves the highlight. The box is first scrolled to the middle of the window, so that the list
    opens in view: clicking an option that must be scrolled to can chase a list that moves as the page
    scrolls, and never find it still.
    """
    combobox.evaluate("e => e.scrollIntoView({block: 'center'})")
    for _ in range(3):
        combobox.focus()
        tab.keyboard.press("ArrowDown")
        try:
            expect(tab.get_by_role("option").first).to_be_visible(timeout=3_000)
            return
        except AssertionError:
            continue
    expect(tab.get_by_role("option").first).to_be_visible()


def choose(tab, combobox, option) -> None:
    """Open the list of ``combobox`` and click ``option`` (its exact name, or a locator) in it.

    The list closes when the page scrolls or a rerun redraws the widget; if it closed before the click
    could land, it is opened again. This retries an action that did not happen, never an assertion:
    a click that lands returns at once.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    target = tab.get_by_role("option", name=option, exact=True) if isinstance(option, str) else option
    for _ in range(3):
        open_list(tab, combobox)
        try:
            target.click(timeout=5_000)
            return
        except PlaywrightTimeout:
            continue
    open_list(tab, combobox)
    target.click()
