"""Vocabulary tables of the plain-text cleaner: the words and line shapes of boilerplate in general.

Every table here describes a *kind* of page furniture (share widgets, comment forms, ad-blocker and
donation pleas, copyright and photo-credit lines, comment-thread markup), never one page. Patterns are
matched against one line's content with its leading list marker removed, case-insensitively, and most
must match the whole line (``fullmatch``) so that a body sentence that merely mentions a word such as
"share" or "cookies" is never taken for a widget. Extend a table by adding an alternative to it; the
tests in ``tests/clean/test_text_lexicon.py`` hold one example line per family.

Compiled once at import; the tables are immutable.
"""

from __future__ import annotations

import re
from typing import Final

_I = re.IGNORECASE

# --- Function words -------------------------------------------------------------------------------------
# English stop words (articles, pronouns, auxiliaries, prepositions, conjunctions). Prose has many of them
# (about 40-50 % of tokens); menus, link lists and headlines have few. Used as one feature among several,
# so pages in other languages still work on punctuation and length alone.
STOP_WORDS: Final = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each either every few for from
    further had has have having he her here hers herself him himself his how however i if in into is it
    its itself just may me might more most must my myself neither no nor not now of off on once only or
    other our ours ourselves out over own said same she should since so some such than that the their
    theirs them themselves then there these they this those though through to too under until up upon
    us very was we were what when where whether which while who whom whose why will with within without
    would yet you your yours yourself yourselves""".split()
)

# Characters that end a sentence (closing quotes and brackets may follow the stop).
SENTENCE_END: Final = frozenset('.!?…。！？"”’»)]')

# A list marker at the start of a line as a naive scraper renders <li>: "*", "+", "-", "•", "1." ...
LIST_MARKER: Final = re.compile(r"(?:[*+•◦▪‣·\-–]|\d{1,3}[.)])[ \t\u00a0]+|[*+•◦▪‣]$")

# --- Page furniture: whole lines dropped as boilerplate -------------------------------------------------
# Share, login, newsletter, navigation and "more stories" widgets. Whole-line matches only.
_WIDGETS = r"""
    share(?:\s+(?:this|it|the\s+story|this\s+(?:article|story|post|page))(?:\s+(?:on|via|with)\s+\w+)?)?\s*[:!.]?
  | share\s+(?:on|via)\s+[\w .+-]{1,25}
  | (?:click|tap)\s+to\s+(?:share|email|print|tweet)\b.{0,60}|(?:click|tap)\s+here\b.{0,80}
  | (?:tweet|pin\s+it|e-?mail|print|whatsapp|facebook|twitter|linkedin|reddit|pinterest|telegram|instagram
      |youtube|flipboard|pocket|rss(?:\s+feed)?|copy\s+(?:link|url))(?:\s*[|/·,]\s*\w+){0,8}\s*
  | like\s+this\s*:?|like\s+loading\.*|loading\s*(?:\.\.\.|…)|related(?:\s+(?:posts?|articles?|stories|news|content|topics|links))?\s*:?
  | you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in|have\s+missed)\s*:?
  | (?:more|most)\s+(?:from|in|on|popular|read|viewed|shared|stories)\b.{0,40}
  | (?:recommended|trending|popular|latest)(?:\s+(?:for\s+you|stories|posts|news|articles|now|videos?))?\s*:?
  | (?:subscribe|sign\s+up|register|log\s*in|sign\s+in|log\s*out|sign\s+out|join|follow\s+us|contact\s+us|about\s+us)
      (?:\s+(?:now|today|here|for\s+free|to\s+(?:our|the)\s+\w+(?:\s+\w+)?|on\s+\w+|with\s+\w+))?\s*[.!:]?
  | (?:sign\s+up|subscribe)\s+(?:for|to)\s+(?:our|the|a)\b.{0,80}
  | (?:get|receive)\s+(?:our|the)\s+\w+\s+newsletter\b.{0,60}|newsletters?
  | enter\s+your\s+e-?mail\b.{0,100}|(?:your\s+)?e-?mail(?:\s+address)?\s*\*?|stay\s+(?:informed|updated|in\s+touch|connected|tuned)\W*
  | (?:advertisement|advert|ad|ads|sponsored(?:\s+content)?|promoted(?:\s+stories)?|paid\s+content|supported\s+by)\s*:?
  | skip\s+to\s+(?:main\s+)?(?:content|navigation|search|site\s+index)\b.{0,40}
  | (?:main\s+)?menu|navigation|search|home(?:\s*page)?|go\s+to\s+home\s*page\W*|back\s+to\s+top\W*|top|close|open|next|previous
  | (?:previous|next|older|newer)\s+(?:post|article|story|entry|posts|entries)\b.{0,120}
  | (?:continue\s+reading|read\s+(?:more|on|full\s+(?:article|story)|the\s+full\s+(?:article|story)))\b.{0,120}
  | (?:see|read|watch)\s+(?:also|more)\b.{0,120}|also\s+(?:on|read|see)\b.{0,140}
  | (?:tags?|topics?|categories|category|filed\s+under|posted\s+in)\s*:.{0,200}
  | (?:privacy|cookie)\s+(?:policy|notice|settings|preferences)|terms\s+(?:of\s+(?:use|service)|(?:&|and)\s+conditions)
  | (?:accept|allow|reject|manage)(?:\s+all)?\s+cookies?|i\s+(?:accept|agree)|ok(?:ay)?,?\s+(?:i\s+)?(?:agree|got\s+it)|got\s+it!?
  | permalink|reblog|comments?|leave\s+a\s+comment|post\s+a\s+comment|add\s+(?:a\s+)?comment|show\s+comments?
  | this\s+slideshow\s+requires\s+javascript\.?|(?:please\s+)?enable\s+javascript\b.{0,80}
  | (?:image|photo|video)\s*\d*\s*(?:of|/)\s*\d+|view\s+(?:gallery|image|photos?|slideshow)|enlarge\s+this\s+image
  | get\s+short\s+url|add\s+to\s+home\s+screen|print\s+this\s+(?:page|article)|email\s+this\s+(?:page|article)
"""
WIDGET_LINE: Final = re.compile(_WIDGETS, _I | re.VERBOSE)

# A cookie or tracking notice: a line that speaks of cookies together with consent vocabulary.
COOKIE_NOTICE: Final = re.compile(
    r"\bcookies?\b.{0,200}\b(?:use|uses|using|accept|consent|agree|privacy|experience|browsing|opt.out)\b"
    r"|\b(?:use|uses|using|accept|consent)\b.{0,200}\bcookies?\b"
    # consent and data-protection small print under forms
    r"|\bby\s+(?:submitting|subscribing|signing\s+up|registering|clicking|continuing)\b.{0,160}\b(?:agree|accept|consent)"
    r"|\byou\s+(?:can|may)\s+(?:revoke|withdraw|unsubscribe|opt\s+out)\b"
    r"|\bpersonal\s+data\b.{0,160}\b(?:consent|revoke|disclosed|deleted|processed)\b",
    _I,
)

# Lines that say the text is a copy of another page: the repost markers. "Source link" alone also says
# the original publisher is not named.
REPOST_LINE: Final = re.compile(
    r"source\s+link|source\s*:\s*\S.{0,80}|via\s+\S.{0,60}"
    r"|(?:this\s+(?:article|story|post|piece)\s+(?:was|is|has\s+been)\s+)?(?:originally|first)\s+"
    r"(?:published|appeared|posted)\b.{0,160}"
    r"|(?:read|view)\s+(?:the\s+)?original\s+(?:article|story|post)\W{0,3}"
    r"|republished\s+(?:with|by)\s+permission\b.{0,120}",
    _I,
)
SOURCE_UNNAMED: Final = re.compile(r"source\s+link", _I)

# --- Ad-blocker and donation pleas ---------------------------------------------------------------------
# A strong cue starts a plea; weak cues and sign-offs extend it to the neighbouring short lines.
PLEA_STRONG: Final = re.compile(
    r"\bad[\s-]?block(?:er|ers|ing)?\b|\bwhitelist\b|\ballow[- ]?list\b"
    r"|\bdisable\b.{0,40}\b(?:blocker|extension|add-?on)s?\b"
    r"|\b(?:please\s+donate|donate\s+(?:now|today|here|to\s+(?:us|our|the))|make\s+a\s+(?:\w+\s+)?(?:donation|contribution)"
    r"|become\s+a\s+(?:patron|member|supporter|subscriber))\b"
    r"|\bsupport\s+(?:our|us|independent|quality|local|free)\b.{0,40}\b(?:journalism|reporting|work|newsroom|site)\b"
    r"|\bjournalis(?:m|tic)\b.{0,60}\b(?:cannot|can't|isn't|is\s+not)\s+(?:be\s+)?free\b"
    r"|\b(?:funded|financed|paid\s+for)\s+(?:solely\s+|only\s+|entirely\s+|mainly\s+)?by\s+(?:advertis|readers?|ads?\b)",
    _I,
)
PLEA_WEAK: Final = re.compile(
    r"\b(?:journalis(?:m|tic)|advertis(?:ing|ement|ers?)|ads?|readers?|subscri(?:be|ption)s?|funded|funding"
    r"|financ(?:ed|ial)|independen(?:t|ce)|free|support|contribut(?:e|ion)|revenue|paywall)\b",
    _I,
)
SIGN_OFF: Final = re.compile(
    r"(?:(?:best|kind|warm)\s+regards|regards|sincerely|yours(?:\s+(?:truly|sincerely))?|thank\s+you|thanks|many\s+thanks"
    r"|with\s+(?:respect|gratitude|thanks))(?:\s*(?:for\s+(?:your|reading|understanding|support)\b.{0,40})?)?"
    r"[,.!]?(?:\s*(?:the\s+)?(?:editors?|editorial(?:\s+(?:team|board|staff))?|team|staff|newsroom|redaction)\b.{0,30})?"
    r"|(?:the\s+)?(?:editors|editorial\s+(?:team|board|staff)|newsroom)\W*",
    _I,
)

# --- Comment forms (WordPress and alike) ---------------------------------------------------------------
# Lines that open a comment form; the form runs to an end line (or to the next prose line).
FORM_START: Final = re.compile(
    r"leave\s+a\s+(?:reply|comment|response)(?:\s+cancel\s+reply)?\W*|post\s+a\s+comment\W*"
    r"|add\s+(?:a\s+|your\s+)?comment\W*|write\s+a\s+comment\W*",
    _I,
)
# Single lines of comment boxes ("Join the discussion…"): dropped, nothing grown from them.
FORM_PROMPT: Final = re.compile(
    r"(?:join|start)\s+the\s+(?:discussion|conversation)\W*|what\s+do\s+you\s+think\s*\?|(?:type|write)\s+your\s+comment\b.{0,30}",
    _I,
)
FORM_END: Final = re.compile(
    r".{0,80}\bhow\s+your\s+comment\s+data\s+is\s+processed\b.{0,5}|post\s+comment|submit(?:\s+comment)?"
    r"|notify\s+me\s+of\s+new\s+posts\s+(?:by|via)\s+e-?mail\.?",
    _I,
)
# Lines that belong to a comment form wherever they stand.
FORM_LINE: Final = re.compile(
    r"fill\s+in\s+your\s+details\s+below\b.{0,60}|you\s+are\s+commenting\s+using\s+your\b.{0,80}"
    r"|connecting\s+to\s+%s|this\s+site\s+uses\s+\w+\s+to\s+reduce\s+spam\b.{0,120}|cancel\s+reply"
    r"|your\s+email\s+address\s+will\s+not\s+be\s+published\.?.{0,60}|required\s+fields\s+are\s+marked\b.{0,20}"
    r"|(?:comment|name|e-?mail|website)\s*\*?|save\s+my\s+name,?\s+e-?mail\b.{0,100}"
    r"|notify\s+me\s+of\s+(?:follow-?up\s+comments|new\s+(?:posts|comments))\b.{0,60}"
    r"|(?:\w+(?:\.com)?\s+)?(?:logo|photo|picture|avatar|icon)|log\s+in\s+to\s+(?:reply|comment)\b.{0,40}"
    r"|you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment\.?|comments\s+are\s+closed\.?"
    r"|(?:powered\s+by|add)\s+disqus\b.{0,40}|disqus'?\s*privacy\s+policy|do\s+not\s+sell\s+my\s+data"
    r"|be\s+the\s+first\s+to\s+comment\W*|sort\s+by\s+(?:best|newest|oldest|top|popular)\w*"
    r"|(?:\d+\s+)?(?:comments?|responses?)\s+(?:policy|guidelines)\b.{0,40}",
    _I,
)

# An author's biography line at the foot of an article: "Jane Doe is a freelance writer based in ...".
BIO_LINE: Final = re.compile(
    r"(?:[A-Z][\w.'’-]+\s+){1,4}(?:is|was)\s+(?:an?|the)\s+(?:[\w,'’-]+\s+){0,6}?"
    r"(?:writer|journalist|reporter|editor|contributor|correspondent|columnist|author|photographer|blogger"
    r"|freelancer|producer|intern)s?\b.*"
    r"|(?:[A-Z][\w.'’-]+\s+){1,4}(?:writes|reports|covers)\s+(?:about|on|for)\b.*"
)

# --- Hosts shown by their widgets ----------------------------------------------------------------------
# (pattern, host label): a line matching the pattern says which kind of site the page was scraped from.
HOST_MARKERS: Final = (
    (
        re.compile(
            r"you\s+are\s+commenting\s+using\s+your\b|this\s+site\s+uses\s+\w+\s+to\s+reduce\s+spam|connecting\s+to\s+%s"
            r"|liked\s+by\s+\d+\s+(?:people|person)|like\s+loading|blog\s+at\s+wordpress\.com|powered\s+by\s+wordpress"
            r"|fill\s+in\s+your\s+details\s+below\s+or\s+click\s+an\s+icon",
            _I,
        ),
        "a WordPress blog",
    ),
    (
        re.compile(
            r"subscribe\s+to\s*:\s*post\s+comments|newer\s+post\s+older\s+post|powered\s+by\s+blogger", _I
        ),
        "a Blogger blog",
    ),
)

# --- Copyright and provenance ------------------------------------------------------------------------
# "(C)Agency 2021", "© 2019 Outlet", "Copyright © Outlet. All rights reserved." The named holder is the
# group ``holder`` once years, symbols and "all rights reserved" are removed (see text_provenance).
COPYRIGHT_LINE: Final = re.compile(
    r"(?:copyright|\(c\)|©|ⓒ|℗)\s*(?:©|\(c\))?\s*.{0,160}|.{0,120}\ball\s+rights\s+reserved\b.{0,80}",
    _I,
)
COPYRIGHT_MARK: Final = re.compile(r"copyright|\(c\)|©|ⓒ|all\s+rights\s+reserved", _I)
COPYRIGHT_NOISE: Final = re.compile(
    r"copyright|\(c\)|©|ⓒ|℗|all\s+rights\s+reserved\.?|\b(?:19|20)\d\d\b(?:\s*[-–—/]\s*(?:19|20)?\d\d\b)?"
    r"|\bby\b|[,.;:|]+\s*$|^\s*[,.;:|-]+",
    _I,
)

# --- Photo captions and credits ------------------------------------------------------------------------
# A credit inside a line: "<caption> / photo AGENCY", "<caption> | Photo: Name", "(AP Photo/Name)",
# "Photo: AGENCY", "Credit: ...", "<caption> © Agency / Name", "Photograph: Name/Agency".
_CREDIT_WORD = r"(?:photo(?:graph)?s?|image|picture|pic|foto|illustration|photo\s+credit|credit)"
_SP = r"[ \t\u00a0]"
# The credit marker after a caption: " / photo ", " | Photo: ", " / Photo by ".
CREDIT_MARKER: Final = re.compile(rf"{_SP}*[/|]{_SP}*{_CREDIT_WORD}(?:{_SP}*(?:by|:|©))?{_SP}+", _I)
# A whole line that names a credit: "Photo: AGENCY", "Caption text. Photo: Name", "(Photo by Name)".
CREDIT_LINE: Final = re.compile(
    rf"(?P<caption>(?:.*?(?:[.!?)\]]{_SP}+|{_SP}[|/–—-]{_SP}*|{_SP}+(?=\()))?)\(?(?:{_CREDIT_WORD}|image{_SP}+(?:copyright|source)"
    rf"|photo(?:graph)?s?{_SP}+(?:by|courtesy(?:{_SP}+of)?))(?:{_SP}*[:/]|{_SP}+by)?{_SP}*(?P<credit>[^()]{{1,80}}?)\)?\.?",
    _I,
)
# "(AP Photo/Name)" and alike at the end of a caption.
AGENCY_PHOTO: Final = re.compile(r"(?P<caption>.*?)\s*\((?P<credit>[^()]{0,30}\bphoto\s*/\s*[^()]{1,60})\)\.?", _I)
# "<caption> © Agency / Name", "<caption> Credit... Name/Outlet" (a credit after a copyright mark).
TRAILING_CREDIT: Final = re.compile(
    r"(?P<caption>.{20,}?)\s*(?:©|\(c\)|credit\s*(?:\.{2,3}|…|:))\s*(?P<credit>[^©]{2,80})", _I
)
# The glue of a caption pasted onto a paragraph: a sentence stop directly followed by a capital letter.
GLUE: Final = re.compile(r"(?<=[.!?\"”»)])(?=[A-Z\u0400-\u042f])")

# --- Comment-thread markup ---------------------------------------------------------------------------
# Likes and votes: "Liked by 3 people", "3 likes", "Like (3)", "▲ 12", "12 points", "Reply · 3 likes".
_LIKES = (
    r"liked\s+by\s+(?:\d+|one)\s+(?:people|persons?|others?|readers?)"
    r"|\d+\s+(?:likes?|upvotes?|votes?|points?|recommends?)"
    r"|(?:like|likes|upvote|votes?|recommend)\s*[(\[:]?\s*\d+\s*[)\]]?"
    r"|(?:[▲▴△↑👍+]|\^)\s*\d+(?:\s*[|/]?\s*[▼▾▽↓👎-]\s*\d+)?"
    r"|\d+\s*[▲▴△↑👍](?:\s*[|/]?\s*[▼▾▽↓👎](?:\s*\d+)?)?"
)
LIKES: Final = re.compile(_LIKES, _I)
LIKES_COUNT: Final = re.compile(r"\d+|\bone\b", _I)
# Action lines under a comment: "Reply", "Report", "Reply · 3 likes", "Like · Reply · 2h", "Share ›".
_ACTION = (
    r"reply|report(?:\s+(?:comment|abuse))?|flag|like|unlike|share|quote|permalink|edit|delete|hide|\d+\s*replies"
    r"|view\s+(?:\d+\s+)?repl(?:y|ies)|show\s+(?:\d+\s+)?(?:more\s+)?repl(?:y|ies)|load\s+more(?:\s+comments)?"
    r"|upvote|downvote|recommend|reply\s+↓|↓\s*reply"
)
_AGO = r"\d+\s*[smhdwy]\b|\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"
_ACTION_ITEM = rf"(?:{_ACTION}|{_LIKES}|{_AGO})"
ACTION_LINE: Final = re.compile(rf"{_ACTION_ITEM}(?:\s*[·•|,›»]?\s*{_ACTION_ITEM})*\s*[›»]?", _I)
ACTION_WORD: Final = re.compile(rf"\b(?:{_ACTION})\b|{_LIKES}", _I)  # an action line names at least one
# An author line: "Name says:", "Name said:", "Name on May 3, 2021 at 5:12 pm said:", "Name wrote:".
AUTHOR_SAYS: Final = re.compile(
    r"(?P<author>[^\s:][^:]{0,60}?)(?:\s+(?:on|at)\s+(?P<posted>[^:]{4,60}?(?:\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?)?))?"
    r"\s+(?:says|said|wrote|writes|replied|commented)\s*(?::|\.\.\.|…)",
    _I,
)
# An author line with a date and no verb: "Name · 3 hours ago", "Name May 3, 2021 at 5:12 pm".
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
COMMENT_DATE: Final = re.compile(
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|\d{{4}}-\d\d-\d\d"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4})(?:,?\s*(?:at|@|-)?\s*\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?)?"
    r"|\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|yesterday|just\s+now",
    _I,
)
# The date that ends an author line ("... · 3 hours ago", "... May 3, 2021 at 5:12 pm"); the text before
# it is the author when it is short (see text_comments.author_and_date). Searched, anchored at the end.
DATE_TAIL: Final = re.compile(
    rf"(?:^|(?<=[\s·|•,(\-–—]))(?P<posted>{COMMENT_DATE.pattern})\)?(?:\s*[·|•]\s*edited)?\s*:?$", _I
)
_AUTHOR_SEPARATORS = " \t\u00a0·|•,-–—("
_AUTHOR_LINK_WORDS = ("on", "at", "posted", "by")
MAX_AUTHOR_WORDS = 6


def author_and_date(text: str) -> tuple[str, str] | None:
    """Split an author line "Name · 3 hours ago" / "Name May 3, 2021 at 5:12 pm" into (name, date).

    A helper over ``DATE_TAIL`` rather than one regex: a lazy name followed by an optional date
    backtracks badly on long lines. The name is what stands before the date, without separators and a
    trailing "on"/"at"; it must be short and not start with a digit.
    """
    found = DATE_TAIL.search(text)
    if found is None:
        return None
    author = text[: found.start()].rstrip(_AUTHOR_SEPARATORS)
    words = author.split()
    while words and words[-1].lower() in _AUTHOR_LINK_WORDS:
        words.pop()
    author = " ".join(words).strip(_AUTHOR_SEPARATORS)
    if not author or len(words) > MAX_AUTHOR_WORDS or author[0].isdigit():
        return None
    return author, found.group("posted")

# A signature under a comment: "— name, 2013-07-15", "-- Name (May 3, 2021)".
SIGNATURE: Final = re.compile(
    rf"(?:—|–|--?)\s*(?P<author>[^\s,\d(][^,()]{{0,40}}?)\s*(?:[,(]\s*(?P<posted>{COMMENT_DATE.pattern})\)?)?",
    _I,
)
# A heading that opens the comment section: "3 comments", "12 thoughts on “Title”", "Comments (4)".
COMMENT_HEAD: Final = re.compile(
    r"(?:\d+|no|one|two|three)\s+(?:comments?|responses?|repl(?:y|ies)|thoughts?\s+on\b.{0,200})"
    r"(?:\s+(?:so\s+far|and\s+counting|below))?"
    r"|(?:reader\s+|user\s+)?comments?\s*(?:\(\d+\)|:|\d+)?|discussion|join\s+the\s+discussion\W*"
    r"|(?:\d+\s+)?(?:responses?|replies)\s+to\b.{0,200}|(?:show|view|load|see)\s+(?:all\s+)?(?:\d+\s+)?comments?",
    _I,
)
