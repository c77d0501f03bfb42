"""spaCy components for the extraction functions, usable in any English pipeline.

Each component only wraps a plain function and stores its records on the Doc (the factory names are
the ones to pass to ``nlp.add_pipe``):

===========================  ==================================  =======================================
factory                      assigns                             wraps
===========================  ==================================  =======================================
``wiretrace_paragraphs``     ``token.is_sent_start``             a sentence starts after every line break
``wiretrace_times``          ``doc._.times``                     ``timex.find_times``
``wiretrace_quantities``     ``doc._.quantities``                ``quantities.quantities``
``wiretrace_places``         ``doc._.places``                    ``places.places``
``wiretrace_factuality``     ``span._.factuality`` (a getter)    ``factuality.factuality_of``
                             ``doc._.factuality_options``        (the getter's options, per Doc)
``wiretrace_attribution``    ``doc._.attributions``              ``attribution.attributions`` (own module)
===========================  ==================================  =======================================

``wiretrace_times`` reads three Doc inputs, registered here with default None and set by the caller on
``nlp.make_doc(text)`` before ``nlp.pipe(docs)``: ``published_at`` (datetime), ``timezone`` (tzinfo) and
``year_hint`` (int). An extension a user already registered under one of these names is reused, never
replaced; one that cannot be written (a getter without a setter) is an error.

Records and inputs survive ``nlp.pipe(..., n_process=2)`` and ``Doc.to_bytes``: spaCy sends Docs between
processes as msgpack, which knows no datetimes or dataclasses, so this module registers a msgpack codec
(``wiretrace.records.v1``) for them and for time zones. It only handles values msgpack would otherwise
refuse, and it rebuilds only the record classes listed in ``RECORD_CLASSES`` (never an arbitrary type).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from wiretrace.errors import WiretraceError
from wiretrace.extract.attribution import Attribution, Relay, TextSpan
from wiretrace.extract.claims import ClaimContext
from wiretrace.extract.local_time import main_timezone
from wiretrace.extract.factuality import Factuality, FactualityOptions, factuality_of
from wiretrace.extract.places import Place, PlaceMention, PlaceOptions, places
from wiretrace.extract.quantities import Quantity, might_contain_quantity, quantities
from wiretrace.extract.timex import TimeExpression, TimexOptions, find_times
from wiretrace.records import (
    ChainLink,
    Claim,
    ClaimPlace,
    ClaimQuantity,
    ClaimTime,
    Entity,
    Proposition,
    Segment,
    SegmentKind,
)

__all__ = [
    "RECORD_CLASSES",
    "FactualityComponent",
    "PlacesComponent",
    "QuantitiesComponent",
    "TimesComponent",
    "decode_record",
    "encode_record",
    "ensure_doc_extension",
    "might_contain_place",
    "paragraph_sentences",
    "span_factuality",
]


# ---- extensions ----------------------------------------------------------------------------------


def ensure_doc_extension(name: str) -> None:
    """Register ``Doc._.<name>`` with default None unless it exists; refuse one that cannot be written."""
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)
        return
    _default, method, getter, setter = Doc.get_extension(name)
    if method is not None or (getter is not None and setter is None):
        raise WiretraceError(
            f"Doc._.{name} is already registered by another package as a read-only property or method; "
            "wiretrace stores a value there: remove that extension or rename it"
        )


def guarded(doc: Doc, name: str, compute: Callable[[], Any], empty: Any) -> Any:
    """``compute()``, or ``empty`` when it fails: one component's defect on one text costs that
    component's findings only, recorded in ``doc._.extraction_warnings``, never the whole article."""
    try:
        return compute()
    except WiretraceError:
        raise  # a caller's mistake (a wrong input type), not a defect of the text
    except Exception as exc:
        doc._.extraction_warnings = [*(doc._.extraction_warnings or []), f"{name}: {type(exc).__name__}: {exc}"]
        return empty


# ---- paragraphs ----------------------------------------------------------------------------------


def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence at the first token after every line break, so no sentence spans two paragraphs.

    A line break is a whitespace token holding "\\n" (spaCy's tokenizer makes one of every run of
    whitespace that is not a single space) or a "\\n" right before the token. Runs before the parser,
    which keeps the boundaries set here and decides the rest. Leading whitespace starts nothing.
    """
    text = doc.text
    words = [token for token in doc if not token.is_space]
    for token in words[1:]:
        before = doc[token.i - 1]
        if (before.is_space and "\n" in before.text) or text[token.idx - 1] == "\n":
            token.is_sent_start = True
    return doc


@Language.factory("wiretrace_paragraphs", assigns=["token.is_sent_start"], requires=[])
def make_paragraphs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """``nlp.add_pipe("wiretrace_paragraphs", before="parser")``: see ``paragraph_sentences``."""
    return paragraph_sentences


# ---- times ---------------------------------------------------------------------------------------

TIME_INPUTS = ("published_at", "timezone", "year_hint")


class TimesComponent:
    """``doc._.times`` = ``find_times(doc.text, anchor=doc._.published_at, tz=doc._.timezone,
    year_hint=doc._.year_hint, options=...)``; reads the text only, so it may run anywhere. After
    ``wiretrace_places`` and without a caller's ``doc._.timezone``, it reads the times in the local zone
    of the city the text mentions most (and records that zone in ``doc._.timezone``)."""

    def __init__(self, options: TimexOptions) -> None:
        self.options = options
        for name in (*TIME_INPUTS, "times", "extraction_warnings", "places"):
            ensure_doc_extension(name)

    def __call__(self, doc: Doc) -> Doc:
        anchor, zone, year = doc._.published_at, doc._.timezone, doc._.year_hint
        if zone is None and doc._.places:  # after wiretrace_places: the main city's local time
            zone = doc._.timezone = main_timezone(doc)
        if anchor is not None and not isinstance(anchor, datetime):
            raise WiretraceError(f"doc._.published_at = {anchor!r}: expected a datetime or None")
        if zone is not None and not isinstance(zone, tzinfo):
            raise WiretraceError(f"doc._.timezone = {zone!r}: expected a tzinfo (e.g. ZoneInfo) or None")
        doc._.times = guarded(
            doc, "times", lambda: find_times(doc.text, anchor=anchor, tz=zone, year_hint=year, options=self.options), []
        )
        return doc


@Language.factory(
    "wiretrace_times",
    assigns=["doc._.times"],
    requires=[],
    default_config={f.name: f.default for f in fields(TimexOptions)},
)
def make_times(nlp: Language, name: str, include_vague: bool, year_span: int) -> TimesComponent:
    """``nlp.add_pipe("wiretrace_times")``: time expressions anchored on ``doc._.published_at``."""
    return TimesComponent(TimexOptions(include_vague=include_vague, year_span=year_span))


# ---- quantities ----------------------------------------------------------------------------------


class QuantitiesComponent:
    """``doc._.quantities`` = ``quantities(doc)``, or ``[]`` when ``might_contain_quantity`` finds no
    numeric core in the text. With the parse the category is read too (see ``quantities``)."""

    def __init__(self) -> None:
        ensure_doc_extension("quantities")
        ensure_doc_extension("extraction_warnings")

    def __call__(self, doc: Doc) -> Doc:
        found = guarded(doc, "quantities", lambda: quantities(doc), []) if might_contain_quantity(doc.text) else []
        doc._.quantities = found
        return doc


@Language.factory(
    "wiretrace_quantities",
    assigns=["doc._.quantities"],
    requires=["token.dep", "token.head", "token.tag", "token.lemma"],
)
def make_quantities(nlp: Language, name: str) -> QuantitiesComponent:
    """``nlp.add_pipe("wiretrace_quantities")``: counts, after the parser (and the NER, which marks dates)."""
    return QuantitiesComponent()


# ---- places --------------------------------------------------------------------------------------

_CAPITAL = re.compile(r"[A-Z]")


def might_contain_place(doc: Doc) -> bool:
    """False only when ``places`` could find nothing: no entity (its candidates are entities) and no
    capital letter (a facility shape such as "Freedom Square" starts with one)."""
    return bool(doc.ents) or _CAPITAL.search(doc.text) is not None


class PlacesComponent:
    """``doc._.places`` = ``places(doc, options=...)``: GPE/LOC/FAC/NORP entities (and a few mislabelled
    ones) resolved offline, plus named facilities; ``[]`` when ``might_contain_place`` is False."""

    def __init__(self, options: PlaceOptions) -> None:
        self.options = options
        ensure_doc_extension("places")
        ensure_doc_extension("extraction_warnings")

    def __call__(self, doc: Doc) -> Doc:
        found = guarded(doc, "places", lambda: places(doc, options=self.options), []) if might_contain_place(doc) else []
        doc._.places = found
        return doc


_PLACE_DEFAULTS = PlaceOptions()


@Language.factory(
    "wiretrace_places",
    assigns=["doc._.places"],
    requires=["doc.ents"],
    default_config={
        **{f.name: getattr(_PLACE_DEFAULTS, f.name) for f in fields(PlaceOptions) if f.name != "prepositions"},
        "prepositions": sorted(_PLACE_DEFAULTS.prepositions),
    },
)
def make_places(
    nlp: Language,
    name: str,
    min_city_population: int,
    alias_weight: float,
    context_boost: float,
    city_over_region_population: int,
    prepositions: list[str],
) -> PlacesComponent:
    """``nlp.add_pipe("wiretrace_places")``: place mentions, after the NER (see ``places``)."""
    options = PlaceOptions(
        min_city_population, alias_weight, context_boost, city_over_region_population, frozenset(prepositions)
    )
    return PlacesComponent(options)


# ---- factuality ----------------------------------------------------------------------------------


def span_factuality(span: Span) -> Factuality:
    """The getter of ``Span._.factuality``: ``factuality_of(span, context=span.doc)`` with the options
    the ``wiretrace_factuality`` component left on the Doc (defaults when it did not run)."""
    return factuality_of(span, context=span.doc, options=span.doc._.factuality_options)


class FactualityComponent:
    """Makes ``span._.factuality`` answer for any span of the Doc (computed when asked, not stored).

    The options travel on the Doc (``doc._.factuality_options``) because an extension getter is shared
    by every pipeline in the process; each pipeline's component marks its own Docs.
    """

    def __init__(self, options: FactualityOptions) -> None:
        self.options = options
        ensure_doc_extension("factuality_options")
        if not Span.has_extension("factuality"):
            Span.set_extension("factuality", getter=span_factuality)

    def __call__(self, doc: Doc) -> Doc:
        doc._.factuality_options = self.options
        return doc


@Language.factory(
    "wiretrace_factuality",
    assigns=["span._.factuality", "doc._.factuality_options"],
    requires=["token.dep", "token.head", "token.tag", "token.lemma"],
    default_config={f.name: f.default for f in fields(FactualityOptions)},
)
def make_factuality(
    nlp: Language, name: str, look_outside: bool, max_frames: int, would_is_hedge: bool
) -> FactualityComponent:
    """``nlp.add_pipe("wiretrace_factuality")``: ``span._.factuality`` after the parser."""
    return FactualityComponent(FactualityOptions(look_outside, max_frames, would_is_hedge))


# ---- msgpack codec for the records ---------------------------------------------------------------
# Ours because msgpack (and so Doc.to_bytes and nlp.pipe(n_process=...)) has no hook for dataclasses;
# pickle would make Doc.from_bytes run code named by its input.

TAG = "__wiretrace__"
RECORD_CLASSES: dict[str, type] = {
    cls.__name__: cls
    for cls in (Attribution, Relay, TextSpan, TimeExpression, Quantity, Place, PlaceMention)
    + (Factuality, FactualityOptions, Segment, ChainLink, Claim, ClaimTime, ClaimQuantity, ClaimPlace)
    + (Entity, Proposition, ClaimContext)
}
"""The classes ``decode_record`` rebuilds; any other tagged value is left as the plain dict it was."""


def encode_record(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """A msgpack ``default`` hook: datetimes, ZoneInfo/fixed-offset zones and our records as tagged dicts."""
    if isinstance(obj, datetime):
        zone = obj.tzinfo if isinstance(obj.tzinfo, (ZoneInfo, timezone)) else None
        wall = obj.replace(tzinfo=None) if zone is not None else obj  # the wall time survives DST gaps
        return {TAG: "datetime", "iso": wall.isoformat(), "tz": zone, "fold": obj.fold}
    if isinstance(obj, ZoneInfo) and obj.key:
        return {TAG: "zone", "key": obj.key}
    if isinstance(obj, timezone):
        offset = obj.utcoffset(None)
        return {TAG: "offset", "seconds": offset.total_seconds(), "name": obj.tzname(None)}
    if is_dataclass(obj) and not isinstance(obj, type) and RECORD_CLASSES.get(type(obj).__name__) is type(obj):
        return {TAG: type(obj).__name__, "fields": {f.name: getattr(obj, f.name) for f in fields(obj)}}
    return obj if chain is None else chain(obj)


def decode_record(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """A msgpack ``object_hook``: the inverse of ``encode_record`` (tuples come back as tuples)."""
    kind = obj.get(TAG) if isinstance(obj, dict) else None
    if kind == "datetime":
        moment = datetime.fromisoformat(obj["iso"]).replace(fold=obj.get("fold", 0))
        return moment if obj["tz"] is None else moment.replace(tzinfo=obj["tz"])
    if kind == "zone":
        return ZoneInfo(obj["key"])
    if kind == "offset":
        zone = timezone(timedelta(seconds=obj["seconds"]), obj["name"])
        return timezone.utc if zone == timezone.utc and obj["name"] == "UTC" else zone
    if kind in RECORD_CLASSES:
        cls = RECORD_CLASSES[kind]
        values = obj["fields"]
        return cls(**{f.name: _as_declared(f.type, values[f.name]) for f in fields(cls) if f.name in values})
    return obj if chain is None else chain(obj)


def _as_declared(annotation: Any, value: Any) -> Any:
    """msgpack returns tuples as lists and enums as their values; give a field its declared type back."""
    declared = str(annotation)
    if declared == "SegmentKind" and isinstance(value, str):
        return SegmentKind(value)
    if declared.startswith("tuple") and isinstance(value, list):
        return _deep_tuple(value)
    if declared.startswith("frozenset") and isinstance(value, list):
        return frozenset(value)
    return value


def _deep_tuple(value: Any) -> Any:
    return tuple(_deep_tuple(v) for v in value) if isinstance(value, list) else value


srsly.msgpack_encoders.register("wiretrace.records.v1", func=encode_record)
srsly.msgpack_decoders.register("wiretrace.records.v1", func=decode_record)
