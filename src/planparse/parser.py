"""The pipeline: text in, document out, one stage a module.

    read (decode, or a PDF's pages) → normalise and split lines → layout → recognise
    → join → assemble

The stages between the lines and the tree are listed once, in ``STAGES``; each takes
the lines of the one before and hands its own on one at a time (generators), so that a
large file is held as its lines and its rows, not as every intermediate list at once.

``parse`` is a pure function of the text; ``parse_bytes`` adds decoding and the source
details, ``parse_file`` reading. Only ``parse_file`` touches the file system.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .assemble import Assembler
from .diagnostics import warning
from .inputs import read_input
from .join import fold_continuations, read_by_neighbours, settle
from .layout import layout
from .metadata import find_organization, find_period
from .model import PlanDocument, Source, Span, Warning
from .normalize import control_warnings, normalize_text
from .pdf import PdfOptions
from .reading import ReadText, place_on_pages, read_text
from .recognise import recognise


def _recognise_all(lines: Iterable[Any]) -> Iterator[Any]:
    return (typed for line in lines for typed in recognise(line))


def _settle_all(lines: Iterable[Any]) -> Iterator[Any]:
    return map(settle, lines)


# Normalised lines to typed lines, in order: (name, stage).
STAGES: tuple[tuple[str, Callable[[Any], Iterable[Any]]], ...] = (
    ("layout", layout),  # physical lines → logical lines (pages, columns, broken lines)
    ("recognise", _recognise_all),  # logical lines → typed lines, each read alone
    ("neighbours", read_by_neighbours),  # a line between two items, read by what they say of it
    ("join", fold_continuations),  # a line that goes on from the one above joins it
    ("settle", _settle_all),  # trailing lead-ins cut off, what they announce kept
)


def parse(text: str | bytes) -> PlanDocument:
    """Parse the text of a plan into a document (``source`` is left empty); bytes are
    decoded as a file's are, by ``parse_bytes``. TypeError for anything else."""
    if isinstance(text, (bytes, bytearray, memoryview)):
        return parse_bytes(bytes(text))
    if not isinstance(text, str):
        raise TypeError(f"parse() takes the text as str or bytes, not {type(text).__name__}")
    return _parse_lines(normalize_text(text), control_warnings(text))


def _parse_lines(lines: list[str], text_warnings: list[Warning]) -> PlanDocument:
    whole = "\n".join(lines)
    organization = find_organization(whole)
    glyph_warnings = _glyph_warnings(lines) if "(cid:" in whole else []
    blank = not whole or whole.isspace()  # isspace stops at the first other character
    typed: Iterable[Any] = lines
    for _, stage in STAGES:
        typed = stage(typed)
    draft = Assembler(organization).feed(typed)
    warnings = text_warnings + list(draft.warnings) + glyph_warnings
    found = bool(draft.vision or draft.missions or draft.goals or draft.strategies)
    if not found:
        warnings.append(warning(
            "NO_PLAN_FOUND",
            "No vision, mission, goal or strategy was found; " + (
                "the file is empty or holds only white space." if blank
                else "check that this text states a development plan."),
        ))
    return PlanDocument(
        # Whose plan and its years are told only of a text that states a plan (contract
        # decision 11): a text that only mentions plans names bodies and years too.
        organization=organization if found else None,
        period=find_period(whole) if found else None,
        vision=draft.vision,
        missions=draft.missions,
        goals=draft.goals,
        strategies=draft.strategies,
        warnings=warnings,
    )


def _glyph_warnings(lines: list[str]) -> list[Warning]:
    """A CID_GLYPHS warning when the PDF extractor left (cid:NNN) escapes in the text."""
    hits = [number for number, line in enumerate(lines, start=1) if _CID.search(line)]
    if not hits:
        return []
    count = sum(len(_CID.findall(lines[number - 1])) for number in hits)
    return [warning(
        "CID_GLYPHS",
        f"{count} glyph(s) written as (cid:NNN) on {len(hits)} line(s) were kept as they are; "
        f"extract the PDF again with a tool that maps its fonts.",
        Span(start_line=hits[0], end_line=hits[-1]),
    )]


_CID = re.compile(r"\(cid:\d+\)")


def parse_bytes(data: bytes, path: str = "-", pdf: PdfOptions | None = None) -> PlanDocument:
    """Decode raw bytes, or read a PDF's pages as ``pdf`` says, and parse them; ``path``
    is recorded in ``source`` and errors. A PDF's spans carry their page. TypeError when
    ``data`` is not bytes, ``path`` not a str or ``pdf`` not PdfOptions."""
    if not isinstance(data, bytes) or not isinstance(path, str):
        raise TypeError(f"parse_bytes() takes bytes and a str path, not {type(data).__name__} "
                        f"and {type(path).__name__}")
    if pdf is not None and not isinstance(pdf, PdfOptions):
        raise TypeError(f"parse_bytes() takes pdf= as PdfOptions, not {type(pdf).__name__}")
    read = read_text(data, path, pdf)
    encoding, line_pages, lines = read.encoding, read.line_pages, normalize_text(read.text)
    text_warnings = list(read.warnings) + control_warnings(read.text)
    del read  # the lines hold the text now
    return _sourced(_parse_lines(lines, text_warnings), data, path, encoding, line_pages, len(lines))


def parse_read(read: ReadText, data: bytes, path: str = "-") -> PlanDocument:
    """The document ``parse_bytes`` gives of ``data``, from the text ``read_text`` read of
    it: for a caller that needs that text too (the review page shows it), so that a PDF
    is read once."""
    lines = normalize_text(read.text)
    document = _parse_lines(lines, list(read.warnings) + control_warnings(read.text))
    return _sourced(document, data, path, read.encoding, read.line_pages, len(lines))


def _sourced(document: PlanDocument, data: bytes, path: str, encoding: str,
             line_pages: tuple[int, ...] | None, line_count: int) -> PlanDocument:
    """``document`` with its spans on their pages (for a PDF) and its source filled in."""
    if line_pages is not None:
        place_on_pages(document, line_pages)
    document.source = Source(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        line_count=line_count,
    )
    return document


def parse_file(path: str | Path, pdf: PdfOptions | None = None) -> PlanDocument:
    """Read and parse one file (a PDF as ``pdf`` says); raise PlanParseError with a
    one-line reason if it can't."""
    if not isinstance(path, (str, Path)):
        raise TypeError(f"parse_file() takes a path as str or Path, not {type(path).__name__}")
    return parse_bytes(read_input(path), str(path), pdf)
