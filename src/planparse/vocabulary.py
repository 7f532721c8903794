"""The words of Thai development plans, as data: headings, qualifiers, lead-ins, labels.

A domain expert extends planparse here, not in the parser: add a heading variant to
``HEADINGS``, a word that may follow a heading without being content to ``QUALIFIERS``,
an organisation kind to ``ORGANIZATION_KINDS``. Everything is compiled once, on import.

The terms cover both generations of the Interior Ministry's rules for local plans
(แผนยุทธศาสตร์การพัฒนา with จุดมุ่งหมายเพื่อการพัฒนา; แผนพัฒนาท้องถิ่น with
ยุทธศาสตร์ / เป้าประสงค์ / ตัวชี้วัด / ค่าเป้าหมาย / กลยุทธ์) and of provincial plans
(ประเด็นยุทธศาสตร์, เป้าประสงค์รวม). Text reaching these patterns is already normalised:
Arabic digits, plain spaces.
"""

from __future__ import annotations

import re
from enum import Enum


class Section(Enum):
    """What a heading opens; the assembler decides where its items go."""

    VISION = "vision"
    MISSION = "mission"
    GOAL = "goal"  # plan-level before any strategy, a strategy's goal inside one
    PLAN_GOAL = "plan_goal"  # always plan-level (เป้าประสงค์สูงสุด, จุดมุ่งหมาย...)
    STRATEGY = "strategy"
    PROVINCE_STRATEGY = "province_strategy"  # the plan's own only in a province's plan
    PROVINCE_PLAN = "province_plan"  # a province's plan named: its title, or a citation
    GUIDELINE = "guideline"
    INDICATOR = "indicator"
    TACTIC = "tactic"
    OTHER = "other"  # a section the schema does not hold, inside the current strategy
    CLOSE = "close"  # a section that ends the strategy part of the document
    CITED = "cited"  # another body's plan, cited: its strategies are not this plan's


# Heading words, longest variant first (the first that matches at a line start wins).
# Each pattern is matched after the numbering label, at the start of the line.
HEADINGS: tuple[tuple[str, Section], ...] = (
    ("วิสัยทัศน์", Section.VISION),
    ("พันธกิจ(?:หลัก|ย่อย)?", Section.MISSION),
    # Plan-level aims: the old rules' จุดมุ่งหมาย, a province's เป้าประสงค์รวม.
    ("จุดมุ่งหมาย(?:เพื่อการพัฒนา|การพัฒนา)?", Section.PLAN_GOAL),
    ("เป้าประสงค์(?:สูงสุด|รวม|ภาพรวม)", Section.PLAN_GOAL),
    ("เป้าประสงค์(?:เชิงยุทธศาสตร์|หลัก|ระดับยุทธศาสตร์)?", Section.GOAL),
    # Other bodies' plans cited in a local plan: never the plan's own strategies.
    ("ยุทธศาสตร์ชาติ", Section.CITED),
    ("ยุทธศาสตร์(?:การพัฒนา)?(?:ของ)?(?:องค์กรปกครองส่วนท้องถิ่น|อปท\\.?)ในเขตจังหวัด", Section.CITED),
    # The province's name after จังหวัด is read as an organisation, so only look ahead.
    ("ยุทธศาสตร์(?:การพัฒนา)?(?=(?:กลุ่ม)?จังหวัด)", Section.PROVINCE_STRATEGY),
    ("ประเด็นยุทธศาสตร์(?:การพัฒนา)?", Section.STRATEGY),
    ("ประเด็น(?:การพัฒนา|ยุทธศาสตร์)", Section.STRATEGY),
    ("ยุทธศาสตร์(?:การพัฒนา)?", Section.STRATEGY),
    ("แนวทางการพัฒนา|แนวทาง(?=ที่|\\s*$|\\s*:)", Section.GUIDELINE),
    ("ตัวชี้วัด(?:ความสำเร็จ|ระดับเป้าประสงค์|ระดับยุทธศาสตร์|และค่าเป้าหมาย|ผลสำเร็จ)?", Section.INDICATOR),
    ("KPIs?(?=\\s|$|:)", Section.INDICATOR),
    ("กลยุทธ์", Section.TACTIC),
    # Sections the schema does not hold yet: they close the list above them.
    ("ค่าเป้าหมาย|เป้าหมาย(?:การพัฒนา)?(?=\\s*$|\\s*:)", Section.OTHER),
    ("แผนงาน|โครงการ|ผลผลิต|ผลลัพธ์|ผลที่คาดว่าจะได้รับ", Section.OTHER),
    ("หน่วยงาน(?:ที่)?รับผิดชอบ(?:หลัก)?|หน่วยงานสนับสนุน|งบประมาณ|วัตถุประสงค์", Section.OTHER),
    ("จุดยืนทางยุทธศาสตร์|ความเชื่อมโยง|ความสอดคล้อง", Section.OTHER),
    ("มาตรการ", Section.OTHER),
    ("ค่านิยม|คำขวัญ|จุดแข็ง|จุดอ่อน|โอกาส|อุปสรรค|SWOT|การวิเคราะห์", Section.CLOSE),
    ("ภารกิจ|สภาพทั่วไป|ข้อมูลพื้นฐาน|ข้อมูลทั่วไป|ปัญหาและความต้องการ", Section.CLOSE),
    ("ส่วนที่\\s*\\d+|บทที่\\s*\\d+", Section.CLOSE),
    # Lists that are not plan content: steps of a process, who took part.
    ("ขั้นตอน|กระบวนการ|ผู้เข้าร่วม|รายชื่อ|องค์ประกอบของ|หลักเกณฑ์|ระเบียบ", Section.CLOSE),
    # Other plans cited in a local plan.
    ("แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ|แผนแม่บท|แผนพัฒนาภาค|แผนพัฒนากลุ่มจังหวัด", Section.CITED),
    ("แผนพัฒนา(?=จังหวัด)", Section.PROVINCE_PLAN),
    ("นโยบาย(?:ของ)?(?:รัฐบาล|ผู้บริหาร|นายก)|Thailand\\s*4\\.0", Section.CITED),
    ("เป้าหมายการพัฒนาที่ยั่งยืน|SDGs?", Section.CITED),
)

# Words that may stand after a heading word without being content: the heading of a
# combined section ("วิสัยทัศน์/พันธกิจ"), whose plan it is ("ของเทศบาลนครภูเก็ต"),
# the plan's years, an English gloss. A heading followed only by these opens a section.
QUALIFIERS: tuple[str, ...] = (
    r"และ|หรือ|/|,|&|-|–|:|\.|\(|\)|ฯ",
    r"ของ|ใน|ที่?|ตาม|สำหรับ|เพื่อ(?=การพัฒนา)",  # ที: ที่ whose tone mark the PDF lost
    r"การพัฒนา(?:ท้องถิ่น|ชุมชน|ตำบล|เมือง|จังหวัด)?|ท้องถิ่น|ระดับ(?:ท้องถิ่น|จังหวัด|ตำบล)",
    r"องค์กรปกครองส่วนท้องถิ่น|อปท\.?|หลัก|ย่อย|รวม|ทั้งหมด|ทั้งสิ้น|ภายใต้",
    r"กลุ่มจังหวัด\S*(?:\s*\d{1,2}(?!\S))?",
    r"(?:แผน)?(?:ยุทธศาสตร์|พัฒนา)(?:การพัฒนา)?(?:ท้องถิ่น|สี่ปี|ห้าปี|สามปี)?",
    r"(?:พ\.?\s?ศ\.?|ปี(?:งบประมาณ)?|ค\.?\s?ศ\.?)\s*\d{4}(?:\s*[-–—]\s*\d{2,4})?",
    r"\d+\s*ปี",
    r"(?:(?:25|20)\d{2}\s*){2,}",  # the year columns of a table: 2566 2567 2568
    r"ฉบับที่\s*\d+|ระยะ\s*\d+\s*ปี|\(?ต่อ\)?",
    r"[A-Za-z][A-Za-z ]*",
)

# A lead-in closing a title or a sentence: "ประกอบด้วย 6 แนวทางการพัฒนา ดังนี้",
# "มีแนวทางการพัฒนา ดังนี้", "แบ่งเป็น 8 ยุทธศาสตร์ ดังนี้", "ดังนี้". ``unit`` names the
# list that follows, ``count`` its declared length.
LEAD_IN_VERBS = (
    "ซึ่งประกอบด้วย|ประกอบด้วย|ประกอบไปด้วย|แบ่งออกเป็น|แบ่งเป็น|ได้แก่|กำหนดไว้|"
    "มีทั้งหมด|มีจำนวน|จำนวน|โดยมี|มี"
)
# The unit is looked up in ``HEADINGS`` to learn which list it announces.
LEAD_IN_UNITS = (
    "ประเด็นยุทธศาสตร์|ยุทธศาสตร์|แนวทางการพัฒนา|แนวทาง|พันธกิจ|เป้าประสงค์(?:เชิงยุทธศาสตร์)?|"
    "ตัวชี้วัด|กลยุทธ์|ด้าน|ข้อ|ประการ|ประเด็น|เรื่อง"
)
# "ดังนี" is "ดังนี้" whose tone mark a PDF extraction lost.
LEAD_IN_CLOSERS = "ดังต่อไปนี้|ดังนี้?|คือ|ได้แก่|ประกอบด้วย|ประกอบไปด้วย"

# The words of ``ORGANIZATION_KINDS`` as written in full, and their short forms.
ORGANIZATION_KINDS: tuple[tuple[str, str], ...] = (
    ("องค์การบริหารส่วนจังหวัด", "องค์การบริหารส่วนจังหวัด"),
    ("องค์การบริหารส่วนตำบล", "องค์การบริหารส่วนตำบล"),
    ("เทศบาลนคร", "เทศบาลนคร"),
    ("เทศบาลเมือง", "เทศบาลเมือง"),
    ("เทศบาลตำบล", "เทศบาลตำบล"),
    ("กรุงเทพมหานคร", "กรุงเทพมหานคร"),
    ("เมืองพัทยา", "เมืองพัทยา"),
    ("อบจ\\.", "องค์การบริหารส่วนจังหวัด"),
    ("อบต\\.", "องค์การบริหารส่วนตำบล"),
    ("ทน\\.", "เทศบาลนคร"),
    ("ทม\\.", "เทศบาลเมือง"),
    ("ทต\\.", "เทศบาลตำบล"),
    ("จังหวัด", "จังหวัด"),
)
# Kinds whose name is the kind itself: nothing follows.
NAME_IS_KIND = frozenset({"กรุงเทพมหานคร", "เมืองพัทยา"})
# Words that end a place name written without a space before them
# ("เทศบาลนครภูเก็ตให้ประชาชน..."): function words and the next level of address.
NAME_ENDINGS = (
    "ให้", "ได้", "ซึ่ง", "และ", "จะ", "เป็น", "โดย", "ตาม", "เพื่อ", "ร่วม", "ทั้ง", "ประจำ",
    "ดังนี้", "อำเภอ", "จังหวัด", "นั้น", "ว่า", "คือ", "จึง", "ยัง", "ต้อง", "กับ", "แก่",
    "แล้ว", "สู่", "ปีละ", "ปีงบประมาณ", "ประกอบด้วย", "มีการ", "มีความ", "ที่มี", "ที่ได้",
)
# Words before an organisation's name that say the plan is its own.
OWNER_CONTEXT = r"(?:แผน\S*|วิสัยทัศน์|พันธกิจ|ยุทธศาสตร์\S*|ของ)\s*$"

# Numbering labels at the start of a line, most specific first. ``weak`` labels (a bare
# number, "๒ บริหาร...") count only when they continue the list's sequence.
LABELS: tuple[tuple[str, str, bool], ...] = (
    # (1) (๑)
    ("paren", r"\((?P<number>\d{1,3})\)", False),
    # 1.1 1.1.1 and 1.1. (several levels, trailing dot optional)
    ("dotted", r"(?P<number>\d{1,3}(?:\.\d{1,3})+)\.?(?!\d)", False),
    # 1. ๕.เสริม (one level, a dot, no digit after it)
    ("dotted", r"(?P<number>\d{1,3})\.(?!\d)", False),
    # 1)
    ("paren", r"(?P<number>\d{1,3})\)", False),
    # bullets of every shape
    ("bullet", r"[-–—•●○◦▪■□➢➤►✓✔*]", False),
    # ๒ บริหาร... : a bare number followed by Thai text
    ("bare", r"(?P<number>\d{1,2})(?=\s+[\u0e01-\u0e4e])", True),
)

# Words that start every item of a list written without numbers ("ได้แก่ ด้านการศึกษา
# ด้านสาธารณสุข และด้านเศรษฐกิจ"): a repeated head word is evidence of the split.
ENUMERATION_HEAD_WORDS = (
    "ประเด็นยุทธศาสตร์", "ยุทธศาสตร์", "ประเด็นการพัฒนา", "ด้าน", "พันธกิจ", "เป้าประสงค์",
    "แนวทาง", "กลยุทธ์", "การพัฒนา", "การส่งเสริม", "ส่งเสริม", "พัฒนา", "เสริมสร้าง",
)
# Words that, after a space, resume the prose once a list inside a sentence is over
# ("... 9. ยุทธศาสตร์ส่งเสริม ... อัตลักษณ์ โดยเป้าหมายของทุกยุทธศาสตร์ ...").
PROSE_RESUMES = (
    "โดย", "ซึ่ง", "ทั้งนี้", "นอกจากนี้", "นอกจากนั้น", "เพื่อให้", "ทำให้", "อย่างไรก็ตาม",
    "ดังนั้น", "จึง", "และยัง", "ส่วน", "สำหรับ", "ที่ผ่านมา", "เป็นต้น", "ฯลฯ", "ในการนี้",
    "อันจะ", "รวมถึง", "ตลอดจน", "ทั้งหมดนี้", "ทั้งนี้", "เช่น", "กล่าวคือ",
)

# Quotation marks around a vision statement.
QUOTES = "\"“”‘’'«»"


def _alternation(patterns: tuple[str, ...] | list[str]) -> str:
    return "|".join(f"(?:{pattern})" for pattern in patterns)


HEADING_PATTERN = re.compile(
    "|".join(f"(?P<h{index}>{pattern})" for index, (pattern, _) in enumerate(HEADINGS))
)
HEADING_SECTIONS = tuple(section for _, section in HEADINGS)
QUALIFIER_PATTERN = re.compile(rf"\s*(?:{_alternation(QUALIFIERS)})\s*")
LABEL_PATTERNS = tuple(
    (style, re.compile(rf"(?:{pattern})(?=\s|[\u0e01-\u0e4e\"“(]|$)"), weak)
    for style, pattern, weak in LABELS
)
# "ยุทธศาสตร์ที่ 1 :", "พันธกิจที่ 2", "ประเด็นยุทธศาสตร์ที่ 3." after a heading word.
# Not a reference to several ("ยุทธศาสตร์ที่ 1, 2 และ 3", "ยุทธศาสตร์ที่ 1-3").
ORDINAL_PATTERN = re.compile(
    r"\s*ที่\s*(?P<number>\d{1,3}(?:\.\d{1,3})*)(?!\s*(?:[,/]|และ|ถึง|[-–])\s*\d)"
    r"\s*[:.)\-–]?\s*"
)
# What may stand between วิสัยทัศน์ and a quoted statement in prose: the words of the
# sentence, then a separator right before the quotation ("... คือ “", "ที่ว่า “").
PROSE_VISION_PATTERN = re.compile(r"[^“\"]{0,100}?(?:คือ|ว่า|:)\s*(?=[“\"])")
LEAD_IN_PATTERN = re.compile(
    rf"(?P<verb>{LEAD_IN_VERBS})?\s*(?:ทั้ง)?\s*(?P<count>\d{{1,2}})?\s*"
    rf"(?P<unit>{LEAD_IN_UNITS})?\s*"
    rf"(?:ทั้งหมด|ทั้งสิ้น)?\s*(?P<closer>{LEAD_IN_CLOSERS})?\s*[:：]?\s*$"
)
ORGANIZATION_PATTERN = re.compile(
    "(?P<kind>" + "|".join(pattern for pattern, _ in ORGANIZATION_KINDS) + ")"
    r"\s?(?P<name>[\u0e01-\u0e4e]*)"
)
ORGANIZATION_KIND_OF = tuple(
    (re.compile(pattern), kind) for pattern, kind in ORGANIZATION_KINDS
)
OWNER_CONTEXT_PATTERN = re.compile(OWNER_CONTEXT)
# The years of a plan are named with it ("แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570)"), unless the
# plan named last is another body's ("ยุทธศาสตร์ชาติ 20 ปี (พ.ศ. 2561 - 2580)").
PLAN_CONTEXT_PATTERN = re.compile(r"แผน[^\n]{0,60}$|ปี\s*$|พ\.?\s?ศ\.?\s*$")
CITED_PLAN_PATTERN = re.compile(
    r"(?:ยุทธศาสตร์ชาติ|แผนแม่บท|แห่งชาติ|แผนการปฏิรูป|เป้าหมายการพัฒนาที่ยั่งยืน)[^\n]{0,40}$")
NAME_ENDING_PATTERN = re.compile("|".join(NAME_ENDINGS))
# A range of years: พ.ศ. 2561 - 2564, ปี 2556 - 2561, 2561-64, (2018-2022).
PERIOD_PATTERN = re.compile(
    r"(?P<start>(?:25|20)\d{2})\s*(?:[-–—]|ถึง)\s*(?:พ\.?\s?ศ\.?\s*|ปี\s*)?(?P<end>(?:25|20)\d{2}|\d{2})(?!\d)"
)
PERIOD_ONLY_PATTERN = re.compile(
    r"^\(?\s*(?:แผน\S*\s*)?(?:ปี|พ\.?\s?ศ\.?|ปีงบประมาณ)?\s*"
    r"(?:25|20)\d{2}\s*(?:[-–—]|ถึง)\s*(?:พ\.?\s?ศ\.?\s*)?(?:25|20)?\d{2}\s*\)?$"
)
QUOTED_PATTERN = re.compile(r"[\"“”«]\s*(?P<text>[^\"“”«»]{4,}?)\s*[\"”“»]")
