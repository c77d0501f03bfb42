"""The cue lexicon of attribution: which words introduce a reported statement, and how.

The words are written from general knowledge of English reporting language (verbs of saying, of
thinking and of intending, the "according to" family, nouns of information), not mined from any
corpus. Each class says what complement licenses it, because a verb like "show" or "find" only
reports something when it takes a clause ("the poll shows that ..."), while "say" reports whatever
follows it. Users extend the lexicon by registering another function under ``@misc`` and naming it in
the component's config (``lexicon = {"@misc": "wiretrace.cue_lexicon.v1"}``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from spacy.tokens import Token
from spacy.util import registry

# Verbs of saying: a clause, a quotation, a colon, an object or a postposed position licenses them.
SPEECH_VERBS = frozenset(
    """
    say tell report write inform announce warn claim deny confirm add note state explain insist argue
    assert declare reply respond answer ask suggest tweet comment remark mention acknowledge admit
    concede contend predict promise pledge vow urge recall reveal disclose emphasize emphasise stress
    testify allege complain boast brag joke quip shout yell scream whisper chant lament counter retort
    caution threaten demand advise recommend propose conclude estimate describe dismiss praise criticize
    criticise accuse blame mock deride question defend tout hail applaud repeat reiterate echo observe
    opine proclaim signal hint imply speculate clarify elaborate recount brief assure reassure remind
    notify plead appeal announce blast slam attack charge condemn denounce decry reject rebut refute
    dispute contradict tweet post scoff muse marvel gush rail fume snap concur affirm vouch
    swear guarantee pronounce predict forecast project ridicule lambast lash express discuss highlight
    underscore voice detail outline reference invoke request assail congratulate retweet summarize
    summarise recommend
    """.split()
)

# Verbs of cognition, perception and evidence: only a clausal complement (or a postposed position)
# makes them report something ("polls show that ...", "he believes the plan fails").
THOUGHT_VERBS = frozenset(
    """
    think believe feel know expect hope fear worry doubt suspect assume presume guess consider see
    understand realize realise recognize recognise decide figure imagine agree disagree learn hear show
    find indicate prove demonstrate determine sense notice trust bet reckon wonder acknowledge
    calculate remember maintain
    """.split()
)

# Verbs of intention and directive: a to-infinitive complement is their content ("vowed to repeal").
INTENTION_VERBS = frozenset(
    """
    want wish plan intend hope expect promise pledge vow threaten refuse decline agree offer urge ask
    demand propose seek aim prefer decide vote encourage convince persuade
    """.split()
)

# Verbs that report only with a quotation or a clause beside them ('"...," he continued').
QUOTE_VERBS = frozenset({"continue", "begin", "start", "conclude", "interject", "exclaim", "read", "go", "write"})

# Verbs of stance: their object is the position held ("voters who support the plan").
STANCE_VERBS = frozenset(
    """
    support endorse oppose back favor favour embrace welcome prefer like dislike love hate despise offer
    approve disapprove reject
    """.split()
)

# Nouns of evidence: with them as subject, "show", "find" or "suggest" report their object
# ("a poll shows Smith with a lead").
EVIDENCE_NOUNS = frozenset(
    """
    poll polls survey surveys study studies data document documents record records video footage report
    reports figure figures number numbers result results analysis review audit census filing filings email
    emails memo transcript photo photos research statistic statistics tally estimate estimates count
    """.split()
)

# Nouns of measured opinion: a fronted "In a poll released Monday, ..." attributes the clause to them.
SURVEY_NOUNS = frozenset({"poll", "polls", "survey", "surveys", "study", "studies", "analysis", "census", "tally", "estimate"})

# Verbs of naming: "called the plan a disaster", "described it as a mistake" (object and label).
NAMING_VERBS = frozenset(
    {
        "call", "label", "dub", "brand", "term", "describe", "characterize", "characterise", "portray", "see",
        "view", "regard", "deem",
    }
)

# Verbs whose content is the object of a preposition, with the prepositions that carry it
# ("called for a recount", "spoke of a crisis", "warned against cuts"). The preposition joins the cue.
PREPOSITIONAL_VERBS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        verb: frozenset(preps.split())
        for verb, preps in {
            "call": "for on", "speak": "of about", "talk": "about of", "point": "to", "refer": "to",
            "complain": "about of", "warn": "of about against", "argue": "for against", "push": "for",
            "press": "for", "advocate": "for", "ask": "about for", "comment": "on", "joke": "about",
            "boast": "about", "brag": "about", "testify": "about", "rail": "against", "plead": "for",
            "appeal": "for", "worry": "about", "think": "about of", "hope": "for", "insist": "on",
            "agree": "with on to", "disagree": "with", "object": "to", "respond": "to", "reply": "to",
            "apologize": "for", "apologise": "for", "vote": "for against", "campaign": "for against",
            "lobby": "for against", "write": "about of", "report": "on", "rule": "out", "speculate": "about",
            "express": "", "caution": "against", "urge": "", "fight": "for against", "care": "about",
            "tweet": "about", "post": "about", "say": "of about", "claim": "", "accuse": "of",
            "blame": "for", "criticize": "for", "criticise": "for", "praise": "for", "attack": "for",
            "thank": "for", "credit": "with", "dismiss": "as",
        }.items()
        if preps
    }
)

# Nouns of saying, thinking and intending, with the prepositions that carry what they report
# ("criticism of the plan", "his comments on trade"); a that-clause or to-infinitive always does.
NOUN_CUES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        noun: frozenset(preps.split())
        for noun, preps in {
            "statement": "about on", "claim": "about", "plan": "for", "decision": "", "support": "for of",
            "criticism": "of for on", "comment": "on about", "remark": "about on", "proposal": "for",
            "promise": "of", "pledge": "of", "vow": "of", "call": "for", "warning": "about of against",
            "threat": "against", "demand": "for", "request": "for", "assertion": "", "suggestion": "",
            "allegation": "of", "accusation": "of", "complaint": "about", "argument": "for against about",
            "belief": "in", "view": "on of", "fear": "of about", "hope": "for", "concern": "about over",
            "insistence": "on", "announcement": "of", "endorsement": "of", "opposition": "to",
            "refusal": "", "praise": "for of", "attack": "on", "denial": "of", "admission": "of",
            "prediction": "of about", "assessment": "of", "position": "on", "stance": "on",
            "message": "to about", "assurance": "", "insinuation": "", "contention": "", "conclusion": "",
            "charge": "", "admonition": "", "boast": "", "acknowledgment": "of", "acknowledgement": "of",
        }.items()
    }
)

# Verb-and-object idioms of saying: "made clear that ...", "raised concerns about ...", "took
# issue with ...". The object joins the cue; the content is a clause or the object's preposition.
SPEECH_IDIOMS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        verb: frozenset(objects.split())
        for verb, objects in {
            "make": "clear plain case point argument known pitch plea promise",
            "raise": "concern concerns question questions possibility alarm doubt doubts issue",
            "take": "issue aim position stance credit",
            "express": "concern concerns support opposition doubt doubts hope frustration confidence",
            "voice": "concern concerns support opposition doubt doubts",
            "give": "assurance assurances warning",
            "issue": "statement warning",
        }.items()
    }
)

# Verbs whose object names the source a statement comes from ("citing officials", "referring to X").
CITING_VERBS = frozenset({"cite", "refer", "quote"})

# Nouns that name where information comes from, so that "citing officials" and "referring to the
# ministry" relay a source, while "citing fears of terrorism" and "referring to the crisis" do not.
SOURCE_NOUNS = frozenset(
    """
    source official spokesman spokeswoman spokesperson representative ministry department service
    agency office police report data information statement correspondent witness document aide expert
    analyst authority government press media newspaper channel outlet survey poll study
    """.split()
)

# Nouns of media: the object of "told" that is an outlet becomes a link of the chain.
MEDIA_NOUNS = frozenset(
    """
    channel television tv radio newspaper paper agency outlet network magazine station website broadcaster
    daily weekly podcast blog wire tabloid journal
    """.split()
)

# Two-word prepositions that attribute a clause to their object, without a verb of the speaker.
ACCORDING_HEADS = frozenset({"according"})

# Nouns of information: "there is evidence that ...", "earlier there was information about ...".
INFO_NOUNS = frozenset(
    """
    information evidence report reports data word news indication indications rumor rumors rumour
    rumours speculation suggestion suggestions allegation allegations claim claims
    """.split()
)

# Paragraph labels that end in a colon without naming a speaker ("UPDATE: ...", "Full text: ...").
COLON_LABELS = frozenset(
    {
        "update", "updated", "correction", "note", "editor's note", "abstract", "full text", "photo",
        "photos", "video", "related", "read more", "watch", "source", "sources", "via", "tags", "topics",
        "share", "listen", "transcript", "background", "context", "analysis", "opinion", "breaking",
        "breaking news", "exclusive", "live", "warning", "disclaimer", "summary", "highlights", "bottom line",
        "the bottom line", "byline", "look", "wow", "dateline", "credit", "caption", "image", "q", "a",
        "clarification", "corrections", "editor's notes", "programming note", "disclosure", "fact check",
    }
)

# Adverbs that attribute a clause to an unnamed source ("the protesters were reportedly ...").
HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "reputedly", "supposedly"})


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """The classes of cue words, as lower-case lemmas (``according`` and the adverbs as written)."""

    speech: frozenset[str] = SPEECH_VERBS
    thought: frozenset[str] = THOUGHT_VERBS
    intention: frozenset[str] = INTENTION_VERBS
    citing: frozenset[str] = CITING_VERBS
    according: frozenset[str] = ACCORDING_HEADS
    info_nouns: frozenset[str] = INFO_NOUNS
    hearsay: frozenset[str] = HEARSAY_ADVERBS
    naming: frozenset[str] = NAMING_VERBS
    quote_only: frozenset[str] = QUOTE_VERBS
    stance: frozenset[str] = STANCE_VERBS
    evidence_nouns: frozenset[str] = EVIDENCE_NOUNS
    survey_nouns: frozenset[str] = SURVEY_NOUNS
    source_nouns: frozenset[str] = SOURCE_NOUNS
    media_nouns: frozenset[str] = MEDIA_NOUNS
    colon_labels: frozenset[str] = COLON_LABELS
    prepositional: Mapping[str, frozenset[str]] = field(default_factory=lambda: PREPOSITIONAL_VERBS)
    nouns: Mapping[str, frozenset[str]] = field(default_factory=lambda: NOUN_CUES)
    idioms: Mapping[str, frozenset[str]] = field(default_factory=lambda: SPEECH_IDIOMS)
    # Derived once, as they are looked up for every token: verbs that report on their own, and every
    # verb that may head a cue (those too that only do in an idiom or with a preposition).
    reporting: frozenset[str] = field(init=False, repr=False, compare=False)
    verbs: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        classes = (self.speech, self.thought, self.intention, self.citing, self.naming, self.quote_only, self.stance)
        reporting = frozenset().union(*classes)
        object.__setattr__(self, "reporting", reporting)
        object.__setattr__(self, "verbs", reporting | frozenset(self.prepositional) | frozenset(self.idioms))

    def extended(self, **extra: frozenset[str]) -> CueLexicon:
        """A copy with words added to the named classes, e.g. ``extended(speech=frozenset({"relay"}))``."""
        return replace(self, **{name: getattr(self, name) | words for name, words in extra.items()})


def cue_lemma(token: Token) -> str:
    """The lower-case lemma of a cue candidate, with the small model's slips mended ("hoping" -> "hop")."""
    lemma = token.lemma_.lower()
    if lemma == "hop" and token.lower_ in {"hope", "hopes", "hoped", "hoping"}:
        return "hope"
    return lemma


@registry.misc("wiretrace.cue_lexicon.v1")
def default_lexicon() -> CueLexicon:
    """The built-in English cue lexicon (registered as ``wiretrace.cue_lexicon.v1``)."""
    return CueLexicon()
