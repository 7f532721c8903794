"""Encodings and line ends: the same text gives the same document whatever its bytes."""

from __future__ import annotations

import codecs
import re
import unicodedata

import pytest
from hypothesis import given, settings, strategies as st

import planparse
from planparse.decode import _CONTROL, _bomless_utf16, _count_controls, _thai_share, decode
from planparse.normalize import normalize_text
from conftest import SAMPLES, split_lines

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


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n\xc2\xa0\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                  " \n".encode("utf-16")],
                         ids=["empty", "white space", "utf-8 mark only", "utf-16 mark only",
                              "utf-16 white space"])
def test_empty_input_is_an_empty_document_with_a_warning_that_says_so(data):
    document = planparse.parse_bytes(data, "empty.txt")
    assert document.strategies == [] and document.vision is None
    [warning] = document.warnings
    assert warning.code == "NO_PLAN_FOUND"
    assert warning.message.endswith("; the file is empty or holds only white space.")


def test_a_text_without_a_plan_is_not_called_empty():
    [warning] = planparse.parse_bytes("รายงานการประชุม\n".encode("utf-8")).warnings
    assert warning.code == "NO_PLAN_FOUND" and "empty" not in warning.message


def test_line_numbers_follow_the_editor_not_form_feeds():
    assert normalize_text("ก\fข\r\nค\rง\n") == ["ก\fข", "ค", "ง"]


# decode() counts at C speed (bytes.translate, bytes.count, regexes that skip ahead); these
# are the plain definitions it had before, one character at a time, which it must agree with.

def _simple_controls(text: str) -> int:
    return sum(1 for char in text if ord(char) in _CONTROL)


def _simple_bomless_utf16(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    lanes = ((odd, "utf-16-le"), (even, "utf-16-be"))
    for high, encoding in lanes:
        if sum(1 for b in high if b in (0x00, 0x0E)) / len(high) > 0.95:
            return encoding
    for high, encoding in lanes:
        text = sum(1 for b in high if b in (0x00, 0x0E)) / len(high)
        symbols = sum(1 for b in high if b in (0x20, 0x21, 0x22, 0x25)) / len(high)
        if text > 0.5 and text + symbols > 0.95:
            return encoding
    return None


_SIMPLE_IMPLAUSIBLE_THAI = re.compile(
    r"(?<=[A-Za-z])[\u0e00-\u0e7f]|[\u0e00-\u0e7f](?=[A-Za-z])"
    r"|(?<![\u0e01-\u0e4e])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]"
)


def _simple_thai_share(text: str) -> float:
    letters = [char for char in text
               if ord(char) > 0x7F and (char.isalnum() or unicodedata.category(char)[0] == "M")]
    if not letters:
        return 1.0
    implausible = len(_SIMPLE_IMPLAUSIBLE_THAI.findall(text))
    thai = sum(1 for char in letters if "\u0e00" <= char <= "\u0e7f")
    return max(0, thai - implausible) / len(letters)


def _characters_of(encoding: str) -> list[str]:
    characters = []
    for byte in range(256):
        try:
            characters.append(bytes([byte]).decode(encoding))
        except UnicodeDecodeError:
            pass
    return characters


# Where the counts can go wrong: Latin letters, Thai letters, marks (ั ิ ่ ้), Thai digits
# and signs outside U+0E01-0E4E (๏ ๑ ๛), spaces, controls, cp874's quotes.
TRICKY = "aZ กขฮ ัิี่้ํ ๏๑๛ฯๆ฿ \t\n\x00\x1a\x0c“”\xa0"
CP874_TEXTS = st.one_of(st.text(st.sampled_from(_characters_of("cp874")), max_size=60),
                        st.text(st.sampled_from(TRICKY.replace("\xa0", "")), max_size=60),
                        st.text(st.sampled_from(TRICKY), max_size=60))


@settings(max_examples=400, deadline=None)
@given(CP874_TEXTS, st.sampled_from(["cp874", "tis-620"]))
def test_the_thai_share_counted_in_bytes_is_the_simple_one(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    assert _thai_share(data, encoding) == _simple_thai_share(text)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), st.text(st.sampled_from(TRICKY), max_size=60)))
def test_the_control_count_is_the_simple_one(text):
    assert _count_controls(text) == _simple_controls(text)


UTF16_LIKE = st.lists(st.sampled_from([b"\x00", b"\x0e", b"\x20", b"\x25", b"A", b"\xd8", b"\x1a"]),
                      max_size=80).map(b"".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=80), UTF16_LIKE,
                 st.text(st.sampled_from(TRICKY), max_size=40).map(lambda t: t.encode("utf-16-le"))))
def test_bomless_utf16_is_the_simple_rule(data):
    assert _bomless_utf16(data) == _simple_bomless_utf16(data)


def test_the_big_inputs_decode_the_same():
    """The samples repeated to a few MB, in each saving: the same text and encoding as a
    plain bytes.decode, by the fast counts."""
    text = "".join(sample.read_text(encoding="utf-8") for sample in SAMPLES) * 20
    for encoding, expected in [("utf-8", "utf-8"), ("utf-16-le", "utf-16-le"),
                               ("utf-16-be", "utf-16-be"), ("cp874", "cp874")]:
        decoded = decode(text.encode(encoding))
        assert (decoded.text, decoded.encoding) == (text, expected)


# UTF-16 without a byte-order mark, told from binary data by its high bytes.

THAI_WORDS = ["วิสัยทัศน์", "พันธกิจ", "การพัฒนา", "เมืองน่าอยู่", "ยุทธศาสตร์ที่ 1", "และ", "มี", "Smart City",
              "ร้อยละ 80", "๑.", "café"]
PUNCTUATION = ["", "", " ", "\n", "\r\n", "“", "”", "‘", "’", "–", "—", "…", "•", "€", "→", "≥", "●", "■",
               "\u200b", "\xa0", "\f"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PUNCTUATION), st.sampled_from(THAI_WORDS)), min_size=1,
                max_size=30).map(lambda pairs: "".join(p + w for p, w in pairs)),
       st.sampled_from(["utf-16-le", "utf-16-be"]))
def test_bomless_utf16_with_punctuation_is_text(text, encoding):
    decoded = decode(text.encode(encoding))
    assert (decoded.text, decoded.encoding) == (text, encoding)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_short_bomless_utf16_quote_is_read(encoding):
    text = "วิสัยทัศน์\n“เมืองน่าอยู่”\n"  # 2 of 25 characters are curly quotes
    document = planparse.parse_bytes(text.encode(encoding), "plan.txt")
    assert document.source.encoding == encoding
    assert document.vision.text == "เมืองน่าอยู่"


@pytest.mark.parametrize("text", ["1 2 3 4 5 6 7 8 ", "a a a a a a a a ", "“” “” “” “” "])
def test_text_of_spaces_or_symbols_is_not_taken_for_utf16(text):
    """Every other byte is a space (0x20) in UTF-8: without zero bytes it is not UTF-16."""
    assert decode(text.encode("utf-8")).encoding == "utf-8"


@pytest.mark.parametrize("data", [
    b"\x00\xd8" + "วิสัยทัศน์".encode("utf-16-le") * 4,  # a lone surrogate among UTF-16 text
    b"\x01\x00\x02\x00\x03\x00\x04\x00\x05\x00\x06\x00",  # 16-bit numbers
    bytes(range(256)) * 16,
], ids=["lone surrogate", "16-bit numbers", "every byte"])
def test_binary_that_looks_like_utf16_is_still_binary(data):
    with pytest.raises(planparse.PlanParseError, match=r"^data.bin: not a text file \(it contains binary data\)$"):
        decode(data, "data.bin")


# Stray control characters: a few pass, many are binary data.

@pytest.mark.parametrize("encoding", ["utf-8", "cp874", "utf-16-le", "utf-16"])
@pytest.mark.parametrize("stray", ["\x1a", "\x0b", "\x07", "\x1b", "\x1f\x1e\x1a"],
                         ids=["dos end of file", "vertical tab", "bell", "escape", "three"])
def test_a_short_text_with_a_stray_control_character_is_text(encoding, stray):
    text = "วิสัยทัศน์\n“เมืองน่าอยู่”\n" + stray
    document = planparse.parse_bytes(text.encode(encoding), "plan.txt")
    assert document.vision.text == "เมืองน่าอยู่"


@pytest.mark.parametrize("data", [
    "วิสัยทัศน์\x01\x02\x03\x04".encode("utf-8"),  # four controls in 14 characters
    "วิสัยทัศน์ เมืองน่าอยู่\x00\x00\x00\x00".encode("utf-8"),  # zero bytes outside UTF-16
    "ก\x01\x02\x03\x04".encode("cp874"),
    bytes(range(1, 32)) * 40,  # controls only, no zero byte
])
def test_more_than_a_few_controls_or_zero_bytes_is_binary(data):
    with pytest.raises(planparse.PlanParseError, match="binary data"):
        decode(data, "data.txt")


def test_a_long_text_is_binary_above_one_percent_of_controls():
    text = "ก" * 1000
    assert decode((text + "\x01" * 10).encode("utf-8")).text == text + "\x01" * 10
    with pytest.raises(planparse.PlanParseError, match="binary data"):
        decode((text + "\x01" * 11).encode("utf-8"))


@pytest.mark.parametrize("nuls", ["\x00", "\x00\x00\x00"], ids=["one NUL", "three NULs"])
def test_a_few_nul_bytes_in_a_text_are_dropped_with_a_warning(nuls):
    data = f"วิสัยทัศน์\n“เมือง{nuls}น่าอยู่”\n".encode("utf-8")
    document = planparse.parse_bytes(data, "plan.txt")
    assert document.vision.text == "เมืองน่าอยู่"
    [warning] = [warning for warning in document.warnings if warning.code == "CONTROL_CHARACTERS"]
    assert (warning.span.start_line, warning.span.end_line) == (2, 2)
