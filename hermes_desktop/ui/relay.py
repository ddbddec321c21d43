"""The ticker's reports, applied on the GUI thread: what its writes changed, runs starting and ending."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Slot

from ..core.firing import FiringStatus
from ..core.home import HermesHome
from ..core.jobs import Job, JobsWrite
from ..core.scheduler import TickReport
from ..l10n import problem_text
from .notify import Target, job_title_or, notify_failure, notify_finished, notify_missed
from .workers import RunEnd

if TYPE_CHECKING:
    from .context import AppContext


class TickerRelay(QObject):
    """Turns one ticker's signals into model and view updates, on the GUI thread.

    A relay belongs to the ticker of one home: after a profile switch, reports
    still queued from the old ticker are dropped, never applied to the new
    profile's jobs.

    The reports of a busy moment - 20 jobs due at once: claims written, runs
    starting, runs ending - arrive as one queued call each, and Qt delivers
    every queued call before the window gets a turn. Applied one by one, each
    re-ordered the 10,000-job lists (5-15 ms each, 30-60 ms per burst);
    here they are kept, in order, and applied together at the next turn of
    the event loop as one change set, so the lists re-order once.
    """

    def __init__(self, ctx: AppContext, home: HermesHome, profile: str) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.home = home
        self.profile = profile
        self._queue: list[tuple[Callable[..., None], tuple[Any, ...]]] = []
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self.apply_queued)

    def _later(self, apply: Callable[..., None], *args: Any) -> None:
        self._queue.append((apply, args))
        if not self._soon.isActive():
            self._soon.start()

    def apply_queued(self) -> None:
        """Apply the reports received since the last turn, in the order they came, as one change set."""
        queue, self._queue = self._queue, []
        if not queue:
            return
        self._soon.stop()
        with self.ctx.jobs_model.change_set():
            for apply, args in queue:
                apply(*args)

    def _current(self) -> bool:
        """Whether this ticker's profile is the one on screen (the others fire unseen; failures still notify)."""
        return self.ctx.home.root == self.home.root

    @Slot(list)
    def written(self, writes: list[JobsWrite]) -> None:
        self._later(self._written, writes)

    def _written(self, writes: list[JobsWrite]) -> None:
        """The ticker's claims and outcomes, as written: applied to the model, the file not read back."""
        if self._current():
            for write in writes:
                self.ctx.apply_write(write)

    @Slot(str)
    def started(self, job_id: str) -> None:
        self._later(self._started, job_id)

    def _started(self, job_id: str) -> None:
        if self._current():
            self.ctx.jobs_model.set_running(job_id, True)

    @Slot(str, str)
    def not_started(self, job_id: str, why: str) -> None:
        self._later(self._not_started, job_id, why)

    def _not_started(self, job_id: str, why: str) -> None:
        if self._current():
            self.ctx.run_not_started(job_id, why)

    @Slot(object)
    def finished(self, end: RunEnd) -> None:
        self._later(self._finished, end)

    def _finished(self, end: RunEnd) -> None:
        """A run ended: the model learns it; a failure (or, if asked, any run) raises a notification whose click
        opens the run's transcript (a job of another profile is named with its profile)."""
        current = self._current()
        title, profile = end.title, None if current else self.profile
        if current:
            self.ctx.jobs_model.set_running(end.job_id, False)
            self.ctx.runEnded.emit(end.job_id)
            title = job_title_or(self.ctx.jobs_model.job(end.job_id), end.title)
        target = Target(self.profile, end.session_id, end.job_id)
        if not end.ok:
            notify_failure(self.ctx.notifier, title, problem_text(end.problem or end.error), profile, target)
        elif self.ctx.notify_all_runs:
            notify_finished(self.ctx.notifier, title, end.output, profile, target)

    @Slot(list)
    def ticked(self, reports: list[TickReport]) -> None:
        self._later(self._ticked, reports)

    def _ticked(self, reports: list[TickReport]) -> None:
        if not self._current():
            return
        for report in reports:
            if report.error or not (report.idle or report.locked_out):  # an idle tick proves nothing either way
                self.ctx.tick_failed(report.error)

    @Slot(list)
    def missed(self, jobs: list[Job]) -> None:
        self._later(self._missed, jobs)

    def _missed(self, jobs: list[Job]) -> None:
        if not self._current():
            return
        for job in jobs:
            notify_missed(self.ctx.jobs_model, self.ctx.notifier, job)
            self.ctx.runEnded.emit(job["id"])

    @Slot(list)
    def status(self, statuses: list[FiringStatus]) -> None:
        self._later(self._status, statuses)

    def _status(self, statuses: list[FiringStatus]) -> None:
        for status in statuses:
            self.ctx.set_firing(self.profile, status)
