"""The dictionary question, and the shortcuts taken to ask it fast."""

from __future__ import annotations

import functools
import re

import pytest
from hypothesis import given, strategies as st

from planparse.dictionary import (every_length, index_word_lengths, indexed_lengths, is_broken_word,
                                  segment, unknown_chars, words)

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
    (left_stray, left_words), (right_stray, right_words) = unknown_chars(tail_text), unknown_chars(head_text)
    joined_stray, joined_words = unknown_chars(tail_text + head_text)
    return joined_stray < left_stray + right_stray or (
        joined_stray == left_stray + right_stray and joined_words < left_words + right_words)


@pytest.mark.parametrize("left, right, broken", [
    ("การอนุรักษ์ทรัพยากรธรร", "มชาติ", True),
    ("พัฒนาเศรษฐกิจ", "ยั่งยืน", False),
    ("เพิ่มประสิทธิ", "ภาพการให้บริการ", True),  # both halves are words; one crosses the break
    ("คณะกรรมการ", "ครม. และ", False),  # an abbreviation is a word of its own
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


thai_syllables = st.lists(st.sampled_from(
    ["ก", "การ", "พัฒนา", "ทรัพยากร", "ธรร", "มชาติ", "ส่ง", "เสริม", "ี่", "ๆ", "a", "ยั่งยืน", "ข",
     "ฆ", "ฒ", "ฆ้อง", "ฒิ", "นา", "ร้าน"]),  # ฆ and ฒ are one-letter words too
    max_size=12).map("".join)


@given(thai_syllables | st.text(alphabet=st.characters(min_codepoint=0x0E01, max_codepoint=0x0E4E),
                                max_size=32))
def test_the_index_of_word_lengths_finds_what_every_length_finds(text):
    assert segment(text, indexed_lengths(_index())) == segment(text, every_length)


@functools.cache
def _index():
    return index_word_lengths(words())
