"""Put PDF bytes on a QPrinter (a real printer or a PDF file) through QtPdf."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from desktop.domain.errors import DomainError


def load_pdf(data: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over ``data``; keep the returned buffer alive as long as the document."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise DomainError("文书 PDF 无法打开")
    return document, buffer


def print_pdfs(
    printer: QPrinter,
    pdfs: Sequence[bytes],
    dpi: int = 300,
    on_progress: Callable[[int], bool] | None = None,
) -> int:
    """Print each PDF's pages in one job; ``on_progress(done)`` returning False cancels.

    Returns how many documents were printed completely.
    """
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise DomainError("无法开始打印：请检查打印机或输出文件")
    done = 0
    first = True
    try:
        for data in pdfs:
            document, buffer = load_pdf(data)
            for page in range(document.pageCount()):
                size = document.pagePointSize(page)
                if not first:
                    printer.newPage()
                first = False
                pixels = QSize(round(size.width() / 72 * dpi), round(size.height() / 72 * dpi))
                image = document.render(page, pixels)
                target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
                painter.drawImage(target, image)
            document.close()
            buffer.close()
            done += 1
            if on_progress is not None and not on_progress(done):
                break
    finally:
        painter.end()
    return done


def file_printer(path: str) -> QPrinter:
    """A printer that writes a PDF file (Qt's own "print to file")."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer
