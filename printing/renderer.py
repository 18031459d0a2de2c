"""``ReportLabRenderer``: the ``desktop.ports.DocumentRenderer`` of the application.

A registry maps each document dataclass to the function that renders it: the fixed one-page
documents are drawn from their layout (printing.certificates), the letters and notices flow over
as many pages as they need (printing.notices). Fonts, layouts and QR matrices are cached, so the
first render pays for loading the font (about 0.1 s) and later ones do not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.domain.documents import Document
from desktop.domain.statistics import Ledger
from printing.certificates import FACES, render_certificate
from printing.ledger_report import render_ledger
from printing.notices import LETTERS, render_letter

RenderFunction = Callable[[Any, str | None], bytes]

RENDERERS: dict[type, RenderFunction] = {
    **{kind: render_certificate for kind in FACES},
    **{kind: render_letter for kind in LETTERS},
}


class ReportLabRenderer:
    """Renders every document kind of ``desktop.domain.documents`` as PDF bytes (A4 portrait)."""

    def render(self, document: Document, *, watermark: str | None = None) -> bytes:
        """The PDF of ``document``; ``watermark`` (e.g. "样本" for a preview) is printed large,
        diagonal and light grey under the content of every page."""
        render = RENDERERS.get(type(document))
        if render is None:
            raise TypeError(f"no renderer for {type(document).__name__}")
        return render(document, watermark or None)

    def render_ledger(self, ledger: Ledger) -> bytes:
        """改革工作台账 (desktop.ports.LedgerRenderer)."""
        return render_ledger(ledger)
