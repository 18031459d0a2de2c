"""Catalog versions in the database; an application keeps the version it was accepted under."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from db.models import CatalogVersionRow, IndustryRow, MatterRow, QuotaUsageRow, ScopeTermRow
from desktop.domain.catalog import (
    Catalog,
    CatalogVersion,
    CheckWindow,
    FormField,
    Industry,
    Material,
    MaterialSource,
    Matter,
    Provenance,
    Quota,
    ReformMode,
    ScopeTerm,
    ScopeTermKind,
)
from desktop.domain.errors import NotFound


def _version(row: CatalogVersionRow) -> CatalogVersion:
    return CatalogVersion(row.id, row.label, row.created_at.date(), row.source, row.note)


def _matter(row: MatterRow, used: dict[str, int]) -> Matter:
    return Matter(
        code=row.code,
        name=row.name,
        competent_department=row.competent_department,
        legal_basis=row.legal_basis,
        approval_level=row.approval_level,
        approving_department=row.approving_department,
        mode=ReformMode(row.mode),
        reform_measures=row.reform_measures,
        supervision_measures=row.supervision_measures,
        remarks=row.remarks,
        approval_method=row.approval_method,
        ftz_only=row.ftz_only,
        time_limit_days=row.time_limit_days,
        check_window=CheckWindow.parse(row.check_window),
        trial_operation_allowed=row.trial_operation_allowed,
        quota=Quota(row.quota_cap, used.get(row.code, 0)) if row.quota_cap else None,
        fields=tuple(FormField(f["code"], f["label"], f["type"], f["required"]) for f in row.fields),
        materials=tuple(
            Material(m["code"], m["name"], MaterialSource(m["source"]), m["copies"]) for m in row.materials
        ),
        conditions=tuple(row.conditions or ()),
        provenance=Provenance(row.source, row.verified),
    )


def _matter_row(version_id: int, position: int, m: Matter) -> MatterRow:
    fields: list[Any] = [
        {"code": f.code, "label": f.label, "type": f.type, "required": f.required} for f in m.fields
    ]
    materials: list[Any] = [
        {"code": x.code, "name": x.name, "source": x.source.value, "copies": x.copies} for x in m.materials
    ]
    return MatterRow(
        version_id=version_id,
        position=position,
        code=m.code,
        name=m.name,
        competent_department=m.competent_department,
        legal_basis=m.legal_basis,
        approval_level=m.approval_level,
        approving_department=m.approving_department,
        mode=m.mode.value,
        reform_measures=m.reform_measures,
        supervision_measures=m.supervision_measures,
        remarks=m.remarks,
        approval_method=m.approval_method,
        ftz_only=m.ftz_only,
        time_limit_days=m.time_limit_days,
        check_window=str(m.check_window) if m.check_window else "",
        trial_operation_allowed=m.trial_operation_allowed,
        quota_cap=m.quota.cap if m.quota else None,
        fields=fields,
        materials=materials,
        conditions=list(m.conditions),
        source=m.provenance.source,
        verified=m.provenance.verified,
    )


# Catalog versions never change once written: keep the parsed ones (small: ~60 matters, ~420 terms)
# per database and version, and add only the quota counts, which do change, on every load.
_PARSED: dict[tuple[str, int, str, str], Catalog] = {}
_PARSED_MAX = 16


class SqlCatalogRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def versions(self) -> list[CatalogVersion]:
        rows = self._s.scalars(select(CatalogVersionRow).order_by(CatalogVersionRow.id))
        return [_version(r) for r in rows]

    def current(self) -> Catalog | None:
        row = self._s.scalars(select(CatalogVersionRow).where(CatalogVersionRow.is_current)).first()
        return self._load(row) if row else None

    def get(self, version_id: int) -> Catalog:
        row = self._s.get(CatalogVersionRow, version_id)
        if row is None:
            raise NotFound(f"没有编号为 {version_id} 的事项清单版本")
        return self._load(row)

    def _load(self, version: CatalogVersionRow) -> Catalog:
        used = {q.matter_code: q.used for q in self._s.scalars(select(QuotaUsageRow))}
        key = (str(self._s.get_bind().engine.url), version.id, version.label, version.created_at.isoformat())
        parsed = _PARSED.get(key)
        if parsed is None:
            parsed = self._parse(version)
            if len(_PARSED) >= _PARSED_MAX:
                _PARSED.pop(next(iter(_PARSED)))
            _PARSED[key] = parsed
        return parsed.with_quota_usage(used)

    def _parse(self, version: CatalogVersionRow) -> Catalog:
        used: dict[str, int] = {}
        matters = self._s.scalars(
            select(MatterRow).where(MatterRow.version_id == version.id).order_by(MatterRow.position)
        )
        industries = self._s.scalars(
            select(IndustryRow).where(IndustryRow.version_id == version.id).order_by(IndustryRow.id)
        )
        terms = self._s.scalars(
            select(ScopeTermRow).where(ScopeTermRow.version_id == version.id).order_by(ScopeTermRow.id)
        )
        return Catalog(
            _version(version),
            [_matter(r, used) for r in matters],
            [
                Industry(
                    r.code,
                    r.name,
                    r.lead_department,
                    tuple(r.matter_codes),
                    Provenance(r.source, r.verified),
                )
                for r in industries
            ],
            [
                ScopeTerm(
                    r.term,
                    ScopeTermKind(r.kind),
                    tuple(r.matter_codes),
                    Provenance(r.source, r.verified),
                )
                for r in terms
            ],
        )

    def add_version(
        self,
        label: str,
        source: str,
        note: str,
        created_at: datetime,
        matters: Sequence[Matter],
        industries: Sequence[Industry],
        scope_terms: Sequence[ScopeTerm],
    ) -> CatalogVersion:
        self._s.execute(update(CatalogVersionRow).values(is_current=False))
        version = CatalogVersionRow(
            label=label, source=source, note=note, created_at=created_at, is_current=True
        )
        self._s.add(version)
        self._s.flush()
        self._s.add_all(_matter_row(version.id, i, m) for i, m in enumerate(matters))
        self._s.add_all(
            IndustryRow(
                version_id=version.id,
                code=i.code,
                name=i.name,
                lead_department=i.lead_department,
                matter_codes=list(i.matter_codes),
                source=i.provenance.source,
                verified=i.provenance.verified,
            )
            for i in industries
        )
        self._s.add_all(
            ScopeTermRow(
                version_id=version.id,
                term=t.term,
                kind=t.kind.value,
                matter_codes=list(t.matter_codes),
                source=t.provenance.source,
                verified=t.provenance.verified,
            )
            for t in scope_terms
        )
        self._s.flush()
        return _version(version)
