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
    GOAL = "goal"  # เป้าประสงค์: the plan's, or a strategy's inside one
    PLAN_GOAL = "plan_goal"  # always the plan's (เป้าประสงค์สูงสุด, เป้าประสงค์รวม)
    AIM = "aim"  # เป้าหมาย: goals only where no goal list stands at the same level
    PLAN_AIM = "plan_aim"  # always the plan's (จุดมุ่งหมายเพื่อการพัฒนา, เป้าหมายสูงสุด)
    STRATEGY = "strategy"
    PROVINCE_STRATEGY = "province_strategy"  # the plan's own only in a province's plan
    PROVINCE_PLAN = "province_plan"  # a province's plan named: its title, or a citation
    GUIDELINE = "guideline"
    INDICATOR = "indicator"
    TACTIC = "tactic"
    GROUP = "group"  # a row that groups strategies (มิติ): not a strategy itself
    OTHER = "other"  # a section the schema does not hold, inside the current strategy
    CLOSE = "close"  # a section that ends the plan part it stands in
    CITED = "cited"  # another body's plan, cited: its lists are not this plan's


GOAL_SECTIONS = frozenset({Section.GOAL, Section.PLAN_GOAL, Section.AIM, Section.PLAN_AIM})
# Sections whose items the schema holds, in a list.
LIST_SECTIONS = GOAL_SECTIONS | {
    Section.MISSION, Section.STRATEGY, Section.PROVINCE_STRATEGY,
    Section.GUIDELINE, Section.INDICATOR, Section.TACTIC}
# Lists that hang under a strategy.
CHILD_SECTIONS = frozenset({Section.GUIDELINE, Section.GOAL, Section.AIM, Section.INDICATOR,
                            Section.TACTIC})
# Sections whose lines go nowhere.
IGNORED_SECTIONS = frozenset({Section.OTHER, Section.CLOSE, Section.CITED})


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


def _alternation(patterns: tuple[str, ...] | list[str]) -> str:
    return "|".join(f"(?:{pattern})" for pattern in patterns)


# Heading words, longest variant first (the first that matches at a line start wins).
HEADINGS: tuple[tuple[str, Section], ...] = tuple(
    (pattern, Section(name)) for name, pattern in _TABLES["headings"]
)
QUALIFIERS = tuple(" ".join(row) for row in _TABLES["qualifiers"])
LEAD_IN_VERBS = "|".join(_column("lead_in_verbs"))
LEAD_IN_UNITS = "|".join(_column("lead_in_units"))
LEAD_IN_CLOSERS = "|".join(_column("lead_in_closers"))
EXAMPLE_MARKERS = "|".join(_column("example_markers"))
ORGANIZATION_KINDS: tuple[tuple[str, str], ...] = tuple(
    (pattern, kind) for pattern, kind in _TABLES["organization_kinds"]
)
NAME_ENDINGS = _column("name_endings")
ENUMERATION_HEAD_WORDS = _column("enumeration_head_words")
PROSE_RESUMES = _column("prose_resumes")
LIST_CONJUNCTIONS = _column("list_conjunctions")

# Kinds whose name is the kind itself: nothing follows.
NAME_IS_KIND = frozenset({"กรุงเทพมหานคร", "เมืองพัทยา"})
# Words before an organisation's name that say the plan is its own.
OWNER_CONTEXT = r"(?:แผน\S*|วิสัยทัศน์|พันธกิจ|ยุทธศาสตร์\S*|ของ)\s*$"

THAI = "\u0e01-\u0e4e"
# Quotation marks around a vision statement.
QUOTES = "\"“”‘’'«»"

# ------------------------------------------------------------------ numbering labels

# Numbering labels at the start of a line, most specific first: (style, pattern, weak).
# ``weak`` labels (a bare number, "๒ บริหาร...") count only where they go on with a list.
LABELS: tuple[tuple[str, str, bool], ...] = (
    # (1) (๑)
    ("paren", r"\((?P<number>\d{1,4})\)", False),
    # 1.1 1.1.1 and 1.1. (several levels, trailing dot optional)
    ("dotted", r"(?P<number>\d{1,4}(?:\.\d{1,3})+)\.?(?!\d)", False),
    # 1. ๕.เสริม (one level, a dot, no digit after it)
    ("dotted", r"(?P<number>\d{1,4})\.(?!\d)", False),
    # 1)
    ("rparen", r"(?P<number>\d{1,4})\)", False),
    # ๒ บริหาร... : a bare number followed by Thai text
    ("bare", r"(?P<number>\d{1,2})(?=\s+[\u0e01-\u0e4e])", True),
)
# Bullets, by the list they make: glyphs of one row are one style of bullet. Control
# characters stand for a bullet glyph a converter could not map (U+009F in Word exports).
BULLETS: tuple[tuple[str, str], ...] = (
    ("dash", "-–—−"),
    ("dot", "•●∙⦁"),
    ("middot", "·"),
    ("circle", "○◦❍"),
    ("square", "▪■□▫◆◇❖"),
    ("arrow", "➢➤►▶>→"),
    ("check", "✓✔√"),
    ("star", "*"),
    ("control", "\x80-\x9f"),
)
_BULLET_CLASS = "".join(glyphs for _, glyphs in BULLETS)
# A label ends before a space, Thai, a quote or a bracket, or at the end of the line.
_LABEL_END = f"(?=\\s|[{THAI}\"“(A-Za-z]|$)"
LABEL_PATTERNS = tuple(
    (style, re.compile(pattern + _LABEL_END), weak) for style, pattern, weak in LABELS
)
BULLET_PATTERN = re.compile(f"(?P<glyph>[{_BULLET_CLASS}])(?![{_BULLET_CLASS}\\d])")
_BULLET_STYLES = tuple((style, re.compile(f"[{glyphs}]")) for style, glyphs in BULLETS)


def bullet_style(glyph: str) -> str:
    """The style of list a bullet glyph makes (its row of ``BULLETS``)."""
    return next(style for style, pattern in _BULLET_STYLES if pattern.fullmatch(glyph))


# Where any label could start: one test that most lines fail, before trying each label.
LABEL_START_PATTERN = re.compile(f"[\\d(]|[{_BULLET_CLASS}]")
# A rule line: footnotes follow it.
RULE_PATTERN = re.compile(r"^\s*(?:[_＿]{4,}|[-–—]{8,}|\*{3,}|={4,})\s*$")

# ----------------------------------------------------------------------- headings

HEADING_PATTERN = re.compile(
    "|".join(f"(?P<h{index}>{pattern})" for index, (pattern, _) in enumerate(HEADINGS))
)
_HEADING_SECTIONS = tuple(section for _, section in HEADINGS)


def section_of(heading: re.Match[str]) -> Section:
    """The section named by a match of ``HEADING_PATTERN`` (its group is h<row>)."""
    return _HEADING_SECTIONS[int(heading.lastgroup[1:])] if heading.lastgroup else _HEADING_SECTIONS[0]


HEADING_PREFIX_PATTERN = re.compile(_alternation(_column("heading_prefixes")))
QUALIFIER_PATTERN = re.compile(rf"\s*(?:{_alternation(QUALIFIERS)})\s*")
REFERENCE_PATTERN = re.compile(_alternation(_column("reference_words")))
# Only the headings of lists: a text without one holds no list to anchor.
LIST_HEADING_PATTERN = re.compile(
    _alternation([pattern for pattern, section in HEADINGS if section in LIST_SECTIONS]))
VISION_PATTERN = re.compile(_alternation([p for p, s in HEADINGS if s is Section.VISION]))
# "ยุทธศาสตร์ที่ 1 :", "พันธกิจที่ 2", "ประเด็นการพัฒนา 1 :" after a heading word.
# Not a reference to several ("ยุทธศาสตร์ที่ 1, 2 และ 3", "ยุทธศาสตร์ที่ 1-3").
ORDINAL_PATTERN = re.compile(
    r"\s*(?:ที่\s*(?P<number>\d{1,3}(?:\.\d{1,3})*)|\s(?P<bare>\d{1,2})(?=\s*[:.)]))"
    r"(?!\s*(?:[,/]|และ|ถึง|[-–])\s*\d)"
    r"\s*[:.)\-–]?\s*"
)
# Where a strategy's description starts after its name (contract decision 8).
DESCRIPTION_PATTERN = re.compile(r"\s(?:" + _alternation(_column("description_starts")) + ")")

# ----------------------------------------------------------------------- lead-ins

LEAD_IN_PATTERN = re.compile(
    rf"(?P<verb>{LEAD_IN_VERBS})?\s*(?:ทั้ง)?\s*(?P<count>\d{{1,2}})?\s*"
    rf"(?:(?P<unit>{LEAD_IN_UNITS})(?:สำคัญ|หลัก|ย่อย)?)?\s*"
    rf"(?:ทั้งหมด|ทั้งสิ้น)?\s*(?P<closer>{LEAD_IN_CLOSERS}|{EXAMPLE_MARKERS})?\s*[:：]?\s*$"
)
EXAMPLE_PATTERN = re.compile(rf"(?:{EXAMPLE_MARKERS})\s*[:：]?\s*$")
# Words that join the last item of an inline list ("… และการยกระดับ…").
CONJUNCTION_PATTERN = re.compile(rf"(?:{_alternation(LIST_CONJUNCTIONS)})\s*")
PROSE_RESUMES_PATTERN = re.compile(r"\s(?:" + "|".join(PROSE_RESUMES) + ")")
SENTENCE_OPENER_PATTERN = re.compile(_alternation(_column("sentence_openers")))
# A line that holds only header cells of a table, split at "/" and spaces.
CELL_HEADER_PATTERN = re.compile(
    r"\s*(?:(?:" + _alternation(_column("cell_headers")) + r")\s*/?\s*)+$")

# -------------------------------------------------------------------------- prose

# A vision in a sentence: its word, up to a hundred characters of the sentence, then a
# word that introduces the statement right before it (quoted, or up to a prose resumer).
PROSE_VISION_LEAD = re.compile(
    r"[^“\"”\n]{0,100}?(?:" + _alternation(_column("prose_vision")) + r")\s*")
PROSE_GOAL_PATTERN = re.compile(_alternation(_column("prose_goal")))
QUOTED_PATTERN = re.compile(r"[\"“”«]\s*(?P<text>[^\"“”«»]{4,}?)\s*[\"”“»]")
# A digit glued to the end of a word is a footnote marker, unless an ordinal word stands
# before it ("ครั้งที่1"); so is a "*" there (contract decision 12).
FOOTNOTE_MARKER_PATTERN = re.compile(
    f"(?<=[{THAI}a-z)])" + "".join(f"(?<!{word})" for word in _column("ordinal_words"))
    + rf"(?:\d{{1,2}}|\*+)(?![\d.,/:%-])(?=\s|$|[,;)]|[{THAI}])")

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
    r"^\(?\s*(?:แผน\S*\s*)?\(?\s*(?:ปี|พ\.?\s?ศ\.?|ปีงบประมาณ)?\s*"
    r"(?:25|20)\d{2}\s*(?:[-–—]|ถึง)\s*(?:พ\.?\s?ศ\.?\s*)?(?:25|20)?\d{2}\s*\)?$"
)
QUOTED_PATTERN = re.compile(r"[\"“”«]\s*(?P<text>[^\"“”«»]{4,}?)\s*[\"”“»]")
