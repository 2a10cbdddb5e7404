"""`python -m dossier export`: any chart, the briefing pack or a STIX bundle, from the shell."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..charts.catalog import CHARTS, all_charts
from ..dataset import load_dataset
from ..filters import Selection, add_cli_options
from ..store import write_bytes_atomic
from . import static
from .files import csv_bytes
from .interactive import figure_html

CHART_FORMATS = ("png", "svg", "html", "csv")
PACK_FORMATS = ("html", "pdf")


class ExportError(Exception):
    pass


def configure(parser: argparse.ArgumentParser) -> None:
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--chart", choices=sorted(CHARTS), help="one chart")
    what.add_argument("--pack", action="store_true", help="the briefing pack of the filtered view (.html or .pdf)")
    what.add_argument("--stix", action="store_true", help="the filtered dataset as a STIX 2.1 bundle (.json)")
    parser.add_argument("--format", choices=sorted(set(CHART_FORMATS + PACK_FORMATS)), help="default: from -o")
    parser.add_argument("-o", "--output", required=True, type=Path, help="file to write")
    add_cli_options(parser)  # --country, --group, --type, --reliability, --from, --to
    parser.add_argument("--base-url", default="http://localhost:8501", help="for the pack's permalink")


def _format(args: argparse.Namespace, allowed: tuple[str, ...]) -> str:
    fmt = args.format or args.output.suffix.lstrip(".").lower()
    if fmt not in allowed:
        raise ExportError(f"choose --format from {', '.join(allowed)} (or give -o a matching extension)")
    return fmt


def _chart_bytes(args: argparse.Namespace, full, view) -> bytes:
    fmt = _format(args, CHART_FORMATS)
    chart = CHARTS[args.chart](full, view)
    if chart is None:
        raise ExportError(f"the {args.chart} chart has nothing to show under these filters")
    if fmt == "csv":
        return csv_bytes(chart.data)
    if fmt == "html":
        return figure_html(chart.figure, chart.title)
    try:
        return static.render(chart.figure, fmt)
    finally:
        static.stop_server()


def run(args: argparse.Namespace) -> int:
    from .pack import PackContext, attributions, render_html, render_pdf
    from .stix import bundle_json

    full = load_dataset()
    view = full.apply(Selection.from_args(args))
    try:
        if args.chart:
            data = _chart_bytes(args, full, view)
        elif args.stix:
            data = bundle_json(view)
        else:
            fmt = _format(args, PACK_FORMATS)
            context = PackContext(
                view,
                tuple(all_charts(full, view)),
                view.selection.permalink(args.base_url),
                dt.datetime.now(dt.UTC),
                attributions(view),
            )
            data = render_html(context) if fmt == "html" else render_pdf(context)
    except static.ExportUnavailable as exc:
        raise ExportError(str(exc)) from None
    write_bytes_atomic(args.output, data)
    print(f"wrote {args.output} ({len(data):,} bytes; {view.selection.describe()})")
    return 0
