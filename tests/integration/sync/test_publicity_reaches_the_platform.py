"""一公开 end to end: results recorded and published at a counter reach the central platform
through a real sync pass and appear on the business's public page (/yzx/{uscc})."""

from __future__ import annotations

import random
from pathlib import Path

from desktop.domain.users import SYSTEM_ACTOR, Actor, Role
from desktop.services import demo, inspections, setup
from desktop.services.catalog import CatalogBundle
from sync.client import CentralClient
from tests.integration.sync import harness as h
from tests.support.central import running_central

FIRE = "XF-01"


def test_published_inspection_results_appear_on_the_public_page(
    tmp_path: Path, bundle: CatalogBundle
) -> None:
    counter = h.make_counter(tmp_path / "counter", bundle)
    services = counter.services
    try:
        setup.initialise(services, bundle, demo=True)
        for n in range(2):
            demo.run_case(services, random.Random(n))
        drawn = inspections.draw_inspection(services, SYSTEM_ACTOR, FIRE, "2026-11-26 公开抽取", 1.0)
        first, second = drawn.result["subjects"][:2]
        for subject, outcome, findings in (
            (first, "corrected", "灭火器过期，已当场更换"),
            (second, "no_problem", ""),
        ):
            inspector = Actor(subject["inspectors"][0], Role.INSPECTOR, "县消防救援大队")
            inspections.record_result(services, inspector, drawn.draw_id, subject["uscc"], outcome, findings)
        inspections.publish_results(services, SYSTEM_ACTOR, drawn.draw_id)

        (tmp_path / "central").mkdir()
        with running_central(tmp_path / "central") as central:
            with CentralClient(central.base_url, h.enrol(central), sleep=h.no_sleep) as client:
                report = h.engine_for(counter, client).run_once()
            assert report.ok and report.pushed > 0 and report.pending == 0
            assert "InspectionResultsPublished" in {kind for kind, _p in h.server_events(central).values()}
            with central.client() as public:
                page = public.get(f"/yzx/{first['uscc']}").text
                other = public.get(f"/yzx/{second['uscc']}").text
        assert "抽查检查结果（双随机、一公开）" in page
        assert "消防安全检查：发现问题已责令改正" in page and "灭火器过期，已当场更换" in page
        assert "结果录入日期：2026-11-26" in page and "检查部门：县消防救援大队" in page
        assert "消防安全检查：未发现问题" in other and "灭火器过期" not in other
    finally:
        counter.dispose()
