"""Search as a person types it: words become an FTS5 query, hits become pages with a total.

FTS5 syntax treats ``-``, ``:``, quotes and parentheses as operators, so "Saint-Denis" or an unbalanced
quote would be a syntax error; each word is quoted instead (all words must match, prefixes with a
trailing ``*`` are kept).

Ranking (bm25) costs a score per hit ranked, so a word found in every article of a large database would
cost thousands of scores per page. A search therefore ranks the ``WebOptions.search_cap`` most recently
stored matches, best first, and pages through those; it counts the matches without ranking them, no
further than the cap, and says "at least" when there are more (narrower words reach older ones). A
search matching fewer than the cap ranks every match, as an uncapped search would. (bm25 still reads,
once per query, how many documents hold each word: that pass, not the scores, is what a search of
common words costs on a large database.)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from wiretrace.corpus import Corpus
from wiretrace.errors import WiretraceError
from wiretrace.store.articles import article_titles, count_article_matches, fts_snippets, rank_articles
from wiretrace.store.json_pages import search_claims_json
from wiretrace.store.links import count_claim_matches, search_claims
from wiretrace.web.models import ArticleHit
from wiretrace.web.pagination import Window
from wiretrace.web.snippets import passage, searched_words

MAX_TERMS = 32
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Hits:
    """One page of hits and how many there are (``capped``: at least that many)."""

    items: list
    total: int
    capped: bool


def search_words(text: str) -> list[tuple[str, bool]]:
    """The words of ``text`` a search looks for, each with whether it is a prefix (typed with ``*``)."""
    words = []
    for word in text.split()[:MAX_TERMS]:
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if any(c.isalnum() for c in word):
            words.append((word, prefix))
    return words


def fts_query(text: str) -> str | None:
    """``text`` as an FTS5 query matching every word; None when it has no word to search for."""
    terms = ['"{}"'.format(word.replace('"', '""')) + ("*" if prefix else "") for word, prefix in search_words(text)]
    return " ".join(terms) or None


def article_hits(corpus: Corpus, text: str, win: Window, cap: int) -> Hits:
    """Articles matching ``text``, best first among the ``cap`` most recent matches: one window of them
    with their titles, outlets and passages (``web.snippets``; FTS5's snippet where that finds none)."""
    query = fts_query(text)
    if query is None:
        return Hits([], 0, False)
    conn = corpus.connection
    counted = _fts(lambda: count_article_matches(conn, query, cap=cap + 1), query)
    shown = _window(win, cap)
    ranked = _fts(lambda: rank_articles(conn, query, limit=shown.limit, offset=shown.offset, window=cap), query)
    found = article_titles(conn, ranked, with_text=True)
    words = searched_words(search_words(text))
    passages = {article: passage(body, words) for article, (_, _, body) in found.items()} if words else {}
    if missing := [article for article in ranked if passages.get(article) is None]:
        passages.update(fts_snippets(conn, query, missing))
    items = [ArticleHit(article, *found.get(article, (None, None, ""))[:2], passages.get(article) or "")
             for article in ranked]  # fmt: skip
    return Hits(items, min(counted, cap), counted > cap)


def claim_hits(corpus: Corpus, text: str, win: Window, cap: int) -> Hits:
    """Claims whose text or speaker match ``text``, best first among the ``cap`` most recent matches:
    one window of them."""
    query = fts_query(text)
    if query is None:
        return Hits([], 0, False)
    conn = corpus.connection
    counted = _fts(lambda: count_claim_matches(conn, query, cap=cap + 1), query)
    shown = _window(win, cap)
    found = _fts(lambda: search_claims(conn, query, limit=shown.limit, offset=shown.offset, window=cap), query)
    return Hits(found, min(counted, cap), counted > cap)


def claim_hits_json(corpus: Corpus, text: str, win: Window, cap: int) -> tuple[str, int]:
    """``claim_hits`` for the API: one window of the hits as the JSON text of their claim items (see
    ``store.json_pages``) and how many match, no further than the cap."""
    query = fts_query(text)
    if query is None:
        return "[]", 0
    conn = corpus.connection
    counted = _fts(lambda: count_claim_matches(conn, query, cap=cap), query)
    shown = _window(win, cap)
    items = _fts(lambda: search_claims_json(conn, query, limit=shown.limit, offset=shown.offset, window=cap), query)
    return items, counted


def _window(win: Window, cap: int) -> Window:
    """The part of ``win`` inside the ranked matches (empty past the cap)."""
    return Window(max(0, min(win.limit, cap - win.offset)), win.offset)


def _fts(run: Callable[[], T], query: str) -> T:
    """``run()``, with a query SQLite's FTS5 refuses reported as a ``WiretraceError`` saying so."""
    try:
        return run()
    except sqlite3.OperationalError as exc:
        raise WiretraceError(f"cannot search for {query!r}: {exc} (FTS5 query syntax)") from exc


def snippet_pieces(snippet: str) -> list[tuple[str, bool]]:
    """A snippet cut at its ``[``/``]`` hit marks into (text, is_hit) pieces, to draw each escaped."""
    pieces: list[tuple[str, bool]] = []
    rest, inside = snippet, False
    while rest:
        mark = "]" if inside else "["
        head, sep, rest = rest.partition(mark)
        if head:
            pieces.append((head, inside))
        inside = not inside if sep else inside
    return pieces
