"""The output document, schema version 1 (see CONTRACT.md).

Only shapes live here: no parsing logic. Every field carries a docstring, which pydantic
turns into the JSON Schema description printed by ``planparse schema``.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

OrganizationKind = Literal[
    "เทศบาลนคร",
    "เทศบาลเมือง",
    "เทศบาลตำบล",
    "องค์การบริหารส่วนจังหวัด",
    "องค์การบริหารส่วนตำบล",
    "กรุงเทพมหานคร",
    "เมืองพัทยา",
    "จังหวัด",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)


class Span(_Model):
    """Where a thing was written: 1-based, inclusive line numbers of the decoded input."""

    start_line: int = Field(ge=1)
    """First input line the thing was written on."""
    end_line: int = Field(ge=1)
    """Last input line the thing was written on."""


class Source(_Model):
    """Where the text came from."""

    path: str
    """The path as given, or "-" for standard input."""
    sha256: str
    """SHA-256 of the raw input bytes, in hex."""
    encoding: str
    """The encoding that was detected: utf-8, utf-8-sig, utf-16, tis-620, ..."""
    line_count: int
    """Number of lines in the decoded input."""


class Organization(_Model):
    """The body whose plan this is."""

    name: str
    """The name as written, without a leading particle, e.g. เทศบาลนครภูเก็ต."""
    kind: Optional[OrganizationKind] = None
    """The kind of body, or null when the name is none of the known kinds."""


class Period(_Model):
    """The years the plan covers, in the Buddhist Era."""

    start_year: int
    """First year of the plan (B.E.); a Common Era year found in the text is converted (+543)."""
    end_year: int
    """Last year of the plan (B.E.)."""


class TextBlock(_Model):
    """A statement with the lines it came from."""

    text: str
    """The statement, cleaned by the text rules of the contract."""
    span: Span
    """Input lines the statement was written on."""


class Item(_Model):
    """One entry of a list: a mission, a goal, a guideline, an indicator, a tactic."""

    number: Optional[str] = None
    """Its number in Arabic digits as written ("1", "1.1"), or null for a bullet or none."""
    text: str
    """Its text, without the numbering label or a trailing lead-in."""
    span: Span
    """Input lines the item was written on."""


class Strategy(_Model):
    """One entry at the top of the plan's strategy hierarchy, with what hangs under it."""

    number: Optional[str] = None
    """Its number in Arabic digits ("3" for ยุทธศาสตร์ที่ 3), or null."""
    title: str
    """Its name; keeps its own words (ยุทธศาสตร์สร้างสรรค์การศึกษา) but not a label."""
    span: Span
    """Input lines the title was written on."""
    guidelines: list[Item] = Field(default_factory=list)
    """Development guidelines (แนวทางการพัฒนา)."""
    goals: list[Item] = Field(default_factory=list)
    """Strategic goals (เป้าประสงค์ / เป้าประสงค์เชิงยุทธศาสตร์)."""
    indicators: list[Item] = Field(default_factory=list)
    """Indicators (ตัวชี้วัด)."""
    tactics: list[Item] = Field(default_factory=list)
    """Tactics (กลยุทธ์)."""


class Warning(_Model):  # noqa: A001 - the contract's name for it
    """Something the parser noticed but could not settle."""

    code: str = Field(pattern=r"^[A-Z][A-Z0-9_]*$")
    """A stable UPPER_SNAKE word, e.g. COUNT_MISMATCH."""
    message: str
    """One sentence a person can act on."""
    span: Optional[Span] = None
    """The lines it is about, or null when it is about the whole text."""


class PlanDocument(_Model):
    """A development plan as structured data."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    """The version of the output contract this document follows."""
    source: Optional[Source] = None
    """Where the text came from, or null when parsed from a string."""
    organization: Optional[Organization] = None
    """The body whose plan this is, or null when not found."""
    period: Optional[Period] = None
    """The years the plan covers, or null when not found."""
    vision: Optional[TextBlock] = None
    """The vision statement (วิสัยทัศน์), without quotation marks or heading."""
    missions: list[Item] = Field(default_factory=list)
    """Missions (พันธกิจ)."""
    goals: list[Item] = Field(default_factory=list)
    """Plan-level goals (เป้าประสงค์ / เป้าประสงค์สูงสุด / จุดมุ่งหมายเพื่อการพัฒนา)."""
    strategies: list[Strategy] = Field(default_factory=list)
    """The top level of the strategy hierarchy, in document order."""
    warnings: list[Warning] = Field(default_factory=list)
    """What the parser noticed but could not settle."""
