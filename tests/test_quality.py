"""A quality gate: the scorer's figures on the samples may not fall below pinned minimums.

The goldens check the exact output; this checks accuracy against the hand-checked gold
documents in ../shared/eval, with the same scorer that is run on texts we do not have.
"""

from __future__ import annotations

import importlib.util
import json

import pytest

import planparse
from conftest import SAMPLES, SHARED

SCORER = SHARED / "eval" / "score.py"
GOLD = SHARED / "eval" / "gold"

# Pinned minimum F1 per sample; raise them as the parser improves, never lower them.
MINIMUM_F1 = {
    "000_2bb7112842307dc4": 1.0,
    "001_6c530b268e208b09": 1.0,
    "002_e58d562fed91c098": 1.0,
    "003_34ee8eea179c00b5": 1.0,
    "004_0e6750a0d5af267e": 1.0,
}
MINIMUM_MICRO_F1 = 1.0
MINIMUM_EXACT_F1 = 1.0

pytestmark = pytest.mark.skipif(not SCORER.exists(), reason=f"no scorer at {SCORER}")


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score(scorer, sample):
    gold = json.loads((GOLD / f"{sample.stem}.json").read_text(encoding="utf-8"))
    predicted = json.loads(planparse.to_json(planparse.parse_file(sample)))
    return scorer.score_document(gold, predicted)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_sample_score_is_at_least_pinned(scorer, sample):
    _, _, f1 = scorer.f1(*_score(scorer, sample).totals())
    assert f1 >= MINIMUM_F1[sample.stem]


def test_micro_and_exact_f1_over_all_samples(scorer):
    total = scorer.Tally()
    for sample in SAMPLES:
        total.merge(_score(scorer, sample))
    gold, predicted, matched = total.totals()
    _, _, micro = scorer.f1(gold, predicted, matched)
    _, _, exact = scorer.f1(gold, predicted, total.exact)
    assert micro >= MINIMUM_MICRO_F1
    assert exact >= MINIMUM_EXACT_F1
