"""The ``planparse`` command (typer): the only place that prints, exits or shows progress.

Every failure is one line on standard error, ``planparse: `` and the reason, and an exit
code from EXIT_CODES; usage errors too (``main`` words click's in one line), never a
traceback or a box. Anything written to the terminal goes through ``terminal_text``, so
a file name cannot send control characters or escape sequences to it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from contextlib import ExitStack, contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Callable, Iterator, NoReturn, Optional, TypeVar

import typer

from . import __version__
from .errors import PlanParseError
from .flat import KINDS, span_label
from .inputs import DEFAULT_MAX_BYTES, read_input
from .model import KINDS_OF_ORGANIZATION
from .outputs import printable, terminal_text, write_atomically
from .pdf import OcrMode, PdfOptions, page_ranges

if TYPE_CHECKING:
    from .batch import Batch, Job, Pool
    from .batch.report import DatabaseRecord, FileRecord, RunReport
    from .model import PlanDocument, Warning
    from .reading import ReadText

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_WARNINGS = 3
EXIT_INTERRUPTED = 130

EXIT_CODES = {
    EXIT_OK: "done",
    EXIT_INPUT: "extract, show, text, review: the input could not be read, is not text or a "
                "readable PDF (encrypted without the right password, damaged, truncated, no "
                "pages, --pages outside it or on a text file, --images on one, --ocr always "
                "without OCR installed), or the output could not be written; "
                "batch, database: at least one file failed; search: the database cannot be "
                "read (missing, not a planparse database)",
    EXIT_USAGE: "a usage error: an unknown option or format, --pages that is not a list of "
                "pages, an output that exists without --force, folders that overlap, a batch "
                "already running into the folder, a --database file that is not a planparse "
                "database, a query without a word",
    EXIT_WARNINGS: "--strict, and a document has warnings (and nothing failed)",
    EXIT_INTERRUPTED: "interrupted with Ctrl-C; what was done is kept",
}
# click's "\b" keeps the lines of the paragraph after it as they are.
_EPILOG = "\b\nExit codes:\n" + "\n".join(f"  {code:<4} {meaning}"
                                         for code, meaning in EXIT_CODES.items())

app = typer.Typer(
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Turn Thai development plan texts into structured JSON, YAML or CSV.",
    epilog=_EPILOG,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def main() -> None:
    """Console-script entry point: typer's app, with its usage errors made one line."""
    try:
        code = app(prog_name="planparse", standalone_mode=False)
        if sys.stdout is not None:
            sys.stdout.flush()  # what is left of typer's output (its help) fails here, if at all
    except typer.TyperException as error:
        context = getattr(error, "ctx", None)  # a usage error knows its command
        if context is not None and error.format_message() == context.get_help():
            sys.stderr.write(error.format_message() + "\n")  # no arguments: the help
        else:
            words = context.command_path.split()[1:] if context is not None else []
            _tell(f"planparse: {error.format_message()} (see "
                  f"{' '.join(['planparse', *words, '--help'])})")
        code = error.exit_code
    except OSError as error:  # typer's own writing (the help) to a full or closed output
        code = _standard_output_lost(error)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def _fail(message: str, code: int) -> NoReturn:
    """One line on standard error, then exit: never a traceback."""
    _tell(f"planparse: {message}")
    raise typer.Exit(code)


def _tell(line: str) -> None:
    """One line on standard error, without anything a terminal would take as control."""
    try:
        typer.echo(terminal_text(line), err=True)
    except (OSError, ValueError):  # no standard error to tell: nothing to do
        pass


def _deliver(data: bytes, output: Optional[Path], force: bool) -> None:
    """Write ``data`` to ``output`` whole (or to standard output when there is none),
    replacing a file only with ``force``."""
    if output is None:
        _write_standard_output(data)
        return
    try:
        write_atomically(output, data, replace=force)
    except FileExistsError:
        _fail(f"{output}: appeared while the input was read; it was not replaced "
              "(add --force to overwrite it)", EXIT_USAGE)
    except OSError as error:
        _fail(f"{output}: cannot be written ({error.strerror or error})", EXIT_INPUT)


def _write_standard_output(data: bytes) -> None:
    """``data`` on standard output, or exit 1 with one line saying why it cannot be written
    (closed, full, a reader gone)."""
    try:
        if sys.stdout is None:
            raise OSError("it is closed")
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except (OSError, ValueError) as error:
        _stdout_failed(error)


def _stdout_failed(error: Exception) -> NoReturn:
    raise typer.Exit(_standard_output_lost(error))


def _standard_output_lost(error: Exception) -> int:
    """Say why standard output failed, and point it at nothing, so that the interpreter's
    last flush is quiet too; the exit code."""
    try:
        if sys.stdout is not None and sys.stdout.fileno() == 1:
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    except (OSError, ValueError, AttributeError):  # not the process's own: nothing to quiet
        pass
    reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
    _tell(f"planparse: standard output cannot be written ({reason})")
    return EXIT_INPUT


def _version(value: bool) -> None:
    if value:
        _write_standard_output(f"planparse {__version__}\n".encode())
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Turn Thai development plan texts into structured JSON, YAML or CSV."""


class OutputFormat(str, Enum):
    json = "json"
    yaml = "yaml"
    csv = "csv"
    jsonl = "jsonl"


STRICT_HELP = "Exit with code 3 when a document has warnings."
MAX_SIZE_HELP = "Refuse an input larger than this many MB (a device never ends)."
_DEFAULT_MAX_MB = DEFAULT_MAX_BYTES // 1_000_000


def _checked_pages(value: Optional[str]) -> Optional[str]:
    """--pages as written, once it is known to be a list of pages (else a usage error)."""
    if value is not None:
        try:
            page_ranges(value)
        except ValueError as error:
            raise typer.BadParameter(str(error)) from None
    return value


# The options of PDF input, the same on every command that reads one.
PagesOption = Annotated[Optional[str], typer.Option(
    "--pages", metavar="PAGES", callback=_checked_pages,
    help="Read only these pages of a PDF, e.g. 24-29,31 (spans count the lines of these pages).")]
OcrOption = Annotated[OcrMode, typer.Option(
    "--ocr", case_sensitive=False,
    help="When to read PDF pages by OCR: auto (scanned and unreadable pages, when OCR is "
         "installed), never, always.")]
PasswordOption = Annotated[Optional[str], typer.Option(
    "--password", metavar="PASSWORD", envvar="PLANPARSE_PDF_PASSWORD", show_envvar=False,
    help="The password of an encrypted PDF (or set PLANPARSE_PDF_PASSWORD, which keeps it "
         "out of the list of processes).")]


@app.command()
def extract(
    file: str = typer.Argument(..., help="The plan (a text or a PDF) to read; - for standard input."),
    format: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f",
                                        help="Output format (jsonl: the JSON on one line)."),
    compact: bool = typer.Option(False, "--compact", help="JSON on one line (as jsonl)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="Write here instead of standard output (- is "
                                               "standard output); never replaces a file "
                                               "without --force."),
    force: bool = typer.Option(False, "--force", help="Overwrite --output if it exists."),
    strict: bool = typer.Option(False, "--strict", help=STRICT_HELP),
    max_size: int = typer.Option(_DEFAULT_MAX_MB, "--max-size", min=1, help=MAX_SIZE_HELP),
    pages: PagesOption = None,
    ocr: OcrOption = OcrMode.AUTO,
    password: PasswordOption = None,
) -> None:
    """Print the structured document of one plan (a text or a PDF); its warnings go to
    standard error."""
    from .writers import render

    if output is not None and str(output) == "-":
        output = None
    if output is not None and (output.exists() or output.is_symlink()) and not force:
        _fail(f"{output}: already exists (add --force to overwrite it)", EXIT_USAGE)
    if compact and format not in (OutputFormat.json, OutputFormat.jsonl):
        _fail(f"--compact is for JSON, not {format.value}", EXIT_USAGE)
    chosen = OutputFormat.jsonl if compact else format
    document = _document(file, max_size, PdfOptions(pages, password, ocr))
    _deliver(render(document, chosen.value).encode("utf-8"), output, force)
    for line in warning_lines(document.warnings, printable(file)):
        _tell(line)
    if strict and document.warnings:
        raise typer.Exit(EXIT_WARNINGS)


def warning_lines(warnings: list[Warning], file: str) -> Iterator[str]:
    """One line a warning, naming the file and lines, so that logs of many runs grep well."""
    for warning in warnings:
        where = f" {span_label(warning.span)}" if warning.span else ""
        yield f"planparse: {file}{where}: warning {warning.code}: {warning.message}"


def _document(file: str, max_size: int, pdf: PdfOptions) -> PlanDocument:
    """The document of ``file`` (``-`` is standard input), or exit 1 with one line."""
    from .parser import parse_bytes

    name = printable(file)  # a name that is not UTF-8 is written with escapes
    return _or_fail(file, lambda: parse_bytes(read_input(file, max_size * 1_000_000, name),
                                              name, pdf))


def _read(file: str, max_size: int, pdf: PdfOptions) -> ReadText:
    """The text planparse reads of ``file`` (``-`` is standard input), or exit 1."""
    from .reading import read_text

    name = printable(file)
    return _or_fail(file, lambda: read_text(read_input(file, max_size * 1_000_000, name),
                                            name, pdf))


_Result = TypeVar("_Result")


def _or_fail(file: str, work: Callable[[], _Result]) -> _Result:
    """What ``work`` makes of ``file``; exit 1 with one line when it cannot."""
    try:
        return work()
    except PlanParseError as error:
        _fail(str(error), EXIT_INPUT)
    except Exception as error:  # a parser bug: still one line, and it asks for the file
        _fail(f"{file}: planparse failed on this file ({type(error).__name__}: {error}); "
              "please report it", EXIT_INPUT)


@app.command()
def show(
    file: str = typer.Argument(..., help="The plan (a text or a PDF) to read; - for standard input."),
    max_size: int = typer.Option(_DEFAULT_MAX_MB, "--max-size", min=1, help=MAX_SIZE_HELP),
    pages: PagesOption = None,
    ocr: OcrOption = OcrMode.AUTO,
    password: PasswordOption = None,
) -> None:
    """Show the parsed plan as a tree, with its counts and warnings, to check it by eye."""
    from rich.console import Console

    from .views import plan_tree

    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        "\u0e01\u2022".encode(encoding)  # a Thai letter and the bullet
    except (UnicodeEncodeError, LookupError):
        _fail(f"standard output's encoding {encoding} cannot show Thai; use a UTF-8 locale "
              "or PYTHONIOENCODING=utf-8", EXIT_INPUT)
    tree = plan_tree(_document(file, max_size, PdfOptions(pages, password, ocr)))
    try:
        Console().print(tree)
    except (OSError, ValueError) as error:
        _stdout_failed(error)


@app.command()
def text(
    file: str = typer.Argument(..., help="The text or PDF to read; - for standard input."),
    plain: bool = typer.Option(False, "--plain",
                               help="The bare text, pages separated by form feeds."),
    pages: PagesOption = None,
    ocr: OcrOption = OcrMode.AUTO,
    password: PasswordOption = None,
    max_size: int = typer.Option(_DEFAULT_MAX_MB, "--max-size", min=1, help=MAX_SIZE_HELP),
) -> None:
    """Print the text planparse reads from a PDF or a text file, each line with its page
    and number (the lines spans count), to check it and to cite spans; its warnings go
    to standard error."""
    from .reading import form_feed_pages, text_lines

    read = _read(file, max_size, PdfOptions(pages, password, ocr))
    lines = text_lines(read.text)
    if plain:  # tabs and form feeds are the text's own; other controls are shown as escapes
        shown = [terminal_text(line, keep="\t\f") for line in lines]
    else:
        shown = list(_numbered(lines, read.line_pages if read.line_pages is not None
                               else form_feed_pages(lines)))
    _write_standard_output("".join(line + "\n" for line in shown).encode("utf-8"))
    for line in warning_lines(list(read.warnings), printable(file)):
        _tell(line)


def _numbered(lines: list[str], line_pages: list[int] | tuple[int, ...]) -> Iterator[str]:
    """A header, then each line after its page and number; the form feed that starts a
    page is shown by the page number, a tab as spaces."""
    page_width = max(len("page"), len(str(max(line_pages, default=1))))
    line_width = max(len("line"), len(str(len(lines))))
    yield f"{'page':>{page_width}}  {'line':>{line_width}}  text"
    for number, (page, line) in enumerate(zip(line_pages, lines), start=1):
        shown = terminal_text(line.lstrip("\f").expandtabs(4))
        yield f"{page:>{page_width}}  {number:>{line_width}}  {shown}".rstrip()


@app.command()
def review(
    file: str = typer.Argument(..., help="The plan (a text or a PDF) to check; - for "
                                         "standard input."),
    output: Path = typer.Option(..., "--output", "-o",
                                help="The HTML page to write (- is standard output); never "
                                     "replaces a file without --force."),
    images: bool = typer.Option(False, "--images",
                                help="Show each page of a PDF as an image beside its text."),
    force: bool = typer.Option(False, "--force", help="Overwrite --output if it exists."),
    max_size: int = typer.Option(_DEFAULT_MAX_MB, "--max-size", min=1, help=MAX_SIZE_HELP),
    pages: PagesOption = None,
    ocr: OcrOption = OcrMode.AUTO,
    password: PasswordOption = None,
) -> None:
    """Write a review page: the plan on the text it was read from, to check it in a browser.

    One self-contained HTML file: select an item to see its lines, or a line to see its
    item; its warnings go to standard error as well.
    """
    from .review import review_page
    from .review_input import read_reviewed

    to_standard_output = str(output) == "-"
    if not to_standard_output and (output.exists() or output.is_symlink()) and not force:
        _fail(f"{output}: already exists (add --force to overwrite it)", EXIT_USAGE)
    name = printable(file)
    reviewed = _or_fail(file, lambda: read_reviewed(
        read_input(file, max_size * 1_000_000, name), name, PdfOptions(pages, password, ocr), images))
    _deliver(review_page(reviewed.document, reviewed.source).encode("utf-8"),
             None if to_standard_output else output, force)
    for line in warning_lines(reviewed.document.warnings, printable(file)):
        _tell(line)


@app.command()
def batch(
    input_dir: Path = typer.Argument(..., help="The folder of plans (texts, PDFs) to convert."),
    output: Path = typer.Option(..., "--output", "-o",
                                help="The folder for the outputs, outside INPUT_DIR."),
    format: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f",
                                        help="Output format: one file per input (jsonl: also "
                                             "all documents in OUTPUT/planparse-documents.jsonl)."),
    patterns: list[str] = typer.Option(["*.txt", "*.pdf"], "--pattern", metavar="GLOB",
                                       help="Which file names to convert; repeat it for "
                                            "several."),
    recursive: bool = typer.Option(True, "--recursive/--no-recursive",
                                   help="Look into subfolders."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1,
                                          help="Worker processes (default: the number of CPUs)."),
    force: bool = typer.Option(False, "--force",
                               help="Convert unchanged inputs again and replace any existing output."),
    table: Optional[Path] = typer.Option(None, "--table",
                                         help="Also write every item of every plan to this CSV."),
    database: Optional[Path] = typer.Option(None, "--database",
                                            help="Also store every document in this SQLite "
                                                 "database, with a Thai full-text index (see "
                                                 "planparse search)."),
    review: bool = typer.Option(False, "--review",
                                help="Also write a review page (HTML) beside each output, and "
                                     "OUTPUT/index.html listing every file."),
    strict: bool = typer.Option(False, "--strict", help=STRICT_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q",
                               help="Print only the files that failed; no progress, no summary."),
    ocr: OcrOption = OcrMode.AUTO,
    password: PasswordOption = None,
    cluster: Optional[str] = typer.Option(None, "--cluster", metavar="ADDRESS",
                                          help="Convert on a Dask cluster: its scheduler's "
                                               "address (tcp://host:8786), or local:N for N "
                                               "worker processes here (needs "
                                               "planparse[cluster])."),
) -> None:
    """Convert every plan (texts and PDFs) in a folder, mirroring its tree; unchanged files
    are skipped.

    A file that fails is reported and the batch goes on; the exit code is then 1. A run
    report is written to OUTPUT/planparse-report.json.
    """
    from .batch import BatchOptions, default_workers, prepare, run
    from .batch.report import REPORT_NAME
    from .views import counted

    if cluster is not None and workers is not None:
        _fail("--workers and --cluster do not go together: on a cluster, its workers "
              "convert", EXIT_USAGE)
    options = BatchOptions(format=format.value, patterns=tuple(patterns), recursive=recursive,
                           workers=workers or default_workers(), force=force, table=table,
                           pdf=PdfOptions(password=password, ocr=ocr), review=review,
                           database=database)
    try:
        planned = prepare(input_dir, output, options)
    except PlanParseError as error:
        _fail(str(error), EXIT_USAGE)
    except KeyboardInterrupt:
        _fail("interrupted before any file was converted", EXIT_INTERRUPTED)
    try:
        with _batch_pool(cluster, planned, quiet) as pool_for, \
                _batch_progress(len(planned), quiet) as (on_record, on_pages):
            report = run(planned, on_record, pool_for(on_pages))
    except PlanParseError as error:
        _fail(str(error), EXIT_INPUT)
    except KeyboardInterrupt:  # outside the conversions, which run() stops in order itself
        _fail("interrupted; the files converted so far are kept, run the same command again "
              "to finish", EXIT_INTERRUPTED)
    report_path = output / REPORT_NAME
    if report.interrupted:
        done = report.summary.converted + report.summary.skipped
        _fail(f"interrupted: {done} of {counted(report.summary.files, 'file')} are done and "
              f"kept; run the same command again to finish (report: {report_path})",
              EXIT_INTERRUPTED)
    if not quiet:
        from rich.console import Console

        from .views import summary_table

        console = Console()
        try:
            console.print(summary_table(report))
            if report.database is not None:
                console.print(terminal_text(_database_line(report.database)), markup=False,
                              highlight=False, soft_wrap=True)
            console.print(terminal_text(f"report: {report_path}"), markup=False,
                          highlight=False, soft_wrap=True)
            if review:
                from .review import INDEX_NAME

                console.print(terminal_text(f"review: {output / INDEX_NAME}"), markup=False,
                              highlight=False, soft_wrap=True)
        except (OSError, ValueError) as error:
            _stdout_failed(error)
    raise typer.Exit(_batch_exit_code(report, strict))


def _database_line(database: DatabaseRecord) -> str:
    return (f"database: {database.path}: {database.added} added, {database.replaced} replaced, "
            f"{database.unchanged} unchanged")


def _batch_exit_code(report: RunReport, strict: bool) -> int:
    if report.summary.failed:
        return EXIT_INPUT
    if strict and report.summary.with_warnings:
        return EXIT_WARNINGS
    return EXIT_OK


@contextmanager
def _batch_pool(cluster: Optional[str], planned: Batch, quiet: bool
                ) -> Iterator[Callable[[Callable[[int, int], None]], Optional[Pool[Job, FileRecord]]]]:
    """The pool for the conversions, made from the callback for OCR pages: the local one
    (None), or with --cluster a Dask cluster's, connected to first and its dashboard told.
    An address that answers nothing, or dask not installed, is a usage error."""
    if cluster is None:
        yield lambda on_pages: None
        return
    try:
        from .batch.cluster import ClusterPool, connect, dashboard
    except ImportError:
        planned.release()
        _fail("--cluster needs dask: pip install 'planparse[cluster]'", EXIT_USAGE)
    with ExitStack() as stack:
        try:
            client = stack.enter_context(connect(cluster))
        except PlanParseError as error:
            planned.release()
            _fail(str(error), EXIT_USAGE)
        link = dashboard(client)
        if link and not quiet:
            _tell(f"planparse: the cluster's dashboard: {link}")
        yield lambda on_pages: ClusterPool(client, on_pages)


@contextmanager
def _batch_progress(total: int, quiet: bool) -> Iterator[tuple[Callable[[FileRecord], None],
                                                               Callable[[int, int], None]]]:
    """Callbacks for each finished file and for OCR pages found and read on a cluster: a
    progress bar on a terminal (a second one for pages), else one plain line a file;
    failures are always told, on standard error."""
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    console = Console(stderr=True, highlight=False)
    if quiet or not console.is_terminal:
        def tell(record: FileRecord) -> None:
            if record.reason or not quiet:
                _tell(_record_line(record))

        yield tell, lambda done, known: None
        return
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                  MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                  TimeElapsedColumn(), TextColumn("elapsed,"), TimeRemainingColumn(),
                  TextColumn("left"), console=console, transient=True) as progress:
        task = progress.add_task("converting", total=total, rate="")

        def advance(record: FileRecord) -> None:
            if record.reason:
                progress.console.print(terminal_text(_record_line(record)), markup=False,
                                       soft_wrap=True)
            speed = progress.tasks[task].speed
            progress.update(task, advance=1, rate=f"{speed:.0f} files/s" if speed else "")

        pages: list[TaskID] = []  # the row for OCR pages, once there are some

        def count_pages(done: int, known: int) -> None:
            if not pages:
                pages.append(progress.add_task("OCR pages", total=known, rate=""))
            speed = progress.tasks[pages[0]].speed
            progress.update(pages[0], completed=done, total=known,
                            rate=f"{speed:.2f} pages/s" if speed else "")

        yield advance, count_pages


def _record_line(record: FileRecord) -> str:
    return f"{record.status.value:<11} {record.reason or record.input}"


@app.command()
def schema() -> None:
    """Print the JSON Schema of the documents planparse writes."""
    from .model import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    _write_standard_output(text.encode("utf-8"))


@app.command("database")
def build_database(
    output_dir: Path = typer.Argument(..., help="A folder of outputs of planparse batch "
                                                "(JSON, JSONL or YAML)."),
    output: Path = typer.Option(..., "--output", "-o",
                                help="The SQLite database to make, or to bring up to date."),
    quiet: bool = typer.Option(False, "--quiet", "-q",
                               help="Print only the files that failed; no summary."),
) -> None:
    """Store the documents of a folder of outputs in a SQLite database with a Thai
    full-text index; a document stored the same before is left alone, one that changed
    is replaced, each in a transaction of its own."""
    from .database import Change, build_from_folder, open_database
    from .views import counted

    if not output_dir.is_dir():
        _fail(f"{output_dir}: {'is not a folder' if output_dir.exists() else 'no such folder'}",
              EXIT_USAGE)
    try:
        opened = open_database(output)
    except PlanParseError as error:
        _fail(str(error), EXIT_USAGE)
    try:
        with opened:
            summary = build_from_folder(opened, output_dir)
    except KeyboardInterrupt:
        _fail("interrupted; the documents stored so far are kept, run the same command "
              "again to finish", EXIT_INTERRUPTED)
    for reason in summary.failed.values():
        _tell(f"planparse: {reason}")
    if not quiet:
        stored = ", ".join(f"{summary.count(change)} {change.value}" for change in Change)
        line = (f"{output}: {counted(len(summary.changes), 'document')} ({stored}), "
                f"{len(summary.failed)} failed\n")
        _write_standard_output(terminal_text(line.rstrip("\n")).encode("utf-8") + b"\n")
    raise typer.Exit(EXIT_INPUT if summary.failed else EXIT_OK)


class SearchFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def _item_kinds() -> list[str]:
    return list(KINDS)


def _organization_kinds() -> list[str]:
    return list(KINDS_OF_ORGANIZATION)


@app.command("search")
def search_database(
    database: Path = typer.Argument(..., help="A plans database (planparse batch --database, "
                                              "planparse database)."),
    query: str = typer.Argument(..., help="The words to find, as plain text: an item must "
                                          "hold every one."),
    kind: Optional[str] = typer.Option(None, "--kind", autocompletion=_item_kinds,
                                       help=f"Only items of this kind: {', '.join(KINDS)}."),
    org_kind: Optional[str] = typer.Option(None, "--org-kind", autocompletion=_organization_kinds,
                                           help="Only plans of this kind of body: "
                                                f"{', '.join(KINDS_OF_ORGANIZATION)}."),
    format: SearchFormat = typer.Option(SearchFormat.table, "--format", "-f",
                                        help="A table to read, or JSON or CSV for scripts."),
    limit: int = typer.Option(100, "--limit", min=0, help="At most this many hits; 0 for all."),
) -> None:
    """Find the items of every plan in a database that hold the words of a query: Thai
    words are found inside longer words (ท่องเที่ยว in การส่งเสริมการท่องเที่ยว)."""
    from .database import open_database
    from .hits import hits_table, render_hits
    from .search import search

    try:
        opened = open_database(database, write=False)
    except PlanParseError as error:
        _fail(str(error), EXIT_INPUT)
    with opened:
        try:
            hits = search(opened, query, kind, org_kind, limit or None)
        except PlanParseError as error:
            _fail(str(error), EXIT_USAGE)
        except sqlite3.DatabaseError as error:  # a file damaged after it was opened
            _fail(f"{database}: cannot be searched ({error})", EXIT_INPUT)
    if format is not SearchFormat.table:
        _write_standard_output(render_hits(hits, format.value).encode("utf-8"))
        return
    from rich.console import Console

    try:
        Console().print(hits_table(hits))
    except (OSError, ValueError) as error:
        _stdout_failed(error)
