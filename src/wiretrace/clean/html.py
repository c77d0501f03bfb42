"""Clean an HTML page into typed blocks, reader comments and publication metadata.

trafilatura finds the article (body, title, site name, comment section) and htmldate, which trafilatura
calls, the publication date. This module maps trafilatura's result onto ``Cleaned``:

- the title becomes a TITLE block, each line of the extracted body a BODY block (a HEADING block when
  trafilatura marked it as a heading);
- the comment section becomes ``Comment`` records, one per paragraph trafilatura kept there, never body;
- ``published_at`` is timezone-aware (UTC when the page gives no offset). A date from the page's metadata
  or URL is taken as given; one found only by htmldate's extensive search (dates in the visible text) is
  marked ``published_at_inferred``, and a bare year found that way (a copyright line) is not used.

Hostile pages are made safe in ``html_tree`` before and after extraction. A page without article text
raises ``InputError`` with code E006; any other failure of the extractor on one page raises E014, so one
page never stops a run.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import htmldate
import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document as ExtractedPage

from wiretrace.clean.blocks import Block, Cleaned
from wiretrace.clean.html_tree import load_tree, scrub_text
from wiretrace.errors import Code, InputError
from wiretrace.records import Comment, SegmentKind

DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"  # htmldate output: keeps the time and the UTC offset when the page has them
_SPACES = re.compile(r"\s+")
# trafilatura's last-resort site name is this group of the page URL (its ``META_URL``)
_URL_HOST = re.compile(r"https?://(?:www\.|w[0-9]+\.)?([^/]+)")


def clean_html(html: str, *, url: str | None = None, location: str | None = None) -> Cleaned:
    """Extract the article of one HTML page.

    Args:
        html: the page, already decoded to text.
        url: where the page came from; helps trafilatura resolve metadata and htmldate read URL dates.
        location: names the input in errors (defaults to ``url``).

    Raises:
        InputError: E006 when the page holds no article text; E014 when the extractor fails on it.
    """
    where = location or url or "<html>"
    tree = load_tree(html) if html.strip() else None
    if tree is None:
        raise InputError(where, Code.E006, "the input is empty or not HTML")
    page = _extract(tree, url, where)
    body = _body_blocks(page)
    if not body:
        raise InputError(where, Code.E006, "the extractor kept no body paragraph")
    title = _one_line(scrub_text(page.title or ""))
    if title and len(body) > 1 and _same_text(body[0].text, title):
        body = body[1:]  # the headline repeated as the first body line is the title, not a paragraph
    published_at, inferred = _published(page, tree, url)
    return Cleaned(
        blocks=((Block(SegmentKind.TITLE, title),) if title else ()) + tuple(body),
        comments=_comments(page),
        outlet=_outlet(page, url),
        published_at=published_at,
        published_at_inferred=inferred,
    )


def _extract(tree: HtmlElement, url: str | None, where: str) -> ExtractedPage:
    """Run trafilatura with metadata and comment capture; turn its silent ``None`` into E006."""
    try:
        page = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=True,
            date_extraction_params={"original_date": True, "extensive_search": False, "outputformat": DATE_FORMAT},
        )
    # trafilatura catches only its own ValueError/TypeError; anything else it raises on one page (a
    # parser or recursion error on a pathological tree) must not stop the run, so it becomes E014.
    except Exception as err:  # noqa: BLE001
        raise InputError(where, Code.E014, f"trafilatura raised {type(err).__name__}: {err}") from err
    if page is None or not isinstance(page, ExtractedPage):
        raise InputError(where, Code.E006, "trafilatura found no main text")
    return page


def _body_blocks(page: ExtractedPage) -> list[Block]:
    """One block per line of trafilatura's text; lines that are whole ``<head>`` elements are headings."""
    headings = {_one_line("".join(el.itertext())) for el in page.body.iter("head")} if page.body is not None else set()
    blocks = []
    for line in (page.text or "").split("\n"):
        text = _one_line(scrub_text(line))
        if text:
            kind = SegmentKind.HEADING if text in headings else SegmentKind.BODY
            blocks.append(Block(kind, text))
    return blocks


def _comments(page: ExtractedPage) -> tuple[Comment, ...]:
    """One ``Comment`` per element of trafilatura's comment section (it keeps no author or likes)."""
    section = page.commentsbody
    if section is None:
        return ()
    texts = (_one_line(scrub_text("".join(element.itertext()))) for element in section)
    return tuple(Comment(text=text) for text in texts if text)


def _published(page: ExtractedPage, tree: HtmlElement, url: str | None) -> tuple[datetime | None, bool]:
    """The date from the page's metadata, else from htmldate's extensive search (then marked inferred)."""
    found = _as_datetime(page.date)
    if found is not None:
        return found, False
    try:
        guessed = htmldate.find_date(tree, extensive_search=True, original_date=True, outputformat=DATE_FORMAT, url=url)
    except Exception:  # noqa: BLE001 -- a date guess is optional: failing to guess is no reason to drop the page
        return None, False
    found = _as_datetime(guessed)
    if found is None or _year_only(found):
        return None, False
    return found, True


def _year_only(value: datetime) -> bool:
    """htmldate reports a bare year (a copyright line, mostly) as 1 January: too coarse to anchor times."""
    return (value.month, value.day, value.hour, value.minute, value.second) == (1, 1, 0, 0, 0)


def _as_datetime(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _outlet(page: ExtractedPage, url: str | None) -> str | None:
    """The site name the page declares; trafilatura's last resort (the URL's host name) is no outlet."""
    name = _one_line(scrub_text(page.sitename or ""))
    if not name:
        return None
    hosts = {match[1] for address in (url, page.url) if address and (match := _URL_HOST.match(address))}
    return None if name in hosts else name


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _same_text(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()
