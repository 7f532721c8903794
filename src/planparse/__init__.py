"""planparse: Thai development plan texts to validated structured documents.

    >>> import planparse
    >>> document = planparse.parse("วิสัยทัศน์\\n“เมืองน่าอยู่”")
    >>> document.vision.text
    'เมืองน่าอยู่'
"""

from __future__ import annotations

__version__ = "0.1.0"  # first: modules that import the package read it

from . import diagnostics, model
from .errors import PlanParseError
from .model import PlanDocument
from .parser import parse, parse_bytes, parse_file
from .pdf import OcrMode, PdfOptions
from .writers import render, to_json, to_yaml

__all__ = [
    "OcrMode",
    "PdfOptions",
    "PlanDocument",
    "PlanParseError",
    "__version__",
    "diagnostics",
    "model",
    "parse",
    "parse_bytes",
    "parse_file",
    "render",
    "to_json",
    "to_yaml",
]
