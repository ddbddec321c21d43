"""Qt models: thin adapters over core data, shared by every view that shows it.

* :class:`CronJobsModel` - one per window, built in the composition root; the
  sidebar and the manage window show it through proxies. ``apply`` diffs a
  fresh read against what the model holds and emits only what changed.
* :class:`SessionsModel` - recent non-cron sessions, most recently active
  first, read a page at a time as the view scrolls.
* :class:`RunsModel` - one job's runs, newest first, paged the same way: its
  ``state.db`` sessions and the runs only Hermes' ledger knows (``core.history``).
"""

from __future__ import annotations

import bisect
import dataclasses
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, tzinfo
from enum import IntEnum
from itertools import pairwise
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractProxyModel,
    QByteArray,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from ..core.history import Run, job_runs
from ..core.home import HermesHome
from ..core.job_view import JobsTable, JobView, Ordered, soonest_key
from ..core.jobs import Job
from ..core.missed import MissedSpan, missed_span
from ..core.recents import RecentOrder
from ..core.schedule import local_zone
from ..core.sessions import CronRun, SessionStore, SessionSummary
from ..core.states import JobState, RunStatus
from ..l10n import describe_text
from .pips import pip_icon
from .workers import Submit, run_here

Index = QModelIndex | QPersistentModelIndex

log = logging.getLogger("hermes_desktop.models")


class Role(IntEnum):
    """Every custom role of this app's models, in one place."""

    Id = Qt.ItemDataRole.UserRole + 1
    Job = Qt.ItemDataRole.UserRole + 2
    State = Qt.ItemDataRole.UserRole + 3
    NextRun = Qt.ItemDataRole.UserRole + 4  # a UTC datetime, or None
    Title = Qt.ItemDataRole.UserRole + 5
    SortKey = Qt.ItemDataRole.UserRole + 6
    Session = Qt.ItemDataRole.UserRole + 7
    Run = Qt.ItemDataRole.UserRole + 8
    Status = Qt.ItemDataRole.UserRole + 9
    Search = Qt.ItemDataRole.UserRole + 10
    ScheduleWords = Qt.ItemDataRole.UserRole + 11  # the schedule in plain words, in the UI language


def state_text(state: str) -> str:
    texts: dict[str, str] = {
        JobState.SCHEDULED: QCoreApplication.translate("State", "Scheduled"),
        JobState.RUNNING: QCoreApplication.translate("State", "Running"),
        JobState.PAUSED: QCoreApplication.translate("State", "Paused"),
        JobState.ERROR: QCoreApplication.translate("State", "Error"),
        JobState.COMPLETED: QCoreApplication.translate("State", "Completed"),
        JobState.DISABLED: QCoreApplication.translate("State", "Disabled"),
        JobState.QUEUED: QCoreApplication.translate("State", "Queued"),
    }
    return texts.get(state, state)


def run_status_text(status: str) -> str:
    texts: dict[str, str] = {
        RunStatus.OK: QCoreApplication.translate("State", "Succeeded"),
        RunStatus.ERROR: QCoreApplication.translate("State", "Failed"),
        RunStatus.MISSED: QCoreApplication.translate("State", "Missed"),
        RunStatus.RUNNING: QCoreApplication.translate("State", "Running"),
        RunStatus.UNKNOWN: QCoreApplication.translate("State", "Outcome unknown"),  # its owner ended before it said
    }
    return texts.get(status, status)


MOVE_AT_MOST = 64  # a change set this small is placed job by job; a larger one re-sorts


RESET_ABOVE = 64  # a change set removing more rows than this (and a quarter of them) is one reset

DISCARD_PER_TURN = 500  # records (or views, index entries) let go of per event-loop turn after a wholesale change


def _numbered(ids: list[str], first: int = 0) -> dict[str, int]:
    """Each id's row, counting from ``first`` (built by C code: no Python loop over 10,000 rows)."""
    return dict(zip(ids, range(first, first + len(ids)), strict=True))


def _ranges(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as contiguous (first, last) ranges."""
    out: list[tuple[int, int]] = []
    for r in rows:
        if out and r == out[-1][1] + 1:
            out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return out


class CronJobsModel(QAbstractListModel):
    """The jobs of ``cron/jobs.json``, updated in place.

    A change set is applied in ranges - one removal per contiguous block,
    one ``dataChanged`` per block of edited rows, one insertion for the new
    jobs - or, when most of the model goes (a profile switch), as one reset.
    Rows are found by id through an index, never by a scan.
    """

    applied = Signal()  # a change set's dataChanged blocks are all out

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._jobs: list[Job] = []
        self._index: dict[str, int] = {}
        self._row_views: list[JobView] = []  # each row's view, in row order (proxies sort and filter by them)
        self.version = 0  # counts changes to the jobs held (not to this app's Running/Queued)
        self._table: tuple[int, JobsTable] | None = None  # the read the model was filled from, at that version
        # What a wholesale change let go of, freed a slice per event-loop turn: freeing a profile's 10,000
        # records and their views at once held the window ~50 ms
        self._garbage: list[list[Any] | dict[Any, Any]] = []
        self._discarding = QTimer(self)
        self._discarding.setInterval(0)
        self._discarding.timeout.connect(self._discard_some)
        self.applying = False
        self._running: set[str] = set()
        self._queued: set[str] = set()  # Run now asked, its run not started yet
        self._views: dict[str, JobView] = {}  # each job's typed view, made where it was read when possible
        self._words: dict[str, tuple[Job, str]] = {}  # each job's schedule in words, made when first shown
        self.zone: tzinfo = local_zone()  # the zone the home's schedules are read in; set with each read

    # ----------------------------------------------------------------- Qt API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._jobs)

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update({int(r): QByteArray(r.name.lower().encode()) for r in Role})
        return names

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._jobs) or index.column() != 0:
            return None
        job = self._jobs[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Role.Title):
            return self.view(job).title or QCoreApplication.translate("Job", "Cron job")
        if role == Role.Id:
            return job["id"]
        if role == Role.Job:
            return job
        if role == Role.State:
            return self.state_of(job)
        if role == Role.NextRun:
            return self.view(job).next_run
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{self.view(job).title} — {state_text(self.state_of(job))}"
        if role == Role.SortKey:  # jobs that will not run (paused, completed …) count as having no next run
            return self.soonest(job)
        if role == Role.Search:
            return self.view(job).search
        if role == Role.ScheduleWords:
            return self.schedule_words(job)
        return None

    def schedule_words(self, job: Job) -> str:
        """The schedule in the UI language ("15 分ごと"), made once per version of the job (views paint often)."""
        known = self._words.get(job["id"])
        if known is not None and known[0] is job:
            return known[1]
        schedule = job.get("schedule")
        try:
            text = describe_text(schedule, self.zone) if isinstance(schedule, dict) else ""
        except Exception:  # a schedule core cannot describe is shown as written
            text = ""
        text = text or str(job.get("schedule_display") or "")
        if len(self._words) > 2 * len(self._jobs) + 64:
            self._words.clear()
        self._words[job["id"]] = (job, text)
        return text

    # ----------------------------------------------------------------- updates

    def soonest(self, job: Job) -> tuple[float, str, str]:
        """The job's place in a soonest-first order (this app's Running/Queued included)."""
        view = self.view(job)
        if job["id"] not in self._running and job["id"] not in self._queued:
            return view.soonest  # made with the view, off the GUI thread
        return soonest_key(view.next_run if self.state_of(job).will_run else None, view.title_key, view.id)

    def state_of(self, job: Job) -> JobState:
        job_id = job["id"]
        if job_id in self._running:
            return JobState.RUNNING
        return JobState.QUEUED if job_id in self._queued else self.view(job).state

    def view(self, job: Job) -> JobView:
        """The job's typed view: the one made when it was read (off the GUI thread), else made now."""
        known = self._views.get(job["id"])
        if known is None or known.raw is not job:
            known = self._views[job["id"]] = JobView.of(job)
        return known

    def views(self, jobs: list[Job]) -> list[JobView]:
        """The views of many jobs at once (made now only for those read without one)."""
        known = self._views
        out = []
        for job in jobs:
            view = known.get(job["id"])
            out.append(view if view is not None and view.raw is job else self.view(job))
        return out

    def row_views(self) -> list[JobView]:
        """Every row's view, in row order: the list itself, not a copy (never to be changed)."""
        return self._row_views

    def ids_in(self, first: int, last: int) -> list[str]:
        """The ids of rows ``first`` to ``last``."""
        return [job["id"] for job in self._jobs[first : last + 1]]

    def busy(self) -> bool:
        """Some job runs or waits to run in this app now (its state is not the stored one)."""
        return bool(self._running or self._queued)

    def know(self, views: list[JobView]) -> None:
        """Views made where the records were read, for the records about to be applied."""
        for v in views:
            self._views[v.id] = v

    def jobs(self) -> list[Job]:
        return list(self._jobs)

    def jobs_view(self) -> list[Job]:
        """The jobs themselves, not a copy (for proxies reading them; never to be changed)."""
        return self._jobs

    def row_of(self, job_id: str) -> int:
        return self._index.get(job_id, -1)

    def _reindex(self) -> None:
        self._index = {job["id"]: i for i, job in enumerate(self._jobs)}

    def job(self, job_id: str) -> Job | None:
        row = self.row_of(job_id)
        return self._jobs[row] if row >= 0 else None

    def prepared(self, name: str) -> Ordered | None:
        """The jobs in the order of the view attribute ``name``, as worked out where they were read - while the
        model still holds exactly the jobs of that read (None otherwise)."""
        if self._table is None or self._table[0] != self.version:
            return None
        return self._table[1].orders.get(name)

    def apply(self, jobs: list[Job], table: JobsTable | None = None) -> None:
        """Bring the model to ``jobs`` (the whole file, as read): removals, edits and insertions in ranges.

        ``table`` (made from ``jobs`` where they were read) fills an empty model without a pass of Python
        over the jobs here: one insertion, the views, rows and orders taken as they are."""
        if table is not None and table.jobs is jobs and not self._jobs:
            self._fill(table)
            return
        if not jobs and len(self._jobs) > RESET_ABOVE:  # all of them go (a profile switch): one reset, no pass
            self.beginResetModel()
            self._discard(self._jobs, self._row_views, self._index, self._views, self._words)
            self._jobs, self._row_views, self._index = [], [], {}
            self._views, self._words = {}, {}
            self._drop_table()
            self.version += 1
            self.endResetModel()
            return
        fresh = {j["id"]: j for j in jobs}
        if len(self._views) > 2 * len(fresh) + 64:  # forget views of jobs long gone
            old_views, self._views = self._views, {k: v for k, v in self._views.items() if k in fresh}
            self._discard(old_views)
        gone = [row for row, job in enumerate(self._jobs) if job["id"] not in fresh]
        if len(gone) > RESET_ABOVE and len(gone) * 4 > len(self._jobs):
            self.beginResetModel()  # most of it is replaced: one reset beats thousands of row signals
            self._discard(self._jobs, self._row_views)
            self._drop_table()
            self._jobs = list(fresh.values())
            self._row_views = self.views(self._jobs)
            self.version += 1
            self._reindex()
            self.endResetModel()
            return
        self._remove_rows(gone)
        self._update([fresh[old["id"]] for old in self._jobs] + [j for j in jobs if j["id"] not in self._index])

    def _drop_table(self) -> None:
        if self._table is not None:
            old = self._table[1]
            self._table = None
            self._discard(old.jobs, old.views, old.by_id, old.rows,
                          *(part for o in old.orders.values() for part in (o.ids, o.rows, o.key_of, o.search)))

    def _discard(self, *containers: list[Any] | dict[Any, Any]) -> None:
        """Let go of these (no longer used anywhere) a slice per event-loop turn (see ``_garbage``)."""
        self._garbage.extend(c for c in containers if c)
        if self._garbage and not self._discarding.isActive():
            self._discarding.start()

    def _discard_some(self) -> None:
        budget = DISCARD_PER_TURN
        while self._garbage and budget > 0:
            bag = self._garbage[-1]
            n = min(budget, len(bag))
            if isinstance(bag, list):
                del bag[-n:]
            else:
                for _ in range(n):
                    bag.popitem()
            budget -= n
            if not bag:
                self._garbage.pop()
        if not self._garbage:
            self._discarding.stop()

    def _fill(self, table: JobsTable) -> None:
        if not table.jobs:
            return
        self._drop_table()
        self._views.update(table.by_id)
        self.beginInsertRows(QModelIndex(), 0, len(table.jobs) - 1)
        self._jobs, self._row_views, self._index = table.jobs, table.views, table.rows  # made for the model alone
        self.version += 1
        self._table = (self.version, table)
        self.endInsertRows()

    def take(self, jobs: list[Job], removed: list[str] | None = None) -> None:
        """What one write of ours changed (its records, the ids it removed): applied in the same ranges."""
        self._remove_rows(sorted(self._index[i] for i in removed or () if i in self._index))
        self._update(jobs)

    def _remove_rows(self, rows: list[int]) -> None:
        for first, last in reversed(_ranges(rows)):  # from the bottom, so the rows above stay put
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._jobs[first : last + 1]
            del self._row_views[first : last + 1]
            self.version += 1
            self._reindex()  # before the signal: whoever listens looks rows up by id
            self.endRemoveRows()

    def _update(self, jobs: list[Job]) -> None:
        """Known jobs replaced where they changed (one ``dataChanged`` per range, one re-order for all of
        them, at ``applied``); the others appended in one insertion."""
        changed: list[int] = []
        added: list[Job] = []
        for job in jobs:
            row = self._index.get(job["id"], -1)
            if row < 0:
                added.append(job)
                continue
            old = self._jobs[row]
            if job is not old and job != old:
                self._jobs[row] = job
                self._row_views[row] = self.view(job)
                changed.append(row)
        if changed:
            self.version += 1
        with self.change_set():
            for first, last in _ranges(sorted(changed)):
                self.dataChanged.emit(self.index(first, 0), self.index(last, 0), [])
        if added:
            self.add(added)

    @contextmanager
    def change_set(self) -> Iterator[None]:
        """Rows changed inside are one change set: the proxies collect their ``dataChanged`` blocks and
        re-order once, at ``applied``, when the outermost change set ends."""
        outer = self.applying
        self.applying = True
        try:
            yield
        finally:
            if not outer:
                self.applying = False
                self.applied.emit()

    def add(self, jobs: list[Job]) -> None:
        """Append new jobs in one insertion."""
        first = len(self._jobs)
        self.beginInsertRows(QModelIndex(), first, first + len(jobs) - 1)
        self._jobs.extend(jobs)
        self._row_views.extend(self.views(jobs))
        self.version += 1
        self._index.update(_numbered([job["id"] for job in jobs], first))
        self.endInsertRows()

    def set_queued(self, job_id: str, queued: bool) -> None:
        """A "Run now" asked for (shown as Queued) until its run starts, or could not start."""
        if queued == (job_id in self._queued):
            return
        if queued:
            self._queued.add(job_id)
        else:
            self._queued.discard(job_id)
        self._state_changed(job_id)

    def set_running(self, job_id: str, running: bool) -> None:
        if running == (job_id in self._running) and not (running and job_id in self._queued):
            return
        self._queued.discard(job_id)
        if running:
            self._running.add(job_id)
        else:
            self._running.discard(job_id)
        self._state_changed(job_id)

    def _state_changed(self, job_id: str) -> None:
        row = self.row_of(job_id)
        if row >= 0:
            idx = self.index(row, 0)
            self.dataChanged.emit(idx, idx, [int(Role.State), int(Qt.ItemDataRole.ToolTipRole)])


class OrderedJobsProxy(QAbstractProxyModel):
    """The jobs model's rows, filtered and in an order of their own, kept up to date in ranges.

    A ``QSortFilterProxyModel`` over a Python model calls back into Python
    for every comparison (about 125,000 calls to sort 10,000 jobs); here each
    job's sort key is computed once when the job changes, and the order is a
    plain ``sorted`` of the keys. Changes reach views as removals and one
    insertion in ranges, then a layout change for the new order (persistent
    indexes and the selection follow their jobs); a few changed jobs move as
    single rows.

    At 10,000 jobs every pass of Python over the rows costs milliseconds on
    the GUI thread (more while a worker thread runs Python too), so passes
    are few and, where they can be, done by C code (``sorted``, ``zip``,
    ``list.index``) rather than Python loops.
    """

    def __init__(self, source: CronJobsModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._ids: list[str] = []
        self._pos: dict[str, int] = {}
        self._keys: dict[str, Any] = {}  # id -> its sort key (dropped when the job changes, made again when asked)
        self._jobs_model = source
        self.setSourceModel(source)
        for signal in (source.rowsInserted, source.rowsRemoved, source.modelReset, source.layoutChanged):
            signal.connect(self._refresh)
        source.dataChanged.connect(self._source_changed)
        source.applied.connect(self._apply_pending)
        self._pending: set[str] = set()
        self._refresh()

    # ----------------------------------------------------------------- what subclasses say

    def key(self, job: Job) -> Any:
        """The job's sort key: a tuple whose last item is the job's id (so keys of different jobs never compare
        equal, and the id is read back from the sorted keys)."""
        raise NotImplementedError

    def keys(self, views: list[JobView]) -> list[Any]:
        """Every job's key at once (a whole re-order), from the views made off the GUI thread."""
        return [self.key(view.raw) for view in views]

    def accepts(self, job: Job) -> bool:
        return True

    def accepted(self, views: list[JobView]) -> list[JobView]:
        """The jobs the filter takes, in order."""
        return [v for v in views if self.accepts(v.raw)]

    def filtering(self) -> bool:
        """Whether ``accepts`` may refuse a job (if not, a re-order does not ask it about each)."""
        return False

    def ready(self) -> Ordered | None:
        """The whole order as worked out where the jobs were read, when it is still the order (see
        :meth:`CronJobsModel.prepared`)."""
        return None

    # ----------------------------------------------------------------- Qt API

    def index(self, row: int, column: int = 0, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or column != 0 or not 0 <= row < len(self._ids):
            return QModelIndex()
        return self.createIndex(row, 0)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def mapToSource(self, proxy_index: Index) -> QModelIndex:
        if not proxy_index.isValid() or not 0 <= proxy_index.row() < len(self._ids):
            return QModelIndex()
        row = self._jobs_model.row_of(self._ids[proxy_index.row()])
        return self._jobs_model.index(row, 0) if row >= 0 else QModelIndex()

    def mapFromSource(self, source_index: Index) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        row = self._pos.get(source_index.data(Role.Id), -1)
        return self.createIndex(row, 0) if row >= 0 else QModelIndex()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self._jobs_model.data(self.mapToSource(index), role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return self._jobs_model.flags(self.mapToSource(index)) if index.isValid() else Qt.ItemFlag.NoItemFlags

    def roleNames(self) -> dict[int, QByteArray]:
        return self._jobs_model.roleNames()

    # ----------------------------------------------------------------- keeping up

    def _source_changed(self, first: Index, last: Index, roles: list[int] | None = None) -> None:
        ids = self._jobs_model.ids_in(first.row(), last.row())
        for i in ids:  # their keys may change without a new job object (e.g. running or not)
            self._keys.pop(i, None)
        if self._jobs_model.applying:  # part of a change set: order once when it is all out
            self._pending.update(ids)
            return
        self._changed(ids, roles or [])

    def _apply_pending(self) -> None:
        ids, self._pending = self._pending, set()
        if ids:
            self._changed(list(ids), [])

    def _changed(self, ids: list[str], roles: list[int]) -> None:
        if len(ids) <= MOVE_AT_MOST and all(i in self._pos or self._jobs_model.row_of(i) >= 0 for i in ids):
            self._move(ids)  # a few jobs changed: only they find their new place
        else:
            self._refresh()
        rows = sorted(self._pos[i] for i in ids if i in self._pos)
        for a, b in _ranges(rows):
            self.dataChanged.emit(self.index(a), self.index(b), roles)

    def _key_of(self, job_id: str, job: Job) -> Any:
        key = self._keys.get(job_id)
        if key is None:
            key = self._keys[job_id] = self.key(job)
        return key

    def _move(self, ids: list[str]) -> None:
        """Place a few changed jobs: each where its new key sorts among the others (a binary search over keys
        they already have), reported as single-row moves, so views keep their selection and the rest of the
        order is not touched. No Python loop runs over the other rows: the order without the changed jobs is
        a copy with their rows deleted, and where they land is found by ``list.index``."""
        moving = list(dict.fromkeys(ids))
        order = self._ids.copy()
        for r in sorted((self._pos[i] for i in moving if i in self._pos), reverse=True):
            del order[r]
        keys = self._keys
        placed: list[str] = []
        for job_id in moving:
            job = self._jobs_model.job(job_id)
            if job is None or not self.accepts(job):
                continue
            at = bisect.bisect_right(order, self._key_of(job_id, job), key=keys.__getitem__)
            order.insert(at, job_id)
            placed.append(job_id)
        for job_id in [i for i in moving if i not in placed]:  # those the filter no longer takes
            row = self._pos.get(job_id)
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._ids[row]
                del self._pos[job_id]
                self._renumber(row, len(self._ids) - 1)
                self.endRemoveRows()
        # Each, in final order, goes right after the job that precedes it there (already in place, or one that
        # never moved), which leaves the whole list in the final order whatever the stale rows in between.
        # Rows are found in the list itself (``list.index``, C code) and numbered again once, after the last
        # move: numbering the rows each move passed over cost ~1.5 ms a move at 10,000 jobs (20 jobs falling
        # due at once: 30 ms). Until then ``mapFromSource`` may give a moved row's old number; nothing asks it
        # while the moves go out (the views follow the move signals themselves).
        rows = self._ids
        low, high = len(rows), -1
        for target in sorted(order.index(i) for i in placed):
            job_id = order[target]
            dest = rows.index(order[target - 1]) + 1 if target else 0  # in the rows as they are before the move
            if job_id not in self._pos:
                self.beginInsertRows(QModelIndex(), dest, dest)
                rows.insert(dest, job_id)
                self._pos[job_id] = dest
                low, high = min(low, dest), len(rows) - 1
                self.endInsertRows()
                continue
            row = rows.index(job_id)
            if dest not in (row, row + 1):
                final = dest if dest < row else dest - 1
                self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), dest)
                del rows[row]
                rows.insert(final, job_id)
                low, high = min(low, row, final), max(high, row, final)
                self.endMoveRows()
        if low <= high:
            self._renumber(low, high)

    def _renumber(self, first: int, last: int) -> None:
        self._pos.update(_numbered(self._ids[first : last + 1], first))

    def _refresh(self, *args: object) -> None:
        ready = None if self.filtering() else self.ready()
        if ready is not None:
            self._keys = dict(ready.key_of)
            self._set_order(ready.ids.copy(), dict(ready.rows))
            return
        views = self._jobs_model.row_views()
        if self.filtering():
            views = self.accepted(views)
        keys = self.keys(views)
        self._keys = {key[-1]: key for key in keys}  # gone jobs forgotten
        # Sorting the keys themselves lets Python compare them with its fast path for tuples whose first items
        # share a type: several times faster at 10,000 jobs than a key function
        self._set_order([key[-1] for key in sorted(keys)])

    def _set_order(self, order: list[str], rows: dict[str, int] | None = None) -> None:
        """Show ``order`` (``rows``: each id's row in it, when already known)."""
        if order == self._ids:
            return
        if not self._ids:  # from nothing (a start, a profile switch): one insertion, already in order
            self.beginInsertRows(QModelIndex(), 0, len(order) - 1)
            self._ids = order
            self._pos = rows if rows is not None else _numbered(order)
            self.endInsertRows()
            return
        keep = set(order)
        gone = [row for row, i in enumerate(self._ids) if i not in keep]
        if len(gone) > RESET_ABOVE and len(gone) * 4 > len(self._ids):
            self.beginResetModel()
            self._ids = order
            self._pos = _numbered(order)
            self.endResetModel()
            return
        for first, last in reversed(_ranges(gone)):  # rows are numbered again once, after the last block
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._ids[first : last + 1]
            self.endRemoveRows()
        if gone:
            self._pos = _numbered(self._ids)
        present = self._pos
        added = [i for i in order if i not in present]
        if added:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._ids.extend(added)
            self._pos.update(_numbered(added, first))
            self.endInsertRows()
        if self._ids != order:
            self.layoutAboutToBeChanged.emit()
            new_pos = _numbered(order)
            old = self.persistentIndexList()
            self.changePersistentIndexList(
                old, [self.createIndex(new_pos[self._ids[p.row()]], 0) if 0 <= p.row() < len(self._ids)
                      else QModelIndex() for p in old])
            self._ids = order
            self._pos = new_pos
            self.layoutChanged.emit()


class SidebarJobsProxy(OrderedJobsProxy):
    """Soonest next run first; jobs that will not run (paused, completed …) last; then by title."""

    def key(self, job: Job) -> Any:
        return self._jobs_model.soonest(job)

    def ready(self) -> Ordered | None:
        model = self._jobs_model
        return None if model.busy() else model.prepared("soonest")

    def keys(self, views: list[JobView]) -> list[Any]:
        model = self._jobs_model
        if model.busy():
            return [model.soonest(view.raw) for view in views]
        return [view.soonest for view in views]


PAGE = 50


class PagedListModel(QAbstractListModel):
    """Rows fetched a keyset page at a time as the view scrolls; ``refresh`` merges a fresh first page.

    Subclasses say how to fetch a page after a row (``_page``) and how to show
    a row (``data``); ``limit`` caps the model at one page (a peek).
    """

    def __init__(self, limit: int | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self._rows: list[Any] = []
        self._more = False

    def _page(self, after: Any | None, size: int) -> list[Any]:
        raise NotImplementedError

    def _key(self, row: Any) -> str:
        return str(row.id)

    @property
    def page_size(self) -> int:
        return self.limit or PAGE

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def row(self, index: Index) -> Any | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or index.column() != 0:
            return None
        return self._rows[index.row()]

    def restart(self) -> None:
        """Drop every row and load the first page again."""
        self.beginResetModel()
        self._rows = []
        self._more = False  # views ask for more while handling the reset: not until it is over
        self.endResetModel()
        self._more = True
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more and self.limit is None

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or not self._more:
            return
        page = self._page(self._rows[-1] if self._rows else None, self.page_size)
        self._more = self.limit is None and len(page) == self.page_size
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def refresh(self) -> None:
        """Merge the first page: changed rows → dataChanged, new ones on top → inserted; nothing if unchanged."""
        page = self._page(None, self.page_size)
        head = self._rows[: len(page)]
        keys = [self._key(r) for r in page]
        if keys == [self._key(r) for r in head] and (self.limit is None or len(page) == len(self._rows)):
            for i, row in enumerate(page):
                if row != self._rows[i]:
                    self._rows[i] = row
                    idx = self.index(i, 0)
                    self.dataChanged.emit(idx, idx, [])
            return
        known = {self._key(r) for r in self._rows}
        newer = [r for r in page if self._key(r) not in known]
        if (self.limit is None and newer and keys[: len(newer)] == [self._key(r) for r in newer]
                and page[len(newer):] == self._rows[: len(page) - len(newer)]):
            self.beginInsertRows(QModelIndex(), 0, len(newer) - 1)
            self._rows[:0] = newer
            self.endInsertRows()
            return
        self.beginResetModel()  # deleted, reordered or capped: start over from the top
        self._rows = list(page)
        self._more = self.limit is None and len(page) == self.page_size
        self.endResetModel()


class SessionsModel(QAbstractListModel):
    """Recent sessions (cron runs excluded), most recently active first: every row from the start, read on demand.

    The model has as many rows as there are sessions, so End or a scrollbar
    drag goes anywhere at once. It holds every chat's id in order (``core.recents``)
    and the rows read so far, by id; a row not yet read shows "Loading…" and asks
    for its page of ids, so a page deep down costs what the first one does. A
    refresh that finds chats continued or started moves or inserts just those
    rows (a move is one list operation, whatever has been read), so the selection
    and the rows on screen stay put. One refresh runs at a time; one asked for
    meanwhile follows it. With a ``submit`` (the task thread's) everything is read
    off the GUI thread; without one, at once.
    """

    def __init__(self, store: SessionStore, parent: Any = None, submit: Submit | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._submit = submit
        self._order: RecentOrder | None = None  # what the last refresh read; local changes applied
        self._ids: list[str] = []  # the rows
        self._rows: dict[str, SessionSummary] = {}  # the rows read so far
        self._asked: set[str] = set()  # rows being read
        self._generation = 0  # rows read for an older list are dropped
        self._flight: object | None = None  # the refresh under way
        self._again = False  # a refresh was asked for while one was under way
        self._stale = False  # the next refresh makes the order afresh (a read found it out of date)

    @property
    def total(self) -> int:
        return len(self._ids)

    # ----------------------------------------------------------------- Qt API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def id_at(self, row: int) -> str | None:
        """The id of the chat at ``row``, known whether or not its row has been read."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def session_at(self, row: int) -> SessionSummary | None:
        if not 0 <= row < len(self._ids):
            return None
        found = self._rows.get(self._ids[row])
        if found is None:
            self._request(row // PAGE)
            found = self._rows.get(self._ids[row])  # read at once without a task thread
        return found

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() != 0 or not 0 <= index.row() < len(self._ids):
            return None
        s = self.session_at(index.row())
        if s is None:
            return QCoreApplication.translate("Sessions", "Loading…") if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self._title(s) or s.preview
                    or QCoreApplication.translate("Sessions", "Untitled session"))
        if role == Role.Id:
            return s.id
        if role == Role.Session:
            return s
        if role == Qt.ItemDataRole.ToolTipRole:
            return s.preview or self._title(s) or ""
        return None

    @staticmethod
    def _title(s: SessionSummary) -> str | None:
        """A cron run's stored title with its time in the UI language; any other title as it is."""
        if s.source != "cron":
            return s.title
        from ..l10n import run_title

        return run_title(s.title, datetime.fromtimestamp(s.started_at, UTC))

    # ----------------------------------------------------------------- reading

    def set_store(self, store: SessionStore) -> None:
        self.store = store
        self.beginResetModel()
        self._order, self._ids, self._rows = None, [], {}
        self._asked.clear()
        self._generation += 1
        self._flight, self._again, self._stale = None, False, False  # an answer for the old store is dropped
        self.endResetModel()
        self.refresh()

    def refresh(self) -> None:
        """Bring the order up to date and read the first page again: chats started or continued come to the top."""
        if self._flight is not None:
            self._again = True
            return
        flight = self._flight = object()
        base, afresh = self._order, self._stale
        store, since = self.store, None if afresh else base
        self._stale = False

        def work() -> tuple[RecentOrder, list[SessionSummary]]:
            with store.reading():  # the order and the rows: one state of the file
                order = store.recent_order(since)
                return order, store.sessions_by_ids(order.ids[:PAGE])

        def finished(result: tuple[RecentOrder, list[SessionSummary]] | None, _error: BaseException | None) -> None:
            if flight is not self._flight:
                return  # asked for another store
            self._flight = None
            if result is None or base is not self._order:  # failed, or a row changed here meanwhile
                self._stale = self._stale or afresh
                self._again = self._again or result is not None
            else:
                self._refreshed(*result)
            if self._again:
                self._again = False
                self.refresh()

        if self._submit is not None:
            self._submit(work, finished)
            return
        try:
            result = work()
        except BaseException:
            self._flight = None
            raise
        finished(result, None)

    def _refreshed(self, order: RecentOrder, first: list[SessionSummary]) -> None:
        if self._order is None or order.came is None:
            self.beginResetModel()  # the first read, or deleted elsewhere: start over
            self._order, self._ids, self._rows = order, list(order.ids), {s.id: s for s in first}
            self._asked.clear()
            self._generation += 1
            self.endResetModel()
            return
        if order.came:
            self._move(order.came, order)
            if self._ids != list(order.ids):  # a safety net: the moves must give the order read
                log.warning("sessions list out of step after moving rows; reading it again")
                self._order = None
                self._refreshed(order, first)
                return
        self._order = order
        changed = [i for i, s in enumerate(first) if self._rows.get(s.id) != s]
        self._rows.update((s.id, s) for s in first)
        for a, b in _ranges(changed):
            self.dataChanged.emit(self.index(a), self.index(b), [])
        self._check(0, len(first) - 1)

    def _check(self, first: int, last: int) -> None:
        """Rows just read out of Hermes' order (their times come with them): another program took messages away
        (Hermes' rewind, a cleared chat), which no new id shows. The next refresh reads the order afresh."""
        if not self._in_order(first, last) and not self._stale:
            self._stale = True
            QTimer.singleShot(0, self.refresh)  # not inside a view's data() call that asked for rows

    def _move(self, came: tuple[tuple[str, int | None], ...], order: RecentOrder) -> None:
        """Bring the chats in ``came`` up, one row move (or insert, for a new chat) each; rows keep their places
        on screen, selection included. First each goes to the top, last first; then any that a late-committed
        message leaves below rows more recent than it goes down to its place."""
        at = [row for _sid, row in came]  # where each of them is now, as the moves go on
        for n in range(len(came) - 1, -1, -1):
            sid, r = came[n][0], at[n]
            if r is None:
                self.beginInsertRows(QModelIndex(), 0, 0)
                self._ids.insert(0, sid)
                self.endInsertRows()
                at = [None if a is None else a + 1 for a in at]
            elif r != 0:
                self.beginMoveRows(QModelIndex(), r, r, QModelIndex(), 0)
                self._ids.insert(0, self._ids.pop(r))
                self.endMoveRows()
                at = [None if a is None else a + 1 if a < r else a for a in at]
            at[n] = 0
        for i in range(len(came) - 1, -1, -1):
            sid = came[i][0]
            place = order.ids.index(sid, i)
            if place != i:
                self.beginMoveRows(QModelIndex(), i, i, QModelIndex(), place + 1)
                self._ids.insert(place, self._ids.pop(i))
                self.endMoveRows()

    def _request(self, k: int) -> None:
        need = [sid for sid in self._ids[k * PAGE:(k + 1) * PAGE] if sid not in self._rows and sid not in self._asked]
        if not need:
            return
        self._asked.update(need)
        store, generation = self.store, self._generation

        def arrived(rows: list[SessionSummary] | None, _error: BaseException | None = None) -> None:
            if generation == self._generation:
                self._arrived(k, need, rows or [])

        if self._submit is None:
            arrived(store.sessions_by_ids(need))
        else:
            self._submit(lambda: store.sessions_by_ids(need), arrived)

    def _arrived(self, k: int, need: list[str], rows: list[SessionSummary]) -> None:
        self._asked.difference_update(need)
        found = {s.id: s for s in rows}
        for sid in need:
            self._rows[sid] = found.get(sid) or _gone(sid)
        first, last = k * PAGE, min(len(self._ids), (k + 1) * PAGE) - 1
        if len(found) != len(need) and not self._stale:  # deleted by another program since the order was read
            self._stale = True
            QTimer.singleShot(0, self.refresh)
        if last >= first:
            self.dataChanged.emit(self.index(first), self.index(last), [])
        self._check(first, last)

    def _in_order(self, first: int, last: int) -> bool:
        """The rows read around ``first``…``last`` are in Hermes' order (their times are read with them)."""
        keys = [(s.last_active, s.started_at, s.id) for s in
                (self._rows.get(sid) for sid in self._ids[max(0, first - 1):last + 2]) if s is not None and s.source]
        return all(a > b for a, b in pairwise(keys))

    # ----------------------------------------------------------------- one row changed here

    @property
    def tasks(self) -> Submit:
        """Where work for these rows runs: the task thread's ``submit``, or at once without one."""
        return self._submit or run_here

    def row_of(self, session_id: str) -> int | None:
        """The row of a session that has been read (None otherwise)."""
        return self._ids.index(session_id) if session_id in self._rows else None

    def retitle(self, session_id: str, title: str | None) -> None:
        """The session was renamed here: its row shows the new title at once."""
        row = self.row_of(session_id)
        if row is not None:
            self._rows[session_id] = dataclasses.replace(self._rows[session_id], title=title)
            self.dataChanged.emit(self.index(row), self.index(row), [])

    def remove_session(self, session_id: str) -> int | None:
        """The session was deleted here: its row goes (one ``rowsRemoved``), the rows after it move up by one;
        returns the row it had."""
        row = self.row_of(session_id)
        if row is None:
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._ids[row]
        gone = self._rows.pop(session_id)
        if self._order is not None:
            self._order = self._order.without(session_id, row, gone.started_at)
        self.endRemoveRows()
        return row


def _gone(session_id: str) -> SessionSummary:
    """A row for a chat deleted by another program since the order was read (until the next refresh)."""
    return SessionSummary(id=session_id, source="", title=None, started_at=0.0, last_active=0.0,
                          message_count=0, preview="")


class RunsModel(PagedListModel):
    """One job's runs, newest first; ``limit`` caps a peek, ``None`` pages on as the view scrolls.

    A run that only Hermes' ledger knows (a Hermes run of a no-agent script
    job leaves no session) is a :class:`~..core.executions.LedgerRun` row
    whose id is ``execution:…``; the transcript view opens it as its output.

    A missed-runs row reads as what it stands for ("9 runs missed, 10:00–12:00"):
    how many occurrences it covers follows from the job's schedule. Counting a
    cron schedule's occurrences is work that grows with the span, so with a
    ``submit`` (the task thread's) it is done there, once per row; until it
    comes back the row shows its state and its span.
    """

    def __init__(self, store: SessionStore, limit: int | None = None, parent: Any = None,
                 submit: Submit | None = None) -> None:
        super().__init__(limit, parent)
        self.store = store
        self.job_id: str | None = None
        self.schedule: dict[str, Any] | None = None
        self.zone: Callable[[], tzinfo] = local_zone  # the zone the home's schedules are read in
        self.tz: tzinfo = local_zone()
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        self._submit = submit  # (not ``submit``/``span``: those are QAbstractItemModel virtuals)
        self._spans: dict[str, MissedSpan] = {}
        self._counting: set[str] = set()
        self._generation = 0  # a span counted for another job or schedule is dropped on arrival

    def set_job(self, job_id: str | None, schedule: dict[str, Any] | None = None) -> None:
        self.job_id = job_id
        self._forget_spans(schedule)
        if job_id is None:
            self.beginResetModel()
            self._rows, self._more = [], False
            self.endResetModel()
        else:
            self.restart()

    def set_schedule(self, schedule: dict[str, Any] | None) -> None:
        """The job was edited: recount its missed rows if its schedule changed."""
        if schedule == self.schedule:
            return
        self._forget_spans(schedule)
        missed = [i for i, run in enumerate(self._rows) if run.status == RunStatus.MISSED]
        if missed:
            self.dataChanged.emit(self.index(missed[0], 0), self.index(missed[-1], 0), [])

    def _forget_spans(self, schedule: dict[str, Any] | None) -> None:
        self.schedule = dict(schedule) if isinstance(schedule, dict) else None
        self.tz = self.zone()
        self._spans.clear()
        self._counting.clear()
        self._generation += 1

    def _page(self, after: Run | None, size: int) -> list[Any]:
        """Sessions and Hermes' ledger-only runs (its no-agent script runs), merged newest first, each once."""
        if self.job_id is None:
            return []
        return job_runs(self.store, HermesHome(self.store.path.parent), self.job_id, size, after)

    # ----------------------------------------------------------------- missed rows

    def span_of(self, run: CronRun) -> MissedSpan | None:
        """What a missed row covers, or None while its occurrences are being counted."""
        known = self._spans.get(run.id)
        if known is not None:
            return known
        schedule, tz = self.schedule, self.tz
        cheap = not (isinstance(schedule, dict) and schedule.get("kind") == "cron"
                     and run.ended_at is not None and run.ended_at > run.started_at)
        if cheap or self._submit is None:
            span = self._spans[run.id] = missed_span(run, schedule, tz)
            return span
        if run.id not in self._counting:
            self._counting.add(run.id)
            generation = self._generation
            self._submit(lambda: missed_span(run, schedule, tz),
                        lambda result, _error: self._counted(generation, run, result))
        return None

    def _counted(self, generation: int, run: CronRun, span: MissedSpan | None) -> None:
        if generation != self._generation:
            return
        self._counting.discard(run.id)
        if span is None:  # the count failed: the row stands for at least one
            span = MissedSpan(1, datetime.fromtimestamp(run.started_at, UTC),
                              datetime.fromtimestamp(run.ended_at or run.started_at, UTC))
        self._spans[run.id] = span
        for i, row in enumerate(self._rows):
            if row.id == run.id:
                idx = self.index(i, 0)
                self.dataChanged.emit(idx, idx, [])
                return

    def missed_words(self, run: CronRun) -> str:
        """The row in words; while the count is pending, its state and span ("Missed · 10:00–12:00")."""
        from ..l10n import missed_span_text, missed_text

        now = self.clock()
        span = self.span_of(run)
        if span is None:
            first = datetime.fromtimestamp(run.started_at, UTC)
            last = datetime.fromtimestamp(run.ended_at or run.started_at, UTC)
            return f"{run_status_text('missed')} · {missed_span_text(MissedSpan(0, first, last), now, self.tz)}"
        one_shot = isinstance(self.schedule, dict) and self.schedule.get("kind") == "once"
        return missed_text(span, one_shot, now, self.tz)

    # ----------------------------------------------------------------- Qt API

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        run = self.row(index)
        if run is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if run.status == RunStatus.MISSED:
                return self.missed_words(run)  # no outcome, no duration: nothing ran
            from ..l10n import date_time

            text = f"{date_time(datetime.fromtimestamp(run.started_at, UTC), self.tz)} · {run_status_text(run.status)}"
            if run.duration is not None and self.limit is None:
                text += " · " + QCoreApplication.translate("Runs", "{seconds:.1f} s").format(seconds=run.duration)
            return text
        if role == Qt.ItemDataRole.DecorationRole:
            return pip_icon(run.status)
        if role == Role.Id:
            return run.id
        if role == Role.Run:
            return run
        if role == Role.Status:
            return run.status
        return None

    def refresh(self) -> None:
        if self.job_id is not None:
            super().refresh()
