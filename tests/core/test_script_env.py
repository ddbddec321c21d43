"""A script job sees the user's ordinary environment but none of Hermes' provider or gateway secrets."""

from __future__ import annotations

import pytest

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.runner import run_job
from hermes_desktop.core.sessions import SessionStore
from hermes_desktop.core.settings import Settings

SECRETS = {
    "OPENAI_API_KEY": "sk-openai-SECRET-1",
    "ANTHROPIC_API_KEY": "sk-ant-SECRET-2",
    "OPENROUTER_API_KEY": "sk-or-SECRET-3",
    "OPENAI_BASE_URL": "https://private.example/v1",
    "TELEGRAM_BOT_TOKEN": "123:tg-SECRET-4",
    "GH_TOKEN": "ghp_SECRET5",
    "AUXILIARY_VISION_API_KEY": "aux-SECRET-6",  # a name no list holds, caught by its shape
    "GATEWAY_RELAY_EXTRA_TOKEN": "relay-SECRET-7",
    "_HERMES_FORCE_OPENAI_API_KEY": "forced-SECRET-8",
}


@pytest.fixture
def secret_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in SECRETS.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("MY_OWN_SETTING", "kept-value")
    monkeypatch.setenv("AWS_PROFILE", "work")  # the user's cloud tooling is theirs, Hermes keeps it too
    monkeypatch.setenv("VIRTUAL_ENV", "/opt/the-apps-own-venv")


def test_a_script_printing_its_environment_shows_no_secret(home: HermesHome, secret_env: None) -> None:
    (home.scripts_dir / "env.sh").write_text("env\n")
    sessions = SessionStore(home.state_db)
    try:
        job = JobStore(home).create("every 1h", "", name="env", script="env.sh", no_agent=True)
        result = run_job(home, job, sessions, Settings())
        written = "\n".join(m.content for m in sessions.messages(result.session_id))
    finally:
        sessions.close()
    assert result.ok, result.error
    lines = set(result.output.splitlines())
    for key, value in SECRETS.items():
        assert value not in result.output, f"{key} reached the script"
        assert value not in written
    assert not any(line.startswith("VIRTUAL_ENV=") for line in lines)
    assert "MY_OWN_SETTING=kept-value" in lines
    assert "AWS_PROFILE=work" in lines
    assert any(line.startswith("PATH=") for line in lines)
    assert any(line.startswith("HOME=") for line in lines)
