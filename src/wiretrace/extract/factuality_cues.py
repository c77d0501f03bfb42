"""The cue lexicon of the factuality rules: which words signal which status of a claim.

Every set holds lower-case lemmas (or surface forms where noted). The rules in
``wiretrace.extract.factuality`` decide *where* a cue has to sit (which clause, which dependency) for it to
count; this module only says *what* the cues are, so that the lexicon can be read and extended in one place.
The cue-word-only baseline of ``wiretrace eval factuality`` uses the same sets without any syntax, which keeps
the comparison about the syntax and nothing else.

The labels follow ``DESIGN.md`` ("Records and labels"):

    asserted       the default, announced measures, plans and warnings included (bare "will" is not a cue)
    hedged         presumably, allegedly, reportedly, apparently, may/might/could, "it is believed",
                   "there is evidence that", "is said to", "X alleged that"
    negated        not, n't, never, no, nobody, nothing; "fail/refuse to"
    not-confirmed  "was not confirmed", "could not be verified", "declined to confirm", "unconfirmed",
                   "no evidence that", "too early to confirm"
    denied         deny/refute/rebut/dispute a claim; reject/dismiss a claim-like noun; "not true", "false"
    confirmed      confirm/verify/corroborate by a source that is not anonymous; "confirmed by"
    opinion        evaluative predicates, predictions (expect, forecast, likely), beliefs (believe, think),
                   obligations (should, must, ought)
"""

from __future__ import annotations

LABELS = ("asserted", "hedged", "negated", "not-confirmed", "denied", "confirmed", "opinion")

# --- negation -------------------------------------------------------------------------------------------
NEGATION_WORDS = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "none", "neither", "nor", "nowhere"})
NEGATIVE_DETERMINERS = frozenset({"no", "neither"})  # "no one was hurt", "no bid materialized"
NEGATIVE_PRONOUNS = frozenset({"nobody", "nothing", "none", "noone", "nowhere"})
# "refused to meet", "failed to pass": the complement did not happen.
NEGATING_CONTROL_VERBS = frozenset({"fail", "refuse", "decline", "cease", "neglect", "stop", "quit"})
# A nominal mention whose verb calls it off did not happen: "the flight was delayed", "rejected the deal".
NEGATING_GOVERNORS = frozenset(
    {
        "cancel", "delay", "postpone", "scrap", "reject", "kill", "abandon", "block", "halt", "suspend",
        "fail", "stop", "cease", "prevent", "avoid", "veto", "shelve", "exit", "end",
    }
)
# ... and one that is sought, negotiated or forecast has not happened yet: "seeks bankruptcy protection".
PROSPECTIVE_GOVERNORS = frozenset(
    {
        "seek", "negotiate", "propose", "plan", "intend", "want", "hope", "request", "demand", "consider",
        "forecast", "predict", "expect", "anticipate", "project",
    }
)
NEGATING_MODIFIERS = frozenset(
    {"cancelled", "canceled", "delayed", "postponed", "failed", "aborted", "scrapped", "abandoned"}
)

# --- hedges ---------------------------------------------------------------------------------------------
HEDGE_ADVERBS = frozenset(
    {
        "allegedly", "reportedly", "presumably", "apparently", "possibly", "probably", "perhaps", "maybe",
        "purportedly", "supposedly", "seemingly", "reputedly", "ostensibly", "conceivably", "arguably",
    }
)
HEDGE_MODALS = frozenset({"may", "might", "could", "can", "ca"})  # "can" is possibility, as in FactBank
# "would" hedges a hypothetical ("two models would be discontinued") but not reported speech, where it is
# the past of "will" ("GM said it would cut jobs": an announced, asserted measure).
CONDITIONAL_MODALS = frozenset({"would", "'d"})
NOMINAL_HEDGES = frozenset(
    {
        "alleged", "possible", "potential", "proposed", "planned", "expected", "rumored", "rumoured",
        "suspected", "purported", "likely", "prospective", "supposed", "apparent", "probable", "reported",
    }
)
HEDGE_RAISING_VERBS = frozenset({"appear", "seem"})  # "appears to be fabricated"
# Passive or impersonal reporting: "is said to", "it is believed that", "it was alleged".
HEDGE_PASSIVE_VERBS = frozenset(
    {
        "say", "believe", "think", "allege", "report", "rumor", "rumour", "suspect", "understand",
        "presume", "suppose", "claim", "purport", "fear", "reckon",
    }
)
ALLEGATION_VERBS = frozenset({"allege", "purport"})  # "the complaint alleged that ..."
EVIDENCE_NOUNS = frozenset(
    {
        "evidence", "information", "indication", "sign", "suggestion", "report", "rumor", "rumour",
        "speculation", "word", "proof", "claim", "allegation",
    }
)
# Nouns that take "no" to say a claim is unsupported: "no evidence that", "no proof".
SUPPORT_NOUNS = frozenset({"evidence", "proof", "indication", "sign", "confirmation", "corroboration"})

# --- confirmation -----------------------------------------------------------------------------------------
CONFIRM_VERBS = frozenset({"confirm", "verify", "corroborate", "substantiate"})
CONFIRM_NOUNS = frozenset({"confirmation", "verification", "corroboration"})
UNCONFIRMED_ADJECTIVES = frozenset({"unconfirmed", "unverified", "uncorroborated", "unsubstantiated"})
# "received confirmation that", "have had confirmation": these verbs pass the confirmation on.
RECEIVE_VERBS = frozenset(
    {"receive", "have", "get", "obtain", "give", "offer", "provide", "find", "cite", "see", "produce", "show"}
)
# "still trying to confirm", "too early to confirm", "unable to confirm"
CONFIRM_PENDING_HEADS = frozenset({"try", "seek", "work", "attempt", "early", "unable", "impossible", "wait"})
# Confirmation in the appointment sense ("the Senate confirmed the nominee") is not about a claim.
CONFIRMING_BODIES = frozenset({"senate", "committee", "senator", "chamber", "congress", "parliament", "lawmaker"})
APPOINTEES = frozenset(
    {
        "nominee", "nomination", "appointee", "appointment", "judge", "justice", "pick", "replacement",
        "ambassador", "secretary", "person", "candidate", "choice",
    }
)

# --- denial -----------------------------------------------------------------------------------------------
DENIAL_VERBS = frozenset({"deny", "refute", "rebut", "dispute", "debunk", "contradict"})
REJECTION_VERBS = frozenset({"reject", "dismiss", "discount", "discredit"})
# Objects that make reject/dismiss a denial: what is rejected is something someone said.
PROPOSITION_NOUNS = frozenset(
    {
        "report", "claim", "allegation", "accusation", "charge", "rumor", "rumour", "story", "account",
        "suggestion", "notion", "idea", "criticism", "critique", "assertion", "contention", "characterization",
        "label", "implication", "argument", "speculation", "concern", "point", "premise", "theory",
        "assessment", "insinuation", "description", "narrative", "version", "news", "finding", "reports",
        "involvement", "wrongdoing", "responsibility", "role", "link", "knowledge", "existence",
    }
)
# "idea", "notion", "suggestion" are propositions only with a clause: "the idea that ...", not "the idea of a tax".
CLAUSE_ONLY_NOUNS = frozenset({"idea", "notion", "suggestion", "point", "theory", "concern"})
# Objects that make deny a refusal, not a denial: "denied bail", "denied the request".
REFUSAL_NOUNS = frozenset(
    {
        "bail", "access", "entry", "request", "motion", "motions", "permit", "license", "licence", "visa",
        "application", "appeal", "petition", "coverage", "service", "opportunity", "chance", "right",
        "victory", "nomination", "loan", "status", "hearing", "benefit", "asylum", "parole", "permission",
        "approval", "funding", "sanctuary", "help", "offer", "bid", "tenure", "protection", "overtime",
    }
)
FALSE_WORDS = frozenset(
    {
        "false", "untrue", "baseless", "groundless", "unfounded", "fabricated", "bogus", "inaccurate",
        "incorrect", "fake", "erroneous", "lie", "falsehood", "nonsense", "fiction", "hoax", "misleading",
    }
)
TRUE_WORDS = frozenset({"true", "accurate", "correct", "right", "the case"})  # "not true", "not the case"
FALSELY_ADVERBS = frozenset({"falsely", "wrongly", "erroneously", "mistakenly"})
CALLING_VERBS = frozenset({"call", "label", "brand", "describe", "dismiss", "deem", "rate", "term", "declare"})

# --- opinion ----------------------------------------------------------------------------------------------
BELIEF_VERBS = frozenset(
    {"believe", "think", "feel", "hope", "guess", "reckon", "suppose", "consider", "doubt", "wish", "fear"}
)
PREDICTION_VERBS = frozenset(
    {"expect", "forecast", "predict", "anticipate", "project", "foresee", "envision", "envisage"}
)
PREDICTION_ADJECTIVES = frozenset({"likely", "unlikely", "bound", "certain", "sure"})
OBLIGATION_MODALS = frozenset({"should", "must", "ought", "shall"})
# ... except in the content of a decision or an order, which reports what was decided: "decided that X should".
DIRECTIVE_VERBS = frozenset(
    {
        "decide", "order", "rule", "recommend", "require", "instruct", "direct", "decree", "demand", "urge",
        "propose", "command", "stipulate", "agree", "resolve",
    }
)
OPINION_NOUNS = frozenset({"opinion", "view", "hope", "belief", "prediction", "forecast", "expectation"})
EVALUATIVE_ADJECTIVES = frozenset(
    {
        "good", "bad", "great", "terrible", "horrible", "awful", "excellent", "wonderful", "outrageous",
        "disgraceful", "shameful", "ridiculous", "absurd", "ludicrous", "unacceptable", "irresponsible",
        "reckless", "wrong", "important", "crucial", "essential", "better", "best", "worse", "worst", "fair",
        "unfair", "sad", "tragic", "disappointing", "encouraging", "impressive", "incompetent", "ineffective",
        "corrupt", "crazy", "stupid", "dumb", "brilliant", "disgusting", "deplorable", "appalling",
        "inappropriate", "pathetic", "dangerous", "foolish", "wise", "admirable", "courageous", "shocking",
        "troubling", "unprecedented", "remarkable", "hypocritical", "delusional", "irrelevant",
    }
)
EVALUATIVE_NOUNS = frozenset(
    {
        "mistake", "disaster", "shame", "tragedy", "disgrace", "failure", "menace", "joke", "outrage",
        "catastrophe", "travesty", "setback", "embarrassment", "insult", "triumph",
    }
)

# --- sources --------------------------------------------------------------------------------------------
# Head nouns of a source that stays anonymous unless a name, an organisation or a possessor comes with it:
# "a source", "officials", "the person familiar with the planning" (but not "CNN officials", "her publicist").
UNNAMED_SOURCE_HEADS = frozenset(
    {
        "source", "person", "people", "official", "insider", "aide", "someone", "somebody", "individual",
        "diplomat", "representative", "spokesman", "spokeswoman", "spokesperson", "employee", "staffer",
        "observer", "witness", "resident", "expert", "analyst",
    }
)
ANONYMITY_WORDS = frozenset({"anonymity", "anonymous", "unnamed", "unidentified", "familiar"})
# Verbs whose clausal complement is reported content (their own status is the frame of the content).
REPORTING_VERBS = frozenset(
    {
        "say", "tell", "report", "state", "add", "announce", "claim", "write", "note", "explain", "insist",
        "argue", "assert", "declare", "suggest", "indicate", "reveal", "acknowledge", "admit", "warn",
        "quote", "testify", "maintain", "recall", "estimate", "show", "find", "conclude",
    }
)
