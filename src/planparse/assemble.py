"""Typed lines to the document tree, with a stack of open containers.

Each container knows what it may hold (commonmark.py's blocks): the plan as a whole
(``Root``), the vision, a list of missions or goals, the list of strategies, one strategy,
a list under a strategy, a section the schema does not hold. A heading pops the stack
until a container that can hold its section is on top, then pushes its own; an item or a
text goes to the innermost container that takes it, and each container it is refused by
closes. The section a heading opens and where it may stand is one table, ``_OPENS``.

**Numbering.** Every container keeps the numbering levels of the lists it holds. A
labelled line first looks, from the innermost container out, for the level it goes on
(``1.`` after ``3.``'s sibling ``2.``, a bullet after a bullet of its kind): what was opened
since that level's last item is closed. A new style under an item is a level below it; a
list written again from 1 is a new list. The frame around a plan (a cabinet item's
``1. 2. 3.``) is the plan's own outer numbering: an item that goes on with it closes the
plan part it enclosed, and is prose, not a plan item.

**Tables flattened one cell a line.** Header cells of child lists that stand alone before
the first row (``เป้าประสงค์ / ตัวชี้วัด / แนวทาง…``) give the columns; each row's cells (one
unlabelled line, or a run of labelled items) then fill them in order.

Each list as stated is kept apart (a "statement"); ``merge_statements`` keeps the fuller
of two statements of one list (contract: "When a list is stated twice").
"""

from __future__ import annotations

import itertools

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import Any, Callable, Iterable, Optional, TypeVar, Union

from .diagnostics import warning
from .inline import Piece, find_child_list, find_statements, split_items
from .lines import Announcement, Kind, Label, Line
from .model import Item, Organization, Span, Strategy, TextBlock, Warning
from .normalize import collapse_spaces
from .recognise import read_label, split_lead_in, strategy_title
from .spanned import SpannedText
from .vocabulary import (
    CHILD_SECTIONS,
    CITED_PLAN_PATTERN,
    FOOTNOTE_MARKER_PATTERN,
    GOAL_SECTIONS,
    IGNORED_SECTIONS,
    QUOTED_PATTERN,
    QUOTES,
    PARAGRAPH_OPENER_PATTERN,
    REPORTED_SPEECH_PATTERN,
    PART_WORDS,
    PROVINCE_KIND,
    Section,
)

# Where a strategy's child list goes in the model; aims are goals where no goal list
# stands beside them (contract decision 3).
_CHILD_FIELDS = {
    Section.GUIDELINE: "guidelines",
    Section.GOAL: "goals",
    Section.AIM: "goals",
    Section.INDICATOR: "indicators",
    Section.TACTIC: "tactics",
}
_PLAN_LISTS = frozenset({Section.MISSION}) | GOAL_SECTIONS
# A part of the document, whose title follows on the next line.
_PART = re.compile(rf"{PART_WORDS}\s*\d+\s*$")
# A line alone under a heading, this short, with items below it, is a lead the items
# share ("พัฒนาและส่งเสริม" over a list of objects: contract decision 15).
_MAX_LEAD_FRAGMENT = 30
# Two statements are one list when this share of the shorter one's entries match.
_SAME_LIST_SHARE = 0.6
_SAME_ENTRY_RATIO = 0.75
# An entry this long at least that starts another is the other restated.
_MIN_RESTATED = 12
# Restatements are looked for among lists sharing this many first or last characters.
_KEY_CHARS = 6


def _family(section: Optional[Section]) -> Optional[Section]:
    """Goals and aims at plan level are one family each: what a list of them may hold."""
    return {Section.PLAN_GOAL: Section.GOAL, Section.PLAN_AIM: Section.AIM}.get(section, section)  # type: ignore[arg-type]


# ---------------------------------------------------------------- containers

@dataclass
class Level:
    """A numbering level: the last label of a list, and whether headings or items made it."""

    label: Label
    headings: bool


@dataclass(eq=False)
class Container:
    """An open part of the document; ``take`` answers whether it takes a line."""

    levels: list[Level] = field(default_factory=list, init=False)

    def holds(self, section: Section) -> bool:
        """Whether a heading of ``section`` opens inside this container."""
        return False

    def take(self, line: Line, assembler: Assembler) -> bool:
        return line.kind in (Kind.BLANK, Kind.META, Kind.ANNOTATION)

    def fill(self, text: SpannedText) -> None:
        """Give the text of a number that stood alone (see ``Assembler._awaits_text``)."""

    def close(self, assembler: Assembler) -> None:
        pass


# A line this many times as wide as the short name above it (a few words, at most this
# many characters) is a paragraph explaining it.
_EXPLAINING_FACTOR = 2
_SHORT_NAME = 30


@dataclass(eq=False)
class Root(Container):
    """The plan as a whole. Its numbering levels are the frame around the plan; its items
    and text are prose, where a plan may still be stated (``find_statements``)."""

    def holds(self, section: Section) -> bool:
        return True

    def take(self, line: Line, assembler: Assembler) -> bool:
        if line.kind is Kind.ITEM:
            section = assembler.resolve(line.section)
            ordinal = line.label is not None and line.label.style.startswith("ordinal")
            if (section is Section.STRATEGY or section is Section.GROUP and ordinal or (
                    section in (Section.TACTIC, Section.GUIDELINE) and assembler.no_strategies)) \
                    and assembler.open(StrategyList(section or Section.STRATEGY), line):
                return True
            if section in _PLAN_LISTS and ordinal and assembler.open(ItemList(section), line):
                return True
            self.levels.append(Level(line.label, False)) if line.label else None
            assembler.prose(line)
        elif line.kind is Kind.TEXT:
            vision = assembler.vision
            assembler.prose(line)
            announced = assembler.resolve(line.announces.section) if line.announces is not None else None
            counted = announced in _OPENS and line.announces is not None and line.announces.count is not None
            cited = counted and CITED_PLAN_PATTERN.search(line.text.text) is not None
            if announced is not None and counted and (cited or assembler.vision is not vision) \
                    and assembler.no_strategies:
                # "… มีวิสัยทัศน์ “…” และได้กำหนดประเด็นการพัฒนาไว้ 2 ประเด็น ประกอบด้วย": the
                # body that states the vision counts the list below, another body's where the
                # sentence names that plan. A sentence stating no vision may count anyone's
                # list ("…นโยบายของกระทรวง… ซึ่งกำหนดยุทธศาสตร์ไว้ 3 ด้าน ได้แก่").
                assembler.heading(Line(Kind.HEADING, line.text, line.indent,
                                       sections=(Section.CITED if cited else announced,),
                                       announces=line.announces))
                if isinstance(assembler.top, Ignored):
                    assembler.top.stated_in_prose = True
        elif line.kind is Kind.LEAD_IN and line.announces is not None:
            section = assembler.resolve(line.announces.section)
            if section is not None and section in _OPENS:
                assembler.heading(Line(Kind.HEADING, line.text, line.indent, sections=(section,),
                                       announces=line.announces))
        return True


@dataclass(eq=False)
class Vision(Container):
    """The vision section. Its statement is the first text in it, unless a quoted one
    follows: an introduction often stands before the quote. ``then`` are the sections a
    combined heading named next ("วิสัยทัศน์/พันธกิจ"): items after the statement are theirs."""

    then: tuple[Section, ...] = ()
    statement: Optional[TextBlock] = None
    quoted: bool = False

    def take(self, line: Line, assembler: Assembler) -> bool:
        if line.kind is Kind.TEXT:
            quoted = any(quote in line.text.text for quote in QUOTES)
            if self.statement is not None and not quoted and find_statements(line.text):
                return False  # prose after the statement that states more of the plan
            if not self.quoted and (self.statement is None or quoted):
                self.statement, self.quoted = vision_statement(line.text), quoted
            return True
        if line.kind is Kind.ITEM and self.statement is not None:
            following = next((assembler.resolve(section) for section in self.then
                              if assembler.resolve(section) in _PLAN_LISTS | {Section.STRATEGY}), None)
            if following is not None:
                frame = StrategyList() if following is Section.STRATEGY else ItemList(following)
                return assembler.replace_top(frame, line)
        return super().take(line, assembler)

    def close(self, assembler: Assembler) -> None:
        if assembler.vision is None and self.statement is not None:
            assembler.vision = self.statement


@dataclass(eq=False)
class Ignored(Container):
    """A section the schema does not hold (แผนงาน, SWOT …): its lines go nowhere.

    In a section that cites another body's plan (ยุทธศาสตร์ชาติ, the province's framework)
    even "ยุทธศาสตร์ที่ 1 …" is that plan's, not this one's (contract decision 2).
    """

    section: Section = Section.OTHER
    # A part of the document ("ส่วนที่ 3") takes the heading right after it as its title.
    awaits_title: bool = False
    # Opened by a numbered heading ("1.2 แผนพัฒนาจังหวัดลำปาง"): another body's plan holds
    # the headings under it (its vision too), numbered ones only below its own number.
    number: Optional[str] = None
    # A part whose title ends the plan (ส่วนที่ 4 การนำแผน…ไปสู่การปฏิบัติ) holds all of it,
    # headings too, up to the next part.
    closed_part: bool = False
    # Opened by a sentence that counts another body's list: it holds that list, and the
    # next paragraph after it is the text again.
    stated_in_prose: bool = False

    def holds(self, section: Section) -> bool:
        return self.awaits_title or (self.closed_part or self.number is not None and self.section is Section.CITED) \
            and section is not Section.CLOSE

    def outside(self, line: Line) -> bool:
        """Whether a numbered heading stands outside the cited plan ("2.2" after "1.1")."""
        label = line.label
        return self.number is not None and label is not None and label.number is not None \
            and not label.number.startswith(self.number + ".")

    def take(self, line: Line, assembler: Assembler) -> bool:
        if self.stated_in_prose and line.kind is Kind.TEXT and self.levels:
            return False
        if self.section is Section.SUB and line.kind is Kind.ITEM and line.section is not None:
            return False  # a third level holds its own lines: an item its heading word names ends it
        if line.kind is Kind.HEADING:  # the part's title, or a heading the section holds
            if self.awaits_title and assembler.resolve(line.section) is Section.CLOSE:
                self.closed_part = True
            self.awaits_title = False
            return True
        if line.kind is not Kind.BLANK:
            self.awaits_title = False
        if line.kind is Kind.ITEM and self.section is not Section.CITED:
            hint = assembler.resolve(line.section)
            if hint is Section.STRATEGY and not assembler.out_of_sequence(line):
                return False
            if self.section in (Section.OTHER, Section.SUB) and hint in CHILD_SECTIONS:
                return False  # the next item of a list the strategy holds
        if line.kind is Kind.ITEM and line.label is not None:
            # Its own lists' numbering, so that their next items stay in it.
            if not any(level.label.key == line.label.key for level in self.levels):
                self.levels.append(Level(line.label, False))
        if line.kind is Kind.LEAD_IN and self.section is not Section.CITED and line.announces is not None:
            announced = assembler.resolve(line.announces.section)
            if announced is not None and announced not in (Section.OTHER, Section.CLOSE, Section.CITED):
                return False
        return True


@dataclass(eq=False)
class ItemList(Container):
    """A list of missions or goals, the plan's or a strategy's.

    Items are its labelled lines of one style; a line of another style under an item is
    a third level, which has no place (contract decision 7), unless a table gives that
    level a column of its own. Unlabelled text goes on the item above it, or, in a list
    without labels, is an item itself. In a table row (``cell``) the list is one cell: a
    list written again from 1, or a line of text, is the next cell.
    """

    section: Section = Section.MISSION
    strategy: Optional[StrategyFrame] = None
    declared: Optional[int] = None
    examples: bool = False
    heading_span: Optional[Span] = None
    cell: bool = False
    items: list[Line] = field(default_factory=list)
    style: Optional[str] = None
    lead: Optional[Line] = None  # a short line under the heading, not yet an item
    split_inline: bool = False  # its items were written on one line
    after_blank: bool = False  # a blank line stands after its last item
    explained: bool = False  # its items are names, each with a paragraph under it

    def holds(self, section: Section) -> bool:
        # A third level under its items (กลยุทธ์ย่อย); their numbering goes on after it.
        return section is Section.SUB and bool(self.items)

    def take(self, line: Line, assembler: Assembler) -> bool:
        if line.kind is Kind.BLANK:
            self.after_blank = bool(self.items)
            return True
        if line.kind is Kind.ITEM:
            self.after_blank = False
            return self._item(line, assembler)
        if line.kind is Kind.TEXT:
            return self._text(line, assembler)
        if line.kind is Kind.LEAD_IN and line.announces is not None:
            announced = assembler.resolve(line.announces.section)
            if announced is not None and _family(announced) != _family(self.section) and announced in _OPENS:
                return False
            if not self.items:
                self.declared = line.announces.count
                self.examples = line.announces.examples
            return True
        return super().take(line, assembler)

    def _item(self, line: Line, assembler: Assembler) -> bool:
        hint = assembler.resolve(line.section)
        if hint is not None and line.label is not None and line.label.style.startswith("ordinal") \
                and _family(hint) != _family(self.section):
            return False
        if hint in (Section.STRATEGY, Section.GROUP):
            return False
        label = line.label
        assert label is not None
        if self.split_inline and label.style != "inline":
            return False  # the list was written on its heading's line
        if self.style is None or label.style == "inline":
            self.style = self.style or label.key
            self.levels = [Level(label, False)]
            self.lead = None
            return self._add(line, assembler)
        if label.key == self.style:
            own = self.levels[0].label if self.levels else None
            restarted = own is not None and not label.follows(own) and _restarts(label, self.items)
            if restarted and self.cell:
                return False  # written again from 1: the next cell
            if restarted:  # the list stated again: a statement of its own (a restatement)
                return assembler.replace_top(ItemList(section=self.section, strategy=self.strategy), line)
            self.levels[:] = [Level(label, False)]
            return self._add(line, assembler)
        own = self.levels[0].label if self.levels else None
        if own is not None and _continues_ordinal(label, own):
            # "เป้าประสงค์ 1. …" then "2. …": the numbers go on without the heading word
            self.style = label.key
            self.levels[:] = [Level(label, False)]
            return self._add(line, assembler)
        # A level below the last item.
        if not any(level.label.key == label.key for level in self.levels):
            self.levels.append(Level(label, False))
        if self.strategy is not None:
            nested = self.strategy.nested_kind(self.section, len(self.levels) - 1, assembler)
            if nested is not None:
                self.strategy.child(nested).append(line)
        return True

    def _text(self, line: Line, assembler: Assembler) -> bool:
        if line.inline:
            self._inline(line, assembler)
            return True
        if self.split_inline:
            return False
        if self.cell and self.items:
            # In a table, a paragraph under an item's name explains it (contract decision
            # 8); after unlabelled text, a line of text is the next cell.
            return self.items[-1].label is not None
        if self.items and self.items[-1].label is not None:
            if not self.items[-1].text.text.strip():
                self.fill(line.text)  # a number alone, its text below it
                return True
            if self.after_blank or _opens_prose(line.text.text):
                return False  # a paragraph of its own: the prose resumes after the list
            last = self.items[-1]
            if self.explained or _explains(last, line):
                # a paragraph under a short name explains it (decision 8); once one does,
                # the list is written so: the next names' paragraphs do as well
                self.explained = True
                return True
            self.items[-1] = _joined(last, line)
            return True
        if self.items and _opens_prose(line.text.text):
            return False  # "นอกจากนี้ อธิบดี…": the prose again, not the next unlabelled item
        if not self.items and self.lead is None and self._stated_in(line, assembler):
            return True
        if not self.items and self.lead is None and len(line.text.text) <= _MAX_LEAD_FRAGMENT:
            self.lead = line
            return True
        if self.lead is not None:
            self.items.append(self.lead)
            self.lead = None
        return self._add(line, assembler)

    def _stated_in(self, line: Line, assembler: Assembler) -> bool:
        """Whether a paragraph under the heading states the list in a sentence of its own
        ("เทศบาลได้กำหนดพันธกิจไว้ 4 ประการ คือ (1) … (2) …"): its items are the list's."""
        found = find_statements(line.text, line.indent)
        for index, statement in enumerate(found):
            if statement.kind is Kind.HEADING and assembler.resolve(statement.section) is self.section:
                items = list(itertools.takewhile(lambda item: item.kind is Kind.ITEM, found[index + 1:]))
                if not items:
                    return False
                if self.declared is None and statement.announces is not None:
                    self.declared, self.examples = statement.announces.count, statement.announces.examples
                self.split_inline = True
                for item in items:
                    self._add(item, assembler)
                return True
        return False

    def _inline(self, line: Line, assembler: Assembler) -> None:
        """Content written on the heading's own line: its items, or one statement."""
        pieces = split_items(line.text.text, self.declared)
        if pieces is None:
            self._add(line, assembler)
            return
        self.split_inline = True
        for piece in pieces:
            self._add(_piece_line(line, piece), assembler)

    def fill(self, text: SpannedText) -> None:
        last = self.items[-1]
        self.items[-1] = _joined(last, Line(Kind.TEXT, text))

    def _add(self, line: Line, assembler: Assembler) -> bool:
        if line.text.text.strip() or line.label is not None:
            self.items.append(line)
            self.after_blank = False
        return True

    def close(self, assembler: Assembler) -> None:
        if self.strategy is not None and self.levels and self.levels[0].label.number is not None:
            # The strategy keeps the list's numbers: a table's header repeated on the next
            # page closes the list, and its next row goes on with them there.
            self.strategy.levels[:] = self.levels[:1]
        if self.lead is not None and not self.items:
            self.items.append(self.lead)
        items = [item for item in self.items if item.text.text.strip()]
        assembler.check_count(self.section, self.declared, self.examples, len(items), self.heading_span)
        if self.strategy is not None:
            self.strategy.children.setdefault(_family(self.section), []).extend(items)  # type: ignore[arg-type]
        else:
            assembler.keep(_family(self.section), [_to_item(line) for line in items])  # type: ignore[arg-type]


@dataclass(eq=False)
class StrategyList(Container):
    """The plan's top list: its strategies, or tactics or guidelines where nothing stands
    above them (contract decision 5). Rows that group them (มิติ) are not strategies,
    unless nothing is grouped under them (decision 16)."""

    kind: Section = Section.STRATEGY
    declared: Optional[int] = None
    examples: bool = False
    heading_span: Optional[Span] = None
    columns: list[Section] = field(default_factory=list)
    # The columns of the table its last strategy was written in: a header given once
    # holds for the strategies below it.
    table: list[Section] = field(default_factory=list)
    entries: list[Strategy] = field(default_factory=list)
    started: int = 0
    style: Optional[str] = None
    open_group: Optional[Strategy] = None  # a group row with nothing under it yet
    split_inline: bool = False  # its strategies were written on one line: a summary

    def holds(self, section: Section) -> bool:
        # Header cells of a flattened table stand before the first row.
        return not self.started and (section in CHILD_SECTIONS or section in (
            Section.STRATEGY, Section.GROUP, Section.OTHER))

    def header_cell(self, line: Line) -> None:
        section = line.section
        if section is not None and section not in (self.kind, Section.STRATEGY, Section.GROUP, Section.OTHER):
            self.columns.append(section)
        elif section is Section.OTHER:
            self.columns.append(section)

    def take(self, line: Line, assembler: Assembler) -> bool:
        if line.kind in (Kind.ITEM, Kind.TEXT) and self.split_inline:
            return False  # written on its heading's line: what follows is not its
        if line.kind is Kind.ITEM:
            hint = assembler.resolve(line.section)
            label = line.label
            key = label.key if label is not None else None
            if hint is Section.GROUP:
                self._level(label)
                self.started += 1
                return assembler.open(StrategyFrame(title=line, group=True), None)
            is_strategy = hint in (Section.STRATEGY, self.kind) or key == "inline" or (
                hint is None and (self.style is None or key == self.style))
            if not is_strategy:
                return hint not in CHILD_SECTIONS
            if self._restarted(label):  # the list stated again without a heading of its own
                return assembler.replace_top(StrategyList(kind=self.kind), line)
            self.style = self.style or key
            self._level(label)
            self.started += 1
            if self.open_group is not None:
                self.open_group = None  # it groups this one: not a strategy itself
            frame = StrategyFrame.of(line, assembler)
            frame.columns = frame.columns or list(self.table)  # the table goes on row by row
            assembler.push(frame)
            return True
        if line.kind is Kind.TEXT and line.inline:
            pieces = split_items(line.text.text, self.declared) or [Piece(0, len(line.text.text), None)]
            for piece in pieces:
                self.take(_piece_line(line, piece), assembler)
                assembler.pop()
            self.split_inline = len(pieces) > 1
            return True
        if line.kind is Kind.LEAD_IN and line.announces is not None:
            if not self.started:
                self.declared, self.examples = line.announces.count, line.announces.examples
            return True
        return line.kind in (Kind.TEXT, Kind.BLANK, Kind.META, Kind.ANNOTATION)

    def _restarted(self, label: Optional[Label]) -> bool:
        """Whether ``label`` is a 1 of the list's own numbers after two strategies at least."""
        if label is None or label.number is None or not label.starts or self.started < 2:
            return False
        return any(level.label.key == label.key for level in self.levels)

    def _level(self, label: Optional[Label]) -> None:
        if label is None or label.style == "inline":
            return
        if not any(level.label.key == label.key for level in self.levels):
            self.levels.append(Level(label, False))

    def add(self, strategy: Strategy, group: bool) -> None:
        if self.open_group is not None:
            self.entries.append(self.open_group)  # nothing was grouped under it
            self.open_group = None
        if group:
            self.open_group = strategy
        else:
            self.entries.append(strategy)

    def close(self, assembler: Assembler) -> None:
        if self.open_group is not None:
            self.entries.append(self.open_group)
            self.open_group = None
        assembler.check_count(Section.STRATEGY, self.declared, self.examples, len(self.entries),
                              self.heading_span)
        assembler.keep(Section.STRATEGY, self.entries)


@dataclass(eq=False)
class StrategyFrame(Container):
    """One strategy: its title, and the lists under it.

    A child list is opened by its heading, by a lead-in that announces it, by an item
    whose heading word names it ("กลยุทธ์ที่ 1"), or, for labelled lines with no heading,
    it is the strategy's guidelines (contract decision 6), or the next column of a table.
    """

    title: Optional[Line] = None
    group: bool = False
    children: dict[Section, list[Line]] = field(default_factory=dict)
    columns: list[Section] = field(default_factory=list)
    column: int = 0
    next_child: Optional[Section] = None
    next_declared: Optional[int] = None
    next_examples: bool = False
    title_text: Optional[SpannedText] = None
    explained: bool = False  # a paragraph stood under its title
    table_first: bool = False  # its table's header stood right under its title

    @classmethod
    def of(cls, line: Line, assembler: Assembler) -> StrategyFrame:
        """A strategy from its title line, with the list its lead-in announces ("…
        ประกอบด้วย 3 แนวทางการพัฒนา ดังนี้"), or the list the line itself goes on to state."""
        listed = find_child_list(line.text.text) if line.kind is Kind.ITEM else None
        if listed is not None:
            frame = cls(title=replace(line, text=line.text.slice(0, listed.start).strip()))
            items = [_piece_line(line, piece) for piece in listed.items]
            frame.child(listed.section).extend(items)
            assembler.check_count(listed.section, listed.count, False, len(items), line.text.span())
            return frame
        frame = cls(title=line)
        if line.announces is not None:
            announced = assembler.resolve(line.announces.section)
            frame.next_child = announced if announced in CHILD_SECTIONS else None
            frame.next_declared, frame.next_examples = line.announces.count, line.announces.examples
        return frame

    def holds(self, section: Section) -> bool:
        # A group row's own lists (มิติที่ 1 … / แนวทางการดำเนินงาน …) make it a strategy,
        # unless a strategy comes under it after all (contract decision 16).
        return section in CHILD_SECTIONS or section is Section.OTHER

    def list_frame(self, assembler: Assembler) -> Optional[StrategyList]:
        return next((frame for frame in reversed(assembler.stack) if isinstance(frame, StrategyList)), None)

    def take(self, line: Line, assembler: Assembler) -> bool:
        listing = self.list_frame(assembler)
        if line.kind is Kind.ITEM:
            hint = assembler.resolve(line.section)
            inline = line.label is not None and line.label.style == "inline"
            if self.group or hint in (Section.STRATEGY, Section.GROUP, Section.MISSION) or (
                    listing is not None and hint == listing.kind) or inline:
                return False  # the next strategy, a group row, a mission: not this one's
            kind = hint if hint in CHILD_SECTIONS else self._next_kind(listing)
            return assembler.open(self._child_list(kind, assembler), line)
        if line.kind is Kind.TEXT:
            columns = self._columns(listing)
            if columns and not line.inline and self.column < len(columns):
                kind = columns[self.column]
                self.column += 1
                self.child(kind).append(line)
                return True
            if self._title_goes_on(line):
                assert self.title is not None
                self.title = _joined(self.title, line)
                return True
            self.explained = True
            return True  # a paragraph that explains the strategy
        if line.kind is Kind.LEAD_IN and line.announces is not None:
            announced = assembler.resolve(line.announces.section)
            if announced in CHILD_SECTIONS:
                self.next_child = announced
            self.next_declared, self.next_examples = line.announces.count, line.announces.examples
            return True
        return super().take(line, assembler)

    def _title_goes_on(self, line: Line) -> bool:
        """Whether a line of text right under the title is the rest of a title wrapped
        in a long text ("ยุทธศาสตร์ที่ 1 การปรับปรุงกฎหมาย…โดยไม่เป็นธรรม" / "ระหว่างเพศ"):
        shorter than the title's line, and not a sentence of its own. A paragraph that
        explains the strategy is longer, or starts as a sentence does."""
        title = self.title
        if title is None or self.children or self.explained or self.title_text is not None or line.inline:
            return False
        text, title_text = line.text.text, title.text.text
        return len(title_text) >= _MIN_WRAPPED_TITLE and len(text) < min(len(title_text), _MAX_TITLE_TAIL) \
            and not text.startswith("(") and not _opens_prose(text)

    def _columns(self, listing: Optional[StrategyList]) -> list[Section]:
        return self.columns or (listing.columns if listing is not None else [])

    def _next_kind(self, listing: Optional[StrategyList]) -> Section:
        columns = self._columns(listing)
        if columns and self.column < len(columns):
            kind = columns[self.column]
            self.column += 1
            return kind
        return self.next_child or Section.GUIDELINE

    def _child_list(self, kind: Section, assembler: Assembler) -> ItemList:
        declared = self.next_declared if self.next_child in (None, kind) else None
        frame = ItemList(section=kind, strategy=self, declared=declared, examples=self.next_examples,
                         cell=bool(self.columns or (self.list_frame(assembler) or StrategyList()).columns))
        self.next_declared = None
        return frame

    def nested_kind(self, section: Section, depth: int, assembler: Assembler) -> Optional[Section]:
        """The list a level below an item of ``section`` goes to: the next column of a
        table, when it holds another kind (contract decision 13); otherwise none."""
        columns = self._columns(self.list_frame(assembler))
        if section not in columns:
            return None
        index = columns.index(section) + depth
        if index < len(columns) and _family(columns[index]) != _family(section):
            return columns[index]
        return None

    def fill(self, text: SpannedText) -> None:
        self.title_text = text

    def child(self, section: Section) -> list[Line]:
        """The lines of the strategy's list of ``section`` (its aims with its goals)."""
        return self.children.setdefault(_family(section) or section, [])

    def start_table(self, columns: list[Section]) -> None:
        self.columns = columns
        self.column = 0
        # A header right under the title is the form every strategy below follows.
        self.table_first = not self.children and not self.explained

    def close(self, assembler: Assembler) -> None:
        listing = self.list_frame(assembler)
        if listing is None or self.title is None:
            return
        # The title's line without its lead-in, and a goal it goes on to state.
        named = split_lead_in(self.title.text)[0] if self.title_text is None else None
        goal_start, goal = _goal_stated_in(named, self.title.indent) if named is not None else (None, [])
        if named is not None and goal_start is not None:
            named = named.slice(0, goal_start).strip()
        title, span = self._title(named)
        if not title:
            return
        listing.table = self.columns if self.table_first else []
        if not self.children.get(Section.GOAL) and not self.children.get(Section.AIM):
            self.child(Section.AIM).extend(goal)
        children = _strategy_children(self.children)
        number = self.title.label.number if self.title.label else None
        built = Strategy(number=number, title=title, span=span, **children)
        listing.add(built, self.group)

    def _title(self, named: Optional[SpannedText]) -> tuple[str, Span]:
        """The strategy's name: from the line under a number alone, or from ``named``,
        its title's line without its lead-in (and without a goal it states)."""
        assert self.title is not None
        if named is None:
            assert self.title_text is not None
            first = self.title.text.span().start_line
            title = strategy_title(self.title_text)
            return _clean(title.text), Span(start_line=min(first, title.span().start_line),
                                            end_line=title.span().end_line)
        inline = self.title.label is not None and self.title.label.style == "inline"
        title = strategy_title(named, inline)  # a name runs on into a description
        return _clean(title.text), title.span()


def _goal_stated_in(named: SpannedText, indent: int) -> tuple[Optional[int], list[Line]]:
    """A goal a strategy's title line goes on to state ("… มีเป้าหมายให้ประชาชนมีรายได้เพิ่มขึ้น
    มีแนวทางการพัฒนา ดังนี้", contract decision 3): where it starts in ``named``, and its line."""
    found = find_statements(named, indent)
    for statement, following in zip(found, found[1:]):
        if statement.kind is Kind.HEADING and statement.section is Section.AIM and following.kind is Kind.ITEM:
            start = named.text.find(statement.text.text)
            return (start if start > 0 else None), [replace(following, label=None)]
    return None, []


def _strategy_children(children: dict[Section, list[Line]]) -> dict[str, list[Item]]:
    """The four lists of a strategy; aims are its goals only where it has no goal list."""
    built: dict[str, list[Item]] = {name: [] for name in ("guidelines", "goals", "indicators", "tactics")}
    goals = children.get(Section.GOAL) or children.get(Section.AIM) or []
    for section, lines in children.items():
        if section in (Section.GOAL, Section.AIM) or section not in _CHILD_FIELDS:
            continue  # goals below; a column the schema does not hold
        built[_CHILD_FIELDS[section]] += [_to_item(line) for line in lines if line.text.text.strip()]
    built["goals"] = [_to_item(line) for line in goals if line.text.text.strip()]
    return built


# What a heading of each section opens, and which container must hold it.
_Opener = Callable[[Line, "Assembler"], Container]


def _open_item_list(line: Line, assembler: Assembler) -> Container:
    section = assembler.resolve(line.section)
    assert section is not None
    strategy = assembler.top if isinstance(assembler.top, StrategyFrame) else None
    if strategy is not None:
        return strategy._child_list(section, assembler)
    announces = line.announces or Announcement(None, None)
    return ItemList(section=section, declared=announces.count, examples=announces.examples,
                    heading_span=line.text.span())


def _open_strategy_list(line: Line, assembler: Assembler) -> Container:
    section = assembler.resolve(line.section)
    announces = line.announces or Announcement(None, None)
    kind = section if section in (Section.TACTIC, Section.GUIDELINE) else Section.STRATEGY
    return StrategyList(kind=kind, declared=announces.count, examples=announces.examples,
                        heading_span=line.text.span())


def _open_vision(line: Line, assembler: Assembler) -> Container:
    return Vision(then=line.sections[1:])


# A title wrapped to a second line is at least this long on its first, and the rest of
# it at most as long as the second.
_MIN_WRAPPED_TITLE = 50
_MAX_TITLE_TAIL = 60
# A table's header cell is at most this long.
_MAX_HEADER_CELL = 20


def _open_ignored(line: Line, assembler: Assembler) -> Container:
    section = assembler.resolve(line.section) or Section.OTHER
    return Ignored(section=section, awaits_title=_PART.match(line.text.text) is not None,
                   number=line.label.number if line.label is not None else None)


_OPENS: dict[Section, _Opener] = {
    Section.VISION: _open_vision,
    Section.MISSION: _open_item_list,
    Section.GOAL: _open_item_list,
    Section.PLAN_GOAL: _open_item_list,
    Section.AIM: _open_item_list,
    Section.PLAN_AIM: _open_item_list,
    Section.STRATEGY: _open_strategy_list,
    Section.GUIDELINE: _open_item_list,
    Section.INDICATOR: _open_item_list,
    Section.TACTIC: _open_item_list,
    Section.GROUP: _open_ignored,
    Section.OTHER: _open_ignored,
    Section.CLOSE: _open_ignored,
    Section.CITED: _open_ignored,
    Section.SUB: _open_ignored,
}
# Sections that only a strategy holds as its own lists; at plan level they are ignored
# (plan-level indicators have no field: contract decision 4), or are the top list.
_STRATEGY_ONLY = frozenset({Section.GUIDELINE, Section.INDICATOR, Section.TACTIC})


# ------------------------------------------------------------------ assembler

@dataclass
class Draft:
    """What the assembler built; ``parse`` turns it into the model."""

    vision: Optional[TextBlock] = None
    missions: list[Item] = field(default_factory=list)
    goals: list[Item] = field(default_factory=list)
    strategies: list[Strategy] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)


@dataclass
class RepeatedHeader:
    """A table's header row, which a table that runs over pages repeats at the top of each
    page: the repeat is passed over, so that the table goes on as one.

    The header is the last run of two or more headings before content; at a page's top,
    headings found in it, in its order, are its repeat.
    """

    header: list[str] = field(default_factory=list)
    run: list[str] = field(default_factory=list)  # headings since the last content
    matched: Optional[int] = None  # at a page's top: how much of the header has repeated

    def page(self) -> None:
        self.matched = 0 if self.header else None

    def repeats(self, line: Line) -> bool:
        """Whether ``line`` is the header's repeat; keeps track of headings and content."""
        if line.kind is Kind.HEADING:
            text = collapse_spaces(line.text.text)
            if self.matched is not None:
                rest = self.header[self.matched:]
                if text in rest:
                    self.matched += rest.index(text) + 1
                    return True
                self.matched = None
            self.run.append(text)
        elif line.kind in (Kind.ITEM, Kind.TEXT, Kind.ANNOTATION, Kind.LEAD_IN):
            self.matched = None
            if len(self.run) >= 2:
                self.header = self.run
            self.run = []
        return False


class Assembler:
    """Feeds typed lines through a stack of open containers into a ``Draft``."""

    def __init__(self, organization: Optional[Organization] = None) -> None:
        self.stack: list[Container] = [Root()]
        self.vision: Optional[TextBlock] = None
        self.statements: dict[Section, list[list[Any]]] = defaultdict(list)
        self.warnings: list[Warning] = []
        # Only a local government's plan cites its province's plan and strategies; in a
        # text whose plan is a province's, a committee's or no named body's they are its own.
        self.province_plan = organization is None or organization.kind in (PROVINCE_KIND, None)
        self.footnotes = False  # after a rule line, until the page ends
        self.under_rule = False  # no line but blanks since the rule line
        self.measures_lead = False  # the plan's top list is its measures (มาตรการที่ 1 …)
        self.header = RepeatedHeader()
        self.last: Optional[Line] = None  # the line fed before this one
        self._skip_inline = False  # the content of a heading passed over

    @property
    def top(self) -> Container:
        return self.stack[-1]

    @property
    def no_strategies(self) -> bool:
        return not self.statements[Section.STRATEGY] and not any(
            isinstance(frame, StrategyList) for frame in self.stack)

    def feed(self, lines: Iterable[Line]) -> Draft:
        for line in lines:
            self.line(line)
        while len(self.stack) > 1:
            self.pop()
        return Draft(self.vision, merge_statements(self.statements[Section.MISSION], self.warnings),
                     self._plan_goals(), merge_statements(self.statements[Section.STRATEGY], self.warnings),
                     self.warnings)

    def _plan_goals(self) -> list[Item]:
        """The plan's goals: its เป้าประสงค์, or its เป้าหมาย where it states none."""
        section = Section.GOAL if self.statements[Section.GOAL] else Section.AIM
        return merge_statements(self.statements[section], self.warnings)

    # ----------------------------------------------------------------- lines

    def line(self, line: Line) -> None:
        if line.kind is Kind.PAGE:
            self.footnotes = False
            self.header.page()
            return
        if self.footnotes:
            under_rule, self.under_rule = self.under_rule, self.under_rule and line.kind is Kind.BLANK
            if not (under_rule and _ends_footnotes(line)):
                return
            self.footnotes = False
        if line.kind is Kind.RULE:
            self.footnotes = self.under_rule = True
            return
        if self.header.repeats(line):
            return
        if line.label is not None and line.label.style != "inline" and line.kind in (
                Kind.ITEM, Kind.HEADING, Kind.ANNOTATION) and not _is_citation(line):
            line = self._number(line)  # (a citation's numbers are its own list's)
        if self._skip_inline:
            self._skip_inline = False
            if line.inline:
                return
        announced = self.resolve(line.announces.section) if line.announces is not None else None
        if self._awaits_text(line):
            self.top.fill(line.whole or line.text)
        elif line.kind in (Kind.TEXT, Kind.LEAD_IN) and announced in IGNORED_SECTIONS \
                or self._frame_resumes(line, announced):
            # "… เสนอโครงการเพิ่มเติม 3 โครงการ ได้แก่": the list it leads into is not the plan's
            if line.kind is Kind.TEXT:
                self.line(replace(line, announces=None))
            self.heading(Line(Kind.HEADING, line.text, line.indent, sections=(announced or Section.OTHER,),
                              announces=line.announces))
        elif line.kind is Kind.HEADING:
            if not self._header_run(line):
                self.heading(line)
        else:
            while not self.top.take(line, self):
                self.pop()
        self.last = line

    def _frame_resumes(self, line: Line, announced: Optional[Section]) -> bool:
        """Whether a sentence of prose that leads into a list it does not name comes
        after a strategy's own lists ("ทั้งนี้ ที่ประชุมได้มอบหมาย… ดังนี้"): the text
        around the plan goes on, and its list (what was assigned, the next steps) is
        not the strategy's. Before any list of its own it is (contract decision 6)."""
        top = self.top
        if line.kind is not Kind.TEXT or line.announces is None or announced is not None:
            return False
        strategy = top.strategy if isinstance(top, ItemList) else top
        if not isinstance(strategy, StrategyFrame):
            return False
        return any(strategy.children.values()) or isinstance(top, ItemList) and bool(top.items)

    def _number(self, line: Line) -> Line:
        """Close what was opened since the level ``line`` goes on; a bare number that
        goes on with no list is text ("ปีละ" / "5 ครั้ง")."""
        label = line.label
        assert label is not None
        for depth in range(len(self.stack) - 1, -1, -1):
            frame = self.stack[depth]
            for index in range(len(frame.levels) - 1, -1, -1):
                level = frame.levels[index]
                if not _goes_on(label, level, line, frame):
                    continue
                while len(self.stack) > depth + 1:
                    self.pop()
                style = level.label.style if label.weak else label.style
                frame.levels[index + 1:] = []
                frame.levels[index] = Level(Label(label.number, style), level.headings)
                if isinstance(frame, Root) and line.kind is Kind.ITEM:
                    return Line(Kind.TEXT, line.text, line.indent)  # the frame's own item
                return line if not label.weak else Line(
                    line.kind, line.text, line.indent, Label(label.number, style), line.sections,
                    line.announces, line.wrapped, line.inline, line.worded)
        if label.weak and not label.starts:
            number = SpannedText.of_line(label.number or "", line.text.span().start_line,
                                         line.text.span().start_line)
            return Line(Kind.TEXT, number.join(line.text), line.indent)
        if line.kind is Kind.HEADING:
            holder = self._holder(self.resolve(line.section))
            holder.levels.append(Level(label, True))
        return line

    def _holder(self, section: Optional[Section]) -> Container:
        return next(frame for frame in reversed(self.stack)
                    if section is not None and frame.holds(section) or isinstance(frame, Root))

    def _awaits_text(self, line: Line) -> bool:
        """Whether ``line`` is the text of a number that stood alone on the line above
        ("ยุทธศาสตร์ที่ 6" / "มาตรการภาษี …"), whatever its first word reads as."""
        top = self.top
        awaiting = (isinstance(top, StrategyFrame) and top.title is not None and top.title_text is None
                    and not top.title.text.text.strip()) or (
            isinstance(top, ItemList) and bool(top.items) and top.items[-1].label is not None
            and not top.items[-1].text.text.strip())
        return (awaiting and line.label is None and not line.inline
                and line.kind in (Kind.TEXT, Kind.HEADING, Kind.ANNOTATION)
                and (line.kind is not Kind.HEADING or line.section in (Section.OTHER, Section.CLOSE, Section.GROUP)))

    def _header_run(self, line: Line) -> bool:
        """The header cells of a flattened table: a second bare heading of a child list
        (or of a column the schema does not hold) right after an empty one starts them
        ("กลยุทธ์" / "แนวทางการขับเคลื่อน", "กลยุทธ์" / "หน่วยงานที่เกี่ยวข้อง"); each
        further one right after them is the next column."""
        previous, top = self.last, self.top
        section = self.resolve(line.section)
        if previous is None or previous.kind is not Kind.HEADING or line.label is not None or section is None \
                or (section not in CHILD_SECTIONS and section is not Section.OTHER):
            return False
        if isinstance(top, StrategyFrame) and top.columns and not top.column and not top.children:
            top.columns.append(section)
            return True
        if not isinstance(top, ItemList) or top.strategy is None or top.items or top.lead is not None:
            return False
        strategy = top.strategy
        self.stack.pop()
        strategy.start_table([top.section, section])
        return True

    def heading(self, line: Line) -> None:
        previous = self.last
        if line.section is Section.MEASURE and previous is not None and previous.kind is Kind.HEADING:
            # "นโยบายหลัก" / "มาตรการ/ผลการดำเนินงาน": a table's column beside another's
            self.heading(replace(line, sections=(Section.OTHER,)))
            return
        section = self.resolve(line.section)
        if section is None:
            return
        if section in (Section.AIM, Section.PLAN_AIM) and line.label is None and self._under_a_header_cell() \
                and not self._in_strategy():
            section = Section.OTHER  # "การดำเนินงาน" / "เป้าหมาย": the targets of what the table lists
        if section is Section.CITED and self.last is None and line.label is None and line.announces is None:
            return  # "แผนแม่บทการเกษตร (พ.ศ. 2566 - 2570)" atop the text: its own plan's title
        top = self.top
        if isinstance(top, StrategyList) and not top.started and top.holds(section):
            top.header_cell(line)
            return
        if section is Section.MISSION and self._in_strategy():
            self._skip_inline = True  # "พันธกิจ …" in a strategy's block: the mission it serves
            return
        if section in _STRATEGY_ONLY and not self._in_strategy():
            if section is Section.INDICATOR or not self.no_strategies:
                section = Section.CLOSE  # plan-level indicators have no field: left out
            else:
                section = Section.STRATEGY
        while not self.top.holds(section) or isinstance(self.top, Ignored) and self.top.outside(line):
            self.pop()
        if isinstance(self.top, Ignored):  # a part's title, or a heading of the plan it cites
            self.top.take(line, self)
            return
        frame = _OPENS[section](line, self)
        if isinstance(frame, ItemList) and frame.heading_span is None:
            frame.heading_span = line.text.span()
            announces = line.announces
            if announces is not None and frame.declared is None:
                frame.declared, frame.examples = announces.count, announces.examples
        self.push(frame)

    def _under_a_header_cell(self) -> bool:
        """Whether the line above is a table's first header cell, a word or two that
        names no part of a plan ("การดำเนินงาน"): เป้าหมาย beside it is that column's
        target (เป้าหมาย is a goal only as a heading of the plan's, contract decision 3)."""
        above = self.last
        return above is not None and above.kind is Kind.TEXT and above.label is None and not above.inline \
            and len(above.text.text) <= _MAX_HEADER_CELL and " " not in above.text.text.strip()

    def out_of_sequence(self, line: Line) -> bool:
        """Whether a strategy's item neither goes on with the open list of strategies nor
        starts it again: "ยุทธศาสตร์ที่ 2 …" after strategy 4, in the lines that link it to
        another plan, is that plan's."""
        label = line.label
        if label is None or label.last is None or label.starts:
            return False
        last = self._last_strategy_number()
        return last is not None and label.last != last + 1

    def _last_strategy_number(self) -> Optional[int]:
        """The number of the strategy open, or else of the last one its list holds."""
        for frame in reversed(self.stack):
            if isinstance(frame, StrategyFrame) and frame.title is not None and frame.title.label is not None:
                return frame.title.label.last
            if isinstance(frame, StrategyList):
                number = frame.entries[-1].number if frame.entries else None
                return int(number) if number is not None and number.isdigit() else None
        return None

    def _in_strategy(self) -> bool:
        """Whether a strategy, or a group row (whose own lists make it one), is open."""
        return any(isinstance(frame, StrategyFrame) for frame in self.stack)

    def prose(self, line: Line) -> None:
        """What a paragraph of prose states of a plan, fed as lines of their own; the
        sections they open close where the prose resumes."""
        depth = len(self.stack)
        for found in find_statements(line.text, line.indent):
            if found.kind is Kind.HEADING:
                while len(self.stack) > depth:
                    self.pop()
                self.heading(found)
            else:
                self.line(found)
        while len(self.stack) > depth:
            self.pop()

    # ----------------------------------------------------------------- stack

    def push(self, frame: Container) -> Container:
        self.stack.append(frame)
        return frame

    def open(self, frame: Container, line: Optional[Line]) -> bool:
        """Push ``frame`` and give it ``line``; a frame that refuses it is closed again
        (its caller is told, and passes the line on)."""
        self.push(frame)
        if line is None or frame.take(line, self):
            return True
        self.pop()
        return False

    def replace_top(self, frame: Container, line: Line) -> bool:
        """Close the top container and open ``frame`` in its place with ``line``."""
        self.pop()
        self.push(frame)
        return frame.take(line, self)

    def pop(self) -> None:
        frame = self.stack.pop()
        frame.close(self)

    def resolve(self, section: Optional[Section]) -> Optional[Section]:
        """A province's strategies are the plan's own only in a province's plan; measures
        are its strategies where no strategy stands above them (contract decision 5)."""
        if section is Section.MEASURE:
            if not self.measures_lead and self.no_strategies and not self._in_strategy():
                self.measures_lead = True
            return Section.STRATEGY if self.measures_lead else Section.OTHER
        if section is Section.PROVINCE_STRATEGY:
            return Section.STRATEGY if self.province_plan else Section.CITED
        if section is Section.PROVINCE_PLAN:
            return Section.CLOSE if self.province_plan else Section.CITED
        return section

    # --------------------------------------------------------------- results

    def keep(self, section: Section, entries: list[Any]) -> None:
        if entries:
            self.statements[section].append(entries)

    def check_count(self, section: Section, declared: Optional[int], examples: bool, found: int,
                    span: Optional[Span]) -> None:
        if declared is None or examples or declared == found or not found:
            return
        self.warnings.append(warning(
            "COUNT_MISMATCH",
            f"The text declares {declared} {section.value} item(s) but {found} were found; "
            f"check the list for missed or merged items.",
            span,
        ))


def _is_citation(line: Line) -> bool:
    """"ยุทธศาสตร์จังหวัด : ยุทธศาสตร์ที่ 1 …": a row that names another plan's item."""
    return line.kind is Kind.ANNOTATION and line.section is Section.CITED


def _goes_on(label: Label, level: Level, line: Line, frame: Container) -> bool:
    """Whether ``label`` is the next label of ``level``: headings go on with levels of
    headings (and the frame's), items with levels of items; a bare number goes on with
    a list of numbers of any style."""
    if not isinstance(frame, Root) and level.headings != (line.kind is Kind.HEADING):
        return False
    if label.weak:  # "๒ บริหาร…" after "๑. …": a number whose dot the text lost
        previous = level.label
        return previous.style in ("dotted", "bare") and previous.number is not None \
            and "." not in previous.number and label.last == (previous.last or 0) + 1
    return label.follows(level.label)


def _continues_ordinal(label: Label, own: Label) -> bool:
    """Whether ``label`` ("2.") is the next number of a list its heading word numbered
    ("เป้าประสงค์ 1."): a number of one level, one past the heading word's."""
    return own.style.startswith("ordinal") and label.style in ("dotted", "rparen", "paren") \
        and label.depth == 1 and own.last is not None and label.last == own.last + 1


def _restarts(label: Label, items: list[Line]) -> bool:
    """Whether ``label`` starts its list again: a 1 as deep as the list's first item, once
    the list has gone past its second item."""
    numbered = [item.label for item in items if item.label is not None and item.label.number]
    if not label.starts or label.number is None or len(numbered) < 2:
        return False
    return label.number.count(".") == numbered[0].number.count(".")  # type: ignore[union-attr]


def _explains(item: Line, line: Line) -> bool:
    """Whether ``line`` is a paragraph explaining the short name above it rather than the
    name's next line: the name did not run to the margin, and the paragraph runs much
    wider than the name's line could have been (a name broken in a narrow cell goes on
    in a line as short as its own)."""
    span, name = item.text.span(), item.text.text
    return span.start_line == span.end_line and len(name) <= _SHORT_NAME and \
        len(line.text.text) > _EXPLAINING_FACTOR * len((item.whole or item.text).text)


def _opens_prose(text: str) -> bool:
    """Whether a line is a sentence of the text around the plan: it opens as a new
    paragraph does ("ทั้งนี้ …", "นอกจากนี้ …") or reports a person's words ("… กล่าวว่า")."""
    return PARAGRAPH_OPENER_PATTERN.match(text) is not None or REPORTED_SPEECH_PATTERN.search(text) is not None


def _joined(item: Line, line: Line) -> Line:
    return Line(item.kind, item.text.join(line.text, item.wrapped), item.indent, item.label,
                item.sections, item.announces, line.wrapped, item.inline, item.worded)


def _piece_line(line: Line, piece: Piece) -> Line:
    return Line(Kind.ITEM, line.text.slice(piece.start, piece.end), line.indent,
                Label(piece.number, "inline"))


def _ends_footnotes(line: Line) -> bool:
    """Whether the first line under a rule line shows the rule for a separator, not
    the start of the footnotes: a heading of the plan, or an item its heading word names
    ("ยุทธศาสตร์ที่ 1 …"), as under a cabinet item's title (``******``)."""
    return line.kind in (Kind.HEADING, Kind.ITEM) and line.section is not None \
        and line.section not in IGNORED_SECTIONS


def _clean(text: str) -> str:
    """Document text: footnote markers off (contract decision 12), spaces collapsed."""
    return collapse_spaces(FOOTNOTE_MARKER_PATTERN.sub("", text))


def _to_item(line: Line) -> Item:
    text = split_lead_in(line.text)[0] if line.kind is Kind.ITEM else line.text
    return Item(number=line.label.number if line.label else None, text=_clean(text.text),
                span=text.span())


# ------------------------------------------------------------- duplicate lists

Entry = TypeVar("Entry", Item, Strategy)


def merge_statements(statements: list[list[Entry]], warnings: list[Warning]) -> list[Entry]:
    """One list from its statements: a statement that repeats an earlier one (a summary,
    then the detail; a restatement) gives way to the fuller of the two, on a tie to the
    first, with a DUPLICATE_LIST warning; statements of different entries follow on.

    Only statements that share the start or the end of an entry's text are compared, so
    a long document with many lists costs about one look-up an entry, not a comparison
    of every pair of lists.
    """
    kept: list[list[Entry]] = []
    by_key: dict[str, set[int]] = defaultdict(set)
    for statement in statements:
        candidates = sorted({index for entry in statement for key in _keys(entry)
                             for index in by_key[key]})
        for index in candidates:
            earlier = kept[index]
            if _same_list(earlier, statement):
                winner, loser = (statement, earlier) if _fuller(statement, earlier) else (earlier, statement)
                kept[index] = winner
                warnings.append(warning(
                    "DUPLICATE_LIST",
                    f"A list of {len(loser)} entries repeats another stated in the text; "
                    f"the fuller statement was kept.",
                    Span(start_line=loser[0].span.start_line, end_line=loser[-1].span.end_line),
                ))
                break
        else:
            index = len(kept)
            kept.append(statement)
        for entry in kept[index]:
            for key in _keys(entry):
                by_key[key].add(index)
    return [entry for statement in kept for entry in statement]


def _text(entry: Union[Item, Strategy]) -> str:
    return "".join((entry.title if isinstance(entry, Strategy) else entry.text).split())


def _keys(entry: Union[Item, Strategy]) -> tuple[str, str]:
    """Where to look for a restatement of an entry: the start and the end of its text."""
    text = _text(entry)
    return "<" + text[:_KEY_CHARS], ">" + text[-_KEY_CHARS:]


def _similar_to(other: str) -> Callable[[str], bool]:
    """Whether a text is like ``other``: difflib's ratio, its cheap bounds first."""
    matcher: Optional[SequenceMatcher[str]] = None

    def similar(text: str) -> bool:
        nonlocal matcher
        if text == other or _restates(text, other):
            return True
        if matcher is None:
            matcher = SequenceMatcher(None, "", other)
        matcher.set_seq1(text)
        return (matcher.real_quick_ratio() >= _SAME_ENTRY_RATIO
                and matcher.quick_ratio() >= _SAME_ENTRY_RATIO
                and matcher.ratio() >= _SAME_ENTRY_RATIO)
    return similar


def _restates(text: str, other: str) -> bool:
    """Whether one entry is the other with words added: a gloss in brackets, a
    description ("การสร้าง…" / "การสร้าง… (Competitive Advantage)")."""
    shorter, longer = sorted((text, other), key=len)
    return len(shorter) >= _MIN_RESTATED and longer.startswith(shorter)


def _same_list(first: list[Any], second: list[Any]) -> bool:
    shorter, longer = sorted((first, second), key=len)
    longer_texts = [_text(other) for other in longer]
    restated = set(longer_texts)
    tests = [_similar_to(other) for other in longer_texts]
    matched = sum(1 for text in map(_text, shorter)
                  if text in restated or any(similar(text) for similar in tests))
    return matched >= max(1, _SAME_LIST_SHARE * len(shorter)) and matched >= min(2, len(shorter))


def _children(statement: list[Any]) -> int:
    return sum(len(entry.guidelines) + len(entry.goals) + len(entry.indicators) + len(entry.tactics)
               for entry in statement if isinstance(entry, Strategy))


def _fuller(statement: list[Any], earlier: list[Any]) -> bool:
    """Whether ``statement`` is fuller than the ``earlier`` one: more entries, then more
    children under them; a tie keeps the earlier."""
    return (len(statement), _children(statement)) > (len(earlier), _children(earlier))


# ---------------------------------------------------------------------- vision

def vision_statement(text: SpannedText) -> Optional[TextBlock]:
    """The vision without its quotation marks, or None when nothing is left.

    A statement that opens with a quotation keeps what follows it on later lines
    (an explanation in brackets); a quotation inside a sentence is the statement alone.
    """
    stripped = text.strip()
    quoted = QUOTED_PATTERN.search(stripped.text)
    if quoted and quoted.start() > 0:
        stripped = stripped.slice(quoted.start("text"), quoted.end("text"))
    statement = collapse_spaces(stripped.text.translate(_NO_QUOTES))
    return TextBlock(text=statement, span=stripped.span()) if statement else None


_NO_QUOTES = str.maketrans("", "", QUOTES)
