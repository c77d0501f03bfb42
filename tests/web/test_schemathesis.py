"""The JSON API against its own OpenAPI schema, with schemathesis (in-process ASGI, no server).

Two runs over the seed database: one with writes disabled (every write must be refused), one with a
token configured, sending it; ``POST /api/reports`` is left out of the second run because a valid
report may name a URL, which ingest would fetch (tests use no network). Every response must conform:
no server error, documented status codes, the documented body schema and content type.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from web_helpers import TOKEN

from wiretrace.web import create_app

MAX_EXAMPLES = 20
SETTINGS = settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True,
                    suppress_health_check=list(HealthCheck))  # fmt: skip


@pytest.fixture(scope="module")
def read_schema(seed_db: Path):
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(seed_db))


@pytest.fixture(scope="module")
def write_schema(seed_db: Path, tmp_path_factory: pytest.TempPathFactory):
    db = tmp_path_factory.mktemp("schemathesis-writes") / "copy.db"
    shutil.copy(seed_db, db)
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(db, token=TOKEN))


def run_operations(schema, *, skip: set[str], headers: dict[str, str] | None = None) -> dict[str, int]:
    """Run every operation of ``schema`` but those in ``skip``; returns each label and its status codes seen.

    (schemathesis' pytest plugin cannot take a fixture under pytest 9, so operations are run in a loop;
    the first failing operation fails the test with schemathesis' own report.)
    """
    seen: dict[str, set[int]] = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.label in skip:
            continue
        codes = seen.setdefault(operation.label, set())

        @given(case=operation.as_strategy())
        @SETTINGS
        def check(case) -> None:
            response = case.call_and_validate(headers=headers)
            codes.add(response.status_code)

        check()
    return {label: sorted(codes) for label, codes in seen.items()}


def test_api_conforms_and_refuses_writes_without_token(read_schema) -> None:
    seen = run_operations(read_schema, skip=set())
    assert "GET /api/stories" in seen and "PATCH /api/claims/{claim_id}" in seen
    for label, codes in seen.items():
        if label.startswith(("POST", "PATCH")):
            assert set(codes) <= {401, 403}, f"{label} answered {codes} without a token"
    assert 200 in seen["GET /api/stories"]


def test_api_conforms_with_token(write_schema) -> None:
    seen = run_operations(write_schema, skip={"POST /api/reports"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert "PATCH /api/claims/{claim_id}" in seen


def test_the_schema_declares_the_bearer_token_on_the_writes_only(seed_db: Path) -> None:
    from fastapi.testclient import TestClient

    schema = TestClient(create_app(seed_db)).get("/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    assert [s["scheme"].lower() for s in schemes.values() if s["type"] == "http"] == ["bearer"]
    secured = {f"{method.upper()} {path}" for path, item in schema["paths"].items()
               for method, operation in item.items() if operation.get("security")}
    assert secured == {"POST /api/reports", "PATCH /api/claims/{claim_id}"}
