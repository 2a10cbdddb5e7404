"""ACLED export CSV: event_date as '01 November 2024' or ISO, actor types as numbers or text."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from . import quality
from .actors import state_forces_country
from .columns import code_labels, kept, number, prefixed, required, small_int, text
from .licences import ACLED
from .parse import parse_codes, parse_dates
from .spec import Checks, ImporterSpec, Mapped

ACLED_COLUMNS = tuple(
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp".split(",")
)
ACTOR_TYPES = {
    "State forces": 1,
    "Rebel group": 2,
    "Rebel groups": 2,
    "Political militia": 3,
    "Political militias": 3,
    "Identity militia": 4,
    "Identity militias": 4,
    "Rioters": 5,
    "Protesters": 6,
    "Civilians": 7,
    "External/Other forces": 8,
}
KIND_BY_TYPE = {1: "state", 2: "armed_group", 3: "armed_group", 4: "armed_group"}
# time_precision 2 means the source gives the week, not the day: kept as 'day' with this note.
DATE_PRECISION = {1: "day", 2: "day", 3: "month"}
DATE_NOTE = {
    1: "ACLED time_precision 1: the source gives the day",
    2: "ACLED time_precision 2: the source gives the week, not the day",
    3: "ACLED time_precision 3: the source gives the month only",
}
UNKNOWN_PRECISION = "ACLED time_precision missing or unreadable: shown to the day"
_CODES = set(range(9))  # 0 = no actor (inter2 of one-sided events)
_WHAT = "an ACLED actor type (0-8 or a label such as 'State forces')"


def _actor_list(values: pa.Array) -> pa.Array:
    """'A; B' -> ['A', 'B'] (null -> [])."""
    parts = pc.split_pattern(pc.fill_null(values, ""), ";")
    flat = pc.utf8_trim_whitespace(pc.list_flatten(parts))
    keep = pc.not_equal(flat, "")
    offsets = np.concatenate(
        [
            [0],
            np.cumsum(
                np.bincount(
                    pc.list_parent_indices(parts).to_numpy()[keep.to_numpy(zero_copy_only=False)], minlength=len(values)
                )
            ),
        ]
    ).astype(np.int32)
    return pa.ListArray.from_arrays(pa.array(offsets), flat.filter(keep))


def map_batch(batch: pa.Table) -> Mapped:
    """Rows without an id or a readable event_date are rejected; every other problem is a quality flag."""
    checks = Checks(batch)
    ids = required(checks, batch, "event_id_cnty")
    date = checks.add("event_date", parse_dates(batch.column("event_date"))).values
    precision = number(checks, batch, "time_precision", flag=True, integer=True, low=1, high=3)
    event_type, sub_type = kept(checks, batch, "event_type"), kept(checks, batch, "sub_event_type")
    actor1, actor2 = kept(checks, batch, "actor1"), text(batch, "actor2")
    inter1 = checks.keep("inter1", parse_codes(batch.column("inter1"), ACTOR_TYPES, _CODES, _WHAT)).values
    inter2 = checks.keep(
        "inter2", parse_codes(batch.column("inter2"), ACTOR_TYPES, _CODES, _WHAT), required=False
    ).values
    checks.note(
        "inter1", (inter1 == 0) & np.asarray(actor1.is_valid()), "is 0 (no actor) but actor1 is named", "inter1-invalid"
    )
    country = kept(checks, batch, "country")
    latitude = number(checks, batch, "latitude", flag=True, low=-90, high=90)
    longitude = number(checks, batch, "longitude", flag=True, low=-180, high=180)
    quality.coordinates(checks, country, latitude, longitude)
    dyad = pc.binary_join_element_wise(actor1, actor2, " - ")
    title = pc.coalesce(
        pc.binary_join_element_wise(sub_type, pc.coalesce(dyad, actor1, actor2), ": "),
        sub_type,
        pc.coalesce(dyad, actor1, actor2),
        event_type,
        pc.binary_join_element_wise("ACLED event", ids, " "),
    )
    events = {
        "event_id": prefixed("acled", ids),
        "original_id": ids,
        "title": title,
        "event_type": pc.coalesce(event_type, "unknown"),
        "sub_event_type": sub_type,
        "disorder_type": text(batch, "disorder_type"),
        "civilian_targeting": text(batch, "civilian_targeting"),
        "date_start": date,
        "date_precision": code_labels(precision, DATE_PRECISION, missing="day"),
        "date_precision_code": small_int(precision),
        "date_note": code_labels(precision, DATE_NOTE, missing=UNKNOWN_PRECISION),
        "country": country,
        "fatalities": number(checks, batch, "fatalities", flag=True, integer=True, low=0),
        **{name: text(batch, name) for name in ("admin1", "admin2", "admin3", "location")},
        "latitude": latitude,
        "longitude": longitude,
        "location_precision": small_int(
            number(checks, batch, "geo_precision", optional=True, flag=True, integer=True, low=1, high=3)
        ),
        **{name: text(batch, name) for name in ("source", "source_scale")},
        **{name: text(batch, name, trim=False) for name in ("notes", "tags")},
    }
    links = [
        (actor1, "side_a", inter1),
        (actor2, "side_b", inter2),
        (_actor_list(text(batch, "assoc_actor_1")), "associated", None),
        (_actor_list(text(batch, "assoc_actor_2")), "associated", None),
    ]
    return Mapped(events, checks, links)


def actor_kind(name: str, code: int) -> tuple[str, str]:
    """Kind from the actor-type code (1 state forces; 2-4 armed groups; others 'other')."""
    country = state_forces_country(name)
    if country:
        return "state", country
    return KIND_BY_TYPE.get(code, "other"), ""


# Columns the mapping does not use, or uses only as detail: trimmed exports may leave them out.
_OPTIONAL = frozenset(
    (
        "year disorder_type interaction civilian_targeting iso region admin3 geo_precision tags timestamp source_scale"
    ).split()
)


SPEC = ImporterSpec(
    key="acled",
    name="ACLED",
    columns=ACLED_COLUMNS,
    signature=frozenset({"event_id_cnty", "event_date", "actor1", "actor2", "sub_event_type", "inter1"}),
    id_column="event_id_cnty",
    licence=ACLED,
    map_batch=map_batch,
    actor_kind=actor_kind,
    optional=_OPTIONAL,
)
