"""What can go wrong talking to the central platform, as typed errors with a Chinese message.

The sync engine turns these into its report (the counter keeps working offline); the CLI and the
status bar show ``message``. Messages never contain tokens or event payloads.
"""

from __future__ import annotations


class SyncError(Exception):
    """Base class: ``message`` is the Chinese text shown to the clerk or the hall admin."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Offline(SyncError):
    """The platform could not be reached (connection refused or reset, timeouts) after retries."""

    def __init__(self, attempts: int, detail: str = "") -> None:
        super().__init__(f"无法连接中心平台（已重试 {attempts} 次）")
        self.attempts = attempts
        self.detail = detail  # the last low-level error's class name, for logs


class Unauthorized(SyncError):
    """401/403: the device is not enrolled, its token is wrong, or it has been revoked."""

    def __init__(self, status: int) -> None:
        super().__init__("本机未注册或已被停用，请重新注册设备")
        self.status = status


class ServerError(SyncError):
    """The platform answered 5xx on every try."""

    def __init__(self, status: int, attempts: int) -> None:
        super().__init__(f"中心平台暂时无法处理请求（HTTP {status}，已重试 {attempts} 次）")
        self.status = status
        self.attempts = attempts


class PinMismatch(SyncError):
    """The server's certificate is not the one whose fingerprint was recorded at enrolment."""

    def __init__(self, expected: str, actual: str) -> None:
        super().__init__("中心平台证书与登记的指纹不符，已拒绝连接")
        self.expected = expected
        self.actual = actual


class ProtocolError(SyncError):
    """An unexpected reply: a 4xx other than 401/403, or a body that does not fit the protocol."""

    def __init__(self, detail: str, status: int | None = None) -> None:
        where = f"HTTP {status}" if status is not None else "无状态码"
        super().__init__(f"中心平台的回复不符合同步协议（{where}）：{detail}")
        self.status = status
        self.detail = detail
