"""Every bad input gets one clear line, the right exit status, no traceback - and the home is left as it was.

Exit status: 2 for bad input, 1 for a failure (README). Each case builds a
home, runs one ``hermes-desktop cron`` command in a fresh process, and
compares every file of the home before and after.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from hermes_desktop.core.home import HermesHome

JOB = {"id": "3d726da5b0b1", "name": "Morning brief", "prompt": "Summarize my inbox", "script": None,
       "no_agent": False, "model": None, "provider": None, "base_url": None,
       "schedule": {"kind": "cron", "expr": "0 9 * * *", "display": "0 9 * * *"}, "schedule_display": "0 9 * * *",
       "repeat": {"times": None, "completed": 0}, "enabled": True, "state": "scheduled", "paused_at": None,
       "paused_reason": None, "created_at": "2026-11-24T21:45:51.925662+00:00",
       "next_run_at": "2000-11-25T09:00:00+00:00", "last_run_at": None, "last_status": None, "last_error": None,
       "deliver": "local", "workdir": None, "skills": [], "skill": None, "origin": None, "enabled_toolsets": None}


def jobs(*records: dict) -> Callable[[HermesHome], None]:
    def make(home: HermesHome) -> None:
        home.jobs_file.write_text(json.dumps({"jobs": list(records)}, indent=2))
    return make


def interval(minutes: object) -> dict:
    return {**JOB, "id": "aaaaaaaaaaaa", "schedule": {"kind": "interval", "minutes": minutes, "display": "x"}}


def raw_jobs(text: str) -> Callable[[HermesHome], None]:
    def make(home: HermesHome) -> None:
        home.jobs_file.write_text(text)
    return make


def state_db_dir(home: HermesHome) -> None:
    jobs(JOB)(home)
    home.state_db.mkdir()


def state_db_garbage(home: HermesHome) -> None:
    jobs(JOB)(home)
    home.state_db.write_bytes(b"this is not a database\n" * 100)


def lock_dir(name: str) -> Callable[[HermesHome], None]:
    def make(home: HermesHome) -> None:
        jobs(JOB)(home)
        (home.cron_dir / name).mkdir()
    return make


def nothing(home: HermesHome) -> None:
    pass


NESTED = '{"jobs": ' + "[" * 100_000 + "]" * 100_000 + "}"
CONTROL = json.dumps({"jobs": [{**JOB, "prompt": "PLACEHOLDER"}]}).replace("PLACEHOLDER", "line one\tline\x01two")

# (id, set-up, argv after `cron`, exit status, what the one line must say)
CASES = [
    ("far one-shot add", nothing, ["add", "in 9999999d", "p"], 2, "100 years"),
    ("far one-shot describe", nothing, ["describe", "in 9999999d"], 2, "100 years"),
    ("state.db is a folder", state_db_dir, ["runs", "Morning brief"], 1, "state.db"),
    ("state.db is not a database", state_db_garbage, ["runs", "Morning brief"], 1, "state.db"),
    ("NaN interval is listed with its reason", jobs(interval(float("nan"))), ["list"], 0, "not a number of minutes"),
    ("Infinity interval never runs", jobs(interval(float("inf"))), ["tick"], 0, "not a number of minutes"),
    ("1e300 interval never runs", jobs(interval(1e300)), ["tick"], 0, "not a number of minutes"),
    ("nested 100,000 deep", raw_jobs(NESTED), ["list"], 1, "nested too deeply"),
    ("jobs lock is a folder", lock_dir(".jobs.lock"), ["pause", "Morning brief"], 1, "is a folder"),
    ("tick lock is a folder", lock_dir(".tick.lock"), ["tick"], 1, "is a folder"),
    ("argument not UTF-8", nothing, ["add", "every 1h", os.fsdecode(b"bad \xff")], 2, "not valid UTF-8"),
    ("two jobs with one id", jobs(JOB, {**JOB, "name": "Twin"}), ["tick"], 0, "shares its id"),
    ("describe a hundred million runs", nothing, ["describe", "every 1h", "--count", "100000000"], 2,
     "not from 0 to 1000"),
    ("runs with an absurd limit", jobs(JOB), ["runs", "Morning brief", "--limit", "9" * 20], 2, "not from 1"),
    ("a missing argument", nothing, ["runs"], 2, "required: job"),
    ("a 5,000-digit number", raw_jobs('{"jobs": [{"id": "a", "n": ' + "9" * 5000 + "}]}"), ["list"], 1,
     "cannot be read as a jobs file"),
]


def snapshot(root: Path) -> dict[str, bytes | None]:
    out: dict[str, bytes | None] = {}
    for path in sorted(root.rglob("*")):
        if path.name.endswith((".lock", "-wal", "-shm")):
            continue  # lock files and SQLite's side files may appear; the data may not change
        out[str(path.relative_to(root))] = path.read_bytes() if path.is_file() else None
    return out


def cron(home: HermesHome, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "hermes_desktop", "--home", str(home.root), "cron", *argv],
                          capture_output=True, text=True, timeout=120, env=env, errors="replace")


@pytest.mark.parametrize(("setup", "argv", "status", "says"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_gets_one_clear_line_and_loses_nothing(home: HermesHome, setup: Callable[[HermesHome], None],
                                                         argv: list[str], status: int, says: str) -> None:
    setup(home)
    before = snapshot(home.root)
    done = cron(home, *argv)
    assert "Traceback" not in done.stderr + done.stdout
    assert done.returncode == status, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    if status:
        assert len(lines) == 1 and lines[0].startswith("error: ") and says in lines[0], done.stderr
    else:
        assert lines and all(line.startswith("warning: ") for line in lines) and says in done.stderr, done.stderr
    assert snapshot(home.root) == before


def test_a_jobs_file_with_control_characters_is_read_as_hermes_reads_it(home: HermesHome) -> None:
    raw_jobs(CONTROL)(home)
    done = cron(home, "list", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["prompt"] == "line one\tline\x01two"


@pytest.mark.skipif(not shutil.which("unshare") or os.geteuid() != 0, reason="needs root and unshare to mount")
@pytest.mark.parametrize(("argv", "status"), [(["list"], 0), (["add", "every 1h", "p"], 1),
                                              (["run", "Morning brief"], 1), (["tick"], 1),
                                              (["runs", "Morning brief"], 1)])
def test_a_read_only_home_says_so(home: HermesHome, argv: list[str], status: int) -> None:
    jobs(JOB)(home)
    before = snapshot(home.root)
    inner = " ".join([sys.executable, "-m", "hermes_desktop", "--home", str(home.root), "cron",
                      *(f"'{a}'" for a in argv)])
    script = f"mount --bind {home.root} {home.root} && mount -o remount,bind,ro {home.root} && {inner}"
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=120)
    if "mount:" in done.stderr or "unshare:" in done.stderr:
        pytest.skip(f"mounts are not allowed here: {done.stderr.strip()}")
    assert "Traceback" not in done.stderr and done.returncode == status, done.stderr
    if status:
        (line,) = done.stderr.strip().splitlines()
        assert line.startswith("error: ") and "read-only" in line, line
    assert snapshot(home.root) == before
