"""Typed lines to the document tree, with a stack of open sections.

The stack holds what is open: a section of the plan (the vision, a list of missions,
goals or strategies, a section the schema does not hold), a strategy, and a list inside
that strategy. A heading closes what it cannot live in and opens its own section; an
item goes to the innermost open list, or starts a strategy; closing a list checks the
count its lead-in declared. Recognising lines is classify.py's job; this module builds.

Each list as stated is kept apart (a "statement"): when a plan states a list twice (a
summary, then the detail), ``merge_statements`` keeps the fuller statement.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import Callable, Iterable, Optional, TypeVar, Union

from .lines import Kind, Label, Line
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
_DOCUMENT_LISTS = (Section.MISSION, Section.PLAN_GOAL)
# A part of the document, whose title follows on the next line.
_PART = re.compile(r"(?:ส่วนที่|บทที่)\s*\d")
# Two statements are one list when this share of the shorter one's entries match.
_SAME_LIST_SHARE = 0.6
_SAME_ENTRY_RATIO = 0.75
# Restatements are looked for among lists sharing this many first or last characters.
_KEY_CHARS = 6


@dataclass
class _List:
    """An open list: the missions, the plan's goals, the strategies, or a strategy's list.

    ``entries`` is the statement the list builds (items, or strategies once closed);
    a list that continues an earlier statement shares its ``entries``.
    """

    section: Section
    declared: Optional[int] = None
    heading_span: Optional[Span] = None
    label: Optional[Label] = None  # the numbering of the heading that opened it
    items: list[Line] = field(default_factory=list)
    entries: list = field(default_factory=list)
    started: int = 0  # strategies started in this frame


@dataclass
class _Vision:
    """The open vision section; ``then`` are the sections a combined heading named next.

    Its statement is the first text in it, unless a quoted one follows: an introduction
    ("การกำหนดวิสัยทัศน์ของเทศบาล ... กำหนดเป็นวิสัยทัศน์") often stands before the quote.
    """

    then: tuple[Section, ...] = ()
    statement: Optional[TextBlock] = None
    quoted: bool = False


@dataclass
class _Strategy:
    title: Line
    number: Optional[str]
    lists: dict[Section, list[Line]] = field(default_factory=dict)
    next_child: Section = _DEFAULT_CHILD
    next_declared: Optional[int] = None


@dataclass
class _Ignored:
    """A section the schema does not hold (แผนงาน, SWOT ...): its lines go nowhere.

    In a section that cites another body's plan (ยุทธศาสตร์ชาติ, a province's strategies
    in a municipality's plan) even "ยุทธศาสตร์ที่ 1 ..." is that plan's, not this one's.
    A part of the document ("ส่วนที่ 3") takes the heading right after it as its title.
    """

    cited: bool = False
    awaits_title: bool = False


_Frame = Union[_List, _Vision, _Strategy, _Ignored]


@dataclass
class Draft:
    """What the assembler built; ``parse`` turns it into the model."""

    vision: Optional[TextBlock] = None
    missions: list[Item] = field(default_factory=list)
    goals: list[Item] = field(default_factory=list)
    strategies: list[Strategy] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)


class Assembler:
    """Feeds typed lines through a stack of open frames into a ``Draft``."""

    def __init__(self, organization: Optional[Organization] = None) -> None:
        self.stack: list[_Frame] = []
        self.vision: Optional[TextBlock] = None
        self.statements: dict[Section, list[list]] = {
            Section.MISSION: [], Section.PLAN_GOAL: [], Section.STRATEGY: []}
        self.warnings: list[Warning] = []
        self.province_plan = organization is not None and organization.kind == "จังหวัด"
        self._handlers: dict[Kind, Callable[[Line], None]] = {
            Kind.HEADING: self._heading,
            Kind.ITEM: self._item,
            Kind.TEXT: self._text,
            Kind.LEAD_IN: self._lead_in,
            Kind.END: self._end,
        }

    def feed(self, lines: Iterable[Line]) -> Draft:
        for line in lines:
            handler = self._handlers.get(line.kind)
            if handler:
                if line.kind is not Kind.HEADING and isinstance(self.top, _Ignored):
                    self.top.awaits_title = False
                handler(line)
        self._pop_to_root()
        missions, goals, strategies = (
            merge_statements(self.statements[section], self.warnings)
            for section in (Section.MISSION, Section.PLAN_GOAL, Section.STRATEGY))
        return Draft(self.vision, missions, goals, strategies, self.warnings)

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
        if isinstance(frame, _Strategy):
            listing = self.top
            built = self._build_strategy(frame)
            if isinstance(listing, _List) and listing.section is Section.STRATEGY:
                listing.entries.append(built)
            else:
                self._keep_statement(Section.STRATEGY, [built])
        elif isinstance(frame, _Vision):
            if self.vision is None:
                self.vision = frame.statement
        elif isinstance(frame, _List):
            if frame.section is Section.STRATEGY:
                self._check_count(frame, frame.started)
                self._keep_statement(Section.STRATEGY, frame.entries)
            else:
                self._check_count(frame, len(frame.items))
                if frame.section in _DOCUMENT_LISTS:
                    self._keep_statement(frame.section, [_to_item(line) for line in frame.items])

    def _keep_statement(self, section: Section, entries: list) -> None:
        statements = self.statements[section]
        if entries and not any(entries is kept for kept in statements):
            statements.append(entries)

    def _check_count(self, frame: _List, found: int) -> None:
        if frame.declared is None or frame.declared == found or not found:
            return
        self.warnings.append(warning(
            "COUNT_MISMATCH",
            f"The text declares {frame.declared} {frame.section.value} item(s) but {found} "
            f"were found; check the list for missed or merged items.",
            frame.heading_span,
        ))

    # --------------------------------------------------------------- headings

    def _resolve(self, section: Optional[Section]) -> Optional[Section]:
        """A province's strategies are the plan's own only in a province's plan."""
        if section is Section.PROVINCE_STRATEGY:
            return Section.STRATEGY if self.province_plan else Section.CITED
        if section is Section.PROVINCE_PLAN:
            return Section.CLOSE if self.province_plan else Section.CITED
        return section

    def _heading(self, line: Line) -> None:
        if isinstance(self.top, _Ignored) and self.top.awaits_title:
            self.top.awaits_title = False  # "ส่วนที่ 3" / "ยุทธศาสตร์ขององค์กรปกครองส่วนท้องถิ่น"
            return
        section = self._resolve(line.section)
        declared = line.announces.count if line.announces else None
        span = line.text.span()
        strategy = self._strategy()
        if strategy is not None and section in _CHILD_FIELDS and self._sibling_of_strategies(line):
            # "2.3 เป้าประสงค์" after "2.2 ยุทธศาสตร์": a section of the plan, not of the
            # last strategy; goals there are the plan's, the other lists cannot be placed.
            section = Section.PLAN_GOAL if section is Section.GOAL else Section.CLOSE
        if section is Section.VISION:
            self._pop_to_root()
            self.stack.append(_Vision(then=line.sections[1:]))
        elif section in _CHILD_FIELDS and strategy is not None and not (
                section is Section.TACTIC and self._tactics_are_top(strategy)):
            self._open_child(section, declared, span)
        elif section in (Section.MISSION, Section.PLAN_GOAL, Section.GOAL):
            self._open_list(Section.MISSION if section is Section.MISSION else Section.PLAN_GOAL,
                            declared, span)
        elif section is Section.STRATEGY or (section is Section.TACTIC and self._tactics_are_top(None)):
            self._open_list(Section.STRATEGY, declared, span, line.label)
        elif section is Section.OTHER and strategy is not None:
            self._pop_to_strategy()
            self.stack.append(_Ignored())
        else:
            self._pop_to_root()
            self.stack.append(_Ignored(cited=section is Section.CITED,
                                       awaits_title=_PART.match(line.text.text) is not None))

    def _tactics_are_top(self, strategy: Optional[_Strategy]) -> bool:
        """Tactics are the top level where nothing stands above them (no strategy in the
        plan so far), or where the open "strategy" is itself a tactic."""
        if strategy is not None:
            return strategy.title.section is Section.TACTIC
        return not self.statements[Section.STRATEGY]

    def _sibling_of_strategies(self, line: Line) -> bool:
        """Whether a numbered heading stands at the level of the heading that opened the
        list of strategies (both numbered, as deep as each other)."""
        listing = next((frame for frame in self.stack
                        if isinstance(frame, _List) and frame.section is Section.STRATEGY), None)
        own = listing.label if listing is not None else None
        return (own is not None and line.label is not None and own.style == line.label.style
                and own.depth == line.label.depth)

    def _open_list(self, section: Section, declared: Optional[int] = None,
                   span: Optional[Span] = None, label: Optional[Label] = None) -> _List:
        self._pop_to_root()
        frame = _List(section, declared, span, label=label)
        self.stack.append(frame)
        return frame

    def _open_child(self, section: Section, declared: Optional[int],
                    span: Optional[Span]) -> _List:
        strategy = self._pop_to_strategy()
        strategy.lists.setdefault(section, [])
        frame = _List(section, declared, span)
        self.stack.append(frame)
        return frame

    # ------------------------------------------------------------------ items

    def _item(self, line: Line) -> None:
        hint = self._resolve(line.section)
        strategy = self._strategy()
        if isinstance(self.top, _Ignored) and self.top.cited:
            return
        if hint is Section.STRATEGY or (hint is Section.TACTIC and self._tactics_are_top(strategy)):
            self._start_strategy(line)
        elif hint in _CHILD_FIELDS and strategy is not None:
            frame = self.top
            if not (isinstance(frame, _List) and frame.section is hint):
                frame = self._open_child(hint, None, None)
            self._add(frame, line)
        elif hint in _DOCUMENT_LISTS:
            frame = self.top
            if not (isinstance(frame, _List) and frame.section is hint):
                frame = self._open_list(hint)
            self._add(frame, line)
        elif hint is None:
            self._plain_item(line)

    def _plain_item(self, line: Line) -> None:
        """An item with no heading word: where it goes depends on what is open."""
        frame = self.top
        if isinstance(frame, _Vision) and frame.statement is not None and frame.then:
            frame = self._open_next_of_combined(frame)
        if isinstance(frame, _List) and frame.section is Section.STRATEGY:
            self._start_strategy(line)
        elif isinstance(frame, _Strategy):
            if _starts_next_strategy(line, frame, []):
                self._start_strategy(line)
            else:
                self._add(self._open_child(frame.next_child, frame.next_declared, None), line)
        elif isinstance(frame, _List) and frame.section in _CHILD_FIELDS:
            strategy = self._strategy()
            if strategy is not None and _starts_next_strategy(line, strategy, frame.items):
                self._start_strategy(line)
            else:
                self._add(frame, line)
        elif isinstance(frame, _List):
            self._add(frame, line)

    def _open_next_of_combined(self, vision: _Vision) -> _List:
        """Items after the vision of a combined heading ("วิสัยทัศน์/พันธกิจ") belong to
        the next section it named."""
        section = self._resolve(vision.then[0])
        if section in (Section.STRATEGY, Section.TACTIC):
            return self._open_list(Section.STRATEGY)
        return self._open_list(Section.MISSION if section is Section.MISSION else Section.PLAN_GOAL)

    def _start_strategy(self, line: Line) -> None:
        self._pop_until(lambda frame: isinstance(frame, _List) and frame.section is Section.STRATEGY)
        if not self.stack:
            self.stack.append(_List(Section.STRATEGY, entries=self._continued_statement(line)))
        listing = self.top
        assert isinstance(listing, _List)
        listing.started += 1
        strategy = _Strategy(title=line, number=line.label.number if line.label else None)
        if line.announces is not None:
            if line.announces.section in _CHILD_FIELDS:
                strategy.next_child = line.announces.section
            strategy.next_declared = line.announces.count
        self.stack.append(strategy)

    def _continued_statement(self, line: Line) -> list:
        """The statement a strategy numbered one after the last one goes on (a section
        the schema does not hold stood between them), or a new one."""
        statements = self.statements[Section.STRATEGY]
        if statements and line.label is not None and line.label.last is not None:
            last = statements[-1][-1]
            if last.number and last.number.isdigit() and int(last.number) + 1 == line.label.last:
                return statements[-1]
        return []

    def _add(self, frame: _List, line: Line) -> None:
        """Append an item, unless a weak label breaks the list's sequence: then its
        text goes on the item above ("ปีละ" / "5 ครั้ง")."""
        if line.label is not None and line.label.weak and not _continues(frame.items, line.label):
            if frame.items:
                last = frame.items[-1]
                first_line = line.text.span().start_line
                number = SpannedText.of_line(line.label.number or "", first_line, first_line)
                frame.items[-1] = replace(last, text=last.text.join(number).join(line.text))
            return
        if not line.text:
            return  # a number whose text the extraction lost
        frame.items.append(line)
        strategy = self._strategy()
        if frame.section in _CHILD_FIELDS and strategy is not None:
            strategy.lists.setdefault(frame.section, []).append(line)

    # ------------------------------------------------------------------- text

    def _text(self, line: Line) -> None:
        frame = self.top
        if isinstance(frame, _Vision) and not frame.quoted and line.announces is None:
            quoted = any(quote in line.text.text for quote in QUOTES)
            if frame.statement is None or quoted:
                frame.statement, frame.quoted = vision_statement(line.text), quoted
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
        elif isinstance(frame, _List) and not frame.items and not frame.started:
            frame.declared = announces.count

    def _end(self, line: Line) -> None:
        """A list written inside a sentence is over: close the section it opened."""
        if any(isinstance(frame, (_List, _Vision)) for frame in self.stack):
            while self.stack:
                frame = self.stack.pop()
                self._close(frame)
                if isinstance(frame, (_List, _Vision)):
                    break

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
    """Whether a text is like ``other``: difflib's ratio, its cheap bounds first.

    One matcher holds ``other`` (``set_seq2``, the side difflib indexes) for every text
    compared with it, instead of indexing it again for each; it is made on first need.
    """
    matcher: Optional[SequenceMatcher[str]] = None

    def similar(text: str) -> bool:
        nonlocal matcher
        if text == other:
            return True
        if matcher is None:
            matcher = SequenceMatcher(None, "", other)
        matcher.set_seq1(text)
        return (matcher.real_quick_ratio() >= _SAME_ENTRY_RATIO
                and matcher.quick_ratio() >= _SAME_ENTRY_RATIO
                and matcher.ratio() >= _SAME_ENTRY_RATIO)
    return similar


def _same_list(first: list, second: list) -> bool:
    shorter, longer = sorted((first, second), key=len)
    longer_texts = [_text(other) for other in longer]
    restated = set(longer_texts)  # an entry restated word for word needs no difflib
    tests = [_similar_to(other) for other in longer_texts]
    matched = sum(1 for text in map(_text, shorter)
                  if text in restated or any(similar(text) for similar in tests))
    return matched >= max(1, _SAME_LIST_SHARE * len(shorter)) and matched >= min(2, len(shorter))


def _children(statement: list) -> int:
    return sum(len(entry.guidelines) + len(entry.goals) + len(entry.indicators) + len(entry.tactics)
               for entry in statement if isinstance(entry, Strategy))


def _fuller(statement: list, earlier: list) -> bool:
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
