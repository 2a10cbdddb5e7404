"""A new dossier from nothing: `init`, then ingest, import and the app all work on it."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pycountry
import pytest

from dossier import curation, load_dataset
from dossier.curation.gazetteer import ORGANISATIONS, starter_actors
from dossier.importers.actors import Gazetteer
from dossier.importers.run import commit_import, prepare_import
from dossier.store import folder_checksum

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def dossier(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dossier", *args], capture_output=True, text=True, env=env, cwd=ROOT)


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "my-dossier"
    curation.create(folder)
    monkeypatch.setenv("DOSSIER_DATA", str(folder))
    return folder


def test_init_makes_a_valid_empty_dataset_with_the_gazetteer(fresh):
    ds = load_dataset(fresh)
    assert ds.counts() == {"sources": 0, "claims": 0, "actors": len(pycountry.countries) + 33, "events": 0}
    assert ds.assessments.empty and ds.relations.empty


def test_every_country_is_a_state_with_its_iso3():
    actors = starter_actors().set_index("actor_id")
    for country in pycountry.countries:
        row = actors.loc[country.alpha_3]
        assert (row["kind"], row["iso3"]) == ("state", country.alpha_3)


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("Pakistani", "PAK"),
        ("Government of Pakistan", "PAK"),
        ("Iran, Islamic Republic of", "IRN"),
        ("Iranian", "IRN"),
        ("Russia", "RUS"),
        ("U.S.", "USA"),
        ("British", "GBR"),
        ("DRC", "COD"),
        ("Ivory Coast", "CIV"),
        ("Burma", "MMR"),
        ("Shanghai Cooperation Organisation", "SCO"),
        ("NATO", "NATO"),
        ("World Bank", "WB"),
        ("Financial Action Task Force", "FATF"),
        ("SAARC", "SAARC"),
        ("OIC", "OIC"),
    ],
)
def test_common_names_and_demonyms_map(name, actor_id):
    assert curation.actor_id(starter_actors(), name) == actor_id
    assert Gazetteer.from_actors(starter_actors()).resolve(name) == actor_id


def test_no_alias_names_two_actors():
    counts = Counter(" ".join(a.split()).casefold() for aliases in starter_actors()["aliases"] for a in set(aliases))
    shared = [a for a, n in counts.items() if n > 1]
    assert shared == []
    assert "congo" not in counts  # both Congos: left out rather than guessed


def test_the_documented_organisations_are_all_there():
    ids = {line.split("|")[0].strip() for line in ORGANISATIONS.strip().splitlines()}
    assert {"UN", "IMF", "WB", "NATO", "EU", "SCO", "SAARC", "ASEAN", "AU", "OIC", "FATF"} <= ids
    assert ids <= set(starter_actors()["actor_id"])


def test_init_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    before = folder_checksum(tmp_path)
    with pytest.raises(curation.CurationError, match="not an empty folder"):
        curation.create(tmp_path)
    assert folder_checksum(tmp_path) == before


def test_init_ingest_and_a_matrix_cell_by_command(tmp_path):
    """The README's path: init, ingest a document, add an assessment citing it, and validate."""
    folder = tmp_path / "d"
    brief = tmp_path / "brief.txt"
    brief.write_text(
        "Pakistani officials met Indian diplomats in Geneva. India sees the TTP as a grave threat.\n", encoding="utf-8"
    )
    assert dossier("init", str(folder)).returncode == 0
    ingest = dossier("ingest", str(brief), "--data", str(folder), "--yes", "--publisher", "Me")
    assert ingest.returncode == 0, ingest.stderr
    claim = load_dataset(folder).claims["claim_id"].iloc[-1]
    added = dossier(
        "add",
        "actor",
        "Tehreek-e-Taliban Pakistan",
        "--kind",
        "armed_group",
        "--id",
        "TTP",
        "--alias",
        "TTP",
        "--data",
        str(folder),
    )
    assert added.returncode == 0, added.stderr
    cell = dossier(
        "add",
        "assessment",
        "--perceiver",
        "India",
        "--threat",
        "TTP",
        "--level",
        "primary",
        "--claim",
        claim,
        "--data",
        str(folder),
    )
    assert cell.returncode == 0, cell.stderr
    assert cell.stdout.startswith("change 2: add assessment ind-ttp")
    valid = dossier("validate", "--data", str(folder))
    assert valid.returncode == 0 and "1 assessments" in valid.stdout and "2 changes logged" in valid.stdout


def test_import_into_a_new_dossier(fresh):
    prepared = prepare_import(FIXTURES / "ucdp_standard.csv", fresh)
    commit_import(prepared, fresh, good_rows=True)
    ds = load_dataset(fresh)
    assert (ds.events["origin"] == "ucdp").sum() == prepared.rows_good > 0
    assert "PAK" in set(ds.event_actors["actor_id"].astype(str))


@pytest.mark.parametrize(
    "page", ["pages/overview.py", "pages/matrix.py", "pages/timeline.py", "pages/claims.py", "pages/sources.py"]
)
def test_every_page_runs_on_a_new_dossier(fresh, run_app, page):
    at = run_app(page=page)
    assert not at.exception
    assert not at.error
