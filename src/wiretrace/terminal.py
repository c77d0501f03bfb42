"""Rich renderings for the terminal (the CLI prints through these)."""

from __future__ import annotations

import re

from rich.console import Console
from rich.markup import escape as escape_markup
from rich.table import Table
from rich.tree import Tree

from wiretrace.records import Claim, ClaimQuantity, ClaimTime, Comment, SegmentKind
from wiretrace.store import StoredArticle, StoredClaim

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


_FACTUALITY_STYLE = {
    "asserted": "green", "confirmed": "bold green", "hedged": "yellow", "opinion": "magenta",
    "negated": "red", "not-confirmed": "bold red", "denied": "bold red",
}  # fmt: skip


def print_claims(console: Console, rows: list[StoredClaim]) -> None:
    """Each claim as a short block: id, where, kind and status; its words; chain, time, numbers, places."""
    if not rows:
        console.print("no claims", highlight=False)
        return
    for row in rows:
        console.print(_claim_block(row.article, row.claim), highlight=False)


def _claim_block(article: int, claim: Claim) -> Table:
    style = _FACTUALITY_STYLE.get(claim.factuality, "")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column()
    status = f"[{style}]{claim.factuality}[/]" + (f" ({escape(', '.join(claim.cues))})" if claim.cues else "")
    grid.add_row(f"{article}:{claim.id.rsplit('#', 1)[-1]}", f"[bold]{escape(claim.text)}[/]")
    grid.add_row("", f"{claim.where} · {claim.kind} · {status}")
    chain = " ← ".join(f"{escape(link.name)} [dim]({link.type})[/]" for link in claim.chain)
    grid.add_row("said by", chain)
    for label, value in (("when", _time_text(claim.time)), ("numbers", _quantities_text(claim.quantities)),
                         ("places", ", ".join(p.name for p in claim.places))):
        if value:
            grid.add_row(label, escape(value))
    grid.add_row("", "")
    return grid


def _time_text(time: ClaimTime | None) -> str:
    if time is None:
        return ""
    if not time.resolved:
        return f"{time.expression!r} ({time.of} time, unresolved)"
    span = time.start if time.end is None or time.start == time.end else f"{time.start} – {time.end}"
    inferred = ", year inferred" if time.year_inferred else ""
    return f"{time.expression!r} = {span} ({time.of} time{inferred})"


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _quantities_text(quantities: tuple[ClaimQuantity, ...]) -> str:
    parts = []
    for q in quantities:
        count = _number(q.min) if q.min == q.max else f"{_number(q.min)}–{_number(q.max)}"
        approx = "≈" if q.approx else ""
        category = f" [{q.category}]" if q.category else ""
        parts.append(f"{approx}{count} {q.unit}{category}".strip())
    return "; ".join(parts)
