"""Page layouts: two columns read column by column, page furniture dropped."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

import planparse
from planparse.layout import display_width, display_widths, find_gutter, is_furniture, split_pages, _Row
from conftest import lines

LEFT = [
    "วิสัยทัศน์",
    "“ชุมชนน่าอยู่ เศรษฐกิจมั่นคง”",
    "พันธกิจ",
    "1. พัฒนาโครงสร้างพื้นฐานให้ได้มาตรฐาน",
    "2. ส่งเสริมอาชีพและรายได้ของประชาชน",
    "3. อนุรักษ์ทรัพยากรธรรมชาติและสิ่งแวดล้อม",
]
RIGHT = [
    "ข้อมูลทั่วไปของตำบล ตั้งอยู่ทางทิศเหนือของอำเภอ",
    "มีพื้นที่ทั้งหมดประมาณ 45 ตารางกิโลเมตร แบ่งเป็น",
    "หมู่บ้านจำนวน 12 หมู่บ้าน ประชากรส่วนใหญ่",
    "ประกอบอาชีพเกษตรกรรม ได้แก่ การทำนา การทำสวน",
    "และการเลี้ยงสัตว์ ซึ่งเป็นรายได้หลักของครัวเรือน",
    "ในพื้นที่ตำบลมาอย่างยาวนาน",
]


def two_columns(left: list[str], right: list[str], gutter: int = 60, indent: int = 4) -> str:
    """Interleave two columns line by line, padded by display width as a PDF tool does."""
    rows = []
    for index in range(max(len(left), len(right))):
        a = left[index] if index < len(left) else ""
        b = right[index] if index < len(right) else ""
        padding = gutter - indent - display_width(a)
        rows.append((" " * indent + a + " " * padding + b).rstrip())
    return "\n".join(rows) + "\n"


def test_two_columns_are_read_left_then_right():
    document = planparse.parse(two_columns(LEFT, RIGHT))
    assert document.vision.text == "ชุมชนน่าอยู่ เศรษฐกิจมั่นคง"
    assert [m.text for m in document.missions] == [
        "พัฒนาโครงสร้างพื้นฐานให้ได้มาตรฐาน",
        "ส่งเสริมอาชีพและรายได้ของประชาชน",
        "อนุรักษ์ทรัพยากรธรรมชาติและสิ่งแวดล้อม",
    ]


def test_spans_of_a_column_point_at_the_original_lines():
    document = planparse.parse(two_columns(LEFT, RIGHT))
    assert [(m.span.start_line, m.span.end_line) for m in document.missions] == [(4, 4), (5, 5), (6, 6)]
    assert (document.vision.span.start_line, document.vision.span.end_line) == (2, 2)


def test_plan_in_the_right_column():
    document = planparse.parse(two_columns(RIGHT, LEFT))
    assert [m.number for m in document.missions] == ["1", "2", "3"]
    assert document.vision.text == "ชุมชนน่าอยู่ เศรษฐกิจมั่นคง"


def test_gutter_found_despite_thai_marks_and_ragged_starts():
    rows = [_Row(n, line) for n, line in enumerate(two_columns(LEFT, RIGHT).splitlines(), 1)]
    assert find_gutter(rows) == 60


def test_one_column_text_with_inner_spaces_is_not_split():
    text = lines(
        "พันธกิจ",
        "1. ส่งเสริมและพัฒนาโครงสร้างพื้นฐาน  สาธารณูปโภค   สาธารณูปการ ให้ได้มาตรฐาน",
        "2. ส่งเสริมการเกษตร   และเพิ่มขีดความสามารถในการแข่งขัน การเพิ่มผลผลิต",
    )
    rows = [_Row(n, line) for n, line in enumerate(text.splitlines(), 1)]
    assert find_gutter(rows) is None
    assert len(planparse.parse(text).missions) == 2


def test_prose_in_a_column_keeps_its_sentence_across_blank_lines():
    left = ["โดยผ่านยุทธศาสตร์ทั้ง 3 ยุทธศาสตร์ ได้แก่ 1. ยุทธศาสตร์พัฒนา", "",
            "คน 2. ยุทธศาสตร์พัฒนาเมือง และ 3. ยุทธศาสตร์พัฒนาเศรษฐกิจ", "",
            "ชุมชน โดยเป้าหมายของทุกยุทธศาสตร์คือความสุขของประชาชน", "", "ในพื้นที่"]
    right = ["ข้อมูลทั่วไป ตำบลนี้ตั้งอยู่ทางทิศเหนือของอำเภอเมือง", "",
             "มีพื้นที่ประมาณ 45 ตารางกิโลเมตร แบ่งเป็นหมู่บ้าน", "",
             "จำนวน 12 หมู่บ้าน ประชากรส่วนใหญ่ประกอบอาชีพเกษตร", "", "กรรม"]
    document = planparse.parse(two_columns(left, right, gutter=64))
    assert [s.title for s in document.strategies] == [
        "ยุทธศาสตร์พัฒนาคน", "ยุทธศาสตร์พัฒนาเมือง", "ยุทธศาสตร์พัฒนาเศรษฐกิจชุมชน"]


FURNITURE = ["Page 188 - kpi20109", "P. 188", "หน้า 12", "- 12 -", "12", "(12)",
             "183   184   185   186   187", "1 6      1",
             "รางวัลพระปกเกล้า’ 61                       รางวัลพระปกเกล้า’ 61"]
CONTENT = ["1. พัฒนาการศึกษา", "พันธกิจ", "ปี 2561 - 2565", "ยุทธศาสตร์ที่ 1", "“เมืองน่าอยู่”"]


@pytest.mark.parametrize("line", FURNITURE)
def test_page_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", CONTENT)
def test_content_is_not_furniture(line):
    assert not is_furniture(line)


def test_furniture_between_items_does_not_break_the_list():
    document = planparse.parse(lines(
        "พันธกิจ", "1. พัฒนาการศึกษา", "- 12 -", "\fแผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)",
        "2. ส่งเสริมอาชีพ", "183 184 185"))
    assert [m.text for m in document.missions] == ["พัฒนาการศึกษา", "ส่งเสริมอาชีพ"]


def test_a_running_title_on_every_page_is_dropped():
    missions = ["พัฒนาการศึกษา", "ส่งเสริมอาชีพ", "พัฒนาคุณภาพชีวิต", "อนุรักษ์สิ่งแวดล้อม"]
    pages = [lines("แผนพัฒนาท้องถิ่น เทศบาลตำบลบ้านใหม่", "", *(["พันธกิจ"] if n == 1 else []),
                   f"{n}. {mission}", "", f"หน้า {n}")
             for n, mission in enumerate(missions, start=1)]
    document = planparse.parse("\f".join(pages))
    assert [m.text for m in document.missions] == missions
    assert document.organization.name == "เทศบาลตำบลบ้านใหม่"


def test_form_feeds_split_pages_but_keep_line_numbers():
    pages = split_pages(["ก", "ข\fค", "ง"])
    assert [[(row.number, row.raw) for row in page] for page in pages] == [
        [(1, "ก"), (2, "ข")], [(2, "ค"), (3, "ง")]]


@settings(max_examples=30)
@given(st.lists(st.text(alphabet=st.sampled_from("กขิ่ั้ืุ๊ a\t\u0e4e"), max_size=20), max_size=2500))
def test_widths_at_a_time_are_widths_one_at_a_time(texts):
    assert display_widths(texts) == [display_width(text) for text in texts]
