"""Status history, cluster status and conflicts on hand-written reports (made-up sources and places)."""

from __future__ import annotations

import pytest

from wiretrace.link.conflicts import ConflictOptions, cluster_status, conflicts, status_history
from wiretrace.link.provenance import OriginResolver
from wiretrace.records import ChainLink, Claim, ClaimQuantity, ClaimTime, Mention, Proposition, StatusEntry

OUTLET = ChainLink("Daily Harbor", None, "media")
SOURCES = {
    "ministry": ChainLink("Ministry of Water", None, "official"),
    "brigade": ChainLink("Riverton fire brigade", None, "official"),
    "unnamed": ChainLink("unnamed source", None, "unnamed"),
    "outlet": OUTLET,
}


def report(cid: str, source: str, *, factuality: str = "asserted", when: str | None = None,
           expression: str = "earlier", published_at: str | None = None, counts: tuple = (),
           predicate: str = "flood", negated: bool = False, denies: tuple[str, ...] = (), start: int = 0) -> Mention:
    """A report ``cid`` ("2#1": claim 1 of article 2) by one of ``SOURCES``; ``counts`` are
    ``(category, min, max, approx)`` tuples; ``when`` a resolved ISO time, else ``expression`` unresolved."""
    chain = (OUTLET,) if source == "outlet" else (SOURCES[source], OUTLET)
    time = ClaimTime(when, None, "hour", expression, when is not None) if when or expression else None
    quantities = tuple(ClaimQuantity(cat, lo, hi, "houses", approx, f"{lo}-{hi} houses")
                       for cat, lo, hi, approx in counts)
    kind = "outlet-voice" if source == "outlet" else "indirect"
    claim = Claim(cid, "doc", start, start + 10, "the river flooded", kind,
                  chain[0].name, chain, factuality, time=time, quantities=quantities,
                  proposition=Proposition(predicate, None, "houses", (), negated), denies=denies)
    return Mention(claim, int(cid.split("#")[0]), OUTLET.name, published_at)


def run(*mentions: Mention) -> tuple:
    resolver = OriginResolver(mentions)
    return status_history(mentions, resolver), conflicts(mentions, resolver)


def test_history_puts_undated_reports_first_in_text_order_then_dated_ones_by_time() -> None:
    history, _ = run(
        report("2#1", "ministry", when="2023-05-02T10:00:00+02:00"),
        report("1#2", "unnamed", expression="later", start=50),
        report("3#1", "brigade", expression="", published_at="2023-05-01T08:00:00+00:00"),
        report("1#1", "unnamed", expression="earlier", start=5),
    )
    assert [(e.claim, e.when) for e in history] == [
        ("1#1", "earlier (unresolved)"),
        ("1#2", "later (unresolved)"),
        ("3#1", "2023-05-01T08:00:00+00:00 (published)"),  # no claim time: the article's publication time
        ("2#1", "2023-05-02T10:00:00+02:00"),
    ]
    assert [e.source for e in history] == [
        "unnamed source", "unnamed source", "Riverton fire brigade", "Ministry of Water"]


@pytest.mark.parametrize(
    "steps, expected",
    [
        ([], "asserted"),
        ([("hedged", "unnamed source")], "hedged"),
        # a named assertion settles an earlier hedged, unnamed report
        ([("hedged", "unnamed source"), ("asserted", "Ministry of Water")], "asserted"),
        # a named non-confirmation wins over an earlier assertion
        ([("asserted", "unnamed source"), ("not-confirmed", "Ministry of Water")], "not-confirmed"),
        ([("asserted", "Riverton fire brigade"), ("denied", "Ministry of Water")], "denied"),
        # ... and a named confirmation after it wins in turn
        ([("not-confirmed", "Ministry of Water"), ("confirmed", "Riverton fire brigade")], "confirmed"),
        # a plain assertion after a denial does not undo it (the conflict list shows both)
        ([("denied", "Ministry of Water"), ("asserted", "Riverton fire brigade")], "denied"),
        # unnamed sources decide only while no named source has spoken
        ([("asserted", "Ministry of Water"), ("denied", "correspondent (unnamed)")], "asserted"),
        ([("denied", "Ministry of Water"), ("asserted", "unnamed source")], "denied"),
        ([("opinion", "Ministry of Water"), ("hedged", "Riverton fire brigade")], "hedged"),
    ],
)
def test_cluster_status(steps: list[tuple[str, str]], expected: str) -> None:
    history = [StatusEntry(None, status, source, f"1#{i}") for i, (status, source) in enumerate(steps)]
    assert cluster_status(history) == expected


# Each case: two reports' counts as (category, min, max, approx) and their sources; whether they clash.
@pytest.mark.parametrize(
    "first, second, clash",
    [
        ((("killed", 8, 8, False),), (("killed", 26, 26, False),), True),
        # a vague "dozens" (24-99) overlaps 30
        ((("killed", 24, 99, True),), (("killed", 30, 30, False),), False),
        ((("killed", 24, 99, True),), (("killed", 8, 8, False),), True),
        # other categories are never compared
        ((("killed", 8, 8, False),), (("injured", 26, 26, False),), False),
        # "some 50" is widened by 10%: 54 agrees, 60 does not
        ((("evacuated", 50, 50, True),), (("evacuated", 54, 54, False),), False),
        ((("evacuated", 50, 50, True),), (("evacuated", 60, 60, False),), True),
        ((("evacuated", 50, 50, False),), (("evacuated", 54, 54, False),), True),
        # an open range: "more than 100" against 40
        ((("evacuated", 101, None, False),), (("evacuated", 40, 40, False),), True),
        # without a category, the counted noun decides
        (((None, 12, 12, False),), ((None, 40, 40, False),), True),
    ],
)
def test_number_conflicts(first: tuple, second: tuple, clash: bool) -> None:
    _, found = run(report("1#1", "ministry", counts=first), report("2#1", "brigade", counts=second))
    assert [c.kind for c in found] == (["numbers"] if clash else [])
    if clash:
        assert (found[0].first, found[0].second, found[0].first_source, found[0].second_source) == (
            "1#1", "2#1", "Ministry of Water", "Riverton fire brigade")


def test_one_source_disagreeing_with_itself_is_not_a_number_conflict() -> None:
    _, found = run(report("1#1", "ministry", counts=(("killed", 8, 8, False),)),
                   report("2#1", "ministry", counts=(("killed", 26, 26, False),)))
    assert found == ()


def test_the_approximation_tolerance_is_an_option() -> None:
    mentions = [report("1#1", "ministry", counts=(("killed", 50, 50, True),)),
                report("2#1", "brigade", counts=(("killed", 60, 60, False),))]
    assert conflicts(mentions, OriginResolver(mentions), ConflictOptions(approx_tolerance=0.25)) == ()


@pytest.mark.parametrize(
    "reports, expected",
    [
        # a report that denies another by id
        ([report("1#1", "unnamed", factuality="not-confirmed"),
          report("1#2", "ministry", factuality="not-confirmed", predicate="confirm", negated=True, denies=("1#1",))],
         [("not-confirmed", "1#1", "1#2")]),
        ([report("1#1", "brigade"), report("2#1", "ministry", factuality="denied", predicate="deny", denies=("1#1",))],
         [("denial", "1#1", "2#1")]),
        # a named source's non-confirmation against another source's assertion, no id given
        ([report("1#1", "brigade"),
          report("2#1", "ministry", factuality="not-confirmed", predicate="confirm", negated=True)],
         [("not-confirmed", "1#1", "2#1")]),
        # an unnamed "not confirmed" answers no one
        ([report("1#1", "brigade"),
          report("2#1", "unnamed", factuality="not-confirmed", predicate="confirm", negated=True)],
         []),
        # the same predicate, one side negated
        ([report("1#1", "brigade", predicate="evacuate"),
          report("2#1", "ministry", predicate="evacuate", negated=True)],
         [("contradiction", "1#1", "2#1")]),
        ([report("1#1", "brigade", predicate="evacuate"), report("2#1", "ministry", predicate="close", negated=True)],
         []),
    ],
)
def test_denials_and_contradictions(reports: list[Mention], expected: list[tuple[str, str, str]]) -> None:
    _, found = run(*reports)
    assert [(c.kind, c.first, c.second) for c in found] == expected
