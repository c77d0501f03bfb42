"""Turn Dragnet gold texts (article, then reader comments) into scraped-looking plain text.

The Dragnet "Corrected" files hold only what a person kept from each page: the article, then after a
marker line the reader comments, as they appeared on the page (often with the site's own author and date
lines). A naive scraper gives much more: navigation, share bars, newsletter boxes, "Related articles"
lists, a comment-section header with sort controls, per-comment author/date/likes/"Reply" lines and a
reply form. This module puts that noise back, deterministically (one seeded ``random.Random`` per page,
nothing written to disk), in six layout families of comment sections:

    tuning families     wordpress  "N thoughts on “Title”", "X says:", date "at" time, "Reply", reply form
                        disqus     "N Comments", "Sort by Best", "name • 3 hours ago", "12 ▲ | ▼ • Reply"
                        numbered   "Comments (N)", "1. text", "— name, date", "Liked by N people", "• " replies
    held-out families   facebook   "N Comments", "Sort by Top", "Name", text, "Like · Reply · 2y · 5 likes"
                        forum      "Re: Title", text, "Posted by X on date | Permalink | Report"
                        newspaper  "Reader comments (N)", "name, city", "dd Mon yyyy HH:MM", "Recommend (4)"

The split is fixed here so a cleaner is tuned on three families and reported on the other three, which it
has never been fitted to. Every generated ``ScrapedPage`` records where each article paragraph and each
comment sits in its text and where the comment section starts, so scorers need no guessing.

The widget vocabulary below is generic web furniture written for this module; nothing is taken from the
evaluation data except the gold article and comment texts themselves.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from wiretrace.errors import DataError

Span = tuple[int, int]

# The marker line, as the annotators typed it (a few files have a stray or missing symbol).
_MARKER = re.compile(r"^[ \t]*[!@#$%^&*() ]{5,}[ \t]*COMMENTS[ \t]*$", re.MULTILINE)
_TOKEN = re.compile(r"\w+")
_BLANK_SPLIT = re.compile(r"\n[ \t\u00a0]*\n")

TUNE_FAMILIES: tuple[str, ...] = ("wordpress", "disqus", "numbered")
HELDOUT_FAMILIES: tuple[str, ...] = ("facebook", "forum", "newspaper")
FAMILIES: tuple[str, ...] = TUNE_FAMILIES + HELDOUT_FAMILIES


@dataclass(frozen=True, slots=True)
class GoldComment:
    """One reader comment of a gold file: its paragraphs, its reply depth (0 = top level) and the page's
    own author/date line above it when the gold kept one (the generator replaces it with its own)."""

    paragraphs: tuple[str, ...]
    depth: int = 0
    header: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class GoldText:
    """A Dragnet gold file split at the comments marker."""

    name: str
    article: str  # the gold article part, verbatim (what body F1 is scored against)
    paragraphs: tuple[str, ...]  # the article's non-empty paragraphs, whitespace-trimmed
    comments: tuple[GoldComment, ...]


@dataclass(frozen=True, slots=True)
class ScrapedPage:
    """One generated page and the generator's record of where everything went in ``text``."""

    name: str
    family: str
    text: str
    gold: GoldText
    article_spans: tuple[Span, ...]  # one per gold article paragraph, in order
    comment_spans: tuple[Span, ...]  # one per gold comment, in order: text[s:e] is the comment's text
    comments_start: int  # where the comment section (its header line) begins; no article text after it

    @property
    def heldout(self) -> bool:
        return self.family in HELDOUT_FAMILIES


# ---------------------------------------------------------------------------------------------------
# Reading the gold files


def decode_gold(raw: bytes) -> str:
    """Decode a gold file: the set mixes UTF-16 (with a BOM), UTF-8 and Windows-1252 files."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = raw.decode("utf-16")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _paragraphs(text: str) -> list[str]:
    parts = (p.strip() for p in _BLANK_SPLIT.split(text))
    return [p for p in parts if _TOKEN.search(p)]


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def _indented_paragraphs(text: str) -> list[tuple[int, str]]:
    """Comment-section paragraphs with the indent of their first line; a change of indent also splits."""
    result: list[tuple[int, list[str]]] = []
    previous_blank = True
    for line in text.split("\n"):
        if not line.strip():
            previous_blank = True
            continue
        indent = _indent(line)
        if previous_blank or not result or indent != result[-1][0]:
            result.append((indent, []))
        result[-1][1].append(line.strip())
        previous_blank = False
    return [(indent, "\n".join(lines)) for indent, lines in result if _TOKEN.search(" ".join(lines))]


def _looks_like_header(paragraph: str) -> bool:
    """A short line without sentence-final punctuation: the page's own author/date line of a comment."""
    short = len(_TOKEN.findall(paragraph)) <= 10 and "\n" not in paragraph
    return short and not paragraph.endswith((".", "!", "?"))


def parse_comments(section: str, max_paragraphs: int = 4) -> tuple[GoldComment, ...]:
    """Group the comment section's paragraphs into comments: a header-like line opens a new comment."""
    groups: list[tuple[int, list[str]]] = []
    for indent, paragraph in _indented_paragraphs(section):
        starts = not groups or _looks_like_header(paragraph) or len(groups[-1][1]) >= max_paragraphs
        starts = starts or (indent != groups[-1][0] and not _looks_like_header(groups[-1][1][-1]))
        if starts:
            groups.append((indent, []))
        groups[-1][1].append(paragraph)
    if not groups:
        return ()
    base = min(indent for indent, _ in groups)
    return tuple(_comment(ps, depth=int(indent > base)) for indent, ps in groups)


def _comment(paragraphs: list[str], depth: int) -> GoldComment:
    if len(paragraphs) > 1 and _looks_like_header(paragraphs[0]):
        return GoldComment(tuple(paragraphs[1:]), depth, header=paragraphs[0])
    return GoldComment(tuple(paragraphs), depth)


def parse_gold(name: str, text: str) -> GoldText:
    """Split a decoded gold file at its comments marker (no marker: no comments)."""
    match = _MARKER.search(text)
    article, section = (text[: match.start()], text[match.end() :]) if match else (text, "")
    return GoldText(name, article, tuple(_paragraphs(article)), parse_comments(section))


def read_dragnet(data_dir: Path, *, with_comments: bool = True) -> list[GoldText]:
    """All gold texts of ``data_dir/gold`` (sorted by name), by default only those with comments."""
    folder = data_dir / "gold"
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not files:
        raise DataError(
            f"{folder}: no Dragnet gold files (*.txt, article then '!@#$%^&*()  COMMENTS' and comments); "
            "point --data at a folder holding gold/<name>.txt files"
        )
    golds = [parse_gold(path.name, decode_gold(path.read_bytes())) for path in files]
    return [g for g in golds if g.paragraphs and (g.comments or not with_comments)]


# ---------------------------------------------------------------------------------------------------
# Generic web furniture

_FIRST = ("Mike", "Sarah", "Tom", "Jen", "Dave", "Laura", "Chris", "Anna", "Paul", "Kate", "Mark", "Lisa",
          "Steve", "Emma", "Rob", "Julie", "Ben", "Nina", "Greg", "Olivia", "Sam", "Rachel", "Dan", "Maria")
_LAST = ("Miller", "Jones", "Brown", "Garcia", "Wilson", "Clark", "Lewis", "Walker", "Young", "King",
         "Hill", "Baker", "Adams", "Nelson", "Carter", "Parker", "Evans", "Turner", "Collins", "Reed")
_HANDLES = ("techguy", "bluebird", "old_timer", "reader", "jsmith", "nightowl", "coffeelover", "skeptic",
            "mountainman", "citygirl", "dr_no", "wanderer", "quietstorm", "bookworm", "guest")
_CITIES = ("London", "Leeds", "Boston", "Denver", "Toronto", "Sydney", "Dublin", "Austin", "Glasgow",
           "Portland", "Auckland", "Chicago")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_SITES = ("The Daily Ledger", "Riverside Post", "TechCorner", "Northside Herald", "The Weekly Beacon",
          "Open Road Blog", "Market Watchers", "Green Valley News", "The Morning Wire", "Homestead Life")
_SECTIONS = ("Home", "News", "World", "Business", "Tech", "Sport", "Opinion", "Culture", "Travel",
             "Health", "Science", "About", "Contact", "Archives", "Subscribe")
_TOPICS = ("budget", "garden", "startup", "marathon", "election", "smartphone", "recipe", "museum",
           "housing market", "school board", "electric cars", "summer festival", "city council", "vaccine")
_HEADLINES = ("10 things you didn't know about the {t}", "Why the {t} matters more than ever",
              "What the new {t} means for you", "The {t} debate, explained", "Inside the {t}: a closer look",
              "Readers weigh in on the {t}", "How to get the most out of your {t}",
              "{T} update: what happens next", "Five lessons from the {t}", "Is the {t} worth it?")
_CAPTIONS = ("A crowd gathers outside the building on {m} {d}.", "The view from the hill at sunset.",
             "Visitors walk past the new exhibit.", "Workers on the site earlier this week.",
             "File photo of the main square.", "A sign posted near the entrance.")
_FOOTER_LINKS = ("About us", "Contact", "Privacy Policy", "Terms of Use", "Advertise", "Careers")
_CREDITS = ("Photo: Staff photographer", "Image via Wikimedia Commons", "Photo: Getty Images",
            "(AP Photo)", "Credit: Shutterstock", "Photo courtesy of the author")


def _name(rng: random.Random) -> str:
    if rng.random() < 0.35:
        return f"{rng.choice(_HANDLES)}{rng.randint(1, 999) if rng.random() < 0.5 else ''}"
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" if rng.random() < 0.7 else rng.choice(_FIRST)


def _date(rng: random.Random, style: str) -> str:
    year, month, day = rng.randint(2009, 2013), rng.randint(1, 12), rng.randint(1, 28)
    hour, minute = rng.randint(0, 23), rng.randint(0, 59)
    clock = f"{hour % 12 or 12}:{minute:02d} {'pm' if hour >= 12 else 'am'}"
    if style == "wp":
        return f"{_MONTHS[month - 1]} {day}, {year} at {clock}"
    if style == "uk":
        return f"{day:02d} {_MONTHS[month - 1][:3]} {year} {hour:02d}:{minute:02d}"
    if style == "forum":
        return f"{_MONTHS[month - 1][:3]} {day}, {year} {clock.upper()}"
    return f"{year}-{month:02d}-{day:02d}"


def _ago(rng: random.Random, short: bool = False) -> str:
    unit, amount = rng.choice((("minute", 59), ("hour", 23), ("day", 6), ("month", 11), ("year", 4)))
    n = rng.randint(1, amount)
    return f"{n}{unit[0]}" if short else f"{n} {unit}{'s' if n > 1 else ''} ago"


def _headline(rng: random.Random) -> str:
    topic = rng.choice(_TOPICS)
    return rng.choice(_HEADLINES).format(t=topic, T=topic.capitalize())


# ---------------------------------------------------------------------------------------------------
# Page assembly: a list of parts, each a piece of text with its role, joined by the page's separator


@dataclass(slots=True)
class _Part:
    text: str
    role: str = "noise"  # "noise", "article" (index = paragraph), "comment" (index = comment), "section"
    index: int = -1
    prefix: str = ""  # furniture glued before the text on its line ("1. ", "  • "), outside its span


@dataclass(slots=True)
class _Context:
    rng: random.Random
    gold: GoldText
    site: str
    title: str
    parts: list[_Part] = field(default_factory=list)

    def noise(self, *lines: str) -> None:
        self.parts.extend(_Part(line) for line in lines if line)

    def comment(self, index: int, sep: str, prefix: str = "") -> None:
        self.parts.append(_Part(sep.join(self.gold.comments[index].paragraphs), "comment", index, prefix))


_NO_TITLE = "this post"  # what comment headers say when the article has no title-like first line


def _title_of(gold: GoldText) -> str:
    first = gold.paragraphs[0].split("\n")[0].strip()
    return first if 2 <= len(_TOKEN.findall(first)) <= 15 else _NO_TITLE


def _navigation(ctx: _Context) -> None:
    rng = ctx.rng
    ctx.noise(ctx.site if rng.random() < 0.7 else "")
    ctx.noise(rng.choice(("  ", " | ", " · ", "\n")).join(rng.sample(_SECTIONS, rng.randint(4, 8))))
    page_title = f"{ctx.title} | {ctx.site}" if ctx.title != _NO_TITLE and rng.random() < 0.4 else ""
    ctx.noise("Search" if rng.random() < 0.4 else "", page_title)


def _share_bar(ctx: _Context) -> None:
    rng = ctx.rng
    share = rng.sample(("Facebook", "Twitter", "Email", "Print", "LinkedIn", "Reddit", "WhatsApp"), 4)
    if rng.random() < 0.5:
        ctx.noise("Share this:", *share)
    else:
        ctx.noise(f"Share: {' | '.join(share)}", f"{rng.randint(2, 900)} shares" if rng.random() < 0.5 else "")


def _newsletter(ctx: _Context) -> None:
    ctx.noise(
        ctx.rng.choice(("Sign up for our newsletter", "Get the latest stories in your inbox", "Stay informed")),
        "Enter your email address to receive new posts by email.",
        "Email address", ctx.rng.choice(("Subscribe", "Sign up")),
    )


def _related(ctx: _Context) -> None:
    rng = ctx.rng
    ctx.noise(rng.choice(("Related articles", "Related posts:", "You may also like", "More from " + ctx.site)))
    ctx.noise(*(("• " if rng.random() < 0.3 else "") + _headline(rng) for _ in range(rng.randint(3, 5))))


def _tags(ctx: _Context) -> None:
    rng = ctx.rng
    tags = ", ".join(rng.sample(_TOPICS, 3))
    ctx.noise(rng.choice((f"Tags: {tags}", f"Filed under: {tags}", f"Posted in {rng.choice(_SECTIONS)} | {tags}")))


def _footer(ctx: _Context) -> None:
    rng = ctx.rng
    ctx.noise(
        " | ".join(rng.sample(_FOOTER_LINKS, 4)),
        f"© {rng.randint(2010, 2014)} {ctx.site}. All rights reserved.",
        "Powered by WordPress" if rng.random() < 0.3 else "",
    )


def _article(ctx: _Context) -> None:
    rng = ctx.rng
    caption_at = rng.randint(1, max(1, len(ctx.gold.paragraphs) - 1)) if rng.random() < 0.5 else -1
    for i, paragraph in enumerate(ctx.gold.paragraphs):
        if i == caption_at:
            caption = rng.choice(_CAPTIONS).format(m=rng.choice(_MONTHS), d=rng.randint(1, 28))
            ctx.noise(f"{caption} ({rng.choice(_CREDITS)})" if rng.random() < 0.5 else caption)
            ctx.noise(rng.choice(_CREDITS) if rng.random() < 0.3 else "")
        ctx.parts.append(_Part(paragraph, "article", i))


# ---------------------------------------------------------------------------------------------------
# The six comment-section families. Each appends the section header (role "section"), the comments
# with their furniture, and the section's footer.


def _section(ctx: _Context, header: str) -> None:
    ctx.parts.append(_Part(header, "section"))


def _wordpress(ctx: _Context) -> None:
    rng, n = ctx.rng, len(ctx.gold.comments)
    _section(ctx, rng.choice((f"{n} thoughts on “{ctx.title}”", f"{n} Responses to “{ctx.title}”",
                              f"{n} comments")))
    for i, comment in enumerate(ctx.gold.comments):
        ctx.noise(f"{_name(rng)} says:" if rng.random() < 0.7 else _name(rng), _date(rng, "wp"))
        ctx.comment(i, "\n\n")
        ctx.noise("Reply")
    ctx.noise("Leave a Reply", "Your email address will not be published. Required fields are marked *",
              "Comment", "Name *", "Email *", "Website", "Post Comment",
              "Notify me of follow-up comments by email." if rng.random() < 0.5 else "")


def _disqus(ctx: _Context) -> None:
    rng, n = ctx.rng, len(ctx.gold.comments)
    _section(ctx, f"{n} Comments")
    ctx.noise(ctx.site, "Login", f"Recommend {rng.randint(0, 40)}", "Share", "Sort by Best",
              "Join the discussion…")
    for i, comment in enumerate(ctx.gold.comments):
        name = _name(rng)
        if comment.depth:
            to = f" → {_name(rng)}" if rng.random() < 0.5 else ""
            ctx.noise(f"{name}{to} • {_ago(rng)}")
        else:
            ctx.noise(f"{name} • {_ago(rng)}")
        ctx.comment(i, "\n")
        votes = f"{rng.randint(0, 60)} ▲ | ▼ • Reply • Share ›"
        ctx.noise(votes if rng.random() < 0.7 else "▲ | ▼ • Reply")
    ctx.noise("Load more comments", "ALSO ON " + ctx.site.upper(), _headline(rng), _headline(rng),
              "✉ Subscribe", "d Add Disqus to your site", "🔒 Do Not Sell My Data")


def _numbered(ctx: _Context) -> None:
    rng, n = ctx.rng, len(ctx.gold.comments)
    _section(ctx, rng.choice((f"Comments ({n})", f"{n} comments so far", f"Comments: {n}")))
    number = 0
    for i, comment in enumerate(ctx.gold.comments):
        if comment.depth:
            ctx.comment(i, "\n", prefix="  • ")
        else:
            number += 1
            ctx.comment(i, "\n", prefix=f"{number}. ")
        ctx.noise(f"— {_name(rng)}, {_date(rng, 'iso')}")
        likes = rng.randint(0, 30)
        ctx.noise(f"Liked by {likes} people" if likes > 1 else ("Like" if likes == 0 else "Liked by 1 person"))
    ctx.noise("Add your comment", "Post")


def _facebook(ctx: _Context) -> None:
    rng, n = ctx.rng, len(ctx.gold.comments)
    _section(ctx, f"{n} Comments")
    ctx.noise("Sort by", "Top" if rng.random() < 0.6 else "Newest", "Add a comment...")
    for i, comment in enumerate(ctx.gold.comments):
        ctx.noise(_name(rng).title())
        ctx.noise(rng.choice(("Works at " + rng.choice(_SITES), "Lives in " + rng.choice(_CITIES), ""))
                  if rng.random() < 0.3 else "")
        ctx.comment(i, "\n")
        likes = rng.randint(0, 40)
        ctx.noise(f"Like · Reply · {_ago(rng, short=True)}" + (f" · {likes} likes" if likes else ""))
        if not comment.depth and rng.random() < 0.2:
            ctx.noise(f"{_name(rng).title()} replied · {rng.randint(2, 9)} Replies")
    ctx.noise("Facebook Comments Plugin")


def _forum(ctx: _Context) -> None:
    rng, n = ctx.rng, len(ctx.gold.comments)
    _section(ctx, rng.choice(("Discussion", f"Comments ({n})", "Reader Comments")))
    ctx.noise(f"{n} replies" if rng.random() < 0.5 else "")
    for i, comment in enumerate(ctx.gold.comments):
        ctx.noise(f"Re: {ctx.title}" if rng.random() < 0.4 else "")
        ctx.comment(i, "\n\n")
        ctx.noise(f"Posted by {_name(rng)} on {_date(rng, 'forum')} | Permalink | Report")
    ctx.noise("Post a comment", "Comments are moderated and will appear after approval.",
              "Name:", "Email Address:", "URL:", "Remember personal info?", "Comments:", "Preview  Post")


def _newspaper(ctx: _Context) -> None:
    rng, n = ctx.rng, len(ctx.gold.comments)
    _section(ctx, rng.choice((f"Reader comments ({n})", f"Have your say ({n})", f"Comments ({n})")))
    ctx.noise("Sort: Newest | Oldest | Most recommended",
              "Comments on this story are now closed." if rng.random() < 0.3 else "")
    for i, comment in enumerate(ctx.gold.comments):
        ctx.noise(f"{_name(rng)}, {rng.choice(_CITIES)}" if rng.random() < 0.7 else _name(rng), _date(rng, "uk"))
        ctx.comment(i, "\n")
        ctx.noise(f"Recommend ({rng.randint(0, 120)}) | Report abuse" if rng.random() < 0.8 else "Report abuse")
    ctx.noise("Show more comments", "The views expressed in the contents above are those of our users "
              "and do not necessarily reflect the views of this site.")


_RENDERERS: dict[str, Callable[[_Context], None]] = {
    "wordpress": _wordpress, "disqus": _disqus, "numbered": _numbered,
    "facebook": _facebook, "forum": _forum, "newspaper": _newspaper,
}


# ---------------------------------------------------------------------------------------------------
# Putting a page together


def _layout(ctx: _Context, family: str) -> None:
    """Header, article, widgets, the comment section, more widgets, footer."""
    rng = ctx.rng
    _navigation(ctx)
    if rng.random() < 0.3:
        _share_bar(ctx)
    _article(ctx)
    widgets: list[Callable[[_Context], None]] = [_share_bar, _tags, _newsletter, _related]
    rng.shuffle(widgets)
    cut = rng.randint(0, len(widgets))
    for widget in widgets[:cut]:
        widget(ctx)
    _RENDERERS[family](ctx)
    for widget in widgets[cut:]:
        widget(ctx)
    _footer(ctx)


def _join(parts: Sequence[_Part], sep: str) -> tuple[str, list[Span], list[Span], int]:
    chunks: list[str] = []
    article: list[Span] = []
    comments: list[Span] = []
    section = -1
    offset = 0
    for part in parts:
        if chunks:
            chunks.append(sep)
            offset += len(sep)
        start = offset + len(part.prefix)
        chunks.append(part.prefix + part.text)
        offset = start + len(part.text)
        if part.role == "article":
            article.append((start, offset))
        elif part.role == "comment":
            comments.append((start, offset))
        elif part.role == "section" and section < 0:
            section = start
    return "".join(chunks), article, comments, section


def render(gold: GoldText, family: str, *, seed: int = 0) -> ScrapedPage:
    """One scraped-looking page for ``gold`` in layout ``family``; the same arguments give the same page."""
    if family not in _RENDERERS:
        raise ValueError(f"unknown layout family {family!r}; known: {', '.join(FAMILIES)}")
    rng = random.Random(f"{seed}:{gold.name}:{family}")
    ctx = _Context(rng, gold, rng.choice(_SITES), _title_of(gold))
    _layout(ctx, family)
    text, article, comments, section = _join(ctx.parts, "\n\n" if rng.random() < 0.5 else "\n")
    return ScrapedPage(gold.name, family, text, gold, tuple(article), tuple(comments), section)


def assign_families(golds: Iterable[GoldText], *, seed: int = 0) -> list[tuple[GoldText, str]]:
    """Give each gold text one family, round-robin over a seeded shuffle (sorted by name first)."""
    ordered = sorted(golds, key=lambda g: g.name)
    random.Random(seed).shuffle(ordered)
    return [(gold, FAMILIES[i % len(FAMILIES)]) for i, gold in enumerate(ordered)]


def scraped_pages(golds: Iterable[GoldText], *, seed: int = 0) -> list[ScrapedPage]:
    """One page per gold text, each in its assigned family."""
    return [render(gold, family, seed=seed) for gold, family in assign_families(golds, seed=seed)]
