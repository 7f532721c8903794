"""Thai words for SQLite's full-text index, and a person's query as an FTS5 expression.

FTS5's ``unicode61`` tokenizer cuts text at spaces and punctuation, and Thai is written
without spaces between its words, so it would see ``การส่งเสริมการท่องเที่ยว`` as one
token. The index is therefore fed words: the text cut by pythainlp's ``newmm`` engine
(maximal matching over pythainlp's own word list, the one ``dictionary.py`` reads; no
model, no download), joined by spaces. The tokenizer is told to keep Thai vowel and tone
marks inside tokens (``TOKENIZER``): by default it splits words at them.

A word is not always cut the same way in a text and on its own. ``การท่องเที่ยว`` is a
dictionary word, so a text that says ``การส่งเสริมการท่องเที่ยว`` is cut
``การ ส่งเสริม การท่องเที่ยว``, while a person looking for it types ``ท่องเที่ยว``. And the
other way round, a text can cut ``ผู้ สูงอายุ`` where a query has ``ผู้สูงอายุ`` whole. So:

- every word is indexed with its **parts** (a second column): each dictionary word on
  some way of cutting it wholly into dictionary words, ``การท่องเที่ยว`` giving ``การ``,
  ``ท่องเที่ยว``, ``ท่อง`` and ``เที่ยว``;
- a query word matches itself in either column, or, as a phrase in the words column,
  any cut of it into two or more dictionary words.

A query is plain text: quotes, ``OR``, ``NEAR``, ``*`` or SQL in it are words to find
(or punctuation to skip), never syntax. Its words must all be in an item, in any order.
"""

from __future__ import annotations

import importlib.metadata
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Iterator, Optional

from .dictionary import words as dictionary_words

# unicode61 keeps letters and digits together in a token by default (L* N* Co), so Thai
# vowels above and below and tone marks (category Mn) cut a word in pieces; M* keeps them.
# remove_diacritics 0: leave every mark as written (it would only fold Latin accents).
TOKENIZER = "unicode61 remove_diacritics 0 categories 'L* N* M* Co'"

# A word that unicode61 would index: one with a letter, digit or mark in it.
_INDEXABLE = re.compile(r"\w")
# Enough cuts of one query word to cover how a text may have cut it; a compound has a
# handful, and a pathological query must not make an expression of thousands.
_MOST_CUTS = 8


def segmenter() -> str:
    """What cuts the words: pythainlp's version, since its word list changes with it."""
    return f"pythainlp {importlib.metadata.version('pythainlp')} newmm"


@dataclass(frozen=True)
class IndexedText:
    """What the index holds for one text: its words, and the parts of those words."""

    words: str
    parts: str


def indexed_text(text: str) -> IndexedText:
    """The words of ``text`` and their parts, each joined by spaces for unicode61.

    >>> indexed_text("ส่งเสริมการท่องเที่ยว").words
    'ส่งเสริม การท่องเที่ยว'
    >>> "ท่องเที่ยว" in indexed_text("ส่งเสริมการท่องเที่ยว").parts.split()
    True
    """
    text_words = segment(text)
    parts = [part for word in text_words for part in word_parts(word)]
    return IndexedText(" ".join(text_words), " ".join(parts))


def segment(text: str) -> list[str]:
    """The words of ``text`` that unicode61 would index, cut by newmm.

    White space always separates words, so each run between spaces is cut on its own,
    and remembered: plans repeat their phrases from page to page and from plan to plan.
    """
    return [token for chunk in text.split() for token in _tokens(chunk) if _indexable(token)]


@lru_cache(maxsize=131_072)
def _tokens(chunk: str) -> tuple[str, ...]:
    """newmm's tokens of a run without white space, punctuation included."""
    from pythainlp.tokenize import word_tokenize  # here: importing pythainlp costs 50 ms

    return tuple(word_tokenize(chunk, engine="newmm", keep_whitespace=False))


def _indexable(token: str) -> bool:
    return _INDEXABLE.search(token) is not None


@lru_cache(maxsize=131_072)
def word_parts(word: str) -> tuple[str, ...]:
    """The dictionary words inside ``word`` that some whole cut of it into dictionary
    words uses, in the order they start; not ``word`` itself. Empty when it has no cut.

    >>> word_parts("การท่องเที่ยว")
    ('การ', 'การท่อง', 'ท่อง', 'ท่องเที่ยว', 'เที่ยว')
    """
    pieces = _pieces(word)
    from_start = {0}
    for start, end in pieces:  # sorted by start, so every start reached is known in time
        if start in from_start:
            from_start.add(end)
    to_end = _reaching_end(word, pieces)
    return tuple(dict.fromkeys(word[start:end] for start, end in pieces
                               if start in from_start and end in to_end))


def cuts(word: str) -> list[tuple[str, ...]]:
    """The ways of cutting ``word`` wholly into two or more dictionary words, fewest
    pieces first; at most ``_MOST_CUTS`` of them.

    >>> cuts("ผู้สูงอายุ")
    [('ผู้', 'สูงอายุ'), ('ผู้', 'สูง', 'อายุ'), ('ผู้', 'สูง', 'อา', 'ยุ')]
    """
    pieces = _pieces(word)
    to_end = _reaching_end(word, pieces)
    ends_from: dict[int, list[int]] = {}
    for start, end in pieces:
        if end in to_end:
            ends_from.setdefault(start, []).append(end)

    def cut_from(start: int) -> Iterator[tuple[str, ...]]:
        if start == len(word):
            yield ()
        for end in reversed(ends_from.get(start, [])):  # only ends that lead on to the end
            for rest in cut_from(end):
                yield (word[start:end], *rest)

    return sorted(islice(cut_from(0), _MOST_CUTS), key=len)


def _pieces(word: str) -> list[tuple[int, int]]:
    """(start, end) of every dictionary word inside ``word`` but itself, sorted."""
    size, vocabulary = len(word), dictionary_words()
    return [(start, end) for start in range(size) for end in range(start + 1, size + 1)
            if (start, end) != (0, size) and word[start:end] in vocabulary]


def _reaching_end(word: str, pieces: list[tuple[int, int]]) -> set[int]:
    """The positions from which dictionary ``pieces`` lead to the end of ``word``."""
    to_end = {len(word)}
    for start, end in sorted(pieces, key=lambda piece: -piece[1]):
        if end in to_end:
            to_end.add(start)
    return to_end


@dataclass(frozen=True)
class Query:
    """A person's query as FTS5 understands it, and what a hit must show and shows."""

    expression: Optional[str]
    """The MATCH expression, or None when the query has no word to look for."""
    runs: tuple[str, ...]
    """Each run of two or more words the query wrote together (``การจัดการ`` is การ +
    จัดการ), without spaces and in ASCII lower case: the text must hold it so, not only
    its words apart, which is all that FTS5 can tell."""
    marking: tuple[tuple[re.Pattern[str], ...], ...]
    """For each run of words, what to mark, best first: the run, white space allowed
    between its words; for a single word, then each cut of it, the same way."""


def parse_query(query: str) -> Query:
    """Every word of ``query`` as a clause (the word itself, in the words or the parts,
    or a phrase of its pieces, the last one a prefix), and the runs of words it wrote
    together: punctuation or white space ends a run.

    >>> print(parse_query("ผู้สูงอายุ OR").expression)
    ("ผู้สูงอายุ" OR words : "ผู้ สูงอายุ" * OR words : "ผู้ สูง อายุ" * OR words : "ผู้ สูง อา ยุ" *) AND ("OR")
    >>> parse_query('"การจัดการ"').runs
    ('การจัดการ',)
    """
    clauses, runs, marking = [], [], []
    for run in _runs(query):
        clauses += [_clause(word) for word in run]
        if len(run) > 1:
            runs.append("".join(run).translate(_ASCII_LOWER))
            marking.append((_pattern(run),))
        else:
            marking.append((_pattern(run), *map(_pattern, cuts(run[0]))))
    return Query(" AND ".join(clauses) or None, tuple(runs), tuple(marking))


def _runs(query: str) -> Iterator[tuple[str, ...]]:
    """The query's words, in runs that neither white space nor punctuation breaks."""
    for chunk in query.split():
        run: list[str] = []
        for token in (*_tokens(chunk), ""):  # "" ends the last run
            if _indexable(token):
                run.append(token)
            elif run:
                yield tuple(run)
                run = []


def _clause(word: str) -> str:
    cut_phrases = [f"words : {_quoted(' '.join(cut))} *" for cut in cuts(word)]
    return "(" + " OR ".join([_quoted(word), *cut_phrases]) + ")"


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Words one after another, white space allowed between them (``ผู้ สูงอายุ``)."""
    return re.compile(r"\s*".join(map(re.escape, words)), re.IGNORECASE)


# SQLite's lower() folds ASCII letters only; the runs are folded the same way.
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _quoted(text: str) -> str:
    """An FTS5 string: everything inside double quotes is text, a quote written twice."""
    return '"' + text.replace('"', '""') + '"'


def marks(text: str, query: Query) -> tuple[tuple[int, int], ...]:
    """Where ``text`` shows the query's words: (start, end) character offsets, sorted,
    overlaps merged; a word the text wrote in pieces is marked with the space between.

    >>> marks("ส่งเสริมการท่องเที่ยว", parse_query("ท่องเที่ยว"))
    ((11, 21),)
    >>> marks("อาชีพของผู้ สูงอายุ", parse_query("ผู้สูงอายุ"))
    ((8, 19),)
    """
    found: list[tuple[int, int]] = []
    for candidates in query.marking:
        for pattern in candidates:
            spans = [match.span() for match in pattern.finditer(text)]
            if spans:
                found += spans
                break
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)
