"""The ``planparse`` command's entry point, and ``extract``'s work without typer.

Exit codes (the README lists them too):

- 0 done;
- 1 an input could not be read or is not text (``extract``, ``show``), or any file of a
  batch failed;
- 2 a usage error: an unknown option or format, an output that exists without
  ``--force``, folders that overlap;
- 3 with ``--strict``, a document has warnings (and nothing failed);
- 130 interrupted (Ctrl-C); what was finished is kept.

The commands are typer's, in commands.py (``planparse.cli.app`` still finds them). typer
0.29 validates every parameter with a pydantic TypeAdapter when it runs a command, and
importing that machinery alone costs about 1.6x the start-up the benchmark allows
``extract`` in all (benchmarks/README.md, "The CLI"). So ``main`` recognises the common
call, ``planparse extract FILE`` to JSON with any of its plain options, and runs it here
without importing typer, pydantic, rich or PyYAML; anything else, or anything it is not
sure to read exactly as typer would, goes to typer. Both run ``run_extract``, and
tests/test_cli_fast.py holds the two to the same output, messages and exit code.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Optional, TypeVar

from .errors import PlanParseError
from .flat import span_label
from .outputs import printable, write_atomically

if TYPE_CHECKING:
    from .records import Warning

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_WARNINGS = 3
EXIT_INTERRUPTED = 130


def main() -> None:
    """Console-script entry point."""
    request = plain_extract(sys.argv[1:])
    if request is None:
        try:
            from .commands import app
        except KeyboardInterrupt:  # Ctrl-C while typer loads: an exit, not a traceback
            sys.exit(EXIT_INTERRUPTED)
        app()
    else:
        sys.exit(_run_plain_extract(request))


def __getattr__(name: str) -> Any:
    """The typer app and the rest of commands.py, as before they moved there."""
    if name.startswith("__"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import commands

    return getattr(commands, name)


# ------------------------------------------------------------------ extract's work


class Failure(Exception):
    """The command must stop with one line on standard error and this exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def run_extract(file: str, format: str, output: Optional[Path], force: bool, strict: bool,
                tell: Callable[[str], None]) -> int:
    """Write the document of ``file`` in ``format`` to ``output`` (standard output when
    None), ``tell`` each of its warnings; the exit code, or Failure."""
    if output is not None and output.exists() and not force:
        raise Failure(f"{output}: already exists (add --force to overwrite it)", EXIT_USAGE)
    warnings, text = read_and_convert(file, lambda data, name: _extract(data, name, format))
    rendered = text.encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(rendered)
        sys.stdout.flush()
    else:
        try:
            write_atomically(output, rendered)
        except OSError as error:
            raise Failure(f"{output}: cannot be written ({error.strerror or error})",
                          EXIT_INPUT) from None
    for line in warning_lines(warnings, printable(file)):
        tell(line)
    return EXIT_WARNINGS if strict and warnings else EXIT_OK


def _extract(data: bytes, name: str, format: str) -> tuple[list[Warning], str]:
    """The warnings and the text of one input in ``format``; JSON without pydantic."""
    from .parser import parse_record

    record = parse_record(data, name)
    if format == "json":
        from .records import to_json

        return record.warnings, to_json(record)
    from .records import to_document
    from .writers import render

    document = to_document(record)
    return document.warnings, render(document, format)


_T = TypeVar("_T")


def read_and_convert(file: str, convert: Callable[[bytes, str], _T]) -> _T:
    """``convert`` of the bytes of ``file`` (``-`` is standard input) and its printable
    name, or Failure with exit code 1 and the reason."""
    from .parser import read_input

    try:
        data = sys.stdin.buffer.read() if file == "-" else read_input(file)
        return convert(data, printable(file))
    except PlanParseError as error:
        raise Failure(str(error), EXIT_INPUT) from None
    except Exception as error:  # a parser bug: still one line, and it asks for the file
        raise Failure(f"{file}: planparse failed on this file ({type(error).__name__}: "
                      f"{error}); please report it", EXIT_INPUT) from None


def warning_lines(warnings: list[Warning], file: str) -> Iterator[str]:
    """One line a warning, naming the file and lines, so that logs of many runs grep well."""
    for warning in warnings:
        where = f" {span_label(warning.span)}" if warning.span else ""
        yield f"planparse: {file}{where}: warning {warning.code}: {warning.message}"


# ------------------------------------------------------------------ extract without typer

# extract's options as typer reads them: the flags, and those that take a value.
_FLAGS = {"--force": "force", "--strict": "strict"}
_VALUED = {"--format": "format", "-f": "format", "--output": "output", "-o": "output"}


def plain_extract(arguments: list[str]) -> Optional[dict[str, Any]]:
    """``run_extract``'s arguments when ``arguments`` are a plain ``extract`` to JSON,
    else None (typer's turn).

    Plain means: ``extract``, one FILE (or ``-``), and at most once each ``--format json``
    / ``-f json`` / ``--format=json``, ``--output PATH`` / ``-o PATH`` / ``--output=PATH``,
    ``--force``, ``--strict``, in any order. Everything else goes to typer, which also
    gives the help, the usage errors and the other formats: ``--``, a value that starts
    with ``-`` or is empty, ``-fjson``, an option given twice, an output typer would
    refuse to read, shell completion, a standard error that typer would re-encode.
    """
    if not arguments or arguments[0] != "extract" or not _plain_streams():
        return None
    found: dict[str, Any] = {}
    files = []
    rest = iter(arguments[1:])
    for argument in rest:
        if argument in _FLAGS:
            name, value = _FLAGS[argument], True
        elif argument in _VALUED or argument.partition("=")[0] in ("--format", "--output"):
            option, equals, value = argument.partition("=")
            if not equals:
                value = next(rest, "")
            name = _VALUED[option]
            if not value or value.startswith("-"):
                return None
        elif argument == "-" or not argument.startswith("-"):
            files.append(argument)
            continue
        else:
            return None
        if name in found:
            return None
        found[name] = value
    if len(files) != 1 or found.get("format", "json") != "json":
        return None
    output = Path(found["output"]) if "output" in found else None
    if output is not None and output.exists() and not os.access(output, os.R_OK):
        return None  # typer's path check refuses it with its own message
    return {"file": files[0], "format": "json", "output": output,
            "force": found.get("force", False), "strict": found.get("strict", False)}


def _plain_streams() -> bool:
    """True when click would write to standard error as it is (not re-encoded) and no
    shell completion was asked for."""
    if sys.stderr is None or any(name.startswith("_") and name.endswith("_COMPLETE")
                                 for name in os.environ):
        return False
    try:
        return codecs.lookup(getattr(sys.stderr, "encoding", None) or "ascii").name != "ascii"
    except LookupError:
        return True


# click strips these from what it echoes to anything that is not a terminal.
_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")


def _tell(line: str) -> None:
    """``typer.echo(line, err=True)`` for a standard error ``_plain_streams`` accepted."""
    stream = sys.stderr
    try:
        terminal = stream.isatty()
    except Exception:
        terminal = False
    stream.write((line if terminal else _ANSI.sub("", line)) + "\n")
    stream.flush()


def _run_plain_extract(request: dict[str, Any]) -> int:
    """``run_extract`` with the exits typer's standalone mode gives: one line and the
    code for a Failure, 130 on Ctrl-C, 1 quietly when standard output is a closed pipe."""
    try:
        return run_extract(**request, tell=_tell)
    except Failure as failure:
        _tell(f"planparse: {printable(failure.message)}")
        return failure.code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except OSError as error:
        if error.errno != errno.EPIPE:
            raise
        _quiet_broken_pipe()
        return EXIT_INPUT


def _quiet_broken_pipe() -> None:
    """What click does on EPIPE: nothing more is said, not even at the final flush."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        try:
            os.dup2(devnull, stream.fileno())
        except (OSError, ValueError, AttributeError):
            pass
