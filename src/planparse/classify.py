"""Logical lines to typed lines: what each line of a plan is.

Four passes, each a pure function of the lines before it, which hands its lines on one
at a time:

1. ``recognise`` types each line alone by the ordered rule table ``RULES`` (first match
   wins): blank, a line that only states the plan's years, a heading, a list item,
   or plain text.
2. ``fold_continuations`` joins plain text to the item or text right above it when it
   goes on from it (a line that ran to the margin, a word broken in two).
3. ``prose.expand`` splits lists written inside a sentence into items ("พันธกิจ ประกอบด้วย
   1.… 2.…", "…ยุทธศาสตร์ทั้ง 9 ยุทธศาสตร์ ได้แก่ 1.… 9.… โดย…") and finds a vision quoted
   in prose; what it finds is closed again where the prose resumes.
4. ``settle`` cuts trailing lead-ins ("ประกอบด้วย 6 แนวทางการพัฒนา ดังนี้") off the folded
   text and keeps what they announce.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Iterable, Iterator, Optional

from .dictionary import is_broken_word
from .enumerations import has_enumeration
from .layout import LogicalLine
from .lines import Announcement, Kind, Label, Line, read_label, split_lead_in
from .prose import expand
from .spanned import Joiner, SpannedText
from .vocabulary import (
    CHILD_SECTIONS,
    HEADING_PATTERN,
    LEAD_IN_VERBS,
    LIST_SECTIONS,
    ORDINAL_PATTERN,
    ORGANIZATION_PATTERN,
    PERIOD_ONLY_PATTERN,
    QUALIFIER_PATTERN,
    QUOTED_PATTERN,
    STRATEGY_SECTIONS,
    Section,
    section_of,
)

# What may follow a heading word and introduce its content: a lead-in, a separator.
_STARTS_WITH_LEAD_IN = re.compile(rf"\s*(?:{LEAD_IN_VERBS}|คือ|ได้แก่|ว่า|ที่ว่า|:)")
# Sections whose heading word may be followed by its content on the same line.
_CONTENT_SECTIONS = LIST_SECTIONS | {Section.VISION}
# Content longer than this after a heading word, with no separator or list, is prose.
_MAX_INLINE_CONTENT = 200
# An unnumbered line this short that starts with a closing word is that section's heading.
_MAX_CLOSER_HEADING = 40
# An unnumbered line that starts with a strategy word and runs longer is a sentence.
_MAX_UNNUMBERED_TITLE = 150
# "ที่ 1, 2 และ 3", "ที่ 1-3": numbers the ordinal pattern refused as a reference.
_CITED_ORDINALS = re.compile(r"\s*ที่\s*\d")



# ------------------------------------------------------------------ heading words

@dataclass(frozen=True, slots=True)
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
        if body[position] == " ":
            position += 1
            continue
        heading = HEADING_PATTERN.match(body, position)
        if heading and heading.end() > position:
            sections.append(section_of(heading))
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

@dataclass(frozen=True, slots=True)
class _Context:
    """One logical line, seen by the rules: its text, label and heading word."""

    line: LogicalLine
    label: Optional[Label]
    body: SpannedText  # the text after the label
    heading: Optional[re.Match[str]]

    @property
    def section(self) -> Optional[Section]:
        return section_of(self.heading) if self.heading else None


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
    if context.heading is None or context.section not in LIST_SECTIONS:
        return None
    ordinal = ORDINAL_PATTERN.match(context.body.text, context.heading.end())
    if not ordinal:
        return None
    label = Label(ordinal.group("number"), "ordinal")
    return [Line(Kind.ITEM, context.body.slice(ordinal.end()), context.line.indent, label,
                 (context.section,), wrapped=context.line.wrapped)]


def _heading(context: _Context) -> Optional[list[Line]]:
    """A heading word followed by nothing but qualifiers, or by its content.

    Content on the heading's line must look like content: a list, words after a
    separator or a lead-in ("วิสัยทัศน์ : ...", "พันธกิจ ประกอบด้วย 1. ..."), a quoted
    vision, or a short item. A long sentence that merely starts with a heading word is
    prose, and a strategy word followed by words of its own is a strategy's name.
    """
    if context.heading is None:
        return None
    text = context.body.text
    rest = _read_heading_rest(text, context.heading.end())
    sections = (context.section,) + rest.sections
    heading = Line(Kind.HEADING, context.body.slice(0, context.heading.end()),
                   context.line.indent, context.label, sections, rest.announces,
                   wrapped=context.line.wrapped)
    if rest.content_start >= len(text):
        return [heading]
    if context.section not in _CONTENT_SECTIONS:
        # A section the schema does not hold, with a few words more ("แผนงาน/โครงการสำคัญ")
        # or announced ("ขั้นตอนการจัดทำแผน มีดังนี้"): it closes the list above.
        short = context.label is None and len(text) <= _MAX_CLOSER_HEADING
        return [heading] if short or split_lead_in(context.body)[1] is not None else None
    content = context.body.slice(rest.content_start)
    introduced = bool(_STARTS_WITH_LEAD_IN.match(content.text)) or has_enumeration(content.text)
    if context.section in STRATEGY_SECTIONS and not introduced:
        return None  # a strategy's own name: "ยุทธศาสตร์การพัฒนาด้าน...", or prose
    if context.label is not None and not introduced:
        return None  # an item that starts with a heading word: "- โครงการ..."
    short = len(content.text) <= _MAX_INLINE_CONTENT
    quoted = context.section is Section.VISION and QUOTED_PATTERN.search(content.text)
    if not (introduced or short or quoted):
        return None  # prose that starts with a heading word
    heading = replace(heading, whole=context.line.text)
    return [heading, Line(Kind.TEXT, content, context.line.indent,
                          wrapped=context.line.wrapped, inline=True)]


def _strategy_title(context: _Context) -> Optional[list[Line]]:
    """"๑. ยุทธศาสตร์สร้างสรรค์การศึกษา": a strategy whose name keeps its own words.

    Without a number, a long line is a sentence about strategies, not a name.
    """
    if context.section not in STRATEGY_SECTIONS:
        return None
    if context.label is None and len(context.body.text) > _MAX_UNNUMBERED_TITLE:
        return None
    if _CITED_ORDINALS.match(context.body.text, context.heading.end()):
        return None  # "ยุทธศาสตร์ที่ 1, 2 และ 3 ...": several strategies cited, none named
    if context.label is None:
        _, announces = split_lead_in(context.body)
        # "ยุทธศาสตร์... กำหนดไว้ ... สรุปได้ ดังนี้" introduces strategies; a name with its
        # own list announced ("ยุทธศาสตร์ด้าน... ประกอบด้วย 4 แนวทาง ดังนี้") is one.
        if announces is not None and announces.section not in CHILD_SECTIONS:
            return [Line(Kind.HEADING, context.body.slice(0, context.heading.end()),
                         context.line.indent, None, (context.section,), announces)]
    return [Line(Kind.ITEM, context.body, context.line.indent, context.label, (context.section,),
                 wrapped=context.line.wrapped, whole=context.line.text)]


def _item(context: _Context) -> Optional[list[Line]]:
    if context.label is None:
        return None
    return [Line(Kind.ITEM, context.body, context.line.indent, context.label,
                 wrapped=context.line.wrapped, whole=context.line.text)]


def _text(context: _Context) -> Optional[list[Line]]:
    return [Line(Kind.TEXT, context.line.text, context.line.indent, wrapped=context.line.wrapped)]


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

def fold_continuations(lines: Iterable[Line]) -> Iterator[Line]:
    """Join each line to the text above it when it goes on from it: plain text (see
    ``continues``), or a line that only looked like a heading or an item (see
    ``reads_as_prose``)."""
    folded: list[Line] = []  # the last two lines, which a line below may still change
    # The text of folded[-1] once lines are joined to it, written into it when it is done:
    # joining line by line would copy the paragraph so far at every line.
    joined: Optional[Joiner] = None
    skip_inline = False
    for line in lines:
        if len(folded) > 2:
            yield folded.pop(0)
        previous = folded[-1] if folded else None
        if skip_inline and line.inline:
            skip_inline = False
            continue
        skip_inline = False
        going_on: Optional[SpannedText] = None  # what of this line goes on the line above
        if previous is not None and reads_as_prose(
                previous, line, lambda: (joined.build() if joined is not None else previous.text).text):
            going_on = line.whole
            skip_inline = line.kind is Kind.HEADING
        elif line.kind is Kind.TEXT and previous is not None and continues(
                previous, line, joined.tail() if joined is not None else previous.text.text):
            going_on = line.text
        if going_on is not None:
            joined = joined if joined is not None else Joiner(previous.text)
            joined.append(going_on, previous.wrapped)
            folded[-1] = replace(previous, wrapped=line.wrapped)
            continue
        if joined is not None:
            folded[-1] = replace(folded[-1], text=joined.build())
            joined = None
        if line.kind is Kind.TEXT and _after_bare_label(folded):
            folded.pop()  # the blank line between a bare number and its text
            folded[-1] = replace(folded[-1], text=line.text, wrapped=line.wrapped)
        else:
            folded.append(line)
    if joined is not None:
        folded[-1] = replace(folded[-1], text=joined.build())
    yield from folded


def _after_bare_label(folded: list[Line]) -> bool:
    """Whether the lines so far end with an item that has only its number, then a blank."""
    return (len(folded) >= 2 and folded[-1].kind is Kind.BLANK
            and folded[-2].kind is Kind.ITEM and not folded[-2].text)


def reads_as_prose(previous: Line, line: Line, previous_text: Callable[[], str]) -> bool:
    """Whether a line that looks like a heading or an item is the next line of the
    paragraph above, which ran to the margin in mid-sentence.

    It is when it was recognised only by its first word (an unnumbered strategy name, a
    heading word with words after it), or when its number goes on from a list written
    inside the paragraph ("… 8. ยุทธศาสตร์… และ" / "9. ยุทธศาสตร์…"), which
    ``previous_text`` gives (it is built only when asked for).
    """
    if previous.kind is not Kind.TEXT or not previous.wrapped or line.whole is None:
        return False
    if line.label is None:
        return line.kind in (Kind.HEADING, Kind.ITEM)
    last = line.label.last
    if line.label.style != "dotted" or line.label.depth != 1 or last is None or last < 2:
        return False
    return re.search(rf"(?:^|\s){last - 1}\.\s*\S", previous_text()) is not None


def continues(previous: Line, line: Line, previous_end: str) -> bool:
    """Whether ``line`` goes on from ``previous`` rather than starting a paragraph.

    It does when the line above is an item with nothing after its number yet, ran to
    the right margin, or broke a word in two; or when this line is a bracketed
    explanation of it. ``previous_end`` is the end of the text above (all of it, or at
    least the part ``is_broken_word`` reads).
    """
    if previous.kind not in (Kind.ITEM, Kind.TEXT):
        return False
    if previous.kind is Kind.ITEM and not previous_end.strip():
        return True
    if previous.wrapped or line.text.text.startswith("("):
        return True
    return is_broken_word(previous_end, line.text.text)


# Three or more number cells at the end of an item: a table's target or year columns.
_NUMBER_CELLS = re.compile(r"(?:\s+(?:[-–]|\d[\d,.]*%?)){3,}\s*$")


def settle(line: Line) -> Line:
    """Cut a trailing lead-in off an item or text and record what it announces; cut the
    cells of a table's number columns off an item ("... (ร้อยละ) 5 5 5 5")."""
    if line.kind not in (Kind.ITEM, Kind.TEXT):
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


def classify(lines: Iterable[LogicalLine]) -> Iterator[Line]:
    """Typed lines for a document's logical lines, one at a time."""
    recognised = (typed for line in lines for typed in recognise(line))
    expanded = (typed for line in fold_continuations(recognised) for typed in expand(line))
    return (settle(line) for line in expanded)
