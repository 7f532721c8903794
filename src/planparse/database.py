"""Plans in a SQLite database: one row a document, an item, a warning; a Thai full-text index.

The input is a document (the model's ``PlanDocument``), as a batch worker parses it or as
it is read back from an output written before (JSON, JSONL or YAML). The rows of a
document are a plain value (``document_rows``), made where the document is, words cut,
so that a batch's workers make them and its own process only writes them. SQLite is the
file every analyst's tool opens.

The decisions a user relies on:

- **Normalised.** ``documents`` holds a plan's details, ``items`` every vision, mission,
  goal, strategy, guideline, indicator and tactic (an item under a strategy points at the
  strategy's row), ``warnings`` what the parser could not settle. What each column means
  is in the ``schema`` table of the database itself (``SELECT * FROM schema``), from
  ``TABLES`` below.
- **A document is a path.** It is stored under its ``source.path``; storing another
  document under the same path replaces it, and storing the same document again (the
  same document, whatever format or key order it was read from) changes nothing, so a
  re-run rewrites only the documents that changed.
- **Whole documents or none.** Each document is written in one transaction, so a run that
  is interrupted, or killed, leaves the database as it was before the document it was
  writing. The journal is a write-ahead log (WAL): readers never block the writer.
- **Full-text search** over every item's text, in Thai words: ``item_search`` holds the
  words that ``fulltext`` cut, under the item's id, and ``word_parts`` the dictionary words
  inside each distinct word, so that a word is found inside a compound (see ``fulltext``).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, NamedTuple, Optional

from pydantic import ValidationError

from .errors import PlanParseError
from .flat import KINDS, flat_items
from .fulltext import TOKENIZER, indexed_words, segmenter, word_parts
from .model import KINDS_OF_ORGANIZATION, SCHEMA_VERSION, PlanDocument, Span

# Bumped when a table changes shape; a database of another version is refused, not mended.
DATABASE_VERSION = "1"


@dataclass(frozen=True)
class Column:
    """A column: its SQL declaration and what it means (the ``schema`` table's text)."""

    name: str
    declaration: str
    meaning: str


@dataclass(frozen=True)
class Table:
    """A table's columns, and the constraints on more than one of them."""

    columns: tuple[Column, ...]
    constraint: str = ""
    without_rowid: bool = False

    def create(self, name: str) -> str:
        parts = [f"{column.name} {column.declaration}" for column in self.columns]
        return (f"CREATE TABLE {name} ({', '.join(parts + [self.constraint] * bool(self.constraint))})"
                + " WITHOUT ROWID" * self.without_rowid)


_KIND_CHECK = "CHECK (kind IN (" + ", ".join(f"'{kind}'" for kind in KINDS) + "))"

TABLES: dict[str, Table] = {
    "documents": Table((
        Column("id", "INTEGER PRIMARY KEY", "The document's row; items and warnings refer to it."),
        Column("path", "TEXT NOT NULL UNIQUE",
               "The input the plan was read from (source.path: for a batch, relative to its "
               "input folder); a document is stored once under its path."),
        Column("source_sha256", "TEXT", "SHA-256 of the input's bytes (source.sha256)."),
        Column("document_sha256", "TEXT NOT NULL",
               "SHA-256 of the document's JSON, keys sorted: a re-build rewrites the "
               "document only when this changes."),
        Column("encoding", "TEXT", "The encoding the input was read in (source.encoding)."),
        Column("line_count", "INTEGER", "Lines in the decoded input (source.line_count)."),
        Column("page_count", "INTEGER",
               "For a PDF input, the last page its document reaches: the highest page a "
               "span of its items or warnings names; null for a text input."),
        Column("organization", "TEXT", "The body whose plan this is, as written; null when not found."),
        Column("organization_kind", "TEXT",
               f"Its kind: {', '.join(KINDS_OF_ORGANIZATION)}; null for others."),
        Column("start_year", "INTEGER", "First year of the plan (Buddhist Era); null when not found."),
        Column("end_year", "INTEGER", "Last year of the plan (Buddhist Era); null when not found."),
        Column("warning_count", "INTEGER NOT NULL", "How many warnings the document has."),
    )),
    "items": Table((
        Column("id", "INTEGER PRIMARY KEY", "The item's row, also its rowid in item_search."),
        Column("document_id", "INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE",
               "The document it belongs to."),
        Column("position", "INTEGER NOT NULL",
               "1-based order in the document: the vision, the missions, the plan's goals, "
               "then each strategy followed by its guidelines, goals, indicators and tactics."),
        Column("kind", f"TEXT NOT NULL {_KIND_CHECK}",
               "vision, mission, goal, strategy, guideline, indicator or tactic."),
        Column("strategy_id", "INTEGER REFERENCES items(id) ON DELETE CASCADE",
               "The strategy the item belongs to; null for a strategy and for the plan's "
               "vision, missions and goals."),
        Column("number", "TEXT", "Its number as written (1, 1.1), or null."),
        Column("text", "TEXT NOT NULL", "Its text; for a strategy, its title."),
        Column("start_line", "INTEGER NOT NULL", "First input line it was written on (1-based)."),
        Column("end_line", "INTEGER NOT NULL", "Last input line it was written on."),
        Column("page", "INTEGER", "The PDF page where it starts; null for a text input."),
    ), "UNIQUE (document_id, position)"),
    "warnings": Table((
        Column("id", "INTEGER PRIMARY KEY", "The warning's row."),
        Column("document_id", "INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE",
               "The document it is about."),
        Column("position", "INTEGER NOT NULL", "1-based order among the document's warnings."),
        Column("code", "TEXT NOT NULL", "A stable UPPER_SNAKE word, e.g. COUNT_MISMATCH."),
        Column("message", "TEXT NOT NULL", "One sentence a person can act on."),
        Column("start_line", "INTEGER", "First line it is about; null when about the whole text."),
        Column("end_line", "INTEGER", "Last line it is about; null when about the whole text."),
        Column("page", "INTEGER", "The PDF page where its lines start; null otherwise."),
    ), "UNIQUE (document_id, position)"),
    "word_parts": Table((
        Column("part", "TEXT NOT NULL",
               "A dictionary word inside the word: one of the pieces of some way of "
               "cutting the word wholly into dictionary words (a search for it finds the word)."),
        Column("word", "TEXT NOT NULL", "A word of item_search."),
    ), "PRIMARY KEY (part, word)", without_rowid=True),
}

# The full-text index: not a plain table, so its columns are described apart.
SEARCH_COLUMNS = (
    Column("rowid", "", "The id of the item (items.id)."),
    Column("words", "", "The item's text cut into Thai words, joined by spaces."),
)

# Every constraint a unique row needs, and an index on each column that queries join on
# (items.document_id and warnings.document_id lead their UNIQUE indexes) and on the
# organisation kind that search filters on. No more: each index is one more page to write
# for each document (an index on items.kind cost 5 % of the build and saved a query over
# 2,000 plans a few milliseconds).
# item_search rows follow their items by trigger, however an item is deleted.
_STATEMENTS = (
    *(table.create(name) for name, table in TABLES.items()),
    "CREATE INDEX documents_organization_kind ON documents(organization_kind)",
    "CREATE INDEX items_strategy ON items(strategy_id)",
    f"CREATE VIRTUAL TABLE item_search USING fts5(words, tokenize=\"{TOKENIZER}\")",
    "CREATE TRIGGER items_unindexed AFTER DELETE ON items "
    "BEGIN DELETE FROM item_search WHERE rowid = old.id; END",
    "CREATE TABLE schema (table_name TEXT, column_name TEXT, declaration TEXT, meaning TEXT, "
    "PRIMARY KEY (table_name, column_name))",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)


def open_database(path: Path, write: bool = True) -> PlanDatabase:
    """The planparse database at ``path``, open.

    To ``write``, the database is made when missing, and its search index is cut again
    when the segmenter has changed since it was (pythainlp's word list changes between
    versions, and a query must be cut as the texts were). To read, the file must exist
    (it is never made), and nothing is written to it; it is not opened read-only, which
    would leave SQLite's -wal and -shm files beside it, but read-only where the file is
    write-protected. A file that is not SQLite, or a SQLite database planparse did not
    write, is refused untouched.
    """
    if path.is_dir():
        raise PlanParseError(f"{path}: is a folder, not a database")
    if not write and not path.is_file():
        raise PlanParseError(f"{path}: no such database")
    connection = None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode={'rwc' if write else 'rw'}",
                                     uri=True, isolation_level=None)
        connection.execute("PRAGMA foreign_keys = ON")
        tables = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables and write:
            _create(connection)
        else:
            _check_version(path, connection, tables)
        if write:
            _set_up_writing(connection)
    except (sqlite3.DatabaseError, PlanParseError) as error:
        if connection is not None:
            connection.close()
        if isinstance(error, PlanParseError):
            raise
        raise PlanParseError(f"{path}: not a database planparse can use ({error})") from None
    return PlanDatabase(connection)


def _set_up_writing(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA journal_mode = WAL")
    # Under WAL, NORMAL keeps every transaction atomic; it only lets the last ones be
    # lost on a power cut, for far fewer waits on the disk.
    connection.execute("PRAGMA synchronous = NORMAL")
    # A checkpoint copies the log into the database and waits for the disk; every
    # 10,000 pages (40 MB of log) rather than SQLite's 1,000 took a build of 2,000
    # plans here from 2.8 s to 1.6-2.0 s. The log is emptied when the file is closed.
    connection.execute("PRAGMA wal_autocheckpoint = 10000")
    if _meta(connection, "segmenter") != segmenter():
        _index_again(connection)


def _create(connection: sqlite3.Connection) -> None:
    with _transaction(connection):
        for statement in _STATEMENTS:
            connection.execute(statement)
        described = [(table, column.name, column.declaration, column.meaning)
                     for table, columns in (*((name, table.columns) for name, table in TABLES.items()),
                                            ("item_search", SEARCH_COLUMNS))
                     for column in columns]
        connection.executemany("INSERT INTO schema VALUES (?, ?, ?, ?)", described)
        connection.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("database_version", DATABASE_VERSION), ("segmenter", segmenter())])


def _meta(connection: sqlite3.Connection, key: str) -> Optional[str]:
    row = connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _index_again(connection: sqlite3.Connection) -> None:
    """Cut every item's text again, and replace the search index and the words' parts."""
    with _transaction(connection):
        connection.execute("DELETE FROM item_search")
        connection.execute("DELETE FROM word_parts")
        indexed = [(item, indexed_words(text))
                   for item, text in connection.execute("SELECT id, text FROM items").fetchall()]
        connection.executemany("INSERT INTO item_search (rowid, words) VALUES (?, ?)", indexed)
        connection.executemany("INSERT INTO word_parts VALUES (?, ?)",
                               _parts_of({word for _, words in indexed for word in words.split()}))
        connection.execute("UPDATE meta SET value = ? WHERE key = 'segmenter'", (segmenter(),))


def _parts_of(words: set[str]) -> list[tuple[str, str]]:
    return [(part, word) for word in sorted(words) for part in word_parts(word)]


def _check_version(path: Path, connection: sqlite3.Connection, tables: set[str]) -> None:
    if "meta" not in tables or "documents" not in tables:
        raise PlanParseError(f"{path}: a database planparse did not write; choose another file")
    version = _meta(connection, "database_version")
    if version != DATABASE_VERSION:
        found = version or "unknown"
        raise PlanParseError(f"{path}: a database of another planparse (version {found}, "
                             f"this one writes {DATABASE_VERSION}); build it again in a new file")


@contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception (Ctrl-C included).

    IMMEDIATE takes the write lock at once, so two writers wait for each other instead
    of one failing half-way.
    """
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


class Change(str, Enum):
    """What storing a document did."""

    added = "added"
    replaced = "replaced"
    unchanged = "unchanged"


class PlanDatabase:
    """An open plans database: its SQLite ``connection`` (foreign keys on, statements run
    as written: ``store`` opens and closes its own transactions), and what ``store``
    remembers between documents."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self._words_seen: Optional[set[str]] = None

    def __enter__(self) -> PlanDatabase:
        return self

    def __exit__(self, *exception: object) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    def store(self, document: PlanDocument, path: Optional[str] = None) -> Change:
        """Store ``document`` under ``path``, its source path by default: added, replaced
        when the path held another document, or left unchanged (known by its sha256
        before its words are cut)."""
        key = path if path is not None else document_path(document)
        sha256 = document_sha256(document)
        if self._stored_sha256(key) == sha256:
            return Change.unchanged
        return self.write(document_rows(document, key, sha256))

    def write(self, rows: DocumentRows) -> Change:
        """Write a document's ``rows`` (``document_rows``, which a batch worker makes) in
        one transaction: added, replaced, or unchanged when the same document is there.

        The words are cut in the rows already; the parts of the words this database has
        not seen are found here, where it is known which those are (once a word, and
        few words a plan after the first plans).
        """
        if self._stored_sha256(rows.path) == rows.sha256:
            return Change.unchanged
        seen = self._seen_words()
        new_words = {word for item in rows.items for word in item.words.split()} - seen
        parts = _parts_of(new_words)  # before the transaction: other workers wait on its lock
        try:
            with _transaction(self.connection):
                replaced = self.connection.execute(
                    "DELETE FROM documents WHERE path = ?", (rows.path,)).rowcount
                _insert(self.connection, rows)
                self.connection.executemany("INSERT OR IGNORE INTO word_parts VALUES (?, ?)", parts)
        except sqlite3.IntegrityError as error:  # a value of the wrong kind: no line, no text
            raise PlanParseError(f"not a planparse document: {error}") from None
        except sqlite3.Error as error:  # a full disk, a lock another writer kept too long
            raise PlanParseError(f"the database cannot be written ({error})") from None
        seen.update(new_words)
        return Change.replaced if replaced else Change.added

    def _stored_sha256(self, path: str) -> Optional[str]:
        row = self.connection.execute(
            "SELECT document_sha256 FROM documents WHERE path = ?", (path,)).fetchone()
        return None if row is None else str(row[0])

    def _seen_words(self) -> set[str]:
        """The words whose parts are stored, and those found to have none: asking SQLite
        word by word costs more than the rest of storing a document."""
        if self._words_seen is None:
            self._words_seen = {row[0] for row in self.connection.execute(
                "SELECT DISTINCT word FROM word_parts")}
        return self._words_seen


def document_of(data: object) -> PlanDocument:
    """A JSON value (or YAML's) as a document, or a PlanParseError that says why it is not one."""
    if not isinstance(data, Mapping) or data.get("schema_version") != SCHEMA_VERSION:
        raise PlanParseError(f"not a planparse document of schema version {SCHEMA_VERSION}")
    try:
        return PlanDocument.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(map(str, first["loc"]))
        raise PlanParseError(f"not a planparse document: {where}: {first['msg']}") from None


def document_path(document: PlanDocument) -> str:
    """The path a document is stored under: its ``source.path``, which it must have."""
    if document.source is None or document.source.path in ("", "-"):
        raise PlanParseError("the document has no source path to be stored under")
    return document.source.path


def document_sha256(document: PlanDocument) -> str:
    """What tells one document from another: the SHA-256 of its JSON (the model's own,
    whatever format or key order it was read from)."""
    return hashlib.sha256(document.model_dump_json().encode("utf-8")).hexdigest()


class ItemRow(NamedTuple):
    """An item as the rows it becomes (a tuple: a batch worker sends thousands of them)."""

    position: int
    kind: str
    strategy_position: Optional[int]
    number: Optional[str]
    text: str
    start_line: int
    end_line: int
    page: Optional[int]
    words: str
    """The text cut into words, as item_search holds it."""


@dataclass(frozen=True)
class DocumentRows:
    """One document as the rows it becomes, its words cut: a plain value that a batch
    worker makes and hands to the process that writes."""

    details: tuple[Any, ...]
    """The documents row from ``path`` on (``id`` is SQLite's to give)."""
    items: tuple[ItemRow, ...]
    warnings: tuple[tuple[Any, ...], ...]
    """(position, code, message, start_line, end_line, page) of each warning."""

    @property
    def path(self) -> str:
        return str(self.details[0])

    @property
    def sha256(self) -> str:
        return str(self.details[2])


def document_rows(document: PlanDocument, path: Optional[str] = None,
                  sha256: Optional[str] = None) -> DocumentRows:
    """The rows of ``document`` under ``path`` (its source path by default), in the order
    of ``flat.flat_items``: the plan's own items first, then each strategy and its own."""
    key = path if path is not None else document_path(document)
    items: list[ItemRow] = []
    strategy: Optional[int] = None
    for position, item in enumerate(flat_items(document), start=1):
        under: Optional[int] = None  # a strategy and the plan's own items are under none
        if item.kind == "strategy":
            strategy = position
        elif item.strategy is not None:
            under = strategy
        items.append(ItemRow(position, item.kind, under,
                             item.number, item.text, item.span.start_line, item.span.end_line,
                             item.span.page, indexed_words(item.text)))
    warnings = tuple((position, warning.code, warning.message, *_span(warning.span))
                     for position, warning in enumerate(document.warnings, start=1))
    pages = [row[5] for row in warnings if row[5] is not None] + \
            [item.page for item in items if item.page is not None]
    source, organization, period = document.source, document.organization, document.period
    details = (key, source.sha256 if source else None,
               sha256 if sha256 is not None else document_sha256(document),
               source.encoding if source else None, source.line_count if source else None,
               max(pages, default=None), organization.name if organization else None,
               organization.kind if organization else None,
               period.start_year if period else None, period.end_year if period else None,
               len(warnings))
    return DocumentRows(details, tuple(items), warnings)


def _span(span: Optional[Span]) -> tuple[Optional[int], Optional[int], Optional[int]]:
    if span is None:
        return (None, None, None)
    return (span.start_line, span.end_line, span.page)


def _insert(connection: sqlite3.Connection, rows: DocumentRows) -> None:
    """Insert one document's rows; items get ids in document order from the next free id,
    so that an item can name its strategy's id before the strategy is read back."""
    document_id = connection.execute(
        f"INSERT INTO documents VALUES (NULL{', ?' * len(rows.details)})", rows.details).lastrowid
    first_id = int(connection.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM items").fetchone()[0])

    def item_id(position: int) -> int:
        return first_id + position - 1

    connection.executemany(
        "INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(item_id(item.position), document_id, item.position, item.kind,
          None if item.strategy_position is None else item_id(item.strategy_position),
          item.number, item.text, item.start_line, item.end_line, item.page)
         for item in rows.items])
    connection.executemany("INSERT INTO item_search (rowid, words) VALUES (?, ?)",
                           [(item_id(item.position), item.words) for item in rows.items])
    connection.executemany("INSERT INTO warnings VALUES (NULL, ?, ?, ?, ?, ?, ?, ?)",
                           [(document_id, *warning) for warning in rows.warnings])


# ------------------------------------------------------------------ a folder of outputs

@dataclass
class BuildSummary:
    """What building from a folder did, file by file (paths relative to the folder)."""

    changes: dict[str, Change] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    """Each file that could not be stored, with the reason, one line."""

    def count(self, change: Change) -> int:
        return sum(1 for done in self.changes.values() if done is change)


def build_from_folder(database: PlanDatabase, folder: Path,
                      on_file: Optional[Callable[[str], None]] = None) -> BuildSummary:
    """Store every output under ``folder`` that holds a document (JSON, JSONL, YAML; not
    the batch's own files), in path order, calling ``on_file`` with each file's relative
    path as it is done.

    A file that cannot be read or is not a document fails on its own; so does a second
    document naming a source path that one before it in this build already stored.
    """
    summary, sources = BuildSummary(), dict[str, str]()
    for output in output_files(folder):
        name = output.relative_to(folder).as_posix()
        try:
            document = read_output(output)
            key = document_path(document)
            if key in sources:
                raise PlanParseError(f"its source {key} was stored from {sources[key]} already")
            summary.changes[name] = database.store(document, key)
            sources[key] = name
        except PlanParseError as error:
            summary.failed[name] = f"{name}: {error}"
        if on_file is not None:
            on_file(name)
    return summary


def _yaml(data: bytes) -> object:
    import yaml  # here: only YAML outputs need it

    try:
        return yaml.safe_load(data)
    except yaml.YAMLError:
        raise ValueError("not YAML") from None


# How a document is read back from each output that holds one: a CSV output does not.
_READERS: dict[str, tuple[str, Callable[[bytes], object]]] = {
    ".json": ("JSON", json.loads),
    ".jsonl": ("JSON", json.loads),  # one document, on one line
    ".yaml": ("YAML", _yaml),
}
# What planparse batch keeps at the top of its output folder besides the outputs
# (batch.REPORT_NAME, batch.planning.DOCUMENTS_NAME): JSON, but not a document.
_BATCH_FILES = ("planparse-report.json", "planparse-documents.jsonl")


def output_files(folder: Path) -> list[Path]:
    """The outputs under ``folder`` that hold a document, sorted, without the batch's files."""
    if not folder.is_dir():
        raise PlanParseError(f"{folder}: not a folder")
    return sorted(path for path in folder.rglob("*")
                  if path.suffix in _READERS and path.is_file()
                  and path not in {folder / name for name in _BATCH_FILES})


def read_output(path: Path) -> PlanDocument:
    """A document read back from its output (by its suffix), or a PlanParseError that
    says why it cannot be."""
    what, read = _READERS[path.suffix]
    try:
        data = read(path.read_bytes())
    except OSError as error:
        raise PlanParseError(f"cannot be read ({error.strerror})") from None
    except ValueError:  # JSON's and YAML's errors, and bytes that are not UTF-8
        raise PlanParseError(f"not a {what} file") from None
    return document_of(data)
