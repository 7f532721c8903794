"""Documents to text: one dispatch table of formats, which fails loudly on others.

Thai stays Thai: JSON is written with ``ensure_ascii`` off and YAML with
``allow_unicode``, never as ``\\u0e..`` escapes. JSONL is the JSON on one line, for tools
that read a document a line. CSV starts with a UTF-8 byte-order mark, without which
spreadsheet programs read Thai as Latin-1 mojibake, and its cells are made safe to open
in one (see ``spreadsheet_cell``). PyYAML is imported only for YAML.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Callable, Iterable, Sequence

from .errors import PlanParseError
from .flat import flat_items
from .model import PlanDocument

# The columns of the flat export, one row per extracted item (see flat.py).
CSV_COLUMNS = (
    "file", "organization", "period", "strategy_number", "strategy_title",
    "kind", "number", "text", "start_line", "end_line",
)
UTF8_BOM = "\ufeff"
# The most characters a spreadsheet cell holds (Excel's limit; LibreOffice's is larger).
MAX_CELL = 32_767
CUT_MARK = " …"
# A cell a spreadsheet would run as a formula (=, +, -, @, and a tab or carriage return
# before one), or read as a number and so change ("1.10" becomes 1.1, "1.1" a date).
_NOT_TEXT_TO_A_SPREADSHEET = re.compile(r"[=+\-@\t\r].|\d+(?:\.\d+)+\.?$", re.DOTALL)
TEXT_MARK = "'"


def to_json(document: PlanDocument) -> str:
    return json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def to_jsonl(document: PlanDocument) -> str:
    """The JSON on one line, without spaces, ended by a newline."""
    return document.model_dump_json() + "\n"


def to_yaml(document: PlanDocument) -> str:
    import yaml

    return yaml.safe_dump(document.model_dump(mode="json"), allow_unicode=True,
                          sort_keys=False, width=float("inf"))


def csv_rows(document: PlanDocument) -> list[list[str]]:
    """The rows of ``document`` under CSV_COLUMNS; the plan's details repeat on every row
    so that each row can be filtered and pivoted on its own. A document without items
    still has a row, with an empty kind, so that every input is in a table."""
    file = document.source.path if document.source else ""
    organization = document.organization.name if document.organization else ""
    period = (f"{document.period.start_year}-{document.period.end_year}"
              if document.period else "")
    rows = [
        [file, organization, period,
         (item.strategy.number or "") if item.strategy else "",
         item.strategy.title if item.strategy else "",
         item.kind, item.number or "", item.text,
         str(item.span.start_line), str(item.span.end_line)]
        for item in flat_items(document)
    ]
    return rows or [[file, organization, period] + [""] * (len(CSV_COLUMNS) - 3)]


def csv_table(rows: Iterable[Sequence[str]]) -> str:
    """A CSV file of ``rows`` under a header, with the byte-order mark spreadsheets need."""
    buffer = io.StringIO()
    buffer.write(UTF8_BOM)
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    writer.writerows([spreadsheet_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def spreadsheet_cell(cell: str) -> str:
    """``cell`` as a spreadsheet will show it, as text: with an apostrophe before what it
    would run as a formula or read as a number, and cut (marked " …") at MAX_CELL.
    Applying it twice changes nothing.

    >>> [spreadsheet_cell(cell) for cell in ("=1+2", "1.10", "3", "-ลด")]
    ["'=1+2", "'1.10", '3', "'-ลด"]
    """
    if _NOT_TEXT_TO_A_SPREADSHEET.match(cell):
        cell = TEXT_MARK + cell
    if len(cell) > MAX_CELL:
        cell = cell[:MAX_CELL - len(CUT_MARK)] + CUT_MARK
    return cell


def to_csv(document: PlanDocument) -> str:
    return csv_table(csv_rows(document))


WRITERS: dict[str, Callable[[PlanDocument], str]] = {
    "json": to_json,
    "jsonl": to_jsonl,
    "yaml": to_yaml,
    "csv": to_csv,
}


def render(document: PlanDocument, format: str) -> str:
    """The document in ``format``; PlanParseError names the formats there are."""
    try:
        writer = WRITERS[format]
    except KeyError:
        known = ", ".join(sorted(WRITERS))
        raise PlanParseError(f"unknown output format {format!r} (choose one of: {known})") from None
    return writer(document)
