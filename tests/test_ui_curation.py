"""The curation forms under AppTest: a change lands and shows, a refusal is one line and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dossier import curation, load_dataset
from dossier.store import folder_checksum

APP = Path(__file__).parent / "apps" / "curation_forms.py"
C7 = "src-a5dc40561693-07"


def forms(form: str = "claim", claim: str = C7) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["form"] = form
    at.query_params["claim"] = claim
    at.run()
    assert not at.exception
    return at


def submit(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click()
    at.run()
    assert not at.exception
    return at


def test_a_threat_perception_added_from_a_claim_lands_cited(data_copy):
    at = forms()
    at.selectbox(key="claim-assessment-perceiver").set_value("IND")
    at.selectbox(key="claim-assessment-threat").set_value("TTP")
    at.selectbox(key="claim-assessment-level").set_value("primary")
    submit(at, "Add threat perception")
    assert [s.value for s in at.success] == [r"change 1\: add assessment ind\-ttp\: IND sees TTP as primary"]
    row = load_dataset(data_copy).assessments.set_index("assessment_id").loc["ind-ttp"]
    assert (row["level"], row["claim_ids"]) == ("primary", [C7])
    assert at.dataframe[0].value.iloc[0]["What"].startswith("add assessment ind-ttp")


@pytest.mark.parametrize(
    ("perceiver", "threat", "note", "message"),
    [
        ("PAK", "PAK", "", "cannot be a threat to itself"),
        (None, "TTP", "", "perceiver is empty"),
        ("IND", "TTP", "<script>alert(1)</script>", "HTML or script"),
    ],
)
def test_a_refused_form_shows_one_line_and_writes_nothing(data_copy, perceiver, threat, note, message):
    at = forms()
    before = folder_checksum(data_copy)
    if perceiver:
        at.selectbox(key="claim-assessment-perceiver").set_value(perceiver)
    at.selectbox(key="claim-assessment-threat").set_value(threat)
    at.text_area(key="claim-assessment-note").set_value(note)
    submit(at, "Add threat perception")
    assert len(at.error) == 1 and message in at.error[0].value.replace("\\", "")
    assert folder_checksum(data_copy) == before


def test_a_form_drawn_before_another_writer_is_refused_then_succeeds(data_copy):
    at = forms()
    curation.add_alias(data_copy, "TTP", "Pakistani Taliban")  # another tab, or a command, writes meanwhile
    before = folder_checksum(data_copy)
    at.selectbox(key="claim-assessment-perceiver").set_value("IND")
    at.selectbox(key="claim-assessment-threat").set_value("TTP")
    submit(at, "Add threat perception")
    assert "changed since this was read" in at.error[0].value.replace("\\", "")
    assert folder_checksum(data_copy) == before
    submit(at, "Add threat perception")  # the page now shows the other change: the retry lands
    assert [e["op"] for e in curation.read_log(data_copy)] == ["add alias", "add assessment"]


def test_relation_and_event_from_a_claim(data_copy):
    at = forms()
    at.selectbox(key="claim-relation-a").set_value("IND")
    at.selectbox(key="claim-relation-b").set_value("LKA")
    at.selectbox(key="claim-relation-kind").set_value("economic")
    submit(at, "Add relation")
    at.text_input(key="claim-event-title").set_value("Talks in Colombo")
    at.text_input(key="claim-event-type").set_value("talks")
    at.text_input(key="claim-event-date").set_value("2025-04")
    at.multiselect(key="claim-event-subject").set_value(["IND"])
    at.selectbox(key="claim-event-country").set_value("Sri Lanka")
    submit(at, "Add event")
    ds = load_dataset(data_copy)
    assert "ind-lka-economic" in set(ds.relations["relation_id"])
    event = ds.events.set_index("event_id").loc["talks-in-colombo-2025"]
    assert (event["date_precision"], event["country"]) == ("month", "Sri Lanka")


def test_cite_a_claim_for_an_existing_event(data_copy):
    at = forms()
    at.selectbox(key="claim-evidence-event").set_value("us-support-reduction")
    submit(at, "Cite for this event")
    links = load_dataset(data_copy).event_claims
    assert C7 in set(links.loc[links["event_id"] == "us-support-reduction", "claim_id"])


def test_edit_then_undo_a_matrix_cell(data_copy):
    tables = {p.name: p.read_bytes() for p in data_copy.glob("*.csv")}
    at = forms("cell")
    at.selectbox(key="cell-edit-pak-isk-level").set_value("high")
    submit(at, "Save")
    assert load_dataset(data_copy).assessments.set_index("assessment_id").loc["pak-isk", "level"] == "high"
    undo = next(b for b in at.button if b.label.startswith("Undo change 1"))
    undo.click()
    at.run()
    assert {p.name: p.read_bytes() for p in data_copy.glob("*.csv")} == tables
    assert at.dataframe[0].value.iloc[1]["Undone"] == "undone"


def test_remove_needs_the_box_ticked(data_copy):
    at = forms("tie")
    before = folder_checksum(data_copy)
    submit(at, "Remove")
    assert "Tick the box" in at.error[0].value and folder_checksum(data_copy) == before
    at.checkbox(key="tie-remove-usa-pak-ct-sure").check()
    submit(at, "Remove")
    assert "usa-pak-ct" not in set(load_dataset(data_copy).relations["relation_id"])


def test_event_controls_cite_and_remove(data_copy):
    at = forms("event")
    at.multiselect(key="event-cite-us-support-reduction-claims").set_value([C7])
    submit(at, "Cite these claims too")
    at.checkbox(key="event-remove-us-support-reduction-sure").check()
    submit(at, "Remove")
    assert "us-support-reduction" not in set(load_dataset(data_copy).events["event_id"])
    assert [e["op"] for e in curation.read_log(data_copy)] == ["cite event", "remove event"]


def test_actor_panel_alias_and_merge(data_copy):
    at = forms("actors")
    at.selectbox(key="actors-alias-actor").set_value("TTP")
    at.text_input(key="actors-alias-name").set_value("Pakistani Taliban")
    submit(at, "Add alias")
    at.selectbox(key="actors-merge-keep").set_value("donald-trump")
    at.selectbox(key="actors-merge-drop").set_value("jd-vance")
    submit(at, "Merge")
    actors = load_dataset(data_copy).actors.set_index("actor_id")
    assert "Pakistani Taliban" in actors.loc["TTP", "aliases"] and "jd-vance" not in actors.index


def test_map_an_unmapped_import_name(data_copy):
    from dossier.importers.run import commit_import, prepare_import

    fixture = Path(__file__).parent / "fixtures" / "ucdp_standard.csv"
    commit_import(prepare_import(fixture, data_copy), data_copy, good_rows=True)
    at = forms("map")
    box = at.selectbox(key="map-is")
    assert box.options[0] == "Islamic State-Khorasan (IS-K)"  # the near match comes first
    box.set_value("IS-K")
    submit(at, "Map the chosen names")
    ds = load_dataset(data_copy)
    assert "is" not in set(ds.event_actors["actor_id"].astype(str))
    assert "IS" in ds.actors.set_index("actor_id").loc["IS-K", "aliases"]


@pytest.mark.parametrize("form", ["claim", "cell", "tie", "event", "actors"])
def test_read_only_draws_no_editing_control(data_copy, monkeypatch, form):
    curation.add_alias(data_copy, "TTP", "Pakistani Taliban")
    monkeypatch.setenv("DOSSIER_READ_ONLY", "1")
    at = forms(form)
    assert len(at.button) == 0 and len(at.selectbox) == 0 and len(at.text_input) == 0
    assert len(at.dataframe) == 1  # the change log is still shown
