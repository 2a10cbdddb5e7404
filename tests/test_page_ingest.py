"""AppTest of the ingest page: empty state, preview, bad files, commit and read-only mode."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dossier import load_dataset
from dossier.registry import page_by_url
from dossier.store import folder_checksum

pytestmark = pytest.mark.integration


PAGE = "pages/ingest.py"
MEMO = (
    b"The Jamaat Liberation Front (JLF) attacked a convoy in Pakistan, officials said. "
    b"Prime Minister Shehbaz Sharif will visit Quetta.\nOriginal Source: example.org\n"
)


def test_page_is_registered():
    assert page_by_url("ingest").path == PAGE


def test_empty_page_asks_for_a_document(bundled_data, run_app):
    at = run_app(page=PAGE)
    assert not at.exception
    assert at.title[0].value == "Ingest documents"
    assert any("Upload one or more documents" in i.value for i in at.info)
    assert len(at.file_uploader) == 1 and set(at.file_uploader[0].allowed_type) >= {".txt", ".md", ".html"}


def upload(at, *files: tuple[str, bytes]):
    at.file_uploader[0].set_value([(name, data, "text/plain") for name, data in files])
    return at.run()


def test_preview_then_commit(data_copy: Path, run_app):
    sources_before = len(load_dataset().sources)
    at = upload(run_app(page=PAGE), ("memo.txt", MEMO))
    assert not at.exception
    assert [s.value for s in at.subheader] == ["memo\\.txt"]
    assert any("2 claims" in c.value and "2 candidate actors" in c.value for c in at.caption)
    assert len(at.data_editor) == 5  # claims, candidate actors, events, threat perceptions, relations
    assert at.text_input(key=at.text_input[0].key).value == "memo"
    at.toggle[0].set_value(True).run()  # accept every candidate actor
    assert any("2 claims, 2 accepted new actor" in c.value for c in at.caption)
    at.button[0].click().run()
    assert not at.exception
    assert any("Committed: 1 source(s), 2 claims" in s.value for s in at.success)
    ds = load_dataset()
    assert len(ds.sources) == sources_before + 1 and {"JLF", "shehbaz-sharif"} <= set(ds.actors["actor_id"])
    assert len(at.file_uploader) == 1 and not at.data_editor, "the uploader is cleared after a commit"


STANCES = (
    b"Pakistan views the TTP as the main threat to its security. "
    b"The TTP attacked a checkpoint in Pakistan on Tuesday, officials said.\n"
)


def test_editing_the_details_resolves_dates_again_without_a_new_analysis(data_copy: Path, run_app, monkeypatch):
    from dossier.ingest import pipeline

    calls = []
    real = pipeline.analyse
    monkeypatch.setattr(pipeline, "analyse", lambda *a, **k: calls.append(1) or real(*a, **k))
    at = upload(run_app(page=PAGE), ("stances.txt", STANCES))
    assert not at.exception and len(calls) == 1
    at.date_input[0].set_value(dt.date(2025, 3, 12)).run()
    at.text_input[0].set_value("Renamed").run()
    assert not at.exception and len(calls) == 1, "only the dates are resolved again"
    events = at.data_editor[2].value
    assert events["date_start"].tolist() == [dt.date(2025, 3, 11)], "'on Tuesday' before Wednesday 12 March 2025"


def test_accepted_threat_perceptions_reach_the_matrix_tables(data_copy: Path, run_app):
    before = len(load_dataset().assessments)
    at = upload(run_app(page=PAGE), ("stances.txt", STANCES))
    assert any("1 candidate threat perceptions" in c.value for c in at.caption)
    at.toggle(key=next(t.key for t in at.toggle if t.label == "Accept every threat perception")).set_value(True).run()
    assert any("1 threat perception\\(s\\)" in c.value for c in at.caption)
    at.button[0].click().run()
    assert not at.exception and any("1 threat perception(s)" in s.value for s in at.success)
    after = load_dataset().assessments
    assert len(after) == before + 1
    assert after.iloc[-1][["perceiver", "threat", "level"]].tolist() == ["PAK", "TTP", "primary"]


def test_bad_files_get_one_line_each_and_cannot_be_committed(data_copy: Path, run_app):
    before = folder_checksum(data_copy)
    brief = (data_copy / "sources" / "src-a5dc40561693.txt").read_bytes()
    at = upload(run_app(page=PAGE), ("empty.txt", b""), ("brief.txt", brief))
    assert not at.exception
    assert [e.value for e in at.error] == [
        "empty\\.txt: the file is empty",
        "brief\\.txt: already ingested as src\\-a5dc40561693; nothing to do",
    ]
    assert at.button[0].disabled
    assert folder_checksum(data_copy) == before


def test_read_only_hides_the_page(data_copy: Path, run_app, monkeypatch):
    monkeypatch.setenv("DOSSIER_READ_ONLY", "1")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        run_app(page=PAGE)
