"""planparse batch: mirrored outputs, the run report, incremental re-runs, workers, Ctrl-C.

Folders are small (a few copies of the samples) so that the suite stays fast; the few
tests that need real worker processes or signals run the command in a subprocess.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import planparse
from planparse.batch import REPORT_NAME
from planparse.cli import app
from planparse.flat import count_items
from planparse.outputs import TEMPORARY_PREFIX, remove_leftovers
from planparse.writers import CSV_COLUMNS, csv_rows, spreadsheet_cell
from conftest import SAMPLES

runner = CliRunner()

# name in the input folder -> bytes; Thai and spaces in folder and file names on purpose.
GOOD = {
    "ลำพูน/อำเภอ เมือง/แผน 1.txt": SAMPLES[0].read_bytes(),
    "ลำพูน/แผน 2.txt": SAMPLES[1].read_bytes(),
    "top.txt": SAMPLES[3].read_bytes(),
}
EMPTY = {"empty.txt": b""}
BAD = {
    "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "junk/binary.txt": bytes(range(256)) * 8,
}


def _folder(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def _batch(*args, workers: int = 1):
    return runner.invoke(app, ["batch", *map(str, args), "--workers", str(workers)])


def _report(out: Path) -> dict:
    return json.loads((out / REPORT_NAME).read_text(encoding="utf-8"))


def _statuses(out: Path) -> dict[str, str]:
    return {record["input"]: record["status"] for record in _report(out)["files"]}


def _outputs(out: Path) -> dict[str, bytes]:
    """Every output file except the report (which holds timings), by relative path."""
    return {path.relative_to(out).as_posix(): path.read_bytes()
            for path in sorted(out.rglob("*")) if path.is_file() and path.name != REPORT_NAME}


def _temporary_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.name.startswith(TEMPORARY_PREFIX)]


def test_outputs_mirror_the_tree_and_match_the_library(tmp_path):
    source = _folder(tmp_path / "in", {**GOOD, **EMPTY, "notes.md": b"not a plan"})
    out = tmp_path / "out"
    result = _batch(source, "--output", out)
    assert result.exit_code == 0, result.output
    assert set(_outputs(out)) == {"ลำพูน/อำเภอ เมือง/แผน 1.json", "ลำพูน/แผน 2.json",
                                  "top.json", "empty.json"}
    for name, data in {**GOOD, **EMPTY}.items():
        expected = planparse.to_json(planparse.parse_bytes(data, name))
        assert (out / name).with_suffix(".json").read_text(encoding="utf-8") == expected
    assert json.loads((out / "empty.json").read_text(encoding="utf-8"))["warnings"][0]["code"] \
        == "NO_PLAN_FOUND"


def test_bad_files_fail_with_a_reason_and_the_batch_goes_on(tmp_path):
    source = _folder(tmp_path / "in", {**GOOD, **EMPTY, **BAD})
    out = tmp_path / "out"
    result = _batch(source, "--output", out)
    assert result.exit_code == 1
    assert _statuses(out) == {**dict.fromkeys(GOOD, "converted"), "empty.txt": "converted",
                              "image.txt": "failed", "junk/binary.txt": "failed"}
    failures = [line for line in result.stderr.splitlines() if line.startswith("failed")]
    assert failures == [
        "failed      image.txt: not a text file, it looks like a PNG image",
        "failed      junk/binary.txt: not a text file (it contains binary data)",
    ]
    assert not (out / "image.json").exists() and not (out / "junk").exists()


def test_the_run_report_records_each_input(tmp_path):
    source = _folder(tmp_path / "in", {**GOOD, **EMPTY, **BAD})
    out = tmp_path / "out"
    _batch(source, "--output", out)
    report = _report(out)
    records = {record["input"]: record for record in report["files"]}
    for name, data in GOOD.items():
        record, document = records[name], planparse.parse_bytes(data, name)
        assert record["sha256"] == hashlib.sha256(data).hexdigest()
        assert record["reason"] is None and record["seconds"] > 0
        assert record["output"]["counts"] == count_items(document)
        assert record["output"]["warnings"] == [w.model_dump(mode="json") for w in document.warnings]
        written = (out / record["output"]["path"]).read_bytes()
        assert record["output"]["sha256"] == hashlib.sha256(written).hexdigest()
    assert records["image.txt"]["reason"] == "image.txt: not a text file, it looks like a PNG image"
    assert records["image.txt"]["output"] is None
    assert records["empty.txt"]["output"]["warnings"][0]["code"] == "NO_PLAN_FOUND"
    strategies = sum(len(planparse.parse_bytes(data).strategies) for data in GOOD.values())
    assert report["summary"] == {"files": 6, "converted": 4, "skipped": 0,
                                 "with_warnings": 1 + _with_warnings(GOOD), "failed": 2,
                                 "interrupted": 0, "strategies": strategies}
    assert report["interrupted"] is False and report["format"] == "json"


def _with_warnings(files: dict[str, bytes]) -> int:
    return sum(1 for data in files.values() if planparse.parse_bytes(data).warnings)


def test_the_summary_table_is_printed_at_the_end(tmp_path):
    source = _folder(tmp_path / "in", {**GOOD, **BAD})
    out = tmp_path / "out"
    result = _batch(source, "--output", out)
    assert result.stdout.startswith("planparse batch: 5 files")
    rows = _summary_rows(result.stdout)
    strategies = sum(len(planparse.parse_bytes(data).strategies) for data in GOOD.values())
    assert {label: rows[label] for label in list(rows)[:5]} == {
        "converted": "3", "skipped (unchanged)": "0", "with warnings": str(_with_warnings(GOOD)),
        "failed": "2", "strategies found": str(strategies)}
    assert list(rows) == ["converted", "skipped (unchanged)", "with warnings", "failed",
                          "strategies found", "time"]
    assert rows["time"].endswith("files/s converted)")
    assert result.stdout.splitlines()[-1] == f"report: {out / REPORT_NAME}"


def _summary_rows(printed: str) -> dict[str, str]:
    """The label and value of each row of the summary table rich drew."""
    cells = [line.split("│")[1:3] for line in printed.splitlines() if line.startswith("│")]
    return {label.strip(): value.strip() for label, value in cells}


def test_a_rerun_skips_what_did_not_change_and_redoes_what_did(tmp_path):
    source = _folder(tmp_path / "in", GOOD)
    out = tmp_path / "out"
    assert _batch(source, "--output", out).exit_code == 0
    untouched = out / "ลำพูน/แผน 2.json"
    written_at = untouched.stat().st_mtime_ns
    (source / "top.txt").write_bytes(SAMPLES[4].read_bytes())
    result = _batch(source, "--output", out)
    assert result.exit_code == 0
    assert _statuses(out) == {"ลำพูน/อำเภอ เมือง/แผน 1.txt": "skipped",
                              "ลำพูน/แผน 2.txt": "skipped", "top.txt": "converted"}
    assert untouched.stat().st_mtime_ns == written_at
    assert (out / "top.json").read_text(encoding="utf-8") == planparse.to_json(
        planparse.parse_bytes(SAMPLES[4].read_bytes(), "top.txt"))
    skipped = {record["input"]: record for record in _report(out)["files"]}["ลำพูน/แผน 2.txt"]
    assert skipped["output"]["counts"]["strategy"] > 0  # carried over from the run that wrote it
    assert "skipped (unchanged)" in result.stdout


def test_a_rerun_fails_unchanged_bad_files_again_without_reading_them_through(tmp_path, monkeypatch):
    import planparse.batch

    source = _folder(tmp_path / "in", {**GOOD, **BAD})
    out = tmp_path / "out"
    first = _batch(source, "--output", out)
    read = []
    real = planparse.batch.converting.read_input
    monkeypatch.setattr(planparse.batch.converting, "read_input",
                        lambda path, **options: read.append(path) or real(path, **options))
    again = _batch(source, "--output", out)
    assert again.exit_code == 1 and read == []
    assert [line for line in again.stderr.splitlines() if line.startswith("failed")] == \
        [line for line in first.stderr.splitlines() if line.startswith("failed")]
    assert _statuses(out)["image.txt"] == "failed"
    assert _batch(source, "--output", out, "--force").exit_code == 1
    assert {path.name for path in read} == {"image.txt", "binary.txt", *(Path(n).name for n in GOOD)}
    (source / "image.txt").write_bytes(SAMPLES[2].read_bytes())  # the bytes changed: tried again
    assert _batch(source, "--output", out).exit_code == 1
    assert _statuses(out)["image.txt"] == "converted"


def test_a_file_that_could_not_be_read_is_tried_again(tmp_path, monkeypatch):
    import planparse.batch

    source = _folder(tmp_path / "in", GOOD)
    out = tmp_path / "out"
    real = planparse.batch.converting.read_input

    def denied(path, **options):
        if path.name == "top.txt":
            raise planparse.PlanParseError(f"{path}: permission denied")
        return real(path, **options)

    monkeypatch.setattr(planparse.batch.converting, "read_input", denied)
    assert _batch(source, "--output", out).exit_code == 1
    monkeypatch.setattr(planparse.batch.converting, "read_input", real)
    assert _batch(source, "--output", out).exit_code == 0
    assert _statuses(out)["top.txt"] == "converted"


def test_force_converts_unchanged_inputs_again(tmp_path):
    source = _folder(tmp_path / "in", GOOD)
    out = tmp_path / "out"
    _batch(source, "--output", out)
    assert _batch(source, "--output", out, "--force").exit_code == 0
    assert set(_statuses(out).values()) == {"converted"}


def test_a_new_parser_redoes_everything(tmp_path, monkeypatch):
    import planparse.batch

    source = _folder(tmp_path / "in", GOOD)
    out = tmp_path / "out"
    _batch(source, "--output", out)
    monkeypatch.setattr(planparse.batch.planning, "fingerprint", lambda format, ocr: "another parser")
    assert _batch(source, "--output", out).exit_code == 0
    assert set(_statuses(out).values()) == {"converted"}


def test_the_fingerprint_follows_format_code_data_and_libraries(tmp_path, monkeypatch):
    import planparse.batch.planning
    from planparse.batch.planning import fingerprint

    package = tmp_path / "planparse"
    _folder(package, {"parser.py": b"rules", "vocabulary.txt": b"words", "batch/pool.py": b"pool"})
    monkeypatch.setattr(planparse.batch.planning, "PACKAGE", package)
    first = fingerprint("json")
    assert fingerprint("json") == first and fingerprint("yaml") != first
    (package / "vocabulary.txt").write_bytes(b"more words")
    second = fingerprint("json")
    assert second != first
    (package / "batch" / "pool.py").write_bytes(b"another pool")  # a subpackage counts too
    assert fingerprint("json") != second
    monkeypatch.setattr(planparse.batch.planning, "_installed_version", lambda name: "99")
    assert fingerprint("json") != second


def test_another_format_is_not_taken_for_the_same_output(tmp_path):
    source = _folder(tmp_path / "in", GOOD)
    out = tmp_path / "out"
    _batch(source, "--output", out)
    assert _batch(source, "--output", out, "--format", "yaml").exit_code == 0
    assert set(_statuses(out).values()) == {"converted"}
    for name, data in GOOD.items():
        as_yaml = yaml.safe_load((out / name).with_suffix(".yaml").read_text(encoding="utf-8"))
        assert as_yaml == json.loads((out / name).with_suffix(".json").read_text(encoding="utf-8"))


def test_an_output_changed_by_hand_is_not_overwritten_without_force(tmp_path):
    source = _folder(tmp_path / "in", GOOD)
    out = tmp_path / "out"
    _batch(source, "--output", out)
    edited = out / "top.json"
    edited.write_text("my corrections", encoding="utf-8")
    result = _batch(source, "--output", out)
    assert result.exit_code == 1
    assert "top.txt: its output top.json already exists and was not written by this batch " \
        "(add --force" in result.stderr
    assert edited.read_text(encoding="utf-8") == "my corrections"
    assert _statuses(out)["top.txt"] == "failed"
    assert _batch(source, "--output", out, "--force").exit_code == 0
    assert json.loads(edited.read_text(encoding="utf-8"))["source"]["path"] == "top.txt"


def test_a_lost_report_costs_time_not_a_force(tmp_path):
    source = _folder(tmp_path / "in", GOOD)
    out = tmp_path / "out"
    _batch(source, "--output", out)
    before = _outputs(out)
    (out / REPORT_NAME).unlink()
    assert _batch(source, "--output", out).exit_code == 0  # same bytes: nothing is lost
    assert set(_statuses(out).values()) == {"converted"} and _outputs(out) == before


def test_a_foreign_report_file_is_not_overwritten_without_force(tmp_path):
    source = _folder(tmp_path / "in", GOOD)
    out = tmp_path / "out"
    out.mkdir()
    (out / REPORT_NAME).write_text("someone else's notes", encoding="utf-8")
    result = _batch(source, "--output", out)
    assert result.exit_code == 2
    assert "is not a planparse run report" in result.stderr and result.stderr.count("\n") == 1
    assert (out / REPORT_NAME).read_text(encoding="utf-8") == "someone else's notes"
    assert _batch(source, "--output", out, "--force").exit_code == 0
    assert _report(out)["summary"]["converted"] == 3


def test_the_table_holds_every_item_of_every_plan_in_input_order(tmp_path):
    source = _folder(tmp_path / "in", {**GOOD, **BAD})
    out, table = tmp_path / "out", tmp_path / "all.csv"
    assert _batch(source, "--output", out, "--table", table).exit_code == 1
    data = table.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    expected = [[spreadsheet_cell(cell) for cell in row] for name in sorted(GOOD)
                for row in csv_rows(planparse.parse_bytes(GOOD[name], name))]
    assert rows == [list(CSV_COLUMNS), *expected]
    assert _report(out)["table"]["sha256"] == hashlib.sha256(data).hexdigest()
    rerun = _batch(source, "--output", out, "--table", table)  # all skipped: rows read back
    assert rerun.exit_code == 1 and table.read_bytes() == data
    assert _statuses(out)["top.txt"] == "skipped"


def test_a_table_that_exists_is_not_overwritten_without_force(tmp_path):
    source = _folder(tmp_path / "in", GOOD)
    table = tmp_path / "all.csv"
    table.write_text("keep", encoding="utf-8")
    result = _batch(source, "--output", tmp_path / "out", "--table", table)
    assert result.exit_code == 2 and f"{table}: already exists" in result.stderr
    assert table.read_text(encoding="utf-8") == "keep"
    assert _batch(source, "--output", tmp_path / "out", "--table", table, "--force").exit_code == 0


@pytest.mark.parametrize("format", ["json", "yaml", "csv"])
def test_the_table_is_the_same_whatever_the_output_format(tmp_path, format):
    source = _folder(tmp_path / "in", GOOD)
    out, table = tmp_path / "out", tmp_path / "all.csv"
    _batch(source, "--output", out, "--table", table, "--format", format)
    first = table.read_bytes()
    expected = planparse.writers.csv_table(
        row for name in sorted(GOOD) for row in csv_rows(planparse.parse_bytes(GOOD[name], name)))
    assert first == expected.encode("utf-8")
    _batch(source, "--output", out, "--table", table, "--format", format)
    assert table.read_bytes() == first


def test_csv_outputs_are_one_table_a_file(tmp_path):
    source = _folder(tmp_path / "in", GOOD)
    out = tmp_path / "out"
    assert _batch(source, "--output", out, "--format", "csv").exit_code == 0
    for name, data in GOOD.items():
        written = (out / name).with_suffix(".csv").read_bytes()
        assert written == planparse.render(planparse.parse_bytes(data, name), "csv").encode("utf-8")


def test_pattern_and_no_recursive_choose_the_inputs(tmp_path):
    source = _folder(tmp_path / "in", {**GOOD, "extra.plan": SAMPLES[2].read_bytes()})
    out = tmp_path / "out"
    assert _batch(source, "--output", out, "--pattern", "*.plan").exit_code == 0
    assert set(_statuses(out)) == {"extra.plan"}
    assert _batch(source, "--output", tmp_path / "flat", "--no-recursive").exit_code == 0
    assert set(_statuses(tmp_path / "flat")) == {"top.txt"}


def test_two_inputs_with_one_output_name_do_not_overwrite_each_other(tmp_path):
    source = _folder(tmp_path / "in", {"plan.txt": SAMPLES[0].read_bytes(),
                                       "plan.md": SAMPLES[1].read_bytes()})
    out = tmp_path / "out"
    result = _batch(source, "--output", out, "--pattern", "*")
    assert result.exit_code == 1
    assert _statuses(out) == {"plan.md": "converted", "plan.txt": "failed"}
    assert "plan.txt: its output plan.json would overwrite plan.md" in result.stderr
    assert json.loads((out / "plan.json").read_text(encoding="utf-8"))["source"]["path"] == "plan.md"


def test_outputs_are_the_same_bytes_with_one_or_two_workers(tmp_path):
    source = _folder(tmp_path / "in", {**GOOD, **EMPTY, **BAD,
                                       "copy/แผน 3.txt": SAMPLES[2].read_bytes(),
                                       "copy/แผน 4.txt": SAMPLES[4].read_bytes()})
    one, two = tmp_path / "one", tmp_path / "two"
    assert _batch(source, "--output", one, workers=1).exit_code == 1
    assert _batch(source, "--output", two, workers=2).exit_code == 1
    assert _outputs(one) == _outputs(two) and len(_outputs(one)) == 6

    def without_timings(out: Path) -> list[dict]:
        return [{**record, "seconds": 0} for record in _report(out)["files"]]

    assert without_timings(one) == without_timings(two)


def test_leftover_temporary_files_are_removed_and_others_kept(tmp_path):
    source = _folder(tmp_path / "in", GOOD)
    out = tmp_path / "out"
    leftover = out / "ลำพูน" / f"{TEMPORARY_PREFIX}abc123.tmp"
    mine = out / "ลำพูน" / "my notes.tmp"
    _folder(out, {leftover.relative_to(out).as_posix(): b"half", mine.relative_to(out).as_posix(): b"keep"})
    assert _batch(source, "--output", out).exit_code == 0
    assert not leftover.exists() and mine.read_bytes() == b"keep"


def test_plain_lines_when_not_on_a_terminal_and_quiet_keeps_only_failures(tmp_path):
    source = _folder(tmp_path / "in", {**GOOD, **BAD})
    result = _batch(source, "--output", tmp_path / "out")
    assert result.stderr.splitlines() == [
        "failed      image.txt: not a text file, it looks like a PNG image",
        "failed      junk/binary.txt: not a text file (it contains binary data)",
        "converted   top.txt",
        "converted   ลำพูน/อำเภอ เมือง/แผน 1.txt",
        "converted   ลำพูน/แผน 2.txt",
    ]
    quiet = _batch(source, "--output", tmp_path / "quiet", "--quiet")
    assert quiet.exit_code == 1 and quiet.stdout == ""
    assert [line.split()[0] for line in quiet.stderr.splitlines()] == ["failed", "failed"]


@pytest.mark.parametrize("files, options, code", [
    ({**GOOD, **EMPTY}, [], 0),
    ({**GOOD, **EMPTY}, ["--strict"], 3),
    (GOOD, ["--strict"], 3 if _with_warnings(GOOD) else 0),
    ({**GOOD, **EMPTY, **BAD}, ["--strict"], 1),  # a failure outranks warnings
])
def test_exit_codes(tmp_path, files, options, code):
    source = _folder(tmp_path / "in", files)
    assert _batch(source, "--output", tmp_path / "out", *options).exit_code == code


def test_a_parser_crash_on_one_file_fails_that_file_only(tmp_path, monkeypatch):
    import planparse.batch

    real = planparse.batch.converting.parse_bytes

    def crash_on_top(data, path, pdf=None):
        if path == "top.txt":
            raise RecursionError("maximum recursion depth exceeded")
        return real(data, path, pdf)

    monkeypatch.setattr(planparse.batch.converting, "parse_bytes", crash_on_top)
    source = _folder(tmp_path / "in", GOOD)
    result = _batch(source, "--output", tmp_path / "out")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert ("failed      top.txt: planparse failed on this file (RecursionError: maximum "
            "recursion depth exceeded); please report it") in result.stderr.splitlines()
    assert _statuses(tmp_path / "out")["ลำพูน/แผน 2.txt"] == "converted"


def test_ctrl_c_keeps_what_is_done_and_a_rerun_finishes(tmp_path, monkeypatch):
    import planparse.batch

    real, calls = planparse.batch.converting.parse_bytes, []

    def interrupted_at_the_second_file(data, path, pdf=None):
        calls.append(path)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(data, path, pdf)

    monkeypatch.setattr(planparse.batch.converting, "parse_bytes", interrupted_at_the_second_file)
    source = _folder(tmp_path / "in", GOOD)
    out = tmp_path / "out"
    result = _batch(source, "--output", out)
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1] == (
        f"planparse: interrupted: 1 of 3 files are done and kept; run the same command again "
        f"to finish (report: {out / REPORT_NAME})")
    assert _statuses(out) == {"top.txt": "converted", "ลำพูน/อำเภอ เมือง/แผน 1.txt": "interrupted",
                              "ลำพูน/แผน 2.txt": "interrupted"}
    assert _report(out)["interrupted"] is True
    assert set(_outputs(out)) == {"top.json"} and not _temporary_files(out)
    monkeypatch.setattr(planparse.batch.converting, "parse_bytes", real)
    assert _batch(source, "--output", out).exit_code == 0
    assert _statuses(out) == {"top.txt": "skipped", "ลำพูน/อำเภอ เมือง/แผน 1.txt": "converted",
                              "ลำพูน/แผน 2.txt": "converted"}


# Worker processes and signals need a real process: these run the command in a subprocess,
# on enough files that the run is still going when the signal comes.
COPIES = 80

def _many(root: Path, copies: int) -> Path:
    return _folder(root, {f"ชุด {index // 10}/แผน {index}.txt": SAMPLES[index % len(SAMPLES)].read_bytes()
                          for index in range(copies)})


@pytest.fixture
def start():
    """Start ``planparse batch`` in its own process group, and kill the group (workers
    included) after the test, so that a failing test leaves no process behind."""
    started = []

    def start(source: Path, out: Path, workers: int) -> subprocess.Popen:
        process = subprocess.Popen([sys.executable, "-m", "planparse", "batch", str(source),
                                    "--output", str(out), "--workers", str(workers), "--quiet"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   start_new_session=True)
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _wait_for_first_output(out: Path, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while not any(out.rglob("*.json")):
        assert process.poll() is None, process.stderr.read().decode()
        assert time.monotonic() < deadline, "no output appeared"
        time.sleep(0.01)


def _worker_pids(parent: int) -> list[int]:
    """The batch's worker processes: the children of its fork server, or the children it
    spawned itself where there is no fork server."""
    children = _children(parent)
    servers = [pid for pid, command in children if b"forkserver" in command]
    if servers:
        return [pid for server in servers for pid, _ in _children(server)]
    return [pid for pid, command in children if b"spawn_main" in command]


def _children(parent: int) -> list[tuple[int, bytes]]:
    """(pid, command line) of each child of ``parent``."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == parent:
            children.append((int(stat.parent.name), command))
    return children


def _assert_every_output_is_whole(out: Path) -> None:
    assert not _temporary_files(out)
    for path in out.rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))


def test_ctrl_c_with_workers_exits_130_and_leaves_whole_files_only(tmp_path, start):
    source, out = _many(tmp_path / "in", COPIES), tmp_path / "out"
    process = start(source, out, workers=2)
    _wait_for_first_output(out, process)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr.decode()
    assert stderr.decode().startswith("planparse: interrupted: ") and stderr.count(b"\n") == 1
    _assert_every_output_is_whole(out)
    statuses = _statuses(out)
    assert _report(out)["interrupted"] is True and len(statuses) == COPIES
    done = [name for name, status in statuses.items() if status == "converted"]
    assert 0 < len(done) < COPIES and set(statuses.values()) == {"converted", "interrupted"}
    assert {Path(name).with_suffix(".json").as_posix() for name in done} == set(_outputs(out))


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finding workers needs /proc")
def test_killed_workers_fail_their_files_only_and_the_batch_goes_on(tmp_path, start):
    source, out = _many(tmp_path / "in", COPIES), tmp_path / "out"
    process = start(source, out, workers=2)
    _wait_for_first_output(out, process)
    workers = _worker_pids(process.pid)
    assert workers, "no worker process found"
    # Both: one of them may still be starting, which fails no file, and the one that wrote
    # the first output is converting the next.
    for worker in workers:
        os.kill(worker, signal.SIGKILL)
    # Killed from outside, they were converting files that did not kill them: those are
    # converted again, one at a time, and the batch ends with every file converted.
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr.decode()
    _assert_every_output_is_whole(out)
    statuses = _statuses(out)
    assert len(statuses) == COPIES and set(statuses.values()) == {"converted"}
    rerun = start(source, out, workers=2)
    assert rerun.wait(timeout=60) == 0
    assert set(_statuses(out).values()) == {"skipped"}


# The pool, in this process, with real worker processes.

def _jobs(batch) -> list:
    from planparse.batch import Job, skip_or_job

    jobs = [skip_or_job(batch, candidate) for candidate in batch.candidates]
    assert all(isinstance(job, Job) for job in jobs)
    batch.release()
    return jobs


def _workers_jobs(tmp_path: Path, copies: int = COPIES) -> tuple[Path, list]:
    from planparse.batch import BatchOptions, prepare

    out = tmp_path / "out"
    return out, _jobs(prepare(_many(tmp_path / "in", copies), out, BatchOptions(workers=2)))


def _convert_or_die(killer: str, job):
    """convert_file, except that the worker converting ``killer`` dies (as out of memory)."""
    from planparse.batch import convert_file

    if job.name == killer:
        os._exit(9)
    return convert_file(job)


def _cannot_start() -> None:
    os._exit(3)


def _slow_process_id(job: object) -> int:
    import time

    time.sleep(0.3)  # a scan's OCR, say: long enough for the other worker to start one
    return os.getpid()


def test_a_few_slow_jobs_spread_over_every_worker():
    """Eight jobs for two workers are not one chunk of eight on one worker."""
    import threading

    from planparse.batch import ProcessPool

    workers = set(ProcessPool(2)(_slow_process_id, list(range(8)), lambda job: -1, threading.Event()))
    assert len(workers) == 2


def test_a_stop_starts_no_more_chunks_and_records_every_file_started(tmp_path):
    import threading

    from planparse.batch import ProcessPool, convert_file, lost

    out, jobs = _workers_jobs(tmp_path, 200)
    stop, records = threading.Event(), []
    for record in ProcessPool(2)(convert_file, jobs, lost, stop):
        records.append(record)
        stop.set()  # as a Ctrl-C would, at the first file done
    assert 1 <= len(records) < len(jobs)
    assert {record.status.value for record in records} == {"converted"}
    _assert_every_output_is_whole(out)
    # A chunk started was waited for and recorded; one not started wrote nothing.
    assert set(_outputs(out)) == {record.output.path for record in records}


def test_a_file_that_kills_its_worker_fails_alone_and_the_others_are_converted(tmp_path):
    import functools
    import threading

    from planparse.batch import ProcessPool, lost

    out, jobs = _workers_jobs(tmp_path)
    killer = jobs[5].name
    records = list(ProcessPool(2)(functools.partial(_convert_or_die, killer), jobs, lost,
                                  threading.Event()))
    assert sorted(record.input for record in records) == sorted(job.name for job in jobs)
    failed = [record for record in records if record.status.value == "failed"]
    assert [record.input for record in failed] == [killer]
    assert "its worker process stopped (killed, out of memory" in failed[0].reason
    remove_leftovers({out, *(job.target.parent for job in jobs)})  # as run() does next
    _assert_every_output_is_whole(out)


def test_workers_that_cannot_start_fail_every_file_once(tmp_path):
    import threading

    from planparse.batch import ProcessPool, convert_file, lost

    out, jobs = _workers_jobs(tmp_path, 20)
    records = list(ProcessPool(2, initializer=_cannot_start)(convert_file, jobs, lost,
                                                            threading.Event()))
    assert sorted(record.input for record in records) == sorted(job.name for job in jobs)
    assert {record.status.value for record in records} == {"failed"}
    assert all("unable to start" in record.reason for record in records)


def test_a_worker_starts_even_when_the_word_lists_cannot_be_read(monkeypatch):
    import planparse.dictionary
    from planparse.batch import load_word_lists
    from planparse.errors import PlanParseError

    def unreadable():
        raise PlanParseError("pythainlp's corpus file words_th.txt cannot be read")

    monkeypatch.setattr(planparse.dictionary, "words", unreadable)
    load_word_lists()  # does not raise: each file says what is wrong when it is parsed


def test_the_worker_server_starts_with_ctrl_c_ignored_and_the_handler_comes_back():
    # A process inherits an ignored SIGINT through exec (and the fork server passes it to
    # the workers it forks), so a Ctrl-C cannot interrupt their imports into tracebacks.
    def handler(signum, frame):
        pass

    previous = signal.signal(signal.SIGINT, handler)
    try:
        with planparse.batch.pool._interrupts_ignored():
            assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        assert signal.getsignal(signal.SIGINT) is handler
    finally:
        signal.signal(signal.SIGINT, previous)


def test_jsonl_puts_every_document_on_its_line_in_input_order(tmp_path):
    source = _folder(tmp_path / "in", GOOD)
    out = tmp_path / "out"
    assert _batch(source, "--output", out, "--format", "jsonl").exit_code == 0
    documents = (out / "planparse-documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["source"]["path"] for line in documents] == sorted(GOOD)
    for name in GOOD:
        one = (out / name).with_suffix(".jsonl").read_text(encoding="utf-8")
        assert one.count("\n") == 1 and json.loads(one) == json.loads(
            planparse.to_json(planparse.parse_bytes(GOOD[name], name)))
    before = (out / "planparse-documents.jsonl").read_bytes()
    assert _batch(source, "--output", out, "--format", "jsonl").exit_code == 0  # all skipped
    assert set(_statuses(out).values()) == {"skipped"}
    assert (out / "planparse-documents.jsonl").read_bytes() == before


def test_another_pool_can_run_the_conversions(tmp_path):
    from planparse.batch import BatchOptions, in_this_process, prepare, run

    seen = []

    def recording_pool(convert, jobs, lost, stop):  # what a cluster's client would stand in for
        seen.extend(job.name for job in jobs)
        yield from in_this_process(convert, jobs, lost, stop)

    source = _folder(tmp_path / "in", GOOD)
    report = run(prepare(source, tmp_path / "out", BatchOptions(workers=4)), pool=recording_pool)
    assert sorted(seen) == sorted(GOOD) and report.summary.converted == len(GOOD)
