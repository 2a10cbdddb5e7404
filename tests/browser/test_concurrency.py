"""Many analysts at once: ten browser sessions against one server, each with its own filters and drill-down.

The sessions run concurrently (async Playwright: one Chromium, a context each). Each makes four
widget interactions (forty reruns across the sessions), each timed from the click to the end of
the script run it caused (the server's ``script_finished`` message, after which the state returns
to notRunning), then drills down and checks that it sees its own view and nothing from another session. The server runs
with DOSSIER_CHECK_IMMUTABLE=1, so any run that finds the shared cached dataset changed shows
an error, which every session and a final visit check for.
"""

from __future__ import annotations

import asyncio
import copy
import re
import statistics
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlparse

import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS, QUERY_JS, QUIET_JS, chips, serve, stop
from playwright.async_api import TimeoutError as PlaywrightTimeout
from playwright.async_api import expect
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from dossier.store import folder_checksum

pytestmark = [pytest.mark.browser, pytest.mark.slow]
WAIT = 90_000  # ms: ten sessions share two cores
INTERACTIONS = 4  # per session: enough to interleave every session's reruns with the others'
CLAIM = "src-a5dc40561693-{:02d}"
JOINED = "(selector) => Array.from(document.querySelectorAll(selector), e => e.innerText).join('')"
TIMELINE_MARK = """(id) => {
    const marks = Array.from(document.querySelectorAll('.js-plotly-plot .scatterlayer .point'));
    const mark = marks.find(el => el.__data__.data === id);
    if (!mark) return null;
    const box = mark.getBoundingClientRect();
    return {x: box.x + box.width / 2, y: box.y + box.height / 2};
}"""
MATRIX_CELL = """([x, y]) => {
    const gd = document.querySelector('.st-key-threat-chart .js-plotly-plot');
    const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, box = gd.getBoundingClientRect();
    return {x: box.left + xa._offset + xa.c2p(xa.d2c(x)), y: box.top + ya._offset + ya.c2p(ya.d2c(y))};
}"""


@dataclass
class Session:
    """One analyst: a shared URL, a widget to flip back and forth, and a drill-down to end on."""

    path: str
    flip: tuple[str, str, str]  # (how, first value, second value): radio / search / type
    chips: dict[str, list[str]]  # sidebar multiselect label -> selected values
    drill: tuple[str, ...]  # what to open at the end, and what it must show
    latencies: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


SESSIONS = [
    Session("/?country=Pakistan", ("type", "attack", ""), {"Country": ["Pakistan"]},
            ("caption", "Showing: country: Pakistan")),
    Session("/?group=BLA&group=TTP", ("type", "attack", ""), {"Group": ["BLA", "TTP"]},
            ("caption", "Showing: group: BLA, TTP")),
    Session("/timeline?country=Pakistan", ("radio", "Country", "Actor"), {"Country": ["Pakistan"]},
            ("event", "bla-train-seizure", "BLA militants seize a train")),
    Session("/timeline?country=India", ("radio", "Event type", "Actor"), {"Country": ["India"]},
            ("event", "vance-india-visit", "U.S. Vice President J.D. Vance visits India")),
    Session("/matrix?group=TTP", ("radio", "Relations", "Threat perceptions"), {"Group": ["TTP"]},
            ("cell", "TTP", "PAK", "Pakistan on Tehreek-e-Taliban Pakistan: primary")),
    Session("/matrix?group=BLA&group=IS-K", ("radio", "Relations", "Threat perceptions"), {"Group": ["BLA", "IS-K"]},
            ("cell", "BLA", "PAK", "Pakistan on Balochistan Liberation Army: high")),
    Session("/claims?q=is-k", ("search", "pakistan", "is-k"), {},
            ("caption", "4 of 19 claims match “is-k”")),
    Session("/claims?country=India&q=vance", ("search", "india", "vance"), {"Country": ["India"]},
            ("caption", "match “vance”")),
    Session(f"/sources?claim={CLAIM.format(5)}", ("type", "visit", ""), {},
            ("focus", CLAIM.format(5))),
    Session(f"/sources?country=Pakistan&claim={CLAIM.format(10)}", ("type", "attack", ""), {"Country": ["Pakistan"]},
            ("focus", CLAIM.format(10))),
]  # fmt: skip


class Runs:
    """When the server finished each script run of one page, read off its websocket.

    The page's script-state attribute is no clock: under load the browser can render a fast
    run's start and end in one frame. The server's ``script_finished`` message always arrives.
    """

    def __init__(self, page) -> None:
        self.finished: list[float] = []
        page.on("websocket", lambda ws: ws.on("framereceived", self.received))

    def received(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            msg = ForwardMsg.FromString(payload)
            if (
                msg.WhichOneof("type") == "script_finished"
                and msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN
            ):
                self.finished.append(time.monotonic())

    async def end_after(self, start: float, timeout: float = 90) -> float:
        while not (ends := [t for t in self.finished if t > start]):
            if time.monotonic() - start > timeout:
                raise TimeoutError(f"no script run finished within {timeout} s")
            await asyncio.sleep(0.02)
        return ends[0]


async def holds(session: Session, what: str, assertion) -> None:
    """Await an auto-waiting assertion; if it fails, note the problem for this session instead of raising."""
    try:
        await assertion
    except (AssertionError, PlaywrightTimeout) as failure:
        session.problems.append(f"{what}: {str(failure).splitlines()[0]}")


async def quiet(page) -> None:
    await page.evaluate("window.__dossierQuietSince = null")
    await page.wait_for_function(QUIET_JS, arg=True, polling=100, timeout=90_000)


async def loaded(page, runs: Runs, url: str) -> None:
    start = time.monotonic()
    await page.goto(url)
    await runs.end_after(start)
    await quiet(page)


async def timed(page, runs: Runs, action) -> float:
    """Seconds from a widget interaction to the end of the script run it caused (state back to notRunning)."""
    start = time.monotonic()
    await action()
    end = await runs.end_after(start)
    await quiet(page)
    return end - start


def flipper(page, how: str, value: str):
    main = page.locator('[data-testid="stMain"]')

    async def act() -> None:
        if how == "radio":
            await main.get_by_role("radio", name=value, exact=True).click()
        elif how == "search":
            box = main.get_by_role("textbox", name="Search claim text")
            await box.fill(value)
            await box.press("Enter")
        elif value:  # add an event type in the sidebar
            box = page.locator('[data-testid="stSidebar"] input[aria-label="Event type"]')
            await box.fill(value)
            await box.press("Enter")
        else:  # and remove it again
            await page.locator('[data-testid="stSidebar"] input[aria-label="Event type"]').press("Backspace")

    return act


async def drill_down(page, session: Session, claims: dict[str, str], everyone: list[Session]) -> None:
    main = page.locator('[data-testid="stMain"]')
    kind, *what = session.drill
    if kind == "caption":
        await holds(session, "caption", expect(main.get_by_text(what[0]).first).to_be_visible(timeout=WAIT))
    elif kind == "event":
        await page.locator(".js-plotly-plot .scatterlayer .point").first.wait_for()
        point = await page.evaluate(TIMELINE_MARK, what[0])
        await page.mouse.click(point["x"], point["y"])
        details = page.locator(".st-key-timeline-details")
        await holds(session, "event", expect(details).to_contain_text(what[1], timeout=WAIT))
        await quiet(page)
        for other in [s.drill[2] for s in everyone if s.drill[0] == "event" and s is not session]:
            await holds(session, "another session's event", expect(details).not_to_contain_text(other, timeout=WAIT))
    elif kind == "cell":
        await page.locator(".st-key-threat-chart .nsewdrag").first.wait_for()
        point = await page.evaluate(MATRIX_CELL, what[:2])
        await page.mouse.click(point["x"], point["y"])
        await holds(session, "cell", expect(main.get_by_role("heading", name=what[2])).to_be_visible(timeout=WAIT))
        await quiet(page)
        others = main.locator("h3").filter(has_text=" on ").filter(has_not_text=what[2])
        await holds(session, "another cell's heading", expect(others).to_have_count(0, timeout=WAIT))
    elif kind == "focus":
        focus = page.locator("#dossier-focus")
        await holds(session, "reader focus", expect(focus).to_have_attribute("data-claims", what[0], timeout=WAIT))
        pieces = f'.dossier-document .dossier-claim[data-claims~="{what[0]}"]'
        joined = f"([selector, text]) => ({JOINED})(selector) === text"
        await holds(session, "reader span", page.wait_for_function(joined, arg=[pieces, claims[what[0]]], timeout=WAIT))


async def check_own_view(page, session: Session) -> None:
    expected = parse_qs(urlparse(session.path).query)
    await holds(session, f"URL {page.url}", page.wait_for_function(QUERY_JS, arg=[expected, False], timeout=WAIT))
    for label in ("Country", "Group", "Event type"):
        values = [re.compile(rf"^{re.escape(v)}( · .*)?$") for v in session.chips.get(label, [])]
        await holds(session, f"{label} chips", expect(chips(page, label)).to_have_text(values, timeout=WAIT))
    errors = page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]')
    await holds(session, "errors", expect(errors).to_have_count(0, timeout=WAIT))


async def run_session(browser, url: str, session: Session, claims: dict[str, str], everyone: list[Session]) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    runs = Runs(page)
    page.set_default_timeout(90_000)
    page.on("pageerror", lambda e: session.problems.append(f"page error: {e}"))
    page.on("dialog", lambda d: session.problems.append(f"dialog: {d.message}"))
    try:
        await loaded(page, runs, url + session.path)
        how, first, second = session.flip
        for n in range(INTERACTIONS):
            session.latencies.append(await timed(page, runs, flipper(page, how, second if n % 2 else first)))
        await drill_down(page, session, claims, everyone)
        await check_own_view(page, session)
    finally:
        await context.close()


async def run_all(url: str, claims: dict[str, str], sessions: list[Session]) -> list[str]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            outcomes = await asyncio.gather(
                *(run_session(browser, url, s, claims, sessions) for s in sessions), return_exceptions=True
            )
            # After every session: a fresh one, whose first run checks the shared frames once more.
            last = Session("/?country=Pakistan", ("", "", ""), {"Country": ["Pakistan"]}, ())
            page = await browser.new_page()
            await loaded(page, Runs(page), url + last.path)
            await check_own_view(page, last)
        finally:
            await browser.close()
    return [f"{s.path}: {o!r}" for s, o in zip(sessions, outcomes) if o is not None] + last.problems


def test_ten_concurrent_sessions_each_see_their_own_view(app_data, capsys):
    from dossier import load_dataset

    before = folder_checksum(app_data)
    claims = load_dataset(app_data).claims.set_index("claim_id")["text"].to_dict()
    sessions = copy.deepcopy(SESSIONS)
    outcome: list = []

    def work() -> None:  # async Playwright in its own thread, clear of the sync browser fixture's loop
        try:
            outcome.append(asyncio.run(run_all(app.url, claims, sessions)))
        except BaseException as exc:  # reported below
            outcome.append(exc)

    app = serve(app_data, extra_env={"DOSSIER_CHECK_IMMUTABLE": "1"})
    try:
        worker = threading.Thread(target=work, daemon=True)
        worker.start()
        worker.join(timeout=300)
        assert not worker.is_alive(), "the sessions did not finish within 5 minutes"
    finally:
        stop(app)
    assert len(outcome) == 1 and outcome[0] == [], outcome
    assert {s.path: s.problems for s in sessions if s.problems} == {}
    latencies = [t for s in sessions for t in s.latencies]
    assert len(latencies) == len(sessions) * INTERACTIONS
    p50, p95 = statistics.median(latencies), statistics.quantiles(latencies, n=20)[18]
    with capsys.disabled():  # the figures for the reliability report, shown without -s
        print(f"\n{len(sessions)} concurrent sessions, {len(latencies)} reruns: "
              f"p50 {p50:.2f} s, p95 {p95:.2f} s, max {max(latencies):.2f} s")  # fmt: skip
    assert folder_checksum(app_data) == before
