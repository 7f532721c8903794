"""One input of a batch: skip it, fail it again, or convert it; this runs in a worker.

Every failure becomes a failed record naming the input relative to the input folder, so
that one bad file never stops the batch and every line of a run reads alike.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Optional

from ..errors import PlanParseError, RetryableError
from ..flat import count_items
from ..inputs import read_input
from ..model import PlanDocument
from ..outputs import file_sha256, write_atomically
from ..parser import parse_bytes
from ..pdf import PdfOptions
from ..writers import render
from .pages import PageJob, page_record, parse_with_page
from .planning import Batch, Candidate
from .report import FileRecord, OutputRecord, Status


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
    started = time.perf_counter()

    def failed(reason: str, source_sha256: Optional[str] = None, unconvertible: bool = False,
               output: Optional[OutputRecord] = job.kept) -> FileRecord:
        return FileRecord(input=job.name, status=Status.failed, reason=reason,
                          unconvertible=unconvertible, sha256=source_sha256,
                          seconds=_since(started), output=output)

    try:
        data = read_input(job.source, name=job.name)
    except PlanParseError as error:
        return failed(str(error)), None
    source_sha256 = hashlib.sha256(data).hexdigest()
    try:
        if job.page is None:
            document, page = parse_bytes(data, job.name, job.pdf), None
        else:  # the page is drawn from the same reading and document as the output
            document, page = parse_with_page(job.page, data, job.name, job.pdf)
        rendered = render(document, job.format).encode("utf-8")
    except RetryableError as error:  # a password, OCR: another run may read the same bytes
        return failed(str(error), source_sha256), None
    except PlanParseError as error:
        return failed(str(error), source_sha256, unconvertible=True), None
    except Exception as error:  # a parser bug on one file must not stop thousands of others
        return failed(f"{job.name}: planparse failed on this file ({type(error).__name__}: "
                      f"{error}); please report it", source_sha256), None
    try:
        _write_output(job, job.target, rendered, f"its output {job.output_name}")
    except PlanParseError as error:
        return failed(str(error), source_sha256), None
    except OSError as error:
        return failed(f"{job.name}: its output {job.output_name} cannot be written "
                      f"({error.strerror or error})", source_sha256), None
    output = OutputRecord(path=job.output_name, sha256=hashlib.sha256(rendered).hexdigest(),
                          source_sha256=source_sha256, fingerprint=job.fingerprint,
                          counts=count_items(document), warnings=document.warnings)
    if job.page is not None and page is not None:
        # The output is written: a page that cannot be fails the input with the new output
        # on record, so that the next run may replace it.
        try:
            _write_output(job, job.page.target, page, f"its review page {job.page.name}")
        except PlanParseError as error:
            return failed(str(error), source_sha256, output=output), None
        except OSError as error:
            return failed(f"{job.name}: its review page {job.page.name} cannot be written "
                          f"({error.strerror or error})", source_sha256, output=output), None
        output.page = page_record(job.page, page, document)
    return FileRecord(input=job.name, status=Status.converted, sha256=source_sha256,
                      seconds=_since(started), output=output), document


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
