"""Safe output, in one place: text from data is shown as text, links only go to the web, and cells a
spreadsheet would run as formulas are neutralised. Every page, export and download goes through here."""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def escape_markdown(text: str) -> str:
    """Backslash-escape every character Streamlit's Markdown could act on.

    Escaping ``:`` stops emoji and colour shortcodes; ``$`` stops LaTeX;
    ``<`` and ``&`` stop raw HTML and entities. Newlines become hard breaks.
    """
    escaped = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    return escaped.replace("\n", "  \n")


def escape_html(text: str) -> str:
    """Text from data placed inside HTML we build (the reader, chart hovers, exported files)."""
    return html.escape(text, quote=True)


def web_url(url: object) -> str:
    """``url`` if it is a web link (http or https), else "": a javascript: or data: URL is never a link."""
    text = url.strip() if isinstance(url, str) else ""
    return text if text.lower().startswith(("https://", "http://")) else ""


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: object) -> object:
    """Prefix a quote to text a spreadsheet would run as a formula (=cmd|..., +1+1, @SUM, =HYPERLINK(…))."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
