"""Who "the group" and an opening "It" stand for: parties for perceptions and relations, never mentions."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.dataset import load_dataset
from dossier.ingest import prepare
from dossier.ingest.actors import Mention
from dossier.ingest.referents import anaphors, document_subject, resolve, rule_with_basis

ROOT = Path(__file__).resolve().parents[1]
KINDS = {"ng": "armed_group", "al": "armed_group", "dept": "other", "PER": "state", "guzman": "person"}


def at(text: str, name: str, actor: str) -> Mention:
    start = text.index(name)
    return Mention(actor, start, start + len(name))


@pytest.mark.parametrize(
    ("sentence", "read"),
    [
        ("The group has been designated a terrorist organization.", ["The group"]),
        ("In 1999, the organization attempted to kill a minister.", ["the organization"]),
        ("It is responsible for attacks against Peru.", ["It"]),
        ("It's part of the Popular Front.", ["It"]),
        ('"It attacked the caravan," police said.', ["It"]),
        ("It is likely that the group will strike again.", ["the group"]),  # the expletive "It" stands for nothing
        ("It was in 2010 that the talks began.", []),
        ("It remains unclear whether talks will resume.", []),
        ("The group of seven states met.", []),  # "the group of": a set, not a referent
        ("The Peru-based terrorist organization was formed in 1969.", ["The Peru-based terrorist organization"]),
        ("In 2007, the militant group Hamas took Gaza.", []),  # the name follows: no referent
        ("The armed group al-Shabaab attacked.", []),
        ("A group of gunmen attacked the post.", []),
        ("Later it attacked the post.", []),  # only the "It" that opens the sentence
    ],
)
def test_anaphors_are_the_group_and_a_subject_it(sentence: str, read: list[str]):
    assert [sentence[a:b] for a, b in anaphors(sentence, 0, len(sentence))] == read


def test_the_title_names_the_subject_else_the_group_named_most_in_the_first_claim():
    text = "The Islamic State's West Africa Province (ISWAP) is a branch of the Islamic State."
    first = [at(text, "Islamic State", "is"), at(text, "ISWAP", "iswap")]
    kinds = {"is": "armed_group", "iswap": "armed_group"}
    assert document_subject("", [], text, first, {"is": 2, "iswap": 9}, kinds) == "iswap"
    assert document_subject("", [], text, first, {"is": 9, "iswap": 2}, kinds) == "is"
    title = "Islamic State – West Africa Province"
    in_title = [Mention("is", 0, len("Islamic State"))]
    # the title spells the name otherwise: only its part "Islamic State" is found, and ISWAP's name holds it
    first = [Mention("iswap", 4, 36), at(text, "ISWAP", "iswap")]
    assert document_subject(title, in_title, text, first, {"is": 9}, kinds) == "iswap"
    assert document_subject("A state", [Mention("PER", 2, 7)], text, [], {}, {"PER": "state"}) is None


def test_the_group_is_the_sentence_opener_then_the_subject_then_the_last_opener():
    text = (
        "Nueva Gente attacked a post, and the group fled. "
        "In addition to Alfa, the group has links to Peru. "
        "The group was banned."
    )
    first_end = text.index(". ") + 1
    second_end = text.index(". ", first_end) + 1
    spans = [(0, first_end), (first_end + 1, second_end), (second_end + 1, len(text))]
    mentions = [[at(text, "Nueva Gente", "ng")], [at(text, "Alfa", "al"), at(text, "Peru", "PER")], []]
    with_subject = resolve(text, spans, mentions, KINDS, "dept")
    assert [[m.actor for m in found] for found in with_subject] == [["ng"], ["dept"], ["dept"]]
    without = resolve(text, spans, mentions, KINDS, None)
    # with no subject, "the group" is the group that opened the sentence before; a fronted "Alfa" is none
    assert [[m.actor for m in found] for found in without] == [["ng"], ["ng"], ["ng"]]
    assert all(m.alias.casefold() == "the group" for found in without for m in found)


def test_a_candidate_resting_on_a_referent_says_so():
    resolved = [Mention("ng", 0, 9, "The group")]
    names = {"ng": "Nueva Gente", "UN": "United Nations"}
    assert (
        rule_with_basis("perception:listed-by", ("UN", "ng"), {"UN"}, resolved, names)
        == "perception:listed-by; “The group” read as Nueva Gente"
    )
    assert rule_with_basis("perception:listed-by", ("UN", "ng"), {"UN", "ng"}, resolved, names) == (
        "perception:listed-by"
    )


@pytest.fixture(scope="module")
def ds():
    return load_dataset(ROOT / "data")


DOC = (
    "Title: Nueva Gente\n"
    "Publisher: Example Review\n"
    "\n"
    "Nueva Gente is a Peruvian militant group founded in 1990. The group has been designated a terrorist "
    "organization by the United Nations, Canada, Australia, Japan, Germany and the United States. On 9 April "
    "2016, the group attacked a military caravan. It was founded by Abimael Quispe.\n"
)


def test_the_group_gives_perceptions_and_relations_but_no_mention_or_role(ds):
    result = prepare(DOC.encode(), "nueva.txt", ds)
    (subject,) = [c.key for c in result.candidates.itertuples() if c.name == "Nueva Gente"]
    assessed = result.assessments[result.assessments["threat"] == subject]
    assert len(assessed) == 6  # every designator of the list, the seventh and after included
    assert set(assessed["perceiver"]) >= {"USA"}
    assert assessed["rule"].str.endswith("“The group” read as Nueva Gente (new)").all()
    founded = result.relations[result.relations["actor_b"] == subject]
    assert founded["rule"].str.contains("“It” read as Nueva Gente").all() and len(founded) == 1
    # not a mention: the claims that say "the group" list no actor for it, and the attack has no subject
    second, third = result.claims["claim_id"].iloc[1], result.claims["claim_id"].iloc[2]
    assert subject not in set(result.mentions.loc[result.mentions["claim_id"].isin([second, third]), "actor"])
    (attack,) = result.events[result.events["claim_id"] == third].itertuples()
    assert attack.event_type == "attack"
    assert subject not in set(result.event_actors.loc[result.event_actors["event_id"] == attack.event_id, "actor"])
