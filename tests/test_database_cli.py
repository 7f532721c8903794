"""The plans database through the command line: batch --database, database, search.

What the issue asks of a batch and a search is run as a user would: the command, its
output, its exit code. The few tests that need a killed process run it in a subprocess.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planparse.batch import REPORT_NAME
from planparse.cli import EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, app
from planparse.database import open_database
from conftest import REAL_INPUTS, SAMPLES, SHARED
from test_database import plan, rebuilt_document, rows_by_document, spans_of

runner = CliRunner()


def planparse(*args: object):
    return runner.invoke(app, [str(arg) for arg in args])


def _folder(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def _json_outputs(out: Path) -> dict[str, dict]:
    """Every JSON output of a batch, by its document's source path."""
    documents = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(out.rglob("*.json"))
                 if path.name != REPORT_NAME]
    return {document["source"]["path"]: document for document in documents}


def _stored(database: Path) -> dict[str, dict]:
    with open_database(database, write=False) as opened:
        paths = [row[0] for row in opened.connection.execute("SELECT path FROM documents")]
        return {path: rebuilt_document(opened, path) for path in paths}


def _rows(database: Path) -> dict[str, list[tuple]]:
    with open_database(database, write=False) as opened:
        return rows_by_document(opened)


def _one_line_error(result, code: int, message: str) -> None:
    assert result.exit_code == code, result.output
    assert result.stderr == f"planparse: {message}\n"
    assert "Traceback" not in result.output


@pytest.fixture(scope="module")
def real_batch(tmp_path_factory) -> tuple[Path, Path]:
    """The samples and the development passages through ``planparse batch --database``
    with two workers, in a subprocess (the words are cut in the worker processes)."""
    root = tmp_path_factory.mktemp("real")
    source = _folder(root / "in", {name: path.read_bytes() for name, path in REAL_INPUTS.items()})
    out, database = root / "out", root / "plans.sqlite"
    done = subprocess.run([sys.executable, "-m", "planparse", "batch", source, "-o", out,
                           "--database", database, "--workers", "2", "--quiet"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return out, database


# ------------------------------------------------------------------ what it holds


def test_a_batch_database_holds_every_item_of_every_json_output_with_its_text_and_span(real_batch):
    out, database = real_batch
    outputs = _json_outputs(out)
    assert len(outputs) == len(REAL_INPUTS)
    assert _stored(database) == outputs  # every item, text and span, rebuilt from the rows
    report = json.loads((out / REPORT_NAME).read_text(encoding="utf-8"))
    assert {key: report["database"][key] for key in ("added", "replaced", "unchanged")} == {
        "added": len(REAL_INPUTS), "replaced": 0, "unchanged": 0}


def test_the_database_command_builds_the_same_database_from_the_outputs(real_batch, tmp_path):
    out, database = real_batch
    result = planparse("database", out, "-o", tmp_path / "again.sqlite")
    assert result.exit_code == EXIT_OK, result.output
    count = len(REAL_INPUTS)
    assert result.stdout == (f"{tmp_path / 'again.sqlite'}: {count} documents ({count} added, "
                             "0 replaced, 0 unchanged), 0 failed\n")
    assert _stored(tmp_path / "again.sqlite") == _stored(database)
    again = planparse("database", out, "-o", tmp_path / "again.sqlite")
    assert f"(0 added, 0 replaced, {count} unchanged)" in again.stdout


def test_a_batch_into_outputs_written_before_stores_the_skipped_documents(tmp_path):
    source = _folder(tmp_path / "in", {f"{index}.txt": path.read_bytes()
                                       for index, path in enumerate(SAMPLES)})
    out = tmp_path / "out"
    assert planparse("batch", source, "-o", out, "-w", "1").exit_code == EXIT_OK
    result = planparse("batch", source, "-o", out, "-w", "1", "--database", tmp_path / "p.sqlite")
    assert result.exit_code == EXIT_OK, result.output
    assert f"database: {tmp_path / 'p.sqlite'}: {len(SAMPLES)} added, 0 replaced, 0 unchanged" \
        in result.stdout
    assert set(json.loads((out / REPORT_NAME).read_text())["summary"].items()) >= {
        ("skipped", len(SAMPLES)), ("converted", 0)}
    assert _stored(tmp_path / "p.sqlite") == _json_outputs(out)


@pytest.mark.parametrize("format", ["jsonl", "yaml"])
def test_a_batch_in_another_document_format_reads_its_outputs_back_for_the_database(
        tmp_path, format):
    source = _folder(tmp_path / "in", {"a.txt": SAMPLES[0].read_bytes()})
    out, database = tmp_path / "out", tmp_path / "p.sqlite"
    first = planparse("batch", source, "-o", out, "-w", "1", "-f", format, "--database", database)
    assert first.exit_code == EXIT_OK, first.output
    stored = _stored(database)
    database.unlink()  # a second run skips the input: its document is read back from its output
    second = planparse("batch", source, "-o", out, "-w", "1", "-f", format, "--database", database)
    assert second.exit_code == EXIT_OK, second.output
    assert "1 added" in second.stdout and _stored(database) == stored
    assert planparse("database", out, "-o", tmp_path / "from-folder.sqlite").exit_code == EXIT_OK
    assert _stored(tmp_path / "from-folder.sqlite") == stored


# ------------------------------------------------------------------ searching


def _search(database: Path, query: str, *options: object) -> list[dict]:
    """The hits as JSON; ``--`` before the query, which may start with a dash."""
    result = planparse("search", *options, "--format", "json", "--limit", "0", "--", database, query)
    assert result.exit_code == EXIT_OK, result.output
    return json.loads(result.stdout)


def test_search_finds_a_word_inside_a_longer_thai_compound(real_batch):
    _, database = real_batch
    hits = _search(database, "ท่องเที่ยว")
    texts = {hit["text"] for hit in hits}
    assert "ส่งเสริมการท่องเที่ยวเชิงคุณภาพ" in texts  # a strategy of dev/d03
    assert all("ท่องเที่ยว" in text for text in texts)
    for hit in hits:
        assert hit["marked"].count("«ท่องเที่ยว»") >= 1, hit["marked"]


def test_search_finds_nothing_for_a_word_that_is_absent(real_batch):
    _, database = real_batch
    assert _search(database, "รถไฟความเร็วสูงอวกาศ") == []
    result = planparse("search", database, "รถไฟความเร็วสูงอวกาศ")
    assert result.exit_code == EXIT_OK and result.stdout.startswith("0 hits")


def test_search_filters_by_kind_and_organisation_kind(real_batch):
    _, database = real_batch
    every = _search(database, "ท่องเที่ยว")
    strategies = _search(database, "ท่องเที่ยว", "--kind", "strategy")
    assert strategies and {hit["kind"] for hit in strategies} == {"strategy"}
    assert [hit for hit in every if hit["kind"] == "strategy"] == strategies
    municipal = _search(database, "ท่องเที่ยว", "--org-kind", "เทศบาลเมือง")
    assert municipal and {hit["organization_kind"] for hit in municipal} == {"เทศบาลเมือง"}
    assert [hit for hit in every if hit["organization_kind"] == "เทศบาลเมือง"] == municipal
    both = _search(database, "ท่องเที่ยว", "--kind", "strategy", "--org-kind", "เทศบาลเมือง")
    assert both == [hit for hit in strategies if hit["organization_kind"] == "เทศบาลเมือง"]


@pytest.mark.parametrize("query", [
    '"ท่องเที่ยว"', "ท่องเที่ยว OR ฟุตบอล", "ท่องเที่ยว NOT", "NEAR(ท่องเที่ยว)", "ท่องเที่ยว*",
    "-ท่องเที่ยว", "^ท่องเที่ยว", "words: ท่องเที่ยว", "ท่องเที่ยว'; DROP TABLE items; --",
    "ท่องเที่ยว\"); DELETE FROM documents; --",
])
def test_quotes_sql_and_fts_operators_in_a_query_are_plain_text(real_batch, query):
    _, database = real_batch
    before = _rows(database)
    hits = _search(database, query)
    plain_words = [word for word in ("ท่องเที่ยว", "OR", "ฟุตบอล", "NOT", "NEAR", "words", "DROP",
                                     "TABLE", "items", "DELETE", "FROM", "documents")
                   if word in query]
    for hit in hits:  # every word of the query, operators included, is a word to find
        assert all(word.lower() in hit["text"].lower() for word in plain_words), (query, hit)
    if plain_words == ["ท่องเที่ยว"]:
        assert hits == _search(database, "ท่องเที่ยว")
    assert _rows(database) == before


def test_the_table_highlights_the_match_and_says_where_it_is(real_batch):
    out, database = real_batch
    result = runner.invoke(app, ["search", str(database), "ท่องเที่ยวเชิงคุณภาพ"],
                           env={"FORCE_COLOR": "1", "COLUMNS": "250", "TERM": "xterm"})
    assert result.exit_code == EXIT_OK, result.output
    assert "1 hit" in result.stdout
    assert "\x1b[1;30;43mท่องเที่ยวเชิงคุณภาพ\x1b[0m" in result.stdout
    path = "dev/d03_lower_north_group_inline_paren.txt"
    (strategy,) = [strategy for strategy in _json_outputs(out)[path]["strategies"]
                   if strategy["title"] == "ส่งเสริมการท่องเที่ยวเชิงคุณภาพ"]
    assert f"{path} line {strategy['span']['start_line']}" in result.stdout
    assert _json_outputs(out)[path]["organization"]["name"] in result.stdout
    assert "strategy" in result.stdout


def test_search_csv_is_neutralised_for_spreadsheets_and_a_pdf_hit_says_its_page(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    document = plan("plans/ก.pdf", missions=[
        {"number": "1", "text": "=HYPERLINK(\"http://x\") ลดขยะ",
         "span": {"start_line": 4, "end_line": 4, "page": 3}},
        {"number": "1.10", "text": "-ลดขยะ", "span": {"start_line": 5, "end_line": 6, "page": 3}}])
    (out / "ก.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert planparse("database", out, "-o", tmp_path / "p.sqlite").exit_code == EXIT_OK
    result = planparse("search", tmp_path / "p.sqlite", "ขยะ", "--format", "csv")
    assert result.exit_code == EXIT_OK and result.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(result.stdout[1:])))
    assert {(row["number"], row["text"], row["marked"], row["page"]) for row in rows} == {
        ("1", "'=HYPERLINK(\"http://x\") ลดขยะ", "'=HYPERLINK(\"http://x\") ลด«ขยะ»", "3"),
        ("'1.10", "'-ลดขยะ", "'-ลด«ขยะ»", "3")}
    with open_database(tmp_path / "p.sqlite", write=False) as opened:
        assert opened.connection.execute("SELECT page_count FROM documents").fetchone() == (3,)
    table = runner.invoke(app, ["search", str(tmp_path / "p.sqlite"), "ขยะ"], env={"COLUMNS": "200"})
    assert "plans/ก.pdf page 3, lines 5-6" in table.stdout


# ------------------------------------------------------------------ bad input


def test_bad_databases_and_queries_are_one_line_errors(tmp_path, real_batch):
    _, database = real_batch
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not SQLite at all " * 200)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE people (name TEXT)").connection.commit()
    cut = tmp_path / "cut.sqlite"
    cut.write_bytes(database.read_bytes()[:300])  # the header of a database, and no more
    untouched = {path: path.read_bytes() for path in (garbage, other, cut)}
    cases = [
        (["search", tmp_path / "missing.sqlite", "ขยะ"], EXIT_INPUT,
         f"{tmp_path / 'missing.sqlite'}: no such database"),
        (["search", tmp_path, "ขยะ"], EXIT_INPUT, f"{tmp_path}: is a folder, not a database"),
        (["search", garbage, "ขยะ"], EXIT_INPUT,
         f"{garbage}: not a database planparse can use (file is not a database)"),
        (["search", other, "ขยะ"], EXIT_INPUT,
         f"{other}: a database planparse did not write; choose another file"),
        (["search", database, ""], EXIT_USAGE, "the query '' has no word to look for"),
        (["search", database, "«» ?!"], EXIT_USAGE, "the query '«» ?!' has no word to look for"),
        (["search", database, "ขยะ", "--kind", "strategies"], EXIT_USAGE,
         "unknown kind 'strategies' (choose one of: vision, mission, goal, strategy, guideline, "
         "indicator, tactic)"),
        (["database", tmp_path / "nowhere", "-o", tmp_path / "p.sqlite"], EXIT_USAGE,
         f"{tmp_path / 'nowhere'}: no such folder"),
        (["database", tmp_path, "-o", garbage], EXIT_USAGE,
         f"{garbage}: not a database planparse can use (file is not a database)"),
        (["database", tmp_path, "-o", other], EXIT_USAGE,
         f"{other}: a database planparse did not write; choose another file"),
    ]
    for arguments, code, message in cases:
        _one_line_error(planparse(*arguments), code, message)
    result = planparse("search", cut, "ขยะ")
    assert result.exit_code == EXIT_INPUT and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"planparse: {cut}: ")
    assert {path: path.read_bytes() for path in untouched} == untouched
    assert not (tmp_path / "missing.sqlite").exists() and not (tmp_path / "p.sqlite").exists()


def test_bad_batch_database_options_are_usage_errors(tmp_path):
    source = _folder(tmp_path / "in", {"a.txt": SAMPLES[0].read_bytes()})
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not SQLite at all " * 200)
    cases = [
        (["--database", garbage], f"{garbage}: not a database planparse can use (file is not a database)"),
        (["--database", source / "p.sqlite"],
         f"{source / 'p.sqlite'}: the database would be inside the input folder; write it elsewhere"),
        (["--database", tmp_path / "p.sqlite", "-f", "csv"],
         "--database stores whole documents, which a csv output does not hold; use --format "
         "json, jsonl, yaml (and --table for a CSV)"),
        (["--database", tmp_path / "t.csv", "--table", tmp_path / "t.csv"],
         f"{tmp_path / 't.csv'}: is the --table file too; give them two names"),
        (["--database", tmp_path / "out" / REPORT_NAME],
         f"{tmp_path / 'out' / REPORT_NAME}: is where the batch keeps the run report; write "
         "the database elsewhere"),
    ]
    for options, message in cases:
        _one_line_error(planparse("batch", source, "-o", tmp_path / "out", "-w", "1", *options),
                        EXIT_USAGE, message)
    assert garbage.read_bytes() == b"not SQLite at all " * 200
    assert not (tmp_path / "p.sqlite").exists() and not (source / "p.sqlite").exists()


def test_search_leaves_the_database_as_it_was(real_batch, tmp_path):
    _, database = real_batch
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(database, copy)
    before = copy.read_bytes()
    assert planparse("search", copy, "ขยะ").exit_code == EXIT_OK
    assert copy.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["copy.sqlite"]


def test_a_document_that_cannot_be_stored_fails_its_file_and_the_batch_goes_on(tmp_path):
    source = _folder(tmp_path / "in", {f"{index}.txt": path.read_bytes()
                                       for index, path in enumerate(SAMPLES[:3])})
    out, database = tmp_path / "out", tmp_path / "p.sqlite"
    open_database(database).close()
    refusing = sqlite3.connect(database)
    refusing.execute("CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN new.path = '1.txt' "
                     "BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END")
    refusing.close()
    result = planparse("batch", source, "-o", out, "-w", "1", "--database", database)
    assert result.exit_code == EXIT_INPUT
    assert f"failed      1.txt: its document could not be stored in {database} " in result.stderr
    assert "refused by a trigger" in result.stderr
    assert set(_stored(database)) == {"0.txt", "2.txt"}
    assert (out / "1.json").exists()  # its output is written all the same
    healed = sqlite3.connect(database)
    healed.execute("DROP TRIGGER refuse")
    healed.close()
    again = planparse("batch", source, "-o", out, "-w", "1", "--database", database)
    assert again.exit_code == EXIT_OK, again.output
    assert "1 added, 0 replaced, 2 unchanged" in again.stdout
    assert _stored(database) == _json_outputs(out)


# ------------------------------------------------------------------ re-runs


def test_a_batch_rerun_after_one_input_changed_rewrites_exactly_that_documents_rows(tmp_path):
    files = {f"ชุด/{index}.txt": path.read_bytes() for index, path in enumerate(SAMPLES)}
    source = _folder(tmp_path / "in", files)
    out, database = tmp_path / "out", tmp_path / "plans.sqlite"
    assert planparse("batch", source, "-o", out, "-w", "1", "--database", database).exit_code == 0
    before = _rows(database)
    changed = "ชุด/3.txt"
    text = (source / changed).read_text(encoding="utf-8")
    assert "ผังเมืองรวม" in text
    (source / changed).write_text(text.replace("ผังเมืองรวม", "ผังเมืองใหม่"), encoding="utf-8")

    result = planparse("batch", source, "-o", out, "-w", "1", "--database", database)
    assert result.exit_code == EXIT_OK, result.output
    assert f"database: {database}: 0 added, 1 replaced, {len(files) - 1} unchanged" in result.stdout
    after = _rows(database)
    assert set(after) == set(before)
    for path in before:
        if path != changed:
            assert after[path] == before[path], path  # the same rows, ids included
    assert after[changed] != before[changed]
    assert _stored(database) == _json_outputs(out)
    assert "ผังเมืองใหม่" in str(_stored(database)[changed])


# ------------------------------------------------------------------ stopped batches

COPIES = 120


@pytest.fixture
def copies(tmp_path) -> Path:
    return _folder(tmp_path / "in", {f"ชุด {index // 10}/แผน {index:03d}.txt":
                                     SAMPLES[index % len(SAMPLES)].read_bytes()
                                     for index in range(COPIES)})


@pytest.fixture
def start():
    """Start a planparse command in its own process group; kill the group afterwards."""
    started: list[subprocess.Popen] = []

    def start(*arguments: object, code: str = "from planparse.cli import main; main()"):
        process = subprocess.Popen([sys.executable, "-c", code, *map(str, arguments)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   start_new_session=True)
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()


def _wait_for_lines(process: subprocess.Popen, count: int, until: str = "converted") -> list[str]:
    """The first ``count`` lines of standard error that start with ``until``."""
    seen: list[str] = []
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith(until):
            seen.append(line.strip())
            if len(seen) == count:
                return seen
    raise AssertionError(f"the batch ended after {seen}: {process.communicate()}")


def _assert_whole_documents_only(database: Path, out: Path) -> dict[str, dict]:
    """The database opens, is sound, and each document in it is whole: the same as the
    JSON output of its file, every item and warning of it."""
    with open_database(database) as opened:
        assert opened.connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert opened.connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert opened.connection.execute("SELECT COUNT(*) FROM item_search").fetchone() == \
            opened.connection.execute("SELECT COUNT(*) FROM items").fetchone()
    stored, outputs = _stored(database), _json_outputs(out)
    for path, document in stored.items():
        assert document == outputs[path], path
    return stored


def test_a_batch_killed_at_any_moment_leaves_whole_documents_and_a_rerun_finishes(
        copies, tmp_path, start):
    out, database = tmp_path / "out", tmp_path / "plans.sqlite"
    process = start("batch", copies, "-o", out, "--database", database, "-w", "2")
    told = _wait_for_lines(process, 25)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    stored = _assert_whole_documents_only(database, out)
    assert {line.split(maxsplit=1)[1] for line in told} <= set(stored)  # told, so stored
    assert 25 <= len(stored) < COPIES
    result = planparse("batch", copies, "-o", out, "--database", database, "-w", "1")
    assert result.exit_code == EXIT_OK, result.output
    assert len(_assert_whole_documents_only(database, out)) == COPIES


# A batch that stops for good in the middle of the transaction writing one document.
_STOP_INSIDE = textwrap.dedent("""
    import sys, time
    import planparse.database as database

    write, victim = database._insert, sys.argv.pop(1)
    def _insert(connection, rows):
        write(connection, rows)
        if rows.path == victim:
            print("inside", file=sys.stderr, flush=True)
            time.sleep(600)
    database._insert = _insert
    from planparse.cli import main
    main()
""")


def test_a_batch_killed_inside_a_documents_transaction_leaves_the_documents_before_it(
        copies, tmp_path, start):
    out, database = tmp_path / "out", tmp_path / "plans.sqlite"
    victim = "ชุด 0/แผน 007.txt"
    process = start(victim, "batch", copies, "-o", out, "--database", database, "-w", "1",
                    code=_STOP_INSIDE)
    _wait_for_lines(process, 1, until="inside")
    assert (out / victim).with_suffix(".json").exists()  # its output is written, its rows are not
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    stored = _assert_whole_documents_only(database, out)
    assert sorted(stored) == [f"ชุด 0/แผน {index:03d}.txt" for index in range(7)]


def test_ctrl_c_stops_a_batch_between_documents(copies, tmp_path, start):
    out, database = tmp_path / "out", tmp_path / "plans.sqlite"
    process = start("batch", copies, "-o", out, "--database", database, "-w", "2")
    _wait_for_lines(process, 10)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == EXIT_INTERRUPTED, stderr
    report = json.loads((out / REPORT_NAME).read_text(encoding="utf-8"))
    converted = {record["input"] for record in report["files"] if record["status"] == "converted"}
    stored = _assert_whole_documents_only(database, out)
    assert set(stored) == converted and 10 <= len(stored) < COPIES
    assert report["database"]["added"] == len(stored)


HANGDONG = SHARED / "corpus" / "hangdong_strategy_2560-2564.pdf"


def test_a_pdf_in_a_batch_gives_its_items_pages_and_the_document_its_page_count(tmp_path):
    assert HANGDONG.exists(), f"{HANGDONG} is missing: this test needs ../shared beside the checkout"
    source = _folder(tmp_path / "in", {"หางดง.pdf": HANGDONG.read_bytes(),
                                       "ลำพูน.txt": SAMPLES[3].read_bytes()})
    out, database = tmp_path / "out", tmp_path / "plans.sqlite"
    result = planparse("batch", source, "-o", out, "-w", "1", "--ocr", "never", "--database", database)
    assert result.exit_code == EXIT_OK, result.output
    outputs = _json_outputs(out)
    assert _stored(database) == outputs  # pages on every span included
    pages = [span["page"] for span in spans_of(outputs["หางดง.pdf"])]
    assert len(pages) > 100 and len(set(pages)) > 10  # every span has its page
    with open_database(database, write=False) as opened:
        assert dict(opened.connection.execute("SELECT path, page_count FROM documents")) == {
            "หางดง.pdf": max(pages), "ลำพูน.txt": None}
    (hit, *_) = _search(database, outputs["หางดง.pdf"]["strategies"][0]["title"], "--kind", "strategy")
    assert (hit["file"], hit["page"]) == ("หางดง.pdf", outputs["หางดง.pdf"]["strategies"][0]["span"]["page"])
    table = runner.invoke(app, ["search", str(database), hit["text"], "--kind", "strategy"],
                          env={"COLUMNS": "250"})
    assert f"หางดง.pdf page {hit['page']}, line" in table.stdout


# ------------------------------------------------------------------ on a cluster

def test_a_batch_on_a_cluster_stores_what_the_local_pool_stores_the_client_writing_it(tmp_path):
    # The cluster's workers may be other machines: they make the outputs, and the client
    # writes them and stores their documents (ClusterPool runs nothing but convert_file,
    # so a worker storing would fail this test with a TypeError).
    source = _folder(tmp_path / "in", {
        **{f"ชุด/{index}.txt": path.read_bytes() for index, path in enumerate(SAMPLES[:3])},
        "ราชกิจจา/decree.pdf": (SHARED / "pdf" / "gazette_2566_dissolution_decree.pdf").read_bytes(),
        "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    })
    good = 4
    local, local_database = tmp_path / "local", tmp_path / "local.sqlite"
    assert planparse("batch", source, "-o", local, "-w", "2", "-q",
                     "--database", local_database).exit_code == EXIT_INPUT
    out, database = tmp_path / "out", tmp_path / "plans.sqlite"
    result = planparse("batch", source, "-o", out, "--cluster", "local:2", "--database", database)
    assert result.exit_code == EXIT_INPUT, result.output  # image.txt fails, alone
    assert f"database: {database}: {good} added, 0 replaced, 0 unchanged" in result.stdout
    assert _stored(database) == _json_outputs(out) == _stored(local_database)
    assert len(_json_outputs(out)) == good

    changed = source / "ชุด/1.txt"
    changed.write_bytes(SAMPLES[4].read_bytes())
    refusing = sqlite3.connect(database)  # the client's own failure to store fails its file
    refusing.execute("CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN new.path = 'ชุด/2.txt' "
                     "BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END")
    refusing.commit()
    refusing.close()
    again = planparse("batch", source, "-o", out, "--cluster", "local:2", "--database", database)
    assert again.exit_code == EXIT_INPUT, again.output
    assert f"database: {database}: 0 added, 1 replaced, {good - 1} unchanged" in again.stdout
    assert _stored(database)["ชุด/1.txt"] == _json_outputs(out)["ชุด/1.txt"]
    assert "failed      ชุด/2.txt: its document could not be stored" not in again.stderr

    (source / "ชุด/2.txt").write_bytes(SAMPLES[4].read_bytes())
    third = planparse("batch", source, "-o", out, "--cluster", "local:2", "--database", database)
    assert third.exit_code == EXIT_INPUT
    assert (f"failed      ชุด/2.txt: its document could not be stored in {database} "
            in third.stderr) and "refused by a trigger" in third.stderr
    assert _stored(database)["ชุด/2.txt"] != _json_outputs(out)["ชุด/2.txt"]  # the old one stays
