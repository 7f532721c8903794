"""Fuzzing: random plan-like Thai texts through the parser and every writer.

The strategies build texts the way real ones go wrong: headings with and without
numbers, Thai and Arabic numerals, lists under lead-ins, lines broken inside a word,
page furniture, zero-width and control characters, PDF (cid:NN) escapes, and other
encodings. The number of examples is bounded so that CI stays fast; whatever hypothesis
finds is replayed first on the next run from its example database.

Properties: parsing never raises (bytes: only PlanParseError), the output always
validates and round-trips, spans point inside the input, and JSON, YAML and CSV hold
the same items.
"""

from __future__ import annotations

import csv
import io
import json
import os

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings, strategies as st

import planparse
from planparse.flat import count_items
from planparse.model import PlanDocument
from planparse.writers import CSV_COLUMNS, csv_rows, render, spreadsheet_cell
from conftest import split_lines

# CI runs a bounded number of examples; PLANPARSE_FUZZ_EXAMPLES=2000 digs deeper locally.
FUZZ = settings(max_examples=int(os.environ.get("PLANPARSE_FUZZ_EXAMPLES", "40")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
WORDS = ["การพัฒนา", "โครงสร้างพื้นฐาน", "เศรษฐกิจ", "สังคม", "คุณภาพชีวิต", "ทรัพยากรธรรมชาติ",
         "สิ่งแวดล้อม", "การศึกษา", "สาธารณสุข", "ส่งเสริม", "ประชาชน", "ท้องถิ่น", "อย่างยั่งยืน",
         "น่าอยู่", "การท่องเที่ยว", "ธรรมาภิบาล", "และ", "ให้", "มี", "ของ", "ร้อยละ", "80"]
ORGANIZATIONS = ["เทศบาลนครภูเก็ต", "เทศบาลตำบลบ้านใหม่", "องค์การบริหารส่วนจังหวัดลำพูน",
                 "องค์การบริหารส่วนตำบลหนองแก", "จังหวัดเชียงใหม่", "กรุงเทพมหานคร"]
LIST_HEADINGS = ["พันธกิจ", "เป้าประสงค์", "เป้าประสงค์เชิงยุทธศาสตร์", "แนวทางการพัฒนา",
                 "ตัวชี้วัด", "กลยุทธ์", "แผนงาน", "โครงการ", "วัตถุประสงค์", "ค่านิยม"]
STRATEGY_HEADINGS = ["ยุทธศาสตร์ที่ {n}", "ประเด็นยุทธศาสตร์ที่ {n}", "ประเด็นการพัฒนาที่ {n}",
                     "ยุทธศาสตร์การพัฒนาที่ {n}", "{n}. ยุทธศาสตร์"]
LEAD_INS = ["", " ดังนี้", " ประกอบด้วย {n} ด้าน ดังนี้", " มีแนวทางการพัฒนา ดังนี้", " :"]
JUNK = ["", "- {n} -", "หน้า {n}", "\f", "\u200b", "(cid:{n})", "\t", "   ", "แผนพัฒนาท้องถิ่น (พ.ศ. 2561-2565)",
        "\x07", "\ufeff", "ฯลฯ", "........", "“", "”", "•"]

small_numbers = st.integers(min_value=1, max_value=12)


@st.composite
def numerals(draw, depth: int = 1) -> str:
    """A number as written: Arabic or Thai digits, one or two levels, in its dressing."""
    parts = [str(draw(small_numbers)) for _ in range(draw(st.integers(1, depth)))]
    number = ".".join(parts)
    if draw(st.booleans()):
        number = number.translate(THAI_DIGITS)
    dressing = draw(st.sampled_from(["{}.", "{}", "({})", "{})", "ข้อ {}", "- ", "• ", ""]))
    return dressing.format(number)


phrases = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)


@st.composite
def junk(draw) -> str:
    return draw(st.sampled_from(JUNK)).format(n=draw(small_numbers))


@st.composite
def item_lines(draw, depth: int = 1) -> list[str]:
    return [f"{draw(numerals(depth))} {draw(phrases)}"
            for _ in range(draw(st.integers(0, 5)))]


@st.composite
def list_block(draw) -> list[str]:
    heading = draw(st.sampled_from(LIST_HEADINGS)) + draw(st.sampled_from(LEAD_INS))
    return [heading.format(n=draw(small_numbers)), *draw(item_lines(depth=2))]


@st.composite
def strategy_block(draw) -> list[str]:
    number = str(draw(small_numbers))
    heading = draw(st.sampled_from(STRATEGY_HEADINGS)).format(n=number)
    title = draw(phrases)
    lines = [f"{heading} {draw(st.sampled_from(['', ':', '-']))} {title}"]
    for _ in range(draw(st.integers(0, 3))):
        lines += draw(list_block())
    return lines


@st.composite
def plan_texts(draw) -> str:
    """A plan-like text: a header, a vision, lists and strategies, with junk between
    lines and some lines broken in two at any character (a word split by the PDF)."""
    lines = []
    if draw(st.booleans()):
        lines.append(f"แผนพัฒนา{draw(st.sampled_from(ORGANIZATIONS))} "
                     f"พ.ศ. {draw(st.integers(2550, 2570))} - {draw(st.integers(2550, 2575))}")
    if draw(st.booleans()):
        lines += ["วิสัยทัศน์", f"“{draw(phrases)}”"]
    for block in draw(st.lists(st.one_of(list_block(), strategy_block()), max_size=6)):
        lines += block
    mangled = []
    for line in lines:
        if draw(st.integers(0, 5)) == 0:
            mangled.append(draw(junk()))
        if line and draw(st.integers(0, 6)) == 0:
            cut = draw(st.integers(0, len(line)))
            mangled += [line[:cut], line[cut:]]
        else:
            mangled.append(line)
    return draw(st.sampled_from(["\n", "\r\n"])).join(mangled)


any_text = st.one_of(plan_texts(), st.text(max_size=400),
                     st.lists(st.one_of(phrases, junk(), st.text(max_size=20)), max_size=30).map("\n".join))


def _all_items(document: PlanDocument):
    yield from document.missions
    yield from document.goals
    for strategy in document.strategies:
        yield strategy
        yield from (*strategy.guidelines, *strategy.goals, *strategy.indicators, *strategy.tactics)
    if document.vision is not None:
        yield document.vision


@FUZZ
@given(any_text)
def test_parse_never_raises_and_the_output_validates(text):
    document = planparse.parse(text)
    as_json = planparse.to_json(document)
    assert PlanDocument.model_validate_json(as_json) == document
    line_count = len(split_lines(text))
    for item in _all_items(document):
        assert 1 <= item.span.start_line <= item.span.end_line <= line_count
    for warning in document.warnings:
        assert warning.code in planparse.diagnostics.WARNING_CODES


@FUZZ
@given(plan_texts())
def test_every_writer_holds_the_same_items(text):
    document = planparse.parse(text)
    data = json.loads(render(document, "json"))
    assert yaml.safe_load(render(document, "yaml")) == data
    table = render(document, "csv")
    assert table.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(table[1:], newline="")))
    assert rows[0] == list(CSV_COLUMNS)
    assert rows[1:] == [[spreadsheet_cell(cell) for cell in row] for row in csv_rows(document)]
    assert len(rows) - 1 == max(1, sum(count_items(document).values()))  # a row at least


# The encodings Thai plans come in. UTF-16 without a byte-order mark is left out: it is
# told from binary data by a heuristic, which a short text can defeat.
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "tis-620", "cp874"]
CONTROL = set(map(chr, range(32))) - set("\t\n\r\f")


@FUZZ
@given(plan_texts(), st.sampled_from(ENCODINGS))
def test_a_plan_in_any_thai_encoding_gives_the_same_items(text, encoding):
    assume(not CONTROL.intersection(text))  # control characters may rightly mean binary data
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # a character the legacy encoding has no byte for
        return
    document = planparse.parse_bytes(data, "fuzzed.txt")
    expected = planparse.parse(text.removeprefix("\ufeff"))
    assert document.model_copy(update={"source": None}) == expected


UTF8_BOM = b"\xef\xbb\xbf"


def test_a_byte_order_mark_before_invalid_utf8_is_a_plan_parse_error():
    with pytest.raises(planparse.PlanParseError, match="^bom.txt: "):
        planparse.parse_bytes(UTF8_BOM + b"\x80", "bom.txt")


@FUZZ
@given(st.one_of(st.binary(max_size=600),
                 st.tuples(plan_texts(), st.binary(max_size=40)).map(
                     lambda pair: pair[0].encode("utf-8") + pair[1])))
def test_bytes_give_a_document_or_one_plan_parse_error(data):
    try:
        document = planparse.parse_bytes(data, "fuzzed.txt")
    except planparse.PlanParseError as error:
        message = str(error)
        assert message.startswith("fuzzed.txt: ") and "\n" not in message
        return
    assert PlanDocument.model_validate_json(planparse.to_json(document)) == document
