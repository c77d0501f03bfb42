"""Rich renderings for the terminal (the CLI prints through these)."""

from __future__ import annotations

import re

from rich.console import Console
from rich.markup import escape as escape_markup
from rich.table import Table
from rich.tree import Tree

from wiretrace.records import Claim, ClaimCluster, ClaimQuantity, ClaimTime, Comment, SegmentKind, Story
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


def print_stories(console: Console, stories: list[Story]) -> None:
    """One row per story: id, title, time span, places, and its counts."""
    table = Table("id", "title", "span", "places", "articles", "sources", "claims", "clusters", "updated")
    table.columns[1].min_width = 24
    for s in stories:
        span = s.start if s.start == s.end else f"{s.start or '?'} – {s.end or '?'}"
        table.add_row(str(s.id), escape(s.title), escape(span or "—"), escape(", ".join(s.places[:3]) or "—"),
                      str(len(s.articles)), str(s.sources), str(s.claims), str(s.clusters),
                      (s.updated_at or "")[:16].replace("T", " "))  # fmt: skip
    console.print(table)


def print_story(console: Console, story: Story, clusters: list[ClaimCluster]) -> None:
    """A story's header, then each claim cluster: status, independence and origins, the reports with
    their relay paths, the status history when it changed, conflicts and framing."""
    span = story.start if story.start == story.end else f"{story.start or '?'} – {story.end or '?'}"
    console.print(f"[bold]story {story.id}: {escape(story.title)}[/]", highlight=False)
    console.print(f"{escape(span or 'undated')} · {escape(', '.join(story.places) or 'no places')} · "
                  f"{len(story.articles)} articles, {story.sources} sources, {story.claims} claims, "
                  f"{story.clusters} claim clusters", highlight=False)  # fmt: skip
    for cluster in clusters:
        console.print(_cluster_tree(cluster), highlight=False)


def _cluster_tree(cluster: ClaimCluster) -> Tree:
    style = _FACTUALITY_STYLE.get(cluster.status, "")
    origins = ", ".join(escape(o.name) for o in cluster.origins) or "no named source"
    tree = Tree(f"[bold]#{cluster.id}[/] {escape(cluster.label)}\n[{style}]{cluster.status}[/] · "
                f"independence {cluster.independence} ({origins}) · {len(cluster.mentions)} report(s)")
    reports = tree.add("reports")
    texts = {m.claim.id: m for m in cluster.mentions}
    for relay in cluster.relays:
        mention = texts.get(relay.claim)
        where = f"article {mention.article}: " if mention else ""
        path = " ← ".join(escape(x) for x in (relay.origin, *relay.via))
        reports.add(f"{path}\n[dim]{where}{escape(mention.claim.text if mention else relay.claim)}[/]")
    if len({entry.status for entry in cluster.history}) > 1:
        history = tree.add("status history")
        for entry in cluster.history:
            history.add(f"{escape(entry.when or 'undated')} · {entry.status} · {escape(entry.source)}")
    for conflict in cluster.conflicts:
        tree.add(f"[red]conflict ({conflict.kind})[/]: {escape(conflict.first_source)} / "
                 f"{escape(conflict.second_source)} — {escape(conflict.detail)}")
    if len(cluster.framing) > 1:
        framing = tree.add("framing")
        for entry in cluster.framing:
            framing.add(f"{escape(entry.source)}: {escape(', '.join(entry.actors) or '—')} · "
                        f"{escape(', '.join(entry.acts) or '—')}")
    return tree
