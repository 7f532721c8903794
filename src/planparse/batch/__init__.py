"""Whole folders: plan the batch, convert what changed in a pool of workers, report.

Nothing here prints or exits. ``prepare`` (planning.py) checks a request and finds the
inputs; ``run`` converts them (converting.py) in a pool (pool.py) and returns the
RunReport (report.py), calling back with each file's record as it is done so that the
CLI can show progress; with --database each document is stored as its file is done, by
the local worker that converted it, or by this process when the pool is a cluster's
(storing.py). After the conversions it writes what is made of all the outputs: the
--table CSV, for --format jsonl every document in one file, and for --review the index of
the review pages (pages.py).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import time
from pathlib import Path
from typing import Callable

from .. import __version__
from ..errors import PlanParseError
from ..model import PlanDocument
from ..outputs import remove_leftovers, write_atomically
from ..review import INDEX_NAME
from ..writers import csv_rows, csv_table
from .converting import Job, convert_file, load_word_lists, lost, skip_or_job
from .pages import render_index
from .planning import DOCUMENTS_NAME, Batch, BatchOptions, Candidate, default_workers, prepare
from .pool import Pool, ProcessPool, in_this_process, interrupts_between_files
from .report import (REPORT_NAME, FileRecord, RunReport, Status, TableRecord, summarize,
                     write_report)
from .storing import SEGMENTER_MODULE, Storing, close_opened, convert_and_store, lost_unstored

__all__ = ["Batch", "BatchOptions", "FileRecord", "Job", "Pool", "ProcessPool", "REPORT_NAME",
           "RunReport", "Status", "convert_file", "default_workers", "in_this_process",
           "load_word_lists", "lost", "prepare", "run", "skip_or_job"]


def run(batch: Batch, on_record: Callable[[FileRecord], None] = lambda record: None,
        pool: Pool[Job, FileRecord] | None = None) -> RunReport:
    """Convert every input of ``batch``, write the run report (and the table), return it.

    ``pool`` runs the conversions: by default worker processes, one a CPU asked for, or
    this process for one worker; a pool given (a cluster's) runs ``convert_file``, and
    with --database its documents are stored by this process. A Ctrl-C does not escape: the files done so far are kept
    and recorded, temporary files are removed, and the report says ``interrupted``.
    PlanParseError when the report or the table cannot be written (the report is still
    written when only the table fails). The output folder's lock is released at the end.
    """
    try:
        return _run(batch, on_record, pool)
    finally:
        close_opened()
        batch.release()


def _run(batch: Batch, on_record: Callable[[FileRecord], None],
         pool: Pool[Job, FileRecord] | None) -> RunReport:
    started = time.perf_counter()
    records: dict[str, FileRecord] = {}

    def finish(record: FileRecord) -> None:
        records[record.input] = record
        on_record(record)

    storing = (Storing(batch.database, batch.options.database)
               if batch.database is not None and batch.options.database is not None else None)
    interrupted = _convert_all(batch, finish, pool, storing)
    for candidate in batch.candidates:
        records.setdefault(candidate.name, _not_reached(batch, candidate))
    files = sorted(records.values(), key=lambda record: record.input)
    table, index, failure = batch.previous_table, batch.previous_index, None
    if not interrupted:
        try:
            if batch.options.format == "jsonl":
                _write_documents(batch, files)
            if batch.options.table is not None:
                table = _write_table(batch, files)
            if batch.options.review:
                index = _write_index(batch, files)
        except PlanParseError as error:
            failure = error
    report = RunReport(
        planparse_version=__version__,
        input_dir=str(batch.input_dir),
        input_folder=str(batch.input_dir.resolve()),
        output_dir=str(batch.output_dir),
        format=batch.options.format,
        pattern=" ".join(batch.options.patterns),
        recursive=batch.options.recursive,
        workers=batch.options.workers,
        fingerprint=batch.fingerprint,
        interrupted=interrupted,
        seconds=round(time.perf_counter() - started, 3),
        summary=summarize(files),
        table=table,
        index=index,
        database=storing.record() if storing is not None else None,
        files=files,
    )
    write_report(batch.output_dir / REPORT_NAME, report)
    if failure is not None:
        raise failure
    return report


def _convert_all(batch: Batch, finish: Callable[[FileRecord], None],
                 pool: Pool[Job, FileRecord] | None, storing: Storing | None) -> bool:
    """Record the problems, skip what is unchanged, convert the rest, storing each
    document with ``storing``; True if Ctrl-C stopped it. Temporary files left by a
    killed worker are removed either way."""
    jobs: list[Job] = []
    try:
        with interrupts_between_files() as stop:
            for record in batch.problems:
                finish(record)
            for candidate in batch.candidates:
                outcome = skip_or_job(batch, candidate)
                if isinstance(outcome, Job):
                    jobs.append(outcome)
                else:
                    finish(storing.read_back(outcome, batch.output_dir) if storing else outcome)
            if pool is not None:
                # A pool given (a cluster's) may run the jobs on other machines, which must
                # not write this one's database: what it converts is stored here, read back
                # from the outputs as a skipped input's document is.
                for record in pool(convert_file, jobs, lost, stop):
                    finish(storing.read_back(record, batch.output_dir) if storing else record)
                return stop.is_set()
            workers = min(batch.options.workers, len(jobs))
            preload = [__name__] if storing is None else [__name__, SEGMENTER_MODULE]
            local = (in_this_process if workers <= 1 else
                     ProcessPool(workers, preload, initializer=load_word_lists))
            if storing is None:
                for record in local(convert_file, jobs, lost, stop):
                    finish(record)
            else:  # each worker stores the documents it converts (storing.py)
                convert = functools.partial(convert_and_store, storing.path.resolve())
                for stored in local(convert, jobs, lost_unstored, stop):
                    finish(storing.stored(stored))
        return stop.is_set()
    except KeyboardInterrupt:
        return True
    finally:
        remove_leftovers({batch.output_dir, *(job.target.parent for job in jobs)})


def _not_reached(batch: Batch, candidate: Candidate) -> FileRecord:
    """An input the run was interrupted before; its earlier output stays on record."""
    earlier = batch.previous.get(candidate.name)
    return FileRecord(input=candidate.name, status=Status.interrupted,
                      reason=f"{candidate.name}: not reached before the run was interrupted",
                      output=earlier.output if earlier else None)


def _outputs(batch: Batch, files: list[FileRecord]) -> list[tuple[Path, bytes]]:
    """The outputs of the converted and skipped inputs, read back, in input order (so that
    skipped inputs need not be parsed again)."""
    outputs = []
    for record in files:
        if record.done and record.output is not None:
            path = batch.output_dir / record.output.path
            try:
                outputs.append((path, path.read_bytes()))
            except OSError as error:
                raise PlanParseError(f"{path}: cannot be read back ({error.strerror or error})") from None
    return outputs


def _write_documents(batch: Batch, files: list[FileRecord]) -> None:
    """OUT_DIR/planparse-documents.jsonl: every document, one a line, in input order."""
    _write_whole(batch.output_dir / DOCUMENTS_NAME,
                 b"".join(data for _, data in _outputs(batch, files)), "the documents")


def _write_table(batch: Batch, files: list[FileRecord]) -> TableRecord:
    """One CSV of every item of every converted or skipped input, in input order."""
    rows: list[list[str]] = []
    for path, data in _outputs(batch, files):
        try:
            rows += _ROWS_OF_OUTPUT[batch.options.format](data)
        except Exception as error:  # whatever an output changed since it was written raises
            raise PlanParseError(f"{path}: cannot be read back for the table ({error})") from None
    data = csv_table(rows).encode("utf-8")
    table = batch.options.table
    assert table is not None
    _write_whole(table, data, "the table")
    return TableRecord(path=str(table.resolve()), sha256=hashlib.sha256(data).hexdigest())


def _write_index(batch: Batch, files: list[FileRecord]) -> TableRecord:
    """OUT_DIR/index.html: a row for every input, linking to its review page."""
    path = batch.output_dir / INDEX_NAME
    data = render_index(files, batch.input_dir)
    _write_whole(path, data, "the index of the review pages")
    return TableRecord(path=str(path.resolve()), sha256=hashlib.sha256(data).hexdigest())


def _write_whole(path: Path, data: bytes, what: str) -> None:
    try:
        write_atomically(path, data)
    except OSError as error:
        raise PlanParseError(f"{path}: {what} cannot be written ({error.strerror or error})") from None


def _rows_of_json(data: bytes) -> list[list[str]]:
    return csv_rows(PlanDocument.model_validate_json(data))


def _rows_of_yaml(data: bytes) -> list[list[str]]:
    import yaml

    return csv_rows(PlanDocument.model_validate(yaml.safe_load(data)))


def _rows_of_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))[1:]


# How the table gets the rows of an output already on disk, for each output format.
_ROWS_OF_OUTPUT: dict[str, Callable[[bytes], list[list[str]]]] = {
    "json": _rows_of_json,
    "jsonl": _rows_of_json,
    "yaml": _rows_of_yaml,
    "csv": _rows_of_csv,
}
