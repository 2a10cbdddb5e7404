"""The briefing pack: the whole filtered view in one self-contained file (HTML, or PDF via Chromium).

Built with Jinja2's autoescaping, so no text from the data can become markup.
"""

from __future__ import annotations

import base64
import datetime as dt
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import jinja2
import pandas as pd
from plotly.offline import get_plotlyjs

from ..charts.catalog import ChartOutput
from ..claims import with_source
from ..dataset import Dataset
from ..safe import web_url
from ..schema import CREDIBILITY, RELIABILITY
from . import static

TEMPLATE_DIR = Path(__file__).with_name("templates")


@dataclass(frozen=True)
class PackContext:
    view: Dataset
    charts: tuple[ChartOutput, ...]
    permalink: str
    generated: dt.datetime
    attributions: tuple[str, ...] = ()


def attributions(view: Dataset) -> tuple[str, ...]:
    """Licence and attribution notices for the data in ``view``: imported event sets carry their own terms."""
    imports = getattr(view, "imports", None)
    if imports is None or imports.empty or "attribution" not in imports:
        return ()
    return tuple(dict.fromkeys(str(a) for a in imports["attribution"] if str(a).strip()))


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=True, undefined=jinja2.StrictUndefined
    )


def _cited_claims(context: PackContext) -> pd.DataFrame:
    cited = list(dict.fromkeys(c for chart in context.charts for c in chart.claim_ids))
    claims = with_source(context.view.claims, context.view.sources)
    key = claims[claims["key_judgment"]]["claim_id"].tolist()
    order = list(dict.fromkeys(key + cited))
    return claims.set_index("claim_id", drop=False).loc[[c for c in order if c in set(claims["claim_id"])]]


def _sources(view: Dataset) -> list[dict]:
    counts = view.claims["source_id"].value_counts()
    rows = []
    for _, s in view.sources.iterrows():
        rows.append(
            {
                "title": s["title"],
                "publisher": s["publisher"],
                "url": web_url(s["url"]),
                "published": "" if pd.isna(s["published"]) else s["published"].date().isoformat(),
                "accessed": "" if pd.isna(s["accessed"]) else s["accessed"].date().isoformat(),
                "reliability": f"{s['reliability']}: {RELIABILITY[s['reliability']]}",
                "licence": s["licence"],
                "claims": int(counts.get(s["source_id"], 0)),
            }
        )
    return rows


def _chart_html(chart: ChartOutput, interactive: bool) -> str:
    if interactive:
        return static.for_export(chart.figure).to_html(
            include_plotlyjs=False, full_html=False, include_mathjax=False, config={"displaylogo": False}
        )
    svg = static.render(chart.figure, "svg")
    return f'<img alt="" src="data:image/svg+xml;base64,{base64.b64encode(svg).decode()}">'


def render_html(context: PackContext, interactive: bool = True) -> bytes:
    """The pack as one HTML file; ``interactive=False`` embeds static SVGs (for print and PDF)."""
    claims = _cited_claims(context)
    html = (
        _environment()
        .get_template("pack.html.j2")
        .render(
            generated=context.generated.strftime("%Y-%m-%d %H:%M UTC"),
            filters=context.view.selection.describe(),
            permalink=web_url(context.permalink),
            counts=context.view.counts(),
            charts=[
                {
                    "title": c.title,
                    "description": c.description,
                    "rows": len(c.data),
                    "body": jinja2.utils.markupsafe.Markup(_chart_html(c, interactive)),
                }
                for c in context.charts
            ],
            claims=[
                {
                    "id": r["claim_id"],
                    "text": r["text"],
                    "grade": r["grade"],
                    "meaning": r["grade_meaning"],
                    "kind": r["kind"].replace("_", " "),
                    "source": f"{r['publisher']}, “{r['source_title']}”",
                    "key": bool(r["key_judgment"]),
                }
                for _, r in claims.iterrows()
            ],
            sources=_sources(context.view),
            attributions=context.attributions,
            credibility=CREDIBILITY,
            reliability=RELIABILITY,
            plotlyjs=jinja2.utils.markupsafe.Markup(get_plotlyjs()) if interactive else "",
        )
    )
    return html.encode("utf-8")


def render_pdf(context: PackContext) -> bytes:
    """Print the static pack with headless Chromium; no JavaScript is needed to lay it out."""
    browser = static.chromium_path()
    if browser is None:
        raise static.ExportUnavailable(static.INSTALL_HINT.replace("PNG and SVG", "PDF"))
    document = render_html(context, interactive=False)
    with tempfile.TemporaryDirectory(prefix="dossier-pack-") as tmp:
        source, target = Path(tmp) / "pack.html", Path(tmp) / "pack.pdf"
        source.write_bytes(document)
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp}/profile",
            "--no-pdf-header-footer",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        result = subprocess.run(command, capture_output=True, timeout=120, check=False)
        if not target.exists() or target.stat().st_size == 0:
            raise static.ExportUnavailable(f"Chromium could not print the pack (exit {result.returncode})")
        return target.read_bytes()
