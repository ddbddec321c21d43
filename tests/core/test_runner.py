from __future__ import annotations

import json
import logging
import os
import stat
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.retention import apply_retention
from hermes_desktop.core.runner import CRON_HINT, NO_ENDPOINT, RunError, resolve_script, run_job, run_script
from hermes_desktop.core.sessions import END_OK, SessionStore
from hermes_desktop.core.settings import Settings, load_settings, resolve_endpoint, save_settings

KEY = "sk-test-SECRET-1234567890"


class FakeOpenAI:
    """A chat-completions endpoint on 127.0.0.1 that records requests and answers as told."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.mode = "ok"
        self.reply = "All quiet in the inbox."
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
                if fake.mode == "timeout":
                    time.sleep(2)
                    return
                if fake.mode in ("401", "500"):
                    self.send_response(int(fake.mode))
                    self.end_headers()
                    self.wfile.write(b'{"error": {"message": "nope"}}')
                    return
                answer = {"choices": [{"message": {"role": "assistant", "content": fake.reply}}]}
                payload = b"this is not json" if fake.mode == "malformed" else json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def api() -> Iterator[FakeOpenAI]:
    fake = FakeOpenAI()
    yield fake
    fake.close()


@pytest.fixture
def sessions(home: HermesHome) -> Iterator[SessionStore]:
    s = SessionStore(home.state_db)
    yield s
    s.close()


def prompt_job(home: HermesHome, **kw: Any) -> dict:
    return JobStore(home).create("every 1h", kw.pop("prompt", "Summarize my inbox"), name="Inbox", **kw)


def everything_written(home: HermesHome, sessions: SessionStore, session_id: str) -> str:
    texts = [m.content for m in sessions.messages(session_id)]
    texts += [p.read_text() for p in home.output_dir.rglob("*.md")]
    texts.append(home.jobs_file.read_text())
    return "\n".join(texts)


def test_prompt_job_sends_the_prompt_with_the_cron_hint(home: HermesHome, sessions: SessionStore,
                                                        api: FakeOpenAI) -> None:
    settings = Settings(base_url=api.url, model="test-model", api_key=KEY)
    job = prompt_job(home)
    result = run_job(home, job, sessions, settings)
    assert result.ok and result.output == "All quiet in the inbox."
    (req,) = api.requests
    assert req["path"] == "/v1/chat/completions" and req["auth"] == f"Bearer {KEY}"
    assert req["body"]["model"] == "test-model"
    (msg,) = req["body"]["messages"]
    assert msg["role"] == "user" and msg["content"] == CRON_HINT + "Summarize my inbox"
    msgs = sessions.messages(result.session_id)
    assert [m.role for m in msgs] == ["user", "assistant"] and msgs[1].content == "All quiet in the inbox."
    assert sessions.session(result.session_id)["end_reason"] == END_OK
    assert KEY not in everything_written(home, sessions, result.session_id)


def test_job_overrides_win_over_settings_and_env(home: HermesHome, sessions: SessionStore, api: FakeOpenAI,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_MODEL", "env-model")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    job = prompt_job(home, model="job-model", provider="custom", base_url=api.url)
    assert run_job(home, job, sessions, Settings(model="settings-model")).ok
    assert api.requests[0]["body"]["model"] == "job-model"
    ep = resolve_endpoint({}, Settings())
    assert ep is not None and ep.model == "env-model"
    assert resolve_endpoint({}, Settings(base_url="http://x/v1/", model="m")).base_url == "http://x/v1"


def test_script_output_feeds_the_prompt(home: HermesHome, sessions: SessionStore, api: FakeOpenAI) -> None:
    (home.scripts_dir / "gather.py").write_text("print('disk 91% full')")
    job = prompt_job(home, script="gather.py")
    assert run_job(home, job, sessions, Settings(base_url=api.url, model="m")).ok
    sent = api.requests[0]["body"]["messages"][0]["content"]
    assert sent.startswith(CRON_HINT) and "disk 91% full" in sent and sent.endswith("Summarize my inbox")


def test_no_endpoint_is_a_clear_error_not_a_crash(home: HermesHome, sessions: SessionStore) -> None:
    job = prompt_job(home)
    result = run_job(home, job, sessions, Settings())
    assert not result.ok and result.error == NO_ENDPOINT
    assert sessions.messages(result.session_id)[-1].content == f"Run failed: {NO_ENDPOINT}"
    (run,) = sessions.cron_runs(job["id"])  # the failure is a run in the job's history, ended as an error
    assert run.id == result.session_id and run.status == "error"


@pytest.mark.parametrize(
    ("mode", "expected"),
    [("401", "HTTP 401 (check the API key)"), ("500", "HTTP 500"), ("timeout", "did not answer within 1 s"),
     ("malformed", "not a chat completion")],
)
def test_endpoint_errors_become_readable_messages(home: HermesHome, sessions: SessionStore, api: FakeOpenAI,
                                                  caplog: pytest.LogCaptureFixture, mode: str, expected: str) -> None:
    caplog.set_level(logging.DEBUG)
    api.mode = mode
    settings = Settings(base_url=api.url, model="m", api_key=KEY, job_timeout_s=1)
    result = run_job(home, prompt_job(home), sessions, settings)
    assert not result.ok and expected in (result.error or "")
    assert sessions.session(result.session_id)["end_reason"] == "cron_error"
    assert KEY not in everything_written(home, sessions, result.session_id)
    assert KEY not in caplog.text and KEY not in repr(settings)


def test_unreachable_endpoint(home: HermesHome, sessions: SessionStore) -> None:
    settings = Settings(base_url="http://127.0.0.1:9/v1", model="m", api_key=KEY)
    result = run_job(home, prompt_job(home), sessions, settings)
    assert not result.ok and "Could not reach the model endpoint" in (result.error or "")


def test_silent_reply_is_an_ok_run(home: HermesHome, sessions: SessionStore, api: FakeOpenAI) -> None:
    api.reply = "[SILENT]"
    result = run_job(home, prompt_job(home), sessions, Settings(base_url=api.url, model="m"))
    assert result.ok and result.output == "[SILENT]"


# --------------------------------------------------------------------------- scripts


@pytest.mark.parametrize("name", ["../outside.sh", "/etc/passwd", "sub/../../outside.sh", "link.sh"])
def test_script_escapes_are_refused(home: HermesHome, name: str) -> None:
    outside = home.root / "outside.sh"
    outside.write_text("echo escaped")
    (home.scripts_dir / "link.sh").symlink_to(outside)
    with pytest.raises(RunError, match="refused"):
        resolve_script(home, name)


def test_script_missing(home: HermesHome) -> None:
    with pytest.raises(RunError, match="not found"):
        run_script(home, "nope.sh", 5)


def test_python_scripts_run_with_python(home: HermesHome) -> None:
    (home.scripts_dir / "a.py").write_text("import sys; print(sys.version_info[0])")
    assert run_script(home, "a.py", 10).strip() == "3"


def test_invalid_utf8_is_decoded_without_crashing(home: HermesHome) -> None:
    (home.scripts_dir / "bytes.sh").write_text("printf 'ok \\377\\376 done'")
    assert run_script(home, "bytes.sh", 10) == "ok \ufffd\ufffd done"


def test_huge_output_is_capped_and_marked(home: HermesHome) -> None:
    (home.scripts_dir / "big.py").write_text("import sys\nfor _ in range(5): sys.stdout.write('x' * 1024 * 1024)\n")
    out = run_script(home, "big.py", 30)
    assert out.startswith("x" * 1000) and out.endswith("[… output cut at 1 MB]")
    assert len(out) < 1024 * 1024 + 100


def test_nonzero_exit_reports_code_and_stderr_tail(home: HermesHome) -> None:
    (home.scripts_dir / "fail.sh").write_text("echo out; echo 'line1' >&2; echo 'the real reason' >&2; exit 7")
    with pytest.raises(RunError, match="exited with code 7") as info:
        run_script(home, "fail.sh", 10)
    assert "the real reason" in str(info.value)


def test_hanging_script_is_killed_with_its_children(home: HermesHome) -> None:
    pidfile = home.root / "child.pid"
    (home.scripts_dir / "hang.sh").write_text(f"sleep 300 &\necho $! > {pidfile}\nwait\n")
    started = time.monotonic()
    with pytest.raises(RunError, match="stopped after 1 s"):
        run_script(home, "hang.sh", 1)
    assert time.monotonic() - started < 10
    child = int(pidfile.read_text())
    deadline = time.monotonic() + 5
    while True:
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        # a killed child may linger as a zombie until reaped by init; check its state
        status = Path(f"/proc/{child}/stat")
        if status.exists() and status.read_text().split()[2] == "Z":
            break
        assert time.monotonic() < deadline, "the script's child outlived the timeout"
        time.sleep(0.05)


# --------------------------------------------------------------------------- settings and retention


def test_settings_file_is_owner_only_and_round_trips(home: HermesHome) -> None:
    save_settings(home, Settings(api_key=KEY, model="m", keep_runs=5))
    assert stat.S_IMODE(home.settings_file.stat().st_mode) == 0o600
    loaded = load_settings(home)
    assert loaded.api_key == KEY and loaded.keep_runs == 5 and loaded.run_jobs_in_app is True
    home.settings_file.write_text('{"keep_runs": "lots", "job_timeout_s": -4, "model": "x"}')
    odd = load_settings(home)
    assert odd.keep_runs is None and odd.job_timeout_s == 600 and odd.model == "x"


def test_retention_deletes_exactly_the_right_runs_and_files(home: HermesHome, sessions: SessionStore) -> None:
    (home.scripts_dir / "a.sh").write_text("echo a")
    store = JobStore(home)
    job = store.create("every 1h", script="a.sh", no_agent=True)
    other = store.create("every 1h", script="a.sh", no_agent=True)
    base = datetime(2026, 11, 1, 12, tzinfo=UTC)
    for i in range(8):
        for j in (job, other):
            run_job(home, j, sessions, Settings(), clock=lambda i=i: base + timedelta(days=i), tz=UTC)
    chat = sessions.create_cron_session("chatlike", 1.0, "x")  # a different job's runs
    sessions.end_session(chat, END_OK)

    report = apply_retention(home, sessions, job["id"], Settings(keep_runs=3), now=base + timedelta(days=8))
    assert report.sessions == 5 and report.files == 5
    kept = sessions.cron_runs(job["id"])
    assert [r.id[-15:-7] for r in kept] == ["20261108", "20261107", "20261106"]
    assert sorted(p.name[:10] for p in home.job_output_dir(job["id"]).iterdir()) == [
        "2026-11-06", "2026-11-07", "2026-11-08"]
    assert len(sessions.cron_runs(other["id"])) == 8 and len(list(home.job_output_dir(other["id"]).iterdir())) == 8

    report = apply_retention(home, sessions, other["id"], Settings(max_age_days=3), now=base + timedelta(days=8))
    assert report.sessions == 5  # started before Nov 6 12:00, three days before "now"
    assert [r.id[-15:-7] for r in sessions.cron_runs(other["id"])] == ["20261108", "20261107", "20261106"]
    assert sessions.cron_runs("chatlike")


def test_output_files_keep_the_newest_50_by_default(home: HermesHome, sessions: SessionStore) -> None:
    folder = home.job_output_dir("abc")
    folder.mkdir(parents=True)
    for i in range(60):
        (folder / f"2026-11-{1 + i // 24:02d}_{i % 24:02d}-00-00.md").write_text("x")
    (folder / "notes.txt").write_text("not ours")
    apply_retention(home, sessions, "abc", Settings(), now=datetime(2026, 11, 5, tzinfo=UTC))
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 51 and "notes.txt" in names and names[0] == "2026-11-01_10-00-00.md"
