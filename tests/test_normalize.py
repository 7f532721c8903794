"""Normalisation: each step by example, and properties over any string."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, strategies as st

import planparse
from planparse.normalize import STEPS, collapse_spaces, normalize_line, normalize_text
from conftest import split_lines

STEP = dict(STEPS)

EXAMPLES = [
    ("digits", "ปี ๒๕๖๑ - ๒๕๖๕", "ปี 2561 - 2565"),
    ("spaces", "ก\u00a0\u00a0ข\u3000ค", "ก  ข ค"),
    ("spaces", "\tก", "    ก"),
    ("zero_width", "สวัสดี\u200bครับ\u200c", "สวัสดีครับ"),
    ("zero_width", "\ufeffวิสัยทัศน์", "วิสัยทัศน์"),
    ("mark_order", "เเผน", "แผน"),  # two sara e for sara ae
    ("mark_order", "กํา", "กำ"),  # nikhahit + sara aa for sara am
    ("mark_order", "ก่ิ", "กิ่"),  # tone mark typed before the vowel
    ("space_before_mark", "พ ุ่ม", "พุ่ม"),
    ("repeated_marks", "ดีี", "ดี"),
]


@pytest.mark.parametrize("step, before, after", EXAMPLES, ids=[f"{s}:{b}" for s, b, _ in EXAMPLES])
def test_step(step, before, after):
    assert STEP[step](before) == after


def test_layout_is_kept_for_the_layout_stage():
    line = "        ๑. พัฒนา   การศึกษา"
    assert normalize_line(line) == "        1. พัฒนา   การศึกษา"


def test_collapse_spaces():
    assert collapse_spaces("  ก \t ข\u00a0 ค  ") == "ก ข ค"


thai_text = st.text(alphabet=st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F)
                    | st.sampled_from(" \t\u00a0\u200b\ufeff.-()1"), max_size=60)


@given(st.one_of(thai_text, st.text(max_size=60)))
def test_normalising_twice_changes_nothing(text):
    once = normalize_line(text)
    assert normalize_line(once) == once


@given(thai_text)
def test_no_thai_letter_is_dropped(text):
    consonants = [char for char in text if "\u0e01" <= char <= "\u0e2e"]
    assert [char for char in normalize_line(text) if "\u0e01" <= char <= "\u0e2e"] == consonants


@given(st.text(max_size=60))
def test_no_thai_digit_survives(text):
    assert not any("\u0e50" <= char <= "\u0e59" for char in normalize_line(text))


# Thai letters and marks, the PDF damage the repairs look for, and the characters the
# character steps map.
damaged_thai = st.lists(st.sampled_from(
    list("กขตนบมลรสาำิีุู่้๊๋์ํเแ ") + ["ต าบล", "ก าหนด", "ที ่", "เเ", "\t", "\u00a0", "\u200b", "๑", "\f"]
), max_size=30).map("".join)


@given(st.lists(st.one_of(damaged_thai, st.text(max_size=40)), max_size=12),
       st.sampled_from(["\n", "\r\n", "\r"]))
def test_a_text_at_a_time_equals_a_line_at_a_time(texts, line_end):
    text = line_end.join(texts)
    assert normalize_text(text) == [normalize_line(line) for line in split_lines(text)]


def test_collapse_spaces_splits_on_what_a_regex_calls_white_space():
    # collapse_spaces uses str.split; layout and the vocabulary's patterns use \s.
    white = re.compile(r"\s")
    assert [code for code in range(0x110000)
            if bool(white.match(chr(code))) != chr(code).isspace()] == []


@given(st.text(alphabet=st.sampled_from(" \t\u00a0\u2028\u3000\x1cกข1"), max_size=30))
def test_collapse_spaces_is_the_regex_definition(text):
    assert collapse_spaces(text) == re.sub(r"\s+", " ", text).strip()


# Control characters: a bullet where a bullet stands, removed (with a warning) elsewhere.

@pytest.mark.parametrize("line, cleaned", [
    ("\x9f พัฒนาการศึกษา", "• พัฒนาการศึกษา"),  # a C1 control as a PDF's bullet
    ("    \x83พัฒนาการศึกษา", "    •พัฒนาการศึกษา"),  # indented, glued to its text
    ("\x01 ข้อ", "• ข้อ"),  # a C0 control
    ("\x00 ข้อ", " ข้อ"),  # NUL is padding, never a bullet
    ("พัฒนา\x9fการศึกษา", "พัฒนาการศึกษา"),  # inside a line: removed
    ("\x1b[31mแดง\x1b[0m", "[31mแดง[0m"),  # an escape sequence loses its ESC
    ("\x9f", ""),  # no text after it: not a bullet
    ("ก\x7f\x85ข", "กข"),  # DEL and NEL
], ids=["c1 bullet", "indented", "c0 bullet", "nul", "inside", "escape", "alone", "del nel"])
def test_control_characters_become_bullets_or_go(line, cleaned):
    assert normalize_line(line) == cleaned
    assert normalize_text(line) == [cleaned]


def test_removed_control_characters_give_one_warning_with_their_lines():
    document = planparse.parse("วิสัยทัศน์\n\x9f ข้อหนึ่ง\nเมือง\x1bน่าอยู่\nกลาง\nท้าย\x00\n")
    [warning] = [warning for warning in document.warnings if warning.code == "CONTROL_CHARACTERS"]
    assert (warning.span.start_line, warning.span.end_line) == (3, 5)
    assert "2 line(s)" in warning.message


def test_a_control_character_bullet_alone_gives_no_warning():
    document = planparse.parse("พันธกิจ\n\x9f พัฒนาการศึกษา\n\x9f พัฒนาเศรษฐกิจ\n")
    assert [item.text for item in document.missions] == ["พัฒนาการศึกษา", "พัฒนาเศรษฐกิจ"]
    assert not [warning for warning in document.warnings if warning.code == "CONTROL_CHARACTERS"]
