"""Text that remembers which input lines each of its characters came from.

Provenance has to survive cleaning: labels are cut from the front, lead-ins from the
back, broken lines are joined. ``SpannedText`` does those edits and can always say which
input lines the remaining characters were written on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dictionary import ABBREVIATION_START, LEFT_CONTEXT, is_broken_word
from .model import Span


_THAI = re.compile("[\u0e01-\u0e4e]")


def skip_spaces(text: str, position: int) -> int:
    """The first position at or after ``position`` that is not a space (normalised text
    holds no other white space inside a line)."""
    while position < len(text) and text[position] == " ":
        position += 1
    return position


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of characters of one logical line: its offset in the text and its lines."""

    offset: int
    start_line: int
    end_line: int


@dataclass(frozen=True, slots=True)
class SpannedText:
    """A string and, for each run of it, the input lines it came from."""

    text: str
    pieces: tuple[Piece, ...]

    @classmethod
    def of_line(cls, text: str, start_line: int, end_line: int) -> SpannedText:
        return cls(text, (Piece(0, start_line, end_line),))

    def __bool__(self) -> bool:
        return bool(self.text.strip())

    def span(self) -> Span:
        """The input lines of the non-space characters (all lines when there are none)."""
        first = len(self.text) - len(self.text.lstrip())
        last = len(self.text.rstrip()) - 1
        if last < first:
            first, last = 0, max(0, len(self.text) - 1)
        return Span(start_line=self._piece_at(first).start_line,
                    end_line=self._piece_at(last).end_line)

    def slice(self, start: int, end: int | None = None) -> SpannedText:
        """The characters ``start:end`` with their own provenance."""
        end = len(self.text) if end is None else end
        start, end = max(0, start), max(start, min(end, len(self.text)))
        pieces = [
            Piece(max(0, piece.offset - start), piece.start_line, piece.end_line)
            for index, piece in enumerate(self.pieces)
            if piece.offset < end and self._piece_end(index) > start
        ]
        return SpannedText(self.text[start:end], tuple(pieces) or (self._piece_at(start),))

    def strip(self) -> SpannedText:
        start = len(self.text) - len(self.text.lstrip())
        end = len(self.text.rstrip())
        if start == 0 and end == len(self.text):
            return self
        return self.slice(start, end)

    def join(self, other: SpannedText, wrapped: bool = False) -> SpannedText:
        """Append the next line: no space inside a word broken across the lines, nor
        between Thai words where the line above ran to the margin (Thai wraps inside a
        phrase without a space; a space would be a break the author did not write)."""
        joined = Joiner(self)
        joined.append(other, wrapped)
        return joined.build()

    def _piece_end(self, index: int) -> int:
        return self.pieces[index + 1].offset if index + 1 < len(self.pieces) else len(self.text)

    def _piece_at(self, position: int) -> Piece:
        found = self.pieces[0]
        for piece in self.pieces:
            if piece.offset <= position:
                found = piece
        return found


class Joiner:
    """A text that lines are joined to one after another, as ``SpannedText.join`` joins
    two, in time linear in the whole: joining pairwise copies the text so far at every
    line, quadratic in a paragraph of many wrapped lines (40,000: 26 s).

    Its text is kept stripped, so its end is all a join looks at (``tail``).
    """

    __slots__ = ("_parts", "_pieces", "_length", "_built")

    def __init__(self, start: SpannedText) -> None:
        self._restart(start.strip())

    def _restart(self, start: SpannedText) -> None:
        self._parts = [start.text]
        self._pieces = list(start.pieces)
        self._length = len(start.text)
        self._built: SpannedText | None = start

    def __bool__(self) -> bool:
        return self._length > 0

    def append(self, other: SpannedText, wrapped: bool = False) -> None:
        right = other.strip()
        if not self._length:
            self._restart(right)
            return
        if not right.text:
            return
        end = self.tail()
        thai_both_sides = _THAI.match(end[-1]) and _THAI.match(right.text[0])
        tight = (wrapped and thai_both_sides and not ABBREVIATION_START.match(right.text)) \
            or is_broken_word(end, right.text)
        glue = "" if tight else " "
        offset = self._length + len(glue)
        self._parts += (glue, right.text)
        self._pieces += [Piece(p.offset + offset, p.start_line, p.end_line) for p in right.pieces]
        self._length = offset + len(right.text)
        self._built = None

    def tail(self) -> str:
        """The end of the text: at least its last ``LEFT_CONTEXT`` characters."""
        end, index = "", len(self._parts)
        while len(end) < LEFT_CONTEXT and index:
            index -= 1
            end = self._parts[index] + end
        return end

    def build(self) -> SpannedText:
        if self._built is None:
            self._built = SpannedText("".join(self._parts), tuple(self._pieces))
            self._parts = [self._built.text]
        return self._built
