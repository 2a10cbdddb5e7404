"""The curation verbs of the command line: each writes one logged change, each refusal one line and nothing."""

from __future__ import annotations

import threading

import pytest

from dossier import curation, load_dataset
from dossier.cli import main
from dossier.store import folder_checksum

C7, C12 = "src-a5dc40561693-07", "src-a5dc40561693-12"

WRITES = [
    (
        [
            "add",
            "assessment",
            "--perceiver",
            "India",
            "--threat",
            "Tehrik-i-Taliban Pakistan",
            "--level",
            "high",
            "--claim",
            C7,
            "--trend",
            "escalating",
            "--note",
            "plain",
        ],
        "add assessment ind-ttp: IND sees TTP as high",
    ),
    (
        [
            "add",
            "relation",
            "--from",
            "IND",
            "--to",
            "LKA",
            "--kind",
            "economic",
            "--mutual",
            "--claim",
            C12,
            "--qualifier",
            "trade",
        ],
        "add relation ind-lka-economic: IND ↔ LKA",
    ),
    (
        [
            "add",
            "event",
            "--title",
            "Talks",
            "--type",
            "talks",
            "--date",
            "2025-03",
            "--actor",
            "PAK:subject",
            "--actor",
            "India",
            "--country",
            "India",
            "--claim",
            C12,
        ],
        "add event talks-2025: Talks",
    ),
    (["add", "evidence", "us-support-reduction", "--claim", C12], "cite src-a5dc40561693-12 for event"),
    (["add", "alias", "TTP", "Pakistani Taliban"], "add alias 'Pakistani Taliban' → TTP"),
    (["add", "actor", "Lashkar-e-Islam", "--kind", "armed_group", "--alias", "LeI"], "add actor lashkar-e-islam"),
    (["edit", "assessment", "pak-isk", "--level", "high", "--add-claim", C12], "edit assessment pak-isk"),
    (["edit", "relation", "usa-pak-ct", "--kind", "conflict", "--directed"], "edit relation usa-pak-ct"),
    (
        ["edit", "event", "us-support-reduction", "--date", "2022", "--basis", "analyst", "--date-note", "record"],
        "edit event us-support-reduction",
    ),
    (["edit", "actor", "BLA", "--name", "Baloch Liberation Army"], "edit actor BLA"),
    (["remove", "assessment", "pak-isk"], "remove assessment pak-isk"),
    (["remove", "relation", "usa-pak-ct"], "remove relation usa-pak-ct"),
    (["remove", "event", "us-support-reduction"], "remove event us-support-reduction"),
    (["remove", "alias", "TTP", "Tehrik-i-Taliban Pakistan"], "remove alias 'Tehrik-i-Taliban Pakistan' from TTP"),
    (["merge-actors", "Donald Trump", "Vance"], "merge actor jd-vance into donald-trump"),
]


@pytest.mark.parametrize(("argv", "printed"), WRITES, ids=[" ".join(a[:2]) for a, _ in WRITES])
def test_write_verbs_print_their_change_and_log_it(data_copy, capsys, argv, printed):
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("change 1: ") and printed in out
    assert [e["id"] for e in curation.read_log(data_copy)] == [1]
    load_dataset(data_copy)


REFUSALS = [
    (
        ["add", "assessment", "--perceiver", "Narnia", "--threat", "TTP", "--level", "high", "--claim", C7],
        "unknown perceiver 'Narnia'",
    ),
    (
        ["add", "assessment", "--perceiver", "PAK", "--threat", "TTP", "--level", "dire", "--claim", C7],
        "level 'dire' is not one of",
    ),
    (
        ["add", "assessment", "--perceiver", "PAK", "--threat", "TTP", "--level", "high", "--claim", "nope"],
        "unknown claim 'nope'",
    ),
    (
        [
            "add",
            "assessment",
            "--perceiver",
            "PAK",
            "--threat",
            "TTP",
            "--level",
            "high",
            "--claim",
            C7,
            "--note",
            "<script>alert(1)</script>",
        ],
        "HTML or script",
    ),
    (
        ["add", "relation", "--from", "PAK", "--to", "TTP", "--kind", "rivalry", "--claim", C7],
        "kind 'rivalry' is not one of",
    ),
    (["merge-actors", "PAK", "Pakistan"], "cannot merge PAK into itself"),
    (["remove", "claim", C7], "is cited by"),
    (["undo"], "there is no change to undo"),
]


@pytest.mark.parametrize(("argv", "message"), REFUSALS, ids=[m for _, m in REFUSALS])
def test_refusals_print_one_line_exit_2_and_write_nothing(data_copy, capsys, argv, message):
    before = folder_checksum(data_copy)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and err.count("\n") == 1
    assert folder_checksum(data_copy) == before


@pytest.mark.parametrize("argv", [argv for argv, _ in WRITES] + [["undo"], ["init", "somewhere-new"]])
def test_read_only_refuses_every_write_command(data_copy, capsys, monkeypatch, tmp_path, argv):
    monkeypatch.setenv("DOSSIER_READ_ONLY", "1")
    monkeypatch.chdir(tmp_path)
    before = folder_checksum(data_copy)
    assert main(argv) == 2
    assert "read-only" in capsys.readouterr().err
    assert folder_checksum(data_copy) == before and not (tmp_path / "somewhere-new").exists()


def test_changes_lists_and_undo_undoes(data_copy, capsys, monkeypatch):
    monkeypatch.setenv("DOSSIER_USER", "ana")
    main(["add", "alias", "TTP", "Pakistani Taliban"])
    main(["undo"])
    capsys.readouterr()
    assert main(["changes"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "ana" in lines[0] and lines[0].endswith("(undone)") and "undo change 1" in lines[1]
    assert main(["changes", "--show", "1"]) == 0
    assert '"op": "add alias"' in capsys.readouterr().out


def test_unmapped_lists_imported_names_with_suggestions(data_copy, capsys):
    from pathlib import Path

    from dossier.importers.run import commit_import, prepare_import

    fixture = Path(__file__).parent / "fixtures" / "ucdp_standard.csv"
    commit_import(prepare_import(fixture, data_copy), data_copy, good_rows=True)
    assert main(["unmapped"]) == 0
    out = capsys.readouterr().out
    assert "'IS': 1 events · near: IS-K (IS-K, 83)" in out and "'Lashkar-e-Islam': 1 events" in out


def test_two_writers_at_once_lose_nothing(data_copy):
    """Eight threads add an alias each at the same moment: all eight land, each logged once."""
    names = [f"Writer {i}" for i in range(8)]
    start = threading.Barrier(len(names))
    errors: list[Exception] = []

    def write(name: str) -> None:
        start.wait()
        try:
            curation.add_alias(data_copy, "TTP", name)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    aliases = load_dataset(data_copy).actors.set_index("actor_id").loc["TTP", "aliases"]
    assert set(names) <= set(aliases)
    assert sorted(e["id"] for e in curation.read_log(data_copy)) == list(range(1, 9))


def test_a_command_and_a_process_writing_at_once_lose_nothing(data_copy):
    """Two processes (as a browser tab and a command would be) write together: both changes land."""
    import subprocess
    import sys

    argv = [sys.executable, "-m", "dossier"]
    one = subprocess.Popen([*argv, "add", "alias", "TTP", "Pakistani Taliban"])
    two = subprocess.Popen([*argv, "edit", "assessment", "pak-isk", "--level", "high"])
    assert one.wait(120) == 0 and two.wait(120) == 0
    ds = load_dataset(data_copy)
    assert "Pakistani Taliban" in ds.actors.set_index("actor_id").loc["TTP", "aliases"]
    assert ds.assessments.set_index("assessment_id").loc["pak-isk", "level"] == "high"
    assert len(curation.read_log(data_copy)) == 2
