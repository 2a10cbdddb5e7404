"""Map event-data actor names onto the gazetteer (data/actors.csv) through its aliases.

Matching ignores case and repeated spaces. A name is tried whole, then without a trailing
qualifier such as "(2018-)", then as state forces ("Military Forces of Pakistan" -> the
state actor of Pakistan), then by the parts of an ACLED "TTP: Tehreek-i-Taliban Pakistan"
name (both parts must agree). A name that still does not match becomes an actor of its
own, with a stable id derived from the name, and is listed for the analyst to map: adding
it as an alias in actors.csv maps it on the next load, without re-importing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import pandas as pd

_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")
_STATE_FORCES = re.compile(r"(?:military|police) forces of (.+)", re.IGNORECASE)
_NOT_WORD = re.compile(r"[^\w]+")


def key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Gazetteer:
    by_alias: dict[str, str]  # key(name or alias) -> actor_id, unambiguous names only
    state_by_country: dict[str, str]  # key(country or state name) -> actor_id of the state

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
        return cls(by_alias, states)

    def resolve(self, name: str) -> str | None:
        """The gazetteer actor_id for an event-data actor name, or None."""
        whole = key(name)
        base = key(_QUALIFIER.sub("", name)) or whole
        for candidate in (whole, base):
            if candidate in self.by_alias:
                return self.by_alias[candidate]
        if forces := _STATE_FORCES.fullmatch(base):
            if (state := self.state_by_country.get(key(forces.group(1)))) is not None:
                return state
        if ": " in base:
            found = {self.by_alias.get(key(part)) for part in base.split(": ", 1)} - {None}
            if len(found) == 1:
                return found.pop()
        return None


def state_forces_country(name: str) -> str:
    """'Military Forces of Iran (1989-)' -> 'Iran'; '' for any other name."""
    forces = _STATE_FORCES.fullmatch(_QUALIFIER.sub("", name).strip())
    return forces.group(1).strip() if forces else ""


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
