"""The timeline figure: each event in its lane, or counts per bucket with key events overlaid.

Colour and shape show the event type. A filled mark is a date stated in a source, a hollow
mark or a hatched bar a date supplied by the analyst; a pale bar is a date known only to
the month or year, a solid bar an event with a start and an end. Every event mark carries
its event id as customdata, so a click maps back to the event.
"""

from __future__ import annotations

from html import escape

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..analysis import chronology
from ..dataset import Dataset
from ..views.event_text import with_dates
from ..views.labels import LANES, MEASURES, spelled
from .common import OKABE_ITO, events_source_line, finish

COLOURS = tuple(c for c in OKABE_ITO if c != "#F0E442")  # yellow is too faint on white
SYMBOLS = ("circle", "diamond", "square", "triangle-up", "pentagon", "hexagon", "star", "triangle-down")
GREY = "#666666"
HOLLOW = "#ffffff"  # the fill of a mark whose date the analyst supplied
KEY_COLOUR = "#000000"
PERIOD_ALPHA, DURATION_ALPHA = 0.3, 0.85
TYPES_TITLE = "Event type"
ANALYST_PATTERN = "/"
DAY_MS = 86_400_000
ONE_DAY = pd.Timedelta(days=1)
LABEL_CHARS = 26
HOW_TO_READ = "How to read"
PERIOD_AXIS = {"day": DAY_MS, "week": 7 * DAY_MS, "month": "M1", "year": "M12"}
DATE_TICKS = [
    {"dtickrange": [None, DAY_MS * 27], "value": "%-d %b<br>%Y"},
    {"dtickrange": [DAY_MS * 27, "M11"], "value": "%b<br>%Y"},
    {"dtickrange": ["M12", None], "value": "%Y"},
]
KEY_TOP, KEY_STEP, KEY_LEVELS = 0.96, 0.075, 5  # key-event label rows on the hidden 0-1 axis
HEADROOM = 1.7  # the count axis reaches this multiple of the highest bar, leaving the top for key events
MAX_GUIDES = 40  # dotted guide lines from key events down to the axis, when there are few
HEIGHT = 600  # of the aggregated view
BUCKET_LENGTH = {
    "day": pd.Timedelta(days=1),
    "week": pd.Timedelta(days=7),
    "month": pd.offsets.MonthBegin(1),
    "year": pd.offsets.YearBegin(1),
}
BUCKET_HOVER = {"day": "%{x|%-d %b %Y}", "week": "week of %{x|%-d %b %Y}", "month": "%{x|%b %Y}", "year": "%{x|%Y}"}


def style_for(event_type: str, type_order: list[str]) -> tuple[str, str]:
    """(colour, symbol) of an event type; stable when the order comes from the whole dataset."""
    index = type_order.index(event_type) if event_type in type_order else len(type_order)
    return COLOURS[index % len(COLOURS)], SYMBOLS[index % len(SYMBOLS)]


def _hover(row: dict) -> str:
    lines = [
        f"<b>{escape(row['title'])}</b>",
        f"{escape(row['date_text'])} · {escape(str(row['date_precision']))} precision",
        escape(row["basis_text"].split(":")[0]),
        f"Type: {escape(spelled(str(row['event_type'])))}",
    ]
    if row["actors"]:
        lines.append(f"Actors: {escape(row['actors'])}")
    if pd.notna(row["fatalities"]):
        lines.append(f"Fatalities: {row['fatalities']:,.0f}")
    return "<br>".join(lines)


def _hovers(frame: pd.DataFrame) -> list[str]:
    return [_hover(row) for row in frame.to_dict("records")]


def _dates(values: pd.Series) -> list[str]:
    return [t.strftime("%Y-%m-%d") for t in values]


def _legend_entry(
    name: str, group: str, symbol: str = "circle", colour: str = GREY, bar: dict | None = None, fill: str | None = None
) -> dict:
    """A trace with no data that only explains a mark in the legend."""
    title = {"text": TYPES_TITLE if group == "types" else HOW_TO_READ if group == "guide" else group}
    common = {
        "x": [None],
        "y": [None],
        "name": name,
        "legendgroup": group,
        "legendgrouptitle": title,
        "hoverinfo": "skip",
    }
    if bar is not None:
        return {"type": "bar", **common, "marker": {"color": colour, **bar}}
    marker = {"symbol": symbol, "color": fill or colour, "size": 11, "line": {"color": colour, "width": 2}}
    return {"type": "scatter", **common, "mode": "markers", "marker": marker}


def _rgba(colour: str, alpha: float) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def _reading_guide(frame: pd.DataFrame, key_events: bool = False) -> list[dict]:
    """Legend entries for the encodings the figure uses, and only those."""
    marks = set(zip(frame["shape"], frame["basis"]))  # (shape, basis) pairs drawn
    points = {basis for shape, basis in marks if key_events or shape == "point"}
    symbol, what = ("star", "Key event") if key_events else ("circle", "Filled")
    entries = []
    if "source" in points:
        entries.append(_legend_entry(f"{what}: date stated in a source", "guide", symbol))
    if "analyst" in points:
        hollow = "Hollow" if not key_events else "Hollow key event"
        entries.append(_legend_entry(f"{hollow}: date supplied by the analyst", "guide", symbol, fill=HOLLOW))
    shapes = {shape for shape, _ in marks}
    if key_events:
        if shapes - {"point"}:
            entries.append(_legend_entry("Line: the period a key event is dated to", "guide", "line-ew-open"))
        return entries
    line = {"color": GREY, "width": 1.5}
    if "period" in shapes:
        pale = {"color": _rgba(GREY, PERIOD_ALPHA), "line": line}
        entries.append(_legend_entry("Pale bar: known only to the month or year", "guide", bar=pale))
    if "duration" in shapes:
        solid = {"line": line}
        entries.append(_legend_entry("Solid bar: from the start date (marked) to the end date", "guide", bar=solid))
    if ("period", "analyst") in marks or ("duration", "analyst") in marks:
        hatched = {"color": _rgba(GREY, PERIOD_ALPHA), "line": line, "pattern": _hatch(GREY)}
        entries.append(_legend_entry("Hatched bar: dates supplied by the analyst", "guide", bar=hatched))
    return entries


def _hatch(colour: str | list[str], shape: str | list[str] = ANALYST_PATTERN) -> dict:
    return {"shape": shape, "fgcolor": colour, "fgopacity": 1, "size": 7, "solidity": 0.25, "fillmode": "overlay"}


def _event_traces(frame: pd.DataFrame, type_order: list[str]) -> list[dict]:
    """Per event type: a legend entry, bars for its periods, a mark on each day or start day."""
    by_type: dict[str, list[dict]] = {}
    for row in frame.to_dict("records"):  # a few hundred rows at most: plain Python is quickest
        by_type.setdefault(str(row["event_type"]), []).append(row)
    traces = []
    for event_type, rows in by_type.items():
        colour, symbol = style_for(event_type, type_order)
        label = escape(spelled(event_type))
        traces.append(_legend_entry(label, "types", symbol, colour))
        common = {
            "legendgroup": "types",
            "showlegend": False,
            "name": label,
            "hovertemplate": "%{hovertext}<extra></extra>",
        }
        bars = [r for r in rows if r["shape"] != "point"]
        if bars:
            period = [r["shape"] == "period" for r in bars]
            pattern = [ANALYST_PATTERN if r["basis"] == "analyst" else "" for r in bars]
            traces.append(
                {
                    "type": "bar",
                    "orientation": "h",
                    "width": 0.6,
                    **common,
                    "base": [r["x0"].strftime("%Y-%m-%d") for r in bars],
                    "x": [(r["x1"] + ONE_DAY - r["x0"]) / pd.Timedelta(milliseconds=1) for r in bars],
                    "y": [r["y"] for r in bars],
                    "customdata": [r["event_id"] for r in bars],
                    "hovertext": [_hover(r) for r in bars],
                    "marker": {
                        "color": [_rgba(colour, PERIOD_ALPHA if p else DURATION_ALPHA) for p in period],
                        "line": {"color": colour, "width": 1.5},
                        "pattern": _hatch([colour if p else "#ffffff" for p in period], pattern),
                    },
                }
            )
        marked = [r for r in rows if r["shape"] != "period"]  # a day, or the first day of a start-to-end bar
        if marked:
            traces.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    **common,
                    "x": [r["x0"].strftime("%Y-%m-%d") for r in marked],
                    "y": [r["y"] for r in marked],
                    "customdata": [r["event_id"] for r in marked],
                    "hovertext": [_hover(r) for r in marked],
                    "marker": {
                        "symbol": symbol,
                        "color": [colour if r["basis"] == "source" else HOLLOW for r in marked],
                        "size": 13,
                        "line": {"color": colour, "width": 2},
                    },
                }
            )
    return traces


def _layout(height: int) -> dict:
    """Title pinned to the top and the legend right under it."""
    return {
        "title": {"yref": "container", "y": 1 - 12 / height, "yanchor": "top"},
        "legend": {
            "orientation": "h",
            "yref": "container",
            "y": 1 - 72 / height,
            "yanchor": "top",
            "x": 0,
            "traceorder": "grouped",
            "itemclick": False,
            "itemdoubleclick": False,
            "font": {"size": 12},
        },
        "hoverlabel": {"align": "left"},
        "hovermode": "closest",
        "clickmode": "event+select",
        "dragmode": "zoom",
    }


def _x_axis(title: str, **extra) -> dict:
    return {
        "type": "date",
        "title": {"text": title, "font": {"size": 13}},
        "tickformatstops": DATE_TICKS,
        "ticklabelstandoff": 4,
        **extra,
    }


def _finish(fig: go.Figure, ds: Dataset, full: Dataset | None, title: str, height: int) -> go.Figure:
    """The house title, filter line and source line (``finish`` escapes both); the source line moved below the dates."""
    finish(fig, title, ds.selection.describe(), events_source_line(ds, full), height=height)
    fig.layout.margin.update(t=100, b=118)
    fig.layout.annotations[-1].yshift = -96
    return fig


def detail_figure(
    ds: Dataset, lanes: str, type_order: list[str] | None = None, full: Dataset | None = None
) -> go.Figure:
    """One mark per event and lane; undated events are left off and counted in the axis title.

    ``full`` (the unfiltered dataset) is where the source line looks up the evidence of the events.
    """
    frame = with_dates(chronology.placed(ds, lanes))
    type_order = type_order or chronology.type_order((full or ds).events)
    extent = frame.attrs["extent"]
    undated = len(chronology.undated(ds))
    note = f"<br>{undated} undated event{'s' if undated != 1 else ''} not drawn (listed below the chart)"
    height = _height(extent)
    separator = {
        "type": "line",
        "xref": "paper",
        "x0": 0,
        "x1": 1,
        "yref": "y",
        "line": {"color": "#cccccc", "width": 1},
    }
    layout = _layout(height) | {
        "barmode": "overlay",
        "xaxis": _x_axis(f"Date{note if undated else ''}", range=_padded_range(frame), showgrid=True),
        "yaxis": {
            "range": [extent, 0],
            "showticklabels": False,
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
            "title": {"text": f"Lanes: {LANES[lanes].lower()}", "standoff": 4},
        },
        "shapes": [separator | {"y0": top, "y1": top} for _, top, _ in frame.attrs["lanes"] if top > 0],
        "annotations": [
            {
                "text": f"<b>{escape(lane)}</b>",
                "x": 0,
                "xref": "paper",
                "xanchor": "left",
                "y": name_y,
                "yref": "y",
                "showarrow": False,
                "font": {"size": 12, "color": "#333333"},
            }
            for lane, _, name_y in frame.attrs["lanes"]
        ],
    }
    fig = go.Figure(data=_event_traces(frame, type_order) + _reading_guide(frame), layout=layout)
    return _finish(fig, ds, full, "Events over time", height)


def _padded_range(frame: pd.DataFrame) -> list[str] | None:
    """The date window with a margin, so marks at its edges are not cut in half."""
    if frame.empty:
        return None
    first, last = frame.attrs["window"]
    last = last + pd.Timedelta(days=1)
    pad = max(last - first, pd.Timedelta(days=60)) * 0.04
    return [(first - pad).strftime("%Y-%m-%d"), (last + pad).strftime("%Y-%m-%d")]


def _height(extent: float) -> int:
    return int(min(2000, max(440, 330 + 28 * extent)))


# --- Aggregated view ---------------------------------------------------------------------------


def _series_colour(name: str, index: int) -> str:
    """Okabe-Ito by rank (all eight: the largest series get distinct colours); grey for the catch-alls."""
    if name in chronology.OTHER.values() or name in chronology.NO_LANE.values():
        return "#bbbbbb"
    return OKABE_ITO[index % len(OKABE_ITO)]


def _count_traces(agg: chronology.Aggregate) -> list[dict]:
    x = agg.table.index.strftime("%Y-%m-%d").tolist()
    unit = MEASURES[agg.measure].lower()
    title = {"text": LANES[agg.lanes]}
    traces = []
    for index, name in enumerate(agg.table.columns):
        colour = _series_colour(name, index)
        label = escape(spelled(name) if agg.lanes == "type" else name)
        hover = f"{BUCKET_HOVER[agg.bucket.name]}: %{{y:,.0f}} {unit}<extra>{label}</extra>"
        trace = {
            "x": x,
            "y": agg.table[name].to_numpy(),
            "name": label,
            "legendgroup": "series",
            "legendgrouptitle": title,
            "xperiod": PERIOD_AXIS[agg.bucket.name],
            "xperiodalignment": "start",
            "hovertemplate": hover,
        }
        if agg.bucket.name == "week":
            trace["xperiod0"] = "1970-01-05"  # a Monday
        if agg.stacked:
            traces.append(trace | {"type": "bar", "marker": {"color": colour, "line": {"width": 0}}})
        else:
            faint = colour == "#F0E442"  # yellow is faint as a thin line: darker and dotted
            line = {"color": "#8a7d00" if faint else colour, "width": 1.5, "dash": "dot" if faint else "solid"}
            traces.append(trace | {"type": "scatter", "mode": "lines", "line": line})
    return traces


def _key_traces(key: pd.DataFrame) -> list[dict]:
    """Key events as labelled stars on a hidden 0-1 axis above the counts, labels staggered by level."""
    if key.empty:
        return []
    y = (KEY_TOP - KEY_STEP * (key["level"] % KEY_LEVELS)).to_numpy()
    labels = [escape(t if len(t) <= LABEL_CHARS else t[: LABEL_CHARS - 1].rstrip() + "…") for t in key["title"]]
    traces = []
    spans = (key["shape"] != "point").to_numpy()
    if spans.any():
        xs, ys = [], []
        for x0, x1, level in zip(key.loc[spans, "x0"], key.loc[spans, "x1"], y[spans]):
            xs += [x0.strftime("%Y-%m-%d"), (x1 + pd.Timedelta(days=1)).strftime("%Y-%m-%d"), None]
            ys += [level, level, None]
        traces.append(
            {
                "type": "scatter",
                "x": xs,
                "y": ys,
                "mode": "lines",
                "yaxis": "y2",
                "showlegend": False,
                "hoverinfo": "skip",
                "line": {"color": KEY_COLOUR, "width": 3},
            }
        )
    fill = [KEY_COLOUR if b == "source" else HOLLOW for b in key["basis"]]
    traces.append(
        {
            "type": "scatter",
            "x": _dates(key["x"]),
            "y": y,
            "yaxis": "y2",
            "mode": "markers+text",
            "text": labels,
            "cliponaxis": False,
            "textposition": [f"middle {side}" for side in key["side"]],
            "textfont": {"size": 11},
            "customdata": key["event_id"].tolist(),
            "hovertext": _hovers(key),
            "showlegend": False,
            "name": "Key events",
            "hovertemplate": "%{hovertext}<extra>Key event</extra>",
            "marker": {"symbol": "star", "color": fill, "size": 14, "line": {"color": KEY_COLOUR, "width": 1.5}},
        }
    )
    return traces


def aggregated_figure(
    ds: Dataset,
    lanes: str,
    measure: str = "events",
    full: Dataset | None = None,
    agg: chronology.Aggregate | None = None,
) -> go.Figure:
    """Events or fatalities per day, week or month (from the span), by series; key events overlaid.

    ``agg`` is the aggregate when the caller has it already (the chart's CSV is drawn from the same one),
    so a million events are counted once per rerun, not twice.
    """
    agg = agg if agg is not None else chronology.aggregate(ds, lanes, measure)
    span = (agg.table.index.min(), agg.table.index.max() + BUCKET_LENGTH[agg.bucket.name]) if len(agg.table) else None
    key = with_dates(chronology.key_events(ds, span))
    unit, bucket = MEASURES[measure], agg.bucket.name
    by = LANES[lanes].lower()
    how = f"stacked by {by}" if agg.stacked else f"one line per {by} (top {chronology.TOP_SERIES})"
    left_out = [f"{agg.undated:,} undated"] if agg.undated else []
    if agg.too_coarse:
        left_out.append(f"{agg.too_coarse:,} dated only to the {'year' if bucket == 'month' else 'month or year'}")
    note = f"<br>Not counted: {', '.join(left_out)}" if left_out else ""
    reported = " (where reported)" if measure == "fatalities" else ""
    top = (agg.table.sum(axis=1).max() if agg.stacked else agg.table.max().max()) if agg.points else 0
    guide = {"type": "line", "yref": "paper", "y0": 0, "y1": 1, "line": {"color": "#999999", "width": 1, "dash": "dot"}}
    days = _dates(key.loc[key["shape"] == "point", "x0"]) if len(key) <= MAX_GUIDES else []
    layout = _layout(HEIGHT) | {
        "barmode": "stack",
        "bargap": 0,
        "xaxis": _x_axis(f"{bucket.capitalize()} of the event's start date{note}", range=_dates(pd.Series(span or []))),
        "yaxis": {
            "title": {"text": f"{unit} per {bucket}{reported}"},
            "range": [0, max(float(top), 1) * HEADROOM],
            "fixedrange": True,
        },
        "yaxis2": {"overlaying": "y", "range": [0, 1], "visible": False, "fixedrange": True},
        "shapes": [guide | {"x0": day, "x1": day} for day in days],
    }
    traces = _count_traces(agg) + _key_traces(key) + _reading_guide(key, key_events=True)
    fig = go.Figure(data=traces, layout=layout)
    return _finish(fig, ds, full, f"{unit} per {bucket}, {how}", HEIGHT)


def timeline_figure(
    ds: Dataset,
    lanes: str = "actor",
    measure: str = "events",
    type_order: list[str] | None = None,
    full: Dataset | None = None,
) -> go.Figure:
    """The page's figure: each event when there are few, counts per bucket when there are many.

    ``ds`` is the filtered view; ``full`` the whole dataset, where the evidence of its events is looked up.
    """
    if chronology.should_aggregate(ds, lanes):
        return aggregated_figure(ds, lanes, measure, full)
    return detail_figure(ds, lanes, type_order, full)


def point_count(fig: go.Figure) -> int:
    """Data points the browser receives: every x value of every trace (legend-only entries count 0)."""
    return sum(int(np.count_nonzero(pd.notna(pd.Series(list(t.x))))) for t in fig.data if t.x is not None)
