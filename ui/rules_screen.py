"""智能审批规则 (admin): rules are versioned data — saving makes a new version, decided cases keep
theirs. Conditions are edited as JSON (types: field, no_credit_record, mode, materials_complete);
a rule can be tried on a case before it is relied on."""

from __future__ import annotations

import json

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import NotFound
from desktop.domain.rules import AutoApprovalRule, RuleOutcome
from desktop.domain.users import Actor
from desktop.services import rules
from desktop.services.base import Services
from ui.errors import message_for, show_error
from ui.tasks import run_in_background

EXAMPLE = [
    {"type": "field", "field": "business_area", "op": "<=", "value": 200},
    {"type": "mode", "modes": ["OPTIMIZE"]},
    {"type": "no_credit_record"},
    {"type": "materials_complete"},
]


class RulesScreen(QWidget):
    saved = Signal(str, int)  # code, version
    tried = Signal(str)  # the verdict text

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.rule_list = QListWidget(self)
        self.rule_list.currentItemChanged.connect(lambda current, _prev: self._show(current))
        self.code = QLineEdit(self)
        self.name = QLineEdit(self)
        self.matters = QLineEdit(self)
        self.matters.setPlaceholderText(self.tr("事项编码，用逗号分隔，如 SCJG-01, SCJG-02"))
        self.active = QCheckBox(self.tr("启用"), self)
        self.active.setChecked(True)
        self.conditions = QPlainTextEdit(self)
        self.conditions.setPlainText(json.dumps(EXAMPLE, ensure_ascii=False, indent=2))
        self.save_button = QPushButton(self.tr("保存为新版本 (Ctrl+S)"), self)
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.case_input = QLineEdit(self)
        self.case_input.setPlaceholderText(self.tr("办件编号"))
        self.try_button = QPushButton(self.tr("用此办件测试规则"), self)
        self.try_button.clicked.connect(self.try_on_case)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("规则编码："), self.code)
        form.addRow(self.tr("规则名称："), self.name)
        form.addRow(self.tr("适用事项："), self.matters)
        form.addRow("", self.active)
        form.addRow(self.tr("条件（全部满足才自动准予）："), self.conditions)
        trial = QHBoxLayout()
        trial.addWidget(self.case_input, 1)
        trial.addWidget(self.try_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(form)
        right_layout.addWidget(self.save_button)
        right_layout.addLayout(trial)
        right_layout.addWidget(self.message)
        splitter = QSplitter(self)
        splitter.addWidget(self.rule_list)
        splitter.addWidget(right)
        splitter.setSizes([320, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.refresh()

    def refresh(self) -> None:
        services = self._services
        run_in_background(lambda: rules.current_rules(services), self._on_listed, self._on_failed)

    def _on_listed(self, found: list[AutoApprovalRule]) -> None:
        self.rule_list.clear()
        for rule in found:
            state = self.tr("启用") if rule.active else self.tr("停用")
            item = QListWidgetItem(f"{rule.code}  v{rule.version}  {rule.name}（{state}）")
            item.setData(256, rule)
            self.rule_list.addItem(item)

    def _show(self, item: QListWidgetItem | None) -> None:
        rule = item.data(256) if item is not None else None
        if not isinstance(rule, AutoApprovalRule):
            return
        self.code.setText(rule.code)
        self.name.setText(rule.name)
        self.matters.setText(", ".join(rule.matter_codes))
        self.active.setChecked(rule.active)
        self.conditions.setPlainText(
            json.dumps([dict(c) for c in rule.conditions], ensure_ascii=False, indent=2)
        )

    def save(self) -> None:
        try:
            conditions = json.loads(self.conditions.toPlainText())
        except json.JSONDecodeError as exc:
            self.message.setText(
                self.tr("条件不是有效的 JSON：第 {line} 行 {msg}").format(line=exc.lineno, msg=exc.msg)
            )
            return
        if not isinstance(conditions, list) or not all(isinstance(c, dict) for c in conditions):
            self.message.setText(self.tr("条件应为 JSON 数组，每项是一个对象"))
            return
        matters = [c.strip().upper() for c in self.matters.text().replace("，", ",").split(",") if c.strip()]
        services, actor = self._services, self._actor
        code, name, active = self.code.text(), self.name.text(), self.active.isChecked()
        run_in_background(
            lambda: rules.save_rule(services, actor, code, name, matters, conditions, active),
            self._on_saved,
            self._on_failed,
        )

    def _on_saved(self, rule: AutoApprovalRule) -> None:
        self.message.setText(
            self.tr("已保存 {code} 第 {version} 版；已办结的办件保留原版本").format(
                code=rule.code, version=rule.version
            )
        )
        self.saved.emit(rule.code, rule.version)
        self.refresh()

    def try_on_case(self) -> None:
        services, actor = self._services, self._actor
        code, number = self.code.text().strip(), self.case_input.text().strip()

        def trial() -> dict[str, RuleOutcome]:
            if not number:
                raise NotFound(self.tr("请输入要测试的办件编号"))
            return rules.try_rule(services, actor, code, number)  # the case by its number

        run_in_background(trial, self._on_tried, self._on_failed)

    def _on_tried(self, outcomes: dict[str, RuleOutcome]) -> None:
        lines = []
        for matter, outcome in outcomes.items():
            verdict = self.tr("自动准予") if outcome.matched else self.tr("不自动准予")
            lines.append(f"{matter}：{verdict}（{'；'.join(outcome.reasons)}）")
        text = "\n".join(lines)
        self.message.setText(text)
        self.tried.emit(text)

    def _on_failed(self, exc: BaseException) -> None:
        known = message_for(exc)
        if known is None:
            show_error(self, exc)
            return
        self.message.setText(known)
