"""The run report, ``OUT_DIR/planparse-report.json``: what happened to every input.

It is also the memory of incremental runs: the next run into the same folder reads it
back to skip what has not changed and to know which outputs it may replace.
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ValidationError

from ..errors import PlanParseError
from ..model import Warning
from ..outputs import write_atomically

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


class PageRecord(BaseModel):
    """The review page (--review) written for an input, and the row of the index it makes."""

    path: str
    """Relative to the output folder."""
    sha256: str
    """Of the page as written."""
    organization: Optional[str] = None
    """The document's organisation, for the index."""
    period: Optional[str] = None
    """The document's years ("2561-2565"), for the index."""


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
    """Of the format and planparse code that made it (see ``planning.fingerprint``)."""
    counts: dict[str, int]
    """Items of each kind in the document (see flat.KINDS)."""
    warnings: list[Warning]
    """The document's warnings."""
    page: Optional[PageRecord] = None
    """Its review page, when a run with --review wrote one."""


class FileRecord(BaseModel):
    """What happened to one input in a run."""

    input: str
    """Relative to the input folder, with forward slashes."""
    status: Status
    reason: Optional[str] = None
    """One line naming the file (relative to the input folder) and why it failed; null
    unless it failed or was not reached."""
    unconvertible: bool = False
    """It failed because of its bytes (not text, not a known encoding): a re-run with the
    same planparse fails it again without reading it through, until the bytes change."""
    sha256: Optional[str] = None
    """Of the input bytes as read in this run; null when they could not be read."""
    seconds: float = 0.0
    """Time spent on this input."""
    output: Optional[OutputRecord] = None

    @property
    def done(self) -> bool:
        """Converted now or before: its output is on disk and current."""
        return self.status in (Status.converted, Status.skipped)


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
    """A file this batch wrote from all the outputs (the --table CSV, the JSONL of every
    document), so a re-run may replace it."""

    path: str
    sha256: str


class DatabaseRecord(BaseModel):
    """What a batch with --database did to the plans database (see storing.py)."""

    path: str
    added: int
    """Documents of inputs it did not hold before."""
    replaced: int
    """Documents that took the place of another one under the same input."""
    unchanged: int
    """Documents it held already, the same."""
    seconds: float
    """Time spent storing them, words cut and rows written, in all the batch's processes."""


class RunReport(BaseModel):
    """OUT_DIR/planparse-report.json: the options of a run and what happened to each input.

    The next run into the same folder reads it back to skip what has not changed.
    """

    report_version: int = REPORT_VERSION
    planparse_version: str
    input_dir: str
    input_folder: Optional[str] = None
    """The input folder as an absolute path: outputs of a batch from another folder are
    not this batch's to replace (null in reports of planparse before it was recorded)."""
    output_dir: str
    format: str
    pattern: str
    """The --pattern globs, separated by spaces."""
    recursive: bool
    workers: int
    fingerprint: str
    interrupted: bool
    seconds: float
    summary: Summary
    table: Optional[TableRecord] = None
    index: Optional[TableRecord] = None
    """The review pages' index.html, when a run with --review wrote it."""
    database: Optional[DatabaseRecord] = None
    files: list[FileRecord]


def summarize(files: list[FileRecord]) -> Summary:
    done = [record.output for record in files if record.done and record.output is not None]
    by_status = {status: sum(1 for record in files if record.status is status) for status in Status}
    return Summary(
        files=len(files),
        converted=by_status[Status.converted],
        skipped=by_status[Status.skipped],
        with_warnings=sum(1 for output in done if output.warnings),
        failed=by_status[Status.failed],
        interrupted=by_status[Status.interrupted],
        strategies=sum(output.counts.get("strategy", 0) for output in done),
    )


def read_report(path: Path, force: bool) -> Optional[RunReport]:
    """The report of the last run into this folder, if there is one we can trust; a file
    there that is not one is not overwritten without ``force``."""
    if not path.exists():
        return None
    try:
        report: Optional[RunReport] = RunReport.model_validate_json(path.read_bytes())
    except (OSError, ValidationError):
        report = None
    if report is None or report.report_version != REPORT_VERSION:
        if force:
            return None
        raise PlanParseError(f"{path}: exists and is not a planparse run report, and the run "
                             "would overwrite it (add --force, or choose another output folder)")
    return report


def write_report(path: Path, report: RunReport) -> None:
    text = json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as error:
        raise PlanParseError(f"{path}: the run report cannot be written "
                             f"({error.strerror or error})") from None
