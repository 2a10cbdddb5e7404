"""Actor names from event data onto the gazetteer, and stable ids for the names that do not map."""

from __future__ import annotations

import pandas as pd
import pytest

from dossier.importers.actors import Gazetteer, imported_actor_ids, state_forces_country

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
