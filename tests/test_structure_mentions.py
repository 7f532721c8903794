"""Metadata only when a plan is found: a text that only mentions plans gives an empty
document, NO_PLAN_FOUND and nothing else, with organization, period and vision null
(issue 9, "metadata only when a plan is found"; contract decision 11)."""

from __future__ import annotations

import pytest

import planparse
from conftest import lines
from structure.outline import codes, outline, plan

MENTIONS = {
    "a-vision-word-then-more-than": (
        "อธิบดี กล่าวในการสัมมนาว่า การกำหนดวิสัยทัศน์ให้ชัดเจนสำคัญมากกว่าการเขียนโครงการจำนวนมาก",),
    "relief-measures-and-a-plan-under-review": (
        "ผู้ว่าราชการจังหวัดสตูล รายงานว่า จังหวัดได้ดำเนินมาตรการช่วยเหลือ 3 ด้าน ได้แก่ "
        "1) การจ่ายเงินช่วยเหลือครัวเรือน 2) การซ่อมแซมถนนและสะพาน และ 3) การฟื้นฟูพื้นที่การเกษตร",
        "ทั้งนี้ รายละเอียดของวิสัยทัศน์ พันธกิจ และยุทธศาสตร์ฉบับทบทวนอยู่ระหว่างการรับฟังความคิดเห็นจากภาคประชาชน"),
    "a-visionary-executive": (
        "รองเลขาธิการ ก.พ.ร. กล่าวว่า ผู้บริหารที่มีวิสัยทัศน์ย่อมต้องการแผนที่บอกได้ว่าหน่วยงานจะไปถึงจุดใด",
        "และใช้อะไรเป็นเครื่องวัด แต่หลายแผนยังกำหนดตัวชี้วัดเป็นกิจกรรม"),
    "leading-with-vision": (
        "อธิบดีได้บริหารงานอย่างมีวิสัยทัศน์ว่า “ต้องทำให้ประชาชนเข้าถึงบริการได้ทุกที่”",),
    "mayor-names-the-parts": (
        "นายสมศักดิ์ ใจงาม นายกองค์การบริหารส่วนตำบลบ้านเป้า กล่าวว่า แผนพัฒนาท้องถิ่น "
        "(พ.ศ. 2566 - 2570) ได้กำหนดวิสัยทัศน์ พันธกิจ และยุทธศาสตร์การพัฒนาไว้อย่างชัดเจน "
        "ทุกกองจึงต้องจัดทำโครงการให้สอดคล้องกับยุทธศาสตร์ดังกล่าว",),
    "meeting-reviews-the-plan": (
        "วันที่ 12 มีนาคม 2567 เทศบาลตำบลแม่แตงจัดประชุมคณะกรรมการพัฒนาเทศบาล",
        "ที่ประชุมได้พิจารณาทบทวนวิสัยทัศน์ เป้าประสงค์ และกลยุทธ์ของเทศบาล "
        "เพื่อให้สอดคล้องกับแผนพัฒนาจังหวัดเชียงใหม่ (พ.ศ. 2566 - 2570)",),
    "counts-in-a-table": (
        "สรุปจำนวนองค์ประกอบของแผนแม่บทที่ปรับปรุง",
        "เป้าหมาย",
        "5 เป้าหมาย",
        "ตัวชี้วัด",
        "12 ตัวชี้วัด",
        "แนวทางการพัฒนา",
        "8 แนวทาง",),
    "agenda-with-places": (
        "วาระที่ 3 พิจารณาร่างแผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570) เพิ่มเติม ครั้งที่ 2 "
        "ของเทศบาลเมืองบ้านไผ่ ซึ่งมีการลงพื้นที่ 2 แห่ง ได้แก่ 1) ชุมชนหนองแวง 2) ชุมชนโนนทัน",),
    "visionary-and-seminar": (
        "ผู้ว่าราชการจังหวัดขอนแก่นเป็นผู้นำที่มีวิสัยทัศน์",
        "และได้บรรยายในหัวข้อ วิสัยทัศน์ กลยุทธ์ และการขับเคลื่อนยุทธศาสตร์ชาติสู่การปฏิบัติ",),
}


@pytest.mark.parametrize("rows", MENTIONS.values(), ids=MENTIONS.keys())
def test_a_text_that_only_mentions_plans_gives_an_empty_document(rows):
    document = planparse.parse(lines(*rows))
    assert outline(document) == plan()
    assert (document.organization, document.period) == (None, None)
    assert codes(document) == ["NO_PLAN_FOUND"]


PLANS = {
    "municipality": (("แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570) ของเทศบาลตำบลแม่แตง",
                      "วิสัยทัศน์ : แม่แตงน่าอยู่ เกษตรปลอดภัย"),
                     ("เทศบาลตำบลแม่แตง", "เทศบาลตำบล"), (2566, 2570)),
    "thai-digits": (("แผนยุทธศาสตร์การพัฒนา องค์การบริหารส่วนตำบลบ้านเป้า (พ.ศ. ๒๕๕๗ - ๒๕๖๑)",
                     "วิสัยทัศน์ : บ้านเป้าน่าอยู่ ประชาชนมีสุข"),
                    ("องค์การบริหารส่วนตำบลบ้านเป้า", "องค์การบริหารส่วนตำบล"), (2557, 2561)),
    "common-era": (("แผนพัฒนาท้องถิ่น (ค.ศ. 2023 - 2027) องค์การบริหารส่วนจังหวัดลำพูน",
                    "วิสัยทัศน์ : ลำพูนเมืองน่าอยู่"),
                   ("องค์การบริหารส่วนจังหวัดลำพูน", "องค์การบริหารส่วนจังหวัด"), (2566, 2570)),
}


@pytest.mark.parametrize("rows, organization, period", PLANS.values(), ids=PLANS.keys())
def test_a_stated_plan_gets_its_body_and_years(rows, organization, period):
    document = planparse.parse(lines(*rows))
    assert (document.organization.name, document.organization.kind) == organization
    assert (document.period.start_year, document.period.end_year) == period
    assert codes(document) == []
