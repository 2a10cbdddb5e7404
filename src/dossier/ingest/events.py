"""Candidate events: a sentence that names an actor and uses an event verb.

Each candidate keeps the claim that evidences it. Roles are read from word order:
an actor before the verb is its subject, after it its object, and a state named
after "in" is the location (which also gives the event's country).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .actors import Mention
from .dates import DateMention, best_date

# event_type: word forms (verbs and their nouns) that report it
EVENT_VERBS: dict[str, tuple[str, ...]] = {
    "attack": ("attack", "attacks", "attacked", "attacking", "bombed", "bombing", "bombings", "ambushed", "stormed"),
    "seizure": ("seize", "seizes", "seized", "seizing", "seizure", "hijacked", "hijacking"),
    "capture": ("capture", "captures", "captured", "capturing", "apprehension", "apprehended"),
    "arrest": ("arrest", "arrests", "arrested", "arresting", "detained", "detains"),
    "visit": ("visit", "visits", "visited", "visiting", "trip"),
    "meeting": ("meet", "meets", "met", "meeting", "meetings", "talks", "engaged with"),
    "address": ("address", "addresses", "addressed", "addressing", "speech"),
    "agreement": ("sign", "signs", "signed", "signing", "agreement", "accord"),
}
_WORD_TYPE = {word: kind for kind, words in EVENT_VERBS.items() for word in words}
_VERB = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_WORD_TYPE, key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)  # fmt: skip


_NORMATIVE = re.compile(r"\b(?:must|should|ought to|needs? to)\s+$", re.IGNORECASE)


@dataclass
class CandidateEvent:
    event_type: str
    trigger: str
    trigger_start: int
    actors: list[tuple[str, str]] = field(default_factory=list)  # (actor key, role)
    date: DateMention | None = None


def find_events(
    text: str, start: int, end: int, mentions: list[Mention], dates: list[DateMention], states: set[str]
) -> list[CandidateEvent]:
    """One candidate per event type in the sentence ``text[start:end]``, when an actor is named.

    ``states`` are the actor keys that are countries (so "in Pakistan" is a location).
    """
    if not mentions:
        return []
    events: dict[str, CandidateEvent] = {}
    for match in _VERB.finditer(text, start, end):
        kind = _WORD_TYPE[re.sub(r"\s+", " ", match.group(1).lower())]
        if kind in events or _NORMATIVE.search(text, max(start, match.start() - 12), match.start()):
            continue  # "Pakistan must address …" says what ought to happen, not what did
        roles: list[tuple[str, str]] = []
        for mention in mentions:
            before = text[max(start, mention.start - 3) : mention.start].lower()
            compound = text[mention.end : mention.end + 1] == "-"  # "in U.S.-Pakistan relations"
            if mention.actor in states and before.endswith("in ") and not compound:
                role = "location"
            else:
                role = "subject" if mention.start < match.start() else "object"
            if (mention.actor, role) not in roles and all(a != mention.actor for a, _ in roles):
                roles.append((mention.actor, role))
        events[kind] = CandidateEvent(kind, match.group(1), match.start(), roles, best_date(dates))
    return list(events.values())
