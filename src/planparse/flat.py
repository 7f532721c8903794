"""The document as a flat list of items: the rows of the CSV export and the run report's counts.

Analysts want one row per thing the plan states, with the strategy it hangs under
repeated on every row, rather than a tree. The order is the document's: the vision, the
missions, the plan-level goals, then each strategy followed by its guidelines, goals,
indicators and tactics. Kinds are the document's field names in the singular; a goal
with a strategy is that strategy's goal, one without is a goal of the whole plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

from .model import STRATEGY_LISTS, PlanDocument, Span, Strategy

# (kind, Strategy field) for the lists under a strategy, in the model's order: the kind
# is the field's name in the singular.
_STRATEGY_KINDS = tuple((field.removesuffix("s"), field) for field in STRATEGY_LISTS)
KINDS = tuple(dict.fromkeys(("vision", "mission", "goal", "strategy",
                             *(kind for kind, _ in _STRATEGY_KINDS))))


@dataclass(frozen=True)
class FlatItem:
    """One extracted thing, with the strategy it belongs to (None at the plan level)."""

    kind: str
    number: Optional[str]
    text: str
    span: Span
    strategy: Optional[Strategy]


def flat_items(document: PlanDocument) -> Iterator[FlatItem]:
    """Every item of ``document`` in document order; a strategy is an item itself."""
    if document.vision is not None:
        yield FlatItem("vision", None, document.vision.text, document.vision.span, None)
    for kind, items in (("mission", document.missions), ("goal", document.goals)):
        for item in items:
            yield FlatItem(kind, item.number, item.text, item.span, None)
    for strategy in document.strategies:
        yield FlatItem("strategy", strategy.number, strategy.title, strategy.span, strategy)
        for kind, field in _STRATEGY_KINDS:
            for item in getattr(strategy, field):
                yield FlatItem(kind, item.number, item.text, item.span, strategy)


def span_label(span: Span) -> str:
    """A span as a person reads it: ``line 5`` or ``lines 5-7``, after its page for a
    PDF (``page 3, lines 5-7``; ``planparse text`` numbers the lines the same way)."""
    lines = (f"line {span.start_line}" if span.start_line == span.end_line
             else f"lines {span.start_line}-{span.end_line}")
    return lines if span.page is None else f"page {span.page}, {lines}"


def count_items(document: PlanDocument) -> dict[str, int]:
    """How many items of each kind ``document`` holds; every kind is present, maybe 0."""
    counts = dict.fromkeys(KINDS, 0)
    for item in flat_items(document):
        counts[item.kind] += 1
    return counts
