"""Character-level clean-up of one line, as an ordered list of small pure steps.

The steps keep the line's layout (indentation and runs of spaces mark columns and list
levels, which the layout stage still needs); ``collapse_spaces`` is applied later, to the
text that goes into the document. Modelled on pythainlp's ``util/normalize.py``, but only
its safe parts: nothing here drops a Thai letter (pythainlp's ``remove_dangling`` would drop
the tone mark of a line that starts with one, which the layout stage joins back instead).

The last steps mend the damage Thai PDFs suffer in extraction (sara am split off as
" า", letters spaced out by justification, marks pushed off their consonant); each is
tried only where its pattern occurs, and kept only where the Thai dictionary agrees.

Every step is idempotent, so ``normalize_line`` is too (a property test checks it).
"""

from __future__ import annotations

import re
from typing import Callable

from .diagnostics import warning
from .dictionary import unknown_chars
from .model import Span, Warning

# Character maps are regular expressions and ``str.replace``, not ``str.translate``: on
# Thai text ``translate`` takes Python's slow path for every character, ten times slower.
THAI_DIGITS = tuple(zip("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
_ANY_THAI_DIGIT = re.compile("[๐-๙]")

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# No-break, thin, ideographic and other Unicode spaces become a plain space.
_ODD_SPACES = re.compile(
    "[\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\u000b]")

_TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"
_ABOVE_BELOW_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a"
_FOLLOW_VOWELS = "\u0e30\u0e32\u0e33\u0e45"
# Marks that sit on a consonant and can never follow a space in correct Thai.
_MARKS = _ABOVE_BELOW_VOWELS + _TONE_MARKS + "\u0e47\u0e4c\u0e4d\u0e4e"
_CONSONANTS = "\u0e01-\u0e2e"

# (pattern, replacement) pairs applied in order; each documents the damage it mends.
_MARK_ORDER = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        # Two sara e typed for sara ae (เเ for แ), common in Word documents.
        ("\u0e40\u0e40", "\u0e41"),
        # Tone mark typed before its upper/lower vowel: store vowel first.
        (f"([{_TONE_MARKS}\u0e4c]+)([{_ABOVE_BELOW_VOWELS}]+)", r"\2\1"),
        # Nikhahit + sara aa, how PDF fonts often store sara am (ํา for ำ).
        (f"\u0e4d([{_TONE_MARKS}]*)\u0e32", "\\1\u0e33"),
        # Follow vowel typed before the tone mark of the same syllable.
        (f"([{_FOLLOW_VOWELS}]+)([{_TONE_MARKS}]+)", r"\2\1"),
    )
)
# A space between a consonant and its mark ("พ ุ่ม"), as pythainlp's conservative rule:
# only after a consonant that is not itself preceded by a vowel.
_SPACE_BEFORE_MARK = re.compile(
    f"([{_CONSONANTS}])(?<![\u0e30-\u0e4e][{_CONSONANTS}]) ([{_MARKS}])"
)
_REPEATED_MARK = re.compile(f"([{_MARKS}\u0e30\u0e32\u0e33\u0e40-\u0e44])\\1+")

# Thai PDF damage. Each repair is tried only where its pattern occurs and kept only where
# the dictionary agrees: the repaired words must hold fewer characters outside
# dictionary words than the damaged ones.
# Justified text spaced letter by letter: "ก า ร ส นั บ ส นุ น", "ใ ช้ ใ น ก า ร": runs of
# at least five pieces of one to three letters, two on average.
_LETTER_SPACED = re.compile("(?<![\u0e01-\u0e4e])(?:[\u0e01-\u0e4e]{1,3} ){4,}[\u0e01-\u0e4e]{1,3}(?![\u0e01-\u0e4e])")
_MAX_PIECE_AVERAGE = 2.2
# Sara am split into a space and sara aa: "ต าบล", "ก าหนด".
_SPLIT_SARA_AM = re.compile(f"([\u0e01-\u0e4e]{{0,20}}[{_CONSONANTS}][{_TONE_MARKS}]?) \u0e32(?=([\u0e01-\u0e4e]*))")
# A vowel or tone mark pushed off its consonant by a space: "ที ่".
_SPACED_MARK = re.compile(f"([\u0e01-\u0e4e]{{0,20}}[\u0e01-\u0e4e]) (?=([{_MARKS}][\u0e01-\u0e4e]*))")
# The dictionary weighs this many letters either side of a repair.
_REPAIR_WINDOW = 20


# C0 and C1 control characters that have no place in a text: all but the tab, the line
# ends (\n, \r), the form feed (a page break in text from a PDF) and the vertical tab
# (a space, below). Escape sequences lose their ESC and so cannot reach a terminal.
_CONTROLS = r"\x00-\x08\x0e-\x1f\x7f-\x9f"
_CONTROL = re.compile(f"[{_CONTROLS}]")
# A control character where a bullet stands, at the start of a line and before text: a
# PDF extractor's unmapped bullet glyph ("\x9f พัฒนา..."). Not NUL, which is padding, nor
# ESC, which starts a terminal's escape sequence.
_CONTROL_BULLET = re.compile(rf"^([ \t]*)[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f](?=[ \t]*[^\s{_CONTROLS}])",
                             re.MULTILINE)
BULLET = "\u2022"


def replace_controls(line: str) -> str:
    """A control character where a bullet stands becomes "•"; any other is removed.

    >>> replace_controls("  \x9f พัฒนา\x1b[1m")
    '  • พัฒนา[1m'
    """
    if not _CONTROL.search(line):
        return line
    return _CONTROL.sub("", _CONTROL_BULLET.sub(f"\\1{BULLET}", line))


def control_warnings(text: str) -> list[Warning]:
    """A CONTROL_CHARACTERS warning when ``replace_controls`` removes any from ``text``
    (one a document, over the lines from the first to the last); bullets are not told."""
    if not _CONTROL.search(text):
        return []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    hits = [number for number, line in enumerate(lines, start=1)
            if _CONTROL.search(_CONTROL_BULLET.sub("", line))]
    if not hits:
        return []
    return [warning("CONTROL_CHARACTERS",
                    f"Control characters on {len(hits)} line(s) were removed from the text; "
                    "check that nothing else was lost when it was converted to text.",
                    Span(start_line=hits[0], end_line=hits[-1]))]


def remove_zero_width(line: str) -> str:
    """Drop zero-width spaces, joiners, soft hyphens and stray byte-order marks."""
    return _ZERO_WIDTH.sub("", line)


def unify_spaces(line: str) -> str:
    """Turn no-break and other Unicode spaces into plain spaces, and tabs into spaces."""
    line = _ODD_SPACES.sub(" ", line)
    return line.expandtabs(4) if "\t" in line else line


# Bullets of the Symbol and Wingdings fonts, which converters leave in the Private Use
# Area (U+F020-U+F0FF: the font's own code plus 0xF000), as the glyph each one draws.
_SYMBOL_FONT_BULLETS = {
    "\uf0b7": "•", "\uf06c": "●", "\uf09f": "•", "\uf0a7": "▪", "\uf06e": "■", "\uf0a8": "□",
    "\uf075": "◆", "\uf076": "❖", "\uf0d8": "➢", "\uf0e8": "➔", "\uf0fc": "✓", "\uf0fe": "✓",
}
_ANY_SYMBOL_FONT_BULLET = re.compile(f"[{''.join(_SYMBOL_FONT_BULLETS)}]")


def symbol_font_bullets(line: str) -> str:
    """Write a symbol font's bullet as the glyph it draws (U+F0B7 → •)."""
    return _ANY_SYMBOL_FONT_BULLET.sub(lambda match: _SYMBOL_FONT_BULLETS[match.group()], line)


def arabic_digits(line: str) -> str:
    """Write Thai digits as Arabic digits (๒๕๖๑ → 2561)."""
    if _ANY_THAI_DIGIT.search(line):
        for thai, arabic in THAI_DIGITS:
            line = line.replace(thai, arabic)
    return line


def reorder_marks(line: str) -> str:
    """Put vowels and tone marks in their standard stored order."""
    for pattern, replacement in _MARK_ORDER:
        line = pattern.sub(replacement, line)
    return line


def remove_space_before_marks(line: str) -> str:
    """Remove a space that split a consonant from its vowel or tone mark."""
    return _SPACE_BEFORE_MARK.sub(r"\1\2", line)


def collapse_repeated_marks(line: str) -> str:
    """Keep one of a vowel or mark typed twice in a row (ดีี → ดี)."""
    return _REPEATED_MARK.sub(r"\1", line)


def join_letter_spacing(line: str) -> str:
    """Close up text spaced letter by letter where the closed-up text reads as words."""
    return _LETTER_SPACED.sub(_close_up, line)


def _close_up(match: re.Match[str]) -> str:
    spaced = match.group()
    joined = spaced.replace(" ", "")
    if len(joined) > _MAX_PIECE_AVERAGE * (spaced.count(" ") + 1):
        return spaced
    unknown, _ = unknown_chars(joined)
    return joined if unknown <= _MAX_UNKNOWN_SHARE * len(joined) else spaced


def repair_sara_am(line: str) -> str:
    """Turn "ต าบล" back into "ตำบล" where the dictionary agrees."""
    return _SPLIT_SARA_AM.sub(lambda match: _better(match, "\u0e33", "\u0e32"), line)


def rejoin_spaced_marks(line: str) -> str:
    """Put a vowel or tone mark back on the consonant a space pushed it off."""
    return _SPACED_MARK.sub(lambda match: _better(match, "", ""), line)


def _better(match: re.Match[str], glue: str, damaged_glue: str) -> str:
    """``left + glue`` when the dictionary reads ``left + glue + right`` better than the
    damaged ``left`` and ``damaged_glue + right`` apart; otherwise the text as it was.
    (``right`` is only looked at, so the next repair can start right after this one.)"""
    left, right = match.group(1)[-_REPAIR_WINDOW:], match.group(2)[:_REPAIR_WINDOW]
    damaged = unknown_chars(left)[0] + unknown_chars(damaged_glue + right)[0]
    if unknown_chars(left + glue + right)[0] < damaged:
        return match.group(1) + glue
    return match.group()


# Letter-spaced runs are closed up when at most this share of them stays outside words.
_MAX_UNKNOWN_SHARE = 0.3

# Steps every line goes through: character maps.
CHARACTER_STEPS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("controls", replace_controls),
    ("zero_width", remove_zero_width),
    ("spaces", unify_spaces),
    ("digits", arabic_digits),
    ("symbol_font_bullets", symbol_font_bullets),
)
# Steps that mend Thai mark order and PDF damage, in order. They run only on a line where
# one of their patterns occurs (``_THAI_DAMAGE``), which clean text rarely has.
THAI_STEPS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("mark_order", reorder_marks),
    ("space_before_mark", remove_space_before_marks),
    ("repeated_marks", collapse_repeated_marks),
    ("letter_spacing", join_letter_spacing),
    ("sara_am", repair_sara_am),
    ("spaced_marks", rejoin_spaced_marks),
)
STEPS = CHARACTER_STEPS + THAI_STEPS
# Where any of ``THAI_STEPS`` could change the line: one search instead of six.
_THAI_DAMAGE = re.compile(
    "\u0e40\u0e40|\u0e4d"  # เเ, nikhahit
    f"|[{_TONE_MARKS}\u0e4c][{_ABOVE_BELOW_VOWELS}]|[{_FOLLOW_VOWELS}][{_TONE_MARKS}]"  # mark order
    f"|([{_MARKS}\u0e30\u0e32\u0e33\u0e40-\u0e44])\\1"  # a mark typed twice
    # After a space: a mark or sara aa, or letter spacing (four pieces of one to three
    # letters), found from its first space, as a pattern starting with a letter is slow.
    f"| (?:[{_MARKS}\u0e32]|(?<=[\u0e01-\u0e4e] )(?:[\u0e01-\u0e4e]{{1,3}} ){{3}})"
)


def normalize_line(line: str) -> str:
    """Run the steps of ``STEPS`` over one line, in order (``THAI_STEPS`` where needed)."""
    for _, step in CHARACTER_STEPS:
        line = step(line)
    return _mend_thai(line) if _THAI_DAMAGE.search(line) else line


def _mend_thai(line: str) -> str:
    for _, step in THAI_STEPS:
        line = step(line)
    return line


def normalize_text(text: str) -> list[str]:
    """The lines of ``text``, each through ``normalize_line``, computed a text at a time.

    CRLF, CR and LF end a line, so that line numbers are those an editor shows; a form
    feed does not (``str.splitlines`` would cut there), it stays for the layout stage.

    The character steps run once over the whole text: none of them adds or removes a line
    end, and tabs expand from the start of each line as before. The Thai steps run only on
    the lines where one search over the whole text finds damage (no damage pattern spans a
    line end). A property test holds this equal to ``normalize_line`` line by line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    last_line_ended = not text or text.endswith("\n")  # no empty line after the last
    for _, step in CHARACTER_STEPS:
        text = step(text)
    damaged = _damaged_lines(text)
    normalized = text.split("\n")
    del text  # the lines hold the text now: one copy, not two, for a large file
    if last_line_ended:
        normalized.pop()
    for index in damaged:
        normalized[index] = _mend_thai(normalized[index])
    return normalized


def _damaged_lines(text: str) -> list[int]:
    """Indexes of the lines of ``text`` where ``_THAI_DAMAGE`` occurs."""
    indexes = []
    index, counted_to = 0, 0
    match = _THAI_DAMAGE.search(text)
    while match:
        index += text.count("\n", counted_to, match.start())
        indexes.append(index)
        counted_to = text.find("\n", match.start())
        if counted_to < 0:
            break
        match = _THAI_DAMAGE.search(text, counted_to)
    return indexes


def collapse_spaces(text: str) -> str:
    """Runs of white space to one space, trimmed: the last step for document text.

    ``str.split`` and a regex's ``\\s`` agree on what white space is (a test checks every
    code point); splitting is three times faster than ``re.sub``."""
    return " ".join(text.split())
