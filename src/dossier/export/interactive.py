"""Self-contained interactive HTML: plotly.js embedded, nothing fetched."""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go

from ..safe import escape_html
from .static import for_export


def figure_html(fig: go.Figure, title: str, day: dt.date | None = None) -> bytes:
    """A standalone page that works offline: plotly.js is inlined and MathJax is off."""
    body = for_export(fig, day).to_html(
        include_plotlyjs=True,
        include_mathjax=False,
        full_html=False,
        config={"displaylogo": False, "responsive": True},
        default_width="100%",
        default_height="85vh",
    )
    page = (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape_html(title)}</title>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<style>body{font-family:'Source Sans Pro',Arial,sans-serif;margin:1.5rem}</style>"
        f"</head><body>{body}</body></html>\n"
    )
    return page.encode("utf-8")
