"""The bad-input corpus: files that ingest and import must refuse (or take) with one clear line.

Run ``python tests/corpus/make_corpus.py OUT_DIR [--huge]`` to write every file, or import
``CASES`` / ``write_corpus`` from the tests. Nothing here is committed as data: the files are
generated, and the 200 MB ones only with ``--huge`` (streamed, in well under a second each).

Each case says what ingest and import must answer: a fragment of the one-line message, and
whether the file is taken ("writes") or refused (nothing written). ``partial`` marks event
files whose good rows are imported only when the user asks for them.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import os
import random
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
HUGE_BYTES = 200 * 1024 * 1024
FORMULAS = ("=cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0")

# What ingest says about a file that is not a document, and what import says about a file that is not an export.
NOT_A_DOCUMENT = "is not a document ingest reads"
NOT_AN_EXPORT = "not a UCDP GED or ACLED export"
NOT_CSV = "the first line is not a CSV header (fewer than two columns)"
TOO_BIG = "limit for one document"
ROWS_REJECTED = "rows were rejected, so nothing was imported"
NO_ROW_PASSES = "no row passes the checks"


def flagged(rows: int, flags: int) -> str:
    """What import says about a file whose every row is imported, ``flags`` of them with a data-quality flag."""
    return f"{rows} rows pass the checks, 0 rejected\n{flags} of them imported as published with a data-quality flag"


@dataclass(frozen=True)
class Case:
    id: str
    name: str  # the name as given (uploaded names may hold ../ and control characters)
    build: Callable[[], bytes] | None  # None: a huge file, written streamed by ``write_huge``
    ingest: str  # fragment of what ingest says
    imports: str  # fragment of what import says
    ingest_writes: bool = False  # the file is a usable document after all (e.g. Latin-1 text)
    import_writes: bool = False  # every row is good (e.g. formula-like cells are text, not formulas)
    partial: bool = False  # some rows pass: written only when the user chooses the good rows

    @property
    def disk_name(self) -> str:
        """The name on disk: path separators cannot be part of a file name."""
        return self.name.replace("/", "%2F")

    @property
    def huge(self) -> bool:
        return self.build is None


# --- building blocks ---------------------------------------------------------------------------------------------

PROSE = (
    "The Jamaat Liberation Front attacked a convoy near Quetta on 3 March 2025, officials said. "
    "Pakistan's army said it would respond. Analysts expect further attacks in Balochistan.\n"
)
ACLED_HEADER = (FIXTURES / "acled_iso_dates.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
UCDP_HEADER = (FIXTURES / "ucdp_standard.csv").read_text(encoding="utf-8").splitlines()[0].rstrip(",").split(",")


def _fixture_rows(name: str) -> list[dict[str, str]]:
    with open(FIXTURES / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def acled_row(n: int, **changes: str) -> dict[str, str]:
    """A valid ACLED row with id PAKC<n>, changed as given."""
    row = dict(_fixture_rows("acled_iso_dates.csv")[2])
    row.update(event_id_cnty=f"PAKC{n:04d}", notes=f"Corpus note {n} (test data, not a real report).")
    row.update(changes)
    return row


def ucdp_row(n: int, **changes: str) -> dict[str, str]:
    """A valid UCDP GED row with id 77<n>, changed as given."""
    row = {k: v for k, v in _fixture_rows("ucdp_standard.csv")[0].items() if k in UCDP_HEADER}
    row.update(id=f"77{n:04d}", relid=f"CORPUS-{n}")
    row.update(changes)
    return row


def csv_text(header: list[str], rows: list[dict[str, str]] | list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(c, "") for c in header] if isinstance(row, dict) else row)
    return buffer.getvalue()


def acled(*rows: dict[str, str], header: list[str] | None = None) -> bytes:
    return csv_text(header or ACLED_HEADER, list(rows)).encode("utf-8")


def ucdp(*rows: dict[str, str], header: list[str] | None = None) -> bytes:
    return csv_text(header or UCDP_HEADER, list(rows)).encode("utf-8")


def good_acled(count: int = 3, start: int = 1) -> bytes:
    return acled(*(acled_row(n) for n in range(start, start + count)))


def without(header: list[str], column: str) -> list[str]:
    return [c for c in header if c != column]


def _zip(*members: tuple[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members or (("export.csv", good_acled()),):
            archive.writestr(name, data)
    return buffer.getvalue()


def _docx() -> bytes:
    """What a Word file is: a ZIP of XML parts, no CSV among them."""
    return _zip(
        ("[Content_Types].xml", b"<Types/>"), ("word/document.xml", f"<w:document>{PROSE}</w:document>".encode())
    )


def _nested_html(depth: int, tag: str = "div") -> bytes:
    body = f"<{tag}>" * depth + "<p>" + PROSE + "</p>" + f"</{tag}>" * depth
    return f"<!DOCTYPE html><html><head><title>Nested</title></head><body>{body}</body></html>".encode()


def _random(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


def _concatenated() -> bytes:
    first = good_acled(2).decode()
    second = good_acled(2, start=10).decode()
    return (first + second).encode()


def _extra_cells() -> bytes:
    rows = [list(acled_row(1).values()), [*acled_row(2).values(), "surplus", "cells"]]
    return csv_text(ACLED_HEADER, rows).encode()


def _missing_cells() -> bytes:
    rows = [list(acled_row(1).values()), list(acled_row(2).values())[:5]]
    return csv_text(ACLED_HEADER, rows).encode()


def _ucdp_rows_under_acled_header() -> bytes:
    ucdp_rows = [[ucdp_row(n).get(c, "") for c in UCDP_HEADER] for n in (1, 2)]
    return csv_text(ACLED_HEADER, [list(acled_row(1).values()), *ucdp_rows]).encode()


def _mixed_header() -> bytes:
    header = ACLED_HEADER + [c for c in UCDP_HEADER if c not in ACLED_HEADER]
    return csv_text(header, [acled_row(1) | ucdp_row(1)]).encode()


def _unclosed_quote() -> bytes:
    """A quote opens the notes cell of the last row and never closes."""
    cells = [f'"{v}' if k == "notes" else v for k, v in acled_row(9).items()]
    return good_acled(2) + ",".join(cells).encode() + b"\n"


def _truncated_csv() -> bytes:
    data = good_acled(3)
    return data[: data.index(b"Corpus note 3") + 6]  # cut inside the last row's quoted notes


def _formula_rows() -> bytes:
    rows = [
        acled_row(1, actor1=FORMULAS[0], notes=FORMULAS[0]),
        acled_row(2, location=FORMULAS[1], admin2=FORMULAS[2]),
        acled_row(3, actor2=FORMULAS[3], source='=HYPERLINK("http://example.invalid","x")'),
    ]
    return acled(*rows)


def _formula_ucdp() -> bytes:
    return ucdp(ucdp_row(1, side_b=FORMULAS[0], dyad_name=FORMULAS[0], country="=cmd|' /C calc'!A0"))


def _formula_text() -> bytes:
    return ("\n".join(f"{f} is what the memo says." for f in FORMULAS) + "\n").encode()


def _latin1_csv() -> bytes:
    text = acled(acled_row(1, location="Peshāwar", notes="Réunion café, déjà vu.")).decode()
    return text.encode("latin-1", "replace")


# fmt: off
CASES: tuple[Case, ...] = (
    # --- empty, blank and binary ---
    Case("empty-txt", "empty.txt", lambda: b"", "the file is empty", "the file is empty"),
    Case("empty-csv", "empty.csv", lambda: b"", "the file is empty", "the file is empty"),
    Case("blank-lines", "blank.txt", lambda: b" \n\t\n\r\n  ", "the file is empty", "the file is empty"),
    Case("bom-only", "bom.txt", lambda: b"\xef\xbb\xbf", "the file holds no text", NOT_CSV),
    Case("nul-bytes", "nul.txt", lambda: b"\x00" * 4096, "contains NUL bytes", "contains binary data"),
    Case("random-bytes", "random.txt", lambda: _random(8192, 1), "binary", "binary data"),
    Case("random-md", "random.md", lambda: _random(2048, 2).replace(b"\x00", b"\x01"),
         "not UTF-8 or Windows-1252 text", "not UTF-8"),
    Case("png-as-txt", "photo.txt", lambda: b"\x89PNG\r\n\x1a\n" + _random(512, 3), "a PNG image", "binary data"),
    Case("pdf-as-txt", "report.txt", lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF", NOT_CSV),
    # an export zipped or gzipped is read as the CSV inside; a document is not
    Case("zip-as-csv", "export.csv", _zip, "a ZIP container", "3 rows pass the checks", import_writes=True),
    Case("gzip-as-csv", "export.csv.gz.csv", lambda: gzip.compress(good_acled()), "a gzip archive",
         "3 rows pass the checks", import_writes=True),
    Case("zip-two-csvs", "exports.zip", lambda: _zip(("a.csv", good_acled()), ("b.csv", good_acled(2, 9))),
         "a ZIP container", "holds 2 CSV files"),
    Case("docx-as-html", "memo.html", _docx, "a ZIP container", "compressed archive holds no CSV file"),
    Case("control-chars", "controls.txt", lambda: bytes(range(1, 9)) * 300, "full of control characters", NOT_CSV),
    # --- truncated ---
    Case("truncated-utf8", "cut.txt", lambda: (PROSE.replace("Quetta", "Quetta (café)") + "Déjà").encode()[:-1],
         "ends inside a UTF-8 character", NOT_AN_EXPORT),
    Case("truncated-html", "cut.html", lambda: _nested_html(3)[:70], "no main text", NOT_CSV),
    Case("truncated-csv", "cut.csv", _truncated_csv, NOT_A_DOCUMENT, "does not fit the header"),
    Case("unclosed-quote", "unclosed.csv", _unclosed_quote, NOT_A_DOCUMENT, "does not fit the header"),
    # --- encodings ---
    Case("utf16-bom-text", "utf16.txt", lambda: PROSE.encode("utf-16"), "Decoded from UTF-16",
         "the file is UTF-16 text", ingest_writes=True),
    Case("utf16-no-bom", "utf16le.txt", lambda: PROSE.encode("utf-16-le"), "UTF-16 text needs a byte-order mark",
         "binary data"),
    Case("utf16-odd-bytes", "utf16odd.txt", lambda: PROSE.encode("utf-16")[:-1], "not valid utf-16",
         "the file is UTF-16 text"),
    Case("utf32-text", "utf32.txt", lambda: PROSE.encode("utf-32"), "Decoded from UTF-32", "the file is UTF-32 text",
         ingest_writes=True),
    Case("latin1-text", "latin1.txt", lambda: PROSE.replace("Quetta", "Quetta (café)").encode("latin-1"),
         "Decoded from Windows-1252", "the header is not UTF-8 text", ingest_writes=True),
    Case("utf16-csv", "utf16.csv", lambda: good_acled().decode().encode("utf-16"), NOT_A_DOCUMENT,
         "the file is UTF-16 text: save it as UTF-8 CSV"),
    Case("latin1-csv", "latin1.csv", _latin1_csv, NOT_A_DOCUMENT, "not UTF-8"),
    # --- size ---
    Case("huge-text", "huge.txt", None, TOO_BIG, NOT_AN_EXPORT),
    Case("huge-sparse-csv", "huge.csv", None, TOO_BIG, "binary data"),
    # --- CSV structure ---
    Case("not-events", "people.csv", lambda: b"name,age\nAda,36\n", NOT_A_DOCUMENT, NOT_AN_EXPORT),
    Case("one-column", "one.csv", lambda: b"event_id_cnty\nPAK1\n", NOT_A_DOCUMENT, "fewer than two columns"),
    Case("semicolons", "semi.csv", lambda: good_acled().replace(b",", b";"), NOT_A_DOCUMENT, "fewer than two columns"),
    Case("header-only", "header.csv", lambda: acled(), NOT_A_DOCUMENT, "a header but no data rows"),
    Case("blank-header", "commas.csv", lambda: b",,,,\n1,2,3,4,5\n", NOT_A_DOCUMENT,
         "the header has 5 unnamed columns"),
    Case("missing-column-acled", "no-date.csv", lambda: acled(acled_row(1), header=without(ACLED_HEADER, "event_date")),
         NOT_A_DOCUMENT, "missing column(s) for ACLED: event_date"),
    Case("missing-column-ucdp", "no-side-b.csv", lambda: ucdp(ucdp_row(1), header=without(UCDP_HEADER, "side_b")),
         NOT_A_DOCUMENT, "missing column(s) for UCDP GED: side_b"),
    Case("duplicate-column", "twice.csv", lambda: acled(acled_row(1), header=ACLED_HEADER + ["event_date"]),
         NOT_A_DOCUMENT, "duplicate column(s) in the header: event_date"),
    Case("extra-cells", "extra.csv", _extra_cells, NOT_A_DOCUMENT, "does not fit the header"),
    Case("missing-cells", "short.csv", _missing_cells, NOT_A_DOCUMENT, "does not fit the header"),
    Case("mixed-header", "mixed.csv", _mixed_header, NOT_A_DOCUMENT, "mixed layout"),
    Case("mixed-rows", "mixed-rows.csv", _ucdp_rows_under_acled_header, NOT_A_DOCUMENT, "does not fit the header"),
    Case("concatenated", "joined.csv", _concatenated, NOT_A_DOCUMENT, "repeats the header"),
    Case("hxl-only", "hxl.csv", lambda: (FIXTURES / "ucdp_hdx.csv").read_bytes().split(b"\n9101")[0] + b"\n",
         NOT_A_DOCUMENT, "a header but no data rows"),
    # --- bad values ---
    Case("impossible-date", "feb30.csv", lambda: acled(acled_row(1, event_date="2025-02-30")), NOT_A_DOCUMENT,
         NO_ROW_PASSES),
    Case("some-impossible-dates", "some-feb30.csv",
         lambda: acled(acled_row(1), acled_row(2, event_date="2025-02-30"), acled_row(3)), NOT_A_DOCUMENT,
         ROWS_REJECTED, partial=True),
    Case("far-dates", "far.csv", lambda: ucdp(ucdp_row(1, date_start="1800-01-01", date_end="1800-01-02"),
                                              ucdp_row(2, date_start="2999-01-01", date_end="2999-01-01")),
         NOT_A_DOCUMENT, NO_ROW_PASSES),
    # Values the source itself gets wrong are imported as published, with a data-quality flag.
    Case("end-before-start", "backwards.csv", lambda: ucdp(ucdp_row(1, date_start="2024-03-02", date_end="2024-03-01")),
         NOT_A_DOCUMENT, flagged(1, 1), import_writes=True),
    Case("coords-999", "far-away.csv", lambda: acled(acled_row(1, latitude="999", longitude="999")), NOT_A_DOCUMENT,
         flagged(1, 1), import_writes=True),
    Case("some-coords-999", "some-far.csv",
         lambda: ucdp(ucdp_row(1), ucdp_row(2, latitude="999"), ucdp_row(3, longitude="-999")), NOT_A_DOCUMENT,
         flagged(3, 2), import_writes=True),
    Case("not-numbers", "nan.csv", lambda: acled(acled_row(1, fatalities="nan", latitude="inf", longitude="0x10")),
         NOT_A_DOCUMENT, flagged(1, 1), import_writes=True),
    Case("negative-deaths", "negative.csv", lambda: ucdp(ucdp_row(1, best="-5"), ucdp_row(2, type_of_violence="9")),
         NOT_A_DOCUMENT, flagged(2, 2), import_writes=True),
    Case("empty-required", "blank-actor.csv", lambda: acled(acled_row(1, actor1="", event_type=" ")), NOT_A_DOCUMENT,
         flagged(1, 1), import_writes=True),
    # Rows that cannot be represented (a repeated id) are rejected; the first row with the id is kept.
    Case("duplicate-ids-acled", "dupes.csv", lambda: acled(acled_row(1), acled_row(2), acled_row(1)), NOT_A_DOCUMENT,
         ROWS_REJECTED, partial=True),
    Case("duplicate-ids-ucdp", "dupes-ucdp.csv", lambda: ucdp(ucdp_row(5), ucdp_row(5, latitude="999")),
         NOT_A_DOCUMENT, ROWS_REJECTED, partial=True),
    # --- formula-like cells: text, stored as text and neutralised on export ---
    Case("formula-cells", "formulas.csv", _formula_rows, NOT_A_DOCUMENT, "3 rows pass the checks", import_writes=True),
    Case("formula-ucdp", "formulas-ucdp.csv", _formula_ucdp, NOT_A_DOCUMENT, "1 rows pass the checks",
         import_writes=True),
    Case("formula-text", "formulas.txt", _formula_text, "4 claims (", NOT_CSV, ingest_writes=True),
    # --- HTML ---
    Case("nested-html-100k", "nested.html", lambda: _nested_html(100_000), "nested 100,003 levels deep", NOT_CSV),
    Case("nested-html-span", "nested-span.html", lambda: _nested_html(20_000, "span"), "nested 20,003 levels deep",
         NOT_CSV),
    Case("html-script-only", "script.html",
         lambda: b"<html><body><script>alert(1)</script><style>p{}</style></body></html>", "no main text",
         NOT_CSV),
    Case("markdown-headings-only", "headings.md", lambda: b"# Title\n\n## Section\n\n### Sub\n", "no sentences",
         NOT_CSV),
    Case("punctuation-only", "dots.txt", lambda: b"...\n--\n***\n", "no sentences", NOT_CSV),
    # --- hostile names (the contents are bad too: the message must still be one safe line) ---
    Case("name-dotdot", "../../../etc/passwd.txt", lambda: b"", "the file is empty", "the file is empty"),
    Case("name-dotdot-csv", "../../data/imports.csv", lambda: b"a,b\n1,2\n", NOT_A_DOCUMENT, NOT_AN_EXPORT),
    Case("name-newline", "two\nlines.txt", lambda: b"\x00\x01", "contains NUL bytes", "binary data"),
    Case("name-escape", "red\x1b[31m\x07.csv", lambda: b"x,y\n", NOT_A_DOCUMENT, NOT_AN_EXPORT),
    Case("name-controls", "\x01\x02\x7f\t.txt", lambda: b"", "the file is empty", "the file is empty"),
    Case("name-bidi", "invoice\u202etxt.exe.txt", lambda: _random(1024, 9), "binary", "binary data"),
)
# fmt: on


def write_huge(path: Path, case_id: str) -> Path:
    """A 200 MB file, streamed: repeated prose for text, a sparse hole after an ACLED header for CSV."""
    with open(path, "wb") as handle:
        if case_id == "huge-text":
            chunk = PROSE.encode() * (1024 * 1024 // len(PROSE))
            while handle.tell() + len(chunk) <= HUGE_BYTES:
                handle.write(chunk)
            handle.write(b"x" * (HUGE_BYTES - handle.tell()))
        else:
            handle.write(acled())
            handle.truncate(HUGE_BYTES)  # a hole of NUL bytes: no disk blocks, no time
    return path


def write_corpus(folder: str | os.PathLike, huge: bool = False) -> dict[str, Path]:
    """Write every case into ``folder`` (the huge ones only when asked); returns case id -> path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for case in CASES:
        path = folder / case.disk_name
        if case.huge:
            if not huge:
                continue
            write_huge(path, case.id)
        else:
            path.write_bytes(case.build())
        paths[case.id] = path
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", help="where to write the files")
    parser.add_argument("--huge", action="store_true", help="also write the two 200 MB files")
    args = parser.parse_args(argv)
    paths = write_corpus(args.folder, huge=args.huge)
    print(f"wrote {len(paths)} files to {args.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
