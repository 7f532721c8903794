"""The words of Thai development plans and the shapes of their numbering, compiled once.

The words themselves are data in ``vocabulary.txt`` beside this module, where a domain
expert extends them without touching code: heading variants and the section each opens,
the qualifiers that may follow a heading, lead-in words, organisation kinds, the words
that end a place name or resume prose after a list. This module reads those tables and
compiles them with the structural patterns (numbering labels, ordinals, years, quotes),
each commented with why it exists. Text reaching these patterns is already normalised:
Arabic digits, plain spaces.
"""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path


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


# Sections whose heading word, numbered, makes an item ("ยุทธศาสตร์ที่ 1 : ..."); they
# are also the sections that hold a list, which may be written inside a sentence.
LIST_SECTIONS = frozenset(
    {Section.MISSION, Section.GOAL, Section.PLAN_GOAL, Section.STRATEGY,
     Section.PROVINCE_STRATEGY, Section.GUIDELINE, Section.INDICATOR, Section.TACTIC}
)
STRATEGY_SECTIONS = frozenset({Section.STRATEGY, Section.PROVINCE_STRATEGY})
# Lists that hang under a strategy.
CHILD_SECTIONS = frozenset({Section.GUIDELINE, Section.GOAL, Section.INDICATOR, Section.TACTIC})


def _read_tables(path: Path) -> dict[str, list[list[str]]]:
    """The tables of ``vocabulary.txt``: rows of one pattern, or of a name and a pattern."""
    tables: dict[str, list[list[str]]] = {}
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            rows = tables.setdefault(line[1:-1], [])
        else:
            rows.append(line.split(None, 1))
    return tables


_TABLES = _read_tables(Path(__file__).with_name("vocabulary.txt"))


def _column(table: str) -> tuple[str, ...]:
    return tuple(row[0] for row in _TABLES[table])


# Heading words, longest variant first (the first that matches at a line start wins).
HEADINGS: tuple[tuple[str, Section], ...] = tuple(
    (pattern, Section(name)) for name, pattern in _TABLES["headings"]
)
QUALIFIERS = tuple(" ".join(row) for row in _TABLES["qualifiers"])
LEAD_IN_VERBS = "|".join(_column("lead_in_verbs"))
LEAD_IN_UNITS = "|".join(_column("lead_in_units"))
LEAD_IN_CLOSERS = "|".join(_column("lead_in_closers"))
ORGANIZATION_KINDS: tuple[tuple[str, str], ...] = tuple(
    (pattern, kind) for pattern, kind in _TABLES["organization_kinds"]
)
NAME_ENDINGS = _column("name_endings")
ENUMERATION_HEAD_WORDS = _column("enumeration_head_words")
PROSE_RESUMES = _column("prose_resumes")

# Kinds whose name is the kind itself: nothing follows.
NAME_IS_KIND = frozenset({"กรุงเทพมหานคร", "เมืองพัทยา"})
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

# Quotation marks around a vision statement.
QUOTES = "\"“”‘’'«»"


def _alternation(patterns: tuple[str, ...] | list[str]) -> str:
    return "|".join(f"(?:{pattern})" for pattern in patterns)


HEADING_PATTERN = re.compile(
    "|".join(f"(?P<h{index}>{pattern})" for index, (pattern, _) in enumerate(HEADINGS))
)
_HEADING_SECTIONS = tuple(section for _, section in HEADINGS)
# Only the headings of lists: a text without one holds no list to anchor. Searching for
# these alone is thirty times cheaper than finding every heading word.
LIST_HEADING_PATTERN = re.compile(
    _alternation([pattern for pattern, section in HEADINGS if section in LIST_SECTIONS]))
# The vision's heading words alone, for finding a vision quoted in prose without trying
# every heading word at every position of every paragraph.
VISION_PATTERN = re.compile("|".join(pattern for pattern, section in HEADINGS if section is Section.VISION))


def section_of(heading: re.Match[str]) -> Section:
    """The section named by a match of ``HEADING_PATTERN`` (its group is h<row>)."""
    return _HEADING_SECTIONS[int(heading.lastgroup[1:])] if heading.lastgroup else _HEADING_SECTIONS[0]

QUALIFIER_PATTERN = re.compile(rf"\s*(?:{_alternation(QUALIFIERS)})\s*")
LABEL_PATTERNS = tuple(
    (style, re.compile(rf"(?:{pattern})(?=\s|[\u0e01-\u0e4e\"“(]|$)"), weak)
    for style, pattern, weak in LABELS
)
# Where any label could start: one test that most lines fail, before trying each label.
LABEL_START_PATTERN = re.compile(
    _alternation([pattern.replace("(?P<number>", "(") for _, pattern, _ in LABELS]))
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

# How ``planparse show`` heads each field of a document (views.py).
DISPLAY_HEADINGS: dict[str, str] = {field: heading for field, heading in _TABLES["display_headings"]}
