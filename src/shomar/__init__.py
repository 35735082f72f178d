"""Shomar (شمار, "count"): reconcile, count and estimate documented human-rights violations.

The public surface is small on purpose: the errors and the version. Everything else lives in
the subpackages (engines in ``text``, ``calendar``, ``places``, ``estimation``, ``claims``;
adapters in ``store``, ``linkage``, ``ingest``; use cases in ``services``; edges in ``cli``
and ``web``) and may move.
"""

from __future__ import annotations

from shomar.errors import (
    ConflictError,
    DateParseError,
    EstimationError,
    ImportValidationError,
    InputError,
    NotFoundError,
    ShomarError,
    WorkspaceError,
)

__version__ = "0.1.0"

__all__ = [
    "ConflictError",
    "DateParseError",
    "EstimationError",
    "ImportValidationError",
    "InputError",
    "NotFoundError",
    "ShomarError",
    "WorkspaceError",
    "__version__",
]
