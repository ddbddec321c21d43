"""A stand-in for an installed hermes-agent, for tests that need no real Hermes.

It is laid out as an installer leaves Hermes - ``VENV/bin/hermes`` whose
first line names ``VENV/bin/python``, a ``pyvenv.cfg``, and
``hermes_agent-VERSION.dist-info`` in site-packages - so the app finds it
and reads its version the same way. Its ``python`` runs the test's own
interpreter with a small ``cron`` package standing in for Hermes'. What its
``cron.scheduler.run_job`` does is chosen per test with ``FAKE_HERMES_MODE``:

- ``ok``: writes a cron session (user prompt, assistant answer, ended as
  ``cron_complete``, titled) the way Hermes does, and returns the answer;
- ``fail``: the same session, and a failed run;
- ``no-session``: fails before any session, as Hermes does without a model;
- ``hang``: opens a session, starts a ``sleep`` child, writes both pids to
  ``HERMES_HOME/fake-hermes.pids`` and sleeps.

Its delivery fails with ``FAKE_HERMES_DELIVERY_ERROR`` when that is set.
Every run writes ``HERMES_HOME/fake-hermes-run.json``: the job it got, its
working folder and the environment variables it saw.
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path

ANSWER = "Fake Hermes' answer."

SCHEDULER = r'''
import json, os, sqlite3, subprocess, sys, time
from pathlib import Path

ANSWER = "Fake Hermes' answer."


def _get_hermes_home():
    return Path(os.environ["HERMES_HOME"])


def _session(job, end):
    sid = "cron_%s_%s" % (job["id"], time.strftime("%Y%m%d_%H%M%S"))
    now = time.time()
    with sqlite3.connect(str(_get_hermes_home() / "state.db")) as db:
        db.execute("INSERT INTO sessions (id, source, model, started_at, message_count) VALUES (?, 'cron', ?, ?, 0)",
                   (sid, job.get("model") or "fake-model", now))
        db.execute("INSERT INTO messages (session_id, role, content, timestamp) VALUES (?, 'user', ?, ?)",
                   (sid, "[cron hint]\n\n" + job["prompt"], now))
        if end:
            db.execute("INSERT INTO messages (session_id, role, content, timestamp) VALUES (?, 'assistant', ?, ?)",
                       (sid, ANSWER, now + 0.001))
            db.execute("UPDATE sessions SET ended_at = ?, end_reason = 'cron_complete', title = ?, message_count = 2 "
                       "WHERE id = ?", (now + 0.002, job.get("name") + " · fake", sid))
    return sid


def run_job(job, defer_agent_teardown=None):
    home = _get_hermes_home()
    mode = os.environ.get("FAKE_HERMES_MODE", "ok")
    seen = {"job": job, "cwd": os.getcwd(), "env": {k: os.environ.get(k) for k in (
        "HERMES_HOME", "PYTHONPATH", "PYTHONHOME", "FAKE_HERMES_MODE")}}
    (home / "fake-hermes-run.json").write_text(json.dumps(seen))
    if mode == "no-session":
        return False, "", "", "RuntimeError: Cron job has no model configured"
    if mode == "hang":
        _session(job, end=False)
        child = subprocess.Popen(["sleep", "300"])
        (home / "fake-hermes.pids").write_text("%d %d" % (os.getpid(), child.pid))
        time.sleep(300)
    _session(job, end=True)
    if mode == "fail":
        return False, "# failed\n", "", "RuntimeError: the provider said no"
    return True, "# Cron Job\n\n## Response\n\n" + ANSWER + "\n", ANSWER, None


def _deliver_result(job, content, adapters=None, loop=None):
    with open(_get_hermes_home() / "fake-hermes-delivered.txt", "a", encoding="utf-8") as fh:
        fh.write(content + "\n")
    return os.environ.get("FAKE_HERMES_DELIVERY_ERROR") or None
'''

JOBS = r'''
import os, time
from pathlib import Path


def save_job_output(job_id, output):
    folder = Path(os.environ["HERMES_HOME"]) / "cron" / "output" / job_id
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (time.strftime("%Y-%m-%d_%H-%M-%S") + ".md")
    path.write_text(output, encoding="utf-8")
    return path
'''


def _executable(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def make_fake_hermes(root: Path, version: str = "0.19.0") -> Path:
    """Lay out a fake Hermes environment in ``root``; return its ``hermes`` program."""
    package = root / "fake-package"
    (package / "cron").mkdir(parents=True, exist_ok=True)
    (package / "cron" / "__init__.py").write_text("")
    (package / "cron" / "scheduler.py").write_text(SCHEDULER)
    (package / "cron" / "jobs.py").write_text(JOBS)
    (root / "pyvenv.cfg").write_text(f"home = {Path(sys.executable).parent}\n")
    dist = root / "lib" / "python3.11" / "site-packages" / f"hermes_agent-{version}.dist-info"
    dist.mkdir(parents=True, exist_ok=True)
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: hermes-agent\nVersion: {version}\n\nHermes.\n")
    python = _executable(root / "bin" / "python", (
        f"#!/bin/sh\nPYTHONPATH={package}${{PYTHONPATH:+:$PYTHONPATH}} exec {sys.executable} \"$@\"\n"))
    return _executable(root / "bin" / "hermes", f"#!{python}\nimport sys\nsys.exit('fake hermes')\n")


def pids_alive(pids: list[int]) -> list[int]:
    from hermes_desktop.core.procs import pid_alive

    return [pid for pid in pids if pid_alive(pid)]


def read_pids(path: Path) -> list[int]:
    return [int(p) for p in path.read_text().split()] if path.exists() else []

