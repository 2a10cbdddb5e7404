"""Claim kind by transparent rules: the first family whose cue occurs decides, and is recorded.

``kind_rule`` reads ``family:cue`` (for example ``modal:could``), or
``default:reported_fact`` when no cue occurs. Families are tried in this order:

1. past modal ("could not have been prevented", "may have fled") -> judgment:
   a judgment about what happened, not a forecast
2. modal (future or possibility: will, could, may, is expected to) -> forecast
3. estimative (ICD 203 terms: likely, probably, almost certainly; "we assess") -> judgment
4. hedge (the writer's inference: suggests, indicates, appears to) -> judgment
5. normative (what ought to happen: must, should) -> judgment
6. attribution (someone said so: said, reported, according to) -> reported_fact
"""

from __future__ import annotations

import re

_PAST_MODAL = r"(?:could|would|might|may|must|should)(?:\s+not|n['’]t)?\s+have\s+(?:been\s+)?\w+"
RULES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
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
            "remains",
            "remain",
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
