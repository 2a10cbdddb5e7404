"""Hostile data everywhere, every page and every export: nothing runs, nothing renders as HTML or Markdown.

The data copy (tests/xss_data.py) puts script, HTML, javascript: URLs, Markdown and Streamlit
colour directives into document text, claims, a source's title, publisher, URL and licence, an
actor's name and aliases, event titles, types, countries and notes, an assessment and a relation.
Each page and drill-down showing them is visited with ``alert`` wrapped to log to the console and
with dialog, page-error and console listeners; the payloads must show as literal text.
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pandas as pd
import pytest
import xss_data as x
from conftest import ROOT, choose, wait_for_app
from playwright.sync_api import expect
from plotly.offline import get_plotlyjs

pytestmark = pytest.mark.browser

# alert, confirm and prompt still open their dialog (which the page fixture records), and say so on the console.
GUARD = """for (const name of ['alert', 'confirm', 'prompt']) {
    const native = window[name];
    window[name] = function (...args) {
        console.log('XSS-RAN ' + name + ' ' + args[0]);
        return native.apply(this, args);
    };
}"""
# Words that only a formatting element would hold if Markdown or HTML from the data were rendered.
FORMATTED = ["bold", "title", "Front", "evil", "XSF", "Bold Brigade", "raid", "click", "join", "basis", "T"]
INERT = """(formatted) => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
            const name = attr.name.toLowerCase(), value = attr.value.toLowerCase().replace(/\\s/g, '');
            if (name.startsWith('on') && value.includes('alert(')) found.push(`${el.tagName} ${name}`);
            if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name)
                && value.startsWith('javascript:')) found.push(`${el.tagName} ${name}=${value}`);
        }
        if (el.tagName === 'SCRIPT' && /^alert\\(/.test(el.textContent.trim())) found.push('a script from the data');
    }
    for (const el of document.querySelectorAll('strong, b, em, i, a, mark, span[style*="color"]')) {
        if (formatted.includes(el.textContent.trim())) found.push(`formatted ${el.tagName}: ${el.textContent}`);
    }
    if (document.querySelector('.katex')) found.push('LaTeX rendered');
    return found;
}"""
# Live markup in an export, also inside the figure's JSON (where plotly would draw <b> or <a href> from text).
HTML_PAYLOADS = ("<img src=x", "<script>alert", "<svg onload", "<iframe", "<b>evil", "<i>raid", "\\u003cimg",
                 "\\u003cscript\\u003ealert", "\\u003cb\\u003eevil", "\\u003ci\\u003eraid")  # fmt: skip
JS_HREF = re.compile(r"""(href|src)\s*=\s*\\?["']?\s*javascript:""", re.IGNORECASE)
CLAIMS = {claim_id: text for claim_id, (text, _, _) in zip(x.CLAIM_IDS, x.SENTENCES)}
UCDP = (ROOT / "tests" / "fixtures" / "ucdp_standard.csv").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def app_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return x.build(tmp_path_factory.mktemp("xss") / "data")


@pytest.fixture
def guarded(page):
    """The conftest page, with alert/confirm/prompt reporting to the console and every console line kept."""
    page.console = []
    page.on("console", lambda m: page.console.append(f"{m.type}: {m.text}"))
    page.on("popup", lambda p: page.console.append(f"popup: {p.url}"))
    page.context.add_init_script(GUARD)
    return page


def assert_inert(page) -> None:
    """No dialog, no alert, no page error, no popup, no live payload or formatting from data in the DOM.

    Called after the expected text is seen; the page is first let finish, so that these absences hold for
    everything it drew.
    """
    wait_for_app(page)
    assert page.problems.dialogs == [], page.problems.dialogs
    assert page.problems.errors == [], page.problems.errors
    suspicious = [line for line in page.console if "XSS-RAN" in line or line.startswith("popup")]
    suspicious += [line for line in page.console if line.startswith("error") and "Failed to load resource" not in line]
    assert suspicious == []
    assert page.evaluate(INERT, FORMATTED) == []


def visit(page, url: str, path: str) -> None:
    page.goto(url + path)
    wait_for_app(page)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def main(page):
    return page.locator('[data-testid="stMain"]')


def pick(page, label: str, option: str) -> None:
    """Choose the option containing ``option`` in the selectbox labelled ``label``."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label).get_by_role("combobox")
    choose(page, box, page.get_by_role("option").filter(has_text=option).first)
    wait_for_app(page)


def chart(page, key: str | None = None):
    """The first plotly chart (in the element keyed ``key``), for ``expect(...).to_contain_text(...)``."""
    scope = f".st-key-{key} " if key else ""
    return page.locator(f"{scope}.js-plotly-plot").first


def test_overview_and_sidebar(served, guarded):
    page = guarded
    visit(page, served.url, f"/?group={x.ACTOR_ID}")
    key = CLAIMS[x.CLAIM_IDS[3]]  # the key judgment
    expect(main(page).locator("blockquote")).to_have_text(key)
    expect(main(page)).to_contain_text(x.SOURCE_TITLE)  # in the citation under the quote
    expect(main(page)).to_contain_text(x.PUBLISHER)
    page.locator('[data-testid="stSidebar"] [data-testid="stTooltipIcon"]').first.hover()
    expect(page.locator('[data-testid="stTooltipContent"]')).to_contain_text(f"{x.ACTOR_ID} · {x.ACTOR_NAME}")
    assert_inert(page)

    visit(page, served.url, f"/?country={quote(x.COUNTRY)}")
    expect(main(page)).to_contain_text(f"Showing: country: {x.COUNTRY}")
    assert_inert(page)


def test_timeline_event_drill_down(served, guarded):
    page = guarded
    visit(page, served.url, f"/timeline?group={x.ACTOR_ID}")
    for literal in (x.ACTOR_NAME, x.EVENT_TYPE, f"Sources: {x.PUBLISHER} brief"):
        expect(chart(page)).to_contain_text(literal)
    pick(page, "Event", "raid by")
    details = page.locator(".st-key-timeline-details")
    expect(details).to_contain_text(x.RAID_TITLE)
    for claim_id in x.CLAIM_IDS[:2]:
        expect(details.locator("blockquote").filter(has_text=CLAIMS[claim_id])).to_have_count(1)
    assert_inert(page)

    pick(page, "Event", "leaflets")
    expect(details).to_contain_text(x.LEAFLET_TITLE)
    expect(details).to_contain_text(x.COUNTRY)
    expect(details).to_contain_text(f"Analyst: {x.IMG} {x.BOLD}")
    expect(details.locator("blockquote").filter(has_text=CLAIMS[x.CLAIM_IDS[4]])).to_have_count(1)
    assert_inert(page)

    visit(page, served.url, f"/timeline?group={x.ACTOR_ID}&lanes=Country")
    expect(chart(page)).to_contain_text(x.COUNTRY)
    assert_inert(page)


def test_matrix_cells_and_ties(served, guarded):
    page = guarded
    visit(page, served.url, f"/matrix?group={x.ACTOR_ID}")
    expect(chart(page, "threat-chart")).to_contain_text(f"Sources: {x.PUBLISHER} brief")
    pick(page, "Cell", "Front")
    expect(main(page).get_by_role("heading", name=f"Pakistan on {x.ACTOR_NAME}: high")).to_be_visible()
    expect(main(page)).to_contain_text(f"Analyst's note: Stated: {x.SCRIPT} {x.BOLD}")
    for claim_id in x.CLAIM_IDS[:4]:
        expect(main(page).locator("blockquote").filter(has_text=CLAIMS[claim_id])).to_have_count(1)
    assert_inert(page)

    visit(page, served.url, f"/matrix?group={x.ACTOR_ID}&view=Relations")
    pick(page, "Tie", "conflict")
    expect(main(page)).to_contain_text(f"{x.ACTOR_NAME} → Pakistan: conflict ({x.IMG})")
    expect(main(page)).to_contain_text(f"Analyst's note: {x.MD_LINK} {x.DIRECTIVE}")
    expect(main(page).locator("blockquote")).to_have_count(2)
    assert_inert(page)

    visit(page, served.url, f"/matrix?group={x.ACTOR_ID}&view=Event+dyads")
    expect(chart(page, "dyad-chart")).to_contain_text(x.ACTOR_ID)
    assert_inert(page)


def test_claims_search_and_selection(served, guarded):
    page = guarded
    visit(page, served.url, "/claims?q=alert")
    expect(main(page)).to_contain_text("4 of 24 claims match “alert”")
    for claim_id in (x.CLAIM_IDS[0], x.CLAIM_IDS[1], x.CLAIM_IDS[2]):  # the first matches, in context
        expect(main(page)).to_contain_text(CLAIMS[claim_id])
    grid = main(page).locator('[data-testid="stDataFrame"]').first
    wait_for_app(page)  # a click during a rerun can be lost
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 15, box["y"] + 35 + 35 / 2)  # tick the first row
    panel = main(page).get_by_text(re.compile(rf"^{x.CLAIM_IDS[0]} · "))
    expect(panel).to_be_visible()
    expect(main(page).get_by_role("link", name=f"Event: {x.RAID_TITLE}")).to_be_visible()
    matrix_link = main(page).get_by_role("link", name=f"Matrix: Pakistan sees {x.ACTOR_NAME} as a high threat")
    expect(matrix_link).to_be_visible()
    link = main(page).get_by_role("link", name="Open in source")
    expect(link).to_have_attribute("href", re.compile(rf"[?&]claim={re.escape(x.CLAIM_IDS[0])}(&|$)"))
    assert_inert(page)


def test_source_reader_with_a_claim(served, guarded):
    page = guarded
    visit(page, served.url, f"/sources?claim={x.CLAIM_IDS[3]}")
    expect(main(page).get_by_role("heading", name=x.SOURCE_TITLE)).to_be_visible()
    expect(main(page)).to_contain_text(f"{x.PUBLISHER} · reliability C")
    expect(main(page)).to_contain_text(f"licence: {x.MD_LINK}")
    expect(page.locator("#dossier-focus")).to_have_text(CLAIMS[x.CLAIM_IDS[3]])
    expect(page.locator(".dossier-document")).to_have_text(x.DOCUMENT.strip())
    link = main(page).get_by_role("link", name=f"Matrix: Pakistan sees {x.ACTOR_NAME} as a high threat")
    expect(link).to_be_visible()
    main(page).locator('[data-testid="stTooltipIcon"]').first.hover()  # the reliability basis
    expect(page.locator('[data-testid="stTooltipContent"]')).to_contain_text(f"<b>basis</b> {x.DIRECTIVE}")
    assert_inert(page)


def test_hostile_file_names_on_ingest_and_import(served, guarded):
    page = guarded
    visit(page, served.url, "/ingest")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([
        {"name": x.UPLOAD_NAME, "mimeType": "text/plain", "buffer": ("Memo. " + x.DOCUMENT).encode()},
        {"name": "<svg onload=alert(16)>.html", "mimeType": "text/html", "buffer": (
            b"<html><head><title>**T** :red[x]</title><script>alert(17)</script></head><body>"
            b"<p>The TTP attacked &lt;img src=x onerror=alert(18)&gt; a post in Pakistan.</p>"
            b"<p><img src=x onerror=alert(19)>Officials said <b>nothing</b>.</p></body></html>")},
    ])  # fmt: skip
    expect(main(page).get_by_role("heading", name=x.UPLOAD_NAME)).to_be_visible()
    expect(main(page).get_by_role("heading", name="<svg onload=alert(16)>.html")).to_be_visible()
    wait_for_app(page)
    previews = main(page).locator(".dossier-document")
    expect(previews.first).to_contain_text(CLAIMS[x.CLAIM_IDS[0]])
    expect(previews.nth(1)).to_contain_text("The TTP attacked <img src=x onerror=alert(18)> a post in Pakistan.")
    for tab in ("Actors", "Candidate events"):
        main(page).get_by_role("tab", name=tab).first.click()
    assert_inert(page)

    name = "<img src=x onerror=alert(14)> **import**.csv"
    hostile = UCDP.replace(",TTP,", f",{x.ACTOR_NAME},").replace("Fixture headline", x.SCRIPT)
    visit(page, served.url, "/import")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": hostile.encode()}
    )
    expect(main(page).get_by_role("heading", name=f"Check: {name}")).to_be_visible()
    main(page).get_by_role("button", name="Import nothing").click()
    expect(main(page)).to_contain_text(f"Nothing was imported from {name}.")
    assert_inert(page)


def download(page, key: str) -> bytes:
    with page.expect_download(timeout=90_000) as info:
        page.locator(f".st-key-{key} button").first.click()
    return Path(info.value.path()).read_bytes()


def without_plotlyjs(html: str) -> str:
    """The export minus the inlined plotly.js library (whose own source mentions javascript:)."""
    library = get_plotlyjs()
    assert html.count(library) <= 1
    return html.replace(library, "")


class LiveMarkup(HTMLParser):
    """Every tag or attribute of an exported file that could run code or that came from the data."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("img", "iframe", "object", "embed") and not dict(attrs).get("src", "").startswith("data:image"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or re.sub(r"\s", "", value or "").lower().startswith("javascript:"):
                self.found.append(f"{tag} {name}={value}")


def assert_no_markup(text: str) -> None:
    assert [p for p in HTML_PAYLOADS if p in text] == []
    assert JS_HREF.search(text) is None
    parser = LiveMarkup()
    parser.feed(text)
    assert parser.found == []


def test_every_export_of_the_hostile_view(served, guarded, tmp_path):
    page = guarded
    files: dict[str, bytes] = {}
    for path, keys in (
        (f"/timeline?group={x.ACTOR_ID}", ["timeline"]),
        (f"/matrix?group={x.ACTOR_ID}", ["threats"]),
        (f"/matrix?group={x.ACTOR_ID}&view=Relations", ["relations"]),
        (f"/matrix?group={x.ACTOR_ID}&view=Event+dyads", ["dyads"]),
        (f"/?group={x.ACTOR_ID}", []),
    ):
        visit(page, served.url, path)
        for key in keys:
            for fmt in ("png", "svg", "html", "csv"):
                files[f"{key}.{fmt}"] = download(page, f"{key}-{fmt}")
    for name in ("html", "pdf", "stix"):
        files[f"pack.{name}"] = download(page, f"pack-{name}")
    assert_inert(page)

    for name, data in files.items():
        kind = name.rsplit(".", 1)[1]
        if kind == "png":
            assert data[:8] == b"\x89PNG\r\n\x1a\n", name
        elif kind == "pdf":
            assert data[:5] == b"%PDF-", name
        elif kind == "svg":
            assert_no_markup(data.decode())
            assert f"Sources: {x.PUBLISHER} brief" in "".join(ET.fromstring(data).itertext()), name
        elif kind == "html":
            assert_no_markup(without_plotlyjs(data.decode()))
    assert x.ACTOR_NAME in "".join(ET.fromstring(files["timeline.svg"]).itertext())  # the lane, as text
    pack = without_plotlyjs(files["pack.html"].decode())
    assert f"<blockquote>{x.IMG.replace('<', '&lt;').replace('>', '&gt;')}" not in pack
    assert "<blockquote>Analysts judge the **bold** threat :red[x] will grow.</blockquote>" in pack

    events = pd.read_csv(io.BytesIO(files["timeline.csv"]), dtype=str, keep_default_na=False)
    assert set(events["title"]) == {x.RAID_TITLE, x.LEAFLET_TITLE}  # data, kept verbatim
    bundle = json.loads(files["pack.stix"])
    urls = [r.get("url") for o in bundle["objects"] for r in o.get("external_references", []) if r.get("url")]
    assert urls == []  # the only source URL is javascript:, which no STIX consumer gets as a link
    notes = {o["abstract"].split()[1]: o["content"] for o in bundle["objects"] if o["type"] == "note"}
    assert {c: notes[c] for c in CLAIMS} == CLAIMS

    for name in ("timeline.svg", "threats.html", "pack.html"):  # the pack holds every chart, too
        saved = tmp_path / name
        saved.write_bytes(files[name])
        opened = page.context.new_page()
        opened.on("dialog", lambda d: (page.problems.dialogs.append(d.message), d.dismiss()))
        opened.on("pageerror", lambda e: page.problems.errors.append(str(e)))
        opened.on("console", lambda m: page.console.append(f"{m.type}: {m.text}"))
        opened.goto(saved.as_uri())
        if name.endswith("html"):
            opened.locator(".js-plotly-plot .main-svg").first.wait_for()
        assert opened.evaluate(INERT, FORMATTED) == [], name
        opened.close()
    assert page.problems.dialogs == [] and page.problems.errors == []
    assert [line for line in page.console if "XSS-RAN" in line or line.startswith("popup")] == []
