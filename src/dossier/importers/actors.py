"""Map event-data actor names onto the gazetteer (data/actors.csv) through its aliases, by the sources' conventions.

Matching ignores case, dashes and repeated spaces ("Tehreek-e-Taliban" = "tehreek e taliban"). A
name is tried whole, then without a trailing qualifier such as "(2018-)", then as a state by the
publishers' conventions (UCDP "Government of Pakistan"; ACLED "Military Forces of Pakistan (2018-)",
"Police Forces of Pakistan (2018-) Frontier Corps", "Government of Pakistan (2018-)" -> the state
actor of Pakistan), then by the parts of an ACLED "TTP: Tehreek-i-Taliban Pakistan" name (both parts
must agree). ACLED's collective actors ("Unidentified Armed Group (Pakistan)", "Civilians (Pakistan)",
"Protesters (Pakistan)", "Rioters (Pakistan)") never map to the country in their qualifier.

A name that still does not match becomes an actor of its own, with a stable id derived from the
name, and is listed for the analyst to map, with near matches (``suggest``) to choose from: adding
it as an alias in actors.csv maps it on the next load, without re-importing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz, process

_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")
_STATE = re.compile(r"(?:government|military forces|police forces) of (?:the )?(.+)")
_STATE_NAME = re.compile(r"(?:government|military forces|police forces) of (?:the )?(.+)", re.IGNORECASE)
_AFTER_PERIOD = re.compile(r"\s*\([^()]*\).*$")  # "(2018-) Frontier Corps": the period and any unit after it
_DASHES = re.compile(r"[-\u2010-\u2015\u2212_]+")
_COLLECTIVE = re.compile(r"(?:unidentified|civilians|protesters|rioters)\b.*")
_NOT_WORD = re.compile(r"[^\w]+")
SUGGEST_CUTOFF = 80  # score 0-100 (see _name_score): below this a "match" is mostly noise
SUGGEST_LIMIT = 3


def key(name: str) -> str:
    """The form names are compared in: case, dashes and repeated spaces ignored."""
    return " ".join(_DASHES.sub(" ", name).split()).casefold()


@dataclass(frozen=True)
class Gazetteer:
    by_alias: dict[str, str]  # key(name or alias) -> actor_id, unambiguous names only
    state_by_country: dict[str, str]  # key(country or state name) -> actor_id of the state
    states: frozenset[str] = frozenset()  # actor_ids of the states

    @classmethod
    def from_actors(cls, actors: pd.DataFrame) -> Gazetteer:
        seen: dict[str, set[str]] = {}
        states: dict[str, str] = {}
        for actor_id, name, kind, country, aliases in zip(
            actors["actor_id"], actors["name"], actors["kind"], actors["country"], actors["aliases"]
        ):
            names = [name, *(aliases if isinstance(aliases, (list, tuple)) else [])]
            for alias in names:
                seen.setdefault(key(alias), set()).add(actor_id)
            if kind == "state":
                for alias in [*names, country if isinstance(country, str) else ""]:
                    if alias:
                        states.setdefault(key(alias), actor_id)
        by_alias = {k: next(iter(ids)) for k, ids in seen.items() if len(ids) == 1 and k}
        return cls(by_alias, states, frozenset(states.values()))

    def resolve(self, name: str) -> str | None:
        """The gazetteer actor_id for an event-data actor name, or None."""
        whole = key(name)
        base = key(_QUALIFIER.sub("", name)) or whole
        for candidate in (whole, base):
            if candidate in self.by_alias:
                return self.by_alias[candidate]
        if state := self.state_of(whole):
            return state
        if ": " in base:
            found = {self.by_alias.get(key(part)) for part in base.split(": ", 1)} - {None}
            if len(found) == 1:
                return found.pop()
        return None

    def state_of(self, name: str) -> str | None:
        """The state a 'Government of X' / 'Military Forces of X (2018-)' / 'Police Forces of X' name is."""
        convention = _STATE.fullmatch(key(name))
        if convention is None:
            return None
        country = convention.group(1)
        for candidate in (country, _AFTER_PERIOD.sub("", country)):
            if candidate in self.state_by_country:
                return self.state_by_country[candidate]
        return None

    def suggest(self, name: str) -> list[tuple[str, float]]:
        """Near matches for a name that does not resolve: [(actor_id, score 0-100)], best first.

        A state convention name is compared with state names only ("Government of Iran" is never
        "India"); other names with non-state actors only, so a qualifier such as "(Pakistan)" or a
        word like "Taliban Pakistan" does not suggest the state. Collective actors get none.
        """
        whole = key(name)
        if _COLLECTIVE.match(whole):
            return []
        convention = _STATE.fullmatch(whole)
        query = _AFTER_PERIOD.sub("", convention.group(1)) if convention else key(_QUALIFIER.sub("", name))
        if convention:
            choices, scorer = dict(self.state_by_country), fuzz.ratio
        else:
            choices, scorer = {k: a for k, a in self.by_alias.items() if a not in self.states}, _name_score
        best: dict[str, float] = {}
        matches = process.extract(query, list(choices), scorer=scorer, limit=None, score_cutoff=SUGGEST_CUTOFF)
        for alias, score, _ in matches:
            actor_id = choices[alias]
            best[actor_id] = max(best.get(actor_id, 0.0), round(float(score), 1))
        return sorted(best.items(), key=lambda item: (-item[1], item[0]))[:SUGGEST_LIMIT]


def _name_score(query: str, choice: str, **_: object) -> float:
    """Shared words (token set) tempered by overall likeness (token sort): 'TTP-KM' ~ 'TTP' scores 83, while a
    long name that merely contains a short alias ('… Taliban Pakistan …' ~ 'Taliban') stays well below the cutoff."""
    return (fuzz.token_set_ratio(query, choice) + fuzz.token_sort_ratio(query, choice)) / 2


def suggest(name: str, actors: pd.DataFrame | Gazetteer) -> list[tuple[str, float]]:
    """Near matches in the gazetteer (actors.csv rows, or a built Gazetteer) for an unmapped name."""
    gazetteer = actors if isinstance(actors, Gazetteer) else Gazetteer.from_actors(actors)
    return gazetteer.suggest(name)


def suggestion_text(suggestions: list[tuple[str, float]]) -> str:
    """[('TTP', 100.0), ('BLA', 82.5)] -> 'TTP (100), BLA (82)'."""
    return ", ".join(f"{actor_id} ({score:.0f})" for actor_id, score in suggestions)


def state_forces_country(name: str) -> str:
    """'Military Forces of Iran (1989-)' -> 'Iran', 'Government of Pakistan' -> 'Pakistan'; '' for any other name."""
    convention = _STATE_NAME.fullmatch(" ".join(name.split()))
    return _AFTER_PERIOD.sub("", convention.group(1)).strip() if convention else ""


def _slug(name: str) -> str:
    return _NOT_WORD.sub("-", key(name)).strip("-_")


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:6]


def imported_actor_ids(names: list[str], taken: set[str]) -> dict[str, str]:
    """A stable actor_id for each unmapped name: its slug, with a short hash when the slug is ambiguous.

    Names that differ only in case or spacing share one id; ``taken`` are ids already in use
    (compared without case, so 'imf' never shadows 'IMF').
    """
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(key(name), name)
    slugs: dict[str, list[str]] = {}
    for k in by_key:
        slugs.setdefault(_slug(k) or "actor", []).append(k)
    taken_folded = {t.casefold() for t in taken}
    ids: dict[str, str] = {}
    for slug, keys in slugs.items():
        for k in keys:
            clash = len(keys) > 1 or slug.casefold() in taken_folded or slug == "actor"
            ids[k] = f"{slug}-{_short_hash(k)}" if clash else slug
    return {name: ids[key(name)] for name in names}
