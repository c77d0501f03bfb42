"""The analyst's verdicts on claims: set, replaced, read back one by one and in bulk; unknown claims and
labels refused."""

from __future__ import annotations

import pytest

from wiretrace import store
from wiretrace.records import Extraction

from test_store import make_article, make_document  # same folder (pytest's prepend import mode)
from test_store_claims import make_claim


@pytest.fixture
def stored(tmp_path):
    """A database with one article and its two claims, and the claims' ids."""
    connection = store.connect(tmp_path / "t.db")
    run = store.start_run(connection, ["a.txt"])
    document = make_document("Two bridges were closed. Two more were closed.")
    claims = (make_claim(document.id, 1), make_claim(document.id, 2))
    store.save_article(connection, run, document, make_article(document, document.text), Extraction("done", claims))
    yield connection, [c.id for c in claims]
    connection.close()


def test_set_read_and_replace(stored) -> None:
    conn, (first, second) = stored
    given = store.set_verdict(conn, first, "false", "the bridge is open")
    assert given is not None and given.verdict == "false" and given.note == "the bridge is open"
    assert store.load_verdict(conn, first) == given
    assert store.load_verdict(conn, second) is None
    replaced = store.set_verdict(conn, first, "verified")
    assert store.load_verdict(conn, first) == replaced and replaced.note is None


def test_verdicts_of_reads_many_at_once(stored) -> None:
    conn, (first, second) = stored
    store.set_verdict(conn, second, "misleading")
    found = store.verdicts_of(conn, [first, second, second, "none#1"])
    assert set(found) == {second} and found[second].verdict == "misleading"
    assert store.verdicts_of(conn, []) == {}


def test_unknown_claim_is_none_and_unknown_label_refused(stored) -> None:
    conn, ids = stored
    assert store.set_verdict(conn, "none#1", "false") is None
    with pytest.raises(ValueError, match="verified, false, misleading, unverified"):
        store.set_verdict(conn, ids[0], "true")
    assert store.verdicts_of(conn, ids) == {}


def test_extracting_an_article_again_keeps_the_verdicts_on_its_claims(stored) -> None:
    """Same claim texts under shifted ids keep their verdicts; a claim that no longer comes out loses its."""
    conn, (first, second) = stored
    store.set_verdict(conn, first, "false", "the bridge is open")
    store.set_verdict(conn, second, "verified")
    document_id = conn.execute("SELECT document_id FROM articles").fetchone()[0]
    article = conn.execute("SELECT id FROM articles").fetchone()[0]
    again = (make_claim(document_id, 1, "A ferry was cancelled"), make_claim(document_id, 2),
             make_claim(document_id, 3, "Two more were closed"))
    store.save_extraction(conn, article, Extraction("done", again))
    kept = store.verdicts_of(conn, [c.id for c in again])
    assert set(kept) == {again[1].id}  # "Two bridges were closed", now claim 2
    assert (kept[again[1].id].verdict, kept[again[1].id].note) == ("false", "the bridge is open")
