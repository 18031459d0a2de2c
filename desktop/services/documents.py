"""The documents of a case, filled in from the case, its catalog version and the enterprise, and
rendered through the DocumentRenderer port (printing/ implements it)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from desktop.domain.applications import Application, ApplicationStatus, PermitRequest, RequestState
from desktop.domain.catalog import Catalog, MaterialSource, Matter, ReformMode
from desktop.domain.documents import (
    AcceptanceNoticeDoc,
    Applicant,
    CommitmentLetterDoc,
    Document,
    FilingReceiptDoc,
    IndustryLicenceDoc,
    MaterialLine,
    NoticeItem,
    NoticeMatter,
    NotificationLetterDoc,
    PermitCertificateDoc,
    PermitLine,
    RefusalNoticeDoc,
    SupplementNoticeDoc,
)
from desktop.domain.enterprises import Enterprise
from desktop.domain.errors import EnvironmentProblem, NotFound
from desktop.domain.permits import IndustryLicence, Permit
from desktop.services import settings
from desktop.services.base import Services

CONSEQUENCES = (
    "申请人作出虚假承诺或者承诺内容严重不实的，审批部门依法撤销行政许可决定，申请人承担由此产生的法律责任。",
    "核查发现实际情况与承诺内容不符的，责令限期整改；逾期不整改或者整改后仍不符合条件的，依法撤销行政许可。",
    "虚假承诺、违反承诺的情况记入申请人信用记录，并依法实施失信联合惩戒。",
    "涉嫌违法犯罪的，依法移送有关机关处理。",
)
MODE_HANDLING = {
    ReformMode.CANCEL: "无需审批",
    ReformMode.FILING: "当场办结（备案）",
    ReformMode.COMMITMENT: "当场办结（告知承诺）",
}


@dataclass(frozen=True)
class NamedDocument:
    filename: str  # without extension
    title: str
    document: Document


def applicant(enterprise: Enterprise) -> Applicant:
    return Applicant(
        enterprise.name,
        enterprise.uscc,
        enterprise.legal_representative,
        enterprise.address,
        enterprise.contact_phone,
    )


def _materials(matter: Matter) -> tuple[MaterialLine, ...]:
    return tuple(
        MaterialLine(
            m.name,
            "申请人提交" if m.source is MaterialSource.APPLICANT else "政府部门已有（无需提交）",
            m.copies,
        )
        for m in matter.materials
    )


def _time_limit(matter: Matter, old_procedure: bool = False) -> str:
    if old_procedure or matter.mode is ReformMode.OPTIMIZE:
        return f"{matter.time_limit_days}个工作日" if matter.time_limit_days else "当场办结"
    return MODE_HANDLING[matter.mode]


def notification_letter(
    matters: Iterable[Matter],
    who: Applicant,
    number: str,
    issued_on: date,
    authority: str,
    contact: str,
    in_ftz: bool,
) -> NotificationLetterDoc:
    items = tuple(
        NoticeMatter(
            name=m.name,
            mode="按原规定办理（仅在自贸区实行改革）" if m.mode_outside_ftz(in_ftz) is None else m.mode.label,
            department=f"{m.approval_level}{m.approving_department}"
            if m.approving_department
            else m.competent_department,
            legal_basis=m.legal_basis,
            conditions=m.conditions,
            materials=_materials(m),
            time_limit=_time_limit(m, m.mode_outside_ftz(in_ftz) is None),
        )
        for m in matters
    )
    return NotificationLetterDoc(
        number, who, items, authority, issued_on, contact, operate_on_registration=not items
    )


def commitment_letter(
    matter: Matter, who: Applicant, number: str, issued_on: date, authority: str
) -> CommitmentLetterDoc:
    window = str(matter.check_window) if matter.check_window else "30个工作日"
    return CommitmentLetterDoc(
        number=number,
        matter_name=matter.name,
        legal_basis=matter.legal_basis,
        applicant=who,
        conditions=matter.conditions,
        materials=_materials(matter),
        check_window=window,
        consequences=CONSEQUENCES,
        issuing_authority=authority,
        issued_on=issued_on,
    )


def _handling(request: PermitRequest) -> str:
    if request.state is RequestState.RECORDED:
        return f"直接取消审批，登记信息已推送{request.competent_department}"
    if request.state is RequestState.FILED:
        return "当场办结（备案）"
    if request.state is RequestState.GRANTED and request.mode is ReformMode.COMMITMENT:
        return "告知承诺，当场准予许可"
    if request.state is RequestState.GRANTED:
        return "准予许可"
    if request.state is RequestState.DENIED:
        return f"不予许可：{request.decision_reason}"
    prefix = "按原规定办理，" if request.old_procedure else ""
    due = f"，限 {request.due.isoformat()} 前办结" if request.due else ""
    provisional = "（暂定，待公布放假安排后重算）" if request.due_provisional else ""
    return f"{prefix}已分送{request.department}审批{due}{provisional}"


def acceptance_notice(
    app: Application, catalog: Catalog, who: Applicant, authority: str, on: date
) -> AcceptanceNoticeDoc:
    trial = tuple(
        r.matter_name
        for r in app.requests.values()
        if r.state in (RequestState.IN_REVIEW, RequestState.CLAIMED)
        and catalog.matter(r.matter_code).trial_operation_allowed
    )
    return AcceptanceNoticeDoc(
        number=f"{app.number}-SL",
        application_number=app.number,
        applicant=who,
        items=tuple(NoticeItem(r.matter_name, _handling(r)) for r in app.requests.values()),
        accepted_on=on,
        first_responder=app.first_responder,
        issuing_authority=authority,
        trial_operation=trial,
        remarks=f"帮办代办：{app.assisted_by}" if app.assisted_by else "",
    )


def licence_doc(
    licence: IndustryLicence, permits: list[Permit], catalog: Catalog, who: Applicant
) -> IndustryLicenceDoc:
    lines = tuple(
        PermitLine(catalog.matter(p.matter_code).name, p.number, p.valid_until, p.status.label)
        for p in permits
    )
    return IndustryLicenceDoc(
        number=licence.number,
        applicant=who,
        industries=licence.industry_names,
        permits=lines,
        issuing_authority=licence.issuing_authority,
        issued_on=licence.issued_on,
        qr_text=licence.qr_text,
    )


def case_documents(services: Services, application_id: str) -> list[NamedDocument]:
    """Every document a case has produced so far, in the order the window hands them out."""
    with services.uow() as uow:
        app = uow.applications.get(application_id)
        catalog = uow.catalog.get(app.catalog_version_id)
        enterprise = uow.enterprises.get(app.uscc)
        licences = uow.permits.licences_for(app.id)
        permits = uow.permits.permits_for(app.id)
        authority = settings.get(uow, "authority")
        contact = settings.get(uow, "hall_contact")
    if enterprise is None:
        raise NotFound(f"找不到办件 {app.number} 的市场主体信息")
    who = applicant(enterprise)
    submitted = services.clock.local_date(app.actions[0].at)
    matters = [catalog.matter(r.matter_code) for r in app.requests.values()]
    docs = [
        NamedDocument(
            f"{app.number}-一次性告知书",
            "一次性告知书",
            notification_letter(matters, who, f"{app.number}-GZ", submitted, authority, contact, app.in_ftz),
        )
    ]
    if app.status is ApplicationStatus.SUPPLEMENT_PENDING:
        docs.append(
            NamedDocument(
                f"{app.number}-一次补正通知书",
                "一次补正通知书",
                SupplementNoticeDoc(
                    f"{app.number}-BZ",
                    app.number,
                    who,
                    app.missing_materials,
                    services.clock.today(),
                    authority,
                ),
            )
        )
    if app.status is ApplicationStatus.REFUSED:
        docs.append(
            NamedDocument(
                f"{app.number}-不予受理通知书",
                "不予受理通知书",
                RefusalNoticeDoc(
                    f"{app.number}-BY", app.number, who, app.refusal_reason, services.clock.today(), authority
                ),
            )
        )
    accepted = app.accepted_at
    if accepted is not None:
        on = services.clock.local_date(accepted)
        for r in app.requests.values():
            if r.mode is ReformMode.COMMITMENT and r.state is RequestState.GRANTED and not r.old_procedure:
                matter = catalog.matter(r.matter_code)
                docs.append(
                    NamedDocument(
                        f"{app.number}-告知承诺书-{matter.code}",
                        "告知承诺书",
                        commitment_letter(matter, who, f"{app.number}-CN-{matter.code}", on, authority),
                    )
                )
        docs.append(
            NamedDocument(
                f"{app.number}-受理通知书",
                "受理通知书",
                acceptance_notice(app.as_accepted() or app, catalog, who, authority, on),
            )
        )
    for permit in permits:
        matter = catalog.matter(permit.matter_code)
        if permit.valid_until is None and permit.number.startswith("BA-"):
            docs.append(
                NamedDocument(
                    f"{permit.number}-备案凭证",
                    "备案凭证",
                    FilingReceiptDoc(
                        matter.name,
                        permit.number,
                        who,
                        permit.valid_from,
                        f"{matter.approval_level}{matter.approving_department}",
                        authority,
                    ),
                )
            )
        else:
            docs.append(
                NamedDocument(
                    f"{permit.number}-许可证",
                    "许可证",
                    PermitCertificateDoc(
                        matter.name,
                        permit.number,
                        who,
                        permit.valid_from,
                        permit.valid_until,
                        authority,
                        services.clock.local_date(permit.issued_at),
                    ),
                )
            )
    for licence in licences:
        if licence.status.value == "01":
            docs.append(
                NamedDocument(
                    f"{licence.number}-行业综合许可证",
                    "行业综合许可证",
                    licence_doc(licence, permits, catalog, who),
                )
            )
    return docs


def render(services: Services, document: Document, watermark: str | None = None) -> bytes:
    if services.renderer is None:
        raise EnvironmentProblem("本机未配置打印组件")
    return services.renderer.render(document, watermark=watermark)
