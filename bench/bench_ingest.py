"""Ingest figures: documents per second over 1,000 synthetic briefs, and one commit of all of them."""

from __future__ import annotations

import random
import shutil
import tempfile
import time
from pathlib import Path

from harness import Report

from dossier import load_dataset
from dossier.ingest import Context, Options, prepare
from dossier.ingest.commit import commit
from dossier.store import data_dir, write_bytes_atomic
from dossier.text import split_sentences

N_DOCS = 1_000
SUBJECTS = (
    "Pakistan",
    "The TTP",
    "Pakistani officials",
    "The BLA",
    "President Trump",
    "The U.S.",
    "India",
    "Sri Lanka’s President Anura Kumara Dissanayake",
    "The IMF",
    "Afghanistan",
    "Vice President J.D. Vance",
)
VERBS = (
    "attacked a checkpoint",
    "seized a convoy",
    "arrested two suspects",
    "met officials",
    "visited Kabul",
    "signed an agreement",
    "addressed parliament",
    "captured a commander",
)
WHEN = ("on Tuesday", "last week", "on 11 March 2025", "in 2024", "recently", "yesterday", "", "")
FRAMES = (
    "{s} {v} {w}, officials said.",
    "{s} could have {v} {w}.",
    "Analysts say {s} likely {v} {w}.",
    "{s} {v} {w}.",
    "Reports indicate that {s} {v} {w}.",
    "{s} will soon be asked why it {v}.",
)
NEW_GROUPS = ("Jamaat Liberation Front (JLF)", "Northern Resistance Council (NRC)", "Prime Minister Shehbaz Sharif",
              "the Karachi Port Authority", "Dr. Ayesha Malik of the Quetta Civil Hospital")  # fmt: skip


def synthetic_brief(rng: random.Random, n: int) -> str:
    """A brief in the bundled layout: a summary, body paragraphs, a trailing source line."""
    paragraphs = []
    for _ in range(rng.randint(3, 6)):
        sentences = []
        for _ in range(rng.randint(2, 5)):
            subject = rng.choice(SUBJECTS + NEW_GROUPS) if rng.random() < 0.3 else rng.choice(SUBJECTS)
            text = rng.choice(FRAMES).format(s=subject, v=rng.choice(VERBS), w=rng.choice(WHEN))
            sentences.append(text.replace("  ", " ").replace(" ,", ",").replace(" .", "."))
        paragraphs.append(" ".join(sentences))
    paragraphs.append(f"Brief number {n} closes here.")
    return "\n".join(paragraphs) + f"\nOriginal Source: example{n % 7}.org"


def corpus(n: int = N_DOCS, seed: int = 7) -> list[bytes]:
    rng = random.Random(seed)
    return [synthetic_brief(rng, i).encode("utf-8") for i in range(n)]


def run(report: Report) -> None:
    ds = load_dataset()
    docs = corpus()
    context = Context(ds)
    options = Options(published=None)

    def ingest_all() -> list:
        return [prepare(data, f"brief-{i}.txt", ds, options, context) for i, data in enumerate(docs)]

    def split_all() -> None:
        for data in docs:
            split_sentences(data.decode("utf-8"))

    prepare(docs[0], "warm.txt", ds, options, context)
    start = time.perf_counter()
    results = ingest_all()
    ingest_seconds = time.perf_counter() - start
    start = time.perf_counter()
    split_all()
    split_seconds = time.perf_counter() - start
    claims = sum(len(r.claims) for r in results)
    report.add(f"ingest {N_DOCS:,} synthetic briefs ({claims:,} claims): docs/s", N_DOCS / ingest_seconds, "docs/s",
               N_DOCS / split_seconds, "decode + split_sentences only", "≥ 50 docs/s")  # fmt: skip

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        shutil.copytree(data_dir(), folder)
        accepted = [r.accept_all() for r in results]
        start = time.perf_counter()
        commit(folder, accepted)
        commit_seconds = time.perf_counter() - start
        raw = Path(tmp) / "raw"
        start = time.perf_counter()
        for r in results:
            write_bytes_atomic(raw / r.source["path"], r.text.encode("utf-8"))
        raw_seconds = time.perf_counter() - start
        report.add(f"commit {N_DOCS:,} reviewed briefs in one transaction (validated)", commit_seconds, "s",
                   raw_seconds, "atomic write of the 1,000 texts alone")  # fmt: skip
        assert len(load_dataset(folder).sources) == len(ds.sources) + N_DOCS
