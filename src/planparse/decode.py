"""Bytes to text: byte-order marks, UTF-8, UTF-16 and TIS-620 (cp874) detection.

Thai government files come in three encodings in practice: UTF-8 (with or without a
BOM), UTF-16 from Windows tools, and TIS-620/cp874 from older ones. Generic detectors
mistake short cp874 for Korean or Cyrillic, so the Thai check here is our own: a decoding
is accepted only if nearly all of its non-ASCII letters are Thai.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from .errors import PlanParseError

# Signatures of common binary formats, so the error can say what the file really is.
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel file)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x7fELF", "a program"),
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters that never appear in text files (tab, newlines, form feed do).
_CONTROL = frozenset(range(0x00, 0x20)) - {0x09, 0x0A, 0x0C, 0x0D}
# Share of control characters above which a decoding is taken for binary data.
_MAX_CONTROL_SHARE = 0.01
# Share of non-ASCII letters that must be Thai for a legacy decoding to be believed.
_MIN_THAI_SHARE = 0.9
# Bytes 0x80-0x9F are unassigned in TIS-620; cp874 (Windows) puts quotes and dashes there.
_CP874_ONLY = frozenset(range(0x80, 0xA0))


@dataclass(frozen=True)
class Decoded:
    """Decoded text with the name of the encoding that was used."""

    text: str
    encoding: str


def decode(data: bytes, name: str = "input") -> Decoded:
    """Decode raw bytes, or raise PlanParseError naming ``name`` and the reason."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(_checked(data, encoding, name), encoding)
            except UnicodeDecodeError:
                raise PlanParseError(f"{name}: starts as {encoding} but is not valid {encoding} "
                                     f"(cannot decode it)") from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise PlanParseError(f"{name}: not a text file, it looks like {what}")
    utf16 = _bomless_utf16(data)
    if utf16:
        return Decoded(_checked(data, utf16, name), utf16)
    if b"\x00" in data:
        raise PlanParseError(f"{name}: not a text file (it contains binary data)")
    try:
        return Decoded(_checked(data, "utf-8", name), "utf-8")
    except UnicodeDecodeError:
        pass
    # Plain TIS-620 when it decodes; cp874 adds quotes and dashes at 0x80-0x9F and the
    # no-break space at 0xA0, which Windows programs write.
    legacy = ("cp874",) if _CP874_ONLY.intersection(data) else ("tis-620", "cp874")
    for encoding in legacy:
        try:
            text = _checked(data, encoding, name)
        except UnicodeDecodeError:
            continue
        if _thai_share(text) >= _MIN_THAI_SHARE:
            return Decoded(text, encoding)
        break
    raise PlanParseError(f"{name}: not UTF-8, UTF-16 or TIS-620 text (cannot decode it)")


def _checked(data: bytes, encoding: str, name: str) -> str:
    """Decode strictly and refuse text that is mostly control characters."""
    text = data.decode(encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    if text:
        controls = sum(1 for char in text if ord(char) in _CONTROL)
        if controls / len(text) > _MAX_CONTROL_SHARE:
            raise PlanParseError(f"{name}: not a text file (it contains binary data)")
    return text


def _bomless_utf16(data: bytes) -> str | None:
    """Name the UTF-16 byte order of BOM-less data, or None when it is not UTF-16.

    UTF-16 text of Thai or ASCII puts a zero or 0x0E byte in every other position.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for high, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if sum(1 for b in high if b in (0x00, 0x0E)) / len(high) > 0.95:
            return encoding
    return None


def _thai_share(text: str) -> float:
    """Share of believable Thai among the non-ASCII letters and marks of ``text``.

    Any byte above 0xA0 decodes to some Thai character in cp874, so Latin-1 text would
    pass a plain count. Thai glued to a Latin letter, or a Thai vowel or tone mark with
    no Thai letter before it, is counted as not Thai.
    """
    letters = [char for char in text
               if ord(char) > 0x7F and (char.isalnum() or unicodedata.category(char)[0] == "M")]
    if not letters:
        return 1.0
    implausible = len(_IMPLAUSIBLE_THAI.findall(text))
    thai = sum(1 for char in letters if "\u0e00" <= char <= "\u0e7f")
    return max(0, thai - implausible) / len(letters)


_IMPLAUSIBLE_THAI = re.compile(
    r"(?<=[A-Za-z])[\u0e00-\u0e7f]|[\u0e00-\u0e7f](?=[A-Za-z])"
    r"|(?<![\u0e01-\u0e4e])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]"
)


def split_lines(text: str) -> list[str]:
    """Split on CRLF, CR or LF only, so line numbers match what an editor shows.

    ``str.splitlines`` would also split on form feeds and other separators, which moves
    every later line number; form feeds stay in the line for the layout stage.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines
