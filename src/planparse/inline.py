"""Plans written inside a line: lists inside a sentence, a vision or a goal in prose.

Two questions, both answered from the text alone:

* ``split_items``: the content written on a heading's own line, or after a lead-in,
  as items. Items are split only with evidence (contract decisions 9 and 16): numbers
  that run 1, 2, 3 in one style, bullets, a start word every item repeats (learned from
  the chunks themselves: ``การพัฒนา… การส่งเสริม… และการยกระดับ…`` share ``การ``), or a
  declared count with ``และ`` before the last item. The last item ends where the prose
  resumes (``ซึ่ง…``, ``โดย…``).
* ``find_statements``: what a paragraph of prose states of a plan: a vision after its word
  (``วิสัยทัศน์ … ว่า “…”``), a goal (``มีเป้าหมายหลักเพื่อ…``), a list after a count of a
  section's items (``ประกอบด้วย 5 ยุทธศาสตร์ ได้แก่ (1) … (5) …``). Each is given as lines:
  a heading and its items; the prose resumes after them.

Prose is full of numbers that start nothing (``ปีละ 1 ครั้ง``, ``ต.ค. 59``), so a numbered
list counts only when its labels run in sequence from 1. Functions work on plain offsets
and hand back lines that keep their provenance (``SpannedText``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .lines import Announcement, Kind, Label, Line
from .spanned import SpannedText, skip_spaces
from .vocabulary import (
    ADDING_CONJUNCTIONS,
    CHILD_SECTIONS,
    CLAUSE_OPENER_PATTERN,
    CONJUNCTION_PATTERN,
    GLUED_CONJUNCTION,
    HEADING_PATTERN,
    INTRODUCING_CLOSERS,
    LEAD_IN_CLOSERS,
    LEAD_IN_COUNT_WORDS,
    LEAD_IN_TOTALS,
    LEAD_IN_UNITS,
    LEAD_IN_VERBS,
    LIST_CONJUNCTIONS,
    LIST_HEADING_PATTERN,
    LIST_SECTIONS,
    ORGANIZATION_PATTERN,
    PROSE_GOAL_PATTERN,
    PROSE_LEAD_IN_WORDS,
    PROSE_RESUMES_PATTERN,
    CITED_PLAN_PATTERN,
    PLAN_WORD_PATTERN,
    PROSE_VISION_LEAD,
    SHORT_REFERENCE_PATTERN,
    REFERENCE_PATTERN,
    QUALIFIER_PATTERN,
    QUOTED_PATTERN,
    UNQUOTED_STATEMENT_OPENERS,
    VISION_AS_QUALITY_PATTERN,
    VISION_PATTERN,
    Section,
    section_of,
)

# An inline label: 1. 1) (1), at the start or after white space, before the item's text;
# a bracketed one also glued to the conjunction before the last item ("และ(3)").
_INLINE_LABEL = re.compile(
    r"(?:^|(?<=[\s:：]))(?:\((?P<paren>\d{1,3})\)|(?P<number>\d{1,3})(?P<mark>[.)])(?!\d))"
    r"\s*(?=[\u0e01-\u0e4e\"“(A-Za-z])"
    r"|(?:" + "|".join(f"(?<={re.escape(word)})" for word in LIST_CONJUNCTIONS) + r")"
    r"\((?P<glued>\d{1,3})\)\s*(?=[\u0e01-\u0e4e\"“(A-Za-z])"
)
# How long an inline label may be before its item's text: "(10) ".
_LABEL_ROOM = 6
# Bullets written inside a line: " - a - b", " • a • b".
_INLINE_BULLET = re.compile(r"(?:^|(?<=\s))[-–•·▪●](?=\s*[\u0e01-\u0e4e\"“(A-Za-z])")
# A count of a section's items in prose: "5 ยุทธศาสตร์", "๔ มิติ", "3 กลยุทธ์สำคัญ".
_COUNT_OF = re.compile(rf"(?P<count>\d{{1,2}})\s*(?P<unit>{LEAD_IN_UNITS})")
# What may follow the count before the items: "ได้แก่", "ดังนี้ :", "คือ".
_OPENER = re.compile(
    rf"\s*(?:{LEAD_IN_TOTALS})?\s*(?:(?:{LEAD_IN_VERBS}|{LEAD_IN_CLOSERS}|{PROSE_LEAD_IN_WORDS})\s*[:：]?\s*)*")
# A lead-in that a line's list may follow: its words in any order ("มี 2 ยุทธศาสตร์ ได้แก่",
# "3 ด้าน ได้แก่", "ประกอบด้วย").
_LEAD = re.compile(
    rf"\s*(?:(?:{LEAD_IN_VERBS}|{LEAD_IN_CLOSERS}|{PROSE_LEAD_IN_WORDS}|{LEAD_IN_TOTALS}|[:：])\s*"
    rf"|(?:{LEAD_IN_COUNT_WORDS})?\s*\d{{1,2}}\s*(?:{LEAD_IN_UNITS})\S{{0,8}}?(?=\s)\s*)*")
# What stands between a title and the count of its list: "มีแนวทางการพัฒนา 3 แนวทาง".
_LEAD_BEFORE_COUNT = re.compile(
    rf"\s(?:{LEAD_IN_VERBS})?\s*(?:(?:{LIST_HEADING_PATTERN.pattern})(?:{QUALIFIER_PATTERN.pattern})*)?\s*$")
_CLOSES_WITH_LEAD_IN = re.compile(rf"{INTRODUCING_CLOSERS}\s*[:：]?\s*$")
_HAS_OPENER = re.compile(rf"(?:{LEAD_IN_CLOSERS}|{PROSE_LEAD_IN_WORDS})\s*[:：]?\s*$")
# A count names a section itself, or a generic unit ("4 มิติ", "5 ประการ") that the
# nearest heading word before it, this close, names.
_GENERIC_UNIT_WINDOW = 80
# The last item of an inline list is cut where prose resumes only when it is this much
# longer than the longest other item (items may hold "โดย…" themselves); on a heading's
# own line, where the line is the list, also only past this many characters.
_LAST_ITEM_FACTOR = 1.5
_LAST_ITEM_ON_ITS_LINE = 80
# Items of a list without numbers are names, not paragraphs.
_MAX_UNNUMBERED_ITEM = 160
# A statement in prose (an unquoted vision, a goal) runs at most this long.
_MAX_PROSE_STATEMENT = 300


@dataclass(frozen=True, slots=True)
class Piece:
    """One item of an inline list: offsets into the text, and its number (None unnumbered)."""

    start: int
    end: int
    number: Optional[str]


# ------------------------------------------------------------ inline lists

def split_items(text: str, declared: Optional[int] = None) -> Optional[list[Piece]]:
    """The items of a list written on one line, after its lead-in ("มี 4 ด้าน ได้แก่ …"),
    or None where nothing shows a list. A count in the lead-in is the declared one."""
    lead = _LEAD.match(text)
    begin = lead.end() if lead else 0
    numbered = find_numbered(text)
    if numbered is not None and numbered[0].start <= begin + _LABEL_ROOM + 2:
        return numbered
    bullets = _split_bullets(text, begin)
    if bullets is not None:
        return bullets
    count = re.search(r"\d{1,2}", text[:begin])
    return find_unnumbered(text, begin, declared if declared is not None or not count else int(count.group()))


def find_numbered(text: str, start: int = 0, in_sentence: bool = False) -> Optional[list[Piece]]:
    """The first list of inline labels numbered 1, 2, 3 … in one style, if any; a list
    ``in_sentence`` ends sooner where the sentence goes on after it.

    One pass over the labels: a chain waits for its next number, and a new 1 replaces a
    chain still waiting for its 2 (the list starts right after its lead-in), so even a
    line of a million "1." costs one step a label.
    """
    waiting: dict[tuple[str, int], list[re.Match[str]]] = {}
    chains: list[list[re.Match[str]]] = []
    for match in _INLINE_LABEL.finditer(text, start):
        style, number = _label_style(match), _label_number(match)
        chain = waiting.pop((style, number), None)
        if chain is not None:
            chain.append(match)
        elif number == 1:
            chain = [match]
            chains.append(chain)
        else:
            continue
        waiting[(style, number + 1)] = chain
    found = [chain for chain in chains if len(chain) >= 2]
    if not found:
        return None
    best = min(found, key=lambda chain: (chain[0].start(), -len(chain)))
    bounds = [match.end() for match in best]
    ends = [match.start() for match in best[1:]] + [len(text)]
    items = [Piece(begin, _trim(text, begin, end), str(_label_number(match)))
             for begin, end, match in zip(bounds, ends, best)]
    items[-1] = _cut_last(text, items, 0 if in_sentence else _LAST_ITEM_ON_ITS_LINE)
    return items


def _split_bullets(text: str, begin: int, in_sentence: bool = False) -> Optional[list[Piece]]:
    """Items after bullets written inside the line: "- a - b - c"."""
    marks = list(_INLINE_BULLET.finditer(text, begin))
    if len(marks) < 2 or marks[0].start() > begin + 2:
        return None
    starts = [mark.end() for mark in marks]
    ends = [mark.start() for mark in marks[1:]] + [len(text)]
    items = [Piece(_skip(text, begin), _trim(text, begin, end), None)
             for begin, end in zip(starts, ends)]
    items[-1] = _cut_last(text, items, 0 if in_sentence else _LAST_ITEM_ON_ITS_LINE)
    return items


def find_unnumbered(text: str, start: int, declared: Optional[int]) -> Optional[list[Piece]]:
    """A list without numbers at ``start``, if the evidence holds: a start word that
    every item repeats, or a declared count that the chunks, the last after ``และ``, meet.

    When both are there and disagree, the start word wins (the items, not the count:
    contract decision 9); the caller compares the count.
    """
    begin = _skip(text, start)
    by_start_word = _split_by_start_word(text, begin, declared)
    if by_start_word is not None or declared is None or declared < 2:
        return by_start_word
    return _split_by_count(text, begin, declared)


def _chunks(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    return [(match.start(), match.end()) for match in re.finditer(r"\S+", text[:end])
            if match.start() >= begin]


def _split_by_start_word(text: str, begin: int, declared: Optional[int] = None) -> Optional[list[Piece]]:
    """Split where chunks start with the start word of the first one (of two Thai letters
    at least) that three chunks share, or two with ``และ`` before the second.

    Of the start words that qualify, the one that gives the declared count wins, then the
    one that reaches most items ("การพัฒนา… การพัฒนา… และการบริหาร…" share ``การ``), then
    the longest. The item after ``และ`` is the last ("A B C และ D"); without one, the list
    ends where the prose resumes, or after its declared count.
    """
    chunks = _chunks(text, begin, len(text))
    if len(chunks) < 2:
        return None
    first = text[chunks[0][0]:chunks[0][1]]
    thai_prefix = re.match(r"[\u0e01-\u0e4e]+", first)
    if not thai_prefix or CLAUSE_OPENER_PATTERN.match(first):
        return None  # "เพื่อให้… เพื่อให้…": the clauses of one statement
    qualifying = []
    for length in range(len(thai_prefix.group()), 1, -1):
        starts = _list_starts(text, chunks, first[:length], declared)
        joined = any(_after_conjunction(text, chunk_start) for chunk_start in starts[1:])
        if len(starts) >= 3 or (len(starts) == 2 and joined):
            qualifying.append(starts)
    if not qualifying:
        return None
    best = max(qualifying, key=lambda starts: (len(starts) == declared, len(starts)))
    return _pieces_from_starts(text, best)


def _list_starts(text: str, chunks: list[tuple[int, int]], head: str,
                 declared: Optional[int]) -> list[int]:
    """Where the items led by ``head`` start, up to the last one."""
    starts: list[int] = []
    for chunk_start, _ in chunks:
        if not _starts_with(text, chunk_start, head):
            continue
        if starts and PROSE_RESUMES_PATTERN.search(text, starts[-1] + 1, chunk_start) \
                and not _after_conjunction(text, chunk_start) and declared is None:
            break
        starts.append(chunk_start)
        if _after_conjunction(text, chunk_start) and len(starts) > 1:
            break
        if declared is not None and len(starts) == declared and not _conjunction_ahead(text, chunk_start, head):
            break
    return starts


def _conjunction_ahead(text: str, position: int, head: str) -> bool:
    """Whether a later item, after ``และ``, is led by ``head`` before the prose resumes."""
    resumes = PROSE_RESUMES_PATTERN.search(text, position + 1)
    end = resumes.start() if resumes else len(text)
    return re.search(rf"\s{ADDING_CONJUNCTIONS}\s*{re.escape(head)}", text[position:end]) is not None


def _starts_with(text: str, position: int, head: str) -> bool:
    conjunction = CONJUNCTION_PATTERN.match(text, position)
    at = conjunction.end() if conjunction else position
    return text.startswith(head, at)


def _after_conjunction(text: str, position: int) -> bool:
    return bool(CONJUNCTION_PATTERN.match(text, position))


def _pieces_from_starts(text: str, starts: list[int]) -> Optional[list[Piece]]:
    ends = starts[1:] + [len(text)]
    pieces = [Piece(_skip(text, a), _trim(text, a, b), None) for a, b in zip(starts, ends)]
    last = pieces[-1]
    stop = PROSE_RESUMES_PATTERN.search(text, last.start + 1, last.end)
    if stop:
        pieces[-1] = Piece(last.start, _trim(text, last.start, stop.start()), None)
    pieces = [piece for piece in pieces if piece.end > piece.start]
    if len(pieces) < 2 or any(piece.end - piece.start > _MAX_UNNUMBERED_ITEM for piece in pieces):
        return None
    return pieces


def _split_by_count(text: str, begin: int, declared: int) -> Optional[list[Piece]]:
    """``declared`` items from space-separated chunks, the last one after ``และ``
    (written apart or glued: "การท่องเที่ยวและการค้าชายแดน")."""
    resumes = PROSE_RESUMES_PATTERN.search(text, begin)
    end = resumes.start() if resumes else len(text)
    pieces: list[Piece] = []
    for chunk_start, chunk_end in _chunks(text, begin, end):
        chunk = text[chunk_start:chunk_end]
        conjunction = CONJUNCTION_PATTERN.match(chunk)
        if conjunction and conjunction.end() == len(chunk):
            continue  # "และ" on its own
        if conjunction:
            pieces.append(Piece(chunk_start + conjunction.end(), chunk_end, None))
            break
        glued = chunk.find(GLUED_CONJUNCTION, 2)
        if glued > 0 and len(pieces) == declared - 2:
            pieces += [Piece(chunk_start, chunk_start + glued, None),
                       Piece(chunk_start + glued + len(GLUED_CONJUNCTION), chunk_end, None)]
            break
        pieces.append(Piece(chunk_start, chunk_end, None))
        if len(pieces) == declared:
            break
    if len(pieces) != declared or any(piece.end - piece.start > _MAX_UNNUMBERED_ITEM for piece in pieces):
        return None
    return pieces


def _label_number(match: re.Match[str]) -> int:
    return int(match.group("paren") or match.group("glued") or match.group("number"))


def _label_style(match: re.Match[str]) -> str:
    return "paren" if match.group("paren") or match.group("glued") else match.group("mark")


def _skip(text: str, position: int) -> int:
    """Past white space and a leading conjunction (contract decision 9)."""
    position = skip_spaces(text, position)
    conjunction = CONJUNCTION_PATTERN.match(text, position)
    return conjunction.end() if conjunction else position


def _trim(text: str, start: int, end: int) -> int:
    """The end of an item without trailing spaces, commas and a closing "และ"."""
    piece = text[start:end].rstrip(" ,;")
    for conjunction in (" " + word for word in LIST_CONJUNCTIONS):
        if piece.endswith(conjunction):
            piece = piece[: -len(conjunction)]
    return start + len(piece.rstrip(" ,;"))


def _cut_last(text: str, items: list[Piece], minimum: int) -> Piece:
    """The last item, ending where the prose resumes, when it runs far longer than the
    others (items of numbered lists may hold "โดย…" themselves) and than ``minimum``."""
    last = items[-1]
    others = [item.end - item.start for item in items[:-1]]
    limit = max(_LAST_ITEM_FACTOR * max(others, default=0), minimum)
    resumes = PROSE_RESUMES_PATTERN.search(text, last.start + 1, last.end)
    if resumes and _CLOSES_WITH_LEAD_IN.search(text, resumes.start(), last.end):
        # "(3) … ซึ่งมีสาระสำคัญ ดังนี้": the sentence goes on to introduce what follows
        return Piece(last.start, _trim(text, last.start, resumes.start()), last.number)
    if last.end - last.start <= limit:
        return last
    if not resumes:
        return last
    return Piece(last.start, _trim(text, last.start, resumes.start()), last.number)


# -------------------------------------------------------------- prose

@dataclass(frozen=True, slots=True)
class _Found:
    """A plan statement found inside a text: where it starts and ends, and its lines."""

    start: int
    end: int
    lines: list[Line]


def find_statements(text: SpannedText, indent: int = 0) -> list[Line]:
    """The plan statements a paragraph makes, as lines (a heading, then its items), in order;
    empty when it makes none."""
    found = sorted(_prose_visions(text, indent) + _prose_goals(text, indent)
                   + _prose_lists(text, indent), key=lambda item: item.start)
    lines: list[Line] = []
    position = 0
    for statement in found:
        if statement.start >= position:
            lines += statement.lines
            position = statement.end
    return lines


def _prose_visions(text: SpannedText, indent: int) -> list[_Found]:
    """A vision after its word: quoted, or after ว่า / คือ up to where the prose resumes."""
    found = []
    raw = text.text
    for match in VISION_PATTERN.finditer(raw):
        if VISION_AS_QUALITY_PATTERN.search(raw, max(0, match.start() - _QUALITY_REACH), match.start()) \
                or REFERENCE_PATTERN.match(raw, skip_spaces(raw, match.end())):
            continue  # "ผู้บริหารที่มีวิสัยทัศน์", "เพื่อให้บรรลุวิสัยทัศน์ดังกล่าว": no statement
        if _of_cited_plan(raw, match.start(), match.end()):
            continue  # "ยุทธศาสตร์ชาติ มีวิสัยทัศน์ “…”": another body's (contract decision 2)
        statement = _quoted_after(raw, match.end()) or _introduced_after(raw, match.end())
        if statement is None:
            continue
        start, end = statement
        heading = Line(Kind.HEADING, text.slice(match.start(), match.end()), indent,
                       sections=(Section.VISION,))
        body = Line(Kind.TEXT, text.slice(start, end), indent)
        found.append(_Found(match.start(), end, [heading, body]))
    return found


def _of_cited_plan(raw: str, start: int, end: int) -> bool:
    """Whether the vision word belongs to a plan of another body named right before it
    ("ยุทธศาสตร์ชาติ มีวิสัยทัศน์") or right after it ("วิสัยทัศน์ของยุทธศาสตร์ชาติ"); not
    when the name is shortened with ฯ ("แผนแม่บทฯ มีวิสัยทัศน์": the plan the text named)."""
    named = list(CITED_PLAN_PATTERN.finditer(raw, max(0, start - _CITED_NAME_CHARS), start))
    before = named[-1] if named and named[-1].end() >= start - _CITED_REACH else None
    after = CITED_PLAN_PATTERN.search(raw, end, end + _CITED_REACH)
    return any(found is not None and found.group() and not SHORT_REFERENCE_PATTERN.match(raw, found.end())
               for found in (before, after))


# How close to the vision word the cited plan stands ("… มี", "ของ …"), and how long
# its name may be.
_CITED_REACH = 6
_CITED_NAME_CHARS = 60
# How far before the vision word the words that make it a quality may start.
_QUALITY_REACH = 8


def _quoted_after(raw: str, position: int) -> Optional[tuple[int, int]]:
    """The quotation right after a vision's word (its qualifiers aside) or after the
    word that introduces it ("ที่ว่า “…”")."""
    lead = PROSE_VISION_LEAD.match(raw, position)
    for start in (skip_spaces(raw, position), _past_qualifiers(raw, position), _past_owner(raw, position),
                  lead.end() if lead else None):
        if start is None:
            continue
        quoted = QUOTED_PATTERN.match(raw, start)
        if quoted:
            return quoted.start("text"), quoted.end("text")
    return None


def _introduced_after(raw: str, position: int) -> Optional[tuple[int, int]]:
    """An unquoted statement after ว่า / คือ, up to where the prose resumes."""
    lead = PROSE_VISION_LEAD.match(raw, position)
    if lead is None or not re.search(rf"{UNQUOTED_STATEMENT_OPENERS}\s*$", lead.group()):
        return None
    start = lead.end()
    if start >= len(raw) or raw[start] in "“\"":
        return None
    resumes = PROSE_RESUMES_PATTERN.search(raw, start + 1)
    end = resumes.start() if resumes else len(raw)
    if end - start > _MAX_PROSE_STATEMENT or end - start < 4:
        return None
    return start, _trim(raw, start, end)


def _past_owner(raw: str, position: int) -> Optional[int]:
    """Past the body whose vision it is: "วิสัยทัศน์ของเทศบาลตำบลแม่แตง “…”"."""
    owner = ORGANIZATION_PATTERN.match(raw, _past_qualifiers(raw, position))
    return skip_spaces(raw, owner.end()) if owner else None



def _past_qualifiers(raw: str, position: int) -> int:
    while position < len(raw):
        qualifier = QUALIFIER_PATTERN.match(raw, position)
        if not qualifier or qualifier.end() <= position:
            break
        position = qualifier.end()
    return position


def _prose_goals(text: SpannedText, indent: int) -> list[_Found]:
    """"โดยมีเป้าหมายหลักเพื่อ…": a goal stated in prose, up to where the prose resumes."""
    found = []
    raw = text.text
    for match in PROSE_GOAL_PATTERN.finditer(raw):
        start = _skip(raw, match.end())
        resumes = PROSE_RESUMES_PATTERN.search(raw, start + 1)
        end = _trim(raw, start, resumes.start() if resumes else len(raw))
        if not 4 <= end - start <= _MAX_PROSE_STATEMENT:
            continue
        heading = Line(Kind.HEADING, text.slice(match.start(), match.end()), indent,
                       sections=(Section.AIM,))
        item = Line(Kind.ITEM, text.slice(start, end), indent, label=Label(None, "inline"))
        found.append(_Found(match.start(), end, [heading, item]))
    return found


def _prose_lists(text: SpannedText, indent: int) -> list[_Found]:
    """Lists after a count of a section's items ("ประกอบด้วย 3 ยุทธศาสตร์ ได้แก่ …"), or
    after a heading word and an opener ("ยุทธศาสตร์ ได้แก่ 1. … 2. …")."""
    raw = text.text
    if not LIST_HEADING_PATTERN.search(raw):
        return []
    found = []
    position = 0
    for anchor in _anchors(raw):
        if anchor.start < position:
            continue
        pieces = _anchored_items(raw, anchor)
        if not pieces:
            continue
        heading = Line(Kind.HEADING, text.slice(anchor.start, anchor.items_start), indent,
                       sections=(anchor.section,),
                       announces=Announcement(anchor.section, anchor.count))
        lines = [heading] + [Line(Kind.ITEM, text.slice(piece.start, piece.end), indent,
                                  label=Label(piece.number, "inline"))
                             for piece in pieces]
        found.append(_Found(anchor.start, pieces[-1].end, lines))
        position = pieces[-1].end
    return found


@dataclass(frozen=True, slots=True)
class ChildList:
    """A strategy's list written on its title's line, after the title ("… มีแนวทางการพัฒนา
    3 แนวทาง ได้แก่ (1) … (3) …"): where it is announced, its section, count and items."""

    start: int
    section: Section
    count: Optional[int]
    items: list[Piece]


def find_child_list(text: str) -> Optional[ChildList]:
    """The list of one of a strategy's own sections that its title's line goes on to state,
    if any; the title is the text before it."""
    for anchor in _anchors(text, top_level=False):
        if anchor.start == 0 or anchor.section not in CHILD_SECTIONS:
            continue
        pieces = _anchored_items(text, anchor)
        if pieces:
            title_end = _LEAD_BEFORE_COUNT.search(text, 0, anchor.start)
            start = title_end.start() if title_end else anchor.start
            return ChildList(start, anchor.section, anchor.count, pieces)
    return None


def _anchored_items(raw: str, anchor: _Anchor) -> Optional[list[Piece]]:
    """The items after an anchor: numbered or bulleted right after it; after a heading word
    and its opener, split by their start word; after a count, split by their start word or
    the count (without an opener, only a start word that gives exactly the count:
    "ด้วย 5 กลยุทธ์สำคัญ การยกระดับ… การโปรโมท…")."""
    if _numbered_right_after(raw, anchor.items_start):
        return find_numbered(raw, anchor.items_start, in_sentence=True)
    bullets = _split_bullets(raw, skip_spaces(raw, anchor.items_start), in_sentence=True)
    if bullets is not None:
        return bullets
    if anchor.count is None:
        return _split_by_start_word(raw, _skip(raw, anchor.items_start))
    if anchor.opened:
        return find_unnumbered(raw, anchor.items_start, anchor.count)
    pieces = _split_by_start_word(raw, _skip(raw, anchor.items_start), anchor.count)
    return pieces if pieces is not None and len(pieces) == anchor.count else None


@dataclass(frozen=True, slots=True)
class _Anchor:
    """Where a list inside prose is announced: its section, count, and where items start."""

    start: int
    items_start: int
    section: Section
    count: Optional[int]
    opened: bool  # an opener (ได้แก่, คือ, ประกอบด้วย) stands before the items


def _anchors(raw: str, top_level: bool = True) -> list[_Anchor]:
    """Where lists are announced in ``raw``; a count of tactics or guidelines announces the
    plan's top list (``top_level``) in prose, a strategy's own on its title's line."""
    anchors = []
    for match in _COUNT_OF.finditer(raw):
        unit_end = _past_qualifiers_glued(raw, match.end("unit"))
        if unit_end is None:
            continue
        section = _unit_section(raw, match, top_level)
        if section is None or section is Section.MEASURE and not _names_a_plan(raw, match.start()):
            continue  # "ดำเนินมาตรการช่วยเหลือ 4 ด้าน ได้แก่ …": a body's actions, no plan's list
        opener = _OPENER.match(raw, unit_end)
        items_start = opener.end() if opener else unit_end
        opened = bool(_HAS_OPENER.search(raw[unit_end:items_start]))
        anchors.append(_Anchor(match.start(), items_start, section, int(match.group("count")), opened))
    for match in LIST_HEADING_PATTERN.finditer(raw):
        opener = _OPENER.match(raw, match.end())
        heading = HEADING_PATTERN.match(raw, match.start())
        if heading and opener and _HAS_OPENER.search(opener.group()):
            anchors.append(_Anchor(match.start(), opener.end(), section_of(heading), None, True))
    return sorted(anchors, key=lambda anchor: anchor.start)


def _names_a_plan(raw: str, position: int) -> bool:
    """Whether the sentence names a plan before ``position`` ("แผน… ประกอบด้วย 3 มาตรการ"):
    measures are a plan's top list only where a plan is spoken of (contract decision 5)."""
    return PLAN_WORD_PATTERN.search(raw, max(0, position - _PLAN_NAMED_REACH), position) is not None


# How far before a count of measures the plan they belong to may be named.
_PLAN_NAMED_REACH = 150


def _past_qualifiers_glued(raw: str, position: int) -> Optional[int]:
    """The end of a unit word with the qualifiers glued to it ("กลยุทธ์สำคัญ"); None when
    other letters are glued to it ("เป้าหมายลดโรค": a phrase, not a count of a list)."""
    end = _past_qualifiers(raw, position)
    if end < len(raw) and re.match(r"[\u0e01-\u0e4e]", raw[end]) and raw[end - 1] != " ":
        return None
    return end


def _unit_section(raw: str, match: re.Match[str], top_level: bool) -> Optional[Section]:
    """The section a count names: its unit's, or for a generic unit the nearest heading
    word of a list before it in the sentence."""
    unit = HEADING_PATTERN.match(match.group("unit"))
    if unit is not None and unit.group() and section_of(unit) in LIST_SECTIONS:
        section: Optional[Section] = section_of(unit)
    else:
        window = raw[max(0, match.start() - _GENERIC_UNIT_WINDOW):match.start()]
        before = [found for found in LIST_HEADING_PATTERN.finditer(window)]
        heading = HEADING_PATTERN.match(window, before[-1].start()) if before else None
        section = section_of(heading) if heading else None
    return _top_level(section) if section is not None and top_level else section


def _top_level(section: Section) -> Section:
    """A list in prose is the plan's top list when it counts tactics or guidelines."""
    return Section.STRATEGY if section in (Section.TACTIC, Section.GUIDELINE) else section


def _numbered_right_after(raw: str, position: int) -> bool:
    return bool(_INLINE_LABEL.match(raw, _skip(raw, position)))
