"""Whole outputs checked against expected files: every sample (tests/golden/) and our
own plan texts in other styles (tests/plans/*.txt beside their *.json).

Regenerate with ``pytest tests/test_golden.py --update-goldens`` and read the diff
(``git diff tests/golden tests/plans``) before committing it.
"""

from __future__ import annotations

import json

import pytest

import planparse
from conftest import GOLDEN, ROOT, SAMPLES

PLANS = sorted((ROOT / "tests" / "plans").glob("*.txt"))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_sample_matches_golden(sample, update_goldens, monkeypatch):
    monkeypatch.chdir(ROOT)  # the source path is recorded as given, relative to the checkout
    document = planparse.parse_file(sample.relative_to(ROOT))
    produced = json.loads(planparse.to_json(document))
    golden = GOLDEN / f"{sample.stem}.json"
    if update_goldens:
        golden.write_text(planparse.to_json(document), encoding="utf-8")
    assert golden.exists(), f"no golden file for {sample.name}: run with --update-goldens"
    assert produced == json.loads(golden.read_text(encoding="utf-8"))


def test_every_sample_has_a_golden_file():
    assert {path.stem for path in GOLDEN.glob("*.json")} == {path.stem for path in SAMPLES}


@pytest.mark.parametrize("plan", PLANS, ids=lambda path: path.stem)
def test_own_plan_texts_match_their_expected_output(plan, update_goldens, monkeypatch):
    monkeypatch.chdir(ROOT)
    document = planparse.parse_file(plan.relative_to(ROOT))
    expected = plan.with_suffix(".json")
    if update_goldens:
        expected.write_text(planparse.to_json(document), encoding="utf-8")
    assert expected.exists(), f"no expected output for {plan.name}: run with --update-goldens"
    assert json.loads(planparse.to_json(document)) == json.loads(expected.read_text(encoding="utf-8"))
