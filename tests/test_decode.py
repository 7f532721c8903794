"""Encodings and line ends: the same text gives the same document whatever its bytes."""

from __future__ import annotations

import codecs

import pytest

import planparse
from planparse.decode import decode, split_lines
from conftest import SAMPLES

SAMPLE = SAMPLES[0]
TEXT = SAMPLE.read_text(encoding="utf-8")

# How each sample is saved, and the encoding planparse must report for it.
SAVINGS = {
    "utf-8": (lambda text: text.encode("utf-8"), "utf-8"),
    "utf-8 with BOM": (lambda text: codecs.BOM_UTF8 + text.encode("utf-8"), "utf-8-sig"),
    "utf-16 with BOM": (lambda text: text.encode("utf-16"), "utf-16"),
    "utf-16-le without BOM": (lambda text: text.encode("utf-16-le"), "utf-16-le"),
    "utf-16-be without BOM": (lambda text: text.encode("utf-16-be"), "utf-16-be"),
    "cp874 (Windows Thai)": (lambda text: text.encode("cp874"), None),
    "CRLF": (lambda text: text.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    "CR": (lambda text: text.replace("\n", "\r").encode("utf-8"), "utf-8"),
}


def _content(document):
    return document.model_dump(exclude={"source"})


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
@pytest.mark.parametrize("saving", SAVINGS, ids=list(SAVINGS))
def test_same_document_whatever_the_bytes(sample, saving):
    text = sample.read_text(encoding="utf-8")
    encode, encoding = SAVINGS[saving]
    document = planparse.parse_bytes(encode(text), "plan.txt")
    assert _content(document) == _content(planparse.parse(text))
    assert document.source.line_count == len(split_lines(text))
    if encoding is not None:
        assert document.source.encoding == encoding
    else:  # plain TIS-620 when every byte is in it, cp874 otherwise
        assert document.source.encoding in ("tis-620", "cp874")


def test_plain_tis620_is_named_so():
    document = planparse.parse_bytes("วิสัยทัศน์\n“เมืองน่าอยู่”\n".replace("“", '"').replace("”", '"')
                                     .encode("tis-620"))
    assert document.source.encoding == "tis-620"
    assert document.vision.text == "เมืองน่าอยู่"


def test_short_tis620_is_not_mistaken_for_korean():
    assert decode("วิสัยทัศน์".encode("tis-620")).text == "วิสัยทัศน์"


@pytest.mark.parametrize("data, reason", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"\x00\x01\x02\x03\x04\x05binary\x00\x00", "binary"),
    ("café crème brûlée".encode("latin-1"), "cannot decode"),
])
def test_not_text_is_a_clear_error(data, reason):
    with pytest.raises(planparse.PlanParseError, match=reason) as error:
        planparse.parse_bytes(data, "input.txt")
    assert str(error.value).startswith("input.txt: ")


def test_empty_input_is_an_empty_document_with_a_warning():
    document = planparse.parse_bytes(b"", "empty.txt")
    assert document.strategies == [] and document.vision is None
    assert [w.code for w in document.warnings] == ["NO_PLAN_FOUND"]


def test_line_numbers_follow_the_editor_not_form_feeds():
    assert split_lines("ก\fข\r\nค\rง\n") == ["ก\fข", "ค", "ง"]
