"""The dictionary question, and the shortcuts taken to ask it fast."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, strategies as st

from planparse.dictionary import is_broken_word, unknown_chars

WINDOW = 16


def broken_by_definition(left: str, right: str) -> bool:
    """``is_broken_word`` as first written: whole-string strips and searches."""
    if re.match("[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]", right):
        return True
    tail = re.search("[\u0e01-\u0e4e]+$", left.rstrip())
    head = re.match("[\u0e01-\u0e4e]+", right.lstrip())
    if not tail or not head:
        return False
    tail_text, head_text = tail.group()[-WINDOW:], head.group()[:WINDOW]
    apart = unknown_chars(tail_text)[0] + unknown_chars(head_text)[0]
    return apart > 0 and unknown_chars(tail_text + head_text)[0] < apart


@pytest.mark.parametrize("left, right, broken", [
    ("การอนุรักษ์ทรัพยากรธรร", "มชาติ", True),
    ("พัฒนาเศรษฐกิจ", "ยั่งยืน", False),
    ("ส่งเสริมการท่องเที่ยว", "ี่ยั่งยืน", True),  # a fragment that starts with a mark
    ("ทรัพยากรธรร" + " " * 200, "มชาติ", True),  # trailing spaces longer than the window
    ("1. ", "มชาติ", False),
])
def test_broken_word(left, right, broken):
    assert is_broken_word(left, right) is broken


pieces = st.lists(st.sampled_from(["ทรัพยากร", "ธรร", "มชาติ", "การ", "พัฒนา", " ", "  ", "1.", "a", "ี่"]),
                  max_size=40).map("".join)


@given(pieces, pieces)
def test_shortcuts_give_the_definition(left, right):
    assert is_broken_word(left, right) == broken_by_definition(left, right)
