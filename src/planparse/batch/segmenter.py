"""Imported by the fork server of a batch with --database, never by planparse itself
(``storing.SEGMENTER_MODULE``): the segmenter that cuts the index's words is loaded there,
once, and every worker forked from the server has it from its start, instead of each
loading it before its first document (about 0.1 s of CPU a worker, see pool.py for why
workers are forked from a server)."""

from ..fulltext import load_segmenter

load_segmenter()
