"""The review pages of a batch (``--review``): a page beside each output, and an index.

Each input's page is made by the worker that converts it, from the document its output
is written from (no second parse), so pages cost a share of each file's time and scale
with the pool. It is named after the input with ``.review.html`` (``แผน 1.txt`` gives
``แผน 1.review.html``), which no output, report or index name can take, and links back to
``OUTPUT/index.html``. The index is written at the end of the run from the run's records,
so an input skipped as unchanged keeps its row without being read again; a failed input
has its row, with the reason. Nothing here writes a page; converting.py and the run do.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Optional

from ..model import PlanDocument
from ..parser import parse_read
from ..pdf import PdfOptions
from ..reading import ReadText, read_text
from ..review import INDEX_NAME, IndexEntry, index_page, review_page
from ..review_input import review_source
from .report import FileRecord, PageRecord

PAGE_SUFFIX = ".review.html"


@dataclass(frozen=True)
class PageJob:
    """Where an input's review page goes."""

    name: str
    """Relative to the output folder, with forward slashes."""
    target: Path


def page_job(input_name: PurePosixPath, output_dir: Path) -> PageJob:
    """The review page of the input ``input_name`` (relative to the input folder)."""
    name = input_name.with_suffix(PAGE_SUFFIX)
    return PageJob(name=name.as_posix(), target=output_dir.joinpath(*name.parts))


def parse_with_page(page: PageJob, data: bytes, name: str,
                    pdf: PdfOptions) -> tuple[PlanDocument, bytes]:
    """The document of an input's bytes, as ``parse_bytes`` gives it, and its review page,
    from one reading of them (a PDF is read once)."""
    read = read_text(data, name, pdf)
    document = parse_read(read, data, name)
    return document, page_of(page, document, read)


def page_of(page: PageJob, document: PlanDocument, read: ReadText) -> bytes:
    """The review page of ``document``, made from the text it was parsed from, linking
    back to the batch's index."""
    to_index = "../" * (len(PurePosixPath(page.name).parts) - 1) + INDEX_NAME
    return review_page(document, review_source(read), index=to_index).encode("utf-8")


def page_record(page: PageJob, written: bytes, document: PlanDocument) -> PageRecord:
    """What the report keeps of a page written: enough to trust it on a re-run and to
    give its input a row of the index without reading it again."""
    period = document.period
    return PageRecord(
        path=page.name,
        sha256=hashlib.sha256(written).hexdigest(),
        organization=document.organization.name if document.organization else None,
        period=f"{period.start_year}-{period.end_year}" if period else None,
    )


def index_entries(files: list[FileRecord]) -> list[IndexEntry]:
    """A row of the index for every input, in input order: converted and skipped inputs
    from their page's record, the others with the reason they have no page."""
    entries = []
    for record in files:
        output = record.output
        page: Optional[PageRecord] = output.page if output is not None else None
        if record.done and output is not None and page is not None:
            entries.append(IndexEntry(file=record.input, page=page.path,
                                      organization=page.organization, period=page.period,
                                      counts=output.counts, warnings=len(output.warnings)))
        else:
            entries.append(IndexEntry.failed(record.input, record.reason or
                                             f"{record.input}: has no review page"))
    return entries


def render_index(files: list[FileRecord], input_dir: Path) -> bytes:
    """OUTPUT/index.html of a run over ``input_dir`` whose records are ``files``."""
    return index_page(index_entries(files), title=f"planparse batch: {input_dir}").encode("utf-8")
