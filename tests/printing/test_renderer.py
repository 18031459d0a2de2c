"""ReportLabRenderer is the DocumentRenderer port: one registry entry per document kind."""

from __future__ import annotations

import typing
from datetime import date

import pytest

from desktop.domain.documents import DOCUMENT_TITLES, Document
from desktop.ports import DocumentRenderer
from printing.renderer import RENDERERS, ReportLabRenderer
from tests.printing import samples


def test_every_document_kind_has_a_renderer() -> None:
    kinds = set(typing.get_args(Document))
    assert kinds == set(RENDERERS) == set(DOCUMENT_TITLES)


def test_satisfies_the_port() -> None:
    renderer: DocumentRenderer = ReportLabRenderer()
    pdf = renderer.render(samples.refusal_notice(), watermark=None)
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")


@pytest.mark.parametrize("kind", sorted(samples.every_document()))
def test_renders_pdf_bytes(kind: str) -> None:
    pdf = ReportLabRenderer().render(samples.every_document()[kind])
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF-")


def test_an_unknown_object_is_refused() -> None:
    with pytest.raises(TypeError, match="no renderer"):
        ReportLabRenderer().render(date(2026, 1, 1))  # type: ignore[arg-type]


def test_an_empty_watermark_is_no_watermark() -> None:
    doc = samples.supplement_notice()
    renderer = ReportLabRenderer()
    assert renderer.render(doc, watermark="") == renderer.render(doc)
