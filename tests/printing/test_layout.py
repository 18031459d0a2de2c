"""Layouts are data: the shipped ones load through importlib.resources, use only variables their
document kind offers, and broken layouts are refused with a message that says where."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

from printing.certificates import FACES
from printing.layout import Box, LayoutError, Qr, Table, load_layout, parse_layout, template_names
from tests.printing import samples

SAMPLES = {
    "industry_licence": samples.licence(),
    "permit_certificate": samples.permit_certificate(),
    "filing_receipt": samples.filing_receipt(),
}


def test_each_face_kind_has_a_shipped_layout() -> None:
    shipped = {p.name for p in (files("resources") / "layouts").iterdir() if p.name.endswith(".json")}
    assert {f"{kind.layout}.json" for kind in FACES.values()} == shipped
    assert {kind.layout for kind in FACES.values()} == set(SAMPLES)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_layout_uses_only_variables_its_document_offers(name: str) -> None:
    doc = SAMPLES[name]
    kind = FACES[type(doc)]
    variables = kind.variables(doc)
    rows = kind.rows(doc)
    layout = load_layout(name)
    for where, template in layout.templates():
        for var in template_names(template):
            if where:
                assert var in variables or all(var in row for row in rows[where]), (name, var)
            else:
                assert var in variables or var in rows, (name, var)


def test_licence_layout_has_a_qr_of_at_least_40_mm_and_a_permit_table() -> None:
    layout = load_layout("industry_licence")
    (qr,) = [e for e in layout.elements if isinstance(e, Qr)]
    assert qr.box.width == qr.box.height >= 40
    (table,) = [e for e in layout.elements if isinstance(e, Table)]
    assert table.rows == "permits"
    assert [c.title for c in table.columns] == ["序号", "许可事项", "许可证编号", "有效期至"]
    assert (layout.width, layout.height) == (210, 297)  # A4 portrait


def test_layouts_are_cached() -> None:
    assert load_layout("industry_licence") is load_layout("industry_licence")


def test_box_to_points_flips_the_y_axis() -> None:
    x, y, w, h = Box(10, 20, 30, 40).to_points(297)
    assert (x, w, h) == pytest.approx((10 * 72 / 25.4, 30 * 72 / 25.4, 40 * 72 / 25.4))
    assert y == pytest.approx((297 - 20 - 40) * 72 / 25.4)


def _layout(*elements: dict[str, object]) -> str:
    return json.dumps({"page": {"width": 210, "height": 297}, "elements": list(elements)})


@pytest.mark.parametrize(
    ("element", "message"),
    [
        ({"type": "qr", "box": [10, 10, 30, 30], "text": "{qr_text}"}, "at least 40 mm"),
        ({"type": "qr", "box": [10, 10, 45, 50], "text": "{qr_text}"}, "square"),
        ({"type": "text", "box": [200, 10, 30, 10], "text": "x", "max_size": 10}, "not inside"),
        (
            {"type": "text", "box": [10, 10, 30, 10], "text": "x", "max_size": 10, "colour": "red"},
            "unknown keys",
        ),
        ({"type": "text", "box": [10, 10, 30, 10], "text": "{oops", "max_size": 10}, "not a valid template"),
        ({"type": "text", "box": [10, 10, 30, 10], "text": "x", "max_size": 8, "min_size": 9}, "min_size"),
        ({"type": "text", "box": [10, 10, 30, 10], "text": "x", "max_size": 9, "align": "justify"}, "align"),
        ({"type": "circle", "box": [10, 10, 30, 10]}, "unknown element type"),
        (
            {
                "type": "table",
                "box": [10, 10, 100, 50],
                "rows": "permits",
                "header_height": 8,
                "max_row_height": 10,
                "max_size": 10,
                "columns": [{"title": "a", "width": 60, "text": "{a}"}],
            },
            "add up",
        ),
    ],
)
def test_broken_layouts_are_refused(element: dict[str, object], message: str) -> None:
    with pytest.raises(LayoutError, match=message) as info:
        parse_layout("broken", _layout(element))
    assert "layout 'broken' element 0" in str(info.value)


def test_not_json_is_refused() -> None:
    with pytest.raises(LayoutError, match="not valid JSON"):
        parse_layout("broken", "{")
    with pytest.raises(LayoutError, match="bad layout name"):
        load_layout("../secrets")
