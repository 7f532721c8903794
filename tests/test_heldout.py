"""Quality gates on the held-out texts of our own (tests/heldout/README.md says how they
were written): each set's micro-F1 may not fall below its pinned minimum.

They hold what texts the parser was not built on taught it, so that a rule fitted to the
development set cannot quietly lose it. Scored with the shared scorer, which must exist.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import score_against_gold

HELD_OUT = Path(__file__).parent / "heldout"

# Pinned a little under what each set gives at the time of pinning (cabinet 0.969, news
# 0.914, local 0.896, national 0.917, fresh_e 0.910, fresh_f 0.799, fresh_g 0.879): a
# lost unit or two passes, a lost pattern does not. Raise them as the parser improves.
MINIMUM_MICRO_F1 = {
    "cabinet": 0.95,
    "news": 0.89,
    "local": 0.88,
    "national": 0.90,
    "fresh_e": 0.89,
    "fresh_f": 0.78,
    "fresh_g": 0.86,
}


@pytest.mark.parametrize("name", sorted(MINIMUM_MICRO_F1))
def test_a_held_out_set_scores_at_least_pinned(scorer, name):
    texts = sorted((HELD_OUT / name / "texts").glob("*.txt"))
    assert texts, f"the held-out set {name} is missing"
    total = scorer.Tally()
    for text in texts:
        total.merge(score_against_gold(scorer, HELD_OUT / name / "gold" / f"{text.stem}.json", text))
    _, _, micro = scorer.f1(*total.totals())
    assert micro >= MINIMUM_MICRO_F1[name], f"{name}: micro-F1 {micro:.3f}"


def test_every_held_out_text_has_its_gold():
    for texts in HELD_OUT.glob("*/texts"):
        for text in texts.glob("*.txt"):
            assert (texts.parent / "gold" / f"{text.stem}.json").exists(), text
