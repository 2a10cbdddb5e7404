"""Imports in the dataset: the round trip, good rows or nothing, atomic commits, lazy details, licences."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pandas as pd
import pytest

from dossier import load_dataset
from dossier.importers import ImportRefused
from dossier.importers import run as import_run
from dossier.importers.licences import raw_export_allowed, source_names
from dossier.importers.load import event_details
from dossier.importers.run import commit_import, import_file, prepare_import
from dossier.store import DatasetError, folder_checksum

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]


def imported(data_copy: Path, *names: str):
    for name in names:
        commit_import(prepare_import(FIXTURES / name, data_copy), data_copy, good_rows=True)
    return load_dataset(data_copy)


def _good_rows(path: Path, id_column: str, rejected: pd.Series) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame = frame[~frame[id_column].str.startswith("#")]  # the HDX hashtag row
    return frame[~frame[id_column].isin(set(rejected))]


@pytest.mark.parametrize(
    ("name", "group", "sides", "matches"),
    [
        ("ucdp_standard.csv", "TTP", ("side_a", "side_b"), lambda v: v == "TTP"),
        ("ucdp_hdx.csv", "BLA", ("side_a", "side_b"), lambda v: v == "BLA"),
        ("acled_text_dates.csv", "TTP", ("actor1", "actor2"), lambda v: v.str.startswith("TTP:")),
        ("acled_text_actor_types.csv", "BLA", ("actor1", "actor2"), lambda v: v.str.startswith("BLA:")),
    ],
)
def test_round_trip_group_counts_match_pandas_on_the_file(data_copy, name, group, sides, matches):
    prep = prepare_import(FIXTURES / name, data_copy)
    commit_import(prep, data_copy, good_rows=True)
    view = load_dataset(data_copy).filter(groups=[group])
    got = int((view.events["origin"] == prep.spec.key).sum())
    rows = _good_rows(FIXTURES / name, prep.spec.id_column, prep.rejected[prep.spec.id_column])
    expected = int((matches(rows[sides[0]]) | matches(rows[sides[1]])).sum())
    assert got == expected > 0


def test_round_trip_at_a_few_thousand_rows(data_copy, tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_import import synthetic_acled, write_csv

    path = write_csv(synthetic_acled(3_000, seed=11), tmp_path / "acled.csv")
    prep = import_file(path, data_copy)
    assert prep.committed and prep.rows_good == 3_000
    ds = load_dataset(data_copy)
    rows = pd.read_csv(path, dtype=str, keep_default_na=False)
    for group, prefix in (("TTP", "TTP:"), ("BLA", "BLA:")):
        expected = (rows["actor1"].str.startswith(prefix) | rows["actor2"].str.startswith(prefix)).sum()
        assert (ds.filter(groups=[group]).events["origin"] == "acled").sum() == expected
    state = {"Military Forces of Pakistan (2018-)", "Police Forces of Pakistan (2018-)"}  # both map to PAK
    expected = ((rows["country"] == "Pakistan") | rows["actor1"].isin(state) | rows["actor2"].isin(state)).sum()
    assert (ds.filter(countries=["Pakistan"]).events["origin"] == "acled").sum() == expected


def test_imported_events_join_the_curated_ones(data_copy):
    before = load_dataset(data_copy)
    ds = imported(data_copy, "ucdp_standard.csv", "acled_iso_dates.csv")
    assert len(ds.events) == len(before.events) + 7 + 3
    assert set(before.events["event_id"]) <= set(ds.events["event_id"])
    assert ds.events["event_id"].is_unique
    assert isinstance(ds.events["country"].dtype, pd.CategoricalDtype)
    assert (ds.events["date_basis"] == "source").sum() >= 8
    row = ds.events.set_index("event_id").loc["acled-AFG2001"]
    assert (row["country"], row["origin"], row["import_id"]) == ("Afghanistan", "acled", ds.imports["import_id"][1])
    since_2024 = ds.filter(countries=["Afghanistan"], start="2024-01-01").events["event_id"].tolist()
    assert since_2024 == ["acled-AFG2001", "acled-PAK2002"]  # ucdp-9005 (2019) is before the range
    assert "notes" not in ds.events  # long text stays on disk until asked for


def test_unmapped_names_become_actors_and_map_after_an_alias_is_added(data_copy):
    ds = imported(data_copy, "ucdp_standard.csv")
    actors = ds.actors.set_index("actor_id")
    assert actors.loc["lashkar-e-islam", "kind"] == "armed_group"
    assert actors.loc["civilians", "kind"] == "other"
    assert "government-of-pakistan" not in actors.index  # mapped to PAK through the alias
    with open(data_copy / "actors.csv", "a") as handle:
        handle.write("LeI,Lashkar-e-Islam,armed_group,Pakistan,PAK,Lashkar-e-Islam\n")
    again = load_dataset(data_copy)
    assert "lashkar-e-islam" not in set(again.actors["actor_id"])
    assert again.filter(groups=["LeI"]).events["event_id"].tolist() == ["ucdp-9004"]


def test_all_or_nothing_writes_nothing_and_good_rows_writes_them(data_copy):
    prep = prepare_import(FIXTURES / "ucdp_standard.csv", data_copy)
    before = folder_checksum(data_copy)
    with pytest.raises(ImportRefused, match="1 of 8 rows were rejected, so nothing was imported"):
        commit_import(prep, data_copy)
    assert folder_checksum(data_copy) == before
    commit_import(prep, data_copy, good_rows=True)
    registry = pd.read_csv(data_copy / "imports.csv", dtype=str)
    counted = ["file_name", "format", "rows_read", "rows_imported", "rows_rejected", "rows_flagged"]
    assert registry.loc[0, counted].tolist() == ["ucdp_standard.csv", "ucdp", "8", "7", "1", "2"]
    assert registry.loc[0, "sha256"] == hashlib.sha256((FIXTURES / "ucdp_standard.csv").read_bytes()).hexdigest()
    assert registry.loc[0, "licence"] == "CC BY 4.0"
    assert "Sundberg" in registry.loc[0, "attribution"]
    assert sorted(p.name for p in (data_copy / "imports").iterdir()) == [
        f"{registry.loc[0, 'import_id']}.{part}.parquet" for part in ("actors", "event_actors", "events")
    ]


def test_the_same_file_twice_is_refused(data_copy):
    imported(data_copy, "acled_iso_dates.csv")
    with pytest.raises(ImportRefused, match="already imported as acled-"):
        prepare_import(FIXTURES / "acled_iso_dates.csv", data_copy)


def test_an_interrupted_commit_leaves_the_dataset_as_it_was(data_copy, monkeypatch):
    prep = prepare_import(FIXTURES / "ucdp_hdx.csv", data_copy)
    before = folder_checksum(data_copy)

    def crash(*args, **kwargs):
        raise KeyboardInterrupt  # the process dies while the files are being staged

    monkeypatch.setattr("dossier.store.write_bytes_atomic", crash)
    with pytest.raises(KeyboardInterrupt):
        commit_import(prep, data_copy)
    monkeypatch.undo()
    assert folder_checksum(data_copy) == before
    assert load_dataset(data_copy).imports.empty


def test_read_only_refuses_to_commit(data_copy, monkeypatch):
    prep = prepare_import(FIXTURES / "ucdp_hdx.csv", data_copy)
    monkeypatch.setenv("DOSSIER_READ_ONLY", "1")
    with pytest.raises(PermissionError, match="read-only"):
        commit_import(prep, data_copy)
    assert not (data_copy / "imports.csv").exists()


def test_event_details_reads_the_long_text_on_demand(data_copy):
    ds = imported(data_copy, "acled_text_dates.csv", "ucdp_hdx.csv")
    wanted = ds.events[ds.events["event_id"].isin(["acled-PAK1002", "ucdp-9103", "bla-attacks"])]
    details = event_details(data_copy, ds.events, list(wanted["event_id"])).set_index("event_id")
    assert sorted(details.index) == ["acled-PAK1002", "ucdp-9103"]
    assert details.loc["acled-PAK1002", "notes"] == "Fixture note for PAK1002 (test data, not a real report)."
    assert details.loc["ucdp-9103", "source_article"] == "Fixture article 9103 (test data, not a real report)"
    assert details.loc["ucdp-9103", "original_id"] == "9103"


def test_source_lines_and_export_rights_per_origin(data_copy):
    prep = prepare_import(
        FIXTURES / "acled_iso_dates.csv", data_copy, accessed="2025-01-10", filters="country=Pakistan"
    )
    commit_import(prep, data_copy)
    ds = imported(data_copy, "ucdp_hdx.csv")
    assert source_names(ds.events, ds.imports) == [
        "ACLED (accessed 2025-01-10; filters: country=Pakistan)", "UCDP GED (CC BY 4.0)"
    ]  # fmt: skip
    ucdp_only = ds.events[ds.events["origin"] == "ucdp"]
    assert source_names(ucdp_only, ds.imports) == ["UCDP GED (CC BY 4.0)"]
    assert source_names(load_dataset(FIXTURES.parent.parent / "data").events, ds.imports) == []
    assert [raw_export_allowed(o) for o in ("curated", "ucdp", "acled", "unknown")] == [True, True, False, False]


def test_prepare_reports_progress_to_the_end(data_copy):
    seen = []
    prepare_import(FIXTURES / "acled_text_dates.csv", data_copy, progress=lambda done, text: seen.append((done, text)))
    assert seen[-1] == (1.0, "9 rows read and checked")
    assert all(0 <= done <= 1 for done, _ in seen)


def test_many_blocks_give_the_same_result_as_one(data_copy, monkeypatch, tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_import import synthetic_ucdp, write_csv

    path = write_csv(synthetic_ucdp(2_000, seed=5), tmp_path / "ged.csv")
    whole = prepare_import(path, data_copy)
    monkeypatch.setattr(import_run, "BLOCK", 16 << 10)
    pieces = prepare_import(path, data_copy)
    assert pieces.event_ids.equals(whole.event_ids)
    assert pieces.actors.equals(whole.actors)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: next((d / "imports").glob("*.events.parquet")).write_bytes(b"not parquet"), "cannot be read"),
        (lambda d: next((d / "imports").glob("*.event_actors.parquet")).unlink(), "event_actors.parquet is missing"),
        (lambda d: (d / "imports.csv").write_text('import_id,file_name\n"unclosed,x\n'), "imports.csv"),
    ],
)
def test_damaged_imports_fail_the_load_with_one_message(data_copy, damage, message):
    imported(data_copy, "ucdp_hdx.csv")
    damage(data_copy)
    with pytest.raises(DatasetError, match=message):
        load_dataset(data_copy)


def test_writers_can_load_the_curated_tables_alone(data_copy):
    curated = load_dataset(data_copy)
    imported(data_copy, "ucdp_hdx.csv")
    alone = load_dataset(data_copy, imports=False)
    assert alone.events.equals(curated.events) and alone.actors.equals(curated.actors)
    assert alone.imports.empty


def test_imported_rows_saved_into_the_csv_files_fail_loudly(data_copy):
    imported(data_copy, "ucdp_hdx.csv")
    with open(data_copy / "events.csv", "a") as handle:  # what saving a loaded dataset without imports=False does
        handle.write("ucdp-9101,Government of Pakistan - TTP,state-based violence,2024-08-15,,day,source,,,,ucdp\n")
    with pytest.raises(DatasetError, match="events.csv: holds imported events \\(e.g. 'ucdp-9101'\\)"):
        load_dataset(data_copy)


def test_titles_stay_plain_text_so_labels_can_be_built_from_them(data_copy):
    ds = imported(data_copy, "ucdp_hdx.csv")
    assert ds.events["title"].dtype == "str"
    assert ("Event: " + ds.events["title"]).str.startswith("Event: ").all()


def test_an_import_written_before_the_quality_column_still_loads(data_copy):
    import io

    import pyarrow.parquet as pq

    prep = prepare_import(FIXTURES / "acled_iso_dates.csv", data_copy)
    path = f"imports/{prep.import_id}.events.parquet"
    table = pq.read_table(prep.parts[path]).drop_columns(["quality"])
    sink = io.BytesIO()
    pq.write_table(table, sink)
    prep.parts[path] = sink.getvalue()
    commit_import(prep, data_copy)
    events = load_dataset(data_copy).events
    assert (events["origin"] == "acled").sum() == 3 and events["quality"].isna().all()


def _id_join(ds) -> list[int]:
    position = {e: i for i, e in enumerate(ds.events["event_id"].astype(str))}
    return [position.get(e, -1) for e in ds.event_actors["event_id"].astype(str)]


@pytest.mark.parametrize(
    "names",
    [("ucdp_standard.csv",), ("ucdp_standard.csv", "acled_text_dates.csv"), ("acled_text_dates.csv", "ucdp_hdx.csv")],
)
def test_imports_store_each_links_event_position_and_loading_uses_it(data_copy, names):
    import pyarrow.parquet as pq

    from dossier.filters import EVENT_ROW

    ds = imported(data_copy, *names)
    assert ds.event_actors[EVENT_ROW].tolist() == _id_join(ds)
    parts = sorted((data_copy / "imports").glob("*.event_actors.parquet"))
    assert len(parts) == len(names) and all("event_row" in pq.read_schema(p).names for p in parts)
    # An import written before positions were stored has no event_row: its links are joined by id.
    table = pq.read_table(parts[0])
    pq.write_table(table.drop_columns(["event_row"]), parts[0])
    older = load_dataset(data_copy)
    assert older.event_actors[EVENT_ROW].tolist() == _id_join(older) == ds.event_actors[EVENT_ROW].tolist()


def test_event_details_finds_rows_by_id_when_positions_do_not_hold(data_copy):
    ds = imported(data_copy, "acled_text_dates.csv", "ucdp_hdx.csv")
    first_ucdp = ds.events.index[ds.events["event_id"].str.startswith("ucdp-")][0]
    shifted = ds.events.drop(index=first_ucdp).reset_index(drop=True)  # every later UCDP row one place off
    wanted = ["ucdp-9103", "acled-PAK1002"]
    details = event_details(data_copy, shifted, wanted).set_index("event_id")
    assert sorted(details.index) == sorted(wanted)
    assert details.loc["ucdp-9103", "source_article"] == "Fixture article 9103 (test data, not a real report)"
    assert event_details(data_copy, ds.events, []).empty
    assert event_details(data_copy, ds.events, ["bla-attacks", "no-such-id"]).empty
