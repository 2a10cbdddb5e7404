"""Actor names from event data onto the gazetteer, and stable ids for the names that do not map."""

from __future__ import annotations

import pandas as pd
import pytest

from dossier.importers.actors import Gazetteer, imported_actor_ids, key, state_forces_country, suggest

ACTORS = pd.DataFrame(
    {
        "actor_id": ["PAK", "AFG", "TTP", "BLA", "IS-K", "X1", "X2"],
        "name": ["Pakistan", "Afghanistan", "Tehreek-e-Taliban Pakistan", "Balochistan Liberation Army",
                 "Islamic State-Khorasan", "Shared One", "Shared Two"],
        "kind": ["state", "state", "armed_group", "armed_group", "armed_group", "other", "other"],
        "country": ["Pakistan", "Afghanistan", "Pakistan", "Pakistan", "", "", ""],
        "aliases": [["Pakistan", "Government of Pakistan"], ["Afghanistan"], ["TTP", "Tehreek-i-Taliban Pakistan"],
                    ["BLA"], ["IS-K", "ISKP"], ["Same Alias"], ["Same Alias"]],
    }
)  # fmt: skip


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("TTP", "TTP"),
        ("ttp", "TTP"),
        ("  Government   of Pakistan ", "PAK"),
        ("TTP: Tehreek-i-Taliban Pakistan", "TTP"),
        ("BLA: Balochistan Liberation Army", "BLA"),
        ("Military Forces of Pakistan (2018-)", "PAK"),
        ("Police Forces of Pakistan (2018-) Frontier Corps", "PAK"),
        ("Police Forces of Afghanistan (2004-2021)", "AFG"),
        ("Military Forces of Iran (1989-)", None),
        ("TTP: Balochistan Liberation Army", None),  # the two parts disagree: leave it for the analyst
        ("Same Alias", None),  # an alias shared by two actors maps to neither
        ("Civilians (Pakistan)", None),
        ("ISKP (Afghanistan)", "IS-K"),
    ],
)
def test_resolve(name, expected):
    assert Gazetteer.from_actors(ACTORS).resolve(name) == expected


@pytest.mark.parametrize(
    ("name", "country"),
    [("Military Forces of Iran (1989-)", "Iran"), ("Police Forces of India (2014-)", "India"), ("TTP", "")],
)
def test_state_forces_country(name, country):
    assert state_forces_country(name) == country


def test_imported_ids_are_stable_slugs_that_never_shadow_the_gazetteer():
    ids = imported_actor_ids(["Civilians (Pakistan)", "civilians  (pakistan)", "IMF", "Lashkar-e-Islam"], {"IMF"})
    assert ids["Civilians (Pakistan)"] == ids["civilians  (pakistan)"] == "civilians-pakistan"
    assert ids["Lashkar-e-Islam"] == "lashkar-e-islam"
    assert ids["IMF"].startswith("imf-") and ids["IMF"] != "imf"
    clash = imported_actor_ids(["A.B", "A B"], set())
    assert len(set(clash.values())) == 2
    assert imported_actor_ids(["A.B", "A B"], set()) == clash  # same names, same ids


# A gazetteer as an analyst would grow it: the bundled states and groups with the aliases UCDP and ACLED use.
CURATED = pd.DataFrame(
    {
        "actor_id": ["PAK", "AFG", "IND", "TTP", "BLA", "IS", "AFG-TAL", "IS-K", "CIV-PAK"],
        "name": [
            "Pakistan",
            "Afghanistan",
            "India",
            "Tehreek-e-Taliban Pakistan",
            "Balochistan Liberation Army",
            "Islamic State",
            "Taliban",
            "Islamic State-Khorasan",
            "Civilians in Pakistan",
        ],
        "kind": [
            "state",
            "state",
            "state",
            "armed_group",
            "armed_group",
            "armed_group",
            "armed_group",
            "armed_group",
            "other",
        ],
        "country": ["Pakistan", "Afghanistan", "India", "Pakistan", "Pakistan", "", "Afghanistan", "", "Pakistan"],
        "aliases": [
            ["Pakistani"],
            [],
            ["Indian"],
            ["TTP", "Tehrik-i-Taliban Pakistan"],
            ["BLA", "Baloch Liberation Army"],
            ["IS", "ISIS"],
            ["Taleban", "Islamic Emirate of Afghanistan"],
            ["IS-K", "ISKP"],
            [],
        ],
    }
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # UCDP: "Government of X" is the state X, X resolved through the gazetteer's names and aliases
        ("Government of Pakistan", "PAK"),
        ("Government of Afghanistan", "AFG"),
        ("Government of India", "IND"),
        ("Government of Iran", None),  # no such state in the gazetteer
        ("Forces of Momin Afridi", None),  # a UCDP militia named after its leader, not a state
        ("Supporters of PPP", None),
        # ACLED: state forces and governments, with their period and unit
        ("Military Forces of Pakistan (2018-)", "PAK"),
        ("Police Forces of Pakistan (2018-)", "PAK"),
        ("Police Forces of Pakistan (2018-) Frontier Corps", "PAK"),
        ("Military Forces of Pakistan (2018-) Inter-Services Intelligence", "PAK"),
        ("Government of Pakistan (2018-)", "PAK"),
        ("Government of Afghanistan (2021-)", "AFG"),
        ("Military Forces of India (2014-)", "IND"),
        ("military forces of the Afghanistan (2004-2021)", "AFG"),
        # ACLED collective actors stay apart from the country in their qualifier
        ("Unidentified Armed Group (Pakistan)", None),
        ("Civilians (Pakistan)", None),
        ("Protesters (Pakistan)", None),
        ("Rioters (Pakistan)", None),
        # UCDP short names: gazetteer aliases, case- and dash-insensitive
        ("IS", "IS"),
        ("is", "IS"),
        ("Taleban", "AFG-TAL"),
        ("TTP", "TTP"),
        ("BLA", "BLA"),
        ("Baloch Liberation Army", "BLA"),
        ("Baloch-Liberation-Army", "BLA"),
        ("Tehrik–i–Taliban Pakistan", "TTP"),  # en dashes
        ("IS K", "IS-K"),
        ("TTP: Tehreek-i-Taliban Pakistan", "TTP"),
        ("TTP-KM", None),  # a faction: suggested, never mapped
    ],
)
def test_source_conventions(name, expected):
    assert Gazetteer.from_actors(CURATED).resolve(name) == expected


@pytest.mark.parametrize(
    ("name", "suggested"),
    [
        ("TTP-KM", ["TTP"]),
        ("TTP - TA", ["TTP"]),
        ("Balochistan Liberation Front", ["BLA"]),
        ("Islamic State (Afghanistan)", ["IS", "IS-K"]),
        ("Government of Iran", []),  # a state convention is compared with states only: never "India"
        ("Military Forces of Pakistn (2018-)", ["PAK"]),  # a misspelt state
        ("Unidentified Armed Group (Pakistan)", []),  # collective actors get no suggestion
        ("Civilians (Pakistan)", []),
        ("Protesters (Afghanistan)", []),
        ("Jamaat-ul-Ahrar", []),
        ("Lashkar-e-Islam", []),
        ("TTP: Tehreek-i-Taliban Pakistan - Jamaat-ul-Ahrar", ["TTP"]),  # "Pakistan" alone never suggests the state
    ],
)
def test_near_matches_are_suggested(name, suggested):
    found = suggest(name, CURATED)
    assert [actor_id for actor_id, _ in found] == suggested
    assert all(80 <= score <= 100 for _, score in found)
    assert found == sorted(found, key=lambda item: -item[1])


def test_keys_ignore_case_dashes_and_spacing():
    same = ("  Tehreek-e-Taliban   Pakistan ", "tehreek e taliban pakistan", "TEHREEK—E—TALIBAN PAKISTAN")
    assert {key(name) for name in same} == {"tehreek e taliban pakistan"}
