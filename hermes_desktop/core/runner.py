"""Running one job: a script, a prompt to an OpenAI-compatible endpoint, or a script feeding a prompt.

Every run, of either kind, ok or not, leaves a cron session with its
transcript, an output file, and an outcome for the job record. Nothing here
touches ``jobs.json``; the scheduler records the outcome under the jobs lock.

The prompt call uses httpx rather than the ``openai`` client: one POST to
``/chat/completions`` needs no SDK, httpx's timeouts and errors map directly
to readable messages, and nothing of ours or a dependency's logs the headers.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import IO, Any

import httpx

from .home import HermesHome
from .jobs import Job, job_title
from .schedule import local_zone
from .script_env import script_environment
from .sessions import END_ERROR, END_OK, SessionStore
from .settings import Endpoint, Settings, resolve_endpoint

log = logging.getLogger("hermes_desktop.ticker")

OUTPUT_CAP = 1024 * 1024
STDERR_TAIL = 2000
SILENT = "[SILENT]"
NO_ENDPOINT = "No model endpoint configured — set one in Settings"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

CRON_HINT = (
    "[IMPORTANT: You are running as a scheduled cron job. "
    "DELIVERY: Your final response will be automatically delivered to the user — do NOT use "
    "send_message or try to deliver the output yourself. Just produce your report/output as your final "
    "response and the system handles the rest. SILENT: If there is genuinely nothing new to report, "
    'respond with exactly "[SILENT]" (nothing else) to suppress delivery. Never combine [SILENT] with '
    "content — either report your findings normally, or say [SILENT] and nothing more.]\n\n"
)


class RunError(Exception):
    """A run that failed for a reason a person can read (no traceback, no secret)."""


@dataclass
class RunResult:
    ok: bool
    output: str
    error: str | None
    session_id: str
    started_at: datetime
    finished_at: datetime
    output_file: Path | None = None


# --------------------------------------------------------------------------- scripts


def resolve_script(home: HermesHome, name: str) -> Path:
    """The script's real path inside ``scripts/``; anything that leads out is refused."""
    raw = Path(name)
    if not name or raw.is_absolute() or ".." in raw.parts:
        raise RunError(f"Script {name!r} is refused: it must be a file inside {home.scripts_dir}.")
    base = home.scripts_dir.resolve()
    target = (base / raw).resolve()
    if not target.is_relative_to(base):
        raise RunError(f"Script {name!r} is refused: it leads outside {home.scripts_dir}.")
    if not target.is_file():
        raise RunError(f"Script {name!r} was not found in {home.scripts_dir}.")
    return target


def _python() -> str:
    if getattr(sys, "frozen", False):  # a packaged app: its own binary is not a Python
        return shutil.which("python3") or shutil.which("python") or "python3"
    return sys.executable


def _reader(stream: IO[bytes], sink: bytearray, cut: list[bool]) -> None:
    while chunk := stream.read(65536):
        room = OUTPUT_CAP - len(sink)
        if room > 0:
            sink.extend(chunk[:room])
        if len(chunk) > room:
            cut[0] = True  # keep draining so the script never blocks on a full pipe


def _decode(data: bytearray, cut: bool) -> str:
    text = data.decode("utf-8", errors="replace")
    return text + ("\n[… output cut at 1 MB]" if cut else "")


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    if os.name == "posix":
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
    else:  # pragma: no cover - Windows
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True, check=False)


def run_script(home: HermesHome, name: str, timeout_s: float, cancel: threading.Event | None = None) -> str:
    """Run a script from ``scripts/``; its stdout on success, :class:`RunError` otherwise.

    The script gets the app's environment without Hermes' provider and gateway
    secrets (:func:`script_environment`), so a script that prints its
    environment cannot leak an API key into its output or ``state.db``.
    """
    path = resolve_script(home, name)
    cmd = ["bash", str(path)] if path.suffix in (".sh", ".bash") else [_python(), str(path)]
    kwargs: dict[str, Any] = {"start_new_session": True} if os.name == "posix" else {
        "creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
    try:
        proc = subprocess.Popen(cmd, cwd=str(home.scripts_dir), env=script_environment(os.environ),
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)
    except OSError as exc:
        raise RunError(f"Could not start {name}: {exc.strerror or exc}") from None
    out, err = bytearray(), bytearray()
    out_cut, err_cut = [False], [False]
    assert proc.stdout is not None and proc.stderr is not None
    readers = [threading.Thread(target=_reader, args=(proc.stdout, out, out_cut), daemon=True),
               threading.Thread(target=_reader, args=(proc.stderr, err, err_cut), daemon=True)]
    for r in readers:
        r.start()
    deadline = time.monotonic() + timeout_s
    timed_out = cancelled = False
    while proc.poll() is None:
        if cancel is not None and cancel.is_set():
            cancelled = True
            break
        if time.monotonic() >= deadline:
            timed_out = True
            break
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=0.1)
    if timed_out or cancelled:
        _kill_group(proc)
        proc.wait()
    else:
        _kill_group(proc)  # children the script left behind do not outlive it
    for r in readers:
        r.join(5)
    proc.stdout.close()
    proc.stderr.close()
    stdout, stderr = _decode(out, out_cut[0]), _decode(err, err_cut[0])
    if timed_out:
        raise RunError(f"{name} was stopped after {timeout_s:g} s (the job timeout); it and its children were killed.")
    if cancelled:
        raise RunError(f"{name} was stopped because the app was closing.")
    if proc.returncode != 0:
        tail = stderr.strip()[-STDERR_TAIL:]
        raise RunError(f"{name} exited with code {proc.returncode}" + (f":\n{tail}" if tail else "."))
    return stdout


# --------------------------------------------------------------------------- prompts


def _redact(text: str, secret: str) -> str:
    return text.replace(secret, "***") if secret else text


def ask_model(endpoint: Endpoint, prompt: str, timeout_s: float, cancel: threading.Event | None = None) -> str:
    """Send one user message to ``{base_url}/chat/completions`` and return the reply text.

    Setting ``cancel`` closes the connection, so an app that is closing never
    waits for a slow model.
    """
    url = f"{endpoint.base_url}/chat/completions"
    headers = {"Content-Type": "application/json"}
    if endpoint.api_key:
        headers["Authorization"] = f"Bearer {endpoint.api_key}"
    body = {"model": endpoint.model, "messages": [{"role": "user", "content": prompt}]}
    client = httpx.Client(timeout=timeout_s)
    finished = threading.Event()

    def watch() -> None:
        while cancel is not None and not finished.wait(0.1):
            if cancel.is_set():
                client.close()
                return

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        response = client.post(url, json=body, headers=headers)
    except httpx.TimeoutException:
        raise RunError(f"The model endpoint {endpoint.base_url} did not answer within {timeout_s:g} s.") from None
    except (httpx.HTTPError, RuntimeError) as exc:
        if cancel is not None and cancel.is_set():
            raise RunError("The request to the model was stopped because the app was closing.") from None
        reason = _redact(str(exc), endpoint.api_key) or type(exc).__name__
        raise RunError(f"Could not reach the model endpoint {endpoint.base_url}: {reason}") from None
    finally:
        finished.set()
        client.close()
    if response.status_code >= 400:
        detail = _redact(" ".join(response.text.split())[:300], endpoint.api_key)
        hint = {401: " (check the API key)", 403: " (the key may lack access)", 404: " (check the base URL and model)",
                429: " (rate limited)"}.get(response.status_code, "")
        raise RunError(f"The model endpoint answered HTTP {response.status_code}{hint}: {detail}")
    try:
        data = response.json()
        content = data["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise RunError("The model endpoint sent a reply that is not a chat completion.") from None
    if not isinstance(content, str):
        raise RunError("The model endpoint's reply has no text.")
    return content


# --------------------------------------------------------------------------- one run


def run_title(job: Job, started: datetime, tz: tzinfo) -> str:
    local = started.astimezone(tz)
    return f"{job_title(job)} · {MONTHS[local.month - 1]} {local.day} {local:%H:%M}"


def _write_output(home: HermesHome, job: Job, result: RunResult, title: str, prompt: str, tz: tzinfo) -> Path:
    folder = home.job_output_dir(job["id"])
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stem = result.started_at.astimezone(tz).strftime("%Y-%m-%d_%H-%M-%S")
    path = folder / f"{stem}.md"
    n = 2
    while path.exists():
        path = folder / f"{stem}_{n}.md"
        n += 1
    status = "ok" if result.ok else "error"
    lines = [f"# {title}", "", f"- Job: {job['id']}", f"- Session: {result.session_id}",
             f"- Started: {result.started_at.astimezone(tz).isoformat()}",
             f"- Finished: {result.finished_at.astimezone(tz).isoformat()}", f"- Status: {status}", "",
             "## Prompt", "", prompt, "", "## Result" if result.ok else "## Error", "",
             result.output if result.ok else (result.error or "")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_job(
    home: HermesHome,
    job: Job,
    sessions: SessionStore,
    settings: Settings,
    *,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    tz: tzinfo | None = None,
    note: str | None = None,
    cancel: threading.Event | None = None,
) -> RunResult:
    """Run ``job`` once and leave its session, transcript and output file. Never raises for a failed run."""
    zone = tz or local_zone()
    started = clock()
    stamp = started.astimezone(zone).strftime("%Y%m%d_%H%M%S")
    endpoint = None if job.get("no_agent") else resolve_endpoint(job, settings)
    session_id = sessions.create_cron_session(job["id"], started.timestamp(), stamp,
                                              model=endpoint.model if endpoint else None)
    script = job.get("script") or None
    shown_prompt = f"Run script: {script}" if job.get("no_agent") else CRON_HINT + str(job.get("prompt") or "")
    if note:
        sessions.append_message(session_id, "system", note, started.timestamp())
    ok, output, error = True, "", None
    try:
        if job.get("no_agent"):
            sessions.append_message(session_id, "user", shown_prompt, started.timestamp())
            output = run_script(home, str(script), settings.job_timeout_s, cancel)
        else:
            context = ""
            if script:
                context = run_script(home, str(script), settings.job_timeout_s, cancel)
                shown_prompt = (CRON_HINT + "## Script Output\nThe following data was collected by a pre-run "
                                "script. Use it as context for your analysis.\n\n"
                                f"```\n{context}\n```\n\n" + str(job.get("prompt") or ""))
            sessions.append_message(session_id, "user", shown_prompt, started.timestamp())
            if script and not context.strip():
                output = "The script produced no output, so there was nothing to ask the agent."
            elif endpoint is None:
                raise RunError(NO_ENDPOINT)
            else:
                output = ask_model(endpoint, shown_prompt, settings.job_timeout_s, cancel)
    except RunError as exc:
        ok, error = False, str(exc)
    except Exception as exc:  # a bug must still leave a readable record
        log.exception("run of job %s failed unexpectedly", job.get("id"))
        ok, error = False, f"Unexpected error: {type(exc).__name__}: {exc}"
    if not ok and endpoint is not None and endpoint.api_key and error:
        error = _redact(error, endpoint.api_key)
    finished = clock()
    if ok:
        sessions.append_message(session_id, "assistant", output, finished.timestamp())
    else:
        sessions.append_message(session_id, "assistant", f"Run failed: {error}", finished.timestamp())
    result = RunResult(ok, output, error, session_id, started, finished)
    title = run_title(job, started, zone)
    try:
        result.output_file = _write_output(home, job, result, title, shown_prompt, zone)
    except OSError as exc:
        log.warning("could not write the output file of job %s: %s", job.get("id"), exc)
    sessions.set_unique_title(session_id, title)
    sessions.end_session(session_id, END_OK if ok else END_ERROR, finished.timestamp())
    log.info("job %s ran: %s", job.get("id"), "ok" if ok else "error")
    return result


def is_silent(output: str) -> bool:
    return output.strip() == SILENT
