"""PDF input on the command line: extract, show, text and batch; --pages, --ocr, --password;
every bad PDF as one line and its exit code; spans on their pages.

Small PDFs are made for the tests (pdf_factory, Latin text); a plan's spans and pages are
checked on the Hangdong plan in ../shared/corpus, read through the CLI as a user would.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import pdf_factory as make
import planparse
from conftest import SAMPLES, SHARED
from planparse.batch import REPORT_NAME
from planparse.batch.planning import fingerprint
from planparse.cli import app
from planparse.pdf import OcrMode, PdfOptions

runner = CliRunner()

THREE_PAGES = make.pdf(make.lines("page one", "second line"), make.lines("page two"),
                       make.lines("page three"))
SCANNED = make.pdf([], image_pages=(0,))
HANGDONG = SHARED / "corpus" / "hangdong_strategy_2560-2564.pdf"
TEXT_PLAN = SAMPLES[0]

# Bad PDFs: (bytes, options, the reason the one line gives, the exit code).
BAD_PDFS = {
    "encrypted": (make.encrypted("secret"), [],
                  "is encrypted: give its password with --password", 1),
    "wrong password": (make.encrypted("secret"), ["--password", "guess"], "the password is wrong", 1),
    "damaged": (b"%PDF-1.4\nthis is not a PDF body\n%%EOF\n", [], "not a readable PDF (damaged)", 1),
    "truncated": (THREE_PAGES[:len(THREE_PAGES) // 2], [], "the PDF is truncated", 1),
    "no pages": (make.no_pages(), [], "the PDF has no pages", 1),
    "pages outside": (THREE_PAGES, ["--pages", "2-4"],
                      "page 4 is outside the document, which has 3 pages", 1),
}


def _run(*args: object, env: dict[str, str] | None = None):
    result = runner.invoke(app, [*map(str, args)], env={"COLUMNS": "400", **(env or {})})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _required(path: Path) -> Path:
    assert path.exists(), f"{path} is missing: these tests need ../shared beside the checkout"
    return path


# ------------------------------------------------------------------ planparse text

def test_text_numbers_every_line_with_its_page(tmp_path):
    result = _run("text", _write(tmp_path / "three.pdf", THREE_PAGES))
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == ("page  line  text\n"
                             "   1     1  page one\n"
                             "   1     2  second line\n"
                             "   2     3  page two\n"
                             "   3     4  page three\n")


def test_text_plain_is_the_bare_text_with_form_feeds_between_pages(tmp_path):
    result = _run("text", _write(tmp_path / "three.pdf", THREE_PAGES), "--plain")
    assert result.exit_code == 0
    assert result.stdout == "page one\nsecond line\n\fpage two\n\fpage three\n"


def test_text_of_a_page_selection_numbers_the_lines_it_reads(tmp_path):
    path = _write(tmp_path / "three.pdf", THREE_PAGES)
    assert _run("text", path, "--pages", "3,2").stdout.splitlines()[1:] == [
        "   2     1  page two", "   3     2  page three"]
    assert _run("text", path, "--pages", "2-3", "--plain").stdout == "page two\n\fpage three\n"


def test_text_of_a_text_file_counts_pages_at_form_feeds_and_escapes_controls(tmp_path):
    path = _write(tmp_path / "plan.txt", "one\r\n\ftwo\nthree\ffour\nfive\tend \x1b[2J\n".encode())
    result = _run("text", path)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["page  line  text",
                                          "   1     1  one",
                                          "   2     2  two",
                                          "   2     3  three\\x0cfour",
                                          "   3     4  five    end \\x1b[2J"]
    assert _run("text", path, "--plain").stdout == "one\n\ftwo\nthree\ffour\nfive\tend \\x1b[2J\n"


def test_text_tells_the_pages_left_out_on_standard_error(tmp_path):
    result = _run("text", _write(tmp_path / "scan.pdf", SCANNED), "--ocr", "never")
    assert result.exit_code == 0 and result.stdout == "page  line  text\n"
    assert result.stderr.startswith("planparse: ") and result.stderr.count("\n") == 1
    assert "scan.pdf: warning SCANNED_PAGES: page(s) 1 are images with no text layer" in result.stderr


def test_text_reads_standard_input_too():
    result = runner.invoke(app, ["text", "-", "--plain"], input=THREE_PAGES)
    assert result.exit_code == 0 and result.stdout.startswith("page one\n")


# ------------------------------------------------------------------ spans on pages

@pytest.fixture(scope="module")
def hangdong_pages(tmp_path_factory):
    """The Hangdong plan's pages 3-9 (vision, missions, goals) through extract and text."""
    path = _required(HANGDONG)
    document = _run("extract", path, "--pages", "3-9", "--ocr", "never")
    text = _run("text", path, "--pages", "3-9", "--ocr", "never")
    assert document.exit_code == 0 and text.exit_code == 0
    return json.loads(document.stdout), text.stdout.splitlines()[1:]


def _spans(node):
    if isinstance(node, dict):
        if "start_line" in node:
            yield node
        for value in node.values():
            yield from _spans(value)
    elif isinstance(node, list):
        for value in node:
            yield from _spans(value)


def test_every_span_of_a_pdf_is_on_the_page_text_shows_for_its_first_line(hangdong_pages):
    document, rows = hangdong_pages
    pages_of_lines = {int(row.split()[1]): int(row.split()[0]) for row in rows}
    spans = list(_spans(document))
    assert len(spans) > 20
    for span in spans:
        assert span["page"] == pages_of_lines[span["start_line"]], span
    assert {span["page"] for span in spans} >= {3, 8}  # the vision and missions, the goals
    assert document["source"]["encoding"] == "pdf"
    assert document["source"]["line_count"] == len(rows)


def test_the_lines_a_span_names_hold_what_was_read_there(hangdong_pages):
    document, rows = hangdong_pages
    texts = {int(row.split()[1]): row.split(None, 2)[2] if len(row.split()) > 2 else ""
             for row in rows}
    vision = document["vision"]
    written = "".join(texts[line] for line in range(vision["span"]["start_line"],
                                                    vision["span"]["end_line"] + 1))
    assert vision["text"].replace(" ", "") in written.replace(" ", "")


def test_spans_of_text_input_have_no_page():
    document = json.loads(_run("extract", TEXT_PLAN).stdout)
    assert all("page" not in span for span in _spans(document))


def test_show_names_the_page_of_each_thing(tmp_path):
    result = _run("show", _required(HANGDONG), "--pages", "3", "--ocr", "never")
    assert result.exit_code == 0
    assert re.search(r"วิสัยทัศน์  สังคมน่าอยู่อาศัย ก้าวไกลทางเศรษฐกิจ  page 3, line \d+\n", result.stdout)
    assert "(pdf, " in result.stdout.splitlines()[0]


def test_the_library_reads_a_pdf_as_the_command_does():
    data = _required(HANGDONG).read_bytes()
    options = PdfOptions(pages="3-9", ocr=OcrMode.NEVER)
    from_bytes = planparse.parse_bytes(data, "plan.pdf", options)
    assert from_bytes.vision.span.page == 3
    assert from_bytes.source.sha256 == hashlib.sha256(data).hexdigest()
    assert planparse.parse_file(HANGDONG, options).model_dump(exclude={"source"}) == \
        from_bytes.model_dump(exclude={"source"})
    with pytest.raises(TypeError, match="takes pdf= as PdfOptions"):
        planparse.parse_bytes(data, "plan.pdf", "3-9")


def test_the_pdf_warnings_reach_the_document():
    document = planparse.parse_bytes(SCANNED, "scan.pdf", PdfOptions(ocr=OcrMode.NEVER))
    assert [warning.code for warning in document.warnings] == ["SCANNED_PAGES", "NO_PLAN_FOUND"]


# ------------------------------------------------------------------ bad PDFs

@pytest.mark.parametrize("command", ["extract", "show", "text"])
@pytest.mark.parametrize("case", BAD_PDFS, ids=list(BAD_PDFS))
def test_a_bad_pdf_is_one_line_and_its_exit_code(tmp_path, command, case):
    data, options, reason, code = BAD_PDFS[case]
    path = _write(tmp_path / "plan.pdf", data)
    result = _run(command, path, *options)
    assert result.exit_code == code and result.stdout == ""
    assert result.stderr.startswith(f"planparse: {path}: {reason}")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("command", ["extract", "show", "text"])
def test_the_right_password_opens_an_encrypted_pdf(tmp_path, command):
    path = _write(tmp_path / "locked.pdf", make.encrypted("secret"))
    assert _run(command, path, "--password", "secret").exit_code == 0
    assert _run(command, path, env={"PLANPARSE_PDF_PASSWORD": "secret"}).exit_code == 0


def test_pages_on_a_text_file_is_refused_not_ignored():
    result = _run("extract", TEXT_PLAN, "--pages", "1")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (f"planparse: {TEXT_PLAN}: is not a PDF, so it has no pages to select "
                             "(--pages 1 is for PDF input)\n")


@pytest.mark.parametrize("pages", ["two", "3-1", "0", "1,,2"])
@pytest.mark.parametrize("command", ["extract", "show", "text"])
def test_pages_that_are_not_a_list_of_pages_are_a_usage_error(tmp_path, command, pages):
    path = _write(tmp_path / "three.pdf", THREE_PAGES)
    done = subprocess.run([sys.executable, "-m", "planparse", command, str(path), "--pages", pages],
                          capture_output=True)
    assert done.returncode == 2 and done.stdout == b""
    message = done.stderr.decode()
    assert message.startswith("planparse: Invalid value for '--pages': ") and message.count("\n") == 1
    assert f"(see planparse {command} --help)" in message


def test_an_unknown_ocr_mode_is_a_usage_error(tmp_path):
    assert _run("extract", _write(tmp_path / "three.pdf", THREE_PAGES), "--ocr", "sometimes").exit_code == 2


@pytest.mark.parametrize("options, code", [([], 0), (["--strict"], 3)])
def test_a_pdf_with_no_usable_page_is_an_empty_document_and_strict_fails_it(tmp_path, options, code):
    result = _run("extract", _write(tmp_path / "scan.pdf", SCANNED), "--ocr", "never", *options)
    assert result.exit_code == code
    document = json.loads(result.stdout)
    assert (document["vision"], document["missions"], document["strategies"]) == (None, [], [])
    assert [warning["code"] for warning in document["warnings"]] == ["SCANNED_PAGES", "NO_PLAN_FOUND"]


def test_asking_for_ocr_that_is_not_installed_says_how_to_install_it(tmp_path):
    path = _write(tmp_path / "scan.pdf", SCANNED)
    code = ("import sys; sys.modules['pytesseract'] = None\n"  # as if it were not installed
            "from planparse.cli import main\n"
            f"sys.argv = ['planparse', 'extract', {str(path)!r}, '--ocr', 'always']\n"
            "main()\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert done.returncode == 1 and done.stdout == b""
    message = done.stderr.decode()
    assert message.startswith(f"planparse: {path}: OCR was asked for but OCR is not installed")
    assert "pip install 'planparse[ocr]'" in message and message.count("\n") == 1


# ------------------------------------------------------------------ batch

def _report(out: Path) -> dict[str, dict]:
    return {record["input"]: record
            for record in json.loads((out / REPORT_NAME).read_text(encoding="utf-8"))["files"]}


def test_batch_over_texts_and_pdfs_fails_the_bad_pdfs_alone(tmp_path):
    source = tmp_path / "in"
    _write(source / "plan.txt", TEXT_PLAN.read_bytes())
    _write(source / "หางดง/แผน.pdf", _required(HANGDONG).read_bytes())
    _write(source / "three.pdf", THREE_PAGES)
    _write(source / "locked.pdf", make.encrypted("secret"))
    _write(source / "bad/cut.pdf", THREE_PAGES[:-10])
    _write(source / "bad/empty.pdf", make.no_pages())
    _write(source / "notes.md", b"not an input")
    out = tmp_path / "out"
    result = _run("batch", source, "--output", out, "--workers", "2", "--ocr", "never")
    assert result.exit_code == 1
    records = _report(out)
    assert {name: record["status"] for name, record in records.items()} == {
        "plan.txt": "converted", "หางดง/แผน.pdf": "converted", "three.pdf": "converted",
        "locked.pdf": "failed", "bad/cut.pdf": "failed", "bad/empty.pdf": "failed"}
    failures = sorted(line for line in result.stderr.splitlines() if line.startswith("failed"))
    assert failures == [
        "failed      bad/cut.pdf: the PDF is truncated (it does not end with %%EOF): get the whole file again",
        "failed      bad/empty.pdf: the PDF has no pages",
        "failed      locked.pdf: is encrypted: give its password with --password",
    ]
    plan = json.loads((out / "หางดง/แผน.json").read_text(encoding="utf-8"))
    assert (plan["source"]["path"], plan["source"]["encoding"]) == ("หางดง/แผน.pdf", "pdf")
    assert plan["vision"]["span"]["page"] == 3 and plan["strategies"]
    assert plan == json.loads(planparse.to_json(planparse.parse_bytes(
        HANGDONG.read_bytes(), "หางดง/แผน.pdf", PdfOptions(ocr=OcrMode.NEVER))))
    assert records["locked.pdf"]["unconvertible"] is False  # the right password may open it
    assert records["bad/cut.pdf"]["unconvertible"] is True


def test_a_rerun_with_the_password_converts_the_encrypted_pdf(tmp_path):
    source = tmp_path / "in"
    _write(source / "locked.pdf", make.encrypted("secret"))
    _write(source / "cut.pdf", THREE_PAGES[:-10])
    out = tmp_path / "out"
    assert _run("batch", source, "--output", out, "--workers", "1").exit_code == 1
    again = _run("batch", source, "--output", out, "--workers", "1", "--password", "secret")
    assert again.exit_code == 1  # the cut file still fails, from the report
    assert {name: record["status"] for name, record in _report(out).items()} == {
        "locked.pdf": "converted", "cut.pdf": "failed"}


def test_batch_reads_scanned_pages_by_ocr_in_its_workers(tmp_path):
    source = tmp_path / "in"
    _write(source / "scan.pdf", SCANNED)
    _write(source / "three.pdf", THREE_PAGES)
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "planparse", "batch", str(source), "--output",
                           str(out), "--workers", "2"], capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    warnings = _report(out)["scan.pdf"]["output"]["warnings"]
    assert [warning["code"] for warning in warnings] == ["OCR_TEXT", "NO_PLAN_FOUND"]


def test_the_pattern_repeats_and_its_default_takes_texts_and_pdfs(tmp_path):
    source = tmp_path / "in"
    for name in ("a.txt", "b.md", "c.text"):
        _write(source / name, TEXT_PLAN.read_bytes())
    _write(source / "d.pdf", THREE_PAGES)
    _run("batch", source, "--output", tmp_path / "default", "--workers", "1")
    assert set(_report(tmp_path / "default")) == {"a.txt", "d.pdf"}
    _run("batch", source, "--output", tmp_path / "chosen", "--workers", "1",
         "--pattern", "*.md", "--pattern", "*.text")
    assert set(_report(tmp_path / "chosen")) == {"b.md", "c.text"}
    report = json.loads((tmp_path / "chosen" / REPORT_NAME).read_text(encoding="utf-8"))
    assert report["pattern"] == "*.md *.text"


def test_the_fingerprint_follows_when_ocr_reads_and_whether_it_can(monkeypatch):
    import planparse.batch.planning as planning

    auto, never = fingerprint("json", OcrMode.AUTO), fingerprint("json", OcrMode.NEVER)
    assert len({auto, never, fingerprint("json", OcrMode.ALWAYS)}) == 3
    monkeypatch.setattr(planning.ocr_engine, "missing", lambda: "OCR is not installed")
    assert fingerprint("json", OcrMode.AUTO) != auto
    assert fingerprint("json", OcrMode.NEVER) == never  # whether it could does not matter


def test_a_batch_refuses_a_page_selection():
    from planparse.batch import BatchOptions, prepare

    with pytest.raises(planparse.PlanParseError, match="a page selection is for one file"):
        prepare(Path("in"), Path("out"), BatchOptions(pdf=PdfOptions(pages="1")))
