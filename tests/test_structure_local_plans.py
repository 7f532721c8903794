"""Whole local-government plans in the shapes their PDFs turn into text (fixtures in
tests/structure/, written for these tests): the plans above the body's own quoted first,
page furniture, Thai digits, numbered sections, flattened tables, a restated list, SWOT
and projects after the plan. Each point of issue 9's "What to build" at once.

Texts are compared without white space (as the scorer does): a wrap between two Thai
words is the one thing the contract leaves open; everything else is exact."""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse
from structure.outline import codes, outline, plan, squeezed, strategy

FIXTURES = Path(__file__).parent / "structure"

EXPECTED = {
    # แผนพัฒนาท้องถิ่น (2566-2570) of an อบต.: part 3 quotes the national strategy, the
    # NESDP, the province's plan (with its vision) and the province-wide framework, then
    # states the body's own vision, strategies and plan-level goals; plan-level
    # indicators, targets and tactics have no field (decisions 3, 4); the positioning
    # statement is not a vision; SWOT follows.
    "tambon_new_generation": (plan(
        vision="หนองแสงน่าอยู่ เกษตรปลอดภัย ประชาชนมีคุณภาพชีวิตที่ดี",
        goals=[("1", "ประชาชนมีโครงสร้างพื้นฐานและสาธารณูปโภคที่ได้มาตรฐานและทั่วถึง"),
               ("2", "ประชาชนมีอาชีพและรายได้ที่มั่นคง เกษตรกรผลิตสินค้าเกษตรปลอดภัย"),
               ("3", "ประชาชนมีสุขภาวะที่ดีและได้รับสวัสดิการอย่างทั่วถึง"),
               ("4", "องค์กรมีการบริหารจัดการที่ดีตามหลักธรรมาภิบาล")],
        strategies=[strategy("1", "การพัฒนาด้านโครงสร้างพื้นฐาน"),
                    strategy("2", "การพัฒนาด้านเศรษฐกิจและการเกษตร"),
                    strategy("3", "การพัฒนาด้านคุณภาพชีวิตและสังคม"),
                    strategy("4", "การพัฒนาด้านการบริหารจัดการที่ดี")],
    ), []),
    # แผนยุทธศาสตร์การพัฒนา (2560-2564) of a เทศบาลตำบล, Thai digits throughout: the
    # province's vision and strategies and the framework first, then the body's own; a
    # wrapped aim; a "-" third level; a page break with its furniture; part 4's
    # programmes and projects after the plan.
    "thesaban_old_generation": (plan(
        vision="บ้านกลางเมืองน่าอยู่ ชุมชนเข้มแข็ง เศรษฐกิจพอเพียง",
        missions=[("1", "พัฒนาโครงสร้างพื้นฐานและระบบสาธารณูปโภคให้ได้มาตรฐาน"),
                  ("2", "ส่งเสริมอาชีพและพัฒนาเศรษฐกิจชุมชนตามหลักเศรษฐกิจพอเพียง"),
                  ("3", "ส่งเสริมการศึกษา ศาสนา ศิลปวัฒนธรรม และภูมิปัญญาท้องถิ่น")],
        goals=[("1", "เพื่อให้มีระบบสาธารณูปโภค สาธารณูปการที่ได้มาตรฐาน มีระบบการคมนาคมขนส่งที่สะดวก "
                     "ปลอดภัย และสามารถรองรับการขยายตัวของชุมชน"),
               ("2", "เพื่อให้ประชาชนมีอาชีพและรายได้เพียงพอ สามารถพึ่งตนเองได้อย่างยั่งยืน"),
               ("3", "เพื่อให้ประชาชนได้รับการศึกษาอย่างทั่วถึง และภูมิปัญญาท้องถิ่นได้รับการอนุรักษ์และสืบทอด")],
        strategies=[
            strategy("1", "ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน", guidelines=[
                ("1.1", "ก่อสร้าง ปรับปรุง บำรุงรักษาถนน สะพาน ทางเท้า และท่อระบายน้ำ"),
                ("1.2", "ก่อสร้าง ปรับปรุง บำรุงรักษาระบบประปาและขยายเขตไฟฟ้า"),
                ("1.3", "จัดทำผังเมืองและควบคุมการใช้ประโยชน์ที่ดิน")]),
            strategy("2", "ยุทธศาสตร์การพัฒนาด้านเศรษฐกิจ", guidelines=[
                ("2.1", "ส่งเสริมและพัฒนาอาชีพตามหลักปรัชญาของเศรษฐกิจพอเพียง"),
                ("2.2", "ส่งเสริมการท่องเที่ยวเชิงวัฒนธรรมและการตลาดสินค้าชุมชน")]),
            strategy("3", "ยุทธศาสตร์การพัฒนาด้านการศึกษา ศาสนา และวัฒนธรรม", guidelines=[
                ("3.1", "ส่งเสริมและสนับสนุนการจัดการศึกษาทั้งในระบบและนอกระบบ"),
                ("3.2", "อนุรักษ์ ฟื้นฟู และสืบสานศิลปวัฒนธรรม จารีตประเพณี และภูมิปัญญาท้องถิ่น")]),
        ],
    ), []),
    # An อบจ.'s plan: the issues named first (their count stated), then restated in a
    # goal | indicator | tactic table whose header cells stand once; a footnote marker
    # and its note below a rule.
    "pao_issues_table": (plan(
        vision="นครพนมเมืองน่าอยู่ เศรษฐกิจมั่นคง สังคมเป็นสุข ประตูสู่อินโดจีน",
        missions=[("1", "พัฒนาโครงสร้างพื้นฐานเพื่อเชื่อมโยงการค้าการลงทุนและการท่องเที่ยว"),
                  ("2", "ส่งเสริมการเกษตรปลอดภัยและเพิ่มมูลค่าสินค้าเกษตร"),
                  ("3", "ส่งเสริมการศึกษา สาธารณสุข และคุณภาพชีวิตของประชาชน")],
        strategies=[
            strategy("1", "การพัฒนาโครงสร้างพื้นฐานและระบบโลจิสติกส์",
                     goals=[("1", "ประชาชนมีเส้นทางคมนาคมที่ได้มาตรฐานเชื่อมโยงทุกอำเภอ")],
                     indicators=["ร้อยละของถนนในความรับผิดชอบที่ได้มาตรฐาน",
                                 "จำนวนสายทางที่ได้รับการบำรุงรักษา"],
                     tactics=[("1.1", "ก่อสร้างและปรับปรุงถนนเชื่อมโยงระหว่างอำเภอ"),
                              ("1.2", "บำรุงรักษาถนนและสะพานในความรับผิดชอบ")]),
            strategy("2", "การพัฒนาการเกษตรและเศรษฐกิจชุมชน",
                     goals=[("2", "เกษตรกรมีรายได้เพิ่มขึ้นจากการผลิตสินค้าเกษตรปลอดภัย")],
                     indicators=["ร้อยละของรายได้เกษตรกรที่เพิ่มขึ้น"],
                     tactics=[("2.1", "ส่งเสริมการผลิตสินค้าเกษตรปลอดภัยและเกษตรอินทรีย์"),
                              ("2.2", "พัฒนาตลาดและช่องทางการจำหน่ายสินค้าชุมชน")]),
            strategy("3", "การพัฒนาคนและสังคมที่มีคุณภาพ",
                     goals=[("3", "ประชาชนมีการศึกษาและสุขภาวะที่ดี")],
                     indicators=["ร้อยละของนักเรียนในสังกัดที่มีผลสัมฤทธิ์ทางการเรียนผ่านเกณฑ์"],
                     tactics=[("3.1", "พัฒนาคุณภาพการจัดการศึกษาของโรงเรียนในสังกัด"),
                              ("3.2", "ส่งเสริมสุขภาพและการป้องกันโรคในชุมชน")]),
        ],
    ), ["DUPLICATE_LIST"]),
}


@pytest.mark.parametrize("name", EXPECTED)
def test_a_local_plan(name):
    expected, warnings = EXPECTED[name]
    document = planparse.parse((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))
    assert squeezed(outline(document)) == squeezed(expected)
    assert codes(document) == warnings


OWN_VISION_LINES = {"tambon_new_generation": 25, "thesaban_old_generation": 14,
                    "pao_issues_table": 3}


@pytest.mark.parametrize("name", OWN_VISION_LINES)
def test_the_body_s_own_vision_is_where_the_text_states_it(name):
    document = planparse.parse((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))
    assert document.vision is not None
    assert (document.vision.span.start_line, document.vision.span.end_line) == (
        OWN_VISION_LINES[name],) * 2


@pytest.mark.parametrize("cited", [
    "1.4 กรอบยุทธศาสตร์การพัฒนาขององค์กรปกครองส่วนท้องถิ่นในเขตจังหวัดปทุมธานี",
    "1.4 ยุทธศาสตร์การพัฒนาขององค์กรปกครองส่วนท้องถิ่นในเขตจังหวัดปทุมธานี",
    "1.2 แผนพัฒนาจังหวัดปทุมธานี (พ.ศ. 2566 – 2570)",
    "1.1 ยุทธศาสตร์ชาติ (พ.ศ. 2561 – 2580)",
])
def test_a_numbered_heading_of_a_cited_plan_holds_its_lists(cited):
    """Contract decision 2: the plan named under "1.4", with the province's name glued to
    it, is another body's; the body's own strategies follow under "2."."""
    document = planparse.parse("\n".join([
        cited,
        "ยุทธศาสตร์ที่ 1 การพัฒนาโครงสร้างพื้นฐาน",
        "แนวทางการพัฒนา",
        "1.1 ก่อสร้าง ปรับปรุง บำรุงรักษาถนน สะพาน และท่อระบายน้ำ",
        "2. ยุทธศาสตร์ของเทศบาลเมืองท่าโขลง",
        "ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐานและการจัดการเมือง",
        "แนวทางการพัฒนา",
        "1) ติดตั้งและซ่อมแซมไฟฟ้าสาธารณะให้ครอบคลุมทุกชุมชน",
    ]) + "\n")
    assert document.organization.name == "เทศบาลเมืองท่าโขลง"
    assert outline(document) == plan(strategies=[
        strategy("1", "การพัฒนาด้านโครงสร้างพื้นฐานและการจัดการเมือง",
                 guidelines=[("1", "ติดตั้งและซ่อมแซมไฟฟ้าสาธารณะให้ครอบคลุมทุกชุมชน")])])
