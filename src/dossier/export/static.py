"""Static images through kaleido, which drives the system's Chromium.

A cold kaleido call starts a browser (seconds); a persistent server answers in a
fraction of a second. The app keeps one server for all sessions.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import threading
import warnings

import plotly.graph_objects as go
import plotly.io as pio

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")
INSTALL_HINT = "PNG and SVG export needs Chromium: install it with 'apt-get install chromium' (HTML and CSV still work)"
STATIC_SIZE = {"width": 1400, "height": 800}  # for figures that do not set their own size
PNG_SCALE = 3  # e.g. 1400 px wide -> 4200 px: print quality at A4 width

_server_lock = threading.Lock()
_server_started = False


class ExportUnavailable(RuntimeError):
    """Static export cannot run here; the message says what to install."""


def chromium_path() -> str | None:
    explicit = os.environ.get("BROWSER_PATH")
    if explicit and os.path.exists(explicit):
        return explicit
    return next((path for name in CHROMIUM_CANDIDATES if (path := shutil.which(name))), None)


def ensure_server() -> None:
    """Start the shared kaleido server once; later calls are free."""
    global _server_started
    if chromium_path() is None:
        raise ExportUnavailable(INSTALL_HINT)
    with _server_lock:
        if not _server_started:
            import kaleido

            kaleido.start_sync_server(silence_warnings=True)
            _server_started = True


def stop_server() -> None:
    global _server_started
    with _server_lock:
        if _server_started:
            import kaleido

            kaleido.stop_sync_server(silence_warnings=True)
            _server_started = False


def for_export(fig: go.Figure, day: dt.date | None = None) -> go.Figure:
    """A copy of ``fig`` whose subtitle names the filters and the export date.

    The subtitle line is the one place every chart keeps free, so the stamp never
    collides with a legend or the source line.
    """
    stamped = go.Figure(fig)
    filters = stamped.layout.title.subtitle.text or "none"
    stamp = f"Exported {(day or dt.date.today()).isoformat()} from Dossier"
    label = filters if filters.startswith("Filters") else f"Filters: {filters}"
    stamped.update_layout(title_subtitle_text=f"{label} · {stamp}", margin_l=max(stamped.layout.margin.l or 0, 24))
    return stamped


def render(fig: go.Figure, fmt: str, day: dt.date | None = None) -> bytes:
    """PNG or SVG bytes of the export-stamped figure."""
    if fmt not in ("png", "svg", "pdf"):
        raise ValueError(f"unknown static format {fmt!r}")
    ensure_server()
    scale = PNG_SCALE if fmt == "png" else 1
    size = {"width": fig.layout.width or STATIC_SIZE["width"], "height": fig.layout.height or STATIC_SIZE["height"]}
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="The kopts argument is ignored")
            return pio.to_image(for_export(fig, day), format=fmt, scale=scale, **size)
    except Exception as exc:  # kaleido wraps browser failures in many types
        raise ExportUnavailable(f"static export failed: {str(exc).splitlines()[0][:200]}") from None
