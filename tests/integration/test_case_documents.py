"""The documents a case produces, and what they say (contents, not layout)."""

from __future__ import annotations

from desktop.domain.documents import (
    AcceptanceNoticeDoc,
    CommitmentLetterDoc,
    FilingReceiptDoc,
    IndustryLicenceDoc,
    NotificationLetterDoc,
    RefusalNoticeDoc,
    SupplementNoticeDoc,
)
from desktop.services import intake, issuing, keys
from desktop.services.base import Services
from desktop.services.documents import case_documents
from tests.integration.test_issuing_and_verification import decided_case
from tests.support.factories import ADMIN, CLERK, ISSUER, enterprise


def _by_type(services: Services, app_id: str) -> dict[type, list[object]]:
    out: dict[type, list[object]] = {}
    for named in case_documents(services, app_id):
        out.setdefault(type(named.document), []).append(named.document)
    return out


def test_acceptance_documents_say_what_happened_at_acceptance(services: Services) -> None:
    app = intake.submit(
        services, CLERK, enterprise(), ["SCJG-01", "SCJG-03", "YJ-03", "XF-01"], assisted_by="王帮办"
    )
    app = intake.accept(services, CLERK, app.id, committed={"XF-01"})
    docs = _by_type(services, app.id)
    [letter] = docs[NotificationLetterDoc]
    assert isinstance(letter, NotificationLetterDoc)
    assert [m.name for m in letter.matters][:2] == ["食品经营许可", "食品生产许可"]
    assert all(m.conditions for m in letter.matters) and all(m.materials for m in letter.matters)
    [commitment] = docs[CommitmentLetterDoc]
    assert isinstance(commitment, CommitmentLetterDoc)
    assert (
        commitment.check_window == "20个工作日"
        and len(commitment.conditions) >= 4
        and commitment.consequences
    )
    [notice] = docs[AcceptanceNoticeDoc]
    assert isinstance(notice, AcceptanceNoticeDoc)
    handling = {i.matter_name: i.handling for i in notice.items}
    assert handling["第二类医疗器械经营备案"] == "当场办结（备案）"
    assert "告知承诺" in handling["公众聚集场所投入使用、营业前消防安全检查"]
    assert "限 2026-12-10 前办结" in handling["食品经营许可"]
    assert notice.trial_operation == ("食品生产许可",)  # a long-cycle matter: trial operation may start
    assert notice.remarks == "帮办代办：王帮办" and notice.first_responder == "clerk"


def test_after_issuing_the_acceptance_notice_still_says_what_it_said(services: Services) -> None:
    keys.create_station_key(services, ADMIN)
    app_id = decided_case(services)
    issuing.issue(services, ISSUER, app_id)
    docs = _by_type(services, app_id)
    [notice] = docs[AcceptanceNoticeDoc]
    assert isinstance(notice, AcceptanceNoticeDoc)
    assert any("已分送" in i.handling for i in notice.items)
    [licence] = docs[IndustryLicenceDoc]
    assert isinstance(licence, IndustryLicenceDoc)
    assert len(licence.permits) == 5 and licence.qr_text and licence.industries == ("便利店",)
    [receipt] = docs[FilingReceiptDoc]
    assert isinstance(receipt, FilingReceiptDoc) and receipt.number.startswith("BA-YJ-03")


def test_supplement_and_refusal_notices(services: Services) -> None:
    app = intake.submit(services, CLERK, enterprise(), ["SCJG-01"])
    intake.request_supplement(services, CLERK, app.id, ["经营场所使用证明", "食品安全管理制度"])
    [supplement] = _by_type(services, app.id)[SupplementNoticeDoc]
    assert isinstance(supplement, SupplementNoticeDoc)
    assert supplement.missing == ("经营场所使用证明", "食品安全管理制度")
    intake.refuse(services, CLERK, app.id, "申请事项依法不需要取得行政许可")
    docs = _by_type(services, app.id)
    [refusal] = docs[RefusalNoticeDoc]
    assert isinstance(refusal, RefusalNoticeDoc) and refusal.reason == "申请事项依法不需要取得行政许可"
    assert SupplementNoticeDoc not in docs
