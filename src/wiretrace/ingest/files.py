"""Files and folders: list a folder (recursive, sorted, hidden entries skipped, never leaving it) and read
one file, streaming the container kinds (WARC, JSON Lines) whose size has no bearing on any one document."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from wiretrace.errors import Code, InputError
from wiretrace.ingest.options import IngestOptions
from wiretrace.ingest.records_json import read_jsonl
from wiretrace.ingest.route import read_sniffed
from wiretrace.ingest.sniff import HEAD_BYTES, Kind, sniff
from wiretrace.ingest.source import Origin, Payload, Source, to_skipped
from wiretrace.ingest.warc import read_warc
from wiretrace.records import Document, Skipped

_STREAMED = {Kind.WARC: read_warc, Kind.JSONL: read_jsonl}


def walk(folder: Path, location: str) -> Iterator[Source]:
    """The files under ``folder``, in name order, as sources located under ``location`` (as the user
    wrote it). Symbolic links are followed only while they stay inside the folder; a link to a folder
    inside it is passed over, since its files are listed under their real path."""
    yield from _walk(folder, Path(location), folder.resolve())


def _walk(folder: Path, location: Path, root: Path) -> Iterator[Source]:
    try:
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError as error:
        yield _problem(str(location), Code.E013, error.strerror or error)
        return
    for name in names:
        if name.startswith("."):
            continue
        path, shown = folder / name, location / name
        if path.is_symlink():
            yield from _link(path, shown, root)
        elif path.is_dir():
            yield from _walk(path, shown, root)
        else:
            yield Source(str(shown), path=path, root=root)


def _link(path: Path, shown: Path, root: Path) -> Iterator[Source]:
    target = path.resolve()
    if not target.is_relative_to(root):
        yield _problem(str(shown), Code.E010, f"a symbolic link to {target}")
    elif not target.exists():
        yield _problem(str(shown), Code.E013, "a broken symbolic link")
    elif not target.is_dir():
        yield Source(str(shown), path=path, root=root)


def _problem(location: str, code: Code, *args: object) -> Source:
    return Source(location, skipped=to_skipped(InputError(location, code, *args)))


def read_file(source: Source, options: IngestOptions) -> Iterator[Document | Skipped]:
    """The documents in one file. Raises ``InputError`` when the file as a whole cannot be used.

    A file listed from a folder is checked again against that folder: a link changed since the listing
    must not lead out of it.
    """
    assert source.path is not None
    path, location = source.path, source.location
    if source.root is not None and not path.resolve().is_relative_to(source.root):
        raise InputError(location, Code.E010, f"it now resolves to {path.resolve()}")
    info = _stat(path, location)
    origin = Origin(location, datetime.fromtimestamp(info.st_mtime, UTC))
    try:
        with path.open("rb") as stream:
            head = stream.read(HEAD_BYTES)
            sniffed = sniff(head, path.name)
            if sniffed.kind in _STREAMED:
                stream.seek(0)
                yield from _STREAMED[sniffed.kind](stream, origin, options)
                return
            if info.st_size > options.max_bytes:
                raise InputError(location, Code.E003, info.st_size, options.max_bytes)
            raw = head + stream.read(options.max_bytes + 1 - len(head))
    except OSError as error:
        raise InputError(location, Code.E013, error.strerror or error) from error
    if len(raw) > options.max_bytes:  # the file grew since it was listed
        raise InputError(location, Code.E003, len(raw), options.max_bytes)
    yield from read_sniffed(Payload(raw, origin, path.name), sniffed, options)


def _stat(path: Path, location: str) -> os.stat_result:
    try:
        info = path.stat()
    except FileNotFoundError as error:
        raise InputError(location, Code.E012) from error
    except OSError as error:
        raise InputError(location, Code.E013, error.strerror or error) from error
    if not stat.S_ISREG(info.st_mode):
        raise InputError(location, Code.E013, "not a regular file (a device, pipe or socket)")
    if info.st_size == 0:
        raise InputError(location, Code.E001)
    return info
