"""How fast planparse is, measured against what this machine can do at all.

    .venv/bin/python benchmarks/bench.py            # every figure: 3 to 5 minutes today
    .venv/bin/python benchmarks/bench.py --quick    # a tenth of the sizes: a smoke run, 1 to 2 minutes

One process prints, section by section, each figure with its target and PASS, FAIL or
SKIP, then a summary. Machines differ, so every target is a ratio taken in the same run
(or a bound a slow machine still meets). Exit status: 0 when every target is met, 1 when
any failed or could not be measured (SKIP), 2 on a usage error. Standard library only,
besides planparse itself; MB means 10**6 bytes of UTF-8.

The sections, in order:

- corpus: ``samples/*.txt`` and ``../shared/corpus/*.txt`` beside the repository (samples
  only, said so, when that folder is missing), smallest file first, joined by blank lines
  into a unit of about 1 MB; the "10x" text is that unit ten times, one string.
- floor: decode the 10x bytes, split them into lines and match one simple regex per line.
- parse: ``planparse.parse(data.decode())`` of the same bytes: MB/s and ratio to the floor.
  Content-keyed caches (the dictionary's) are warm for the timed runs, as they are for
  repeated text; the first, cold parse is printed too, as information.
- growth: time for the 10x text over ten times the time for the unit.
- before: the unit parsed by this checkout and by the commit before issue 9 rebuilt the
  parser (taken with ``git archive`` into a temporary folder), in alternating child
  processes, best of each: the new parser at least 0.8x as fast as the old, on the text's
  first parse in a process (what ``extract`` does) and on the same text parsed again.
- pathological: each input parsed in a child process that is stopped after a time-out,
  so catastrophic backtracking or a quadratic loop shows as a number, not a hang.
- memory: peak resident memory (Linux's VmHWM; ``ru_maxrss`` elsewhere) of a fresh child
  process running ``planparse.parse_file``, less its peak after ``import planparse``. RSS
  rather than tracemalloc because the target is the process's real footprint: tracemalloc
  misses interpreter and allocator overhead and slows parsing several times over.
- cli: ``planparse extract`` on the largest sample, the median of several runs, against a
  bound ("a few tenths of a second", issue 11); ``python -c "import typer, pydantic"`` is
  measured beside it as information.
- batch: files per second of ``planparse batch`` over copies of the samples, with one
  and with two workers, medians of alternating runs.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"
MB = 1_000_000

# The floor's one regex: a numbering label at the start of a line, the simplest thing
# a plan parser has to recognise.
FLOOR_PATTERN = re.compile(r"\s*\d{1,3}[.)]")


# ------------------------------------------------------------------------ targets

# Parse throughput as a share of the floor's.
MIN_FLOOR_RATIO = 0.08
# Time for 10x the input over 10x the time for 1x.
MAX_GROWTH = 1.15
# "Each under a few seconds".
MAX_PATHOLOGICAL_S = 3.0
# Peak memory over the baseline: this many times the input, plus a fixed allowance.
MEMORY_PER_INPUT = 5
MEMORY_FIXED_MB = 100
# planparse extract, whole, in seconds: "a CLI that starts in a few tenths of a second is
# fine" (issue 11, which gave up the start-up ratio to import typer and pydantic for one
# model and one typer app).
MAX_CLI_SECONDS = 0.5
# Batch files per second with 2 workers over 1 worker.
MIN_BATCH_SPEEDUP = 1.7
# Parse throughput against the parser as it was before issue 9 rebuilt it, on the same
# text in the same run ("at least 0.8x as fast as before this issue").
BEFORE_ISSUE_9 = "5446fdd"
MIN_BEFORE_RATIO = 0.8


@dataclass(frozen=True)
class Scale:
    """Sizes for one run: full, or a tenth for --quick."""

    unit_mb: float
    growth: int
    pathological: float  # share of each pathological input's full size
    child_timeout_s: float
    memory_synthetic_mb: int
    cli_runs: int
    batch_copies: int
    batch_rounds: int  # alternating 1- and 2-worker runs; the median rate of each
    repeats: int  # best-of for the 1x parse
    big_repeats: int  # best-of for the 10x parse


FULL = Scale(unit_mb=1.0, growth=10, pathological=1.0, child_timeout_s=30,
             memory_synthetic_mb=50, cli_runs=7, batch_copies=2000, batch_rounds=3,
             repeats=3, big_repeats=2)
QUICK = Scale(unit_mb=0.1, growth=10, pathological=0.1, child_timeout_s=30,
              memory_synthetic_mb=5, cli_runs=5, batch_copies=200, batch_rounds=1,
              repeats=3, big_repeats=3)


@dataclass
class Check:
    """One figure against its target."""

    section: str
    name: str
    value: str
    target: str
    status: str  # PASS, FAIL, SKIP or INFO
    detail: str = ""


class Report:
    """Prints checks as they are made and keeps them for the summary."""

    def __init__(self) -> None:
        self.checks: list[Check] = []

    def section(self, title: str) -> None:
        print(f"\n== {title}", flush=True)

    def note(self, text: str) -> None:
        print(f"   {text}", flush=True)

    def add(self, check: Check) -> None:
        self.checks.append(check)
        target = f"target {check.target}" if check.target else ""
        print(f"   {check.name:<46} {check.value:>18}  {target:<22} {check.status}", flush=True)
        if check.detail:
            print(f"      {check.detail}", flush=True)

    def verdict(self, section: str, name: str, value: str, target: str, ok: bool,
                detail: str = "") -> None:
        self.add(Check(section, name, value, target, "PASS" if ok else "FAIL", detail))

    def info(self, section: str, name: str, value: str, detail: str = "") -> None:
        self.add(Check(section, name, value, "", "INFO", detail))

    def skip(self, section: str, name: str, target: str, why: str) -> None:
        self.add(Check(section, name, "not measured", target, "SKIP", why))

    def summary(self) -> int:
        judged = [check for check in self.checks if check.status != "INFO"]
        counts = {status: sum(1 for c in judged if c.status == status)
                  for status in ("PASS", "FAIL", "SKIP")}
        print("\n== summary")
        for check in judged:
            print(f"   {check.status:<5} {check.section:<13} {check.name:<46} "
                  f"{check.value:>18}  {check.target}")
        print(f"\n   {counts['PASS']} of {len(judged)} targets met; "
              f"{counts['FAIL']} failed, {counts['SKIP']} not measured")
        return 0 if counts["PASS"] == len(judged) else 1


# ------------------------------------------------------------------------- corpus

def corpus_files(report: Report) -> list[Path]:
    """The benchmark's texts, smallest first, so a small unit still holds the samples."""
    files = sorted(SAMPLES.glob("*.txt"))
    if CORPUS.is_dir():
        files += sorted(CORPUS.glob("*.txt"))
    else:
        report.note(f"{CORPUS} not found: using samples/ only")
    if not files:
        raise SystemExit(f"bench: no texts in {SAMPLES} or {CORPUS}")
    return sorted(files, key=lambda path: (path.stat().st_size, path.name))


def build_unit(files: list[Path], size: int) -> bytes:
    """The files joined by blank lines, cycled until ``size`` bytes, cut at a line end."""
    texts = [path.read_bytes().replace(b"\r\n", b"\n").rstrip(b"\n") + b"\n\n"
             for path in files]
    parts: list[bytes] = []
    total = 0
    while total < size:
        for text in texts:
            parts.append(text)
            total += len(text)
            if total >= size:
                break
    unit = b"".join(parts)[:size]
    return unit[:unit.rfind(b"\n") + 1]


# ------------------------------------------------------------------------ helpers

def best_time(function: Callable[[], object], repeats: int) -> float:
    """The fastest of ``repeats`` runs: the one least disturbed by the rest of the machine."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def floor_pass(data: bytes) -> int:
    """Decode, split into lines, match one regex per line: the least a parser must do."""
    match = FLOOR_PATTERN.match
    found = 0
    for line in data.decode("utf-8").split("\n"):
        if match(line):
            found += 1
    return found


@dataclass
class ChildRun:
    """What a child printed (its JSON lines, merged), and its peak memory as polled."""

    data: dict
    error: str = ""  # empty when it finished well
    peak_seen: int = 0  # bytes: a lower bound, for a child stopped at its time-out


def run_child(arguments: list[str], timeout: float) -> ChildRun:
    """Run this script as a child (``--child ...``), stopping it after ``timeout``."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", *arguments]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.perf_counter() + timeout
    peak_seen, error = 0, ""
    while process.poll() is None:
        peak_seen = max(peak_seen, peak_rss(process.pid))
        if time.perf_counter() > deadline:
            process.kill()
            error = f"stopped after {timeout:.0f} s"
            break
        time.sleep(0.1)
    out, err = process.communicate()
    data: dict = {}
    for line in out.splitlines():
        if line.startswith("{"):
            data.update(json.loads(line))
    if not error and process.returncode != 0:
        tail = (err.strip().splitlines() or ["no output"])[-1]
        error = f"child failed ({process.returncode}): {tail}"
    return ChildRun(data, error, peak_seen)


def planparse_command() -> list[str]:
    """The installed console script beside this interpreter, else ``python -m planparse``."""
    for candidate in (Path(sys.executable).parent / "planparse", shutil.which("planparse")):
        if candidate and Path(candidate).exists():
            return [str(candidate)]
    return [sys.executable, "-m", "planparse"]


class OtherLoad:
    """How much CPU other processes took during the run: they make every figure noisier.

    The machine's busy time (``/proc/stat``) less this process's and its children's.
    ``planparse batch``'s workers are not counted as its own: the fork server that
    starts them is no child of the batch process that a parent can account for, so the
    batch section is left out of this figure.
    """

    def __init__(self) -> None:
        self.start = self._sample()

    @staticmethod
    def _sample() -> Optional[tuple[float, float, float]]:
        stat = Path("/proc/stat")
        if not stat.exists():
            return None
        fields = [int(value) for value in stat.read_text().split("\n", 1)[0].split()[1:]]
        busy = (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")  # less idle, iowait
        own = os.times()
        return busy, own.user + own.system + own.children_user + own.children_system, time.time()

    def seconds(self) -> Optional[tuple[float, float]]:
        """(CPU seconds other processes took since the start, CPU seconds there were)."""
        end = self._sample()
        if self.start is None or end is None or end[2] <= self.start[2]:
            return None
        others = (end[0] - self.start[0]) - (end[1] - self.start[1])
        return max(0.0, others), (end[2] - self.start[2]) * (os.cpu_count() or 1)


def print_other_load(others: float, capacity: float, note: str = "") -> None:
    """Say what share of the CPUs other processes took (``OtherLoad``), and that the
    figures are noisy past a tenth."""
    if not capacity:
        return
    share = max(0.0, others / capacity)
    busy = ": figures are noisy, run again on a quiet machine" if share > 0.1 else ""
    print(f"\nother processes used {share:.0%} of the CPUs during this run{note}{busy}")


def mb(size: float) -> str:
    return f"{size / MB:.2f} MB"


# ----------------------------------------------------------------------- sections

def measure_speed(report: Report, scale: Scale, files: list[Path]) -> None:
    import planparse

    unit = build_unit(files, int(scale.unit_mb * MB))
    big = unit * scale.growth
    lines = big.count(b"\n")
    report.note(f"unit {mb(len(unit))}, {scale.growth}x text {mb(len(big))} "
                f"({lines:,} lines)")

    report.section("floor: decode + split lines + one regex per line")
    floor_s = best_time(lambda: floor_pass(big), 5)
    floor_rate = len(big) / floor_s
    report.info("floor", f"floor over {mb(len(big))} (best of 5)",
                f"{floor_rate / MB:.1f} MB/s", f"{floor_s:.3f} s")

    report.section("parse: decode + planparse.parse, one string")
    cold_s = best_time(lambda: planparse.parse(unit.decode("utf-8")), 1)
    report.info("parse", "first parse of the unit (cold caches)",
                f"{len(unit) / cold_s / MB:.2f} MB/s", f"{cold_s:.3f} s")
    one_s = best_time(lambda: planparse.parse(unit.decode("utf-8")), scale.repeats)
    report.info("parse", f"parse 1x {mb(len(unit))} (best of {scale.repeats})",
                f"{len(unit) / one_s / MB:.2f} MB/s", f"{one_s:.3f} s")
    ten_s = best_time(lambda: planparse.parse(big.decode("utf-8")), scale.big_repeats)
    rate = len(big) / ten_s
    report.info("parse", f"parse {scale.growth}x {mb(len(big))} (best of {scale.big_repeats})",
                f"{rate / MB:.2f} MB/s", f"{ten_s:.3f} s")
    report.verdict("parse", "parse throughput / floor", f"{rate / floor_rate:.4f}",
                   f">= {MIN_FLOOR_RATIO}", rate / floor_rate >= MIN_FLOOR_RATIO,
                   f"parse {rate / MB:.2f} MB/s vs floor {floor_rate / MB:.1f} MB/s")
    bytes_s = best_time(lambda: planparse.parse_bytes(unit, "bench"), scale.repeats)
    report.info("parse", "parse_bytes 1x (detect encoding, sha256, parse)",
                f"{len(unit) / bytes_s / MB:.2f} MB/s",
                f"{bytes_s:.3f} s, {bytes_s / one_s:.2f}x planparse.parse: "
                "what parse_file, extract and batch run")

    report.section("growth: 10x the input against 10x the time")
    growth = ten_s / (scale.growth * one_s)
    report.verdict("growth", f"t({scale.growth}x) / ({scale.growth} * t(1x))", f"{growth:.3f}",
                   f"<= {MAX_GROWTH}", growth <= MAX_GROWTH)


def measure_before(report: Report, scale: Scale, files: list[Path]) -> None:
    """planparse.parse of the unit by this checkout and by the commit before issue 9,
    each in fresh child processes, alternating, the best of each: the old code is taken
    from git (``git archive``) into a temporary folder and imported from there."""
    unit = build_unit(files, int(scale.unit_mb * MB))
    with tempfile.TemporaryDirectory(prefix="planparse-before-") as folder:
        old_src = Path(folder) / "old"
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", BEFORE_ISSUE_9, "src"],
                                 capture_output=True)
        if archive.returncode != 0:
            report.skip("before", "parse throughput / before issue 9", f">= {MIN_BEFORE_RATIO}",
                        f"git archive {BEFORE_ISSUE_9} failed: {archive.stderr.decode().strip()[:80]}")
            return
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(old_src, filter="data")
        text = Path(folder) / "unit.txt"
        text.write_bytes(unit)
        sources = {"before": old_src / "src", "now": ROOT / "src"}
        best: dict[tuple[str, str], float] = {}
        for _ in range(3):
            for name, source in sources.items():
                run = run_child(["parse_speed", str(source), str(text), str(scale.repeats)],
                                scale.child_timeout_s * 4)
                if run.error:
                    report.skip("before", "parse throughput / before issue 9",
                                f">= {MIN_BEFORE_RATIO}", f"{name}: {run.error}")
                    return
                for run_kind in ("first", "repeated"):
                    key = (name, run_kind)
                    best[key] = min(best.get(key, float("inf")), run.data[run_kind])
    kinds = {"first": "the text's first parse (a fresh process, word list loaded)",
             "repeated": "the same text again (content caches warm)"}
    for run_kind, what in kinds.items():
        for name in sources:
            seconds = best[(name, run_kind)]
            label = f"{name}" + (f" ({BEFORE_ISSUE_9})" if name == "before" else "")
            report.info("before", f"{run_kind} parse, {label}", f"{len(unit) / seconds / MB:.2f} MB/s",
                        f"{seconds:.3f} s: {what}")
        ratio = best[("before", run_kind)] / best[("now", run_kind)]
        report.verdict("before", f"{run_kind} parse / before issue 9", f"{ratio:.2f}",
                       f">= {MIN_BEFORE_RATIO}", ratio >= MIN_BEFORE_RATIO)


@dataclass(frozen=True)
class Pathological:
    """An input built to make a slow loop show: ``build(count)`` is the text."""

    what: str  # formatted with the count
    count: int  # at full scale
    build: Callable[[int], str]

    def label(self, count: int) -> str:
        return self.what.format(count=count)


PATHOLOGICAL: dict[str, Pathological] = {
    "ones": Pathological("a line of '1. 1. 1. ...', {count:,} chars", 1_000_000,
                         lambda n: ("1. " * (n // 3 + 1))[:n]),
    "spaces": Pathological("a line of {count:,} spaces", 100_000, lambda n: " " * n),
    "deep_label": Pathological("one label {count:,} levels deep (1.1.1...1)", 10_000,
                               lambda n: ".".join(["1"] * n) + " ข้อความ"),
    "deep_lines": Pathological("{count:,} lines numbered 1 to {count:,} levels deep", 1_000,
                               lambda n: "\n".join(".".join(["1"] * depth) + " ข้อความ"
                                                   for depth in range(1, n + 1))),
    # The inputs below are not in the issue: each aims at one loop found while profiling.
    "spaces_lead_in": Pathological("(extra) {count:,} spaces, then heading + lead-in", 100_000,
                                   lambda n: " " * n + "พันธกิจ ประกอบด้วย 5 ด้าน ดังนี้"),
    # Lines of one width that run to the margin: a PDF paragraph, folded into one text.
    "paragraph": Pathological("(extra) a {count:,}-line wrapped paragraph", 5_000,
                              lambda n: "\n".join(f"{_WRAPPED_LINE} บรรทัดที่ {i}"
                                                  for i in range(n))),
    # The same, eight times as long: folding that copies the paragraph at each line is
    # quadratic, and shows here (26 s before the fold joined lines in one pass).
    "long_paragraph": Pathological("(extra) a {count:,}-line wrapped paragraph", 40_000,
                                   lambda n: "\n".join(f"{_WRAPPED_LINE} บรรทัดที่ {i}"
                                                       for i in range(n))),
    "dangling": Pathological("(extra) {count:,} lone vowel-mark lines, blank between", 2_000,
                             lambda n: "การพัฒนา\n" + "\n\u0e35\n" * n),
    "organizations": Pathological("(extra) {count:,} distinct organisation names", 5_000,
                                  lambda n: "\n\n".join(f"เทศบาลตำบล{_thai_name(i)} ได้ดำเนินการ"
                                                        for i in range(n))),
    # A split sara am first ("ต าบล"), so the Thai repairs run over the whole line.
    "thai_run": Pathological("(extra) 'ต าบล' then {count:,} Thai letters, no space", 1_000_000,
                             lambda n: "ต าบล" + ("เทศบาลตำบลการพัฒนา" * (n // 18 + 1))[:n]),
}


_WRAPPED_LINE = "การพัฒนาคุณภาพชีวิตของประชาชนในท้องถิ่นให้มีความเป็นอยู่ที่ดีขึ้นอย่างยั่งยืนและทั่วถึงทุกพื้นที่"


def _thai_name(number: int) -> str:
    """A distinct six-letter Thai name for ``number``."""
    letters = "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮ"
    name = ""
    for _ in range(6):
        number, digit = divmod(number, len(letters))
        name += letters[digit]
    return name


def measure_pathological(report: Report, scale: Scale) -> None:
    for name, case in PATHOLOGICAL.items():
        count = max(1, int(case.count * scale.pathological))
        what = case.label(count)
        run = run_child(["pathological", name, str(count)], scale.child_timeout_s)
        if run.error:
            report.verdict("pathological", what, f"> {scale.child_timeout_s:.0f} s"
                           if "stopped" in run.error else "error",
                           f"< {MAX_PATHOLOGICAL_S} s", False, run.error)
            continue
        seconds = run.data["seconds"]
        report.verdict("pathological", what, f"{seconds:.3f} s", f"< {MAX_PATHOLOGICAL_S} s",
                       seconds < MAX_PATHOLOGICAL_S, f"{run.data['chars']:,} characters")


def measure_memory(report: Report, scale: Scale, files: list[Path]) -> None:
    try:
        import resource  # noqa: F401  (the fallback of peak_rss; Unix only)
    except ImportError:
        report.skip("memory", "peak memory", "", "no /proc and no resource module here")
        return
    largest = max(files, key=lambda path: path.stat().st_size)
    with tempfile.TemporaryDirectory(prefix="planparse-bench-") as folder:
        synthetic = Path(folder) / f"synthetic_{scale.memory_synthetic_mb}mb.txt"
        synthetic.write_bytes(build_unit(files, scale.memory_synthetic_mb * MB))
        for label, path in ((f"largest corpus file ({largest.name})", largest),
                            (f"{scale.memory_synthetic_mb} MB synthetic file", synthetic)):
            size = path.stat().st_size
            limit = MEMORY_PER_INPUT * size + MEMORY_FIXED_MB * MB
            target = f"<= {limit / MB:.0f} MB"
            run = run_child(["memory", str(path)], max(120.0, size / MB * 6))
            baseline = run.data.get("baseline", 0)
            if run.error:
                # Stopped: the peak polled so far is a lower bound of the real one.
                grown = run.peak_seen - baseline
                value = f">= {grown / MB:.0f} MB" if run.peak_seen and baseline else "error"
                report.verdict("memory", label, value, target, False,
                               f"{run.error}; input {mb(size)}")
                continue
            grown = run.data["peak"] - baseline
            report.verdict("memory", label, f"{grown / MB:.0f} MB", target, grown <= limit,
                           f"input {mb(size)}; {grown / size:.1f}x the input; process peak "
                           f"{run.data['peak'] / MB:.0f} MB, {baseline / MB:.0f} MB after "
                           f"import; parse_file took {run.data['seconds']:.1f} s")


def measure_cli(report: Report, scale: Scale) -> None:
    samples = sorted(SAMPLES.glob("*.txt"), key=lambda path: path.stat().st_size)
    if not samples:
        report.skip("cli", "planparse extract", f"<= {MAX_CLI_SECONDS} s", "no samples")
        return
    sample = samples[-1]
    extract = planparse_command() + ["extract", str(sample)]
    imports = [sys.executable, "-c", "import typer, pydantic"]
    report.note(f"{Path(extract[0]).name} {' '.join(extract[1:-1])} {sample.relative_to(ROOT)} "
                f"vs python -c \"import typer, pydantic\"")
    times: dict[str, list[float]] = {"extract": [], "import": []}
    for run in range(scale.cli_runs + 1):  # the first round warms the file cache
        for key, command in (("extract", extract), ("import", imports)):
            start = time.perf_counter()
            done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            elapsed = time.perf_counter() - start
            if done.returncode != 0:
                report.verdict("cli", "planparse extract", "error",
                               f"<= {MAX_CLI_SECONDS} s", False, done.stderr.decode()[-300:])
                return
            if run:
                times[key].append(elapsed)
    extract_s, import_s = statistics.median(times["extract"]), statistics.median(times["import"])
    report.info("cli", f"import typer, pydantic (median of {scale.cli_runs})",
                f"{import_s * 1000:.0f} ms", f"extract / import: {extract_s / import_s:.2f}")
    report.verdict("cli", f"planparse extract (median of {scale.cli_runs})",
                   f"{extract_s * 1000:.0f} ms", f"<= {MAX_CLI_SECONDS * 1000:.0f} ms",
                   extract_s <= MAX_CLI_SECONDS)


def measure_batch(report: Report, scale: Scale) -> None:
    command = planparse_command()
    target = f">= {MIN_BATCH_SPEEDUP}"
    probe = subprocess.run(command + ["batch", "--help"], capture_output=True)
    if probe.returncode != 0:
        report.skip("batch", "2 workers / 1 worker", target,
                    "batch: not available (planparse batch missing)")
        return
    samples = sorted(SAMPLES.glob("*.txt"))
    if not samples:
        report.skip("batch", "2 workers / 1 worker", target, "no samples")
        return
    # The two CPUs of a shared machine do not run at one speed from minute to minute, and
    # the ratio of two single runs swung 1.5-2.0 here: alternate the runs, take medians.
    runs: dict[int, list[float]] = {1: [], 2: []}
    with tempfile.TemporaryDirectory(prefix="planparse-bench-") as folder:
        inputs = Path(folder) / "in"
        inputs.mkdir()
        for index in range(scale.batch_copies):
            source = samples[index % len(samples)]
            shutil.copyfile(source, inputs / f"{index:05d}_{source.name}")
        for round_number in range(scale.batch_rounds):
            for workers in (1, 2):
                output = Path(folder) / f"out{workers}_{round_number}"
                start = time.perf_counter()
                done = subprocess.run(command + ["batch", str(inputs), "--output", str(output),
                                                 "--workers", str(workers), "--quiet"],
                                      capture_output=True, text=True)
                elapsed = time.perf_counter() - start
                if done.returncode != 0:
                    report.verdict("batch", f"{workers} worker(s)", "error", "", False,
                                   f"exit {done.returncode}: {done.stderr.strip()[-300:]}")
                    return
                runs[workers].append(scale.batch_copies / elapsed)
                shutil.rmtree(output)
    rates = {workers: statistics.median(rates) for workers, rates in runs.items()}
    for workers, rate in rates.items():
        report.info("batch", f"{scale.batch_copies} files, {workers} worker(s)",
                    f"{rate:.0f} files/s",
                    f"median of {len(runs[workers])}: "
                    + ", ".join(f"{each:.0f}" for each in runs[workers]))
    report.verdict("batch", "2 workers / 1 worker", f"{rates[2] / rates[1]:.2f}", target,
                   rates[2] / rates[1] >= MIN_BATCH_SPEEDUP, f"{os.cpu_count()} CPUs")


# -------------------------------------------------------------------------- child

def peak_rss(pid: Optional[int] = None) -> int:
    """Peak resident memory in bytes of this process (or of ``pid``; 0 if unknown).

    Linux's VmHWM starts afresh at exec; ``ru_maxrss`` does not (it keeps the forking
    parent's size), so it is only the fallback elsewhere (KiB on Linux, bytes on macOS).
    """
    status = Path(f"/proc/{pid or 'self'}/status")
    try:
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    if pid is not None:
        return 0
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)


def child(arguments: list[str]) -> None:
    """Run one measurement in this fresh process and print it as a JSON line."""
    kind = arguments[0]
    if kind == "pathological":
        text = PATHOLOGICAL[arguments[1]].build(int(arguments[2]))
        import planparse

        start = time.perf_counter()
        planparse.parse(text)
        print(json.dumps({"seconds": time.perf_counter() - start, "chars": len(text)}))
    elif kind == "parse_speed":
        # planparse imported from the source folder given: this checkout's or an older one's
        sys.path.insert(0, arguments[1])
        import planparse

        from planparse import dictionary

        text = Path(arguments[2]).read_bytes().decode("utf-8")
        dictionary.words()  # the word list, loaded once a process by either parser
        first = best_time(lambda: planparse.parse(text), 1)
        repeated = best_time(lambda: planparse.parse(text), int(arguments[3]))
        print(json.dumps({"first": first, "repeated": repeated,
                          "from": str(Path(planparse.__file__).parent)}))
    elif kind == "memory":
        import planparse

        print(json.dumps({"baseline": peak_rss()}), flush=True)  # kept if the parent stops us
        start = time.perf_counter()
        planparse.parse_file(arguments[1])
        seconds = time.perf_counter() - start
        print(json.dumps({"peak": peak_rss(), "seconds": seconds}))
    else:
        raise SystemExit(f"bench: unknown child {kind}")


# --------------------------------------------------------------------------- main

SECTIONS = ("speed", "before", "pathological", "memory", "cli", "batch")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="a tenth of the sizes and fewer runs: a smoke run, not a gate")
    parser.add_argument("--only", choices=SECTIONS, action="append",
                        help="run only this section (repeatable)")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        child(options.child)
        return 0

    import planparse

    scale = QUICK if options.quick else FULL
    sections = options.only or list(SECTIONS)
    report = Report()
    print(f"planparse {planparse.__version__} from {Path(planparse.__file__).parent}")
    print(f"python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs; "
          f"{'--quick' if options.quick else 'full'} run")
    others, capacity = 0.0, 0.0
    report.section("corpus")
    files = corpus_files(report)
    report.note(f"{sum(path.stat().st_size for path in files) / MB:.2f} MB in {len(files)} files "
                f"from {SAMPLES.relative_to(ROOT)}/"
                + (f" and {CORPUS}" if CORPUS.is_dir() else ""))
    runners: dict[str, Callable[[], None]] = {
        "speed": lambda: measure_speed(report, scale, files),
        "before": lambda: measure_before(report, scale, files),
        "pathological": lambda: measure_pathological(report, scale),
        "memory": lambda: measure_memory(report, scale, files),
        "cli": lambda: measure_cli(report, scale),
        "batch": lambda: measure_batch(report, scale),
    }
    titles = {"before": f"before issue 9: the parser at {BEFORE_ISSUE_9}, same text, child processes",
              "pathological": "pathological inputs (each in a child process)",
              "memory": "peak memory of parse_file (RSS of a fresh child)",
              "cli": "cli start-up", "batch": "batch"}
    for name in sections:
        if name in titles:
            report.section(titles[name])
        load = OtherLoad()
        try:
            runners[name]()
        except Exception as error:  # a broken section must not hide the others
            report.verdict(name, f"{name} section", "error", "", False,
                           f"{type(error).__name__}: {error}")
        seconds = load.seconds()
        if seconds is not None and name != "batch":  # see OtherLoad
            others, capacity = others + seconds[0], capacity + seconds[1]
    print_other_load(others, capacity, " (but batch, see OtherLoad)" if "batch" in sections else "")
    status = report.summary()
    if options.json:
        options.json.write_text(json.dumps([asdict(check) for check in report.checks],
                                           ensure_ascii=False, indent=2) + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
