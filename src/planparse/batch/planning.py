"""Planning a batch: checking the request, finding the inputs, giving each its output.

Nothing here prints, exits or converts. ``prepare`` checks a request and finds the
inputs; its PlanParseError is a usage error. The decisions a user relies on (the README
states them too):

- One output per input, at the input's path relative to the input folder with the
  format's suffix. The output folder may not overlap the input folder, so outputs are
  never read back as inputs and inputs are never touched.
- One batch at a time into an output folder: a second one refuses while the first runs.
- An existing output is replaced only when the report says this batch (from this input
  folder) wrote it, when the new output is the same bytes, or with ``force``.
- A plans database (``database``) is opened, or made, before anything is converted: a
  file there that is not one is refused untouched.
"""

from __future__ import annotations

import fcntl
import fnmatch
import hashlib
import importlib.metadata
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable, Optional

from .. import __version__
from .. import ocr as ocr_engine
from ..database import PlanDatabase, open_database
from ..errors import PlanParseError
from ..outputs import file_sha256, printable
from ..pdf import OcrMode, PdfOptions
from ..review import INDEX_NAME
from ..writers import WRITERS
from .pages import PageJob, page_job
from .report import REPORT_NAME, FileRecord, OutputRecord, Status, TableRecord, read_report

# All the documents of a --format jsonl batch, one a line, in input order.
DOCUMENTS_NAME = "planparse-documents.jsonl"


def default_workers() -> int:
    """The CPUs this process may run on (a container or taskset can allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@dataclass(frozen=True)
class BatchOptions:
    """The options of ``planparse batch``, with its defaults."""

    format: str = "json"
    patterns: tuple[str, ...] = ("*.txt", "*.pdf")
    """A file whose name matches any of these globs is an input."""
    recursive: bool = True
    workers: int = field(default_factory=default_workers)
    force: bool = False
    table: Optional[Path] = None
    review: bool = False
    """Also a review page per input and OUTPUT/index.html (pages.py)."""
    pdf: PdfOptions = PdfOptions()
    """How PDFs are read (not ``pages``); each worker reads its OCR pages in one process
    of its own, whatever ``pdf.ocr_workers`` says: the workers are the parallelism."""
    database: Optional[Path] = None
    """A plans database to store every document in (see storing.py)."""


@dataclass(frozen=True)
class Candidate:
    """An input found in the folder and where its output goes."""

    name: str
    source: Path
    output_name: str
    target: Path
    page: Optional[PageJob] = None
    """Its review page, with --review."""


@dataclass(frozen=True)
class Batch:
    """A checked request: the folders, the options and what was found."""

    input_dir: Path
    output_dir: Path
    options: BatchOptions
    fingerprint: str
    candidates: list[Candidate]
    problems: list[FileRecord]
    """Inputs that failed before any conversion: link loops, name collisions."""
    previous: dict[str, FileRecord]
    previous_fingerprint: Optional[str]
    previous_table: Optional[TableRecord]
    lock: int
    """The output folder, open and locked until ``release``."""
    previous_index: Optional[TableRecord] = None
    """The review pages' index the last run wrote, if any."""
    database: Optional[PlanDatabase] = None
    """The plans database of ``options.database``, open until ``release``."""

    def release(self) -> None:
        os.close(self.lock)
        if self.database is not None:
            self.database.close()

    def __len__(self) -> int:
        return len(self.candidates) + len(self.problems)


# Libraries whose version can change an output: pythainlp's word lists, PyYAML's layout,
# PDFium's characters, pytesseract's reading of tesseract.
_SHAPING_LIBRARIES = ("pythainlp", "PyYAML", "pypdfium2", "pytesseract")
PACKAGE = Path(__file__).resolve().parent.parent


def fingerprint(format: str, ocr: OcrMode = OcrMode.AUTO) -> str:
    """What makes two runs' outputs of the same input the same: the format, planparse's
    code and data files (not only its version, so that an edited or upgraded parser
    redoes everything), the versions of the libraries that shape the output, and when
    OCR reads a PDF's pages and whether it can (so that scanned pages left out are read
    once OCR is installed or asked for)."""
    digest = hashlib.sha256(f"{format}\0{__version__}\0".encode())
    can_read = ocr_engine.missing() if ocr is not OcrMode.NEVER else "not asked"
    digest.update(f"ocr\0{ocr.value}\0{can_read}\0".encode())
    for library in _SHAPING_LIBRARIES:
        digest.update(f"{library}\0{_installed_version(library)}\0".encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _installed_version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def prepare(input_dir: Path, output_dir: Path, options: BatchOptions) -> Batch:
    """Check the request and find the inputs; PlanParseError says what is wrong with it."""
    if options.format not in WRITERS:
        raise PlanParseError(f"unknown output format {options.format!r} "
                             f"(choose one of: {', '.join(sorted(WRITERS))})")
    if options.workers < 1:
        raise PlanParseError(f"--workers must be 1 or more, not {options.workers}")
    if options.pdf.pages is not None:
        raise PlanParseError("a batch reads every page of its PDFs: a page selection is for "
                             "one file (planparse extract --pages)")
    _check_folders(input_dir, output_dir, options.table, options.database, options.format)
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PlanParseError(f"{output_dir}: the output folder cannot be created "
                             f"({error.strerror or error})") from None
    lock = _lock(output_dir)
    try:
        previous = read_report(output_dir / REPORT_NAME, options.force)
        if previous is not None and previous.input_folder not in (None, str(input_dir.resolve())):
            previous = None  # another folder's batch: its outputs are not this one's to replace
        previous_table = previous.table if previous else None
        if options.table is not None:
            _check_table(options.table, previous_table, options.force)
        if options.review:  # the index, like the table, is replaced only if a run wrote it
            _check_table(output_dir / INDEX_NAME, previous.index if previous else None,
                         options.force)
        files, problems = find_inputs(input_dir, options.patterns, options.recursive)
        candidates, collisions = _assign_outputs(files, input_dir, output_dir, options)
        database = open_database(options.database) if options.database is not None else None
    except BaseException:
        os.close(lock)
        raise
    return Batch(
        input_dir=input_dir,
        output_dir=output_dir,
        options=options,
        fingerprint=fingerprint(options.format, options.pdf.ocr),
        candidates=candidates,
        problems=sorted(problems + collisions, key=lambda record: record.input),
        previous={record.input: record for record in previous.files} if previous else {},
        previous_fingerprint=previous.fingerprint if previous else None,
        previous_table=previous_table,
        lock=lock,
        previous_index=previous.index if previous else None,
        database=database,
    )


def _lock(output_dir: Path) -> int:
    """The output folder, open and locked by this process (a lock on the folder itself, so
    that no file is left in it); PlanParseError while another batch holds it. The lock
    ends with the process, so a killed batch leaves none behind."""
    try:
        lock = os.open(output_dir, os.O_RDONLY)
    except OSError as error:
        raise PlanParseError(f"{output_dir}: the output folder cannot be opened "
                             f"({error.strerror or error})") from None
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(lock)
        raise PlanParseError(f"{output_dir}: another planparse batch is writing into this "
                             "folder; wait for it to finish, or choose another output folder") from None
    return lock


def _check_folders(input_dir: Path, output_dir: Path, table: Optional[Path],
                   database: Optional[Path], format: str) -> None:
    """Refuse folders that do not exist or overlap: an output folder inside the input folder
    would have its outputs read as inputs on the next run, and the other way round a run
    could write over its own inputs."""
    if not input_dir.is_dir():
        reason = "is not a folder (use planparse extract for one file)" if input_dir.exists() \
            else "no such folder"
        raise PlanParseError(f"{input_dir}: {reason}")
    if output_dir.exists() and not output_dir.is_dir():
        raise PlanParseError(f"{output_dir}: exists and is not a folder")
    inputs, outputs = input_dir.resolve(), output_dir.resolve()
    if outputs == inputs or inputs in outputs.parents:
        raise PlanParseError(f"{output_dir}: the output folder is inside the input folder "
                             f"{input_dir}; choose one outside it")
    if outputs in inputs.parents:
        raise PlanParseError(f"{input_dir}: the input folder is inside the output folder "
                             f"{output_dir}; choose an output folder outside it")
    if table is not None:
        if table.is_dir():
            raise PlanParseError(f"{table}: is a folder; --table names the CSV file to write")
        if table.resolve() in {outputs / name for name in _RESERVED}:
            raise PlanParseError(f"{table}: is where the batch keeps {_RESERVED[table.name]}; "
                                 "write the table elsewhere")
        if inputs in table.resolve().parents:
            raise PlanParseError(f"{table}: the table would be inside the input folder "
                                 f"{input_dir}; write it elsewhere")
    if database is not None:
        _check_database(database, inputs, outputs, format, table)


# The formats whose outputs hold the whole document, to be read back for the database.
DOCUMENT_FORMATS = ("json", "jsonl", "yaml")


def _check_database(database: Path, inputs: Path, outputs: Path, format: str,
                    table: Optional[Path]) -> None:
    """The database must be a file of its own outside the input folder, and the outputs
    must hold whole documents: an unchanged input's document is read back from its output."""
    if format not in DOCUMENT_FORMATS:
        raise PlanParseError(f"--database stores whole documents, which a {format} output "
                             f"does not hold; use --format {', '.join(DOCUMENT_FORMATS)} "
                             "(and --table for a CSV)")
    if database.is_dir():
        raise PlanParseError(f"{database}: is a folder; --database names the SQLite file to write")
    where = database.resolve()
    if inputs in where.parents:
        raise PlanParseError(f"{database}: the database would be inside the input folder; "
                             "write it elsewhere")
    if where in {outputs / name for name in _RESERVED}:
        raise PlanParseError(f"{database}: is where the batch keeps {_RESERVED[database.name]}; "
                             "write the database elsewhere")
    if table is not None and where == table.resolve():
        raise PlanParseError(f"{database}: is the --table file too; give them two names")


# The files a batch keeps in its output folder besides the outputs.
_RESERVED = {REPORT_NAME: "the run report", DOCUMENTS_NAME: "the JSONL of every document",
             INDEX_NAME: "the index of the review pages"}


def _check_table(table: Path, previous: Optional[TableRecord], force: bool) -> None:
    """A table may replace an existing file only if the last run wrote it, or with force."""
    if not table.exists() or force:
        return
    ours = (previous is not None and previous.path == str(table.resolve())
            and previous.sha256 == file_sha256(table))
    if not ours:
        raise PlanParseError(f"{table}: already exists (add --force to overwrite it)")


def find_inputs(folder: Path, patterns: tuple[str, ...],
                recursive: bool) -> tuple[list[PurePosixPath], list[FileRecord]]:
    """The files under ``folder`` whose names match one of ``patterns``, relative to it
    and sorted, and failed records for what cannot be walked or read as a file.

    Links to folders are followed, except one leading back to a folder above it (a loop,
    which would never end); a copy of a folder linked from elsewhere is walked again, as
    the user asked for both.
    """
    files: list[PurePosixPath] = []
    problems: list[FileRecord] = []
    stack: list[tuple[Path, PurePosixPath, tuple[tuple[int, int], ...]]] = [
        (folder, PurePosixPath(), (_identity(folder),))]
    while stack:
        directory, relative, ancestors = stack.pop()
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            problems.append(_failed(str(relative), f"{relative}/: the folder cannot be listed "
                                                   f"({error.strerror or error})"))
            continue
        for entry in entries:
            name = relative / entry.name
            if _is(entry.is_dir):
                if not recursive:
                    continue
                identity = _identity(entry.path)
                if identity in ancestors:
                    problems.append(_failed(str(name), f"{name}: symbolic link loop (it leads "
                                                       "back to a folder above it); not followed"))
                else:
                    stack.append((Path(entry.path), name, ancestors + (identity,)))
            elif any(fnmatch.fnmatch(entry.name, pattern) for pattern in patterns):
                if printable(str(name)) != str(name):
                    problems.append(_failed(str(name), f"{name}: the name of the file or of a "
                                                       "folder above it is not valid UTF-8 "
                                                       "(rename it)"))
                elif _is(entry.is_file):
                    files.append(name)
                else:
                    problems.append(_failed(str(name), _not_a_file(entry.path, name)))
    return sorted(files), problems


def _is(test: Callable[[], bool]) -> bool:
    """``DirEntry.is_dir`` and ``is_file`` raise, rather than say no, for a link to itself."""
    try:
        return test()
    except OSError:
        return False


def _identity(path: str | Path) -> tuple[int, int]:
    """The same folder has the same identity whatever link leads to it."""
    status = os.stat(path)
    return status.st_dev, status.st_ino


def _not_a_file(path: str, name: PurePosixPath) -> str:
    try:
        os.stat(path)
    except OSError as error:
        return f"{name}: is a symbolic link that cannot be followed ({error.strerror or error})"
    return f"{name}: is not a regular file (a pipe, socket or device)"


def _assign_outputs(files: list[PurePosixPath], input_dir: Path, output_dir: Path,
                    options: BatchOptions) -> tuple[list[Candidate], list[FileRecord]]:
    """Give every input its output; an input whose output name is taken fails rather than
    overwrite another's (``plan.txt`` and ``plan.md`` with ``--pattern '*'``)."""
    taken = dict(_RESERVED)
    for path, what in ((options.table, "the table"), (options.database, "the database")):
        if path is not None and output_dir.resolve() in path.resolve().parents:
            taken[path.resolve().relative_to(output_dir.resolve()).as_posix()] = what
    candidates, collisions = [], []
    for name in files:
        output_name = name.with_suffix(f".{options.format}").as_posix()
        if output_name in taken:
            collisions.append(_failed(name.as_posix(), f"{name}: its output {output_name} "
                                                       f"would overwrite {taken[output_name]}"))
            continue
        page = page_job(name, output_dir) if options.review else None
        if page is not None and page.name in taken:
            collisions.append(_failed(name.as_posix(), f"{name}: its review page {page.name} "
                                                       f"would overwrite {taken[page.name]}"))
            continue
        taken[output_name] = name.as_posix()
        if page is not None:
            taken[page.name] = name.as_posix()
        candidates.append(Candidate(name=name.as_posix(), source=input_dir.joinpath(*name.parts),
                                    output_name=output_name,
                                    target=output_dir.joinpath(*PurePosixPath(output_name).parts),
                                    page=page))
    return candidates, collisions


def _failed(name: str, reason: str, kept: Optional[OutputRecord] = None) -> FileRecord:
    return FileRecord(input=printable(name), status=Status.failed, reason=printable(reason),
                      output=kept)
