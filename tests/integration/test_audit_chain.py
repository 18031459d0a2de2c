"""The audit chain detects edited, deleted and reordered records, and a chain recomputed by
someone who holds only the database file; appends stay one chain under concurrent writers."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.orm import Session

from db.models import AuditHeadRow, AuditRow
from desktop.adapters.clock import FixedClock
from desktop.domain.audit import GENESIS_MAC, head_mac, record_mac
from desktop.domain.errors import AuditChainBroken
from desktop.domain.users import SYSTEM_ACTOR
from desktop.services import audit
from desktop.services.base import Services
from tests.conftest import make_services
from tests.support.factories import AUDITOR, CLERK

N = 6


def _fill(services: Services, n: int = N) -> None:
    for i in range(n):
        with services.uow() as uow:
            uow.audit.append(services.clock.now(), "clerk", "test.write", f"case-{i}", {"i": i}, "ok")
            uow.commit()


def _engine(services: Services):  # type: ignore[no-untyped-def]
    return services.uow.engine  # type: ignore[attr-defined]


def _verify(services: Services) -> tuple[bool, int, int | None]:
    verdict = audit.verify(services, AUDITOR)
    return verdict.ok, verdict.records, verdict.first_bad


def test_untouched_chain_verifies(services: Services) -> None:
    _fill(services)
    ok, records, first_bad = _verify(services)
    assert ok and first_bad is None
    assert records == N + 1  # plus the catalog installation


def test_edited_record_is_detected(services: Services) -> None:
    _fill(services)
    with Session(_engine(services)) as s, s.begin():
        s.execute(update(AuditRow).where(AuditRow.seq == 4).values(result="refused: nothing to see"))
    assert _verify(services) == (False, 4, 4)


def test_deleted_middle_record_is_detected(services: Services) -> None:
    _fill(services)
    with Session(_engine(services)) as s, s.begin():
        s.execute(delete(AuditRow).where(AuditRow.seq == 3))
    ok, _, first_bad = _verify(services)
    assert not ok and first_bad == 4


def test_deleted_last_record_is_detected(services: Services) -> None:
    _fill(services)
    with Session(_engine(services)) as s, s.begin():
        s.execute(delete(AuditRow).where(AuditRow.seq == N + 1))
    ok, _, first_bad = _verify(services)
    assert not ok and first_bad == N + 1
    # and the counter stops writing on top of it instead of papering over the gap
    with pytest.raises(AuditChainBroken), services.uow() as uow:
        uow.audit.append(services.clock.now(), "clerk", "x", "", {}, "ok")


def test_reordered_records_are_detected(services: Services) -> None:
    _fill(services)
    with Session(_engine(services)) as s, s.begin():
        a = s.get(AuditRow, 3)
        b = s.get(AuditRow, 4)
        assert a and b
        fields = ("at", "actor", "action", "target", "detail", "result", "prev_mac", "mac")
        va = {f: getattr(a, f) for f in fields}
        vb = {f: getattr(b, f) for f in fields}
        for f in fields:
            setattr(a, f, vb[f])
            setattr(b, f, va[f])
    ok, _, first_bad = _verify(services)
    assert not ok and first_bad == 3


def test_chain_recomputed_without_the_key_is_detected(services: Services) -> None:
    """An attacker with only the database file edits a record and recomputes every MAC and the
    head with a key of their own: verification with the real key (outside the DB) fails."""
    _fill(services)
    forged_key = b"attacker-key-" + b"x" * 19
    with Session(_engine(services)) as s, s.begin():
        records = list(s.scalars(select(AuditRow).order_by(AuditRow.seq)))
        records[2].target = "rewritten"
        prev = GENESIS_MAC
        for r in records:
            r.prev_mac = prev
            r.mac = record_mac(forged_key, r.seq, r.at, r.actor, r.action, r.target, r.detail, r.result, prev)
            prev = r.mac
        head = s.get(AuditHeadRow, 1)
        assert head
        head.last_mac = prev
        head.head_mac = head_mac(forged_key, head.last_seq, prev)
    ok, _, first_bad = _verify(services)
    assert not ok and first_bad == 1


@pytest.mark.postgres
def test_concurrent_writers_make_one_chain_on_postgresql(pg_server: str, clock: FixedClock) -> None:
    from tests.conftest import _fresh_pg_database

    services = make_services(_fresh_pg_database(pg_server), clock)
    writers, per_writer = 8, 15
    errors: list[BaseException] = []
    start = threading.Barrier(writers)

    def write(worker: int) -> None:
        try:
            start.wait()
            for i in range(per_writer):
                with services.uow() as uow:
                    uow.audit.append(
                        clock.now() + timedelta(microseconds=i),
                        f"w{worker}",
                        "test.concurrent",
                        str(i),
                        {},
                        "ok",
                    )
                    uow.commit()
        except BaseException as exc:  # collected and re-raised in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    verdict = audit.verify(services, AUDITOR)
    assert verdict.ok, verdict.reason
    assert verdict.records == writers * per_writer
    with Session(_engine(services)) as s:
        seqs = list(s.scalars(select(AuditRow.seq).order_by(AuditRow.seq)))
        assert seqs == list(range(1, writers * per_writer + 1))
        assert s.execute(text("select count(distinct prev_mac) from audit_log")).scalar() == len(seqs)
    _engine(services).dispose()


def test_refused_commands_are_audited_and_verification_writes_nothing(services: Services) -> None:
    from desktop.domain.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        audit.verify(services, CLERK)
    before = audit.verify(services, SYSTEM_ACTOR).records
    audit.verify(services, AUDITOR)
    assert audit.verify(services, AUDITOR).records == before
