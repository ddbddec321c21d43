"""A job never runs twice at once, across this app and Hermes, whichever starts first.

Hermes 0.19.0 writes no claim into jobs.json for a recurring run; what it
leaves while one lasts is a ``claimed``/``running`` row in ``cron/executions.db``
with its pid and process start time. The app honours that row, and keeps
Hermes off the app's own runs by holding ``next_run_at`` ahead while they last.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from hermes_desktop.core import scheduler as scheduler_module
from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.missed import missed_span
from hermes_desktop.core.procs import process_start_time
from hermes_desktop.core.scheduler import Scheduler
from hermes_desktop.core.sessions import SessionStore
from hermes_desktop.core.settings import Settings
from tests.hermes_agent import needs_hermes, run_hermes_python, start_hermes_python

NY = ZoneInfo("America/New_York")
T0 = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)

# cron/executions.db exactly as hermes-agent 0.19.0 creates it (cron/executions.py)
LEDGER = """CREATE TABLE IF NOT EXISTS executions (
    id TEXT PRIMARY KEY, job_id TEXT NOT NULL, source TEXT NOT NULL, process_id TEXT NOT NULL,
    pid INTEGER NOT NULL, process_started_at INTEGER,
    status TEXT NOT NULL CHECK(status IN ('claimed','running','completed','failed','unknown')),
    claimed_at TEXT NOT NULL, started_at TEXT, finished_at TEXT, error TEXT)"""


class Clock:
    def __init__(self, at: datetime = T0) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


def wait_until(check: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def record(home: HermesHome, job_id: str) -> dict:
    return next(j for j in json.loads(home.jobs_file.read_text())["jobs"] if j["id"] == job_id)


def gated_script(home: HermesHome) -> str:
    """A script that says it started, then runs until the test creates scripts/release."""
    (home.scripts_dir / "gated.sh").write_text(
        'touch "$(dirname "$0")/started"\n'
        'while [ ! -f "$(dirname "$0")/release" ]; do sleep 0.05; done\n'
        "echo finished\n")
    return "gated.sh"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def sched(home: HermesHome, clock: Clock) -> Iterator[Scheduler]:
    s = Scheduler(home, tz=NY, clock=clock, settings=lambda: Settings(job_timeout_s=60))
    yield s
    (home.scripts_dir / "release").touch()
    s.shutdown()


def ledger_row(home: HermesHome, job_id: str, pid: int, started: int | None, status: str = "running") -> None:
    with sqlite3.connect(home.cron_dir / "executions.db") as conn:
        conn.execute(LEDGER)
        conn.execute("INSERT INTO executions (id, job_id, source, process_id, pid, process_started_at, status, "
                     "claimed_at) VALUES (?, ?, 'builtin', 'p', ?, ?, ?, ?)",
                     (f"e{time.monotonic_ns()}", job_id, pid, started, status, T0.isoformat()))


def test_a_job_hermes_is_still_running_is_not_started_again(home: HermesHome, clock: Clock,
                                                             sched: Scheduler) -> None:
    job = JobStore(home, tz=NY, clock=clock).create("every 1m", script=gated_script(home), no_agent=True)
    owner = subprocess.Popen(["sleep", "60"])  # stands for the Hermes process running the job
    try:
        ledger_row(home, job["id"], owner.pid, process_start_time(owner.pid))
        clock.at += timedelta(minutes=1)
        report = sched.tick()
        assert report.dispatched == [] and report.busy_elsewhere == [job["id"]]
        assert record(home, job["id"])["next_run_at"] == (T0 + timedelta(minutes=1)).astimezone(NY).isoformat()
    finally:
        owner.kill()
        owner.wait()
    report = sched.tick()  # its owner is gone: the job is free again
    assert [d.job["id"] for d in report.dispatched] == [job["id"]]


def test_a_reused_pid_or_a_finished_row_does_not_block(home: HermesHome, clock: Clock, sched: Scheduler) -> None:
    job = JobStore(home, tz=NY, clock=clock).create("every 1m", script="x.sh", no_agent=True)
    (home.scripts_dir / "x.sh").write_text("echo x\n")
    live = subprocess.Popen(["sleep", "60"])
    try:
        started = process_start_time(live.pid)
        assert started is not None
        ledger_row(home, job["id"], live.pid, started + 1)  # same pid number, another process
        ledger_row(home, job["id"], live.pid, started, status="completed")
        clock.at += timedelta(minutes=1)
        report = sched.tick()
        report.wait()
        assert [d.job["id"] for d in report.dispatched] == [job["id"]]
    finally:
        live.kill()
        live.wait()


def test_a_long_run_holds_the_next_run_ahead_and_skips_what_it_overlapped(
    home: HermesHome, clock: Clock, sched: Scheduler, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scheduler_module, "HEARTBEAT_S", 0.05)
    job = JobStore(home, tz=NY, clock=clock).create("every 1m", script=gated_script(home), no_agent=True)
    clock.at += timedelta(minutes=1)
    report = sched.tick()
    wait_until(lambda: (home.scripts_dir / "started").exists())
    clock.at += timedelta(seconds=75)  # the run overruns the next occurrence (T0+2m)
    held_until = clock.at + timedelta(seconds=scheduler_module.HOLD_MIN_S)
    wait_until(lambda: datetime.fromisoformat(record(home, job["id"])["next_run_at"]) >= held_until)
    assert sched.tick().dispatched == []
    clock.at += timedelta(seconds=75)  # now T0+3m30s
    (home.scripts_dir / "release").touch()
    report.wait()
    rec = record(home, job["id"])
    assert rec["next_run_at"] == (T0 + timedelta(minutes=4)).astimezone(NY).isoformat()
    assert rec["last_missed"]["reason"].startswith("overlap")
    skipped, run = SessionStore(home.state_db).cron_runs(job["id"])  # newest first: the skip came after the start
    assert (run.status, skipped.status) == ("ok", "missed")
    span = missed_span(skipped, rec["schedule"], NY)
    assert (span.count, span.first, span.last) == (2, T0 + timedelta(minutes=2), T0 + timedelta(minutes=3))


@needs_hermes
def test_hermes_does_not_start_a_job_the_app_is_running(home: HermesHome, monkeypatch: pytest.MonkeyPatch) -> None:
    s = Scheduler(home, settings=lambda: Settings(job_timeout_s=60))
    try:
        job = JobStore(home).create("every 1m", script=gated_script(home), no_agent=True)
        JobStore(home).mutate(lambda rs: rs[0].update(next_run_at=datetime.now(UTC).isoformat()))
        report = s.tick()
        wait_until(lambda: (home.scripts_dir / "started").exists())
        # the run has overrun its next occurrence, as a 75 s script on an every-1m job does
        JobStore(home).mutate(lambda rs: rs[0].update(next_run_at=(datetime.now(UTC) - timedelta(seconds=5))
                                                      .isoformat()))
        s.hold_claims()
        due = run_hermes_python(home.root, "from cron.jobs import get_due_jobs\n"
                                           "print([j['id'] for j in get_due_jobs()])")
        assert due.strip() == "[]"
        (home.scripts_dir / "release").touch()
        report.wait()
        assert record(home, job["id"])["last_status"] == "ok"
    finally:
        (home.scripts_dir / "release").touch()
        s.shutdown()


@needs_hermes
def test_the_app_does_not_start_a_job_hermes_is_running(home: HermesHome) -> None:
    job = JobStore(home).create("every 1m", script=gated_script(home), no_agent=True)
    JobStore(home).mutate(lambda rs: rs[0].update(next_run_at=datetime.now(UTC).isoformat()))
    hermes = start_hermes_python(home.root, (
        "import os, time\n"
        "from cron.scheduler import tick\n"
        "tick(verbose=False, sync=False)\n"  # as the gateway ticks: runs go on after the tick returns
        "release = os.path.join(os.environ['HERMES_HOME'], 'scripts', 'release')\n"
        "while not os.path.exists(release): time.sleep(0.05)\n"
        "time.sleep(1)\n"))
    s = Scheduler(home, settings=lambda: Settings(job_timeout_s=60))
    try:
        wait_until(lambda: (home.scripts_dir / "started").exists(), timeout=60)
        JobStore(home).mutate(lambda rs: rs[0].update(next_run_at=(datetime.now(UTC) - timedelta(seconds=5))
                                                      .isoformat()))
        report = s.tick()
        assert report.dispatched == [] and report.busy_elsewhere == [job["id"]]
    finally:
        (home.scripts_dir / "release").touch()
        s.shutdown()
        hermes.communicate(timeout=60)
    assert SessionStore(home.state_db).cron_runs(job["id"]) == []  # only Hermes ran it




def test_a_run_claimed_just_before_its_next_occurrence_is_held_from_the_claim_on(
    home: HermesHome, clock: Clock, sched: Scheduler
) -> None:
    job = JobStore(home, tz=NY, clock=clock).create("every 1m", script=gated_script(home), no_agent=True)
    clock.at += timedelta(minutes=1, seconds=50)  # picked late: the next occurrence is 10 s away
    report = sched.tick()
    assert [d.job["id"] for d in report.dispatched] == [job["id"]]
    held = datetime.fromisoformat(record(home, job["id"])["next_run_at"])
    assert held >= clock.at + timedelta(seconds=scheduler_module.HOLD_MIN_S)  # no gap before the first beat


def test_while_a_run_lasts_the_next_wake_is_still_known(home: HermesHome, clock: Clock, sched: Scheduler) -> None:
    store = JobStore(home, tz=NY, clock=clock)
    long = store.create("every 1h", script=gated_script(home), no_agent=True)
    short = store.create("every 1m", script=gated_script(home), no_agent=True)
    store.mutate(lambda rs: next(r for r in rs if r["id"] == long["id"]).update(next_run_at=T0.isoformat()))
    report = sched.tick()
    assert [d.job["id"] for d in report.dispatched] == [long["id"]]
    assert sched.next_wake() == datetime.fromisoformat(short["next_run_at"])  # not "unknown: wait a minute"
