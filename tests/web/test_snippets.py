"""Search passages: the words FTS5 matches, marked as FTS5 marks them, in a dozen words of the text."""

from __future__ import annotations

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from wiretrace.web.search import fts_query, search_words
from wiretrace.web.snippets import passage, searched_words


def shown(text: str, query: str) -> str | None:
    words = searched_words(search_words(query))
    assert words is not None
    return passage(text, words)


def test_a_passage_marks_every_searched_word_in_a_dozen_words_of_the_text() -> None:
    text = ("Intro text here. Police said that dozens of attackers were killed overnight in Almaty, while "
            "others fled to the south and more words follow for a while.")
    expected = "…said that [dozens] of attackers were [killed] overnight in Almaty, while others…"
    assert shown(text, "dozens killed") == expected
    assert shown("Dozens   killed\n in the night", "DOZENS") == "[Dozens] killed in the night"


def test_words_are_matched_as_fts5_tokens() -> None:
    assert shown("They killed; a killer; skilled", "kill*") == "They [killed]; a [killer]; skilled"
    assert shown("in SAINT—DENIS and Saint Denis", "Saint-Denis") == "in [SAINT—DENIS] and [Saint Denis]"
    assert shown("x_dozens_y dozen", "dozens") == "x_[dozens]_y dozen"
    assert shown("İstanbul: dozens", "dozens") == "İstanbul: [dozens]"  # a text lowercase makes longer
    assert shown("nothing here", "dozens") is None


def test_the_passage_holding_the_most_distinct_words_is_chosen() -> None:
    filler = " ".join(f"w{i}" for i in range(30))
    text = f"police first. {filler} police said dozens were killed. {filler}"
    assert shown(text, "police killed") == "…w28 w29 [police] said dozens were [killed]. w0 w1 w2 w3 w4…"


def test_words_apart_by_any_space_and_text_without_spaces() -> None:
    assert shown("ab\u00a0" * 100 + "police said more", "police") == "…ab ab [police] said more"
    assert shown("\n  police said", "police") == "[police] said"  # no "…" for leading blank space
    assert shown("-".join(["word"] * 500), "word") is None  # no passage of 300 characters: FTS5 cuts it


WORDS = st.sampled_from(["police", "Police", "POLICE", "killed", "kill", "dozens", "saint", "denis", "x"])
SEPARATORS = st.sampled_from([" ", "  ", "\n", ", ", "-", "_", "—", ". ", "'", "\u00a0", "\u2009", "\r\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORDS, SEPARATORS), max_size=40),
       st.lists(st.tuples(WORDS, st.booleans()), min_size=1, max_size=3))
def test_a_word_has_a_passage_exactly_when_fts5_matches_it(
    parts: list[tuple[str, str]], searched: list[tuple[str, bool]]
) -> None:
    text = "".join(word + separator for word, separator in parts)
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO t(text) VALUES (?)", (text,))
    for word, prefix in searched:
        query = fts_query(word + ("*" if prefix else ""))
        matched = conn.execute("SELECT COUNT(*) FROM t WHERE t MATCH ?", (query,)).fetchone()[0] == 1
        found = passage(text, searched_words([(word, prefix)]))
        assert (found is not None) == matched, (text, word, prefix, found)
        if found is not None:
            plain = found.replace("[", "").replace("]", "").strip("…")
            assert plain in " ".join(text.split()) and "[" in found and len(plain.split()) <= 12
