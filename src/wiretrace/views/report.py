"""``wiretrace report``: a story's timeline of claim clusters in the terminal (rich) or as Markdown.

Per story: a header (title, time span, places, actors, counts), then each claim cluster in event-time
order (clusters whose time is unknown last, as ``Corpus.clusters`` gives them): its time and claim, a
status badge (asserted, hedged, not confirmed, denied, confirmed), its independence with the primary
sources, the relay chains as a tree (speaker ← agency ← outlet), the status history, the conflicts with
both sides, and the framing (per source: words for the actors / words for the acts).

``render_story`` and ``story_markdown`` are plain functions of the records; ``print_report`` reads the
stories through ``Corpus`` and prints them. Every scraped string is escaped (rich markup and control
characters in the terminal, Markdown syntax in Markdown), so a report shows hostile text as text.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from wiretrace.corpus import Corpus
from wiretrace.errors import WiretraceError
from wiretrace.records import ClaimCluster, Story
from wiretrace.terminal import escape
from wiretrace.views.markdown import story_markdown
from wiretrace.views.options import ReportOptions
from wiretrace.views.story_text import (
    RelayNode, articles_of, conflict_sides, earliest_event_time, mention_ref, origins_text, relay_tree,
    status_label, story_counts, story_span, time_label,
)  # fmt: skip

STATUS_STYLES = {
    "asserted": "green", "confirmed": "bold green", "hedged": "yellow", "opinion": "magenta",
    "negated": "red", "not-confirmed": "bold red", "denied": "bold red",
}  # fmt: skip


def print_report(console: Console, corpus: Corpus, options: ReportOptions) -> int:
    """Print the chosen stories to ``console`` and return how many were printed."""
    count = 0
    for story, clusters in story_clusters(corpus, options):
        if options.format == "markdown":
            console.print(story_markdown(story, clusters), markup=False, highlight=False, emoji=False, soft_wrap=True)
        else:
            console.print(render_story(story, clusters))
        count += 1
    if count == 0:
        console.print("no stories yet: `wiretrace analyze` links the articles it stores into stories", highlight=False)
    return count


def story_clusters(corpus: Corpus, options: ReportOptions) -> Iterator[tuple[Story, list[ClaimCluster]]]:
    """Each chosen story with its claim clusters in timeline order, a story at a time."""
    if options.story is not None:
        story = corpus.story(options.story)
        if story is None:
            raise WiretraceError(f"no story {options.story} in {corpus.path}; `wiretrace report` without --story "
                                 "shows every story")  # fmt: skip
        yield story, _clusters(corpus, story.id, options.page_size)
        return
    for offset in range(0, corpus.count_stories(), options.page_size):
        for story in corpus.stories(limit=options.page_size, offset=offset):
            yield story, _clusters(corpus, story.id, options.page_size)


def _clusters(corpus: Corpus, story: int, page_size: int) -> list[ClaimCluster]:
    found: list[ClaimCluster] = []
    for offset in range(0, corpus.count_clusters(story=story), page_size):
        found += corpus.clusters(story=story, limit=page_size, offset=offset)
    return found


def render_story(story: Story, clusters: list[ClaimCluster]) -> Group:
    """A story as rich renderables: its header, then one block per claim cluster."""
    parts: list[RenderableType] = [_header(story)]
    for number, cluster in enumerate(clusters, 1):
        parts += [Text(""), render_cluster(cluster, number)]
    parts.append(Text(""))
    return Group(*parts)


def _header(story: Story) -> Group:
    grid = _grid()
    grid.add_row("when", escape(story_span(story)))
    grid.add_row("places", escape(", ".join(story.places) or "—"))
    grid.add_row("actors", escape(", ".join(story.actors) or "—"))
    grid.add_row("", story_counts(story))
    return Group(Rule(_text(f"Story {story.id}: {story.title}", style="bold"), align="left"), grid)


def _text(text: str, style: str = "") -> Text:
    """Scraped text as a rich ``Text``: never read as markup, control characters made harmless."""
    return Text.from_markup(escape(text), style=style)


def _grid() -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True, min_width=10)
    grid.add_column()
    return grid


def badge(status: str) -> Text:
    """The status as a badge: upper-case, coloured by how sure it is."""
    return Text(f" {status_label(status).upper()} ", style=f"reverse {STATUS_STYLES.get(status, '')}".strip())


def render_cluster(cluster: ClaimCluster, number: int) -> Group:
    """One claim cluster: time, badge and independence, the claim, then its sources, relays, history,
    conflicts and framing."""
    title = Text.assemble((f"{number}. ", "bold"), (time_label(earliest_event_time(m.claim for m in cluster.mentions)),
                          "cyan"), "  ", badge(cluster.status), f"  independence {cluster.independence}")  # fmt: skip
    grid = _grid()
    grid.add_row("claim", _text(cluster.label, style="bold"))
    grid.add_row("reports", f"{len(cluster.mentions)} in {len(articles_of(cluster))} article(s)")
    grid.add_row("sources", escape(origins_text(cluster)))
    grid.add_row("relays", _relays(cluster))
    grid.add_row("history", _history(cluster))
    if cluster.conflicts:
        grid.add_row("conflicts", _conflicts(cluster))
    if cluster.framing:
        grid.add_row("framing", _framing(cluster))
    return Group(title, grid)


def _relays(cluster: ClaimCluster) -> RenderableType:
    roots = relay_tree(cluster)
    if not roots:
        return Text("—")
    tree = Tree(Text(""), hide_root=True, guide_style="dim")
    for root in roots:
        _add_node(tree, root, first=True)
    return tree


def _add_node(parent: Tree, node: RelayNode, *, first: bool = False) -> None:
    label = _text(node.name if first else f"← {node.name}", style="bold" if first else "")
    if node.claims:
        label.append(f"  ({', '.join(node.claims)})", style="dim")
    branch = parent.add(label)
    for child in node.children.values():
        _add_node(branch, child)


def _history(cluster: ClaimCluster) -> RenderableType:
    table = Table("when", "status", "source", "claim", box=None, padding=(0, 1), pad_edge=False, show_header=False)
    for entry in cluster.history:
        table.add_row(_text(entry.when or "undated", style="dim"),
                      Text(status_label(entry.status), style=STATUS_STYLES.get(entry.status, "")),
                      _text(entry.source), Text(mention_ref(cluster, entry.claim), style="dim"))  # fmt: skip
    return table if cluster.history else Text("—")


def _conflicts(cluster: ClaimCluster) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for conflict in cluster.conflicts:
        first, second = conflict_sides(cluster, conflict)
        grid.add_row(Text(conflict.kind, style="bold red"), _text(conflict.detail))
        grid.add_row("", _text(first))
        grid.add_row("", _text(f"⟷ {second}"))
    return grid


def _framing(cluster: ClaimCluster) -> RenderableType:
    table = Table("source", "actors", "acts", box=None, padding=(0, 1), pad_edge=False, show_header=False)
    for framing in cluster.framing:
        table.add_row(_text(framing.source, style="bold"), _text(", ".join(framing.actors) or "—"),
                      _text(", ".join(framing.acts) or "—", style="italic"))  # fmt: skip
    return table
