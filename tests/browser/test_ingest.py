"""The ingest flow in a real browser: upload, preview, accept, commit, and the new data on another page."""

from __future__ import annotations

import re

import pytest
from conftest import wait_for_app
from playwright.sync_api import expect

from dossier import load_dataset
from dossier.ingest.pipeline import source_id_for
from dossier.store import folder_checksum

pytestmark = pytest.mark.browser
MEMO = (
    "The Jamaat Liberation Front (JLF) attacked a convoy in Pakistan, officials said. "
    "Prime Minister Shehbaz Sharif will visit Quetta. The TTP denied any role.\n"
    "Original Source: example.org\n"
)


def upload(page, url: str, name: str, data: bytes) -> None:
    page.goto(f"{url}/ingest")
    wait_for_app(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        {"name": name, "mimeType": "text/plain", "buffer": data}
    )


def test_upload_preview_accept_commit_and_see_it_elsewhere(served, page):
    before = load_dataset(served.data)
    upload(page, served.url, "memo.txt", MEMO.encode())
    sid = source_id_for(MEMO)[0]

    expect(page.get_by_text("3 claims (2 reported fact, 1 forecast)", exact=False)).to_be_visible()
    expect(page.locator(".dossier-claim")).to_have_count(3)  # every claim span highlighted in the preview
    expect(page.locator(".dossier-claim").first).to_have_text(re.compile(r"^The Jamaat Liberation Front \(JLF\)"))

    page.get_by_role("tab", name="Actors").click()
    expect(page.get_by_text("Known actors found")).to_be_visible()
    wait_for_app(page)  # a click during a rerun can be lost
    page.get_by_text("Accept every candidate actor").click()
    expect(page.get_by_text("2 accepted new actor(s)", exact=False)).to_be_visible()

    page.get_by_role("button", name="Commit 1 document").click()
    expect(page.get_by_text("Committed: 1 source(s), 3 claims", exact=False)).to_be_visible()
    expect(page.locator('[data-testid="stFileUploaderFile"]')).to_have_count(0)

    after = load_dataset(served.data)
    assert len(after.sources) == len(before.sources) + 1
    assert len(after.claims) == len(before.claims) + 3
    assert (served.data / "sources" / f"{sid}.txt").read_text(encoding="utf-8") == MEMO
    assert {"JLF", "shehbaz-sharif"} <= set(after.actors["actor_id"])
    assert len(after.events) == len(before.events), "no candidate event was accepted"

    wait_for_app(page)
    page.get_by_role("link", name="See the updated overview").click()
    sources = page.locator('[data-testid="stMetric"]').filter(has_text="Sources")
    expect(sources.locator('[data-testid="stMetricValue"]')).to_have_text(str(len(after.sources)))
    claims = page.locator('[data-testid="stMetric"]').filter(has_text="Claims")
    expect(claims.locator('[data-testid="stMetricValue"]')).to_have_text(str(len(after.claims)))
    assert page.problems.dialogs == [] and page.problems.errors == []


def test_bad_file_gets_one_line_and_nothing_is_written(served, page):
    before = folder_checksum(served.data)
    upload(page, served.url, "scan.txt", b"%PDF-1.7 binary")
    expect(page.get_by_text("scan.txt: the file is binary (a PDF)", exact=False)).to_be_visible()
    expect(page.get_by_role("button", name="Commit 0 documents")).to_be_disabled()
    assert folder_checksum(served.data) == before
    assert page.problems.dialogs == [] and page.problems.errors == []
