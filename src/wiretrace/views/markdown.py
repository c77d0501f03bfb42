"""A story report as Markdown, for pasting into a newsroom document: the same content as the terminal
report (``views.report``), as headings, lists and tables.

Scraped text is escaped so that it stays text in any Markdown renderer: the characters that make
emphasis, code, links and table cells get a backslash, angle brackets too (no raw HTML gets through), and
line breaks become spaces.
"""

from __future__ import annotations

import re

from wiretrace.records import ClaimCluster, Story
from wiretrace.views.story_text import (
    RelayNode, articles_of, conflict_sides, earliest_event_time, mention_ref, origins_text, relay_tree,
    status_label, story_counts, story_span, time_label,
)  # fmt: skip

_SYNTAX = re.compile(r"([\\`*_\[\]<>|~])")  # scraped text never starts a line, so "#", "-", "+" are safe
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def md(text: str) -> str:
    """``text`` escaped for Markdown: syntax characters backslashed, control characters and line breaks
    turned into one space."""
    return _SYNTAX.sub(r"\\\1", _BREAKS.sub(" ", text))


def story_markdown(story: Story, clusters: list[ClaimCluster]) -> str:
    """The story's report as one Markdown document (ending in a newline)."""
    lines = [f"# Story {story.id}: {md(story.title)}", "",
             f"- **When:** {md(story_span(story))}",
             f"- **Places:** {md(', '.join(story.places)) or '—'}",
             f"- **Actors:** {md(', '.join(story.actors)) or '—'}",
             f"- {story_counts(story)}", ""]  # fmt: skip
    for number, cluster in enumerate(clusters, 1):
        lines += cluster_markdown(cluster, number)
    return "\n".join(lines) + "\n"


def cluster_markdown(cluster: ClaimCluster, number: int) -> list[str]:
    """One claim cluster as Markdown lines: a heading with time, status and independence, then its parts."""
    when = time_label(earliest_event_time(m.claim for m in cluster.mentions))
    lines = [f"## {number}. {md(when)}: {md(cluster.label)}", "",
             f"**Status: {status_label(cluster.status)}** · independence {cluster.independence} · "
             f"{len(cluster.mentions)} reports in {len(articles_of(cluster))} article(s)", "",
             f"- **Primary sources:** {md(origins_text(cluster))}"]  # fmt: skip
    if cluster.relays:
        lines.append("- **Relays:**")
        for root in relay_tree(cluster):
            lines += _relay_lines(root, depth=1)
    lines.append("")
    lines += _history(cluster) + _conflicts(cluster) + _framing(cluster)
    return lines


def _relay_lines(node: RelayNode, depth: int) -> list[str]:
    name = md(node.name) if depth == 1 else f"← {md(node.name)}"
    refs = f" ({', '.join(node.claims)})" if node.claims else ""
    lines = [f"{'  ' * depth}- {name}{refs}"]
    for child in node.children.values():
        lines += _relay_lines(child, depth + 1)
    return lines


def _history(cluster: ClaimCluster) -> list[str]:
    if not cluster.history:
        return []
    rows = ["**Status history**", "", "| when | status | source | claim |", "| --- | --- | --- | --- |"]
    rows += [f"| {md(e.when or 'undated')} | {status_label(e.status)} | {md(e.source)} | "
             f"{mention_ref(cluster, e.claim)} |" for e in cluster.history]  # fmt: skip
    return [*rows, ""]


def _conflicts(cluster: ClaimCluster) -> list[str]:
    if not cluster.conflicts:
        return []
    lines = ["**Conflicts**", ""]
    for conflict in cluster.conflicts:
        first, second = conflict_sides(cluster, conflict)
        lines += [f"- {conflict.kind}: {md(conflict.detail)}", f"  - {md(first)}", f"  - {md(second)}"]
    return [*lines, ""]


def _framing(cluster: ClaimCluster) -> list[str]:
    if not cluster.framing:
        return []
    rows = ["**Framing**", "", "| source | actors | acts |", "| --- | --- | --- |"]
    rows += [f"| {md(f.source)} | {md(', '.join(f.actors)) or '—'} | {md(', '.join(f.acts)) or '—'} |"
             for f in cluster.framing]  # fmt: skip
    return [*rows, ""]
