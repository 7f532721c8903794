"""Lists written inside a sentence: ``ประกอบด้วย 1.… 2.… 3.…``, ``ได้แก่ ด้านA ด้านB และด้านC``.

Prose is full of numbers that start nothing (``ปีละ 1 ครั้ง``, ``ต.ค. 59``), so a numbered
list counts only when its labels run in sequence from 1. A list without numbers is split
only with evidence: a head word repeated at the start of every item, or a declared count
(``5 ด้าน``) that the chunks match. The last item ends where the prose resumes.

Functions here take and return plain offsets into a string; classify.py turns them into
lines with provenance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .vocabulary import (
    ENUMERATION_HEAD_WORDS,
    LEAD_IN_CLOSERS,
    LEAD_IN_UNITS,
    LEAD_IN_VERBS,
    PROSE_RESUMES,
)

# An inline label: 1. 1) (1), at the start or after white space, before the item's text.
_INLINE_LABEL = re.compile(
    r"(?:^|(?<=[\s:：]))(?:\((?P<paren>\d{1,2})\)|(?P<number>\d{1,2})(?P<mark>[.)])(?!\d))"
    r"\s*(?=[\u0e01-\u0e4e\"“(A-Za-z])"
)
_PROSE_RESUMES = re.compile(r"\s(?:" + "|".join(PROSE_RESUMES) + ")")
# "ได้แก่", "ประกอบด้วย 5 ด้าน ได้แก่", "มี 3 ประเด็น ดังนี้ :": a run of lead-in words.
_LIST_OPENER = re.compile(
    rf"(?:(?:{LEAD_IN_VERBS}|{LEAD_IN_CLOSERS})\s*(?:ทั้ง)?\s*(?:\d{{1,2}}\s*(?:{LEAD_IN_UNITS})?)?"
    rf"\s*[:：]?\s*)+"
)
_AND = re.compile(r"^(?:และ|หรือ|,)\s*")
# An opener of a list without numbers stands this close after the heading word.
_OPENER_WINDOW = 40
# The last numbered item is cut where prose resumes only when it is this much longer
# than the longest other item (or than this many characters, for lists of short items).
_LAST_ITEM_FACTOR = 1.5
_LAST_ITEM_MIN = 80


@dataclass(frozen=True, slots=True)
class InlineItem:
    """One item of an inline list: its text's offsets and its number (None unnumbered)."""

    start: int
    end: int
    number: Optional[str]


@dataclass(frozen=True, slots=True)
class Enumeration:
    """A list inside a text: where it starts (its first label) and its items."""

    start: int
    items: tuple[InlineItem, ...]

    @property
    def end(self) -> int:
        return self.items[-1].end


def find_numbered(text: str, start: int = 0) -> Optional[Enumeration]:
    """The first list of inline labels numbered 1, 2, 3 … in one style, if any.

    One pass over the labels: a chain waits for its next number, and a new 1 replaces a
    chain still waiting for its 2 (the list starts right after its lead-in), so even a
    line of a million "1." costs one step a label.
    """
    waiting: dict[tuple[str, int], list[re.Match[str]]] = {}
    chains: list[list[re.Match[str]]] = []
    for match in _INLINE_LABEL.finditer(text, start):
        style, number = _label_style(match), _label_number(match)
        chain = waiting.pop((style, number), None)
        if chain is not None:
            chain.append(match)
        elif number == 1:
            chain = [match]
            chains.append(chain)
        else:
            continue
        waiting[(style, number + 1)] = chain
    found = [chain for chain in chains if len(chain) >= 2]
    if not found:
        return None
    best = min(found, key=lambda chain: (chain[0].start(), -len(chain)))
    bounds = [match.end() for match in best]
    ends = [match.start() for match in best[1:]] + [len(text)]
    items = [InlineItem(begin, _trim(text, begin, end), str(_label_number(match)))
             for begin, end, match in zip(bounds, ends, best)]
    items[-1] = _cut_last(text, items)
    return Enumeration(best[0].start(), tuple(items))


def find_unnumbered(text: str, start: int = 0) -> Optional[Enumeration]:
    """A list without numbers right after an opener ("ได้แก่", "ประกอบด้วย 5 ด้าน ได้แก่"),
    if the evidence holds: a head word that starts every item (``ด้าน…``), or a count
    declared in the opener that the space-separated chunks match exactly."""
    opener = _LIST_OPENER.match(text, start) or _LIST_OPENER.search(text, start, start + _OPENER_WINDOW)
    if not opener or not opener.group().strip():
        return None
    count = re.search(r"\d{1,2}", opener.group())
    declared = int(count.group()) if count else None
    by_head = _split_by_head_word(text, opener.end(), declared)
    if by_head:
        return by_head
    if declared and declared >= 2:
        return _split_by_count(text, opener.end(), declared)
    return None


def _split_by_head_word(text: str, begin: int, declared: Optional[int]) -> Optional[Enumeration]:
    for head in ENUMERATION_HEAD_WORDS:
        if not text.startswith(head, begin):
            continue
        pattern = re.compile(rf"(?:^|\s)(?:และ|หรือ)?\s*(?={re.escape(head)})")
        starts = [begin] + [match.end() for match in pattern.finditer(text, begin + len(head))]
        if len(starts) < 2 or (declared is not None and len(starts) != declared):
            continue
        ends = starts[1:] + [len(text)]
        items = [InlineItem(a, _trim(text, a, b), None) for a, b in zip(starts, ends)]
        items[-1] = _cut_last(text, items, always=True)
        return Enumeration(begin, tuple(items))
    return None


def _split_by_count(text: str, begin: int, declared: int) -> Optional[Enumeration]:
    resumes = _PROSE_RESUMES.search(text, begin)
    end = resumes.start() if resumes else len(text)
    chunks = [match for match in re.finditer(r"\S+", text[:end]) if match.start() >= begin]
    if len(chunks) != declared:
        return None
    items = []
    for chunk in chunks:
        lead = _AND.match(chunk.group())
        items.append(InlineItem(chunk.start() + (lead.end() if lead else 0), chunk.end(), None))
    return Enumeration(begin, tuple(items))


def _label_number(match: re.Match[str]) -> int:
    return int(match.group("paren") or match.group("number"))


def _label_style(match: re.Match[str]) -> str:
    return "paren" if match.group("paren") else match.group("mark")


def _trim(text: str, start: int, end: int) -> int:
    """The end of an item without trailing spaces, commas and a closing "และ"."""
    piece = text[start:end].rstrip(" ,;")
    if piece.endswith(" และ") or piece.endswith(" หรือ"):
        piece = piece.rsplit(" ", 1)[0]
    return start + len(piece.rstrip())


def _cut_last(text: str, items: list[InlineItem], always: bool = False) -> InlineItem:
    """The last item, ending where the prose resumes.

    Items of numbered lists may hold "โดย…" themselves, so theirs is cut only when it runs
    far longer than the longest other item; items led by a head word are short phrases,
    so theirs is cut at the first word that resumes the prose (``always``).
    """
    last = items[-1]
    others = [item.end - item.start for item in items[:-1]]
    limit = max(_LAST_ITEM_FACTOR * max(others, default=0), _LAST_ITEM_MIN)
    if not always and last.end - last.start <= limit:
        return last
    resumes = _PROSE_RESUMES.search(text, last.start + 1, last.end)
    if not resumes:
        return last
    return InlineItem(last.start, _trim(text, last.start, resumes.start()), last.number)


def has_enumeration(text: str) -> bool:
    """Whether ``text`` holds a numbered list running from 1."""
    return find_numbered(text) is not None
