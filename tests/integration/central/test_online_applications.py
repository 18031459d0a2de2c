"""一网办: the portal submits an application; it reaches that hall's counters only."""

from __future__ import annotations

from typing import Any

from tests.integration.central.helpers import USCC, enrol
from tests.support.central import CentralHandle


def _application(hall: str, uscc: str = USCC) -> dict[str, Any]:
    return {
        "hall": hall,
        "enterprise": {
            "uscc": uscc,
            "name": "晋中市榆次区便民超市有限公司",
            "legal_representative": "王五",
            "address": "山西省晋中市榆次区迎宾街1号",
            "contact_phone": "13800000000",
            "legal_representative_id": "11010519491231002X",
            "kind": "有限责任公司",
            "in_ftz": False,
        },
        "matters": ["SCJG-01"],
        "industries": ["BLD"],
        "form_values": {"area": "120"},
        "materials": ["营业执照"],
        "contact": "王五 13800000000",
    }


def test_an_application_reaches_its_hall_only(central: CentralHandle) -> None:
    response = central.admin_post("/api/v1/online-applications", _application("A"))
    assert response.status_code == 200, response.text
    app_id = response.json()["id"]
    assert response.json()["warnings"] == []
    with enrol(central, "A窗口", "A") as hall_a, enrol(central, "B窗口", "B") as hall_b:
        (item,) = hall_a.pull_all("online_applications")
        assert hall_b.pull_all("online_applications") == []
    assert item["key"] == app_id
    data = item["data"]
    assert data["id"] == app_id and data["submitted_at"]
    assert data["enterprise"]["uscc"] == USCC and data["enterprise"]["legal_representative"] == "王五"
    assert data["matters"] == ["SCJG-01"] and data["industries"] == ["BLD"]
    assert data["form_values"] == {"area": "120"} and data["materials"] == ["营业执照"]
    assert data["scope"] == "" and "hall" not in data


def test_a_failed_check_character_is_only_a_warning(central: CentralHandle) -> None:
    response = central.admin_post("/api/v1/online-applications", _application("A", "91350100m0001tgqxm"))
    assert response.status_code == 200, response.text
    (warning,) = response.json()["warnings"]
    assert "校验位" in warning
    with enrol(central, "A窗口", "A") as hall_a:
        (item,) = hall_a.pull_all("online_applications")
    assert item["data"]["enterprise"]["uscc"] == "91350100M0001TGQXM"  # normalised


def test_a_malformed_uscc_is_422_in_chinese(central: CentralHandle) -> None:
    short = central.admin_post("/api/v1/online-applications", _application("A", "9131011066600721"))
    assert short.status_code == 422
    assert short.json()["detail"] == "统一社会信用代码应为18位，当前为16位"
    bad_char = central.admin_post("/api/v1/online-applications", _application("A", "91310110666007217I"))
    assert bad_char.status_code == 422 and "第18位" in bad_char.json()["detail"]
    no_hall = central.admin_post("/api/v1/online-applications", _application(""))
    assert no_hall.status_code == 422
