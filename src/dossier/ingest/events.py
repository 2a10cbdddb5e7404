"""Candidate events: a sentence that names an actor and reports an event with a word of the lexicon.

Each candidate keeps the claim that evidences it and the trigger word that fired.
Roles come from the sentence's structure, read left to right around the trigger:

- active voice: the actor nearest before the trigger is its subject (the perpetrator
  or agent), the first actor after it, before any "in/at/near/during" phrase, its object;
- passive voice ("X was attacked by Y") and "by" phrases: the actor after "by" is the
  subject and the actor before the trigger the object;
- "against/on/targeting X" and, for a noun, "of X" ("the hijacking of the Jaffar
  Express") mark the object; a state after "in" is the location;
- attribution is kept apart from the act: whoever "claimed responsibility" is the
  subject and the attribution reads "claimed"; in "X blamed Y" or "attributed to Y",
  Y is the subject and X, who attributes it, is only associated.

Generic mentions ("numerous attacks", "This attack came hours after ...") are not events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .actors import Mention
from .dates import DateMention, find_dates
from .normalise import BY_AGENT as _BY
from .normalise import phrase_pattern

# event_type: the words and phrases that report it. The longest match in a sentence wins its place.
LEXICON: dict[str, tuple[str, ...]] = {
    "suicide_bombing": (
        "suicide bombing",
        "suicide bombings",
        "suicide attack",
        "suicide attacks",
        "suicide bomber",
        "suicide bombers",
        "suicide blast",
        "suicide car bombing",
        "twin suicide bombings",
    ),
    "drone_strike": (
        "drone strike",
        "drone strikes",
        "drone attack",
        "drone attacks",
        "unmanned airstrike",
        "unmanned strike",
        "over-the-horizon",
        "over the horizon",
    ),
    "airstrike": (
        "airstrike",
        "airstrikes",
        "air strike",
        "air strikes",
        "air raid",
        "air raids",
        "bombed from the air",
    ),
    "bombing": (
        "bombing",
        "bombings",
        "bombed",
        "bomb attack",
        "blast",
        "blasts",
        "explosion",
        "explosions",
        "ied",
        "car bomb",
        "detonated",
        "detonate",
    ),
    "attack": (
        "attack",
        "attacks",
        "attacked",
        "attacking",
        "assault",
        "assaulted",
        "ambush",
        "ambushed",
        "stormed",
        "opened fire",
        "launched rockets",
        "fired rockets",
        "launched missiles",
        "fired missiles",
        "barrage of missiles",
        "barrage of rockets",
        "missile attack",
        "missile attacks",
        "rocket attack",
        "rocket attacks",
        "shelled",
        "shelling",
        "massacre",
        "gunmen killed",
        "assassination",
        "assassinated",
    ),
    "raid": ("raid", "raids", "raided", "counterterrorism operation", "military operation"),
    "hijacking": ("hijack", "hijacked", "hijacking", "hijackers"),
    "kidnapping": (
        "kidnap",
        "kidnapped",
        "kidnapping",
        "abducted",
        "abduction",
        "took hostage",
        "taken hostage",
        "held hostage",
    ),
    "fall_of_city": ("took over the city", "took control of the city", "fell to", "fall of", "entered the capital"),
    "seizure": (
        "seize",
        "seizes",
        "seized",
        "seizing",
        "seizure",
        "took control of",
        "take control of",
        "take full control of",
        "took full control of",
        "taken control of",
        "takeover",
        "overran",
        "took over",
    ),
    "capture": ("capture", "captures", "captured", "capturing", "apprehension", "apprehended"),
    "arrest": ("arrest", "arrests", "arrested", "arresting", "detained", "detains"),
    "clash": (
        "clash",
        "clashes",
        "clashed",
        "firefight",
        "gun battle",
        "exchange of fire",
        "fighting between",
        "battle with",
        "battles with",
        "skirmish",
        "skirmishes",
    ),
    "visit": ("visit", "visits", "visited", "visiting", "trip to", "travelled to", "traveled to"),
    "talks": (
        "talks",
        "met",
        "meeting",
        "meetings",
        "negotiations",
        "negotiated",
        "held discussions",
        "engaged with",
        "peace talks",
        "summit",
    ),
    "address": ("addressed", "address to", "speech"),
    "agreement": (
        "agreement",
        "accord",
        "signed",
        "deal",
        "ceasefire",
        "cease-fire",
        "peace deal",
        "treaty",
    ),
    "loan": ("loan", "loans", "bailout", "extended fund facility", "credit facility", "disbursed"),
}
_TYPE_OF = {phrase: kind for kind, phrases in LEXICON.items() for phrase in phrases}
_TRIGGER = phrase_pattern(_TYPE_OF, boundary=r"(?![\w-])")
_NOUN_PLURAL = re.compile(r"(?:s|ings)$")
_GENERIC = re.compile(
    r"\b(?:numerous|several|many|multiple|additional|other|various|majority of|series of|frequent|repeated|some|"
    r"such|further|more|most|future|any|possible|potential|no|fewer|recent|reduced|increased|halted|stopped|"
    r"ended|suspended|resumed|number\s+of)\s+(?:[\w–.-]+\s+){0,3}$",
    re.IGNORECASE,
)
_ANAPHOR = re.compile(r"^\W*(?:this|that|the|these|those|such)\s+(?:[\w-]+\s+){0,1}$", re.IGNORECASE)
_NORMATIVE = re.compile(r"\b(?:must|should|ought to|needs? to)\s+$", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_OBJECT_MARK = re.compile(r"\b(?:against|on|targeting|upon|at|into)\s+(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)
_VICTIM = re.compile(
    r"^[\w\s’'-]{0,25}?\b(?:was|were|been|are|is)\s+(?:\w+ly\s+)?(?:killed|wounded|injured|kidnapped|abducted|targeted|attacked|hit)\b",
    re.I,
)
_AGENTIVE = re.compile(
    r"\b(?:carried\s+out|carries\s+out|conducted|conducts|launched|launches|claimed|claims|committed|commits|staged|"
    r"mounted|perpetrated|executed|was\s+responsible|is\s+responsible|were\s+responsible|are\s+responsible|"
    r"has\s+carried\s+out|behind)\b",
    re.I,
)
_OF = re.compile(r"\bof\s+(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)
_ACCUSED = re.compile(
    r"\b(?:is|was|were|are|been|being)\s+(?:\w+ly\s+)?(?:accused|suspected|blamed|charged)\s+"
    r"(?:by\s+[^,;]{1,60}?\s+)?(?:of|for|in)\s+(?:[\w’'-]+\s+){0,6}$",
    re.IGNORECASE,
)
_WITH = re.compile(r"\b(?:with|between|and)\s+(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)
_LOCATIVE = re.compile(
    r"\b(?:in|near|at|from|across|inside|outside|during|into|over|within)\s+(?:the\s+)?$", re.IGNORECASE
)
_CLAIMED = re.compile(r"\bclaim(?:ed|s|ing)?\s+(?:\w+\s+){0,2}responsib", re.IGNORECASE)
# A possessive, then a year or capitalised names, before a noun trigger: "LeT’s 2008 Mumbai attacks"
_POSSESSOR = re.compile(r"['’]s?[ \t]+(?:(?:\d{4}|[A-Z][\w-]*)[ \t]+){1,3}")
_BLAMED = re.compile(r"\b(?:blamed|blames|accused|accuses|held)\b", re.IGNORECASE)
_ATTRIBUTED = re.compile(r"\b(?:attributed|blamed)\s+(?:\w+\s+){0,3}?(?:to|on)\s+(?:the\s+)?$", re.IGNORECASE)
_NOUN_TRIGGERS = frozenset(
    "attack attacks bombing bombings blast blasts explosion explosions assault ambush massacre raid raids hijacking "
    "kidnapping abduction seizure capture arrest arrests clash clashes visit talks meeting meetings agreement accord "
    "deal ceasefire treaty loan bailout withdrawal evacuation evacuations speech".split()
)


@dataclass
class CandidateEvent:
    event_type: str
    trigger: str
    trigger_start: int
    actors: list[tuple[str, str]] = field(default_factory=list)  # (actor key, role)
    date: DateMention | None = None
    attribution: str = ""  # "claimed by TTP", "attributed by PAK"


def _is_noun(phrase: str) -> bool:
    last = phrase.split()[-1]
    return last in _NOUN_TRIGGERS or not last.endswith(("ed", "ing")) and last not in _PAST_FORMS


_PAST_FORMS = frozenset("met took fell overran struck hit seize seizes hijack kidnap capture captures arrest".split())
_HIT = re.compile(
    r"^\W*(?:\w+\s+){0,2}?(?:killed|kills|hit|hits|targeted|targets|struck|destroyed|wounded|injured)\s+(?:\w+\s+){0,3}$",
    re.I,
)
_ACTIVE = re.compile(
    r"^\s+(?:\w+ly\s+)?(?:has\s+|have\s+|had\s+)?(?:\w+ed|held|met|led|took|made|won|gave|sent|struck|hit|began|fought|"
    r"signed|granted|extended|approved|agreed|offered|provided)\b",
    re.I,
)


def _roles(text: str, start: int, end: int, trigger: re.Match, mentions: list[Mention], states: set[str]):
    """(actor, role) pairs for one trigger, and the attribution note."""
    word = trigger.group(1).casefold()
    noun = _is_noun(word)
    passive = bool(_PASSIVE.search(text, max(start, trigger.start() - 30), trigger.start()))
    claimant = bool(_CLAIMED.search(text, start, end))
    roles: dict[str, str] = {}
    attribution = ""
    before = [m for m in mentions if m.end <= trigger.start()]
    after = [m for m in mentions if m.start >= trigger.end()]
    accused = _ACCUSED.search(text, start, trigger.start())
    if accused:  # "LeT has been accused by India of attacking ...": the accused did it, the accuser says so
        accusers = [m for m in before if m.start >= accused.start()]
        suspects = [m for m in before if m.end <= accused.start()]
        for m in accusers:
            roles.setdefault(m.actor, "associated")
        if suspects:
            roles.setdefault(suspects[-1].actor, "subject")
            attribution = f"accused by {accusers[0].actor}" if accusers else "suspected"
    for m in mentions:
        lead = text[max(start, m.start - 30) : m.start]
        compound = text[m.end : m.end + 1] == "-"  # "in U.S.-Pakistan relations"
        by_other = re.search(r"\b(?!" + re.escape(trigger.group(1).split()[-1]) + r"\b)\w+ed\s+by\s+(?:the\s+)?$", lead)
        if by_other and re.fullmatch(r"\s+\w+ed\s+by\s+(?:the\s+)?", text[trigger.end() : m.start]):
            by_other = None  # "the attacks conducted by X": the participle is the trigger's own, X its agent
        if m.actor in states and re.search(r"\b(?:in|within|city\s+of|town\s+of)\s+$", lead) and not compound:
            roles.setdefault(m.actor, "location")  # "in Pakistan", "within Yemen", "the city of Kabul"
        elif (
            _BY.search(lead)
            and not by_other
            and m.start > trigger.start()
            and len(text[trigger.end() : m.start].split()) <= 6
        ):
            roles.setdefault(m.actor, "subject")  # not "villages inhabited by the Hazara": another verb's agent
        elif _VICTIM.match(text[m.end : m.end + 60]) and m.end <= trigger.start():
            roles.setdefault(m.actor, "object")  # "13 U.S. soldiers were killed in the attacks"
        elif _ATTRIBUTED.search(text, start, m.start) and m.start > trigger.start():
            roles.setdefault(m.actor, "subject")
            attribution = "attributed"
    if passive:
        for m in reversed(before):
            if m.actor not in roles:
                roles[m.actor] = "object"
                break
    else:
        subject = None
        agent = None
        owners: list[Mention] = []
        if noun:
            agents = list(_AGENTIVE.finditer(text, start, trigger.start()))
            agent = agents[-1] if agents else None
            adjacent = [m for m in before if not text[m.end : trigger.start()].strip(" ’'s-")]
            owners = [m for m in before if _POSSESSOR.fullmatch(text, m.end, trigger.start())]
            adjacent = adjacent or owners  # "LeT’s 2008 Mumbai attacks": a possessor before a date or a place
            active = [m for m in before if _ACTIVE.match(text[m.end : m.end + 40])]
            blame = _BLAMED.search(text, start, trigger.start())
            claimer = [m for m in before if agent is not None and m.end <= agent.start()]
            if agent is not None and claimer and _CLAIMED.match(text, agent.start()) and not owners:
                before = claimer  # "X claimed responsibility for the Pahalgam attack": the claimer, not the place
                if re.fullmatch(r",\s+(?:a|an|the)\s+[^,]*,\s*(?:\w+\s+){0,2}", text[claimer[0].end : agent.start()]):
                    before = claimer[:1]  # "X, a Y front, claimed ...": the head of the appositive claims
            elif adjacent:
                before = adjacent  # "the ISIS-K attack", "BLA’s attack"
            elif blame is not None:
                charged = [m for m in before if m.start >= blame.end()]
                for m in charged[1:]:  # "accused X of being involved in the Indian Parliament attack"
                    if m.actor in states and m.actor != charged[0].actor:
                        roles.setdefault(m.actor, "object")  # a state named in the charge is what was hit
                before = [m for m in before if m.end <= blame.start()][-1:] + charged[:1]  # the blamer, the blamed
            elif agent is not None:
                before = [m for m in before if m.end <= agent.start()]
            elif active:
                before = active[-1:]  # "The IMF approved a loan"
            else:
                before = []
        for m in reversed(before):
            lead = text[max(start, m.start - 30) : m.start]
            if m.actor in roles or _LOCATIVE.search(lead) or _OF.search(lead) and noun and m not in owners:
                continue  # "the hijacking of X": X is hit; but in "the planners of X's attack" X did it
            if "subject" in roles.values():
                break
            subject = m
            break
        if subject is not None:
            blamer = _BLAMED.search(text, max(start, subject.start - 40), trigger.start())
            blamed = [m for m in before if m.start >= blamer.end()] if blamer else []
            if blamer and blamer.start() >= subject.end:
                blamed = [m for m in mentions if blamer.end() <= m.start and m.end <= trigger.start()] or [
                    m for m in after if m.actor not in roles
                ][:1]
            if blamer and blamed and blamer.start() >= subject.end:
                roles[subject.actor] = "associated"
                roles[blamed[0].actor] = "subject"
                attribution = f"blamed by {subject.actor}"
            else:
                roles[subject.actor] = "subject"
                if claimant:
                    attribution = "claimed"
    if noun:  # "the 2024 Iran–Pakistan border skirmishes", "U.S.-Taliban talks": a dashed pair names both parties
        preceding = [m for m in mentions if m.end <= trigger.start()]
        for first, second in zip(preceding, preceding[1:]):
            if re.fullmatch(r"\s*[-–—]\s*", text[first.end : second.start]) and _PAIR_BEFORE.fullmatch(
                text, second.end, trigger.start()
            ):
                roles[first.actor], roles[second.actor] = "subject", "object"
    if re.search(r"\b(?:with|between)$", word) and after and after[0].actor not in roles:
        roles[after[0].actor] = "object"  # "killed in battle with X": the one the trigger names is the other party
    objected = "object" in roles.values()
    for m in after:
        if m.actor in roles:
            continue
        lead = text[max(trigger.end(), m.start - 30) : m.start]
        gap = text[trigger.end() : m.start]
        marked = _OBJECT_MARK.search(lead) or (noun and _OF.search(lead) and len(gap.split()) <= 4)
        marked = (
            marked or noun and (_HIT.match(gap) or re.search(r"\bto\s+(?:the\s+)?$", lead) and len(gap.split()) <= 3)
        )
        direct = not objected and not noun and not passive and len(gap.split()) <= 4 and not _LOCATIVE.search(lead)
        if marked or direct:
            roles[m.actor] = "object"
            objected = True
        elif _WITH.search(lead) and len(gap.split()) <= 6:
            roles[m.actor] = "object" if not objected else "associated"
            objected = True
    for m in mentions:
        roles.setdefault(m.actor, "associated")
    return list(roles.items()), attribution


def find_events(
    text: str, start: int, end: int, mentions: list[Mention], states: set[str], referred: bool = False
) -> list[CandidateEvent]:
    """Candidate events in the sentence ``text[start:end]`` when it names an actor; one per type.

    ``states`` are the actor keys that are countries (so "in Pakistan" is a location). ``referred`` says the
    sentence speaks of an actor as "the group" or "It" ("On April 9, 2016, the group attacked a military
    caravan"): its events are found too, with roles only for the actors it names.
    """
    if not mentions and not referred:
        return []
    dated = [start + d.start for d in find_dates(text[start:end]) if d.known and not d.relative]
    events: dict[str, CandidateEvent] = {}
    found: list[CandidateEvent] = []
    for match in _TRIGGER.finditer(text, start, end):
        phrase = re.sub(r"\s+", " ", match.group(1).casefold())
        kind = _TYPE_OF[phrase]
        lead = text[max(start, match.start() - 40) : match.start()]
        if kind in events and (
            not _dated_between(dated, events[kind].trigger_start, match.start()) or _DEFINITE.search(lead)
        ):
            continue  # one event a type, unless each is dated: "the December 2009 attack ... the April 2010 attack"
        if _NORMATIVE.search(lead[-12:]):
            continue  # "Pakistan must address …" says what ought to happen, not what did
        if _NOUN_PLURAL.search(phrase) and (_GENERIC.search(lead) or _INCLUDE.match(text, match.end())):
            continue  # "numerous attacks", "its attacks include ...": a kind of event, not one
        if _NOUN_PLURAL.search(phrase) and _is_noun(phrase) and _PURPOSE.search(lead) and not dated:
            continue  # "the resources to plan and carry out attacks", "called on X to launch attacks": intended
        if _INTENDED.search(lead):
            continue  # "declared its intention to attack European targets": what is meant, not what happened
        wide = text[max(start, match.start() - 80) : match.start()]
        if _NOUN_PLURAL.search(phrase) and not dated and (_HABITUAL.search(wide) or _LISTED_KIND.search(wide)):
            continue  # "LJ specializes in armed attacks and bombings", "numerous attacks, including bombings",
            # "in the group's attacks": a kind of event, undated, not one
        if (
            _is_noun(phrase)
            and _ANAPHOR.match(text[start : match.start()])
            and not _DATED_NOUN.match(text, match.end())
        ):
            continue  # "This attack came hours after …": an event already told ("The attacks of September 2001" is not)
        if phrase == "ied" and not match.group(1).isupper():
            continue
        roles, attribution = _roles(text, start, end, match, mentions, states)
        events[kind] = CandidateEvent(kind, match.group(1), match.start(), roles, None, attribution)
        found.append(events[kind])
    return _without_shadowed(found, dated)


_INTENDED = re.compile(
    r"\b(?:intention|intent|intends|intended|threat(?:en)?(?:s|ed)?|plans?|planned|planning|plotting|plotted|vow(?:s|ed)?|"
    r"aims?|aimed|seeks?|sought|calls?\s+(?:on|for)\s+[^,.;]{1,40}?|urged\s+[^,.;]{1,40}?)\s+to\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# What a group habitually does, or a list that a generic plural heads: "specializes in armed attacks and
# bombings", "is known for kidnappings", "numerous anti-Israeli attacks, including suicide bombings", and a
# possessive before the plural ("in the group's attacks", "its attacks", "Hamas's attacks")
_HABITUAL = re.compile(
    r"\b(?:speciali[sz](?:es|ed|ing)\s+in|known\s+for|involved\s+in|capable\s+of|relies\s+on|"
    r"focus(?:es|ed)?\s+on|(?:its|their|[\w-]+[’']s))\s+(?:[^\W\d][\w’'-]*\s+){0,4}"  # no year between:
    r"(?:(?:and|or)\s+(?:[^\W\d][\w’'-]*\s+){0,2})?$",  # "LeT's 2008 Mumbai attacks" is one told event
    re.IGNORECASE,
)
_LISTED_KIND = re.compile(
    r"\b(?:numerous|several|many|multiple|various|dozens\s+of|hundreds\s+of|a\s+series\s+of)\s+[^.;]{0,60}?"
    r"\b(?:including|such\s+as)\s+(?:[\w’'-]+\s+){0,3}$",
    re.IGNORECASE,
)
# An infinitive before a plural event noun: what is planned, called for or made possible, not what happened
_PURPOSE = re.compile(r"\bto\s+(?!have\b)(?:[\w-]+\s+){0,5}$", re.IGNORECASE)  # not "claimed to have fired"
_PAIR_BEFORE = re.compile(r"\s+(?:(?:border|bilateral|peace|trade|military|armed)\s+)?", re.IGNORECASE)
_INCLUDE = re.compile(r"\s+(?:include|includes|included|including|such\s+as)\b", re.IGNORECASE)
_DEFINITE = re.compile(r"\b(?:the|this|that|these|those|its|their)\s+$", re.IGNORECASE)  # "... the talks collapsed"
_DATED_NOUN = re.compile(
    r"\s+(?:of|on|in)\s+(?:\d|(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b)"
)


def _dated_between(dated: list[int], first: int, second: int) -> bool:
    """True when a date phrase stands between two triggers: they report two dated events."""
    return any(first < d < second for d in dated)


_SHADOWS = {"suicide_bombing": ("attack", "bombing"), "drone_strike": ("airstrike", "attack", "raid")}
_SHADOWS |= {"fall_of_city": ("seizure", "capture"), "hijacking": ("seizure",), "airstrike": ("attack",)}


def _without_shadowed(events: list[CandidateEvent], dated: list[int] = ()) -> list[CandidateEvent]:
    """A suicide bombing is not also an attack and a bombing in the same sentence, unless each is dated apart
    ("the 2021 Kabul airport attack, ... and the 2024 Kerman suicide bombings")."""
    kept = []
    for event in events:
        shadows = [e for e in events if event.event_type in _SHADOWS.get(e.event_type, ())]
        if all(_dated_between(dated, *sorted((e.trigger_start, event.trigger_start))) for e in shadows):
            kept.append(event)
    return kept
