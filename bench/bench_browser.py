"""In Debian's Chromium: first paint, and sidebar filter changes until the charts are redrawn.

Figures on the bundled data, and on 1,000,000 real-shaped UCDP GED events (``realistic``), each
beside a hello-world Streamlit app measured the same way in the same run:

- first paint: a new tab until the script has finished, nothing is stale and (where the page has
  one) the plotly chart is drawn; baseline: a hello-world app with one plotly chart, loaded in pairs
  with the page, each pair in a random order; medians, quartiles and the median per-pair ratio;
- a filter change: a real click or key press in the sidebar (pick a group, pick a country, set a
  date, clear) until the page has finished every rerun it triggers, nothing is stale and a frame
  has been painted; baseline: a hello-world app with the same sidebar widgets and one plotly chart.

Times are taken in the page (``performance.now()``): from the user's last pointer or key press to
the animation frame after the last rerun settled, so Playwright's own latency is not counted.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import realistic
from harness import Report

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from conftest import CHROMIUM, CHROMIUM_ARGS, multiselect, open_list, serve, stop, wait_for_app  # noqa: E402

# Every plotly chart the page sent is drawn and, with ``chart``, there is at least one (the chart
# component mounts lazily: before it does, the page shows none). A page is not painted while its chart is blank.
READY = """(chart) => {
    const app = document.querySelector('[data-testid="stApp"]');
    const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
    return app && app.getAttribute('data-test-script-state') === 'notRunning'
        && !document.querySelector('[data-stale="true"]')
        && document.querySelector('[data-testid="stMarkdownContainer"]')
        && (!chart || charts.length > 0)
        && charts.every((c) => c.querySelector('.main-svg'));
}"""

# Installed in every tab: remembers the user's last input, whether the server answered it (any
# websocket message: a fast run may never flip the script-state attribute), and the animation frame
# after the last message or the last settle of the page (script finished, nothing stale).
TRACKER = """(() => {
    const input = () => { window.__inputAt = performance.now(); window.__sawRun = false; window.__settledAt = null; };
    window.addEventListener('pointerdown', input, true);
    window.addEventListener('keydown', input, true);
    const settle = () => requestAnimationFrame(() => {
        if (window.__sawRun) window.__settledAt = Math.max(window.__settledAt || 0, performance.now());
    });
    const Native = window.WebSocket;
    class Tracked extends Native {
        constructor(...args) {
            super(...args);
            this.addEventListener('message', () => {
                if (window.__inputAt !== undefined) window.__sawRun = true;
                settle();
            });
        }
    }
    window.WebSocket = Tracked;
    const check = () => {
        const app = document.querySelector('[data-testid="stApp"]');
        if (!app) return;
        const state = app.getAttribute('data-test-script-state');
        if (state === 'notRunning' && !document.querySelector('[data-stale="true"]')) settle();
    };
    new MutationObserver(check).observe(document, {
        subtree: true, attributes: true, attributeFilter: ['data-test-script-state', 'data-stale'],
    });
})();"""

HELLO_CHART = """import plotly.graph_objects as go
import streamlit as st

st.title("Hello, world")
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[3, 1, 2])))
"""

# The same sidebar widgets as Dossier's, driving one plotly chart: the floor of a filter change.
HELLO_FILTERS = """import datetime as dt

import plotly.graph_objects as go
import streamlit as st

GROUPS = ["TTP", "BLA", "IS"] + [f"G{i:03d}" for i in range(400)]
with st.sidebar:
    st.multiselect("Country", ["Afghanistan", "India", "Pakistan"], key="country")
    st.multiselect("Group", GROUPS, key="group")
    st.date_input("From", value=None, min_value=dt.date(1989, 1, 1), key="from")
    if st.session_state.get("country") or st.session_state.get("group") or st.session_state.get("from"):
        st.button("Clear filters", on_click=lambda: st.session_state.update(country=[], group=[], **{"from": None}))
picked = (st.session_state.get("country") or []) + (st.session_state.get("group") or [])
st.title("Hello, world")
st.write(f"Showing: {', '.join(picked) or 'everything'}")
st.plotly_chart(go.Figure(go.Bar(x=picked or ["all"], y=list(range(1, len(picked) + 2)))))
"""


def _load_once(browser, url: str, chart: bool) -> float:
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    try:
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_function(READY, arg=chart, timeout=120_000)
        return time.perf_counter() - start
    finally:
        page.close()


@dataclass(frozen=True)
class Paint:
    """First paints of one page and of the hello-world app, taken in pairs."""

    ours: list[float]
    base: list[float]

    @property
    def ratio(self) -> float:
        """The median of the per-pair ratios: each pair saw the same machine state, so drift cancels."""
        return statistics.median(a / b for a, b in zip(self.ours, self.base))

    def spread(self) -> str:
        def quartiles(values: list[float]) -> str:
            q1, _, q3 = statistics.quantiles(values, n=4)
            return f"{q1:.2f}–{q3:.2f} s"

        return f"{len(self.ours)} pairs in random order; quartiles {quartiles(self.ours)} vs {quartiles(self.base)}"


def _paired_paint(browser, url: str, chart: bool, hello_url: str, repeat: int, seed: int = 0) -> Paint:
    """First paints of ``url`` and of the hello-world app in pairs, each pair in a random order.

    A fixed order (always ours first) measured a different machine state for each app: a page load warms
    the browser and the CPU for the next one. The order is drawn from a seeded generator, so a run can be
    repeated exactly.
    """
    order = random.Random(seed)
    ours, base = [], []
    for i in range(repeat + 1):
        first_ours = order.random() < 0.5
        if first_ours:
            a, b = _load_once(browser, url, chart), _load_once(browser, hello_url, True)
        else:
            b, a = _load_once(browser, hello_url, True), _load_once(browser, url, chart)
        if i:  # the first visit warms each server
            ours.append(a)
            base.append(b)
    return Paint(ours, base)


def _pick(tab, label: str, option: str) -> None:
    widget = multiselect(tab, label).locator("input")
    open_list(tab, widget)
    widget.press_sequentially(option)
    tab.get_by_role("option", name=option, exact=True).click()


def _set_date(tab, label: str, value: str) -> None:
    """Type the date into the field's segments; the field commits when it loses focus (a click on the title)."""
    tab.get_by_role("spinbutton", name=f"year, {label}").click()
    tab.keyboard.type(value.replace("-", ""))
    tab.locator('[data-testid="stMain"] h1').first.click()


def _clear(tab) -> None:
    tab.locator('[data-testid="stSidebar"]').get_by_role("button", name="Clear filters").click()


def _changes(group: str, country: str, day: str) -> list[tuple[str, Callable]]:
    return [
        (f"pick group {group}", lambda tab: _pick(tab, "Group", group)),
        (f"pick country {country}", lambda tab: _pick(tab, "Country", country)),
        (f"set From {day}", lambda tab: _set_date(tab, "From", day)),
        ("clear filters", _clear),
    ]


def _timed_change(tab, name: str, change: Callable, frame: bool) -> float:
    """Seconds from the user's last input to the frame after the page settled (every rerun done)."""
    change(tab)
    try:
        tab.wait_for_function("window.__sawRun && window.__settledAt !== null", timeout=120_000)
    except Exception as exc:
        tab.screenshot(path=str(realistic.CACHE / "browser-failure.png"))
        raise RuntimeError(f"{name}: the page did not rerun within 120 s ({tab.url})") from exc
    wait_for_app(tab, timeout=120_000, frame=frame)  # a rerun that follows at once moves __settledAt on
    seconds = tab.evaluate("window.__settledAt - window.__inputAt") / 1000
    tab.keyboard.press("Escape")  # close a multiselect's list (after the timing: a key press resets it)
    return seconds


def _filter_changes(browser, url: str, rounds: list[tuple[str, str]], frame: bool = True) -> list[tuple[str, float]]:
    """Timed sidebar changes on ``url``; ``frame=False`` for the hello-world baseline (no Dossier navigation)."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.add_init_script(TRACKER)
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    try:
        tab.goto(url)
        wait_for_app(tab, timeout=120_000, frame=frame)
        samples = []
        for i, (group, country) in enumerate(rounds):
            day = f"{2008 + i}-0{1 + i % 9}-01"  # a new date each round: the same one again changes nothing
            for name, change in _changes(group, country, day):
                samples.append((name, _timed_change(tab, name, change, frame)))
        return samples
    finally:
        context.close()


def _summary(samples: list[tuple[str, float]]) -> tuple[float, float, str]:
    times = [s for _, s in samples]
    worst = max(samples, key=lambda s: s[1])
    return statistics.median(times), worst[1], worst[0]


def _report_changes(report: Report, label: str, samples, baseline: float, baseline_worst: float) -> None:
    median, worst, what = _summary(samples)
    report.add(
        f"{label}: filter change, median of {len(samples)}",
        median,
        "s",
        baseline,
        "hello-world app, same sidebar changes",
        "≤ 1 s",
    )
    report.add(
        f"{label}: filter change, worst ({what})", worst, "s", baseline_worst, "hello-world app, worst", "≤ 1.5 s"
    )


def _draws_chart(browser, url: str) -> bool:
    """Does the page draw a plotly chart? Its chart component loads lazily, after the script has finished,
    so the page is given a few seconds to mount one before the answer (used to choose what to wait for,
    never timed)."""
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    try:
        page.goto(url)
        page.wait_for_function(READY, arg=False, timeout=120_000)
        page.wait_for_timeout(3_000)
        return page.locator('[data-testid="stPlotlyChart"]').count() > 0
    finally:
        page.close()


def _paints(report: Report, browser, app_url: str, hello_url: str, pages, label: str, repeat: int) -> None:
    for name, path, chart in pages:
        chart = chart or _draws_chart(browser, f"{app_url}/{path}")
        paint = _paired_paint(browser, f"{app_url}/{path}", chart, hello_url, repeat)
        report.add(
            f"first paint, {label}: {name} (per-pair ratio {paint.ratio:.2f}x; {paint.spread()})",
            statistics.median(paint.ours),
            "s",
            statistics.median(paint.base),
            "hello-world app with one plotly chart (median)",
            "≤ 1.3x",
        )


def run(report: Report) -> None:
    from playwright.sync_api import sync_playwright

    from dossier.registry import PAGES

    repeat = 5 if realistic.quick() else 9
    n_rounds = 1 if realistic.quick() else 3
    big = realistic.imported_data()
    rounds = [("TTP", "Pakistan"), (realistic.minor_group(big), "Afghanistan")] * n_rounds
    n = realistic.rows()
    pages = (
        ("/ (overview)", "", False),
        ("/timeline", "timeline", True),
        ("/matrix (event dyads)", "matrix?view=Event+dyads", True),
    )
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        hello_chart, hello_filters = Path(tmp) / "hello_chart.py", Path(tmp) / "hello_filters.py"
        hello_chart.write_text(HELLO_CHART)
        hello_filters.write_text(HELLO_FILTERS)
        servers = [serve(ROOT / "data", app=hello_chart), serve(ROOT / "data", app=hello_filters)]
        hello, hello_changes = servers
        base_rounds = [("TTP", "Pakistan"), ("BLA", "India")]
        try:
            # Context for the chart pages' first paint: what a sidebar of filter widgets alone costs.
            paint = _paired_paint(browser, hello_changes.url, True, hello.url, repeat)
            report.add(
                "first paint, hello world with a filter sidebar (two multiselects, a date input) and one chart"
                f" (per-pair ratio {paint.ratio:.2f}x; {paint.spread()})",
                statistics.median(paint.ours),
                "s",
                statistics.median(paint.base),
                "hello-world app with one plotly chart (median)",
                "-",
            )
            servers.append(app := serve(ROOT / "data"))
            bundled = [(f"/{'' if p.default else p.url_path}", "" if p.default else p.url_path, False) for p in PAGES]
            _paints(report, browser, app.url, hello.url, bundled, "bundled data", repeat)
            stop(servers.pop())
            servers.append(app := serve(big))
            _paints(report, browser, app.url, hello.url, pages, f"{n:,} real-shaped events", repeat)
            base = _filter_changes(browser, hello_changes.url, base_rounds * n_rounds, frame=False)
            measured = {}
            for label, path, _ in pages:
                measured[label] = _filter_changes(browser, f"{app.url}/{path}", rounds)
            base += _filter_changes(browser, hello_changes.url, base_rounds * n_rounds, frame=False)  # before and after
            base_median, base_worst, _ = _summary(base)
            for label, samples in measured.items():
                _report_changes(report, f"{n:,} real-shaped events, {label}", samples, base_median, base_worst)
        finally:
            for server in servers:
                stop(server)
            browser.close()


if __name__ == "__main__":
    run(Report())
