"""The parser's records against the pydantic model: same shape, same JSON, never invalid.

``planparse extract --format json`` writes the records with the stdlib (records.to_json)
so that it never imports pydantic; these tests hold that output to the bytes
``writers.to_json`` writes for the validated document, and check that the command's
process really leaves pydantic, rich and PyYAML (and typer, which imports pydantic) alone.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import typing

import pytest
from hypothesis import assume, given
from pydantic import ValidationError

import planparse
from planparse import PlanParseError, model, records
from planparse.parser import parse_record
from planparse.writers import to_json
from conftest import ROOT, SAMPLES, SHARED
from test_fuzz import FUZZ, any_text

INPUTS = [
    *SAMPLES,
    *sorted((ROOT / "tests" / "plans").glob("*.txt")),
    *sorted((SHARED / "corpus").glob("*.txt")),
]
PAIRS = [(getattr(records, name), getattr(model, name))
         for name in ("Span", "Source", "Organization", "Period", "TextBlock", "Item",
                      "Strategy", "Warning")] + [(records.PlanRecord, model.PlanDocument)]


def _fast_and_pydantic(data: bytes, path: str) -> tuple[str, str]:
    record = parse_record(data, path)
    records.plain_document(record)  # the fast path itself, not its pydantic fallback
    return records.to_json(record), to_json(planparse.parse_bytes(data, path))


@pytest.mark.parametrize("path", INPUTS, ids=lambda path: path.name)
def test_the_fast_json_is_the_bytes_of_the_validated_document(path):
    name = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    fast, validated = _fast_and_pydantic(path.read_bytes(), name)
    assert fast == validated
    model.PlanDocument.model_validate_json(fast)


def test_inputs_include_the_samples_and_the_plan_texts():
    assert len(SAMPLES) >= 5 and len(INPUTS) > len(SAMPLES)


@FUZZ
@given(any_text)
def test_the_fast_json_is_the_bytes_of_the_validated_document_for_any_text(text):
    try:
        fast, validated = _fast_and_pydantic(text.encode("utf-8"), "-")
    except PlanParseError:  # not text (mostly control characters): nothing is written
        assume(False)
    assert fast == validated


def test_a_document_with_nothing_found_is_the_same_too():
    fast, validated = _fast_and_pydantic(b"", "-")
    assert fast == validated and json.loads(fast)["organization"] is None


@pytest.mark.parametrize("fast, slow", PAIRS, ids=lambda cls: cls.__name__)
def test_each_record_has_the_fields_of_its_model_in_its_order(fast, slow):
    fields = dataclasses.fields(fast)
    assert [field.name for field in fields] == list(slow.model_fields)
    for field in fields:
        declared = slow.model_fields[field.name]
        if field.default is not dataclasses.MISSING:
            assert field.default == declared.default, field.name
        elif field.default_factory is not dataclasses.MISSING:
            assert field.default_factory() == declared.default_factory(), field.name
        else:
            assert declared.is_required(), field.name


def test_the_constraints_checked_are_the_models():
    assert records.ORGANIZATION_KINDS == set(typing.get_args(model.OrganizationKind))
    code = model.Warning.model_fields["code"].metadata
    assert [item.pattern for item in code] == [records.WARNING_CODE_PATTERN]
    assert records.SCHEMA_VERSION == model.SCHEMA_VERSION
    for name in ("start_line", "end_line"):
        assert [item.ge for item in model.Span.model_fields[name].metadata] == [1]


def _record(**changes) -> records.PlanRecord:
    record = parse_record(SAMPLES[0].read_bytes(), "plan.txt")
    return dataclasses.replace(record, **changes)


@pytest.mark.parametrize("bad", [
    {"warnings": [records.Warning(code="lower_case", message="m")]},
    {"warnings": [records.Warning(code="CODE\n", message="m")]},
    {"vision": records.TextBlock(text="v", span=records.Span(start_line=0, end_line=1))},
    {"organization": records.Organization(name="n", kind="อำเภอ")},
    {"schema_version": "2"},
])
def test_what_the_schema_rejects_is_never_written(bad):
    record = _record(**bad)
    with pytest.raises(records.NotPlain):
        records.plain_document(record)
    with pytest.raises(ValidationError):
        records.to_json(record)
    with pytest.raises(ValidationError):
        records.to_document(record)


def test_what_validation_would_coerce_is_written_as_validation_coerces_it():
    record = _record(period=records.Period(start_year=2566.0, end_year=True))
    with pytest.raises(records.NotPlain):
        records.plain_document(record)
    assert records.to_json(record) == to_json(records.to_document(record))
    assert json.loads(records.to_json(record))["period"] == {"start_year": 2566, "end_year": 1}


def test_extract_as_json_imports_neither_pydantic_nor_rich_nor_yaml(tmp_path):
    script = (
        "import sys\n"
        "from planparse.cli import main\n"
        "sys.argv = ['planparse', 'extract', sys.argv[1], '--output', sys.argv[2]]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    output = tmp_path / "plan.json"
    done = subprocess.run([sys.executable, "-c", script, str(SAMPLES[0]), str(output)],
                          capture_output=True, text=True, check=True)
    modules = set(done.stdout.split())
    assert {"planparse.parser", "planparse.records"} <= modules
    tops = {name.partition(".")[0] for name in modules}
    assert not tops & {"pydantic", "pydantic_core", "rich", "yaml", "typer", "click"}
    assert not modules & {"planparse.model", "planparse.writers", "planparse.commands"}
    assert output.read_text(encoding="utf-8") == to_json(planparse.parse_file(SAMPLES[0]))
