"""The shared filters, declared once in ``FILTERS``: the sidebar, the URL, the CLI, captions and masks read it.

Each ``Filter`` declares its URL name (also its session-state key and its CLI option ``--<key>``), its label
and widget, how the widget's options come from the dataset, how it describes itself, and how it masks each
table it applies to. A table missing from its ``masks`` is not touched by it.

Filters that share an ``any_of`` group combine with OR: "Pakistan and the TTP" means records involving
either, which is how analysts read it. Every other filter narrows further (AND).

Adding a filter is one declaration plus its tests:

1. Write one mask per table it restricts, ``(tables, value) -> bool array`` over that table's rows.
   Keep masks vectorised (``isin``, the integer ``_event_row`` join): no per-row Python, a million
   events must filter in well under a second.
2. Append a ``Filter(...)`` to ``FILTERS`` with its ``doc``: the exact semantics per table, and which
   tables it leaves alone.
3. Add its cases to ``tests/test_filters.py`` (``MASK_CASES``, ``URL_CASES``, the caption) and a row to
   the README's "Filters and shareable URLs" table. The convention tests then check its URL name, label,
   CLI option, description, README row and sidebar widget.

For example, a filter on events only::

    Filter(
        key="origin", arg="origins", label="Origin", noun="origins",
        widget=Choice(lambda t: sorted(t["events"]["origin"].unique()), placeholder="Any origin"),
        cli_help="event origin, e.g. ucdp (repeatable)",
        masks={"events": lambda t, origins: isin(t["events"]["origin"], origins)},
        doc="Events of a chosen origin. Claims, assessments and relations are untouched.",
    )

The sidebar, ``Selection.make``/``Dataset.filter`` keywords (``arg``), the URL, permalinks, export file
names and the export CLI pick it up from the declaration.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar
from urllib.parse import urlencode

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .safe import escape_markdown
from .schema import GROUP_KINDS, RELIABILITY

Tables = Mapping[str, pd.DataFrame]
Mask = Callable[[Tables, Any], "np.ndarray | pd.Series"]
TABLES_FILTERED = ("events", "claims", "assessments", "relations")  # the rest follow these in ``apply``


def isin(series: pd.Series, values: pd.Series | set | list | tuple) -> pd.Series:
    """``series.isin(values)``, fast for large string columns and value sets.

    pandas 3's Arrow-backed ``isin`` converts every value through a Python scalar,
    which takes seconds for a million ids; pyarrow's ``is_in`` does it natively.
    """
    if not pd.api.types.is_string_dtype(series.dtype) or isinstance(series.dtype, pd.CategoricalDtype):
        return series.isin(values)
    if isinstance(values, pd.Series):
        value_set = pa.array(values.dropna().astype(str))
    else:
        value_set = pa.array([v for v in values if isinstance(v, str)], type=pa.string())
    data = pa.array(series.astype(str))
    found = pc.is_in(data, value_set=value_set.cast(data.type)).fill_null(False)
    return pd.Series(np.asarray(found), index=series.index)


# --- Widgets: what a filter's value is, how it is offered, written in the URL and described ------------------


@dataclass(frozen=True)
class Options:
    """What a widget offers, computed once per data version: choices and help, or a date range."""

    choices: tuple[str, ...] = ()
    help: str = ""
    low: dt.date | None = None
    high: dt.date | None = None


@dataclass(frozen=True)
class Choice:
    """A multiselect of options from the dataset; the value is the tuple of chosen options (``()``: unset)."""

    choices: Callable[[Tables], list[str]]
    placeholder: str
    help: Callable[[Tables], str] | None = None
    cli_choices: tuple[str, ...] = ()  # a fixed scale the CLI can check; empty: any value
    empty: ClassVar[tuple] = ()

    def options(self, tables: Tables) -> Options:
        return Options(tuple(self.choices(tables)), self.help(tables) if self.help else "")

    def normalize(self, raw: object) -> tuple[str, ...]:
        if raw is None or isinstance(raw, str):
            return (raw,) if raw else ()
        return tuple(str(value) for value in raw)  # type: ignore[union-attr]

    def to_url(self, value: tuple[str, ...]) -> list[str]:
        return list(value)

    def text(self, value: tuple[str, ...]) -> str:
        return ", ".join(value)


def _as_timestamp(value: object) -> pd.Timestamp | None:
    if value is None or value == "" or (isinstance(value, float) and pd.isna(value)):
        return None
    return pd.Timestamp(value)


@dataclass(frozen=True)
class Date:
    """A date picker bounded by the events' dates; the value is a ``pd.Timestamp`` (``None``: unset)."""

    empty: ClassVar[None] = None

    def options(self, tables: Tables) -> Options:
        first, last = date_bounds(tables["events"])
        earliest, today = dt.date(1989, 1, 1), dt.date.today()  # UCDP GED starts in 1989
        return Options(low=min(first, earliest) if first else earliest, high=max(last, today) if last else today)

    def normalize(self, raw: object) -> pd.Timestamp | None:
        if isinstance(raw, list | tuple):  # as parsed from a URL: ?from=2025-01-01 is ["2025-01-01"]
            raw = raw[-1] if raw else None
        return _as_timestamp(raw)

    def to_url(self, value: pd.Timestamp) -> list[str]:
        return [value.date().isoformat()]

    def text(self, value: pd.Timestamp) -> str:
        return value.date().isoformat()


# --- The filter declaration ---------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Filter:
    """One shared filter. ``doc`` states its exact semantics on every table, and which it leaves alone."""

    key: str  # URL name, session-state key, CLI option --<key>, export file-name part
    arg: str  # keyword of Selection.make and Dataset.filter, e.g. "countries"
    label: str  # the widget's label
    noun: str  # how the sidebar's caption names it: "countries"
    widget: Choice | Date
    cli_help: str
    masks: Mapping[str, Mask]
    doc: str
    any_of: str = ""  # filters sharing a group combine with OR; "" narrows with AND
    describe: Callable[[Selection], str] | None = None  # default "<key>: <values>"

    @property
    def cli_option(self) -> str:
        return f"--{self.key}"

    @property
    def untouched(self) -> tuple[str, ...]:
        """The filtered tables this filter leaves alone (link tables, sources and actors follow in ``apply``)."""
        return tuple(name for name in TABLES_FILTERED if name not in self.masks)

    def description(self, selection: Selection) -> str:
        if self.describe is not None:
            return self.describe(selection)
        return f"{self.key}: {self.widget.text(selection[self.key])}"


# --- Masks --------------------------------------------------------------------------------------------------

EVENT_ROW = "_event_row"  # event_actors: position of the link's event in events (-1: none)


def event_rows(events: pd.DataFrame, event_actors: pd.DataFrame) -> np.ndarray:
    """For each event-actor link, the position of its event in ``events``.

    Joining a million links to their events by string id costs hundreds of milliseconds;
    loaded datasets carry these positions in ``_event_row`` so filters join by integer. Links put
    together from frames with and without them (a gap is NaN, the column float) are joined by id.
    """
    stored = event_actors.get(EVENT_ROW)
    if stored is not None and pd.api.types.is_integer_dtype(stored.dtype) and not stored.hasnans:
        rows = stored.to_numpy(dtype=np.int64)
        if _rows_match(events, event_actors, rows):
            return rows
    if event_actors.empty:
        return np.zeros(0, dtype=np.int64)
    found = pc.index_in(
        pa.array(event_actors["event_id"].astype(str)), value_set=pa.array(events["event_id"].astype(str))
    )
    return np.asarray(found.fill_null(-1), dtype=np.int64)


def _rows_match(events: pd.DataFrame, event_actors: pd.DataFrame, rows: np.ndarray, checks: int = 64) -> bool:
    """Do the stored positions point into this ``events`` frame? Checked on a spread sample of links.

    Callers may pass the links of a loaded dataset with a subset of its events; their positions
    then point into another frame, and the string join below must be used instead.
    """
    if not len(rows):
        return True
    if rows.max() >= len(events):
        return False
    sample = np.unique(np.linspace(0, len(rows) - 1, min(checks, len(rows))).astype(np.int64))
    sample = sample[rows[sample] >= 0]
    linked = event_actors["event_id"].iloc[sample].to_numpy(dtype=object)
    return bool((events["event_id"].iloc[rows[sample]].to_numpy(dtype=object) == linked).all())


def with_event_rows(events: pd.DataFrame, event_actors: pd.DataFrame) -> pd.DataFrame:
    """``event_actors`` with its events' positions: stored ones (imports keep them) when they point into
    ``events``, else recomputed by id."""
    return event_actors.assign(**{EVENT_ROW: event_rows(events, event_actors)})


def _follow_events(event_actors: pd.DataFrame, rows: np.ndarray, kept: np.ndarray) -> pd.DataFrame:
    """The links of kept events, their positions renumbered for the filtered events frame."""
    valid = rows >= 0
    keep = np.zeros(len(rows), dtype=bool)
    keep[valid] = kept[rows[valid]]
    links = event_actors[keep]
    if EVENT_ROW in event_actors:
        renumbered = np.cumsum(kept) - 1
        links = links.assign(**{EVENT_ROW: renumbered[rows[keep]]})
    return links


def _states_of(tables: Tables, countries: tuple[str, ...]) -> set[str]:
    """The state actors of the chosen countries: an event of Pakistan's army involves Pakistan."""
    actors = tables["actors"]
    return set(actors.loc[(actors["kind"] == "state").to_numpy(bool) & isin(actors["country"], countries), "actor_id"])


def _chosen_actors(tables: Tables, actor_ids: tuple[str, ...]) -> set[str]:
    return set(actor_ids)


def _events_involving(tables: Tables, actor_ids: set[str]) -> np.ndarray:
    """Events with any of the actors in any role, joined by integer position, not by string id."""
    events, links = tables["events"], tables["event_actors"]
    rows = event_rows(events, links)
    hit = isin(links["actor_id"], actor_ids).to_numpy(bool) & (rows >= 0)
    involved = np.zeros(len(events), dtype=bool)
    involved[rows[hit]] = True
    return involved


def _either_side(frame: pd.DataFrame, a: str, b: str, actor_ids: set[str]) -> pd.Series:
    return isin(frame[a], actor_ids) | isin(frame[b], actor_ids)


def _involving(actors_of: Callable[[Tables, tuple[str, ...]], set[str]]) -> dict[str, Mask]:
    """The masks of a filter that names actors: events they take part in, claims that mention them,
    assessments (perceiver or threat) and relations (either side) where one of them is a side."""
    return {
        "events": lambda t, v: _events_involving(t, actors_of(t, v)),
        "claims": lambda t, v: _claims_mentioning(t, actors_of(t, v)),
        "assessments": lambda t, v: _either_side(t["assessments"], "perceiver", "threat", actors_of(t, v)),
        "relations": lambda t, v: _either_side(t["relations"], "actor_a", "actor_b", actors_of(t, v)),
    }


def _claims_mentioning(tables: Tables, actor_ids: set[str]) -> pd.Series:
    claims, links = tables["claims"], tables["claim_actors"]
    return isin(claims["claim_id"], links.loc[isin(links["actor_id"], actor_ids), "claim_id"])


def _events_of_countries(tables: Tables, countries: tuple[str, ...]) -> np.ndarray:
    """Events a country's state takes part in, or located in the country (a bombing in Quetta is Pakistan's)."""
    located = isin(tables["events"]["country"], countries).to_numpy(bool)
    return _events_involving(tables, _states_of(tables, countries)) | located


def _published(tables: Tables) -> pd.Series:
    claims = tables["claims"]
    return claims["source_id"].map(tables["sources"].set_index("source_id")["published"])


def _events_ending_from(tables: Tables, start: pd.Timestamp) -> pd.Series:
    return period_end(tables["events"]) >= start  # NaT compares False: undated events cannot be shown to overlap


def _events_starting_by(tables: Tables, end: pd.Timestamp) -> pd.Series:
    return tables["events"]["date_start"] <= end


def _claims_published_from(tables: Tables, start: pd.Timestamp) -> pd.Series:
    published = _published(tables)
    return published.isna() | (published >= start)


def _claims_published_by(tables: Tables, end: pd.Timestamp) -> pd.Series:
    published = _published(tables)
    return published.isna() | (published <= end)


def _claims_graded(tables: Tables, grades: tuple[str, ...]) -> pd.Series:
    """Claims whose source carries one of the Admiralty reliability grades."""
    sources = tables["sources"]
    return isin(tables["claims"]["source_id"], sources.loc[isin(sources["reliability"], grades), "source_id"])


def _graded_claim_ids(tables: Tables, grades: tuple[str, ...]) -> pd.Series:
    return tables["claims"].loc[_claims_graded(tables, grades), "claim_id"]


def _events_graded(tables: Tables, grades: tuple[str, ...]) -> pd.Series:
    links = tables["event_claims"]
    evidenced = links.loc[isin(links["claim_id"], _graded_claim_ids(tables, grades)), "event_id"]
    return isin(tables["events"]["event_id"], evidenced)


def _citing(frame: pd.DataFrame, claim_ids: pd.Series) -> np.ndarray:
    """Rows whose ``claim_ids`` list cites at least one of ``claim_ids`` (vectorised through one explode)."""
    cited = frame["claim_ids"].reset_index(drop=True).explode().dropna()
    keep = np.zeros(len(frame), dtype=bool)
    keep[cited.index[isin(cited.astype(str), claim_ids).to_numpy(bool)]] = True
    return keep


def _assessments_graded(tables: Tables, grades: tuple[str, ...]) -> np.ndarray:
    return _citing(tables["assessments"], _graded_claim_ids(tables, grades))


def _relations_graded(tables: Tables, grades: tuple[str, ...]) -> np.ndarray:
    return _citing(tables["relations"], _graded_claim_ids(tables, grades))


# --- Options ------------------------------------------------------------------------------------------------


def _country_choices(tables: Tables) -> list[str]:
    actors, events = tables["actors"], tables["events"]
    states = actors.loc[actors["kind"] == "state", "country"]
    located = pd.Series(events["country"].unique())
    return sorted({c for c in pd.concat([states, located]) if isinstance(c, str) and c})


def _groups(tables: Tables) -> pd.DataFrame:
    actors = tables["actors"]
    return actors[actors["kind"].isin(GROUP_KINDS)].sort_values("actor_id")


def _group_choices(tables: Tables) -> list[str]:
    return list(_groups(tables)["actor_id"])  # the URL carries the option's label, so options are the actor ids


def _group_help(tables: Tables) -> str:
    groups = _groups(tables)
    named = [f"{a} · {n}" for a, n in zip(groups["actor_id"], groups["name"]) if a != n][:12]
    return "Armed groups and organisations, by short name: " + escape_markdown("; ".join(named)) if named else ""


def _type_choices(tables: Tables) -> list[str]:
    return sorted(tables["events"]["event_type"].dropna().unique())


def _reliability_help(tables: Tables) -> str:
    return "Admiralty grade of the claims' sources: " + "; ".join(f"{g} {m.lower()}" for g, m in RELIABILITY.items())


def _describe_period(selection: Selection) -> str:
    """Both ends of the range read as one part, "dates: 2025-01-01 to …", whichever is set."""
    start, end = selection["from"], selection["to"]
    return f"dates: {start.date().isoformat() if start else '…'} to {end.date().isoformat() if end else '…'}"


# --- The registry -------------------------------------------------------------------------------------------


def _quality_choices(tables: Tables) -> list[str]:
    from .importers import quality  # the flags are the importers' concept; imported here to keep filters light

    return quality.filter_choices(tables["events"])


def _quality_mask(tables: Tables, chosen: tuple[str, ...]) -> np.ndarray:
    from .importers import quality

    return quality.filter_mask(tables["events"], chosen)


def _period_bound(key: str, arg: str, label: str, events: Mask, claims: Mask, events_rule: str) -> Filter:
    """One end of the period: the From and To filters differ only in their side and their masks."""
    side = "after" if key == "from" else "before"
    return Filter(
        key=key,
        arg=arg,
        label=label,
        noun="dates",
        widget=Date(),
        cli_help="YYYY-MM-DD",
        masks={"events": events, "claims": claims},
        describe=_describe_period,
        doc=f"Events whose period {events_rule} the day (undated events are left out); claims whose source "
        f"was published on or {side} it (undated sources pass). Assessments and relations are untouched here: "
        "the matrix dates them by their claims' sources.",
    )


FILTERS: tuple[Filter, ...] = (
    Filter(
        key="country",
        arg="countries",
        label="Country",
        noun="countries",
        widget=Choice(_country_choices, placeholder="All countries"),
        cli_help="filter (repeatable)",
        masks={**_involving(_states_of), "events": _events_of_countries},
        any_of="entity",
        doc="Events a chosen country's state takes part in (any role) or located in the country; claims "
        "mentioning its state; assessments and relations where its state is a side. Touches every table.",
    ),
    Filter(
        key="group",
        arg="groups",
        label="Group",
        noun="groups",
        widget=Choice(_group_choices, placeholder="All groups and organisations", help=_group_help),
        cli_help="filter by actor id, e.g. TTP (repeatable)",
        masks=_involving(_chosen_actors),
        any_of="entity",
        doc="Events a chosen armed group or organisation (by actor id) takes part in; claims mentioning it; "
        "assessments and relations where it is a side. Touches every table.",
    ),
    _period_bound("from", "start", "From", _events_ending_from, _claims_published_from, "ends on or after"),
    _period_bound("to", "end", "To", _events_starting_by, _claims_published_by, "starts on or before"),
    Filter(
        key="type",
        arg="event_types",
        label="Event type",
        noun="types",
        widget=Choice(_type_choices, placeholder="All event types"),
        cli_help="event type (repeatable)",
        masks={"events": lambda tables, types: isin(tables["events"]["event_type"], types)},
        doc="Events of a chosen type. Claims, assessments and relations are untouched.",
    ),
    Filter(
        key="reliability",
        arg="reliabilities",
        label="Source reliability",
        noun="source reliability",
        widget=Choice(
            lambda tables: list(RELIABILITY),
            placeholder="Any source reliability",
            help=_reliability_help,
            cli_choices=tuple(RELIABILITY),
        ),
        cli_help="Admiralty source reliability A-F (repeatable)",
        masks={
            "claims": _claims_graded,
            "events": _events_graded,
            "assessments": _assessments_graded,
            "relations": _relations_graded,
        },
        doc="Admiralty source reliability (A-F). Claims whose source has a chosen grade; events evidenced by at "
        "least one such claim (events without evidencing claims, such as imported UCDP or ACLED rows, are left "
        "out); assessments and relations citing at least one such claim. Touches every table. The choices are "
        "the whole scale, so a link keeps its meaning whatever the data holds.",
    ),
    Filter(
        key="quality",
        arg="quality",
        label="Data quality",
        noun="data quality",
        widget=Choice(_quality_choices, placeholder="Any data quality"),
        cli_help="data-quality flag, e.g. best>high, 'any flag', 'no flag' (repeatable)",
        masks={"events": _quality_mask},
        doc="Imported events carrying a chosen data-quality flag (a value the source itself publishes "
        "inconsistently, e.g. best above high); 'any flag' keeps every flagged event, 'no flag' the others, "
        "curated events included. Claims, assessments and relations are untouched.",
    ),
)
BY_KEY: dict[str, Filter] = {f.key: f for f in FILTERS}
BY_ARG: dict[str, Filter] = {f.arg: f for f in FILTERS}
# The URL, export file names and the CLI list the choices first and the period last, as they always have.
PARAMETER_ORDER: tuple[Filter, ...] = tuple(sorted(FILTERS, key=lambda f: isinstance(f.widget, Date)))


def _and(words: list[str]) -> str:
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else "".join(words)


def caption() -> str:
    """The sidebar's line on how the filters combine: "Countries and groups combine with OR; dates, …"."""
    ored = list(dict.fromkeys(f.noun for f in FILTERS if f.any_of))
    anded = list(dict.fromkeys(f.noun for f in FILTERS if not f.any_of))
    text = f"{_and(ored).capitalize()} combine with OR; " if ored else ""
    return text + f"{_and(anded)} narrow further. The URL keeps the view."


# --- The selection ------------------------------------------------------------------------------------------


class Selection(Mapping[str, Any]):
    """The chosen value of each shared filter, keyed by URL name; frozen and hashable.

    ``Selection({"country": ["Pakistan"]})`` keys by URL name; ``Selection.make(countries=["Pakistan"])``
    (or ``Selection(countries=…)``) by each filter's ``arg``. An unset filter reads as its empty value
    (``()`` or ``None``) and is not ``in`` the selection; iteration yields the set filters in registry order.
    ``selection.countries`` reads the same value as ``selection["country"]``.
    """

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[str, object] | None = None, **criteria: object) -> None:
        given = dict(values or {})
        for arg, value in criteria.items():
            if arg not in BY_ARG:
                raise TypeError(f"unknown filter {arg!r}; the filters are {', '.join(BY_ARG)}")
            given[BY_ARG[arg].key] = value
        if unknown := sorted(set(given) - set(BY_KEY)):
            raise TypeError(f"unknown filter {unknown[0]!r}; the filters are {', '.join(BY_KEY)}")
        normalized = {f.key: f.widget.normalize(given.get(f.key)) for f in FILTERS}
        set_values = {key: value for key, value in normalized.items() if value is not None and value != ()}
        object.__setattr__(self, "_values", set_values)

    @classmethod
    def make(cls, **criteria: object) -> Selection:
        """``Selection.make(countries=…, groups=…, start=…, end=…, event_types=…, reliabilities=…)``."""
        return cls(**criteria)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Selection:
        """The selection given by the options ``add_cli_options`` declared."""
        return cls(**{f.arg: getattr(args, f.arg) for f in FILTERS})

    def __getitem__(self, key: str) -> Any:
        return self._values[key] if key in self._values else BY_KEY[key].widget.empty

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Selection) and self._values == other._values

    def __hash__(self) -> int:
        return hash(tuple(self._values.items()))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in BY_ARG:
            raise AttributeError(name)
        return self[BY_ARG[name].key]

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a Selection is frozen")

    def __reduce__(self) -> tuple:
        return (Selection, (dict(self._values),))

    def __repr__(self) -> str:
        return f"Selection({self._values!r})"

    @property
    def is_empty(self) -> bool:
        return not self._values

    def query_params(self) -> dict[str, list[str]]:
        """The URL scheme of the shared filters: ?country=…&group=…&type=…&reliability=…&from=…&to=…"""
        return {f.key: f.widget.to_url(self[f.key]) for f in PARAMETER_ORDER if f.key in self}

    def permalink(self, base_url: str, page: str = "") -> str:
        query = urlencode(self.query_params(), doseq=True)
        url = base_url.rstrip("/") + ("/" + page if page else "/")
        return f"{url}?{query}" if query else url

    def describe(self) -> str:
        """One line for captions and exported images: "country: Pakistan; dates: 2025-01-01 to …"."""
        parts = dict.fromkeys(f.description(self) for f in FILTERS if f.key in self)
        return "; ".join(parts) if parts else "no filters"


def add_cli_options(parser: argparse.ArgumentParser) -> None:
    """One option per filter, ``--<key>``: choices repeat, dates take YYYY-MM-DD."""
    for f in PARAMETER_ORDER:
        name = {"dest": f.arg, "metavar": f.key.upper(), "help": f.cli_help}
        if isinstance(f.widget, Date):
            parser.add_argument(f.cli_option, type=dt.date.fromisoformat, **name)
        elif f.widget.cli_choices:
            parser.add_argument(f.cli_option, action="append", default=[], choices=f.widget.cli_choices, **name)
        else:
            parser.add_argument(f.cli_option, action="append", default=[], **name)


# --- Applying a selection -----------------------------------------------------------------------------------


def table_mask(name: str, tables: Tables, selection: Selection) -> np.ndarray:
    """The rows of ``tables[name]`` that pass: OR within an ``any_of`` group, AND across everything else."""
    keep = np.ones(len(tables[name]), dtype=bool)
    alternatives: dict[str, np.ndarray] = {}
    for f in FILTERS:
        mask = f.masks.get(name)
        if mask is None or f.key not in selection:
            continue
        hit = np.asarray(mask(tables, selection[f.key]), dtype=bool)
        if f.any_of:
            alternatives[f.any_of] = alternatives[f.any_of] | hit if f.any_of in alternatives else hit
        else:
            keep &= hit
    for hit in alternatives.values():
        keep &= hit
    return keep


def event_mask(tables: Tables, selection: Selection, actor_ids: object = None) -> pd.Series:
    """Which events pass (``actor_ids`` is ignored: kept for older callers)."""
    return pd.Series(table_mask("events", tables, selection), index=tables["events"].index)


def claim_mask(tables: Tables, selection: Selection, actor_ids: object = None) -> pd.Series:
    """Which claims pass; date filters need only ``claims`` and ``sources`` (``actor_ids`` is ignored)."""
    return pd.Series(table_mask("claims", tables, selection), index=tables["claims"].index)


def apply(tables: dict[str, pd.DataFrame], selection: Selection) -> dict[str, pd.DataFrame]:
    """Return every table restricted by ``selection``; link tables, sources and actors follow their parents."""
    if selection.is_empty:
        return dict(tables)
    kept_events = table_mask("events", tables, selection)
    events = tables["events"][kept_events]
    claims = tables["claims"][table_mask("claims", tables, selection)]
    assessments = tables["assessments"][table_mask("assessments", tables, selection)]
    relations = tables["relations"][table_mask("relations", tables, selection)]
    links = tables["event_actors"]
    event_actors = _follow_events(links, event_rows(tables["events"], links), kept_events)
    evidenced = events["event_id"][isin(events["event_id"], tables["event_claims"]["event_id"])]
    event_claims = tables["event_claims"][isin(tables["event_claims"]["event_id"], evidenced)]
    claim_actors = tables["claim_actors"][isin(tables["claim_actors"]["claim_id"], claims["claim_id"])]
    sources = tables["sources"][isin(tables["sources"]["source_id"], claims["source_id"])]
    involved = pd.concat(
        [
            event_actors["actor_id"].drop_duplicates().astype(str),
            claim_actors["actor_id"].astype(str),
            assessments["perceiver"],
            assessments["threat"],
            relations["actor_a"],
            relations["actor_b"],
        ]
    )
    actors = tables["actors"][isin(tables["actors"]["actor_id"], involved)]
    return {
        **tables,
        "events": events,
        "claims": claims,
        "assessments": assessments,
        "relations": relations,
        "event_actors": event_actors,
        "event_claims": event_claims,
        "claim_actors": claim_actors,
        "sources": sources,
        "actors": actors,
    }


def period_end(events: pd.DataFrame) -> pd.Series:
    """The last day an event may fall on: its end date, else the end of its stated period.

    A month-precision event dated 2021-08 overlaps any range that touches August 2021.
    Calendar offsets are slow, so they are applied only to the rows that need them.
    """
    end = events["date_end"].copy()
    missing = end.isna().to_numpy()
    if not missing.any():
        return end
    start = events["date_start"]
    end[missing] = start[missing]
    precision = events["date_precision"]
    for name, offset in (("month", pd.offsets.MonthEnd(0)), ("year", pd.offsets.YearEnd(0))):
        rows = missing & isin(precision, [name]).to_numpy(bool)
        if rows.any():
            end[rows] = start[rows] + offset
    return end


def date_bounds(events: pd.DataFrame) -> tuple[dt.date | None, dt.date | None]:
    starts = events["date_start"].dropna()
    ends = period_end(events).dropna()
    if starts.empty:
        return None, None
    return starts.min().date(), ends.max().date()
