"""The API's own shapes: strict request bodies, and the few items that pair a record with what the web
adds to it (an article hit's snippet, a claim's cluster and verdict, a report's run).

Records themselves (``Story``, ``ClaimCluster``, ``Claim``, ...) are returned exactly as
``to_jsonable`` gives them; these small dataclasses only wrap them. Request models are strict (no
``"1"`` for 1, no ``false`` for a string) and refuse unknown fields, so a typo is an error, not ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from wiretrace.records import Claim, Skipped
from wiretrace.store import RunSummary, Verdict

VerdictLabel = Literal["verified", "false", "misleading", "unverified"]


class VerdictIn(BaseModel):
    """``PATCH /api/claims/{id}``: the analyst's verdict on a claim and a note."""

    model_config = ConfigDict(strict=True, extra="forbid")

    verdict: VerdictLabel
    note: str | None = Field(default=None, max_length=10_000)


class ReportIn(BaseModel):
    """``POST /api/reports``: one report as ``text``, ``html`` or ``url`` (exactly one), with its outlet
    and publication time (ISO 8601) when the report itself does not say."""

    model_config = ConfigDict(strict=True, extra="forbid")

    text: str | None = Field(default=None, min_length=1, max_length=5_000_000)
    html: str | None = Field(default=None, min_length=1, max_length=5_000_000)
    url: str | None = Field(default=None, min_length=1, max_length=2_000, description="An http(s) URL to fetch.")
    outlet: str | None = Field(default=None, min_length=1, max_length=300)
    published_at: str | None = Field(
        default=None, max_length=64, description="ISO 8601, e.g. 2022-01-06T12:00:00+06:00 (naive means UTC)."
    )

    @model_validator(mode="after")
    def _one_body(self) -> ReportIn:
        given = [name for name in ("text", "html", "url") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of text, html or url (got {', '.join(given) or 'none'})")
        return self


@dataclass(frozen=True, slots=True)
class ArticleHit:
    """An article found by a search: its id, title, outlet and the matching passage ([...] marks hits)."""

    article: int
    title: str | None
    outlet: str | None
    snippet: str


@dataclass(frozen=True, slots=True)
class ClaimItem:
    """A claim with its article's row id, its claim cluster (None if not linked) and the analyst's verdict."""

    article: int
    claim: Claim
    cluster: int | None = None
    verdict: Verdict | None = None


@dataclass(frozen=True, slots=True)
class ReportResult:
    """What ``POST /api/reports`` did: the run, the article it stored (None when the same bytes were
    already stored) and why the report was skipped, if it was."""

    run: RunSummary
    article: int | None
    skipped: tuple[Skipped, ...] = ()
