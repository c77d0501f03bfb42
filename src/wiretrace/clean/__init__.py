"""The clean stage: a raw ``Document`` becomes an ``Article`` (typed segments, comments, provenance).

HTML goes through trafilatura (``clean.html``); plain text that was already scraped goes through our own
line classifier (``clean.text``), because no library cleans text that has lost its markup.
"""

from __future__ import annotations

from wiretrace.clean.blocks import Cleaned, to_article
from wiretrace.clean.language import detect_language
from wiretrace.records import Article, Document, SegmentKind

__all__ = ["clean"]


def clean(document: Document) -> Article:
    """Clean one document; raises ``InputError`` when nothing usable is left."""
    cleaned = _clean_by_type(document)
    body = " ".join(b.text for b in cleaned.blocks if b.kind is not SegmentKind.PROVENANCE)
    return to_article(document, cleaned, language=detect_language(body))


def _clean_by_type(document: Document) -> Cleaned:
    if document.media_type == "text/html":
        from wiretrace.clean.html import clean_html

        return clean_html(document.text, url=document.url, location=document.location)
    from wiretrace.clean.text import clean_text

    return clean_text(document.text, title_hint=document.title)
