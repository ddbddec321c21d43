"""An edit changes only the fields that changed: next_run_at and state move only when the schedule really does."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.schedule import ScheduleError

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 26, 5, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.at = NOW

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(home: HermesHome, clock: Clock) -> JobStore:
    return JobStore(home, tz=NY, clock=clock)


def _raw(home: HermesHome, job_id: str) -> dict:
    return next(j for j in json.loads(home.jobs_file.read_text())["jobs"] if j["id"] == job_id)


@pytest.mark.parametrize("same", ["every 2h", "every 120m", "2h", "every 120 minutes"])
def test_the_same_interval_in_other_words_moves_nothing(store: JobStore, clock: Clock, same: str) -> None:
    job = store.create("every 2h", "p")
    clock.at += timedelta(minutes=47)  # the next run is 73 min away now
    edited = store.update(job["id"], schedule=same, name="Renamed")
    assert edited["next_run_at"] == job["next_run_at"]
    assert edited["name"] == "Renamed" and edited["schedule"] == job["schedule"]


def test_a_rename_keeps_a_daily_jobs_next_run_and_its_error_state(store: JobStore, clock: Clock,
                                                                   home: HermesHome) -> None:
    job = store.create("0 9 * * *", "p")
    store.mutate(lambda rs: rs[0].update(state="error", last_status="error", last_error="boom"))
    clock.at += timedelta(hours=20)  # past today's 09:00 in New York: a recompute would skip a day
    edited = store.update(job["id"], name="Morning", schedule="every day at 9am")  # same times, other words
    assert edited["next_run_at"] == job["next_run_at"]
    assert (edited["state"], edited["last_error"]) == ("error", "boom")
    assert _raw(home, job["id"])["schedule"]["expr"] == "0 9 * * *"


def test_a_real_schedule_change_moves_the_next_run(store: JobStore, clock: Clock) -> None:
    job = store.create("every 2h", "p")
    edited = store.update(job["id"], schedule="every 3h")
    assert edited["next_run_at"] == (NOW + timedelta(hours=3)).astimezone(NY).isoformat()
    assert edited["schedule"]["minutes"] == 180


def test_a_past_one_shot_can_be_renamed_and_given_a_new_time(store: JobStore, clock: Clock) -> None:
    job = store.create("in 30m", "p")
    run_at = job["schedule"]["run_at"]
    # it was missed: Hermes' and this app's tickers leave it like this
    store.mutate(lambda rs: rs[0].update(state="error", enabled=False, next_run_at=None, last_status="error",
                                         last_error="Missed", repeat={"times": 1, "completed": 1}))
    clock.at += timedelta(days=1)
    renamed = store.update(job["id"], name="Call mum", schedule=run_at)  # the editor sends what it shows
    assert (renamed["name"], renamed["state"], renamed["next_run_at"]) == ("Call mum", "error", None)
    with pytest.raises(ScheduleError) as refused:
        store.update(job["id"], schedule="2026-11-20T10:00")
    assert refused.value.code == "past"
    again = store.update(job["id"], schedule="in 15m")
    assert again["state"] == "scheduled" and again["enabled"] is True
    assert again["next_run_at"] == (clock.at + timedelta(minutes=15)).astimezone(NY).isoformat()
    assert again["repeat"] == {"times": 1, "completed": 0}  # not spent: neither program removes it


def test_cron_edit_with_the_same_schedule_leaves_the_file_alone(home: HermesHome) -> None:
    store = JobStore(home)
    job = store.create("every 2h", "p")
    before = home.jobs_file.read_bytes()
    cmd = [sys.executable, "-m", "hermes_desktop", "--home", str(home.root), "cron", "edit", job["id"],
           "--schedule", "every 2h"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(home.jobs_file.read_bytes())["jobs"] == json.loads(before)["jobs"]
