"""Physical lines to logical lines: the page, not the words.

PDF text arrives as pages (form feeds), with running headers, footers and page-number
runs, sometimes two columns interleaved line by line, and with vowels and tone marks
stranded on lines of their own. This stage, in order:

1. splits pages at form feeds;
2. drops page furniture (page numbers, "Page 188 - ...", a title repeated at the edge
   of every page);
3. reads a two-column page column by column (left, then right), finding the gutter as a
   run of blanks at a stable display position across many lines;
4. numbers, measures and collapses each line, noting whether it ran to the right margin
   (then its text goes on below);
5. joins a line that starts with a vowel or tone mark to the line above.

Every logical line keeps the input lines it came from, so a column read out of order
still points at the lines where it runs.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable, Iterator

from .normalize import collapse_spaces
from .spanned import SpannedText
from .vocabulary import LIST_HEADING_PATTERN, PAGE_WORD_STARTS, PAGE_WORDS

# A line that starts with a vowel or tone mark lost its consonant to the line above
# (PDF extraction puts "ี้" of "ดังนี้" on a line of its own).
_STARTS_WITH_MARK = re.compile("^[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
# Characters that take no width on the page: Thai upper and lower vowels and marks.
_ZERO_WIDTH = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"

# Page furniture, by shape. Each pattern is matched against a whole stripped line.
_FURNITURE = re.compile(
    "|".join((
        rf"(?i:{PAGE_WORDS})\s*\d{{1,4}}\b.{{0,40}}",  # Page 188 - kpi20109, P. 188, หน้า 3
        r"[-–(]?\s*\d{1,4}\s*[-–)]?",  # a page number alone: 12, - 12 -, (12)
        r"[\d\s\-–/]*\d[\d\s\-–/]*",  # a run of page numbers: 183 184 185 ...
    ))
)
# What every ``_FURNITURE`` shape starts with, after white space.
_MAY_BE_FURNITURE = re.compile(rf"\s*(?:[{PAGE_WORD_STARTS}\-–(/]|\d)")
# Two copies of a footer, one under each column.
_WIDE_GAP = re.compile(r"\s{10,}")
# A running header or footer repeated on this many pages is furniture.
_REPEATS_ON_PAGES = 3
# The first and last non-blank rows of a page are its edges.
_EDGE_ROWS = 1
# A numbered line is content even when it repeats at the edge of every page; so is the
# header of a table that starts again on every page ("กลยุทธ์/แนวทางการพัฒนา").
_NUMBERED = re.compile(r"\s*(?:\(?\d{1,3}[.)]|[-•])\s*\S")
_MAX_FURNITURE_WIDTH = 90

# Two columns: the gap between them is at least this many spaces on most lines ...
_GUTTER_MIN_SPACES = 3
# ... on at least this many lines, and this share of the page's long lines ...
_MIN_GUTTER_ROWS = 4
_MIN_GUTTER_SHARE = 0.3
# ... and the right column starts within this many display columns of the median.
_GUTTER_TOLERANCE = 16
# A paragraph in a column starts with a line indented this much more than the column.
_PARAGRAPH_INDENT = 3

# Lines whose text reaches this share of the page's usual width ran to the margin; a
# line this many times as wide as the usual one is a paragraph written on one line (a
# table's cell as a PDF reader joins it), which no margin broke.
_WRAPPED_SHARE = 0.75
_OVERFULL_SHARE = 1.5
_MIN_LINES_FOR_WIDTH = 10
# Lines narrower than this are a list or headings, not a page of wrapped text.
_MIN_WRAP_WIDTH = 40
# Pages whose usual line is longer than this hold paragraphs, not wrapped lines.
_MAX_WRAP_WIDTH = 200


@dataclass(frozen=True, slots=True)
class LogicalLine:
    """One line of text as the author meant it, with the input lines it came from."""

    text: SpannedText
    indent: int
    wrapped: bool = False  # ran to the right margin: its sentence goes on below
    page_start: bool = False  # the first line of a page after the first

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass(frozen=True, slots=True)
class _Row:
    """A physical line (or one column of it) on a page: its number and raw text."""

    number: int
    raw: str
    offset: int = 0  # display column where ``raw`` starts on the page
    page_start: bool = False


def display_width(text: str) -> int:
    """Columns the text takes on the page: Thai upper and lower marks take none."""
    return len(_ZERO_WIDTH_CHARACTER.sub("", text))


def display_widths(texts: list[str]) -> list[int]:
    """``display_width`` of each text (none holds a newline), a thousand at a time:
    one regular expression over joined texts costs a tenth of measuring each."""
    widths: list[int] = []
    for start in range(0, len(texts), _WIDTHS_AT_A_TIME):
        chunk = "\n".join(texts[start:start + _WIDTHS_AT_A_TIME])
        widths += map(len, _ZERO_WIDTH_CHARACTER.sub("", chunk).split("\n"))
    return widths


_ZERO_WIDTH_CHARACTER = re.compile(f"[{_ZERO_WIDTH}]")
_WIDTHS_AT_A_TIME = 1000


def layout(lines: list[str]) -> Iterator[LogicalLine]:
    """Logical lines for normalised physical lines, in reading order, one at a time.

    Pages are read whole (furniture repeats across them, the usual line width is the
    document's); the logical lines are made as they are asked for.
    """
    pages = split_pages(lines)
    furniture = repeated_furniture(pages)
    paged = len(pages) > 1
    rows = [row if index or not number else replace(row, page_start=True)
            for number, page in enumerate(pages)
            for index, row in enumerate(read_columns(drop_furniture(page, furniture, paged)))]
    del pages
    return join_dangling_marks(to_logical(rows))


# ---------------------------------------------------------------------- pages

def split_pages(lines: list[str]) -> list[list[_Row]]:
    """Pages at form feeds; a line holding a form feed continues on the next page."""
    pages: list[list[_Row]] = [[]]
    for number, line in enumerate(lines, start=1):
        if "\f" not in line:  # most lines: the row holds the line itself, not a copy
            pages[-1].append(_Row(number, line))
            continue
        parts = line.split("\f")
        for index, part in enumerate(parts):
            if index:
                pages.append([])
            if part:  # "\f" at a line's start is the break alone, not a blank line
                pages[-1].append(_Row(number, part))
    return [page for page in pages if page]


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", collapse_spaces(text))


def _edges(page: list[_Row]) -> list[_Row]:
    filled = [row for row in page if row.raw.strip()]
    return filled[:_EDGE_ROWS] + filled[-_EDGE_ROWS:]


def repeated_furniture(pages: list[list[_Row]]) -> frozenset[str]:
    """Shapes of short lines that stand at the edge of many pages: running titles."""
    if len(pages) < _REPEATS_ON_PAGES:
        return frozenset()
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_shape(row.raw) for row in _edges(page)
                     if not _NUMBERED.match(row.raw) and not LIST_HEADING_PATTERN.match(row.raw.strip())})
    return frozenset(shape for shape, count in seen.items()
                     if count >= _REPEATS_ON_PAGES and 0 < len(shape) <= _MAX_FURNITURE_WIDTH)


def is_furniture(text: str, repeated: frozenset[str] = frozenset()) -> bool:
    """Whether a line is page furniture rather than content.

    Most lines are content and fail the cheap tests first: the first character no
    furniture shape starts with, no wide gap to put a footer under both columns.
    """
    if not text.strip():
        return False
    if repeated or _MAY_BE_FURNITURE.match(text):
        stripped = collapse_spaces(text)
        if _FURNITURE.fullmatch(stripped) or (repeated and _shape(stripped) in repeated):
            return True
    if not _WIDE_GAP.search(text):
        return False
    halves = _WIDE_GAP.split(text.strip())
    return len(halves) == 2 and halves[0] == halves[1]  # a footer under both columns


def drop_furniture(page: list[_Row], repeated: frozenset[str], paged: bool = False) -> list[_Row]:
    """The page without its furniture (blank rows stay: they separate paragraphs).

    In a text cut into pages (``paged``), furniture stands at a page's edges: a number
    alone inside the page is a table's cell ("1" in its ที่ column). A text without
    page breaks has its page numbers anywhere.
    """
    edges = {row.number for row in _edges(page)}
    return [row for row in page
            if (paged and row.number not in edges)
            or not is_furniture(row.raw, repeated if row.number in edges else frozenset())]


# -------------------------------------------------------------------- columns

@dataclass(frozen=True, slots=True)
class _Gap:
    """A run of spaces inside a row: character and display positions."""

    start: int
    end: int
    start_col: int
    end_col: int


def _gaps(raw: str, min_spaces: int) -> list[_Gap]:
    gaps = []
    for match in re.finditer(f" {{{min_spaces},}}", raw):
        if match.start() == 0 or match.end() == len(raw.rstrip()) or match.end() == len(raw):
            continue
        start_col = display_width(raw[:match.start()])
        gaps.append(_Gap(match.start(), match.end(), start_col,
                         start_col + match.end() - match.start()))
    return gaps


def find_gutter(rows: list[_Row]) -> int | None:
    """The display column where a right column starts, or None for one column.

    A gutter is a run of blanks that many long lines share at about the same place,
    away from both edges of the page.
    """
    if sum(1 for row in rows if "   " in row.raw.strip(" ")) < _MIN_GUTTER_ROWS:
        return None  # too few rows with a gap inside to make a gutter
    widths = display_widths([row.raw.rstrip() for row in rows])
    page_width = max(widths, default=0)
    if page_width < 60:
        return None
    long_rows = [row for row, width in zip(rows, widths) if width >= 0.6 * page_width]
    starts = []
    for row in long_rows:
        inner = [gap for gap in _gaps(row.raw, _GUTTER_MIN_SPACES)
                 if 0.25 * page_width <= gap.end_col <= 0.75 * page_width]
        if inner:
            starts.append(max(inner, key=lambda gap: gap.end - gap.start).end_col)
    if len(starts) < _MIN_GUTTER_ROWS or len(starts) < _MIN_GUTTER_SHARE * len(long_rows):
        return None
    gutter = int(statistics.median(starts))
    near = sum(1 for start in starts if abs(start - gutter) <= _GUTTER_TOLERANCE)
    return gutter if near >= 0.7 * len(starts) else None


def _split_row(row: _Row, gutter: int) -> tuple[_Row | None, _Row | None] | None:
    """(left, right) parts of a row on a two-column page, or None for a full-width row.

    Offsets of right-column parts are measured from the gutter, so both columns have
    comparable widths and indentation.
    """
    raw = row.raw.rstrip()
    indent = len(raw) - len(raw.lstrip())  # white space takes its width
    if not raw.strip():
        return None, None
    if indent >= gutter - _GUTTER_TOLERANCE:
        return None, replace(row, raw=raw.lstrip(), offset=max(0, indent - gutter))
    candidates = [gap for gap in _gaps(raw, 2) if abs(gap.end_col - gutter) <= _GUTTER_TOLERANCE]
    if candidates:
        gap = min(candidates, key=lambda gap: abs(gap.end_col - gutter))
        right = replace(row, raw=raw[gap.end:], offset=max(0, gap.end_col - gutter))
        return replace(row, raw=raw[:gap.start]), right
    if display_width(raw) <= gutter + _GUTTER_TOLERANCE:
        return replace(row, raw=raw), None
    return None


def read_columns(rows: list[_Row]) -> list[_Row]:
    """The page's rows in reading order: on a two-column page, each column in turn.

    Inside the columns, blank rows are vertical spacing, not paragraph breaks (they
    fall mid-sentence); a paragraph starts where a line is indented past its column.
    """
    gutter = find_gutter(rows)
    if gutter is None:
        return rows
    ordered: list[_Row] = []
    left: list[_Row] = []
    right: list[_Row] = []
    for row in rows:
        parts = _split_row(row, gutter)
        if parts is None:  # a full-width row ends the columns above it
            ordered += _column(left) + _column(right) + [row]
            left, right = [], []
            continue
        if parts[0] is not None:
            left.append(parts[0])
        if parts[1] is not None:
            right.append(parts[1])
    return ordered + _column(left) + _column(right)


def _column(rows: list[_Row]) -> list[_Row]:
    """A column's rows with paragraph breaks marked by indentation, blanks between."""
    if not rows:
        return []
    starts = [row.offset + len(row.raw) - len(row.raw.lstrip()) for row in rows]
    margin = sorted(starts)[len(starts) // 4]
    result: list[_Row] = []
    for row, start in zip(rows, starts):
        if start > margin + _PARAGRAPH_INDENT and result:
            result.append(_Row(row.number, ""))
        result.append(replace(row, raw=row.raw.strip()))
    return result + [_Row(rows[-1].number, "")]


# -------------------------------------------------------------- logical lines

def to_logical(rows: list[_Row]) -> Iterator[LogicalLine]:
    """Measure, collapse and mark each row: did it run to the right margin?"""
    # Trailing white space holds no marks: the text ends its width minus that much in.
    row_ends = [row.offset + width - (len(row.raw) - len(row.raw.rstrip()))
                for row, width in zip(rows, display_widths([row.raw for row in rows]))]
    ends = sorted(end for row, end in zip(rows, row_ends) if row.raw.strip())
    # The usual width of a full line; a short text has too few lines for a percentile.
    usual = ends[int(0.9 * (len(ends) - 1))] if len(ends) >= _MIN_LINES_FOR_WIDTH else max(ends, default=0)
    wraps = _MIN_WRAP_WIDTH <= usual <= _MAX_WRAP_WIDTH
    for row, end in zip(rows, row_ends):
        raw = row.raw
        yield LogicalLine(
            SpannedText.of_line(collapse_spaces(raw), row.number, row.number),
            indent=row.offset + len(raw) - len(raw.lstrip()),
            wrapped=wraps and _WRAPPED_SHARE * usual <= end <= _OVERFULL_SHARE * usual,
            page_start=row.page_start,
        )


def join_dangling_marks(lines: Iterable[LogicalLine]) -> Iterator[LogicalLine]:
    """Join a line that starts with a vowel or tone mark to the text line above it."""
    held: list[LogicalLine] = []  # the last line with text, then the blank lines below it
    for line in lines:
        if held and _STARTS_WITH_MARK.match(line.text.text):
            above = held[0]
            held[0] = replace(above, text=above.text.join(line.text), wrapped=line.wrapped)
        elif not line.blank:
            yield from held
            held = [line]
        elif held:
            held.append(line)
        else:
            yield line
    yield from held
