"""Power cuts never lose a case: a counter is SIGKILLed at random moments while it works.

Each trial copies one demo data folder (made once by the real CLI: ``init --demo`` and two demo
cases) and starts tests/support/power_cut_child.py on it: the application's own services (SQLite,
WAL, synchronous=FULL) running intake (submit, accept), review (claim, grant, deny) and issuing
(issue, deliver) in a loop, announcing each command before it starts and reporting it once it
returned. After a seeded delay of 50–600 ms of work the child is killed with SIGKILL — nearly
always in the middle of a command — and the folder is checked:

1. the file is sound: ``PRAGMA integrity_check`` is ``ok`` and ``PRAGMA foreign_key_check`` empty;
2. the audit chain verifies (the service ``onewindow audit verify`` calls, and every tenth trial the
   command itself, run in this process);
3. every command reported as done is there in full: its actions (the exact kinds it appended), its
   audit record, its outbox event, its licence and permits; every case is in exactly the state last
   reported for it — except the case of the one command in flight at the kill, which is either
   untouched or carries exactly that command's actions (a submit in flight may have left one new
   case, with its submit and nothing else); the template's cases are untouched; no other case exists;
4. no case is half-written (checked on every case in the database):
   - its action log is numbered 1…n without gaps and starts with ``submit``; it has at least one
     permit request and every action naming a request names one of its own;
   - replaying the log (the repository's load) succeeds and gives exactly the stored derived
     columns: the case's status, and each request's state, holder (claimed_by) and due date;
   - audit ↔ log: for each command-level action (submit, accept, claim, grant, deny, issue, deliver)
     the number of ``ok`` audit records with that action and target equals the number of such
     actions in the log, per case (and per item for review) — neither can exist without the other;
   - outbox ↔ log: each acceptance has its ``ApplicationAccepted`` event and one event per item for
     the way it went (routed, filed, recorded, granted on commitment); each grant/deny its
     ``PermitGranted``/``PermitDenied``; each issue its ``LicenceIssued`` — equal counts both ways;
   - issue ↔ licences: each ``issue`` action's licence exists for that case with exactly the permits
     the action names, each permit exists for that case, and the status list has the licence and
     each ``{licence}:{matter}``; conversely every licence and permit belongs to the issue action of
     its case;
   - 告知承诺: each ``grant_on_commitment`` has exactly one commitment snapshot and one scheduled check;
   - numbering: every case, licence and permit number is covered by its number sequence (a number
     handed out can never be handed out again after the restart);
5. the counter works on: a new intake on the same folder succeeds and the chain still verifies.

The normal suite runs 30 trials; ``make soak`` runs ONEWINDOW_POWER_CUT_TRIALS, else
max(200, ONEWINDOW_SOAK_RUNS / 15). A failure names its seed; ``ONEWINDOW_POWER_CUT_SEED=S
ONEWINDOW_POWER_CUT_TRIALS=1`` repeats that trial's commands and kill delay (the moment the kill
lands within a command depends on the machine's timing, so a repeat is close, not identical).

Kills during ``onewindow backup`` and ``restore`` are in test_backup_power_cut.py.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pytest

from db.engine import make_engine
from db.unit_of_work import SqlUnitOfWorkFactory
from desktop.adapters.clock import SystemClock
from desktop.adapters.holidays import ChineseCalendarSource
from desktop.adapters.keys import load_or_create_key
from desktop.adapters.passwords import Argon2Hasher
from desktop.bootstrap import main
from desktop.domain.users import SYSTEM_ACTOR
from desktop.services import audit, intake
from desktop.services.base import Services
from desktop.services.demo import random_uscc
from tests.support.factories import CLERK, enterprise

ROOT = Path(__file__).resolve().parents[3]
CHILD = ROOT / "tests" / "support" / "power_cut_child.py"
KILL_WINDOW = (0.05, 0.6)  # seconds of work before the kill
BLOCKS, TRIALS_PER_BLOCK = 3, 10  # 30 trials in the normal suite
AHEAD = 2  # children started ahead (their imports overlap the current trial and its checks)
CLI_VERIFY_EVERY = 10
SOAK_RUNS = int(os.environ.get("ONEWINDOW_SOAK_RUNS", "3000"))
SOAK_TRIALS = int(os.environ.get("ONEWINDOW_POWER_CUT_TRIALS") or max(200, SOAK_RUNS // 15))
REPEAT_SEED = os.environ.get("ONEWINDOW_POWER_CUT_SEED")

COMMAND_AUDIT = {
    "submit": "intake.submit",
    "accept": "intake.accept",
    "claim": "review.claim",
    "grant": "review.grant",
    "deny": "review.deny",
    "issue": "issue.issue",
    "deliver": "issue.deliver",
}
ITEM_LEVEL = {"claim", "grant", "deny"}
AT_ACCEPTANCE = {
    "record_cancelled": "CancelledMatterRecorded",
    "file": "FilingCompleted",
    "grant_on_commitment": "PermitGrantedOnCommitment",
    "route": "PermitRequestRouted",
    "auto_grant": "PermitGrantedAutomatically",
}
DECISIONS = {"grant": "PermitGranted", "deny": "PermitDenied"}
MODELLED_EVENTS = {*AT_ACCEPTANCE.values(), *DECISIONS.values(), "ApplicationAccepted", "LicenceIssued"}


# ---------------------------------------------------------------------------- processes
def child_env() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("ONEWINDOW_DB", "ONEWINDOW_DATA_DIR", "ONEWINDOW_AUDIT_KEY_FILE")
    }
    env["ONEWINDOW_FAST_HASH"] = "1"
    return env


def cli(folder: Path, *args: str) -> tuple[int, dict[str, Any]]:
    """Run the real `onewindow ARGS --json` on a data folder in its own process."""
    done = subprocess.run(
        [sys.executable, "-m", "desktop", *args, "--json", "--data-dir", str(folder)],
        capture_output=True,
        env=child_env(),
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    out = done.stdout.decode()
    assert out.strip(), f"onewindow {' '.join(args)} printed nothing: {done.stderr.decode()[-2000:]}"
    return done.returncode, json.loads(out.strip().splitlines()[-1])


@dataclass
class Child:
    seed: int
    folder: Path
    proc: subprocess.Popen[bytes]
    err: IO[bytes]
    buffer: bytes = b""

    def read_until(self, deadline: float, *, want_line: bool = False) -> bool:
        """Collect stdout until the deadline (or, with want_line, the first whole line); False at EOF."""
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        while (left := deadline - time.monotonic()) > 0:
            if want_line and b"\n" in self.buffer:
                return True
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 65536)
                if not chunk:
                    return False
                self.buffer += chunk
        return True

    def stderr_tail(self) -> str:
        self.err.flush()
        return (self.folder / "child.err").read_bytes().decode(errors="replace")[-3000:]

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=30)
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                with contextlib.suppress(BrokenPipeError):
                    stream.close()
        self.err.close()


def spawn(template: Path, folder: Path, seed: int) -> Child:
    shutil.copytree(template, folder)
    err = (folder / "child.err").open("wb")
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(folder), str(seed)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=err,
        env=child_env(),
        cwd=ROOT,
    )
    return Child(seed, folder, proc, err)


@dataclass
class Cut:
    records: list[dict[str, Any]]  # what the child announced and reported, whole lines only
    delay: float
    in_flight: dict[str, Any] | None  # the command announced and not reported when it died

    @property
    def done(self) -> list[dict[str, Any]]:
        return [r for r in self.records if "ok" in r]

    @property
    def moment(self) -> str:
        where = f"during {self.in_flight['start']}" if self.in_flight else "between commands"
        return f"killed {self.delay * 1000:.0f} ms into the work, {where}, after {len(self.done)} commands"


def power_cut(child: Child, delay: float) -> Cut:
    """Start the child's work, SIGKILL it ``delay`` seconds later, read what it said."""
    assert child.proc.stdin is not None
    if not child.read_until(time.monotonic() + 120, want_line=True):
        raise AssertionError(f"the child died before it was ready:\n{child.stderr_tail()}")
    ready, child.buffer = child.buffer.split(b"\n", 1)
    assert "ready" in json.loads(ready), ready
    child.proc.stdin.write(b"go\n")
    child.proc.stdin.flush()
    alive = child.read_until(time.monotonic() + delay)
    if alive and child.proc.poll() is None:
        child.proc.send_signal(signal.SIGKILL)
    child.read_until(time.monotonic() + 30)  # to EOF: the rest of what it wrote before it died
    child.proc.wait(timeout=30)
    records = [json.loads(line) for line in child.buffer.split(b"\n")[:-1]]  # a cut-off line never counts
    errors = [r for r in records if "error" in r]
    assert not errors, f"a command failed in the child: {errors}\n{child.stderr_tail()}"
    assert child.proc.returncode == -signal.SIGKILL, (
        f"the child exited by itself ({child.proc.returncode}):\n{child.stderr_tail()}"
    )
    in_flight = records[-1] if records and "start" in records[-1] else None
    return Cut(records, delay, in_flight)


# ---------------------------------------------------------------------------- reading the file
@dataclass
class Snapshot:
    """The case tables of a data folder, read with plain sqlite3."""

    apps: dict[str, tuple[str, str]] = field(default_factory=dict)  # id → (number, status)
    actions: dict[str, list[tuple[int, str, str | None, dict[str, Any]]]] = field(default_factory=dict)
    requests: dict[str, dict[str, tuple[str, str, str | None, str | None]]] = field(default_factory=dict)
    audit_ok: Counter[tuple[str, str]] = field(default_factory=Counter)
    events: Counter[tuple[str, str, str | None]] = field(default_factory=Counter)  # kind, case, matter
    issued_events: Counter[tuple[str, str | None]] = field(default_factory=Counter)  # case, licence
    licences: dict[str, tuple[str | None, list[str]]] = field(default_factory=dict)
    permits: dict[str, tuple[str, str]] = field(default_factory=dict)  # number → (case id, matter)
    status_list: set[str] = field(default_factory=set)
    commitments: Counter[tuple[str, str]] = field(default_factory=Counter)
    checks: Counter[tuple[str, str]] = field(default_factory=Counter)
    sequences: dict[str, int] = field(default_factory=dict)

    def kinds(self, app_id: str) -> list[str]:
        return [a[1] for a in self.actions.get(app_id, [])]

    def number(self, app_id: str) -> str:
        return self.apps[app_id][0]


@contextlib.contextmanager
def plain_sqlite(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(path)
    try:
        yield conn
    finally:
        conn.close()


def read_snapshot(db: Path) -> Snapshot:
    s = Snapshot()
    with plain_sqlite(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for app_id, number, status in conn.execute("SELECT id, number, status FROM applications"):
            s.apps[app_id] = (number, status)
            s.actions[app_id] = []
            s.requests[app_id] = {}
        for app_id, seq, request, kind, data in conn.execute(
            "SELECT application_id, seq, request_id, kind, data FROM application_actions "
            "ORDER BY application_id, seq"
        ):
            s.actions.setdefault(app_id, []).append((seq, kind, request, json.loads(data)))
        for rid, app_id, matter, state, holder, due in conn.execute(
            "SELECT id, application_id, matter_code, state, claimed_by, due_date FROM permit_requests"
        ):
            s.requests.setdefault(app_id, {})[rid] = (matter, state, holder, due)
        for action, target in conn.execute("SELECT action, target FROM audit_log WHERE result = 'ok'"):
            s.audit_ok[(action, target)] += 1
        for kind, payload in conn.execute("SELECT kind, payload FROM outbox"):
            if kind in MODELLED_EVENTS:
                body = json.loads(payload)
                s.events[(kind, body["application"], body.get("matter"))] += 1
                if kind == "LicenceIssued":
                    s.issued_events[(body["application"], body["licence"])] += 1
        for number, app_id, permits in conn.execute(
            "SELECT number, application_id, permit_numbers FROM industry_licences"
        ):
            s.licences[number] = (app_id, json.loads(permits))
        for number, app_id, matter in conn.execute("SELECT number, application_id, matter_code FROM permits"):
            s.permits[number] = (app_id, matter)
        s.status_list = {n for (n,) in conn.execute("SELECT number FROM status_list")}
        for app_id, matter in conn.execute("SELECT application_id, matter_code FROM case_commitments"):
            s.commitments[(app_id, matter)] += 1
        for app_id, matter in conn.execute("SELECT application_id, matter_code FROM commitment_checks"):
            s.checks[(app_id, matter)] += 1
        s.sequences = dict(conn.execute("SELECT prefix, last FROM number_sequences").fetchall())
    return s


def services_on(folder: Path) -> Services:
    """The services on a data folder, wired as desktop.runtime wires them (no schema upgrade)."""
    key = load_or_create_key(folder / "keys" / "audit.key", create=False)
    return Services(
        uow=SqlUnitOfWorkFactory(make_engine(f"sqlite:///{folder / 'onewindow.sqlite3'}"), key),
        clock=SystemClock(),
        hasher=Argon2Hasher(fast=True),
        holidays=ChineseCalendarSource(),
    )


def dispose(services: Services) -> None:
    services.uow.engine.dispose()  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------- the invariants
def audit_target(s: Snapshot, app_id: str, kind: str, request: str | None) -> str:
    if kind in ITEM_LEVEL:
        assert request is not None
        return f"{s.number(app_id)}/{s.requests[app_id][request][0]}"
    return s.number(app_id)


def half_written(s: Snapshot) -> list[str]:
    """Every way a case can be partly written, over the whole database (see the module doc, 4)."""
    problems: list[str] = []
    expected_audit: Counter[tuple[str, str]] = Counter()
    expected_events: Counter[tuple[str, str, str | None]] = Counter()
    expected_issued: Counter[tuple[str, str | None]] = Counter()
    named: dict[str, tuple[str, list[str]]] = {}  # licence → (case, permits) from the issue actions
    commitments: Counter[tuple[str, str]] = Counter()
    for app_id, (number, _status) in s.apps.items():
        log, requests = s.actions[app_id], s.requests[app_id]
        if [a[0] for a in log] != list(range(1, len(log) + 1)) or not log or log[0][1] != "submit":
            problems.append(f"{number}: action log {[(a[0], a[1]) for a in log]}")
            continue
        if not requests:
            problems.append(f"{number}: no permit request")
        auto_granted = {a[2] for a in log if a[1] == "auto_grant"}
        for _seq, kind, request, data in log:
            if request is not None and request not in requests:
                problems.append(f"{number}: action {kind} names request {request} of another case")
                continue
            if kind in COMMAND_AUDIT:
                expected_audit[(COMMAND_AUDIT[kind], audit_target(s, app_id, kind, request))] += 1
            matter = requests[request][0] if request else None
            if kind == "accept":
                expected_events[("ApplicationAccepted", number, None)] += 1
            elif kind in AT_ACCEPTANCE and not (kind == "route" and request in auto_granted):
                expected_events[(AT_ACCEPTANCE[kind], number, matter)] += 1
            elif kind in DECISIONS:
                expected_events[(DECISIONS[kind], number, matter)] += 1
            elif kind == "issue":
                expected_events[("LicenceIssued", number, None)] += 1
                expected_issued[(number, data.get("licence"))] += 1
                if data.get("licence"):
                    named[data["licence"]] = (app_id, list(data.get("permits", [])))
                for permit in data.get("permits", []):
                    if s.permits.get(permit, ("", ""))[0] != app_id:
                        problems.append(f"{number}: permit {permit} of its issue action is missing")
            if kind == "grant_on_commitment" and matter is not None:
                commitments[(app_id, matter)] += 1
        prefix, tail = number[:-5], int(number[-5:])
        if s.sequences.get(prefix, -1) < tail:
            problems.append(f"{number}: beyond its number sequence {s.sequences.get(prefix)}")
    case_audit = Counter({k: v for k, v in s.audit_ok.items() if k[0] in COMMAND_AUDIT.values()})
    if case_audit != +expected_audit:
        problems.append(f"audit records ≠ actions: {_diff(case_audit, expected_audit)}")
    if s.events != +expected_events:
        problems.append(f"outbox events ≠ actions: {_diff(s.events, expected_events)}")
    if s.issued_events != +expected_issued:
        problems.append(f"LicenceIssued events ≠ issue actions: {_diff(s.issued_events, expected_issued)}")
    if s.commitments != commitments or s.checks != commitments:
        problems.append(
            f"commitments {_diff(s.commitments, commitments)} checks {_diff(s.checks, commitments)}"
        )
    for licence, (app_id, permits) in s.licences.items():
        if named.get(licence) != (app_id, permits):
            problems.append(
                f"licence {licence} ({app_id}, {permits}) ≠ its issue action {named.get(licence)}"
            )
        missing = {licence} | {f"{licence}:{s.permits[p][1]}" for p in permits if p in s.permits}
        if missing - s.status_list:
            problems.append(f"licence {licence}: not on the status list: {sorted(missing - s.status_list)}")
    for licence in set(named) - set(s.licences):
        problems.append(f"licence {licence} of an issue action is missing")
    issued_permits = {p for _, permits in named.values() for p in permits}
    for permit in set(s.permits) - issued_permits:
        problems.append(f"permit {permit} belongs to no issue action")
    for number in [*s.licences, *s.permits]:
        prefix, tail = number[:-5], int(number[-5:])
        if s.sequences.get(prefix, -1) < tail:
            problems.append(f"{number}: beyond its number sequence {s.sequences.get(prefix)}")
    return problems


def _diff(actual: Counter[Any], expected: Counter[Any]) -> str:
    return f"extra {dict(+(actual - expected))}, missing {dict(+(expected - actual))}"


def replay_problems(services: Services, s: Snapshot) -> list[str]:
    """Loading each case replays its log: the derived columns must be what the replay gives."""
    problems = []
    with services.uow() as uow:
        for app_id, (number, status) in s.apps.items():
            try:
                app = uow.applications.get(app_id)
            except Exception as exc:
                problems.append(f"{number}: the log does not replay: {exc!r}")
                continue
            if app.status.value != status or len(app.actions) != len(s.actions[app_id]):
                problems.append(f"{number}: stored status {status}, replayed {app.status.value}")
            for rid, (matter, state, holder, due) in s.requests[app_id].items():
                r = app.requests[rid]
                replayed = (r.state.value, r.claimed_by, r.due.isoformat() if r.due else None)
                if replayed != (state, holder, due):
                    problems.append(f"{number}/{matter}: stored {(state, holder, due)}, replayed {replayed}")
    return problems


def reported_problems(s: Snapshot, template: dict[str, int], cut: Cut) -> list[str]:
    """Every reported command fully there; every case as last reported (see the module doc, 3)."""
    problems: list[str] = []
    last: dict[str, dict[str, Any]] = {}
    for r in cut.done:
        app_id, what = r["application"], f"reported {r['ok']} of {r['number']}"
        if app_id not in s.apps:
            problems.append(f"{what}: the case is missing")
            continue
        if s.kinds(app_id)[r["before"] : r["seq"]] != r["new"]:
            problems.append(f"{what}: actions {s.kinds(app_id)[r['before'] : r['seq']]}, reported {r['new']}")
        target = f"{r['number']}/{r['matter']}" if r["ok"] in ITEM_LEVEL else r["number"]
        if not s.audit_ok[(COMMAND_AUDIT[r["ok"]], target)]:
            problems.append(f"{what}: no audit record")
        event = {"accept": "ApplicationAccepted", "issue": "LicenceIssued", **DECISIONS}.get(r["ok"])
        if event and not s.events[(event, r["number"], r["matter"] if r["ok"] in DECISIONS else None)]:
            problems.append(f"{what}: no {event} outbox row")
        if r["ok"] == "issue":
            if r["licence"] and s.licences.get(r["licence"]) != (app_id, r["permits"]):
                problems.append(f"{what}: licence {r['licence']} is {s.licences.get(r['licence'])}")
            for permit in r["permits"]:
                if s.permits.get(permit, ("", ""))[0] != app_id:
                    problems.append(f"{what}: permit {permit} missing")
        last[app_id] = r
    flight = cut.in_flight
    for app_id, r in last.items():
        kinds, seq = s.kinds(app_id), r["seq"]
        states = {rid: v[1] for rid, v in s.requests[app_id].items()}
        if len(kinds) == seq:
            if (s.apps[app_id][1], states) != (r["status"], r["states"]):
                problems.append(
                    f"{r['number']}: {s.apps[app_id][1]} {states}, reported {r['status']} {r['states']}"
                )
        elif flight and flight["application"] == app_id and len(kinds) > seq:
            extra = kinds[seq:]  # the command in flight committed before the kill: all of it
            single = flight["start"] != "accept"
            if extra[0] != flight["start"] or (single and len(extra) != 1):
                problems.append(f"{r['number']}: unreported actions {extra} for {flight['start']} in flight")
        else:
            problems.append(f"{r['number']}: {len(kinds)} actions, {seq} reported")
    for app_id, count in template.items():
        if len(s.kinds(app_id)) != count:
            problems.append(f"template case {s.apps.get(app_id)} changed")
    unreported = set(s.apps) - set(template) - set(last)
    if flight and flight["start"] == "submit" and len(unreported) <= 1:
        problems += [f"in-flight submit left {s.kinds(a)}" for a in unreported if s.kinds(a) != ["submit"]]
    elif unreported:
        problems.append(f"cases nobody reported: {sorted(s.number(a) for a in unreported)}")
    return problems


# ---------------------------------------------------------------------------- trials
@dataclass
class Outcome:
    seed: int
    cut: Cut


def check_trial(child: Child, cut: Cut, template: dict[str, int], *, with_cli: bool) -> None:
    snapshot = read_snapshot(child.folder / "onewindow.sqlite3")
    services = services_on(child.folder)
    try:
        verdict = audit.verify(services, SYSTEM_ACTOR)
        assert verdict.ok, f"audit chain: {verdict}"
        problems = half_written(snapshot) + replay_problems(services, snapshot)
        problems += reported_problems(snapshot, template, cut)
        assert not problems, "\n".join(problems)
        if with_cli:  # the command itself (in this process: a process of its own costs 2 s)
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                code = main(["audit", "verify", "--json", "--data-dir", str(child.folder)])
            assert code == 0 and json.loads(out.getvalue())["ok"] is True, out.getvalue()
        # The counter works on after the restart: a new case, on a chain that still verifies.
        company = enterprise(random_uscc(random.Random(child.seed)))
        intake.submit(services, CLERK, company, ["SCJG-01", "XF-01"])
        assert audit.verify(services, SYSTEM_ACTOR).ok
    finally:
        dispose(services)
    assert not half_written(read_snapshot(child.folder / "onewindow.sqlite3"))


def run_trials(template: Path, work: Path, seeds: list[int]) -> list[Outcome]:
    """One power cut per seed, children started AHEAD of time; a failure names its seed."""
    with plain_sqlite(template / "onewindow.sqlite3") as conn:
        template_cases = dict(
            conn.execute("SELECT application_id, COUNT(*) FROM application_actions GROUP BY application_id")
        )
    pending = iter(seeds)
    started: deque[Child] = deque()
    outcomes = []

    def top_up() -> None:
        while len(started) < AHEAD and (seed := next(pending, None)) is not None:
            started.append(spawn(template, work / f"trial-{seed}", seed))

    try:
        top_up()
        index = 0
        while started:
            child = started.popleft()
            top_up()
            rng = random.Random(child.seed)
            cut: Cut | None = None
            try:
                cut = power_cut(child, rng.uniform(*KILL_WINDOW))
                check_trial(child, cut, template_cases, with_cli=index % CLI_VERIFY_EVERY == 0)
            except AssertionError as exc:
                raise AssertionError(
                    f"power-cut trial seed {child.seed} failed ({cut.moment if cut else 'before the kill'}; "
                    f"repeat with ONEWINDOW_POWER_CUT_SEED={child.seed} ONEWINDOW_POWER_CUT_TRIALS=1 "
                    f"pytest '{Path(__file__).relative_to(ROOT)}::test_power_cuts_lose_no_case[0]'; "
                    f"folder kept at {child.folder}):\n{exc}"
                ) from exc
            finally:
                child.close()
            outcomes.append(Outcome(child.seed, cut))
            shutil.rmtree(child.folder)
            index += 1
    finally:
        for child in started:
            child.close()
    return outcomes


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo data folder (the real CLI: init --demo, two demo cases, the station key)."""
    folder = tmp_path_factory.mktemp("power-cut") / "template"
    code, out = cli(folder, "init", "--demo")
    assert code == 0, out
    code, out = cli(folder, "demo", "--cases", "2")
    assert code == 0, out
    return folder


def seeds_for(first: int, count: int) -> list[int]:
    if REPEAT_SEED is not None:
        first = int(REPEAT_SEED)
        count = int(os.environ.get("ONEWINDOW_POWER_CUT_TRIALS", "1"))
    return list(range(first, first + count))


def summarize(outcomes: list[Outcome]) -> str:
    commands = Counter(r["ok"] for o in outcomes for r in o.cut.done)
    mid = sum(o.cut.in_flight is not None for o in outcomes)
    return f"{len(outcomes)} power cuts, {mid} during a command; commands reported done: {dict(commands)}"


@pytest.mark.parametrize("block", range(BLOCKS))
def test_power_cuts_lose_no_case(template: Path, tmp_path: Path, block: int) -> None:
    outcomes = run_trials(template, tmp_path, seeds_for(1000 + block * TRIALS_PER_BLOCK, TRIALS_PER_BLOCK))
    print(summarize(outcomes))
    if REPEAT_SEED is None:
        # The kills land where they matter: mostly inside a command, after real work was done.
        assert sum(o.cut.in_flight is not None for o in outcomes) >= len(outcomes) // 2
        assert any(o.cut.done for o in outcomes)


@pytest.mark.soak
@pytest.mark.timeout(0)
def test_soak_power_cuts(template: Path, tmp_path: Path) -> None:
    block = 50
    outcomes: list[Outcome] = []
    for first in range(0, SOAK_TRIALS, block):
        outcomes += run_trials(
            template, tmp_path, seeds_for(100_000 + first, min(block, SOAK_TRIALS - first))
        )
        print(f"soak: {len(outcomes)} / {SOAK_TRIALS} power cuts", flush=True)
    print(summarize(outcomes))
    killed_in = Counter(o.cut.in_flight["start"] for o in outcomes if o.cut.in_flight)
    print(f"killed during: {dict(killed_in)}")
    assert set(killed_in) >= {"submit", "accept", "claim", "grant", "issue"}, killed_in


# ---------------------------------------------------------------------------- the checks bite
BREAKAGES = {
    "a case lost its last action": "DELETE FROM application_actions WHERE id = "
    "(SELECT MAX(id) FROM application_actions)",
    "a case lost its whole log": "DELETE FROM application_actions WHERE application_id = "
    "(SELECT MIN(application_id) FROM application_actions)",
    "an outbox row is gone": "DELETE FROM outbox WHERE kind = 'LicenceIssued'",
    "an acceptance event is gone": "DELETE FROM outbox WHERE kind = 'PermitRequestRouted'",
    "a queue column disagrees with the log": "UPDATE permit_requests SET state = 'in_review' "
    "WHERE id = (SELECT MIN(id) FROM permit_requests)",
    "a permit is gone": "DELETE FROM permits WHERE number = (SELECT MIN(number) FROM permits)",
    "a licence is off the status list": "DELETE FROM status_list WHERE kind = 'licence'",
    "a commitment check is gone": "DELETE FROM commitment_checks",
    "a number sequence went back": "UPDATE number_sequences SET last = last - 1 WHERE prefix LIKE 'YC%'",
    "an audit record is missing for a command": "UPDATE audit_log SET result = 'refused' "
    "WHERE action = 'issue.deliver'",
}


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_the_checks_notice_a_half_written_case(template: Path, tmp_path: Path, breakage: str) -> None:
    """The invariants are not vacuous: each way of half-writing the template's cases is caught."""
    folder = tmp_path / "broken"
    shutil.copytree(template, folder)
    db = folder / "onewindow.sqlite3"
    services = services_on(folder)
    try:
        assert not half_written(read_snapshot(db)) + replay_problems(services, read_snapshot(db))
    finally:
        dispose(services)
    with plain_sqlite(db) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        assert conn.execute(BREAKAGES[breakage]).rowcount > 0
        conn.commit()
    services = services_on(folder)
    try:
        snapshot = read_snapshot(db)
        assert half_written(snapshot) + replay_problems(services, snapshot), breakage
    finally:
        dispose(services)


def test_the_checks_notice_a_lost_command(template: Path) -> None:
    """A command reported done whose case is not there (or is behind the report) is caught."""
    snapshot = read_snapshot(template / "onewindow.sqlite3")
    with plain_sqlite(template / "onewindow.sqlite3") as conn:
        counts = dict(
            conn.execute("SELECT application_id, COUNT(*) FROM application_actions GROUP BY application_id")
        )
    app_id, count = next(iter(counts.items()))
    number = snapshot.number(app_id)
    base = {"application": app_id, "number": number, "request": None, "matter": None, "licence": None}
    lost = Cut(
        [{**base, "ok": "submit", "application": "gone", "before": 0, "seq": 1, "new": ["submit"]}], 0, None
    )
    assert any("missing" in p for p in reported_problems(snapshot, {}, lost))
    ahead = {
        **base,
        "ok": "deliver",
        "before": count,
        "seq": count + 1,
        "new": ["deliver"],
        "status": "delivered",
    }
    problems = reported_problems(snapshot, {}, Cut([ahead], 0, None))
    assert any("reported" in p for p in problems), problems
