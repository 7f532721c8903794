"""Documents to text: one dispatch table of formats, which fails loudly on others.

Thai stays Thai: JSON is written with ``ensure_ascii`` off and YAML with
``allow_unicode``, never as ``\\u0e..`` escapes. CSV starts with a UTF-8 byte-order mark,
without which spreadsheet programs read Thai as Latin-1 mojibake. PyYAML is imported
only for YAML.
"""

from __future__ import annotations

import csv
import io
import json
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


def to_json(document: PlanDocument) -> str:
    return json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def to_yaml(document: PlanDocument) -> str:
    import yaml

    return yaml.safe_dump(document.model_dump(mode="json"), allow_unicode=True,
                          sort_keys=False, width=float("inf"))


def csv_rows(document: PlanDocument) -> list[list[str]]:
    """The rows of ``document`` under CSV_COLUMNS; the plan's details repeat on every row
    so that each row can be filtered and pivoted on its own."""
    file = document.source.path if document.source else ""
    organization = document.organization.name if document.organization else ""
    period = (f"{document.period.start_year}-{document.period.end_year}"
              if document.period else "")
    return [
        [file, organization, period,
         (item.strategy.number or "") if item.strategy else "",
         item.strategy.title if item.strategy else "",
         item.kind, item.number or "", item.text,
         str(item.span.start_line), str(item.span.end_line)]
        for item in flat_items(document)
    ]


def csv_table(rows: Iterable[Sequence[str]]) -> str:
    """A CSV file of ``rows`` under a header, with the byte-order mark spreadsheets need."""
    buffer = io.StringIO()
    buffer.write(UTF8_BOM)
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(rows)
    return buffer.getvalue()


def to_csv(document: PlanDocument) -> str:
    return csv_table(csv_rows(document))


WRITERS: dict[str, Callable[[PlanDocument], str]] = {
    "json": to_json,
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
