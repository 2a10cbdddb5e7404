"""Sentence segmentation for ingest: abbreviations, initials, quotes, lists and wrapped lines."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dossier.text import split_sentences

DATA = Path(__file__).resolve().parents[1] / "data"


def sentences(text: str, soft_wrap: bool = False) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, soft_wrap=soft_wrap)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Ahmed Khan said 21 died. Officials agreed.", ["Dr. Ahmed Khan said 21 died.", "Officials agreed."]),
        ("No. 5 Squadron flew. It landed.", ["No. 5 Squadron flew.", "It landed."]),
        ("Groups, e.g. the TTP, refused. Others did not.", ["Groups, e.g. the TTP, refused.", "Others did not."]),
        ("U.S. Vice President J.D. Vance is poised to visit India. Talks follow.",
         ["U.S. Vice President J.D. Vance is poised to visit India.", "Talks follow."]),
        ("Support came from the U.S. The next day it ended.", ["Support came from the U.S.", "The next day it ended."]),
        ("John J. Smith spoke. Gen. Asim Munir replied.", ["John J. Smith spoke.", "Gen. Asim Munir replied."]),
        ('He said, "We will attack." Then he left.', ['He said, "We will attack."', "Then he left."]),
        ("“We will not stop,” he said. “Never.” It ended.", ["“We will not stop,” he said.", "“Never.”", "It ended."]),
        ("It rose approx. ten percent. Then fell.", ["It rose approx. ten percent.", "Then fell."]),
        ("Was it? Yes! Fine.", ["Was it?", "Yes!", "Fine."]),
        ("- First item\n- Second one. Two more.\n* Third", ["First item", "Second one.", "Two more.", "Third"]),
        ("1. Numbered one\n2) Numbered two\n10. Tenth", ["Numbered one", "Numbered two", "Tenth"]),
        ("Heading\nBody line one. Body two.", ["Heading", "Body line one.", "Body two."]),
    ],
)  # fmt: skip
def test_split_sentences(text: str, expected: list[str]):
    assert sentences(text) == expected


def test_soft_wrap_joins_lines_inside_a_paragraph_only():
    text = "A hard-wrapped paragraph that goes on\nacross lines. It ends.\n\nNew paragraph\n- item one\n- item two"
    assert sentences(text, soft_wrap=True) == [
        "A hard-wrapped paragraph that goes on\nacross lines.",
        "It ends.",
        "New paragraph",
        "item one",
        "item two",
    ]


def test_bundled_brief_gives_exactly_the_curated_claim_spans():
    text = (DATA / "sources" / "src-a5dc40561693.txt").read_text(encoding="utf-8")
    claims = pd.read_csv(DATA / "claims.csv")
    spans = [(s.start, s.end) for s in split_sentences(text)]
    assert spans[:-1] == list(zip(claims["start"], claims["end"]))
    assert text[spans[-1][0] : spans[-1][1]] == "Original Source: foreignpolicy.com"


LONG = "x" * 150  # a line far longer than the old 100-character limit for hard wraps


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"The TTP {LONG} attacked\nthe post. It fled.", [f"The TTP {LONG} attacked\nthe post.", "It fled."]),
        (
            f"Islamabad accuses the Taliban {LONG} of\nsheltering the TTP. Kabul denies it.",
            [f"Islamabad accuses the Taliban {LONG} of\nsheltering the TTP.", "Kabul denies it."],
        ),
        (
            f"Officials in Pakistan said that {LONG}\nIslamabad had agreed. It ended.",
            [f"Officials in Pakistan said that {LONG}\nIslamabad had agreed.", "It ended."],
        ),
        ("In\n2024, the IMF approved a loan. Then it paid.", ["In\n2024, the IMF approved a loan.", "Then it paid."]),
        ("Paragraph one ends here\n\nParagraph two.", ["Paragraph one ends here", "Paragraph two."]),
        (
            "It is an armed group.[6] In 2007 groups united.[27][28] They grew.",
            ["It is an armed group.[6]", "In 2007 groups united.[27][28]", "They grew."],
        ),
        ("The attack[6] killed 149 people. Officials wept.", ["The attack[6] killed 149 people.", "Officials wept."]),
        ("Lt. Col. Ahmed Khan said so. Gen. Munir agreed.", ["Lt. Col. Ahmed Khan said so.", "Gen. Munir agreed."]),
        ("Groups (i.e. the TTP) fought. No. 3 fell.", ["Groups (i.e. the TTP) fought.", "No. 3 fell."]),
        (
            "Leaders: Noor Wali Mehsud\nFounded: December 2007\nThe TTP grew.",
            ["Leaders: Noor Wali Mehsud", "Founded: December 2007", "The TTP grew."],
        ),
    ],
)
def test_line_breaks_citations_and_abbreviations(text: str, expected: list[str]):
    assert sentences(text, soft_wrap=True) == expected


WRAPPED = [  # a hard-wrapped paragraph at about 60 columns, with a labelled first line
    "Summary: The Northern Front was named a terrorist group in",
    "May 2015 by the two governments after raids in the Western",
    "Province. Its aims: to hold towns along the coast and the river",
    "Valley, Port Aster, Ruritania and Old Harbour Town. In",
    "June 2016 the group seized the two towns along the Blue River.",
]


@pytest.mark.parametrize(
    "line",
    range(len(WRAPPED) - 1),
)
def test_labelled_and_title_case_lines_of_a_wrapped_paragraph_run_on(line: int):
    """A labelled line at full width ("Summary: ... in" before "May"), a line before one that opens with
    "Word. Its aims: to" (no key holds a sentence end) and a title-case line that ends a sentence inside it
    ("Old Harbour Town. In") are wraps, not rows or headings."""
    text = "\n".join(WRAPPED)
    found = sentences(text, soft_wrap=True)
    assert not any(s.endswith(WRAPPED[line].split()[-1]) for s in found), found
    assert len(found) == 3


@pytest.mark.parametrize("label", ["Description: ", ""])
def test_a_line_that_breaks_before_an_acronym_in_parentheses_runs_on(label: str):
    """ "Lashkar I Jhangvi\n(LJ) is ...": the parenthesis continues the name on the line before, whether or
    not that line opens with a label; cutting there loses the name and the acronym that the rest of the
    text uses."""
    text = (
        f"{label}Designated as a terrorist group on May 30, 2003, the Northern Army of\n"
        "Ruritania and the Coast\n(NARC) is the armed offshoot of the Blue River movement of\n"
        "the Western Province. NARC carries out attacks in Port Aster and\nOld Harbour Town."
    )
    found = sentences(text, soft_wrap=True)
    assert len(found) == 2, found
    assert "\n(NARC) is the armed offshoot" in found[0]


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        ("HISTORY\nThe TTP attacked a school in Peshawar.", ["The TTP attacked a school in Peshawar."]),
        (
            "Leaders: Mufti Noor Wali Mehsud\nDates of operation: 2007 – present\nThe TTP attacked a post.",
            ["The TTP attacked a post."],
        ),
        ("Overview: The TTP attacked a post last week.", ["The TTP attacked a post last week."]),  # label dropped
        ("Pakistan Faces a Rising Threat\nThe TTP attacked a post.", ["The TTP attacked a post."]),
        (
            "- The BLA attacks trains in Balochistan\n- Kabul denies it\n- Kabul denies that it shelters the TTP",
            ["The BLA attacks trains in Balochistan", "Kabul denies that it shelters the TTP"],
        ),
        ("Yes! The army said so.", ["The army said so."]),
        ("^ Retrieved 12 March 2024.\nThe army said so.", ["The army said so."]),
    ],
)
def test_headings_infobox_rows_and_fragments_are_not_claims(text: str, claims: list[str]):
    from dossier.ingest.sentences import claim_spans

    assert [text[a:b] for a, b in claim_spans(text, [])] == claims


INFOBOX = (
    "Red Sea crisis\n"
    "Date19 October 2023 – present\n"
    "Status Ongoing\n"
    "Commanders and leaders\n"
    "Specific units:\n"
    "Casualties and losses\n"
    "6 Egyptian civilians wounded\n"
    "1 Yemeni civilian killed and 8 others injured\n"
    "Two ships have been hijacked by militants. At least 10 ships have been damaged.\n"
    "\n"
    "The Red Sea crisis is an ongoing military standoff that began in October 2023.\n"
)


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        (INFOBOX, ["The Red Sea crisis is an ongoing military standoff that began in October 2023."]),
        (  # a label glued to an infobox value, among other rows
            "Date21 April 2019\nAttack type\nTarget Christians and tourists\nDeaths359[2]\nInjuredappr. 500[3]\n"
            "InquiryPresident Sirisena invoked emergency laws.[12]\n"
            "Charges9 charged with supplying paraphernalia\n\nThe bombings killed 269 people.",
            ["The bombings killed 269 people."],
        ),
        (  # one heading above a paragraph is no infobox
            "Summary\nThe group attacked a post. It was repelled.\n\nThe army said so.",
            ["The group attacked a post.", "It was repelled.", "The army said so."],
        ),
        (  # a press release's heading lines above its only paragraph are no infobox
            "Statement by the Secretary of Defense\nAugust 26, 2021\nFor Immediate Release\nWashington\n"
            "Today, thirteen service members were killed in an attack at the airport.",
            ["Today, thirteen service members were killed in an attack at the airport."],
        ),
        (  # a short paragraph next to a paragraph is kept, whatever rows come before it
            "Date19 October 2023 – present\nStatus Ongoing\nCasualties and losses\nThe group attacked a post.\n"
            "The army repelled the attack on the post in the early hours of the morning, officials said.",
            [
                "The group attacked a post.",
                "The army repelled the attack on the post in the early hours of the morning, officials said.",
            ],
        ),
    ],
)
def test_a_short_line_among_infobox_rows_is_a_row(text: str, claims: list[str]):
    from dossier.ingest.sentences import claim_spans

    assert [text[a:b] for a, b in claim_spans(text, [])] == claims


def test_hard_wrapped_lines_are_prose_not_infobox_rows():
    from dossier.ingest.sentences import claim_spans

    text = (
        "The Islamic State Khorasan Province is a regional branch of the group\n"
        "active in South-Central Asia, primarily Afghanistan, and it has grown\n"
        "since its founding in 2015 through the recruitment of local fighters\n"
        "from other groups. It attacked a school.\n"
    )
    claims = [text[a:b] for a, b in claim_spans(text, [], wrapped=True)]
    assert claims[-1] == "It attacked a school."
    assert len(claims) == 2


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        (  # an image caption alone between paragraphs
            "The attack killed 13 soldiers.\n\nThe United States Air Force at Kabul airport during evacuations.\n\n"
            "Media said there was a second explosion.",
            ["The attack killed 13 soldiers.", "Media said there was a second explosion."],
        ),
        (  # a one-sentence paragraph with a verb stays a claim
            "The attack killed 13 soldiers.\n\nThe Taliban took control of the airport.\n\nMedia said so.",
            ["The attack killed 13 soldiers.", "The Taliban took control of the airport.", "Media said so."],
        ),
        (  # a plural subject with a verb in its base form
            "The attack killed 13 soldiers.\n\nTensions remain high along the border.\n\nMedia said so.",
            ["The attack killed 13 soldiers.", "Tensions remain high along the border.", "Media said so."],
        ),
        (  # a one-line paragraph opened by a pronoun is a clause, whatever its verb
            "The attack killed 13 soldiers.\n\nWe stand with their families.\n\nMedia said so.",
            ["The attack killed 13 soldiers.", "We stand with their families.", "Media said so."],
        ),
        (  # a wiki revision banner
            "This is an old revision of this page, as edited by Someone (talk | contribs) at 04:49, 25 April 2019. "
            "The present address (URL) is a permanent link to this revision, which may differ from the current "
            "revision.\n\nThe bombings killed 269 people.",
            ["The bombings killed 269 people."],
        ),
        (  # list items that only continue the lead-in sentence
            "Congress has taken keen interest. Vital U.S. interests are at stake in this engagement related to\n"
            "- regional and global terrorism;\n"
            "- efforts to stabilize Afghanistan and the broader region;\n"
            "- links between Pakistan and indigenous American terrorism;\n"
            "- democratization and human rights protection; and\n- economic development.",
            ["Congress has taken keen interest.", "Vital U.S. interests are at stake in this engagement related to"],
        ),
        (  # a lower-case name opens a sentence of its own
            "Key findings:\n- al-Shabaab remains capable of attacks in Kenya;\n"
            "- Kabul denies that it shelters the TTP.",
            ["al-Shabaab remains capable of attacks in Kenya;", "Kabul denies that it shelters the TTP."],
        ),
        (  # a list item that is a sentence of its own stays a claim
            "Findings:\n- The TTP attacked a post in Swat;\n- Kabul denies that it shelters the TTP.",
            ["The TTP attacked a post in Swat;", "Kabul denies that it shelters the TTP."],
        ),
        (  # a short verbless line is a caption or label even with no blank line around it (Markdown as text)
            "Site Name\nA photograph of the convoy near the border.\nThe convoy was attacked near the border at dawn.",
            ["The convoy was attacked near the border at dawn."],
        ),
        (  # a short line with a verb, or a long one, stays a claim
            "The group denies the charge.\nOfficials in the province later confirmed that the convoy was hit.",
            ["The group denies the charge.", "Officials in the province later confirmed that the convoy was hit."],
        ),
        (  # a lead-in sentence that ends with a colon, alone on its line, is a claim; a label is not
            "Several lawmakers have focused on three effects of the new rule on national interests:\nSecurity",
            ["Several lawmakers have focused on three effects of the new rule on national interests:"],
        ),
    ],
)
def test_captions_banners_and_list_continuations_are_not_claims(text: str, claims: list[str]):
    from dossier.ingest.sentences import claim_spans

    assert [text[a:b] for a, b in claim_spans(text, [])] == claims


BODY = "The movement was founded in a river town and grew quickly in the years after."


@pytest.mark.parametrize(
    "hatnote",
    [
        "This article is about the river movement.",
        "For the political party, see Blue River Party.",
        "For other uses, see Blue River (disambiguation).",
        "Not to be confused with the Red River Front.",
        '"Blue Front" redirects here.',
    ],
)
def test_wiki_hatnotes_are_not_claims(hatnote: str):
    from dossier.ingest.sentences import claim_spans

    text = f"{hatnote}\n\n{BODY}"
    assert [text[a:b] for a, b in claim_spans(text, [])] == [BODY]


WRAPPED_AFTER_INFOBOX = (
    "Title: Nueva Gente\n"
    "\n"
    "Nueva Gente\n"
    "- Leader: Abimael Quispe\n"
    "- International: Andean Front\n"
    "- Ideology: Maoism, Marxism-Leninism, Anti-imperialism, Anti-revisionism, Agrarian socialism, Peruvian "
    "nationalism, Gonzalo Thought, People's war doctrine and a long list of other currents of thought\n"
    "- Position: Far-left\n"
    "- Religion: None\n"
    "- National: Popular Democratic Front\n"
    "- Country: Peru\n"
    "\n"
    "Nueva Gente (NG; Quechua: Musuq Runa) is a Peruvian militant group that\n"
    "was founded in the highlands. During the war, it was the largest of the\n"
    "armed groups of the Andes (Peru). It is part\n"
    "of the Popular Democratic Front (PDF) in the 4th, 5th, and 6th\n"
    "Brigades, fighting the government in the south of the country.\n"
    "\n"
    "NG has claimed responsibility for over 600 attacks on police posts\n"
    "between 2006 and 2011. The militia's main tactic was to plant mines along\n"
    "the roads used by the army.\n"
)


def test_a_hard_wrapped_paragraph_below_infobox_rows_is_prose():
    """Infobox rows ("- Ideology: ...", as long as their value) say nothing of the wrap width: the paragraphs
    below them are still wrapped prose, whole sentences, not rows; and a wrapped line that opens in lower case
    ("of the Popular ... in the 41st") is no title-case heading."""
    from dossier.ingest.formats import read_document
    from dossier.ingest.sentences import claim_spans

    doc = read_document(WRAPPED_AFTER_INFOBOX.encode(), "ng.txt")
    assert doc.soft_wrap
    claims = [" ".join(doc.text[a:b].split()) for a, b in claim_spans(doc.text, doc.skip, doc.soft_wrap)]
    assert claims == [
        "Nueva Gente (NG; Quechua: Musuq Runa) is a Peruvian militant group that was founded in the highlands.",
        "During the war, it was the largest of the armed groups of the Andes (Peru).",
        "It is part of the Popular Democratic Front (PDF) in the 4th, 5th, and 6th Brigades, fighting the "
        "government in the south of the country.",
        "NG has claimed responsibility for over 600 attacks on police posts between 2006 and 2011.",
        "The militia's main tactic was to plant mines along the roads used by the army.",
    ]


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        (  # a gloss abbreviation ends no sentence: "lit.", "translit.", "abbr."
            "Nueva Gente (Quechua: Musuq Runa, lit. 'New People'; abbr. NG) is a militant group.",
            ["Nueva Gente (Quechua: Musuq Runa, lit. 'New People'; abbr. NG) is a militant group."],
        ),
        (
            "Nueva Gente (Arabic: ناس, translit. Nas Jadid) is a militant group. It fights the army.",
            ["Nueva Gente (Arabic: ناس, translit. Nas Jadid) is a militant group.", "It fights the army."],
        ),
        ("The lamps were lit. The army withdrew.", ["The lamps were lit.", "The army withdrew."]),
        (  # a report entry's line of other names is no claim
            "Aka NG; Nueva Gente; al-Jabha al-Jadida; Supporters of the People; Musuq Runa; Peruvian People's "
            "Army; New People's Front of the Andes; Andean Liberation Committee; Friends of the Highland Prisoners "
            "Welfare Association.\n\nDescription: NG was designated in 1997.",
            ["NG was designated in 1997."],
        ),
        (  # a list item's verb inside a parenthesis asserts nothing
            "Leaders\n• Abimael Quispe (believed to be in hiding in Bolivia)\n• Ana Vilca (arrested in 2019)\n\n"
            "The group attacked a post.",
            ["The group attacked a post."],
        ),
        (  # numbered references without a "Retrieved" on their line
            'References\n  1. 1.0 1.1 "US sanctions four NG operatives in Peru". example.net. 22 November 2021.\n'
            '  7. "NG blames the army for "the" Puno attack".\n\nThe group attacked a post.',
            ["The group attacked a post."],
        ),
        (  # a numbered list item that quotes a statement is still a claim
            '1. The minister said "we will not negotiate" and left.\n\nThe group attacked a post.',
            ['The minister said "we will not negotiate" and left.', "The group attacked a post."],
        ),
    ],
)
def test_glosses_alias_lines_bulleted_names_and_numbered_references(text: str, claims: list[str]):
    from dossier.ingest.sentences import claim_spans

    assert [text[a:b] for a, b in claim_spans(text, [])] == claims
