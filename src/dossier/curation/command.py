"""The curation verbs of the command line: init, add, edit, remove, merge-actors, unmapped, changes, undo.

Each write prints the change it logged (``change 12: add assessment pak-ttp-2: …``) and exits 0; a
refusal prints one line and exits 2, with nothing written. ACTOR arguments take an actor id, a name
or an alias, ignoring case, spacing and dashes.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from ..schema import ACTOR_KINDS, DATE_BASES, DATE_PRECISIONS, RELATION_KINDS, ROLES, THREAT_LEVELS, TRENDS
from ..store import data_dir, printable
from . import log, ops, starter, transaction
from .errors import CurationError

Handler = Callable[[argparse.Namespace], int]


def _data(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", default=argparse.SUPPRESS, help="data folder (default: $DOSSIER_DATA)")


def _done(change: transaction.Change) -> int:
    print(printable(change.line()))
    return 0


def _claims(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument(
        "--claim",
        action="append",
        default=None if not required else [],
        required=required,
        metavar="CLAIM_ID",
        help="a claim that evidences it (repeat for several)" + ("" if required else "; replaces the cited claims"),
    )


def _more_claims(parser: argparse.ArgumentParser) -> None:
    _claims(parser, required=False)
    parser.add_argument("--add-claim", action="append", default=[], metavar="CLAIM_ID", help="cite one more claim")
    parser.add_argument("--drop-claim", action="append", default=[], metavar="CLAIM_ID", help="stop citing a claim")


def _event_fields(parser: argparse.ArgumentParser, adding: bool) -> None:
    parser.add_argument("--title", required=adding, default=None)
    parser.add_argument("--type", dest="event_type", required=adding, default=None, help="e.g. attack, visit, talks")
    parser.add_argument("--date", default=None, help="YYYY, YYYY-MM or YYYY-MM-DD (precision follows the form)")
    parser.add_argument("--end", default=None, help="end date YYYY-MM-DD")
    parser.add_argument("--precision", choices=DATE_PRECISIONS, default=None)
    parser.add_argument(
        "--basis",
        choices=DATE_BASES,
        default=None,
        help="source: a cited claim states the date; analyst: you supply it",
    )
    parser.add_argument("--date-note", default=None, help="where the date comes from (required with --basis analyst)")
    parser.add_argument("--country", default=None, help="where it happened: a country name or state actor")
    parser.add_argument(
        "--actor",
        action="append",
        default=None,
        metavar="ACTOR[:ROLE]",
        help=f"an actor and its role ({', '.join(ROLES)})",
    )
    parser.add_argument("--fatalities", default=None)


def _roles(values: list[str] | None) -> list[tuple[str, str]] | None:
    if values is None:
        return None
    pairs = []
    for value in values:
        actor, _, role = value.rpartition(":")
        pairs.append((actor, role) if actor and role.strip().lower() in ROLES else (value, "participant"))
    return pairs


# --- add and edit -------------------------------------------------------------------------------

Pick = str | Callable[[argparse.Namespace], object]


def _verb(op: Callable[..., transaction.Change], *positional: str, **keywords: Pick) -> Handler:
    """A handler calling ``op(None, *positional, **keywords)`` with the parsed arguments' values.

    Each keyword names the argument's attribute (or computes the value from all of them); a value left
    None is not passed, so the operation's own default applies: an option not given changes nothing.
    """

    def handler(args: argparse.Namespace) -> int:
        values = {key: pick(args) if callable(pick) else getattr(args, pick) for key, pick in keywords.items()}
        given = {key: value for key, value in values.items() if value is not None}
        return _done(op(None, *(getattr(args, name) for name in positional), **given))

    return handler


def _same(*names: str) -> dict[str, Pick]:
    return {name: name for name in names}


def _actors(args: argparse.Namespace) -> list[tuple[str, str]] | None:
    return _roles(args.actor)


def _mutual(args: argparse.Namespace) -> bool | None:
    return True if args.mutual else False if args.directed else None


_EVENT = _same("title", "event_type", "date", "end", "precision", "basis", "date_note", "country", "fatalities")
_CITES = {"claims": "claim", "add_claims": "add_claim", "drop_claims": "drop_claim"}
_ASSESSMENT = _same("perceiver", "threat", "level", "trend", "note")
_RELATION = {"actor_a": "from_", "actor_b": "to", **_same("kind", "qualifier", "note")}

_add_assessment = _verb(ops.add_assessment, **_ASSESSMENT, claims="claim")
_add_relation = _verb(ops.add_relation, **_RELATION, mutual="mutual", claims="claim")
_add_event = _verb(ops.add_event, **_EVENT, actors=_actors, event_id="id", claims="claim")
_add_evidence = _verb(ops.cite_event, "event_id", claims="claim")
_add_alias = _verb(ops.add_alias, "actor", "name")
_add_actor = _verb(ops.add_actor, **_same("name", "kind", "country"), actor_id="id", aliases="alias")
_edit_assessment = _verb(ops.edit_assessment, "id", **_ASSESSMENT, **_CITES)
_edit_relation = _verb(ops.edit_relation, "id", **_RELATION, mutual=_mutual, **_CITES)
_edit_event = _verb(ops.edit_event, "id", **_EVENT, actors=_actors, **_CITES)
_edit_actor = _verb(ops.edit_actor, "actor", **_same("name", "kind", "country"))


# --- parsers ------------------------------------------------------------------------------------


def _assessment_fields(parser: argparse.ArgumentParser, adding: bool) -> None:
    parser.add_argument("--perceiver", required=adding, default=None, metavar="ACTOR", help="who sees the threat")
    parser.add_argument("--threat", required=adding, default=None, metavar="ACTOR", help="whom they see as a threat")
    parser.add_argument("--level", required=adding, default=None, help=f"one of {', '.join(THREAT_LEVELS)}")
    parser.add_argument("--trend", default=None, help=f"one of {', '.join(t for t in TRENDS if t)} ('' clears it)")
    parser.add_argument("--note", default=None, help="the analyst's reasoning, as plain text")


def _relation_fields(parser: argparse.ArgumentParser, adding: bool) -> None:
    parser.add_argument("--from", dest="from_", required=adding, default=None, metavar="ACTOR")
    parser.add_argument("--to", required=adding, default=None, metavar="ACTOR")
    parser.add_argument("--kind", required=adding, default=None, help=f"one of {', '.join(RELATION_KINDS)}")
    parser.add_argument("--mutual", action="store_true", help="the tie runs both ways (default: from -> to)")
    if not adding:
        parser.add_argument("--directed", action="store_true", help="the tie runs from -> to only")
    parser.add_argument("--qualifier", default=None, help="e.g. 'limited counterterrorism'")
    parser.add_argument("--note", default=None)


def configure_add(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="what", required=True, metavar="WHAT")
    p = sub.add_parser("assessment", help="a threat perception citing claims")
    _assessment_fields(p, adding=True)
    _claims(p, required=True)
    p.set_defaults(handler=_add_assessment)
    p = sub.add_parser("relation", help="a relation between two actors citing claims")
    _relation_fields(p, adding=True)
    _claims(p, required=True)
    p.set_defaults(handler=_add_relation)
    p = sub.add_parser("event", help="an event citing claims")
    _event_fields(p, adding=True)
    p.add_argument("--id", default=None, help="event id (default: from the title and year)")
    _claims(p, required=True)
    p.set_defaults(handler=_add_event)
    p = sub.add_parser("evidence", help="cite more claims for an existing event")
    p.add_argument("event_id", metavar="EVENT_ID")
    _claims(p, required=True)
    p.set_defaults(handler=_add_evidence)
    p = sub.add_parser("alias", help="another name for an actor (maps imported names and text mentions)")
    p.add_argument("actor", metavar="ACTOR")
    p.add_argument("name", metavar="NAME")
    p.set_defaults(handler=_add_alias)
    p = sub.add_parser("actor", help="a new actor in the gazetteer")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--kind", required=True, help=f"one of {', '.join(ACTOR_KINDS)}")
    p.add_argument("--id", default=None, help="actor id (default: from the name)")
    p.add_argument("--country", default=None)
    p.add_argument("--alias", action="append", default=[], help="another name (repeat for several)")
    p.set_defaults(handler=_add_actor)
    for child in sub.choices.values():
        _data(child)


def configure_edit(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="what", required=True, metavar="WHAT")
    for what, about, fields, handler in (
        ("assessment", "change a threat perception", _assessment_fields, _edit_assessment),
        ("relation", "change a relation", _relation_fields, _edit_relation),
        ("event", "change an event (--actor and --claim replace its lists)", _event_fields, _edit_event),
    ):
        p = sub.add_parser(what, help=about)
        p.add_argument("id", metavar=f"{what.upper()}_ID")
        fields(p, adding=False)
        _more_claims(p)
        p.set_defaults(handler=handler)
    p = sub.add_parser("actor", help="rename an actor, or change its kind or country")
    p.add_argument("actor", metavar="ACTOR")
    p.add_argument("--name", default=None)
    p.add_argument("--kind", default=None, help=f"one of {', '.join(ACTOR_KINDS)}")
    p.add_argument("--country", default=None)
    p.set_defaults(handler=_edit_actor)
    for child in sub.choices.values():
        _data(child)


REMOVERS = {
    "assessment": ("ASSESSMENT_ID", ops.remove_assessment),
    "relation": ("RELATION_ID", ops.remove_relation),
    "event": ("EVENT_ID", ops.remove_event),
    "claim": ("CLAIM_ID", ops.remove_claim),
    "actor": ("ACTOR", ops.remove_actor),
}


def configure_remove(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="what", required=True, metavar="WHAT")
    for what, (metavar, remove) in REMOVERS.items():
        p = sub.add_parser(what, help=f"remove a {what}" + (" that nothing cites" if what == "claim" else ""))
        p.add_argument("id", metavar=metavar)
        p.set_defaults(handler=lambda args, remove=remove: _done(remove(None, args.id)))
    p = sub.add_parser("alias", help="remove an alias from an actor")
    p.add_argument("actor", metavar="ACTOR")
    p.add_argument("name", metavar="NAME")
    p.set_defaults(handler=lambda args: _done(ops.remove_alias(None, args.actor, args.name)))
    for child in sub.choices.values():
        _data(child)


def run_verb(args: argparse.Namespace) -> int:
    return args.handler(args)


# --- actors, changes ----------------------------------------------------------------------------


def configure_merge(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("keep", metavar="KEEP", help="the actor that stays")
    parser.add_argument("drop", metavar="DROP", help="the actor folded into KEEP (its name becomes an alias)")


def run_merge(args: argparse.Namespace) -> int:
    return _done(ops.merge_actors(None, args.keep, args.drop))


def configure_unmapped(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--limit", type=int, default=50, help="show this many names (busiest first)")


def run_unmapped(args: argparse.Namespace) -> int:
    from ..dataset import load_dataset
    from .mapping import unmapped_names

    frame = unmapped_names(load_dataset())
    if frame.empty:
        print("every imported actor name maps onto the gazetteer")
        return 0
    for row in frame.head(args.limit).itertuples():
        near = "; ".join(f"{s.actor_id} ({s.matched}, {s.score:.0f})" for s in row.suggestions) or "no near match"
        print(printable(f"{row.name!r}: {row.events} events · near: {near}"))
    print('map a name with: python -m dossier add alias ACTOR "NAME"')
    return 0


def configure_changes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--limit", type=int, default=20, help="show the last N changes (default 20)")
    parser.add_argument("--show", type=int, default=None, metavar="ID", help="print one change in full, as JSON")


def run_changes(args: argparse.Namespace) -> int:
    entries = log.read_log(data_dir())
    if args.show is not None:
        entry = next((e for e in entries if e["id"] == args.show), None)
        if entry is None:
            raise CurationError(f"there is no change {args.show}")
        print(json.dumps(entry, ensure_ascii=False, indent=2))
        return 0
    if not entries:
        print("no changes logged yet")
        return 0
    undone = {e.get("undoes") for e in entries if e.get("undoes")}
    for entry in entries[-args.limit :]:
        mark = " (undone)" if entry["id"] in undone else ""
        print(printable(f"{entry['id']:>4}  {entry['at']}  {entry['by']}  {entry['summary']}{mark}"))
    return 0


def configure_undo(parser: argparse.ArgumentParser) -> None:
    pass


def run_undo(args: argparse.Namespace) -> int:
    return _done(transaction.undo(None))


def configure_init(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="DIR", help="a new or empty folder")


def run_init(args: argparse.Namespace) -> int:
    counts = starter.create(args.folder)
    print(
        f"{args.folder}: new dossier with {counts['countries']} countries and {counts['organisations']} "
        f"international organisations; next: python -m dossier ingest FILE --data {args.folder}"
    )
    return 0
