"""The exception tree of Shomar.

Every error a user can cause derives from :class:`ShomarError`. The edges translate them: the
CLI prints the message and exits 1 (no traceback), the web app renders a page or JSON.

::

    ShomarError
    ├── WorkspaceError          no workspace, or a workspace that cannot be opened
    ├── InputError              input that cannot be used as given
    │   ├── ImportValidationError   an import with one or more problems (all listed at once)
    │   ├── DateParseError          a date text that is not a date, or an impossible one
    │   ├── AlreadyImportedError    a file whose exact bytes are an active document already
    │   └── CaptureTableError       a capture table that is malformed
    ├── NotFoundError           a named source, event, person or run that does not exist
    ├── ConflictError           an action that contradicts what is stored (e.g. a review decision),
    │                           or a write whose inputs changed while it computed
    ├── BusyError               the store is locked by another writer for too long; try again
    ├── PermissionDenied        the acting principal's role does not allow the action
    ├── EstimationError         an estimator that cannot produce an answer on this table
    └── LinkageError            linkage that cannot run on this data
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar


class ShomarError(Exception):
    """Base of every error Shomar reports to a user."""

    #: a short hint on what to do next, printed after the message
    hint: str | None = None
    #: a stable machine-readable kind, as in ``{"error": {"code": …}}`` (CLI ``--json``)
    code: ClassVar[str] = "error"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message}\n{self.hint}"
        return self.message


class WorkspaceError(ShomarError):
    """The workspace is missing or cannot be opened."""

    code = "workspace"


class InputError(ShomarError):
    """Input that cannot be used as given."""

    code = "bad_input"


class AlreadyImportedError(InputError):
    """A file whose exact bytes were already imported as an active document (its ``code``
    stays ``bad_input``, as the command-line contract says)."""

    def __init__(self, message: str, *, hint: str | None = None, document_id: int) -> None:
        super().__init__(message, hint=hint)
        #: the document these bytes are: what a re-import with another reading replaces
        self.document_id = document_id


class DateParseError(InputError):
    """A date text that cannot be read as a (partial) date, or names an impossible day."""


class CaptureTableError(InputError):
    """A capture-history table that is malformed."""


class NotFoundError(ShomarError):
    """A named object does not exist."""

    code = "not_found"


class ConflictError(ShomarError):
    """An action contradicts what is already stored."""

    code = "conflict"


class BusyError(ShomarError):
    """The store is busy (another import or linkage is writing); the action may be retried."""

    code = "busy"

    hint = "The workspace is busy (another import or linkage is running); try again."


class PermissionDenied(ShomarError):
    """The acting principal may not take this action (refusals are audited)."""

    code = "forbidden"

    def __init__(self, message: str, *, hint: str | None = None, action: str = "") -> None:
        super().__init__(message, hint=hint)
        self.action = action


class EstimationError(ShomarError):
    """An estimator cannot produce an answer on this input."""

    code = "estimation"


class LinkageError(ShomarError):
    """Linkage cannot run on this data."""

    code = "linkage"


class ImportValidationError(InputError):
    """An import found problems; nothing was stored. ``problems`` lists every one of them."""

    code = "invalid_import"

    def __init__(self, message: str, problems: Sequence[Any], *, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.problems: list[Any] = list(problems)
        #: the file's columns, each with the field it was read into (``None``: not read), when
        #: the header was read: what a mapping would change
        self.columns: dict[str, str | None] = {}
