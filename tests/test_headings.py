"""Heading words and their variants, one row each, with short texts of our own."""

from __future__ import annotations

import pytest

import planparse
from conftest import lines

VISION = "เมืองน่าอยู่ ประชาชนมีความสุข"

VISION_VARIANTS = {
    "alone, quoted below": lines("วิสัยทัศน์", f"“{VISION}”"),
    "alone, unquoted below": lines("วิสัยทัศน์", VISION),
    "colon and content": lines(f"วิสัยทัศน์ : {VISION}"),
    "content after a space": lines(f"วิสัยทัศน์ “{VISION}”"),
    "numbered heading": lines("2.1 วิสัยทัศน์", f"\"{VISION}\""),
    "with the body's name": lines("วิสัยทัศน์ขององค์การบริหารส่วนตำบลบ้านใหม่", f"“{VISION}”"),
    "with an English gloss": lines("วิสัยทัศน์ (Vision)", f"“{VISION}”"),
    "combined heading": lines("วิสัยทัศน์/พันธกิจ", "", f"“{VISION}”"),
    "years between": lines("วิสัยทัศน์", "ปี ๒๕๖๑ - ๒๕๖๕", f"“{VISION}”"),
    "คือ": lines(f"วิสัยทัศน์ คือ “{VISION}”"),
}


@pytest.mark.parametrize("text", VISION_VARIANTS.values(), ids=VISION_VARIANTS.keys())
def test_vision_variants(text):
    document = planparse.parse(text)
    assert document.vision is not None
    assert document.vision.text == VISION


def test_vision_span_covers_its_lines():
    document = planparse.parse(lines("วิสัยทัศน์", "“เมืองแห่งคุณภาพ”", "(คุณภาพคน คุณภาพชีวิต)"))
    assert document.vision.text == "เมืองแห่งคุณภาพ (คุณภาพคน คุณภาพชีวิต)"
    assert (document.vision.span.start_line, document.vision.span.end_line) == (2, 3)


MISSION_VARIANTS = {
    "heading, numbered items": lines("พันธกิจ", "1. พัฒนาการศึกษา", "2. ส่งเสริมอาชีพ"),
    "พันธกิจที่ N": lines("พันธกิจที่ 1 พัฒนาการศึกษา", "พันธกิจที่ 2 ส่งเสริมอาชีพ"),
    "พันธกิจที่ N with colon": lines("พันธกิจที่ 1 : พัฒนาการศึกษา", "พันธกิจที่ 2 : ส่งเสริมอาชีพ"),
    "number alone on its line": lines("พันธกิจที่ 1", "พัฒนาการศึกษา", "พันธกิจที่ 2", "ส่งเสริมอาชีพ"),
    "พันธกิจหลัก": lines("พันธกิจหลัก", "- พัฒนาการศึกษา", "- ส่งเสริมอาชีพ"),
    "numbered heading": lines("2.2 พันธกิจ", "(1) พัฒนาการศึกษา", "(2) ส่งเสริมอาชีพ"),
}


@pytest.mark.parametrize("text", MISSION_VARIANTS.values(), ids=MISSION_VARIANTS.keys())
def test_mission_variants(text):
    document = planparse.parse(text)
    assert [m.text for m in document.missions] == ["พัฒนาการศึกษา", "ส่งเสริมอาชีพ"]


PLAN_GOAL_VARIANTS = {
    "เป้าประสงค์ before strategies": "เป้าประสงค์",
    "เป้าประสงค์หลัก": "เป้าประสงค์หลัก",
    "เป้าประสงค์รวม": "เป้าประสงค์รวม",
    "เป้าประสงค์สูงสุด": "เป้าประสงค์สูงสุด",
    "จุดมุ่งหมายเพื่อการพัฒนา": "จุดมุ่งหมายเพื่อการพัฒนา",
    "จุดมุ่งหมายเพื่อการพัฒนาท้องถิ่น": "จุดมุ่งหมายเพื่อการพัฒนาท้องถิ่น",
}


@pytest.mark.parametrize("heading", PLAN_GOAL_VARIANTS.values(), ids=PLAN_GOAL_VARIANTS.keys())
def test_plan_goal_variants(heading):
    document = planparse.parse(lines(heading, "1. ประชาชนมีคุณภาพชีวิตที่ดี", "2. เศรษฐกิจเติบโต"))
    assert [g.text for g in document.goals] == ["ประชาชนมีคุณภาพชีวิตที่ดี", "เศรษฐกิจเติบโต"]
    assert document.strategies == []


STRATEGY_VARIANTS = {
    "ยุทธศาสตร์ที่ N :": ("ยุทธศาสตร์ที่ 1 : การพัฒนาด้านโครงสร้างพื้นฐาน", "1", "การพัฒนาด้านโครงสร้างพื้นฐาน"),
    "ยุทธศาสตร์ที่ N no colon": ("ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน", "1", "การพัฒนาด้านโครงสร้างพื้นฐาน"),
    "ยุทธศาสตร์ที่ N.": ("ยุทธศาสตร์ที่ 1. การพัฒนาด้านโครงสร้างพื้นฐาน", "1", "การพัฒนาด้านโครงสร้างพื้นฐาน"),
    "ประเด็นยุทธศาสตร์ที่ N": ("ประเด็นยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน", "1", "การพัฒนาด้านโครงสร้างพื้นฐาน"),
    "ประเด็นการพัฒนาที่ N": ("ประเด็นการพัฒนาที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน", "1", "การพัฒนาด้านโครงสร้างพื้นฐาน"),
    "numbered name": ("๑. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน", "1", "ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน"),
    "unnumbered name": ("ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน", None, "ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน"),
    "Thai digits": ("ยุทธศาสตร์ที่ ๑ : การพัฒนาด้านโครงสร้างพื้นฐาน", "1", "การพัฒนาด้านโครงสร้างพื้นฐาน"),
}


@pytest.mark.parametrize("line, number, title", STRATEGY_VARIANTS.values(), ids=STRATEGY_VARIANTS.keys())
def test_strategy_variants(line, number, title):
    document = planparse.parse(lines(line, "แนวทางการพัฒนา", "1. ก่อสร้างถนน", "2. ขยายเขตประปา"))
    [strategy] = document.strategies
    assert (strategy.number, strategy.title) == (number, title)
    assert [g.text for g in strategy.guidelines] == ["ก่อสร้างถนน", "ขยายเขตประปา"]


def test_items_under_a_strategies_heading_are_strategies():
    document = planparse.parse(lines(
        "ยุทธศาสตร์การพัฒนา",
        "1. การพัฒนาด้านโครงสร้างพื้นฐาน",
        "1.1 ก่อสร้างถนน",
        "1.2 ขยายเขตประปา",
        "2. การพัฒนาด้านเศรษฐกิจ",
        "2.1 ส่งเสริมอาชีพ",
    ))
    assert [(s.number, s.title) for s in document.strategies] == [
        ("1", "การพัฒนาด้านโครงสร้างพื้นฐาน"), ("2", "การพัฒนาด้านเศรษฐกิจ")]
    assert [[g.number for g in s.guidelines] for s in document.strategies] == [["1.1", "1.2"], ["2.1"]]


CHILD_VARIANTS = {
    "แนวทางการพัฒนา": ("แนวทางการพัฒนา", "guidelines"),
    "เป้าประสงค์": ("เป้าประสงค์", "goals"),
    "เป้าประสงค์เชิงยุทธศาสตร์": ("เป้าประสงค์เชิงยุทธศาสตร์", "goals"),
    "ตัวชี้วัด": ("ตัวชี้วัด", "indicators"),
    "ตัวชี้วัดความสำเร็จ": ("ตัวชี้วัดความสำเร็จ", "indicators"),
    "ตัวชี้วัดระดับเป้าประสงค์": ("ตัวชี้วัดระดับเป้าประสงค์", "indicators"),
    "KPI": ("KPI", "indicators"),
    "กลยุทธ์": ("กลยุทธ์", "tactics"),
    "numbered heading": ("2.6 กลยุทธ์", "tactics"),
    "with a colon": ("ตัวชี้วัด :", "indicators"),
}


@pytest.mark.parametrize("heading, field", CHILD_VARIANTS.values(), ids=CHILD_VARIANTS.keys())
def test_strategy_child_lists(heading, field):
    document = planparse.parse(lines(
        "ยุทธศาสตร์ที่ 1 การพัฒนาคน",
        heading,
        "- ร้อยละของประชาชนที่ได้รับบริการ",
        "- จำนวนผู้เข้าร่วมกิจกรรม",
    ))
    [strategy] = document.strategies
    assert [i.text for i in getattr(strategy, field)] == [
        "ร้อยละของประชาชนที่ได้รับบริการ", "จำนวนผู้เข้าร่วมกิจกรรม"]
    others = {"guidelines", "goals", "indicators", "tactics"} - {field}
    assert all(getattr(strategy, other) == [] for other in others)


def test_tactics_with_nothing_above_them_are_the_top_level():
    document = planparse.parse(lines("กลยุทธ์ที่ 1 พัฒนาบุคลากร", "กลยุทธ์ที่ 2 พัฒนาระบบงาน"))
    assert [(s.number, s.title) for s in document.strategies] == [("1", "พัฒนาบุคลากร"), ("2", "พัฒนาระบบงาน")]


@pytest.mark.parametrize("closer", ["แผนงาน", "โครงการ", "หน่วยงานที่รับผิดชอบ", "งบประมาณ",
                                    "วัตถุประสงค์", "ค่าเป้าหมาย", "ค่านิยม", "จุดแข็ง"])
def test_unsupported_sections_close_the_list_above(closer):
    document = planparse.parse(lines(
        "ยุทธศาสตร์ที่ 1 การพัฒนาคน",
        "แนวทางการพัฒนา",
        "1. ส่งเสริมการศึกษา",
        closer,
        "1. โครงการก่อสร้างอาคารเรียน",
        "2. โครงการจัดซื้อครุภัณฑ์",
    ))
    [strategy] = document.strategies
    assert [g.text for g in strategy.guidelines] == ["ส่งเสริมการศึกษา"]
    assert strategy.goals == strategy.indicators == strategy.tactics == []


def test_a_national_strategy_reference_is_not_the_plans_own():
    document = planparse.parse(lines(
        "1.1 ยุทธศาสตร์ชาติ 20 ปี",
        "(1) ยุทธศาสตร์ด้านความมั่นคง",
        "(2) ยุทธศาสตร์ด้านการสร้างความสามารถในการแข่งขัน",
        "2.2 ยุทธศาสตร์",
        "ยุทธศาสตร์ที่ 1 การพัฒนาคน",
    ))
    assert [s.title for s in document.strategies] == ["การพัฒนาคน"]


def test_a_provinces_strategies_cited_in_a_municipal_plan_are_not_its_own():
    document = planparse.parse(lines(
        "แผนพัฒนาท้องถิ่นของเทศบาลตำบลบ้านใหม่",
        "ยุทธศาสตร์การพัฒนาจังหวัดเชียงใหม่",
        "ยุทธศาสตร์ที่ 1 การส่งเสริมการท่องเที่ยว",
        "ยุทธศาสตร์ที่ 2 การพัฒนาการเกษตร",
        "ยุทธศาสตร์การพัฒนาของเทศบาลตำบลบ้านใหม่",
        "ยุทธศาสตร์ที่ 1 การพัฒนาโครงสร้างพื้นฐาน",
    ))
    assert [s.title for s in document.strategies] == ["การพัฒนาโครงสร้างพื้นฐาน"]


def test_in_a_provinces_plan_its_strategies_are_its_own():
    document = planparse.parse(lines(
        "แผนพัฒนาจังหวัดเชียงใหม่ พ.ศ. 2566-2570",
        "ยุทธศาสตร์การพัฒนาจังหวัดเชียงใหม่",
        "ยุทธศาสตร์ที่ 1 การส่งเสริมการท่องเที่ยว",
    ))
    assert [s.title for s in document.strategies] == ["การส่งเสริมการท่องเที่ยว"]


def test_numbered_sibling_headings_are_sections_of_the_plan():
    """"2.3 เป้าประสงค์" after "2.2 ยุทธศาสตร์" is the plan's, not the last strategy's."""
    document = planparse.parse(lines(
        "2.2 ยุทธศาสตร์",
        "ยุทธศาสตร์ที่ 1 การพัฒนาคน",
        "ยุทธศาสตร์ที่ 2 การพัฒนาเมือง",
        "2.3 เป้าประสงค์",
        "1. ประชาชนมีคุณภาพชีวิตที่ดี",
        "2.4 ตัวชี้วัด",
        "1. ร้อยละของประชาชนที่พึงพอใจ",
        "2.5 ค่าเป้าหมาย",
        "2.6 กลยุทธ์",
        "1. พัฒนาบุคลากร",
    ))
    assert [s.title for s in document.strategies] == ["การพัฒนาคน", "การพัฒนาเมือง"]
    assert all(s.goals == s.indicators == s.tactics == [] for s in document.strategies)
    assert [g.text for g in document.goals] == ["ประชาชนมีคุณภาพชีวิตที่ดี"]
