"""The API against its own OpenAPI document (schemathesis): no 500s and responses that match
their schemas, for generated requests to every operation, as an analyst with a token.

schemathesis' pytest plugin does not run under pytest 9 here, so the test walks the operations
itself and draws cases with hypothesis.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from .conftest import WebWorld


@pytest.mark.slow
def test_api_conforms_to_its_schema(world: WebWorld) -> None:
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", world.client.app)
    headers = {"Authorization": f"Bearer {world.tokens['analyst']}"}
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.method.upper() == "POST" and operation.path.endswith("/imports"):
            continue  # multipart uploads of random bytes are tested in test_upload.py

        @given(case=operation.as_strategy())
        @settings(
            max_examples=12,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: object) -> None:
            response = case.call(headers=headers)  # type: ignore[attr-defined]
            assert response.status_code < 500, (case, response.text[:500])
            case.validate_response(response)  # type: ignore[attr-defined]

        check()
        checked.append(f"{operation.method.upper()} {operation.path}")
    assert len(checked) >= 10, checked
