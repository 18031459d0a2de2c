"""监管执法员的工作台: commitment checks (合格, 不合格 → 整改 → 撤销) and 双随机 results, driven
through the widgets on a real SQLite database and checked through the services."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.adapters.clock import FixedClock
from desktop.domain.after_approval import CheckStatus
from desktop.domain.credit import CreditRecordKind
from desktop.domain.inspections import Inspector
from desktop.domain.permits import PermitStatus
from desktop.domain.users import SYSTEM_ACTOR, Actor, Role
from desktop.services import checks, credit, demo, inspections, intake, issuing, keys, setup
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle, install_bundle
from desktop.services.verification import VerifyResult, verify
from tests.conftest import make_services
from tests.support.factories import ADMIN, CLERK, INSPECTOR, ISSUER, VALID_USCC, enterprise
from ui.inspection_workbench import CommitmentChecksPanel, InspectionDrawsPanel, InspectionWorkbench
from ui.tasks import wait_for_background

FIRE = "XF-01"
FIRE_DEPT = "县消防救援大队"
FIRE_INSPECTOR = Actor("fire_a", Role.INSPECTOR, FIRE_DEPT)


@pytest.fixture
def services(tmp_path: Path, clock: FixedClock, bundle: CatalogBundle) -> Services:
    svc = make_services(f"sqlite:///{tmp_path / 'db.sqlite3'}", clock, tmp_path / "keys")
    install_bundle(svc, SYSTEM_ACTOR, bundle)
    return svc


def _committed(services: Services, codes: tuple[str, ...] = (FIRE,)) -> str:
    app = intake.submit(services, CLERK, enterprise(), list(codes))
    return intake.accept(services, CLERK, app.id, committed=set(codes)).id


def _workbench(qtbot: QtBot, services: Services, actor: Actor) -> InspectionWorkbench:
    bench = InspectionWorkbench(services, actor)
    qtbot.addWidget(bench)
    with qtbot.waitSignals([bench.checks.loaded, bench.draws.loaded], timeout=10_000):
        bench.show()
    return bench


def _column(table: object, titles: list[str], title: str) -> list[str]:
    from PySide6.QtWidgets import QTableWidget

    assert isinstance(table, QTableWidget)
    column = titles.index(title)
    out = []
    for r in range(table.rowCount()):
        cell = table.item(r, column)
        assert cell is not None
        out.append(cell.text())
    return out


def _checks_column(panel: CommitmentChecksPanel, title: str) -> list[str]:
    return _column(panel.table, panel.column_titles(), title)


def _draws_column(panel: InspectionDrawsPanel, title: str) -> list[str]:
    return _column(panel.table, panel.column_titles(), title)


def _tick(panel: CommitmentChecksPanel, *conditions: str) -> None:
    panel.set_ticked(list(conditions))


def test_a_passed_check_through_the_workbench(qtbot: QtBot, services: Services) -> None:
    app_id = _committed(services, (FIRE, "WJ-01"))
    bench = _workbench(qtbot, services, FIRE_INSPECTOR)
    panel = bench.checks
    # only the fire brigade's check; the other department's comes with 只看本部门 off
    assert _checks_column(panel, "事项") == ["公众聚集场所投入使用、营业前消防安全检查"]
    assert "县消防救援大队待核查" in panel.heading.text()
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.own_department.setChecked(False)
    assert len(panel.rows) == 2
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.own_department.setChecked(True)
    assert _checks_column(panel, "市场主体") == [f"{enterprise().name}\n{VALID_USCC}"]
    assert _checks_column(panel, "许可证号") == ["尚未出证"]
    assert _checks_column(panel, "核查（整改）期限") == ["2026-12-24"]
    assert _checks_column(panel, "状态") == ["待核查"]
    assert bench.tabs.tabText(0) == "承诺核查（1）"

    snap = checks.snapshot(services, INSPECTOR, app_id, FIRE)
    shown = [panel.conditions.item(i).text() for i in range(panel.conditions.count())]
    assert shown == list(snap.conditions) and len(shown) == 5
    assert "20个工作日" in panel.conditions_title.text()
    assert panel.record_group.isVisibleTo(panel) and not panel.rectify_group.isVisibleTo(panel)

    # bad input is refused in words and nothing is lost
    panel.fail_button.click()
    assert "须勾选至少一项不符合的承诺条件" in panel.message.text()
    _tick(panel, snap.conditions[1])
    panel.fail_button.click()
    assert "须填写核查发现的具体情况" in panel.message.text()
    panel.findings.setPlainText("现场核查相符")
    panel.pass_button.click()
    assert "不能登记合格" in panel.message.text()
    assert panel.ticked() == [snap.conditions[1]] and panel.findings.toPlainText() == "现场核查相符"
    _tick(panel)

    with qtbot.waitSignal(panel.recorded, timeout=10_000):
        panel.pass_button.click()
    qtbot.waitUntil(lambda: panel.rows == [], timeout=10_000)
    [check] = checks.checks_for(services, INSPECTOR, app_id)[:1]
    assert check.matter_code == FIRE and check.status is CheckStatus.PASSED
    assert check.items == snap.conditions and check.findings == "现场核查相符"
    assert check.recorded_by == "fire_a"
    assert "已登记核查合格" in panel.message.text()
    assert panel.counts.text() == "没有待核查的告知承诺事项"
    wait_for_background()


def test_a_failed_check_left_unrectified_annuls_the_permit(
    qtbot: QtBot, services: Services, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_id = _committed(services)
    keys.create_station_key(services, ADMIN, "一号出件窗口")
    result = issuing.issue(services, ISSUER, app_id)
    assert result.licence is not None
    [permit] = result.permits
    bench = _workbench(qtbot, services, FIRE_INSPECTOR)
    panel = bench.checks
    assert _checks_column(panel, "许可证号") == [permit.number]
    snap = checks.snapshot(services, INSPECTOR, app_id, FIRE)

    _tick(panel, snap.conditions[2])
    panel.findings.setPlainText("疏散通道被货物堵塞")
    with qtbot.waitSignal(panel.loaded, timeout=10_000):  # recorded, then listed again
        panel.fail_button.click()
    [check] = checks.checks_for(services, INSPECTOR, app_id)
    assert check.status is CheckStatus.RECTIFYING and check.items == (snap.conditions[2],)
    assert check.findings == "疏散通道被货物堵塞" and check.rectification_due == date(2026, 12, 17)
    assert "整改期限 2026-12-17" in panel.message.text()
    assert _checks_column(panel, "状态") == ["限期整改中"]
    assert _checks_column(panel, "核查（整改）期限") == ["2026-12-17"]
    assert panel.rectify_group.isVisibleTo(panel) and not panel.record_group.isVisibleTo(panel)
    assert "整改期限：2026-12-17" in panel.rectification.text()
    assert panel.ticked() == [snap.conditions[2]]
    cited = panel.conditions.item(2)
    assert not cited.flags() & Qt.ItemFlag.ItemIsUserCheckable and cited.font().bold()

    clock.advance(timedelta(days=22))
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.refresh()
    assert _checks_column(panel, "状态") == ["整改已逾期"]
    assert "（已逾期）" in panel.rectification.text()
    assert bench.tabs.tabText(0) == "承诺核查（1，已逾期 1）"
    panel.not_fixed_button.click()
    assert panel.message.text() == "未整改须写明复查情况"
    panel.note.setText("复查仍未清理疏散通道")
    asked: list[str] = []

    def answer(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    panel.not_fixed_button.click()  # 否: nothing happens, the note stays
    assert len(asked) == 1 and permit.number in asked[0] and "撤销" in asked[0]
    assert panel.note.text() == "复查仍未清理疏散通道"
    with qtbot.waitSignal(panel.closed, timeout=10_000):
        panel.not_fixed_button.click()
    qtbot.waitUntil(lambda: panel.rows == [], timeout=10_000)
    assert f"许可证 {permit.number} 已撤销" in panel.message.text()
    [check] = checks.checks_for(services, INSPECTOR, app_id)
    assert check.status is CheckStatus.ANNULLED and check.rectification_note == "复查仍未清理疏散通道"
    verdict = verify(services, CLERK, result.licence.qr_text)
    assert verdict.result is VerifyResult.ANNULLED and "逾期未整改" in verdict.permits[0]["reason"]
    with services.uow() as uow:
        stored = uow.permits.get(permit.number)
    assert stored is not None and stored.status is PermitStatus.ANNULLED
    [record] = credit.records_for(services, INSPECTOR, uscc=VALID_USCC)
    assert record.kind is CreditRecordKind.FAILED_CHECK
    wait_for_background()


def test_a_check_recorded_meanwhile_is_refused_and_drafts_stay_with_their_check(
    qtbot: QtBot, services: Services
) -> None:
    _committed(services)
    _committed(services)
    bench = _workbench(qtbot, services, INSPECTOR)  # no department: every check
    panel = bench.checks
    assert len(panel.rows) == 2 and not panel.own_department.isVisibleTo(panel)
    first, second = panel.rows[0].check, panel.rows[1].check
    snap = panel.rows[0].snapshot
    assert snap is not None
    panel.select(first.id)
    panel.findings.setPlainText("第一项的核查发现")
    _tick(panel, snap.conditions[0])
    panel.select(second.id)
    assert panel.findings.toPlainText() == "" and panel.ticked() == []
    panel.findings.setPlainText("第二项的核查发现")
    panel.select(first.id)
    assert panel.findings.toPlainText() == "第一项的核查发现"
    assert panel.ticked() == [snap.conditions[0]]

    # someone else records the second check; this inspector's attempt is refused in words
    checks.record(services, SYSTEM_ACTOR, second.id, True, "已核查")
    panel.select(second.id)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.pass_button.click()
    assert "不能重复登记" in panel.message.text()
    assert [r.check.id for r in panel.rows] == [first.id]
    assert panel.findings.toPlainText() == "第一项的核查发现"  # the first check's draft is still there
    assert panel.ticked() == [snap.conditions[0]]
    wait_for_background()


@pytest.fixture
def hall(services: Services, bundle: CatalogBundle) -> list[str]:
    """Three demo 便利店 cases and a third fire inspector."""
    setup.initialise(services, bundle, demo=True)
    for n in range(3):
        demo.run_case(services, random.Random(n))
    inspections.add_inspector(services, SYSTEM_ACTOR, Inspector("fire_c", "王振华", FIRE_DEPT))
    with services.uow() as uow:
        return [h.uscc for h in uow.inspections.pool(FIRE, services.clock.today())]


def test_the_drawn_inspector_records_and_publishes_a_result(
    qtbot: QtBot, services: Services, hall: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    me = Actor("fire_c", Role.INSPECTOR, FIRE_DEPT)
    for n in range(50):  # a public seed under which fire_c is drawn for some subjects, not all
        drawn = inspections.draw_inspection(services, SYSTEM_ACTOR, FIRE, f"2026-11-26 第{n}次", 1.0)
        teams = {s["uscc"]: s["inspectors"] for s in drawn.result["subjects"]}
        if 0 < sum(me.username in t for t in teams.values()) < len(teams):
            break
    mine = sorted(u for u, t in teams.items() if me.username in t)
    others = sorted(u for u, t in teams.items() if me.username not in t)
    assert mine and others

    bench = _workbench(qtbot, services, me)
    panel = bench.draws
    latest = [r for r in panel.rows if r.draw_id == drawn.draw_id]
    assert sorted(r.uscc for r in latest) == mine  # the subject this inspector was not drawn for is absent
    assert not set(others) & {r.uscc for r in latest}
    assert set(_draws_column(panel, "随机种子")) >= {drawn.seed}
    assert set(_draws_column(panel, "检查结果")) == {"待录入"}
    assert _draws_column(panel, "抽取时间")[0] == "2026-11-26 10:00"
    row = latest[0]
    panel.select((row.draw_id, row.uscc))
    [co] = [u for u in teams[row.uscc] if u != me.username]
    index = [r.uscc for r in panel.rows].index(row.uscc)
    team_cell = panel.table.item(index, panel.column_titles().index("同组执法人员"))
    assert team_cell is not None and team_cell.text() == f"演示执法员{co[-3:]}（{co}）"
    assert f"共抽中 {len(teams)} 个市场主体" in panel.draw_info.text()
    assert not panel.publish_button.isEnabled()

    # 发现问题 needs the findings; Enter in the findings records
    panel.outcome.setCurrentIndex(panel.outcome.findData("corrected"))
    panel.record_button.click()
    assert "请填写发现的具体问题" in panel.message.text()
    panel.findings.setText("灭火器过期，已当场更换")
    with qtbot.waitSignal(panel.recorded, timeout=10_000) as recorded:
        qtbot.keyClick(panel.findings, Qt.Key.Key_Return)
    assert recorded.args == [row.draw_id, row.uscc]
    [result] = inspections.results(services, drawn.draw_id)
    assert (result.uscc, result.outcome.value, result.findings, result.recorded_by) == (
        row.uscc,
        "corrected",
        "灭火器过期，已当场更换",
        "fire_c",
    )

    def recorded_shown() -> bool:
        current = panel.current()
        return current is not None and current.result is not None

    qtbot.waitUntil(recorded_shown, timeout=10_000)
    assert not panel.record_group.isEnabled()
    assert panel.outcome.currentData() == "corrected" and panel.findings.text() == "灭火器过期，已当场更换"
    assert "检查结果：发现问题已责令改正" in panel.detail.text()
    panel.record()
    assert "不能重复录入" in panel.message.text()

    # 一公开 with results still missing: asked first
    asked: list[str] = []

    def answer(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert panel.publish_button.isEnabled()
    with qtbot.waitSignal(panel.published, timeout=10_000) as published:
        panel.publish_button.click()
    assert published.args == [drawn.draw_id]
    assert len(asked) == 1 and f"还有 {len(teams) - 1} 个市场主体未录入结果" in asked[0]
    assert inspections.results(services, drawn.draw_id)[0].published
    qtbot.waitUntil(lambda: "已公示" in _draws_column(panel, "公示"), timeout=10_000)
    assert panel.message.text() == "已公示 1 条检查结果"
    wait_for_background()


def test_an_inspector_not_drawn_sees_no_subject(qtbot: QtBot, services: Services, hall: list[str]) -> None:
    inspections.draw_inspection(services, SYSTEM_ACTOR, FIRE, "seed", 1.0)
    outsider = Actor("inspector01a", Role.INSPECTOR, "县人力资源和社会保障局")
    bench = _workbench(qtbot, services, outsider)
    assert bench.draws.rows == [] and bench.draws.table.rowCount() == 0
    assert bench.draws.detail.text() == "本人暂无抽查任务"
    assert bench.tabs.tabText(1) == "双随机抽查（待录入 0）"
    bench.draws.record()
    assert "请先在列表中选择" in bench.draws.message.text()
    wait_for_background()


def test_the_workbench_never_touches_the_database_on_the_gui_thread(
    qtbot: QtBot, services: Services, hall: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading
    import traceback

    drawn = inspections.draw_inspection(services, SYSTEM_ACTOR, FIRE, "seed", 1.0)
    me = Actor(drawn.result["subjects"][0]["inspectors"][0], Role.INSPECTOR, FIRE_DEPT)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    on_gui: list[str] = []
    factory = services.uow

    def recording():  # type: ignore[no-untyped-def]
        if threading.current_thread() is threading.main_thread():
            on_gui.append("".join(traceback.format_stack(limit=8)))
        return factory()

    services.uow = recording  # type: ignore[assignment]
    try:
        bench = _workbench(qtbot, services, me)
        panel = bench.checks
        assert len(panel.rows) == 3
        snap = panel.rows[0].snapshot
        assert snap is not None
        _tick(panel, snap.conditions[0])
        panel.findings.setPlainText("未按标准配置灭火器")
        with qtbot.waitSignal(panel.recorded, timeout=10_000):
            panel.fail_button.click()
        qtbot.waitUntil(lambda: panel.rectify_group.isVisibleTo(panel), timeout=10_000)
        panel.note.setText("复查仍未配置")
        with qtbot.waitSignal(panel.closed, timeout=10_000):
            panel.not_fixed_button.click()
        with qtbot.waitSignal(panel.loaded, timeout=10_000):
            panel.own_department.setChecked(False)
        draws = bench.draws
        draws.select((drawn.draw_id, draws.rows[0].uscc))
        with qtbot.waitSignal(draws.recorded, timeout=10_000):
            draws.record_button.click()
        qtbot.waitUntil(draws.publish_button.isEnabled, timeout=10_000)
        with qtbot.waitSignal(draws.published, timeout=10_000):
            draws.publish_button.click()
        wait_for_background()
        qtbot.wait(50)
    finally:
        services.uow = factory  # type: ignore[method-assign]
    assert not on_gui, "database work on the GUI thread:\n" + "\n".join(on_gui[:2])
