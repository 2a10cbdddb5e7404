"""Real-shaped event data at 1,000,000 rows: import time and peak memory, reload, filters, page reruns.

The exports come from ``realistic`` (every column, long quoted source texts with line breaks, one
dominant country and dyad), generated at bench time into bench/.cache (never committed). Import
time and peak RSS are measured in a fresh subprocess with resource.getrusage, beside a pyarrow
read of the same file measured the same way.
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
import realistic
from harness import apptest_rerun_seconds, hello_world_rerun_seconds, median_seconds

from dossier import load_dataset
from dossier.filters import isin

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

_REPORT = """
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                  **globals().get("extra", {})}))
"""


def in_subprocess(body: str, setup: str = "") -> dict:
    """Run ``body`` in a fresh interpreter after ``setup``; its wall time, peak RSS (bytes) and ``extra``."""
    code = (
        "import json, resource, time\n"
        + textwrap.dedent(setup)
        + "\nstart = time.perf_counter()\n"
        + textwrap.dedent(body)
        + _REPORT
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def synthetic_ucdp(n: int, seed: int = 11, hdx: bool = False) -> pa.Table:
    """A real-shaped UCDP GED export as one table (tests build small files with it)."""
    return pa.concat_tables(realistic.ucdp_chunks(n, seed, hdx))


def synthetic_acled(n: int, seed: int = 12, text_dates: bool = True, text_inter: bool = False) -> pa.Table:
    """A real-shaped ACLED export as one table (tests build small files with it)."""
    return pa.concat_tables(realistic.acled_chunks(n, seed, text_dates, text_inter))


def write_csv(table: pa.Table, path: Path, hxl_row: str | None = None) -> Path:
    return realistic.write_export(iter([table]), path, hxl_row)


def _import_in_subprocess(path: Path, data: Path) -> dict:
    return in_subprocess(
        f"""
        result = import_file({str(path)!r}, {str(data)!r}, good_rows=True)
        assert result.committed, result.summary()
        extra = {{"rows": result.rows_good, "rejected": result.rows_rejected}}
        """,
        setup="from dossier.importers.run import import_file",
    )


def _read_in_subprocess(path: Path) -> dict:
    """The baseline: pyarrow's multi-threaded CSV reader on the same file (quoted newlines allowed)."""
    return in_subprocess(
        f"""
        table = pacsv.read_csv({str(path)!r}, parse_options=pacsv.ParseOptions(newlines_in_values=True),
                               convert_options=pacsv.ConvertOptions(strings_can_be_null=True))
        """,
        setup="import pyarrow.csv as pacsv",
    )


def _import_figures(report, layout: str, work: Path) -> None:
    path = realistic.export_file(layout)
    data = work / "data"
    shutil.copytree(ROOT / "data", data)
    try:
        ours, base = _import_in_subprocess(path, data), _read_in_subprocess(path)
    finally:
        shutil.rmtree(data)
    size = path.stat().st_size / 1e6
    kept = f"{ours['rows']:,} imported, {ours['rejected']:,} rejected"
    report.add(
        f"import {realistic.rows():,} rows: {layout} ({size:,.0f} MB; {kept})",
        ours["seconds"],
        "s",
        base["seconds"],
        "pyarrow.csv.read_csv of the same file",
        "≤ 10 s and ≤ 2x",
    )
    report.add(
        f"peak RSS, import: {layout}",
        ours["peak_rss"],
        "B",
        base["peak_rss"],
        "pyarrow.csv.read_csv of the same file",
        "≤ 1.5 GB",
    )


def _reload(report, data: Path) -> None:
    """A cold ``load_dataset`` in a fresh interpreter (the server's first load, or after an import)."""
    parquet = sorted((data / "imports").glob("*.events.parquet"))
    ours = [in_subprocess(f"load_dataset({str(data)!r})", "from dossier import load_dataset") for _ in range(3)]
    base = [
        in_subprocess(f"[pd.read_parquet(p) for p in {[str(p) for p in parquet]!r}]", "import pandas as pd")
        for _ in range(3)
    ]
    report.add(
        f"reload dataset, {realistic.rows():,} imported UCDP events (cold load_dataset)",
        float(np.median([r["seconds"] for r in ours])),
        "s",
        float(np.median([r["seconds"] for r in base])),
        "pd.read_parquet of the events file",
        "≤ 1 s",
    )


def _raw_filter(events: pd.DataFrame, links: pd.DataFrame, actor_ids: list[str], countries: list[str]):
    """What a pandas user writes: events whose links name the actors, or in the countries (events only)."""
    involved = links.loc[isin(links["actor_id"].astype(str), actor_ids), "event_id"]
    return events[isin(events["event_id"], involved) | events["country"].isin(countries)]


def _filters(report, data: Path) -> None:
    big = load_dataset(data)
    repeat = 3 if realistic.quick() else 5
    minor = realistic.minor_group(data)
    cases = (
        ("country=Pakistan (dominant)", {"countries": ["Pakistan"]}, ["PAK"], ["Pakistan"]),
        ("country=Afghanistan", {"countries": ["Afghanistan"]}, ["AFG"], ["Afghanistan"]),
        ("group=TTP (the dominant dyad)", {"groups": ["TTP"]}, ["TTP"], []),
        (f"group={minor} (minor)", {"groups": [str(minor)]}, [str(minor)], []),
    )
    for label, kwargs, actor_ids, countries in cases:
        report.add(
            f"filter {len(big.events):,} real-shaped events: {label} (all tables)",
            median_seconds(lambda kw=kwargs: big.filter(**kw), repeat),
            "s",
            median_seconds(lambda a=actor_ids, c=countries: _raw_filter(big.events, big.event_actors, a, c), repeat),
            "raw pandas events-only filter, same frame",
            "-",
        )
    events = big.events
    raw_year = lambda: events[(events["date_start"] <= "2010-12-31") & (events["date_end"] >= "2010-01-01")]  # noqa: E731
    report.add(
        f"filter {len(big.events):,} real-shaped events: one year (2010)",
        median_seconds(lambda: big.filter(start="2010-01-01", end="2010-12-31"), repeat),
        "s",
        median_seconds(raw_year, repeat),
        "raw pandas date mask, same frame",
    )


def _page_rerun(data: Path, page: str, extra: dict | None = None) -> float:
    """A page of the app rerun (AppTest, server side only) after the country filter changes."""

    def change(at, i: int) -> None:
        for key, value in (extra or {}).items():
            at.session_state[key] = value
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


def run(report) -> None:
    logging.getLogger("streamlit").setLevel(logging.ERROR)  # AppTest outside a server warns on every call
    work = Path(tempfile.mkdtemp(prefix="dossier-bench-import-"))
    try:
        for layout in realistic.LAYOUTS:
            _import_figures(report, layout, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    data = realistic.imported_data()
    _reload(report, data)
    _filters(report, data)
    hello = hello_world_rerun_seconds()
    pages = (
        ("/overview", "", None),
        ("/timeline (actor lanes)", "pages/timeline.py", None),
        ("/matrix (event dyads)", "pages/matrix.py", {"view": "Event dyads"}),
    )
    for label, page, extra in pages:
        report.add(
            f"AppTest rerun {label} after a country change, {realistic.rows():,} real-shaped events",
            _page_rerun(data, page, extra),
            "s",
            hello,
            "hello-world AppTest rerun",
            "-",
        )


if __name__ == "__main__":
    from harness import Report

    run(Report())
