"""First visit to a freshly started server: when the navigation is drawn, beside a hello-world plotly app.

Every repeat starts new servers, so each visit is the first session (the legacy pages/ run included; see
dossier.ui.legacy_pages). Times run from the start of the navigation to the first drawing, read by a
MutationObserver on the page's own clock, and the visits alternate so both sides share the machine's load.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from harness import Report

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from conftest import CHROMIUM, CHROMIUM_ARGS, serve, stop  # noqa: E402

REPEAT = 5
HELLO = """import plotly.graph_objects as go
import streamlit as st

st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2])))
"""
# window.__firstDrawn: ms after navigation start when ``selector`` first matched; __legacySeen: Streamlit's menu.
RECORD = """(selector) => {
    window.__firstDrawn = null;
    window.__legacySeen = false;
    new MutationObserver(() => {
        if (document.querySelector('[data-testid="stSidebarNav"]')) window.__legacySeen = true;
        if (window.__firstDrawn === null && document.querySelector(selector)) window.__firstDrawn = performance.now();
    }).observe(document, {subtree: true, childList: true});
}"""
NAV = '[data-testid="stSidebar"] .st-key-nav a'
CHART = '[data-testid="stPlotlyChart"] .main-svg'


def _first_drawn(browser, url: str, selector: str) -> tuple[float, bool]:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.add_init_script(script=f"({RECORD})({selector!r})")
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("() => window.__firstDrawn !== null", timeout=120_000)
    drawn, legacy = page.evaluate("[window.__firstDrawn, window.__legacySeen]")
    context.close()
    return drawn / 1000, legacy


def _fresh(browser, data: Path, path: str, selector: str, app: Path | None = None) -> tuple[float, bool]:
    server = serve(data, app=app) if app else serve(data)
    try:
        return _first_drawn(browser, server.url + path, selector)
    finally:
        stop(server)


def run(report: Report) -> None:
    from playwright.sync_api import sync_playwright

    paths = ["/", "/timeline?country=Pakistan"]
    times: dict[str, list[float]] = {"hello": [], **{p: [] for p in paths}}
    legacy_seen = 0
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        hello = Path(tmp) / "hello.py"
        hello.write_text(HELLO)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(REPEAT):
                times["hello"].append(_fresh(browser, ROOT / "data", "/", CHART, app=hello)[0])
                for path in paths:
                    drawn, legacy = _fresh(browser, ROOT / "data", path, NAV)
                    times[path].append(drawn)
                    legacy_seen += legacy
        finally:
            browser.close()
    baseline = statistics.median(times["hello"])
    for path in paths:
        report.add(f"fresh server, first visit to {path}: navigation drawn", statistics.median(times[path]), "s",
                   baseline, "hello-world app's plotly chart drawn")  # fmt: skip
    report.add("fresh-server visits that drew Streamlit's legacy page list", legacy_seen, "visits", None, "", "0")
