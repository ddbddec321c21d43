"""A job's last runs as a row of coloured cells, oldest left, newest right: its health at a glance.

The cells are the newest rows of the run history the detail pane already
holds (no read of its own). Each cell is a run in its state's pip colour; a
missed span is a ring, as everywhere else. Hover says when and how it went,
a click opens the run. From the keyboard the strip takes focus, the arrows
(and Home/End) move between cells and Enter opens one; the accessible
description says what the focused cell is.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..core.states import RunStatus
from .models import Role, run_status_text
from .pips import HOLLOW, pip_colour
from .run_history import HistoryModel
from .when import Part, local_text

CELLS = 20
CELL = 16  # px, square
GAP = 4


class StatusStrip(QWidget):
    """The newest :data:`CELLS` runs of a :class:`HistoryModel`, newest on the right."""

    openRun = Signal(str)

    def __init__(self, runs: HistoryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusStrip")
        self.runs = runs
        self.current = -1  # the focused cell, -1 when there are none
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Last runs"))
        for sig in (runs.modelReset, runs.rowsInserted, runs.rowsRemoved, runs.dataChanged, runs.layoutChanged):
            sig.connect(self._changed)
        self._changed()

    # ----------------------------------------------------------------- what it shows

    def cells(self) -> list[Any]:
        """The runs shown, oldest first (the rightmost is the newest)."""
        count = min(CELLS, self.runs.rowCount())
        return [self.runs.index(row, 0).data(Role.Run) for row in reversed(range(count))]

    def tooltip(self, i: int) -> str:
        cells = self.cells()
        if not 0 <= i < len(cells):
            return ""
        run = cells[i]
        if run.status == RunStatus.MISSED:
            return str(self.runs.index(len(cells) - 1 - i, 0).data(Qt.ItemDataRole.DisplayRole) or "")
        when = local_text(datetime.fromtimestamp(run.started_at, UTC), self.runs.tz, Part.DATE_TIME)
        return self.tr("{when} · {outcome}").format(when=when, outcome=run_status_text(run.status))

    def _changed(self, *args: object) -> None:
        cells = self.cells()
        self.current = min(self.current, len(cells) - 1) if self.current >= 0 else len(cells) - 1
        failed = sum(run.status == RunStatus.ERROR for run in cells)
        missed = sum(run.status == RunStatus.MISSED for run in cells)
        self.setAccessibleDescription(
            self.tr("%n run(s) shown, oldest first.", "", len(cells)) + " "
            + self.tr("%n failed.", "", failed) + " " + self.tr("%n missed.", "", missed) + " "
            + self.tooltip(self.current))
        self.updateGeometry()
        self.update()

    # ----------------------------------------------------------------- geometry

    def sizeHint(self) -> QSize:
        return QSize(CELLS * (CELL + GAP) + GAP, CELL + 2 * GAP)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def cell_rect(self, i: int) -> QRect:
        return QRect(GAP + i * (CELL + GAP), GAP, CELL, CELL)

    def cell_at(self, pos: QPoint) -> int:
        for i in range(len(self.cells())):
            if self.cell_rect(i).adjusted(-GAP // 2, -GAP, GAP // 2, GAP).contains(pos):
                return i
        return -1

    # ----------------------------------------------------------------- drawing

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        cells = self.cells()
        for i, run in enumerate(cells):
            rect = QRectF(self.cell_rect(i))
            colour = pip_colour(run.status)
            if run.status in HOLLOW:
                painter.setPen(QPen(colour, 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(rect, 3, 3)
            if run.status == RunStatus.ERROR:  # a failure differs in shape too: a bar across it
                painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Base), 2))
                painter.drawLine(rect.center().toPoint() + QPoint(-4, 0), rect.center().toPoint() + QPoint(4, 0))
        for i in range(len(cells), CELLS):  # room for runs to come: faint outlines
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.cell_rect(i)).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        if self.hasFocus() and 0 <= self.current < len(cells):
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.cell_rect(self.current)).adjusted(-2, -2, 2, 2), 4, 4)
        painter.end()

    # ----------------------------------------------------------------- input

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        i = self.cell_at(event.position().toPoint())
        self.setToolTip(self.tooltip(i) if i >= 0 else "")  # Qt shows it on hover, as for any widget
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        i = self.cell_at(event.position().toPoint())
        if i >= 0 and event.button() == Qt.MouseButton.LeftButton:
            self._move(i)
            self.open(i)
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        count = len(self.cells())
        key = event.key()
        if count and key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End):
            target = {Qt.Key.Key_Left: self.current - 1, Qt.Key.Key_Right: self.current + 1,
                      Qt.Key.Key_Home: 0, Qt.Key.Key_End: count - 1}[Qt.Key(key)]
            self._move(max(0, min(count - 1, target)))
            return
        if count and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.open(self.current)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def _move(self, i: int) -> None:
        self.current = i
        self._changed()
        if self.hasFocus():
            QToolTip.showText(self.mapToGlobal(self.cell_rect(i).bottomLeft()), self.tooltip(i), self)

    def open(self, i: int) -> None:
        cells = self.cells()
        if 0 <= i < len(cells) and cells[i].id:
            self.openRun.emit(cells[i].id)

    def index_of(self, i: int) -> QModelIndex:
        """The history row of cell ``i``."""
        return self.runs.index(len(self.cells()) - 1 - i, 0)
