"""Reader comments as threads: replies nest under their parent; bad references never lose a comment."""

from __future__ import annotations

import pytest

from wiretrace.records import Comment
from wiretrace.web.comments import Thread, threads


def shape(nodes: list[Thread]) -> list:
    return [(n.index, shape(n.replies)) if n.replies else n.index for n in nodes]


@pytest.mark.parametrize("reply_to, expected", [
    ([], []),
    ([None, 0], [(0, [1])]),
    ([None, 0, 1, 0, None], [(0, [(1, [2]), 3]), 4]),
    ([None, 5, -1, 3], [0, 1, 2, 3]),  # a later, negative or own index: shown at the top level
])  # fmt: skip
def test_threads(reply_to: list[int | None], expected: list) -> None:
    comments = [Comment(f"c{i}", reply_to=r) for i, r in enumerate(reply_to)]
    assert shape(threads(comments)) == expected


def test_deep_chains_stop_nesting_at_the_limit_but_keep_every_comment() -> None:
    comments = [Comment("root")] + [Comment(f"r{i}", reply_to=i) for i in range(10)]
    roots = threads(comments, max_depth=3)
    seen, node = [], roots[0]
    stack = [roots[0]]
    while stack:
        node = stack.pop()
        seen.append((node.index, node.depth))
        stack.extend(node.replies)
    assert sorted(i for i, _ in seen) == list(range(11))
    assert max(d for _, d in seen) == 3
