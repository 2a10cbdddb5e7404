"""Reading files for ingest: bad input refused in one line, text decoded, Markdown and HTML reduced to text."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

from dossier.ingest import IngestError
from dossier.ingest.formats import MAX_BYTES, decode, detect_format, read_document
from dossier.ingest.markdown import inline, to_plain


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\t\n", "the file is empty"),
        (b"%PDF-1.7 ...", "binary (a PDF)"),
        (b"PK\x03\x04 word/document.xml", "binary (a ZIP container"),
        (b"\x89PNG\r\n\x1a\n", "binary (a PNG image)"),
        (b"text\x00with\x00nul", "contains NUL bytes"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 20 + b"abc", "control characters"),
        (b"\x81\x8d\x8f\x90\x9d", "not UTF-8 or Windows-1252"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "not valid utf-16-le"),
        (b"x" * (MAX_BYTES + 1), "over the 5.0 MB limit"),
    ],
)
def test_bad_input_is_refused_with_one_line(data: bytes, message: str):
    with pytest.raises(IngestError, match="^[^\n]*$") as caught:
        decode(data)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Pakistan’s army.".encode(), "Pakistan’s army.", "UTF-8"),
        (codecs.BOM_UTF8 + "Café.".encode(), "Café.", "UTF-8"),
        (codecs.BOM_UTF16_LE + "Pakistan’s army.".encode("utf-16-le"), "Pakistan’s army.", "UTF-16-LE"),
        (codecs.BOM_UTF16_BE + "Quetta.".encode("utf-16-be"), "Quetta.", "UTF-16-BE"),
        ("Café in Quetta – “quoted”.".encode("cp1252"), "Café in Quetta – “quoted”.", "Windows-1252"),
        ("Latin-1 only: señor.".encode("latin-1"), "Latin-1 only: señor.", "Windows-1252"),
    ],
)
def test_common_encodings_are_decoded(data: bytes, text: str, encoding: str):
    assert decode(data) == (text, encoding)


def test_size_limit_is_exactly_the_constant():
    assert decode(b"a" * MAX_BYTES)[0] == "a" * MAX_BYTES


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("brief.txt", "<html>", "text"),
        ("notes.MD", "# x", "markdown"),
        ("page.htm", "x", "html"),
        ("download", "<!DOCTYPE html><html>", "html"),
        ("download", "Plain words.", "text"),
    ],
)
def test_format_from_extension_then_content(name: str, text: str, expected: str):
    assert detect_format(name, text) == expected


def test_plain_text_keeps_every_character_but_normalises_line_endings():
    doc = read_document(b"First line.\r\nSecond line.\r\nOriginal Source: example.org\r\n", "b.txt")
    assert doc.text == "First line.\nSecond line.\nOriginal Source: example.org\n"
    assert doc.publisher == "example.org"
    assert doc.title == "b"
    assert [doc.text[s.start : s.end] for s in doc.skip] == ["Original Source: example.org"]


def test_text_without_a_source_line_has_no_publisher():
    doc = read_document(b"The army said it moved. Officials agreed.", "memo.txt")
    assert doc.publisher == "" and doc.skip == []


def test_source_line_with_a_url_gives_publisher_and_url():
    doc = read_document(b"Words here.\nOriginal Source: https://www.example.org/a/b", "x.txt")
    assert (doc.publisher, doc.url) == ("example.org", "https://www.example.org/a/b")


def test_source_line_counts_at_the_end_or_in_the_leading_header_only():
    doc = read_document(b"Body first.\nOriginal Source: example.org\nThen the body goes on.", "x.txt")
    assert doc.publisher == "" and doc.skip == []
    doc = read_document(b"Original Source: example.org\nThen the body goes on.", "x.txt")
    assert doc.publisher == "example.org" and [(s.start, s.end) for s in doc.skip] == [(0, 28)]


HEADER = (
    "Title: Pakistan: Terrorism Report\n"
    "Source: https://www.state.gov/reports/2023/pakistan/\n"
    "Publisher: U.S. Department of State\n"
    "Published: 12 March 2024\n"
    "Author: Bureau of Counterterrorism\n"
    "Licence: Public domain (U.S. government work)\n"
    "\n"
    "Overview: The TTP attacked a post last week.\n"
)


def test_leading_key_value_block_is_metadata_not_claims():
    doc = read_document(HEADER.encode(), "report.txt")
    assert (doc.title, doc.publisher, doc.url) == (
        "Pakistan: Terrorism Report",
        "U.S. Department of State",
        "https://www.state.gov/reports/2023/pakistan/",
    )
    assert (doc.published, doc.author, doc.licence) == (
        dt.date(2024, 3, 12),
        "Bureau of Counterterrorism",
        "Public domain (U.S. government work)",
    )
    assert [doc.text[s.start : s.end].split(":")[0] for s in doc.skip] == [
        "Title",
        "Source",
        "Publisher",
        "Published",
        "Author",
        "Licence",
    ]
    assert doc.text == HEADER, "the header is stored with the text; only its spans are skipped"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Warning: the TTP may strike.\nMore.", {}),  # an unknown key: a sentence, not a header
        ("Date: 2025-03-12\nWarning: x\n", {"published": "2025-03-12"}),  # the block stops at an unknown key
        ("\n\nURL: https://x.org/a\n\nTitle: late", {"url": "https://x.org/a"}),  # a blank line ends it
        (  # a short title line right above the block belongs to it
            "Annual Report on Terrorism\nPublisher: State\nDate: 2020-01-02\n\nBody.",
            {"title": "Annual Report on Terrorism", "publisher": "State", "published": "2020-01-02"},
        ),
        ("Annual Report on Terrorism\n\nPublisher: State\n", {}),  # not right above it: a heading
        ("The TTP attacked a post.\nDate: 2020-01-02\n", {}),  # a sentence is no title line
    ],
)
def test_header_block_rules(text, expected):
    from dossier.ingest.formats import header_block

    assert header_block(text)[0] == expected


def test_markdown_front_matter_and_html_meta_become_metadata():
    md = b"---\ntitle: A brief\nsource: https://example.org/x\ndate: 2025-03-12\nlicense: CC BY-SA 4.0\n---\nBody."
    doc = read_document(md, "x.md")
    assert (doc.title, doc.publisher, doc.url, doc.published, doc.licence, doc.text) == (
        "A brief",
        "example.org",
        "https://example.org/x",
        dt.date(2025, 3, 12),
        "CC BY-SA 4.0",
        "Body.",
    )


@pytest.mark.parametrize(
    ("markup", "plain"),
    [
        ("**bold** and *em* and _under_", "bold and em and under"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("2*3*4 stays", "2*3*4 stays"),
        ("`code *kept*` here", "code *kept* here"),
        ("[the U.S. Embassy](https://x.example) said", "the U.S. Embassy said"),
        ("![a map](m.png) shown", "a map shown"),
        (r"\*literal\* stars", "*literal* stars"),
        ("AT&amp;T and <b>tags</b>", "AT&T and tags"),
        ("~~struck~~ out", "struck out"),
    ],
)
def test_inline_markdown_is_stripped(markup: str, plain: str):
    assert inline(markup) == plain


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ("Killed in 2015.[21][22] Later.", "Killed in 2015.[21][22] Later."),  # citation markers, kept verbatim
        ("See [the report][crs].\n\n[crs]: https://x.example", "See the report."),  # a defined reference
        ("See [the report][CRS].\n\n[crs]: https://x.example", "See the report."),  # labels ignore case
        ("See [CRS][].\n\n[crs]: https://x.example", "See CRS."),  # collapsed reference
        ("See [the report][nowhere].", "See [the report][nowhere]."),  # undefined: text as written
    ],
)
def test_reference_style_links_need_a_definition(markdown: str, plain: str):
    assert to_plain(markdown).text == plain


MARKDOWN = """---
title: "Weekly brief: Balochistan"
date: 2025-03-14
---
# Weekly brief

The Balochistan Liberation Army (BLA) seized a train
on Tuesday, officials said. The attack could escalate.

## Key points
* Pakistan's army freed most hostages.
  1. A nested item.
- The [U.S. Embassy](https://example.org) condemned it.

Outlook
-------

```
code is dropped
```
> A quoted line.

| Actor | Role |
|---|---|
| BLA | attacker |
"""


def test_markdown_becomes_one_line_per_paragraph_heading_and_item():
    plain = to_plain(MARKDOWN)
    assert plain.text.split("\n") == [
        "Weekly brief",
        "The Balochistan Liberation Army (BLA) seized a train on Tuesday, officials said. The attack could escalate.",
        "Key points",
        "- Pakistan's army freed most hostages.",
        "1. A nested item.",
        "- The U.S. Embassy condemned it.",
        "Outlook",
        "A quoted line.",
        "Actor; Role",
        "BLA; attacker",
    ]
    assert [plain.text[h.start : h.end] for h in plain.headings] == ["Weekly brief", "Key points", "Outlook"]
    assert plain.meta == {"title": "Weekly brief: Balochistan", "date": "2025-03-14"}


def test_markdown_document_takes_title_and_date_from_front_matter():
    doc = read_document(MARKDOWN.encode(), "brief.md")
    assert doc.format == "markdown"
    assert doc.title == "Weekly brief: Balochistan"
    assert doc.published == dt.date(2025, 3, 14)
    assert "code is dropped" not in doc.text


HTML = """<!doctype html><html><head><title>BLA seizes train | Example News</title>
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://news.example.com/2025/03/bla-train">
<meta property="article:published_time" content="2025-03-12T08:00:00Z"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li>Subscribe now</li></ul></nav>
<div class="cookie-banner">We use cookies. Accept all cookies?</div>
<main><article><h1>BLA seizes train in Balochistan</h1>
<p>Militants of the Balochistan Liberation Army (BLA) seized a passenger train in Balochistan on Tuesday,
officials said. Dr. Ahmed Khan of the Quetta Civil Hospital said 21 people were killed.</p>
<h2>Reaction</h2>
<ul><li>Pakistan's army said it had freed most hostages.</li><li>The U.S. Embassy condemned the attack.</li></ul>
<p>The attack could mark an escalation, analysts said. Prime Minister Shehbaz Sharif will visit Quetta next week.</p>
</article></main>
<aside><h3>Most read</h3><ol><li><a href="/x">Celebrity wedding photos</a></li></ol></aside>
<footer>Copyright 2025 Example News. All rights reserved. <a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def test_html_keeps_the_article_and_drops_navigation_and_boilerplate():
    doc = read_document(HTML.encode(), "page.html")
    assert doc.format == "html"
    assert "Militants of the Balochistan Liberation Army (BLA) seized a passenger train" in doc.text
    assert "Prime Minister Shehbaz Sharif will visit Quetta next week." in doc.text
    for boilerplate in ("Home", "Subscribe", "cookies", "Celebrity", "Copyright", "Privacy"):
        assert boilerplate not in doc.text
    assert doc.title == "BLA seizes train in Balochistan"
    assert doc.publisher == "Example News"
    assert doc.url == "https://news.example.com/2025/03/bla-train"
    assert doc.published == dt.date(2025, 3, 12)
    headings = [doc.text[s.start : s.end] for s in doc.skip]
    assert "Reaction" in headings


def test_html_without_a_stated_date_gets_none():
    page = "<html><body><article><p>" + "Officials in Pakistan said on 5 May 2023 that talks went well. " * 3
    doc = read_document((page + "</p></article></body></html>").encode(), "page.html")
    assert doc.published is None, "a date in the body text is not the publication date"


def test_html_with_no_main_text_is_refused():
    with pytest.raises(IngestError, match="no main text"):
        read_document(b"<html><head><title>T</title></head><body><script>var x = 1;</script></body></html>", "e.html")


def test_wide_hard_wrapping_is_recognised_by_lines_that_run_on_in_lower_case():
    """PDF text wraps at 120-160 columns: too wide for the width test, but its lines stop mid-sentence."""
    line = "The armed group is dominated by former commanders and loyalists of its founder, indicating that the"
    wide = (
        "Report title\n\n"
        + line
        + " group has\nprioritized internal cohesion over outreach to other parts of the society or similar gestures"
        " advocated\nby the government and other countries. Some signs of dissension in its ranks along various lines"
        " have\nemerged, though the group has a history of managing internal disputes quietly and effectively.\n"
    )
    doc = read_document(wide.encode(), "wide.txt")
    assert doc.soft_wrap
    said = "says something about the state of affairs in the country, and what the government did about it"
    paragraphs = "\n".join(f"Paragraph {n} {said} in {n} weeks." for n in range(6))  # one paragraph a line, wide
    assert not read_document((paragraphs + "\n").encode(), "lines.txt").soft_wrap
