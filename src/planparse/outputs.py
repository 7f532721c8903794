"""Writing outputs safely: a whole file under its name or nothing, no litter, no bad names.

A file is written to a temporary file in the same folder (so the rename cannot cross file
systems) and renamed into place, so a reader never sees half a file. Every temporary name
carries one marker, so what a killed process left behind can be found and removed
without touching anything else in the folder.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import Iterable, Optional

TEMPORARY_PREFIX = ".planparse-"
TEMPORARY_SUFFIX = ".tmp"


def write_atomically(path: Path, data: bytes, replace: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file, then rename it into place.

    With ``replace`` off, FileExistsError when ``path`` exists at the moment of the rename,
    even if it appeared after a check before: the temporary file is linked to the name,
    which fails on an existing one, where a rename would replace it. The temporary name
    does not repeat ``path``'s name: a long Thai file name plus a prefix could pass the
    file system's limit on name length.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX,
                                         dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, _usual_file_mode())
        if replace or not _linked(temporary, path):
            os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    Path(temporary).unlink(missing_ok=True)


def _linked(temporary: str, path: Path) -> bool:
    """Give the temporary file the name ``path`` too, unless it exists (FileExistsError);
    False where the file system has no hard links (then a rename must do)."""
    try:
        os.link(temporary, path)
    except OSError:
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, "already exists", str(path)) from None
        return False
    return True


def _usual_file_mode() -> int:
    """What ``open`` would give a new file: mkstemp makes it readable by its owner only."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def remove_leftovers(folders: Iterable[Path]) -> list[Path]:
    """Delete the temporary files a killed or interrupted writer left in ``folders``.

    Returns what was removed. Only names with the marker of ``write_atomically`` are
    touched, so a user's own files in an output folder are safe.
    """
    removed = []
    for folder in set(folders):
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            if path.name.startswith(TEMPORARY_PREFIX) and path.name.endswith(TEMPORARY_SUFFIX):
                path.unlink(missing_ok=True)
                removed.append(path)
    return removed


def printable(name: str) -> str:
    """``name`` with the bytes that are not UTF-8 written as escapes (``\\xff``).

    Linux hands such bytes of a file name over as surrogate characters, which no output
    document, report or terminal line can hold.
    """
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


# C0 and C1 controls (with DEL): a terminal takes them, and ESC sequences, as commands.
_TERMINAL_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def terminal_text(line: str, keep: str = "") -> str:
    r"""``line`` fit for a terminal: what ``printable`` escapes, and every control character
    but those in ``keep`` (a newline too, so a line stays one) written as an escape (``\x1b``).

    >>> terminal_text("plan\x1b[2J.txt")
    'plan\\x1b[2J.txt'
    >>> terminal_text("page one\fpage two\x07", keep="\f")
    'page one\x0cpage two\\x07'
    """
    return _TERMINAL_CONTROL.sub(
        lambda match: match.group() if match.group() in keep else f"\\x{ord(match.group()):02x}",
        printable(line))


def file_sha256(path: Path) -> Optional[str]:
    """The SHA-256 of a file's bytes, or None when it is missing or cannot be read."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()
