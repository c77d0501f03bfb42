"""The outlet registry: shipped data, matching as reporters write names, and a user's own file."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

from wiretrace.errors import WiretraceError
from wiretrace.extract.outlets import COLUMNS, KINDS, TYPES, load_outlet_registry, normalise


@pytest.fixture(scope="module")
def registry():
    return load_outlet_registry()


# (text as written, expected (full name, type) or None)
MATCHES = [
    ("Reuters", ("Reuters", "media")),
    ("REUTERS", ("Reuters", "media")),
    ("photo REUTERS", ("Reuters", "media")),
    ("(C)AFP 2021", ("Agence France-Presse", "media")),  # a copyright line
    ("AP", ("Associated Press", "media")),
    ("the AP", ("Associated Press", "media")),
    ("ap", None),  # short all-capital aliases only as written
    ("TASS", ("TASS", "state-media")),
    ("ITAR-TASS", ("TASS", "state-media")),
    ("Russian news agency TASS", ("TASS", "state-media")),
    ("RIA-Novosti", ("RIA Novosti", "state-media")),
    ("Ria Novosti news agency", ("RIA Novosti", "state-media")),
    ("Ria Novosty", ("RIA Novosti", "state-media")),  # near miss
    ("Russia Today", ("RT", "state-media")),
    ("Sputnik Belarus", ("Sputnik Belarus", "state-media")),  # an edition
    ("Sputnik Arabic", ("Sputnik Arabic", "state-media")),
    ("BBC Russian Service", ("BBC Russian", "media")),
    ("Interfax-Ukraine", ("Interfax-Ukraine", "media")),  # its own entry, not an edition
    ("Telegram channel Mash", ("Mash", "media")),
    ("the state TV channel Rossiya 24", ("Rossiya 24", "state-media")),
    ("China's Xinhua news agency", ("Xinhua", "state-media")),
    ("Turkish state broadcaster TRT", ("TRT", "state-media")),
    ("Al-Jazeera", ("Al Jazeera", "media")),
    ("The Guardian newspaper", ("The Guardian", "media")),
    ("Pakistan's Dawn newspaper", ("Dawn newspaper", "media")),
    ("le monde", ("Le Monde", "media")),
    ("Ukrainska Pravda", ("Ukrainska Pravda", "media")),
    ("Ukrinform", ("Ukrinform", "state-media")),
    ("Anadolu", ("Anadolu Agency", "state-media")),
    ("John Smith", None),
    ("the rapper", None),  # near misses are tried on capitalised names only (not Rappler)
    ("the police", None),
    ("the independent expert", None),  # "The Independent" needs its article and no foreign words
    ("news agency", None),
    ("", None),
]


@pytest.mark.parametrize("text, expected", MATCHES)
def test_match(registry, text, expected):
    outlet = registry.match(text)
    found = (outlet.full_name, outlet.type) if outlet else None
    assert found == expected


def test_shipped_registry_is_large_and_worldwide(registry):
    outlets = list(registry)
    assert len(outlets) >= 300
    assert len({o.country for o in outlets}) >= 80
    assert {o.type for o in outlets} == TYPES
    assert {o.kind for o in outlets} <= KINDS


def test_shipped_registry_codes_are_real_countries(registry):
    codes = {c.alpha_2 for c in pycountry.countries}
    assert [o.name for o in registry if o.country and o.country not in codes] == []


def test_no_alias_names_two_outlets(registry):
    owners: dict[str, set[str]] = defaultdict(set)
    for outlet in registry:
        for alias in (outlet.name, *outlet.aliases):
            owners[alias if len(alias) <= 3 and alias.isupper() else normalise(alias)].add(outlet.name)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def _write(path: Path, *rows: str) -> Path:
    path.write_text("# my outlets\n" + "\t".join(COLUMNS) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_user_file_extends_and_overrides(tmp_path):
    mine = _write(
        tmp_path / "mine.tsv",
        "Reuters\tstate-media\tagency\tGB\tWire Service X",  # an override, for the test's sake
        "Valley Courier\tmedia\tnewspaper\tUS\tThe Courier|Courier of the Valley",
    )
    registry = load_outlet_registry(mine)
    assert registry.match("Reuters").type == "state-media"
    assert registry.match("Wire Service X").name == "Reuters"
    assert registry.match("Thomson Reuters") is None  # the overridden entry's shipped aliases are gone
    assert registry.match("the Courier of the Valley").name == "Valley Courier"
    assert len(registry) == len(load_outlet_registry()) + 1


def test_user_alias_wins_over_a_shipped_alias(tmp_path):
    mine = _write(tmp_path / "mine.tsv", "Local Post\tmedia\tnewspaper\tGB\tThe Times")
    assert load_outlet_registry(mine).match("The Times").name == "Local Post"


@pytest.mark.parametrize(
    "row, message",
    [
        ("Foo\tnews\tagency\tGB\t", "type 'news'"),
        ("Foo\tmedia\tblog\tGB\t", "kind 'blog'"),
        ("Foo\tmedia\tagency\tGBR\t", "country 'GBR'"),
        ("Foo\tmedia\tagency", "3 columns"),
        ("\tmedia\tagency\tGB\t", "empty name"),
    ],
)
def test_bad_user_file_names_file_and_line(tmp_path, row, message):
    mine = _write(tmp_path / "bad.tsv", "Good One\tmedia\tagency\tGB\t", row)
    with pytest.raises(WiretraceError, match=rf"bad\.tsv:4: .*{message}"):
        load_outlet_registry(mine)


def test_missing_header_and_missing_file(tmp_path):
    headless = tmp_path / "headless.tsv"
    headless.write_text("Foo\tmedia\tagency\tGB\t\n", encoding="utf-8")
    with pytest.raises(WiretraceError, match="headless.tsv: the first non-comment line must be the header"):
        load_outlet_registry(headless)
    with pytest.raises(WiretraceError, match="nowhere.tsv: cannot read the outlet registry"):
        load_outlet_registry(tmp_path / "nowhere.tsv")
