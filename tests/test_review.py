"""The review page and the batch index as Python builds them (no browser here).

What the browser shows is tested in test_review_browser.py; these hold the inputs the
pages are drawn from: the source lines are the ones the spans count, the embedded data is
the document and cannot end its script element, and the page needs nothing from outside.
"""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from hypothesis import example, given, settings, strategies as st

import planparse
from planparse.flat import KINDS, count_items
from planparse.normalize import normalize_line
from planparse.errors import PlanParseError
from planparse.reading import ReadText, read_text
from planparse.review import (
    INDEX_NAME, IndexEntry, ReviewSource, index_page, review_page, script_json, write_index,
)

from planparse.pdf import OcrMode, PdfOptions
from planparse.review_input import read_reviewed, review_source

import pdf_factory
from conftest import SAMPLES, lines, split_lines

DATA = re.compile(r'<script type="application/json" id="planparse-data">(.*?)</script>', re.S)


def embedded(page: str) -> dict:
    """The data a page draws itself from."""
    return json.loads(DATA.search(page).group(1))


def read_text_source(data: bytes, name: str = "-") -> ReviewSource:
    """The source a review page of a text file's bytes shows."""
    return review_source(read_text(data, name))


# Separators that end a line (\n, \r\n, \r) and ones that must not (a form feed, the
# Unicode line and paragraph separators, NEL; the example adds ASCII control separators).
line_pieces = st.lists(st.sampled_from(
    ["วิสัยทัศน์", "พันธกิจ", "1. การพัฒนา", "๑.", " ", "\n", "\r\n", "\r", "\f",
     "\u2028", "\u2029", "\x85"]), max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(line_pieces)
@example("ก\vข\x1cค\x1dง\r\nจ")  # a few other control separators pass as text; many are binary
def test_the_source_lines_are_the_lines_the_spans_count(text):
    data = text.encode("utf-8")
    source = read_text_source(data, "plan.txt")
    assert len(source.lines) == planparse.parse_bytes(data, "plan.txt").source.line_count
    assert list(source.lines) == [normalize_line(line) for line in split_lines(text)]


def test_the_source_lines_are_decoded_as_the_parser_decodes():
    text = "วิสัยทัศน์\r\n“เมืองน่าอยู่ ๒๕๖๑”\r\n"
    source = read_text_source(text.encode("cp874"), "plan.txt")
    assert list(source.lines) == ["วิสัยทัศน์", "“เมืองน่าอยู่ 2561”"]
    assert source.pages is None


@pytest.mark.parametrize("rows, pages", [
    (["a", "b"], None),
    (["a", "\fb", "c"], [1, 2, 2]),  # pdfminer starts a page's first line with a form feed
    (["a\f", "b"], [1, 2]),  # ... or ends the page before it with one
    (["a\fb", "c"], [1, 2]),  # a line that runs over a break is on the page where it starts
    (["\f\fa", "b"], [3, 3]),  # an empty page
    (["\f"], [2]),
    ([], None),
])
def test_form_feeds_give_each_line_its_page(rows, pages):
    assert review_source(ReadText("\n".join(rows), "utf-8", None, ())).pages == pages


def test_a_source_needs_a_page_for_every_line():
    with pytest.raises(ValueError, match="2 page numbers for 3 lines"):
        ReviewSource(["a", "b", "c"], pages=[1, 2])


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.name)
def test_the_page_embeds_the_document_the_json_format_writes(path):
    document = planparse.parse_file(path)
    source = read_text_source(path.read_bytes(), str(path))
    page = review_page(document, source)
    data = embedded(page)
    assert data["document"] == json.loads(planparse.to_json(document))
    assert data["lines"] == list(source.lines)
    assert review_page(document.model_dump(mode="json"), source) == page  # the dict draws the same


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("<>/&!-'\"scriptSCRIPT\u2028\u0e01 "), max_size=60))
def test_embedded_json_never_closes_its_script_and_reads_back_the_same(text):
    written = script_json({"text": text, "list": [text]})
    assert "<" not in written and ">" not in written
    assert json.loads(written) == {"text": text, "list": [text]}


def test_a_hostile_title_and_texts_cannot_leave_their_place():
    hostile = "</script><script>alert(1)</script><!--"
    document = planparse.parse(lines("วิสัยทัศน์", f"“{hostile}”"))
    page = review_page(document, ReviewSource([hostile]), title=f"</title>{hostile}")
    assert page.count("<script") == 2 and page.count("</script>") == 2
    assert "<title>&lt;/title&gt;&lt;/script&gt;" in page
    assert embedded(page)["document"]["vision"]["text"] == hostile


def test_pages_load_nothing_from_outside():
    """No address, import or font to fetch: the page must open with no network."""
    document = planparse.parse_file(SAMPLES[0])
    pages = [review_page(document, read_text_source(SAMPLES[0].read_bytes())),
             index_page([IndexEntry.of_document("a.txt", document, "a.html")])]
    for page in pages:
        markup = DATA.sub("", page).replace('"http://www.w3.org/2000/svg"', "")  # a name, not fetched
        assert not re.search(r"https?:|@import|url\(|\bsrc=|\bhref=|<link", markup, re.I)


def test_page_images_are_embedded_by_page():
    png = b"\x89PNG\r\n\x1a\nnot really"
    page = review_page(planparse.parse("ก\n"), ReviewSource(["ก"], pages=[4], images={4: png}))
    assert embedded(page)["images"] == {"4": "iVBORw0KGgpub3QgcmVhbGx5"}
    assert embedded(page)["pages"] == [4]


def test_an_index_entry_of_a_document_has_its_counts_and_years():
    document = planparse.parse_file(SAMPLES[0])
    entry = IndexEntry.of_document("ภูเก็ต/แผน.txt", document, "ภูเก็ต/แผน.html")
    assert entry.counts == count_items(document)
    assert (entry.organization, entry.period, entry.warnings) == ("เทศบาลนครภูเก็ต", "2556-2561", 0)
    failed = IndexEntry.failed("x.txt", "x.txt: not a text file")
    assert failed.page is None and failed.failure == "x.txt: not a text file"
    assert failed.counts == dict.fromkeys(KINDS, 0)


def test_write_index_writes_the_index_into_the_folder(tmp_path):
    entries = [IndexEntry.failed("x.txt", "x.txt: not a text file")]
    path = write_index(tmp_path / "out", entries, title="แผน 2567")
    assert path == tmp_path / "out" / INDEX_NAME
    page = path.read_text(encoding="utf-8")
    assert embedded(page)["entries"] == [{
        "file": "x.txt", "page": None, "organization": None, "period": None,
        "counts": dict.fromkeys(KINDS, 0), "warnings": 0, "failure": "x.txt: not a text file"}]
    assert "<title>แผน 2567</title>" in page
    assert [item.name for item in path.parent.iterdir()] == [INDEX_NAME]  # no temporary left


def test_a_text_file_has_no_pages_to_choose_or_draw():
    for pages, images in (("1", False), (None, True)):
        with pytest.raises(PlanParseError, match="plan.txt: is not a PDF.* is for PDF input"):
            read_reviewed(SAMPLES[0].read_bytes(), "plan.txt", PdfOptions(pages=pages), images)
    reviewed = read_reviewed(SAMPLES[0].read_bytes(), "plan.txt")
    assert reviewed.document == planparse.parse_bytes(SAMPLES[0].read_bytes(), "plan.txt")


def test_a_pdf_document_has_its_pages_warnings_and_source():
    data = pdf_factory.pdf(pdf_factory.lines("text"), [], image_pages=(1,))
    reviewed = read_reviewed(data, "scan.pdf", PdfOptions(ocr=OcrMode.NEVER), images=True)
    assert [warning.code for warning in reviewed.document.warnings] == ["SCANNED_PAGES", "NO_PLAN_FOUND"]
    assert reviewed.document.source.encoding == "pdf"
    assert reviewed.document.source.sha256 == hashlib.sha256(data).hexdigest()
    assert list(reviewed.source.lines) == ["text", "\f"] and list(reviewed.source.pages) == [1, 2]
    assert sorted(reviewed.source.images) == [1, 2]
    assert all(png.startswith(b"\x89PNG\r\n\x1a\n") for png in reviewed.source.images.values())
