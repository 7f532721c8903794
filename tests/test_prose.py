"""Plans written inside prose: headings mid-sentence and lists inside a sentence."""

from __future__ import annotations

import pytest

import planparse
from planparse.inline import find_numbered, split_items
from conftest import lines


def _texts(pieces, text):
    return [text[piece.start:piece.end] for piece in pieces]


NUMBERED = {
    "1. 2. 3.": "ประกอบด้วย 1.พัฒนาคน 2.พัฒนาเมือง 3.พัฒนาเศรษฐกิจ",
    "spaces after the dot": "ประกอบด้วย 1. พัฒนาคน 2. พัฒนาเมือง 3. พัฒนาเศรษฐกิจ",
    "(1) (2) (3)": "ได้แก่ (1) พัฒนาคน (2) พัฒนาเมือง (3) พัฒนาเศรษฐกิจ",
    "1) 2) 3)": "ได้แก่ 1) พัฒนาคน 2) พัฒนาเมือง 3) พัฒนาเศรษฐกิจ",
    "และ before the last": "ได้แก่ 1. พัฒนาคน 2. พัฒนาเมือง และ 3. พัฒนาเศรษฐกิจ",
}


@pytest.mark.parametrize("text", NUMBERED.values(), ids=NUMBERED.keys())
def test_numbered_list_inside_a_sentence(text):
    assert _texts(find_numbered(text), text) == ["พัฒนาคน", "พัฒนาเมือง", "พัฒนาเศรษฐกิจ"]


@pytest.mark.parametrize("text", [
    "การประชุมประชาคมปีละ 1 ครั้ง (ต.ค. 59 และ ก.ค. 60 ที่ผ่านมา)",
    "งบประมาณ 1.5 ล้านบาท และ 2.5 ล้านบาท",
    "ตามยุทธศาสตร์ที่ 1, 2 และ 3 ของจังหวัด",
    "ข้อ 2. การติดตาม 3. การประเมิน",  # does not start at 1
    "ภายในปี พ.ศ. 2579 และปี 2580",
])
def test_numbers_in_prose_start_no_list(text):
    assert find_numbered(text) is None


def test_the_list_ends_where_the_prose_resumes():
    text = ("ยุทธศาสตร์ทั้ง 3 ยุทธศาสตร์ ได้แก่ 1. ยุทธศาสตร์พัฒนาคน 2. ยุทธศาสตร์พัฒนาเมือง "
            "และ 3. ยุทธศาสตร์ส่งเสริมวัฒนธรรมและอัตลักษณ์ โดยเป้าหมายของทุกยุทธศาสตร์ที่เทศบาลทำนั้น"
            "ไม่เพียงแต่ต้องการผลลัพธ์อันเป็นรูปธรรมในรูปของกิจกรรมสาธารณะหรือโครงการพัฒนาต่าง ๆ")
    assert _texts(find_numbered(text), text)[-1] == "ยุทธศาสตร์ส่งเสริมวัฒนธรรมและอัตลักษณ์"


def test_a_long_last_item_that_is_its_own_sentence_is_kept_whole():
    text = ("พันธกิจ ประกอบด้วย 1.ส่งเสริมการท่องเที่ยวโดยชุมชน 2.พัฒนาระบบบริการสาธารณะ "
            "ให้มีคุณภาพ โดยการมีส่วนร่วมของประชาชน")
    assert _texts(find_numbered(text), text)[-1] == "พัฒนาระบบบริการสาธารณะ ให้มีคุณภาพ โดยการมีส่วนร่วมของประชาชน"


UNNUMBERED = {
    "head word repeated": ("ได้แก่ ด้านการศึกษา ด้านสาธารณสุข และด้านเศรษฐกิจ",
                           ["ด้านการศึกษา", "ด้านสาธารณสุข", "ด้านเศรษฐกิจ"]),
    "head word and count": ("ประกอบด้วย 3 ยุทธศาสตร์ ได้แก่ ยุทธศาสตร์พัฒนาคน ยุทธศาสตร์พัฒนาเมือง "
                            "และยุทธศาสตร์พัฒนาเศรษฐกิจ",
                            ["ยุทธศาสตร์พัฒนาคน", "ยุทธศาสตร์พัฒนาเมือง", "ยุทธศาสตร์พัฒนาเศรษฐกิจ"]),
    "declared count matches the chunks": ("มี 4 ด้าน ได้แก่ การศึกษา สาธารณสุข เศรษฐกิจ และสังคม",
                                          ["การศึกษา", "สาธารณสุข", "เศรษฐกิจ", "สังคม"]),
    "ends where the prose resumes": ("ได้แก่ ด้านการศึกษา ด้านสาธารณสุข และด้านเศรษฐกิจ โดยเน้นการมีส่วนร่วม",
                                     ["ด้านการศึกษา", "ด้านสาธารณสุข", "ด้านเศรษฐกิจ"]),
}


@pytest.mark.parametrize("text, items", UNNUMBERED.values(), ids=UNNUMBERED.keys())
def test_unnumbered_list_with_evidence(text, items):
    assert _texts(split_items(text), text) == items


@pytest.mark.parametrize("text", [
    "ได้แก่ บทวิเคราะห์ เป้าหมายการพัฒนาจังหวัดและกลุ่มจังหวัด ประเด็นการพัฒนา",  # no evidence
    "มี 5 ด้าน ได้แก่ การศึกษา สาธารณสุข และเศรษฐกิจ",  # the count disagrees
])
def test_unnumbered_list_without_evidence_is_not_split(text):
    assert split_items(text) is None


def test_headings_inside_a_news_paragraph():
    document = planparse.parse(lines(
        "ได้กล่าวถึงทิศทางของแผนพัฒนาจังหวัดสระบุรี 4 ปี ( พ.ศ. 2566 – 2570) ประกอบด้วย วิสัยทัศน์ พันธกิจ",
        "",
        "โดยวิสัยทัศน์ ของการพัฒนาจังหวัดสระบุรี คือ “เมืองน่าอยู่ เศรษฐกิจก้าวหน้า” (Livable City)",
        "",
        "พันธกิจ ประกอบด้วย 1.พัฒนาคุณภาพชีวิตของประชาชน 2.ส่งเสริมเศรษฐกิจฐานราก",
        "",
        "เป้าประสงค์รวม 1. ประชาชนมีความสุข 2. เศรษฐกิจเติบโตอย่างยั่งยืน",
        "",
        "ประเด็นยุทธศาสตร์ ประกอบด้วย 1.การพัฒนาอุตสาหกรรม 2.การพัฒนาการเกษตร 3.การพัฒนาคน",
        "",
        "ทุกภาคส่วนได้ร่วมแสดงความคิดเห็นต่อแผนดังกล่าว 1. ภาคเอกชน 2. ภาคประชาชน",
    ))
    assert document.organization.name == "จังหวัดสระบุรี"
    assert (document.period.start_year, document.period.end_year) == (2566, 2570)
    assert document.vision.text == "เมืองน่าอยู่ เศรษฐกิจก้าวหน้า"
    assert [m.text for m in document.missions] == ["พัฒนาคุณภาพชีวิตของประชาชน", "ส่งเสริมเศรษฐกิจฐานราก"]
    assert [g.text for g in document.goals] == ["ประชาชนมีความสุข", "เศรษฐกิจเติบโตอย่างยั่งยืน"]
    assert [(s.number, s.title) for s in document.strategies] == [
        ("1", "การพัฒนาอุตสาหกรรม"), ("2", "การพัฒนาการเกษตร"), ("3", "การพัฒนาคน")]


def test_a_list_in_a_sentence_under_the_nearest_heading_word():
    document = planparse.parse(lines(
        "เทศบาลมุ่งสู่เมืองน่าอยู่ โดยผ่านยุทธศาสตร์ทั้ง 3 ยุทธศาสตร์ ได้แก่ 1. ยุทธศาสตร์พัฒนาคน "
        "2. ยุทธศาสตร์พัฒนาเมือง และ 3. ยุทธศาสตร์พัฒนาเศรษฐกิจ โดยเป้าหมายของทุกยุทธศาสตร์"
        "คือความสุขของประชาชนในพื้นที่อย่างยั่งยืนและทั่วถึงทุกชุมชน",
        "1. การจัดทำแผนชุมชน",
        "2. การติดตามประเมินผล",
    ))
    assert [s.title for s in document.strategies] == [
        "ยุทธศาสตร์พัฒนาคน", "ยุทธศาสตร์พัฒนาเมือง", "ยุทธศาสตร์พัฒนาเศรษฐกิจ"]
    assert all(s.guidelines == [] for s in document.strategies)  # the process list after it
    assert document.warnings == []  # the declared 3 matches


def test_unnumbered_missions_in_a_sentence():
    document = planparse.parse("พันธกิจ ประกอบด้วย 3 ด้าน ได้แก่ ด้านการศึกษา ด้านสาธารณสุข และด้านเศรษฐกิจ\n")
    assert [m.text for m in document.missions] == ["ด้านการศึกษา", "ด้านสาธารณสุข", "ด้านเศรษฐกิจ"]


def test_a_vision_quoted_in_prose():
    document = planparse.parse(
        "เทศบาลยึดหลักการมีส่วนร่วม ตามวิสัยทัศน์ที่ว่า “นครแห่งการเรียนรู้ และน่าอยู่อย่างยั่งยืน” "
        "เพื่อให้ประชาชนมีความสุข\n")
    assert document.vision.text == "นครแห่งการเรียนรู้ และน่าอยู่อย่างยั่งยืน"


def test_a_quotation_far_from_the_word_vision_is_not_a_vision():
    document = planparse.parse(
        "ระยะพัฒนาจะเป็นการกำหนดวิสัยทัศน์สู่การปรับปรุงกฎหมายหรือปฏิรูปโครงสร้าง ทั้งนี้ เพื่อจัดตั้ง"
        "สถาบันการเงินที่เหมาะสม ภายใต้กรอบเป้าหมายของผลสัมฤทธิ์ คือ “เยียวยาเฉพาะหน้า เพิ่มเสถียรภาพ”\n")
    assert document.vision is None
    assert [w.code for w in document.warnings] == ["NO_PLAN_FOUND"]
