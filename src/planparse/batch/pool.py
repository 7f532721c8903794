"""Where conversions run: here, or in worker processes; one interface for both.

A pool is a function that maps ``convert`` over jobs and yields the results as they
finish, in any order; ``lost(job)`` is the result for a job whose worker died under it,
and ``stop`` asks it to start nothing more and to finish what it started. Another
executor (a cluster's) can stand behind the same interface.

``ProcessPool`` is ``concurrent.futures.ProcessPoolExecutor`` given chunks of jobs, so
that the cost of a hand-over is shared by several files. When a worker dies (killed, out
of memory) the executor breaks and every chunk in flight with it; their jobs are then run
again one at a time, so that a job that kills a worker on its own is the one that fails
and the others are converted.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing import forkserver
from typing import Callable, Iterator, Protocol, Sequence, TypeVar

JobT = TypeVar("JobT")
ResultT = TypeVar("ResultT")

# Jobs in a chunk at most: a few tens of milliseconds of work, so that a Ctrl-C waits
# little, and enough that sending chunks costs little beside them (2 workers give 1.67x
# one with 8 text files a chunk, 1.8x with 16); fewer when there are too few jobs to keep
# every worker busy with whole chunks (eight scans to OCR are eight chunks of one for two
# workers, not one chunk of eight).
CHUNK_SIZE = 16
# Chunks in flight for each worker: the one it converts and the next, so it never waits.
CHUNKS_PER_WORKER = 2


class Pool(Protocol[JobT, ResultT]):
    """Map ``convert`` over ``jobs``, yielding each result as it is done (``Pool[Job,
    FileRecord]`` for a batch: a pool may know what its jobs are, as a cluster's does)."""

    def __call__(self, convert: Callable[[JobT], ResultT], jobs: Sequence[JobT],
                 lost: Callable[[JobT], ResultT], stop: threading.Event) -> Iterator[ResultT]: ...


def in_this_process(convert: Callable[[JobT], ResultT], jobs: Sequence[JobT],
                    lost: Callable[[JobT], ResultT], stop: threading.Event) -> Iterator[ResultT]:
    """The jobs one after another in this process (nothing to lose but the process)."""
    for job in jobs:
        if stop.is_set():
            return
        yield convert(job)


class ProcessPool:
    """The jobs in ``workers`` worker processes, in chunks; see the module's docstring."""

    def __init__(self, workers: int, preload: Sequence[str] = (),
                 initializer: Callable[[], None] | None = None) -> None:
        self.workers = workers
        self.preload = list(preload)
        self.initializer = initializer

    def __call__(self, convert: Callable[[JobT], ResultT], jobs: Sequence[JobT],
                 lost: Callable[[JobT], ResultT], stop: threading.Event) -> Iterator[ResultT]:
        size = max(1, min(CHUNK_SIZE, len(jobs) // (self.workers * CHUNKS_PER_WORKER)))
        waiting = [list(jobs[start:start + size]) for start in range(0, len(jobs), size)]
        waiting.reverse()  # taken from the end, in order
        suspects: list[JobT] = []  # jobs of chunks lost with a worker, to run alone
        while (waiting or suspects) and not stop.is_set():
            executor = self._executor()
            try:
                if not _starts(executor):  # no worker can start: none will convert anything
                    suspects += [job for chunk in reversed(waiting) for job in chunk]
                    yield from map(lost, suspects)
                    return
                broken: list[tuple[list[JobT], bool]] = []
                yield from self._drain(executor, convert, waiting, suspects, stop, broken)
            except BaseException:  # a second Ctrl-C, or the caller gave up: stop at once
                _terminate(executor)
                raise
            finally:
                executor.shutdown(wait=True, cancel_futures=True)
            for chunk, alone in broken:
                if alone:  # it broke a worker on its own: it is the one
                    yield lost(chunk[0])
                else:
                    suspects += chunk

    def _drain(self, executor: ProcessPoolExecutor, convert: Callable[[JobT], ResultT],
               waiting: list[list[JobT]], suspects: list[JobT], stop: threading.Event,
               broken: list[tuple[list[JobT], bool]]) -> Iterator[ResultT]:
        """Run chunks in ``executor`` until it breaks, all is done, or ``stop``; the chunks
        lost when it broke go to ``broken``, with whether each ran alone. Suspects run
        first, one at a time with nothing beside them, so that a break names its cause."""
        running: dict[Future[list[ResultT]], list[JobT]] = {}
        suspect: Future[list[ResultT]] | None = None  # in flight with nothing beside it
        while not broken:
            if suspect is None and not stop.is_set():
                if suspects:
                    suspect = executor.submit(_convert_chunk, convert, suspects[:1])
                    running[suspect] = [suspects.pop(0)]
                while suspect is None and waiting and len(running) < self.workers * CHUNKS_PER_WORKER:
                    chunk = waiting.pop()
                    running[executor.submit(_convert_chunk, convert, chunk)] = chunk
            if not running:
                return
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            if any(isinstance(future.exception(), BrokenProcessPool) for future in finished):
                finished, _ = wait(running)  # the others break with it, or are done
            for future in finished:
                chunk = running.pop(future)
                if isinstance(future.exception(), BrokenProcessPool):
                    broken.append((chunk, future is suspect))
                else:
                    yield from future.result()
                if future is suspect:
                    suspect = None

    def _executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=_worker_context(self.preload),
                                   initializer=_ignore_interrupts_then, initargs=(self.initializer,))


def _starts(executor: ProcessPoolExecutor) -> bool:
    """Whether a worker of ``executor`` starts and answers."""
    try:
        executor.submit(int).result()
    except BrokenProcessPool:
        return False
    return True


def _convert_chunk(convert: Callable[[JobT], ResultT], chunk: list[JobT]) -> list[ResultT]:
    return [convert(job) for job in chunk]


def _ignore_interrupts_then(initializer: Callable[[], None] | None) -> None:
    """A worker leaves Ctrl-C to the main process, which stops the run in order."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer()


def _terminate(executor: ProcessPoolExecutor) -> None:
    """End the workers now; their temporary files are removed afterwards."""
    for process in list((executor._processes or {}).values()):  # public in Python 3.14
        process.terminate()


def _worker_context(preload: list[str]) -> multiprocessing.context.BaseContext:
    """How workers are started: forked from a server process that has imported planparse
    once, so that a worker starts in milliseconds instead of spending the half second of
    CPU an import costs, which two workers on two CPUs take from the files. Spawned where
    there is no fork server; never a fork of this process, which may be running threads.

    The server is started with Ctrl-C ignored, which it passes on to every worker it
    forks: a Ctrl-C while they import cannot print their tracebacks.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(preload)
    with _interrupts_ignored():
        forkserver.ensure_running()
    return context


@contextmanager
def _interrupts_ignored() -> Iterator[None]:
    """Ignore Ctrl-C for the moment it takes to start a process, so that it inherits that."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def interrupts_between_files() -> Iterator[threading.Event]:
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
