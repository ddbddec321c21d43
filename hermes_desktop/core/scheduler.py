"""The tick: pick due jobs, claim them, advance them, and hand them to runners - exactly once.

One tick on a home:

1. takes ``cron/.tick.lock`` without waiting (the Hermes gateway flocks the
   same file); if another ticker holds it, the tick does nothing;
2. under ``cron/.jobs.lock`` clears stale claims, decides what is due, and for
   each due job writes a claim (``run_claim``: owner, pid, lease) and its next
   ``next_run_at`` *before* any run starts, so a crash mid-run never repeats
   that occurrence and no other process starts the same job;
3. releases both locks and runs the claimed jobs in parallel (at most
   ``capacity`` at once); each run records its outcome under the jobs lock.

Late runs: within the grace window (half the period, 2 min … 2 h) a job runs
as usual; later than that it runs once and its schedule is fast-forwarded -
the skipped occurrences are written on the job (``last_missed``) and in the
run's transcript. A one-shot more than 120 s late is not run; it is marked
missed, visibly, in its record and its run history.
"""

from __future__ import annotations

import copy
import functools
import logging
import os
import socket
import sqlite3
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from filelock import FileLock, Timeout

from .due_index import DueIndex
from .executions import LedgerWriter, hermes_running
from .home import HermesHome
from .jobs import Job, JobStore, JobsWrite, apply_run_outcome, job_next_run, job_state, lock_error
from .problems import Problem
from .retention import apply_retention
from .runner import RunResult, run_job, run_title
from .schedule import (
    ONESHOT_GRACE_S,
    advance,
    count_due,
    grace_seconds,
    next_run,
    next_runs,
    parse_instant,
    to_record,
)
from .sessions import END_ERROR, END_MISSED, SessionStore, StateDbBusy
from .settings import Settings, load_settings
from .states import JobState, RunStatus
from .zone import schedule_zone

log = logging.getLogger("hermes_desktop.ticker")

LEASE_MARGIN_S = 120
APP = "hermes-desktop"
# While a run of ours lasts, Hermes (which ticks every 60 s and checks no claim on recurring jobs)
# must not find the job due: the heartbeat keeps next_run_at at least HOLD_MIN_S ahead of now.
HEARTBEAT_S = 20
HOLD_MIN_S = 90
HOLD_AHEAD_S = 180
# Hermes treats a one-shot claim older than its TTL as stale; ours is refreshed well before that.
CLAIM_REFRESH_S = 300
STATE_DB_MARGIN_S = 60
# hermes-agent 0.19.0: a one-shot run_claim is fresh for max(3 x HERMES_CRON_TIMEOUT, 1800 s);
# the inactivity timeout defaults to 600 s and 0 means unlimited (then the 1800 s floor).
HERMES_CLAIM_TTL_FLOOR_S = 1800
HERMES_DEFAULT_TIMEOUT_S = 600.0


def hermes_claim_ttl(env: dict[str, str] | None = None) -> float:
    """How long Hermes honours a claim it wrote (and this app honours it too)."""
    raw = (os.environ if env is None else env).get("HERMES_CRON_TIMEOUT", "").strip()
    try:
        timeout = float(raw) if raw else HERMES_DEFAULT_TIMEOUT_S
    except ValueError:
        timeout = HERMES_DEFAULT_TIMEOUT_S
    if timeout != timeout or timeout <= 0:  # NaN, unlimited
        return float(HERMES_CLAIM_TTL_FLOOR_S)
    return max(timeout * 3, float(HERMES_CLAIM_TTL_FLOOR_S))


def owner_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def claim_is_stale(claim: Any, now: datetime) -> bool:
    """A claim whose owner process is gone or whose lease ran out."""
    if not isinstance(claim, dict):
        return True
    lease = parse_instant(claim.get("lease_until"))
    if lease is not None:
        if now >= lease:
            return True
        host, pid = claim.get("host"), claim.get("pid")
        return bool(host == socket.gethostname() and isinstance(pid, int) and not _pid_alive(pid))
    at = parse_instant(claim.get("at"))
    if at is None:
        return True
    age = (now - at).total_seconds()
    return not 0 <= age < hermes_claim_ttl()


@dataclass
class Dispatch:
    """A job claimed by this tick, about to run."""

    job: Job
    note: str | None = None
    future: Future[RunResult | None] | None = None
    before: dict[str, Any] | None = None  # the record's next_run_at and state before the claim (to give it back)
    passed_over: bool = False  # late within grace, occurrences it moves past were recorded missed


@dataclass(frozen=True)
class MissedRow:
    """Occurrences of a job that did not run, to be written as one ``missed`` history row."""

    job: Job
    first: datetime
    last: datetime
    note: str


@dataclass
class TickReport:
    locked_out: bool = False
    dispatched: list[Dispatch] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)  # job ids whose one-shot expired
    recovered: list[str] = field(default_factory=list)  # job ids whose stale claim was cleared
    more_due: bool = False  # due jobs left for the next tick (no free slot)
    busy_elsewhere: list[str] = field(default_factory=list)  # due, but a Hermes process is still running them
    idle: bool = False  # nothing was due: the tick read (at most) the file's signature, and took no jobs lock
    error: str | None = None

    def wait(self) -> list[RunResult | None]:
        return [d.future.result() for d in self.dispatched if d.future is not None]


class Scheduler:
    """Ticks one home. Thread-safe; one instance per process is enough."""

    def __init__(
        self,
        home: HermesHome,
        *,
        tz: tzinfo | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        settings: Callable[[], Settings] | None = None,
        max_workers: int | None = None,
        on_started: Callable[[Job], None] | None = None,
        on_finished: Callable[[Job, RunResult | None], None] | None = None,
        on_jobs_written: Callable[[JobsWrite], None] | None = None,
    ) -> None:
        self.home = home
        self._tz = tz
        self.clock = clock
        self.settings = settings or (lambda: load_settings(home))
        self.store = JobStore(home, tz=tz, clock=clock)
        self.on_jobs_written = on_jobs_written  # each claim and outcome, as written: no one need read it back
        self.store.on_written = self._written
        self._index: DueIndex | None = None  # which jobs a tick looks at (only touched under the store's lock)
        self.sessions = SessionStore(home.state_db)
        workers = max_workers or max(1, self.settings().max_parallel)
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="hermes-run")
        self.capacity = workers
        self.owner = owner_id()
        self.cancel = threading.Event()
        self.on_started = on_started
        self.on_finished = on_finished
        self._running: set[str] = set()
        self._dispatched: dict[int, Dispatch] = {}  # submitted to the pool and not done yet
        self._recoveries: list[tuple[Job, dict[str, Any]]] = []
        self._missed_rows: list[MissedRow] = []
        self._unended: set[str] = set()  # sessions of our runs that could not be ended yet
        self._unended_jobs: set[str] = set()  # jobs of ours with a run whose session is not known
        self._mutex = threading.Lock()
        self._heartbeat: threading.Thread | None = None
        self._idle: tuple[object, tzinfo, datetime | None] | None = None  # (file signature, zone, earliest due)
        self._wake: datetime | None = None  # the earliest due time the last non-idle tick saw

    @property
    def tz(self) -> tzinfo:
        """The zone schedules are read in: the one given, else Hermes' own for this home."""
        return self._tz or schedule_zone(self.home)

    # ----------------------------------------------------------------- public

    def next_wake(self) -> datetime | None:
        """When the earliest job is next due, as the last tick found it (None: unknown, tick as usual).

        Also while runs are in flight: a job due meanwhile fires on time, not at the next minute.
        """
        idle = self._idle
        return idle[2] if idle is not None else self._wake

    def running(self) -> set[str]:
        with self._mutex:
            return set(self._running)

    def tick(self, only: str | None = None, force: bool = False) -> TickReport:
        """One tick. ``only`` limits it to one job; ``force`` runs that job even if it is not due."""
        report = TickReport()
        lock = FileLock(str(self.home.tick_lock), timeout=0, preserve_lock_file=True, mode=0o600)
        try:
            self.home.cron_dir.mkdir(parents=True, exist_ok=True)
            lock.acquire()
        except Timeout:
            report.locked_out = True
            log.debug("tick skipped: another ticker holds the lock")
            return report
        except OSError as exc:
            report.error = str(lock_error(self.home.tick_lock, exc))
            log.warning("tick failed: %s", report.error)
            return report
        try:
            if only is None and not (self._unended or self._unended_jobs) and not self._anything_to_do():
                report.idle = True
                return report  # the common idle tick: one lock-free read, no jobs lock, no write
            free = self.capacity - len(self.running())
            # _pick looks at the jobs the index names (and ``only``) and says which: only they are encoded again
            at: list[datetime] = []  # the instant _pick decided at (read under the locks, as it always was)
            picked = self.store.mutate_some(lambda records: self._pick(records, report, free, only, force, at))
            # The wake counts from that same instant: a job falling due while the claims were written is the
            # wake (the ticker comes back at once), not left until the next minute
            since = at[-1].timestamp() if at else self.clock().timestamp()
            self._wake = self.store.with_records(lambda records: self._index_for(records).earliest_after(since))
        except Exception as exc:  # an unreadable jobs.json or a lock timeout: report, never crash the ticker
            report.error = str(exc)
            log.warning("tick failed: %s", exc)
            return report
        finally:
            lock.release()
        self._finish_recovery_records()
        for dispatch in picked:
            with self._mutex:
                self._running.add(dispatch.job["id"])
            dispatch.future = self.pool.submit(self._run, dispatch)
            with self._mutex:
                self._dispatched[id(dispatch)] = dispatch
            dispatch.future.add_done_callback(functools.partial(self._forget, dispatch))
            report.dispatched.append(dispatch)
        if picked:
            self._start_heartbeat()
        return report

    def shutdown(self, wait: bool = True) -> None:
        """Stop: running scripts are killed, their runs recorded as stopped."""
        self.cancel.set()
        self.pool.shutdown(wait=wait, cancel_futures=True)
        self._give_back_unstarted()
        self.sessions.close()

    def _forget(self, dispatch: Dispatch, future: Future[RunResult | None]) -> None:
        """A run is over (it ran, or failed to): nothing to give back. A dropped one stays, for shutdown."""
        if not future.cancelled():
            with self._mutex:
                self._dispatched.pop(id(dispatch), None)

    def _give_back_unstarted(self) -> None:
        """Runs this process claimed but never started (the pool dropped them at shutdown): their claims are
        lifted and their records put back as they were, so the next ticker - this app's next start, or a
        Hermes gateway - runs them, or records them as missed; none is silently lost."""
        with self._mutex:
            dropped = [d for d in self._dispatched.values() if d.future is not None and d.future.cancelled()]
            self._dispatched.clear()
        for dispatch in dropped:
            claim_at = (dispatch.job.get("run_claim") or {}).get("at")
            before = dispatch.before or {}

            def give_back(rec: Job, claim_at: object = claim_at, before: dict[str, Any] = before) -> None:
                claim = rec.get("run_claim")
                if not isinstance(claim, dict) or claim.get("by") != self.owner or claim.get("at") != claim_at:
                    return  # not our claim any more: whoever holds the job now decides
                rec["run_claim"] = None
                rec["next_run_at"] = before.get("next_run_at")
                rec["state"] = before.get("state") or JobState.SCHEDULED

            try:
                self.store.mutate_record(dispatch.job["id"], give_back, None)
            except Exception as exc:  # a busy lock at quit: the claim goes stale and a later tick recovers it
                log.warning("could not give back the unstarted run of job %s: %s", dispatch.job.get("id"), exc)

    def _anything_to_do(self) -> bool:
        """Whether any job is due, claimed, running or missing its next run (read without the jobs lock).

        An idle answer is remembered with the file's signature and the earliest
        next run, so while ``jobs.json`` is unchanged an idle tick costs one
        ``stat`` instead of a parse of every job.
        """
        now = self.clock()
        signature, tz = self.store.signature(), self.tz
        idle = self._idle
        if idle is not None and idle[0] == signature and idle[1] is tz and (idle[2] is None or now < idle[2]):
            return False
        self._idle = None

        def look(records: list[Any]) -> tuple[bool, datetime | None]:
            index = self._index_for(records)
            stamp = now.timestamp()
            return (True, None) if index.anything_now(stamp) else (False, index.earliest_after(stamp))

        busy, wake = self.store.with_records(look)  # after this process's own write: no parse
        if not busy and signature is not None:
            self._idle = (signature, tz, wake)
        return busy

    def _index_for(self, records: list[Any]) -> DueIndex:
        """The due index of this parse of the file (the store's lock is held): built again after another
        program's write, else kept up to date by :meth:`_written`."""
        index, tz = self._index, self.tz
        if index is None or not index.describes(records, tz):
            index = self._index = DueIndex(records, tz)
        return index

    def _written(self, write: JobsWrite) -> None:
        """Each write of this scheduler's store (its lock held): the index follows, then whoever shows the
        jobs is told."""
        if self._index is not None:
            self._index.written(write)
        if self.on_jobs_written is not None:
            self.on_jobs_written(write)

    # ----------------------------------------------------------------- picking (jobs lock held)

    def _claim(self, now: datetime) -> dict[str, Any]:
        lease = now + timedelta(seconds=self.settings().job_timeout_s + LEASE_MARGIN_S)
        return {"at": to_record(now, self.tz), "by": self.owner, "app": APP, "host": socket.gethostname(),
                "pid": os.getpid(), "lease_until": to_record(lease, self.tz)}

    def _pick(self, records: list[Any], report: TickReport, free: int, only: str | None,
              force: bool, decided: list[datetime]) -> tuple[list[Dispatch], list[int]]:
        """The runs this tick starts, and the positions of the records it looked at (the only ones it may
        change): the jobs the index names - claimed, running, due - and ``only``. The instant it decided at
        goes into ``decided``."""
        now = self.clock()
        decided.append(now)
        candidates: list[tuple[datetime, Dispatch]] = []  # (due at, dispatch)
        index = self._index_for(records)
        for attempt in range(2):
            ids = index.to_look_at(now.timestamp())
            if only is not None and only in index.pos and only not in ids:
                ids.append(only)
            touched = [index.pos[job_id] for job_id in ids]
            if attempt or all(records[at].get("id") == job_id for job_id, at in zip(ids, touched, strict=True)):
                break
            index = self._index = DueIndex(records, self.tz)  # records moved under it (a write reordered them)
        for at in touched:
            job = records[at]
            try:
                self._recover_stale_claim(job, now, report)
                if only is not None and job["id"] != only:
                    continue
                due = self._due(job, now, report, force and job["id"] == only)
                if due is not None:
                    candidates.append(due)
            except Exception:  # one odd record never stops the others
                log.exception("skipping job %r this tick", job.get("id"))
        candidates.sort(key=lambda pair: pair[0])
        if candidates:
            elsewhere = hermes_running(self.home, [d.job["id"] for _, d in candidates])
            if elsewhere:  # a Hermes run of the same job is still going: never overlap it
                report.busy_elsewhere = sorted(elsewhere)
                candidates = [(at, d) for at, d in candidates if d.job["id"] not in elsewhere]
        picked: list[Dispatch] = []
        for due_at, dispatch in candidates:
            if len(picked) >= max(0, free):
                report.more_due = True
                if force and only is not None and dispatch.job["id"] == only:
                    # "Run now" with every slot busy: make it due, so it runs when a slot frees
                    dispatch.job["next_run_at"] = to_record(now, self.tz)
                break
            job = dispatch.job
            # A late run (with a note) stands for the occurrences up to now: given back, it is due now
            # (and one that passed occurrences over, recorded missed already: due now, not from its first again)
            late_run = dispatch.note is not None or dispatch.passed_over
            before = {"next_run_at": to_record(now, self.tz) if late_run else job.get("next_run_at"),
                      "state": job.get("state")}
            nxt = advance(job["schedule"], min(due_at, now), now, self.tz)  # a one-shot has none left
            job["next_run_at"] = to_record(nxt, self.tz) if nxt else None
            job["state"] = JobState.RUNNING
            claim = self._claim(now)
            if nxt is not None:
                claim["due_next"] = job["next_run_at"]  # next_run_at may be held ahead while the run lasts
                if (nxt - now).total_seconds() < HOLD_MIN_S:  # held from the claim on: Hermes looks at nothing else
                    job["next_run_at"] = to_record(now + timedelta(seconds=HOLD_AHEAD_S), self.tz)
            job["run_claim"] = claim
            # the store's own record stays its own
            picked.append(Dispatch(copy.deepcopy(job), dispatch.note, before=before, passed_over=dispatch.passed_over))
        return picked, touched

    def _recover_stale_claim(self, job: Job, now: datetime, report: TickReport) -> None:
        claim = job.get("run_claim")
        if claim is None:
            if job_state(job) == JobState.RUNNING and job["id"] not in self.running():
                job["state"] = JobState.SCHEDULED if job.get("enabled", True) else JobState.PAUSED
            return
        if not claim_is_stale(claim, now):
            return
        owner = claim.get("by", "?") if isinstance(claim, dict) else "?"
        started = claim.get("at", "?") if isinstance(claim, dict) else "?"
        error = str(Problem.of("run_interrupted", at=started, owner=owner))
        if job_state(job) == JobState.RUNNING:
            apply_run_outcome(job, ok=False, error=error, ran_at=now, tz=self.tz)
        due_next = parse_instant(claim.get("due_next")) if isinstance(claim, dict) else None
        held = job_next_run(job, self.tz)
        if due_next is not None and held is not None and held > due_next and job.get("enabled", True):
            job["next_run_at"] = to_record(due_next, self.tz)  # undo the hold: the schedule's own next time
        job["run_claim"] = None
        report.recovered.append(job["id"])
        self._recoveries.append((dict(job), claim if isinstance(claim, dict) else {}))
        log.warning("job %s: %s", job["id"], error)

    def _due(self, job: Job, now: datetime, report: TickReport, force: bool) -> tuple[datetime, Dispatch] | None:
        if job.get("run_claim") is not None:
            return None  # running somewhere: a job never overlaps itself
        state = job_state(job)
        if force:
            return (now, Dispatch(job, None))
        if state.at_rest or not job.get("enabled", True):
            return None
        schedule = job["schedule"]
        due_at = job_next_run(job, self.tz)
        if due_at is None:
            if schedule["kind"] == "once":
                if job.get("last_run_at"):
                    return None
                due_at = parse_instant(schedule.get("run_at"), self.tz)
                if due_at is None:
                    return None
            else:  # recurring with no (readable) next run: recompute, fire at that time
                nxt = next_run(schedule, now, self.tz)
                job["next_run_at"] = to_record(nxt, self.tz) if nxt else None
                return None
        if due_at > now:
            return None
        late = (now - due_at).total_seconds()
        if schedule["kind"] == "once":
            if late > ONESHOT_GRACE_S:
                self._expire_one_shot(job, due_at, now, report)
                return None
            return (due_at, Dispatch(job, None))
        grace = grace_seconds(schedule, now, self.tz)
        note = None
        if late > grace:
            count = max(1, count_due(schedule, due_at, now, self.tz))
            skipped = self._skipped(schedule, due_at, now)
            if skipped is not None:
                self._missed_rows.append(MissedRow(dict(job), skipped[0], skipped[1], str(Problem.of(
                    "runs_missed", runs=skipped[2], first=to_record(skipped[0], self.tz),
                    last=to_record(skipped[1], self.tz)))))
            note = str(Problem.of("ran_late", due=to_record(due_at, self.tz), late=int(late), grace=grace, runs=count))
            job["last_missed"] = {"due": to_record(due_at, self.tz), "count": count, "noted": to_record(now, self.tz),
                                  "reason": "late beyond grace: ran once and fast-forwarded"}
        elif late > 0:
            # Late within grace (a busy machine, a slow tick): it runs now - but a schedule shorter than the grace
            # may have passed further occurrences meanwhile, which the run moves past. They are recorded too.
            skipped = self._skipped(schedule, due_at, now)
            if skipped is not None:
                self._missed_rows.append(MissedRow(dict(job), skipped[0], skipped[1], str(Problem.of(
                    "runs_overtaken", runs=skipped[2], first=to_record(skipped[0], self.tz),
                    last=to_record(skipped[1], self.tz), late=int(late)))))
                return (due_at, Dispatch(job, note, passed_over=True))
        return (due_at, Dispatch(job, note))

    def _skipped(self, schedule: dict[str, Any], due_at: datetime, now: datetime,
                 ran_one: bool = True) -> tuple[datetime, datetime, int] | None:
        """The occurrences in ``[due_at, now]`` that do not run: (first, last, count), or None.

        With ``ran_one`` the latest of them is the one a late run stands for, so it is not counted.
        """
        due = due_at.astimezone(UTC)
        occurrences = [due]
        for occ in next_runs(schedule, due, min(1000, count_due(schedule, due, now, self.tz)), self.tz):
            if occ.at <= now:
                occurrences.append(occ.at)
        if ran_one:
            occurrences = occurrences[:-1]
        if not occurrences:
            return None
        return occurrences[0], occurrences[-1], len(occurrences)

    def _expire_one_shot(self, job: Job, due_at: datetime, now: datetime, report: TickReport) -> None:
        reason = str(Problem.of("one_shot_missed", due=to_record(due_at, self.tz), grace=ONESHOT_GRACE_S))
        job.update(state=JobState.ERROR, enabled=False, next_run_at=None, last_status=RunStatus.ERROR,
                   last_error=reason,
                   last_missed={"due": to_record(due_at, self.tz), "count": 1, "noted": to_record(now, self.tz),
                                "reason": "one-shot expired"})
        report.missed.append(job["id"])
        self._recoveries.append((dict(job), {"missed": reason, "due": due_at}))

    # ----------------------------------------------------------------- after the locks

    def _finish_recovery_records(self) -> None:
        """Write run-history entries for cleared claims and expired one-shots (outside the locks)."""
        pending, self._recoveries = self._recoveries, []
        for job, info in pending:
            try:
                if "missed" in info:
                    self._write_missed_row(MissedRow(job, info["due"], info["due"], info["missed"]))
                else:
                    self._end_open_runs(job["id"], str(Problem.of(
                        "run_cut_short", detail=job.get("last_error") or str(Problem.of("process_ended")))))
            except Exception as exc:
                log.warning("could not record the recovery of job %s: %s", job.get("id"), exc)
                self._unended_jobs.add(job["id"])
        late = str(Problem.of("transcript_late"))
        for sid in sorted(self._unended):
            try:
                self.sessions.append_message(sid, "system", late)
                self.sessions.end_session(sid, END_ERROR)
                self._unended.discard(sid)
            except Exception as exc:  # still busy: the next tick tries again
                log.warning("could not end session %s yet: %s", sid, exc)
        for job_id in sorted(self._unended_jobs - self.running()):
            try:
                self._end_open_runs(job_id, late)
                self._unended_jobs.discard(job_id)
            except Exception as exc:
                log.warning("could not end the open runs of job %s yet: %s", job_id, exc)
        rows, self._missed_rows = self._missed_rows, []
        for row in rows:
            try:
                self._write_missed_row(row)
            except Exception as exc:
                log.warning("could not record the missed runs of job %s: %s", row.job.get("id"), exc)

    def _end_open_runs(self, job_id: str, why: str) -> None:
        """End the runs of a job that never ended - unless a live Hermes process is running the job now
        (its session is open because it is in flight); then the next tick looks again."""
        if hermes_running(self.home, [job_id]):
            raise RuntimeError(f"Hermes is running job {job_id}; its open session may be that run")
        for run in self.sessions.open_cron_runs(job_id):
            self.sessions.append_message(run.id, "system", why)
            self.sessions.end_session(run.id, END_ERROR)

    def _write_missed_row(self, row: MissedRow) -> None:
        """One history row (a cron session ended as ``cron_missed``) spanning the occurrences that did not run."""
        first, last = row.first.astimezone(UTC), max(row.first, row.last).astimezone(UTC)
        sid = self.sessions.create_cron_session(row.job["id"], first.timestamp(),
                                                first.astimezone(self.tz).strftime("%Y%m%d_%H%M%S"))
        self.sessions.append_message(sid, "system", row.note, first.timestamp())
        self.sessions.set_unique_title(sid, run_title(row.job, first, self.tz))
        self.sessions.end_session(sid, END_MISSED, last.timestamp())

    # ----------------------------------------------------------------- holding claims while runs last

    def _start_heartbeat(self) -> None:
        with self._mutex:
            if self._heartbeat is not None and self._heartbeat.is_alive():
                return
            self._heartbeat = threading.Thread(target=self._beat, name="hermes-heartbeat", daemon=True)
            self._heartbeat.start()

    def _beat(self) -> None:
        while not self.cancel.wait(HEARTBEAT_S):
            with self._mutex:  # decided under the lock _start_heartbeat takes: a run starting now gets a beat
                if not self._running:
                    self._heartbeat = None
                    return
            try:
                self.hold_claims()
            except Exception as exc:  # a busy lock or an unreadable file: try again at the next beat
                log.warning("could not refresh the claims of running jobs: %s", exc)

    def hold_claims(self) -> None:
        """Keep Hermes off the jobs this process is running.

        Hermes checks no claim on a recurring job, only ``next_run_at``: while
        one of our runs lasts, a ``next_run_at`` that would come due within
        ``HOLD_MIN_S`` is moved to ``HOLD_AHEAD_S`` from now (the run's end
        puts back the schedule's own next time, kept in the claim's
        ``due_next``). A one-shot's claim ``at`` is refreshed, as Hermes
        refreshes its own, so its TTL never runs out mid-run. Writes only when
        something had to move.
        """
        mine = self.running()
        if not mine:
            return
        owner = self.owner

        def change(records: list[Any]) -> tuple[None, list[int]]:
            now = self.clock()
            # every record of a running job of ours, twins included (a copy another program added mid-run
            # must not let the claim lapse); a pass of plain look-ups every HEARTBEAT_S while runs last
            touched = [at for at, rec in enumerate(records) if type(rec) is dict and rec.get("id") in mine]
            for position in touched:
                rec = records[position]
                claim = rec.get("run_claim")
                if not isinstance(claim, dict) or claim.get("by") != owner:
                    continue
                if rec.get("schedule", {}).get("kind") == "once":
                    at = parse_instant(claim.get("at"))
                    if at is None or (now - at).total_seconds() >= CLAIM_REFRESH_S:
                        claim["at"] = to_record(now, self.tz)
                    continue
                nxt = job_next_run(rec, self.tz)
                if nxt is not None and (nxt - now).total_seconds() < HOLD_MIN_S:
                    rec["next_run_at"] = to_record(now + timedelta(seconds=HOLD_AHEAD_S), self.tz)
            return None, touched

        self.store.mutate_some(change)

    def _run(self, dispatch: Dispatch) -> RunResult | None:
        job = dispatch.job
        result: RunResult | None = None
        ledger = LedgerWriter(self.home)
        execution: str | None = None
        try:
            if self.on_started:
                self.on_started(job)
            # Hermes' run ledger lists this run too (``hermes cron runs``); a ledger that cannot be written is
            # logged and the run goes on. Claimed when the tick claimed it.
            begun = self.clock().astimezone(self.tz)
            claim = job.get("run_claim")
            claimed = parse_instant(claim.get("at")) if isinstance(claim, dict) else None
            execution = ledger.start(job["id"], (claimed or begun).astimezone(self.tz), begun)
            settings = self.settings()
            # state.db writes wait for Hermes' writers for as long as the run may take, and a minute more
            deadline = time.monotonic() + settings.job_timeout_s + STATE_DB_MARGIN_S
            with self.sessions.write_deadline(deadline):
                result = run_job(self.home, job, self.sessions, settings, clock=self.clock, tz=self.tz,
                                 note=dispatch.note, cancel=self.cancel)
            if result.unrecorded:
                self._unended.add(result.session_id)  # the next ticks end it
            self._record(job, result)
            try:
                apply_retention(self.home, self.sessions, job["id"], settings, now=self.clock())
            except Exception:
                log.exception("retention failed for job %s", job["id"])
        except Exception as exc:
            if isinstance(exc, sqlite3.Error | StateDbBusy | OSError):
                log.warning("run of job %s could not be recorded: %s", job.get("id"), exc)
            else:
                log.exception("run of job %s could not be recorded", job.get("id"))
            self._unended_jobs.add(job["id"])
            if result is None:  # the run never got going: still release the job and say why
                now = self.clock()
                result = RunResult(False, "", f"The run could not start: {exc}", "", now, now)
                try:
                    self._record(job, result)
                except Exception:
                    log.exception("could not release job %s", job.get("id"))
        finally:
            if execution is not None:  # before the job is free again: its next run finds this row finished
                ledger.finish(execution, result is not None and result.ok,
                              result.error if result is not None else "The run could not start.",
                              self.clock().astimezone(self.tz))
            with self._mutex:
                self._running.discard(job["id"])
            self.sessions.close()  # this pool thread's connection
            if self.on_finished:
                self.on_finished(job, result)
        return result

    def _record(self, job: Job, result: RunResult) -> None:
        owner = self.owner
        overlapped: list[MissedRow] = []

        def change(rec: Job) -> None:
            now = self.clock()
            claim = rec.get("run_claim")
            if isinstance(claim, dict) and claim.get("by") not in (owner, None):
                return  # another process took the job over meanwhile: its record is its own
            due_next = parse_instant(claim.get("due_next")) if isinstance(claim, dict) else None
            apply_run_outcome(rec, ok=result.ok, error=result.error, ran_at=result.started_at, tz=self.tz)
            if job_state(rec) == JobState.RUNNING:  # a forced run of a paused or disabled job
                rec["state"] = JobState.SCHEDULED if rec.get("enabled", True) else (
                    JobState.PAUSED if rec.get("paused_at") else JobState.DISABLED)
            if due_next is not None and rec.get("next_run_at") is not None:
                self._resume_schedule(rec, due_next, now, overlapped)

        self.store.mutate_record(job["id"], change, None)
        for row in overlapped:
            try:
                self._write_missed_row(row)
            except Exception:
                log.exception("could not record the skipped runs of job %s", job.get("id"))

    def _resume_schedule(self, rec: Job, due_next: datetime, now: datetime, overlapped: list[MissedRow]) -> None:
        """After a run: the schedule's own next time; occurrences that fell while the run lasted are skipped
        (a job never overlaps itself) and recorded as missed."""
        if due_next > now:
            rec["next_run_at"] = to_record(due_next, self.tz)
            return
        skipped = self._skipped(rec["schedule"], due_next, now, ran_one=False)
        nxt = advance(rec["schedule"], due_next, now, self.tz)
        rec["next_run_at"] = to_record(nxt, self.tz) if nxt else None
        if skipped is None:
            return
        first, last, count = skipped
        rec["last_missed"] = {"due": to_record(first, self.tz), "count": count, "noted": to_record(now, self.tz),
                              "reason": "overlap: the previous run was still going"}
        overlapped.append(MissedRow(dict(rec), first, last, (
            f"{count} scheduled run(s) from {to_record(first, self.tz)} to {to_record(last, self.tz)} did not "
            "start because the previous run of this job was still going (a job never runs twice at once).")))
