from __future__ import annotations

import contextlib
import fcntl
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.missed import missed_span
from hermes_desktop.core.scheduler import Scheduler
from hermes_desktop.core.sessions import SessionStore
from hermes_desktop.core.settings import Settings

NY = ZoneInfo("America/New_York")
T0 = datetime(2026, 11, 24, 12, 0, 0, tzinfo=UTC)


class Clock:
    def __init__(self, at: datetime = T0) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **kw: float) -> None:
        self.at += timedelta(**kw)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def sched(home: HermesHome, clock: Clock) -> Iterator[Scheduler]:
    s = Scheduler(home, tz=NY, clock=clock, settings=lambda: Settings(job_timeout_s=20))
    yield s
    s.shutdown()


def script(home: HermesHome, name: str, body: str) -> str:
    (home.scripts_dir / name).write_text(body)
    return name


def record(home: HermesHome, job_id: str) -> dict:
    return next(j for j in json.loads(home.jobs_file.read_text())["jobs"] if j["id"] == job_id)


def runs(home: HermesHome, job_id: str) -> list:
    return SessionStore(home.state_db).cron_runs(job_id, limit=1000)


def tick_and_wait(s: Scheduler) -> list:
    report = s.tick()
    report.wait()
    return report.dispatched


def test_due_job_runs_once_and_is_recorded(home: HermesHome, clock: Clock, sched: Scheduler) -> None:
    store = JobStore(home, tz=NY, clock=clock)
    job = store.create("every 5m", script=script(home, "hi.sh", "echo hello"), no_agent=True, name="hi")
    assert tick_and_wait(sched) == []  # not due yet
    clock.advance(minutes=5)
    assert [d.job["id"] for d in tick_and_wait(sched)] == [job["id"]]
    assert tick_and_wait(sched) == []  # the same occurrence never runs twice
    rec = record(home, job["id"])
    assert (rec["last_status"], rec["state"], rec["run_claim"]) == ("ok", "scheduled", None)
    assert rec["repeat"]["completed"] == 1
    assert rec["next_run_at"] == (T0 + timedelta(minutes=10)).astimezone(NY).isoformat()
    (run,) = runs(home, job["id"])
    assert run.status == "ok" and run.title == "hi · Nov 24 07:05"
    msgs = SessionStore(home.state_db).messages(run.id)
    assert [(m.role, m.content.strip()) for m in msgs] == [("user", "Run script: hi.sh"), ("assistant", "hello")]
    out = list(home.job_output_dir(job["id"]).glob("*.md"))
    assert [p.name for p in out] == ["2026-11-24_07-05-00.md"] and "hello" in out[0].read_text()


def test_next_run_is_advanced_and_claimed_before_the_run_starts(home: HermesHome, clock: Clock) -> None:
    seen: list[dict] = []
    s = Scheduler(home, tz=NY, clock=clock, settings=lambda: Settings(job_timeout_s=20),
                  on_started=lambda job: seen.append(record(home, job["id"])))
    try:
        JobStore(home, tz=NY, clock=clock).create("every 5m", script=script(home, "a.sh", "echo a"),
                                                        no_agent=True)
        clock.advance(minutes=5)
        tick_and_wait(s)
    finally:
        s.shutdown()
    (during,) = seen
    assert during["state"] == "running"
    assert during["next_run_at"] == (T0 + timedelta(minutes=10)).astimezone(NY).isoformat()
    claim = during["run_claim"]
    assert claim["by"].endswith(f":{os.getpid()}") and claim["pid"] == os.getpid() and claim["lease_until"]


def test_late_within_grace_runs_normally(home: HermesHome, clock: Clock, sched: Scheduler) -> None:
    job = JobStore(home, tz=NY, clock=clock).create("every 30m", script=script(home, "a.sh", "echo a"),
                                                    no_agent=True)
    clock.advance(minutes=30 + 14)  # grace is 15 min
    assert len(tick_and_wait(sched)) == 1
    rec = record(home, job["id"])
    assert "last_missed" not in rec
    assert rec["next_run_at"] == (T0 + timedelta(minutes=60)).astimezone(NY).isoformat()


def test_late_beyond_grace_runs_once_fast_forwards_and_leaves_a_trace(
    home: HermesHome, clock: Clock, sched: Scheduler
) -> None:
    job = JobStore(home, tz=NY, clock=clock).create("every 30m", script=script(home, "a.sh", "echo a"),
                                                    no_agent=True)
    clock.advance(hours=5, minutes=10)  # 10 occurrences passed while nothing ticked
    assert len(tick_and_wait(sched)) == 1
    assert tick_and_wait(sched) == []  # no burst of missed runs
    rec = record(home, job["id"])
    assert rec["last_missed"]["count"] == 10
    assert rec["next_run_at"] == (T0 + timedelta(hours=5, minutes=30)).astimezone(NY).isoformat()
    run, skipped = runs(home, job["id"])
    first = SessionStore(home.state_db).messages(run.id)[0]
    assert first.role == "system" and "10 scheduled run(s)" in first.content and "past its grace" in first.content
    # the nine occurrences that did not run are a history row of their own
    assert (run.status, skipped.status) == ("ok", "missed")
    span = missed_span(skipped, rec["schedule"], NY)
    assert (span.count, span.first, span.last) == (9, T0 + timedelta(minutes=30), T0 + timedelta(hours=4, minutes=30))


def test_one_shot_fires_within_120s_then_completes(home: HermesHome, clock: Clock, sched: Scheduler) -> None:
    job = JobStore(home, tz=NY, clock=clock).create("in 10m", script=script(home, "a.sh", "echo a"), no_agent=True)
    clock.advance(minutes=11, seconds=50)
    assert len(tick_and_wait(sched)) == 1
    rec = record(home, job["id"])
    assert (rec["state"], rec["enabled"], rec["next_run_at"]) == ("completed", False, None)
    clock.advance(days=1)
    assert tick_and_wait(sched) == []


def test_expired_one_shot_is_not_run_but_marked_missed(home: HermesHome, clock: Clock, sched: Scheduler) -> None:
    job = JobStore(home, tz=NY, clock=clock).create("in 10m", script=script(home, "a.sh", "echo a"), no_agent=True)
    clock.advance(minutes=13)
    report = sched.tick()
    assert report.dispatched == [] and report.missed == [job["id"]]
    rec = record(home, job["id"])
    assert rec["state"] == "error" and "Missed" in rec["last_error"] and rec["last_missed"]["reason"]
    (run,) = runs(home, job["id"])
    assert run.status == "missed"


def test_repeat_times_then_completed_and_kept(home: HermesHome, clock: Clock, sched: Scheduler) -> None:
    job = JobStore(home, tz=NY, clock=clock).create("every 1m", script=script(home, "a.sh", "echo a"),
                                                    no_agent=True, repeat=2)
    for _ in range(4):
        clock.advance(minutes=1)
        tick_and_wait(sched)
    rec = record(home, job["id"])
    assert (rec["state"], rec["repeat"]["completed"], rec["enabled"]) == ("completed", 2, False)
    assert len(runs(home, job["id"])) == 2


def test_paused_and_completed_jobs_are_skipped(home: HermesHome, clock: Clock, sched: Scheduler) -> None:
    store = JobStore(home, tz=NY, clock=clock)
    job = store.create("every 1m", script=script(home, "a.sh", "echo a"), no_agent=True)
    store.pause(job["id"], "not now")
    clock.advance(minutes=3)
    assert tick_and_wait(sched) == []
    store.resume(job["id"])
    clock.advance(minutes=1)
    assert len(tick_and_wait(sched)) == 1


def test_failing_job_is_recorded_and_the_next_still_runs(home: HermesHome, clock: Clock, sched: Scheduler) -> None:
    store = JobStore(home, tz=NY, clock=clock)
    bad = store.create("every 1m", script=script(home, "bad.sh", "echo oops >&2; exit 3"), no_agent=True)
    good = store.create("every 1m", script=script(home, "good.sh", "echo fine"), no_agent=True)
    clock.advance(minutes=1)
    assert len(tick_and_wait(sched)) == 2
    rb, rg = record(home, bad["id"]), record(home, good["id"])
    assert rb["state"] == "error" and "exited with code 3" in rb["last_error"] and "oops" in rb["last_error"]
    assert rg["state"] == "scheduled" and rg["last_status"] == "ok"
    assert runs(home, bad["id"])[0].status == "error"


def test_tick_lock_held_by_another_ticker_means_nothing_runs(home: HermesHome, clock: Clock,
                                                             sched: Scheduler) -> None:
    JobStore(home, tz=NY, clock=clock).create("every 1m", script=script(home, "a.sh", "echo a"), no_agent=True)
    clock.advance(minutes=1)
    with open(home.tick_lock, "w") as fh:  # the way the Hermes gateway takes it
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        report = sched.tick()
    assert report.locked_out and report.dispatched == []
    assert len(tick_and_wait(sched)) == 1  # the next tick, lock free, runs it


def test_malformed_jobs_file_is_reported_not_touched(home: HermesHome, clock: Clock, sched: Scheduler) -> None:
    home.jobs_file.write_text("{ nope")
    report = sched.tick()
    assert report.error and "not valid JSON" in report.error
    assert home.jobs_file.read_text() == "{ nope"


def test_slow_job_does_not_hold_up_the_others(home: HermesHome, clock: Clock, sched: Scheduler) -> None:
    store = JobStore(home, tz=NY, clock=clock)
    gate = home.root / "gate"
    slow = store.create("every 1m", script=script(home, "slow.sh", f"while [ ! -e {gate} ]; do sleep 0.05; done"),
                        no_agent=True)
    fast = store.create("every 1m", script=script(home, "fast.sh", "echo quick"), no_agent=True)
    clock.advance(minutes=1)
    report = sched.tick()
    by_id = {d.job["id"]: d for d in report.dispatched}
    assert by_id[fast["id"]].future.result(timeout=30).ok  # finished while the slow one still runs
    assert not by_id[slow["id"]].future.done()
    gate.touch()
    assert by_id[slow["id"]].future.result(timeout=30).ok


def test_parallel_limit_leaves_the_rest_due_for_the_next_tick(home: HermesHome, clock: Clock) -> None:
    store = JobStore(home, tz=NY, clock=clock)
    ids = [store.create("every 1m", script=script(home, f"j{i}.sh", "echo x"), no_agent=True)["id"] for i in range(3)]
    s = Scheduler(home, tz=NY, clock=clock, settings=lambda: Settings(), max_workers=2)
    try:
        clock.advance(minutes=1)
        first = s.tick()
        first.wait()
        assert len(first.dispatched) == 2 and first.more_due
        second = s.tick()
        second.wait()
        assert len(second.dispatched) == 1
    finally:
        s.shutdown()
    assert all(record(home, i)["last_status"] == "ok" for i in ids)


# --------------------------------------------------------------------------- across processes

SPEED = 30.0  # one real second is half a minute of schedule time (grace: 4 real seconds)


def _fast_clock(origin_real: float) -> datetime:
    return T0 + timedelta(seconds=(time.time() - origin_real) * SPEED)


def _ticker_process(root: str, origin_real: float, stop_real: float) -> None:
    home = HermesHome(Path(root))
    s = Scheduler(home, tz=NY, clock=lambda: _fast_clock(origin_real), settings=lambda: Settings())
    try:
        while time.time() < stop_real:
            s.tick().wait()
            time.sleep(0.02)  # pacing of the loop, not a wait for a result
    finally:
        s.shutdown()


def test_four_processes_ticking_fire_every_occurrence_exactly_once(home: HermesHome) -> None:
    origin = time.time()
    clock = lambda: _fast_clock(origin)  # noqa: E731
    job = JobStore(home, tz=NY, clock=clock).create("every 1m", script=script(home, "c.sh", "echo x"), no_agent=True)
    first_due = datetime.fromisoformat(job["next_run_at"])
    stop = time.time() + 14
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_ticker_process, args=(str(home.root), origin, stop)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    rec = record(home, job["id"])
    fired = runs(home, job["id"])
    expected = round((datetime.fromisoformat(rec["next_run_at"]) - first_due) / timedelta(minutes=1))
    assert expected >= 5  # the loop really ran through several occurrences
    ran = [r for r in fired if r.status == "ok"]
    skipped = sum(missed_span(r, rec["schedule"], NY).count for r in fired if r.status == "missed")
    detail = [(r.id, r.status) for r in fired]
    # every occurrence ran exactly once, or - on a machine too loaded to keep up with the 30x clock - is
    # visibly recorded as missed; none was run twice or lost
    assert len(ran) + skipped == expected and len(ran) == rec["repeat"]["completed"], detail
    assert all(r.status in ("ok", "missed") for r in fired), detail
    starts = sorted(datetime.fromtimestamp(r.started_at, UTC) for r in ran)
    assert len(starts) == len(set(starts)), detail


def test_sigkill_mid_run_is_recovered_and_never_repeated(home: HermesHome, clock: Clock) -> None:
    pidfile = home.root / "child.pid"
    store = JobStore(home, tz=NY, clock=clock)
    job = store.create("every 10m", script=script(home, "long.sh", f"echo $$ > {pidfile}; sleep 60"), no_agent=True)
    env = {**os.environ, "HERMES_HOME": str(home.root), "PYTHONPATH": str(Path(__file__).parents[2])}
    proc = subprocess.Popen([sys.executable, "-m", "hermes_desktop", "cron", "run", job["id"], "--now"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not (pidfile.exists() and pidfile.read_text().strip()):
            assert time.monotonic() < deadline, "the long run never started"
            assert proc.poll() is None
            time.sleep(0.05)
        claimed = record(home, job["id"])
        assert claimed["state"] == "running" and claimed["run_claim"]["pid"] == proc.pid
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if pidfile.exists() and pidfile.read_text().strip():
            # the run's supervisor stops the script when its app dies; this only tidies up if it has not yet
            with contextlib.suppress(ProcessLookupError):
                os.killpg(int(pidfile.read_text()), signal.SIGKILL)

    clock.at = datetime.now(UTC)
    s = Scheduler(home, tz=NY, clock=clock, settings=lambda: Settings(job_timeout_s=20))
    try:
        report = s.tick()
        assert report.recovered == [job["id"]] and report.dispatched == []  # not repeated
        rec = record(home, job["id"])
        assert rec["run_claim"] is None and rec["state"] == "error" and "did not finish" in rec["last_error"]
        (dead,) = runs(home, job["id"])
        assert dead.status == "error" and dead.ended_at is not None
        # The next occurrence fires as usual.
        script(home, "long.sh", "echo back")
        clock.at = datetime.fromisoformat(rec["next_run_at"]) + timedelta(seconds=1)
        assert len(tick_and_wait(s)) == 1
        assert record(home, job["id"])["last_status"] == "ok"
    finally:
        s.shutdown()


def test_run_now_with_every_slot_busy_runs_when_one_frees(home: HermesHome, clock: Clock) -> None:
    store = JobStore(home, tz=NY, clock=clock)
    gate = home.root / "gate"
    busy = store.create("every 1h", script=script(home, "busy.sh", f"while [ ! -e {gate} ]; do sleep 0.05; done"),
                        no_agent=True)
    later = store.create("every 1d", script=script(home, "later.sh", "echo later"), no_agent=True)
    s = Scheduler(home, tz=NY, clock=clock, settings=lambda: Settings(), max_workers=1)
    try:
        first = s.tick(only=busy["id"], force=True)
        assert len(first.dispatched) == 1
        blocked = s.tick(only=later["id"], force=True)
        assert blocked.dispatched == [] and blocked.more_due
        assert datetime.fromisoformat(record(home, later["id"])["next_run_at"]) == clock()  # now due
        gate.touch()
        first.wait()
        assert [d.job["id"] for d in tick_and_wait(s)] == [later["id"]]
    finally:
        s.shutdown()


def test_an_idle_tick_notices_outside_changes_and_the_time_coming(home: HermesHome, clock: Clock, sched: Scheduler,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    store = JobStore(home, tz=NY, clock=clock)
    a = store.create("every 1h", script=script(home, "a.sh", "echo a"), no_agent=True)
    b = store.create("every 2h", script=script(home, "b.sh", "echo b"), no_agent=True)
    assert tick_and_wait(sched) == []
    reads = []
    real_load = JobStore.load
    monkeypatch.setattr(JobStore, "load", lambda self: reads.append(1) or real_load(self))
    assert tick_and_wait(sched) == [] and reads == []  # unchanged file, nothing due: not even read
    # another program makes b due now
    store.mutate(lambda rs: next(r for r in rs if r["id"] == b["id"]).update(next_run_at=clock().isoformat()))
    assert [d.job["id"] for d in tick_and_wait(sched)] == [b["id"]]
    clock.advance(hours=1)  # the cached earliest run has come
    assert [d.job["id"] for d in tick_and_wait(sched)] == [a["id"]]
