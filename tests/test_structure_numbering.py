"""The numbering tree: lines grouped by label style and sequence, indentation as a hint;
an item that goes on with its heading's own numbering is the heading's sibling (issue 9,
"A numbering tree")."""

from __future__ import annotations

import pytest

import planparse
from conftest import lines
from structure.outline import outline, plan, strategy

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

TITLES = ["การพัฒนาด้านโครงสร้างพื้นฐาน", "การพัฒนาด้านเศรษฐกิจชุมชน"]
CHILDREN = [["ก่อสร้างและปรับปรุงถนนในหมู่บ้าน", "ขยายเขตไฟฟ้าและระบบประปา"],
            ["ส่งเสริมกลุ่มอาชีพและวิสาหกิจชุมชน", "พัฒนาตลาดชุมชน"]]

# How a strategy line is written: (heading above the list or None, the line, the title
# the contract gives). {n} is the strategy's number.
STRATEGY_STYLES = {
    "strategy-N": (None, "ยุทธศาสตร์ที่ {n} {title}", "{title}"),
    "strategy-N-colon": (None, "ยุทธศาสตร์ที่ {n} : {title}", "{title}"),
    "strategy-N-glued": (None, "ยุทธศาสตร์ที่{n} {title}", "{title}"),
    "strategy-N-dot": (None, "ยุทธศาสตร์ที่ {n}. {title}", "{title}"),
    "issue-N": (None, "ประเด็นยุทธศาสตร์ที่ {n} {title}", "{title}"),
    "development-strategy-N": (None, "ยุทธศาสตร์การพัฒนาที่ {n} {title}", "{title}"),
    "development-issue-N-colon": (None, "ประเด็นการพัฒนาที่ {n} : {title}", "{title}"),
    "N.-under-heading": ("ยุทธศาสตร์การพัฒนา", "{n}. ยุทธศาสตร์{title}", "ยุทธศาสตร์{title}"),
    "(N)-under-heading": ("ยุทธศาสตร์", "({n}) {title}", "{title}"),
    "N)-under-heading": ("ประเด็นยุทธศาสตร์", "{n}) {title}", "{title}"),
    "thai-digits": (None, "ยุทธศาสตร์ที่ {thai} {title}", "{title}"),
    "title-on-the-next-line": (None, "ยุทธศาสตร์ที่ {n}\n{title}", "{title}"),
    "colon-title-on-the-next-line": (None, "ประเด็นยุทธศาสตร์ที่ {n} :\n{title}", "{title}"),
    # contract decision 5: a top list named otherwise holds the strategies
    "tactic-N-at-the-top": (None, "กลยุทธ์ที่ {n} {title}", "{title}"),
    "approach-N-at-the-top": (None, "แนวทางที่ {n} {title}", "{title}"),
}

# How a child line is written: (the label, the number the contract gives). {n} is the
# strategy's number, {k} the child's.
CHILD_STYLES = {
    "N.K": ("{n}.{k}", "{n}.{k}"),
    "(K)": ("({k})", "{k}"),
    "K)": ("{k})", "{k}"),
    "K.": ("{k}.", "{k}"),
    "N.K-thai-digits": ("{thai}.{thai_k}", "{n}.{k}"),
    "dash": ("-", None),
    "en-dash": ("–", None),
    "bullet": ("•", None),
    "middle-dot": ("·", None),
}

# A child list in the strategies' own style would be their siblings.
SAME_STYLE = {("N.-under-heading", "K."), ("(N)-under-heading", "(K)"),
              ("N)-under-heading", "K)")}


def _fill(template: str, n: int, k: int = 0, title: str = "") -> str:
    return template.format(n=n, k=k, title=title, thai=str(n).translate(THAI_DIGITS),
                           thai_k=str(k).translate(THAI_DIGITS))


def _nest(strategy_style: str, child_style: str) -> None:
    heading, strategy_line, title_template = STRATEGY_STYLES[strategy_style]
    child_label, child_number = CHILD_STYLES[child_style]
    rows = [heading] if heading else []
    expected = []
    for n, (title, children) in enumerate(zip(TITLES, CHILDREN), start=1):
        rows.append(_fill(strategy_line, n, title=title))
        for k, child in enumerate(children, start=1):
            rows.append(f"{_fill(child_label, n, k)} {child}")
        expected.append(strategy(str(n), _fill(title_template, n, title=title), guidelines=[
            (child_number and _fill(child_number, n, k), child)
            for k, child in enumerate(children, start=1)]))
    assert outline(planparse.parse(lines(*rows))) == plan(strategies=expected)


@pytest.mark.parametrize("strategy_style", STRATEGY_STYLES)
def test_strategy_label_styles(strategy_style):
    """Each way of numbering the strategies, over a (K) list (N.K under (N))."""
    _nest(strategy_style, "N.K" if strategy_style == "(N)-under-heading" else "(K)")


CHILD_PARENTS = [(parent, child) for parent in ("strategy-N", "N.-under-heading")
                 for child in CHILD_STYLES if (parent, child) not in SAME_STYLE]


@pytest.mark.parametrize("parent, child_style", CHILD_PARENTS,
                         ids=[f"{child} under {parent}" for parent, child in CHILD_PARENTS])
def test_child_label_styles(parent, child_style):
    """Each way of labelling a strategy's children, under two ways of numbering it."""
    _nest(parent, child_style)


BULLETED_STRATEGIES = {
    "bullet": "•",
    "dash": "-",
    "middle-dot": "·",
}


@pytest.mark.parametrize("bullet", BULLETED_STRATEGIES.values(), ids=BULLETED_STRATEGIES.keys())
def test_unnumbered_siblings_do_not_nest_under_the_first(bullet):
    document = planparse.parse(lines(
        "ยุทธศาสตร์การพัฒนา",
        f"{bullet} ยุทธศาสตร์ด้านเศรษฐกิจและการท่องเที่ยว",
        f"{bullet} ยุทธศาสตร์ด้านสังคมและคุณภาพชีวิต",
        f"{bullet} ยุทธศาสตร์ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม",
    ))
    assert outline(document) == plan(strategies=[
        strategy(None, "ยุทธศาสตร์ด้านเศรษฐกิจและการท่องเที่ยว"),
        strategy(None, "ยุทธศาสตร์ด้านสังคมและคุณภาพชีวิต"),
        strategy(None, "ยุทธศาสตร์ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม"),
    ])


# Plan sections numbered as one outline: each section's number goes on from the one
# before, so 2.3 is the sibling of 2.2, never its third mission.
OUTLINE_NUMBERED = lines(
    "2. ยุทธศาสตร์ขององค์การบริหารส่วนตำบลห้วยทราย",
    "2.1 วิสัยทัศน์ : ห้วยทรายน่าอยู่ เกษตรก้าวหน้า ประชาชนมีสุข",
    "2.2 พันธกิจ",
    "2.2.1 พัฒนาโครงสร้างพื้นฐานให้ได้มาตรฐาน",
    "2.2.2 ส่งเสริมอาชีพและรายได้ของประชาชน",
    "2.3 เป้าประสงค์",
    "2.3.1 ประชาชนมีเส้นทางคมนาคมที่สะดวก",
    "2.3.2 ประชาชนมีรายได้เพิ่มขึ้น",
    "2.4 ยุทธศาสตร์การพัฒนา",
    "2.4.1 ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน",
    "2.4.2 ยุทธศาสตร์การพัฒนาด้านเศรษฐกิจ",
)


def test_sections_numbered_as_one_outline():
    assert outline(planparse.parse(OUTLINE_NUMBERED)) == plan(
        vision="ห้วยทรายน่าอยู่ เกษตรก้าวหน้า ประชาชนมีสุข",
        missions=[("2.2.1", "พัฒนาโครงสร้างพื้นฐานให้ได้มาตรฐาน"),
                  ("2.2.2", "ส่งเสริมอาชีพและรายได้ของประชาชน")],
        goals=[("2.3.1", "ประชาชนมีเส้นทางคมนาคมที่สะดวก"),
               ("2.3.2", "ประชาชนมีรายได้เพิ่มขึ้น")],
        strategies=[strategy("2.4.1", "ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน"),
                    strategy("2.4.2", "ยุทธศาสตร์การพัฒนาด้านเศรษฐกิจ")],
    )


SIBLING_OF_THE_HEADING = {
    # the items in another style, then the heading's own numbering goes on
    "K)-items": ("1) พัฒนาระบบบริการสาธารณะให้ทั่วถึง", "2) ส่งเสริมการมีส่วนร่วมของประชาชน"),
    "(K)-items": ("(1) พัฒนาระบบบริการสาธารณะให้ทั่วถึง", "(2) ส่งเสริมการมีส่วนร่วมของประชาชน"),
    "bulleted-items": ("- พัฒนาระบบบริการสาธารณะให้ทั่วถึง", "- ส่งเสริมการมีส่วนร่วมของประชาชน"),
    # the items restart the heading's own style: without indentation only the sequence tells
    "K.-items-restarting": ("1. พัฒนาระบบบริการสาธารณะให้ทั่วถึง", "2. ส่งเสริมการมีส่วนร่วมของประชาชน"),
}


@pytest.mark.parametrize("items", SIBLING_OF_THE_HEADING.values(), ids=SIBLING_OF_THE_HEADING.keys())
def test_a_line_going_on_with_the_headings_numbering_is_its_sibling(items):
    document = planparse.parse(lines(
        "3. พันธกิจ",
        *items,
        "4. ให้ทุกส่วนราชการนำแผนฉบับนี้ไปใช้เป็นกรอบในการจัดทำงบประมาณรายจ่ายประจำปี",
    ))
    assert [m.text for m in document.missions] == [
        "พัฒนาระบบบริการสาธารณะให้ทั่วถึง", "ส่งเสริมการมีส่วนร่วมของประชาชน"]


def test_indentation_tells_children_in_the_parents_style():
    document = planparse.parse(lines(
        "ยุทธศาสตร์การพัฒนา",
        "1. การพัฒนาด้านโครงสร้างพื้นฐาน",
        "      1. ก่อสร้างและปรับปรุงถนนในหมู่บ้าน",
        "      2. ขยายเขตไฟฟ้าและระบบประปา",
        "2. การพัฒนาด้านเศรษฐกิจชุมชน",
        "      1. ส่งเสริมกลุ่มอาชีพและวิสาหกิจชุมชน",
    ))
    assert outline(document) == plan(strategies=[
        strategy("1", "การพัฒนาด้านโครงสร้างพื้นฐาน", guidelines=[
            ("1", "ก่อสร้างและปรับปรุงถนนในหมู่บ้าน"), ("2", "ขยายเขตไฟฟ้าและระบบประปา")]),
        strategy("2", "การพัฒนาด้านเศรษฐกิจชุมชน", guidelines=[
            ("1", "ส่งเสริมกลุ่มอาชีพและวิสาหกิจชุมชน")]),
    ])


THIRD_LEVELS = {
    "dashes-under-N.K": ("1.1 ก่อสร้างและปรับปรุงถนนในหมู่บ้าน", "- ถนนคอนกรีตเสริมเหล็ก",
                         "- ถนนลูกรัง", "1.2 ขยายเขตไฟฟ้าและระบบประปา"),
    "(K)-under-N.K": ("1.1 ก่อสร้างและปรับปรุงถนนในหมู่บ้าน", "(1) ถนนคอนกรีตเสริมเหล็ก",
                      "(2) ถนนลูกรัง", "1.2 ขยายเขตไฟฟ้าและระบบประปา"),
    "N.K.M-under-N.K": ("1.1 ก่อสร้างและปรับปรุงถนนในหมู่บ้าน", "1.1.1 ถนนคอนกรีตเสริมเหล็ก",
                        "1.1.2 ถนนลูกรัง", "1.2 ขยายเขตไฟฟ้าและระบบประปา"),
    "bullets-under-K)": ("1) ก่อสร้างและปรับปรุงถนนในหมู่บ้าน", "• ถนนคอนกรีตเสริมเหล็ก",
                         "• ถนนลูกรัง", "2) ขยายเขตไฟฟ้าและระบบประปา"),
}


@pytest.mark.parametrize("rows", THIRD_LEVELS.values(), ids=THIRD_LEVELS.keys())
def test_a_third_level_is_left_out(rows):
    """Contract decision 7: no place for it, and never promoted into the level above."""
    document = planparse.parse(lines(
        "ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน",
        "แนวทางการพัฒนา",
        *rows,
        "ยุทธศาสตร์ที่ 2 การพัฒนาด้านเศรษฐกิจชุมชน",
    ))
    [first, second] = document.strategies
    assert [g.text for g in first.guidelines] == [
        "ก่อสร้างและปรับปรุงถนนในหมู่บ้าน", "ขยายเขตไฟฟ้าและระบบประปา"]
    assert second.guidelines == [] and second.title == "การพัฒนาด้านเศรษฐกิจชุมชน"


NUMBERS = {
    "thai-digits": ("๑.๑ ก่อสร้างถนน", "1.1"),
    "trailing-dot": ("1.1. ก่อสร้างถนน", "1.1"),
    "closing-parenthesis": ("1.1) ก่อสร้างถนน", "1.1"),
    "parenthesised-thai-digit": ("(๑) ก่อสร้างถนน", "1"),
    "no-space-after-the-label": ("1.1ก่อสร้างถนน", "1.1"),
    "three-levels": ("2.1.1 ก่อสร้างถนน", "2.1.1"),
}


@pytest.mark.parametrize("line, number", NUMBERS.values(), ids=NUMBERS.keys())
def test_numbers_as_the_contract_writes_them(line, number):
    document = planparse.parse(lines("ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน",
                                     "แนวทางการพัฒนา", line))
    [guideline] = document.strategies[0].guidelines
    assert (guideline.number, guideline.text) == (number, "ก่อสร้างถนน")


def test_numbers_go_on_after_the_heading_word_that_numbered_the_first():
    """"เป้าประสงค์ 1. …" then "2. …", "3. …": one list, the heading word written once."""
    document = planparse.parse(lines(
        "ยุทธศาสตร์ที่ 1 การพัฒนาด้านการบริหารจัดการ",
        "เป้าประสงค์ 1. เพื่อให้มีการนำเทคโนโลยีมาใช้ในการบริการ",
        "2. เพื่อให้เทศบาลใช้ทรัพยากรอย่างคุ้มค่า",
        "3. เพื่อให้ประชาชนมีส่วนร่วมในการพัฒนา",
        "ยุทธศาสตร์ที่ 2 การพัฒนาด้านเศรษฐกิจ",
    ))
    assert [(g.number, g.text) for g in document.strategies[0].goals] == [
        ("1", "เพื่อให้มีการนำเทคโนโลยีมาใช้ในการบริการ"),
        ("2", "เพื่อให้เทศบาลใช้ทรัพยากรอย่างคุ้มค่า"),
        ("3", "เพื่อให้ประชาชนมีส่วนร่วมในการพัฒนา")]
