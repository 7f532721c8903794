"""The vocabulary table: each heading variant of both generations of the Interior
Ministry's rules, of provincial and of national plans, one row each."""

from __future__ import annotations

import pytest

from planparse.recognise import recognise
from planparse.lines import Kind
from planparse.layout import LogicalLine
from planparse.spanned import SpannedText
from planparse.vocabulary import Section

S = Section
HEADINGS = [
    # the vision, missions and plan-level aims
    ("วิสัยทัศน์", S.VISION), ("วิสัยทัศน์ (Vision)", S.VISION),
    ("วิสัยทัศน์การพัฒนาท้องถิ่น", S.VISION), ("วิสัยทัศน์ของจังหวัดเชียงใหม่", S.VISION),
    ("พันธกิจ", S.MISSION), ("พันธกิจหลัก", S.MISSION), ("พันธกิจ (Mission)", S.MISSION),
    ("จุดมุ่งหมายเพื่อการพัฒนา", S.PLAN_AIM), ("จุดมุ่งหมายเพื่อการพัฒนาท้องถิ่น", S.PLAN_AIM),
    ("เป้าประสงค์รวม", S.PLAN_GOAL), ("เป้าประสงค์สูงสุด", S.PLAN_GOAL),
    ("เป้าประสงค์", S.GOAL), ("เป้าประสงค์เชิงยุทธศาสตร์", S.GOAL), ("เป้าประสงค์หลัก", S.GOAL),
    # strategies, old and new rules, provinces
    ("ยุทธศาสตร์", S.STRATEGY), ("ยุทธศาสตร์การพัฒนา", S.STRATEGY),
    ("ยุทธศาสตร์การพัฒนาท้องถิ่น", S.STRATEGY), ("ยุทธศาสตร์ขององค์กรปกครองส่วนท้องถิ่น", S.STRATEGY),
    ("ยุทธศาสตร์การพัฒนาและแนวทางการพัฒนา", S.STRATEGY), ("ประเด็นยุทธศาสตร์", S.STRATEGY),
    ("ประเด็นการพัฒนา", S.STRATEGY), ("ประเด็นยุทธศาสตร์การพัฒนา", S.STRATEGY),
    ("ยุทธศาสตร์การพัฒนาจังหวัดเชียงใหม่", S.PROVINCE_STRATEGY),
    ("ยุทธศาสตร์การพัฒนากลุ่มจังหวัดภาคเหนือตอนบน 1", S.PROVINCE_STRATEGY),
    # what hangs under a strategy
    ("แนวทางการพัฒนา", S.GUIDELINE), ("แนวทาง", S.GUIDELINE),
    ("ตัวชี้วัด", S.INDICATOR), ("ตัวชี้วัดความสำเร็จ", S.INDICATOR), ("ตัวชี้วัดและค่าเป้าหมาย", S.INDICATOR),
    ("ตัวชี้วัดระดับเป้าประสงค์", S.INDICATOR), ("KPI", S.INDICATOR),
    ("กลยุทธ์", S.TACTIC), ("กลยุทธ์/แนวทางการพัฒนา", S.TACTIC),
    # sections the schema does not hold
    ("ค่าเป้าหมาย", S.OTHER), ("แผนงาน", S.OTHER), ("โครงการ", S.OTHER), ("แผนงาน/โครงการ", S.OTHER),
    ("หน่วยงานที่รับผิดชอบ", S.OTHER), ("งบประมาณ", S.OTHER), ("วัตถุประสงค์", S.OTHER),
    ("จุดยืนทางยุทธศาสตร์", S.OTHER), ("มาตรการ", S.OTHER),
    ("ค่านิยม", S.CLOSE), ("จุดแข็ง (Strength)", S.CLOSE), ("ส่วนที่ 3", S.CLOSE), ("ภารกิจหลัก", S.CLOSE),
    # other bodies' plans
    ("ยุทธศาสตร์ชาติ 20 ปี", S.CITED), ("แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ ฉบับที่ 13", S.CITED),
    ("ยุทธศาสตร์การพัฒนาขององค์กรปกครองส่วนท้องถิ่นในเขตจังหวัด", S.CITED),
    ("แผนแม่บทภายใต้ยุทธศาสตร์ชาติ", S.CITED), ("นโยบายรัฐบาล", S.CITED),
]


def _recognise(text: str):
    return recognise(LogicalLine(SpannedText.of_line(text, 1, 1), indent=0))


@pytest.mark.parametrize("text, section", HEADINGS, ids=[row[0] for row in HEADINGS])
def test_heading_variant(text, section):
    [line] = _recognise(text)
    assert (line.kind, line.section) == (Kind.HEADING, section)


@pytest.mark.parametrize("text, section", [("2.1 วิสัยทัศน์", S.VISION), ("(3) กลยุทธ์", S.TACTIC),
                                           ("๔. ตัวชี้วัด", S.INDICATOR)])
def test_numbered_headings(text, section):
    from planparse.normalize import normalize_line

    [line] = _recognise(normalize_line(text))
    assert (line.kind, line.section) == (Kind.HEADING, section)


@pytest.mark.parametrize("text", [
    "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3 บ้านใหม่ ความยาว 200 เมตร",
    "ยุทธศาสตร์นี้มุ่งเน้นการพัฒนาคุณภาพชีวิตของประชาชนในทุกช่วงวัยให้มีความเป็นอยู่ที่ดีขึ้นอย่างต่อเนื่อง "
    "โดยการมีส่วนร่วมของภาคีเครือข่ายทุกภาคส่วนในพื้นที่ตำบลและอำเภอใกล้เคียงทั้งในระยะสั้นและระยะยาว",
    "กลยุทธ์ของการมุ่งไปสู่ 8 ศูนย์กลาง คือการต่อยอดจุดแข็งของประเทศด้านต่าง ๆ เช่น สถานที่ตั้งทางภูมิศาสตร์ "
    "วัฒนธรรม ทักษะของคนไทย โครงสร้างพื้นฐาน และการใช้ประโยชน์จากความเป็นกลางทางภูมิรัฐศาสตร์ในภูมิภาค "
    "ท่ามกลางสถานการณ์ความตึงเครียดระหว่างมหาอำนาจ",
])
def test_sentences_that_start_with_a_heading_word_are_text(text):
    lines = _recognise(text)
    assert [line.kind for line in lines] == [Kind.TEXT]
