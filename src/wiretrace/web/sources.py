"""Sources (outlets, agencies, speakers) across the whole database: what each said, through whom, how
often it was the sole source of a claim, and how often a claim reached the page only through it.

``Corpus`` reads stories and claim clusters, not sources, so this index is built from them: every
link of every mention's chain (speaker ← relays ← outlet) and every cluster's origins, read with
``store.source_reads`` (the chains and origins alone, not whole records). It is kept per story and
merged in story order, so when the database changes only the stories that changed are read again
(a linked article changes one story); a page costs a dictionary look-up, and a rebuild runs in the
background while pages keep the previous index.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from wiretrace.corpus import Corpus
from wiretrace.store.source_reads import SourceCluster, SourceMention, link_state, source_clusters, story_versions


@dataclass(frozen=True, slots=True)
class Appearance:
    """One report in which a source appears: the cluster, the claim, its chain and the source's place
    in it (``speaker`` innermost, ``relay`` between, ``outlet`` last, ``outlet-voice`` when alone)."""

    story: int
    cluster: int
    label: str
    status: str
    independence: int
    article: int
    claim: str
    text: str
    chain: tuple[str, ...]
    position: str


@dataclass(slots=True)
class SourceSummary:
    """One line of the sources list."""

    name: str
    types: list[str] = field(default_factory=list)
    origin_of: int = 0  # claim clusters it is a primary source of
    sole: int = 0  # of those, the ones where it is the only independent source
    reports: int = 0  # mentions whose chain names it
    relayed: int = 0  # mentions it passed on for someone else (relay or outlet of another's words)
    only_route: int = 0  # clusters every report of which came through it, though it is not the origin
    stories: int = 0


@dataclass(slots=True)
class SourceDetail:
    """Everything the source page shows."""

    summary: SourceSummary
    aliases: list[str] = field(default_factory=list)  # other names it was seen under (as an origin)
    part_of: list[str] = field(default_factory=list)  # origins this name is an alias of
    appearances: list[Appearance] = field(default_factory=list)
    through: list[tuple[str, int]] = field(default_factory=list)  # "relay ← outlet" after it, and how often
    relayed_for: list[tuple[str, int]] = field(default_factory=list)  # whose words it passed on, how often


class SourceIndex:
    """The sources of one database state, by name."""

    def __init__(self) -> None:
        self.details: dict[str, SourceDetail] = {}
        self._stories: dict[str, set[int]] = {}
        self._through: dict[str, Counter[str]] = {}
        self._relayed_for: dict[str, Counter[str]] = {}

    def names(self) -> list[str]:
        """Source names, most reported first, then by name."""
        return sorted(self.details, key=lambda n: (-self.details[n].summary.reports, n.casefold()))

    def add_cluster(self, cluster: SourceCluster) -> None:
        for mention in cluster.mentions:
            self._add_mention(cluster, mention)
        self._add_origins(cluster)
        self._add_routes(cluster)

    @classmethod
    def merged(cls, parts: Iterable[SourceIndex]) -> SourceIndex:
        """One index of several built apart (one per story), exactly as if their clusters had been added
        to one index in the order of ``parts``: counts add up, lists keep their first-seen order."""
        index = cls()
        for part in parts:
            for name, detail in part.details.items():
                index._merge(name, detail, part)
        index.finish()
        return index

    def _merge(self, name: str, detail: SourceDetail, part: SourceIndex) -> None:
        mine = self._detail(name)
        summary, theirs = mine.summary, detail.summary
        summary.types += [t for t in theirs.types if t not in summary.types]
        summary.origin_of += theirs.origin_of
        summary.sole += theirs.sole
        summary.reports += theirs.reports
        summary.relayed += theirs.relayed
        summary.only_route += theirs.only_route
        mine.aliases += [a for a in detail.aliases if a not in mine.aliases]
        mine.part_of += [a for a in detail.part_of if a not in mine.part_of]
        mine.appearances += detail.appearances
        self._stories[name] |= part._stories[name]
        self._through[name].update(part._through[name])
        self._relayed_for[name].update(part._relayed_for[name])

    def _detail(self, name: str) -> SourceDetail:
        if name not in self.details:
            self.details[name] = SourceDetail(SourceSummary(name))
            self._stories[name], self._through[name], self._relayed_for[name] = set(), Counter(), Counter()
        return self.details[name]

    def _add_mention(self, cluster: SourceCluster, mention: SourceMention) -> None:
        chain, names = mention.chain, mention.names
        for i, link in enumerate(chain):
            detail = self._detail(link.name)
            position = _position(i, len(chain))
            detail.appearances.append(Appearance(
                cluster.story, cluster.id, cluster.label, cluster.status, cluster.independence, mention.article,
                mention.claim, mention.text, names, position,
            ))  # fmt: skip
            summary = detail.summary
            summary.reports += 1
            if link.type not in summary.types:
                summary.types.append(link.type)
            self._stories[link.name].add(cluster.story)
            if i == 0 and len(chain) > 1:
                self._through[link.name][" ← ".join(names[1:])] += 1
            if i > 0:
                summary.relayed += 1
                self._relayed_for[link.name][names[0]] += 1

    def _add_origins(self, cluster: SourceCluster) -> None:
        for origin in cluster.origins:
            detail = self._detail(origin.name)
            detail.summary.origin_of += 1
            if origin.type not in detail.summary.types:
                detail.summary.types.append(origin.type)
            if cluster.independence == 1 and len(cluster.origins) == 1:
                detail.summary.sole += 1
            for alias in origin.aliases:
                if alias != origin.name and alias not in detail.aliases:
                    detail.aliases.append(alias)
                    part_of = self._detail(alias).part_of
                    if origin.name not in part_of:
                        part_of.append(origin.name)

    def _add_routes(self, cluster: SourceCluster) -> None:
        """Count, for each name, the clusters all of whose reports came through it (not as speaker)."""
        chains = [set(m.names[1:]) for m in cluster.mentions if m.repost_of is None]
        if not chains:
            return
        origins = {o.name for o in cluster.origins}
        for name in set.intersection(*chains) - origins:
            self._detail(name).summary.only_route += 1

    def finish(self) -> None:
        for name, detail in self.details.items():
            detail.summary.stories = len(self._stories[name])
            detail.through = self._through[name].most_common()
            detail.relayed_for = self._relayed_for[name].most_common()


def _position(i: int, length: int) -> str:
    if length == 1:
        return "outlet-voice"
    return "speaker" if i == 0 else "outlet" if i == length - 1 else "relay"


Fingerprint = tuple[int, str | None, int, int | None]
StoryVersion = tuple[str, int]


def fingerprint(corpus: Corpus) -> Fingerprint:
    """What changes whenever the link stage writes (``store.source_reads.link_state``)."""
    return link_state(corpus.connection)


@dataclass(frozen=True, slots=True)
class StoryPart:
    """The index of one story's clusters, and the state of the story it was built from."""

    version: StoryVersion
    index: SourceIndex


def build_parts(corpus: Corpus, previous: dict[int, StoryPart] | None = None) -> dict[int, StoryPart]:
    """The index of each story, in story order (most recently updated first); a story whose state is the
    one ``previous`` was built from is not read again."""
    previous = previous or {}
    versions = story_versions(corpus.connection)
    stale = [story for story, version in versions if story not in previous or previous[story].version != version]
    fresh: dict[int, SourceIndex] = {}
    for story, clusters in source_clusters(corpus.connection, stale).items():
        fresh[story] = part = SourceIndex()
        for cluster in clusters:
            part.add_cluster(cluster)
    return {story: StoryPart(version, fresh[story]) if story in fresh else previous[story]
            for story, version in versions}  # fmt: skip


def build_index(corpus: Corpus) -> SourceIndex:
    """Read every story's clusters once and index their sources."""
    return SourceIndex.merged(part.index for part in build_parts(corpus).values())


class SourceCache:
    """The source index, rebuilt in the background when the database changes.

    Reading every cluster takes seconds on a large database, so a page never waits for a rebuild once
    an index exists: it gets the previous index while a new one is built in a thread of its own (with
    its own read-only handle). Only the very first index is waited for; ``warm`` starts it at app start.
    """

    def __init__(self, open_corpus: Callable[[], Corpus]) -> None:
        self._open = open_corpus
        self._lock = threading.Lock()
        self._index: SourceIndex | None = None
        self._parts: dict[int, StoryPart] = {}  # touched by the builder thread only
        self._key: Fingerprint | None = None
        self._builder: threading.Thread | None = None
        self._error: BaseException | None = None

    def warm(self) -> None:
        """Start building the index now, in the background."""
        with self._lock:
            self._start()

    def get(self, corpus: Corpus) -> SourceIndex:
        """The newest index built; starts a rebuild when ``corpus`` shows the database has changed."""
        key = fingerprint(corpus)
        with self._lock:
            if key != self._key:
                self._start()
            index, builder = self._index, self._builder
        if index is None and builder is not None:
            builder.join()
            with self._lock:
                index, error = self._index, self._error
            if index is None:
                raise RuntimeError("the source index could not be built") from error
        assert index is not None
        return index

    def _start(self) -> None:
        """Start a build unless one is running (call under the lock)."""
        if self._builder is None or not self._builder.is_alive():
            self._builder = threading.Thread(target=self._build, name="wiretrace-sources", daemon=True)
            self._builder.start()

    def _build(self) -> None:
        try:
            with self._open() as corpus:
                corpus.connection.execute("BEGIN")  # one snapshot: the fingerprint is the parts' state
                try:
                    key = fingerprint(corpus)
                    self._parts = build_parts(corpus, self._parts)
                finally:
                    corpus.connection.execute("ROLLBACK")
            index = SourceIndex.merged(part.index for part in self._parts.values())
        except BaseException as exc:  # kept for the waiting request, which raises it
            with self._lock:
                self._error = exc
            return
        with self._lock:
            self._index, self._key, self._error = index, key, None
