"""Import figures at 1,000,000 rows: import time and peak memory, reload, page rerun.

Synthetic files in each layout are generated at bench time into a temporary folder
(never committed). Peak RSS is measured in a fresh subprocess with resource.getrusage.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from harness import apptest_rerun_seconds, hello_world_rerun_seconds, median_seconds

from dossier import load_dataset
from dossier.importers.acled import ACLED_COLUMNS
from dossier.importers.ucdp import UCDP_COLUMNS

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
N = int(os.environ.get("DOSSIER_BENCH_ROWS", "1000000"))  # smaller for a quick smoke run

_SIDES = ("Government of Pakistan", "Government of India", "Government of Afghanistan")
_GROUPS = ("TTP", "BLA", "IS", "Lashkar-e-Jhangvi", "Jamaat-ul-Ahrar") + tuple(f"Group {i}" for i in range(150))
_ACLED_ACTORS = (
    "Military Forces of Pakistan (2018-)", "Police Forces of Pakistan (2018-)", "TTP: Tehreek-i-Taliban Pakistan",
    "BLA: Balochistan Liberation Army", "Unidentified Armed Group (Pakistan)", "Civilians (Pakistan)",
    "Protesters (Pakistan)", "Rioters (Pakistan)",
) + tuple(f"Militia {i} (Pakistan)" for i in range(150))  # fmt: skip
_COUNTRIES = ("Pakistan", "Afghanistan", "India")
_ADM1 = ("Khyber Pakhtunkhwa province", "Balochistan province", "Punjab province", "Sindh province")
_WORDS = np.array("attack security forces militants district police checkpoint killed injured convoy".split())


def _text(rng: np.random.Generator, n: int, words: int) -> pa.Array:
    """Random sentences of ``words`` words, built column-wise so 1,000,000 rows take a second."""
    parts = [pa.array(_WORDS[rng.integers(0, len(_WORDS), n)]) for _ in range(words)]
    return pc.binary_join_element_wise(*parts, " ")


def _pick(rng: np.random.Generator, values: tuple, n: int) -> pa.Array:
    return pa.array(np.asarray(values, dtype=object)[rng.integers(0, len(values), n)], type=pa.string())


def _dates(rng: np.random.Generator, n: int) -> np.ndarray:
    return np.datetime64("1989-01-01") + rng.integers(0, 13_000, n).astype("timedelta64[D]")


def synthetic_ucdp(n: int, seed: int = 1, hdx: bool = False) -> pa.Table:
    rng = np.random.default_rng(seed)
    start = _dates(rng, n)
    side_a, side_b = _pick(rng, _SIDES, n), _pick(rng, _GROUPS, n)
    best = rng.poisson(3, n)
    columns = {
        "id": pa.array(np.arange(1, n + 1).astype(str)),
        "relid": pa.array(np.char.add("PAK-", np.arange(n).astype(str))),
        "year": pa.array(start.astype("datetime64[Y]").astype(int) + 1970).cast(pa.string()),
        "active_year": pa.array(["1"] * n),
        "code_status": pa.array(["Clear"] * n),
        "type_of_violence": pa.array(rng.integers(1, 4, n).astype(str)),
        "dyad_name": pc.binary_join_element_wise(side_a, side_b, " - "),
        "side_a": side_a,
        "side_b": side_b,
        "number_of_sources": pa.array(rng.integers(1, 4, n).astype(str)),
        "source_article": _text(rng, n, 14),
        "source_office": _pick(rng, ("Dawn", "AFP", "Reuters", "The News", "BBC"), n),
        "source_date": pa.array(start.astype(str)),
        "source_headline": _text(rng, n, 8),
        "where_prec": pa.array(rng.integers(1, 7, n).astype(str)),
        "where_coordinates": _pick(rng, ("Peshawar town", "Quetta town", "Miram Shah town", "Kabul city"), n),
        "where_description": _text(rng, n, 6),
        "adm_1": _pick(rng, _ADM1, n),
        "latitude": pa.array(np.round(rng.uniform(24, 37, n), 5).astype(str)),
        "longitude": pa.array(np.round(rng.uniform(61, 77, n), 5).astype(str)),
        "country": _pick(rng, _COUNTRIES, n),
        "date_prec": pa.array(rng.integers(1, 6, n).astype(str)),
        "date_start": pa.array(start.astype(str)),
        "date_end": pa.array((start + rng.integers(0, 3, n).astype("timedelta64[D]")).astype(str)),
        "best": pa.array(best.astype(str)),
        "low": pa.array(best.astype(str)),
        "high": pa.array((best + rng.integers(0, 3, n)).astype(str)),
    }
    names = [c for c in UCDP_COLUMNS]
    if hdx:
        names.insert(names.index("country") + 1, "iso3")
        columns["iso3"] = _pick(rng, ("PAK", "AFG", "IND"), n)
    empty = pa.array([""] * n)
    return pa.table({c: columns.get(c, empty) for c in names})


def synthetic_acled(n: int, seed: int = 2, text_dates: bool = True, text_inter: bool = False) -> pa.Table:
    rng = np.random.default_rng(seed)
    day = _dates(rng, n)
    if text_dates:
        # "01 November 2024": build from the unique days, then take.
        unique, inverse = np.unique(day, return_inverse=True)
        labels = [d.astype(object).strftime("%d %B %Y") for d in unique]
        event_date = pa.array(labels).take(pa.array(inverse))
    else:
        event_date = pa.array(day.astype(str))
    inter = rng.integers(1, 9, (2, n))
    labels = np.array(["", "State forces", "Rebel group", "Political militia", "Identity militia", "Rioters",
                       "Protesters", "Civilians", "External/Other forces"], dtype=object)  # fmt: skip
    inter_cols = [pa.array(labels[i]) if text_inter else pa.array(i.astype(str)) for i in inter]
    columns = {
        "event_id_cnty": pa.array(np.char.add("PAK", np.arange(1, n + 1).astype(str))),
        "event_date": event_date,
        "year": pa.array(day.astype("datetime64[Y]").astype(int) + 1970).cast(pa.string()),
        "time_precision": pa.array(rng.integers(1, 4, n).astype(str)),
        "disorder_type": _pick(rng, ("Political violence", "Demonstrations", "Strategic developments"), n),
        "event_type": _pick(rng, ("Battles", "Explosions/Remote violence", "Protests", "Riots"), n),
        "sub_event_type": _pick(rng, ("Armed clash", "Remote explosive/landmine/IED", "Peaceful protest"), n),
        "actor1": _pick(rng, _ACLED_ACTORS, n),
        "assoc_actor_1": _pick(rng, ("", "", "", "Labour Group (Pakistan); Students (Pakistan)"), n),
        "inter1": inter_cols[0],
        "actor2": _pick(rng, _ACLED_ACTORS + ("",), n),
        "inter2": inter_cols[1],
        "interaction": pa.array((inter[0] * 10 + inter[1]).astype(str)),
        "iso": pa.array(["586"] * n),
        "region": pa.array(["Southern Asia"] * n),
        "country": _pick(rng, _COUNTRIES, n),
        "admin1": _pick(rng, ("Khyber Pakhtunkhwa", "Balochistan", "Punjab", "Sindh"), n),
        "admin2": _pick(rng, ("Peshawar", "Quetta", "Lahore", "Karachi", "North Waziristan"), n),
        "location": _pick(rng, ("Peshawar", "Quetta", "Lahore", "Karachi", "Miran Shah"), n),
        "latitude": pa.array(np.round(rng.uniform(24, 37, n), 4).astype(str)),
        "longitude": pa.array(np.round(rng.uniform(61, 77, n), 4).astype(str)),
        "geo_precision": pa.array(rng.integers(1, 4, n).astype(str)),
        "source": _pick(rng, ("Dawn", "The News (Pakistan)", "Express Tribune", "Dawn; Pakistan Observer"), n),
        "source_scale": _pick(rng, ("National", "Subnational", "Other", "New media"), n),
        "notes": _text(rng, n, 22),
        "fatalities": pa.array(rng.poisson(1, n).astype(str)),
        "timestamp": pa.array(["1731024000"] * n),
    }
    empty = pa.array([""] * n)
    return pa.table({c: columns.get(c, empty) for c in ACLED_COLUMNS})


def write_csv(table: pa.Table, path: Path, hxl_row: str | None = None) -> Path:
    options = pacsv.WriteOptions(quoting_style="needed")
    if hxl_row is None:
        pacsv.write_csv(table, path, options)
        return path
    with open(path, "wb") as out:
        out.write((",".join(table.column_names) + "\n" + hxl_row + "\n").encode())
        pacsv.write_csv(table, out, pacsv.WriteOptions(quoting_style="needed", include_header=False))
    return path


_REPORT = """
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""


def in_subprocess(body: str) -> dict:
    """Run ``body`` in a fresh interpreter; return its wall time and peak RSS (bytes, from getrusage)."""
    code = "import json, resource, time\nstart = time.perf_counter()\n" + textwrap.dedent(body) + _REPORT
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _import_in_subprocess(path: Path, data: Path) -> dict:
    return in_subprocess(
        f"""
        from dossier.importers.run import import_file
        result = import_file({str(path)!r}, {str(data)!r}, good_rows=True)
        assert result.committed and result.rows_good == {N}, result.summary()
        """
    )


def _baseline_in_subprocess(path: Path) -> dict:
    return in_subprocess(
        f"""
        import pyarrow.csv as pacsv
        table = pacsv.read_csv({str(path)!r}, convert_options=pacsv.ConvertOptions(strings_can_be_null=True))
        """
    )


def _page_rerun(data: Path, page: str) -> float:
    """A page of the app rerun after the country filter changes."""

    def change(at, i: int) -> None:
        at.session_state["country"] = ["Pakistan"] if i % 2 else ["Afghanistan"]

    previous = os.environ.get("DOSSIER_DATA")
    os.environ["DOSSIER_DATA"] = str(data)
    try:
        return apptest_rerun_seconds(ROOT / "app.py", ROOT / page if page else None, change, repeat=5)
    finally:  # later benchmarks load the bundled data
        if previous is None:
            os.environ.pop("DOSSIER_DATA", None)
        else:
            os.environ["DOSSIER_DATA"] = previous


def _import_figures(report, label: str, path: Path, data: Path) -> None:
    size = path.stat().st_size / 1e6
    ours, base = _import_in_subprocess(path, data), _baseline_in_subprocess(path)
    report.add(f"import {N:,} rows: {label} ({size:.0f} MB)", ours["seconds"], "s",
               base["seconds"], "pyarrow.csv.read_csv of the same file", "≤ 10 s")  # fmt: skip
    report.add(f"peak RSS, import: {label}", ours["peak_rss"], "B",
               base["peak_rss"], "pyarrow.csv.read_csv of the same file", "≤ 1.5 GB")  # fmt: skip


def run(report) -> None:
    logging.getLogger("streamlit").setLevel(logging.ERROR)  # AppTest outside a server warns on every call
    work = Path(tempfile.mkdtemp(prefix="dossier-bench-import-"))
    try:
        files = {
            "UCDP GED standard": write_csv(synthetic_ucdp(N), work / "ged.csv"),
            "UCDP GED HDX (iso3 + HXL row)": write_csv(
                synthetic_ucdp(N, seed=3, hdx=True), work / "ged_hdx.csv", hxl_row=_hxl_row()
            ),
            "ACLED, text dates": write_csv(synthetic_acled(N), work / "acled.csv"),
            "ACLED, ISO dates, text actor types": write_csv(
                synthetic_acled(N, seed=4, text_dates=False, text_inter=True), work / "acled_iso.csv"
            ),
        }
        for label, path in files.items():
            data = work / f"data-{path.stem}"
            shutil.copytree(ROOT / "data", data)
            _import_figures(report, label, path, data)
            path.unlink()  # keep the disk footprint to one file at a time
        data = work / "data-acled"
        parquet = next((data / "imports").glob("*.events.parquet"))
        report.add(f"reload dataset with {N:,} imported ACLED events", median_seconds(lambda: load_dataset(data), 3),
                   "s", median_seconds(lambda: pd.read_parquet(parquet), 3), "pd.read_parquet of the events file",
                   "≤ 1 s")  # fmt: skip
        big = load_dataset(data)
        report.add(f"filter {N:,} imported events: group=TTP (all tables)",
                   median_seconds(lambda: big.filter(groups=["TTP"]), 3), "s",
                   median_seconds(lambda: big.event_actors[big.event_actors["actor_id"] == "TTP"], 3),
                   "raw pandas link mask, same frame")  # fmt: skip
        hello = hello_world_rerun_seconds()
        for label, page in (("/import", "pages/import.py"), ("/overview", "")):
            report.add(f"rerun {label} after a filter change, {N:,} imported events", _page_rerun(data, page),
                       "s", hello, "hello-world AppTest rerun", "≤ 300 ms")  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _hxl_row() -> str:
    """A hashtag row like the HDX files' line 2 (tags on a few columns, the rest empty)."""
    tags = {
        "id": "#id", "year": "#date+year", "side_a": "#group+name+first", "side_b": "#group+name+second",
        "latitude": "#geo+lat", "longitude": "#geo+lon", "country": "#country+name", "iso3": "#country+code",
    }  # fmt: skip
    columns = list(UCDP_COLUMNS)
    columns.insert(columns.index("country") + 1, "iso3")
    return ",".join(tags.get(c, "") for c in columns)


if __name__ == "__main__":
    from harness import Report

    run(Report())
