"""The search field over the sidebar's sessions: find any conversation (or cron run) as you type.

Typing waits :data:`DEBOUNCE_MS` for a pause, then searches on the task thread
(:class:`~hermes_desktop.core.search.SessionSearch`, read-only); an answer for
an older text than the one in the field is dropped on arrival. While the field
holds text the results stand in place of the recents list, each with the line
that matched and the match highlighted. Enter opens the best match (the newest;
typed before the answer came, it opens once it comes), Down moves into the
results, Escape clears the field and brings the recents back. Ctrl+F (this
window's own; the cron window has its own Ctrl+F) puts the cursor in the field.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ..core.search import MAX_QUERY_CHARS, SearchHit, SearchResult, SessionSearch, parse_query
from ..l10n import ago
from .shared import LongListView, row_line, typing_into
from .workers import Submit

DEBOUNCE_MS = 150
LIMIT = 50

Index = QModelIndex | QPersistentModelIndex
HitRole = Qt.ItemDataRole.UserRole + 1


class SearchResultsModel(QAbstractListModel):
    """The hits of the last search that answered (one reset per answer: each answer replaces the last)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title or hit.snippet or QCoreApplication.translate("Sessions", "Untitled session")
        if role == HitRole:
            return hit
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return hit.snippet
        return None

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()


class SearchHitDelegate(QStyledItemDelegate):
    """Title, then source and time, on the first line; the matching line below with the match highlighted."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(200, row_line(option) * 2 + 10)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        hit: SearchHit | None = index.data(HitRole)
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        if hit is None:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        dim = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText)
        rect: QRect = option.rect.adjusted(10, 4, -8, -4)
        line = row_line(option)
        middle = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        metrics = option.fontMetrics
        painter.save()
        meta = f"{hit.source} · {ago(datetime.fromtimestamp(hit.started_at, UTC))}"
        meta_width = min(metrics.horizontalAdvance(meta) + 8, rect.width() // 2)
        painter.setPen(dim)
        painter.drawText(QRect(rect.right() - meta_width, rect.top(), meta_width, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(meta, Qt.TextElideMode.ElideRight, meta_width))
        painter.setPen(text)
        title = metrics.elidedText(str(index.data(Qt.ItemDataRole.DisplayRole)), Qt.TextElideMode.ElideRight,
                                   rect.width() - meta_width)
        painter.drawText(QRect(rect.left(), rect.top(), rect.width() - meta_width, line), middle, title)
        self._paint_snippet(painter, option, hit, QRect(rect.left(), rect.top() + line, rect.width(), line),
                            dim, selected)
        painter.restore()

    def _paint_snippet(self, painter: QPainter, option: QStyleOptionViewItem, hit: SearchHit, area: QRect,
                       colour: QColor, selected: bool) -> None:
        """The snippet in runs, the marked ones bold on a highlight; starts later when the first match would
        not fit, so the match always shows."""
        snippet, marks = hit.snippet, list(hit.marks)
        plain = option.fontMetrics
        bold_font = QFont(option.font)
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        if marks and plain.horizontalAdvance(snippet[: marks[0][1]]) > area.width() * 0.8:
            cut = max(0, marks[0][0] - 8)
            snippet = "…" + snippet[cut:]
            marks = [(a - cut + 1, b - cut + 1) for a, b in marks if a >= cut]
        runs: list[tuple[str, bool]] = []
        at = 0
        for a, b in marks:
            runs += [(snippet[at:a], False), (snippet[a:b], True)]
            at = b
        runs.append((snippet[at:], False))
        x = area.left()
        mark_bg = option.palette.color(QPalette.ColorRole.Highlight)
        mark_bg.setAlpha(70)
        for part, is_mark in runs:
            if not part:
                continue
            metrics = bold if is_mark else plain
            room = area.right() - x
            if room <= 0:
                break
            shown = part if metrics.horizontalAdvance(part) <= room else metrics.elidedText(
                part, Qt.TextElideMode.ElideRight, room)
            width = metrics.horizontalAdvance(shown)
            box = QRect(x, area.top(), width, area.height())
            if is_mark:
                if not selected:
                    painter.fillRect(box.adjusted(0, 2, 0, -2), mark_bg)
                painter.setFont(bold_font)
            else:
                painter.setFont(option.font)
            painter.setPen(option.palette.color(QPalette.ColorRole.HighlightedText if selected
                                                else QPalette.ColorRole.Text) if is_mark else colour)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
            x += width
            if shown != part:
                break


class SessionSearchBox(QWidget):
    """The field and its "Include cron runs" switch; ``results`` (the list shown instead of the recents) and
    ``status`` (no match, or a search that stopped early) are laid out by the sidebar."""

    searchingChanged = Signal(bool)  # the field gained or lost text: the results stand in for the recents
    openSession = Signal(str)  # session id: Enter, a click
    followSession = Signal(str)  # session id: the keys moved to its match (shown unless it is already)
    answered = Signal(object)  # SearchResult, once shown (for tests and the bench)

    def __init__(self, sessions: Any, parent: QWidget | None = None, submit: Submit | None = None) -> None:
        super().__init__(parent)
        self.sessions = sessions  # the sidebar's SessionsModel: its store says which state.db to search
        # the sessions list's own task thread (never the GUI thread)
        self._submit: Submit = submit or sessions.tasks
        self._searcher: SessionSearch | None = None
        self._generation = 0
        self._open_first = False  # Enter came before the answer
        self._pending = False  # a search for the field's text is on its way
        self._searching = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 8, 0)
        layout.setSpacing(2)
        self.field = QLineEdit(self)
        self.field.setObjectName("sessionSearch")
        self.field.setMaxLength(MAX_QUERY_CHARS)  # the search reads no more than this
        self.field.setPlaceholderText(self.tr("Search conversations"))
        self.field.setAccessibleName(self.tr("Search conversations"))
        self.field.setToolTip(self.tr('Words, "a phrase" or a prefix*; Chinese and Japanese match anywhere. '
                                      "Enter opens the best match, Escape clears."))
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        layout.addWidget(self.field)
        self.include_cron = QCheckBox(self.tr("Include cron runs"), self)
        self.include_cron.setObjectName("searchIncludeCron")
        self.include_cron.hide()
        layout.addWidget(self.include_cron)

        self.results = LongListView(self)  # the sidebar lays it out in the list's place (and takes it over)
        self.results_model = SearchResultsModel(self.results)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setModel(self.results_model)
        self.results.setItemDelegate(SearchHitDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setFrameShape(QFrame.Shape.NoFrame)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.activated.connect(self._open_index)
        self.results.clicked.connect(self._open_index)
        self.results.reached.connect(self._open_current)  # as in the sessions list: the keys open the match reached
        self.results.type_to = typing_into(self.field)  # letters typed there refine the search
        self.results.installEventFilter(self)
        self.results.hide()
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.status.setEnabled(False)
        self.status.setContentsMargins(8, 4, 8, 4)
        self.status.hide()

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)
        self.field.textChanged.connect(self._text_changed)
        self.field.returnPressed.connect(self._enter)
        self.include_cron.toggled.connect(lambda _on: self.search_now())
        if hasattr(sessions, "modelReset"):
            sessions.modelReset.connect(self._store_maybe_changed)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(self.focus_field)

    # ----------------------------------------------------------------- state

    def searching(self) -> bool:
        """True while the field holds text: the results, not the recents, are shown."""
        return self._searching

    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def clear(self) -> None:
        self.field.clear()

    def _text_changed(self, text: str) -> None:
        self._open_first = False  # an Enter was for the text before
        active = bool(text.strip())
        if active != self._searching:
            self._searching = active
            self.include_cron.setVisible(active)
            self.results.setVisible(active)
            if not active:
                self._generation += 1  # an answer still on its way is for a text no longer there
                self._pending = False
                self.results_model.set_hits([])
                self.status.hide()
            self.searchingChanged.emit(active)
        if active:
            self._debounce.start()
        else:
            self._debounce.stop()

    # ----------------------------------------------------------------- searching

    def _search_for(self) -> SessionSearch:
        path = Path(self.sessions.store.path)
        if self._searcher is None or self._searcher.path != path:
            old = self._searcher
            if old is not None:  # its connection lives on the task thread: closed there
                self._submit(old.close, lambda _r, _e: None)
            self._searcher = SessionSearch(path)
        return self._searcher

    def _store_maybe_changed(self) -> None:
        """Another profile's sessions: what is shown was found in the other state.db, so search again."""
        if self._searching and self._searcher is not None and self._searcher.path != Path(self.sessions.store.path):
            self.search_now()

    def search_now(self) -> None:
        self._debounce.stop()
        query = self.field.text()
        if not query.strip():
            return
        self._generation += 1
        generation = self._generation
        searcher = self._search_for()
        include_cron = self.include_cron.isChecked()

        def done(result: SearchResult | None, exc: BaseException | None) -> None:
            if generation != self._generation:
                return  # typed on since: a newer search is on its way
            self._pending = False
            self._show(query, result, exc)

        def work() -> SearchResult | None:
            if generation != self._generation:  # typed on while it waited its turn: not worth the thread's time
                return None
            return searcher.search(query, include_cron=include_cron, limit=LIMIT)

        self._pending = True
        self._submit(work, done)

    def _show(self, query: str, result: SearchResult | None, exc: BaseException | None) -> None:
        hits = result.hits if result is not None else []
        self.results_model.set_hits(hits)
        self.results.setVisible(bool(hits))  # no match: the words say so right under the field
        if hits:
            self.results.setCurrentIndex(self.results_model.index(0))
        if exc is not None:
            self.status.setText(self.tr("The search failed: {error}").format(error=str(exc)))
        elif not hits and not parse_query(query):
            self.status.setText(self.tr("Type a word to search for."))
        elif not hits:
            self.status.setText(self.tr("No conversation matches “{query}”").format(query=query.strip()))
        elif result is not None and not result.complete:
            self.status.setText(self.tr("Older conversations may match too: the search stopped early.")
                                if not result.searched_newest else
                                self.tr("Searched the newest %n message(s) only.", "", result.searched_newest))
        else:
            self.status.setText("")
        self.status.setVisible(bool(self.status.text()))
        if result is not None:
            self.answered.emit(result)
        if self._open_first:
            self._open_first = False
            if hits:
                self.openSession.emit(hits[0].id)

    # ----------------------------------------------------------------- keys

    def _enter(self) -> None:
        """Open the best match; if the answer for this text is still to come, open it when it comes."""
        if self._debounce.isActive():
            self._open_first = True
            self.search_now()
        elif self._pending:
            self._open_first = True
        elif self.results_model.hits:
            self.openSession.emit(self.results_model.hits[0].id)

    def _open_index(self, index: QModelIndex) -> None:
        hit = index.data(HitRole)
        if hit is not None:
            self.openSession.emit(hit.id)

    def _open_current(self) -> None:
        hit = self.results.currentIndex().data(HitRole)
        if hit is not None:
            self.followSession.emit(hit.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Escape and watched in (self.field, self.results) and self.field.text():
                self.clear()
                self.field.setFocus()
                return True
            if watched is self.field and key == Qt.Key.Key_Down and self.results_model.rowCount():
                self.results.setFocus()
                self.results.setCurrentIndex(self.results_model.index(0))
                self.results.reach_soon()
                return True
        return super().eventFilter(watched, event)
