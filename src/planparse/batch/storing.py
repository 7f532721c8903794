"""``batch --database``: every document of a batch into a plans database, as it goes.

Cutting a document's words for the full-text index costs a fair part of parsing it, and
writing its rows half as much again, so both are done where the parsing is: the worker
that converted a file stores its document (``convert_and_store``), in one transaction,
and hands back only the file's record with what it did. The pool is the parallelism:
SQLite lets one process write at a time, and a worker waits for another's transaction
(a fraction of a millisecond a document) instead of sending every row to one writing
process, which cost more than the waiting (see benchmarks/README.md). A batch stopped
or killed half-way leaves the whole documents of the files it finished, and nothing of
the one being written.

Each process opens the database once and keeps it open for the batch (``_opened``);
a worker's connection ends with the worker, the batch's own process closes its own
(``close_opened``). The batch's process opens the database first, in ``prepare``, so
that a file that is not one is refused before anything is converted.

An input skipped as unchanged has its output read back (``Storing.read_back``), and its
document is written only when the database does not hold it the same: a database given
to a folder converted before, or to a batch whose database was removed. On a cluster
(cluster.py) the same is done with every output as the client writes it: the workers may
be on other machines, which cannot reach this machine's database file, and SQLite's
locks are not to be trusted over a network file system; so the client cuts the words
and writes the rows (26 ms for the 57-page Hangdong plan, whose OCR takes minutes).
A file that fails leaves the database as it was. A document that cannot be stored fails
its file, with its new output kept: the next run skips the input and stores the document
then.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..database import Change, PlanDatabase, document_rows, open_database, read_output
from ..errors import PlanParseError
from .converting import Job, convert_document, lost
from .report import DatabaseRecord, FileRecord, Status


@dataclass(frozen=True)
class Stored:
    """What a worker hands back with --database: the file's record, what storing its
    document did (None when there was none to store), and the seconds it took."""

    record: FileRecord
    change: Optional[Change] = None
    seconds: float = 0.0


# What the fork server of the batch's workers imports with --database (segmenter.py): the
# segmenter loaded once there, rather than once in every worker.
SEGMENTER_MODULE = f"{__package__}.segmenter"

# The databases this process has open for its batch, by path.
_opened: dict[Path, PlanDatabase] = {}


def convert_and_store(database: Path, job: Job) -> Stored:
    """``convert_file``, and the document it converted stored in ``database``."""
    record, document = convert_document(job)
    if document is None:
        return Stored(record)
    started = time.perf_counter()
    try:
        if database not in _opened:
            _opened[database] = open_database(database)
        change = _opened[database].write(document_rows(document))
    except PlanParseError as error:
        return Stored(_failed(record, f"its document could not be stored in {database} ({error})"))
    except Exception as error:  # a bug in cutting words must not stop thousands of files
        return Stored(_failed(record, f"its document could not be stored in {database} "
                                      f"({type(error).__name__}: {error}); please report it"))
    return Stored(record, change, time.perf_counter() - started)


def lost_unstored(job: Job) -> Stored:
    """The result for a job whose worker process died under it."""
    return Stored(lost(job))


def close_opened() -> None:
    """Close the databases this process opened for its batch (when it converted files
    itself, with one worker)."""
    while _opened:
        _opened.popitem()[1].close()


@dataclass
class Storing:
    """The documents of one batch going into ``database``, with what it did to them."""

    database: PlanDatabase
    path: Path
    changes: dict[Change, int] = field(default_factory=lambda: dict.fromkeys(Change, 0))
    seconds: float = 0.0

    def stored(self, result: Stored) -> FileRecord:
        """Count what a worker's storing did; the file's record."""
        if result.change is not None:
            self.changes[result.change] += 1
        self.seconds += result.seconds
        return result.record

    def read_back(self, record: FileRecord, output_dir: Path) -> FileRecord:
        """Store the document of an input done without its document at hand, read back
        from its output in ``output_dir``: an unchanged input's, or one a cluster
        converted (when the database holds it the same, nothing is written). ``record``
        as it is when its input is not done."""
        if not record.done or record.output is None:
            return record
        started = time.perf_counter()
        try:
            change = self.database.store(read_output(output_dir / record.output.path))
        except PlanParseError as error:
            return _failed(record, f"its document could not be stored in {self.path} ({error})")
        finally:
            self.seconds += time.perf_counter() - started
        self.changes[change] += 1
        return record

    def record(self) -> DatabaseRecord:
        return DatabaseRecord(path=str(self.path), added=self.changes[Change.added],
                              replaced=self.changes[Change.replaced],
                              unchanged=self.changes[Change.unchanged],
                              seconds=round(self.seconds, 3))


def _failed(record: FileRecord, reason: str) -> FileRecord:
    """``record`` failed for ``reason``; its output, written and current, stays on record."""
    return record.model_copy(update={"status": Status.failed, "reason": f"{record.input}: {reason}"})
