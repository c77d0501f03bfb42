"""A synthetic-but-realistic corpus for the link benchmark: real extracted articles, replicated into events.

The pool: real English articles (the two bundled seeds, the ScrapingHub pages and PolNeAR texts beside
the repository, as ``benchmarks/extract.py`` loads them), cleaned and extracted once by wiretrace and
cached in a pickle keyed by the extract stage's source, so a second run skips the spaCy parse.

The synthesis (``Synthesiser``): articles come in *events* of 20–50 reports. Each event has its own cast
(person, place and organisation names made of random syllables), a day, a date shift and a "dialect"
(about 15% of its content words swapped for other words of the pool's vocabulary, so two events told
from the same pool text differ in wording as well as in names). An event's reports are drawn from a few
pool articles (``unique_share`` of its size: the rest are near-copies of those, as wire copies are), each
rewritten consistently in every field linking reads: the text and segment offsets, every claim's text,
offsets, speaker, chain, entities, places, proposition and time, and the story signals (title, lead,
bags, years, dates, actors, places). Each report gets an outlet of its own, a footer naming it and,
sometimes, loses its last paragraph (and that paragraph's claims). Articles arrive in publication order,
so events overlap in time as real ones do. Nothing is parsed again: the records are written straight to
the store (extraction is not what the benchmark times).
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import math
import pickle
import random
import re
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from wiretrace.records import (
    Article,
    ChainLink,
    Claim,
    ClaimPlace,
    ClaimTime,
    Document,
    Entity,
    Extraction,
    Proposition,
    Segment,
    SegmentKind,
    StorySignals,
)

REPO = Path(__file__).resolve().parent.parent
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_YEAR_TOKEN = re.compile(r"^(19|20)\d\d$")
_CONSONANTS = "bdfgklmnprstvzh"
_VOWELS = "aeiou"
_OUTLET_WORDS = ("Herald", "Times", "Post", "Daily", "Observer", "Gazette", "Tribune", "Courier", "Wire", "News")

Pool = list[tuple[Article, Extraction]]


# ---- the pool ---------------------------------------------------------------------------------------


def _extract_source_key() -> str:
    """A hash of the extract stage's and the records' source: a cached pool is stale once either changes."""
    digest = hashlib.sha256()
    src = REPO / "src" / "wiretrace"
    for path in sorted([*(src / "extract").rglob("*.py"), src / "records.py", src / "clean" / "blocks.py"]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def load_pool(limit: int, cache_dir: Path | None = None, *, log: Callable[[str], None] = print) -> Pool:
    """Up to ``limit`` real articles with their extraction ("done", with claims and signals), from the
    pickle cache when it matches the current extract stage, else extracted now (minutes) and cached."""
    cache_dir = cache_dir or Path(tempfile.gettempdir()) / "wiretrace-bench-link"
    cache_dir.mkdir(parents=True, exist_ok=True)
    key = _extract_source_key()
    cache = cache_dir / f"pool-{limit}-{key}.pkl"
    cached = sorted((int(p.name.split("-")[1]), p) for p in cache_dir.glob(f"pool-*-{key}.pkl"))
    larger = [path for size, path in cached if size >= limit]  # the corpus order is fixed: a prefix is the same
    if larger:
        with larger[0].open("rb") as handle:
            return pickle.load(handle)[:limit]  # noqa: S301 (our own cache file)
    pool = _extract_pool(limit, log)
    with cache.open("wb") as handle:
        pickle.dump(pool, handle, protocol=pickle.HIGHEST_PROTOCOL)
    log(f"pool of {len(pool)} extracted articles cached in {cache}")
    return pool


def _extract_pool(limit: int, log: Callable[[str], None]) -> Pool:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from extract import load_articles  # the extract benchmark's corpus: seeds, ScrapingHub, PolNeAR

    from wiretrace.evaluation.data import shared_data_dir
    from wiretrace.extract.stage import Extractor

    if not shared_data_dir().is_dir():
        log(f"warning: the evaluation data is not there ({shared_data_dir()}); the pool is the two bundled "
            "seeds only, so every event retells one of two texts (put ../shared beside the repository)")
    with tempfile.TemporaryDirectory() as tmp:
        articles, sources = load_articles(limit, Path(tmp))
    log(f"extracting a pool of {len(articles)} articles ({dict(sources)}), once; this takes minutes")
    extractor, pool = Extractor(), []
    for first in range(0, len(articles), 50):
        batch = articles[first : first + 50]
        for article, extraction in zip(batch, extractor.extract(batch), strict=True):
            if extraction.status == "done" and extraction.claims and extraction.signals is not None:
                pool.append((article, extraction))
        log(f"  extracted {min(first + 50, len(articles))}/{len(articles)}")
    return pool


# ---- rewriting text with offsets ----------------------------------------------------------------------


class OffsetMap:
    """Old character offsets → new ones after token replacements (offsets inside a replaced token land
    at the same distance into its replacement, clipped to its end)."""

    def __init__(self, edits: list[tuple[int, int, int, int]]) -> None:
        self._edits = edits  # (old start, old end, new start, new end), in order
        self._starts = [e[0] for e in edits]

    def __call__(self, offset: int) -> int:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return offset
        old_start, old_end, new_start, new_end = self._edits[i]
        if offset >= old_end:
            return new_end + (offset - old_end)
        return min(new_start + (offset - old_start), new_end)


def rewrite(text: str, replace: Callable[[str], str | None]) -> tuple[str, OffsetMap]:
    """``text`` with each token ``replace`` maps to a string replaced, and the offset map."""
    parts, edits, last, shift = [], [], 0, 0
    for match in _TOKEN.finditer(text):
        new = replace(match.group())
        if new is None or new == match.group():
            continue
        start, end = match.span()
        parts += [text[last:start], new]
        edits.append((start, end, start + shift, start + shift + len(new)))
        shift += len(new) - (end - start)
        last = end
    parts.append(text[last:])
    return "".join(parts), OffsetMap(edits)


def same_case(model: str, word: str) -> str:
    """``word`` in the case pattern of ``model`` (UPPER, Capitalised or lower)."""
    if len(model) > 1 and model.isupper():
        return word.upper()
    return word.capitalize() if model[:1].isupper() else word.lower()


# ---- events ---------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class Event:
    """One synthetic event: its cast of name words per category, its day, the shift applied to every date
    of a pool text retold in it, and the seed of its dialect."""

    number: int
    cast: dict[str, tuple[str, ...]]
    day: date
    sources: tuple[int, ...]  # pool indices its reports retell
    size: int


@dataclasses.dataclass(frozen=True, slots=True)
class Synthetic:
    """One synthetic article ready for ``store.save_article``."""

    document: Document
    article: Article
    extraction: Extraction
    event: int


class Names:
    """Unique pronounceable name words (2–3 random syllables), never a real word by construction
    (mostly), never repeated across the corpus."""

    def __init__(self, rng: random.Random) -> None:
        self._rng, self._seen = rng, set()

    def word(self) -> str:
        while True:
            syllables = self._rng.choice((2, 2, 3))
            word = "".join(self._rng.choice(_CONSONANTS) + self._rng.choice(_VOWELS) for _ in range(syllables))
            word += self._rng.choice(("", "n", "k", "r", "v", "sh"))
            if word not in self._seen:
                self._seen.add(word)
                return word.capitalize()


def name_words(article: Article, extraction: Extraction) -> dict[str, list[str]]:
    """The name words of a pool article by category (person, place, other), most weighted first: the
    words of its persons, places, entities and names bags that never occur in lower case in its text
    (so "police" in "Police Department" stays a common word)."""
    signals = extraction.signals
    assert signals is not None
    lower_words = {w for w in _TOKEN.findall(article.text) if w.islower()}
    weights: dict[str, dict[str, float]] = {"person": {}, "place": {}, "other": {}}
    for channel, category in (("persons", "person"), ("places", "place"), ("entities", "other"), ("names", "other")):
        for key, weight in signals.bags.get(channel, {}).items():
            for word in _TOKEN.findall(key.lower()):
                if len(word) > 1 and word.isalpha() and word not in lower_words:
                    weights[category][word] = weights[category].get(word, 0.0) + weight
    for claim in extraction.claims:
        for place in claim.places:
            for word in _TOKEN.findall(f"{place.name} {place.mention} {place.parent or ''}".lower()):
                if len(word) > 1 and word.isalpha() and word not in lower_words:
                    weights["place"][word] = weights["place"].get(word, 0.0) + 1.0
    taken: set[str] = set()
    ordered: dict[str, list[str]] = {}
    for category in ("person", "place", "other"):
        words = sorted(weights[category], key=lambda w: (-weights[category][w], w))
        ordered[category] = [w for w in words if w not in taken]
        taken.update(ordered[category])
    return ordered


class Synthesiser:
    """Makes ``count`` synthetic articles from a pool (see the module docstring); deterministic for a seed."""

    def __init__(self, pool: Pool, *, seed: int = 1, event_sizes: tuple[int, int] = (20, 50),
                 unique_share: float = 0.6, dialect: float = 0.15, span_days: int = 730) -> None:
        self.pool, self.seed = pool, seed
        self.event_sizes, self.unique_share, self.dialect, self.span_days = event_sizes, unique_share, dialect, span_days
        self._rng = random.Random(seed)
        self._names = Names(random.Random(seed + 1))
        self._name_words = [name_words(a, e) for a, e in pool]
        self._vocabulary = self._pool_vocabulary()
        self._outlets = [f"The {self._names.word()} {self._rng.choice(_OUTLET_WORDS)}" for _ in range(400)]
        self._order = list(range(len(pool)))
        self._rng.shuffle(self._order)
        self._next_source = 0

    def _pool_vocabulary(self) -> list[str]:
        names = {w for words in self._name_words for ws in words.values() for w in ws}
        words = {w for _, e in self.pool for w in (e.signals.bags.get("terms", {}) if e.signals else {})
                 if w.isalpha() and w.islower() and len(w) >= 4 and w not in names}
        return sorted(words)

    def events(self, count: int) -> list[Event]:
        """Events whose sizes add up to ``count`` articles."""
        events, total, start = [], 0, date(2019, 1, 1)
        while total < count:
            size = min(self._rng.randint(*self.event_sizes), count - total)
            unique = max(1, round(size * self.unique_share))
            sources = tuple(self._source() for _ in range(min(unique, len(self.pool))))
            cast = {"person": tuple(self._names.word() for _ in range(6)),
                    "place": tuple(self._names.word() for _ in range(4)),
                    "other": tuple(self._names.word() for _ in range(10))}
            day = start + timedelta(days=self._rng.randrange(self.span_days))
            events.append(Event(len(events), cast, day, sources, size))
            total += size
        return events

    def _source(self) -> int:
        """Pool articles in a shuffled round robin, so each is retold about as often as the others."""
        index = self._order[self._next_source % len(self._order)]
        self._next_source += 1
        return index

    def articles(self, count: int) -> list[Synthetic]:
        """``count`` synthetic articles in publication order."""
        made = []
        serial = 0
        for event in self.events(count):
            retold = {}
            for member in range(event.size):
                source = event.sources[member % len(event.sources)]
                if source not in retold:
                    retold[source] = self._retell(event, source)
                hours = self._rng.expovariate(1 / 30) + self._rng.random() * 6
                published = datetime(event.day.year, event.day.month, event.day.day, 6, tzinfo=UTC) + timedelta(hours=hours)
                made.append(self._report(event, retold[source], published, serial))
                serial += 1
        made.sort(key=lambda s: (s.article.published_at, s.document.id))
        return made

    # ---- one pool text retold in an event ----

    def _retell(self, event: Event, source: int) -> tuple[Article, Extraction]:
        """The pool article with the event's names, dates and dialect, in every field linking reads."""
        article, extraction = self.pool[source]
        shift = (event.day - _reference_day(article, extraction)).days
        swap = _Swap(event, self._name_words[source], self._vocabulary, self.dialect, shift, self.seed)
        text, offsets = rewrite(article.text, swap)
        segments = tuple(dataclasses.replace(s, start=offsets(s.start), end=offsets(s.end)) for s in article.segments)
        claims = tuple(_claim(c, swap, offsets, shift) for c in extraction.claims)
        signals = _signals(extraction.signals, swap, shift) if extraction.signals else None
        new_article = dataclasses.replace(article, text=text, segments=segments, boilerplate=())
        return new_article, dataclasses.replace(extraction, claims=claims, signals=signals)

    def _report(self, event: Event, retold: tuple[Article, Extraction], published: datetime, serial: int) -> Synthetic:
        """One report: the retold text under its own outlet, a footer naming it, sometimes one paragraph
        fewer; new document id, claim ids and outlet link."""
        article, extraction = retold
        outlet = self._rng.choice(self._outlets)
        segments, claims = list(article.segments), list(extraction.claims)
        body = [s for s in segments if s.kind is SegmentKind.BODY]
        cut = len(article.text)
        if len(body) >= 4 and self._rng.random() < 0.3:
            cut = body[-1].start
            segments = [s for s in segments if s.end <= cut]
            claims = [c for c in claims if c.end <= cut]
        footer = f"© {published.year} {outlet}. Report {serial}."
        text = article.text[:cut].rstrip() + "\n\n"
        segments.append(Segment(SegmentKind.PROVENANCE, len(text), len(text) + len(footer)))
        text += footer
        document = Document(raw=text.encode(), media_type="text/plain", location=f"synthetic/event-{event.number}/{serial}.txt",
                            text=text, encoding="utf-8", fetched_at=published, outlet=outlet, published_at=published)
        new_article = dataclasses.replace(article, document_id=document.id, text=text, segments=tuple(segments),
                                          outlet=outlet, host=None, url=None, published_at=published,
                                          published_at_inferred=False)
        return Synthetic(document, new_article, dataclasses.replace(extraction, claims=_renumber(claims, document.id, outlet)),
                         event.number)


class _Swap:
    """The token replacement of one pool text in one event: its name words → the event's cast (by rank
    within each category), years shifted with the event's dates, ``dialect`` of its other words swapped
    for pool words (decided by a hash of the event and the word, so every retelling agrees)."""

    def __init__(self, event: Event, names: dict[str, list[str]], vocabulary: list[str], dialect: float,
                 shift_days: int, seed: int) -> None:
        self._names = {word: event.cast[category][rank % len(event.cast[category])].lower()
                       for category, words in names.items() for rank, word in enumerate(words)}
        self._vocabulary, self._dialect, self._key = vocabulary, dialect, f"{seed}:{event.number}:"
        self.years = round(shift_days / 365.25)

    def __call__(self, token: str) -> str | None:
        lower = token.lower()
        if lower in self._names:
            return same_case(token, self._names[lower])
        if _YEAR_TOKEN.match(token):
            return str(int(token) + self.years)
        if token.isalpha() and token.islower() and len(token) >= 4 and self._vocabulary:
            draw = zlib.crc32((self._key + token).encode())
            if draw % 10_000 < self._dialect * 10_000:
                return self._vocabulary[(draw // 10_000) % len(self._vocabulary)]
        return None

    def text(self, text: str | None) -> str | None:
        return rewrite(text, self)[0] if text else text


def _reference_day(article: Article, extraction: Extraction) -> date:
    """The day a pool text is "about": its publication day, else its latest named day or year."""
    if article.published_at:
        return article.published_at.date()
    signals = extraction.signals
    if signals and signals.dates:
        return max(date.fromisoformat(d) for d in signals.dates)
    if signals and signals.years:
        return date(max(signals.years), 7, 1)
    return date(2016, 7, 1)


def _shift_iso(value: str | None, days: int) -> str | None:
    if not value:
        return value
    try:
        if len(value) == 10:
            return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
        return (datetime.fromisoformat(value) + timedelta(days=days)).isoformat()
    except ValueError:
        return value


def _claim(claim: Claim, swap: _Swap, offsets: OffsetMap, shift: int) -> Claim:
    t = swap.text
    time = claim.time and dataclasses.replace(claim.time, start=_shift_iso(claim.time.start, shift),
                                              end=_shift_iso(claim.time.end, shift), expression=t(claim.time.expression))
    proposition = claim.proposition and dataclasses.replace(
        claim.proposition, subject=t(claim.proposition.subject), object=t(claim.proposition.object),
        arguments=tuple(t(a) for a in claim.proposition.arguments))
    return dataclasses.replace(
        claim, start=offsets(claim.start), end=offsets(claim.end), text=t(claim.text), speaker=t(claim.speaker),
        chain=tuple(ChainLink(t(c.name), t(c.role), c.type) for c in claim.chain), time=time,
        places=tuple(ClaimPlace(t(p.name), p.kind, p.country, p.lat, p.lon, t(p.mention), t(p.parent)) for p in claim.places),
        entities=tuple(Entity(t(e.name), e.label, t(e.mention)) for e in claim.entities), proposition=proposition,
    )


def _signals(signals: StorySignals, swap: _Swap, shift: int) -> StorySignals:
    bags = {}
    for channel, bag in signals.bags.items():
        new: dict[str, float] = {}
        for key, weight in bag.items():
            mapped = swap.text(key) or key
            new[mapped] = max(weight, new.get(mapped, 0.0))
        bags[channel] = new
    return StorySignals(
        title=swap.text(signals.title) or "", lead=swap.text(signals.lead) or "", bags=bags,
        years=tuple(y + swap.years for y in signals.years),
        dates=tuple(d for d in (_shift_iso(d, shift) for d in signals.dates) if d),
        actors=tuple(swap.text(a) or a for a in signals.actors), places=tuple(swap.text(p) or p for p in signals.places),
    )


def _renumber(claims: list[Claim], document_id: str, outlet: str) -> tuple[Claim, ...]:
    """Claims under the new document: ids ``<first 16 hex>#n``, references kept inside the article, the
    chain ending with the report's outlet."""
    prefix = document_id[:16]
    ids = {c.id: f"{prefix}#{c.id.rsplit('#', 1)[-1]}" for c in claims}
    out = []
    for claim in claims:
        chain = claim.chain[:-1] + (ChainLink(outlet, None, "media"),) if claim.chain else claim.chain
        out.append(dataclasses.replace(
            claim, id=ids[claim.id], article_id=document_id, chain=chain,
            speaker=chain[0].name if len(claim.chain) == 1 else claim.speaker,
            confirms=tuple(ids[r] for r in claim.confirms if r in ids),
            denies=tuple(ids[r] for r in claim.denies if r in ids)))
    return tuple(out)


def iter_chunks(items: list, size: int) -> Iterator[list]:
    for first in range(0, len(items), size):
        yield items[first : first + size]


def fit_exponent(sizes: list[int], seconds: list[float]) -> float | None:
    """The slope of the least-squares line through (log n, log t): the growth exponent."""
    if len(sizes) < 2:
        return None
    xs, ys = [math.log(n) for n in sizes], [math.log(t) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
