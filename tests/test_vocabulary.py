"""The vocabulary table: each heading variant of both generations of the Interior
Ministry's rules, of provincial and of national plans, one row each; and the vocabulary
is all there: no module spells a Thai word in code, no table is left unread."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

import planparse
from planparse.recognise import recognise
from planparse.lines import Kind
from planparse.layout import LogicalLine
from planparse.spanned import SpannedText
from planparse.vocabulary import _TABLES, Section

S = Section
HEADINGS = [
    # the vision, missions and plan-level aims
    ("วิสัยทัศน์", S.VISION), ("วิสัยทัศน์ (Vision)", S.VISION),
    ("วิสัยทัศน์การพัฒนาท้องถิ่น", S.VISION), ("วิสัยทัศน์ของจังหวัดเชียงใหม่", S.VISION),
    ("พันธกิจ", S.MISSION), ("พันธกิจหลัก", S.MISSION), ("พันธกิจ (Mission)", S.MISSION),
    ("จุดมุ่งหมายเพื่อการพัฒนา", S.PLAN_AIM), ("จุดมุ่งหมายเพื่อการพัฒนาท้องถิ่น", S.PLAN_AIM),
    ("เป้าประสงค์รวม", S.PLAN_GOAL), ("เป้าประสงค์สูงสุด", S.PLAN_GOAL),
    ("เป้าประสงค์", S.GOAL), ("เป้าประสงค์เชิงยุทธศาสตร์", S.GOAL), ("เป้าประสงค์หลัก", S.GOAL),
    # strategies, old and new rules, provinces
    ("ยุทธศาสตร์", S.STRATEGY), ("ยุทธศาสตร์การพัฒนา", S.STRATEGY),
    ("ยุทธศาสตร์การพัฒนาท้องถิ่น", S.STRATEGY), ("ยุทธศาสตร์ขององค์กรปกครองส่วนท้องถิ่น", S.STRATEGY),
    ("ยุทธศาสตร์การพัฒนาและแนวทางการพัฒนา", S.STRATEGY), ("ประเด็นยุทธศาสตร์", S.STRATEGY),
    ("ประเด็นการพัฒนา", S.STRATEGY), ("ประเด็นยุทธศาสตร์การพัฒนา", S.STRATEGY),
    ("ยุทธศาสตร์การพัฒนาจังหวัดเชียงใหม่", S.PROVINCE_STRATEGY),
    ("ยุทธศาสตร์การพัฒนากลุ่มจังหวัดภาคเหนือตอนบน 1", S.PROVINCE_STRATEGY),
    # what hangs under a strategy
    ("แนวทางการพัฒนา", S.GUIDELINE), ("แนวทาง", S.GUIDELINE),
    ("ตัวชี้วัด", S.INDICATOR), ("ตัวชี้วัดความสำเร็จ", S.INDICATOR), ("ตัวชี้วัดและค่าเป้าหมาย", S.INDICATOR),
    ("ตัวชี้วัดระดับเป้าประสงค์", S.INDICATOR), ("KPI", S.INDICATOR),
    ("กลยุทธ์", S.TACTIC), ("กลยุทธ์/แนวทางการพัฒนา", S.TACTIC),
    # sections the schema does not hold
    ("ค่าเป้าหมาย", S.OTHER), ("แผนงาน", S.OTHER), ("โครงการ", S.OTHER), ("แผนงาน/โครงการ", S.OTHER),
    ("หน่วยงานที่รับผิดชอบ", S.OTHER), ("งบประมาณ", S.OTHER), ("วัตถุประสงค์", S.OTHER),
    ("จุดยืนทางยุทธศาสตร์", S.OTHER), ("มาตรการ", S.MEASURE), ("แผนย่อย", S.MEASURE),
    ("ค่านิยม", S.CLOSE), ("จุดแข็ง (Strength)", S.CLOSE), ("ส่วนที่ 3", S.CLOSE), ("ภารกิจหลัก", S.CLOSE),
    # other bodies' plans
    ("ยุทธศาสตร์ชาติ 20 ปี", S.CITED), ("แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ ฉบับที่ 13", S.CITED),
    ("ยุทธศาสตร์การพัฒนาขององค์กรปกครองส่วนท้องถิ่นในเขตจังหวัด", S.CITED),
    ("แผนแม่บทภายใต้ยุทธศาสตร์ชาติ", S.CITED), ("นโยบายรัฐบาล", S.CITED),
]


def _recognise(text: str):
    return recognise(LogicalLine(SpannedText.of_line(text, 1, 1), indent=0))


@pytest.mark.parametrize("text, section", HEADINGS, ids=[row[0] for row in HEADINGS])
def test_heading_variant(text, section):
    [line] = _recognise(text)
    assert (line.kind, line.section) == (Kind.HEADING, section)


@pytest.mark.parametrize("text, section", [("2.1 วิสัยทัศน์", S.VISION), ("(3) กลยุทธ์", S.TACTIC),
                                           ("๔. ตัวชี้วัด", S.INDICATOR)])
def test_numbered_headings(text, section):
    from planparse.normalize import normalize_line

    [line] = _recognise(normalize_line(text))
    assert (line.kind, line.section) == (Kind.HEADING, section)


@pytest.mark.parametrize("text", [
    "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3 บ้านใหม่ ความยาว 200 เมตร",
    "ยุทธศาสตร์นี้มุ่งเน้นการพัฒนาคุณภาพชีวิตของประชาชนในทุกช่วงวัยให้มีความเป็นอยู่ที่ดีขึ้นอย่างต่อเนื่อง "
    "โดยการมีส่วนร่วมของภาคีเครือข่ายทุกภาคส่วนในพื้นที่ตำบลและอำเภอใกล้เคียงทั้งในระยะสั้นและระยะยาว",
    "กลยุทธ์ของการมุ่งไปสู่ 8 ศูนย์กลาง คือการต่อยอดจุดแข็งของประเทศด้านต่าง ๆ เช่น สถานที่ตั้งทางภูมิศาสตร์ "
    "วัฒนธรรม ทักษะของคนไทย โครงสร้างพื้นฐาน และการใช้ประโยชน์จากความเป็นกลางทางภูมิรัฐศาสตร์ในภูมิภาค "
    "ท่ามกลางสถานการณ์ความตึงเครียดระหว่างมหาอำนาจ",
])
def test_sentences_that_start_with_a_heading_word_are_text(text):
    lines = _recognise(text)
    assert [line.kind for line in lines] == [Kind.TEXT]


# ---------------------------------------------------------- no Thai word in code
# Every Thai word a rule uses lives in vocabulary.txt (the brief), so that a domain
# expert finds and extends all of them there. The scan reads each module's string
# literals as written (f-strings and regular expressions included; docstrings and
# comments are prose about the rules, not the rules). Thai written as \u0e.. escapes is
# not seen: the parser writes character classes and marks so, never words.

SOURCE = Path(planparse.__file__).parent
_THAI = re.compile("[\u0e01-\u0e5b]")
_THAI_DIGIT = re.compile("[\u0e50-\u0e59]")
_STRING_TOKENS = {tokenize.STRING} | ({tokenize.FSTRING_MIDDLE} if hasattr(tokenize, "FSTRING_MIDDLE") else set())

# Modules whose Thai in code is not a rule's word, and why.
DISPLAY_TEXT = {
    # The word each kind of item is headed with on a review page, shown to the reader.
    "review.py",
    # Warning messages, which quote an example of what they warn about.
    "diagnostics.py",
}
# Modules that spell Thai digits as characters (a digit map, a class of digits); a
# string of theirs may hold Thai digits and no other Thai letter.
DIGIT_DATA = {"normalize.py", "glyphs.py"}


def _docstring_lines(source: str) -> set[int]:
    """Lines of strings that stand alone as a statement: docstrings of modules, classes and
    functions, and those of fields (model.py's), which document and do nothing."""
    lines: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return lines


def thai_in_code(source: str, digits_are_data: bool = False) -> list[tuple[int, str]]:
    """(line, literal as written) of every string literal outside docstrings that holds Thai."""
    docstrings = _docstring_lines(source)
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type not in _STRING_TOKENS or token.start[0] in docstrings:
            continue
        thai = _THAI.findall(token.string)
        if thai and not (digits_are_data and all(_THAI_DIGIT.fullmatch(char) for char in thai)):
            found.append((token.start[0], token.string))
    return found


def _modules() -> list[Path]:
    return sorted(SOURCE.rglob("*.py"))


@pytest.mark.parametrize("module", [path.relative_to(SOURCE).as_posix() for path in _modules()])
def test_no_rule_module_spells_a_thai_word(module):
    if module in DISPLAY_TEXT:
        pytest.skip("display text, not a rule's words")
    found = thai_in_code((SOURCE / module).read_text(encoding="utf-8"), digits_are_data=module in DIGIT_DATA)
    assert found == [], f"{module}: Thai in code, move it to a table of vocabulary.txt: {found}"


@pytest.mark.parametrize("module", sorted(DISPLAY_TEXT | DIGIT_DATA))
def test_every_module_allowed_thai_still_has_some(module):
    """An entry of the allowances that no longer allows anything is dead: drop it."""
    assert thai_in_code((SOURCE / module).read_text(encoding="utf-8"))


@pytest.mark.parametrize("code, flagged", [
    ('_CLOSER = re.compile("ดังนี้")\n', True),
    ('_CLOSER = re.compile(r"(?:ดังนี้|ดังต่อไปนี้)\\s*$")\n', True),
    ('_LEAD = re.compile(rf"{VERBS}\\s*(?:ทั้ง)?\\s*\\d")\n', True),
    ('KIND = "จังหวัด"\n', True),
    ('"""Module: ดังนี้ in a docstring."""\n', False),
    ('def f():\n    """What f reads: "ยุทธศาสตร์ที่ 1"."""\n    return 1\n', False),
    ('class Strategy:\n    title: str\n    """Its name (ยุทธศาสตร์สร้างสรรค์การศึกษา)."""\n', False),
    ('x = 1  # ดังนี้ in a comment\n', False),
    ('_THAI = "\\u0e01-\\u0e4e"\n', False),
])
def test_the_scan_finds_thai_words_in_code_only(code, flagged):
    assert bool(thai_in_code(code)) is flagged


def test_the_scan_finds_a_word_added_to_a_rule_module():
    source = (SOURCE / "inline.py").read_text(encoding="utf-8") + '\n_CLOSER = re.compile("ดังนี้")\n'
    assert [literal for _, literal in thai_in_code(source)] == ['"ดังนี้"']


def test_thai_digits_are_character_data_only_where_allowed():
    assert thai_in_code('DIGITS = "[๐-๙]"\n', digits_are_data=True) == []
    assert thai_in_code('DIGITS = "[๐-๙]"\n') != []
    assert thai_in_code('WORD = "ดังนี้ ๑"\n', digits_are_data=True) != []


def test_every_table_of_the_vocabulary_is_read():
    """A table no code reads is dead data (say, one left behind by a move)."""
    code = (SOURCE / "vocabulary.py").read_text(encoding="utf-8")
    unread = [name for name in _TABLES if f'"{name}"' not in code and f"'{name}'" not in code]
    assert unread == []
