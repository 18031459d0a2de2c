"""CentralClient: retries and error mapping (against scripted replies), the real platform over
HTTP, and certificate pinning over TLS (trustme certificates, a real uvicorn server)."""

from __future__ import annotations

import hashlib
import json
import logging
import random
import ssl
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
import trustme

from sync.client import PROTOCOL_HEADER, CentralClient
from sync.errors import Offline, PinMismatch, ProtocolError, ServerError, Unauthorized
from sync.pinning import PinRejected, fingerprint, normalise_pin, pinned_context
from sync.protocol import EventIn, Feed
from tests.support.central import CentralHandle, running_central

TOKEN = "secret-device-token-0123456789"
CALENDAR_2027 = "日期,类型,说明\n2027-01-01,休息,元旦\n"


def event(n: int, payload: str = '{"a":1}') -> EventIn:
    return EventIn(
        id=f"e{n}",
        kind="CaseAccepted",
        payload=payload,
        created_at="2026-11-26T10:00:00+08:00",
        sent_at="2026-11-26T10:05:00+08:00",
    )


Handler = Callable[[httpx.Request], httpx.Response]


def scripted(*steps: Handler | Exception) -> tuple[CentralClient, list[httpx.Request], list[float]]:
    """A client whose n-th request gets the n-th step (a reply, or an exception raised)."""
    seen: list[httpx.Request] = []
    sleeps: list[float] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        step = steps[min(len(seen), len(steps)) - 1]
        if isinstance(step, Exception):
            raise step
        return step(request)

    client = CentralClient(
        "http://central.test",
        TOKEN,
        sleep=sleeps.append,
        rng=random.Random(1),
        transport=httpx.MockTransport(handle),
    )
    return client, seen, sleeps


def ok_push(request: httpx.Request) -> httpx.Response:
    ids = [e["id"] for e in json.loads(request.content)["events"]]
    return httpx.Response(200, json={"results": [{"id": i, "status": 201, "detail": ""} for i in ids]})


def status(code: int, body: object = None) -> Handler:
    return lambda _r: httpx.Response(code, json=body if body is not None else {"detail": "x"})


def raw(code: int, text: str) -> Handler:
    return lambda _r: httpx.Response(code, text=text)


# ---------------------------------------------------------------------------- retries and errors
def test_headers_and_a_plain_push() -> None:
    client, seen, sleeps = scripted(ok_push)
    with client:
        reply = client.push([event(1), event(2)])
    assert [r.status for r in reply.results] == [201, 201]
    assert seen[0].headers["Authorization"] == f"Bearer {TOKEN}"
    assert seen[0].headers[PROTOCOL_HEADER] == "1"
    assert seen[0].url.path == "/api/v1/events" and sleeps == []


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("refused"),
        httpx.ReadTimeout("slow"),
        httpx.RemoteProtocolError("Server disconnected without sending a response."),
        httpx.ReadError("Connection reset by peer"),
        status(503),
        raw(200, '{"results": [{"id": "e1", "sta'),  # a body cut short
    ],
)
def test_transient_failures_are_retried_with_backoff(failure: Handler | Exception) -> None:
    client, seen, sleeps = scripted(failure, failure, ok_push)
    with client:
        reply = client.push([event(1)])
    assert reply.results[0].status == 201 and len(seen) == 3
    assert len(sleeps) == 2 and 0 <= sleeps[0] <= 0.5 and 0 <= sleeps[1] <= 1.0


def test_offline_after_the_last_try() -> None:
    client, seen, sleeps = scripted(httpx.ConnectError("refused"))
    with client, pytest.raises(Offline) as caught:
        client.pull(Feed.USERS, "", 10)
    assert len(seen) == 5 and len(sleeps) == 4
    assert caught.value.message == "无法连接中心平台（已重试 5 次）"


def test_server_error_after_the_last_try() -> None:
    client, seen, _ = scripted(status(502))
    with client, pytest.raises(ServerError) as caught:
        client.push([event(1)])
    assert len(seen) == 5 and caught.value.status == 502


@pytest.mark.parametrize("code", [401, 403])
def test_unauthorized_at_once(code: int) -> None:
    client, seen, sleeps = scripted(status(code))
    with client, pytest.raises(Unauthorized) as caught:
        client.push([event(1)])
    assert len(seen) == 1 and sleeps == []
    assert caught.value.message == "本机未注册或已被停用，请重新注册设备"


@pytest.mark.parametrize(
    "reply",
    [
        status(422, {"detail": [{"loc": ["body"], "input": {"payload": "私密"}}]}),
        status(404),
        raw(200, "<html>captive portal</html>"),  # not JSON, and not cut short either
        status(200, {"results": [{"id": "e1", "status": 201}, {"id": "e9", "status": 201}]}),  # not 1:1
        status(200, {"results": [{"id": "e2", "status": 201}, {"id": "e1", "status": 201}]}),  # order
        status(200, {"results": [{"id": "e1", "status": 500}, {"id": "e2", "status": 201}]}),
        status(200, {"results": "nope"}),
    ],
)
def test_unexpected_replies_are_protocol_errors_and_not_retried(reply: Handler) -> None:
    client, seen, _ = scripted(reply)
    with client, pytest.raises(ProtocolError) as caught:
        client.push([event(1), event(2)])
    assert len(seen) == 1
    assert "私密" not in caught.value.message  # a 422's echo of the input never reaches the message


def test_a_page_of_another_feed_is_refused() -> None:
    client, _, _ = scripted(status(200, {"feed": "users", "items": [], "cursor": "", "more": False}))
    with client, pytest.raises(ProtocolError):
        client.pull(Feed.CALENDAR, "", 10)


def test_logs_never_carry_the_token_or_payload(caplog: pytest.LogCaptureFixture) -> None:
    client, _, _ = scripted(httpx.ConnectError("refused"), status(500), ok_push)
    caplog.set_level(logging.DEBUG)
    with client:
        client.push([event(1, payload='{"name":"张三"}')])
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "/api/v1/events" in text and TOKEN not in text and "张三" not in text


def test_construction_checks() -> None:
    with pytest.raises(ValueError):
        CentralClient("ftp://x")
    with pytest.raises(ValueError):
        CentralClient("http://x", pin="ab" * 32)  # a pin needs TLS
    with pytest.raises(ValueError):
        CentralClient("https://x", pin="not-a-fingerprint")


def test_pins_are_read_in_openssl_notation() -> None:
    digest = hashlib.sha256(b"cert").hexdigest()
    colons = ":".join(digest[i : i + 2] for i in range(0, 64, 2)).upper()
    assert normalise_pin(colons) == digest
    assert normalise_pin(f"sha256 Fingerprint={colons}\n") == digest
    assert fingerprint(b"cert") == digest


# ---------------------------------------------------------------------------- the real platform
def enrol(central: CentralHandle, **kw: object) -> str:
    base = central.base_url
    with CentralClient(base, **kw) as client:  # type: ignore[arg-type]
        assert client.info().protocol == 1
        reply = client.enrol(central.enrol_code(), "一号窗口", "榆次大厅")
    assert reply.hall == "榆次大厅"
    return reply.token


def test_enrol_push_and_pull_over_http(tmp_path: Path) -> None:
    with running_central(tmp_path) as central:
        token = enrol(central)
        published = central.admin_post("/api/v1/admin/calendars", {"year": 2027, "text": CALENDAR_2027})
        assert published.status_code == 200, published.text
        with CentralClient(central.base_url, token) as client:
            assert [r.status for r in client.push([event(1), event(2)]).results] == [201, 201]
            assert [r.status for r in client.push([event(1), event(3)]).results] == [200, 201]
            assert client.push([event(2, payload='{"a":2}')]).results[0].status == 409
            page = client.pull(Feed.CALENDAR, "", 10)
            assert [i.key for i in page.items] == ["2027"] and not page.more
            assert client.pull(Feed.CALENDAR, page.cursor, 10).items == []
        assert central.stats()["events"] == 3
        with CentralClient(central.base_url, "wrong-token") as client, pytest.raises(Unauthorized):
            client.push([event(4)])
        with CentralClient(central.base_url) as client, pytest.raises(Unauthorized):
            client.enrol("000000-used", "x", "")


def test_offline_when_nothing_listens() -> None:
    sleeps: list[float] = []
    client = CentralClient("http://127.0.0.1:9", "t", sleep=sleeps.append, retries=3)
    with client, pytest.raises(Offline):
        client.pull(Feed.USERS, "", 1)
    assert len(sleeps) == 2


# ---------------------------------------------------------------------------- TLS and pinning
@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def tls_central(tmp_path: Path, ca: trustme.CA) -> Iterator[tuple[CentralHandle, str, str]]:
    """A platform over HTTPS with a certificate for 127.0.0.1: (handle, its pin, the CA file)."""
    cert = ca.issue_cert("127.0.0.1")
    certfile, keyfile, cafile = tmp_path / "cert.pem", tmp_path / "key.pem", tmp_path / "ca.pem"
    cert.private_key_and_cert_chain_pem.write_to_path(str(certfile))
    cert.private_key_pem.write_to_path(str(keyfile))
    ca.cert_pem.write_to_path(str(cafile))
    pin = fingerprint(ssl.PEM_cert_to_DER_cert(cert.cert_chain_pems[0].bytes().decode()))
    with running_central(tmp_path, certfile=str(certfile), keyfile=str(keyfile), cafile=str(cafile)) as h:
        yield h, pin, str(cafile)


def test_the_right_pin_connects(tls_central: tuple[CentralHandle, str, str]) -> None:
    central, pin, _ = tls_central
    upper = ":".join(pin[i : i + 2] for i in range(0, 64, 2)).upper()
    token = enrol(central, pin=upper)  # no CA needed: the pin is the trust anchor
    with CentralClient(central.base_url, token, pin=pin) as client:
        for n in range(3):  # several requests: new and reused connections
            assert client.push([event(n)]).results[0].status == 201
    assert central.stats()["events"] == 3


def test_without_a_pin_the_certificate_is_verified(tls_central: tuple[CentralHandle, str, str]) -> None:
    central, _, cafile = tls_central
    with CentralClient(central.base_url, verify=cafile) as client:
        assert client.info().protocol == 1
    sleeps: list[float] = []
    client = CentralClient(central.base_url, sleep=sleeps.append, retries=2)
    with client, pytest.raises(Offline):  # an unknown CA: refused like an unreachable server
        client.info()


class _Kept(logging.Handler):
    """Keeps the central platform's access-log records (attached to its logger directly, so it
    does not depend on how earlier tests left propagation or levels)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_a_wrong_pin_refuses_before_the_request_is_sent(tls_central: tuple[CentralHandle, str, str]) -> None:
    central, pin, _ = tls_central
    code = central.enrol_code()
    wrong = hashlib.sha256(b"another certificate").hexdigest()
    access_log = logging.getLogger("onewindow.central")
    kept, level = _Kept(), access_log.level
    access_log.addHandler(kept)
    access_log.setLevel(logging.INFO)
    try:
        sleeps: list[float] = []
        with CentralClient(central.base_url, TOKEN, pin=wrong, sleep=sleeps.append) as client:
            with pytest.raises(PinMismatch) as caught:
                client.push([event(1)])
            with pytest.raises(PinMismatch):
                client.enrol(code, "一号窗口", "榆次大厅")
        assert caught.value.expected == wrong and caught.value.actual == pin
        assert caught.value.message == "中心平台证书与登记的指纹不符，已拒绝连接"
        assert sleeps == []  # not retried
        # The server never received a request: its access log is silent, nothing is stored, and
        # the enrolment code is still unused.
        assert kept.records == []
        assert central.stats()["events"] == 0
        with CentralClient(central.base_url, pin=pin) as client:
            assert client.enrol(code, "一号窗口", "榆次大厅").hall == "榆次大厅"
        # …whereas a request that does arrive is logged (the check above can see one).
        assert any("/api/v1/enrol" in r.getMessage() for r in kept.records)
    finally:
        access_log.removeHandler(kept)
        access_log.setLevel(level)


def _bio_handshake(client_ctx: ssl.SSLContext, server_ctx: ssl.SSLContext) -> None:
    """A TLS handshake over memory BIOs (the ``wrap_bio`` path asyncio and HTTPS proxies use)."""
    c_in, c_out, s_in, s_out = ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO()
    client = client_ctx.wrap_bio(c_in, c_out, server_hostname="127.0.0.1")
    server = server_ctx.wrap_bio(s_in, s_out, server_side=True)
    done = {"client": False, "server": False}
    for _ in range(10):
        for name, end in (("client", client), ("server", server)):
            if not done[name]:
                try:
                    end.do_handshake()
                    done[name] = True
                except ssl.SSLWantReadError:
                    pass
        s_in.write(c_out.read())
        c_in.write(s_out.read())
        if all(done.values()):
            return
    raise AssertionError("handshake did not finish")


def test_the_pin_holds_on_memory_bio_handshakes_too(ca: trustme.CA) -> None:
    cert = ca.issue_cert("127.0.0.1")
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    cert.configure_cert(server_ctx)
    pin = fingerprint(ssl.PEM_cert_to_DER_cert(cert.cert_chain_pems[0].bytes().decode()))
    _bio_handshake(pinned_context(pin), server_ctx)
    with pytest.raises(PinRejected):
        _bio_handshake(pinned_context("0" * 64), server_ctx)
