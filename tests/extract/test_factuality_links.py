"""The article-level pass: later confirmations, non-confirmations and denials answer earlier claims."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from wiretrace.extract.factuality import Factuality
from wiretrace.extract.factuality_links import LinkOptions, content_words, link_confirmations_and_denials


@dataclass(frozen=True)
class Claim:
    start: int
    end: int
    text: str
    speaker_is_named: bool
    factuality: Factuality


def article(*items: tuple[str, bool, Factuality]) -> list[Claim]:
    """Claims laid out one after another, as in an article."""
    claims, position = [], 0
    for text, named, factuality in items:
        claims.append(Claim(position, position + len(text), text, named, factuality))
        position += len(text) + 1
    return claims


HEDGED = Factuality("hedged", ("reportedly",), ((10, 20),))
ASSERTED = Factuality("asserted")
CONFIRMED = Factuality("confirmed", ("confirmed",), ((200, 209),))
NOT_CONFIRMED = Factuality("not-confirmed", ("was not confirmed",), ((300, 317),))
DENIED = Factuality("denied", ("denied",), ((400, 406),))


def test_named_confirmation_upgrades_an_earlier_hedged_claim_keeping_both_cues():
    claims = article(
        ("Rebels reportedly seized the northern airport", False, HEDGED),
        ("Shops stayed closed in the old town", False, ASSERTED),
        ("The defence ministry confirmed that rebels seized the northern airport", True, CONFIRMED),
    )
    linked = link_confirmations_and_denials(claims)
    assert linked[0].factuality.label == "confirmed"
    assert linked[0].factuality.cues == ("reportedly", "confirmed")
    assert linked[0].factuality.cue_spans == ((10, 20), (200, 209))
    assert linked[2].confirms == (0,)
    assert linked[1].factuality == ASSERTED


def test_anaphoric_confirmation_takes_the_nearest_hedged_claim():
    claims = article(
        ("Protesters blocked the main road", False, ASSERTED),
        ("There is evidence that soldiers were told to fire", False, Factuality("hedged", ("There is evidence",))),
        ("This was confirmed by the city police", True, CONFIRMED),
    )
    linked = link_confirmations_and_denials(claims)
    assert linked[1].factuality.label == "confirmed"
    assert linked[1].factuality.cues == ("There is evidence", "confirmed")
    assert linked[0].factuality.label == "asserted"  # asserted by a named-or-outlet voice: left alone
    assert linked[2].confirms == (1,)


def test_unnamed_confirmation_changes_nothing():
    claims = article(
        ("Rebels reportedly seized the northern airport", False, HEDGED),
        ("A source confirmed that rebels seized the northern airport", False, CONFIRMED),
    )
    linked = link_confirmations_and_denials(claims)
    assert linked[0].factuality == HEDGED
    assert linked[1].confirms == ()


def test_confirmation_does_not_touch_a_claim_of_a_named_speaker_that_was_already_asserted():
    claims = article(
        ("The governor said the dam held overnight", True, ASSERTED),
        ("Engineers confirmed that the dam held overnight", True, CONFIRMED),
    )
    assert link_confirmations_and_denials(claims)[0].factuality == ASSERTED


def test_not_confirmed_marks_the_earlier_claim_and_keeps_both_cues():
    claims = article(
        ("There were reports that the television tower was captured", False, Factuality("hedged", ("reports",))),
        ("This information was not confirmed", True, NOT_CONFIRMED),
    )
    linked = link_confirmations_and_denials(claims)
    assert linked[0].factuality.label == "not-confirmed"
    assert linked[0].factuality.cues == ("reports", "was not confirmed")
    assert linked[1].denies == (0,)


def test_denial_points_at_what_it_denies_and_leaves_its_label():
    claims = article(
        ("Witnesses said troops fired on the crowd near the bridge", True, ASSERTED),
        ("Rain flooded two streets", False, ASSERTED),
        ("The army denied that troops fired on the crowd", True, DENIED),
    )
    linked = link_confirmations_and_denials(claims)
    assert linked[2].denies == (0,)
    assert linked[0].factuality == ASSERTED
    assert [item.factuality for item in linked] == [c.factuality for c in claims]


def test_an_answer_only_looks_back():
    claims = article(
        ("The army denied that troops fired on the crowd", True, DENIED),
        ("Witnesses said troops fired on the crowd", True, ASSERTED),
    )
    assert link_confirmations_and_denials(claims)[0].denies == ()


def test_unrelated_answer_without_anaphora_links_nothing():
    claims = article(
        ("Rebels reportedly seized the northern airport", False, HEDGED),
        ("The health ministry confirmed three new flu cases", True, CONFIRMED),
    )
    linked = link_confirmations_and_denials(claims)
    assert linked[0].factuality == HEDGED
    assert linked[1].confirms == ()


def test_input_order_is_kept_whatever_the_offsets():
    first, second = article(
        ("Rebels reportedly seized the northern airport", False, HEDGED),
        ("The ministry confirmed that rebels seized the northern airport", True, CONFIRMED),
    )
    linked = link_confirmations_and_denials([second, first])
    assert linked[1].factuality.label == "confirmed"
    assert linked[0].confirms == (1,)


@pytest.mark.parametrize("threshold, label", [(0.3, "confirmed"), (0.99, "hedged")])
def test_overlap_threshold_is_an_option(threshold: float, label: str):
    claims = article(
        ("Rebels reportedly seized the northern airport", False, HEDGED),
        ("Officials at the ministry confirmed rebels seized an airport", True, CONFIRMED),
    )
    linked = link_confirmations_and_denials(claims, options=LinkOptions(min_overlap=threshold))
    assert linked[0].factuality.label == label


def test_content_words_drop_cue_and_function_words():
    assert content_words("This information was not confirmed") == set()
    assert content_words("Troops fired on 300 protesters") == {"troops", "fired", "300", "protesters"}
