"""Conventions of the one schema declaration: every layout and converter derives from it."""

from __future__ import annotations

import pyarrow as pa
import pytest

from dossier.importers.spec import EVENT_SCHEMA
from dossier.schema import TABLES
from dossier.validate import CONVERTERS


@pytest.mark.parametrize("table", TABLES.values(), ids=lambda t: t.name)
def test_every_column_kind_has_a_converter(table):
    assert {c.kind for c in table.columns} <= set(CONVERTERS)


def test_imported_events_start_with_the_declared_events_columns():
    declared = TABLES["events"].column_names
    assert EVENT_SCHEMA.names[: len(declared)] == declared


@pytest.mark.parametrize(
    ("name", "expected"),
    [("event_id", pa.string()), ("date_start", pa.timestamp("s")), ("fatalities", pa.float64())],
)
def test_imported_event_types_follow_the_declared_kinds(name, expected):
    assert EVENT_SCHEMA.field(name).type == expected


def test_repeated_text_is_dictionary_encoded_but_keys_are_not():
    assert pa.types.is_dictionary(EVENT_SCHEMA.field("country").type)
    assert not pa.types.is_dictionary(EVENT_SCHEMA.field("event_id").type)
