"""Fuzzing real texts: the samples, test plans and dev passages, mutated the way texts
are damaged (lines deleted or duplicated, digits swapped, control characters, numbering
nested deeper than plans go), checked against the contract rather than for "no crash":
every output valid against ``planparse schema``, no empty title, every span inside the
text and in order, no control character in any text.

``PLANPARSE_FUZZ_EXAMPLES=2000`` digs deeper, as in test_fuzz.py.
"""

from __future__ import annotations

import json
import os
import re

import jsonschema
from hypothesis import HealthCheck, given, settings, strategies as st

import planparse
from planparse.model import json_schema
from conftest import ROOT, SAMPLES, SHARED, split_lines

REAL_TEXTS = [path.read_text(encoding="utf-8") for path in
              [*SAMPLES, *sorted((ROOT / "tests" / "plans").glob("*.txt")),
               *sorted((SHARED / "eval" / "dev" / "texts").glob("*.txt"))]]
VALIDATOR = jsonschema.Draft202012Validator(json_schema())
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
FUZZ = settings(max_examples=int(os.environ.get("PLANPARSE_FUZZ_EXAMPLES", "40")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _delete(lines: list[str], at: int, draw: st.DrawFn) -> None:
    del lines[at:at + draw(st.integers(1, 5))]


def _duplicate(lines: list[str], at: int, draw: st.DrawFn) -> None:
    lines[at:at] = lines[at:at + draw(st.integers(1, 5))]


def _swap_digits(lines: list[str], at: int, draw: st.DrawFn) -> None:
    digits = draw(st.sampled_from(["0123456789", "๐๑๒๓๔๕๖๗๘๙"]))
    shuffled = "".join(draw(st.permutations(list(digits))))
    lines[at] = lines[at].translate(str.maketrans(digits, shuffled))


def _control(lines: list[str], at: int, draw: st.DrawFn) -> None:
    character = chr(draw(st.sampled_from([*range(0, 9), *range(14, 32), *range(127, 160)])))
    where = draw(st.integers(0, len(lines[at])))
    lines[at] = lines[at][:where] + character + lines[at][where:]


def _deep_numbering(lines: list[str], at: int, draw: st.DrawFn) -> None:
    number = ".".join(str(draw(st.integers(1, 120))) for _ in range(draw(st.integers(2, 9))))
    lines[at] = f"{number} {lines[at].lstrip()}"


MUTATIONS = [_delete, _duplicate, _swap_digits, _control, _deep_numbering]


@st.composite
def mutated_texts(draw: st.DrawFn) -> str:
    lines = split_lines(draw(st.sampled_from(REAL_TEXTS)))
    for _ in range(draw(st.integers(1, 8))):
        if not lines:
            break
        draw(st.sampled_from(MUTATIONS))(lines, draw(st.integers(0, len(lines) - 1)), draw)
    return "\n".join(lines) + "\n"


def _texts_and_spans(data: dict) -> tuple[list[str], list[dict]]:
    """Every text and every span of a dumped document."""
    texts, spans = [], []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                if key in ("text", "title", "message") and isinstance(inner, str):
                    texts.append(inner)
                elif key == "span" and isinstance(inner, dict):
                    spans.append(inner)
                else:
                    walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    walk(data)
    return texts, spans


@FUZZ
@given(mutated_texts())
def test_a_mutated_real_text_still_gives_a_document_within_the_contract(text):
    document = planparse.parse(text)
    data = json.loads(planparse.to_json(document))
    VALIDATOR.validate(data)
    assert all(strategy.title.strip() for strategy in document.strategies)
    texts, spans = _texts_and_spans(data)
    assert not [piece for piece in texts if CONTROL.search(piece)]
    line_count = len(split_lines(text))
    for span in spans:
        assert 1 <= span["start_line"] <= span["end_line"] <= line_count
