"""The fault proxy does what the reliability tests rely on: each fault reaches the client and the
server as described (the server side counted by a tiny stdlib HTTP server)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from tests.support.fault_proxy import Fault, FaultProxy


class Upstream(ThreadingHTTPServer):
    daemon_threads = False
    block_on_close = True
    hits = 0
    lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Upstream

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        with self.server.lock:
            self.server.hits += 1
            n = self.server.hits
        reply = b'{"n": %d, "echo": "%s", "pad": "%s"}' % (n, body, b"x" * 2000)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def upstream() -> Iterator[Upstream]:
    server = Upstream(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def proxy_for(server: Upstream, **kw: object) -> FaultProxy:
    return FaultProxy(("127.0.0.1", server.server_address[1]), **kw)  # type: ignore[arg-type]


def test_pass_relays_requests_on_a_kept_alive_connection(upstream: Upstream) -> None:
    with proxy_for(upstream) as proxy, httpx.Client(base_url=proxy.url) as client:
        replies = [client.post("/x", content=f"r{n}".encode()).json() for n in range(3)]
    assert [r["echo"] for r in replies] == ["r0", "r1", "r2"]
    assert upstream.hits == 3 and proxy.forwarded == 3 and proxy.counts[Fault.PASS] == 3


@pytest.mark.parametrize(
    ("fault", "error", "hits"),
    [
        (Fault.DROP, httpx.RemoteProtocolError, 0),  # the server never sees it
        (Fault.RESET, (httpx.ReadError, httpx.RemoteProtocolError), 1),
        (Fault.TRUNCATE, httpx.RemoteProtocolError, 1),
        (Fault.CLOSE_AFTER_REQUEST, httpx.RemoteProtocolError, 1),  # processed, the client never knows
    ],
)
def test_faults_that_break_the_reply(
    upstream: Upstream, fault: Fault, error: type[Exception] | tuple[type[Exception], ...], hits: int
) -> None:
    with proxy_for(upstream, script=[fault]) as proxy, httpx.Client(base_url=proxy.url) as client:
        with pytest.raises(error):
            client.post("/x", content=b"a")
        assert upstream.hits == hits
        assert client.post("/x", content=b"b").json()["echo"] == "b"  # the next one passes
    assert proxy.counts[fault] == 1


def test_duplicate_reaches_the_server_twice_and_the_client_once(upstream: Upstream) -> None:
    with proxy_for(upstream, script=[Fault.DUPLICATE]) as proxy, httpx.Client(base_url=proxy.url) as c:
        reply = c.post("/x", content=b"twice").json()
    assert reply["echo"] == "twice" and reply["n"] in (1, 2)
    assert upstream.hits == 2 and proxy.forwarded == 2


def test_delay_past_the_timeout_still_reaches_the_server(upstream: Upstream) -> None:
    proxy = proxy_for(upstream, script=[Fault.DELAY], delay=(0.4, 0.4))
    with proxy, httpx.Client(base_url=proxy.url, timeout=0.1) as client:
        started = time.monotonic()
        with pytest.raises(httpx.ReadTimeout):
            client.post("/x", content=b"late")
        deadline = time.monotonic() + 5
        while upstream.hits == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
    assert upstream.hits == 1 and time.monotonic() - started >= 0.4


def test_the_same_seed_draws_the_same_faults(upstream: Upstream) -> None:
    weights = {Fault.PASS: 1.0, Fault.DUPLICATE: 1.0, Fault.DELAY: 1.0}

    def run(seed: int) -> list[int]:
        with proxy_for(upstream, seed=seed, faults=weights, delay=(0, 0.01)) as proxy:
            with httpx.Client(base_url=proxy.url) as client:
                for _ in range(12):
                    client.post("/x", content=b"s")
            return [proxy.counts[f] for f in Fault]

    assert run(3) == run(3)


def test_stop_with_connections_open_leaks_nothing(upstream: Upstream) -> None:
    proxy = proxy_for(upstream)
    client = httpx.Client(base_url=proxy.url)
    client.post("/x", content=b"keep-alive")  # the connection stays in the client's pool
    proxy.stop()  # the autouse fixture fails the test if a proxy thread survives
    client.close()
    with pytest.raises(ValueError):
        proxy.set_faults({Fault.PASS: 0})
