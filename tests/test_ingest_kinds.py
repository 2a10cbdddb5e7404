"""Claim kinds by transparent rules, the rule that fired recorded."""

from __future__ import annotations

import pytest

from dossier.ingest.kinds import DEFAULT, classify


@pytest.mark.parametrize(
    ("sentence", "kind", "rule"),
    [
        ("The upcoming discussions could revolve around trade.", "forecast", "modal:could"),
        ("Pakistan will likely face more attacks.", "forecast", "modal:will"),
        ("Talks may resume in May.", "forecast", "modal:may"),
        ("Talks are expected to resume.", "forecast", "modal:are expected to"),
        ("It is very likely that the TTP was behind it.", "judgment", "estimative:very likely"),
        ("An attack is unlikely.", "judgment", "estimative:unlikely"),
        ("The incidents indicate a widening challenge.", "judgment", "hedge:indicate"),
        ("This suggests a shift in priorities.", "judgment", "hedge:suggests"),
        ("Pakistan must address the threat.", "judgment", "normative:must"),
        ("Officials said 21 people were killed.", "reported_fact", "attribution:said"),
        ("According to the army, most hostages were freed.", "reported_fact", "attribution:according to"),
        ("Militants seized a train.", "reported_fact", "default:reported_fact"),
        ("In May the group met.", "reported_fact", "default:reported_fact"),
        ("Analysts said the attack could mark an escalation.", "forecast", "modal:could"),
        ("The attack could not have been preventable.", "judgment", "past-modal:could not have been preventable"),
        ("The militants may have fled to Afghanistan.", "judgment", "past-modal:may have fled"),
        ("The TTP is likely to strike again.", "forecast", "modal:is likely to"),
        ("We assess that IS-K was behind the attack.", "judgment", "estimative:we assess"),
        ("The TTP was almost certainly behind the attack.", "judgment", "estimative:almost certainly"),
        ("Vance is poised to visit India.", "forecast", "modal:is poised to"),
        ("The army reported that 21 people died.", "reported_fact", "attribution:reported"),
    ],
)
def test_kind_rules(sentence: str, kind: str, rule: str):
    assert classify(sentence) == (kind, rule)


def test_default_is_a_reported_fact():
    assert DEFAULT == ("reported_fact", "default:reported_fact")


@pytest.mark.parametrize(
    ("sentence", "kind", "family"),
    [
        ("Houthis said they will not stop until Israel ceases its war.", "reported_fact", "reported-future"),
        ("It said that all U.S. troops are going to leave Afghanistan by May.", "reported_fact", "reported-future"),
        ("Biden said that the U.S. exit from Afghanistan will begin on May 1.", "reported_fact", "reported-future"),
        ("Many women are scared because they don't know how the Taliban will treat them.", "reported_fact",
         "reported-future"),
        ("The Taliban will hold talks next week.", "forecast", "modal"),
        ("This means that they won the war against the government.", "judgment", "evaluative"),
        ("Initial indications are that we killed the target.", "judgment", "evaluative"),
        ("Designations play a critical role in our fight against terrorism.", "judgment", "evaluative"),
        ("The deal was one of the critical events that caused the collapse of the army.", "judgment", "evaluative"),
        ("The decision made it easier for the Taliban to take power.", "judgment", "evaluative"),
        ("The army was ill-prepared to sustain security.", "judgment", "evaluative"),
        ("To do anything less would dishonor their sacrifice.", "judgment", "evaluative"),
        ("Its base of power remains in eastern Afghanistan.", "reported_fact", "default"),
        ("Mehsud would later become the leader of the group.", "reported_fact", "default"),  # narrative past
        ("The group remains a potent threat.", "judgment", "hedge"),
        ("The nation may not have the capacity to be a partner.", "forecast", "modal"),  # no past participle
        ("The attack may not have succeeded.", "judgment", "past-modal"),
    ],
)  # fmt: skip
def test_reported_future_and_evaluative_judgments(sentence: str, kind: str, family: str):
    found, rule = classify(sentence)
    assert (found, rule.split(":")[0]) == (kind, family)


@pytest.mark.parametrize(
    ("sentence", "kind", "family"),
    [
        ("The United States will keep pressing the group.", "forecast", "modal"),  # "States" is a name, not "states"
        ('The envoy noted that "the militants remain a danger to our partners.', "reported_fact", "quoted"),
        ("Such listings are part of a wider effort that we should pursue.”", "reported_fact", "quoted"),  # a quote ends
        ("The faction is believed by officials to be possibly linked to the TTP.", "reported_fact", "attributed-view"),
        ("The cell reportedly has possible ties to the TTP.", "reported_fact", "attributed-view"),
        ("The 2009 offensive was a pivotal event in the war.", "judgment", "evaluative"),
        ("The militia is notorious for its raids on villages.", "judgment", "evaluative"),
    ],
)
def test_quoted_speech_attributed_views_and_copular_evaluations(sentence: str, kind: str, family: str):
    got, rule = classify(sentence)
    assert (got, rule.split(":")[0]) == (kind, family)


@pytest.mark.parametrize(
    ("sentence", "kind", "family"),
    [
        ("“The ministry will keep up the pressure on the smugglers.”", "reported_fact", "quoted"),
        ('Its aims "appear to have shifted from trade to politics".', "reported_fact", "quoted"),
        ("Its aims appear to have shifted from trade to politics.", "judgment", "hedge"),
        ("The movement remains focused on seizing border towns.", "reported_fact", "default"),
        ("The movement remains committed to its founding charter.", "reported_fact", "default"),
        ("The movement remains a danger to the region.", "judgment", "hedge"),
    ],
)
def test_whole_quotations_quoted_hedges_and_stated_aims(sentence: str, kind: str, family: str):
    """A sentence that is one quotation, or a hedge that opens a quotation, is the speaker's; "remains focused
    on" states an aim."""
    got_kind, rule = classify(sentence)
    assert (got_kind, rule.split(":")[0]) == (kind, family)
