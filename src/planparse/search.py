"""Searching a plans database: the items whose text holds every word of a query.

The query is cut into Thai words as the texts were (``fulltext``), so ``ท่องเที่ยว``
finds ``การส่งเสริมการท่องเที่ยวเชิงวัฒนธรรม``, and whatever a person types is text to
find, never SQL or FTS5 syntax. Hits come best first: those where every query word is a
word of the text on its own (``ภาพ`` in ``ภาพลักษณ์``) before those where one is inside
another word (``ภาพ`` in ``คุณภาพ``), then by FTS5's bm25 rank, then in path and
document order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .database import PlanDatabase
from .errors import PlanParseError
from .flat import KINDS
from .fulltext import marks, parse_query
from .model import KINDS_OF_ORGANIZATION

# How many hits a search returns unless told otherwise: a screenful to read, not a dump.
DEFAULT_LIMIT = 100


@dataclass(frozen=True)
class Hit:
    """An item that matched, with its plan and where it was written."""

    path: str
    organization: Optional[str]
    organization_kind: Optional[str]
    kind: str
    number: Optional[str]
    text: str
    marks: tuple[tuple[int, int], ...]
    """(start, end) character offsets of the query's words in ``text``."""
    strategy_number: Optional[str]
    strategy_title: Optional[str]
    """The strategy the item belongs to, for an item under one."""
    start_line: int
    end_line: int
    page: Optional[int]


_SEARCH = """
SELECT d.path, d.organization, d.organization_kind, i.kind, i.number, i.text,
       s.number, s.text, i.start_line, i.end_line, i.page
FROM item_search
JOIN items i ON i.id = item_search.rowid
JOIN documents d ON d.id = i.document_id
LEFT JOIN items s ON s.id = i.strategy_id
WHERE item_search MATCH :expression
  AND (:kind IS NULL OR i.kind = :kind)
  AND (:organization_kind IS NULL OR d.organization_kind = :organization_kind)
  {runs}
ORDER BY item_search.rowid NOT IN (SELECT rowid FROM item_search WHERE item_search MATCH :whole),
         bm25(item_search), d.path, i.position
LIMIT :limit
"""
# A run of words written together in the query is looked for in the text with its
# spaces taken out, in ASCII lower case (as fulltext.Query.runs is).
_RUN = "AND instr(lower(replace(i.text, ' ', '')), :run{number}) > 0"


def search(database: PlanDatabase, query: str, kind: Optional[str] = None,
           organization_kind: Optional[str] = None,
           limit: Optional[int] = DEFAULT_LIMIT) -> list[Hit]:
    """The items that hold every word of ``query``, of ``kind`` (``strategy``, ``goal``…)
    in plans of ``organization_kind`` (``เทศบาลตำบล``…) when given; at most ``limit``
    (None: all). A PlanParseError for a query without a word to find (empty, or only
    punctuation) and for an unknown kind, which names the known ones.
    """
    _check_choice("kind", kind, KINDS)
    _check_choice("organisation kind", organization_kind, KINDS_OF_ORGANIZATION)
    connection = database.connection

    def containing(word: str) -> list[str]:
        return [row[0] for row in connection.execute(
            "SELECT word FROM word_parts WHERE part = ?", (word,))]

    parsed = parse_query(query, containing)
    if parsed.expression is None:
        raise PlanParseError(f"the query {query!r} has no word to look for")
    statement = _SEARCH.format(runs="\n  ".join(_RUN.format(number=number)
                                                for number in range(len(parsed.runs))))
    rows = connection.execute(statement, {
        "expression": parsed.expression, "whole": parsed.whole, "kind": kind,
        "organization_kind": organization_kind, "limit": -1 if limit is None else limit,
        **{f"run{number}": run for number, run in enumerate(parsed.runs)}})
    return [Hit(path, organization, organization_kind_, kind_, number, text,
                marks(text, parsed), strategy_number, strategy_title, start, end, page)
            for (path, organization, organization_kind_, kind_, number, text, strategy_number,
                 strategy_title, start, end, page) in rows]


def _check_choice(what: str, value: Optional[str], choices: tuple[str, ...]) -> None:
    if value is not None and value not in choices:
        raise PlanParseError(f"unknown {what} {value!r} (choose one of: {', '.join(choices)})")
