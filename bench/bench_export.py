"""Export: cold and warm time per format, and the briefing pack, beside a one-trace figure."""

from __future__ import annotations

import datetime as dt
import time

import plotly.graph_objects as go
from harness import Report, median_seconds

from dossier import load_dataset
from dossier.charts.catalog import all_charts, timeline_chart
from dossier.export import static
from dossier.export.files import csv_bytes
from dossier.export.interactive import figure_html
from dossier.export.pack import PackContext, render_html, render_pdf
from dossier.export.stix import bundle_json


def run(report: Report) -> None:
    full = load_dataset()
    view = full.filter(countries=["Pakistan"])
    chart = timeline_chart(full, view)
    hello = go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2]))
    static.stop_server()
    start = time.perf_counter()
    static.render(chart.figure, "png")
    report.add("export PNG, cold (starts the kaleido server)", time.perf_counter() - start, "s")
    for fmt, target in (("png", "≤ 300 ms"), ("svg", "")):
        value = median_seconds(lambda f=fmt: static.render(chart.figure, f), 5)
        baseline = median_seconds(lambda f=fmt: static.render(hello, f), 5)
        report.add(f"export {fmt.upper()}, warm: timeline", value, "s", baseline, "one-trace figure", target)
    report.add("export interactive HTML: timeline", median_seconds(lambda: figure_html(chart.figure, "t"), 5), "s",
               median_seconds(lambda: figure_html(hello, "t"), 5), "one-trace figure")  # fmt: skip
    report.add("export CSV: timeline rows", median_seconds(lambda: csv_bytes(chart.data), 20), "s",
               median_seconds(lambda: chart.data.to_csv(), 20), "DataFrame.to_csv")  # fmt: skip
    now = dt.datetime.now(dt.UTC)

    def context() -> PackContext:
        return PackContext(full, tuple(all_charts(full, full)), "http://localhost:8501/", now)

    report.add("briefing pack HTML, bundled data (all charts)", median_seconds(lambda: render_html(context()), 3),
               "s", target="≤ 3 s")  # fmt: skip
    report.add("briefing pack PDF, bundled data", median_seconds(lambda: render_pdf(context()), 2, warmup=0),
               "s", target="≤ 3 s")  # fmt: skip
    report.add("STIX 2.1 bundle, bundled data", median_seconds(lambda: bundle_json(full), 5), "s")
    static.stop_server()
