"""Logical lines to typed lines: what each line of a plan is, read alone.

A line is read from its start: a numbering label (``1.``, ``(1)``, ``1)``, a bullet), then
a heading word of the vocabulary with what is glued to it and what follows it. The kind
is decided by the ordered rule table ``RULES`` (first match wins): a blank line, a rule
line that footnotes follow, a line that only states the plan's years, a heading word with
its number (an item of that section: ``ยุทธศาสตร์ที่ 1 …``), a strategy's own name
(``ยุทธศาสตร์การพัฒนาด้าน…``), a heading (with its content on its line, if any), a one-line
row of a section the schema does not hold, an item, a lead-in, or text.

Nothing here looks at the lines around: where a line belongs is the assembler's decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional

from .inline import find_numbered, split_items
from .layout import LogicalLine
from .lines import Announcement, Kind, Label, Line
from .spanned import SpannedText, skip_spaces
from .vocabulary import (
    EXAMPLE_MARKERS,
    LEAD_IN_UNITS,
    AMOUNTS_ONLY_PATTERN,
    AMOUNT_PATTERN,
    BULLET_PATTERN,
    CELL_HEADER_PATTERN,
    CHILD_SECTIONS,
    CONJUNCTION_PATTERN,
    CONTENT_SEPARATORS,
    LIST_HEADING_PATTERN,
    DESCRIPTION_PATTERN,
    INLINE_DESCRIPTION_PATTERN,
    EXAMPLE_MARKERS,
    EXAMPLE_PATTERN,
    FIGURE_VERBS,
    HEADING_ORDINAL,
    HEADING_ORDINAL_STEM,
    HEADING_PATTERN,
    HEADING_PREFIX_PATTERN,
    IGNORED_SECTIONS,
    LABEL_PATTERNS,
    LABEL_START_PATTERN,
    LEAD_IN_CLOSERS,
    LEAD_IN_PATTERN,
    LEAD_IN_VERBS,
    LIST_SECTIONS,
    ORDINAL_PATTERN,
    ORGANIZATION_PATTERN,
    PERIOD_ONLY_PATTERN,
    PROVINCE_KIND,
    QUALIFIER_PATTERN,
    REFERENCE_PATTERN,
    RULE_PATTERN,
    SHORT_REFERENCE_PATTERN,
    Section,
    bullet_style,
    section_of,
)

# Sections whose heading word, with its number, makes an item ("ยุทธศาสตร์ที่ 1 …").
_ORDINAL_SECTIONS = LIST_SECTIONS | {Section.GROUP}
_STRATEGY_SECTIONS = frozenset({Section.STRATEGY, Section.PROVINCE_STRATEGY})
# An unnumbered line that starts with a strategy word and runs longer is a sentence.
_MAX_UNNUMBERED_TITLE = 150
# A heading with words of its own runs no longer than this: longer, it is a sentence.
_MAX_WORDED_HEADING = 120
# A line that announces a list ("มีเป้าหมายสูงสุด 2 ด้าน คือ") is this short before its lead-in.
_MAX_ANNOUNCING = 70
# What separates a heading from its content on one line.
_SEPARATOR = re.compile(rf"\s*(?:[:：]|[-–](?=\s)|(?:{LEAD_IN_CLOSERS}|{CONTENT_SEPARATORS})(?=\s|$))\s*")
# "ที่ 1, 2 และ 3", "ที่ 1-3": numbers the ordinal pattern refused, a reference to several.
_CITED_ORDINALS = re.compile(rf"\s*{HEADING_ORDINAL}\s*\d")
# A plan named, a separator, then one of its numbered items: a citation.
_CITATION = re.compile(
    rf"[^:：\n]{{2,80}}?\s*[:：]\s*(?:{LIST_HEADING_PATTERN.pattern})\s*{HEADING_ORDINAL}\s*\d")
# A note in brackets after a heading is not its content: "(จากทั้งหมด 12 ตัวชี้วัด)".
_NOTE = re.compile(r"\([^()]*\)\s*")
# Words of sections the schema does not hold are common nouns too ("หน่วยงานทุกภาคส่วน
# ที่…มีการผนึกกำลัง…"): a heading of theirs with words of its own is short.
_MAX_WORDED_OTHER = 50
# The title written after a heading that closes a part ("ส่วนที่ 3 …") is this short.
_MAX_CLOSING_TITLE = 80
# Verbs that announce a list even without a closing word ("ประกอบด้วย 3 ยุทธศาสตร์"); "มี"
# or "จำนวน" with a count is a figure ("… จำนวน 5 เรื่อง") unless a closer follows.
_LISTING_VERBS = frozenset(LEAD_IN_VERBS.split("|")) - FIGURE_VERBS
# Lead-ins are short: only the end of a text is searched for one.
_LEAD_IN_WINDOW = 120
# Every lead-in ``split_lead_in`` accepts holds one of these words: a closer, an example
# marker or a listing verb ("มี" alone, in most Thai sentences, is none of them).
# ``LEAD_IN_PATTERN`` is all optional, so it matches (emptily) at the end of any text:
# look for a word first.
_LEAD_IN_WORD = re.compile("|".join(sorted(_LISTING_VERBS, key=len, reverse=True))
                           + f"|{LEAD_IN_CLOSERS}|{EXAMPLE_MARKERS}")


# A lead-in ends with its closer, its unit (a qualifier glued to it) or its count: most
# texts end otherwise, and this short search over their end turns them away.
_LEAD_IN_TAIL = re.compile(rf"(?:{LEAD_IN_CLOSERS}|{EXAMPLE_MARKERS}|{LEAD_IN_UNITS}|\d)\S{{0,12}}\s*[:：]?\s*$")
_LEAD_IN_TAIL_WINDOW = 40


# --------------------------------------------------------------------- labels

def read_label(text: str) -> tuple[Optional[Label], int]:
    """The numbering label at the start of ``text`` and where its content starts."""
    if not LABEL_START_PATTERN.match(text):
        return None, 0
    bullet = BULLET_PATTERN.match(text)
    if bullet:
        return Label(None, bullet_style(bullet.group("glyph"))), skip_spaces(text, bullet.end())
    for style, pattern, weak in LABEL_PATTERNS:
        match = pattern.match(text)
        if match:
            if AMOUNT_PATTERN.match(text, match.end()):
                return None, 0  # "2.50 ล้านบาท": an amount
            number = match.group("number") if "number" in pattern.groupindex else None
            return Label(number, style, weak), skip_spaces(text, match.end())
    return None, 0



# ------------------------------------------------------------------- lead-ins

def split_lead_in(text: SpannedText) -> tuple[SpannedText, Optional[Announcement]]:
    """Cut a trailing lead-in off ``text``; return the rest and what it announced."""
    found = _trailing_lead_in(text.text)
    if found is None:
        return text, None
    start, announcement = found
    return text.slice(0, start).strip(), announcement


# The same text is asked about more than once (a line as it is settled, then as an item
# is built from it), and tables repeat their cells: the answers are kept.
@lru_cache(maxsize=8192)
def _trailing_lead_in(text: str) -> Optional[tuple[int, Announcement]]:
    """Where a trailing lead-in starts in ``text``, and what it announces."""
    window_start = max(0, len(text) - _LEAD_IN_WINDOW)
    if not _LEAD_IN_TAIL.search(text, max(0, len(text) - _LEAD_IN_TAIL_WINDOW)) \
            or not _LEAD_IN_WORD.search(text, window_start):
        return None
    match = LEAD_IN_PATTERN.search(text, window_start)
    if not match or not match.group().strip():
        return None
    verb, count, unit, closer = (match.group(name) for name in ("verb", "count", "unit", "closer"))
    if not closer and not (verb and (count or unit) and verb in _LISTING_VERBS):
        return None
    start = match.start()
    if start > 0 and not verb and text[start - 1] not in " " and not closer:
        return None
    section = heading_section(unit) if unit else None
    if section is None and count:
        section = _named_before(text, start)
    examples = bool(EXAMPLE_PATTERN.search(match.group()))
    return start, Announcement(section, int(count) if count else None, examples)


def _named_before(text: str, start: int) -> Optional[Section]:
    """The list a counted lead-in names just before its count: "กำหนดประเด็นการพัฒนาไว้
    2 ประเด็น ประกอบด้วย" announces strategies, as its unit alone does not say."""
    named = None
    for named in LIST_HEADING_PATTERN.finditer(text, max(0, start - _NAMED_BEFORE_REACH), start):
        pass
    return heading_section(named.group()) if named is not None and named.group() else None


# How far before a lead-in's count the name of its list may stand.
_NAMED_BEFORE_REACH = 30


def heading_section(word: str) -> Optional[Section]:
    """The section a heading word (or a lead-in's unit word) names, if any."""
    match = HEADING_PATTERN.match(word)
    return section_of(match) if match and match.group() else None


# ------------------------------------------------------------------- headings

@dataclass(frozen=True, slots=True)
class HeadingWord:
    """A heading word found where a line's content starts, and the phrase it heads."""

    section: Section
    start: int  # where the heading word (or its prefix) starts
    word_end: int  # where the heading word itself ends
    end: int  # where the phrase ends: the word and what is glued to it
    worded: bool  # Thai words glued to it that are not qualifiers
    prefixed: bool = False  # a prefix stands before it ("ตัวอย่าง…")


def read_heading_word(text: str, position: int = 0) -> Optional[HeadingWord]:
    """The heading word at ``position`` (after a prefix such as ตัวอย่าง), if it stands at
    a word boundary; with the phrase glued to it."""
    match = HEADING_PATTERN.match(text, position)
    prefixed = match is None or not match.group()
    if prefixed:
        prefix = HEADING_PREFIX_PATTERN.match(text, position)
        match = HEADING_PATTERN.match(text, prefix.end()) if prefix else None
    if match is None or not match.group():
        return None
    if section_of(match) is Section.CITED and SHORT_REFERENCE_PATTERN.match(text, match.end()):
        return None  # "2. แผนแม่บทฯ มีสาระสำคัญ ดังนี้": the plan the text named, its own
    glued_end = _chunk_end(text, match.end())
    end = _consume_qualifiers(text, match.end(), glued_end)
    worded = end < glued_end
    return HeadingWord(section_of(match), position, match.end(),
                       glued_end if worded else max(end, match.end()), worded, prefixed)


def _chunk_end(text: str, position: int) -> int:
    """Where the run of characters without a space that holds ``position`` ends."""
    space = text.find(" ", position)
    return len(text) if space < 0 else space


def _consume_qualifiers(text: str, position: int, end: int) -> int:
    """How far qualifiers, heading words and organisation names glued at ``position``
    reach, at most to ``end``."""
    while position < end:
        if ORDINAL_PATTERN.match(text, position):
            return end  # "ยุทธศาสตร์ที่1": its number, glued
        found = _glued_word(text, position)
        if found <= position:
            break
        position = found
    return position


def _glued_word(text: str, position: int) -> int:
    """The end of one qualifier, heading word or organisation name at ``position``."""
    for pattern in (QUALIFIER_PATTERN, HEADING_PATTERN):
        match = pattern.match(text, position)
        if match and match.end() > position and match.group().strip():
            return match.end()
    organization = ORGANIZATION_PATTERN.match(text, position)
    if organization and _is_organization_name(organization):
        return organization.end()
    return position


def _is_organization_name(match: re.Match[str]) -> bool:
    """An organisation after a heading: a local government's name, or a real province."""
    if match.group("kind") != PROVINCE_KIND:
        return True
    return match.group("name") in _provinces()


@lru_cache(maxsize=1)
def _provinces() -> frozenset[str]:
    from .metadata import province_names

    return province_names()


@dataclass(frozen=True, slots=True)
class HeadingRest:
    """What follows a heading phrase: other sections it names, where its content starts,
    and what a lead-in that ends the line announces."""

    sections: tuple[Section, ...]
    content_start: int  # len(text) when nothing but qualifiers and a lead-in follow
    announces: Optional[Announcement]
    separated: bool  # a separator (":", คือ, เช่น) stands before the content


def read_heading_rest(text: str, start: int) -> HeadingRest:
    """Skip the qualifiers, other heading words and organisation names after a heading
    phrase; the line's lead-in is cut off first."""
    body, announces = split_lead_in(SpannedText.of_line(text, 1, 1))
    body_text = body.text
    sections: list[Section] = []
    position = start
    while position < len(body_text):
        if body_text[position] == " ":
            position += 1
            continue
        if _NOTE.fullmatch(body_text, position):
            position = len(body_text)
            break
        heading = read_heading_word(body_text, position)
        if heading is not None and (not heading.worded or sections):
            sections.append(heading.section)
            position = heading.end
            continue
        if heading is not None and body_text[position - 1] == " ":
            break  # "ตัวชี้วัด : ระยะเวลาเฉลี่ย…": a phrase of the content starts with a heading word
        found = _glued_word(body_text, position)
        if found > position:
            position = found
            continue
        break
    if position >= len(body_text) or sections:
        # Nothing follows, a note, or the line names several sections: all heading.
        return HeadingRest(tuple(sections), len(text), announces, False)
    separator = _SEPARATOR.match(text, position)
    content_start = separator.end() if separator else position
    return HeadingRest(tuple(sections), content_start, None, separator is not None)


# --------------------------------------------------------------- the rule table

@dataclass(frozen=True, slots=True)
class _Context:
    """One logical line, seen by the rules: its text, label and heading word."""

    line: LogicalLine
    label: Optional[Label]
    body: SpannedText  # the text after the label
    heading: Optional[HeadingWord]

    @property
    def section(self) -> Optional[Section]:
        return self.heading.section if self.heading else None

    def typed(self, kind: Kind, text: Optional[SpannedText] = None, **fields: object) -> Line:
        return Line(kind, self.body if text is None else text, self.line.indent,
                    wrapped=self.line.wrapped, whole=self.line.text, **fields)  # type: ignore[arg-type]


Rule = Callable[[_Context], Optional[list[Line]]]


def _blank(context: _Context) -> Optional[list[Line]]:
    if context.line.blank:
        return [Line(Kind.BLANK, context.line.text, context.line.indent)]
    return None


def _rule_line(context: _Context) -> Optional[list[Line]]:
    if RULE_PATTERN.match(context.line.text.text):
        return [Line(Kind.RULE, context.line.text, context.line.indent)]
    return None


def _cell_header(context: _Context) -> Optional[list[Line]]:
    """"หัวข้อ", "สาระสำคัญ": a table's header cells that say nothing of the plan."""
    if context.label is None and CELL_HEADER_PATTERN.match(context.line.text.text):
        return [Line(Kind.BLANK, context.line.text, context.line.indent)]
    return None


def _period_only(context: _Context) -> Optional[list[Line]]:
    """"(พ.ศ. 2566 - 2570)", "แผนพัฒนาสามปี 2561-2563": the plan's years, not content; a
    plan named by its heading word ("แผนพัฒนาจังหวัดลำปาง (…)") is a heading."""
    if context.label is None and context.heading is None and PERIOD_ONLY_PATTERN.match(context.line.text.text):
        return [Line(Kind.META, context.line.text, context.line.indent)]
    return None


def _amounts_only(context: _Context) -> Optional[list[Line]]:
    """"2.50 ล้านบาท": a budget cell, which no item goes on into; "5 เป้าหมาย": a count
    of a section's items, a summary table's cell."""
    text = context.line.text.text
    if AMOUNTS_ONLY_PATTERN.match(text) or _COUNT_ONLY.match(text):
        return [Line(Kind.META, context.line.text, context.line.indent)]
    return None


def _citation(context: _Context) -> Optional[list[Line]]:
    """"ยุทธศาสตร์จังหวัด : ยุทธศาสตร์ที่ 1 การพัฒนา…": a line that names another plan's
    numbered item, to say how this plan links to it. A row of its own, not a heading."""
    if _CITATION.match(context.body.text):
        return [context.typed(Kind.ANNOTATION, label=context.label, sections=(Section.CITED,))]
    return None


def _ordinal_item(context: _Context) -> Optional[list[Line]]:
    """"ยุทธศาสตร์ที่ 1 : การพัฒนา…", "กลยุทธ์ที่ 2 …", "เป้าหมายที่ ๑ …": an item of the
    section its word names, numbered by the word's own number."""
    heading = context.heading
    if heading is None:
        conjunction = CONJUNCTION_PATTERN.match(context.body.text)
        heading = read_heading_word(context.body.text, conjunction.end()) if conjunction else None
    if heading is None or heading.worded or heading.section not in _ORDINAL_SECTIONS | {Section.SUB}:
        return None
    ordinal = _ordinal_after(context.body.text, heading)
    if not ordinal:
        return None
    if heading.section is Section.SUB:  # "กลยุทธ์ย่อยที่ 1.1 …": a third level, no place (decision 7)
        return [context.typed(Kind.HEADING, context.body.slice(0, ordinal.end()).strip(),
                              sections=(Section.SUB,))]
    if _an_amount(context.body.text[ordinal.end():]):
        return [context.typed(Kind.TEXT, context.line.text)]  # "ประเด็นการพัฒนาที่ 1 วงเงิน 4,120 ล้านบาท"
    number = ordinal.group("number") or ordinal.group("bare")
    label = Label(number, f"ordinal:{heading.section.value}")
    return [context.typed(Kind.ITEM, context.body.slice(ordinal.end()), label=label,
                          sections=(heading.section,))]


def _an_amount(text: str) -> bool:
    """Whether what follows an item's number is a figure, after a word the schema does
    not hold ("วงเงิน 4,120 ล้านบาท"): the item is named for its budget, not stated."""
    text = text.lstrip()
    word = read_heading_word(text)
    rest = text[word.end:] if word is not None and word.section is Section.OTHER else text
    return AMOUNTS_ONLY_PATTERN.match(rest) is not None


def _ordinal_after(text: str, heading: HeadingWord) -> Optional[re.Match[str]]:
    """The number after a heading word, or after the qualifiers glued to it
    ("พันธกิจหลักที่ 1", "ยุทธศาสตร์การพัฒนาที่ 2")."""
    position = heading.word_end
    while True:
        ordinal = ORDINAL_PATTERN.match(text, position)
        if ordinal or position >= heading.end:
            return ordinal
        qualifier = QUALIFIER_PATTERN.match(text, position)
        if not qualifier or qualifier.end() <= position or qualifier.group().strip().startswith(HEADING_ORDINAL_STEM):
            return None
        position = qualifier.end()


def _strategy_name(context: _Context) -> Optional[list[Line]]:
    """"๑. ยุทธศาสตร์สร้างสรรค์การศึกษา": a strategy whose name keeps its own words.

    Without a number, a long line is a sentence about strategies, not a name; so is a
    line that refers to strategies named before ("ยุทธศาสตร์ดังกล่าว…").
    """
    heading = context.heading
    if heading is None or heading.section not in _STRATEGY_SECTIONS or not heading.worded:
        return None
    text = context.body.text
    if REFERENCE_PATTERN.match(text, heading.word_end):
        return [context.typed(Kind.TEXT, context.line.text)]
    if context.label is None and len(text) > _MAX_UNNUMBERED_TITLE:
        return None
    _, announces = split_lead_in(context.body)
    if context.label is None and announces is not None and announces.section not in CHILD_SECTIONS:
        # "ยุทธศาสตร์การพัฒนา… กำหนดไว้ … ดังนี้" announces strategies; a name with its own
        # list announced ("ยุทธศาสตร์ด้าน… ประกอบด้วย 4 แนวทาง ดังนี้") is one.
        return [context.typed(Kind.HEADING, context.body.slice(0, heading.end),
                              label=context.label, sections=(heading.section,),
                              announces=announces, worded=True)]
    return [context.typed(Kind.ITEM, label=context.label, sections=(heading.section,), worded=True)]


# Content that starts by counting the list it leads into: "2 ยุทธศาสตร์ ตามกรอบ … ดังนี้".
_COUNTED_START = re.compile(rf"\s*\d{{1,3}}\s*(?:{LEAD_IN_UNITS})(?![\u0e01-\u0e4e])")
_COUNT_ONLY = re.compile(rf"\s*\d{{1,3}}\s*(?:{LEAD_IN_UNITS})\s*$")
# A count of something that is not a section's items, alone after a heading word:
# "3 ธรรม", "4 ดี" name a framework.
_COUNTED_NAME = re.compile(rf"\d{{1,2}}\s*(?!(?:{LEAD_IN_UNITS}))[\u0e01-\u0e4e]+\s*$")


# Sections whose worded heading under a label is still a heading: "4. โครงการ…" ends the
# plan; "1.4 กรอบยุทธศาสตร์…ในเขตจังหวัดปทุมธานี" (a dotted number: a section's, where
# "(1) ยุทธศาสตร์ชาติด้าน…" is an item) names the plan the lines below cite.
# Each with the longest title it may have.
_NUMBERED_TITLES = {Section.CLOSE: _MAX_WORDED_OTHER, Section.CITED: _MAX_WORDED_HEADING}


def _heading(context: _Context) -> Optional[list[Line]]:
    """A heading word followed by nothing but qualifiers, or by its content.

    A line that names several sections is a heading of them all ("วิสัยทัศน์ พันธกิจ
    และเป้าประสงค์"); content after a heading of a section the schema does not hold
    makes a one-line row (``ANNOTATION``); a numbered or bulleted line whose heading word
    has words of its own is an item that starts with that word ("- โครงการพัฒนา…").
    """
    heading = context.heading
    if heading is None:
        return None
    text = context.body.text
    if REFERENCE_PATTERN.match(text, heading.word_end) or _CITED_ORDINALS.match(text, heading.word_end):
        return None  # "ยุทธศาสตร์ดังกล่าว…", "ยุทธศาสตร์ที่ 1, 2 และ 3 …": strategies named before
    rest = read_heading_rest(text, heading.end)
    sections = (heading.section,) + rest.sections
    has_content = rest.content_start < len(text)
    if heading.worded and context.label is not None and (has_content or rest.announces is None) \
            and not (heading.section in _NUMBERED_TITLES and not has_content
                     and len(text) <= _NUMBERED_TITLES[heading.section]
                     and (heading.section is Section.CLOSE or context.label.style == "dotted")):
        return None  # "- จำนวนกิจกรรมที่…": an item that starts with a heading word
    limit = _MAX_WORDED_OTHER if heading.section is Section.OTHER and not heading.prefixed \
        else _MAX_WORDED_HEADING
    if heading.worded and not has_content and len(text) > limit and not rest.announces:
        return None
    head = context.typed(Kind.HEADING, context.body.slice(0, heading.end), label=context.label,
                         sections=sections, announces=rest.announces, worded=heading.worded)
    if not has_content:
        return [head]
    content = context.body.slice(rest.content_start)
    if heading.section in IGNORED_SECTIONS:
        if heading.section is not Section.OTHER:
            # "ส่วนที่ 3 ยุทธศาสตร์การพัฒนา": a title; a sentence is prose that starts so
            return [head] if len(content.text) <= _MAX_CLOSING_TITLE else None
        if (context.label is not None or heading.worded) and not rest.separated:
            return None  # "(1) นโยบาย กฎหมาย …", "โครงการก่อสร้างถนน … หมู่ที่ 3": a sentence
        return [context.typed(Kind.ANNOTATION, label=context.label, sections=sections)]
    if heading.worded and not rest.separated:
        return None  # a sentence that starts with a heading phrase
    if _COUNTED_NAME.match(content.text):
        return None  # "กรอบแนวทางการพัฒนา 3 ธรรม": the name of a framework, not a list
    label, label_end = read_label(content.text)
    if label is not None and not label.weak and split_items(content.text) is None:
        return [head, context.typed(Kind.ITEM, content.slice(label_end), label=label)]
    _, announces = split_lead_in(context.body)
    if announces is not None and (split_items(content.text) is None or _COUNTED_START.match(content.text)):
        # "ยุทธศาสตร์ (…) จำนวน 3 ยุทธศาสตร์ … ดังนี้": a sentence that introduces the list
        return [context.typed(Kind.HEADING, context.body.slice(0, heading.end), label=context.label,
                              sections=sections, announces=announces, worded=heading.worded)]
    return [head, context.typed(Kind.TEXT, content, inline=True)]


def _item(context: _Context) -> Optional[list[Line]]:
    """A labelled line; one that starts with a grouping word (มิติ…) says so. A row whose
    label cell and first item share the line ("1. การพัฒนา… 1.1 ก่อสร้าง…") is both."""
    if context.label is None:
        return None
    grouping = context.heading is not None and context.section is Section.GROUP
    sections = (Section.GROUP,) if grouping else ()
    label = context.label
    if label.number == "1" and not grouping:
        run_on = find_numbered(context.line.text.text)
        content_start = len(context.line.text.text) - len(context.body.text)
        if run_on is not None and run_on[0].start == content_start:  # "(1) … (2) … (3) …" on one line
            return [context.typed(Kind.ITEM, context.line.text.slice(piece.start, piece.end).strip(),
                                  label=Label(piece.number, label.style)) for piece in run_on]
    child = _first_child(context.body.text, label.number) \
        if label.number is not None and label.style == "dotted" else None
    if child is None:
        return [context.typed(Kind.ITEM, label=label, sections=sections)]
    start, end = child
    return [context.typed(Kind.ITEM, context.body.slice(0, start).strip(), label=label, sections=sections),
            context.typed(Kind.ITEM, context.body.slice(end), label=Label(f"{label.number}.1", "dotted"))]


def _first_child(text: str, number: str) -> Optional[tuple[int, int]]:
    """Where " <number>.1 " stands in ``text`` with text after it, and where that text
    starts. (A search, not a pattern built for each number: a thousand labels would
    each compile one.)"""
    needle = f" {number}.1 "
    at = text.find(needle)
    while at >= 0:
        end = at + len(needle)
        while end < len(text) and text[end] == " ":
            end += 1
        if end < len(text):
            return at, end
        at = text.find(needle, at + 1)
    return None


def _lead_in(context: _Context) -> Optional[list[Line]]:
    """A line that only announces a list: "ประกอบด้วย 2 ตัวชี้วัด ดังนี้", or a short
    sentence that names the list before its count ("มีเป้าหมายสูงสุด 2 ด้าน คือ",
    "รวมทั้งมียุทธศาสตร์การขับเคลื่อน 5 ด้าน ประกอบด้วย")."""
    if context.label is not None:
        return None
    rest, announces = split_lead_in(context.line.text)
    if announces is None:
        return None
    if rest.text:
        named = LIST_HEADING_PATTERN.search(rest.text)
        if len(rest.text) > _MAX_ANNOUNCING or named is None:
            return None
        section = heading_section(rest.text[named.start():])
        count = re.search(r"(\d{1,2})\s*$", rest.text[:named.start()])
        announces = Announcement(section, int(count.group(1)) if count else announces.count,
                                 announces.examples)
    return [Line(Kind.LEAD_IN, context.line.text, context.line.indent, announces=announces)]


def _number_alone(context: _Context) -> Optional[list[Line]]:
    """"1" alone on its line: a row's number in a table's ที่ column, whose cells follow.
    A bare number counts only where it goes on with a list (``Label.weak``)."""
    if _NUMBER_ALONE.match(context.line.text.text):
        number = SpannedText.of_line("", context.line.text.span().start_line, context.line.text.span().end_line)
        return [Line(Kind.ITEM, number, context.line.indent,
                     label=Label(str(int(context.line.text.text)), "bare", weak=True))]
    return None


_NUMBER_ALONE = re.compile(r"\d{1,3}$")


def _text(context: _Context) -> Optional[list[Line]]:
    return [Line(Kind.TEXT, context.line.text, context.line.indent, wrapped=context.line.wrapped)]


# The order is the decision: first match wins.
RULES: tuple[tuple[str, Rule], ...] = (
    ("blank", _blank),
    ("rule_line", _rule_line),
    ("cell_header", _cell_header),
    ("period_only", _period_only),
    ("amounts_only", _amounts_only),
    ("citation", _citation),
    ("ordinal_item", _ordinal_item),
    ("strategy_name", _strategy_name),
    ("heading", _heading),
    ("item", _item),
    ("lead_in", _lead_in),
    ("number_alone", _number_alone),
    ("text", _text),
)


def recognise(line: LogicalLine) -> list[Line]:
    """Type one logical line by the first rule of ``RULES`` that matches it.

    A heading with its content on the same line gives two lines: the heading, then text.
    """
    label, content_start = read_label(line.text.text)
    body = line.text.slice(content_start) if label else line.text
    heading = read_heading_word(body.text) if body.text else None
    context = _Context(line, label, body, heading)
    for _, rule in RULES:
        typed = rule(context)
        if typed is not None:
            if line.page_start:
                typed.insert(0, Line(Kind.PAGE, line.text.slice(0, 0), line.indent))
            return typed
    raise AssertionError("the text rule matches every line")


def strategy_title(text: SpannedText, inline: bool = False) -> SpannedText:
    """A strategy's name without the description that follows it on its line (contract
    decision 8): up to the first description word after a space; in a list inside a
    sentence (``inline``), a word that joins a phrase (โดย…) is still part of the name."""
    description = (INLINE_DESCRIPTION_PATTERN if inline else DESCRIPTION_PATTERN).search(text.text)
    if description and description.start() > 0:
        return text.slice(0, description.start()).strip()
    return text
