"""Every warning code planparse emits, what it means and what to do about it.

The README's table of warning codes is checked against this registry by a test, so a
new code cannot ship undocumented.
"""

from __future__ import annotations

from typing import Optional

from .model import Span, Warning

# code: (what it means, what to do)
WARNING_CODES: dict[str, tuple[str, str]] = {
    "COUNT_MISMATCH": (
        "a lead-in declared a number of items (ประกอบด้วย ๖ แนวทางการพัฒนา) that differs "
        "from the number found",
        "check the list at the span for a missed or merged item",
    ),
    "DUPLICATE_LIST": (
        "the same list was stated twice (a summary, then the detail); the fuller one is kept",
        "nothing, unless the two statements really are different lists",
    ),
    "NO_PLAN_FOUND": (
        "no vision, mission, goal or strategy was found",
        "check that the text states a plan and does not only mention one",
    ),
    "CONTROL_CHARACTERS": (
        "the text held control characters (not a bullet at the start of a line), which were "
        "removed",
        "check the lines at the span against the original document; convert it to text again "
        "if more is damaged",
    ),
    "CID_GLYPHS": (
        "the text holds (cid:NNN) escapes: glyphs the PDF extractor could not map to letters",
        "extract the PDF again with another tool or font mapping; the escapes are kept as written",
    ),
    "SCANNED_PAGES": (
        "pages of the PDF are images with no text layer (scanned); their text was left out",
        "read them with OCR (--ocr auto, after installing planparse[ocr] and tesseract's Thai data)",
    ),
    "UNREADABLE_TEXT": (
        "pages of the PDF have a text layer that does not decode to text (fonts with no map to "
        "Unicode: replacement or private-use characters, non-words); their text was left out",
        "read them with OCR (--ocr auto), or get a PDF made with embedded Unicode fonts",
    ),
    "OCR_TEXT": (
        "the text of these pages was recognised by OCR from the page image",
        "check it against the pages, numbers above all (Thai digits are OCR's weak point)",
    ),
}


def warning(code: str, message: str, span: Optional[Span] = None) -> Warning:
    """A warning with a registered code (an unregistered one is a programming error)."""
    if code not in WARNING_CODES:
        raise KeyError(f"unregistered warning code {code}: add it to WARNING_CODES")
    return Warning(code=code, message=message, span=span)
