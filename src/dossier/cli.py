"""Command line: `python -m dossier COMMAND [--data DIR] ...`.

Commands register in COMMANDS; each takes parsed args and returns an exit code.
Failures print one line to stderr and exit non-zero: never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass

from .curation import CurationError, check_log
from .curation import command as curate
from .dataset import load_dataset
from .export import command as export
from .importers import command as import_events
from .ingest import command as ingest
from .settings import ReadOnlyError
from .store import DatasetError


class UserError(Exception):
    """A problem to report to the user in one line, with no traceback."""


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def _validate_configure(parser: argparse.ArgumentParser) -> None:
    pass


def _validate_run(args: argparse.Namespace) -> int:
    ds = load_dataset(args.data)
    counts = ", ".join(f"{n} {k}" for k, n in ds.counts().items())
    logged = check_log(ds.folder)
    print(
        f"{ds.folder}: valid ({counts}; {len(ds.assessments)} assessments, {len(ds.relations)} relations; "
        f"{logged} changes logged)"
    )
    return 0


COMMANDS: list[Command] = [
    Command("validate", "check a data folder against the schema", _validate_configure, _validate_run),
    Command("ingest", "turn documents into sources, claims, actors and events", ingest.configure, ingest.run),
    Command("import-events", "import a UCDP GED or ACLED CSV file", import_events.configure, import_events.run),
    Command("export", "write a chart, the briefing pack or a STIX bundle", export.configure, export.run),
    Command("init", "create a new, empty dossier with a starter gazetteer", curate.configure_init, curate.run_init),
    Command(
        "add", "add an assessment, relation, event, evidence, alias or actor", curate.configure_add, curate.run_verb
    ),
    Command("edit", "change an assessment, relation, event or actor", curate.configure_edit, curate.run_verb),
    Command(
        "remove",
        "remove an assessment, relation, event, claim, alias or actor",
        curate.configure_remove,
        curate.run_verb,
    ),
    Command(
        "merge-actors", "fold one actor into another; every reference follows", curate.configure_merge, curate.run_merge
    ),
    Command(
        "unmapped",
        "list imported actor names the gazetteer does not map, with near matches",
        curate.configure_unmapped,
        curate.run_unmapped,
    ),
    Command(
        "changes", "list the recent changes (or --show ID one in full)", curate.configure_changes, curate.run_changes
    ),
    Command("undo", "undo the last change (logged as a change of its own)", curate.configure_undo, curate.run_undo),
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dossier", description="Dossier command line")
    sub = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        child = sub.add_parser(command.name, help=command.help, description=command.help)
        child.add_argument("--data", help="data folder (default: $DOSSIER_DATA, else the bundled data/)")
        command.configure(child)
        child.set_defaults(run=command.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.data:
        os.environ["DOSSIER_DATA"] = args.data
    try:
        return args.run(args)
    except (DatasetError, UserError, ReadOnlyError, export.ExportError, CurationError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: nothing was written", file=sys.stderr)
        return 130
