"""The ``planparse`` commands (typer): the only place besides cli.py that prints, exits
or touches the terminal. Exit codes: see cli.py.

rich is imported only by the commands that draw with it (``batch``, ``show``), and
pydantic not at all by ``extract --format json``, which writes the parser's own records
(records.py). typer itself imports pydantic to run any command, so cli.main runs a plain
``extract`` to JSON without it.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, NoReturn, Optional

import typer

from . import __version__
from .cli import (EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, EXIT_WARNINGS, Failure,
                  read_and_convert, run_extract)
from .errors import PlanParseError
from .outputs import printable

if TYPE_CHECKING:
    from .batch import FileRecord, RunReport
    from .model import PlanDocument

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn Thai development plan texts into structured JSON, YAML or CSV.",
)


class OutputFormat(str, Enum):
    json = "json"
    yaml = "yaml"
    csv = "csv"


def _fail(message: str, code: int) -> NoReturn:
    """One line on standard error, then exit: never a traceback."""
    typer.echo(f"planparse: {printable(message)}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"planparse {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Turn Thai development plan texts into structured JSON, YAML or CSV."""


STRICT_HELP = "Exit with code 3 when a document has warnings."


@app.command()
def extract(
    file: str = typer.Argument(..., help="The plan text to read; - for standard input."),
    format: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f",
                                        help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="Write here instead of standard output."),
    force: bool = typer.Option(False, "--force", help="Overwrite --output if it exists."),
    strict: bool = typer.Option(False, "--strict", help=STRICT_HELP),
) -> None:
    """Print the structured document of one plan text; its warnings go to standard error."""
    try:
        code = run_extract(file, format.value, output, force, strict,
                           lambda line: typer.echo(line, err=True))
    except Failure as failure:
        _fail(failure.message, failure.code)
    if code != EXIT_OK:
        raise typer.Exit(code)


@app.command()
def show(
    file: str = typer.Argument(..., help="The plan text to read; - for standard input."),
) -> None:
    """Show the parsed plan as a tree, with its counts and warnings, to check it by eye."""
    from rich.console import Console

    from .views import plan_tree

    Console().print(plan_tree(_document(file)))


@app.command()
def batch(
    input_dir: Path = typer.Argument(..., help="The folder of plan texts to convert."),
    output: Path = typer.Option(..., "--output", "-o",
                                help="The folder for the outputs, outside INPUT_DIR."),
    format: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f",
                                        help="Output format: one file per input."),
    pattern: str = typer.Option("*.txt", "--pattern", help="Which file names to convert."),
    recursive: bool = typer.Option(True, "--recursive/--no-recursive",
                                   help="Look into subfolders."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1,
                                          help="Worker processes (default: the number of CPUs)."),
    force: bool = typer.Option(False, "--force",
                               help="Convert unchanged inputs again and replace any existing output."),
    table: Optional[Path] = typer.Option(None, "--table",
                                         help="Also write every item of every plan to this CSV."),
    strict: bool = typer.Option(False, "--strict", help=STRICT_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q",
                               help="Print only the files that failed; no progress, no summary."),
) -> None:
    """Convert every plan text in a folder, mirroring its tree; unchanged files are skipped.

    A file that fails is reported and the batch goes on; the exit code is then 1. A run
    report is written to OUTPUT/planparse-report.json.
    """
    from .batch import REPORT_NAME, BatchOptions, default_workers, prepare, run

    options = BatchOptions(format=format.value, pattern=pattern, recursive=recursive,
                           workers=workers or default_workers(), force=force, table=table)
    try:
        planned = prepare(input_dir, output, options)
    except PlanParseError as error:
        _fail(str(error), EXIT_USAGE)
    except KeyboardInterrupt:
        _fail("interrupted before any file was converted", EXIT_INTERRUPTED)
    try:
        with _batch_progress(len(planned), quiet) as on_record:
            report = run(planned, on_record)
    except PlanParseError as error:
        _fail(str(error), EXIT_INPUT)
    except KeyboardInterrupt:  # outside the conversions, which run() stops in order itself
        _fail("interrupted; the files converted so far are kept, run the same command again "
              "to finish", EXIT_INTERRUPTED)
    report_path = output / REPORT_NAME
    if report.interrupted:
        done = report.summary.converted + report.summary.skipped
        _fail(f"interrupted: {done} of {report.summary.files} files are done and kept; "
              f"run the same command again to finish (report: {report_path})", EXIT_INTERRUPTED)
    if not quiet:
        from rich.console import Console

        from .views import summary_table

        console = Console()
        console.print(summary_table(report))
        console.print(f"report: {report_path}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(_batch_exit_code(report, strict))


def _batch_exit_code(report: RunReport, strict: bool) -> int:
    if report.summary.failed:
        return EXIT_INPUT
    if strict and report.summary.with_warnings:
        return EXIT_WARNINGS
    return EXIT_OK


@contextmanager
def _batch_progress(total: int, quiet: bool) -> Iterator[Callable[[FileRecord], None]]:
    """A callback for each finished file: a progress bar on a terminal, else one plain
    line a file; failures are always told, on standard error."""
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    console = Console(stderr=True, highlight=False)
    if quiet or not console.is_terminal:
        def tell(record: FileRecord) -> None:
            if record.reason or not quiet:
                typer.echo(_record_line(record), err=True)

        yield tell
        return
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                  MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                  TimeElapsedColumn(), TextColumn("elapsed,"), TimeRemainingColumn(),
                  TextColumn("left"), console=console, transient=True) as progress:
        task = progress.add_task("converting", total=total, rate="")

        def advance(record: FileRecord) -> None:
            if record.reason:
                progress.console.print(_record_line(record), markup=False, soft_wrap=True)
            speed = progress.tasks[task].speed
            progress.update(task, advance=1, rate=f"{speed:.0f} files/s" if speed else "")

        yield advance


def _record_line(record: FileRecord) -> str:
    return f"{record.status.value:<11} {record.reason or record.input}"


def _document(file: str) -> PlanDocument:
    """The validated document of ``file`` (``-`` is standard input), or exit 1 with the reason."""
    from .parser import parse_bytes

    try:
        return read_and_convert(file, parse_bytes)
    except Failure as failure:
        _fail(failure.message, failure.code)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output document."""
    from .model import PlanDocument

    typer.echo(json.dumps(PlanDocument.model_json_schema(), ensure_ascii=False, indent=2))

