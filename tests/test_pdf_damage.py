"""Thai PDF damage mended where the dictionary agrees, and never a Thai letter dropped."""

from __future__ import annotations

import pytest

import planparse
from planparse.normalize import join_letter_spacing, normalize_line, rejoin_spaced_marks, repair_sara_am
from conftest import lines

SARA_AM = [
    ("เทศบาลต าบลหางดง", "เทศบาลตำบลหางดง"),
    ("การก าหนดวิสัยทัศน์", "การกำหนดวิสัยทัศน์"),
    ("จ านวนประชากร", "จำนวนประชากร"),
    ("ต ารวจภูธร", "ตำรวจภูธร"),
    ("น้ าประปา", "น้ำประปา"),
    ("จัดท า ขึ้น", "จัดทำ ขึ้น"),
    ("ของเทศบาลต าบลหางดง    จัดท าขึ้น", "ของเทศบาลตำบลหางดง    จัดทำขึ้น"),  # two in a line
    ("การประชุม าน", "การประชุม าน"),  # the dictionary does not agree: left as it was
]


@pytest.mark.parametrize("damaged, mended", SARA_AM)
def test_sara_am_split_into_space_and_sara_aa(damaged, mended):
    assert repair_sara_am(damaged) == mended


LETTER_SPACED = [
    ("ก า ร ส นั บ ส นุ น", "การสนับสนุน"),
    ("ใ ช้ ใ น ก า ร บ ริ ห า ร จั ด ก า ร", "ใช้ในการบริหารจัดการ"),
    ("เต รีย ม ค ว า ม พ ร้อ ม", "เตรียมความพร้อม"),
    ("ก ข ค ง จ", "ก ข ค ง จ"),  # letters that make no words stay apart
    ("ทั้ง ใน และ นอก เขต", "ทั้ง ใน และ นอก เขต"),  # real words with real spaces
]


@pytest.mark.parametrize("damaged, mended", LETTER_SPACED)
def test_letter_spaced_justified_text(damaged, mended):
    assert join_letter_spacing(damaged) == mended


@pytest.mark.parametrize("damaged, mended", [("ที ่ดิน", "ที่ดิน"), ("พื ้นฐาน", "พื้นฐาน")])
def test_marks_pushed_off_by_a_space(damaged, mended):
    assert rejoin_spaced_marks(damaged) == mended


@pytest.mark.parametrize("damaged, mended", [("กํา", "กำ"), ("เเผน", "แผน"), ("ก่ิ", "กิ่")])
def test_sara_am_as_nikhahit_and_leading_vowel_order(damaged, mended):
    assert normalize_line(damaged) == mended


def test_marks_stranded_on_their_own_line():
    document = planparse.parse(lines(
        "ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื",
        "",
        "้นฐาน",
        "แนวทางการพัฒนา",
        "1. ก่อสร้างถนนและท่อระบายน",
        "้ำ",
    ))
    [strategy] = document.strategies
    assert strategy.title == "ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน"
    assert (strategy.span.start_line, strategy.span.end_line) == (1, 3)
    assert strategy.guidelines[0].text == "ก่อสร้างถนนและท่อระบายน้ำ"


def test_a_damaged_plan_reads_as_the_clean_one():
    clean = lines("วิสัยทัศน์", "“ตำบลน่าอยู่ ก้าวไกลทางเศรษฐกิจ”", "พันธกิจ",
                  "1. การพัฒนาด้านสาธารณูปโภคขั้นพื้นฐาน", "2. การกำหนดนโยบายด้านการบริหารงาน")
    damaged = lines("วิสัยทัศน์", "“ต าบลน่าอยู่ ก้าวไกลทางเศรษฐกิจ”", "พันธกิจ",
                    "1. การพัฒนาด้านสาธารณูปโภคขั", "้นพื", "้นฐาน", "2. ก า ร ก า ห น ด น โ ย บ า ย ด้ า น ก า ร บ ริ ห า ร ง า น")
    assert planparse.parse(damaged).model_dump(exclude={"source"}, mode="json")["missions"][0]["text"] == \
        planparse.parse(clean).missions[0].text
    assert planparse.parse(damaged).vision.text == planparse.parse(clean).vision.text


def test_cid_escapes_are_kept_with_a_warning():
    document = planparse.parse(lines("วิสัยทัศน์", "“เมือง(cid:3)น่าอยู่”", "พันธกิจ", "1. พัฒนา(cid:41)การศึกษา"))
    assert document.vision.text == "เมือง(cid:3)น่าอยู่"
    [warning] = document.warnings
    assert warning.code == "CID_GLYPHS"
    assert (warning.span.start_line, warning.span.end_line) == (2, 4)
