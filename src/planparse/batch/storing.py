"""``batch --database``: every document of a batch into a plans database, as it goes.

Cutting a document's words for the full-text index costs a fair part of parsing it, so
it is done where the parsing is, in the worker (``convert_and_cut``): the pool is the
parallelism. The batch's own process, SQLite's one writer, only writes the rows it is
handed (``Storing.converted``), one transaction a document, as each file is done: a
batch stopped or killed half-way leaves the whole documents of the files it finished,
and nothing of the one it was writing.

An input skipped as unchanged has its output read back (``Storing.skipped``), and its
document is written only when the database does not hold it the same: a database given
to a folder converted before, or to a batch whose database was removed. A file that
fails leaves the database as it was. A document that cannot be stored fails its file,
with its new output kept: the next run skips the input and stores the document then.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from ..database import Change, DocumentRows, PlanDatabase, document_rows, read_output
from ..errors import PlanParseError
from .converting import Job, convert_document, lost
from .report import DatabaseRecord, FileRecord, Status


@dataclass(frozen=True)
class Cut:
    """What a worker hands back with --database: the file's record and, when the file
    was converted, its document's rows, words cut."""

    record: FileRecord
    rows: Optional[DocumentRows] = None


def convert_and_cut(job: Job) -> Cut:
    """``convert_file``, and the rows of the document it converted."""
    record, document = convert_document(job)
    if document is None:
        return Cut(record)
    try:
        return Cut(record, document_rows(document))
    except Exception as error:  # a bug in cutting words must not stop thousands of files
        return Cut(_failed(record, f"its words could not be cut for the database "
                                   f"({type(error).__name__}: {error}); please report it"))


def lost_uncut(job: Job) -> Cut:
    """The result for a job whose worker process died under it."""
    return Cut(lost(job))


@dataclass
class Storing:
    """The documents of one batch going into ``database``, with what it did to them."""

    database: PlanDatabase
    path: str
    changes: dict[Change, int] = field(default_factory=lambda: dict.fromkeys(Change, 0))
    seconds: float = 0.0

    def converted(self, cut: Cut) -> FileRecord:
        """Store the rows a worker cut, if any; the file's record, failed if they could
        not be stored."""
        rows = cut.rows
        if rows is None:
            return cut.record
        return self._store(cut.record, lambda: self.database.write(rows))

    def skipped(self, record: FileRecord, output: Path) -> FileRecord:
        """Store the document of an unchanged input, read back from its ``output`` (when
        the database holds it the same, nothing is written)."""
        return self._store(record, lambda: self.database.store(read_output(output)))

    def _store(self, record: FileRecord, store: Callable[[], Change]) -> FileRecord:
        started = time.perf_counter()
        try:
            change = store()
        except PlanParseError as error:
            return _failed(record, f"its document could not be stored in {self.path} ({error})")
        finally:
            self.seconds += time.perf_counter() - started
        self.changes[change] += 1
        return record

    def record(self) -> DatabaseRecord:
        return DatabaseRecord(path=self.path, added=self.changes[Change.added],
                              replaced=self.changes[Change.replaced],
                              unchanged=self.changes[Change.unchanged],
                              seconds=round(self.seconds, 3))


def _failed(record: FileRecord, reason: str) -> FileRecord:
    """``record`` failed for ``reason``; its output, written and current, stays on record."""
    return record.model_copy(update={"status": Status.failed, "reason": f"{record.input}: {reason}"})
