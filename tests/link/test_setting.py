"""A story's setting: areas and names most of its claims share anchor nothing; specific places always do."""

from __future__ import annotations

import numpy as np

from wiretrace.link.claim_views import ClaimView
from wiretrace.link.setting import Setting
from wiretrace.records import ClaimPlace

LIMA = ClaimPlace("Lima", "city", "PE", -12.0, -77.0, "Lima")
PERU = ClaimPlace("Peru", "country", "PE", None, None, "Peru")
PLAZA = ClaimPlace("Plaza San Martín", "facility", "PE", None, None, "Plaza San Martín", parent="Lima")


def view(text: str, *places: ClaimPlace, names: tuple[str, ...] = ()) -> ClaimView:
    return ClaimView(text=text, vector=np.ones(4, dtype=np.float32), places=places, names=names, actors=names)


def story_of(*views: ClaimView, share: float = 0.2) -> Setting:
    setting = Setting(share)
    for v in views:
        setting.add(v)
    return setting


def test_a_city_most_claims_name_is_setting_and_is_dropped():
    setting = story_of(*(view(f"Protesters marched in Lima {i}", LIMA) for i in range(5)), view("Talks failed"))
    stripped = setting.without_setting(view("Police fired tear gas in Lima", LIMA))
    assert setting.covers("Lima") and stripped.places == ()


def test_a_city_few_claims_name_still_anchors():
    setting = story_of(view("Protesters marched in Lima", LIMA), *(view(f"Talks failed {i}") for i in range(9)))
    assert setting.without_setting(view("Police fired in Lima", LIMA)).places == (LIMA,)


def test_a_country_never_anchors_within_a_story():
    setting = story_of(view("Talks failed"), view("Ministers met"))
    assert setting.without_setting(view("Peru declared an emergency", PERU)).places == ()


def test_a_square_the_claim_names_anchors_however_often_it_recurs():
    setting = story_of(*(view(f"Crowds filled Plaza San Martín {i}", PLAZA) for i in range(6)))
    assert setting.without_setting(view("Police cleared Plaza San Martín", PLAZA)).places == (PLAZA,)


def test_a_square_only_inherited_from_the_paragraph_anchors_nothing():
    setting = story_of(view("Talks failed"))
    assert setting.without_setting(view("Police fired tear gas", PLAZA)).places == ()


def test_a_person_in_most_claims_is_setting_a_rare_one_is_not():
    setting = story_of(*(view(f"Castillo said {i}", names=("Pedro Castillo",)) for i in range(4)),
                       view("Boluarte was sworn in", names=("Dina Boluarte",)), view("Talks failed"))
    stripped = setting.without_setting(view("Castillo met Boluarte", names=("Pedro Castillo", "Dina Boluarte")))
    assert stripped.names == ("Dina Boluarte",) and stripped.actors == ("Dina Boluarte",)


def test_an_empty_story_has_no_setting():
    assert not Setting().covers("Lima")


def campaign(claims: int, naming: int) -> Setting:
    """A story of ``claims`` claims, ``naming`` of which name its main actor (one by her full name)."""
    named = [view("Ilse Marlow opened her campaign", names=("Ilse Marlow",)),
             *(view(f"Marlow promised thing {i}", names=("Marlow",)) for i in range(naming - 1))]
    return story_of(*named, *(view(f"Talks failed {i}") for i in range(claims - naming)), share=0.2)


def test_a_main_actor_under_the_setting_share_is_common_at_a_lower_one():
    setting = campaign(claims=100, naming=15)  # 15%: no setting at 20%, common at 5%
    claim = view("Ilse Marlow promised new bridges", names=("Ilse Marlow",))
    assert setting.without_setting(claim).names == ("Ilse Marlow",)
    assert setting.without_setting(claim, share=0.05).names == ()  # any of her names: "Ilse" is rare


def test_a_name_a_handful_of_claims_share_is_never_common():
    setting = campaign(claims=20, naming=4)  # 20% of a young story, but only 4 claims: below the floor
    claim = view("Marlow promised new bridges", names=("Marlow",))
    assert setting.without_setting(claim, share=0.05).names == ("Marlow",)


def test_a_square_whose_words_are_common_anchors_nothing_at_a_share():
    setting = story_of(*(view(f"Crowds filled Plaza San Martín {i}", PLAZA) for i in range(8)), share=0.2)
    claim = view("Police cleared Plaza San Martín", PLAZA)
    assert setting.without_setting(claim).places == (PLAZA,)
    assert setting.without_setting(claim, share=0.05).places == ()
