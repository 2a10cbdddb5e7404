"""Actors in text: gazetteer matches by alias, and candidate new actors for the analyst to review.

Matching rules:
- names are compared as folded word sequences (see ``normalise``): dashes, quotes,
  accents and case do not matter, and the separator between two words may be a
  space, a hyphen or a dash ("Islamic State – Khorasan Province", "ISIS–K");
- common spelling variants are one word (``VARIANTS``: Tehreek/Tehrik, -e-/-i-,
  ISIS/IS/Islamic State, Khorasan/Khurasan, ...);
- an alias with no lowercase letter ("US", "IS-K") only matches text with none
  either, so "us" is not the United States;
- a match ends at a word boundary, so possessives ("Pakistan's") and compounds
  ("U.S.-Pakistan") match; where aliases overlap, the longest wins;
- state actors also match their demonyms and capitals (``countries``), and every
  mention records the alias that matched, for the analyst to check.

Countries are normalised with pycountry: exact names only (name, common and official
name), never a fuzzy guess.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache

import pandas as pd
from rapidfuzz import fuzz

from .countries import CAPITALS, COUNTRIES, DEMONYMS
from .normalise import fold

# Spellings of one word; the first is the canonical one. Phrases are joined by spaces.
VARIANTS: tuple[tuple[str, ...], ...] = (
    ("tehrik", "tehreek", "tahrik", "tehrick", "tahreek", "tehreek"),
    ("e", "i"),  # the Persian/Urdu ezafe: Tehreek-e-Taliban, Tehrik-i-Taliban
    ("is", "isis", "isil", "islamic state", "daesh", "daish"),
    ("khorasan", "khurasan", "khorasaan", "khurasaan"),
    ("province", "wilayat", "wilayah"),
    ("mohammad", "muhammad", "mohammed", "muhammed", "mohamed"),
    ("tayyiba", "taiba", "tayyaba", "toiba", "tayyibah"),
    ("baloch", "baluch", "balochi"),
    ("balochistan", "baluchistan"),
    ("qaeda", "qaida", "qa'ida"),
    ("jamaat", "jamaat", "jama'at", "jamat"),
    ("ahrar", "ahraar"),
    ("mujahideen", "mujahidin", "mujahedeen"),
)
_CASED = frozenset({"is"})  # canonical words that never match in lower case ("is Khorasan" is not IS-K)
_CANONICAL = {spelling: group[0] for group in VARIANTS for spelling in group}
_PHRASES = {tuple(k.split()): v for k, v in _CANONICAL.items() if " " in k}
_MAX_PHRASE = max((len(p) for p in _PHRASES), default=1)
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_JOIN = re.compile(r"[ \t\n]*(?:[-/][ \t\n]*)?|\.[ \t]?")  # what may stand between two words of one name
_MAX_WORDS = 8


@dataclass(frozen=True)
class Mention:
    actor: str  # actor_id, or a candidate's key
    start: int
    end: int
    alias: str = ""  # the gazetteer alias (or demonym, capital) that matched


def _words(folded: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """(canonical word, start, end) for the words of ``folded[start:end]``; a variant phrase is one word."""
    raw = []
    for match in _WORD.finditer(folded, start, end):
        word = match.group(0)
        if word.endswith("'s"):
            raw.append((word[:-2], match.start(), match.end() - 2))
        else:
            raw.append((word, match.start(), match.end()))
    out: list[tuple[str, int, int]] = []
    plain = [w for w, _, _ in raw]
    i = 0
    while i < len(raw):
        for n in range(min(_MAX_PHRASE, len(raw) - i), 1, -1):
            phrase = tuple(plain[i : i + n])
            if phrase in _PHRASES and _joined(folded, raw[i : i + n]):
                out.append((_PHRASES[phrase], raw[i][1], raw[i + n - 1][2]))
                i += n
                break
        else:
            word, a, b = raw[i]
            out.append((_CANONICAL.get(word, word), a, b))
            i += 1
    return out


def _joined(folded: str, words: list[tuple[str, int, int]]) -> bool:
    """True when only spaces, one hyphen or dash, or an initial's full stop separate the words."""
    for (w1, _, e1), (_, s2, _) in zip(words, words[1:]):
        gap = folded[e1:s2]
        if not _JOIN.fullmatch(gap) or (gap.startswith(".") and len(w1) > 1):
            return False
    return True


def name_key(name: str) -> tuple[str, ...]:
    """The words a name is matched by: folded, variants made canonical, separators ignored."""
    folded = fold(name)
    return tuple(w for w, _, _ in _words(folded, 0, len(folded)))


class Matcher:
    """Find aliases in text: {alias: actor}. Rules as in the module docstring."""

    def __init__(self, aliases: dict[str, str], notes: dict[str, str] | None = None):
        """``notes`` say how an alias was derived ("capital of Pakistan"); they are shown with the alias."""
        self.keys: dict[tuple[str, ...], tuple[str, str, bool]] = {}  # key -> (actor, alias, capitals only)
        notes = notes or {}
        for alias, actor in aliases.items():
            alias = alias.strip()
            key = name_key(alias)
            if not alias or not key:
                continue
            upper = not any(c.islower() for c in alias)
            shown = f"{alias} ({notes[alias]})" if alias in notes else alias
            known_actor, known_alias, known_upper = self.keys.get(key, (actor, shown, upper))
            self.keys[key] = (known_actor, known_alias, known_upper and upper)
        self.longest = min(_MAX_WORDS, max((len(k) for k in self.keys), default=1))
        self.exact = {a: k for a, k in aliases.items() if a and not any(c.islower() for c in a)}
        self.folded = {a.casefold(): k for a, k in aliases.items() if a and any(c.islower() for c in a)}

    def find(self, text: str, start: int = 0, end: int | None = None, folded: str | None = None) -> list[Mention]:
        """Mentions in ``text[start:end]``; pass ``folded=fold(text)`` when searching one text many times."""
        end = len(text) if end is None else end
        shift = 0
        if folded is None:
            folded, shift = fold(text[start:end]), start
        words = _words(folded, start - shift, end - shift)
        plain = [w for w, _, _ in words]  # sliced per phrase length below: the hot loop of ingest
        hits: list[Mention] = []
        i = 0
        while i < len(words):
            for n in range(min(self.longest, len(words) - i), 0, -1):
                found = self.keys.get(tuple(plain[i : i + n]))
                if found is None or (n > 1 and not _joined(folded, words[i : i + n])):
                    continue
                a, b = words[i][1] + shift, words[i + n - 1][2] + shift
                if found[2] and any(c.islower() for c in text[a:b]):
                    continue  # "us" is not the US
                if any(w in _CASED and text[x + shift : y + shift].islower() for w, x, y in words[i : i + n]):
                    continue
                if found[1].endswith(".") and text[b : b + 1] == "." and b < end:
                    b += 1  # "U.S." keeps its last full stop
                hits.append(Mention(found[0], a, b, found[1]))
                i += n
                break
            else:
                i += 1
        return hits


class Similar:
    """Near-matches of a candidate to the gazetteer ("did you mean TTP?"), by rapidfuzz on folded names."""

    CUTOFF = 88

    def __init__(self, matcher: Matcher):
        self.choices = {" ".join(key): actor for key, (actor, _, _) in matcher.keys.items() if len(" ".join(key)) > 3}
        self.names = list(self.choices)

    def suggest(self, candidate: Candidate, actor_info: dict) -> str:
        """'TTP (Tehreek-e-Taliban Pakistan, 92%)' for the closest known actor, or ''."""
        from rapidfuzz import fuzz, process  # only needed when there are candidates

        best: tuple[str, float] | None = None
        for alias in dict.fromkeys([candidate.name, *candidate.aliases]):
            query = " ".join(name_key(alias))
            if len(query) <= 3:
                continue
            hit = process.extractOne(query, self.names, scorer=fuzz.WRatio, score_cutoff=self.CUTOFF)
            if hit and (best is None or hit[1] > best[1]):
                best = (self.choices[hit[0]], hit[1])
        if best is None:
            return ""
        name = actor_info.get(best[0], {}).get("name", best[0])
        return f"{best[0]} ({name}, {best[1]:.0f}%)"


def gazetteer(actors: pd.DataFrame) -> Matcher:
    """A matcher over every actor's name and aliases, and the demonyms and capitals of its states."""
    aliases: dict[str, str] = {}
    for actor_id, name, extra in zip(actors["actor_id"], actors["name"], actors["aliases"]):
        for alias in [name, *(extra if isinstance(extra, (list, tuple)) else [])]:
            aliases.setdefault(alias.strip(), actor_id)
    states = {
        iso3: (a, name)
        for a, name, k, iso3 in zip(actors["actor_id"], actors["name"], actors["kind"], actors["iso3"])
        if k == "state" and iso3
    }
    notes: dict[str, str] = {}
    for table, what in ((DEMONYMS, "demonym"), (CAPITALS, "capital")):
        for word, iso3 in table.items():
            if iso3 in states and word not in aliases:
                aliases[word] = states[iso3][0]
                notes[word] = f"{what}: {states[iso3][1]}"
    return Matcher(aliases, notes)


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
    for label, (canonical, alpha_3) in _SHORT_NAMES.items():
        index.setdefault(label.casefold(), (canonical, alpha_3))
    return {k: v for k, v in index.items() if v[0]}


# Common English names ISO 3166 does not list as a name of the country (its name is "Russian Federation").
_SHORT_NAMES = {
    "Russia": ("Russia", "RUS"),
    "Turkey": ("Türkiye", "TUR"),
    "Ivory Coast": ("Côte d'Ivoire", "CIV"),
    "Brunei": ("Brunei", "BRN"),
    "Burma": ("Myanmar", "MMR"),
    "Cape Verde": ("Cabo Verde", "CPV"),
    "East Timor": ("Timor-Leste", "TLS"),
    "Swaziland": ("Eswatini", "SWZ"),
    "Macedonia": ("North Macedonia", "MKD"),
    "Vatican": ("Holy See", "VAT"),
    "DRC": ("Democratic Republic of the Congo", "COD"),
    "DR Congo": ("Democratic Republic of the Congo", "COD"),
    "Democratic Republic of the Congo": ("Democratic Republic of the Congo", "COD"),
}


def country(name: str) -> tuple[str, str] | None:
    """(canonical name, ISO 3166 alpha-3) for an exact country name, else None."""
    return _country_index().get(name.strip().casefold())


# --- candidates -------------------------------------------------------------------------------

# Lower-case particles of transliterated names: Arabic "al-", "wal-" ("and the"), "ibn"; Tuareg "ag" ("son of").
_PARTICLE = r"(?:al|el|ul|ur|ud|ad|as|ash|bin|ibn|abu|wal|e|i|de)"
_TOKEN = (
    r"(?:[A-Z]\.(?:\s?[A-Z]\.)*"
    rf"|{_PARTICLE}-[A-Z]\w*(?:[’'](?!s\b)\w+)?(?:-[A-Za-z]\w*)*"  # al-Zawahiri, ul-Ahrar, al-Qa’ida (not al-Qaida’s)
    r"|[A-Z][\w]*(?:-[A-Za-z][\w]*|[’'](?!s\b)[A-Za-z]\w*)*(?:(?<=s)[’'](?=[ \t]+[A-Z]))?)"  # "Workers' Party"
)
_CONNECTOR = r"(?:of|the|for|de|del|da|al|bin|ibn|bint|ul|ur|ud|ag|e|i|van|von)"
# Words of one name may be split by the line break of hard-wrapped text ("Jama’at Nusrat al-Islam\nwal-Muslimin"),
# never by a blank line.
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_RUN = re.compile(rf"{_TOKEN}(?:{_GAP}(?:{_CONNECTOR}{_GAP})*{_TOKEN})*")
# A name spelt out before its acronym may hold "in the": "the Islamic State in the Greater Sahara (IS-GS)"
_NAME_RUN = rf"{_TOKEN}(?:{_GAP}(?:(?:{_CONNECTOR}|in){_GAP})*{_TOKEN})*"
_ACRONYM = re.compile(
    rf"(?P<name>{_NAME_RUN}(?:[ \t]+and[ \t]+{_NAME_RUN})?)\s*\((?P<acronym>[A-Z][A-Za-z0-9&-]{{1,11}})[;,)]"
)
_SPLIT = re.compile(r"\s+(?:of|for)\s+the\s+")
_CONNECTORS = frozenset(_CONNECTOR.strip("(?:)").split("|"))
TITLES = frozenset(
    "President Vice Prime Minister Foreign Defence Defense Interior Finance Secretary General Gen Lt Col Maj "
    "Capt Adm Dr Mr Mrs Ms Sen Senator Rep Chief Commander Ambassador King Queen Prince Princess Crown "
    "Sheikh Emir Field Marshal Governor Mayor Justice Judge Lord Sir Deputy Acting Former Spokesman Spokesperson "
    "Brig Brigadier Colonel Lieutenant Major Captain Admiral Mullah Mufti Maulana Hafiz Imam Ayatollah Sardar "
    "Premier Chancellor Envoy Representative Senior Leader Founder".split()
)
_STARTERS = frozenset(
    "The A An This That These Those It Its In On At By For From With Without While Although Though However But And "
    "Or If When Where As After Before Since During Despite Meanwhile Moreover Overall Additionally Concurrently "
    "Further Furthermore Also Yet Still Then Thus Hence Therefore Both Several Many Some Most Such Other Each Every "
    "According Unlike Like Following Amid Under Over Between Among Against Recent Last Next Earlier Later Today "
    "Yesterday Tomorrow We They He She His Her Their Our There Here Why How What Who Which No Not Nor So "
    "Until Through Throughout Within Via Per About Above Below Near Across Upon Once Instead Regarding".split()
)
# Never actors: licences, site furniture, designations, calendar words, document parts.
JUNK = (
    frozenset(
        fold(w)
        for w in (
            "CC BY-SA",
            "CC BY",
            "CC0",
            "Creative Commons",
            "English Wikipedia",
            "Wikipedia",
            "Wikimedia",
            "GNU",
            "Retrieved",
            "Archived",
            "ISBN",
            "ISSN",
            "DOI",
            "PDF",
            "URL",
            "HTML",
            "Terms",
            "Privacy Policy",
            "Foreign Terrorist Organization",
            "Specially Designated Global Terrorist",
            "FTO",
            "SDGT",
            "Terrorist Organization",
            "Foreign Terrorist Organizations",  # the labels in the plural are no actors either
            "Specially Designated Global Terrorists",
            "Terrorist Organizations",
            "Original Source",
            "Source",
            "Title",
            "Publisher",
            "Licence",
            "License",
            "Contents",
            "Introduction",
            "Background",
            "Summary",
            "Overview",
            "Conclusion",
            "References",
            "Notes",
            "See",
            "Figure",
            "Table",
            "Key Judgments",
            "Key Findings",
            "Executive Summary",
            "Public Domain",
            "All Rights Reserved",
            "Copyright",
            "AM",
            "PM",
            "UTC",
            "GMT",
            "BC",
            "AD",
            "II",
            "III",
            "IV",
            "Ibid",
            "Fig",
            "Vol",
            "No",
        )
    )
    | {m.casefold() for m in calendar.month_name if m}
    | {d.casefold() for d in calendar.day_name}
)
_ONE_WORD = frozenset(
    "taliban pentagon kremlin hezbollah hamas houthis houthi nato interpol europol frontex al-shabaab boko "
    "congress".split()
)
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|near|across|into|from|outside|inside|around|throughout|to)\s+(?:the\s+)?)$")
_PLACE_AFTER = re.compile(r"^\s+(?:province|district|city|region|valley|border|agency|division|tehsil|area)\b", re.I)
_KIND_WORDS = (
    (
        "armed_group",
        (
            "army",
            "front",
            "movement",
            "brigade",
            "brigades",
            "militia",
            "liberation",
            "taliban",
            "tehreek",
            "tehrik",
            "jaish",
            "lashkar",
            "mujahideen",
            "jihad",
            "islamic state",
            "qaeda",
            "qaida",
            "qa'ida",
            "qa’ida",
            "battalion",
            "force",
            "insurgents",
            "network",
            "hezbollah",
            "hamas",
            "shabaab",
            "boko",
            "rebels",
            "sipah",
            "harkat",
            "hizb",
            "ansar",
            "jundallah",
            "fedayeen",
            "tanzeem",
            "lashkar-e",
            "jaish-e",
            "jamaat-ul",
            "e-mohammad",
            "e-mohammed",
            "e-muhammad",
            "e-taiba",
            "e-tayyiba",
            "e-jhangvi",
            "ul-ahrar",
            "ul-mujahideen",
            "ul-islam",
            "houthis",
            "houthi",
            "ahrar",
            # transliterated Arabic heads of group names: front, army, brigade, battalion, organization, group,
            # movement, liberation, victory (Jabhat Fateh al-Sham, Liwa al-Haqq, Hay'at Tahrir al-Sham)
            "jabhat",
            "jaysh",
            "liwa",
            "katibat",
            "kataib",
            "kata'ib",
            "hay'at",
            "hay’at",
            "hayʼat",
            "jama'at",
            "jama’at",
            "jamaat",
            "harakat",
            "tahrir",
            "nusra",
            "nusrat",
            "jemaah",
            "jamaah",
            "asa'ib",
            "asa’ib",
            "asaib",
            "tanzim",
            "forces",
        ),
    ),
    (
        "international_org",
        (
            "fund",
            "bank",
            "nations",
            "organization",
            "organisation",
            "union",
            "council",
            "commission",
            "court",
            "alliance",
            "association",
            "committee",
            "cooperation",
            "co-operation",
            "treaty",
            "programme",
            "program",
            "red cross",
            "crescent",
            "nato",
            "interpol",
        ),
    ),
    (
        "other",
        (
            "ministry",
            "department",
            "government",
            "police",
            "party",
            "company",
            "corporation",
            "university",
            "institute",
            "hospital",
            "office",
            "parliament",
            "assembly",
            "embassy",
            "asia",
            "europe",
            "africa",
            "america",
            "east",
            "west",
            "gulf",
            "sea",
            "ocean",
            "province",
            "region",
            "valley",
            "district",
            "city",
            "express",
            "airport",
            "station",
            "times",
            "news",
            "post",
            "press",
            "group",
            "centre",
            "center",
            "command",
            "agency",
            "directorate",
            "service",
            "services",
            "bureau",
            "pentagon",
            "kremlin",
            "congress",
            "senate",
            "school",
            "college",
            "foundation",
            "corps",
            "intelligence",
            "authority",
            "secretariat",
            "cabinet",
        ),
    ),
)


# One pattern per kind, tried at every position (a lookahead, so matches may overlap) with the longest cue first:
# the latest end over all positions is the latest end of any single cue, as when each cue was searched alone.
_KIND_PATTERNS = tuple(
    (
        kind,
        re.compile(
            r"(?=(?<![\w])(" + "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True)) + r")(?![\w]))"
        ),
    )
    for kind, cues in _KIND_WORDS
)


def suggest_kind(name: str, titled: bool = False) -> str:
    """The kind a name most likely has; the analyst confirms or changes it.

    The head word decides: the last cue before any "of" ("Army Public School" is a
    school, "Balochistan Liberation Army" an army, "Department of State" a department).
    """
    if country(name):
        return "state"
    if titled:
        return "person"
    words = name.casefold()
    head = words.split(" of ")[0]
    for part in (head, words):
        best: tuple[int, str] | None = None
        for kind, pattern in _KIND_PATTERNS:
            for match in pattern.finditer(part):
                if best is None or match.end(1) > best[0]:
                    best = (match.end(1), kind)
        if best:
            return best[1]
    if 2 <= len(name.split()) <= 4:
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
        elif head in _STARTERS or head.casefold() in _CONNECTORS and head not in _NAME_PARTS or fold(head) in JUNK:
            tokens = tokens[1:]
        elif at_sentence_start and head.casefold() in lowercase_words:
            tokens = tokens[1:]  # "Militants of the …": a common word that is capitalised only here
        else:
            break
        at_sentence_start = False
    while tokens and tokens[-1].casefold() in _CONNECTORS:
        tokens = tokens[:-1]
    rest = " ".join(tokens[1:])
    if len(tokens) >= 3 and tokens[0] in DEMONYMS and suggest_kind(rest) == "person":
        return _clean_run(rest, False, lowercase_words)  # "Saudi Saleh Al-Qaraawi": a Saudi, Saleh Al-Qaraawi
    return " ".join(tokens), titled


_NAME_PARTS = frozenset({"Al", "El", "Bin", "Ibn"})  # "Al Qaeda", "Bin Laden": part of the name when capitalised


def _strip_to_initials(name: str, acronym: str) -> str:
    """Trim leading words until the name starts with the acronym's first letter."""
    tokens = _tokens(name)
    whole = tokens
    while len(tokens) > 1 and tokens[0][0].upper() != acronym[0].upper():
        tokens = tokens[1:]
    if len(tokens) == 1 and len(whole) >= 3:
        return " ".join(whole)  # "Kurdistan Workers' Party (PKK)": an acronym of the name in another language
    return " ".join(tokens)


# Head words of names that are documents, places, vehicles or populations, not actors.
NOT_ACTOR_HEADS = frozenset(
    "act order register agreement accord deal treaty resolution law code report strategy declaration convention "
    "protocol plan policy doctrine bill statute amendment memorandum directive release communique war revolution "
    "crisis insurgency uprising "
    "airport express train hotel mosque highway road bridge "
    "border crossing base gate square market bazaar province district valley region city town village mountains "
    "river pass corridor belt areas area muslims christians hindus sikhs civilians people citizens tribes "
    "refugees hazaras shias sunnis mall church shrine cathedral temple stadium "
    "flight airliner ship vessel ferry superferry tanker "  # "Northwest Airlines Flight 253", "MV Superferry 14"
    "day monday tuesday wednesday thursday friday saturday sunday".split()  # "Easter Sunday": a date, not an actor
)
# Prefixes of ships' names: "MV Superferry", "USS Cole" are vehicles, not actors.
_VESSEL = re.compile(r"^(?:MV|MS|MT|SS|USS|HMS|RMS|INS|PNS)\s")
# Acronyms of states and blocs, whose hyphenated compounds are pairs ("USA-Pakistan ties"), not branches.
_STATE_ACRONYMS = frozenset("USA UAE PRC DPRK ROK UK US EU UN NATO ASEAN".split())
_BARE_ORGANS = frozenset("department ministry agency office bureau".split())
STATE_ORGANS = frozenset("army navy air force forces military government troops marines police".split())


# "Iran-backed Houthi", "Pakistan-administered Kashmir", "al-Qaeda-aligned groups": the name before such a
# hyphenated participle is one name, the words after it another.
_COMPOUND = re.compile(
    r"-(?:backed|based|led|linked|controlled|administered|aligned|affiliated|allied|born|owned|operated|sponsored|"
    r"funded|supported|inspired|occupied|held|run|trained|armed|related)\b[ \t]*"
)
# Titles that only a person bears: a single name after one is a person ("Mullah Fazlullah").
_PERSON_TITLES = frozenset(
    "President Senator Sen Rep Gen Lt Col Maj Capt Adm Dr Mr Mrs Ms King Queen Prince Princess Sheikh Emir Governor "
    "Mayor Judge Brigadier Colonel Lieutenant Captain Admiral Mullah Mufti Maulana Hafiz Imam Ayatollah Sardar "
    "Premier Chancellor Ambassador".split()
)
# The formal name of a state before "of" and the state's name ("Islamic Republic of Afghanistan").
_POLITY = re.compile(r"\b(?:Republic|Emirate|Kingdom|Federation|Sultanate|Commonwealth|Principality|Union)$")
# "the Administrations of President George W. Bush": an office's holder after "of" and a title.
_OF_TITLE = re.compile(rf"\s+of\s+(?=(?:{'|'.join(sorted(_PERSON_TITLES))})\b)")
# "Yemen President Ali Abdullah Saleh": a title inside a run of names starts a person; what is before it (a
# state, an organisation) is another name.
_INNER_TITLE = re.compile(rf"(?<=[\w.])[ \t]+(?=(?:{'|'.join(sorted(_PERSON_TITLES))})\.?[ \t]+[A-Z])")


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut at hyphenated participles ("Iran-backed Houthi"), before "of <title>" and before a title
    inside the run ("Yemen President Ali Abdullah Saleh")."""
    cuts, pos = [], start
    inner = [m for m in _INNER_TITLE.finditer(text, start, end) if m.start() > start]
    for match in [*_COMPOUND.finditer(text, start, end), *_OF_TITLE.finditer(text, start, end), *inner]:
        cuts.append((match.start(), match.end()))
    pieces = []
    for a, b in sorted(cuts):
        if a > pos:
            pieces.append((pos, a))
        pos = max(pos, b)
    if pos < end:
        pieces.append((pos, end))
    return pieces


def _junk(name: str) -> bool:
    folded = fold(name)
    head_phrase = re.split(r" (?:of|for|to|on) ", folded)[0].split()
    head = head_phrase[-1] if head_phrase else ""
    return (
        folded in JUNK
        or all(w in _IDEOLOGY for w in folded.split())  # "a Sunni Islamist group": creeds, not a name
        or all(w in _IDEOLOGY or w in _DEMONYM_WORDS or w in _REGION_WORDS for w in folded.split())  # "Iraqi Shia
        # Islamist", "Southeast Asian Islamist", "Central Asian": adjectives before a noun, no name
        or folded.startswith("cc ")
        or bool(_VESSEL.match(name))
        or folded in _DEMONYM_WORDS
        or head in NOT_ACTOR_HEADS
        or not any(c.isalpha() for c in name)
    )


_REGION_WORDS = frozenset(
    "central southeast southwest northeast northwest south north east west eastern western northern southern "
    "middle asian african european american arab latin".split()
)
_DEMONYM_WORDS = frozenset(fold(w) for w in [*DEMONYMS, *CAPITALS, "English", "Arab", "Arabic", "Pashtun", "Sunni"])


def _one_word_ok(
    text: str, start: int, end: int, name: str, counts: dict[str, int], lowercase: set[str], sentence_start: bool
) -> bool:
    """A one-word name is kept only on clear evidence: a cue word, a hyphenated group name, an acronym seen
    twice, or a name seen twice after "the"; never a place ("in Quetta") or a word also written in lower case."""
    folded = fold(name)
    if folded in _ONE_WORD:
        return True
    if re.fullmatch(rf"[A-Z][a-z]+(?:-{_PARTICLE}-[A-Z][a-z]+|-[A-Z][a-z]+)+", name):
        return True  # Lashkar-e-Tayyiba, Jaish-e-Mohammed
    if re.fullmatch(r"(?:al|el)-[A-Z][\w]+(?:[’'][\w]+)?", name):
        return True  # al-Qaeda, al-Qa’ida, al-Shabaab
    parent = re.fullmatch(r"(?P<parent>[A-Z]{3,6})-(?:[A-Z]{2,5}|[A-Z][a-z]{3,})", name)
    if parent and parent.group("parent") not in _STATE_ACRONYMS:
        return True  # ISIS-DRC, ISIS-Mozambique, AQIM-Sahel: a group's acronym and the branch's place or letters
    if sentence_start or folded in lowercase or _PLACE_BEFORE.search(text[max(0, start - 20) : start]):
        return False
    if _PLACE_AFTER.match(text[end : end + 20]):
        return False
    if re.fullmatch(r"[A-Z][A-Za-z]{1,5}", name) and sum(c.isupper() for c in name) >= 2:
        return counts.get(name, 0) >= 2 and len(name) >= 3  # an acronym used more than once
    if counts.get(name, 0) >= 2 and text[max(0, start - 4) : start].casefold() == "the ":
        return True
    # A name the text keeps using inside its sentences as a noun phrase of its own ("revenue for Hizballah.",
    # "By funding Hizballah,", "proxies like Hizballah,") is a name even without "the": a common word is written
    # in lower case there, and a place is caught above by "in" or "province".
    return counts.get(" " + name, 0) >= 3 and folded not in STATE_ORGANS


_IN_REGION = re.compile(
    rf"(?P<group>(?:{_PARTICLE}-)?[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){{0,3}})[ \t]+in[ \t]+the[ \t]+"
    r"(?P<region>[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){0,2})"
)


def _of_state(text: str, at: int, known: list[Mention], states: set[str]) -> bool:
    """True when ``text[at:]`` goes on with "of" and a state just matched ("... of Afghanistan")."""
    lead = re.match(r"[ \t]+of[ \t]+(?:the[ \t]+)?", text[at : at + 12])
    return bool(lead) and any(m.start == at + lead.end() and m.actor in states for m in known)


def _organ_of_state(
    text: str, start: int, end: int, known: list[Mention], states: set[str], leading: bool = False
) -> bool:
    """ "U.S. Air Force", "Pakistan Army", "Afghan government": part of the state just named, not an actor.

    ``leading``: the state's name may open the span itself ("Afghan National Defense and Security Forces").
    """
    words = fold(text[start:end]).split()
    if not words or words[-1] not in STATE_ORGANS and " ".join(words[-2:]) not in STATE_ORGANS:
        return False
    if leading and any(
        m.actor in states and start <= m.start and text[start : m.start].strip() in ("", *_STARTERS) for m in known
    ):
        return True
    return any(m.actor in states and m.end <= start and not text[m.end : start].strip(" ’'s") for m in known)


def find_candidates(
    text: str,
    spans: list[tuple[int, int]],
    known: list[Mention],
    known_names: set[str],
    states: set[str] = frozenset(),
) -> list[Candidate]:
    """Candidate actors in the given sentence spans, in order of first appearance.

    ``known`` are the gazetteer mentions (their text is never a candidate);
    ``known_names`` are every alias in the gazetteer, casefolded.
    """
    lowercase_words = set(re.findall(r"\b[a-z][a-z’'-]+\b", text))
    lowercase_folded = {fold(w) for w in lowercase_words}
    counts: dict[str, int] = {}
    for word in re.findall(r"(?<![\w-])[A-Z][\w-]*", text):
        counts[word] = counts.get(word, 0) + 1
    # inside a sentence, a noun phrase of its own ("revenue for Hizballah.", "like Hizballah,"), not a modifier
    # ("Easter bombings", "the Hazara community")
    for word in re.findall(r"(?<=[a-z,] )[A-Z][a-z]{2,}(?=[.,;:’'])", text):
        counts[" " + word] = counts.get(" " + word, 0) + 1
    found: dict[str, Candidate] = {}
    junk_acronyms: set[str] = set()

    def add(name: str, kind: str, aliases: list[str]) -> None:
        name = name.strip(" ,;:-")
        if len(name) < 3 or _junk(name) or name.casefold() in known_names or name in junk_acronyms:
            return
        if fold(name) in _BARE_ORGANS:
            return  # "The Department has also designated ...": the writer's own department, not a name
        words = name.split()
        if len(words) == 2 and words[0] in DEMONYMS and fold(words[1]) in STATE_ORGANS:
            return  # "the Iraqi Government" is the state, found by its demonym
        if name[0].islower() and not re.match(rf"{_PARTICLE}-", name):
            return  # "administered Kashmir" is what is left of "Pakistan-administered Kashmir"
        if any(a.casefold() in known_names for a in aliases):
            return
        if any(name in c.aliases for c in found.values()):
            return  # "the JLF" after "Jamaat Liberation Front (JLF)"
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
            owner = _OWNER.search(text, max(start, match.start("name") - 60), match.start("name"))
            possessor = _clean_run(owner.group(1), True, set())[0] if owner else ""
            if possessor and _initials(f"{possessor} {match.group('name')}") == match.group("acronym").upper():
                # "the Islamic State's West Africa Province (ISWAP)": the acronym spells the possessor too, so the
                # name runs through the possessive, and its head ("Province") is no place
                name = f"{possessor} {match.group('name')}"
                kind = suggest_kind(name)
                found.setdefault(
                    "new:" + name.casefold(),
                    Candidate(
                        "new:" + name.casefold(),
                        name,
                        "armed_group" if kind == "other" else kind,
                        "",
                        "",
                        [name, match.group("acronym")],
                    ),
                )
                covered.append((owner.start(1), match.end("acronym")))
                continue
            cleaned, titled = _clean_run(name, match.start() == start, lowercase_words)
            if cleaned and _junk(cleaned):
                junk_acronyms.add(match.group("acronym"))  # "Specially Designated Global Terrorist (SDGT)"
            if _organ_of_state(text, match.start("name"), match.end("name"), known, states, leading=True):
                covered.append((match.start(), match.end("acronym")))  # "Afghan National Defense and Security Forces"
                continue
            if cleaned and not any(a <= match.start("acronym") < b for a, b in covered):
                add(cleaned, suggest_kind(cleaned, titled), [cleaned, match.group("acronym")])
            covered.append((match.start(), match.end("acronym")))
        for match in _IN_REGION.finditer(text, start, end):  # "AQ in the Arabian Peninsula"
            group, region = match.group("group"), match.group("region")
            expanded = next((c.name for c in found.values() if group in c.aliases and c.name != group), group)
            if suggest_kind(expanded) != "armed_group" or any(
                a < match.end() and b > match.start() for a, b in covered
            ):
                continue
            if _PLACE_AFTER.match(text[match.end() : match.end() + 20]):
                continue  # "a branch of the Islamic State in the Khorasan region": a place, not part of the name
            names = list(dict.fromkeys([f"{expanded} in the {region}", f"{group} in the {region}"]))
            add(names[0], "armed_group", names)
            covered.append((match.start(), match.end()))
        for named in _OR_SHORT.finditer(text, start, end):  # "The Islamic State of ... – ..., or ISIS-DRC,"
            long_name = _clean_run(re.sub(r"\s+", " ", named.group("long")), named.start() == start, set())[0]
            add(named.group("short"), suggest_kind(long_name), [named.group("short"), long_name])
            covered.append((named.start(), named.end()))
        for known_as in _KNOWN_AS.finditer(text, start, end):  # "X, also known as Y and Z,": names of X
            holder = next((c for c in found.values() if known_as.group("holder") in c.aliases), None)
            if holder is not None:
                for alias in re.split(r"\s+and\s+(?:the\s+)?", known_as.group("aliases")):
                    alias = alias.strip()
                    if alias and alias not in holder.aliases:
                        holder.aliases.append(alias)
                covered.append((known_as.start("aliases"), known_as.end("aliases")))
        for gloss in _GLOSS.finditer(text, start, end):  # "(Arabic: ..., lit. 'Organization for the ...')"
            covered.append((gloss.start(), gloss.end()))
        for match in _RUN.finditer(text, start, end):
            if re.search(r"(?<![\w-])[a-z]+-$", text[max(start, match.start() - 8) : match.start()]):
                continue  # "sub-Saharan Africa", "pro-Western": a name inside a lower-case compound is a modifier
            pieces = [
                piece for a, b in _pieces(text, match.start(), match.end()) for piece in _uncovered(a, b, covered)
            ]
            for piece_start, piece_end in pieces:
                if _organ_of_state(text, piece_start, piece_end, known, states):
                    continue
                # "Ahmed Khan of the Quetta Civil Hospital" is two names; "Bank of England" is one
                offset = piece_start
                for n, piece in enumerate(_SPLIT.split(text[piece_start:piece_end])):
                    at_start = piece_start == start and n == 0 or not text[start:piece_start].strip(" \"“‘'(")
                    cleaned, titled = _clean_run(piece, at_start, lowercase_words)
                    words = [t for t in _tokens(cleaned) if t.casefold() not in _CONNECTORS or t in _NAME_PARTS]
                    where = text.find(cleaned, offset) if cleaned else -1
                    person_title = (_tokens(piece.strip()) or [""])[0].rstrip(".") in _PERSON_TITLES
                    if where >= 0 and _POLITY.search(cleaned) and _of_state(text, where + len(cleaned), known, states):
                        pass  # "Islamic Republic of Afghanistan": the state's formal name
                    elif len(words) >= 3 and _of_candidate(cleaned, found):
                        holder, _, group = cleaned.rpartition(" of ")
                        add(holder, suggest_kind(holder, titled), [holder])  # "Abu Yasir Hassan of ISIS-Mozambique"
                    elif len(words) >= 2 or (len(words) == 1 and country(cleaned)):
                        add(cleaned, suggest_kind(cleaned, titled), [cleaned])
                    elif len(words) == 1 and where >= 0 and person_title and fold(cleaned) not in lowercase_folded:
                        add(cleaned, "person", [cleaned])  # "Mullah Fazlullah headed the group"
                    elif len(words) == 1 and where >= 0:
                        initial = at_start and where == piece_start
                        if _one_word_ok(text, where, where + len(cleaned), cleaned, counts, lowercase_folded, initial):
                            add(cleaned, suggest_kind(cleaned, titled), [cleaned])
                    offset = piece_start + len(piece)
        for match in _DEMONYM.finditer(text, start, end):  # "attacks against Israeli and Egyptian interests"
            iso3 = DEMONYMS[match.group(0)]
            before = text[max(start, match.start() - 30) : match.start()]
            after = text[match.end() : match.end() + 30]
            in_name = re.match(r"[ \t]*[A-Z]", after) or re.search(r"(?<![.!?])[ \t][A-Z][\w’'-]*[ \t]*$", before)
            if iso3 in states or in_name:
                continue  # a gazetteer state links its demonyms itself; "Egyptian Islamic Jihad" is a name
            named = _country_name(iso3)
            if named:
                add(named, "state", [named])
    _kinds_from_definitions(text, spans, found)
    return _merge_acronyms(found)


_GROUP_NOUN = (
    r"(?:organi[sz]ations?|groups?|militias?|movements?|networks?|factions?|insurgency|fronts?|outfits?|"
    r"coalitions?|alliances?|forces|army|wing|branch|affiliate|offshoot|cells?|cult|sect)"
)
_ARMED_WORD = re.compile(
    r"\b(?:militant|terrorist|jihadi\w*|insurgent|armed|paramilitary|rebel|guerrilla|extremist|separatist|"
    r"militia|Islamist|Salafi\w*|Maoist|Marxist|dissident|republican|nationalist|violent)\b",
    re.I,
)
# "X (XY; gloss), also known as Z, is an Iraqi Shia Islamist political party and paramilitary organization",
# "X, a Maoist insurgent group, ...": the sentence that opens with a name says what it is.
_DEFINED_AS = re.compile(
    rf"(?:[^.;]{{0,300}}?,\s+|\s*\([^()]*(?:\([^()]*\)[^()]*)*\)[^.;]{{0,200}}?\s+|\s+)"
    rf"(?:(?:is|was|are|were|remains|became)\s+)?(?:an?|the|one\s+of\s+the)\s+"
    rf"(?P<phrase>(?:(?!(?:of|for|with|in|by|to|from|that|which|who|whose)\b)[\w’'-]+\s+){{0,8}}?)"  # one noun phrase
    rf"(?P<noun>{_GROUP_NOUN})\b",
    re.I,
)

_FTO_DESIGNATED = re.compile(
    r"[^.;]{0,150}?\b(?:was|were|is|are|has\s+been|have\s+been)\s+(?:\w+\s+)?designated\s+(?:as\s+)?(?:an?\s+)?"
    r"(?:Foreign\s+Terrorist\s+Organi[sz]ation|FTO)\b"
)


def _kinds_from_definitions(text: str, spans: list[tuple[int, int]], found: dict[str, Candidate]) -> None:
    """A candidate guessed a person only because its name is two to four plain words ("Jemaah Islamiyah",
    "Shining Path") is a group when a claim that opens with it says so: "X ... is a militant group", "X, a
    Maoist organization, ...". Armed words in the description make it an armed group, else an organisation
    ("other"). A person's description ("X is a senior commander") has no group noun, so changes nothing; "X was
    designated as an FTO" names an organisation.
    """
    guessed = {
        c.key: c
        for c in found.values()
        if c.kind == "person" and not any(t.rstrip(".") in TITLES for t in _tokens(c.name))
    }
    if not guessed:
        return
    by_alias = {a: c for c in guessed.values() for a in c.aliases}
    names = sorted(by_alias, key=len, reverse=True)
    opener = re.compile(r"[\s\"“]*(?:The\s+)?(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    for start, end in spans:
        match = opener.match(text, start, end)
        if not match:
            continue
        definition = _DEFINED_AS.match(text, match.end(), end)
        if definition is None:
            if _FTO_DESIGNATED.match(text, match.end(), end):
                by_alias[match.group(1)].kind = "armed_group"  # an FTO is an organisation; a person is an SDGT
            continue
        head = definition.group(0)
        if re.search(r"\b(?:is|was|are|were|remains|became)\b", head[: definition.start("phrase") - match.end()]):
            pass  # a copula: "X ... is a ... group"
        elif not re.match(r"[^,]*,\s+(?:an?|the|one\s+of\s+the)\s", head):
            continue  # no copula, no appositive: "X attacked a group of tourists" says nothing of X
        candidate = by_alias[match.group(1)]
        described = definition.group("phrase") + definition.group("noun")
        candidate.kind = "armed_group" if _ARMED_WORD.search(described) else "other"


_BARE_ACRONYM = re.compile(r"(?=(?:[a-z&]*[A-Z]){2})[A-Z][A-Za-z&]{1,9}")  # IMU, LeT, JeM: two capitals or more


def _spelt_by(acronym: str, name: str) -> bool:
    """True when ``acronym`` is the initials of ``name``'s words, with or without its small words ("IMU" for
    "Islamic Movement of Uzbekistan"; "LeT" for "Lashkar-e-Taiba", where the particle is a word of its own)."""
    parts = [p for p in re.split(r"[\s-]+", name) if p[:1].isalpha()]
    full = "".join(p[0] for p in parts)
    capitals = "".join(p[0] for p in parts if p[0].isupper())
    return acronym in (full, capitals) or (acronym.casefold() == full.casefold() and acronym[0] == full[0])


def _merge_acronyms(found: dict[str, Candidate]) -> list[Candidate]:
    """An acronym seen on its own ("IMU") that spells the name of exactly one other candidate ("Islamic Movement
    of Uzbekistan") is that candidate, not a second one: writers spell a name out once, perhaps far from the
    acronym or on a line that is no claim ("aka IMU"), and use the acronym after. Names it could spell that are
    spellings of one name ("Lashkar-e-Taiba", "Lashkar-e-Tayyiba") give it to the first; two different names, or
    none, leave it as it is for the analyst.
    """
    merged = dict(found)
    for key, short in found.items():
        if not _BARE_ACRONYM.fullmatch(short.name) or short.aliases != [short.name]:
            continue
        owners = [
            c
            for c in found.values()
            if c is not short
            and c.kind != "state"
            and len(re.split(r"[\s-]+", c.name)) >= 2
            and _spelt_by(short.name, c.name)
        ]
        spellings = all(fuzz.ratio(fold(owners[0].name), fold(c.name)) >= 80 for c in owners[1:])
        if len(owners) == 1 or (owners and spellings):  # "LeT": Lashkar-e-Taiba, written first, or -e-Tayyiba
            owners[0].aliases.append(short.name)
            del merged[key]
    return list(merged.values())


# A state's demonym in the singular: the state ("the Malian army", "Israeli targets"); its plural is a people.
_SINGULAR_DEMONYMS = sorted(
    (d for iso3, (forms, _) in COUNTRIES.items() for d in forms if not any(d == f + "s" for f in forms)),
    key=len,
    reverse=True,
)
_DEMONYM = re.compile(  # "anti-Iranian" too: the state is what the group stands against
    r"(?:(?<![\w-])|(?<=\b[Aa]nti-))(?:" + "|".join(re.escape(d) for d in _SINGULAR_DEMONYMS) + r")(?![\w-])"
)


@cache
def _country_name(iso3: str) -> str:
    """The name a state is shown by, for a candidate found by its demonym alone."""
    for canonical, alpha_3 in _country_index().values():
        if alpha_3 == iso3:
            return canonical
    return ""


_OWNER = re.compile(rf"({_RUN.pattern})['’]s[ \t]+$")


def _initials(name: str) -> str:
    """The capitals that start a name's words ("Islamic State West Africa Province" is ISWAP)."""
    return "".join(t[0] for t in _tokens(name) if t[0].isupper())


def matching_names(candidate: Candidate) -> list[str]:
    """The names a candidate is found by in text: its aliases and, for a state the gazetteer lacks, its demonyms
    ("the Lebanese state", "Malian troops"); a demonym is never a candidate's name, only its state's."""
    demonyms = COUNTRIES.get(candidate.iso3, ((), ()))[0] if candidate.kind == "state" else ()
    return [*candidate.aliases, *(d for d in demonyms if d not in candidate.aliases)]


# A gloss of a name in another language or its translation, in a parenthesis: the subject's own names, not
# other actors ("(Arabic: هيئة تحرير الشام, romanized ..., lit. 'Organization for the Liberation of the Levant')")
_GLOSS = re.compile(
    r"\((?:[A-Z][A-Za-z]{1,7};\s*)?(?=[A-Z][a-z]+:|lit\.|romani[sz]ed|transl\.)[^()]*(?:\([^()]*\)[^()]*)*\)"
)  # after the acronym it may open with: "(HTS; Arabic: ...)"
# "The Islamic State of Iraq and Syria – Mozambique, or ISIS-Mozambique,": a long name, then its short form
_OR_SHORT = re.compile(
    rf"(?P<long>{_RUN.pattern}(?:[ \t]+(?:and|–|—|-)[ \t]+{_RUN.pattern})*),[ \t]+or[ \t]+"
    r"(?P<short>[A-Z][\w]*-?[A-Z][\w-]*)(?=,)"
)
# "ISIS-DRC, also known as the Allied Democratic Forces and Madina at Tauheed Wau Mujahedeen,"
_KNOWN_AS = re.compile(
    r"(?P<holder>[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){0,4})\)?,?[ \t]+"
    r"(?:(?:also|formerly|previously)[ \t]+known[ \t]+as|officially(?:[ \t]+(?:called|named|termed))?)[ \t]+"
    r"(?:the[ \t]+)?(?P<aliases>[A-Z][^,.;()]{1,80}?)(?=\s*[,.;()]|$)"
)  # the names run to the end of the phrase, with their lower-case words ("Madina at Tauheed Wau Mujahedeen")
_IDEOLOGY = frozenset(
    fold(w)
    for w in (
        "Sunni Shia Shiite Islamist Islamists Salafi Salafist Jihadist Jihadi Deobandi Wahhabi Marxist Leninist "
        "Maoist Trotskyist Baathist Nasserist Marxist-Leninist Marxist-Leninist-Maoist"
    ).split()
)


def _of_candidate(name: str, found: dict[str, Candidate]) -> bool:
    """True for "<name> of <a candidate already found>": two names, the one "of" the other (a leader of his group,
    "Abu Yasir Hassan of ISIS-Mozambique"), not one name such as "Bank of England" never seen alone."""
    holder, of, group = name.rpartition(" of ")
    return bool(of) and len(holder.split()) >= 2 and any(group in c.aliases for c in found.values())


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
