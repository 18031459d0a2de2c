"""Installation settings kept in the database (shared by every counter of a hall)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.errors import DomainError
from desktop.domain.users import Actor, Permission
from desktop.ports import UnitOfWork
from desktop.services.base import Change, Services, run_command


@dataclass(frozen=True)
class Setting:
    key: str
    label: str
    default: str


SETTINGS = {
    s.key: s
    for s in (
        Setting("authority", "发证机关（打印在证照和通知书上）", "县行政审批服务管理局"),
        Setting("region_code", "行政区划代码（6位，用于证照编号）", "140702"),
        Setting("verify_base_url", "中心平台证照验证地址（二维码网址）", "https://verify.onewindow.invalid"),
        Setting("hall_contact", "咨询电话", ""),
        Setting("idle_lock_clerk", "窗口受理员无操作自动锁屏（分钟）", "15"),
        Setting("idle_lock_reviewer", "部门审批员无操作自动锁屏（分钟）", "5"),
        Setting("idle_lock_other", "其他角色无操作自动锁屏（分钟）", "15"),
        Setting("catalog_max_age_days", "事项清单超过几天未同步即暂停新受理（已注册窗口）", "7"),
        Setting("feedback_limit_days", "监管反馈时限（工作日）", "3"),
        Setting("sync_interval_minutes", "自动同步间隔（分钟）", "5"),
        # 双随机、一公开: sampling ratio per credit class (0–1; see desktop/domain/inspections.py)
        Setting("inspection_ratio_A", "双随机抽查比例：信用A类（0–1）", "0.03"),
        Setting("inspection_ratio_B", "双随机抽查比例：信用B类（0–1）", "0.05"),
        Setting("inspection_ratio_C", "双随机抽查比例：信用C类（0–1）", "0.10"),
        Setting("inspection_ratio_D", "双随机抽查比例：信用D类（0–1）", "0.30"),
    )
}
_LIMITS = {
    "catalog_max_age_days": (1, 365),
    "feedback_limit_days": (1, 30),
    "sync_interval_minutes": (1, 1440),
}
SIGNING_KEY = "signing_key_id"  # internal: the key this station signs with now


def get(uow: UnitOfWork, key: str) -> str:
    value = uow.settings.get(key)
    if value is not None:
        return value
    return SETTINGS[key].default


def read(services: Services, key: str) -> str:
    with services.uow() as uow:
        return get(uow, key)


def put(services: Services, actor: Actor, key: str, value: str) -> None:
    if key not in SETTINGS:
        raise DomainError(f"未知的设置项“{key}”，可用：{'、'.join(SETTINGS)}")
    value = value.strip()
    if key == "region_code" and not (len(value) == 6 and value.isdigit()):
        raise DomainError("行政区划代码应为6位数字")
    if key.startswith("idle_lock_") and not (value.isdigit() and 1 <= int(value) <= 240):
        raise DomainError("锁屏时间应为 1–240 分钟")
    if key in _LIMITS:
        low, high = _LIMITS[key]
        if not (value.isdigit() and low <= int(value) <= high):
            raise DomainError(f"“{SETTINGS[key].label}”应为 {low}–{high} 之间的整数")
    if key.startswith("inspection_ratio_"):
        try:
            ratio = float(value)
        except ValueError:
            ratio = -1.0
        if not 0.0 <= ratio <= 1.0:
            raise DomainError(f"“{SETTINGS[key].label}”应为 0 到 1 之间的小数（例如 0.05 表示 5%）")
    if key == "verify_base_url" and not value.startswith(("https://", "http://")):
        raise DomainError("验证地址应以 https:// 开头")

    def body(uow: UnitOfWork, change: Change) -> None:
        uow.settings.put(key, value)
        change.detail = {"value": value}

    run_command(services, actor, "settings.put", Permission.MANAGE_CATALOG, body, target=key)
