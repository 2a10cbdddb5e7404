"""Name an actor the way an analyst would: by id, name or alias, ignoring case, spacing and dashes.

Also near-match suggestions (rapidfuzz) for the names an import could not map, and country names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process, utils

from ..schema import LIST_SEPARATOR
from .errors import CurationError

_IGNORED = re.compile(r"[\s\-\u2010-\u2015_]+")


def fold(name: str) -> str:
    """'Tehreek-e-Taliban  Pakistan' and 'tehreek e taliban pakistan' fold alike; so do 'IS-K' and 'isk'."""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", str(name)).casefold())


def aliases(cell: object) -> list[str]:
    """A raw ``aliases`` cell (``a;b``) or a list, as a list of names."""
    items = cell if isinstance(cell, (list, tuple)) else str(cell or "").split(LIST_SEPARATOR)
    return [a.strip() for a in items if str(a).strip()]


def names_of(actors: pd.DataFrame) -> dict[str, set[str]]:
    """fold(name or alias) -> the actor ids it names."""
    found: dict[str, set[str]] = {}
    for actor_id, name, cell in zip(actors["actor_id"], actors["name"], actors["aliases"]):
        for label in (name, *aliases(cell)):
            found.setdefault(fold(label), set()).add(actor_id)
    return found


def actor_id(actors: pd.DataFrame, text: str, what: str = "actor") -> str:
    """The id of the actor ``text`` names; one-line CurationError when none or several."""
    text = str(text or "").strip()
    if not text:
        raise CurationError(f"{what} is empty")
    ids = list(actors["actor_id"])
    if text in ids:
        return text
    by_id = [a for a in ids if fold(a) == fold(text)]
    if len(by_id) == 1:
        return by_id[0]
    matches = sorted(names_of(actors).get(fold(text), set()))
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise CurationError(f"{what} {text!r} is ambiguous: it names {', '.join(matches)}; give the actor id")
    hint = suggest(text, actors, limit=3)
    near = f" (did you mean {', '.join(s.actor_id for s in hint)}?)" if hint else ""
    raise CurationError(f"unknown {what} {text!r}{near}")


@dataclass(frozen=True)
class Suggestion:
    actor_id: str
    name: str
    matched: str  # the name or alias that matched
    score: float  # 0-100


def suggest(name: str, actors: pd.DataFrame, limit: int = 3, cutoff: float = 60) -> list[Suggestion]:
    """Gazetteer actors whose name or an alias is near ``name``, best first (one per actor)."""
    return suggest_many([name], actors, limit, cutoff)[0]


def suggest_many(
    names: Sequence[str], actors: pd.DataFrame, limit: int = 3, cutoff: float = 60
) -> list[list[Suggestion]]:
    """Near matches for many names at once (one vectorised comparison).

    The score is the mean of two token scores: sorted tokens (order-free edit similarity) and the token
    set (a name inside a longer one, "Islamic State" in "Islamic State-Khorasan"). Either alone misleads:
    the set score rates "IS" a perfect match for "IS-K", and a partial ratio rates it 90 for "Pakistan".
    """
    labels, owners = [], []
    for actor_id_, actor_name, cell in zip(actors["actor_id"], actors["name"], actors["aliases"]):
        for label in dict.fromkeys((actor_name, *aliases(cell))):
            labels.append(label)
            owners.append((actor_id_, actor_name))
    queries = [str(n) for n in names]
    if not labels or not queries:
        return [[] for _ in queries]
    scores = (
        sum(
            process.cdist(queries, labels, scorer=scorer, processor=utils.default_process, dtype=np.float32)
            for scorer in (fuzz.token_sort_ratio, fuzz.token_set_ratio)
        )
        / 2
    )
    out = []
    for row in scores:
        best: dict[str, Suggestion] = {}
        for index in np.argsort(-row, kind="stable"):
            score = float(row[index])
            if score < cutoff or len(best) >= limit:
                break
            owner, owner_name = owners[index]
            if owner not in best:
                best[owner] = Suggestion(owner, owner_name, labels[index], round(score, 1))
        out.append(list(best.values()))
    return out


def country(actors: pd.DataFrame, text: str) -> str:
    """The country name events use for ``text``: a state actor (id, name or alias) or an ISO 3166 name."""
    text = str(text or "").strip()
    if not text:
        return ""
    states = actors[actors["kind"] == "state"]
    matches = sorted(names_of(states).get(fold(text), set()) | ({text} & set(states["actor_id"])))
    if len(matches) == 1:
        row = states[states["actor_id"] == matches[0]].iloc[0]
        return str(row["country"] or row["name"])
    from ..ingest.actors import country as iso_country

    if (found := iso_country(text)) is not None:
        return found[0]
    raise CurationError(f"unknown country {text!r}")
