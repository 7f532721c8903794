"""The plans database: what it holds, how a re-build changes it, and what a kill leaves.

The outputs are the real ones (every sample and development passage, parsed by the
library); the documents rebuilt from the database's rows must equal them key for key.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import planparse
from planparse.database import (
    TABLES, Change, PlanDatabase, build_from_folder, document_of, open_database, output_files,
)
from planparse.errors import PlanParseError

ROOT = Path(__file__).resolve().parent.parent

# ------------------------------------------------------------------ helpers


def rebuilt_document(database: PlanDatabase, path: str) -> dict:
    """The document stored under ``path``, put together again from its rows alone."""
    connection = database.connection
    (document_id, source_sha256, encoding, line_count, page_count, name, kind, start, end,
     warning_count) = connection.execute(
        "SELECT id, source_sha256, encoding, line_count, page_count, organization, "
        "organization_kind, start_year, end_year, warning_count FROM documents WHERE path = ?",
        (path,)).fetchone()
    source = {"path": path, "sha256": source_sha256, "encoding": encoding, "line_count": line_count}
    document = {"schema_version": "1", "source": source,
                "organization": {"name": name, "kind": kind} if name is not None else None,
                "period": {"start_year": start, "end_year": end} if start is not None else None,
                "vision": None, "missions": [], "goals": [], "strategies": [], "warnings": []}
    strategies = {}
    rows = connection.execute(
        "SELECT id, kind, strategy_id, number, text, start_line, end_line, page FROM items "
        "WHERE document_id = ? ORDER BY position", (document_id,))
    for item_id, kind, strategy_id, number, text, start_line, end_line, page in rows:
        span = _span(start_line, end_line, page)
        if kind == "vision":
            document["vision"] = {"text": text, "span": span}
        elif kind == "strategy":
            strategies[item_id] = {"number": number, "title": text, "span": span, "guidelines": [],
                                   "goals": [], "indicators": [], "tactics": []}
            document["strategies"].append(strategies[item_id])
        else:
            owner = strategies[strategy_id] if strategy_id is not None else document
            owner[kind + "s"].append({"number": number, "text": text, "span": span})
    document["warnings"] = [
        {"code": code, "message": message,
         "span": _span(start_line, end_line, page) if start_line is not None else None}
        for code, message, start_line, end_line, page in connection.execute(
            "SELECT code, message, start_line, end_line, page FROM warnings "
            "WHERE document_id = ? ORDER BY position", (document_id,))]
    assert warning_count == len(document["warnings"])
    pages = [span["page"] for span in spans_of(document) if "page" in span]
    assert page_count == max(pages, default=None)
    return document


def spans_of(document: dict):
    """Every span of a document: its items', its strategies' and its warnings'."""
    for value in document.values() if isinstance(document, dict) else document:
        if isinstance(value, (dict, list)):
            if isinstance(value, dict) and "start_line" in value:
                yield value
            else:
                yield from spans_of(value)


def _span(start_line: int, end_line: int, page) -> dict:
    span = {"start_line": start_line, "end_line": end_line}
    if page is not None:
        span["page"] = page
    return span


def rows_by_document(database: PlanDatabase) -> dict[str, list[tuple]]:
    """Every row of every table, ids included, grouped by the path of its document."""
    connection = database.connection
    grouped: dict[str, list[tuple]] = {}
    for row in connection.execute("SELECT * FROM documents"):
        grouped[row[1]] = [("documents", *row)]
    for table, query in (
            ("items", "SELECT d.path, i.* FROM items i JOIN documents d ON d.id = i.document_id"),
            ("warnings", "SELECT d.path, w.* FROM warnings w JOIN documents d ON d.id = w.document_id"),
            ("item_search", "SELECT d.path, s.rowid, s.words FROM item_search s "
                            "JOIN items i ON i.id = s.rowid JOIN documents d ON d.id = i.document_id")):
        for path, *row in connection.execute(query):
            grouped[path].append((table, *row))
    return grouped


def plan(path: str = "plans/a.txt", **fields) -> dict:
    """A small document as the JSON output holds it, with one strategy and one warning."""
    document = {
        "schema_version": "1",
        "source": {"path": path, "sha256": "0" * 64, "encoding": "utf-8", "line_count": 9},
        "organization": {"name": "เทศบาลตำบลทดสอบ", "kind": "เทศบาลตำบล"},
        "period": {"start_year": 2561, "end_year": 2565},
        "vision": {"text": "เมืองน่าอยู่", "span": {"start_line": 2, "end_line": 2}},
        "missions": [{"number": "1", "text": "พัฒนาโครงสร้างพื้นฐาน",
                      "span": {"start_line": 4, "end_line": 4}}],
        "goals": [],
        "strategies": [{"number": "1", "title": "การพัฒนาด้านสังคม",
                        "span": {"start_line": 6, "end_line": 6},
                        "guidelines": [{"number": "1.1", "text": "ส่งเสริมการท่องเที่ยว",
                                        "span": {"start_line": 7, "end_line": 8}}],
                        "goals": [], "indicators": [], "tactics": []}],
        "warnings": [{"code": "COUNT_MISMATCH", "message": "Two were declared, one found.",
                      "span": {"start_line": 6, "end_line": 6}}],
    }
    document.update(fields)
    return document


@pytest.fixture
def database(tmp_path):
    opened = open_database(tmp_path / "plans.sqlite")
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def real_database(output_folder, tmp_path_factory):
    opened = open_database(tmp_path_factory.mktemp("db") / "plans.sqlite")
    summary = build_from_folder(opened, output_folder)
    assert not summary.failed
    yield opened
    opened.close()


# ------------------------------------------------------------------ what it holds


def test_every_item_of_every_output_is_in_the_database_with_its_text_and_span(
        real_database, real_outputs):
    stored = [row[0] for row in real_database.connection.execute("SELECT path FROM documents ORDER BY path")]
    assert stored == sorted(real_outputs)
    for path, document in real_outputs.items():
        assert rebuilt_document(real_database, path) == document, path
    items = sum(1 for _ in real_database.connection.execute("SELECT 1 FROM items"))
    assert items == sum(len(list(planparse.flat.flat_items(planparse.PlanDocument.model_validate(d))))
                        for d in real_outputs.values())


def test_every_item_has_one_row_in_the_search_index(real_database):
    items = {row[0] for row in real_database.connection.execute("SELECT id FROM items")}
    indexed = [row[0] for row in real_database.connection.execute("SELECT rowid FROM item_search")]
    assert sorted(indexed) == sorted(items)


def test_an_item_under_a_strategy_points_at_the_strategy_of_its_own_document(real_database):
    pairs = real_database.connection.execute(
        "SELECT i.kind, s.kind, i.document_id = s.document_id, i.position > s.position "
        "FROM items i LEFT JOIN items s ON s.id = i.strategy_id").fetchall()
    for kind, strategy_kind, same_document, after in pairs:
        if strategy_kind is None:
            assert kind in ("vision", "mission", "goal", "strategy")
        else:
            assert (strategy_kind, same_document, after) == ("strategy", 1, 1)


def test_the_schema_table_describes_every_column_of_every_table(database):
    described = {}
    for table, column, declaration, meaning in database.connection.execute("SELECT * FROM schema"):
        described.setdefault(table, []).append(column)
        assert meaning.strip(), (table, column)
    for table in TABLES:
        columns = [row[1] for row in database.connection.execute(f"PRAGMA table_info({table})")]
        assert described[table] == columns
    assert described["item_search"] == ["rowid", "words"]


def test_the_journal_is_a_write_ahead_log_and_foreign_keys_hold(database):
    assert database.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with pytest.raises(sqlite3.IntegrityError):
        database.connection.execute("INSERT INTO items (document_id, position, kind, text, start_line, "
                         "end_line) VALUES (99, 1, 'goal', 'x', 1, 1)")
    database.store(document_of(plan()))
    with pytest.raises(sqlite3.IntegrityError):  # the kinds are checked too
        database.connection.execute("UPDATE items SET kind = 'wish'")


def test_the_columns_queries_join_on_and_search_filters_on_lead_an_index(database):
    leading = {(table, database.connection.execute(f"PRAGMA index_info({index[1]})").fetchone()[2])
               for table in TABLES
               for index in database.connection.execute(f"PRAGMA index_list({table})").fetchall()}
    for needed in [("documents", "path"), ("documents", "organization_kind"),
                   ("items", "document_id"), ("items", "strategy_id"), ("warnings", "document_id")]:
        assert needed in leading


def test_deleting_a_document_deletes_its_items_warnings_and_search_rows(database):
    database.store(document_of(plan("a.txt")))
    database.store(document_of(plan("b.txt")))
    database.connection.execute("DELETE FROM documents WHERE path = 'a.txt'")
    assert set(rows_by_document(database)) == {"b.txt"}
    assert database.connection.execute("SELECT COUNT(*) FROM item_search").fetchone()[0] == \
        database.connection.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 4


@pytest.mark.parametrize("vision_page, warning_page, page_count", [
    (3, 4, 4),  # the warning's span reaches furthest
    (7, 4, 7),
    (3, None, 3),
    (None, None, None),  # a text input: no span has a page
])
def test_a_page_on_a_span_is_stored_and_the_highest_is_the_page_count(
        database, vision_page, warning_page, page_count):
    pdf = plan("plans/a.pdf")
    if vision_page is not None:
        pdf["vision"]["span"]["page"] = vision_page
    if warning_page is not None:
        pdf["warnings"][0]["span"]["page"] = warning_page
    database.store(document_of(pdf))
    assert database.connection.execute("SELECT page FROM items WHERE kind = 'vision'").fetchone() == (vision_page,)
    assert database.connection.execute("SELECT page FROM items WHERE kind = 'mission'").fetchone() == (None,)
    assert database.connection.execute("SELECT page FROM warnings").fetchone() == (warning_page,)
    assert database.connection.execute("SELECT page_count FROM documents").fetchone() == (page_count,)
    assert rebuilt_document(database, "plans/a.pdf") == pdf


def test_a_document_without_organization_period_vision_or_warnings(database):
    empty = plan(organization=None, period=None, vision=None, missions=[], strategies=[],
                 warnings=[{"code": "NO_PLAN_FOUND", "message": "Nothing.", "span": None}])
    database.store(document_of(empty))
    assert rebuilt_document(database, "plans/a.txt") == empty


# ------------------------------------------------------------------ re-runs


def test_storing_the_same_document_again_changes_nothing_whatever_its_key_order(database):
    assert database.store(document_of(plan())) is Change.added
    before = rows_by_document(database)
    reordered = json.loads(json.dumps(plan(), sort_keys=True))
    assert list(reordered) != list(plan())
    assert database.store(document_of(reordered)) is Change.unchanged
    assert rows_by_document(database) == before


def test_a_changed_document_replaces_the_one_stored_under_its_path(database):
    database.store(document_of(plan()))
    changed = plan(missions=[])
    assert database.store(document_of(changed)) is Change.replaced
    assert rebuilt_document(database, "plans/a.txt") == changed
    assert database.connection.execute("SELECT COUNT(*) FROM documents").fetchone() == (1,)


def test_a_rebuild_after_one_input_changed_rewrites_exactly_that_documents_rows(
        output_folder, tmp_path):
    folder = tmp_path / "out"
    shutil.copytree(output_folder, folder)
    opened = open_database(tmp_path / "plans.sqlite")
    first = build_from_folder(opened, folder)
    assert first.count(Change.added) == len(first.changes) > 10
    before = rows_by_document(opened)

    name = "samples/003_34ee8eea179c00b5.txt"
    text = (ROOT / name).read_text(encoding="utf-8").replace("ผังเมืองรวม", "ผังเมืองใหม่")
    changed = json.loads(planparse.to_json(planparse.parse_bytes(text.encode(), name)))
    (folder / name).with_suffix(".json").write_text(json.dumps(changed, ensure_ascii=False))

    second = build_from_folder(opened, folder)
    assert {file: change for file, change in second.changes.items()
            if change is not Change.unchanged} == {"samples/003_34ee8eea179c00b5.json": Change.replaced}
    after = rows_by_document(opened)
    assert set(after) == set(before)
    for path in before:
        if path != name:
            assert after[path] == before[path], path
    assert after[name] != before[name]
    assert rebuilt_document(opened, name) == changed


def test_a_document_that_fails_half_way_leaves_the_one_before_it(database):
    database.store(document_of(plan()))
    before = rows_by_document(database)
    # its documents row is written, then its items fail
    database.connection.execute("CREATE TRIGGER refuse BEFORE INSERT ON items WHEN new.text = "
                                "'refused' BEGIN SELECT RAISE(ABORT, 'refused here'); END")
    broken = plan(missions=[{"number": "1", "text": "refused", "span": {"start_line": 3,
                                                                       "end_line": 3}}])
    with pytest.raises(PlanParseError, match="refused here"):
        database.store(document_of(broken))
    assert rows_by_document(database) == before


# ------------------------------------------------------------------ killed builds

_CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    import planparse.database as database

    stop_in = sys.argv[3]
    if stop_in:  # stop for good inside the transaction that writes this document
        write = database._insert
        def _insert(connection, rows):
            write(connection, rows)
            if rows.details[0] == stop_in:
                print("inside", flush=True)
                time.sleep(600)
        database._insert = _insert
    opened = database.open_database(Path(sys.argv[2]))
    database.build_from_folder(opened, Path(sys.argv[1]),
                               on_file=lambda name: print(name, flush=True))
""")


def _copies(real_outputs: dict, folder: Path, count: int) -> dict[str, dict]:
    """``count`` outputs in ``folder``, each a real one under a path of its own."""
    documents = list(real_outputs.values())
    written = {}
    for number in range(count):
        document = json.loads(json.dumps(documents[number % len(documents)]))
        document["source"]["path"] = path = f"copies/{number:04d}.txt"
        target = folder / f"{number:04d}.json"
        target.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        written[path] = document
    return written


def _kill_build(folder: Path, database: Path, until: str, stop_in: str = "") -> list[str]:
    """Run a build in a child process and SIGKILL it once it prints ``until``."""
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(folder), str(database), stop_in],
                             stdout=subprocess.PIPE, text=True)
    seen = []
    try:
        for line in child.stdout:
            seen.append(line.strip())
            if line.strip() == until:
                break
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
    assert seen[-1] == until, "the build ended before it could be killed"
    return seen


def _assert_whole_documents_only(database: Path, written: dict[str, dict]) -> list[str]:
    opened = open_database(database)
    try:
        assert opened.connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert opened.connection.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = [row[0] for row in opened.connection.execute("SELECT path FROM documents")]
        for path in stored:
            assert rebuilt_document(opened, path) == written[path]
        assert opened.connection.execute("SELECT COUNT(*) FROM item_search").fetchone() == \
            opened.connection.execute("SELECT COUNT(*) FROM items").fetchone()
        return stored
    finally:
        opened.close()


def test_a_build_killed_inside_a_documents_transaction_leaves_the_documents_before_it(
        real_outputs, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    written = _copies(real_outputs, folder, 12)
    _kill_build(folder, tmp_path / "plans.sqlite", until="inside", stop_in="copies/0007.txt")
    stored = _assert_whole_documents_only(tmp_path / "plans.sqlite", written)
    assert sorted(stored) == [f"copies/{number:04d}.txt" for number in range(7)]


def test_a_build_killed_at_any_moment_holds_whole_documents_only(real_outputs, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    written = _copies(real_outputs, folder, 400)  # enough that the kill comes in time
    _kill_build(folder, tmp_path / "plans.sqlite", until="0020.json")
    stored = _assert_whole_documents_only(tmp_path / "plans.sqlite", written)
    assert 21 <= len(stored) < 400
    # and a second build finishes the work, keeping what was there
    opened = open_database(tmp_path / "plans.sqlite")
    summary = build_from_folder(opened, folder)
    opened.close()
    assert summary.count(Change.unchanged) == len(stored)
    assert len(_assert_whole_documents_only(tmp_path / "plans.sqlite", written)) == 400


# ------------------------------------------------------------------ a folder of outputs


def test_a_folder_build_skips_the_run_report_and_fails_bad_files_on_their_own(tmp_path):
    folder = tmp_path / "out"
    (folder / "ลำพูน").mkdir(parents=True)
    (folder / "ลำพูน" / "แผน 1.json").write_text(json.dumps(plan("ลำพูน/แผน 1.txt")))
    (folder / "b.json").write_text(json.dumps(plan("b.txt")))
    (folder / "c again.json").write_text(json.dumps(plan("b.txt", missions=[])))
    (folder / "broken.json").write_text('{"schema_version": "1", ')
    (folder / "other.json").write_text('{"name": "not a plan"}')
    (folder / "binary.json").write_bytes(b"\xff\xfe\x00")
    (folder / "stdin.json").write_text(json.dumps(plan("-")))
    (folder / "partial.json").write_text(json.dumps({"schema_version": "1",
                                                     "source": {"path": "p.txt"}}))
    (folder / "planparse-report.json").write_text('{"report_version": 1}')
    (folder / "notes.txt").write_text("not JSON")
    opened = open_database(tmp_path / "plans.sqlite")
    summary = build_from_folder(opened, folder)
    assert summary.changes == {"b.json": Change.added, "ลำพูน/แผน 1.json": Change.added}
    assert summary.failed == {
        "c again.json": "c again.json: its source b.txt was stored from b.json already",
        "binary.json": "binary.json: not a JSON file",
        "broken.json": "broken.json: not a JSON file",
        "other.json": "other.json: not a planparse document of schema version 1",
        "partial.json": "partial.json: not a planparse document: source.sha256: Field required",
        "stdin.json": "stdin.json: the document has no source path to be stored under",
    }
    assert [path.name for path in output_files(folder)] == [
        "b.json", "binary.json", "broken.json", "c again.json", "other.json", "partial.json",
        "stdin.json", "แผน 1.json"]


@pytest.mark.parametrize("data, message", [
    ({"schema_version": "2"}, "not a planparse document of schema version 1"),
    ([1, 2], "not a planparse document of schema version 1"),
    (plan(strategies=[{"title": "x"}]), "not a planparse document: strategies.0.span: Field required"),
    (plan(vision={"text": None, "span": {"start_line": 1, "end_line": 1}}),
     "not a planparse document: vision.text: Input should be a valid string"),
    (plan(missions=[{"text": "x", "span": {"start_line": 3, "end_line": 2}}]),
     "not a planparse document: missions.0.span: Value error, a span ends"),
])
def test_a_value_that_is_not_a_document_is_refused(data, message):
    with pytest.raises(PlanParseError, match=message):
        document_of(data)


def test_a_document_without_a_source_path_is_refused(database):
    for source in (None, {"path": "-", "sha256": "0" * 64, "encoding": "utf-8", "line_count": 1}):
        with pytest.raises(PlanParseError, match="the document has no source path"):
            database.store(document_of(plan(source=source)))
    assert database.connection.execute("SELECT COUNT(*) FROM documents").fetchone() == (0,)


def test_a_document_without_a_source_can_be_stored_under_a_path_given(database):
    assert database.store(document_of(plan(source=None)), "typed.txt") is Change.added
    assert database.connection.execute("SELECT path, source_sha256 FROM documents").fetchone() == \
        ("typed.txt", None)


# ------------------------------------------------------------------ opening


def test_a_file_that_is_not_a_planparse_database_is_refused_untouched(tmp_path):
    text = tmp_path / "notes.sqlite"
    text.write_bytes(b"plain text, not SQLite " * 100)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE people (name TEXT)").connection.commit()
    before = {path: path.read_bytes() for path in (text, other)}
    with pytest.raises(PlanParseError, match="notes.sqlite: not a database planparse can use"):
        open_database(text)
    with pytest.raises(PlanParseError, match="other.sqlite: a database planparse did not write"):
        open_database(other)
    assert {path: path.read_bytes() for path in (text, other)} == before


def test_a_database_of_another_version_is_refused(tmp_path):
    opened = open_database(tmp_path / "plans.sqlite")
    opened.connection.execute("UPDATE meta SET value = '99' WHERE key = 'database_version'")
    opened.close()
    with pytest.raises(PlanParseError, match=r"another planparse \(version 99, this one writes 1\)"):
        open_database(tmp_path / "plans.sqlite")


def test_reading_a_database_that_does_not_exist_creates_nothing(tmp_path):
    with pytest.raises(PlanParseError, match="missing.sqlite: no such database"):
        open_database(tmp_path / "missing.sqlite", write=False)
    assert not (tmp_path / "missing.sqlite").exists()


def test_the_index_is_cut_again_when_the_segmenter_changed(tmp_path):
    opened = open_database(tmp_path / "plans.sqlite")
    opened.store(document_of(plan()))
    indexed = opened.connection.execute("SELECT rowid, words FROM item_search").fetchall()
    parts = opened.connection.execute("SELECT * FROM word_parts ORDER BY part, word").fetchall()
    assert ("ท่องเที่ยว", "การท่องเที่ยว") in parts
    opened.connection.execute("UPDATE meta SET value = 'pythainlp 1.0 newmm' WHERE key = 'segmenter'")
    opened.connection.execute("DELETE FROM item_search")
    opened.connection.execute("DELETE FROM word_parts")
    opened.close()
    reader = open_database(tmp_path / "plans.sqlite", write=False)
    assert reader.connection.execute("SELECT COUNT(*) FROM item_search").fetchone() == (0,)
    reader.close()
    writer = open_database(tmp_path / "plans.sqlite")
    assert writer.connection.execute("SELECT rowid, words FROM item_search").fetchall() == indexed
    assert writer.connection.execute("SELECT * FROM word_parts ORDER BY part, word").fetchall() == parts
    assert writer.connection.execute("SELECT value FROM meta WHERE key = 'segmenter'").fetchone()[0] \
        .startswith("pythainlp ")
    writer.close()


def test_the_readmes_example_queries_run_on_the_real_database(real_database):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n## A database of plans\n"):readme.index("\n## Library\n")]
    queries = re.findall(r"```sql\n(.*?)```", section, re.DOTALL)
    assert len(queries) == 3
    for query in queries:
        assert real_database.connection.execute(query).fetchall(), query


def test_the_readmes_python_example_runs(output_folder, tmp_path, monkeypatch, capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n## A database of plans\n"):readme.index("\n## Library\n")]
    (example,) = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    shutil.copytree(output_folder, tmp_path / "out")
    monkeypatch.chdir(tmp_path)
    exec(compile(example, "README.md", "exec"), {})
    assert "strategy" in capsys.readouterr().out
    with open_database(tmp_path / "plans.sqlite", write=False) as opened:
        assert opened.connection.execute("SELECT COUNT(*) FROM documents").fetchone() == \
            (len(list(output_files(output_folder))),)
