"""A read's one pass over the records (JobStore.load's checks, JobView.of) finds what the record helpers find."""

from __future__ import annotations

import json
from datetime import UTC
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.job_view import JobView, search_text, soonest_key
from hermes_desktop.core.jobs import (
    JobStore,
    _document,
    _one_job_per_line,
    duplicate_ids,
    job_state,
    job_title,
    record_problem,
)
from hermes_desktop.core.schedule import parse_instant

TZ = ZoneInfo("America/New_York")
CRON = {"kind": "cron", "expr": "0 9 * * *"}
INSTANTS = ["2027-01-01T09:00:00+00:00", "2027-01-01T09:00:00Z", "2027-01-01T09:00:00+02:00",
            "2027-01-01T09:00:00", "2027-07-01 09:00", "not a time", "", 5, None]


def varied() -> list[Any]:
    """Records of every shape the helpers tell apart."""
    out: list[Any] = []
    for i, at in enumerate(INSTANTS):
        out.append({"id": f"at{i}", "name": f"Job {i}", "schedule": CRON, "next_run_at": at})
    for i, name in enumerate([None, "", "  ", 7, " Padded ", "Ünïcode ß"]):
        out.append({"id": f"name{i}", "name": name, "prompt": "a  long\nprompt " * 9, "schedule": CRON})
    out.append({"id": "script", "script": "run.sh", "schedule": CRON})
    out.append({"id": "bare", "schedule": CRON})
    for i, state in enumerate([None, "paused", "error", "completed", "bogus", 3, "queued"]):
        out.append({"id": f"state{i}", "state": state, "enabled": i % 2 == 0, "schedule": CRON,
                    "next_run_at": INSTANTS[0], "schedule_display": "daily", "prompt": None})
    schedules: list[Any] = [
        {"kind": "cron", "expr": "0 9 * * *"}, {"kind": "cron", "expr": "not cron"}, {"kind": "cron", "expr": 5},
        {"kind": "cron"}, {"kind": "interval", "minutes": 30}, {"kind": "interval", "minutes": 30.5},
        {"kind": "interval", "minutes": True}, {"kind": "interval", "minutes": 0},
        {"kind": "interval", "minutes": 10**12}, {"kind": "interval", "minutes": "30"},
        {"kind": "once", "run_at": "2027-01-01T09:00:00+00:00"}, {"kind": "once", "run_at": "never"},
        {"kind": "weekly"}, "0 9 * * *", None, {"kind": "cron", "expr": "@daily"}, {"kind": "cron", "expr": "@often"},
    ]
    for i, schedule in enumerate(schedules * 2):  # twice: what was accepted (or refused) once is so again
        out.append({"id": f"sched{i}", "schedule": schedule})
    out += [{"id": "twin", "schedule": CRON}, {"id": "twin", "schedule": CRON}, {"id": "  ", "schedule": CRON},
            {"id": 5, "schedule": CRON}, {"name": "no id"}, 5, "text", None, [1], {"id": "last", "schedule": CRON}]
    return out


def reference_load(records: list[Any]) -> tuple[list[Any], list[str]]:
    """What JobStore.load found before it took its one pass: record_problem and duplicate_ids per record."""
    twins = duplicate_ids(records)
    jobs, problems = [], []
    for index, record in enumerate(records):
        problem = record_problem(record)
        if problem is None and record["id"] in twins:
            problem = ("shares its id with another job; neither runs until one of them gets another id "
                       "(the file is left as it is)")
        if problem:
            label = record.get("id") or record.get("name") if isinstance(record, dict) else None
            problems.append(f"Job #{index + 1}{f' ({label})' if label else ''} {problem.rstrip('.')}.")
            continue
        at = record.get("next_run_at")
        found = parse_instant(at, TZ)
        if at is not None and (found.astimezone(UTC) if found else None) is None:
            problems.append(f"Job {record['id']} has an unreadable next_run_at; it is recomputed.")
        jobs.append(record)
    return jobs, problems


@pytest.mark.parametrize("count", [1, 40])  # a small file read whole; a large one in this app's layout
def test_load_finds_the_jobs_and_problems_the_record_helpers_find(tmp_path: Path, count: int) -> None:
    records = varied() * count
    if count > 1:  # ids of their own, but for the twins
        records = [{**r, "id": f"{r['id']}-{i}" if r["id"] != "twin" else "twin"}
                   if isinstance(r, dict) and isinstance(r.get("id"), str) else r for i, r in enumerate(records)]
    home = HermesHome(tmp_path / "home").ensure()
    home.cron_dir.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"jobs": records}, indent=2) if count == 1 else _document({"jobs": records})
    assert (_one_job_per_line(text) is not None) == (count > 1)
    home.jobs_file.write_text(text, encoding="utf-8")
    for _ in range(2):  # the second read with the cron expressions known
        snap = JobStore(home, tz=TZ).load()
        assert snap.error is None
        assert (snap.jobs, snap.problems) == reference_load(records)
        assert list(snap.digests) == [j["id"] for j in snap.jobs]


def test_a_view_holds_what_the_record_helpers_say() -> None:
    for raw in varied():
        if not (isinstance(raw, dict) and isinstance(raw.get("id"), str)):
            continue
        view = JobView.of(raw)
        title = job_title(raw)
        state = job_state(raw)
        found = parse_instant(raw.get("next_run_at"))
        next_run = found.astimezone(UTC) if found else None
        assert (view.raw, view.id, view.title, view.state, view.next_run) == (raw, raw["id"], title, state, next_run)
        assert repr(view.next_run) == repr(next_run)  # in UTC, not only the same instant
        assert view.title_key == title.casefold()
        assert view.by_title == (title.casefold(), raw["id"])
        assert view.soonest == soonest_key(next_run if state.will_run else None, title.casefold(), raw["id"])
        assert view.search == search_text(raw)
