"""An open vocabulary: heading variants with a word left out, added or replaced; bullet
glyphs and control characters; visions in prose; long content on a heading line; heading
words inside longer words (issue 9, "An open vocabulary")."""

from __future__ import annotations

import pytest

import planparse
from conftest import lines
from structure.outline import outline, plan, strategy

STRATEGY_1 = "ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน"
STRATEGY_2 = "ยุทธศาสตร์ที่ 2 การพัฒนาด้านเศรษฐกิจชุมชน"
ITEMS = ("1. ก่อสร้างและปรับปรุงถนนในหมู่บ้าน", "2. ขยายเขตไฟฟ้าและระบบประปา")
EXPECTED_ITEMS = [("1", "ก่อสร้างและปรับปรุงถนนในหมู่บ้าน"), ("2", "ขยายเขตไฟฟ้าและระบบประปา")]

# Headings of a strategy's child lists, each with the field its items go to.
CHILD_HEADINGS = {
    "guideline-word-left-out": ("แนวทางพัฒนา", "guidelines"),
    "guideline-word-added": ("แนวทางในการพัฒนา", "guidelines"),
    "guideline-key": ("แนวทางการพัฒนาที่สำคัญ", "guidelines"),
    "guideline-english": ("แนวทางการพัฒนา (Guidelines)", "guidelines"),
    "guideline-lead-in": ("แนวทางการพัฒนา มีดังนี้", "guidelines"),
    "guideline-counted": ("แนวทางการพัฒนา ประกอบด้วย 2 แนวทาง ดังนี้", "guidelines"),
    "guideline-main": ("แนวทางหลัก", "guidelines"),
    "indicator-kpi": ("ตัวชี้วัด (KPI)", "indicators"),
    "indicator-and-targets": ("ตัวชี้วัดและค่าเป้าหมาย", "indicators"),
    "indicator-of-the-strategy": ("ตัวชี้วัดระดับยุทธศาสตร์", "indicators"),
    "indicator-of-the-goal": ("ตัวชี้วัดเป้าประสงค์", "indicators"),
    "indicator-english": ("ตัวชี้วัดความสำเร็จ (Key Performance Indicators)", "indicators"),
    "indicator-replaced-datchani": ("ดัชนีชี้วัด", "indicators"),
    "indicator-replaced-tuabongchi": ("ตัวบ่งชี้", "indicators"),
    "indicator-kpis": ("KPIs", "indicators"),
    "tactic-development": ("กลยุทธ์การพัฒนา", "tactics"),
    "tactic-english": ("กลยุทธ์ (Strategies)", "tactics"),
    "tactic-main": ("กลยุทธ์หลัก", "tactics"),
    "tactic-yutthawithi": ("ยุทธวิธี", "tactics"),
    "tactic-example-yutthawithi": ("ตัวอย่างยุทธวิธี", "tactics"),
    "goal-english": ("เป้าประสงค์ (Goals)", "goals"),
    "goal-of-the-strategy": ("เป้าประสงค์ของยุทธศาสตร์", "goals"),
    "goal-strategic-level": ("เป้าประสงค์ระดับยุทธศาสตร์", "goals"),
    "aim-strategic": ("เป้าหมายเชิงยุทธศาสตร์", "goals"),
    "aim-development": ("เป้าหมายการพัฒนา", "goals"),
}


@pytest.mark.parametrize("heading, field", CHILD_HEADINGS.values(), ids=CHILD_HEADINGS.keys())
def test_a_strategys_child_heading_variant(heading, field):
    document = planparse.parse(lines(STRATEGY_1, heading, *ITEMS, STRATEGY_2))
    assert outline(document) == plan(strategies=[
        strategy("1", "การพัฒนาด้านโครงสร้างพื้นฐาน", **{field: EXPECTED_ITEMS}),
        strategy("2", "การพัฒนาด้านเศรษฐกิจชุมชน"),
    ])


PLAN_HEADINGS = {
    "vision-local": ("วิสัยทัศน์การพัฒนาท้องถิ่น", "vision"),
    "vision-of-the-body-and-years": ("วิสัยทัศน์ของเทศบาลตำบลแม่แตง (พ.ศ. 2566 - 2570)", "vision"),
    "vision-english-then-body": ("วิสัยทัศน์ (Vision) ของ อบต.นาคำ", "vision"),
    "vision-thai-numbered": ("๒.๑ วิสัยทัศน์", "vision"),
    "mission-english": ("พันธกิจ (Mission)", "missions"),
    "mission-development": ("พันธกิจการพัฒนา", "missions"),
    "mission-local": ("พันธกิจการพัฒนาท้องถิ่น", "missions"),
    "mission-of-the-body": ("พันธกิจขององค์การบริหารส่วนตำบลนาคำ", "missions"),
    "goal-english": ("เป้าประสงค์ (Goals)", "goals"),
    "goal-development": ("เป้าประสงค์การพัฒนา", "goals"),
    "goal-of-development": ("เป้าประสงค์ของการพัฒนา", "goals"),
    "aim-development": ("เป้าหมายการพัฒนา", "goals"),
    "aim-local": ("เป้าหมายการพัฒนาท้องถิ่น", "goals"),
    "purpose-development": ("จุดมุ่งหมายการพัฒนา", "goals"),
    "purpose-for-the-future": ("จุดมุ่งหมายเพื่อการพัฒนาในอนาคต", "goals"),
    "strategies-local": ("ยุทธศาสตร์การพัฒนาท้องถิ่น", "strategies"),
    "strategies-of-the-body": ("ยุทธศาสตร์การพัฒนาขององค์การบริหารส่วนตำบลนาคำ", "strategies"),
    "strategies-and-guidelines": ("ยุทธศาสตร์และแนวทางการพัฒนา", "strategies"),
    "strategies-english": ("ประเด็นยุทธศาสตร์ (Strategic Issues)", "strategies"),
    "strategies-years": ("ยุทธศาสตร์การพัฒนา (พ.ศ. 2566 - 2570)", "strategies"),
}
VISION = "นาคำน่าอยู่ เกษตรปลอดภัย ประชาชนมีสุข"


@pytest.mark.parametrize("heading, field", PLAN_HEADINGS.values(), ids=PLAN_HEADINGS.keys())
def test_a_plan_heading_variant(heading, field):
    if field == "vision":
        document = planparse.parse(lines(heading, f"“{VISION}”", "พันธกิจ", ITEMS[0]))
        assert document.vision is not None and document.vision.text == VISION
        return
    document = planparse.parse(lines(heading, "1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน"
                                     if field == "strategies" else ITEMS[0],
                                     "2. ยุทธศาสตร์การพัฒนาด้านเศรษฐกิจ"
                                     if field == "strategies" else ITEMS[1]))
    if field == "strategies":
        assert [(s.number, s.title) for s in document.strategies] == [
            ("1", "ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน"), ("2", "ยุทธศาสตร์การพัฒนาด้านเศรษฐกิจ")]
    else:
        assert [(i.number, i.text) for i in getattr(document, field)] == EXPECTED_ITEMS


BULLETS = {
    "middle-dot": "·",
    "bullet": "•",
    "hyphen": "-",
    "en-dash": "–",
    "c1-control-9f": "\x9f",
    "c1-control-95": "\x95",
    "symbol-font-f0b7": "\uf0b7",
    "wingdings-f0a7": "\uf0a7",
    "wingdings-f0d8": "\uf0d8",
    "black-circle": "●",
    "white-circle": "○",
    "small-square": "▪",
    "diamond-cross": "❖",
    "arrowhead": "➢",
    "white-bullet": "◦",
}


@pytest.mark.parametrize("glyph", BULLETS.values(), ids=BULLETS.keys())
def test_a_bullet_glyph(glyph):
    document = planparse.parse(lines(
        "พันธกิจ",
        f"{glyph} พัฒนาโครงสร้างพื้นฐานให้ได้มาตรฐาน",
        f"{glyph} ส่งเสริมอาชีพและเพิ่มรายได้ให้แก่ประชาชน",
        f"{glyph}อนุรักษ์ทรัพยากรธรรมชาติและสิ่งแวดล้อม",
    ))
    assert outline(document) == plan(missions=[
        "พัฒนาโครงสร้างพื้นฐานให้ได้มาตรฐาน", "ส่งเสริมอาชีพและเพิ่มรายได้ให้แก่ประชาชน",
        "อนุรักษ์ทรัพยากรธรรมชาติและสิ่งแวดล้อม"])


# Contract decision 10: a vision the text calls วิสัยทัศน์, in prose.
PROSE_VISION = "แม่แตงน่าอยู่ เกษตรปลอดภัย ท่องเที่ยวยั่งยืน"
PROSE_VISIONS = {
    "kamnot-wai-wa": f"เทศบาลได้กำหนดวิสัยทัศน์ไว้ว่า “{PROSE_VISION}” เพื่อเป็นทิศทางการพัฒนา",
    "phai-tai": f"การพัฒนาท้องถิ่นภายใต้วิสัยทัศน์ “{PROSE_VISION}” ได้ดำเนินการมาอย่างต่อเนื่อง",
    "doi-mi-khue": f"โดยมีวิสัยทัศน์ คือ “{PROSE_VISION}” และพันธกิจ 5 ด้าน",
    "mung-su-kan-pen": f"เทศบาลมุ่งสู่วิสัยทัศน์ การเป็น “{PROSE_VISION}” ภายในปี 2570",
    "tam-thi-wa": f"ตามวิสัยทัศน์ที่ว่า “{PROSE_VISION}” ทุกส่วนราชการต้องร่วมมือกัน",
    "of-the-body": f"ทั้งนี้ วิสัยทัศน์ของเทศบาลตำบลแม่แตง “{PROSE_VISION}” ได้รับความเห็นชอบจากสภา",
    "yuet": f"โดยยึดวิสัยทัศน์ “{PROSE_VISION}” เป็นกรอบในการจัดทำแผน",
    "nai-kan-phatthana-khue": f"เทศบาลมีวิสัยทัศน์ในการพัฒนา คือ “{PROSE_VISION}” ซึ่งสอดคล้องกับจังหวัด",
    "khap-khluean": f"นายกเทศมนตรีกล่าวว่าจะขับเคลื่อนตามวิสัยทัศน์ “{PROSE_VISION}” อย่างเต็มที่",
    "straight-quotes": f"เทศบาลได้กำหนดวิสัยทัศน์ไว้ว่า \"{PROSE_VISION}\" เพื่อเป็นทิศทางการพัฒนา",
    "single-quotes": f"เทศบาลได้กำหนดวิสัยทัศน์ไว้ว่า ‘{PROSE_VISION}’ เพื่อเป็นทิศทางการพัฒนา",
    "unquoted-wa": f"ซึ่งมีวิสัยทัศน์ว่า {PROSE_VISION} ทั้งนี้ได้ผ่านการประชาคมแล้ว",
}


@pytest.mark.parametrize("sentence", PROSE_VISIONS.values(), ids=PROSE_VISIONS.keys())
def test_a_vision_stated_in_prose(sentence):
    document = planparse.parse(lines(sentence))
    assert document.vision is not None and document.vision.text == PROSE_VISION


NOT_VISIONS = {
    "visionary-leader": "นายกเทศมนตรีเป็นผู้นำที่มีวิสัยทัศน์กว้างไกลและทำงานเพื่อประชาชน",
    "seminar-title": "การสัมมนาวิสัยทัศน์ กลยุทธ์ และนวัตกรรมดิจิทัลสำหรับท้องถิ่น",
    "shared-vision-workshop": "จัดอบรมการสร้างวิสัยทัศน์ร่วมของชุมชนให้แก่ผู้นำหมู่บ้าน 50 คน",
}


@pytest.mark.parametrize("sentence", NOT_VISIONS.values(), ids=NOT_VISIONS.keys())
def test_the_word_for_vision_where_no_vision_is_stated(sentence):
    document = planparse.parse(lines(sentence))
    assert document.vision is None
    assert [w.code for w in document.warnings] == ["NO_PLAN_FOUND"]


# Content longer than 200 characters on a heading line is kept.
LONG = ("ประชาชนทุกกลุ่มวัยมีคุณภาพชีวิตที่ดี มีสุขภาวะที่สมบูรณ์ทั้งร่างกายและจิตใจ มีการศึกษาและทักษะที่เหมาะสมกับ"
        "การดำรงชีวิตในศตวรรษที่ 21 มีอาชีพและรายได้ที่มั่นคง ชุมชนมีความเข้มแข็ง มีส่วนร่วมในการพัฒนาท้องถิ่น "
        "สิ่งแวดล้อมได้รับการอนุรักษ์และฟื้นฟูอย่างยั่งยืน และองค์กรมีการบริหารจัดการที่ดีตามหลักธรรมาภิบาล")
LONG_CONTENT = {
    "vision": (f"วิสัยทัศน์ : {LONG}", lambda d: d.vision and d.vision.text),
    "mission": (f"พันธกิจที่ 1 {LONG}", lambda d: d.missions and d.missions[0].text),
    "goal": (f"เป้าประสงค์ : {LONG}", lambda d: d.goals and d.goals[0].text),
}


@pytest.mark.parametrize("line, read", LONG_CONTENT.values(), ids=LONG_CONTENT.keys())
def test_long_content_on_a_heading_line_is_kept(line, read):
    assert len(LONG) > 200
    document = planparse.parse(lines(line, STRATEGY_1))
    assert read(document) == LONG


def test_a_long_indicator_on_its_heading_line_is_kept():
    document = planparse.parse(lines(STRATEGY_1, f"ตัวชี้วัด : {LONG}", STRATEGY_2))
    assert [i.text for i in document.strategies[0].indicators] == [LONG]


# A heading word inside a longer word does not anchor a list.
COMPOUNDS = {
    "plan-title-phaen-yutthasat": ("แผนยุทธศาสตร์ด้านการท่องเที่ยวของอำเภอ",
                                   "1. พัฒนาเส้นทางท่องเที่ยวเชื่อมโยงชุมชน",
                                   "2. ส่งเสริมตลาดนัดวัฒนธรรม"),
    "target-group": ("กลุ่มเป้าหมาย", "1. เด็กและเยาวชนในตำบล", "2. ผู้สูงอายุและผู้พิการ"),
    "target-area": ("พื้นที่เป้าหมาย", "1. หมู่ที่ 1 บ้านนาคำ", "2. หมู่ที่ 4 บ้านโนนสูง"),
    "strategic-map": ("แผนที่เชิงกลยุทธ์", "1. ด้านประสิทธิผล", "2. ด้านคุณภาพการให้บริการ"),
    "framework-slogan": ("กรอบแนวทางการพัฒนา 3 ธรรม", "1. ธรรมาภิบาล", "2. ธรรมชาติ", "3. ธรรมะ"),
}


@pytest.mark.parametrize("rows", COMPOUNDS.values(), ids=COMPOUNDS.keys())
def test_a_heading_word_inside_a_longer_word_anchors_no_list(rows):
    document = planparse.parse(lines(*rows, f"วิสัยทัศน์ : {VISION}"))
    assert outline(document) == plan(vision=VISION)


GLUED_STARTS = {
    "nuai-ngan": "หน่วยงานภาครัฐให้บริการประชาชนอย่างมีประสิทธิภาพ",
    "ngop-praman": "งบประมาณได้รับการจัดสรรอย่างเป็นธรรมและโปร่งใส",
    "phon-phalit": "ผลผลิตทางการเกษตรมีคุณภาพและได้มาตรฐาน",
    "kitchakam": "กิจกรรมทางศาสนาและวัฒนธรรมได้รับการส่งเสริม",
    "nayobai": "นโยบายสาธารณะตอบสนองความต้องการของประชาชน",
}


@pytest.mark.parametrize("goal", GLUED_STARTS.values(), ids=GLUED_STARTS.keys())
def test_an_item_starting_with_a_heading_word_glued_to_more_is_content(goal):
    document = planparse.parse(lines(
        "เป้าประสงค์", "1. ประชาชนมีคุณภาพชีวิตที่ดี", f"2. {goal}", "3. ชุมชนมีความเข้มแข็ง"))
    assert [g.text for g in document.goals] == [
        "ประชาชนมีคุณภาพชีวิตที่ดี", goal, "ชุมชนมีความเข้มแข็ง"]


GLOSSED_AFTER_A_TITLE = {
    "vision-gloss": ("วิสัยทัศน์ (Vision)", "พันธกิจ"),
    "mission-gloss": ("วิสัยทัศน์", "พันธกิจ (Mission)"),
    "both-glossed": ("วิสัยทัศน์ (Vision)", "พันธกิจ (Mission)"),
}


@pytest.mark.parametrize("vision_heading, mission_heading", GLOSSED_AFTER_A_TITLE.values(),
                         ids=GLOSSED_AFTER_A_TITLE.keys())
def test_glossed_headings_under_the_plans_title_line(vision_heading, mission_heading):
    """The title line that opens a local plan's text, then headings with English glosses."""
    document = planparse.parse(lines(
        "แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570) เทศบาลตำบลแม่แตง",
        vision_heading,
        f"“{VISION}”",
        mission_heading,
        *ITEMS,
    ))
    assert outline(document) == plan(vision=VISION, missions=EXPECTED_ITEMS)
