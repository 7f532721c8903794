"""The edges a hostile tester found (issue 11), each held by a test that failed before.

Run as a user would: the command in a subprocess where a terminal, a device or a second
process matters, the library where the API is the edge.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pydantic import ValidationError

import planparse
from planparse.batch import BatchOptions, prepare, run
from planparse.model import Item, Span, Strategy
from conftest import SAMPLES, lines

SAMPLE = SAMPLES[0]
PLAN = "วิสัยทัศน์\n“เมืองน่าอยู่”\n".encode("utf-8")


def _planparse(*arguments: object, input: bytes | None = None, env: dict[str, str] | None = None,
               stdout: int | None = subprocess.PIPE, **options: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "planparse", *map(str, arguments)], input=input,
                          stdout=stdout, stderr=subprocess.PIPE, env={**os.environ, **(env or {})},
                          timeout=120, **options)


def _one_line(done: subprocess.CompletedProcess) -> str:
    message = done.stderr.decode()
    assert message.count("\n") == 1 and message.startswith("planparse: "), message
    assert "Traceback" not in message
    return message


# Two batches into one output folder.

def test_a_second_batch_into_the_same_folder_refuses_while_the_first_runs(tmp_path):
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    (source / "plan.txt").write_bytes(PLAN)
    first = prepare(source, out, BatchOptions(workers=1))
    try:
        second = _planparse("batch", source, "--output", out)
        assert second.returncode == 2
        assert "another planparse batch is writing into this folder" in _one_line(second)
    finally:
        run(first)
    assert _planparse("batch", source, "--output", out).returncode == 0  # released at the end


def test_the_outputs_of_a_batch_from_another_folder_are_not_replaced_without_force(tmp_path):
    one, other, out = tmp_path / "one", tmp_path / "other", tmp_path / "out"
    for folder, data in ((one, PLAN), (other, SAMPLE.read_bytes())):
        folder.mkdir()
        (folder / "plan.txt").write_bytes(data)
    assert _planparse("batch", one, "--output", out).returncode == 0
    written = (out / "plan.json").read_bytes()
    refused = _planparse("batch", other, "--output", out)
    assert refused.returncode == 1
    assert b"plan.txt: its output plan.json already exists and was not written by this batch" \
        in refused.stderr
    assert (out / "plan.json").read_bytes() == written
    assert _planparse("batch", other, "--output", out, "--force").returncode == 0
    assert (out / "plan.json").read_bytes() != written


# Control characters and escape sequences never reach the terminal.

def test_show_and_messages_send_no_escape_sequence_to_the_terminal(tmp_path):
    hostile = tmp_path / "plan\x1b]0;owned\x07\x1b[2J.txt"
    hostile.write_bytes(PLAN.replace("เมือง".encode(), "\x1b[31mเมือง".encode()))
    shown = _planparse("show", hostile, env={"COLUMNS": "400"})
    assert shown.returncode == 0 and b"\x1b" not in shown.stdout and b"\x07" not in shown.stdout
    assert "plan\\x1b]0;owned\\x07\\x1b[2J.txt" in shown.stdout.decode()
    assert "[31mเมือง" in shown.stdout.decode()  # the ESC is gone from the text itself
    missing = _planparse("extract", tmp_path / "gone\x1b[2J.txt")
    assert b"\x1b" not in missing.stderr and "gone\\x1b[2J.txt: no such file" in _one_line(missing)


# Standard output that is full, closed or not UTF-8.

@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["extract", SAMPLE], ["show", SAMPLE], ["schema"], ["--help"]],
                         ids=["extract", "show", "schema", "help"])
def test_a_full_standard_output_is_one_line_and_exit_1(command):
    with open("/dev/full", "wb") as full:
        done = _planparse(*command, stdout=full)
    assert done.returncode == 1
    assert "standard output cannot be written (No space left on device)" in _one_line(done)


def test_a_closed_standard_output_is_one_line_and_exit_1():
    done = subprocess.run([sys.executable, "-c", "import os, sys, runpy; os.close(1); "
                           "sys.argv = ['planparse', 'extract', sys.argv[1]]; "
                           "runpy.run_module('planparse', run_name='__main__')", str(SAMPLE)],
                          stderr=subprocess.PIPE, timeout=60)
    assert done.returncode == 1 and "standard output cannot be written" in _one_line(done)


def test_show_to_a_standard_output_that_cannot_hold_thai_is_one_line():
    done = _planparse("show", SAMPLE, env={"PYTHONIOENCODING": "latin-1"})
    assert done.returncode == 1 and done.stdout == b""
    assert "encoding iso8859-1 cannot show Thai" in _one_line(done)


# Devices, pipes and endless inputs.

@pytest.mark.parametrize("command", ["extract", "show"])
def test_a_device_is_refused_without_reading_it(command):
    done = _planparse(command, "/dev/zero")
    assert done.returncode == 1 and "/dev/zero: is a device or socket, not a file" in _one_line(done)


def test_a_pipe_is_read_within_the_size_limit(tmp_path):
    fifo = tmp_path / "plan.fifo"
    os.mkfifo(fifo)

    def feed(data: bytes) -> threading.Thread:
        def write() -> None:
            try:
                with open(fifo, "wb") as stream:
                    stream.write(data)
            except BrokenPipeError:  # planparse stopped reading at its limit
                pass
        thread = threading.Thread(target=write, daemon=True)  # stuck if nothing reads the pipe
        thread.start()
        return thread

    writer = feed(PLAN)
    done = _planparse("extract", fifo)
    writer.join(timeout=10)
    assert done.returncode == 0 and json.loads(done.stdout)["vision"]["text"] == "เมืองน่าอยู่"
    writer = feed(b"x" * 1_500_000)
    too_big = _planparse("extract", fifo, "--max-size", "1")
    writer.join(timeout=10)
    assert too_big.returncode == 1 and "holds more than 1 MB" in _one_line(too_big)


def test_standard_input_is_read_within_the_size_limit():
    done = _planparse("extract", "-", "--max-size", "1", input=b"x" * 1_000_001)
    assert done.returncode == 1 and "-: holds more than 1 MB" in _one_line(done)


# -o: never a file that appeared meanwhile; - is standard output.

def test_an_output_that_appears_while_parsing_is_not_replaced(tmp_path, monkeypatch):
    import planparse.cli
    from typer.testing import CliRunner

    target = tmp_path / "plan.json"
    real = planparse.cli._document

    def parse_while_someone_writes(file: str, max_size: int, pdf):
        document = real(file, max_size, pdf)
        target.write_text("someone else's", encoding="utf-8")  # after the check, before the rename
        return document

    monkeypatch.setattr(planparse.cli, "_document", parse_while_someone_writes)
    result = CliRunner().invoke(planparse.cli.app, ["extract", str(SAMPLE), "-o", str(target)])
    assert result.exit_code == 2 and "appeared while the input was read" in result.stderr
    assert target.read_text(encoding="utf-8") == "someone else's"
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".planparse-")]


def test_output_dash_is_standard_output(tmp_path):
    done = _planparse("extract", SAMPLE, "-o", "-", cwd=tmp_path)
    assert done.returncode == 0 and json.loads(done.stdout)["schema_version"] == "1"
    assert not (tmp_path / "-").exists()


def test_the_table_may_not_be_the_run_report(tmp_path):
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    (source / "plan.txt").write_bytes(PLAN)
    done = _planparse("batch", source, "--output", out, "--table", out / "planparse-report.json")
    assert done.returncode == 2 and "is where the batch keeps the run report" in _one_line(done)


def test_a_file_without_a_plan_has_its_row_in_the_table(tmp_path):
    source, out, table = tmp_path / "in", tmp_path / "out", tmp_path / "all.csv"
    source.mkdir()
    (source / "empty.txt").write_bytes(b"")
    (source / "plan.txt").write_bytes(PLAN)
    assert _planparse("batch", source, "--output", out, "--table", table).returncode == 0
    rows = table.read_text(encoding="utf-8-sig").splitlines()[1:]
    assert [row.split(",")[0] for row in rows] == ["empty.txt", "plan.txt"]


# The model: spans in order, titles never empty, no list cut short.

def test_a_span_cannot_end_before_it_starts():
    with pytest.raises(ValidationError, match="ends .line 3. before it starts .line 5."):
        Span(start_line=5, end_line=3)
    assert Span(start_line=3, end_line=3).page is None


@pytest.mark.parametrize("title", ["", " "])
def test_a_strategy_title_cannot_be_empty(title):
    with pytest.raises(ValidationError):
        Strategy(title=title, span=Span(start_line=1, end_line=1))


def test_a_page_is_written_only_when_known():
    item = Item(text="ก", span=Span(start_line=1, end_line=2))
    assert "page" not in item.model_dump_json()
    assert json.loads(Item(text="ก", span=Span(start_line=1, end_line=2, page=4))
                      .model_dump_json())["span"]["page"] == 4


def test_a_strategy_heading_without_a_name_parses():
    document = planparse.parse("ยุทธศาสตร์ที่ 1\n")
    assert all(strategy.title for strategy in document.strategies)


def test_a_list_of_1002_items_keeps_1002():
    text = lines("พันธกิจ", *(f"{number}. พัฒนาด้านที่ {number}" for number in range(1, 1003)))
    assert len(planparse.parse(text).missions) == 1002


# The library: bytes decode like a file; wrong types are a TypeError.

def test_parse_of_bytes_decodes_them_as_a_file():
    text = "วิสัยทัศน์\n“เมืองน่าอยู่”\n"
    for data in (text.encode("utf-8"), text.encode("utf-16"), text.encode("cp874")):
        document = planparse.parse(data)
        assert document.vision.text == "เมืองน่าอยู่" and document.source.path == "-"
    with pytest.raises(planparse.PlanParseError, match="the PDF is truncated"):
        planparse.parse(b"%PDF-1.7 ...")  # read as a PDF, which this is not all of


@pytest.mark.parametrize("call", [
    lambda: planparse.parse(3),
    lambda: planparse.parse(None),
    lambda: planparse.parse_bytes("text", "plan.txt"),
    lambda: planparse.parse_bytes(b"", 3),
    lambda: planparse.parse_file(3),
], ids=["parse int", "parse None", "parse_bytes str", "parse_bytes path", "parse_file int"])
def test_a_wrong_argument_type_is_a_clear_type_error(call):
    with pytest.raises(TypeError, match=r"takes .* not "):
        call()


# Usage errors, names and counts.

@pytest.mark.parametrize("arguments", [["extract", "--bogus", "x"], ["extract"], ["nope"],
                                       ["extract", SAMPLE, "-f", "xml"]],
                         ids=["unknown option", "missing file", "unknown command", "bad format"])
def test_a_usage_error_is_one_line_and_exit_2(arguments):
    done = _planparse(*arguments)
    assert done.returncode == 2
    assert "--help)" in _one_line(done) and "─" not in done.stderr.decode()


def test_help_is_also_dash_h_and_lists_the_exit_codes():
    short, long = _planparse("-h"), _planparse("--help")
    assert short.returncode == long.returncode == 0 and short.stdout == long.stdout
    assert b"Exit codes:" in short.stdout and b"130" in short.stdout
    assert b"--install-completion" in short.stdout


def test_one_file_is_counted_in_the_singular(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "plan.txt").write_bytes(PLAN)
    done = _planparse("batch", source, "--output", tmp_path / "out")
    assert re.search(r"planparse batch: 1 file\s*\n", done.stdout.decode())


def test_the_lock_is_on_the_folder_and_leaves_no_file(tmp_path):
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    (source / "plan.txt").write_bytes(PLAN)
    batch = prepare(source, out, BatchOptions(workers=1))
    other = os.open(out, os.O_RDONLY)
    try:
        with pytest.raises(BlockingIOError):
            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        os.close(other)
    run(batch)
    assert sorted(path.name for path in out.iterdir()) == ["plan.json", "planparse-report.json"]


def test_no_arguments_at_all_shows_the_help_not_a_line():
    done = _planparse()
    assert done.returncode == 2 and done.stderr.decode().startswith("Usage: planparse")
    assert "\\x0a" not in done.stderr.decode()
