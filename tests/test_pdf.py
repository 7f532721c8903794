"""Reading PDFs (pdf.py) on small files made for the tests: pages, plain text and its
page map, tables, scanned pages, and every kind of bad PDF with its one-line error."""

from __future__ import annotations

import types

import pytest

import pdf_factory as make
from planparse.decode import is_pdf
from planparse.errors import PlanParseError
from planparse.glyphs import Line
from planparse.pdf import (
    OcrMode, PageSource, PdfPage, page_list, pdf_text, plain_text, read_pdf, readable, select_pages,
)

THREE_PAGES = make.pdf(make.lines("page one", "second line"), make.lines("page two"),
                       make.lines("page three"))


@pytest.mark.parametrize("data, expected", [
    (b"%PDF-1.7\n...", True),
    (b"\xef\xbb\xbfjunk before the header %PDF-1.4\n", True),  # readers accept it within 1 KB
    (b"plain text that mentions %PDF- late" + b" " * 2000, True),
    (b" " * 2000 + b"%PDF-1.4", False),
    (b"\x89PNG\r\n", False),
    (b"", False),
])
def test_a_pdf_is_told_by_its_signature(data, expected):
    assert is_pdf(data) is expected


@pytest.mark.parametrize("selection, pages", [
    (None, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    ("3", [3]),
    ("2-4", [2, 3, 4]),
    ("8-10,1", [1, 8, 9, 10]),  # document order
    (" 2 - 3 , 3 ", [2, 3]),  # spaces and repeats
])
def test_page_selections(selection, pages):
    assert select_pages(selection, 10) == pages


@pytest.mark.parametrize("selection, reason", [
    ("11", "page 11 is outside the document, which has 10 pages"),
    ("9-12", "page 12 is outside the document"),
    ("0", "starts before page 1"),
    ("5-3", "is empty"),
    ("two", "are not page numbers"),
    ("1,,2", "are not page numbers"),
])
def test_bad_page_selections_are_one_line_errors(selection, reason):
    with pytest.raises(PlanParseError, match=reason) as error:
        select_pages(selection, 10, "plan.pdf")
    assert str(error.value).startswith("plan.pdf: ") and "\n" not in str(error.value)


@pytest.mark.parametrize("numbers, text", [
    ([4], "4"), ([4, 12], "4, 12"), ([24, 25, 26, 31], "24-26, 31"), ([3, 1, 2], "1-3"),
])
def test_page_lists_in_messages(numbers, text):
    assert page_list(numbers) == text


def test_pages_are_separated_by_form_feeds_and_every_line_knows_its_page():
    result = pdf_text(THREE_PAGES, ocr=OcrMode.NEVER)
    assert result.text == "page one\nsecond line\n\fpage two\n\fpage three"
    assert result.line_pages == (1, 1, 2, 3)
    assert result.warnings == ()


def test_a_page_selection_reads_only_those_pages():
    result = pdf_text(THREE_PAGES, pages="2-3", ocr=OcrMode.NEVER)
    assert result.text == "page two\n\fpage three"
    assert result.line_pages == (2, 3)


def test_a_page_without_lines_is_a_form_feed_of_its_own():
    pages = [PdfPage(1, (), PageSource.TEXT), PdfPage(2, (), PageSource.TEXT),
             PdfPage(3, (Line("last", 0.0, 0.0, 0.0, False),), PageSource.TEXT)]
    result = plain_text(pages)
    assert result.text == "\n\f\n\flast"
    assert result.line_pages == (1, 2, 3)


def test_a_line_that_ends_its_paragraph_has_a_blank_line_after_it():
    name = Line("1.2 พัฒนาโครงสร้างพื้นฐาน", 0.0, 0.0, 0.0, True, ends_paragraph=True)
    explanation = Line("การดำเนินการเกี่ยวกับโครงสร้างพื้นฐาน", 0.0, 0.0, 0.0, False)
    result = plain_text([PdfPage(1, (name,), PageSource.TEXT), PdfPage(2, (name, explanation), PageSource.TEXT)])
    assert result.text.split("\n") == [name.text, "", "\f" + name.text, "", explanation.text]
    assert result.line_pages == (1, 1, 2, 2, 2)


def test_lines_carry_position_size_and_weight():
    page = next(read_pdf(make.pdf([make.Text("indented", 144.0, 700.0)]), ocr=OcrMode.NEVER))
    (line,) = page.lines
    assert line.text == "indented"
    assert line.x == pytest.approx(144.0, abs=1.0)
    assert line.y == pytest.approx(make.HEIGHT - 700.0, abs=0.5)  # from the top of the page
    assert line.size == pytest.approx(make.SIZE)
    assert line.bold is False


def test_a_ruled_table_drawn_column_by_column_is_read_cell_by_cell_row_by_row():
    table = make.ruled_table([["Goal", "Indicator"],
                              ["Roads for\neveryone", "- km of road\n- bridges"]])
    assert pdf_text(make.pdf(table), ocr=OcrMode.NEVER).text.split("\n") == [
        "Goal", "Indicator", "Roads for everyone", "- km of road", "- bridges"]


def test_text_a_clip_path_hides_is_left_out():
    lines = make.lines("in sight", "out of sight", top=760.0, leading=20.0)
    data = make.pdf(lines, clip=make.Box(60.0, 750.0, 400.0, 30.0))  # around the first line
    assert pdf_text(data, ocr=OcrMode.NEVER).text == "in sight"


def test_pages_stream_one_at_a_time():
    pages = read_pdf(make.repeated(make.pdf(make.lines("a page")), 1000), ocr=OcrMode.NEVER)
    assert isinstance(pages, types.GeneratorType)
    first = next(pages)
    assert (first.number, first.lines[0].text) == (1, "a page")
    assert [page.number for page in pages] == list(range(2, 1001))
    # Memory over 1,000 pages is measured in benchmarks/pdf_bench.py.


def test_a_page_that_is_an_image_is_scanned_and_left_out_with_a_warning():
    data = make.pdf(make.lines("a text page"), [], image_pages=(1,))
    result = pdf_text(data, ocr=OcrMode.NEVER)
    assert result.text == "a text page\n\f"
    (warning,) = result.warnings
    assert warning.code == "SCANNED_PAGES" and "page(s) 2 " in warning.message


def test_a_page_whose_text_decodes_to_latin_for_thai_is_unreadable_and_left_out():
    # A Thai font with no map to Unicode: its TIS-620 codes come out as Latin-1 letters.
    garbled = make.lines("¡ÒÃ¾Ñ²¹Ò·éÍ§¶Ôè¹ ÊÓËÃÑº»ÃÐªÒª¹", "¡ÒÃ¾Ñ²¹Ò·éÍ§¶Ôè¹")
    result = pdf_text(make.pdf(make.lines("page one"), garbled), ocr=OcrMode.NEVER)
    assert result.text == "page one\n\f"
    (warning,) = result.warnings
    assert warning.code == "UNREADABLE_TEXT" and "page(s) 2 " in warning.message


def test_an_empty_page_is_not_scanned():
    assert pdf_text(make.pdf(make.lines("text"), []), ocr=OcrMode.NEVER).warnings == ()


@pytest.mark.parametrize("text, expected", [
    ("การพัฒนาเทศบาลตำบลหางดงให้เป็นชุมชนที่น่าอยู่อาศัย", True),
    ("Road maintenance and water supply", True),
    ("", True),
    ("¡ÒÃ¾Ñ²¹Ò·éÍ§¶Ôè¹ ÊÓËÃÑº»ÃÐªÒª¹", False),  # TIS-620 codes read as Latin-1
    ("\ufffd\ufffd\ufffd \ufffd\ufffd", False),  # characters PDFium could not map
    ("\ue001\ue002\ue003\ue004 \ue005", False),  # private use from a font with no map
    ("ฟหกดเ่าสวงผปแอิืทมใฝ" * 20, False),  # Thai letters that are no words
])
def test_a_text_layer_is_readable_when_it_decodes_to_words(text, expected):
    assert readable(text) is expected


@pytest.mark.parametrize("data, options, reason", [
    (make.encrypted("secret"), {}, "is encrypted: give its password with --password"),
    (make.encrypted("secret"), {"password": "guess"}, "the password is wrong"),
    (make.no_pages(), {}, "the PDF has no pages"),
    (b"%PDF-1.4\nthis is not a PDF body\n%%EOF\n", {}, "not a readable PDF (damaged)"),
    (THREE_PAGES[:len(THREE_PAGES) // 2], {}, "the PDF is truncated"),
    (THREE_PAGES[:-10], {}, "the PDF is truncated"),
    (THREE_PAGES, {"pages": "4"}, "page 4 is outside the document, which has 3 pages"),
    (b"just some text", {}, "not a PDF file"),
])
def test_bad_pdfs_give_one_line_errors(data, options, reason):
    with pytest.raises(PlanParseError) as error:
        pdf_text(data, "plan.pdf", ocr=OcrMode.NEVER, **options)
    message = str(error.value)
    assert message.startswith("plan.pdf: ") and reason in message and "\n" not in message


def test_the_right_password_opens_an_encrypted_pdf():
    (page,) = read_pdf(make.encrypted("secret"), password="secret", ocr=OcrMode.NEVER)
    assert (page.number, page.lines, page.source) == (1, (), PageSource.TEXT)


def test_a_bad_page_selection_is_an_error_before_any_page_is_read():
    with pytest.raises(PlanParseError, match="outside the document"):
        read_pdf(THREE_PAGES, pages="2-5")  # not on the first next(): at the call


@pytest.mark.parametrize("before", [make.encrypted("secret"), b"%PDF-1.4\nnot a body\n%%EOF\n",
                                    make.no_pages(), THREE_PAGES], ids=["encrypted", "damaged",
                                                                        "no pages", "good"])
@pytest.mark.parametrize("data, reason", [
    (make.no_pages(), "plan.pdf: the PDF has no pages"),
    (b"%PDF-1.4\nthis is not a PDF body\n%%EOF\n", "plan.pdf: not a readable PDF (damaged)"),
    (make.encrypted("secret"), "plan.pdf: is encrypted: give its password with --password"),
])
def test_the_reason_does_not_depend_on_the_file_read_before(before, data, reason):
    # PDFium keeps its last error across files: a batch worker reads one after another.
    try:
        pdf_text(before, "before.pdf", ocr=OcrMode.NEVER)
    except PlanParseError:
        pass
    with pytest.raises(PlanParseError) as error:
        pdf_text(data, "plan.pdf", ocr=OcrMode.NEVER)
    assert str(error.value) == reason
