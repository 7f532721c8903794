"""The Thai dictionary, asked one question: was this word broken across two lines?

The word list is pythainlp's own ``words_th.txt``, read straight from the installed
package on first use: importing pythainlp itself costs a tenth of a second that most
runs never need. Segmentation is a small maximal-matching search (fewest characters
outside dictionary words, then fewest words), enough to compare two short strings.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

from .errors import PlanParseError

_THAI_RUN_END = re.compile(r"[\u0e01-\u0e4e]+$")
_THAI_RUN_START = re.compile(r"[\u0e01-\u0e4e]+")
# Characters a Thai word cannot start with: vowels written after or above a consonant,
# tone marks and other marks. A fragment starting with one is always a broken word.
_NON_INITIAL = re.compile("^[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]")
# Words are compared only a few syllables either side of the break.
_WINDOW = 16
# Segmentation looks for words up to this long: 99.6% of the word list (the longest are
# compounds of 30 to 80 letters that a line break or a repair never needs).
_LONGEST_WORD = 24


def pythainlp_corpus(name: str) -> str:
    """The text of a file of pythainlp's corpus, found without importing pythainlp.

    A missing file means a broken installation, which would silently degrade every
    result; it is an error instead.
    """
    spec = importlib.util.find_spec("pythainlp")
    folders = spec.submodule_search_locations if spec is not None else None
    try:
        if not folders:
            raise FileNotFoundError(name)
        return (Path(next(iter(folders))) / "corpus" / name).read_text(encoding="utf-8")
    except OSError:
        raise PlanParseError(f"pythainlp's corpus file {name} cannot be read: "
                             f"reinstall planparse with its dependencies") from None


@lru_cache(maxsize=1)
def words() -> frozenset[str]:
    """pythainlp's Thai word list (about 62,000 words), loaded once."""
    return frozenset(word.strip() for word in pythainlp_corpus("words_th.txt").split("\n")
                     if word.strip())


# Line breaks and repairs ask about the same few syllables again and again; 4,096 entries
# thrashed on a 1 MB text (more misses than hits). This many cost about 15 MB at most.
@lru_cache(maxsize=65_536)
def unknown_chars(text: str) -> tuple[int, int]:
    """(characters outside dictionary words, number of words) of the best segmentation."""
    vocabulary, longest = words(), _LONGEST_WORD
    best: list[tuple[int, int]] = [(0, 0)] + [(len(text) + 1, 0)] * len(text)
    for end in range(1, len(text) + 1):
        unknown, count = best[end - 1]
        candidate = (unknown + 1, count + 1)
        for start in range(max(0, end - longest), end):
            if text[start:end] in vocabulary:
                prior = best[start]
                candidate = min(candidate, (prior[0], prior[1] + 1))
        best[end] = min(best[end], candidate)
    return best[len(text)]


def is_broken_word(left: str, right: str) -> bool:
    """Whether the Thai at the end of ``left`` and the start of ``right`` are one word.

    ``ทรัพยากรธรร`` + ``มชาติ`` is: joined, the dictionary finds fewer stray characters
    than in the two halves apart. ``เศรษฐกิจ`` + ``ยั่งยืน`` is not: both are words already.
    """
    if _NON_INITIAL.match(right):
        return True
    tail = _THAI_RUN_END.search(_end_of(left))
    head = _THAI_RUN_START.match(right, len(right) - len(right.lstrip()))
    if not tail or not head:
        return False
    tail_text, head_text = tail.group()[-_WINDOW:], head.group()[:_WINDOW]
    apart = unknown_chars(tail_text)[0] + unknown_chars(head_text)[0]
    if apart == 0:
        return False
    return unknown_chars(tail_text + head_text)[0] < apart


def _end_of(text: str) -> str:
    """``text.rstrip()[-_WINDOW:]`` without copying all of a long paragraph."""
    end = text[-4 * _WINDOW:].rstrip()
    if len(end) < _WINDOW and len(text) > 4 * _WINDOW:
        end = text.rstrip()
    return end[-_WINDOW:]
