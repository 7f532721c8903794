"""Rebuilding lines from a page's characters (glyphs.py), on characters placed by hand.

``Pen`` sets text the way Word's PDFs draw Thai: letters advance, marks have no advance
and sit over the consonant before them, ำ is a nikhahit over the consonant then า. Each
test then damages the drawing the way a real PDF does (marks drawn after the wrong
letter, at the end of the line, letter spacing, cells drawn column by column) and
checks that the text comes back as a person reads it.
"""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from planparse.glyphs import (
    NIKHAHIT, Glyph, Rule, draws_nikhahit, merge_rules, read_am_as_aa, rebuild_lines, symbol_char,
)

EM = 16.0
ADVANCE = 8.0  # every letter's advance
DESCENT = 4.0
PAGE_HEIGHT = 842.0
UPPER_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e4d"
TONES = "\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
LOWER_VOWELS = "\u0e38\u0e39\u0e3a"


class Pen:
    """Glyphs drawn line by line, and the ``Metrics`` of what it drew."""

    def __init__(self) -> None:
        self.glyphs: list[Glyph] = []
        self.baselines: dict[int, float] = {}
        self.bolds: set[int] = set()

    def write(self, text: str, x: float = 72.0, y: float = 700.0, *, gap: float = 0.0,
              bold: bool = False, word_am: bool = True, advance: float = ADVANCE) -> list[Glyph]:
        """Draw ``text`` from (x, y) with ``gap`` points between letters of ``advance``
        points; a space is one of the PDF's own. ``word_am``: ำ as Word draws it, a
        nikhahit and า."""
        drawn: list[Glyph] = []
        pen, base, marks_on_base = x, None, 0
        for char in text.replace("\u0e33", NIKHAHIT + "\u0e32") if word_am else text:
            index = len(self.glyphs)
            if char in UPPER_VOWELS + TONES + LOWER_VOWELS:
                if char in LOWER_VOWELS:
                    bottom, top = y - 0.25 * EM, y - 0.05 * EM
                else:
                    bottom = y + (0.45 + 0.2 * marks_on_base) * EM
                    top = bottom + 0.15 * EM
                    marks_on_base += 1
                glyph = Glyph(char, base.left + advance / 4, bottom, base.right - advance / 8, top, index)
            else:
                glyph = Glyph(char, pen, y - DESCENT, pen + advance, y + EM - DESCENT, index)
                pen += advance + gap
                base, marks_on_base = glyph, 0
            self.glyphs.append(glyph)
            self.baselines[index] = y
            if bold:
                self.bolds.add(index)
            drawn.append(glyph)
        return drawn

    def size(self, index: int) -> float:
        return EM

    def bold(self, index: int) -> bool:
        return index in self.bolds

    def baseline(self, index: int) -> float:
        return self.baselines[index]

    def texts(self, glyphs: list[Glyph] | None = None, rules: list[Rule] = (),
              vertical: list[Rule] = ()) -> list[str]:
        drawn = self.glyphs if glyphs is None else glyphs
        return [line.text for line in rebuild_lines(drawn, rules, vertical, self, PAGE_HEIGHT)]


def moved(glyphs: list[Glyph], position: int, to: int) -> list[Glyph]:
    """The drawing order with the glyph at ``position`` drawn at ``to`` instead."""
    glyphs = list(glyphs)
    glyphs.insert(to, glyphs.pop(position))
    return glyphs


# ----------------------------------------------------------------- Thai letters

@pytest.mark.parametrize("text", [
    "การพัฒนาท้องถิ่น",
    "ที่ดิน น้ำ ตำบลหางดง",  # a tone over an upper vowel; Word's ำ with and without a tone
    "ผู้สูงอายุ กฎหมาย",  # lower vowels
    "พระราชกฤษฎีกา พ.ศ. 2566",
])
def test_text_drawn_in_order_comes_back_as_it_is(text):
    pen = Pen()
    pen.write(text)
    assert pen.texts() == [text]


def test_word_nikhahit_and_sara_aa_make_sara_am():
    pen = Pen()
    drawn = pen.write("ดำเนินการ")
    assert [glyph.char for glyph in drawn[:3]] == ["ด", NIKHAHIT, "\u0e32"]
    assert pen.texts() == ["ดำเนินการ"]


def test_a_nikhahit_with_no_sara_aa_after_it_stays_a_nikhahit():
    pen = Pen()
    pen.write("สํสกฤต", word_am=False)  # Pali/Sanskrit spelling with a bare nikhahit
    assert pen.texts() == ["สํสกฤต"]


def test_a_mark_drawn_after_the_next_letter_goes_back_to_the_letter_it_covers():
    pen = Pen()
    drawn = pen.write("พันธกิจ")
    # Bold runs draw ั after น: พ น ั ...
    assert pen.texts(moved(drawn, 1, 2)) == ["พันธกิจ"]


def test_marks_drawn_at_the_end_of_the_line_find_their_letters():
    pen = Pen()
    drawn = pen.write("หน้า เล่ม")  # the gazette's stamped header: marks last
    marks = [glyph for glyph in drawn if glyph.char in TONES]
    letters = [glyph for glyph in drawn if glyph.char not in TONES]
    assert pen.texts(letters + marks) == ["หน้า เล่ม"]


def test_a_mark_drawn_after_its_word_goes_to_the_letter_under_it_not_a_nearer_one_in_order():
    pen = Pen()
    # อ ํ า เ ภ อ in a narrow font, where ภ is near enough to take a mark with no letter
    # under it; Distiller draws the ํ after the word.
    drawn = pen.write("อำเภอ", advance=4.0)
    nikhahit = drawn[1]
    assert nikhahit.char == NIKHAHIT
    assert pen.texts(drawn[:1] + drawn[2:] + [nikhahit]) == ["อำเภอ"]


def test_a_mark_drawn_after_a_long_word_goes_to_the_letter_it_covers_most():
    pen = Pen()
    drawn = pen.write("สัญชาติ")
    vowel, following = drawn[1], drawn[2]
    vowel = vowel._replace(right=following.left + 1)  # its ink reaches over ญ a little
    marks = [vowel, drawn[-1]]
    assert pen.texts([drawn[0]] + drawn[2:-1] + marks) == ["สัญชาติ"]


def test_a_tone_mark_stacked_on_a_vowel_goes_with_the_vowel_even_over_the_next_letter():
    pen = Pen()
    drawn = pen.write("ยั่งยืน")
    vowel, tone, next_letter = drawn[1], drawn[2], drawn[3]
    assert (vowel.char, tone.char) == ("\u0e31", "\u0e48")
    # Browallia draws ั reaching over the next letter, and the tone at its right end.
    vowel = vowel._replace(right=next_letter.left + 3)
    tone = tone._replace(left=next_letter.left + 1, right=next_letter.left + 2)
    assert pen.texts(drawn[:1] + [vowel, tone] + drawn[3:]) == ["ยั่งยืน"]


def test_hidden_letters_are_not_written_nor_their_marks_but_they_keep_them():
    pen = Pen()
    visible = pen.write("ชุมชน", y=700)  # its ุ reaches below the cell and may be cut
    hidden = pen.write("ยุทธ์", y=680)  # the next line is out of sight; its ์ is not
    glyphs = visible + [glyph._replace(hidden=glyph.char not in TONES + LOWER_VOWELS)
                        for glyph in hidden]
    assert pen.texts(glyphs) == ["ชุมชน"]


def test_a_mark_drawn_twice_is_written_once():
    pen = Pen()
    drawn = pen.write("ที่")
    assert pen.texts(drawn + [drawn[2]._replace(stream_index=99)]) == ["ที่"]


@pytest.mark.parametrize("private, mark", [
    ("\uf70b", "\u0e49"),  # mai tho, low: a tone with no vowel under it
    ("\uf70a", "\u0e48"),  # mai ek, low
    ("\uf712", "\u0e47"),  # mai taikhu, left
    ("\uf70e", "\u0e4c"),  # thanthakhat, low
])
def test_upc_private_use_marks_become_thai_marks(private, mark):
    pen = Pen()
    drawn = pen.write("ก" + mark + "า")
    assert pen.texts([drawn[0], drawn[1]._replace(char=private), drawn[2]]) == ["ก" + mark + "า"]


def test_private_use_tho_than_without_descender_is_tho_than():
    pen = Pen()
    drawn = pen.write("ฐาน")
    assert pen.texts([drawn[0]._replace(char="\uf700")] + drawn[1:]) == ["ฐาน"]


# Thai syllables: a consonant, maybe an upper or lower vowel, maybe a tone, maybe a
# following vowel; words of one to four, lines of words.
_SYLLABLE = st.builds(
    lambda consonant, vowel, tone, follow: consonant + vowel + tone + follow,
    st.sampled_from("กขคงจชดตทนบปผพมยรลวสหอ"),
    st.sampled_from(["", "\u0e34", "\u0e35", "\u0e38", "\u0e39", "\u0e31"]),
    st.sampled_from(["", "\u0e48", "\u0e49"]),
    st.sampled_from(["", "\u0e32", "\u0e33", "\u0e30"]),
)
_LINE = st.lists(st.lists(_SYLLABLE, min_size=1, max_size=4).map("".join), min_size=1, max_size=6)


@given(_LINE)
def test_any_line_of_thai_drawn_in_order_comes_back(words):
    text = " ".join(words)
    pen = Pen()
    pen.write(text)
    assert pen.texts() == [text]


@given(_LINE, st.integers(min_value=0, max_value=200))
def test_any_line_with_one_mark_drawn_out_of_order_comes_back(words, seed):
    text = " ".join(words)
    pen = Pen()
    drawn = pen.write(text)
    marks = [position for position, glyph in enumerate(drawn)
             if glyph.char in UPPER_VOWELS + TONES + LOWER_VOWELS]
    if marks:
        position = marks[seed % len(marks)]
        drawn = moved(drawn, position, min(len(drawn) - 1, position + 1 + seed % 2))
    assert pen.texts(drawn) == [text]


# ----------------------------------------------------------------- lines and spaces

def test_lines_are_cut_where_the_baseline_moves_not_at_gaps():
    pen = Pen()
    pen.write("บรรทัดแรก", y=700)
    pen.write("บรรทัดสอง", y=680)
    pen.write("ต่อกัน", x=200, y=680)  # a second run on the same baseline: the same line
    assert pen.texts() == ["บรรทัดแรก", "บรรทัดสอง ต่อกัน"]


def test_a_letter_spaced_line_has_spaces_only_at_its_wider_gaps():
    pen = Pen()
    pen.write("การสนับสนุน", gap=3.0)
    pen.write("งบประมาณ", x=72 + 11 * (ADVANCE + 3) + 9, gap=3.0)  # a word gap, no space glyph
    assert pen.texts() == ["การสนับสนุน งบประมาณ"]


def test_a_letter_spaced_line_without_word_gaps_has_no_spaces():
    pen = Pen()
    pen.write("การบำรุงปกติ", gap=4.0)
    assert pen.texts() == ["การบำรุงปกติ"]


def test_the_pdfs_own_spaces_are_kept_however_narrow():
    pen = Pen()
    drawn = pen.write("ก ข")
    narrow = drawn[1]._replace(right=drawn[1].left + 0.5)
    assert pen.texts([drawn[0], narrow, drawn[2]]) == ["ก ข"]


@pytest.mark.parametrize("separator", ["\u00a0", "\u3000", "\t", "\u2028", "\x0c", "\x85"])
def test_white_space_of_every_kind_is_one_plain_space(separator):
    pen = Pen()
    drawn = pen.write("ก ข")
    assert pen.texts([drawn[0], drawn[1]._replace(char=separator), drawn[2]]) == ["ก ข"]


def test_a_gap_wider_than_a_space_is_a_space_in_an_evenly_set_line():
    pen = Pen()
    pen.write("พันธกิจย่อยที่")
    pen.write("1.1", x=72 + 12 * ADVANCE + 0.2 * EM)
    assert pen.texts() == ["พันธกิจย่อยที่ 1.1"]


@pytest.mark.parametrize("bottom, top, nikhahit", [
    (733.36, 735.72, True),  # Word's nikhahit: a space with ink above its baseline
    (726.34, 726.36, False),  # a real space: a box a few hundredths of a point high
    (751.18, 751.18, False),  # a space PDFium made up: no box at all
])
def test_a_space_with_ink_is_a_nikhahit(bottom, top, nikhahit):
    assert draws_nikhahit(" ", bottom, top) is nikhahit


@pytest.mark.parametrize("drawn, positions, read", [
    ("ผ่ำน", [2], "ผ่าน"),  # a font that maps า to ำ
    ("ยุทธศำสตร์", [5], "ยุทธศาสตร์"),
    ("อำยุ", [1], "อายุ"),  # อำ and ยุ are words too: one word is read better
    ("ทำให้", [1], "ทำให้"),  # ทา and ทำ are both words: as drawn
    ("จำนวน", [1], "จำนวน"),
])
def test_a_drawn_sara_am_is_read_as_sara_aa_only_where_the_dictionary_agrees(drawn, positions, read):
    assert read_am_as_aa(drawn, positions) == read


@pytest.mark.parametrize("font, char, symbol", [
    ("ABCDEE+Wingdings", "\uf0fc", "✓"),
    ("OQYVTV+Wingdings-Regular", "\uf0a8", "◻"),
    ("ABCDEE+Wingdings 2", "\uf0a3", "□"),
    ("XVSCBU+Wingdings2", "\uf099", "○"),
    ("ABCDEE+Webdings", "\uf063", "□"),
    ("ABCDEE+Wingdings", "\uf021", "\uf021"),  # not in the table: as PDFium gives it
    ("ABCDEE+Arial", "\uf0fc", "\uf0fc"),  # not a symbol font
])
def test_symbol_font_glyphs_become_the_symbols_they_draw(font, char, symbol):
    assert symbol_char(font, char) == symbol


# ----------------------------------------------------------------- tables

def _grid(columns: list[float], rows: list[float]) -> tuple[list[Rule], list[Rule]]:
    """Rules around every cell of a grid (x of the column edges, y of the row edges)."""
    horizontal = [Rule(y, columns[0], columns[-1]) for y in rows]
    vertical = [Rule(x, rows[-1], rows[0]) for x in columns]
    return horizontal, vertical


def test_a_table_drawn_column_by_column_is_read_row_by_row():
    pen = Pen()
    for column, x in enumerate((75, 225)):
        for row, y in enumerate((680, 620)):
            pen.write(f"ช่อง{'กข'[column]}{row + 1}", x=x, y=y)
    horizontal, vertical = _grid([72, 222, 372], [700, 640, 580])
    assert pen.texts(rules=horizontal, vertical=vertical) == ["ช่องก1", "ช่องข1", "ช่องก2", "ช่องข2"]


def test_cells_on_one_baseline_drawn_one_after_the_other_are_two_lines():
    pen = Pen()
    pen.write("ที่", x=75, y=680)
    pen.write("1", x=100, y=680)  # the next cell, right after the rule at 95
    horizontal, vertical = _grid([72, 95, 200], [700, 640])
    assert pen.texts(rules=horizontal, vertical=vertical) == ["ที่", "1"]


def test_a_cell_spanning_two_rows_comes_before_the_rows_beside_it():
    pen = Pen()
    pen.write("กลยุทธ์", x=75, y=680)
    pen.write("แนวทางที่หนึ่ง", x=225, y=680)
    pen.write("แนวทางที่สอง", x=225, y=620)
    horizontal = [Rule(700, 72, 372), Rule(640, 222, 372), Rule(580, 72, 372)]
    vertical = [Rule(72, 580, 700), Rule(222, 580, 700), Rule(372, 580, 700)]
    assert pen.texts(rules=horizontal, vertical=vertical) == ["กลยุทธ์", "แนวทางที่หนึ่ง", "แนวทางที่สอง"]


@pytest.mark.parametrize("second, expected", [
    (("พื้นฐาน", 75, False), ["พัฒนาโครงสร้างพื้นฐาน"]),  # a wrapped line: one paragraph
    (("- จำนวนถนน", 75, False), ["พัฒนาโครงสร้าง", "- จำนวนถนน"]),  # a bullet starts one
    (("1.2 พัฒนา", 75, False), ["พัฒนาโครงสร้าง", "1.2 พัฒนา"]),  # so does a number
    (("การศึกษา", 100, False), ["พัฒนาโครงสร้าง", "การศึกษา"]),  # and an indent
    (("พื้นฐาน", 75, True), ["พัฒนาโครงสร้าง", "พื้นฐาน"]),  # and bold after regular
])
def test_a_cells_lines_are_joined_into_its_paragraphs(second, expected):
    text, x, bold = second
    pen = Pen()
    pen.write("พัฒนาโครงสร้าง", x=75, y=680)
    pen.write(text, x=x, y=660, bold=bold)
    horizontal, vertical = _grid([72, 372], [700, 600])
    assert pen.texts(rules=horizontal, vertical=vertical) == expected


@pytest.mark.parametrize("first_bold, second, ends", [
    (True, ("การศึกษาและพัฒนา", 75, False), True),  # a bold name, the paragraph explaining it
    (False, ("การศึกษาและพัฒนา", 75, True), True),  # regular, then bold
    (False, ("- จำนวนถนน", 75, False), False),  # a bullet in the same font: the text shows it
    (False, ("การศึกษา", 100, False), False),  # so does an indent
])
def test_a_change_of_font_in_a_cell_ends_its_paragraph(first_bold, second, ends):
    text, x, bold = second
    pen = Pen()
    pen.write("พัฒนาโครงสร้าง", x=75, y=680, bold=first_bold)
    pen.write(text, x=x, y=660, bold=bold)
    horizontal, vertical = _grid([72, 372], [700, 600])
    first, _ = rebuild_lines(pen.glyphs, horizontal, vertical, pen, PAGE_HEIGHT)
    assert first.ends_paragraph is ends


def test_a_change_of_font_outside_a_table_ends_nothing():
    pen = Pen()
    pen.write("ยุทธศาสตร์", x=75, y=680, bold=True)
    pen.write("การพัฒนา", x=75, y=660)
    assert [line.ends_paragraph for line in rebuild_lines(pen.glyphs, [], [], pen, PAGE_HEIGHT)] == [False, False]


def test_an_underline_does_not_make_a_cell():
    pen = Pen()
    pen.write("การพัฒนาเทศบาล", x=75, y=680)
    pen.write("ให้เป็นชุมชน", x=75, y=660)
    underline = [Rule(677, 75, 150)]  # under the first line's words only
    vertical = [Rule(60, 500, 700)]
    assert pen.texts(rules=underline, vertical=vertical) == ["การพัฒนาเทศบาล", "ให้เป็นชุมชน"]


def test_collinear_rule_pieces_merge_into_one_rule():
    pieces = [Rule(514.0, 84.7, 111.0), Rule(514.05, 111.0, 111.5), Rule(514.0, 111.5, 210.2),
              Rule(495.3, 84.7, 111.0)]
    assert merge_rules(pieces) == [Rule(495.3, 84.7, 111.0), Rule(514.0, 84.7, 210.2)]
