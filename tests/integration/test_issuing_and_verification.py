"""Issuing with a signed QR, and offline verification against the trust and status lists."""

from __future__ import annotations

import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.adapters.clock import FixedClock
from desktop.domain.applications import ApplicationStatus, RequestState
from desktop.domain.errors import DomainError, EnvironmentProblem, IllegalTransition, PermissionDenied
from desktop.domain.permits import PermitStatus, StatusEntry
from desktop.domain.qr_payload import parse_qr_text
from desktop.domain.users import SYSTEM_ACTOR
from desktop.services import intake, issuing, keys, review
from desktop.services.base import Services
from desktop.services.verification import VerifyResult, verify
from tests.support.factories import ADMIN, CLERK, ISSUER, enterprise

STORE = ["SCJG-01", "YC-01", "SW-01", "YJ-03", "XF-01"]  # 便利店: optimise, filing, commitment


def decided_case(services: Services, codes: list[str] = STORE) -> str:
    app = intake.submit(services, CLERK, enterprise(), codes, industries=["便利店"])
    app = intake.accept(services, CLERK, app.id, committed={"XF-01"})
    for request in list(app.requests.values()):
        if request.state is RequestState.IN_REVIEW:
            review.claim(services, SYSTEM_ACTOR, app.id, request.id)
            app = review.grant(services, SYSTEM_ACTOR, app.id, request.id)
    assert app.status is ApplicationStatus.DECIDED
    return app.id


def test_issuing_needs_a_station_key_and_then_signs_the_licence(services: Services) -> None:
    app_id = decided_case(services)
    with pytest.raises(EnvironmentProblem, match="keys create"):
        issuing.issue(services, ISSUER, app_id)
    key = keys.create_station_key(services, ADMIN, "一号出件窗口")
    with pytest.raises(PermissionDenied):
        issuing.issue(services, CLERK, app_id)
    result = issuing.issue(services, ISSUER, app_id)
    licence = result.licence
    assert licence is not None and licence.key_id == key.key_id
    assert licence.number.startswith("HZ140702" + "2026" + "01")
    assert licence.industry_names == ("便利店",)
    assert len(result.permits) == 5 and len(licence.permit_numbers) == 5
    filing = next(p for p in result.permits if p.matter_code == "YJ-03")
    assert filing.number.startswith("BA-YJ-03-2026") and filing.valid_until is None
    food = next(p for p in result.permits if p.matter_code == "SCJG-01")
    assert food.valid_until is not None and food.valid_until.isoformat() == "2031-11-25"
    assert result.application.status is ApplicationStatus.ISSUED
    assert len(licence.qr_text) <= 700
    # issuing twice is refused; delivery records who received it
    with pytest.raises(IllegalTransition):
        issuing.issue(services, ISSUER, app_id)
    app = issuing.deliver(services, ISSUER, app_id, "李晓梅")
    assert app.status is ApplicationStatus.DELIVERED


def test_scanned_licence_verifies_and_status_changes_show(services: Services, clock: FixedClock) -> None:
    keys.create_station_key(services, ADMIN)
    licence = issuing.issue(services, ISSUER, decided_case(services)).licence
    assert licence is not None
    outcome = verify(services, CLERK, licence.qr_text)
    assert outcome.result is VerifyResult.VALID
    assert outcome.licence and outcome.licence["number"] == licence.number
    assert {p["matter"] for p in outcome.permits} == set(STORE)
    with services.uow() as uow:  # the status list says one permit is suspended
        uow.status_list.put(
            StatusEntry(
                f"{licence.number}:SCJG-01", "licence_permit", PermitStatus.SUSPENDED, "停业整顿", clock.now()
            )
        )
        uow.commit()
    assert verify(services, CLERK, licence.qr_text).result is VerifyResult.SUSPENDED
    with services.uow() as uow:
        uow.status_list.put(StatusEntry(licence.number, "licence", PermitStatus.REVOKED, "吊销", clock.now()))
        uow.commit()
    assert verify(services, CLERK, licence.qr_text).result is VerifyResult.REVOKED


def test_expired_after_the_validity_date(services: Services, clock: FixedClock) -> None:
    keys.create_station_key(services, ADMIN)
    licence = issuing.issue(services, ISSUER, decided_case(services, ["SCJG-01"])).licence
    assert licence is not None
    clock.at = datetime(2031, 11, 26, 2, tzinfo=UTC)
    assert verify(services, CLERK, licence.qr_text).result is VerifyResult.EXPIRED


def test_changed_characters_and_foreign_keys(services: Services, tmp_path: Path) -> None:
    keys.create_station_key(services, ADMIN)
    licence = issuing.issue(services, ISSUER, decided_case(services)).licence
    assert licence is not None
    text = licence.qr_text
    seen = set()
    for i in range(0, len(text), 7):
        changed = text[:i] + ("B" if text[i] != "B" else "C") + text[i + 1 :]
        result = verify(services, CLERK, changed).result
        assert result in (VerifyResult.FORGED, VerifyResult.UNREADABLE), (i, result)
        seen.add(result)
    assert seen == {VerifyResult.FORGED, VerifyResult.UNREADABLE}
    assert verify(services, CLERK, "随便一段文字").result is VerifyResult.UNREADABLE
    # a payload signed by a key not on this trust list
    from tests.conftest import make_services

    other = make_services(
        f"sqlite:///{tmp_path / 'other.sqlite3'}", FixedClock(services.clock.now()), tmp_path / "k2"
    )
    from desktop.adapters.resources import bundled_catalog
    from desktop.services.catalog import install_bundle

    install_bundle(other, SYSTEM_ACTOR, bundled_catalog())
    keys.create_station_key(other, ADMIN)
    foreign = issuing.issue(other, ISSUER, decided_case(other)).licence
    assert foreign is not None
    assert verify(services, CLERK, foreign.qr_text).result is VerifyResult.UNKNOWN_KEY
    # once registered on the trust list it verifies here too
    foreign_key = keys.trust_list(other)[0]
    keys.register_key(services, ADMIN, foreign_key.public_key_pem, "外县行政审批服务管理局")
    assert verify(services, CLERK, foreign.qr_text).result is VerifyResult.VALID
    keys.revoke_key(services, ADMIN, foreign_key.key_id, "出件电脑丢失")
    assert verify(services, CLERK, foreign.qr_text).result is VerifyResult.UNKNOWN_KEY
    other.uow.engine.dispose()  # type: ignore[attr-defined]


def test_rotation_keeps_old_licences_verifiable(services: Services) -> None:
    first = keys.create_station_key(services, ADMIN)
    old = issuing.issue(services, ISSUER, decided_case(services)).licence
    second = keys.create_station_key(services, ADMIN)
    new = issuing.issue(services, ISSUER, decided_case(services)).licence
    assert old and new and old.key_id == first.key_id and new.key_id == second.key_id != first.key_id
    statuses = {k.key_id: k.status for k in keys.trust_list(services)}
    assert statuses == {first.key_id: "retired", second.key_id: "active"}
    assert verify(services, CLERK, old.qr_text).result is VerifyResult.VALID
    assert verify(services, CLERK, new.qr_text).result is VerifyResult.VALID


def test_private_keys_stay_outside_the_database_owner_only(services: Services) -> None:
    key = keys.create_station_key(services, ADMIN)
    folder = services.keys.folder  # type: ignore[union-attr]
    path = folder / f"{key.key_id}.pem"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert "PRIVATE KEY" in path.read_text() and "PRIVATE KEY" not in key.public_key_pem
    with pytest.raises(PermissionDenied):
        keys.create_station_key(services, CLERK)


def test_void_and_reissue(services: Services) -> None:
    keys.create_station_key(services, ADMIN)
    old = issuing.issue(services, ISSUER, decided_case(services)).licence
    assert old is not None
    with pytest.raises(DomainError, match="理由"):
        issuing.void_and_reissue(services, ISSUER, old.number, "")
    new = issuing.void_and_reissue(services, ISSUER, old.number, "打印错位")
    assert new.previous_number == old.number and new.number != old.number
    assert new.permit_numbers == old.permit_numbers
    assert verify(services, CLERK, old.qr_text).result is VerifyResult.ANNULLED
    assert verify(services, CLERK, new.qr_text).result is VerifyResult.VALID
    with pytest.raises(IllegalTransition):
        issuing.void_and_reissue(services, ISSUER, old.number, "再次作废")


def test_every_verification_is_audited(services: Services) -> None:
    from db.models import AuditRow
    from tests.support.factories import rows

    keys.create_station_key(services, ADMIN)
    licence = issuing.issue(services, ISSUER, decided_case(services)).licence
    assert licence is not None
    verify(services, CLERK, licence.qr_text)
    verify(services, CLERK, "garbage")
    audited = [r for r in rows(services, AuditRow) if r.action == "verify.licence"]
    assert [(r.actor, r.target) for r in audited] == [("clerk", licence.number), ("clerk", "")]
    assert '"result":"valid"' in audited[0].detail and '"result":"unreadable"' in audited[1].detail
    assert parse_qr_text(licence.qr_text).payload.licence_number == licence.number
