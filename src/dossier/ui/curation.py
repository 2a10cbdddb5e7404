"""The analyst's editing controls: forms that record judgments, events and actors, each change one call.

Pages call one function where an analyst stands on a claim, a matrix cell or an event; nothing here
decides what is valid (``dossier.curation`` does, and refuses with one line, shown as ``st.error``).
Every form carries the data version it was drawn from, so a change made meanwhile in another tab or by
a command is refused rather than silently overwritten. Each write reruns the page; the cached dataset
reloads because the folder's fingerprint changed, so the matrix and timeline show the result at once.
In read-only mode every function draws nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st

from .. import curation
from ..curation.mapping import gazetteer, unmapped_names
from ..dataset import Dataset
from ..safe import escape_markdown as md
from ..schema import ACTOR_KINDS, RELATION_KINDS, THREAT_LEVELS, TRENDS
from ..settings import ReadOnlyError
from ..store import DatasetError, data_dir
from .data import _data_version
from .frame import read_only

FLASH = "curation-flash"
ROLE_FIELDS = {"subject": "Subject (who acts)", "object": "Object (acted on)", "participant": "Other participants"}


def editable() -> bool:
    return not read_only()


# --- shared pieces ------------------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=8)
def _token_at(folder: str, version: tuple) -> str | None:
    try:
        return curation.data_token(folder)
    except (DatasetError, OSError):
        return None


def _token() -> str | None:
    """The version of the curated tables now (read once per change of the folder's fingerprint)."""
    folder = data_dir()
    return _token_at(str(folder), _data_version(folder))


def _remember(key: str) -> None:
    """Note the version this drawing of a form shows; a submit is checked against the previous drawing's."""
    shown = st.session_state.setdefault("curation-shown", {})
    drawn = st.session_state.setdefault("curation-drawn", {})
    shown[key] = drawn.get(key)
    drawn[key] = _token()


def _apply(key: str, call: Callable[[str | None], curation.Change]) -> None:
    """Run one change against the version the user saw; rerun on success, one line on refusal."""
    try:
        change = call(st.session_state.get("curation-shown", {}).get(key))
    except (curation.CurationError, ReadOnlyError, DatasetError) as exc:
        st.error(md(str(exc)), icon=":material/block:")
        return
    st.session_state[FLASH] = change.line()
    st.rerun()


def flash() -> None:
    """The last change's one-line confirmation, once."""
    if message := st.session_state.pop(FLASH, None):
        st.success(md(message), icon=":material/check_circle:")


def _actors(full: Dataset) -> tuple[list[str], dict[str, str]]:
    actors = gazetteer(full).sort_values("name", key=lambda s: s.str.casefold())
    labels = {a: f"{n} ({a})" if a != n else str(a) for a, n in zip(actors["actor_id"], actors["name"])}
    return list(labels), labels


def _pick_actor(label: str, full: Dataset, key: str, current: str | None = None) -> str | None:
    options, labels = _actors(full)
    index = options.index(current) if current in options else None
    return st.selectbox(
        label, options, index=index, format_func=labels.get, key=key, placeholder="Type to search the gazetteer"
    )


def _pick_claims(full: Dataset, key: str, default: Sequence[str]) -> list[str]:
    texts = dict(zip(full.claims["claim_id"], full.claims["text"]))
    chosen = [c for c in default if c in texts]
    return st.multiselect(
        "Evidence (claims)",
        list(texts),
        default=chosen,
        key=key,
        format_func=lambda c: f"{c}: {texts[c][:70]}{'…' if len(texts[c]) > 70 else ''}",
        help="Every judgment cites the claims it rests on.",
    )


def _choice(label: str, options: Sequence[str], key: str, current: str | None = None) -> str:
    shown = list(options)
    return st.selectbox(
        label,
        shown,
        index=shown.index(current) if current in shown else 0,
        key=key,
        format_func=lambda v: v.replace("_", " ") if v else "not stated",
    )


# --- threat perceptions -------------------------------------------------------------------------


def _save(key: str, record: pd.Series | None, id_column: str, add: Callable, edit: Callable, values: dict) -> None:
    """A submitted form: ``add`` a row, or ``edit`` the row the form was opened on (``record``)."""
    if record is None:
        _apply(key, lambda expect: add(data_dir(), **values, expect=expect))
    else:
        _apply(key, lambda expect: edit(data_dir(), record[id_column], **values, expect=expect))


def assessment_form(full: Dataset, key: str, claims: Sequence[str] = (), record: pd.Series | None = None) -> None:
    """Add a threat perception (or change ``record``), citing ``claims``."""
    _remember(key)
    with st.form(key, border=True):
        perceiver = _pick_actor(
            "Perceiver (who sees the threat)", full, f"{key}-perceiver", None if record is None else record["perceiver"]
        )
        threat = _pick_actor(
            "Threat (seen as a threat)", full, f"{key}-threat", None if record is None else record["threat"]
        )
        left, right = st.columns(2)
        level = left.selectbox(
            "Level",
            THREAT_LEVELS,
            key=f"{key}-level",
            index=THREAT_LEVELS.index(record["level"]) if record is not None else 1,
            format_func=lambda v: v.replace("_", " "),
        )
        trend = right.selectbox(
            "Trend",
            TRENDS,
            key=f"{key}-trend",
            index=TRENDS.index(record["trend"] or "") if record is not None else len(TRENDS) - 1,
            format_func=lambda v: v or "not stated",
        )
        note = st.text_area("Note (plain text)", value="" if record is None else record["note"], key=f"{key}-note")
        cited = _pick_claims(full, f"{key}-claims", claims if record is None else record["claim_ids"])
        submitted = st.form_submit_button("Save" if record is not None else "Add threat perception", type="primary")
    if submitted:
        values = dict(perceiver=perceiver or "", threat=threat or "", level=level, trend=trend, note=note, claims=cited)
        _save(key, record, "assessment_id", curation.add_assessment, curation.edit_assessment, values)


# --- relations ----------------------------------------------------------------------------------


def relation_form(full: Dataset, key: str, claims: Sequence[str] = (), record: pd.Series | None = None) -> None:
    """Add a relation between two actors (or change ``record``), citing ``claims``."""
    _remember(key)
    with st.form(key, border=True):
        actor_a = _pick_actor("From (actor a)", full, f"{key}-a", None if record is None else record["actor_a"])
        actor_b = _pick_actor("To (actor b)", full, f"{key}-b", None if record is None else record["actor_b"])
        left, right = st.columns(2)
        kind = left.selectbox(
            "Kind",
            RELATION_KINDS,
            key=f"{key}-kind",
            index=RELATION_KINDS.index(record["kind"]) if record is not None else 0,
        )
        mutual = right.toggle(
            "Mutual (both ways)", value=record is not None and not bool(record["directed"]), key=f"{key}-mutual"
        )
        qualifier = st.text_input(
            "Qualifier",
            value="" if record is None else record["qualifier"],
            key=f"{key}-qualifier",
            placeholder="e.g. limited counterterrorism",
        )
        note = st.text_area("Note (plain text)", value="" if record is None else record["note"], key=f"{key}-note")
        cited = _pick_claims(full, f"{key}-claims", claims if record is None else record["claim_ids"])
        submitted = st.form_submit_button("Save" if record is not None else "Add relation", type="primary")
    if submitted:
        values = dict(
            actor_a=actor_a or "",
            actor_b=actor_b or "",
            kind=kind,
            mutual=mutual,
            qualifier=qualifier,
            note=note,
            claims=cited,
        )
        _save(key, record, "relation_id", curation.add_relation, curation.edit_relation, values)


# --- events -------------------------------------------------------------------------------------


def _date_text(value: object, precision: str) -> str:
    if value is None or pd.isna(value):
        return ""
    text = str(pd.Timestamp(value).date())
    return {"year": text[:4], "month": text[:7]}.get(precision, text)


def event_form(full: Dataset, key: str, claims: Sequence[str] = (), record: pd.Series | None = None) -> None:
    """Add an event evidenced by ``claims`` (or change ``record``): dates with their precision and basis."""
    _remember(key)
    links = pd.DataFrame(columns=["actor_id", "role"])
    if record is not None:
        links = full.event_actors[full.event_actors["event_id"].astype(str) == record["event_id"]]
    countries = sorted({c for c in gazetteer(full).query("kind == 'state'")["country"] if c})
    with st.form(key, border=True):
        title = st.text_input("Title", value="" if record is None else record["title"], key=f"{key}-title")
        left, right = st.columns(2)
        event_type = left.text_input(
            "Type",
            value="" if record is None else record["event_type"],
            key=f"{key}-type",
            placeholder="attack, visit, talks…",
        )
        current_country = None if record is None else record["country"]
        country = right.selectbox(
            "Country (where)",
            countries,
            key=f"{key}-country",
            index=countries.index(current_country) if current_country in countries else None,
            placeholder="Type to search",
        )
        precision = "unknown" if record is None else record["date_precision"]
        date = left.text_input(
            "Date",
            value="" if record is None else _date_text(record["date_start"], precision),
            key=f"{key}-date",
            help="YYYY-MM-DD, YYYY-MM (a month) or YYYY (a year); empty when no source dates it.",
        )
        end = right.text_input(
            "End date",
            value="" if record is None else _date_text(record["date_end"], "day"),
            key=f"{key}-end",
            help="YYYY-MM-DD, for an event that lasted",
        )
        basis = left.radio(
            "Date basis",
            ["source", "analyst"],
            horizontal=True,
            key=f"{key}-basis",
            index=1 if record is not None and record["date_basis"] == "analyst" else 0,
            format_func={"source": "stated by a cited claim", "analyst": "supplied by me"}.get,
        )
        date_note = right.text_input(
            "Date note",
            value="" if record is None else record["date_note"],
            key=f"{key}-date-note",
            help="Where the date comes from (required when you supply it)",
        )
        chosen = {}
        options, labels = _actors(full)
        for role, label in ROLE_FIELDS.items():
            current = [a for a in links.loc[links["role"] == role, "actor_id"].astype(str) if a in labels]
            chosen[role] = st.multiselect(
                label,
                options,
                default=current,
                format_func=labels.get,
                key=f"{key}-{role}",
                placeholder="Type to search the gazetteer",
            )
        cited = claims
        if record is None:
            cited = _pick_claims(full, f"{key}-claims", claims)
        submitted = st.form_submit_button("Save" if record is not None else "Add event", type="primary")
    if submitted:
        actors = [(a, role) for role, picked in chosen.items() for a in picked]
        values = dict(
            title=title,
            event_type=event_type,
            date=date,
            end=end,
            basis=basis,
            date_note=date_note,
            country=country or "",
            actors=actors,
        )
        if record is None:
            _apply(key, lambda expect: curation.add_event(data_dir(), **values, claims=cited, expect=expect))
        else:
            extra = [a for a in links["actor_id"].astype(str) if a not in labels]  # kept: not in the picker
            values["actors"] += [(a, r) for a, r in zip(links["actor_id"].astype(str), links["role"]) if a in extra]
            values["precision"] = None
            _apply(key, lambda expect: curation.edit_event(data_dir(), record["event_id"], **values, expect=expect))


def evidence_form(full: Dataset, key: str, claims: Sequence[str]) -> None:
    """Add the claims as evidence to an existing curated event."""
    _remember(key)
    curated = full.events[full.events["origin"].astype(str) == "curated"]
    titles = dict(zip(curated["event_id"].astype(str), curated["title"].astype(str)))
    with st.form(key, border=True):
        event = st.selectbox(
            "Event",
            list(titles),
            index=None,
            format_func=lambda e: f"{titles[e]} ({e})",
            key=f"{key}-event",
            placeholder="Type to search the events",
        )
        submitted = st.form_submit_button("Cite for this event", type="primary")
    if submitted:
        _apply(key, lambda expect: curation.cite_event(data_dir(), event or "", claims=list(claims), expect=expect))


# --- where an analyst stands --------------------------------------------------------------------


def claim_actions(full: Dataset, claims: str | Sequence[str], key: str = "claim") -> None:
    """From a claim (or a cell's claims): record a threat perception, a relation or an event citing it."""
    if not editable():
        return
    cited = [claims] if isinstance(claims, str) else list(claims)
    flash()
    label = "this claim" if len(cited) == 1 else f"these {len(cited)} claims"
    with st.expander(f"Record a judgment citing {label}", icon=":material/edit_note:"):
        st.caption(f"Citing {md(', '.join(cited))}; change the evidence in each form.")
        tabs = st.tabs(["Threat perception", "Relation", "Event", "Evidence for an event"])
        with tabs[0]:
            assessment_form(full, f"{key}-assessment", claims=cited)
        with tabs[1]:
            relation_form(full, f"{key}-relation", claims=cited)
        with tabs[2]:
            event_form(full, f"{key}-event", claims=cited)
        with tabs[3]:
            evidence_form(full, f"{key}-evidence", claims=cited)


def _cited(rows: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(c for cell in rows["claim_ids"] for c in cell))


def cell_actions(full: Dataset, perceiver: str, threat: str, key: str = "cell") -> None:
    """A threat matrix cell's drill-down: change or remove its perceptions, or record more from its claims."""
    assessment_controls(full, perceiver, threat, key=key)
    a = full.assessments
    if claims := _cited(a[(a["perceiver"] == perceiver) & (a["threat"] == threat)]):
        claim_actions(full, claims, key=f"{key}-claims")


def tie_actions(full: Dataset, source: str, target: str, key: str = "tie") -> None:
    """A relations tie's drill-down: change or remove its relations, or record more from its claims."""
    relation_controls(full, source, target, key=key)
    if claims := _cited(_ties(full.relations, source, target)):
        claim_actions(full, claims, key=f"{key}-claims")


def _ties(relations: pd.DataFrame, source: str, target: str) -> pd.DataFrame:
    a, b = relations["actor_a"], relations["actor_b"]
    return relations[((a == source) & (b == target)) | ((a == target) & (b == source))]


def event_actions(full: Dataset, event_id: str, key: str = "event") -> None:
    """A timeline event's drill-down: change, cite for or remove it, or record a judgment from its claims."""
    event_controls(full, event_id, key=key)
    links = full.event_claims[full.event_claims["event_id"].astype(str) == str(event_id)]
    if len(links):
        claim_actions(full, list(links["claim_id"].astype(str)), key=f"{key}-claims")


def _remove(key: str, label: str, call: Callable[[str | None], curation.Change]) -> None:
    _remember(key)
    with st.form(key, border=False):
        sure = st.checkbox(f"Yes, remove {label}", key=f"{key}-sure")
        submitted = st.form_submit_button("Remove", icon=":material/delete:")
    if submitted:
        if not sure:
            st.error("Tick the box to confirm the removal; nothing was removed.", icon=":material/block:")
        else:
            _apply(key, call)


def _record_controls(rows: pd.DataFrame, key: str, noun: str, form: Callable, remove: Callable) -> None:
    """One "Change or remove" expander per assessment or relation row: its edit form and its remove button."""
    if not editable():
        return
    flash()
    for _, row in rows.iterrows():
        record_id = str(row[f"{noun}_id"])
        with st.expander(f"Change or remove {md(record_id)}", icon=":material/edit:"):
            form(f"{key}-edit-{record_id}", record=row)
            _remove(
                f"{key}-remove-{record_id}",
                f"{noun} {record_id}",
                lambda expect, r=record_id: remove(data_dir(), r, expect=expect),
            )


def assessment_controls(full: Dataset, perceiver: str, threat: str, key: str = "cell") -> None:
    """Change or remove the threat perceptions behind one matrix cell."""
    a = full.assessments
    rows = a[(a["perceiver"] == perceiver) & (a["threat"] == threat)]
    form = functools.partial(assessment_form, full)
    _record_controls(rows, key, "assessment", form, curation.remove_assessment)


def relation_controls(full: Dataset, source: str, target: str, key: str = "tie") -> None:
    """Change or remove the relations behind one tie (either direction)."""
    r = full.relations
    pair = {source, target}
    rows = r[r["actor_a"].isin(pair) & r["actor_b"].isin(pair) & (r["actor_a"] != r["actor_b"])]
    _record_controls(rows, key, "relation", functools.partial(relation_form, full), curation.remove_relation)


def event_controls(full: Dataset, event_id: str, key: str = "event") -> None:
    """Change, cite more claims for, or remove one curated event (imported events are the publisher's)."""
    if not editable():
        return
    flash()
    rows = full.events[full.events["event_id"].astype(str) == str(event_id)]
    if rows.empty or str(rows.iloc[0]["origin"]) != "curated":
        return
    row = rows.iloc[0]
    with st.expander("Change, cite or remove this event", icon=":material/edit:"):
        event_form(full, f"{key}-edit-{event_id}", record=row)
        cite_key = f"{key}-cite-{event_id}"
        _remember(cite_key)
        with st.form(cite_key, border=False):
            more = _pick_claims(full, f"{cite_key}-claims", [])
            submitted = st.form_submit_button("Cite these claims too")
        if submitted:
            _apply(cite_key, lambda expect: curation.cite_event(data_dir(), event_id, claims=more, expect=expect))
        _remove(
            f"{key}-remove-{event_id}",
            f"event {event_id}",
            lambda expect: curation.remove_event(data_dir(), event_id, expect=expect),
        )


# --- actors, changes ----------------------------------------------------------------------------


def actors_panel(full: Dataset, key: str = "actors") -> None:
    """Add an actor, add or remove an alias, merge two actors."""
    if not editable():
        return
    flash()
    add, alias, merge = st.tabs(["Add an actor", "Aliases", "Merge two actors"])
    with add:
        _remember(f"{key}-add")
        with st.form(f"{key}-add"):
            name = st.text_input("Name", key=f"{key}-add-name")
            left, right = st.columns(2)
            kind = left.selectbox(
                "Kind", ACTOR_KINDS, index=1, key=f"{key}-add-kind", format_func=lambda v: v.replace("_", " ")
            )
            actor_id = right.text_input(
                "Id (optional)", key=f"{key}-add-id", help="Short, for URLs; default: from the name"
            )
            aliases = st.text_input("Other names (separate with ;)", key=f"{key}-add-aliases")
            submitted = st.form_submit_button("Add actor", type="primary")
        if submitted:
            names = [a.strip() for a in aliases.split(";") if a.strip()]
            _apply(
                f"{key}-add",
                lambda expect: curation.add_actor(
                    data_dir(), name=name, kind=kind, actor_id=actor_id or None, aliases=names, expect=expect
                ),
            )
    with alias:
        _remember(f"{key}-alias")
        with st.form(f"{key}-alias"):
            actor = _pick_actor("Actor", full, f"{key}-alias-actor")
            name = st.text_input("Alias", key=f"{key}-alias-name")
            left, right = st.columns(2)
            adding = left.form_submit_button("Add alias", type="primary")
            removing = right.form_submit_button("Remove alias")
        if adding:
            _apply(f"{key}-alias", lambda expect: curation.add_alias(data_dir(), actor or "", name, expect=expect))
        if removing:
            _apply(f"{key}-alias", lambda expect: curation.remove_alias(data_dir(), actor or "", name, expect=expect))
    with merge:
        _remember(f"{key}-merge")
        with st.form(f"{key}-merge"):
            keep = _pick_actor("Keep", full, f"{key}-merge-keep")
            drop = _pick_actor("Merge into it (its names become aliases)", full, f"{key}-merge-drop")
            submitted = st.form_submit_button("Merge", type="primary")
        if submitted:
            _apply(
                f"{key}-merge", lambda expect: curation.merge_actors(data_dir(), keep or "", drop or "", expect=expect)
            )


def changes_frame(entries: list[dict]) -> pd.DataFrame:
    undone = {e.get("undoes") for e in entries if e.get("undoes")}
    rows = [(e["id"], e["at"], e["by"], e["summary"], "undone" if e["id"] in undone else "") for e in reversed(entries)]
    return pd.DataFrame(rows, columns=["Change", "When (UTC)", "By", "What", "Undone"])


def changes_panel(limit: int = 15, key: str = "changes") -> None:
    """The recent changes, newest first, and Undo for the last one."""
    flash()
    try:
        entries = curation.read_log(data_dir())
    except DatasetError as exc:
        st.error(md(str(exc)), icon=":material/error:")
        return
    if not entries:
        st.caption("No changes recorded yet.")
        return
    st.dataframe(changes_frame(entries).head(limit), hide_index=True, key=f"{key}-table")
    target = curation.undo_target(entries)
    if editable() and target is not None:
        _remember(key)
        if st.button(
            f"Undo change {target['id']}: {target['summary'][:80]}", key=f"{key}-undo", icon=":material/undo:"
        ):
            _apply(key, lambda expect: curation.undo(data_dir(), expect=expect))


def unmapped_panel(full: Dataset, limit: int = 25, key: str = "map") -> None:
    """Map the imported names the gazetteer does not know onto gazetteer actors, with near matches first."""
    names = unmapped_names(full)
    if names.empty:
        st.caption("Every imported actor name maps onto the gazetteer.")
        return
    if not editable():
        st.dataframe(names[["name", "events"]], hide_index=True)
        return
    flash()
    options, labels = _actors(full)
    _remember(key)
    with st.form(key):
        st.caption(
            "Pick the gazetteer actor each name means (best near match first); leave empty to keep it apart. "
            "The name becomes an alias, and its events move onto the actor."
        )
        picks = {}
        for row in names.head(limit).itertuples():
            near = [s.actor_id for s in row.suggestions if s.actor_id in labels]
            ordered = near + [o for o in options if o not in near]
            hint = ", ".join(f"{s.actor_id} {s.score:.0f}" for s in row.suggestions) or "no near match"
            picks[row.name] = st.selectbox(
                f"{row.name} · {row.events:,} events",
                ordered,
                index=None,
                key=f"{key}-{row.actor_id}",
                format_func=labels.get,
                placeholder=f"near: {hint}",
            )
        submitted = st.form_submit_button("Map the chosen names", type="primary")
    if submitted:
        pairs = [(actor, name) for name, actor in picks.items() if actor]
        _apply(key, lambda expect: curation.add_aliases(data_dir(), pairs, expect=expect))
