"""The Curate page: recent changes with undo, the actor tools, and imported names to map."""

from __future__ import annotations

from dossier import curation


def test_curate_page_lists_changes_and_undoes_the_last(data_copy, run_app):
    curation.add_alias(data_copy, "TTP", "Pakistani Taliban")
    at = run_app(page="pages/curate.py")
    assert not at.exception
    assert at.dataframe[0].value.iloc[0]["What"] == "add alias 'Pakistani Taliban' → TTP"
    next(b for b in at.button if b.label.startswith("Undo change 1")).click()
    at.run()
    assert [e["op"] for e in curation.read_log(data_copy)] == ["add alias", "undo"]
    assert (
        "Pakistani Taliban" not in curation.read_tables(data_copy)["actors"].set_index("actor_id").loc["TTP", "aliases"]
    )


def test_curate_page_without_changes_or_imports(data_copy, run_app):
    at = run_app(page="pages/curate.py")
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert "No changes recorded yet." in captions and "Every imported actor name maps onto the gazetteer." in captions
