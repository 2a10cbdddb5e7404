"""Who "the group" and a sentence-opening "It" stand for, so that a perception or relation they carry is found.

Writers name a group once and then say "the group", "the organization" or "It": "The group has been designated
a terrorist organization by the United Nations, Australia and Canada", "It is responsible for attacks against
Israeli targets". Without a referent those sentences hold no perception or relation, and on real reports and
encyclopaedia articles they hold many.

The referent is what the passage is about, read in this order:
  1. the group that opens the same sentence ("JeM claimed the attack, and the group ..."), but not one in a
     fronted phrase ("In addition to Al-Qaeda, the group is alleged to have links to ...");
  2. the document's subject: the group its title names ("Country Reports on Terrorism 2013 - Foreign Terrorist
     Organizations: Islamic Movement of Uzbekistan"), else the group that opens its first claim;
  3. the group that opened the claim before.
An armed group comes before any other organisation; a state or a person is never "the group". "It" is read
only as the subject that opens a sentence, and not in "It is likely that ..." or "It was in 2010 that ...",
where it stands for nothing.

A referent is not a mention: it adds no actor to the claim and no role to an event (the claims ledger lists
what the sentence names). It only lets the perception and relation rules see a party, and every candidate that
rests on one says so in its rule ("perception:listed-by; "The group" read as Jemaah Islamiyah"), for the analyst
to check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .actors import Mention
from .normalise import fold

GROUP_KINDS = ("armed_group", "other")  # in order of preference

_ANAPHOR = re.compile(  # "the group", "the terrorist organization", "The Peru-based militant group"
    r"(?<![\w-])[Tt]he\s+(?:(?:[a-z][\w-]*|[A-Z][\w]*-based)\s+){0,3}?"
    r"(?:group|organi[sz]ation|movement|network|militia|outfit)(?![\w-])(?!\s+of\b)"
    r"(?![ \t]*,?[ \t]+(?:[A-Z]|(?:al|el|ad|as|ash)-))"  # "the militant group Hamas" names it: no referent
)
_OPENS = re.compile(r"[\s\"“(]*(?:[Tt]he\s+)?")  # what may come before the name that opens a sentence
_OPENING_IT = re.compile(r"[\s\"“(]*(Its?)(?=\s|['’]s\b)")  # "It is ...", "Its leader is ..."
# "It is likely that", "It was in 2010 that", "It remains unclear whether": an expletive, no referent
_EXPLETIVE = re.compile(
    r"It(?:['’]s|\s+(?:is|was|has\s+been|had\s+been|remains|remained|seems|seemed|appears|appeared|will\s+be|"
    r"would\s+be|may\s+be|could\s+be))\s+(?:[\w,-]+\s+){0,5}?(?:that|whether|to|when|how|why|if)\b"
)


def anaphors(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each "the group" in ``text[start:end]``, and of an opening "It" that is a subject."""
    found = [(m.start(), m.end()) for m in _ANAPHOR.finditer(text, start, end)]
    opening = _OPENING_IT.match(text, start, end)
    if opening and not _EXPLETIVE.match(text, opening.start(1), end):
        found.append((opening.start(1), opening.end(1)))
    return sorted(found)


def _group(mentions: Iterable[Mention], kinds: dict[str, str]) -> str | None:
    """The first armed group among ``mentions``, else the first other organisation."""
    mentions = list(mentions)
    for kind in GROUP_KINDS:
        for m in mentions:
            if kinds.get(m.actor) == kind:
                return m.actor
    return None


def document_subject(
    title: str,
    title_mentions: list[Mention],
    text: str,
    first_claim: list[Mention],
    counts: dict[str, int],
    kinds: dict[str, str],
) -> str | None:
    """The group a document is about: the one its title names, else the group of its first claim that the
    document names most ("The Islamic State's West Africa Province (ISWAP) ... of the Islamic State (IS)": ISWAP,
    named in every paragraph after).

    A title may spell the name otherwise than the text ("Islamic State – West Africa Province" above "the
    Islamic State's West Africa Province (ISWAP)"), so that only a part of it ("Islamic State") is found there:
    a group of the first claim that holds that part in its own name is the subject.
    """
    groups = [m for m in first_claim if kinds.get(m.actor) in GROUP_KINDS]
    main = max(groups, key=lambda m: counts.get(m.actor, 0)) if groups else None  # the first among equals
    named = _group(title_mentions, kinds)
    if named:
        part = fold(next(title[m.start : m.end] for m in title_mentions if m.actor == named))
        inside = [m for m in groups if m.actor != named and part in fold(text[m.start : m.end])]
        return inside[0].actor if inside else named
    return main.actor if main else None


def resolve(
    text: str,
    spans: list[tuple[int, int]],
    mentions: list[list[Mention]],
    kinds: dict[str, str],
    subject: str | None,
) -> list[list[Mention]]:
    """For each claim, a Mention of its referent at each anaphor (``alias`` holds the words read)."""
    out: list[list[Mention]] = []
    previous: str | None = None
    for (start, end), found in zip(spans, mentions):
        resolved = []
        for a, b in anaphors(text, start, end):
            opener = found[0] if found and found[0].end <= a and _OPENS.fullmatch(text, start, found[0].start) else None
            earlier = opener.actor if opener and kinds.get(opener.actor) in GROUP_KINDS else None
            # the document's subject before the last sentence's opener: a group that opens one sentence in
            # passing ("Alfa attacked Peru.") does not take "the group" over from the one the document is about
            referent = earlier or subject or previous
            if referent:
                resolved.append(Mention(referent, a, b, text[a:b]))
        out.append(resolved)
        opening = [m for m in (*found[:1], *resolved[:1]) if _OPENS.fullmatch(text, start, m.start)]
        if opening and kinds.get(opening[0].actor) in GROUP_KINDS:
            previous = opening[0].actor  # the group this sentence is about, for "the group" in the next
    return out


def rule_with_basis(rule: str, parties: Iterable[str], named: set[str], resolved: list[Mention], names) -> str:
    """The rule, with the reading of each party the sentence does not name: 'perception:x; "It" read as X'."""
    notes = []
    for party in dict.fromkeys(parties):
        if party in named:
            continue
        surface = next((m.alias for m in resolved if m.actor == party), "")
        if surface:
            notes.append(f"“{surface}” read as {names.get(party, party)}")
    return "; ".join([rule, *notes])
