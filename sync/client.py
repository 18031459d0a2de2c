"""The counter's HTTP client for the central platform (protocol v1, see sync/PROTOCOL.md).

Every call is idempotent by protocol, so the client retries what can be retried — connection
errors, timeouts, connections closed or reset mid-reply, a JSON body cut short, and ``5xx`` — with
exponential backoff and full jitter, at most ``retries`` tries per call. ``401``/``403`` raise
:class:`Unauthorized` at once; any other ``4xx`` or a reply that does not fit the protocol raises
:class:`ProtocolError`. Replies are validated with the pydantic models of ``sync.protocol``.

Logging shows the method, path, status and try number only — never tokens, payloads or the
personal data in feed items.
"""

from __future__ import annotations

import json
import logging
import random
import ssl
import time
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any, Self, TypeVar

import httpx
import pydantic

from sync.backoff import Backoff
from sync.errors import Offline, PinMismatch, ProtocolError, ServerError, Unauthorized
from sync.pinning import PinRejected, pinned_context
from sync.protocol import (
    API_PREFIX,
    MAX_BATCH,
    MAX_PAGE,
    PROTOCOL_VERSION,
    EnrolRequest,
    EnrolResponse,
    EventIn,
    Feed,
    FeedPage,
    PushRequest,
    PushResponse,
    ServerInfo,
)

log = logging.getLogger("onewindow.sync.client")

PROTOCOL_HEADER = "X-OneWindow-Protocol"
_M = TypeVar("_M", bound=pydantic.BaseModel)
# Transport failures after which nothing is known and trying again is safe.
_RETRYABLE = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
_PUSH_STATUSES = frozenset({200, 201, 409})


class _Truncated(Exception):
    """A 2xx body that is invalid JSON because it ends too early (a cut connection)."""


def _looks_truncated(text: str, error: json.JSONDecodeError) -> bool:
    # The parser ran off the end of the text: the document was cut, not malformed.
    return not text.strip() or error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated")


class CentralClient:
    """One counter's connection to the central platform (thread-confined: use it from one thread).

    ``pin`` — the SHA-256 fingerprint of the server's leaf certificate (hex, colons and case
    ignored): with it, only that certificate is accepted, checked on every new TLS connection
    before any request byte is sent (see sync/pinning.py), and CA verification is not used.
    Without it, ``verify`` is the usual choice: True (system/certifi CA bundle), a CA file path, or
    False. Environment proxies are ignored: the platform is on the hall's network.
    ``transport`` replaces the network (tests: ``httpx.MockTransport``); it bypasses TLS and pins.
    """

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        pin: str | None = None,
        timeout: float = 10.0,
        retries: int = 5,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        verify: str | bool = True,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if retries < 1:
            raise ValueError("retries counts tries: at least 1")
        url = httpx.URL(base_url)
        if url.scheme not in ("http", "https"):
            raise ValueError("中心平台地址应以 http:// 或 https:// 开头")
        if pin is not None and transport is not None:
            raise ValueError("a pin is checked by the client's own transport: not with transport=")
        if pin is not None and url.scheme != "https":
            raise ValueError("证书指纹只能用于 https:// 地址")
        tls: ssl.SSLContext | bool
        if pin is not None:
            tls = pinned_context(pin)
        elif isinstance(verify, str):
            tls = ssl.create_default_context(cafile=verify)
        else:
            tls = verify
        headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "User-Agent": "OneWindow-counter/1"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self.base_url = str(url).rstrip("/")
        self.retries = retries
        self._sleep = sleep
        self._backoff = Backoff(rng=rng or random.Random())
        self._http = httpx.Client(
            base_url=self.base_url,
            headers=headers,
            timeout=httpx.Timeout(timeout),
            verify=tls,
            trust_env=False,
            follow_redirects=False,
            transport=transport,
        )

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ calls
    def info(self) -> ServerInfo:
        return self._call("GET", f"{API_PREFIX}/info", ServerInfo)

    def enrol(self, code: str, device_name: str, hall: str) -> EnrolResponse:
        body = EnrolRequest(code=code, device_name=device_name, hall=hall)
        return self._call("POST", f"{API_PREFIX}/enrol", EnrolResponse, body=body.model_dump_json())

    def push(self, events: Sequence[EventIn]) -> PushResponse:
        """Send a batch; the reply has one result per event, in the same order."""
        if not events:
            return PushResponse(results=[])
        if len(events) > MAX_BATCH:
            raise ValueError(f"at most {MAX_BATCH} events per push")
        body = PushRequest(events=list(events)).model_dump_json()
        reply = self._call("POST", f"{API_PREFIX}/events", PushResponse, body=body)
        sent = [event.id for event in events]
        got = [result.id for result in reply.results]
        if got != sent:
            raise ProtocolError(f"回执与上传的事件不一一对应（上传 {len(sent)} 条，回执 {len(got)} 条）", 200)
        odd = sorted({r.status for r in reply.results} - _PUSH_STATUSES)
        if odd:
            raise ProtocolError(f"未知的事件回执状态 {odd}", 200)
        return reply

    def pull(self, feed: Feed, after: str, limit: int) -> FeedPage:
        params = {"after": after, "limit": str(max(1, min(limit, MAX_PAGE)))}
        page = self._call("GET", f"{API_PREFIX}/feeds/{feed.value}", FeedPage, params=params)
        if page.feed != feed:
            raise ProtocolError(f"请求 {feed.value}，回复的是 {page.feed.value}", 200)
        return page

    # ------------------------------------------------------------------ machinery
    def _call(
        self,
        method: str,
        path: str,
        model: type[_M],
        *,
        body: str | None = None,
        params: dict[str, str] | None = None,
    ) -> _M:
        content = body.encode() if body is not None else None
        headers = {"Content-Type": "application/json"} if body is not None else None
        last_status = 0
        last_error = ""
        for attempt in range(1, self.retries + 1):
            if attempt > 1:
                self._sleep(self._backoff.delay(attempt - 2))
            try:
                response = self._http.request(method, path, content=content, headers=headers, params=params)
            except PinRejected as exc:
                log.warning("%s %s: certificate pin mismatch", method, path)
                raise PinMismatch(exc.expected, exc.actual) from None
            except _RETRYABLE as exc:
                last_error, last_status = type(exc).__name__, 0
                log.info("%s %s: %s (try %d/%d)", method, path, last_error, attempt, self.retries)
                continue
            except httpx.HTTPError as exc:
                raise ProtocolError(type(exc).__name__) from None
            status = response.status_code
            log.debug("%s %s -> %d (try %d/%d)", method, path, status, attempt, self.retries)
            if status in (401, 403):
                raise Unauthorized(status)
            if status >= 500:
                last_error, last_status = f"HTTP {status}", status
                log.info("%s %s -> %d (try %d/%d)", method, path, status, attempt, self.retries)
                continue
            if not 200 <= status < 300:
                raise ProtocolError(_detail(response), status)
            try:
                return _parse(response, model)
            except _Truncated:
                last_error, last_status = "truncated body", 0
                log.info("%s %s: truncated body (try %d/%d)", method, path, attempt, self.retries)
                continue
        if last_status:
            raise ServerError(last_status, self.retries)
        raise Offline(self.retries, last_error)


def _parse(response: httpx.Response, model: type[_M]) -> _M:
    text = response.text
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        if _looks_truncated(text, exc):
            raise _Truncated from None
        raise ProtocolError("回复不是 JSON", response.status_code) from None
    except (ValueError, RecursionError):  # a number past int()'s digit limit, nesting too deep
        raise ProtocolError("回复无法解析（数字过长或嵌套过深）", response.status_code) from None
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as exc:
        fields = sorted({".".join(str(p) for p in e["loc"]) or "(根)" for e in exc.errors()})[:5]
        raise ProtocolError(f"回复格式不符：{', '.join(fields)}", response.status_code) from None


def _detail(response: httpx.Response) -> str:
    """A short, safe description of an error reply (the server's ``detail`` text, if plain)."""
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError, RecursionError):  # not JSON, not UTF-8, too long or deep
        return "请求被拒绝"
    if isinstance(detail, str):
        return detail[:200]
    return "请求被拒绝"
