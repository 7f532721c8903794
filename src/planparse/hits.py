"""Search hits as a person reads them (a rich table, the match highlighted) or a script
does (JSON, CSV). Nothing here prints: the CLI prints what these return.

In JSON and CSV the match is marked in ``marked`` with « and » around each match (Thai
plans quote with “ ” and ' ', not guillemets); JSON also gives its offsets, ``marks``,
as [start, end) character (code point) positions in ``text``. The CSV's cells are made
safe for a spreadsheet as the batch's table is (``writers.spreadsheet_cell``), and the
table's cannot drive a terminal (``outputs.terminal_text``): a database is a file anyone
can have written.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Callable, Optional, Sequence

from rich.table import Table
from rich.text import Text

from .errors import PlanParseError
from .outputs import terminal_text
from .search import Hit
from .writers import UTF8_BOM, spreadsheet_cell

MARK_START, MARK_END = "«", "»"
HIGHLIGHT = "bold black on yellow"

CSV_COLUMNS = (
    "file", "page", "start_line", "end_line", "organization", "organization_kind",
    "strategy_number", "strategy_title", "kind", "number", "text", "marked",
)


def hits_table(hits: Sequence[Hit]) -> Table:
    """Organisation, kind, number, the text with its matches highlighted, and where."""
    table = Table(title=f"{len(hits)} hit{'' if len(hits) == 1 else 's'}", title_justify="left",
                  expand=True)
    # Thai runs on without spaces for a whole clause: fold it rather than cut it short.
    # The text has most of the width; the organisation and the place share the rest.
    table.add_column("organisation", style="bold", overflow="fold", ratio=2)
    table.add_column("kind", style="cyan")
    table.add_column("number", no_wrap=True)
    table.add_column("text", overflow="fold", ratio=4)
    table.add_column("where", style="dim", overflow="fold", ratio=2)
    for hit in hits:
        text = Text()
        for piece, is_match in _pieces(hit):
            text.append(terminal_text(piece), HIGHLIGHT if is_match else "")
        table.add_row(*(Text(terminal_text(cell)) for cell in (
            hit.organization or "", hit.kind, hit.number or "")), text, Text(terminal_text(where(hit))))
    return table


def _pieces(hit: Hit) -> list[tuple[str, bool]]:
    """The hit's text in pieces, each with whether it is a match."""
    pieces, done = [], 0
    for start, end in hit.marks:
        pieces += [(hit.text[done:start], False), (hit.text[start:end], True)]
        done = end
    return [piece for piece in [*pieces, (hit.text[done:], False)] if piece[0]]


def where(hit: Hit) -> str:
    """``plans/a.txt page 3, line 5`` / ``plans/a.txt lines 5-7``: the file, then the page
    when the input was a PDF, then the lines."""
    lines = (f"line {hit.start_line}" if hit.start_line == hit.end_line
             else f"lines {hit.start_line}-{hit.end_line}")
    page = f" page {hit.page}," if hit.page is not None else ""
    return f"{hit.path}{page} {lines}"


def marked(hit: Hit) -> str:
    """The hit's text with « » around each match.

    >>> marked(Hit("a.txt", None, None, "goal", None, "ส่งเสริมการท่องเที่ยว", ((11, 21),),
    ...            None, None, 1, 1, None))
    'ส่งเสริมการ«ท่องเที่ยว»'
    """
    return "".join(f"{MARK_START}{piece}{MARK_END}" if is_match else piece
                   for piece, is_match in _pieces(hit))


def _row(hit: Hit) -> tuple[object, ...]:
    return (hit.path, hit.page, hit.start_line, hit.end_line, hit.organization,
            hit.organization_kind, hit.strategy_number, hit.strategy_title, hit.kind,
            hit.number, hit.text, marked(hit))


def hits_json(hits: Sequence[Hit]) -> str:
    """A JSON list of hits, one object each: CSV_COLUMNS' fields, and ``marks``."""
    objects = [{**dict(zip(CSV_COLUMNS, _row(hit))), "marks": [list(mark) for mark in hit.marks]}
               for hit in hits]
    return json.dumps(objects, ensure_ascii=False, indent=2) + "\n"


def hits_csv(hits: Sequence[Hit]) -> str:
    """A CSV of hits under CSV_COLUMNS, with the byte-order mark spreadsheets need."""
    buffer = io.StringIO()
    buffer.write(UTF8_BOM)
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    writer.writerows([spreadsheet_cell("" if value is None else str(value)) for value in _row(hit)]
                     for hit in hits)
    return buffer.getvalue()


HIT_WRITERS: dict[str, Callable[[Sequence[Hit]], str]] = {
    "json": hits_json,
    "csv": hits_csv,
}


def render_hits(hits: Sequence[Hit], format: str) -> str:
    """The hits as text in ``format``; PlanParseError names the formats there are (the
    table is ``hits_table``, a rich renderable rather than text)."""
    writer: Optional[Callable[[Sequence[Hit]], str]] = HIT_WRITERS.get(format)
    if writer is None:
        known = ", ".join(sorted(HIT_WRITERS))
        raise PlanParseError(f"unknown search output format {format!r} (choose one of: {known})")
    return writer(hits)
