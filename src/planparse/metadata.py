"""Whose plan it is and which years it covers, read from the whole text.

Both are found by scoring every candidate rather than taking the first: a municipality's
plan names its province on every page (in addresses), and a province's plan names the
municipalities it funds. The plan's owner is named where plans are named ("แผนพัฒนา...",
"วิสัยทัศน์...", "...ของ<owner>"), so mentions there weigh more.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from functools import lru_cache
from typing import Optional

from .dictionary import pythainlp_corpus
from .model import Organization, Period
from .vocabulary import (
    NAME_ENDING_PATTERN,
    CITED_PLAN_PATTERN,
    NAME_IS_KIND,
    ORGANIZATION_KIND_OF,
    ORGANIZATION_PATTERN,
    OWNER_CONTEXT_PATTERN,
    PERIOD_PATTERN,
    PLAN_CONTEXT_PATTERN,
)

# How much more a mention in an owner's context counts than a passing one.
_OWNER_WEIGHT = 5
# Below this score (one passing mention) no organisation is reported.
_MIN_SCORE = 2
# A plan covers a few years: longer ranges are history, not a plan period.
_MAX_PLAN_YEARS = 20
_CE_TO_BE = 543
# A range of years is read with this many characters before it.
_CONTEXT_CHARS = 80


@lru_cache(maxsize=1)
def province_names() -> frozenset[str]:
    """Thai names of the provinces, from pythainlp's corpus (read without importing it)."""
    rows = list(csv.reader(pythainlp_corpus("thailand_provinces_th.csv").splitlines()))
    names = {row[0].strip() for row in rows[1:] if row}
    return frozenset(names | {"กรุงเทพมหานคร"})


def find_organization(text: str) -> Optional[Organization]:
    """The organisation the plan belongs to, or None when no known kind is named."""
    mentions = []
    for match in ORGANIZATION_PATTERN.finditer(text):
        context = text[max(0, match.start() - 40):match.start()]
        weight = _OWNER_WEIGHT if OWNER_CONTEXT_PATTERN.search(context) else 1
        mentions.append((match.group("kind"), match.group("name"), weight))
    clean_names = {name for _, name, _ in mentions if name and _name_end(name) == len(name)}
    scores: Counter[tuple[str, str]] = Counter()
    first_seen: dict[tuple[str, str], int] = {}
    for order, (written_kind, name, weight) in enumerate(mentions):
        candidate = _candidate(written_kind, name, clean_names)
        if candidate is not None:
            scores[candidate] += weight
            first_seen.setdefault(candidate, order)
    if not scores:
        return None
    (name, kind), score = max(scores.items(), key=lambda entry: (entry[1], -first_seen[entry[0]]))
    if score < _MIN_SCORE:
        return None  # named once in passing: not evidence of whose plan this is
    return Organization(name=name, kind=kind)


def _candidate(written_kind: str, name: str, clean_names: set[str]) -> Optional[tuple[str, str]]:
    """(name, kind) of one mention, its name cut where the words after it begin."""
    kind = next(kind for pattern, kind in ORGANIZATION_KIND_OF if pattern.fullmatch(written_kind))
    if kind in NAME_IS_KIND:
        return written_kind, kind
    if kind in ("จังหวัด", "องค์การบริหารส่วนจังหวัด"):
        province = _province_prefix(name)
        return (written_kind + province, kind) if province else None
    prefix = next((name[:end] for end in range(len(name), 0, -1) if name[:end] in clean_names), None)
    name = prefix if prefix is not None else name[:_name_end(name)]
    return (written_kind + name, kind) if len(name) >= 2 else None


def _province_prefix(name: str) -> Optional[str]:
    """The longest province name that ``name`` starts with (names run into the next word)."""
    provinces = province_names()
    for length in range(min(len(name), 24), 1, -1):
        if name[:length] in provinces:
            return name[:length]
    return None


def _name_end(name: str) -> int:
    """Where a local government's name ends: before the first word that cannot be in it."""
    match = NAME_ENDING_PATTERN.search(name, 2)
    return match.start() if match else len(name)


def find_period(text: str) -> Optional[Period]:
    """The plan's years in the Buddhist Era: the first range named with a plan, else the
    first range not named with another body's plan (ยุทธศาสตร์ชาติ 20 ปี (2561 - 2580))."""
    best: Optional[tuple[int, Period]] = None
    for match in PERIOD_PATTERN.finditer(text):
        period = _period(match)
        if period is None:
            continue
        context = text[max(0, match.start() - _CONTEXT_CHARS):match.start()]
        rank = 2 if CITED_PLAN_PATTERN.search(context) else 0 if PLAN_CONTEXT_PATTERN.search(context) else 1
        if best is None or rank < best[0]:
            best = (rank, period)
            if rank == 0:
                break
    return best[1] if best is not None and best[0] < 2 else None


def _period(match: re.Match[str]) -> Optional[Period]:
    start, end = int(match.group("start")), match.group("end")
    end_year = int(end) if len(end) == 4 else start // 100 * 100 + int(end)
    if start < 2400:  # a Common Era year
        start, end_year = start + _CE_TO_BE, end_year + _CE_TO_BE if end_year < 2400 else end_year
    if 0 < end_year - start <= _MAX_PLAN_YEARS:
        return Period(start_year=start, end_year=end_year)
    return None
