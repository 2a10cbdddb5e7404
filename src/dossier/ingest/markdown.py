"""Markdown to plain text, line by line, remembering where the headings are.

The plain text is what Dossier stores as the source document, so claim offsets
slice it exactly. Headings are kept as lines of their own (they are part of the
document) but are not claims. Code blocks, rules, link targets and table rulers
are dropped; paragraphs that were wrapped over several lines become one line.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field

from ..text import Span

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^\s{0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_REFERENCE = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s+\S+")
_TABLE_RULER = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_ITEM = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$")
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")

_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~\"'])")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[([^\]]*)\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_CODE = re.compile(r"(`+)(.+?)\1")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_PLACEHOLDER = "\ue000{}\ue001"


@dataclass
class PlainText:
    text: str
    headings: list[Span] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)


def inline(text: str, references: frozenset[str] = frozenset()) -> str:
    """Strip inline markup: emphasis, code, links, images, tags, escapes and entities.

    ``[text][label]`` is a link only when the document defines ``label`` (``references``, folded): as in
    CommonMark. Otherwise it is the text as written, such as Wikipedia's adjacent citation markers ``[21][22]``.
    """
    kept: list[str] = []

    def keep(value: str) -> str:
        kept.append(value)
        return _PLACEHOLDER.format(len(kept) - 1)

    text = _ESCAPE.sub(lambda m: keep(m.group(1)), text)
    text = _CODE.sub(lambda m: keep(m.group(2).strip()), text)
    text = _IMAGE.sub(lambda m: m.group(1), text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _REFERENCE_LINK.sub(
        lambda m: m.group(1) if (m.group(2) or m.group(1)).casefold() in references else m[0], text
    )
    text = _AUTOLINK.sub(lambda m: m.group(1), text)
    text = _STRONG.sub(lambda m: m.group(2), _STRONG.sub(lambda m: m.group(2), text))
    for pattern in (_STRIKE, _EM_STAR, _EM_UNDER):
        text = pattern.sub(lambda m: m.group(1), text)
    text = html.unescape(_TAG.sub("", text))
    return re.sub("\ue000(\\d+)\ue001", lambda m: kept[int(m.group(1))], text).strip()


def _front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """YAML-style front matter (``---`` ... ``---``): simple ``key: value`` pairs only."""
    if not lines or lines[0].strip() != "---":
        return {}, 0
    for end in range(1, min(len(lines), 60)):
        if lines[end].strip() in ("---", "..."):
            meta = {}
            for line in lines[1:end]:
                if match := _FRONT_KEY.match(line):
                    meta[match.group(1).lower()] = match.group(2).strip("\"'")
            return meta, end + 1
    return {}, 0


def to_plain(markdown: str) -> PlainText:
    """Convert Markdown to plain text with one paragraph, heading or list item a line."""
    lines = markdown.split("\n")
    meta, first = _front_matter(lines)
    strip = functools.partial(  # this document's reference definitions make its [text][label] links
        inline, references=frozenset(m[1].casefold() for m in map(_REFERENCE.match, lines) if m)
    )
    blocks: list[tuple[str, bool]] = []  # (text, is_heading); "" separates paragraphs
    paragraph: list[str] = []
    in_fence = ""

    def flush() -> None:
        if paragraph:
            blocks.append((" ".join(paragraph), False))
            paragraph.clear()

    for line in lines[first:]:
        if fence := _FENCE.match(line):
            marker = fence.group(1)[0]
            in_fence = "" if in_fence == marker else (in_fence or marker)
            flush()
            continue
        if in_fence:
            continue
        if paragraph and _SETEXT.match(line):
            heading = " ".join(paragraph)
            paragraph.clear()
            blocks.append((heading, True))
            continue
        if _RULE.match(line) or _REFERENCE.match(line) or _TABLE_RULER.match(line) and "-" in line:
            flush()
            continue
        line = _QUOTE.sub("", line)
        if heading := _ATX.match(line):
            flush()
            if text := strip(heading.group(2) or ""):
                blocks.append((text, True))
            continue
        if item := _ITEM.match(line):
            flush()
            marker = "-" if item.group(2) in "-*+" else item.group(2)
            if text := strip(item.group(3)):
                blocks.append((f"{marker} {text}", False))  # nested lists are flattened
            continue
        if line.strip().startswith("|"):
            flush()
            cells = [strip(c) for c in line.strip().strip("|").split("|")]
            if row := "; ".join(c for c in cells if c):
                blocks.append((row, False))
            continue
        if not line.strip():
            flush()
            continue
        if text := strip(line):
            paragraph.append(text)
    flush()

    out: list[str] = []
    headings: list[Span] = []
    position = 0
    for text, is_heading in blocks:
        if is_heading:
            headings.append(Span(position, position + len(text)))
        out.append(text)
        position += len(text) + 1
    return PlainText("\n".join(out), headings, meta)
