"""The typed line: what recognise.py makes of a logical line, and what assemble.py builds from.

A line of a plan is read once, alone: its numbering label, the section its heading word
names, what a lead-in at its end announces. Where it belongs is decided later, by the
open containers of the assembler, which see the lines around it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Optional

from .spanned import SpannedText
from .vocabulary import Section


class Kind(Enum):
    BLANK = "blank"
    PAGE = "page"  # a page starts: footnotes of the page above are over
    RULE = "rule"  # a rule line (____): footnotes follow until the page ends
    META = "meta"  # only the plan's years ("ปี 2556 - 2561"): not content
    HEADING = "heading"  # opens one or more sections
    ANNOTATION = "annotation"  # a section the schema does not hold, with its content on its line
    ITEM = "item"  # a numbered or bulleted entry, or a heading word with its number
    TEXT = "text"  # anything else: content, prose, a continuation
    LEAD_IN = "lead_in"  # only announces what follows ("ประกอบด้วย 3 ด้าน ดังนี้")


@dataclass(frozen=True, slots=True)
class Label:
    """A numbering label: its number in Arabic digits (None for a bullet) and its style.

    Two labels are of one list when their ``style`` is equal: "dotted" labels of one
    depth, "(1)", "1)", one bullet glyph, or one heading word with its number
    ("ordinal:strategy" for ยุทธศาสตร์ที่ N). A ``weak`` label (a bare number) counts only
    where it goes on with a list.
    """

    number: Optional[str]
    style: str
    weak: bool = False

    @property
    def depth(self) -> int:
        return self.number.count(".") + 1 if self.number and self.style == "dotted" else 1

    @property
    def last(self) -> Optional[int]:
        return int(self.number.rsplit(".", 1)[-1]) if self.number else None

    @property
    def key(self) -> str:
        """What labels of one list share: the style, and for dotted labels the depth."""
        return f"{self.style}{self.depth}" if self.style == "dotted" else self.style

    def follows(self, other: Label) -> bool:
        """Whether this label is the next one after ``other`` in the same list."""
        if self.key != other.key:
            return False
        if self.number is None or other.number is None:
            return self.number is None and other.number is None
        if self.style == "dotted" and "." in self.number and \
                self.number.rsplit(".", 1)[0] != other.number.rsplit(".", 1)[0]:
            return False
        return self.last == (other.last or 0) + 1

    @property
    def starts(self) -> bool:
        """Whether a list may start with this label: a bullet, or the number 1."""
        return self.number is None or self.last == 1


@dataclass(frozen=True, slots=True)
class Announcement:
    """What a lead-in announces: which list follows, how many items, or only examples."""

    section: Optional[Section]
    count: Optional[int]
    examples: bool = False


@dataclass(frozen=True, slots=True)
class Line:
    """A typed line (or several joined together) with its content and provenance."""

    kind: Kind
    text: SpannedText
    indent: int = 0
    label: Optional[Label] = None
    sections: tuple[Section, ...] = ()
    announces: Optional[Announcement] = None
    wrapped: bool = False  # its last line ran to the right margin
    inline: bool = False  # the content of the heading before it, written on its line
    # A heading whose words go on past its heading word ("ตัวชี้วัดผลการดำเนินงานหลัก"),
    # or an item whose heading word is followed by a name of its own.
    worded: bool = False
    # The whole logical line, for a line read by how it starts (a heading word with words
    # after it, a number): inside a paragraph that ran to the margin, it may be the
    # paragraph's next line instead.
    whole: Optional[SpannedText] = None

    @property
    def section(self) -> Optional[Section]:
        return self.sections[0] if self.sections else None
