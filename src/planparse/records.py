"""The parser's own document: plain dataclasses with the shape of model.py, no pydantic.

Creating the first pydantic model class costs more than importing typer and pydantic
together (benchmarks/README.md, "The CLI"), so the pipeline builds these records and
``planparse extract --format json`` writes them with the stdlib (``to_json``). The library
API (``planparse.parse`` and friends) still returns the validated ``PlanDocument``,
converted from the record by ``to_document``, which runs the full validation.

Each class mirrors the model class of the same name: same fields, same order, same
defaults, keyword-only arguments as pydantic has, so ``PlanDocument.model_validate`` reads
a record by its attributes. tests/test_records.py holds ``to_json``
to the bytes of ``writers.to_json`` for every sample and golden input.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from .model import PlanDocument

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


# ------------------------------------------------------------------ conversions

def to_document(record: PlanRecord) -> PlanDocument:
    """The validated pydantic document of ``record`` (pydantic's ValidationError if not)."""
    from .model import PlanDocument

    # Read by attribute: validating dataclasses.asdict(record) gives the same document
    # but the copy took ~6x as long as the validation (9 ms over the samples and corpus).
    return PlanDocument.model_validate(record, from_attributes=True)


def to_json(record: PlanRecord) -> str:
    """What ``writers.to_json(to_document(record))`` gives, without importing pydantic.

    The record is written as it is only when every value is one the model would keep
    unchanged: the exact type (``str``, ``int``, the record class, ``None`` where the model
    allows it) and the model's constraints (line numbers >= 1, the warning code pattern,
    the organisation kinds, schema version "1"). Anything else would be coerced or
    rejected by validation, so it takes the pydantic path, which coerces it the same way
    or raises the same error as the library API.
    """
    try:
        data = plain_document(record)
    except NotPlain:
        from .writers import to_json as pydantic_to_json

        return pydantic_to_json(to_document(record))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


class NotPlain(ValueError):
    """A record holds a value that pydantic validation would coerce or reject."""


# The model's Literal OrganizationKind and Warning.code pattern; test_records.py keeps
# these equal to model.py's.
ORGANIZATION_KINDS = frozenset((
    "เทศบาลนคร",
    "เทศบาลเมือง",
    "เทศบาลตำบล",
    "องค์การบริหารส่วนจังหวัด",
    "องค์การบริหารส่วนตำบล",
    "กรุงเทพมหานคร",
    "เมืองพัทยา",
    "จังหวัด",
))
WARNING_CODE_PATTERN = r"^[A-Z][A-Z0-9_]*$"
_WARNING_CODE = re.compile(r"[A-Z][A-Z0-9_]*")  # fullmatch: "$" would let a final "\n" in


def plain_document(record: PlanRecord) -> dict:
    """``PlanDocument.model_dump(mode="json")`` of the record, keys in the model's order;
    NotPlain when validation would not keep every value as it is."""
    if type(record) is not PlanRecord or record.schema_version != SCHEMA_VERSION:
        raise NotPlain("schema_version")
    return {
        "schema_version": SCHEMA_VERSION,
        "source": None if record.source is None else _source(record.source),
        "organization": (None if record.organization is None
                         else _organization(record.organization)),
        "period": None if record.period is None else _period(record.period),
        "vision": None if record.vision is None else _text_block(record.vision),
        "missions": _items(record.missions),
        "goals": _items(record.goals),
        "strategies": [_strategy(strategy) for strategy in _list(record.strategies)],
        "warnings": [_warning(warning) for warning in _list(record.warnings)],
    }


def _str(value: object) -> str:
    if type(value) is not str:
        raise NotPlain(repr(value))
    return value


def _optional_str(value: object) -> str | None:
    return None if value is None else _str(value)


def _int(value: object) -> int:
    if type(value) is not int:
        raise NotPlain(repr(value))
    return value


def _line(value: object) -> int:
    if _int(value) < 1:
        raise NotPlain(f"line {value}")
    return value


def _list(value: object) -> list:
    if type(value) is not list:
        raise NotPlain(repr(value))
    return value


def _of(value: object, kind: type) -> None:
    if type(value) is not kind:
        raise NotPlain(f"{type(value).__name__} where {kind.__name__} belongs")


def _span(span: Span) -> dict:
    _of(span, Span)
    return {"start_line": _line(span.start_line), "end_line": _line(span.end_line)}


def _source(source: Source) -> dict:
    _of(source, Source)
    return {"path": _str(source.path), "sha256": _str(source.sha256),
            "encoding": _str(source.encoding), "line_count": _int(source.line_count)}


def _organization(organization: Organization) -> dict:
    _of(organization, Organization)
    if organization.kind is not None and (type(organization.kind) is not str
                                          or organization.kind not in ORGANIZATION_KINDS):
        raise NotPlain(f"kind {organization.kind!r}")
    return {"name": _str(organization.name), "kind": organization.kind}


def _period(period: Period) -> dict:
    _of(period, Period)
    return {"start_year": _int(period.start_year), "end_year": _int(period.end_year)}


def _text_block(block: TextBlock) -> dict:
    _of(block, TextBlock)
    return {"text": _str(block.text), "span": _span(block.span)}


def _item(item: Item) -> dict:
    _of(item, Item)
    return {"number": _optional_str(item.number), "text": _str(item.text),
            "span": _span(item.span)}


def _items(items: list[Item]) -> list[dict]:
    return [_item(item) for item in _list(items)]


def _strategy(strategy: Strategy) -> dict:
    _of(strategy, Strategy)
    return {"number": _optional_str(strategy.number), "title": _str(strategy.title),
            "span": _span(strategy.span), "guidelines": _items(strategy.guidelines),
            "goals": _items(strategy.goals), "indicators": _items(strategy.indicators),
            "tactics": _items(strategy.tactics)}


def _warning(warning: Warning) -> dict:
    _of(warning, Warning)
    if not _WARNING_CODE.fullmatch(_str(warning.code)):
        raise NotPlain(f"code {warning.code!r}")
    return {"code": warning.code, "message": _str(warning.message),
            "span": None if warning.span is None else _span(warning.span)}
