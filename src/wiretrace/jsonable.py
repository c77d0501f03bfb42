"""Turning records into plain JSON values, so every JSON output uses exactly the record field names."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from types import UnionType
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")


def to_jsonable(value: Any) -> Any:
    """Dataclasses become dicts of their fields, datetimes ISO 8601 strings, enums their values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, bytes):
        return None  # raw bytes are never part of JSON output
    return value


def from_jsonable(cls: type[T], data: Any) -> T:
    """The record of type ``cls`` that ``to_jsonable`` turned into ``data`` (its inverse for the records of
    ``wiretrace.records``): nested dataclasses, tuples, optional fields, dicts, datetimes and enums are
    rebuilt from the field annotations. Fields missing from ``data`` take their defaults, so a record
    stored before a field was added still reads back."""
    return _decoder(cls)(data)


Decoder = Callable[[Any], Any]


def _same(value: Any) -> Any:
    """The decoder of a type JSON already carries as is (str, int, bool, Any, bare containers)."""
    return value


@functools.cache
def _decoder(kind: Any) -> Decoder:
    """The function that decodes a JSON value into ``kind``, worked out once per type: which branch a
    type takes, the field annotations of a dataclass and the decoders of its parts are resolved here,
    so decoding a record runs only the conversions its fields need (a generic walk re-read the
    annotations of every field of every record, four times slower on a page of claim clusters)."""
    origin = get_origin(kind)
    if origin in (Union, UnionType):
        options = [k for k in get_args(kind) if k is not type(None)]
        return _decoder(options[0]) if len(options) == 1 else _same
    if origin is tuple:
        return _tuple_decoder(get_args(kind))
    if origin in (list, set, frozenset):
        return _collection_decoder(origin, _decoder(get_args(kind)[0]))
    if origin is dict:
        return _dict_decoder(*(_decoder(k) for k in get_args(kind)))
    if dataclasses.is_dataclass(kind):
        return _dataclass_decoder(kind)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return lambda value: None if value is None else kind(value)
    if kind is datetime:
        return lambda value: None if value is None else datetime.fromisoformat(value)
    if kind is float:
        return lambda value: float(value) if isinstance(value, int) else value
    return _same


def _tuple_decoder(args: tuple[Any, ...]) -> Decoder:
    if len(args) == 2 and args[1] is Ellipsis:
        return _collection_decoder(tuple, _decoder(args[0]))
    parts = tuple(_decoder(a) for a in args)
    return lambda value: None if value is None else tuple(d(v) for d, v in zip(parts, value, strict=True))


def _collection_decoder(make: type, item: Decoder) -> Decoder:
    if item is _same:
        return lambda value: None if value is None else make(value)
    return lambda value: None if value is None else make([item(v) for v in value])


def _dict_decoder(key: Decoder, item: Decoder) -> Decoder:
    if key is _same and item is _same:
        return lambda value: None if value is None else dict(value)
    return lambda value: None if value is None else {key(k): item(v) for k, v in value.items()}


def _dataclass_decoder(kind: type) -> Decoder:
    """Fields whose JSON value is already the field's value are copied; the others go through their
    decoder. The field plan is made on first use, so a dataclass that holds itself compiles too."""
    plan: list[tuple[tuple[str, ...], tuple[tuple[str, Decoder], ...]]] = []

    def decode(value: Any) -> Any:
        if value is None:
            return None
        if not plan:
            plan.append(_field_plan(kind))
        plain, converted = plan[0]
        fields = {name: value[name] for name in plain if name in value}
        for name, decoder in converted:
            if name in value:
                fields[name] = decoder(value[name])
        return kind(**fields)

    return decode


def _field_plan(kind: type) -> tuple[tuple[str, ...], tuple[tuple[str, Decoder], ...]]:
    hints = get_type_hints(kind)
    decoders = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(kind)]
    return tuple(n for n, d in decoders if d is _same), tuple((n, d) for n, d in decoders if d is not _same)
