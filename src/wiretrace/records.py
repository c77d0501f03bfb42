"""The typed records that flow between stages: the one source of truth for field names and labels.

    source ──ingest──▶ Document ──clean──▶ Article ──extract──▶ Claim ──store──▶ DB

Each record is a small frozen dataclass. Stages take and return these; the store, the JSON output and
the web views serialise exactly these fields (see ``../shared/DESIGN.md``, "Records and labels").
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Document:
    """One input as it arrived: raw bytes plus whatever metadata its container carried.

    Identity is the sha256 of ``raw``: the same bytes seen again (another path, a re-run) are the same
    document. ``text`` is ``raw`` decoded with the detected ``encoding``; ``title``, ``url``, ``outlet`` and
    ``published_at`` are hints from the container (a JSON record, a feed entry, a WARC header, a CLI
    option) that the cleaner prefers over what it guesses from the text.
    """

    raw: bytes
    media_type: str  # "text/plain" or "text/html"
    location: str  # a path, a URL, "file.warc.gz#record-id", "feed.xml#entry-3"
    text: str
    encoding: str
    fetched_at: datetime
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published_at: datetime | None = None

    @property
    def id(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that was rejected: where it came from, a catalogue code and a reason for a person."""

    location: str
    code: str
    reason: str

    def __str__(self) -> str:
        return f"{self.location}: [{self.code}] {self.reason}"


class SegmentKind(StrEnum):
    """What a stretch of the canonical article text is."""

    TITLE = "title"
    STANDFIRST = "standfirst"  # the lead paragraph right under the title
    BODY = "body"
    HEADING = "heading"  # a section heading inside the body ("What you need to know")
    CAPTION = "caption"  # a photo caption, kept once, with its credit apart
    PROVENANCE = "provenance"  # a copyright or credit line naming the publisher ("(C) Agency 2021")


@dataclass(frozen=True, slots=True)
class Segment:
    """A typed character range ``[start, end)`` of ``Article.text``."""

    kind: SegmentKind
    start: int
    end: int
    credit: str | None = None  # captions only: "REUTERS"


@dataclass(frozen=True, slots=True)
class Comment:
    """A reader comment, kept apart from the article body; it never yields claims."""

    text: str
    author: str | None = None
    posted: str | None = None  # as written; comment dates are rarely parseable reliably
    likes: int | None = None
    reply_to: int | None = None  # index of the parent comment in ``Article.comments``


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned report: one canonical text made of typed segments, plus comments and provenance.

    ``outlet`` is the original publisher when known (a repost's source), ``host`` the site the text was
    scraped from. All claim offsets point into ``text``.
    """

    document_id: str
    text: str
    segments: tuple[Segment, ...]
    comments: tuple[Comment, ...] = ()
    outlet: str | None = None
    host: str | None = None
    is_repost: bool = False
    url: str | None = None
    published_at: datetime | None = None
    published_at_inferred: bool = False
    language: str | None = None
    boilerplate: tuple[str, ...] = field(default=())  # the lines dropped, verbatim, for audit

    @property
    def title(self) -> str | None:
        return next((self.segment_text(s) for s in self.segments if s.kind is SegmentKind.TITLE), None)

    def segment_text(self, segment: Segment) -> str:
        return self.text[segment.start : segment.end]

    def texts(self, *kinds: SegmentKind) -> list[str]:
        """The texts of the segments of the given kinds, in order."""
        return [self.segment_text(s) for s in self.segments if s.kind in kinds]


UNKNOWN_OUTLET = "unknown outlet"


CLAIM_KINDS = ("direct", "indirect", "according-to", "outlet-voice")
FACTUALITY_LABELS = ("asserted", "hedged", "negated", "not-confirmed", "denied", "confirmed", "opinion")
SOURCE_TYPES = ("official", "state-media", "media", "witness", "expert", "unnamed", "other")


@dataclass(frozen=True, slots=True)
class ChainLink:
    """One link of a claim's chain: who said or passed it on.

    ``name`` is the canonical name within the article ("Ministry of Internal Affairs", "unnamed source");
    ``role`` what the text says of it ("spokesman for the police department"); ``type`` one of
    ``SOURCE_TYPES``.
    """

    name: str
    role: str | None
    type: str


@dataclass(frozen=True, slots=True)
class ClaimTime:
    """When a claim's event happened (``of="event"``) or when it was stated (``of="statement"``).

    ``start``/``end`` are ISO datetimes of a half-open interval when ``resolved``; an open end is None.
    Unresolved relative expressions ("last night" with no publication time) keep ``expression`` only.
    """

    start: str | None
    end: str | None
    granularity: str | None
    expression: str
    resolved: bool
    of: str = "event"
    year_inferred: bool = False
    approx: bool = False


@dataclass(frozen=True, slots=True)
class ClaimQuantity:
    """A count in a claim: inclusive ``min``/``max`` (None = open), the counted ``unit`` as written."""

    category: str | None
    min: float | None
    max: float | None
    unit: str
    approx: bool
    expression: str


@dataclass(frozen=True, slots=True)
class ClaimPlace:
    """A place a claim is about, resolved offline: canonical ``name``, ``kind`` (country, region, city,
    facility), ISO country code, coordinates when known, and the ``mention`` as written."""

    name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    mention: str
    parent: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A named person, organisation or outlet a claim mentions, with its canonical name in the article."""

    name: str
    label: str  # spaCy's entity label: PERSON, ORG, NORP, ...
    mention: str


@dataclass(frozen=True, slots=True)
class Proposition:
    """The claim reduced to what a later stage compares (see ``extract/proposition.py``).

    ``subject`` is the agent, ``object`` the patient (a passive's subject); ``arguments`` are the other
    prepositional phrases as "prep:phrase" ("in:city centre"); phrases are lower-cased, determiners dropped.
    """

    predicate: str
    subject: str | None = None
    object: str | None = None
    arguments: tuple[str, ...] = ()
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Claim:
    """One proposition (one clause) of an article, with who says it and how sure it is.

    ``article_id`` is the article's document id (the sha256 of its bytes, stable across databases; the
    CLI's article numbers are row ids of one database). ``start``/``end`` are offsets into the article's
    canonical text; ``where`` is the kind of segment it
    sits in (title, standfirst, body, caption). ``chain`` runs innermost first and always ends with the
    article's outlet (or ``UNKNOWN_OUTLET``); ``speaker`` is its first link. ``confirms``/``denies`` hold
    the ids of earlier claims of the same article this one answers.
    """

    id: str
    article_id: str
    start: int
    end: int
    text: str
    kind: str
    speaker: str
    chain: tuple[ChainLink, ...]
    factuality: str
    cues: tuple[str, ...] = ()
    time: ClaimTime | None = None
    quantities: tuple[ClaimQuantity, ...] = ()
    places: tuple[ClaimPlace, ...] = ()
    entities: tuple[Entity, ...] = ()
    proposition: Proposition | None = None
    where: str = "body"
    confirms: tuple[str, ...] = ()
    denies: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    """The extract stage's outcome for one article: its claims, or why it has none.

    ``status`` is ``done``, ``not-covered`` (the article's language is one extraction does not cover yet;
    ``note`` says which) or ``failed`` (``note`` says why; the article itself is kept).
    """

    status: str
    claims: tuple[Claim, ...] = ()
    note: str | None = None
    signals: StorySignals | None = None  # what the link stage groups stories by (None when not extracted)


@dataclass(frozen=True, slots=True)
class StorySignals:
    """What the link stage needs of a parsed article to put it in a story, read once from the spaCy Doc
    by the extract stage (so linking never parses again): the title and lead (embedded at link time),
    weighted bags of keys per channel (``wiretrace.link.stories.CHANNELS``), the years and ISO day dates
    the text names, its most named actors and places."""

    title: str
    lead: str
    bags: dict[str, dict[str, float]]
    years: tuple[int, ...] = ()
    dates: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


# ---- the link stage: stories and claim clusters ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    """One report of a claim cluster: the claim and the article carrying it (``article`` is its row id)."""

    claim: Claim
    article: int
    outlet: str
    published_at: str | None = None
    repost_of: int | None = None  # the article this one reposts: the same report, not a second one


@dataclass(frozen=True, slots=True)
class Origin:
    """A primary source, one identity across articles: a spokeswoman, her department and its press
    service are one origin (``aliases`` lists the names it was seen under)."""

    key: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RelayPath:
    """How one origin reached the page in one mention: the links between it and the outlet."""

    origin: str
    via: tuple[str, ...]
    claim: str


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two mentions that cannot both stand: ``kind`` is ``numbers`` (ranges that do not overlap),
    ``denial`` or ``not-confirmed`` (a source answers the other), or ``contradiction``."""

    kind: str
    first: str  # claim id
    second: str
    first_source: str
    second_source: str
    detail: str


@dataclass(frozen=True, slots=True)
class StatusEntry:
    """One step of a claim cluster's history: when, what status, by whom, in which claim."""

    when: str | None
    status: str
    source: str
    claim: str


@dataclass(frozen=True, slots=True)
class Framing:
    """The words one source uses in a claim cluster for the actors and for the acts."""

    source: str
    actors: tuple[str, ...]
    acts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ClaimCluster:
    """The same proposition across reports, with its primary sources and how independent they are."""

    id: int
    story: int
    label: str
    mentions: tuple[Mention, ...]
    origins: tuple[Origin, ...]
    independence: int
    relays: tuple[RelayPath, ...] = ()
    status: str = "asserted"
    history: tuple[StatusEntry, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    framing: tuple[Framing, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    """An event as reports tell it: articles clustered over time, with a title, time span, places, actors."""

    id: int
    title: str
    start: str | None
    end: str | None
    places: tuple[str, ...]
    actors: tuple[str, ...]
    articles: tuple[int, ...]
    updated_at: str | None = None
    sources: int = 0  # distinct primary sources over its claim clusters (unnamed ones not counted)
    claims: int = 0  # claims of its articles
    clusters: int = 0  # claim clusters
