"""Public pages: licence verification and 一照行, in Chinese, phone-sized, escaped; rendered in chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.integration.central.helpers import LICENCE, USCC, USCC_2, Counter, event, licence_issued
from tests.support.central import CentralHandle

CHROMIUM = "/usr/bin/chromium"
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'

needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and os.environ.get("ONEWINDOW_REQUIRE_CHROMIUM") != "1",
    reason="chromium is not installed (set ONEWINDOW_REQUIRE_CHROMIUM=1 to require it)",
)


def test_the_verification_page(central: CentralHandle, counter: Counter) -> None:
    counter.push(event("LicenceIssued", licence_issued()))
    with central.client() as public:
        response = public.get(f"/v/{LICENCE}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert VIEWPORT in page and 'lang="zh-CN"' in page
    for expected in ("证照查验", "证照编号", LICENCE, "持证主体", USCC, "2026-11-26", "行政审批服务管理局"):
        assert expected in page
    assert "食品经营许可" in page and "烟草专卖零售许可" in page and "有效期至：2031-11-25" in page
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert f'href="/yzx/{USCC}"' in page


def test_every_status_is_shown_in_words(central: CentralHandle, counter: Counter) -> None:
    counter.push(event("LicenceIssued", licence_issued()))
    words = {"01": "有效", "02": "暂扣", "03": "撤销", "04": "注销", "05": "失效", "07": "吊销", "99": "其他"}
    for code, word in words.items():
        change = {"number": LICENCE, "kind": "licence", "status": code, "reason": f"原因{code}"}
        assert central.admin_post("/api/v1/admin/status-list", change).status_code == 200
        with central.client() as public:
            page = public.get(f"/v/{LICENCE}").text
        assert f'big">{word}</span>' in page, code


def test_unknown_licence_and_business_are_404_pages(central: CentralHandle) -> None:
    with central.client() as public:
        licence = public.get("/v/NO-SUCH-LICENCE")
        business = public.get(f"/yzx/{USCC_2}")
    assert licence.status_code == 404 and "未查到该证照" in licence.text and "二维码" in licence.text
    assert VIEWPORT in licence.text
    assert business.status_code == 404 and "未查到" in business.text and "统一社会信用代码" in business.text


def test_values_are_escaped(central: CentralHandle, counter: Counter) -> None:
    counter.push(event("LicenceIssued", licence_issued("L<b>1", name="<script>alert(1)</script>&Co")))
    with central.client() as public:
        page = public.get("/v/L<b>1").text
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;&amp;Co" in page
    assert "L&lt;b&gt;1" in page


def test_the_one_licence_page_lists_everything_the_business_holds(
    central: CentralHandle, counter: Counter
) -> None:
    counter.push(
        event("LicenceIssued", licence_issued()),
        event("LicenceIssued", licence_issued("SX-JZ-2026-000200")),
        event("LicenceIssued", licence_issued("SX-OTHER-1", uscc=USCC_2, name="别家公司")),
    )
    with central.client() as public:
        response = public.get(f"/yzx/{USCC.lower()}")
    assert response.status_code == 200
    page = response.text
    assert "一照行" in page and "便民超市" in page and "迎宾街1号" in page and "2 张" in page
    assert LICENCE in page and "SX-JZ-2026-000200" in page and "SX-OTHER-1" not in page
    assert page.count("食品经营许可") == 2


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    binary = CHROMIUM if Path(CHROMIUM).exists() else (shutil.which("chromium") or CHROMIUM)
    command = [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-gpu",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


@needs_chromium
@pytest.mark.slow
def test_pages_render_in_a_browser_at_phone_width(
    central: CentralHandle, counter: Counter, tmp_path: Path
) -> None:
    counter.push(event("LicenceIssued", licence_issued()))
    change = {"number": f"{LICENCE}-02", "kind": "permit", "status": "02", "reason": "责令停业整顿三个月"}
    assert central.admin_post("/api/v1/admin/status-list", change).status_code == 200
    for path, expected in (
        (f"/v/{LICENCE}", ("证照查验", LICENCE, "有效", "暂扣", "食品经营许可")),
        (f"/yzx/{USCC}", ("一照行", USCC, "便民超市", "烟草专卖零售许可")),
        ("/v/NO-SUCH", ("未查到该证照",)),
    ):
        dom = _chromium("--dump-dom", f"{central.base_url}{path}").stdout
        for text in expected:
            assert text in dom, (path, text)
        shot = tmp_path / f"{path.strip('/').replace('/', '_')}.png"
        _chromium(
            f"--screenshot={shot}", "--window-size=390,844", "--hide-scrollbars", f"{central.base_url}{path}"
        )
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert shot.stat().st_size > 10_000
    keep = os.environ.get("ONEWINDOW_KEEP_SCREENSHOTS")
    if keep:
        for shot in tmp_path.glob("*.png"):
            shutil.copy(shot, Path(keep) / shot.name)
