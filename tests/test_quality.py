"""Quality gates: the scorer's figures on the seeds and the development set may not fall
below pinned minimums, and the warnings fire where the texts call for them.

The goldens check the exact output of the samples; these check accuracy against the
hand-checked gold documents in ../shared/eval, with the same scorer that is run on texts
we do not have. They fail, not skip, when ../shared is missing: a gate that can vanish
is no gate.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse
from conftest import SAMPLES, SHARED, score_against_gold

SEED_GOLD = SHARED / "eval" / "gold"
DEVELOPMENT = SHARED / "eval" / "dev"

# Pinned minimums; raise them as the parser improves, never lower them without saying
# why in the commit. (The development set scores 1.000 / 1.000 at the time of pinning.)
MINIMUM_SEED_F1 = {
    "000_2bb7112842307dc4": 1.0,
    "001_6c530b268e208b09": 1.0,
    "002_e58d562fed91c098": 1.0,
    "003_34ee8eea179c00b5": 1.0,
    "004_0e6750a0d5af267e": 1.0,
}
MINIMUM_SEED_MICRO_F1 = 0.98
MINIMUM_DEV_MICRO_F1 = 0.98
MINIMUM_DEV_EXACT_F1 = 0.97
# Each kind of unit on the development set, so that a loss in one is not hidden by the rest.
MINIMUM_DEV_KIND_F1 = 0.95


def _development_texts() -> list[Path]:
    return sorted((DEVELOPMENT / "texts").glob("*.txt"))


@pytest.fixture(scope="module")
def development(scorer):
    texts = _development_texts()
    assert texts, f"the development set is missing: {DEVELOPMENT}"
    return {text.stem: score_against_gold(scorer, DEVELOPMENT / "gold" / f"{text.stem}.json", text) for text in texts}


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_seed_score_is_at_least_pinned(scorer, sample):
    _, _, f1 = scorer.f1(*score_against_gold(scorer, SEED_GOLD / f"{sample.stem}.json", sample).totals())
    assert f1 >= MINIMUM_SEED_F1[sample.stem]


def test_seed_micro_f1(scorer):
    total = scorer.Tally()
    for sample in SAMPLES:
        total.merge(score_against_gold(scorer, SEED_GOLD / f"{sample.stem}.json", sample))
    _, _, micro = scorer.f1(*total.totals())
    assert micro >= MINIMUM_SEED_MICRO_F1


def test_development_set_micro_and_exact_f1(scorer, development):
    total = scorer.Tally()
    for tally in development.values():
        total.merge(tally)
    gold, predicted, matched = total.totals()
    _, _, micro = scorer.f1(gold, predicted, matched)
    _, _, exact = scorer.f1(gold, predicted, total.exact)
    assert micro >= MINIMUM_DEV_MICRO_F1 and exact >= MINIMUM_DEV_EXACT_F1


def test_development_set_every_kind(scorer, development):
    total = scorer.Tally()
    for tally in development.values():
        total.merge(tally)
    low = {kind: round(scorer.f1(*row)[2], 3) for kind, row in total.rows.items()
           if scorer.f1(*row)[2] < MINIMUM_DEV_KIND_F1}
    assert low == {}


# What the development passages call for (dev/README.md: "a declared count that is wrong",
# "a list stated twice", "texts that only mention plans"); nothing else is reported.
EXPECTED_WARNINGS = {
    "d15_sports_plan_restated": ["DUPLICATE_LIST"],
    "d20_medical_excellence_summary_detail": ["DUPLICATE_LIST"],
    "d22_boraphet_count_mismatch_inline": ["COUNT_MISMATCH"],
    "d25_x_ban_song_visionary": ["NO_PLAN_FOUND"],
    "d26_x_5g_seminar_css": ["NO_PLAN_FOUND"],
    "d27_x_master_plan_revision": ["NO_PLAN_FOUND"],
    "d28_x_pattaya_mention": ["NO_PLAN_FOUND"],
}


@pytest.mark.parametrize("text", _development_texts(), ids=lambda path: path.stem)
def test_development_warnings(text):
    document = planparse.parse_file(text)
    assert [warning.code for warning in document.warnings] == EXPECTED_WARNINGS.get(text.stem, [])
    if text.stem in EXPECTED_WARNINGS and EXPECTED_WARNINGS[text.stem] == ["NO_PLAN_FOUND"]:
        assert (document.organization, document.period, document.vision) == (None, None, None)


def test_the_development_set_is_there():
    # The parametrised test above has no rows when the data is missing: fail here then.
    assert _development_texts(), f"the development set is missing: {DEVELOPMENT}"
