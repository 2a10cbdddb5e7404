"""DOSSIER_CHECK_IMMUTABLE=1: a run that finds the shared cached dataset changed says so and stops.

The concurrency browser test serves the app with this check on; this shows the check can fail.
"""

from __future__ import annotations

import pytest

from dossier.ui import data as ui

pytestmark = pytest.mark.integration
MESSAGE = "A page changed the shared cached dataset (DOSSIER_CHECK_IMMUTABLE)."


@pytest.mark.parametrize(
    ("change", "stopped"),
    [
        (lambda ds: ds.events.assign(title="new frame").sort_values("title"), False),  # new frames: fine
        (lambda ds: ds.events.loc.__setitem__((ds.events.index[0], "title"), "changed"), True),
        (lambda ds: setattr(ds.claims, "columns", [c.upper() for c in ds.claims.columns]), True),
        (lambda ds: ds.actors.__setitem__("extra", 1), True),
        (lambda ds: ds.actors["aliases"].iloc[5].append("new alias"), True),  # a list inside a cell
    ],
    ids=["copy", "cell", "renamed-columns", "new-column", "list-cell"],
)
def test_a_changed_cached_frame_stops_the_next_run(data_copy, run_app, monkeypatch, change, stopped):
    monkeypatch.setenv("DOSSIER_CHECK_IMMUTABLE", "1")
    at = run_app()
    assert not at.exception and [e.value for e in at.error] == []
    folder = ui.data_dir()
    try:
        change(ui._load(str(folder), ui._data_version(folder)))
        at.run()
        assert not at.exception
        assert [e.value for e in at.error] == ([MESSAGE] if stopped else [])
    finally:
        ui._load.clear()
        ui._digest_as_loaded.clear()


def test_a_built_chart_is_computed_once_per_data_version_selection_and_parameters(data_copy):
    import os

    from dossier import load_dataset
    from dossier.filters import Selection

    calls: list[tuple] = []

    def build(full, view, measure):
        calls.append((tuple(view.selection), measure))
        return {"rows": len(view.events), "measure": measure}

    full = load_dataset(data_copy)
    pakistan = full.apply(Selection(countries=["Pakistan"]))
    first = ui.built(build, full, pakistan, "events")
    assert ui.built(build, full, pakistan, "events") == first  # another session, the same view: no rebuild
    first["rows"] = -1  # each caller gets its own copy
    assert ui.built(build, full, pakistan, "events")["rows"] == len(pakistan.events)
    ui.built(build, full, pakistan, "fatalities")
    ui.built(build, full, full, "events")
    assert calls == [(("country",), "events"), (("country",), "fatalities"), ((), "events")]
    events = data_copy / "events.csv"
    stat = events.stat()
    os.utime(events, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a commit changes the version
    ui.built(build, load_dataset(data_copy), pakistan, "events")
    assert len(calls) == 4
