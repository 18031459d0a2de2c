"""监管反馈 (审管联动): feedback pulled from the central platform, its status in words, and the
department's sign-off."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pytestqt.qtbot import QtBot

from desktop.adapters.clock import CHINA, FixedClock
from desktop.adapters.sync_store import ServicesSyncStore
from desktop.services import linkage
from desktop.services.base import Services
from sync.protocol import Feed, FeedItem
from tests.support.factories import APPROVAL_BUREAU, HALL_ADMIN, REVIEWER, enterprise
from ui.linkage_screen import SupervisionFeedbackScreen
from ui.tasks import wait_for_background


def _feedback(feedback_id: str, decided_at: str, department: str = APPROVAL_BUREAU) -> dict[str, Any]:
    return {
        "id": feedback_id,
        "licence": "HZ14070220260100001",
        "permit": "SCJG-01-20260100001",
        "uscc": enterprise().uscc,
        "matter": "SCJG-01",
        "approving_department": department,
        "supervising_department": "县市场监督管理局",
        "measure": "责令整改",
        "text": f"双随机抽查发现问题（{feedback_id}）",
        "decided_at": decided_at,
        "sent_at": decided_at,
    }


def _receive(services: Services, *items: dict[str, Any]) -> None:
    """Through the inbox, as a sync pass applies the supervision_feedback feed."""
    page = [FeedItem(key=i["id"], data=i) for i in items]
    ServicesSyncStore(services).apply_page(Feed.SUPERVISION_FEEDBACK, page, "c1", services.clock.now())


def _at(month: int, day: int, hour: int = 10) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=CHINA).astimezone(UTC)


def _screen(qtbot: QtBot, services: Services, actor: object = REVIEWER) -> SupervisionFeedbackScreen:
    screen = SupervisionFeedbackScreen(services, actor)  # type: ignore[arg-type]
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.show()
    return screen


def _column(screen: SupervisionFeedbackScreen, title: str) -> dict[str, str]:
    """Feedback id → the text in that column."""
    column = screen.column_titles().index(title)
    out = {}
    for r, row in enumerate(screen.rows):
        cell = screen.table.item(r, column)
        assert cell is not None
        out[row.feedback.id] = cell.text()
    return out


def test_feedback_rows_say_where_they_stand_and_the_department_signs_them_off(
    qtbot: QtBot, services: Services, clock: FixedClock
) -> None:
    # decided Thursday 26 November: due Tuesday 1 December (three working days)
    clock.at = _at(11, 27)
    _receive(services, _feedback("on-time", "2026-11-26T09:00:00+08:00"))
    clock.at = _at(12, 2)
    _receive(services, _feedback("late", "2026-11-26T17:00:00+08:00"))
    _receive(services, _feedback("fresh", "2026-12-01T09:00:00+08:00"))
    _receive(services, _feedback("fire", "2026-12-01T09:00:00+08:00", department="消防救援大队"))

    screen = _screen(qtbot, services)
    assert _column(screen, "状态") == {"on-time": "已超期未处理", "late": "逾期反馈", "fresh": "待处理"}
    assert _column(screen, "反馈时限")["late"] == "2026-12-01"
    assert _column(screen, "收到时间")["late"] == "2026-12-02 10:00"
    assert _column(screen, "监管部门")["late"] == "县市场监督管理局"
    assert _column(screen, "监管措施")["late"] == "责令整改"
    assert _column(screen, "证照/许可证号")["late"] == "HZ14070220260100001\nSCJG-01-20260100001"
    assert "已超期未处理 1 条" in screen.message.text() and "逾期反馈 1 条" in screen.message.text()
    assert "本部门（行政审批服务管理局）" in screen.heading.text()

    # 处理/已阅 with a note
    screen.select("late")
    assert screen.ack_button.isEnabled()
    screen.note.setText("已约谈经营者，限期整改")
    with qtbot.waitSignal(screen.acknowledged, timeout=10_000) as done:
        screen.ack_button.click()
    assert done.args == ["late"]
    qtbot.waitUntil(lambda: "late" not in _column(screen, "状态"), timeout=10_000)
    assert "监管反馈 late 已处理" in screen.message.text()
    everything = linkage.feedback(services, REVIEWER, open_only=False)
    [item] = [r.feedback for r in everything if r.feedback.id == "late"]
    assert (item.acknowledged_by, item.note) == ("reviewer", "已约谈经营者，限期整改")

    # 显示已处理 brings it back, in words
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.show_done.setChecked(True)
    assert _column(screen, "状态")["late"] == "已处理（逾期反馈）"
    screen.select("late")
    assert not screen.ack_button.isEnabled()
    assert "已由 reviewer" in screen.detail.text() and "限期整改" in screen.detail.text()
    wait_for_background()


def test_a_hall_admin_oversees_every_department_without_signing_off(
    qtbot: QtBot, services: Services, clock: FixedClock
) -> None:
    clock.at = _at(12, 2)
    _receive(
        services,
        _feedback("ours", "2026-12-01T09:00:00+08:00"),
        _feedback("fire", "2026-12-01T09:00:00+08:00", department="消防救援大队"),
    )
    screen = _screen(qtbot, services, HALL_ADMIN)
    assert _column(screen, "审批部门") == {"ours": APPROVAL_BUREAU, "fire": "消防救援大队"}
    assert not screen.ack_button.isVisibleTo(screen) and not screen.note.isVisibleTo(screen)
    assert "各审批部门" in screen.heading.text()
    wait_for_background()


def test_a_reviewer_without_a_department_is_told_why(qtbot: QtBot, services: Services) -> None:
    from desktop.domain.users import Actor, Role

    screen = SupervisionFeedbackScreen(services, Actor("nodept", Role.REVIEWER))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: "未指定所属部门" in screen.message.text(), timeout=10_000)
    wait_for_background()
