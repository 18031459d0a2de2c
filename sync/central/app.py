"""The reference central platform: a FastAPI app over its own database (see sync/PROTOCOL.md)."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Annotated, Any

from argon2 import PasswordHasher
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from desktop.domain.identifiers import check_uscc
from desktop.domain.users import Role
from sync.central import pages
from sync.central.schemas import (
    CalendarIn,
    CatalogVersionIn,
    DeviceList,
    DeviceOut,
    EnrolCodeOut,
    ErrorOut,
    FeedbackIn,
    IdOut,
    LinkageFeedOut,
    LinkageItemOut,
    LinkageOfficerIn,
    OnlineApplicationIn,
    Published,
    StatusIn,
    TokenOut,
    TrustListIn,
    UserIn,
)
from sync.central.storage import (
    ENROL_CODE_DAYS,
    CentralStore,
    Device,
    IncomingEvent,
    Officer,
    StorageError,
    utcnow,
)
from sync.central.validation import RejectedTable, calendar_item, catalog_item
from sync.protocol import (
    API_PREFIX,
    MAX_PAGE,
    EnrolRequest,
    EnrolResponse,
    EventResult,
    Feed,
    FeedItem,
    FeedPage,
    PushRequest,
    PushResponse,
    ServerInfo,
)

log = logging.getLogger("onewindow.central")

ASGIScope = MutableMapping[str, Any]
ASGIMessage = MutableMapping[str, Any]
ASGIReceive = Callable[[], Awaitable[ASGIMessage]]
ASGISend = Callable[[ASGIMessage], Awaitable[None]]
ASGIApp = Callable[[ASGIScope, ASGIReceive, ASGISend], Awaitable[None]]

_bearer = HTTPBearer(auto_error=False, description="device, admin or linkage-officer token")
_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "未提供令牌或设备已吊销"},
    403: {"model": ErrorOut, "description": "令牌无权访问"},
}


def _password_hasher() -> PasswordHasher:
    if os.environ.get("ONEWINDOW_FAST_HASH") == "1":  # test suites only, as the counter does
        return PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    return PasswordHasher()


class AccessLog:
    """Log method, route template (never the concrete path), status and duration: no tokens or
    personal data reach the log."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: ASGIScope, receive: ASGIReceive, send: ASGISend) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_wrapper(message: ASGIMessage) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or "(no route)"
            log.info(
                "%s %s %d %.1fms",
                scope.get("method", "?"),
                template,
                status,
                (time.perf_counter() - started) * 1000,
            )


def _token(credentials: HTTPAuthorizationCredentials | None) -> str:
    if credentials is None or not credentials.credentials:
        raise HTTPException(
            401, "缺少访问令牌（Authorization: Bearer …）", headers={"WWW-Authenticate": "Bearer"}
        )
    return credentials.credentials


def _store(request: Request) -> CentralStore:
    store: CentralStore = request.app.state.store
    return store


Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
StoreDep = Annotated[CentralStore, Depends(_store)]


def device_auth(credentials: Credentials, store: StoreDep) -> Device:
    device = store.device_for(_token(credentials))
    if device is None:
        raise HTTPException(401, "设备未授权：令牌无效或设备已被吊销", headers={"WWW-Authenticate": "Bearer"})
    return device


def admin_auth(credentials: Credentials, store: StoreDep) -> None:
    if not store.is_admin(_token(credentials)):
        raise HTTPException(403, "管理令牌无效")


def officer_auth(credentials: Credentials, store: StoreDep) -> Officer:
    officer = store.officer_for(_token(credentials))
    if officer is None:
        raise HTTPException(403, "联动人员令牌无效")
    return officer


DeviceDep = Annotated[Device, Depends(device_auth)]
OfficerDep = Annotated[Officer, Depends(officer_auth)]


def create_app(db_url: str) -> FastAPI:
    """The central platform over the database at ``db_url`` (tables are created if missing)."""
    store = CentralStore(db_url)
    try:
        store.create_schema()
    except Exception:
        store.dispose()
        raise
    hasher = _password_hasher()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            store.dispose()

    app = FastAPI(
        title="OneWindow central platform",
        version="1",
        description="一窗通中心平台（参考实现）：设备注册、事件推送、参考数据分发、审管联动、公开查验。",
        lifespan=lifespan,
    )
    app.state.store = store
    app.add_middleware(AccessLog)

    @app.exception_handler(RejectedTable)
    async def _rejected_table(_request: Request, exc: RejectedTable) -> JSONResponse:
        errors = [{"row": e.row, "message": e.message} for e in exc.errors]
        return JSONResponse({"detail": exc.detail, "errors": errors}, status_code=422)

    @app.exception_handler(StorageError)
    async def _storage_error(_request: Request, exc: StorageError) -> JSONResponse:
        return JSONResponse({"detail": exc.message}, status_code=exc.status)

    api = APIRouter(prefix=API_PREFIX)
    admin = APIRouter(prefix=f"{API_PREFIX}/admin", dependencies=[Depends(admin_auth)], responses=_ERRORS)

    # ------------------------------------------------------------ counter-facing
    @api.get("/info", response_model=ServerInfo)
    def info() -> ServerInfo:
        return ServerInfo(time=utcnow())

    @api.post("/enrol", response_model=EnrolResponse, responses={403: {"model": ErrorOut}})
    def enrol(body: EnrolRequest) -> EnrolResponse:
        device, token = store.enrol(body.code, body.device_name, body.hall)
        return EnrolResponse(device_id=device.id, token=token, hall=device.hall)

    @api.post("/events", response_model=PushResponse, responses=_ERRORS)
    def push(body: PushRequest, device: DeviceDep) -> PushResponse:
        for item in body.events:
            for name, value in (("created_at", item.created_at), ("sent_at", item.sent_at)):
                if not _is_aware_iso(value):
                    raise HTTPException(422, f"事件 {item.id} 的 {name} 应为带时区的 ISO 8601 时间")
        batch = [IncomingEvent(e.id, e.kind, e.payload, e.created_at, e.sent_at) for e in body.events]
        results = store.push(device, batch)
        return PushResponse(results=[EventResult(id=r.id, status=r.status, detail=r.detail) for r in results])

    @api.get("/feeds/{feed}", response_model=FeedPage, responses=_ERRORS)
    def pull(
        feed: Feed,
        device: DeviceDep,
        after: Annotated[
            str, Query(max_length=18, description="the cursor of the last page; '' = start")
        ] = "",
        limit: Annotated[int, Query(ge=1, le=1_000_000, description=f"at most {MAX_PAGE}")] = MAX_PAGE,
    ) -> FeedPage:
        if after and not (after.isascii() and after.isdigit()):
            raise HTTPException(422, "游标无效：应为上一页返回的 cursor")
        page = store.page(feed, device.hall, int(after or "0"), min(limit, MAX_PAGE))
        items = [FeedItem(key=key, data=data) for key, data in page.items]
        return FeedPage(feed=feed, items=items, cursor=page.cursor, more=page.more)

    # ------------------------------------------------------------ admin
    @admin.post("/enrol-codes", response_model=EnrolCodeOut)
    def new_enrol_code() -> EnrolCodeOut:
        return EnrolCodeOut(code=store.create_enrol_code(), expires_in_days=ENROL_CODE_DAYS)

    @admin.get("/devices", response_model=DeviceList)
    def list_devices() -> DeviceList:
        return DeviceList(devices=[_device_out(d) for d in store.list_devices()])

    @admin.post("/devices/{device_id}/revoke", response_model=DeviceOut, responses={404: {"model": ErrorOut}})
    def revoke(device_id: Annotated[str, Path(max_length=64)]) -> DeviceOut:
        return _device_out(store.revoke_device(device_id))

    @admin.get("/stats")
    def stats() -> dict[str, int]:
        return store.stats()

    @admin.post(
        "/catalog-versions",
        response_model=Published,
        responses={409: {"model": ErrorOut}, 422: {"model": ErrorOut}},
    )
    def publish_catalog(body: CatalogVersionIn) -> Published:
        data = catalog_item(body.label, body.source, body.note, body.table)
        if store.latest_item(Feed.CATALOG, body.label) is not None:
            raise HTTPException(409, f"事项清单版本“{body.label}”已发布，版本号不能重复使用")
        seq = store.publish(Feed.CATALOG, body.label, data)
        return Published(feed=Feed.CATALOG.value, key=body.label, cursor=str(seq))

    @admin.post("/calendars", response_model=Published, responses={422: {"model": ErrorOut}})
    def publish_calendar(body: CalendarIn) -> Published:
        data = calendar_item(body.year, body.text)
        seq = store.publish(Feed.CALENDAR, str(body.year), data)
        return Published(feed=Feed.CALENDAR.value, key=str(body.year), cursor=str(seq))

    @admin.post("/trust-list", response_model=Published)
    def publish_trust(body: TrustListIn) -> Published:
        seq = store.publish(Feed.TRUST_LIST, body.key_id, body.model_dump())
        return Published(feed=Feed.TRUST_LIST.value, key=body.key_id, cursor=str(seq))

    @admin.post(
        "/status-list",
        response_model=FeedItem,
        responses={404: {"model": ErrorOut}, 422: {"model": ErrorOut}},
    )
    def publish_status(body: StatusIn) -> FeedItem:
        if body.status == "99" and not body.reason.strip():
            raise HTTPException(422, "状态为“99 其他”时必须填写原因")
        data = store.set_status(body.number, body.kind, body.status, body.reason)
        return FeedItem(key=body.number, data=data)

    @admin.post("/users", response_model=Published, responses={422: {"model": ErrorOut}})
    def publish_user(body: UserIn) -> Published:
        roles = {r.value for r in Role if r is not Role.SYSTEM}
        if body.role not in roles:
            raise HTTPException(422, f"角色“{body.role}”无效，应为：{'、'.join(sorted(roles))}")
        data = {
            "username": body.username,
            "role": body.role,
            "department": body.department,
            "display_name": body.display_name,
            "active": body.active,
            "password_hash": hasher.hash(body.password),
        }
        seq = store.publish(Feed.USERS, body.username, data, hall=body.hall)
        return Published(feed=Feed.USERS.value, key=body.username, cursor=str(seq))

    @admin.post("/linkage-officers", response_model=TokenOut)
    def new_officer(body: LinkageOfficerIn) -> TokenOut:
        return TokenOut(token=store.create_linkage_officer(body.department.strip(), body.name.strip()))

    # ------------------------------------------------------------ 一网办 (the portal, with an admin token)
    @api.post(
        "/online-applications",
        response_model=IdOut,
        dependencies=[Depends(admin_auth)],
        responses={**_ERRORS, 422: {"model": ErrorOut}},
    )
    def online_application(body: OnlineApplicationIn) -> IdOut:
        check = check_uscc(body.enterprise.uscc)
        if not check.well_formed:
            raise HTTPException(422, check.message)
        warnings = [] if check.valid else [check.message]
        form = body.model_dump(exclude={"hall"})
        form["enterprise"]["uscc"] = check.normalized
        data = store.submit_online_application(body.hall.strip(), form)
        return IdOut(id=str(data["id"]), warnings=warnings)

    # ------------------------------------------------------------ 审管联动
    @api.get("/linkage/feed", response_model=LinkageFeedOut, responses=_ERRORS)
    def linkage_feed(
        officer: OfficerDep, limit: Annotated[int, Query(ge=1, le=1_000_000)] = MAX_PAGE
    ) -> LinkageFeedOut:
        items = store.linkage_feed(officer.department, min(limit, MAX_PAGE))
        return LinkageFeedOut(department=officer.department, items=[LinkageItemOut(**i) for i in items])

    @api.post("/linkage/feedback", response_model=IdOut, responses=_ERRORS)
    def linkage_feedback(body: FeedbackIn, officer: OfficerDep) -> IdOut:
        if not _is_iso(body.decided_at):
            raise HTTPException(
                422, "decided_at 应为 ISO 8601 日期或时间，如 2026-11-26 或 2026-11-26T10:00:00+08:00"
            )
        data = store.record_feedback(officer, body.model_dump())
        return IdOut(id=str(data["id"]))

    app.include_router(api)
    app.include_router(admin)
    app.include_router(pages.router(store))
    return app


def _device_out(d: Device) -> DeviceOut:
    return DeviceOut(id=d.id, name=d.name, hall=d.hall, enrolled_at=d.enrolled_at, revoked_at=d.revoked_at)


def _is_aware_iso(value: str) -> bool:
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def _is_iso(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True
