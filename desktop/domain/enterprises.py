"""Market subjects (市场主体): companies, 个体工商户 and 农民专业合作社, keyed by USCC."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class EnterpriseKind(str, Enum):
    COMPANY = "company"  # 企业
    INDIVIDUAL = "individual"  # 个体工商户
    COOPERATIVE = "cooperative"  # 农民专业合作社


@dataclass(frozen=True)
class Enterprise:
    uscc: str
    name: str
    legal_representative: str
    address: str
    contact_phone: str = ""
    legal_representative_id: str = ""
    kind: EnterpriseKind = EnterpriseKind.COMPANY
    in_ftz: bool = False  # located in a free-trade zone: FTZ-only reforms apply
