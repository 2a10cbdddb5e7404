"""Text folded for matching only, never for storage: one character in, one character out.

Writers spell the same name many ways: en and em dashes for hyphens, curly quotes,
accents, capitals. ``fold`` maps each character to one plain character, so a match
found in the folded text has the same offsets in the stored text and a claim or a
mention still slices the document verbatim.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Dashes and hyphens of every width become "-"; quotes and primes become "'" or '"'.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u00ad"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u02bc\u02bb\u0060\u00b4"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_SPACES = "\u00a0\u2002\u2003\u2009\u200a\u202f\u205f\u3000"
_REPLACEMENTS = {
    **dict.fromkeys(_DASHES, "-"),
    **dict.fromkeys(_SINGLE_QUOTES, "'"),
    **dict.fromkeys(_DOUBLE_QUOTES, '"'),
    **dict.fromkeys(_SPACES, " "),
}
_TABLE = str.maketrans(_REPLACEMENTS)

# "attacked by the group", "sanctions ... by the United Nations": an agent named after "by", searched in the
# text just before a mention. Events and stances both read agents this way, so it is declared here once.
BY_AGENT = re.compile(r"\bby\s+(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """One character, lower-cased and without its accents, or itself when that would not be one character."""
    lowered = char.lower()[:1] or char  # "İ" lowers to two characters; the first is the letter
    base = unicodedata.normalize("NFKD", lowered)[:1]
    return base if base and (base.isalnum() or not lowered.isalnum()) else lowered


def fold(text: str) -> str:
    """``text`` for matching: dashes, quotes, accents and case folded, the length unchanged."""
    text = text.translate(_TABLE)
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) if not c.isascii() or c.isupper() else c for c in text)


def punctuation(text: str) -> str:
    """Only dashes, quotes and spaces folded (case and accents kept), the length unchanged."""
    return text.translate(_TABLE)


_POSSESSIVE = re.compile(r"['’]s?$")


def strip_possessive(word: str) -> str:
    """ "Pakistan's" and "Pakistans’" lose their possessive ending."""
    return _POSSESSIVE.sub("", word)


def phrase_pattern(phrases: Iterable[str], boundary: str = r"(?![\w])") -> re.Pattern[str]:
    """One case-blind alternation of whole phrases, longest first, any run of spaces matching a space.

    Event triggers and relation cues are word lists; this keeps them lists and makes the matching one rule.
    ``boundary`` is what must not follow the phrase (event triggers also refuse a hyphen: "attack-helicopter").
    """
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w])({alternatives}){boundary}", re.IGNORECASE)
