"""The clean stage: a raw ``Document`` becomes an ``Article`` (typed segments, comments, provenance).

HTML goes through trafilatura (``clean.html``); plain text that was already scraped goes through our own
line classifier (``clean.text``), because no library cleans text that has lost its markup.
"""

from __future__ import annotations

from wiretrace.clean.blocks import Cleaned, to_article
from wiretrace.clean.language import detect_language
from wiretrace.errors import Code, InputError
from wiretrace.records import Article, Document, SegmentKind

__all__ = ["clean"]


TEXT_KINDS = frozenset({SegmentKind.STANDFIRST, SegmentKind.BODY, SegmentKind.HEADING})


def clean(document: Document) -> Article:
    """Clean one document; raises ``InputError`` when no article text is left (E006, E016)."""
    cleaned = _clean_by_type(document)
    if not any(b.kind in TEXT_KINDS and b.text.strip() for b in cleaned.blocks):
        dropped = f"{len(cleaned.boilerplate)} line(s) dropped as page furniture" if cleaned.boilerplate else "empty"
        raise InputError(document.location, Code.E016, dropped)
    body = " ".join(b.text for b in cleaned.blocks if b.kind is not SegmentKind.PROVENANCE)
    return to_article(document, cleaned, language=detect_language(body))


def _clean_by_type(document: Document) -> Cleaned:
    from wiretrace.clean.text import clean_text

    if document.media_type != "text/html":
        return clean_text(document.text, title_hint=document.title)
    from wiretrace.clean.html import clean_html

    try:
        return clean_html(document.text, url=document.url, location=document.location)
    except InputError as exc:
        if exc.code is not Code.E006:
            raise
    return _clean_fragment(document, clean_text)


def _clean_fragment(document: Document, clean_text) -> Cleaned:  # type: ignore[no-untyped-def]
    """HTML that is no page (a feed entry's content, a JSON record's ``html``): trafilatura looks for a
    page's main block and finds none, so the fragment is rendered to text and cleaned as text."""
    import inscriptis

    text = inscriptis.get_text(document.text)
    if not text.strip():
        raise InputError(document.location, Code.E006, "the HTML holds no visible text")
    return clean_text(text, title_hint=document.title)
