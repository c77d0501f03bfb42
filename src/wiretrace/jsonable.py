"""Turning records into plain JSON values, so every JSON output uses exactly the record field names."""

from __future__ import annotations

import dataclasses
import functools
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
    return _decode(cls, data)



def _decode(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(kind)
    if origin in (Union, UnionType):
        options = [k for k in get_args(kind) if k is not type(None)]
        return _decode(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        return tuple(_decode(a, v) for a, v in zip(args, value, strict=True))
    if origin in (list, set, frozenset):
        (item,) = get_args(kind)
        return origin(_decode(item, v) for v in value)
    if origin is dict:
        key, item = get_args(kind)
        return {_decode(key, k): _decode(item, v) for k, v in value.items()}
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        return kind(**{f.name: _decode(hints[f.name], value[f.name])
                       for f in dataclasses.fields(kind) if f.name in value})  # fmt: skip
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is float and isinstance(value, int):
        return float(value)
    return value


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)
