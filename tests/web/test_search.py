"""Search hits: best first among the ``search_cap`` most recent matches, counted cheaply and said to be
"at least" when there are more; pages inside the cap join up, pages past it are empty; the page shows
10 hits of each kind unless asked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from wiretrace.corpus import Corpus
from wiretrace.errors import WiretraceError
from wiretrace.jsonable import to_jsonable
from wiretrace.web import WebOptions, create_app
from wiretrace.web.claims import claim_items
from wiretrace.web.pagination import Window
from wiretrace.store.links import search_claims
from wiretrace.web.search import _fts, article_hits, claim_hits, fts_query

CAP = 5


@pytest.fixture(scope="module")
def corpus(seed_db: Path) -> Iterator[Corpus]:
    with Corpus(seed_db, read_only=True) as opened:
        yield opened


@pytest.mark.parametrize("hits, text", [(article_hits, "police"), (claim_hits, "police"), (claim_hits, "killed")])
def test_hits_past_the_cap_are_counted_as_at_least_the_cap(corpus: Corpus, hits, text: str) -> None:
    everything = hits(corpus, text, Window(200, 0), 1000)
    assert not everything.capped and everything.total == len(everything.items)
    capped = hits(corpus, text, Window(200, 0), CAP)
    if everything.total > CAP:
        assert capped.capped and capped.total == CAP and len(capped.items) == CAP
    else:
        assert not capped.capped and capped.items == everything.items
    pages = [hits(corpus, text, Window(2, offset), CAP).items for offset in range(0, CAP + 4, 2)]
    assert [item for page in pages for item in page] == capped.items
    assert hits(corpus, text, Window(3, CAP + 1), CAP).items == []


def test_a_search_under_the_cap_ranks_every_match_best_first(corpus: Corpus) -> None:
    found = claim_hits(corpus, "dozens", Window(200, 0), 1000).items
    assert found == corpus.search_claims('"dozens"', limit=200)
    assert found and all("dozens" in (c.claim.text + c.claim.speaker).lower() for c in found)


def test_article_hits_carry_title_outlet_and_snippet(corpus: Corpus) -> None:
    found = article_hits(corpus, "dozens killed", Window(20, 0), 200).items
    assert found and all("[" in hit.snippet for hit in found)
    for hit in found:
        stored = corpus.article(hit.article)
        assert (hit.title, hit.outlet) == (stored.article.title, stored.article.outlet)


def test_a_query_sqlite_refuses_is_a_wiretrace_error_naming_it(corpus: Corpus) -> None:
    assert fts_query('NEAR( "a -b') == '"NEAR(" """a" "-b"'  # words are quoted, so typed text never fails
    with pytest.raises(WiretraceError, match="cannot search for 'NEAR\\(': .*syntax"):
        _fts(lambda: search_claims(corpus.connection, "NEAR("), "NEAR(")


def test_the_api_pages_inside_the_cap(seed_db: Path, corpus: Corpus) -> None:
    with TestClient(create_app(seed_db, options=WebOptions(search_cap=CAP))) as client:
        first = client.get("/api/search/claims", params={"q": "police", "limit": 3}).json()
        rest = client.get("/api/search/claims", params={"q": "police", "limit": 3, "offset": 3}).json()
        past = client.get("/api/search/claims", params={"q": "police", "offset": CAP}).json()
        page = client.get("/search", params={"q": "police"}, headers={"accept": "text/html"}).text
    expected = claim_hits(corpus, "police", Window(CAP, 0), CAP)
    assert first["total"] == rest["total"] == CAP and past["items"] == []
    assert first["items"] + rest["items"] == to_jsonable(claim_items(corpus, expected.items))
    assert f"{CAP}+" in page and f"the {CAP} most recently stored are ranked" in page


def test_the_search_page_shows_10_hits_of_each_kind_unless_asked(seed_db: Path, corpus: Corpus) -> None:
    assert claim_hits(corpus, "the", Window(200, 0), 200).total > 15
    with TestClient(create_app(seed_db)) as client:
        page = client.get("/search", params={"q": "the"}, headers={"accept": "text/html"}).text
        wider = client.get("/search", params={"q": "the", "limit": 15}, headers={"accept": "text/html"}).text
    assert page.count('class="claim-row"') == 10 and wider.count('class="claim-row"') == 15
