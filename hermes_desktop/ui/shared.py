"""Parts the cron window and the Profiles window share: one implementation each."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from .models import Role, state_text
from .pips import paint_pip
from .prefs import UiPrefs

Index = QModelIndex | QPersistentModelIndex


class SplitLayout(QSplitter):
    """A list pane and a detail pane, resizable; the split is remembered under ``name``."""

    def __init__(self, name: str, prefs: UiPrefs, list_pane: QWidget, detail_pane: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName(f"{name}Split")
        self.name = name
        self.prefs = prefs
        self.setChildrenCollapsible(False)
        self.addWidget(list_pane)
        self.addWidget(detail_pane)
        self.setStretchFactor(1, 1)
        self.setSizes([280, 560])
        state = prefs.splitter(name)
        if state is not None:
            self.restoreState(state)
        self.splitterMoved.connect(lambda *_: self.prefs.set_splitter(self.name, self.saveState()))

    @staticmethod
    def pane(*widgets: QWidget, margins: tuple[int, int, int, int] = (8, 8, 8, 8)) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(*margins)
        for w in widgets:
            layout.addWidget(w)
        return box


class NewButton(QPushButton):
    """The "+ New …" action at the top of a list."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(f"+ {label}", parent)
        self.setObjectName("newButton")
        self.setAccessibleName(label)
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet("QPushButton { text-align: left; padding: 4px 6px; }")


class JobItemDelegate(QStyledItemDelegate):
    """A state pip, the job title, and the schedule as written beneath it."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(200, row_line(option) * 2 + 10)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        job = index.data(Role.Job) or {}
        state = index.data(Role.State) or "scheduled"
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect: QRect = option.rect.adjusted(8, 4, -6, -4)
        line = row_line(option)
        painter.save()
        paint_pip(painter, QRectF(rect.left(), rect.top() + int(line / 2) - 4, 8, 8), state)
        text_left = rect.left() + 16
        width = rect.width() - 16
        pal = option.palette
        painter.setPen(pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        title = option.fontMetrics.elidedText(str(index.data()), Qt.TextElideMode.ElideRight, width)
        middle = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRect(text_left, rect.top(), width, line), middle, title)
        muted = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        painter.setPen(pal.color(muted))
        sub = f"{job.get('schedule_display') or ''} · {state_text(state)}"
        painter.drawText(QRect(text_left, rect.top() + line, width, line), middle,
                         option.fontMetrics.elidedText(sub, Qt.TextElideMode.ElideRight, width))
        painter.restore()


def row_line(option: QStyleOptionViewItem) -> int:
    """The height of one text line in a two-line row, with room for CJK fallback glyphs (taller than Latin)."""
    return int(option.fontMetrics.lineSpacing() * 1.3)


def hline(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
