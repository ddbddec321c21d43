"""The API key never reaches a log line, a transcript, an output file, jobs.json, state.db or the CLI output -
whatever the endpoint answers, even when it echoes the request headers back, and whatever a script prints."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.secrets_guard import MIN_PART, redact


class EchoHandler(BaseHTTPRequestHandler):
    """Answers with the status the test asks for, quoting every request header back."""

    status = 200

    def do_POST(self) -> None:  # the http.server API names it so
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        echoed = "".join(f"{k}: {v}\n" for k, v in self.headers.items())
        if self.status == 200:
            body = json.dumps({"choices": [{"message": {"role": "assistant", "content": "You sent:\n" + echoed}}]})
        else:
            body = json.dumps({"error": {"message": "Bad key; your request was:\n" + echoed}})
        data = body.encode()
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def endpoint() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), EchoHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


def windows(key: str) -> set[bytes]:
    parts = [p for p in key.replace("\n", " ").split() if len(p) >= MIN_PART]
    return {p[i : i + MIN_PART].encode() for p in parts for i in range(len(p) - MIN_PART + 1)}


def leaks(home: HermesHome, key: str, *texts: str) -> list[str]:
    """Every place (file of the home but the settings file, or given text) holding 8+ characters of the key."""
    found = []
    grams = windows(key)
    for path in sorted(home.root.rglob("*")):
        if path.is_file() and path != home.settings_file:
            data = path.read_bytes()
            found += [f"{path.relative_to(home.root)}" for g in grams if g in data][:1]
    for i, text in enumerate(texts):
        found += [f"output #{i}" for g in grams if g in text.encode()][:1]
    return found


def cli(home: HermesHome, *argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hermes_desktop", "--home", str(home.root), "-v", "cron", *argv],
                          capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})})


def configure(home: HermesHome, server: ThreadingHTTPServer, key: str) -> None:
    host, port = server.server_address[:2]
    home.settings_file.write_text(json.dumps({"base_url": f"http://{host}:{port}/v1", "model": "fake-model",
                                              "api_key": key}))


@pytest.mark.parametrize("status", [200, 401, 500])
@pytest.mark.parametrize("newline", [False, True], ids=["one-line key", "key with a pasted line break"])
def test_no_part_of_the_key_leaks_whatever_the_endpoint_answers(home: HermesHome, endpoint: ThreadingHTTPServer,
                                                                status: int, newline: bool) -> None:
    EchoHandler.status = status
    key = "sk-test-" + secrets.token_hex(16) + ("\n" + secrets.token_hex(12) if newline else "")
    configure(home, endpoint, key)
    added = cli(home, "add", "every 1h", "Say hello", "--name", "hello")
    assert added.returncode == 0, added.stderr
    ran = cli(home, "run", "hello", "--now")
    listed = cli(home, "list", "--json")
    runs = cli(home, "runs", "hello", "--json")
    assert leaks(home, key, ran.stdout, ran.stderr, listed.stdout, runs.stdout) == []
    record = json.loads(listed.stdout)[0]
    if newline:  # refused before any request is made, with the reason
        assert ran.returncode == 1 and "line break" in record["last_error"]
    elif status == 200:
        assert ran.returncode == 0 and "***" in ran.stdout  # the echoed header, masked
    else:
        assert ran.returncode == 1 and f"HTTP {status}" in record["last_error"] and "***" in record["last_error"]


def test_a_script_that_prints_its_environment_shows_no_key(home: HermesHome, endpoint: ThreadingHTTPServer) -> None:
    key = "sk-test-" + secrets.token_hex(16)
    env_key = "sk-env-" + secrets.token_hex(16)
    configure(home, endpoint, key)
    (home.scripts_dir / "env.sh").write_text("env\n")
    assert cli(home, "add", "every 1h", "--script", "env.sh", "--no-agent", "--name", "env").returncode == 0
    ran = cli(home, "run", "env", "--now", env={"OPENAI_API_KEY": env_key, "ANTHROPIC_API_KEY": env_key})
    assert ran.returncode == 0, ran.stderr
    assert "PATH=" in ran.stdout  # the script did print its environment
    assert leaks(home, key, ran.stdout, ran.stderr) == [] and leaks(home, env_key, ran.stdout, ran.stderr) == []


def test_redaction_finds_parts_of_the_key_in_any_form() -> None:
    key = "sk-proj-" + "A1b2C3d4E5f6G7h8" + "\n" + "Z9y8X7w6V5u4"
    quoted = "Illegal header value b'Bearer sk-proj-A1b2C3d4E5f6G7h8\\nZ9y8X7w6V5u4'"
    assert "A1b2C3d4" not in redact(quoted, key) and "X7w6V5u4" not in redact(quoted, key)
    assert redact("cut at the line: sk-proj-A1b2C3d4E5", key) == "cut at the line: ***"
    assert redact("an ordinary sentence", key) == "an ordinary sentence"


def test_settings_file_is_owner_only(home: HermesHome) -> None:
    from hermes_desktop.core.settings import Settings, save_settings

    save_settings(home, Settings(api_key="sk-test-" + secrets.token_hex(8)))
    assert oct(home.settings_file.stat().st_mode & 0o777) == "0o600"
