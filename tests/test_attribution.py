"""Imported data is credited one way everywhere: source lines, the raw-export rule and the aggregated-rows note."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest
from test_timeline import dataset, event

from dossier.charts import catalog
from dossier.charts.timeline import aggregated_figure, detail_figure
from dossier.importers.licences import LICENCES, aggregated_note, raw_export_allowed, raw_rows, source_names
from dossier.importers.storage import empty_registry

ACLED_LINE = "ACLED (accessed 2025-01-10; filters: country=Pakistan)"


def registry(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    """imports.csv rows of (import_id, format, accessed, filters); the other columns empty."""
    frame = pd.DataFrame([dict(zip(("import_id", "format", "accessed", "filters"), row)) for row in rows])
    return pd.concat([empty_registry(), frame], ignore_index=True).fillna("")


def events(*pairs: tuple[str, str | None]) -> pd.DataFrame:
    """Events of (origin, import_id)."""
    return pd.DataFrame({"origin": [o for o, _ in pairs], "import_id": [i for _, i in pairs]})


@pytest.mark.parametrize(
    ("origin", "allowed"), [("curated", True), ("ucdp", True), ("acled", False), ("unknown", False), ("", False)]
)
def test_raw_export_rule(origin, allowed):
    assert raw_export_allowed(origin) is allowed
    for dtype in ("str", "category"):
        assert raw_rows(pd.Series([origin, "curated"], dtype=dtype)).tolist() == [allowed, True]


@pytest.mark.parametrize(
    ("frame", "imports", "names"),
    [
        (events(("curated", None)), registry(), []),
        (events(("ucdp", "u1")), registry(("u1", "ucdp", "2025-02-01", "")), ["UCDP GED (CC BY 4.0)"]),
        (events(("acled", "a1")), registry(("a1", "acled", "2025-01-10", "country=Pakistan")), [ACLED_LINE]),
        (  # two ACLED imports: every access date and every filter set is named
            events(("acled", "a1"), ("acled", "a2")),
            registry(("a1", "acled", "2025-01-10", "country=Pakistan"), ("a2", "acled", "2025-03-01", "year=2024")),
            ["ACLED (accessed 2025-01-10, 2025-03-01; filters: country=Pakistan; year=2024)"],
        ),
        (  # an import the filtered events do not use is not credited
            events(("ucdp", "u1")),
            registry(("a1", "acled", "2025-01-10", "country=Pakistan"), ("u1", "ucdp", "2025-02-01", "")),
            ["UCDP GED (CC BY 4.0)"],
        ),
        (  # registry order: ACLED was imported first
            events(("ucdp", "u1"), ("acled", "a1")),
            registry(("a1", "acled", "2025-01-10", "country=Pakistan"), ("u1", "ucdp", "2025-02-01", "")),
            [ACLED_LINE, "UCDP GED (CC BY 4.0)"],
        ),
        (events(("acled", None)), registry(), ["ACLED (access date not recorded)"]),
    ],
)
def test_source_names_follow_the_licence_and_the_registry(frame, imports, names):
    assert source_names(frame, imports) == names
    assert source_names(frame.astype("category"), imports) == names


def test_every_publisher_gets_one_aggregated_note():
    notes = {origin: aggregated_note(origin) for origin in LICENCES}
    assert notes["acled"].startswith("ACLED rows aggregated per month") and "ACLED's terms" in notes["acled"]
    assert "no licence on record" in aggregated_note("mystery")


@pytest.fixture
def with_acled():
    """One curated and one ACLED event, with the ACLED import in the registry."""
    ds = dataset(
        [event("c", "2025-03-01"), event("a", "2025-03-04", origin="acled")], links=[("c", "PAK"), ("a", "BLA")]
    )
    ds = replace(ds, event_actors=ds.event_actors.assign(role=["side_a", "side_b"]))
    ds = replace(ds, event_actors=pd.concat([ds.event_actors, ds.event_actors.assign(event_id=["a", "c"])]))
    found = registry(("acled-1", "acled", "2025-01-10", "country=Pakistan"))
    return replace(ds, events=ds.events.assign(import_id=[None, "acled-1"]), imports=found)


@pytest.mark.parametrize("figure", [detail_figure, aggregated_figure])
def test_timeline_source_line_carries_acled_access_date_and_filters(with_acled, figure):
    assert figure(with_acled, "type").layout.meta["source_line"] == f"Sources: {ACLED_LINE}"


def test_dyad_source_line_and_export_credit_acled_the_same_way(with_acled):
    chart = catalog.dyad_chart(with_acled, with_acled)
    assert chart.figure.layout.meta["source_line"].endswith(ACLED_LINE)
    rows = catalog.licence_safe_events(with_acled.events, with_acled.event_actors)
    assert rows["event_id"].dropna().tolist() == ["c"]  # the ACLED row leaves only as a count
    assert rows["note"].dropna().tolist() == [aggregated_note("acled")]
