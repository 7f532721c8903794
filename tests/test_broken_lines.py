"""Lines broken by the page: continuations, words split in two, stranded marks."""

from __future__ import annotations

import pytest

import planparse
from conftest import lines


# A line as wide as the page: the lines of the texts below that are shorter did not
# run to the margin, so only the dictionary decides whether a word was broken.
WIDE = "ส่งเสริมและพัฒนาโครงสร้างพื้นฐาน สาธารณูปโภค สาธารณูปการ " * 3


def test_a_line_that_ran_to_the_margin_goes_on_below():
    document = planparse.parse(lines(
        "พันธกิจ",
        "1. ส่งเสริมและพัฒนาโครงสร้างพื้นฐาน สาธารณูปโภค สาธารณูปการ ให้ได้มาตรฐาน",
        "   เพียงพอต่อความต้องการของประชาชน",
        "2. พัฒนาคุณภาพชีวิต",
    ))
    first = document.missions[0]
    # Thai wraps inside a phrase without a space: none is added where the line broke.
    assert first.text == ("ส่งเสริมและพัฒนาโครงสร้างพื้นฐาน สาธารณูปโภค สาธารณูปการ "
                          "ให้ได้มาตรฐานเพียงพอต่อความต้องการของประชาชน")
    assert (first.span.start_line, first.span.end_line) == (2, 3)


def test_an_items_next_line_goes_on_it_after_a_short_first_line():
    # The page does not show the break (the first line is short); the list does: its
    # items are labelled, and the unlabelled line below one goes on it.
    document = planparse.parse(lines(
        "ยุทธศาสตร์ที่ 1 การพัฒนาระบบประปา", "ตัวชี้วัด", "1) ร้อยละของครัวเรือนที่มีน้ำประปาใช้",
        "ตลอดทั้งปี ไม่น้อยกว่าร้อยละ 90", "2) จำนวนแหล่งน้ำที่ได้รับการฟื้นฟู", "", WIDE))
    assert [i.text for i in document.strategies[0].indicators] == [
        "ร้อยละของครัวเรือนที่มีน้ำประปาใช้ ตลอดทั้งปี ไม่น้อยกว่าร้อยละ 90",
        "จำนวนแหล่งน้ำที่ได้รับการฟื้นฟู"]
    assert (document.strategies[0].indicators[0].span.start_line,
            document.strategies[0].indicators[0].span.end_line) == (3, 4)


def test_a_blank_line_ends_the_item_above():
    document = planparse.parse(lines(
        "พันธกิจ", "1. พัฒนาการศึกษา", "", "เทศบาลจะดำเนินการตามลำดับความสำคัญ", "", WIDE))
    assert [m.text for m in document.missions] == ["พัฒนาการศึกษา"]


def test_a_bracketed_explanation_goes_on_the_line_above():
    document = planparse.parse(lines("วิสัยทัศน์", "“เมืองแห่งคุณภาพ”", "(คุณภาพคน คุณภาพชีวิต)", "", WIDE))
    assert document.vision.text == "เมืองแห่งคุณภาพ (คุณภาพคน คุณภาพชีวิต)"


@pytest.mark.parametrize("left, right, joined", [
    ("ทรัพยากรธรร", "มชาติ", "ทรัพยากรธรรมชาติ"),
    ("การท่องเที่ย", "ว", "การท่องเที่ยว"),
    ("สิ่งแวดล้", "อม", "สิ่งแวดล้อม"),
    ("ประชาช", "นมีส่วนร่วม", "ประชาชนมีส่วนร่วม"),
])
def test_words_broken_across_lines(left, right, joined):
    document = planparse.parse(lines("พันธกิจ", f"1. อนุรักษ์{left}", f"{right}", "", WIDE))
    assert document.missions[0].text == f"อนุรักษ์{joined}"


def test_whole_words_on_a_short_line_are_not_a_broken_word():
    # The next line goes on the item, as a word of its own: a space, not a glued word.
    # (Two words that make one, "เศรษฐกิจ" / "พอเพียง", are written together in Thai.)
    document = planparse.parse(lines("พันธกิจ", "1. อนุรักษ์เศรษฐกิจ", "ชุมชน", "", WIDE))
    assert document.missions[0].text == "อนุรักษ์เศรษฐกิจ ชุมชน"


@pytest.mark.parametrize("left, right", [("ชีวิตที่ด", "ีขึ้น"), ("ตัวชี", "้วัด"), ("พื", "้นฐาน")])
def test_a_line_starting_with_a_vowel_or_tone_mark_always_joins(left, right):
    document = planparse.parse(lines("พันธกิจ", f"1. พัฒนา{left}", right, "2. ส่งเสริม"))
    assert document.missions[0].text == f"พัฒนา{left}{right}"
    assert len(document.missions) == 2


def test_a_broken_strategy_title_and_its_lead_in():
    document = planparse.parse(lines(
        " ๓. ยุทธศาสตร์สร้างสรรค์ สิ่งแวดล้อม และทรัพยากรธรร ",
        "มชาติ ประกอบด้วย ๒ แนวทางการพัฒนา ดังนี้ ",
        "      ๑. บริหารจัดการขยะ",
        "      ๒. เพิ่มพื้นที่สีเขียว",
    ))
    [strategy] = document.strategies
    assert strategy.title == "ยุทธศาสตร์สร้างสรรค์ สิ่งแวดล้อม และทรัพยากรธรรมชาติ"
    assert (strategy.span.start_line, strategy.span.end_line) == (1, 2)
    assert [g.text for g in strategy.guidelines] == ["บริหารจัดการขยะ", "เพิ่มพื้นที่สีเขียว"]


def test_a_lead_in_split_by_a_stranded_mark():
    document = planparse.parse(lines(
        "ยุทธศาสตร์ที่ 5: การพัฒนาด้านสิ่งแวดล้อม   มีแนวทางการพัฒนา ดังน",
        "ี้",
        "",
        "5.1  ฟื้นฟู อนุรักษ์ ทรัพยากรธรรมชาติ",
    ))
    [strategy] = document.strategies
    assert strategy.title == "การพัฒนาด้านสิ่งแวดล้อม"
    assert [g.number for g in strategy.guidelines] == ["5.1"]
