from __future__ import annotations

import fcntl
import json
import multiprocessing
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from hermes_desktop.core.home import HermesHome, resolve_home
from hermes_desktop.core.jobs import (
    AmbiguousJob,
    JobError,
    JobNotFound,
    JobsFileError,
    JobStore,
    LockTimeout,
    job_state,
    job_title,
)
from hermes_desktop.core.schedule import ScheduleError

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 24, 21, 45, 51, tzinfo=UTC)

# A record exactly as hermes-agent writes it, plus fields this app does not know.
HERMES_RECORD = {
    "id": "3d726da5b0b1", "name": "Morning brief", "prompt": "Summarize my inbox",
    "skills": [], "skill": None, "model": None, "provider": None,
    "provider_snapshot": "openrouter", "model_snapshot": "some/model",
    "base_url": None, "script": None, "no_agent": False, "context_from": None,
    "schedule": {"kind": "cron", "expr": "0 9 * * *", "display": "0 9 * * *"},
    "schedule_display": "0 9 * * *", "repeat": {"times": None, "completed": 0},
    "enabled": True, "state": "scheduled", "paused_at": None, "paused_reason": None,
    "created_at": "2026-11-24T21:45:51.925662+00:00", "next_run_at": "2026-11-25T09:00:00+00:00",
    "last_run_at": None, "last_status": None, "last_error": None, "last_delivery_error": None,
    "deliver": "local", "origin": None, "enabled_toolsets": None, "workdir": None,
    "future_hermes_field": {"nested": [1, 2, 3]},
}


def store(home: HermesHome, now: datetime = NOW, **kw: object) -> JobStore:
    return JobStore(home, tz=NY, clock=lambda: now, **kw)  # type: ignore[arg-type]


def write_jobs(home: HermesHome, jobs: list[object], **extra: object) -> None:
    home.jobs_file.write_text(json.dumps({"jobs": jobs, "updated_at": "2026-11-24T21:45:51+00:00", **extra},
                                         indent=2))


def test_home_resolution_order(tmp_path: Path) -> None:
    assert resolve_home(tmp_path / "flag", {"HERMES_HOME": str(tmp_path / "env")}).root == tmp_path / "flag"
    assert resolve_home(None, {"HERMES_HOME": str(tmp_path / "env")}).root == tmp_path / "env"
    assert resolve_home(None, {}).root.name == ".hermes"


def test_home_creates_private_folders(tmp_path: Path) -> None:
    home = HermesHome(tmp_path / "new-home").ensure()
    for folder in (home.root, home.cron_dir, home.output_dir, home.scripts_dir):
        assert folder.is_dir()
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert home.jobs_lock == home.root / "cron" / ".jobs.lock"
    assert home.tick_lock == home.root / "cron" / ".tick.lock"
    assert home.profile("work").root == home.root / "profiles" / "work"


def test_create_writes_a_hermes_shaped_record(home: HermesHome) -> None:
    job = store(home).create("0 9 * * *", "Summarize my inbox", name="Morning brief")
    on_disk = json.loads(home.jobs_file.read_text())
    assert set(on_disk) == {"jobs", "updated_at"}
    rec = on_disk["jobs"][0]
    assert rec == job
    assert len(rec["id"]) == 12 and all(c in "0123456789abcdef" for c in rec["id"])
    for key in HERMES_RECORD:
        if key not in ("provider_snapshot", "model_snapshot", "context_from", "last_delivery_error",
                       "future_hermes_field"):
            assert key in rec, key
    assert rec["schedule"] == {"kind": "cron", "expr": "0 9 * * *", "display": "0 9 * * *"}
    assert rec["next_run_at"] == "2026-11-25T09:00:00-05:00"  # 09:00 in the user's zone, written with its offset
    assert rec["repeat"] == {"times": None, "completed": 0}
    assert stat.S_IMODE(home.jobs_file.stat().st_mode) == 0o600


def test_reads_a_file_written_by_hermes_and_keeps_unknown_fields(home: HermesHome) -> None:
    write_jobs(home, [HERMES_RECORD], hermes_top_level="kept")
    s = store(home)
    job = s.get("Morning brief")
    assert job["id"] == "3d726da5b0b1"
    assert job_title(job) == "Morning brief" and job_state(job) == "scheduled"

    s.pause("3d726da5b0b1", reason="holiday")
    data = json.loads(home.jobs_file.read_text())
    rec = data["jobs"][0]
    assert rec["state"] == "paused" and rec["enabled"] is False and rec["paused_reason"] == "holiday"
    assert rec["future_hermes_field"] == {"nested": [1, 2, 3]}
    assert rec["provider_snapshot"] == "openrouter"
    assert data["hermes_top_level"] == "kept"


def test_every_operation(home: HermesHome) -> None:
    s = store(home)
    a = s.create("every 30m", "Check the build", name="build")
    b = s.create("weekdays at 9am", script="report.py", no_agent=True, repeat=3)
    assert [j["id"] for j in s.list_jobs()] == [a["id"], b["id"]]
    assert s.get("build")["id"] == a["id"] and s.get(b["id"])["script"] == "report.py"

    edited = s.update("build", schedule="every 2h", prompt="Check the nightly build")
    assert edited["schedule"]["minutes"] == 120 and edited["prompt"] == "Check the nightly build"
    assert edited["next_run_at"] == (NOW + timedelta(hours=2)).astimezone(NY).isoformat()

    paused = s.pause("build", reason="vacation")
    assert (paused["state"], paused["enabled"], paused["paused_reason"]) == ("paused", False, "vacation")
    resumed = s.resume("build")
    assert (resumed["state"], resumed["enabled"], resumed["paused_at"]) == ("scheduled", True, None)

    triggered = s.trigger(b["id"])
    assert datetime.fromisoformat(triggered["next_run_at"]) == NOW

    out = home.job_output_dir(b["id"])
    out.mkdir(parents=True)
    (out / "2026-11-24_21-45-51.md").write_text("old output")
    s.remove(b["id"])
    assert not out.exists()
    assert [j["id"] for j in s.list_jobs()] == [a["id"]]


def test_record_run_counts_repeats_and_completes(home: HermesHome) -> None:
    s = store(home)
    job = s.create("every 30m", "ping", repeat=2)
    first = s.record_run(job["id"], ok=True)
    assert first is not None
    assert (first["last_status"], first["repeat"]["completed"], first["state"]) == ("ok", 1, "scheduled")
    failed = s.record_run(job["id"], ok=False, error="boom")
    assert failed is not None
    assert (failed["state"], failed["enabled"], failed["next_run_at"]) == ("completed", False, None)
    assert failed["last_error"] == "boom" and failed["repeat"]["completed"] == 2
    assert s.get(job["id"])["state"] == "completed"  # kept, not deleted


def test_failed_recurring_run_shows_error_state_and_next_run_stays(home: HermesHome) -> None:
    s = store(home)
    job = s.create("every 30m", "ping")
    rec = s.record_run(job["id"], ok=False, error="No model endpoint configured")
    assert rec is not None
    assert rec["state"] == "error" and rec["last_error"] == "No model endpoint configured"
    assert rec["next_run_at"] == job["next_run_at"]


def test_refuses_bad_input_without_writing(home: HermesHome) -> None:
    s = store(home)
    with pytest.raises(ScheduleError):
        s.create("61 * * * *", "x")
    with pytest.raises(JobError, match="prompt"):
        s.create("every 5m")
    with pytest.raises(JobError, match="needs a script"):
        s.create("every 5m", "x", no_agent=True)
    with pytest.raises(JobError, match="scripts/ folder"):
        s.create("every 5m", script="../../etc/passwd", no_agent=True)
    with pytest.raises(JobError, match="scripts/ folder"):
        s.create("every 5m", script="/bin/sh", no_agent=True)
    with pytest.raises(JobError, match="Repeat"):
        s.create("every 5m", "x", repeat=0)
    assert not home.jobs_file.exists()


def test_names_resolve_uniquely(home: HermesHome) -> None:
    s = store(home)
    s.create("every 5m", "a", name="twin")
    s.create("every 5m", "b", name="twin")
    with pytest.raises(AmbiguousJob, match="2 jobs are named 'twin'"):
        s.get("twin")
    with pytest.raises(JobNotFound):
        s.get("nobody")


def test_title_rule() -> None:
    assert job_title({"name": "Morning brief", "prompt": "x"}) == "Morning brief"
    long = "Summarize " * 20
    title = job_title({"name": None, "prompt": long})
    assert len(title) == 60 and title.endswith("…")
    assert job_title({"prompt": "", "script": "backup.sh", "id": "abc"}) == "backup.sh"
    assert job_title({"id": "abc123"}) == "abc123"
    assert job_title({}) == "Cron job"
    assert job_state({"enabled": False}) == "disabled"
    assert job_state({"state": "running"}) == "running"


# --------------------------------------------------------------------------- damaged files


def test_malformed_file_is_never_overwritten(home: HermesHome) -> None:
    broken = b'{"jobs": [ {"id": "abc", "name": "half a file'
    home.jobs_file.write_bytes(broken)
    s = store(home)
    snap = s.load()
    assert snap.error and "not valid JSON" in snap.error and "line 1" in snap.error
    with pytest.raises(JobsFileError):
        s.create("every 5m", "x")
    with pytest.raises(JobsFileError):
        s.list_jobs()
    assert home.jobs_file.read_bytes() == broken

    write_jobs(home, [])  # the user fixes it: writes work again
    assert s.create("every 5m", "x")["id"]


@pytest.mark.parametrize("content", [b'"just a string"', b"\xff\xfe garbage", b'{"jobs": {"not": "a list"}}'])
def test_other_unreadable_files_are_left_alone(home: HermesHome, content: bytes) -> None:
    home.jobs_file.write_bytes(content)
    with pytest.raises(JobsFileError):
        store(home).create("every 5m", "x")
    assert home.jobs_file.read_bytes() == content


def test_one_malformed_record_does_not_hide_the_others(home: HermesHome) -> None:
    good = dict(HERMES_RECORD)
    no_id = {**HERMES_RECORD, "id": None, "name": "nameless"}
    bad_schedule = {**HERMES_RECORD, "id": "badbadbadbad", "schedule": "0 9 * * *"}
    bad_next = {**HERMES_RECORD, "id": "000000000001", "name": "bad next", "next_run_at": "tomorrow-ish"}
    write_jobs(home, [no_id, good, "not even an object", bad_schedule, bad_next])
    s = store(home)
    snap = s.load()
    assert [j["id"] for j in snap.jobs] == ["3d726da5b0b1", "000000000001"]
    assert len(snap.problems) == 4
    assert any("has no id" in p for p in snap.problems)
    assert any("not an object" in p for p in snap.problems)
    assert any("next_run_at" in p for p in snap.problems)

    s.pause("3d726da5b0b1")  # a write keeps the malformed records exactly as they were
    records = json.loads(home.jobs_file.read_text())["jobs"]
    assert records[0] == no_id and records[2] == "not even an object" and records[3] == bad_schedule


def test_lock_wait_is_bounded_with_a_clear_error(home: HermesHome) -> None:
    s = store(home, lock_timeout=0.2)
    s.create("every 5m", "x")
    before = home.jobs_file.read_bytes()
    # Hermes takes a plain flock on the same path; hold one the way it does.
    with open(home.jobs_lock, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(LockTimeout, match="nothing was changed"):
            s.create("every 5m", "y")
    assert home.jobs_file.read_bytes() == before
    assert home.jobs_lock.exists()  # the lock file is kept: Hermes locks this very path


def _hammer(root: str, job_id: str, field: str, n: int) -> None:
    s = JobStore(HermesHome(Path(root)), tz=NY, lock_timeout=60)
    for i in range(n):
        def change(records: list[dict], i: int = i) -> None:
            for rec in records:
                if rec["id"] == job_id:
                    rec.setdefault(field, []).append(i)
        s.mutate(change)


def test_two_processes_lose_no_update(home: HermesHome) -> None:
    job = store(home).create("every 5m", "x")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_hammer, args=(str(home.root), job["id"], f"by_{n}", 200)) for n in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    rec = json.loads(home.jobs_file.read_text())["jobs"][0]
    assert rec["by_0"] == list(range(200)) and rec["by_1"] == list(range(200))
    leftovers = [p for p in os.listdir(home.cron_dir) if p.endswith(".tmp")]
    assert leftovers == []


@pytest.mark.parametrize("stamp", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"])
def test_a_next_run_at_the_edge_of_the_calendar_is_unreadable_not_a_crash(home: HermesHome, stamp: str) -> None:
    """A hand-edited next run that has no UTC instant (before year 1 or after 9999 in UTC): the job is listed,
    its next run called unreadable (and worked out again), and a tick goes on."""
    from hermes_desktop.core.scheduler import Scheduler

    write_jobs(home, [{**HERMES_RECORD, "next_run_at": stamp}, {**HERMES_RECORD, "id": "other", "name": "Other"}])
    snap = JobStore(home).load()
    assert snap.error is None and [j["id"] for j in snap.jobs] == ["3d726da5b0b1", "other"]
    assert snap.problems == ["Job 3d726da5b0b1 has an unreadable next_run_at; it is recomputed."]
    s = Scheduler(home, clock=lambda: datetime(2026, 11, 24, 12, tzinfo=UTC))
    try:
        report = s.tick()
        assert report.error is None
    finally:
        s.shutdown()
