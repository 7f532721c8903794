"""Documents to text: one dispatch table of formats, which fails loudly on others.

Thai stays Thai: JSON is written with ``ensure_ascii`` off and YAML with
``allow_unicode``, never as ``\\u0e..`` escapes. PyYAML is imported only for YAML.
"""

from __future__ import annotations

import json
from typing import Callable

from .errors import PlanParseError
from .model import PlanDocument


def to_json(document: PlanDocument) -> str:
    return json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def to_yaml(document: PlanDocument) -> str:
    import yaml

    return yaml.safe_dump(document.model_dump(mode="json"), allow_unicode=True,
                          sort_keys=False, width=float("inf"))


WRITERS: dict[str, Callable[[PlanDocument], str]] = {
    "json": to_json,
    "yaml": to_yaml,
}


def render(document: PlanDocument, format: str) -> str:
    """The document in ``format``; PlanParseError names the formats there are."""
    try:
        writer = WRITERS[format]
    except KeyError:
        known = ", ".join(sorted(WRITERS))
        raise PlanParseError(f"unknown output format {format!r} (choose one of: {known})") from None
    return writer(document)
