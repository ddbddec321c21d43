"""A run claimed by a tick but not started when the app quits is given back, not lost (#12 found it under
load: four tickers on one home, one occurrence claimed at shutdown that neither ran nor was recorded)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.scheduler import Scheduler
from hermes_desktop.core.settings import Settings
from tests.core.test_scheduler import NY, Clock, record, runs, script


def queued_behind_a_busy_pool(s: Scheduler) -> Callable[[], None]:
    """Keep the scheduler's pool busy with something else, so what the next tick claims waits in its queue;
    returns what frees it."""
    gate = threading.Event()
    s.pool.submit(gate.wait)
    real = s.pool.shutdown

    def shutdown(wait: bool = True, *, cancel_futures: bool = False) -> None:
        real(wait=False, cancel_futures=cancel_futures)  # the queued run is dropped here, as at a real quit
        gate.set()
        real(wait=wait)

    s.pool.shutdown = shutdown  # type: ignore[method-assign]
    return gate.set


def test_a_claimed_run_that_never_started_is_given_back_at_shutdown(home: HermesHome) -> None:
    clock = Clock()
    store = JobStore(home, tz=NY, clock=clock)
    job = store.create("every 1h", script=script(home, "x.sh", "echo ran"), no_agent=True)
    due = job["next_run_at"]
    s = Scheduler(home, tz=NY, clock=clock, settings=lambda: Settings(), max_workers=1)
    queued_behind_a_busy_pool(s)
    clock.advance(hours=1, seconds=5)
    report = s.tick()
    assert [d.job["id"] for d in report.dispatched] == [job["id"]]
    assert record(home, job["id"]).get("run_claim") is not None  # claimed…
    s.shutdown()  # …and the app quits before the run starts
    rec = record(home, job["id"])
    assert rec.get("run_claim") is None and rec["state"] == "scheduled"
    assert rec["next_run_at"] == due  # still due: the next ticker runs it (or records it missed)
    assert runs(home, job["id"]) == []
    # The app starts again (or a Hermes gateway ticks): the occurrence runs, once
    again = Scheduler(home, tz=NY, clock=clock, settings=lambda: Settings())
    try:
        report = again.tick()
        report.wait()
        assert len(report.dispatched) == 1
    finally:
        again.shutdown()
    assert [r.status for r in runs(home, job["id"])] == ["ok"]


def test_a_run_that_started_is_not_given_back(home: HermesHome) -> None:
    """Only runs that never started are released: one that ran keeps its outcome and its advanced schedule."""
    clock = Clock()
    store = JobStore(home, tz=NY, clock=clock)
    job = store.create("every 1h", script=script(home, "x.sh", "echo ran"), no_agent=True)
    s = Scheduler(home, tz=NY, clock=clock, settings=lambda: Settings())
    clock.advance(hours=1, seconds=5)
    report = s.tick()
    report.wait()
    s.shutdown()
    rec: dict[str, Any] = record(home, job["id"])
    assert rec["last_status"] == "ok" and rec["next_run_at"] != job["next_run_at"]


def test_runs_a_late_tick_folds_within_grace_are_recorded_as_missed(home: HermesHome) -> None:
    """An every-minute job whose ticker comes 70 s late (a busy machine, within the 2-minute grace) runs once;
    the occurrence it passed over is a missed row, not silently gone (found by four tickers under load)."""
    clock = Clock()
    store = JobStore(home, tz=NY, clock=clock)
    job = store.create("every 1m", script=script(home, "m.sh", "echo ran"), no_agent=True)
    s = Scheduler(home, tz=NY, clock=clock, settings=lambda: Settings())
    try:
        clock.advance(minutes=1, seconds=70)  # due at +1 min; the next one at +2 min has passed too
        report = s.tick()
        report.wait()
        assert len(report.dispatched) == 1
    finally:
        s.shutdown()
    statuses = sorted(str(r.status) for r in runs(home, job["id"]))
    assert statuses == ["missed", "ok"]
    rec = record(home, job["id"])
    assert rec["next_run_at"] > job["next_run_at"]


def test_a_late_tick_with_nothing_passed_over_records_no_miss(home: HermesHome) -> None:
    clock = Clock()
    store = JobStore(home, tz=NY, clock=clock)
    job = store.create("every 10m", script=script(home, "m.sh", "echo ran"), no_agent=True)
    s = Scheduler(home, tz=NY, clock=clock, settings=lambda: Settings())
    try:
        clock.advance(minutes=10, seconds=70)
        s.tick().wait()
    finally:
        s.shutdown()
    assert [str(r.status) for r in runs(home, job["id"])] == ["ok"]


def test_a_given_back_run_that_passed_occurrences_over_does_not_record_them_twice(home: HermesHome) -> None:
    clock = Clock()
    store = JobStore(home, tz=NY, clock=clock)
    job = store.create("every 1m", script=script(home, "m.sh", "echo ran"), no_agent=True)
    s = Scheduler(home, tz=NY, clock=clock, settings=lambda: Settings(), max_workers=1)
    queued_behind_a_busy_pool(s)
    clock.advance(minutes=1, seconds=70)  # late within grace: one occurrence passed over, recorded missed
    assert len(s.tick().dispatched) == 1
    s.shutdown()  # the run never started: given back
    again = Scheduler(home, tz=NY, clock=clock, settings=lambda: Settings())
    try:
        again.tick().wait()
    finally:
        again.shutdown()
    statuses = sorted(str(r.status) for r in runs(home, job["id"]))
    assert statuses == ["missed", "ok"]  # the passed-over occurrence once, the run once
