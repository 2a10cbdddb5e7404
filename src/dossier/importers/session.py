"""The import page's state and steps, without streamlit: select a file, check it, choose, done.

The page keeps one ``ImportSession`` in its session state and asks it what to show: the
step, the checked import, the actions on offer and the notice of the last action. Every
decision (which buttons, what a commit or a refusal says) is made here, so it is tested
without a browser and the page only renders.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Callable
from dataclasses import dataclass

from .run import Prepared, commit_import, prepare_import
from .spec import ImportRefused


class Step(enum.Enum):
    SELECT = "select"  # no file, or the file was refused (``refusal`` says why)
    REVIEW = "review"  # a checked file waits for the analyst's choice


class Act(enum.Enum):
    IMPORT = "import"  # every row passed
    IMPORT_GOOD = "import-good"  # some rows were rejected: import the others
    NOTHING = "nothing"  # drop the checked file


@dataclass(frozen=True)
class Action:
    act: Act
    label: str
    primary: bool = False


@dataclass(frozen=True)
class Notice:
    kind: str  # "success" | "info" | "error"
    text: str  # plain text: the page escapes it


@dataclass
class ImportSession:
    """One analyst's import in progress."""

    round: int = 0  # bumped after each import or drop, so the page shows a fresh, empty uploader
    checked: tuple[str, str] | None = None  # (upload id, format) of the last check
    prepared: Prepared | None = None
    refusal: str = ""  # one line: why the last file was refused
    notice: Notice | None = None

    @property
    def uploader_key(self) -> str:
        return f"import-file-{self.round}"

    def select(
        self,
        upload: tuple[str, str, Callable[[], bytes]] | None,
        fmt: str,
        folder: str | os.PathLike,
        progress: Callable[[float, str], None] | None = None,
    ) -> Step:
        """The step for the file now in the uploader, ``(upload id, name, read bytes)``; checks it once."""
        if upload is None:
            self.checked, self.prepared, self.refusal = None, None, ""
            return Step.SELECT
        file_id, name, read = upload
        if self.checked != (file_id, fmt):
            self.checked, self.prepared, self.refusal = (file_id, fmt), None, ""
            try:
                self.prepared = prepare_import(read(), folder, file_name=name, fmt=fmt, progress=progress)
            except ImportRefused as exc:
                self.refusal = str(exc)
        return Step.REVIEW if self.prepared is not None else Step.SELECT

    def actions(self) -> list[Action]:
        """What the analyst may do with the checked file: nothing to choose when every row passed."""
        prepared = self.prepared
        if prepared is None or not prepared.rows_good:
            return []
        if not prepared.rows_rejected:
            return [Action(Act.IMPORT, f"Import {prepared.rows_good:,} events", primary=True)]
        return [
            Action(Act.IMPORT_GOOD, f"Import the {prepared.rows_good:,} good rows", primary=True),
            Action(Act.NOTHING, "Import nothing"),
        ]

    def act(self, act: Act, folder: str | os.PathLike, accessed: object = "", filters: str = "") -> None:
        """Carry out a chosen action; the outcome waits in ``notice`` and the uploader is emptied."""
        prepared = self.prepared
        if prepared is None:
            return
        if act is Act.NOTHING:
            self._finish(Notice("info", f"Nothing was imported from {prepared.file_name}."))
            return
        if prepared.spec.licence.needs_access_details:
            prepared.accessed, prepared.filters = str(accessed or ""), str(filters or "")
        try:
            commit_import(prepared, folder, good_rows=act is Act.IMPORT_GOOD)
        except ImportRefused as exc:
            self._finish(Notice("error", str(exc)))
            return
        flagged = f", {prepared.rows_flagged:,} of them with data-quality flags" if prepared.rows_flagged else ""
        self._finish(Notice("success", f"Imported {prepared.rows_good:,} events from {prepared.file_name}{flagged}."))

    def take_notice(self) -> Notice | None:
        """The outcome of the last action, once."""
        notice, self.notice = self.notice, None
        return notice

    def _finish(self, notice: Notice) -> None:
        self.notice, self.prepared, self.checked = notice, None, None
        self.round += 1
