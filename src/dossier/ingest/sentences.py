"""Which sentences are claims: every sentence of the text except headings, infobox rows and fragments.

A claim is something a source asserts, so it needs a verb and some length. A line
such as "Established In: December 2007", "BACKGROUND" or "Leaders" is part of the
document (kept in the stored text) but asserts nothing; it is never a claim.
"""

from __future__ import annotations

import bisect
import re

from ..text import Span, split_sentences

_KEY_VALUE = re.compile(r"^[A-Z][\w’'()/&-]*(?:[ \t]+[\w’'()/&-]+){0,4}[ \t]*:[ \t]*\S")
_FINAL = re.compile(r"[.!?…][\"'”’)\]]*(?:\[[^\]\n]{1,30}\])*$")
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_REFERENCE = re.compile(r"^(?:\^|↑|Retrieved\b|Archived\b|ISBN\b|doi:|https?://)", re.IGNORECASE)
# A numbered reference whose citation holds no "Retrieved" on its line: '7. "TTP blames ... attack".',
# '1. 1.0 1.1 "US sanctions four ISIS-K operatives". alarabia.net. 22 November 2021.'
_QUOTED_REFERENCE = re.compile(
    r"^[ \t]*\d+\.[ \t]+(?:\^[ \t]*)?(?:\d+(?:\.\d+)+[ \t]+)*[\"“].{3,240}[\"”]\.?[ \t]*"
    r"(?:$|[A-Za-z][\w-]*(?:\.[\w-]+)*\.[a-z]{2,}\b)"
)
_CITED = re.compile(r"\b(?:Retrieved|Archived from|Accessed)\b[^.\n]{0,40}\d{4}")  # a reference-list line
_LABEL = re.compile(r"[A-Z][a-z]+(?:[ \t][A-Za-z]+){0,2}:[ \t]+(?=[A-Z\d“\"])")  # "Description: " before a sentence
# A line item that only continues the lead-in sentence before it: "efforts to stabilize Afghanistan;",
# "democratization and human rights protection; and", "nuclear weapons,".
_CONTINUATION = re.compile(r"[;,](?:[ \t]+(?:and|or))?(?:\[[^\]\n]{1,30}\])*$")
# The page talking about itself: wiki revision banners, edit links ("(talk | contribs)"), permalinks.
_BANNER = re.compile(r"\b(?:this|the current) (?:revision|page)\b|\(talk \| contribs\)", re.IGNORECASE)
# A wiki hatnote, the page pointing readers elsewhere: "This article is about ...", "For other uses, see ...",
# "Not to be confused with ...", "'X' redirects here.", "... see X (disambiguation)."
_HATNOTE = re.compile(
    r"^(?:This\s+(?:article|page|section)\s+is\s+about\b|Not\s+to\s+be\s+confused\s+with\b|"
    r"For\s+(?:other\s+uses|the\s+\w+|[^.]{0,100}?),\s+see\b|[\"“]?[^.]{1,60}?[\"”]?\s+redirects\s+here\b)"
    r"|\(disambiguation\)\.?$"
)
# Plural nouns that end like a verb in the third person ("evacuations", "fighters", "governments").
_PLURAL_NOUN = re.compile(r"(?:tions|sions|ments|ness|ities|ists|isms|ers|ors|ants|ents|ians|ships|ees)$")
# A report entry's line of other names: "Aka RIRA; Real Irish Republican Army; 32 County Sovereignty Committee".
_AKA_LINE = re.compile(r"[ \t]*(?:aka|a\.k\.a\.)[ \t:]", re.I)
_PARENTHESIS = re.compile(r"\([^()\n]*\)")
_CAPTION_WORDS = 20
# A short line without a finite verb is a title, a label or a caption even with no blank line around it, as in
# Markdown or HTML turned to text ("The flag of Jaish-e-Mohammed.", "Military Wiki"); a paragraph is longer.
_LABEL_WORDS = 12
_BASE_VERBS = frozenset(
    "remain continue pose face seek want need plan aim support oppose believe say see take make have do go get use "
    "work provide include exist operate maintain control lead hold keep stand mourn urge call condemn reject deny "
    "claim consider expect hope fear threaten attack kill fight recruit train fund plot target seek vow pledge "
    "warn agree refuse reject welcome thank honor honour express".split()
)
_PRONOUNS = frozenset("i we they you he she it this these those there".split())  # "We stand with them." is a clause
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


def _has_finite_verb(words: list[str]) -> bool:
    """Stricter than ``_has_verb``: a plural noun ("evacuations") or a participle ("patrolling") is no verb.

    A verb in its base form after a plural subject ("Tensions remain high.") is known from a short list.
    """
    for word in words:
        lower = word.casefold()
        if lower in _AUXILIARIES or word[0].islower() and lower in _BASE_VERBS:
            return True
        if word[0].islower() and len(lower) > 4 and lower.endswith("ed"):
            return True
        if word[0].islower() and len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
            if not _PLURAL_NOUN.search(lower):
                return True
    return False


def _alone(text: str, line_start: int, line_end: int) -> bool:
    """True when the line has a blank line (or the text's edge) on both sides: a paragraph of one line."""
    k = line_start - 2  # before the line break that opens the line
    while k >= 0 and text[k] in " \t":
        k -= 1
    k_after = line_end + 1  # after the line break that closes the line
    while k_after < len(text) and text[k_after] in " \t":
        k_after += 1
    return (line_start == 0 or k < 0 or text[k] == "\n") and (
        line_end >= len(text) or k_after >= len(text) or text[k_after] == "\n"
    )


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
    if _REFERENCE.match(sentence) or _CITED.search(line) or _QUOTED_REFERENCE.match(line):
        return "reference"
    if _BANNER.search(sentence):
        return "site banner"
    if _HATNOTE.search(sentence):
        return "hatnote"
    first = next((c for c in sentence if c.isalpha()), "")
    named = re.match(r"\W*(?:al|el|ad|as|ash|ul|ur|ud)-[A-Z]", sentence)  # "al-Shabaab remains ...;" opens a clause
    if whole_line and first.islower() and not named and _CONTINUATION.search(sentence):
        return "list continuation"  # the lead-in sentence before the list is the claim
    alone = _alone(text, line_start, line_end if line_end >= 0 else len(text))
    if whole_line and len(words) <= (_CAPTION_WORDS if alone else _LABEL_WORDS):
        if not _has_finite_verb(words) and not (words and words[0].casefold() in _PRONOUNS):
            return "caption"  # "The United States Air Force at Kabul airport during evacuations."
    if len(words) < 3:
        return "fragment"
    if whole_line and not final and _KEY_VALUE.match(sentence):
        return "key-value line"
    if not any(w[0].islower() and len(w) > 3 for w in words) or (whole_line and _AKA_LINE.match(line)):
        return "list of names"  # "Aka Pakistani Taliban; Tehreek-e-Taliban; TTP.", "Aka Ansar Bayt al-Maqdis; ..."
    letters = [c for c in sentence if c.isalpha()]
    if whole_line and letters and all(c.isupper() for c in letters):
        return "heading"
    bullet = bool(re.match(r"[ \t]*(?:[-*•+▪◦]|\d+[.)])[ \t]", text[line_start : span.start + 2]))
    lead_in = sentence.rstrip().endswith(":") and len(words) >= 6 and _has_finite_verb(words)
    # a list item that asserts something has its verb outside a parenthesis: not "• Joseph Kony (believed to be ...)"
    asserting = bullet and _has_verb(_WORD.findall(_PARENTHESIS.sub(" ", sentence))) and len(words) >= 5
    if whole_line and not final and not lead_in and not asserting:
        return "heading or caption"  # a line without final punctuation asserts nothing, unless a list item
    if not _has_verb(words) and not final:
        return "fragment"
    return ""


_BULLET_LINE = re.compile(r"[ \t]*(?:[-*•+▪◦]|\d+[.)])[ \t]")
_SHORT_ROW = 400  # a line this short amid infobox rows is one more row, however sentence-like it reads
_NEIGHBOURS = 3  # lines looked at on each side of a claim's line(s), within its block
_INFOBOX_ROWS = 6  # rows a block needs to be an infobox


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text``, blank ones included."""
    bounds, start = [], 0
    for match in re.finditer(r"\n", text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def _line_kind(text: str, bounds: tuple[int, int], skip: list[Span], wrapped: bool) -> str:
    """ "blank", "neutral" (a heading or list item), "prose" (a line of sentences) or "row" (anything else).

    In hard-wrapped text a line that runs on into the next is prose whatever its last character.
    """
    start, end = bounds
    line = text[start:end]
    if not line.strip():
        return "blank"
    if _BULLET_LINE.match(line) or any(start < s.end and end > s.start for s in skip):
        return "neutral"
    stripped = line.strip()
    if wrapped and len(stripped) >= 40 and text[end + 1 : end + 2].strip():
        return "prose"
    return "prose" if _FINAL.search(stripped) and len(_WORD.findall(stripped)) >= 4 else "row"


def layout_reason(
    text: str, span: tuple[int, int], lines: list[tuple[int, int]], kinds: list[str], starts: list[int] | None = None
) -> str:
    """Why a sentence that reads like a claim is not one, judged by where its line sits ("" when it is one).

    An infobox prints rows one a line with no blank line between them ("Date19 October 2023 – present",
    "Casualties and losses", "1 Yemeni civilian killed"). A short line among such rows, with no line ending
    a sentence near it, is one more row even when it reads like a sentence ("Two ships have been hijacked.").
    A few heading lines above a paragraph (title, date, "For Immediate Release") are no infobox: the block
    must hold ``_INFOBOX_ROWS`` rows or more.
    """
    starts = starts if starts is not None else [a for a, _ in lines]
    first = bisect.bisect_right(starts, span[0]) - 1
    last = bisect.bisect_right(starts, span[1]) - 1
    if lines[first][1] - lines[first][0] > _SHORT_ROW:
        return ""  # a paragraph
    around, rows = [], sum(kinds[i] == "row" for i in range(first, last + 1))
    for step, edge in ((-1, first), (1, last)):
        i, seen = edge + step, 0
        while 0 <= i < len(lines) and kinds[i] != "blank":
            if seen < _NEIGHBOURS:
                around.append(kinds[i])
            rows += kinds[i] == "row"
            if rows >= _INFOBOX_ROWS and seen >= _NEIGHBOURS:
                break
            i, seen = i + step, seen + 1
    if "prose" not in around and around.count("row") >= 3 and rows >= _INFOBOX_ROWS:
        return "infobox row"
    return ""


def claim_spans(text: str, skip: list[Span], wrapped: bool = False) -> list[tuple[int, int]]:
    """Sentence spans that are claims: outside the skipped spans (header, headings) and not fragments.

    ``wrapped`` says the text is hard-wrapped prose (lines break inside sentences).
    """
    spans = []
    for span in split_sentences(text):
        if any(span.start < s.end and span.end > s.start for s in skip):
            continue
        line_start = text.rfind("\n", 0, span.start) + 1
        if not text[line_start : span.start].strip() and (label := _LABEL.match(text, span.start, span.end)):
            span = Span(label.end(), span.end)  # "Activities: TTP has ..." claims what follows the label
        if not fragment_reason(text, span):
            spans.append((span.start, span.end))
    if spans:
        lines = _lines(text)
        kinds = [_line_kind(text, bounds, skip, wrapped) for bounds in lines]
        starts = [a for a, _ in lines]
        spans = [span for span in spans if not layout_reason(text, span, lines, kinds, starts)]
    return spans
