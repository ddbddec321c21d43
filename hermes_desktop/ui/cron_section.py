"""The sidebar's "Cron jobs" section: state pips, live countdowns, hover actions and the run peek."""

from __future__ import annotations

import math
import time
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QEnterEvent,
    QFocusEvent,
    QHideEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.sessions import SessionStore
from ..core.states import JobState
from ..l10n import not_run, relative
from .icons import icon
from .models import CronJobsModel, Role, RunsModel, SidebarJobsProxy, state_text
from .pips import paint_pip
from .workers import Submit

MAX_SHOWN = 50
ROWS_PER_TURN = 4  # rows made per event-loop turn (see CronSection.sync)
FILLS_PER_TURN = 10  # rows out of sight given their new job's content per turn (see CronSection._fill_later)
PEEK_REFRESH_MS = 8000
CLOCK_MAX_S = 60.0  # the countdowns' clock wakes at least this often
CLOCK_LATE_MS = 30  # and just after a countdown's words change, not just before

class Pulse(QObject):
    """One clock for every running job's pip: a slow fade in and out, PULSE_FRAME_MS a step.

    A 60 frames-a-second animation per pip called into Python 120 times a
    second per running job (its value, then its paint), on the GUI thread,
    just while runs keep the worker threads busy in Python too - each call
    waiting for Python's lock. The pips pulse together, 15 steps a second.
    """

    def __init__(self) -> None:
        super().__init__()
        self.pips: set[StatePip] = set()
        self.timer = QTimer(self)
        self.timer.setInterval(PULSE_FRAME_MS)
        self.timer.timeout.connect(self._step)

    def add(self, pip: StatePip) -> None:
        self.pips.add(pip)
        if not self.timer.isActive():
            self.timer.start()
        pip.set_alpha(self.alpha())

    def remove(self, pip: StatePip) -> None:
        self.pips.discard(pip)
        if not self.pips:
            self.timer.stop()

    @staticmethod
    def alpha() -> int:
        """255 down to PULSE_LOW and back, over PULSE_PERIOD_S (a cosine)."""
        phase = (time.monotonic() % PULSE_PERIOD_S) / PULSE_PERIOD_S
        return round(PULSE_LOW + (255 - PULSE_LOW) * (0.5 + 0.5 * math.cos(2 * math.pi * phase)))

    def _step(self) -> None:
        alpha = self.alpha()
        for pip in list(self.pips):
            if pip.isVisible():
                pip.set_alpha(alpha)


PULSE_FRAME_MS = 66
PULSE_PERIOD_S = 1.4
PULSE_LOW = 70
_pulse: Pulse | None = None


def _the_pulse() -> Pulse:
    global _pulse
    if _pulse is None:
        _pulse = Pulse()
    return _pulse


class StatePip(QWidget):
    """A coloured dot; pulses while the job runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(QSize(12, 12))
        self.state = "scheduled"
        self._alpha = 255
        self.destroyed.connect(lambda: _the_pulse().pips.discard(self))

    def set_alpha(self, value: int) -> None:
        if value != self._alpha:
            self._alpha = value
            self.update()

    def pulsing(self) -> bool:
        return self in _the_pulse().pips

    def set_state(self, state: str) -> None:
        if state == self.state:
            return
        self.state = state
        if state == JobState.RUNNING:
            _the_pulse().add(self)
        else:
            _the_pulse().remove(self)
            self._alpha = 255
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_pip(painter, QRectF(self.rect()), self.state, self._alpha)


class ElidedLabel(QLabel):
    """A one-line label that elides its text to whatever width the layout gives it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        if text != self.full:
            self.full = text
            self.setAccessibleName(text)
            self.update()

    def minimumSizeHint(self) -> QSize:
        return QSize(20, self.fontMetrics().height())

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self.full) + 2, self.fontMetrics().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        text = self.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)


class JobRow(QFrame):
    """One job: pip, title, and the countdown (or, on hover, Run now and Manage)."""

    clicked = Signal(str)
    runNow = Signal(str)
    manage = Signal(str)

    def __init__(self, job_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job_id = job_id
        self.state = "scheduled"
        self.next_run: datetime | None = None
        self.title_text = ""
        self.is_open = False  # its job's runs are shown under it
        self._shown: tuple[str, str, str] | None = None  # the countdown, state and title last put on screen
        self.setObjectName("cronJobRow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoFillBackground(True)
        self.setMinimumHeight(self.fontMetrics().height() + 12)  # a comfortable click target
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 6, 3)
        layout.setSpacing(6)
        self.pip = StatePip(self)
        self.title = ElidedLabel(self)
        self.countdown = QLabel(self)
        self.countdown.setObjectName("cronCountdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.countdown.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        actions = QWidget(self)
        actions_layout = QHBoxLayout(actions)
        actions_layout.setContentsMargins(0, 0, 0, 0)
        actions_layout.setSpacing(2)
        self.run_button = QToolButton(actions)
        self.run_button.setText(self.tr("Run now"))
        self.run_button.setToolTip(self.tr("Run now"))
        self.run_button.setAccessibleName(self.tr("Run now"))
        self.run_button.setIcon(icon("play"))
        self.run_button.setAutoRaise(True)
        self.run_button.clicked.connect(lambda: self.runNow.emit(self.job_id))
        self.manage_button = QToolButton(actions)
        self.manage_button.setText(self.tr("Manage"))
        self.manage_button.setToolTip(self.tr("Manage this job"))
        self.manage_button.setAccessibleName(self.tr("Manage"))
        self.manage_button.setIcon(icon("square-pen"))
        self.manage_button.setAutoRaise(True)
        self.manage_button.clicked.connect(lambda: self.manage.emit(self.job_id))
        actions_layout.addWidget(self.run_button)
        actions_layout.addWidget(self.manage_button)
        self.action_buttons = actions
        actions.hide()
        layout.addWidget(self.pip)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.countdown)
        layout.addWidget(actions)

    nobody_fires = False  # neither this window nor a Hermes gateway fires the jobs now: the countdown says so

    def set_job(self, title: str, state: str, next_run: datetime | None, now: datetime) -> None:
        self.title_text = title
        self.state = state
        self.next_run = next_run
        self.pip.set_state(state)
        self.run_button.setEnabled(state not in (JobState.RUNNING, JobState.QUEUED))  # asked once is enough
        self.title.set_full_text(title)
        self.update_countdown(now)

    def countdown_text(self, now: datetime) -> str:
        # A job whose last run failed is still scheduled: it keeps its countdown (the red pip says the rest)
        if self.state not in (JobState.SCHEDULED, JobState.ERROR) or self.next_run is None:
            return state_text(self.state)
        return not_run(relative(self.next_run, now)) if self.nobody_fires else relative(self.next_run, now)

    def update_countdown(self, now: datetime) -> bool:
        """Set the countdown text; True when it changed (only then does the label repaint)."""
        text = self.countdown_text(now)
        key = (text, self.state, self.title_text)
        if key == self._shown:  # nothing to say again: no tooltip, no accessible name, no repaint
            return False
        self._shown = key
        state = state_text(self.state)
        if text == state:  # no countdown to add: the state once, not "Paused, Paused"
            self.setToolTip(self.tr("{title} — {state}").format(title=self.title_text, state=state))
            self.setAccessibleName(self.tr("{title}, {state}").format(title=self.title_text, state=state))
        else:
            self.setToolTip(self.tr("{title} — {state}, {when}").format(title=self.title_text, state=state,
                                                                        when=text))
            self.setAccessibleName(self.tr("{title}, {state}, {when}").format(title=self.title_text, state=state,
                                                                              when=text))
        if self.countdown.text() == text:
            return False
        self.countdown.setText(text)
        return True

    def next_change(self, now: datetime) -> float:
        """Seconds until the countdown's words change ("in 5 min" → "in 4 min"); inf when they never do."""
        if self.state not in (JobState.SCHEDULED, JobState.ERROR) or self.next_run is None:
            return math.inf
        left = (self.next_run - now).total_seconds()
        if left <= -60:
            return math.inf  # "overdue" until the job's state changes
        if left <= 120:
            return 1.0  # seconds, then "now", then "overdue": every second
        return left - 60 * math.floor(left / 60) or 60.0  # minutes (hours and days change on a minute too)

    def rebind(self, job_id: str) -> JobRow:
        """This row now shows another job (rows are reused rather than rebuilt when the jobs shown change)."""
        self.job_id = job_id
        self.set_open(False)
        if not self.hasFocus() and not self._focus_in_actions() and not self.underMouse():
            self.show_actions(False)
        return self

    def set_open(self, is_open: bool) -> None:
        if is_open == self.is_open:
            return
        self.is_open = is_open
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase if is_open else QPalette.ColorRole.Window)
        self.setProperty("open", is_open)

    def show_actions(self, shown: bool) -> None:
        """Run now and Manage take the countdown's place while the pointer (or focus) is on the row."""
        self.action_buttons.setVisible(shown)
        self.countdown.setVisible(not shown)

    def actions_shown(self) -> bool:
        return not self.action_buttons.isHidden()

    def _focus_in_actions(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and self.action_buttons.isAncestorOf(focus)

    def enterEvent(self, event: QEnterEvent) -> None:
        self.show_actions(True)
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if not self.hasFocus() and not self._focus_in_actions():
            self.show_actions(False)
        super().leaveEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.show_actions(True)  # keyboard users get the actions too
        super().focusInEvent(event)
        self.update()  # the focus ring

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if not self._focus_in_actions() and not self.underMouse():
            self.show_actions(False)
        super().focusOutEvent(event)
        self.update()

    FOCUS_RING = 2  # px, in the palette's accent: where Tab is must show

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), self.FOCUS_RING)
            painter.setPen(pen)
            half = self.FOCUS_RING / 2
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 4, 4)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.job_id)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self.job_id)
            return
        super().keyPressEvent(event)


class RunPeek(QFrame):
    """The last 5 runs of one job, under its row; refreshed every 8 s while open and visible."""

    openRun = Signal(str)

    def __init__(self, store: SessionStore, parent: QWidget | None = None, submit: Submit | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cronPeek")
        self.setAccessibleName(self.tr("Recent runs"))
        self.model = RunsModel(store, limit=5, parent=self, submit=submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 0, 6, 4)
        layout.setSpacing(0)
        self.empty = QLabel(self.tr("No runs yet"), self)
        self.empty.setEnabled(False)
        self.view = QListView(self)
        self.view.setObjectName("cronPeekRuns")
        self.view.setAccessibleName(self.tr("Recent runs"))
        self.view.setModel(self.model)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.clicked.connect(self._clicked)
        self.view.activated.connect(self._clicked)
        layout.addWidget(self.empty)
        layout.addWidget(self.view)
        self.timer = QTimer(self)
        self.timer.setInterval(PEEK_REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.model.modelReset.connect(self._fit)
        self.model.rowsInserted.connect(self._fit)
        self.current_session: str | None = None

    def show_job(self, job_id: str | None, schedule: dict[str, Any] | None = None) -> None:
        self.model.set_job(job_id, schedule)
        self._fit()

    def refresh(self) -> None:
        if self.isVisible() and not self.window().isMinimized():
            self.model.refresh()
            self._fit()

    fitted = Signal()

    def _fit(self) -> None:
        rows = self.model.rowCount()
        self.empty.setVisible(rows == 0)
        self.view.setVisible(rows > 0)
        height = sum(self.view.sizeHintForRow(r) for r in range(rows)) + 4
        self.view.setFixedHeight(max(0, height))
        self.highlight(self.current_session)
        self.fitted.emit()

    def highlight(self, session_id: str | None) -> None:
        self.current_session = session_id
        for row in range(self.model.rowCount()):
            idx = self.model.index(row, 0)
            if idx.data(Role.Id) == session_id:
                self.view.setCurrentIndex(idx)
                return
        self.view.clearSelection()

    def _clicked(self, index: QModelIndex) -> None:
        sid = index.data(Role.Id)
        if sid:
            self.openRun.emit(sid)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)


class CronSection(QWidget):
    """Exists only while at least one job exists; collapsible (remembered); its own bounded scroller."""

    toggled = Signal(bool)
    runNow = Signal(str)
    manage = Signal(str)
    openRun = Signal(str)
    caughtUp = Signal()  # a sync left every row it shows made (the window shows the jobs it has)

    def __init__(self, model: CronJobsModel, store: SessionStore, expanded: bool,
                 parent: QWidget | None = None, submit: Submit | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cronSection")
        self.source = model
        self.proxy = SidebarJobsProxy(model, self)
        self.rows: dict[str, JobRow] = {}  # the row showing each job shown
        self.order: list[str] = []  # the jobs shown, top to bottom
        self.slots: list[JobRow] = []  # the rows in the layout, top to bottom: slot i shows order[i]
        # Rows not showing a job, hidden and kept for the next jobs to show. Rows are not deleted: deleting a
        # row is a dozen widgets, each of which has to wait for Python's lock while a worker thread runs
        # Python - deleting 50 rows after a profile switch, while the new profile's jobs were read, held the
        # window 100-300 ms - and rows kept make the next profile's rows at once.
        self.pool: list[JobRow] = []
        self.open_job: str | None = None
        self.expanded = expanded

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(2)
        header = QHBoxLayout()
        header.setContentsMargins(4, 0, 8, 0)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("cronToggle")
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.setText(self.tr("Cron jobs"))
        self.toggle.clicked.connect(lambda: self.set_expanded(not self.expanded))
        self.count = QLabel(self)
        self.count.setObjectName("cronCount")
        self.count.setEnabled(False)
        header.addWidget(self.toggle)
        header.addStretch(1)
        header.addWidget(self.count)
        layout.addLayout(header)

        self.jobs_scroll = QScrollArea(self)
        self.jobs_scroll.setObjectName("cronJobsList")
        self.jobs_scroll.setAccessibleName(self.tr("Cron jobs"))
        self.jobs_scroll.setWidgetResizable(True)
        self.jobs_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.jobs_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.inner = QWidget(self.jobs_scroll)
        self.inner_layout = QVBoxLayout(self.inner)
        self.inner_layout.setContentsMargins(0, 0, 0, 0)
        self.inner_layout.setSpacing(0)
        self.inner_layout.addStretch(1)
        self.jobs_scroll.setWidget(self.inner)
        layout.addWidget(self.jobs_scroll)

        self.peek = RunPeek(store, self.inner, submit)
        self.peek.model.zone = lambda: model.zone
        self.peek.hide()
        self.peek.openRun.connect(self.openRun)
        self.peek.fitted.connect(self._fit_height)

        self.nobody_fires = False
        app = QApplication.instance()
        if isinstance(app, QApplication):  # Tab moving on from a row's buttons leaves no row's actions showing
            app.focusChanged.connect(self._focus_moved)
        self._sync_timer = QTimer(self)
        self._sync_timer.setSingleShot(True)
        self._sync_timer.setInterval(0)
        self._sync_timer.timeout.connect(self.sync)

        self._unfilled: set[str] = set()  # jobs shown by rows out of sight whose content is not theirs yet
        self._fill_timer = QTimer(self)
        self._fill_timer.setSingleShot(True)
        self._fill_timer.setInterval(0)
        self._fill_timer.timeout.connect(self._fill_later)

        self.clock = QTimer(self)  # the one timer behind every countdown
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self.update_countdowns)
        self._recount = QTimer(self)  # rows filled or scrolled into view: the clock's next wake is worked out again
        self._recount.setSingleShot(True)
        self._recount.setInterval(0)
        self._recount.timeout.connect(self._countdowns_moved)
        self.jobs_scroll.verticalScrollBar().valueChanged.connect(self._recount.start)
        self.repaints = 0  # countdown labels changed (for tests and the idle benchmark)

        for sig in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                    self.proxy.layoutChanged, self.proxy.rowsMoved):
            sig.connect(self.sync_soon)
        self.proxy.dataChanged.connect(self._data_changed)
        # A row is filled when it is given a job, and again when its job changes (dataChanged); after a reset
        # (the jobs replaced wholesale) every row is filled again
        self._fill_all = False
        model.modelReset.connect(self._refill_soon)
        self._apply_expanded()
        self.sync()

    # ----------------------------------------------------------------- model → rows

    def _refill_soon(self) -> None:
        self._fill_all = True
        self.sync_soon()

    def sync_soon(self, *args: object) -> None:
        """Rows moved, came or went: the visible rows follow once, after the whole change set is out."""
        if not self._sync_timer.isActive():
            self._sync_timer.start()

    def sync(self, *args: object) -> None:
        # Count what the proxy holds, not the source: the proxy drops its rows (and tells us) while the
        # source is still *about* to remove them, so the source would still count the job being deleted
        # and the last one gone would leave an empty section behind.
        total = self.proxy.rowCount()
        self.setVisible(total > 0)
        self.count.setText(f"{MAX_SHOWN}+" if total > MAX_SHOWN else str(total))
        self.count.setAccessibleName(self.tr("%n job(s)", "", total))
        ids = [self.proxy.index(r, 0).data(Role.Id) for r in range(min(MAX_SHOWN, self.proxy.rowCount()))]
        # Rows stay where they are in the layout ("slots", top to bottom) and are given the jobs now in those
        # places: when the order changes - 20 jobs claimed at once move down the list - only the slots whose
        # job changed are filled again, and no row moves. Moving the rows themselves re-laid out all 50 of
        # them, each a dozen widgets, 20-60 ms a change.
        # The window's own focus child (it is kept while another window or app is active): the job that has it
        # and which of its row's parts (the row, Run now, Manage)
        fw = self.window().focusWidget()
        focused, part = None, -1
        for row in self.slots:
            parts = (row, row.run_button, row.manage_button)
            if fw in parts:
                focused, part = row.job_id, parts.index(fw)
                break
        # Making a row costs ~1 ms (a dozen widgets and their connections) - several times that while a worker
        # thread runs Python, as each Qt call waits for Python's lock: a few per event-loop turn, the first
        # rows first, so a profile with thousands of jobs never holds the window while 50 are built.
        made = 0
        wanted = set(ids)  # every job to show, the rows still to be made included
        counted = len(self.slots)
        fresh: set[int] = set()  # slots added here: filled below whatever they showed before
        while len(self.slots) < len(ids):
            if self.pool:
                row = self.pool.pop()
                row.nobody_fires = self.nobody_fires
            elif made < ROWS_PER_TURN:
                row = self._new_row(ids[len(self.slots)])
                made += 1
            else:
                ids = ids[: len(self.slots)]
                self.sync_soon()
                break
            after = self.inner_layout.indexOf(self.slots[-1]) + 1 if self.slots else 0
            self.inner_layout.insertWidget(after, row)
            row.show()
            fresh.add(len(self.slots))
            self.slots.append(row)
        while len(self.slots) > len(ids):  # fewer jobs: the last slots go to the pool
            row = self.slots.pop()
            self.inner_layout.removeWidget(row)
            row.hide()
            row.pip.set_state(JobState.SCHEDULED)  # a pooled row's pip no longer keeps the shared clock going
            self.pool.append(row)
        now = datetime.now(UTC)
        fill_all, self._fill_all = self._fill_all, False
        self.rows = {}
        for at, job_id in enumerate(ids):
            row = self.slots[at]
            moved = row.job_id != job_id
            if moved or at in fresh:
                row.rebind(job_id)
            self.rows[job_id] = row
            if at in fresh or ((fill_all or moved) and not row.visibleRegion().isEmpty()):
                self._fill(job_id, now)
            elif fill_all or moved:  # scrolled out of sight (or the list folded): filled in the next turns
                self._unfilled.add(job_id)
        if self._unfilled:
            self._fill_timer.start()
        self.order = ids
        if self.open_job is not None and self.open_job not in wanted:
            self.open_job = None
            self.peek.hide()
        peek_moved = self._place_peek()
        if focused is not None and focused in self.rows:
            row = self.rows[focused]
            target = (row, row.run_button, row.manage_button)[part]
            if target is not fw:  # the job is shown by another row now: the focus follows it
                if part:
                    row.show_actions(True)
                target.setFocus(Qt.FocusReason.OtherFocusReason)
        if len(self.slots) != counted or peek_moved:
            self._fit_height()
        self._recount.start()  # new rows may count down sooner than the clock's next wake
        if not self._sync_timer.isActive():  # no rows left for a later turn
            self.caughtUp.emit()

    def _place_peek(self) -> bool:
        """The open job's runs right under its row (which may stand in another place now); True if moved."""
        for job_id, row in self.rows.items():
            row.set_open(job_id == self.open_job)
        if self.open_job is None or self.open_job not in self.rows:  # its row is made in a later turn
            return False
        row = self.rows[self.open_job]
        at = self.inner_layout.indexOf(self.peek)
        if at >= 0 and at == self.inner_layout.indexOf(row) + 1:
            return False
        if at >= 0:
            self.inner_layout.removeWidget(self.peek)
        self.inner_layout.insertWidget(self.inner_layout.indexOf(row) + 1, self.peek)
        return True

    def _new_row(self, job_id: str) -> JobRow:
        row = JobRow(job_id, self.inner)
        row.nobody_fires = self.nobody_fires
        row.clicked.connect(self.toggle_peek)
        row.runNow.connect(self.runNow)
        row.manage.connect(self.manage)
        row.show()  # a child made after its parent was shown starts hidden
        return row

    def _fill(self, job_id: str, now: datetime) -> None:
        self._unfilled.discard(job_id)
        row = self.source.row_of(job_id)
        if row < 0:
            return
        idx = self.source.index(row, 0)
        self.rows[job_id].set_job(idx.data(Role.Title), idx.data(Role.State), idx.data(Role.NextRun), now)
        if job_id == self.open_job:
            self.peek.model.set_schedule(self._schedule(job_id))  # an edited schedule recounts missed rows

    def _schedule(self, job_id: str) -> dict[str, Any] | None:
        job = self.source.job(job_id)
        schedule = job.get("schedule") if job is not None else None
        return schedule if isinstance(schedule, dict) else None

    def _fill_later(self) -> None:
        """Rows out of sight that were given another job: FILLS_PER_TURN a turn (a new order moves 20 jobs at
        once; the rows on screen take theirs at once, the rest follow)."""
        now = datetime.now(UTC)
        for _ in range(min(FILLS_PER_TURN, len(self._unfilled))):
            job_id = self._unfilled.pop()
            if job_id in self.rows:
                self._fill(job_id, now)
        if self._unfilled:
            self._fill_timer.start()

    def _data_changed(self, first: QModelIndex | QPersistentModelIndex, last: QModelIndex | QPersistentModelIndex,
                      roles: list[int] | None = None) -> None:
        now = datetime.now(UTC)
        for r in range(first.row(), last.row() + 1):
            job_id = self.proxy.index(r, 0).data(Role.Id)
            if job_id in self.rows:
                self._fill(job_id, now)
        self._recount.start()

    def _countdowns_moved(self) -> None:
        if self.clock.isActive():
            self.update_countdowns()

    def _fit_height(self) -> None:
        """As tall as the rows (and the open peek) need, never taller than ``max_height``."""
        self.inner.adjustSize()
        content = self.inner_layout.sizeHint().height()
        self.jobs_scroll.setFixedHeight(max(0, min(content, self.max_height)))

    max_height = 320

    def set_max_height(self, height: int) -> None:
        self.max_height = max(80, height)
        self._fit_height()

    # ----------------------------------------------------------------- expand / peek / countdowns

    def set_expanded(self, expanded: bool) -> None:
        if expanded == self.expanded:
            return
        self.expanded = expanded
        self._apply_expanded()
        self.toggled.emit(expanded)

    def _apply_expanded(self) -> None:
        self.toggle.setIcon(icon("chevron-down" if self.expanded else "chevron-right"))
        self.toggle.setAccessibleName(self.tr("Cron jobs, expanded") if self.expanded
                                      else self.tr("Cron jobs, collapsed"))
        self.jobs_scroll.setVisible(self.expanded)
        self._run_clock()
        self._recount.start()

    def _run_clock(self) -> None:
        window = self.window()
        should = self.expanded and self.isVisible() and window.isVisible() and not window.isMinimized()
        if should and not self.clock.isActive():
            self.clock.start()
            self.update_countdowns()
        elif not should:
            self.clock.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._run_clock()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._run_clock()

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        for row in self.rows.values():
            inside = new is not None and (new is row or row.isAncestorOf(new))
            if row.actions_shown() and not row.underMouse() and not inside:
                row.show_actions(False)

    def set_nobody_fires(self, nobody: bool) -> None:
        if nobody == self.nobody_fires:  # asked again on every firing report (a profile switch: twice)
            return
        self.nobody_fires = nobody
        now = datetime.now(UTC)
        for row in self.rows.values():
            row.nobody_fires = nobody
            row.update_countdown(now)

    def update_countdowns(self) -> None:
        """Refresh the countdown cells that are on screen; a label repaints only if its text changed. The clock
        wakes next when one of them changes its words: each second under two minutes, else on the minute."""
        now = datetime.now(UTC)
        wait = CLOCK_MAX_S
        for row in self.rows.values():
            if not row.visibleRegion().isEmpty():
                if row.update_countdown(now):
                    self.repaints += 1
                wait = min(wait, row.next_change(now))
        if self.clock.isActive():
            self.clock.setInterval(max(1000, math.ceil(wait * 1000) + CLOCK_LATE_MS) if wait > 1 else 1000)

    def toggle_peek(self, job_id: str) -> None:
        if self.open_job == job_id:
            self.open_job = None
            self.peek.hide()
            self.peek.show_job(None)
        else:
            self.open_job = job_id
            self.peek.show_job(job_id, self._schedule(job_id))
            self.peek.show()
        self._place_peek()
        self._fit_height()
        if self.open_job is not None:
            self.jobs_scroll.ensureWidgetVisible(self.peek)

    def set_store(self, store: SessionStore) -> None:
        self.open_job = None
        self.peek.hide()
        self.peek.model.store = store
        self.peek.show_job(None)

    def refresh_peek(self, job_id: str | None = None) -> None:
        if self.open_job is not None and (job_id is None or job_id == self.open_job):
            self.peek.refresh()
