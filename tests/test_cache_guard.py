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
