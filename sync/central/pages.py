"""Public pages (no login): licence verification (the QR code's target) and 一照行.

Plain HTML in Chinese, sized for a phone, with inline CSS only: no script, no external resource.
Every value is HTML-escaped.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from html import escape
from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import HTMLResponse

from sync.central.storage import CentralStore, InspectionView, LicenceView, PermitView

STATUS_WORDS = {
    "01": "有效",
    "02": "暂扣",
    "03": "撤销",
    "04": "注销",
    "05": "失效",
    "07": "吊销",
    "99": "其他",
}

_CSS = """
*{box-sizing:border-box}
body{margin:0;background:#f3f5f8;color:#1b1f24;font:16px/1.6 system-ui,-apple-system,"PingFang SC",
"Noto Sans CJK SC","Microsoft YaHei",sans-serif;-webkit-text-size-adjust:100%}
header{background:#0b4f8a;color:#fff;padding:14px 16px}
header h1{margin:0;font-size:20px;font-weight:600}
header p{margin:2px 0 0;font-size:13px;opacity:.85}
main{max-width:720px;margin:0 auto;padding:12px}
.card{background:#fff;border-radius:10px;padding:14px 16px;margin:0 0 12px;
box-shadow:0 1px 2px rgba(0,0,0,.08)}
.card h2{margin:0 0 8px;font-size:18px}
dl{margin:0;display:grid;grid-template-columns:6.5em 1fr;gap:4px 8px}
dt{color:#5b6572}
dd{margin:0;word-break:break-all}
.status{display:inline-block;border-radius:6px;padding:2px 10px;font-weight:700;white-space:nowrap}
.big{display:block;text-align:center;font-size:22px;padding:10px;margin:0 0 12px}
.ok{background:#e3f4e8;color:#146c2e}
.warn{background:#fff3d6;color:#8a5300}
.bad{background:#fde4e4;color:#a11d1d}
ul.permits{list-style:none;margin:0;padding:0}
ul.permits li{border-top:1px solid #e6e9ee;padding:10px 0}
ul.permits li:first-child{border-top:0}
.name{font-weight:600}
.muted{color:#5b6572;font-size:14px}
.reason{font-size:14px;color:#8a5300}
footer{color:#5b6572;font-size:13px;text-align:center;padding:8px 16px 24px}
"""


def status_word(code: str) -> str:
    return STATUS_WORDS.get(code, "其他")


def _status_class(code: str) -> str:
    if code == "01":
        return "ok"
    if code in ("02", "05", "99"):
        return "warn"
    return "bad"


def _badge(code: str, *, big: bool = False) -> str:
    classes = f"status {_status_class(code)}" + (" big" if big else "")
    return f'<span class="{classes}">{escape(status_word(code))}</span>'


def _document(title: str, subtitle: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="robots" content="noindex">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head>"
        f"<body><header><h1>{escape(title)}</h1><p>{escape(subtitle)}</p></header>"
        f"<main>{body}</main>"
        "<footer>本页信息来自证照分离改革“一窗通”中心平台，以发证机关记录为准。</footer>"
        "</body></html>"
    )


def _field(label: str, value: str) -> str:
    return f"<dt>{escape(label)}</dt><dd>{escape(value) or '—'}</dd>"


def _permit_item(permit: PermitView) -> str:
    reason = f'<div class="reason">原因：{escape(permit.status_reason)}</div>' if permit.status_reason else ""
    return (
        "<li>"
        f'<div class="name">{escape(permit.matter_name or permit.matter or "许可事项")} '
        f"{_badge(permit.status)}</div>"
        f'<div class="muted">编号：{escape(permit.number)}</div>'
        f'<div class="muted">有效期至：{escape(permit.valid_until) or "长期"}</div>'
        f"{reason}</li>"
    )


def _permits_card(licence: LicenceView) -> str:
    if not licence.permits:
        return '<section class="card"><h2>许可事项</h2><p class="muted">无单独列明的许可事项。</p></section>'
    items = "".join(_permit_item(p) for p in licence.permits)
    return (
        f'<section class="card"><h2>许可事项（{len(licence.permits)}）</h2>'
        f'<ul class="permits">{items}</ul></section>'
    )


def licence_page(licence: LicenceView) -> str:
    reason = (
        f'<p class="reason" style="text-align:center">原因：{escape(licence.status_reason)}</p>'
        if licence.status_reason
        else ""
    )
    body = (
        '<p class="muted" style="text-align:center;margin:4px 0">证照状态</p>'
        f"{_badge(licence.status, big=True)}{reason}"
        '<section class="card"><h2>行业综合许可证</h2><dl>'
        + _field("证照编号", licence.number)
        + _field("持证主体", licence.name)
        + _field("统一社会信用代码", licence.uscc)
        + _field("发证日期", licence.issued_on)
        + _field("发证机关", licence.authority)
        + "</dl>"
        + (
            f'<p class="muted"><a href="/yzx/{escape(licence.uscc)}">查看该主体的全部证照（一照行）</a></p>'
            if licence.uscc
            else ""
        )
        + "</section>"
        + _permits_card(licence)
    )
    return _document("证照查验", "证照分离改革 · 扫码核验结果", body)


def _beijing_date(stamp: str) -> str:
    """The local (UTC+8) date of an ISO time; the text's first ten characters if it is not one."""
    try:
        at = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp[:10]
    if at.tzinfo is None:
        return at.date().isoformat()
    return at.astimezone(timezone(timedelta(hours=8))).date().isoformat()


def _inspections_card(found: list[InspectionView]) -> str:
    if not found:
        return ""
    items = "".join(
        "<li>"
        f'<div class="name">{escape(i.matter_name or i.matter or "抽查事项")}：{escape(i.result_label)}</div>'
        f'<div class="muted">结果录入日期：{escape(_beijing_date(i.recorded_at)) or "—"}'
        + (f"　检查部门：{escape(i.department)}" if i.department else "")
        + "</div>"
        + (f'<div class="reason">检查情况：{escape(i.findings)}</div>' if i.findings else "")
        + "</li>"
        for i in found
    )
    heading = "<h2>抽查检查结果（双随机、一公开）</h2>"
    return f'<section class="card">{heading}<ul class="permits">{items}</ul></section>'


def holder_page(
    uscc: str, licences: list[LicenceView], inspections: list[InspectionView] | None = None
) -> str:
    first = licences[0]
    cards = []
    for lic in licences:
        cards.append(
            '<section class="card">'
            f"<h2>{escape(lic.number)} {_badge(lic.status)}</h2><dl>"
            + _field("发证日期", lic.issued_on)
            + _field("发证机关", lic.authority)
            + "</dl>"
            + (f'<div class="reason">原因：{escape(lic.status_reason)}</div>' if lic.status_reason else "")
            + (
                f'<ul class="permits">{"".join(_permit_item(p) for p in lic.permits)}</ul>'
                if lic.permits
                else ""
            )
            + "</section>"
        )
    body = (
        '<section class="card"><h2>经营主体</h2><dl>'
        + _field("名称", first.name)
        + _field("统一社会信用代码", uscc)
        + _field("住所", first.address)
        + _field("持有证照", f"{len(licences)} 张")
        + "</dl></section>"
        + "".join(cards)
        + _inspections_card(inspections or [])
    )
    return _document("一照行", "证照分离改革 · 经营主体证照信息", body)


def not_found_page(what: str, advice: str) -> str:
    body = (
        f'<section class="card"><h2>未查到该{escape(what)}</h2>'
        f"<p>{escape(advice)}</p>"
        '<p class="muted">如对证照真伪有疑问，请联系发证机关或拨打 12345 政务服务便民热线核实。</p></section>'
    )
    return _document(f"未查到该{what}", "证照分离改革 · 查验结果", body)


def router(store: CentralStore) -> APIRouter:
    pages = APIRouter(tags=["public pages"])

    @pages.get(
        "/v/{licence_number}", response_class=HTMLResponse, responses={404: {"content": {"text/html": {}}}}
    )
    def verify(licence_number: Annotated[str, Path(max_length=100)]) -> HTMLResponse:
        licence = store.licence(licence_number.strip())
        if licence is None:
            advice = (
                "请核对证照编号，或重新扫描证照上的二维码。新发的证照需等发证窗口联网上传后才能查到，"
                "请稍后再试。"
            )
            return HTMLResponse(not_found_page("证照", advice), status_code=404)
        return HTMLResponse(licence_page(licence))

    @pages.get("/yzx/{uscc}", response_class=HTMLResponse, responses={404: {"content": {"text/html": {}}}})
    def one_licence(uscc: Annotated[str, Path(max_length=40)]) -> HTMLResponse:
        code = uscc.strip().upper()
        licences = store.holder(code)
        if not licences:
            advice = (
                "请核对统一社会信用代码（18位）。该主体可能尚未通过证照分离改革领取证照，或证照尚未联网上传。"
            )
            return HTMLResponse(not_found_page("经营主体的证照", advice), status_code=404)
        return HTMLResponse(holder_page(code, licences, store.inspections(code)))

    return pages
