"""Joining by the next line's role: a line that starts with a label, a heading word and a
separator, or an ordinal never continues the line above; an item's second line after a
short first line joins it; dotted abbreviations (ครม., สปสช.) are not words broken across
lines (issue 9, "Joining by the next line's role")."""

from __future__ import annotations

import pytest

import planparse
from conftest import lines
from structure.outline import outline, plan, squeezed, strategy

# Items that run to the right margin of the page (the widest lines of the text).
LONG_1 = ("1.1 ก่อสร้าง ปรับปรุง และบำรุงรักษาถนน สะพาน ทางเท้า และท่อระบายน้ำในเขตตำบลให้ได้มาตรฐาน"
          "และปลอดภัยต่อการสัญจร")
LONG_2 = ("1.2 ขยายเขตระบบไฟฟ้าและระบบประปาหมู่บ้านให้ครอบคลุมทุกครัวเรือนในเขตตำบลและพื้นที่ใกล้เคียง"
          "ที่ยังขาดแคลน")
GUIDELINES = [("1.1", LONG_1[4:]), ("1.2", LONG_2[4:])]

# The line after a margin-wide item, and what the contract makes of it.
NEXT_LINES = {
    "next-number": ("1.3 ติดตั้งไฟฟ้าส่องสว่างทางสาธารณะ",
                    {"guidelines": GUIDELINES + [("1.3", "ติดตั้งไฟฟ้าส่องสว่างทางสาธารณะ")]}),
    "strategy-ordinal": ("ยุทธศาสตร์ที่ 2 การพัฒนาด้านเศรษฐกิจชุมชน", {"guidelines": GUIDELINES}),
    "indicator-heading-colon": ("ตัวชี้วัด : ร้อยละของถนนที่ได้มาตรฐาน",
                                {"guidelines": GUIDELINES,
                                 "indicators": ["ร้อยละของถนนที่ได้มาตรฐาน"]}),
    "tactic-heading-colon": ("กลยุทธ์ : พัฒนาระบบโครงสร้างพื้นฐานให้ทั่วถึง",
                             {"guidelines": GUIDELINES,
                              "tactics": ["พัฒนาระบบโครงสร้างพื้นฐานให้ทั่วถึง"]}),
    "goal-heading-colon": ("เป้าประสงค์ : ประชาชนสัญจรได้สะดวกและปลอดภัย",
                           {"guidelines": GUIDELINES,
                            "goals": ["ประชาชนสัญจรได้สะดวกและปลอดภัย"]}),
    "tactic-ordinal": ("กลยุทธ์ที่ 1 พัฒนาระบบโครงสร้างพื้นฐานให้ทั่วถึง",
                       {"guidelines": GUIDELINES,
                        "tactics": [("1", "พัฒนาระบบโครงสร้างพื้นฐานให้ทั่วถึง")]}),
    "bare-heading": ("ตัวชี้วัด", {"guidelines": GUIDELINES}),
    "third-level-dash": ("- ถนนคอนกรีตเสริมเหล็กและถนนลาดยาง", {"guidelines": GUIDELINES}),
}


LAST = "ยุทธศาสตร์ที่ 3 การพัฒนาด้านคุณภาพชีวิต"


def _margin_case(next_line: str) -> str:
    return lines("ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน", "แนวทางการพัฒนา",
                 LONG_1, LONG_2, next_line, LAST)


@pytest.mark.parametrize("next_line, children", NEXT_LINES.values(), ids=NEXT_LINES.keys())
def test_a_labelled_line_never_continues_the_line_above(next_line, children):
    document = planparse.parse(_margin_case(next_line))
    second = [strategy("2", "การพัฒนาด้านเศรษฐกิจชุมชน")] if next_line.startswith("ยุทธศาสตร์") else []
    assert outline(document) == plan(strategies=[
        strategy("1", "การพัฒนาด้านโครงสร้างพื้นฐาน", **children), *second,
        strategy("3", "การพัฒนาด้านคุณภาพชีวิต"),
    ])


# An item wrapped after a short first line: the page does not show the wrap, the list does.
WRAPPED = {
    "N.K-then-และ": (("1.1 ก่อสร้าง ปรับปรุง บำรุงรักษาถนน", "และสะพานในเขตตำบล",
                      "1.2 ขยายเขตระบบประปาหมู่บ้าน"),
                     [("1.1", "ก่อสร้าง ปรับปรุง บำรุงรักษาถนนและสะพานในเขตตำบล"),
                      ("1.2", "ขยายเขตระบบประปาหมู่บ้าน")]),
    "(K)-then-noun": (("(1) ส่งเสริมการท่องเที่ยวเชิงวัฒนธรรม", "ในพื้นที่ริมแม่น้ำโขง",
                       "(2) พัฒนาสินค้าหนึ่งตำบลหนึ่งผลิตภัณฑ์"),
                      [("1", "ส่งเสริมการท่องเที่ยวเชิงวัฒนธรรมในพื้นที่ริมแม่น้ำโขง"),
                       ("2", "พัฒนาสินค้าหนึ่งตำบลหนึ่งผลิตภัณฑ์")]),
    "bullet-then-english": (("• พัฒนาเมืองอัจฉริยะ", "(Smart City)", "• พัฒนาระบบขนส่งสาธารณะ"),
                            [(None, "พัฒนาเมืองอัจฉริยะ (Smart City)"),
                             (None, "พัฒนาระบบขนส่งสาธารณะ")]),
    "K)-three-lines": (("1) ส่งเสริมให้ผู้ประกอบการ", "ในชุมชนนำเทคโนโลยีดิจิทัล", "มาใช้ในการจำหน่ายสินค้า",
                        "2) พัฒนาตลาดชุมชน"),
                       [("1", "ส่งเสริมให้ผู้ประกอบการในชุมชนนำเทคโนโลยีดิจิทัลมาใช้ในการจำหน่ายสินค้า"),
                        ("2", "พัฒนาตลาดชุมชน")]),
    "last-item-then-strategy": (("1.1 ก่อสร้างถนน", "ในหมู่บ้านทุกสาย"),
                                [("1.1", "ก่อสร้างถนนในหมู่บ้านทุกสาย")]),
}


@pytest.mark.parametrize("rows, guidelines", WRAPPED.values(), ids=WRAPPED.keys())
def test_an_items_second_line_after_a_short_first_line_joins_it(rows, guidelines):
    """Compared without white space: the contract joins a broken word without a space,
    and leaves open whether a wrap between two Thai words is a space (the scorer ignores
    it)."""
    document = planparse.parse(lines(
        "ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน", "แนวทางการพัฒนา", *rows,
        "ยุทธศาสตร์ที่ 2 การพัฒนาด้านเศรษฐกิจชุมชน"))
    assert squeezed(outline(document)) == squeezed(plan(strategies=[
        strategy("1", "การพัฒนาด้านโครงสร้างพื้นฐาน", guidelines=guidelines),
        strategy("2", "การพัฒนาด้านเศรษฐกิจชุมชน"),
    ]))
    first = document.strategies[0].guidelines[0]
    wrapped_lines = len(rows) - (len(guidelines) - 1)  # the first item's lines
    assert (first.span.start_line, first.span.end_line) == (3, 2 + wrapped_lines)


BROKEN_WORDS = {
    "ทรัพยากรธรรมชาติ": ("1.1 อนุรักษ์และฟื้นฟูแหล่งน้ำ ป่าไม้ และทรัพยากรธรร", "มชาติในชุมชน",
                         "อนุรักษ์และฟื้นฟูแหล่งน้ำ ป่าไม้ และทรัพยากรธรรมชาติในชุมชน"),
    "ประสิทธิภาพ": ("1.1 เพิ่มประสิทธิ", "ภาพการให้บริการสาธารณะแก่ประชาชน",
                    "เพิ่มประสิทธิภาพการให้บริการสาธารณะแก่ประชาชน"),
    "การมีส่วนร่วม": ("1.1 ส่งเสริมการมีส่วนร่", "วมของประชาชนในการพัฒนาท้องถิ่น",
                      "ส่งเสริมการมีส่วนร่วมของประชาชนในการพัฒนาท้องถิ่น"),
}


@pytest.mark.parametrize("first, second, text", BROKEN_WORDS.values(),
                         ids=["thamma-chat", "prasitthi-phap", "suan-ruam"])
def test_a_word_broken_across_lines_is_joined_without_a_space(first, second, text):
    document = planparse.parse(lines("ยุทธศาสตร์ที่ 1 การพัฒนาด้านทรัพยากรธรรมชาติ",
                                     "แนวทางการพัฒนา", first, second))
    assert [g.text for g in document.strategies[0].guidelines] == [text]


ABBREVIATIONS = {"khrom": "ครม.", "sapsoch": "สปสช.", "oppathor": "อปท.", "sorsorsor": "สสส.",
                 "sor-or-bor-tor": "ศอ.บต.", "orborjor": "อบจ."}
# A vision that runs to the right margin and goes on in the next line.
WIDE = "ประชาชนทุกคนได้รับบริการสุขภาพที่มีคุณภาพและเท่าเทียมกันตามนโยบายที่ได้รับความเห็นชอบจาก"


@pytest.mark.parametrize("abbreviation", ABBREVIATIONS.values(), ids=ABBREVIATIONS.keys())
def test_a_dotted_abbreviation_ending_a_line_is_not_a_broken_word(abbreviation):
    document = planparse.parse(lines(
        f"วิสัยทัศน์ : {WIDE} {abbreviation}", "และคณะกรรมการหลักประกันสุขภาพแห่งชาติ",
        "พันธกิจ", "1. พัฒนาระบบบริการสุขภาพ"))
    assert document.vision.text == f"{WIDE} {abbreviation} และคณะกรรมการหลักประกันสุขภาพแห่งชาติ"


@pytest.mark.parametrize("abbreviation", ABBREVIATIONS.values(), ids=ABBREVIATIONS.keys())
def test_a_dotted_abbreviation_starting_a_line_is_not_the_end_of_a_broken_word(abbreviation):
    """The line break before a whole word is white space (one space), not a word's break."""
    document = planparse.parse(lines(
        f"วิสัยทัศน์ : {WIDE}คณะกรรมการ", f"{abbreviation} และหน่วยบริการในพื้นที่",
        "พันธกิจ", "1. พัฒนาระบบบริการสุขภาพ"))
    assert document.vision.text == f"{WIDE}คณะกรรมการ {abbreviation} และหน่วยบริการในพื้นที่"


def test_unnumbered_lines_short_of_the_margin_are_items_of_their_own():
    """Each goal on its own line, shorter than the page's paragraphs: none goes on."""
    document = planparse.parse(lines(
        "การจัดทำแผนพัฒนาท้องถิ่นฉบับนี้ได้ผ่านการประชุมประชาคมท้องถิ่นและคณะกรรมการพัฒนาท้องถิ่นตามระเบียบ",
        "เพื่อใช้เป็นกรอบในการจัดทำงบประมาณรายจ่ายประจำปีขององค์กรปกครองส่วนท้องถิ่นให้สอดคล้องกับความต้องการ",
        "เป้าประสงค์",
        "ประชาชนได้รับบริการสาธารณะที่มีคุณภาพ",
        "ส่วนราชการดำเนินงานสอดคล้องกับนโยบายของ ครม.",
        "ชุมชนมีความเข้มแข็งและพึ่งตนเองได้",
        "ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน",
    ))
    assert [g.text for g in document.goals] == [
        "ประชาชนได้รับบริการสาธารณะที่มีคุณภาพ", "ส่วนราชการดำเนินงานสอดคล้องกับนโยบายของ ครม.",
        "ชุมชนมีความเข้มแข็งและพึ่งตนเองได้"]


# A heading after a paragraph that runs to the margin is never folded into it.
PARAGRAPH_THEN_HEADING = lines(
    "การกำหนดวิสัยทัศน์ของเทศบาลตำบลแม่แตง จัดทำขึ้นโดยคณะกรรมการพัฒนาเทศบาลและประชาคมเทศบาล",
    "ร่วมกันพิจารณาจุดแข็ง จุดอ่อน โอกาส และข้อจำกัดของท้องถิ่น แล้วกำหนดเป็นวิสัยทัศน์ ดังนี้",
    "วิสัยทัศน์",
    "“แม่แตงน่าอยู่ เกษตรปลอดภัย ท่องเที่ยวยั่งยืน”",
    "พันธกิจ",
    "1. พัฒนาโครงสร้างพื้นฐานและระบบสาธารณูปโภคให้ได้มาตรฐานและทั่วถึงทุกชุมชนในเขตเทศบาล",
    "2. ส่งเสริมการเกษตรปลอดภัยและการท่องเที่ยวเชิงนิเวศอย่างยั่งยืนโดยการมีส่วนร่วมของชุมชน",
    "เป้าประสงค์",
    "1. ประชาชนมีคุณภาพชีวิตที่ดี",
)


def test_a_heading_after_a_margin_wide_line_is_not_folded_into_it():
    assert outline(planparse.parse(PARAGRAPH_THEN_HEADING)) == plan(
        vision="แม่แตงน่าอยู่ เกษตรปลอดภัย ท่องเที่ยวยั่งยืน",
        missions=[("1", "พัฒนาโครงสร้างพื้นฐานและระบบสาธารณูปโภคให้ได้มาตรฐานและทั่วถึงทุกชุมชนในเขตเทศบาล"),
                  ("2", "ส่งเสริมการเกษตรปลอดภัยและการท่องเที่ยวเชิงนิเวศอย่างยั่งยืนโดยการมีส่วนร่วมของชุมชน")],
        goals=[("1", "ประชาชนมีคุณภาพชีวิตที่ดี")],
    )


GLOSSED_HEADINGS = {
    "mission-gloss": ("พันธกิจ (Mission)", "missions"),
    "goal-gloss": ("เป้าประสงค์ (Goals)", "goals"),
    "mission-plain": ("พันธกิจ", "missions"),
    "mission-numbered": ("2.2 พันธกิจ", "missions"),
}


@pytest.mark.parametrize("heading, field", GLOSSED_HEADINGS.values(), ids=GLOSSED_HEADINGS.keys())
def test_a_heading_with_a_gloss_is_not_folded_into_the_vision_above(heading, field):
    """The vision's quotation is the widest line: the heading under it still opens a list."""
    document = planparse.parse(lines(
        "วิสัยทัศน์",
        "“นครพนมเมืองน่าอยู่ เศรษฐกิจมั่นคง สังคมเป็นสุข ประตูสู่อินโดจีน”",
        heading,
        "1. พัฒนาโครงสร้างพื้นฐานเพื่อเชื่อมโยงการค้า",
    ))
    assert document.vision.text == "นครพนมเมืองน่าอยู่ เศรษฐกิจมั่นคง สังคมเป็นสุข ประตูสู่อินโดจีน"
    assert [(i.number, i.text) for i in getattr(document, field)] == [
        ("1", "พัฒนาโครงสร้างพื้นฐานเพื่อเชื่อมโยงการค้า")]
