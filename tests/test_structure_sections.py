"""Sections that know what they hold: a heading opens a list of one kind; a section the
schema does not hold, or a label the vocabulary does not know, closes the list above it;
a one-line annotation row between items does not (issue 9, "Sections that know what they
hold"; contract decisions 3-8, 13-16)."""

from __future__ import annotations

import pytest

import planparse
from conftest import lines
from structure.outline import codes, outline, plan, strategy

STRATEGY_1 = "ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน"
STRATEGY_2 = "ยุทธศาสตร์ที่ 2 การพัฒนาด้านเศรษฐกิจชุมชน"

# Sections after a strategy's guidelines, whose items are written in the guidelines' own
# style: (heading, its two items). The first are in the vocabulary; the others are not.
CLOSING_SECTIONS = {
    "projects": ("แผนงาน/โครงการ", "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3",
                 "โครงการขยายเขตไฟฟ้าแรงต่ำ หมู่ที่ 5"),
    "key-projects": ("โครงการสำคัญ", "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3",
                     "โครงการขยายเขตไฟฟ้าแรงต่ำ หมู่ที่ 5"),
    "agencies": ("หน่วยงานที่รับผิดชอบ", "กองช่าง", "สำนักปลัด"),
    "lead-agencies": ("หน่วยงานรับผิดชอบหลัก", "กองช่าง", "สำนักปลัด"),
    "budget": ("งบประมาณ", "งบประมาณจากเทศบัญญัติ", "เงินอุดหนุนเฉพาะกิจ"),
    "objectives": ("วัตถุประสงค์", "เพื่อให้ประชาชนสัญจรได้สะดวก", "เพื่อลดอุบัติเหตุบนท้องถนน"),
    "expected-results": ("ผลที่คาดว่าจะได้รับ", "ประชาชนสัญจรได้สะดวก", "อุบัติเหตุลดลง"),
    "drivers": ("กลไกการขับเคลื่อน", "คณะกรรมการพัฒนาท้องถิ่น", "ประชาคมหมู่บ้าน"),
    "into-practice": ("การนำแผนไปสู่การปฏิบัติ", "จัดทำแผนดำเนินงานประจำปี",
                      "ติดตามผลทุกไตรมาส"),
    "measures": ("มาตรการสำคัญ", "บังคับใช้ข้อบัญญัติควบคุมอาคาร", "ตรวจสอบคุณภาพงานก่อสร้าง"),
    # labels the vocabulary does not know
    "success-factors": ("ปัจจัยแห่งความสำเร็จ", "ผู้บริหารให้ความสำคัญอย่างต่อเนื่อง",
                        "ประชาชนมีส่วนร่วมในการดูแลรักษา"),
    "challenges": ("ความท้าทายในการดำเนินงาน", "ข้อจำกัดด้านงบประมาณ",
                   "บุคลากรด้านช่างไม่เพียงพอ"),
    "partners": ("ภาคีเครือข่ายที่เกี่ยวข้อง", "แขวงทางหลวงชนบทจังหวัด",
                 "การไฟฟ้าส่วนภูมิภาคอำเภอ"),
    "risks": ("ความเสี่ยงที่อาจเกิดขึ้น", "ราคาวัสดุก่อสร้างสูงขึ้น", "ฝนตกต่อเนื่องในฤดูฝน"),
}

LIST_STYLES = {"dash": "- {}", "K)": "{k}) {}"}


def _closing_case(section, style):
    heading, first, second = CLOSING_SECTIONS[section]
    label = LIST_STYLES[style]
    item = lambda k, text: label.format(text, k=k)  # noqa: E731
    return lines(
        STRATEGY_1,
        "แนวทางการพัฒนา",
        item(1, "ก่อสร้างและปรับปรุงถนนในหมู่บ้าน"),
        item(2, "ขยายเขตไฟฟ้าและระบบประปา"),
        heading,
        item(1, first),
        item(2, second),
        STRATEGY_2,
        "แนวทางการพัฒนา",
        item(1, "ส่งเสริมกลุ่มอาชีพและวิสาหกิจชุมชน"),
    )


CLOSING_CASES = [(section, style) for section in CLOSING_SECTIONS for style in LIST_STYLES]


@pytest.mark.parametrize("section, style", CLOSING_CASES,
                         ids=[f"{section}-{style}" for section, style in CLOSING_CASES])
def test_a_section_the_schema_does_not_hold_closes_the_list(section, style):
    document = planparse.parse(_closing_case(section, style))
    numbers = ["1", "2"] if style == "K)" else [None, None]
    assert outline(document) == plan(strategies=[
        strategy("1", "การพัฒนาด้านโครงสร้างพื้นฐาน", guidelines=list(zip(numbers, [
            "ก่อสร้างและปรับปรุงถนนในหมู่บ้าน", "ขยายเขตไฟฟ้าและระบบประปา"]))),
        strategy("2", "การพัฒนาด้านเศรษฐกิจชุมชน", guidelines=[
            (numbers[0], "ส่งเสริมกลุ่มอาชีพและวิสาหกิจชุมชน")]),
    ])
    assert codes(document) == []


# Contract decision 14: a one-line row with its content on the same line, between items.
ANNOTATION_ROWS = {
    "agency": "หน่วยงานที่รับผิดชอบ กองช่าง",
    "agency-colon": "หน่วยงานที่รับผิดชอบ : กองช่าง และการไฟฟ้าส่วนภูมิภาค",
    "agency-examples": "หน่วยงานรับผิดชอบ เช่น กองช่าง สำนักปลัด",
    "responsible": "ผู้รับผิดชอบ : กองช่าง",
    "budget": "งบประมาณ 500,000 บาท",
    "projects-examples": "โครงการ เช่น โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3",
}


@pytest.mark.parametrize("row", ANNOTATION_ROWS.values(), ids=ANNOTATION_ROWS.keys())
def test_an_annotation_row_between_items_does_not_close_the_list(row):
    document = planparse.parse(lines(
        STRATEGY_1,
        "กลยุทธ์",
        "- ก่อสร้างและปรับปรุงถนนในหมู่บ้าน",
        row,
        "- ขยายเขตไฟฟ้าและระบบประปา",
        row,
        "- ติดตั้งไฟฟ้าส่องสว่างทางสาธารณะ",
        STRATEGY_2,
    ))
    assert outline(document) == plan(strategies=[
        strategy("1", "การพัฒนาด้านโครงสร้างพื้นฐาน", tactics=[
            "ก่อสร้างและปรับปรุงถนนในหมู่บ้าน", "ขยายเขตไฟฟ้าและระบบประปา",
            "ติดตั้งไฟฟ้าส่องสว่างทางสาธารณะ"]),
        strategy("2", "การพัฒนาด้านเศรษฐกิจชุมชน"),
    ])


SWOT = (
    "การวิเคราะห์ SWOT",
    "จุดแข็ง (Strengths)",
    "1. มีแหล่งท่องเที่ยวทางธรรมชาติที่มีชื่อเสียง",
    "2. ประชาชนมีความสามัคคีและมีส่วนร่วมในการพัฒนา",
    "จุดอ่อน (Weaknesses)",
    "1. ถนนในหมู่บ้านชำรุดเป็นจำนวนมาก",
    "โอกาส (Opportunities)",
    "1. นโยบายรัฐบาลส่งเสริมการท่องเที่ยวชุมชน",
    "อุปสรรค (Threats)",
    "1. ภัยแล้งและอุทกภัยเกิดขึ้นบ่อยครั้ง",
)
SWOT_CODED = (
    "ผลการวิเคราะห์สภาพแวดล้อม",
    "S1 มีแหล่งท่องเที่ยวทางธรรมชาติที่มีชื่อเสียง",
    "S2 ประชาชนมีความสามัคคีและมีส่วนร่วมในการพัฒนา",
    "W1 ถนนในหมู่บ้านชำรุดเป็นจำนวนมาก",
    "O1 นโยบายรัฐบาลส่งเสริมการท่องเที่ยวชุมชน",
    "T1 ภัยแล้งและอุทกภัยเกิดขึ้นบ่อยครั้ง",
)
PLAN_AFTER_SWOT = (
    "วิสัยทัศน์",
    "“ท่าศาลาน่าอยู่ เศรษฐกิจมั่นคง ท่องเที่ยวยั่งยืน”",
    "พันธกิจ",
    "1. พัฒนาโครงสร้างพื้นฐานให้ได้มาตรฐาน",
    "2. ส่งเสริมการท่องเที่ยวชุมชน",
    "ยุทธศาสตร์การพัฒนา",
    "1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน",
    "แนวทางการพัฒนา",
    "1.1 ก่อสร้างและปรับปรุงถนนในหมู่บ้าน",
    "2. ยุทธศาสตร์การพัฒนาด้านการท่องเที่ยว",
    "แนวทางการพัฒนา",
    "2.1 พัฒนาแหล่งท่องเที่ยวทางธรรมชาติ",
)
SWOT_PLAN = plan(
    vision="ท่าศาลาน่าอยู่ เศรษฐกิจมั่นคง ท่องเที่ยวยั่งยืน",
    missions=[("1", "พัฒนาโครงสร้างพื้นฐานให้ได้มาตรฐาน"), ("2", "ส่งเสริมการท่องเที่ยวชุมชน")],
    strategies=[
        strategy("1", "ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน",
                 guidelines=[("1.1", "ก่อสร้างและปรับปรุงถนนในหมู่บ้าน")]),
        strategy("2", "ยุทธศาสตร์การพัฒนาด้านการท่องเที่ยว",
                 guidelines=[("2.1", "พัฒนาแหล่งท่องเที่ยวทางธรรมชาติ")]),
    ],
)
SWOT_PLACES = {
    "swot-before": SWOT + PLAN_AFTER_SWOT,
    "swot-after": PLAN_AFTER_SWOT + SWOT,
    "coded-swot-after": PLAN_AFTER_SWOT + SWOT_CODED,
    "section-heading-then-swot": PLAN_AFTER_SWOT + ("3. การวิเคราะห์เพื่อพัฒนาท้องถิ่น",) + SWOT,
}


@pytest.mark.parametrize("rows", SWOT_PLACES.values(), ids=SWOT_PLACES.keys())
def test_swot_does_not_leak_into_the_plan(rows):
    document = planparse.parse(lines(*rows))
    assert outline(document) == SWOT_PLAN
    assert codes(document) == []


def test_project_lists_after_a_strategy_are_not_items():
    document = planparse.parse(lines(
        STRATEGY_1,
        "แนวทางการพัฒนา",
        "1.1 ก่อสร้างและปรับปรุงถนนในหมู่บ้าน",
        "1.2 ขยายเขตไฟฟ้าและระบบประปา",
        "แผนงาน",
        "1. แผนงานเคหะและชุมชน",
        "2. แผนงานอุตสาหกรรมและการโยธา",
        "โครงการ",
        "1. โครงการก่อสร้างถนนคอนกรีตเสริมเหล็กสายบ้านนาคำ หมู่ที่ 2",
        "2. โครงการขยายเขตไฟฟ้าแรงต่ำ หมู่ที่ 5",
        STRATEGY_2,
        "แนวทางการพัฒนา",
        "2.1 ส่งเสริมกลุ่มอาชีพและวิสาหกิจชุมชน",
    ))
    assert outline(document) == plan(strategies=[
        strategy("1", "การพัฒนาด้านโครงสร้างพื้นฐาน", guidelines=[
            ("1.1", "ก่อสร้างและปรับปรุงถนนในหมู่บ้าน"), ("1.2", "ขยายเขตไฟฟ้าและระบบประปา")]),
        strategy("2", "การพัฒนาด้านเศรษฐกิจชุมชน", guidelines=[
            ("2.1", "ส่งเสริมกลุ่มอาชีพและวิสาหกิจชุมชน")]),
    ])


def test_duties_are_not_missions():
    """ภารกิจ (the duties the law gives a body) is not พันธกิจ."""
    document = planparse.parse(lines(
        "วิสัยทัศน์ : เมืองน่าอยู่ ประชาชนมีสุข",
        "ภารกิจ อำนาจหน้าที่ขององค์การบริหารส่วนตำบล",
        "1. จัดให้มีและบำรุงรักษาทางน้ำและทางบก",
        "2. รักษาความสะอาดของถนน ทางน้ำ ทางเดิน และที่สาธารณะ",
    ))
    assert outline(document) == plan(vision="เมืองน่าอยู่ ประชาชนมีสุข")


# Contract decision 3: which lists are goals.
GOAL_LISTS = {
    "goal-heading": (("เป้าประสงค์", "1. ประชาชนสัญจรสะดวก"), ["ประชาชนสัญจรสะดวก"]),
    "aim-alone": (("เป้าหมาย", "1. ประชาชนสัญจรสะดวก"), ["ประชาชนสัญจรสะดวก"]),
    "main-aim-alone": (("เป้าหมายหลัก", "- ประชาชนสัญจรสะดวก"), ["ประชาชนสัญจรสะดวก"]),
    "goal-and-aim": (("เป้าประสงค์", "1. ประชาชนสัญจรสะดวก", "เป้าหมาย",
                      "1. ถนนได้มาตรฐาน 20 สาย"), ["ประชาชนสัญจรสะดวก"]),
    "aim-then-goal": (("เป้าหมาย", "1. ถนนได้มาตรฐาน 20 สาย", "เป้าประสงค์",
                       "1. ประชาชนสัญจรสะดวก"), ["ประชาชนสัญจรสะดวก"]),
    "target-values": (("เป้าประสงค์", "1. ประชาชนสัญจรสะดวก", "ค่าเป้าหมาย",
                       "1. ถนนได้มาตรฐาน 20 สาย"), ["ประชาชนสัญจรสะดวก"]),
    "indicator-targets": (("เป้าหมาย", "1. ประชาชนสัญจรสะดวก", "เป้าหมายตัวชี้วัด",
                           "1. ถนนได้มาตรฐาน 20 สาย"), ["ประชาชนสัญจรสะดวก"]),
    "target-values-alone": (("ค่าเป้าหมาย", "1. ถนนได้มาตรฐาน 20 สาย"), []),
}


@pytest.mark.parametrize("rows, goals", GOAL_LISTS.values(), ids=GOAL_LISTS.keys())
def test_which_lists_are_goals_under_a_strategy(rows, goals):
    document = planparse.parse(lines(STRATEGY_1, *rows, STRATEGY_2))
    assert [g.text for g in document.strategies[0].goals] == goals
    assert document.goals == []


@pytest.mark.parametrize("rows, goals", GOAL_LISTS.values(), ids=GOAL_LISTS.keys())
def test_which_lists_are_goals_at_plan_level(rows, goals):
    document = planparse.parse(lines("วิสัยทัศน์ : เมืองน่าอยู่ ประชาชนมีสุข", *rows, STRATEGY_1))
    assert [g.text for g in document.goals] == goals
    assert document.strategies[0].goals == []


PROSE_GOAL = "แผนฉบับนี้มีเป้าหมายเพื่อให้ประชาชนในตำบลมีคุณภาพชีวิตที่ดีอย่างยั่งยืน"
NOT_A_PROSE_GOAL = "เทศบาลตั้งเป้าหมายให้ประชาชนในตำบลมีคุณภาพชีวิตที่ดีอย่างยั่งยืน"
PROSE_GOALS = {
    "mi-pao-mai-phuea-first": ((PROSE_GOAL, "วิสัยทัศน์ : เมืองน่าอยู่ ประชาชนมีสุข", STRATEGY_1),
                               ["ให้ประชาชนในตำบลมีคุณภาพชีวิตที่ดีอย่างยั่งยืน"]),
    "mi-pao-mai-phuea-after-vision": (
        ("วิสัยทัศน์ : เมืองน่าอยู่ ประชาชนมีสุข", PROSE_GOAL, STRATEGY_1),
        ["ให้ประชาชนในตำบลมีคุณภาพชีวิตที่ดีอย่างยั่งยืน"]),
    "tang-pao-mai-hai": ((NOT_A_PROSE_GOAL, "วิสัยทัศน์ : เมืองน่าอยู่ ประชาชนมีสุข", STRATEGY_1), []),
}


@pytest.mark.parametrize("rows, goals", PROSE_GOALS.values(), ids=PROSE_GOALS.keys())
def test_a_goal_stated_in_prose(rows, goals):
    """Decision 3: มีเป้าหมาย… followed by its statement is a goal; ตั้งเป้าหมายให้… is not."""
    document = planparse.parse(lines(*rows))
    assert [g.text for g in document.goals] == goals
    assert document.vision.text == "เมืองน่าอยู่ ประชาชนมีสุข"


def test_plan_level_indicators_are_left_out():
    """Contract decision 4: no field for them yet."""
    document = planparse.parse(lines(
        "เป้าประสงค์",
        "1. ประชาชนมีคุณภาพชีวิตที่ดี",
        "ตัวชี้วัด",
        "1. ร้อยละของครัวเรือนที่ผ่านเกณฑ์ความจำเป็นพื้นฐาน",
        STRATEGY_1,
        "ตัวชี้วัด",
        "1. ร้อยละของถนนที่ได้มาตรฐาน",
    ))
    assert outline(document) == plan(
        goals=[("1", "ประชาชนมีคุณภาพชีวิตที่ดี")],
        strategies=[strategy("1", "การพัฒนาด้านโครงสร้างพื้นฐาน",
                             indicators=[("1", "ร้อยละของถนนที่ได้มาตรฐาน")])],
    )


# Contract decision 13: the items' own label decides their kind.
OWN_LABELS = {
    "guideline-heading-over-tactics": (
        ("แนวทางการพัฒนา (กลยุทธ์)", "กลยุทธ์ที่ 1 ก่อสร้างและปรับปรุงถนน",
         "กลยุทธ์ที่ 2 ขยายเขตไฟฟ้า"),
        {"tactics": [("1", "ก่อสร้างและปรับปรุงถนน"), ("2", "ขยายเขตไฟฟ้า")]}),
    "operating-guidelines": (
        ("แนวทางการดำเนินงาน", "1) ก่อสร้างและปรับปรุงถนน", "2) ขยายเขตไฟฟ้า"),
        {"guidelines": [("1", "ก่อสร้างและปรับปรุงถนน"), ("2", "ขยายเขตไฟฟ้า")]}),
    "driving-guidelines": (
        ("แนวทางการขับเคลื่อน", "1) ก่อสร้างและปรับปรุงถนน", "2) ขยายเขตไฟฟ้า"),
        {"guidelines": [("1", "ก่อสร้างและปรับปรุงถนน"), ("2", "ขยายเขตไฟฟ้า")]}),
    "sub-tactics-are-a-third-level": (
        ("กลยุทธ์", "1. ก่อสร้างและปรับปรุงถนน", "กลยุทธ์ย่อย", "1.1 ถนนคอนกรีตเสริมเหล็ก",
         "1.2 ถนนลูกรัง", "2. ขยายเขตไฟฟ้า"),
        {"tactics": [("1", "ก่อสร้างและปรับปรุงถนน"), ("2", "ขยายเขตไฟฟ้า")]}),
    "tactic-guideline-table": (
        ("กลยุทธ์", "แนวทาง", "1. ก่อสร้างและปรับปรุงถนน", "1.1 สำรวจถนนที่ชำรุด",
         "1.2 ซ่อมแซมถนนตามลำดับความสำคัญ", "2. ขยายเขตไฟฟ้า", "2.1 ขยายเขตไฟฟ้าแรงต่ำ"),
        {"guidelines": [("1.1", "สำรวจถนนที่ชำรุด"), ("1.2", "ซ่อมแซมถนนตามลำดับความสำคัญ"),
                        ("2.1", "ขยายเขตไฟฟ้าแรงต่ำ")],
         "tactics": [("1", "ก่อสร้างและปรับปรุงถนน"), ("2", "ขยายเขตไฟฟ้า")]}),
}


@pytest.mark.parametrize("rows, children", OWN_LABELS.values(), ids=OWN_LABELS.keys())
def test_the_items_own_label_decides_their_kind(rows, children):
    document = planparse.parse(lines(STRATEGY_1, *rows, STRATEGY_2))
    assert outline(document) == plan(strategies=[
        strategy("1", "การพัฒนาด้านโครงสร้างพื้นฐาน", **children),
        strategy("2", "การพัฒนาด้านเศรษฐกิจชุมชน"),
    ])


# Contract decisions 5 and 16: a top level named otherwise.
TOP_LEVELS = {
    "tactics-with-nothing-above": (
        ("กลยุทธ์", "1. พัฒนาระบบบริการประชาชน", "2. พัฒนาบุคลากร"),
        [("1", "พัฒนาระบบบริการประชาชน"), ("2", "พัฒนาบุคลากร")]),
    "milestones": (
        ("หมุดหมายที่ 1 ไทยเป็นประเทศชั้นนำด้านสินค้าเกษตรมูลค่าสูง",
         "หมุดหมายที่ 2 ไทยเป็นจุดหมายของการท่องเที่ยวคุณภาพสูง"),
        [("1", "ไทยเป็นประเทศชั้นนำด้านสินค้าเกษตรมูลค่าสูง"),
         ("2", "ไทยเป็นจุดหมายของการท่องเที่ยวคุณภาพสูง")]),
    "milestones-under-dimensions": (
        ("มิติที่ 1 การพัฒนาภาคการผลิตและบริการเป้าหมาย",
         "- หมุดหมายที่ 1 ไทยเป็นประเทศชั้นนำด้านสินค้าเกษตรมูลค่าสูง",
         "- หมุดหมายที่ 2 ไทยเป็นจุดหมายของการท่องเที่ยวคุณภาพสูง",
         "มิติที่ 2 การสร้างความเสมอภาคทางเศรษฐกิจ",
         "- หมุดหมายที่ 3 ไทยมีวิสาหกิจขนาดกลางและขนาดย่อมที่เข้มแข็ง"),
        [("1", "ไทยเป็นประเทศชั้นนำด้านสินค้าเกษตรมูลค่าสูง"),
         ("2", "ไทยเป็นจุดหมายของการท่องเที่ยวคุณภาพสูง"),
         ("3", "ไทยมีวิสาหกิจขนาดกลางและขนาดย่อมที่เข้มแข็ง")]),
    "dimensions-only": (
        ("มิติที่ 1 มิติด้านเศรษฐกิจ", "มิติที่ 2 มิติด้านสังคม", "มิติที่ 3 มิติด้านสิ่งแวดล้อม"),
        [("1", "มิติด้านเศรษฐกิจ"), ("2", "มิติด้านสังคม"), ("3", "มิติด้านสิ่งแวดล้อม")]),
}


@pytest.mark.parametrize("rows, expected", TOP_LEVELS.values(), ids=TOP_LEVELS.keys())
def test_a_top_level_named_otherwise(rows, expected):
    document = planparse.parse(lines("วิสัยทัศน์ : องค์กรทันสมัย บริการเป็นเลิศ", *rows))
    assert [(s.number, s.title) for s in document.strategies] == expected


# Contract decision 15: lead lines.
def test_a_shared_fragment_over_the_items_is_neither_an_item_nor_added_to_them():
    document = planparse.parse(lines(
        "พันธกิจ",
        "พัฒนาและส่งเสริม",
        "- การศึกษาและการเรียนรู้ตลอดชีวิต",
        "- การสาธารณสุขมูลฐาน",
        "- ศาสนา ศิลปวัฒนธรรม และภูมิปัญญาท้องถิ่น",
    ))
    assert outline(document) == plan(missions=[
        "การศึกษาและการเรียนรู้ตลอดชีวิต", "การสาธารณสุขมูลฐาน",
        "ศาสนา ศิลปวัฒนธรรม และภูมิปัญญาท้องถิ่น"])


def test_a_complete_statement_on_the_heading_line_is_the_first_item():
    document = planparse.parse(lines(
        "พันธกิจ : พัฒนาโครงสร้างพื้นฐานให้ได้มาตรฐานและทั่วถึง",
        "- ส่งเสริมอาชีพและเพิ่มรายได้ให้แก่ประชาชน",
        "- อนุรักษ์ทรัพยากรธรรมชาติและสิ่งแวดล้อม",
    ))
    assert outline(document) == plan(missions=[
        "พัฒนาโครงสร้างพื้นฐานให้ได้มาตรฐานและทั่วถึง",
        "ส่งเสริมอาชีพและเพิ่มรายได้ให้แก่ประชาชน",
        "อนุรักษ์ทรัพยากรธรรมชาติและสิ่งแวดล้อม"])


# Contract decision 8: a strategy's title is its name.
TITLES = {
    "โดยมุ่ง": ("ยุทธศาสตร์ที่ 1 การพัฒนาเกษตรปลอดภัย โดยมุ่งส่งเสริมให้เกษตรกรลดการใช้สารเคมี",
                "การพัฒนาเกษตรปลอดภัย"),
    "ซึ่งให้ความสำคัญ": ("ยุทธศาสตร์ที่ 1 การพัฒนาเกษตรปลอดภัย ซึ่งให้ความสำคัญกับการผลิตที่เป็นมิตรกับสิ่งแวดล้อม",
                         "การพัฒนาเกษตรปลอดภัย"),
    "มีเป้าหมาย-คือ": ("ยุทธศาสตร์ที่ 1 การพัฒนาเกษตรปลอดภัย มีเป้าหมายที่สำคัญ คือ เกษตรกรมีรายได้เพิ่มขึ้น",
                       "การพัฒนาเกษตรปลอดภัย"),
    "เพื่อ-ไม่ใช่คำอธิบาย": ("ยุทธศาสตร์ที่ 1 การพัฒนาโครงสร้างพื้นฐานเพื่อรองรับการท่องเที่ยว",
                             "การพัฒนาโครงสร้างพื้นฐานเพื่อรองรับการท่องเที่ยว"),
    "English-gloss": ("ยุทธศาสตร์ที่ 1 การพัฒนาเกษตรปลอดภัย (Safe Agriculture)",
                      "การพัฒนาเกษตรปลอดภัย (Safe Agriculture)"),
}


@pytest.mark.parametrize("line, title", TITLES.values(),
                         ids=["by-mung", "sueng", "mi-pao-mai", "phuea-is-name", "english-gloss"])
def test_a_strategy_title_is_its_name(line, title):
    document = planparse.parse(lines(line, "แนวทางการพัฒนา", "1.1 ส่งเสริมเกษตรอินทรีย์"))
    assert [s.title for s in document.strategies] == [title]


def test_a_short_name_over_its_explaining_paragraph_is_the_text():
    """Decision 8: a numbered name on its own line, explained by a paragraph under it."""
    document = planparse.parse(lines(
        "ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน",
        "แนวทางการพัฒนา",
        "1.1 พัฒนาระบบคมนาคมขนส่ง",
        "ก่อสร้าง ปรับปรุง และบำรุงรักษาถนน สะพาน ทางเท้า และท่อระบายน้ำ ให้ได้มาตรฐาน "
        "และเพียงพอต่อความต้องการของประชาชน",
        "1.2 พัฒนาระบบสาธารณูปโภค",
        "ขยายเขตไฟฟ้า ประปา และโทรศัพท์สาธารณะให้ครอบคลุมทุกหมู่บ้าน",
    ))
    assert [(g.number, g.text) for g in document.strategies[0].guidelines] == [
        ("1.1", "พัฒนาระบบคมนาคมขนส่ง"), ("1.2", "พัฒนาระบบสาธารณูปโภค")]


WHOLE_TEXTS = {
    "examples": ("1.1 ส่งเสริมอาชีพ เช่น การทอผ้า การจักสาน และการแปรรูปอาหาร",
                 ("1.1", "ส่งเสริมอาชีพ เช่น การทอผ้า การจักสาน และการแปรรูปอาหาร")),
    "figures": ("1.1 ลดอัตราการป่วยด้วยโรคไข้เลือดออกให้ต่ำกว่า 50 ต่อแสนประชากร ภายในปี 2570 "
                "(ปี 2566 เท่ากับ 72 ต่อแสนประชากร)",
                ("1.1", "ลดอัตราการป่วยด้วยโรคไข้เลือดออกให้ต่ำกว่า 50 ต่อแสนประชากร ภายในปี 2570 "
                        "(ปี 2566 เท่ากับ 72 ต่อแสนประชากร)")),
    "trailing-lead-in": ("1.1 ส่งเสริมอาชีพของประชาชน ดังนี้", ("1.1", "ส่งเสริมอาชีพของประชาชน")),
}


@pytest.mark.parametrize("line, item", WHOLE_TEXTS.values(), ids=WHOLE_TEXTS.keys())
def test_an_item_keeps_its_whole_text_but_not_a_trailing_lead_in(line, item):
    """Decision 8: examples and figures stay; the text rules take a trailing ดังนี้ off."""
    document = planparse.parse(lines(STRATEGY_1, "แนวทางการพัฒนา", line,
                                     "- การทอผ้าและการจักสาน", STRATEGY_2))
    assert [(g.number, g.text) for g in document.strategies[0].guidelines] == [item]


def test_a_description_paragraph_under_a_strategys_name_is_not_a_guideline():
    """Decision 6 gives unlabelled *lists* to the guidelines, not the paragraph that
    describes the strategy; decision 8 keeps the title to the name."""
    document = planparse.parse(lines(
        "ยุทธศาสตร์ที่ 1 การพัฒนาเศรษฐกิจฐานราก",
        "มุ่งเน้นการสร้างรายได้ให้แก่ชุมชนผ่านการพัฒนาผลิตภัณฑ์และการท่องเที่ยวชุมชน โดยให้ความสำคัญกับ"
        "การมีส่วนร่วมของประชาชนในทุกขั้นตอน",
        "แนวทางการพัฒนา",
        "(1) ส่งเสริมวิสาหกิจชุมชน",
        "(2) พัฒนาการท่องเที่ยวชุมชน",
        STRATEGY_2,
    ))
    assert outline(document) == plan(strategies=[
        strategy("1", "การพัฒนาเศรษฐกิจฐานราก", guidelines=[
            ("1", "ส่งเสริมวิสาหกิจชุมชน"), ("2", "พัฒนาการท่องเที่ยวชุมชน")]),
        strategy("2", "การพัฒนาด้านเศรษฐกิจชุมชน"),
    ])
