"""Browser first paint: Dossier's pages beside a hello-world Streamlit app, in Debian's Chromium."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from harness import Report

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from conftest import CHROMIUM, CHROMIUM_ARGS, serve, stop  # noqa: E402

READY = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app && app.getAttribute('data-test-script-state') === 'notRunning'
        && document.querySelector('[data-testid="stMarkdownContainer"]');
}"""


def _first_paint(browser, url: str, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat + 1):
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_function(READY, timeout=60_000)
        times.append(time.perf_counter() - start)
        page.close()
    return statistics.median(times[1:])  # the first visit warms the server


def _hello_world_app(folder: Path) -> Path:
    script = folder / "hello.py"
    script.write_text('import streamlit as st\n\nst.write("Hello, world")\n')
    return script


def run(report: Report) -> None:
    from playwright.sync_api import sync_playwright

    from dossier.registry import PAGES

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        hello = serve(ROOT / "data", app=_hello_world_app(Path(tmp)))
        try:
            baseline = _first_paint(browser, hello.url)
        finally:
            stop(hello)
        app = serve(ROOT / "data")
        try:
            for spec in PAGES:
                path = "" if spec.default else spec.url_path
                report.add(f"browser first paint: /{path}", _first_paint(browser, f"{app.url}/{path}"), "s",
                           baseline, "hello-world streamlit app")  # fmt: skip
        finally:
            stop(app)
            browser.close()
