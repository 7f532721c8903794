"""The ``planparse`` command: the only place that prints, exits or touches the terminal.

Exit codes: 0 done; 1 an input could not be read or parsed; 2 a usage error (an
unknown option or format, an output that exists without ``--force``).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import NoReturn, Optional

import typer

from . import __version__
from .errors import PlanParseError

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn Thai development plan texts into structured JSON or YAML.",
)


class OutputFormat(str, Enum):
    json = "json"
    yaml = "yaml"


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
    """Turn Thai development plan texts into structured JSON or YAML."""


@app.command()
def extract(
    file: str = typer.Argument(..., help="The plan text to read; - for standard input."),
    format: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f",
                                        help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="Write here instead of standard output."),
    force: bool = typer.Option(False, "--force", help="Overwrite --output if it exists."),
) -> None:
    """Print the structured document of one plan text."""
    from .parser import parse_bytes, read_input
    from .writers import render

    if output is not None and output.exists() and not force:
        _fail(f"{output}: already exists (add --force to overwrite it)", EXIT_USAGE)
    try:
        data = sys.stdin.buffer.read() if file == "-" else read_input(file)
        rendered = render(parse_bytes(data, file), format.value)
    except PlanParseError as error:
        _fail(str(error), EXIT_INPUT)
    if output is None:
        sys.stdout.buffer.write(rendered.encode("utf-8"))
        sys.stdout.flush()
    else:
        try:
            write_atomically(output, rendered.encode("utf-8"))
        except OSError as error:
            _fail(f"{output}: cannot be written ({error.strerror or error})", EXIT_INPUT)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output document."""
    from .model import PlanDocument

    typer.echo(json.dumps(PlanDocument.model_json_schema(), ensure_ascii=False, indent=2))


def write_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, then rename it into place,
    so a reader never sees half a file and an interrupted run leaves none."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def main() -> None:
    """Console-script entry point."""
    app()
