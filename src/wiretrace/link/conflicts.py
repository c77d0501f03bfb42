"""What happened to a claim cluster over time, and which of its reports cannot both stand.

``status_history`` lists one ``StatusEntry`` per report (reposts of a report already in the cluster
left out): its factuality label, its source (as ``provenance.attribute`` names it) and when. The order:

- a report is dated by its claim's resolved time (``time.start``) when it has one, else by its
  article's ``published_at``. ``StatusEntry.when`` says which: the claim's ISO time as it is, the
  publication time followed by " (published)". Reports that stay undated come first, in text order
  (article row id, then offset), their ``when`` the claim's unresolved expression followed by
  " (unresolved)", or None when the claim has no time at all; the dated ones follow, oldest first.
  Undated reports go first so that a statement no one can date never has the last word over a dated one.

``cluster_status`` reads the history in that order: a named source's "not-confirmed" or "denied" wins
over any earlier asserted, hedged or confirmed report; a named confirmation after it ("confirmed")
wins in turn; a named assertion settles a hedged or unnamed report but does not undo a denial (the
conflict list shows both). Unnamed sources decide only while no named source has spoken.

``conflicts`` finds pairs of reports that cannot both stand:

- ``numbers``: counts of the same category (or, without one, the same counted noun) whose ranges do
  not overlap, from different sources ("8" against "26"; a vague "dozens" = 24–99 overlaps "30";
  approximate counts are widened by ``ConflictOptions.approx_tolerance`` first);
- ``not-confirmed`` / ``denial``: a report whose claim ``denies`` another's, or a named source saying
  "not confirmed" / denying while another source asserts;
- ``contradiction``: the same predicate, one side negated, the other not (pairs already in a denial
  are not listed twice).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import combinations

from wiretrace.link.provenance import Attribution, OriginResolver, attribute, is_named_source
from wiretrace.records import ClaimQuantity, Conflict, Mention, StatusEntry

__all__ = ["ConflictOptions", "cluster_status", "conflicts", "status_history"]

REJECTING = frozenset({"not-confirmed", "denied"})
ASSERTING = frozenset({"asserted", "hedged", "confirmed"})


@dataclass(frozen=True, slots=True)
class ConflictOptions:
    """``approx_tolerance``: the fraction by which an approximate count ("some 50") is widened on
    each side before ranges are compared."""

    approx_tolerance: float = 0.1


def status_history(mentions: Sequence[Mention], resolver: OriginResolver) -> tuple[StatusEntry, ...]:
    """One entry per report, ordered as the module docstring says."""
    dated, undated = [], []
    for attribution in attribute(mentions, resolver):
        if attribution.repeat:
            continue
        moment, when = _when(attribution.mention)
        claim = attribution.mention.claim
        entry = StatusEntry(when, claim.factuality, attribution.source, claim.id)
        if moment is None:
            undated.append(((attribution.mention.article, attribution.mention.claim.start), entry))
        else:
            dated.append(((moment, attribution.mention.article, attribution.mention.claim.start), entry))
    undated.sort(key=lambda pair: pair[0])
    dated.sort(key=lambda pair: pair[0])
    return tuple(entry for _, entry in undated + dated)


def cluster_status(history: Sequence[StatusEntry]) -> str:
    """The cluster's status after its history (a factuality label; "asserted" for an empty history)."""
    state: str | None = None
    named_state = False
    for entry in history:
        named = is_named_source(entry.source)
        if entry.status == "opinion":
            continue
        if not named:
            if not named_state and state is None:
                state = entry.status
            continue
        if entry.status in REJECTING or entry.status == "confirmed" or not named_state:
            state, named_state = entry.status, True
        elif entry.status == "asserted" and state in {"hedged", None}:
            state = entry.status
    return state or "asserted"


def conflicts(
    mentions: Sequence[Mention], resolver: OriginResolver, options: ConflictOptions | None = None
) -> tuple[Conflict, ...]:
    """Pairs of reports that cannot both stand, each pair and kind once (see the module docstring)."""
    options = options or ConflictOptions()
    attributions = [a for a in attribute(mentions, resolver) if not a.repeat]
    found = _denials(attributions)
    denied_pairs = {frozenset((c.first, c.second)) for c in found}
    for a, b in combinations(attributions, 2):
        found += _number_conflicts(a, b, options)
        if frozenset((a.mention.claim.id, b.mention.claim.id)) not in denied_pairs:
            found += _contradiction(a, b)
    return tuple(found)


def _when(mention: Mention) -> tuple[datetime | None, str | None]:
    """The time a report is dated by (for sorting) and what ``StatusEntry.when`` shows."""
    time = mention.claim.time
    own = _parse(time.start if time and time.resolved else None)
    if own is not None:
        return own, time.start if time else None
    published = _parse(mention.published_at)
    if published is not None:
        return published, f"{mention.published_at} (published)"
    return None, (f"{time.expression} (unresolved)" if time else None)


def _parse(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _source_key(attribution: Attribution) -> str:
    """Who a report counts as, for "from different sources": the origin, or each unnamed report alone."""
    if attribution.origin is not None:
        return attribution.origin.key
    return f"{attribution.source}#{attribution.mention.claim.id}"


def _denials(attributions: Sequence[Attribution]) -> list[Conflict]:
    """Reports that answer another: by ``denies`` ids, or a named rejection against an assertion."""
    targets = {target for a in attributions for target in a.mention.claim.denies}
    found, seen = [], set()
    for answer in attributions:
        claim = answer.mention.claim
        rejecting = claim.factuality in REJECTING and claim.id not in targets and is_named_source(answer.source)
        for other in attributions:
            if other is answer or (other.mention.claim.id, claim.id) in seen:
                continue
            by_id = other.mention.claim.id in claim.denies
            by_status = rejecting and other.mention.claim.factuality in ASSERTING and (
                _source_key(other) != _source_key(answer))
            if by_id or by_status:
                seen.add((other.mention.claim.id, claim.id))
                kind = "not-confirmed" if claim.factuality == "not-confirmed" else "denial"
                detail = f"{answer.source} says {claim.factuality}: {claim.text!r}"
                found.append(Conflict(kind, other.mention.claim.id, claim.id, other.source, answer.source, detail))
    return found


def _number_conflicts(a: Attribution, b: Attribution, options: ConflictOptions) -> list[Conflict]:
    """Counts of one category whose ranges do not overlap, from different sources (one per category)."""
    if _source_key(a) == _source_key(b):
        return []
    found, categories = [], set()
    for qa in a.mention.claim.quantities:
        for qb in b.mention.claim.quantities:
            category = _category(qa)
            if category != _category(qb) or category in categories or _overlap(qa, qb, options):
                continue
            categories.add(category)
            detail = f"{category}: {qa.expression!r} ({_range(qa)}) against {qb.expression!r} ({_range(qb)})"
            found.append(Conflict("numbers", a.mention.claim.id, b.mention.claim.id, a.source, b.source, detail))
    return found


def _contradiction(a: Attribution, b: Attribution) -> list[Conflict]:
    pa, pb = a.mention.claim.proposition, b.mention.claim.proposition
    if pa is None or pb is None or pa.predicate.lower() != pb.predicate.lower() or pa.negated == pb.negated:
        return []
    polarity = {True: "negated", False: "affirmed"}
    detail = f"{pa.predicate!r} {polarity[pa.negated]} against {polarity[pb.negated]}"
    return [Conflict("contradiction", a.mention.claim.id, b.mention.claim.id, a.source, b.source, detail)]


def _category(quantity: ClaimQuantity) -> str:
    return quantity.category or f"unit:{quantity.unit.lower().strip()}"


def _bounds(quantity: ClaimQuantity, options: ConflictOptions) -> tuple[float, float]:
    low = quantity.min if quantity.min is not None else float("-inf")
    high = quantity.max if quantity.max is not None else float("inf")
    if quantity.approx:
        low, high = low - abs(low) * options.approx_tolerance, high + abs(high) * options.approx_tolerance
    return low, high


def _overlap(a: ClaimQuantity, b: ClaimQuantity, options: ConflictOptions) -> bool:
    (low_a, high_a), (low_b, high_b) = _bounds(a, options), _bounds(b, options)
    return low_a <= high_b and low_b <= high_a


def _range(quantity: ClaimQuantity) -> str:
    def show(value: float | None) -> str:
        return "?" if value is None else f"{value:g}"

    if quantity.min == quantity.max:
        return show(quantity.min)
    return f"{show(quantity.min)}–{show(quantity.max)}"
