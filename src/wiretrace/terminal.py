"""Rich renderings for the terminal (the CLI prints through these)."""

from __future__ import annotations

import re

from rich.console import Console
from rich.markup import escape as escape_markup
from rich.table import Table
from rich.tree import Tree

from wiretrace.records import Comment, SegmentKind
from wiretrace.store import StoredArticle

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escape(text: str) -> str:
    """Scraped text made safe for a terminal: no rich markup, no control characters (escape sequences
    could recolour, retitle or rewrite the terminal); newlines and tabs are kept."""
    return escape_markup(_CONTROL.sub("\ufffd", text))


_SEGMENT_STYLE = {
    SegmentKind.TITLE: "bold",
    SegmentKind.STANDFIRST: "italic",
    SegmentKind.HEADING: "bold underline",
    SegmentKind.CAPTION: "cyan",
    SegmentKind.PROVENANCE: "dim",
}


def print_article(console: Console, stored: StoredArticle) -> None:
    """Metadata table, then the canonical text segment by segment, then the comment threads."""
    article = stored.article
    meta = Table.grid(padding=(0, 2))
    rows = [
        ("id", str(stored.id)), ("outlet", article.outlet or "unknown"), ("host", article.host or "—"),
        ("repost", "yes" if article.is_repost else "no"),
        ("published", (article.published_at.isoformat() if article.published_at else "unknown")
         + (" (inferred)" if article.published_at_inferred else "")),
        ("language", article.language or "—"), ("url", article.url or "—"),
        ("seen at", ", ".join(stored.locations)), ("dropped lines", str(len(article.boilerplate))),
    ]
    for key, value in rows:
        meta.add_row(f"[dim]{key}[/]", escape(value))
    console.print(meta)
    console.print()
    for segment in article.segments:
        label = f"[dim]{segment.kind.value:>10}[/] "
        text = escape(article.segment_text(segment))
        credit = f" [dim](credit: {escape(segment.credit)})[/]" if segment.credit else ""
        style = _SEGMENT_STYLE.get(segment.kind, "")
        console.print(label + (f"[{style}]{text}[/]" if style else text) + credit, highlight=False)
    if article.comments:
        console.print()
        console.print(_comment_tree(article.comments), soft_wrap=False)


def _comment_tree(comments: tuple[Comment, ...]) -> Tree:
    tree = Tree(f"[bold]{len(comments)} reader comment(s)[/]")
    nodes: dict[int, Tree] = {}
    for i, comment in enumerate(comments):
        parent = nodes.get(comment.reply_to, tree) if comment.reply_to is not None else tree
        who = escape(comment.author or "anonymous")
        likes = f" · {comment.likes} likes" if comment.likes is not None else ""
        when = f" · {escape(comment.posted)}" if comment.posted else ""
        nodes[i] = parent.add(f"[dim]#{i} {who}{when}{likes}[/]\n{escape(comment.text)}")
    return tree
