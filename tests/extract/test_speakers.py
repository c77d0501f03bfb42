"""Speaker resolution: attributions become chains of canonical links (speaker, relays, outlet).

The tables use sentences written for these tests (no seed sentence, no seed name); each row reads as a
spec. The acceptance test at the end runs the two bundled seed reports and compares every attributed
claim of ``../shared/seeds/expected.json`` with the chain the resolver gives (see ``same_name``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from wiretrace.clean import clean
from wiretrace.extract.attribution import Attribution, TextSpan, attributions
from wiretrace.extract.model import load_english
from wiretrace.extract.outlets import OutletRegistry, load_outlet_registry, normalise
from wiretrace.extract.speakers import ResolvedSource, SpeakerResolver
from wiretrace.ingest import iter_documents
from wiretrace.ingest.options import IngestOptions
from wiretrace.records import SOURCE_TYPES, UNKNOWN_OUTLET, ChainLink, Document

OUTLET = "Daily Planet"  # an outlet the registry does not list


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return load_english()


@pytest.fixture(scope="module")
def registry() -> OutletRegistry:
    return load_outlet_registry()


def resolve_all(nlp, registry, text: str, outlet: str | None = OUTLET) -> list[ResolvedSource]:
    """Every attribution of ``text`` resolved; each chain must end with the outlet link."""
    doc = nlp(text)
    resolver = SpeakerResolver(doc, outlet=outlet, registry=registry)
    found = [resolver.resolve(a) for a in attributions(doc)]
    assert all(r.chain[-1] == resolver.outlet_link() for r in found)
    return found


def speakers(found: list[ResolvedSource]) -> list[str]:
    return [r.chain[0].name for r in found]


def link(resolved: ResolvedSource) -> tuple[str, str | None, str]:
    first = resolved.chain[0]
    return first.name, first.role, first.type


# ---------------------------------------------------------------------------------------------------
# Named speakers: the fullest mention in the article, the registry's name for an outlet, role kept.

@pytest.mark.parametrize(
    "text, expected",
    [
        # a full name first, a descriptive "of the country" later: both are the full name
        ("The Interior Ministry of Freedonia warns: looters will be shot. "
         "Later the Interior Ministry of the country said the roads were closed.",
         ["Interior Ministry of Freedonia", "Interior Ministry of Freedonia"]),
        # the full name written after the short one still names both
        ("The Interior Ministry said the border was open. "
         "Hours later the Interior Ministry of Freedonia said trains were running.",
         ["Interior Ministry of Freedonia", "Interior Ministry of Freedonia"]),
        # a surname alone is the person named in full elsewhere
        ("Jane Doe, a spokeswoman for the Valley Police Department, said the roads were closed. "
         "Later Doe said that two bridges had collapsed.",
         ["Jane Doe", "Jane Doe"]),
        # an outlet is named as the registry names it
        ("Thomson Reuters reported that the port was closed.", ["Reuters"]),
    ],
)
def test_fullest_name(nlp, registry, text, expected):
    assert speakers(resolve_all(nlp, registry, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Jane Doe, a spokeswoman for the Valley Police Department, said the roads were closed.",
         ("Jane Doe", "spokeswoman for the Valley Police Department", "official")),
        ("Political scientist Ivan Petrov, an expert on the region, said a revolution was unlikely.",
         ("Ivan Petrov", "Political scientist, expert on the region", "expert")),
        ("Interfax reported that the bridge was closed.", ("Interfax", None, "media")),
        # a speaker's own channel: the name is the channel's, "Telegram channel" its role
        ("Telegram channel Northern Wind reported that the bridge was closed.",
         ("Northern Wind", "Telegram channel", "media")),
        # a proper name after a media noun in a mention without a name
        ("The bridge was closed, the state TV channel Zoo 7 reported.", ("Zoo 7", "state TV channel", "state-media")),
    ],
)
def test_named_speaker_keeps_its_role(nlp, registry, text, expected):
    assert link(resolve_all(nlp, registry, text)[0]) == expected


# ---------------------------------------------------------------------------------------------------
# Coreference within the article: pronouns, definite descriptions, possessors, titles.

@pytest.mark.parametrize(
    "text, expected",
    [
        ("Jane Doe, a spokeswoman for the Valley Police Department, said the roads were closed. "
         "She added that nobody was hurt.",
         ["Jane Doe", "Jane Doe"]),
        ("The Valley Police Department said two people were detained. It added that both were released.",
         ["Valley Police Department", "Valley Police Department"]),
        ("The Interior Ministry of Freedonia said on Monday that the border was open. "
         "The ministry added that trains were running.",
         ["Interior Ministry of Freedonia", "Interior Ministry of Freedonia"]),
        ("Interfax reported that the bridge was closed. The agency added that trains were running.",
         ["Interfax", "Interfax"]),
        ("President Jane Roe visited the town. The president said the dam would be rebuilt.", ["Jane Roe"]),
        # a description's possessor is resolved and the description named after it
        ("A spokesman for the Valley Police Department said two people were detained. "
         "The department's press service later said both were released.",
         ["spokesman for the Valley Police Department", "press service of the Valley Police Department"]),
        ("The Valley Police Department said two people were detained. Its press service later said both were released.",
         ["Valley Police Department", "press service of the Valley Police Department"]),
        # the outlet a speaker told is an antecedent too
        ("John Smith told the newspaper Valley Voice that the dam held. "
         "The newspaper later reported that the river was falling.",
         ["John Smith", "Valley Voice"]),
        # no antecedent: the description stays, determiner dropped
        ("The ministry said the roads were closed.", ["ministry"]),
        ("A pronoun with nothing before it: she said the roads were closed.", ["unnamed source"]),
    ],
)
def test_coreference(nlp, registry, text, expected):
    assert speakers(resolve_all(nlp, registry, text)) == expected


def test_a_title_gives_the_role(nlp, registry):
    text = "President Jane Roe visited the town. The president said the dam would be rebuilt."
    found = resolve_all(nlp, registry, text)
    assert link(found[0]) == ("Jane Roe", "President", "official")


def _slip(text: str, role: str) -> Attribution:
    """An attribution whose role holds a person's name, as the attribution stage gives a translation slip."""
    start = text.index(role)
    source = TextSpan(start, start + len(role), role)
    content = TextSpan(len(text) - 10, len(text), text[-10:])
    return Attribution("indirect", (), source, content, (content,), speaker=None, speaker_role=role.removeprefix("a "))


@pytest.mark.parametrize(
    "role, expected",
    [
        # the person speaks elsewhere in the article: she is the speaker, the rest her role
        ("a representative of the city police of the city of Jane Doe",
         ("Jane Doe", "representative of the city police", "official")),
        # a name that never speaks stays inside the role
        ("a representative of the city police of the city of Eastvale",
         ("representative of the city police of the city of Eastvale", None, "official")),
    ],
)
def test_a_person_named_inside_a_role_by_a_slip(nlp, registry, role, expected):
    text = f"Jane Doe said the dam had held. Later {role} said that the river was falling."
    doc = nlp(text)
    resolver = SpeakerResolver(doc, outlet=OUTLET, registry=registry)
    assert link(resolver.resolve(_slip(text, role))) == expected


# ---------------------------------------------------------------------------------------------------
# Unnamed, role-only and generic sources.

@pytest.mark.parametrize(
    "text, expected",
    [
        ("It was reported that the airport had been closed.", ("unnamed source", "unnamed", False)),
        ("There was information that the dam was damaged.", ("unnamed source", "unnamed", False)),
        ("The convoy allegedly turned back.", ("unnamed source", "unnamed", False)),
        ("Later it became known that the convoy had turned back.", ("unnamed source", "unnamed", False)),
        ("According to the latest information, the dam held.", ("unnamed source", "unnamed", False)),
        ("Witnesses said the bridge collapsed.", ("witnesses", "witness", False)),
        ("According to the correspondent, the market burned down.", ("correspondent", "unnamed", False)),
        ("Sources said the minister had resigned.", ("sources", "unnamed", False)),
        ("The police said the curfew would be lifted.", ("police", "official", True)),
        ("Officials said the dam held.", ("officials", "official", False)),
        ("An official said the dam held.", ("official", "official", False)),
        ("Jane Doe said the dam held.", ("Jane Doe", "other", True)),
        ("The Valley Police Department said the dam held.", ("Valley Police Department", "official", True)),
    ],
)
def test_unnamed_and_role_only_sources(nlp, registry, text, expected):
    found = resolve_all(nlp, registry, text)[0]
    assert (found.chain[0].name, found.chain[0].type, found.speaker_is_named) == expected


# ---------------------------------------------------------------------------------------------------
# Relays, addressees, and the outlet at the end (never twice).

@pytest.mark.parametrize(
    "text, outlet, expected",
    [
        ("The ministry said the roads were closed, Interfax reported.", OUTLET, ("ministry", "Interfax", OUTLET)),
        ("Witnesses said the bridge collapsed, Interfax reported.", None, ("witnesses", "Interfax", UNKNOWN_OUTLET)),
        # the outlet a speaker told is a link
        ("The mayor of Eastvale, John Smith, told the state TV channel Zoo 7 that the dam held.", OUTLET,
         ("John Smith", "Zoo 7", OUTLET)),
        # ... but not twice when it is the article's outlet
        ("John Smith told Reuters that the dam held.", "Reuters", ("John Smith", "Reuters")),
        ("Witnesses said the bridge collapsed, Interfax reported.", "Interfax news agency", ("witnesses", "Interfax")),
        ("Reuters reported that the roads were closed.", "Reuters", ("Reuters",)),
        ("The Daily Bugle reported that the roads were closed.", "Daily Bugle", ("Daily Bugle",)),
    ],
)
def test_relays_and_the_outlet(nlp, registry, text, outlet, expected):
    found = resolve_all(nlp, registry, text, outlet=outlet)[0]
    assert tuple(link.name for link in found.chain) == expected


def test_an_addressee_link_has_the_outlet_name_and_the_descriptive_role(nlp, registry):
    found = resolve_all(nlp, registry, "John Smith told the state TV channel Zoo 7 that the dam held.")[0]
    assert found.chain[1] == ChainLink("Zoo 7", "state TV channel", "state-media")


@pytest.mark.parametrize(
    "outlet, expected",
    [
        ("Reuters", ChainLink("Reuters", None, "media")),
        ("ITAR-TASS", ChainLink("TASS", None, "state-media")),
        ("Daily Planet", ChainLink("Daily Planet", None, "media")),  # unlisted: a publisher is media
        ("the state TV channel Zoo 7", ChainLink("the state TV channel Zoo 7", None, "state-media")),
        (None, ChainLink(UNKNOWN_OUTLET, None, "other")),
        ("  ", ChainLink(UNKNOWN_OUTLET, None, "other")),
    ],
)
def test_outlet_link(nlp, registry, outlet, expected):
    assert SpeakerResolver(nlp("Nothing is said here."), outlet=outlet, registry=registry).outlet_link() == expected


@pytest.mark.parametrize(
    "text, phrase, expected",
    [
        ("The curfew was confirmed by a report from the police.", "a report from the police",
         ChainLink("police", None, "official")),
        ("The Interior Ministry of Freedonia said the roads were closed. This was confirmed by the Interior Ministry.",
         "the Interior Ministry", ChainLink("Interior Ministry of Freedonia", None, "official")),
        ("Jane Doe, a spokeswoman for the Valley Police Department, said the roads were closed. "
         "This was confirmed by the department.", "the department",
         ChainLink("Valley Police Department", None, "official")),
        ("This was confirmed by Interfax.", "Interfax", ChainLink("Interfax", None, "media")),
        ("According to the correspondent, the market burned.", "According to the correspondent",
         ChainLink("correspondent", None, "unnamed")),
        ("There was information that the dam broke.", "there was information",
         ChainLink("unnamed source", None, "unnamed")),
    ],
)
def test_named_phrase(nlp, registry, text, phrase, expected):
    assert SpeakerResolver(nlp(text), outlet=OUTLET, registry=registry).named(phrase) == expected


@pytest.fixture(scope="module")
def resolver_for_phrases(nlp, registry) -> SpeakerResolver:
    text = "Jane Doe, a spokeswoman for the Valley Police Department, said the roads were closed. She said more."
    return SpeakerResolver(nlp(text), outlet=OUTLET, registry=registry)


WORDS = ["the", "a", "of", "'s", "’s", "its", "she", "it", "report", "from", "Police", "police", "Valley", "channel",
         "TV", "7", "Interfax", "according", "to", "information", ",", "Jane", "Doe", "department", "witnesses", ""]


@given(st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join))
@settings(max_examples=300, deadline=None)
def test_any_phrase_gives_one_well_formed_link(resolver_for_phrases, phrase):
    produced = resolver_for_phrases.named(phrase)
    assert produced.name.strip() and produced.type in SOURCE_TYPES


def test_the_pipeline_component_output_is_used_when_present(registry):
    pipeline = load_english.__wrapped__(())  # a fresh pipeline: the cached one stays as it is
    pipeline.add_pipe("wiretrace_attribution")
    text = "The Valley Police Department said two people were detained. Its press service said both were released."
    doc = pipeline(text)
    resolver = SpeakerResolver(doc, outlet=OUTLET, registry=registry)
    from_component = [resolver.resolve(a).chain for a in doc._.attributions]
    assert from_component == [resolver.resolve(a).chain for a in attributions(doc)]
    assert resolver.resolve(doc._.attributions[1]).chain[0].name == "press service of the Valley Police Department"


# ---------------------------------------------------------------------------------------------------
# Acceptance: the seed reports. Names are compared by ``same_name``.

def name_words(name: str) -> tuple[str, ...]:
    """A name for comparison: the gold's notes in brackets ("witnesses (unnamed)") dropped, then case,
    accents, punctuation and possessives (``outlets.normalise``) and the articles the, a, an."""
    return tuple(w for w in normalise(re.sub(r"\s*\([^)]*\)", "", name)).split() if w not in {"the", "a", "an"})


def same_name(produced: str, gold: str) -> bool:
    """Equal words; for a role-like name we produce (it starts in lower case: "police", "press service of
    the Police Department"), one side's words may contain the other's ("police" / "City Police
    Department"), because which city's police is not written in the mention."""
    ours, theirs = name_words(produced), name_words(gold)
    if ours == theirs:
        return True
    return produced[:1].islower() and bool(ours) and (set(ours) <= set(theirs) or set(theirs) <= set(ours))


def _locate(text: str, evidence: str) -> tuple[int, int]:
    start = text.find(evidence)
    if start >= 0:
        return start, start + len(evidence)
    found = re.search(r"\s+".join(re.escape(w) for w in evidence.split()), text)
    assert found, f"evidence {evidence!r} is not in the cleaned text"
    return found.span()


def _covering(found: list[Attribution], span: tuple[int, int]) -> Attribution | None:
    """The innermost attribution whose content overlaps the evidence."""
    hits = [a for a in found if any(p.start < span[1] and span[0] < p.end for p in a.content_parts or (a.content,))]
    return min(hits, key=lambda a: a.content.end - a.content.start, default=None)


@pytest.fixture(scope="module")
def seed_gold(seeds_dir: Path) -> dict:
    return json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_results(nlp, registry, examples_dir: Path, seed_gold: dict) -> dict[str, tuple[list[str], str]]:
    """Claim id → (the chain we give as names, how it was reached), for every attributed gold claim.

    A claim is reached through the innermost attribution whose content overlaps its evidence; a claim no
    attribution covers is tried through ``named`` with the gold's own attribution phrase (the agent of a
    passive confirmation, which the claim stage passes to ``named``).
    """
    results = {}
    for file_name, entry in seed_gold["files"].items():
        document = next(iter_documents([examples_dir / file_name], IngestOptions()))
        assert isinstance(document, Document)
        article = clean(document)
        doc = nlp(article.text)
        resolver = SpeakerResolver(doc, outlet=article.outlet, registry=registry)
        found = list(attributions(doc))
        for claim in entry["claims"]:
            if claim["kind"] == "outlet-voice":
                continue
            attribution = _covering(found, _locate(article.text, claim["evidence"]))
            if attribution is not None:
                chain = resolver.resolve(attribution).chain
                results[claim["id"]] = ([(x.name, x.type) for x in chain], "attribution")
            else:
                chain = (resolver.named(claim["attribution"][0]), resolver.outlet_link())
                results[claim["id"]] = ([(x.name, x.type) for x in chain], "named")
    return results


def _gold_claims(seed_gold: dict) -> dict[str, dict]:
    return {c["id"]: c for entry in seed_gold["files"].values() for c in entry["claims"] if c["kind"] != "outlet-voice"}


def test_seed_chains(seed_gold, seed_results):
    """Every attributed gold claim gets the gold chain (or an accepted alternative), link by link."""
    wrong = []
    for claim_id, claim in _gold_claims(seed_gold).items():
        produced = [name for name, _ in seed_results[claim_id][0]]
        accepted = [claim["chain"], *(claim.get("chain_alternatives") or [])]
        if not any(len(produced) == len(g) and all(map(same_name, produced, g)) for g in accepted):
            wrong.append(f"{claim_id}: {produced} != {claim['chain']}")
    assert not wrong, "\n".join(wrong)


def test_seed_link_types(seed_gold, seed_results):
    """Where the gold lists a link's type (the story's ``link_types``), the link has that type."""
    types = {
        name_words(name): entry["type"] for story in seed_gold["stories"] for name, entry in story["link_types"].items()
    }
    wrong = []
    for claim_id, claim in _gold_claims(seed_gold).items():
        for (name, kind), gold in zip(seed_results[claim_id][0], claim["chain"], strict=False):
            if same_name(name, gold) and name_words(gold) in types and types[name_words(gold)] != kind:
                wrong.append(f"{claim_id}: {name} is {kind}, gold {types[name_words(gold)]}")
    assert not wrong, "\n".join(wrong)


SEED_NOT_ATTRIBUTED = {
    "000#3b": "the agent of a passive confirmation ('confirmed by a report from the police') is no attribution",
    "000#5b": "the according-to content ends at the comma before the second clause ('some are wounded')",
}
"""Gold claims no attribution covers (the attribution stage's limits, not this one's): they are reached
through ``named`` with the gold's attribution phrase."""


def test_seed_claims_reached_through_named_are_known_gaps(seed_results):
    assert {k for k, (_, how) in seed_results.items() if how == "named"} <= set(SEED_NOT_ATTRIBUTED)

