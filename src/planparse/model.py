"""The output document, schema version 1 (see CONTRACT.md): the one model of planparse.

The parser builds these classes, the writers dump them, ``planparse schema`` prints their
JSON Schema, and the CSV columns, the organisation kinds and a strategy's four lists are
read from them, so a field is declared once. They are pydantic models rather than frozen
dataclasses checked through a TypeAdapter: the parser builds each node once and hands it
on, so validation, dumping and the schema from one class, with one docstring a field,
cost nothing a dataclass would save. (A dataclass mirror of this module once existed to
save pydantic's import at start-up; that is no longer a target.)

Only shapes and their invariants live here: no parsing logic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .vocabulary import ORGANIZATION_KINDS

SCHEMA_VERSION: Literal["1"] = "1"
# The draft of JSON Schema that pydantic writes, named in the schema's "$schema".
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# The contract's kinds of body, from vocabulary.txt's [organization_kinds] (its second
# column, each kind once, in the order of the table).
KINDS_OF_ORGANIZATION: tuple[str, ...] = tuple(dict.fromkeys(kind for _, kind in ORGANIZATION_KINDS))
if TYPE_CHECKING:
    OrganizationKind = str
else:
    OrganizationKind = Literal[KINDS_OF_ORGANIZATION]


def _written_fields_required(schema: dict[str, Any]) -> None:
    """Every field planparse writes is required in the schema: a null or an empty list is
    written, never left out. ``Span.page`` alone is left out while it is unknown."""
    schema["required"] = [name for name in schema["properties"] if name != "page"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True,
                              json_schema_extra=_written_fields_required)


class Span(_Model):
    """Where a thing was written: 1-based, inclusive line numbers of the decoded input."""

    start_line: int = Field(ge=1)
    """First input line the thing was written on."""
    end_line: int = Field(ge=1)
    """Last input line the thing was written on; never before start_line."""
    page: Optional[int] = Field(default=None, ge=1, exclude_if=lambda page: page is None)
    """For PDF input, the 1-based page where the thing starts; left out for text input."""

    @model_validator(mode="after")
    def _in_order(self) -> Span:
        if self.end_line < self.start_line:
            raise ValueError(f"a span ends (line {self.end_line}) before it starts "
                             f"(line {self.start_line})")
        return self


class Source(_Model):
    """Where the text came from."""

    path: str
    """The path as given, or "-" for standard input."""
    sha256: str
    """SHA-256 of the raw input bytes, in hex."""
    encoding: str
    """The encoding that was detected: utf-8, utf-8-sig, utf-16, tis-620, ...; pdf for a PDF."""
    line_count: int
    """Number of lines in the decoded input (of a PDF, in the text read from its pages)."""


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
    title: str = Field(min_length=1, pattern=r"\S")
    """Its name, never empty; keeps its own words (ยุทธศาสตร์สร้างสรรค์การศึกษา) but not a label."""
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


# A strategy's lists of items, in the order of the model: every field that holds Items.
STRATEGY_LISTS: tuple[str, ...] = tuple(
    name for name, field in Strategy.model_fields.items() if field.annotation == list[Item])


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


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the documents planparse writes, naming its draft."""
    return {"$schema": JSON_SCHEMA_DIALECT, **PlanDocument.model_json_schema()}
