"""Ingest: turn files, folders, URLs, feeds, JSON records and WARC archives into ``Document`` records.

    inputs ──expand_inputs──▶ Source ──read_source──▶ Document | Skipped

``iter_documents`` does both steps; a caller that shows progress lists the sources first, then reads
each with ``read_source``. Nothing here raises for a bad input: it is yielded as a ``Skipped``.
"""

from wiretrace.ingest.inputs import expand_inputs, iter_documents, read_source
from wiretrace.ingest.options import IngestOptions
from wiretrace.ingest.source import Source

__all__ = ["IngestOptions", "Source", "expand_inputs", "iter_documents", "read_source"]
