"""OCR for pages with no usable text layer: tesseract, through pytesseract, optional.

Install with ``pip install 'planparse[ocr]'`` and the system packages ``tesseract-ocr``
and ``tesseract-ocr-tha``. Nothing imports pytesseract until a page needs it, so
planparse works without it; ``missing`` says what is not installed.

Pages are read the way issue 10 measured best on the Hangdong plan's pages: rendered
by PDFium at 300 dpi in grey, tesseract's default page segmentation (mode 3, automatic,
no orientation detection), Thai with English, one tesseract thread a process
(``OMP_THREAD_LIMIT=1``: about 4 s a page, against 16-18 s with its own threads) and
pages in parallel worker processes (benchmarks/pdf_bench.py measures it again). Lines
much less high than the page's text are specks, or marks, read as letters; they are
dropped. Thai digits are OCR's weak point: ``pdf`` marks what came from here
(``OCR_TEXT``).
"""

from __future__ import annotations

import csv
import io
import os
import statistics
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache
from multiprocessing import get_context
from typing import TYPE_CHECKING

from .glyphs import Line
from .normalize import reorder_marks

if TYPE_CHECKING:
    from PIL.Image import Image

DPI = 300
LANGUAGES = "tha+eng"
INSTALL = ("install it: pip install 'planparse[ocr]', and tesseract with its Thai data "
           "(Debian: apt-get install tesseract-ocr tesseract-ocr-tha)")
# A line less high than this share of the page's usual line is specks, or the marks of
# the line below, read as letters (tesseract gives them a confidence of 60 to 95).
_MIN_HEIGHT_SHARE = 0.6


@lru_cache(maxsize=1)
def missing() -> str | None:
    """Why OCR cannot run here (one clause, with how to install it), or None when it can."""
    try:
        import pytesseract
    except ImportError:
        return f"OCR is not installed: {INSTALL}"
    try:
        languages = pytesseract.get_languages()
    except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError, OSError):
        return f"the tesseract program is not installed: {INSTALL}"
    absent = [language for language in LANGUAGES.split("+") if language not in languages]
    if absent:
        return f"tesseract has no data for {', '.join(absent)}: {INSTALL}"
    return None


def available() -> bool:
    return missing() is None


class OcrPool:
    """Worker processes that each read one page at a time with one tesseract thread."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1
        self.executor = ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"),
                                            initializer=_one_thread)

    def submit(self, image: Image) -> Future[list[Line]]:
        """The lines of a page image (a PIL image), as a future."""
        return self.executor.submit(recognise, image)

    def close(self) -> None:
        self.executor.shutdown(cancel_futures=True)


def _one_thread() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"


def recognise(image: Image) -> list[Line]:
    """The lines tesseract reads on a page image, positions in points from its top left."""
    import pytesseract

    text, table = pytesseract.run_and_get_multiple_output(image, ["txt", "tsv"], lang=LANGUAGES)
    return lines_of(text, table)


def lines_of(text: str, table: str) -> list[Line]:
    """Lines from tesseract's text (its words spaced as read) and its table (where each
    line is, how sure it was), which list the same lines in the same order."""
    texts = [line for line in text.split("\n") if line.strip()]
    boxes: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for row in csv.DictReader(io.StringIO(table), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row["level"] == "5" and row["text"].strip():
            boxes.setdefault((row["block_num"], row["par_num"], row["line_num"]), []).append(row)
    if not texts:  # a blank page: nothing to measure the lines against
        return []
    if len(boxes) != len(texts):  # cannot pair them: keep the text, in reading order
        return [Line(reorder_marks(line.strip()), 0.0, 0.0, 0.0, False) for line in texts]
    measured = []
    for line, words in zip(texts, boxes.values()):
        top = min(int(word["top"]) for word in words)
        bottom = max(int(word["top"]) + int(word["height"]) for word in words)
        measured.append((line, min(int(word["left"]) for word in words), top, bottom))
    usual = statistics.median(bottom - top for _, _, top, bottom in measured)
    points = 72 / DPI
    return [Line(reorder_marks(line.strip()), left * points, bottom * points, (bottom - top) * points, False)
            for line, left, top, bottom in measured if bottom - top >= _MIN_HEIGHT_SHARE * usual]
