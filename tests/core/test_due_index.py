"""A tick looks only at the jobs the due index names: it must name every job that is due, claimed or running,
after this process's own writes and after anyone else's, and the next wake must be the earliest next run."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from hermes_desktop.core.due_index import DueIndex
from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore, job_next_run, job_state, usable
from hermes_desktop.core.scheduler import Scheduler
from hermes_desktop.core.settings import Settings
from hermes_desktop.core.states import JobState

NY = ZoneInfo("America/New_York")
T0 = datetime(2026, 11, 24, 12, 0, 0, tzinfo=UTC)


def _brute(records: list[Any], now: datetime) -> tuple[set[str], datetime | None]:
    """What a walk over every record finds: the jobs to look at now, and the earliest later next run."""
    look: set[str] = set()
    wake: datetime | None = None
    for job in usable(records):
        state = job_state(job)
        if job.get("run_claim") is not None or state == JobState.RUNNING:
            look.add(job["id"])
            continue
        if state.at_rest or not job.get("enabled", True):
            continue
        due = job_next_run(job, NY)
        if due is None or due <= now:
            look.add(job["id"])
        elif wake is None or due < wake:
            wake = due
    return look, wake


def _random_record(rng: random.Random, n: int) -> Any:
    kind = rng.random()
    if kind < 0.03:
        return ["not", "a", "job"]
    job: dict[str, Any] = {"id": f"j{rng.randrange(n + 5):03d}", "name": "x",
                           "schedule": {"kind": "interval", "minutes": rng.choice([5, 60])}}
    if kind < 0.06:
        job["schedule"] = {"kind": "weird"}
    job["next_run_at"] = rng.choice([
        (T0 + timedelta(minutes=rng.randrange(-120, 600))).astimezone(NY).isoformat(),
        (T0 + timedelta(minutes=rng.randrange(-120, 600))).strftime("%Y-%m-%dT%H:%M:%S"),  # naive: read in NY
        None, "garbage"])
    job["state"] = rng.choice(["scheduled"] * 6 + ["paused", "completed", "running", "error", None])
    job["enabled"] = rng.random() > 0.1
    if rng.random() < 0.08:
        job["run_claim"] = {"at": T0.isoformat(), "by": "elsewhere:1"}
    return job


def _change(rng: random.Random, job: dict[str, Any]) -> None:
    what = rng.randrange(5)
    if what == 0:
        job["next_run_at"] = (T0 + timedelta(minutes=rng.randrange(-60, 600))).astimezone(NY).isoformat()
    elif what == 1:
        job["state"] = rng.choice(["scheduled", "paused", "running", "completed"])
    elif what == 2:
        job["run_claim"] = None if job.get("run_claim") else {"at": T0.isoformat(), "by": "me:1"}
    elif what == 3:
        job["enabled"] = not job.get("enabled", True)
    else:
        job["next_run_at"] = None


@pytest.mark.parametrize("seed", range(12))
def test_the_index_names_what_a_walk_over_every_job_finds_through_writes_here_and_elsewhere(
        home: HermesHome, seed: int) -> None:
    rng = random.Random(seed)
    records = [_random_record(rng, 60) for _ in range(60)]
    elsewhere = JobStore(home, tz=NY)
    elsewhere.mutate(lambda rs: rs.extend(records))
    here = JobStore(home, tz=NY)
    index: list[DueIndex] = []

    def current(rs: list[Any]) -> DueIndex:
        if not index or not index[0].describes(rs, NY):
            index[:] = [DueIndex(rs, NY)]
        return index[0]

    here.on_written = lambda write: index[0].written(write) if index else None
    for step in range(40):
        now = T0 + timedelta(minutes=rng.randrange(-30, 700))

        def check(rs: list[Any], now: datetime = now, step: int = step) -> None:
            idx = current(rs)
            look, wake = _brute(rs, now)
            named = idx.to_look_at(now.timestamp())
            assert set(named) == look and len(named) == len(look), f"step {step}"
            assert idx.anything_now(now.timestamp()) == bool(look)
            assert idx.earliest_after(now.timestamp()) == wake, f"step {step}"

        here.with_records(check)
        if rng.random() < 0.75:  # a write of ours: a few records changed in place, the index told
            def ours(rs: list[Any]) -> tuple[None, list[int]]:
                picks = rng.sample([i for i, r in enumerate(rs) if isinstance(r, dict)], 3)
                for i in picks:
                    _change(rng, rs[i])
                return None, picks

            here.mutate_some(ours)
        else:  # another program's write: read again, the index built again
            def theirs(rs: list[Any]) -> None:
                for r in rng.sample([r for r in rs if isinstance(r, dict)], 3):
                    _change(rng, r)
                if rng.random() < 0.3:
                    rs.append(_random_record(rng, 60))

            elsewhere.mutate(theirs)


@pytest.fixture
def sched(home: HermesHome) -> Iterator[tuple[Scheduler, list[datetime]]]:
    now = [T0]
    s = Scheduler(home, tz=NY, clock=lambda: now[0], settings=lambda: Settings(job_timeout_s=20))
    yield s, now
    s.shutdown()


def test_a_job_this_ticker_made_due_runs_at_the_next_tick_and_its_next_run_sets_the_wake(
        home: HermesHome, sched: tuple[Scheduler, list[datetime]]) -> None:
    s, now = sched
    (home.scripts_dir / "hi.sh").write_text("echo hi")
    job = s.store.create("every 1h", script="hi.sh", no_agent=True, name="hi")  # this ticker's own store
    other = s.store.create("every 2h", script="hi.sh", no_agent=True, name="later")
    assert s.tick().dispatched == []
    assert s.next_wake() == T0 + timedelta(hours=1)
    s.store.trigger(job["id"])  # due now, written by the ticker's own store: the index is told, not rebuilt
    report = s.tick()
    report.wait()
    assert [d.job["id"] for d in report.dispatched] == [job["id"]]
    assert s.tick().dispatched == []  # ran once
    assert s.next_wake() == T0 + timedelta(hours=1)  # its next run, as the run's outcome wrote it
    s.store.pause(job["id"])
    s.tick()
    assert s.next_wake() == T0 + timedelta(hours=2)  # paused: the other job is next
    now[0] = T0 + timedelta(hours=2)
    report = s.tick()
    report.wait()
    assert [d.job["id"] for d in report.dispatched] == [other["id"]]


def test_a_job_falling_due_while_a_tick_writes_its_claims_is_still_the_next_wake(
        home: HermesHome, sched: tuple[Scheduler, list[datetime]]) -> None:
    s, now = sched
    (home.scripts_dir / "hi.sh").write_text("echo hi")
    a = s.store.create("every 1h", script="hi.sh", no_agent=True, name="a")
    s.store.create("every 2h", script="hi.sh", no_agent=True, name="b")
    due = datetime.fromisoformat(a["next_run_at"])
    now[0] = due - timedelta(milliseconds=5)
    c = s.store.create("every 3h", script="hi.sh", no_agent=True, name="c")
    s.store.trigger(c["id"])  # the tick has something to claim: it writes
    pick = s._pick

    def slow_pick(*args: Any) -> Any:
        out = pick(*args)
        now[0] = due + timedelta(milliseconds=5)  # the claim's write takes 10 ms, and a falls due meanwhile
        return out

    s._pick = slow_pick  # type: ignore[method-assign]
    report = s.tick()
    report.wait()
    assert [d.job["name"] for d in report.dispatched] == ["c"]
    assert s.next_wake() == due  # a: the ticker comes back for it at once, not at the next minute


def test_a_write_that_reorders_the_records_still_fires_the_right_job(
        home: HermesHome, sched: tuple[Scheduler, list[datetime]]) -> None:
    s, now = sched
    (home.scripts_dir / "hi.sh").write_text("echo hi")
    a = s.store.create("every 1h", script="hi.sh", no_agent=True, name="a")
    for n in range(3):
        s.store.create("every 2h", script="hi.sh", no_agent=True, name=f"later {n}")
    assert s.tick().dispatched == []  # the index is built
    s.store.mutate(lambda records: records.reverse())  # the same records, in another order: no record changed
    now[0] = datetime.fromisoformat(a["next_run_at"])
    report = s.tick()
    report.wait()
    assert [d.job["name"] for d in report.dispatched] == ["a"]
    assert JobStore(home, tz=NY).get(a["id"])["last_status"] == "ok"
