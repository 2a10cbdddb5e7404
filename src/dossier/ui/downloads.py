"""Download buttons: every chart as PNG, SVG, HTML and CSV; the briefing pack and STIX bundle."""

from __future__ import annotations

import streamlit as st

from ..dataset import Dataset
from ..filters import Selection


def _static_image(figure, fmt: str):
    """A download callable: renders only when clicked, on the process-wide kaleido server."""

    def render() -> bytes:
        from ..export import static

        return static.render(figure, fmt)

    return render


def chart_downloads(chart, selection: Selection, key: str) -> None:
    """PNG, SVG, interactive HTML and CSV of one chart, named for what, which filters and when."""
    from ..export import static
    from ..export.files import MIME, csv_bytes, export_filename
    from ..export.interactive import figure_html

    can_render = static.chromium_path() is not None
    with st.container(horizontal=True, gap="small", key=f"export-{key}", vertical_alignment="center"):
        st.caption("Download this chart:")
        for fmt in ("png", "svg"):
            st.download_button(
                fmt.upper(),
                _static_image(chart.figure, fmt) if can_render else b"",
                file_name=export_filename(chart.name, selection, fmt),
                mime=MIME[fmt],
                on_click="ignore",
                disabled=not can_render,
                icon=":material/image:",
                key=f"{key}-{fmt}",
                help="Print-quality image with title, filters, sources and date" if can_render else static.INSTALL_HINT,
            )
        st.download_button(
            "HTML",
            lambda: figure_html(chart.figure, chart.title),
            file_name=export_filename(chart.name, selection, "html"),
            mime=MIME["html"],
            on_click="ignore",
            icon=":material/code:",
            key=f"{key}-html",
            help="Interactive chart in one file that works offline",
        )
        st.download_button(
            "CSV",
            lambda: csv_bytes(chart.data),
            file_name=export_filename(chart.name, selection, "csv"),
            mime=MIME["csv"],
            on_click="ignore",
            icon=":material/table:",
            key=f"{key}-csv",
            help=f"The {len(chart.data):,} row(s) behind this chart under the current filters",
        )
    if not can_render:
        st.caption(static.INSTALL_HINT)


def _base_url() -> str:
    try:
        url = st.context.url or ""
    except AttributeError:  # outside a browser session (AppTest)
        url = ""
    return url.split("?")[0].rsplit("/", 1)[0] if url.count("/") > 2 else "http://localhost:8501"


def pack_downloads(full: Dataset, view: Dataset) -> None:
    """The whole filtered view as a briefing pack (HTML, PDF) and as STIX 2.1 for threat-intel platforms."""
    import datetime as dt

    from ..charts.catalog import all_charts
    from ..export import static
    from ..export.files import MIME, export_filename
    from ..export.pack import PackContext, attributions, render_html, render_pdf
    from ..export.stix import bundle_json

    def context() -> PackContext:
        now = dt.datetime.now(dt.UTC)
        return PackContext(
            view, tuple(all_charts(full, view)), view.selection.permalink(_base_url()), now, attributions(view)
        )

    can_print = static.chromium_path() is not None
    selection = view.selection
    packs = (  # key, label, data (rendered when clicked), file stem, format, Material icon, help
        (
            "pack-html",
            "Briefing pack (HTML)",
            lambda: render_html(context()),
            "briefing-pack",
            "html",
            "description",
            "Every chart, the claims behind them and the sources, in one file that works offline",
        ),
        (
            "pack-pdf",
            "Briefing pack (PDF)",
            lambda: render_pdf(context()),
            "briefing-pack",
            "pdf",
            "picture_as_pdf",
            "The same pack, for print" if can_print else static.INSTALL_HINT,
        ),
        (
            "pack-stix",
            "STIX 2.1 bundle",
            lambda: bundle_json(view),
            "stix",
            "json",
            "share",
            "Actors, sources, claims, assessments and relations for OpenCTI or MISP",
        ),
    )
    with st.container(horizontal=True, gap="small", key="export-pack"):
        for key, label, data, stem, fmt, icon, about in packs:
            available = can_print or fmt != "pdf"
            st.download_button(
                label,
                data if available else b"",
                file_name=export_filename(stem, selection, fmt),
                mime=MIME[fmt],
                on_click="ignore",
                icon=f":material/{icon}:",
                type="primary" if fmt == "html" else "secondary",
                key=key,
                disabled=not available,
                help=about,
            )
