"""Lead-ins are cut off titles and texts; the counts they declare are checked."""

from __future__ import annotations

import pytest

import planparse
from conftest import lines

TITLE = "ยุทธศาสตร์การพัฒนาด้านสังคม"

LEAD_INS = {
    "ประกอบด้วย N แนวทางการพัฒนา ดังนี้": f"{TITLE} ประกอบด้วย 2 แนวทางการพัฒนา ดังนี้",
    "Thai digits": f"{TITLE} ประกอบด้วย ๒ แนวทางการพัฒนา ดังนี้",
    "มีแนวทางการพัฒนา ดังนี้": f"{TITLE} มีแนวทางการพัฒนา ดังนี้",
    "ดังนี้": f"{TITLE} ดังนี้",
    "ดังนี้ with colon": f"{TITLE} ดังนี้ :",
    "ประกอบด้วย": f"{TITLE} ประกอบด้วย",
    "ได้แก่": f"{TITLE} ได้แก่",
    "on the next line": f"{TITLE}\nประกอบด้วย 2 แนวทางการพัฒนา ดังนี้",
    "ดังต่อไปนี้": f"{TITLE} มี 2 แนวทาง ดังต่อไปนี้",
}


@pytest.mark.parametrize("heading", LEAD_INS.values(), ids=LEAD_INS.keys())
def test_lead_in_is_cut_from_a_strategy_title(heading):
    document = planparse.parse(lines(f"1. {heading}", "   1. ส่งเสริมอาชีพ", "   2. ส่งเสริมสวัสดิการ"))
    [strategy] = document.strategies
    assert strategy.title == TITLE
    assert [g.text for g in strategy.guidelines] == ["ส่งเสริมอาชีพ", "ส่งเสริมสวัสดิการ"]
    assert document.warnings == []


def test_lead_in_of_a_numbered_strategy_names_its_list():
    document = planparse.parse(lines(
        "ยุทธศาสตร์ที่ 2 : การพัฒนาคน มีกลยุทธ์ ดังนี้",
        "2.1 พัฒนาทักษะอาชีพ",
    ))
    [strategy] = document.strategies
    assert strategy.title == "การพัฒนาคน"
    assert [t.text for t in strategy.tactics] == ["พัฒนาทักษะอาชีพ"]


def test_a_declared_count_that_disagrees_gives_a_warning():
    document = planparse.parse(lines(
        "1. ยุทธศาสตร์การพัฒนาคน ประกอบด้วย 3 แนวทางการพัฒนา ดังนี้",
        "   1. ส่งเสริมอาชีพ",
        "   2. ส่งเสริมสวัสดิการ",
    ))
    [warning] = document.warnings
    assert warning.code == "COUNT_MISMATCH"
    assert "3" in warning.message and "2" in warning.message


def test_a_declared_number_of_strategies_is_checked():
    document = planparse.parse(lines(
        "ยุทธศาสตร์การพัฒนาของเทศบาลตำบลบ้านใหม่ แบ่งเป็น 3 ยุทธศาสตร์ ดังนี้",
        "1. ยุทธศาสตร์ด้านเศรษฐกิจ",
        "2. ยุทธศาสตร์ด้านสังคม",
    ))
    assert [s.title for s in document.strategies] == ["ยุทธศาสตร์ด้านเศรษฐกิจ", "ยุทธศาสตร์ด้านสังคม"]
    assert [w.code for w in document.warnings] == ["COUNT_MISMATCH"]


def test_a_sentence_ending_in_a_number_keeps_it():
    document = planparse.parse(lines("ตัวชี้วัด", "- ร้อยละของครัวเรือนที่มีน้ำประปาใช้ 80"))
    assert document.goals == []
    # An indicator needs a strategy; under none, it is not invented elsewhere.
    document = planparse.parse(lines("ยุทธศาสตร์ที่ 1 การพัฒนาคน", "ตัวชี้วัด",
                                     "- ร้อยละของครัวเรือนที่มีน้ำประปาใช้ 80"))
    assert document.strategies[0].indicators[0].text == "ร้อยละของครัวเรือนที่มีน้ำประปาใช้ 80"


def test_an_unnumbered_strategy_name_announcing_its_guidelines():
    document = planparse.parse(lines(
        "ยุทธศาสตร์ด้านการพัฒนาโครงสร้างพื้นฐาน ประกอบด้วย 2 แนวทาง ดังนี้",
        "1) ก่อสร้างและปรับปรุงถนน",
        "2) ขยายเขตไฟฟ้าและประปา",
    ))
    [strategy] = document.strategies
    assert strategy.title == "ยุทธศาสตร์ด้านการพัฒนาโครงสร้างพื้นฐาน"
    assert [g.text for g in strategy.guidelines] == ["ก่อสร้างและปรับปรุงถนน", "ขยายเขตไฟฟ้าและประปา"]


def test_a_sentence_introducing_strategies_is_not_one():
    document = planparse.parse(lines(
        "ยุทธศาสตร์การจัดสรรงบประมาณรายจ่ายประจำปี กำหนดไว้จำนวน 2 ยุทธศาสตร์ สรุปได้ ดังนี้",
        "ยุทธศาสตร์ที่ 1 : ด้านความมั่นคง",
        "ยุทธศาสตร์ที่ 2 : ด้านการแข่งขัน",
    ))
    assert [s.title for s in document.strategies] == ["ด้านความมั่นคง", "ด้านการแข่งขัน"]
