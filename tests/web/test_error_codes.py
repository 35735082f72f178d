"""The API's error codes are the CLI's: one ``code`` per kind of Shomar error."""

from __future__ import annotations

import pytest

from shomar import errors
from shomar.web.errors import Unauthenticated, status_of

KINDS = sorted(
    (kind for kind in vars(errors).values()
     if isinstance(kind, type) and issubclass(kind, errors.ShomarError)),
    key=lambda kind: kind.__name__,
)  # fmt: skip


def _instance(kind: type[errors.ShomarError]) -> errors.ShomarError:
    if issubclass(kind, errors.ImportValidationError):
        return kind("nothing was stored", [])
    if issubclass(kind, errors.AlreadyImportedError):
        return kind("these bytes are document 1", document_id=1)
    return kind("something went wrong")


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.__name__)
def test_the_api_code_of_each_error_is_the_cli_code(kind: type[errors.ShomarError]) -> None:
    status, code = status_of(_instance(kind))
    assert code == kind.code
    assert 400 <= status < 600


def test_statuses_follow_the_kind_of_error() -> None:
    assert status_of(errors.NotFoundError("x")) == (404, "not_found")
    assert status_of(errors.BusyError("x")) == (503, "busy")
    assert status_of(errors.EstimationError("x")) == (400, "estimation")
    assert status_of(errors.DateParseError("x")) == (400, "bad_input")
    assert status_of(Unauthenticated()) == (401, "unauthenticated")
