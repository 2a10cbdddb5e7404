"""Analyst curation: start a dossier, and add, change or remove its judgments, events and actors.

Every change is validated against the schema, written as one transaction under the writers' lock, and
logged in ``changes.jsonl`` (when, who, what, the rows before and after), so it can be listed and undone.
No streamlit here: the command line and the app's forms both call these functions.
"""

from .errors import CurationError
from .log import LOG_FILE, check_log, read_log, records, undo_target
from .ops import (
    add_actor,
    add_alias,
    add_aliases,
    add_assessment,
    add_event,
    add_relation,
    cite_event,
    citing,
    edit_actor,
    edit_assessment,
    edit_event,
    edit_relation,
    merge_actors,
    plain,
    remove_actor,
    remove_alias,
    remove_assessment,
    remove_claim,
    remove_event,
    remove_relation,
)
from .resolve import Suggestion, actor_id, suggest
from .starter import create
from .transaction import Change, data_token, read_tables, undo

__all__ = [
    "LOG_FILE",
    "Change",
    "CurationError",
    "Suggestion",
    "actor_id",
    "add_actor",
    "add_alias",
    "add_aliases",
    "add_assessment",
    "add_event",
    "add_relation",
    "check_log",
    "cite_event",
    "citing",
    "create",
    "data_token",
    "edit_actor",
    "edit_assessment",
    "edit_event",
    "edit_relation",
    "merge_actors",
    "plain",
    "read_log",
    "read_tables",
    "records",
    "remove_actor",
    "remove_alias",
    "remove_assessment",
    "remove_claim",
    "remove_event",
    "remove_relation",
    "suggest",
    "undo",
    "undo_target",
]
