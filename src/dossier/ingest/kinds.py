"""Claim kind by transparent rules: the first family whose cue occurs decides, and is recorded.

``kind_rule`` reads ``family:cue`` (for example ``modal:could``), or
``default:reported_fact`` when no cue occurs. Families are tried in this order:

0. quoted speech ("noted that “...", a closing quotation mark with no opening one) and views held by
   others ("is believed by the government", "reportedly") -> reported_fact
1. reported future ("Houthis said they will not stop", "It said that troops are going to leave") and
   questions about the future ("they don't know how the Taliban will treat women") -> reported_fact:
   what someone else says of the future is not the author's forecast
2. past modal ("could not have been prevented", "may have fled") -> judgment:
   a judgment about what happened, not a forecast
3. modal (future or possibility: will, could, may, is expected to) -> forecast
4. estimative (ICD 203 terms: likely, probably, almost certainly; "we assess") -> judgment
5. evaluative (the author weighs causes, roles and effects: "This means that", "Initial indications are
   that", "plays a critical role", "one of the critical events that caused", "made it easier for",
   "ill-prepared", "was a pivotal event", "is notorious for", a conditional "would") -> judgment
6. hedge (the writer's inference: suggests, indicates, appears to) -> judgment
7. normative (what ought to happen: must, should) -> judgment
8. attribution (someone said so: said, reported, according to) -> reported_fact
"""

from __future__ import annotations

import re

_PAST_MODAL = (
    r"(?:could|would|might|may|must|should)(?:\s+not|n['’]t)?\s+have\s+(?:been\s+|\w+(?:ed|en|wn|ne|t|ught|un)\b)\w*"
)
_SAYS = (
    # "states" only in lower case: "the United States will" is a name before a modal, not a report
    r"(?:said|says|say|stated|(?-i:states)|announced|announces|told|tells|claimed|claims|declared|warned|added|noted|"
    r"vowed)"
)
_FUTURE = r"(?:will|won['’]t|would|shall|(?:is|are|was|were)\s+going\s+to|plans?\s+to|intends?\s+to)"
_REPORTED_FUTURE = (
    rf"(?:{_SAYS}\b(?:\s+[\w’'.,-]+){{0,10}}?\s+{_FUTURE}"
    rf"|(?:know|knows|knew|ask|asks|asked|wonder|wonders|wondered)\s+(?:how|whether|if|what|when|who)\b"
    rf"(?:\s+[\w’'.,-]+){{0,8}}?\s+{_FUTURE})"
)
# Quoted speech: a quotation opened after a verb of saying, or the close of one that began in an earlier
# sentence (a closing mark with no opening one), is what the speaker said, whatever its modals and hedges.
_QUOTED = (
    rf"(?:{_SAYS}\s+(?:that\s+)?(?=[“\"]))"
    r"|(?:^[^“\"]*[.!?]\s*[”\"]\s*$)"
    # a sentence that is one quotation, and a hedge or modal that opens a quotation ('the goals "appear to"')
    r"|(?:^\s*[“\"][^“”\"]{10,}[”\"]\s*$)"
    r"|(?:[“\"](?:appears?|seems?|may|might|could|will|would|likely|probably)\b)"
)
# A view held by someone named or unnamed ("is believed by the government", "reportedly"): theirs, not the
# author's, however hedged.
_ATTRIBUTED_VIEW = (
    r"(?:(?:believed|seen|regarded|considered|thought|suspected)\s+by\b|reportedly|allegedly|is\s+alleged\s+to)"
)
# The author's evaluation in a copula: "was a pivotal event", "is notorious for", "is a direct continuation of"
_EVALUATION = (
    r"(?:(?:is|are|was|were)\s+(?:an?\s+|the\s+)?(?:pivotal|notorious|infamous|watershed|landmark|decisive|"
    r"direct\s+continuation|turning\s+point|major\s+setback|serious\s+blow|key\s+turning)\b)"
)
RULES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("quoted", "reported_fact", (_QUOTED,)),
    ("attributed-view", "reported_fact", (_ATTRIBUTED_VIEW,)),
    ("reported-future", "reported_fact", (_REPORTED_FUTURE,)),
    ("past-modal", "judgment", (_PAST_MODAL,)),
    (
        "modal",
        "forecast",
        (
            "will",
            "won't",
            "won’t",
            "shall",
            "could",
            "may",
            "might",
            "is expected to",
            "are expected to",
            "is set to",
            "are set to",
            "is going to",
            "are going to",
            "is poised to",
            "are poised to",
            "is likely to",
            "are likely to",
            "is unlikely to",
            "are unlikely to",
            "plans to",
            "intends to",
            "is scheduled to",
            "are scheduled to",
            "next year",
            "next month",
            "next week",
            "in the coming",
        ),
    ),
    (
        "estimative",
        "judgment",
        (
            "almost no chance",
            "very unlikely",
            "highly unlikely",
            "unlikely",
            "roughly even chance",
            "even chance",
            "very likely",
            "highly likely",
            "likely",
            "almost certainly",
            "almost certain",
            "probably",
            "probable",
            "improbable",
            "we assess",
            "we judge",
            "we estimate",
            "we believe",
            "assessed that",
            "assesses that",
            "assess that",
            "judged that",
            "judges that",
            "in all likelihood",
            "we have high confidence",
            "we have moderate confidence",
            "we have low confidence",
            "high confidence",
            "moderate confidence",
            "low confidence",
        ),
    ),
    (
        "evaluative",
        "judgment",
        (
            "this means that",
            "which means that",
            "that means that",
            "indications are that",
            "initial indications",
            r"(?:plays?|played|playing)\s+an?\s+(?:critical|key|vital|crucial|central|important|significant|major"
            r"|pivotal|decisive)\s+role",
            r"(?:is|are|was|were)\s+an?\s+(?:effective|ineffective|essential|critical|vital)\s+(?:way|tool|means|step)",
            r"(?:is|are|was|were)\s+one\s+of\s+the\s+(?:critical|key|main|major|primary|principal|decisive)\s+"
            r"(?:events|factors|causes|reasons|drivers)",
            r"(?:made\s+it\s+(?:easier|harder|more\s+difficult|possible|impossible)\s+for)",
            "ill-prepared",
            "ill-equipped",
            _EVALUATION,
            # a conditional "would", not the narrative future-in-past ("he would later lead the group")
            r"(?:would(?!\s+(?:later|go\s+on|eventually|soon|then|become|never\s+again|subsequently)\b))",
        ),
    ),
    (
        "hedge",
        "judgment",
        (
            "suggests",
            "suggest",
            "suggested",
            "suggesting",
            "indicates",
            "indicate",
            "indicating",
            "appears to",
            "appear to",
            "seems",
            "seem to",
            "perhaps",
            "arguably",
            "possibly",
            "possible",
            "signals",
            "signal",
            "signaling",
            "signalling",
            "underscores",
            "underscore",
            "reflects",
            "reflecting",
            "analyzes",
            "analyses",
            "emphasizing",
            "emphasising",
            # "remains focused on", "remains committed to": a stated aim, not the writer's weighing
            r"(?:remains|remain)(?!\s+(?:in|at|on|under|with|from|inside|outside|near|along|there|active|focused|"
            r"committed|based|loyal)\b)",
            "demonstrates",
            "demonstrate",
            "shows that",
            "is a sign",
            "points to",
        ),
    ),
    ("normative", "judgment", ("must", "should", "ought to", "needs to", "need to", "necessitates")),
    (
        "attribution",
        "reported_fact",
        (
            "said",
            "says",
            "stated",
            "reported",
            "announced",
            "according to",
            "claimed",
            "told",
            "confirmed",
            "added",
            "noted",
            "warned",
            "reports",
            "announces",
            "declared",
            "alleged",
            "quoted",
        ),
    ),
)
DEFAULT = ("reported_fact", "default:reported_fact")
ANALYST = "analyst"  # kind_rule when the analyst changed the kind in review


def _compile(cues: tuple[str, ...]) -> re.Pattern:
    parts = []
    for cue in sorted(cues, key=len, reverse=True):
        if cue.startswith("(?:"):  # a pattern of its own
            parts.append(cue)
            continue
        escaped = re.escape(cue).replace(r"\ ", r"\s+")
        # "may" only in lower case: "May" is usually the month.
        parts.append(f"(?-i:{escaped})" if cue == "may" else escaped)
    return re.compile(r"(?<![\w’'-])(?:" + "|".join(parts) + r")(?![\w’'-])", re.IGNORECASE)


_COMPILED = tuple((family, kind, _compile(cues)) for family, kind, cues in RULES)


def classify(sentence: str) -> tuple[str, str]:
    """(kind, kind_rule) for one sentence."""
    for family, kind, pattern in _COMPILED:
        if match := pattern.search(sentence):
            cue = re.sub(r"\s+", " ", match.group(0).lower()).replace("’", "'")
            return kind, f"{family}:{cue}"
    return DEFAULT
