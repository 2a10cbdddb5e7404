"""`python -m dossier ingest PATH...`: ingest files (or folders of them) from the command line.

Known actors are always linked. Candidate actors, events, threat perceptions and
relations are listed but only written with --accept-actors, --accept-events,
--accept-assessments, --accept-relations or --accept-all/--yes (review them on the
ingest page otherwise). Bad files are reported one line each and skipped; the good
ones are written together in one transaction. The exit code is 2 when any file was refused.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..dataset import load_dataset
from ..schema import CREDIBILITY, RELIABILITY
from ..settings import read_only
from ..store import printable
from .commit import commit
from .errors import IngestError
from .formats import EXTENSIONS, MAX_BYTES
from .pipeline import IngestResult, Options, context_for, prepare


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, or folders of .txt/.md/.html files")
    parser.add_argument(
        "--reliability",
        choices=sorted(RELIABILITY),
        default="F",
        help="Admiralty source reliability for these sources (default F: cannot be judged)",
    )
    parser.add_argument("--reliability-basis", default="", help="why that reliability")
    parser.add_argument(
        "--credibility",
        type=int,
        choices=sorted(CREDIBILITY),
        default=6,
        help="credibility of every new claim (default 6: truth cannot be judged)",
    )
    parser.add_argument("--published", type=_date, help="publication date YYYY-MM-DD (resolves 'last week' etc.)")
    parser.add_argument("--publisher", default="", help="publisher, when the file does not say")
    parser.add_argument("--title", default="", help="title (one file only)")
    parser.add_argument("--url", default="", help="URL (one file only)")
    parser.add_argument("--licence", default="", help="licence or terms of use")
    parser.add_argument(
        "--version-of",
        default=None,
        metavar="SOURCE_ID",
        help="record the file as a new version of this source (one file only; default: detect)",
    )
    parser.add_argument("--accept-actors", action="store_true", help="add candidate actors to the gazetteer")
    parser.add_argument("--accept-events", action="store_true", help="add candidate events")
    parser.add_argument(
        "--accept-assessments", action="store_true", help="add candidate threat perceptions (assessments.csv)"
    )
    parser.add_argument("--accept-relations", action="store_true", help="add candidate relations (relations.csv)")
    parser.add_argument("--accept-all", "--yes", "-y", action="store_true", help="accept every candidate")
    parser.add_argument("--dry-run", action="store_true", help="analyse and report; write nothing")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def expand(paths: list[str]) -> list[Path]:
    """Files as given; a folder contributes its supported files, sorted."""
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIONS)
        else:
            files.append(path)
    return files


def _progress(done: int, total: int, name: str) -> None:
    if total < 2 or not sys.stderr.isatty():
        return
    filled = round(30 * done / total)
    end = "\n" if done == total else ""
    print(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} {name[:40]:<40}", end=end, file=sys.stderr)


def _read(path: Path) -> bytes:
    if not path.is_file():
        raise IngestError("no such file")
    if path.stat().st_size > MAX_BYTES:
        raise IngestError(f"the file is over the {MAX_BYTES // 1024 // 1024} MB limit for one document")
    return path.read_bytes()


def _describe(result: IngestResult) -> str:
    kinds = result.claims["kind"].value_counts()
    kind_text = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in kinds.items())
    accepted_actors = int(result.candidates["accept"].sum())
    accepted_events = int(result.events["accept"].sum())
    accepted_assessments = int(result.assessments["accept"].sum())
    accepted_relations = int(result.relations["accept"].sum())
    line = (
        f"{result.source_id} {result.name}: {len(result.claims)} claims ({kind_text}); "
        f"{len(result.known_actors)} known actors; {len(result.candidates)} candidate actors "
        f"({accepted_actors} accepted); {len(result.events)} candidate events ({accepted_events} accepted); "
        f"{len(result.assessments)} candidate threat perceptions ({accepted_assessments} accepted); "
        f"{len(result.relations)} candidate relations ({accepted_relations} accepted)"
    )
    return " ".join([line, *result.notes])


def run(args: argparse.Namespace) -> int:
    if read_only() and not args.dry_run:
        print("error: this Dossier is read-only (DOSSIER_READ_ONLY is set); nothing written", file=sys.stderr)
        return 2
    files = expand(args.paths)
    single = len(files) == 1
    for flag in ("title", "url", "version_of"):
        if getattr(args, flag) not in (None, "") and not single:
            print(f"error: --{flag.replace('_', '-')} needs exactly one file", file=sys.stderr)
            return 2
    if not files:
        print("error: no .txt, .md or .html files found", file=sys.stderr)
        return 2
    ds = load_dataset(imports=False)  # the gazetteer and curated tables, without imported events
    context = context_for(ds)
    options = Options(
        title=args.title,
        publisher=args.publisher,
        url=args.url,
        published=args.published,
        reliability=args.reliability,
        reliability_basis=args.reliability_basis,
        licence=args.licence,
        version_of=args.version_of,
        credibility=args.credibility,
    )
    results: list[IngestResult] = []
    refused = 0
    seen: dict[str, Path] = {}
    for done, path in enumerate(files, start=1):
        try:
            result = prepare(_read(path), path.name, ds, options, context)
            if result.source_id in seen:
                raise IngestError(f"the same text as {seen[result.source_id]}")
            seen[result.source_id] = path
            everything = args.accept_all
            results.append(
                result.accept_all(
                    everything or args.accept_actors,
                    everything or args.accept_events,
                    everything or args.accept_assessments,
                    everything or args.accept_relations,
                )
            )
        except IngestError as exc:
            refused += 1
            shown = printable(str(path))
            print(
                f"\nerror: {shown}: {exc}" if sys.stderr.isatty() and len(files) > 1 else f"error: {shown}: {exc}",
                file=sys.stderr,
            )
        _progress(done, len(files), printable(path.name))
    for result in results:
        print(_describe(result))
    if args.dry_run:
        print(f"dry run: {len(results)} of {len(files)} file(s) ready; nothing written")
        return 2 if refused else 0
    try:
        summary = commit(ds.folder, results)
    except IngestError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{summary.line()} to {ds.folder}" + (f"; {refused} file(s) refused" if refused else ""))
    return 2 if refused else 0
