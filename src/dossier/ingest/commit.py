"""Write reviewed ingest results into the dataset as one transaction.

The would-be dataset is built and checked in memory with the loader's own checks
first, so a commit can never leave a folder that fails to load. The folder is
locked while it is re-read and written, so two commits cannot lose each other's rows.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import store
from ..dataset import Dataset, load_dataset
from ..schema import ACTOR_KINDS, LIST_SEPARATOR, RELATION_KINDS, TABLES, THREAT_LEVELS, TRENDS
from ..store import DatasetError, commit_files, sha256_bytes, table_to_csv
from ..validate import check_claim_spans, check_event_dates, check_references, type_table
from .errors import IngestError
from .kinds import ANALYST
from .pipeline import ORIGIN, IngestResult

_NEW_TABLES = (
    "sources",
    "claims",
    "actors",
    "events",
    "event_actors",
    "event_claims",
    "claim_actors",
    "assessments",
    "relations",
)


@dataclass
class Summary:
    sources: list[str] = field(default_factory=list)
    claims: int = 0
    actors: int = 0  # new in the gazetteer
    links: int = 0  # claim-actor links
    events: int = 0
    assessments: int = 0
    relations: int = 0
    left_out: int = 0  # accepted perceptions or relations whose actor or claims were not kept
    files: list[str] = field(default_factory=list)

    def line(self) -> str:
        if not self.sources:
            return "nothing written"
        extra = f", {self.assessments} threat perception(s), {self.relations} relation(s)"
        if self.left_out:
            extra += f" ({self.left_out} left out: an actor or claim they cite was not kept)"
        return (
            f"{len(self.sources)} source(s), {self.claims} claims, {self.links} claim-actor links, "
            f"{self.actors} new actor(s), {self.events} event(s){extra} written"
        )


folder_lock = store.folder_lock  # one lock for every writer of a data folder


def _aliases(value: object) -> list[str]:
    items = value if isinstance(value, (list, tuple)) else str(value or "").replace(LIST_SEPARATOR, ",").split(",")
    return list(dict.fromkeys(a.strip() for a in items if str(a).strip()))


def _accepted_actors(ds: Dataset, results: list[IngestResult]) -> tuple[pd.DataFrame, dict[tuple[str, str], str]]:
    """New gazetteer rows, and (source_id, candidate key) -> actor id for every accepted candidate."""
    by_name = {n.casefold(): a for a, n in zip(ds.actors["actor_id"], ds.actors["name"])}
    used_ids = {a.casefold(): a for a in ds.actors["actor_id"]}
    rows, mapping = [], {}
    for result in results:
        for row in _rows(result.candidates[result.candidates["accept"].astype(bool)]):
            name, actor_id, kind = _text(row["name"]), _text(row["actor_id"]), row["kind"]
            if not name or not actor_id:
                raise IngestError(f"{result.name}: an accepted actor needs a name and an id")
            if any(c in actor_id for c in ";,") or actor_id != actor_id.strip():
                raise IngestError(f"{result.name}: actor id {actor_id!r} may not contain ';' or ','")
            if kind not in ACTOR_KINDS:
                raise IngestError(f"{result.name}: actor {name!r} has kind {kind!r}, not one of {ACTOR_KINDS}")
            if name.casefold() in by_name:  # already in the gazetteer, or accepted from another file
                mapping[(result.source_id, row["key"])] = by_name[name.casefold()]
                continue
            if actor_id.casefold() in used_ids:
                raise IngestError(f"{result.name}: actor id {actor_id!r} is already taken; choose another for {name!r}")
            aliases = _aliases(row["aliases"]) or [name]
            rows.append((actor_id, name, kind, _text(row["country"]), _text(row["iso3"]), aliases))
            by_name[name.casefold()] = used_ids[actor_id.casefold()] = actor_id
            mapping[(result.source_id, row["key"])] = actor_id
    return pd.DataFrame(rows, columns=TABLES["actors"].column_names), mapping


def _text(value: object) -> str:
    """A cell as stripped text; an emptied cell in the review editor (None or NaN) is ''."""
    return "" if value is None or (isinstance(value, float) and value != value) else str(value).strip()


def _rows(frame: pd.DataFrame) -> list[dict]:
    return frame.to_dict("records")


def _actor_id(result: IngestResult, key: str, known: set[str], mapping: dict) -> str | None:
    return key if key in known else mapping.get((result.source_id, key))


def build_tables(ds: Dataset, results: list[IngestResult]) -> tuple[dict[str, pd.DataFrame], Summary]:
    """The seven tables that ingest changes, with the reviewed results appended."""
    new_actors, mapping = _accepted_actors(ds, results)
    known = set(ds.actors["actor_id"])
    add: dict[str, list] = {name: [] for name in _NEW_TABLES}
    summary = Summary(actors=len(new_actors))
    for result in results:
        source_id = result.source_id
        add["sources"].append({**result.source, "published": result.source["published"] or None})
        claims = _rows(result.claims[result.claims["keep"].astype(bool)])
        kept = {row["claim_id"] for row in claims}
        for row in claims:
            rule = row["kind_rule"] if row["kind"] == row["auto_kind"] else ANALYST
            add["claims"].append(
                (
                    row["claim_id"],
                    source_id,
                    row["start"],
                    row["end"],
                    row["kind"],
                    int(row["credibility"]),
                    False,
                    rule,
                    row["text"],
                )
            )
        links = {
            (cid, actor)
            for cid, key in zip(result.mentions["claim_id"], result.mentions["actor"])
            if cid in kept and (actor := _actor_id(result, key, known, mapping))
        }
        add["claim_actors"] += sorted(links)
        roles: dict[str, list[tuple[str, str]]] = {}
        for event_id, key, role in zip(
            result.event_actors["event_id"], result.event_actors["actor"], result.event_actors["role"]
        ):
            roles.setdefault(event_id, []).append((key, role))
        events = [r for r in _rows(result.events) if bool(r["accept"]) and r["claim_id"] in kept]
        for row in events:
            event_id = row["event_id"]
            event_type = _text(row["event_type"]) or "other"
            add["events"].append(
                (
                    event_id,
                    _text(row["title"]) or event_type,
                    event_type,
                    row["date_start"],
                    row["date_end"],
                    row["date_precision"],
                    row["date_basis"],
                    row["date_note"],
                    _text(row["country"]),
                    None,
                    ORIGIN,
                )
            )
            add["event_claims"].append((event_id, row["claim_id"]))
            for key, role in roles.get(event_id, []):
                if actor := _actor_id(result, key, known, mapping):
                    add["event_actors"].append((event_id, actor, role))
        _stances(result, kept, known, mapping, add, summary)
        summary.sources.append(source_id)
        summary.claims += len(claims)
        summary.links += len(links)
        summary.events += len(events)
    tables = {}
    for name in _NEW_TABLES:
        columns = TABLES[name].column_names
        existing = getattr(ds, name)
        existing = existing.drop(columns=["text"]) if name == "sources" else existing
        extra = new_actors if name == "actors" else pd.DataFrame(add[name], columns=columns)
        tables[name] = pd.concat([existing, extra], ignore_index=True) if len(extra) else existing
    return tables, summary


def _assessment_fields(row: dict) -> tuple:
    trend = _text(row.get("trend"))
    return (row["level"], trend if trend in TRENDS else "")


def _relation_fields(row: dict) -> tuple:
    return (row["kind"], bool(row["directed"]), _text(row["qualifier"]))


# table: (the column checked against its scale and how an error names it, the scale, the two actor columns,
# the fields written between the actors and the cited claims)
_STANCES = {
    "assessments": ("level", "threat level", THREAT_LEVELS, ("perceiver", "threat"), _assessment_fields),
    "relations": ("kind", "relation kind", RELATION_KINDS, ("actor_a", "actor_b"), _relation_fields),
}


def _stances(result: IngestResult, kept: set[str], known: set[str], mapping: dict, add: dict, summary) -> None:
    """Accepted perceptions and relations whose actors and cited claims are all being written."""
    for table, (column, what, scale, sides, fields) in _STANCES.items():
        frame = getattr(result, table)
        for row in _rows(frame[frame["accept"].astype(bool)]):
            if row[column] not in scale:
                raise IngestError(f"{result.name}: {what} {row[column]!r} is not one of {scale}")
            actors = tuple(_actor_id(result, row[side], known, mapping) for side in sides)
            cited = [c for c in _aliases(row["claim_ids"]) if c in kept]
            if not (all(actors) and cited):
                summary.left_out += 1
                continue
            note = f"Proposed by ingest ({row['rule']}); accepted by the analyst."
            add[table].append((row["candidate_id"], *actors, *fields(row), cited, note))
            setattr(summary, table, getattr(summary, table) + 1)


def _check(files: dict[str, bytes], ds: Dataset, texts: dict[str, str]) -> None:
    """Parse the would-be CSV files back and run the loader's checks on them."""
    typed = {}
    for name, table in TABLES.items():
        data = files.get(table.file)
        if data is None:
            typed[name] = getattr(ds, name)
            continue
        raw = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, na_filter=False)
        typed[name] = type_table(raw, table)
    check_references(typed)
    stored = dict(zip(ds.sources["source_id"], ds.sources["text"])) | texts
    sources = typed["sources"].copy()
    for sid, digest in zip(sources["source_id"], sources["sha256"]):
        if sid in texts and sha256_bytes(texts[sid].encode("utf-8")) != digest:
            raise DatasetError("sources.csv", f"{sid}: stored text does not match its sha256")
    sources["text"] = sources["source_id"].map(stored)
    check_claim_spans(typed["claims"], sources)
    check_event_dates(typed["events"])


def plan(ds: Dataset, results: list[IngestResult]) -> tuple[dict[str, bytes], Summary]:
    """Every file the commit would write, checked; raises IngestError when the result would be invalid."""
    hashes = dict(zip(ds.sources["sha256"], ds.sources["source_id"]))
    seen: dict[str, str] = {}
    for result in results:
        digest = result.source["sha256"]
        if digest in hashes:
            raise IngestError(f"{result.name}: already ingested as {hashes[digest]}; nothing written")
        if digest in seen:
            raise IngestError(f"{result.name}: the same text as {seen[digest]}; nothing written")
        seen[digest] = result.name
    tables, summary = build_tables(ds, results)
    files = {TABLES[name].file: table_to_csv(frame, TABLES[name]) for name, frame in tables.items()}
    texts = {r.source_id: r.text for r in results}
    try:
        _check(files, ds, texts)
    except DatasetError as exc:
        raise IngestError(f"the commit would break the dataset, so nothing was written: {exc}") from None
    for result in results:
        files[result.source["path"]] = result.text.encode("utf-8")
    folder = Path(ds.folder) if ds.folder else None
    if folder is not None:
        files = {path: data for path, data in files.items() if not _same(folder / path, data)}
    summary.files = sorted(files)
    return files, summary


def _same(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() == data
    except OSError:
        return False


def commit(folder: str | os.PathLike, results: list[IngestResult]) -> Summary:
    """Re-read the folder under a lock, re-check, and write every reviewed result in one transaction."""
    folder = Path(folder)
    if not results:
        return Summary()
    with folder_lock(folder):
        ds = load_dataset(folder, imports=False)  # only the curated tables are written back
        files, summary = plan(ds, results)
        commit_files(folder, files)
    return summary
