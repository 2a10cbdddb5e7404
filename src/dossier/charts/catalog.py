"""Every chart Dossier draws, as one registry: pages render them, exports and the pack reuse them.

A builder takes the full dataset and the filtered view and returns a ``ChartOutput``:
the figure, exactly the rows behind it (what the CSV export holds), and the claims that
prove it (what the briefing pack quotes). ``None`` means nothing to draw under the filters.
Each builder's result is typed (``ThreatChart``, ``RelationsChart``, …): its named fields and
methods are what the page reads beside the figure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from ..analysis import chronology, dyads, evidence, perceptions, ties
from ..analysis.naming import actor_names, named
from ..claims import with_source
from ..dataset import Dataset
from ..filters import isin
from ..importers.licences import aggregated_note, raw_rows
from ..schema import TABLES
from ..views import matrix_text
from ..views.labels import MEASURES
from . import matrix as matrix_charts
from .common import events_source_line, source_line
from .timeline import aggregated_figure, detail_figure


@dataclass(frozen=True)
class ChartOutput:
    """What every chart gives pages, exports and the pack: the figure, its rows and the claims behind it."""

    name: str
    title: str
    description: str
    figure: go.Figure
    data: pd.DataFrame
    claim_ids: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True, eq=False)
class ThreatChart(ChartOutput):
    """The threat matrix with what its page reads beside it: cells, divergences and the evidence."""

    cells: pd.DataFrame  # perceptions.threat_cells: one row per perceiver × threat
    divergences: pd.DataFrame  # perceptions.divergences_in_context: in_view says whether both sides are shown
    everyone: pd.DataFrame  # the assessments in the period under no other filter, to name who is silent
    names: dict[str, str]
    evidence: pd.DataFrame  # every claim, graded (claims.with_source)

    def options(self) -> dict[str, str]:
        return matrix_text.threat_options(self.cells, self.names)

    def cell(self, key: str) -> perceptions.Cell:
        return perceptions.cell_at(self.cells, key, self.evidence)

    def divergence_notes(self) -> list[str]:
        return matrix_text.divergence_notes(self.divergences, self.names)

    def silence_notes(self) -> list[str]:
        return matrix_text.silence_notes(perceptions.silent_elsewhere(self.cells, self.everyone), self.names)


@dataclass(frozen=True, kw_only=True, eq=False)
class RelationsChart(ChartOutput):
    """The relations matrix with its cells and ties, so the page can open the ties of a clicked cell."""

    cells: pd.DataFrame  # ties.relation_cells: one row per (source, target)
    edges: pd.DataFrame  # ties.relation_edges: one row per tie and direction
    names: dict[str, str]
    evidence: pd.DataFrame

    def options(self) -> dict[str, str]:
        return matrix_text.relation_options(self.cells, self.names)

    def ties_in(self, key: str) -> list[ties.Tie]:
        return ties.ties_at(self.edges, key, self.evidence)


@dataclass(frozen=True, kw_only=True, eq=False)
class DyadChart(ChartOutput):
    """The dyad heatmap with every dyad (the grid shows only the busiest actors)."""

    found: pd.DataFrame  # dyads.dyads
    grid: pd.DataFrame  # dyads.dyad_grid: what the heatmap draws
    measure: str  # what the heatmap shows
    asked: str  # what the analyst asked for: fatalities fall back to events when none is reported
    names: dict[str, str]

    @property
    def fell_back(self) -> bool:
        return self.asked != self.measure

    def table(self) -> pd.DataFrame:
        """Every dyad with actor names, for the table under the chart."""
        return named(self.found, self.names, ["side_a", "side_b"])

    def coverage_note(self) -> str:
        return matrix_text.grid_coverage(self.grid.shape, self.found)


@dataclass(frozen=True, kw_only=True, eq=False)
class TimelineChart(ChartOutput):
    aggregated: bool  # counts per period instead of one mark per event


def _named(frame: pd.DataFrame, names: dict[str, str], columns: list[str]) -> pd.DataFrame:
    out = frame.copy()
    for column in columns:
        out.insert(out.columns.get_loc(column) + 1, f"{column}_name", out[column].map(names))
    return out


def threat_chart(full: Dataset, view: Dataset) -> ThreatChart | None:
    selection = view.selection
    assessments = evidence.in_period(view.assessments, full.claims, full.sources, selection)
    cells = perceptions.threat_cells(assessments, full.actors)
    if cells.empty:
        return None
    everyone = evidence.in_period(full.assessments, full.claims, full.sources, selection)
    split = perceptions.divergences_in_context(cells, everyone, full.actors)
    names = actor_names(full.actors)
    graded = with_source(full.claims, full.sources)
    sources = source_line(evidence.cited_sources(assessments, full.claims, full.sources))
    divergent = perceptions.divergent_cells(split[split["in_view"]])
    fig = matrix_charts.threat_heatmap(cells, names, graded, divergent, selection.describe(), sources)
    data = _named(cells, names, ["perceiver", "threat"]).drop(columns=["rank", "stated"])
    data["divergent"] = [(p, t) in divergent for p, t in zip(cells["perceiver"], cells["threat"])]
    about = "Who rates which threat how seriously, and where perceivers diverge"
    claim_ids = tuple(evidence.cited_claim_ids(assessments))
    return ThreatChart(
        "threat-matrix",
        "Threat perceptions",
        about,
        fig,
        data,
        claim_ids,
        cells=cells,
        divergences=split,
        everyone=everyone,
        names=names,
        evidence=graded,
    )


def relations_chart(full: Dataset, view: Dataset) -> RelationsChart | None:
    selection = view.selection
    relations = evidence.in_period(view.relations, full.claims, full.sources, selection)
    edges = ties.relation_edges(relations)
    cells, rows, cols = ties.relation_cells(edges, full.actors)
    if cells.empty:
        return None
    names = actor_names(full.actors)
    sources = source_line(evidence.cited_sources(relations, full.claims, full.sources))
    fig = matrix_charts.relations_matrix(cells, rows, cols, names, selection.describe(), sources)
    about = "Cooperation, conflict, diplomatic, economic and other ties, with direction"
    data, claim_ids = _named(relations, names, ["actor_a", "actor_b"]), tuple(evidence.cited_claim_ids(relations))
    graded = with_source(full.claims, full.sources)
    return RelationsChart(
        "relations", "Relations", about, fig, data, claim_ids, cells=cells, edges=edges, names=names, evidence=graded
    )


def dyad_chart(
    full: Dataset, view: Dataset, measure: str = "events", log: bool = True, found: pd.DataFrame | None = None
) -> DyadChart | None:
    """``found`` is ``dyads.dyads`` of the view when the caller has it already (a million events take a while)."""
    found = dyads.dyads(view.events, view.event_actors) if found is None else found
    if found.empty:
        return None
    shown = "events" if measure == "fatalities" and not found["fatality_events"].any() else measure
    names = actor_names(full.actors)
    grid = dyads.dyad_grid(found, shown)
    fig = matrix_charts.dyad_heatmap(
        grid, names, MEASURES[shown], log, view.selection.describe(), events_source_line(view, full)
    )
    claim_ids = tuple(dict.fromkeys(view.event_claims["claim_id"]))  # imported events carry provenance, not claims
    title, about = f"Event dyads ({MEASURES[shown].lower()})", "Events or fatalities for each pair of actors"
    data = _named(found, names, ["side_a", "side_b"])
    return DyadChart(
        "event-dyads",
        title,
        about + " over the filtered events (aggregates only)",
        fig,
        data,
        claim_ids,
        found=found,
        grid=grid,
        measure=shown,
        asked=measure,
        names=names,
    )


EVENT_COLUMNS = TABLES["events"].column_names  # a chart's CSV carries events as events.csv holds them


def licence_safe_events(events: pd.DataFrame, event_actors: pd.DataFrame) -> pd.DataFrame:
    """The event rows behind a chart, as a CSV may carry them.

    Rows whose licence forbids redistribution (ACLED; ``licences.raw_export_allowed``) are replaced
    by monthly counts and fatalities per country and event type, with a note saying why.
    """
    hidden = ~raw_rows(events["origin"])
    rows = events.loc[~hidden, [c for c in EVENT_COLUMNS if c in events]].copy()
    actors = event_actors[isin(event_actors["event_id"], rows["event_id"])]
    rows["actors"] = rows["event_id"].map(actors.groupby("event_id")["actor_id"].agg(lambda a: "; ".join(map(str, a))))
    if not hidden.any():
        return rows
    counted = events[hidden].assign(month=events.loc[hidden, "date_start"].dt.to_period("M").astype(str))
    summary = (
        counted.groupby(["origin", "month", "country", "event_type"], observed=True, dropna=False)
        .agg(events=("event_id", "size"), fatalities=("fatalities", "sum"))
        .reset_index()
    )
    summary["note"] = summary["origin"].astype("str").map(aggregated_note)
    return pd.concat([rows, summary], ignore_index=True)


def timeline_chart(
    full: Dataset, view: Dataset, lanes: str = "actor", measure: str = "events", aggregated: bool | None = None
) -> TimelineChart | None:
    if view.events.empty:
        return None
    if aggregated is None:
        aggregated = chronology.should_aggregate(view, lanes)
    if aggregated:
        agg = chronology.aggregate(view, lanes, measure)
        fig = aggregated_figure(view, lanes, measure, full, agg=agg)
        data = agg.table.rename_axis("period").reset_index().melt("period", var_name=lanes, value_name=measure)
    else:
        fig = detail_figure(view, lanes, full=full)
        data = licence_safe_events(view.events, view.event_actors)
    about = f", {measure} per period (aggregated)" if aggregated else ", each with its date basis"
    claim_ids = tuple(dict.fromkeys(view.event_claims["claim_id"]))
    return TimelineChart(
        "timeline", "Timeline of events", "Events over time" + about, fig, data, claim_ids, aggregated=aggregated
    )


CHARTS: dict[str, Callable[[Dataset, Dataset], ChartOutput | None]] = {
    "timeline": timeline_chart,
    "threat-matrix": threat_chart,
    "relations": relations_chart,
    "event-dyads": dyad_chart,
}


def all_charts(full: Dataset, view: Dataset) -> list[ChartOutput]:
    """Every chart with something to show under the view's filters, in registry order."""
    return [chart for build in CHARTS.values() if (chart := build(full, view)) is not None]
