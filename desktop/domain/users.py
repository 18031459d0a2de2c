"""Staff accounts, roles and what each role may do (separate duties)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

MAX_FAILED_LOGINS = 5
SYSTEM_USERNAME = "system"


class Role(str, Enum):
    CLERK = "clerk"  # 窗口受理员
    REVIEWER = "reviewer"  # 部门审批员 (bound to one department)
    ISSUER = "issuer"  # 出件/制证员
    INSPECTOR = "inspector"  # 监管执法员
    HALL_ADMIN = "hall_admin"  # 大厅管理员
    ADMIN = "admin"  # 系统管理员
    AUDITOR = "auditor"  # 安全审计员 (reads the audit log, changes nothing)
    SYSTEM = "system"  # the built-in operator of the command line; cannot log into the GUI

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.CLERK: "窗口受理员",
    Role.REVIEWER: "部门审批员",
    Role.ISSUER: "出件/制证员",
    Role.INSPECTOR: "监管执法员",
    Role.HALL_ADMIN: "大厅管理员",
    Role.ADMIN: "系统管理员",
    Role.AUDITOR: "安全审计员",
    Role.SYSTEM: "系统（命令行）",
}


class Permission(str, Enum):
    INTAKE = "intake"  # 受理、补正、不予受理
    REVIEW = "review"  # 认领、准予/不予许可、补正 (own department only)
    ISSUE = "issue"  # 出件、签收、打印
    INSPECT = "inspect"
    OVERRIDE_WARNING = "override_warning"  # 主管覆盖校验警告（须说明理由）
    MANAGE_USERS = "manage_users"
    MANAGE_CATALOG = "manage_catalog"
    MANAGE_CALENDAR = "manage_calendar"
    READ_CASES = "read_cases"
    READ_AUDIT = "read_audit"
    MANAGE_KEYS = "manage_keys"  # 签名密钥与信任列表
    VERIFY = "verify"  # 证照验证
    PUBLISH = "publish"  # 双公示：导出并推送公示数据


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: frozenset({Permission.INTAKE, Permission.READ_CASES, Permission.VERIFY}),
    Role.REVIEWER: frozenset({Permission.REVIEW, Permission.READ_CASES, Permission.VERIFY}),
    Role.ISSUER: frozenset({Permission.ISSUE, Permission.READ_CASES, Permission.VERIFY}),
    Role.INSPECTOR: frozenset({Permission.INSPECT, Permission.READ_CASES, Permission.VERIFY}),
    Role.HALL_ADMIN: frozenset(
        {
            Permission.OVERRIDE_WARNING,
            Permission.READ_CASES,
            Permission.MANAGE_CALENDAR,
            Permission.VERIFY,
            Permission.PUBLISH,
        }
    ),
    Role.ADMIN: frozenset(
        {
            Permission.MANAGE_USERS,
            Permission.MANAGE_CATALOG,
            Permission.MANAGE_CALENDAR,
            Permission.MANAGE_KEYS,
        }
    ),
    Role.AUDITOR: frozenset({Permission.READ_AUDIT, Permission.READ_CASES}),
    Role.SYSTEM: frozenset(Permission),
}

PERMISSION_LABELS = {
    Permission.INTAKE: "综合受理",
    Permission.REVIEW: "分类审批",
    Permission.ISSUE: "统一出件",
    Permission.INSPECT: "监管核查",
    Permission.OVERRIDE_WARNING: "覆盖校验警告",
    Permission.MANAGE_USERS: "用户管理",
    Permission.MANAGE_CATALOG: "事项清单管理",
    Permission.MANAGE_CALENDAR: "工作日历管理",
    Permission.READ_CASES: "查看办件",
    Permission.READ_AUDIT: "查看审计日志",
    Permission.MANAGE_KEYS: "签名密钥管理",
    Permission.VERIFY: "证照验证",
    Permission.PUBLISH: "双公示",
}


@dataclass(frozen=True)
class Actor:
    """Who runs a command: a logged-in user or the built-in system operator."""

    username: str
    role: Role
    department: str = ""

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]


SYSTEM_ACTOR = Actor(SYSTEM_USERNAME, Role.SYSTEM)


@dataclass
class User:
    username: str
    role: Role
    password_hash: str
    department: str = ""
    display_name: str = ""
    failed_logins: int = 0
    locked: bool = False
    must_change_password: bool = False
    active: bool = True
    demo: bool = False

    def as_actor(self) -> Actor:
        return Actor(self.username, self.role, self.department)

    def record_failed_login(self) -> None:
        self.failed_logins += 1
        if self.failed_logins >= MAX_FAILED_LOGINS:
            self.locked = True

    def record_successful_login(self) -> None:
        self.failed_logins = 0
