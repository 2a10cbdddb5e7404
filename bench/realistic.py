"""Real-shaped UCDP GED and ACLED exports at any size, generated at bench time (never committed).

The uniform generators used to answer "how fast is the code on evenly spread data"; users bring
files shaped like the publishers' own. These reproduce that shape, which is what makes them slow:

- every column of the layout (49 for UCDP GED, 50 plus an HXL hashtag row for the HDX variant,
  31 for ACLED), with the values' real spelling (``Government of Pakistan``, ``Military Forces of
  Pakistan (2018-)``, ``TTP: Tehreek-i-Taliban Pakistan``, ``2009-05-12 00:00:00.000``);
- long free text: UCDP's source_article, source_headline, source_original and where_description,
  ACLED's notes, hundreds of characters, nearly all distinct, some with embedded newlines,
  commas, semicolons and doubled quotes (so the CSV quotes them);
- realistic cardinalities: dozens of countries with one dominant, hundreds of actors, thousands of
  locations, a Zipf-like dyad mix in which one dyad holds most events;
- dates over 1989-2025 with the surges real conflicts have, and every date precision;
- about 3% of UCDP rows with ``best`` outside ``low``-``high`` (two thirds of those with ``low``
  above ``high``), as UCDP publishes them.

Rows are generated in chunks with numpy and pyarrow, so a million take seconds and memory stays
bounded. Names are synthetic where they are not the publishers' conventions.
"""

from __future__ import annotations

import atexit
import datetime as dt
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from dossier.importers.acled import ACLED_COLUMNS
from dossier.importers.ucdp import UCDP_COLUMNS

CHUNK = 200_000
DOMINANT_COUNTRY = "Pakistan"
HDX_COLUMNS = (
    UCDP_COLUMNS[: UCDP_COLUMNS.index("country") + 1] + ("iso3",) + UCDP_COLUMNS[UCDP_COLUMNS.index("country") + 1 :]
)
INCONSISTENT_SHARE = 0.031  # Pakistan's GED country file: 200 of 6,416 rows have best outside low-high
LOW_ABOVE_HIGH_SHARE = 0.021  # 137 of 6,416 have low above high

# (country, iso3, Gleditsch-Ward number, ISO 3166 number, weight): one dominant country, then a long tail.
_COUNTRIES = [
    ("Pakistan", "PAK", 770, 586, 70.0),
    ("Afghanistan", "AFG", 700, 4, 12.0),
    ("India", "IND", 750, 356, 6.0),
    ("Iran", "IRN", 630, 364, 2.0),
    ("Bangladesh", "BGD", 771, 50, 1.2),
    ("Myanmar (Burma)", "MMR", 775, 104, 1.0),
    ("Sri Lanka", "LKA", 780, 144, 0.8),
    ("Nepal", "NPL", 790, 524, 0.6),
    ("Tajikistan", "TJK", 702, 762, 0.4),
    ("China", "CHN", 710, 156, 0.3),
] + [(f"Country {i}", f"X{i:02d}", 900 + i, 900 + i, 0.2 / (1 + i / 6)) for i in range(30)]
COUNTRY_WEIGHTS = np.array([w for *_, w in _COUNTRIES]) / sum(w for *_, w in _COUNTRIES)
_WORDS = np.array(
    (
        "militants security forces attacked police checkpoint convoy district killed injured soldiers civilians "
        "officials said explosion market mosque operation tribal elders commander suspected fighters border "
        "village clash gunmen roadside bomb targeted paramilitary frontier corps levies station claimed "
        "responsibility spokesman hospital wounded curfew raid hideout intelligence-based search area"
    ).split()
)
_OFFICES = [
    "Dawn",
    "The News International",
    "Express Tribune",
    "Agence France Presse",
    "Reuters News",
    "BBC Monitoring South Asia",
    "Associated Press",
    "Pakistan Observer",
    "Daily Times",
    "The Nation",
    "Xinhua",
    "Asian News International",
    "South Asia Terrorism Portal",
    "Business Recorder",
    "Geo News",
] + [f"Regional Daily {i}" for i in range(45)]
_ORIGINALS = [
    "police officials",
    "ISPR",
    "local officials",
    "hospital sources",
    "residents",
    "TTP spokesman",
    "district administration",
    "security officials",
    "eyewitnesses",
    "Levies officials",
]
_PLACE_KINDS = ("town", "village", "city", "district", "tehsil", "area")
_SYLLABLES = (
    "ba",
    "da",
    "ga",
    "ha",
    "ja",
    "ka",
    "la",
    "ma",
    "na",
    "pa",
    "ra",
    "sa",
    "ta",
    "wa",
    "za",
    "kh",
    "sh",
    "gul",
    "mir",
    "abad",
    "pur",
    "kot",
    "garh",
    "zai",
    "khel",
    "dara",
    "wal",
)


def _name(rng: np.random.Generator, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES, parts)).capitalize()


@dataclass(frozen=True)
class Geography:
    """Thousands of places in hundreds of districts; each place keeps its coordinates."""

    place: pa.Array  # "Mirkot village"
    adm1: pa.Array
    adm2: pa.Array
    country: np.ndarray  # index into _COUNTRIES
    lat: np.ndarray
    lon: np.ndarray
    weight: np.ndarray  # Zipf: a few cities see most events

    @classmethod
    def make(cls, rng: np.random.Generator, n_places: int = 6_000) -> Geography:
        country = rng.choice(len(_COUNTRIES), n_places, p=COUNTRY_WEIGHTS)
        provinces = [f"{_name(rng, 2)} province" for _ in range(120)]
        districts = [f"{_name(rng, 3)} district" for _ in range(600)]
        district = rng.integers(0, len(districts), n_places)
        places = [f"{_name(rng, int(rng.integers(2, 4)))} {_PLACE_KINDS[i % 6]}" for i in range(n_places)]
        places[:4] = ["Peshawar city", "Quetta city", "Miram Shah town", "Bannu town"]
        district_province = rng.integers(0, len(provinces), len(districts))
        centre = rng.uniform((24, 61), (37, 77), (len(districts), 2))
        offset = rng.normal(0, 0.15, (n_places, 2))
        return cls(
            place=pa.array(places),
            adm1=pa.array(np.asarray(provinces, dtype=object)[district_province[district]]),
            adm2=pa.array(np.asarray(districts, dtype=object)[district]),
            country=country,
            lat=np.round(centre[district, 0] + offset[:, 0], 4),
            lon=np.round(centre[district, 1] + offset[:, 1], 4),
            weight=_zipf(n_places, 1.05),
        )


def _zipf(n: int, exponent: float) -> np.ndarray:
    weights = 1.0 / np.arange(1, n + 1) ** exponent
    return weights / weights.sum()


def _skewed(n: int, top_share: float, exponent: float = 1.1) -> np.ndarray:
    """``top_share`` for the first item, the rest Zipf-distributed."""
    return np.concatenate([[top_share], (1 - top_share) * _zipf(n - 1, exponent)])


def _pool(rng: np.random.Generator, size: int, low: int, high: int, sep: str = " ") -> pa.Array:
    """``size`` random phrases of ``low``-``high`` words; rows combine several, so texts are distinct."""
    lengths = rng.integers(low, high + 1, size)
    words = _WORDS[rng.integers(0, len(_WORDS), lengths.sum())]
    cuts = np.cumsum(lengths)[:-1]
    return pa.array([sep.join(w) for w in np.split(words, cuts)])


def _take(values: pa.Array, index: np.ndarray) -> pa.Array:
    return values.take(pa.array(index))


def _join(*parts: pa.Array | str, sep: str = "") -> pa.Array:
    return pc.binary_join_element_wise(*parts, sep)


def _str(values: np.ndarray) -> pa.Array:
    return pa.array(values).cast(pa.string())


def _years(rng: np.random.Generator, n: int) -> np.ndarray:
    """Years 1989-2025 with the surges of a real conflict (2007-2015, 2021-2025)."""
    years = np.arange(1989, 2026)
    weights = 1 + 12 * ((years >= 2007) & (years <= 2015)) + 8 * (years >= 2021) + 2 * (years >= 2001)
    return rng.choice(years, n, p=weights / weights.sum())


def _starts(rng: np.random.Generator, n: int) -> np.ndarray:
    start = (_years(rng, n) - 1970).astype("datetime64[Y]").astype("datetime64[D]")
    start = start + rng.integers(0, 365, n).astype("timedelta64[D]")
    return np.minimum(start, np.datetime64("2025-12-31"))


def _with_breaks(rng: np.random.Generator, text: pa.Array, share: float) -> pa.Array:
    """Some texts carry a line break, a quoted phrase and a comma, as copied press text does."""
    hit = pa.array(rng.random(len(text)) < share)
    broken = _join(text, '\n"', _take(_pool(rng, 50, 2, 5), rng.integers(0, 50, len(text))), '", reportedly')
    return pc.if_else(hit, broken, text)


# --- UCDP GED ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class UcdpWorld:
    """Dyads (side_a, side_b, type of violence, conflict) and the actors in them."""

    side_a: pa.Array
    side_b: pa.Array
    violence: np.ndarray
    conflict: pa.Array
    conflict_id: np.ndarray
    country: np.ndarray  # index into _COUNTRIES
    weight: np.ndarray
    side_a_id: np.ndarray
    side_b_id: np.ndarray

    @classmethod
    def make(cls, rng: np.random.Generator, n_dyads: int = 900, n_groups: int = 480) -> UcdpWorld:
        groups = ["TTP", "BLA", "IS", "Lashkar-e-Jhangvi", "Jamaat-ul-Ahrar", "Lashkar-e-Islam", "BLF"]
        groups += [
            f"{p}{_name(rng, 2)}"
            for p in ("Lashkar-e-", "Jaish-e-", "Harkat-ul-", "Tehrik-e-")
            for _ in range((n_groups - len(groups)) // 4 + 1)
        ][: n_groups - len(groups)]
        n_states = len(_COUNTRIES)
        country = np.zeros(n_dyads, dtype=int)
        country[1:] = rng.choice(n_states, n_dyads - 1, p=COUNTRY_WEIGHTS)
        violence = rng.choice([1, 2, 3], n_dyads, p=[0.55, 0.25, 0.20])
        violence[0] = 1
        group_weight = _zipf(len(groups), 1.0)
        b = rng.choice(len(groups), n_dyads, p=group_weight)
        a = rng.choice(len(groups), n_dyads, p=group_weight)
        b[0] = 0  # the dominant dyad: Government of Pakistan - TTP
        state = [f"Government of {_COUNTRIES[c][0]}" for c in country]
        side_a = [state[i] if violence[i] == 1 else groups[a[i]] for i in range(n_dyads)]
        side_b = ["Civilians" if violence[i] == 3 else groups[b[i]] for i in range(n_dyads)]
        conflict = [
            f"{_COUNTRIES[c][0]}: {'Government' if v == 1 else side_b[i]}"
            for i, (c, v) in enumerate(zip(country, violence))
        ]
        names = {n: i for i, n in enumerate(dict.fromkeys(side_a + side_b))}
        return cls(
            side_a=pa.array(side_a),
            side_b=pa.array(side_b),
            violence=violence,
            conflict=pa.array(conflict),
            conflict_id=200 + pc.dictionary_encode(pa.array(conflict)).indices.to_numpy(),
            country=country,
            weight=_skewed(n_dyads, 0.55),
            side_a_id=np.array([names[n] for n in side_a]) + 100,
            side_b_id=np.array([names[n] for n in side_b]) + 100,
        )


def _ucdp_deaths(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    """best mostly small with a long tail; low <= best <= high except for the published inconsistencies."""
    best = np.where(rng.random(n) < 0.03, rng.integers(20, 300, n), rng.geometric(0.35, n) - 1)
    low = best - np.minimum(best, rng.integers(0, 3, n))
    high = best + rng.integers(0, 4, n)
    odd = rng.random(n)
    flipped = odd < LOW_ABOVE_HIGH_SHARE  # low above high: best sits above high
    above = (odd >= LOW_ABOVE_HIGH_SHARE) & (odd < INCONSISTENT_SHARE)  # best below low
    low = np.where(flipped, best, low)
    high = np.where(flipped, np.maximum(best - 1 - rng.integers(0, 2, n), 0), high)
    low = np.where(flipped & (high == best), best + 1, low)
    low = np.where(above, best + 1 + rng.integers(0, 3, n), low)
    high = np.where(above, low + rng.integers(0, 3, n), high)
    split = rng.dirichlet((1, 1, 1, 1), n)
    parts = np.floor(split * best[:, None]).astype(int)
    parts[:, 3] += best - parts.sum(axis=1)
    return {
        "best": best,
        "low": low,
        "high": high,
        "deaths_a": parts[:, 0],
        "deaths_b": parts[:, 1],
        "deaths_civilians": parts[:, 2],
        "deaths_unknown": parts[:, 3],
    }


def _period_end(start: np.ndarray, precision: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """date_end: the day, a few days later, or the end of the month or year (date_prec 4 and 5)."""
    month_end = (start.astype("datetime64[M]") + 1).astype("datetime64[D]") - 1
    year_end = (start.astype("datetime64[Y]") + 1).astype("datetime64[D]") - 1
    days = start + rng.integers(1, 7, len(start)).astype("timedelta64[D]")
    end = np.where(precision == 1, start, np.where(precision <= 3, days, np.where(precision == 4, month_end, year_end)))
    month_start = start.astype("datetime64[M]").astype("datetime64[D]")
    year_start = start.astype("datetime64[Y]").astype("datetime64[D]")
    start = np.where(precision == 4, month_start, np.where(precision == 5, year_start, start))
    return start, np.minimum(end, np.datetime64("2025-12-31"))


def _ucdp_chunk(rng: np.random.Generator, world: UcdpWorld, geo: Geography, first_id: int, n: int, hdx: bool):
    dyad = rng.choice(len(world.weight), n, p=world.weight)
    place = rng.choice(len(geo.weight), n, p=geo.weight)
    precision = rng.choice([1, 2, 3, 4, 5], n, p=[0.70, 0.10, 0.08, 0.07, 0.05])
    start, end = _period_end(_starts(rng, n), precision, rng)
    year = start.astype("datetime64[Y]").astype(int) + 1970
    sources = rng.choice([1, 2, 3, 4, 5], n, p=[0.45, 0.25, 0.15, 0.10, 0.05])
    offices, headlines = pa.array(_OFFICES), _pool(rng, 4_000, 6, 14)
    country = world.country[dyad]
    # Country files are per country; a global file mixes them: the event's country is its dyad's country.
    iso = pa.array([c[1] for c in _COUNTRIES]).take(pa.array(country))
    date_text = _str(start.astype(str))
    stamp = "" if hdx else " 00:00:00.000"
    articles, heads, office_list, dates, originals = [], [], [], [], []
    for k in range(5):  # up to five sources per event, each "Office,date,headline"
        office = _take(offices, rng.integers(0, len(_OFFICES), n))
        headline = _join(_take(headlines, rng.integers(0, 4_000, n)), " in ", _take(geo.place, place))
        article = _join(office, ",", date_text, ',"', headline, '" (', _str(rng.integers(200, 1400, n)), " words)")
        keep = pa.array(sources > k)
        empty = pa.nulls(n, pa.string())
        articles.append(pc.if_else(keep, article, empty))
        heads.append(pc.if_else(keep, headline, empty))
        office_list.append(pc.if_else(keep, office, empty))
        dates.append(pc.if_else(keep, date_text, empty))
        originals.append(pc.if_else(keep, _take(pa.array(_ORIGINALS), rng.integers(0, len(_ORIGINALS), n)), empty))

    def listed(parts: list[pa.Array]) -> pa.Array:
        return pc.binary_join_element_wise(*parts, ";", null_handling="skip")

    deaths = _ucdp_deaths(rng, n)
    ids = first_id + np.arange(n) * 3 + rng.integers(0, 3, n)
    side_a, side_b = _take(world.side_a, dyad), _take(world.side_b, dyad)
    lat = geo.lat[place] + np.round(rng.normal(0, 0.01, n), 4)
    lon = geo.lon[place] + np.round(rng.normal(0, 0.01, n), 4)
    place_name = _take(geo.place, place)
    description = _join(
        place_name,
        ", ",
        _take(geo.adm2, place),
        ", ",
        _take(geo.adm1, place),
        " (",
        _take(_pool(rng, 500, 3, 9), rng.integers(0, 500, n)),
        ")",
    )
    columns = {
        "id": _str(ids),
        "relid": _join(iso, "-", _str(year), "-", _str(world.violence[dyad]), "-", _str(ids % 100_000)),
        "year": _str(year),
        "active_year": _str((rng.random(n) < 0.9).astype(int)),
        "code_status": pa.array(np.where(rng.random(n) < 0.97, "Clear", "Check")),
        "type_of_violence": _str(world.violence[dyad]),
        "conflict_dset_id": _str(world.conflict_id[dyad]),
        "conflict_new_id": _str(world.conflict_id[dyad] + 10_000),
        "conflict_name": _take(world.conflict, dyad),
        "dyad_dset_id": _str(dyad + 400),
        "dyad_new_id": _str(dyad + 10_400),
        "dyad_name": _join(side_a, " - ", side_b),
        "side_a_dset_id": _str(world.side_a_id[dyad]),
        "side_a_new_id": _str(world.side_a_id[dyad]),
        "side_a": side_a,
        "side_b_dset_id": _str(world.side_b_id[dyad]),
        "side_b_new_id": _str(world.side_b_id[dyad]),
        "side_b": side_b,
        "number_of_sources": _str(sources),
        "source_article": _with_breaks(rng, listed(articles), 0.01),
        "source_office": listed(office_list),
        "source_date": listed(dates),
        "source_headline": _with_breaks(rng, listed(heads), 0.005),
        "source_original": listed(originals),
        "where_prec": _str(rng.choice([1, 2, 3, 4, 5, 6, 7], n, p=[0.45, 0.2, 0.15, 0.1, 0.05, 0.03, 0.02])),
        "where_coordinates": place_name,
        "where_description": _with_breaks(rng, description, 0.003),
        "adm_1": _take(geo.adm1, place),
        "adm_2": _take(geo.adm2, place),
        "latitude": _str(np.round(lat, 4)),
        "longitude": _str(np.round(lon, 4)),
        "geom_wkt": _join("POINT (", _str(np.round(lon, 4)), " ", _str(np.round(lat, 4)), ")"),
        "priogrid_gid": _str(((lat + 90) * 2).astype(int) * 720 + ((lon + 180) * 2).astype(int) + 1),
        "country": pa.array([c[0] for c in _COUNTRIES]).take(pa.array(country)),
        "iso3": iso,
        "country_id": _str(np.array([c[2] for c in _COUNTRIES])[country]),
        "region": pa.array(np.full(n, "Asia")),
        "event_clarity": _str(np.where(rng.random(n) < 0.93, 1, 2)),
        "date_prec": _str(precision),
        "date_start": _join(date_text, stamp),
        "date_end": _join(_str(end.astype(str)), stamp),
        **{name: _str(values) for name, values in deaths.items()},
        "gwnoa": _str(np.array([c[2] for c in _COUNTRIES])[country]),
        "gwnob": pa.array(np.full(n, "")),
    }
    names = HDX_COLUMNS if hdx else UCDP_COLUMNS
    return pa.table({name: columns[name] for name in names})


def ucdp_chunks(n: int, seed: int = 11, hdx: bool = False) -> Iterator[pa.Table]:
    """A UCDP GED export of ``n`` rows in chunks: the standard layout, or HDX's (with iso3)."""
    rng = np.random.default_rng(seed)
    world, geo = UcdpWorld.make(rng), Geography.make(rng)
    for first in range(0, n, CHUNK):
        size = min(CHUNK, n - first)
        yield _ucdp_chunk(rng, world, geo, 100_000 + 3 * first, size, hdx)


def hxl_row() -> str:
    """The HDX files' line 2: HXL hashtags on some columns, the others empty."""
    tags = {
        "id": "#id",
        "year": "#date+year",
        "type_of_violence": "#indicator+type",
        "conflict_name": "#event+name",
        "dyad_name": "#group+dyad",
        "side_a": "#group+name+first",
        "side_b": "#group+name+second",
        "source_article": "#meta+source",
        "adm_1": "#adm1+name",
        "adm_2": "#adm2+name",
        "latitude": "#geo+lat",
        "longitude": "#geo+lon",
        "country": "#country+name",
        "iso3": "#country+code",
        "date_start": "#date+start",
        "date_end": "#date+end",
        "best": "#affected+killed",
        "high": "#affected+killed+max",
        "low": "#affected+killed+min",
    }
    return ",".join(tags.get(c, "") for c in HDX_COLUMNS)


# --- ACLED -----------------------------------------------------------------------------------

_EVENT_TYPES = {
    "Battles": (
        "Political violence",
        ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    ),
    "Explosions/Remote violence": (
        "Political violence",
        (
            "Remote explosive/landmine/IED",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Air/drone strike",
            "Grenade",
        ),
    ),
    "Violence against civilians": (
        "Political violence",
        ("Attack", "Abduction/forced disappearance", "Sexual violence"),
    ),
    "Protests": (
        "Demonstrations",
        ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    ),
    "Riots": ("Demonstrations", ("Violent demonstration", "Mob violence")),
    "Strategic developments": (
        "Strategic developments",
        ("Arrests", "Looting/property destruction", "Change to group/activity", "Agreement", "Other"),
    ),
}
_INTER_LABELS = (
    "",
    "State forces",
    "Rebel group",
    "Political militia",
    "Identity militia",
    "Rioters",
    "Protesters",
    "Civilians",
    "External/Other forces",
)


@dataclass(frozen=True)
class AcledWorld:
    """Actor pairs with their actor types and event type; one pair holds most events."""

    actor1: pa.Array
    actor2: pa.Array
    inter1: np.ndarray
    inter2: np.ndarray
    event_type: np.ndarray  # index into _EVENT_TYPES
    country: np.ndarray
    weight: np.ndarray

    @classmethod
    def make(cls, rng: np.random.Generator, n_pairs: int = 500, n_actors: int = 360) -> AcledWorld:
        country_names = [c[0] for c in _COUNTRIES]
        named = [
            ("TTP: Tehreek-i-Taliban Pakistan", 2),
            ("BLA: Balochistan Liberation Army", 2),
            ("Islamic State (Pakistan)", 2),
            ("LeJ: Lashkar-e-Jhangvi", 3),
            ("PTI: Pakistan Tehreek-i-Insaf", 3),
        ]
        for i in range(n_actors - len(named)):
            kind = (2, 3, 4)[i % 3]
            short = _name(rng, 2).upper()[:4]
            label = {2: "Liberation Front", 3: "Party Militia", 4: "Tribal Militia"}[kind]
            named.append((f"{short}: {_name(rng, 2)} {label} ({rng.choice(country_names[:10])})", kind))
        weights = _zipf(len(named), 1.0)
        country = np.zeros(n_pairs, dtype=int)
        country[1:] = rng.choice(len(_COUNTRIES), n_pairs - 1, p=COUNTRY_WEIGHTS)
        a1, a2, i1, i2, kinds = [], [], [], [], []
        for p in range(n_pairs):
            state = country_names[country[p]]
            kind = 0 if p == 0 else int(rng.choice(6, p=[0.25, 0.2, 0.15, 0.2, 0.1, 0.1]))
            group, group_type = named[0 if p == 0 else rng.choice(len(named), p=weights)]
            forces = f"{rng.choice(['Military', 'Police'], p=[0.7, 0.3])} Forces of {state} (2018-)"
            if kind in (0, 1):  # battles, explosions: state forces against a group
                pair = (forces, 1, group, group_type)
            elif kind == 2:  # violence against civilians
                pair = (
                    rng.choice([group, f"Unidentified Armed Group ({state})"]),
                    group_type,
                    f"Civilians ({state})",
                    7,
                )
            elif kind == 3:  # protests, often with no second actor
                pair = (f"Protesters ({state})", 6, rng.choice(["", "", forces]), 0)
            elif kind == 4:
                pair = (f"Rioters ({state})", 5, rng.choice(["", f"Civilians ({state})"]), 0)
            else:
                pair = (forces, 1, group, group_type)
            first, t1, second, t2 = pair
            t2 = 0 if second == "" else (t2 or (1 if second.startswith(("Military", "Police")) else 7))
            a1.append(first), i1.append(t1), a2.append(second), i2.append(t2), kinds.append(kind)
        return cls(
            actor1=pa.array(a1),
            actor2=pa.array(a2),
            inter1=np.array(i1),
            inter2=np.array(i2),
            event_type=np.array(kinds),
            country=country,
            weight=_skewed(n_pairs, 0.5),
        )


def _acled_chunk(
    rng: np.random.Generator, world: AcledWorld, geo: Geography, first: int, n: int, text_dates: bool, text_inter: bool
) -> pa.Table:
    pair = rng.choice(len(world.weight), n, p=world.weight)
    place = rng.choice(len(geo.weight), n, p=geo.weight)
    day = _starts(rng, n)
    year = day.astype("datetime64[Y]").astype(int) + 1970
    if text_dates:  # "01 November 2024", formatted once per distinct day
        unique, inverse = np.unique(day, return_inverse=True)
        labels = pa.array([d.astype(dt.date).strftime("%d %B %Y") for d in unique])
        event_date = labels.take(pa.array(inverse))
    else:
        event_date = _str(day.astype(str))
    types = list(_EVENT_TYPES)
    type_index = world.event_type[pair]
    sub_index = rng.integers(0, 6, n)
    subs = pa.array([f"{t}|{s}" for t in types for s in (_EVENT_TYPES[t][1] * 6)[:6]])
    sub_event = pc.split_pattern(_take(subs, type_index * 6 + sub_index), "|")
    sub_event = pc.list_element(sub_event, 1)
    inter = [world.inter1[pair], world.inter2[pair]]
    labels = pa.array(_INTER_LABELS)
    inter_cols = [_take(labels, i) if text_inter else _str(i) for i in inter]
    country = world.country[pair]
    location = _take(geo.place, place)
    adm1, adm2 = _take(geo.adm1, place), _take(geo.adm2, place)
    lead, tail = _pool(rng, 3_000, 8, 20), _pool(rng, 3_000, 10, 30)
    fatalities = np.where(type_index <= 2, rng.geometric(0.4, n) - 1, 0)
    date_words = event_date if text_dates else _str(day.astype(str))
    notes = _join(
        "On ",
        date_words,
        ", ",
        _take(lead, rng.integers(0, 3_000, n)),
        " in ",
        location,
        " (",
        adm2,
        ", ",
        adm1,
        "). ",
        _take(tail, rng.integers(0, 3_000, n)),
        ". ",
        _str(fatalities),
        " fatalities reported; ",
        _take(tail, rng.integers(0, 3_000, n)),
        ".",
    )
    sources = [f"{a}; {b}" for a in _OFFICES[:20] for b in _OFFICES[:10]] + _OFFICES
    columns = {
        "event_id_cnty": _join(
            pa.array([c[1] for c in _COUNTRIES]).take(pa.array(country)), _str(first + np.arange(n) + 1)
        ),
        "event_date": event_date,
        "year": _str(year),
        "time_precision": _str(rng.choice([1, 2, 3], n, p=[0.8, 0.15, 0.05])),
        "disorder_type": pa.array([_EVENT_TYPES[t][0] for t in types]).take(pa.array(type_index)),
        "event_type": pa.array(types).take(pa.array(type_index)),
        "sub_event_type": sub_event,
        "actor1": _take(world.actor1, pair),
        "assoc_actor_1": _take(
            pa.array(
                [
                    "",
                    "",
                    "",
                    "",
                    "Labour Group (Pakistan); Students (Pakistan)",
                    "PPP: Pakistan Peoples Party",
                    "Lawyers (Pakistan)",
                ]
            ),
            rng.integers(0, 7, n),
        ),
        "inter1": inter_cols[0],
        "actor2": _take(world.actor2, pair),
        "assoc_actor_2": _take(pa.array(["", "", "", "", "", "Women (Pakistan)"]), rng.integers(0, 6, n)),
        "inter2": inter_cols[1],
        "interaction": _str(inter[0] * 10 + inter[1]),
        "civilian_targeting": pa.array(np.where(inter[1] == 7, "Civilian targeting", "")),
        "iso": _str(np.array([c[3] for c in _COUNTRIES])[country]),
        "region": pa.array(np.full(n, "Southern Asia")),
        "country": pa.array([c[0] for c in _COUNTRIES]).take(pa.array(country)),
        "admin1": adm1,
        "admin2": adm2,
        "admin3": pa.array(np.full(n, "")),
        "location": location,
        "latitude": _str(np.round(geo.lat[place], 4)),
        "longitude": _str(np.round(geo.lon[place], 4)),
        "geo_precision": _str(rng.choice([1, 2, 3], n, p=[0.7, 0.25, 0.05])),
        "source": _take(pa.array(sources), rng.integers(0, len(sources), n)),
        "source_scale": _take(
            pa.array(["National", "Subnational", "National-International", "New media", "Other"]), rng.integers(0, 5, n)
        ),
        "notes": _with_breaks(rng, notes, 0.005),
        "fatalities": _str(fatalities),
        "tags": pa.array(np.where(type_index == 3, "crowd size=no report", "")),
        "timestamp": _str(1_600_000_000 + rng.integers(0, 130_000_000, n)),
    }
    return pa.table({name: columns[name] for name in ACLED_COLUMNS})


def acled_chunks(n: int, seed: int = 12, text_dates: bool = True, text_inter: bool = False) -> Iterator[pa.Table]:
    """An ACLED export of ``n`` rows in chunks (text or ISO dates, numeric or text actor types)."""
    rng = np.random.default_rng(seed)
    world, geo = AcledWorld.make(rng), Geography.make(rng)
    for first in range(0, n, CHUNK):
        yield _acled_chunk(rng, world, geo, first, min(CHUNK, n - first), text_dates, text_inter)


def write_export(chunks: Iterator[pa.Table], path: Path, hxl: str | None = None) -> Path:
    """Write the chunks as one CSV (strings quoted as the publishers' tools do), the HXL row after the header."""
    options = pacsv.WriteOptions(quoting_style="needed", include_header=False)
    with open(path, "wb") as out:
        for i, chunk in enumerate(chunks):
            if i == 0:
                out.write((",".join(chunk.column_names) + "\n").encode())
                if hxl is not None:
                    out.write((hxl + "\n").encode())
            pacsv.write_csv(chunk, out, options)
    return path


LAYOUTS = {
    "UCDP GED standard": lambda n: write_args(ucdp_chunks(n)),
    "UCDP GED HDX (iso3 + HXL row)": lambda n: write_args(ucdp_chunks(n, seed=13, hdx=True), hxl_row()),
    "ACLED, text dates": lambda n: write_args(acled_chunks(n)),
    "ACLED, ISO dates, text actor types": lambda n: write_args(acled_chunks(n, 14, False, True)),
}


def write_args(chunks: Iterator[pa.Table], hxl: str | None = None) -> tuple[Iterator[pa.Table], str | None]:
    return chunks, hxl


def generate(layout: str, n: int, path: Path) -> Path:
    """Write ``n`` rows of ``layout`` (a key of LAYOUTS) to ``path``."""
    chunks, hxl = LAYOUTS[layout](n)
    return write_export(chunks, path, hxl)


# --- Bench-time files and data folders ---------------------------------------------------------

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"  # git-ignored; generated exports are reused while this module is unchanged


def rows() -> int:
    """Rows per generated export: $DOSSIER_BENCH_ROWS (``run.py --quick`` / ``--rows``), else 1,000,000."""
    return int(os.environ.get("DOSSIER_BENCH_ROWS", "1000000"))


def quick() -> bool:
    return os.environ.get("DOSSIER_BENCH_QUICK") == "1"


def export_file(layout: str, n: int | None = None) -> Path:
    """The generated export of ``layout`` at ``n`` rows, written once per version of this generator."""
    n = rows() if n is None else n
    digest = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:8]
    slug = "".join(c if c.isalnum() else "-" for c in layout.lower()).strip("-")
    path = CACHE / f"{slug}-{n}-{digest}.csv"
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        for stale in CACHE.glob(f"{slug}-*.csv"):
            stale.unlink()  # one file per layout on disk: they are a gigabyte each at full size
        partial = path.with_suffix(".partial")
        generate(layout, n, partial)
        partial.rename(path)
    return path


_FOLDERS: dict[int, Path] = {}


def imported_data(n: int | None = None) -> Path:
    """A copy of the bundled data with ``n`` real-shaped UCDP GED events imported (once per run)."""
    n = rows() if n is None else n
    if n not in _FOLDERS:
        from dossier.importers.run import import_file

        work = Path(tempfile.mkdtemp(prefix="dossier-bench-realistic-"))
        atexit.register(shutil.rmtree, work, ignore_errors=True)
        folder = work / "data"
        shutil.copytree(HERE.parent / "data", folder)
        result = import_file(export_file("UCDP GED standard", n), folder, good_rows=True)
        if not result.committed:
            raise RuntimeError("; ".join(result.summary()))
        _FOLDERS[n] = folder
    return _FOLDERS[n]


def minor_group(folder: Path) -> str:
    """An armed group in a few percent of the events (the dominant one, TTP, is in most)."""
    from dossier import load_dataset

    ds = load_dataset(folder)
    groups = set(ds.actors.loc[ds.actors["kind"] == "armed_group", "actor_id"])
    counts = ds.event_actors["actor_id"].astype(str).value_counts()
    return next(a for a in counts.index[5:] if a in groups)
