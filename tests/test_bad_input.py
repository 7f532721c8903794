"""Every bad input of the issue, through the command line: its message and its exit code.

Never a traceback: one line on standard error naming the file and the reason, and the
exit code the README documents (0 converted, 1 unreadable or not text, 2 usage, 3 strict
with warnings).
"""

from __future__ import annotations

import json
import os
import pathlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planparse.batch import REPORT_NAME
from planparse.cli import app
from conftest import SAMPLES

runner = CliRunner()
PLAN = SAMPLES[0].read_bytes()


def _run(*args, input=None):
    result = runner.invoke(app, [*map(str, args)], input=input)
    assert "Traceback" not in result.output
    return result


def _one_line_error(result, *fragments: str) -> None:
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("planparse: ")
    for fragment in fragments:
        assert fragment in result.stderr


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _report_records(out: Path) -> dict[str, dict]:
    report = json.loads((out / REPORT_NAME).read_text(encoding="utf-8"))
    return {record["input"]: record for record in report["files"]}


# Texts with no plan are converted, with a warning: an empty document, not a failure.
# An empty or blank file is the same, and its warning says that the file is empty.

EMPTY_WARNING = "the file is empty or holds only white space."


@pytest.mark.parametrize("data", [b"", b"   \n\t\n \r\n\xc2\xa0\n"], ids=["empty", "white space"])
def test_a_text_without_a_plan_is_an_empty_document_with_a_warning(tmp_path, data):
    path = _write(tmp_path / "blank.txt", data)
    result = _run("extract", path)
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert (document["vision"], document["missions"], document["strategies"]) == (None, [], [])
    assert [warning["code"] for warning in document["warnings"]] == ["NO_PLAN_FOUND"]
    _one_line_error(result, f"{path}: warning NO_PLAN_FOUND: ", EMPTY_WARNING)
    assert _run("extract", path, "--strict").exit_code == 3


def test_batch_converts_empty_files_with_the_warning_and_goes_on(tmp_path):
    source = tmp_path / "in"
    _write(source / "empty.txt", b"")
    _write(source / "blank.txt", b" \n\n")
    _write(source / "good.txt", PLAN)
    out = tmp_path / "out"
    assert _run("batch", source, "--output", out, "--workers", "1").exit_code == 0
    records = _report_records(out)
    assert {name: record["status"] for name, record in records.items()} == dict.fromkeys(
        ["blank.txt", "empty.txt", "good.txt"], "converted")
    for name in ("empty.txt", "blank.txt"):
        [warning] = records[name]["output"]["warnings"]
        assert warning["code"] == "NO_PLAN_FOUND" and warning["message"].endswith(EMPTY_WARNING)
    assert (out / "good.json").exists() and (out / "empty.json").exists()
    strict = _run("batch", source, "--output", tmp_path / "strict", "--workers", "1", "--strict")
    assert strict.exit_code == 3


# Files that are not text fail with exit 1 and say what they look like.

NOT_TEXT = [
    ("binary.txt", bytes(range(256)) * 16, "not a text file (it contains binary data)"),
    # A PDF is told by its signature, not its name, and read as one: this one is cut short.
    ("report.pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
     "the PDF is truncated (it does not end with %%EOF): get the whole file again"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "not a text file, it looks like a PNG image"),
    ("scan.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01", "not a text file, it looks like a JPEG image"),
    ("cut.txt", "วิสัยทัศน์ เมืองน่าอยู่".encode("utf-8")[:-1] + "\nพันธกิจ".encode("utf-8"),
     "not UTF-8, UTF-16 or TIS-620 text (cannot decode it)"),
    ("latin1.txt", "Plan de développement économique, café".encode("latin-1"),
     "not UTF-8, UTF-16 or TIS-620 text (cannot decode it)"),
]


@pytest.mark.parametrize("name, data, reason", NOT_TEXT, ids=[row[0] for row in NOT_TEXT])
def test_extract_refuses_what_is_not_text(tmp_path, name, data, reason):
    path = _write(tmp_path / name, data)
    result = _run("extract", path)
    assert result.exit_code == 1 and result.stdout == ""
    _one_line_error(result, f"{path}: {reason}")
    assert _run("show", path).exit_code == 1


def test_batch_reports_what_is_not_text_and_converts_the_rest(tmp_path):
    source = tmp_path / "in"
    for name, data, _ in NOT_TEXT:
        _write(source / "bad" / name, data)
    _write(source / "good.txt", PLAN)
    result = _run("batch", source, "--output", tmp_path / "out", "--workers", "1")
    assert result.exit_code == 1
    records = _report_records(tmp_path / "out")
    assert records["good.txt"]["status"] == "converted"
    for name, _, reason in NOT_TEXT:
        record = records[f"bad/{name}"]
        assert record["status"] == "failed" and record["reason"] == f"bad/{name}: {reason}"
        assert f"failed      bad/{name}: {reason}" in result.stderr.splitlines()


def test_a_byte_order_mark_before_invalid_utf8_is_one_line_and_exit_1(tmp_path):
    path = _write(tmp_path / "bom.txt", b"\xef\xbb\xbf\x80 not utf-8 after the mark")
    result = _run("extract", path)
    assert result.exit_code == 1 and result.stdout == ""
    _one_line_error(result, f"{path}: ")


def test_a_parser_bug_is_one_line_asking_for_the_file(tmp_path, monkeypatch):
    path = _write(tmp_path / "plan.txt", PLAN)

    def crash(data, name, pdf=None):
        raise IndexError("list index out of range")

    monkeypatch.setattr("planparse.parser.parse_bytes", crash)
    result = _run("extract", path)
    assert result.exit_code == 1
    _one_line_error(result, f"{path}: planparse failed on this file (IndexError: list index out "
                            "of range); please report it")


def test_a_10_mb_single_line_is_parsed(tmp_path):
    words = "การพัฒนาท้องถิ่น ".encode("utf-8")
    path = _write(tmp_path / "one line.txt", words * (10_000_000 // len(words)))
    assert path.stat().st_size > 9_900_000
    result = _run("extract", path)
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["source"]["line_count"] == 1
    assert document["strategies"] == []


# Files that cannot be read.

def _deny_reading(monkeypatch, name: str) -> None:
    """Reading ``name`` raises PermissionError, as for a file without read permission.

    The tests run as root, whom chmod does not stop, so the refusal is simulated where
    planparse opens an input: ``open`` in inputs.py.
    """
    def refuse(path, *arguments, **options):
        if pathlib.Path(path).name == name:
            raise PermissionError(13, "Permission denied", str(path))
        return open(path, *arguments, **options)

    monkeypatch.setattr("planparse.inputs.open", refuse, raising=False)


def test_extract_of_a_file_without_read_permission(tmp_path, monkeypatch):
    path = _write(tmp_path / "secret.txt", PLAN)
    _deny_reading(monkeypatch, "secret.txt")
    result = _run("extract", path)
    assert result.exit_code == 1
    _one_line_error(result, f"{path}: permission denied")


def test_batch_with_a_file_without_read_permission_goes_on(tmp_path, monkeypatch):
    source = tmp_path / "in"
    _write(source / "secret.txt", PLAN)
    _write(source / "open.txt", PLAN)
    _deny_reading(monkeypatch, "secret.txt")
    result = _run("batch", source, "--output", tmp_path / "out", "--workers", "1")
    assert result.exit_code == 1
    records = _report_records(tmp_path / "out")
    assert records["open.txt"]["status"] == "converted"
    assert records["secret.txt"]["status"] == "failed"
    assert records["secret.txt"]["reason"] == "secret.txt: permission denied"  # relative, as all


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions; "
                                               "the monkeypatched tests above cover the message")
def test_a_file_without_read_permission_for_real(tmp_path):
    path = _write(tmp_path / "secret.txt", PLAN)
    path.chmod(0)
    result = _run("extract", path)
    assert result.exit_code == 1
    _one_line_error(result, f"{path}: permission denied")


def test_a_folder_given_to_extract(tmp_path):
    result = _run("extract", tmp_path)
    assert result.exit_code == 1
    _one_line_error(result, f"{tmp_path}: is a folder, not a file")


def test_a_missing_file(tmp_path):
    result = _run("extract", tmp_path / "nowhere.txt")
    assert result.exit_code == 1
    _one_line_error(result, f"{tmp_path / 'nowhere.txt'}: no such file")


# File names that are not UTF-8 (Linux allows any bytes): escaped, never a crash.

def _undecodable(folder: Path, raw_name: bytes, data: bytes | None) -> str:
    """The str Python gives for a file named ``raw_name`` in ``folder`` (created unless
    ``data`` is None): undecodable bytes become surrogate characters."""
    path = os.fsencode(folder) + b"/" + raw_name
    if data is not None:
        folder.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as stream:
            stream.write(data)
    return os.fsdecode(path)


def test_extract_of_a_file_whose_name_is_not_utf8(tmp_path):
    path = _undecodable(tmp_path, b"plan \xff.txt", PLAN)
    result = _run("extract", path)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["source"]["path"] == f"{tmp_path}/plan \\xff.txt"
    missing = _run("extract", _undecodable(tmp_path, b"gone \xfe.txt", None))
    assert missing.exit_code == 1
    _one_line_error(missing, f"{tmp_path}/gone \\xfe.txt: no such file")


def test_batch_fails_a_file_whose_name_is_not_utf8_and_goes_on(tmp_path):
    source = tmp_path / "in"
    _undecodable(source, b"plan \xff.txt", PLAN)
    _write(source / "good.txt", PLAN)
    result = _run("batch", source, "--output", tmp_path / "out", "--workers", "1")
    assert result.exit_code == 1
    records = _report_records(tmp_path / "out")
    assert records["good.txt"]["status"] == "converted"
    assert records["plan \\xff.txt"]["reason"] == (
        "plan \\xff.txt: the name of the file or of a folder above it is not valid UTF-8 "
        "(rename it)")


# Symbolic link loops.

def test_extract_of_a_link_to_itself(tmp_path):
    link = tmp_path / "loop.txt"
    link.symlink_to("loop.txt")
    result = _run("extract", link)
    assert result.exit_code == 1
    _one_line_error(result, f"{link}: cannot be read (Too many levels of symbolic links)")


def test_batch_does_not_follow_a_folder_link_loop(tmp_path):
    source = tmp_path / "in"
    _write(source / "ลำพูน" / "plan.txt", PLAN)
    (source / "ลำพูน" / "back up").symlink_to(source, target_is_directory=True)
    (source / "self.txt").symlink_to("self.txt")
    result = _run("batch", source, "--output", tmp_path / "out", "--workers", "1")
    assert result.exit_code == 1
    records = _report_records(tmp_path / "out")
    assert set(records) == {"ลำพูน/plan.txt", "ลำพูน/back up", "self.txt"}
    assert records["ลำพูน/plan.txt"]["status"] == "converted"
    assert records["ลำพูน/back up"]["reason"] == (
        "ลำพูน/back up: symbolic link loop (it leads back to a folder above it); "
        "not followed")
    assert records["self.txt"]["reason"] == (
        "self.txt: is a symbolic link that cannot be followed "
        "(Too many levels of symbolic links)")


def test_batch_follows_a_link_to_a_folder_that_is_not_a_loop(tmp_path):
    _write(tmp_path / "elsewhere" / "plan.txt", PLAN)
    source = tmp_path / "in"
    source.mkdir()
    (source / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert _run("batch", source, "--output", tmp_path / "out", "--workers", "1").exit_code == 0
    assert (tmp_path / "out" / "linked" / "plan.json").exists()


# Folders that do not fit together: usage errors, exit 2, before anything is written.

@pytest.mark.parametrize("output, fragment", [
    (lambda root: root / "in" / "out", "the output folder is inside the input folder"),
    (lambda root: root / "in", "the output folder is inside the input folder"),
    (lambda root: root, "the input folder is inside the output folder"),
])
def test_overlapping_input_and_output_folders_are_refused(tmp_path, output, fragment):
    source = tmp_path / "in"
    _write(source / "plan.txt", PLAN)
    before = sorted(tmp_path.rglob("*"))
    result = _run("batch", source, "--output", output(tmp_path))
    assert result.exit_code == 2
    _one_line_error(result, fragment)
    assert sorted(tmp_path.rglob("*")) == before


@pytest.mark.parametrize("make, fragment", [
    (lambda root: root / "nowhere", "no such folder"),
    (lambda root: _write(root / "plan.txt", PLAN), "is not a folder (use planparse extract"),
])
def test_batch_needs_an_input_folder(tmp_path, make, fragment):
    source = make(tmp_path)
    result = _run("batch", source, "--output", tmp_path / "out")
    assert result.exit_code == 2
    _one_line_error(result, f"{source}: {fragment}")


def test_batch_output_that_is_a_file(tmp_path):
    _write(tmp_path / "in" / "plan.txt", PLAN)
    out = _write(tmp_path / "out", b"a file")
    result = _run("batch", tmp_path / "in", "--output", out)
    assert result.exit_code == 2
    _one_line_error(result, f"{out}: exists and is not a folder")


def test_an_output_folder_that_cannot_be_created(tmp_path):
    _write(tmp_path / "in" / "plan.txt", PLAN)
    _write(tmp_path / "a file", b"")
    out = tmp_path / "a file" / "out"
    result = _run("batch", tmp_path / "in", "--output", out)
    assert result.exit_code == 2
    _one_line_error(result, f"{out}: the output folder cannot be created (Not a directory)")


def test_a_table_that_cannot_be_written_fails_after_the_outputs_and_report(tmp_path):
    _write(tmp_path / "in" / "plan.txt", PLAN)
    _write(tmp_path / "a file", b"")
    table = tmp_path / "a file" / "all.csv"
    result = _run("batch", tmp_path / "in", "--output", tmp_path / "out", "--table", table)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith(f"planparse: {table}: the table cannot be written (")
    assert _report_records(tmp_path / "out")["plan.txt"]["status"] == "converted"


def test_a_table_inside_the_input_folder_is_refused(tmp_path):
    _write(tmp_path / "in" / "plan.txt", PLAN)
    table = tmp_path / "in" / "all.csv"
    result = _run("batch", tmp_path / "in", "--output", tmp_path / "out", "--table", table)
    assert result.exit_code == 2
    _one_line_error(result, f"{table}: the table would be inside the input folder")


@pytest.mark.parametrize("option", [["--workers", "0"], ["--format", "xml"], ["--bogus"]])
def test_bad_batch_options_are_usage_errors(tmp_path, option):
    _write(tmp_path / "in" / "plan.txt", PLAN)
    result = runner.invoke(app, ["batch", str(tmp_path / "in"), "--output", str(tmp_path / "out"),
                                 *option])
    assert result.exit_code == 2
    assert not (tmp_path / "out").exists()


# An output that exists is never overwritten without --force.

def test_extract_never_overwrites_an_output_without_force(tmp_path):
    source = _write(tmp_path / "plan.txt", PLAN)
    target = _write(tmp_path / "plan.json", b"my own notes")
    result = _run("extract", source, "--output", target)
    assert result.exit_code == 2
    _one_line_error(result, f"{target}: already exists (add --force to overwrite it)")
    assert target.read_bytes() == b"my own notes"
    assert _run("extract", source, "--output", target, "--force").exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["source"]["path"] == str(source)


def test_extract_into_a_folder_that_cannot_be_written(tmp_path, monkeypatch):
    source = _write(tmp_path / "plan.txt", PLAN)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)  # outputs imports it when writing
    result = _run("extract", source, "--output", tmp_path / "out.json")
    assert result.exit_code == 1
    _one_line_error(result, f"{tmp_path / 'out.json'}: cannot be written (Permission denied)")
