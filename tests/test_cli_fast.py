"""``planparse extract`` to JSON without typer (cli.main) against the same call through
typer: same standard output, standard error, exit code and output file, and typer's
turn for every call the fast path is not sure to read as typer does.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from planparse.cli import plain_extract
from conftest import ROOT, SAMPLES

WITH_WARNINGS = ROOT / "samples" / "004_0e6750a0d5af267e.txt"

# Run the command in a child process: through cli.main, or straight through typer's app.
RUNNER = """
import sys
which, arguments = sys.argv[1], sys.argv[2:]
if which == "fast":
    from planparse.cli import main, plain_extract
    assert plain_extract(arguments) is not None, arguments
    sys.argv = ["planparse", *arguments]
    main()
else:
    from planparse.commands import app
    app(arguments, prog_name="planparse")
"""


def _run(which: str, arguments: list[str], folder: Path, input: bytes = b""):
    return subprocess.run([sys.executable, "-c", RUNNER, which, *arguments], cwd=folder,
                          input=input, capture_output=True)


def _both(tmp_path: Path, arguments: list[str], input: bytes = b"", before=None):
    """The two runs' exit code, standard output and error, and files, each in its own
    copy of the same folder."""
    results = []
    for which in ("fast", "typer"):
        folder = tmp_path / which
        folder.mkdir()
        if before:
            before(folder)
        done = _run(which, arguments, folder, input)
        files = {str(path.relative_to(folder)): path.read_bytes()
                 for path in sorted(folder.rglob("*")) if path.is_file()}
        results.append((done.returncode, done.stdout, done.stderr.decode(), files))
    return results


SAMPLE = str(SAMPLES[0])


@pytest.mark.parametrize("arguments", [
    ["extract", SAMPLE],
    ["extract", str(WITH_WARNINGS)],
    ["extract", str(WITH_WARNINGS), "--strict"],
    ["extract", "--strict", "-f", "json", str(WITH_WARNINGS)],
    ["extract", "--format=json", SAMPLE, "--force"],
    ["extract", SAMPLE, "-o", "out.json"],
    ["extract", SAMPLE, "--output=out.json", "--strict"],
    ["extract", SAMPLE, "--output", "sub/dir/out.json"],
    ["extract", "missing.txt"],
    ["extract", ""],
    ["extract", "."],
], ids=lambda arguments: " ".join(arguments[1:]).replace(str(ROOT), "") or "nothing")
def test_fast_and_typer_give_the_same(tmp_path, arguments):
    fast, slow = _both(tmp_path, arguments)
    assert fast == slow
    assert fast[0] in (0, 1, 3)


def test_standard_input_gives_the_same(tmp_path):
    fast, slow = _both(tmp_path, ["extract", "-"], input=WITH_WARNINGS.read_bytes())
    assert fast == slow and fast[0] == 0 and b'"path": "-"' in fast[1]


def test_binary_input_gives_the_same(tmp_path):
    fast, slow = _both(tmp_path, ["extract", "-"], input=bytes(range(256)) * 10)
    assert fast == slow and fast[0] == 1


@pytest.mark.parametrize("force", [False, True])
def test_an_existing_output_gives_the_same(tmp_path, force):
    def existing(folder: Path) -> None:
        (folder / "out.json").write_text("keep me")

    arguments = ["extract", SAMPLE, "-o", "out.json"] + (["--force"] if force else [])
    fast, slow = _both(tmp_path, arguments, before=existing)
    assert fast == slow
    assert fast[0] == (0 if force else 2)


def test_an_output_that_cannot_be_written_gives_the_same(tmp_path):
    def blocked(folder: Path) -> None:
        (folder / "file").write_text("a file, not a folder")

    fast, slow = _both(tmp_path, ["extract", SAMPLE, "-o", "file/out.json"], before=blocked)
    assert fast == slow and fast[0] == 1


@pytest.mark.parametrize("arguments", [
    [],
    ["--version"],
    ["extract"],
    ["extract", "--help"],
    ["extract", SAMPLE, "--format", "yaml"],
    ["extract", SAMPLE, "-f", "csv"],
    ["extract", SAMPLE, "--format", "JSON"],
    ["extract", SAMPLE, "-fjson"],
    ["extract", SAMPLE, "-f"],
    ["extract", SAMPLE, "--output"],
    ["extract", SAMPLE, "--output", ""],
    ["extract", SAMPLE, "--output", "-"],
    ["extract", SAMPLE, "--strict", "--strict"],
    ["extract", SAMPLE, "-o", "a.json", "--output", "b.json"],
    ["extract", SAMPLE, "--force=yes"],
    ["extract", SAMPLE, "other.txt"],
    ["extract", "--", SAMPLE],
    ["extract", "-x"],
    ["show", SAMPLE],
    ["schema"],
])
def test_what_the_fast_path_does_not_take_is_left_to_typer(arguments):
    assert plain_extract(arguments) is None


def test_the_fast_path_reads_the_options_as_typer_does():
    assert plain_extract(["extract", "--strict", "-", "--output=o.json", "-f", "json",
                          "--force"]) == {
        "file": "-", "format": "json", "output": Path("o.json"), "force": True, "strict": True}
    assert plain_extract(["extract", "plan.txt"]) == {
        "file": "plan.txt", "format": "json", "output": None, "force": False, "strict": False}


def test_shell_completion_is_left_to_typer(monkeypatch):
    monkeypatch.setenv("_PLANPARSE_COMPLETE", "bash_complete")
    assert plain_extract(["extract", SAMPLE]) is None


def test_main_hands_what_it_does_not_take_to_typer(tmp_path):
    fast = subprocess.run([sys.executable, "-m", "planparse", "extract", SAMPLE, "-f", "yaml"],
                          capture_output=True, cwd=tmp_path)
    assert fast.returncode == 0 and fast.stdout.startswith(b"schema_version: '1'")
