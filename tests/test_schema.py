"""``planparse schema`` is the schema of what planparse writes: every output validates."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

import planparse
from planparse.model import JSON_SCHEMA_DIALECT, json_schema
from conftest import ROOT, SAMPLES, SHARED

DEV_TEXTS = sorted((SHARED / "eval" / "dev" / "texts").glob("*.txt"))
PLANS = sorted((ROOT / "tests" / "plans").glob("*.txt"))
VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def test_the_schema_names_its_draft_and_is_valid():
    schema = json.loads(subprocess.run([sys.executable, "-m", "planparse", "schema"],
                                       capture_output=True, check=True).stdout)
    assert schema["$schema"] == JSON_SCHEMA_DIALECT
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_written_field_is_required_and_only_page_may_be_left_out():
    schema = json_schema()
    for definition in [schema, *schema["$defs"].values()]:
        if "properties" in definition:
            assert set(definition["required"]) == set(definition["properties"]) - {"page"}


@pytest.mark.parametrize("path", SAMPLES + PLANS + DEV_TEXTS, ids=lambda path: path.name)
def test_the_output_of_every_sample_plan_and_dev_passage_validates(path):
    for format in ("json", "jsonl"):
        VALIDATOR.validate(json.loads(planparse.render(planparse.parse_file(path), format)))


@pytest.mark.parametrize("change, where", [
    (lambda document: document.pop("warnings"), "required"),
    (lambda document: document["strategies"][0].update(title=""), "title"),
    (lambda document: document["strategies"][0]["span"].update(start_line=0), "start_line"),
    (lambda document: document.update(schema_version="2"), "schema_version"),
    (lambda document: document["organization"].update(kind="บริษัท"), "kind"),
], ids=["missing list", "empty title", "line 0", "version", "kind"])
def test_a_document_outside_the_contract_does_not_validate(change, where):
    document = json.loads(planparse.to_json(planparse.parse_file(SAMPLES[0])))
    change(document)
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(document)
