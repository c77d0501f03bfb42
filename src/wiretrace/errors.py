"""One catalogue of coded errors, and the exception tree raised inside wiretrace.

    WiretraceError                 anything wiretrace raises on purpose; the CLI prints it as one line
    ├── InputError                 one input cannot be used; the run records it as skipped and goes on
    ├── StoreError                 the database cannot be opened or is not a wiretrace database
    └── DataError                  an evaluation data folder is missing or not in the expected format

Every message names what was wrong and what to do. Codes are stable: they appear in the CLI output, in
the ``errors`` table and in JSON, so users can filter on them.
"""

from __future__ import annotations

from enum import StrEnum

from wiretrace.records import Skipped


class Code(StrEnum):
    """Error codes with the message template for each. ``{}`` slots are filled by ``Code.format``."""

    E001 = "empty input: nothing to read"
    E002 = "binary content ({}): not text, HTML, JSON, a feed or WARC; convert it to text first"
    E003 = "too large: {} bytes is over the size cap of {} bytes; raise --max-bytes if it is genuine"
    E004 = "cannot decode the text: {}"
    E005 = "unsupported input type {!r}: give .txt, .html, .json, .jsonl, .xml/.rss/.atom, .warc(.gz) or a URL"
    E006 = "no article text found in the HTML: {}"
    E007 = "WARC archive is damaged: {}; the records read before the damage were kept"
    E008 = "feed entry unusable: {}"
    E009 = "cannot fetch the URL: {}"
    E010 = "path leaves the input folder ({}): not followed"
    E011 = "JSON record unusable: {}"
    E012 = "no such file or folder"
    E013 = "cannot read the file: {}"
    E014 = "cleaning failed: {}; the input was kept in the errors table, the run goes on"
    E015 = "not a feed: {}"
    E016 = "no article text left after cleaning ({}); if it is an article, check the file, else ignore it"
    E017 = "claim extraction failed: {}; the article is stored without claims, the run goes on"
    E018 = "linking failed: {}; the article is stored with its claims and is linked again on the next run"

    def format(self, *args: object) -> str:
        return self.value.format(*args)


class WiretraceError(Exception):
    """Base of every error wiretrace raises on purpose."""


class InputError(WiretraceError):
    """One input cannot be used. Carries its location and code so the run can store it as skipped."""

    def __init__(self, location: str, code: Code, *args: object) -> None:
        self.location = location
        self.code = code
        self.reason = code.format(*args)
        super().__init__(f"{location}: [{code.name}] {self.reason}")

    def as_skipped(self) -> Skipped:
        """The stored form: one printable line, whatever the file name or a library's message held."""
        return Skipped(printable(self.location), self.code.name, printable(" ".join(self.reason.split())))


def printable(text: str) -> str:
    """``text`` with control characters escaped (``\\n``), so no name or message can break a line or
    send terminal escape sequences."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


class StoreError(WiretraceError):
    """The database cannot be used."""


class DataError(WiretraceError):
    """An evaluation data folder is missing or malformed."""
