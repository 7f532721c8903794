"""Typed lines joined where one goes on from the line above; trailing lead-ins settled.

Whether a line goes on from the one above is decided by the next line's role first,
then by the page: a line that starts with a label, an ordinal (``ยุทธศาสตร์ที่ 2``) or a
heading word and a separator never continues the line above; plain text does when the
line above ran to the right margin, broke a word in two, or is a number alone, and when
it starts with a word that joins it to the line above ("… จารีตประเพณี" / "และภูมิปัญญา…"). A line
read by its first word only (a heading word with words after it) is the next line of a
paragraph that ran to the margin in mid-sentence. A heading broken over lines ("เป้าหมายหลัก"
/ "ของการพัฒนา", "ยุทธศาสตร์/" / "แนวทางการพัฒนา/") is put back together.

An item's next line after a short first line, which the page does not show, is the
assembler's to join: only the list knows that its items are labelled.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Iterable, Iterator, Optional

from .dictionary import is_broken_word
from .lines import Kind, Line
from .recognise import split_lead_in
from .spanned import Joiner, SpannedText
from .vocabulary import (
    CONTINUING_END_PATTERN, CONTINUING_START_PATTERN, QUALIFIER_PATTERN, REPORTED_SPEECH_PATTERN, Section,
)

# Three or more number cells at the end of an item (empty "-" cells among them): a
# table's target or year columns. A range ("ปี 2558 - 2562") is two, and the item's.
_NUMBER_CELLS = re.compile(r"(?:\s+[-–])*(?:\s+\d[\d,.]*%?(?:\s+[-–])*){3,}\s*$")
# Headings that start a line of their own: the end of the plan's part, another body's plan.
_OWN_LINE_SECTIONS = frozenset({Section.CLOSE, Section.CITED, Section.PROVINCE_PLAN, Section.PROVINCE_STRATEGY})
_THAI_START = re.compile(r"[\u0e01-\u0e2e]")
# A heading cell that goes on in the next line: "ยุทธศาสตร์/".
_OPEN_CELL = re.compile(r"/\s*$")


def read_by_neighbours(lines: Iterable[Line]) -> Iterator[Line]:
    """Lines between two items, read by what the items say of them.

    A line of text between a list and a list of the same labels started again at 1 (or
    bullets, the line not hanging under the item above) heads that second list: it names
    a section the vocabulary does not know ("ปัจจัยแห่งความสำเร็จ", "ความเสี่ยงที่อาจเกิด
    ขึ้น"), which ends the first list and holds nothing the schema does (contract decision
    4). A heading of a section the schema does not hold between items n and n+1 of one
    list ends nothing: it is item n's next line ("… และเกิด" / "ประโยชน์สูงสุด" / "3. …").
    """
    before: Optional[Line] = None
    held: Optional[Line] = None
    for line in lines:
        if held is not None and before is not None:
            if _heads_a_restart(before, held, line):
                held = replace(held, kind=Kind.HEADING, sections=(Section.OTHER,))
            elif _interrupts_a_list(before, held, line):
                held = Line(Kind.TEXT, held.whole or held.text, held.indent, wrapped=held.wrapped)
        if held is not None:
            yield held
        before, held = held, line
    if held is not None:
        yield held


def _interrupts_a_list(before: Line, line: Line, after: Line) -> bool:
    if line.kind is not Kind.HEADING or line.label is not None or line.inline \
            or line.section not in (Section.CLOSE, Section.OTHER) \
            or before.kind is not Kind.ITEM or after.kind is not Kind.ITEM:
        return False
    above, below = before.label, after.label
    return above is not None and below is not None and above.number is not None and below.follows(above)


def _heads_a_restart(before: Line, line: Line, after: Line) -> bool:
    if line.kind is not Kind.TEXT or line.inline or before.kind is not Kind.ITEM or after.kind is not Kind.ITEM \
            or not _THAI_START.match(line.text.text):
        return False  # a heading names its section in Thai words; "(Smart City)" goes on
    above, below = before.label, after.label
    if above is None or below is None or below.key != above.key or before.wrapped:
        return False
    if above.number is None:
        # Bullets do not start again: a line at the bullets' own indent, not hanging
        # under the item's text as its next line would, heads the bullets below it.
        if line.indent > before.indent:
            return False
    elif not below.starts or (above.last or 0) < 2:
        return False
    end, text = before.text.text, line.text.text
    return not (CONTINUING_END_PATTERN.search(end) or CONTINUING_START_PATTERN.match(text)
                or is_broken_word(end, text)
                or split_lead_in(line.text)[1] is not None)  # "… ดังนี้": it leads into the list


def fold_continuations(lines: Iterable[Line]) -> Iterator[Line]:
    """Join each line to the line above when it goes on from it (see ``going_on``)."""
    held: Optional[Line] = None  # the last line, which the next may still change
    # Its text once lines are joined to it, built when it is done: joining line by line
    # would copy the paragraph so far at every line.
    joined: Optional[Joiner] = None
    for line in lines:
        if held is not None:
            text = (lambda: (joined.build() if joined is not None else held.text).text)  # noqa: E731
            tail = joined.tail() if joined is not None else held.text.text
            merged = _merged_heading(held, line)
            if merged is not None:
                if joined is not None:
                    held = replace(held, text=joined.build())
                    joined = None
                held = merged
                continue
            part = going_on(held, line, tail, text)
            if part is not None:
                joined = joined if joined is not None else Joiner(held.text)
                joined.append(part, held.wrapped)
                held = replace(held, wrapped=line.wrapped)
                continue
            if joined is not None:
                held = replace(held, text=joined.build())
                joined = None
            yield held
        held = line
    if held is not None:
        yield replace(held, text=joined.build()) if joined is not None else held


def going_on(previous: Line, line: Line, previous_end: str,
             previous_text: Callable[[], str]) -> Optional[SpannedText]:
    """What of ``line`` goes on the line above: its text, its whole line, or None."""
    if previous.kind is Kind.ANNOTATION:
        # A row that ran to the margin goes on below, whatever its next line starts with.
        return (line.whole or line.text) if previous.wrapped and line.label is None \
            and line.kind in (Kind.TEXT, Kind.HEADING) else None
    if previous.kind not in (Kind.ITEM, Kind.TEXT) or previous.inline and previous.kind is Kind.ITEM:
        return None
    if line.kind is Kind.TEXT and not line.inline:
        if previous.kind is Kind.ITEM and not previous_end.strip():
            return line.text  # a number alone, its text below it
        if previous.kind is Kind.ITEM and REPORTED_SPEECH_PATTERN.search(line.text.text):
            return None  # "… กล่าวต่อว่า …": the news again, whatever the item's width
        if previous.wrapped or line.text.text.startswith("(") or CONTINUING_END_PATTERN.search(previous_end) \
                or CONTINUING_START_PATTERN.match(line.text.text) or is_broken_word(previous_end, line.text.text):
            return line.text
        return None
    if previous.kind is Kind.ITEM and line.kind is Kind.HEADING and line.label is None and line.worded \
            and line.whole is not None and CONTINUING_END_PATTERN.search(previous_end) \
            and reads_as_prose(line, previous_text):
        return line.whole  # "… ชุมชนและ" / "สถานที่ที่ได้มาตรฐาน": the item goes on
    if line.kind is Kind.HEADING and line.label is None and not _bare(line) and not _separated(line) \
            and is_broken_word(previous_end, line.text.text):
        return line.whole or line.text  # "… เกิด" / "ประโยชน์สูงสุด": a word runs on into it
    if previous.kind is Kind.TEXT and (previous.wrapped or CONTINUING_END_PATTERN.search(previous_end)) \
            and line.whole is not None and reads_as_prose(line, previous_text):
        return line.whole
    return None


def _bare(line: Line) -> bool:
    """A heading word alone on its line ("ตัวชี้วัด" under "… พึ่งตนเองได้"): the heading,
    whatever word the line above ends with."""
    return not line.worded and (line.whole is None or line.whole.text == line.text.text)


def reads_as_prose(line: Line, previous_text: Callable[[], str]) -> bool:
    """Whether a line that looks like a heading or an item is the next line of the
    paragraph above, which ran to the margin in mid-sentence.

    It is when it was read only by its first words (a strategy's name, or a heading
    word with content and no separator), or when its number goes on from a list written
    inside the paragraph ("… 8. ยุทธศาสตร์… และ" / "9. ยุทธศาสตร์…"), which
    ``previous_text`` gives (it is built only when asked for).
    """
    if line.kind not in (Kind.HEADING, Kind.ITEM) or line.section in _OWN_LINE_SECTIONS:
        return False  # a part that ends the plan's, or another body's plan, starts its own line
    label = line.label
    if label is None:
        return line.worded or line.kind is Kind.HEADING and line.whole is not None \
            and len(line.whole.text) > len(line.text.text) and not _separated(line) \
            and not _qualifiers_only(line.whole.text[len(line.text.text):])  # "พันธกิจ (Mission)"
    last = label.last
    if label.style != "dotted" or label.depth != 1 or last is None or last < 2:
        return False
    return re.search(rf"(?:^|\s){last - 1}\.\s*\S", previous_text()) is not None


def _separated(line: Line) -> bool:
    whole = line.whole.text if line.whole is not None else ""
    rest = whole[len(line.text.text):]
    return bool(re.match(r"\s*[:：]", rest))


def _merged_heading(previous: Line, line: Line) -> Optional[Line]:
    """A heading put back together: a line of qualifiers only below it ("ของการพัฒนา",
    "และค่าเป้าหมาย"), or the next cell of a heading split at "/"."""
    if previous.kind is not Kind.HEADING or previous.inline:
        return None
    if line.kind is Kind.HEADING and line.label is None and _OPEN_CELL.search(previous.text.text):
        return replace(previous, text=previous.text.join(line.text), sections=previous.sections + line.sections)
    if line.kind is Kind.TEXT and line.label is None and _qualifiers_only(line.text.text):
        return replace(previous, text=previous.text.join(line.text))
    return None


def _qualifiers_only(text: str) -> bool:
    position = 0
    while position < len(text):
        match = QUALIFIER_PATTERN.match(text, position)
        if not match or match.end() <= position:
            return False
        position = match.end()
    return bool(text.strip())


def settle(line: Line) -> Line:
    """Cut a trailing lead-in off an item or text and record what it announces; cut the
    cells of a table's number columns off an item ("... (ร้อยละ) 5 5 5 5")."""
    if line.kind not in (Kind.ITEM, Kind.TEXT) or line.inline:
        return line
    if line.kind is Kind.ITEM:
        cells = _NUMBER_CELLS.search(line.text.text)
        if cells and cells.start() > 0:
            line = replace(line, text=line.text.slice(0, cells.start()).strip())
    text, announces = split_lead_in(line.text)
    if announces is None:
        return line
    if line.kind is Kind.TEXT and not text:
        return replace(line, kind=Kind.LEAD_IN, announces=announces)
    return replace(line, text=text, announces=announces)
