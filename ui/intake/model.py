"""What the wizard shows about the chosen matters, as plain text (no widgets here)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.domain.catalog import Catalog, Industry, Matter, ReformMode, ScopeTerm, ScopeTermKind
from desktop.domain.enterprises import EnterpriseKind
from desktop.domain.intake_form import Reduction, merge
from desktop.domain.online import OnlineApplication
from desktop.domain.scope import normalize_scope_text

# Fields of the merged form that the enterprise page already asks (each field once).
ENTERPRISE_FIELDS: dict[str, str] = {
    "enterprise_name": "name",
    "uscc": "uscc",
    "legal_representative": "legal_representative",
    "legal_representative_id": "legal_representative_id",
    "contact_phone": "contact_phone",
    "business_address": "address",
}

OLD_PROCEDURE = "按原规定办理"


def old_procedure() -> str:
    """The mode column of a matter reformed only inside the free trade zone (区外按原规定办理)."""
    return QCoreApplication.translate("IntakeWizard", "按原规定办理")


@dataclass
class Selection:
    """What the clerk chose on the scope page: whole industries and single scope terms."""

    industries: list[str] = field(default_factory=list)  # industry codes
    terms: list[str] = field(default_factory=list)  # keys of Catalog.scope_terms

    def __bool__(self) -> bool:
        return bool(self.industries or self.terms)

    def chosen_industries(self, catalog: Catalog) -> list[Industry]:
        return [catalog.industries[c] for c in self.industries if c in catalog.industries]

    def chosen_terms(self, catalog: Catalog) -> list[ScopeTerm]:
        return [catalog.scope_terms[k] for k in self.terms if k in catalog.scope_terms]

    def matters(self, catalog: Catalog) -> tuple[Matter, ...]:
        codes: dict[str, None] = {}
        for industry in self.chosen_industries(catalog):
            codes.update(dict.fromkeys(industry.matter_codes))
        for term in self.chosen_terms(catalog):
            codes.update(dict.fromkeys(term.matter_codes))
        return tuple(catalog.matters[c] for c in codes if c in catalog.matters)

    def licence_kind(self, catalog: Catalog) -> str:
        count = len(self.chosen_industries(catalog))
        if count == 1:
            return QCoreApplication.translate("IntakeWizard", "一业一证")
        if count > 1:
            return QCoreApplication.translate("IntakeWizard", "多业一证")
        return QCoreApplication.translate("IntakeWizard", "按经营范围") if self.terms else ""

    def as_dict(self) -> dict[str, list[str]]:
        return {"industries": list(self.industries), "terms": list(self.terms)}

    @classmethod
    def from_dict(cls, data: object) -> Selection:
        if not isinstance(data, dict):
            return cls()
        return cls(
            [str(c) for c in data.get("industries", []) or []],
            [str(t) for t in data.get("terms", []) or []],
        )


def mode_label(matter: Matter, in_ftz: bool) -> str:
    mode = matter.mode_outside_ftz(in_ftz)
    return old_procedure() if mode is None else mode.label


def notes(matter: Matter, in_ftz: bool) -> list[str]:
    out: list[str] = []
    if matter.mode_outside_ftz(in_ftz) is None:
        out.append(QCoreApplication.translate("IntakeWizard", "仅在自贸区内实行改革，区外按原规定办理"))
    if matter.quota is not None:
        out.append(
            QCoreApplication.translate("IntakeWizard", "总量控制：剩余 {remaining}").format(
                remaining=matter.quota.remaining
            )
        )
    if matter.trial_operation_allowed:
        out.append(QCoreApplication.translate("IntakeWizard", "可先行试营业"))
    return out


def time_limit(matter: Matter, in_ftz: bool) -> str:
    mode = matter.mode_outside_ftz(in_ftz)
    if mode in (ReformMode.CANCEL, ReformMode.FILING):
        return QCoreApplication.translate("IntakeWizard", "当场")
    if mode is ReformMode.COMMITMENT:
        if not matter.time_limit_days:
            return QCoreApplication.translate("IntakeWizard", "当场（承诺）")
        return QCoreApplication.translate("IntakeWizard", "当场或 {days} 个工作日").format(
            days=matter.time_limit_days
        )
    return QCoreApplication.translate("IntakeWizard", "{days} 个工作日").format(days=matter.time_limit_days)


def outcome(matter: Matter, in_ftz: bool, committed: bool) -> str:
    """What 受理 does with this matter, in words."""
    mode = matter.mode_outside_ftz(in_ftz)
    if mode is None:
        return QCoreApplication.translate(
            "IntakeWizard", "按原规定分送审批（{department}，{days} 个工作日）"
        ).format(department=matter.approving_department, days=matter.time_limit_days)
    if mode is ReformMode.CANCEL:
        return QCoreApplication.translate("IntakeWizard", "取消审批并推送主管部门（{department}）").format(
            department=matter.competent_department
        )
    if mode is ReformMode.FILING:
        return QCoreApplication.translate("IntakeWizard", "当场办结并出具备案凭证")
    if mode is ReformMode.COMMITMENT:
        if committed and matter.check_window:
            return QCoreApplication.translate(
                "IntakeWizard", "告知承诺：当场作出准予许可决定，{window}内核查"
            ).format(window=matter.check_window)
        if committed:
            return QCoreApplication.translate("IntakeWizard", "告知承诺：当场作出准予许可决定")
        return QCoreApplication.translate(
            "IntakeWizard", "未签署告知承诺书：按一般程序分送审批（{department}）"
        ).format(department=matter.approving_department)
    return QCoreApplication.translate("IntakeWizard", "分送审批（{department}，{days} 个工作日）").format(
        department=matter.approving_department, days=matter.time_limit_days
    )


def commitment_matters(matters: Iterable[Matter], in_ftz: bool) -> list[Matter]:
    return [m for m in matters if m.mode_outside_ftz(in_ftz) is ReformMode.COMMITMENT]


def format_reduction(r: Reduction) -> str:
    return QCoreApplication.translate(
        "IntakeWizard",
        "表单字段 {fields_before} → {fields_after}，材料 {materials_before} → {materials_after}，"
        "法定时限 {days_before} → {days_after} 个工作日",
    ).format(
        fields_before=r.fields_before,
        fields_after=r.fields_after,
        materials_before=r.materials_before,
        materials_after=r.materials_after,
        days_before=r.days_before,
        days_after=r.days_after,
    )


def matter_summary(matters: Sequence[Matter]) -> str:
    return "、".join(m.name for m in matters)


# -- 一网办: an online application as the wizard's state ----------------------------------------------
def online_state(catalog: Catalog, online: OnlineApplication) -> tuple[dict[str, Any], list[str]]:
    """The wizard's state (as a draft holds it) prefilled from an online application, and the
    notes for the clerk about what could not be carried over (an unknown matter or material).

    Matters come through the industries the applicant chose (一业一证), the scope terms of the
    declared business scope, and — for a matter neither brings in — a licensed scope term that
    requires it; materials the applicant uploaded are ticked as received (the clerk checks them).
    """
    data, e = online.data, online.enterprise
    notes_out: list[str] = []
    kinds = {k.value for k in EnterpriseKind}
    kind = str(e.get("kind") or "")
    enterprise = {
        "uscc": str(e.get("uscc", "") or ""),
        "name": str(e.get("name", "") or ""),
        "legal_representative": str(e.get("legal_representative", "") or ""),
        "legal_representative_id": str(e.get("legal_representative_id", "") or ""),
        "address": str(e.get("address", "") or ""),
        "contact_phone": str(e.get("contact_phone", "") or data.get("contact", "") or ""),
        "kind": kind if kind in kinds else EnterpriseKind.COMPANY.value,
        "in_ftz": bool(e.get("in_ftz", False)),
    }
    selection = Selection()
    for code in _strings(data.get("industries")):
        if code in catalog.industries and code not in selection.industries:
            selection.industries.append(code)
        elif code not in catalog.industries:
            notes_out.append(
                QCoreApplication.translate("IntakeWizard", "行业 {code} 不在当前事项清单中").format(code=code)
            )
    scope = str(data.get("scope", "") or "").strip()
    if scope:
        for term in catalog.lookup_scope(scope).terms:
            key = normalize_scope_text(term.term)
            if key in catalog.scope_terms and key not in selection.terms:
                selection.terms.append(key)
    covered = {m.code for m in selection.matters(catalog)}
    for code in online.matters:
        if code in covered:
            continue
        if code not in catalog.matters:
            notes_out.append(
                QCoreApplication.translate(
                    "IntakeWizard", "申请事项 {code} 不在当前事项清单中，请与申请人核对"
                ).format(code=code)
            )
            continue
        term_key = _term_for(catalog, code)
        if term_key is None:
            notes_out.append(
                QCoreApplication.translate(
                    "IntakeWizard", "申请事项“{name}”未能对应到行业或经营范围，请在第②步补选"
                ).format(name=catalog.matters[code].name)
            )
            continue
        selection.terms.append(term_key)
        covered.update(catalog.scope_terms[term_key].matter_codes)
    matters = selection.matters(catalog)
    asked = merge(matters).materials if matters else ()
    wanted = set(_strings(data.get("materials")))
    received = sorted(m.code for m in asked if m.code in wanted or m.name in wanted)
    values = data.get("form_values")
    form: dict[str, str] = {}
    if isinstance(values, dict):
        form = {str(k): str(v) for k, v in values.items() if v not in (None, "")}
    state: dict[str, Any] = {
        "step": 0,
        "enterprise": enterprise,
        "scope": {**selection.as_dict(), "search": ""},
        "form": form,
        "materials": {"received": received, "assisted": False, "assisted_by": ""},
        "committed": [],
        "online": {"id": online.id, "submitted_at": online.submitted_at.isoformat()},
    }
    return state, notes_out


def _strings(value: object) -> list[str]:
    return [str(v) for v in value if str(v).strip()] if isinstance(value, list) else []


def _term_for(catalog: Catalog, code: str) -> str | None:
    """The scope term that brings in ``code`` with the fewest other matters (licensed first)."""
    found = [
        (len(t.matter_codes), t.kind is not ScopeTermKind.LICENSED, key)
        for key, t in catalog.scope_terms.items()
        if code in t.matter_codes
    ]
    return min(found)[2] if found else None
