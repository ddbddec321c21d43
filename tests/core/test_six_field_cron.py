"""Cron records with croniter's seconds (6th) and year (7th) fields, which Hermes accepts, are jobs like any other."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.schedule import describe, next_runs, parse_schedule
from hermes_desktop.core.scheduler import Scheduler
from hermes_desktop.core.sessions import SessionStore
from hermes_desktop.core.settings import Settings

TOKYO = ZoneInfo("Asia/Tokyo")
NOW = datetime(2026, 11, 26, 5, 0, tzinfo=UTC)


def hermes_record(job_id: str, expr: str, next_run_at: str) -> dict:
    """A job exactly as `hermes cron create EXPR p` (hermes-agent 0.19.0) writes it."""
    return {
        "id": job_id, "name": "p", "prompt": "p", "skills": [], "skill": None, "model": None, "provider": None,
        "provider_snapshot": None, "model_snapshot": None, "base_url": None, "script": "tick.sh", "no_agent": True,
        "context_from": None, "schedule": {"kind": "cron", "expr": expr, "display": expr}, "schedule_display": expr,
        "repeat": {"times": None, "completed": 0}, "enabled": True, "state": "scheduled", "paused_at": None,
        "paused_reason": None, "created_at": "2026-11-26T13:47:03.193841+09:00", "next_run_at": next_run_at,
        "last_run_at": None, "last_status": None, "last_error": None, "last_delivery_error": None,
        "deliver": "local", "origin": None, "enabled_toolsets": None, "workdir": None,
    }


def test_a_seconds_field_job_is_listed_and_described(home: HermesHome) -> None:
    home.jobs_file.write_text(json.dumps({"jobs": [hermes_record("a1b2c3d4e5f6", "*/5 * * * * 30",
                                                                 "2026-11-26T14:05:30+09:00")]}))
    snap = JobStore(home, tz=TOKYO).load()
    assert [j["id"] for j in snap.jobs] == ["a1b2c3d4e5f6"] and snap.problems == []
    d = describe(snap.jobs[0]["schedule"], TOKYO)
    assert d.shape == "cron" and d.expr == "30 */5 * * * *"  # cron-descriptor's order: seconds first


def test_next_runs_honour_the_seconds_and_year_fields() -> None:
    every5 = parse_schedule("*/5 * * * * 30", now=NOW, tz=TOKYO)
    assert [o.at for o in next_runs(every5, NOW, 2, TOKYO)] == [NOW + timedelta(seconds=30),
                                                               NOW + timedelta(minutes=5, seconds=30)]
    in2027 = parse_schedule("0 9 * * * 0 2027", now=NOW, tz=TOKYO)
    assert next_runs(in2027, NOW, 1, TOKYO)[0].at == datetime(2027, 1, 1, 0, 0, tzinfo=UTC)  # 09:00 Tokyo
    # a zero seconds field reads as the plain five-field daily schedule
    assert describe(parse_schedule("0 9 * * * 0", now=NOW, tz=TOKYO), TOKYO).shape == "daily"


def test_an_ended_year_schedule_has_no_next_run() -> None:
    ended = {"kind": "cron", "expr": "0 9 * * * 0 2020", "display": "0 9 * * * 0 2020"}
    assert next_runs(ended, NOW, 3, TOKYO) == []


def test_a_seconds_field_job_fires(home: HermesHome) -> None:
    (home.scripts_dir / "tick.sh").write_text("echo ticked\n")
    home.jobs_file.write_text(json.dumps({"jobs": [hermes_record("a1b2c3d4e5f6", "*/5 * * * * 30",
                                                                 "2026-11-26T14:00:30+09:00")]}))
    clock = [NOW + timedelta(seconds=31)]
    sched = Scheduler(home, tz=TOKYO, clock=lambda: clock[0], settings=lambda: Settings(job_timeout_s=20))
    try:
        report = sched.tick()
        results = report.wait()
    finally:
        sched.shutdown()
    assert [r.ok for r in results if r] == [True]
    job = JobStore(home, tz=TOKYO).get("a1b2c3d4e5f6")
    assert job["next_run_at"] == "2026-11-26T14:05:30+09:00"
    assert SessionStore(home.state_db).cron_runs("a1b2c3d4e5f6")[0].status == "ok"
