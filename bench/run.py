"""`make bench`: run every bench/bench_*.py and print one table of figures with baselines.

Each module exposes ``run(report: Report) -> None``. Results also go to bench/results.json.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import Report, machine  # noqa: E402


def main(selected: list[str]) -> int:
    import logging

    logging.getLogger("streamlit").setLevel(logging.ERROR)  # AppTest outside a server warns on every call
    report = Report()
    print(f"Machine: {machine()}\n")
    print("| figure | value | baseline | ratio | target |")
    print("|---|---|---|---|---|")
    for path in sorted(HERE.glob("bench_*.py")):
        if selected and not any(s in path.stem for s in selected):
            continue
        importlib.import_module(path.stem).run(report)
    report.save(HERE / "results.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
