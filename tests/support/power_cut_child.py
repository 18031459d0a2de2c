"""A counter at work in its own process, for the power-cut (SIGKILL) trials of the case commands.

    python tests/support/power_cut_child.py DATA_DIR SEED [MAX_COMMANDS]

It opens the services on the data folder exactly as the application does (``desktop.runtime.
AppRuntime(data_dir=…).open()``: SQLite in WAL with synchronous=FULL, the audit key and the signing
keys from the folder), loads the catalog (so the first intake is not spent parsing it), prints
``{"ready": PID}`` and waits for one line on stdin, so the parent can
start the clock only once the imports are done. Then it works until killed (or MAX_COMMANDS,
default 5000): intake (``submit`` a new case, ``accept`` it), review (``claim`` and ``grant`` or
``deny`` an item), issuing (``issue``, ``deliver``), picking with ``random.Random(SEED)`` among the
commands its own cases allow. Every command is announced before it starts and reported after it
returned, one JSON line each, flushed at once (one ``write``, so a line is whole or absent)::

    {"start": "grant", "application": "…", "request": "…"}
    {"ok": "grant", "application": "…", "number": "YC…", "request": "…", "matter": "SCJG-01",
     "before": 4, "seq": 6, "new": ["claim", "grant"], "status": "decided",
     "states": {"<request id>": "granted", …}, "licence": null, "permits": []}

``before``/``seq`` are the case's action count before and after the command and ``new`` the kinds
of the actions it appended (for ``claim`` + ``grant`` shown above the claim was its own command:
``before`` is the count the child last knew). A command that fails is a bug here (the child only
issues commands its cases allow): it prints ``{"error": …}`` and exits 3.
"""

from __future__ import annotations

import json
import os
import random
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project root, as pytest has it

from desktop.domain.applications import Application, ApplicationStatus, RequestState
from desktop.domain.enterprises import Enterprise
from desktop.domain.users import Actor, Role
from desktop.runtime import AppRuntime
from desktop.services import catalog, intake, issuing, review
from desktop.services.base import Services
from desktop.services.demo import random_uscc

# Matters whose reform modes cover every way out of acceptance: OPTIMIZE (routed to review),
# FILING (filed at once), COMMITMENT (granted on the signed letter, or routed when declined),
# CANCEL (recorded and pushed). None has a quota.
MATTERS = ["SCJG-01", "YC-01", "SW-01", "SCJG-02", "YJ-03", "XF-01", "MZ-01"]
CLERK = Actor("clerk", Role.CLERK)
ISSUER = Actor("issuer", Role.ISSUER)
WEIGHTS = {"submit": 2, "accept": 3, "claim": 3, "decide": 4, "issue": 3, "deliver": 1}


def say(record: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def reviewer(department: str) -> Actor:
    return Actor("reviewer", Role.REVIEWER, department)


class Worker:
    def __init__(self, services: Services, rng: random.Random) -> None:
        self.services = services
        self.rng = rng
        self.cases: dict[str, Application] = {}  # what this process made and last saw of each case

    def choices(self) -> list[tuple[str, Application | None, str | None]]:
        options: list[tuple[str, Application | None, str | None]] = [("submit", None, None)]
        for app in self.cases.values():
            if app.status is ApplicationStatus.RECEIVED:
                options.append(("accept", app, None))
            elif app.status is ApplicationStatus.DECIDED:
                options.append(("issue", app, None))
            elif app.status is ApplicationStatus.ISSUED:
                options.append(("deliver", app, None))
            for request in app.requests.values():
                if request.state is RequestState.IN_REVIEW:
                    options.append(("claim", app, request.id))
                elif request.state is RequestState.CLAIMED:
                    options.append(("decide", app, request.id))
        return options

    def step(self) -> None:
        options = self.choices()
        kind, app, request = self.rng.choices(options, weights=[WEIGHTS[o[0]] for o in options])[0]
        if kind == "decide":
            kind = "deny" if self.rng.random() < 0.2 else "grant"
        say({"start": kind, "application": app.id if app else None, "request": request})
        before = len(app.actions) if app else 0
        licence: str | None = None
        permits: list[str] = []
        svc = self.services
        if kind == "submit":
            done = self._submit()
        elif kind == "accept":
            assert app is not None
            codes = [r.matter_code for r in app.requests.values()]
            signed = {c for c in codes if self.rng.random() < 0.6}  # the applicant signs, or declines
            done = intake.accept(svc, CLERK, app.id, committed=signed)
        elif kind in ("claim", "grant", "deny"):
            assert app is not None and request is not None
            actor = reviewer(app.requests[request].department)
            if kind == "claim":
                done = review.claim(svc, actor, app.id, request)
            elif kind == "grant":
                done = review.grant(svc, actor, app.id, request, "材料齐全，符合条件")
            else:
                done = review.deny(svc, actor, app.id, request, "经营场所不符合要求")
        elif kind == "issue":
            assert app is not None
            issued = issuing.issue(svc, ISSUER, app.id)
            done = issued.application
            licence = issued.licence.number if issued.licence else None
            permits = [p.number for p in issued.permits]
        else:
            assert app is not None
            done = issuing.deliver(svc, ISSUER, app.id, "李晓梅")
        self.cases[done.id] = done
        say(
            {
                "ok": kind,
                "application": done.id,
                "number": done.number,
                "request": request,
                "matter": done.requests[request].matter_code if request else None,
                "before": before,
                "seq": len(done.actions),
                "new": [a.kind.value for a in done.actions[before:]],
                "status": done.status.value,
                "states": {r.id: r.state.value for r in done.requests.values()},
                "licence": licence,
                "permits": permits,
            }
        )

    def _submit(self) -> Application:
        rng = self.rng
        company = Enterprise(
            uscc=random_uscc(rng),
            name=f"断电试验{rng.randint(100, 999)}号便利店有限公司",
            legal_representative="李晓梅",
            address="演示县城关镇人民路88号",
            contact_phone="13900000000",
            legal_representative_id="11010519491231002X",
        )
        codes = rng.sample(MATTERS, rng.randint(1, 4))
        return intake.submit(self.services, CLERK, company, codes, {"business_area": "86"})


def main(argv: Sequence[str]) -> int:
    data_dir, seed = argv[0], int(argv[1])
    max_commands = int(argv[2]) if len(argv) > 2 else 5000
    services = AppRuntime(data_dir=data_dir).open()
    catalog.current(services)  # warm: the first intake would otherwise spend its time parsing the catalog
    say({"ready": os.getpid()})
    if sys.stdin.readline().strip() != "go":
        return 0
    worker = Worker(services, random.Random(seed))
    for _ in range(max_commands):
        try:
            worker.step()
        except Exception as exc:
            say({"error": repr(exc)})
            traceback.print_exc()
            return 3
    say({"finished": max_commands})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
