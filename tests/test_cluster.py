"""planparse batch --cluster: a Dask LocalCluster of 2 worker processes, against the local pool.

One folder mixes what a province sends: text plans, PDFs with a text layer, a scanned PDF
(../shared/pdf, two pages read by OCR, so its pages are tasks of their own) and files that
cannot be converted. The local pool's outputs of it are the reference; the cluster must
write the same bytes, also when a worker is killed in the middle of the run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import dask
import pytest
from distributed import WorkerPlugin
from typer.testing import CliRunner

import planparse.batch.cluster
from planparse.batch import BatchOptions, Job, convert_file, lost, prepare, run, skip_or_job
from planparse.batch.cluster import ClusterPool, connect
from planparse.cli import app
from planparse.outputs import TEMPORARY_PREFIX
from conftest import SAMPLES, SHARED

runner = CliRunner()

SCANNED = SHARED / "pdf" / "scanned_hangdong_p4_p12.pdf"
GOOD = {
    "เชียงใหม่/แผน 1.txt": SAMPLES[0].read_bytes(),
    "เชียงใหม่/อำเภอ หางดง/แผน 2.txt": SAMPLES[1].read_bytes(),
    "ลำพูน/แผน 3.txt": SAMPLES[3].read_bytes(),
    "empty.txt": b"",
    "ราชกิจจา/decree.pdf": (SHARED / "pdf" / "gazette_2566_dissolution_decree.pdf").read_bytes(),
    "forms/form.pdf": next(iter(sorted((SHARED / "pdf" / "forms").glob("*.pdf")))).read_bytes(),
    "สแกน/หางดง.pdf": SCANNED.read_bytes(),
}
BAD = {
    "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "junk/binary.txt": bytes(range(256)) * 8,
    "cut.pdf": (SHARED / "pdf" / "gazette_2566_dissolution_decree.pdf").read_bytes()[:4000],
}
OPTIONS = ["--quiet"]


def _folder(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def _report(out: Path) -> dict:
    return json.loads((out / "planparse-report.json").read_text(encoding="utf-8"))


def _outcomes(out: Path) -> dict[str, tuple[str, str | None]]:
    return {record["input"]: (record["status"], record["reason"]) for record in _report(out)["files"]}


def _outputs(out: Path) -> dict[str, bytes]:
    """Every file written but the report (which holds timings), by relative path."""
    return {path.relative_to(out).as_posix(): path.read_bytes()
            for path in sorted(out.rglob("*")) if path.is_file()
            and path.name != "planparse-report.json"}


def _assert_whole(out: Path) -> None:
    assert not [path for path in out.rglob("*") if path.name.startswith(TEMPORARY_PREFIX)]
    for path in out.rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    return _folder(tmp_path_factory.mktemp("cluster") / "in", {**GOOD, **BAD})


@pytest.fixture(scope="module")
def reference(source, tmp_path_factory) -> Path:
    """The local pool's outputs of the folder (two worker processes)."""
    out = tmp_path_factory.mktemp("local") / "out"
    result = runner.invoke(app, ["batch", str(source), "-o", str(out), *OPTIONS, "--workers", "2"])
    assert result.exit_code == 1, result.output  # the bad files fail
    assert {name for name, (status, _) in _outcomes(out).items() if status == "converted"} == set(GOOD)
    scanned = json.loads((out / "สแกน/หางดง.json").read_text(encoding="utf-8"))
    assert [warning["code"] for warning in scanned["warnings"]][:1] == ["OCR_TEXT"]
    assert scanned["source"]["line_count"] > 40  # the pages were read, not left out
    return out


def _jobs(source: Path, out: Path) -> list:
    batch = prepare(source, out, BatchOptions())
    try:
        jobs = [skip_or_job(batch, candidate) for candidate in batch.candidates]
    finally:
        batch.release()
    assert all(isinstance(job, Job) for job in jobs)
    return jobs


# ---------------------------------------------------------------- the same outputs

def test_the_cluster_writes_the_local_pools_outputs_and_reruns_skip(source, reference, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(source), "-o", str(out), *OPTIONS,
                                 "--cluster", "local:2"])
    assert result.exit_code == 1, result.output
    assert _outputs(out) == _outputs(reference)
    assert _outcomes(out) == _outcomes(reference)
    _assert_whole(out)
    failed = [line for line in result.output.splitlines() if line.startswith("failed")]
    assert len(failed) == len(BAD) and all(": " in line for line in failed)
    rerun = runner.invoke(app, ["batch", str(source), "-o", str(out), *OPTIONS,
                                "--cluster", "local:2"])
    assert rerun.exit_code == 1, rerun.output
    statuses = {name: status for name, (status, _) in _outcomes(out).items()}
    assert statuses == {**{name: "skipped" for name in GOOD}, **{name: "failed" for name in BAD}}


def test_review_pages_on_a_cluster_are_the_local_pools(source, tmp_path):
    """--review: each page made on a worker from its file's reading, the scan's from its
    pages read there; the pages and the index as the local pool writes them."""
    local, clustered = tmp_path / "local", tmp_path / "cluster"
    for out, where in ((local, ["--workers", "2"]), (clustered, ["--cluster", "local:2"])):
        result = runner.invoke(app, ["batch", str(source), "-o", str(out), *OPTIONS, "--review", *where])
        assert result.exit_code == 1, result.output  # the bad files fail
    pages = {name for name in _outputs(local) if name.endswith(".html")}
    assert "index.html" in pages and "สแกน/หางดง.review.html" in pages
    assert {name: data for name, data in _outputs(clustered).items() if name in pages} == \
        {name: data for name, data in _outputs(local).items() if name in pages}


def test_one_worker_writes_the_same_bytes(reference, tmp_path):
    # Any cluster size: a scan's pages then run one after the other on the one worker.
    folder, out = _folder(tmp_path / "in", {"สแกน/หางดง.pdf": SCANNED.read_bytes()}), tmp_path / "out"
    with connect("local:1") as client:
        report = run(prepare(folder, out, BatchOptions()), pool=ClusterPool(client))
    assert report.summary.converted == 1
    assert (out / "สแกน/หางดง.json").read_bytes() == (reference / "สแกน/หางดง.json").read_bytes()


# ---------------------------------------------------------------- workers that die

@pytest.fixture
def cluster():
    """A client of a LocalCluster of 2 worker processes, for the tests that kill them."""
    with connect("local:2") as client:
        yield client


def test_a_worker_killed_in_the_middle_does_not_fail_the_batch(source, reference, tmp_path, cluster):
    out = tmp_path / "out"
    pages: list[tuple[int, int]] = []
    killed: list[int] = []

    def kill_a_worker_reading_a_page() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            busy = [worker for worker, keys in cluster.processing().items()
                    if any(str(key).startswith("recognise_page") for key in keys)]
            if busy:
                pid = cluster.run(os.getpid, workers=busy[:1])[busy[0]]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                return
            time.sleep(0.05)

    killer = threading.Thread(target=kill_a_worker_reading_a_page)

    def count_pages(done: int, known: int) -> None:
        pages.append((done, known))
        if not killer.is_alive() and not killed:
            killer.start()  # once the scan's pages are handed out

    report = run(prepare(source, out, BatchOptions()),
                 pool=ClusterPool(cluster, count_pages))
    killer.join()
    assert killed, "no worker was reading a page"
    assert pages[0] == (0, 2) and pages[-1] == (2, 2)  # the scan's two pages, each a task
    assert report.summary.converted == len(GOOD) and report.summary.failed == len(BAD)
    assert _outputs(out) == _outputs(reference)
    assert _outcomes(out) == _outcomes(reference)
    _assert_whole(out)


class _KillOn(WorkerPlugin):
    """In every worker (a restarted one too): reading ``name`` kills the worker, as an
    input that runs it out of memory would."""

    def __init__(self, name: str) -> None:
        self.name = name

    def setup(self, worker) -> None:
        import planparse.batch.converting as converting

        real, name = converting.read_input, self.name

        def read_or_die(path, *arguments, **keywords):
            if str(path).endswith(name):
                os._exit(9)
            return real(path, *arguments, **keywords)

        converting.read_input = read_or_die


def test_a_file_that_kills_its_workers_fails_with_that_reason_and_alone(tmp_path):
    files = {f"แผน {index}.txt": SAMPLES[index % len(SAMPLES)].read_bytes() for index in range(12)}
    folder = _folder(tmp_path / "in", {**files, "killer.txt": SAMPLES[0].read_bytes()})
    out = tmp_path / "out"
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), connect("local:2") as client:
        client.register_plugin(_KillOn("killer.txt"), name="kill-on")
        report = run(prepare(folder, out, BatchOptions()), pool=ClusterPool(client))
    failed = [record for record in report.files if record.status.value == "failed"]
    assert [record.input for record in failed] == ["killer.txt"]
    assert "killer.txt: the workers converting it stopped 4 times (killed, out of memory" \
        in failed[0].reason  # twice, and twice more when it was tried again
    assert report.summary.converted == len(files)
    _assert_whole(out)


# ---------------------------------------------------------------- stopping

def test_a_stop_starts_nothing_more_and_records_every_file_started(tmp_path, cluster):
    files = {f"ชุด {index // 10}/แผน {index}.txt": SAMPLES[index % len(SAMPLES)].read_bytes()
             for index in range(60)}
    folder, out = _folder(tmp_path / "in", files), tmp_path / "out"
    jobs = _jobs(folder, out)
    stop, records = threading.Event(), []
    for record in ClusterPool(cluster)(convert_file, jobs, lost, stop):
        records.append(record)
        stop.set()  # as a Ctrl-C would, at the first file done
    assert 1 <= len(records) < len(jobs)
    assert {record.status.value for record in records} == {"converted"}
    _assert_whole(out)
    assert set(_outputs(out)) == {record.output.path for record in records}


def test_ctrl_c_exits_130_keeps_whole_files_and_a_rerun_finishes(tmp_path):
    files = {f"ชุด {index // 10}/แผน {index}.txt": SAMPLES[index % len(SAMPLES)].read_bytes()
             for index in range(120)}
    folder, out = _folder(tmp_path / "in", files), tmp_path / "out"
    command = [sys.executable, "-m", "planparse", "batch", str(folder), "-o", str(out),
               "--quiet", "--cluster", "local:2"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not any(out.rglob("*.json")):
            assert process.poll() is None, process.stderr.read().decode()
            assert time.monotonic() < deadline, "no output appeared"
            time.sleep(0.01)
        os.killpg(process.pid, signal.SIGINT)  # as a terminal does: to every process of it
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 130, stderr.decode()
    assert stderr.decode().startswith("planparse: interrupted: ") and stderr.count(b"\n") == 1
    _assert_whole(out)
    statuses = {name: status for name, (status, _) in _outcomes(out).items()}
    done = {name for name, status in statuses.items() if status == "converted"}
    assert 0 < len(done) < len(files) and set(statuses.values()) == {"converted", "interrupted"}
    assert {Path(name).with_suffix(".json").as_posix() for name in done} == set(_outputs(out))
    rerun = subprocess.run(command, capture_output=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr.decode()
    statuses = {name: status for name, (status, _) in _outcomes(out).items()}
    assert statuses == {name: "skipped" if name in done else "converted" for name in files}


# ---------------------------------------------------------------- what is refused

@pytest.mark.parametrize("address, message", [
    ("local:0", "--cluster local:0: a local cluster needs 1 worker or more"),
    ("tcp://127.0.0.1:9", "--cluster tcp://127.0.0.1:9: no Dask scheduler answers there"),
])
def test_a_cluster_that_cannot_be_had_is_a_usage_error_in_one_line(tmp_path, monkeypatch,
                                                                   address, message):
    monkeypatch.setattr(planparse.batch.cluster, "CONNECT_SECONDS", 1)
    folder = _folder(tmp_path / "in", {"plan.txt": SAMPLES[0].read_bytes()})
    result = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "out"),
                                 "--cluster", address])
    assert result.exit_code == 2
    assert result.output.startswith(f"planparse: {message}") and result.output.count("\n") == 1
    # The output folder's lock went with the failed command: another batch may start.
    assert runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "out"), "-w", "1"]).exit_code == 0


def test_the_cluster_pool_runs_only_the_batchs_own_conversion(cluster):
    with pytest.raises(TypeError, match="ClusterPool converts batch jobs as convert_file does"):
        ClusterPool(cluster)(lambda job: job, [], lost, threading.Event())


def test_a_worker_with_another_planparse_fails_its_files_and_says_so(tmp_path, cluster):
    folder, out = _folder(tmp_path / "in", {"plan.txt": SAMPLES[0].read_bytes()}), tmp_path / "out"
    older = [replace(job, fingerprint="another planparse") for job in _jobs(folder, out)]
    records = list(ClusterPool(cluster)(convert_file, older, lost, threading.Event()))
    assert [record.status.value for record in records] == ["failed"]
    assert "is not set up as this machine is" in records[0].reason
    assert not (out / "plan.json").exists()


def test_workers_here_leave_ctrl_c_to_the_command_also_once_restarted(cluster):
    # A terminal's Ctrl-C reaches every process of the command; the workers must go on
    # with their tasks while the command stops the run in order.
    first = cluster.run(os.getpid)
    victim = next(iter(first))
    os.kill(first[victim], signal.SIGKILL)
    deadline = time.monotonic() + 60
    while victim in (workers := set(cluster.scheduler_info()["workers"])) or len(workers) < 2:
        assert time.monotonic() < deadline, "the killed worker was not restarted"
        time.sleep(0.1)
    workers = cluster.run(os.getpid)
    for pid in workers.values():
        os.kill(pid, signal.SIGINT)
    time.sleep(1)
    assert cluster.run(os.getpid) == workers


@pytest.mark.parametrize("option, message", [
    (["--workers", "2"], "--workers and --cluster do not go together"),
])
def test_options_for_this_machine_only_are_refused_with_a_cluster(tmp_path, option, message):
    folder = _folder(tmp_path / "in", {"plan.txt": SAMPLES[0].read_bytes()})
    result = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "out"),
                                 "--cluster", "local:2", *option])
    assert result.exit_code == 2
    assert result.output.startswith(f"planparse: {message}") and result.output.count("\n") == 1
    assert not (tmp_path / "out").exists()  # refused before anything was started or made
