"""How much a plans database costs to build, and how fast it answers a search.

    .venv/bin/python benchmarks/db_bench.py             # 2,000 files: about a minute
    .venv/bin/python benchmarks/db_bench.py --files 200 # a smoke run

The inputs are copies of the samples and of the development passages
(``../shared/eval/dev/texts``, samples only when that folder is missing), cycled to
``--files`` inputs under names of their own, as a batch of plans would be. Figures:

- build: the database of every input's document, from the documents as JSON text
  (``json.loads`` then ``store``, one transaction each) into a new file, against the
  parse of the same inputs in the same process (``parse_bytes`` then ``to_json``, what a
  batch worker does for a JSON output). The share is database / (parse + database) in
  CPU time, which other processes on a shared machine do not move (the clock's share,
  which also counts waiting for the disk, is printed beside it); target at most 15 %. Both start cold, in this process; then caches are warm after the
  first copy of a text, for both: the parser's dictionary look-ups and the word cuts of
  the index are both kept by content. The same share with every cache warm follows.
- cold: the same share for each distinct text seen once, in a fresh process: the
  honest figure for a folder whose texts are all new (information).
- batch: ``planparse batch IN -o OUT -w 1`` over the same inputs, then building the
  database from OUT with ``build_from_folder`` in a new process: the share of a real
  batch (information).
- search: the median time of ``search.search`` (default limit, marks included) over
  words of plans, runs of words and filters, each repeated; target under 50 ms.

Exit status: 0 when every target is met, 1 otherwise. Standard library only, besides
planparse; the report helpers are bench.py's.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from bench import SAMPLES, OtherLoad, Report, planparse_command

import planparse
from planparse.database import build_from_folder, open_database
from planparse.search import search

DEV_TEXTS = SAMPLES.parent.parent / "shared" / "eval" / "dev" / "texts"
FILES = 2000
SEARCH_REPEATS = 5
# Targets of issue 14.
MAX_BUILD_SHARE = 0.15
MAX_SEARCH_MS = 50.0

# Words a person looks for in plans, runs of words, and filtered searches.
QUERIES: list[tuple[str, dict]] = [
    *((word, {}) for word in (
        "ผู้สูงอายุ ท่องเที่ยว การศึกษา สิ่งแวดล้อม เศรษฐกิจ ยาเสพติด คุณภาพชีวิต "
        "โครงสร้างพื้นฐาน สาธารณสุข เกษตร ทรัพยากรธรรมชาติ วัฒนธรรม มีส่วนร่วม ชุมชน "
        "เด็ก น้ำ ขยะ ดิจิทัล นวัตกรรม สุขภาพ กีฬา อาชีพ พัฒนา").split()),
    ("การจัดการ", {}),
    ("ท่องเที่ยว เชิงวัฒนธรรม", {}),
    ("ส่งเสริมการท่องเที่ยว", {}),
    ("ผู้สูงอายุ", {"kind": "strategy"}),
    ("ผู้สูงอายุ", {"kind": "strategy", "organization_kind": "เทศบาลตำบล"}),
    ("ท่องเที่ยว", {"organization_kind": "องค์การบริหารส่วนจังหวัด"}),
    ("ฟุตบอล", {}),
]


def distinct_inputs() -> list[Path]:
    texts = sorted(SAMPLES.glob("*.txt"))
    if DEV_TEXTS.is_dir():
        texts += sorted(DEV_TEXTS.glob("*.txt"))
    return texts


def inputs(count: int) -> list[tuple[str, bytes]]:
    """``count`` (name, bytes): the distinct texts cycled, each copy under a name of its own."""
    texts = [(path.name, path.read_bytes()) for path in distinct_inputs()]
    return [(f"{index:04d}/{texts[index % len(texts)][0]}", texts[index % len(texts)][1])
            for index in range(count)]


@dataclass(frozen=True)
class Took:
    """Seconds on the clock, and seconds of this process's CPU: on a shared machine the
    clock also counts the time other processes ran instead, the CPU time does not (it
    misses the waits for the disk, which the clock shows)."""

    wall: float
    cpu: float

    @staticmethod
    def since(start: Took) -> Took:
        return Took(time.perf_counter() - start.wall, time.process_time() - start.cpu)

    @staticmethod
    def now() -> Took:
        return Took(time.perf_counter(), time.process_time())

    def __str__(self) -> str:
        return f"{self.cpu:.2f} s CPU"

    def share_of(self, other: Took) -> str:
        """This one's share of both, by CPU time, then by the clock."""
        return (f"{self.cpu / (self.cpu + other.cpu):.1%} of CPU time, "
                f"{self.wall / (self.wall + other.wall):.1%} on the clock")


def parse_all(named: list[tuple[str, bytes]]) -> tuple[Took, list[str]]:
    """The time to parse every input to its JSON text, and the texts."""
    start = Took.now()
    outputs = [planparse.to_json(planparse.parse_bytes(data, name)) for name, data in named]
    return Took.since(start), outputs


def store_all(database: Path, outputs: list[str]) -> Took:
    """The time to store every JSON output in a new database, its file closed at the end."""
    start = Took.now()
    with open_database(database) as opened:
        for output in outputs:
            opened.store(json.loads(output))
    return Took.since(start)


def measure_build(report: Report, count: int, folder: Path) -> Path:
    named = inputs(count)
    report.note(f"{count} inputs: copies of {len(distinct_inputs())} texts (samples"
                f"{' and dev passages' if DEV_TEXTS.is_dir() else ' only: no dev set found'})")
    # Both start cold in this process: the parser's caches, pythainlp's dictionary.
    parse, outputs = parse_all(named)
    database = folder / "plans.sqlite"
    build = store_all(database, outputs)
    share = build.cpu / (parse.cpu + build.cpu)
    report.info("build", f"parse {count} inputs to JSON", str(parse), f"{parse.wall:.2f} s on the clock")
    report.info("build", f"database of {count} documents", str(build),
                f"{build.wall:.2f} s on the clock, {database.stat().st_size / 1e6:.1f} MB")
    report.verdict("build", "database / (parse + database), CPU", f"{share:.1%}",
                   f"<= {MAX_BUILD_SHARE:.0%}", share <= MAX_BUILD_SHARE,
                   f"on the clock {build.wall / (parse.wall + build.wall):.1%}")
    # The same once every cache is warm: what each further document costs.
    again_parse, _ = parse_all(named)
    again_build = store_all(folder / "again.sqlite", outputs)
    report.info("build", "the same, caches warm", f"{again_build.cpu / (again_parse.cpu + again_build.cpu):.1%}",
                f"{again_build.share_of(again_parse)}; database {again_build}, parse {again_parse}")
    start = Took.now()
    with open_database(database) as opened:
        for output in outputs:
            opened.store(json.loads(output))
    report.info("build", "re-build, nothing changed", str(Took.since(start)))
    return database


def measure_cold(report: Report) -> None:
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child-cold"],
                          capture_output=True, text=True)
    if done.returncode != 0:
        report.info("cold", "every text new", "error", done.stderr.strip()[-300:])
        return
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    parse, build = Took(*figures["parse"]), Took(*figures["build"])
    report.info("cold", f"{figures['files']} distinct texts, fresh process",
                f"{build.cpu / (parse.cpu + build.cpu):.1%}",
                f"{build.share_of(parse)}; database {build}, parse {parse}")


def child_cold() -> None:
    named = [(path.name, path.read_bytes()) for path in distinct_inputs()]
    parse, outputs = parse_all(named)
    with tempfile.TemporaryDirectory(prefix="planparse-db-bench-") as folder:
        build = store_all(Path(folder) / "plans.sqlite", outputs)
    print(json.dumps({"files": len(named), "parse": [parse.wall, parse.cpu],
                      "build": [build.wall, build.cpu]}))


def measure_batch(report: Report, count: int, folder: Path) -> None:
    source, output = folder / "in", folder / "out"
    for name, data in inputs(count):
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_bytes(data)
    start = time.perf_counter()
    done = subprocess.run(planparse_command() + ["batch", str(source), "--output", str(output),
                                                 "--workers", "1", "--quiet"],
                          capture_output=True, text=True)
    batch_s = time.perf_counter() - start
    if done.returncode != 0:
        report.info("batch", "planparse batch -w 1", "error", done.stderr.strip()[-300:])
        return
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child-folder",
                           str(output), str(folder / "from-folder.sqlite")],
                          capture_output=True, text=True)
    if done.returncode != 0:
        report.info("batch", "database from its folder", "error", done.stderr.strip()[-300:])
        return
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    build_s = figures["seconds"]
    report.info("batch", f"planparse batch -w 1, {count} files", f"{batch_s:.2f} s")
    report.info("batch", "database from its folder, new process", f"{build_s:.2f} s",
                f"{figures['stored']} stored, {figures['failed']} failed")
    report.info("batch", "database / (batch + database), clock", f"{build_s / (batch_s + build_s):.1%}",
                "the batch's CPU time is its workers', which the clock must stand for")


def child_folder(output: Path, database: Path) -> None:
    start = time.perf_counter()
    with open_database(database) as opened:
        summary = build_from_folder(opened, output)
    print(json.dumps({"seconds": time.perf_counter() - start, "stored": len(summary.changes),
                      "failed": len(summary.failed)}))


def measure_search(report: Report, database: Path) -> None:
    opened = open_database(database, write=False)
    search(opened, "ท่องเที่ยว")  # pythainlp's dictionary, loaded once a process
    times: list[float] = []
    slowest: tuple[float, str] = (0.0, "")
    hits = []
    for query, filters in QUERIES:
        runs = []
        for _ in range(SEARCH_REPEATS):
            start = time.perf_counter()
            found = search(opened, query, **filters)
            runs.append(time.perf_counter() - start)
        times += runs
        hits.append(len(found))
        slowest = max(slowest, (statistics.median(runs), f"{query} {filters or ''}".strip()))
    every_hit = []
    for query, filters in QUERIES:
        start = time.perf_counter()
        search(opened, query, limit=None, **filters)
        every_hit.append(time.perf_counter() - start)
    opened.close()
    median_ms = statistics.median(times) * 1000
    report.info("search", f"{len(QUERIES)} queries x {SEARCH_REPEATS}",
                f"{statistics.median(hits):.0f} hits", f"median hits a query (limit 100); "
                f"most {max(hits)}")
    report.info("search", "slowest query (median of its runs)", f"{slowest[0] * 1000:.1f} ms",
                slowest[1])
    report.info("search", "median, every hit (no limit)",
                f"{statistics.median(every_hit) * 1000:.1f} ms")
    start = time.perf_counter()
    done = subprocess.run(planparse_search_child(database), capture_output=True, text=True)
    report.info("search", "first search in a new process",
                f"{(time.perf_counter() - start) * 1000:.0f} ms" if done.returncode == 0
                else "error", "python start, imports, dictionary, query")
    report.verdict("search", "median search", f"{median_ms:.1f} ms", f"< {MAX_SEARCH_MS:.0f} ms",
                   median_ms < MAX_SEARCH_MS)


def planparse_search_child(database: Path) -> list[str]:
    code = ("import sys; from pathlib import Path; from planparse.database import open_database;"
            " from planparse.search import search;"
            " search(open_database(Path(sys.argv[1]), write=False), 'ผู้สูงอายุ')")
    return [sys.executable, "-c", code, str(database)]


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=FILES, help="inputs to build from")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument("--child-cold", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child-folder", nargs=2, type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child_cold:
        child_cold()
        return 0
    if options.child_folder:
        child_folder(*options.child_folder)
        return 0
    report = Report()
    load = OtherLoad()
    with tempfile.TemporaryDirectory(prefix="planparse-db-bench-") as name:
        folder = Path(name)
        report.section(f"build a database of {options.files} documents")
        database = measure_build(report, options.files, folder)
        report.section("search")
        measure_search(report, database)
        report.section("every text new")
        measure_cold(report)
        report.section("against a real batch")
        measure_batch(report, options.files, folder)
    seconds = load.seconds()
    if seconds is not None and seconds[1]:
        share = seconds[0] / seconds[1]
        busy = ": figures are noisy, run again on a quiet machine" if share > 0.1 else ""
        print(f"\nother processes used {share:.0%} of the CPUs during this run"
              f" (but batch, see bench.OtherLoad){busy}")
    status = report.summary()
    if options.json:
        options.json.write_text(json.dumps([check.__dict__ for check in report.checks],
                                           ensure_ascii=False, indent=2) + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
