"""The one JSON shape every ``wiretrace eval`` prints with ``--json`` (see ``../shared/data/README.md``):

    {"task": ..., "n": ..., "results": {<system>: {"precision", "recall", "f1", "details": {...}}}}

``f1`` is the task's headline figure; ``details`` holds the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class SystemScore:
    precision: float
    recall: float
    f1: float
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "details": self.details,
        }


@dataclass
class EvalReport:
    task: str
    n: int
    results: dict[str, SystemScore]

    def as_dict(self) -> dict[str, Any]:
        return {"task": self.task, "n": self.n, "results": {k: v.as_dict() for k, v in self.results.items()}}
