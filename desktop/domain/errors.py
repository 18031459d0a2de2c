"""Errors the domain raises. Messages are Simplified Chinese: they reach the counter as they are."""

from __future__ import annotations

from dataclasses import dataclass


class DomainError(Exception):
    """A rule of the reform or of the case was broken; the message says which and what to do."""

    code = "domain_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class IllegalTransition(DomainError):
    """An action that the case's current state does not allow."""

    code = "illegal_transition"


class NotFound(DomainError):
    code = "not_found"


class PermissionDenied(DomainError):
    """The acting user's role does not allow the command."""

    code = "permission_denied"


class NeedsOverride(DomainError):
    """A warning that blocks until a supervisor overrides it with a reason."""

    code = "needs_override"


@dataclass(frozen=True)
class RowError:
    """One problem in an imported file; ``row`` is the 1-based line (header = 1), 0 for the file."""

    row: int
    message: str


class RejectedInput(DomainError):
    """Input rejected as a whole, with one error per bad row."""

    code = "rejected_input"

    def __init__(self, message: str, errors: list[RowError]) -> None:
        super().__init__(message)
        self.errors = errors


class AuditChainBroken(DomainError):
    """The audit log's signed head does not match: stop writing, raise the alarm."""

    code = "audit_chain_broken"


class EnvironmentProblem(DomainError):
    """Something outside the program is not as needed (database not initialised, key missing…)."""

    code = "environment"


class StorageProblem(EnvironmentProblem):
    """The database cannot take the change right now (disk full, read-only, locked by another
    program, server unreachable). Nothing was saved; the same action can be repeated once the
    cause is gone. Not audited as a refusal: the database could not take that record either."""

    code = "storage"
