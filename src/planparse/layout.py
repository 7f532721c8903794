"""Physical lines to logical lines: the page, not the words.

Each step takes and returns a list of ``LogicalLine`` and is listed in ``STEPS`` in the
order it runs. Every logical line keeps the input lines it came from, so a two-column
page read column by column still points at the lines where each column runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from .normalize import collapse_spaces
from .spanned import SpannedText

# A line that starts with a vowel or tone mark lost its consonant to the line above
# (PDF extraction puts "ี้" of "ดังนี้" on a line of its own).
_STARTS_WITH_MARK = re.compile("^[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


@dataclass(frozen=True)
class LogicalLine:
    """One line of text as the author meant it, with the input lines it came from."""

    text: SpannedText
    indent: int

    @property
    def blank(self) -> bool:
        return not self.text


def to_logical(lines: list[str]) -> list[LogicalLine]:
    """Number the lines (1-based), measure their indentation, collapse their spaces."""
    return [
        LogicalLine(SpannedText.of_line(collapse_spaces(line), number, number),
                    len(line) - len(line.lstrip()))
        for number, line in enumerate(lines, start=1)
    ]


def join_dangling_marks(lines: list[LogicalLine]) -> list[LogicalLine]:
    """Join a line that starts with a vowel or tone mark to the text line above it."""
    result: list[LogicalLine] = []
    for line in lines:
        if _STARTS_WITH_MARK.match(line.text.text):
            previous = _last_text_index(result)
            if previous is not None:
                result[previous] = replace(result[previous],
                                           text=result[previous].text.join(line.text))
                continue
        result.append(line)
    return result


def _last_text_index(lines: list[LogicalLine]) -> int | None:
    for index in range(len(lines) - 1, -1, -1):
        if not lines[index].blank:
            return index
    return None


STEPS: tuple[tuple[str, Callable[[list[LogicalLine]], list[LogicalLine]]], ...] = (
    ("dangling_marks", join_dangling_marks),
)


def layout(lines: list[str]) -> list[LogicalLine]:
    """Turn normalised physical lines into logical lines by running ``STEPS`` in order."""
    logical = to_logical(lines)
    for _, step in STEPS:
        logical = step(logical)
    return logical
