"""Source types of chain links: the registry for outlets, role and name vocabulary for the rest."""

from __future__ import annotations

import pytest

from wiretrace.extract.outlets import load_outlet_registry
from wiretrace.extract.source_types import source_type
from wiretrace.records import SOURCE_TYPES


@pytest.fixture(scope="module")
def registry():
    return load_outlet_registry()


# (name, role, expected type)
CASES = [
    # outlets from the registry
    ("Reuters", None, "media"),
    ("TASS", None, "state-media"),
    ("Telegram channel Mash", None, "media"),
    ("Sputnik Belarus", None, "state-media"),
    # officials
    ("the Interior Ministry", None, "official"),
    ("Ministry of Defence of the country", None, "official"),
    ("John Smith", "spokesman for the city police", "official"),
    ("Maria Lopez", "official representative of the regional administration", "official"),
    (None, "the department's press service", "official"),
    ("President Jane Roe", None, "official"),
    ("the government", None, "official"),
    ("the UN", None, "official"),
    ("the city police", None, "official"),
    # witnesses
    (None, "witnesses", "witness"),
    (None, "local residents", "witness"),
    (None, "an eyewitness", "witness"),
    # experts
    ("Ivan Petrov", "political scientist, an expert on the Caucasus", "expert"),
    ("Jane Doe", "professor of history at a Dutch university", "expert"),
    (None, "analysts", "expert"),
    # unnamed
    (None, "a source in the police", "unnamed"),
    (None, "sources", "unnamed"),
    ("it was reported", None, "unnamed"),
    (None, "there was information", "unnamed"),
    (None, "the correspondent", "unnamed"),
    (None, None, "unnamed"),
    (None, "a senior official speaking on condition of anonymity", "unnamed"),
    # media not in the registry
    ("Telegram channel Northern Wind", None, "media"),
    ("Anna Lee", "correspondent", "media"),
    ("the local newspaper Valley Voice", None, "media"),
    ("the state TV channel Zoo 7", None, "state-media"),
    ("government newspaper Daily Truth", None, "state-media"),
    (None, "a correspondent of RIA Novosti", "state-media"),
    # other
    ("Bob Stone", None, "other"),
    ("Amnesty International", None, "other"),
    ("a man who lives nearby", None, "other"),
]


@pytest.mark.parametrize("name, role, expected", CASES)
def test_source_type(registry, name, role, expected):
    assert source_type(name, role, registry) == expected


def test_every_label_is_reachable(registry):
    assert {expected for _, _, expected in CASES} == set(SOURCE_TYPES)
