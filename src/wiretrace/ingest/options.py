"""Settings of the ingest stage, declared once and passed as an argument (never read from a global)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version


def _version() -> str:
    try:
        return version("wiretrace")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


DEFAULT_USER_AGENT = f"wiretrace/{_version()} (+https://github.com/wiretrace/wiretrace)"


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How inputs are read.

    ``max_bytes`` caps each document (a file, a fetched page, one JSONL line, one WARC record); over it
    the input is skipped with E003. Containers that must be parsed whole (a ``.json`` file, a feed) are
    held to the same cap. ``public_hosts_only`` is for a server fetching what a caller names (``POST
    /api/reports``): it must not be made to read its own machine or network for the caller.
    """

    max_bytes: int = 5_000_000
    follow_links: bool = False  # feeds: fetch each entry's link instead of using the entry's content
    public_hosts_only: bool = False  # refuse a URL (or a redirect) to a loopback, private or reserved address
    timeout: float = 20.0  # seconds, for every HTTP phase (connect, read, write, pool)
    user_agent: str = DEFAULT_USER_AGENT

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise ValueError(f"max_bytes must be positive, got {self.max_bytes}")
        if self.timeout <= 0:
            raise ValueError(f"timeout must be positive, got {self.timeout}")
