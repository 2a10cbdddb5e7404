"""UCDP Georeferenced Event Dataset (GED) CSV: the standard layout and the HDX variant (iso3 + HXL row)."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from . import quality
from .actors import state_forces_country
from .columns import code_labels, kept, number, prefixed, required, small_int, text
from .licences import UCDP
from .parse import parse_dates
from .spec import Checks, ImporterSpec, Mapped

UCDP_COLUMNS = tuple(
    "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,"
    "dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,"
    "number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,"
    "where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,"
    "region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,"
    "high,low,gwnoa,gwnob".split(",")
)
VIOLENCE = {1: "state-based violence", 2: "non-state violence", 3: "one-sided violence"}
# date_prec 1-3 give the day or a range of days; date_start and date_end carry the range.
DATE_PRECISION = {1: "day", 2: "day", 3: "day", 4: "month", 5: "year"}
_LONG_TEXT = ("source_article", "source_date", "source_headline", "source_original", "where_description")
DATE_NOTE = {
    c: f"UCDP GED date_prec {c} (1 is the most precise); date_start to date_end as given" for c in DATE_PRECISION
}
UNKNOWN_PRECISION = "UCDP GED date_prec missing or unreadable: shown to the day, date_start to date_end as given"


def map_batch(batch: pa.Table) -> Mapped:
    """Rows without an id or a readable date_start are rejected; every other problem is a quality flag."""
    checks = Checks(batch)
    ids = required(checks, batch, "id")
    start = checks.add("date_start", parse_dates(batch.column("date_start"))).values
    side_a, side_b = kept(checks, batch, "side_a"), kept(checks, batch, "side_b")
    country = kept(checks, batch, "country")
    violence = number(checks, batch, "type_of_violence", flag=True, integer=True, low=1, high=3)
    end = checks.keep("date_end", parse_dates(batch.column("date_end"))).values
    quality.dates(checks, start, end)
    precision = number(checks, batch, "date_prec", flag=True, integer=True, low=1, high=5)
    best = number(checks, batch, "best", flag=True, integer=True, low=0)
    low = number(checks, batch, "low", optional=True, flag=True, integer=True, low=0)
    high = number(checks, batch, "high", optional=True, flag=True, integer=True, low=0)
    quality.estimates(checks, best, low, high)
    latitude = number(checks, batch, "latitude", flag=True, low=-90, high=90)
    longitude = number(checks, batch, "longitude", flag=True, low=-180, high=180)
    quality.coordinates(checks, country, latitude, longitude)
    sides = pc.binary_join_element_wise(side_a, side_b, " - ")
    dyad = pc.coalesce(
        text(batch, "dyad_name"), sides, side_a, side_b, pc.binary_join_element_wise("UCDP event", ids, " ")
    )
    events = {
        "event_id": prefixed("ucdp", ids),
        "original_id": ids,
        "title": dyad,
        "event_type": code_labels(violence, VIOLENCE, missing="unknown"),
        "date_start": start,
        "date_end": end,
        "date_precision": code_labels(precision, DATE_PRECISION, missing="day"),
        "date_precision_code": small_int(precision),
        "date_note": code_labels(precision, DATE_NOTE, missing=UNKNOWN_PRECISION),
        "country": country,
        "fatalities": best,
        "fatalities_low": low,
        "fatalities_high": high,
        "admin1": text(batch, "adm_1"),
        "admin2": text(batch, "adm_2"),
        "location": text(batch, "where_coordinates"),
        "latitude": latitude,
        "longitude": longitude,
        "location_precision": small_int(
            number(checks, batch, "where_prec", optional=True, flag=True, integer=True, low=1, high=7)
        ),
        "conflict_name": text(batch, "conflict_name"),
        "source_office": text(batch, "source_office"),
        **{name: text(batch, name, trim=False) for name in _LONG_TEXT},
    }
    number(checks, batch, "event_clarity", optional=True, flag=True, integer=True, low=1, high=2)
    return Mapped(events, checks, [(side_a, "side_a", None), (side_b, "side_b", None)])


def actor_kind(name: str, code: int) -> tuple[str, str]:
    """UCDP spells governments 'Government of X' and targets of one-sided violence 'Civilians'."""
    if country := state_forces_country(name):
        return "state", country
    return ("other", "") if name.strip().casefold() == "civilians" else ("armed_group", "")


# Columns the mapping does not use, or uses only as detail: trimmed exports may leave them out.
_OPTIONAL = frozenset(
    (
        "relid year active_year code_status conflict_dset_id conflict_new_id dyad_dset_id dyad_new_id "
        "side_a_dset_id side_a_new_id side_b_dset_id side_b_new_id number_of_sources source_original geom_wkt "
        "priogrid_gid country_id region event_clarity deaths_a deaths_b deaths_civilians deaths_unknown gwnoa "
        "gwnob where_prec low high adm_2"
    ).split()
)


SPEC = ImporterSpec(
    key="ucdp",
    name="UCDP GED",
    columns=UCDP_COLUMNS,
    signature=frozenset({"id", "relid", "type_of_violence", "side_a", "side_b", "best", "date_prec"}),
    id_column="id",
    licence=UCDP,
    map_batch=map_batch,
    actor_kind=actor_kind,
    optional=_OPTIONAL,
)
