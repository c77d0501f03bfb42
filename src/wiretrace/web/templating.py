"""The Jinja2 environment of the pages: autoescape always on, undefined names an error, and the few
filters the templates use to show values (never to mark them safe).

Everything shown comes from reports that may be hostile, so no template applies ``|safe`` to data; an
external link is drawn only for an ``http(s)`` URL (autoescape does not stop ``javascript:``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from datetime import datetime
from urllib.parse import quote, urlsplit

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from wiretrace.web.highlight import anchor


def make_templates() -> Jinja2Templates:
    """The page templates, with autoescape on for every template whatever its name."""
    env = Environment(
        loader=PackageLoader("wiretrace.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # package data: never changes under a running app (no stat per template use)
    )
    env.filters.update(href=external_href, when=when, path=path_part, anchor=functools.lru_cache(maxsize=4096)(anchor),
                       number=number, chain=_drawn_once(env, "chain"), card_chain=_drawn_once(env, "card_chain"),
                       badge=_drawn_once(env, "badge"), claim_row=_drawn_once(env, "claim_row"),
                       claim_meta=_drawn_once(env, "claim_meta"), block=_drawn_once(env, "block"))
    env.globals["m"] = env.get_template("macros.html").module  # the shared macros, built once, not per page
    return Jinja2Templates(env=env)


def _drawn_once(env: Environment, macro: str) -> Callable[..., Markup]:
    """A filter drawing its value (and the macro's further arguments) with one of the shared macros,
    each distinct value once: chains of sources (frozen records) and status badges recur on every line
    of a page and from page to page, and a claim row (a frozen ``ClaimItem``: the claim, its cluster and
    verdict), a claim's facts or a paragraph with its claims marked (a frozen ``highlight.Block``) is
    drawn again whenever its page is viewed again. The macros draw only their arguments, so
    the same value always draws the same; a changed verdict is another ``ClaimItem``, never a stale hit."""

    @functools.lru_cache(maxsize=4096)
    def draw(value: Hashable, *args: Hashable) -> Markup:
        return getattr(env.globals["m"], macro)(value, *args)

    return draw


def external_href(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL, else None (the template then shows it as text)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    if any(c.isspace() or not c.isprintable() for c in url.strip()):
        return None
    return url.strip()


@functools.lru_cache(maxsize=8192)
def when(value: str | datetime | None) -> str:
    """An ISO time as "2022-01-06 04:30 +06:00" (a date alone stays a date); "—" when unknown (each
    distinct time formatted once: lists show the same few times on every line)."""
    if value is None or value == "":
        return "—"
    text = value.isoformat() if isinstance(value, datetime) else str(value)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    if len(text) <= 10:
        return moment.date().isoformat()
    shown = moment.strftime("%Y-%m-%d %H:%M")
    return f"{shown} {moment.strftime('%z')[:3]}:{moment.strftime('%z')[3:]}" if moment.tzinfo else shown


@functools.lru_cache(maxsize=4096)
def path_part(value: object) -> str:
    """A value made safe as one URL path segment (slashes included); the same few source names recur on
    every line of a page, so each is quoted once."""
    return quote(str(value), safe="")


def number(value: int) -> str:
    """A count with thousands separators."""
    return f"{value:,}"
