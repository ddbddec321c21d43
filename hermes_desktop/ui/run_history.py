"""A job's run history as a list to scan: a state pip, when it started, the outcome, how long, how it started.

The rows are the cron window's :class:`~.models.RunsModel` (sessions and
Hermes' ledger, paged); :class:`HistoryModel` adds what the delegate draws.
A failed run stands out three ways - a red pip, a tinted row and its outcome
in bold - so it is seen without reading and without telling colours apart.
One click opens a run's transcript.

How a run started is not written anywhere: a "Run now", a scheduled run and
a late catch-up all leave the same session. What the times can tell is
worked out (:func:`how_started`) and the rest is said to be unknown.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from enum import IntEnum, StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ..core.history import Run
from ..core.schedule import ONESHOT_GRACE_S, grace_seconds, next_run, parse_instant
from ..core.sessions import SessionStore
from ..core.states import RunStatus
from .models import Role, RunsModel, run_status_text
from .pips import paint_pip, pip_colour
from .when import Part, local_text
from .workers import Submit

Index = QModelIndex | QPersistentModelIndex
ON_TIME_S = 5  # a scheduled run starts this soon at the latest after its time… within its grace, if late


class HowStarted(StrEnum):
    SCHEDULE = "schedule"
    RUN_NOW = "run_now"  # started when nothing was due
    CATCH_UP = "catch_up"  # the run right after missed ones, late: the ticker came back
    MISSED = "missed"
    UNKNOWN = "unknown"  # an interval job: Run now moves its grid, so a time says nothing


def how_started(run: Run, schedule: dict[str, Any] | None, tz: tzinfo, older: Run | None = None) -> HowStarted:
    """What a run's start time says about how it started, measured against the job's (current) schedule."""
    if run.status == RunStatus.MISSED:
        return HowStarted.MISSED
    if not isinstance(schedule, dict) or not run.started_at:
        return HowStarted.UNKNOWN
    started = datetime.fromtimestamp(run.started_at, UTC)
    kind = schedule.get("kind")
    try:
        if kind == "once":
            due = parse_instant(schedule.get("run_at"), tz)
            on_time = due is not None and -ON_TIME_S <= (started - due).total_seconds() <= ONESHOT_GRACE_S
        elif kind == "cron":
            grace = grace_seconds(schedule, started, tz)
            due = next_run(schedule, started - timedelta(seconds=grace + 1), tz)
            on_time = due is not None and due <= started + timedelta(seconds=ON_TIME_S)
        else:
            return HowStarted.UNKNOWN
    except Exception:  # a schedule edited into something unreadable
        return HowStarted.UNKNOWN
    if on_time:
        return HowStarted.SCHEDULE
    if older is not None and older.status == RunStatus.MISSED:
        return HowStarted.CATCH_UP
    return HowStarted.RUN_NOW


def how_text(how: HowStarted) -> str:
    texts = {
        HowStarted.SCHEDULE: QCoreApplication.translate("RunHistory", "Scheduled"),
        HowStarted.RUN_NOW: QCoreApplication.translate("RunHistory", "Run now"),
        HowStarted.CATCH_UP: QCoreApplication.translate("RunHistory", "Catch-up"),
        HowStarted.MISSED: QCoreApplication.translate("RunHistory", "Missed"),
        HowStarted.UNKNOWN: "",
    }
    return texts[how]


def how_tip(how: HowStarted) -> str:
    texts = {
        HowStarted.SCHEDULE: QCoreApplication.translate("RunHistory", "Started at a time the schedule names."),
        HowStarted.RUN_NOW: QCoreApplication.translate(
            "RunHistory", "Started when no run was due: most likely Run now (a late catch-up of a single run "
            "looks the same)."),
        HowStarted.CATCH_UP: QCoreApplication.translate(
            "RunHistory", "Started late, right after missed runs: the app or Hermes came back and ran the job once."),
        HowStarted.MISSED: QCoreApplication.translate(
            "RunHistory", "Nothing was running jobs at these times, so these runs did not happen."),
        HowStarted.UNKNOWN: QCoreApplication.translate(
            "RunHistory", "How this run started is not recorded (Run now moves an interval job's times)."),
    }
    return texts[how]


def duration_text(seconds: float | None) -> str:
    if seconds is None:
        return ""
    if seconds < 60:
        return QCoreApplication.translate("Runs", "{seconds:.1f} s").format(seconds=seconds)
    minutes = int(seconds // 60)
    if minutes < 60:
        return QCoreApplication.translate("RunHistory", "{m} min {s} s").format(m=minutes, s=int(seconds % 60))
    return QCoreApplication.translate("RunHistory", "{h} h {m} min").format(h=minutes // 60, m=minutes % 60)


class HistoryRole(IntEnum):
    TimeText = Qt.ItemDataRole.UserRole + 60
    DurationText = Qt.ItemDataRole.UserRole + 61
    How = Qt.ItemDataRole.UserRole + 62  # a HowStarted


class HistoryModel(RunsModel):
    """The runs, with the start time in the user's locale, the duration and how each run started."""

    def __init__(self, store: SessionStore, limit: int | None = None, parent: Any = None,
                 submit: Submit | None = None) -> None:
        super().__init__(store, limit, parent, submit)
        self._how: dict[str, tuple[object, HowStarted]] = {}  # run id -> (the schedule it was judged by, answer)

    def how(self, row: int) -> HowStarted:
        run = self._rows[row]
        known = self._how.get(run.id)
        if known is not None and known[0] is self.schedule:
            return known[1]
        older = self._rows[row + 1] if row + 1 < len(self._rows) else None
        how = how_started(run, self.schedule, self.tz, older)
        if older is not None or not self._more:  # the last loaded row may yet get its older neighbour
            self._how[run.id] = (self.schedule, how)
        return how

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        run = self.row(index)
        if run is None:
            return None
        started = datetime.fromtimestamp(run.started_at, UTC)
        if role == HistoryRole.TimeText:
            return local_text(started, self.tz, Part.DATE_TIME)
        if role == HistoryRole.DurationText:
            return "" if run.status == RunStatus.MISSED else duration_text(run.duration)
        if role == HistoryRole.How:
            return self.how(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole) and \
                run.status != RunStatus.MISSED:
            parts = [local_text(started, self.tz, Part.DATE_TIME), run_status_text(run.status)]
            for extra in (duration_text(run.duration), how_text(self.how(index.row()))):
                if extra:
                    parts.append(extra)
            return " · ".join(parts)
        if role == Qt.ItemDataRole.ToolTipRole:
            return how_tip(self.how(index.row()))
        return super().data(index, role)


FAILED_TINT = QColor(239, 68, 68, 38)  # the error pip's red, faint: reads on light and dark palettes


class RunDelegate(QStyledItemDelegate):
    """pip · start time · outcome · duration · how it started; a failed run tinted, its outcome in bold."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(200, option.fontMetrics.height() + 16)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        style = option.widget.style() if option.widget else None
        status = index.data(Role.Status)
        painter.save()
        if status == RunStatus.ERROR:
            painter.fillRect(option.rect, FAILED_TINT)
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText)
        metrics = option.fontMetrics
        rect: QRect = option.rect.adjusted(8, 0, -8, 0)
        middle = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        paint_pip(painter, QRect(rect.left(), rect.top(), 16, rect.height()).toRectF(), str(status or ""))
        x = rect.left() + 24
        painter.setPen(text)
        if status == RunStatus.MISSED:  # one row for the span: "6 runs missed, 12:17–14:47"
            words = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            painter.setPen(muted)
            painter.drawText(QRect(x, rect.top(), rect.right() - x, rect.height()), middle,
                             metrics.elidedText(words, Qt.TextElideMode.ElideRight, rect.right() - x))
            painter.restore()
            return
        when = str(index.data(HistoryRole.TimeText) or "")
        time_w = max(metrics.horizontalAdvance(when), metrics.horizontalAdvance("00/00/00 00:00 PM")) + 16
        painter.drawText(QRect(x, rect.top(), time_w, rect.height()), middle, when)
        x += time_w
        outcome = run_status_text(str(status or ""))
        bold = QFont(option.font)
        bold.setBold(status == RunStatus.ERROR)
        painter.setFont(bold)
        if status == RunStatus.ERROR and not selected:
            painter.setPen(pip_colour(RunStatus.ERROR) if palette.color(QPalette.ColorRole.Base).lightness() < 128
                           else pip_colour(RunStatus.ERROR).darker(135))
        status_w = max(metrics.horizontalAdvance(run_status_text(s)) for s in RunStatus) + 24
        painter.drawText(QRect(x, rect.top(), status_w, rect.height()), middle, outcome)
        painter.setFont(option.font)
        x += status_w
        duration = str(index.data(HistoryRole.DurationText) or "")
        dur_w = metrics.horizontalAdvance("00 min 00 s") + 16
        painter.setPen(text)
        painter.drawText(QRect(x, rect.top(), dur_w - 16, rect.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, duration)
        x += dur_w
        how = how_text(index.data(HistoryRole.How) or HowStarted.UNKNOWN)
        if how and rect.right() > x:
            painter.setPen(muted)
            painter.drawText(QRect(x, rect.top(), rect.right() - x, rect.height()), middle,
                             metrics.elidedText(how, Qt.TextElideMode.ElideRight, rect.right() - x))
        painter.restore()


class RunHistory(QListView):
    """A job's runs, newest first, loading more as the user scrolls; a click (or Enter) opens a run."""

    openRun = Signal(str)

    def __init__(self, store: SessionStore, parent: QWidget | None = None, submit: Submit | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runHistory")
        self.setAccessibleName(self.tr("Run history"))
        self.runs = HistoryModel(store, parent=self, submit=submit)
        self.setModel(self.runs)
        self.setItemDelegate(RunDelegate(self))
        self.setUniformItemSizes(True)
        self.setMouseTracking(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.activated.connect(self._open)  # Enter, or a click where the style activates on one click
        self.clicked.connect(self._clicked)

    def _clicked(self, index: QModelIndex) -> None:
        hint = QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick
        if not self.style().styleHint(hint, None, self):  # else ``activated`` has opened it already
            self._open(index)

    def _open(self, index: QModelIndex) -> None:
        sid = index.data(Role.Id)
        if sid:
            self.openRun.emit(sid)
