"""Keeps the one jobs model in step with changes other programs make to ``cron/jobs.json``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from ..core.job_view import JobsTable, JobView, views
from ..core.jobs import Job, JobsSnapshot, JobStore
from ..l10n import problem_line, problem_text
from .models import CronJobsModel
from .workers import TaskRunner

POLL_MS = 30_000
DEBOUNCE_MS = 100


class JobsWatcher(QObject):
    """Keeps a :class:`CronJobsModel` in step with ``cron/jobs.json``.

    A file watcher on the file and its folder (the folder sees the atomic
    rename that replaces the file), a 30 s poll only while a window is
    visible, and a signature check so an unchanged file is not even read.
    The read itself runs on the task thread.
    """

    refreshed = Signal()

    def __init__(self, store: JobStore, model: CronJobsModel, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.model = model
        self.tasks = tasks
        self.signature: object = "never read"
        self.problem: str | None = None
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._changed)
        self.watcher.fileChanged.connect(self._changed)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.refresh)
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.refresh)
        self._loading = False
        self._again = False
        self._digests: dict[str, int] | None = None  # each job's text hash as the model last took the file whole
        self.before_apply: Callable[[], None] | None = None  # called before a read is applied to the model
        self._watch()

    @property
    def loading(self) -> bool:
        """A read of jobs.json is on its way."""
        return self._loading

    def set_store(self, store: JobStore) -> None:
        """Follow another home's jobs.json (a profile switch)."""
        old = self.watcher.files() + self.watcher.directories()
        if old:
            self.watcher.removePaths(old)
        self.store = store
        self.signature = "never read"
        self._digests = None  # the model is emptied: the first read fills it
        self._watch()

    def _watch(self) -> None:
        paths = [str(self.store.home.cron_dir)]
        if self.store.home.jobs_file.exists():
            paths.append(str(self.store.home.jobs_file))
        missing = [p for p in paths if p not in self.watcher.files() + self.watcher.directories()]
        if missing:
            self.watcher.addPaths(missing)

    def _changed(self, _path: str) -> None:
        self._watch()  # an atomic rename drops the watch on the old file
        self.debounce.start()

    def set_visible(self, visible: bool) -> None:
        if visible:
            self.poll.start()
        else:
            self.poll.stop()

    def written(self, signature: object) -> None:
        """A write of this app was applied to the model: the file as it left it needs no reading back.

        Should the file have changed again since (another program, or a write
        whose report is still on its way), it is read as usual.
        """
        if signature is None:
            return
        if signature == self.store.signature():
            self.signature = signature
        else:
            self.debounce.start()

    def refresh(self, force: bool = False) -> None:
        """Read jobs.json (off the GUI thread) if it changed, then update the model in place.

        The reading thread also finds what changed since the last read (by
        each record's text), so the model takes just those records; only the
        first read after start or a profile switch is applied whole.
        """
        if self._loading:
            self._again = True
            return
        signature = self.store.signature()
        if not force and signature == self.signature:
            return
        self._loading = True
        store, before = self.store, self._digests

        def read() -> tuple[JobsSnapshot, tuple[list[Job], list[str]] | None, list[JobView], JobsTable | None]:
            snap = store.load()
            changes = snap.changes_since(before) if before is not None and not snap.error else None
            # The views the model sorts and shows by, made here rather than on the GUI thread; for the first
            # read (the model is empty) also its rows and orders
            made = views(changes[0] if changes is not None else snap.jobs)
            whole = JobsTable.of(snap.jobs, made) if before is None and not snap.error else None
            return snap, changes, made, whole

        self.tasks.submit(read, lambda result, err: self._loaded(store, signature, result, err))

    def _loaded(self, store: JobStore, signature: object,
                result: tuple[JobsSnapshot, tuple[list[Job], list[str]] | None, list[JobView], JobsTable | None] | None,
                error: BaseException | None) -> None:
        self._loading = False
        if store is not self.store:  # read for a profile switched away from meanwhile
            self.refresh(force=True)
            return
        if result is not None:
            snap, changes, made, whole = result
            if self.before_apply is not None:
                self.before_apply()  # reports of writes older than this read go in first
            self.signature = signature
            if snap.error:
                self.problem = problem_text(snap.error)  # keep showing the last good jobs; say what is wrong
            else:
                self.problem = "; ".join(snap.problems) or None
                if snap.tz is not None:
                    self.model.zone = snap.tz
                if changes is None and whole is not None and self.model.rowCount() == 0:
                    self.model.apply(snap.jobs, whole)  # its views, rows and orders as made there
                elif changes is None:
                    self.model.know(made)
                    self.model.apply(snap.jobs)
                else:
                    self.model.know(made)
                    self.model.take(*changes)
                self._digests = snap.digests
        else:
            self.problem = problem_line(error) if error else None
        self.refreshed.emit()
        if self._again:
            self._again = False
            self.refresh()
