"""Reading an input: a file, a pipe or standard input, within a size limit.

A plan is at most a few megabytes of text. Reading is bounded so that a device that
never ends (``/dev/zero``), or a file far larger than any plan, is refused with a reason
instead of filling memory; other devices and sockets are refused before they are read.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from .errors import PlanParseError

# The default limit on what one input may hold, in bytes (``--max-size``, in MB).
DEFAULT_MAX_BYTES = 200 * 1_000_000


def read_input(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES,
               name: str | None = None) -> bytes:
    """The bytes of ``path`` (``-`` is standard input), or PlanParseError saying why they
    cannot be read: missing, a folder, a device, no permission, more than ``max_bytes``.
    The message names the file ``name`` (by default, ``path``)."""
    if str(path) == "-":
        return _read_bounded(sys.stdin.buffer, name or "standard input", max_bytes)
    name = name or str(path)
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise PlanParseError(f"{name}: is a folder, not a file")
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise PlanParseError(f"{name}: is a device or socket, not a file")
        with open(path, "rb") as stream:
            return _read_bounded(stream, name, max_bytes)
    except FileNotFoundError:
        raise PlanParseError(f"{name}: no such file") from None
    except PermissionError:
        raise PlanParseError(f"{name}: permission denied") from None
    except OSError as error:
        raise PlanParseError(f"{name}: cannot be read ({error.strerror or error})") from None


def _read_bounded(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise PlanParseError(f"{name}: holds more than {max_bytes / 1_000_000:g} MB, which is "
                             "more than a plan text (raise --max-size to read it)")
    return data
