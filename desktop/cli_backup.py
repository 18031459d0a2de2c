"""`onewindow backup`, `onewindow restore` and `onewindow hall-migrate` (operations: the parsers
and their dispatch; cli.py hooks them in).

The passphrase comes from ONEWINDOW_BACKUP_PASSPHRASE, from ``--passphrase-file`` or, at a
terminal, from a prompt (twice when a new backup is made): never from the command line itself,
where it would end up in the shell history and the process list.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from desktop.domain.errors import DomainError

PASSPHRASE_ENV = "ONEWINDOW_BACKUP_PASSPHRASE"


class BackupRuntime(Protocol):
    def backup(self, dest: Path, passphrase: str) -> dict[str, Any]: ...

    def restore(self, source: Path, passphrase: str) -> dict[str, Any]: ...

    def backup_schedule(self, folder: Path, keep: int, passphrase: str) -> dict[str, Any]: ...

    def run_scheduled_backup(self) -> dict[str, Any]: ...

    def transfer_to(self, url: str) -> dict[str, Any]: ...


def add_parsers(sub: Any, leaf: Callable[[Any, str, str], argparse.ArgumentParser]) -> None:
    p = leaf(sub, "backup", "备份本机数据（运行中也可备份）：数据库与库外的密钥，用口令加密")
    p.add_argument("file", nargs="?", type=Path, help="备份文件，如 D:/备份/onewindow-1126.owbk")
    p.add_argument(
        "--passphrase-file", type=Path, help=f"从文件读取口令（否则取 {PASSPHRASE_ENV} 或提示输入）"
    )
    p.add_argument("--schedule", type=Path, metavar="DIR", help="开启每日自动备份到此文件夹")
    p.add_argument("--keep", type=int, default=7, help="自动备份保留的份数（默认 7）")
    p.add_argument(
        "--scheduled", action="store_true", help="若今天的自动备份还没做，现在做（供计划任务调用）"
    )
    p = leaf(sub, "restore", "从备份恢复：先核验口令、完整性和审计链，再替换（原数据移到 before-restore-*）")
    p.add_argument("file", type=Path, help="备份文件")
    p.add_argument(
        "--passphrase-file", type=Path, help=f"从文件读取口令（否则取 {PASSPHRASE_ENV} 或提示输入）"
    )

    p = leaf(
        sub, "hall-migrate", "把本机 SQLite 数据库整体迁入一个新建的空 PostgreSQL 数据库（改为大厅模式）"
    )
    p.add_argument(
        "--to", required=True, help="目标 PostgreSQL 地址，如 postgresql://onewindow:密码@10.0.0.5/onewindow"
    )


def _passphrase(args: argparse.Namespace, confirm: bool) -> str:
    if args.passphrase_file is not None:
        try:
            return str(args.passphrase_file.read_text(encoding="utf-8")).rstrip("\r\n")
        except OSError as exc:
            raise DomainError(f"无法读取口令文件 {args.passphrase_file}：{exc.strerror}") from exc
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if not sys.stdin.isatty():
        raise DomainError(
            f"请通过环境变量 {PASSPHRASE_ENV} 或 --passphrase-file 提供备份口令（当前没有可交互的终端）"
        )
    first = getpass.getpass("备份口令：")
    if confirm and getpass.getpass("请再输入一次：") != first:
        raise DomainError("两次输入的口令不一致")
    return first


def dispatch(args: argparse.Namespace, rt: BackupRuntime) -> tuple[dict[str, Any], str]:
    if args.command == "hall-migrate":
        data = rt.transfer_to(args.to)
        return data, (
            f"已迁移 {data['rows']} 行（{len(data['tables'])} 张表）到 {data['target']}。"
            "请让本大厅各窗口设置 ONEWINDOW_DB 指向它，并复制同一个审计密钥文件 keys/audit.key"
        )
    if args.command == "restore":
        data = rt.restore(args.file, _passphrase(args, confirm=False))
        text = (
            f"已从 {data['file']}（{data['created_at']} 备份）恢复 {len(data['restored'])} 个文件；"
            f"原有数据已移到 {data['moved_aside']}"
        )
        return data, text
    if args.scheduled:
        data = rt.run_scheduled_backup()
        if not data["configured"]:
            raise DomainError("尚未开启自动备份：onewindow backup --schedule 文件夹 [--keep 7]")
        return data, f"已自动备份到 {data['made']}" if data["made"] else "今天已有自动备份，无需再做"
    if args.schedule is not None:
        if args.keep < 1:
            raise DomainError("--keep 至少为 1")
        data = rt.backup_schedule(args.schedule, args.keep, _passphrase(args, confirm=True))
        text = f"已开启每日自动备份：{data['folder']}，保留最近 {data['keep']} 份（程序运行时每小时检查一次）"
        return data, text
    if args.file is None:
        raise DomainError("请给出备份文件名，例如 onewindow backup D:/备份/onewindow.owbk")
    data = rt.backup(args.file, _passphrase(args, confirm=True))
    extra = "" if data["database_included"] else "（大厅模式：数据库请用 pg_dump 备份，见 README 运维一节）"
    return data, f"已备份到 {data['file']}：{len(data['files'])} 个文件{extra}"
