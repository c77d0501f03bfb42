"""The stage's entry points: list the inputs (cheap, for a progress bar), then read each one.

Every problem with one input becomes a ``Skipped`` here, at the edge, and the other inputs go on.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from wiretrace.errors import Code, InputError
from wiretrace.ingest.files import read_file, walk
from wiretrace.ingest.http import is_url, looks_like_url
from wiretrace.ingest.options import IngestOptions
from wiretrace.ingest.route import read_url
from wiretrace.ingest.source import Source, to_skipped
from wiretrace.records import Document, Skipped


def expand_inputs(inputs: Sequence[str | Path], options: IngestOptions) -> list[Source]:
    """One ``Source`` per file (folders listed recursively) or URL, in the order given; nothing is read.

    ``options`` is accepted so that listing rules can grow without changing the signature.
    """
    del options  # no listing rule depends on the options yet
    if isinstance(inputs, str | Path):
        raise TypeError(f"inputs must be a list of paths or URLs; wrap the single input: [{str(inputs)!r}]")
    sources: list[Source] = []
    for item in inputs:
        sources.extend(_expand(item))
    return sources


def read_source(source: Source, options: IngestOptions) -> Iterator[Document | Skipped]:
    """The documents of one listed input; a problem with it is yielded as a ``Skipped``, never raised."""
    if source.skipped is not None:
        yield source.skipped
        return
    try:
        if source.url is not None:
            yield from read_url(source.url, options)
        elif source.path is not None:
            yield from read_file(source, options)
    except InputError as error:
        yield to_skipped(error)


def iter_documents(inputs: Sequence[str | Path], options: IngestOptions) -> Iterator[Document | Skipped]:
    """Every document in ``inputs`` (paths, folders, URLs), and a ``Skipped`` for each one rejected."""
    for source in expand_inputs(inputs, options):
        yield from read_source(source, options)


def _expand(item: str | Path) -> Iterator[Source]:
    text = str(item)
    if isinstance(item, str) and is_url(text):
        yield Source(text, url=text)
    elif isinstance(item, str) and looks_like_url(text):
        yield Source(text, skipped=to_skipped(_unreadable_url(text)))
    elif Path(item).is_dir():
        yield from walk(Path(item), text)
    else:
        yield Source(text, path=Path(item))


def _unreadable_url(text: str) -> InputError:
    try:
        scheme = urlsplit(text).scheme
    except ValueError as exc:
        return InputError(text, Code.E009, f"malformed URL ({exc})")
    return InputError(text, Code.E005, f"{scheme}://")
