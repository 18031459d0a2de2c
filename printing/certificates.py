"""The fixed-layout documents: 行业综合许可证, single permit certificate, 备案凭证.

Each kind is a ``FaceKind``: the name of its layout (resources/layouts/<name>.json) and the
fill-in variables it offers to that layout — page variables (``{number}``) and row lists for
tables (``permits`` with ``{matter}``, ``{number}``, ``{valid_until}`` …). A layout may use any of
these and nothing else (the tests check every shipped layout against this registry).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from desktop.domain.documents import (
    Applicant,
    FilingReceiptDoc,
    IndustryLicenceDoc,
    PermitCertificateDoc,
)
from printing.drawing import DocInfo
from printing.face import RenderedFace, Rows, Variables, render_face
from printing.layout import load_layout
from printing.text import format_date, format_validity

D = TypeVar("D")


@dataclass(frozen=True)
class FaceKind(Generic[D]):
    layout: str
    variables: Callable[[D], dict[str, str]]
    rows: Callable[[D], dict[str, list[dict[str, str]]]]
    info: Callable[[D], DocInfo]


def _applicant(a: Applicant) -> dict[str, str]:
    return {
        "enterprise_name": a.name,
        "uscc": a.uscc,
        "legal_representative": a.legal_representative,
        "address": a.address,
        "contact_phone": a.contact_phone,
    }


def _no_rows(_: object) -> dict[str, list[dict[str, str]]]:
    return {}


# ------------------------------------------------------------------ 行业综合许可证


def licence_variables(doc: IndustryLicenceDoc) -> dict[str, str]:
    return {
        **_applicant(doc.applicant),
        "title": doc.title,
        "number": doc.number,
        "industries": "、".join(doc.industries),
        "industry_count": str(len(doc.industries)),
        "permit_count": str(len(doc.permits)),
        "issuing_authority": doc.issuing_authority,
        "issued_on": format_date(doc.issued_on),
        "qr_text": doc.qr_text,
    }


def licence_rows(doc: IndustryLicenceDoc) -> dict[str, list[dict[str, str]]]:
    return {
        "permits": [
            {
                "index": str(i),
                "matter": p.matter_name,
                "number": p.number,
                "valid_until": format_validity(p.valid_until),
                "status": p.status,
            }
            for i, p in enumerate(doc.permits, start=1)
        ]
    }


def licence_info(doc: IndustryLicenceDoc) -> DocInfo:
    return DocInfo(f"{doc.title} {doc.number}", doc.applicant.name, doc.issuing_authority)


# ------------------------------------------------------------------ single permit certificate


def permit_variables(doc: PermitCertificateDoc) -> dict[str, str]:
    start = format_date(doc.valid_from)
    if doc.valid_until is None:
        validity = f"自{start}起长期有效"
    else:
        validity = f"{start}至{format_date(doc.valid_until)}"
    return {
        **_applicant(doc.applicant),
        "title": "许可证",
        "matter_name": doc.matter_name,
        "number": doc.number,
        "valid_from": start,
        "valid_until": format_validity(doc.valid_until),
        "validity": validity,
        "issuing_authority": doc.issuing_authority,
        "issued_on": format_date(doc.issued_on),
        "remarks": doc.remarks,
        "qr_text": doc.qr_text,
    }


def permit_info(doc: PermitCertificateDoc) -> DocInfo:
    return DocInfo(f"{doc.matter_name} 许可证 {doc.number}", doc.applicant.name, doc.issuing_authority)


# ------------------------------------------------------------------ 备案凭证


def filing_variables(doc: FilingReceiptDoc) -> dict[str, str]:
    return {
        **_applicant(doc.applicant),
        "title": "备案凭证",
        "matter_name": doc.matter_name,
        "number": doc.number,
        "filed_on": format_date(doc.filed_on),
        "department": doc.department,
        "issuing_authority": doc.issuing_authority,
        "remarks": doc.remarks,
    }


def filing_info(doc: FilingReceiptDoc) -> DocInfo:
    return DocInfo(f"备案凭证 {doc.number}", doc.applicant.name, doc.issuing_authority)


FACES: dict[type, FaceKind[Any]] = {
    IndustryLicenceDoc: FaceKind("industry_licence", licence_variables, licence_rows, licence_info),
    PermitCertificateDoc: FaceKind("permit_certificate", permit_variables, _no_rows, permit_info),
    FilingReceiptDoc: FaceKind("filing_receipt", filing_variables, _no_rows, filing_info),
}


def draw_face(doc: object, *, watermark: str | None = None) -> RenderedFace:
    """Draw a fixed-layout document and report what was drawn (boxes, fitted texts, QR codes)."""
    kind = FACES[type(doc)]
    variables: Variables = kind.variables(doc)
    rows: Rows = kind.rows(doc)
    return render_face(load_layout(kind.layout), variables, rows, kind.info(doc), watermark=watermark)


def render_certificate(doc: object, watermark: str | None) -> bytes:
    return draw_face(doc, watermark=watermark).pdf
