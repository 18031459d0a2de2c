"""Identifier validation (统一社会信用代码, 居民身份证号, 电子证照标识) — needs no database."""

from __future__ import annotations

from datetime import date

from desktop.domain.errors import DomainError
from desktop.domain.identifiers import (
    IdentifierCheck,
    check_elicence,
    check_resident_id,
    check_uscc,
)

KINDS = ("uscc", "id", "elicence")


def validate(kind: str, value: str, today: date) -> IdentifierCheck:
    if kind == "uscc":
        return check_uscc(value)
    if kind == "id":
        return check_resident_id(value, today)
    if kind == "elicence":
        return check_elicence(value)
    raise DomainError(f"未知的标识类型“{kind}”，应为 uscc、id 或 elicence")
