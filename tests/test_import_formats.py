"""The importers on small hand-written files: detection, mapped rows checked by hand, rejected rows, bad files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from dossier.importers import ImportRefused, detect
from dossier.importers.acled import ACLED_COLUMNS
from dossier.importers.run import prepare_import
from dossier.importers.ucdp import UCDP_COLUMNS
from dossier.store import folder_checksum

FIXTURES = Path(__file__).parent / "fixtures"


def prepared(data_copy: Path, name: str, **options):
    return prepare_import(FIXTURES / name, data_copy, **options)


def events(prep) -> pd.DataFrame:
    frame = pd.read_parquet(prep.parts[f"imports/{prep.import_id}.events.parquet"])
    return frame.set_index("event_id")


def links(prep) -> set[tuple[str, str, str]]:
    frame = pd.read_parquet(prep.parts[f"imports/{prep.import_id}.event_actors.parquet"])
    return set(zip(frame["event_id"], frame["actor_name"].astype(str), frame["role"].astype(str)))


@pytest.mark.parametrize(
    ("name", "key", "layout", "read", "good"),
    [
        ("ucdp_standard.csv", "ucdp", "standard layout", 8, 7),
        ("ucdp_hdx.csv", "ucdp", "with iso3 and an HXL hashtag row", 3, 3),
        ("acled_text_dates.csv", "acled", "standard layout", 9, 7),
        ("acled_iso_dates.csv", "acled", "standard layout", 3, 3),
        ("acled_text_actor_types.csv", "acled", "standard layout", 3, 3),
    ],
)
def test_each_fixture_is_detected_and_counted(data_copy, name, key, layout, read, good):
    prep = prepared(data_copy, name)
    assert (prep.spec.key, prep.layout, prep.rows_read, prep.rows_good) == (key, layout, read, good)
    assert prep.rows_rejected == read - good


def test_ucdp_rows_map_as_checked_by_hand(data_copy):
    frame = events(prepared(data_copy, "ucdp_standard.csv"))
    row = frame.loc["ucdp-9001"]
    assert row["title"] == "Government of Pakistan - TTP"
    assert row["event_type"] == "state-based violence"
    assert (row["date_start"], row["date_end"]) == (pd.Timestamp("2023-01-30"), pd.Timestamp("2023-01-30"))
    assert (row["date_precision"], row["date_basis"], row["country"]) == ("day", "source", "Pakistan")
    assert (row["fatalities"], row["fatalities_low"], row["fatalities_high"]) == (5, 5, 7)
    assert (row["latitude"], row["longitude"], row["location"]) == (34.0151, 71.5249, "Peshawar town")
    assert row["admin1"] == "Khyber Pakhtunkhwa province" and row["location_precision"] == 1
    assert row["source_article"] == "Fixture article 9001 (test data, not a real report)"
    assert (row["source_office"], row["source_headline"], row["original_id"]) == (
        "Fixture Office", "Fixture headline 9001", "9001"
    )  # fmt: skip
    assert frame.loc["ucdp-9002", "date_precision"] == "month"
    assert frame.loc["ucdp-9005", "date_precision"] == "year"
    assert frame.loc["ucdp-9003", "event_type"] == "one-sided violence"
    assert frame.loc["ucdp-9004", "event_type"] == "non-state violence"
    assert sorted(frame.index) == [f"ucdp-{n}" for n in (9001, 9002, 9003, 9004, 9005, 9007, 9008)]
    assert frame["quality"].isna().sum() == 5
    assert pd.isna(frame.loc["ucdp-9007", "latitude"]) and frame.loc["ucdp-9007", "longitude"] == 71.5


def test_ucdp_rejections_give_their_reasons_and_row_numbers(data_copy):
    prep = prepared(data_copy, "ucdp_standard.csv")
    assert prep.rejected[["row", "id", "reason"]].values.tolist() == [
        [7, "9006", "date_start '2025-02-30' is not a real date"]
    ]
    assert prep.reasons == {"date_start is not a real date": 1}


def test_ucdp_values_the_source_gets_wrong_are_imported_and_flagged(data_copy):
    prep = prepared(data_copy, "ucdp_standard.csv")
    assert prep.flagged[["row", "id", "quality", "reason"]].values.tolist() == [
        [8, "9007", "latitude-invalid", "latitude '999' is outside -90 to 90"],
        [9, "9008", "side_b-missing", "side_b is empty"],
    ]
    assert prep.flags == {"latitude-invalid": 1, "side_b-missing": 1}
    assert events(prep).loc["ucdp-9008", "title"] == "Government of Pakistan"


def test_ucdp_sides_become_links(data_copy):
    got = links(prepared(data_copy, "ucdp_standard.csv"))
    assert ("ucdp-9001", "Government of Pakistan", "side_a") in got
    assert ("ucdp-9001", "TTP", "side_b") in got
    assert ("ucdp-9003", "Civilians", "side_b") in got
    assert not any(e == "ucdp-9006" for e, _, _ in got)  # rejected rows leave no links
    assert {r for e, _, r in got if e == "ucdp-9008"} == {"side_a"}  # a missing side is no link


def test_hdx_variant_skips_the_hashtag_row(data_copy):
    prep = prepared(data_copy, "ucdp_hdx.csv")
    frame = events(prep)
    assert list(frame.index) == ["ucdp-9101", "ucdp-9102", "ucdp-9103"]
    assert frame.loc["ucdp-9102", "date_end"] == pd.Timestamp("2025-03-12")


def test_acled_text_dates_and_actors_as_checked_by_hand(data_copy):
    prep = prepared(data_copy, "acled_text_dates.csv")
    row = events(prep).loc["acled-PAK1001"]
    assert row["date_start"] == pd.Timestamp("2023-01-30") and pd.isna(row["date_end"])
    assert (row["event_type"], row["sub_event_type"], row["fatalities"]) == ("Battles", "Armed clash", 4)
    assert row["title"] == "Armed clash: Military Forces of Pakistan (2018-) - TTP: Tehreek-i-Taliban Pakistan"
    assert (row["source"], row["source_scale"], row["admin2"]) == ("Dawn", "National", "Peshawar")
    assert row["notes"] == "Fixture note for PAK1001 (test data, not a real report)."
    assert events(prep).loc["acled-PAK1004", "date_precision"] == "month"
    got = links(prep)
    assert {("acled-PAK1003", "Labour Group (Pakistan)", "associated"),
            ("acled-PAK1003", "Students (Pakistan)", "associated")} <= got  # fmt: skip
    mapped = dict(zip(prep.actors["name"], prep.actors["actor_id"]))
    assert mapped["TTP: Tehreek-i-Taliban Pakistan"] == "TTP"
    assert mapped["Military Forces of Pakistan (2018-)"] == "PAK"
    assert mapped["BLA: Balochistan Liberation Army"] == "BLA"
    assert mapped["Civilians (Pakistan)"] == "civilians-pakistan"


def test_acled_rejections_and_flags_list_every_problem_of_a_row(data_copy):
    prep = prepared(data_copy, "acled_text_dates.csv")
    assert dict(prep.rejected[["event_id_cnty", "reason"]].values) == {
        "PAK1005": "event_date '31 April 2024' is not a real date",
        "PAK1009": "event_date '01 Smarch 2024' is not a date (expected 2024-11-01 or 01 November 2024)",
    }
    assert prep.flagged[["event_id_cnty", "quality", "reason"]].values.tolist() == [
        ["PAK1006", "longitude-invalid", "longitude '181.5' is outside -180 to 180"],
        ["PAK1007", "event_type-missing", "event_type is empty"],
        [
            "PAK1008",
            "fatalities-invalid;latitude-invalid",
            "latitude 'abc' is not a number; fatalities '-1' is below 0",
        ],
    ]
    frame = events(prep)
    assert frame.loc["acled-PAK1007", "event_type"] == "unknown"
    assert pd.isna(frame.loc["acled-PAK1008", "fatalities"]) and pd.isna(frame.loc["acled-PAK1008", "latitude"])


def test_acled_iso_dates_and_text_actor_types(data_copy):
    iso = events(prepared(data_copy, "acled_iso_dates.csv"))
    assert iso.loc["acled-PAK2002", "date_start"] == pd.Timestamp("2024-12-24")
    assert iso.loc["acled-PAK2003", "date_note"] == "ACLED time_precision 2: the source gives the week, not the day"
    text = prepared(data_copy, "acled_text_actor_types.csv")
    kinds = dict(zip(text.actors["name"], text.actors["kind"]))
    assert kinds["Rioters (Pakistan)"] == "other"
    assert dict(zip(text.actors["name"], text.actors["actor_id"]))["Police Forces of Pakistan (2018-)"] == "PAK"


def test_format_override_wins_and_checks_columns(data_copy):
    assert prepared(data_copy, "ucdp_standard.csv", fmt="ucdp").spec.key == "ucdp"
    with pytest.raises(ImportRefused, match="missing column\\(s\\) for ACLED: event_id_cnty"):
        prepared(data_copy, "ucdp_standard.csv", fmt="acled")


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (["a", "b"], "not a UCDP GED or ACLED export"),
        ([c for c in UCDP_COLUMNS if c != "best"], "missing column\\(s\\) for UCDP GED: best"),
        ([*UCDP_COLUMNS, "event_id_cnty", "event_date", "actor1", "actor2", "sub_event_type", "inter1"],
         "mixed layout"),
        ([*ACLED_COLUMNS, "side_a", "side_b", "type_of_violence", "relid"], "mixed layout: .* UCDP GED and ACLED"),
        ([*ACLED_COLUMNS, "notes"], "duplicate column\\(s\\) in the header: notes"),
    ],
)  # fmt: skip
def test_headers_that_cannot_be_imported(header, message):
    with pytest.raises(ImportRefused, match=message):
        detect(header, "f.csv")


def _acled_lines() -> list[str]:
    return (FIXTURES / "acled_iso_dates.csv").read_text().splitlines()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (b"PK\x03\x04rest-of-a-zip", "compressed archive"),
        (",".join(ACLED_COLUMNS).encode() + b"\n", "no data rows"),
        ("\n".join([*_acled_lines(), _acled_lines()[0], _acled_lines()[1]]).encode(), "repeats the header"),
        ("\n".join([*_acled_lines(), "PAK9,2024-01-01,2024"]).encode(), "does not fit the header"),
        (
            "\n".join(_acled_lines()).encode() + b"\n" + _acled_lines()[1].encode().replace(b"AFG2001,", b"\xff\xfe,"),
            "not UTF-8",
        ),
    ],
)
def test_bad_files_get_one_message_and_nothing_is_written(data_copy, content, message):
    before = folder_checksum(data_copy)
    with pytest.raises(ImportRefused, match=message):
        prepare_import(content, data_copy, file_name="bad.csv")
    assert folder_checksum(data_copy) == before


def test_a_row_already_imported_is_rejected(data_copy):
    from dossier.importers.run import commit_import

    commit_import(prepared(data_copy, "acled_iso_dates.csv"), data_copy)
    again = prepare_import(
        "\n".join(_acled_lines()[:2] + [_acled_lines()[1].replace("AFG2001", "AFG2999")]).encode(), data_copy,
        file_name="overlap.csv",
    )  # fmt: skip
    assert again.rejected["reason"].tolist() == ["event_id_cnty 'AFG2001' is already in the dataset (imported before)"]
    assert again.rows_good == 1


def test_future_dates_are_rejected(data_copy):
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    lines = _acled_lines()
    content = "\n".join([lines[0], lines[1].replace("2024-11-01", future)]).encode()
    prep = prepare_import(content, data_copy, file_name="future.csv")
    assert prep.rejected["reason"].str.contains("is outside 1900-01-01 to").all()


def test_a_trimmed_export_without_optional_columns_still_imports(data_copy):
    frame = pd.read_csv(FIXTURES / "acled_iso_dates.csv", dtype=str, keep_default_na=False)
    content = frame.drop(columns=["tags", "timestamp", "iso"]).to_csv(index=False).encode()
    prep = prepare_import(content, data_copy, file_name="trimmed.csv")
    assert (prep.rows_good, prep.layout) == (3, "without iso, tags, timestamp")


def test_repeated_ids_keep_the_first_row_and_reject_the_repeats(data_copy):
    lines = _acled_lines()
    prep = prepare_import("\n".join([*lines, lines[2], lines[2]]).encode(), data_copy, file_name="twice.csv")
    assert (prep.rows_read, prep.rows_good) == (5, 3)
    assert prep.rejected[["row", "reason"]].values.tolist() == [
        [5, "event_id_cnty 'PAK2002' repeats the event_id_cnty of row 3 (an export lists each event once)"],
        [6, "event_id_cnty 'PAK2002' repeats the event_id_cnty of row 3 (an export lists each event once)"],
    ]
    assert sorted(events(prep).index) == ["acled-AFG2001", "acled-PAK2002", "acled-PAK2003"]
