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
from typing import Any


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
    SUB = "sub"  # a third level under the list above (กลยุทธ์ย่อย): no place in the schema
    # มาตรการ, แผนย่อย: the plan's strategies where nothing stands above them, else OTHER
    MEASURE = "measure"


GOAL_SECTIONS = frozenset({Section.GOAL, Section.PLAN_GOAL, Section.AIM, Section.PLAN_AIM})
# Sections whose items the schema holds, in a list.
LIST_SECTIONS = GOAL_SECTIONS | {
    Section.MISSION, Section.STRATEGY, Section.PROVINCE_STRATEGY, Section.MEASURE,
    Section.GUIDELINE, Section.INDICATOR, Section.TACTIC}
# Lists that hang under a strategy.
CHILD_SECTIONS = frozenset({Section.GUIDELINE, Section.GOAL, Section.AIM, Section.INDICATOR,
                            Section.TACTIC})
# Sections whose lines go nowhere.
IGNORED_SECTIONS = frozenset({Section.OTHER, Section.CLOSE, Section.CITED, Section.SUB})


def _read_tables(path: Path) -> dict[str, list[list[str]]]:
    """The tables of ``vocabulary.txt``: rows of one pattern, or of a name and a pattern."""
    tables: dict[str, list[list[str]]] = {}
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            if line[1:-1] in tables:  # two tables of one name would silently merge
                raise ValueError(f"{path.name}: table [{line[1:-1]}] is declared twice")
            rows = tables.setdefault(line[1:-1], [])
        else:
            rows.append(line.split(None, 1))
    return tables


_TABLES = _read_tables(Path(__file__).with_name("vocabulary.txt"))


def _column(table: str) -> tuple[str, ...]:
    return tuple(row[0] for row in _TABLES[table])


def _alternation(patterns: tuple[str, ...] | list[str]) -> str:
    return "|".join(f"(?:{pattern})" for pattern in patterns)


def _words(table: str) -> str:
    """A table's patterns as one group of alternatives, in the table's order."""
    return f"(?:{_alternation(_column(table))})"


def _only(table: str) -> str:
    """The one row of a table that holds a single plain word: code uses it as written
    (joins it to text, measures it), not as one pattern among several."""
    [word] = _column(table)
    return word


# Heading words, longest variant first (the first that matches at a line start wins).
HEADINGS: tuple[tuple[str, Section], ...] = tuple(
    (pattern, Section(name)) for name, pattern in _TABLES["headings"]
)
QUALIFIERS = tuple(" ".join(row) for row in _TABLES["qualifiers"])
LEAD_IN_VERBS = "|".join(_column("lead_in_verbs"))
LEAD_IN_UNITS = "|".join(_column("lead_in_units"))
LEAD_IN_CLOSERS = "|".join(_column("lead_in_closers"))
EXAMPLE_MARKERS = "|".join(_column("example_markers"))
FIGURE_VERBS = frozenset(_column("figure_verbs"))
CONTENT_SEPARATORS = "|".join(_column("content_separators"))
ORGANIZATION_KINDS: tuple[tuple[str, str], ...] = tuple(
    (pattern, kind) for pattern, kind in _TABLES["organization_kinds"]
)
NAME_ENDINGS = _column("name_endings")
PROSE_RESUMES = _column("prose_resumes")
LIST_CONJUNCTIONS = _column("list_conjunctions")
CLAUSE_OPENER_PATTERN = re.compile(_words("clause_openers"))
ADDING_CONJUNCTIONS = _words("adding_conjunctions")
GLUED_CONJUNCTION = _only("glued_conjunction")
PROSE_LEAD_IN_WORDS = "|".join(_column("prose_lead_in_words"))
INTRODUCING_CLOSERS = _words("introducing_closers")
UNQUOTED_STATEMENT_OPENERS = _words("unquoted_statement_openers")

NAME_IS_KIND = frozenset(_column("name_is_kind"))
PROVINCE_KIND = _only("province_kind")
PART_WORDS = _words("part_words")
PAGE_WORDS = _words("page_words")
# The letters a page word starts with, in both cases, for a character class.
PAGE_WORD_STARTS = "".join(sorted({re.escape(case) for word in _column("page_words")
                                   for case in (word[0].lower(), word[0].upper())}))

THAI = "\u0e01-\u0e4e"
# Quotation marks around a vision statement.
QUOTES = "\"“”‘’'«»"

# ------------------------------------------------------------------ numbering labels

# Numbering labels at the start of a line, most specific first: (style, pattern, weak).
# ``weak`` labels (a bare number, "๒ บริหาร...") count only where they go on with a list.
LABELS: tuple[tuple[str, str, bool], ...] = (
    # (1) (๑)
    ("paren", r"\((?P<number>\d{1,4})\)", False),
    # 1.1 1.1.1 and 1.1. or 1.1) (several levels, a trailing dot or bracket optional)
    ("dotted", r"(?P<number>\d{1,4}(?:\.\d{1,3})+)[.)]?(?!\d)", False),
    # 1. ๕.เสริม (one level, a dot, no digit after it)
    ("dotted", r"(?P<number>\d{1,4})\.(?!\d)", False),
    # 1)
    ("rparen", r"(?P<number>\d{1,4})\)", False),
    # ก. ข. ค. (a consonant and a dot): lettered, so numbered by none (as a bullet is)
    ("letter", r"[\u0e01-\u0e2e]\.(?=\s)", False),
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
    ("arrow", "➢➤►▶>→➔"),
    ("check", "✓✔√"),
    ("star", "*"),
    ("control", "\x80-\x9f"),
)
_BULLET_CLASS = "".join(glyphs for _, glyphs in BULLETS)
# A label ends before a space, Thai, a quote or a bracket, or at the end of the line.
_LABEL_END = f"(?=\\s|[{THAI}\"“(A-Za-z]|$)"
# A number followed by one of these is an amount ("2.50 ล้านบาท"), not a label.
AMOUNT_PATTERN = re.compile(rf"\s*(?:{_alternation(_column('amount_units'))})(?=\s|$)")
# A line of amounts only ("2.50 ล้านบาท", "1,200 บาท 3,400 บาท"): a budget column's cells.
# (Each amount with its unit: no two ways to read a run of digits, so no backtracking.)
AMOUNTS_ONLY_PATTERN = re.compile(
    rf"\s*(?:\d[\d,]*(?:\.\d+)?\s*(?:{_alternation(_column('amount_units'))})(?:\s+|$))+$")
LABEL_PATTERNS = tuple(
    (style, re.compile(pattern + _LABEL_END), weak) for style, pattern, weak in LABELS
)
BULLET_PATTERN = re.compile(f"(?P<glyph>[{_BULLET_CLASS}])(?![{_BULLET_CLASS}\\d])")
_BULLET_STYLES = tuple((style, re.compile(f"[{glyphs}]")) for style, glyphs in BULLETS)


def bullet_style(glyph: str) -> str:
    """The style of list a bullet glyph makes (its row of ``BULLETS``)."""
    return next(style for style, pattern in _BULLET_STYLES if pattern.fullmatch(glyph))


# Where any label could start: one test that most lines fail, before trying each label.
LABEL_START_PATTERN = re.compile(f"[\\d(]|[{_BULLET_CLASS}]|[\u0e01-\u0e2e]\\.\\s")
# A rule line: footnotes follow it. A line of stars is not one: cabinet summaries set it
# between agenda items, and the next item's plan follows it.
RULE_PATTERN = re.compile(r"^\s*(?:[_＿]{4,}|[-–—]{8,}|={4,}|…{4,}|\.{12,})\s*$")

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
# Another body's plan named in a sentence: "ยุทธศาสตร์ชาติ มีวิสัยทัศน์ …" is that plan's.
CITED_PLAN_PATTERN = re.compile(_alternation([p for p, s in HEADINGS if s is Section.CITED]))
# The vision word as a person's quality: "ผู้บริหารที่มีวิสัยทัศน์".
VISION_AS_QUALITY_PATTERN = re.compile(_words("vision_as_quality") + r"\s?$")
# "ยุทธศาสตร์ที่ 1 :", "พันธกิจที่ 2", "ประเด็นการพัฒนา 1 :" after a heading word.
# Not a reference to several ("ยุทธศาสตร์ที่ 1, 2 และ 3", "ยุทธศาสตร์ที่ 1-3").
_HEADING_ORDINAL_WORD = _only("heading_ordinal")
HEADING_ORDINAL = re.escape(_HEADING_ORDINAL_WORD)
# The ordinal word as a PDF writes it when it loses the tone mark (ที่ as ที).
HEADING_ORDINAL_STEM = re.sub("[\u0e48-\u0e4b]", "", _HEADING_ORDINAL_WORD)
ORDINAL_PATTERN = re.compile(
    rf"\s*(?:{HEADING_ORDINAL}\s*(?P<number>\d{{1,3}}(?:\.\d{{1,3}})*)|\s(?P<bare>\d{{1,2}})(?=\s*(?:[:)]|\.(?!\d))))"
    rf"(?!\s*(?:[,/]|{_alternation(_column('ordinal_joiners'))}|[-–])\s*\d)"
    r"\s*[:.)\-–]?\s*"
)
# Where a strategy's description starts after its name (contract decision 8).
# Where a strategy's name ends and its description starts: in a list inside a sentence,
# and on the name's own line (where the joining words start one too).
INLINE_DESCRIPTION_PATTERN = re.compile(r"\s(?:" + _alternation(_column("description_starts")) + ")")
DESCRIPTION_PATTERN = re.compile(
    r"\s(?:" + _alternation(_column("description_starts") + _column("description_joiners")) + ")")

# ----------------------------------------------------------------------- lead-ins

LEAD_IN_COUNT_WORDS = "|".join(_column("lead_in_count_words"))
LEAD_IN_TOTALS = "|".join(_column("lead_in_totals"))
LEAD_IN_PATTERN = re.compile(
    rf"(?P<verb>{LEAD_IN_VERBS})?\s*(?:{LEAD_IN_COUNT_WORDS})?\s*(?P<count>\d{{1,2}})?\s*"
    rf"(?:(?P<unit>{LEAD_IN_UNITS}){_words('lead_in_unit_qualifiers')}?)?\s*"
    rf"(?:{LEAD_IN_TOTALS})?\s*(?P<closer>{LEAD_IN_CLOSERS}|{EXAMPLE_MARKERS})?\s*[:：]?\s*$"
)
EXAMPLE_PATTERN = re.compile(rf"(?:{EXAMPLE_MARKERS})\s*[:：]?\s*$")
# Words that join the last item of an inline list ("… และการยกระดับ…").
CONTINUING_START_PATTERN = re.compile(_alternation(_column("continuing_starts")))
CONJUNCTION_PATTERN = re.compile(rf"(?:{_alternation(LIST_CONJUNCTIONS)})\s*")
PROSE_RESUMES_PATTERN = re.compile(r"\s(?:" + "|".join(PROSE_RESUMES) + ")")
# A line that ends with one of these goes on below ("… ชุมชนและ").
CONTINUING_END_PATTERN = re.compile(
    r"(?:(?:^|\s)(?:" + _alternation(_column("continuing_words")) + r")|(?:" + _alternation(LIST_CONJUNCTIONS) + r"))\s*$")
PARAGRAPH_OPENER_PATTERN = re.compile(_alternation(_column("paragraph_openers")))
REPORTED_SPEECH_PATTERN = re.compile(_alternation(_column("reported_speech")))
# A line that holds only header cells of a table, split at "/" and spaces.
CELL_HEADER_PATTERN = re.compile(
    r"\s*(?:(?:" + _alternation(_column("cell_headers")) + r")\s*/?\s*)+$")

# -------------------------------------------------------------------------- prose

# A vision in a sentence: its word, up to a hundred characters of the sentence, then a
# word that introduces the statement right before it (quoted, or up to a prose resumer).
PROSE_VISION_LEAD = re.compile(
    r"[^“\"”\n]{0,100}?(?:" + _alternation(_column("prose_vision")) + r")\s*")
PROSE_GOAL_PATTERN = re.compile(_alternation(_column("prose_goal")))
# A quotation: straight or curly double quotes, guillemets, or curly single quotes
# (not the apostrophe, which Thai text uses for nothing but a quote of its own).
QUOTED_PATTERN = re.compile(r"[\"“”«‘]\s*(?P<text>[^\"“”«»‘’]{4,}?)\s*[\"”“»’]")
# A digit glued to the end of a word is a footnote marker, unless an ordinal word stands
# before it ("ครั้งที่1"); so is a "*" there, or after a figure ("ร้อยละ 10*") (contract
# decision 12).
FOOTNOTE_MARKER_PATTERN = re.compile(
    # (the look-ahead first: most positions hold neither, and fail there at once)
    r"(?=[\d*])(?:" + f"(?<=[{THAI}a-z)])" + "".join(f"(?<!{word})" for word in _column("ordinal_words"))
    + r"(?:\d{1,2}/|\d{1,2}|\*+)|(?<=\d)\*+)" + rf"(?![\d.,/:%-])(?=\s|$|[,;)]|[{THAI}])")

ORGANIZATION_PATTERN = re.compile(
    "(?P<kind>" + "|".join(pattern for pattern, _ in ORGANIZATION_KINDS) + ")"
    r"\s?(?P<name>[\u0e01-\u0e4e]*)"
)
ORGANIZATION_KIND_OF = tuple(
    (re.compile(pattern), kind) for pattern, kind in ORGANIZATION_KINDS
)
NAME_ENDING_PATTERN = re.compile("|".join(NAME_ENDINGS))
# A range of years: พ.ศ. 2561 - 2564, ปี 2556 - 2561, 2561-64, (2018-2022), 2566 ถึง พ.ศ. 2570.
PERIOD_PATTERN = re.compile(
    rf"(?P<start>(?:25|20)\d{{2}})\s*(?:[-–—]|{_alternation(_column('year_range_words'))})\s*"
    rf"(?:(?:{_alternation(_column('year_markers'))})\s*)?(?P<end>(?:25|20)\d{{2}}|\d{{2}})(?!\d)"
)
# A line that states only a range of years, perhaps after a plan's word and a marker.
PERIOD_ONLY_PATTERN = re.compile(
    rf"^\(?\s*(?:{_words('period_line_openers')}\S*\s*)?\(?\s*{_words('period_line_markers')}?\s*"
    rf"(?:25|20)\d{{2}}\s*(?:[-–—]|{_words('year_range_words')})\s*(?:{_words('era_markers')}\s*)?"
    r"(?:25|20)?\d{2}\s*\)?$"
)


# ------------------------------------------------------------ whose plan, which years
# metadata.py's patterns, each built from the tables at the end of vocabulary.txt. The
# structure around the words (what may stand between them) is commented where it is
# built. Most are matched against the text just before a body's name (the "before"
# patterns, anchored at its end) or just after it (the "clause" patterns, anchored at
# its start).


_THAI = "\u0e01-\u0e4e"
PROVINCE_NAMED_KINDS = frozenset(_column("province_named_kinds"))
EXTRA_PROVINCES = frozenset(_column("extra_provinces"))
_LOCAL_KIND_WORDS = _alternation([pattern for pattern, _ in ORGANIZATION_KINDS])
_TITLES = _words("person_titles")

# Titles that stand for a body, each with the body's word it stands for.
TITLED_BODIES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), body) for pattern, body in _TABLES["titled_bodies"]
)
# A vowel or tone mark right after a body's word makes its last letter start another
# syllable (องค์กรมี...): it is not the word.
_WORD_ENDS = "(?![\u0e30-\u0e3a\u0e47-\u0e4e])"
_BODY_STARTS = (
    [pattern for pattern, _ in ORGANIZATION_KINDS]
    + [pattern.pattern for pattern, _ in TITLED_BODIES]
    + list(_column("body_kinds"))
)
# The start of a body's name: a local government's kind word, a title that stands for
# a body (นายกเทศมนตรี...), or another body's word, unless a local government's kind
# word follows it (สำนักงานเทศบาล... is the municipality's own office).
BODY_START_PATTERN = re.compile(
    f"(?P<local>{_LOCAL_KIND_WORDS})"
    f"|(?P<titled>{_alternation([pattern.pattern for pattern, _ in TITLED_BODIES])})"
    f"|(?P<body>{_words('body_kinds')}){_WORD_ENDS}(?!\\s?(?:{_LOCAL_KIND_WORDS}))"
)


def _without_lookarounds(pattern: str) -> str:
    """``pattern`` with its lookahead and lookbehind groups left out: what it matches, less
    the conditions around it."""
    kept: list[str] = []
    index = 0
    while index < len(pattern):
        if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), index):
            depth = 0
            while True:
                if pattern[index] == "\\":
                    index += 1
                elif pattern[index] == "(":
                    depth += 1
                elif pattern[index] == ")":
                    depth -= 1
                    if depth == 0:
                        break
                index += 1
        elif pattern[index] == "\\":
            kept.append(pattern[index:index + 2])
            index += 1
        else:
            kept.append(pattern[index])
        index += 1
    return "".join(kept)


_PLAIN_WORD = re.compile(r"(?:\\.|[^\\()\[\]|?*+{}.^$])+")


def prefix_tree(words: list[str]) -> str:
    """One pattern for ``words`` (plain words: letters and escaped characters) in which
    words sharing a start share its branch, so that matching tries one branch per letter
    instead of every word; the longest word that matches wins."""
    tree: dict[str, Any] = {}
    for word in words:
        if not _PLAIN_WORD.fullmatch(word):
            raise ValueError(f"not a plain word, cannot go into a prefix tree: {word!r}")
        node = tree
        for unit in re.findall(r"\\.|.", word):
            node = node.setdefault(unit, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [unit + pattern(child) for unit, child in sorted(node.items()) if unit]
        if not branches:
            return ""
        alternatives = "|".join(branches)
        return f"(?:{alternatives})?" if ends else f"(?:{alternatives})"

    return pattern(tree)


# Where BODY_START_PATTERN may match: its words without their conditions, as a prefix
# tree. Python's re skips fast over text that cannot start such a pattern, but not over
# an alternation whose branches carry lookarounds; the text is scanned with this and
# each candidate checked with BODY_START_PATTERN.
BODY_START_CANDIDATE_PATTERN = re.compile(
    prefix_tree([_without_lookarounds(pattern) for pattern in _BODY_STARTS])
)
# A local government's kind word with its abbreviation in brackets before its name:
# "องค์การบริหารส่วนจังหวัด (อบจ.) หนองบัวลำภู".
LOCAL_NAME_AFTER_BRACKET_PATTERN = re.compile(rf"\s*\([^()\n]{{1,12}}\)\s*(?P<name>[{_THAI}]+)")
# The Thai letters glued after a body's word: its name, and what runs on after it.
GLUED_RUN_PATTERN = re.compile(f"[{_THAI}]*")
BODY_NAME_CLOSING_PATTERN = re.compile(_words("body_name_closings"))
BODY_NAME_JOINER_PATTERN = re.compile(_words("body_name_joiners"))
BODY_NAME_ENDING_PATTERN = re.compile(
    f"{_words('body_name_endings')}"
    f"|{_words('body_name_joiners')}(?=(?:{_words('body_kinds')}|{_LOCAL_KIND_WORDS}"
    f"|{_words('body_groups')}|{_TITLES}))"
)
# A name written with spaces: up to three more words, none starting with a word of the
# sentence, a person's name or a title, none holding another body's word, read only
# when a bracket or a word that goes on with the sentence follows (the name then ends
# where the sentence goes on).
_NOT_IN_NAME = (f"{_words('body_name_terminators')}|{_words('body_name_endings')}"
                f"|{_words('person_honorifics')}|{_TITLES}|{_words('government_titles')}")
SPACED_NAME_TAIL_PATTERN = re.compile(
    f"(?:\\s(?!{_NOT_IN_NAME})(?:(?!{_words('body_kinds')})[{_THAI},])+){{1,3}}"
    f"(?=\\s*\\(|\\s+{_words('body_name_terminators')})"
)
# Where a name written without spaces is known to end: a bracket, the end of the line,
# or after a space a word of the sentence or a person's name.
CLEAN_NAME_END_PATTERN = re.compile(
    f"\\s*\\(|\\s*$|\\s+(?:{_NOT_IN_NAME})", re.MULTILINE
)
# Brackets right after a name: an abbreviation (สธ.), a short form (คณะกรรมการฯ), the
# chair, a gloss; they belong to the name, and nothing inside them is a mention.
BRACKETS_AFTER_PATTERN = re.compile(r"(?:\s*\([^()\n]{0,80}\))+")
SHORT_FORM_MARK = _only("short_form_mark")
_CONSONANTS = "\u0e01-\u0e2e"  # ก-ฮ
# An abbreviation defined in brackets after a name: Thai letters ending in a dot
# (สธ., ก.พ.ร.), or a word shortened with ฯ (คณะกรรมการฯ).
ABBREVIATION_PATTERN = re.compile(
    rf"\(\s*(?P<abbreviation>[{_CONSONANTS}][{_CONSONANTS}.]{{0,10}}\.|[{_THAI}]+\s?{re.escape(SHORT_FORM_MARK)})\s*\)")
# A body's word shortened with ฯ: the body named last with that word.
SHORT_REFERENCE_PATTERN = re.compile(rf"\s?{re.escape(SHORT_FORM_MARK)}")
MEETING_REFERENCE_PATTERN = re.compile(_words("meeting_references"))

# Before a body: the cabinet's "ตามที่ <body> เสนอ", the body first after the opener or
# joined to the first (a co-proposer, "ตามที่รองนายกรัฐมนตรี (...) และรัฐมนตรีว่าการ<body>").
FORMAL_PROPOSER_BEFORE_PATTERN = re.compile(
    f"{_words('formal_proposer_openers')}\\s*"
    f"(?:(?:(?!{_words('proposer_verbs')})[^\\n]){{0,100}}?{_words('body_name_joiners')}\\s*)?"
    f"(?:{_TITLES}\\s?)?\\Z"
)
# Before a body: "<verb>โดย <body>".
DONE_BY_BEFORE_PATTERN = re.compile(
    f"(?:{_words('proposer_verbs')}|{_words('preparer_verbs')})\\s*{_words('by_words')}\\s*\\Z"
)
# Before a body: a plan or one of its parts named right before it, perhaps with its
# years in brackets between ("แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570) ของ<body>"); the plan's
# name does not run through a verb of the sentence ("ยุทธศาสตร์รายงานต่อ<body>").
_SENTENCE_VERBS = (f"{_words('reporter_verbs')}|{_words('proposer_verbs')}"
                   f"|{_words('adopter_verbs')}")
_PLAN_NAME_BEFORE = (f"(?:(?!{_SENTENCE_VERBS})\\S)*\\s*"
                     f"(?:\\([^()\\n]{{0,30}}\\)\\s*\\S{{0,6}}\\s*)?\\Z")
OWNER_BEFORE_PATTERN = re.compile(
    f"(?:{_words('plan_words')}|{_words('statement_words')}){_PLAN_NAME_BEFORE}"
)
# A text whose first line starts with a plan's word has the plan's title there.
TITLE_LINE_PATTERN = re.compile(f"\\s*{_words('plan_words')}")
PLAN_WORD_PATTERN = re.compile(_words("plan_words"))
STATEMENT_BEFORE_PATTERN = re.compile(f"{_words('statement_words')}{_PLAN_NAME_BEFORE}")
GOVERNMENT_BEFORE_PATTERN = re.compile(
    f"{_words('government_titles')}\\s*{_words('body_name_joiners')}?\\s*{_TITLES}\\s?\\Z"
)
HEAD_BEFORE_PATTERN = re.compile(f"{_TITLES}\\s?\\Z")
MEETING_BEFORE_PATTERN = re.compile(f"{_words('meeting_words')}\\s?\\Z")
# Before a body that is the subject of what follows it: the start of a line, a space,
# a quote or bracket, or a word that opens a clause, then perhaps a title.
SUBJECT_BEFORE_PATTERN = re.compile(
    f"(?:^|[\\s\"“'(\\[]|{_words('subject_openers')})(?:{_TITLES}\\s?)?\\Z", re.MULTILINE
)

_PARTICLES = f"(?:{_words('verb_particles')}\\s?)*"
_DRAFT = f"(?:{_words('draft_words')}\\s*)?"
# After a body, at the start of its clause (up to the next body that is a subject): what
# it does. It proposes, perhaps after saying in what capacity ("ในฐานะ<body> ... เสนอ",
# which in a cabinet item may run on for a whole paragraph).
PROPOSER_CLAUSE_PATTERN = re.compile(
    f"\\s*(?:{_words('apposition_words')}[^\\n]*?)?{_PARTICLES}{_words('proposer_verbs')}"
)
PREPARER_CLAUSE_PATTERN = re.compile(
    f"[\\s\\])\"”]*{_PARTICLES}{_words('preparer_verbs')}\\s*{_DRAFT}"
    f"(?:{_words('plan_words')}|{_words('statement_words')})"
)
# Phrases that may stand anywhere in a body's clause: adopting a plan ("มีมติเห็นชอบ(ร่าง)
# แผน..."), a part of a plan stated ("มีวิสัยทัศน์ “...”"). Each starts with its own word,
# so that searching for them skips fast over the words in between.
ADOPTION_PATTERN = re.compile(f"{_words('adopter_verbs')}\\s*{_DRAFT}{_words('adopted_objects')}")
PART_STATED_PATTERN = re.compile(
    f"{_words('statement_words')}[^“\"\\n]{{0,40}}?{_words('statement_openers')}"
)
# Right after a body named with a part of the plan: the statement begins.
STATEMENT_OPENS_PATTERN = re.compile(f"[^“\"\\n]{{0,40}}?{_words('statement_openers')}")
CHAIR_CLAUSE_PATTERN = re.compile(f"\\s*{_words('chair_phrases')}")
REPORTER_CLAUSE_PATTERN = re.compile(f"\\s*{_PARTICLES}{_words('reporter_verbs')}")
# A line that starts a new paragraph: blank, or starting with a label, a bullet or the
# name of a part of a plan (a heading).
NEW_PARAGRAPH_PATTERN = re.compile(
    f"[ \\t]*(?:$|\\d|\\(|[-–•·●○▪■*]|{_words('statement_words')})", re.MULTILINE
)
# A new sentence: what a body does ends before it.
SENTENCE_START_PATTERN = re.compile(f"\\s{_words('sentence_openers')}")
# Where the plan is stated: a line that starts with a part's name, after any label.
STATEMENT_LINE_PATTERN = re.compile(
    f"^[ \\t]*(?:(?:\\d{{1,3}}(?:\\.\\d{{1,3}})*[.)]?|\\(\\d{{1,3}}\\)|[-•·])[ \\t]*)?{_words('statement_words')}",
    re.MULTILINE,
)

# The years of a plan. A range is weighed by what is named just before it: a plan (its
# own years), a cited plan (not the plan's), budget years, or only a year's marker.
PERIOD_CONTEXT_PATTERN = re.compile(
    f"(?P<cited>{_words('cited_plans')})|(?P<plan>{_words('plan_words')})"
)
BUDGET_YEARS_BEFORE_PATTERN = re.compile(
    f"{_words('budget_years')}\\s*(?:{_words('year_markers')}\\s*)?[(\\s]*\\Z"
)
YEAR_MARKER_BEFORE_PATTERN = re.compile(f"{_words('year_markers')}\\s*[(\\s]*\\Z")

# How ``planparse show`` heads each field of a document (views.py).
DISPLAY_HEADINGS: dict[str, str] = {field: heading for field, heading in _TABLES["display_headings"]}
