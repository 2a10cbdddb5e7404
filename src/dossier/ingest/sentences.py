"""Which sentences are claims: every sentence of the text except headings, infobox rows and fragments.

A claim is something a source asserts, so it needs a verb and some length. A line
such as "Established In: December 2007", "BACKGROUND" or "Leaders" is part of the
document (kept in the stored text) but asserts nothing; it is never a claim.
"""

from __future__ import annotations

import re

from ..text import Span, split_sentences

_KEY_VALUE = re.compile(r"^[A-Z][\w’'()/&-]*(?:[ \t]+[\w’'()/&-]+){0,4}[ \t]*:[ \t]*\S")
_FINAL = re.compile(r"[.!?…][\"'”’)\]]*(?:\[[^\]\n]{1,30}\])*$")
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_REFERENCE = re.compile(r"^(?:\^|↑|Retrieved\b|Archived\b|ISBN\b|doi:|https?://)", re.IGNORECASE)
_CITED = re.compile(r"\b(?:Retrieved|Archived from|Accessed)\b[^.\n]{0,40}\d{4}")  # a reference-list line
_LABEL = re.compile(r"[A-Z][a-z]+(?:[ \t][A-Za-z]+){0,2}:[ \t]+(?=[A-Z\d“\"])")  # "Description: " before a sentence
_AUXILIARIES = frozenset(
    "is are was were be been being am has have had do does did will would shall should can could may might must "
    "said says say told tells led took made went came saw met fled began become became held won lost gave "
    "sent left kept fought struck hit shot threw sought brought found grew rose fell knew thought".split()
)


def _has_verb(words: list[str]) -> bool:
    """A rough test: an auxiliary or common irregular verb, or a lower-case word ending like a verb form."""
    for word in words:
        lower = word.casefold()
        if lower in _AUXILIARIES:
            return True
        if word[0].islower() and len(lower) > 4 and lower.endswith(("ed", "es", "ing")):
            return True
        if word[0].islower() and len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
            return True
    return False


def fragment_reason(text: str, span: Span) -> str:
    """Why the sentence ``text[span]`` is not a claim ("" when it is one)."""
    sentence = text[span.start : span.end]
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    whole_line = (
        not text[line_start : span.start].strip(" \t-*•+▪◦0123456789.)")
        and not text[span.end : line_end if line_end >= 0 else len(text)].strip()
    )
    words = _WORD.findall(sentence)
    final = bool(_FINAL.search(sentence))
    if _REFERENCE.match(sentence) or _CITED.search(line):
        return "reference"
    if len(words) < 3:
        return "fragment"
    if whole_line and not final and _KEY_VALUE.match(sentence):
        return "key-value line"
    if not any(w[0].islower() and len(w) > 3 for w in words):
        return "list of names"  # "Aka Pakistani Taliban; Tehreek-e-Taliban; TTP."
    letters = [c for c in sentence if c.isalpha()]
    if whole_line and letters and all(c.isupper() for c in letters):
        return "heading"
    bullet = bool(re.match(r"[ \t]*(?:[-*•+▪◦]|\d+[.)])[ \t]", text[line_start : span.start + 2]))
    if whole_line and not final and not (bullet and _has_verb(words) and len(words) >= 5):
        return "heading or caption"  # a line without final punctuation asserts nothing, unless a list item
    if not _has_verb(words) and not final:
        return "fragment"
    return ""


def claim_spans(text: str, skip: list[Span]) -> list[tuple[int, int]]:
    """Sentence spans that are claims: outside the skipped spans (header, headings) and not fragments."""
    spans = []
    for span in split_sentences(text):
        if any(span.start < s.end and span.end > s.start for s in skip):
            continue
        line_start = text.rfind("\n", 0, span.start) + 1
        if not text[line_start : span.start].strip() and (label := _LABEL.match(text, span.start, span.end)):
            span = Span(label.end(), span.end)  # "Activities: TTP has ..." claims what follows the label
        if not fragment_reason(text, span):
            spans.append((span.start, span.end))
    return spans
