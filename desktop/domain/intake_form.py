"""One form for all matters (一表申请): shared fields asked once, one de-duplicated materials
checklist without what the government already holds, and the reduction this brings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.domain.catalog import FormField, Material, MaterialSource, Matter


@dataclass(frozen=True)
class Reduction:
    fields_before: int
    fields_after: int
    materials_before: int
    materials_after: int
    days_before: int  # each matter on its own, one after another
    days_after: int  # handled in parallel: the longest limit

    @property
    def fields_saved(self) -> int:
        return self.fields_before - self.fields_after

    @property
    def materials_saved(self) -> int:
        return self.materials_before - self.materials_after


@dataclass(frozen=True)
class MergedForm:
    fields: tuple[FormField, ...]  # a field is required when any matter requires it
    materials: tuple[Material, ...]  # only what the applicant hands in
    government_held: tuple[Material, ...]  # shown as 无需提交
    reduction: Reduction


def merge(matters: Sequence[Matter]) -> MergedForm:
    fields: dict[str, FormField] = {}
    for matter in matters:
        for f in matter.fields:
            known = fields.get(f.code)
            if known is None or (f.required and not known.required):
                fields[f.code] = f
    asked: dict[str, Material] = {}
    held: dict[str, Material] = {}
    for matter in matters:
        for m in matter.materials:
            target = asked if m.source is MaterialSource.APPLICANT else held
            known_material = target.get(m.code)
            if known_material is None or m.copies > known_material.copies:
                target[m.code] = m
    for code in list(held):
        asked.pop(code, None)  # a material some department holds is never asked for again
    reduction = Reduction(
        fields_before=sum(len(m.fields) for m in matters),
        fields_after=len(fields),
        materials_before=sum(len(m.materials) for m in matters),
        materials_after=len(asked),
        days_before=sum(m.time_limit_days for m in matters),
        days_after=max((m.time_limit_days for m in matters), default=0),
    )
    return MergedForm(tuple(fields.values()), tuple(asked.values()), tuple(held.values()), reduction)
