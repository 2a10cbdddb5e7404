"""`make bench`: run every bench/bench_*.py and print one table of figures with baselines.

Each module exposes ``run(report: Report) -> None``. Results also go to bench/results.json.

    python bench/run.py                 # everything, real-shaped files of 1,000,000 rows
    python bench/run.py import browser  # only the modules whose names contain these words
    python bench/run.py --quick         # 100,000 rows and fewer repeats: end to end in a few minutes
    python bench/run.py --rows 300000   # another size
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import Report, machine  # noqa: E402


def main(argv: list[str]) -> int:
    import logging

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("selected", nargs="*", help="run only the modules whose names contain one of these")
    parser.add_argument("--quick", action="store_true", help="100,000-row files and fewer repeats")
    parser.add_argument("--rows", type=int, help="rows per generated export (default 1,000,000)")
    args = parser.parse_args(argv)
    if args.quick:
        os.environ["DOSSIER_BENCH_QUICK"] = "1"
        os.environ.setdefault("DOSSIER_BENCH_ROWS", "100000")
    if args.rows:
        os.environ["DOSSIER_BENCH_ROWS"] = str(args.rows)
    logging.getLogger("streamlit").setLevel(logging.ERROR)  # AppTest outside a server warns on every call
    report = Report()
    print(f"Machine: {machine()}\n")
    print("| figure | value | baseline | ratio | target |")
    print("|---|---|---|---|---|")
    for path in sorted(HERE.glob("bench_*.py")):
        if args.selected and not any(s in path.stem for s in args.selected):
            continue
        importlib.import_module(path.stem).run(report)
    report.save(HERE / "results.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
