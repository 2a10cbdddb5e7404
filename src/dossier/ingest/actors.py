"""Actors in text: gazetteer matches by alias, and candidate new actors for the analyst to review.

Matching rules:
- an alias with a lowercase letter matches in any case ("PAKISTAN", "pakistan");
  an all-capitals alias ("US", "IS-K") only as written, so "us" is not the United States;
- a match needs a non-word character (or nothing) on each side, so possessives
  ("Pakistan's", "Pakistan’s") and hyphenated compounds ("U.S.-Pakistan") match;
- where aliases overlap, the longest wins ("Tehreek-e-Taliban Pakistan" is the TTP, not Pakistan).

Countries are normalised with pycountry: exact names only (name, common and official
name), never a fuzzy guess.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

_LEFT, _RIGHT = r"(?<![\w])", r"(?![\w])"


def _trie_regex(words: Iterable[str]) -> str:
    """One regex alternation for many literal words, shaped as a trie so it stays fast at thousands."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@dataclass(frozen=True)
class Mention:
    actor: str  # actor_id, or a candidate's key
    start: int
    end: int


class Matcher:
    """Find aliases in text: {alias: actor}. Case rules as in the module docstring."""

    def __init__(self, aliases: dict[str, str]):
        self.exact = {a: k for a, k in aliases.items() if a and not any(c.islower() for c in a)}
        self.folded = {a.casefold(): k for a, k in aliases.items() if a and any(c.islower() for c in a)}
        patterns = []
        if self.exact:
            patterns.append(re.compile(_LEFT + _trie_regex(self.exact) + _RIGHT))
        if self.folded:
            patterns.append(re.compile(_LEFT + _trie_regex(self.folded) + _RIGHT, re.IGNORECASE))
        self.patterns = patterns

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        end = len(text) if end is None else end
        hits = []
        for pattern in self.patterns:
            for match in pattern.finditer(text, start, end):
                found = match.group(0)
                actor = self.exact.get(found) or self.folded.get(found.casefold())
                if actor:
                    hits.append(Mention(actor, match.start(), match.end()))
        return _longest_first(hits)


def _longest_first(hits: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for hit in sorted(hits, key=lambda m: (-(m.end - m.start), m.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda m: m.start)


def gazetteer(actors: pd.DataFrame) -> Matcher:
    """A matcher over every actor's name and aliases."""
    aliases: dict[str, str] = {}
    for actor_id, name, extra in zip(actors["actor_id"], actors["name"], actors["aliases"]):
        for alias in [name, *(extra if isinstance(extra, (list, tuple)) else [])]:
            aliases.setdefault(alias.strip(), actor_id)
    return Matcher(aliases)


# --- countries -------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _country_index() -> dict[str, tuple[str, str]]:
    import pycountry

    index: dict[str, tuple[str, str]] = {}
    for country in pycountry.countries:
        canonical = getattr(country, "common_name", None) or country.name
        for label in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
            if label:
                index.setdefault(label.casefold(), (canonical, country.alpha_3))
        if "," in country.name:  # "Iran, Islamic Republic of" is also "Iran", unless that is ambiguous
            head = country.name.split(",")[0].casefold()
            clash = head in index and index[head][1] != country.alpha_3
            index[head] = ("", "") if clash else (canonical, country.alpha_3)
    return {k: v for k, v in index.items() if v[0]}


def country(name: str) -> tuple[str, str] | None:
    """(canonical name, ISO 3166 alpha-3) for an exact country name, else None."""
    return _country_index().get(name.strip().casefold())


# --- candidates -------------------------------------------------------------------------------

_TOKEN = r"(?:[A-Z]\.(?:\s?[A-Z]\.)*|[A-Z][\w]*(?:-[A-Za-z][\w]*|[’'](?!s\b)[A-Za-z]\w*)*)"
_CONNECTOR = r"(?:of|the|for|de|del|da|al|bin|ibn|ul|ur|van|von)"
_RUN = re.compile(rf"{_TOKEN}(?:\s+(?:{_CONNECTOR}\s+)*{_TOKEN})*")
_ACRONYM = re.compile(rf"(?P<name>{_RUN.pattern})\s*\((?P<acronym>[A-Z][A-Za-z0-9&-]{{1,11}})\)")
_SPLIT = re.compile(r"\s+(?:of|for)\s+the\s+")
_CONNECTORS = frozenset(_CONNECTOR.strip("(?:)").split("|"))
TITLES = frozenset(
    "President Vice Prime Minister Foreign Defence Defense Interior Finance Secretary General Gen Lt Col Maj "
    "Capt Adm Dr Mr Mrs Ms Sen Senator Rep Chief Commander Ambassador King Queen Prince Princess Crown "
    "Sheikh Emir Field Marshal Governor Mayor Justice Judge Lord Sir Deputy Acting Former Spokesman".split()
)
_STARTERS = frozenset(
    "The A An This That These Those It Its In On At By For From With Without While Although Though However But And "
    "Or If When Where As After Before Since During Despite Meanwhile Moreover Overall Additionally Concurrently "
    "Further Furthermore Also Yet Still Then Thus Hence Therefore Both Several Many Some Most Such Other Each Every "
    "According Unlike Like Following Amid Under Over Between Among Against Recent Last Next Earlier Later".split()
)
_KIND_WORDS = (
    ("armed_group", (
        "army", "front", "movement", "brigade", "brigades", "militia", "liberation", "taliban", "tehreek", "tehrik",
        "jaish", "lashkar", "mujahideen", "jihad", "islamic state", "qaeda", "battalion", "guard", "insurgents",
        "hezbollah", "hamas", "shabaab", "boko", "rebels", "forces",
    )),
    ("international_org", (
        "fund", "bank", "nations", "organization", "organisation", "union", "council", "agency", "commission",
        "court", "alliance", "association", "committee", "cooperation", "co-operation", "treaty", "programme",
        "program", "red cross", "crescent",
    )),
    ("other", (
        "ministry", "department", "government", "police", "party", "company", "corporation", "university",
        "institute", "hospital", "office", "parliament", "assembly", "embassy", "asia", "europe", "africa",
        "america", "east", "west", "gulf", "sea", "ocean", "province", "region", "valley", "district", "city",
        "express", "airport", "station", "times", "news", "post", "press", "group", "centre", "center",
    )),
)  # fmt: skip


def suggest_kind(name: str, titled: bool = False) -> str:
    """The kind a name most likely has; the analyst confirms or changes it."""
    if country(name):
        return "state"
    words = name.casefold()
    for kind, cues in _KIND_WORDS:
        if any(re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", words) for cue in cues):
            return kind
    if titled or 2 <= len(name.split()) <= 4:
        return "person"
    return "other"


@dataclass
class Candidate:
    key: str  # "new:" + casefolded name: stable while the analyst edits the proposed id or kind
    name: str
    kind: str
    country: str = ""
    iso3: str = ""
    aliases: list[str] = field(default_factory=list)


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "actor"


def propose_id(candidate: Candidate, taken: set[str]) -> str:
    """An actor id in the gazetteer's style: ISO3 for states, the acronym, else a slug of the name."""
    acronyms = [a for a in candidate.aliases if a.isupper() and len(a) <= 12 and " " not in a]
    base = candidate.iso3 or (acronyms[0] if acronyms else _slug(candidate.name))
    proposal, n = base, 2
    while proposal.casefold() in taken:
        proposal, n = f"{base}-{n}", n + 1
    taken.add(proposal.casefold())
    return proposal


def _tokens(run: str) -> list[str]:
    return re.findall(rf"{_TOKEN}|\S+", run)


def _clean_run(run: str, at_sentence_start: bool, lowercase_words: set[str]) -> tuple[str, bool]:
    """Drop leading sentence openers, titles and connectors; return (name, had a title)."""
    tokens = _tokens(run)
    titled = False
    while tokens:
        head = tokens[0]
        if head in TITLES:
            titled, tokens = True, tokens[1:]
        elif head in _STARTERS or head.casefold() in _CONNECTORS:
            tokens = tokens[1:]
        elif at_sentence_start and head.casefold() in lowercase_words:
            tokens = tokens[1:]  # "Militants of the …": a common word that is capitalised only here
        else:
            break
        at_sentence_start = False
    while tokens and tokens[-1].casefold() in _CONNECTORS:
        tokens = tokens[:-1]
    return " ".join(tokens), titled


def _strip_to_initials(name: str, acronym: str) -> str:
    """Trim leading words until the name starts with the acronym's first letter."""
    tokens = _tokens(name)
    while len(tokens) > 1 and tokens[0][0].upper() != acronym[0].upper():
        tokens = tokens[1:]
    return " ".join(tokens)


def find_candidates(
    text: str, spans: list[tuple[int, int]], known: list[Mention], known_names: set[str]
) -> list[Candidate]:
    """Candidate actors in the given sentence spans, in order of first appearance.

    ``known`` are the gazetteer mentions (their text is never a candidate);
    ``known_names`` are every alias in the gazetteer, casefolded.
    """
    lowercase_words = set(re.findall(r"\b[a-z][a-z’'-]+\b", text))
    found: dict[str, Candidate] = {}

    def add(name: str, kind: str, aliases: list[str]) -> None:
        name = name.strip(" ,;:-")
        if len(name) < 3 or name.casefold() in known_names or any(a.casefold() in known_names for a in aliases):
            return
        key = "new:" + name.casefold()  # never equal to an actor id
        if key in found:
            found[key].aliases.extend(a for a in aliases if a not in found[key].aliases)
            return
        located = country(name)
        canonical, iso3 = located if located else ("", "")
        found[key] = Candidate(key, canonical or name, "state" if located else kind, canonical, iso3, aliases)

    for start, end in spans:
        covered = [(m.start, m.end) for m in known if start <= m.start < end]
        for match in _ACRONYM.finditer(text, start, end):
            name = _strip_to_initials(match.group("name"), match.group("acronym"))
            cleaned, titled = _clean_run(name, match.start() == start, lowercase_words)
            if cleaned and not any(a <= match.start("acronym") < b for a, b in covered):
                add(cleaned, suggest_kind(cleaned, titled), [cleaned, match.group("acronym")])
            covered.append((match.start(), match.end()))
        for match in _RUN.finditer(text, start, end):
            for piece_start, piece_end in _uncovered(match.start(), match.end(), covered):
                # "Ahmed Khan of the Quetta Civil Hospital" is two names; "Bank of England" is one
                for n, piece in enumerate(_SPLIT.split(text[piece_start:piece_end])):
                    cleaned, titled = _clean_run(piece, piece_start == start and n == 0, lowercase_words)
                    words = [t for t in _tokens(cleaned) if t.casefold() not in _CONNECTORS]
                    if len(words) >= 2 or (len(words) == 1 and country(cleaned)):
                        add(cleaned, suggest_kind(cleaned, titled), [cleaned])
    return list(found.values())


def _uncovered(start: int, end: int, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [start, end) outside every covered range."""
    pieces = [(start, end)]
    for a, b in covered:
        next_pieces = []
        for s, e in pieces:
            if b <= s or a >= e:
                next_pieces.append((s, e))
                continue
            if s < a:
                next_pieces.append((s, a))
            if b < e:
                next_pieces.append((b, e))
        pieces = next_pieces
    return pieces
