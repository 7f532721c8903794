"""Properties of the whole parser over any input."""

from __future__ import annotations

import json

from hypothesis import given, settings, strategies as st

import planparse
from planparse.model import PlanDocument
from conftest import parse_or_reject

# Lines built from the pieces plans are made of, so the parser's paths are exercised.
PIECES = ["วิสัยทัศน์", "พันธกิจ", "เป้าประสงค์", "ยุทธศาสตร์ที่ 1", "แนวทางการพัฒนา", "ตัวชี้วัด",
          "กลยุทธ์", "1.", "1.1", "(1)", "-", "๑.", "ประกอบด้วย 3 ด้าน ดังนี้", "“", "”", ":",
          "การพัฒนา", "ทรัพยากรธรร", "มชาติ", "ี้", "เทศบาลตำบลบ้านใหม่", "พ.ศ. 2561 - 2564", " ", "\t"]
plan_like = st.lists(st.lists(st.sampled_from(PIECES), max_size=6).map("".join), max_size=25).map("\n".join)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=300), plan_like))
def test_parse_never_raises_and_output_validates(text):
    document = parse_or_reject(planparse.parse, text)
    dumped = planparse.to_json(document)
    assert PlanDocument.model_validate_json(dumped) == document
    assert json.loads(dumped) == document.model_dump(mode="json")


@settings(max_examples=60, deadline=None)
@given(plan_like)
def test_spans_point_inside_the_input(text):
    line_count = len(text.split("\n"))
    document = parse_or_reject(planparse.parse, text)
    items = [*document.missions, *document.goals]
    for strategy in document.strategies:
        items += [strategy, *strategy.guidelines, *strategy.goals, *strategy.indicators, *strategy.tactics]
    for item in items:
        assert 1 <= item.span.start_line <= item.span.end_line <= line_count
