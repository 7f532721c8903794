# mypy: disallow-untyped-calls=False
# (distributed leaves Client, LocalCluster, as_completed and some of their methods
# unannotated; what they return is annotated where it is used.)
"""A batch on a Dask distributed cluster: the same jobs, spread over many machines.

``planparse batch IN -o OUT --cluster ADDRESS`` hands ``run`` (``__init__.py``) a
``ClusterPool`` in place of the local process pool; planning, skipping what is unchanged,
the run report and the table are the local batch's. The unit of work fits its cost:

- a text file, or a PDF whose text layer reads, is one task (``convert_or_split``): it
  reads the input and makes its output;
- a PDF with pages to OCR comes back from that task as a ``Scan`` (its text layer, read
  once, and the pages to recognise); each of those pages is a task of its own
  (``recognise_page``: render and OCR, seconds each), so that a 300-page scan spreads over
  the whole cluster; when the last page is back, one more task reads the file again to
  check it is the same, puts the pages in page order and parses the text
  (``convert_scan``). The parser stays a pure function of the text.

The outputs are written here, by the client, not by the workers, with the local batch's
atomic writes (``write_rendered``): the client holds the output folder's lock, so every
output is written under it and recorded in the report, and nothing is written after the
command stops, which a task still running on a worker could otherwise do; an output is a
few hundred kilobytes, so carrying it back costs little; and the workers need no write
access anywhere. What they need is to read the inputs at the same absolute path as the
client sees them (a shared file system), since a scan is far larger than its output.

Dask runs the tasks of a worker that dies, or of a machine that leaves, again on the
others; a task whose workers died under it more than the scheduler allows
(``distributed.scheduler.allowed-failures``, 3 by default) is given up, and its file alone
fails with that reason (alone, when the scheduler gives a worker only what its threads
run: ``SCHEDULER_CONFIG``). Only a few tasks are in flight for each worker thread, so that a
first Ctrl-C (``stop``) waits for little: nothing more starts, the tasks in flight finish
and are recorded, and a scan whose pages had not all started is left for the next run.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import signal
import socket
import threading
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import lru_cache
from typing import Any, Callable, Iterator, Sequence

import dask
from distributed import Client, Future, KilledWorker, LocalCluster, WorkerPlugin, as_completed
from distributed.worker import Worker

from ..decode import is_pdf
from ..errors import PlanParseError
from ..model import PlanDocument
from ..parser import parse_bytes, parse_read
from ..pdf import PdfPage, PdfText, join_pages, ocr_page, text_layer
from ..reading import PDF_ENCODING, ReadText
from .converting import (Job, Rendered, convert_file, failed, guarded, load_word_lists,
                         read_source, rendered, write_rendered)
from .pages import page_of, parse_with_page
from .planning import fingerprint
from .pool import _interrupts_ignored
from .report import FileRecord

# ``--cluster local:N``: a LocalCluster of N worker processes on this machine.
_LOCAL = re.compile(r"local:(\d+)")
# How long to wait for a scheduler to answer, and for its first worker to join.
CONNECT_SECONDS = 30
WORKER_SECONDS = 60
# Tasks in flight for each worker thread: the one it runs and the next, so that it never
# waits for the client; more would only make a Ctrl-C wait longer.
TASKS_PER_THREAD = 2
# How often the number of worker threads is asked again (workers join and leave).
_THREADS_SECONDS = 5.0


# ---------------------------------------------------------------- the cluster

@contextmanager
def connect(address: str) -> Iterator[Client]:
    """A client of the cluster at ``address`` (a scheduler's, ``tcp://host:8786``), or of a
    new LocalCluster for ``local:N``, with a worker at least; PlanParseError when there
    is none. Dask's own log lines are kept off the terminal (the dashboard shows them)."""
    quieted = logging.getLogger("distributed")
    level = quieted.level
    quieted.setLevel(logging.CRITICAL)
    local = _LOCAL.fullmatch(address)
    cluster: LocalCluster | None = None
    try:
        if local is not None:
            cluster = _local_cluster(int(local.group(1)))
            client = Client(cluster)
        else:
            client = _remote_client(address)
        try:
            client.register_plugin(_WorkerSetup(local=local is not None), name="planparse")
            _wait_for_workers(client, address)
            yield client
        finally:
            client.close()
    finally:
        if cluster is not None:
            cluster.close()
        quieted.setLevel(level)


def _local_cluster(workers: int) -> LocalCluster:
    """N worker processes of one thread here (PDFium is not thread-safe, and a parse
    holds Python's lock: processes, not threads, use the cores). They start with Ctrl-C
    ignored, which the command handles (see ``_WorkerSetup``). Its scheduler hands a
    worker a task only when a thread of it is free (``SCHEDULER_CONFIG``)."""
    if workers < 1:
        raise PlanParseError(f"--cluster local:{workers}: a local cluster needs 1 worker or more")
    with _interrupts_ignored(), dask.config.set(SCHEDULER_CONFIG):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                            silence_logs=logging.CRITICAL)


# A worker that dies counts against every task it was given, running or waiting, and a
# task counted against more than ``allowed-failures`` times is given up: given only what
# its threads run, and none stolen onto it from a busier worker, a worker that a file
# kills counts against that file alone. (README: start a scheduler of your own with it too.)
SCHEDULER_CONFIG = {"distributed.scheduler.worker-saturation": 1.0,
                    "distributed.scheduler.work-stealing": False}


def _remote_client(address: str) -> Client:
    try:
        return Client(address, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError, ValueError) as error:
        raise PlanParseError(f"--cluster {address}: no Dask scheduler answers there "
                             f"({str(error).splitlines()[0] if str(error) else type(error).__name__}); "
                             "start one with: dask scheduler") from None


def _wait_for_workers(client: Client, address: str) -> None:
    try:
        client.wait_for_workers(1, timeout=WORKER_SECONDS)
    except TimeoutError:
        raise PlanParseError(f"--cluster {address}: no worker joined the scheduler within "
                             f"{WORKER_SECONDS} s; start workers with: dask worker {address}") from None


def dashboard(client: Client) -> str | None:
    """The address of the cluster's dashboard, or None when it has none (bokeh missing)."""
    try:
        link = client.dashboard_link
    except (KeyError, AttributeError):
        return None
    return link if isinstance(link, str) and link else None


class _WorkerSetup(WorkerPlugin):
    """What every worker does when it starts, and again when it is restarted: one
    tesseract thread a process, as ``ocr.OcrPool``'s workers (the cluster runs pages in
    parallel instead, about four times faster a core); the word lists read before the
    first file; and on this machine, Ctrl-C left to the command, which stops the run in
    order (a terminal's Ctrl-C reaches every process of the command, as in pool.py)."""

    def __init__(self, local: bool) -> None:
        self.local = local

    def setup(self, worker: Worker) -> None:
        os.environ["OMP_THREAD_LIMIT"] = "1"
        if self.local and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        load_word_lists()


# ---------------------------------------------------------------- the tasks (on workers)

@dataclass(frozen=True)
class Scan:
    """A PDF with pages to OCR, as its first task leaves it."""

    source_sha256: str
    stamp: tuple[int, int] | None
    """The input's size and modification time when it was read: its page tasks read the
    same file again, and must find it unchanged."""
    read: list[PdfPage]
    """Every selected page as its text layer reads it."""
    wanted: list[int]
    """The pages OCR is to read instead."""
    seconds: float


@dataclass(frozen=True)
class Recognised:
    """A page read by OCR, and the time it took."""

    page: PdfPage
    seconds: float


def convert_or_split(job: Job) -> Rendered | FileRecord | Scan:
    """A job's first task: its output, or why it failed, or for a PDF with pages to OCR,
    the text layer and the pages to hand out."""
    started = time.perf_counter()
    data = _read_here(job, started)
    if isinstance(data, FileRecord):
        return data
    source_sha256 = hashlib.sha256(data).hexdigest()
    if not is_pdf(data):
        return guarded(job, source_sha256, started, lambda: _text_rendered(job, data, source_sha256, started))
    layer = guarded(job, source_sha256, started, lambda: text_layer(
        data, job.name, job.pdf.pages, job.pdf.password, job.pdf.ocr))
    if isinstance(layer, FileRecord):
        return layer
    read, wanted = layer
    if not wanted:
        return guarded(job, source_sha256, started, lambda: _pdf_rendered(
            job, join_pages(read, []), data, source_sha256, started))
    return Scan(source_sha256, _stamp(job), read, wanted, time.perf_counter() - started)


def recognise_page(job: Job, scan: Scan, number: int) -> Recognised | FileRecord:
    """One page of a scan read by OCR, or why it could not be."""
    started = time.perf_counter()
    other = _other_planparse(job, started)
    if other is not None:
        return other
    if scan.stamp is None or _stamp(job) != scan.stamp:
        return failed(job, started, _CHANGED.format(name=job.name), scan.source_sha256)
    page = guarded(job, scan.source_sha256, started,
                   lambda: ocr_page(job.source, number, job.name, job.pdf.password))
    return page if isinstance(page, FileRecord) else Recognised(page, time.perf_counter() - started)


def convert_scan(job: Job, scan: Scan, recognised: list[PdfPage], seconds: float) -> Rendered | FileRecord:
    """A scan's last task: its pages in page order, parsed and rendered; ``seconds`` is
    the time its earlier tasks took. The file is read again (once, not a page at a time),
    and must be the one its first task read."""
    started = time.perf_counter() - seconds
    data = _read_here(job, started)
    if isinstance(data, FileRecord):
        return data
    if hashlib.sha256(data).hexdigest() != scan.source_sha256:
        return failed(job, started, _CHANGED.format(name=job.name), scan.source_sha256)
    return guarded(job, scan.source_sha256, started, lambda: _pdf_rendered(
        job, join_pages(scan.read, recognised), data, scan.source_sha256, started))


_CHANGED = "{name}: changed while it was being converted; run the batch again"


def _text_rendered(job: Job, data: bytes, source_sha256: str, started: float) -> Rendered:
    """A text file's output (and review page), as ``render_file`` makes them."""
    if job.page is None:
        return rendered(job, parse_bytes(data, job.name, job.pdf), source_sha256, started)
    document, page = parse_with_page(job.page, data, job.name, job.pdf)
    return rendered(job, document, source_sha256, started, page)


def _pdf_rendered(job: Job, text: PdfText, data: bytes, source_sha256: str, started: float) -> Rendered:
    """A PDF's output (and review page) from its text, as ``parse_bytes`` makes the
    document of the PDF's bytes."""
    read = ReadText(text.text, PDF_ENCODING, text.line_pages, text.warnings)
    document = parse_read(read, data, job.name)
    page = page_of(job.page, document, read) if job.page is not None else None
    return rendered(job, document, source_sha256, started, page)


def _stamp(job: Job) -> tuple[int, int] | None:
    """The input's size and modification time, or None when it is gone."""
    try:
        status = os.stat(job.source)
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def _read_here(job: Job, started: float) -> bytes | FileRecord:
    """The input's bytes on this worker, or why it cannot convert them: set up unlike
    the client, or the file unreadable from here."""
    other = _other_planparse(job, started)
    return other if other is not None else read_source(job, started)


def _other_planparse(job: Job, started: float) -> FileRecord | None:
    """A failed record when this worker would not make the outputs the client records
    (``planning.fingerprint``: its planparse, the libraries that shape an output, or
    whether it can OCR, differ): the report would take them for the client's."""
    if _fingerprint(job.format, job.pdf.ocr) == job.fingerprint:
        return None
    return failed(job, started, f"{job.name}: the worker on {socket.gethostname()} is not set "
                                "up as this machine is (its planparse, pythainlp, PyYAML, "
                                "pypdfium2 or pytesseract differ, or tesseract with its Thai "
                                "data is on one and not the other); install the same on every "
                                "machine")


_fingerprint = lru_cache(maxsize=None)(fingerprint)


# ---------------------------------------------------------------- the pool (on the client)

class ClusterPool:
    """A ``Pool`` of a batch's jobs (pool.py) on a Dask cluster; see the module's
    docstring. ``on_pages(done, known)`` is told whenever a page to OCR is found or read."""

    def __init__(self, client: Client,
                 on_pages: Callable[[int, int], None] = lambda done, known: None) -> None:
        self.client = client
        self.on_pages = on_pages

    def __call__(self, convert: Callable[[Job], FileRecord], jobs: Sequence[Job],
                 lost: Callable[[Job], FileRecord], stop: threading.Event) -> Iterator[FileRecord]:
        """``convert_file``'s work, done in its steps: made on the workers, written here."""
        if convert is not convert_file:
            raise TypeError("ClusterPool converts batch jobs as convert_file does, in its "
                            f"steps; it cannot run {getattr(convert, '__name__', convert)!r}")
        return _Run(self.client, lost, stop, self.on_pages).results(jobs)


class _Step(Enum):
    FILE = "file"  # convert_or_split
    PAGE = "page"  # recognise_page
    SCAN = "scan"  # convert_scan


@dataclass(eq=False)
class _Scanning:
    """A scan whose pages are out on the cluster."""

    job: Job
    scan: Scan
    pages: dict[int, PdfPage] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass(frozen=True)
class _Task:
    step: _Step
    job: Job
    scanning: _Scanning | None = None
    number: int = 0  # the page, for a page task
    # What the task runs, kept so that it can run again: a task that was only beside the
    # one that killed its workers (on the same worker, both times) is tried once more.
    function: Callable[..., Any] | None = None
    arguments: tuple[Any, ...] = ()
    tried_again: bool = False


class _Run:
    """One batch's tasks: a few in flight a worker thread, a scan's pages before new files."""

    def __init__(self, client: Client, lost: Callable[[Job], FileRecord], stop: threading.Event,
                 on_pages: Callable[[int, int], None]) -> None:
        self.client = client
        self.lost = lost
        self.stop = stop
        self.on_pages = on_pages
        self.files: deque[Job] = deque()
        self.pages: deque[tuple[_Scanning, int]] = deque()
        self.tasks: dict[Future[Any], _Task] = {}
        self.finished = as_completed(with_results=True, raise_errors=False)
        self.pages_known = self.pages_done = 0
        self.threads, self.threads_asked = 0, -_THREADS_SECONDS

    def results(self, jobs: Sequence[Job]) -> Iterator[FileRecord]:
        # The workers read the inputs where the client sees them: a folder given relative
        # to this one is not where a worker on another machine starts.
        self.files.extend(replace(job, source=job.source.absolute()) for job in jobs)
        try:
            while True:
                self._start_more()
                if not self.tasks:
                    return
                future, result = next(self.finished)
                task = self.tasks.pop(future, None)
                if task is None:  # cancelled here: its file has failed
                    continue
                if self._killed(future) and not task.tried_again:
                    self._start(replace(task, tried_again=True))  # the killer, or beside it?
                    continue
                yield from self._finish(task, self._outcome(task, future, result))
        finally:
            if self.tasks:  # a second Ctrl-C, or the caller gave up: drop the rest
                self.client.cancel(list(self.tasks))

    def _start_more(self) -> None:
        """Start pages of the scans under way, then new files, up to the limit; nothing
        new once asked to stop."""
        limit = self._limit()
        while len(self.tasks) < limit and not self.stop.is_set():
            if self.pages:
                scanning, number = self.pages.popleft()
                self._start(_Task(_Step.PAGE, scanning.job, scanning, number, recognise_page,
                                  (scanning.job, scanning.scan, number)))
            elif self.files:
                job = self.files.popleft()
                self._start(_Task(_Step.FILE, job, function=convert_or_split, arguments=(job,)))
            else:
                return

    def _limit(self) -> int:
        if time.monotonic() - self.threads_asked >= _THREADS_SECONDS:
            self.threads = sum(self.client.nthreads().values())
            self.threads_asked = time.monotonic()
        return max(self.threads, 1) * TASKS_PER_THREAD

    def _start(self, task: _Task) -> None:
        # A scan's last task first, then its pages, then new files: what is under way ends first.
        assert task.function is not None
        priority = {_Step.SCAN: 2, _Step.PAGE: 1, _Step.FILE: 0}[task.step]
        future = self.client.submit(task.function, *task.arguments, pure=False, priority=priority)
        self.tasks[future] = task
        self.finished.add(future)

    @staticmethod
    def _killed(future: Future[Any]) -> bool:
        return future.status == "error" and isinstance(future.exception(), KilledWorker)

    def _outcome(self, task: _Task, future: Future[Any], result: Any) -> Any:
        """The task's result, or a failed record when the cluster could not run it."""
        if future.status == "finished":
            return result
        if future.status == "error":
            error = future.exception()
            if isinstance(error, KilledWorker):
                what = f"page {task.number} of it" if task.step is _Step.PAGE else "it"
                reason = (f"{task.job.name}: the workers converting {what} stopped "
                          f"{2 * (error.allowed_failures + 1)} times (killed, out of memory, or "
                          "crashed), so the cluster gave up on it; run the batch again to retry it")
            else:  # what planparse's tasks catch cannot get here: something broke around them
                reason = (f"{task.job.name}: the cluster could not run planparse on this file "
                          f"({type(error).__name__}: {error}); please report it")
        else:  # cancelled, not by us: the scheduler went away
            reason = (f"{task.job.name}: the cluster dropped it (its scheduler stopped or "
                      "cannot be reached); run the batch again to retry it")
        return self.lost(task.job).model_copy(update={"reason": reason})

    def _finish(self, task: _Task, outcome: Any) -> Iterator[FileRecord]:
        """Record a file that is done, or hand out the next steps of a scan."""
        if isinstance(outcome, Rendered):
            yield write_rendered(task.job, outcome)
        elif isinstance(outcome, Scan):
            scanning = _Scanning(task.job, outcome, seconds=outcome.seconds)
            self.pages.extend((scanning, number) for number in outcome.wanted)
            self._count_pages(known=len(outcome.wanted))
        elif isinstance(outcome, Recognised):
            assert task.scanning is not None
            self._page_read(task.scanning, outcome)
        else:
            assert isinstance(outcome, FileRecord)  # failed
            if task.scanning is not None and task.step is _Step.PAGE:
                self._give_up(task.scanning)
            yield outcome

    def _page_read(self, scanning: _Scanning, recognised: Recognised) -> None:
        scanning.pages[recognised.page.number] = recognised.page
        scanning.seconds += recognised.seconds
        self._count_pages(done=1)
        if len(scanning.pages) == len(scanning.scan.wanted):
            pages = [scanning.pages[number] for number in scanning.scan.wanted]
            self._start(_Task(_Step.SCAN, scanning.job, scanning, function=convert_scan,
                              arguments=(scanning.job, scanning.scan, pages, scanning.seconds)))

    def _give_up(self, scanning: _Scanning) -> None:
        """A page of this scan failed, and with it the file: its other pages are dropped
        (those running are forgotten here, so that their results are not waited for)."""
        self.pages = deque(item for item in self.pages if item[0] is not scanning)
        running = [future for future, task in self.tasks.items() if task.scanning is scanning]
        for future in running:
            del self.tasks[future]
        if running:
            self.client.cancel(running)
        self._count_pages(known=-(len(scanning.scan.wanted) - len(scanning.pages)))

    def _count_pages(self, done: int = 0, known: int = 0) -> None:
        self.pages_done += done
        self.pages_known += known
        self.on_pages(self.pages_done, self.pages_known)
