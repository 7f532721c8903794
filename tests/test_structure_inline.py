"""Lists written inside a sentence: split on numbers, dashes and bullets; unnumbered ones
by the declared count and by the start word the items repeat; the conjunctions dropped;
the list ends where the prose resumes; COUNT_MISMATCH whenever a declared count and the
items disagree (issue 9, "Inline lists in general"; contract decision 9)."""

from __future__ import annotations

import pytest

import planparse
from conftest import lines
from structure.outline import codes, outline, plan, strategy

OPENING = ("เมื่อวันที่ 15 มิถุนายน 2567 สภาองค์การบริหารส่วนจังหวัดสุรินทร์ได้ให้ความเห็นชอบ"
           "แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570)")
NAMES = ["เมืองน่าอยู่และปลอดภัย", "เศรษฐกิจสร้างสรรค์บนฐานวัฒนธรรม", "องค์กรทันสมัยโปร่งใส"]

# The three names written inline, in each separator style: (the list, the numbers).
SEPARATORS = {
    "(N)": ("(1) {0} (2) {1} และ (3) {2}", ["1", "2", "3"]),
    "N)": ("1) {0} 2) {1} และ 3) {2}", ["1", "2", "3"]),
    "N.": ("1. {0} 2. {1} และ 3. {2}", ["1", "2", "3"]),
    "(N)-glued": ("(1){0} (2){1} และ(3){2}", ["1", "2", "3"]),
    "(N)-thai-digits": ("(๑) {0} (๒) {1} และ (๓) {2}", ["1", "2", "3"]),
    "dash": ("- {0} - {1} - {2}", [None, None, None]),
    "en-dash": ("– {0} – {1} – {2}", [None, None, None]),
    "bullet": ("• {0} • {1} • {2}", [None, None, None]),
}
# Where the prose resumes after the last item.
TAILS = {
    "end": "",
    "sueng": " ซึ่งจะใช้เป็นกรอบในการจัดทำงบประมาณรายจ่ายประจำปี",
    "doi": " โดยมีผู้เข้าร่วมประชุมกว่า 200 คน",
    "thang-ni": " ทั้งนี้ นายกองค์การบริหารส่วนจังหวัดได้มอบหมายให้ทุกกองนำไปปฏิบัติ",
    "phuea-hai": " เพื่อให้การพัฒนาจังหวัดเป็นไปในทิศทางเดียวกัน",
}


def _inline_text(separator: str, tail: str) -> str:
    listed = SEPARATORS[separator][0].format(*NAMES)
    return lines(f"{OPENING} ประกอบด้วย 3 ยุทธศาสตร์ ได้แก่ {listed}{TAILS[tail]}")


INLINE_CASES = [(s, t) for s in SEPARATORS for t in ("end", "sueng")] + [
    ("(N)", t) for t in TAILS if t not in ("end", "sueng")]


@pytest.mark.parametrize("separator, tail", INLINE_CASES,
                         ids=[f"{s}-{t}" for s, t in INLINE_CASES])
def test_an_inline_list_split_by_its_separators(separator, tail):
    document = planparse.parse(_inline_text(separator, tail))
    numbers = SEPARATORS[separator][1]
    assert outline(document) == plan(strategies=[
        strategy(number, name) for number, name in zip(numbers, NAMES)])
    assert codes(document) == []


# Lists with no numbers and no separators: split by the start word the items repeat
# (known or learnt from the items themselves), or by the declared count alone.
UNNUMBERED = {
    "kan-known": (
        "ยุทธศาสตร์การพัฒนา 4 ยุทธศาสตร์ ได้แก่ การพัฒนาโครงสร้างพื้นฐาน การพัฒนาเศรษฐกิจชุมชน "
        "การพัฒนาคุณภาพชีวิต และการบริหารจัดการบ้านเมืองที่ดี",
        "strategies", ["การพัฒนาโครงสร้างพื้นฐาน", "การพัฒนาเศรษฐกิจชุมชน", "การพัฒนาคุณภาพชีวิต",
                       "การบริหารจัดการบ้านเมืองที่ดี"]),
    "dan": (
        "ยุทธศาสตร์การพัฒนา 3 ด้าน คือ ด้านเศรษฐกิจ ด้านสังคม และด้านสิ่งแวดล้อม",
        "strategies", ["ด้านเศรษฐกิจ", "ด้านสังคม", "ด้านสิ่งแวดล้อม"]),
    "strategy-dan": (
        "โดยเน้น 3 ยุทธศาสตร์ ได้แก่ ยุทธศาสตร์ด้านการท่องเที่ยววิถีชุมชน "
        "ยุทธศาสตร์ด้านการเกษตรปลอดภัย และยุทธศาสตร์ด้านการศึกษาตลอดชีวิต",
        "strategies", ["ยุทธศาสตร์ด้านการท่องเที่ยววิถีชุมชน", "ยุทธศาสตร์ด้านการเกษตรปลอดภัย",
                       "ยุทธศาสตร์ด้านการศึกษาตลอดชีวิต"]),
    "yok-radap-learnt": (
        "พันธกิจ 3 ประการ ได้แก่ ยกระดับคุณภาพการศึกษาของเด็กและเยาวชน "
        "ยกระดับบริการสาธารณสุขมูลฐาน และยกระดับรายได้ของเกษตรกร",
        "missions", ["ยกระดับคุณภาพการศึกษาของเด็กและเยาวชน", "ยกระดับบริการสาธารณสุขมูลฐาน",
                     "ยกระดับรายได้ของเกษตรกร"]),
    "sang-learnt-no-count": (
        "โดยมีพันธกิจ ได้แก่ สร้างเมืองสะอาดปลอดภัย สร้างชุมชนเข้มแข็ง และสร้างเศรษฐกิจฐานรากที่มั่นคง",
        "missions", ["สร้างเมืองสะอาดปลอดภัย", "สร้างชุมชนเข้มแข็ง", "สร้างเศรษฐกิจฐานรากที่มั่นคง"]),
    "count-only": (
        "มีพันธกิจ 3 ประการ คือ พัฒนาโครงสร้างพื้นฐาน ส่งเสริมอาชีพ อนุรักษ์สิ่งแวดล้อม",
        "missions", ["พัฒนาโครงสร้างพื้นฐาน", "ส่งเสริมอาชีพ", "อนุรักษ์สิ่งแวดล้อม"]),
    "ruam-thang": (
        "ยุทธศาสตร์การพัฒนา 3 ยุทธศาสตร์ ได้แก่ การพัฒนาคน การพัฒนาเมือง รวมทั้งการพัฒนาองค์กร",
        "strategies", ["การพัฒนาคน", "การพัฒนาเมือง", "การพัฒนาองค์กร"]),
    "talot-chon": (
        "ยุทธศาสตร์การพัฒนา 3 ยุทธศาสตร์ ได้แก่ การพัฒนาคน การพัฒนาเมือง ตลอดจนการพัฒนาองค์กร",
        "strategies", ["การพัฒนาคน", "การพัฒนาเมือง", "การพัฒนาองค์กร"]),
    "prose-resumes-doi": (
        "ยุทธศาสตร์การพัฒนา 3 ยุทธศาสตร์ ได้แก่ การพัฒนาคน การพัฒนาเมือง และการพัฒนาองค์กร "
        "โดยให้ความสำคัญกับการมีส่วนร่วมของประชาชน",
        "strategies", ["การพัฒนาคน", "การพัฒนาเมือง", "การพัฒนาองค์กร"]),
}


def _listed(document, kind):
    if kind == "strategies":
        return [s.title for s in document.strategies]
    return [m.text for m in document.missions]


@pytest.mark.parametrize("sentence, kind, expected", UNNUMBERED.values(), ids=UNNUMBERED.keys())
def test_an_unnumbered_inline_list(sentence, kind, expected):
    document = planparse.parse(lines(f"{OPENING} {sentence}"))
    assert _listed(document, kind) == expected
    assert codes(document) == []


# Contract decision 9: the items win, and COUNT_MISMATCH says so.
COUNT_MISMATCHES = {
    "numbered-fewer": (
        "กำหนดไว้ 5 ยุทธศาสตร์ ได้แก่ (1) เมืองน่าอยู่ (2) เศรษฐกิจสร้างสรรค์ (3) สังคมเข้มแข็ง "
        "และ (4) องค์กรทันสมัย",
        "strategies", ["เมืองน่าอยู่", "เศรษฐกิจสร้างสรรค์", "สังคมเข้มแข็ง", "องค์กรทันสมัย"]),
    "numbered-more": (
        "กำหนดไว้ 3 ยุทธศาสตร์ ได้แก่ (1) เมืองน่าอยู่ (2) เศรษฐกิจสร้างสรรค์ (3) สังคมเข้มแข็ง "
        "และ (4) องค์กรทันสมัย",
        "strategies", ["เมืองน่าอยู่", "เศรษฐกิจสร้างสรรค์", "สังคมเข้มแข็ง", "องค์กรทันสมัย"]),
    "start-word-more": (
        "มีพันธกิจ 3 ประการ ได้แก่ การพัฒนาโครงสร้างพื้นฐาน การส่งเสริมอาชีพ การอนุรักษ์สิ่งแวดล้อม "
        "และการพัฒนาการศึกษา",
        "missions", ["การพัฒนาโครงสร้างพื้นฐาน", "การส่งเสริมอาชีพ", "การอนุรักษ์สิ่งแวดล้อม",
                     "การพัฒนาการศึกษา"]),
    "thai-digit-count": (
        "กำหนดไว้ ๕ ยุทธศาสตร์ ได้แก่ (๑) เมืองน่าอยู่ (๒) เศรษฐกิจสร้างสรรค์ และ (๓) สังคมเข้มแข็ง",
        "strategies", ["เมืองน่าอยู่", "เศรษฐกิจสร้างสรรค์", "สังคมเข้มแข็ง"]),
    "count-after-the-list-word": (
        "ยุทธศาสตร์การพัฒนาจำนวน 4 ยุทธศาสตร์ ได้แก่ (1) เมืองน่าอยู่ (2) เศรษฐกิจสร้างสรรค์ "
        "และ (3) สังคมเข้มแข็ง",
        "strategies", ["เมืองน่าอยู่", "เศรษฐกิจสร้างสรรค์", "สังคมเข้มแข็ง"]),
}


@pytest.mark.parametrize("sentence, kind, expected", COUNT_MISMATCHES.values(),
                         ids=COUNT_MISMATCHES.keys())
def test_a_wrong_declared_count_warns_and_the_items_win(sentence, kind, expected):
    document = planparse.parse(lines(f"{OPENING} {sentence}"))
    assert _listed(document, kind) == expected
    assert codes(document) == ["COUNT_MISMATCH"]


BLOCK_COUNTS = {
    "fewer-lines": ("ยุทธศาสตร์การพัฒนา ประกอบด้วย 4 ยุทธศาสตร์ ดังนี้", ["COUNT_MISMATCH"]),
    "as-many": ("ยุทธศาสตร์การพัฒนา ประกอบด้วย 3 ยุทธศาสตร์ ดังนี้", []),
    "examples-only": ("ยุทธศาสตร์การพัฒนา ประกอบด้วย 6 ยุทธศาสตร์ เช่น", []),
    "count-on-its-own-line": ("ประกอบด้วย 4 ยุทธศาสตร์ ดังนี้", ["COUNT_MISMATCH"]),
}


@pytest.mark.parametrize("lead_in, warnings", BLOCK_COUNTS.values(), ids=BLOCK_COUNTS.keys())
def test_a_declared_count_over_a_list_of_lines_is_checked(lead_in, warnings):
    document = planparse.parse(lines(
        "วิสัยทัศน์ : เมืองน่าอยู่ ประชาชนมีสุข",
        lead_in,
        "ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน",
        "ยุทธศาสตร์ที่ 2 การพัฒนาด้านเศรษฐกิจชุมชน",
        "ยุทธศาสตร์ที่ 3 การพัฒนาด้านคุณภาพชีวิต",
    ))
    assert [s.number for s in document.strategies] == ["1", "2", "3"]
    assert codes(document) == warnings


def test_a_strategy_line_with_its_guidelines_inline():
    document = planparse.parse(lines(
        "ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน มีแนวทางการพัฒนา 3 แนวทาง ได้แก่ "
        "(1) ก่อสร้างและปรับปรุงถนน (2) ขยายเขตไฟฟ้า และ (3) พัฒนาระบบประปาหมู่บ้าน",
        "ยุทธศาสตร์ที่ 2 การพัฒนาด้านเศรษฐกิจชุมชน มีแนวทางการพัฒนา 2 แนวทาง ได้แก่ "
        "(1) ส่งเสริมกลุ่มอาชีพ และ (2) พัฒนาตลาดชุมชน",
    ))
    assert outline(document) == plan(strategies=[
        strategy("1", "การพัฒนาด้านโครงสร้างพื้นฐาน", guidelines=[
            ("1", "ก่อสร้างและปรับปรุงถนน"), ("2", "ขยายเขตไฟฟ้า"), ("3", "พัฒนาระบบประปาหมู่บ้าน")]),
        strategy("2", "การพัฒนาด้านเศรษฐกิจชุมชน", guidelines=[
            ("1", "ส่งเสริมกลุ่มอาชีพ"), ("2", "พัฒนาตลาดชุมชน")]),
    ])
    assert codes(document) == []


def test_an_inline_title_is_split_from_its_description():
    """Decision 8 inside a sentence: "<title> มีเป้าหมาย… คือ …" gives the title."""
    document = planparse.parse(lines(
        f"{OPENING} ประกอบด้วย 2 ยุทธศาสตร์ ได้แก่ (1) ยุทธศาสตร์การพัฒนาเกษตรปลอดภัย "
        "มีเป้าหมายเพื่อให้เกษตรกรมีรายได้เพิ่มขึ้น คือ ลดต้นทุนการผลิตและเพิ่มมูลค่าสินค้า "
        "และ (2) ยุทธศาสตร์การท่องเที่ยววิถีชุมชน ซึ่งให้ความสำคัญกับการกระจายรายได้สู่ชุมชน"))
    assert [(s.number, s.title) for s in document.strategies] == [
        ("1", "ยุทธศาสตร์การพัฒนาเกษตรปลอดภัย"), ("2", "ยุทธศาสตร์การท่องเที่ยววิถีชุมชน")]


# Counted phrases that are not plan lists.
TRAPS = {
    "measures": "รัฐบาลได้กำหนด 5 มาตรการเร่งด่วน ได้แก่ (1) ลดค่าไฟฟ้า (2) ลดค่าน้ำประปา "
                "(3) พักหนี้เกษตรกร (4) ลดภาษีน้ำมัน และ (5) แจกเงินช่วยเหลือ",
    "projects": "ที่ประชุมได้อนุมัติโครงการสำคัญ 3 โครงการ ได้แก่ 1) โครงการก่อสร้างถนน "
                "2) โครงการขุดลอกคลอง และ 3) โครงการปลูกป่า",
    "slogan": "โดยยึดหลัก 3 ดี ได้แก่ (1) คนดี (2) เมืองดี และ (3) สิ่งแวดล้อมดี",
    "places": "ประกอบด้วยพื้นที่ 3 แห่ง ได้แก่ 1) ตำบลนาบัว 2) ตำบลนาคำ และ 3) ตำบลนาดี",
}


@pytest.mark.parametrize("sentence", TRAPS.values(), ids=TRAPS.keys())
def test_counted_phrases_that_are_not_plan_lists(sentence):
    document = planparse.parse(lines(sentence, "วิสัยทัศน์ : เมืองน่าอยู่ ประชาชนมีสุข"))
    assert outline(document) == plan(vision="เมืองน่าอยู่ ประชาชนมีสุข")
    assert codes(document) == []


# Contract decision 16: never split an item without a visible separator, a declared count
# or a repeated start word.
UNSPLIT = {
    "mission-with-และ": (("พันธกิจ คือ พัฒนาโครงสร้างพื้นฐานและระบบสาธารณูปโภคให้ได้มาตรฐาน",),
                         "missions", ["พัฒนาโครงสร้างพื้นฐานและระบบสาธารณูปโภคให้ได้มาตรฐาน"]),
    "mission-listing-objects": (("พันธกิจ", "1. พัฒนาการศึกษา สาธารณสุข และสวัสดิการสังคมของประชาชน"),
                                "missions", ["พัฒนาการศึกษา สาธารณสุข และสวัสดิการสังคมของประชาชน"]),
    "title-listing-objects": (("ยุทธศาสตร์ที่ 1 การพัฒนาเศรษฐกิจ สังคม และสิ่งแวดล้อม",),
                              "strategies", ["การพัฒนาเศรษฐกิจ สังคม และสิ่งแวดล้อม"]),
    "mission-with-รวมทั้ง": (("พันธกิจ : ส่งเสริมอาชีพของประชาชน รวมทั้งพัฒนาตลาดชุมชนให้เข้มแข็ง",),
                             "missions", ["ส่งเสริมอาชีพของประชาชน รวมทั้งพัฒนาตลาดชุมชนให้เข้มแข็ง"]),
    # clauses of one purpose, each opened by เพื่อ: a repeated start word, but one statement
    "mission-of-เพื่อ-clauses": (("พันธกิจ เพื่อให้เด็กได้เรียนรู้ตลอดชีวิต เพื่อให้ชุมชนรักษาประเพณี "
                                  "และเพื่อทำนุบำรุงศาสนา",),
                                 "missions", ["เพื่อให้เด็กได้เรียนรู้ตลอดชีวิต เพื่อให้ชุมชนรักษาประเพณี "
                                              "และเพื่อทำนุบำรุงศาสนา"]),
}


@pytest.mark.parametrize("rows, kind, expected", UNSPLIT.values(), ids=UNSPLIT.keys())
def test_an_item_is_never_split_without_a_reason(rows, kind, expected):
    document = planparse.parse(lines(*rows))
    assert _listed(document, kind) == expected
