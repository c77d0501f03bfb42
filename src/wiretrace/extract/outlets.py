"""The outlet registry: which names are news outlets, whether they are state media, and their aliases.

The registry is a tab-separated file (``data/outlets.tsv``; columns and the rule for ``state-media``
in ``docs/outlets.md``). A user's file in the same format extends it: an entry with the name of a
shipped one replaces it, and the user's aliases win over shipped ones.

``OutletRegistry.match`` reads a name as a reporter writes it and finds the outlet:
1. the whole text is an alias, after normalisation ("Itar-Tass" = "ITAR-TASS"; all-capital aliases
   of up to three letters, such as "AP" or "RT", only as written);
2. an alias inside descriptive words: "Telegram channel X", "the state TV channel X", "the Russian
   news agency X"; a country or language name after the alias is an edition ("RT Arabic",
   "BBC Russian"), kept in ``Outlet.edition``;
3. a near-miss spelling of a whole alias (rapidfuzz ratio ≥ ``fuzzy_cutoff``, aliases of six or more
   characters only, text with a capital letter): "Deutsche Wele".
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycountry
from rapidfuzz import fuzz, process

from wiretrace.errors import WiretraceError
from wiretrace.extract import place_index

COLUMNS = ("name", "type", "kind", "country", "aliases")
TYPES = frozenset({"state-media", "media"})
KINDS = frozenset({"agency", "tv", "radio", "newspaper", "magazine", "online", "telegram"})

DESCRIPTORS = frozenset(
    "the a state run owned controlled backed affiliated funded public private independent official "
    "government pro kremlin opposition national federal regional local international news newspaper "
    "paper daily weekly tv television channel telegram radio station broadcaster broadcasting "
    "website site portal outlet publication magazine agency information press wire service online "
    "media network edition according to its from of reported reports said citing by in photo video "
    "footage image picture credit copyright c".split()
)
"""Words around an outlet's name that do not change which outlet it is ("the state TV channel X")."""


@dataclass(frozen=True, slots=True)
class Outlet:
    """One registry entry. ``edition`` is set by ``match`` for "RT Arabic"-style mentions."""

    name: str
    type: str
    kind: str
    country: str | None
    aliases: tuple[str, ...] = ()
    edition: str | None = None

    @property
    def full_name(self) -> str:
        """The name with its edition: "RT Arabic"."""
        return f"{self.name} {self.edition}" if self.edition else self.name


def normalise(text: str) -> str:
    """Case-folded, accent-free, punctuation as spaces: "Itar-Tass" → "itar tass"."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"['’]s\b", "", text.casefold()).replace("'", "").replace("’", "")
    return " ".join(re.sub(r"[^\w+&]+", " ", text).split())


def _is_code(alias: str) -> bool:
    """Short all-capital aliases ("AP", "RT", "ABC") are matched only as written."""
    return len(alias) <= 3 and alias.isupper()


class OutletRegistry:
    """Outlets by normalised alias. Build it with ``load_outlet_registry``."""

    def __init__(self, outlets: list[Outlet], *, fuzzy_cutoff: float = 90.0) -> None:
        self._outlets = {normalise(o.name): o for o in outlets}
        self._aliases: dict[str, Outlet] = {}
        self._codes: dict[str, Outlet] = {}
        for outlet in self._outlets.values():  # later entries (a user's) overwrite earlier aliases
            for alias in (outlet.name, *outlet.aliases):
                if _is_code(alias):
                    self._codes[alias] = outlet
                else:
                    self._aliases[normalise(alias)] = outlet
        self._fuzzy_keys = [k for k in self._aliases if len(k) >= 6]
        self.fuzzy_cutoff = fuzzy_cutoff
        self._matched: dict[str, Outlet | None] = {}  # the same names recur in every article of a corpus

    def __len__(self) -> int:
        return len(self._outlets)

    def __iter__(self) -> Iterator[Outlet]:
        return iter(self._outlets.values())

    def match(self, text: str) -> Outlet | None:
        """The outlet ``text`` names, or ``None``; see the module docstring for the three steps."""
        if not text or not text.strip():
            return None
        if text not in self._matched:
            if len(self._matched) > 100_000:
                self._matched.clear()
            exact = self._codes.get(text.strip()) or self._aliases.get(normalise(text))
            self._matched[text] = exact or self._inside(text) or self._near(text)
        return self._matched[text]

    def _inside(self, text: str) -> Outlet | None:
        """An alias within descriptive words, longest alias first; an edition may follow it."""
        words = [w for w in re.split(r"[\s\-–—/()\[\]]+", text) if w]
        folded = [normalise(w) for w in words]
        for size in range(len(words), 0, -1):
            for start in range(len(words) - size + 1):
                piece = " ".join(words[start : start + size]).strip(",.;:()\"'“”«»")
                outlet = self._codes.get(piece) or self._aliases.get(normalise(piece))
                if outlet is None:
                    continue
                before, after = folded[:start], folded[start + size :]
                edition = _edition(" ".join(after)) if after else None
                if _all_descriptors(before) and (not after or edition or _all_descriptors(after)):
                    return dataclasses.replace(outlet, edition=edition) if edition else outlet
        return None

    def _near(self, text: str) -> Outlet | None:
        """A misspelt name: only capitalised text ("the rapper" is not Rappler) of six characters or more."""
        core = " ".join(w for w in normalise(text).split() if w not in DESCRIPTORS)
        if len(core) < 6 or not any(c.isupper() for c in text):
            return None
        best = process.extractOne(core, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=self.fuzzy_cutoff)
        return self._aliases[best[0]] if best else None


def _all_descriptors(words: list[str]) -> bool:
    """Whether every word only describes: a descriptor, a country/people/language word or a year."""
    parts = [part for w in words for part in w.split()]
    return all(p in DESCRIPTORS or p in _place_words() or p.isdigit() and len(p) == 4 for p in parts)


@lru_cache(maxsize=1)
def _edition_names() -> dict[str, str]:
    """Folded country and language names → as written, for "RT Arabic" and "BBC Russian"."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for name in filter(None, (getattr(country, "common_name", None), country.name)):
            names.setdefault(normalise(name), name)
    for language in pycountry.languages:
        if hasattr(language, "alpha_2"):
            names.setdefault(normalise(language.name), language.name)
    return names


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Single words naming a country, its people or a language ("Russian", "Kazakh"): descriptors too."""
    words = {w for name in _edition_names() for w in name.split()}
    rows = place_index.country_rows()
    words |= {normalise(d) for row in rows for d in (row.get("demonyms") or "").split("|") if d and " " not in d}
    return frozenset(words)


def _edition(words: str) -> str | None:
    """The edition a trailing phrase names: a country or language, optionally with "service"/"edition"."""
    words = re.sub(r"\s+(service|edition|version|bureau)$", "", words)
    return _edition_names().get(words)


def _read(path: Path | str, text: str) -> list[Outlet]:
    """Parse a registry file; raise one error naming the file, the line and the problem."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]
    if not lines or tuple(lines[0][1].split("\t")) != COLUMNS:
        raise WiretraceError(f"{path}: the first non-comment line must be the header {'<TAB>'.join(COLUMNS)}")
    return [_outlet(path, number, line.split("\t")) for number, line in lines[1:]]


def _outlet(path: Path | str, number: int, row: list[str]) -> Outlet:
    if len(row) != len(COLUMNS):
        raise WiretraceError(f"{path}:{number}: {len(row)} columns, expected {len(COLUMNS)} ({', '.join(COLUMNS)})")
    name, type_, kind, country, aliases = (cell.strip() for cell in row)
    problem = (
        "an empty name" if not name
        else f"type {type_!r} is not one of {', '.join(sorted(TYPES))}" if type_ not in TYPES
        else f"kind {kind!r} is not one of {', '.join(sorted(KINDS))}" if kind not in KINDS
        else f"country {country!r} is not an ISO alpha-2 code" if country and not re.fullmatch(r"[A-Z]{2}", country)
        else None
    )  # fmt: skip
    if problem:
        raise WiretraceError(f"{path}:{number}: {problem}; fix the line or remove it")
    return Outlet(name, type_, kind, country or None, tuple(a.strip() for a in aliases.split("|") if a.strip()))


@lru_cache(maxsize=1)
def _shipped() -> tuple[Outlet, ...]:
    source = resources.files("wiretrace").joinpath("data/outlets.tsv")
    return tuple(_read("wiretrace/data/outlets.tsv", source.read_text(encoding="utf-8")))


def load_outlet_registry(extra: Path | None = None, *, fuzzy_cutoff: float = 90.0) -> OutletRegistry:
    """The shipped registry, extended (and overridden, entry by entry) by the user's ``extra`` file."""
    outlets = list(_shipped())
    if extra is not None:
        try:
            text = Path(extra).read_text(encoding="utf-8")
        except OSError as error:
            raise WiretraceError(f"{extra}: cannot read the outlet registry: {error.strerror or error}") from error
        mine = _read(extra, text)
        replaced = {normalise(o.name) for o in mine}
        outlets = [o for o in outlets if normalise(o.name) not in replaced] + mine
    return OutletRegistry(outlets, fuzzy_cutoff=fuzzy_cutoff)


