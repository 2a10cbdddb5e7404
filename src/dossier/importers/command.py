"""`python -m dossier import-events FILE`: import a UCDP GED or ACLED CSV from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..settings import ReadOnlyError, read_only
from . import FORMATS, ImportRefused
from .parse import parse_date
from .run import Prepared, commit_import, prepare_import
from .view import rejected_csv


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a UCDP GED or ACLED export (CSV, or a ZIP or gzip file holding one CSV)")
    parser.add_argument("--format", choices=["auto", *FORMATS], default="auto", help="default: detect from the header")
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--good-rows", action="store_true", help="import the rows that pass, even if others fail")
    choice.add_argument("--all-or-nothing", action="store_true", help="import nothing if any row fails (the default)")
    choice.add_argument("--check", action="store_true", help="check the file and report; write nothing")
    parser.add_argument("--rejected", metavar="CSV", help="write the rejected rows and their reasons here")
    parser.add_argument("--accessed", metavar="YYYY-MM-DD", default="", help="ACLED: the date you downloaded it")
    parser.add_argument("--filters", default="", help="ACLED: the filters used for the export")


class _Bar:
    """A progress bar on stderr: redrawn in a terminal, a line every 10% otherwise."""

    def __init__(self) -> None:
        self.live, self.shown, self.text = sys.stderr.isatty(), -1, ""

    def __call__(self, done: float, text: str) -> None:
        if self.live:
            filled = int(done * 30)
            print(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done:4.0%} {text}   ", end="", file=sys.stderr, flush=True)
        elif int(done * 10) > self.shown or (done >= 1 and text != self.text):
            self.shown, self.text = int(done * 10), text
            print(f"{done:4.0%} {text}", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.live:
            print(file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    if read_only():
        raise ReadOnlyError()
    if args.accessed and parse_date(args.accessed)[1]:
        raise ImportRefused(Path(args.file).name, f"--accessed {args.accessed!r} is not a date (YYYY-MM-DD)")
    bar = _Bar()
    try:
        prepared = prepare_import(
            args.file, args.data, fmt=args.format, progress=bar, accessed=args.accessed, filters=args.filters
        )
    finally:
        bar.close()
    print("\n".join(prepared.summary()))
    if args.rejected and prepared.rows_rejected:
        Path(args.rejected).write_bytes(rejected_csv(prepared))
        print(f"rejected rows written to {args.rejected}")
    if prepared.spec.licence.needs_access_details and not args.accessed:
        print("note: ACLED's terms ask for the access date: pass --accessed YYYY-MM-DD", file=sys.stderr)
    if args.check:
        print("checked only (--check): nothing was written")
        return 0
    return _commit(prepared, args)


def _commit(prepared: Prepared, args: argparse.Namespace) -> int:
    if prepared.rows_good == 0:
        raise ImportRefused(
            prepared.file_name, f"no row passes the checks ({prepared.rows_rejected:,} rejected); nothing was imported"
        )
    if prepared.rows_rejected and not args.good_rows:
        raise ImportRefused(
            prepared.file_name,
            f"{prepared.rows_rejected:,} of {prepared.rows_read:,} rows were rejected, so nothing was imported; "
            f"rerun with --good-rows to import the {prepared.rows_good:,} good rows",
        )
    commit_import(prepared, args.data, good_rows=args.good_rows)
    print(f"imported {prepared.rows_good:,} events as {prepared.import_id}")
    return 0
