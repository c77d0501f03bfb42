"""What a page says about where its text comes from: copyright holders, repost markers, the host.

``copyright_holder`` reads the publisher out of a copyright line ("(C)Agency 2021" -> "Agency"),
``repost_source`` the original publisher out of an "Originally published by X" line, and ``host_of``
names the kind of site the widgets show (a WordPress or Blogger blog).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from wiretrace.clean.text_lexicon import COPYRIGHT_NOISE, HOST_MARKERS
from wiretrace.clean.text_lines import Line

MAX_HOLDER_WORDS = 8
MAX_HOST_LINE_WORDS = 30
_HOLDER_END = re.compile(r"\s*(?:[,;|]|\.\s|\.$|\s[-–—]\s|\s{2,})")
_ORIGINAL = re.compile(
    r"(?:originally|first)\s+(?:published|appeared|posted)\s+(?:at|on|in|by)\s+(?P<outlet>[^.,;:|()]{2,60}?)"
    r"\s*(?:[.,;:|(]|\s+on\s|\s+at\s|$)",
    re.IGNORECASE,
)


def copyright_holder(text: str) -> str | None:
    """The holder a copyright line names, without marks, years or "all rights reserved"."""
    rest = COPYRIGHT_NOISE.sub(" ", text).strip(" \t\u00a0-–—:,.;|")
    cut = _HOLDER_END.search(rest)
    holder = (rest[: cut.start()] if cut else rest).strip(" \t\u00a0\"'“”«»")
    if not holder or len(holder.split()) > MAX_HOLDER_WORDS or not any(ch.isalpha() for ch in holder):
        return None
    return holder


def repost_source(text: str) -> str | None:
    """The publisher an "originally published by/at X" line names, if any."""
    match = _ORIGINAL.search(text)
    if not match:
        return None
    outlet = match.group("outlet").strip(" \t\u00a0\"'“”")
    if outlet.lower().startswith(("the ", "this ")) and len(outlet.split()) <= 1:
        return None
    return outlet or None


def host_of(lines: Iterable[Line]) -> str | None:
    """The kind of site the page's widgets betray, or None."""
    for line in lines:
        if line.n_words > MAX_HOST_LINE_WORDS:
            continue
        for pattern, host in HOST_MARKERS:
            if pattern.search(line.content):
                return host
    return None
