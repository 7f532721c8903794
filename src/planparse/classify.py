"""Logical lines to typed lines: what each line of a plan is.

Three passes, each a pure function over the whole list:

1. ``recognise`` types each line alone by the ordered rule table ``RULES`` (first match
   wins): blank, a line that only states the plan's years, a heading, a list item,
   or plain text.
2. ``fold_continuations`` joins plain text to the item or text right above it: a line
   that starts no item and no heading continues the one before.
3. ``settle`` cuts trailing lead-ins ("ประกอบด้วย 6 แนวทางการพัฒนา ดังนี้") off the folded
   text and keeps what they announce.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum
from functools import lru_cache
from typing import Callable, Optional

from .layout import LogicalLine
from .spanned import SpannedText
from .vocabulary import (
    HEADING_PATTERN,
    HEADING_SECTIONS,
    LABEL_PATTERNS,
    LEAD_IN_PATTERN,
    ORDINAL_PATTERN,
    ORGANIZATION_PATTERN,
    PERIOD_ONLY_PATTERN,
    QUALIFIER_PATTERN,
    Section,
)
from .vocabulary import LEAD_IN_VERBS

# Lead-ins are short: only the end of a text is searched for one.
_LEAD_IN_WINDOW = 120
_STARTS_WITH_LEAD_IN = re.compile(rf"\s*(?:{LEAD_IN_VERBS}|คือ|ได้แก่|ว่า|ที่ว่า|:)")
# Sections a heading word turns into a numbered item ("ยุทธศาสตร์ที่ 1 : ...").
_ORDINAL_SECTIONS = frozenset(
    {Section.MISSION, Section.GOAL, Section.PLAN_GOAL, Section.STRATEGY,
     Section.PROVINCE_STRATEGY, Section.GUIDELINE, Section.INDICATOR, Section.TACTIC}
)
_STRATEGY_SECTIONS = frozenset({Section.STRATEGY, Section.PROVINCE_STRATEGY})
# Sections whose heading word may be followed by its content on the same line.
_INLINE_SECTIONS = frozenset(
    {Section.VISION, Section.MISSION, Section.GOAL, Section.PLAN_GOAL,
     Section.GUIDELINE, Section.INDICATOR, Section.TACTIC}
)


class Kind(Enum):
    BLANK = "blank"
    META = "meta"  # only the plan's years ("ปี 2556 - 2561"): not content
    HEADING = "heading"  # opens one or more sections
    ITEM = "item"  # a numbered or bulleted entry, or a numbered heading word
    TEXT = "text"  # anything else: content, prose, or a continuation
    LEAD_IN = "lead_in"  # only announces what follows ("ประกอบด้วย 3 ด้าน ดังนี้")


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Announcement:
    """What a lead-in announces: which list follows, and how many items it declares."""

    section: Optional[Section]
    count: Optional[int]


@dataclass(frozen=True)
class Line:
    """A typed line (or several folded together) with its content and provenance."""

    kind: Kind
    text: SpannedText
    indent: int = 0
    label: Optional[Label] = None
    sections: tuple[Section, ...] = ()
    announces: Optional[Announcement] = None

    @property
    def section(self) -> Optional[Section]:
        return self.sections[0] if self.sections else None


# ---------------------------------------------------------------------------- labels

def read_label(text: str) -> tuple[Optional[Label], int]:
    """The numbering label at the start of ``text`` and where its content starts."""
    for style, pattern, weak in LABEL_PATTERNS:
        match = pattern.match(text)
        if match:
            number = match.groupdict().get("number")
            end = match.end()
            while end < len(text) and text[end] == " ":
                end += 1
            return Label(number, style, weak), end
    return None, 0


# ------------------------------------------------------------------------- lead-ins

def split_lead_in(text: SpannedText) -> tuple[SpannedText, Optional[Announcement]]:
    """Cut a trailing lead-in off ``text``; return the rest and what it announced."""
    window_start = max(0, len(text.text) - _LEAD_IN_WINDOW)
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
    return HEADING_SECTIONS[_group_index(match)] if match else None


def _group_index(match: re.Match[str]) -> int:
    return int(match.lastgroup[1:]) if match.lastgroup else 0


# ------------------------------------------------------------------ heading words

@dataclass(frozen=True)
class _HeadingRest:
    """What follows a heading word: other sections named, and where content starts."""

    sections: tuple[Section, ...]
    content_start: int  # index into the text; len(text) when only qualifiers follow
    announces: Optional[Announcement]


def _read_heading_rest(text: str, start: int) -> _HeadingRest:
    """Skip the qualifiers, other heading words and organisation names after a heading."""
    body, announces = _strip_lead_in_str(text, start)
    sections: list[Section] = []
    position = start
    while position < len(body):
        heading = HEADING_PATTERN.match(body, position)
        if heading and heading.end() > position:
            sections.append(HEADING_SECTIONS[_group_index(heading)])
            position = heading.end()
            continue
        organization = ORGANIZATION_PATTERN.match(body, position)
        if organization and _is_organization_name(organization):
            position = organization.end()
            continue
        qualifier = QUALIFIER_PATTERN.match(body, position)
        if qualifier and qualifier.end() > position:
            position = qualifier.end()
            continue
        break
    if position >= len(body):
        position = len(text)
    return _HeadingRest(tuple(sections), position, announces if position == len(text) else None)


def _strip_lead_in_str(text: str, start: int) -> tuple[str, Optional[Announcement]]:
    rest, announces = split_lead_in(SpannedText.of_line(text[start:], 1, 1))
    if announces is None:
        return text, None
    return text[:start] + rest.text, announces


def _is_organization_name(match: re.Match[str]) -> bool:
    """An organisation after a heading: a local government's name, or a real province."""
    if match.group("kind") != "จังหวัด":
        return True
    return match.group("name") in _provinces()


@lru_cache(maxsize=1)
def _provinces() -> frozenset[str]:
    from .metadata import province_names

    return province_names()


# ------------------------------------------------------------------- the rule table

@dataclass(frozen=True)
class _Context:
    """One logical line, seen by the rules: its text, label and heading word."""

    line: LogicalLine
    label: Optional[Label]
    body: SpannedText  # the text after the label
    heading: Optional[re.Match[str]]

    @property
    def section(self) -> Optional[Section]:
        return HEADING_SECTIONS[_group_index(self.heading)] if self.heading else None


Rule = Callable[[_Context], Optional[list[Line]]]


def _blank(context: _Context) -> Optional[list[Line]]:
    if context.line.blank:
        return [Line(Kind.BLANK, context.line.text, context.line.indent)]
    return None


def _period_only(context: _Context) -> Optional[list[Line]]:
    if context.label is None and PERIOD_ONLY_PATTERN.match(context.line.text.text):
        return [Line(Kind.META, context.line.text, context.line.indent)]
    return None


def _numbered_heading_word(context: _Context) -> Optional[list[Line]]:
    """"ยุทธศาสตร์ที่ 1 : การพัฒนา...", "พันธกิจที่ 2 ...": an item of that section."""
    if context.heading is None or context.section not in _ORDINAL_SECTIONS:
        return None
    ordinal = ORDINAL_PATTERN.match(context.body.text, context.heading.end())
    if not ordinal:
        return None
    label = Label(ordinal.group("number"), "ordinal")
    return [Line(Kind.ITEM, context.body.slice(ordinal.end()), context.line.indent, label,
                 (context.section,))]


def _heading(context: _Context) -> Optional[list[Line]]:
    """A heading word followed by nothing but qualifiers, or by its content."""
    if context.heading is None:
        return None
    text = context.body.text
    rest = _read_heading_rest(text, context.heading.end())
    sections = (context.section,) + rest.sections
    heading = Line(Kind.HEADING, context.body.slice(0, context.heading.end()),
                   context.line.indent, context.label, sections, rest.announces)
    if rest.content_start >= len(text):
        return [heading]
    content = context.body.slice(rest.content_start)
    leads_in = _STARTS_WITH_LEAD_IN.match(content.text)
    if context.section in _STRATEGY_SECTIONS and not leads_in:
        return None  # a strategy's own name: "ยุทธศาสตร์การพัฒนาด้าน..."
    if context.label is None and (context.section in _INLINE_SECTIONS or leads_in):
        return [heading, Line(Kind.TEXT, content, context.line.indent)]
    return None


def _strategy_title(context: _Context) -> Optional[list[Line]]:
    """"๑. ยุทธศาสตร์สร้างสรรค์การศึกษา": a strategy whose name keeps its own words."""
    if context.section not in _STRATEGY_SECTIONS:
        return None
    return [Line(Kind.ITEM, context.body, context.line.indent, context.label, (context.section,))]


def _item(context: _Context) -> Optional[list[Line]]:
    if context.label is None:
        return None
    return [Line(Kind.ITEM, context.body, context.line.indent, context.label)]


def _text(context: _Context) -> Optional[list[Line]]:
    return [Line(Kind.TEXT, context.line.text, context.line.indent)]


# The order is the decision: first match wins.
RULES: tuple[tuple[str, Rule], ...] = (
    ("blank", _blank),
    ("period_only", _period_only),
    ("numbered_heading_word", _numbered_heading_word),
    ("heading", _heading),
    ("strategy_title", _strategy_title),
    ("item", _item),
    ("text", _text),
)


def recognise(line: LogicalLine) -> list[Line]:
    """Type one logical line by the first rule of ``RULES`` that matches it.

    A heading with its content on the same line gives two lines: the heading, then text.
    """
    label, content_start = read_label(line.text.text)
    body = line.text.slice(content_start) if label else line.text
    heading = HEADING_PATTERN.match(body.text)
    if heading is not None and not heading.group():
        heading = None
    context = _Context(line, label, body, heading)
    for _, rule in RULES:
        typed = rule(context)
        if typed is not None:
            return typed
    raise AssertionError("the text rule matches every line")


# ------------------------------------------------------------- folding and settling

def fold_continuations(lines: list[Line]) -> list[Line]:
    """Join each plain text line to the item or text line directly above it."""
    folded: list[Line] = []
    for line in lines:
        previous = folded[-1] if folded else None
        if (line.kind is Kind.TEXT and previous is not None
                and previous.kind in (Kind.ITEM, Kind.TEXT)):
            folded[-1] = replace(previous, text=previous.text.join(line.text))
        else:
            folded.append(line)
    return folded


def settle(line: Line) -> Line:
    """Cut a trailing lead-in off an item or text and record what it announces."""
    if line.kind not in (Kind.ITEM, Kind.TEXT):
        return line
    text, announces = split_lead_in(line.text)
    if announces is None:
        return line
    if line.kind is Kind.TEXT and not text:
        return replace(line, kind=Kind.LEAD_IN, announces=announces)
    return replace(line, text=text, announces=announces)


def classify(lines: list[LogicalLine]) -> list[Line]:
    """Typed lines for a document's logical lines."""
    recognised = [typed for line in lines for typed in recognise(line)]
    return [settle(line) for line in fold_continuations(recognised)]
