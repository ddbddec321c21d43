"""A prompt job runs through Hermes when it is installed: one session per run, Hermes' own when it writes one,
and the job timeout stops Hermes with everything it started. (A stand-in Hermes; the real one is in
test_hermes_runs_jobs.py.)"""

from __future__ import annotations

import json
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.runner import NO_ENDPOINT, run_job
from hermes_desktop.core.sessions import END_ERROR, END_OK, SessionStore
from hermes_desktop.core.settings import Settings
from tests.fake_hermes import ANSWER, make_fake_hermes, pids_alive, read_pids


@pytest.fixture
def program(tmp_path: Path) -> Path:
    return make_fake_hermes(tmp_path / "hermes-venv")


@pytest.fixture
def sessions(home: HermesHome) -> SessionStore:
    store = SessionStore(home.state_db)
    store.recent_sessions()  # the tables exist before Hermes writes into them, as in a used home
    return store


def job(home: HermesHome, **fields: object) -> dict:
    created = JobStore(home).create("every 1h", "Summarize my inbox", name="Inbox")
    return {**created, **fields}


def session_count(home: HermesHome) -> int:
    with sqlite3.connect(home.state_db) as db:
        return int(db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0])


def seen(home: HermesHome) -> dict:
    return json.loads((home.root / "fake-hermes-run.json").read_text())


def test_a_prompt_job_runs_in_hermes_python_and_hermes_session_is_the_runs_only_one(
        home: HermesHome, sessions: SessionStore, program: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_HERMES_MODE", "ok")
    monkeypatch.setenv("PYTHONPATH", "/this/app/only")
    workdir = tmp_path / "project"
    workdir.mkdir()
    record = job(home, workdir=str(workdir), skills=["triage"])
    result = run_job(home, record, sessions, Settings(hermes_path=str(program)))
    assert (result.ok, result.error, result.output) == (True, None, ANSWER)
    got = seen(home)
    assert got["job"] == record  # the claimed record itself: skills, workdir and all
    assert got["cwd"] == str(workdir)
    assert got["env"]["HERMES_HOME"] == str(home.root)
    assert got["env"]["PYTHONPATH"] == str(program.parent.parent / "fake-package")  # not this app's
    assert session_count(home) == 1
    [run] = sessions.cron_runs(record["id"])
    assert run.id == result.session_id and run.end_reason == END_OK and run.title == "Inbox · fake"
    assert [(m.role, m.content) for m in sessions.messages(run.id)][-1] == ("assistant", ANSWER)
    assert result.output_file is not None and result.output_file.parent == home.job_output_dir(record["id"])
    assert ANSWER in result.output_file.read_text()
    assert (home.root / "fake-hermes-delivered.txt").read_text() == ANSWER + "\n"  # Hermes delivers it


def test_a_failed_delivery_is_said_in_the_runs_transcript_and_the_run_stays_ok(
        home: HermesHome, sessions: SessionStore, program: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_HERMES_MODE", "ok")
    monkeypatch.setenv("FAKE_HERMES_DELIVERY_ERROR", "telegram: chat not found")
    record = job(home)
    result = run_job(home, record, sessions, Settings(hermes_path=str(program)))
    assert result.ok
    [run] = sessions.cron_runs(record["id"])
    assert run.status == "ok"
    assert ("system", "Delivery failed: telegram: chat not found") in [(m.role, m.content)
                                                                       for m in sessions.messages(run.id)]


def test_a_failure_after_hermes_wrote_its_session_is_recorded_in_that_session(
        home: HermesHome, sessions: SessionStore, program: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_HERMES_MODE", "fail")
    record = job(home)
    result = run_job(home, record, sessions, Settings(hermes_path=str(program)), note="This run was late.")
    assert (result.ok, result.error) == (False, "RuntimeError: the provider said no")
    assert session_count(home) == 1
    [run] = sessions.cron_runs(record["id"])
    assert run.id == result.session_id and run.status == "error" and run.end_reason == END_ERROR
    texts = [(m.role, m.content) for m in sessions.messages(run.id)]
    assert texts[0] == ("system", "This run was late.")
    assert texts[-1] == ("system", "Run failed: RuntimeError: the provider said no")


def test_when_hermes_writes_no_session_the_app_writes_the_runs_one_session(
        home: HermesHome, sessions: SessionStore, program: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_HERMES_MODE", "no-session")
    record = job(home)
    result = run_job(home, record, sessions, Settings(hermes_path=str(program)))
    assert not result.ok and result.error == "RuntimeError: Cron job has no model configured"
    assert session_count(home) == 1
    [run] = sessions.cron_runs(record["id"])
    assert run.id == result.session_id and run.status == "error" and run.title and run.title.startswith("Inbox · ")
    assert sessions.messages(run.id)[-1].content == "Run failed: RuntimeError: Cron job has no model configured"


def test_the_job_timeout_stops_hermes_and_everything_it_started(
        home: HermesHome, sessions: SessionStore, program: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_HERMES_MODE", "hang")
    record = job(home)
    pids_file = home.root / "fake-hermes.pids"
    began = time.monotonic()
    result = run_job(home, record, sessions, Settings(hermes_path=str(program), job_timeout_s=3))
    took = time.monotonic() - began
    pids = read_pids(pids_file)
    assert len(pids) == 2  # Hermes' Python and the tool process it started
    assert pids_alive(pids) == []
    assert 3 <= took < 8
    assert not result.ok and result.error is not None
    assert result.error.startswith("Hermes was stopped after 3 s (the job timeout), along with the ")
    # Hermes' session of the run (open when it was stopped) is ended as failed; no second one
    assert session_count(home) == 1
    [run] = sessions.cron_runs(record["id"])
    assert run.id == result.session_id and run.status == "error"
    assert sessions.messages(run.id)[-1].content == f"Run failed: {result.error}"
    assert result.output_file is not None and "the job timeout" in result.output_file.read_text()


def test_a_hermes_path_in_settings_that_is_gone_fails_the_run_with_the_reason(
        home: HermesHome, sessions: SessionStore, tmp_path: Path) -> None:
    gone = str(tmp_path / "gone" / "hermes")
    record = job(home)
    result = run_job(home, record, sessions, Settings(hermes_path=gone, base_url="http://127.0.0.1:9/v1",
                                                      model="m"))
    assert not result.ok and result.error is not None and result.error.startswith(f"Hermes was not found at {gone}")
    assert session_count(home) == 1


def test_without_hermes_a_prompt_job_uses_the_built_in_runner(home: HermesHome, sessions: SessionStore) -> None:
    result = run_job(home, job(home), sessions, Settings(), clock=lambda: datetime(2026, 1, 1, tzinfo=UTC))
    assert (result.ok, result.error) == (False, NO_ENDPOINT)


def test_a_script_job_is_run_by_the_app_even_with_hermes(
        home: HermesHome, sessions: SessionStore, program: Path) -> None:
    (home.scripts_dir / "hi.sh").write_text("echo hello from the script\n")
    record = job(home, no_agent=True, script="hi.sh", prompt="")
    result = run_job(home, record, sessions, Settings(hermes_path=str(program)))
    assert (result.ok, result.output) == (True, "hello from the script\n")
    assert not (home.root / "fake-hermes-run.json").exists()
