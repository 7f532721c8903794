"""Shared test helpers: paths, the golden-file switch, small document factories."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from types import ModuleType

import pytest

import planparse

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
GOLDEN = ROOT / "tests" / "golden"
# The shared folder beside the checkout holds the scorer and the hand-checked gold files.
SHARED = Path(os.environ.get("PLANPARSE_SHARED", ROOT.parent / "shared"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="Rewrite tests/golden/*.json from the current output (read every diff "
             "before committing it).",
    )


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` as an editor numbers them: the definition the parser's line
    numbers (normalize_text) are held to. CRLF, CR and LF end a line; a form feed does not."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


@pytest.fixture(scope="session")
def scorer() -> ModuleType:
    """``../shared/eval/score.py``, imported: the scorer our texts are judged by. A gate
    fails, not skips, without it."""
    path = SHARED / "eval" / "score.py"
    assert path.exists(), f"the shared evaluation data is missing: {path}"
    spec = importlib.util.spec_from_file_location("score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_against_gold(scorer: ModuleType, gold_path: Path, text_path: Path):
    """The scorer's tally of planparse's document for ``text_path`` against its gold."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    predicted = json.loads(planparse.to_json(planparse.parse_file(text_path)))
    return scorer.score_document(gold, predicted)


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def lines(*rows: str) -> str:
    """A plan text from its lines (tests read better one line a row)."""
    return "\n".join(rows) + "\n"


# Real inputs for the database: every sample and every development passage (when the
# shared folder is there), under the names a batch over them would give.
DEV_TEXTS = SHARED / "eval" / "dev" / "texts"
REAL_INPUTS = {**{f"samples/{path.name}": path for path in SAMPLES},
               **{f"dev/{path.name}": path for path in sorted(DEV_TEXTS.glob("*.txt"))}}


@pytest.fixture(scope="session")
def real_outputs() -> dict[str, dict]:
    """The JSON output of every real input, as read back: {source path: document}."""
    import json

    import planparse

    return {name: json.loads(planparse.to_json(planparse.parse_bytes(path.read_bytes(), name)))
            for name, path in REAL_INPUTS.items()}


@pytest.fixture(scope="session")
def output_folder(real_outputs, tmp_path_factory) -> Path:
    """A folder of the real outputs as ``planparse batch`` writes them, with a run report
    (which is not a document) at its top."""
    import json

    folder = tmp_path_factory.mktemp("outputs")
    for name, document in real_outputs.items():
        target = folder / Path(name).with_suffix(".json")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    (folder / "planparse-report.json").write_text('{"report_version": 1}', encoding="utf-8")
    return folder
