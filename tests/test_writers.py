"""The writers table and the flat CSV export, on documents built by hand (not by the parser)."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml

from planparse import PlanParseError
from planparse.flat import KINDS, count_items, flat_items
from planparse.model import (Item, Organization, Period, PlanDocument, Source, Span, Strategy,
                             TextBlock, Warning)
from planparse.writers import MAX_CELL, CSV_COLUMNS, csv_rows, csv_table, render, spreadsheet_cell


def _span(start: int, end: int | None = None) -> Span:
    return Span(start_line=start, end_line=end or start)


def _item(number: str | None, text: str, line: int) -> Item:
    return Item(number=number, text=text, span=_span(line))


def _document() -> PlanDocument:
    """A small plan with every kind of item, a comma and a quote in a text, and a warning."""
    return PlanDocument(
        source=Source(path="ลำพูน/แผน 1.txt", sha256="0" * 64, encoding="utf-8", line_count=20),
        organization=Organization(name="เทศบาลตำบลบ้านใหม่", kind="เทศบาลตำบล"),
        period=Period(start_year=2561, end_year=2565),
        vision=TextBlock(text="บ้านใหม่ น่าอยู่", span=_span(2, 3)),
        missions=[_item("1", "พัฒนาโครงสร้างพื้นฐาน, ถนน และ \"ประปา\"", 5)],
        goals=[_item(None, "ประชาชนมีคุณภาพชีวิตที่ดี", 7)],
        strategies=[Strategy(
            number="1", title="การพัฒนาด้านโครงสร้างพื้นฐาน", span=_span(9),
            guidelines=[_item("1.1", "ก่อสร้างถนน", 10), _item("1.2", "ขยายเขตประปา", 11)],
            goals=[_item("1", "การคมนาคมสะดวก", 12)],
            indicators=[_item(None, "ถนนลาดยางเพิ่มขึ้น", 13)],
            tactics=[_item("1", "จัดทำแผนแม่บท", 14)],
        ), Strategy(number=None, title="ยุทธศาสตร์ไม่มีเลข", span=_span(16, 17))],
        warnings=[Warning(code="COUNT_MISMATCH", message="declared 3, found 2", span=_span(10))],
    )


def test_every_item_is_one_row_in_document_order():
    rows = csv_rows(_document())
    assert [(row[5], row[6], row[7]) for row in rows] == [
        ("vision", "", "บ้านใหม่ น่าอยู่"),
        ("mission", "1", "พัฒนาโครงสร้างพื้นฐาน, ถนน และ \"ประปา\""),
        ("goal", "", "ประชาชนมีคุณภาพชีวิตที่ดี"),
        ("strategy", "1", "การพัฒนาด้านโครงสร้างพื้นฐาน"),
        ("guideline", "1.1", "ก่อสร้างถนน"),
        ("guideline", "1.2", "ขยายเขตประปา"),
        ("goal", "1", "การคมนาคมสะดวก"),
        ("indicator", "", "ถนนลาดยางเพิ่มขึ้น"),
        ("tactic", "1", "จัดทำแผนแม่บท"),
        ("strategy", "", "ยุทธศาสตร์ไม่มีเลข"),
    ]


def test_rows_carry_the_plan_and_the_strategy_they_belong_to():
    rows = {(row[5], row[7]): dict(zip(CSV_COLUMNS, row)) for row in csv_rows(_document())}
    guideline = rows[("guideline", "ก่อสร้างถนน")]
    assert guideline == {
        "file": "ลำพูน/แผน 1.txt", "organization": "เทศบาลตำบลบ้านใหม่", "period": "2561-2565",
        "strategy_number": "1", "strategy_title": "การพัฒนาด้านโครงสร้างพื้นฐาน",
        "kind": "guideline", "number": "1.1", "text": "ก่อสร้างถนน",
        "start_line": "10", "end_line": "10",
    }
    plan_goal = rows[("goal", "ประชาชนมีคุณภาพชีวิตที่ดี")]
    assert plan_goal["strategy_number"] == plan_goal["strategy_title"] == ""
    assert rows[("vision", "บ้านใหม่ น่าอยู่")]["start_line"] == "2"
    assert rows[("vision", "บ้านใหม่ น่าอยู่")]["end_line"] == "3"
    unnumbered = rows[("strategy", "ยุทธศาสตร์ไม่มีเลข")]
    assert (unnumbered["strategy_number"], unnumbered["strategy_title"]) == ("", "ยุทธศาสตร์ไม่มีเลข")


def test_csv_has_a_bom_a_header_and_reads_back_to_the_rows():
    text = render(_document(), "csv")
    assert text.startswith("\ufeff" + ",".join(CSV_COLUMNS) + "\r\n")
    assert "\\u0e" not in text and "เทศบาลตำบลบ้านใหม่" in text
    read = list(csv.reader(io.StringIO(text.encode("utf-8").decode("utf-8-sig"), newline="")))
    assert read == [list(CSV_COLUMNS),
                    *([spreadsheet_cell(cell) for cell in row] for row in csv_rows(_document()))]


def test_a_document_without_items_still_has_its_row():
    text = render(PlanDocument(source=Source(path="empty.txt", sha256="0", encoding="utf-8",
                                             line_count=0)), "csv")
    assert text == "\ufeff" + ",".join(CSV_COLUMNS) + "\r\nempty.txt" + "," * 9 + "\r\n"
    assert csv_table([]) == "\ufeff" + ",".join(CSV_COLUMNS) + "\r\n"


@pytest.mark.parametrize("cell, safe", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+66 2 123", "'+66 2 123"),
    ("-ลดความเหลื่อมล้ำ", "'-ลดความเหลื่อมล้ำ"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("1.10", "'1.10"),  # a number to a spreadsheet: 1.1
    ("1.1.2", "'1.1.2"),
    ("3", "3"),  # a whole number reads back the same
    ("-", "-"),  # nothing after the sign: no formula
    ("ส่งเสริม 1.10", "ส่งเสริม 1.10"),
    ("'=1", "'=1"),  # already safe: unchanged, so applying it twice is once
], ids=["=", "+", "-", "@", "tab", "cr", "1.10", "1.1.2", "integer", "dash", "text", "twice"])
def test_a_cell_a_spreadsheet_would_run_or_change_is_kept_as_text(cell, safe):
    assert spreadsheet_cell(cell) == safe
    assert spreadsheet_cell(safe) == safe


def test_no_cell_is_longer_than_a_spreadsheet_holds():
    long = "ก" * (MAX_CELL + 10)
    assert len(spreadsheet_cell(long)) == MAX_CELL and spreadsheet_cell(long).endswith(" …")
    document = PlanDocument(vision=TextBlock(text=long, span=Span(start_line=1, end_line=1)))
    [_, row] = list(csv.reader(io.StringIO(render(document, "csv")[1:], newline="")))
    assert max(map(len, row)) == MAX_CELL


def test_counts_cover_every_kind():
    assert count_items(_document()) == {"vision": 1, "mission": 1, "goal": 2, "strategy": 2,
                                        "guideline": 2, "indicator": 1, "tactic": 1}
    assert count_items(PlanDocument()) == dict.fromkeys(KINDS, 0)
    assert sum(count_items(_document()).values()) == len(list(flat_items(_document())))


def test_json_and_yaml_hold_the_same_data_in_thai():
    document = _document()
    as_json, as_yaml = render(document, "json"), render(document, "yaml")
    assert "\\u0e" not in as_json and "\\u0e" not in as_yaml
    assert json.loads(as_json) == yaml.safe_load(as_yaml) == document.model_dump(mode="json")
    assert PlanDocument.model_validate_json(as_json) == document


@pytest.mark.parametrize("format", ["xml", "JSON", ""])
def test_an_unknown_format_fails_loudly_naming_the_known_ones(format):
    with pytest.raises(PlanParseError, match=r"unknown output format .* csv, json, jsonl, yaml"):
        render(_document(), format)
