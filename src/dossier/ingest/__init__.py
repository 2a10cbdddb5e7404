"""Document ingest: a file in, source-linked claims, actors and candidate events out, for review.

``prepare`` reads and analyses one file without writing; ``commit`` writes reviewed
results into the dataset as one transaction.
"""

from .errors import IngestError
from .formats import MAX_BYTES, UPLOAD_TYPES
from .pipeline import Context, IngestResult, Options, prepare

__all__ = ["MAX_BYTES", "UPLOAD_TYPES", "Context", "IngestError", "IngestResult", "Options", "prepare"]
