"""With hermes-agent installed, the app's ticker fires a prompt job through the real Hermes (0.19.0).

Hermes talks to a fake OpenAI-compatible server on 127.0.0.1 (the home's
``config.yaml`` names it as a ``custom`` provider), so the whole path runs:
the app claims the job, Hermes' own ``run_job`` runs the agent, and the app
records the outcome - once.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.schedule import parse_instant, to_record
from hermes_desktop.core.scheduler import Scheduler
from hermes_desktop.core.sessions import SessionStore
from hermes_desktop.core.settings import Settings
from tests.fake_openai import MODEL, FakeModelServer
from tests.hermes_agent import hermes_program, needs_hermes

pytestmark = needs_hermes

ANSWER = "Inbox summary: three new messages, nothing urgent."
API_KEY = "sk-fake-key-for-tests-0123456789"


@pytest.fixture
def model_server() -> Iterator[FakeModelServer]:
    with FakeModelServer(ANSWER) as server:
        yield server


@pytest.fixture
def settings(home: HermesHome, model_server: FakeModelServer) -> Settings:
    """The home's config.yaml points Hermes at the fake server; the app's Settings at the Hermes under test."""
    config = {"model": {"provider": "custom", "base_url": model_server.base_url, "default": MODEL,
                        "api_key": API_KEY}}
    (home.root / "config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    program = hermes_program()
    assert program is not None, "hermes-agent's environment has no hermes program"
    return Settings(hermes_path=str(program), job_timeout_s=300)


def record(home: HermesHome, job_id: str) -> dict[str, Any]:
    return next(j for j in json.loads(home.jobs_file.read_text())["jobs"] if j["id"] == job_id)


def fire_when_due(home: HermesHome, settings: Settings, job: dict[str, Any]) -> tuple[Scheduler, Any]:
    """Tick the app's scheduler five seconds after the job's next run; wait for what it started."""
    due = parse_instant(job["next_run_at"])
    assert due is not None
    scheduler = Scheduler(home, clock=lambda: due + timedelta(seconds=5), settings=lambda: settings)
    report = scheduler.tick()
    assert [d.job["id"] for d in report.dispatched] == [job["id"]]
    return scheduler, report.wait()


def user_text(chat: dict[str, Any]) -> str:
    return "\n".join(str(m.get("content")) for m in chat["messages"] if m.get("role") == "user")


def test_a_due_prompt_job_runs_through_hermes_and_is_recorded_once(
        home: HermesHome, settings: Settings, model_server: FakeModelServer) -> None:
    job = JobStore(home).create("every 30m", "Summarize my inbox", name="Inbox")
    due = parse_instant(job["next_run_at"])
    scheduler, results = fire_when_due(home, settings, job)
    try:
        [result] = results
        assert result is not None and (result.ok, result.error, result.output) == (True, None, ANSWER)
        # Hermes asked the fake model, with the job's prompt behind Hermes' cron hint
        chats = model_server.chats()
        assert chats and all(chat["model"] == MODEL for chat in chats)
        assert "Summarize my inbox" in user_text(chats[0]) and "scheduled cron job" in user_text(chats[0])
        # one session in all of state.db: Hermes' own cron session of this run, ended ok, the answer last
        with sqlite3.connect(home.state_db) as db:
            assert db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 1
        store = SessionStore(home.state_db)
        [run] = store.cron_runs(job["id"])
        assert run.id == result.session_id and run.id.startswith(f"cron_{job['id']}_")
        assert run.status == "ok" and run.title and run.title.startswith("Inbox")
        messages = store.messages(run.id)
        assert (messages[0].role, messages[-1].role, messages[-1].content) == ("user", "assistant", ANSWER)
        # the output file is Hermes' own, and holds the answer
        assert result.output_file is not None and result.output_file.parent == home.job_output_dir(job["id"])
        assert list(home.job_output_dir(job["id"]).iterdir()) == [result.output_file]
        written = result.output_file.read_text(encoding="utf-8")
        assert written.startswith("# Cron Job: Inbox") and ANSWER in written  # Hermes' own output document
        # jobs.json: recorded by the app once; Hermes neither marked the run nor moved the schedule
        rec = record(home, job["id"])
        assert (rec["last_status"], rec["last_error"], rec["state"], rec["run_claim"]) == ("ok", None, "scheduled",
                                                                                          None)
        assert rec["repeat"]["completed"] == 1
        assert due is not None and rec["next_run_at"] == to_record(due + timedelta(minutes=30), scheduler.tz)
        assert "last_delivery_error" not in rec and "fire_claim" not in rec  # written only by Hermes' mark_job_run
        assert _executions(home) == [("hermes-desktop", "completed")]  # the app's one row; Hermes' driver adds none
    finally:
        scheduler.shutdown()


def _executions(home: HermesHome) -> list[tuple[str, str]]:
    with sqlite3.connect(home.cron_dir / "executions.db") as db:
        return [(str(s), str(t)) for s, t in db.execute("SELECT source, status FROM executions")]


def test_the_jobs_own_model_skills_toolsets_workdir_and_context_reach_hermes(
        home: HermesHome, settings: Settings, model_server: FakeModelServer, tmp_path: Path) -> None:
    skill = home.root / "skills" / "inbox-triage"
    skill.mkdir(parents=True)
    (skill / "SKILL.md").write_text("---\nname: inbox-triage\ndescription: How to triage an inbox.\n---\n\n"
                                    "Sort by sender. TRIAGE-RULE-7.\n", encoding="utf-8")
    workdir = tmp_path / "project"
    workdir.mkdir()
    (workdir / "AGENTS.md").write_text("Project rule: WORKDIR-NOTE-9.\n", encoding="utf-8")
    store = JobStore(home)
    upstream = store.create("every 1h", "Collect the mail", name="Collect")
    home.job_output_dir(upstream["id"]).mkdir(parents=True)
    (home.job_output_dir(upstream["id"]) / "2026-01-01_09-00-00.md").write_text("UPSTREAM-OUTPUT-42\n")
    job = store.create("every 30m", "Summarize my inbox", name="Inbox", model="job-model")
    store.mutate_record(job["id"], lambda rec: rec.update(
        skills=["inbox-triage"], enabled_toolsets=["todo"], workdir=str(workdir), context_from=[upstream["id"]]),
        None)
    job = record(home, job["id"])
    scheduler, [result] = fire_when_due(home, settings, job)
    try:
        assert result is not None and result.ok, result.error if result else None
        chat = model_server.chats()[0]
        assert chat["model"] == "job-model"
        prompt = user_text(chat)
        assert "TRIAGE-RULE-7" in prompt and "UPSTREAM-OUTPUT-42" in prompt and "Summarize my inbox" in prompt
        system = "\n".join(str(m.get("content")) for m in chat["messages"] if m.get("role") == "system")
        assert "WORKDIR-NOTE-9" in system
        assert {tool["function"]["name"] for tool in chat.get("tools", [])} == {"todo"}
    finally:
        scheduler.shutdown()
