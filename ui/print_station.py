"""打印中心: preview a case's documents (样本 watermark), print through Qt's print dialog to a
printer or a PDF file, a batch queue with progress and cancel, reprints with a reason, and
作废重出 of an industry licence. Every print, reprint and preview is recorded and audited."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.documents import IndustryLicenceDoc
from desktop.domain.users import Actor
from desktop.services import documents, issuing, printing
from desktop.services.base import Services
from desktop.services.documents import NamedDocument
from ui.errors import show_error
from ui.pdf_output import load_pdf, print_pdfs
from ui.tasks import run_in_background

WATERMARK = "样本"
_DOC_ROLE = Qt.ItemDataRole.UserRole


class PrintStation(QWidget):
    printed = Signal(int)  # how many documents went to the printer
    previewed = Signal(str)

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._case = ""
        self._preview_doc: QPdfDocument | None = None
        self._preview_buffer: object = None

        self.case_input = QLineEdit(self)
        self.case_input.setPlaceholderText(self.tr("办件编号，回车载入"))
        self.case_input.returnPressed.connect(lambda: self.load_case(self.case_input.text().strip()))
        self.queue = QListWidget(self)
        self.queue.currentItemChanged.connect(self._on_current_changed)
        self.preview = QPdfView(self)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.print_button = QPushButton(self.tr("打印所选 (Ctrl+P)"), self)
        self.print_button.setShortcut("Ctrl+P")
        self.print_button.clicked.connect(self.print_checked)
        self.void_button = QPushButton(self.tr("作废重出…"), self)
        self.void_button.clicked.connect(self._on_void_clicked)
        self.status = QLabel(self.tr("请输入办件编号"), self)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel(self.tr("办件："), left))
        left_layout.addWidget(self.case_input)
        left_layout.addWidget(QLabel(self.tr("待打印文书（勾选后打印）："), left))
        left_layout.addWidget(self.queue, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.void_button)
        left_layout.addLayout(buttons)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 860])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

    # -- loading -------------------------------------------------------------------------------
    def load_case(self, number: str) -> None:
        if not number:
            return
        self.status.setText(self.tr("正在载入办件 {number}…").format(number=number))
        services = self._services
        run_in_background(
            lambda: documents.case_documents(services, number),
            lambda docs: self._on_loaded(number, docs),
            self._on_failed,
        )

    def _on_loaded(self, number: str, docs: list[NamedDocument]) -> None:
        self._case = number
        self.case_input.setText(number)
        self.queue.clear()
        for named in docs:
            item = QListWidgetItem(f"{named.title}　{named.filename}")
            item.setData(_DOC_ROLE, named)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.queue.addItem(item)
        self.status.setText(self.tr("办件 {number}：{count} 份文书").format(number=number, count=len(docs)))
        if docs:
            self.queue.setCurrentRow(0)

    def _on_failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("操作未完成"))
        show_error(self, exc)

    def _named(self, item: QListWidgetItem | None) -> NamedDocument | None:
        if item is None:
            return None
        named = item.data(_DOC_ROLE)
        return named if isinstance(named, NamedDocument) else None

    def checked_documents(self) -> list[NamedDocument]:
        out = []
        for row in range(self.queue.count()):
            item = self.queue.item(row)
            named = self._named(item)
            if named is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(named)
        return out

    # -- preview -------------------------------------------------------------------------------
    def _on_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        named = self._named(current)
        if named is None:
            return
        services, actor, case = self._services, self._actor, self._case

        def render() -> bytes:
            pdf = documents.render(services, named.document, watermark=WATERMARK)
            printing.record(services, actor, named.filename, case, kind="preview")
            return pdf

        run_in_background(render, lambda pdf: self._show_preview(named, pdf), self._on_failed)

    def _show_preview(self, named: NamedDocument, pdf: bytes) -> None:
        document, buffer = load_pdf(pdf)
        self.preview.setDocument(document)
        if self._preview_doc is not None:
            self._preview_doc.close()
        self._preview_doc, self._preview_buffer = document, buffer
        self.previewed.emit(named.filename)

    # -- printing ------------------------------------------------------------------------------
    def choose_printer(self) -> QPrinter | None:
        """Qt's print dialog: a real printer, or "print to file" for a PDF."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印文书"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer

    def ask_reason(self, title: str) -> str | None:
        reason, ok = QInputDialog.getText(
            self, self.tr("补打原因"), self.tr("“{title}”已打印过，补打请填写原因：").format(title=title)
        )
        return reason.strip() if ok and reason.strip() else None

    def print_checked(self) -> None:
        """Ask for reprint reasons, choose the printer, render and print — the database and the
        rendering off the GUI thread, the painting on it (QPainter on a QPrinter)."""
        chosen = self.checked_documents()
        if not chosen:
            self.status.setText(self.tr("请先勾选要打印的文书"))
            return
        services = self._services
        self.print_button.setEnabled(False)
        run_in_background(
            lambda: [printing.times_printed(services, named.filename) for named in chosen],
            lambda counts: self._choose_and_render(chosen, counts),
            self._on_print_failed,
        )

    def _choose_and_render(self, chosen: list[NamedDocument], counts: list[int]) -> None:
        reasons: dict[str, str] = {}
        for named, count in zip(chosen, counts, strict=True):
            if count:
                reason = self.ask_reason(named.title)
                if reason is None:
                    self.print_button.setEnabled(True)
                    self.status.setText(self.tr("已取消：补打需要填写原因"))
                    return
                reasons[named.filename] = reason
        printer = self.choose_printer()
        if printer is None:
            self.print_button.setEnabled(True)
            self.status.setText(self.tr("已取消打印"))
            return
        self.status.setText(self.tr("正在生成 {count} 份文书…").format(count=len(chosen)))
        services = self._services
        run_in_background(
            lambda: [documents.render(services, named.document) for named in chosen],
            lambda pdfs: self._print(printer, chosen, pdfs, reasons),
            self._on_print_failed,
        )

    def _print(
        self, printer: QPrinter, chosen: list[NamedDocument], pdfs: list[bytes], reasons: dict[str, str]
    ) -> None:
        progress = QProgressDialog(self.tr("正在打印…"), self.tr("取消"), 0, len(chosen), self)
        progress.setWindowTitle(self.tr("批量打印"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)

        def on_progress(done: int) -> bool:
            progress.setValue(done)
            return not progress.wasCanceled()

        try:
            done = print_pdfs(printer, pdfs, on_progress=on_progress)
        except Exception as exc:
            progress.close()
            self._on_print_failed(exc)
            return
        progress.close()
        printed = chosen[:done]
        services, actor, case = self._services, self._actor, self._case

        def record() -> int:  # only what really went to the printer is recorded
            for named in printed:
                reason = reasons.get(named.filename, "")
                kind = "reprint" if reason else "print"
                printing.record(services, actor, named.filename, case, kind=kind, reason=reason)
            return done

        run_in_background(record, lambda _n: self._printed(done, len(chosen)), self._on_print_failed)

    def _printed(self, done: int, total: int) -> None:
        self.print_button.setEnabled(True)
        self.status.setText(
            self.tr("已打印 {count} 份文书").format(count=done)
            + (self.tr("（已取消其余）") if done < total else "")
        )
        self.printed.emit(done)

    def _on_print_failed(self, exc: BaseException) -> None:
        self.print_button.setEnabled(True)
        self._on_failed(exc)

    # -- void and reissue ------------------------------------------------------------------------
    def _on_void_clicked(self) -> None:
        named = self._named(self.queue.currentItem())
        if named is None or not isinstance(named.document, IndustryLicenceDoc):
            self.status.setText(self.tr("请先选中行业综合许可证"))
            return
        number = named.document.number
        reason, ok = QInputDialog.getText(
            self,
            self.tr("作废重出"),
            self.tr("作废证照 {number} 并重新出证，请填写原因：").format(number=number),
        )
        if not ok or not reason.strip():
            return
        answer = QMessageBox.question(
            self,
            self.tr("确认作废"),
            self.tr("确定作废证照 {number}？作废后原证照扫码将显示无效。").format(number=number),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.void_and_reissue(number, reason)

    def void_and_reissue(self, number: str, reason: str) -> None:
        services, actor, case = self._services, self._actor, self._case

        def done(new: object) -> None:
            self.status.setText(
                self.tr("已作废 {old}，新证照 {new}").format(old=number, new=getattr(new, "number", ""))
            )
            self.load_case(case)

        run_in_background(
            lambda: issuing.void_and_reissue(services, actor, number, reason), done, self._on_failed
        )
