"""Lines from tesseract's output (ocr.lines_of), on output written out by hand; the OCR
itself is gated on the scanned pages in test_pdf_gates.py."""

from __future__ import annotations

import pytest

from planparse.ocr import DPI, lines_of

HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def table(*rows: tuple[int, int, int, int, str]) -> str:
    """tesseract's table for words (line number, left, top, height, text), one block."""
    return "\n".join([HEADER] + [
        f"5\t1\t1\t1\t{line}\t{word}\t{left}\t{top}\t20\t{height}\t95\t{text}"
        for word, (line, left, top, height, text) in enumerate(rows, start=1)]) + "\n"


def test_lines_take_their_place_from_the_table_and_their_text_from_the_text():
    text = "วิสัยทัศน์\nสังคมน่าอยู่ ก้าวไกล\n"
    words = table((1, 300, 300, 70, "ว"), (2, 600, 400, 72, "ส"), (2, 900, 400, 72, "ก"))
    first, second = lines_of(text, words)
    assert (first.text, second.text) == ("วิสัยทัศน์", "สังคมน่าอยู่ ก้าวไกล")
    points = 72 / DPI
    assert (second.x, second.y, second.size) == (600 * points, 472 * points, 72 * points)


def test_a_line_much_less_high_than_the_others_is_specks_and_is_dropped():
    text = "บรรทัดหนึ่ง\n' = ๑4\nบรรทัดสอง\nบรรทัดสาม\n"
    words = table((1, 300, 300, 72, "บ"), (2, 300, 380, 30, "'"), (3, 300, 460, 73, "บ"),
                  (4, 300, 540, 71, "บ"))
    assert [line.text for line in lines_of(text, words)] == ["บรรทัดหนึ่ง", "บรรทัดสอง", "บรรทัดสาม"]


@pytest.mark.parametrize("read, written", [
    ("ดําเนินการ", "ดำเนินการ"),  # nikhahit and sara aa, as tesseract writes ำ
    ("นํ้า", "น้ำ"),
])
def test_sara_am_written_in_two_pieces_is_one_letter(read, written):
    assert [line.text for line in lines_of(read + "\n", table((1, 0, 0, 70, "x")))] == [written]


def test_text_and_table_that_do_not_pair_keep_the_text_in_order():
    lines = lines_of("หนึ่ง\nสอง\n", table((1, 0, 0, 70, "ห")))
    assert [line.text for line in lines] == ["หนึ่ง", "สอง"]


@pytest.mark.parametrize("text", ["", "\n", " \n\f"])
def test_a_page_with_nothing_read_has_no_lines(text):
    # A blank scan: tesseract writes white space, or a form feed, and a table of no words.
    assert lines_of(text, HEADER + "\n") == []
