"""The `onewindow` command line. Commands act as the built-in ``system`` operator.

Every command accepts ``--json``: one JSON object on stdout (UTF-8, dates as ISO strings).
Exit 0 on success, 1 on a negative answer or rejected input, 2 on misuse.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import secrets
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol, TextIO

from desktop import cli_after_approval, cli_backup, cli_inspection, cli_statistics
from desktop.domain.catalog import Catalog
from desktop.domain.catalog_table import Table
from desktop.domain.errors import DomainError, RejectedInput
from desktop.domain.sync_state import DATA_TYPE_LABELS
from desktop.domain.users import SYSTEM_ACTOR, Role
from desktop.ports import SyncAgent
from desktop.services import (
    audit,
    calendar,
    catalog,
    demo,
    documents,
    identifiers,
    keys,
    settings,
    setup,
    syncing,
    users,
    verification,
)
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle

EXIT_OK, EXIT_NEGATIVE, EXIT_MISUSE = 0, 1, 2


class Runtime(Protocol):
    """What the command line needs from the composition root (desktop.bootstrap)."""

    db_url: str
    data_dir: Path

    def open(self, *, init: bool = False) -> Services: ...

    def offline(self) -> Services:
        """Services for the commands that work with no database (their unit of work refuses)."""
        ...

    def bundle(self) -> CatalogBundle: ...

    def read_table(self, path: Path) -> Table: ...

    def write_table(self, path: Path, rows: Sequence[Sequence[str]]) -> None: ...

    def read_text(self, path: Path) -> str: ...

    def has_database(self) -> bool: ...

    def enrol_device(
        self, services: Services, server: str, code: str, device_name: str, hall: str, pin: str | None
    ) -> dict[str, str]: ...

    def sync_agent(self, services: Services) -> SyncAgent: ...

    def central(self, db: str | None) -> CentralAdmin: ...

    def backup(self, dest: Path, passphrase: str) -> dict[str, Any]: ...

    def restore(self, source: Path, passphrase: str) -> dict[str, Any]: ...

    def backup_schedule(self, folder: Path, keep: int, passphrase: str) -> dict[str, Any]: ...

    def run_scheduled_backup(self) -> dict[str, Any]: ...

    def transfer_to(self, url: str) -> dict[str, Any]: ...


class CentralAdmin(Protocol):
    """The reference central platform's own commands, run on its host against its database."""

    db_url: str

    def enrol_code(self) -> str: ...

    def admin_token(self) -> str: ...

    def linkage_officer(self, department: str, name: str) -> str: ...

    def stats(self) -> dict[str, int]: ...

    def publish_catalog(self, table: Table, label: str, source: str, note: str) -> dict[str, Any]: ...

    def publish_calendar(self, year: int, text: str) -> dict[str, Any]: ...

    def revoke_device(self, device_id: str) -> None: ...

    def serve(self, host: str, port: int, certfile: str | None, keyfile: str | None) -> None: ...


@dataclass
class Outcome:
    data: dict[str, Any]
    text: str
    code: int = EXIT_OK


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # misuse: exit 2 with the usage
        self.print_usage(sys.stderr)
        print(f"用法错误：{message}", file=sys.stderr)
        raise SystemExit(EXIT_MISUSE)


def _common(parser: argparse.ArgumentParser, top: bool) -> None:
    default: Any = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--json", action="store_true", default=False if top else argparse.SUPPRESS, help="输出一个 JSON 对象"
    )
    parser.add_argument(
        "--db", default=default, help="数据库 URL（默认取 ONEWINDOW_DB 或数据目录下的 SQLite）"
    )
    parser.add_argument("--data-dir", default=default, help="数据目录（默认取 ONEWINDOW_DATA_DIR）")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="onewindow",
        description="一窗通 OneWindow：证照分离改革窗口客户端。不带参数时启动图形界面。",
    )
    _common(parser, top=True)
    parser.add_argument(
        "--smoke-test", action="store_true", help="迁移临时数据库、加载事项清单后退出（构建检查用）"
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def leaf(parent: Any, name: str, help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = parent.add_parser(name, help=help_text, description=help_text)
        _common(p, top=False)
        return p

    p = leaf(sub, "init", "创建或升级数据库，安装内置事项清单")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--demo", action="store_true", help="演示数据库：演示账户和参考数据（无办件）")
    group.add_argument(
        "--admin",
        metavar="NAME",
        help="正式安装：创建首个管理员（密码取 ONEWINDOW_ADMIN_PASSWORD 或提示输入）",
    )

    cat = sub.add_parser("catalog", help="事项清单").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    p = leaf(cat, "import", "导入官方格式事项清单（CSV 或 XLSX），成为新版本")
    p.add_argument("file", type=Path)
    p = leaf(cat, "export", "按官方格式导出事项清单（CSV 或 XLSX）")
    p.add_argument("file", type=Path)
    p.add_argument("--version", type=int, help="版本编号（默认当前版本）")
    leaf(cat, "stats", "事项清单统计")
    p = leaf(cat, "lookup", "按经营范围查询需办理的事项")
    p.add_argument("text")

    p = leaf(sub, "validate", "校验统一社会信用代码、身份证号或电子证照标识（无需数据库）")
    p.add_argument("kind", choices=identifiers.KINDS)
    p.add_argument("value")

    p = leaf(sub, "deadline", "计算 N 个工作日后的到期日（不含起始日）")
    p.add_argument("start", type=date.fromisoformat, metavar="START_DATE")
    p.add_argument("working_days", type=int, metavar="WORKING_DAYS")

    cal = sub.add_parser("calendar", help="工作日历").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    p = leaf(cal, "set", "把某天设为工作日或休息日")
    p.add_argument("day", type=date.fromisoformat, metavar="DATE")
    p.add_argument("kind", choices=("workday", "holiday"))
    p.add_argument("--note", default="")
    p = leaf(cal, "import", "导入某一年的官方放假调休安排（CSV：date,kind,note）")
    p.add_argument("file", type=Path)

    usr = sub.add_parser("user", help="用户").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    p = leaf(usr, "add", "新建用户（首次登录须修改密码）")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=[r.value for r in Role if r is not Role.SYSTEM])
    p.add_argument("--department", default="")
    p.add_argument("--display-name", default="")

    p = leaf(sub, "verify", "验证证照二维码（扫码枪输入的文本或图片文件）")
    p.add_argument("text", nargs="?", default="", help="扫码得到的全部文本")
    p.add_argument("--image", type=Path, help="含二维码的图片文件")

    keys_ = sub.add_parser("keys", help="证照签名密钥与信任列表").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    p = leaf(keys_, "create", "为本出件窗口创建签名密钥并登记到信任列表（已有密钥时即轮换）")
    p.add_argument("--station", default="", help="出件窗口名称")
    p = leaf(keys_, "rotate", "轮换本窗口签名密钥：新密钥签发，旧密钥保留用于验证")
    p.add_argument("--station", default="")
    p = leaf(keys_, "register", "把其他出件窗口的公钥（PEM 文件）登记到信任列表")
    p.add_argument("file", type=Path)
    p.add_argument("--authority", required=True, help="该密钥所属发证机关")
    p.add_argument("--station", default="")
    p = leaf(keys_, "revoke", "吊销信任列表中的密钥（其签发的二维码不再视为可信）")
    p.add_argument("key_id")
    p.add_argument("--reason", required=True)
    leaf(keys_, "list", "列出信任列表")

    st = sub.add_parser("setting", help="系统设置").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    p = leaf(st, "set", "修改设置")
    p.add_argument("key", choices=sorted(settings.SETTINGS))
    p.add_argument("value")
    leaf(st, "list", "列出设置")

    p = leaf(sub, "demo", "在演示数据库中走完便利店办件（受理→审批→出件→评价），可导出全部文书")
    p.add_argument("--out", type=Path, help="把办件的全部文书（PDF）写入此目录")
    p.add_argument("--cases", type=int, default=1, help="办件数量（默认 1）")

    dev = sub.add_parser("device", help="本机在中心平台的注册").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    p = leaf(dev, "enrol", "用管理员发放的一次性注册码把本机注册到中心平台")
    p.add_argument("--server", required=True, help="中心平台地址，如 https://central.example:8960")
    p.add_argument("--code", required=True, help="一次性注册码（onewindow central enrol-code 生成）")
    p.add_argument("--name", default="", help="设备名称（默认：主机名-窗口号）")
    p.add_argument("--hall", default="", help="所属大厅")
    p.add_argument("--pin", help="中心平台证书的 SHA-256 指纹（启用证书固定）")

    p = leaf(sub, "sync", "与中心平台同步一次（上传办件事件，拉取参考数据）；sync status 查看状态")
    p.add_argument("what", nargs="?", choices=["status"], help="status：只看同步状态")

    cen = sub.add_parser("central", help="参考中心平台（在中心平台主机上运行）").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )

    def central_leaf(name: str, help_text: str) -> argparse.ArgumentParser:
        q = leaf(cen, name, help_text)
        q.add_argument("--central-db", help="中心平台数据库 URL（默认取 ONEWINDOW_CENTRAL_DB）")
        return q

    p = central_leaf("serve", "启动中心平台（FastAPI + uvicorn）")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8960)
    p.add_argument("--certfile", help="TLS 证书（PEM）")
    p.add_argument("--keyfile", help="TLS 私钥（PEM）")
    central_leaf("enrol-code", "生成一次性设备注册码（键 code）")
    central_leaf("admin-token", "生成管理接口令牌（只显示一次）")
    central_leaf("stats", "中心平台统计：events、devices、licences")
    p = central_leaf("linkage-officer", "为部门指定审管联动联络员，生成其令牌")
    p.add_argument("--department", required=True)
    p.add_argument("--name", default="")
    p = central_leaf("publish-catalog", "发布事项清单新版本（官方格式 CSV 或 XLSX），各窗口同步后生效")
    p.add_argument("file", type=Path)
    p.add_argument("--label", default="", help="版本号（默认取文件名）")
    p.add_argument("--note", default="")
    p = central_leaf("publish-calendar", "发布某年放假调休安排（与 calendar import 相同的 CSV 格式）")
    p.add_argument("year", type=int)
    p.add_argument("file", type=Path)
    p = central_leaf("revoke-device", "停用已注册的窗口设备（其令牌此后被拒绝）")
    p.add_argument("device_id")

    cli_inspection.add_parsers(sub, leaf, _Parser)
    cli_after_approval.add_parsers(sub, leaf, _Parser)
    cli_statistics.add_parsers(sub, leaf, _Parser)
    cli_backup.add_parsers(sub, leaf)

    aud = sub.add_parser("audit", help="审计日志").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    leaf(aud, "verify", "校验审计链是否完整")
    return parser


def _json_default(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(type(value))


def emit(outcome: Outcome, as_json: bool, out: TextIO) -> None:
    if as_json:
        out.write(json.dumps(outcome.data, ensure_ascii=False, default=_json_default) + "\n")
    elif outcome.text:
        out.write(outcome.text.rstrip("\n") + "\n")


def run(
    argv: Sequence[str],
    runtime_factory: Callable[[argparse.Namespace], Runtime],
    out: TextIO | None = None,
    explain: Callable[[BaseException], str | None] | None = None,
) -> int:
    """Run one command. ``explain`` turns a known environment failure (locked or full database,
    unreachable server) into a message; anything it does not know is a bug and propagates."""
    out = out or sys.stdout
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if args.command is None:
        parser.print_help(out)
        return EXIT_MISUSE
    try:
        runtime = runtime_factory(args)
        outcome = _dispatch(args, runtime)
    except RejectedInput as exc:
        errors = [{"row": e.row, "message": e.message} for e in exc.errors]
        text = exc.message + "\n" + "\n".join(f"  第 {e['row']} 行：{e['message']}" for e in errors)
        outcome = Outcome({"error": exc.message, "errors": errors}, text, EXIT_NEGATIVE)
    except DomainError as exc:
        outcome = Outcome({"error": exc.message, "code": exc.code}, f"错误：{exc.message}", EXIT_NEGATIVE)
    except Exception as exc:
        message = explain(exc) if explain else None
        if message is None:
            raise
        outcome = Outcome({"error": message, "code": "environment"}, f"错误：{message}", EXIT_NEGATIVE)
    emit(outcome, bool(args.json), out)
    return outcome.code


def _dispatch(args: argparse.Namespace, rt: Runtime) -> Outcome:
    command = args.command
    action: str = getattr(args, "action", None) or ""
    if command == "validate":
        return _validate(args, rt)
    if command == "deadline":
        return _deadline(args, rt)
    if command == "init":
        return _init(args, rt)
    if command == "central":
        return _central(args, action, rt)
    if command in ("backup", "restore", "hall-migrate"):
        return Outcome(*cli_backup.dispatch(args, rt))
    services = rt.open()
    if command == "catalog":
        return _catalog(args, action, services, rt)
    if command == "calendar":
        return _calendar(args, action, services, rt)
    if command == "user":
        return _user_add(args, services)
    if command == "verify":
        return _verify(args, services)
    if command == "keys":
        return _keys(args, action, services, rt)
    if command == "setting":
        return _setting(args, action, services)
    if command == "demo":
        return _demo(args, services)
    if command == "device":
        return _device_enrol(args, services, rt)
    if command == "sync":
        return _sync(args, services, rt)
    if command in ("inspection", "publicity"):
        return Outcome(*cli_inspection.dispatch(args, action, services))
    if command in ("check", "permit"):
        return Outcome(*cli_after_approval.dispatch(args, action, services))
    if command == "ledger":
        return Outcome(*cli_statistics.dispatch(args, action, services))
    if command == "audit":
        verdict = audit.verify(services, SYSTEM_ACTOR)
        data: dict[str, Any] = {"ok": verdict.ok, "records": verdict.records, "first_bad": verdict.first_bad}
        if verdict.ok:
            return Outcome(data, f"审计链完整：共 {verdict.records} 条记录")
        data["reason"] = verdict.reason
        return Outcome(data, f"审计链异常：第 {verdict.first_bad} 条起 {verdict.reason}", EXIT_NEGATIVE)
    raise DomainError(f"未知命令 {command}")  # pragma: no cover - argparse guards this


def _validate(args: argparse.Namespace, rt: Runtime) -> Outcome:
    check = identifiers.validate(args.kind, args.value, rt.offline().clock.today())
    data = {
        "kind": check.kind,
        "normalized": check.normalized,
        "valid": check.valid,
        "checksum_ok": check.checksum_ok,
        "message": check.message,
    }
    text = f"{check.normalized}：{check.message}"
    return Outcome(data, text, EXIT_OK if check.valid else EXIT_NEGATIVE)


def _deadline(args: argparse.Namespace, rt: Runtime) -> Outcome:
    if rt.has_database():
        result = calendar.deadline(rt.open(), args.start, args.working_days)
    else:
        result = calendar.deadline(rt.offline(), args.start, args.working_days, with_overrides=False)
    data = {
        "start": args.start,
        "working_days": args.working_days,
        "due": result.due,
        "provisional": result.provisional,
    }
    note = "（暂定：该年度放假安排尚未公布，仅按周末计算）" if result.provisional else ""
    return Outcome(
        data,
        f"{args.start.isoformat()} 起 {args.working_days} 个工作日后到期：{result.due.isoformat()}{note}",
    )


def _init(args: argparse.Namespace, rt: Runtime) -> Outcome:
    admin: tuple[str, str] | None = None
    if args.admin:
        password = os.environ.get("ONEWINDOW_ADMIN_PASSWORD") or _prompt_password(
            f"请为管理员 {args.admin} 设置密码："
        )
        users.check_password_strength(password)
        admin = (args.admin, password)
    services = rt.open(init=True)
    report = setup.initialise(services, rt.bundle(), demo=args.demo, admin=admin)
    demo = setup.is_demo(services)
    data = {
        "database": _safe_url(rt.db_url),
        "data_dir": rt.data_dir,
        "catalog_installed": report.catalog_installed,
        "demo": demo,
        "users_created": report.users_created,
    }
    lines = [f"数据库已就绪：{_safe_url(rt.db_url)}"]
    if report.catalog_installed:
        lines.append(f"已安装内置事项清单：{report.catalog_installed}")
    if demo:
        lines.append(f"这是演示数据库（演示环境）。演示账户密码均为“{setup.DEMO_PASSWORD}”：")
        lines.append("  " + "、".join(report.users_created or ["（已存在）"]))
        data["demo_password"] = setup.DEMO_PASSWORD
    elif admin:
        lines.append(f"已创建管理员 {admin[0]}")
    return Outcome(data, "\n".join(lines))


def _prompt_password(prompt: str) -> str:
    if not sys.stdin.isatty():
        raise DomainError("请通过环境变量 ONEWINDOW_ADMIN_PASSWORD 提供管理员密码（当前没有可交互的终端）")
    first = getpass.getpass(prompt)
    if getpass.getpass("请再输入一次：") != first:
        raise DomainError("两次输入的密码不一致")
    return first


def _safe_url(url: str) -> str:
    """The URL without its password, for display."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    return url


def _catalog(args: argparse.Namespace, action: str, services: Services, rt: Runtime) -> Outcome:
    if action == "import":
        table = rt.read_table(args.file)
        version = catalog.import_table(services, SYSTEM_ACTOR, table, args.file.name)
        current = catalog.current(services)
        data = {"version": version.label, "version_id": version.id, **_counts(current)}
        return Outcome(data, f"已导入为新版本 {version.label}（{len(current.matters)} 项事项）；旧版本保留")
    if action == "export":
        rows = catalog.export_rows(services, args.version)
        rt.write_table(args.file, rows)
        return Outcome(
            {"file": args.file, "matters": len(rows) - 1},
            f"已导出 {len(rows) - 1} 项事项到 {args.file}",
        )
    current = catalog.current(services)
    if action == "stats":
        stats = catalog.stats(current)
        modes = "，".join(f"{k} {v}" for k, v in stats["modes"].items())
        text = (
            f"事项清单版本 {stats['version']}：{stats['matters']} 项事项，{stats['departments']} 个部门，"
            f"{stats['industries']} 个行业，{stats['scope_terms']} 条经营范围表述；改革方式：{modes}"
        )
        return Outcome(stats, text)
    result = catalog.lookup(current, args.text)
    matters = [
        {
            "code": m.code,
            "name": m.name,
            "mode": m.mode.value,
            "department": m.competent_department,
            "approving_department": m.approving_department,
        }
        for m in result.matters
    ]
    data = {
        "matters": matters,
        "operate_on_registration": result.operate_on_registration,
        "terms": [t.term for t in result.terms],
        "unknown_terms": list(result.unknown_terms),
    }
    lines = [f"  {m['code']}  {m['name']}（{m['department']}，{m['mode']}）" for m in matters]
    if result.operate_on_registration:
        lines.append("准入即营：所列经营范围无需办理许可，可直接开展经营。")
    if result.unknown_terms:
        lines.append("未识别的表述：" + "；".join(result.unknown_terms))
    return Outcome(data, "\n".join(lines))


def _counts(current: Catalog) -> dict[str, Any]:
    stats = catalog.stats(current)
    return {k: stats[k] for k in ("matters", "departments", "industries", "scope_terms")}


def _calendar(args: argparse.Namespace, action: str, services: Services, rt: Runtime) -> Outcome:
    if action == "set":
        workday = args.kind == "workday"
        recomputed = calendar.set_day(services, SYSTEM_ACTOR, args.day, workday, args.note)
        label = "工作日" if workday else "休息日"
        return Outcome(
            {"date": args.day, "workday": workday, "recomputed": recomputed},
            f"{args.day.isoformat()} 已设为{label}；重新计算了 {recomputed} 个暂定时限",
        )
    year, entries, recomputed = calendar.import_schedule(
        services, SYSTEM_ACTOR, rt.read_text(args.file), args.file.name
    )
    return Outcome(
        {"year": year, "entries": entries, "recomputed": recomputed},
        f"已导入 {year} 年放假调休安排（{entries} 条）；重新计算了 {recomputed} 个暂定时限",
    )


def _user_add(args: argparse.Namespace, services: Services) -> Outcome:
    password = os.environ.get("ONEWINDOW_NEW_USER_PASSWORD")
    generated = password is None
    if password is None:
        password = "Tmp" + secrets.token_urlsafe(9) + "7"
    user = users.add_user(
        services,
        SYSTEM_ACTOR,
        args.name,
        Role(args.role),
        password,
        args.department,
        args.display_name,
    )
    data: dict[str, Any] = {
        "username": user.username,
        "role": user.role.value,
        "department": user.department,
        "must_change_password": user.must_change_password,
    }
    text = (
        f"已创建用户 {user.username}（{user.role.label}{'，' + user.department if user.department else ''}）"
    )
    if generated:
        data["temporary_password"] = password
        text += f"\n临时密码：{password}（首次登录时必须修改）"
    return Outcome(data, text)


def _verify(args: argparse.Namespace, services: Services) -> Outcome:
    if args.image:
        result = verification.verify_image(services, SYSTEM_ACTOR, str(args.image))
    else:
        result = verification.verify(services, SYSTEM_ACTOR, args.text)
    lines = [f"验证结果：{result.result.label}", result.message]
    if result.licence:
        lic = result.licence
        lines.append(f"证照编号 {lic['number']}  {lic['name']}（{lic['uscc']}）  发证 {lic['issued_on']}")
        lines += [
            f"  {p['matter']}  {p['label']}  有效期至 {p['valid_until'] or '长期'}" for p in result.permits
        ]
    code = EXIT_OK if result.result is verification.VerifyResult.VALID else EXIT_NEGATIVE
    return Outcome(result.as_dict(), "\n".join(lines), code)


def _key_dict(key: Any) -> dict[str, Any]:
    return {
        "key_id": key.key_id,
        "authority": key.authority,
        "station": key.station,
        "status": key.status,
        "registered_at": key.registered_at.isoformat(),
    }


def _keys(args: argparse.Namespace, action: str, services: Services, rt: Runtime) -> Outcome:
    if action in ("create", "rotate"):
        key = keys.create_station_key(services, SYSTEM_ACTOR, args.station)
        data = {**_key_dict(key), "public_key_pem": key.public_key_pem}
        return Outcome(data, f"本窗口签名密钥 {key.key_id} 已创建并登记（{key.authority}）；此后出件用它签名")
    if action == "register":
        key = keys.register_key(services, SYSTEM_ACTOR, rt.read_text(args.file), args.authority, args.station)
        return Outcome(_key_dict(key), f"已把密钥 {key.key_id} 登记到信任列表（{key.authority}）")
    if action == "revoke":
        keys.revoke_key(services, SYSTEM_ACTOR, args.key_id, args.reason)
        return Outcome({"key_id": args.key_id, "status": "revoked"}, f"密钥 {args.key_id} 已吊销")
    listed = [_key_dict(k) for k in keys.trust_list(services)]
    text = "\n".join(f"{k['key_id']}  {k['status']:8}  {k['authority']}  {k['station']}" for k in listed)
    return Outcome({"keys": listed}, text or "信任列表为空")


def _setting(args: argparse.Namespace, action: str, services: Services) -> Outcome:
    if action == "set":
        settings.put(services, SYSTEM_ACTOR, args.key, args.value)
    values = {key: settings.read(services, key) for key in settings.SETTINGS}
    text = "\n".join(f"{k} = {v}    # {settings.SETTINGS[k].label}" for k, v in values.items())
    return Outcome({"settings": values}, text)


def _demo(args: argparse.Namespace, services: Services) -> Outcome:
    if args.cases < 1:
        raise DomainError("--cases 至少为 1")
    results = []
    for _ in range(args.cases):
        case = demo.run_case(services)
        written: list[str] = []
        if args.out:
            folder = args.out if args.cases == 1 else args.out / case.application
            folder.mkdir(parents=True, exist_ok=True)
            for named in case.documents:
                path = folder / f"{named.filename}.pdf"
                path.write_bytes(documents.render(services, named.document))
                written.append(str(path))
        results.append({"application": case.application, "licence": case.licence, "documents": written})
    if args.cases == 1:
        data = results[0]
        text = f"演示办件 {data['application']} 已出件，行业综合许可证 {data['licence']}"
        if data["documents"]:
            text += f"；{len(data['documents'])} 份文书已写入 {args.out}"
        return Outcome(data, text)
    cases = [{"application": r["application"], "licence": r["licence"]} for r in results]
    return Outcome({"cases": cases}, f"已完成 {len(cases)} 个演示办件")


def _device_enrol(args: argparse.Namespace, services: Services, rt: Runtime) -> Outcome:
    data = rt.enrol_device(services, args.server, args.code, args.name, args.hall, args.pin)
    return Outcome(
        {"enrolled": True, **data},
        f"本机已注册到中心平台 {data['server']}（设备 {data['device_id']}，大厅 {data['hall'] or '—'}）",
    )


def _sync_status(services: Services) -> dict[str, Any]:
    st = syncing.status(services)
    last = {k: (v.isoformat() if v else None) for k, v in st.last_success.items()}
    return {
        "enrolled": st.enrolled,
        "server": st.server_url,
        "pending": st.pending,
        "needs_attention": st.needs_attention,
        "last_success": last,
        "last_error": st.last_error,
        "frozen": st.frozen,
        "freeze_reason": st.freeze_reason,
    }


def _local_time(at: datetime) -> str:
    """HH:MM in Beijing time (what the counter's clock on the wall says)."""
    return (at.astimezone(UTC) + timedelta(hours=8)).strftime("%H:%M")


def _sync(args: argparse.Namespace, services: Services, rt: Runtime) -> Outcome:
    if args.what == "status":
        data = _sync_status(services)
        if not data["enrolled"]:
            text = "单机模式：本机未注册到中心平台"
        else:
            st = syncing.status(services)
            lines = [
                f"  {DATA_TYPE_LABELS.get(k, k)}：上次成功 "
                + (f"{services.clock.local_date(v)} {_local_time(v)}" if v else "从未")
                for k, v in st.last_success.items()
            ]
            text = (
                f"中心平台 {data['server']}：待上传 {data['pending']}，需处理 {data['needs_attention']}\n"
                + "\n".join(lines)
            )
        if data["frozen"]:
            text += f"\n{data['freeze_reason']}"
        return Outcome(data, text)
    result = rt.sync_agent(services).run_once()
    data = {
        "pushed": result.pushed,
        "pulled": result.pulled,
        "pending": result.pending,
        "needs_attention": result.needs_attention,
        "online": result.online,
        "errors": list(result.errors),
    }
    text = (
        f"同步{'完成' if result.online and not result.errors else '未完成'}：上传 {result.pushed}，"
        f"拉取 {result.pulled}，待上传 {result.pending}，需处理 {result.needs_attention}"
    )
    if result.errors:
        text += "\n" + "\n".join(result.errors)
    return Outcome(data, text, EXIT_OK if result.online and not result.errors else EXIT_NEGATIVE)


def _central(args: argparse.Namespace, action: str, rt: Runtime) -> Outcome:
    central = rt.central(args.central_db)
    where = _safe_url(central.db_url)
    if action == "serve":
        central.serve(args.host, args.port, args.certfile, args.keyfile)
        return Outcome({"stopped": True}, "中心平台已停止")
    if action == "enrol-code":
        code = central.enrol_code()
        return Outcome({"code": code}, f"一次性设备注册码：{code}（7 天内有效，只能用一次）")
    if action == "admin-token":
        token = central.admin_token()
        return Outcome({"token": token}, f"管理接口令牌（只显示这一次，请妥善保存）：{token}")
    if action == "linkage-officer":
        token = central.linkage_officer(args.department, args.name)
        return Outcome(
            {"department": args.department, "token": token},
            f"{args.department} 的审管联动联络员令牌（只显示这一次）：{token}",
        )
    if action == "publish-catalog":
        table = rt.read_table(args.file)
        label = args.label or args.file.stem
        published = central.publish_catalog(table, label, args.file.name, args.note)
        return Outcome(published, f"事项清单 {label} 已发布（{where}）；各窗口同步后生效")
    if action == "publish-calendar":
        published = central.publish_calendar(args.year, rt.read_text(args.file))
        return Outcome(dict(published), f"{args.year} 年放假调休安排已发布；各窗口同步后生效")
    if action == "revoke-device":
        central.revoke_device(args.device_id)
        return Outcome({"device_id": args.device_id, "revoked": True}, f"设备 {args.device_id} 已停用")
    stats = central.stats()
    return Outcome(
        dict(stats),
        f"中心平台（{where}）：事件 {stats['events']}，设备 {stats['devices']}，证照 {stats['licences']}",
    )
