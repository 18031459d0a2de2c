"""`onewindow check …` and `onewindow permit …`, wired for real (bootstrap, SQLite, the real clock)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.bootstrap import main
from tests.e2e.conftest import run_json

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

run = run_json


def test_a_commitment_check_failed_and_left_unrectified_annuls_the_permit(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "init", "--demo")[0] == 0
    assert run(capsys, "demo")[0] == 0
    code, out = run(capsys, "check", "due")
    assert code == 0
    [check] = [c for c in out["checks"] if c["matter"] == "XF-01"]
    assert check["status"] == "scheduled" and check["overdue"] is False
    assert check["permit"].startswith("XF-01-") and check["name"].startswith("演示县便民")
    assert len(check["conditions"]) == 5 and check["department"] == "县消防救援大队"
    assert check["deadline"] == check["due_on"] > date.today().isoformat()
    assert run(capsys, "check", "due", "--until", "2000-01-01") == (0, {"checks": []})
    code, out = run(capsys, "check", "due", "--department", "县消防救援大队")
    assert [c["id"] for c in out["checks"]] == [check["id"]]

    record = ("check", "record", check["id"])
    code, out = run(capsys, *record, "--result", "failed", "--findings", "疏散通道堵塞")
    assert code == 1 and "不符合的承诺条件" in out["error"]
    code, out = run(capsys, *record, "--result", "failed", "--cite", "9", "--findings", "疏散通道堵塞")
    assert code == 1 and out["error"] == "告知承诺书只列了 5 项条件，没有第 9 项"
    code, out = run(
        capsys, *record, "--result", "failed", "--cite", "没有告知的条件", "--findings", "疏散通道堵塞"
    )
    assert code == 1 and "未在告知承诺书中告知申请人" in out["error"]
    code, out = run(capsys, *record, "--result", "failed", "--cite", "3", "--findings", "疏散通道被货物堵塞")
    assert code == 0 and out["status"] == "rectifying" and out["items"] == [check["conditions"][2]]
    assert out["rectification_due"] > date.today().isoformat() and out["recorded_by"] == "system"
    code, out = run(capsys, *record, "--result", "passed")
    assert code == 1 and "不能重复登记" in out["error"]

    close = ("check", "close", check["id"])
    code, out = run(capsys, *close, "--not-fixed")
    assert code == 1 and "须写明复查情况" in out["error"]
    code, out = run(capsys, *close, "--not-fixed", "--note", "复查仍未清理疏散通道")
    assert code == 0 and out["status"] == "annulled" and out["annulled"] == check["permit"]
    assert out["credit"] == "failed_check"
    code, out = run(capsys, "permit", "show", check["permit"])
    assert code == 0 and out["status"] == "03" and out["allowed"] == []
    assert "逾期未整改" in out["status_reason"]
    code, out = run(capsys, "permit", "history", check["permit"])
    assert code == 0 and [e["action"] for e in out["events"]] == ["annul"]
    assert out["events"][0]["actor"] == "system" and out["events"][0]["to"] == "03"
    assert run(capsys, "check", "due", "--department", "县消防救援大队") == (0, {"checks": []})


def test_the_permit_lifecycle_from_the_command_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "init", "--demo")[0] == 0
    code, case = run(capsys, "demo")
    assert code == 0
    code, out = run(capsys, "permit", "find", case["application"])
    assert code == 0 and len(out["permits"]) == 5
    [food] = [p for p in out["permits"] if p["matter_name"] == "食品经营许可"]
    assert food["status"] == "01" and food["department"] == "行政审批服务管理局"
    number = food["number"]
    code, out = run(capsys, "permit", "history", number)
    assert code == 0 and out == {"number": number, "events": []}

    until = (date.today() + timedelta(days=30)).isoformat()
    code, out = run(capsys, "permit", "suspend", number, "--reason", "停业整顿", "--until", until)
    assert code == 0 and (out["status"], out["until"]) == ("02", until)
    code, out = run(capsys, "permit", "suspend", number, "--reason", "再次暂扣", "--until", until)
    assert code == 1 and "当前状态为“暂扣”，不能暂扣" in out["error"]
    code, out = run(capsys, "permit", "reinstate", number, "--reason", "整改完毕，解除暂扣")
    assert code == 0 and out["status"] == "01"
    code, out = run(capsys, "permit", "renew", number, "--reason", "有效期届满前申请延续")
    assert code == 0 and out["status"] == "99" and out["new_number"]
    renewed = out["new_number"]
    code, out = run(capsys, "permit", "change", renewed, "--reason", "住所变更")
    assert code == 1 and "请至少给出一项变更" in out["error"]
    code, out = run(
        capsys, "permit", "change", renewed, "--reason", "住所变更", "--address", "演示县城关镇人民路99号"
    )
    assert code == 0 and out["new_number"] and out["status"] == "99"
    changed = out["new_number"]
    code, out = run(capsys, "permit", "revoke", changed, "--reason", "擅自改变经营场所，依法吊销")
    assert code == 0 and out["status"] == "07" and out["credit"] == "penalty"
    code, out = run(capsys, "permit", "deregister", changed, "--reason", "申请注销")
    assert code == 1 and "当前状态为“吊销”，不能注销" in out["error"]

    code, out = run(capsys, "permit", "show", changed)
    assert code == 0 and out["previous_number"] == renewed and out["status"] == "07"
    assert [(e["number"], e["action"]) for e in out["history"]] == [
        (number, "suspend"),
        (number, "reinstate"),
        (number, "renew"),
        (renewed, "change"),
        (changed, "revoke"),
    ]
    assert out["history"][3]["changes"] == {"address": ["演示县城关镇人民路88号", "演示县城关镇人民路99号"]}
    code, out = run(capsys, "permit", "history", number)
    assert [e["action"] for e in out["events"]] == ["suspend", "reinstate", "renew"]
    assert out["events"][0]["until"] == until and out["events"][2]["new_number"] == renewed

    code, out = run(capsys, "permit", "history", "NO-SUCH-1")
    assert code == 1 and out["error"] == "许可证 NO-SUCH-1 不存在"
    code, out = run(capsys, "permit", "annul", "NO-SUCH-1", "--reason", "撤销")
    assert code == 1 and "不存在" in out["error"]
    code, out = run(capsys, "permit", "find", "没有这家公司")
    assert code == 0 and out == {"permits": []}
    with pytest.raises(SystemExit) as misuse:  # no reason: usage error
        main(["permit", "revoke", number])
    assert misuse.value.code == 2
    assert "--reason" in capsys.readouterr().err
