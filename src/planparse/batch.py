"""Whole folders: finding inputs, worker processes, incremental runs and the run report.

Nothing here prints or exits. ``prepare`` checks a request and finds the inputs (its
PlanParseError is a usage error); ``run`` converts them and returns the RunReport,
calling back with each file's record as it is done so that the CLI can show progress.

The decisions a user relies on (the README states them too):

- One output per input, at the input's path relative to the input folder with the
  format's suffix. The output folder may not overlap the input folder, so outputs are
  never read back as inputs and inputs are never touched.
- Outputs are written atomically, and the temporary files of a run that was interrupted
  or lost a worker process are removed.
- The run report ``OUT_DIR/planparse-report.json`` is also the memory of incremental
  runs: an input is skipped when the output recorded for it is still on disk unchanged
  and was made from the same input bytes (sha256) with the same fingerprint (format,
  planparse version and code).
- An existing output is replaced only when the report says this batch wrote it, when
  the new output is the same bytes, or with ``force``.
"""

from __future__ import annotations

import csv
import fnmatch
import hashlib
import importlib.metadata
import io
import json
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from multiprocessing import forkserver
from multiprocessing.connection import Connection
from multiprocessing.connection import wait as wait_for_ready
from multiprocessing.process import BaseProcess
from pathlib import Path, PurePosixPath
from typing import Callable, Iterator, Optional

from pydantic import BaseModel, ValidationError

from . import __version__
from .errors import PlanParseError
from .flat import count_items
from .model import PlanDocument, Warning
from .outputs import file_sha256, printable, remove_leftovers, write_atomically
from .parser import parse_bytes, read_input
from .writers import WRITERS, csv_rows, csv_table, render

REPORT_NAME = "planparse-report.json"
REPORT_VERSION = 1


class Status(str, Enum):
    """What a run did with an input."""

    converted = "converted"
    """Parsed and written in this run."""
    skipped = "skipped"
    """Unchanged since its output was written; not parsed again."""
    failed = "failed"
    """Could not be converted; ``reason`` says why."""
    interrupted = "interrupted"
    """Not reached: the run was stopped first."""


class OutputRecord(BaseModel):
    """The last output this batch wrote for an input, and what it was made from.

    It is checked against the disk before it is trusted to skip or replace a file.
    """

    path: str
    """Relative to the output folder."""
    sha256: str
    """Of the output file as written."""
    source_sha256: str
    """Of the input bytes it was made from."""
    fingerprint: str
    """Of the format and planparse code that made it (see ``fingerprint``)."""
    counts: dict[str, int]
    """Items of each kind in the document (see flat.KINDS)."""
    warnings: list[Warning]
    """The document's warnings."""


class FileRecord(BaseModel):
    """What happened to one input in a run."""

    input: str
    """Relative to the input folder, with forward slashes."""
    status: Status
    reason: Optional[str] = None
    """One line naming the file and why it failed; null unless it failed or was not reached."""
    unconvertible: bool = False
    """It failed because of its bytes (not text, not a known encoding): a re-run with the
    same planparse fails it again without reading it through, until the bytes change."""
    sha256: Optional[str] = None
    """Of the input bytes as read in this run; null when they could not be read."""
    seconds: float = 0.0
    """Time spent on this input."""
    output: Optional[OutputRecord] = None


class Summary(BaseModel):
    """The counts the summary table shows, kept in the report for scripts."""

    files: int
    converted: int
    skipped: int
    with_warnings: int
    """Converted or skipped files whose document has warnings."""
    failed: int
    interrupted: int
    strategies: int
    """Strategies in the documents of converted and skipped files."""


class TableRecord(BaseModel):
    """The combined CSV table this batch wrote, so a re-run may replace it."""

    path: str
    sha256: str


class RunReport(BaseModel):
    """OUT_DIR/planparse-report.json: the options of a run and what happened to each input.

    The next run into the same folder reads it back to skip what has not changed.
    """

    report_version: int = REPORT_VERSION
    planparse_version: str
    input_dir: str
    output_dir: str
    format: str
    pattern: str
    recursive: bool
    workers: int
    fingerprint: str
    interrupted: bool
    seconds: float
    summary: Summary
    table: Optional[TableRecord] = None
    files: list[FileRecord]


def default_workers() -> int:
    """The CPUs this process may run on (a container or taskset can allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@dataclass(frozen=True)
class BatchOptions:
    """The options of ``planparse batch``, with its defaults."""

    format: str = "json"
    pattern: str = "*.txt"
    recursive: bool = True
    workers: int = field(default_factory=default_workers)
    force: bool = False
    table: Optional[Path] = None


@dataclass(frozen=True)
class Candidate:
    """An input found in the folder and where its output goes."""

    name: str
    source: Path
    output_name: str
    target: Path


@dataclass(frozen=True)
class Job:
    """One conversion for a worker process: everything it needs, nothing it must look up."""

    name: str
    source: Path
    output_name: str
    target: Path
    format: str
    fingerprint: str
    may_replace: bool
    kept: Optional[OutputRecord]
    """The earlier output still on disk, which a failure leaves in place and on record."""


@dataclass(frozen=True)
class Batch:
    """A checked request: the folders, the options and what was found."""

    input_dir: Path
    output_dir: Path
    options: BatchOptions
    fingerprint: str
    candidates: list[Candidate]
    problems: list[FileRecord]
    """Inputs that failed before any conversion: link loops, name collisions."""
    previous: dict[str, FileRecord]
    previous_fingerprint: Optional[str]
    previous_table: Optional[TableRecord]

    def __len__(self) -> int:
        return len(self.candidates) + len(self.problems)


# Libraries whose version can change an output: pythainlp's word lists, PyYAML's layout.
_SHAPING_LIBRARIES = ("pythainlp", "PyYAML")


def fingerprint(format: str) -> str:
    """What makes two runs' outputs of the same input the same: the format, planparse's
    code and data files (not only its version, so that an edited or upgraded parser
    redoes everything), and the versions of the libraries that shape the output."""
    digest = hashlib.sha256(f"{format}\0{__version__}\0".encode())
    for library in _SHAPING_LIBRARIES:
        digest.update(f"{library}\0{_installed_version(library)}\0".encode())
    for path in sorted(Path(__file__).parent.iterdir()):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _installed_version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def prepare(input_dir: Path, output_dir: Path, options: BatchOptions) -> Batch:
    """Check the request and find the inputs; PlanParseError says what is wrong with it."""
    if options.format not in WRITERS:
        raise PlanParseError(f"unknown output format {options.format!r} "
                             f"(choose one of: {', '.join(sorted(WRITERS))})")
    if options.workers < 1:
        raise PlanParseError(f"--workers must be 1 or more, not {options.workers}")
    _check_folders(input_dir, output_dir, options.table)
    previous = _previous_report(output_dir / REPORT_NAME, options.force)
    previous_table = previous.table if previous else None
    if options.table is not None:
        _check_table(options.table, previous_table, options.force)
    files, problems = find_inputs(input_dir, options.pattern, options.recursive)
    candidates, collisions = _assign_outputs(files, input_dir, output_dir, options)
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PlanParseError(f"{output_dir}: the output folder cannot be created "
                             f"({error.strerror or error})") from None
    return Batch(
        input_dir=input_dir,
        output_dir=output_dir,
        options=options,
        fingerprint=fingerprint(options.format),
        candidates=candidates,
        problems=sorted(problems + collisions, key=lambda record: record.input),
        previous={record.input: record for record in previous.files} if previous else {},
        previous_fingerprint=previous.fingerprint if previous else None,
        previous_table=previous_table,
    )


def _check_folders(input_dir: Path, output_dir: Path, table: Optional[Path]) -> None:
    """Refuse folders that do not exist or overlap: an output folder inside the input folder
    would have its outputs read as inputs on the next run, and the other way round a run
    could write over its own inputs."""
    if not input_dir.is_dir():
        reason = "is not a folder (use planparse extract for one file)" if input_dir.exists() \
            else "no such folder"
        raise PlanParseError(f"{input_dir}: {reason}")
    if output_dir.exists() and not output_dir.is_dir():
        raise PlanParseError(f"{output_dir}: exists and is not a folder")
    inputs, outputs = input_dir.resolve(), output_dir.resolve()
    if outputs == inputs or inputs in outputs.parents:
        raise PlanParseError(f"{output_dir}: the output folder is inside the input folder "
                             f"{input_dir}; choose one outside it")
    if outputs in inputs.parents:
        raise PlanParseError(f"{input_dir}: the input folder is inside the output folder "
                             f"{output_dir}; choose an output folder outside it")
    if table is not None:
        if table.is_dir():
            raise PlanParseError(f"{table}: is a folder; --table names the CSV file to write")
        if inputs in table.resolve().parents:
            raise PlanParseError(f"{table}: the table would be inside the input folder "
                                 f"{input_dir}; write it elsewhere")


def _previous_report(path: Path, force: bool) -> Optional[RunReport]:
    """The report of the last run into this folder, if there is one we can trust."""
    if not path.exists():
        return None
    try:
        report = RunReport.model_validate_json(path.read_bytes())
    except (OSError, ValidationError):
        report = None
    if report is None or report.report_version != REPORT_VERSION:
        if force:
            return None
        raise PlanParseError(f"{path}: exists and is not a planparse run report, and the run "
                             "would overwrite it (add --force, or choose another output folder)")
    return report


def _check_table(table: Path, previous: Optional[TableRecord], force: bool) -> None:
    """A table may replace an existing file only if the last run wrote it, or with force."""
    if not table.exists() or force:
        return
    ours = (previous is not None and previous.path == str(table.resolve())
            and previous.sha256 == file_sha256(table))
    if not ours:
        raise PlanParseError(f"{table}: already exists (add --force to overwrite it)")


def find_inputs(folder: Path, pattern: str, recursive: bool) -> tuple[list[PurePosixPath], list[FileRecord]]:
    """The files under ``folder`` whose names match ``pattern``, relative to it and sorted,
    and failed records for what cannot be walked or read as a file.

    Links to folders are followed, except one leading back to a folder above it (a loop,
    which would never end); a copy of a folder linked from elsewhere is walked again, as
    the user asked for both.
    """
    files: list[PurePosixPath] = []
    problems: list[FileRecord] = []
    stack = [(folder, PurePosixPath(), (_identity(folder),))]
    while stack:
        directory, relative, ancestors = stack.pop()
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            problems.append(_failed(str(relative), f"{directory}: the folder cannot be listed "
                                                   f"({error.strerror or error})"))
            continue
        for entry in entries:
            name = relative / entry.name
            if _is(entry.is_dir):
                if not recursive:
                    continue
                identity = _identity(entry.path)
                if identity in ancestors:
                    problems.append(_failed(str(name), f"{entry.path}: symbolic link loop (it leads "
                                                       "back to a folder above it); not followed"))
                else:
                    stack.append((Path(entry.path), name, ancestors + (identity,)))
            elif fnmatch.fnmatch(entry.name, pattern):
                if printable(str(name)) != str(name):
                    problems.append(_failed(str(name), f"{name}: the name of the file or of a "
                                                       "folder above it is not valid UTF-8 "
                                                       "(rename it)"))
                elif _is(entry.is_file):
                    files.append(name)
                else:
                    problems.append(_failed(str(name), _not_a_file(entry.path)))
    return sorted(files), problems


def _is(test: Callable[[], bool]) -> bool:
    """``DirEntry.is_dir`` and ``is_file`` raise, rather than say no, for a link to itself."""
    try:
        return test()
    except OSError:
        return False


def _identity(path: str | Path) -> tuple[int, int]:
    """The same folder has the same identity whatever link leads to it."""
    status = os.stat(path)
    return status.st_dev, status.st_ino


def _not_a_file(path: str) -> str:
    try:
        os.stat(path)
    except OSError as error:
        return f"{path}: is a symbolic link that cannot be followed ({error.strerror or error})"
    return f"{path}: is not a regular file (a pipe, socket or device)"


def _assign_outputs(files: list[PurePosixPath], input_dir: Path, output_dir: Path,
                    options: BatchOptions) -> tuple[list[Candidate], list[FileRecord]]:
    """Give every input its output; an input whose output name is taken fails rather than
    overwrite another's (``plan.txt`` and ``plan.md`` with ``--pattern '*'``)."""
    taken = {REPORT_NAME: "the run report"}
    if options.table is not None and output_dir.resolve() in options.table.resolve().parents:
        taken[options.table.resolve().relative_to(output_dir.resolve()).as_posix()] = "the table"
    candidates, collisions = [], []
    for name in files:
        output_name = name.with_suffix(f".{options.format}").as_posix()
        if output_name in taken:
            collisions.append(_failed(name.as_posix(), f"{name}: its output {output_name} "
                                                       f"would overwrite {taken[output_name]}"))
            continue
        taken[output_name] = name.as_posix()
        candidates.append(Candidate(name=name.as_posix(), source=input_dir.joinpath(*name.parts),
                                    output_name=output_name,
                                    target=output_dir.joinpath(*PurePosixPath(output_name).parts)))
    return candidates, collisions


def _failed(name: str, reason: str, kept: Optional[OutputRecord] = None) -> FileRecord:
    return FileRecord(input=printable(name), status=Status.failed, reason=printable(reason),
                      output=kept)


def run(batch: Batch, on_record: Callable[[FileRecord], None] = lambda record: None) -> RunReport:
    """Convert every input of ``batch``, write the run report (and the table), return it.

    A Ctrl-C does not escape: the files done so far are kept and recorded, temporary files
    are removed, and the report says ``interrupted``. PlanParseError when the report or
    the table cannot be written (the report is still written when only the table fails).
    """
    started = time.perf_counter()
    records: dict[str, FileRecord] = {}

    def finish(record: FileRecord) -> None:
        records[record.input] = record
        on_record(record)

    interrupted = _convert_all(batch, finish)
    for candidate in batch.candidates:
        records.setdefault(candidate.name, _not_reached(batch, candidate))
    files = sorted(records.values(), key=lambda record: record.input)
    table, table_error = batch.previous_table, None
    if batch.options.table is not None and not interrupted:
        try:
            table = _write_table(batch, files)
        except PlanParseError as error:
            table_error = error
    report = RunReport(
        planparse_version=__version__,
        input_dir=str(batch.input_dir),
        output_dir=str(batch.output_dir),
        format=batch.options.format,
        pattern=batch.options.pattern,
        recursive=batch.options.recursive,
        workers=batch.options.workers,
        fingerprint=batch.fingerprint,
        interrupted=interrupted,
        seconds=round(time.perf_counter() - started, 3),
        summary=summarize(files),
        table=table,
        files=files,
    )
    _write_report(batch.output_dir / REPORT_NAME, report)
    if table_error is not None:
        raise table_error
    return report


def _convert_all(batch: Batch, finish: Callable[[FileRecord], None]) -> bool:
    """Record the problems, skip what is unchanged, convert the rest; True if Ctrl-C
    stopped it. Temporary files left by a killed worker are removed either way."""
    jobs: list[Job] = []
    try:
        for record in batch.problems:
            finish(record)
        for candidate in batch.candidates:
            outcome = _skip_or_job(batch, candidate)
            if isinstance(outcome, Job):
                jobs.append(outcome)
            else:
                finish(outcome)
        _convert(jobs, batch.options.workers, finish)
        return False
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


def _write_report(path: Path, report: RunReport) -> None:
    text = json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as error:
        raise PlanParseError(f"{path}: the run report cannot be written "
                             f"({error.strerror or error})") from None


def _skip_or_job(batch: Batch, candidate: Candidate) -> FileRecord | Job:
    """A skipped record when the recorded output is still current, the same failure when
    the bytes that could not be converted have not changed, else the job to do."""
    earlier = batch.previous.get(candidate.name)
    kept = earlier.output if earlier else None
    if kept is not None and (kept.path != candidate.output_name
                             or file_sha256(candidate.target) != kept.sha256):
        kept = None
    started = time.perf_counter()
    source_sha256 = file_sha256(candidate.source)
    if (kept is not None and not batch.options.force and kept.fingerprint == batch.fingerprint
            and kept.source_sha256 == source_sha256):
        return FileRecord(input=candidate.name, status=Status.skipped, sha256=source_sha256,
                          seconds=round(time.perf_counter() - started, 4), output=kept)
    if (earlier is not None and earlier.unconvertible and not batch.options.force
            and batch.previous_fingerprint == batch.fingerprint
            and earlier.sha256 == source_sha256):
        return earlier.model_copy(update={"seconds": round(time.perf_counter() - started, 4),
                                          "output": kept})
    return Job(name=candidate.name, source=candidate.source, output_name=candidate.output_name,
               target=candidate.target, format=batch.options.format,
               fingerprint=batch.fingerprint, may_replace=batch.options.force or kept is not None,
               kept=kept)


def convert_file(job: Job) -> FileRecord:
    """Read, parse, render and write one input. Every failure becomes a failed record, so
    that one bad file never stops the batch; this runs in a worker process."""
    started = time.perf_counter()

    def failed(reason: str, source_sha256: Optional[str] = None,
               unconvertible: bool = False) -> FileRecord:
        return FileRecord(input=job.name, status=Status.failed, reason=reason,
                          unconvertible=unconvertible, sha256=source_sha256,
                          seconds=round(time.perf_counter() - started, 4), output=job.kept)

    try:
        data = read_input(job.source)
    except PlanParseError as error:
        return failed(str(error))
    source_sha256 = hashlib.sha256(data).hexdigest()
    try:
        document = parse_bytes(data, job.name)
        rendered = render(document, job.format).encode("utf-8")
    except PlanParseError as error:
        return failed(str(error), source_sha256, unconvertible=True)
    except Exception as error:  # a parser bug on one file must not stop thousands of others
        return failed(f"{job.name}: planparse failed on this file ({type(error).__name__}: "
                      f"{error}); please report it", source_sha256)
    try:
        _write_output(job, rendered)
    except PlanParseError as error:
        return failed(str(error), source_sha256)
    except OSError as error:
        return failed(f"{job.target}: cannot be written ({error.strerror or error})", source_sha256)
    output = OutputRecord(path=job.output_name, sha256=hashlib.sha256(rendered).hexdigest(),
                          source_sha256=source_sha256, fingerprint=job.fingerprint,
                          counts=count_items(document), warnings=document.warnings)
    return FileRecord(input=job.name, status=Status.converted, sha256=source_sha256,
                      seconds=round(time.perf_counter() - started, 4), output=output)


def _write_output(job: Job, data: bytes) -> None:
    """Write unless that would replace a file this batch did not write with other bytes."""
    if not job.may_replace and job.target.exists() and job.target.read_bytes() != data:
        raise PlanParseError(f"{job.target}: already exists and was not written by this batch "
                             "(add --force to replace it)")
    write_atomically(job.target, data)


def _convert(jobs: list[Job], workers: int, finish: Callable[[FileRecord], None]) -> None:
    """Run the jobs here when one worker is asked for (or one job is left), else in
    worker processes; the outputs are the same bytes either way. A Ctrl-C stops the run
    after the files in progress, then raises KeyboardInterrupt."""
    with _interrupts_between_files() as stop:
        if workers == 1 or len(jobs) <= 1:
            for job in jobs:
                if stop.is_set():
                    break
                finish(convert_file(job))
        else:
            _convert_in_processes(jobs, min(workers, len(jobs)), finish, stop)
    if stop.is_set():
        raise KeyboardInterrupt


@contextmanager
def _interrupts_between_files() -> Iterator[threading.Event]:
    """Turn the first Ctrl-C into a request to stop once the files in progress are done.

    Raised at any moment, KeyboardInterrupt could fall between writing an output and
    recording it. A second Ctrl-C interrupts at once. Signals reach only the main thread,
    and a process started with Ctrl-C ignored keeps ignoring it.
    """
    stop = threading.Event()
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.getsignal(signal.SIGINT) if in_main_thread else signal.SIG_IGN
    if previous in (signal.SIG_IGN, None):
        yield stop
        return

    def request_stop(signum: int, frame: object) -> None:
        stop.set()
        signal.signal(signal.SIGINT, previous)

    signal.signal(signal.SIGINT, request_stop)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


# Jobs sent ahead to each worker process: the one it converts and the next, so that it
# goes on at once instead of waiting while this process records a result and sends another
# job. No more, so that a stop has few files to wait for.
_JOBS_PER_WORKER = 2

# What a worker process sends once it has started, before it answers any job.
_READY = "ready"


@dataclass
class _Worker:
    """A worker process, this process's end of the pipe to it, and the jobs sent to it and
    not yet answered, in order: once it is ready, the first is the one it is converting."""

    process: BaseProcess
    connection: Connection
    jobs: deque[Job] = field(default_factory=deque)
    ready: bool = False


def _convert_in_processes(jobs: list[Job], workers: int, finish: Callable[[FileRecord], None],
                          stop: threading.Event) -> None:
    """Convert the jobs in worker processes until done or asked to stop.

    Each worker has a pipe of its own, answers its jobs in order, and is sent its next job
    before it finishes one. A worker that dies (killed, or out of memory) fails the file
    it was converting and no other: the jobs sent to it go to the others, and a fresh
    worker takes its place. One that dies before it is ready fails no file and is not
    replaced, as the next would fail to start too; with no worker left, the files left
    fail. A stop sends no more jobs and waits for those sent, which are short, so their
    outputs are whole and recorded; the workers ignore Ctrl-C themselves.

    There are no threads here: a ProcessPoolExecutor's manager and feeder threads made this
    process spend 0.45 ms of CPU a file instead of 0.2, taken from the workers when there
    are as many of them as CPUs.
    """
    context = _worker_context()
    waiting = deque(jobs)
    pool: list[_Worker] = []

    def lost(worker: _Worker) -> None:
        pool.remove(worker)
        _bury(worker, waiting, finish)
        if worker.ready and waiting and not stop.is_set():
            pool.append(_start_worker(context))

    try:
        pool += [_start_worker(context) for _ in range(workers)]
        while pool:
            for worker in list(pool):
                while waiting and not stop.is_set() and len(worker.jobs) < _JOBS_PER_WORKER:
                    if not _send(worker, waiting.popleft(), waiting):
                        lost(worker)
                        break
            busy = [worker for worker in pool if worker.jobs]
            if not busy:
                break
            ready = set(wait_for_ready([worker.connection for worker in busy]
                                       + [worker.process.sentinel for worker in busy]))
            for worker in busy:
                if ((worker.connection in ready or worker.process.sentinel in ready)
                        and not _receive(worker, finish)):
                    lost(worker)
        while waiting and not stop.is_set():
            job = waiting.popleft()
            finish(_failed(job.name, f"{job.name}: not converted: no worker process could be "
                                     "started (--workers 1 converts without them)", job.kept))
    finally:
        _stop_workers(pool)


def _worker_context() -> multiprocessing.context.BaseContext:
    """How workers are started: forked from a server process that has imported planparse
    once, so that a worker starts in milliseconds instead of spending the half second of
    CPU an import costs, which two workers on two CPUs take from the files (2 workers / 1
    went from 1.55 to 1.8 in benchmarks/bench.py). Spawned where there is no fork server;
    never a fork of this process, which may be running the progress thread.

    The server is started with Ctrl-C ignored, which it inherits through exec and passes
    on to every worker it forks: a Ctrl-C while they import cannot print their tracebacks,
    and this process alone stops the run, in order.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["planparse.batch"])
    with _interrupts_ignored():
        forkserver.ensure_running()
    return context


def _start_worker(context: multiprocessing.context.BaseContext) -> _Worker:
    ours, theirs = context.Pipe()
    process = context.Process(target=_serve, args=(theirs,), daemon=True)
    process.start()
    theirs.close()  # only the worker's copy stays open, so that its death closes the pipe
    return _Worker(process, ours)


@contextmanager
def _interrupts_ignored() -> Iterator[None]:
    """Ignore Ctrl-C for the moment it takes to start a process (a fork and an exec, not
    its imports), so that the process inherits the ignoring."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _send(worker: _Worker, job: Job, waiting: deque[Job]) -> bool:
    """Send a job to a worker; False, and the job put back first in line, when it is dead."""
    try:
        worker.connection.send(job)
    except OSError:
        waiting.appendleft(job)
        return False
    worker.jobs.append(job)
    return True


def _receive(worker: _Worker, finish: Callable[[FileRecord], None]) -> bool:
    """Take what a worker has sent: that it is ready, and records; False when it has died."""
    try:
        while worker.connection.poll():
            answer = worker.connection.recv()
            if isinstance(answer, FileRecord):
                worker.jobs.popleft()
                finish(answer)
            else:  # _READY
                worker.ready = True
    except (EOFError, OSError):  # its end closed, maybe in the middle of an answer
        return False
    return worker.process.is_alive()


def _bury(worker: _Worker, waiting: deque[Job], finish: Callable[[FileRecord], None]) -> None:
    """After a worker died: fail the file it was converting, if it was ready to, and give
    back the jobs it had not begun."""
    if worker.process.is_alive():  # its pipe broke, yet it runs: it cannot be trusted
        worker.process.kill()
    worker.process.join()
    worker.connection.close()
    if worker.ready and worker.jobs:
        job = worker.jobs.popleft()
        finish(_failed(job.name, f"{job.name}: its worker process stopped (killed, or out of "
                                 "memory); run the batch again to retry it", job.kept))
    waiting.extendleft(reversed(worker.jobs))
    worker.jobs.clear()


def _stop_workers(pool: list[_Worker]) -> None:
    """Let idle workers end; end at once those still converting, which only an error here
    or a second Ctrl-C leaves (their temporary files are removed afterwards)."""
    for worker in pool:
        if worker.jobs:
            worker.process.terminate()
        else:
            try:
                worker.connection.send(None)
            except OSError:
                pass
    for worker in pool:
        worker.process.join()
        worker.connection.close()


def _serve(connection: Connection) -> None:
    """A worker process: convert each job that comes down the pipe and send back its record,
    until None or the end of the pipe. Ctrl-C is left to the main process, which stops the
    run in order."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _load_word_lists()
    try:
        connection.send(_READY)
        while (job := connection.recv()) is not None:
            connection.send(convert_file(job))
    except (EOFError, BrokenPipeError):  # the main process is gone
        pass


def _load_word_lists() -> None:
    """Read the word lists that parsing needs, so that they are not counted in the first
    file's time. A broken installation is not a reason to stop: each file says so."""
    from .dictionary import words
    from .metadata import province_names

    try:
        words()
        province_names()
    except PlanParseError:
        pass


def summarize(files: list[FileRecord]) -> Summary:
    done = [record for record in files if record.status in (Status.converted, Status.skipped)]
    by_status = {status: sum(1 for record in files if record.status is status) for status in Status}
    return Summary(
        files=len(files),
        converted=by_status[Status.converted],
        skipped=by_status[Status.skipped],
        with_warnings=sum(1 for record in done if record.output.warnings),
        failed=by_status[Status.failed],
        interrupted=by_status[Status.interrupted],
        strategies=sum(record.output.counts.get("strategy", 0) for record in done),
    )


def _write_table(batch: Batch, files: list[FileRecord]) -> TableRecord:
    """One CSV of every item of every converted or skipped input, in input order. Rows are
    read back from the outputs, so skipped inputs need not be parsed again."""
    rows = []
    for record in files:
        if record.status in (Status.converted, Status.skipped):
            path = batch.output_dir / record.output.path
            try:
                rows += _ROWS_OF_OUTPUT[batch.options.format](path.read_bytes())
            except Exception as error:  # whatever an output changed since it was written raises
                raise PlanParseError(f"{path}: cannot be read back for the table ({error})") from None
    data = csv_table(rows).encode("utf-8")
    table = batch.options.table
    try:
        write_atomically(table, data)
    except OSError as error:
        raise PlanParseError(f"{table}: the table cannot be written ({error.strerror or error})") from None
    return TableRecord(path=str(table.resolve()), sha256=hashlib.sha256(data).hexdigest())


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
    "yaml": _rows_of_yaml,
    "csv": _rows_of_csv,
}
