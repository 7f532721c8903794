"""PDF bytes to the text planparse reads: pages of rebuilt Thai lines, through PDFium.

This is the reading stage for PDF input, the counterpart of ``decode`` for text files.
For each selected page it reads every character's box from PDFium (pypdfium2's raw
API: the page's text in one call, then one call a character: a letter's advance box, a
mark's or a space's ink), the table rules from the page's path objects, and which text a
clip path hides; then ``glyphs.rebuild_lines`` makes the lines. A page that is an image with next to no text
is scanned; a text layer that decodes to replacement characters, private-use glyphs or
non-words is unreadable; either is read by OCR when asked for and installed (``ocr``),
and otherwise reported and left out: nothing is invented from it.

Pages stream: one page of PDFium's is open at a time, so a 1,000-page file costs the
memory of its lines, not of its pages (PDFium keeps the objects it has parsed, which
grow with the file: 24 MB more for 1,026 pages than for 57, benchmarks/pdf_bench.py). ``pdf_text`` joins the lines into the plain text
the text stages read (pages separated by a form feed at the start of a page's first
line) with the page of every line.

Every failure is a ``PlanParseError`` with a one-line reason: a wrong or missing
password, a damaged or truncated file, no pages, pages outside the document.
"""

from __future__ import annotations

import ctypes
import os
import re
import struct
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

import pypdfium2
import pypdfium2.raw as pdfium

from . import ocr as ocr_engine
from .decode import is_pdf
from .diagnostics import warning
from .dictionary import unknown_chars
from .errors import PlanParseError, RetryableError
from .glyphs import MARKS, NIKHAHIT, Glyph, Line, Rule, draws_nikhahit, rebuild_lines, symbol_char
from .model import Warning

if TYPE_CHECKING:
    from PIL.Image import Image

# pypdfium2 ships no type information, so mypy takes its names as Any (pyproject.toml):
# annotations below name its classes (``pypdfium2.PdfDocument``) and raw handles
# (``pdfium.FPDF_TEXTPAGE``) for the reader, and what comes out of them is converted to
# Python's own types where it is handed on.
Box = tuple[float, float, float, float]  # left, bottom, right, top, in points

# A file's end marker stands within its last kilobyte (what PDF readers accept).
_END_OF_FILE = b"%%EOF"
_END_WITHIN = 1024


class OcrMode(str, Enum):
    """When pages are read by OCR: ``auto`` the scanned and unreadable ones when OCR is
    installed, ``always`` every page, ``never`` none."""

    AUTO = "auto"
    NEVER = "never"
    ALWAYS = "always"


@dataclass(frozen=True)
class PdfOptions:
    """How a PDF is read (``read_pdf`` says what each means); the defaults read every
    page, with OCR for the scanned and unreadable ones when it is installed."""

    pages: str | None = None  # "24-29,31", or None for every page
    password: str | None = field(default=None, repr=False)  # kept out of messages and logs
    ocr: OcrMode = OcrMode.AUTO
    ocr_workers: int | None = None  # processes for OCR; None: one a CPU


class PageSource(Enum):
    """Where a page's lines came from."""

    TEXT = "text"  # the PDF's text layer
    OCR = "ocr"  # recognised from the page's image
    SCANNED = "scanned"  # an image with no text layer, not read: no lines
    UNREADABLE = "unreadable"  # a text layer that does not decode to text, not read: no lines


@dataclass(frozen=True, slots=True)
class PdfPage:
    """One page as planparse reads it."""

    number: int  # 1-based, as the PDF numbers its pages
    lines: tuple[Line, ...]
    source: PageSource


@dataclass(frozen=True, slots=True)
class PdfText:
    """The plain text of a PDF for the text stages, and where each of its lines is."""

    text: str
    line_pages: tuple[int, ...]  # the page of line 1, line 2, ... of ``text``
    warnings: tuple[Warning, ...]


# ---------------------------------------------------------------- pages wanted

_PAGE_RANGE = re.compile(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?")


def select_pages(selection: str | None, count: int, name: str = "input") -> list[int]:
    """The page numbers ``selection`` names ("24-29,31"), in document order; every page
    for None. Pages outside the document are an error, not skipped."""
    if selection is None:
        return list(range(1, count + 1))
    try:
        ranges = page_ranges(selection)
    except ValueError as error:
        raise PlanParseError(f"{name}: {error}") from None
    wanted: set[int] = set()
    for first, last in ranges:
        if last > count:
            raise PlanParseError(f"{name}: page {last} is outside the document, which has "
                                 f"{count} page{'s' if count != 1 else ''}")
        wanted.update(range(first, last + 1))
    return sorted(wanted)


def page_ranges(selection: str) -> list[tuple[int, int]]:
    """The (first, last) page ranges ``selection`` writes ("24-29,31"), whatever the
    document: ValueError saying why for what is not a list of page numbers and ranges,
    so that a command line can refuse it before reading anything.

    >>> page_ranges("24-29, 31")
    [(24, 29), (31, 31)]
    """
    ranges = []
    for part in selection.split(","):
        match = _PAGE_RANGE.fullmatch(part)
        if match is None:
            raise ValueError(f"pages {selection!r} are not page numbers and ranges such as "
                             f"24-29,31")
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if first < 1 or last < first:
            raise ValueError(f"the page range {part.strip()} is empty or starts before page 1")
        ranges.append((first, last))
    return ranges


def page_list(numbers: Iterable[int]) -> str:
    """Page numbers for a message, runs as ranges: 4, 12, 24-29."""
    parts: list[str] = []
    last = 0  # no page is 0: the first number starts a run
    for number in sorted(numbers):
        if parts and number == last + 1:
            parts[-1] = f"{parts[-1].split('-')[0]}-{number}"
        else:
            parts.append(str(number))
        last = number
    return ", ".join(parts)


# ---------------------------------------------------------------- the document

def read_pdf(data: bytes, name: str = "input", pages: str | None = None,
             password: str | None = None, ocr: OcrMode | str = OcrMode.AUTO,
             ocr_workers: int | None = None) -> Iterator[PdfPage]:
    """The selected pages of a PDF, read one at a time.

    The document is opened and the request checked at once (a bad file, password or page
    range raises PlanParseError here); the pages are read as they are asked for. Pages
    for OCR are read by ``ocr_workers`` processes (the number of CPUs when None), started
    when the first such page is met; a script that may OCR must run under
    ``if __name__ == "__main__":``, as for any multiprocessing code.
    """
    document = _open(data, name, password)
    try:
        numbers = select_pages(pages, len(document), name)
        ocr = OcrMode(ocr)
        if ocr is OcrMode.ALWAYS and not ocr_engine.available():
            raise RetryableError(f"{name}: OCR was asked for but {ocr_engine.missing()}")
    except BaseException:
        document.close()
        raise
    workers = ocr_workers or os.cpu_count() or 1
    return _pages(document, numbers, name, ocr, workers)


def _open(data: bytes, name: str, password: str | None) -> pypdfium2.PdfDocument:
    """The document, or PlanParseError saying why it cannot be read."""
    if not is_pdf(data):
        raise PlanParseError(f"{name}: not a PDF file (it does not start with %PDF-)")
    if _END_OF_FILE not in data[-_END_WITHIN:]:
        # PDFium would rebuild what is left and read it as if it were all.
        raise PlanParseError(f"{name}: the PDF is truncated (it does not end with %%EOF): "
                             f"get the whole file again")
    # PDFium keeps the last error of the process and sets none when a document fails
    # for an empty page tree, so a code left by an earlier file would name the wrong
    # reason. Asking it to load no file first sets FILE, which no load from memory sets:
    # a load that fails with FILE still set failed for want of pages.
    pdfium.FPDF_LoadDocument(b"", None)
    try:
        document = pypdfium2.PdfDocument(data, password=password)
    except pypdfium2.PdfiumError as error:
        raise _load_failure(name, getattr(error, "err_code", None), data, password) from None
    if len(document) == 0:
        document.close()
        raise PlanParseError(f"{name}: {_NO_PAGES}")
    return document


_NO_PAGES = "the PDF has no pages"


def _load_failure(name: str, code: int | None, data: bytes, password: str | None) -> PlanParseError:
    """Why PDFium could not open a file, from its error code (``_open`` set FILE before
    the load); a password that is missing or wrong is a RetryableError (the right one
    opens the same bytes)."""
    if code == pdfium.FPDF_ERR_FILE:
        return PlanParseError(f"{name}: {_NO_PAGES}")
    if code == pdfium.FPDF_ERR_PASSWORD and b"/Encrypt" in data:
        return RetryableError(f"{name}: the password is wrong" if password
                              else f"{name}: is encrypted: give its password with --password")
    if code == pdfium.FPDF_ERR_SECURITY:
        return PlanParseError(f"{name}: is encrypted in a way PDFium cannot read")
    return PlanParseError(f"{name}: not a readable PDF (damaged)")


def _pages(document: pypdfium2.PdfDocument, numbers: list[int], name: str, mode: OcrMode,
           ocr_workers: int) -> Iterator[PdfPage]:
    """Read the pages in order. Pages for OCR are recognised by ``ocr_workers`` processes
    while the following pages are read, and handed on in page order, with at most
    ``ocr_workers`` pages waiting behind one being recognised. Whether OCR is installed
    is asked at the first page that needs it (it starts a program)."""
    pool: ocr_engine.OcrPool | None = None
    installed = True if mode is OcrMode.ALWAYS else None  # ALWAYS checked it; None: not yet asked
    waiting: list[tuple[int, PdfPage | Future[list[Line]]]] = []  # in page order
    try:
        for number in numbers:
            page = _read_page(document, number, name)
            wanted = mode is OcrMode.ALWAYS or (mode is OcrMode.AUTO and page.source in _NEEDS_OCR)
            if wanted and installed is None:
                installed = ocr_engine.available()
            if wanted and installed:
                if pool is None:
                    pool = ocr_engine.OcrPool(ocr_workers)
                waiting.append((number, pool.submit(_render_for_ocr(document, number, name))))
            else:
                waiting.append((number, page))
            while waiting and (not isinstance(waiting[0][1], Future) or waiting[0][1].done()
                               or len(waiting) > ocr_workers):
                yield _finished(*waiting.pop(0), name)
        while waiting:
            yield _finished(*waiting.pop(0), name)
    finally:
        if pool is not None:
            pool.close()
        document.close()


_NEEDS_OCR = (PageSource.SCANNED, PageSource.UNREADABLE)


def _finished(number: int, item: PdfPage | Future[list[Line]], name: str) -> PdfPage:
    if isinstance(item, PdfPage):
        return item
    try:
        lines = item.result()
    except Exception as error:  # tesseract failed, or its worker process died
        raise RetryableError(f"{name}: OCR of page {number} failed "
                             f"({type(error).__name__}: {str(error).strip() or 'no reason given'})") from None
    return PdfPage(number, tuple(lines), PageSource.OCR)


def _render_for_ocr(document: pypdfium2.PdfDocument, number: int, name: str) -> Image:
    """The page as a grey image at OCR's resolution."""
    page = _load(document, number, name)
    try:
        image: Image = page.render(scale=ocr_engine.DPI / 72, grayscale=True).to_pil()
        return image
    finally:
        page.close()


def _load(document: pypdfium2.PdfDocument, number: int, name: str) -> pypdfium2.PdfPage:
    try:
        return document[number - 1]
    except pypdfium2.PdfiumError:
        raise PlanParseError(f"{name}: page {number} cannot be read (the file is damaged or truncated)") from None


# ---------------------------------------------------------------- one page

def _read_page(document: pypdfium2.PdfDocument, number: int, name: str) -> PdfPage:
    """One page's rebuilt lines, or none when it is scanned or its text is unreadable."""
    page = _load(document, number, name)
    try:
        textpage = page.get_textpage()
        try:
            objects = _page_objects(page)
            glyphs = _glyphs(textpage.raw, objects.clipped)
            left, bottom, right, top = page.get_bbox()  # in the characters' coordinates
            if _is_scanned(glyphs, objects.image_area, (right - left) * (top - bottom)):
                return PdfPage(number, (), PageSource.SCANNED)
            lines = rebuild_lines(glyphs, objects.horizontal, objects.vertical,
                                  _Metrics(textpage.raw), top)
        finally:
            textpage.close()
    finally:
        page.close()
    if not readable("\n".join(line.text for line in lines)):
        return PdfPage(number, (), PageSource.UNREADABLE)
    return PdfPage(number, tuple(lines), PageSource.TEXT)


@dataclass(slots=True)
class _Objects:
    """What the page's objects tell beside the characters."""

    horizontal: list[Rule]
    vertical: list[Rule]
    # Text objects that reach out of their clip path: (address, their box, the clip's box).
    clipped: list[tuple[int, Box, Box]]
    image_area: float


# A path this thin (points) is a rule, drawn as a filled rectangle or a stroked line.
_RULE_THICKNESS = 2.0


def _page_objects(page: pypdfium2.PdfPage) -> _Objects:
    """The page's rules, images and clipped-away text, from its top-level objects."""
    objects = _Objects([], [], [], 0.0)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    raw = page.raw
    for position in range(pdfium.FPDFPage_CountObjects(raw)):
        handle = pdfium.FPDFPage_GetObject(raw, position)
        kind = pdfium.FPDFPageObj_GetType(handle)
        if kind not in (pdfium.FPDF_PAGEOBJ_PATH, pdfium.FPDF_PAGEOBJ_IMAGE, pdfium.FPDF_PAGEOBJ_TEXT):
            continue
        clip = _clip_box(handle) if kind == pdfium.FPDF_PAGEOBJ_TEXT else None
        if kind == pdfium.FPDF_PAGEOBJ_TEXT and clip is None:
            continue
        if not pdfium.FPDFPageObj_GetBounds(handle, left, bottom, right, top):
            continue
        box: Box = (left.value, bottom.value, right.value, top.value)
        if kind == pdfium.FPDF_PAGEOBJ_PATH:
            width, height = box[2] - box[0], box[3] - box[1]
            if height <= _RULE_THICKNESS < width:
                objects.horizontal.append(Rule((box[1] + box[3]) / 2, box[0], box[2]))
            elif width <= _RULE_THICKNESS < height:
                objects.vertical.append(Rule((box[0] + box[2]) / 2, box[1], box[3]))
        elif kind == pdfium.FPDF_PAGEOBJ_IMAGE:
            objects.image_area += (box[2] - box[0]) * (box[3] - box[1])
        elif clip is not None:  # a text object with a clip path
            empty = box[2] <= box[0] or box[3] <= box[1]  # no ink: nothing to hide
            if not empty and (box[0] < clip[0] - 1 or box[1] < clip[1] - 1
                              or box[2] > clip[2] + 1 or box[3] > clip[3] + 1):
                objects.clipped.append((_address(handle), box, clip))
    return objects


def _address(handle: pdfium.FPDF_PAGEOBJECT) -> int:
    """Where a page object is: two ctypes pointers to one object are not equal, their
    addresses are."""
    address: int | None = ctypes.cast(handle, ctypes.c_void_p).value
    return address or 0


def _clip_box(handle: pdfium.FPDF_PAGEOBJECT) -> Box | None:
    """The bounding box of a page object's clip path, or None when it has none."""
    clip = pdfium.FPDFPageObj_GetClipPath(handle)
    if not clip or pdfium.FPDFClipPath_CountPaths(clip) < 1:
        return None
    xs: list[float] = []
    ys: list[float] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for position in range(pdfium.FPDFClipPath_CountPathSegments(clip, 0)):
        segment = pdfium.FPDFClipPath_GetPathSegment(clip, 0, position)
        if segment and pdfium.FPDFPathSegment_GetPoint(segment, x, y):
            xs.append(x.value)
            ys.append(y.value)
    if not xs:
        return None
    return (min(xs), min(ys), max(xs), max(ys))


def _glyphs(textpage: pdfium.FPDF_TEXTPAGE, clipped: list[tuple[int, Box, Box]]) -> list[Glyph]:
    """Every character PDFium found, in drawing order, without the spaces and line ends it
    made up itself (they have no box) and without text a clip path hides.

    A letter is asked for its advance box alone, a mark for its ink, a space for its ink
    (Word draws its nikhahit as a space with ink) and then its advance: one call a
    character, two for a space."""
    count = pdfium.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    buffer = (ctypes.c_ushort * (count + 1))()
    pdfium.FPDFText_GetText(textpage, 0, count, buffer)
    text = bytes(buffer)[:2 * count].decode("utf-16-le", errors="replace")
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    advance = pdfium.FS_RECTF()  # four floats: left, top, right, bottom
    ink_box, advance_box = pdfium.FPDFText_GetCharBox, pdfium.FPDFText_GetLooseCharBox
    unpack, glyph_of = _FOUR_FLOATS.unpack_from, Glyph._make  # a tenth of the time of .left ...
    glyphs: list[Glyph] = []
    for index, char in enumerate(text):
        if char in _INKED_OR_SKIPPED:  # one test for the letters, most of the characters
            if char == "\r" or char == "\n":
                continue
            ink_box(textpage, index, left, right, bottom, top)
            if char != " " or draws_nikhahit(char, bottom.value, top.value):
                glyphs.append(Glyph(NIKHAHIT if char == " " else char,
                                    left.value, bottom.value, right.value, top.value, index))
                continue
            if left.value == right.value:
                continue  # a space PDFium inserted where it saw a gap
        advance_box(textpage, index, advance)
        box_left, box_top, box_right, box_bottom = unpack(advance)
        glyphs.append(glyph_of((char, box_left, box_bottom, box_right, box_top, index, False)))
    if clipped:
        glyphs = _hide_clipped(textpage, glyphs, clipped)
    return [_symbol(textpage, glyph) if "\uf020" <= glyph.char <= "\uf0ff" else glyph
            for glyph in glyphs]


_FOUR_FLOATS = struct.Struct("4f")
# Characters asked for their ink (marks, and spaces: Word's nikhahit is a space with
# ink), and the line ends PDFium adds.
_INKED_OR_SKIPPED = MARKS | {" ", "\r", "\n"}


def _hide_clipped(textpage: pdfium.FPDF_TEXTPAGE, glyphs: list[Glyph],
                  clipped: list[tuple[int, Box, Box]]) -> list[Glyph]:
    """The glyphs, those of letters a clip path hides marked ``hidden``: whose middle is
    outside the clip of their text object (Word clips table cells of a fixed height).
    Marks are left to follow their letter. Only a letter in the box of a text object
    that reaches out of its clip is asked which object it is in (a call each)."""
    clips = {handle: clip for handle, _, clip in clipped}
    boxes = [box for _, box, _ in clipped]
    marked = []
    for glyph in glyphs:
        char, left, bottom, right, top, index, _ = glyph
        if char not in MARKS and char != NIKHAHIT:
            for box_left, box_bottom, box_right, box_top in boxes:
                if right >= box_left and left <= box_right and top >= box_bottom and bottom <= box_top:
                    clip = clips.get(_address(pdfium.FPDFText_GetTextObject(textpage, index)))
                    middle_x, middle_y = (left + right) / 2, (bottom + top) / 2
                    if clip is not None and not (clip[0] - 1 <= middle_x <= clip[2] + 1
                                                 and clip[1] - 1 <= middle_y <= clip[3] + 1):
                        glyph = glyph._replace(hidden=True)
                    break
        marked.append(glyph)
    return marked


def _symbol(textpage: pdfium.FPDF_TEXTPAGE, glyph: Glyph) -> Glyph:
    """A symbol font's glyph (Wingdings, Webdings: PDFium maps them to U+F0xx) as the
    Unicode symbol it draws, when ``glyphs.SYMBOLS`` knows it."""
    return glyph._replace(char=symbol_char(_font_name(textpage, glyph.stream_index), glyph.char))


def _font_name(textpage: pdfium.FPDF_TEXTPAGE, index: int) -> str:
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    pdfium.FPDFText_GetFontInfo(textpage, index, buffer, len(buffer), flags)
    return buffer.value.decode("latin-1")


class _Metrics:
    """``glyphs.Metrics`` from PDFium."""

    def __init__(self, textpage: pdfium.FPDF_TEXTPAGE) -> None:
        self.textpage = textpage

    def size(self, index: int) -> float:
        """The size the character is drawn at: the font size, scaled by the text matrix
        (Acrobat Distiller sets a 1-point font and scales it)."""
        size = float(pdfium.FPDFText_GetFontSize(self.textpage, index))
        matrix = pdfium.FS_MATRIX()
        if pdfium.FPDFText_GetMatrix(self.textpage, index, matrix):
            size *= abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
        return size

    def bold(self, index: int) -> bool:
        weight = int(pdfium.FPDFText_GetFontWeight(self.textpage, index))
        if weight > 0:
            return weight >= _BOLD_WEIGHT
        return "bold" in _font_name(self.textpage, index).lower()  # macOS writes no weight

    def baseline(self, index: int) -> float:
        x, y = ctypes.c_double(), ctypes.c_double()
        pdfium.FPDFText_GetCharOrigin(self.textpage, index, x, y)
        return y.value


_BOLD_WEIGHT = 600


# ---------------------------------------------------------------- page checks

# A page is scanned when it has fewer letters than this and images cover this share of it.
_SCANNED_LETTERS = 20
_SCANNED_IMAGE_SHARE = 0.5


def _is_scanned(glyphs: list[Glyph], image_area: float, page_area: float) -> bool:
    if page_area <= 0 or image_area < _SCANNED_IMAGE_SHARE * page_area:
        return False
    return sum(1 for glyph in glyphs if not glyph.char.isspace()) < _SCANNED_LETTERS


# Characters no readable text holds: the replacement character, private use (a font
# with no map to Unicode), control characters.
_UNREADABLE_CHAR = re.compile("[\ufffd\ue000-\uf8ff\x00-\x08\x0b\x0e-\x1f]")
# Latin-1 letters stand for Thai when a Thai font's codes are read as Latin (¡ÒÃ for การ).
_LATIN1_LETTER = re.compile("[\u00c0-\u00ff\u00a1-\u00bf]")
_THAI_RUN = re.compile("[\u0e01-\u0e4e]+")
_WHITE_SPACE = re.compile(r"\s")
# Unreadable: more than this share of its letters are characters no text holds ...
_MAX_BAD_SHARE = 0.2
# ... or more than this share of its Thai is outside dictionary words (judged on this many
# letters of Thai: enough to tell, cheap enough for every page).
_MAX_NON_WORD_SHARE = 0.5
_THAI_SAMPLE = 300


def readable(text: str) -> bool:
    """Whether a page's text layer decodes to text a person could read."""
    letters = len(text) - len(_WHITE_SPACE.findall(text))
    if not letters:
        return True
    bad = len(_UNREADABLE_CHAR.findall(text))
    latin1 = len(_LATIN1_LETTER.findall(text))
    if latin1 > _MAX_BAD_SHARE * letters:
        bad += latin1
    if bad > _MAX_BAD_SHARE * letters:
        return False
    sample, unknown = 0, 0
    for run in _THAI_RUN.findall(text):
        unknown += unknown_chars(run)[0]
        sample += len(run)
        if sample >= _THAI_SAMPLE:
            break
    return sample < _THAI_SAMPLE / 10 or unknown <= _MAX_NON_WORD_SHARE * sample


# ---------------------------------------------------------------- plain text

def pdf_text(data: bytes, name: str = "input", pages: str | None = None,
             password: str | None = None, ocr: OcrMode | str = OcrMode.AUTO,
             ocr_workers: int | None = None) -> PdfText:
    """The plain text of a PDF for the text stages, its lines' pages and its warnings
    (``read_pdf`` says what the arguments mean)."""
    return plain_text(read_pdf(data, name, pages, password, ocr, ocr_workers))


def plain_text(pages: Iterable[PdfPage]) -> PdfText:
    """Lines joined by newlines, each page after the first starting with a form feed (a
    page with no lines is a form feed alone), a blank line after a line that ends a
    paragraph the text would not show, with the page of every line."""
    lines: list[str] = []
    line_pages: list[int] = []
    sources: dict[PageSource, list[int]] = {}
    for page in pages:
        sources.setdefault(page.source, []).append(page.number)
        texts = [text for line in page.lines
                 for text in ((line.text, "") if line.ends_paragraph else (line.text,))] or [""]
        if line_pages:
            texts[0] = "\f" + texts[0]
        lines += texts
        line_pages += [page.number] * len(texts)
    return PdfText("\n".join(lines), tuple(line_pages), tuple(page_warnings(sources)))


def page_warnings(sources: dict[PageSource, list[int]]) -> list[Warning]:
    """The warnings for the pages that were scanned, unreadable or read by OCR."""
    return [warning(code, message.format(pages=page_list(sources[source]),
                                         remedy=_ocr_remedy() if "{remedy}" in message else ""))
            for source, code, message in _PAGE_WARNINGS if source in sources]


# (pages from, code, message): {pages} is the list of pages, {remedy} how to read them.
_PAGE_WARNINGS = (
    (PageSource.SCANNED, "SCANNED_PAGES",
     "page(s) {pages} are images with no text layer and were left out; {remedy}"),
    (PageSource.UNREADABLE, "UNREADABLE_TEXT",
     "the text layer of page(s) {pages} does not decode to readable text (fonts with no map "
     "to Unicode) and was left out; {remedy}"),
    (PageSource.OCR, "OCR_TEXT",
     "the text of page(s) {pages} was recognised by OCR from the page image; check it "
     "against the page, numbers above all"),
)


def _ocr_remedy() -> str:
    missing = ocr_engine.missing()
    return f"they can be read by OCR: {missing}" if missing else "read them with OCR (--ocr auto)"


# ---------------------------------------------------------------- pages apart

# ``pdf_text`` reads a file and recognises the pages that need OCR in one go, on this
# machine. A batch on a cluster spreads a scan's pages over many machines instead: the
# text layer is read once (``text_layer``), each page that needs OCR is recognised by
# whichever worker is free (``ocr_page``), and the pages are put back together in page
# order (``join_pages``), giving the text ``pdf_text`` gives. PDFium is not thread-safe
# and a cluster's worker may run tasks in threads, so these read and render under one
# lock a process; tesseract, a program of its own, runs outside it.
_PDFIUM = threading.Lock()


def text_layer(data: bytes, name: str = "input", pages: str | None = None,
               password: str | None = None,
               ocr: OcrMode | str = OcrMode.AUTO) -> tuple[list[PdfPage], list[int]]:
    """The selected pages as their text layer reads them, and the numbers of those that
    ``pdf_text`` would read by OCR instead: every page for ``always``; for ``auto`` the
    scanned and unreadable ones, when OCR is installed here. Errors as ``read_pdf``."""
    mode = OcrMode(ocr)
    with _PDFIUM:
        read = list(read_pdf(data, name, pages, password, OcrMode.NEVER))
    if mode is OcrMode.ALWAYS:
        if not ocr_engine.available():
            raise RetryableError(f"{name}: OCR was asked for but {ocr_engine.missing()}")
        return read, [page.number for page in read]
    wanted = [page.number for page in read if page.source in _NEEDS_OCR] if mode is OcrMode.AUTO else []
    return read, wanted if wanted and ocr_engine.available() else []


def ocr_page(path: os.PathLike[str] | str, number: int, name: str = "input",
             password: str | None = None) -> PdfPage:
    """Page ``number`` of the PDF at ``path`` read by OCR, here, as ``pdf_text`` reads a
    page it recognises. PDFium reads only what the page needs from the file, not all of
    it (a 300-page scan is some hundreds of megabytes). RetryableError when the file
    cannot be opened again or OCR fails."""
    with _PDFIUM:
        try:
            document = pypdfium2.PdfDocument(os.fspath(path), password=password)
        except pypdfium2.PdfiumError:
            raise RetryableError(f"{name}: cannot be opened again to read page {number} "
                                 f"(it changed, or is damaged)") from None
        try:
            image = _render_for_ocr(document, number, name)
        finally:
            document.close()
    try:
        lines = ocr_engine.recognise(image)
    except Exception as error:  # tesseract failed, or is missing on this machine
        raise RetryableError(f"{name}: OCR of page {number} failed "
                             f"({type(error).__name__}: {str(error).strip() or 'no reason given'})") from None
    return PdfPage(number, tuple(lines), PageSource.OCR)


def join_pages(read: Iterable[PdfPage], recognised: Iterable[PdfPage]) -> PdfText:
    """The text of the pages of ``text_layer`` with those OCR read in their place, in
    page order: what ``pdf_text`` gives for the same file."""
    pages = {page.number: page for page in read}
    pages.update((page.number, page) for page in recognised)
    return plain_text(pages[number] for number in sorted(pages))
