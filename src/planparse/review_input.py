"""What a review page is made from: a plan's document and the text it was read from.

A review page shows a document on its source, so both come from one reading of the
input (``reading.read_text``: a text file decoded, or a PDF's pages): the document is
parsed from that text (``parser.parse_read``, as ``parse_bytes`` would), and the page
shows its lines normalised as the parser normalises them, so that line N is the line
spans call N, with each line's page (a PDF's, or the form feeds of a text pulled out of
one) and, when asked, an image of each page of a PDF beside its lines.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Optional, Sequence

import pypdfium2

from .errors import PlanParseError
from .model import PlanDocument
from .normalize import normalize_text
from .parser import parse_read
from .pdf import PdfOptions
from .reading import ReadText, form_feed_pages, read_text
from .review import ReviewSource

# Page images are drawn at 1.5 times the PDF's size (108 dpi: a Thai tone mark stays
# sharp beside the text at a third of a wide screen), in grey, as PNG: about 60 kB a
# page of text, against 220 kB in colour (colour tells nothing a reviewer checks).
IMAGE_SCALE = 1.5


@dataclass(frozen=True)
class Reviewed:
    """A plan ready for its review page: its document and the text it was read from."""

    document: PlanDocument
    source: ReviewSource


def read_reviewed(data: bytes, name: str, pdf: Optional[PdfOptions] = None,
                  images: bool = False) -> Reviewed:
    """The document of a text file's or a PDF's bytes and the source its review page
    shows; ``name`` is recorded in ``source`` and errors, ``pdf`` says how a PDF is read,
    and ``images`` asks for a PNG of each page read. PlanParseError, with a one-line
    reason, when the input cannot be read, or pages or images are asked of a text file.
    """
    read = read_text(data, name, pdf)
    if images and read.line_pages is None:
        raise PlanParseError(f"{name}: is not a PDF, so it has no pages to show "
                             "(--images is for PDF input)")
    source = review_source(read)
    if images and source.pages is not None:
        password = pdf.password if pdf is not None else None
        source = ReviewSource(source.lines, source.pages,
                              page_images(data, password, sorted(set(source.pages))))
    return Reviewed(parse_read(read, data, name), source)


def review_source(read: ReadText) -> ReviewSource:
    """The lines of ``read`` as the parser reads them (normalised, split at ``\\n``,
    ``\\r\\n`` and ``\\r`` only), each with its page: a PDF's, or for a text file the page
    its form feeds put it on (none when it has no form feed).

    >>> review_source(ReadText("๑. ก\\f\\nข", "utf-8", None, ())).pages
    [1, 2]
    """
    lines = normalize_text(read.text)
    pages: Optional[Sequence[int]]
    if read.line_pages is not None:
        pages = read.line_pages if lines else ()  # a PDF of empty pages has no line
    else:
        pages = form_feed_pages(lines) if any("\f" in line for line in lines) else None
    return ReviewSource(lines=lines, pages=pages)


def page_images(data: bytes, password: Optional[str], numbers: Sequence[int]) -> dict[int, bytes]:
    """A grey PNG of each page of ``numbers`` (1-based) of a PDF that has been read
    already (so it opens), drawn by PDFium, by page number."""
    document = pypdfium2.PdfDocument(data, password=password)
    try:
        return {number: _png(document, number) for number in numbers}
    except pypdfium2.PdfiumError as error:
        raise PlanParseError(f"a page of the PDF cannot be drawn ({error})") from None
    finally:
        document.close()


def _png(document: pypdfium2.PdfDocument, number: int) -> bytes:
    page = document[number - 1]
    try:
        image = page.render(scale=IMAGE_SCALE, grayscale=True).to_pil()
    finally:
        page.close()
    encoded = io.BytesIO()
    image.save(encoded, "PNG")
    return encoded.getvalue()
