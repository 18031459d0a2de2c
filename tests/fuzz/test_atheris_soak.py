"""``make soak`` only: the coverage-guided atheris harness (tests/fuzz/atheris_parsers.py) over the
parsers of outside input, in a child process (libFuzzer ends its process when it is done).

Size: ONEWINDOW_SOAK_RUNS × 100 executions (default 300 000), at most ONEWINDOW_FUZZ_SECONDS
(default 600). Skipped where atheris is not installed (it is not a project dependency yet).
"""

from __future__ import annotations

import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOAK_RUNS = int(os.environ.get("ONEWINDOW_SOAK_RUNS", "3000"))
SECONDS = int(os.environ.get("ONEWINDOW_FUZZ_SECONDS", "600"))


def _seeds(corpus: Path) -> None:
    """One valid-looking input per target, for libFuzzer to start from."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    document = '[1,"A1B2C3D4","HZ1","91310110666007217T","便民超市","20261126",[["SCJG-01","01",""]]]'
    header = "序号,主管部门,事项名称,设定依据,审批层级和部门,改革方式,具体改革举措,加强事中事后监管措施,备注"
    row = "1,县卫生健康局,公共场所卫生许可,,县级行政审批服务管理局,实行告知承诺,,,\n"
    seeds = [
        b"\x0091310110666007217T",
        b"\x01" + "许可项目：食品销售；出版物零售（依法须经批准的项目）一般项目：日用百货销售".encode(),
        b"\x02" + (header + "\n" + row).encode(),
        b"\x03" + b"https://v.invalid/v/HZ1#OW1." + deflate.compress(document.encode()) + deflate.flush(),
        b"\x04" + document.encode(),
        b"\x05" + b'{"feed":"calendar","items":[{"key":"2027","data":{}}],"cursor":"1","more":false}',
    ]
    for i, seed in enumerate(seeds):
        (corpus / f"seed-{i}").write_bytes(seed)


@pytest.mark.soak
@pytest.mark.timeout(SECONDS + 300)
def test_atheris_finds_no_crash_in_the_input_parsers(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _seeds(corpus)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.fuzz.atheris_parsers",
            f"-runs={SOAK_RUNS * 100}",
            f"-max_total_time={SECONDS}",
            "-max_len=4096",
            "-rss_limit_mb=4096",
            f"-artifact_prefix={tmp_path}/",
            str(corpus),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=SECONDS + 240,
        check=False,
    )
    crashes = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("crash-", "timeout-", "oom-")))
    assert result.returncode == 0 and not crashes, f"{crashes}\n{result.stderr[-4000:]}"
