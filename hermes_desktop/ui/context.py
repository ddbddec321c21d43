"""The state behind one main window: the profile on screen, its stores, the one jobs model, the ticker, job actions.

It holds no widget. Views hear of what changes through its signals: a
profile switch hands every view the one new :class:`Profile`; problems to
show arrive as one text.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from ..core.firing import FiringStatus, GatewayProbe
from ..core.home import HermesHome
from ..core.jobs import Job, JobStore, JobsWrite
from ..core.sessions import SessionStore
from ..core.settings import Settings, load_settings
from ..core.states import JobState
from ..l10n import problem_line, problem_text
from .jobs_watcher import JobsWatcher
from .models import CronJobsModel, SessionsModel
from .notify import Notifier
from .prefs import UiPrefs
from .profiles import profile_names
from .relay import TickerRelay
from .workers import TaskRunner, Ticker


@dataclass(frozen=True)
class Profile:
    """One Hermes profile as the window shows it: its home and the stores over its files."""

    name: str
    home: HermesHome
    jobs: JobStore
    sessions: SessionStore


FIRST_TICK_WAIT_MS = 3000


class AppContext(QObject):
    """Stores, models, the ticker and the job actions of one main window (see the module's docstring)."""

    profileSwitched = Signal(object)  # Profile: the views follow it
    profileChanged = Signal(str)  # its name, once the views have it
    problemsChanged = Signal(str)  # what is wrong, one line each ("" when nothing is)
    runEnded = Signal(str)  # job id: a run of it was recorded
    firingChanged = Signal()  # who fires a profile's jobs changed (see ``firing``)
    pausedChanged = Signal(bool)  # "Pause all jobs" turned on or off
    _written = Signal(list)  # [home, JobsWrite] from whichever thread wrote jobs.json

    def __init__(self, base: HermesHome, *, start_ticker: bool, prefs: UiPrefs | None = None,
                 gateway: GatewayProbe | None = None) -> None:
        super().__init__()
        self.base = base.ensure()
        self.prefs = prefs or UiPrefs()
        self.start_ticker = start_ticker
        wanted = self.prefs.profile
        name = wanted if wanted == "default" or base.profile(wanted).root.is_dir() else "default"
        self.current = self._open(name)
        self.tasks = TaskRunner(self)
        self.jobs_model = CronJobsModel(self)
        # The sessions list reads on a thread of its own: ordering 100,000 chats (a quarter second inside
        # SQLite, which lets go of Python meanwhile) runs beside the jobs read, not before it.
        self.session_tasks = TaskRunner(self)
        self.sessions_model = SessionsModel(self.sessions, self, submit=self.session_tasks.submit)
        self.watcher = JobsWatcher(self.store, self.jobs_model, self.tasks, self)
        self.watcher.refreshed.connect(self._refreshed)
        self.watcher.before_apply = self.flush_ticker_reports
        self.notifier = Notifier(self)
        self.tickers: dict[Path, Ticker] = {}  # by home root: each profile whose jobs this window fires
        self._first_ticks: set[Path] = set()  # tickers whose first tick waits for the window (``_start_ticker``)
        self.firing: dict[str, FiringStatus] = {}  # by profile name, as its ticker last found it
        self.gateway = gateway  # tells whether a Hermes gateway runs for a home (None: never looked for)
        self.action_problem: str | None = None  # why the last job action failed (cleared by one that works)
        self.tick_problem: str | None = None  # why the last tick could not start due jobs
        self.notify_all_runs = False  # Settings: "Notify when any run finishes" (read with the tickers' settings)
        # "Pause all jobs": the tickers start no due job while it is set (read from their threads). It lives in
        # memory only: a pause that outlived the app would leave jobs silently not running after a restart.
        self._paused = threading.Event()
        self._closed = False
        self._ticking_setting: tuple[bool, bool] | None = None  # unknown until the first save: that one ticks
        self._written.connect(self._apply_written)

    def _open(self, name: str) -> Profile:
        home = self.base.profile(name).ensure()
        store = JobStore(home)
        # Every write of ours reports what it changed; the model applies that and the file is not read back.
        store.on_written = lambda write: self._written.emit([home, write])
        return Profile(name, home, store, SessionStore(home.state_db))

    # the profile on screen, by part
    @property
    def profile(self) -> str:
        return self.current.name

    @property
    def home(self) -> HermesHome:
        return self.current.home

    @property
    def store(self) -> JobStore:
        return self.current.jobs

    @property
    def sessions(self) -> SessionStore:
        return self.current.sessions

    # ----------------------------------------------------------------- the ticker

    @property
    def ticker(self) -> Ticker | None:
        """The ticker of the profile on screen (None when this window runs none)."""
        return self.tickers.get(self.home.root)

    def start_tickers(self) -> None:
        """One ticker per profile whose jobs this window fires: every profile, or (Settings) the one on screen.

        Tickers of profiles still fired keep running across a profile switch;
        the others stop (a run in flight is stopped and recorded).
        """
        if not self.start_ticker or self._closed:
            return
        settings = load_settings(self.base)
        self.notify_all_runs = settings.notify_all_runs
        names = profile_names(self.base) if settings.run_all_profiles else [self.profile]
        if self.profile not in names:
            names.append(self.profile)
        wanted = {self.base.profile(name).root: name for name in names}
        for root in [r for r in self.tickers if r not in wanted]:
            self._stop_ticker(root)
        for root, name in wanted.items():
            if root not in self.tickers:
                self._start_ticker(name)
        for name in list(self.firing):
            if self.base.profile(name).root not in wanted:
                del self.firing[name]  # not fired here; the Profiles window finds out who fires it
        self.firingChanged.emit()

    def _start_ticker(self, name: str) -> None:
        home = self.base.profile(name).ensure()
        base = self.base  # the app's settings live in the home it was started on, whatever the profile
        # The profile on screen is being read for the window right now (a start, a switch): a ticker's first
        # tick - a parse and a pass over every job, in Python - waits until the window shows the jobs
        # (``window_caught_up``), rather than compete for Python's lock with that read and with the making of
        # the sidebar's rows: at 10,000 jobs the read took twice as long (the jobs off the screen 0.6-1.2 s),
        # and the rows, each a dozen Qt calls that wait for the lock, held the window 50-130 ms a turn.
        # At the latest it ticks after FIRST_TICK_WAIT_MS.
        wait = 0
        if self.watcher.loading:
            wait = FIRST_TICK_WAIT_MS
            self._first_ticks.add(home.root)
        ticker = Ticker(home, lambda: load_settings(base), self, gateway=self.gateway, paused=self._paused.is_set,
                        first_wait_ms=wait)
        # A QObject of the GUI thread receives the ticker's signals, so they arrive queued on this
        # thread; a plain function would run in whichever thread emitted them.
        relay = TickerRelay(self, home, name)
        worker = ticker.worker
        worker.jobsWritten.connect(relay.written)
        worker.runStarted.connect(relay.started)
        worker.runNotStarted.connect(relay.not_started)
        worker.runFinished.connect(relay.finished)
        worker.ticked.connect(relay.ticked)
        worker.oneShotsMissed.connect(relay.missed)
        worker.statusChanged.connect(relay.status)
        self.tickers[home.root] = ticker
        ticker.start()

    def _stop_ticker(self, root: Path) -> None:
        ticker = self.tickers.pop(root)
        self._first_ticks.discard(root)
        ticker.shutdown()
        ticker.deleteLater()

    def stop_tickers(self) -> None:
        for root in list(self.tickers):
            self._stop_ticker(root)

    @property
    def paused(self) -> bool:
        return self._paused.is_set()

    def set_paused(self, paused: bool) -> None:
        """Pause or resume firing in this app (jobs.json is not touched; Run now still runs a job)."""
        if paused == self.paused:
            return
        if paused:
            self._paused.set()
        else:
            self._paused.clear()
            for ticker in self.tickers.values():
                ticker.tick_now()  # what came due meanwhile runs now, as after a restart
        self.pausedChanged.emit(paused)

    def set_firing(self, name: str, status: FiringStatus) -> None:
        self.firing[name] = status
        self.firingChanged.emit()

    # ----------------------------------------------------------------- what writes changed

    @Slot(list)
    def _apply_written(self, item: list[Any]) -> None:
        home, write = item
        self.flush_ticker_reports()  # the ticker's writes reported before this one go first
        if home is self.home:  # a write for a profile switched away from meanwhile is not shown
            self.apply_write(write)

    def flush_ticker_reports(self) -> None:
        """Apply the tickers' reports still queued (see :class:`TickerRelay`): before one of this window's own
        writes, or a read of the file, is applied - they are older, and must not land over it afterwards."""
        for relay in self.findChildren(TickerRelay):
            relay.apply_queued()

    def apply_write(self, write: JobsWrite) -> None:
        """A write of this app, applied as it reports itself: the model takes its records, the file is not read."""
        self.jobs_model.take(write.changed, write.removed)
        self.watcher.written(write.signature)

    # ----------------------------------------------------------------- job actions (off the GUI thread)

    def change(self, op: Callable[[JobStore], Any], what: str) -> None:
        """Run a job change off the GUI thread. What it wrote reaches the model as the store reports it."""
        store = self.store

        def done(_result: Any, error: BaseException | None) -> None:
            self.action_problem = what.format(error=problem_line(error)) if error else None
            self.show_problems()
            if error:
                self.watcher.refresh()  # what the file holds now, whatever got written
            elif self.ticker is not None:
                self.ticker.tick_soon()  # the ticker plans its next wake again

        self.tasks.submit(lambda: op(store), done)

    def run_now(self, job_id: str) -> None:
        """Shown as Queued at once, then Running, then the outcome; asked twice, it still runs once."""
        job = self.jobs_model.job(job_id)
        if job is not None and self.jobs_model.state_of(job) in (JobState.QUEUED, JobState.RUNNING):
            return
        if self.ticker is not None:
            self.jobs_model.set_queued(job_id, True)
            self.ticker.run_now(job_id)
        else:  # no ticker in this window: whichever ticker runs picks it up
            self.change(lambda store: store.trigger(job_id), self.tr("Could not run the job: {error}"))

    def run_not_started(self, job_id: str, why: str) -> None:
        self.jobs_model.set_queued(job_id, False)
        if why == "tick_failed":
            return  # the problems line already says why the tick failed
        if why == "gateway":  # the gateway fires this profile's jobs: made due, it runs at its next tick
            self.change(lambda store: store.trigger(job_id), self.tr("Could not run the job: {error}"))
            return
        words = {
            "busy_elsewhere": self.tr("Hermes is running this job right now; it was not started twice."),
            "running": self.tr("This job is already running."),
            "locked_out": self.tr("Another program kept the jobs busy; try again in a moment."),
            "gone": self.tr("The job is no longer in jobs.json."),
            "": self.tr("This window does not run jobs now."),
        }
        self.action_problem = self.tr("Could not run the job: {error}").format(error=words.get(why, why))
        self.show_problems()

    def pause(self, job_id: str) -> None:
        self.change(lambda store: store.pause(job_id), self.tr("Could not pause the job: {error}"))

    def resume(self, job_id: str) -> None:
        self.change(lambda store: store.resume(job_id), self.tr("Could not resume the job: {error}"))

    def delete(self, job_id: str) -> None:
        self.change(lambda store: store.remove(job_id), self.tr("Could not delete the job: {error}"))

    def saver(self, job: Job | None) -> Callable[[dict[str, Any]], Job]:
        """The editor's save (run on the task thread): a new job, or the changed fields of ``job``."""
        store = self.store

        def save(values: dict[str, Any]) -> Job:
            if job is None:
                return store.create(values.pop("schedule"), values.pop("prompt"), **values)
            return store.update(job["id"], **values)

        return save

    def saved(self) -> None:
        if self.ticker is not None:
            self.ticker.tick_soon()

    def settings_saved(self, settings: Settings) -> None:
        """Only turning the app's ticking on or off (or which profiles) needs action now; the tickers read the
        rest when they run."""
        self.notify_all_runs = settings.notify_all_runs
        ticking = (settings.run_jobs_in_app, settings.run_all_profiles)
        if ticking != self._ticking_setting:
            self.start_tickers()
            for ticker in self.tickers.values():
                ticker.tick_now()
        self._ticking_setting = ticking

    def _refreshed(self) -> None:
        self.show_problems()
        if self.ticker is not None and self.home.root not in self._first_ticks:
            self.ticker.tick_soon()  # jobs.json changed: the ticker plans its next wake again

    def window_caught_up(self) -> None:
        """The window shows the jobs it has read: the tickers waiting for that take their first tick."""
        if self.watcher.loading:
            return
        for root in self._first_ticks:
            if root in self.tickers:
                self.tickers[root].tick_soon()
        self._first_ticks.clear()

    # ----------------------------------------------------------------- problems

    def tick_failed(self, error: str | None) -> None:
        """A tick's outcome: its error stays on screen until a tick works again."""
        said = problem_text(error).strip() if error else ""  # the same sentence as the jobs file's problem below
        problem = said.splitlines()[0] if said else None
        if problem != self.tick_problem:
            self.tick_problem = problem
            self.show_problems()

    def problems(self) -> str:
        """The jobs file's own problem first (it stays until the file is fixed), then why the last action
        failed, then why due jobs could not be started, unless that is the file's problem said again."""
        lines = [self.watcher.problem, self.action_problem]
        if self.tick_problem and self.tick_problem != self.watcher.problem:
            lines.append(self.tr("Due jobs could not be started: {error}").format(error=self.tick_problem))
        return "\n".join(line for line in lines if line)

    def show_problems(self) -> None:
        self.problemsChanged.emit(self.problems())

    # ----------------------------------------------------------------- profiles

    def switch_profile(self, name: str) -> None:
        """Show another profile's sessions and jobs; the ticker follows."""
        if name == self.profile:
            return
        old = self.current
        self.current = self._open(name)
        self.prefs.profile = name
        self.action_problem = self.tick_problem = None  # they were about the other profile's jobs
        self.watcher.set_store(self.store)
        self.jobs_model.apply([])
        self.profileSwitched.emit(self.current)
        old.sessions.close()
        self.watcher.refresh(force=True)
        self.start_tickers()  # the new profile's, if it had none; the old one's stops unless every profile runs
        self.profileChanged.emit(name)

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.stop_tickers()
        self.tasks.stop()
        self.session_tasks.stop()
        self.sessions.close()
        self.prefs.sync()

