"""The tables of a Dossier dataset, declared once.

Every loader, validator and writer reads these declarations, so adding a column
means adding a row here. Checks fail with the file, the row and the problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa

RELIABILITY = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}
CREDIBILITY = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}
CLAIM_KINDS = ("reported_fact", "judgment", "forecast")
ACTOR_KINDS = ("state", "armed_group", "international_org", "person", "other")
DATE_PRECISIONS = ("day", "month", "year", "unknown")
DATE_BASES = ("source", "analyst")
# Ordinal, most serious first; the matrix colours follow this order.
THREAT_LEVELS = ("primary", "high", "recognised", "low", "not_stated")
TRENDS = ("escalating", "stable", "declining", "")
RELATION_KINDS = ("cooperation", "conflict", "diplomatic", "economic", "support", "affiliation")
ROLES = ("subject", "object", "participant", "location", "side_a", "side_b", "associated")
GROUP_KINDS = ("armed_group", "international_org", "other")
# Imported events carry a ``quality`` column: codes joined by ";" naming values the source itself publishes
# inconsistently (the row is kept as published). Besides these, "<column>-missing" and "<column>-invalid"
# mark a value that was empty or unreadable and is left empty.
QUALITY_FLAGS = {
    "best>high": "best estimate of deaths above the high estimate",
    "best<low": "best estimate of deaths below the low estimate",
    "low>high": "low estimate of deaths above the high estimate",
    "end<start": "date_end before date_start",
    "outside-country": "coordinates outside the country's bounding box",
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "str"  # str | int | float | date | bool | list
    required: bool = True  # a value must be present (not empty)
    allowed: tuple = ()
    unique: bool = False
    references: str | None = None  # "table.column" every value must exist in


@dataclass(frozen=True)
class Table:
    """One CSV file of the dataset: ``name.csv``, its columns in file order, keyed by its unique column if any.

    ``extra`` columns are stored where the rows have them (imported events' quality flags), not in the CSV.
    """

    name: str
    columns: tuple[Column, ...]
    extra: tuple[Column, ...] = field(default=())

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def key(self) -> str | None:
        return next((c.name for c in self.columns if c.unique), None)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


ARROW_TYPES = {
    "str": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "date": pa.timestamp("s"),
    "bool": pa.bool_(),
}


def arrow_type(column: Column, repeated_text: pa.DataType | None = None) -> pa.DataType:
    """The Arrow type a column is stored as in Parquet; ``repeated_text`` for text that repeats across rows.

    Keys stay plain strings; other text (titles, types, countries) repeats, so stores may dictionary-encode it.
    """
    if column.kind == "str" and not column.unique and repeated_text is not None:
        return repeated_text
    return ARROW_TYPES[column.kind]


def _id(name: str) -> Column:
    return Column(name, unique=True)


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "sources",
            (
                _id("source_id"),
                Column("title"),
                Column("publisher"),
                Column("url", required=False),
                Column("published", "date", required=False),
                Column("accessed", "date", required=False),
                Column("licence", required=False),
                Column("reliability", allowed=tuple(RELIABILITY)),
                Column("reliability_basis", required=False),
                Column("path"),
                Column("sha256"),
                Column("version_of", required=False),
            ),
        ),
        Table(
            "claims",
            (
                _id("claim_id"),
                Column("source_id", references="sources.source_id"),
                Column("start", "int"),
                Column("end", "int"),
                Column("kind", allowed=CLAIM_KINDS),
                Column("credibility", "int", allowed=tuple(CREDIBILITY)),
                Column("key_judgment", "bool", required=False),
                Column("kind_rule", required=False),
                Column("text"),
            ),
        ),
        Table(
            "actors",
            (
                _id("actor_id"),
                Column("name", unique=True),
                Column("kind", allowed=ACTOR_KINDS),
                Column("country", required=False),
                Column("iso3", required=False),
                Column("aliases", "list", required=False),
            ),
        ),
        Table(
            "events",
            (
                _id("event_id"),
                Column("title"),
                Column("event_type"),
                Column("date_start", "date", required=False),
                Column("date_end", "date", required=False),
                Column("date_precision", allowed=DATE_PRECISIONS),
                Column("date_basis", allowed=DATE_BASES),
                Column("date_note", required=False),
                Column("country", required=False),
                Column("fatalities", "float", required=False),
                Column("origin"),
            ),
            extra=(Column("quality", required=False),),  # imported events only; see QUALITY_FLAGS
        ),
        Table(
            "event_actors",
            (
                Column("event_id", references="events.event_id"),
                Column("actor_id", references="actors.actor_id"),
                Column("role", allowed=ROLES),
            ),
        ),
        Table(
            "event_claims",
            (
                Column("event_id", references="events.event_id"),
                Column("claim_id", references="claims.claim_id"),
            ),
        ),
        Table(
            "claim_actors",
            (
                Column("claim_id", references="claims.claim_id"),
                Column("actor_id", references="actors.actor_id"),
            ),
        ),
        Table(
            "assessments",
            (
                _id("assessment_id"),
                Column("perceiver", references="actors.actor_id"),
                Column("threat", references="actors.actor_id"),
                Column("level", allowed=THREAT_LEVELS),
                Column("trend", required=False, allowed=TRENDS),
                Column("claim_ids", "list", references="claims.claim_id"),
                Column("note", required=False),
            ),
        ),
        Table(
            "relations",
            (
                _id("relation_id"),
                Column("actor_a", references="actors.actor_id"),
                Column("actor_b", references="actors.actor_id"),
                Column("kind", allowed=RELATION_KINDS),
                Column("directed", "bool"),
                Column("qualifier", required=False),
                Column("claim_ids", "list", references="claims.claim_id"),
                Column("note", required=False),
            ),
        ),
    )
}
LIST_SEPARATOR = ";"
