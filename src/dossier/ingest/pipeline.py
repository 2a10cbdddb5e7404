"""From a file's bytes to a reviewable IngestResult: source, claims, actors, candidate events.

Nothing here writes. ``prepare`` refuses bad input with an IngestError; the analyst
(or the CLI flags) then accept or reject candidates, and ``commit.commit`` writes.

Versions: a document whose text differs from every stored source but that has the
same URL as one, or the same title and publisher, is a new version of it
(``version_of`` names the latest earlier version, which is kept).
"""

from __future__ import annotations

import datetime as dt
import re
import weakref
from collections import Counter, OrderedDict
from dataclasses import dataclass, field, replace

import pandas as pd

from ..dataset import Dataset
from ..schema import TABLES
from ..store import display_name, sha256_bytes
from . import actors as actor_tools
from . import referents, stances
from . import sentences as sentence_tools
from .dates import YearContext, best_date, find_dates
from .errors import IngestError
from .events import CandidateEvent, find_events
from .formats import Document, read_document
from .kinds import classify
from .normalise import fold

DEFAULT_RELIABILITY = "F"  # reliability cannot be judged, until the analyst says otherwise
DEFAULT_CREDIBILITY = 6  # truth cannot be judged: ingest does not check claims against other sources
NOT_STATED = "not stated"
ORIGIN = "ingest"


@dataclass(frozen=True)
class Options:
    """What the analyst adds at upload; empty fields fall back to what the file says."""

    title: str = ""
    publisher: str = ""
    url: str = ""
    published: dt.date | None = None  # supplied by the analyst
    reliability: str = DEFAULT_RELIABILITY
    reliability_basis: str = ""
    licence: str = ""
    version_of: str | None = None  # None: detect; "": not a new version
    credibility: int = DEFAULT_CREDIBILITY


class Context:
    """What every document of one batch is matched against, built once per dataset.

    It also keeps the last analyses by content hash, so a rerun of the ingest page
    after the analyst edits a document's title, publisher, date or reliability only
    resolves the dates again (see ``prepare``).
    """

    CACHED = 16

    def __init__(self, ds: Dataset):
        self.ds = ds
        self.cache: OrderedDict[tuple[str, str], tuple[Document, Analysis]] = OrderedDict()
        self.matcher = actor_tools.gazetteer(ds.actors)
        self.known_names = {a.casefold() for a in [*self.matcher.exact, *self.matcher.folded]}
        self.similar = actor_tools.Similar(self.matcher)
        self.actor_info = ds.actors.set_index("actor_id")[["name", "kind", "country"]].to_dict("index")
        self.states = set(ds.actors.loc[ds.actors["kind"] == "state", "actor_id"])
        self.hashes = dict(zip(ds.sources["sha256"], ds.sources["source_id"]))
        self.source_ids = set(ds.sources["source_id"])
        self.versions = Versions(ds.sources)
        self.kinds = dict(zip(ds.actors["actor_id"], ds.actors["kind"]))
        state_of = dict(
            zip(
                ds.actors.loc[ds.actors["kind"] == "state", "iso3"],
                ds.actors.loc[ds.actors["kind"] == "state", "actor_id"],
            )
        )
        people = ds.actors[ds.actors["kind"] == "person"]
        self.person_state = {p: state_of[i] for p, i in zip(people["actor_id"], people["iso3"]) if i in state_of}

    def analysed(self, data: bytes, name: str) -> tuple[Document, Analysis]:
        """The document and its analysis, from the cache when the same bytes came under the same name."""
        key = (sha256_bytes(data), name)
        if key in self.cache:
            self.cache.move_to_end(key)
            return self.cache[key]
        document = read_document(data, name)
        source_id, _ = source_id_for(document.text)
        found = (document, analyse(document, source_id, self))
        self.cache[key] = found
        while len(self.cache) > self.CACHED:
            self.cache.popitem(last=False)
        return found


_CONTEXTS: dict[int, tuple[weakref.ref, Context]] = {}


def context_for(ds: Dataset) -> Context:
    """One Context per loaded dataset (the app loads each data version once and shares it)."""
    held = _CONTEXTS.get(id(ds))
    if held is not None and held[0]() is ds:
        return held[1]
    context = Context(ds)
    for key in [k for k, (ref, _) in _CONTEXTS.items() if ref() is None]:
        del _CONTEXTS[key]
    _CONTEXTS[id(ds)] = (weakref.ref(ds), context)
    return context


@dataclass
class IngestResult:
    """One document, analysed and ready for review. The frames' accept/keep columns are the analyst's to change."""

    name: str
    document: Document
    source: dict
    claims: pd.DataFrame
    mentions: pd.DataFrame
    known_actors: pd.DataFrame
    candidates: pd.DataFrame
    events: pd.DataFrame
    event_actors: pd.DataFrame
    assessments: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ASSESSMENT_COLUMNS))
    relations: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=RELATION_COLUMNS))
    dates: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=DATE_COLUMNS))
    notes: list[str] = field(default_factory=list)

    @property
    def source_id(self) -> str:
        return self.source["source_id"]

    @property
    def text(self) -> str:
        return self.document.text

    def reviewed(self, claims=None, candidates=None, events=None, assessments=None, relations=None) -> IngestResult:
        """A copy with the analyst's edits to the review tables."""
        return replace(
            self,
            claims=self.claims if claims is None else claims,
            candidates=self.candidates if candidates is None else candidates,
            events=self.events if events is None else events,
            assessments=self.assessments if assessments is None else assessments,
            relations=self.relations if relations is None else relations,
        )

    def accept_all(
        self, actors: bool = True, events: bool = True, assessments: bool = True, relations: bool = True
    ) -> IngestResult:
        return self.reviewed(
            candidates=self.candidates.assign(accept=True) if actors else None,
            events=self.events.assign(accept=True) if events else None,
            assessments=self.assessments.assign(accept=True) if assessments else None,
            relations=self.relations.assign(accept=True) if relations else None,
        )


def source_id_for(text: str) -> tuple[str, str]:
    digest = sha256_bytes(text.encode("utf-8"))
    return f"src-{digest[:12]}", digest


class Versions:
    """Stored sources by URL and by (title, publisher), for recognising a changed document."""

    def __init__(self, sources: pd.DataFrame):
        self.by_url: dict[str, list[str]] = {}
        self.by_title: dict[tuple[str, str], list[str]] = {}
        self.url_of = dict(zip(sources["source_id"], sources["url"]))
        self.superseded = set(sources["version_of"])
        for sid, title, publisher, url in zip(
            sources["source_id"], sources["title"], sources["publisher"], sources["url"]
        ):
            if url:
                self.by_url.setdefault(url, []).append(sid)
            self.by_title.setdefault((title.casefold(), publisher.casefold()), []).append(sid)

    def previous(self, title: str, publisher: str, url: str) -> tuple[str, str]:
        """(source_id, reason) of the latest stored version of the same document, or ("", "")."""
        found = set(self.by_url.get(url, []) if url else []) | set(
            self.by_title.get((title.casefold(), publisher.casefold()), [])
        )
        if not found:
            return "", ""
        ordered = [sid for sid in self.url_of if sid in found]  # stored order
        latest = [sid for sid in ordered if sid not in self.superseded] or ordered
        chosen = latest[-1]
        reason = "same URL" if url and self.url_of[chosen] == url else "same title and publisher"
        return chosen, reason


def previous_version(sources: pd.DataFrame, title: str, publisher: str, url: str) -> tuple[str, str]:
    """(source_id, reason) of the latest stored version of the same document, or ("", "")."""
    return Versions(sources).previous(title, publisher, url)


def prepare(data: bytes, name: str, ds: Dataset, options: Options = Options(), context: Context | None = None):
    """Read, check and analyse one file against the dataset. Raises IngestError for bad input.

    The analysis (claims, actors, events, perceptions, relations) depends only on the
    text and is cached in ``context``; the options (title, publisher, publication date,
    reliability, credibility) are applied on top, and only dates are resolved again.
    """
    context = context or Context(ds)
    name = display_name(name)  # an uploaded name may hold a path or control characters
    document, analysis = context.analysed(data, name)
    source_id, digest = source_id_for(document.text)
    if digest in context.hashes:
        raise IngestError(f"already ingested as {context.hashes[digest]}; nothing to do")
    if source_id in context.source_ids:
        raise IngestError(f"its id {source_id} clashes with a different stored source; rename nothing, report this")
    title = options.title.strip() or document.title
    publisher = options.publisher.strip() or document.publisher or NOT_STATED
    url = options.url.strip() or document.url
    notes = [] if document.encoding == "UTF-8" else [f"Decoded from {document.encoding}; stored as UTF-8."]
    if options.version_of is None:
        version_of, reason = context.versions.previous(title, publisher, url)
        if version_of:
            notes.append(f"New version of {version_of} ({reason}); the earlier version is kept.")
    else:
        version_of = options.version_of.strip()
        if version_of and version_of not in context.source_ids:
            raise IngestError(f"--version-of {version_of}: no such source")
    published = options.published or document.published
    source = {
        "source_id": source_id,
        "title": title,
        "publisher": publisher,
        "url": url,
        "published": published,
        "accessed": dt.date.today(),
        "licence": options.licence.strip() or document.licence,
        "reliability": options.reliability,
        "reliability_basis": options.reliability_basis.strip(),
        "path": f"sources/{source_id}.txt",
        "sha256": digest,
        "version_of": version_of,
    }
    published_by = "analyst" if options.published else "source"
    events, event_actors, dates = resolve(analysis, document.text, source_id, context, published, published_by)
    return IngestResult(
        name,
        document,
        source,
        analysis.claims.assign(credibility=options.credibility),
        analysis.mentions.copy(),
        analysis.known_actors.copy(),
        analysis.candidates.copy(),
        events,
        event_actors,
        analysis.assessments.copy(),
        analysis.relations.copy(),
        dates,
        notes=notes,
    )


def claim_spans(document: Document) -> list[tuple[int, int]]:
    return sentence_tools.claim_spans(document.text, document.skip, document.soft_wrap)


@dataclass
class Analysis:
    """What a text says, independent of the analyst's details about the document (the slow part)."""

    claims: pd.DataFrame
    mentions: pd.DataFrame
    known_actors: pd.DataFrame
    candidates: pd.DataFrame
    events: list[tuple[str, int, int, CandidateEvent]]  # (claim_id, start, end, event)
    assessments: pd.DataFrame
    relations: pd.DataFrame
    years: YearContext
    spans: dict[str, tuple[int, int]]
    names: dict[str, str]  # actor key -> display name


_ADMINISTRATION = re.compile(r"(?:['’]s)?[ \t]+(?:[Aa]dministration|[Gg]overnment|[Cc]abinet)\b")


def _administrations(text: str, found: list, person_state: dict[str, str]) -> list:
    """ "the Trump Administration" is the state its leader heads, not the person (a government is its state)."""
    return [
        replace(m, actor=person_state[m.actor]) if m.actor in person_state and _ADMINISTRATION.match(text, m.end) else m
        for m in found
    ]


# "the U.S. Department of State": a department named with its state is its own actor, not also the state
_DEPARTMENT = re.compile(r"(?:Department|Ministry|State\s+Department|Foreign\s+Office|Home\s+Office)\b")


def _before_organ(text: str, state, organ) -> bool:
    return state.end <= organ.start and not text[state.end : organ.start].strip(" ’'s")


# An official body that writes for its state: "U.S. Department of State", "Office of the Director of ...".
_OFFICIAL = re.compile(
    r"\b(?:department|ministry|office|command|agency|government|embassy|congress|senate|bureau|council|"
    r"white\s+house|state\s+department|armed\s+forces|army|navy)\b",
    re.I,
)


def _author_state(document: Document, context: Context) -> str | None:
    """The state an official document speaks for, from its own author or publisher line ("U.S. Department of
    State" is the United States), so that its first-person statements ("We are concerned about X") have a
    perceiver. A newspaper or a wiki named after a country ("Dawn (Pakistan)") is no official body: no author.
    """
    for line in (document.author, document.publisher):
        if line and _OFFICIAL.search(line):
            found = context.matcher.find(line, 0, len(line), fold(line))
            states = [m.actor for m in found if m.actor in context.states]
            if states:
                return states[0]
    return None


def analyse(document: Document, source_id: str, context: Context) -> Analysis:
    """Claims, actor mentions, known and candidate actors, event triggers, perceptions and relations."""
    text = document.text
    spans = claim_spans(document)
    if not spans:
        raise IngestError("no sentences found in the text")
    width = max(2, len(str(len(spans))))
    claim_ids = [f"{source_id}-{i:0{width}d}" for i in range(1, len(spans) + 1)]
    folded = fold(text)

    known = {
        cid: _administrations(text, context.matcher.find(text, s, e, folded), context.person_state)
        for cid, (s, e) in zip(claim_ids, spans)
    }
    every_known = [m for ms in known.values() for m in ms]
    candidates = actor_tools.find_candidates(text, spans, every_known, context.known_names, context.states)
    candidate_matcher = actor_tools.Matcher({a: c.key for c in candidates for a in actor_tools.matching_names(c)})
    mentions: dict[str, list[actor_tools.Mention]] = {}
    for cid, (s, e) in zip(claim_ids, spans):
        found = candidate_matcher.find(text, s, e, folded)
        # the longest name wins: "Indian Mujahideen" is the group, not India ("Indian") inside its name
        longer = [m for m in found if any(m.start <= k.start and k.end <= m.end and k != m for k in known[cid])]
        inside = [k for k in known[cid] if any(m.start <= k.start and k.end <= m.end for m in longer)]
        extra = longer + [
            m for m in found if m not in longer and all(m.end <= k.start or m.start >= k.end for k in known[cid])
        ]
        organs = [m for m in extra if _DEPARTMENT.match(text, m.start)]
        kept = [k for k in known[cid] if k not in inside and not any(_before_organ(text, k, o) for o in organs)]
        mentions[cid] = sorted(kept + extra, key=lambda m: m.start)

    names = {k: v["name"] for k, v in context.actor_info.items()} | {c.key: c.name + " (new)" for c in candidates}
    kinds = context.kinds | {c.key: c.kind for c in candidates}
    states = context.states | {c.key for c in candidates if c.kind == "state"}
    claim_rows, events = [], []
    author = _author_state(document, context)
    title = document.title or ""
    in_title = context.matcher.find(title, 0, len(title), fold(title)) + candidate_matcher.find(
        title, 0, len(title), fold(title)
    )
    counts = Counter(m.actor for found in mentions.values() for m in found)
    subject = referents.document_subject(title, in_title, text, mentions[claim_ids[0]], counts, kinds)
    read_as = dict(zip(claim_ids, referents.resolve(text, spans, [mentions[cid] for cid in claim_ids], kinds, subject)))
    seen_perceptions: dict[tuple, list] = {}
    seen_relations: dict[tuple, list] = {}
    for cid, (s, e) in zip(claim_ids, spans):
        sentence = text[s:e]
        kind, rule = classify(sentence)
        found = mentions[cid]
        shown = [names[m.actor] for m in found]
        claim_rows.append(
            (cid, True, s, e, kind, rule, kind, DEFAULT_CREDIBILITY, "; ".join(dict.fromkeys(shown)), sentence)
        )
        # "the group", "It": parties for the stance rules, never mentions (see referents)
        resolved = read_as[cid]
        events += [(cid, s, e, event) for event in find_events(text, s, e, found, states, bool(resolved))]
        inside = [m for m in found if any(r.start <= m.start and m.end <= r.end for r in resolved)]  # "The
        parties = sorted([m for m in found if m not in inside] + resolved, key=lambda m: m.start)  # Peru-based group"
        named = {m.actor for m in found}
        for p in stances.perceptions(text, s, e, parties, kinds, author):
            basis = referents.rule_with_basis(p.rule, (p.perceiver, p.threat), named, resolved, names)
            seen_perceptions.setdefault((p.perceiver, p.threat, p.level, basis), []).append(cid)
        for r in stances.relations(text, s, e, parties, kinds):
            basis = referents.rule_with_basis(r.rule, (r.actor_a, r.actor_b), named, resolved, names)
            seen_relations.setdefault((r.actor_a, r.actor_b, r.kind, r.directed, r.qualifier, basis), []).append(cid)

    claims = pd.DataFrame(claim_rows, columns=CLAIM_COLUMNS)
    mention_frame = pd.DataFrame(
        [
            (cid, m.actor, m.start, m.end, text[m.start : m.end], m.alias, m.actor in context.actor_info)
            for cid, ms in mentions.items()
            for m in ms
        ],
        columns=["claim_id", "actor", "start", "end", "surface", "alias", "known"],
    )
    assessments = pd.DataFrame(
        [
            (
                f"{source_id}-as{n:02d}",
                False,
                perceiver,
                names[perceiver],
                threat,
                names[threat],
                level,
                "",
                ";".join(dict.fromkeys(cids)),
                rule,
            )
            for n, ((perceiver, threat, level, rule), cids) in enumerate(seen_perceptions.items(), start=1)
        ],
        columns=ASSESSMENT_COLUMNS,
    )
    relations = pd.DataFrame(
        [
            (
                f"{source_id}-rel{n:02d}",
                False,
                a,
                names[a],
                b,
                names[b],
                kind,
                directed,
                qualifier,
                ";".join(dict.fromkeys(cids)),
                rule,
            )
            for n, ((a, b, kind, directed, qualifier, rule), cids) in enumerate(seen_relations.items(), start=1)
        ],
        columns=RELATION_COLUMNS,
    )
    return Analysis(
        claims,
        mention_frame,
        _known_frame(mentions, context, text),
        _candidate_frame(candidates, mentions, context),
        events,
        assessments,
        relations,
        YearContext.of(text),
        dict(zip(claim_ids, spans)),
        names,
    )


def resolve(
    analysis: Analysis,
    text: str,
    source_id: str,
    context: Context,
    published: dt.date | None,
    published_by: str = "source",
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Dates of every claim and the dated candidate events, from the publication date and the text's years."""
    date_rows = []
    by_claim: dict[str, list] = {}
    for cid, (s, e) in analysis.spans.items():
        found = find_dates(text[s:e], published, published_by, analysis.years.shifted(s))
        by_claim[cid] = found
        date_rows += [
            (cid, s + d.start, s + d.end, d.phrase, d.date_start, d.date_end, d.precision, d.note)
            for d in found
            if d.known
        ]
    event_rows, event_actor_rows = [], []
    for cid, s, e, event in analysis.events:
        event_id = f"{source_id}-ev{len(event_rows) + 1:02d}"
        date = _event_date(by_claim[cid], event, s)
        event_rows.append(_event_row(event_id, event, date, text[s:e], cid, context, analysis, published_by))
        event_actor_rows += [(event_id, actor, role) for actor, role in event.actors]
    return (
        pd.DataFrame(event_rows, columns=EVENT_COLUMNS),
        pd.DataFrame(event_actor_rows, columns=["event_id", "actor", "role"]),
        pd.DataFrame(date_rows, columns=DATE_COLUMNS),
    )


def _event_date(dates: list, event: CandidateEvent, offset: int):
    """The date of an event: the nearest date phrase to its trigger, preferring the more precise."""
    known = [d for d in dates if d.known] or dates
    if not known:
        return None
    trigger = event.trigger_start - offset
    best = best_date(known)
    near = min(known, key=lambda d: (abs(d.start - trigger), d.relative))
    if len(known) > 1 and abs(near.start - trigger) < abs(best.start - trigger) - 40:
        return near
    return best


CLAIM_COLUMNS = ["claim_id", "keep", "start", "end", "kind", "kind_rule", "auto_kind", "credibility", "actors", "text"]
# The review table: events.csv's columns up to the country (fatalities and origin are the commit's), then
# the review's own: who took part, who was blamed, which claim evidences it.
_STORED = TABLES["events"].column_names
EVENT_COLUMNS = [
    "event_id",
    "accept",
    *_STORED[1 : _STORED.index("country") + 1],
    "actors",
    "attribution",
    "claim_id",
]
ASSESSMENT_COLUMNS = [
    "candidate_id",
    "accept",
    "perceiver",
    "perceiver_name",
    "threat",
    "threat_name",
    "level",
    "trend",
    "claim_ids",
    "rule",
]
RELATION_COLUMNS = [
    "candidate_id",
    "accept",
    "actor_a",
    "actor_a_name",
    "actor_b",
    "actor_b_name",
    "kind",
    "directed",
    "qualifier",
    "claim_ids",
    "rule",
]
DATE_COLUMNS = ["claim_id", "start", "end", "phrase", "date_start", "date_end", "precision", "note"]


def _event_row(event_id, event, date, sentence, claim_id, context, analysis, published_by) -> tuple:
    if date is not None and date.known:
        start, end, precision = date.date_start, date.date_end, date.precision
        basis = "analyst" if date.uses_published and published_by == "analyst" else "source"
        note = date.note
    else:
        start = end = None
        precision, basis = "unknown", "source"
        note = date.note if date is not None else "The source gives no date."
    country = ""
    for actor, role in event.actors:
        if role == "location":
            info = context.actor_info.get(actor)
            country = info["country"] if info else analysis.names.get(actor, "").removesuffix(" (new)")
            break
    title = sentence if len(sentence) <= 140 else sentence[:139].rstrip() + "…"
    names = "; ".join(f"{analysis.names.get(a, a)} ({r})" for a, r in event.actors)
    attribution = event.attribution.replace(
        " by ", f" by {analysis.names.get(event.attribution.split(' by ')[-1], '')}"
    )
    return (
        event_id,
        False,
        title,
        event.event_type.replace("_", " "),
        start,
        end,
        precision,
        basis,
        note,
        country or "",
        names,
        attribution if " by " in event.attribution else event.attribution,
        claim_id,
    )


def _known_frame(mentions: dict[str, list], context: Context, text: str) -> pd.DataFrame:
    """Known actors found, with how the text wrote each one and the alias that matched it."""
    counts: dict[str, list[int]] = {}
    written: dict[str, dict[str, None]] = {}
    for found in mentions.values():
        for actor in dict.fromkeys(m.actor for m in found if m.actor in context.actor_info):
            n = sum(m.actor == actor for m in found)
            total = counts.setdefault(actor, [0, 0])
            total[0], total[1] = total[0] + n, total[1] + 1
        for m in found:
            if m.actor in context.actor_info:
                surface = text[m.start : m.end]
                shown = surface if surface == m.alias or not m.alias else f"{surface} ≈ {m.alias}"
                written.setdefault(m.actor, {})[shown] = None
    rows = [
        (a, context.actor_info[a]["name"], context.actor_info[a]["kind"], "; ".join(written[a]), n, c)
        for a, (n, c) in counts.items()
    ]
    return pd.DataFrame(rows, columns=["actor_id", "name", "kind", "matched", "mentions", "claims"])


def _candidate_frame(candidates, mentions: dict[str, list], context: Context) -> pd.DataFrame:
    taken = {a.casefold() for a in context.actor_info}
    rows = []
    for c in candidates:
        cited = [cid for cid, found in mentions.items() if any(m.actor == c.key for m in found)]
        n = sum(m.actor == c.key for found in mentions.values() for m in found)
        numbers = ", ".join(cid.rsplit("-", 1)[-1] for cid in cited)
        aliases = "; ".join(dict.fromkeys(c.aliases))
        similar = context.similar.suggest(c, context.actor_info)
        rows.append(
            (
                c.key,
                False,
                actor_tools.propose_id(c, taken),
                c.name,
                c.kind,
                c.country,
                c.iso3,
                aliases,
                n,
                numbers,
                similar,
            )
        )
    columns = [
        "key",
        "accept",
        "actor_id",
        "name",
        "kind",
        "country",
        "iso3",
        "aliases",
        "mentions",
        "claims",
        "similar",
    ]
    return pd.DataFrame(rows, columns=columns)
