"""Do two planparse checkouts write the same documents? A check for refactoring.

    python benchmarks/same_outputs.py BASE_PYTHON NEW_PYTHON [FILE_OR_FOLDER ...]

Each Python (a virtual environment's ``bin/python``, with one checkout installed) writes
the JSON and YAML of every input: by default the samples, the test plans and the dev
passages beside the repository. The two are compared byte for byte; the inputs that
differ are listed, and the exit status is 1 when any does.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUTS = (ROOT / "samples", ROOT / "tests" / "plans", ROOT.parent / "shared" / "eval" / "dev" / "texts")

# Run inside each checkout's Python: the outputs of every path given on standard input.
_WRITE_OUTPUTS = """
import json, sys, planparse
outputs = {}
for path in json.load(sys.stdin):
    try:
        document = planparse.parse_file(path)
        outputs[path] = planparse.to_json(document) + planparse.to_yaml(document)
    except Exception as error:
        outputs[path] = f"{type(error).__name__}: {error}"
json.dump(outputs, sys.stdout)
"""


def outputs_of(python: str, paths: list[str]) -> dict[str, str]:
    done = subprocess.run([python, "-c", _WRITE_OUTPUTS], input=json.dumps(paths),
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main(arguments: list[str]) -> int:
    if len(arguments) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    base, new, *given = arguments
    folders = [Path(name) for name in given] or [path for path in DEFAULT_INPUTS if path.is_dir()]
    paths = sorted(str(path) for folder in folders
                   for path in ([folder] if folder.is_file() else folder.glob("*.txt")))
    before, after = outputs_of(base, paths), outputs_of(new, paths)
    differ = [path for path in paths if before[path] != after[path]]
    for path in differ:
        print(f"differs: {path}")
    print(f"{len(paths) - len(differ)} of {len(paths)} inputs give the same JSON and YAML")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
