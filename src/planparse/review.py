"""Review pages: a plan shown on its source, to check by eye, and an index of a batch.

An analyst reads ``review_page``'s HTML beside the text planparse read: selecting an item
lights up its lines, selecting a line shows its item, lines no item uses are dimmed, and
each warning points at its lines. ``index_page`` lists the files of a batch with their
counts, linking to their pages.

Each page is one self-contained file that opens from the file system with no network: the
CSS, the plain JavaScript and the data are inline (``templates/``), and the page draws
itself from the document it embeds, the same JSON the ``json`` format writes. The script
puts every text into the page as text, never as HTML, and the embedded JSON has ``<``,
``>`` and ``&`` escaped, so a plan holding ``</script>`` can neither close the data block
nor run anything.

Building a page is a pure function of its inputs: what it is made from is read by
``review_input``; reading files and writing pages are the callers' (the CLI's and the
batch's).
"""

from __future__ import annotations

import base64
import html
import json
import string
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence, Union
from urllib.parse import quote

from . import __version__
from .flat import KINDS, count_items
from .model import STRATEGY_LISTS, Item, PlanDocument
from .outputs import write_atomically

# Each kind of item as the page heads it: the word the plans use, then the English name
# of the list (flat.KINDS order).
KIND_NAMES = (
    ("vision", "วิสัยทัศน์", "vision"),
    ("mission", "พันธกิจ", "missions"),
    ("goal", "เป้าประสงค์", "goals"),
    ("strategy", "ยุทธศาสตร์", "strategies"),
    ("guideline", "แนวทางการพัฒนา", "guidelines"),
    ("indicator", "ตัวชี้วัด", "indicators"),
    ("tactic", "กลยุทธ์", "tactics"),
)
# (document field, kind) of the plan's own lists and of a strategy's, in the model's
# order: every field that holds Items, its kind the field's name in the singular (as flat).
_PLAN_LISTS = tuple((name, name.removesuffix("s"))
                    for name, field in PlanDocument.model_fields.items()
                    if field.annotation == list[Item])
_STRATEGY_LISTS = tuple((name, name.removesuffix("s")) for name in STRATEGY_LISTS)

INDEX_NAME = "index.html"


@dataclass(frozen=True)
class ReviewSource:
    """The text planparse read, as the review page shows it beside the plan.

    ``lines`` are the lines the spans count (line 1 is ``lines[0]``). ``pages``, when the
    text has pages, gives each line's 1-based page, and ``images`` may hold a PNG of a
    page (by page number) to show beside its lines.
    """

    lines: Sequence[str]
    pages: Optional[Sequence[int]] = None
    images: Mapping[int, bytes] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.pages is not None and len(self.pages) != len(self.lines):
            raise ValueError(f"{len(self.pages)} page numbers for {len(self.lines)} lines")


def review_page(document: Union[PlanDocument, Mapping[str, Any]], source: ReviewSource,
                title: Optional[str] = None, index: Optional[str] = None) -> str:
    """The review page of ``document`` (a PlanDocument or its JSON dict) on ``source``;
    ``index``, the path of a batch's index relative to the page, puts a link to it on top."""
    plain = _plain(document)
    payload = {
        "index": None if index is None else quote(index),
        "document": plain,
        "kinds": KIND_NAMES,
        "plan_lists": _PLAN_LISTS,
        "strategy_lists": _STRATEGY_LISTS,
        "lines": list(source.lines),
        "pages": None if source.pages is None else list(source.pages),
        "images": {str(page): base64.b64encode(png).decode("ascii")
                   for page, png in source.images.items()},
    }
    return _page("review", title or _review_title(plain), payload)


def _plain(document: Union[PlanDocument, Mapping[str, Any]]) -> Mapping[str, Any]:
    """The JSON dict of a document, which is what the page embeds."""
    return document if isinstance(document, Mapping) else document.model_dump(mode="json")


def _review_title(document: Mapping[str, Any]) -> str:
    source = document.get("source")
    organization = document.get("organization")
    named = [organization["name"]] if organization else []
    if source:
        named.append(source["path"])
    return " · ".join(named + ["planparse review"])


@dataclass(frozen=True)
class IndexEntry:
    """One input of a batch, as a row of the index: what it holds, or why it failed.

    ``page`` is the path of its review page relative to the index (None for a failed
    file), which the index quotes into a link; ``counts`` has every kind of ``flat.KINDS``.
    """

    file: str
    page: Optional[str]
    organization: Optional[str] = None
    period: Optional[str] = None
    counts: Mapping[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    warnings: int = 0
    failure: Optional[str] = None

    @classmethod
    def of_document(cls, file: str, document: PlanDocument, page: str) -> IndexEntry:
        """The row of a converted file, from its PlanDocument."""
        period = document.period
        return cls(
            file=file,
            page=page,
            organization=document.organization.name if document.organization else None,
            period=f"{period.start_year}-{period.end_year}" if period else None,
            counts=count_items(document),
            warnings=len(document.warnings),
        )

    @classmethod
    def failed(cls, file: str, reason: str) -> IndexEntry:
        """The row of a file that could not be converted, with the one-line reason."""
        return cls(file=file, page=None, failure=reason)


def index_page(entries: Sequence[IndexEntry], title: str = "planparse batch") -> str:
    """The index of a batch: a sortable, filterable table of ``entries`` and a chart."""
    payload = {
        "title": title,
        "kinds": KIND_NAMES,
        "entries": [
            {"file": entry.file, "page": None if entry.page is None else quote(entry.page),
             "organization": entry.organization,
             "period": entry.period, "counts": {kind: entry.counts[kind] for kind in KINDS},
             "warnings": entry.warnings, "failure": entry.failure}
            for entry in entries
        ],
    }
    return _page("index", title, payload)


def write_index(folder: Path, entries: Sequence[IndexEntry], title: str = "planparse batch") -> Path:
    """Write ``index.html`` into ``folder`` whole (atomically); the path written."""
    path = folder / INDEX_NAME
    write_atomically(path, index_page(entries, title).encode("utf-8"))
    return path


def _page(kind: str, title: str, payload: Mapping[str, Any]) -> str:
    style, script = _assets(kind)
    return _skeleton().substitute(version=__version__, title=html.escape(title), style=style,
                                  script=script, data=script_json(payload))


def script_json(value: object) -> str:
    """``value`` as JSON that can stand inside a ``<script>`` element.

    ``<``, ``>`` and ``&`` are written as ``\\u003c``-style escapes, which JSON.parse reads
    back as the same characters, so no ``</script>`` or ``<!--`` can occur in it (the
    escapes Django's ``json_script`` uses). Thai stays as UTF-8, a third of the size of
    ``\\u0e..`` escapes.

    >>> script_json({"text": "</script><b>&"})
    '{"text": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@lru_cache(maxsize=None)
def _skeleton() -> string.Template:
    return string.Template(_template("page.html"))


@lru_cache(maxsize=None)
def _assets(kind: str) -> tuple[str, str]:
    """The inline style and script of a page of ``kind`` ("review" or "index")."""
    return _template("common.css") + _template(f"{kind}.css"), _template(f"{kind}.js")


def _template(name: str) -> str:
    return resources.files(__package__).joinpath("templates", name).read_text("utf-8")
