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
from functools import lru_cache

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
_CONTROL_BYTES = bytes(sorted(_CONTROL))
# Share of control characters above which a decoding is taken for binary data; up to
# _STRAY_CONTROLS of them pass whatever the length (a DOS end-of-file mark, a vertical tab
# from a word processor, a NUL left by a copy), so that a short text is not refused for one
# of them; normalisation removes them with a warning.
_MAX_CONTROL_SHARE = 0.01
_STRAY_CONTROLS = 3
# Share of non-ASCII letters that must be Thai for a legacy decoding to be believed.
_MIN_THAI_SHARE = 0.9
# Bytes 0x80-0x9F are unassigned in TIS-620; cp874 (Windows) puts quotes and dashes there.
_CP874_ONLY = re.compile(rb"[\x80-\x9f]")


# A PDF starts with this signature, within its first kilobyte (what PDF readers accept).
PDF_SIGNATURE = b"%PDF-"
_PDF_SIGNATURE_WITHIN = 1024


def is_pdf(data: bytes) -> bool:
    """Whether ``data`` is a PDF file (its signature, not its name, says so): read it with
    ``pdf``, not ``decode``."""
    return PDF_SIGNATURE in data[:_PDF_SIGNATURE_WITHIN]


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
        try:
            return Decoded(_checked(data, utf16, name), utf16)
        except UnicodeDecodeError:  # a lone surrogate: it only looked like UTF-16
            pass
    zeros = data.count(0)
    if zeros > _STRAY_CONTROLS:  # a few are litter in a text; more are binary data
        raise PlanParseError(f"{name}: not a text file (it contains binary data)")
    try:
        return Decoded(_checked(data, "utf-8", name), "utf-8")
    except UnicodeDecodeError:
        pass
    # Plain TIS-620 when it decodes; cp874 adds quotes and dashes at 0x80-0x9F and the
    # no-break space at 0xA0, which Windows programs write.
    legacy = ("cp874",) if _CP874_ONLY.search(data) else ("tis-620", "cp874")
    for encoding in legacy:
        try:
            text = _checked(data, encoding, name)
        except UnicodeDecodeError:
            continue
        if _thai_share(data, encoding) >= _MIN_THAI_SHARE:
            return Decoded(text, encoding)
        break
    raise PlanParseError(f"{name}: not UTF-8, UTF-16 or TIS-620 text (cannot decode it)")


def _checked(data: bytes, encoding: str, name: str) -> str:
    """Decode strictly and refuse text that is mostly control characters."""
    text = data.decode(encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    if text:
        controls = _count_controls(text)
        if controls > _STRAY_CONTROLS and controls / len(text) > _MAX_CONTROL_SHARE:
            raise PlanParseError(f"{name}: not a text file (it contains binary data)")
    return text


def _count_controls(text: str) -> int:
    """The number of characters of ``text`` in _CONTROL, counted at C speed: its ASCII
    characters as bytes, less the length of those bytes without the controls."""
    ascii = text.encode("ascii", "ignore")
    return len(ascii) - len(ascii.translate(None, _CONTROL_BYTES))


def _bomless_utf16(data: bytes) -> str | None:
    """Name the UTF-16 byte order of BOM-less data, or None when it is not UTF-16.

    UTF-16 text of Thai or ASCII puts a zero or 0x0E byte in every other position: more
    than 95 % of those high bytes. Failing that, punctuation and symbols (curly quotes,
    dashes, bullets) may make up the 95 %, as long as more than half are Thai or ASCII:
    UTF-8 and TIS-620 text have no zero bytes, so they are not taken for it.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    half = len(data) // 2
    if (data.count(0x00) + data.count(0x0E)) / half <= 0.5:  # not enough in all the bytes
        return None
    lanes = []
    for start, encoding in ((1, "utf-16-le"), (0, "utf-16-be")):
        high = data[start::2]
        text = high.count(0x00) + high.count(0x0E)
        if text / half > 0.95:
            return encoding
        lanes.append((text, sum(map(high.count, _SYMBOL_HIGH_BYTES)), encoding))
    for text, symbols, encoding in lanes:
        if text / half > 0.5 and (text + symbols) / half > 0.95:
            return encoding
    return None


# High bytes of the punctuation and symbols Thai documents use: U+2000-22FF (curly quotes,
# dashes, ellipsis, bullet, the euro, arrows, ≤ ≥) and U+2500-25FF (box drawing, ● ■ ►).
_SYMBOL_HIGH_BYTES = (0x20, 0x21, 0x22, 0x25)


def _thai_share(data: bytes, encoding: str) -> float:
    """Share of believable Thai among the non-ASCII letters and marks of ``data`` decoded
    with the single-byte ``encoding`` (TIS-620 or cp874).

    Any byte above 0xA0 decodes to some Thai character in cp874, so Latin-1 text would
    pass a plain count. Thai glued to a Latin letter, or a Thai vowel or tone mark with
    no Thai letter before it, is counted as not Thai.

    A single-byte encoding maps each byte to one character, so this counts in the bytes,
    at C speed: ``bytes.translate`` deletes what is not counted, or names the class of
    each byte, and patterns that start with a rare class find the neighbours that matter.
    """
    classes = _byte_classes(encoding)
    letters = len(data.translate(None, classes.not_letter))
    if not letters:
        return 1.0
    thai = (letters if classes.not_thai_letter == classes.not_letter  # all letters are Thai
            else len(data.translate(None, classes.not_thai_letter)))
    named = data.translate(classes.names)
    implausible = sum(len(pattern.findall(named)) for pattern in _IMPLAUSIBLE)
    implausible += named.startswith(b"M") and not named.startswith(b"ML")
    return max(0, thai - implausible) / letters


# Over the class names of _ByteClasses.names; each match is one implausible Thai character,
# counted once: the one after a Latin letter; the one before a Latin letter and not after
# one; a mark after no Thai letter or mark (U+0E01-0E4E) and next to no Latin letter,
# after something else or after the rest of the Thai block (the first character of the
# text is looked at apart). Each starts with one literal byte, so that the search skips
# ahead at C speed; a class ([.T]) there would make it ten times slower.
_IMPLAUSIBLE = tuple(map(re.compile, (rb"L(?=[MRT])", rb"L(?<=[MRT]L)(?<!L[MRT]L)",
                                      rb"\.M(?!L)", rb"TM(?!L)")))
_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# Thai vowel and tone marks that must follow a Thai letter or another mark.
_THAI_MARKS = frozenset("\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B)))
                        + "".join(map(chr, range(0x0E47, 0x0E4F))))


@dataclass(frozen=True)
class _ByteClasses:
    """The byte values of a single-byte encoding, sorted for _thai_share."""

    not_letter: bytes  # to delete, leaving the non-ASCII letters and marks
    not_thai_letter: bytes  # to delete, leaving those of the Thai block
    # A translation table naming each byte: L Latin letter, M Thai mark, R other Thai
    # U+0E01-0E4E, T the rest of the Thai block, . anything else.
    names: bytes


@lru_cache(maxsize=None)
def _byte_classes(encoding: str) -> _ByteClasses:
    not_letter, not_thai_letter, names = bytearray(), bytearray(), bytearray()
    for byte in range(256):
        try:
            char = bytes([byte]).decode(encoding)
        except UnicodeDecodeError:  # such a byte never reaches _thai_share
            char = "\ufffd"
        thai_block = "\u0e00" <= char <= "\u0e7f"
        letter = ord(char) > 0x7F and (char.isalnum() or unicodedata.category(char)[0] == "M")
        if not letter:
            not_letter.append(byte)
        if not (letter and thai_block):
            not_thai_letter.append(byte)
        names += (b"L" if char in _LATIN else b"M" if char in _THAI_MARKS
                  else b"R" if "\u0e01" <= char <= "\u0e4e" else b"T" if thai_block else b".")
    return _ByteClasses(bytes(not_letter), bytes(not_thai_letter), bytes(names))
