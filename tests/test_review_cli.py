"""``planparse review`` and ``planparse batch --review``, run as a user runs them, and
their pages opened in a real browser (headless Debian Chromium, browser.py).

The pages are compared with what the library and the other commands give for the same
input: the document ``extract`` writes, the lines ``text`` would show, the outputs and
the run report of the same batch. Bad input must give one line and an exit code.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import planparse
from planparse.batch import REPORT_NAME
from planparse.cli import app
from planparse.flat import flat_items
from planparse.model import PlanDocument
from planparse.pdf import pdf_text
from planparse.reading import read_text
from planparse.review import INDEX_NAME
from planparse.review_input import review_source

import browser
import pdf_factory
from browser import click, driver, each, item_at, lines_of, screenshots, selected_lines, shown  # noqa: F401
from conftest import ROOT, SAMPLES, SHARED

runner = CliRunner()
SAMPLE = ROOT / "samples" / "001_6c530b268e208b09.txt"  # every list of a strategy
PLAN_PDF = SHARED / "corpus" / "hangdong_strategy_2560-2564.pdf"
DATA = re.compile(r'<script type="application/json" id="planparse-data">(.*?)</script>', re.S)


def embedded(page: Path) -> dict:
    """The data a page draws itself from."""
    return json.loads(DATA.search(page.read_text(encoding="utf-8")).group(1))


def review(*args, input=None):
    return runner.invoke(app, ["review", *map(str, args)], input=input)


def one_line_error(result, code: int, reason: str) -> None:
    """The command failed as promised: ``code``, one line on standard error, no traceback."""
    assert result.exit_code == code, result.output
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("planparse: ")
    assert reason in result.stderr
    assert "Traceback" not in result.output


# ------------------------------------------------------------ planparse review FILE

def test_review_writes_the_page_of_the_document_extract_writes(tmp_path):
    page = tmp_path / "plan.html"
    result = review(SAMPLE, "-o", page)
    assert result.exit_code == 0 and result.stdout == ""
    extracted = runner.invoke(app, ["extract", str(SAMPLE)])
    data = embedded(page)
    assert data["document"] == json.loads(extracted.stdout)
    assert data["lines"] == list(review_source(read_text(SAMPLE.read_bytes(), "-")).lines)
    assert data["pages"] is None and data["images"] == {} and data["index"] is None


def test_review_to_standard_output_writes_the_same_page(tmp_path):
    page = tmp_path / "plan.html"
    assert review(SAMPLE, "-o", page).exit_code == 0
    result = review(SAMPLE, "-o", "-")
    assert result.exit_code == 0 and result.stdout_bytes == page.read_bytes()


def test_review_of_standard_input_and_its_warnings_on_standard_error(tmp_path):
    page = tmp_path / "empty.html"
    result = review("-", "-o", page, input=b"")
    assert result.exit_code == 0
    assert result.stderr.startswith("planparse: -: warning NO_PLAN_FOUND: ")
    assert embedded(page)["document"]["warnings"][0]["code"] == "NO_PLAN_FOUND"


def test_review_never_overwrites_a_file_without_force(tmp_path):
    page = tmp_path / "plan.html"
    page.write_text("keep me", encoding="utf-8")
    one_line_error(review(SAMPLE, "-o", page), 2, f"{page}: already exists (add --force")
    assert page.read_text(encoding="utf-8") == "keep me"
    assert review(SAMPLE, "-o", page, "--force").exit_code == 0
    assert embedded(page)["document"]["source"]["path"] == str(SAMPLE)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.html"]  # no temporary left


def test_the_page_review_writes_shows_every_item_and_lights_up_its_lines(driver, tmp_path):
    page = tmp_path / "plan.html"
    assert review(SAMPLE, "-o", page).exit_code == 0
    document = planparse.parse_file(SAMPLE)
    items = list(flat_items(document))
    browser.open_page(driver, page)
    assert each(driver, "#plan .item", "n.dataset.kind") == [item.kind for item in items]
    assert len(each(driver, "#source .line")) == document.source.line_count
    for index in (0, len(items) // 2, len(items) - 1):
        click(driver, item_at(index))
        assert selected_lines(driver) == lines_of(items[index].span)


def test_a_pdf_page_by_page_with_the_images_of_the_pages_read(driver, tmp_path):
    data = pdf_factory.pdf(pdf_factory.lines("first page"), pdf_factory.lines("second page", "still two"),
                           pdf_factory.lines("third page"))
    source = tmp_path / "plan.pdf"
    source.write_bytes(data)
    page = tmp_path / "plan.html"
    assert review(source, "-o", page, "--pages", "2-3", "--images").exit_code == 0
    shown_data = embedded(page)
    assert shown_data["pages"] == [2, 2, 3]
    assert sorted(shown_data["images"]) == ["2", "3"]
    assert shown_data["document"]["source"]["encoding"] == "pdf"
    assert shown_data["document"]["source"]["line_count"] == 3
    browser.open_page(driver, page)
    blocks = each(driver, "#source .page", """[Number(n.dataset.page),
        [...n.querySelectorAll('.tx')].map(line => line.textContent),
        [...n.querySelectorAll('.page-image')].map(image => image.complete && image.naturalWidth > 0)]""")
    assert blocks == [[2, ["second page", "still two"], [True]], [3, ["third page"], [True]]]
    # An enlarged page takes the pane's width; a second click gives its lines the room back.
    image = "#source .page[data-page='3'] .page-image"
    narrow = each(driver, image, "n.getBoundingClientRect().width")[0]
    click(driver, image)
    assert each(driver, image, "n.getBoundingClientRect().width")[0] > 1.5 * narrow
    click(driver, image)
    assert each(driver, image, "n.getBoundingClientRect().width")[0] == pytest.approx(narrow)


def test_a_plan_pdf_shows_each_item_on_the_page_where_it_starts(driver, tmp_path):
    if not PLAN_PDF.is_file():
        pytest.skip(f"{PLAN_PDF} not found")
    page = tmp_path / "hangdong.html"
    assert review(PLAN_PDF, "-o", page, "--pages", "20-22").exit_code == 0
    data = embedded(page)
    expected_pages = pdf_text(PLAN_PDF.read_bytes(), PLAN_PDF.name, "20-22").line_pages
    assert data["pages"] == list(expected_pages)
    document = PlanDocument.model_validate(data["document"])
    items = list(flat_items(document))
    assert items and {item.span.page for item in items} == {20, 21, 22}
    browser.open_page(driver, page)
    assert each(driver, "#plan .item .text") == [item.text for item in items]
    for index, item in enumerate(items):
        click(driver, item_at(index))
        assert selected_lines(driver) == lines_of(item.span)
        assert each(driver, ".line.selected", "Number(n.closest('.page').dataset.page)")[0] == item.span.page
    assert f"page {items[-1].span.page}" in each(driver, "#readout .lines")[0]


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


TEXT = SAMPLES[0].read_bytes()
PDF = pdf_factory.pdf(pdf_factory.lines("one page"))


@pytest.mark.parametrize("name, data, options, code, reason", [
    ("missing.txt", None, [], 1, "missing.txt: no such file"),
    ("folder", b"", [], 1, "is a folder"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00", [], 1, "PNG image"),
    ("binary.txt", bytes(range(256)) * 4, [], 1, "binary"),
    ("cut.pdf", PDF[: len(PDF) // 2], [], 1, "truncated"),
    ("locked.pdf", pdf_factory.encrypted("secret"), [], 1, "give its password with --password"),
    ("locked.pdf", pdf_factory.encrypted("secret"), ["--password", "wrong"], 1, "the password is wrong"),
    ("plan.pdf", PDF, ["--pages", "2"], 1, "page 2 is outside the document, which has 1 page"),
    ("plan.txt", TEXT, ["--pages", "1"], 1, "is not a PDF, so it has no pages to select"),
    ("plan.txt", TEXT, ["--images"], 1, "is not a PDF, so it has no pages to show (--images is"),
])
def test_bad_input_is_one_line_and_an_exit_code(tmp_path, name, data, options, code, reason):
    source = tmp_path / name
    if name == "folder":
        source.mkdir()
    elif data is not None:
        _write(source, data)
    page = tmp_path / "page.html"
    one_line_error(review(source, "-o", page, *options), code, reason)
    assert str(source) in review(source, "-o", page, *options).stderr
    assert not page.exists()


def test_an_encrypted_pdf_opens_with_its_password(tmp_path):
    source = _write(tmp_path / "locked.pdf", pdf_factory.encrypted("secret"))
    page = tmp_path / "page.html"
    assert review(source, "-o", page, "--password", "secret").exit_code == 0
    data = embedded(page)
    assert data["document"]["source"]["path"] == str(source)
    assert data["lines"] == [] and data["pages"] == []  # its one page is empty


def test_a_page_that_cannot_be_written_is_one_line_and_exit_1(tmp_path):
    one_line_error(review(SAMPLE, "-o", tmp_path, "--force"), 1, f"{tmp_path}: cannot be written")


@pytest.mark.parametrize("options, reason", [
    (["--ocr", "sometimes"], "Invalid value for '--ocr'"),
    (["-o", "x.html", "--pages", "two"], "Invalid value for '--pages'"),
    ([], "Missing option '--output'"),
])
def test_usage_errors_are_one_line_and_exit_2(options, reason):
    completed = subprocess.run([sys.executable, "-m", "planparse", "review", str(SAMPLE), *options],
                               capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"})
    assert completed.returncode == 2
    assert completed.stderr.count("\n") == 1 and reason in completed.stderr
    assert "Traceback" not in completed.stderr


# ------------------------------------------------------------ planparse batch --review

FILES = {
    "ลำพูน/อำเภอ เมือง/แผน 1.txt": SAMPLES[0].read_bytes(),
    "ลำพูน/แผน #2 100%.txt": SAMPLES[1].read_bytes(),  # a name a link must quote
    "top.txt": SAMPLES[4].read_bytes(),  # with warnings
    "empty.txt": b"",
    "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
}
CONVERTED = sorted(name for name in FILES if name != "image.txt")


def _folder(root: Path, files: dict[str, bytes] = FILES) -> Path:
    for name, data in files.items():
        _write(root / name, data)
    return root


def batch(*args, workers: int = 1):
    return runner.invoke(app, ["batch", *map(str, args), "--workers", str(workers)])


def page_of(out: Path, name: str) -> Path:
    return out / Path(name).with_suffix(".review.html")


def report(out: Path) -> dict:
    return json.loads((out / REPORT_NAME).read_text(encoding="utf-8"))


def test_batch_review_writes_each_page_from_the_document_of_its_output(tmp_path):
    source, out = _folder(tmp_path / "in"), tmp_path / "out"
    result = batch(source, "-o", out, "--review")
    assert result.exit_code == 1  # image.txt failed
    assert f"review: {out / INDEX_NAME}" in result.stdout
    for name in CONVERTED:
        data = embedded(page_of(out, name))
        output = json.loads(out.joinpath(name).with_suffix(".json").read_text(encoding="utf-8"))
        assert data["document"] == output
        assert data["lines"] == list(review_source(read_text(FILES[name], name)).lines)
        assert data["index"] == "../" * name.count("/") + INDEX_NAME
    assert not page_of(out, "image.txt").exists()
    index = embedded(out / INDEX_NAME)
    assert [entry["file"] for entry in index["entries"]] == sorted(FILES)
    records = {record["input"]: record for record in report(out)["files"]}
    for entry in index["entries"]:
        record = records[entry["file"]]
        if record["status"] == "failed":
            assert entry["failure"] == record["reason"] and entry["page"] is None
        else:
            assert entry["counts"] == record["output"]["counts"]
            assert entry["warnings"] == len(record["output"]["warnings"])
    assert report(out)["index"]["path"] == str((out / INDEX_NAME).resolve())


def test_the_index_of_a_batch_lists_every_file_links_its_page_and_sorts(driver, tmp_path, screenshots):
    source, out = _folder(tmp_path / "in"), tmp_path / "out"
    batch(source, "-o", out, "--review")
    browser.open_page(driver, out / INDEX_NAME)
    rows = lambda: each(driver, "#files tbody tr", "n.dataset.file")  # noqa: E731
    assert rows() == sorted(FILES)
    assert each(driver, "#files tr.failed td.file") == ["image.txt"]
    assert each(driver, "#files tr.failed .reason") == ["image.txt: not a text file, it looks like a PNG image"]
    links = each(driver, "#files td.file a", "[n.textContent, n.href]")
    assert links == [[name, page_of(out, name).as_uri()] for name in CONVERTED]
    strategies = {record["input"]: record["output"]["counts"]["strategy"]
                  for record in report(out)["files"] if record["output"]}
    click(driver, '#files th[data-key="strategy"] button')
    click(driver, '#files th[data-key="strategy"] button')  # most strategies first
    assert rows() == sorted(CONVERTED, key=lambda name: -strategies[name]) + ["image.txt"]
    driver.save_screenshot(str(screenshots / "batch-index-1366.png"))
    # A file's link opens its page, and the page leads back to the index.
    name = "ลำพูน/แผน #2 100%.txt"
    follow(driver, "link text", name, page_of(out, name))
    counts = next(record["output"]["counts"] for record in report(out)["files"] if record["input"] == name)
    assert len(each(driver, "#plan .item")) == sum(counts.values())
    follow(driver, "css selector", ".top .back", out / INDEX_NAME)
    assert rows() == sorted(FILES)


def follow(driver, by: str, link: str, to: Path) -> None:
    """Click ``link`` and wait until the page it leads to, ``to``, has drawn itself."""
    from selenium.webdriver.support.wait import WebDriverWait

    driver.find_element(by, link).click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url == to.as_uri())
    browser.wait_until_drawn(driver)


def test_a_rerun_skips_unchanged_inputs_keeps_their_rows_and_redoes_a_lost_page(tmp_path):
    source, out = _folder(tmp_path / "in"), tmp_path / "out"
    batch(source, "-o", out, "--review")
    first = (out / INDEX_NAME).read_bytes()
    assert batch(source, "-o", out, "--review").exit_code == 1
    statuses = {record["input"]: record["status"] for record in report(out)["files"]}
    assert statuses == {**dict.fromkeys(CONVERTED, "skipped"), "image.txt": "failed"}
    assert (out / INDEX_NAME).read_bytes() == first
    page_of(out, "top.txt").unlink()
    batch(source, "-o", out, "--review")
    statuses = {record["input"]: record["status"] for record in report(out)["files"]}
    assert statuses["top.txt"] == "converted" and statuses["empty.txt"] == "skipped"
    assert embedded(page_of(out, "top.txt"))["document"]["warnings"]
    # A run without --review needs no pages: it skips what is unchanged, and leaves the index.
    assert batch(source, "-o", out).exit_code == 1
    assert {record["status"] for record in report(out)["files"]} == {"skipped", "failed"}


def test_a_pdf_in_a_batch_gets_its_page_from_one_reading(tmp_path, monkeypatch):
    import planparse.reading

    source = _folder(tmp_path / "in", {"แผน.pdf": pdf_factory.pdf(pdf_factory.lines("one"),
                                                                 pdf_factory.lines("two", "three"))})
    real, readings = planparse.reading.pdf_text, []

    def counted(*args, **kwargs):
        readings.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(planparse.reading, "pdf_text", counted)
    assert batch(source, "-o", tmp_path / "out", "--review").exit_code == 0
    assert readings == ["แผน.pdf"]
    data = embedded(tmp_path / "out" / "แผน.review.html")
    assert data["lines"] == ["one", "\ftwo", "three"] and data["pages"] == [1, 2, 2]
    assert data["document"] == json.loads((tmp_path / "out" / "แผน.json").read_text(encoding="utf-8"))


def test_the_pages_are_the_same_bytes_made_in_worker_processes(tmp_path):
    source = _folder(tmp_path / "in")
    for workers in (1, 2):
        batch(source, "-o", tmp_path / f"out{workers}", "--review", workers=workers)
    one, two = (sorted((tmp_path / f"out{workers}").rglob("*.html")) for workers in (1, 2))
    assert [path.relative_to(tmp_path / "out1") for path in one] == [
        path.relative_to(tmp_path / "out2") for path in two]
    for first, second in zip(one, two):
        if first.name != INDEX_NAME:  # the index names its input folder, the same here
            assert first.read_bytes() == second.read_bytes()
    assert len(one) == len(CONVERTED) + 1


def test_a_page_or_an_index_the_batch_did_not_write_is_not_replaced_without_force(tmp_path):
    source, out = _folder(tmp_path / "in"), tmp_path / "out"
    foreign_index = _write(out / INDEX_NAME, b"my own site")
    result = batch(source, "-o", out, "--review")
    one_line_error(result, 2, f"{out / INDEX_NAME}: already exists (add --force")
    assert foreign_index.read_bytes() == b"my own site"
    foreign_index.unlink()
    foreign_page = _write(page_of(out, "top.txt"), b"my notes")
    batch(source, "-o", out, "--review")
    records = {record["input"]: record for record in report(out)["files"]}
    assert records["top.txt"]["status"] == "failed"
    assert records["top.txt"]["reason"] == ("top.txt: its review page top.review.html already exists "
                                            "and was not written by this batch (add --force to replace it)")
    assert foreign_page.read_bytes() == b"my notes"
    assert "top.txt" in [entry["file"] for entry in embedded(out / INDEX_NAME)["entries"]
                         if entry["failure"]]
    assert batch(source, "-o", out, "--review", "--force").exit_code == 1
    assert embedded(foreign_page)["document"]["source"]["path"] == "top.txt"


def test_the_table_may_not_take_the_index_name(tmp_path):
    source, out = _folder(tmp_path / "in"), tmp_path / "out"
    result = batch(source, "-o", out, "--review", "--table", out / INDEX_NAME)
    one_line_error(result, 2, "is where the batch keeps the index of the review pages")
