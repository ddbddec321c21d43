"""Runs beside other state.db writers: they wait their turn, a run's session is always ended, and an occurrence
is never silently lost."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from hermes_desktop.core import scheduler as scheduler_module
from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.scheduler import Scheduler
from hermes_desktop.core.sessions import SessionStore
from hermes_desktop.core.settings import Settings

NY = ZoneInfo("America/New_York")
T0 = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def wait_until(check: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


class Writer:
    """Another program holding state.db's write lock (as a Hermes SessionDB mid-transaction does)."""

    def __init__(self, home: HermesHome) -> None:
        SessionStore(home.state_db).session_count()  # the file exists, in WAL mode
        self.conn = sqlite3.connect(home.state_db, isolation_level=None)

    def hold(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        self.conn.execute("COMMIT")
        self.conn.close()


def gated(home: HermesHome) -> str:
    (home.scripts_dir / "gated.sh").write_text(
        'touch "$(dirname "$0")/started"\nwhile [ ! -f "$(dirname "$0")/go" ]; do sleep 0.02; done\necho done\n')
    return "gated.sh"


def test_a_run_waits_for_the_lock_and_is_recorded_whole(home: HermesHome, caplog: pytest.LogCaptureFixture) -> None:
    clock = [T0]
    job = JobStore(home, tz=NY, clock=lambda: clock[0]).create("every 5m", script=gated(home), no_agent=True)
    (home.scripts_dir / "go").touch()
    sched = Scheduler(home, tz=NY, clock=lambda: clock[0], settings=lambda: Settings(job_timeout_s=30))
    sched.sessions.attempt_timeout_s = 0.05
    writer = Writer(home)
    writer.hold()
    caplog.set_level("DEBUG", logger="hermes_desktop.store")
    try:
        clock[0] += timedelta(minutes=5)
        report = sched.tick()
        wait_until(lambda: sum("refused attempt" in r.message for r in caplog.records) >= 3)
    finally:
        writer.release()
    (result,) = report.wait()
    sched.shutdown()
    assert result is not None and result.ok and result.unrecorded is None
    (run,) = SessionStore(home.state_db).cron_runs(job["id"])
    assert run.status == "ok" and run.ended_at is not None


def test_a_lock_held_past_the_runs_budget_loses_nothing(home: HermesHome, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scheduler_module, "STATE_DB_MARGIN_S", 0)
    clock = [T0]
    job = JobStore(home, tz=NY, clock=lambda: clock[0]).create("every 5m", script=gated(home), no_agent=True)
    sched = Scheduler(home, tz=NY, clock=lambda: clock[0], settings=lambda: Settings(job_timeout_s=2))
    sched.sessions.attempt_timeout_s = 0.05
    clock[0] += timedelta(minutes=5)
    report = sched.tick()
    wait_until(lambda: (home.scripts_dir / "started").exists())
    writer = Writer(home)
    writer.hold()  # from now until after the run's budget has run out
    (home.scripts_dir / "go").touch()
    (result,) = report.wait()
    # the run happened and counts on the job, though its transcript could not be finished yet
    assert result is not None and result.ok and result.unrecorded and "locked" in result.unrecorded
    rec = next(j for j in json.loads(home.jobs_file.read_text())["jobs"] if j["id"] == job["id"])
    assert rec["last_status"] == "ok" and rec["run_claim"] is None
    assert list(home.job_output_dir(job["id"]).glob("*.md"))  # the output file does not wait for state.db
    writer.release()
    sched.tick()  # nothing is due; the tick still ends the open session
    sched.shutdown()
    (run,) = SessionStore(home.state_db).cron_runs(job["id"])
    assert run.ended_at is not None
    assert "ended later" in SessionStore(home.state_db).messages(run.id)[-1].content
