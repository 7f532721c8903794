"""Every numbering scheme, one row each: the label goes to ``number``, not to ``text``."""

from __future__ import annotations

import pytest

import planparse
from conftest import lines

NBSP = "\u00a0"

# (first label, second label, expected numbers)
SCHEMES = [
    ("๑.", "๒.", ["1", "2"]),
    ("1.", "2.", ["1", "2"]),
    ("1.1", "1.2", ["1.1", "1.2"]),
    ("1.1.1", "1.1.2", ["1.1.1", "1.1.2"]),
    ("๑.๑", "๑.๒", ["1.1", "1.2"]),
    ("1)", "2)", ["1", "2"]),
    ("(1)", "(2)", ["1", "2"]),
    ("(๑)", "(๒)", ["1", "2"]),
    ("-", "-", [None, None]),
    ("•", "•", [None, None]),
    ("●", "●", [None, None]),
    ("๑", "๒", ["1", "2"]),  # a number with no dot
]


@pytest.mark.parametrize("first, second, numbers", SCHEMES, ids=[row[0] for row in SCHEMES])
def test_numbering_scheme(first, second, numbers):
    document = planparse.parse(lines(
        "พันธกิจ",
        f"{first} ส่งเสริมการศึกษาให้มีคุณภาพ",
        f"{second} พัฒนาโครงสร้างพื้นฐานให้ได้มาตรฐาน",
    ))
    assert [mission.number for mission in document.missions] == numbers
    assert [mission.text for mission in document.missions] == [
        "ส่งเสริมการศึกษาให้มีคุณภาพ",
        "พัฒนาโครงสร้างพื้นฐานให้ได้มาตรฐาน",
    ]


@pytest.mark.parametrize("indent", ["", "    ", "\t", "\t\t", NBSP * 4, f" {NBSP}\t"],
                         ids=["none", "spaces", "tab", "tabs", "nbsp", "mixed"])
def test_indentation_of_any_width(indent):
    document = planparse.parse(lines(
        "พันธกิจ",
        f"{indent}1. ส่งเสริมการศึกษา",
        f"{indent}2. พัฒนาคุณภาพชีวิต",
    ))
    assert [(m.number, m.text) for m in document.missions] == [
        ("1", "ส่งเสริมการศึกษา"), ("2", "พัฒนาคุณภาพชีวิต")]


@pytest.mark.parametrize("label", ["๕.", "5.", "5)", "(5)"])
def test_no_space_after_the_label(label):
    document = planparse.parse(lines("พันธกิจ", f"{label}เสริมสร้างความเข้มแข็งของชุมชน"))
    assert [(m.number, m.text) for m in document.missions] == [("5", "เสริมสร้างความเข้มแข็งของชุมชน")]


def test_bare_number_only_counts_in_sequence():
    """"๒ บริหาร..." is an item after ๑.; "3 ครั้ง..." out of sequence continues the text."""
    document = planparse.parse(lines(
        "พันธกิจ",
        "๑. จัดประชุมประชาคมปีละ",
        "๒ บริหารจัดการตามหลักธรรมาภิบาล",
        "5 ครั้งต่อปี",
    ))
    assert [(m.number, m.text) for m in document.missions] == [
        ("1", "จัดประชุมประชาคมปีละ"),
        ("2", "บริหารจัดการตามหลักธรรมาภิบาล 5 ครั้งต่อปี"),
    ]


def test_numbers_are_arabic_digits_as_written():
    document = planparse.parse(lines(
        "ยุทธศาสตร์ที่ ๓ : การพัฒนาด้านเศรษฐกิจ",
        "๓.๑ ส่งเสริมอาชีพ",
        "๓.๒ พัฒนาการท่องเที่ยว",
    ))
    strategy = document.strategies[0]
    assert (strategy.number, strategy.title) == ("3", "การพัฒนาด้านเศรษฐกิจ")
    assert [g.number for g in strategy.guidelines] == ["3.1", "3.2"]
