"""STIX 2.1 bundle of a (filtered) dataset, for OpenCTI and MISP.

Ids are UUIDv5 of Dossier's own ids, so exporting the same data twice gives the same
objects and a platform updates them instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import uuid

import pandas as pd
import pycountry
import stix2

from ..dataset import Dataset
from ..safe import web_url

NAMESPACE = uuid.UUID("6f1c3a52-7d8e-4b0c-9a51-3e2f4d5c6b7a")
# Admiralty information credibility -> STIX confidence (0-100, the "Admiralty" mapping of STIX 2.1 appendix B).
CREDIBILITY_CONFIDENCE = {1: 100, 2: 80, 3: 50, 4: 30, 5: 10, 6: None}
RELATION_TYPES = {
    "cooperation": "cooperates-with",
    "conflict": "in-conflict-with",
    "diplomatic": "diplomatic-ties-with",
    "economic": "economic-ties-with",
    "support": "supports",
    "affiliation": "affiliated-with",
}
IDENTITY_CLASS = {"state": "organization", "international_org": "organization", "person": "individual"}
PRODUCER = "identity--" + str(uuid.uuid5(NAMESPACE, "identity:dossier"))


def _id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}:{key}')}"


def _timestamp(value: object, fallback: dt.datetime) -> dt.datetime:
    if value is None or pd.isna(value):
        return fallback
    return pd.Timestamp(value).to_pydatetime().replace(tzinfo=dt.UTC)


def _confidence(claim_ids: list[str], credibility: dict[str, int]) -> int | None:
    scores = [CREDIBILITY_CONFIDENCE.get(credibility[c]) for c in claim_ids if c in credibility]
    scores = [s for s in scores if s is not None]
    return min(scores) if scores else None  # a tie is only as sure as its weakest cited claim


def _actor_objects(actor: pd.Series, created: dt.datetime) -> list:
    aliases = [a for a in actor.get("aliases", []) or [] if a != actor["name"]]
    common = {"name": actor["name"], "created": created, "modified": created, "created_by_ref": PRODUCER}
    if actor["kind"] == "armed_group":
        return [stix2.ThreatActor(id=_id("threat-actor", actor["actor_id"]), aliases=aliases or None, **common)]
    identity = stix2.Identity(
        id=_id("identity", actor["actor_id"]),
        identity_class=IDENTITY_CLASS.get(actor["kind"], "unknown"),
        description=f"Dossier actor {actor['actor_id']} ({actor['kind'].replace('_', ' ')})",
        **common,
    )
    objects = [identity]
    country = pycountry.countries.get(alpha_3=actor.get("iso3") or "") if actor.get("iso3") else None
    if actor["kind"] == "state" and country:
        location = stix2.Location(
            id=_id("location", country.alpha_3),
            name=country.name,
            country=country.alpha_2,
            created=created,
            modified=created,
            created_by_ref=PRODUCER,
        )
        objects += [location, _relationship("located-at", identity.id, location.id, created, f"{actor['actor_id']}")]
    return objects


def _relationship(kind: str, source: str, target: str, created: dt.datetime, key: str, **extra) -> stix2.Relationship:
    return stix2.Relationship(
        id=_id("relationship", f"{kind}:{key}"),
        relationship_type=kind,
        source_ref=source,
        target_ref=target,
        created=created,
        modified=created,
        created_by_ref=PRODUCER,
        **{k: v for k, v in extra.items() if v is not None},
    )


def build_bundle(view: Dataset, generated: dt.datetime | None = None) -> stix2.Bundle:
    created = (generated or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    objects: list = [
        stix2.Identity(id=PRODUCER, name="Dossier", identity_class="system", created=created, modified=created)
    ]
    refs: dict[str, str] = {}
    for _, actor in view.actors.iterrows():
        made = _actor_objects(actor, created)
        refs[actor["actor_id"]] = made[0].id
        objects += made
    credibility = dict(zip(view.claims["claim_id"], view.claims["credibility"].astype(int)))
    sources = view.sources.set_index("source_id")
    notes_by_source: dict[str, list[str]] = {}
    mentions = view.claim_actors.groupby("claim_id")["actor_id"].agg(list).to_dict()
    for _, claim in view.claims.iterrows():
        source = sources.loc[claim["source_id"]]
        reference = {
            "source_name": source["publisher"],
            "description": f"{source['title']}, characters {claim['start']}-{claim['end']}",
        }
        if web_url(source["url"]):  # a javascript: URL from the data must not become a link in a platform
            reference["url"] = web_url(source["url"])
        mentioned = [refs[a] for a in mentions.get(claim["claim_id"], []) if a in refs]
        note = stix2.Note(
            id=_id("note", claim["claim_id"]),
            abstract=f"Claim {claim['claim_id']} ({claim['kind'].replace('_', ' ')})",
            content=claim["text"],
            object_refs=mentioned or [PRODUCER],
            external_references=[reference],
            confidence=CREDIBILITY_CONFIDENCE[int(claim["credibility"])],
            created=created,
            modified=created,
            created_by_ref=PRODUCER,
        )
        notes_by_source.setdefault(claim["source_id"], []).append(note.id)
        objects.append(note)
    for _, row in view.assessments.iterrows():
        if row["perceiver"] in refs and row["threat"] in refs:
            objects.append(
                _relationship(
                    "perceives-as-threat",
                    refs[row["perceiver"]],
                    refs[row["threat"]],
                    created,
                    row["assessment_id"],
                    description=f"Threat level: {row['level'].replace('_', ' ')}. {row.get('note', '')}".strip(),
                    confidence=_confidence(row["claim_ids"], credibility),
                )
            )
    for _, row in view.relations.iterrows():
        if row["actor_a"] in refs and row["actor_b"] in refs:
            objects.append(
                _relationship(
                    RELATION_TYPES.get(row["kind"], row["kind"]),
                    refs[row["actor_a"]],
                    refs[row["actor_b"]],
                    created,
                    row["relation_id"],
                    description=(row.get("qualifier") or None),
                    confidence=_confidence(row["claim_ids"], credibility),
                )
            )
    for source_id, source in sources.iterrows():
        published = source["published"]
        description = (
            "" if not pd.isna(published) else "The source states no publication date; this is the date it was accessed."
        )
        objects.append(
            stix2.Report(
                id=_id("report", source_id),
                name=source["title"],
                published=_timestamp(published if not pd.isna(published) else source.get("accessed"), created),
                object_refs=notes_by_source.get(source_id) or [PRODUCER],
                description=description or None,
                external_references=[
                    {
                        "source_name": source["publisher"],
                        "external_id": source_id,
                        **({"url": web_url(source["url"])} if web_url(source["url"]) else {}),
                    }
                ],
                confidence=None,
                created=created,
                modified=created,
                created_by_ref=PRODUCER,
                report_types=["threat-report"],
            )
        )
    return stix2.Bundle(objects=objects)


def bundle_json(view: Dataset, generated: dt.datetime | None = None) -> bytes:
    bundle = build_bundle(view, generated)
    text = bundle.serialize(pretty=True)
    stix2.parse(text, allow_custom=False)  # the library's own validation, on the serialised form
    return text.encode("utf-8")
