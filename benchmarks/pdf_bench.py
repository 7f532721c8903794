"""How fast planparse reads PDFs, measured against what PDFium does at all.

    .venv/bin/python benchmarks/pdf_bench.py            # every figure: about 2 minutes
    .venv/bin/python benchmarks/pdf_bench.py --quick    # fewer runs, OCR on one page

Over the Hangdong plan (``../shared/corpus/hangdong_strategy_2560-2564.pdf``, 57 pages)
and its scanned pages (``../shared/pdf/scanned_hangdong_p4_p12.pdf``). Prints each figure
with its target and PASS, FAIL or INFO, then a summary, as ``bench.py`` does; the exit
status is 0 when every target is met, 1 otherwise. The sections:

- reading: the floor, PDFium's own text (pypdfium2: open the file, then each page's
  ``get_text_range``), in pages per second; planparse's reading (``pdf.read_pdf``: every
  character's boxes, the rules, the rebuilt lines) in pages per second, and its ratio to
  the floor. Best of several runs each, alternating, in this process.
- job: the whole PDF to a document on one core, the way ``planparse extract plan.pdf``
  does it: ``planparse.parse_bytes`` of the file's bytes (the reading stage tells the
  PDF, reads it, parses the text, puts the spans on their pages), then the JSON, in
  pages per second (best of several); and the command itself, ``planparse extract
  PLAN --format json`` in a child process, start-up included (best of a few).

Reading and job are timed in CPU seconds (``time.process_time`` for this process, the
children's rusage for the command): they run on one core, and on a machine shared with
other work wall-clock time mostly measures the others (the development machine's 2 CPUs
often are).
- memory: peak RSS of a fresh child reading a 1,026-page file (the plan 18 times) page by
  page, against the same for the 57-page plan: pages stream, so the two are near.
- ocr: seconds a page for tesseract with one thread (``ocr.recognise`` in this process,
  on pages rendered at 300 dpi), and pages per second of ``read_pdf(ocr="always")`` over
  four scanned pages with one and with two worker processes (starting them included).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import OtherLoad, Report, peak_rss, print_other_load  # noqa: E402 (beside this file)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PLAN = SHARED / "corpus" / "hangdong_strategy_2560-2564.pdf"
SCANNED = SHARED / "pdf" / "scanned_hangdong_p4_p12.pdf"

# planparse's reading over PDFium's own text, pages per second.
MIN_READING_RATIO = 0.25
# The whole PDF to a document, pages per second on one core.
MIN_JOB_PAGES_PER_S = 100
# Peak memory reading 1,026 pages over reading 57: at most this much more (MB).
MAX_LONG_FILE_EXTRA_MB = 30
# Copies of the plan in the long file.
LONG_FILE_COPIES = 18
MB = 1_000_000


def best_time(function, repeats: int) -> float:
    """The least CPU time of ``repeats`` runs of ``function`` in this process."""
    times = []
    for _ in range(repeats):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return min(times)


def floor(data: bytes) -> int:
    """PDFium's own text of every page: what reading a PDF costs at least."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    pages = 0
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
        pages += 1
    document.close()
    return pages


def measure_reading(report: Report, data: bytes, repeats: int) -> None:
    from planparse.pdf import OcrMode, read_pdf

    pages = floor(data)
    read = lambda: sum(1 for _ in read_pdf(data, PLAN.name, ocr=OcrMode.NEVER))  # noqa: E731
    read()  # the dictionary and PDFium warm, as for every file after the first
    floor_rate, read_rate = 0.0, 0.0
    for _ in range(repeats):  # alternate, so that both see the same machine
        floor_rate = max(floor_rate, pages / best_time(lambda: floor(data), 1))
        read_rate = max(read_rate, pages / best_time(read, 1))
    report.info("reading", "floor: PDFium's get_text_range", f"{floor_rate:.0f} pages/s",
                f"{pages} pages, best of {repeats}")
    report.info("reading", "planparse read_pdf", f"{read_rate:.0f} pages/s")
    ratio = read_rate / floor_rate
    report.verdict("reading", "read_pdf / floor", f"{ratio:.3f}", f">= {MIN_READING_RATIO}",
                   ratio >= MIN_READING_RATIO)


def measure_job(report: Report, data: bytes, repeats: int) -> None:
    import planparse
    from planparse.pdf import OcrMode, PdfOptions, pdf_text

    options = PdfOptions(ocr=OcrMode.NEVER)

    def job() -> None:  # what ``planparse extract`` does once it has the bytes
        planparse.to_json(planparse.parse_bytes(data, PLAN.name, options))

    cold = best_time(job, 1)  # the parser's dictionary look-ups not yet cached
    pages = floor(data)
    reading = best_time(lambda: pdf_text(data, PLAN.name, ocr=OcrMode.NEVER), repeats)
    whole = best_time(job, repeats)
    report.info("job", "pdf_text (the plain text)", f"{pages / reading:.0f} pages/s")
    report.info("job", "parse_bytes + JSON, first run", f"{pages / cold:.0f} pages/s",
                "the parser's caches cold, as for a new plan")
    report.verdict("job", "parse_bytes + JSON, one core", f"{pages / whole:.0f} pages/s",
                   f">= {MIN_JOB_PAGES_PER_S}", pages / whole >= MIN_JOB_PAGES_PER_S,
                   f"reading {reading:.3f} s of {whole:.3f} s, caches warm "
                   f"as bench.py has them")
    command = [str(Path(sys.executable).parent / "planparse")]
    runs = max(2, repeats // 2)
    extract = best_child_time(command + ["extract", str(PLAN), "--format", "json",
                                         "--ocr", "never"], runs)
    start_up = best_child_time(command + ["--version"], runs)
    report.info("job", "planparse extract (the command)", f"{pages / extract:.0f} pages/s",
                f"{extract:.2f} s CPU a run, {start_up:.2f} s of it starting up; best of {runs}")


def best_child_time(argv: list[str], repeats: int) -> float:
    """The least CPU time (user and system) of ``repeats`` runs of a child process."""
    times = []
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return min(times)


def long_file(data: bytes, copies: int) -> bytes:
    import pypdfium2

    source = pypdfium2.PdfDocument(data)
    document = pypdfium2.PdfDocument.new()
    for _ in range(copies):
        document.import_pages(source)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def measure_memory(report: Report, data: bytes, scratch: Path) -> None:
    long = scratch / "long.pdf"
    long.write_bytes(long_file(data, LONG_FILE_COPIES))
    peaks = {}
    for path in (PLAN, long):
        result = subprocess.run([sys.executable, __file__, "--child", str(path)],
                                capture_output=True, text=True, check=True)
        peaks[path] = json.loads(result.stdout)
    short, longer = peaks[PLAN], peaks[long]
    report.info("memory", f"{short['pages']} pages", f"{short['peak'] / MB:.0f} MB",
                f"{short['seconds']:.2f} s")
    extra = (longer["peak"] - short["peak"]) / MB
    report.verdict("memory", f"{longer['pages']} pages, more than {short['pages']}",
                   f"{extra:+.0f} MB", f"<= {MAX_LONG_FILE_EXTRA_MB} MB",
                   extra <= MAX_LONG_FILE_EXTRA_MB,
                   f"peak {longer['peak'] / MB:.0f} MB, {longer['seconds']:.2f} s, "
                   f"file {long.stat().st_size / MB:.1f} MB")


def measure_ocr(report: Report, pages: int) -> None:
    import pypdfium2

    from planparse import ocr
    from planparse.pdf import OcrMode, read_pdf

    if ocr.missing():
        report.skip("ocr", "OCR", "", ocr.missing())
        return
    data = SCANNED.read_bytes()
    document = pypdfium2.PdfDocument(data)
    images = [document[index % len(document)].render(scale=ocr.DPI / 72, grayscale=True).to_pil()
              for index in range(pages)]
    document.close()
    os.environ["OMP_THREAD_LIMIT"] = "1"
    start = time.perf_counter()
    for image in images:
        ocr.recognise(image)
    report.info("ocr", "tesseract, one thread", f"{(time.perf_counter() - start) / pages:.1f} s/page",
                f"{pages} page(s) at {ocr.DPI} dpi, grey")
    scans = long_file(data, 2)  # four pages
    for workers in (1, 2):
        start = time.perf_counter()
        read = sum(1 for _ in read_pdf(scans, SCANNED.name, ocr=OcrMode.ALWAYS, ocr_workers=workers))
        report.info("ocr", f"read_pdf(ocr='always'), {workers} worker(s)",
                    f"{read / (time.perf_counter() - start):.2f} pages/s", f"{read} pages")


def child(path: str) -> None:
    """Read a PDF page by page in this fresh process; print its pages and peak memory."""
    from planparse.pdf import OcrMode, read_pdf

    data = Path(path).read_bytes()
    start = time.perf_counter()
    pages = sum(1 for _ in read_pdf(data, path, ocr=OcrMode.NEVER))
    print(json.dumps({"pages": pages, "peak": peak_rss(), "seconds": time.perf_counter() - start}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, OCR on one page")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        child(options.child)
        return 0
    import tempfile

    import planparse

    report = Report()
    print(f"planparse {planparse.__version__} from {Path(planparse.__file__).parent}")
    print(f"python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs; "
          f"{'--quick' if options.quick else 'full'} run")
    if not PLAN.exists() or not SCANNED.exists():
        report.skip("pdf", "every figure", "", f"{PLAN} and {SCANNED} are needed")
        return report.summary()
    data = PLAN.read_bytes()
    repeats = 3 if options.quick else 7
    load = OtherLoad()
    with tempfile.TemporaryDirectory() as scratch:
        for title, run in (
                ("reading", lambda: measure_reading(report, data, repeats)),
                ("job", lambda: measure_job(report, data, repeats)),
                ("memory (RSS of a fresh child)", lambda: measure_memory(report, data, Path(scratch))),
                ("ocr", lambda: measure_ocr(report, 1 if options.quick else 2))):
            report.section(title)
            run()
    seconds = load.seconds()
    if seconds is not None:
        print_other_load(*seconds)
    return report.summary()


if __name__ == "__main__":
    sys.exit(main())
