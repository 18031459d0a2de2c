"""ECDSA P-256 signing keys of a print station, in owner-only files outside the database."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from desktop.domain.errors import DomainError

_CURVE_BYTES = 32


def key_id_of(public_key: ec.EllipticCurvePublicKey) -> str:
    der = public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).hexdigest()[:8].upper()


def _public_pem(public_key: ec.EllipticCurvePublicKey) -> str:
    return public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


class FileKeyStore:
    """``<folder>/<key_id>.pem`` (PKCS#8, mode 0600) in a folder only the owner may enter."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key_id: str) -> Path:
        if not key_id.isalnum():
            raise DomainError(f"密钥编号“{key_id}”无效")
        return self.folder / f"{key_id}.pem"

    def create(self) -> tuple[str, str]:
        self.folder.mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder, stat.S_IRWXU)
        private = ec.generate_private_key(ec.SECP256R1())
        key_id = key_id_of(private.public_key())
        pem = private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        fd = os.open(self._path(key_id), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(pem)
        return key_id, _public_pem(private.public_key())

    def has(self, key_id: str) -> bool:
        return self._path(key_id).exists()

    def _private(self, key_id: str) -> ec.EllipticCurvePrivateKey:
        path = self._path(key_id)
        if not path.exists():
            raise DomainError(f"本机没有编号为 {key_id} 的签名密钥（{self.folder}）")
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise DomainError(f"密钥文件 {path} 不是 ECDSA 私钥")
        return key

    def public_pem(self, key_id: str) -> str:
        return _public_pem(self._private(key_id).public_key())

    def sign(self, key_id: str, message: bytes) -> bytes:
        der = self._private(key_id).sign(message, ec.ECDSA(hashes.SHA256()))
        r, s = decode_dss_signature(der)
        return r.to_bytes(_CURVE_BYTES, "big") + s.to_bytes(_CURVE_BYTES, "big")


class EcdsaChecker:
    def key_id(self, public_key_pem: str) -> str:
        return public_key_id(public_key_pem)

    def verify(self, public_key_pem: str, message: bytes, signature: bytes) -> bool:
        if len(signature) != 2 * _CURVE_BYTES:
            return False
        try:
            key = serialization.load_pem_public_key(public_key_pem.encode("ascii"))
        except ValueError:
            return False
        if not isinstance(key, ec.EllipticCurvePublicKey):
            return False
        r = int.from_bytes(signature[:_CURVE_BYTES], "big")
        s = int.from_bytes(signature[_CURVE_BYTES:], "big")
        try:
            key.verify(encode_dss_signature(r, s), message, ec.ECDSA(hashes.SHA256()))
        except InvalidSignature:
            return False
        return True


def public_key_id(public_key_pem: str) -> str:
    """The key id of a PEM public key (to register another station's key)."""
    try:
        key = serialization.load_pem_public_key(public_key_pem.encode("ascii"))
    except ValueError:
        raise DomainError("公钥格式不正确（应为 PEM 格式的 ECDSA P-256 公钥）") from None
    if not isinstance(key, ec.EllipticCurvePublicKey) or not isinstance(key.curve, ec.SECP256R1):
        raise DomainError("只接受 ECDSA P-256 公钥")
    return key_id_of(key)
