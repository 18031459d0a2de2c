"""Merging several matters' forms into one, on a fixture with known numbers."""

from __future__ import annotations

from desktop.domain.catalog import FormField, Material, MaterialSource, Matter, ReformMode
from desktop.domain.intake_form import merge

A, G = MaterialSource.APPLICANT, MaterialSource.GOVERNMENT


def matter(code: str, days: int, fields: list[str], materials: list[tuple[str, MaterialSource]]) -> Matter:
    return Matter(
        code, code, "部门", "待核实", "县级", "审批局", ReformMode.OPTIMIZE, time_limit_days=days,
        fields=tuple(FormField(f, f) for f in fields),
        materials=tuple(Material(m, m, s) for m, s in materials),
    )  # fmt: skip


def test_known_numbers() -> None:
    food = matter(
        "F", 10, ["name", "uscc", "area", "food_items"], [("licence", G), ("plan", A), ("rules", A)]
    )
    tobacco = matter(
        "T", 15, ["name", "uscc", "area", "distance"], [("licence", G), ("plan", A), ("lease", A)]
    )
    fire = matter("X", 0, ["name", "uscc", "exits"], [("commitment", A), ("lease", A)])
    merged = merge([food, tobacco, fire])
    r = merged.reduction
    assert (r.fields_before, r.fields_after) == (11, 6)
    assert (r.materials_before, r.materials_after) == (8, 4)  # plan, rules, lease, commitment
    assert (r.days_before, r.days_after) == (25, 15)
    assert [m.code for m in merged.government_held] == ["licence"]
    assert {f.code for f in merged.fields} == {"name", "uscc", "area", "food_items", "distance", "exits"}


def test_government_held_material_is_never_asked_even_if_another_matter_lists_it_for_the_applicant() -> None:
    one = matter("A", 5, [], [("id_card", G)])
    two = matter("B", 5, [], [("id_card", A)])
    merged = merge([one, two])
    assert merged.materials == () and [m.code for m in merged.government_held] == ["id_card"]


def test_empty() -> None:
    r = merge([]).reduction
    assert (r.fields_after, r.materials_after, r.days_after) == (0, 0, 0)
