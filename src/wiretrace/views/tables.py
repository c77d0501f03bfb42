"""What each export table holds: its columns (derived from the records, so they cannot drift from them)
and its rows, read page by page through ``Corpus`` so no table is ever held in memory whole.

A row is a dict of JSON values, the record as ``to_jsonable`` gives it (exact field names) plus a few
columns that place it in the database (the article's row id, the claim's cluster, the analyst's verdict).
Each column has a kind: ``int``, ``float``, ``bool``, ``str`` or ``json`` (a list or an object).
"""

from __future__ import annotations

import dataclasses
import json
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Union, get_args, get_origin, get_type_hints

from wiretrace.corpus import Corpus
from wiretrace.jsonable import to_jsonable
from wiretrace.records import Article, Claim, ClaimCluster, Story
from wiretrace.views.events import EventRow, event_rows

KINDS = ("int", "float", "bool", "str", "json")
_SCALARS: dict[Any, str] = {int: "int", float: "float", bool: "bool", str: "str", datetime: "str"}


@dataclass(frozen=True, slots=True)
class Column:
    """One column of an export: its name and kind (one of ``KINDS``)."""

    name: str
    kind: str


Rows = Callable[[Corpus, int], Iterator[dict[str, Any]]]


@dataclass(frozen=True, slots=True)
class Table:
    """An exportable table: its columns in order and a function that yields its rows page by page
    (``rows(corpus, page_size)``)."""

    name: str
    columns: tuple[Column, ...]
    rows: Rows


def record_columns(cls: type) -> tuple[Column, ...]:
    """The columns of a record type: one per dataclass field, its kind from the annotation."""
    hints = get_type_hints(cls)
    return tuple(Column(f.name, _kind(hints[f.name])) for f in dataclasses.fields(cls))


def _kind(annotation: Any) -> str:
    if get_origin(annotation) in (Union, types.UnionType):
        options = [a for a in get_args(annotation) if a is not type(None)]
        return _kind(options[0]) if len(options) == 1 else "json"
    return _SCALARS.get(annotation, "json")


def _claim_rows(corpus: Corpus, page_size: int) -> Iterator[dict[str, Any]]:
    """Each claim with its article's row id, its cluster and the analyst's verdict (read once per page)."""
    for offset in range(0, corpus.count_claims(), page_size):
        page = corpus.claims(limit=page_size, offset=offset)
        given = corpus.verdicts(row.claim.id for row in page)
        for row in page:
            verdict = given.get(row.claim.id)
            yield {"article": row.article, "cluster": corpus.cluster_of(row.claim.id), **to_jsonable(row.claim),
                   "verdict": verdict.verdict if verdict else None, "verdict_note": verdict.note if verdict else None}


def _article_rows(corpus: Corpus, page_size: int) -> Iterator[dict[str, Any]]:
    for offset in range(0, corpus.count_articles(), page_size):
        for summary in corpus.articles(limit=page_size, offset=offset):
            stored = corpus.article(summary.id)
            if stored is None:  # deleted between the two reads
                continue
            story, repost_of = corpus.link_of(stored.id) or (None, None)
            yield {"id": stored.id, "story": story, "repost_of": repost_of, "title": stored.article.title,
                   "media_type": stored.media_type, "locations": list(stored.locations),
                   **to_jsonable(stored.article)}  # fmt: skip


def _all_stories(corpus: Corpus, page_size: int) -> Iterator[Story]:
    for offset in range(0, corpus.count_stories(), page_size):
        yield from corpus.stories(limit=page_size, offset=offset)


def _all_clusters(corpus: Corpus, page_size: int) -> Iterator[ClaimCluster]:
    for story in _all_stories(corpus, page_size):
        for offset in range(0, corpus.count_clusters(story=story.id), page_size):
            yield from corpus.clusters(story=story.id, limit=page_size, offset=offset)


def _story_rows(corpus: Corpus, page_size: int) -> Iterator[dict[str, Any]]:
    return (to_jsonable(story) for story in _all_stories(corpus, page_size))


def _cluster_rows(corpus: Corpus, page_size: int) -> Iterator[dict[str, Any]]:
    return (to_jsonable(cluster) for cluster in _all_clusters(corpus, page_size))


def _event_rows(corpus: Corpus, page_size: int) -> Iterator[dict[str, Any]]:
    return (to_jsonable(row) for row in event_rows(_all_clusters(corpus, page_size)))


TABLES: dict[str, Table] = {
    "claims": Table("claims", (Column("article", "int"), Column("cluster", "int"), *record_columns(Claim),
                               Column("verdict", "str"), Column("verdict_note", "str")), _claim_rows),
    "articles": Table("articles", (Column("id", "int"), Column("story", "int"), Column("repost_of", "int"),
                                   Column("title", "str"), Column("media_type", "str"), Column("locations", "json"),
                                   *record_columns(Article)), _article_rows),
    "stories": Table("stories", record_columns(Story), _story_rows),
    "clusters": Table("clusters", record_columns(ClaimCluster), _cluster_rows),
    "events": Table("events", record_columns(EventRow), _event_rows),
}  # fmt: skip
"""Every exportable table by name (what ``--what`` takes)."""


def flat_value(value: Any, column: Column) -> Any:
    """A row value as a flat cell: lists and objects of ``json`` columns as a JSON string, others as they are."""
    if column.kind == "json" and value is not None:
        return json.dumps(value, ensure_ascii=False)
    return value


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Characters that make a spreadsheet read a cell as a formula (CSV injection): a text cell starting with
one gets a leading apostrophe, which spreadsheets hide and ``parse_cell`` removes."""


def csv_cell(value: Any, column: Column) -> str:
    """A row value as CSV text: None as an empty cell, booleans as ``true``/``false``, lists and objects
    as JSON, text that a spreadsheet would run as a formula behind an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if column.kind == "str" and str(value).startswith(FORMULA_STARTS):
        return f"'{value}"
    return str(flat_value(value, column))


def parse_cell(text: str, column: Column) -> Any:
    """A CSV cell read back into the row value it was written from (the inverse of ``csv_cell``; an empty
    cell reads as None, so an empty string reads back as None too)."""
    if text == "":
        return None
    match column.kind:
        case "int":
            return int(text)
        case "float":
            return float(text)
        case "bool":
            return text == "true"
        case "json":
            return json.loads(text)
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text
