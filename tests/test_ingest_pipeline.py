"""The ingest pipeline end to end, without writing: bundled brief, other layouts, provenance, properties."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier import load_dataset
from dossier.ingest import Context, IngestError, Options, prepare
from dossier.ingest.formats import read_document
from dossier.ingest.pipeline import analyse, claim_spans, previous_version, resolve, source_id_for

ROOT = Path(__file__).resolve().parents[1]
BRIEF = ROOT / "data" / "sources" / "src-a5dc40561693.txt"


@pytest.fixture(scope="module")
def ds():
    return load_dataset(ROOT / "data")


@pytest.fixture(scope="module")
def context(ds):
    return Context(ds)


def frames(document, source_id, context, published=None):
    """The review frames of one document: claims, mentions, known, candidates, events, event actors."""
    analysis = analyse(document, source_id, context)
    events, event_actors, _ = resolve(analysis, document.text, source_id, context, published)
    return analysis.claims, analysis.mentions, analysis.known_actors, analysis.candidates, events, event_actors


@pytest.fixture(scope="module")
def brief(ds, context):
    document = read_document(BRIEF.read_bytes(), BRIEF.name)
    return document, frames(document, "src-a5dc40561693", context)


def test_source_id_is_the_content_hash_of_the_stored_text(brief):
    document, _ = brief
    assert source_id_for(document.text)[0] == "src-a5dc40561693"


def test_bundled_brief_reproduces_the_curated_claim_spans_exactly(ds, brief):
    _, (claims, *_) = brief
    curated = ds.claims[ds.claims["source_id"] == "src-a5dc40561693"].sort_values("claim_id")
    assert list(claims["claim_id"]) == list(curated["claim_id"])
    assert list(claims["start"]) == list(curated["start"])
    assert list(claims["end"]) == list(curated["end"])
    assert list(claims["text"]) == list(curated["text"])
    assert "Original Source" not in " ".join(claims["text"])


def test_bundled_brief_finds_all_of_its_named_actors(ds, brief):
    _, (_, mentions, known, candidates, *_) = brief
    named = mentions[mentions["known"]]
    found = set(zip(named["claim_id"], named["actor"]))
    links = ds.claim_actors[ds.claim_actors["claim_id"].str.startswith("src-a5dc40561693-")]
    curated = set(zip(links["claim_id"], links["actor_id"]))
    assert set(known["actor_id"]) == set(links["actor_id"]), "all 13 named actors of the brief"
    assert len(known) == 13
    assert found <= curated, "every actor found is one the analyst linked"
    # The analyst also linked claim 08's "both countries" (coreference, not a name) to the U.S. and Pakistan.
    assert curated - found == {("src-a5dc40561693-08", "USA"), ("src-a5dc40561693-08", "PAK")}
    assert set(candidates["name"]) <= {"South Asia"}, "no known actor comes back as a candidate"


def test_bundled_brief_claims_get_rules_and_default_credibility(brief):
    _, (claims, *_) = brief
    assert set(claims["credibility"]) == {6}
    assert claims["kind_rule"].str.match(r"^(modal|estimative|hedge|normative|attribution|default):").all()
    assert claims.set_index("claim_id").loc["src-a5dc40561693-13", "kind_rule"] == "modal:could"


def test_bundled_brief_events_pair_actors_with_event_verbs_and_keep_their_evidence(brief):
    _, (claims, _, _, _, events, event_actors) = brief
    by_claim = events.groupby("claim_id")["event_type"].agg(set)
    assert "seizure" in by_claim["src-a5dc40561693-10"]
    assert "capture" in by_claim["src-a5dc40561693-03"]
    assert "visit" in by_claim["src-a5dc40561693-12"]
    assert "address" not in by_claim.get("src-a5dc40561693-09", set()), "'must address' is not an event"
    assert set(events["claim_id"]) <= set(claims["claim_id"])
    seizure = events[events["event_type"] == "seizure"].iloc[0]
    roles = set(map(tuple, event_actors.loc[event_actors["event_id"] == seizure["event_id"], ["actor", "role"]].values))
    assert ("BLA", "subject") in roles
    assert set(events["date_precision"]) == {"unknown"}, "the brief states no publication date: nothing is guessed"
    assert not events["accept"].any(), "events wait for the analyst"


def test_the_same_document_again_is_refused(ds):
    with pytest.raises(IngestError, match="already ingested as src-a5dc40561693"):
        prepare(BRIEF.read_bytes(), "copy.txt", ds)


def test_a_changed_document_becomes_a_new_version_of_the_old_one(ds):
    changed = BRIEF.read_bytes().replace(b"limited counterterrorism", b"narrow counterterrorism")
    options = Options(title="U.S.-Pakistan counterterrorism cooperation (brief)")
    result = prepare(changed, "brief.txt", ds, options)
    assert result.source["version_of"] == "src-a5dc40561693"
    assert result.source_id != "src-a5dc40561693"
    assert "same title and publisher" in result.notes[0]
    assert result.claims["claim_id"].str.startswith(result.source_id + "-").all()


@pytest.mark.parametrize(
    ("title", "publisher", "url", "expected"),
    [
        ("Brief", "x.org", "", "b"),  # the latest version of the chain
        ("brief", "X.ORG", "", "b"),
        ("Other", "x.org", "https://x.org/1", "a"),
        ("Other", "x.org", "", ""),
    ],
)
def test_previous_version_rules(title, publisher, url, expected):
    import pandas as pd

    sources = pd.DataFrame(
        {
            "source_id": ["a", "b"],
            "title": ["Brief", "Brief"],
            "publisher": ["x.org", "x.org"],
            "url": ["https://x.org/1", ""],
            "version_of": ["", "a"],
        }
    )
    assert previous_version(sources, title, publisher, url)[0] == expected


def test_explicit_version_of_must_exist(ds):
    with pytest.raises(IngestError, match="no such source"):
        prepare(b"A new text. It differs.", "n.txt", ds, Options(version_of="src-000000000000"))


def test_text_without_a_source_line_or_date(ds):
    text = "Pakistan's army said on Tuesday it had freed most hostages. The TTP denied it."
    result = prepare(text.encode(), "memo.txt", ds)
    assert result.source["publisher"] == "not stated" and result.source["published"] is None
    assert list(result.claims["text"]) == [
        "Pakistan's army said on Tuesday it had freed most hostages.",
        "The TTP denied it.",
    ]
    assert set(result.mentions["actor"]) == {"PAK", "TTP"}


def test_analyst_publication_date_resolves_relative_dates_as_analyst_supplied(ds):
    text = "BLA militants attacked a convoy in Pakistan on Tuesday, officials said."
    result = prepare(text.encode(), "memo.txt", ds, Options(published=dt.date(2025, 3, 12), reliability="C"))
    (event,) = result.events.itertuples()
    assert (event.event_type, event.date_start, event.date_precision) == ("attack", dt.date(2025, 3, 11), "day")
    assert event.date_basis == "analyst" and "supplied by the analyst" in event.date_note
    assert event.country == "Pakistan"
    assert result.source["reliability"] == "C"


MARKDOWN = b"""# Weekly brief

The Balochistan Liberation Army (BLA) seized a train
on 11 March 2025, officials said.

## Outlook
- Prime Minister Shehbaz Sharif will visit Quetta.
- The BLA may strike again.

Original Source: example.org
"""


def test_markdown_with_headings_and_lists(ds):
    result = prepare(MARKDOWN, "weekly.md", ds)
    assert result.source["title"] == "Weekly brief" and result.source["publisher"] == "example.org"
    assert list(result.claims["text"]) == [
        "The Balochistan Liberation Army (BLA) seized a train on 11 March 2025, officials said.",
        "Prime Minister Shehbaz Sharif will visit Quetta.",
        "The BLA may strike again.",
    ]
    assert list(result.claims["kind"]) == ["reported_fact", "forecast", "forecast"]
    assert set(result.mentions.loc[result.mentions["claim_id"].str.endswith("-03"), "actor"]) == {"BLA"}
    assert list(result.candidates["name"]) == ["Shehbaz Sharif"]
    seizure = result.events[result.events["event_type"] == "seizure"].iloc[0]
    assert (seizure["date_start"], seizure["date_precision"], seizure["date_basis"]) == (
        dt.date(2025, 3, 11),
        "day",
        "source",
    )


def test_html_with_navigation_and_boilerplate(ds):
    from test_ingest_formats import HTML

    result = prepare(HTML.encode(), "page.html", ds)
    assert result.source["publisher"] == "Example News"
    assert result.source["published"] == dt.date(2025, 3, 12)
    assert len(result.claims) == 6
    assert not result.claims["text"].str.contains("cookies|Copyright|Home").any()
    assert {"Ahmed Khan", "Quetta Civil Hospital", "Shehbaz Sharif"} == set(result.candidates["name"])
    seizure = result.events[result.events["event_type"] == "seizure"].iloc[0]
    assert seizure["date_start"] == dt.date(2025, 3, 11), "'on Tuesday' before Wednesday 12 March 2025"


def test_a_document_with_no_sentences_is_refused(ds):
    with pytest.raises(IngestError, match="no sentences"):
        prepare(b"...\n--\n", "dots.txt", ds)


def test_candidate_mentions_use_their_acronym_elsewhere(ds):
    text = b"The Jamaat Liberation Front (JLF) attacked a post. Later the JLF withdrew."
    result = prepare(text, "jlf.txt", ds)
    (candidate,) = result.candidates.itertuples()
    assert (candidate.actor_id, candidate.kind, candidate.mentions, candidate.claims) == (
        "JLF",
        "armed_group",
        3,
        "01, 02",
    )


def test_accept_all_marks_candidates_and_events(ds):
    result = prepare(MARKDOWN, "weekly.md", ds).accept_all(actors=True, events=False)
    assert result.candidates["accept"].all() and not result.events["accept"].any()


_ALPHABET = st.sampled_from(
    list("abc XYZ.!?\n\t-*•“”\"'’()0123456789") + ["U.S.", "Dr.", "e.g.", "Pakistan", "é", "😀"]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(_ALPHABET, max_size=60), fmt=st.sampled_from(["t.txt", "t.md"]))
def test_offsets_always_slice_back_to_the_claim_text(context, parts, fmt):
    data = "".join(parts).encode("utf-8")
    try:
        document = read_document(data, fmt)
    except Exception as exc:  # only the one-line refusals are allowed
        assert type(exc).__name__ == "IngestError"
        return
    spans = claim_spans(document)
    assert spans == sorted(spans) and all(a < b for a, b in spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:])), "claims never overlap"
    if not spans:
        return
    claims, mentions, *_ = frames(document, "src-test", context)
    for claim in claims.itertuples():
        assert document.text[claim.start : claim.end] == claim.text
        assert claim.text == claim.text.strip() and claim.text
    for mention in mentions.itertuples():
        assert document.text[mention.start : mention.end] == mention.surface


def test_options_left_empty_fall_back_to_the_file(ds):
    result = prepare(MARKDOWN, "weekly.md", ds, replace(Options(), title="  ", publisher=""))
    assert result.source["title"] == "Weekly brief"


@pytest.mark.parametrize(
    ("title", "publisher", "published", "reliability", "expected"),
    [
        ("Weekly brief", "example.org", None, "F", None),  # nothing changed: the file's own values stand
        ("Renamed", "example.org", None, "F", Options(title="Renamed")),
        ("Weekly brief", "", None, "B", Options(reliability="B")),  # an emptied field falls back to the file
        ("Weekly brief", "example.org", dt.date(2025, 3, 14), "F", Options(published=dt.date(2025, 3, 14))),
    ],
)
def test_page_options_hold_only_what_the_analyst_changed(ds, title, publisher, published, reliability, expected):
    from dossier.ingest.review import options_for

    first = prepare(MARKDOWN, "weekly.md", ds)
    assert options_for(first, title, publisher, published, reliability) == expected


def test_page_summaries(ds):
    from dossier.ingest.review import counts_line, highlight_frame, pending_line, source_line

    result = prepare(MARKDOWN, "weekly.md", ds)
    assert source_line(result).startswith(f"{result.source_id} · example.org · publication date not stated · Markdown")
    assert counts_line(result).startswith("3 claims (2 forecast, 1 reported fact)")
    kept = result.claims.assign(keep=[True, False, True])
    assert list(highlight_frame(result, kept)["grade"]) == ["F6", "F6"]
    assert pending_line([result.accept_all()], "/data").startswith("Commit writes 1 source(s), 3 claims, 1 accepted")
    assert pending_line([], "/data") == "Nothing to commit."


def test_hard_wrapped_plain_text_keeps_sentences_across_line_breaks(ds):
    text = (
        "Officials in Pakistan said on Tuesday that the convoy had been attacked\n"
        "near the border crossing. They gave no figure for the casualties, and\n"
        "the army declined to comment further on the incident at the time.\n"
        "\n"
        "Talks with the TTP have stalled since the start of the year, according\n"
        "to three people who took part in them and spoke on condition of anonymity.\n"
    )
    result = prepare(text.encode(), "wrapped.txt", ds)
    assert result.document.soft_wrap
    assert len(result.claims) == 3
    assert result.claims["text"].iloc[0].endswith("attacked\nnear the border crossing.")


def test_claim_numbers_widen_past_99(ds):
    text = " ".join(f"Sentence number {i} is here." for i in range(1, 121))
    ids = prepare(text.encode(), "long.txt", ds).claims["claim_id"]
    assert ids.iloc[0].endswith("-001") and ids.iloc[-1].endswith("-120") and ids.is_unique


@pytest.mark.parametrize(
    ("text", "event_type", "roles"),
    [
        ("The BLA hijacked the Jaffar Express in Pakistan.", "hijacking", {("BLA", "subject"), ("PAK", "location")}),
        ("Pakistan was attacked by the TTP.", "attack", {("TTP", "subject"), ("PAK", "object")}),
        ("A U.S. drone strike killed an IS-K planner.", "drone strike", {("USA", "subject"), ("IS-K", "object")}),
        (
            "The TTP claimed responsibility for a suicide bombing against Pakistan.",
            "suicide bombing",
            {("TTP", "subject"), ("PAK", "object")},
        ),
        ("Pakistan blamed the TTP for the attack.", "attack", {("PAK", "associated"), ("TTP", "subject")}),
        ("The TTP kidnapped two Pakistani officials.", "kidnapping", {("TTP", "subject"), ("PAK", "object")}),
        ("U.S. airstrikes hit IS-K positions.", "airstrike", {("USA", "subject"), ("IS-K", "object")}),
        ("The IMF approved a loan to Pakistan.", "loan", {("IMF", "subject"), ("PAK", "object")}),
    ],
)
def test_event_types_and_roles_from_sentence_structure(ds, text, event_type, roles):
    result = prepare(text.encode(), "e.txt", ds)
    event = result.events[result.events["event_type"] == event_type]
    assert len(event) == 1, list(result.events["event_type"])
    found = result.event_actors[result.event_actors["event_id"] == event.iloc[0]["event_id"]]
    assert set(zip(found["actor"], found["role"])) == roles


@pytest.mark.parametrize(
    "text",
    [
        "The TTP is responsible for numerous attacks in Pakistan.",  # a kind of event, not one
        "This attack came hours after Pakistan warned the TTP.",  # an event already told
        "Pakistan must address the TTP threat.",  # what ought to happen
        "The TTP has declared its intention to attack American targets.",  # what is meant
        "The TTP specializes in armed attacks and bombings.",  # what it habitually does
        "The TTP conducted numerous anti-Pakistani attacks, including suicide bombings.",  # a list the generic heads
        "U.S. citizens have died in the TTP's attacks.",  # a possessive before the undated plural
    ],
)
def test_generic_or_anaphoric_mentions_are_not_events(ds, text):
    assert prepare(text.encode(), "e.txt", ds).events.empty


def test_year_less_dates_take_the_year_from_the_text_before_the_publication_date(ds):
    text = (
        "On 16 December 2014, TTP gunmen attacked a school in Peshawar.\n\n"
        "On 17 December, Pakistan launched airstrikes against the TTP."
    )
    result = prepare(text.encode(), "h.txt", ds, Options(published=dt.date(2024, 12, 2)))
    strike = result.events[result.events["event_type"] == "airstrike"].iloc[0]
    assert (strike["date_start"], strike["date_precision"]) == (dt.date(2014, 12, 17), "day")
    assert "‘16 December 2014’ earlier in the text" in strike["date_note"] and strike["date_basis"] == "source"


def test_editing_the_details_reuses_the_cached_analysis(ds):
    from dossier.ingest.pipeline import Context

    context = Context(ds)
    text = b"The TTP attacked a post in Pakistan on Tuesday."
    first = prepare(text, "memo.txt", ds, context=context)
    (cached,) = context.cache.values()
    second = prepare(text, "memo.txt", ds, Options(published=dt.date(2025, 3, 12), title="Memo"), context)
    assert context.cache[next(iter(context.cache))] is cached, "one analysis, not two"
    assert first.events["date_start"].isna().all() and second.events["date_start"].tolist() == [dt.date(2025, 3, 11)]
    assert second.source["title"] == "Memo" and second.claims.equals(first.claims)


@pytest.mark.parametrize(
    ("text", "types"),
    [
        (  # two dated incidents of one type are two events
            "The TTP carried out the December 2009 suicide attack on a U.S. base, "
            "as well as the April 2010 suicide bombing against the U.S. Consulate.",
            ["suicide bombing", "suicide bombing"],
        ),
        (  # a list of dated incidents keeps each, shadowed types included
            "The TTP's attacks include the 2014 Peshawar school attack and the 2016 Lahore suicide bombing.",
            ["attack", "suicide bombing"],
        ),
        ("The TTP carried out a suicide attack in Pakistan in May 2014.", ["suicide bombing"]),  # one event only
        ("The TTP entered into peace talks with Pakistan in early 2014, but the talks collapsed in June.", ["talks"]),
        ("The terrorist attacks of September 2001 transformed U.S. relations with Pakistan.", ["attack"]),
        ("The TTP is suspected in the 2007 assassination of a Pakistani leader.", ["attack"]),
        ("In 2023 the TTP launched a barrage of missiles at Pakistan.", ["attack"]),
    ],
)
def test_dated_incidents_are_events_each(ds, text, types):
    result = prepare(text.encode(), "e.txt", ds)
    assert sorted(result.events["event_type"]) == sorted(types)


@pytest.mark.parametrize(
    ("text", "event_type", "roles"),
    [
        (  # the accused did it; the accuser only says so
            "The TTP has been accused by India of attacking military targets.",
            "attack",
            {("TTP", "subject"), ("IND", "associated")},
        ),
        ("The TTP is suspected of involvement in the 2007 assassination.", "attack", {("TTP", "subject")}),
        (  # a state "within" which the actor acts is the place, not the attacker
            "The TTP movement within Pakistan attacked India.",
            "attack",
            {("TTP", "subject"), ("PAK", "location"), ("IND", "object")},
        ),
        (
            "On 15 August the TTP took over the city of Kabul.",
            "fall of city",
            {("TTP", "subject"), ("AFG", "location")},
        ),
        (  # "by" after another verb names that verb's agent, not the attacker
            "The TTP attacked villages inhabited by Pakistani Hazaras.",
            "attack",
            {("TTP", "subject"), ("PAK", "object")},
        ),
        (  # the one charged did it; a state named inside the charge is what was hit
            "The Pakistani government accused the BLA of being involved in the 2019 Indian embassy attack.",
            "attack",
            {("BLA", "subject"), ("PAK", "associated"), ("IND", "object")},
        ),
        (  # a possessor before a year and a place name is the perpetrator
            "Pakistan did not prosecute the planners of the TTP’s 2014 Peshawar attack.",
            "attack",
            {("TTP", "subject"), ("PAK", "associated")},
        ),
    ],
)
def test_event_roles_of_accusations_and_other_agents(ds, text, event_type, roles):
    result = prepare(text.encode(), "e.txt", ds)
    event = result.events[result.events["event_type"] == event_type]
    found = result.event_actors[result.event_actors["event_id"] == event.iloc[0]["event_id"]]
    assert set(zip(found["actor"], found["role"])) == roles


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("The Trump Administration designated the TTP.", {"USA", "TTP"}),  # a government is its state
        ("President Trump designated the TTP.", {"donald-trump", "TTP"}),
        ("The U.S. Department of State designated the TTP.", {"TTP"}),  # the department, not also the state
        ("The U.S. Consulate in Peshawar was attacked by the TTP.", {"USA", "TTP"}),
    ],
)
def test_governments_and_departments_named_with_their_state(ds, text, actors):
    result = prepare(text.encode(), "a.txt", ds)
    assert set(result.mentions.loc[result.mentions["known"], "actor"]) == actors


@pytest.mark.parametrize(
    "text",
    [
        "The TTP's takeover of Swat followed the talks.",
        "The withdrawal allowed the TTP to take full control of the valley.",
    ],
)
def test_takeovers_are_seizures(ds, text):
    assert "seizure" in set(prepare(text.encode(), "s.txt", ds).events["event_type"])


@pytest.mark.parametrize(
    ("publisher", "perceiver"),
    [("U.S. Department of State", "USA"), ("Dawn (Pakistan)", None)],  # an official body speaks for its state
)
def test_a_first_person_view_in_an_official_document_is_its_states(context, publisher, perceiver):
    text = f"Title: Statement\nPublisher: {publisher}\n\nWe remain concerned about the TTP and its attacks in India.\n"
    analysis = analyse(read_document(text.encode(), "statement.txt"), "src-test", context)
    found = set(zip(analysis.assessments["perceiver"], analysis.assessments["threat"]))
    assert found == ({(perceiver, "TTP")} if perceiver else set())


@pytest.mark.parametrize(
    "text",
    [
        "The sanctions deny the TTP the funds to plan and carry out attacks.",  # what is made possible, not done
        "A TTP leader called on Pakistan's youth to launch attacks on the state.",  # what is called for
    ],
)
def test_attacks_after_an_infinitive_are_not_events(ds, text):
    assert prepare(text.encode(), "e.txt", ds).events.empty


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("The 2019 Afghanistan–Pakistan border skirmishes killed ten.", {("AFG", "subject"), ("PAK", "object")}),
        (
            "The TTP lost its most senior commander in battle with Pakistan in May 2020.",
            {("TTP", "associated"), ("PAK", "object")},
        ),
    ],
)
def test_both_parties_of_a_clash_named_as_a_pair_or_after_with(ds, text, roles):
    result = prepare(text.encode(), "e.txt", ds)
    event = result.events[result.events["event_type"] == "clash"]
    assert len(event) == 1, list(result.events["event_type"])
    found = result.event_actors[result.event_actors["event_id"] == event.iloc[0]["event_id"]]
    assert set(zip(found["actor"], found["role"])) == roles


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (  # the claimer, not a place named before the event noun; the head of an appositive claims
            "The TTP, a Pakistani militant group, claimed responsibility for the Quetta attack in 2023.",
            {("TTP", "subject")},
        ),
        (  # a participle of the event noun's own: its agent after "by"
            "Pakistan mourned the 2014 attacks conducted by the TTP.",
            {("TTP", "subject")},
        ),
    ],
)
def test_claimers_and_agents_of_an_event_noun(ds, text, roles):
    result = prepare(text.encode(), "e.txt", ds)
    event = result.events[result.events["event_type"] == "attack"]
    assert len(event) == 1, list(result.events["event_type"])
    found = result.event_actors[result.event_actors["event_id"] == event.iloc[0]["event_id"]]
    assert roles <= set(zip(found["actor"], found["role"]))


@pytest.mark.parametrize(
    "text",
    [
        "In March 2015, the TTP carried out attacks on two churches in Lahore.",  # a dated plural is told
        "The TTP said they were responsible for the attacks.",  # definite: the attacks just told of
        "Pakistan arrested the planner of the TTP’s 2014 Peshawar attacks.",  # a possessive, but a year: one event
    ],
)
def test_dated_or_definite_plurals_stay_events(ds, text):
    assert "attack" in set(prepare(text.encode(), "e.txt", ds).events["event_type"])
