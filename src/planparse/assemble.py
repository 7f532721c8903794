"""Typed lines to the document tree, with a stack of open sections.

The stack holds what is open: a section of the plan (the vision, the missions, the list
of strategies, a section the schema does not hold), a strategy, and a list inside that
strategy. A heading closes what it cannot live in and opens its own section; an item
goes to the innermost open list, or starts a strategy; closing a list checks the count
its lead-in declared. Recognising lines is classify.py's job; this module only builds.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Optional, Union

from .classify import Kind, Label, Line
from .diagnostics import warning
from .model import Item, Organization, Span, Strategy, TextBlock, Warning
from .normalize import collapse_spaces
from .spanned import SpannedText
from .vocabulary import QUOTED_PATTERN, QUOTES, Section

# Where a strategy's child list goes in the model.
_CHILD_FIELDS = {
    Section.GUIDELINE: "guidelines",
    Section.GOAL: "goals",
    Section.INDICATOR: "indicators",
    Section.TACTIC: "tactics",
}
# The list a strategy's items go to when no heading or lead-in names one.
_DEFAULT_CHILD = Section.GUIDELINE
# Document-level lists that hold items directly.
_DOCUMENT_LISTS = frozenset({Section.MISSION, Section.PLAN_GOAL})


@dataclass
class _List:
    """An open list: the missions, the plan's goals, the strategies, or a strategy's list."""

    section: Section
    declared: Optional[int] = None
    heading_span: Optional[Span] = None
    items: list[Line] = field(default_factory=list)
    strategies: int = 0  # for the list of strategies: how many it started


@dataclass
class _Vision:
    """The open vision section; ``then`` are the sections a combined heading named next."""

    then: tuple[Section, ...] = ()


@dataclass
class _Strategy:
    title: Line
    number: Optional[str]
    lists: dict[Section, list[Line]] = field(default_factory=dict)
    next_child: Section = _DEFAULT_CHILD
    next_declared: Optional[int] = None


@dataclass
class _Ignored:
    """A section the schema does not hold (แผนงาน, SWOT ...): its lines go nowhere."""


_Frame = Union[_List, _Vision, _Strategy, _Ignored]


@dataclass
class Draft:
    """What the assembler has built so far; turned into the model by ``parse``."""

    vision: Optional[TextBlock] = None
    missions: list[Item] = field(default_factory=list)
    goals: list[Item] = field(default_factory=list)
    strategies: list[Strategy] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)


class Assembler:
    """Feeds typed lines through a stack of open frames into a ``Draft``."""

    def __init__(self, organization: Optional[Organization] = None) -> None:
        self.draft = Draft()
        self.stack: list[_Frame] = []
        self.province_plan = organization is not None and organization.kind == "จังหวัด"
        self._handlers: dict[Kind, Callable[[Line], None]] = {
            Kind.HEADING: self._heading,
            Kind.ITEM: self._item,
            Kind.TEXT: self._text,
            Kind.LEAD_IN: self._lead_in,
        }

    def feed(self, lines: list[Line]) -> Draft:
        for line in lines:
            handler = self._handlers.get(line.kind)
            if handler:
                handler(line)
        self._pop_until(lambda frame: False)
        return self.draft

    # ----------------------------------------------------------------- the stack

    @property
    def top(self) -> Optional[_Frame]:
        return self.stack[-1] if self.stack else None

    def _strategy(self) -> Optional[_Strategy]:
        return next((frame for frame in reversed(self.stack) if isinstance(frame, _Strategy)), None)

    def _pop_until(self, keep: Callable[[_Frame], bool]) -> None:
        while self.stack and not keep(self.stack[-1]):
            self._close(self.stack.pop())

    def _pop_to_root(self) -> None:
        self._pop_until(lambda frame: False)

    def _pop_to_strategy(self) -> _Strategy:
        self._pop_until(lambda frame: isinstance(frame, _Strategy))
        return self.stack[-1]  # type: ignore[return-value]

    def _close(self, frame: _Frame) -> None:
        if isinstance(frame, _List):
            found = frame.strategies if frame.section is Section.STRATEGY else len(frame.items)
            self._check_count(frame.section, frame.declared, found, frame.heading_span)
        elif isinstance(frame, _Strategy):
            self.draft.strategies.append(self._build_strategy(frame))

    def _check_count(self, section: Section, declared: Optional[int], found: int,
                     span: Optional[Span]) -> None:
        if declared is not None and declared != found and (found or section is not Section.STRATEGY):
            self.draft.warnings.append(warning(
                "COUNT_MISMATCH",
                f"The text declares {declared} {section.value} item(s) but {found} were found; "
                f"check the list for missed or merged items.",
                span,
            ))

    # --------------------------------------------------------------- headings

    def _resolve(self, section: Optional[Section]) -> Optional[Section]:
        """A province's strategies are the plan's own only in a province's plan."""
        if section is Section.PROVINCE_STRATEGY:
            return Section.STRATEGY if self.province_plan else Section.CLOSE
        return section

    def _heading(self, line: Line) -> None:
        section = self._resolve(line.section)
        declared = line.announces.count if line.announces else None
        span = line.text.span()
        if section is Section.VISION:
            self._pop_to_root()
            self.stack.append(_Vision(then=line.sections[1:]))
        elif section in _DOCUMENT_LISTS:
            self._open_document_list(section, declared, span)
        elif section in _CHILD_FIELDS and self._strategy() is not None:
            self._open_child(section, declared, span)
        elif section is Section.GOAL:
            self._open_document_list(Section.PLAN_GOAL, declared, span)
        elif section in (Section.STRATEGY, Section.TACTIC):
            self._pop_to_root()
            self.stack.append(_List(Section.STRATEGY, declared, span))
        elif section is Section.OTHER and self._strategy() is not None:
            self._pop_to_strategy()
            self.stack.append(_Ignored())
        else:
            self._pop_to_root()
            self.stack.append(_Ignored())

    def _open_document_list(self, section: Section, declared: Optional[int],
                            span: Optional[Span]) -> _List:
        self._pop_to_root()
        frame = _List(section, declared, span)
        self.stack.append(frame)
        return frame

    def _open_child(self, section: Section, declared: Optional[int],
                    span: Optional[Span]) -> _List:
        strategy = self._pop_to_strategy()
        frame = _List(section, declared, span)
        strategy.lists.setdefault(section, [])
        self.stack.append(frame)
        return frame

    # ------------------------------------------------------------------ items

    def _item(self, line: Line) -> None:
        hint = self._resolve(line.section)
        strategy = self._strategy()
        if hint is Section.STRATEGY or (hint is Section.TACTIC and _tactics_are_top(strategy)):
            self._start_strategy(line)
        elif hint in _CHILD_FIELDS and strategy is not None:
            frame = self.top
            if not (isinstance(frame, _List) and frame.section is hint):
                frame = self._open_child(hint, None, None)
            self._add(frame, line)
        elif hint is Section.MISSION or hint is Section.PLAN_GOAL:
            frame = self.top
            if not (isinstance(frame, _List) and frame.section is hint):
                frame = self._open_document_list(hint, None, None)
            self._add(frame, line)
        elif hint is None:
            self._plain_item(line)

    def _plain_item(self, line: Line) -> None:
        """An item with no heading word: where it goes depends on what is open."""
        frame = self.top
        if isinstance(frame, _List) and frame.section is Section.STRATEGY:
            self._start_strategy(line)
        elif isinstance(frame, _Strategy):
            if _starts_next_strategy(line, frame, []):
                self._start_strategy(line)
            else:
                child = self._open_child(frame.next_child, frame.next_declared, None)
                self._add(child, line)
        elif isinstance(frame, _List) and frame.section in _CHILD_FIELDS:
            strategy = self._strategy()
            if strategy is not None and _starts_next_strategy(line, strategy, frame.items):
                self._start_strategy(line)
            else:
                self._add(frame, line)
        elif isinstance(frame, _List):
            self._add(frame, line)
        elif isinstance(frame, _Vision) and self.draft.vision is not None and frame.then:
            self._add(self._open_next_of_combined(frame), line)

    def _open_next_of_combined(self, vision: _Vision) -> _List:
        """Items after the vision of a combined heading ("วิสัยทัศน์/พันธกิจ") belong to
        the next section it named."""
        section = self._resolve(vision.then[0])
        if section is Section.STRATEGY:
            self._pop_to_root()
            frame = _List(Section.STRATEGY)
            self.stack.append(frame)
            return frame
        return self._open_document_list(
            section if section in _DOCUMENT_LISTS else Section.MISSION, None, None)

    def _start_strategy(self, line: Line) -> None:
        self._pop_until(lambda frame: isinstance(frame, _List) and frame.section is Section.STRATEGY)
        if not self.stack:
            self.stack.append(_List(Section.STRATEGY))
        listing = self.top
        assert isinstance(listing, _List)
        listing.strategies += 1
        strategy = _Strategy(title=line, number=line.label.number if line.label else None)
        if line.announces is not None:
            if line.announces.section in _CHILD_FIELDS:
                strategy.next_child = line.announces.section
            strategy.next_declared = line.announces.count
        self.stack.append(strategy)

    def _add(self, frame: _List, line: Line) -> None:
        """Append an item, unless a weak label breaks the list's sequence."""
        if line.label is not None and line.label.weak and not _continues(frame.items, line.label):
            self._continue_last(frame, line)
            return
        frame.items.append(line)
        if frame.section in _DOCUMENT_LISTS:
            target = self.draft.missions if frame.section is Section.MISSION else self.draft.goals
            target.append(_to_item(line))
        else:
            strategy = self._strategy()
            if strategy is not None:
                strategy.lists.setdefault(frame.section, []).append(line)

    def _continue_last(self, frame: _List, line: Line) -> None:
        """A weak label out of sequence ("ปีละ 1 ครั้ง"): the text goes on the item above."""
        if not frame.items:
            return
        last = frame.items[-1]
        first_line = line.text.span().start_line
        label = SpannedText.of_line(line.label.number or "", first_line, first_line)
        self._replace_last(frame, replace(last, text=last.text.join(label).join(line.text)))

    def _replace_last(self, frame: _List, new: Line) -> None:
        frame.items[-1] = new
        if frame.section in _DOCUMENT_LISTS:
            target = self.draft.missions if frame.section is Section.MISSION else self.draft.goals
            target[-1] = _to_item(new)
        else:
            strategy = self._strategy()
            if strategy is not None:
                strategy.lists[frame.section][-1] = new

    # ------------------------------------------------------------------- text

    def _text(self, line: Line) -> None:
        frame = self.top
        if isinstance(frame, _Vision) and self.draft.vision is None:
            self.draft.vision = vision_statement(line.text)
        elif isinstance(frame, _List) and frame.section is not Section.STRATEGY:
            if all(item.label is None for item in frame.items):
                self._add(frame, line)

    def _lead_in(self, line: Line) -> None:
        announces = line.announces
        assert announces is not None
        frame = self.top
        if isinstance(frame, _Strategy):
            if announces.section in _CHILD_FIELDS:
                frame.next_child = announces.section
            frame.next_declared = announces.count
        elif isinstance(frame, _List) and not frame.items and not frame.strategies:
            frame.declared = announces.count

    # ------------------------------------------------------------------ output

    def _build_strategy(self, frame: _Strategy) -> Strategy:
        children = {
            _CHILD_FIELDS[section]: [_to_item(line) for line in lines]
            for section, lines in frame.lists.items()
        }
        return Strategy(number=frame.number, title=frame.title.text.text,
                        span=frame.title.text.span(), **children)


def _to_item(line: Line) -> Item:
    return Item(number=line.label.number if line.label else None,
                text=line.text.text, span=line.text.span())


def _tactics_are_top(strategy: Optional[_Strategy]) -> bool:
    """Tactics are the top level where nothing stands above them, or where the open
    "strategy" is itself a tactic."""
    return strategy is None or strategy.title.section is Section.TACTIC


def _continues(items: list[Line], label: Label) -> bool:
    """Whether ``label`` is the next number of the list (1 for an empty list)."""
    numbered = [item.label.last for item in items if item.label and item.label.last is not None]
    expected = numbered[-1] + 1 if numbered else 1
    return label.last == expected


def _starts_next_strategy(line: Line, strategy: _Strategy, children: list[Line]) -> bool:
    """Whether a plain item is the next strategy rather than one of this one's items.

    It is when it is numbered like the strategy's own title, one further, and either
    less indented than the strategy's items or not the next number of their list.
    """
    own, label = strategy.title.label, line.label
    if own is None or label is None or own.style != label.style or own.depth != label.depth:
        return False
    if own.last is None or label.last != own.last + 1:
        return False
    if not children:
        return line.indent <= strategy.title.indent
    if line.indent < min(child.indent for child in children):
        return True
    return not _continues(children, label)


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
