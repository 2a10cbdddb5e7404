"""Committing ingest results: one transaction, checked first, idempotent; and the CLI around it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from dossier import load_dataset
from dossier.cli import main
from dossier.ingest import IngestError, Options, prepare
from dossier.ingest.commit import commit, plan
from dossier.store import folder_checksum

ROOT = Path(__file__).resolve().parents[1]
MEMO = (
    "The Jamaat Liberation Front (JLF) attacked a convoy in Pakistan on Tuesday, officials said. "
    "Prime Minister Shehbaz Sharif will visit Quetta. The TTP denied any role.\n"
    "Original Source: example.org\n"
)


def test_commit_appends_source_claims_links_actors_and_events(data_copy: Path):
    ds = load_dataset()
    before = ds.counts()
    result = prepare(MEMO.encode(), "memo.txt", ds, Options(published=pd.Timestamp("2025-03-12").date()))
    candidates = result.candidates.assign(accept=result.candidates["name"] == "Jamaat Liberation Front")
    result = result.reviewed(candidates=candidates, events=result.events.assign(accept=True))
    summary = commit(data_copy, [result])

    after = load_dataset()
    assert after.counts()["sources"] == before["sources"] + 1 and len(after.claims) == before["claims"] + 3
    sid = result.source_id
    source = after.sources.set_index("source_id").loc[sid]
    assert (source["publisher"], source["reliability"], source["path"]) == ("example.org", "F", f"sources/{sid}.txt")
    assert (data_copy / "sources" / f"{sid}.txt").read_text(encoding="utf-8") == MEMO
    new_claims = after.claims[after.claims["source_id"] == sid]
    assert list(new_claims["claim_id"]) == [f"{sid}-01", f"{sid}-02", f"{sid}-03"]
    assert set(new_claims["credibility"]) == {6} and not new_claims["key_judgment"].any()
    assert "JLF" in set(after.actors["actor_id"]), "the accepted candidate joins the gazetteer"
    assert "Shehbaz Sharif" not in set(after.actors["name"]), "the rejected one does not"
    links = after.claim_actors[after.claim_actors["claim_id"].str.startswith(sid)]
    assert {("01", "JLF"), ("01", "PAK"), ("03", "TTP")} == {
        (c[-2:], a) for c, a in zip(links["claim_id"], links["actor_id"])
    }
    events = after.events[after.events["origin"] == "ingest"]
    assert len(events) == summary.events >= 2
    attack = events[events["event_type"] == "attack"].iloc[0]
    assert str(attack["date_start"].date()) == "2025-03-11" and attack["date_basis"] == "analyst"
    assert summary.claims == 3 and summary.actors == 1


def test_committing_the_same_document_again_changes_nothing(data_copy: Path):
    result = prepare(MEMO.encode(), "memo.txt", load_dataset())
    commit(data_copy, [result])
    before = folder_checksum(data_copy)
    with pytest.raises(IngestError, match="already ingested"):
        commit(data_copy, [result])
    with pytest.raises(IngestError, match="already ingested"):
        prepare(MEMO.encode(), "again.txt", load_dataset())
    assert folder_checksum(data_copy) == before


def test_only_changed_files_are_written(data_copy: Path):
    files, _ = plan(load_dataset(), [prepare(MEMO.encode(), "memo.txt", load_dataset())])
    assert "actors.csv" not in files and "assessments.csv" not in files and "relations.csv" not in files
    assert {"sources.csv", "claims.csv", "claim_actors.csv"} <= set(files)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ({"actor_id": "PAK"}, "already taken"),
        ({"actor_id": "a;b"}, "may not contain"),
        ({"actor_id": ""}, "needs a name and an id"),
        ({"kind": "city"}, "not one of"),
    ],
)
def test_bad_review_edits_are_refused_and_nothing_is_written(data_copy: Path, edit: dict, message: str):
    result = prepare(MEMO.encode(), "memo.txt", load_dataset())
    candidates = result.candidates.assign(accept=True, **{k: [v] * len(result.candidates) for k, v in edit.items()})
    before = folder_checksum(data_copy)
    with pytest.raises(IngestError, match=message):
        commit(data_copy, [result.reviewed(candidates=candidates)])
    assert folder_checksum(data_copy) == before


def test_the_would_be_dataset_is_validated_before_writing(data_copy: Path):
    result = prepare(MEMO.encode(), "memo.txt", load_dataset())
    broken = result.claims.assign(text=result.claims["text"].str.upper())  # no longer the source's text
    before = folder_checksum(data_copy)
    with pytest.raises(IngestError, match="would break the dataset.*differs from"):
        commit(data_copy, [result.reviewed(claims=broken)])
    assert folder_checksum(data_copy) == before


def test_left_out_claims_take_their_links_and_events_with_them(data_copy: Path):
    result = prepare(MEMO.encode(), "memo.txt", load_dataset())
    claims = result.claims.assign(keep=[False, True, True])
    commit(data_copy, [result.reviewed(claims=claims, events=result.events.assign(accept=True))])
    after = load_dataset()
    assert not after.claims["claim_id"].eq(f"{result.source_id}-01").any()
    assert not after.event_claims["claim_id"].eq(f"{result.source_id}-01").any()


def test_analyst_changed_kind_is_recorded_as_analyst(data_copy: Path):
    result = prepare(MEMO.encode(), "memo.txt", load_dataset())
    claims = result.claims.assign(kind=["judgment", "forecast", "reported_fact"], credibility=[2, 6, 6])
    commit(data_copy, [result.reviewed(claims=claims)])
    rows = load_dataset().claims.set_index("claim_id")
    first = rows.loc[f"{result.source_id}-01"]
    assert (first["kind"], first["kind_rule"], first["credibility"]) == ("judgment", "analyst", 2)
    assert rows.loc[f"{result.source_id}-02", "kind_rule"] == "modal:will"


def test_two_files_with_the_same_new_actor_add_it_once(data_copy: Path):
    ds = load_dataset()
    one = prepare(MEMO.encode(), "one.txt", ds).accept_all(events=False)
    two = prepare(b"The Jamaat Liberation Front (JLF) regrouped.", "two.txt", ds).accept_all(events=False)
    summary = commit(data_copy, [one, two])
    assert summary.actors == 2  # JLF and Shehbaz Sharif, each once
    after = load_dataset()
    assert (after.actors["actor_id"] == "JLF").sum() == 1
    assert after.claim_actors["actor_id"].eq("JLF").sum() == 2


# --- command line ------------------------------------------------------------------------------


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def test_cli_ingests_files_and_reports_bad_ones(data_copy: Path, tmp_path: Path, capsys):
    sources_before = len(load_dataset().sources)
    good = write(tmp_path, "memo.txt", MEMO)
    empty = write(tmp_path, "empty.txt", b"")
    binary = write(tmp_path, "scan.pdf", b"%PDF-1.4 ...")
    code = main(["ingest", str(good), str(empty), str(binary), str(ROOT / "data/sources/src-a5dc40561693.txt")])
    out, err = capsys.readouterr()
    assert code == 2
    assert err.splitlines() == [
        f"error: {empty}: the file is empty",
        f"error: {binary}: the file is binary (a PDF), not text; save it as .txt, .md or .html first",
        f"error: {ROOT / 'data/sources/src-a5dc40561693.txt'}: already ingested as src-a5dc40561693; nothing to do",
    ]
    assert "1 source(s), 3 claims" in out and "3 file(s) refused" in out
    assert len(load_dataset().sources) == sources_before + 1
    assert "Jamaat Liberation Front" not in set(load_dataset().actors["name"]), "candidates need --accept-actors"


def test_cli_accept_all_and_idempotent_rerun(data_copy: Path, tmp_path: Path, capsys):
    folder = tmp_path / "inbox"
    folder.mkdir()
    write(folder, "a.txt", MEMO)
    write(folder, "b.md", "# Note\n\nThe BLA attacked a train in Pakistan.\n")
    write(folder, "ignored.csv", "a,b\n")
    assert main(["ingest", str(folder), "--yes", "--reliability", "C", "--published", "2025-03-12"]) == 0
    out, _ = capsys.readouterr()
    assert "2 source(s)" in out
    ds = load_dataset()
    new = ds.sources[ds.sources["publisher"].isin(["example.org", "not stated"])]
    assert set(new["reliability"]) == {"C"} and len(new) == 2 and "JLF" in set(ds.actors["actor_id"])
    before = folder_checksum(data_copy)
    assert main(["ingest", str(folder)]) == 2
    assert folder_checksum(data_copy) == before


def test_cli_dry_run_and_read_only_write_nothing(data_copy: Path, tmp_path: Path, monkeypatch, capsys):
    good = write(tmp_path, "memo.txt", MEMO)
    before = folder_checksum(data_copy)
    assert main(["ingest", str(good), "--dry-run"]) == 0
    assert "nothing written" in capsys.readouterr().out
    monkeypatch.setenv("DOSSIER_READ_ONLY", "1")
    assert main(["ingest", str(good)]) == 2
    assert "read-only" in capsys.readouterr().err
    assert folder_checksum(data_copy) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--title", "T"], "--title needs exactly one file"),
        (["--published", "12/03/2025"], "not a date"),
    ],
)
def test_cli_argument_errors(data_copy: Path, tmp_path: Path, args, message):
    files = [str(write(tmp_path, "a.txt", "One. Two.")), str(write(tmp_path, "b.txt", "Three. Four."))]
    done = subprocess.run(
        [sys.executable, "-m", "dossier", "ingest", *files, *args], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 2 and message in done.stderr
    assert "Traceback" not in done.stderr


STANCES = (
    "Pakistan views the TTP as the main threat to its security. "
    "The BLA attacked a convoy in Balochistan, officials said. "
    "Counterterrorism cooperation between the United States and Pakistan remains limited.\n"
)


def test_accepted_perceptions_and_relations_are_written_with_their_claims(data_copy: Path):
    ds = load_dataset()
    before = (len(ds.assessments), len(ds.relations))
    result = prepare(STANCES.encode(), "stances.txt", ds)
    assert set(zip(result.assessments["perceiver"], result.assessments["threat"], result.assessments["level"])) == {
        ("PAK", "TTP", "primary")
    }
    assert ("USA", "PAK", "cooperation") in set(
        zip(result.relations["actor_a"], result.relations["actor_b"], result.relations["kind"])
    )
    summary = commit(data_copy, [result.accept_all(actors=False, events=False)])
    after = load_dataset()
    assert (len(after.assessments), len(after.relations)) == (
        before[0] + summary.assessments,
        before[1] + summary.relations,
    )
    new = after.assessments.set_index("assessment_id").loc[f"{result.source_id}-as01"]
    assert (new["perceiver"], new["threat"], new["level"]) == ("PAK", "TTP", "primary")
    assert list(new["claim_ids"]) == [f"{result.source_id}-01"] and "perception:views-as" in new["note"]
    assert "threat perception(s)" in summary.line()


def test_stances_citing_a_dropped_claim_or_an_unaccepted_actor_are_left_out(data_copy: Path):
    ds = load_dataset()
    result = prepare(STANCES.encode(), "stances.txt", ds).accept_all(actors=False, events=False)
    claims = result.claims.assign(keep=~result.claims["claim_id"].str.endswith("-01"))
    summary = commit(data_copy, [result.reviewed(claims=claims)])
    assert summary.left_out >= 1 and summary.assessments == 0
    assert f"{result.source_id}-as01" not in set(load_dataset().assessments["assessment_id"])


def test_an_invalid_level_refuses_the_whole_commit(data_copy: Path):
    before = folder_checksum(data_copy)
    result = prepare(STANCES.encode(), "stances.txt", load_dataset()).accept_all()
    bad = result.reviewed(assessments=result.assessments.assign(level="existential"))
    with pytest.raises(IngestError, match="threat level 'existential'"):
        commit(data_copy, [bad])
    assert folder_checksum(data_copy) == before


def test_cli_accepts_assessments_and_relations_only_when_asked(data_copy: Path, tmp_path: Path, capsys):
    path = tmp_path / "stances.txt"
    path.write_text(STANCES, encoding="utf-8")
    before = load_dataset()
    assert main(["ingest", str(path), "--accept-assessments"]) == 0
    out = capsys.readouterr().out
    assert "candidate threat perceptions (1 accepted)" in out and "relations (0 accepted)" in out
    after = load_dataset()
    assert len(after.assessments) == len(before.assessments) + 1 and len(after.relations) == len(before.relations)
