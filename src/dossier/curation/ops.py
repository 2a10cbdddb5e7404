"""The analyst's changes, one function each: validate the request, plan the new tables, commit.

Every function takes the data folder first (None: $DOSSIER_DATA, else the bundled data) and keyword
arguments, refuses bad input with a one-line ``CurationError`` before anything is written, and returns
the ``Change`` it logged. ``expect`` is the ``data_token`` the caller read (a form): when the folder has
changed since, the change is refused instead of applied on top of what the user never saw.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict, Unpack

import pandas as pd

from ..schema import (
    ACTOR_KINDS,
    DATE_BASES,
    DATE_PRECISIONS,
    LIST_SEPARATOR,
    RELATION_KINDS,
    ROLES,
    THREAT_LEVELS,
    TRENDS,
)
from . import resolve
from .errors import CurationError
from .transaction import Change, Tables, run

Folder = str | Path | None
_MARKUP = re.compile(r"<\s*[/!?a-zA-Z]|javascript\s*:|&#?[a-zA-Z0-9]+;|\bon[a-z]+\s*=", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SLUG = re.compile(r"[^a-z0-9]+")
_DATE = {
    "year": re.compile(r"^\d{4}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
}


# --- checks -------------------------------------------------------------------------------------


def plain(value: object, what: str, limit: int = 2000, multiline: bool = False) -> str:
    """Text an analyst typed, refused when it holds markup, script or control characters."""
    text = unicodedata.normalize("NFC", "" if value is None else str(value)).strip()
    if _MARKUP.search(text):
        raise CurationError(f"{what} may not contain HTML or script: write plain text")
    if _CONTROL.search(text) or (not multiline and ("\n" in text or "\r" in text or "\t" in text)):
        raise CurationError(f"{what} may not contain control characters")
    if len(text) > limit:
        raise CurationError(f"{what} is longer than {limit} characters")
    return text


def _choice(value: object, allowed: Sequence[str], what: str) -> str:
    text = str(value or "").strip().lower().replace(" ", "_")
    if text not in allowed:
        raise CurationError(f"{what} {value!r} is not one of: {', '.join(a for a in allowed if a)}")
    return text


def _claims(state: Tables, claims: Iterable[str], required: bool = True) -> list[str]:
    ids = list(dict.fromkeys(str(c).strip() for c in claims if str(c).strip()))
    if required and not ids:
        raise CurationError("cite at least one claim (--claim CLAIM_ID): every judgment needs its evidence")
    known = set(state["claims"]["claim_id"])
    unknown = [c for c in ids if c not in known]
    if unknown:
        raise CurationError(f"unknown claim {unknown[0]!r}")
    return ids


def _actor(state: Tables, text: str, what: str = "actor") -> str:
    return resolve.actor_id(state["actors"], text, what)


def _row(frame: pd.DataFrame, column: str, value: str, what: str) -> int:
    hits = frame.index[frame[column] == str(value).strip()]
    if not len(hits):
        raise CurationError(f"unknown {what} {value!r}")
    return hits[0]


def _new_id(base: str, taken: Iterable[str]) -> str:
    slug = _SLUG.sub("-", unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode().lower()).strip("-")
    slug = slug[:48].strip("-") or "item"
    folded = {t.casefold() for t in taken}
    candidate, n = slug, 2
    while candidate.casefold() in folded:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def _append(frame: pd.DataFrame, rows: list[dict]) -> pd.DataFrame:
    new = pd.DataFrame([{c: str(r.get(c, "")) for c in frame.columns} for r in rows], columns=frame.columns, dtype=str)
    return pd.concat([frame, new], ignore_index=True) if len(frame) else new


def _join(items: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(items)


def _split(cell: str) -> list[str]:
    return [c.strip() for c in str(cell).split(LIST_SEPARATOR) if c.strip()]


def _cite(current: list[str], claims: Sequence[str] | None, add: Sequence[str], drop: Sequence[str], state: Tables):
    ids = _claims(state, claims) if claims is not None else list(current)
    ids += [c for c in _claims(state, add, required=False) if c not in ids]
    for claim in drop:
        if claim not in ids:
            raise CurationError(f"claim {claim!r} is not cited here")
        ids.remove(claim)
    if not ids:
        raise CurationError("cannot drop the last claim: every judgment needs its evidence (remove it instead)")
    return ids


# --- assessments and relations ------------------------------------------------------------------


@dataclass(frozen=True)
class _Judgment:
    """A table whose row ties two actors and cites claims: assessments and relations share one add/edit/remove.

    ``pair`` names the two actor columns with how an error calls them; ``checks`` normalise the other
    columns (a value of None leaves a column as it is); ``headline`` words the log line of an added row,
    whose id is made from the ``id_from`` columns; an added row must name both actors and its ``required``
    column (its level or kind).
    """

    table: str
    key: str
    noun: str
    pair: tuple[tuple[str, str], tuple[str, str]]
    same: str
    checks: dict[str, Callable[[object], str]]
    headline: Callable[[dict], str]
    id_from: tuple[str, ...]
    required: str

    def fill(self, state: Tables, row: dict, values: dict[str, object]) -> dict:
        unknown = set(values) - {column for column, _ in self.pair} - set(self.checks)
        if unknown:
            raise TypeError(f"{self.noun} has no field {sorted(unknown)[0]!r}")
        for column, what in self.pair:
            if values.get(column) is not None:
                row[column] = _actor(state, values[column], what)
        for column, check in self.checks.items():
            if values.get(column) is not None:
                row[column] = check(values[column])
        if row[self.pair[0][0]] == row[self.pair[1][0]]:
            raise CurationError(self.same.format(row[self.pair[0][0]]))
        return row

    def add(self, folder: Folder, values: dict[str, object], claims: Sequence[str], expect: str | None) -> Change:
        def plan(state: Tables):
            frame = state[self.table]
            required = dict.fromkeys([column for column, _ in self.pair] + [self.required], "")
            given = required | {key: value for key, value in values.items() if value is not None}
            row = self.fill(state, dict.fromkeys(frame.columns, ""), given)
            row[self.key] = _new_id("-".join(row[c] for c in self.id_from), frame[self.key])
            row["claim_ids"] = _join(_claims(state, claims))
            return {self.table: _append(frame, [row])}, f"add {self.noun} {row[self.key]}: {self.headline(row)}"

        return run(folder, f"add {self.noun}", plan, expect)

    def edit(self, folder: Folder, row_id: str, values: dict[str, object], cite: tuple, expect: str | None) -> Change:
        def plan(state: Tables):
            frame = state[self.table].copy()
            i = _row(frame, self.key, row_id, self.noun)
            row = self.fill(state, frame.loc[i].to_dict(), values)
            row["claim_ids"] = _join(_cite(_split(row["claim_ids"]), *cite, state))
            frame.loc[i] = pd.Series(row)
            return {self.table: frame}, f"edit {self.noun} {row[self.key]}"

        return run(folder, f"edit {self.noun}", plan, expect)

    def remove(self, folder: Folder, row_id: str, expect: str | None) -> Change:
        """Nothing points at an assessment or a relation, so removing one is one row."""

        def plan(state: Tables):
            frame = state[self.table]
            i = _row(frame, self.key, row_id, self.noun)
            return {self.table: frame.drop(index=i)}, f"remove {self.noun} {row_id}"

        return run(folder, f"remove {self.noun}", plan, expect)


def _note(value: object) -> str:
    return plain(value, "note", multiline=True)


_ASSESSMENTS = _Judgment(
    "assessments",
    "assessment_id",
    "assessment",
    (("perceiver", "perceiver"), ("threat", "threat")),
    "an actor cannot be a threat to itself ({})",
    {
        "level": lambda v: _choice(v, THREAT_LEVELS, "level"),
        "trend": lambda v: _choice(v, TRENDS, "trend") if v else "",
        "note": _note,
    },
    lambda row: f"{row['perceiver']} sees {row['threat']} as {row['level']}",
    ("perceiver", "threat"),
    "level",
)
_RELATIONS = _Judgment(
    "relations",
    "relation_id",
    "relation",
    (("actor_a", "actor a (--from)"), ("actor_b", "actor b (--to)")),
    "a relation needs two different actors ({})",
    {
        "kind": lambda v: _choice(v, RELATION_KINDS, "kind"),
        "directed": str,
        "qualifier": lambda v: plain(v, "qualifier", limit=200),
        "note": _note,
    },
    lambda row: f"{row['actor_a']} {'→' if row['directed'] == 'true' else '↔'} {row['actor_b']}",
    ("actor_a", "actor_b", "kind"),
    "kind",
)


def _directed(mutual: bool | None) -> str | None:
    return None if mutual is None else ("false" if mutual else "true")


class AssessmentFields(TypedDict, total=False):
    """An assessment's own fields, as add_assessment and edit_assessment take them (None: unchanged)."""

    perceiver: str | None
    threat: str | None
    level: str | None
    trend: str | None
    note: str | None


class RelationFields(TypedDict, total=False):
    """A relation's own fields, as add_relation and edit_relation take them (None: unchanged)."""

    actor_a: str | None
    actor_b: str | None
    kind: str | None
    qualifier: str | None
    note: str | None


def add_assessment(
    folder: Folder, *, claims: Sequence[str], expect: str | None = None, **fields: Unpack[AssessmentFields]
) -> Change:
    """A threat perception: ``perceiver`` sees ``threat`` as a ``level`` threat, citing ``claims``."""
    return _ASSESSMENTS.add(folder, dict(fields), claims, expect)


def edit_assessment(
    folder: Folder,
    assessment_id: str,
    *,
    claims: Sequence[str] | None = None,
    add_claims: Sequence[str] = (),
    drop_claims: Sequence[str] = (),
    expect: str | None = None,
    **fields: Unpack[AssessmentFields],
) -> Change:
    """Change any field of an assessment; ``claims`` replaces its citations, ``add_claims`` cites more."""
    return _ASSESSMENTS.edit(folder, assessment_id, dict(fields), (claims, add_claims, drop_claims), expect)


def remove_assessment(folder: Folder, assessment_id: str, *, expect: str | None = None) -> Change:
    return _ASSESSMENTS.remove(folder, assessment_id, expect)


def add_relation(
    folder: Folder,
    *,
    claims: Sequence[str],
    mutual: bool = False,
    expect: str | None = None,
    **fields: Unpack[RelationFields],
) -> Change:
    """A tie from ``actor_a`` to ``actor_b`` (both ways when ``mutual``), citing ``claims``."""
    return _RELATIONS.add(folder, {**fields, "directed": _directed(mutual)}, claims, expect)


def edit_relation(
    folder: Folder,
    relation_id: str,
    *,
    mutual: bool | None = None,
    claims: Sequence[str] | None = None,
    add_claims: Sequence[str] = (),
    drop_claims: Sequence[str] = (),
    expect: str | None = None,
    **fields: Unpack[RelationFields],
) -> Change:
    """Change any field of a relation; ``mutual`` True or False sets its direction, None leaves it."""
    values = {**fields, "directed": _directed(mutual)}
    return _RELATIONS.edit(folder, relation_id, values, (claims, add_claims, drop_claims), expect)


def remove_relation(folder: Folder, relation_id: str, *, expect: str | None = None) -> Change:
    return _RELATIONS.remove(folder, relation_id, expect)


# --- events -------------------------------------------------------------------------------------


def _dates(start: str | None, end: str | None, precision: str | None, basis: str, note: str) -> dict[str, str]:
    """date_start/date_end/precision/basis/note as events.csv wants them; '2025-03' means month precision."""
    start, end = str(start or "").strip(), str(end or "").strip()
    inferred = next((p for p, pattern in _DATE.items() if pattern.match(start)), None) if start else "unknown"
    if start and inferred is None:
        raise CurationError(f"date {start!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    chosen = _choice(precision, DATE_PRECISIONS, "date precision") if precision else inferred
    if chosen == "unknown" and start:
        raise CurationError("a date is given, so its precision cannot be 'unknown'")
    if chosen != "unknown" and not start:
        raise CurationError(f"date precision {chosen!r} needs a date")
    full = {"year": "-01-01", "month": "-01", "day": ""}
    date_start = start + full.get(inferred or "day", "") if start else ""
    if end and not _DATE["day"].match(end):
        raise CurationError(f"end date {end!r} is not YYYY-MM-DD")
    for value in (date_start, end):
        if value:
            try:
                pd.Timestamp(value)
            except ValueError:
                raise CurationError(f"date {value!r} does not exist") from None
    if end and date_start and end < date_start:
        raise CurationError("the end date is before the start date")
    basis = _choice(basis or "source", DATE_BASES, "date basis")
    note = plain(note, "date note", limit=500)
    if basis == "analyst" and not note:
        raise CurationError("an analyst-supplied date needs its basis: say where it comes from (--date-note)")
    return {"date_start": date_start, "date_end": end, "date_precision": chosen, "date_basis": basis, "date_note": note}


def _event_actors(state: Tables, actors: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    links = []
    for actor, role in actors:
        link = (_actor(state, actor), _choice(role or "participant", ROLES, "role"))
        if link not in links:
            links.append(link)
    return links


def add_event(
    folder: Folder,
    *,
    title: str,
    event_type: str,
    claims: Sequence[str],
    date: str | None = None,
    end: str | None = None,
    precision: str | None = None,
    basis: str = "source",
    date_note: str = "",
    country: str = "",
    actors: Sequence[tuple[str, str]] = (),
    fatalities: str = "",
    event_id: str | None = None,
    expect: str | None = None,
) -> Change:
    """An event evidenced by ``claims``, with actors as (actor, role) pairs and dates with precision and basis."""

    def plan(state: Tables):
        name = plain(title, "title", limit=300)
        if not name:
            raise CurationError("an event needs a title")
        kind = _SLUG.sub("_", plain(event_type, "event type", limit=60).lower()).strip("_")
        if not kind:
            raise CurationError("an event needs an event type (e.g. attack, visit)")
        dates = _dates(date, end, precision, basis, date_note)
        taken = state["events"]["event_id"]
        if event_id is not None and str(event_id).strip() in set(taken):
            raise CurationError(f"event id {event_id!r} is already taken")
        new_id = str(event_id).strip() if event_id else _new_id(f"{name}-{dates['date_start'][:4]}", taken)
        if _MARKUP.search(new_id) or not re.fullmatch(r"[\w.-]+", new_id):
            raise CurationError("an event id may hold letters, digits, '.', '-' and '_' only")
        cited = _claims(state, claims)
        row = {
            "event_id": new_id,
            "title": name,
            "event_type": kind,
            **dates,
            "country": resolve.country(state["actors"], country),
            "fatalities": _number(fatalities),
            "origin": "curated",
        }
        links = [{"event_id": new_id, "actor_id": a, "role": r} for a, r in _event_actors(state, actors)]
        return {
            "events": _append(state["events"], [row]),
            "event_actors": _append(state["event_actors"], links),
            "event_claims": _append(state["event_claims"], [{"event_id": new_id, "claim_id": c} for c in cited]),
        }, f"add event {new_id}: {name}"

    return run(folder, "add event", plan, expect)


def _number(value: object) -> str:
    text = str(value or "").strip()
    if not text:
        return ""
    try:
        number = float(text)
    except ValueError:
        raise CurationError(f"fatalities {text!r} is not a number") from None
    if number < 0 or number != number:
        raise CurationError("fatalities cannot be negative")
    return str(int(number)) if number.is_integer() else str(number)


def edit_event(
    folder: Folder,
    event_id: str,
    *,
    title: str | None = None,
    event_type: str | None = None,
    date: str | None = None,
    end: str | None = None,
    precision: str | None = None,
    basis: str | None = None,
    date_note: str | None = None,
    country: str | None = None,
    actors: Sequence[tuple[str, str]] | None = None,
    claims: Sequence[str] | None = None,
    add_claims: Sequence[str] = (),
    drop_claims: Sequence[str] = (),
    fatalities: str | None = None,
    expect: str | None = None,
) -> Change:
    """Change an event; ``actors`` and ``claims`` replace its links, ``add_claims`` adds evidence."""

    def plan(state: Tables):
        events = state["events"].copy()
        i = _row(events, "event_id", event_id, "event")
        row = events.loc[i].to_dict()
        if title is not None:
            row["title"] = plain(title, "title", limit=300) or row["title"]
        if event_type is not None:
            row["event_type"] = (
                _SLUG.sub("_", plain(event_type, "event type", limit=60).lower()).strip("_") or row["event_type"]
            )
        if any(v is not None for v in (date, end, precision, basis, date_note)):
            row.update(
                _dates(
                    row["date_start"] if date is None else date,
                    row["date_end"] if end is None else end,
                    None if date is not None and precision is None else precision or row["date_precision"],
                    basis or row["date_basis"],
                    row["date_note"] if date_note is None else date_note,
                )
            )
        if country is not None:
            row["country"] = resolve.country(state["actors"], country)
        if fatalities is not None:
            row["fatalities"] = _number(fatalities)
        events.loc[i] = pd.Series(row)
        out = {"events": events}
        if actors is not None:
            links = state["event_actors"]
            keep = links[links["event_id"] != row["event_id"]]
            new = [{"event_id": row["event_id"], "actor_id": a, "role": r} for a, r in _event_actors(state, actors)]
            out["event_actors"] = _append(keep, new)
        evidence = state["event_claims"]
        mine = evidence[evidence["event_id"] == row["event_id"]]
        cited = _cite(list(mine["claim_id"]), claims, add_claims, drop_claims, state)
        if cited != list(mine["claim_id"]):
            others = evidence[evidence["event_id"] != row["event_id"]]
            out["event_claims"] = _append(others, [{"event_id": row["event_id"], "claim_id": c} for c in cited])
        return out, f"edit event {row['event_id']}"

    return run(folder, "edit event", plan, expect)


def cite_event(folder: Folder, event_id: str, *, claims: Sequence[str], expect: str | None = None) -> Change:
    """Add claims as evidence to an existing event."""

    def plan(state: Tables):
        events = state["events"]
        _row(events, "event_id", event_id, "event")
        evidence = state["event_claims"]
        have = set(evidence.loc[evidence["event_id"] == event_id, "claim_id"])
        new = [c for c in _claims(state, claims) if c not in have]
        if not new:
            raise CurationError(f"event {event_id} already cites {', '.join(claims)}")
        rows = [{"event_id": event_id, "claim_id": c} for c in new]
        return {"event_claims": _append(evidence, rows)}, f"cite {', '.join(new)} for event {event_id}"

    return run(folder, "cite event", plan, expect)


def remove_event(folder: Folder, event_id: str, *, expect: str | None = None) -> Change:
    def plan(state: Tables):
        events = state["events"]
        i = _row(events, "event_id", event_id, "event")
        return {
            "events": events.drop(index=i),
            "event_actors": state["event_actors"][state["event_actors"]["event_id"] != event_id],
            "event_claims": state["event_claims"][state["event_claims"]["event_id"] != event_id],
        }, f"remove event {event_id}"

    return run(folder, "remove event", plan, expect)


# --- claims -------------------------------------------------------------------------------------


def citing(state: Tables, claim_id: str) -> list[str]:
    """What cites a claim: 'event X', 'assessment Y', 'relation Z'."""
    found = [f"event {e}" for e in state["event_claims"].loc[state["event_claims"]["claim_id"] == claim_id, "event_id"]]
    for table, key in (("assessments", "assessment_id"), ("relations", "relation_id")):
        frame = state[table]
        hits = frame[frame["claim_ids"].map(lambda cell: claim_id in _split(cell))]
        found += [f"{table[:-1]} {k}" for k in hits[key]]
    return found


def remove_claim(folder: Folder, claim_id: str, *, expect: str | None = None) -> Change:
    """Remove a claim that nothing cites (its actor mentions go with it; its source stays)."""

    def plan(state: Tables):
        claims = state["claims"]
        i = _row(claims, "claim_id", claim_id, "claim")
        if cited := citing(state, claim_id):
            more = f" and {len(cited) - 5} more" if len(cited) > 5 else ""
            raise CurationError(
                f"claim {claim_id} is cited by {', '.join(cited[:5])}{more}: remove or re-cite those first"
            )
        mentions = state["claim_actors"]
        return {
            "claims": claims.drop(index=i),
            "claim_actors": mentions[mentions["claim_id"] != claim_id],
        }, f"remove claim {claim_id}"

    return run(folder, "remove claim", plan, expect)


# --- actors -------------------------------------------------------------------------------------


def add_actor(
    folder: Folder,
    *,
    name: str,
    kind: str,
    actor_id: str | None = None,
    country: str = "",
    aliases: Sequence[str] = (),
    expect: str | None = None,
) -> Change:
    def plan(state: Tables):
        actors = state["actors"]
        label = plain(name, "name", limit=200)
        if not label:
            raise CurationError("an actor needs a name")
        new_id = str(actor_id).strip() if actor_id else _new_id(label, actors["actor_id"])
        if not re.fullmatch(r"[\w.-]+", new_id):
            raise CurationError("an actor id may hold letters, digits, '.', '-' and '_' only")
        if new_id.casefold() in {a.casefold() for a in actors["actor_id"]}:
            raise CurationError(f"actor id {new_id!r} is already taken")
        names = [label, *(plain(a, "alias", limit=200) for a in aliases)]
        _free(actors, names)
        k = _choice(kind, ACTOR_KINDS, "kind")
        place = resolve.country(actors, country) if country else ""
        iso3 = _iso3(place)
        row = {
            "actor_id": new_id,
            "name": label,
            "kind": k,
            "country": place,
            "iso3": iso3,
            "aliases": _join(dict.fromkeys(n for n in names if n)),
        }
        return {"actors": _append(actors, [row])}, f"add actor {new_id}: {label} ({k})"

    return run(folder, "add actor", plan, expect)


def _iso3(country: str) -> str:
    from ..ingest.actors import country as iso_country

    found = iso_country(country) if country else None
    return found[1] if found else ""


def _free(actors: pd.DataFrame, names: Iterable[str], owner: str | None = None) -> None:
    """Refuse a name that already names another actor (an alias must name one actor, or none is matched)."""
    taken = resolve.names_of(actors)
    for name in names:
        others = sorted(taken.get(resolve.fold(name), set()) - {owner})
        if others:
            raise CurationError(f"{name!r} already names actor {others[0]}")


def add_alias(folder: Folder, actor: str, name: str, *, expect: str | None = None) -> Change:
    """Another name for an actor: ingest links it in text and imports map it, from the next load."""
    return add_aliases(folder, [(actor, name)], expect=expect)


def add_aliases(folder: Folder, pairs: Sequence[tuple[str, str]], *, expect: str | None = None) -> Change:
    """Several (actor, alias) pairs as one change: mapping an import's unmapped names onto the gazetteer."""

    def plan(state: Tables):
        if not pairs:
            raise CurationError("no alias given")
        actors = state["actors"].copy()
        done = []
        for actor, name in pairs:
            actor_id = _actor(state, actor)
            alias = plain(name, "alias", limit=200)
            if not alias:
                raise CurationError("the alias is empty")
            i = _row(actors, "actor_id", actor_id, "actor")
            current = resolve.aliases(actors.at[i, "aliases"])
            if resolve.fold(alias) in {resolve.fold(a) for a in [*current, actors.at[i, "name"]]}:
                raise CurationError(f"{alias!r} already names {actor_id}")
            _free(actors, [alias], owner=actor_id)
            actors.at[i, "aliases"] = _join([*current, alias])
            done.append(f"{alias!r} → {actor_id}")
        return {"actors": actors}, "add alias " + ", ".join(done)

    return run(folder, "add alias", plan, expect)


def remove_alias(folder: Folder, actor: str, name: str, *, expect: str | None = None) -> Change:
    def plan(state: Tables):
        actors = state["actors"].copy()
        actor_id = _actor(state, actor)
        i = _row(actors, "actor_id", actor_id, "actor")
        current = resolve.aliases(actors.at[i, "aliases"])
        keep = [a for a in current if resolve.fold(a) != resolve.fold(name)]
        if len(keep) == len(current):
            raise CurationError(f"{name!r} is not an alias of {actor_id}")
        actors.at[i, "aliases"] = _join(keep)
        return {"actors": actors}, f"remove alias {name!r} from {actor_id}"

    return run(folder, "remove alias", plan, expect)


def edit_actor(
    folder: Folder,
    actor: str,
    *,
    name: str | None = None,
    kind: str | None = None,
    country: str | None = None,
    expect: str | None = None,
) -> Change:
    def plan(state: Tables):
        actors = state["actors"].copy()
        actor_id = _actor(state, actor)
        i = _row(actors, "actor_id", actor_id, "actor")
        if name is not None:
            label = plain(name, "name", limit=200)
            if not label:
                raise CurationError("an actor needs a name")
            _free(actors, [label], owner=actor_id)
            actors.at[i, "name"] = label
        if kind is not None:
            actors.at[i, "kind"] = _choice(kind, ACTOR_KINDS, "kind")
        if country is not None:
            place = resolve.country(state["actors"], country) if country else ""
            actors.at[i, "country"], actors.at[i, "iso3"] = place, _iso3(place)
        return {"actors": actors}, f"edit actor {actor_id}"

    return run(folder, "edit actor", plan, expect)


def _references(state: Tables, actor_id: str) -> dict[str, pd.Series]:
    """Masks of the rows that name ``actor_id``, per (table, column)."""
    return {
        ("event_actors", "actor_id"): state["event_actors"]["actor_id"] == actor_id,
        ("claim_actors", "actor_id"): state["claim_actors"]["actor_id"] == actor_id,
        ("assessments", "perceiver"): state["assessments"]["perceiver"] == actor_id,
        ("assessments", "threat"): state["assessments"]["threat"] == actor_id,
        ("relations", "actor_a"): state["relations"]["actor_a"] == actor_id,
        ("relations", "actor_b"): state["relations"]["actor_b"] == actor_id,
    }


def remove_actor(folder: Folder, actor: str, *, expect: str | None = None) -> Change:
    """Remove an actor nothing refers to (merge it into another to keep its references)."""

    def plan(state: Tables):
        actor_id = _actor(state, actor)
        used = [
            f"{int(mask.sum())} {table}.{column}"
            for (table, column), mask in _references(state, actor_id).items()
            if mask.any()
        ]
        if used:
            raise CurationError(f"actor {actor_id} is still referred to ({', '.join(used)}): merge it into another")
        actors = state["actors"]
        return {"actors": actors[actors["actor_id"] != actor_id]}, f"remove actor {actor_id}"

    return run(folder, "remove actor", plan, expect)


def merge_actors(folder: Folder, keep: str, drop: str, *, expect: str | None = None) -> Change:
    """Fold ``drop`` into ``keep``: every reference follows, and drop's name and aliases become keep's aliases."""

    def plan(state: Tables):
        kept, dropped = _actor(state, keep, "actor to keep"), _actor(state, drop, "actor to merge")
        if kept == dropped:
            raise CurationError(f"cannot merge {kept} into itself")
        out: dict[str, pd.DataFrame] = {}
        for (table, column), mask in _references(state, dropped).items():
            frame = out.get(table, state[table]).copy()
            frame.loc[mask.to_numpy(), column] = kept
            out[table] = frame
        for table in ("event_actors", "claim_actors"):
            out[table] = out[table].drop_duplicates()
        for table, a, b in (("assessments", "perceiver", "threat"), ("relations", "actor_a", "actor_b")):
            same = out[table][out[table][a] == out[table][b]]
            if len(same):
                key = same.columns[0]
                raise CurationError(
                    f"merging would make {table[:-1]} {same.iloc[0][key]} tie {kept} to itself: edit or remove it first"
                )
        actors = state["actors"].copy()
        i, j = _row(actors, "actor_id", kept, "actor"), _row(actors, "actor_id", dropped, "actor")
        current = resolve.aliases(actors.at[i, "aliases"])
        seen = {resolve.fold(n) for n in [actors.at[i, "name"], *current]}
        for name in [actors.at[j, "name"], *resolve.aliases(actors.at[j, "aliases"])]:
            if resolve.fold(name) not in seen:
                current.append(name)
                seen.add(resolve.fold(name))
        actors.at[i, "aliases"] = _join(current)
        out["actors"] = actors.drop(index=j)
        moved = sum(int(m.sum()) for m in _references(state, dropped).values())
        return out, f"merge actor {dropped} into {kept} ({moved} references moved)"

    return run(folder, "merge actors", plan, expect)
