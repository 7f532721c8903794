"""A PDF page's characters to the lines a person reads on it, Thai made whole again.

PDFium gives every character of a page with its boxes, in the order the page draws
them. Taking its own line text loses Thai: marks have no width, so they come out after
the wrong consonant in bold runs, on lines of their own in other tools, and Word's ำ
comes out as a space plus า. This stage rebuilds the lines from the boxes instead, in
order:

1. Private-use Thai (UPC fonts' shifted tone marks, U+F700-U+F71A) becomes the letters
   it draws. (``pdf`` has already made a space with ink, Word's nikhahit, a nikhahit.)
2. Letters are cut into runs by baseline, not by gaps: a run ends where the baseline
   moves, the pen goes back, or a table's vertical rule stands between two letters.
3. Each mark is put on the consonant its ink covers, whatever the drawing order (bold
   runs draw marks after the next letter, Distiller after the word, the gazette's
   stamped header at the end of the page); a tone mark stacked on an upper vowel goes
   with the vowel. Marks are written after their consonant in the stored order: vowel,
   then tone mark, then the rest. A nikhahit before า makes ำ; an ำ the PDF drew itself
   is read as า where the dictionary reads the words better so (fonts that map า to ำ).
4. Spaces: the PDF's own are kept, and one is added only at a gap much wider than the
   line's usual gap between letters (justified lines are letter-spaced).
5. Runs on one baseline make a line. Runs inside a table's cells (rectangles bounded by
   rules on four sides) are read cell by cell, row by row, left to right, and the lines
   of a cell joined into its paragraphs, so a table reaches the text stages one cell a
   line.
6. A letter a clip path hides (``pdf`` marks it) is not written, nor are its marks.

Everything here is a pure function of the characters, the rules and what ``Metrics``
tells of a run's first letter, which ``pdf`` reads from PDFium. Coordinates are PDF
points, y upwards, until the lines are made; a ``Line`` measures y from the top of the
page.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Callable, NamedTuple, Protocol, Sequence

from .dictionary import unknown_chars


class Glyph(NamedTuple):
    """One character PDFium found on the page (generated spaces and line ends excluded).

    A letter's (or space's) box is its advance: from the pen position before it to the
    one after it, from the font's descent to its ascent (PDFium's "loose" box). A mark
    has no advance, so its box is its ink.
    """

    char: str
    left: float
    bottom: float
    right: float
    top: float
    # Its position in the page's character stream, for ``Metrics`` (not ``index``, which
    # would hide the tuple's method).
    stream_index: int
    # Out of sight behind a clip path (a table cell of a fixed height): it still places
    # its line and takes its marks, but neither it nor they are written.
    hidden: bool = False


class Rule(NamedTuple):
    """A ruling line of a table: horizontal from (start, at) to (end, at), or vertical
    from (at, start) to (at, end)."""

    at: float
    start: float
    end: float


class Metrics(Protocol):
    """What PDFium tells of a character beyond its box, asked once a run (one call a
    question a character)."""

    def size(self, index: int) -> float:
        """The size it is drawn at, in points."""

    def bold(self, index: int) -> bool:
        """Whether its font is bold."""

    def baseline(self, index: int) -> float:
        """The height of its origin, on the baseline."""


@dataclass(frozen=True, slots=True)
class Line:
    """A rebuilt line: its text, where it starts and in which font."""

    text: str
    x: float  # left edge of its first letter, points from the page's left edge
    y: float  # baseline, points from the top of the page
    size: float  # font size in points
    bold: bool  # set in a bold font (its first letter)
    # Its paragraph ends here, which the text alone would not show: a table cell's bold
    # name above the regular paragraph that explains it. The text has a blank line after it.
    ends_paragraph: bool = False


# ----------------------------------------------------------------- characters

# UPC and other old Thai fonts draw shifted and lowered forms from the private-use area
# (the layout Microsoft and Apple fonts share); each stands for an ordinary letter.
THAI_PRIVATE_USE = {
    "\uf700": "\u0e10",  # tho than without its descender
    "\uf701": "\u0e34", "\uf702": "\u0e35", "\uf703": "\u0e36", "\uf704": "\u0e37",  # upper vowels, left
    "\uf705": "\u0e48", "\uf706": "\u0e49", "\uf707": "\u0e4a", "\uf708": "\u0e4b",  # tone marks, low left
    "\uf709": "\u0e4c",  # thanthakhat, low left
    "\uf70a": "\u0e48", "\uf70b": "\u0e49", "\uf70c": "\u0e4a", "\uf70d": "\u0e4b",  # tone marks, low
    "\uf70e": "\u0e4c",  # thanthakhat, low
    "\uf70f": "\u0e0d",  # yo ying without its descender
    "\uf710": "\u0e31", "\uf711": "\u0e4d", "\uf712": "\u0e47",  # mai han akat, nikhahit, mai taikhu, left
    "\uf713": "\u0e48", "\uf714": "\u0e49", "\uf715": "\u0e4a", "\uf716": "\u0e4b",  # tone marks, left
    "\uf717": "\u0e4c",  # thanthakhat, left
    "\uf718": "\u0e38", "\uf719": "\u0e39", "\uf71a": "\u0e3a",  # lower vowels, low
}
# Symbol fonts have no Unicode map: PDFium gives their glyphs as U+F000 plus the code.
# The glyphs forms use, by font family (lower case, no spaces) and code, as the form
# shows them; an unknown one stays as PDFium gives it.
SYMBOLS = {
    "wingdings": {0x6C: "●", 0x6E: "■", 0x6F: "□", 0x71: "❑", 0x76: "❖",
                  0xA6: "❍", 0xA7: "▪", 0xA8: "◻", 0xD8: "➢", 0xFC: "✓", 0xFD: "☒", 0xFE: "☑"},
    "wingdings2": {0x99: "○", 0xA3: "□"},
    "webdings": {0x63: "□"},
    "symbol": {0xB7: "•"},
}
_FONT_SUBSET = re.compile(r"^[A-Z]{6}\+")
_FONT_STYLE = re.compile(r"[-,](?:regular|bold|italic|bolditalic)$")


def symbol_char(font: str, char: str) -> str:
    """The Unicode symbol a symbol font's glyph draws (``font`` as the PDF names it)."""
    family = _FONT_STYLE.sub("", _FONT_SUBSET.sub("", font).lower()).replace(" ", "")
    return SYMBOLS.get(family, {}).get(ord(char) - 0xF000, char)


_SARA_AA = "\u0e32"
_SARA_AM = "\u0e33"
# Marks in their stored order after a consonant: vowels above and below (and mai
# taikhu), then tone marks, then thanthakhat, nikhahit and yamakkan.
_MARK_RANK = {mark: 0 for mark in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47"}
_MARK_RANK.update({mark: 1 for mark in "\u0e48\u0e49\u0e4a\u0e4b"})
_MARK_RANK.update({mark: 2 for mark in "\u0e4c\u0e4d\u0e4e"})
_BELOW = frozenset("\u0e38\u0e39\u0e3a")
# Characters that take no width: each is placed by its ink alone.
MARKS = frozenset(_MARK_RANK) | frozenset(
    code for code, letter in THAI_PRIVATE_USE.items() if letter in _MARK_RANK)
NIKHAHIT = "\u0e4d"
# A space with ink this high (points) draws a glyph: Word's nikhahit, the first half of
# ำ. A real space has no ink (PDFium gives it a box a few hundredths of a point high).
_INKED_SPACE = 0.3


def draws_nikhahit(char: str, bottom: float, top: float) -> bool:
    """Whether a character PDFium reports, with its ink box, is a space drawing a nikhahit."""
    return char == " " and top - bottom > _INKED_SPACE


# ----------------------------------------------------------------- thresholds, in ems

# A run goes on while its letters' boxes stand within this much of its first letter's ...
_SAME_BASELINE = 0.3
# ... and the pen does not go back more than this.
_BACKWARDS = 0.5
# A mark is put on a consonant whose baseline is within this range below its ink.
_UPPER_MARK_RISE = (0.1, 1.3)
_LOWER_MARK_DROP = (-0.8, 0.3)
# A tone mark sits on an upper vowel when its ink starts between the vowel's middle and
# this far above the vowel's top.
_STACK_GAP = 0.2
# With no consonant under its ink, a mark goes to the nearest one within this distance.
_NEAREST_MARK_BASE = 0.6
# Marks are looked for among this many letters after them in the drawing order, and
# this many before (Distiller draws a word's marks after the word), before the whole
# page is searched (the gazette's stamped header draws its marks at the end of the page).
_MARK_NEIGHBOURS = 4
_MARKS_AFTER_WORD = 12
# A gap is a space where it is wider than both of these (the line's median gap doubled
# plus this, and this alone).
_SPACE_OVER_MEDIAN = 0.1
_SPACE_AT_LEAST = 0.15
# A line in a cell starts a paragraph when it is indented this much past the cell's
# other lines, or its baseline is this far below the line above.
_PARAGRAPH_INDENT = 1.0
_PARAGRAPH_GAP = 1.9
# Rules: the tolerance when asking whether a rule bounds or spans something (points).
_RULE_SLACK = 2.0
# Cells whose tops are this close (points) are in one row.
_SAME_ROW = 2.0

# A line that starts a list item inside a cell: a number (1. 1.1 ๑.๑ (1) 1)) or a bullet.
_ITEM_START = re.compile(r"(?:\(?[0-9๐-๙]{1,3}(?:[.)]|\.[0-9๐-๙]{1,3})|[-–•●○◦▪■□➢➤►✓✔*])")
_THAI = re.compile("[\u0e01-\u0e4e]")


# ----------------------------------------------------------------- the stage

def rebuild_lines(glyphs: Sequence[Glyph], horizontal: Sequence[Rule], vertical: Sequence[Rule],
                  metrics: Metrics, page_height: float) -> list[Line]:
    """The lines of a page in drawing order, a table's cells row by row, one paragraph a line."""
    horizontal, vertical = merge_rules(horizontal), merge_rules(vertical)
    letters, marks = _split_marks(glyphs)
    runs, run_of = _cut_runs(letters, vertical, metrics)
    marks_of = _attach_marks(letters, run_of, marks)
    cells = _Cells(horizontal, vertical)
    texts: list[_Text] = []
    for table, block in _blocks(runs, cells):
        if table:
            texts += _read_table(block, marks_of)
        else:
            texts += [_text_of(group, marks_of) for group in _on_baselines(block)]
    return [Line(text.text, text.x, page_height - text.y, text.size, text.bold, text.ends_paragraph)
            for text in texts if text.text]


class _Run:
    """Letters (and the PDF's own spaces) the pen wrote in one go along one baseline."""

    __slots__ = ("glyphs", "size", "bold", "y", "cell")

    def __init__(self, first: Glyph, metrics: Metrics) -> None:
        self.glyphs = [first]
        self.size = metrics.size(first.stream_index) or _DEFAULT_SIZE
        self.bold = metrics.bold(first.stream_index)
        self.y = metrics.baseline(first.stream_index)  # the baseline
        self.cell: tuple[float, float, float, float] | None = None

    @property
    def left(self) -> float:
        return self.glyphs[0].left

    @property
    def right(self) -> float:
        return max(glyph.right for glyph in self.glyphs)


# PDFium reports no size for a character drawn with a zero font matrix.
_DEFAULT_SIZE = 12.0


def _split_marks(glyphs: Sequence[Glyph]) -> tuple[list[Glyph], list[tuple[Glyph, int]]]:
    """(letters and spaces, marks), each in drawing order, private-use Thai mapped. Each
    mark comes with the number of letters drawn before it."""
    letters: list[Glyph] = []
    marks: list[tuple[Glyph, int]] = []
    for glyph in glyphs:
        char = glyph[0]
        if char not in _NOT_LETTERS:  # one test for most characters
            letters.append(glyph)
            continue
        if char in THAI_PRIVATE_USE:
            char = THAI_PRIVATE_USE[char]
            glyph = glyph._replace(char=char)
        if char in _MARK_RANK:
            marks.append((glyph, len(letters)))
        elif char == " ":
            letters.append(glyph)
        elif char in _SPACES:
            letters.append(glyph._replace(char=" "))
        elif not char.isspace():  # private-use letters (ฐ, ญ without their tails)
            letters.append(glyph)
    return letters, marks


# White space that separates words on a line (line ends and form feeds do not).
_SPACES = frozenset(" \u00a0\t\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u3000")
# Characters that are not simply letters: marks, private-use Thai, white space (all
# that str.isspace calls so).
_NOT_LETTERS = frozenset(_MARK_RANK) | frozenset(THAI_PRIVATE_USE) | frozenset(
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def _cut_runs(letters: list[Glyph], vertical: list[Rule],
              metrics: Metrics) -> tuple[list[_Run], list[_Run | None]]:
    """Runs: a new one where the baseline moves, the pen goes back or a rule intervenes.
    Also the run of each letter (None for a space no run took)."""
    runs: list[_Run] = []
    run_of: list[_Run | None] = []
    run: _Run | None = None
    # The run's bounds, and the last letter's box edges, kept in locals: this loop runs
    # for every letter of the page.
    floor = baseline_slack = backwards = previous_left = previous_right = 0.0
    for glyph in letters:
        char, left, bottom, right = glyph[0], glyph[1], glyph[2], glyph[3]
        if (run is not None and abs(bottom - floor) <= baseline_slack
                and left >= previous_left - backwards
                and (left - previous_right < _CELL_PADDING
                     or not _rule_between(vertical, previous_right, left, run.y))):
            run.glyphs.append(glyph)
        elif char == " ":  # a run never starts with a space
            run = None
        else:
            run = _Run(glyph, metrics)
            runs.append(run)
            floor, baseline_slack, backwards = bottom, _SAME_BASELINE * run.size, _BACKWARDS * run.size
        run_of.append(run)
        previous_left, previous_right = left, right
    return runs, run_of


def _rule_between(vertical: list[Rule], left: float, right: float, y: float) -> bool:
    """Whether a vertical rule crosses the baseline at ``y`` between ``left`` and ``right``."""
    for rule in vertical[bisect.bisect_left(vertical, (left - 1,)):]:
        if rule.at > right + 1:
            return False
        if rule.start - _RULE_SLACK <= y <= rule.end + _RULE_SLACK:
            return True
    return False


# Text in two cells is at least this far apart (points): the cells' padding.
_CELL_PADDING = 1.5


def merge_rules(rules: Sequence[Rule]) -> list[Rule]:
    """Rules sorted by position, collinear pieces that touch joined into one (Word draws
    a table's border cell by cell, with a dot at every corner)."""
    merged: list[Rule] = []
    for rule in sorted(rules):
        last = merged[-1] if merged else None
        if last is not None and rule.at - last.at <= 1.0 and rule.start <= last.end + _RULE_SLACK:
            merged[-1] = Rule(last.at, last.start, max(last.end, rule.end))
        else:
            merged.append(rule)
    # The same line drawn twice a little apart merges too; keep them sorted by position.
    return sorted(merged)


# ----------------------------------------------------------------- marks

def _attach_marks(letters: list[Glyph], run_of: list[_Run | None],
                  marks: list[tuple[Glyph, int]]) -> dict[int, list[str]]:
    """The marks of each letter (by its stream index), in stored order.

    A vowel (or nikhahit) goes to the consonant its ink covers; a tone mark stacked on a
    vowel to that vowel's consonant (its ink may reach over the next letter), any other
    to the consonant under it. Most marks follow their consonant in the drawing order
    and cover it: that one is tried first; then the letters drawn near the mark; then
    any letter under its ink (the gazette's stamped header draws its marks at the end).
    """
    if not marks:
        return {}
    # The consonants by left edge, and their left edges: made once, when first needed.
    page_wide: list[tuple[list[tuple[Glyph, _Run]], list[float]]] = []

    def consonant_at(position: int) -> tuple[Glyph, _Run] | None:
        if 0 <= position < len(letters):
            glyph, run = letters[position], run_of[position]
            if run is not None and "\u0e01" <= glyph.char <= "\u0e2e":
                return glyph, run
        return None

    def base_of(mark: Glyph, position: int) -> tuple[Glyph, _Run] | None:
        previous = consonant_at(position - 1)
        if previous is not None and _sits_on(mark, *previous):
            return previous
        near = [found for found in map(consonant_at, range(position - _MARKS_AFTER_WORD,
                                                           position + _MARK_NEIGHBOURS))
                if found is not None]
        found = _covered(mark, near)
        if found is None or not _sits_on(mark, *found):
            if not page_wide:
                consonants = sorted(filter(None, map(consonant_at, range(len(letters)))),
                                    key=lambda consonant: consonant[0].left)
                page_wide.append((consonants, [glyph.left for glyph, _ in consonants]))
            consonants, lefts = page_wide[0]
            start = bisect.bisect_left(lefts, mark.left - _WIDEST_LETTER)
            found = _covered(mark, consonants[start:bisect.bisect_right(lefts, mark.right)])
        return found or _covered(mark, near, nearest=True)

    attached: dict[int, list[str]] = {}
    vowels: list[tuple[Glyph, Glyph, float]] = []  # upper vowels: (vowel, consonant, em)
    for mark, position in marks:
        base = None
        if mark.char in _STACKED:
            base = _stacked_on(mark, vowels[-_MARK_NEIGHBOURS:])
        if base is None:
            found = base_of(mark, position)
            if found is None:
                continue
            base, run = found
            if mark.char not in _STACKED and mark.char not in _BELOW:
                vowels.append((mark, base, run.size))
        attached.setdefault(base.stream_index, []).append(mark.char)
    for index, chars in attached.items():
        if len(chars) > 1:
            attached[index] = sorted(set(chars), key=_MARK_RANK.__getitem__)
    return attached


# No letter's box is wider than this (points): where to look left of a mark.
_WIDEST_LETTER = 40.0


# Marks written above an upper vowel when the consonant has one.
_STACKED = frozenset("\u0e48\u0e49\u0e4a\u0e4b\u0e4c")


def _sits_on(mark: Glyph, glyph: Glyph, run: _Run) -> bool:
    """Whether the middle of the mark's ink is over the letter, at the mark's height."""
    if not glyph.left <= (mark.left + mark.right) / 2 <= glyph.right:
        return False
    low, high = _LOWER_MARK_DROP if mark.char in _BELOW else _UPPER_MARK_RISE
    return low <= ((mark.top if mark.char in _BELOW else mark.bottom) - run.y) / run.size <= high


def _stacked_on(mark: Glyph, vowels: list[tuple[Glyph, Glyph, float]]) -> Glyph | None:
    """The consonant of the upper vowel the mark sits on, if it sits on one."""
    best, best_overlap = None, 0.0
    for vowel, base, em in vowels:
        overlap = min(mark.right, vowel.right) - max(mark.left, vowel.left)
        if (overlap > best_overlap
                and (vowel.bottom + vowel.top) / 2 <= mark.bottom <= vowel.top + _STACK_GAP * em):
            best, best_overlap = base, overlap
    return best


def _covered(mark: Glyph, candidates: list[tuple[Glyph, _Run]],
             nearest: bool = False) -> tuple[Glyph, _Run] | None:
    """The consonant the mark covers most, at the right height for the mark; with
    ``nearest``, failing that the nearest one. None when there is none."""
    below = mark.char in _BELOW
    low, high = _LOWER_MARK_DROP if below else _UPPER_MARK_RISE
    height = mark.top if below else mark.bottom
    best, best_score = None, None
    for glyph, run in candidates:
        em = run.size
        if not low <= (height - run.y) / em <= high:
            continue
        overlap = min(mark.right, glyph.right) - max(mark.left, glyph.left)
        if overlap <= 0:
            distance = max(glyph.left - mark.right, mark.left - glyph.right)
            if not nearest or distance > _NEAREST_MARK_BASE * em:
                continue
            overlap = -distance
        score = (overlap, -abs(glyph.stream_index - mark.stream_index))
        if best_score is None or score > best_score:
            best, best_score = (glyph, run), score
    return best


# ----------------------------------------------------------------- lines

@dataclass(slots=True)
class _Text:
    """A line's text while it is built, with what joining it to the next one needs."""

    text: str
    x: float
    y: float  # PDF coordinates: the first baseline ...
    last_y: float  # ... and the last, once lines are joined into a paragraph
    size: float
    bold: bool
    ends_with_space: bool
    ends_paragraph: bool = False


def _on_baselines(runs: list[_Run]) -> list[list[_Run]]:
    """Consecutive runs on one baseline, the pen moving on: the runs of each line."""
    groups: list[list[_Run]] = []
    for run in runs:
        if groups:
            last = groups[-1][-1]
            if (abs(run.y - last.y) <= _SAME_BASELINE * last.size
                    and run.left >= last.glyphs[-1].left - _BACKWARDS * last.size):
                groups[-1].append(run)
                continue
        groups.append([run])
    return groups


def _text_of(runs: list[_Run], marks_of: dict[int, list[str]]) -> _Text:
    """The text of one line: letters with their marks after them, spaces where they belong."""
    glyphs = runs[0].glyphs if len(runs) == 1 else [glyph for run in runs for glyph in run.glyphs]
    first = runs[0]
    threshold = _space_threshold(glyphs, first.size)
    parts: list[str] = []  # one character each
    drawn_am: list[int] = []  # where the PDF itself gave ำ: maybe า in a font that maps it so
    space = False
    previous_right: float | None = None
    am_follows = False  # the last consonant's nikhahit makes the next vowel ำ
    # Fields unpacked, not read by name: this loop runs for every letter of the page.
    for position, (char, left, _, right, _, index, hidden) in enumerate(glyphs):
        if hidden:
            continue
        if char == " ":
            space = True
            continue
        if previous_right is not None and (space or left - previous_right > threshold):
            parts.append(" ")
        space = False
        previous_right = right
        marks = marks_of.get(index)
        if am_follows or char == _SARA_AM:
            if char in _AA_OR_AM and (am_follows or (marks and NIKHAHIT in marks)):
                char = _SARA_AM  # nikhahit and า: Word's ำ (and ำ, where the font maps า to it)
            elif char == _SARA_AM:
                drawn_am.append(len(parts))
            am_follows = False
        if marks is None:
            parts.append(char)
            continue
        if NIKHAHIT in marks:
            marks = [mark for mark in marks if mark != NIKHAHIT]
            following = glyphs[position + 1].char if position + 1 < len(glyphs) else ""
            if char == _SARA_AA:
                char = _SARA_AM  # the nikhahit's ink is over the า itself
            elif following in _AA_OR_AM and char != _SARA_AM:
                am_follows = True
            elif char != _SARA_AM:
                marks.append(NIKHAHIT)  # a nikhahit of its own (Pali, Sanskrit)
        parts.append(char)
        parts.extend(marks)
    text = "".join(parts) if not drawn_am else read_am_as_aa("".join(parts), drawn_am)
    return _Text(text, first.left, first.y, first.y, first.size, first.bold, space)


_AA_OR_AM = frozenset((_SARA_AA, _SARA_AM))


def _space_threshold(glyphs: list[Glyph], em: float) -> float:
    """The gap (points) past which two letters of a line have a space between them."""
    gaps = [following[1] - preceding[3]  # left of the one, right of the other
            for preceding, following in zip(glyphs, glyphs[1:])
            if preceding[0] != " " and following[0] != " " and not preceding[6] and not following[6]]
    threshold = _SPACE_AT_LEAST * em
    if len(gaps) >= 2:
        gaps.sort()
        middle = len(gaps) // 2
        median = gaps[middle] if len(gaps) % 2 else (gaps[middle - 1] + gaps[middle]) / 2
        threshold = max(threshold, 2 * median + _SPACE_OVER_MEDIAN * em)
    return threshold


def read_am_as_aa(text: str, positions: list[int]) -> str:
    """``text`` with the ำ at ``positions`` read as า where the dictionary reads the
    words around it better so: some fonts map their า to ำ (ยุทธศำสตร์, ผ่ำน)."""
    chars = list(text)
    for at in positions:
        start = at
        while start > max(0, at - _AM_WINDOW) and _THAI.match(chars[start - 1]):
            start -= 1
        end = at + 1
        while end < min(len(chars), at + _AM_WINDOW) and _THAI.match(chars[end]):
            end += 1
        as_drawn = "".join(chars[start:end])
        as_aa = as_drawn[:at - start] + _SARA_AA + as_drawn[at - start + 1:]
        if unknown_chars(as_aa) < unknown_chars(as_drawn):  # fewer strays, else fewer words
            chars[at] = _SARA_AA
    return "".join(chars)


# The dictionary weighs this many letters either side of an ำ that may be า.
_AM_WINDOW = 20


# ----------------------------------------------------------------- tables

class _Cells:
    """The cell around a run: the nearest rules left and right of it that cross its
    line, and above and below it that span the width between those two."""

    def __init__(self, horizontal: list[Rule], vertical: list[Rule]) -> None:
        self.horizontal = horizontal
        self.vertical = vertical

    def of(self, run: _Run) -> tuple[float, float, float, float] | None:
        if not self.horizontal or not self.vertical:
            return None
        middle = run.y + _X_HEIGHT * run.size
        left = _nearest(self.vertical, run.left + _RULE_SLACK, -1,
                        lambda rule: rule.start - _RULE_SLACK <= middle <= rule.end + _RULE_SLACK)
        right = _nearest(self.vertical, run.right - _RULE_SLACK, +1,
                         lambda rule: rule.start - _RULE_SLACK <= middle <= rule.end + _RULE_SLACK)
        if left is None or right is None:
            return None

        def spans(rule: Rule) -> bool:
            return rule.start <= left + _RULE_SLACK and rule.end >= right - _RULE_SLACK

        top = _nearest(self.horizontal, middle, +1, spans)
        bottom = _nearest(self.horizontal, middle, -1, spans)
        if top is None or bottom is None:
            return None
        return (left, bottom, right, top)


# The middle of a Thai letter stands this far above the baseline (ems).
_X_HEIGHT = 0.25


def _nearest(rules: list[Rule], at: float, direction: int,
             fits: Callable[[Rule], bool]) -> float | None:
    """The position of the first rule from ``at`` in ``direction`` that ``fits``."""
    start = bisect.bisect_left(rules, (at,))
    indexes = range(start - 1, -1, -1) if direction < 0 else range(start, len(rules))
    for index in indexes:
        if fits(rules[index]):
            return rules[index].at
    return None


def _blocks(runs: list[_Run], cells: _Cells) -> list[tuple[bool, list[_Run]]]:
    """Consecutive runs outside tables, and consecutive runs inside table cells."""
    blocks: list[tuple[bool, list[_Run]]] = []
    for run in runs:
        run.cell = cells.of(run)
        table = run.cell is not None
        if blocks and blocks[-1][0] == table:
            blocks[-1][1].append(run)
        else:
            blocks.append((table, [run]))
    return blocks


def _read_table(runs: list[_Run], marks_of: dict[int, list[str]]) -> list[_Text]:
    """A table's cells row by row (by the rule above them), left to right, each cell's
    lines joined into its paragraphs."""
    by_cell: dict[tuple[float, float, float, float], list[_Run]] = {}
    for run in runs:
        assert run.cell is not None, "_blocks hands on only runs inside a cell here"
        by_cell.setdefault(run.cell, []).append(run)
    rows: list[list[tuple[float, float, float, float]]] = []
    for cell in sorted(by_cell, key=lambda cell: -cell[3]):
        if rows and rows[-1][0][3] - cell[3] <= _SAME_ROW:
            rows[-1].append(cell)
        else:
            rows.append([cell])
    texts: list[_Text] = []
    for row in rows:
        for cell in sorted(row, key=lambda cell: cell[0]):
            lines = [_text_of(group, marks_of) for group in _on_baselines(by_cell[cell])]
            texts += _paragraphs([line for line in lines if line.text])
    return texts


def _paragraphs(lines: list[_Text]) -> list[_Text]:
    """A cell's lines joined into paragraphs: a paragraph starts with a number or a
    bullet, an indented line, a change between bold and regular, or a wider gap.

    A change of font is marked as the end of a paragraph (``Line.ends_paragraph``): in
    the text it leaves no sign, and a long bold name ("๑.๒ พัฒนาโครงสร้าง…", wider than
    the page's lines) would read as running on into the paragraph that explains it."""
    if not lines:
        return []
    margin = min(line.x for line in lines)
    paragraphs = [lines[0]]
    for line in lines[1:]:
        above = paragraphs[-1]
        if (line.bold != above.bold or _ITEM_START.match(line.text)
                or line.x > margin + _PARAGRAPH_INDENT * line.size
                or above.last_y - line.y > _PARAGRAPH_GAP * line.size):
            above.ends_paragraph = line.bold != above.bold
            paragraphs.append(line)
            continue
        glue = "" if (not above.ends_with_space and _THAI.match(above.text[-1:])
                      and _THAI.match(line.text)) else " "
        above.text += glue + line.text
        above.last_y = line.y
        above.ends_with_space = line.ends_with_space
    return paragraphs
