"""Reading a file into the plain text Dossier stores: size, encoding and binary checks, then format.

Plain text is stored as it came (line endings made ``\\n``). Markdown is stripped to
text and HTML reduced to its main text by trafilatura. Either way the stored text
is what claims slice, and its SHA-256 gives the source id.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath
from urllib.parse import urlparse

from ..text import BULLET, Span
from . import markdown
from .errors import IngestError

MAX_BYTES = 5 * 1024 * 1024  # one document; uploads overall are capped by .streamlit/config.toml
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
UPLOAD_TYPES = ("txt", "md", "markdown", "html", "htm")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SIGNATURES = {
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a ZIP container (such as .docx or .xlsx)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x1f\x8b": "a gzip archive",
}
_HEADER_KEYS = {
    "title": "title",
    "headline": "title",
    "source": "source",
    "url": "url",
    "link": "url",
    "original source": "source",
    "publisher": "publisher",
    "published": "published",
    "publication date": "published",
    "date": "published",
    "date published": "published",
    "author": "author",
    "authors": "author",
    "by": "author",
    "licence": "licence",
    "license": "licence",
    "accessed": "accessed",
    "retrieved": "accessed",
}
_HEADER_LINE = re.compile(r"^[ \t]*([A-Za-z][A-Za-z ]{0,24}?)[ \t]*:[ \t]*(\S[^\n]*?)?[ \t]*$")
_SOURCE_LINE = re.compile(r"^[ \t]*Original Source:[ \t]*(\S[^\n]*?)[ \t]*$", re.IGNORECASE | re.MULTILINE)
_HTML_START = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body)", re.IGNORECASE)
_SUFFIX = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,7}")  # a file type, not "Mr. Smith" or "report.2024"
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>")
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
MAX_HTML_DEPTH = 255  # libxml2, which parses HTML for trafilatura, gives up on deeper elements


@dataclass
class Document:
    """The text to store and what the file itself says about where it came from."""

    text: str
    format: str  # text | markdown | html
    encoding: str
    title: str = ""
    publisher: str = ""
    url: str = ""
    published: dt.date | None = None
    skip: list[Span] = field(default_factory=list)  # headings, header and source lines: text, not claims
    soft_wrap: bool = False
    licence: str = ""
    author: str = ""


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} kB"


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text: UTF-8, or UTF-16/32 with a byte-order mark, or Windows-1252; else refuse."""
    if len(data) > MAX_BYTES:
        raise IngestError(f"the file is {_size(len(data))}, over the {_size(MAX_BYTES)} limit for one document")
    if not data.strip():
        raise IngestError("the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding.upper()
            except UnicodeDecodeError:
                raise IngestError(f"the file starts like {encoding.upper()} text but is not valid {encoding}") from None
    for signature, what in _SIGNATURES.items():
        if data.startswith(signature):
            raise IngestError(f"the file is binary ({what}), not text; save it as .txt, .md or .html first")
    if b"\x00" in data[:65536]:
        raise IngestError("the file is binary (it contains NUL bytes); UTF-16 text needs a byte-order mark")
    try:
        text, encoding = data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and not data[: exc.start].isascii():
            # UTF-8 throughout, then a character cut in half: decoding it all as Windows-1252 would garble it
            raise IngestError("the file ends inside a UTF-8 character, so it looks truncated; save it again") from None
        try:
            text, encoding = data.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            raise IngestError("the file is not UTF-8 or Windows-1252 text; save it as UTF-8") from None
    controls = sum(1 for c in text[:65536] if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f")
    if controls > max(2, len(text[:65536]) // 200):
        raise IngestError("the file is binary (it is full of control characters), not text")
    return text, encoding


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


_RUN_ON_END = re.compile(r"[.!?…:;][\"'”’)\]]*(?:\[[^\]\n]{1,30}\])*[ \t]*$")


def _looks_wrapped(text: str) -> bool:
    """Hard-wrapped prose: many lines, none long, most of them of similar width.

    Text extracted from a PDF is wrapped wider (120-160 columns), so width alone misses it; what gives it away
    is a line that stops mid-sentence and a next line that goes on in lower case. When at least three line
    breaks, and half of those between two non-blank lines, are such run-ons, the text is wrapped whatever its
    width. A document of one paragraph a line has no such breaks, and infobox rows seldom start in lower case.
    List items are left out of both tests: an infobox row or a bullet ("- Ideology: ...") is as long as its
    value, not the wrap width, and never runs on.
    """
    every = ["" if BULLET.match(line) else line for line in text.split("\n")]  # list items: see below
    lines = [line for line in every if line.strip()]
    if len(lines) < 4:
        return False
    if max(len(line) for line in lines) <= 100 and sum(40 <= len(line) <= 100 for line in lines) >= 0.6 * len(lines):
        return True
    pairs = [(a, b) for a, b in zip(every, every[1:]) if a.strip() and b.strip()]
    runs = sum(not _RUN_ON_END.search(a) and b.lstrip()[:1].islower() for a, b in pairs)
    return runs >= 3 and runs >= 0.5 * len(pairs)


def _source_line(text: str) -> tuple[str, str, Span | None]:
    """The trailing "Original Source: <domain or URL>" line: publisher (and URL), not a claim."""
    matches = list(_SOURCE_LINE.finditer(text))
    match = matches[-1] if matches else None
    if match is None or text[match.end() :].strip():
        return "", "", None
    value = match.group(1).strip()
    parsed = urlparse(value if "://" in value else "")
    if parsed.netloc:
        return parsed.netloc.removeprefix("www."), value, Span(match.start(), match.end())
    return value, "", Span(match.start(), match.end())


def _parse_date(value: str | None) -> dt.date | None:
    """An ISO date, or a written one ("12 March 2025", "March 12, 2025") to the day; else None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        pass
    from .dates import find_dates  # dates imports nothing from here; late to keep formats light

    for mention in find_dates(value):
        if mention.precision == "day" and not mention.relative:
            return mention.date_start
    return None


def header_block(text: str) -> tuple[dict[str, str], list[Span]]:
    """The leading ``Key: value`` lines (Title, Source, Published, ...) as metadata, and their spans.

    Only a block at the very top counts, and only when every line in it has a known
    key: "Warning: the TTP ..." in the first paragraph is a sentence, not a header.
    A short title line right above the block ("Annual Report on Terrorism" then
    "Publisher: ...") belongs to it: a document often opens with its name before its details.
    """
    meta: dict[str, str] = {}
    spans: list[Span] = []
    bare_title = False  # the title came from a line without a key, which a "Title:" line overrides
    position = 0
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        line = text[position:end]
        if not line.strip():
            if spans:
                break
            position = end + 1
            continue
        match = _HEADER_LINE.match(line)
        key = _HEADER_KEYS.get(match.group(1).strip().casefold()) if match else None
        if key is None and not spans and _TITLE_LINE.match(line) and _known_key(text, end + 1):
            meta["title"], bare_title = line.strip(), True
            spans.append(Span(position, end))
            position = end + 1
            continue
        if key is None:
            break
        if match.group(2) and (key not in meta or key == "title" and bare_title):
            meta[key] = match.group(2).strip()
            bare_title = bare_title and key != "title"
        spans.append(Span(position, end))
        position = end + 1
    return meta, spans


# A title line: short, no sentence-final stop, no "Key:" of its own
_TITLE_LINE = re.compile(r"^[ \t]*[A-Z0-9\"“][^\n:.!?]{2,100}(?<![.!?;,])[ \t]*$")


def _known_key(text: str, at: int) -> bool:
    """True when the line starting at ``at`` is a ``Key: value`` line with a known key."""
    end = text.find("\n", at)
    match = _HEADER_LINE.match(text[at : end if end >= 0 else len(text)])
    return bool(match) and match.group(1).strip().casefold() in _HEADER_KEYS


def _apply_header(doc: Document, meta: dict[str, str]) -> None:
    """Fill what the document does not already say from a header block or front matter."""
    source = meta.get("source", "")
    parsed = urlparse(source if "://" in source else "")
    url = meta.get("url") or (source if parsed.netloc else "")
    publisher = meta.get("publisher") or (parsed.netloc.removeprefix("www.") if parsed.netloc else source)
    if meta.get("title"):
        doc.title = meta["title"]
    doc.publisher = doc.publisher or publisher
    doc.url = doc.url or url
    doc.published = doc.published or _parse_date(meta.get("published"))
    doc.licence = doc.licence or meta.get("licence", "")
    doc.author = doc.author or meta.get("author", "")


def _refuse_other_types(name: str) -> None:
    suffix = PurePath(name).suffix
    if _SUFFIX.fullmatch(suffix) and suffix.lower() not in EXTENSIONS:
        hint = "; UCDP and ACLED files go through import" if suffix.lower() in (".csv", ".tsv") else ""
        raise IngestError(f"a {suffix} file is not a document ingest reads (.txt, .md or .html){hint}")


def html_depth(text: str) -> int:
    """How deep the page's elements nest, roughly (void and self-closed tags do not count)."""
    depth = deepest = 0
    for closing, tag, self_closed in _TAG.findall(text):
        if self_closed or tag.lower() in _VOID_TAGS:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def _no_main_text(html: str) -> IngestError:
    depth = html_depth(html)
    if depth > MAX_HTML_DEPTH:
        return IngestError(
            f"no main text could be extracted from this HTML page: its tags are nested {depth:,} levels deep "
            f"(the HTML parser stops at {MAX_HTML_DEPTH})"
        )
    return IngestError("no main text could be extracted from this HTML page")


def detect_format(name: str, text: str) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    return "html" if _HTML_START.match(text) else "text"


def _html_to_markdown(text: str) -> tuple[str, dict[str, str]]:
    import trafilatura  # imported late: it takes a while and plain text never needs it

    options = {"extensive_search": False, "original_date": True}  # dates from markup only, never guessed
    document = trafilatura.bare_extraction(
        text, output_format="python", with_metadata=True, include_comments=False, date_extraction_params=options
    )
    if document is None:
        return "", {}
    body = trafilatura.extract(
        text, output_format="markdown", include_comments=False, include_tables=True, date_extraction_params=options
    )
    meta = {
        "title": document.title or "",
        "publisher": document.sitename or document.hostname or "",
        "url": document.url or "",
        "date": document.date or "",
        "licence": document.license or "",
        "author": document.author or "",
    }
    return body or "", meta


def read_document(data: bytes, name: str) -> Document:
    """Decode and extract one file; raise IngestError with a one-line reason when it cannot be used."""
    raw, encoding = decode(data)
    _refuse_other_types(name)
    raw = _normalise(raw)
    fmt = detect_format(name, raw)
    stem = PurePath(name).stem or name
    if fmt == "text":
        doc = Document(raw, fmt, encoding, title=stem, soft_wrap=_looks_wrapped(raw))
        meta, spans = header_block(raw)
        doc.skip.extend(spans)
        _apply_header(doc, meta)
    else:
        meta: dict[str, str] = {}
        source = raw
        if fmt == "html":
            source, meta = _html_to_markdown(raw)
            if not source.strip():
                raise _no_main_text(raw)
        plain = markdown.to_plain(source)
        front = {_HEADER_KEYS.get(k.replace("_", " ").casefold(), k): v for k, v in plain.meta.items() if v}
        meta = {**front, **{k: v for k, v in meta.items() if v}}
        if meta.get("date"):
            meta.setdefault("published", meta["date"])
        first_heading = plain.text[plain.headings[0].start : plain.headings[0].end] if plain.headings else ""
        doc = Document(plain.text, fmt, encoding, title=first_heading or stem, skip=list(plain.headings))
        header, spans = header_block(plain.text)  # a Key: value block in Markdown without front matter
        doc.skip.extend(spans)
        _apply_header(doc, {**header, **meta})
        doc.publisher = doc.publisher or meta.get("sitename", "")
    if not doc.text.strip():
        raise IngestError("the file holds no text")
    publisher, url, line = _source_line(doc.text)
    if line:
        doc.skip.append(line)
        doc.publisher = doc.publisher or publisher
        doc.url = doc.url or url
    return doc
