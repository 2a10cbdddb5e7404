"""A valid copy of the bundled data with script, HTML and Markdown payloads in every text field.

Payloads sit in document text (and so in claims), a source's title, publisher, URL, licence and
reliability basis, an actor's name and aliases, event titles, types, countries and date notes,
an assessment's note and trend and a relation's qualifier and note. Each payload that could run
calls ``alert(n)`` with its own number, so a dialog names the field that leaked.

``python tests/xss_data.py OUT`` writes the copy to OUT for a look by hand.
"""

from __future__ import annotations

import csv
import hashlib
import shutil
import sys
from pathlib import Path

BUNDLED = Path(__file__).resolve().parents[1] / "data"

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(2)</script>"
JS_URL = "javascript:alert(3)"
MD_LINK = "[click](javascript:alert(4))"
BOLD = "**bold**"
DIRECTIVE = ":red[x]"
# Every payload of the document text: a page shows each of these literally, or not at all.
PAYLOADS = (IMG, SCRIPT, JS_URL, MD_LINK, BOLD, DIRECTIVE)

SOURCE_ID = "src-xss"
SOURCE_TITLE = f"Hostile {SCRIPT} **title** {DIRECTIVE}"
PUBLISHER = "<b>evil</b>.example"
SOURCE_URL = "javascript:alert(5)"
ACTOR_ID = "XSF"
ACTOR_NAME = "<img src=x onerror=alert(7)> **Front**"
ALIASES = ("<script>alert(8)</script>", "**Bold Brigade**", ":red[Red Hand]")
EVENT_TYPE = "<i>raid</i>"
COUNTRY = "Xland <img src=x onerror=alert(9)> :red[zone]"
RAID_TITLE = f"{SCRIPT} raid by **XSF** {MD_LINK}"
LEAFLET_TITLE = "<svg onload=alert(10)> leaflets $x^2$ :blue[drop]"
UPLOAD_NAME = "<img src=x onerror=alert(6)>.txt"

SENTENCES = (  # (text, kind, key judgment)
    (f"The {IMG} Front attacked a convoy in Pakistan.", "reported_fact", False),
    (f"Officials said {SCRIPT} was painted at the site.", "reported_fact", False),
    (f"A leaflet linked to {JS_URL} and {MD_LINK} for recruits.", "reported_fact", False),
    (f"Analysts judge the {BOLD} threat {DIRECTIVE} will grow.", "forecast", True),
    ('Another leaflet read <a href="javascript:alert(11)">join</a> and <iframe src="javascript:alert(12)">.',
     "reported_fact", False),
)  # fmt: skip
DOCUMENT = " ".join(text for text, _, _ in SENTENCES) + "\n"
CLAIM_IDS = tuple(f"{SOURCE_ID}-{n:02d}" for n in range(1, len(SENTENCES) + 1))


def _append(folder: Path, name: str, rows: list[list]) -> None:
    with (folder / name).open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


HOSTILE_CLAIM_ID = "hostile-01"
HOSTILE_LINE = f"A source quoting {IMG} and **not bold** [not a link](javascript:alert(2)) :red[plain]."
HOSTILE_TITLE = f"Hostile {IMG} **title**"


def add_hostile_claim(folder: Path) -> str:
    """Add to ``folder`` one source whose text holds HTML and Markdown, and a claim over all of it."""
    data = (HOSTILE_LINE + "\n").encode()
    (folder / "sources" / "src-hostile.txt").write_bytes(data)
    source = ["src-hostile", HOSTILE_TITLE, "example.org", "", "", "2026-01-01", "", "F", "",
              "sources/src-hostile.txt", hashlib.sha256(data).hexdigest(), ""]  # fmt: skip
    claim = [
        HOSTILE_CLAIM_ID,
        "src-hostile",
        0,
        len(HOSTILE_LINE),
        "reported_fact",
        6,
        "false",
        "analyst",
        HOSTILE_LINE,
    ]
    _append(folder, "sources.csv", [source])
    _append(folder, "claims.csv", [claim])
    return HOSTILE_CLAIM_ID


def build(folder: Path) -> Path:
    """Copy the bundled data to ``folder`` (which must not exist) and add the hostile records."""
    shutil.copytree(BUNDLED, folder)
    data = DOCUMENT.encode("utf-8")
    (folder / "sources" / f"{SOURCE_ID}.txt").write_bytes(data)
    _append(folder, "sources.csv", [[
        SOURCE_ID, SOURCE_TITLE, PUBLISHER, SOURCE_URL, "2025-05-04", "2026-01-01", MD_LINK, "C",
        f"<b>basis</b> {DIRECTIVE}", f"sources/{SOURCE_ID}.txt", hashlib.sha256(data).hexdigest(), "",
    ]])  # fmt: skip
    claims = []
    for claim_id, (text, kind, key) in zip(CLAIM_IDS, SENTENCES):
        start = DOCUMENT.index(text)
        claims.append([claim_id, SOURCE_ID, start, start + len(text), kind, 3, str(key).lower(), "analyst", text])
    _append(folder, "claims.csv", claims)
    _append(folder, "actors.csv", [[ACTOR_ID, ACTOR_NAME, "armed_group", "Pakistan", "PAK", ";".join(ALIASES)]])
    _append(folder, "events.csv", [
        ["xss-raid", RAID_TITLE, EVENT_TYPE, "2025-05-01", "", "day", "source", "", "Pakistan", "3", "curated"],
        ["xss-leaflet", LEAFLET_TITLE, EVENT_TYPE, "2025-05-03", "", "day", "analyst",
         f"Analyst: {IMG} {BOLD}", COUNTRY, "", "curated"],
    ])  # fmt: skip
    _append(folder, "event_actors.csv", [
        ["xss-raid", ACTOR_ID, "subject"], ["xss-raid", "PAK", "object"], ["xss-leaflet", ACTOR_ID, "subject"],
    ])  # fmt: skip
    _append(folder, "event_claims.csv", [
        ["xss-raid", CLAIM_IDS[0]], ["xss-raid", CLAIM_IDS[1]], ["xss-leaflet", CLAIM_IDS[2]],
        ["xss-leaflet", CLAIM_IDS[4]],
    ])  # fmt: skip
    _append(folder, "claim_actors.csv", [[c, ACTOR_ID] for c in CLAIM_IDS] + [[CLAIM_IDS[0], "PAK"]])
    _append(folder, "assessments.csv", [
        ["pak-xsf", "PAK", ACTOR_ID, "high", "escalating", ";".join(CLAIM_IDS[:4]), f"Stated: {SCRIPT} {BOLD}"],
    ])  # fmt: skip
    _append(folder, "relations.csv", [
        ["xsf-pak", ACTOR_ID, "PAK", "conflict", "true", IMG, ";".join(CLAIM_IDS[:2]), f"{MD_LINK} {DIRECTIVE}"],
    ])  # fmt: skip
    return folder


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/xss_data.py OUT")
    print(build(Path(sys.argv[1])))
