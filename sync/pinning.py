"""Certificate pinning: trust a hall server by the SHA-256 fingerprint of its leaf certificate.

A hall's central platform usually runs on a LAN address with a self-signed certificate, so the
fingerprint recorded at enrolment (``onewindow device enrol --pin``) *is* the trust anchor: with a
pin, CA and host-name verification are switched off and the pin alone decides. Without a pin the
client verifies the certificate normally (CA bundle, host name).

The check runs inside the TLS handshake, before the socket is handed to the HTTP layer: the
context's socket and object classes (``ssl.SSLContext.sslsocket_class`` / ``sslobject_class``,
public standard-library API, so it holds whatever the HTTP library does with the context) compare
the fingerprint right after ``do_handshake`` and close the socket on a mismatch, so no request
byte — and so never the device token — goes to a server with another certificate. Every new connection
is checked (there is no session reuse across connections that would skip it: the check looks at the
certificate the peer presented on this very socket).
"""

from __future__ import annotations

import hashlib
import re
import ssl

_HEX64 = re.compile(r"[0-9a-f]{64}")


class PinRejected(Exception):
    """Raised by the handshake of a pinned socket; deliberately not an OSError, so the HTTP layer
    passes it through unchanged instead of treating it as a (retryable) connection error."""

    def __init__(self, expected: str, actual: str) -> None:
        super().__init__("certificate fingerprint does not match the pin")
        self.expected = expected
        self.actual = actual


def normalise_pin(pin: str) -> str:
    """Lowercase hex without separators; accepts ``openssl x509 -fingerprint -sha256`` output
    (``AB:CD:…``, optionally with the ``sha256 Fingerprint=`` prefix)."""
    text = pin.strip()
    if "=" in text:
        text = text.split("=", 1)[1]
    text = re.sub(r"[\s:]", "", text).lower()
    if not _HEX64.fullmatch(text):
        raise ValueError("证书指纹应为 64 位十六进制 SHA-256（可带冒号）")
    return text


def fingerprint(der: bytes) -> str:
    """The pin of a DER-encoded certificate."""
    return hashlib.sha256(der).hexdigest()


def _check(context: ssl.SSLContext, der: bytes | None) -> None:
    expected: str = getattr(context, "onewindow_pin", "")
    actual = fingerprint(der) if der else ""
    if not expected or actual != expected:
        raise PinRejected(expected, actual)


class _PinnedSocket(ssl.SSLSocket):
    """What ``wrap_socket`` returns (the synchronous HTTP stack)."""

    def do_handshake(self, block: bool = False) -> None:
        super().do_handshake(block)
        try:
            _check(self.context, self.getpeercert(binary_form=True))
        except PinRejected:
            self.close()
            raise


class _PinnedObject(ssl.SSLObject):
    """What ``wrap_bio`` returns (asyncio, TLS through an HTTPS proxy): checked the same way."""

    def do_handshake(self) -> None:
        super().do_handshake()
        _check(self.context, self.getpeercert(binary_form=True))


def pinned_context(pin: str) -> ssl.SSLContext:
    """A client TLS context (TLS 1.2+) that accepts exactly the certificate with this fingerprint."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE  # the pin replaces CA verification (see the module docstring)
    ctx.onewindow_pin = normalise_pin(pin)  # type: ignore[attr-defined]
    ctx.sslsocket_class = _PinnedSocket
    ctx.sslobject_class = _PinnedObject
    return ctx
