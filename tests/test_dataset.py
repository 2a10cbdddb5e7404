"""The load_dataset contract: validation errors name file, line and problem."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from dossier import DatasetError, load_dataset
from dossier.store import folder_checksum
from dossier.text import split_sentences

ROOT = Path(__file__).resolve().parents[1]
BRIEF_ID = "src-a5dc40561693"


def edit_csv(folder: Path, name: str, change: Callable[[list[dict]], None]) -> None:
    path = folder / name
    rows = list(csv.DictReader(io.StringIO(path.read_text())))
    fields = list(rows[0].keys())
    change(rows)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue())


def set_cell(name: str, row: int, column: str, value: str):
    def change(rows: list[dict]) -> None:
        rows[row][column] = value

    return lambda folder: edit_csv(folder, name, change)


def duplicate_row(name: str, row: int):
    return lambda folder: edit_csv(folder, name, lambda rows: rows.append(dict(rows[row])))


def drop_column(name: str, column: str):
    def change(folder: Path) -> None:
        path = folder / name
        rows = list(csv.DictReader(io.StringIO(path.read_text())))
        out = io.StringIO()
        fields = [f for f in rows[0] if f != column]
        writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        path.write_text(out.getvalue())

    return change


def write(name: str, data: bytes):
    return lambda folder: (folder / name).write_bytes(data)


BROKEN = [
    pytest.param(
        set_cell("claims.csv", 2, "text", "Invented words."), "claims.csv, line 4: claim", id="claim-not-verbatim"
    ),
    pytest.param(set_cell("claims.csv", 0, "end", "99999"), "claims.csv, line 2: offsets", id="offsets-outside"),
    pytest.param(
        set_cell("claims.csv", 0, "start", "ten"), "claims.csv, line 2: start is not a whole number", id="bad-int"
    ),
    pytest.param(
        set_cell("claims.csv", 1, "kind", "rumour"), "claims.csv, line 3: kind 'rumour' is not one of", id="bad-kind"
    ),
    pytest.param(
        set_cell("claims.csv", 1, "credibility", "7"), "claims.csv, line 3: credibility", id="credibility-range"
    ),
    pytest.param(
        set_cell("claims.csv", 1, "source_id", "src-nope"),
        "claims.csv, line 3: source_id 'src-nope' does not match",
        id="dangling-source",
    ),
    pytest.param(duplicate_row("claims.csv", 0), "claims.csv, line 21: duplicate claim_id", id="duplicate-claim"),
    pytest.param(duplicate_row("actors.csv", 1), "actors.csv, line 15: duplicate actor_id 'PAK'", id="duplicate-actor"),
    pytest.param(
        set_cell("sources.csv", 0, "reliability", "Z"), "sources.csv, line 2: reliability 'Z'", id="bad-reliability"
    ),
    pytest.param(set_cell("sources.csv", 0, "sha256", "0" * 64), "does not match its sha256", id="edited-source"),
    pytest.param(set_cell("sources.csv", 0, "path", "../../etc/passwd"), "leaves the data folder", id="path-escape"),
    pytest.param(
        set_cell("events.csv", 0, "date_start", "2025-02-30"),
        "events.csv, line 2: date_start is not a valid date",
        id="impossible-date",
    ),
    pytest.param(
        set_cell("events.csv", 7, "date_end", "2025-04-01"),
        "events.csv, line 9: date_end is before date_start",
        id="end-before-start",
    ),
    pytest.param(
        set_cell("events.csv", 0, "date_precision", "week"),
        "events.csv, line 2: date_precision 'week'",
        id="bad-precision",
    ),
    pytest.param(
        set_cell("events.csv", 0, "date_note", ""),
        "events.csv, line 2: an analyst-supplied date needs its basis",
        id="analyst-without-basis",
    ),
    pytest.param(
        set_cell("events.csv", 3, "date_precision", "day"),
        "events.csv, line 5: date_start is empty",
        id="precision-without-date",
    ),
    pytest.param(
        set_cell("event_actors.csv", 0, "actor_id", "NOBODY"),
        "event_actors.csv, line 2: actor_id 'NOBODY'",
        id="dangling-actor",
    ),
    pytest.param(
        set_cell("assessments.csv", 0, "level", "severe"), "assessments.csv, line 2: level 'severe'", id="bad-level"
    ),
    pytest.param(
        set_cell("assessments.csv", 0, "claim_ids", "src-a5dc40561693-07;nope"),
        "assessments.csv, line 2: claim_ids 'nope'",
        id="dangling-claim-list",
    ),
    pytest.param(
        set_cell("relations.csv", 0, "directed", "maybe"),
        "relations.csv, line 2: directed must be true or false",
        id="bad-bool",
    ),
    pytest.param(
        drop_column("events.csv", "date_basis"), "events.csv: missing column(s): date_basis", id="missing-column"
    ),
    pytest.param(write("actors.csv", b""), "actors.csv: malformed CSV", id="empty-file"),
    pytest.param(write("actors.csv", b"\xff\xfe\x00\x01binary"), "actors.csv: not UTF-8", id="binary-file"),
    pytest.param(write("relations.csv", b'relation_id,actor_a\n"unclosed,PAK\n'), "relations.csv", id="malformed-csv"),
    pytest.param(lambda folder: (folder / "claims.csv").unlink(), "claims.csv: file is missing", id="missing-file"),
]


@pytest.mark.parametrize(("breakage", "message"), BROKEN)
def test_broken_dataset_fails_with_named_error(tmp_path: Path, breakage, message: str):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    breakage(folder)
    before = folder_checksum(folder)
    with pytest.raises(DatasetError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_dataset(folder)
    assert folder_checksum(folder) == before, "loading must never write"


def test_bundled_dataset_loads_with_every_table():
    ds = load_dataset(ROOT / "data")
    assert ds.counts() == {"sources": 1, "claims": 19, "actors": 13, "events": 9}
    assert len(ds.assessments) == 4 and len(ds.relations) == 11


def test_dossier_data_env_points_at_another_folder(data_copy: Path):
    assert load_dataset().folder == data_copy.resolve()


def test_every_claim_is_verbatim_and_every_sentence_is_covered():
    ds = load_dataset(ROOT / "data")
    text = ds.sources.set_index("source_id").loc[BRIEF_ID, "text"]
    for claim in ds.claims.itertuples():
        assert text[claim.start : claim.end] == claim.text
    sentences = [text[s.start : s.end] for s in split_sentences(text)]
    attribution = [s for s in sentences if s.startswith("Original Source:")]
    assert attribution == ["Original Source: foreignpolicy.com"]
    assert sorted(ds.claims["text"]) == sorted(s for s in sentences if s not in attribution)


def test_bundled_source_matches_what_the_brief_states():
    source = load_dataset(ROOT / "data").sources.iloc[0]
    assert source["publisher"] == "foreignpolicy.com"
    assert source["url"] == ""
    assert str(source["published"]) == "NaT", "the brief states no publication date"


def test_dates_the_brief_does_not_give_are_analyst_supplied_with_a_basis():
    events = load_dataset(ROOT / "data").events
    dated = events[events["date_precision"] != "unknown"]
    assert set(dated["date_basis"]) == {"analyst"}
    assert dated["date_note"].str.contains("Public record|public record").all()
    assert (events.loc[events["date_precision"] == "unknown", "date_start"].isna()).all()


def test_every_assessment_and_relation_cites_claims():
    ds = load_dataset(ROOT / "data")
    for frame in (ds.assessments, ds.relations):
        assert frame["claim_ids"].map(len).gt(0).all()


def test_brief_core_mismatch_is_recorded():
    a = load_dataset(ROOT / "data").assessments.set_index(["perceiver", "threat"])["level"]
    assert a[("USA", "IS-K")] == "primary"
    assert a[("PAK", "TTP")] == "primary"
    assert a[("PAK", "IS-K")] == "recognised"
