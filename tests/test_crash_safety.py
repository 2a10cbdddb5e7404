"""Kill ingest and import with SIGKILL at random points and at the commit's own steps.

After every kill the folder must load, and it must hold exactly the dataset from before the
run or exactly the one a complete run leaves: never a mix. Loading rolls a committed journal
forward, so a kill after the journal may legitimately end in the "after" state.

The states are compared as digests of the loaded folder's files (temp files that never reached
a journal are not part of the dataset; the import's timestamp is masked).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from corpus import make_corpus as corpus

from dossier import load_dataset
from dossier.store import JOURNAL, recover

pytestmark = pytest.mark.slow  # scale and crash trials run after the rest (tests/conftest.py)
ROOT = Path(__file__).resolve().parents[1]
SEED = 20251128
RANDOM_TRIALS = 8  # per scenario
UCDP_ROWS = 40_000  # under a second of importing: long enough for random kills to land mid-run
DOCUMENTS = 12
PLACES = ("Quetta", "Peshawar", "Karachi", "Lahore", "Gwadar", "Turbat", "Bannu", "Kabul")

# Runs the CLI with a pause at one step of the commit: after the n-th fsync (a staged file), right after
# the journal is written, or after the n-th file is moved in. The parent kills it there (or lets it go on).
PAUSING_CLI = """
import os, sys, time
from pathlib import Path
import dossier.store as store
point, nth, resume = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
seen = {"fsync": 0, "journal": 0, "replace": 0}

def pausing(step, real):
    def step_then_pause(*args, **kwargs):
        result = real(*args, **kwargs)
        if step == "journal" and Path(args[0]).name != store.JOURNAL:
            return result
        if step == "replace" and not seen["journal"]:
            return result  # count only the files moved in after the commit point
        seen[step] += 1
        if step == point and seen[step] == nth:
            print("PAUSED", file=sys.stderr, flush=True)
            deadline = time.monotonic() + 60
            while not resume.exists() and time.monotonic() < deadline:
                time.sleep(0.01)
        return result
    return step_then_pause

os.fsync = pausing("fsync", os.fsync)
os.replace = pausing("replace", os.replace)
store.write_bytes_atomic = pausing("journal", store.write_bytes_atomic)
from dossier.cli import main
sys.exit(main(sys.argv[4:]))
"""


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("DOSSIER_READ_ONLY", "DOSSIER_DATA")}


def state(folder: Path) -> str:
    """A digest of the dataset a folder holds (load it first so a committed journal is rolled forward)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.endswith(".tmp")):
        data = path.read_bytes()
        if path.name == "imports.csv":
            data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"<imported_at>", data)
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + data)
    return digest.hexdigest()


def _documents(folder: Path) -> Path:
    folder.mkdir()
    for i in range(DOCUMENTS):
        place = PLACES[i % len(PLACES)]
        lines = [
            f"On {day} March 2025 the Jamaat Liberation Front attacked a convoy near {place}, officials said in "
            f"memo {i}. Pakistan's army said it would respond within {day + 1} days.\n"
            for day in range(1, 29)
        ]
        (folder / f"memo-{i:02d}.txt").write_text("".join(lines) + "Original Source: example.org\n")
    return folder


def _ucdp(path: Path) -> Path:
    row = corpus.ucdp_row(0)
    cells = [f'"{row[c]}"' if "," in row.get(c, "") else row.get(c, "") for c in corpus.UCDP_HEADER]
    cells[corpus.UCDP_HEADER.index("id")], cells[corpus.UCDP_HEADER.index("relid")] = "{id}", "R-{id}"
    template = ",".join(cells) + "\n"
    with open(path, "w", encoding="utf-8") as out:
        out.write(",".join(corpus.UCDP_HEADER) + "\n")
        out.writelines(template.format(id=i) for i in range(1, UCDP_ROWS + 1))
    return path


@dataclass
class Scenario:
    name: str
    argv: list[str]  # the CLI arguments, without --data
    before: str
    after: str
    seconds: float  # a complete run, start-up included
    moves: int  # files the commit moves into place


def _pausing(step: str, nth: int, resume: Path, argv: list[str], stdout=subprocess.DEVNULL) -> subprocess.Popen:
    """Start the CLI paused at a commit step; returns once it is there."""
    process = subprocess.Popen([sys.executable, "-c", PAUSING_CLI, step, str(nth), str(resume), *argv], cwd=ROOT,
                               env=_env(), stdout=stdout, stderr=subprocess.PIPE, text=True)  # fmt: skip
    paused = any(line.strip() == "PAUSED" for line in iter(process.stderr.readline, ""))
    assert paused, f"the run never reached {step} {nth}: {process.wait()}"
    return process


@pytest.fixture(scope="module")
def scenarios(tmp_path_factory) -> Iterator[dict[str, Scenario]]:
    """The two runs to crash, each with the dataset before it and after a complete run.

    The complete run stops once at its journal, to count the files the commit moves in.
    """
    base = tmp_path_factory.mktemp("crash")
    inbox = _documents(base / "inbox")
    events = _ucdp(base / "ged.csv")
    found = {}
    for name, argv in (("ingest", ["ingest", str(inbox), "--yes"]), ("import", ["import-events", str(events)])):
        folder = shutil.copytree(ROOT / "data", base / f"reference-{name}" / "data")
        before = state(folder)
        started = time.monotonic()
        process = _pausing("journal", 1, folder.parent / "resume", [*argv, "--data", str(folder)])
        paused = time.monotonic()
        moves = len(json.loads((folder / JOURNAL).read_text()))
        resumed = time.monotonic()
        (folder.parent / "resume").touch()
        process.stderr.close()
        assert process.wait(timeout=300) == 0
        seconds = (paused - started) + (time.monotonic() - resumed)
        found[name] = Scenario(name, argv, before, state(folder), seconds, moves)
    yield found
    shutil.rmtree(base, ignore_errors=True)  # 40 MB of CSV and Parquet


@dataclass
class Trial:
    id: str
    scenario: str
    point: str  # "random 0.84s", or a commit step such as "journal 1"
    killed: bool  # False when the run finished before the kill
    state: str = ""
    leftovers: list[str] | None = None  # a journal left after loading


def _trials() -> list[tuple[str, str, tuple]]:
    rng = random.Random(SEED)
    plan = []
    for name in ("ingest", "import"):
        plan += [(f"{name}-random-{i}", name, ("random", rng.random())) for i in range(RANDOM_TRIALS)]
        plan += [(f"{name}-{step}-{n}", name, (step, n)) for step, n in
                 (("fsync", 1), ("journal", 1), ("replace", 1), ("replace", -1))]  # fmt: skip
    return plan


TRIALS = _trials()


def _kill(scenario: Scenario, folder: Path, how: tuple) -> tuple[str, bool]:
    argv = [*scenario.argv, "--data", str(folder)]
    if how[0] == "random":
        delay = how[1] * scenario.seconds * 1.1  # anywhere from start-up to just past a complete run
        process = subprocess.Popen([sys.executable, "-m", "dossier", *argv], cwd=ROOT, env=_env(),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        time.sleep(delay)
        finished = process.poll() is not None
        process.send_signal(signal.SIGKILL)
        process.wait()
        return f"random {delay:.2f}s", not finished
    step, nth = how
    nth = scenario.moves if nth == -1 else nth
    process = _pausing(step, nth, folder.parent / "resume", argv)
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stderr.close()
    return f"{step} {nth}", True


@pytest.fixture(scope="module")
def trials(scenarios, tmp_path_factory) -> Iterator[dict[str, Trial]]:
    base = tmp_path_factory.mktemp("trials")

    def one(item) -> Trial:
        trial_id, name, how = item
        folder = shutil.copytree(ROOT / "data", base / trial_id / "data")
        point, killed = _kill(scenarios[name], folder, how)
        load_dataset(folder)  # must load; rolls a committed journal forward
        leftovers = sorted(p.name for p in folder.rglob("*") if p.name == JOURNAL)
        return Trial(trial_id, name, point, killed, state(folder), leftovers)

    with ThreadPoolExecutor(max_workers=2) as pool:
        yield {t.id: t for t in pool.map(one, TRIALS)}
    shutil.rmtree(base, ignore_errors=True)


@pytest.mark.parametrize("trial_id", [t[0] for t in TRIALS])
def test_a_killed_run_leaves_the_before_or_the_after_dataset(scenarios, trials, trial_id):
    trial = trials[trial_id]
    scenario = scenarios[trial.scenario]
    assert trial.state in (scenario.before, scenario.after), f"{trial.point}: a mix of before and after"
    assert trial.leftovers == [], "loading should finish a committed journal"


def test_the_kill_points_fall_on_both_sides_of_the_commit(scenarios, trials):
    killed = [t for t in trials.values() if t.killed]
    outcome = {t.id: "before" if t.state == scenarios[t.scenario].before else "after" for t in killed}
    assert len(killed) >= 20
    assert outcome["ingest-fsync-1"] == outcome["import-fsync-1"] == "before"
    assert {outcome[f"{n}-{s}"] for n in ("ingest", "import") for s in ("journal-1", "replace-1")} == {"after"}
    tally = Counter((trials[i].scenario, side) for i, side in outcome.items())
    runs = ", ".join(f"{s.name} {s.seconds:.1f}s moving {s.moves} files" for s in scenarios.values())
    print(f"\ncrash trials: {len(trials)} run, {len(killed)} killed mid-run {dict(tally)}, "
          f"{len(trials) - len(killed)} finished before the kill; complete runs: {runs}")  # fmt: skip


@pytest.mark.parametrize("name", ["ingest", "import"])
def test_a_rerun_after_a_kill_completes_and_clears_the_temp_files(scenarios, tmp_path, name):
    scenario = scenarios[name]
    folder = shutil.copytree(ROOT / "data", tmp_path / "data")
    _kill(scenario, folder, ("fsync", 2))
    assert list(folder.rglob(".*.tmp")), "the killed run left staged files behind"
    assert state(load_dataset(folder).folder) == scenario.before
    done = subprocess.run([sys.executable, "-m", "dossier", *scenario.argv, "--data", str(folder)],
                          capture_output=True, text=True, cwd=ROOT, env=_env(), timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert state(folder) == scenario.after and not list(folder.rglob(".*.tmp"))


def test_a_reader_finishing_the_journal_does_not_break_the_writer(scenarios, tmp_path):
    """A reader that rolls the journal forward while the writer is moving the same files in."""
    scenario = scenarios["import"]
    folder = shutil.copytree(ROOT / "data", tmp_path / "data")
    resume = tmp_path / "resume"
    writer = _pausing("replace", 1, resume, [*scenario.argv, "--data", str(folder)], stdout=subprocess.PIPE)
    recover(folder)  # what a load does with a journal when it holds the lock
    assert state(folder) == scenario.after and not (folder / JOURNAL).exists()
    resume.touch()
    out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    assert f"imported {UCDP_ROWS:,} events" in out and state(folder) == scenario.after


def test_a_page_load_during_a_commit_waits_for_the_writer(scenarios, tmp_path):
    """``load_dataset`` takes the writers' lock when it finds a journal, so it never reads a half-moved folder."""
    scenario = scenarios["import"]
    folder = shutil.copytree(ROOT / "data", tmp_path / "data")
    resume = tmp_path / "resume"
    writer = _pausing("replace", 1, resume, [*scenario.argv, "--data", str(folder)], stdout=subprocess.PIPE)
    with ThreadPoolExecutor(max_workers=1) as pool:
        reading = pool.submit(lambda: state(load_dataset(folder).folder))
        with pytest.raises(TimeoutError):
            reading.result(timeout=1)  # still waiting: the writer holds the lock, paused mid-commit
        resume.touch()
        assert reading.result(timeout=60) == scenario.after
    out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err


def test_a_reader_never_deletes_files_a_writer_is_staging(scenarios, tmp_path):
    scenario = scenarios["ingest"]
    folder = shutil.copytree(ROOT / "data", tmp_path / "data")
    resume = tmp_path / "resume"
    writer = _pausing("fsync", 3, resume, [*scenario.argv, "--data", str(folder)], stdout=subprocess.PIPE)
    staged = sorted(folder.rglob(".*.tmp"))
    recover(folder)  # what a reader's load does when it finds a journal
    assert sorted(folder.rglob(".*.tmp")) == staged
    resume.touch()
    _, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    assert state(load_dataset(folder).folder) == scenario.after
