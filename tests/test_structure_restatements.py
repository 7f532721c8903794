"""Restatements and other bodies' lists: a list stated twice is kept once (the fuller
statement; DUPLICATE_LIST for the other), found by its content even when it restarts
without a new heading; the national strategy, the province's strategies and the
province-wide framework quoted by a local plan are not its own (contract "When a list is
stated twice", decision 2)."""

from __future__ import annotations

import pytest

import planparse
from conftest import lines
from structure.outline import codes, outline, plan, strategy

DETAIL = (
    "ยุทธศาสตร์ที่ 1 การพัฒนาคนและสังคมคุณภาพ",
    "แนวทางการพัฒนา",
    "1.1 ส่งเสริมการศึกษาตลอดชีวิต",
    "1.2 ส่งเสริมสุขภาวะของประชาชนทุกช่วงวัย",
    "ยุทธศาสตร์ที่ 2 การพัฒนาเมืองน่าอยู่",
    "แนวทางการพัฒนา",
    "2.1 พัฒนาระบบคมนาคมและสาธารณูปโภค",
    "ยุทธศาสตร์ที่ 3 การพัฒนาองค์กรสมรรถนะสูง",
    "แนวทางการพัฒนา",
    "3.1 พัฒนาบุคลากรและระบบการให้บริการ",
)
DETAILED = [
    strategy("1", "การพัฒนาคนและสังคมคุณภาพ", guidelines=[
        ("1.1", "ส่งเสริมการศึกษาตลอดชีวิต"), ("1.2", "ส่งเสริมสุขภาวะของประชาชนทุกช่วงวัย")]),
    strategy("2", "การพัฒนาเมืองน่าอยู่", guidelines=[("2.1", "พัฒนาระบบคมนาคมและสาธารณูปโภค")]),
    strategy("3", "การพัฒนาองค์กรสมรรถนะสูง", guidelines=[("3.1", "พัฒนาบุคลากรและระบบการให้บริการ")]),
]

SUMMARIES = {
    "inline-summary-first": (
        "ยุทธศาสตร์การพัฒนา ประกอบด้วย 3 ยุทธศาสตร์ ได้แก่ (1) การพัฒนาคนและสังคมคุณภาพ "
        "(2) การพัฒนาเมืองน่าอยู่ และ (3) การพัฒนาองค์กรสมรรถนะสูง",),
    "names-first-restart-without-heading": (
        "ยุทธศาสตร์",
        "ยุทธศาสตร์ที่ 1 การพัฒนาคนและสังคมคุณภาพ",
        "ยุทธศาสตร์ที่ 2 การพัฒนาเมืองน่าอยู่",
        "ยุทธศาสตร์ที่ 3 การพัฒนาองค์กรสมรรถนะสูง",),
    "numbered-names-first": (
        "2.2 ยุทธศาสตร์การพัฒนา",
        "1. การพัฒนาคนและสังคมคุณภาพ",
        "2. การพัฒนาเมืองน่าอยู่",
        "3. การพัฒนาองค์กรสมรรถนะสูง",
        "2.3 รายละเอียดยุทธศาสตร์",),
}


@pytest.mark.parametrize("summary", SUMMARIES.values(), ids=SUMMARIES.keys())
def test_a_summary_then_the_detail_keeps_the_detail(summary):
    document = planparse.parse(lines(*summary, *DETAIL))
    found = outline(document)
    assert found["strategies"] == DETAILED
    assert codes(document) == ["DUPLICATE_LIST"]
    assert [s.span.start_line for s in document.strategies] == [
        len(summary) + 1, len(summary) + 5, len(summary) + 8]


def test_the_detail_then_a_summary_keeps_the_detail():
    document = planparse.parse(lines(
        *DETAIL,
        "สรุปยุทธศาสตร์การพัฒนา ได้แก่ (1) การพัฒนาคนและสังคมคุณภาพ (2) การพัฒนาเมืองน่าอยู่ "
        "และ (3) การพัฒนาองค์กรสมรรถนะสูง"))
    assert outline(document)["strategies"] == DETAILED
    assert codes(document) == ["DUPLICATE_LIST"]


MISSIONS = ("พัฒนาคุณภาพการศึกษา", "ส่งเสริมสุขภาพของประชาชน", "พัฒนาโครงสร้างพื้นฐาน")


def test_a_restated_list_with_more_items_wins():
    document = planparse.parse(lines(
        "พันธกิจ",
        *(f"{n}. {m}" for n, m in enumerate(MISSIONS[:2], start=1)),
        "วิสัยทัศน์ : เมืองน่าอยู่ ประชาชนมีสุข",
        "พันธกิจ",
        *(f"{n}. {m}" for n, m in enumerate(MISSIONS, start=1)),
    ))
    assert [(m.number, m.text) for m in document.missions] == [
        ("1", MISSIONS[0]), ("2", MISSIONS[1]), ("3", MISSIONS[2])]
    assert [m.span.start_line for m in document.missions] == [6, 7, 8]
    assert codes(document) == ["DUPLICATE_LIST"]


def test_on_a_tie_the_first_statement_wins():
    document = planparse.parse(lines(
        "พันธกิจ",
        *(f"{n}. {m}" for n, m in enumerate(MISSIONS, start=1)),
        "วิสัยทัศน์ : เมืองน่าอยู่ ประชาชนมีสุข",
        "พันธกิจ",
        *(f"- {m}" for m in MISSIONS),
    ))
    assert [(m.number, m.text) for m in document.missions] == [
        ("1", MISSIONS[0]), ("2", MISSIONS[1]), ("3", MISSIONS[2])]
    assert codes(document) == ["DUPLICATE_LIST"]


def test_a_partial_restatement_of_one_strategy_is_matched():
    """One strategy told again later with its guidelines (a link to another plan)."""
    document = planparse.parse(lines(
        *DETAIL,
        "ความสอดคล้องกับแผนพัฒนาจังหวัด",
        "ยุทธศาสตร์ที่ 2 การพัฒนาเมืองน่าอยู่ โดยมีแนวทางการพัฒนาที่สำคัญ ได้แก่",
        "1) พัฒนาระบบคมนาคมและสาธารณูปโภค",
    ))
    assert outline(document)["strategies"] == DETAILED


# Other bodies' lists quoted before the body's own plan: (heading, its two items).
CITED = {
    "national-strategy": ("ยุทธศาสตร์ชาติ 20 ปี (พ.ศ. 2561 - 2580)",
                          "(1) ยุทธศาสตร์ชาติด้านความมั่นคง",
                          "(2) ยุทธศาสตร์ชาติด้านการสร้างความสามารถในการแข่งขัน"),
    "nesdp": ("แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ ฉบับที่ 13",
              "หมุดหมายที่ 1 ไทยเป็นประเทศชั้นนำด้านสินค้าเกษตรมูลค่าสูง",
              "หมุดหมายที่ 2 ไทยเป็นจุดหมายของการท่องเที่ยวคุณภาพสูง"),
    "province-plan": ("แผนพัฒนาจังหวัดลำปาง (พ.ศ. 2566 - 2570)",
                      "ประเด็นการพัฒนาที่ 1 การพัฒนาเศรษฐกิจฐานรากและการท่องเที่ยว",
                      "ประเด็นการพัฒนาที่ 2 การพัฒนาคุณภาพชีวิตและสังคม"),
    "province-strategies": ("ยุทธศาสตร์การพัฒนาจังหวัดลำปาง",
                            "1. การพัฒนาเศรษฐกิจฐานรากและการท่องเที่ยว",
                            "2. การพัฒนาคุณภาพชีวิตและสังคม"),
    "province-strategies-khong": ("ยุทธศาสตร์การพัฒนาของจังหวัดลำปาง",
                                  "1. การพัฒนาเศรษฐกิจฐานรากและการท่องเที่ยว",
                                  "2. การพัฒนาคุณภาพชีวิตและสังคม"),
    "province-issues": ("ประเด็นยุทธศาสตร์การพัฒนาจังหวัดลำปาง",
                        "ประเด็นยุทธศาสตร์ที่ 1 การพัฒนาเศรษฐกิจฐานรากและการท่องเที่ยว",
                        "ประเด็นยุทธศาสตร์ที่ 2 การพัฒนาคุณภาพชีวิตและสังคม"),
    "province-short": ("ยุทธศาสตร์จังหวัด",
                       "ยุทธศาสตร์ที่ 1 การพัฒนาเศรษฐกิจฐานรากและการท่องเที่ยว",
                       "ยุทธศาสตร์ที่ 2 การพัฒนาคุณภาพชีวิตและสังคม"),
    "province-group": ("ยุทธศาสตร์การพัฒนากลุ่มจังหวัดภาคเหนือตอนบน 2",
                       "1. การพัฒนาการท่องเที่ยวเชิงวัฒนธรรมล้านนา",
                       "2. การพัฒนาเกษตรปลอดภัย"),
    "framework": ("กรอบยุทธศาสตร์การพัฒนาขององค์กรปกครองส่วนท้องถิ่นในเขตจังหวัดลำปาง",
                  "1. การพัฒนาโครงสร้างพื้นฐาน", "2. การพัฒนาคุณภาพชีวิต"),
    "framework-no-kob": ("ยุทธศาสตร์การพัฒนาขององค์กรปกครองส่วนท้องถิ่นในเขตจังหวัดลำปาง",
                         "1. การพัฒนาโครงสร้างพื้นฐาน", "2. การพัฒนาคุณภาพชีวิต"),
    "framework-abbreviated": ("ยุทธศาสตร์การพัฒนาของ อปท. ในเขตจังหวัดลำปาง",
                              "1. การพัฒนาโครงสร้างพื้นฐาน", "2. การพัฒนาคุณภาพชีวิต"),
}
OWN_PLAN = (
    "ยุทธศาสตร์การพัฒนาขององค์การบริหารส่วนตำบลบ้านเป้า",
    "ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน",
    "ยุทธศาสตร์ที่ 2 การพัฒนาด้านเศรษฐกิจและการเกษตร",
    "ยุทธศาสตร์ที่ 3 การพัฒนาด้านคุณภาพชีวิต",
)
OWN_STRATEGIES = [
    strategy("1", "การพัฒนาด้านโครงสร้างพื้นฐาน"),
    strategy("2", "การพัฒนาด้านเศรษฐกิจและการเกษตร"),
    strategy("3", "การพัฒนาด้านคุณภาพชีวิต"),
]


@pytest.mark.parametrize("cited", CITED.values(), ids=CITED.keys())
def test_another_bodys_list_quoted_before_the_plan_is_left_out(cited):
    document = planparse.parse(lines(
        "แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570) องค์การบริหารส่วนตำบลบ้านเป้า",
        *cited,
        *OWN_PLAN,
    ))
    assert outline(document) == plan(strategies=OWN_STRATEGIES)


# A new-generation local plan's part 2: the plans above it (with the province's vision),
# then the body's own.
LOCAL_PART_TWO = lines(
    "แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570) องค์การบริหารส่วนตำบลบ้านเป้า",
    "ส่วนที่ 2",
    "ยุทธศาสตร์การพัฒนาองค์กรปกครองส่วนท้องถิ่น",
    "1. ความสัมพันธ์ระหว่างแผนพัฒนาระดับมหภาค",
    "1.1 ยุทธศาสตร์ชาติ 20 ปี (พ.ศ. 2561 - 2580)",
    "(1) ยุทธศาสตร์ชาติด้านความมั่นคง",
    "(2) ยุทธศาสตร์ชาติด้านการสร้างความสามารถในการแข่งขัน",
    "1.2 แผนพัฒนาจังหวัดลำปาง (พ.ศ. 2566 - 2570)",
    "วิสัยทัศน์",
    "“ลำปางเมืองน่าอยู่ เศรษฐกิจสร้างสรรค์ สังคมเป็นสุข”",
    "ประเด็นการพัฒนาที่ 1 การพัฒนาเศรษฐกิจฐานรากและการท่องเที่ยว",
    "ประเด็นการพัฒนาที่ 2 การพัฒนาคุณภาพชีวิตและสังคม",
    "1.3 ยุทธศาสตร์การพัฒนาขององค์กรปกครองส่วนท้องถิ่นในเขตจังหวัดลำปาง",
    "1) การพัฒนาโครงสร้างพื้นฐาน",
    "2) การพัฒนาคุณภาพชีวิต",
    "2. ยุทธศาสตร์ขององค์กรปกครองส่วนท้องถิ่น",
    "2.1 วิสัยทัศน์",
    "“บ้านเป้าน่าอยู่ เกษตรปลอดภัย ประชาชนมีสุข”",
    "2.2 ยุทธศาสตร์",
    "ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน",
    "ยุทธศาสตร์ที่ 2 การพัฒนาด้านเศรษฐกิจและการเกษตร",
    "ยุทธศาสตร์ที่ 3 การพัฒนาด้านคุณภาพชีวิต",
    "2.3 เป้าประสงค์",
    "1. ประชาชนมีเส้นทางคมนาคมที่สะดวก",
    "2. ประชาชนมีรายได้เพิ่มขึ้น",
)


def test_a_local_plan_keeps_its_own_vision_and_strategies():
    document = planparse.parse(LOCAL_PART_TWO)
    assert outline(document) == plan(
        vision="บ้านเป้าน่าอยู่ เกษตรปลอดภัย ประชาชนมีสุข",
        goals=[("1", "ประชาชนมีเส้นทางคมนาคมที่สะดวก"), ("2", "ประชาชนมีรายได้เพิ่มขึ้น")],
        strategies=OWN_STRATEGIES,
    )
    assert codes(document) == []


def test_a_provinces_own_plan_keeps_its_strategies():
    """In the province's own plan its ประเด็นยุทธศาสตร์การพัฒนาจังหวัด are the plan's."""
    document = planparse.parse(lines(
        "แผนพัฒนาจังหวัดลำปาง (พ.ศ. 2566 - 2570)",
        "วิสัยทัศน์",
        "“ลำปางเมืองน่าอยู่ เศรษฐกิจสร้างสรรค์ สังคมเป็นสุข”",
        "ประเด็นยุทธศาสตร์การพัฒนาจังหวัดลำปาง",
        "ประเด็นยุทธศาสตร์ที่ 1 การพัฒนาเศรษฐกิจฐานรากและการท่องเที่ยว",
        "ประเด็นยุทธศาสตร์ที่ 2 การพัฒนาคุณภาพชีวิตและสังคม",
    ))
    assert outline(document) == plan(
        vision="ลำปางเมืองน่าอยู่ เศรษฐกิจสร้างสรรค์ สังคมเป็นสุข",
        strategies=[strategy("1", "การพัฒนาเศรษฐกิจฐานรากและการท่องเที่ยว"),
                    strategy("2", "การพัฒนาคุณภาพชีวิตและสังคม")],
    )
