"""Actors in text: gazetteer aliases, candidate new actors and country normalisation."""

from __future__ import annotations

import pandas as pd
import pytest

from dossier.ingest.actors import (
    Candidate,
    Matcher,
    country,
    find_candidates,
    gazetteer,
    matching_names,
    propose_id,
    suggest_kind,
)

ACTORS = pd.DataFrame(
    {
        "actor_id": ["USA", "PAK", "TTP", "IS-K", "donald-trump"],
        "name": ["United States", "Pakistan", "Tehreek-e-Taliban Pakistan", "Islamic State-Khorasan", "Donald Trump"],
        "kind": ["state", "state", "armed_group", "armed_group", "person"],
        "country": ["United States", "Pakistan", "Pakistan", "", "United States"],
        "iso3": ["USA", "PAK", "PAK", "", "USA"],
        "aliases": [
            ["U.S.", "US"],
            ["Pakistani"],
            ["TTP"],
            ["IS-K", "ISKP", "Islamic State Khorasan Province"],
            ["President Trump", "Trump"],
        ],
    }
)


def found(text: str) -> list[tuple[str, str]]:
    return [(m.actor, text[m.start : m.end]) for m in gazetteer(ACTORS).find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pakistan's army", [("PAK", "Pakistan")]),
        ("Pakistan’s army", [("PAK", "Pakistan")]),
        ("PAKISTAN and pakistan", [("PAK", "PAKISTAN"), ("PAK", "pakistan")]),
        ("U.S.-Pakistan ties", [("USA", "U.S."), ("PAK", "Pakistan")]),
        ("US-led talks", [("USA", "US")]),
        ("let us talk", []),
        ("Pakistani officials", [("PAK", "Pakistani")]),
        ("Pakistanis", [("PAK", "Pakistanis")]),  # a plural demonym
        ("the Tehreek-e-Taliban Pakistan (TTP)", [("TTP", "Tehreek-e-Taliban Pakistan"), ("TTP", "TTP")]),
        ("ISIS-K and IS-K", [("IS-K", "ISIS-K"), ("IS-K", "IS-K")]),  # ISIS, IS and Islamic State are one word
        ("ISIS–K and IS—K", [("IS-K", "ISIS–K"), ("IS-K", "IS—K")]),  # en and em dashes
        ("Islamic State – Khorasan Province", [("IS-K", "Islamic State – Khorasan Province")]),
        ("the Islamic State Khurasan Province", [("IS-K", "Islamic State Khurasan Province")]),
        ("ISIS-Khorasan", [("IS-K", "ISIS-Khorasan")]),
        ("Tehrik-i-Taliban Pakistan", [("TTP", "Tehrik-i-Taliban Pakistan")]),
        ("Tehreek-i Taliban Pakistan", [("TTP", "Tehreek-i Taliban Pakistan")]),
        ("TEHRIK-E-TALIBAN PAKISTAN", [("TTP", "TEHRIK-E-TALIBAN PAKISTAN")]),
        ("Islamabad accuses Kabul", [("PAK", "Islamabad")]),  # a capital for its government (AFG not listed)
        ("Washington and Pakistanis", [("USA", "Washington"), ("PAK", "Pakistanis")]),
        ("American drones", [("USA", "American")]),
        ("U.S. forces", [("USA", "U.S.")]),
        ("is Khorasan", []),
        ("President Trump’s address", [("donald-trump", "President Trump")]),
        ("Trumpet players", []),
        ("the United States and the U.S.", [("USA", "United States"), ("USA", "U.S.")]),
    ],
)
def test_gazetteer_alias_matching(text: str, expected: list[tuple[str, str]]):
    assert found(text) == expected


def test_matcher_scales_to_thousands_of_aliases():
    aliases = {f"Group {i:04d}": f"G{i}" for i in range(5000)} | {"Pakistan": "PAK"}
    hits = Matcher(aliases).find("Group 4321 attacked in Pakistan; Group 43210 is unknown.")
    assert [h.actor for h in hits] == ["G4321", "PAK"]


def test_each_mention_records_the_alias_that_matched():
    aliases = [(m.actor, m.alias) for m in gazetteer(ACTORS).find("ISIS–K and Islamabad and Tehrik-i-Taliban Pakistan")]
    assert aliases == [
        ("IS-K", "IS-K"),
        ("PAK", "Islamabad (capital: Pakistan)"),
        ("TTP", "Tehreek-e-Taliban Pakistan"),
    ]


def candidates(text: str) -> list[Candidate]:
    matcher = gazetteer(ACTORS)
    known = matcher.find(text)
    names = {a.casefold() for a in [*matcher.exact, *matcher.folded]}
    return find_candidates(text, [(0, len(text))], known, names)


@pytest.mark.parametrize(
    ("text", "name", "kind", "aliases"),
    [
        ("Attacks by the Balochistan Liberation Army (BLA) rose.", "Balochistan Liberation Army", "armed_group",
         ["Balochistan Liberation Army", "BLA"]),
        ("The International Crisis Group (ICG) warned.", "International Crisis Group", "other",
         ["International Crisis Group", "ICG"]),
        ("Talks with the World Bank continued.", "World Bank", "international_org", ["World Bank"]),
        ("Prime Minister Shehbaz Sharif spoke.", "Shehbaz Sharif", "person", ["Shehbaz Sharif"]),
        ("Officials in Bangladesh agreed.", "Bangladesh", "state", ["Bangladesh"]),
    ],
)  # fmt: skip
def test_candidate_actors(text: str, name: str, kind: str, aliases: list[str]):
    (candidate,) = candidates(text)
    assert (candidate.name, candidate.kind, candidate.aliases) == (name, kind, aliases)


@pytest.mark.parametrize(
    "text",
    [
        "President Trump spoke in Pakistan.",  # known actors and a title only
        "Although Pakistani officials agreed, nothing changed.",  # sentence openers are not names
        "The Tehreek-e-Taliban Pakistan (TTP) attacked.",  # a known name with its acronym
        "Militants attacked. Later militants of the region fled.",  # capitalised only at the start
    ],
)
def test_no_candidate_from_known_names_titles_or_sentence_openers(text: str):
    assert candidates(text) == []


def test_person_and_organisation_joined_by_of_the_are_two_candidates():
    names = [c.name for c in candidates("Dr. Ahmed Khan of the Quetta Civil Hospital said 21 died.")]
    assert names == ["Ahmed Khan", "Quetta Civil Hospital"]


def test_country_candidate_is_normalised_with_iso3():
    (candidate,) = candidates("Envoys from Iran arrived.")
    assert (candidate.name, candidate.kind, candidate.country, candidate.iso3) == ("Iran", "state", "Iran", "IRN")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Pakistan", ("Pakistan", "PAK")),
        ("pakistan", ("Pakistan", "PAK")),
        ("Islamic Republic of Pakistan", ("Pakistan", "PAK")),
        ("United States", ("United States", "USA")),
        ("United States of America", ("United States", "USA")),
        ("Iran", ("Iran", "IRN")),
        ("Viet Nam", ("Vietnam", "VNM")),
        ("Balochistan", None),  # a province: never guessed into its country
        ("Korea", None),  # ambiguous
    ],
)
def test_country_normalisation(name: str, expected):
    assert country(name) == expected


@pytest.mark.parametrize(
    ("candidate", "taken", "expected"),
    [
        (Candidate("x", "Iran", "state", "Iran", "IRN", ["Iran"]), set(), "IRN"),
        (Candidate("x", "Balochistan Liberation Army", "armed_group", aliases=["BLA"]), set(), "BLA"),
        (Candidate("x", "Balochistan Liberation Army", "armed_group", aliases=["BLA"]), {"bla"}, "BLA-2"),
        (Candidate("x", "Anura Kumara Dissanayake", "person", aliases=[]), set(), "anura-kumara-dissanayake"),
    ],
)
def test_proposed_ids_follow_the_gazetteer_style(candidate, taken, expected):
    assert propose_id(candidate, set(taken)) == expected


@pytest.mark.parametrize(
    ("name", "titled", "kind"),
    [
        ("Jaish-e-Mohammed Army", False, "armed_group"),
        ("Asian Development Bank", False, "international_org"),
        ("Ministry of Interior", False, "other"),
        ("Asim Munir", True, "person"),
        ("Sri Lanka", False, "state"),
    ],
)
def test_suggested_kind(name: str, titled: bool, kind: str):
    assert suggest_kind(name, titled) == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fighters of the Taliban took Kabul. The Taliban said so.", [("Taliban", "armed_group")]),
        ("Officials at the Pentagon said strikes went on.", [("Pentagon", "other")]),
        ("Attacks by Lashkar-e-Tayyiba rose.", [("Lashkar-e-Tayyiba", "armed_group")]),
        ("A strike killed Ayman al-Zawahiri in July.", [("Ayman al-Zawahiri", "person")]),
        ("Hamza bin Laden was named.", [("Hamza bin Laden", "person")]),
        ("Jamaat-ul-Ahrar claimed it.", [("Jamaat-ul-Ahrar", "armed_group")]),
        ("The Haqqani Network denied it.", [("Haqqani Network", "armed_group")]),
        ("The U.S. Central Command said so.", [("Central Command", "other")]),
        ("Gen. Asim Munir replied.", [("Asim Munir", "person")]),
        ("Text is available under CC BY-SA on English Wikipedia.", []),
        ("On Tuesday in March the Creative Commons licence applied.", []),
        ("Militants attacked Quetta. Later they attacked Quetta again.", []),  # a place, not an actor
        ("The army moved. The Army said so.", []),  # a common word capitalised
        ("Chinese engineers and Iranian diplomats arrived.", [("China", "state"), ("Iran", "state")]),  # by demonym
        ("The Army Public School was attacked.", [("Army Public School", "other")]),
    ],
)
def test_new_actor_candidates_whole_names_kinds_and_junk(text: str, expected: list[tuple[str, str]]):
    assert [(c.name, c.kind) for c in candidates(text)] == expected


def test_near_matches_suggest_a_known_actor():
    from dossier.ingest.actors import Similar

    similar = Similar(gazetteer(ACTORS))
    info = {"TTP": {"name": "Tehreek-e-Taliban Pakistan"}}
    assert similar.suggest(Candidate("x", "Tehrik e Taliban", "armed_group", aliases=[]), info).startswith("TTP (")
    assert similar.suggest(Candidate("x", "Quetta Civil Hospital", "other", aliases=[]), info) == ""


def names_and_kinds(text: str) -> list[tuple[str, str]]:
    matcher = gazetteer(ACTORS)
    known = matcher.find(text)
    names = {a.casefold() for a in [*matcher.exact, *matcher.folded]}
    return [(c.name, c.kind) for c in find_candidates(text, [(0, len(text))], known, names, {"USA", "PAK"})]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a group "in the" region is one name, its acronym spelt out
            "Al-Shabaab is an al-Qa’ida (AQ) affiliate with ties to AQ in the Arabian Peninsula.",
            [
                ("al-Qa’ida", "armed_group"),
                ("al-Qa’ida in the Arabian Peninsula", "armed_group"),
                ("Al-Shabaab", "armed_group"),
            ],
        ),
        ("It is a branch of the Islamic State in the Khorasan region.", [("Islamic State", "armed_group")]),  # a place
        ("The Iran-backed Houthi movement fired missiles.", [("Iran", "state"), ("Houthi", "armed_group")]),
        ("The group trains in Pakistan-administered Kashmir.", []),  # no "administered Kashmir"
        ("Fighters from al-Qaeda-aligned groups returned.", [("al-Qaeda", "armed_group")]),
        (
            "The revelation that Al Qaeda founder Osama bin Laden hid there.",
            [("Al Qaeda", "armed_group"), ("Osama bin Laden", "person")],
        ),
        ("Mullah Fazlullah headed the group until 2018.", [("Fazlullah", "person")]),
        ("Congress has taken keen interest in Pakistan.", [("Congress", "other")]),
        ("The Administrations of President George W. Bush sought engagement.", [("George W. Bush", "person")]),
        ("It was designated a Specially Designated Global Terrorist (SDGT); the SDGT listing stands.", []),
        ("The Islamic Republic of Pakistan signed it.", []),  # the state's formal name
        ("The Pakistani National Defense and Security Forces (PNDSF) collapsed.", []),  # the state's forces
        (  # a title inside a run of names starts the person; the state before it is a name of its own
            "They opposed Yemen President Ali Abdullah Saleh for years.",
            [("Yemen", "state"), ("Ali Abdullah Saleh", "person")],
        ),
    ],
)  # fmt: skip
def test_candidate_names_from_layout_of_group_and_person_names(text: str, expected: list[tuple[str, str]]):
    assert names_and_kinds(text) == expected


def test_buildings_are_no_candidates():
    assert names_and_kinds("Al-Shabaab staged an attack against the Westgate Mall in Nairobi.") == [
        ("Al-Shabaab", "armed_group")
    ]


def test_a_named_force_is_an_armed_group():
    assert suggest_kind("Quds Force") == "armed_group"


@pytest.mark.parametrize(("name", "expected"), [("Russia", ("Russia", "RUS")), ("Turkey", ("Türkiye", "TUR"))])
def test_common_short_country_names(name: str, expected):
    assert country(name) == expected


def test_a_one_word_name_used_throughout_a_text_is_a_candidate():
    text = (
        "Officials are sanctioning the money of Zorvath. Banks lend to Zorvath; "
        "by funding Zorvath, donors prolong the war."
    )
    assert "Zorvath" in [n for n, _ in names_and_kinds(text)]


def test_a_name_used_once_or_twice_without_the_is_no_candidate():
    assert names_and_kinds("Officials met in Geneva. Talks with Zorvath stalled.") == []


def test_a_name_used_only_as_a_modifier_is_no_candidate():
    text = "Officials recalled Easter bombings, later Easter attacks, new Easter plots and Easter services."
    assert names_and_kinds(text) == []


def test_a_name_wrapped_over_two_lines_with_particles_is_one_name():
    text = "The ministry listed Harakat Nasr al-Din\nwal-Ansar (HNDA) and its leader Musa ag\nTamrat as terrorists."
    names = [n for n, _ in names_and_kinds(text)]
    assert "Harakat Nasr al-Din wal-Ansar" in names
    assert "Musa ag Tamrat" in names


def test_a_possessive_is_not_part_of_a_particle_name():
    assert [n for n, _ in names_and_kinds("They seized al-Qaida’s funds.")] == ["al-Qaida"]


def test_a_bare_department_is_no_candidate():
    assert names_and_kinds("The Department has also listed the fund.") == []


def test_an_acronym_branch_of_a_group_is_one_name():
    text = "Officials listed AQIM-Sahel and later the USA-Pakistan talks stalled."
    names = [n for n, _ in names_and_kinds(text)]
    assert "AQIM-Sahel" in names
    assert "USA-Pakistan" not in names


def test_a_person_of_a_group_already_named_is_two_names():
    text = "The Free Valley Front, or FVF-North, grew. Omar Said Karim of FVF-North was listed."
    names = [n for n, _ in names_and_kinds(text)]
    assert "Omar Said Karim" in names
    assert "Omar Said Karim of FVF-North" not in names


def test_an_acronym_that_spells_the_possessor_runs_through_the_possessive():
    text = "The Islamic Front's Upper Nile Province (IFUNP) is active in the north."
    assert ("Islamic Front Upper Nile Province", "armed_group") in names_and_kinds(text)


def test_designation_labels_in_the_plural_are_no_candidates():
    assert names_and_kinds("They were named Specially Designated Global Terrorists on Monday.") == []


def test_a_candidate_state_is_also_named_by_its_demonym():
    text = "Gunmen attacked Malian troops near the border. Mali has asked for help."
    found = find_candidates(text, [(0, len(text))], [], set(), set())
    mali = [c for c in found if c.iso3 == "MLI"]
    assert mali and "Malian" in matching_names(mali[0])
    assert not [c for c in found if c.name == "Malian"]


@pytest.mark.parametrize(
    ("text", "states"),
    [("Gunmen struck Israeli and Egyptian targets.", ["Egypt", "Israel"]),
     ("The cell planned to attack European (including Spanish and French) interests.", ["France", "Spain"]),
     ("A Croatian citizen was kidnapped near the border.", ["Croatia"]),
     ("The Egyptian Islamic Jihad merged with the Front.", []),  # a demonym inside a name is the name's
     ("Some Israelis protested the ruling.", []),  # the plural is a people
     ("Pakistani forces raided the camp.", [])],  # a gazetteer state links its demonym itself
)  # fmt: skip
def test_a_demonym_alone_makes_its_state_a_candidate(text: str, states: list[str]):
    """ "attacks against Israeli and Egyptian interests" names two states even where neither country's name
    appears: each becomes a candidate state, found in the text by its demonym."""
    found = find_candidates(text, [(0, len(text))], [], set(), {"PAK"})
    assert sorted(c.name for c in found if c.kind == "state") == states
    for candidate in found:
        if candidate.kind == "state":
            assert any(d in text for d in matching_names(candidate))


def test_a_demonym_and_an_organ_is_the_state_not_a_candidate():
    assert names_and_kinds("Gunmen fought the Iraqi Government near Kirkuk.") == []


def test_a_memorandum_is_no_actor():
    assert names_and_kinds("It was detailed in National Security Presidential Memorandum 2.") == []


@pytest.mark.parametrize("name", ["Jabhat Nasr al-Din", "Liwa al-Fajr", "Hay'at Tahrir al-Qawm", "Jama’at Ansar Dawla"])
def test_transliterated_group_heads_are_armed_groups(name: str):
    assert suggest_kind(name) == "armed_group"


def test_a_gloss_in_another_language_names_no_other_actor():
    text = "Jaysh al-Nur (JN; Arabic: جيش النور, lit. 'Army of the Light of the Dawn') is a militant group."
    assert [n for n, _ in names_and_kinds(text)] == ["Jaysh al-Nur"]


def test_creeds_and_event_names_are_no_candidates():
    assert names_and_kinds("It is a Sunni Islamist group that fought in the Civil War of the Levant.") == []


def test_a_name_inside_a_lower_case_compound_is_a_modifier():
    assert names_and_kinds("Both groups operate in sub-Saharan Africa and pro-Western areas.") == []


def test_a_long_name_then_its_short_form_after_or_is_one_candidate():
    text = "The Islamic Front of Kordofan – Darfur, or IFK-Darfur, has been listed."
    found = find_candidates(text, [(0, len(text))], [], set(), set())
    assert [(c.name, c.aliases) for c in found] == [
        ("IFK-Darfur", ["IFK-Darfur", "Islamic Front of Kordofan – Darfur"])
    ]


def test_names_after_also_known_as_are_aliases_of_the_one_named_before():
    text = (
        "The Free Valley Front, or FVF-North, grew. FVF-North, also known as the Valley Guard and Madina at Nur, hid."
    )
    found = find_candidates(text, [(0, len(text))], [], set(), set())
    assert [c.name for c in found] == ["FVF-North"]
    assert {"Valley Guard", "Madina at Nur"} <= set(found[0].aliases)


def test_drc_is_the_congo():
    assert country("DRC") == ("Democratic Republic of the Congo", "COD")


def test_an_official_name_after_officially_is_an_alias():
    text = "The Free Valley Front (FVF), officially Jabhat al-Wadi al-Hurr (Arabic: جبهة), is a militant group."
    found = find_candidates(text, [(0, len(text))], [], set(), set())
    assert [c.name for c in found] == ["Free Valley Front"]
    assert "Jabhat al-Wadi al-Hurr" in found[0].aliases


def test_a_name_spelt_out_before_its_acronym_may_hold_in_the():
    assert ("Islamic Front in the Upper Nile", "armed_group") in names_and_kinds(
        "It joined the Islamic Front in the Upper Nile (IF-UN) in 2019."
    )


@pytest.mark.parametrize(
    ("text", "vehicle"),
    [
        ("The Blue Front bombed MV Seastar 9 near the coast.", "MV Seastar"),
        ("The Blue Front tried to bring down Eastern Airways Flight 88 in 2010.", "Eastern Airways Flight"),
        ("The Blue Front claimed the Harvest Sunday attack.", "Harvest Sunday"),
    ],
)
def test_vehicles_and_named_days_are_no_actors(text: str, vehicle: str):
    """A ship ("MV X"), a flight ("X Airways Flight 88") or a named day is what was hit or when, not who."""
    names = [c.name for c in candidates(text)]
    assert "Blue Front" in names
    assert not any(vehicle in n for n in names), names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # written out once, then only the acronym: one candidate, found by both
            "The Islamic Movement of Uzbekistan was founded in 1998. The IMU attacked a post. The IMU fled.",
            [("Islamic Movement of Uzbekistan", ["Islamic Movement of Uzbekistan", "IMU"])],
        ),
        (  # a particle is a word of its own: LeT; spellings of one name give it to the first
            "Lashkar-e-Taiba attacked Mumbai. Lashkar-e-Tayyiba is its other spelling. LeT struck Delhi. LeT left.",
            [
                ("Lashkar-e-Taiba", ["Lashkar-e-Taiba", "LeT"]),
                ("Lashkar-e-Tayyiba", ["Lashkar-e-Tayyiba"]),
            ],
        ),
        (  # two different names it could spell: left for the analyst
            "The Popular Liberation Front attacked. The Patriotic Liberation Force replied. The PLF fled. The PLF hid.",
            [
                ("Popular Liberation Front", ["Popular Liberation Front"]),
                ("Patriotic Liberation Force", ["Patriotic Liberation Force"]),
                ("PLF", ["PLF"]),
            ],
        ),
    ],
)
def test_an_acronym_alone_is_the_candidate_whose_name_it_spells(text: str, expected: list):
    assert [(c.name, c.aliases) for c in candidates(text)] == expected


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Nueva Libertad is a Peruvian militant group. Nueva Libertad attacked a post.",
            "Nueva Libertad",
            "armed_group",
        ),
        ("Sendero Rojo, a Maoist insurgent organization, attacked a post.", "Sendero Rojo", "armed_group"),
        ("Aum Veritas is a Japanese doomsday cult founded in 1987.", "Aum Veritas", "other"),
        ("The Shining Dawn was designated as an FTO on October 8, 1997.", "Shining Dawn", "armed_group"),
        ("Abu Karim was the founder of the group. He was jailed.", "Abu Karim", "person"),  # no group noun of his
        ("Ana Vilca attacked a group of soldiers.", "Ana Vilca", "person"),  # no copula, no appositive
        ("Popular Mobilization Forces took the town.", "Popular Mobilization Forces", "armed_group"),
    ],
)
def test_a_claim_that_opens_with_a_name_says_what_it_is(text: str, name: str, kind: str):
    assert (name, kind) in [(c.name, c.kind) for c in candidates(text)]


@pytest.mark.parametrize(
    "text",
    [
        "It is an Iraqi Shia Islamist party.",
        "Jemaah Raya was a Southeast Asian Islamist militant group.",
        "Its fighters are mostly Central Asian recruits.",
    ],
)
def test_adjectives_of_place_and_creed_before_a_noun_are_no_name(text: str):
    names = [c.name for c in candidates(text)]
    assert not any(n.endswith(("Islamist", "Asian")) for n in names), names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The group was founded by Saudi Saleh Al-Qaraawi in 2009.", "Saleh Al-Qaraawi"),  # a demonym, then a person
        ("The Indian Mujahideen attacked Delhi.", "Indian Mujahideen"),  # a group's own name keeps it
        ("The Egyptian Islamic Jihad attacked.", "Egyptian Islamic Jihad"),
        ("PJAK is an offshoot of the Kurdistan Workers' Party (PKK).", "Kurdistan Workers' Party"),
        ("The Popular Front is a Marxist-Leninist group.", "Popular Front"),  # a creed is no name
    ],
)
def test_names_around_demonyms_plural_possessives_and_creeds(text: str, name: str):
    names = [c.name for c in candidates(text)]
    assert name in names and "Marxist-Leninist" not in names, names
