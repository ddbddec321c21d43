"""One run history for both programs, checked against the real Hermes (hermes-agent 0.19.0).

The app's runs appear in ``hermes cron runs``; Hermes' runs of a no-agent
script job (which write no state.db session) appear in the app's history and
in ``hermes-desktop cron runs``. Both homes read schedules in Asia/Tokyo, so
the ledger's times carry an offset other than UTC.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hermes_desktop.core.executions import LedgerRun, output_file
from hermes_desktop.core.history import job_runs
from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.scheduler import Scheduler
from hermes_desktop.core.sessions import CronRun, SessionStore
from hermes_desktop.core.settings import Settings
from hermes_desktop.core.zone import forget_zones
from tests.hermes_agent import hermes_env, hermes_python, needs_hermes, run_hermes_python

pytestmark = needs_hermes

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def tokyo(home: HermesHome) -> HermesHome:
    (home.root / "config.yaml").write_text("timezone: Asia/Tokyo\n")
    forget_zones()
    return home


@pytest.fixture
def sched(tokyo: HermesHome) -> Iterator[Scheduler]:
    s = Scheduler(tokyo, settings=lambda: Settings(job_timeout_s=60))
    yield s
    s.shutdown()


def hermes_cli(home: HermesHome, *args: str) -> str:
    python = hermes_python()
    assert python is not None
    done = subprocess.run([str(python.parent / "hermes"), *args], env=hermes_env(home.root), capture_output=True,
                          text=True, timeout=120, cwd=str(home.root))
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def hermes_runs(home: HermesHome, job_id: str) -> list[list[str]]:
    """``hermes cron runs JOB`` as rows of words: id, status, job=…, source=…, claimed_at (an error line: its words)."""
    return [line.split() for line in hermes_cli(home, "cron", "runs", job_id).splitlines() if line.strip()]


def app_job(home: HermesHome, name: str, body: str) -> dict:
    (home.scripts_dir / name).write_text(body)
    job = JobStore(home).create("every 1h", script=name, no_agent=True, name=name)
    JobStore(home).trigger(job["id"])  # due at the next tick
    return job


def test_hermes_lists_the_runs_the_app_fires(tokyo: HermesHome, sched: Scheduler) -> None:
    good = app_job(tokyo, "good.sh", "echo fine\n")
    bad = app_job(tokyo, "bad.sh", "echo broken >&2\nexit 3\n")
    results = sched.tick().wait()
    assert sorted(r.ok for r in results if r) == [False, True]
    ((row_id, status, job, source, claimed),) = hermes_runs(tokyo, good["id"])
    assert (status, job, source) == ("completed", f"job={good['id']}", "source=hermes-desktop")
    assert claimed.endswith("+09:00") and len(row_id) == 32
    listed = hermes_runs(tokyo, bad["id"])
    first, *error = listed
    assert first[1] == "failed" and len(first) == 5, listed
    assert "exited with code 3" in " ".join(" ".join(line) for line in error)
    # the app's own history shows each run once: as its session, with the transcript
    assert [type(r) for r in job_runs(SessionStore(tokyo.state_db), tokyo, good["id"])] == [CronRun]


def test_hermes_sees_a_run_of_the_app_in_flight_and_leaves_it_alone(tokyo: HermesHome, sched: Scheduler) -> None:
    started, release = tokyo.root / "started.fifo", tokyo.root / "release.fifo"
    os.mkfifo(started)
    os.mkfifo(release)
    watch = os.open(started, os.O_RDONLY | os.O_NONBLOCK)
    job = app_job(tokyo, "gated.sh", f'echo up > "{started}"\nread line < "{release}"\necho done\n')
    report = sched.tick()
    try:
        assert select.select([watch], [], [], 30)[0], "the script did not start"
        assert hermes_runs(tokyo, job["id"])[0][1] == "running"
        # what Hermes does when its scheduler starts: rows of owners that are gone become "unknown"
        recovered = run_hermes_python(tokyo.root, "from cron.executions import recover_interrupted_executions\n"
                                                  "print(recover_interrupted_executions())")
        assert recovered.strip().splitlines()[-1] == "0"  # the app's pid and start time prove it alive
    finally:
        os.close(watch)
        with open(release, "w") as fifo:
            fifo.write("go\n")
    report.wait()
    assert hermes_runs(tokyo, job["id"])[0][1] == "completed"


HERMES_FIRES = """
import json
from datetime import datetime, timedelta, timezone
from cron.jobs import create_job, update_job
from cron.scheduler import tick
job = create_job(prompt=None, schedule="every 1h", name="Disk watch", script="watch.sh", no_agent=True)
update_job(job["id"], {"next_run_at": (datetime.now(timezone.utc) - timedelta(seconds=5)).isoformat()})
print(json.dumps({"job": job["id"], "ran": tick(verbose=False)}))
"""


def test_the_app_lists_the_runs_hermes_fires_for_a_script_job(tokyo: HermesHome) -> None:
    (tokyo.scripts_dir / "watch.sh").write_text("echo disk 93% full\n")
    fired = json.loads(run_hermes_python(tokyo.root, HERMES_FIRES).strip().splitlines()[-1])
    job_id = fired["job"]
    assert fired["ran"] == 1
    sessions = SessionStore(tokyo.state_db)
    assert sessions.cron_runs(job_id) == []  # Hermes wrote no session for it
    (run,) = job_runs(sessions, tokyo, job_id)
    assert isinstance(run, LedgerRun) and (run.status, run.source) == ("ok", "builtin")
    path = output_file(tokyo, run)
    assert path is not None and "disk 93% full" in path.read_text()

    done = subprocess.run([sys.executable, "-m", "hermes_desktop", "--home", str(tokyo.root), "cron", "runs",
                           job_id, "--json"], capture_output=True, text=True, timeout=120, cwd=str(ROOT),
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    (listed,) = json.loads(done.stdout)
    assert (listed["id"], listed["status"], listed["source"]) == (run.id, "ok", "builtin")
    assert listed["started_at"].endswith("+09:00") and listed["output_file"] == str(path)


def test_runs_of_both_programs_of_one_job_are_in_both_histories(tokyo: HermesHome, sched: Scheduler) -> None:
    (tokyo.scripts_dir / "watch.sh").write_text("echo checked\n")
    job_id = json.loads(run_hermes_python(tokyo.root, HERMES_FIRES).strip().splitlines()[-1])["job"]
    JobStore(tokyo).trigger(job_id)
    (result,) = sched.tick().wait()
    assert result is not None and result.ok
    assert [(r[1], r[3]) for r in hermes_runs(tokyo, job_id)] == [("completed", "source=hermes-desktop"),
                                                                   ("completed", "source=builtin")]
    ours, theirs = job_runs(SessionStore(tokyo.state_db), tokyo, job_id)
    assert (type(ours), type(theirs)) == (CronRun, LedgerRun) and ours.id == result.session_id
