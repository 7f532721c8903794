"""Where the plan's lists end and the text around them goes on: a person's words
reported after a list, a sentence of prose that leads into a list of its own after a
strategy's lists, a rule line under a title, footnote markers after figures, a range of
years at an item's end. Texts of our own, in the shapes of news and cabinet summaries."""

from __future__ import annotations

import pytest

import planparse
from conftest import lines
from structure.outline import outline, plan, strategy

TACTICS = ("ยุทธศาสตร์ที่ 1 การพัฒนาเศรษฐกิจชายแดน มีกลยุทธ์ ดังนี้",
           "(1) ส่งเสริมการค้าชายแดน",
           "(2) พัฒนาด่านศุลกากร")


@pytest.mark.parametrize("speech", [
    "ผู้ว่าราชการจังหวัด กล่าวต่อว่า ในปีนี้จังหวัดจะเร่งรัดการเบิกจ่ายงบประมาณ",
    "อธิบดีกรมการค้าต่างประเทศ เปิดเผยว่า การค้าชายแดนขยายตัวต่อเนื่อง",
    "นายกรัฐมนตรียังได้เน้นย้ำว่า ขอให้ทุกหน่วยงานบูรณาการการทำงาน",
    "รองนายกรัฐมนตรี ชี้แจงเพิ่มเติมว่า แผนนี้จะเสนอคณะรัฐมนตรีในเดือนหน้า",
])
def test_reported_words_after_a_list_are_not_its_last_item(speech):
    document = planparse.parse(lines(*TACTICS, speech))
    assert outline(document) == plan(strategies=[
        strategy("1", "การพัฒนาเศรษฐกิจชายแดน", tactics=[("1", "ส่งเสริมการค้าชายแดน"),
                                                       ("2", "พัฒนาด่านศุลกากร")])])


def test_an_items_next_line_after_a_short_line_is_still_joined():
    """The rule above stops at reported words only: an item's own next line goes on it."""
    document = planparse.parse(lines(*TACTICS[:2], "(2) พัฒนาด่านศุลกากรและจุดผ่อนปรน",
                                     "ให้ได้มาตรฐานสากล"))
    [built] = document.strategies
    assert [t.text.replace(" ", "") for t in built.tactics] == [
        "ส่งเสริมการค้าชายแดน", "พัฒนาด่านศุลกากรและจุดผ่อนปรนให้ได้มาตรฐานสากล"]


@pytest.mark.parametrize("lead_in", [
    "ทั้งนี้ ที่ประชุมได้มอบหมายให้หน่วยงานที่เกี่ยวข้องดำเนินการ ดังนี้",
    "นอกจากนี้ ที่ประชุมมีมติให้ดำเนินการต่อไป ดังนี้",
])
def test_a_prose_lead_in_after_a_strategys_lists_leads_into_a_list_of_the_text(lead_in):
    document = planparse.parse(lines(
        "ประเด็นการพัฒนาที่ 1 : ยกระดับการท่องเที่ยว",
        "แนวทางการพัฒนา",
        "- พัฒนาแหล่งท่องเที่ยว",
        "- พัฒนาบุคลากรด้านการท่องเที่ยว",
        lead_in,
        "1) จัดทำรายละเอียดโครงการให้สอดคล้องกับแผน",
        "2) ส่งข้อมูลให้สำนักงานจังหวัดภายในวันที่ 15 มีนาคม 2567",
    ))
    assert outline(document) == plan(strategies=[
        strategy("1", "ยกระดับการท่องเที่ยว", guidelines=["พัฒนาแหล่งท่องเที่ยว",
                                                         "พัฒนาบุคลากรด้านการท่องเที่ยว"])])


def test_a_prose_lead_in_right_under_a_strategy_leads_into_its_guidelines():
    """Contract decision 6: before the strategy has lists, the unnamed list is its own."""
    document = planparse.parse(lines(
        "ยุทธศาสตร์ที่ 1 การพัฒนาการท่องเที่ยว",
        "โดยจังหวัดจะดำเนินการ ดังนี้",
        "1) พัฒนาแหล่งท่องเที่ยวชุมชน",
        "2) ส่งเสริมการตลาดท่องเที่ยว",
    ))
    assert outline(document) == plan(strategies=[
        strategy("1", "การพัฒนาการท่องเที่ยว", guidelines=[("1", "พัฒนาแหล่งท่องเที่ยวชุมชน"),
                                                          ("2", "ส่งเสริมการตลาดท่องเที่ยว")])])


@pytest.mark.parametrize("rule", ["******************", "------------------", "__________________",
                                  "=================="])
def test_a_rule_line_under_a_title_has_the_plan_below_it(rule):
    document = planparse.parse(lines(
        "3. เรื่อง ร่างแผนปฏิบัติการด้านการป้องกันอุทกภัย พ.ศ. 2567 - 2570",
        rule,
        "วิสัยทัศน์",
        "ชุมชนปลอดภัยจากอุทกภัยอย่างยั่งยืน",
        "ยุทธศาสตร์ที่ 1 การพัฒนาระบบเตือนภัยล่วงหน้า",
        "ยุทธศาสตร์ที่ 2 การพัฒนาศักยภาพชุมชน",
    ))
    assert outline(document) == plan(vision="ชุมชนปลอดภัยจากอุทกภัยอย่างยั่งยืน", strategies=[
        strategy("1", "การพัฒนาระบบเตือนภัยล่วงหน้า"), strategy("2", "การพัฒนาศักยภาพชุมชน")])


@pytest.mark.parametrize("item, text", [
    ("ร้อยละของครัวเรือนที่มีรายได้เพิ่มขึ้นไม่น้อยกว่าร้อยละ 10*", "ร้อยละของครัวเรือนที่มีรายได้เพิ่มขึ้นไม่น้อยกว่าร้อยละ 10"),
    ("จำนวนผลิตภัณฑ์ชุมชนที่ได้รับการยกระดับ 20 ผลิตภัณฑ์**", "จำนวนผลิตภัณฑ์ชุมชนที่ได้รับการยกระดับ 20 ผลิตภัณฑ์"),
    ("อัตราการเสียชีวิตลดลงร้อยละ 50 เมื่อเทียบกับค่าเฉลี่ยปี 2558 - 2562",  # a range is text
     "อัตราการเสียชีวิตลดลงร้อยละ 50 เมื่อเทียบกับค่าเฉลี่ยปี 2558 - 2562"),
    ("ความเสียหายลดลงร้อยละ 30 จากค่าเฉลี่ยปี 2560 – 2564", "ความเสียหายลดลงร้อยละ 30 จากค่าเฉลี่ยปี 2560 – 2564"),
    ("ร้อยละของผู้ป่วยที่ได้รับการรักษา 80 85 90 95", "ร้อยละของผู้ป่วยที่ได้รับการรักษา"),  # year cells
    ("ร้อยละของผู้ป่วยที่ได้รับการรักษา - 85 90 95", "ร้อยละของผู้ป่วยที่ได้รับการรักษา"),
])
def test_an_indicators_figures_footnotes_and_cells(item, text):
    document = planparse.parse(lines(
        "ประเด็นยุทธศาสตร์ที่ 1 การพัฒนาท้องถิ่น",
        "ตัวชี้วัด",
        f"• {item}",
        "• จำนวนชุมชนต้นแบบ",
        "",
        "* วัดจากครัวเรือนที่เข้าร่วมโครงการ",
    ))
    [built] = document.strategies
    assert [i.text for i in built.indicators] == [text, "จำนวนชุมชนต้นแบบ"]


@pytest.mark.parametrize("title", [
    "แผนแม่บทการเกษตร (พ.ศ. 2566 - 2570)",
    "แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ ฉบับที่ 13",
])
def test_a_plan_named_atop_the_text_is_its_own(title):
    """A plan's word that other texts cite (contract decision 2) is this text's title
    when it stands first: its lists are the plan's."""
    document = planparse.parse(lines(
        title,
        "ยุทธศาสตร์ที่ 1 การส่งเสริมการเกษตรอินทรีย์ในชุมชน",
        "ยุทธศาสตร์ที่ 2 การพัฒนาตลาด",
    ))
    assert outline(document) == plan(strategies=[
        strategy("1", "การส่งเสริมการเกษตรอินทรีย์ในชุมชน"), strategy("2", "การพัฒนาตลาด")])


@pytest.mark.parametrize("reference", ["2. ร่างแผนแม่บทฯ มีสาระสำคัญ ดังนี้", "แผนแม่บทฯ ประกอบด้วย"])
def test_a_cited_plans_word_shortened_with_its_mark_is_the_plan_the_text_named(reference):
    document = planparse.parse(lines(
        "คณะรัฐมนตรีมีมติเห็นชอบแผนแม่บทการจัดการขยะชุมชน พ.ศ. 2567 – 2570 ตามที่กระทรวงมหาดไทย (มท.) เสนอ",
        reference,
        "วิสัยทัศน์ : ชุมชนสะอาด ปราศจากขยะตกค้าง",
        "ยุทธศาสตร์ที่ 1 : การลดและคัดแยกขยะที่ต้นทาง",
        "ยุทธศาสตร์ที่ 2 : การกำจัดขยะอย่างถูกหลักวิชาการ",
    ))
    assert outline(document) == plan(vision="ชุมชนสะอาด ปราศจากขยะตกค้าง", strategies=[
        strategy("1", "การลดและคัดแยกขยะที่ต้นทาง"), strategy("2", "การกำจัดขยะอย่างถูกหลักวิชาการ")])
    assert document.organization.name == "กระทรวงมหาดไทย"


def test_a_heading_word_alone_on_its_line_is_never_the_end_of_a_broken_word():
    document = planparse.parse(lines(
        "ยุทธศาสตร์ที่ 1 การพัฒนาเศรษฐกิจ",
        "เป้าประสงค์",
        "1.1 กลุ่มอาชีพพึ่งตนเองได้",  # ได้ + ตัว… reads as one word
        "ตัวชี้วัด",
        "- จำนวนกลุ่มอาชีพที่มีรายได้เพิ่มขึ้น",
    ))
    assert outline(document) == plan(strategies=[
        strategy("1", "การพัฒนาเศรษฐกิจ", goals=[("1.1", "กลุ่มอาชีพพึ่งตนเองได้")],
                 indicators=["จำนวนกลุ่มอาชีพที่มีรายได้เพิ่มขึ้น"])])


MISSION_SENTENCES = {
    "numbered-after-a-reference-to-the-vision": (
        "เพื่อให้บรรลุวิสัยทัศน์ดังกล่าว เทศบาลได้กำหนดพันธกิจไว้ 3 ประการ คือ (1) พัฒนาเมืองให้น่าอยู่ "
        "(2) ส่งเสริมเศรษฐกิจและการท่องเที่ยว และ (3) พัฒนาการบริหารจัดการองค์กร",
        [("1", "พัฒนาเมืองให้น่าอยู่"), ("2", "ส่งเสริมเศรษฐกิจและการท่องเที่ยว"), ("3", "พัฒนาการบริหารจัดการองค์กร")]),
    "unnumbered-by-their-start-word": (
        "องค์การบริหารส่วนตำบลเขาหัวควาย มีพันธกิจ 3 ด้าน ได้แก่ ด้านการพัฒนาโครงสร้างพื้นฐาน "
        "ด้านการพัฒนาคนและสังคม และด้านการบริหารจัดการบ้านเมืองที่ดี",
        ["ด้านการพัฒนาโครงสร้างพื้นฐาน", "ด้านการพัฒนาคนและสังคม", "ด้านการบริหารจัดการบ้านเมืองที่ดี"]),
    "labels-run-on-one-line": (
        "(1) พัฒนาเมืองให้น่าอยู่ (2) ส่งเสริมเศรษฐกิจและการท่องเที่ยว (3) พัฒนาการบริหารจัดการองค์กร",
        [("1", "พัฒนาเมืองให้น่าอยู่"), ("2", "ส่งเสริมเศรษฐกิจและการท่องเที่ยว"), ("3", "พัฒนาการบริหารจัดการองค์กร")]),
}


@pytest.mark.parametrize("sentence, missions", MISSION_SENTENCES.values(), ids=MISSION_SENTENCES.keys())
def test_a_list_stated_in_the_paragraph_under_its_heading(sentence, missions):
    document = planparse.parse(lines("2. พันธกิจ", sentence))
    assert outline(document) == plan(missions=missions)
    assert document.warnings == []


PROVINCE_SENTENCE = ("ผู้ว่าราชการจังหวัดสงขลา กล่าวว่า จังหวัดสงขลาได้ยึดวิสัยทัศน์ “สงขลา เมืองน่าอยู่” "
                     "และได้กำหนดประเด็นการพัฒนาจังหวัดไว้ 2 ประเด็น ประกอบด้วย")
PROVINCE_ISSUES = ("(1) พัฒนาการค้าชายแดน", "(2) ส่งเสริมการท่องเที่ยว")


@pytest.mark.parametrize("before", [
    (),
    ("ผู้แทน สศช. กล่าวว่า ยุทธศาสตร์ชาติ มีวิสัยทัศน์ “ประเทศไทยมีความมั่นคง มั่งคั่ง ยั่งยืน” "
     "ประกอบด้วยยุทธศาสตร์ 2 ด้าน ดังนี้",
     "• ยุทธศาสตร์ด้านความมั่นคง",
     "• ยุทธศาสตร์ด้านการสร้างความสามารถในการแข่งขัน"),
], ids=["alone", "after-the-national-strategy"])
def test_a_sentence_that_states_a_vision_and_counts_the_list_below(before):
    """The body stating the vision counts the list below it; the national strategy's
    vision and list, stated the same way, are another body's (contract decision 2)."""
    document = planparse.parse(lines(*before, PROVINCE_SENTENCE, *PROVINCE_ISSUES))
    assert outline(document) == plan(vision="สงขลา เมืองน่าอยู่", strategies=[
        strategy("1", "พัฒนาการค้าชายแดน"), strategy("2", "ส่งเสริมการท่องเที่ยว")])


def test_a_sentence_that_counts_another_bodys_list_states_none_of_the_plan():
    document = planparse.parse(lines(
        "แผนวิสาหกิจดังกล่าวได้ถ่ายทอดนโยบายของกระทรวงมหาดไทยด้านการบริการประชาชน ซึ่งกำหนดยุทธศาสตร์ไว้ 2 ด้าน ได้แก่",
        "1. เสริมสร้างความมั่นคงภายในและความสงบสุขของประชาชน",
        "2. บริการประชาชนด้วยระบบดิจิทัลที่ทันสมัย",
        "ยุทธศาสตร์ที่ 1 : ยกระดับคุณภาพน้ำประปาและการบริการสู่มาตรฐานสากล",
        "ยุทธศาสตร์ที่ 2 : พัฒนาระบบผลิตและจ่ายน้ำให้มั่นคง",
    ))
    assert outline(document) == plan(strategies=[
        strategy("1", "ยกระดับคุณภาพน้ำประปาและการบริการสู่มาตรฐานสากล"),
        strategy("2", "พัฒนาระบบผลิตและจ่ายน้ำให้มั่นคง")])


def test_the_vision_of_the_plan_the_text_shortened_is_its_own():
    document = planparse.parse(lines(
        "ศปถ. ได้จัดทำแผนแม่บทความปลอดภัยทางถนน พ.ศ. 2565 - 2570",
        "โดยแผนแม่บทฯ มีวิสัยทัศน์ว่า “ถนนประเทศไทยปลอดภัยสำหรับทุกคน”",
    ))
    assert document.vision.text == "ถนนประเทศไทยปลอดภัยสำหรับทุกคน"


def test_a_line_of_stars_between_cabinet_items_is_no_footnote_rule():
    """thaigov's cabinet summaries set ``*****`` between agenda items: the plan of an
    item after one is read like the first item's."""
    document = planparse.parse(lines(
        "1. เรื่อง ขออนุมัติงบประมาณรายจ่ายประจำปี",
        "คณะรัฐมนตรีมีมติอนุมัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2567 ตามที่สำนักงบประมาณเสนอ",
        "******************",
        "2. เรื่อง ร่างแผนปฏิบัติการด้านการบริหารจัดการน้ำบาดาล พ.ศ. 2567 - 2570",
        "คณะรัฐมนตรีมีมติเห็นชอบร่างแผนปฏิบัติการฯ ตามที่กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อมเสนอ",
        "วิสัยทัศน์ : น้ำบาดาลมั่นคง ใช้อย่างยั่งยืน",
        "ยุทธศาสตร์ที่ 1 การพัฒนาแหล่งน้ำบาดาล",
        "ยุทธศาสตร์ที่ 2 การอนุรักษ์น้ำบาดาล",
        "******************",
    ))
    assert outline(document) == plan(vision="น้ำบาดาลมั่นคง ใช้อย่างยั่งยืน", strategies=[
        strategy("1", "การพัฒนาแหล่งน้ำบาดาล"), strategy("2", "การอนุรักษ์น้ำบาดาล")])


def test_a_target_column_beside_a_header_cell_is_no_goal_list():
    """เป้าหมาย beside "การดำเนินงาน" in a schedule's header row is each step's target."""
    document = planparse.parse(lines(
        "3.4 แผนการดำเนินงาน",
        "การดำเนินงาน",
        "เป้าหมาย",
        "(1) คณะกรรมการบริษัทเห็นชอบการเปลี่ยนแปลงวัตถุประสงค์",
        "เดือนมิถุนายน 2564",
        "(2) คณะรัฐมนตรีอนุมัติการเปลี่ยนแปลง",
        "เดือนสิงหาคม 2565",
    ))
    assert outline(document) == plan()


@pytest.mark.parametrize("below, title", [
    ("ระหว่างเพศ", "การปรับปรุงกฎหมายและการคุ้มครองผู้ถูกเลือกปฏิบัติโดยไม่เป็นธรรม ระหว่างเพศ"),
    # a sentence is not the title's rest
    ("โดยมุ่งเน้นการคุ้มครองสิทธิ", "การปรับปรุงกฎหมายและการคุ้มครองผู้ถูกเลือกปฏิบัติโดยไม่เป็นธรรม"),
])
def test_a_long_title_wrapped_in_a_long_text_keeps_its_rest(below, title):
    document = planparse.parse(lines(
        "คณะรัฐมนตรีมีมติเห็นชอบร่างแผนปฏิบัติการด้านการส่งเสริมความเท่าเทียมระหว่างเพศ ตามที่กระทรวงการพัฒนาสังคม"
        "และความมั่นคงของมนุษย์เสนอ โดยผ่านการรับฟังความคิดเห็นจากหน่วยงานภาครัฐ ภาคเอกชน และภาคประชาสังคม รวม 6 ครั้ง",
        "ยุทธศาสตร์ที่ 1 การปรับปรุงกฎหมายและการคุ้มครองผู้ถูกเลือกปฏิบัติโดยไม่เป็นธรรม",
        below,
        "ยุทธศาสตร์ที่ 2 การส่งเสริมการมีส่วนร่วมของสตรีในกระบวนการตัดสินใจ",
    ))
    assert [s.title for s in document.strategies] == [title, "การส่งเสริมการมีส่วนร่วมของสตรีในกระบวนการตัดสินใจ"]


@pytest.mark.parametrize("word", ["มาตรการ", "แผนย่อย"])
def test_measures_with_nothing_above_them_are_the_strategies(word):
    """Contract decision 5, for a top list named มาตรการ or แผนย่อย."""
    document = planparse.parse(lines(
        "ร่างแผนปฏิบัติการด้านการแก้ไขปัญหามลพิษทางอากาศ มีสาระสำคัญ ดังนี้",
        f"{word}ที่ 1 การควบคุมการเผาในที่โล่ง",
        "- ส่งเสริมการไถกลบตอซังแทนการเผา",
        "- จัดตั้งจุดรับซื้อเศษวัสดุการเกษตร",
        f"{word}ที่ 2 การลดมลพิษจากยานพาหนะ",
        "- ตรวจวัดควันดำรถโดยสารสาธารณะ",
    ))
    assert outline(document) == plan(strategies=[
        strategy("1", "การควบคุมการเผาในที่โล่ง", guidelines=["ส่งเสริมการไถกลบตอซังแทนการเผา",
                                                           "จัดตั้งจุดรับซื้อเศษวัสดุการเกษตร"]),
        strategy("2", "การลดมลพิษจากยานพาหนะ", guidelines=["ตรวจวัดควันดำรถโดยสารสาธารณะ"])])


def test_measures_under_a_strategy_are_a_section_the_schema_does_not_hold():
    document = planparse.parse(lines(
        "ยุทธศาสตร์ที่ 1 การควบคุมมลพิษทางอากาศ",
        "แนวทางการพัฒนา",
        "- ส่งเสริมการไถกลบตอซังแทนการเผา",
        "มาตรการ",
        "- ออกประกาศห้ามเผาในช่วงวิกฤต",
        "ยุทธศาสตร์ที่ 2 การลดมลพิษจากยานพาหนะ",
    ))
    assert outline(document) == plan(strategies=[
        strategy("1", "การควบคุมมลพิษทางอากาศ", guidelines=["ส่งเสริมการไถกลบตอซังแทนการเผา"]),
        strategy("2", "การลดมลพิษจากยานพาหนะ")])


def test_measures_beside_another_column_are_that_tables_column():
    document = planparse.parse(lines(
        "1. นโยบายหลัก 8 ด้าน ประกอบด้วย",
        "นโยบายหลัก",
        "มาตรการ/ผลการดำเนินงานที่สำคัญ",
        "1) การปกป้องและเชิดชูสถาบันพระมหากษัตริย์",
        "1.1) โครงการหมู่บ้านสหกรณ์ตามพระราชดำริ",
    ))
    assert outline(document) == plan()


def test_dimensions_with_lists_of_their_own_are_the_strategies():
    """Contract decision 16: มิติ rows with nothing grouped under them, here with their
    guidelines, are the plan's strategies."""
    document = planparse.parse(lines(
        "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์ได้จัดทำแผนปฏิบัติราชการ โดยมีรายละเอียดของแต่ละมิติ ดังนี้",
        "มิติที่ 1 การพัฒนาคนทุกช่วงวัย",
        "แนวทางการดำเนินงาน ได้แก่ การพัฒนาเด็กปฐมวัย การส่งเสริมเยาวชน และการเตรียมความพร้อมสู่วัยสูงอายุ",
        "มิติที่ 2 การเสริมสร้างครอบครัวเข้มแข็ง",
        "แนวทางการดำเนินงาน ได้แก่ การส่งเสริมบทบาทครอบครัว และการป้องกันความรุนแรงในครอบครัว",
    ))
    assert outline(document) == plan(strategies=[
        strategy("1", "การพัฒนาคนทุกช่วงวัย", guidelines=[
            "การพัฒนาเด็กปฐมวัย", "การส่งเสริมเยาวชน", "การเตรียมความพร้อมสู่วัยสูงอายุ"]),
        strategy("2", "การเสริมสร้างครอบครัวเข้มแข็ง", guidelines=[
            "การส่งเสริมบทบาทครอบครัว", "การป้องกันความรุนแรงในครอบครัว"])])


def test_a_province_plan_before_a_committee_is_the_plans_own():
    """Only a local government's plan cites its province's strategies (contract decision
    2): a committee meeting on the province's plan states that plan."""
    document = planparse.parse(lines(
        "นายอดิศร มณีวงศ์ ผู้ว่าราชการจังหวัดน่าน เป็นประธานการประชุมคณะกรรมการบริหารงานจังหวัดแบบบูรณาการ",
        "เพื่อพิจารณาร่างแผนพัฒนาจังหวัดน่าน",
        "ยุทธศาสตร์การพัฒนาจังหวัด 2 ยุทธศาสตร์ ประกอบด้วย",
        "- ยุทธศาสตร์ที่ 1 การอนุรักษ์ทรัพยากรธรรมชาติ",
        "- ยุทธศาสตร์ที่ 2 การพัฒนาการเกษตรมูลค่าสูง",
    ))
    assert outline(document) == plan(strategies=[
        strategy("1", "การอนุรักษ์ทรัพยากรธรรมชาติ"), strategy("2", "การพัฒนาการเกษตรมูลค่าสูง")])


@pytest.mark.parametrize("sub", ["กลยุทธ์ย่อยที่ {n}.1 ส่งเสริมการออกแบบผลิตภัณฑ์ที่ใช้ซ้ำได้",
                                 "กลยุทธ์ย่อยที่ {n} ส่งเสริมการออกแบบผลิตภัณฑ์ที่ใช้ซ้ำได้"])
def test_numbered_sub_tactics_are_a_third_level_left_out(sub):
    """Contract decisions 7 and 13: กลยุทธ์ย่อยที่ N.N under กลยุทธ์ที่ N has no place,
    and the next tactic, or the next milestone, ends it."""
    document = planparse.parse(lines(
        "หมุดหมายที่ 9 ไทยมีเศรษฐกิจหมุนเวียนและสังคมคาร์บอนต่ำ",
        "กลยุทธ์ที่ 1 การส่งเสริมการผลิตและการบริโภคตามแนวทางเศรษฐกิจหมุนเวียน",
        sub.format(n=1),
        "กลยุทธ์ที่ 2 การพัฒนาระบบจัดการขยะแบบครบวงจร",
        sub.format(n=2),
        "หมุดหมายที่ 10 ไทยมีระบบสาธารณสุขที่ทันสมัย",
        "กลยุทธ์ที่ 1 การพัฒนาระบบการแพทย์ทางไกล",
    ))
    assert outline(document) == plan(strategies=[
        strategy("9", "ไทยมีเศรษฐกิจหมุนเวียนและสังคมคาร์บอนต่ำ", tactics=[
            ("1", "การส่งเสริมการผลิตและการบริโภคตามแนวทางเศรษฐกิจหมุนเวียน"),
            ("2", "การพัฒนาระบบจัดการขยะแบบครบวงจร")]),
        strategy("10", "ไทยมีระบบสาธารณสุขที่ทันสมัย", tactics=[("1", "การพัฒนาระบบการแพทย์ทางไกล")])])


def test_a_strategy_named_for_its_budget_is_no_strategy():
    document = planparse.parse(lines(
        "ประเด็นการพัฒนาที่ 1 การลดความเสี่ยงจากสาธารณภัย",
        "แนวทางการพัฒนา",
        "- ส่งเสริมการจัดทำแผนที่เสี่ยงภัยระดับตำบล",
        "ประเด็นการพัฒนาที่ 2 การเตรียมความพร้อมในการเผชิญเหตุ",
        "แนวทางการพัฒนา",
        "- พัฒนาระบบแจ้งเตือนภัยแห่งชาติ",
        "4. งบประมาณ ประมาณการรวม 8,000 ล้านบาท ประกอบด้วย",
        "1) ประเด็นการพัฒนาที่ 1 วงเงิน 4,120 ล้านบาท",
        "2) ประเด็นการพัฒนาที่ 2 3,880 ล้านบาท",
    ))
    assert outline(document) == plan(strategies=[
        strategy("1", "การลดความเสี่ยงจากสาธารณภัย", guidelines=["ส่งเสริมการจัดทำแผนที่เสี่ยงภัยระดับตำบล"]),
        strategy("2", "การเตรียมความพร้อมในการเผชิญเหตุ", guidelines=["พัฒนาระบบแจ้งเตือนภัยแห่งชาติ"])])


def test_a_heading_whose_content_counts_the_list_below_announces_it():
    document = planparse.parse(lines(
        "ยุทธศาสตร์ : ประกอบด้วย 2 ยุทธศาสตร์ ตามกรอบ 5 เสาหลัก (5 Pillars) ดังนี้",
        "ยุทธศาสตร์ที่ 1 : การบริหารจัดการความปลอดภัยทางถนน",
        "ยุทธศาสตร์ที่ 2 : ถนนและการสัญจรที่ปลอดภัย",
    ))
    assert outline(document) == plan(strategies=[
        strategy("1", "การบริหารจัดการความปลอดภัยทางถนน"), strategy("2", "ถนนและการสัญจรที่ปลอดภัย")])


@pytest.mark.parametrize("content", ["ระยะเวลาเฉลี่ยที่หน่วยแพทย์ฉุกเฉินไปถึงที่เกิดเหตุ ไม่เกิน 10 นาที",
                                     "งบประมาณที่เบิกจ่ายได้ตามแผนไม่น้อยกว่าร้อยละ 90"])
def test_content_after_a_separator_keeps_its_first_words(content):
    """A heading word that starts the content's phrase ("ระยะเวลาเฉลี่ย…") is content."""
    document = planparse.parse(lines("ยุทธศาสตร์ที่ 5 : การตอบสนองหลังเกิดอุบัติเหตุ", f"ตัวชี้วัด : {content}"))
    [built] = document.strategies
    assert [i.text for i in built.indicators] == [content]


def test_lettered_sub_headings_open_a_strategys_lists():
    document = planparse.parse(lines(
        "ยุทธศาสตร์ที่ 1 การลดขยะที่แหล่งกำเนิด",
        "ก. เป้าหมาย",
        "บรรจุภัณฑ์ทั้งหมดนำกลับมาใช้ใหม่ได้",
        "ข. ตัวชี้วัด",
        "(1) สัดส่วนบรรจุภัณฑ์ที่ผ่านการรับรองร้อยละ 50",
        "ค. แนวทางดำเนินการ",
        "(1) กำหนดมาตรฐานบรรจุภัณฑ์เพื่อสิ่งแวดล้อม",
    ))
    assert outline(document) == plan(strategies=[
        strategy("1", "การลดขยะที่แหล่งกำเนิด", goals=["บรรจุภัณฑ์ทั้งหมดนำกลับมาใช้ใหม่ได้"],
                 indicators=[("1", "สัดส่วนบรรจุภัณฑ์ที่ผ่านการรับรองร้อยละ 50")],
                 guidelines=[("1", "กำหนดมาตรฐานบรรจุภัณฑ์เพื่อสิ่งแวดล้อม")])])


def test_lettered_items_have_no_number():
    document = planparse.parse(lines("พันธกิจ", "ก. พัฒนาเมืองให้น่าอยู่", "ข. ส่งเสริมเศรษฐกิจชุมชน"))
    assert outline(document) == plan(missions=["พัฒนาเมืองให้น่าอยู่", "ส่งเสริมเศรษฐกิจชุมชน"])


@pytest.mark.parametrize("title_lines", [
    ("ยุทธศาสตร์ที่ 2 การส่งเสริมเศรษฐกิจ การค้าชายแดน และการท่องเที่ยว "
     "มีเป้าหมายให้ประชาชนมีรายได้เพิ่มขึ้นและเมืองเป็นศูนย์กลางการค้าของภูมิภาค มีแนวทางการพัฒนา ดังนี้",),
    ("ยุทธศาสตร์ที่ 2 การส่งเสริมเศรษฐกิจ การค้าชายแดน และการท่องเที่ยว",
     "มีเป้าหมายหลักให้ประชาชนมีรายได้เพิ่มขึ้นและเมืองเป็นศูนย์กลางการค้าของภูมิภาค"),
], ids=["on-the-title-line", "on-the-next-line"])
def test_a_goal_stated_after_a_strategys_title_is_its_goal(title_lines):
    """Contract decisions 3 and 8: the title is the name; มีเป้าหมาย… states a goal."""
    document = planparse.parse(lines(*title_lines, "2.1 ส่งเสริมและพัฒนาตลาดสด ตลาดนัด และย่านการค้าของเมือง"))
    assert outline(document) == plan(strategies=[
        strategy("2", "การส่งเสริมเศรษฐกิจ การค้าชายแดน และการท่องเที่ยว",
                 goals=["ประชาชนมีรายได้เพิ่มขึ้นและเมืองเป็นศูนย์กลางการค้าของภูมิภาค"],
                 guidelines=[("2.1", "ส่งเสริมและพัฒนาตลาดสด ตลาดนัด และย่านการค้าของเมือง")])])


def test_a_heading_with_its_content_after_a_separator_never_ends_a_broken_word():
    document = planparse.parse(lines(
        "กลยุทธ์ที่ 1 ยกระดับทักษะดิจิทัลพื้นฐาน",
        "แนวทางการดำเนินงาน",
        "1) พัฒนาหลักสูตรที่เรียนออนไลน์ได้",  # ได้ + ตัว… reads as one word
        "ตัวชี้วัด : จำนวนแรงงานที่ผ่านการฝึก 600,000 คน",
        "",
        "นอกจากนี้ อธิบดีได้กำชับให้หน่วยงานรายงานผลทุกไตรมาส",
    ))
    assert outline(document) == plan(strategies=[
        strategy("1", "ยกระดับทักษะดิจิทัลพื้นฐาน", guidelines=[("1", "พัฒนาหลักสูตรที่เรียนออนไลน์ได้")],
                 indicators=["จำนวนแรงงานที่ผ่านการฝึก 600,000 คน"])])


def test_once_a_name_has_its_paragraph_the_lists_next_names_do_too():
    """Contract decision 8: in a list of names each explained by a paragraph, a short
    paragraph under a later name is still its explanation, not the name's next line."""
    document = planparse.parse(lines(
        "กลยุทธ์ที่ 1 ยกระดับทักษะดิจิทัลพื้นฐาน",
        "แนวทางการดำเนินงาน",
        "1) ศูนย์ฝึกทักษะดิจิทัลชุมชน",
        "จัดตั้งศูนย์ฝึกในสถาบันพัฒนาฝีมือแรงงานร่วมกับองค์กรปกครองส่วนท้องถิ่น และให้ยืมอุปกรณ์แก่ผู้ที่ไม่มีอุปกรณ์ของตนเอง",
        "2) คลังหลักสูตรออนไลน์สำหรับแรงงาน",
        "เปิดหลักสูตรระยะสั้นที่เรียนได้ทุกที่",
        "3) เครือข่ายพี่เลี้ยงดิจิทัล",
        "อาสาสมัครในชุมชนช่วยผู้เรียนสูงวัย",
    ))
    [built] = document.strategies
    assert [g.text for g in built.guidelines] == [
        "ศูนย์ฝึกทักษะดิจิทัลชุมชน", "คลังหลักสูตรออนไลน์สำหรับแรงงาน", "เครือข่ายพี่เลี้ยงดิจิทัล"]


def test_measures_counted_in_a_sentence_about_a_plan_are_its_strategies():
    document = planparse.parse(lines(
        "แผนปฏิบัติการด้านการจัดการขยะพลาสติก ประกอบด้วย 2 มาตรการ ได้แก่ (1) การลดขยะพลาสติกที่แหล่งกำเนิด "
        "และ (2) การจัดการขยะพลาสติกหลังการบริโภค",
    ))
    assert [s.title for s in document.strategies] == ["การลดขยะพลาสติกที่แหล่งกำเนิด", "การจัดการขยะพลาสติกหลังการบริโภค"]
