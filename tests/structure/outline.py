"""Factories for the structure tests: a document read as a plain outline, and the
expected outline built with the same few words.

The tests of tests/test_structure_*.py go through the public API only
(``planparse.parse`` → PlanDocument), so they hold across refactors of the stages; an
outline keeps what the contract settles (numbers, texts, where each item went) and
leaves spans to the tests that are about them.

    expected = plan(vision="…", strategies=[
        strategy("1", "การพัฒนาด้านโครงสร้างพื้นฐาน", guidelines=[("1.1", "ก่อสร้างถนน")]),
    ])
    assert outline(planparse.parse(text)) == expected

An item is written as its text (a bullet or an unnumbered line: number null) or as a
``(number, text)`` pair.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional, Union

ItemSpec = Union[str, tuple[Optional[str], str]]
CHILD_FIELDS = ("guidelines", "goals", "indicators", "tactics")


def _item(spec: ItemSpec) -> tuple[Optional[str], str]:
    return (None, spec) if isinstance(spec, str) else (spec[0], spec[1])


def strategy(number: Optional[str], title: str, *, guidelines: Iterable[ItemSpec] = (),
             goals: Iterable[ItemSpec] = (), indicators: Iterable[ItemSpec] = (),
             tactics: Iterable[ItemSpec] = ()) -> tuple:
    """One expected strategy: its number, its title and its non-empty child lists."""
    children = {"guidelines": guidelines, "goals": goals, "indicators": indicators,
                "tactics": tactics}
    return (number, title, {field: [_item(spec) for spec in specs]
                            for field, specs in children.items() if specs})


def plan(*, vision: Optional[str] = None, missions: Iterable[ItemSpec] = (),
         goals: Iterable[ItemSpec] = (), strategies: Iterable[tuple] = ()) -> dict:
    """The expected outline of a document."""
    return {
        "vision": vision,
        "missions": [_item(spec) for spec in missions],
        "goals": [_item(spec) for spec in goals],
        "strategies": list(strategies),
    }


def outline(document) -> dict:
    """A parsed document in the shape ``plan`` builds."""
    def items(entries):
        return [(entry.number, entry.text) for entry in entries]

    return {
        "vision": document.vision.text if document.vision else None,
        "missions": items(document.missions),
        "goals": items(document.goals),
        "strategies": [
            (s.number, s.title, {field: items(getattr(s, field))
                                 for field in CHILD_FIELDS if getattr(s, field)})
            for s in document.strategies
        ],
    }


def titles(document) -> list[tuple[Optional[str], str]]:
    """The strategies as (number, title) pairs."""
    return [(s.number, s.title) for s in document.strategies]


def codes(document) -> list[str]:
    """The warning codes, in the order they were given."""
    return [w.code for w in document.warnings]


def squeezed(value):
    """``value`` with the white space taken out of every text in it, as the scorer
    compares texts. For items wrapped over lines at a word boundary: the contract joins a
    broken word without a space but leaves a wrap between two Thai words open."""
    if isinstance(value, str):
        return re.sub(r"\s+", "", value)
    if isinstance(value, dict):
        return {key: squeezed(entry) for key, entry in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(squeezed(entry) for entry in value)
    return value
