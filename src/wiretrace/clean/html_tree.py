"""Parse HTML into a tree that trafilatura can work on safely, and scrub markup out of extracted text.

trafilatura does the extraction; this module only covers the three holes found by feeding it hostile pages:

- **Deep nesting.** libxml2 stops building the tree at 255 levels without ``huge_tree`` (and at 2048
  with it), so the text of a page wrapped in a few hundred ``<div>`` elements is silently lost, and a
  very deep tree makes the extractor give up. We re-parse such pages with ``huge_tree`` after cutting
  long runs of bare opening tags, then unwrap the elements past a depth limit, keeping their text and
  children in place. Text nested past 2048 levels with text at every level is still lost.
- **Markup inside embedded JSON.** When the page body yields too little, trafilatura falls back to the
  ``articleBody`` of the page's JSON-LD and renders only a fixed list of tags in it, so a ``<script>``
  written inside that JSON string comes out verbatim, or as bare script text next to a known tag. We drop
  active-content elements from the JSON strings before extraction.
- **Leftover tags in text.** ``scrub_text`` removes any active-content element that still reaches the
  output (the JSON path, a page that prints markup), so downstream stages only ever see plain text.
"""

from __future__ import annotations

import functools
import html as html_lib
import json
import re
from collections.abc import Callable
from typing import Any

import trafilatura
from lxml import etree
from lxml.html import HtmlElement, HTMLParser, fromstring

LIBXML_DEPTH_LIMIT = 255  # libxml2's nesting cap without huge_tree: a tree this deep may be truncated
MAX_DEPTH = 120  # elements below this depth are unwrapped; real article markup stays well above it
# block tags kept a little longer when unwrapping, so paragraphs stay paragraphs
_TEXT_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "td", "th", "br"})

_ACTIVE = "script|style|noscript|template|iframe|frame|frameset|object|embed|applet|svg|math"
# an active element with its content, raw or HTML-escaped ("&lt;script&gt;...&lt;/script&gt;")
_ACTIVE_BLOCK = re.compile(rf"<\s*({_ACTIVE})\b[^>]*>.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)
# single tags that carry or load active content, and structural tags that have no place in text
_ACTIVE_TAG = re.compile(
    rf"<\s*/?\s*(?:{_ACTIVE}|img|image|video|audio|source|link|meta|base|form|input|button|textarea"
    r"|select|option|html|head|body)\b[^<>]*>",
    re.IGNORECASE,
)
# MAX_DEPTH or more opening tags in a row, each followed by another tag (so the last one, which holds the
# text, stays), never active content
_OPEN_RUN = re.compile(
    rf"(?:<(?!/|(?:{_ACTIVE})\b)[a-zA-Z][\w:-]*(?:\s[^<>]*)?>\s*(?=<)){{{MAX_DEPTH},}}", re.IGNORECASE
)
_MARKUP_HINT = re.compile(r"<|&lt;|\\u003c", re.IGNORECASE)
_JSON_LD = './/script[@type="application/ld+json"]'


def load_tree(html: str) -> HtmlElement | None:
    """Parse ``html`` the way trafilatura does, re-parsing deep pages without libxml2's depth cap.

    Returns None when the input is not HTML at all (trafilatura's own verdict). The JSON-LD blocks of the
    returned tree have their active content removed.
    """
    tree = trafilatura.load_html(html)
    if tree is None:
        return None
    if _deeper_than(tree, LIBXML_DEPTH_LIMIT - 1) and (deep := _load_deep(html)) is not None:
        tree = deep
    if _deeper_than(tree, MAX_DEPTH):
        flatten(tree, MAX_DEPTH)
    neutralise_json_ld(tree)
    return tree


def _load_deep(html: str) -> HtmlElement | None:
    """Parse without the 255-level cap; libxml2 still stops at 2048, so long runs of bare opening tags
    (the usual shape of hostile nesting) are cut first: the parser ignores the unmatched end tags."""
    html = _OPEN_RUN.sub("", html)
    parser = HTMLParser(
        huge_tree=True, encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False
    )
    try:
        return fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.LxmlError, ValueError):
        return None


def _walk(root: HtmlElement) -> list[tuple[HtmlElement, int]]:
    """Every element with its depth (the root is 1), without recursion."""
    depth, out = 0, []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            depth += 1
            out.append((element, depth))
        else:
            depth -= 1
    return out


@functools.cache
def _depth_probe(depth: int) -> etree.XPath:
    return etree.XPath("boolean(/" + "/".join("*" * (depth + 1)) + ")")


def _deeper_than(root: HtmlElement, depth: int) -> bool:
    """Whether some element sits below ``depth`` levels; one XPath step per level, all in C."""
    return bool(_depth_probe(depth)(root))


def max_depth(root: HtmlElement) -> int:
    return max((depth for _, depth in _walk(root)), default=0)


def flatten(root: HtmlElement, limit: int) -> int:
    """Unwrap the elements deeper than ``limit`` and return how many went.

    Wrappers go first; text blocks (paragraphs, list items, headings) then keep up to ``2 * limit``
    levels, so paragraphs stay apart. ``drop_tag`` keeps an element's text, children and tail where
    they were, so no text is lost: only the wrappers go.
    """
    wrappers = _unwrap(root, lambda tag, depth: depth > limit and tag not in _TEXT_BLOCKS)
    return wrappers + _unwrap(root, lambda tag, depth: depth > 2 * limit)


def _unwrap(root: HtmlElement, doomed: Callable[[object, int], bool]) -> int:
    elements = [element for element, depth in _walk(root) if doomed(element.tag, depth)]
    for element in reversed(elements):
        if isinstance(element.tag, str):
            element.drop_tag()
        else:  # a comment or processing instruction the parser kept: it holds no visible text
            element.drop_tree()
    return len(elements)


def neutralise_json_ld(root: HtmlElement) -> None:
    """Remove active-content elements from the strings of the page's JSON-LD blocks, in place."""
    for script in root.iterfind(_JSON_LD):
        if not script.text or not _MARKUP_HINT.search(script.text):
            continue
        try:
            data = json.loads(script.text, strict=False)
            script.text = json.dumps(_scrub_json(data), ensure_ascii=False)
        except (ValueError, RecursionError):
            continue  # not JSON: trafilatura will not read it either


def _scrub_json(node: Any) -> Any:
    if isinstance(node, str):
        return scrub_text(node)
    if isinstance(node, list):
        return [_scrub_json(item) for item in node]
    if isinstance(node, dict):
        return {key: _scrub_json(value) for key, value in node.items()}
    return node


def scrub_text(text: str) -> str:
    """Drop active-content elements (with their content) and stray tags that would load or run something.

    Ordinary visible text is left alone, including a lone ``<`` or ``a < b``; only tag-shaped strings
    named in the lists above go. HTML-escaped markup is unescaped first when it hides such a tag.
    """
    if "&lt;" in text.lower():
        unescaped = html_lib.unescape(text)
        if _ACTIVE_BLOCK.search(unescaped) or _ACTIVE_TAG.search(unescaped):
            text = unescaped
    if "<" not in text:
        return text
    return _ACTIVE_TAG.sub("", _ACTIVE_BLOCK.sub("", text))
