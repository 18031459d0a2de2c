"""A case at the window (办件): one Application with one PermitRequest per matter.

The case is an append-only list of actions (OpenCRVS habit); every state is derived by replaying
them, and an action the current state does not allow is refused with a clear error.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from desktop.domain.catalog import Matter, ReformMode
from desktop.domain.errors import DomainError, IllegalTransition


class Channel(str, Enum):
    WINDOW = "window"  # 窗口受理
    ONLINE = "online"  # 一网办


class ApplicationStatus(str, Enum):
    RECEIVED = "received"  # 已接收，待受理
    SUPPLEMENT_PENDING = "supplement_pending"  # 待补正
    REFUSED = "refused"  # 不予受理
    IN_PROGRESS = "in_progress"  # 已受理，办理中
    DECIDED = "decided"  # 全部事项已办结，待出件
    ISSUED = "issued"  # 已出件
    DELIVERED = "delivered"  # 已签收

    @property
    def label(self) -> str:
        return {
            "received": "待受理",
            "supplement_pending": "待补正",
            "refused": "不予受理",
            "in_progress": "办理中",
            "decided": "待出件",
            "issued": "已出件",
            "delivered": "已签收",
        }[self.value]


class RequestState(str, Enum):
    PENDING = "pending"  # not yet handled at intake
    RECORDED = "recorded"  # CANCEL: recorded and pushed to the competent department
    FILED = "filed"  # FILING: 当场办结
    IN_REVIEW = "in_review"  # routed to the approving department, unclaimed
    CLAIMED = "claimed"  # a reviewer holds it
    AWAITING_SUPPLEMENT = "awaiting_supplement"
    GRANTED = "granted"  # 准予许可
    DENIED = "denied"  # 不予许可

    @property
    def label(self) -> str:
        return {
            "pending": "待受理",
            "recorded": "已推送（取消审批）",
            "filed": "已备案",
            "in_review": "待审批",
            "claimed": "审批中",
            "awaiting_supplement": "待补正",
            "granted": "准予许可",
            "denied": "不予许可",
        }[self.value]

    @property
    def finished(self) -> bool:
        return self in (
            RequestState.RECORDED,
            RequestState.FILED,
            RequestState.GRANTED,
            RequestState.DENIED,
        )


class ActionKind(str, Enum):
    # application level
    SUBMIT = "submit"
    ACCEPT = "accept"  # 受理
    REQUEST_SUPPLEMENT_AT_INTAKE = "request_supplement_at_intake"  # 一次补正通知
    RECEIVE_SUPPLEMENT_AT_INTAKE = "receive_supplement_at_intake"
    REFUSE = "refuse"  # 不予受理
    ISSUE = "issue"  # 一窗统一出件
    DELIVER = "deliver"  # 签收
    # permit-request level
    RECORD_CANCELLED = "record_cancelled"
    FILE = "file"
    GRANT_ON_COMMITMENT = "grant_on_commitment"
    ROUTE = "route"
    CLAIM = "claim"
    RELEASE = "release"
    GRANT = "grant"
    DENY = "deny"
    REQUEST_SUPPLEMENT = "request_supplement"
    RECEIVE_SUPPLEMENT = "receive_supplement"
    RESCHEDULE = "reschedule"  # a provisional deadline recomputed once the year's calendar is known
    AUTO_GRANT = "auto_grant"  # 智能审批: granted by a rule (its code and version in the data)


REQUEST_ACTIONS = {
    ActionKind.RESCHEDULE,
    ActionKind.AUTO_GRANT,
    ActionKind.RECORD_CANCELLED,
    ActionKind.FILE,
    ActionKind.GRANT_ON_COMMITMENT,
    ActionKind.ROUTE,
    ActionKind.CLAIM,
    ActionKind.RELEASE,
    ActionKind.GRANT,
    ActionKind.DENY,
    ActionKind.REQUEST_SUPPLEMENT,
    ActionKind.RECEIVE_SUPPLEMENT,
}

# (state, action) -> new state. Anything not listed is an illegal transition.
REQUEST_TRANSITIONS: dict[tuple[RequestState, ActionKind], RequestState] = {
    (RequestState.PENDING, ActionKind.RECORD_CANCELLED): RequestState.RECORDED,
    (RequestState.PENDING, ActionKind.FILE): RequestState.FILED,
    (RequestState.PENDING, ActionKind.GRANT_ON_COMMITMENT): RequestState.GRANTED,
    (RequestState.PENDING, ActionKind.ROUTE): RequestState.IN_REVIEW,
    (RequestState.IN_REVIEW, ActionKind.CLAIM): RequestState.CLAIMED,
    (RequestState.CLAIMED, ActionKind.RELEASE): RequestState.IN_REVIEW,
    (RequestState.CLAIMED, ActionKind.GRANT): RequestState.GRANTED,
    (RequestState.CLAIMED, ActionKind.DENY): RequestState.DENIED,
    (RequestState.CLAIMED, ActionKind.REQUEST_SUPPLEMENT): RequestState.AWAITING_SUPPLEMENT,
    (RequestState.AWAITING_SUPPLEMENT, ActionKind.RECEIVE_SUPPLEMENT): RequestState.IN_REVIEW,
    (RequestState.IN_REVIEW, ActionKind.RESCHEDULE): RequestState.IN_REVIEW,
    (RequestState.IN_REVIEW, ActionKind.AUTO_GRANT): RequestState.GRANTED,
    (RequestState.CLAIMED, ActionKind.RESCHEDULE): RequestState.CLAIMED,
    (RequestState.AWAITING_SUPPLEMENT, ActionKind.RESCHEDULE): RequestState.AWAITING_SUPPLEMENT,
}

# Which reform modes may take a mode-specific intake action.
MODE_ACTIONS: dict[ActionKind, set[ReformMode]] = {
    ActionKind.RECORD_CANCELLED: {ReformMode.CANCEL},
    ActionKind.FILE: {ReformMode.FILING},
    ActionKind.GRANT_ON_COMMITMENT: {ReformMode.COMMITMENT},
    # OPTIMIZE, a commitment the applicant declined (dual track), or the old procedure.
    ActionKind.ROUTE: {ReformMode.OPTIMIZE, ReformMode.COMMITMENT},
}

ACTION_LABELS = {
    ActionKind.SUBMIT: "提交",
    ActionKind.ACCEPT: "受理",
    ActionKind.REQUEST_SUPPLEMENT_AT_INTAKE: "一次性补正",
    ActionKind.RECEIVE_SUPPLEMENT_AT_INTAKE: "补正材料已收",
    ActionKind.REFUSE: "不予受理",
    ActionKind.ISSUE: "出件",
    ActionKind.DELIVER: "签收",
    ActionKind.RECORD_CANCELLED: "取消审批并推送",
    ActionKind.FILE: "备案",
    ActionKind.GRANT_ON_COMMITMENT: "告知承诺当场办结",
    ActionKind.ROUTE: "分送审批",
    ActionKind.CLAIM: "认领",
    ActionKind.RELEASE: "释放",
    ActionKind.GRANT: "准予许可",
    ActionKind.DENY: "不予许可",
    ActionKind.REQUEST_SUPPLEMENT: "补正",
    ActionKind.RECEIVE_SUPPLEMENT: "补正材料已收",
    ActionKind.RESCHEDULE: "重新计算办理时限",
    ActionKind.AUTO_GRANT: "智能审批准予许可",
}


@dataclass(frozen=True)
class Action:
    """One entry of the case's log. ``request_id`` is None for application-level actions."""

    kind: ActionKind
    actor: str
    at: datetime
    request_id: str | None = None
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class PermitRequest:
    id: str
    matter_code: str
    matter_name: str
    mode: ReformMode
    department: str  # the approving department, whose reviewers decide this item
    competent_department: str
    old_procedure: bool = False  # FTZ-only matter outside a free-trade zone: 按原规定办理
    due: date | None = None
    due_provisional: bool = False
    state: RequestState = RequestState.PENDING
    claimed_by: str | None = None
    decision_reason: str = ""

    @classmethod
    def for_matter(cls, request_id: str, matter: Matter, in_ftz: bool) -> PermitRequest:
        return cls(
            id=request_id,
            matter_code=matter.code,
            matter_name=matter.name,
            mode=matter.mode,
            department=matter.approving_department or matter.competent_department,
            competent_department=matter.competent_department,
            old_procedure=matter.mode_outside_ftz(in_ftz) is None,
        )


# Only the reviewer who claimed an item may release or decide it.
_HOLDER_ONLY = (ActionKind.RELEASE, ActionKind.GRANT, ActionKind.DENY, ActionKind.REQUEST_SUPPLEMENT)
_INTAKE_OPEN = (ApplicationStatus.RECEIVED, ApplicationStatus.SUPPLEMENT_PENDING)


@dataclass
class Application:
    """The case. Build it with ``submit`` and change it only through ``apply``."""

    id: str
    number: str
    uscc: str
    enterprise_name: str
    catalog_version_id: int
    channel: Channel
    first_responder: str
    requests: dict[str, PermitRequest]
    in_ftz: bool = False
    assisted_by: str | None = None  # 帮办代办: the staff member who carries the case
    form_values: dict[str, str] = field(default_factory=dict)
    industries: tuple[str, ...] = ()  # 一业一证 / 多业一证: the industries chosen at intake
    materials_received: tuple[str, ...] = ()  # material codes checked off at the window
    actions: list[Action] = field(default_factory=list)
    status: ApplicationStatus = ApplicationStatus.RECEIVED
    missing_materials: tuple[str, ...] = ()
    refusal_reason: str = ""

    @classmethod
    def submit(
        cls,
        *,
        id: str,
        number: str,
        uscc: str,
        enterprise_name: str,
        catalog_version_id: int,
        channel: Channel,
        actor: str,
        at: datetime,
        requests: Iterable[PermitRequest],
        in_ftz: bool = False,
        assisted_by: str | None = None,
        form_values: Mapping[str, str] | None = None,
        industries: Iterable[str] = (),
        materials_received: Iterable[str] = (),
    ) -> Application:
        reqs = {r.id: r for r in requests}
        if not reqs:
            raise DomainError("办件没有任何需办理的事项：经营范围无需许可时应告知“准入即营”，无需受理")
        app = cls(
            id=id,
            number=number,
            uscc=uscc,
            enterprise_name=enterprise_name,
            catalog_version_id=catalog_version_id,
            channel=channel,
            first_responder=actor,
            requests=reqs,
            in_ftz=in_ftz,
            assisted_by=assisted_by,
            form_values=dict(form_values or {}),
            industries=tuple(industries),
            materials_received=tuple(materials_received),
        )
        app.apply(Action(ActionKind.SUBMIT, actor, at))
        return app

    # -- the one way to change a case ---------------------------------------------------------
    def apply(self, action: Action) -> None:
        """Validate ``action`` against the current state, then append it and update the state."""
        if action.kind in REQUEST_ACTIONS:
            self._apply_request_action(action)
        else:
            self._apply_application_action(action)
        self.actions.append(action)

    def replay(self, actions: Iterable[Action]) -> None:
        """Rebuild the state from a stored log (used by repositories)."""
        for action in actions:
            self.apply(action)

    def _apply_application_action(self, action: Action) -> None:
        kind = action.kind
        if kind is ActionKind.SUBMIT:
            if self.actions:
                raise IllegalTransition("办件已提交，不能重复提交")
            self.status = ApplicationStatus.RECEIVED
        elif kind is ActionKind.ACCEPT:
            self._require(self.status in _INTAKE_OPEN, "受理")
            if self.status is ApplicationStatus.SUPPLEMENT_PENDING:
                raise IllegalTransition("办件仍在等待补正材料，请先登记补正材料已收齐，再受理")
            self.status = ApplicationStatus.IN_PROGRESS
        elif kind is ActionKind.REQUEST_SUPPLEMENT_AT_INTAKE:
            self._require(self.status is ApplicationStatus.RECEIVED, "出具补正通知")
            missing = tuple(action.data.get("missing", ()))
            if not missing:
                raise DomainError("补正通知必须一次性列明全部缺少的材料")
            self.missing_materials = missing
            self.status = ApplicationStatus.SUPPLEMENT_PENDING
        elif kind is ActionKind.RECEIVE_SUPPLEMENT_AT_INTAKE:
            self._require(self.status is ApplicationStatus.SUPPLEMENT_PENDING, "登记补正材料")
            self.missing_materials = ()
            self.status = ApplicationStatus.RECEIVED
        elif kind is ActionKind.REFUSE:
            self._require(self.status in _INTAKE_OPEN, "不予受理")
            reason = str(action.data.get("reason", "")).strip()
            if not reason:
                raise DomainError("不予受理必须填写理由")
            self.refusal_reason = reason
            self.status = ApplicationStatus.REFUSED
        elif kind is ActionKind.ISSUE:
            self._require(self.status is ApplicationStatus.DECIDED, "出件")
            self.status = ApplicationStatus.ISSUED
        elif kind is ActionKind.DELIVER:
            self._require(self.status is ApplicationStatus.ISSUED, "签收")
            self.status = ApplicationStatus.DELIVERED
        else:  # pragma: no cover - every kind is handled above
            raise IllegalTransition(f"未知的操作 {kind}")

    def _apply_request_action(self, action: Action) -> None:
        if action.request_id not in self.requests:
            raise IllegalTransition(f"办件 {self.number} 中没有事项 {action.request_id}")
        self._require(self.status is ApplicationStatus.IN_PROGRESS, ACTION_LABELS[action.kind])
        request = self.requests[action.request_id]
        new_state = REQUEST_TRANSITIONS.get((request.state, action.kind))
        if new_state is None and action.kind is ActionKind.CLAIM and request.claimed_by:
            raise IllegalTransition(
                f"事项“{request.matter_name}”已由 {request.claimed_by} 认领，不能重复认领；"
                "如需办理，请联系认领人释放"
            )
        if new_state is None:
            raise IllegalTransition(
                f"事项“{request.matter_name}”当前状态为“{request.state.label}”，"
                f"不能执行“{ACTION_LABELS[action.kind]}”"
            )
        allowed_modes = MODE_ACTIONS.get(action.kind)
        if allowed_modes is not None and request.mode not in allowed_modes and not request.old_procedure:
            raise IllegalTransition(
                f"事项“{request.matter_name}”的改革方式为“{request.mode.label}”，"
                f"不能执行“{ACTION_LABELS[action.kind]}”"
            )
        if request.old_procedure and action.kind in (
            ActionKind.RECORD_CANCELLED,
            ActionKind.FILE,
            ActionKind.GRANT_ON_COMMITMENT,
        ):
            raise IllegalTransition(
                f"事项“{request.matter_name}”仅在自贸区实行改革，本地按原规定办理，请分送审批"
            )
        if (
            action.kind in _HOLDER_ONLY
            and request.claimed_by != action.actor
            and not action.data.get("automatic")
        ):
            raise IllegalTransition(
                f"事项“{request.matter_name}”已由 {request.claimed_by} 认领，只有认领人可以办理"
            )
        if action.kind in (ActionKind.DENY,) and not str(action.data.get("reason", "")).strip():
            raise DomainError("不予许可必须填写理由")
        if action.kind is ActionKind.AUTO_GRANT and not (
            action.data.get("rule") and action.data.get("rule_version")
        ):
            raise DomainError("智能审批必须记录所依据的规则及其版本")
        if action.kind is ActionKind.REQUEST_SUPPLEMENT and not action.data.get("missing"):
            raise DomainError("补正通知必须一次性列明全部缺少的材料")

        request.state = new_state
        if action.kind is ActionKind.CLAIM:
            request.claimed_by = action.actor
        elif action.kind in (ActionKind.RELEASE, ActionKind.RECEIVE_SUPPLEMENT):
            request.claimed_by = None
        if action.kind in (ActionKind.ROUTE, ActionKind.RESCHEDULE):
            due = action.data.get("due")
            request.due = date.fromisoformat(due) if isinstance(due, str) else None
            request.due_provisional = bool(action.data.get("due_provisional", False))
        if new_state in (RequestState.GRANTED, RequestState.DENIED):
            request.decision_reason = str(action.data.get("reason", ""))
        if all(r.state.finished for r in self.requests.values()):
            self.status = ApplicationStatus.DECIDED

    def _require(self, condition: bool, what: str) -> None:
        if not condition:
            raise IllegalTransition(f"办件 {self.number} 当前状态为“{self.status.label}”，不能{what}")

    def replayed(self, count: int) -> Application:
        """The case as it stood after its first ``count`` actions."""
        past = Application(
            id=self.id,
            number=self.number,
            uscc=self.uscc,
            enterprise_name=self.enterprise_name,
            catalog_version_id=self.catalog_version_id,
            channel=self.channel,
            first_responder=self.first_responder,
            requests={
                k: PermitRequest(
                    r.id,
                    r.matter_code,
                    r.matter_name,
                    r.mode,
                    r.department,
                    r.competent_department,
                    r.old_procedure,
                )
                for k, r in self.requests.items()
            },
            in_ftz=self.in_ftz,
            assisted_by=self.assisted_by,
            form_values=dict(self.form_values),
            industries=self.industries,
            materials_received=self.materials_received,
        )
        past.replay(self.actions[:count])
        return past

    def as_accepted(self) -> Application | None:
        """The case right after acceptance (受理 and the intake actions that came with it), so a
        notice printed again later says what it said then. None when never accepted."""
        intake_kinds = (
            ActionKind.RECORD_CANCELLED,
            ActionKind.FILE,
            ActionKind.GRANT_ON_COMMITMENT,
            ActionKind.ROUTE,
        )
        for index, action in enumerate(self.actions):
            if action.kind is ActionKind.ACCEPT:
                end = index + 1
                while end < len(self.actions) and self.actions[end].kind in intake_kinds:
                    end += 1
                return self.replayed(end)
        return None

    # -- questions --------------------------------------------------------------------------
    def request_for(self, matter_code: str) -> PermitRequest:
        for request in self.requests.values():
            if request.matter_code == matter_code:
                return request
        raise DomainError(f"办件 {self.number} 不含事项 {matter_code}")

    @property
    def accepted_at(self) -> datetime | None:
        for action in self.actions:
            if action.kind is ActionKind.ACCEPT:
                return action.at
        return None


@dataclass(frozen=True)
class CaseSummary:
    """One line of a case list (search results, the issuing queue)."""

    id: str
    number: str
    uscc: str
    enterprise_name: str
    status: ApplicationStatus
    channel: str
    created_at: datetime
