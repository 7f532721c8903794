"""The package is typed (py.typed) and ``mypy --strict`` holds for it (pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_the_package_says_it_is_typed():
    assert (ROOT / "src" / "planparse" / "py.typed").is_file()


def test_mypy_strict_finds_nothing():
    done = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:]
