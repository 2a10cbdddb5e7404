"""A tiny benchmark harness: median of repeats, each figure beside its baseline as a ratio."""

from __future__ import annotations

import json
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path


def median_seconds(fn: Callable[[], object], repeat: int = 5, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@dataclass
class Row:
    name: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    target: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)

    def add(self, name, value, unit="s", baseline=None, baseline_name="", target="") -> Row:
        row = Row(name, value, unit, baseline, baseline_name, target)
        self.rows.append(row)
        print(format_row(row), flush=True)
        return row

    def save(self, path: Path) -> None:
        payload = {"machine": machine(), "rows": [asdict(r) | {"ratio": r.ratio} for r in self.rows]}
        path.write_text(json.dumps(payload, indent=2) + "\n")


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "B":
        return f"{value / 1e6:.2f} MB" if value >= 1e5 else f"{value / 1e3:.1f} kB"
    return f"{value:,.1f} {unit}"


def format_row(row: Row) -> str:
    ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
    base = f"{_fmt(row.baseline, row.unit)} ({row.baseline_name})" if row.baseline is not None else "-"
    return f"| {row.name} | {_fmt(row.value, row.unit)} | {base} | {ratio} | {row.target or '-'} |"


def machine() -> str:
    import os

    cpu = platform.processor() or platform.machine()
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
        model = next(line.split(":", 1)[1].strip() for line in lines if line.startswith("model name"))
    except (OSError, StopIteration):
        model = cpu
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{model}, {os.cpu_count()} cores, {memory:.0f} GiB, Python {platform.python_version()}, "
        f"{platform.system()}; load average {load} (1, 5, 15 min)"
    )


def load_average() -> str:
    """The 1-minute load average, printed beside timings: other work on the machine inflates them."""
    import os

    return f"{os.getloadavg()[0]:.2f}"


def apptest_rerun_seconds(
    script: Path, page: Path | None = None, change: Callable[[object, int], None] | None = None, repeat: int = 15
) -> float:
    """Median server-side time of an AppTest rerun of ``script`` (on ``page``) after ``change(at, i)``."""
    from streamlit.testing.v1 import AppTest

    from dossier.ui.legacy_pages import apptest_navigation_mode

    apptest_navigation_mode()  # as in tests/conftest.py: else every run starts in legacy mode and is rerun
    at = AppTest.from_file(str(script), default_timeout=120)
    at.run()
    if page is not None:
        at.switch_page(str(page))
        at.run()
    state = {"i": 0}

    def rerun() -> None:
        state["i"] += 1
        if change:
            change(at, state["i"])
        at.run()

    seconds = median_seconds(rerun, repeat, warmup=2)
    assert not at.exception, at.exception
    return seconds


def hello_world_rerun_seconds(repeat: int = 15) -> float:
    """The baseline for page reruns: AppTest rerunning a one-line Streamlit script."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "hello.py"
        script.write_text("import streamlit as st\n\nst.write('hello')\n")
        return apptest_rerun_seconds(script, repeat=repeat)
