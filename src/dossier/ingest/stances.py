"""Candidate threat perceptions and relations: what one actor thinks of another, and the ties between them.

Every candidate cites the claim it came from and names the rule that fired
(``perception:views-as``, ``relation:cooperation``), so the analyst can judge it on
the review tab. Nothing is accepted until the analyst (or ``--yes``) says so.

The rules are verb classes and sentence structure rather than one writer's phrases, so
that a new writer's wording is still read: who holds a view is the sentence's subject,
the agent after "by", the source in "according to", or, for a first-person statement
in an official document, the state that wrote it.

Perceptions. "X views Y as the main threat" (or "considers Y a threat"), "Y poses a
serious threat to X", "X's top concern is Y", "X is concerned about / expressed concern
over Y", "X warned of Y", "X faces a growing threat from Y", "Y threatens X", "X
designated Y a terrorist organization", "X banned Y", "Y is viewed as the deadliest
group by X / according to X", and by contrast "X is focusing on Y rather than Z" (Y
primary, Z low). An official writer's own grading ("Y remains the most capable
branch") is its state's view.

Designation and sanction language comes in many forms, and each is a ``recognised``
threat: "is adding Y as a designated FTO", "tagged Y as an SDGT", "the FTO designation
of Y", "Y, a U.S.-designated SDGT", "is sanctioning Y operatives", "maximum pressure
against Y and its proxies like Z", "imposed sanctions on Y", "Y is a terrorist
organization", "Y is a U.S.-designated terrorist". With no designator
named ("The Department has also designated Y", "Y and Z have been designated as FTOs",
"By designating Y and Z, ..."), an official writer is the one designating, since that is
its own act; a past act reported without an agent ("Y was designated in 2019") names no
one. An armed group designates no one; a sanction on "two affiliates of Y" names no
affiliate; the persons in a listed subject ("Y leader A and B of Z were tagged") are the
ones listed; and the subject of "pose a threat" is not a possessor inside the object of a
coordinated verb ("that Y can no longer obstruct X's recovery or pose a threat").

The level comes from the adjective (``LEVEL_WORDS``), on the project's scale; without one
it is ``recognised``.

Relations. A cue word of a kind (``RELATION_CUES``, and every form of the verbs in
``VERB_STEMS``) between or beside two actors of one sentence: "cooperation between X
and Y" (mutual), "X supports Y" (directed), "Y, led by X" (X affiliated to Y), with
every object coordinated after the first ("against X, Y and Z"). Structure adds what
no single cue says: "Under the leadership of X, Y ...", "Y was founded in 1970 by X",
"the X insurgency" in a sentence about a state, "launched missiles at X", "groups
targeting X, including Y and Z". A place, a people ("Some Afghans", "Afghan society"),
a state before a group noun ("an Afghan Islamist group"), the holder of a view ("suspected
by X of ties") or a denied tie makes no party. A person named with a state's title
("U.S. President Donald Trump") is affiliated to that state.

Affiliation is said in many forms besides a cue word: an appositive or a parenthesis
("X, a Y front and proxy", "X (an Y faction)"), a hyphenated compound ("the Y-controlled
bank X"), a list headed by its parent ("Y and its affiliates like X"; "Y's regime and its
proxies like X" is support), and "X of Y" for a person of a group. Two states joined by a
dash before a noun of strife ("the Iran–Pakistan border skirmishes") are in conflict, as
are the subject and object of "undermines" or "obstructs". For precision: an office's
title ("Ambassador X") is no diplomatic tie, an unnamed ally ("our allies") no party,
"part of" a state a place, a name guessed as a person but written "in the X" a place, and
a "by <gerund>" phrase ("supporting X by exposing Z") opens a clause of its own.

Lists and clauses: agents listed after "backed by" all back the one named before the
parenthesis, and none does when that one is unnamed ("allied militias (backed by Y)"); a
listed subject ("X, Y and other countries conducting airstrikes against Z", "X and allied
Y fought Z") shares its predicate, but a fronted phrase ("Influenced by X, the Ys ...")
is no list; a fronted means ("By funding X, Y undermines Z") makes the clause's subject
its agent; "X uses Y as a front to undermine Z" makes X the one acting; and in "a group,
Y, which is believed by X to be part of Z" Y, not X, is tied to Z.

A cue's subject is read within its clause. After a relative pronoun it is the pronoun's
antecedent: the name just before it ("X, which backs Y"; "X, a senior commander who led
Y"), the subject of a copula whose noun the pronoun takes up ("X is an armed group that
fights Y"), or nobody named when the antecedent is a common noun ("a bombing that killed
Y", "two firms that are linked to Y"). A part of a group is not the group ("fighters
within X"), a participle that modifies a noun is no verb ("Y's destabilizing activities",
"those supporting Y"), "met the group's conditions" is no meeting and "threatened X would
..." no threat to X. An office with no holder before it takes the person in apposition
("the leader of Y (YZ), X, said"). Countering a named actor ("X continues to counter
Y's activities", "to disrupt those supporting Y") treats it as a threat, and an unnamed
office of an official writer ("the Deputy Secretary designated Y") designates for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .actors import TITLES, Mention
from .normalise import BY_AGENT as _BY
from .normalise import phrase_pattern

LEVEL_WORDS: dict[str, tuple[str, ...]] = {
    "primary": (
        "primary",
        "main",
        "greatest",
        "biggest",
        "top",
        "foremost",
        "principal",
        "gravest",
        "most serious",
        "most significant",
        "most capable",
        "most dangerous",
        "most lethal",
        "existential",
        "number one",
        "chief",
        "paramount",
        "leading",
        "largest",
        "single greatest",
    ),
    "high": (
        "serious",
        "major",
        "significant",
        "grave",
        "severe",
        "growing",
        "high",
        "rising",
        "increasing",
        "considerable",
        "critical",
        "acute",
        "persistent",
        "substantial",
        "heightened",
        "formidable",
        "potent",
        "enduring",
        "widening",
        "escalating",
        "deadliest",
        "most violent",
        "most active",
        "deadly",
    ),
    "low": (
        "minor",
        "limited",
        "low",
        "marginal",
        "manageable",
        "diminished",
        "lesser",
        "secondary",
        "reduced",
        "little",
    ),
}
_LEVEL_OF = {w: level for level, words in LEVEL_WORDS.items() for w in words}
_ADJ = "|".join(re.escape(w) for w in sorted(_LEVEL_OF, key=len, reverse=True))
_THREAT_NOUN = (
    r"(?:security\s+|terrorist\s+|terrorism\s+|militant\s+)?"
    r"(?:threat|threats|danger|concern|priority|menace|enemy|adversary|risk(?!\s+of\b))"
)

# Nouns that make a graded description a threat: "the most dangerous terrorist group", not "the leading ally".
_HOSTILE = r"(?:terrorist|terrorism|militant|insurgent|jihadi\w*|extremist|armed)\b"

# (rule, pattern between perceiver and threat or after both, order): order "pt" = perceiver first.
_PERCEPTION = (
    (
        "views-as",
        re.compile(
            rf"\b(?:views?|viewed|sees?|saw|regards?|regarded|considers?|considered|perceives?|perceived|recogni[sz]es?|"
            rf"recogni[sz]ed|identifies|identified|treats?|treated|describes?|described|calls?|called|labels?|labell?ed)\b"
            rf"(?P<mid>.{{0,80}}?)\b(?:as\s+(?:a|an|the|its|their)?|(?<=\s)(?:a|an|the|its|their))\s*(?:(?P<adj>{_ADJ})\s+)?"
            rf"(?:\w+\s+){{0,2}}?{_THREAT_NOUN}\b",
            re.I,
        ),
        "pt",
    ),
    (
        "poses-to",
        re.compile(
            rf"\b(?:poses?|posed|posing|represents?|represented|remains?|remained|is|was|are|were)\s+(?:a|an|the)?\s*"
            rf"(?:(?P<adj>{_ADJ})\s+)?(?:\w+\s+){{0,2}}?{_THREAT_NOUN}\s+(?:to|for|against)\b",
            re.I,
        ),
        "tp",
    ),
    (
        "concern-is",
        re.compile(rf"(?:'s|’s|s'|s’)?\s+(?P<adj>{_ADJ})\s+{_THREAT_NOUN}\s+(?:is|was|remains|has\s+been)\b", re.I),
        "pt",
    ),
    (
        "designated",
        re.compile(
            r"\b(?:designat\w*|listed|lists|listing|proscrib\w*|banned|outlawed|sanctioned|classif(?:y|ies|ied|ying))\b"
            r"(?!\s+by\b)(?P<mid>.{0,140}?)"
            r"(?:as\s+)?(?:a|an)?\s*(?:Foreign\s+)?(?:Terrorist\s+Organi[sz]ation|FTO|SDGT|terrorist(?!\s+(?:attacks?|acts?|activit|operations?|plots?))|"
            r"Specially\s+Designated|under\s+(?:[Ss]ection\s+\d|Executive\s+Order|E\.O\.))",  # or its legal authority
            re.I | re.S,  # hard-wrapped text breaks a sentence over lines
        ),
        "pt",
    ),
    (  # "is adding X as a designated FTO", "tagged X as an SDGT", "placed X on the terrorist list": a listing
        "added-as",
        re.compile(
            r"\b(?:add(?:s|ed|ing)?|tagg(?:ed|ing)|tags|nam(?:ed|es|ing)|plac(?:ed|es|ing)|includ(?:ed|es|ing))\b"
            r"(?!\s+by\b)(?P<mid>[^.;]{0,80}?)\b(?:as|to|on)\s+(?:a|an|the)?\s*(?:[\w’'-]+\s+){0,2}?"
            r"(?:designated\s+)?(?:Foreign\s+Terrorist|FTO|SDGT|Specially\s+Designated|terrorists?\b|"
            r"designation|sanctions\s+list|blacklist)",
            re.I,
        ),
        "pt",
    ),
    (  # "maintained the FTO designation of X": the noun names the designated one after "of"
        "designation-of",
        re.compile(r"\bdesignations?\s+of\s+(?:the\s+)?(?=[A-Z])", re.I),
        "pt-next",
    ),
    (  # "X, a U.S.-designated SDGT": the designator before the hyphen, the designated one the appositive's head
        "designated-compound",
        re.compile(
            r"-designated\s+(?:SDGT|FTO|terrorists?|Specially\s+Designated|Foreign\s+Terrorist|global\s+terrorist)",
            re.I,
        ),
        "compound",
    ),
    (  # "a policy of maximum pressure against X and its proxies like Y": pressure on a foe
        "pressure-on",
        re.compile(r"\bpressure\s+(?:campaign\s+)?(?:against|on)\s+(?:the\s+)?", re.I),
        "pt-list",
    ),
    (  # "imposed sanctions on X", "new sanctions against X": the one under them is treated as a threat
        "sanctions-on",
        re.compile(r"\bsanctions\s+(?:on|against)\s+(?:the\s+)?(?-i:(?=[A-Z]))", re.I),
        "pt-next",
    ),
    (  # "Today's designations notify ... that X is a terrorist organization": an official writer's own label
        "is-terrorist",
        re.compile(
            r"\b(?:is|are|remains?)\s+(?:a|an)\s+(?:designated\s+|foreign\s+)?terrorist\s+(?:organi[sz]ation|group)s?\b",
            re.I,
        ),
        "t-author",
    ),
    (  # "Pakistan banned the Haqqani network", "is sanctioning X operatives": a ban or sanction on a named actor
        "proscribed",
        re.compile(
            r"\b(?:bann?(?:ed|s)|outlaw(?:ed|s)|proscrib(?:ed|es)|sanction(?:s|ed|ing))\s+(?:the\s+)?(?-i:(?=[A-Z]))",
            re.I,
        ),
        "pt-next",
    ),
    (  # "Y is viewed as the deadliest ...", "Y is regarded as a terrorist organization by X": Y is the threat
        "seen-as",
        re.compile(
            r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?(?:viewed|seen|regarded|considered|perceived|"
            r"recogni[sz]ed|described|labell?ed|deemed|branded)\s+as\s+(?:a|an|the|one\s+of\s+the)?\s*[\"“]?"
            rf"(?:(?P<adj>{_ADJ})(?:[\"”]|\s+(?:[\w-]+\s+){{0,3}}?(?:{_THREAT_NOUN}|{_HOSTILE}))|"
            rf"(?:\w+\s+){{0,2}}?(?:{_THREAT_NOUN}|terrorist\s+(?:organi[sz]ations?|groups?)))",
            re.I,
        ),
        "passive",
    ),
    (  # "Mehsud was included on the ... Sanctions Committee list by the United Nations": the listing body after "by"
        "listed-by",
        re.compile(
            r"\b(?:was|were|is|are|been|being)\s+(?:designat\w*|listed|included|added|placed|classified|sanctioned|"
            r"banned|outlawed|proscribed|tagged|named|branded)\s+"
            r"(?:(?:(?:on|to|in|as)\b|(?=an?\s))(?P<mid>[^.;]{0,120}?)\b(?:sanctions?|terrorist|terrorism|blacklist)\b"
            r"[^.;]{0,40}?\s)?by\b",  # "has been designated a terrorist organization by the UN, ..."
            re.I,
        ),
        "tp",
    ),
    (  # "IS-K remains the most capable ISIS branch", "the TTP poses a serious threat": graded, no perceiver named
        "graded",
        re.compile(
            r"\b(?:poses?|posed|posing|represents?|represented|remains?|remained|is|are|was|were)\s+"
            rf"(?:a|an|the|one\s+of\s+the)\s+(?P<adj>{_ADJ})\s+(?:[\w-]+\s+){{0,3}}?"
            rf"(?:{_THREAT_NOUN}|{_HOSTILE}|groups?|branch(?:es)?|affiliates?|organi[sz]ations?|networks?|factions?)\b"
            r"(?!\s+(?:to|for|against)\b)",
            re.I,
        ),
        "t-author",
    ),
    (
        "focus-rather-than",
        re.compile(
            r"\b(?:focus(?:ing|es|ed)?|concentrat(?:ing|es|ed)|prioriti[sz](?:ing|es|ed))\s+(?:on\s+)?(?P<mid>.{0,80}?)"
            r"\b(?:rather\s+than|instead\s+of|more\s+than|over)\b",
            re.I,
        ),
        "contrast",
    ),
    (
        "prioritises",
        re.compile(r"\b(?:prioriti[sz](?:es|ed|ing)|focus(?:es|ed|ing)?\s+on|fears?|feared)\b", re.I),
        "pt",
    ),
    (  # the adjective or the noun: "concerned about X", "expressed concern over X", "worries about X"
        "concerned-about",
        re.compile(
            r"\b(?:concerned|worried|alarmed|anxious|concerns?|worries|fears)\s+(?:about|by|over|regarding|at)\b", re.I
        ),
        "pt",
    ),
    (  # "X warned of the threat from Y", "X warned against Y"
        "warned",
        re.compile(r"\b(?:warn(?:s|ed|ing)?)\s+(?:of|about|against)\b", re.I),
        "pt",
    ),
    (  # "X faces a growing threat from Y", "the danger posed by Y"
        "threat-from",
        re.compile(
            rf"(?:\b(?:faces?|faced|facing|confronts?|confronted|confronting)\s+)?(?:a|an|the)?\s*(?:(?P<adj>{_ADJ})\s+)?"
            rf"(?<!\w){_THREAT_NOUN}\s+(?:from|posed\s+by|emanating\s+from)\b",
            re.I,
        ),
        "pt",
    ),
    (  # "X continues to counter Y's activities", "to disrupt those supporting Y": acting against a threat
        "counters",
        re.compile(
            r"\b(?:counter(?:s|ed|ing)?|combat(?:s|ed|ing|ting)?|confront(?:s|ed|ing)?|disrupt(?:s|ed|ing)?)\b(?!-)",
            re.I,
        ),
        "pt",
    ),
    (  # "Y threatens X": X is the one threatened ("threatened to" is an intention, not a threat to someone)
        "threatens",
        re.compile(r"\b(?:threatens|threatened|threatening)\s+(?!to\b)(?:the\s+)?(?=[A-Z])", re.I),
        "tp-next",
    ),
)
_RULE_LEVEL = {
    "prioritises": "primary",
    "concerned-about": "high",
    "warned": "recognised",
    "threatens": "recognised",
    "counters": "recognised",
    "designated": "recognised",
    "listed-by": "recognised",
    "proscribed": "recognised",
    "added-as": "recognised",
    "designation-of": "recognised",
    "designated-compound": "recognised",
    "pressure-on": "recognised",
    "sanctions-on": "recognised",
    "is-terrorist": "recognised",
}
# Rules that list a designation: with no designator named, an official writer is the one designating ("The
# Department has also designated X", "X and Y have been designated as FTOs", "By designating X, ...").
# Lists only the United States keeps (the State Department's FTO list, the SDGT lists of State and Treasury):
# a designation onto one with no designator named is the United States' act, whoever writes of it.
_US_LIST = re.compile(r"\b(?:Foreign\s+Terrorist\s+Organi[sz]ations?|FTOs?|SDGTs?|Specially\s+Designated)\b")
_US = "USA"  # the gazetteer's id for the United States (ISO 3166 alpha-3)
_US_LISTED = re.compile(r"\b(?:FTO|SDGT)s?\s+(?:the\s+)?(?=[A-Z])")  # "the FTO Harakat ul-Mujahidin": a listed name
_BY_AGENT_FOLLOWS = re.compile(r"[^,;]*?\bby\b")  # the designator named in the same phrase
_FRONTED_PARTICIPLE = re.compile(r"[\W]*(?:\w+ly\s+)?")  # "Originally designated as ...", opening the sentence
_PHRASE_END = re.compile(r",(?!\s*\d)")  # the comma that closes a fronted phrase, not one inside a date
_DESIGNATION = frozenset({"designated", "added-as", "designation-of", "proscribed", "listed-by", "sanctions-on"})
# "X and its affiliates like Y": the head of the list is named with its members
_AND_ITS_MEMBERS = re.compile(r"\s+and\s+(?:its|their)\s+[\w-]+\s+(?:like|such\s+as|including)\s+(?:the\s+)?$", re.I)
# The writer's own act, now: "have been added", "are being designated" (not "was designated in 2019", a report)
_OWN_ACT = re.compile(r"\b(?:(?:has|have)\s+(?:also\s+)?been|(?:is|are)(?:\s+being)?)\s+$", re.I)
_HAS = re.compile(r"\b(?:has|have)\s+(?:also\s+)?$", re.I)
# "sanctioned two affiliates of X": the designated are the members, unnamed; X is only their group
_MEMBERS_OF = re.compile(
    r"\b(?:affiliates?|members?|leaders?|operatives?|branch(?:es)?|factions?|financiers?|officials?)\s+of\s+"
    r"(?:the\s+)?$",
    re.I,
)
_POSSESSIVE = re.compile(r"['’]s?\b")
_CLAUSE_OPEN = re.compile(r"\b(?:that|which|who|whether)\s", re.I)
# "According to B. Raman, ...": the one the sentence's view is attributed to, for a view stated in the passive
_ACCORDING = re.compile(r"\b(?:according\s+to|in\s+the\s+view\s+of|for)\s+(?:the\s+)?$", re.I)
# A first-person subject before a stance cue: the perceiver is the document's author ("We are concerned about X")
_FIRST_PERSON = re.compile(r"(?:^|[\s\"“(])(?:we|our|i|us)\b", re.I)
# A view the sentence attributes to someone else is not the author's: "..., officials said", "according to"
_ATTRIBUTED = re.compile(r"\b(?:said|says|say|told|according\s+to|claimed|claims|reported|alleged)\b", re.I)
# "the Deputy Secretary of State designated", "The Secretary also designated": an office of the writer, unnamed
_OFFICE_SUBJECT = re.compile(
    r"\b[Tt]he\s+(?:(?:Deputy|Under|Assistant|Acting)\s+)?(?:Secretary|Department|Ministry|Minister|Treasury)"
    r"(?:\s+of\s+(?:the\s+)?[A-Z]\w+)?\s+(?:(?:also|today|has|have|formally)\s+)*$"
)
_TO_US = re.compile(r"\s*(?:us|our\b|the\s+homeland\b)", re.I)

RELATION_CUES: dict[str, tuple[str, ...]] = {
    "affiliation": (
        "leader of",
        "leadership of",
        "led by",
        "member of",
        "members of",
        "branch of",
        "affiliate of",
        "affiliated with",
        "faction of",
        "division of",
        "offshoot of",
        "splintered from",  # "X publicly splintered from Boko Haram", "after splitting from Y": a part of Y once
        "split from",
        "splitting from",
        "broke away from",
        "broken away from",
        "splinter of",
        "splinter group of",  # "X is a splinter group of Y", and the same nouns of a part for a whole
        "splinter faction of",
        "breakaway group of",
        "breakaway faction of",
        "subsidiary of",
        "front for",
        "front of",
        "arm of",
        "cell of",
        "subgroup of",
        "franchise of",
        "part of",
        "absorbed",  # "X absorbed Y": Y became part of X
        "wing of",
        "spokesman for",
        "spokesperson for",
        "commander of",
        "pledged allegiance to",
        "declared allegiance to",  # "ABM officially declared allegiance to ISIS"
        "declares allegiance to",
        "pledged loyalty to",
        "swore allegiance to",
        "sworn allegiance to",
        "pledges allegiance to",
        "loyal to",
        "affiliated to",
        "as the group's new leader",
        "as the group’s new leader",
        "founded by",
        "founder of",
        "emir of",
        "amir of",
        "chief of",
        "head of",
        "headed by",
        "formed",
        "founded",
        "co-founded",
        "established",
        "mastermind of",
        "leadership role in",  # "for his leadership role in HaD"
        "role in",
    ),
    "support": (
        "support for",
        "supports",
        "supported",
        "supporting",
        "backing",
        "backed",
        "funds",
        "funded",
        "funding",
        "financed",
        "financing",
        "armed by",
        "sheltering",
        "sheltered",
        "shelters",
        "safe haven",
        "harboring",
        "harbouring",
        "harbors",
        "harbours",
        "guidance from",
        "assistance to",
        "assistance from",
        "aid to",
        "provided",
        "sponsor",
        "sponsored",
        "recipient of",
        "help and protection",
        "influenced by",
        "inspired by",
        "sanctuary",
    ),
    "cooperation": (
        "cooperation",
        "co-operation",
        "cooperate",
        "cooperated",
        "cooperating",
        "collaboration",
        "collaborate",
        "collaborated",
        "partnership",
        "partner",
        "partners",
        "alliance",
        "allied with",
        "ally",
        "allies",
        "ties to",
        "ties with",
        "joint",
        "worked with",
        "works with",
        "working with",
        "works closely with",  # "LJ works closely with Tehrik-e Taliban Pakistan"
        "worked closely with",
        "working closely with",
        "work closely with",
        "coordinated with",
        "coordination",
        "security ties",
        "links to",
        "links with",
        "linked to",
        "linked with",
        "allied to",
        "aligned with",
        "partnered with",
        "relationship with",  # "The IMU has a relationship with al-Qa'ida, the Taliban, and TTP"
        "relationships with",
        "connections to",
        "connections with",
        "connected to",
    ),
    "conflict": (
        "against",
        "attacked",
        "attacks on",
        "attack on",
        "fought",
        "fighting",
        "war with",
        "war against",
        "war on",
        "war between",
        "clashed with",
        "clashes with",
        "oppose",
        "opposed",
        "opposing",
        "insurgency against",
        "campaign against",
        "hostilities",
        "targeted",
        "targeting",
        "struck",
        "accuses",
        "accused",
        "blamed",
        "defeated",
        "took over",
        "overthrew",
        "ousted",
        "drove out",
        "push",
        "expel",
        "expels",
        "expelled",  # "Hamas expelled the PA and Fatah from Gaza"
        "expelling",
        "opposition to",
        "opposition movement to",
        "opponent of",
        "opponents of",
        "rival of",
        "rivals of",
        "enemy of",
        "enemies of",
        "adversary of",
        "adversaries of",
        "condemned",
        "condemns",
        "denounced",
        "at the expense of",  # "X's activities at the expense of Y's sovereignty"
        "to counter",  # the base form only after "to": "counter" alone is as often a noun or a prefix
        "countered",
        "countering",
        "counters",
    ),
    "diplomatic": (
        "talks with",
        "peace talks",
        "talks",
        "visit to",
        "visited",
        "visits",
        "met with",
        "met",
        "meeting with",
        "diplomatic",
        "ambassador",
        "summit",
        "negotiations",
        "negotiated",
        "engagement",
        "envoy",
        "deal with",
        "agreement with",
        "agreement between",
        "signed",
        "relations",
        "dialogue",
    ),
    "economic": (
        "trade",
        "loan",
        "loans",
        "bailout",
        "investment",
        "invested",
        "tariff",
        "tariffs",
        "economic",
        "imports",
        "exports",
        "financial assistance",
        "credit",
        "debt",
        "sanctions",
        "sanctioning",
        "economic recovery",
    ),
}
_DIRECTED = {"affiliation": True, "support": True, "cooperation": False, "diplomatic": False, "economic": False}
# Verbs of each kind by their base form, so that every form is a cue ("opposes", "cooperates", "backs",
# "harbored"), not only the forms a first writer happened to use. Verbs that are above all nouns ("attack",
# "target", "bomb", "arm") are left to the phrase cues above, which need a preposition or a past tense.
VERB_STEMS: dict[str, tuple[str, ...]] = {
    "support": ("back", "fund", "finance", "sponsor", "shelter", "harbor", "harbour", "equip", "bankroll", "enable"),
    "cooperation": ("cooperate", "co-operate", "collaborate", "partner"),
    "conflict": (
        "oppose",
        "fight",
        "battle",
        "combat",
        "raid",
        "condemn",
        "denounce",
        "accuse",
        "undermine",  # "X undermines Y's sovereignty", "to obstruct Y's recovery": acts against a party
        "obstruct",
        "destabilize",
        "destabilise",
        "kill",  # "X killed soldiers of Y", "X assassinated Y's minister"
        "assassinate",
        "threaten",  # "threatened the lives of Y's officials"; "X threatens Y" itself is a perception
        "overthrow",  # "the group aims to overthrow the Peruvian government"
        "topple",
    ),
    "diplomatic": ("negotiate", "sign", "meet"),
}
_IRREGULAR = {"fight", "meet"}  # fought, met: listed as phrases
_DOUBLED = {"equip"}  # equipped, equipping
# Base forms that are more often another word: "came back", "a fund", "a sign of", "a shelter"
_BASE_NOT_A_CUE = {"back", "fund", "sign", "shelter", "harbor", "harbour", "sponsor", "finance", "combat", "kill"}
# Forms that are above all nouns: "U.S. air raids, leaving the ANDSF ...", "signs of dissension", "Pakistan's
# finances", "combat troops"
_NOUN_FORMS = {"raid", "raids", "signs", "finances"}


def _forms(base: str) -> set[str]:
    """The forms of a verb from its base: oppose, opposes, opposed, opposing; backs, backed, backing."""
    if base in _IRREGULAR:
        forms = {base, base + "s", base + "ing"}
    elif base.endswith("e"):
        forms = {base, base + "s", base + "d", base[:-1] + "ing"}
    elif base in _DOUBLED:
        forms = {base, base + "s", base + base[-1] + "ed", base + base[-1] + "ing"}
    else:
        forms = {base, base + "s", base + "ed", base + "ing"}
    return forms - ({base} if base in _BASE_NOT_A_CUE else set()) - _NOUN_FORMS


_CUE_KIND = {cue: kind for kind, cues in RELATION_CUES.items() for cue in cues}
for _kind, _stems in VERB_STEMS.items():
    for _stem in _stems:
        for _form in _forms(_stem):
            _CUE_KIND.setdefault(_form, _kind)
_CUE = phrase_pattern(_CUE_KIND)
_REVERSED = re.compile(
    r"^(?:led by|founded by|headed by|armed by|guidance from|assistance from|backed|supported|recipient of|"
    r"influenced by|inspired by)"
)
# Founding verbs in the active voice: "Masood Azhar formed Jaish-e-Mohammed" (the founder, then what he founded)
_SPLITS = frozenset({"splintered from", "split from", "splitting from", "broke away from", "broken away from"})
_FOUNDING = frozenset({"formed", "founded", "co-founded", "established"})
# ... and in the passive, with words between the verb and "by": "was founded in 1970[25] by Jalaluddin Haqqani"
_POSSESSIVE_GAP = re.compile(r"['’]s?[ \t]+")
_UNIT_NAME = re.compile(
    r"\b(?:Force|Forces|Unit|Brigade|Brigades|Battalion|Battalions|Wing|Division|Command|Corps|Regiment)\b"
)


def _unit_of(text: str, owner: Mention, unit: Mention) -> bool:
    """True for "X's Y" where Y's own name says it is a unit (a force, brigade, wing, command) of X."""
    return bool(
        _POSSESSIVE_GAP.fullmatch(text, owner.end, unit.start) and _UNIT_NAME.search(text, unit.start, unit.end)
    )


_OFFICES = r"(?:leader|founder|co-founder|chief|commander|emir|amir|head|spokes(?:man|person|woman))"
_HOLDER_OF = re.compile(r"\s*(?:\([^()]{1,60}\))?\s*,\s+(?:the\s+)?")  # "Abu al-Shafi'i, AI's leader"
_OFFICE_AFTER = re.compile(rf"['’]s?\s+(?:(?:new|former|late|top|current|senior|overall)\s+)?{_OFFICES}\b")
_OFFICE_IS = re.compile(
    rf"(?:['’]s?)?\s+(?:(?:announced|named|appointed|chose|selected|elected)\s+(?:a|an|its|their)\s+)?"
    rf"(?:(?:new|former|late|top|current|senior|overall)\s+)?(?P<office>{_OFFICES})"
    r"(?:\s*,\s*|\s+(?:is|was|has\s+been|remains)\s+)"
)
_DESCRIBED = re.compile(r"[ \t]*(?:(?-i:[a-z][\w-]*)\s+){0,4}")
# "X (XY) is a Marxist-Leninist group that was formed in 1967 by Y": the relative pronoun's antecedent is X
_DEFINED_THAT = re.compile(
    r"\)?\s*(?:\([^()]{0,40}\))?\s*,?\s+(?:is|was)\s+an?\s+(?:[\w-]+\s+){0,4}?(?:group|organi[sz]ation|movement|faction|militia|network|party)"
    r"\s*,?\s+(?:that|which)\s+(?:was|were|had\s+been)\s+"
)
_FOUNDED_BY = re.compile(
    r"\b(?:founded|co-founded|established|formed|created|set\s+up|launched|led|headed)\s+"
    r"(?:(?:in|on|around|during)\s+[^,.;()]{1,25}?(?:\[\w{1,3}\])*\s+)by\s+(?:the\s+)?",
    re.I,
)
# A fronted phrase names the agent, the clause after its comma the other party: "Under the leadership of X, Y
# emerged", "In 2003, influenced by X, Y adopted ..."
_FRONTED = re.compile(
    r"(?:[^,]{0,30},\s*)?(?P<cue>under\s+the\s+(?:leadership|command)\s+of|led\s+by|headed\s+by|backed\s+by|"
    r"supported\s+by|funded\s+by|armed\s+by|influenced\s+by|inspired\s+by|"
    r"with\s+(?:the\s+)?(?:support|backing|help)\s+of)\b(?P<agent>[^,]{1,120}?),\s*",
    re.I,
)
# Items coordinated after a cue's first object are its objects too: "against US-led NATO forces and the
# Islamic Republic of Afghanistan government", "against the United States, Israel, and the Jews"
_COORDINATED = re.compile(r"-(?:led|backed)\s+|[^;:.()]{0,45}?(?:,|\band\b|\bor\b)[^;:.()]{0,45}", re.I)
_CLAUSE_BREAK = re.compile(
    r"\b(?:that|which|who|whom|whose|while|but|because|after|before|when|where|although|though|as\s+well\s+as)\b"
)
_PARTICIPLE = re.compile(r",\s+(?:(?:and|or)\s+)?\w+ing\b")  # ", leaving X", ", and enforcing X": a clause of its own
_MEANS = re.compile(r"\bby\s+\w+ing\b", re.I)  # "supporting X and Y by exposing Z": Z is no object of the cue
_NEXT_VERB = re.compile(
    r"[ \t]+(?:said|says|say|is|are|was|were|has|have|had|will|would|did|denied|denies|claimed|stated)\b", re.I
)
# "groups targeting India, including LeT and JeM": the listed members are the agents, not the word before
_CLASS_AGENT = re.compile(
    r"\b(?:groups|militants|organi[sz]ations|factions|fighters|insurgents|terrorists|networks)[ \t]+$", re.I
)
# "the Taliban-led insurgency", "the Houthi insurgency": an insurgency is a conflict with a state
_INSURGENCY = re.compile(r"(?:-led)?[ \t]+(?:insurgency|insurgencies|rebellion|uprising)\b", re.I)
_AT_PLACE = re.compile(r"\b(?:in|of|across|throughout|inside|within|against)\s+(?:the\s+)?$", re.I)
# Weapons launched at a party: "launched a barrage of missiles and armed drones at Israel"
_LAUNCHED_AT = re.compile(r"\b(?:launched|fired|lobbed)\b[^.;,]{0,60}?\b(?:at|on|against)\s+(?:the\s+)?", re.I)
# "suspected by X of ties with Y": X holds a view of the tie, it is no party to it
_BELIEF_AGENT = re.compile(
    r"\b(?:suspected|accused|believed|alleged|thought|said|reported|seen|viewed|regarded|considered)\s+by\s+"
    r"(?:the\s+)?(?:government\s+of\s+(?:the\s+)?)?$",
    re.I,
)
_AND_PREDICATE = re.compile(r"\s+and\s+(?:\w+ly\s+)?(?:also\s+)?(?:is\s+|was\s+)?", re.I)
_RELATIVE = re.compile(r"\b(?:which|who|that)\b", re.I)
# "X and allied Y": two parties on one side
_ALLIED = re.compile(r"\s+and\s+(?:its\s+|their\s+)?(?:allied|affiliated|associated)\s+(?:the\s+)?", re.I)
# A predicate's subject listed: "X, Y and other countries conducting airstrikes against Z"
_LISTED_SUBJECT = re.compile(r"\s*(?:,|,?\s+and)\s+(?:the\s+)?")
# ... when the verb follows the list at once: "X, Y and other countries conducting airstrikes against", "X and allied
# Y fought"
_PREDICATE = re.compile(
    r"\s*(?:(?:,?\s+and\s+other\s+\w+\s+)?(?:\w+ing|\w+ed|fought|struck)\b[^,;()]{0,40}?)?", re.I
)  # or the cue itself is the verb: "X and allied Y fought Z"
# A fronted means: "By funding X, Y undermines Z": Y does what the gerund says to X
_FRONTED_MEANS = re.compile(r"\W*By\s+(?P<verb>\w+ing)\b(?P<object>[^,]{1,80}),\s*", re.I)
_SEIZING = frozenset({"took over", "struck", "attacked", "targeted", "drove out"})
# What is taken is territory when a quantity or a kind of place comes between: "most of southern Somalia"
_TERRITORY = re.compile(
    r"\b(?:most|much|parts?|all|half|control|areas?|the\s+city|the\s+capital|the\s+province|the\s+region)\s+of\s+"
    r"(?:the\s+)?(?:(?:north|south|east|west)(?:ern|-?\w+ern)?\s+|central\s+)?$",
    re.I,
)
# A cue in a "with" adjunct ("with funding from X") belongs to the clause's subject, not to the nearest name
_WITH = re.compile(r"\bwith\s+(?:the\s+)?(?:\w+\s+)?$", re.I)
_OPENS = re.compile(r"[\s\"“(]*(?:the\s+)?", re.I)
_ACCUSE = frozenset(
    {"accuse", "accused", "accuses", "accusing", "blamed", "condemn", "condemned", "condemns", "condemning"}
    | {"denounced", "denounces", "denouncing"}
)
# "Some Afghans", "Other anti-Taliban Afghans": people of a state, counted, are not its government
_COUNTED = re.compile(
    r"\b(?:some|other|many|most|few|several|ordinary|thousands\s+of|hundreds\s+of|millions\s+of|\d(?:[\d,]*\d)?)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)
# "Iran-backed Houthis", "U.S.-led efforts": a hyphenated agent names a party, not a modifier.
_AGENT_COMPOUND = re.compile(r"-(?:backed|supported|funded|sponsored|armed|led|controlled|run|owned|operated)\b", re.I)
# "interest in U.S. relations with": a name before such a noun is its party, not a place.
_ATTRIBUTIVE = re.compile(
    r"[ \t]+(?:relations|ties|assistance|aid|support|sanctions|cooperation|engagement|talks|backing|funding)\b", re.I
)
# Affiliation cues that name an office: its holder is the person before it ("a Pakistani militant and emir of X").
_OFFICE = re.compile(r"^(?:leader|emir|amir|founder|chief|commander|head|spokes\w+)\b", re.I)
# "President George W. Bush and President Barack Obama": two office holders, one predicate
_TITLED_AND = re.compile(rf"\s+and\s+(?:(?:{'|'.join(sorted(TITLES))})\.?\s+)+")
# "Al-Shabaab is an al-Qa’ida (AQ) affiliate": the group named before the noun is the parent
_AFFILIATE_NOUN = re.compile(
    r"(?:\s*\([A-Z][A-Za-z]{1,7}\))?\s+(?:affiliate|branch|franchise|offshoot|subsidiary|front|faction|wing|proxy|"
    r"splinter\s+group|division)\b",
    re.I,
)
# "X is a Y affiliate", and the appositive "X, a Y front and proxy" or "X (an Y faction)", which say the same
_IS_A = re.compile(
    r"(?:\s+(?:is|was|are|were|became|remains|remained)\s+(?:an?|the|one)|\s*,\s+(?:an?|the)|\s*\(\s*(?:an?|the))"
    r"\s+(?:\w+\s+){0,2}?$",
    re.I,
)
# "... affiliate and has ties to": the predicate's subject is the sentence's first actor
_AND_HAS = re.compile(
    r"\b(?:and|but)\s+(?:also\s+)?(?:has|have|had|is|are|was|were|maintains|maintained|keeps|retains)\b"
)
_CLASS_NOUN = re.compile(r"\s+(?:affiliates|branches|groups|factions|members|allies|franchises|offshoots)\b", re.I)
# "other AQ affiliates, including AQAP": the items listed after a class
_INCLUDING = re.compile(r"[\s\w’'-]{0,30}?,?\s+(?:including|such\s+as|notably|among\s+them)\s+(?:the\s+)?", re.I)
# "X continues to give Y help": the recipient stands between the verb and the cue.
_GIVE = re.compile(
    r"\b(?:give|gives|gave|giving|provide|provides|provided|providing|offer|offers|offered|lend|lends|lent)"
    r"\s+(?:the\s+)?$",
    re.I,
)
# Honorifics that stay before a person's name after a title noun: "LeT co-founder Hafiz Saeed"
_HONORIFIC = "Hafiz|Maulana|Mullah|Mufti|Sheikh|Imam|Dr|Gen|General"
# "Al Qaeda founder Osama bin Laden": a group, a title noun and a person.
_GROUP_TITLE = re.compile(
    r"^['’]?s?\s+(?:(?:former|late|current|new|top|senior|deputy|chief)\s+)?"
    rf"(?:founder|co-founder|leader|emir|amir|caliph|chief|commander|spokesman|spokesperson|ideologue)\s+"
    rf"(?:(?:{_HONORIFIC})\.?\s+)?$",
    re.I,
)
# "Jamaat-ud-Dawa works openly as Lashkar-e-Taiba's charitable wing"
_APPOSITIVE_NAME = re.compile(r"\s*,\s+(?:the\s+)?")
_POSSESSIVE_WING = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:wing|arm|front|branch|affiliate|faction|offshoot|franchise)\b", re.I
)
# "Hizb-controlled bank X", "a Y-run charity X": the one named after the compound belongs to the one before it
_CONTROLLED = re.compile(r"-(?:controlled|run|owned|operated|affiliated)\s+(?:[a-z][\w-]*\s+){0,3}", re.I)
# "X and its affiliates like Y", "X's regime and its terrorist proxies like Y"
_MEMBERS_LIKE = re.compile(
    r"(?:['’]s?\s+[a-z]+)?\s+and\s+(?:its|their)\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"(?P<noun>affiliates|branches|factions|franchises|offshoots|wings|proxies)\s+(?:like|such\s+as|including)\s+"
    r"(?:the\s+)?"
)
_OF = re.compile(r"\s+of\s+(?:the\s+)?")
# "U.S.-Pakistan relations": two parties joined by a hyphen before the tie.
_PAIR_COMPOUND = re.compile(r"^\s*[-–—]\s*$")
_PAIR_NOUN = re.compile(
    r"\s+(?:(?:bilateral|security|diplomatic|economic|trade|military|border)\s+)?"
    r"(?:relations|relationship|ties|talks|cooperation|tensions|dialogue|partnership|skirmishes|clashes|conflict|war|"
    r"dispute|hostilities)\b",
    re.I,
)
_PAIR_KIND = {
    "relations": "diplomatic",
    "relationship": "diplomatic",
    "talks": "diplomatic",
    "dialogue": "diplomatic",
    "ties": "cooperation",
    "cooperation": "cooperation",
    "partnership": "cooperation",
    "tensions": "conflict",
    "skirmishes": "conflict",  # "the Iran–Pakistan border skirmishes": the two named fight each other
    "clashes": "conflict",
    "conflict": "conflict",
    "war": "conflict",
    "dispute": "conflict",
    "hostilities": "conflict",
}
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
_TITLE_GAP = re.compile(rf"^(?:['’]s)?\s+(?:(?:{'|'.join(sorted(TITLES))})\.?\s+){{1,3}}$")
_LOCATIVE = re.compile(
    r"(?:\b(?:in|near|at|from|across|inside|outside|along|into|throughout|within)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+|central\s+)?|-)$",
    re.I,
)


def _parties(text: str, mentions: list[Mention], kinds: dict[str, str] | None = None) -> list[Mention]:
    """Mentions that can be a party to a tie: not a place ("in Afghanistan"), not a modifier ("Pakistan-based").

    A group or a person is never a place ("coalesced into TTP"), a name before a tie is its party ("interest in
    U.S. relations with"), and so is a hyphenated agent ("Iran-backed", "U.S.-led").
    """
    kinds = kinds or {}
    kept, place_end = [], -1
    for m in mentions:
        lead = text[max(0, m.start - 30) : m.start]
        tail = text[m.end : m.end + 30]
        if text[m.end : m.end + 1] == "-" and not _AGENT_COMPOUND.match(tail):
            continue
        if _PLACE_NOUN.match(tail) or _POPULATION.match(tail):
            continue  # "Khyber Pakhtunkhwa province", "the Shia Hazara minority": whatever kind was guessed
        if kinds.get(m.actor) == "person" and _IN_THE.search(lead):
            continue  # "active in the Chad Basin": no person takes the article, a place does
        if kinds.get(m.actor) not in ("armed_group", "person"):
            listed = place_end >= 0 and re.fullmatch(
                r"\s*(?:,|,?\s+(?:and|or))\s+(?:the\s+)?", text[place_end : m.start]
            )
            listed = listed or _IN_TOWN.search(text[max(0, m.start - 40) : m.start])  # "in Khost, Afghanistan"
            if (_LOCATIVE.search(lead) or listed) and not _ATTRIBUTIVE.match(tail) or _PLACE_NOUN.match(tail):
                place_end = m.end  # "in Afghanistan and Pakistan", "Khyber Pakhtunkhwa province"
                continue
            if _PEOPLE_NOUN.match(tail) or kinds.get(m.actor) == "state" and _GROUP_NOUN.match(tail):
                continue  # "Afghan insurgent groups", "Pakistani civilians": people of the state, not the state
            if kinds.get(m.actor) == "state" and text[m.end - 1 : m.end] == "s" and _COUNTED.search(lead):
                continue  # "Some Afghans have sought ...": people, counted
        kept.append(m)
    return kept


# "an Afghan Islamist group": a demonym before a group noun says where the group is from
_GROUP_NOUN = re.compile(  # "an Afghan Islamist group", "a Japanese new religious movement"
    r"(?:[ \t]+(?:Islamist|jihadist|militant|extremist|terrorist|armed|Sunni|Shia|Islamic|insurgent|"
    r"(?-i:[a-z][\w-]*))){0,3}"
    r"[ \t]+(?:group|groups|organi[sz]ation|organi[sz]ations|movement|network|faction|factions|outfit|cult|militia)\b",
    re.I,
)
_IN_THE = re.compile(r"\b(?:in|across|throughout|into|within|near)\s+the\s+$", re.I)
_POPULATION = re.compile(r"[ \t]+(?:minority|minorities|community|communities|population|diaspora)\b", re.I)
_IN_TOWN = re.compile(r"\b(?:in|at|near|from|outside(?:\s+of)?)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3},\s+$")
_PLACE_NOUN = re.compile(r"[ \t]+(?:province|district|region|valley|city|town|village|border|area|coast)\b", re.I)
_PEOPLE_NOUN = re.compile(  # "Afghan insurgents", "Afghan and Pakistani militants"
    r"(?:[ \t]+(?:and|or)[ \t]+[A-Z][\w’'-]*)?[ \t]+"
    r"(?:insurgent|insurgents|militant|militants|rebel|rebels|fighters|jihadists|civilians|citizens|nationals|"
    r"people|women|men|children|refugees|migrants|workers|students|territory|soil|society|population|public)\b",
    re.I,
)


_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+$", re.I)

# Relative clauses. A cue inside "..., which/that/who <cue> Y" has for its subject the clause's antecedent:
# the name just before the pronoun ("X, which backs Y"), the subject of a copula whose predicate noun the
# pronoun takes up ("X is an armed group that fights Y"), or, when the antecedent is a common noun ("a bombing
# that killed Y", "two firms that are linked to Y"), no named actor at all.
_RELATIVE_PRONOUN = re.compile(r"(?-i:\b(?:which|that|who|whom)\b)")
_RIGHT_AFTER = re.compile(r"\s*(?:\([^()]{0,60}\))?(?:\[\w{1,4}\])*\s*,?\s*$")  # "X (XY)," before the pronoun
_APPOSITIVE = re.compile(r"\s*,\s+(?:an?|the)\s+(?:[\w’'-]+\s+){0,4}")  # "X, a senior commander who"
_COPULA = re.compile(r"\b(?:is|was|are|were|remains|remained|became|becomes)\s+(?:an?|the|one)\b", re.I)
# "said that", "announced that": a complementiser opens a clause with a subject of its own, it takes up no noun.
_SAYS = re.compile(
    r"\b(?:said|says|say|announced|reported|stated|claimed|believed|believes|noted|added|warned|argued|insisted|"
    r"alleged|suggested|indicated|showed|shows|found|concluded|assessed|assesses|judged|judges|means|meant|"
    r"ensure|ensures|ensured|so|such|now|given|clear|likely|possible)\s+$",
    re.I,
)
# "fighters within X", "members of X": the part acts, not the whole.
_PART_OF_GROUP = re.compile(
    r"\b(?:fighters|members|militants|elements|commanders|supporters|cadres|operatives|factions)\s+"
    r"(?:within|inside|of|from|in)\s+(?:the\s+)?$",
    re.I,
)
_POSSESSOR = re.compile(r"['’]s\s+$")
_NOUN_AFTER = re.compile(r"\s+(?!(?:of|for|to|with|from|by|on|in|against|the|a|an)\b)[a-z]")
# "those supporting X", "companies enabling X": a participle after a common noun modifies that noun.
_NOUN_BEFORE_PARTICIPLE = re.compile(r"\b(?:those|others|anyone|people|persons|individuals|entities)\s+$", re.I)
# "met the group's demands", "met the conditions": meeting a demand is no meeting.
_DEMANDS = re.compile(r"\s*(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:demands|conditions|requirements|deadline|terms|needs)\b")
# "sanctions authorities", "the sanctions regime": the noun modifies another, it imposes nothing on a party.
_SANCTIONS_NOUN = re.compile(
    r"\s+(?:authorities|authority|programs?|programmes?|regimes?|policy|policies|evasion|tools?)\b",
    re.I,
)
# "threatened the group would ...": a clause follows, its subject is not the one threatened.
_CLAUSE_FOLLOWS = re.compile(r"\s+(?:would|will|could|might|may|should|must|was|were|is|are|had|has)\b")


def _relative_subject(text: str, start: int, subject: Mention, before: list[Mention], at: int) -> Mention | None:
    """The subject of a cue at ``at`` that a relative pronoun separates from ``subject`` (see ``_RELATIVE_PRONOUN``).

    Returns ``subject`` when no pronoun stands between them or the pronoun follows it at once, the subject of
    a copula before the pronoun's noun, or None when the antecedent names no actor.
    """
    pronouns = [
        m
        for m in _RELATIVE_PRONOUN.finditer(text, subject.end, at)
        if m.group(0) != "that" or not _SAYS.search(text, max(start, m.start() - 20), m.start())
    ]
    if not pronouns:
        return subject
    pronoun = pronouns[-1]
    if _RIGHT_AFTER.fullmatch(text, subject.end, pronoun.start()) or _APPOSITIVE.fullmatch(
        text, subject.end, pronoun.start()
    ):
        return subject  # "X, which", "X, an Islamist commander who"
    copulas = [
        c
        for c in _COPULA.finditer(text, start, pronoun.start())
        if not re.search(r"[;:]", text[c.end() : pronoun.start()])
    ]
    if copulas:
        heads = [m for m in before if m.end <= copulas[-1].start()]
        if heads:
            return heads[-1]  # "X is an armed group which fights Y"
    return None


_NEGATION = re.compile(r"\b(?:not|no|never|without|denies|denied|deny)\b", re.I)


@dataclass(frozen=True)
class Perception:
    perceiver: str
    threat: str
    level: str
    rule: str


@dataclass(frozen=True)
class Relation:
    actor_a: str
    actor_b: str
    kind: str
    directed: bool
    qualifier: str
    rule: str


def _level(adjective: str | None, default: str = "recognised") -> str:
    return _LEVEL_OF.get(re.sub(r"\s+", " ", adjective.casefold()), default) if adjective else default


def perceptions(
    text: str, start: int, end: int, mentions: list[Mention], kinds: dict[str, str], author: str | None = None
) -> list[Perception]:
    """Threat perceptions stated in the sentence ``text[start:end]``; ``kinds`` maps actor keys to their kinds.

    ``author`` is the actor that wrote the document, when known: a first-person statement ("We are concerned
    about X", "X poses a threat to us") is its view, since the writer is the one speaking.
    """
    found: dict[tuple[str, str], Perception] = {}
    us_list = kinds.get(_US) == "state" and _US_LIST.search(text, start, end)  # the United States, unnamed
    if len({m.actor for m in mentions} | ({author} if author else set()) | ({_US} if us_list else set())) < 2:
        return []
    for rule, pattern, order in _PERCEPTION:
        for match in pattern.finditer(text, start, end):
            before = [m for m in mentions if m.end <= match.start() + (2 if rule == "concern-is" else 0)]
            after = [m for m in mentions if m.start >= match.end()]
            inside = [m for m in mentions if match.start() <= m.start and m.end <= match.end()]
            level = _RULE_LEVEL.get(rule) or _level(match.groupdict().get("adj"))
            pairs: list[tuple[str, str, str]] = []
            after = [m for m in after if not _PEOPLE_NOUN.match(text, m.end)]  # "Afghan society" is no actor
            opening = re.match(r"\W*(\w*)", text[match.start() : match.end()])  # "'s top concern is" opens with "'s"
            verb = opening.group(1) if opening else ""
            passive = verb.endswith("ed") and _PASSIVE.search(text, max(start, match.start() - 12), match.start())
            designation = rule in _DESIGNATION
            onto_us_list = designation and us_list and _US_LIST.search(match.group(0))  # this cue names the list
            if designation and rule != "listed-by" and passive:
                own_act = _OWN_ACT.search(text, max(start, match.start() - 25), match.start())
                no_agent = not _BY_AGENT_FOLLOWS.match(text, match.end(), end)
                if author and before and own_act and no_agent:
                    for threat in _designated(text, start, match.start(), before, kinds):  # "X have been designated"
                        pairs.append((author, threat, level))  # the official writer, the only designator there is
                elif onto_us_list and before and no_agent:
                    for threat in _designated(text, start, match.start(), before, kinds):  # "X was designated as an
                        pairs.append((_US, threat, level))  # FTO on October 8, 1997": only the U.S. keeps that list
                order = "done"
            elif (
                onto_us_list
                and not before
                and verb.endswith("ed")
                and _FRONTED_PARTICIPLE.fullmatch(text, start, match.start())
                and not _BY_AGENT_FOLLOWS.match(text, match.end(), end)
            ):
                comma = _PHRASE_END.search(text, match.end(), end)  # "Originally designated as a FTO on April 9,
                subject = [m for m in after if comma and m.start >= comma.end()]  # 2014, X rose": X, after the date
                if subject and _OPENS.fullmatch(text, comma.end(), subject[0].start):
                    pairs.append((_US, subject[0].actor, level))
                order = "done"
            if order == "compound":
                designator = [m for m in mentions if m.end == match.start()]  # "U.S.-designated"
                held = [m for m in before if designator and m.end <= designator[0].start]
                gap = text[held[-1].end : designator[0].start] if held else ""
                appositive = r"(?:\s*,\s*|\s+(?:is|was|are|were|remains)\s+)(?:a|an|the)\s+"  # or "X is a"
                if designator and held and re.fullmatch(appositive, gap):
                    pairs.append((designator[0].actor, held[-1].actor, level))  # "X, a U.S.-designated SDGT"
                elif designator and after and not text[match.end() : after[0].start].strip(" ,").count(" ") > 3:
                    pairs.append((designator[0].actor, after[0].actor, level))  # "the U.S.-designated terrorist X"
            elif order == "pt-list" and before and after:
                clause = re.split(r"[,;]", text[match.end() : end], maxsplit=1)[0]
                for m in after:  # "pressure against X's regime and its proxies like Y": every foe named there
                    if m.end <= match.end() + len(clause):
                        pairs.append((before[-1].actor, m.actor, level))
            elif order == "contrast" and before:
                perceiver = before[-1].actor
                focus = [m for m in inside if m.actor != perceiver]
                if focus:  # "focusing on X rather than Y": no low without a focus ("cohesion over outreach to Y")
                    pairs.append((perceiver, focus[0].actor, "primary"))
                    if after:
                        pairs.append((perceiver, after[0].actor, "low"))
            elif order == "pt-next" and before and after and after[0].start == match.end():
                pairs.append((before[-1].actor, after[0].actor, level))  # the banned one right after the verb
            elif order == "passive" and before:
                agent = [m for m in after if _BY.search(text[max(start, m.start - 8) : m.start])]
                according = [m for m in before[:-1] if _ACCORDING.search(text[max(start, m.start - 30) : m.start])]
                perceiver = agent[0] if agent else according[0] if according else None
                holders = (
                    [perceiver, *_coordinated(text, after[after.index(perceiver) :], end)] if agent else [perceiver]
                )
                for holder in holders if perceiver is not None else []:
                    pairs.append((holder.actor, before[-1].actor, level))  # "by India, the United States and Israel"
            elif order in ("pt", "pt-next") and not before and author:
                ahead = text[start : match.start()]
                threats = [m for m in inside + after if m.actor != author]
                quoted = ahead.count('"') % 2 == 1 or ahead.count("“") > ahead.count("”")
                acting = designation and (  # not "Designated in 2010", but "the Deputy Secretary designated"
                    not verb.endswith("ed") or _HAS.search(ahead) or _OFFICE_SUBJECT.search(ahead)
                )
                if order == "pt-next" and threats and threats[0].start != match.end():
                    threats = []  # "sanctions evasion schemes involving X": X is not what is sanctioned
                if threats and (_FIRST_PERSON.search(ahead) or acting) and not quoted:  # a quoted "we" is the
                    # speaker's; "The Department has designated X", "By designating X and Y, ...": the writer's act
                    for threat in _coordinated_threats(text, threats, inside, end) if designation else threats[:1]:
                        pairs.append((author, threat.actor, level))  # "We are concerned about X": the author's view
            elif order in ("pt", "pt-next") and before and designation:
                designators = [m for m in before if kinds.get(m.actor) != "armed_group"]  # a group lists no one
                threats = [m for m in inside + after if not designators or m.actor != designators[-1].actor]
                if order == "pt-next" and (not threats or threats[0].start != match.end()):
                    threats = []
                for threat in _coordinated_threats(text, threats, inside, end) if designators else []:
                    pairs.append((designators[-1].actor, threat.actor, level))  # "designated X and Y as FTOs"
            elif order == "pt" and before:
                threats = [m for m in inside + after if m.actor != before[-1].actor]
                if (
                    threats
                    and rule in ("prioritises", "counters")
                    and len(text[match.end() : threats[0].start].split()) > 3
                ):
                    continue  # "focused on a number of impacts of X's rule": X is not what is focused on
                if threats and rule == "counters":
                    pair = _countered(text, start, match.start(), match.end(), before, threats)
                    pairs += [(*pair, level)] if pair else []
                elif threats:
                    pairs.append((before[-1].actor, threats[0].actor, level))
            elif order == "tp" and before and after and rule == "listed-by":
                listers = [after[0], *_coordinated(text, after, end)]  # "by the United States, the EU and Canada"
                for threat in _designated(text, start, match.start(), before, kinds):
                    for lister in listers:
                        pairs.append((lister.actor, threat, level))  # "X leader A and B were tagged by Y as SDGTs"
            elif order == "tp" and before and after:
                for threat in _subjects(text, start, match.start(), before):
                    pairs.append((after[0].actor, threat, level))
            elif order == "tp-next" and before and after and after[0].start == match.end():
                if _CLAUSE_FOLLOWS.match(text, after[0].end, end):
                    continue  # "threatened the group would declare ...": a statement about it, no threat to it
                pairs.append((after[0].actor, before[-1].actor, level))  # "the TTP threatens Pakistan"
            elif order == "t-author" and before and author and not _ATTRIBUTED.search(text, start, end):
                pairs.append((author, before[-1].actor, level))  # the writer's own grading of the threat
            elif order == "tp" and before and author and _TO_US.match(text, match.end()):
                pairs.append((author, before[-1].actor, level))  # "X poses a serious threat to us"
            if _NEGATION.search(text, max(start, match.start() - 25), match.start()):
                continue
            for perceiver, threat, lvl in pairs:
                if perceiver != threat and (perceiver, threat) not in found:
                    found[(perceiver, threat)] = Perception(perceiver, threat, lvl, f"perception:{rule}")
    for match in _US_LISTED.finditer(text, start, end) if us_list else ():  # "a former member of the FTO X"
        listed = [m for m in mentions if m.start == match.end() and m.actor != _US]
        if listed and (_US, listed[0].actor) not in found:
            found[(_US, listed[0].actor)] = Perception(_US, listed[0].actor, "recognised", "perception:designated")
    return list(found.values())


# Matched where a mention ends, with ``pattern.match(text, pos)``: slicing the rest of the document for each
# sentence would copy it once per match.
_AS_ALIAS = re.compile(r"\s+as\s+(?:an?\s+)?(?:alias|aliases|name)\b")  # "X as an alias": a name, not a threat
_NAME_FOLLOWS = re.compile(r"\s+(?:[A-Z]\.?\s*)?[A-Z][a-z]")  # "Ambassador Nathan Sales": a title before a name, no tie
_OF_OR_TO = re.compile(r"\s+(?:of|to)\b")


_BY_MEANS = re.compile(r"\bby\s+(?:\w+ing\s+(?:and|or)\s+)?$", re.I)  # "by exposing and disrupting"


def _countered(
    text: str, start: int, at: int, cue_end: int, before: list[Mention], threats: list[Mention]
) -> tuple[str, str] | None:
    """Who counters whom in "X continues to counter Y's activities" (X sees Y as a threat), or None.

    The object is the phrase right after the verb, up to a comma and not a place ("to combat terrorism in Z"
    counters nothing named); after "by" ("X is committed to helping Z by disrupting Y") the clause's opening
    subject acts, not the name just before.
    """
    threat = threats[0]
    if "," in text[cue_end : threat.start] or _LOCATIVE.search(text, max(start, threat.start - 20), threat.start):
        return None
    perceiver = before[-1]
    if _BY_MEANS.search(text, max(start, at - 30), at):
        opener = before[0] if _OPENS.fullmatch(text, start, before[0].start) else None
        if opener is None or opener is perceiver:
            return None
        perceiver = opener
    return (perceiver.actor, threat.actor) if perceiver.actor != threat.actor else None


def _coordinated_threats(text: str, threats: list[Mention], inside: list[Mention], end: int) -> list[Mention]:
    """The designated: the first named, with those coordinated with it inside the cue ("designating X and Y as")."""
    if not threats or _MEMBERS_OF.search(text, max(0, threats[0].start - 30), threats[0].start):
        return []
    if _AS_ALIAS.match(text, threats[0].end):
        return []  # "adding Y as an alias to X's designation": a name of the one designated, not another
    listed = [threats[0]]
    for prev, item in zip(threats, threats[1:4]):
        if item not in inside or not re.fullmatch(
            r"\s*(?:\([^()]{1,12}\)\s*)?(?:,|,?\s+and)\s+(?:the\s+)?", text[prev.end : item.start]
        ):
            break
        listed.append(item)
    return listed


def _subjects(text: str, start: int, at: int, before: list[Mention]) -> list[str]:
    """The subject of the verb at ``at``: the last name before it, but not a possessor inside an object of a
    coordinated verb ("that X can no longer obstruct Y's recovery or pose a threat": X), and with the head of
    "X and its affiliates like Y" (X and Y)."""
    last = before[-1]
    if _POSSESSIVE.match(text, last.end) and re.search(r"\b(?:or|and)\s+$", text[last.end : at]):
        opened = [m.end() for m in _CLAUSE_OPEN.finditer(text, start, last.start)]
        heads = [m for m in before if m.start >= (opened[-1] if opened else start) and m is not last]
        if heads:
            last = heads[0]
    found = [last.actor]
    for prev in reversed([m for m in before if m.end <= last.start]):
        if _AND_ITS_MEMBERS.fullmatch(text[prev.end : last.start]):
            found.append(prev.actor)
        break
    return found


def _designated(text: str, start: int, at: int, before: list[Mention], kinds: dict[str, str]) -> list[str]:
    """Who a passive designation names: the persons of its subject when it names any ("X leader A and B of Y were
    designated": A and B, individuals are listed by name), else the last name before the verb."""
    breaks = [m.end() for m in re.finditer(r"[;:]|,\s+(?:and|but|while)\b", text[start:at])]
    clause = start + (breaks[-1] if breaks else 0)
    persons = [m.actor for m in before if m.start >= clause and kinds.get(m.actor) == "person"]
    return list(dict.fromkeys(persons)) or [before[-1].actor]


def relations(text: str, start: int, end: int, mentions: list[Mention], kinds: dict[str, str]) -> list[Relation]:
    """Relations stated in the sentence ``text[start:end]``, one per pair and kind."""
    every = mentions
    mentions = _parties(text, mentions, kinds)
    mentions = [  # "works with Iran's Quds Force": the cue's party is the unit, not its possessor
        m for m, after in zip(mentions, [*mentions[1:], None]) if after is None or not _unit_of(text, m, after)
    ]
    actors = list(dict.fromkeys(m.actor for m in every))
    if len(actors) < 2:
        return []
    found: dict[tuple[str, str, str], Relation] = {}

    def add(a: str, b: str, kind: str, qualifier: str, rule: str, directed: bool) -> None:
        if a == b:
            return
        key = (kind, *sorted((a, b)))
        if key not in found:
            found[key] = Relation(a, b, kind, directed, qualifier, rule)

    for first, second in zip(mentions, mentions[1:]):  # "U.S. President Donald Trump"
        gap = text[first.end : second.start]
        if kinds.get(first.actor) == "state" and kinds.get(second.actor) == "person":
            if _TITLE_GAP.match(gap):
                add(second.actor, first.actor, "affiliation", gap.strip(" ’'s").strip(), "relation:title", True)
        elif kinds.get(first.actor) != "state" and kinds.get(second.actor) == "person" and _GROUP_TITLE.match(gap):
            add(second.actor, first.actor, "affiliation", gap.strip(" ’'s").strip(), "relation:title", True)
    for n, m in enumerate(mentions):  # "X is an al-Qa’ida affiliate"
        if kinds.get(m.actor) == "state":
            continue  # "X, a Pakistani front": where it is from, not whose it is
        if _AFFILIATE_NOUN.match(text, m.end, end) and n and _IS_A.fullmatch(text[mentions[n - 1].end : m.start]):
            noun = _AFFILIATE_NOUN.match(text, m.end, end).group(0).split()[-1]
            add(mentions[n - 1].actor, m.actor, "affiliation", noun, "relation:affiliation", True)
    for m in mentions:  # "X works as Y's charitable wing"
        wing = _POSSESSIVE_WING.match(text, m.end, end)
        subject = [o for o in mentions if o.end <= m.start and o.actor != m.actor]
        named = [
            o for o in mentions if wing and o.start > m.end and _APPOSITIVE_NAME.fullmatch(text, wing.end(), o.start)
        ]
        if wing and named:  # "PJAK's armed wing, the Eastern Kurdistan Units": the wing named after the comma
            add(
                named[0].actor,
                m.actor,
                "affiliation",
                text[m.end : wing.end()].strip(" ’'s"),
                "relation:affiliation",
                True,
            )
        elif wing and subject:
            add(
                subject[-1].actor,
                m.actor,
                "affiliation",
                text[m.end : wing.end()].strip(" ’'s"),
                "relation:affiliation",
                True,
            )
    for first, second in zip(mentions, mentions[1:]):
        gap = text[first.end : second.start]
        if _CONTROLLED.fullmatch(gap):  # "X-controlled financial institution Y": Y belongs to X
            add(
                second.actor,
                first.actor,
                "affiliation",
                gap.strip().split()[0].lstrip("-"),
                "relation:affiliation",
                True,
            )
        if _ALLIED.fullmatch(gap):  # "IS and allied White Flags"
            add(first.actor, second.actor, "cooperation", "allied", "relation:cooperation", False)
        members = _MEMBERS_LIKE.fullmatch(gap)
        if members:  # "X and its affiliates like Y": Y is one of X's; "X and its proxies like Y": X backs Y
            kind = "support" if members.group("noun").casefold().startswith("prox") else "affiliation"
            a, b = (first.actor, second.actor) if kind == "support" else (second.actor, first.actor)
            add(a, b, kind, members.group("noun").casefold(), f"relation:{kind}", True)
        if kinds.get(first.actor) == "person" and kinds.get(second.actor) == "armed_group" and _OF.fullmatch(gap):
            add(first.actor, second.actor, "affiliation", "of", "relation:affiliation", True)  # "Abu X of Y"
    for first, second in zip(every, every[1:]):  # "U.S.-Pakistan relations"
        pair = _PAIR_NOUN.match(text, second.end, end)
        if pair and _PAIR_COMPOUND.match(text[first.end : second.start]):
            noun = pair.group(0).split()[-1].casefold()
            add(first.actor, second.actor, _PAIR_KIND[noun], noun, f"relation:{_PAIR_KIND[noun]}", False)
    _structural(text, start, end, mentions, every, kinds, add)
    last_subject: Mention | None = None  # the subject of the cue before, for a predicate coordinated after it
    for match in _CUE.finditer(text, start, end):
        cue = re.sub(r"\s+", " ", match.group(1).casefold())
        kind = _CUE_KIND[cue]
        if _NEGATION.search(text, max(start, match.start() - 20), match.start()):
            continue
        if cue == "provided" and re.match(r"\s+(?:for|that)\b", text[match.end() : match.end() + 6]):
            continue  # "the agreement provided for the withdrawal": stipulated, not given
        if cue.endswith("ing") and _POSSESSOR.search(text, max(start, match.start() - 4), match.start()):
            if _NOUN_AFTER.match(text, match.end(), end):
                continue  # "X's destabilizing activities": a modifier of a noun ("X's backing of Y" is a tie)
        if cue.endswith("ing") and _NOUN_BEFORE_PARTICIPLE.search(text[max(start, match.start() - 14) : match.start()]):
            continue  # "those supporting X": the unnamed ones do it
        if cue == "met" and _DEMANDS.match(text, match.end()):
            continue  # "unless the government met the group's conditions"
        if cue.startswith("sanction") and _SANCTIONS_NOUN.match(text, match.end()):
            continue  # "its sanctions authorities"
        if cue in ("ambassador", "envoy") and _NAME_FOLLOWS.match(text, match.end()):
            continue  # "Ambassador Nathan Sales": the title of an office, not a diplomatic tie
        if kind == "cooperation" and re.search(
            r"\b(?:our|their|its|his|her)\s+$", text[max(start, match.start() - 8) : match.start()]
        ):
            continue  # "threats to the United States and our allies": the allies are not named
        before = [m for m in mentions if m.end <= match.start()]
        after = [m for m in mentions if m.start >= match.end()]
        if cue == "part of" and (not after or kinds.get(after[0].actor) == "state"):
            continue  # "part of Pakistan" is a place; "part of Ansar al-Islam" a membership
        if after and _CLASS_AGENT.search(text[before[-1].end if before else start : match.start()]):
            for member in _listed_after(text, after):  # "groups targeting India, including LeT and JeM"
                add(member.actor, after[0].actor, kind, cue, f"relation:{kind}", _DIRECTED.get(kind, False))
            continue  # the class is no party; without a list there is no named agent
        if cue in _FOUNDING and not after:
            continue  # "a terrorist organization formed in 2007": nothing named was founded by a named founder
        if (
            not after
            and len(before) >= 2
            and (kind == "affiliation" or _BETWEEN.search(text[max(start, before[-2].start - 10) : before[-2].start]))
        ):
            after, before = [before[-1]], [before[-2]]  # "TTP then named X as the group's new leader"
        elif (
            not after
            and len(before) >= 2
            and kind == "support"
            and _GIVE.search(text[before[-2].end : before[-1].start])
        ):
            after, before = [before[-1]], [before[-2]]  # "the ISI continues to give LeT help and protection"
        elif not after and len(before) >= 2 and kind in ("economic", "diplomatic", "cooperation"):
            if len(text[before[-1].end : match.start()].split()) <= 4:  # "talks with the IMF on a loan"
                after, before = [before[-1]], [before[-2]]
        if kind == "support" and not after and text[match.start() - 1 : match.start()] == "-":
            agent = [m for m in every if m.end == match.start() - 1]
            backed = [m for m in before if agent and m.end <= agent[0].start and m.actor != agent[0].actor]
            if agent and backed and "," in text[backed[-1].end : agent[0].start]:  # "the Houthis, an Iran-backed group"
                add(agent[0].actor, backed[-1].actor, kind, cue, f"relation:{kind}", True)
            continue
        holder = _appositive_holder(text, cue, after, kinds) if not before else None
        if holder is not None:  # "the leader of Y (YZ), X, said": X holds the office in Y
            add(holder.actor, after[0].actor, "affiliation", cue, "relation:affiliation", True)
            continue
        if not before or not after:
            if kind in ("cooperation", "diplomatic", "economic", "conflict") and len(after) >= 2:
                lead = text[match.end() : after[0].start]
                joined = re.fullmatch(r"\s*(?:,\s*)?(?:and|&)\s+(?:the\s+)?", text[after[0].end : after[1].start])
                by_both = kind == "diplomatic" and re.search(r"\bby\s+(?:the\s+)?$", lead) and joined
                between = cue.endswith("between") or re.search(r"\b(?:between|among)\s+(?:the\s+)?$", lead)
                if _BETWEEN.search(lead) or between or by_both:
                    add(after[0].actor, after[1].actor, kind, cue, f"relation:{kind}", False)
            continue
        if cue in _FOUNDING and (
            kinds.get(before[-1].actor) == "state" or text[match.end() : after[0].start].strip() not in ("", "the")
        ):
            continue  # "X formed Y": the founded actor right after the verb, and a state founds no group
        if _NEGATION.search(text[match.end() : after[0].start]):
            continue  # "the negotiations did not involve X": the tie is denied
        if cue.startswith("threaten") and (
            not text[match.end() : after[0].start].strip(" the") or _CLAUSE_FOLLOWS.match(text, after[0].end, end)
        ):
            continue  # "X threatens Y" is a perception; "threatened Y would ..." a statement
        if _PARTICIPLE.search(text[match.end() : after[0].start]):
            continue  # "U.S. air raids, leaving the ANDSF without ...": a clause of its own, not the cue's object
        if len(after) >= 2 and kinds.get(after[0].actor) == "state" and kinds.get(after[1].actor) == "person":
            gap = text[after[0].end : after[1].start]
            if _TITLE_GAP.match(gap) or not gap.strip():  # "founded by Saudi Saleh Al-Qaraawi" too
                after = after[1:]  # "opposition to Yemen President Ali Abdullah Saleh": the person, not the state
        if cue in _SEIZING and _TERRITORY.search(text[match.end() : after[0].start]):
            continue  # "took over most of southern Somalia", "the city of Kabul": a place taken, not a party
        adjunct = bool(_WITH.search(text[max(start, match.start() - 12) : match.start()]))
        if adjunct:
            opener = mentions[0] if mentions and _OPENS.fullmatch(text[start : mentions[0].start]) else None
            if opener is None or opener.actor == after[0].actor:
                continue  # "It was founded by X, with funding from Y": the recipient is the unnamed subject
            before = [opener]
        if cue in _ACCUSE and len(text[match.end() : after[0].start].split()) > 4:
            continue  # "whom they accused of corruption and being backed by X": X is not the accused
        subject = before[-1]
        opener = before[0] if _OPENS.fullmatch(text[start : before[0].start]) else None
        if (
            opener
            and opener is not subject
            and re.search(r"\bas\b[^,;]{0,40}\bto\s+$", text[subject.end : match.start()])
        ):
            subject = opener  # "X uses Y as a front to undermine Z": X, the one who uses, acts
        if len(before) >= 2 and _AND_HAS.search(text[before[-1].end : match.start()]):
            subject = before[0]  # "Al-Shabaab is an al-Qa’ida (AQ) affiliate and has ties to ..."
        lead_in = text[max(start, subject.start - 30) : subject.start]
        if kind != "conflict" and _BELIEF_AGENT.search(lead_in) and _OF_OR_TO.match(text, subject.end):
            relative = [r.start() for r in _RELATIVE.finditer(text, start, subject.start)]
            held = [m for m in before if relative and m.end <= relative[-1]]
            if not held or held[-1].actor == after[0].actor:
                continue  # "suspected by X of ties with Y": X holds the view, it is no party
            subject = held[-1]  # "a group, Y, which is believed by X to be part of Z": Y is the one tied to Z
        if last_subject is not None and _AND_PREDICATE.fullmatch(text[subject.end : match.start()]):
            subject = last_subject  # "Y is part of X and possibly affiliated with Z": Y, not X, is tied to Z
        if kind != "affiliation" or not _REVERSED.match(cue):  # "X, which is led by Y": Y is no subject
            relative = _relative_subject(text, start, subject, before, match.start())
            if relative is None:
                continue  # "a bombing that killed Y", "two firms that are linked to Y": the subject is unnamed
            subject = relative
        if _PART_OF_GROUP.search(text[max(start, subject.start - 30) : subject.start]):
            continue  # "fighters within X pledged allegiance to Y": some of X's, not X
        last_subject = subject
        if kind == "diplomatic" and len(after) >= 2 and _BY.search(text[match.end() : after[0].start]):
            if re.fullmatch(r"\s*(?:,\s*)?(?:and|&)\s+(?:the\s+)?", text[after[0].end : after[1].start]):
                add(after[0].actor, after[1].actor, kind, cue, f"relation:{kind}", False)  # "signed by X and Y"
                continue
        if _BY.search(text[max(start, subject.start - 8) : subject.start]):
            if len(text[subject.end : match.start()].split()) > 1:
                continue  # "groups supported by Islamabad will ... attack ... against": Islamabad is not the subject
            if cue in _SPLITS:  # "X was formed in 1967 by Y after splitting from Z": X split, not its founder Y
                opener = mentions[0] if _OPENS.fullmatch(text, start, mentions[0].start) else None
                if opener is None or opener is subject:
                    continue
                subject = opener
        a, b = subject.actor, after[0].actor
        listed = len(after) >= 2 and _INCLUDING.fullmatch(text[after[0].end : after[1].start])
        for n, item in enumerate(after[1:4], start=1):  # "ties to other AQ affiliates, including X and Y"
            gap = text[after[n - 1].end : item.start]
            if listed and (n == 1 or re.fullmatch(r"\s*(?:,|,?\s+(?:and|or))\s+(?:the\s+)?", gap)):
                add(a, item.actor, kind, cue, f"relation:{kind}", _DIRECTED.get(kind, False))
        if listed and _CLASS_NOUN.match(text, after[0].end):
            continue  # "other AQ affiliates": a class the listed items belong to, not a party
        if kind == "affiliation" and _OFFICE.match(cue) and kinds.get(a) != "person":
            holders = [m for m in before if kinds.get(m.actor) == "person"]
            if holders and len(text[holders[-1].end : match.start()].split()) <= 12:
                a = holders[-1].actor  # "Mufti Noor Wali Mehsud ... is a Pakistani militant and current emir of TTP"
        if kind == "support" and text[match.start() - 1 : match.start()] == "-":
            agent = [m for m in every if m.end == match.start() - 1]
            if not agent:
                continue  # "X-backed" with no actor named before the hyphen
            a = agent[0].actor
        near_between = _BETWEEN.search(text[match.end() : after[0].start])
        if near_between and len(after) >= 2:
            a, b = after[0].actor, after[1].actor
        if kind == "affiliation":
            if cue == "absorbed":
                a, b = b, a
            if (
                _REVERSED.match(cue)
                and kinds.get(b) == "person"
                or kinds.get(b) == "person"
                and kinds.get(a) != "person"
            ):
                a, b = b, a
            add(a, b, kind, cue, "relation:affiliation", True)
            continue
        given_by = r"\s+(?:from|of)\b" if adjunct else r"\s+from\b"  # "with the backing of Y", "funding from Y"
        reverse = _REVERSED.match(cue) or re.match(given_by, text[match.end() : match.end() + 6])
        if kind == "support" and reverse and text[match.start() - 1 : match.start()] != "-":
            a, b = b, a  # "X, backed by Y", "X, with funding from Y" (but "Y-backed X", "X's backing of Y")
        directed = _DIRECTED.get(kind, cue in ("attacked", "targeted", "struck", "accused", "accuses"))
        if cue in ("sanctions", "sanctioned", "sanctioning"):
            directed = True  # sanctions run from who imposes them to who is under them
            if _BY.search(text[match.end() : after[0].start]) or not _BY.search(text[before[-1].end : match.start()]):
                a, b = (b, a) if _BY.search(text[match.end() : after[0].start]) else (a, b)
        if kind == "support" and reverse and re.search(r"\(\s*(?:\w+ly\s+)?$", text[start : match.start()]):
            opened = text.rfind("(", start, match.start())
            if ")" in text[subject.end : opened] or len(text[subject.end : opened].split()) > 2:
                continue  # "allied forces (largely backed by Y)": the backed one is unnamed
        add(a, b, kind, cue, f"relation:{kind}", directed)
        swapped = kind == "support" and a != subject.actor
        for extra in _coordinated(text, after, end):  # "against Pakistani and U.S. interests"
            if swapped:  # "backed by X, Y and others": every agent listed backs the one named before
                add(extra.actor, b, kind, cue, f"relation:{kind}", directed)
            else:
                add(before[-1].actor, extra.actor, kind, cue, f"relation:{kind}", directed)
        predicate = _PREDICATE.fullmatch(text, subject.end, match.start())
        if kind in ("conflict", "support", "cooperation") and not swapped and subject is before[-1] and predicate:
            listed: list[Mention] = []  # "X, Y and others conducting ... against Z", "X and allied Y fought Z"
            for prev, item in zip(reversed(before[:-1]), reversed(before)):
                gap = text[prev.end : item.start]
                if not (_LISTED_SUBJECT.fullmatch(gap) or _ALLIED.fullmatch(gap)):
                    break
                listed.append(prev)
            links = text[listed[-1].end : match.start()] if listed else ""
            if re.search(r"\band\b", links):  # a list has its "and"; "Influenced by X, the Ys adopted" is none
                for prev in listed:
                    add(prev.actor, b, kind, cue, f"relation:{kind}", directed)
        if len(before) >= 2 and _TITLED_AND.fullmatch(text[before[-2].end : before[-1].start]):
            if kinds.get(before[-2].actor) == kinds.get(before[-1].actor) == "person":
                add(before[-2].actor, b, kind, cue, f"relation:{kind}", directed)  # "President X and President Y"
    return list(found.values())


_APPOSITIVE_COMMA = re.compile(r"\s*(?:\([^()]{1,20}\))?\)?[\s\]]*,\s+")  # "Y, X", "Y (YZ), X"


def _appositive_holder(text: str, cue: str, after: list[Mention], kinds: dict[str, str]) -> Mention | None:
    """The person named in apposition after an office with no holder before it: "the founder of Y, X, ..."."""
    if not _OFFICE.match(cue) or not after:
        return None
    group = [m for m in after if m.actor == after[0].actor]  # "al-Qa'ida in Yemen (AQY)": one actor, twice
    rest = [m for m in after if m.start >= group[-1].end and m.actor != after[0].actor]
    if not rest or kinds.get(rest[0].actor) != "person":
        return None
    last = max((m for m in group if m.end <= rest[0].start), key=lambda m: m.end)
    return rest[0] if _APPOSITIVE_COMMA.fullmatch(text, last.end, rest[0].start) else None


_BARE_LIST = re.compile(r"(?:\[\w{1,4}\])*\s*(?:,|,?\s+and)\s+(?:the\s+)?")


def _coordinated(text: str, after: list[Mention], end: int) -> list[Mention]:
    """The mentions coordinated with a cue's first object: "against X, Y, and Z", "against X-led Y forces and Z".

    The list stops at a clause break ("which", "but", ";") and before a mention that opens a clause of its own
    ("... and Z said"), so "X attacked Y and Z denied it" makes Z no object.
    """
    items = []
    for n, (prev, item) in enumerate(zip(after, after[1:])):
        gap = text[prev.end : item.start]
        if n >= 4 and not _BARE_LIST.fullmatch(gap):
            break  # past the fifth, only a plain list goes on ("by the UN, Australia, Canada, China, Japan, ...")
        if not _COORDINATED.fullmatch(gap) or _CLAUSE_BREAK.search(gap) or _CUE.search(gap) or _PARTICIPLE.search(gap):
            break  # "accused X of corruption and of being backed by Y": Y belongs to another cue
        if _MEANS.search(gap) or _MEMBERS_LIKE.fullmatch(gap):
            break  # "by exposing Z", "and its proxies like Z": Z is no object of this cue
        if _NEXT_VERB.match(text, item.end, end):
            break
        items.append(item)
    return items


def _listed_after(text: str, after: list[Mention]) -> list[Mention]:
    """The items listed after a cue's object with "including": "targeting India, including LeT and JeM"."""
    if len(after) < 2 or not _INCLUDING.fullmatch(text[after[0].end : after[1].start]):
        return []
    items = [after[1]]
    for prev, item in zip(after[1:], after[2:6]):
        gap = text[prev.end : item.start]
        if gap.strip() and not _COORDINATED.fullmatch(gap) or _CLAUSE_BREAK.search(gap):
            break
        items.append(item)
    return items


def _structural(text: str, start: int, end: int, mentions: list[Mention], every: list[Mention], kinds, add) -> None:
    """Ties read from a sentence's structure rather than from one cue word beside two names.

    "Under the leadership of X, Y ...": X leads Y. "In 2003, influenced by X, Y ...": X supports Y.
    "Y was founded in 1970 by X": X founded Y. "the Taliban-led insurgency" in a sentence about a state: a
    conflict with that state (one after "against", else the one named as the place, else the only one).
    "Y launched missiles at X": a conflict. "X's Quds Force": a unit of X.
    """
    fronted = _FRONTED.match(text, start, end)
    if fronted:
        agent = [m for m in mentions if fronted.start("agent") <= m.start and m.end <= fronted.end("agent")]
        other = [m for m in mentions if m.start >= fronted.end()]
        if agent and other:
            cue = re.sub(r"\s+", " ", fronted.group("cue").casefold())
            kind = "affiliation" if re.match(r"under|led|headed", cue) else "support"
            add(agent[-1].actor, other[0].actor, kind, cue, f"relation:{kind}", True)
    means = _FRONTED_MEANS.match(text, start, end)
    if means and means.group("verb").casefold() in _CUE_KIND:  # "By funding X, Y undermines Z": Y funds X
        kind = _CUE_KIND[means.group("verb").casefold()]
        done_to = [m for m in mentions if means.start("object") <= m.start and m.end <= means.end("object")]
        doer = [m for m in mentions if m.start >= means.end()][:1]
        if done_to and doer and kind != "affiliation":
            add(
                doer[0].actor,
                done_to[0].actor,
                kind,
                means.group("verb").casefold(),
                f"relation:{kind}",
                _DIRECTED.get(kind, False),
            )
    for first, second in zip(every, every[1:]):  # an office held, said by apposition or a copula
        gap = text[first.end : second.start]
        if kinds.get(first.actor) == "person" and kinds.get(second.actor) != "state":
            if _HOLDER_OF.fullmatch(gap) and _OFFICE_AFTER.match(text, second.end, end):
                add(
                    first.actor, second.actor, "affiliation", "leader", "relation:affiliation", True
                )  # "X, AI's leader"
        elif kinds.get(second.actor) == "person" and kinds.get(first.actor) not in ("state", "person"):
            office = _OFFICE_IS.fullmatch(gap)
            if office:  # "AI's new leader, X", "Its leader is X", "AI announced a new leader, X"
                add(second.actor, first.actor, "affiliation", office.group("office"), "relation:affiliation", True)
    for m in every:  # "PJAK is a militant, anti-Iranian government group", "anti-Israeli attacks"
        if text[max(start, m.start - 5) : m.start].casefold() == "anti-" and kinds.get(m.actor) == "state":
            subject = [o for o in mentions if o.end <= m.start and o.actor != m.actor and kinds.get(o.actor) != "state"]
            if subject and _OPENS.fullmatch(text, start, subject[0].start):
                add(subject[0].actor, m.actor, "conflict", "anti-", "relation:conflict", False)
    for owner, unit in zip(every, every[1:]):  # "IRGC's Quds Force", "Hezbollah's Unit 3800": a unit of the one
        if _unit_of(text, owner, unit) and kinds.get(unit.actor) != "state":  # before the possessive
            add(unit.actor, owner.actor, "affiliation", "unit of", "relation:affiliation", True)
    for match in _FOUNDED_BY.finditer(text, start, end):
        founded = [m for m in mentions if m.end <= match.start()]
        described = _DESCRIBED.match(text, match.end(), end)  # "by former university professor X"
        founder = [m for m in every if m.start in (match.end(), described.end())]
        if founder and kinds.get(founder[0].actor) == "state":  # "by Saudi Saleh Al-Qaraawi", "by the Saudi
            national = _DESCRIBED.match(text, founder[0].end, end)  # national Saleh Al-Qaraawi": the person
            founder = [m for m in every if m.start == national.end() and kinds.get(m.actor) == "person"]
        gap = text[founded[-1].end : match.start()] if founded else ""
        if founded and founder and (len(gap.split()) <= 3 or _DEFINED_THAT.fullmatch(gap)):
            cue = re.sub(r"\s+", " ", match.group(0).split()[0].casefold()) + " by"
            add(founder[0].actor, founded[-1].actor, "affiliation", cue, "relation:affiliation", True)
    states = [m for m in every if kinds.get(m.actor) == "state"]
    for m in mentions:
        if kinds.get(m.actor) == "state" or not _INSURGENCY.match(text, m.end, end):
            continue
        others = [o for o in states if o.actor != m.actor]
        against = [
            o for o in others if re.search(r"\bagainst\s+(?:the\s+)?$", text[max(start, o.start - 12) : o.start])
        ]
        placed = [o for o in others if _AT_PLACE.search(text[max(start, o.start - 12) : o.start])]
        single = others if len({o.actor for o in others}) == 1 else []
        opponent = (against or placed or single or [None])[0]
        if opponent is not None:
            add(m.actor, opponent.actor, "conflict", "insurgency", "relation:conflict", False)
    for match in _LAUNCHED_AT.finditer(text, start, end):
        attacker = [m for m in mentions if m.end <= match.start()]
        target = [m for m in every if m.start == match.end()]  # "at Israel" is a target, not a place
        if attacker and target:
            add(
                attacker[-1].actor,
                target[0].actor,
                "conflict",
                match.group(0).split()[0].casefold(),
                "relation:conflict",
                False,
            )
