"""Import what the source publishes: inconsistent rows come in with a flag; only unrepresentable rows are rejected."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from dossier import load_dataset
from dossier.cli import main
from dossier.importers import ImportRefused, quality
from dossier.importers.licences import aggregated_note
from dossier.importers.run import commit_import, prepare_import
from dossier.importers.spec import Checks
from dossier.store import folder_checksum

FIXTURES = Path(__file__).parent / "fixtures"
REAL = FIXTURES / "ucdp_ged_pakistan_excerpt.csv"
CONVENTIONS = FIXTURES / "acled_pakistan_conventions.csv"


def standard_layout(path: Path) -> bytes:
    """The HDX excerpt as UCDP's own standard layout: no iso3 column, no hashtag row."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    drop = rows[0].index("iso3")
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([r[:drop] + r[drop + 1 :] for r in [rows[0], *rows[2:]]])
    return out.getvalue().encode("utf-8")


def expected_flags(path: Path) -> pd.Series:
    """The flags each row should carry, computed with pandas straight from the file: id -> 'a;b' or ''."""
    frame = pd.read_csv(path, skiprows=[1], dtype={"id": str})
    best, low, high = frame["best"], frame["low"], frame["high"]
    codes = {"best<low": best < low, "best>high": best > high, "low>high": low > high}
    joined = [";".join(c for c in sorted(codes) if codes[c].iloc[i]) for i in range(len(frame))]
    return pd.Series(joined, index="ucdp-" + frame["id"])


def stored_events(prep) -> pd.DataFrame:
    return pd.read_parquet(prep.parts[f"imports/{prep.import_id}.events.parquet"]).set_index("event_id")


@pytest.mark.parametrize("layout", ["hdx", "standard"])
def test_every_row_of_the_real_ucdp_excerpt_is_imported_and_flagged(data_copy, layout):
    source = REAL if layout == "hdx" else standard_layout(REAL)
    prep = prepare_import(source, data_copy, file_name="pakistan.csv")
    assert (prep.rows_read, prep.rows_good, prep.rows_rejected) == (200, 200, 0)
    expected = expected_flags(REAL)
    got = stored_events(prep)["quality"].astype("object").fillna("")
    assert got.sort_index().to_dict() == expected.sort_index().to_dict()
    assert (expected != "").sum() == prep.rows_flagged == 30
    assert prep.flags == {"low>high": 19, "best>high": 15, "best<low": 15}
    assert {c for v in expected for c in quality.flags_of(v)} == {"best>high", "low>high", "best<low"}


def test_the_real_excerpt_imports_by_default_and_loads_with_its_flags(data_copy, capsys):
    assert main(["import-events", str(REAL)]) == 0
    out = capsys.readouterr().out
    assert "200 rows pass the checks, 0 rejected" in out
    assert "30 of them imported as published with a data-quality flag:" in out
    assert "       19  low>high: low estimate of deaths above the high estimate" in out
    ds = load_dataset(data_copy)
    events = ds.events.set_index("event_id")
    assert events["quality"].notna().sum() == 30
    row = events.loc[expected_flags(REAL).loc[lambda s: s == "best<low;low>high"].index[0]]
    assert quality.fact(row["quality"]) == (
        "Data quality: best estimate of deaths below the low estimate; low estimate of deaths above the high "
        "estimate (as published)"
    )
    assert registry_counts(data_copy) == ["200", "200", "0", "30"]


def registry_counts(folder: Path) -> list[str]:
    registry = pd.read_csv(folder / "imports.csv", dtype=str, keep_default_na=False)
    return registry.loc[0, ["rows_read", "rows_imported", "rows_rejected", "rows_flagged"]].tolist()


@pytest.mark.parametrize(
    ("best", "low", "high", "codes"),
    [
        (5, 5, 7, ""),
        (9, 2, 7, "best>high"),
        (1, 2, 7, "best<low"),
        (3, 8, 7, "best<low;low>high"),
        (9, 8, 7, "best>high;low>high"),
        (3, np.nan, np.nan, ""),  # low and high are optional
        (np.nan, 8, 7, "low>high"),
    ],
)
def test_fatality_estimates_out_of_order(best, low, high, codes):
    checks = Checks(pa.table({"x": [1]}))
    quality.estimates(checks, np.array([best], float), np.array([low], float), np.array([high], float))
    assert (checks.quality()[0] or "") == codes


@pytest.mark.parametrize(
    ("country", "lat", "lon", "flagged"),
    [
        ("Pakistan", 34.0151, 71.5249, False),  # Peshawar
        ("Pakistan", 35.6892, 51.3890, True),  # Tehran
        ("Pakistan", 71.5249, 34.0151, True),  # latitude and longitude swapped
        ("Pakistan", 37.4, 75.0, False),  # within the margin at the border
        ("Afghanistan", 34.5553, 69.2075, False),  # Kabul
        ("Atlantis", 0.0, 0.0, False),  # no box: not checked
        ("Pakistan", np.nan, 71.5, False),  # nothing to compare
        (None, 35.6892, 51.3890, False),
    ],
)
def test_coordinates_outside_their_country(country, lat, lon, flagged):
    checks = Checks(pa.table({"x": [1]}))
    quality.coordinates(checks, pa.array([country], pa.string()), np.array([lat]), np.array([lon]))
    assert checks.quality()[0] == ("outside-country" if flagged else None)


@pytest.mark.parametrize(
    ("code", "meaning"),
    [
        ("end<start", "date_end before date_start"),
        ("side_b-missing", "side_b is empty"),
        ("latitude-invalid", "latitude is not usable (left empty)"),
        ("mystery", "mystery"),
    ],
)
def test_every_code_reads_as_a_sentence(code, meaning):
    assert quality.describe(code) == meaning


@pytest.mark.parametrize(
    ("value", "line"),
    [
        (None, ""),
        (float("nan"), ""),
        ("", ""),
        ("end<start", "Data quality: date_end before date_start (as published)"),
    ],
)
def test_the_drill_down_line(value, line):
    assert quality.fact(value) == line


def test_a_row_ending_before_it_starts_is_imported_and_flagged(data_copy):
    lines = (FIXTURES / "ucdp_hdx.csv").read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("2024-08-15,2024-08-15", "2024-08-15,2024-08-01")
    prep = prepare_import("\n".join(lines).encode(), data_copy, file_name="backwards.csv")
    assert (prep.rows_good, prep.rows_rejected, prep.flags) == (3, 0, {"end<start": 1})
    assert stored_events(prep).loc["ucdp-9101", "date_end"] == pd.Timestamp("2024-08-01")  # as published


def test_acled_conventions_fixture(data_copy):
    prep = prepare_import(CONVENTIONS, data_copy)
    assert (prep.rows_read, prep.rows_good, prep.rows_rejected) == (9, 8, 1)
    assert prep.rejected[["row", "event_id_cnty"]].values.tolist() == [[10, "PAK9008"]]
    assert prep.reasons == {"event_id_cnty repeats an earlier row's event_id_cnty": 1}
    assert prep.flagged[["event_id_cnty", "quality"]].values.tolist() == [["PAK9007", "outside-country"]]
    actors = prep.actors.set_index("name")
    assert actors.loc["Unidentified Armed Group (Pakistan)", ["mapped", "actor_id"]].tolist() == [
        False,
        "unidentified-armed-group-pakistan",
    ]
    assert actors.loc["Civilians (Pakistan)", ["mapped", "kind"]].tolist() == [False, "other"]
    assert actors.loc["Military Forces of Pakistan (2018-)", "actor_id"] == "PAK"
    assert actors.loc["Unidentified Armed Group (Pakistan)", "suggested"] == ""


def test_acled_exports_stay_aggregated(data_copy, tmp_path):
    commit_import(prepare_import(CONVENTIONS, data_copy), data_copy, good_rows=True)
    out = tmp_path / "timeline.csv"
    assert main(["export", "--chart", "timeline", "--country", "Pakistan", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert aggregated_note("acled") in text
    assert "PAK9001" not in text and "Fixture note" not in text and "Unidentified Armed Group" not in text


@pytest.mark.parametrize(
    ("mangle", "message"),
    [
        (lambda lines: lines[:2], "a header but no data rows"),
        (lambda lines: [*lines, lines[0]], "repeats the header or a hashtag row"),
        (lambda lines: [*lines, "770001,PAK-1,1990"], "does not fit the header"),
    ],
)
def test_bad_real_shaped_files_get_one_line_and_change_nothing(data_copy, mangle, message):
    lines = REAL.read_bytes().decode("utf-8").split("\r\n")[:-1]
    before = folder_checksum(data_copy)
    with pytest.raises(ImportRefused, match=message) as refused:
        prepare_import("\r\n".join(mangle(lines)).encode(), data_copy, file_name="bad.csv")
    assert "\n" not in str(refused.value) and str(refused.value).startswith("bad.csv: ")
    assert folder_checksum(data_copy) == before


def test_the_timeline_drill_down_names_the_flags(data_copy):
    from dossier.views import event_text

    commit_import(prepare_import(REAL, data_copy), data_copy)
    ds = load_dataset(data_copy)
    flagged = expected_flags(REAL).loc[lambda s: s == "best>high"].index[0]
    clean = expected_flags(REAL).loc[lambda s: s == ""].index[0]
    lines = {e: event_text.fact_line(row) for e, row in event_text.facts(ds, [flagged, clean]).iterrows()}
    assert lines[flagged][-1] == "Data quality: best estimate of deaths above the high estimate (as published)"
    assert not any(line.startswith("Data quality") for line in lines[clean])


QUALITY = pd.DataFrame(
    {"quality": pd.Series([None, "best>high", "best>high;low>high", "end<start", None], dtype="category")}
)


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        ([quality.ANY_FLAG], [False, True, True, True, False]),
        ([quality.NO_FLAG], [True, False, False, False, True]),
        (["low>high"], [False, False, True, False, False]),
        (["best>high"], [False, True, True, False, False]),
        (["end<start", quality.NO_FLAG], [True, False, False, True, True]),
        (["outside-country"], [False] * 5),
    ],
)
def test_the_data_quality_filter_mask(chosen, expected):
    assert quality.filter_mask(QUALITY, chosen).tolist() == expected


def test_the_data_quality_filter_choices_and_curated_events():
    declared = ["any flag", "no flag", "best>high", "best<low", "low>high", "end<start", "outside-country"]
    assert quality.filter_choices(QUALITY) == declared
    with_columns = pd.DataFrame({"quality": ["side_b-missing;best>high", None]})
    assert quality.filter_choices(with_columns) == [*declared, "side_b-missing"]
    curated = pd.DataFrame({"event_id": ["a", "b"]})
    assert quality.filter_choices(curated) == declared
    assert quality.filter_mask(curated, [quality.NO_FLAG]).tolist() == [True, True]
    assert quality.filter_mask(curated, [quality.ANY_FLAG]).tolist() == [False, False]
