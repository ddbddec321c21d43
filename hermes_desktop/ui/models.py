"""Qt models: thin adapters over core data, shared by every view that shows it.

* :class:`CronJobsModel` - one per window, built in the composition root; the
  sidebar and the manage window show it through proxies. ``apply`` diffs a
  fresh read against what the model holds and emits only what changed.
* :class:`SessionsModel` - recent non-cron sessions, fetched in keyset pages
  as the view scrolls.
* :class:`RunsModel` - one job's runs, newest first, paged the same way.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ..core.jobs import Job, job_next_run, job_state, job_title
from ..core.sessions import CronRun, SessionStore, SessionSummary

Index = QModelIndex | QPersistentModelIndex


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


def state_text(state: str) -> str:
    return {
        "scheduled": QCoreApplication.translate("State", "Scheduled"),
        "running": QCoreApplication.translate("State", "Running"),
        "paused": QCoreApplication.translate("State", "Paused"),
        "error": QCoreApplication.translate("State", "Error"),
        "completed": QCoreApplication.translate("State", "Completed"),
        "disabled": QCoreApplication.translate("State", "Disabled"),
    }.get(state, state)


def run_status_text(status: str) -> str:
    return {
        "ok": QCoreApplication.translate("State", "Succeeded"),
        "error": QCoreApplication.translate("State", "Failed"),
        "missed": QCoreApplication.translate("State", "Missed"),
        "running": QCoreApplication.translate("State", "Running"),
    }.get(status, status)


_FAR = datetime.max.replace(tzinfo=UTC)


class CronJobsModel(QAbstractListModel):
    """The jobs of ``cron/jobs.json``, updated in place."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._jobs: list[Job] = []
        self._running: set[str] = set()

    # ----------------------------------------------------------------- Qt API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._jobs)

    def roleNames(self) -> dict[int, bytes]:
        names = dict(super().roleNames())
        names.update({int(r): r.name.lower().encode() for r in Role})
        return names

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._jobs) or index.column() != 0:
            return None
        job = self._jobs[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Role.Title):
            return job_title(job, QCoreApplication.translate("Job", "Cron job"))
        if role == Role.Id:
            return job["id"]
        if role == Role.Job:
            return job
        if role == Role.State:
            return self.state_of(job)
        if role == Role.NextRun:
            return job_next_run(job)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{job_title(job)} — {state_text(self.state_of(job))}"
        if role == Role.SortKey:  # jobs that will not run (paused, completed …) count as having no next run
            nxt = job_next_run(job) if self.state_of(job) in ("scheduled", "running", "error") else None
            return (nxt is None, nxt or _FAR, job_title(job).lower())
        if role == Role.Search:
            sched = job.get("schedule") if isinstance(job.get("schedule"), dict) else {}
            parts = [job_title(job), str(job.get("prompt") or ""), str(job.get("schedule_display") or ""),
                     str(sched.get("expr") or ""), str(job.get("script") or ""), job["id"]]
            return " ".join(parts).lower()
        return None

    # ----------------------------------------------------------------- updates

    def state_of(self, job: Job) -> str:
        return "running" if job["id"] in self._running else job_state(job)

    def jobs(self) -> list[Job]:
        return list(self._jobs)

    def row_of(self, job_id: str) -> int:
        for i, job in enumerate(self._jobs):
            if job["id"] == job_id:
                return i
        return -1

    def job(self, job_id: str) -> Job | None:
        row = self.row_of(job_id)
        return self._jobs[row] if row >= 0 else None

    def apply(self, jobs: list[Job]) -> None:
        """Bring the model to ``jobs``: removes, inserts and dataChanged for what differs; nothing if equal."""
        fresh = {j["id"]: j for j in jobs}
        # removals, from the bottom so rows stay valid
        for row in range(len(self._jobs) - 1, -1, -1):
            if self._jobs[row]["id"] not in fresh:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._jobs[row]
                self.endRemoveRows()
        # changes in place
        for row, old in enumerate(self._jobs):
            new = fresh[old["id"]]
            if new != old:
                self._jobs[row] = new
                idx = self.index(row, 0)
                self.dataChanged.emit(idx, idx, [])
        # insertions, in file order at the end
        known = {j["id"] for j in self._jobs}
        added = [j for j in jobs if j["id"] not in known]
        if added:
            first = len(self._jobs)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._jobs.extend(added)
            self.endInsertRows()

    def set_running(self, job_id: str, running: bool) -> None:
        if running == (job_id in self._running):
            return
        if running:
            self._running.add(job_id)
        else:
            self._running.discard(job_id)
        row = self.row_of(job_id)
        if row >= 0:
            idx = self.index(row, 0)
            self.dataChanged.emit(idx, idx, [int(Role.State), int(Qt.ItemDataRole.ToolTipRole)])


class SidebarJobsProxy(QSortFilterProxyModel):
    """Soonest next run first, jobs with no next run last, then by title."""

    def __init__(self, source: CronJobsModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setDynamicSortFilter(True)
        self.sort(0)

    def lessThan(self, left: Index, right: Index) -> bool:
        return bool(left.data(Role.SortKey) < right.data(Role.SortKey))


PAGE = 50


class SessionsModel(QAbstractListModel):
    """Recent sessions (cron runs excluded), loaded a page at a time as the view scrolls."""

    def __init__(self, store: SessionStore, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self._rows: list[SessionSummary] = []
        self._more = True
        self.total = 0

    def set_store(self, store: SessionStore) -> None:
        self.beginResetModel()
        self.store = store
        self._rows, self._more = [], False
        self.endResetModel()
        self.refresh()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return s.title or s.preview or QCoreApplication.translate("Sessions", "Untitled session")
        if role == Role.Id:
            return s.id
        if role == Role.Session:
            return s
        if role == Qt.ItemDataRole.ToolTipRole:
            return s.preview or s.title or ""
        return None

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or not self._more:
            return
        before = self._rows[-1].cursor if self._rows else None
        page = self.store.recent_sessions(PAGE, before=before)
        self._more = len(page) == PAGE
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def refresh(self) -> None:
        """New sessions on top appear; an unchanged first page changes nothing."""
        self.total = self.store.session_count()
        page = self.store.recent_sessions(PAGE)
        if not self._rows:
            self._more = True
            self.fetchMore(QModelIndex())
            return
        if [s.id for s in page] == [s.id for s in self._rows[: len(page)]]:
            for row, s in enumerate(page):
                if s != self._rows[row]:
                    self._rows[row] = s
                    idx = self.index(row, 0)
                    self.dataChanged.emit(idx, idx, [])
            return
        newer = []
        known = {s.id for s in self._rows}
        for s in page:
            if s.id in known:
                break
            newer.append(s)
        if newer and page[len(newer):][:1] == self._rows[:1]:
            self.beginInsertRows(QModelIndex(), 0, len(newer) - 1)
            self._rows[:0] = newer
            self.endInsertRows()
            return
        self.beginResetModel()  # something was deleted or reordered: start over from the top
        self._rows, self._more = list(page), len(page) == PAGE
        self.endResetModel()


class RunsModel(QAbstractListModel):
    """One job's runs, newest first; ``limit`` caps a peek, ``None`` pages on as the view scrolls."""

    def __init__(self, store: SessionStore, limit: int | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.limit = limit
        self.job_id: str | None = None
        self._rows: list[CronRun] = []
        self._more = False

    def set_job(self, job_id: str | None) -> None:
        self.beginResetModel()
        self.job_id = job_id
        self._rows = []
        self._more = False  # views ask for more while handling the reset: not until it is over
        self.endResetModel()
        if job_id is not None:
            self._more = True
            self.fetchMore(QModelIndex())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        run = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            from ..l10n import date_time

            text = f"{date_time(datetime.fromtimestamp(run.started_at, UTC))} · {run_status_text(run.status)}"
            if run.duration is not None and self.limit is None:
                text += " · " + QCoreApplication.translate("Runs", "{seconds:.1f} s").format(seconds=run.duration)
            return text
        if role == Role.Id:
            return run.id
        if role == Role.Run:
            return run
        if role == Role.Status:
            return run.status
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        return None

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more and self.limit is None

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or not self._more or self.job_id is None:
            return
        size = self.limit or PAGE
        before = self._rows[-1].id if self._rows else None
        page = self.store.cron_runs(self.job_id, size, before=before)
        self._more = self.limit is None and len(page) == size
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def refresh(self) -> None:
        """Re-read the first page; emits nothing when it is unchanged."""
        if self.job_id is None:
            return
        size = self.limit or PAGE
        page = self.store.cron_runs(self.job_id, size)
        if page == self._rows[: len(page)] and (self.limit is None or len(page) == len(self._rows)):
            return
        if [r.id for r in page] == [r.id for r in self._rows[: len(page)]]:
            for row, run in enumerate(page):
                if run != self._rows[row]:
                    self._rows[row] = run
                    idx = self.index(row, 0)
                    self.dataChanged.emit(idx, idx, [])
            return
        self.beginResetModel()
        self._rows = list(page)
        self._more = self.limit is None and len(page) == size
        self.endResetModel()
