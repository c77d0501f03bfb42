"""The ACLED type table on claims written for these tests: one case a line, the proposition as the
extractor gives it (lower-cased phrases, "prep:phrase" arguments)."""

from __future__ import annotations

import pytest
from views_builders import claim

from wiretrace.views.claim_reading import claim_event_type, read_claim
from wiretrace.views.event_types import ACTS, DISORDER_TYPES, EVENT_RULES, PARTIES, disorder_type

EXCESSIVE = ("Protests", "Excessive force against protesters")
INTERVENTION = ("Protests", "Protest with intervention")
PEACEFUL = ("Protests", "Peaceful protest")
ATTACK = ("Violence against civilians", "Attack")
CLASH = ("Battles", "Armed clash")
RIOT = ("Riots", "Violent demonstration")
LOOTING = ("Strategic developments", "Looting/property destruction")
ARRESTS = ("Strategic developments", "Arrests")


@pytest.mark.parametrize("text, predicate, subject, obj, arguments, expected", [
    ("Riot police shot dead three marchers", "shoot", "riot police", "three marchers", (), EXCESSIVE),
    ("Soldiers opened fire on the demonstrators", "open", "soldiers", "fire", ("on:demonstrators",), EXCESSIVE),
    ("Police used tear gas against the crowd", "use", "police", "tear gas", ("against:crowd",), INTERVENTION),
    ("The harbour square was cleared of protesters", "clear", None, "harbour square", ("of:protesters",), INTERVENTION),
    ("Officers dispersed the rally", "disperse", "officers", "rally", (), INTERVENTION),
    ("Gunmen killed four villagers", "kill", "gunmen", "four villagers", (), ATTACK),
    ("Two bystanders were shot", "shoot", None, "two bystanders", (), ATTACK),
    ("Troops killed eleven insurgents", "kill", "troops", "eleven insurgents", (), CLASH),
    ("Five policemen were killed", "kill", None, "five policemen", (), CLASH),
    ("Security forces liquidated the terrorists", "liquidate", "security forces", "terrorists", (), CLASH),
    ("Rebels stormed the army barracks", "storm", "rebels", "army barracks", (), CLASH),
    ("A crowd stormed the town hall", "storm", "crowd", "town hall", (), RIOT),
    ("Rioters torched the mayor's office", "torch", "rioters", "mayor's office", (), RIOT),
    ("The regional parliament was seized", "seize", None, "regional parliament", (), RIOT),
    ("Shops were looted overnight", "loot", None, "shops", (), LOOTING),
    ("Thousands rallied outside the parliament", "rally", "thousands", None, ("outside:parliament",), PEACEFUL),
    ("Teachers held protests in the port", "hold", "teachers", "protests", ("in:port",), PEACEFUL),
    ("Sixty people were arrested", "arrest", None, "sixty people", (), ARRESTS),
    ("Artillery shelled the outskirts", "shell", "artillery", "outskirts", (), ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("A drone strike killed five civilians", "kill", "drone strike", "five civilians", (), ("Explosions/Remote violence", "Air/drone strike")),
    ("A roadside bomb hit the convoy", "hit", "roadside bomb", "convoy", (), ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("The situation in the port is calm", "be calm", None, "situation in port", (), None),
    ("Shots were heard near the station", "hear", None, "shots", ("near:station",), None),
    ("The minister resigned", "resign", "minister", None, (), None),
])  # fmt: skip
def test_claims_get_the_types_of_the_first_rule_that_fits(text, predicate, subject, obj, arguments, expected):
    found = claim_event_type(claim(text, predicate, subject, obj, *arguments))
    assert ((found.event_type, found.sub_event_type) if found else None) == expected


def test_a_count_of_the_dead_makes_the_act_a_killing_whatever_the_verb():
    reading = read_claim(claim("Dozens of victims were reported", "report", None, "dozens of victims", killed=(24, 99)))
    assert "kill" in reading.acts
    found = claim_event_type(claim("Dozens of victims were reported", "report", None, "dozens of victims", killed=(24, 99)))
    assert found is not None and found.event_type == "Violence against civilians"


def test_a_negated_claim_is_not_coded():
    assert claim_event_type(claim("Police did not shoot at protesters", "shoot", "police", None, "at:protesters",
                                  negated=True)) is None  # fmt: skip


@pytest.mark.parametrize("text, subject, obj, agent, patient", [
    ("Several hundred riot police in helmets charged", "several hundred riot police in helmets", None, "riot police", None),
    ("Dozens of marchers were beaten", None, "dozens of marchers", None, "marchers"),
    ("A report from the police was published", "report from police", None, None, None),
    ("Police cars were burned", None, "police cars", None, None),
    ("Officers and soldiers blocked the bridge", "officers and soldiers", "bridge", "officers", None),
])  # fmt: skip
def test_actors_are_the_heads_of_person_phrases(text, subject, obj, agent, patient):
    reading = read_claim(claim(text, "do", subject, obj))
    assert (reading.agent, reading.patient) == (agent, patient)


def test_without_a_proposition_party_the_claim_words_decide():
    reading = read_claim(claim("Clearing the square of protesters", "clearing"))
    assert "protesters" in reading.patients and "disperse" in reading.acts


def test_every_rule_names_known_acts_parties_and_a_disorder_type():
    for rule in EVENT_RULES:
        assert rule.acts <= set(ACTS), rule
        for parties in (rule.patients, rule.agents):
            assert parties is None or parties - {None} <= set(PARTIES), rule
        assert disorder_type(rule.event_type, rule.sub_event_type) in set(DISORDER_TYPES.values())


def test_the_module_docstring_table_lists_every_rule():
    from wiretrace.views import event_types

    doc = event_types.__doc__ or ""
    for rule in EVENT_RULES:
        assert f"{rule.event_type}" in doc and rule.sub_event_type in doc, rule
