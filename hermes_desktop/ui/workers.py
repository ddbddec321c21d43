"""Work that must not run on the GUI thread: store operations and the ticker.

Both are worker ``QObject``s without a parent, moved to their own
``QThread``; whatever they own (timers, the scheduler, SQLite connections) is
created inside the thread, and results leave it only as signals.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from ..core.firing import Firer, FiringStatus, GatewayProbe, who_fires
from ..core.home import HermesHome
from ..core.jobs import Job, JobsWrite, job_title
from ..core.problems import Problem
from ..core.runner import RunResult
from ..core.scheduler import Scheduler, TickReport
from ..core.settings import Settings, load_settings

log = logging.getLogger("hermes_desktop.ui")

TICK_MS = 60_000  # the longest wait between ticks
MIN_WAIT_MS = 50
WAKE_AFTER_MS = 20  # tick just after the due time, so the job counts as due
SOON_MS = 200
GATEWAY_CHECK_MS = 15_000  # while a gateway fires the jobs: how soon its stopping is noticed
RUN_NOW_RETRY_MS = 1000
RUN_NOW_ATTEMPTS = 30

# This app's tickers (one per profile) take their ticks in turn: a tick is Python from end to end - the parse of
# jobs.json, the pick, the claims - so two at once finish no sooner, and each thread running Python beside the
# GUI thread makes every call into Python from the window wait longer for its turn with Python's lock (three
# profiles' first ticks together held a start at 10,000 jobs 50-65 ms). Only ticker threads wait for a turn,
# and never longer than TURN_WAIT_S: a tick held up by a profile's jobs.json locked by another program (up to
# the store's lock timeout) does not hold every other profile's jobs back as long.
_ONE_TICK_AT_A_TIME = threading.Lock()
TURN_WAIT_S = 1.0


@contextmanager
def _turn() -> Iterator[None]:
    mine = _ONE_TICK_AT_A_TIME.acquire(timeout=TURN_WAIT_S)
    try:
        yield
    finally:
        if mine:
            _ONE_TICK_AT_A_TIME.release()


def why_not_started(job_id: str, report: TickReport, running: set[str]) -> str:
    """Why a forced tick did not start this job: a key the window words in the user's language
    (``AppContext.run_not_started``); a failed tick is said by the tick's own report."""
    if report.error:
        return "tick_failed"
    if job_id in report.busy_elsewhere:
        return "busy_elsewhere"
    if job_id in running:
        return "running"
    if report.locked_out:
        return "locked_out"
    return "gone"


@dataclass(frozen=True)
class RunEnd:
    """A run that ended, as the ticker reports it to the GUI thread."""

    job_id: str
    ok: bool
    error: str  # why it failed ("" when it worked)
    title: str  # the job's title as the run saw it
    session_id: str = ""  # the run's transcript ("" when the run could not be recorded)
    output: str = ""  # what the run answered or printed
    problem: Problem | None = None  # ``error`` as a code, worded in the UI language where it is shown


class _TaskWorker(QObject):
    # token, [result, exception or None]. Both travel inside a list: a bare None sent
    # through a queued ``object`` argument upsets PySide's reference counts.
    done = Signal(int, list)

    @Slot(int, list)
    def perform(self, token: int, box: list[Callable[[], Any]]) -> None:
        try:
            result = box[0]()
        except Exception as exc:  # the exception itself goes to the GUI thread; the thread goes on
            log.info("background task failed: %s", exc)
            self.done.emit(token, [None, exc])
            return
        self.done.emit(token, [result, None])


Done = Callable[[Any, "BaseException | None"], None]  # (result, the exception raised, or None)
Submit = Callable[[Callable[[], Any], Done], Any]  # TaskRunner.submit, or a stand-in that runs at once


def run_here(fn: Callable[[], Any], done: Done) -> None:
    """A ``submit`` for a window used on its own (tests, previews): run at once, report the same way."""
    try:
        result = fn()
    except Exception as exc:
        done(None, exc)
        return
    done(result, None)


class TaskRunner(QObject):
    """Runs callables one after another on a background thread; the callback runs on the GUI thread.

    The callback gets ``(result, error)``: ``error`` is None on success, else
    the exception itself - a ``ScheduleError`` keeps its code, a
    ``LockTimeout`` its type - so the window decides by what went wrong and
    words it (:func:`problem_line`) in the UI language where it shows it.
    """

    _submit = Signal(int, list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("hermes-tasks")
        self._worker = _TaskWorker()
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.perform)
        self._worker.done.connect(self._finished)
        self._callbacks: dict[int, Done | None] = {}
        self._tokens = itertools.count(1)
        self._thread.start()

    def submit(self, fn: Callable[[], Any], on_done: Done | None = None) -> int:
        token = next(self._tokens)
        self._callbacks[token] = on_done
        self._submit.emit(token, [fn])
        return token

    def pending(self) -> int:
        return len(self._callbacks)

    @Slot(int, list)
    def _finished(self, token: int, box: list[Any]) -> None:
        callback = self._callbacks.pop(token, None)
        if callback is not None:
            result, exc = box
            callback(result, exc)

    def stop(self) -> None:
        """Finish what was already submitted (a setting or a job changed just before closing), then stop.

        The quit is queued behind those tasks rather than sent at once, which
        could end the thread with them still waiting. Their callbacks are
        dropped: the windows they would update are closing.
        """
        self._callbacks.clear()
        self._submit.emit(0, [self._thread.quit])
        self._thread.wait()


class TickerWorker(QObject):
    """Ticks the home at start, when the next job is due (at least every 60 s, as Hermes' ticker does), after a
    run ends, and at once on "Run now"; jobs run on the scheduler's pool.

    An idle tick costs a ``stat``, so waking exactly when the earliest job is
    due fires it on time instead of up to a minute late.
    """

    jobsWritten = Signal(list)  # [JobsWrite]: what each claim and outcome changed in jobs.json, as written
    runStarted = Signal(str)  # job id
    runNotStarted = Signal(str, str)  # job id, why: a "Run now" that could not start
    runFinished = Signal(object)  # RunEnd
    ticked = Signal(list)  # [TickReport]
    oneShotsMissed = Signal(list)  # [Job]: one-shots this tick found too late to run, as they are now recorded
    statusChanged = Signal(list)  # [FiringStatus]: who fires this home's jobs now (this app, a gateway, nobody)
    held = Signal()  # a tick found firing paused ("Pause all jobs") and started nothing
    stopped = Signal()
    _again = Signal()  # emitted from pool threads, delivered in the ticker thread

    def __init__(self, home: HermesHome, settings: Callable[[], Settings] | None = None,
                 gateway: GatewayProbe | None = None, paused: Callable[[], bool] | None = None,
                 first_wait_ms: int = 0) -> None:
        super().__init__()
        self.home = home
        self._first_wait_ms = first_wait_ms  # the first tick waits this long, unless asked for sooner
        self._settings = settings or (lambda: load_settings(home))
        self._gateway = gateway  # a running Hermes gateway fires this home's jobs itself: the app stands by
        self._paused = paused or (lambda: False)  # "Pause all jobs": no due job starts; Run now still runs one
        self.status: FiringStatus | None = None
        self.scheduler: Scheduler | None = None
        self._timer: QTimer | None = None
        self._more_due = False
        self._again.connect(self.soon)

    @Slot()
    def start(self) -> None:
        """Runs in the worker thread (connected to ``QThread.started``)."""
        self.scheduler = Scheduler(self.home, settings=self._settings, on_started=self._on_started,
                                   on_finished=self._on_finished, on_jobs_written=self._on_written)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.tick)
        if self._first_wait_ms > 0:
            self._timer.start(self._first_wait_ms)  # tick_now / soon (the window read the jobs) come sooner
        else:
            self.tick()

    def firing(self) -> FiringStatus:
        gateway = None
        if self._gateway is not None:
            try:
                gateway = self._gateway(self.home)
            except Exception:  # an unreadable status file says nothing either way
                log.exception("could not tell whether a Hermes gateway runs for %s", self.home.root)
        return who_fires(self._settings().run_jobs_in_app, gateway)

    @Slot()
    def tick(self) -> None:
        status = self.firing()
        if status != self.status:
            self.status = status
            self.statusChanged.emit([status])
        if self.scheduler is None or status.firer != Firer.APP:
            self._plan(None, GATEWAY_CHECK_MS if status.firer == Firer.GATEWAY else TICK_MS)
            return
        if self._paused():  # jobs.json is left as it is; resuming ticks at once
            self.held.emit()
            self._plan(None)
            return
        with _turn():
            report = self.scheduler.tick()
        self._more_due = report.more_due
        self.ticked.emit([report])
        self._report_missed(report)
        self._plan(self.scheduler.next_wake())

    def _plan(self, wake: datetime | None, longest_ms: int = TICK_MS) -> None:
        """The next tick: when the earliest job is due (a hair after), at the latest in 60 s."""
        if self._timer is None:
            return
        delay_ms = longest_ms
        if wake is not None:
            until = (wake - datetime.now(UTC)).total_seconds() * 1000
            delay_ms = int(min(TICK_MS, max(MIN_WAIT_MS, until + WAKE_AFTER_MS)))
        self._timer.start(delay_ms)

    @Slot()
    def soon(self) -> None:
        """Tick shortly (a run ended, jobs.json changed): several such calls make one tick."""
        if self._timer is not None and self._timer.remainingTime() > SOON_MS:
            self._timer.start(SOON_MS)

    @Slot(str)
    def run_now(self, job_id: str, attempt: int = 0) -> None:
        """Run one job at once, due or not (never while it already runs).

        When another ticker holds the tick lock (Hermes' gateway mid-tick, or
        another window), it tries again each second for a while; with every
        slot busy the job is made due and starts when one frees. Otherwise a
        run that cannot start says why (``runNotStarted``).
        """
        if self.scheduler is None or (self.status is not None and self.status.firer == Firer.GATEWAY):
            self.runNotStarted.emit(job_id, "gateway" if self.scheduler is not None else "")
            return
        with _turn():
            report = self.scheduler.tick(only=job_id, force=True)
        self.ticked.emit([report])
        self._report_missed(report)
        if any(d.job["id"] == job_id for d in report.dispatched) or report.more_due:
            return
        if report.locked_out and attempt < RUN_NOW_ATTEMPTS:
            QTimer.singleShot(RUN_NOW_RETRY_MS, lambda: self.run_now(job_id, attempt + 1))
            return
        self.runNotStarted.emit(job_id, why_not_started(job_id, report, self.scheduler.running()))

    def _report_missed(self, report: TickReport) -> None:
        """Hand over the records of expired one-shots (read here, off the GUI thread, which may not know them yet)."""
        if not report.missed or self.scheduler is None:
            return
        snap = self.scheduler.store.load()
        known = {job["id"]: job for job in snap.jobs}
        self.oneShotsMissed.emit([known.get(job_id) or {"id": job_id} for job_id in report.missed])

    @Slot()
    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=True)  # running scripts are killed, their runs recorded
            self.scheduler = None
        self.stopped.emit()
        # Quit from inside: a queued QThread.quit would wait for the GUI thread, which is waiting for us.
        thread = self.thread()
        if thread is not None:
            thread.quit()

    # called on the scheduler's threads: leave only through signals
    def _on_written(self, write: JobsWrite) -> None:
        self.jobsWritten.emit([write])

    def _on_started(self, job: Job) -> None:
        self.runStarted.emit(job["id"])

    def _on_finished(self, job: Job, result: RunResult | None) -> None:
        ok = bool(result and result.ok)
        error = "" if ok else ((result.error if result else None) or "The run could not be recorded.")
        self.runFinished.emit(RunEnd(job["id"], ok, error, job_title(job), result.session_id if result else "",
                                     (result.output or "") if result else "",
                                     result.problem if result and not ok else None))
        self._again.emit()  # a slot freed, and the job has a new next run: plan again


class Ticker(QObject):
    """Owns the ticker thread; ``shutdown`` stops it cleanly, also with a job mid-run."""

    _tick = Signal()
    _soon = Signal()
    _run_now = Signal(str)
    _stop = Signal()

    def __init__(self, home: HermesHome, settings: Callable[[], Settings] | None = None,
                 parent: QObject | None = None, gateway: GatewayProbe | None = None,
                 paused: Callable[[], bool] | None = None, first_wait_ms: int = 0) -> None:
        super().__init__(parent)
        self.worker_thread = QThread()
        self.worker_thread.setObjectName("hermes-ticker")
        self.worker = TickerWorker(home, settings, gateway, paused, first_wait_ms)
        self.worker.moveToThread(self.worker_thread)
        self.worker_thread.started.connect(self.worker.start)
        self._tick.connect(self.worker.tick)
        self._soon.connect(self.worker.soon)
        self._run_now.connect(self.worker.run_now)
        self._stop.connect(self.worker.stop)
        self._running = False

    def start(self) -> None:
        self._running = True
        self.worker_thread.start()

    def tick_now(self) -> None:
        self._tick.emit()

    def tick_soon(self) -> None:
        """jobs.json changed: tick shortly (coalesced), so a job made due elsewhere fires on time."""
        self._soon.emit()

    def run_now(self, job_id: str) -> None:
        self._run_now.emit(job_id)

    def shutdown(self) -> None:
        if not self._running:
            return
        self._running = False
        self._stop.emit()
        self.worker_thread.wait()
