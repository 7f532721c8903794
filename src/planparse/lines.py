"""The typed line: what classify.py makes of the text and assemble.py builds from.

Also the two readings every later stage shares: a numbering label at the start of a
line, and a lead-in at the end of one ("ประกอบด้วย 6 แนวทางการพัฒนา ดังนี้").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Optional

from .spanned import SpannedText
from .vocabulary import (
    HEADING_PATTERN,
    LABEL_PATTERNS,
    LABEL_START_PATTERN,
    LEAD_IN_CLOSERS,
    LEAD_IN_PATTERN,
    LEAD_IN_VERBS,
    Section,
    section_of,
)

# Lead-ins are short: only the end of a text is searched for one.
_LEAD_IN_WINDOW = 120
# Every lead-in ``split_lead_in`` accepts holds one of these words. ``LEAD_IN_PATTERN`` is
# all optional, so it matches (emptily) at the end of any text: look for a word first.
_LEAD_IN_WORD = re.compile(f"{LEAD_IN_VERBS}|{LEAD_IN_CLOSERS}")


class Kind(Enum):
    BLANK = "blank"
    META = "meta"  # only the plan's years ("ปี 2556 - 2561"): not content
    HEADING = "heading"  # opens one or more sections
    ITEM = "item"  # a numbered or bulleted entry, or a numbered heading word
    TEXT = "text"  # anything else: content, prose, or a continuation
    LEAD_IN = "lead_in"  # only announces what follows ("ประกอบด้วย 3 ด้าน ดังนี้")
    END = "end"  # a list written inside a sentence is over: close its section


@dataclass(frozen=True, slots=True)
class Label:
    """A numbering label: its number in Arabic digits (None for a bullet) and shape."""

    number: Optional[str]
    style: str
    weak: bool = False

    @property
    def depth(self) -> int:
        return self.number.count(".") + 1 if self.number else 1

    @property
    def last(self) -> Optional[int]:
        return int(self.number.rsplit(".", 1)[-1]) if self.number else None


@dataclass(frozen=True, slots=True)
class Announcement:
    """What a lead-in announces: which list follows, and how many items it declares."""

    section: Optional[Section]
    count: Optional[int]


@dataclass(frozen=True, slots=True)
class Line:
    """A typed line (or several folded together) with its content and provenance."""

    kind: Kind
    text: SpannedText
    indent: int = 0
    label: Optional[Label] = None
    sections: tuple[Section, ...] = ()
    announces: Optional[Announcement] = None
    wrapped: bool = False  # its last line ran to the right margin
    inline: bool = False  # the content of the heading before it, written on its line
    # The whole logical line, kept for lines recognised only by how they start (a heading
    # word with words after it, a strategy's name, a number): inside a paragraph that ran
    # to the margin, such a line may be the paragraph's next line instead.
    whole: Optional[SpannedText] = None

    @property
    def section(self) -> Optional[Section]:
        return self.sections[0] if self.sections else None


def read_label(text: str) -> tuple[Optional[Label], int]:
    """The numbering label at the start of ``text`` and where its content starts."""
    if not LABEL_START_PATTERN.match(text):
        return None, 0
    for style, pattern, weak in LABEL_PATTERNS:
        match = pattern.match(text)
        if match:
            number = match.groupdict().get("number")
            end = match.end()
            while end < len(text) and text[end] == " ":
                end += 1
            return Label(number, style, weak), end
    return None, 0


def split_lead_in(text: SpannedText) -> tuple[SpannedText, Optional[Announcement]]:
    """Cut a trailing lead-in off ``text``; return the rest and what it announced."""
    window_start = max(0, len(text.text) - _LEAD_IN_WINDOW)
    if not _LEAD_IN_WORD.search(text.text, window_start):
        return text, None
    match = LEAD_IN_PATTERN.search(text.text, window_start)
    if not match or not match.group().strip():
        return text, None
    verb, count, unit, closer = (match.group(name) for name in ("verb", "count", "unit", "closer"))
    if not closer and not (verb and (count or unit)) and verb not in ("ประกอบด้วย", "ได้แก่"):
        return text, None
    start = match.start()
    if start > 0 and not verb and text.text[start - 1] not in " " and not closer:
        return text, None
    section = heading_section(unit) if unit else None
    return text.slice(0, start).strip(), Announcement(section, int(count) if count else None)


def heading_section(word: str) -> Optional[Section]:
    """The section a heading word (or a lead-in's unit word) names, if any."""
    match = HEADING_PATTERN.match(word)
    return section_of(match) if match else None
