"""Plans written inside prose: lists inside a sentence, a vision quoted after its word.

``expand`` takes one typed text line and returns the lines it stands for: the content
written on a heading's own line ("พันธกิจ ประกอบด้วย 1.… 2.…") becomes items; a paragraph
that states a list after a heading word ("…ยุทธศาสตร์ทั้ง 9 ยุทธศาสตร์ ได้แก่ 1.… 9.… โดย…")
or quotes its vision ("ตามวิสัยทัศน์ที่ว่า “…”") becomes a heading, the items or the
statement, and an END where the prose resumes, so the section closes again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from .enumerations import Enumeration, find_numbered, find_unnumbered
from .lines import Kind, Label, Line, split_lead_in
from .spanned import SpannedText
from .vocabulary import (
    HEADING_PATTERN,
    LIST_HEADING_PATTERN,
    LIST_SECTIONS,
    PROSE_VISION_PATTERN,
    QUOTED_PATTERN,
    VISION_PATTERN,
    Section,
    section_of,
)

# A list inside prose belongs to the nearest heading word this close before it.
_ANCHOR_WINDOW = 120
# Between two heading words, only a count: "ยุทธศาสตร์ทั้ง 9 ยุทธศาสตร์ ได้แก่".
_ONLY_A_COUNT = re.compile(r"\s*(?:ทั้ง(?:หมด|สิ้น)?|จำนวน|มี)?\s*\d{1,2}\s*")


@dataclass(frozen=True, slots=True)
class _Found:
    """A plan statement found inside a text: where it starts and ends, and its lines."""

    start: int
    end: int
    lines: list[Line]


def expand(line: Line) -> list[Line]:
    """Split lists written inside a text into items, and find a vision quoted in prose.

    The content written on a heading's own line closes the heading's section after it;
    so does every statement found inside prose, which then resumes.
    """
    if line.kind is not Kind.TEXT:
        return [line]
    if line.inline:
        enumeration = find_numbered(line.text.text) or find_unnumbered(line.text.text)
        if enumeration is None:
            return [replace(line, inline=False), _end(line.text)]
        return _list_lines(line, 0, enumeration)
    return _expand_prose(line)


def _list_lines(line: Line, start: int, enumeration: Enumeration) -> list[Line]:
    """An inline list as lines: what its lead-in announces, its items, its end, and
    whatever prose follows it."""
    text = line.text
    intro = text.slice(start, enumeration.start).strip()
    lines: list[Line] = []
    _, announces = split_lead_in(intro)
    if announces is not None:
        lines.append(Line(Kind.LEAD_IN, intro, line.indent, announces=announces))
    for item in enumeration.items:
        label = Label(item.number, "inline")
        lines.append(Line(Kind.ITEM, text.slice(item.start, item.end), line.indent, label))
    lines.append(_end(text.slice(enumeration.items[-1].start, enumeration.end)))
    tail = text.slice(enumeration.end).strip()
    if tail:
        lines += _expand_prose(Line(Kind.TEXT, tail, line.indent, wrapped=line.wrapped))
    return lines


def _end(text: SpannedText) -> Line:
    return Line(Kind.END, text)


def _expand_prose(line: Line) -> list[Line]:
    """Statements of a plan inside a paragraph: a quoted vision after วิสัยทัศน์, a list
    after a heading word. The prose around them stays text."""
    text = line.text.text
    found = sorted(_prose_visions(line) + _prose_lists(line), key=lambda item: item.start)
    if not found:
        return [line]
    lines: list[Line] = []
    position = 0
    for statement in found:
        if statement.start < position:
            continue
        before = line.text.slice(position, statement.start).strip()
        if before:
            lines.append(Line(Kind.TEXT, before, line.indent))
        lines += statement.lines
        position = statement.end
    after = line.text.slice(position).strip()
    if after and position < len(text):
        lines.append(Line(Kind.TEXT, after, line.indent, wrapped=line.wrapped))
    return lines


def _prose_visions(line: Line) -> list[_Found]:
    found = []
    text = line.text
    for match in VISION_PATTERN.finditer(text.text):
        lead = PROSE_VISION_PATTERN.match(text.text, match.end())
        quoted = QUOTED_PATTERN.match(text.text, lead.end()) if lead else None
        if quoted:
            heading = Line(Kind.HEADING, text.slice(match.start(), match.end()), line.indent,
                           sections=(Section.VISION,))
            statement = Line(Kind.TEXT, text.slice(match.end(), quoted.end()), line.indent)
            found.append(_Found(match.start(), quoted.end(),
                                [heading, statement, _end(statement.text)]))
    return found


def _prose_lists(line: Line) -> list[_Found]:
    """Lists in a paragraph, each under the nearest heading word before it."""
    found = []
    text = line.text.text
    if not LIST_HEADING_PATTERN.search(text):
        return found
    anchors = [match for match in HEADING_PATTERN.finditer(text)
               if section_of(match) in LIST_SECTIONS]
    position = 0
    while anchors:
        enumeration = find_numbered(text, position)
        anchor = None
        if enumeration is not None:
            anchor = _nearest_before(anchors, enumeration.start, position)
        if anchor is None:
            unnumbered = _unnumbered_after(anchors, text, position)
            if unnumbered is None:
                if enumeration is None:
                    break
                position = enumeration.end
                continue
            anchor, enumeration = unnumbered
        section = section_of(anchor)
        heading = Line(Kind.HEADING, line.text.slice(anchor.start(), anchor.end()), line.indent,
                       sections=(section,))
        lines = [heading] + _list_lines(replace(line, text=line.text.slice(0, enumeration.end)),
                                        anchor.end(), enumeration)
        found.append(_Found(anchor.start(), enumeration.end, lines))
        position = enumeration.end
    return found


def _nearest_before(anchors: list[re.Match[str]], start: int, floor: int) -> Optional[re.Match[str]]:
    """The heading word a list belongs to: the nearest before it, or the one before
    that when only a count stands between them ("ยุทธศาสตร์ทั้ง 9 ยุทธศาสตร์ ได้แก่")."""
    candidates = [anchor for anchor in anchors
                  if floor <= anchor.start() and anchor.end() <= start <= anchor.end() + _ANCHOR_WINDOW]
    if not candidates:
        return None
    chosen = candidates[-1]
    for earlier in reversed(candidates[:-1]):
        if not _ONLY_A_COUNT.fullmatch(chosen.string, earlier.end(), chosen.start()):
            break
        chosen = earlier
    return chosen




def _unnumbered_after(anchors: list[re.Match[str]], text: str,
                      floor: int) -> Optional[tuple[re.Match[str], Enumeration]]:
    for anchor in anchors:
        if anchor.start() >= floor:
            enumeration = find_unnumbered(text, anchor.end())
            if enumeration is not None:
                return anchor, enumeration
    return None
