"""What is not plan content stays out: references, other lists, restated lists, mentions."""

from __future__ import annotations

import pytest

import planparse
from conftest import lines


@pytest.mark.parametrize("line", [
    "ยุทธศาสตร์ที่ 1, 2 และ 3 ของจังหวัดมุ่งเน้นการพัฒนาเศรษฐกิจ",
    "ยุทธศาสตร์ที่ 1-3 สอดคล้องกับแผนพัฒนาจังหวัด",
    "ยุทธศาสตร์ชาติ 20 ปี (พ.ศ. 2561 - 2580)",
    "แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ ฉบับที่ 13",
    "ยุทธศาสตร์การจัดสรรงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2568 กำหนดไว้จำนวน 3,752,700 ล้านบาท "
    "โดยจัดสรรตามยุทธศาสตร์ชาติและแผนแม่บทภายใต้ยุทธศาสตร์ชาติ เพื่อขับเคลื่อนการพัฒนาประเทศ",
])
def test_references_are_not_strategies(line):
    assert planparse.parse(lines(line, "1. ด้านความมั่นคง", "2. ด้านการแข่งขัน")).strategies == []


@pytest.mark.parametrize("heading", [
    "ขั้นตอนการจัดทำแผนพัฒนาท้องถิ่น มีดังนี้",
    "ผู้เข้าร่วมประชุม ได้แก่",
    "กระบวนการมีส่วนร่วม ประกอบด้วย",
])
def test_lists_that_are_not_plan_content(heading):
    document = planparse.parse(lines(
        "ยุทธศาสตร์ที่ 1 การพัฒนาคน",
        "1.1 ส่งเสริมการศึกษา",
        heading,
        "1. ประชุมประชาคม",
        "2. จัดทำร่างแผน",
    ))
    [strategy] = document.strategies
    assert [g.text for g in strategy.guidelines] == ["ส่งเสริมการศึกษา"]


def test_a_list_stated_twice_keeps_the_fuller_statement():
    document = planparse.parse(lines(
        "ยุทธศาสตร์การพัฒนา มี 2 ยุทธศาสตร์ ได้แก่ 1. การพัฒนาคน 2. การพัฒนาเมือง",
        "",
        "ยุทธศาสตร์ที่ 1 การพัฒนาคน",
        "แนวทางการพัฒนา",
        "1.1 ส่งเสริมการศึกษา",
        "ยุทธศาสตร์ที่ 2 การพัฒนาเมือง",
        "แนวทางการพัฒนา",
        "2.1 ก่อสร้างถนน",
    ))
    assert [(s.title, len(s.guidelines)) for s in document.strategies] == [
        ("การพัฒนาคน", 1), ("การพัฒนาเมือง", 1)]
    [warning] = document.warnings
    assert warning.code == "DUPLICATE_LIST"
    assert (warning.span.start_line, warning.span.end_line) == (1, 1)


def test_a_restatement_of_equal_length_keeps_the_first():
    document = planparse.parse(lines(
        "พันธกิจ ประกอบด้วย 1.พัฒนาคน 2.พัฒนาเมืองให้น่าอยู่",
        "",
        "พันธกิจที่นำเสนอในการประชุม ประกอบด้วย 1. พัฒนาคน 2. พัฒนาเมืองน่าอยู่",
    ))
    assert [m.text for m in document.missions] == ["พัฒนาคน", "พัฒนาเมืองให้น่าอยู่"]
    assert [w.code for w in document.warnings] == ["DUPLICATE_LIST"]


def test_different_lists_are_both_kept():
    document = planparse.parse(lines(
        "พันธกิจ", "1. พัฒนาการศึกษา", "2. พัฒนาสาธารณสุข", "",
        "พันธกิจ (ต่อ)", "3. ส่งเสริมการท่องเที่ยว", "4. อนุรักษ์สิ่งแวดล้อม"))
    assert [m.number for m in document.missions] == ["1", "2", "3", "4"]
    assert document.warnings == []


@pytest.mark.parametrize("text", [
    "คณะรัฐมนตรีรับทราบรายงานผลการดำเนินงานตามวิสัยทัศน์และยุทธศาสตร์ของกระทรวง\n",
    "ที่ประชุมหารือเรื่องการจัดทำแผนยุทธศาสตร์ชาติ 20 ปี และพันธกิจของหน่วยงาน\n",
    "",
    "   \n\t\n",
])
def test_a_text_that_only_mentions_plans_is_empty_with_a_warning(text):
    document = planparse.parse(text)
    assert (document.vision, document.missions, document.goals, document.strategies) == (None, [], [], [])
    assert [w.code for w in document.warnings] == ["NO_PLAN_FOUND"]
