"""Curation operations: each change lands as checked and logged, each refusal writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from dossier import curation, load_dataset
from dossier.curation import CurationError
from dossier.settings import ReadOnlyError
from dossier.store import folder_checksum

C7, C8, C12 = "src-a5dc40561693-07", "src-a5dc40561693-08", "src-a5dc40561693-12"


def table(folder: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)


# --- what each change does ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("perceiver", "threat", "level", "want"),
    [
        ("IND", "TTP", "high", ("IND", "TTP", "high")),
        ("india", "tehrik-i-taliban pakistan", "High", ("IND", "TTP", "high")),  # name, alias, any case
        ("Government of India", "is k", "not stated", ("IND", "IS-K", "not_stated")),  # dash and space folded
    ],
)
def test_add_assessment_resolves_actors_and_lands_in_the_matrix(data_copy, perceiver, threat, level, want):
    change = curation.add_assessment(data_copy, perceiver=perceiver, threat=threat, level=level, claims=[C7], note="n")
    rows = load_dataset(data_copy).assessments
    added = rows[rows["assessment_id"] == change.summary.split()[2].rstrip(":")].iloc[0]
    assert (added["perceiver"], added["threat"], added["level"]) == want
    assert added["claim_ids"] == [C7] and added["note"] == "n"
    assert change.files == ("assessments.csv",)


def test_edit_assessment_changes_level_and_cites_more(data_copy):
    curation.edit_assessment(data_copy, "pak-isk", level="high", trend="escalating", add_claims=[C12])
    row = load_dataset(data_copy).assessments.set_index("assessment_id").loc["pak-isk"]
    assert (row["level"], row["trend"], row["claim_ids"]) == ("high", "escalating", [C8, C12])


def test_remove_assessment(data_copy):
    curation.remove_assessment(data_copy, "pak-isk")
    assert "pak-isk" not in set(load_dataset(data_copy).assessments["assessment_id"])


@pytest.mark.parametrize(("mutual", "directed"), [(False, True), (True, False)])
def test_add_relation_directed_or_mutual(data_copy, mutual, directed):
    curation.add_relation(
        data_copy, actor_a="IND", actor_b="LKA", kind="economic", mutual=mutual, claims=[C12], qualifier="trade talks"
    )
    row = load_dataset(data_copy).relations.set_index("relation_id").loc["ind-lka-economic"]
    assert (row["actor_a"], row["actor_b"], bool(row["directed"]), row["qualifier"]) == (
        "IND",
        "LKA",
        directed,
        "trade talks",
    )


def test_edit_and_remove_relation(data_copy):
    curation.edit_relation(data_copy, "usa-pak-support", kind="economic", mutual=True, drop_claims=[], note="x")
    row = load_dataset(data_copy).relations.set_index("relation_id").loc["usa-pak-support"]
    assert (row["kind"], bool(row["directed"]), row["note"]) == ("economic", False, "x")
    curation.remove_relation(data_copy, "usa-pak-support")
    assert "usa-pak-support" not in set(load_dataset(data_copy).relations["relation_id"])


@pytest.mark.parametrize(
    ("date", "precision", "start", "want_precision"),
    [
        ("2025-03-04", None, "2025-03-04", "day"),
        ("2025-03", None, "2025-03-01", "month"),
        ("2025", None, "2025-01-01", "year"),
        (None, None, None, "unknown"),
    ],
)
def test_add_event_with_dates_actors_and_evidence(data_copy, date, precision, start, want_precision):
    change = curation.add_event(
        data_copy,
        title="Talks in Geneva",
        event_type="Talks",
        date=date,
        precision=precision,
        claims=[C12],
        actors=[("pakistan", "subject"), ("IND", "object")],
        country="India",
    )
    ds = load_dataset(data_copy)
    event_id = change.summary.split()[2].rstrip(":")
    event = ds.events.set_index("event_id").loc[event_id]
    assert event["date_precision"] == want_precision and event["event_type"] == "talks"
    assert (str(event["date_start"].date()) if start else None) == start
    assert event["country"] == "India" and event["origin"] == "curated"
    links = ds.event_actors[ds.event_actors["event_id"] == event_id]
    assert set(zip(links["actor_id"], links["role"])) == {("PAK", "subject"), ("IND", "object")}
    assert list(ds.event_claims.loc[ds.event_claims["event_id"] == event_id, "claim_id"]) == [C12]


def test_cite_edit_and_remove_event(data_copy):
    curation.cite_event(data_copy, "us-support-reduction", claims=[C12])
    ds = load_dataset(data_copy)
    assert C12 in set(ds.event_claims.loc[ds.event_claims["event_id"] == "us-support-reduction", "claim_id"])
    curation.edit_event(
        data_copy,
        "us-support-reduction",
        date="2022",
        basis="analyst",
        date_note="public record",
        actors=[("USA", "subject")],
    )
    ds = load_dataset(data_copy)
    event = ds.events.set_index("event_id").loc["us-support-reduction"]
    assert (event["date_precision"], event["date_basis"], event["date_note"]) == ("year", "analyst", "public record")
    assert list(ds.event_actors.loc[ds.event_actors["event_id"] == "us-support-reduction", "actor_id"]) == ["USA"]
    curation.remove_event(data_copy, "us-support-reduction")
    ds = load_dataset(data_copy)
    assert "us-support-reduction" not in set(ds.events["event_id"]) | set(ds.event_claims["event_id"])


def test_aliases_add_and_remove(data_copy):
    curation.add_alias(data_copy, "TTP", "Pakistani Taliban")
    assert "Pakistani Taliban" in load_dataset(data_copy).actors.set_index("actor_id").loc["TTP", "aliases"]
    assert curation.actor_id(load_dataset(data_copy).actors, "pakistani-taliban") == "TTP"
    curation.remove_alias(data_copy, "TTP", "pakistani taliban")
    assert "Pakistani Taliban" not in load_dataset(data_copy).actors.set_index("actor_id").loc["TTP", "aliases"]


def test_merge_moves_every_reference_and_keeps_the_name_as_alias(data_copy):
    before = load_dataset(data_copy)
    vance_links = int((before.event_actors["actor_id"] == "jd-vance").sum())
    trump_links = int((before.event_actors["actor_id"] == "donald-trump").sum())
    curation.merge_actors(data_copy, "Donald Trump", "jd-vance")
    ds = load_dataset(data_copy)
    assert "jd-vance" not in set(ds.actors["actor_id"])
    for frame, column in (
        (ds.event_actors, "actor_id"),
        (ds.claim_actors, "actor_id"),
        (ds.assessments, "perceiver"),
        (ds.relations, "actor_a"),
        (ds.relations, "actor_b"),
    ):
        assert "jd-vance" not in set(frame[column])
    assert 0 < int((ds.event_actors["actor_id"] == "donald-trump").sum()) <= vance_links + trump_links
    assert {"J.D. Vance", "Vice President Vance"} <= set(ds.actors.set_index("actor_id").loc["donald-trump", "aliases"])


def test_add_actor_and_remove_an_unused_one(data_copy):
    curation.add_actor(data_copy, name="Lashkar-e-Islam", kind="armed_group", country="Pakistan", aliases=["LeI"])
    row = load_dataset(data_copy).actors.set_index("actor_id").loc["lashkar-e-islam"]
    assert (row["kind"], row["country"], row["iso3"], row["aliases"]) == (
        "armed_group",
        "Pakistan",
        "PAK",
        ["Lashkar-e-Islam", "LeI"],
    )
    curation.remove_actor(data_copy, "LeI")
    assert "lashkar-e-islam" not in set(load_dataset(data_copy).actors["actor_id"])


def test_remove_claim_nothing_cites(data_copy):
    ds = load_dataset(data_copy)
    cited = {c for cs in ds.assessments["claim_ids"] for c in cs} | {c for cs in ds.relations["claim_ids"] for c in cs}
    free = sorted(set(ds.claims["claim_id"]) - cited - set(ds.event_claims["claim_id"]))[0]
    curation.remove_claim(data_copy, free)
    ds = load_dataset(data_copy)
    assert free not in set(ds.claims["claim_id"]) | set(ds.claim_actors["claim_id"])


# --- refusals: one line, nothing written ----------------------------------------------------------

REFUSALS = [
    (
        lambda f: curation.add_assessment(f, perceiver="Narnia", threat="TTP", level="high", claims=[C7]),
        "unknown perceiver 'Narnia'",
    ),
    (
        lambda f: curation.add_assessment(f, perceiver="PAK", threat="TTP", level="huge", claims=[C7]),
        "level 'huge' is not one of",
    ),
    (
        lambda f: curation.add_assessment(f, perceiver="PAK", threat="TTP", level="high", claims=["no-such-claim"]),
        "unknown claim 'no-such-claim'",
    ),
    (
        lambda f: curation.add_assessment(f, perceiver="PAK", threat="TTP", level="high", claims=[]),
        "cite at least one claim",
    ),
    (
        lambda f: curation.add_assessment(f, perceiver="PAK", threat="PAK", level="high", claims=[C7]),
        "cannot be a threat to itself",
    ),
    (
        lambda f: curation.add_assessment(
            f, perceiver="PAK", threat="TTP", level="high", claims=[C7], note="<script>alert(1)</script>"
        ),
        "may not contain HTML or script",
    ),
    (
        lambda f: curation.add_assessment(
            f, perceiver="PAK", threat="TTP", level="high", claims=[C7], note='<img src=x onerror="alert(1)">'
        ),
        "may not contain HTML or script",
    ),
    (
        lambda f: curation.add_assessment(
            f, perceiver="PAK", threat="TTP", level="high", claims=[C7], note="javascript:alert(1)"
        ),
        "may not contain HTML or script",
    ),
    (
        lambda f: curation.add_assessment(
            f, perceiver="PAK", threat="TTP", level="high", claims=[C7], trend="sideways"
        ),
        "trend 'sideways' is not one of",
    ),
    (
        lambda f: curation.add_relation(f, actor_a="PAK", actor_b="TTP", kind="friendship", claims=[C7]),
        "kind 'friendship' is not one of",
    ),
    (
        lambda f: curation.add_relation(f, actor_a="PAK", actor_b="Pakistan", kind="conflict", claims=[C7]),
        "two different actors",
    ),
    (
        lambda f: curation.add_relation(
            f, actor_a="PAK", actor_b="TTP", kind="conflict", claims=[C7], qualifier="a\nb"
        ),
        "control characters",
    ),
    (lambda f: curation.edit_assessment(f, "no-such", level="high"), "unknown assessment 'no-such'"),
    (lambda f: curation.edit_assessment(f, "pak-isk", drop_claims=[C8]), "cannot drop the last claim"),
    (lambda f: curation.edit_assessment(f, "pak-isk", level="primary", expect="stale-token"), "changed since"),
    (lambda f: curation.remove_relation(f, "no-such"), "unknown relation 'no-such'"),
    (lambda f: curation.add_event(f, title="x", event_type="visit", claims=[C7], date="2025-13-40"), "does not exist"),
    (
        lambda f: curation.add_event(f, title="x", event_type="visit", claims=[C7], date="March 2025"),
        "is not YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    (
        lambda f: curation.add_event(
            f, title="x", event_type="visit", claims=[C7], date="2025-03-04", end="2025-03-01"
        ),
        "end date is before",
    ),
    (
        lambda f: curation.add_event(f, title="x", event_type="visit", claims=[C7], date="2025", basis="analyst"),
        "needs its basis",
    ),
    (
        lambda f: curation.add_event(f, title="x", event_type="visit", claims=[C7], country="Atlantis"),
        "unknown country 'Atlantis'",
    ),
    (
        lambda f: curation.add_event(f, title="x", event_type="visit", claims=[C7], actors=[("PAK", "villain")]),
        "role 'villain' is not one of",
    ),
    (lambda f: curation.add_event(f, title="<b>x</b>", event_type="visit", claims=[C7]), "HTML or script"),
    (lambda f: curation.cite_event(f, "no-such-event", claims=[C7]), "unknown event 'no-such-event'"),
    (lambda f: curation.cite_event(f, "trump-address-2025-03", claims=["src-a5dc40561693-03"]), "already cites"),
    (lambda f: curation.merge_actors(f, "PAK", "Pakistan"), "cannot merge PAK into itself"),
    (lambda f: curation.merge_actors(f, "PAK", "Narnia"), "unknown actor to merge 'Narnia'"),
    (lambda f: curation.merge_actors(f, "PAK", "TTP"), "tie PAK to itself"),
    (lambda f: curation.add_alias(f, "PAK", "TTP"), "'TTP' already names actor TTP"),
    (lambda f: curation.add_alias(f, "PAK", "pakistan"), "already names PAK"),
    (lambda f: curation.add_alias(f, "PAK", "<i>x</i>"), "HTML or script"),
    (lambda f: curation.remove_alias(f, "PAK", "Narnia"), "is not an alias of PAK"),
    (lambda f: curation.add_actor(f, name="Pakistan Army", kind="army", aliases=[]), "kind 'army' is not one of"),
    (lambda f: curation.add_actor(f, name="X", kind="other", actor_id="PAK"), "already taken"),
    (lambda f: curation.remove_actor(f, "TTP"), "still referred to"),
    (lambda f: curation.remove_claim(f, C7), f"claim {C7} is cited by assessment usa-isk"),
    (lambda f: curation.remove_claim(f, "no-such-claim"), "unknown claim 'no-such-claim'"),
    (lambda f: curation.undo(f), "there is no change to undo"),
]


@pytest.mark.parametrize(("change", "message"), REFUSALS, ids=[m for _, m in REFUSALS])
def test_refusal_is_one_line_and_writes_nothing(data_copy, change, message):
    before = folder_checksum(data_copy)
    with pytest.raises(CurationError, match=None) as caught:
        change(data_copy)
    text = str(caught.value)
    assert message in text and "\n" not in text
    assert folder_checksum(data_copy) == before


def test_read_only_refuses_and_writes_nothing(data_copy, monkeypatch):
    monkeypatch.setenv("DOSSIER_READ_ONLY", "1")
    before = folder_checksum(data_copy)
    with pytest.raises(ReadOnlyError):
        curation.add_alias(data_copy, "TTP", "Pakistani Taliban")
    with pytest.raises(ReadOnlyError):
        curation.undo(data_copy)
    assert folder_checksum(data_copy) == before


# --- the change log and undo ----------------------------------------------------------------------


def test_log_records_when_who_what_before_and_after(data_copy, monkeypatch):
    monkeypatch.setenv("DOSSIER_USER", "analyst-7")
    curation.edit_assessment(data_copy, "pak-isk", level="high")
    (entry,) = curation.read_log(data_copy)
    assert (entry["id"], entry["by"], entry["op"]) == (1, "analyst-7", "edit assessment")
    before, after = curation.records(entry, "assessments.csv")
    assert [r["level"] for r in before] == ["recognised"] and [r["level"] for r in after] == ["high"]
    assert entry["at"].endswith("Z")
    assert curation.check_log(data_copy) == 1


@pytest.mark.parametrize(
    "change",
    [
        lambda f: curation.add_assessment(f, perceiver="IND", threat="TTP", level="high", claims=[C7]),
        lambda f: curation.edit_relation(f, "usa-pak-ct", kind="conflict", add_claims=[C12]),
        lambda f: curation.add_event(f, title="t", event_type="visit", claims=[C7], actors=[("PAK", "subject")]),
        lambda f: curation.remove_event(f, "trump-address-2025-03"),
        lambda f: curation.merge_actors(f, "donald-trump", "jd-vance"),
        lambda f: curation.add_aliases(f, [("TTP", "Pakistani Taliban"), ("BLA", "Baloch Liberation Front")]),
    ],
)
def test_undo_restores_every_file_byte_for_byte(data_copy, change):
    tables = {p.name: p.read_bytes() for p in data_copy.glob("*.csv")}
    change(data_copy)
    undone = curation.undo(data_copy)
    assert {p.name: p.read_bytes() for p in data_copy.glob("*.csv")} == tables
    entries = curation.read_log(data_copy)
    assert [e["op"] for e in entries] == [entries[0]["op"], "undo"] and entries[1]["undoes"] == 1
    assert undone.id == 2
    load_dataset(data_copy)


def test_undo_steps_back_through_several_changes(data_copy):
    tables = {p.name: p.read_bytes() for p in data_copy.glob("*.csv")}
    curation.add_alias(data_copy, "TTP", "Pakistani Taliban")
    curation.edit_assessment(data_copy, "pak-isk", level="high")
    curation.undo(data_copy)
    assert load_dataset(data_copy).assessments.set_index("assessment_id").loc["pak-isk", "level"] == "recognised"
    curation.undo(data_copy)
    assert {p.name: p.read_bytes() for p in data_copy.glob("*.csv")} == tables
    with pytest.raises(CurationError, match="no change to undo"):
        curation.undo(data_copy)


def test_undo_refuses_when_a_file_changed_outside_the_log(data_copy):
    curation.add_alias(data_copy, "TTP", "Pakistani Taliban")
    actors = data_copy / "actors.csv"
    actors.write_bytes(actors.read_bytes() + b"x-hand,Hand Edit,other,,,\n")
    before = folder_checksum(data_copy)
    with pytest.raises(CurationError, match="actors.csv was changed since"):
        curation.undo(data_copy)
    assert folder_checksum(data_copy) == before


def test_malformed_log_is_named_by_line(data_copy):
    (data_copy / curation.LOG_FILE).write_text('{"id": 1}\n', encoding="utf-8")
    with pytest.raises(Exception, match=r"changes.jsonl, line 1: an entry needs"):
        curation.check_log(data_copy)


def test_a_stale_token_is_refused_and_a_fresh_one_lands(data_copy):
    token = curation.data_token(data_copy)
    curation.add_alias(data_copy, "TTP", "Pakistani Taliban")  # someone else writes first
    with pytest.raises(CurationError, match="changed since this was read"):
        curation.edit_assessment(data_copy, "pak-isk", level="high", expect=token)
    curation.edit_assessment(data_copy, "pak-isk", level="high", expect=curation.data_token(data_copy))
    assert [e["op"] for e in curation.read_log(data_copy)] == ["add alias", "edit assessment"]


def test_log_lines_are_json(data_copy):
    curation.add_alias(data_copy, "TTP", 'Quote " and ; semicolon-free')
    lines = (data_copy / curation.LOG_FILE).read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["summary"].startswith("add alias")


# --- suggestions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("Tehrik-i-Taliban", "TTP"),
        ("Govt of Pakistan", "PAK"),
        ("Islamic State", "IS-K"),
        ("IS", "IS-K"),
        ("Baloch Liberation Front", "BLA"),
    ],
)
def test_suggestions_put_the_right_actor_first(bundled_data, name, want):
    assert curation.suggest(name, load_dataset(bundled_data).actors)[0].actor_id == want


@pytest.mark.parametrize("name", ["Civilians", "Lashkar-e-Islam", ""])
def test_no_suggestion_for_unrelated_names(bundled_data, name):
    assert curation.suggest(name, load_dataset(bundled_data).actors) == []
