"""Reading a text's times in the local time of the place it is about.

A text's clock times and dates are local ("on the night of 6 January" in a report about Lima is Lima's
night). In wiretrace's pipeline the times component runs after places and reads the times in the zone
of the main city (the one with a time zone the text mentions most) unless the caller gave one
(``doc._.timezone``). ``relocate_times`` is the fallback for a user's pipeline that ran times before
places: claim assembly calls it, and it does nothing once a zone is set.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from spacy.tokens import Doc

from wiretrace.extract.timex import find_times


def relocate_times(doc: Doc) -> None:
    """Read ``doc._.times`` again in the main city's time zone (see the module docstring)."""
    if doc._.timezone is not None or not any(t.resolved for t in doc._.times or ()):
        return  # an unresolved time carries no zone: reading it again would change nothing
    zone = main_timezone(doc)
    if zone is not None:
        doc._.timezone = zone
        doc._.times = find_times(doc.text, anchor=doc._.published_at, tz=zone, year_hint=doc._.year_hint)


def main_timezone(doc: Doc) -> ZoneInfo | None:
    """The time zone of the city (or facility in a city) the document mentions most, if any."""
    counts: dict[str, int] = {}
    for mention in doc._.places or ():
        if mention.place.timezone:
            counts[mention.place.timezone] = counts.get(mention.place.timezone, 0) + 1
    if not counts:
        return None
    try:
        return ZoneInfo(max(counts, key=lambda z: counts[z]))
    except (ZoneInfoNotFoundError, ValueError):
        return None
