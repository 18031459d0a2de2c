"""Signing keys of print stations and the trust list that verification checks against.

A station's private key stays in an owner-only file outside the database; its public key is
registered on the trust list under the issuing authority. The trust list holds several keys at
once: after a rotation the retired key still verifies the licences it signed.
"""

from __future__ import annotations

from dataclasses import replace

from desktop.domain.errors import DomainError, EnvironmentProblem, NotFound
from desktop.domain.permits import TrustedKey
from desktop.domain.users import Actor, Permission
from desktop.ports import KeyStore, SignatureChecker, UnitOfWork
from desktop.services import settings
from desktop.services.base import Change, Services, emit, run_command


def _keystore(services: Services) -> KeyStore:
    if services.keys is None:
        raise EnvironmentProblem("本机未配置签名密钥目录")
    return services.keys


def _checker(services: Services) -> SignatureChecker:
    if services.signatures is None:
        raise EnvironmentProblem("本机未配置签名校验组件")
    return services.signatures


def current_key_id(uow: UnitOfWork) -> str | None:
    return uow.settings.get(settings.SIGNING_KEY)


def _registered(services: Services, uow: UnitOfWork, key: TrustedKey) -> None:
    """Tell the central platform, which publishes the key on every counter's trust list."""
    emit(
        services,
        uow,
        "StationKeyRegistered",
        {
            "key_id": key.key_id,
            "public_key_pem": key.public_key_pem,
            "authority": key.authority,
            "station": key.station,
        },
    )


def create_station_key(services: Services, actor: Actor, station: str = "") -> TrustedKey:
    """Make this station's signing key, register it under the authority, and sign with it from now.

    When the station already had a key this is a rotation: the old key is retired (it keeps
    verifying what it signed) and the new one signs from now on.
    """
    store = _keystore(services)

    def body(uow: UnitOfWork, change: Change) -> TrustedKey:
        key_id, pem = store.create()
        authority = settings.get(uow, "authority")
        previous = current_key_id(uow)
        if previous and (old := uow.trust_list.get(previous)) is not None and old.status == "active":
            uow.trust_list.put(replace(old, status="retired"))
        key = TrustedKey(
            key_id, pem, authority, station or f"窗口 {services.window_number}", services.clock.now()
        )
        uow.trust_list.put(key)
        uow.settings.put(settings.SIGNING_KEY, key_id)
        _registered(services, uow, key)
        change.target = key_id
        change.detail = {"authority": authority, "station": key.station, "retired": previous}
        return key

    return run_command(services, actor, "keys.create", Permission.MANAGE_KEYS, body)


def register_key(
    services: Services, actor: Actor, public_key_pem: str, authority: str, station: str = ""
) -> TrustedKey:
    """Put another station's public key on the trust list."""
    key_id = _checker(services).key_id(public_key_pem)
    if not authority.strip():
        raise DomainError("请填写该密钥所属的发证机关")

    def body(uow: UnitOfWork, change: Change) -> TrustedKey:
        key = TrustedKey(
            key_id, public_key_pem.strip() + "\n", authority.strip(), station, services.clock.now()
        )
        uow.trust_list.put(key)
        _registered(services, uow, key)
        change.detail = {"authority": key.authority, "station": station}
        return key

    return run_command(services, actor, "keys.register", Permission.MANAGE_KEYS, body, target=key_id)


def revoke_key(services: Services, actor: Actor, key_id: str, reason: str) -> None:
    """A revoked key verifies nothing any more (e.g. a stolen station PC)."""
    if not reason.strip():
        raise DomainError("吊销密钥必须填写理由")

    def body(uow: UnitOfWork, change: Change) -> None:
        key = uow.trust_list.get(key_id)
        if key is None:
            raise NotFound(f"信任列表中没有密钥 {key_id}")
        uow.trust_list.put(replace(key, status="revoked"))
        emit(services, uow, "StationKeyRevoked", {"key_id": key_id, "reason": reason.strip()})
        change.detail = {"reason": reason}

    run_command(services, actor, "keys.revoke", Permission.MANAGE_KEYS, body, target=key_id)


def trust_list(services: Services) -> list[TrustedKey]:
    with services.uow() as uow:
        return uow.trust_list.all()
