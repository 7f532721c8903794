"""The parser's own document: plain dataclasses with the shape of model.py, no pydantic.

Creating the first pydantic model class costs more than importing typer and pydantic
together (benchmarks/README.md, "The CLI"), so the pipeline builds these records and
leaves pydantic to the library API: ``planparse.parse`` and friends still return the
validated ``PlanDocument``, converted from the record by ``parser.to_document``, which runs
the full validation.

Each class mirrors the model class of the same name: same fields, same order, same
defaults, keyword-only arguments as pydantic has, so ``dataclasses.asdict`` of a record is
the input ``PlanDocument.model_validate`` expects. The constraints (line numbers >= 1, the
warning code pattern, the organisation kinds) are checked by that validation, not here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Optional

SCHEMA_VERSION = "1"


@dataclass(slots=True, kw_only=True)
class Span:
    start_line: int
    end_line: int


@dataclass(slots=True, kw_only=True)
class Source:
    path: str
    sha256: str
    encoding: str
    line_count: int


@dataclass(slots=True, kw_only=True)
class Organization:
    name: str
    kind: Optional[str] = None


@dataclass(slots=True, kw_only=True)
class Period:
    start_year: int
    end_year: int


@dataclass(slots=True, kw_only=True)
class TextBlock:
    text: str
    span: Span


@dataclass(slots=True, kw_only=True)
class Item:
    number: Optional[str] = None
    text: str
    span: Span


@dataclass(slots=True, kw_only=True)
class Strategy:
    number: Optional[str] = None
    title: str
    span: Span
    guidelines: list[Item] = field(default_factory=list)
    goals: list[Item] = field(default_factory=list)
    indicators: list[Item] = field(default_factory=list)
    tactics: list[Item] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Warning:  # noqa: A001 - the contract's name for it
    code: str
    message: str
    span: Optional[Span] = None


@dataclass(slots=True, kw_only=True)
class PlanRecord:
    schema_version: str = SCHEMA_VERSION
    source: Optional[Source] = None
    organization: Optional[Organization] = None
    period: Optional[Period] = None
    vision: Optional[TextBlock] = None
    missions: list[Item] = field(default_factory=list)
    goals: list[Item] = field(default_factory=list)
    strategies: list[Strategy] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
