"""planparse: Thai development plan texts to validated structured documents.

    >>> import planparse
    >>> document = planparse.parse("วิสัยทัศน์\\n“เมืองน่าอยู่”")
    >>> document.vision.text
    'เมืองน่าอยู่'

The names below are loaded on first use (PEP 562): ``planparse extract`` imports this
package, and importing the pydantic model would cost it more than all of its own work
(benchmarks/README.md, "The CLI").
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .errors import PlanParseError

if TYPE_CHECKING:
    from .model import PlanDocument
    from .parser import parse, parse_bytes, parse_file
    from .writers import render, to_json, to_yaml

__version__ = "0.1.0"

__all__ = [
    "PlanDocument",
    "PlanParseError",
    "__version__",
    "parse",
    "parse_bytes",
    "parse_file",
    "render",
    "to_json",
    "to_yaml",
]

# name: the module that defines it
_LAZY = {
    "PlanDocument": "model",
    "parse": "parser",
    "parse_bytes": "parser",
    "parse_file": "parser",
    "render": "writers",
    "to_json": "writers",
    "to_yaml": "writers",
}


def __getattr__(name: str) -> object:
    """The public names, and the submodules (``planparse.diagnostics``), on first use."""
    if name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    elif not name.startswith("_"):
        try:
            value = importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
