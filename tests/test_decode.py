"""Encodings and line ends: the same text gives the same document whatever its bytes."""

from __future__ import annotations

import codecs

import pytest

import planparse
from planparse.decode import decode, split_lines
from conftest import SAMPLES

SAMPLE = SAMPLES[0]
TEXT = SAMPLE.read_text(encoding="utf-8")

ENCODINGS = {
    "utf-8": (TEXT.encode("utf-8"), "utf-8"),
    "utf-8 with BOM": (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    "utf-16 with BOM": (TEXT.encode("utf-16"), "utf-16"),
    "utf-16-le without BOM": (TEXT.encode("utf-16-le"), "utf-16-le"),
    "utf-16-be without BOM": (TEXT.encode("utf-16-be"), "utf-16-be"),
    "tis-620": (TEXT.replace("\u00a0", " ").encode("tis-620"), "tis-620"),
    "cp874 with curly quotes": (TEXT.replace("\u00a0", " ").replace('"', "“").encode("cp874"), "cp874"),
    "CRLF": (TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    "CR": (TEXT.replace("\n", "\r").encode("utf-8"), "utf-8"),
}


def _content(document):
    return document.model_dump(exclude={"source"})


@pytest.mark.parametrize("data, encoding", ENCODINGS.values(), ids=ENCODINGS.keys())
def test_same_document_whatever_the_bytes(data, encoding):
    expected = _content(planparse.parse(TEXT))
    document = planparse.parse_bytes(data, "plan.txt")
    assert document.source.encoding == encoding
    assert document.source.line_count == len(split_lines(TEXT))
    if encoding.startswith("cp874") or encoding == "tis-620":
        expected = _content(planparse.parse(data.decode("cp874")))
    assert _content(document) == expected


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
