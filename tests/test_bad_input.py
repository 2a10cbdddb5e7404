"""The bad-input corpus through ingest and import: the CLI, the functions the pages call, and the pages.

Every file must get one clear line naming its problem, no traceback, and leave the data
folder exactly as it was; the few usable files (Latin-1 text, formula-like cells) are taken.
Files with some bad rows write nothing unless the user chooses the good rows.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from corpus import make_corpus as corpus

from dossier import load_dataset
from dossier.importers import ImportRefused
from dossier.importers.run import commit_import, prepare_import
from dossier.ingest import UPLOAD_TYPES, Context, IngestError, prepare
from dossier.ingest.commit import commit
from dossier.ingest.review import counts_line
from dossier.store import display_name, folder_checksum, printable

pytestmark = pytest.mark.slow  # scale and crash trials run after the rest (tests/conftest.py)
ROOT = Path(__file__).resolve().parents[1]
CASES = corpus.CASES
BY_ID = {case.id: case for case in CASES}
PARTIAL = [case for case in CASES if case.partial]
RAW_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202e]")  # what a hostile name must never put on a terminal
INGEST_TYPES = tuple(f".{t}" for t in UPLOAD_TYPES)  # what the ingest page's uploader offers


def ids(cases):
    return [case.id for case in cases]


@dataclass
class Run:
    code: int
    out: str
    err: str
    folder: Path
    before: str
    after: str


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """The corpus on disk, the two 200 MB files included; those are removed again at the end."""
    paths = corpus.write_corpus(tmp_path_factory.mktemp("corpus"), huge=True)
    yield paths
    for case in CASES:
        if case.huge:
            paths[case.id].unlink(missing_ok=True)


def _fresh_copy(folder: Path) -> Path:
    shutil.copytree(ROOT / "data", folder)
    return folder


# Runs `dossier.cli.main(argv)` once per job line, each in a forked child with its own stdout and stderr:
# a separate process with the real argv and exit code, without paying Python's start-up for every file.
# An exception escaping main() is printed as the interpreter would print it, with exit code 1.
FORK_SERVER = """
import json, os, sys, traceback
from dossier.cli import main
for line in sys.stdin:
    job = json.loads(line)
    pid = os.fork()
    if pid == 0:
        sys.stdout, sys.stderr = open(job["out"], "w", encoding="utf-8"), open(job["err"], "w", encoding="utf-8")
        os.dup2(sys.stdout.fileno(), 1), os.dup2(sys.stderr.fileno(), 2)
        try:
            code = main(job["argv"])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        except BaseException:
            traceback.print_exc()
            code = 1
        sys.stdout.flush(), sys.stderr.flush()
        os._exit(code)
    print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), flush=True)
"""


def _jobs() -> list[tuple[str, corpus.Case, list[str]]]:
    jobs = [("ingest", case, ["ingest", "--yes"]) for case in CASES]
    jobs += [("import", case, ["import-events"]) for case in CASES]
    return jobs + [("import-good", case, ["import-events", "--good-rows"]) for case in PARTIAL]


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("DOSSIER_READ_ONLY", "DOSSIER_DATA")}


@pytest.fixture(scope="module")
def cli(files, tmp_path_factory) -> dict[tuple[str, str], Run]:
    """Every case through `ingest --yes` and `import-events` (and `--good-rows` where rows are partly good).

    Each run is its own process on its own copy of the data; two fork servers share the work.
    """
    base = tmp_path_factory.mktemp("cli")
    jobs = []
    for key, case, command in _jobs():
        folder = _fresh_copy(base / f"{key}-{case.id}" / "data")
        argv = [command[0], str(files[case.id]), *command[1:], "--data", str(folder)]
        jobs.append(((key, case.id), folder, folder_checksum(folder), argv))

    def serve(share: list) -> list[int]:
        lines = [json.dumps({"argv": argv, "out": str(f.parent / "out"), "err": str(f.parent / "err")})
                 for _, f, _, argv in share]  # fmt: skip
        done = subprocess.run([sys.executable, "-c", FORK_SERVER], input="\n".join(lines) + "\n", text=True,
                              capture_output=True, cwd=ROOT, env=_env(), timeout=600)  # fmt: skip
        assert done.returncode == 0, done.stderr
        return [int(code) for code in done.stdout.split()]

    with ThreadPoolExecutor(max_workers=2) as pool:
        codes = [c for share in pool.map(serve, [jobs[0::2], jobs[1::2]]) for c in share]
    jobs = jobs[0::2] + jobs[1::2]
    runs = {}
    for (key, folder, before, _), code in zip(jobs, codes):
        out, err = ((folder.parent / n).read_text(encoding="utf-8") for n in ("out", "err"))
        runs[key] = Run(code, out, err, folder, before, folder_checksum(folder))
    return runs


def _clean(run: Run) -> None:
    output = run.out + run.err
    assert "Traceback" not in output
    assert not RAW_CONTROLS.search(output), "a control character from a file name reached the terminal"


def _refused(run: Run, fragment: str) -> None:
    errors = [line for line in run.err.splitlines() if line.startswith("error:")]
    assert run.code == 2
    assert len(errors) == 1 and fragment.lower() in errors[0].lower(), run.err
    assert run.after == run.before, "a refused file changed the data folder"


def test_the_corpus_covers_the_issue():
    assert len(CASES) >= 50 and len(BY_ID) == len(CASES)
    names = [case.name for case in CASES]
    assert any("../" in n for n in names) and any(RAW_CONTROLS.search(n) for n in names)
    assert {"empty-txt", "random-bytes", "truncated-csv", "utf16-bom-text", "latin1-csv", "huge-text",
            "missing-column-acled", "extra-cells", "duplicate-column", "mixed-header", "impossible-date",
            "coords-999", "duplicate-ids-acled", "formula-cells", "nested-html-100k"} <= set(BY_ID)  # fmt: skip
    assert sum(case.huge for case in CASES) == 2 and PARTIAL


def test_the_script_writes_the_corpus(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "tests/corpus/make_corpus.py"), str(tmp_path)],
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0 and f"wrote {len(CASES) - 2} files" in done.stderr
    assert (tmp_path / "two\nlines.txt").read_bytes() == b"\x00\x01"


def test_huge_files_are_200_mb(files):
    assert {files[i].stat().st_size for i in ("huge-text", "huge-sparse-csv")} == {corpus.HUGE_BYTES}


# --- command line -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_cli_ingest(cli, files, case):
    run = cli[("ingest", case.id)]
    _clean(run)
    if case.ingest_writes:
        assert run.code == 0 and case.ingest.lower() in run.out.lower(), run.err
        assert len(load_dataset(run.folder).sources) == len(load_dataset(ROOT / "data").sources) + 1
    else:
        _refused(run, case.ingest)
        assert f"error: {printable(str(files[case.id]))}: " in run.err  # names the file, control characters escaped


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_cli_import(cli, case):
    run = cli[("import", case.id)]
    _clean(run)
    if case.import_writes:
        assert run.code == 0 and case.imports.lower() in run.out.lower(), run.err
        assert len(load_dataset(run.folder).imports) == 1
    else:
        _refused(run, case.imports)
        assert f"error: {printable(case.disk_name)}: " in run.err
    if case.partial:
        assert "rerun with --good-rows" in run.err


REAL = ("huge-text", "huge-sparse-csv", "name-escape", "some-impossible-dates", "latin1-text", "nested-html-100k")


@pytest.mark.parametrize(("key", "case_id"), [(k, c) for c in REAL for k in ("ingest", "import")])
def test_python_m_dossier_says_the_same(cli, files, tmp_path, key, case_id):
    """The real entry point in a fresh interpreter gives the same exit code and the same lines as the fork."""
    forked = cli[(key, case_id)]
    folder = _fresh_copy(tmp_path / "data")
    command = ["ingest", str(files[case_id]), "--yes"] if key == "ingest" else ["import-events", str(files[case_id])]
    done = subprocess.run([sys.executable, "-m", "dossier", *command, "--data", str(folder)], capture_output=True,
                          text=True, cwd=ROOT, env=_env(), timeout=120)  # fmt: skip
    assert done.returncode == forked.code
    assert done.stderr.replace(str(folder), "DATA") == forked.err.replace(str(forked.folder), "DATA")
    assert done.stdout.replace(str(folder), "DATA") == forked.out.replace(str(forked.folder), "DATA")


@pytest.mark.parametrize("case", PARTIAL, ids=ids(PARTIAL))
def test_cli_good_rows_imports_only_the_good_rows(cli, case):
    refused, chosen = cli[("import", case.id)], cli[("import-good", case.id)]
    _clean(chosen)
    good = int(re.search(r"import the (\d+) good rows", refused.err).group(1))
    assert chosen.code == 0 and f"imported {good} events" in chosen.out
    assert load_dataset(chosen.folder).imports["rows_imported"].tolist() == [str(good)]


# --- the functions the pages call ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Path:
    """One data copy that the read-only checks share; every test checks it is unchanged."""
    return _fresh_copy(tmp_path_factory.mktemp("shared") / "data")


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_ingest_page_functions(files, shared, tmp_path, case):
    """What pages/ingest.py does with an upload: prepare(bytes, name), then commit the reviewed result."""
    before = folder_checksum(shared)
    ds = load_dataset(shared)
    try:
        result = prepare(files[case.id].read_bytes(), case.name, ds, context=Context(ds))
    except IngestError as exc:
        assert not case.ingest_writes
        message = str(exc)
        assert case.ingest.lower() in message.lower() and "\n" not in message
    else:
        assert case.ingest_writes, f"ingest took {case.name!r}"
        shown = " ".join([counts_line(result), *result.notes])
        assert case.ingest.lower() in shown.lower()
        assert not RAW_CONTROLS.search(result.source["title"])
        folder = _fresh_copy(tmp_path / "data")
        commit(folder, [result.accept_all()])
        assert result.source_id in set(load_dataset(folder).sources["source_id"])
    assert folder_checksum(shared) == before


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_import_page_functions(files, shared, tmp_path, case):
    """What pages/import.py does: prepare_import(bytes, name), then commit_import (nothing, unless chosen)."""
    before = folder_checksum(shared)
    try:
        prepared = prepare_import(files[case.id].read_bytes(), shared, file_name=case.name)
        if not case.import_writes:
            commit_import(prepared, shared)  # the default: every row or nothing
    except ImportRefused as exc:
        assert not case.import_writes
        message = str(exc)
        assert case.imports.lower() in message.lower() and "\n" not in message
        assert message.startswith(f"{display_name(case.name)}: ")
        assert folder_checksum(shared) == before
        return
    assert case.import_writes, f"import took {case.name!r}"
    assert case.imports.lower() in "\n".join(prepared.summary()).lower()
    folder = _fresh_copy(tmp_path / "data")
    commit_import(prepared, folder)
    assert len(load_dataset(folder).imports) == 1


@pytest.mark.parametrize("case", PARTIAL, ids=ids(PARTIAL))
def test_partial_files_write_the_good_rows_only_when_chosen(files, data_copy, case):
    prepared = prepare_import(files[case.id].read_bytes(), data_copy, file_name=case.name)
    assert prepared.rows_good and prepared.rows_rejected
    before = folder_checksum(data_copy)
    with pytest.raises(ImportRefused, match=f"choose to import the {prepared.rows_good} good rows"):
        commit_import(prepared, data_copy)
    assert folder_checksum(data_copy) == before
    commit_import(prepared, data_copy, good_rows=True)
    ds = load_dataset(data_copy)
    assert ds.imports["rows_imported"].tolist() == [str(prepared.rows_good)]
    assert ds.events["import_id"].notna().sum() == prepared.rows_good


def test_hostile_names_of_good_files_are_recorded_safely(data_copy, tmp_path):
    outside = sorted(p.name for p in data_copy.parent.iterdir())
    ds = load_dataset(data_copy)
    result = prepare(corpus.PROSE.encode(), "../../evil\x1b[31m\n.txt", ds)
    assert result.name == "evil\\x1b[31m\\n.txt" and result.source["path"].startswith("sources/src-")
    commit(data_copy, [result])
    prepared = prepare_import(corpus.good_acled(), data_copy, file_name="..\\..\\bad\u202e\t.csv")
    commit_import(prepared, data_copy)
    ds = load_dataset(data_copy)
    assert ds.imports["file_name"].tolist() == ["bad\\u202e\\t.csv"]
    assert result.source_id in set(ds.sources["source_id"])
    assert sorted(p.name for p in data_copy.parent.iterdir()) == outside


# --- the pages themselves ------------------------------------------------------------------------------------------


def _unescape(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.fixture(scope="module")
def page_data(tmp_path_factory) -> Iterator[Path]:
    folder = _fresh_copy(tmp_path_factory.mktemp("pages") / "data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DOSSIER_DATA", str(folder))
        patch.delenv("DOSSIER_READ_ONLY", raising=False)
        yield folder


def _page(path: str):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page(str(ROOT / path))
    return at.run()


@pytest.fixture(scope="module")
def ingest_page(page_data):
    return _page("pages/ingest.py")


@pytest.fixture(scope="module")
def import_page(page_data):
    return _page("pages/import.py")


# The uploaders offer only their own file types (Streamlit refuses others) and stop files over the size limit
# before a page sees them; the page functions above take every case.
INGEST_PAGE_CASES = [c for c in CASES if not c.huge and c.name.lower().endswith(INGEST_TYPES)]
IMPORT_PAGE_CASES = [c for c in CASES if not c.huge and c.name.lower().endswith(".csv")]


@pytest.mark.integration
@pytest.mark.parametrize("case", INGEST_PAGE_CASES, ids=ids(INGEST_PAGE_CASES))
def test_ingest_page_upload(ingest_page, page_data, files, case):
    before = folder_checksum(page_data)
    at = ingest_page
    at.file_uploader[0].set_value((case.name, files[case.id].read_bytes(), "text/plain"))
    at.run()
    assert not at.exception
    errors = [_unescape(e.value) for e in at.error]
    if case.ingest_writes:
        assert errors == []
        captions = " ".join(_unescape(c.value) for c in at.caption)
        assert case.ingest.lower() in captions.lower()
        assert [b.label for b in at.button if b.label.startswith("Commit")] == ["Commit 1 document"]
    else:
        assert len(errors) == 1 and case.ingest.lower() in errors[0].lower()
        assert "\n" not in errors[0]
    assert folder_checksum(page_data) == before


@pytest.mark.integration
def test_the_ingest_page_names_a_file_on_one_line(ingest_page, files):
    case = BY_ID["name-newline"]
    ingest_page.file_uploader[0].set_value((case.name, files[case.id].read_bytes(), "text/plain"))
    at = ingest_page.run()
    assert "\n" not in _unescape(at.error[0].value)


@pytest.mark.integration
@pytest.mark.parametrize("case", IMPORT_PAGE_CASES, ids=ids(IMPORT_PAGE_CASES))
def test_import_page_upload(import_page, page_data, files, case):
    before = folder_checksum(page_data)
    at = import_page
    at.file_uploader[0].set_value((case.name, files[case.id].read_bytes(), "text/csv"))
    at.run()
    assert not at.exception
    errors = [_unescape(e.value) for e in at.error]
    buttons = [b.label for b in at.button if b.label.startswith("Import")]
    if case.import_writes:
        assert errors == [] and buttons == [f"Import {case.imports.split()[0]} events"]
    elif case.partial:
        assert errors == [] and "rows fail the checks" in at.warning[0].value
        assert buttons[-1] == "Import nothing" and buttons[0].startswith("Import the ")
    else:
        assert len(errors) == 1 and case.imports.lower() in errors[0].lower() and buttons == []
        assert "\n" not in errors[0]
    assert folder_checksum(page_data) == before


@pytest.mark.integration
@pytest.mark.parametrize("choice", ["nothing", "good rows"])
def test_import_page_partial_file_writes_only_when_chosen(data_copy, run_app, files, choice):
    case = BY_ID["some-impossible-dates"]
    before = folder_checksum(data_copy)
    at = run_app(page="pages/import.py")
    at.file_uploader[0].set_value((case.name, files[case.id].read_bytes(), "text/csv"))
    at.run()
    label = "Import nothing" if choice == "nothing" else "Import the 2 good rows"
    at = next(b for b in at.button if b.label == label).click().run()
    assert not at.exception
    if choice == "nothing":
        assert folder_checksum(data_copy) == before
        assert _unescape(at.info[0].value) == f"Nothing was imported from {case.name}."
    else:
        assert [_unescape(s.value) for s in at.success] == [f"Imported 2 events from {case.name}."]
        assert load_dataset(data_copy).imports["rows_imported"].tolist() == ["2"]


# --- CSV exports neutralise formula cells ---------------------------------------------------------------------------


@pytest.mark.parametrize("chart", ["timeline", "event-dyads"])
def test_exported_csv_neutralises_formula_cells(files, data_copy, tmp_path, chart):
    for case_id in ("formula-ucdp", "formula-cells"):
        commit_import(prepare_import(files[case_id], data_copy), data_copy)
    out = tmp_path / f"{chart}.csv"
    argv = [sys.executable, "-m", "dossier", "export", "--chart", chart, "-o", str(out), "--data", str(data_copy)]
    done = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    cells = [cell for row in csv.reader(io.StringIO(out.read_text(encoding="utf-8"))) for cell in row]
    formulas = [cell for cell in cells if "cmd|" in cell]
    assert len(formulas) >= 2, "the formula-like names and titles should be in the export"
    assert all(cell.startswith("'") for cell in formulas), formulas
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "@")]
