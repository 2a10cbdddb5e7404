"""The first visitor of a freshly started server sees the app's own navigation first, never the legacy list.

A pages/ folder beside app.py starts a fresh server in Streamlit's legacy multipage mode, whose menu lists
the files (app, claims, import, …); see dossier.ui.legacy_pages. A MutationObserver, installed before the
page loads, records every navigation (Streamlit's menu, a top bar or the frame's links) the browser
drew, however briefly.
"""

from __future__ import annotations

import re

import pytest
from conftest import chips, nav_link, serve, stop
from playwright.sync_api import expect

from dossier.registry import PAGES

pytestmark = pytest.mark.browser
LEGACY = sorted(["app"] + [p.path.removeprefix("pages/").removesuffix(".py") for p in PAGES])
RECORD = """(() => {
    window.__navSeen = [];
    window.__streamlitMenuSeen = false;
    const record = () => {
        if (document.querySelector('[data-testid="stSidebarNav"]')) window.__streamlitMenuSeen = true;
        const links = document.querySelectorAll(
            '[data-testid="stSidebarNav"] a, [data-testid="stTopNavLink"], [data-testid="stSidebar"] .st-key-nav a');
        const labels = Array.from(links, a => a.innerText.trim().split('\\n').pop().trim());
        const last = window.__navSeen[window.__navSeen.length - 1];
        if (labels.length && JSON.stringify(labels) !== JSON.stringify(last)) window.__navSeen.push(labels);
    };
    new MutationObserver(record).observe(document, {subtree: true, childList: true, characterData: true});
})();"""


@pytest.mark.parametrize(
    ("path", "shows"),
    [("/", None), ("/timeline?country=Pakistan", ("Country", "Pakistan"))],
    ids=["root", "deep-link"],
)
def test_the_first_navigation_drawn_on_a_fresh_server_is_the_apps(app_data, page, path, shows):
    fresh = serve(app_data)  # a server no session has reached yet
    try:
        page.context.add_init_script(RECORD)
        page.goto(fresh.url + path)
        for spec in PAGES:
            expect(nav_link(page, spec.title)).to_be_visible()
        if shows:
            expect(chips(page, shows[0])).to_have_text([shows[1]])
        expect(page).to_have_url(re.compile(re.escape(fresh.url + path.split("?")[0])))
        seen = page.evaluate("window.__navSeen")
        titles = [p.title for p in PAGES]
        assert seen and seen[-1] == titles, seen
        # Every navigation ever drawn was ours, whole or while its links were still arriving.
        assert all(labels == titles[: len(labels)] for labels in seen), seen
        assert all(label not in LEGACY for labels in seen for label in labels), seen
        assert page.evaluate("window.__streamlitMenuSeen") is False
        assert page.problems.errors == []
    finally:
        stop(fresh)
