"""Conventions every chart follows: a title, a filter line, a source line, readable fonts.

Exports reuse the same figure, so what the analyst sees is what leaves the screen.
"""

from __future__ import annotations

from html import escape

import pandas as pd
import plotly.graph_objects as go

from ..analysis.evidence import event_sources
from ..dataset import Dataset
from ..importers.licences import source_names

# Okabe-Ito: distinguishable with the common forms of colour blindness.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
FONT = "Source Sans Pro, Arial, sans-serif"


def source_line(sources: pd.DataFrame, extra: list[str] | tuple[str, ...] = ()) -> str:
    """'Sources: foreignpolicy.com brief; UCDP GED (CC BY 4.0)' from the sources behind a chart."""
    publishers = [f"{p} brief" for p in dict.fromkeys(sources["publisher"]) if p]
    names = publishers + [e for e in extra if e]
    return "Sources: " + ("; ".join(names) if names else "none under the current filters")


def events_source_line(view: Dataset, full: Dataset | None = None) -> str:
    """The source line under a chart of ``view``'s events: the briefs their claims quote, then each dataset
    imported, credited as its licence asks (ACLED with its access dates and filters)."""
    full = full or view
    documents = event_sources(view.events, full.event_claims, full.claims, full.sources)
    return source_line(documents, source_names(view.events, full.imports))


def finish(fig: go.Figure, title: str, subtitle: str, sources: str, height: int | None = None) -> go.Figure:
    """Apply the house layout: title with a subtitle (the filters) and a source line below the plot.

    Plotly reads text as HTML, and the filter and source lines carry data (countries, publishers),
    so both are escaped here, before they reach the figure or its exports.
    """
    subtitle, sources = escape(subtitle, quote=False), escape(sources, quote=False)
    fig.update_layout(
        title={"text": title, "subtitle": {"text": subtitle}, "x": 0, "xanchor": "left"},
        font={"family": FONT, "size": 13},
        margin={"l": 10, "r": 10, "t": 80, "b": 70},
        template="plotly_white",
        meta={"source_line": sources, "title": title, "subtitle": subtitle},
    )
    fig.add_annotation(
        text=sources,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-60,
        xanchor="left",
        yanchor="top",
        showarrow=False,
        font={"size": 11, "color": "#555"},
        align="left",
    )
    if height:
        fig.update_layout(height=height)
    return fig
