"""What review pages cost: opening one in the browser, and writing them for a batch.

    .venv/bin/python benchmarks/review_bench.py          # about a minute
    .venv/bin/python benchmarks/review_bench.py --quick  # fewer rounds: a smoke run

- open: the review page of the largest corpus file (``large_cabinet_summary.txt``, 540 KB)
  opened from the file system in headless Chromium (tests/browser.py), a fresh load each
  round. The figure judged is the time from the navigation's start to the first frame
  after the page has drawn itself (two ``requestAnimationFrame`` after load, asked for
  once selenium's ``get`` has returned, so it overstates a little): median of the
  rounds, target under 2 s. The load event (``loadEventEnd`` of Navigation Timing: the
  inline script has drawn the plan and the source by then) and the wall time of
  selenium's ``get`` are printed with it, and the same for the corpus text with the most
  lines and items (``hangdong_strategy_full_pdfminer.txt``), as information.
- batch: 200 files (copies of the samples, as a batch of a folder would meet them)
  converted in one process, each read, parsed, written as JSON; then the same with its
  review page written too and an index at the end. Alternating rounds, median of each;
  target: with pages / without <= 1.3. Phase 2 measures the same through
  ``planparse batch --review``.

Exit status 0 when both targets are met, 1 when one failed or could not be measured.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

import bench  # noqa: E402  (the Report of bench.py)
import browser  # noqa: E402  (tests/browser.py: Debian's Chromium through selenium)

from planparse.flat import count_items  # noqa: E402
from planparse.outputs import write_atomically  # noqa: E402
from planparse.parser import parse_record  # noqa: E402
from planparse.records import to_json  # noqa: E402
from planparse.review import IndexEntry, read_text_source, review_page, write_index  # noqa: E402

LARGEST = bench.CORPUS / "large_cabinet_summary.txt"
MOST_LINES = bench.CORPUS / "hangdong_strategy_full_pdfminer.txt"
MAX_OPEN_S = 2.0
MAX_BATCH_RATIO = 1.3
BATCH_FILES = 200

LOAD_TIME = """const timing = performance.getEntriesByType('navigation')[0];
    return [timing.domContentLoadedEventEnd, timing.loadEventEnd]"""
# Milliseconds from the navigation's start to the frame after the page has drawn itself.
FIRST_FRAME = """const done = arguments[arguments.length - 1];
    requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now())))"""


def open_section(report: bench.Report, rounds: int) -> None:
    report.section("open: review pages in headless Chromium")
    reason = browser.missing()
    if reason or not LARGEST.is_file():
        report.skip("open", "first frame (median)", f"< {MAX_OPEN_S:.0f} s", reason or f"{LARGEST} not found")
        return
    folder = Path(tempfile.mkdtemp(prefix="planparse-review-bench-"))
    try:
        with browser.chromium() as driver:
            for path in (LARGEST, MOST_LINES):
                if path.is_file():
                    open_page(report, driver, path, folder, rounds, judged=path == LARGEST)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def open_page(report: bench.Report, driver, path: Path, folder: Path, rounds: int, judged: bool) -> None:
    name = "largest" if judged else "most lines"
    data = path.read_bytes()
    record = parse_record(data, path.name)
    page = folder / f"{path.stem}.html"
    page.write_text(review_page(json.loads(to_json(record)), read_text_source(data, path.name)),
                    encoding="utf-8")
    report.note(f"{name}, {path.name}: page of {page.stat().st_size / bench.MB:.2f} MB, "
                f"{record.source.line_count} lines, {record_items(record)} items")
    loads, frames, walls = [], [], []
    for _ in range(rounds):
        driver.get("about:blank")
        start = time.perf_counter()
        browser.open_page(driver, page)
        walls.append(time.perf_counter() - start)
        loads.append(driver.execute_script(LOAD_TIME)[1] / 1000)
        frames.append(driver.execute_async_script(FIRST_FRAME) / 1000)
    frame = statistics.median(frames)
    detail = f"{rounds} loads: " + ", ".join(f"{value:.3f}" for value in frames)
    if judged:
        report.verdict("open", f"{name}: first frame (median)", f"{frame:.3f} s",
                       f"< {MAX_OPEN_S:.0f} s", frame < MAX_OPEN_S, detail)
    else:
        report.info("open", f"{name}: first frame (median)", f"{frame:.3f} s", detail)
    report.info("open", f"{name}: load event (median)", f"{statistics.median(loads):.3f} s")
    report.info("open", f"{name}: selenium get + ready (median)", f"{statistics.median(walls):.3f} s")


def record_items(record) -> int:
    return sum(count_items(record).values())


def convert(inputs: list[Path], folder: Path, with_pages: bool) -> None:
    """What a batch does for each input in one process: JSON, and the review page if asked."""
    entries = []
    for path in inputs:
        data = path.read_bytes()
        record = parse_record(data, path.name)
        text = to_json(record)
        write_atomically(folder / f"{path.stem}.json", text.encode("utf-8"))
        if with_pages:
            page = review_page(json.loads(text), read_text_source(data, path.name))
            write_atomically(folder / f"{path.stem}.html", page.encode("utf-8"))
            entries.append(IndexEntry.of_document(path.name, record, f"{path.stem}.html"))
    if with_pages:
        write_index(folder, entries)


def batch_section(report: bench.Report, rounds: int) -> None:
    report.section(f"batch: {BATCH_FILES} files in one process, JSON vs JSON + review pages + index")
    samples = sorted(bench.SAMPLES.glob("*.txt"))
    work = Path(tempfile.mkdtemp(prefix="planparse-review-bench-"))
    try:
        inputs = []
        for index in range(BATCH_FILES):
            copy = work / "in" / f"{index:03d}_{samples[index % len(samples)].name}"
            copy.parent.mkdir(exist_ok=True)
            shutil.copyfile(samples[index % len(samples)], copy)
            inputs.append(copy)
        convert(inputs, work / "warm", with_pages=True)  # caches, templates, first imports
        times: dict[bool, list[float]] = {False: [], True: []}
        for round_ in range(rounds):
            for with_pages in (False, True):
                folder = work / f"out-{round_}-{with_pages}"
                start = time.perf_counter()
                convert(inputs, folder, with_pages)
                times[with_pages].append(time.perf_counter() - start)
        without, with_pages = statistics.median(times[False]), statistics.median(times[True])
        report.info("batch", "JSON only (median)", f"{without:.3f} s")
        report.info("batch", "JSON + pages + index (median)", f"{with_pages:.3f} s")
        sizes = [path.stat().st_size for path in (work / "out-0-True").glob("*.html")]
        report.info("batch", "page size (mean)", f"{statistics.mean(sizes) / 1000:.0f} kB")
        report.verdict("batch", "with pages / without", f"{with_pages / without:.3f}",
                       f"<= {MAX_BATCH_RATIO}", with_pages / without <= MAX_BATCH_RATIO,
                       f"{rounds} alternating rounds each")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds: a smoke run")
    arguments = parser.parse_args(argv)
    report = bench.Report()
    open_section(report, rounds=3 if arguments.quick else 7)
    batch_section(report, rounds=1 if arguments.quick else 5)
    return report.summary()


if __name__ == "__main__":
    sys.exit(main())
