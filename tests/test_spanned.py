"""Text that remembers its input lines: joining many lines at once, as two at a time."""

from __future__ import annotations

import re

from hypothesis import example, given, strategies as st

from planparse.dictionary import is_broken_word
from planparse.spanned import Joiner, Piece, SpannedText


def join_pairwise(left: SpannedText, right: SpannedText, wrapped: bool) -> SpannedText:
    """``SpannedText.join`` as first written: both sides whole, the text copied."""
    left, right = left.strip(), right.strip()
    if not left.text:
        return right
    if not right.text:
        return left
    thai = re.compile("[\u0e01-\u0e4e]")
    thai_both_sides = thai.match(left.text[-1]) and thai.match(right.text[0])
    tight = (wrapped and thai_both_sides) or is_broken_word(left.text, right.text)
    glue = "" if tight else " "
    offset = len(left.text) + len(glue)
    moved = tuple(Piece(p.offset + offset, p.start_line, p.end_line) for p in right.pieces)
    return SpannedText(left.text + glue + right.text, left.pieces + moved)


line_texts = st.lists(st.sampled_from(
    ["ทรัพยากรธรร", "มชาติ", "สร้าง", "การพัฒนา", "ี่", " ", "", "  เศรษฐกิจ ", "1.", "(ก)", "abc", "ยั่งยืน"]),
    max_size=4).map("".join)


@given(st.lists(st.tuples(line_texts, st.booleans()), min_size=2, max_size=30))
# The end a join reads spans lines: "ทรัพยากรธรร" + "สร้าง" join tight, and only with both
# does "มชาติ" read as the rest of a word.
@example([("ทรัพยากรธรร", False), ("สร้าง", False), ("มชาติ", False)])
def test_a_joiner_gives_what_joining_two_at_a_time_gives(lines):
    texts = [SpannedText.of_line(text, number, number) for number, (text, _) in enumerate(lines, 1)]
    expected = texts[0]
    joiner = Joiner(texts[0])
    for text, (_, wrapped) in zip(texts[1:], lines[1:]):
        expected = join_pairwise(expected, text, wrapped)
        joiner.append(text, wrapped)
        assert bool(joiner) == bool(expected.text)
    built = joiner.build()
    assert (built.text, built.pieces) == (expected.text, expected.pieces)
    assert built.span() == expected.span()
