"""Find the reader-comment thread at the end of a scraped page and read it into ``Comment`` records.

A thread is recognised by its markup, not its words: like/vote lines ("Liked by 3 people", "▲ 12",
"Reply · 3 likes"), action lines ("Reply", "Report"), author lines ("Name says:", "Name on May 3, 2021 at
5:12 pm said:", "Name · 2 hours ago") and section heads ("3 comments", "12 thoughts on ..."). A run of
such marks that weighs enough, after some article prose, opens the thread; when its first mark trails a
comment (a like or action line), the thread starts at that comment's first line (its list marker, or the
first line of its block).

Inside the thread every list item, author line or line after an action line starts a comment; like lines
give ``likes``; a comment indented deeper than an earlier one replies to the nearest shallower one, and
"@Name" / "In reply to Name" replies to Name's last comment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from wiretrace.clean.text_furniture import Furniture
from wiretrace.clean.text_lexicon import (
    ACTION_LINE,
    ACTION_WORD,
    AUTHOR_SAYS,
    COMMENT_DATE,
    COMMENT_HEAD,
    LIKES,
    LIKES_COUNT,
    SIGNATURE,
    author_and_date,
)
from wiretrace.clean.text_lines import Line
from wiretrace.records import Comment

MAX_MARK_WORDS = 14  # author, like and action lines are short
MAX_MARK_DISTANCE = 12  # lines between two marks of one thread
MIN_THREAD_WEIGHT = 2  # one strong mark (likes, "says:") or two weak ones open a thread
MIN_PROSE_BEFORE = 2  # a thread follows an article: at least this many prose lines come first
_REPLY_TO = re.compile(r"(?:@|(?:in\s+reply\s+to|replying\s+to|reply\s+to)\s+)(?P<name>\w)", re.I)


class Mark(StrEnum):
    HEAD = "head"  # "3 comments": opens a thread, dropped
    SAYS = "says"  # "Name says:": starts a comment
    AUTHOR = "author"  # "Name · 2 hours ago": starts a comment (weak alone: bylines and tweets look alike)
    LIKES = "likes"  # "Liked by 3 people": ends a comment, gives its likes
    ACTION = "action"  # "Reply": ends a comment
    SIGNED = "signed"  # "— name, date" under a comment: ends it, names its author


_WEIGHT = {Mark.HEAD: 1, Mark.SAYS: 2, Mark.AUTHOR: 1, Mark.LIKES: 2, Mark.ACTION: 1, Mark.SIGNED: 1}
_WEAK = (Mark.HEAD, Mark.AUTHOR, Mark.SIGNED)
_TRAILING = (Mark.LIKES, Mark.ACTION, Mark.SIGNED)  # marks that stand under the comment they close
MAX_COMMENT_LOOKBACK = 8  # lines searched above a trailing mark for the list marker that starts its comment
MAX_LOOSE_WORDS = 3  # a short line with no sentence stop between comments is a widget label, not a comment


@dataclass
class Thread:
    """The comment zone: lines ``start``..``end`` (inclusive), the comments and which lines are theirs."""

    start: int
    end: int
    comments: list[Comment] = field(default_factory=list)
    text_lines: dict[int, int] = field(default_factory=dict)  # line index -> comment index
    dropped: list[int] = field(default_factory=list)  # heads, like/action lines, author lines


def mark_of(line: Line) -> Mark | None:
    """The thread markup a line is, if any."""
    text = line.content
    if line.n_words > MAX_MARK_WORDS:
        return None
    if LIKES.fullmatch(text):
        return Mark.LIKES
    if ACTION_LINE.fullmatch(text) and ACTION_WORD.search(text):
        return Mark.LIKES if LIKES.search(text) else Mark.ACTION
    if COMMENT_HEAD.fullmatch(text):
        return Mark.HEAD
    if AUTHOR_SAYS.fullmatch(text):
        return Mark.SAYS
    if line.n_words <= 8 and SIGNATURE.fullmatch(text):
        return Mark.SIGNED
    if line.n_words <= 10 and author_and_date(text):
        return Mark.AUTHOR
    return None


def find_thread(lines: Sequence[Line], furniture: Sequence[Furniture | None]) -> Thread | None:
    """The comment thread of the page, or None when the page shows none."""
    marks = [mark_of(line) if furniture[i] is None else None for i, line in enumerate(lines)]
    first = _first_cluster(lines, marks)
    if first is None:
        return None
    start = _thread_top(lines, furniture, marks, first)
    end = _thread_end(lines, furniture, marks, start)
    thread = Thread(start, end)
    _read_comments(lines, furniture, marks, thread)
    return thread if thread.comments else None


def _first_cluster(lines: Sequence[Line], marks: Sequence[Mark | None]) -> int | None:
    """Index of the first mark of the first heavy-enough run of marks that follows some prose."""
    prose = 0
    run_start: int | None = None
    run_weight = 0
    last = -MAX_MARK_DISTANCE - 1
    for i, line in enumerate(lines):
        mark = marks[i]
        if mark is None:
            if run_start is None and line.n_words >= 8 and line.ends_sentence:
                prose += 1
            continue
        if run_start is None or i - last > MAX_MARK_DISTANCE:
            run_start, run_weight = (i, 0) if prose >= MIN_PROSE_BEFORE else (None, 0)
        last = i
        if run_start is not None:
            run_weight += _WEIGHT[mark]
            if run_weight >= MIN_THREAD_WEIGHT and _convincing(marks[run_start : i + 1]):
                return _head_of_run(marks, run_start, i)
    return None


def _head_of_run(marks: Sequence[Mark | None], start: int, stop: int) -> int:
    """The run's section head when only weak marks (a byline, a signature) stand before it."""
    for i in range(start, stop + 1):
        if marks[i] is Mark.HEAD:
            return i
        if marks[i] is not None and marks[i] not in _WEAK:
            break
    return start


def _convincing(marks: Sequence[Mark | None]) -> bool:
    """A run of marks is a thread when it has a strong mark (likes, an action, "says:"), or a head
    followed by several dated author lines."""
    present = [m for m in marks if m is not None]
    if present == [Mark.LIKES]:
        return True
    if len(present) >= 2 and any(m not in _WEAK for m in present):
        return True
    return Mark.HEAD in present and present.count(Mark.AUTHOR) >= 2


def _thread_top(
    lines: Sequence[Line], furniture: Sequence[Furniture | None], marks: Sequence[Mark | None], first: int
) -> int:
    """Where the thread starts: the first mark, or the top of the comment the first mark closes: the
    nearest list-marker line above it (a few lines up at most), else the first line of its block."""
    if marks[first] not in _TRAILING:
        return first
    block_top = first
    j = first - 1
    while j >= 0 and first - j <= MAX_COMMENT_LOOKBACK and furniture[j] is None and marks[j] is None:
        if lines[j].marker:
            return j
        if block_top == j + 1 and (lines[j + 1].gap == 0 or j + 1 == first):
            block_top = j
        j -= 1
    return block_top


def _thread_end(
    lines: Sequence[Line], furniture: Sequence[Furniture | None], marks: Sequence[Mark | None], start: int
) -> int:
    """The last line of the thread: its last mark, then the comment text that follows it (all text up to
    the next furniture after an author line; only list items and their continuations after a like line)."""
    last_mark = start
    for i in range(start, len(lines)):
        if i - last_mark > MAX_MARK_DISTANCE:
            break
        if marks[i] is not None:
            last_mark = i
    end = last_mark
    item_indent: int | None = None
    for i in range(last_mark + 1, len(lines)):
        line = lines[i]
        if furniture[i] is not None or marks[i] is not None:
            break
        if marks[last_mark] in (Mark.LIKES, Mark.ACTION):
            if line.marker:
                item_indent = line.indent
            elif item_indent is None or line.indent <= item_indent:
                break
        end = i
    return end


def _read_comments(
    lines: Sequence[Line], furniture: Sequence[Furniture | None], marks: Sequence[Mark | None], thread: Thread
) -> None:
    """Fill ``thread`` with comments read from its lines."""
    reader = _Reader(thread)
    for i in range(thread.start, thread.end + 1):
        line = lines[i]
        mark = marks[i]
        if furniture[i] is not None:
            reader.close()
        elif mark is Mark.HEAD:
            reader.close()
            thread.dropped.append(i)
        elif mark in (Mark.SAYS, Mark.AUTHOR):
            reader.author_line(i, line)
        elif mark in (Mark.LIKES, Mark.ACTION):
            reader.action_line(i, line)
        elif mark is Mark.SIGNED:
            reader.signature_line(i, line)
        elif reader.expects_date(line):
            reader.date_line(i, line)
        else:
            reader.text_line(i, line)
    reader.close()


@dataclass
class _Draft:
    indent: int
    author: str | None = None
    posted: str | None = None
    likes: int | None = None
    parts: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    closed: bool = False


class _Reader:
    """Turns the lines of a thread into comments, one state change per line."""

    def __init__(self, thread: Thread) -> None:
        self.thread = thread
        self.draft: _Draft | None = None
        self.stack: list[tuple[int, int]] = []  # (indent, comment index) of open ancestors
        self.loose: tuple[int, Line] | None = None  # the last short label line dropped (a bare name?)

    def author_line(self, index: int, line: Line) -> None:
        self.close()
        says = AUTHOR_SAYS.fullmatch(line.content)
        if says:
            author, posted = says.group("author").strip(" ·|•,-–—"), says.group("posted")
        else:
            author, posted = author_and_date(line.content) or (None, None)
        self.draft = _Draft(indent=line.indent, author=author or None, posted=posted.strip() if posted else None)
        self.thread.dropped.append(index)

    def action_line(self, index: int, line: Line) -> None:
        self.thread.dropped.append(index)
        if self.draft is None:
            return
        found = LIKES.search(line.content)
        if found and self.draft.likes is None:
            count = LIKES_COUNT.search(found.group(0))
            if count:
                self.draft.likes = 1 if count.group(0).lower() == "one" else int(count.group(0))
        self.draft.closed = True

    def signature_line(self, index: int, line: Line) -> None:
        self.thread.dropped.append(index)
        match = SIGNATURE.fullmatch(line.content)
        if self.draft is None or match is None:
            return
        self.draft.author = self.draft.author or match.group("author").strip() or None
        posted = match.group("posted")
        self.draft.posted = self.draft.posted or (posted.strip() if posted else None)
        self.draft.closed = True

    def expects_date(self, line: Line) -> bool:
        """A date alone on its line: under an author line, or opening a comment after a bare name."""
        draft = self.draft
        if COMMENT_DATE.fullmatch(line.content) is None:
            return False
        return draft is None or draft.closed or (not draft.parts and draft.posted is None)

    def date_line(self, index: int, line: Line) -> None:
        draft = self.draft
        if draft is None or draft.closed:
            self.close()
            name = self.loose[1] if self.loose is not None and self.loose[0] == index - 1 else None
            draft = self.draft = _Draft(name.indent if name else line.indent, name.content if name else None)
        draft.posted = line.content
        self.thread.dropped.append(index)

    def text_line(self, index: int, line: Line) -> None:
        draft = self.draft
        if draft is None or draft.closed or (line.marker and draft.parts):
            if line.n_words <= MAX_LOOSE_WORDS and not line.ends_sentence and not line.marker:
                self.close()
                self.thread.dropped.append(index)
                self.loose = (index, line)
                return
            self.close()
            draft = self.draft = _Draft(indent=line.indent)
        draft.parts.append(line.content)
        draft.lines.append(index)

    def close(self) -> None:
        draft, self.draft = self.draft, None
        if draft is None or not draft.parts:
            return
        index = len(self.thread.comments)
        reply_to = self._explicit_parent(draft.parts[0])
        while self.stack and self.stack[-1][0] >= draft.indent:
            self.stack.pop()
        if reply_to is None and self.stack:
            reply_to = self.stack[-1][1]
        self.stack.append((draft.indent, index))
        text = "\n".join(draft.parts)
        self.thread.comments.append(Comment(text, draft.author, draft.posted, draft.likes, reply_to))
        for i in draft.lines:
            self.thread.text_lines[i] = index

    def _explicit_parent(self, first: str) -> int | None:
        """The comment a reply names: "@Name ..." or "In reply to Name", matched to earlier authors."""
        match = _REPLY_TO.match(first)
        if not match:
            return None
        named = first[match.start("name") :].lower()
        for k in range(len(self.thread.comments) - 1, -1, -1):
            author = (self.thread.comments[k].author or "").lower()
            if author and (named.startswith(author) or named.startswith(author.replace(" ", ""))):
                return k
        return None
