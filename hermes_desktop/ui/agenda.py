"""Upcoming runs: every job's runs for the next 24 hours or 7 days, grouped by day, and a one-line "today".

The agenda is worked out off the GUI thread, about :data:`SLICE_S` of work per
task, so at 10,000 jobs neither the window nor other background reads (a
transcript, a run history) wait behind it for long. What comes
back is bounded: at most :data:`ROW_CAP` rows and an "and N more" line. A job
that runs more than :data:`COLLAPSE_ABOVE` times in a day shows that day as
one row ("Every 5 minutes · 288 runs"), so a one-minute job is seven rows a
week, not 10,080. Each job's runs are remembered with the record they were
worked out from, so a refresh with nothing changed recomputes nothing.

A run is marked "DST" when its zone's offset from UTC differs from the one
before it (or, for a job's first run in the window, from the offset now):
the wall-clock time the user reads has moved by the shift.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import IntEnum
from time import perf_counter
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ..core.jobs import Job, job_next_run, job_state, job_title
from ..core.schedule import Occurrence, fire_times
from ..core.sessions import SessionStore
from ..core.states import JobState, RunStatus
from .models import CronJobsModel, Role
from .pips import paint_pip
from .when import Part, local_text
from .workers import Submit

Index = QModelIndex | QPersistentModelIndex

ROW_CAP = 500  # agenda rows at most; the rest is one "and N more" line
COLLAPSE_ABOVE = 4  # more runs than this in a day: that day is one row
PER_JOB_LIMIT = 2100  # cron runs worked out per job (every five minutes for a week); past it, the job is cut short
SLICE_S = 0.04  # background work per task, about: other reads (a transcript, a history page) get their turn between
DAY_PAGE = 8  # today's runs of a job read this many at first, then four times as many per page
# An agenda that took longer than COSTLY_S to work out (thousands of jobs) is worked out whole only every
# WHOLE_EVERY, or when jobs come or go; in between, a minute passing or a few jobs changing (up to
# CHANGED_AT_MOST at once) works out just the rows of the jobs concerned.
COSTLY_S = 0.1
WHOLE_EVERY = timedelta(minutes=10)
CHANGED_AT_MOST = 200
LATER_MS = 1000  # after a change, the agenda waits this long for more (the first read of 10,000 jobs is a burst)
HORIZONS = {"day": timedelta(hours=24), "week": timedelta(days=7)}


# --------------------------------------------------------------------------- working it out (no Qt)


@dataclass(frozen=True)
class AgendaEntry:
    """One row: a run, or a day's runs of one frequent job (``count`` > 1, ``first``…``last``)."""

    job_id: str
    title: str
    first: datetime  # UTC
    last: datetime  # UTC; the same as ``first`` for a single run
    count: int
    paused: bool
    one_shot: bool
    schedule: dict[str, Any]
    shift: tuple[timedelta, timedelta] | None = None  # (offset before, offset at this run) when DST moved it


@dataclass
class Agenda:
    days: list[tuple[date, list[AgendaEntry]]] = field(default_factory=list)
    more: int = 0  # rows past the cap
    cut_short: int = 0  # jobs that run so often that only their first PER_JOB_LIMIT runs are shown
    start: datetime | None = None


@dataclass(frozen=True)
class TodayCounts:
    ran: int = 0  # finished runs today (failed ones included)
    failed: int = 0


def _offset(at: datetime, tz: tzinfo) -> timedelta:
    return at.astimezone(tz).utcoffset() or timedelta(0)


@dataclass(frozen=True)
class Grid:
    """An interval job's runs: ``count`` of them, ``step`` apart from ``first`` (UTC). Kept as arithmetic, not as
    a list: a one-minute job's week is 10,080 runs, and thousands of such lists keep Python's collector busy."""

    first: datetime
    step: timedelta
    count: int

    def at(self, k: int) -> datetime:
        return self.first + self.step * k

    def _before(self, t: datetime) -> int:
        """How many of the grid's points (unbounded) come before ``t``."""
        return max(0, -((self.first - t) // self.step))

    def within(self, start: datetime, end: datetime) -> Grid:
        k0 = min(self.count, self._before(start))
        k1 = min(self.count, self._before(end))
        return Grid(self.at(k0), self.step, max(0, k1 - k0))

    def occurrences(self) -> list[Occurrence]:
        return [Occurrence(self.at(k)) for k in range(self.count)]


Runs = list[Occurrence] | Grid


def _cron_runs(schedule: dict[str, Any], first: datetime | None, start: datetime, end: datetime, tz: tzinfo,
               shared: dict[str, list[Occurrence]] | None) -> list[Occurrence]:
    """A cron job's runs; jobs on the same expression whose next run is the schedule's own share one search
    (thousands of jobs tend to share a few expressions, and the search is most of the work)."""
    expr = str(schedule.get("expr"))
    runs = shared.get(expr) if shared is not None else None
    if runs is None:
        runs = fire_times(schedule, start, end, tz, limit=PER_JOB_LIMIT)
        if shared is not None:
            shared[expr] = runs
    if first is None or (runs and runs[0].at == first) or (not runs and first >= end):
        return runs
    return fire_times(schedule, start, end, tz, first=first, limit=PER_JOB_LIMIT)


def upcoming_runs(job: Job, start: datetime, end: datetime, tz: tzinfo,
                  shared: dict[str, list[Occurrence]] | None = None) -> tuple[Runs, bool]:
    """A job's runs in ``[start, end)`` (none for a job that will not run; a paused one's as if resumed), and
    whether there were more than are worked out for one job.

    ``shared`` remembers cron searches by expression, for the other jobs of one agenda (same window, same zone).
    """
    state = job_state(job)
    paused = state == JobState.PAUSED
    schedule = job.get("schedule")
    if not (paused or state.will_run) or not isinstance(schedule, dict):
        return [], False
    first = None if paused else job_next_run(job, tz)
    try:
        if schedule.get("kind") == "cron":
            runs = _cron_runs(schedule, first, start, end, tz, shared)
            return runs, len(runs) >= PER_JOB_LIMIT
        head = fire_times(schedule, start, end, tz, first=first, limit=1)
        if schedule.get("kind") == "interval" and head:
            step = timedelta(minutes=float(schedule["minutes"]))
            return _grid(head[0].at, step, end), False
        return head, False
    except Exception:  # an unreadable schedule: the cron window says what is wrong with it
        return [], False


def _grid(first: datetime, step: timedelta, end: datetime) -> Grid:
    """The grid from ``first`` up to (not including) ``end``."""
    return Grid(first, step, Grid(first, step, 0)._before(end))


def _day_bounds(day: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """A local day as a UTC span (23 or 25 hours long on a day the clocks change)."""
    begin = datetime.combine(day, time(0), tz).astimezone(UTC)
    return begin, datetime.combine(day + timedelta(days=1), time(0), tz).astimezone(UTC)


def _days(runs: Runs, tz: tzinfo) -> list[list[Occurrence] | Grid]:
    """The runs cut into local days: a list per day, or for an interval a grid per day (materialised only
    where a day has few enough runs to show them one by one)."""
    if not isinstance(runs, Grid):
        by_day: dict[date, list[Occurrence]] = {}
        for occ in runs:
            by_day.setdefault(occ.at.astimezone(tz).date(), []).append(occ)
        return list(by_day.values())
    out: list[list[Occurrence] | Grid] = []
    if runs.count == 0:
        return out
    day, last = runs.first.astimezone(tz).date(), runs.at(runs.count - 1).astimezone(tz).date()
    while day <= last:
        part = runs.within(*_day_bounds(day, tz))
        if part.count:
            out.append(part if part.count > COLLAPSE_ABOVE else part.occurrences())
        day += timedelta(days=1)
    return out


def job_entries(job: Job, runs: Runs, start: datetime, tz: tzinfo) -> list[AgendaEntry]:
    """The agenda rows of a job's ``runs`` (from ``start`` on): one per run, or one per day for a day with more
    than :data:`COLLAPSE_ABOVE` of them; a run whose zone offset differs from the one before it is marked (a
    day's row: the first such change that day)."""
    schedule = job["schedule"]
    paused = job_state(job) == JobState.PAUSED
    title, one_shot = job_title(job), schedule.get("kind") == "once"
    out: list[AgendaEntry] = []
    before = _offset(start, tz)
    for day in _days(runs, tz):
        if isinstance(day, Grid) or len(day) > COLLAPSE_ABOVE:
            first, last = (day.first, day.at(day.count - 1)) if isinstance(day, Grid) else (day[0].at, day[-1].at)
            count = day.count if isinstance(day, Grid) else len(day)
            # an interval's offset changes at most once a day: its first and last run tell
            points = [first, last] if isinstance(day, Grid) else [o.at for o in day]
            shift = None
            for at in points:
                offset = _offset(at, tz)
                if offset != before and shift is None:
                    shift = (before, offset)
                before = offset
            out.append(AgendaEntry(job["id"], title, first, last, count, paused, one_shot, schedule, shift))
            continue
        for occ in day:
            offset = _offset(occ.at, tz)
            out.append(AgendaEntry(job["id"], title, occ.at, occ.at, 1, paused, one_shot, schedule,
                                   (before, offset) if offset != before else None))
            before = offset
    return out


class AgendaWork:
    """Works an agenda out in slices; made on the GUI thread, every step run on the task thread, in order.

    ``cache`` (id → (record, zone, start, end, runs, cut)) is only ever touched by the steps, which run one
    after another, so it needs no lock.
    """

    def __init__(self, jobs: list[Job], start: datetime, horizon: timedelta, tz: tzinfo,
                 cache: dict[str, Any], store: SessionStore | None = None) -> None:
        self.jobs, self.start, self.end, self.tz = jobs, start, start + horizon, tz
        self.cache = cache
        self.store = store
        self.done = 0
        self.spent = 0.0  # seconds of work so far (the panel decides by it how often to do it all again)
        self.shared: dict[str, list[Occurrence]] = {}  # cron searches by expression, for this window only
        self.rows: list[AgendaEntry] = []
        self.cut_short = 0

    def _rows_of(self, job: Job) -> tuple[list[AgendaEntry], bool]:
        """The job's rows; its runs are searched for again only when the record, the zone or the window moved
        past what was searched (the rows are made anew each time: a day's count changes as the window moves)."""
        known = self.cache.get(job["id"])
        if (known is not None and known[0] is job and known[1] is self.tz and known[2] <= self.start
                and self.end <= known[3]):
            runs, cut = known[4], known[5]
        else:
            # searched a little further than asked, so the next minutes' refreshes reuse it
            until = self.end + timedelta(hours=1)
            runs, cut = upcoming_runs(job, self.start, until, self.tz, self.shared)
            self.cache[job["id"]] = (job, self.tz, self.start, until, runs, cut)
        shown: Runs = (runs.within(self.start, self.end) if isinstance(runs, Grid)
                       else [r for r in runs if self.start <= r.at < self.end])
        empty = shown.count == 0 if isinstance(shown, Grid) else not shown
        return ([] if empty else job_entries(job, shown, self.start, self.tz)), cut

    def step(self) -> bool:
        """Work out the next slice of jobs; True when every job is done."""
        began = perf_counter()
        until = began + SLICE_S
        while self.done < len(self.jobs) and perf_counter() < until:
            rows, cut = self._rows_of(self.jobs[self.done])
            self.rows.extend(rows)
            self.cut_short += cut
            self.done += 1
        self.spent += perf_counter() - began
        return self.done >= len(self.jobs)

    def finish(self) -> tuple[Agenda, TodayCounts | None]:
        if len(self.cache) > 2 * len(self.jobs) + 64:  # forget jobs long gone
            live = {j["id"] for j in self.jobs}
            for gone in [k for k in self.cache if k not in live]:
                del self.cache[gone]
        agenda = arrange(self.rows, 0, self.cut_short, self.start, self.tz)
        return agenda, (today_counts(self.store, self.jobs, self.start, self.tz) if self.store else None)

    def rolled(self, shown: Agenda) -> Agenda:
        """``shown`` (worked out earlier) at this work's start: the rows of this work's jobs - the ones whose rows
        had begun - made again, the other rows kept. Rows past the cap are not looked at again."""
        while not self.step():
            pass
        redone = {job["id"] for job in self.jobs}
        kept = [e for _day, entries in shown.days for e in entries if e.job_id not in redone]
        return arrange(kept + self.rows, shown.more, shown.cut_short, self.start, self.tz)


def arrange(rows: list[AgendaEntry], more: int, cut_short: int, start: datetime, tz: tzinfo) -> Agenda:
    """The first :data:`ROW_CAP` rows by time, by local day; ``more`` rows already past the cap besides."""
    shown = heapq.nsmallest(ROW_CAP, rows, key=lambda r: (r.first, r.title.casefold(), r.job_id))
    agenda = Agenda(more=more + len(rows) - len(shown), cut_short=cut_short, start=start)
    for row in shown:
        day = row.first.astimezone(tz).date()
        if not agenda.days or agenda.days[-1][0] != day:
            agenda.days.append((day, []))
        agenda.days[-1][1].append(row)
    return agenda


def build_agenda(jobs: list[Job], start: datetime, horizon: timedelta, tz: tzinfo) -> Agenda:
    """The whole agenda at once (for tests and previews)."""
    work = AgendaWork(jobs, start, horizon, tz, {})
    while not work.step():
        pass
    return work.finish()[0]


def today_counts(store: SessionStore, jobs: list[Job], now: datetime, tz: tzinfo) -> TodayCounts:
    """How many runs finished today (since midnight in ``tz``), and how many of them failed.

    Only jobs whose last run was today are read, newest first, until a run
    older than midnight: the work is today's runs, not the history.
    """
    midnight = datetime.combine(now.astimezone(tz).date(), time(0), tz).astimezone(UTC)
    since = midnight.timestamp()
    ran = failed = 0
    for job in jobs:
        last = job.get("last_run_at")
        last_at = job_next_run({"next_run_at": last}, tz) if isinstance(last, str) else None
        if last_at is None or last_at < midnight - timedelta(hours=1):  # a run can start before it is recorded
            continue
        size, before = DAY_PAGE, None
        while True:
            page = store.cron_runs(job["id"], size, before=before)
            for run in page:
                if run.started_at < since:
                    break
                if run.status in (RunStatus.OK, RunStatus.ERROR):
                    ran += 1
                    failed += run.status == RunStatus.ERROR
            else:
                if len(page) == size:
                    size, before = size * 4, page[-1].id
                    continue
            break
    return TodayCounts(ran, failed)


# --------------------------------------------------------------------------- the model


class AgendaRole(IntEnum):
    Kind = Qt.ItemDataRole.UserRole + 40
    Entry = Qt.ItemDataRole.UserRole + 41
    JobId = Qt.ItemDataRole.UserRole + 42
    Paused = Qt.ItemDataRole.UserRole + 43
    Dst = Qt.ItemDataRole.UserRole + 44


HEADER, RUN, MORE = "header", "run", "more"


def day_header(day: date, today: date) -> str:
    if day == today:
        return QCoreApplication.translate("Agenda", "Today")
    if day == today + timedelta(days=1):
        return QCoreApplication.translate("Agenda", "Tomorrow")
    return local_text(day, UTC, Part.DAY)


def _hours(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


class AgendaModel(QAbstractListModel):
    """The agenda as rows: day headers, runs, and an "and N more" line; replaced whole when it is worked out."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, Any]] = []
        self.agenda = Agenda()
        self.tz: tzinfo = UTC
        self.today: date = datetime.now(UTC).date()
        self.describe: Callable[[dict[str, Any], tzinfo], str] = _describe
        self._times: dict[int, str] = {}  # id of a row's entry (alive while the agenda is) -> its time text
        self._details: dict[int, str] = {}  # … -> what else it says

    def set_agenda(self, agenda: Agenda, tz: tzinfo, now: datetime) -> None:
        rows: list[tuple[str, Any]] = []
        for day, entries in agenda.days:
            rows.append((HEADER, day))
            rows.extend((RUN, e) for e in entries)
        if agenda.more:
            rows.append((MORE, agenda.more))
        self.beginResetModel()  # a wholesale change: at most ROW_CAP rows and their headers
        self.agenda, self.rows, self.tz = agenda, rows, tz
        self._times, self._details = {}, {}
        self.today = now.astimezone(tz).date()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        kind = self.rows[index.row()][0]
        return Qt.ItemFlag.ItemIsEnabled | (Qt.ItemFlag.ItemIsSelectable if kind == RUN else Qt.ItemFlag.NoItemFlags)

    def time_text(self, entry: AgendaEntry) -> str:
        known = self._times.get(id(entry))  # painted again and again: formatted once per agenda
        if known is None:
            first = local_text(entry.first, self.tz, Part.TIME)
            known = first if entry.count == 1 else f"{first}–{local_text(entry.last, self.tz, Part.TIME)}"
            self._times[id(entry)] = known
        return known

    def detail_text(self, entry: AgendaEntry) -> str:
        known = self._details.get(id(entry))  # a schedule in words is slow to make: once per agenda
        if known is None:
            known = self._details[id(entry)] = self._detail_text(entry)
        return known

    def _detail_text(self, entry: AgendaEntry) -> str:
        parts = []
        if entry.count > 1:
            parts.append(self.describe(entry.schedule, self.tz))
            # (always 2 or more here, so the English needs no plural forms)
            parts.append(QCoreApplication.translate("Agenda", "{count} runs").format(count=entry.count))
        elif entry.one_shot:
            parts.append(QCoreApplication.translate("Agenda", "once"))
        if entry.paused:
            parts.append(QCoreApplication.translate("Agenda", "paused"))
        return " · ".join(parts)

    def dst_text(self, entry: AgendaEntry) -> str:
        if entry.shift is None:
            return ""
        return QCoreApplication.translate("Agenda", "Daylight saving time: the clocks change before this run, from "
                                          "{old} to {new}.").format(old=_hours(entry.shift[0]),
                                                                    new=_hours(entry.shift[1]))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or index.column() != 0:
            return None
        kind, value = self.rows[index.row()]
        if role == AgendaRole.Kind:
            return kind
        if kind == HEADER:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return day_header(value, self.today)
            return None
        if kind == MORE:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return QCoreApplication.translate("Agenda", "and %n more", "", value)
            return None
        entry: AgendaEntry = value
        if role == AgendaRole.Entry:
            return entry
        if role == AgendaRole.JobId:
            return entry.job_id
        if role == AgendaRole.Paused:
            return entry.paused
        if role == AgendaRole.Dst:
            return entry.shift is not None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            parts = [self.time_text(entry), entry.title]
            detail = self.detail_text(entry)
            if detail:
                parts.append(detail)
            if entry.shift is not None:
                parts.append(QCoreApplication.translate("Agenda", "DST"))
            return " · ".join(parts)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = [self.time_text(entry) + " · " + entry.title]
            if entry.paused:
                tip.append(QCoreApplication.translate("Agenda",
                                                      "Paused: this run happens only if the job is resumed."))
            if entry.shift is not None:
                tip.append(self.dst_text(entry))
            return "\n".join(tip)
        return None


def _describe(schedule: dict[str, Any], tz: tzinfo) -> str:
    from ..l10n import describe_text

    try:
        return describe_text(schedule, tz)
    except Exception:
        return str(schedule.get("display") or "")


class AgendaDelegate(QStyledItemDelegate):
    """Day headers in bold; runs as time, pip, title, then what else is known; paused runs greyed."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._widths: dict[tuple[str, int], int] = {}

    def _time_width(self, metrics: QFontMetrics) -> int:
        """The time column: as wide as the widest span ("10:59 PM–10:59 PM"), measured once per font."""
        sample = local_text(datetime(2026, 1, 1, 22, 59, tzinfo=UTC), UTC, Part.TIME)
        key = (sample, metrics.height())
        if key not in self._widths:
            self._widths[key] = metrics.horizontalAdvance(f"{sample}–{sample}") + 8
        return self._widths[key]

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # one height for every row, so the view lays out 500 rows without asking each one
        return QSize(200, option.fontMetrics.height() + 12)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        kind = index.data(AgendaRole.Kind)
        palette = option.palette
        rect: QRect = option.rect.adjusted(8, 0, -8, 0)
        middle = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.save()
        if kind != RUN:
            font = QFont(option.font)
            font.setBold(kind == HEADER)
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.Text if kind == HEADER
                                         else QPalette.ColorRole.PlaceholderText))
            text_rect = rect.adjusted(0, 4, 0, 0) if kind == HEADER else rect  # a header sits low, near its runs
            painter.drawText(text_rect, middle, str(index.data()))
            painter.restore()
            return
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        model = index.model()
        entry: AgendaEntry = index.data(AgendaRole.Entry)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        muted_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        metrics = option.fontMetrics
        time_w = self._time_width(metrics)
        time_text = model.time_text(entry) if isinstance(model, AgendaModel) else ""
        painter.setPen(palette.color(muted_role if entry.paused else text_role))
        painter.drawText(QRect(rect.left(), rect.top(), time_w, rect.height()), middle, time_text)
        x = rect.left() + time_w + 8
        paint_pip(painter, QRect(x, rect.top(), 16, rect.height()).toRectF(),
                  JobState.PAUSED if entry.paused else JobState.SCHEDULED, 110 if entry.paused else 255)
        x += 24
        badge = QCoreApplication.translate("Agenda", "DST") if entry.shift is not None else ""
        badge_w = metrics.horizontalAdvance(badge) + 12 if badge else 0
        detail = model.detail_text(entry) if isinstance(model, AgendaModel) else ""
        room = rect.right() - x - badge_w - (8 if badge else 0)
        title_w = min(metrics.horizontalAdvance(entry.title) + 4, room)  # + 4: advances are rounded down
        # too little room for both: each gets about half, the title first
        if detail and room - title_w - 16 < min(metrics.horizontalAdvance(detail), room // 2):
            title_w = min(title_w, max(room // 2, room - 16 - metrics.horizontalAdvance(detail)))
        painter.setPen(palette.color(muted_role if entry.paused else text_role))
        painter.drawText(QRect(x, rect.top(), title_w, rect.height()), middle,
                         metrics.elidedText(entry.title, Qt.TextElideMode.ElideRight, title_w))
        x += title_w + 16
        if detail and room - title_w - 16 > 0:
            painter.setPen(palette.color(muted_role))
            painter.drawText(QRect(x, rect.top(), room - title_w - 16, rect.height()), middle,
                             metrics.elidedText(detail, Qt.TextElideMode.ElideRight, room - title_w - 16))
        if badge:
            box = QRect(rect.right() - badge_w, rect.top() + 4, badge_w, rect.height() - 8)
            painter.setPen(palette.color(text_role))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, 4, 4)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, badge)
        painter.restore()


# --------------------------------------------------------------------------- the panel


class AgendaPanel(QWidget):
    """A "today" line, a 24 hours / 7 days switch, and the agenda; a click on a run opens its job."""

    openJob = Signal(str)
    computed = Signal()  # a fresh agenda is on screen

    def __init__(self, jobs: CronJobsModel, submit: Submit, store: Callable[[], SessionStore] | None = None,
                 parent: QWidget | None = None, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaPanel")
        self.jobs = jobs
        self._submit = submit
        self._store = store
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))
        self.horizon = "day"
        self._generation = 0
        self._cache: dict[str, Any] = {}
        self.today: TodayCounts | None = None
        self.busy = False
        self._stale = True  # changed while hidden: worked out when next shown

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 8)
        layout.setSpacing(8)
        self.summary = QLabel(self)
        self.summary.setObjectName("todaySummary")
        self.summary.setWordWrap(True)
        self.summary.setVisible(store is not None)
        head = QHBoxLayout()
        head.setSpacing(8)
        title = QLabel(self.tr("Upcoming"), self)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        head.addWidget(title)
        head.addStretch(1)
        self.range_group = QButtonGroup(self)
        self.range_buttons: dict[str, QPushButton] = {}
        for key, label in (("day", self.tr("24 hours")), ("week", self.tr("7 days"))):
            button = QPushButton(label, self)
            button.setObjectName(f"agenda_{key}")
            button.setCheckable(True)
            button.setChecked(key == self.horizon)
            button.setAccessibleName(self.tr("Show the next {span}").format(span=label))
            button.clicked.connect(lambda _=False, k=key: self.set_horizon(k))
            self.range_group.addButton(button)
            self.range_buttons[key] = button
            head.addWidget(button)
        self._mark_horizon()
        self.model = AgendaModel(self)
        self.view = QListView(self)
        self.view.setObjectName("agendaList")
        self.view.setAccessibleName(self.tr("Upcoming runs"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(AgendaDelegate(self.view))
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setMouseTracking(True)
        self.view.clicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.nothing = QLabel(self)
        self.nothing.setObjectName("agendaNothing")
        self.nothing.setEnabled(False)
        self.nothing.setWordWrap(True)
        self.nothing.hide()
        layout.addWidget(self.summary)
        layout.addLayout(head)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.nothing)

        self._later = QTimer(self)  # jobs change in bursts (the start, a poll, an edit): work it out once, after
        self._later.setSingleShot(True)
        self._later.setInterval(LATER_MS)
        self._later.timeout.connect(self._after_changes)
        self._changed: set[str] | None = set()  # jobs changed since the agenda was worked out (None: start over)
        self.cost = 0.0  # seconds the last agenda took to work out
        self._agenda: Agenda | None = None  # the agenda shown
        self._worked_at: datetime | None = None  # when it was worked out
        self._tick = QTimer(self)  # the next runs move on with the clock
        self._tick.setInterval(60_000)
        self._tick.timeout.connect(self._tick_refresh)
        self._tick.start()
        for sig in (jobs.rowsInserted, jobs.rowsRemoved, jobs.modelReset):
            sig.connect(self.soon)
        jobs.dataChanged.connect(self._jobs_changed)
        self.refresh()

    def soon(self, *args: object) -> None:
        """Something changed (a run ended): work the agenda and today's counts out again shortly, once."""
        self._changed = None
        self._later.start()

    def _jobs_changed(self, first: QModelIndex, last: QModelIndex, roles: list[int] | None = None) -> None:
        """A few jobs changed (a run claimed, a run's outcome, an edit): when the whole agenda takes long to work
        out, just their rows are, shortly, once for the lot."""
        if self._changed is not None and last.row() - first.row() < CHANGED_AT_MOST:
            self._changed.update(str(self.jobs.index(r, 0).data(Role.Id)) for r in range(first.row(), last.row() + 1))
            self._later.start()
        else:
            self.soon()

    def ran(self, *args: object) -> None:
        """A run ended: today's counts change (its job's rows follow from the job's change)."""
        if self._changed is not None:
            self._changed.add("")
        self._later.start()

    def _after_changes(self) -> None:
        changed, self._changed = self._changed, set()
        if changed is None or self.cost < COSTLY_S or self._agenda is None:
            self.refresh()
        elif changed:
            self._redo(changed - {""}, self.clock(), counts=True)

    def set_horizon(self, key: str) -> None:
        self.horizon = key
        self.range_buttons[key].setChecked(True)
        self._mark_horizon()
        self.refresh()

    def _mark_horizon(self) -> None:
        """The chosen span in bold as well: some palettes draw a checked button much like the other."""
        for key, button in self.range_buttons.items():
            font = button.font()
            font.setBold(key == self.horizon)
            button.setFont(font)

    def _tick_refresh(self) -> None:
        """A minute passed: runs that are over leave the top. A small agenda is worked out again; one that took
        long (thousands of jobs) only drops what is over, and is worked out again every few minutes."""
        if not self.isVisible():
            return
        now = self.clock()
        shown = self._agenda
        if (self.cost < COSTLY_S or shown is None or self._worked_at is None
                or now - self._worked_at >= WHOLE_EVERY):
            self.refresh()
            return
        begun = {e.job_id for _day, entries in shown.days for e in entries if e.first < now}
        if begun:
            self._redo(begun, now, counts=False)

    def _redo(self, ids: set[str], now: datetime, *, counts: bool) -> None:
        """Work out again just these jobs' rows (off the GUI thread), and today's counts if asked."""
        shown = self._agenda
        if not self.isVisible() or shown is None:
            self._stale = True
            return
        tz, today, every = self.jobs.zone, self.today, self.jobs.jobs()
        store = self._store() if counts and self._store is not None else None
        work = AgendaWork([j for j in every if j["id"] in ids], now, HORIZONS[self.horizon], tz, self._cache)
        self._generation += 1
        generation = self._generation

        def redo() -> tuple[Agenda, TodayCounts | None]:
            return work.rolled(shown), (today_counts(store, every, now, tz) if store is not None else today)

        def done(result: tuple[Agenda, TodayCounts | None] | None, error: BaseException | None) -> None:
            if generation == self._generation and result is not None:
                self._show(*result, tz, now)

        self._submit(redo, done)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:  # shown at the start, or again after a transcript: not in the middle of that work
            self.soon()

    def refresh(self) -> None:
        """Work the agenda out again, a slice of work per background task; an older answer is dropped.

        While the panel is hidden (a transcript is open, the cron window shows a job) nothing is worked out:
        it is done when the panel is next shown."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._generation += 1
        generation = self._generation
        now = self.clock()
        tz = self.jobs.zone
        store = self._store() if self._store is not None else None
        work = AgendaWork(self.jobs.jobs(), now, HORIZONS[self.horizon], tz, self._cache, store)
        self.busy = True

        def stepped(finished: Any, error: BaseException | None) -> None:
            if generation != self._generation:
                return  # a newer refresh is on its way; its steps use the same cache
            if error is not None:
                self.busy = False
                return
            self._submit(work.finish if finished else work.step, arrived if finished else stepped)

        def arrived(result: Any, error: BaseException | None) -> None:
            if generation != self._generation:
                return
            self.busy = False
            if error is not None or result is None:
                return
            agenda, today = result
            self.cost, self._worked_at = work.spent, now
            self._show(agenda, today, tz, now)
            self.computed.emit()

        self._submit(work.step, stepped)

    def _show(self, agenda: Agenda, today: TodayCounts | None, tz: tzinfo, now: datetime) -> None:
        self._agenda = agenda
        self.model.set_agenda(agenda, tz, now)
        self.today = today
        self._show_summary(agenda, today, tz)
        self._show_nothing(agenda)

    def _show_nothing(self, agenda: Agenda) -> None:
        empty = not agenda.days
        if empty:
            self.nothing.setText(self.tr("Nothing runs in the next 24 hours.") if self.horizon == "day"
                                 else self.tr("Nothing runs in the next 7 days."))
        elif agenda.cut_short:
            self.nothing.setText(self.tr("%n very frequent job(s) are shown only in part.", "", agenda.cut_short))
        self.nothing.setVisible(empty or bool(agenda.cut_short))

    def _show_summary(self, agenda: Agenda, today: TodayCounts | None, tz: tzinfo) -> None:
        if today is None:
            return
        text = self.tr("Today: {ran} ran, {failed} failed").format(ran=today.ran, failed=today.failed)
        upcoming = next((e for _, entries in agenda.days for e in entries if not e.paused), None)
        if upcoming is not None:
            text += " · " + self.tr("next: {title} at {time}").format(
                title=upcoming.title, time=local_text(upcoming.first, tz, Part.TIME))
        self.summary.setText(text)
        self.summary.setAccessibleName(text)

    def _open(self, index: QModelIndex) -> None:
        job_id = index.data(AgendaRole.JobId)
        if job_id:
            self.openJob.emit(job_id)
