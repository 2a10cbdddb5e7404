"""Sentence segmentation with exact character offsets.

Offsets are Python string indices (code points), so ``text[start:end]`` always
gives back the sentence verbatim. Claims depend on that identity.

Line breaks: a blank line always ends a sentence, and so does a line break after
sentence-final punctuation, before a list item, or after a short line (a heading,
an infobox row). Any other line break is a hard wrap inside a sentence, however
long the lines are: the sentence runs on across it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Tokens that end in a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt maj adm gov sen rep pres st jr sr no nos vol fig inc ltd co corp dept "
    "univ est approx vs etc al e.g i.e cf jan feb mar apr jun jul aug sep sept oct nov dec mt ft brig cmdr cdr "
    "amb rev hon cpl pvt gens govt intl assn bros dist prov ca viz pp op nr ref art sec para ch translit transl "
    "abbr".split(" ")
)
# An abbreviation only inside a gloss, after a comma or a parenthesis: "(Urdu: ..., lit. 'Here-I-Am Movement')",
# where "lit." ends no sentence; "the lamps were lit." does.
_GLOSS_ABBREVIATIONS = frozenset({"lit"})
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}$")  # U.S., J.D., e.g.
_SINGLE_INITIAL = re.compile(r"^[A-Z]\.$")  # "J." in "John J. Smith"
_CITATION = r"(?:\[(?:\d{1,4}|[a-z]|note \d{1,3}|citation needed|nb \d{1,3})\])"  # [6], [27][28], [a]
_BOUNDARY = re.compile(rf"[.!?…]+[\"'”’)\]]*{_CITATION}*(?=\s|$)|\n")
BULLET = re.compile(r"[ \t]*(?:[-*•+▪◦]|\d+[.)])[ \t]+")
_FINAL = re.compile(rf"[.!?…:;][\"'”’)\]]*{_CITATION}*[ \t]*$")
_SHORT_LINE = 0.5  # a line under half the text's usual width, without final punctuation, ends a block
_FULL_LINE = 0.8  # a line this close to the usual width was wrapped, not ended
# "Leaders: Noor Wali Mehsud", an infobox row; a key holds no sentence end ("Arabia. Its goals: to ..." is prose)
_KEY_VALUE = re.compile(r"^[ \t]*[A-Z](?:(?![.!?][ \t])[^:\n]){0,40}:[ \t]+\S")
_INNER_END = re.compile(r"[.!?][\"'”’)\]]*[ \t]+[A-Z]")  # a sentence ends inside the line: "Michigan. In"
_OPEN_END = re.compile(r"(?:,|\b(?:the|a|an|of|and|or|to|in|on|by|for|with|from|that|as|at|its|their))[ \t]*$")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def _ends_with_abbreviation(text: str, stop: int) -> bool:
    """True when the full stop at ``stop`` closes an abbreviation or initial."""
    word_start = stop
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in "(\"“‘'–—":
        word_start -= 1
    token = text[word_start : stop + 1]
    if _SINGLE_INITIAL.search(token):
        return True
    if _INITIALISM.search(token):
        if token.upper() in _PLACE_INITIALISMS:
            return _next_word_continues(text, stop + 1)
        return not text[stop + 1 :].lstrip(" \t").startswith("\n")
    if token[:-1].lower() in _GLOSS_ABBREVIATIONS:
        return text[max(0, word_start - 2) : word_start].rstrip(" \t")[-1:] in (",", "(", ";")
    return token[:-1].lower() in ABBREVIATIONS


def _next_word_continues(text: str, pos: int) -> bool:
    """After an initialism like U.S., a capitalised proper noun usually continues the sentence."""
    rest = text[pos:].lstrip(" \t")
    if not rest or rest[0] == "\n":
        return False
    first = re.match(r"[\w’'.-]+", rest)
    if not first:
        return False
    word = first.group(0)
    bare = word.split("’")[0].split("'")[0]
    if word[0].islower() or word[0].isdigit() or bare in _CONTINUATIONS or word[0].isupper() and "." in word:
        return True
    # Any other capitalised word continues the sentence ("the U.S. Consulate in Peshawar") unless it is
    # one that usually opens a sentence ("... from the U.S. The next day ...").
    return word[0].isupper() and bare not in _OPENERS


# Initialisms that often close a sentence ("... support from the U.S.").
_PLACE_INITIALISMS = frozenset({"U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "U.S.A."})

# Capitalised words that commonly follow U.S./U.K. inside a sentence.
_CONTINUATIONS = frozenset(
    "President Vice Secretary Department State Army Navy Air Congress Senate House Government Embassy Ambassador "
    "Treasury Defense Forces Military Special Central Command Envoy Administration Officials Support Marine "
    "Marines Intelligence Agency Attorney Justice Homeland Coast Cyber Southern Northern European Indo-Pacific "
    "Africa Naval Troops Soldiers Drone Drones Strikes Strike Officials Diplomats Forces Envoy Policy".split(" ")
)


# Words that open a new sentence after "U.S." rather than continue a name.
_OPENERS = frozenset(
    "The A An This That These Those It Its In On At By For From With While Although Though However But And Or If "
    "When Where As After Before Since During Despite Meanwhile Moreover Overall Additionally Further Furthermore "
    "Also Yet Still Then Thus Hence Therefore Both Several Many Some Most Such Other Each Every According Unlike "
    "Following Amid Under Over Between Among Against Last Next Earlier Later Today He She They We I You There Here "
    "Why How What Who Which No Not Nor So Until Instead Once Only Even Now Under Officials".split()
)


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    bullet = BULLET.match(text, start, end)
    if bullet and bullet.start() == start and (start == 0 or text[start - 1] == "\n"):
        start = bullet.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start and any(c.isalnum() for c in text[start:end]) else None


def _list_number(text: str, stop: int) -> bool:
    """True for the full stop of an ordered-list marker ("1. ") at the start of a line."""
    line_start = text.rfind("\n", 0, stop) + 1
    return text[line_start:stop].strip(" \t").isdigit()


def _continues_lowercase(text: str, end: int) -> bool:
    """A full stop or ellipsis followed by a lowercase word does not end the sentence ("approx. ten")."""
    rest = text[end : end + 40].lstrip(" \t")
    return bool(rest) and rest[0].islower()


def _usual_width(text: str) -> int:
    """The width hard-wrapped lines reach: the 90th percentile of non-blank line lengths."""
    lengths = sorted(len(line) for line in text.split("\n") if line.strip())
    return lengths[round(0.9 * (len(lengths) - 1))] if lengths else 0


def _soft_break(text: str, pos: int, width: int) -> bool:
    """True when the line break at ``pos`` is a wrap inside a sentence, not the end of a block."""
    line_start = text.rfind("\n", 0, pos) + 1
    before = text[line_start:pos]
    after_end = text.find("\n", pos + 1)
    after = text[pos + 1 : after_end if after_end >= 0 else len(text)]
    if not before.strip() or not after.strip() or BULLET.match(after) or _FINAL.search(before):
        return False
    if BULLET.match(before) and len(before.strip()) < _SHORT_LINE * width:
        return False
    first = after.lstrip()[:1]
    # a parenthesis opening the next line continues the name before it ("Lashkar I Jhangvi\n(LJ) is ...")
    runs_on = first.islower() or first == "(" or _OPEN_END.search(before)
    if _KEY_VALUE.match(before) and not (runs_on and len(before.rstrip()) >= _FULL_LINE * width):
        return False  # a row, unless a labelled paragraph wrapped at full width ("Description: X was named as")
    if _KEY_VALUE.match(after):
        return False
    if runs_on or first.isdigit():
        return True
    if _title_case(before) and len(before.split()) <= 12 and not _INNER_END.search(before):
        return False
    return len(before.rstrip()) >= _SHORT_LINE * width and len(before.split()) >= 4


def _title_case(line: str) -> bool:
    """A heading in title case ("Pakistan Faces a Rising Threat"): most longer words capitalised."""
    if line.lstrip()[:1].islower():
        return False  # "of the Popular Mobilization Forces (PMF) in the 41st": a heading opens with a capital
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", line) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def split_sentences(text: str, soft_wrap: bool = True) -> list[Span]:
    """Split ``text`` into sentence spans, reading line breaks as the module docstring says.

    ``soft_wrap=False`` makes every line break end a sentence (one paragraph a line).
    """
    spans: list[Span] = []
    start = 0
    width = _usual_width(text) if soft_wrap and "\n" in text else 0
    for match in _BOUNDARY.finditer(text):
        if match.group(0) == "\n":
            if soft_wrap and _soft_break(text, match.start(), width):
                continue
            stop = match.start()
        else:
            marks = re.sub(rf"{_CITATION}+$", "", match.group(0)).rstrip("\"'”’)]")
            single_stop = marks[:1] == "." and len(marks) == 1
            if single_stop and (_ends_with_abbreviation(text, match.start()) or _list_number(text, match.start())):
                continue
            if marks in (".", "…", "...") and _continues_lowercase(text, match.end()):
                continue
            stop = match.end()
        span = _trim(text, start, stop)
        if span:
            spans.append(span)
        start = stop
    span = _trim(text, start, len(text))
    if span:
        spans.append(span)
    return spans
