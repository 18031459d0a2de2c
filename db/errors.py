"""Known database problems, explained in plain Chinese (the rest are bugs and propagate)."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, InterfaceError, InternalError, OperationalError

_SERVER_FULL = "数据库服务器磁盘空间已满，操作未保存。请清理磁盘空间后重试，已录入的数据不会丢失。"

_KNOWN = (
    (
        "database is locked",
        "数据库正被其他程序占用（已等待 10 秒）。请稍后重试；如持续出现，请关闭其他打开此数据库的程序。",
    ),
    ("database or disk is full", "磁盘空间已满，操作未保存。请清理磁盘空间后重试，已录入的数据不会丢失。"),
    ("no space left on device", _SERVER_FULL),
    ("could not extend file", _SERVER_FULL),
    ("disk i/o error", "读写数据库文件出错（磁盘故障或空间不足）。操作未保存，请检查磁盘后重试。"),
    ("readonly database", "数据库文件是只读的，操作未保存。请检查文件权限或存储介质后重试。"),
    ("read-only", "数据库处于只读状态，操作未保存。请检查文件权限或存储介质后重试。"),
    ("unable to open database file", "无法打开数据库文件，请检查路径和权限。"),
    ("connection refused", "无法连接数据库服务器（连接被拒绝）。请检查服务器是否运行、地址与端口是否正确。"),
    ("could not translate host name", "无法解析数据库服务器地址，请检查 ONEWINDOW_DB 中的主机名。"),
    ("timeout expired", "连接数据库服务器超时，请检查网络。"),
    ("password authentication failed", "数据库用户名或密码不正确。"),
    ("does not exist", "数据库不存在，请检查 ONEWINDOW_DB 中的数据库名。"),
)


def _text(exc: BaseException) -> str:
    return str(exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc).lower()


def known_problem(exc: BaseException) -> str | None:
    """The message for a database problem whose cause lies outside the program (full, read-only,
    locked, unreachable), else None: anything else is a bug and must surface as one. Only
    operational, interface and internal errors (PostgreSQL's read-only transaction is one)
    qualify: a ProgrammingError ("column … does not exist") is a bug whatever its text says."""
    if not isinstance(exc, (OperationalError, InterfaceError, InternalError)):
        return None
    text = _text(exc)
    if "does not exist" in text and 'database "' not in text:
        return None  # only a missing database is the environment's fault
    for needle, message in _KNOWN:
        if needle in text:
            return message
    return None


def explain(exc: BaseException) -> str | None:
    """A message for the user when ``exc`` is a known database problem, else None (the CLI also
    explains any other operational error in one line)."""
    if not isinstance(exc, (OperationalError, DBAPIError)):
        return None
    known = known_problem(exc)
    if known is not None:
        return known
    text = _text(exc)
    if isinstance(exc, OperationalError):
        return f"数据库操作失败：{text.splitlines()[0] if text else exc}"
    return None
