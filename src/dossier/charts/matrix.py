"""Matrix figures: threat perceptions, relations between actors, event dyads.

Pure builders (frames in, ``go.Figure`` out). Cells that can be clicked are drawn as a
heatmap for the look plus one invisible square marker per cell: plotly heatmaps emit no
point selection in Streamlit, scatter points do. With ``hoverdistance=-1`` the nearest
marker answers, so a click anywhere inside a cell selects that cell.
"""

from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..analysis.perceptions import NOT_STATED
from ..schema import RELATION_KINDS, THREAT_LEVELS
from ..views.matrix_text import axis_label, level_label
from .common import OKABE_ITO, finish

# ColorBrewer Oranges, dark to light: ordered by lightness, so it reads in greyscale and
# with every common colour-vision deficiency. "Not stated" is white with a dashed outline:
# an absence of evidence, not a low level.
LEVEL_COLOURS = {
    "primary": "#7F2704",
    "high": "#D94801",
    "recognised": "#FD8D3C",
    "low": "#FDD0A2",
    NOT_STATED: "#FFFFFF",
}
DIVERGENCE_COLOUR = OKABE_ITO[0]  # blue against the oranges
KIND_COLOURS = dict(zip(RELATION_KINDS, ("#009E73", "#D55E00", "#0072B2", "#E69F00", "#56B4E9", "#CC79A7")))
DIRECTION = {True: "→", False: "↔"}
DYAD_SCALE = "Viridis_r"
AXIS_TITLE = {"standoff": 14, "font": {"size": 12, "color": "#555555"}}


def _label(actor_id: str, names: Mapping[str, str]) -> str:
    return "<br>".join(html.escape(line) for line in axis_label(actor_id, names.get(actor_id, actor_id)).split("\n"))


def _name(actor_id: str, names: Mapping[str, str]) -> str:
    return html.escape(names.get(actor_id, actor_id))


def _ink(fill: str) -> str:
    """Black or white text, whichever reads better on ``fill``."""
    red, green, blue = (int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return "#111111" if 0.299 * red + 0.587 * green + 0.114 * blue > 0.55 else "#FFFFFF"


def _wrap(text: str, width: int = 60, limit: int = 180) -> str:
    shortened = textwrap.shorten(text, limit, placeholder=" …")
    return "<br>".join(html.escape(line) for line in textwrap.wrap(shortened, width))


def _claim_lines(claim_ids: Sequence[str], claims: pd.DataFrame, most: int = 3) -> str:
    """Hover lines quoting up to ``most`` claims, each with its Admiralty grade."""
    if not len(claim_ids):
        return "No claim in the data"
    indexed = claims.set_index("claim_id")
    lines = []
    for claim_id in list(claim_ids)[:most]:
        if claim_id in indexed.index:
            row = indexed.loc[claim_id]
            lines.append(f"• “{_wrap(str(row['text']))}” ({html.escape(str(row.get('grade', '')))})")
    more = len(claim_ids) - most
    return "<br>".join(lines + ([f"… and {more} more"] if more > 0 else []))


def _legend_entry(name: str, fill: str, outline: str = "#666666", symbol: str = "square") -> go.Scatter:
    return go.Scatter(
        x=[None],
        y=[None],
        mode="markers",
        name=name,
        hoverinfo="skip",
        marker={"symbol": symbol, "size": 14, "color": fill, "line": {"color": outline, "width": 1.5}},
    )


def _hit_layer(x: list, y: list, text: list, hover: list, keys: list) -> go.Scatter:
    """The clickable, hoverable layer: one transparent square per cell.

    ``text`` rides along as data only; cell text is drawn as annotations, which a selection
    does not dim (plotly fades the text of unselected points until it is unreadable).
    """
    return go.Scatter(
        x=x,
        y=y,
        mode="markers",
        text=text,
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
        customdata=keys,
        showlegend=False,
        marker={"symbol": "square", "size": 24, "color": "rgba(0,0,0,0)"},
    )


def _cell_text(j: int, i: float, text: str, ink: str, size: int = 12) -> dict:
    return {"x": j, "y": i, "text": text, "showarrow": False, "font": {"color": ink, "size": size}}


def _box(j: int, y0: float, y1: float, half: float, **style) -> dict:
    """A rectangle over column ``j`` from ``y0`` to ``y1`` (category positions), for layout.shapes."""
    return {"type": "rect", "x0": j - half, "x1": j + half, "y0": y0, "y1": y1, **style}


def _column_labels(cols: list[str], names: Mapping[str, str]) -> tuple[list[str], int, int]:
    """Column labels, their angle and the height they take: flat for three columns or fewer, else slanted.

    Fixing the angle (instead of plotly's auto-rotation) makes the header height predictable at any width.
    """
    if len(cols) <= 3:
        labels = [_label(c, names) for c in cols]
        return labels, 0, 16 * max(label.count("<br>") + 1 for label in labels) + 6
    plain = [axis_label(c, names.get(c, c), width=16).replace("\n", " ") for c in cols]
    plain = [text if len(text) <= 16 else text[:15] + "…" for text in plain]
    return [html.escape(text) for text in plain], -45, int(max(map(len, plain)) * 7 * 0.71) + 14


def _grid_figure(
    data: list,
    shapes: list[dict],
    notes: list[dict],
    rows: list[str],
    cols: list[str],
    names: Mapping[str, str],
    axis_titles: tuple[str, str],
    title: str,
    subtitle: str,
    sources: str,
) -> go.Figure:
    """A matrix figure in the house layout, sized in pixels so that nothing overlaps at any width.

    Rows have a fixed height; columns are labelled on top; the legend sits under the plot,
    two entries a row, and the source line comes last. The layout is built as one dict:
    plotly validates every update, and a dozen small updates cost more than the data.
    """
    labels, angle, header = _column_labels(cols, names)
    entries = sum(1 for trace in data if trace.showlegend is not False and trace.x == (None,))
    legend = 22 * math.ceil(entries / 2)
    plot, top, gap = 78 * max(len(rows), 1), 66 + header + 30, 12
    bottom = gap + legend + gap + 30
    height = top + plot + bottom
    axis = {
        "type": "category",
        "categoryorder": "array",
        "tickmode": "array",
        "showgrid": False,
        "zeroline": False,
        "fixedrange": True,
    }
    layout = {
        "shapes": shapes,
        "annotations": notes,
        "width": max(420, 200 + 150 * len(cols)),
        "title": {"y": 1 - 10 / height, "yanchor": "top"},
        "xaxis": {
            **axis,
            "categoryarray": cols,
            "tickvals": cols,
            "ticktext": labels,
            "tickangle": angle,
            "side": "top",
            "title": {"text": axis_titles[1], **AXIS_TITLE},
            "range": [-0.5, len(cols) - 0.5],
        },
        "yaxis": {
            **axis,
            "categoryarray": rows,
            "tickvals": rows,
            "ticktext": [_label(r, names) for r in rows],
            "title": {"text": axis_titles[0], **AXIS_TITLE},
            "range": [len(rows) - 0.5, -0.5],
        },
        "hovermode": "closest",
        "hoverdistance": -1,
        "clickmode": "event+select",
        "dragmode": False,
        "plot_bgcolor": "#FFFFFF",
        "showlegend": entries > 0,
        "legend": {
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": -gap / plot,
            "yanchor": "top",
            "entrywidth": 0.5,
            "entrywidthmode": "fraction",
            "itemclick": False,
            "itemdoubleclick": False,
        },
    }
    fig = finish(go.Figure(data=data, layout=layout), title, subtitle=subtitle, sources=sources, height=height)
    fig.update_layout(margin={"t": top, "b": bottom, "l": 10, "r": 10})
    fig.layout.annotations[-1].yshift = -(gap + legend + gap)
    return fig


def threat_heatmap(
    cells: pd.DataFrame,
    names: Mapping[str, str],
    claims: pd.DataFrame,
    divergent: set[tuple[str, str]],
    subtitle: str,
    sources: str,
) -> go.Figure:
    """Perceivers (rows) × threats (columns), coloured by the stated threat level.

    ``cells`` comes from ``perceptions.threat_cells``; ``claims`` (claim_id, text, grade) feeds the
    hover; ``divergent`` cells get a blue outline. Each cell's customdata is [perceiver, threat].
    """
    rows, cols = list(dict.fromkeys(cells["perceiver"])), list(dict.fromkeys(cells["threat"]))
    n = len(THREAT_LEVELS)
    scale = [[stop, LEVEL_COLOURS[lvl]] for i, lvl in enumerate(THREAT_LEVELS) for stop in (i / n, (i + 1) / n)]
    z = cells.pivot(index="perceiver", columns="threat", values="rank").reindex(index=rows, columns=cols)
    heat = go.Heatmap(
        z=z.to_numpy(float),
        x=cols,
        y=rows,
        colorscale=scale,
        zmin=-0.5,
        zmax=n - 0.5,
        showscale=False,
        hoverinfo="skip",
        xgap=3,
        ygap=3,
    )
    shapes, notes, text, hover = [], [], [], []
    for row in cells.itertuples():
        i, j = rows.index(row.perceiver), cols.index(row.threat)
        if not row.stated:
            shapes.append(_box(j, i - 0.46, i + 0.46, 0.46, line={"color": "#888888", "width": 1, "dash": "dot"}))
        if (row.perceiver, row.threat) in divergent:
            shapes.append(_box(j, i - 0.47, i + 0.47, 0.47, line={"color": DIVERGENCE_COLOUR, "width": 4}))
        trend = f" ({html.escape(row.trend)})" if row.trend else ""
        text.append(level_label(row.level) + trend.replace(" (", "<br>("))
        ink = "#666666" if row.level == NOT_STATED else _ink(LEVEL_COLOURS[row.level])
        notes.append(_cell_text(j, i, text[-1], ink))
        split = "<br><b>Divergent ratings</b> across perceivers" if (row.perceiver, row.threat) in divergent else ""
        hover.append(
            f"<b>{_name(row.perceiver, names)}</b> on <b>{_name(row.threat, names)}</b><br>"
            f"Level: {level_label(row.level)}{trend}{split}<br>"
            f"{len(row.claim_ids)} claim(s):<br>{_claim_lines(row.claim_ids, claims)}"
        )
    keys = [[p, t] for p, t in zip(cells["perceiver"], cells["threat"])]
    legend = [_legend_entry(level_label(level), LEVEL_COLOURS[level]) for level in THREAT_LEVELS]
    if divergent & set(zip(cells["perceiver"], cells["threat"])):
        legend.append(_legend_entry("divergence", DIVERGENCE_COLOUR, DIVERGENCE_COLOUR, "square-open"))
    hits = _hit_layer(list(cells["threat"]), list(cells["perceiver"]), text, hover, keys)
    return _grid_figure(
        [heat, hits, *legend],
        shapes,
        notes,
        rows,
        cols,
        names,
        ("Perceiver", "Threat"),
        "Threat perceptions",
        subtitle,
        sources,
    )


def relations_matrix(
    cells: pd.DataFrame,
    rows: list[str],
    cols: list[str],
    names: Mapping[str, str],
    subtitle: str,
    sources: str,
) -> go.Figure:
    """Ties from row actor to column actor: one stripe per tie, coloured by kind, '→' directed, '↔' mutual.

    ``cells`` comes from ``ties.relation_cells``. Each cell's customdata is [source, target].
    Glyphs instead of words keep cells readable on a phone; hover and the legend name the kinds.
    """
    shapes, notes, hover = [], [], []
    for row in cells.itertuples():
        i, j = rows.index(row.source), cols.index(row.target)
        ties = list(zip(row.kinds, row.directed, row.qualifiers))
        height = 0.9 / len(ties)
        for n, (kind, directed, _) in enumerate(ties):
            y0 = i - 0.45 + n * height
            shapes.append(
                _box(
                    j,
                    y0,
                    y0 + height,
                    0.45,
                    layer="below",
                    fillcolor=KIND_COLOURS[kind],
                    line={"color": "#FFFFFF", "width": 1},
                )
            )
            notes.append(_cell_text(j, y0 + height / 2, DIRECTION[directed], _ink(KIND_COLOURS[kind]), 14))
        lines = [f"{kind} ({'directed' if d else 'mutual'}){': ' + html.escape(q) if q else ''}" for kind, d, q in ties]
        arrow = "→" if all(row.directed) else "↔" if not any(row.directed) else "→/↔"
        hover.append(
            f"<b>{_name(row.source, names)}</b> {arrow} <b>{_name(row.target, names)}</b><br>"
            f"{'<br>'.join(lines)}<br>{len(row.claim_ids)} claim(s); click for the evidence"
        )
    keys = [[s, t] for s, t in zip(cells["source"], cells["target"])]
    hits = _hit_layer(list(cells["target"]), list(cells["source"]), [""] * len(cells), hover, keys)
    present = {kind for kinds in cells["kinds"] for kind in kinds}
    legend = [_legend_entry(kind, colour, colour) for kind, colour in KIND_COLOURS.items() if kind in present]
    title = "Relations between actors: → directed, ↔ mutual"
    return _grid_figure([hits, *legend], shapes, notes, rows, cols, names, ("From", "To"), title, subtitle, sources)


def dyad_heatmap(
    grid: pd.DataFrame,
    names: Mapping[str, str],
    measure: str,
    log: bool,
    subtitle: str,
    sources: str,
) -> go.Figure:
    """Side A (rows) × side B (columns) event counts or fatalities; blank cells have no dyad.

    With ``log`` the colour follows log10(value + 1), so a few large dyads do not wash out the rest.
    """
    rows, cols = [str(r) for r in grid.index], [str(c) for c in grid.columns]
    values = grid.to_numpy(float)
    top = np.nanmax(values) if np.isfinite(values).any() else 1.0
    colour = np.log10(values + 1) if log else values
    ceiling = float(np.nanmax(colour)) if np.isfinite(colour).any() else 1.0
    ticks = sorted({0, *(10**k for k in range(int(math.log10(max(top, 1))) + 1)), int(top)}) if log else None
    heat = go.Heatmap(
        z=colour,
        x=cols,
        y=rows,
        colorscale=DYAD_SCALE,
        xgap=2,
        ygap=2,
        zmin=0,
        zmax=max(ceiling, 1e-9),
        customdata=np.dstack(
            [values, [[_name(r, names)] * len(cols) for r in rows], [[_name(c, names) for c in cols]] * len(rows)]
        )
        if rows and cols
        else None,
        text=[[f"{v:,.0f}" if np.isfinite(v) else "" for v in line] for line in values],
        texttemplate="%{text}",
        textfont={"size": 11},
        hovertemplate=f"<b>%{{customdata[1]}}</b> × <b>%{{customdata[2]}}</b><br>{measure}: %{{customdata[0]:,.0f}}"
        "<extra></extra>",
        colorbar={
            "title": {"text": measure + (" (log)" if log else ""), "side": "right"},
            "thickness": 12,
            **({"tickvals": [math.log10(t + 1) for t in ticks], "ticktext": [f"{t:,}" for t in ticks]} if log else {}),
        },
    )
    titles = ("Side A (side_a, subject)", "Side B (side_b, object)")
    fig = _grid_figure([heat], [], [], rows, cols, names, titles, f"Event dyads: {measure.lower()}", subtitle, sources)
    fig.layout.hoverdistance = 20  # plain heatmap hover: no click layer here
    return fig
