"""The reading stage: an input's bytes to the text planparse reads, text file or PDF.

The signature decides, not the name: a PDF (``decode.is_pdf``) is read by ``pdf`` into
its rebuilt lines, pages separated by form feeds, with the page of every line; anything
else is decoded as text by ``decode``. Either way the text stages that follow see one
string, and a span's lines are lines of it (CONTRACT.md: lines end at ``\\n``, ``\\r\\n``
or ``\\r``; a form feed does not end one). Once the document is built, a PDF's spans
are put on their pages (``place_on_pages``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Sequence

from pydantic import BaseModel

from .decode import decode, is_pdf
from .errors import PlanParseError
from .model import PlanDocument, Span, Warning
from .pdf import PdfOptions, pdf_text

# What ``Source.encoding`` says of a PDF: its text came out of its pages, not a codec.
PDF_ENCODING = "pdf"


@dataclass(frozen=True)
class ReadText:
    """The text of an input, as the text stages read it."""

    text: str
    encoding: str  # the text's encoding, or PDF_ENCODING
    line_pages: tuple[int, ...] | None  # a PDF's page of line 1, 2, ...; None for text
    warnings: tuple[Warning, ...]  # a PDF's pages left out or read by OCR


def read_text(data: bytes, name: str, pdf: PdfOptions | None = None) -> ReadText:
    """The text of ``data``, read as a PDF (as ``pdf`` says) when it is one, else decoded;
    PlanParseError naming ``name`` when it cannot be read. A page selection is refused
    for a text file rather than ignored."""
    pdf = pdf or PdfOptions()
    if is_pdf(data):
        read = pdf_text(data, name, pdf.pages, pdf.password, pdf.ocr, pdf.ocr_workers)
        return ReadText(read.text, PDF_ENCODING, read.line_pages, read.warnings)
    if pdf.pages is not None:
        raise PlanParseError(f"{name}: is not a PDF, so it has no pages to select "
                             f"(--pages {pdf.pages} is for PDF input)")
    decoded = decode(data, name)
    return ReadText(decoded.text, decoded.encoding, None, ())


def text_lines(text: str) -> list[str]:
    """The lines of ``text`` as a span counts them: ``\\n``, ``\\r\\n`` and ``\\r`` end a line,
    a form feed does not, and a last line end starts no empty line.

    >>> text_lines("one\\r\\ntwo\\f\\rthree\\n")
    ['one', 'two\\x0c', 'three']
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def form_feed_pages(lines: Sequence[str]) -> list[int]:
    """The page of each line of a text whose pages a form feed separates (text pulled out
    of a PDF): a line that starts with a form feed is on the new page, one that holds a
    form feed later goes on to the next page below it.

    >>> form_feed_pages(["one", "\\ftwo", "three\\ffour", "five"])
    [1, 2, 2, 3]
    """
    pages, page = [], 1
    for line in lines:
        leading = len(line) - len(line.lstrip("\f"))
        page += leading
        pages.append(page)
        page += line.count("\f") - leading
    return pages


def place_on_pages(document: PlanDocument, line_pages: Sequence[int]) -> None:
    """Give every span of ``document`` (items, titles, warnings) the page of its first
    line: ``line_pages[n - 1]`` is the page of line n."""
    for span in _spans(document):
        span.page = line_pages[span.start_line - 1]


def _spans(node: object) -> Iterator[Span]:
    """Every span in a document, found through the model's fields, so that a field added
    to the model is not missed."""
    if isinstance(node, Span):
        yield node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _spans(getattr(node, name))
    elif isinstance(node, list):
        for item in node:
            yield from _spans(item)
