"""What ``planparse review`` reads: a plan's document and the text it was read from.

A review page shows a document on its source, so both must come from one reading of the
input: for a text file, the parser's document and the same lines decoded and normalised
as the parser does (``review.read_text_source``); for a PDF, the text PDFium's pages
give (``pdf.pdf_text``), its document with each span's page, and, when asked, an image
of each page beside its lines.

``read_reviewed`` is the one function the review command reads its input through.
Until the parser reads PDFs itself (issue 10, phase 2), it makes a PDF's document here
from ``pdf_text``: the text parsed, the PDF's warnings first, every span given the page
where it starts, and the source filled in; it should then take the parser's instead.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from typing import Any, Iterator, Optional, Sequence

import pypdfium2  # type: ignore[import-untyped]

from .decode import is_pdf
from .errors import PlanParseError
from .flat import flat_items
from .model import PlanDocument, Source, Span
from .normalize import normalize_text
from .parser import parse, parse_bytes
from .pdf import OcrMode, PdfText, pdf_text
from .review import ReviewSource, read_text_source

# Page images are drawn at 1.5 times the PDF's size (108 dpi: a Thai tone mark stays
# sharp beside the text at a third of a wide screen), in grey, as PNG: about 60 kB a
# page of text, against 220 kB in colour (colour tells nothing a reviewer checks).
IMAGE_SCALE = 1.5
# What a PDF's source says its encoding was: its text came through PDFium, not a codec.
PDF_ENCODING = "pdf"


@dataclass(frozen=True)
class Reviewed:
    """A plan ready for its review page: its document and the text it was read from."""

    document: PlanDocument
    source: ReviewSource


def read_reviewed(data: bytes, name: str, pages: Optional[str] = None,
                  password: Optional[str] = None, ocr: OcrMode = OcrMode.AUTO,
                  images: bool = False) -> Reviewed:
    """The document of a text file's or a PDF's bytes (its signature says which) and the
    source its review page shows; ``name`` is recorded in ``source`` and errors.

    ``pages`` ("24-29,31"), ``password``, ``ocr`` and ``images`` (a PNG of each page read)
    are for a PDF; ValueError when a text file is given pages or images. PlanParseError,
    with a one-line reason, when the input cannot be read.
    """
    if is_pdf(data):
        return _read_pdf(data, name, pages, password, ocr, images)
    if pages is not None or images:
        raise ValueError(f"{name}: pages and page images are for PDF input, not a text file")
    return Reviewed(parse_bytes(data, name), read_text_source(data, name))


def _read_pdf(data: bytes, name: str, pages: Optional[str], password: Optional[str],
              ocr: OcrMode, images: bool) -> Reviewed:
    text = pdf_text(data, name, pages, password, ocr)
    lines = normalize_text(text.text)
    # The text of pages with nothing on them is empty: no line, so no page to show.
    line_pages = text.line_pages if lines else ()
    document = _pdf_document(data, name, text, len(lines))
    pictures = page_images(data, password, sorted(set(line_pages))) if images else {}
    return Reviewed(document, ReviewSource(lines=lines, pages=line_pages, images=pictures))


def _pdf_document(data: bytes, name: str, text: PdfText, line_count: int) -> PlanDocument:
    """The document of a PDF's text, as the parser will give it for a PDF: the PDF's own
    warnings (pages scanned, unreadable, or read by OCR) first, each span with the page
    where it starts (CONTRACT.md), and the source."""
    document = parse(text.text)
    document.warnings[:0] = text.warnings
    for span in _spans(document):
        span.page = text.line_pages[span.start_line - 1]
    document.source = Source(path=name, sha256=hashlib.sha256(data).hexdigest(),
                             encoding=PDF_ENCODING, line_count=line_count)
    return document


def _spans(document: PlanDocument) -> Iterator[Span]:
    for item in flat_items(document):
        yield item.span
    for warning in document.warnings:
        if warning.span is not None:
            yield warning.span


def page_images(data: bytes, password: Optional[str], numbers: Sequence[int]) -> dict[int, bytes]:
    """A grey PNG of each page of ``numbers`` (1-based) of a PDF that ``pdf_text`` has
    read already (so it opens), drawn by PDFium, by page number."""
    document = pypdfium2.PdfDocument(data, password=password)
    try:
        return {number: _png(document, number) for number in numbers}
    except pypdfium2.PdfiumError as error:
        raise PlanParseError(f"a page of the PDF cannot be drawn ({error})") from None
    finally:
        document.close()


def _png(document: Any, number: int) -> bytes:
    page = document[number - 1]
    try:
        image = page.render(scale=IMAGE_SCALE, grayscale=True).to_pil()
    finally:
        page.close()
    encoded = io.BytesIO()
    image.save(encoded, "PNG")
    return encoded.getvalue()
