"""Claim kind by transparent rules: the first family whose cue occurs decides, and is recorded.

``kind_rule`` reads ``family:cue`` (for example ``modal:could``), or
``default:reported_fact`` when no cue occurs. Families are tried in this order:

1. modal (future or possibility) -> forecast
2. estimative (ICD 203 terms) -> judgment
3. hedge (the writer's inference) -> judgment
4. normative (what ought to happen) -> judgment
5. attribution (someone said so) -> reported_fact
"""

from __future__ import annotations

import re

RULES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("modal", "forecast", (
        "will", "won't", "won’t", "shall", "could", "may", "might", "is expected to", "are expected to",
        "is set to", "are set to", "is going to", "are going to",
    )),
    ("estimative", "judgment", (
        "almost no chance", "very unlikely", "unlikely", "roughly even chance", "even chance", "very likely",
        "likely", "almost certainly", "almost certain", "probably", "probable", "improbable",
    )),
    ("hedge", "judgment", (
        "suggests", "suggest", "suggested", "suggesting", "indicates", "indicate", "indicating", "appears to",
        "appear to", "seems", "seem to", "perhaps", "arguably", "possibly", "possible", "signals", "signal",
        "signaling", "signalling", "underscores", "underscore", "reflects", "reflecting", "analyzes", "analyses",
        "emphasizing", "emphasising", "remains", "remain",
    )),
    ("normative", "judgment", ("must", "should", "ought to", "needs to", "need to", "necessitates")),
    ("attribution", "reported_fact", (
        "said", "says", "stated", "reported", "announced", "according to", "claimed", "told", "confirmed",
        "added", "noted", "warned",
    )),
)  # fmt: skip
DEFAULT = ("reported_fact", "default:reported_fact")
ANALYST = "analyst"  # kind_rule when the analyst changed the kind in review


def _compile(cues: tuple[str, ...]) -> re.Pattern:
    parts = []
    for cue in sorted(cues, key=len, reverse=True):
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
