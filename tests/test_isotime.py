"""The one ISO 8601 reader of typed times (``--published-at``, the API's ``published_at``): every
datetime written in ISO form reads back as itself, the forms people type are read, anything else is one
``WiretraceError`` naming the field and an example, never another exception."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wiretrace.errors import WiretraceError
from wiretrace.isotime import ISO_EXAMPLE, parse_iso_time

OFFSETS = st.one_of(st.none(), st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m))))


@given(st.datetimes(min_value=datetime(1000, 1, 1), timezones=OFFSETS), st.sampled_from(["T", " "]))
def test_an_iso_datetime_reads_back_as_itself(moment: datetime, sep: str) -> None:
    parsed = parse_iso_time(moment.isoformat(sep=sep))
    assert parsed == moment and parsed.utcoffset() == moment.utcoffset()


@given(st.text(max_size=40))
def test_any_text_is_a_datetime_or_one_wiretrace_error(text: str) -> None:
    try:
        assert isinstance(parse_iso_time(text), datetime)
    except WiretraceError as exc:
        assert str(exc).startswith("time ") and ISO_EXAMPLE in str(exc)


@pytest.mark.parametrize("text, expected", [
    ("2022-01-06", datetime(2022, 1, 6)),
    ("2022-01-06T12:00+06:00", datetime(2022, 1, 6, 6, tzinfo=UTC)),
    ("2022-01-06T06:00:00Z", datetime(2022, 1, 6, 6, tzinfo=UTC)),
    (" 2022-01-06T12:00:00+06:00\n", datetime(2022, 1, 6, 6, tzinfo=UTC)),
    ("20220106T120000", datetime(2022, 1, 6, 12)),
])  # fmt: skip
def test_the_forms_people_type_are_read(text: str, expected: datetime) -> None:
    assert parse_iso_time(text) == expected


@pytest.mark.parametrize("text", ["noon", "yesterday", "", "06/01/2022", "2022-13-01", "2022-01-06T25:00", "\x1b[31m"])
def test_other_text_is_refused_naming_the_field_and_an_example(text: str) -> None:
    with pytest.raises(WiretraceError) as caught:
        parse_iso_time(text, what="published_at")
    assert str(caught.value) == f"published_at {text!r} is not an ISO 8601 time, e.g. {ISO_EXAMPLE}"


def test_no_time_given_is_none() -> None:
    assert parse_iso_time(None) is None
