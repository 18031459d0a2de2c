"""A small bar chart painted with QPainter: one group of bars per category, the value on each bar,
a legend when there is more than one series. Painting only — the data arrives ready-made."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = (QColor("#1f5fa8"), QColor("#e08a1e"), QColor("#2e7d32"), QColor("#8e24aa"))
AXIS = QColor("#444444")
GRID = QColor("#dddddd")


def nice_step(top: int) -> int:
    """A round step giving at most six gridlines up to ``top``."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000):
        if top / step <= 6:
            return step
    return max(1, top // 5)


class BarChart(QWidget):
    """Counts by category. ``set_data`` replaces what is shown; the chart repaints itself."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.categories: list[str] = []
        self.series: list[tuple[str, list[int]]] = []
        self.setMinimumSize(260, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAutoFillBackground(True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(460, 230)

    def set_data(self, categories: Sequence[str], series: Sequence[tuple[str, Sequence[int]]]) -> None:
        self.categories = list(categories)
        self.series = [(name, [int(v) for v in values]) for name, values in series]
        self.setAccessibleDescription(
            "；".join(
                f"{name}：" + "，".join(f"{c} {v}" for c, v in zip(self.categories, values, strict=False))
                for name, values in self.series
            )
        )
        self.update()

    def top_value(self) -> int:
        return max((v for _, values in self.series for v in values), default=0)

    # -- painting ---------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        width, height = float(self.width()), float(self.height())
        painter.setPen(AXIS)
        painter.drawText(QRectF(8, 4, width - 16, line), Qt.AlignmentFlag.AlignLeft, self.title)
        self._legend(painter, metrics, width)
        if not self.categories:
            return
        top_value = self.top_value()
        step = nice_step(max(top_value, 1))
        axis_top = (top_value // step + 1) * step
        label_width = metrics.horizontalAdvance(str(axis_top)) + 8
        rotated = self._needs_rotation(metrics, width - label_width - 16)
        bottom_space = line + 8 if not rotated else metrics.horizontalAdvance("第00周") * 0.75 + line
        plot = QRectF(
            label_width + 8, line * 2 + 8, width - label_width - 20, height - line * 2 - 16 - bottom_space
        )
        if plot.height() < 20 or plot.width() < 20:
            return
        # gridlines and value axis labels
        for value in range(0, axis_top + 1, step):
            y = plot.bottom() - plot.height() * value / axis_top
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(AXIS)
            painter.drawText(
                QRectF(0, y - line / 2, label_width + 4, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
        painter.setPen(QPen(AXIS, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        # bars
        slot = plot.width() / len(self.categories)
        count = max(len(self.series), 1)
        bar = min(slot * 0.8 / count, 60.0)
        for i, category in enumerate(self.categories):
            left = plot.left() + slot * i + (slot - bar * count) / 2
            for s, (_, values) in enumerate(self.series):
                value = values[i] if i < len(values) else 0
                bar_height = plot.height() * value / axis_top
                rect = QRectF(left + s * bar, plot.bottom() - bar_height, bar - 1, bar_height)
                painter.fillRect(rect, PALETTE[s % len(PALETTE)])
                painter.setPen(AXIS)
                painter.drawText(
                    QRectF(rect.left() - 10, rect.top() - line - 1, rect.width() + 20, line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    str(value),
                )
            self._category_label(painter, metrics, category, plot, slot, i, rotated)

    def _needs_rotation(self, metrics: QFontMetricsF, plot_width: float) -> bool:
        slot = plot_width / max(len(self.categories), 1)
        return any(metrics.horizontalAdvance(c) > slot - 4 for c in self.categories)

    def _category_label(
        self,
        painter: QPainter,
        metrics: QFontMetricsF,
        text: str,
        plot: QRectF,
        slot: float,
        index: int,
        rotated: bool,
    ) -> None:
        centre = plot.left() + slot * (index + 0.5)
        painter.setPen(AXIS)
        if not rotated:
            painter.drawText(
                QRectF(centre - slot / 2, plot.bottom() + 4, slot, metrics.height()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                text,
            )
            return
        painter.save()
        painter.translate(centre + metrics.height() / 3, plot.bottom() + 6)
        painter.rotate(-35)
        advance = metrics.horizontalAdvance(text)
        painter.drawText(QRectF(-advance, 0, advance, metrics.height()), Qt.AlignmentFlag.AlignRight, text)
        painter.restore()

    def _legend(self, painter: QPainter, metrics: QFontMetricsF, width: float) -> None:
        if len(self.series) < 2:  # one series needs no legend
            return
        x = width - 8
        line = metrics.height()
        for s, (name, _) in reversed(list(enumerate(self.series))):
            text_width = metrics.horizontalAdvance(name)
            x -= text_width
            painter.setPen(AXIS)
            painter.drawText(QRectF(x, 4, text_width, line), Qt.AlignmentFlag.AlignLeft, name)
            x -= line * 0.8 + 4
            painter.fillRect(QRectF(x, 4 + line * 0.15, line * 0.7, line * 0.7), PALETTE[s % len(PALETTE)])
            x -= 14
