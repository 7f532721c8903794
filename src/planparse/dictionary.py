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
from typing import Callable, Iterable

from .errors import PlanParseError

_THAI_RUN_END = re.compile(r"[\u0e01-\u0e4e]+$")
_THAI_RUN_START = re.compile(r"[\u0e01-\u0e4e]+")
# Characters a Thai word cannot start with: vowels written after or above a consonant,
# tone marks and other marks. A fragment starting with one is always a broken word.
_NON_INITIAL = re.compile("^[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]")
# A dotted abbreviation at the start of a line: "ครม.", "สปสช.", "ศอ.บต.". It is a word
# of its own, set off by a space, even where the line above ran to the margin.
ABBREVIATION_START = re.compile(r"\s*[\u0e01-\u0e2e]{1,6}\.")
# Words are compared only a few syllables either side of the break.
_WINDOW = 16
# So ``is_broken_word`` reads no more of ``left`` than its last this many characters
# once trailing white space is gone.
LEFT_CONTEXT = _WINDOW
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
    return segment(text, _WORD_LENGTHS.lengths_of())


Lengths = Callable[[str, int], Iterable[int]]


def segment(text: str, lengths: Lengths) -> tuple[int, int]:
    """``unknown_chars`` of ``text``, trying at each position the word ``lengths`` give
    (in increasing order)."""
    vocabulary, size = words(), len(text)
    best: list[tuple[int, int]] = [(0, 0)] + [(size + 1, 0)] * size
    for start in range(size):
        unknown, count = best[start]
        stray, word = (unknown + 1, count + 1), (unknown, count + 1)
        if stray < best[start + 1]:
            best[start + 1] = stray
        for length in lengths(text, start):
            end = start + length
            if end > size:
                break
            if word < best[end] and text[start:end] in vocabulary:
                best[end] = word
    return best[size]


class _WordLengths:
    """Which word lengths to try at a position: every one up to ``_LONGEST_WORD`` at
    first; once a process has segmented ``_INDEX_AFTER`` texts, only the lengths of the
    words that start with the position's two letters (about 8 instead of 24).

    The index takes about 20 ms to build: a single small file never pays for it, a
    large file or a batch earns it back within a few hundred segmentations.
    """

    def __init__(self) -> None:
        self.unindexed = 0
        self.index: dict[str, tuple[int, ...]] | None = None

    def lengths_of(self) -> Lengths:
        if self.index is None:
            self.unindexed += 1
            if self.unindexed <= _INDEX_AFTER:
                return every_length
            self.index = index_word_lengths(words())
        return indexed_lengths(self.index)


def every_length(text: str, start: int) -> range:
    return _ALL_LENGTHS


def indexed_lengths(index: dict[str, tuple[int, ...]]) -> Lengths:
    return lambda text, start: index.get(text[start:start + 2], _ONE_LETTER)


def index_word_lengths(vocabulary: frozenset[str]) -> dict[str, tuple[int, ...]]:
    """Word lengths (up to ``_LONGEST_WORD``) by first two letters; each entry also holds
    1, for the one-letter words, which that key cannot tell apart."""
    by_start: dict[str, set[int]] = {}
    for word in vocabulary:
        if len(word) <= _LONGEST_WORD:
            by_start.setdefault(word[:2], {1}).add(len(word))
    return {start: tuple(sorted(lengths)) for start, lengths in by_start.items()}


_ALL_LENGTHS = range(1, _LONGEST_WORD + 1)
_ONE_LETTER = (1,)
_INDEX_AFTER = 1_000
_WORD_LENGTHS = _WordLengths()


def is_broken_word(left: str, right: str) -> bool:
    """Whether the Thai at the end of ``left`` and the start of ``right`` are one word.

    ``ทรัพยากรธรร`` + ``มชาติ`` is: joined, the dictionary finds fewer stray characters
    than in the two halves apart; so is ``ประสิทธิ`` + ``ภาพ``, where a word crosses the
    break. ``เศรษฐกิจ`` + ``ชุมชน`` is not: both are words already, and stay two.
    """
    if _NON_INITIAL.match(right):
        return True
    if ABBREVIATION_START.match(right):
        return False  # "ครม.", "ศอ.บต.": an abbreviation is a word of its own
    tail = _THAI_RUN_END.search(_end_of(left))
    head = _THAI_RUN_START.match(right, len(right) - len(right.lstrip()))
    if not tail or not head:
        return False
    tail_text, head_text = tail.group()[-_WINDOW:], head.group()[:_WINDOW]
    if not _word_crosses(tail_text, head_text):
        return False  # every reading of the two joined splits at the break: they stay two
    (left_stray, left_words), (right_stray, right_words) = unknown_chars(tail_text), unknown_chars(head_text)
    joined_stray, joined_words = unknown_chars(tail_text + head_text)
    apart_stray = left_stray + right_stray
    # Fewer stray letters joined; or as few, and a word that crosses the break
    # ("ประสิทธิ" + "ภาพ" is ประสิทธิภาพ, though each half reads as words).
    return joined_stray < apart_stray or (
        joined_stray == apart_stray and joined_words < left_words + right_words)


@lru_cache(maxsize=65_536)
def _word_crosses(tail: str, head: str) -> bool:
    """Whether a dictionary word (as ``segment`` reads them, up to ``_LONGEST_WORD``)
    starts in ``tail`` and ends in ``head``. Without one, the best reading of the two
    joined is the best of each apart, so there is nothing to compare: most line breaks
    fall between words, and this is a few set lookups instead of three segmentations."""
    vocabulary, lengths = words(), _WORD_LENGTHS.lengths_of()
    joined, cut = tail + head, len(tail)
    for start in range(cut - 1, max(cut - _LONGEST_WORD, 0) - 1, -1):
        for length in lengths(joined, start):
            end = start + length
            if end > len(joined):
                break
            if end > cut and joined[start:end] in vocabulary:
                return True
    return False


def _end_of(text: str) -> str:
    """``text.rstrip()[-_WINDOW:]`` without copying all of a long paragraph."""
    end = text[-4 * _WINDOW:].rstrip()
    if len(end) < _WINDOW and len(text) > 4 * _WINDOW:
        end = text.rstrip()
    return end[-_WINDOW:]
