"""Thai words for SQLite's full-text index, and a person's query as an FTS5 expression.

FTS5's ``unicode61`` tokenizer cuts text at spaces and punctuation, and Thai is written
without spaces between its words, so it would see ``การส่งเสริมการท่องเที่ยว`` as one
token. The index is therefore fed words: the text cut by pythainlp's ``newmm`` (maximal
matching over pythainlp's own word list, the one ``dictionary.py`` reads; no model, no
download), joined by spaces. The tokenizer is told to keep Thai vowel and tone marks
inside tokens (``TOKENIZER``): by default it splits words at them.

newmm runs as nlpO3, its port to Rust that pythainlp calls as the engine ``nlpo3``, where
that is installed (planparse depends on it where it has a wheel): the same word list and
the same matching, and four times faster, which is most of the cost of building the
index. Where it has no wheel (Linux on ARM), pythainlp's own newmm cuts the same words;
the two differ only in how they split punctuation (``(LPA.)``), which the index's
tokenizer drops either way.

A word is not always cut the same way in a text and on its own. ``การท่องเที่ยว`` is a
dictionary word, so a text that says ``การส่งเสริมการท่องเที่ยว`` is cut
``การ ส่งเสริม การท่องเที่ยว``, while a person looking for it types ``ท่องเที่ยว``. And the
other way round, a text can cut ``ผู้ สูงอายุ`` where a query has ``ผู้สูงอายุ`` whole, or
across it (``มีส่วน ร่วมใน`` for ``มีส่วนร่วม``). So a query word matches:

- itself, as a word of the index;
- any word of the index that holds it as a **part**: a dictionary word on some way of
  cutting that word wholly into dictionary words (``การท่องเที่ยว`` has the parts ``การ``,
  ``การท่อง``, ``ท่อง``, ``ท่องเที่ยว``, ``เที่ยว``). The database keeps each distinct word's
  parts once, in a table, rather than beside every occurrence in the index: a word is
  written thousands of times and its parts found once;
- a phrase of any cut of it into dictionary words, the last one a prefix
  (``"มีส่วน ร่วม"*``).

Then the letters the query wrote together must stand together in the text (spaces aside),
which FTS5 alone cannot tell: ``การจัดการ`` is cut ``การ`` + ``จัดการ``, both words of
``การบริหารจัดการ``, which does not say ``การจัดการ``.

A query is plain text: quotes, ``OR``, ``NEAR``, ``*`` or SQL in it are words to find
(or punctuation to skip), never syntax. Its words must all be in an item, in any order.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Callable, Iterable, Iterator, Optional

from .dictionary import words as dictionary_words

# unicode61 keeps letters and digits together in a token by default (L* N* Co), so Thai
# vowels above and below and tone marks (category Mn) cut a word in pieces; M* keeps them.
# remove_diacritics 0: leave every mark as written (it would only fold Latin accents).
TOKENIZER = "unicode61 remove_diacritics 0 categories 'L* N* M* Co'"

# A word that unicode61 would index: one with a letter, digit or mark in it.
_INDEXABLE = re.compile(r"\w")
# Parts are looked for up to this long: the dictionary's compounds of 30 to 80 letters are
# never inside another word, and a 10,000-letter token must not cost 10**8 look-ups.
_LONGEST_PART = 30
# Enough cuts of one query word to cover how a text may have cut it; a compound has a
# handful, and a pathological query must not make an expression of thousands.
_MOST_CUTS = 8


@lru_cache(maxsize=1)
def engine() -> str:
    """pythainlp's engine that cuts the words: ``nlpo3`` where it is installed, else ``newmm``."""
    return "nlpo3" if importlib.util.find_spec("nlpo3") is not None else "newmm"


def segmenter() -> str:
    """What cuts the words, with the versions whose word lists or matching it depends on.

    >>> segmenter().split()[::2][:2] == ["pythainlp", engine()]
    True
    """
    named = f"pythainlp {importlib.metadata.version('pythainlp')} {engine()}"
    return named + (f" {importlib.metadata.version('nlpo3')}" if engine() == "nlpo3" else "")


def load_segmenter() -> None:
    """Load the engine and its word list now, not at the first text it cuts (about 0.1 s
    of CPU: pythainlp's import and nlpO3's dictionary), so that a process the batch's
    workers are forked from does it once for all of them (batch/segmenter.py)."""
    from pythainlp.tokenize import word_tokenize

    word_tokenize("load", engine=engine())


def indexed_words(text: str) -> str:
    """The words of ``text`` that unicode61 would index, cut by ``engine()``, joined by spaces.

    White space always separates words, so each run between spaces is cut on its own,
    and remembered: plans repeat their phrases from page to page and from plan to plan.

    >>> indexed_words("ส่งเสริมการท่องเที่ยว COVID-19")
    'ส่งเสริม การท่องเที่ยว COVID- 19'
    """
    return " ".join(filter(None, map(_indexed_chunk, text.split())))


@lru_cache(maxsize=131_072)
def _indexed_chunk(chunk: str) -> str:
    return " ".join(_words(chunk))


def _words(chunk: str) -> list[str]:
    return [token for token in _tokens(chunk) if _INDEXABLE.search(token)]


@lru_cache(maxsize=131_072)
def _tokens(chunk: str) -> tuple[str, ...]:
    """The engine's tokens of a run without white space, punctuation included."""
    from pythainlp.tokenize import word_tokenize  # here: importing pythainlp costs 50 ms

    return tuple(word_tokenize(chunk, engine=engine(), keep_whitespace=False))


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
    return [(start, end) for start in range(size)
            for end in range(start + 1, min(size, start + _LONGEST_PART) + 1)
            if (start, end) != (0, size) and word[start:end] in vocabulary]


def _reaching_end(word: str, pieces: list[tuple[int, int]]) -> set[int]:
    """The positions from which dictionary ``pieces`` lead to the end of ``word``."""
    to_end = {len(word)}
    for start, end in sorted(pieces, key=lambda piece: -piece[1]):
        if end in to_end:
            to_end.add(start)
    return to_end


# The indexed words that hold a word as a part (the database's word_parts table).
Containing = Callable[[str], Iterable[str]]


@dataclass(frozen=True)
class Query:
    """A person's query as FTS5 understands it, and what a hit must show and shows."""

    expression: Optional[str]
    """The MATCH expression, or None when the query has no word to look for."""
    whole: Optional[str]
    """The MATCH expression of the query's words standing whole in the index: hits it
    matches come first."""
    runs: tuple[str, ...]
    """The letters of each run of words the query wrote together, without white space
    and in ASCII lower case: the text must hold each so."""
    marking: tuple[tuple[re.Pattern[str], ...], ...]
    """For each run of words, what to mark, best first: the run, white space allowed
    between its words; for a single word, then each cut of it, the same way."""


def parse_query(query: str, containing: Containing) -> Query:
    """Every word of ``query`` as a clause (the word, the indexed words that hold it as a
    part, or a phrase of its pieces), and the runs of words it wrote together:
    punctuation or white space ends a run.

    >>> print(parse_query("ผู้สูงอายุ OR", lambda word: ()).expression)
    ("ผู้สูงอายุ" OR "ผู้ สูงอายุ" * OR "ผู้ สูง อายุ" * OR "ผู้ สูง อา ยุ" *) AND ("OR")
    >>> parse_query('"การจัดการ"', lambda word: ()).runs
    ('การจัดการ',)
    """
    clauses, wholes, runs, marking = [], [], [], []
    for run in _runs(query):
        for word in run:
            word_cuts = cuts(word)
            alternatives = [word, *containing(word)]
            clauses.append("(" + " OR ".join([*map(_quoted, alternatives),
                                              *(f"{_quoted(' '.join(cut))} *" for cut in word_cuts)]) + ")")
            wholes.append(_quoted(word))
        runs.append("".join(run).translate(_ASCII_LOWER))
        marking.append((_pattern(run), *(map(_pattern, cuts(run[0])) if len(run) == 1 else ())))
    return Query(" AND ".join(clauses) or None, " AND ".join(wholes) or None,
                 tuple(runs), tuple(marking))


def _runs(query: str) -> Iterator[tuple[str, ...]]:
    """The query's words, in runs that neither white space nor punctuation breaks."""
    for chunk in query.split():
        run: list[str] = []
        for token in (*_tokens(chunk), ""):  # "" ends the last run
            if _INDEXABLE.search(token):
                run.append(token)
            elif run:
                yield tuple(run)
                run = []


def _quoted(text: str) -> str:
    """An FTS5 string: everything inside double quotes is text, a quote written twice."""
    return '"' + text.replace('"', '""') + '"'


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Words one after another, white space allowed between them (``ผู้ สูงอายุ``)."""
    return re.compile(r"\s*".join(map(re.escape, words)), re.IGNORECASE)


# SQLite's lower() folds ASCII letters only; the runs are folded the same way.
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def marks(text: str, query: Query) -> tuple[tuple[int, int], ...]:
    """Where ``text`` shows the query's words: (start, end) character offsets, sorted,
    overlaps merged; a word the text wrote in pieces is marked with the space between.

    >>> marks("ส่งเสริมการท่องเที่ยว", parse_query("ท่องเที่ยว", lambda word: ()))
    ((11, 21),)
    >>> marks("อาชีพของผู้ สูงอายุ", parse_query("ผู้สูงอายุ", lambda word: ()))
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
