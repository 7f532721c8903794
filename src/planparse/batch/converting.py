"""One input of a batch: skip it, fail it again, or convert it; this runs in a worker.

Converting is making the output (``render_file``) and writing it (``write_rendered``):
``convert_file`` does both in the local pool's worker, and ``convert_document`` also hands
back the document, which that worker stores with --database (storing.py); on a cluster
the workers make the outputs and the client writes them (cluster.py).

Every failure becomes a failed record naming the input relative to the input folder, so
that one bad file never stops the batch and every line of a run reads alike.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Optional, TypeVar

from ..errors import PlanParseError, RetryableError
from ..flat import count_items
from ..inputs import read_input
from ..model import PlanDocument, Warning
from ..outputs import file_sha256, write_atomically
from ..parser import parse_bytes
from ..pdf import PdfOptions
from ..writers import render
from .pages import PageJob, page_record, parse_with_page
from .planning import Batch, Candidate
from .report import FileRecord, OutputRecord, PageRecord, Status


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
    pdf: PdfOptions = PdfOptions(ocr_workers=1)
    """How a PDF is read; OCR in one process, as the job has one CPU of the batch's."""
    page: Optional[PageJob] = None
    """Its review page, with --review: written beside the output, from the same document."""


def skip_or_job(batch: Batch, candidate: Candidate) -> FileRecord | Job:
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
            and kept.source_sha256 == source_sha256 and _page_current(candidate, kept)):
        return FileRecord(input=candidate.name, status=Status.skipped, sha256=source_sha256,
                          seconds=_since(started), output=kept)
    if (earlier is not None and earlier.unconvertible and not batch.options.force
            and batch.previous_fingerprint == batch.fingerprint
            and earlier.sha256 == source_sha256):
        return earlier.model_copy(update={"seconds": _since(started), "output": kept})
    return Job(name=candidate.name, source=candidate.source, output_name=candidate.output_name,
               target=candidate.target, format=batch.options.format,
               fingerprint=batch.fingerprint, may_replace=batch.options.force or kept is not None,
               kept=kept, pdf=replace(batch.options.pdf, ocr_workers=1),
               page=candidate.page)


def _page_current(candidate: Candidate, kept: OutputRecord) -> bool:
    """Whether the review page asked for (if any) is on disk as the last run wrote it."""
    if candidate.page is None:
        return True
    return (kept.page is not None and kept.page.path == candidate.page.name
            and file_sha256(candidate.page.target) == kept.page.sha256)


def convert_file(job: Job) -> FileRecord:
    """Read, parse, render and write one input, or a failed record saying why not."""
    return convert_document(job)[0]


def convert_document(job: Job) -> tuple[FileRecord, Optional[PlanDocument]]:
    """``convert_file``'s record, and the document when it was converted and written."""
    made = render_file(job)
    if isinstance(made, FileRecord):
        return made, None
    rendered_output, document = made
    record = write_rendered(job, rendered_output)
    return record, document if record.status is Status.converted else None


@dataclass(frozen=True)
class Rendered:
    """An input's output (and review page), made but not yet written: what a cluster's
    worker hands back to the client that writes it (cluster.py)."""

    source_sha256: str
    data: bytes
    counts: dict[str, int]
    warnings: list[Warning]
    seconds: float
    """Spent reading, parsing and rendering."""
    page: Optional[bytes] = None
    page_record: Optional[PageRecord] = None


def render_file(job: Job) -> tuple[Rendered, PlanDocument] | FileRecord:
    """Read, parse and render one input: all of ``convert_file`` but the writing; and the
    document the output was made of."""
    started = time.perf_counter()
    data = read_source(job, started)
    if isinstance(data, FileRecord):
        return data
    source_sha256 = hashlib.sha256(data).hexdigest()

    def made() -> tuple[Rendered, PlanDocument]:
        if job.page is None:
            document, page = parse_bytes(data, job.name, job.pdf), None
        else:  # the page is drawn from the same reading and document as the output
            document, page = parse_with_page(job.page, data, job.name, job.pdf)
        return rendered(job, document, source_sha256, started, page), document

    return guarded(job, source_sha256, started, made)


def read_source(job: Job, started: float) -> bytes | FileRecord:
    """The input's bytes, or a failed record saying why they cannot be read."""
    try:
        return read_input(job.source, name=job.name)
    except PlanParseError as error:
        return failed(job, started, str(error))


StepT = TypeVar("StepT")


def guarded(job: Job, source_sha256: str, started: float,
            step: Callable[[], StepT]) -> StepT | FileRecord:
    """What ``step`` (parsing the input, rendering its output) gives, or a failed record:
    a PlanParseError is the input's own fault (not text, a damaged PDF), which makes it
    unconvertible, unless another run may read the same bytes (a RetryableError: a
    password, OCR); anything else is planparse's bug, which must not stop thousands of
    other files."""
    try:
        return step()
    except RetryableError as error:
        return failed(job, started, str(error), source_sha256)
    except PlanParseError as error:
        return failed(job, started, str(error), source_sha256, unconvertible=True)
    except Exception as error:
        return failed(job, started, f"{job.name}: planparse failed on this file "
                                    f"({type(error).__name__}: {error}); please report it",
                      source_sha256)


def rendered(job: Job, document: PlanDocument, source_sha256: str, started: float,
             page: Optional[bytes] = None) -> Rendered:
    """``document`` in the job's format (and its review page), with what the record needs."""
    return Rendered(source_sha256=source_sha256, data=render(document, job.format).encode("utf-8"),
                    counts=count_items(document), warnings=document.warnings,
                    seconds=_since(started), page=page,
                    page_record=page_record(job.page, page, document)
                    if job.page is not None and page is not None else None)


def write_rendered(job: Job, made: Rendered) -> FileRecord:
    """Write an output made by ``render_file`` (and its review page) and record it, or a
    failed record saying why it could not be written."""
    started = time.perf_counter() - made.seconds
    sha256 = made.source_sha256
    try:
        _write_output(job, job.target, made.data, f"its output {job.output_name}")
    except PlanParseError as error:
        return failed(job, started, str(error), sha256)
    except OSError as error:
        return failed(job, started, f"{job.name}: its output {job.output_name} cannot be written "
                                    f"({error.strerror or error})", sha256)
    output = OutputRecord(path=job.output_name, sha256=hashlib.sha256(made.data).hexdigest(),
                          source_sha256=sha256, fingerprint=job.fingerprint,
                          counts=made.counts, warnings=made.warnings)
    if job.page is not None and made.page is not None:
        # The output is written: a page that cannot be fails the input with the new output
        # on record, so that the next run may replace it.
        try:
            _write_output(job, job.page.target, made.page, f"its review page {job.page.name}")
        except PlanParseError as error:
            return failed(job, started, str(error), sha256, output=output)
        except OSError as error:
            return failed(job, started, f"{job.name}: its review page {job.page.name} cannot be "
                                        f"written ({error.strerror or error})", sha256, output=output)
        output.page = made.page_record
    return FileRecord(input=job.name, status=Status.converted, sha256=sha256,
                      seconds=_since(started), output=output)


def failed(job: Job, started: float, reason: str, source_sha256: Optional[str] = None,
           unconvertible: bool = False, output: Optional[OutputRecord] = None) -> FileRecord:
    """The record of a job that failed for ``reason``, with ``output`` on record (by
    default its earlier one, which a failure leaves in place)."""
    return FileRecord(input=job.name, status=Status.failed, reason=reason,
                      unconvertible=unconvertible, sha256=source_sha256,
                      seconds=_since(started), output=output or job.kept)


def _write_output(job: Job, target: Path, data: bytes, what: str) -> None:
    """Write ``target`` (``what`` of the job: its output, its page) unless that would replace
    a file this batch did not write with other bytes (checked again at the moment of the
    rename, for a file that appeared meanwhile)."""
    if job.may_replace or (target.exists() and target.read_bytes() == data):
        write_atomically(target, data)
        return
    try:
        write_atomically(target, data, replace=False)
    except FileExistsError:
        raise PlanParseError(f"{job.name}: {what} already exists and was "
                             "not written by this batch (add --force to replace it)") from None


def lost(job: Job) -> FileRecord:
    """The record of a job whose worker process died under it."""
    return FileRecord(input=job.name, status=Status.failed, output=job.kept,
                      reason=f"{job.name}: its worker process stopped (killed, out of memory, "
                             "or unable to start); run the batch again to retry it")


def load_word_lists() -> None:
    """Read the word lists that parsing needs, so that they are not counted in the first
    file's time. A broken installation is not a reason to stop: each file says so."""
    from ..dictionary import words
    from ..metadata import province_names

    try:
        words()
        province_names()
    except PlanParseError:
        pass


def _since(started: float) -> float:
    return round(time.perf_counter() - started, 4)
