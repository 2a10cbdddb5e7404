"""The source reader: a document with its claim spans highlighted, its provenance and its claims.

The highlighted document is HTML built only from ``html.escape``d pieces of the source text: the
text is cut at every span boundary (``segment``) and each piece is escaped before it is wrapped.
No text from data is ever inserted into HTML unescaped, so ``<script>`` or Markdown shows literally.
"""

from __future__ import annotations

import hashlib
import html
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from .charts.common import OKABE_ITO
from .claims import kind_label, lists_by
from .schema import CLAIM_KINDS, RELIABILITY
from .text import split_sentences

# Okabe-Ito hues: the solid colour marks a claim's start, a light tint fills its span.
KIND_COLOURS = {
    "reported_fact": (OKABE_ITO[0], "rgba(0, 114, 178, 0.16)"),
    "judgment": (OKABE_ITO[1], "rgba(230, 159, 0, 0.22)"),
    "forecast": (OKABE_ITO[2], "rgba(0, 158, 115, 0.18)"),
}
MATCH = "\x00match"  # the span key of a search match; no claim id can contain a NUL
FOCUS_ID = "dossier-focus"
_SPAN_STYLE = "border-radius: 3px; padding: 1px 0;"
_FOCUS_STYLE = "outline: 2px solid #000; outline-offset: 1px; font-weight: 600;"
_MATCH_STYLE = "background: #F0E442; color: #000; padding: 0; border-bottom: 2px solid #000;"
_DOCUMENT_STYLE = "white-space: pre-wrap; line-height: 1.75; overflow-wrap: anywhere;"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    key: str


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    keys: tuple[str, ...]  # the spans covering this piece, in the order they were given


def segment(length: int, spans: Iterable[Span]) -> list[Segment]:
    """Cut ``[0, length)`` at every span boundary; each piece lists the spans that cover it.

    Spans may overlap, touch or cover the whole text; parts outside the text are ignored.
    """
    clipped = [(max(0, s.start), min(length, s.end), s.key) for s in spans]
    clipped = [c for c in clipped if c[0] < c[1]]
    opening, closing = defaultdict(list), defaultdict(list)
    for order, (start, end, _) in enumerate(clipped):
        opening[start].append(order)
        closing[end].append(order)
    cuts = sorted({0, length, *opening, *closing})
    active: set[int] = set()
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        active.difference_update(closing[start])
        active.update(opening[start])
        pieces.append(Segment(start, end, tuple(clipped[i][2] for i in sorted(active))))
    return pieces


def _claim_spans(claims: pd.DataFrame, offset: int = 0) -> list[Span]:
    return [
        Span(int(s) - offset, int(e) - offset, c) for c, s, e in zip(claims["claim_id"], claims["start"], claims["end"])
    ]


def highlight_html(
    text: str,
    claims: pd.DataFrame,
    focus: str | None = None,
    matches: Iterable[tuple[int, int]] = (),
    offset: int = 0,
    before: str = "",
    after: str = "",
) -> str:
    """``text`` as HTML: claim spans tinted by kind with their ids on hover, search matches marked.

    ``claims`` needs claim_id, start, end and kind (the grade is shown on hover when present);
    offsets are into the full document and ``offset`` is where ``text`` starts in it. The first
    piece of the ``focus`` claim carries the id ``FOCUS_ID`` so that the page can bring it into view.
    ``before`` and ``after`` are plain text put around it (escaped too).
    """
    spans = _claim_spans(claims, offset)
    length_of = {s.key: s.end - s.start for s in spans}
    grades = claims["grade"] if "grade" in claims else pd.Series("", index=claims.index)
    about = {
        c: " · ".join(v for v in (kind_label(k), g) if v) for c, k, g in zip(claims["claim_id"], claims["kind"], grades)
    }
    kind_of = dict(zip(claims["claim_id"], claims["kind"]))
    started: set[str] = set()
    parts = [html.escape(before)]
    for piece in segment(len(text), spans + [Span(s - offset, e - offset, MATCH) for s, e in matches]):
        body = html.escape(text[piece.start : piece.end])
        if MATCH in piece.keys:
            body = f'<mark style="{_MATCH_STYLE}">{body}</mark>'
        covering = [k for k in piece.keys if k != MATCH]
        if covering:
            parts.append(_claim_piece(body, covering, length_of, about, kind_of, focus, started))
        else:
            parts.append(body)
    parts.append(html.escape(after))
    return f'<div class="dossier-document" style="{_DOCUMENT_STYLE}">' + "".join(parts) + "</div>"


def _claim_piece(body, covering, length_of, about, kind_of, focus, started) -> str:
    innermost = min(covering, key=lambda k: length_of[k])
    solid, tint = KIND_COLOURS.get(kind_of[innermost], ("#555", "rgba(0, 0, 0, 0.08)"))
    style = f"background: {tint}; {_SPAN_STYLE}"
    new = [k for k in covering if k not in started]
    if new:
        style += f" border-left: 3px solid {solid}; padding-left: 2px;"
    attributes = ""
    if focus in covering:
        style += f" {_FOCUS_STYLE}"
        if focus in new:
            attributes = f' id="{FOCUS_ID}"'
    started.update(new)
    title = "\n".join(f"{k} · {about[k]}" for k in covering)
    keys = " ".join(covering)
    return (
        f'<span class="dossier-claim"{attributes} data-claims="{html.escape(keys)}" '
        f'title="{html.escape(title)}" style="{style}">{body}</span>'
    )


def legend_html(focus: bool = False, matches: bool = False) -> str:
    """The kind colours (and the marks for an opened claim and search matches), as a static legend."""
    items = [
        f'<span style="background: {tint}; border-left: 3px solid {solid}; padding: 1px 6px; border-radius: 3px;">'
        f"{kind_label(kind)}</span>"
        for kind, (solid, tint) in KIND_COLOURS.items()
        if kind in CLAIM_KINDS
    ]
    if focus:
        items.append(f'<span style="{_FOCUS_STYLE} padding: 1px 4px;">opened claim</span>')
    if matches:
        items.append(f'<mark style="{_MATCH_STYLE}">search match</mark>')
    return '<div style="display: flex; flex-wrap: wrap; gap: 10px; font-size: 0.9rem;">' + "".join(items) + "</div>"


def scroll_script(focus: str) -> str:
    """A fixed script that scrolls ``#dossier-focus`` into view; only a digest of the claim id goes in.

    The digest changes the HTML when the focus changes, so the script runs again for a new claim
    and not on every rerun.
    """
    token = hashlib.sha256(focus.encode()).hexdigest()[:16]
    return (
        f"<script>/* {token} */(() => {{ let tries = 0; const go = () => {{"
        f" const el = document.getElementById('{FOCUS_ID}');"
        " if (el) { el.scrollIntoView({block: 'center', behavior: 'instant'}); }"
        " else if (tries++ < 50) { setTimeout(go, 100); } }; go(); })();</script>"
    )


def context_bounds(text: str, start: int, end: int, sentences: int = 1) -> tuple[int, int]:
    """``[start, end)`` widened by up to ``sentences`` whole sentences on each side."""
    spans = split_sentences(text)
    before = [s for s in spans if s.end <= start][-sentences:] if sentences else []
    after = [s for s in spans if s.start >= end][:sentences] if sentences else []
    return (before[0].start if before else start, after[-1].end if after else end)


def context_html(document: str, claim: pd.Series, matches: Iterable[tuple[int, int]] = (), sentences: int = 1) -> str:
    """The claim with the sentences around it, its span marked; ``matches`` are offsets into the claim's text."""
    start, end = int(claim["start"]), int(claim["end"])
    left, right = context_bounds(document, start, end, sentences)
    frame = pd.DataFrame([claim])[[c for c in ("claim_id", "start", "end", "kind", "grade") if c in claim.index]]
    shifted = [(start + a, start + b) for a, b in matches]
    return highlight_html(
        document[left:right],
        frame,
        matches=shifted,
        offset=left,
        before="… " if left > 0 else "",
        after=" …" if right < len(document) else "",
    )


def source_list(sources: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Every source with its provenance and the number of claims taken from it."""
    counts = claims.groupby("source_id").size()
    listed = sources.drop(columns=["text"], errors="ignore").copy()
    listed["claims"] = listed["source_id"].map(counts).fillna(0).astype(int)
    listed["reliability_label"] = [f"{r} · {RELIABILITY.get(r, '')}" for r in listed["reliability"]]
    return listed.reset_index(drop=True)


@dataclass(frozen=True)
class Request:
    """What the reader should show: a source, maybe one claim in it, and any problem with the URL."""

    source: pd.Series | None
    claims: pd.DataFrame  # the source's claims (with grades when given graded claims)
    focus: pd.Series | None = None
    problem: str = ""


def resolve(
    claims: pd.DataFrame, sources: pd.DataFrame, listed: pd.DataFrame, claim_id=None, source_id=None
) -> Request:
    """Pick the document for ``?claim=`` (its source), else ``?source=``, else the first listed source."""
    problem = ""
    wanted = None
    if claim_id:
        hit = claims[claims["claim_id"] == claim_id]
        if hit.empty:
            problem = f"There is no claim {claim_id} in this dataset."
        else:
            wanted = hit.iloc[0]["source_id"]
    if wanted is None and source_id:
        if (sources["source_id"] == source_id).any():
            wanted = source_id
        else:
            problem = f"There is no source {source_id} in this dataset."
    if wanted is None and not listed.empty:
        wanted = listed.iloc[0]["source_id"]
    if wanted is None:
        return Request(None, claims.iloc[0:0], None, problem)
    source = sources[sources["source_id"] == wanted].iloc[0]
    own = claims[claims["source_id"] == wanted].sort_values("start")
    focus = own[own["claim_id"] == claim_id]
    return Request(source, own, focus.iloc[0] if not focus.empty else None, problem)


def provenance_line(source: pd.Series) -> str:
    """Publisher, reliability, dates, licence and checksum of a source, as one plain-text line."""
    published, accessed = source["published"], source["accessed"]
    parts = [
        source["publisher"],
        f"reliability {source['reliability']} ({RELIABILITY.get(source['reliability'], 'unknown')})",
        f"published {published:%Y-%m-%d}" if pd.notna(published) else "publication date not stated",
        f"accessed {accessed:%Y-%m-%d}" if pd.notna(accessed) else "access date not recorded",
        f"licence: {source['licence']}" if source["licence"] else "licence not recorded",
        f"{source['path']}, SHA-256 {source['sha256'][:12]}…",
    ]
    return " · ".join(parts)


def claim_rows(claims: pd.DataFrame, citing: pd.DataFrame) -> pd.DataFrame:
    """A source's claims in document order, with their kind spelled out and what cites each."""
    rows = claims.sort_values("start").reset_index(drop=True)
    rows["kind"] = rows["kind"].map(kind_label)
    rows["cited_by"] = lists_by(rows["claim_id"], citing["claim_id"], citing["label"])
    return rows


def row_selection(ids: pd.Series, chosen: str | None) -> dict | None:
    """A dataframe's default selection: the row whose id is ``chosen``, if it is there."""
    positions = [i for i, value in enumerate(ids) if value == chosen]
    return {"selection": {"rows": positions[:1], "columns": []}} if positions else None
