"""The ``planparse`` command: the only place that prints, exits or touches the terminal.

Exit codes (the README lists them too):

- 0 done;
- 1 the input could not be read or is not text;
- 2 a usage error: an unknown option or format, an output that exists without
  ``--force``;
- 3 with ``--strict``, the document has warnings.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, NoReturn, Optional

import typer

from . import __version__
from .errors import PlanParseError
from .flat import span_label
from .outputs import write_atomically

if TYPE_CHECKING:
    from .model import PlanDocument

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_WARNINGS = 3

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
    typer.echo(f"planparse: {message}", err=True)
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
    from .writers import render

    if output is not None and output.exists() and not force:
        _fail(f"{output}: already exists (add --force to overwrite it)", EXIT_USAGE)
    document = _parse(file)
    rendered = render(document, format.value).encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(rendered)
        sys.stdout.flush()
    else:
        try:
            write_atomically(output, rendered)
        except OSError as error:
            _fail(f"{output}: cannot be written ({error.strerror or error})", EXIT_INPUT)
    for line in _warning_lines(document, file):
        typer.echo(line, err=True)
    if strict and document.warnings:
        raise typer.Exit(EXIT_WARNINGS)


def _parse(file: str) -> PlanDocument:
    """The document of ``file`` (``-`` is standard input), or exit 1 with the reason."""
    from .parser import parse_bytes, read_input

    try:
        data = sys.stdin.buffer.read() if file == "-" else read_input(file)
        return parse_bytes(data, file)
    except PlanParseError as error:
        _fail(str(error), EXIT_INPUT)


def _warning_lines(document: PlanDocument, file: str) -> Iterator[str]:
    """One line a warning, naming the file and lines, so that logs of many runs grep well."""
    for warning in document.warnings:
        where = f" {span_label(warning.span)}" if warning.span else ""
        yield f"planparse: {file}{where}: warning {warning.code}: {warning.message}"


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output document."""
    from .model import PlanDocument

    typer.echo(json.dumps(PlanDocument.model_json_schema(), ensure_ascii=False, indent=2))


def main() -> None:
    """Console-script entry point."""
    app()
