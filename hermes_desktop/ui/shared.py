"""Parts the cron window and the Profiles window share: one implementation each."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPalette, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ..core.states import JobState
from .icons import icon
from .models import Role, state_text
from .pips import paint_pip
from .prefs import UiPrefs
from .theme import plain_buttons

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
    """The "New …" action at the top of a list (a plus icon before it)."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(label, parent)
        self.setIcon(icon("plus"))
        self.setObjectName("newButton")
        self.setAccessibleName(label)
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet("QPushButton { text-align: left; padding: 4px 6px; }")


class JobItemDelegate(QStyledItemDelegate):
    """A state pip, the job title, and beneath it the schedule in the UI language and the state."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(200, row_line(option) * 2 + 10)

    @staticmethod
    def subtitle(index: Index) -> str:
        """The second line: the schedule in the UI language, then the state."""
        state = index.data(Role.State) or JobState.SCHEDULED
        return f"{index.data(Role.ScheduleWords) or ''} · {state_text(state)}"

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        state = index.data(Role.State) or JobState.SCHEDULED
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
        sub = self.subtitle(index)
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


class NativeRows(QSortFilterProxyModel):
    """A Python model's rows as they are (no sorting, no filter), their indexes made in C++.

    A list view lays out each of its rows in turn, asking the model for every
    row's index, and a Python ``QAbstractListModel`` answers each through its
    Python ``rowCount``: four calls into Python a row, 400,000 for 100,000
    chats, each waiting for Python's lock while a ticker or a run holds it
    (30-50 ms of every layout turn beside a ticker's read, #12). Through this
    proxy those calls stay in C++; the rows on screen still read their data
    from the model. Its indexes are the proxy's: a view given this takes
    indexes of ``index`` here, not of the model.
    """

    def __init__(self, model: QAbstractItemModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(model)


def typing_into(field: QLineEdit) -> Callable[[str], None]:
    """For :attr:`LongListView.type_to`: letters typed into a list carry on in ``field``, its search field."""

    def type_in(text: str) -> None:
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        field.end(False)
        field.insert(text)

    return type_in


REACHED_MS = 80  # a row the keys reached is "reached" after this pause (a held key repeats every ~30 ms)


class LongListView(QListView):
    """A list view for 100,000 rows that never holds the window: rows are laid out in batches between
    event-loop turns (a static layout of 100,000 rows takes ~0.25 s in one go; each row is a call into the
    Python model, which waits its turn while a worker thread runs Python, so batches stay small), and End,
    Home or a jump asked for while the layout is still going lands once it is done."""

    BATCH = 50
    # The keys (arrows, Page Up/Down, Home/End) moved the current row and it stayed there REACHED_MS: a list
    # whose rows open something opens the row reached, and holding a key does not open every row on the way.
    reached = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(self.BATCH)
        self._target: QPersistentModelIndex | None = None
        self.type_to: Callable[[str], None] | None = None  # where letters typed into the list go (its search field)
        self._reaching = QTimer(self)
        self._reaching.setSingleShot(True)
        self._reaching.setInterval(REACHED_MS)
        self._reaching.timeout.connect(self.reached)
        self.verticalScrollBar().rangeChanged.connect(self._land)

    def go_to(self, row: int) -> None:
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return
        index = model.index(row, 0)
        self.setCurrentIndex(index)
        self._target = QPersistentModelIndex(index)
        self.scrollTo(index)

    def _land(self, *_: object) -> None:
        model = self.model()
        if self._target is not None and self._target.isValid() and model is not None:
            self.scrollTo(model.index(self._target.row(), 0))

    def indexAt(self, point: QPoint) -> QModelIndex:
        """The row at ``point``, also while the rows are still being laid out: QListView finds only rows its
        batched layout has placed (the whole list, first), so a click on a row on screen was lost meanwhile.
        Rows are all one height (uniform item sizes), so the row under ``point`` follows from the first's."""
        found = super().indexAt(point)
        model = self.model()
        if found.isValid() or model is None or not self.viewport().rect().contains(point):
            return found
        first = self.visualRect(model.index(0, 0))
        second = self.visualRect(model.index(1, 0)) if model.rowCount() > 1 else QRect()
        step = second.top() - first.top() if second.isValid() else first.height() + 2 * self.spacing()
        if first.height() <= 0 or step <= 0:
            return found
        row = (point.y() - first.top()) // step
        if not 0 <= row < model.rowCount():
            return found
        index = model.index(row, 0)
        return index if self.visualRect(index).contains(point) else found

    def keyboardSearch(self, search: str) -> None:
        """Letters typed into the list go to its search field when it has one (``type_to``): Qt's own type-to-find
        asks the model for every row's text in turn, which at 100,000 chats held the window for seconds."""
        if self.type_to is None:
            super().keyboardSearch(search)
        else:
            self.type_to(search)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        before = self.currentIndex().row()
        model = self.model()
        if model is not None and event.key() in (Qt.Key.Key_End, Qt.Key.Key_Home) and not event.modifiers():
            self.go_to(model.rowCount() - 1 if event.key() == Qt.Key.Key_End else 0)
        else:
            self._target = None  # any other key: the person moves on their own
            super().keyPressEvent(event)
        if self.currentIndex().row() != before:
            self.reach_soon()

    def reach_soon(self) -> None:
        """The current row was moved to by a key (here or, say, Down in a search field above): ``reached`` follows
        unless another key moves on first."""
        self._reaching.start()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._target = None
        super().mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._target = None
        super().wheelEvent(event)


def destructive_question(parent: QWidget, title: str, text: str, verb: str) -> tuple[QMessageBox, QAbstractButton]:
    """A question whose answer destroys something: the action's own word on its button (never Yes), Cancel
    the default, no icons on the buttons. Returns the box (not yet shown) and the action's button."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    action = box.addButton(verb, QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    plain_buttons(box)
    return box, action
