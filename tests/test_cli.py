"""The command line: output, formats, errors and exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import planparse
from planparse.cli import app
from conftest import ROOT, SAMPLES

runner = CliRunner()
SAMPLE = SAMPLES[0]


def _extract(*args, input=None):
    return runner.invoke(app, ["extract", *map(str, args)], input=input)


def test_extract_prints_the_same_document_as_the_library():
    result = _extract(SAMPLE)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(planparse.to_json(planparse.parse_file(SAMPLE)))


def test_output_is_thai_not_escapes():
    result = _extract(SAMPLE)
    assert "\\u0e" not in result.stdout and "ยุทธศาสตร์" in result.stdout


def test_yaml_loads_to_the_same_data_as_json():
    as_json = json.loads(_extract(SAMPLE, "--format", "json").stdout)
    as_yaml = _extract(SAMPLE, "--format", "yaml")
    assert as_yaml.exit_code == 0 and "\\u0e" not in as_yaml.stdout
    assert yaml.safe_load(as_yaml.stdout) == as_json


def test_standard_input_is_read_for_a_dash():
    result = _extract("-", input=SAMPLE.read_bytes())
    document = json.loads(result.stdout)
    assert document["source"]["path"] == "-"
    assert len(document["strategies"]) == 8


def test_output_file_is_written_and_never_overwritten_without_force(tmp_path):
    target = tmp_path / "out.json"
    assert _extract(SAMPLE, "--output", target).exit_code == 0
    written = target.read_text(encoding="utf-8")
    target.write_text("keep me", encoding="utf-8")
    refused = _extract(SAMPLE, "--output", target)
    assert refused.exit_code == 2 and "already exists" in refused.stderr
    assert target.read_text(encoding="utf-8") == "keep me"
    assert _extract(SAMPLE, "--output", target, "--force").exit_code == 0
    assert target.read_text(encoding="utf-8") == written
    assert [path.name for path in tmp_path.iterdir()] == ["out.json"]


@pytest.mark.parametrize("make, reason", [
    (lambda tmp: tmp / "missing.txt", "no such file"),
    (lambda tmp: tmp, "is a folder"),
    (lambda tmp: _write(tmp / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00"), "PNG image"),
    (lambda tmp: _write(tmp / "binary.txt", bytes(range(256)) * 4), "binary"),
])
def test_bad_input_is_one_line_and_exit_1(tmp_path, make, reason):
    path = make(tmp_path)
    result = _extract(path)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and reason in result.stderr and str(path) in result.stderr
    assert "Traceback" not in result.output


def test_every_writer_is_offered_by_the_command_line():
    from planparse.cli import OutputFormat
    from planparse.writers import WRITERS

    assert {format.value for format in OutputFormat} == set(WRITERS)


def test_unknown_format_is_a_usage_error():
    result = _extract(SAMPLE, "--format", "xml")
    assert result.exit_code == 2


VISION_ONLY = "วิสัยทัศน์\n“เมืองน่าอยู่”\n".encode("utf-8")


def test_csv_is_the_flat_table_with_a_bom():
    result = _extract("-", "--format", "csv", input=VISION_ONLY)
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbffile,organization,period,")
    assert result.stdout.splitlines()[1] == "-,,,,,vision,,เมืองน่าอยู่,2,2"


def test_warnings_are_told_on_standard_error_one_line_each():
    result = _extract("-", input=b"")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["warnings"][0]["code"] == "NO_PLAN_FOUND"
    assert result.stderr.startswith("planparse: -: warning NO_PLAN_FOUND: No vision")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("text, code", [(VISION_ONLY, 0), (b"", 3)])
def test_strict_exits_3_only_when_the_document_has_warnings(text, code):
    result = _extract("-", "--strict", input=text)
    assert result.exit_code == code
    assert json.loads(result.stdout)["schema_version"] == "1"  # the output is still written


def test_strict_still_writes_the_output_file(tmp_path):
    target = tmp_path / "empty.json"
    result = _extract("-", "--strict", "--output", target, input=b"")
    assert result.exit_code == 3
    assert json.loads(target.read_text(encoding="utf-8"))["warnings"][0]["code"] == "NO_PLAN_FOUND"


def test_an_output_file_gets_the_usual_permissions_not_owner_only(tmp_path):
    target = tmp_path / "out.json"
    previous = os.umask(0o022)
    try:
        assert _extract(SAMPLE, "--output", target).exit_code == 0
    finally:
        os.umask(previous)
    assert target.stat().st_mode & 0o777 == 0o644


def test_schema_is_the_models_json_schema():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == planparse.model.json_schema()
    assert "description" in json.loads(result.stdout)["$defs"]["Strategy"]["properties"]["title"]


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and planparse.__version__ in result.stdout


def _installed_script() -> str:
    script = Path(sys.executable).parent / "planparse"
    return str(script) if script.exists() else (shutil.which("planparse") or "")


def test_installed_console_script_runs_in_a_subprocess():
    script = _installed_script()
    assert script, "the planparse console script is not installed (pip install -e .)"
    completed = subprocess.run([script, "extract", str(SAMPLE.relative_to(ROOT))], cwd=ROOT,
                               capture_output=True, env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert completed.returncode == 0, completed.stderr.decode()
    assert json.loads(completed.stdout.decode("utf-8")) == json.loads(
        planparse.to_json(planparse.parse_file(SAMPLE.relative_to(ROOT))).replace(
            str(SAMPLE.relative_to(ROOT)), str(SAMPLE.relative_to(ROOT))))


def test_python_dash_m_runs_the_same_commands():
    completed = subprocess.run([sys.executable, "-m", "planparse", "--version"], capture_output=True)
    assert completed.returncode == 0 and planparse.__version__ in completed.stdout.decode()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _show(*args, input=None):
    # A wide terminal, so that rich does not wrap the lines the tests look for.
    return runner.invoke(app, ["show", *map(str, args)], input=input, env={"COLUMNS": "400"})


def test_show_draws_the_plan_as_a_tree_with_its_counts():
    document = planparse.parse_file(SAMPLE)
    result = _show(SAMPLE)
    assert result.exit_code == 0 and "\x1b[" not in result.stdout  # no colour off a terminal
    lines = result.stdout.splitlines()
    assert lines[0].startswith(document.organization.name)
    assert f"ยุทธศาสตร์ ({len(document.strategies)})" in result.stdout
    for strategy in document.strategies:
        assert any(f"── {strategy.number} {strategy.title}  line" in line for line in lines)
    counts = planparse.flat.count_items(document)
    assert f"strategy {counts['strategy']}  guideline {counts['guideline']}" in result.stdout


def test_show_sets_warnings_apart():
    result = _show("-", input=b"")
    assert result.exit_code == 0
    assert "วิสัยทัศน์  none found" in result.stdout
    assert "1 warning" in result.stdout
    assert "NO_PLAN_FOUND  No vision, mission, goal or strategy was found" in result.stdout
    assert "no warnings" in _show("-", input=VISION_ONLY).stdout


def test_show_of_bad_input_is_one_line_and_exit_1(tmp_path):
    path = _write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    result = _show(path)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == f"planparse: {path}: not a text file, it looks like a PNG image\n"


def test_extract_does_not_import_rich():
    completed = subprocess.run([sys.executable, "-X", "importtime", "-m", "planparse", "extract",
                                str(SAMPLE)], capture_output=True)
    assert completed.returncode == 0
    imported = [line.rsplit("|", 1)[-1].strip() for line in completed.stderr.decode().splitlines()
                if line.startswith("import time:")]
    assert "planparse.parser" in imported and not [name for name in imported if name.startswith("rich")]


@pytest.mark.parametrize("options", [["--compact"], ["--format", "jsonl"]])
def test_compact_json_is_one_line_of_the_same_document(options):
    result = _extract(SAMPLE, *options)
    assert result.exit_code == 0 and result.stdout.count("\n") == 1
    assert json.loads(result.stdout) == json.loads(_extract(SAMPLE).stdout)


def test_compact_is_for_json_only():
    result = _extract(SAMPLE, "--compact", "--format", "yaml")
    assert result.exit_code == 2 and "--compact is for JSON" in result.stderr
