"""The main window: the sidebar (sessions, then cron jobs) and the transcript."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ..core.firing import Firer, FiringStatus
from ..l10n import ago, firing_text
from .cron_section import CronSection
from .models import CronJobsModel, Role, SessionsModel
from .placement import restore_place
from .prefs import UiPrefs
from .session_actions import SessionActions
from .session_search import SessionSearchBox
from .shared import LongListView, NativeRows, row_line, typing_into
from .start_menu import StartMenu
from .transcript import TranscriptView

if TYPE_CHECKING:
    from .context import AppContext
    from .dialogs import Dialogs
    from .tray import AppTray
    from .workers import Submit

Index = QModelIndex | QPersistentModelIndex


class SessionDelegate(QStyledItemDelegate):
    """Title on the first line; source and a relative time on the second."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(200, row_line(option) * 2 + 10)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        session = index.data(Role.Session)
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        if session is None:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        rect: QRect = option.rect.adjusted(10, 4, -8, -4)
        line = row_line(option)
        painter.save()
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        title = option.fontMetrics.elidedText(str(index.data(Qt.ItemDataRole.DisplayRole)),
                                              Qt.TextElideMode.ElideRight, rect.width())
        middle = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), line), middle, title)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText if selected
                                     else QPalette.ColorRole.PlaceholderText))
        when = ago(datetime.fromtimestamp(session.last_active, UTC))
        second = QRect(rect.left(), rect.top() + line, rect.width(), line)
        painter.drawText(second, middle, f"{session.source} · {when}")
        painter.restore()


class Sidebar(QWidget):
    def __init__(self, sessions: SessionsModel, cron: CronSection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sessions_model = sessions
        self.cron = cron
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 0, 6)
        layout.setSpacing(4)
        header = QHBoxLayout()
        header.setContentsMargins(6, 0, 8, 0)
        label = QLabel(self.tr("Sessions"), self)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        self.count = QLabel(self)
        self.count.setObjectName("sessionsCount")
        self.count.setEnabled(False)
        header.addWidget(label)
        header.addStretch(1)
        header.addWidget(self.count)
        layout.addLayout(header)
        self.search = SessionSearchBox(sessions, self)  # its results and status stand in for the list below
        self.search.searchingChanged.connect(self.update_count)
        layout.addWidget(self.search)
        self.list = LongListView(self)
        self.list.type_to = typing_into(self.search.field)  # letters typed into the list search the chats
        self.list.setObjectName("sessionsList")
        self.list.setAccessibleName(self.tr("Sessions"))
        self.rows = NativeRows(sessions, self)  # no call into Python per chat while the list lays them out
        self.list.setModel(self.rows)
        self.list.setItemDelegate(SessionDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.viewport().setBackgroundRole(QPalette.ColorRole.Window)  # on the sidebar's surface, not a box
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.empty = QLabel(self.tr("No conversations yet. Chats you have with Hermes show up here."), self)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.empty.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.list, 1)
        self.search.results.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        layout.addWidget(self.search.results, 1)
        layout.addWidget(self.search.status)
        layout.addWidget(self.empty)
        # The cron section never takes more height than its rows need (it would spread its header away from
        # them); with no sessions listed, the spare height goes below it, so it sits right under them.
        cron.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(cron)
        layout.addStretch(0)
        sessions.modelReset.connect(self.update_count)
        sessions.rowsInserted.connect(self.update_count)
        self.update_count()

    def update_count(self, *args: object) -> None:
        total = self.sessions_model.total
        self.count.setText(str(total))
        self.count.setAccessibleName(self.tr("%n session(s)", "", total))
        has = self.sessions_model.rowCount() > 0
        searching = self.search.searching()
        self.empty.setVisible(not has and not searching)
        self.list.setVisible(has and not searching)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.cron.set_max_height(int(self.height() * 0.45))  # Sessions always keep the larger part


class MainWindow(QMainWindow):
    # Set by the composition root (ui/app.py) right after the window is made:
    ctx: AppContext  # the state behind this window
    dialogs: Dialogs  # the windows it opens
    tray: AppTray | None  # its tray icon, where the desktop has a tray
    agenda_submit: Submit  # the agenda's own task thread (the cron window's agenda uses it too)

    manageRequested = Signal(str)  # job id, or "" for the whole list
    newJobRequested = Signal(object)  # None: a blank job; else the record a new job starts from
    profilesRequested = Signal()
    settingsRequested = Signal()
    closing = Signal()
    hiddenToTray = Signal()  # closed by the user while a tray icon keeps the app (and its jobs) running

    def __init__(self, jobs: CronJobsModel, sessions: SessionsModel, cron: CronSection,
                 transcript: TranscriptView, prefs: UiPrefs) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Hermes Desktop"))
        self.jobs_model = jobs
        self.prefs = prefs
        self.hide_on_close: Callable[[], bool] | None = None  # set where a tray icon keeps the app running
        self.quitting = False  # Quit (not a close to the tray): the window really closes
        self.cron = cron
        self.transcript = transcript
        self.sidebar = Sidebar(sessions, cron, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(transcript)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.sidebar.setMinimumWidth(220)
        self.setCentralWidget(self.splitter)
        self.banner = QLabel(self)
        self.banner.setObjectName("jobsProblem")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.statusBar().addWidget(self.banner, 1)
        self.ticker_status = QLabel(self)
        self.ticker_status.setObjectName("tickerStatus")
        self.ticker_status.setEnabled(False)
        self.ticker_status.hide()
        self.statusBar().addPermanentWidget(self.ticker_status)
        self._build_menus()
        self.session_actions = SessionActions(self, self.sidebar.list)  # Rename, Export, Copy, Delete; F2, Del
        sessions.rowsRemoved.connect(self.sidebar.update_count)
        self.sidebar.list.activated.connect(self._open_session)
        self.sidebar.list.clicked.connect(self._open_session)
        self.sidebar.list.reached.connect(self._open_current)  # the keys show the chat reached, as a click does
        cron.openRun.connect(self.open_session)
        self.sidebar.search.openSession.connect(self.open_session)
        self.sidebar.search.followSession.connect(self.follow_to)
        transcript.chat.sessionTitled.connect(sessions.retitle)  # a new chat's generated name, in its row at once
        cron.manage.connect(self.manageRequested)
        self.resize(1100, 720)
        self.splitter.setSizes([320, 780])
        restore_place(self, prefs.geometry("main"))
        state = prefs.splitter("main")
        if state is not None:
            self.splitter.restoreState(state)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_chat_action = QAction(self.tr("New &chat"), self)
        self.new_chat_action.setObjectName("newChat")
        self.new_chat_action.setShortcut(QKeySequence("Ctrl+Shift+N"))  # Ctrl+N is "new cron job"
        self.new_chat_action.triggered.connect(self.transcript.start_new_chat)
        file_menu.addAction(self.new_chat_action)
        file_menu.addSeparator()
        profiles_action = QAction(self.tr("&Profiles…"), self)
        profiles_action.triggered.connect(self.profilesRequested)
        file_menu.addAction(profiles_action)
        settings_action = QAction(self.tr("&Settings…"), self)
        settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        settings_action.triggered.connect(self.settingsRequested)
        file_menu.addAction(settings_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.quit)
        file_menu.addAction(quit_action)
        cron_menu = self.menuBar().addMenu(self.tr("&Cron"))
        self.manage_action = QAction(self.tr("&Manage cron jobs…"), self)
        self.manage_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.manage_action.triggered.connect(lambda: self.manageRequested.emit(""))
        cron_menu.addAction(self.manage_action)
        self.new_menu = StartMenu(lambda: self.jobs_model.job(self.cron.open_job or ""), self, shortcut=True)
        self.new_menu.setTitle(self.tr("&New cron job"))
        self.new_menu.chosen.connect(self.newJobRequested)
        cron_menu.addMenu(self.new_menu)

    def _session_id(self, index: QModelIndex) -> str | None:
        """The chat at a row of the sessions list, whether or not its row has been read yet."""
        if not index.isValid():
            return None
        return self.sidebar.sessions_model.id_at(self.sidebar.rows.mapToSource(index).row())

    def _open_session(self, index: QModelIndex) -> None:
        sid = self._session_id(index)
        if sid:
            self.open_session(sid)

    def _open_current(self) -> None:
        self.follow_to(self._session_id(self.sidebar.list.currentIndex()))

    def follow_to(self, session_id: str | None) -> None:
        """A conversation the keys reached: shown unless it is the one already shown or being read."""
        if session_id and session_id != self.transcript.wanted:
            self.open_session(session_id)

    def open_session(self, session_id: str) -> None:
        self.transcript.show_session(session_id)
        self.cron.peek.highlight(session_id)

    def refresh_sessions(self) -> None:
        """New chats from Hermes: the sessions list merges a fresh first page."""
        self.sidebar.sessions_model.refresh()
        self.sidebar.update_count()

    def set_profile(self, name: str) -> None:
        title = self.tr("Hermes Desktop")
        if name and name != "default":
            title = self.tr("{app} — profile {name}").format(app=title, name=name)
        self.setWindowTitle(title)

    def set_firing(self, status: FiringStatus | None, paused: bool = False) -> None:
        """Say who fires this profile's due jobs now (so a quiet job list is never a mystery); "Pause all jobs"
        holds this app's firing, not a gateway's."""
        if paused and (status is None or status.firer == Firer.APP):
            self.ticker_status.setText(self.tr("Paused: jobs do not run until you resume"))
        elif status is None:
            self.ticker_status.hide()
            return
        else:
            self.ticker_status.setText(firing_text(status))
        self.ticker_status.show()

    def show_problem(self, text: str | None) -> None:
        self.banner.setText(text or "")
        self.banner.setVisible(bool(text))

    def quit(self) -> None:
        """Close for good (File → Quit, the tray's Quit): the tickers stop, a run in flight is stopped and
        recorded."""
        self.quitting = True
        self.close()

    def show_raised(self) -> None:
        self.showNormal() if self.isMinimized() else self.show()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.prefs.set_geometry("main", self.saveGeometry())
        self.prefs.set_splitter("main", self.splitter.saveState())
        self.prefs.sync()
        if not self.quitting and self.hide_on_close is not None and self.hide_on_close():
            event.ignore()  # the tray keeps the app, and its jobs, running
            self.hide()
            self.hiddenToTray.emit()
            return
        self.closing.emit()
        super().closeEvent(event)
