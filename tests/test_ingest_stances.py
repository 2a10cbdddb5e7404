"""Candidate threat perceptions and relations from sentence structure, each with the rule that fired."""

from __future__ import annotations

import pytest

from dossier.ingest.actors import Mention
from dossier.ingest.stances import perceptions, relations

NAMES = {
    "Pakistan": "PAK",
    "TTP": "TTP",
    "IS-K": "IS-K",
    "United States": "USA",
    "U.S.": "USA",
    "BLA": "BLA",
    "India": "IND",
    "IMF": "IMF",
    "Sri Lanka": "LKA",
    "al-Qaida": "AQ",
    "Baitullah Mehsud": "baitullah",
    "Noor Wali Mehsud": "noor",
    "Donald Trump": "trump",
    "Taliban": "taliban",
    "Iran": "IRN",
    "Israel": "ISR",
    "Hamas": "hamas",
    "Houthis": "houthis",
    "Al-Shabaab": "al-shabaab",
    "Afghan": "AFG",
    "Pakistani": "PAK",
    "United Nations": "UN",
    "Mehsud": "mehsud",
    "Lashkar-e-Taiba": "let",
    "LeT": "let",
    "Jamaat-ud-Dawa": "jud",
    "ISI": "isi",
    "Al Qaeda": "AQ",
    "Osama bin Laden": "obl",
    "NATO": "nato",
    "Afghans": "AFG",
    "Canada": "CAN",
    "Australia": "AUS",
    "Japan": "JPN",
    "Germany": "DEU",
    "Russia": "RUS",
}
KINDS = {
    "PAK": "state",
    "USA": "state",
    "IND": "state",
    "LKA": "state",
    "baitullah": "person",
    "noor": "person",
    "trump": "person",
    "IRN": "state",
    "ISR": "state",
    "mehsud": "person",
    "obl": "person",
    "let": "armed_group",
    "TTP": "armed_group",
    "AFG": "state",
    "CAN": "state",
    "AUS": "state",
    "JPN": "state",
    "DEU": "state",
    "RUS": "state",
}


def mentions(text: str) -> list[Mention]:
    found = []
    for name, actor in sorted(NAMES.items(), key=lambda kv: -len(kv[0])):
        start = 0
        while (at := text.find(name, start)) >= 0:
            if all(at >= m.end or at + len(name) <= m.start for m in found):
                found.append(Mention(actor, at, at + len(name)))
            start = at + len(name)
    return sorted(found, key=lambda m: m.start)


def perceived(text: str) -> set[tuple[str, str, str, str]]:
    return {(p.perceiver, p.threat, p.level, p.rule) for p in perceptions(text, 0, len(text), mentions(text), KINDS)}


def related(text: str) -> set[tuple[str, str, str, bool]]:
    return {(r.actor_a, r.actor_b, r.kind, r.directed) for r in relations(text, 0, len(text), mentions(text), KINDS)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pakistan views the TTP as its main threat.", {("PAK", "TTP", "primary", "perception:views-as")}),
        ("Pakistan sees IS-K as a growing threat.", {("PAK", "IS-K", "high", "perception:views-as")}),
        ("Pakistan recognizes IS-K as a threat.", {("PAK", "IS-K", "recognised", "perception:views-as")}),
        ("IS-K poses the greatest threat to the United States.", {("USA", "IS-K", "primary", "perception:poses-to")}),
        ("IS-K remains a minor threat to India.", {("IND", "IS-K", "low", "perception:poses-to")}),
        (
            "Pakistan is focusing on the TTP rather than IS-K.",
            {
                ("PAK", "TTP", "primary", "perception:focus-rather-than"),
                ("PAK", "IS-K", "low", "perception:focus-rather-than"),
            },
        ),
        (
            "The United States designated the BLA as a Foreign Terrorist Organization.",
            {("USA", "BLA", "recognised", "perception:designated")},
        ),
        ("Pakistan does not view the TTP as a threat.", set()),
        ("Pakistan and the TTP met in Kabul.", set()),
    ],
)
def test_threat_perceptions(text: str, expected: set):
    assert perceived(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cooperation between the United States and Pakistan grew.", {("USA", "PAK", "cooperation", False)}),
        ("The TTP has ties to al-Qaida.", {("TTP", "AQ", "cooperation", False)}),
        ("India supports the BLA, Pakistan says.", {("IND", "BLA", "support", True)}),
        ("The BLA is backed by India.", {("IND", "BLA", "support", True)}),
        (
            "Sri Lanka held talks with the IMF on a loan.",
            {("LKA", "IMF", "diplomatic", False), ("LKA", "IMF", "economic", False)},
        ),
        ("The TTP waged a campaign against Pakistan.", {("TTP", "PAK", "conflict", False)}),
        ("The TTP formed under the leadership of Baitullah Mehsud.", {("baitullah", "TTP", "affiliation", True)}),
        ("The TTP then named Noor Wali Mehsud as the group's new leader.", {("noor", "TTP", "affiliation", True)}),
        ("U.S. President Donald Trump spoke.", {("trump", "USA", "affiliation", True)}),
        ("The TTP operates in Pakistan and Afghanistan.", set()),
        ("There is no cooperation between the United States and Pakistan.", set()),
    ],
)
def test_relations(text: str, expected: set):
    assert related(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "classified as" a designated terrorist
            "The United States classified Mehsud as a Specially Designated Global Terrorist in 2019.",
            {("USA", "mehsud", "recognised", "perception:designated")},
        ),
        (  # a listing in the passive: the lister follows "by"
            "In July 2020, Mehsud was included on the Al-Qaida Sanctions Committee list by the United Nations.",
            {("UN", "mehsud", "recognised", "perception:listed-by")},
        ),
        (
            "TTP was designated by the United States as a terrorist group.",
            {("USA", "TTP", "recognised", "perception:listed-by")},
        ),
        ("BLA was designated a terrorist group after Pakistan asked.", set()),  # who designated it is not said
        (  # "is designating" is active
            "Today, the United States is designating BLA as a Foreign Terrorist Organization.",
            {("USA", "BLA", "recognised", "perception:designated")},
        ),
    ],
)
def test_designations_and_listings(text: str, expected: set):
    assert perceived(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Iran-backed Houthis launched missiles.", {("IRN", "houthis", "support", True)}),
        ("The Houthis, an Iran-backed group, fired.", {("IRN", "houthis", "support", True)}),
        ("Iran-backed Houthis fired drones toward Israel at night.", {("IRN", "houthis", "support", True)}),
        (
            "Houthis said they will not stop until Israel ceases its war on Hamas.",
            {("ISR", "hamas", "conflict", False)},
        ),
        ("The crisis is part of a proxy war between the United States and Iran.", {("USA", "IRN", "conflict", False)}),
        ("Pakistan became a key ally of the United States.", {("PAK", "USA", "cooperation", False)}),
        ("Pakistan has been a leading recipient of U.S. assistance.", {("USA", "PAK", "support", True)}),
        ("The attacks transformed U.S.-Pakistan relations overnight.", {("USA", "PAK", "diplomatic", False)}),
        ("Congress has taken keen interest in U.S. relations with Pakistan.", {("USA", "PAK", "diplomatic", False)}),
        ("The ISI continues to give LeT help and protection.", {("isi", "let", "support", True)}),
        (
            "Jamaat-ud-Dawa still works openly as Lashkar-e-Taiba's charitable wing.",
            {("jud", "let", "affiliation", True)},
        ),
        ("The revelation that Al Qaeda founder Osama bin Laden hid there.", {("obl", "AQ", "affiliation", True)}),
        (
            "Noor Wali Mehsud is a Pakistani militant and current emir of TTP.",
            {("noor", "TTP", "affiliation", True)},
        ),
        (
            "Militants coalesced into TTP under the leadership of Baitullah Mehsud.",
            {("baitullah", "TTP", "affiliation", True)},
        ),
        (
            "After a decade under broad U.S. sanctions, Pakistan changed course.",
            {("USA", "PAK", "economic", True)},
        ),
        ("Mehsud was placed under sanctions by the United Nations.", {("UN", "mehsud", "economic", True)}),
        ("The group has bases in Pakistan and Iran.", set()),  # places are no parties
        ("The deal bound the Taliban and provided for the withdrawal of U.S. forces.", set()),  # stipulated
        ("Fighters from al-Qaida-aligned groups were funding TTP.", set()),  # "-aligned" is a modifier
        ("The dispatch of Afghan and Pakistani militants was funding TTP.", set()),  # people, not the states
    ],
)
def test_relation_cues_that_generalise(text: str, expected: set):
    assert related(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Al-Shabaab is an al-Qaida (AQ) affiliate.", {("al-shabaab", "AQ", "affiliation", True)}),
        (  # a class before "including" is no party; the listed items are, with the predicate's subject
            "Al-Shabaab is an al-Qaida affiliate and has ties to other al-Qaida affiliates, including Hamas and TTP.",
            {
                ("al-shabaab", "AQ", "affiliation", True),
                ("al-shabaab", "hamas", "cooperation", False),
                ("al-shabaab", "TTP", "cooperation", False),
            },
        ),
        (  # two office holders with one predicate
            "President Donald Trump and President Noor Wali Mehsud sought engagement with Pakistan.",
            {("trump", "PAK", "diplomatic", False), ("noor", "PAK", "diplomatic", False)},
        ),
        ("The deal was signed by the United States and the Taliban.", {("USA", "taliban", "diplomatic", False)}),
        ("TTP conducted attacks targeting civilians in India and Pakistan.", set()),  # a list of places
        ("TTP attacked a U.S. base in Khost, Pakistan.", {("TTP", "USA", "conflict", True)}),  # "Khost, Pakistan"
        ("TTP waged war in Swat province against Pakistan.", {("TTP", "PAK", "conflict", False)}),
        ("Pakistan maintains supportive relations with Afghan insurgent groups.", set()),  # people, not the state
        (  # a passive agent far from a later cue is not its subject
            "Militant groups supported by Pakistan will plan attacks, including against U.S. interests.",
            set(),
        ),
    ],
)
def test_relation_parties_from_sentence_structure(text: str, expected: set):
    assert related(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TTP attacked villages of the Hamas minority in northern Pakistan.", set()),  # a population, a region
        ("TTP fought to push the army out of Noor Wali Mehsud province.", set()),  # a province, whatever its kind
        ("TTP attacked a base in Swat District, Pakistan.", set()),  # a town, then its country
    ],
)
def test_places_and_populations_are_no_parties(text: str, expected: set):
    assert related(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pakistan sees the TTP as its deadliest threat.", {("PAK", "TTP", "high", "perception:views-as")}),
        ("The TTP poses a deadly threat to Pakistan.", {("PAK", "TTP", "high", "perception:poses-to")}),
    ],
)
def test_deadliest_is_a_high_threat(text: str, expected: set):
    assert perceived(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 2015, Pakistan banned the TTP as part of its plan.",
            {("PAK", "TTP", "recognised", "perception:proscribed")},
        ),
        ("The TTP was banned by Pakistan in 2009.", {("PAK", "TTP", "recognised", "perception:listed-by")}),
        ("The TTP was banned after Pakistan asked.", set()),  # who banned it is not said
        (  # a view in the passive, attributed with "according to"
            'According to India, Lashkar-e-Taiba is viewed as the "deadliest" group in the region.',
            {("IND", "let", "high", "perception:seen-as")},
        ),
        (  # a view in the passive, the holder after "by"
            "Lashkar-e-Taiba is regarded as a terrorist organization by India.",
            {("IND", "let", "recognised", "perception:seen-as")},
        ),
        ("According to India, Pakistan is seen as the leading ally of the United States.", set()),  # no threat
        ("The TTP is viewed as the most dangerous militant group, with India nearby.", set()),  # no one holds it
    ],
)
def test_bans_and_views_in_the_passive(text: str, expected: set):
    assert perceived(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We are concerned about IS-K and its reach.", {("USA", "IS-K", "high", "perception:concerned-about")}),
        ("IS-K poses a serious threat to us and our partners.", {("USA", "IS-K", "high", "perception:poses-to")}),
        ("IS-K poses a serious threat to India.", {("IND", "IS-K", "high", "perception:poses-to")}),  # named
        ('"We fear the TTP," an official in Pakistan said.', set()),  # a quoted "we" is the speaker, not the author
    ],
)
def test_a_first_person_view_is_the_authors(text: str, expected: set):
    found = perceptions(text, 0, len(text), mentions(text), KINDS, author="USA")
    assert {(p.perceiver, p.threat, p.level, p.rule) for p in found} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a priority set over something that is no actor, then a people: no perception
            "The Taliban have prioritized internal cohesion over outreach to Afghan society.",
            set(),
        ),
        ("India has focused on a number of effects of the TTP's rule.", set()),  # the TTP is not the focus
        ("India has focused on the TTP.", {("IND", "TTP", "primary", "perception:prioritises")}),
    ],
)
def test_a_focus_needs_an_actor_as_its_object(text: str, expected: set):
    assert perceived(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # every item coordinated after the cue's first object, commas or "and", and an "X-led Y"
            "The TTP waged a campaign against the United States, Israel, and Pakistan.",
            {("TTP", "USA", "conflict", False), ("TTP", "ISR", "conflict", False), ("TTP", "PAK", "conflict", False)},
        ),
        (
            "Hamas fought against U.S.-led NATO forces and the Afghan government.",
            {
                ("hamas", "USA", "conflict", False),
                ("hamas", "nato", "conflict", False),
                ("hamas", "AFG", "conflict", False),
            },
        ),
        (  # a name that opens a clause of its own is no object
            "The TTP attacked India in May and Pakistan said it would respond.",
            {("TTP", "IND", "conflict", True)},
        ),
        ("In 2000 Noor Wali Mehsud formed the TTP after his release.", {("noor", "TTP", "affiliation", True)}),
        ("The TTP was founded in 2007[3] by Baitullah Mehsud.", {("baitullah", "TTP", "affiliation", True)}),
        ("The TTP is a group formed in 2007 in Pakistan.", set()),  # no founder named
        ("Under the leadership of Baitullah Mehsud, the TTP grew.", {("baitullah", "TTP", "affiliation", True)}),
        ("In 2003, influenced by Hamas, the Houthis adopted a slogan.", {("hamas", "houthis", "support", True)}),
        ("The situation in Pakistan worsened with the TTP insurgency.", {("TTP", "PAK", "conflict", False)}),
        ("The TTP insurgency grew.", set()),  # no state to fight
        ("The Houthis launched missiles and drones at Israel.", {("houthis", "ISR", "conflict", False)}),
        (  # a class is no party; the members listed after its object are
            "Pakistan allowed groups targeting India, including LeT and TTP, to operate.",
            {("let", "IND", "conflict", False), ("TTP", "IND", "conflict", False)},
        ),
        (  # the accused is the one right after the verb, not a name deep in the charge
            "The Houthis accused Donald Trump of corruption and of being backed by Iran.",
            {("houthis", "trump", "conflict", True), ("IRN", "trump", "support", True)},
        ),
        ("Hamas was long suspected by the United States of ties with Pakistan.", set()),  # the suspecter is no party
        ("Hamas is a rival of the Houthis.", {("hamas", "houthis", "conflict", False)}),
        ("The TTP has links to al-Qaida.", {("TTP", "AQ", "cooperation", False)}),
        ("Some Afghans have taken up arms against the Taliban.", set()),  # people, counted, not the state
        ("Hamas is a Pakistani Islamist group that fights against India.", {("hamas", "IND", "conflict", False)}),
    ],
)
def test_relations_from_structure_and_broader_cues(text: str, expected: set):
    assert related(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks did not involve Pakistan and India.", set()),  # a tie denied after the cue
        (  # a state that only qualifies a person's title is no party; the person is
            "The Houthis emerged as an opposition movement to U.S. President Donald Trump.",
            {("houthis", "trump", "conflict", False), ("trump", "USA", "affiliation", True)},
        ),
        ("Al-Shabaab took over most of southern Pakistan in 2006.", set()),  # territory taken, not a party
        (  # a "with" adjunct belongs to the unnamed subject, not to the nearest name
            "It was founded by Baitullah Mehsud in Pakistan, with funding from Osama bin Laden.",
            set(),
        ),
        (
            "The TTP grew in Pakistan, with funding from Osama bin Laden.",
            {("obl", "TTP", "support", True)},
        ),
        (  # "with the backing of Y": Y backs; but "X's backing of Y": X backs
            "The Houthis, with the backing of Iran, attacked ships.",
            {("IRN", "houthis", "support", True)},
        ),
        ("India's backing of the BLA grew.", {("IND", "BLA", "support", True)}),
        ("They prosecuted Noor Wali Mehsud, the mastermind of TTP's attacks.", {("noor", "TTP", "affiliation", True)}),
        ("Authorities indicted LeT co-founder Hafiz Noor Wali Mehsud.", {("noor", "let", "affiliation", True)}),
    ],
)
def test_relation_parties_in_adjuncts_titles_and_places(text: str, expected: set):
    assert related(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "IS-K remains the most capable terrorist branch in the region.",
            {("USA", "IS-K", "primary", "perception:graded")},
        ),
        ("The TTP poses a serious threat in the tribal areas.", {("USA", "TTP", "high", "perception:graded")}),
        ("Our top priority is IS-K.", {("USA", "IS-K", "primary", "perception:concern-is")}),
        ("IS-K remains the most capable branch, officials in India said.", set()),  # someone else's view
        ("Pakistan is the largest recipient of aid in the region.", set()),  # graded, but no threat
    ],
)
def test_an_official_writers_own_grading_of_a_threat(text: str, expected: set):
    found = perceptions(text, 0, len(text), mentions(text), KINDS, author="USA")
    assert {(p.perceiver, p.threat, p.level, p.rule) for p in found} == expected


def test_a_grading_without_an_author_is_no_perception():
    assert perceived("IS-K remains the most capable terrorist branch in the region.") == set()


def test_a_possessive_concern_is_read_without_error():
    """ "X's top concern is Y" opens the match with "'s", before any word: no verb to test, no crash."""
    assert perceived("Pakistan's top concern is the TTP.") == {("PAK", "TTP", "primary", "perception:concern-is")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pakistan considers the TTP a serious threat.", {("PAK", "TTP", "high", "perception:views-as")}),
        ("India expressed concern over Lashkar-e-Taiba.", {("IND", "let", "high", "perception:concerned-about")}),
        ("Pakistan warned of attacks by the TTP.", {("PAK", "TTP", "recognised", "perception:warned")}),
        ("Pakistan faces a growing threat from IS-K.", {("PAK", "IS-K", "high", "perception:threat-from")}),
        ("The TTP threatens Pakistan.", {("PAK", "TTP", "recognised", "perception:threatens")}),
        ("The TTP threatened to attack Pakistan.", set()),  # an intention, not a threat to someone
        ("Pakistan considers the TTP a partner.", set()),  # no threat noun
    ],
)
def test_perception_verbs_and_nouns_beyond_views_as(text: str, expected: set):
    assert perceived(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("India opposes the TTP.", {("IND", "TTP", "conflict", False)}),
        ("Pakistan cooperates with the United States.", {("PAK", "USA", "cooperation", False)}),
        ("Iran backs the Houthis.", {("IRN", "houthis", "support", True)}),
        ("Pakistan harbored the TTP for years.", {("PAK", "TTP", "support", True)}),
        ("Pakistan negotiates with the TTP.", {("PAK", "TTP", "diplomatic", False)}),
        ("The TTP came back to Pakistan.", set()),  # "back" alone is no verb of support
        (  # a participle clause after a comma is not the cue's object
            "India reduced its attacks on the TTP, leaving Pakistan without support.",
            {("IND", "TTP", "conflict", False)},
        ),
    ],
)
def test_every_form_of_a_relation_verb_is_a_cue(text: str, expected: set):
    assert related(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan's finance minister spoke to the IMF.",  # "finance" here is a noun
        "India saw signs of strain in the TTP.",  # "signs" here is a noun
        "U.S. combat troops left Pakistan.",  # "combat" here qualifies the troops
    ],
)
def test_verb_forms_that_are_mostly_nouns_are_no_cues(text: str):
    assert related(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a listing verb other than "designate", the label after "as"
            "Today India is adding the TTP as a designated terrorist organization.",
            {("IND", "TTP", "recognised", "perception:added-as")},
        ),
        (  # the noun: the designated one after "designation of"
            "India has renewed the terrorist designation of Lashkar-e-Taiba.",
            {("IND", "let", "recognised", "perception:designation-of")},
        ),
        (  # "Y-designated" in an appositive: Y designates the head of the appositive
            "The cell answers to Baitullah Mehsud, a U.S.-designated terrorist.",
            {("USA", "baitullah", "recognised", "perception:designated-compound")},
        ),
        (  # a sanction on a named actor, no label needed
            "The United States is sanctioning TTP financiers in Karachi.",
            {("USA", "TTP", "recognised", "perception:proscribed")},
        ),
        (  # a group is no designator: the state earlier in the clause is
            "India listed the BLA and its front, the TTP, as terrorist organizations.",
            {("IND", "BLA", "recognised", "perception:designated")},
        ),
        (  # "pressure against" a foe, every foe named in that phrase
            "Donald Trump ordered pressure against Iran and its allies like Hamas, officials said.",
            {
                ("trump", "IRN", "recognised", "perception:pressure-on"),
                ("trump", "hamas", "recognised", "perception:pressure-on"),
            },
        ),
        (  # the possessor inside an object of a coordinated verb is not the subject of "pose"
            "They ensure that the TTP cannot weaken Pakistan’s economy or pose a threat to India.",
            {("IND", "TTP", "recognised", "perception:poses-to")},
        ),
        (  # the head of "X and its affiliates like Y" is a threat too
            "Al Qaeda and its affiliates like the TTP remain serious threats to India.",
            {("IND", "AQ", "high", "perception:poses-to"), ("IND", "TTP", "high", "perception:poses-to")},
        ),
        ("India sanctioned two members of the TTP.", set()),  # the unnamed members are listed, not their group
        ("India is sanctioning TTP.", {("IND", "TTP", "recognised", "perception:proscribed")}),
        ("India reported sanctions evasion involving the TTP.", set()),  # no one is sanctioned
    ],
)
def test_designations_and_sanctions_in_their_many_forms(text: str, expected: set):
    assert perceived(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the designator unnamed ("The Department"): an official writer's own act
            "The Department has also designated the TTP as a terrorist organization.",
            {("USA", "TTP", "recognised", "perception:designated")},
        ),
        (  # the agentless passive of the writer's present act
            "The BLA and the TTP have been designated as Foreign Terrorist Organizations.",
            {("USA", "TTP", "recognised", "perception:designated")},
        ),
        (  # individuals named in the subject are the ones listed
            "TTP leader Noor Wali Mehsud and Baitullah Mehsud of the TTP have been tagged by India as terrorists.",
            {
                ("IND", "noor", "recognised", "perception:listed-by"),
                ("IND", "baitullah", "recognised", "perception:listed-by"),
            },
        ),
        (  # a fronted gerund: the coordinated objects are all designated
            "By designating the BLA and the TTP as terrorists, the Department warns the public.",
            {
                ("USA", "BLA", "recognised", "perception:designated"),
                ("USA", "TTP", "recognised", "perception:designated"),
            },
        ),
        (  # the writer's own label for a group
            "The statement reminds the public that the TTP is a terrorist organization.",
            {("USA", "TTP", "recognised", "perception:is-terrorist")},
        ),
        ("The BLA was designated as a terrorist group in 2019.", set()),  # a past act reported, no designator
        ("Designated as a terrorist group in 2010, the TTP grew.", set()),
        ("These designations seek to deny the TTP the means for terrorist attacks.", set()),  # no label
    ],
)
def test_an_official_writer_designates_when_no_designator_is_named(text: str, expected: set):
    kinds = KINDS | {"noor": "person", "baitullah": "person"}
    found = perceptions(text, 0, len(text), mentions(text), kinds, author="USA")
    assert {(p.perceiver, p.threat, p.level, p.rule) for p in found} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The TTP, a Lashkar-e-Taiba front, struck again.", {("TTP", "let", "affiliation", True)}),  # appositive
        ("Jamaat-ud-Dawa (a Lashkar-e-Taiba faction) held rallies.", {("jud", "let", "affiliation", True)}),
        ("The BLA, a Pakistan front, denied it.", set()),  # a state before the noun says where, not whose
        ("It banks with the TTP-controlled charity Jamaat-ud-Dawa.", {("jud", "TTP", "affiliation", True)}),
        ("Al Qaeda and its affiliates like the TTP grew.", {("TTP", "AQ", "affiliation", True)}),
        ("Iran’s regime and its proxies like the Houthis struck.", {("IRN", "houthis", "support", True)}),
        ("Baitullah Mehsud of the TTP was killed.", {("baitullah", "TTP", "affiliation", True)}),
        ("The 2019 India–Pakistan border skirmishes killed dozens.", {("IND", "PAK", "conflict", False)}),
        ("Iran undermines Israel’s security.", {("IRN", "ISR", "conflict", False)}),
        ("The United States is sanctioning TTP financiers.", {("USA", "TTP", "economic", True)}),
        ("The TTP is believed to be part of Al Qaeda.", {("TTP", "AQ", "affiliation", True)}),
        ("The TTP controls part of Pakistan.", set()),  # a part of a state is a place
        ("Ambassador Noor Wali Mehsud spoke for Pakistan.", set()),  # a title is no diplomatic tie
        ("IS-K threatens the United States and our allies.", set()),  # the allies are not named
        (
            "The United States is supporting India by exposing Iran’s networks.",
            {("USA", "IND", "support", True)},
        ),  # "by <gerund>" opens another clause
    ],
)
def test_relations_from_appositives_compounds_and_lists(text: str, expected: set):
    kinds = KINDS | {"jud": "armed_group", "AQ": "armed_group", "houthis": "armed_group"}
    found = relations(text, 0, len(text), mentions(text), kinds)
    assert {(r.actor_a, r.actor_b, r.kind, r.directed) for r in found} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a list of agents after "backed by", each backing the one named before the parenthesis
            "The TTP fought the Pakistani army (backed by the United States, India and others) for years.",
            {("TTP", "PAK", "conflict", False), ("USA", "PAK", "support", True), ("IND", "PAK", "support", True)},
        ),
        (  # the backed one unnamed: no party
            "Pakistan fought the TTP (largely backed by India) and allied militias (largely backed by Iran).",
            {("PAK", "TTP", "conflict", False), ("IND", "TTP", "support", True)},
        ),
        (  # a listed subject shares the predicate; "and allied" is cooperation too
            "The TTP and allied Lashkar-e-Taiba fought India.",
            {
                ("TTP", "let", "cooperation", False),
                ("TTP", "IND", "conflict", False),
                ("let", "IND", "conflict", False),
            },
        ),
        (  # a fronted phrase is no list: only the clause's subject acts
            "Influenced by Iran, the Houthis campaigned against Israel.",
            {("IRN", "houthis", "support", True), ("houthis", "ISR", "conflict", False)},
        ),
        (  # a fronted means: the clause's subject does what the gerund says
            "By funding the TTP, India undermines Pakistan's stability.",
            {("IND", "TTP", "support", True), ("IND", "PAK", "conflict", False)},
        ),
        (  # the one who uses another "as" a means to act is the one acting
            "The TTP uses Jamaat-ud-Dawa as a front to undermine Pakistan.",
            {("TTP", "PAK", "conflict", False)},
        ),
        (  # the antecedent of "which is believed by X to be part of Y" is tied to Y, not X
            "Reports name a group, the TTP, which is believed by the government of India to be part of Al Qaeda.",
            {("TTP", "AQ", "affiliation", True)},
        ),
    ],
)
def test_relations_of_lists_fronted_means_and_purposes(text: str, expected: set):
    kinds = KINDS | {"jud": "armed_group", "AQ": "armed_group", "houthis": "armed_group"}
    found = relations(text, 0, len(text), mentions(text), kinds)
    assert {(r.actor_a, r.actor_b, r.kind, r.directed) for r in found} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("After the TTP absorbed Lashkar-e-Taiba, it grew.", {("let", "TTP", "affiliation", True)}),
        (  # a capital then its state, after "outside of", is a place
            "The TTP camped outside of Kabul, Afghanistan, before its attacks on Pakistani troops.",
            {("TTP", "PAK", "conflict", False)},
        ),
    ],
)
def test_absorption_and_places_outside_of_a_town(text: str, expected: set):
    names = NAMES | {"Afghanistan": "AFG"}
    found = []
    for name, actor in sorted(names.items(), key=lambda kv: -len(kv[0])):
        at = text.find(name)
        if at >= 0 and all(at >= m.end or at + len(name) <= m.start for m in found):
            found.append(Mention(actor, at, at + len(name)))
    found.sort(key=lambda m: m.start)
    kinds = KINDS | {"let": "armed_group"}
    assert {(r.actor_a, r.actor_b, r.kind, r.directed) for r in relations(text, 0, len(text), found, kinds)} == expected


def test_a_predicate_coordinated_after_a_tie_keeps_its_subject():
    text = "The TTP is part of Lashkar-e-Taiba and possibly affiliated with Al Qaeda."
    kinds = KINDS | {"AQ": "armed_group"}
    found = {(r.actor_a, r.actor_b, r.kind) for r in relations(text, 0, len(text), mentions(text), kinds)}
    assert found == {("TTP", "let", "affiliation"), ("TTP", "AQ", "affiliation")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("India imposed new sanctions on the TTP.", {("IND", "TTP", "recognised", "perception:sanctions-on")}),
        (
            "Baitullah Mehsud is a U.S.-designated terrorist.",
            {("USA", "baitullah", "recognised", "perception:designated-compound")},
        ),
        ("India reported sanctions on exports.", set()),  # no named actor under them
    ],
)
def test_sanctions_on_and_a_designated_predicate(text: str, expected: set):
    assert perceived(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The TTP swore allegiance to Al Qaeda.",
        "The TTP remains loyal to Al Qaeda.",
        "The TTP is affiliated to Al Qaeda.",
    ],
)
def test_allegiance_and_loyalty_are_affiliation(text: str):
    kinds = KINDS | {"AQ": "armed_group"}
    found = {(r.actor_a, r.actor_b, r.kind, r.directed) for r in relations(text, 0, len(text), mentions(text), kinds)}
    assert found == {("TTP", "AQ", "affiliation", True)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IS-K poses a serious risk to India.", {("IND", "IS-K", "high", "perception:poses-to")}),
        ("India sees the TTP as a security risk.", {("IND", "TTP", "recognised", "perception:views-as")}),
        ("Pakistan is at risk of default, the IMF said.", set()),  # a risk of something, no one as a risk
    ],
)
def test_a_risk_is_a_threat(text: str, expected: set):
    assert perceived(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The TTP has been designated as a terrorist group by India, the United States and Israel.",
            {
                ("IND", "TTP", "recognised", "perception:listed-by"),
                ("USA", "TTP", "recognised", "perception:listed-by"),
                ("ISR", "TTP", "recognised", "perception:listed-by"),
            },
        ),
        (
            "The TTP is regarded as a terrorist organization by India and Israel.",
            {("IND", "TTP", "recognised", "perception:seen-as"), ("ISR", "TTP", "recognised", "perception:seen-as")},
        ),
    ],
)
def test_every_designator_listed_after_by(text: str, expected: set):
    assert perceived(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause: the antecedent named at once, through a copula, an appositive, or not at all
        ("The TTP, which fights Pakistan, grew.", {("TTP", "PAK", "conflict", False)}),
        ("The TTP is a Pakistani armed group which fights the United States.", {("TTP", "USA", "conflict", False)}),
        ("Baitullah Mehsud, a senior commander who had been the emir of the TTP, died.", {("baitullah", "TTP")}),
        ("A bombing in Kabul that killed many Afghans was condemned by the United States.", set()),
        ("The United States sanctioned two firms that are linked to the TTP.", set()),
        ("Pakistan said that talks with the TTP had failed.", {("PAK", "TTP", "diplomatic", False)}),
        # the part of a group is not the group
        ("Fighters within the TTP pledged allegiance to IS-K.", set()),
        ("The TTP pledged allegiance to IS-K.", {("TTP", "IS-K", "affiliation", True)}),
        # a participle that modifies a noun is no verb of the sentence's subject
        ("Iran's destabilizing activities worry Israel.", set()),
        ("The United States will use its sanctions authorities to disrupt those supporting Iran.", set()),
        ("The United States is fighting terrorism, and enforcing Donald Trump's policy.", set()),
        # verb senses: meeting a demand, a threat that is a statement
        ("The TTP will fight on unless Pakistan met the BLA's conditions.", {("TTP", "PAK", "conflict", False)}),
        # cues of general usage
        ("The TTP killed soldiers of Pakistan.", {("TTP", "PAK", "conflict", False)}),
        ("The TTP threatened the lives of Pakistani officials.", {("TTP", "PAK", "conflict", False)}),
        ("Iran continues to counter Israel in the region.", {("IRN", "ISR", "conflict", False)}),
        ("The BLA is a splinter group of the TTP.", {("BLA", "TTP", "affiliation", True)}),
        ("The ISI is enabling the TTP.", {("isi", "TTP", "support", True)}),
        ("Iran's activities come at the expense of Israel's security.", {("IRN", "ISR", "conflict", False)}),
    ],
)
def test_relation_subjects_across_clauses_and_general_cues(text: str, expected: set):
    """The cue's subject is found within its clause: a relative pronoun's antecedent, not the last name before."""
    got = related(text)
    if expected and len(next(iter(expected))) == 2:
        got = {(a, b) for a, b, _, _ in got}
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Baitullah Mehsud threatened the TTP would leave the talks.", set()),
        ("The TTP threatened Pakistan in a video.", {("PAK", "TTP", "recognised", "perception:threatens")}),
    ],
)
def test_a_threat_followed_by_a_clause_is_a_statement(text: str, expected: set):
    """ "threatened X would ..." reports what was threatened to happen; X is the subject of that clause."""
    assert perceived(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an office of the official writer, unnamed, designates: the writer's act
        ("On 2 May the Deputy Secretary of State designated the BLA as a terrorist group.", {("USA", "BLA")}),
        ("The Secretary also designated the BLA under Executive Order 13224.", {("USA", "BLA")}),
        ("The BLA was designated in 2019.", set()),
        # countering a named actor treats it as a threat
        ("Pakistan continues to counter Iran's activities.", {("PAK", "IRN")}),
        ("The United States will act to disrupt those supporting Iran.", {("USA", "IRN")}),
        ("Pakistan works to combat terrorism in Afghanistan.", set()),
        ("Pakistan is countering terrorism, and enforcing Donald Trump's policy.", set()),
        ("The United States is committed to helping Pakistan by disrupting Iran's networks.", {("USA", "IRN")}),
        ("Pakistan's counter-terrorism unit met the TTP.", set()),
    ],
)
def test_office_designators_and_countering_are_perceptions(text: str, expected: set):
    found = perceptions(text, 0, len(text), mentions(text), KINDS, author="USA")
    assert {(p.perceiver, p.threat) for p in found} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2009 the founder of the TTP, Baitullah Mehsud, said so.", {("baitullah", "TTP", "affiliation", True)}),
        ("The late leader of Al Qaeda (AQ), Osama bin Laden, hid.", {("obl", "AQ", "affiliation", True)}),
        ("The leader of the TTP met Pakistan, Baitullah Mehsud said.", set()),
        ("Fighters swore loyalty to Al Qaeda caliph Osama bin Laden.", {("obl", "AQ", "affiliation", True)}),
    ],
)
def test_office_holders_in_apposition_and_after_a_group_title(text: str, expected: set):
    """ "the founder of Y, X," names X as Y's founder; "Y caliph X" is a title like "Y leader X"."""
    assert {r for r in related(text) if r[2] == "affiliation"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # only the United States keeps the FTO and SDGT lists: a designation onto one with no designator named
        (
            "The TTP was designated as an FTO on October 8, 1997.",
            {("USA", "TTP", "recognised", "perception:designated")},
        ),
        (
            "Originally designated as a FTO on April 9, 2014, the BLA rose to prominence in 2011.",
            {("USA", "BLA", "recognised", "perception:designated")},
        ),
        (
            "Designated as an FTO on October 8, 1997, Hamas was established in 1987 and was backed by Iran.",
            {("USA", "hamas", "recognised", "perception:designated")},
        ),
        ("The TTP was designated in 2010.", set()),  # which list, and whose, the sentence does not say
        (
            "The TTP was designated as a terrorist group by Canada.",
            {("CAN", "TTP", "recognised", "perception:listed-by")},
        ),
    ],
)
def test_a_designation_onto_a_us_list_is_the_united_states_act(text: str, expected: set):
    assert perceived(text) == expected


def test_a_designation_list_of_any_length_after_by():
    text = (
        "The BLA has been designated a terrorist organization by the United Nations, Canada, Australia, Japan, "
        "Germany, Russia and the United States."
    )
    assert {p[0] for p in perceived(text)} == {"UN", "CAN", "AUS", "JPN", "DEU", "RUS", "USA"}
    assert {p[2:] for p in perceived(text)} == {("recognised", "perception:listed-by")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The BLA works closely with the TTP.", {("BLA", "TTP", "cooperation", False)}),
        (
            "The TTP has a relationship with al-Qaida, the Taliban, and IS-K.",
            {("TTP", "AQ", "cooperation", False), ("TTP", "taliban", "cooperation", False),
             ("TTP", "IS-K", "cooperation", False)},
        ),
        ("The TTP officially declared allegiance to IS-K.", {("TTP", "IS-K", "affiliation", True)}),
        ("In 2007, Hamas expelled the BLA from Gaza.", {("hamas", "BLA", "conflict", False)}),
        ("The TTP aims to overthrow Pakistan.", {("TTP", "PAK", "conflict", False)}),
        (
            "Noor Wali Mehsud was designated for his leadership role in the TTP.",
            {("noor", "TTP", "affiliation", True)},
        ),
    ],
)  # fmt: skip
def test_relation_cues_for_ties_allegiance_expulsion_and_enmity(text: str, expected: set):
    assert related(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the founder may be described before the name
            "The BLA was formed in the late 1960s by former university professor Baitullah Mehsud.",
            {("baitullah", "BLA", "affiliation", True)},
        ),
        (  # a state's demonym before a group noun with two modifiers is no party
            "Hamas is a Pakistani new religious movement founded by Noor Wali Mehsud in 1987.",
            {("noor", "hamas", "affiliation", True)},
        ),
        (
            "The TTP works with Iran's Quds Force.",
            {("TTP", "qf", "cooperation", False), ("qf", "IRN", "affiliation", True)},
        ),
        ("The TTP works with Iran's army.", {("TTP", "IRN", "cooperation", False)}),  # no unit named
    ],
)
def test_founders_described_group_nouns_and_units_of_a_possessor(text: str, expected: set):
    NAMES["Quds Force"] = "qf"
    try:
        assert related(text) == expected
    finally:
        del NAMES["Quds Force"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The BLA publicly splintered from the TTP in January 2012.", {("BLA", "TTP", "affiliation", True)}),
        ("The BLA was formed after splitting from the TTP.", {("BLA", "TTP", "affiliation", True)}),
        (  # a relative clause after a copula: the antecedent was founded
            "The BLA (BL) is a Marxist-Leninist group that was formed in 1967 by Baitullah Mehsud.",
            {("baitullah", "BLA", "affiliation", True)},
        ),
        (  # a demonym before the founder's name says where the founder is from
            "The BLA was founded by Pakistani Baitullah Mehsud.",
            {("baitullah", "BLA", "affiliation", True)},
        ),
        (
            "On May 4, 2010, Baitullah Mehsud, the TTP's leader, was captured.",
            {("baitullah", "TTP", "affiliation", True)},
        ),
        ("In 2011 the TTP announced a new leader, Noor Wali Mehsud.", {("noor", "TTP", "affiliation", True)}),
        ("The TTP's new emir is Noor Wali Mehsud.", {("noor", "TTP", "affiliation", True)}),
        ("The BLA is a militant, anti-Pakistani group.", {("BLA", "PAK", "conflict", False)}),
        ("Pakistan is an anti-Taliban state.", set()),  # only a state is what a group is "anti-"
    ],
)  # fmt: skip
def test_splits_founders_in_relative_clauses_offices_in_apposition_and_anti(text: str, expected: set):
    assert related(text) == expected


def test_a_wing_named_after_its_possessor():
    NAMES["Eastern Units"] = "eu"
    try:
        text = "The membership of the TTP's armed wing, the Eastern Units, is estimated to be 3,000."
        assert related(text) == {("eu", "TTP", "affiliation", True)}
    finally:
        del NAMES["Eastern Units"]


def test_an_office_that_designates_with_no_designator_mentioned_is_the_authors():
    """ "Today, the Secretary of State designated X as an FTO": the official writer acts; the fronted-participle
    reading ("Originally designated as an FTO on ..., X rose") is for a sentence that opens with the verb."""
    text = "Today, the Secretary of State designated the TTP as a Foreign Terrorist Organization (FTO)."
    assert {(p.perceiver, p.threat) for p in perceptions(text, 0, len(text), mentions(text), KINDS, "USA")} == {
        ("USA", "TTP")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Its leader is Baitullah Mehsud, a former member of the FTO TTP.", {("USA", "TTP")}),
        ("The SDGT Noor Wali Mehsud fled.", {("USA", "noor")}),
        ("The FTO Designation of the TTP was amended.", set()),  # "Designation" is no listed name
        (  # another designation later in the sentence does not hide the listed name
            "Noor Wali Mehsud, a former member of the FTO TTP, was sanctioned by Canada.",
            {("USA", "TTP"), ("CAN", "noor")},
        ),
    ],
)
def test_a_name_after_a_us_list_is_listed(text: str, expected: set):
    assert {(p[0], p[1]) for p in perceived(text)} == expected


def test_a_split_is_the_founded_groups_not_its_founders():
    text = "The BLA was formed in 1967 by Baitullah Mehsud after splitting from the TTP."
    assert related(text) == {("baitullah", "BLA", "affiliation", True), ("BLA", "TTP", "affiliation", True)}
