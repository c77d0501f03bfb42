"""Reader comments as a thread: each comment under the one it replies to (``Comment.reply_to``).

A reply to a missing comment, to itself, to a later comment or one that would close a loop is shown at
the top level rather than lost; nesting deeper than ``max_depth`` is drawn at that depth, so a long
chain of replies neither hides comments nor breaks the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from wiretrace.records import Comment


@dataclass(slots=True)
class Thread:
    """One comment, its index in the article, its replies and the comment it is drawn under."""

    index: int
    comment: Comment
    depth: int
    replies: list[Thread] = field(default_factory=list)
    parent: Thread | None = field(default=None, repr=False)


def threads(comments: Sequence[Comment], *, max_depth: int = 6) -> list[Thread]:
    """The top-level comments, each with its replies nested under it, in the order written."""
    nodes: list[Thread] = []
    roots: list[Thread] = []
    for i, comment in enumerate(comments):
        parent = comment.reply_to
        if parent is None or not 0 <= parent < i:  # only earlier comments: no loops possible
            node = Thread(i, comment, 0)
            roots.append(node)
        else:
            holder = nodes[parent]
            if holder.depth >= max_depth and holder.parent is not None:  # drawn beside, not deeper
                holder = holder.parent
            node = Thread(i, comment, holder.depth + 1, parent=holder)
            holder.replies.append(node)
        nodes.append(node)
    return roots
