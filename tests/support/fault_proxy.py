"""A real TCP proxy for HTTP/1.1 on 127.0.0.1 that misbehaves on purpose, for sync reliability tests.

    with FaultProxy(("127.0.0.1", central_port), seed=7) as proxy:
        proxy.set_faults({Fault.PASS: 6, Fault.RESET: 1, Fault.DUPLICATE: 1})
        client = CentralClient(proxy.url, token)

It reads each request from the client (head + ``Content-Length`` body), draws a fault for it from
a seeded ``random.Random`` (or takes the next one from ``script``), and then:

- ``PASS``      forwards it and relays the reply;
- ``DROP``      closes the client's connection without forwarding anything;
- ``DELAY``     waits (a random time in ``delay``) and then passes — past the client's timeout, the
                server still gets the request after the client gave up;
- ``RESET``     forwards, then sends the first N bytes of the reply and resets the connection (RST,
                ``SO_LINGER`` 0);
- ``TRUNCATE``  the same with an orderly close (FIN) instead of a reset;
- ``DUPLICATE`` sends the same request bytes to the server twice, on two connections at once, and
                returns one of the two replies;
- ``CLOSE_AFTER_REQUEST`` forwards, waits for the whole reply (the server has processed it), and
                closes the client's connection without sending any of it.

Every request gets its own upstream connection. ``stop()`` closes every socket and joins every
thread (the test suite fails a test that leaks one).
"""

from __future__ import annotations

import contextlib
import random
import socket
import struct
import threading
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from types import TracebackType
from typing import Self


class Fault(Enum):
    PASS = "pass"
    DROP = "drop"
    DELAY = "delay"
    RESET = "reset"
    TRUNCATE = "truncate"
    DUPLICATE = "duplicate"
    CLOSE_AFTER_REQUEST = "close_after_request"


NO_FAULTS: Mapping[Fault, float] = {Fault.PASS: 1.0}


class _Closed(Exception):
    """The peer closed (or the proxy is stopping) in the middle of a message."""


@dataclass
class _Message:
    head: bytes
    body: bytes
    close: bool  # "Connection: close" or a body delimited by the end of the connection

    @property
    def data(self) -> bytes:
        return self.head + self.body


class _Reader:
    """Buffered reads of HTTP/1.1 messages from a socket."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buf = b""

    def _fill(self) -> bool:
        try:
            data = self.sock.recv(65536)
        except OSError:
            return False
        self.buf += data
        return bool(data)

    def _head(self) -> bytes | None:
        while b"\r\n\r\n" not in self.buf:
            if not self._fill():
                if self.buf:
                    raise _Closed
                return None
        end = self.buf.index(b"\r\n\r\n") + 4
        head, self.buf = self.buf[:end], self.buf[end:]
        return head

    def _exact(self, n: int) -> bytes:
        while len(self.buf) < n:
            if not self._fill():
                raise _Closed
        data, self.buf = self.buf[:n], self.buf[n:]
        return data

    def _line(self) -> bytes:
        while b"\r\n" not in self.buf:
            if not self._fill():
                raise _Closed
        end = self.buf.index(b"\r\n") + 2
        line, self.buf = self.buf[:end], self.buf[end:]
        return line

    def _chunked(self) -> bytes:
        out = b""
        while True:
            line = self._line()
            out += line
            size = int(line.split(b";")[0].strip(), 16)
            if size == 0:
                while True:  # trailers, then the empty line
                    trailer = self._line()
                    out += trailer
                    if trailer == b"\r\n":
                        return out
            out += self._exact(size + 2)

    def _to_eof(self) -> bytes:
        while self._fill():
            pass
        data, self.buf = self.buf, b""
        return data

    def message(self, *, request: bool, method: bytes = b"") -> _Message | None:
        head = self._head()
        if head is None:
            return None
        lines = head.split(b"\r\n")
        headers = {}
        for line in lines[1:]:
            if b":" in line:
                name, _, value = line.partition(b":")
                headers[name.strip().lower()] = value.strip().lower()
        close = headers.get(b"connection") == b"close"
        if b"content-length" in headers:
            return _Message(head, self._exact(int(headers[b"content-length"])), close)
        if headers.get(b"transfer-encoding") == b"chunked":
            return _Message(head, self._chunked(), close)
        if request:
            return _Message(head, b"", close)
        status = int(lines[0].split(b" ")[1])
        if method == b"HEAD" or status in (204, 304) or 100 <= status < 200:
            return _Message(head, b"", close)
        return _Message(head, self._to_eof(), True)


class FaultProxy:
    def __init__(
        self,
        upstream: tuple[str, int],
        *,
        seed: int = 0,
        faults: Mapping[Fault, float] = NO_FAULTS,
        delay: tuple[float, float] = (0.05, 0.3),
        script: Iterable[Fault] = (),
    ) -> None:
        self.upstream = upstream
        self.rng = random.Random(seed)
        self.delay = delay
        self.counts: Counter[Fault] = Counter()
        self.forwarded = 0  # requests the server was sent (a duplicate counts twice)
        self._faults: Mapping[Fault, float] = dict(faults)
        self._script = list(script)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._sockets: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self.port: int = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._acceptor = threading.Thread(target=self._accept, name=f"fault-proxy-{self.port}")
        self._acceptor.start()

    # ------------------------------------------------------------------ control
    def set_faults(self, faults: Mapping[Fault, float], delay: tuple[float, float] | None = None) -> None:
        """Relative weights of the faults drawn for the following requests."""
        if not faults or min(faults.values()) < 0 or sum(faults.values()) <= 0:
            raise ValueError("fault weights must be non-negative with a positive sum")
        with self._lock:
            self._faults = dict(faults)
            if delay is not None:
                self.delay = delay

    def reseed(self, seed: int) -> None:
        """Start the random draws afresh from ``seed``."""
        with self._lock:
            self.rng.seed(seed)

    def script(self, faults: Iterable[Fault]) -> None:
        """These faults, in order, for the next requests (before the random draw resumes)."""
        with self._lock:
            self._script.extend(faults)

    def _draw(self) -> tuple[Fault, float, float, int]:
        with self._lock:
            if self._script:
                fault = self._script.pop(0)
            else:
                kinds = list(self._faults)
                fault = self.rng.choices(kinds, weights=[self._faults[k] for k in kinds])[0]
            self.counts[fault] += 1
            # Draw every number every time, so the sequence depends only on the seed and the faults.
            return fault, self.rng.uniform(*self.delay), self.rng.random(), self.rng.getrandbits(1)

    # ------------------------------------------------------------------ lifecycle
    def stop(self) -> None:
        self._stop.set()
        self._acceptor.join(timeout=5)
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        for thread in list(self._threads):
            thread.join(timeout=10)
        self._listener.close()
        alive = [t for t in [self._acceptor, *self._threads] if t.is_alive()]
        if alive:  # pragma: no cover - a bug in the proxy
            raise RuntimeError(f"fault proxy threads did not stop: {alive}")

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # ------------------------------------------------------------------ sockets
    def _track(self, sock: socket.socket) -> socket.socket:
        with self._lock:
            self._sockets.add(sock)
        return sock

    def _close(self, sock: socket.socket, *, reset: bool = False) -> None:
        with self._lock:
            self._sockets.discard(sock)
        try:
            if reset:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            else:
                sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        sock.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(None)
            self._track(conn)
            thread = threading.Thread(target=self._serve, args=(conn,), name=f"fault-proxy-conn-{self.port}")
            with self._lock:
                self._threads = [t for t in self._threads if t.is_alive()]
                self._threads.append(thread)
            thread.start()

    def _exchange(self, request: bytes, copies: int = 1) -> list[_Message]:
        """Send the request to the server on ``copies`` connections at once; their replies."""
        socks = [self._track(socket.create_connection(self.upstream, timeout=60)) for _ in range(copies)]
        try:
            for sock in socks:
                sock.sendall(request)
                with self._lock:
                    self.forwarded += 1
            method = request.split(b" ", 1)[0]
            replies = []
            for sock in socks:
                reply = _Reader(sock).message(request=False, method=method)
                if reply is None:
                    raise _Closed
                replies.append(reply)
            return replies
        finally:
            for sock in socks:
                self._close(sock)

    def _serve(self, client: socket.socket) -> None:
        reader = _Reader(client)
        reset = False
        try:
            while not self._stop.is_set():
                request = reader.message(request=True)
                if request is None:
                    return
                fault, delay, fraction, pick = self._draw()
                if fault is Fault.DROP:
                    return
                if fault is Fault.DELAY and self._stop.wait(delay):
                    return
                copies = 2 if fault is Fault.DUPLICATE else 1
                replies = self._exchange(request.data, copies)
                reply = replies[pick % len(replies)]
                if fault is Fault.CLOSE_AFTER_REQUEST:
                    return
                data = reply.data
                if fault in (Fault.RESET, Fault.TRUNCATE):
                    cut = 1 + int(fraction * (len(data) - 1))  # 1 ≤ cut < len(data)
                    client.sendall(data[:cut])
                    reset = fault is Fault.RESET
                    return
                client.sendall(data)
                if reply.close or request.close:
                    return
        except (_Closed, OSError, ValueError, IndexError):
            return
        finally:
            self._close(client, reset=reset)
