"""What review pages cost, through the command line: opening one, and a batch with pages.

    .venv/bin/python benchmarks/review_bench.py          # a few minutes
    .venv/bin/python benchmarks/review_bench.py --quick  # fewer rounds: a smoke run

- open: ``planparse review`` writes the page of the largest corpus file
  (``large_cabinet_summary.txt``, 540 KB; the command's wall time is printed), which is
  then opened from the file system in headless Chromium (tests/browser.py), a fresh load
  each round. The figure judged is the time from the navigation's start to the first
  frame after the page has drawn itself (two ``requestAnimationFrame`` after load, asked
  for once selenium's ``get`` has returned, so it overstates a little): median of the
  rounds, target under 2 s. The load event (``loadEventEnd`` of Navigation Timing: the
  inline script has drawn the plan and the source by then) and the wall time of
  selenium's ``get`` are printed with it, and the same for the corpus text with the most
  lines and items (``hangdong_strategy_full_pdfminer.txt``) and for the 57-page Hangdong
  PDF with ``--images``, as information.
- batch: ``planparse batch IN -o OUT`` over 200 files (copies of the samples in
  folders, as a batch of a folder meets them), with the default workers (one a CPU),
  against the same with ``--review``, each run into a fresh output folder so nothing is
  skipped; the wall time of the whole command (start-up, workers, report and index
  included). Alternating rounds; target: the best run with pages over the best without
  <= 1.3 (the median of each round's ratio is printed too: on a machine shared with
  other work the slower runs measure its load more than planparse), and the time the
  workers spent on the files, from the run report, with pages and without.

Exit status 0 when both targets are met, 1 when one failed or could not be measured.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

import bench  # noqa: E402  (the Report of bench.py)
import browser  # noqa: E402  (tests/browser.py: Debian's Chromium through selenium)

PLANPARSE = Path(sys.executable).parent / "planparse"
LARGEST = bench.CORPUS / "large_cabinet_summary.txt"
MOST_LINES = bench.CORPUS / "hangdong_strategy_full_pdfminer.txt"
PLAN_PDF = bench.CORPUS / "hangdong_strategy_2560-2564.pdf"
MAX_OPEN_S = 2.0
MAX_BATCH_RATIO = 1.3
BATCH_FILES = 200

LOAD_TIME = """const timing = performance.getEntriesByType('navigation')[0];
    return [timing.domContentLoadedEventEnd, timing.loadEventEnd]"""
# Milliseconds from the navigation's start to the frame after the page has drawn itself.
FIRST_FRAME = """const done = arguments[arguments.length - 1];
    requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now())))"""


def planparse(*arguments: str | Path) -> float:
    """Run the planparse command; its wall time. A failure (other than exit 1 for the
    batch's files that fail, which these inputs do not have) stops the benchmark."""
    start = time.perf_counter()
    completed = subprocess.run([str(PLANPARSE), *map(str, arguments)], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        raise SystemExit(f"planparse {' '.join(map(str, arguments))} exited "
                         f"{completed.returncode}: {completed.stderr.strip()}")
    return elapsed


def open_section(report: bench.Report, rounds: int) -> None:
    report.section("open: review pages written by planparse review, in headless Chromium")
    reason = browser.missing()
    if reason or not LARGEST.is_file():
        report.skip("open", "first frame (median)", f"< {MAX_OPEN_S:.0f} s", reason or f"{LARGEST} not found")
        return
    folder = Path(tempfile.mkdtemp(prefix="planparse-review-bench-"))
    try:
        with browser.chromium() as driver:
            for name, path, options in (("largest", LARGEST, ()), ("most lines", MOST_LINES, ()),
                                        ("PDF with images", PLAN_PDF, ("--images",))):
                if path.is_file():
                    open_page(report, driver, name, path, options, folder, rounds)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def open_page(report: bench.Report, driver: Any, name: str, path: Path, options: tuple[str, ...],
              folder: Path, rounds: int) -> None:
    page = folder / f"{path.stem}.html"
    written = planparse("review", path, "-o", page, *options)
    report.info("open", f"{name}: planparse review", f"{written:.3f} s",
                f"{path.name}: a page of {page.stat().st_size / bench.MB:.2f} MB")
    loads, frames, walls = [], [], []
    for _ in range(rounds):
        driver.get("about:blank")
        start = time.perf_counter()
        browser.open_page(driver, page)
        walls.append(time.perf_counter() - start)
        loads.append(driver.execute_script(LOAD_TIME)[1] / 1000)
        frames.append(driver.execute_async_script(FIRST_FRAME) / 1000)
    items, lines = driver.execute_script("return [document.querySelectorAll('#plan .item').length, "
                                         "document.querySelectorAll('#source .line').length]")
    frame = statistics.median(frames)
    detail = f"{lines} lines, {items} items; {rounds} loads: " + ", ".join(f"{value:.3f}" for value in frames)
    if name == "largest":
        report.verdict("open", f"{name}: first frame (median)", f"{frame:.3f} s",
                       f"< {MAX_OPEN_S:.0f} s", frame < MAX_OPEN_S, detail)
    else:
        report.info("open", f"{name}: first frame (median)", f"{frame:.3f} s", detail)
    report.info("open", f"{name}: load event (median)", f"{statistics.median(loads):.3f} s")
    report.info("open", f"{name}: selenium get + ready (median)", f"{statistics.median(walls):.3f} s")


def batch_section(report: bench.Report, rounds: int) -> None:
    report.section(f"batch: planparse batch over {BATCH_FILES} files, without and with --review")
    samples = sorted(bench.SAMPLES.glob("*.txt"))
    work = Path(tempfile.mkdtemp(prefix="planparse-review-bench-"))
    try:
        source = work / "in"
        for index in range(BATCH_FILES):
            sample = samples[index % len(samples)]
            copy = source / f"อำเภอ {index % 10}" / f"{index:03d}_{sample.name}"
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(sample, copy)
        planparse("batch", source, "-o", work / "warm", "--review", "--quiet")  # the fork server, caches
        times: dict[bool, list[float]] = {False: [], True: []}
        work_times: dict[bool, list[float]] = {False: [], True: []}  # in the workers
        for round_ in range(rounds):
            for with_pages in (False, True):
                out = work / f"out-{round_}-{with_pages}"
                times[with_pages].append(planparse("batch", source, "-o", out, "--quiet",
                                                   *(["--review"] if with_pages else [])))
                work_times[with_pages].append(files_seconds(out))
        for with_pages, name in ((False, "JSON only"), (True, "JSON + pages + index")):
            report.info("batch", f"{name} (best, median)",
                        f"{min(times[with_pages]):.3f} s, {statistics.median(times[with_pages]):.3f} s",
                        ", ".join(f"{value:.3f}" for value in times[with_pages]))
        pages = list((work / "out-0-True").rglob("*.review.html"))
        report.info("batch", "pages written", f"{len(pages)} + index.html",
                    f"{statistics.mean(path.stat().st_size for path in pages) / 1000:.0f} kB a page")
        paired = [with_ / without for without, with_ in zip(times[False], times[True])]
        report.info("batch", "with pages / without, round by round (median)",
                    f"{statistics.median(paired):.3f}", ", ".join(f"{value:.2f}" for value in paired))
        without, with_ = (statistics.median(work_times[pages]) for pages in (False, True))
        report.info("batch", "time in the workers, summed over the files (median)",
                    f"{without:.3f} s, {with_:.3f} s", f"with pages / without {with_ / without:.3f} "
                    "(the report's seconds of each file: reading, parsing, rendering, writing)")
        # The best run of each is judged: on a machine shared with other work, the slower
        # runs measure the others' load more than planparse.
        ratio = min(times[True]) / min(times[False])
        report.verdict("batch", "with pages / without (best runs)", f"{ratio:.3f}",
                       f"<= {MAX_BATCH_RATIO}", ratio <= MAX_BATCH_RATIO,
                       f"{rounds} alternating rounds each")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def files_seconds(out: Path) -> float:
    """The time the workers spent on the files of a run, from its report."""
    report = json.loads((out / "planparse-report.json").read_text(encoding="utf-8"))
    return float(sum(record["seconds"] for record in report["files"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds: a smoke run")
    arguments = parser.parse_args(argv)
    report = bench.Report()
    open_section(report, rounds=3 if arguments.quick else 7)
    batch_section(report, rounds=1 if arguments.quick else 7)
    return report.summary()


if __name__ == "__main__":
    sys.exit(main())
