"""The ticker's reports, applied on the GUI thread: what its writes changed, runs starting and ending."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from ..core.firing import FiringStatus
from ..core.home import HermesHome
from ..core.jobs import Job, JobsWrite
from ..core.scheduler import TickReport
from .notify import job_title_or, notify_failure, notify_missed

if TYPE_CHECKING:
    from .context import AppContext


class TickerRelay(QObject):
    """Turns one ticker's signals into model and view updates, on the GUI thread.

    A relay belongs to the ticker of one home: after a profile switch, reports
    still queued from the old ticker are dropped, never applied to the new
    profile's jobs.
    """

    def __init__(self, ctx: AppContext, home: HermesHome, profile: str) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.home = home
        self.profile = profile

    def _current(self) -> bool:
        """Whether this ticker's profile is the one on screen (the others fire unseen; failures still notify)."""
        return self.ctx.home.root == self.home.root

    @Slot(list)
    def written(self, writes: list[JobsWrite]) -> None:
        """The ticker's claims and outcomes, as written: applied to the model, the file not read back."""
        if self._current():
            for write in writes:
                self.ctx.apply_write(write)

    @Slot(str)
    def started(self, job_id: str) -> None:
        if self._current():
            self.ctx.jobs_model.set_running(job_id, True)

    @Slot(str, str)
    def not_started(self, job_id: str, why: str) -> None:
        if self._current():
            self.ctx.run_not_started(job_id, why)

    @Slot(str, bool, str, str)
    def finished(self, job_id: str, ok: bool, error: str, title: str) -> None:
        if not self._current():
            if not ok:  # a job of another profile: said with that profile's name
                notify_failure(self.ctx.notifier, title, error, profile=self.profile)
            return
        self.ctx.jobs_model.set_running(job_id, False)
        self.ctx.runEnded.emit(job_id)
        if not ok:
            known = self.ctx.jobs_model.job(job_id)
            notify_failure(self.ctx.notifier, job_title_or(known, title), error)

    @Slot(list)
    def ticked(self, reports: list[TickReport]) -> None:
        if not self._current():
            return
        for report in reports:
            if report.error or not (report.idle or report.locked_out):  # an idle tick proves nothing either way
                self.ctx.tick_failed(report.error)

    @Slot(list)
    def missed(self, jobs: list[Job]) -> None:
        if not self._current():
            return
        for job in jobs:
            notify_missed(self.ctx.jobs_model, self.ctx.notifier, job)
            self.ctx.runEnded.emit(job["id"])

    @Slot(list)
    def status(self, statuses: list[FiringStatus]) -> None:
        for status in statuses:
            self.ctx.set_firing(self.profile, status)
