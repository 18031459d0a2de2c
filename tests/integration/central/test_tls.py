"""The central platform over HTTPS (certificate from a throwaway CA)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
import trustme

from tests.support.central import running_central


def test_https_with_a_trusted_certificate(tmp_path: Path) -> None:
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    certfile, keyfile, cafile = tmp_path / "cert.pem", tmp_path / "key.pem", tmp_path / "ca.pem"
    cert.cert_chain_pems[0].write_to_path(str(certfile))
    for blob in cert.cert_chain_pems[1:]:
        blob.write_to_path(str(certfile), append=True)
    cert.private_key_pem.write_to_path(str(keyfile))
    ca.cert_pem.write_to_path(str(cafile))
    with running_central(
        tmp_path, certfile=str(certfile), keyfile=str(keyfile), cafile=str(cafile)
    ) as central:
        assert central.base_url.startswith("https://127.0.0.1:")
        with central.client() as client:
            assert client.get("/api/v1/info").json()["protocol"] == 1
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"{central.base_url}/api/v1/info")  # not trusted without the CA
