"""Running one job: a script, or a prompt - through Hermes, or to an OpenAI-compatible endpoint.

A prompt job runs through Hermes when hermes-agent is installed (see
``hermes`` and ``hermes_driver``): Hermes' own ``run_job`` in Hermes' own
Python, as a child under the same supervisor as a script. Without Hermes it
is one chat completion at the endpoint in Settings (or the job's own).

Every run, of either kind, ok or not, leaves one cron session with its
transcript, an output file, and an outcome for the job record. Nothing here
touches ``jobs.json``; the scheduler records the outcome under the jobs lock.

The prompt call uses httpx rather than the ``openai`` client: one POST to
``/chat/completions`` needs no SDK, httpx's timeouts and errors map directly
to readable messages, and nothing of ours or a dependency's logs the headers.

When a script's run ends - it finishes, times out, is cancelled, or the app
dies - nothing the script started survives it. A process group is not enough
for that: a child that calls ``setsid`` or double-forks leaves the group, and
it keeps the output pipes open, so a run that killed the group and then read
to end of file waited on it. So:

- Each script runs under its own small supervisor process
  (:data:`~.procs.SUPERVISOR_SOURCE`, stdlib only, started with the Python
  that runs Python scripts, so the packaged app can use it too). On Linux it
  is a child subreaper: every orphan of the script is re-parented to it, so
  it finds and kills all of its run's processes, and only those - the app
  runs several jobs at once, which a subreaper on the app itself could not
  tell apart. ``PR_SET_PDEATHSIG`` and its stdin, a pipe the app holds,
  tell it when the app dies; it then stops the run by itself.
- Where there is no subreaper (macOS, Windows) the app records the tree with
  psutil while the run lives (:class:`~.procs.ProcessTree`; an orphan's
  ancestry is gone once its parent dies) and stops what it recorded, plus
  the script's process group. A packaged app that finds no Python for the
  supervisor runs the script directly in the same way.
- Output is read by threads that own their pipes; once the run is stopped
  the app reads for at most :data:`DRAIN_S` more and never waits on a pipe
  something else still holds. A timed-out run ends well within 2 s of its
  timeout.
- The recorded message counts what was really stopped: the processes the
  supervisor killed (it reports their pids) or the app did.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import select
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

from .hermes import HermesInstall, find_hermes, python_environment
from .hermes_driver import HERMES_DRIVER
from .home import HermesHome
from .jobs import Job, job_title
from .problems import Problem, ProblemError
from .problems import read as read_problem
from .procs import SUPERVISOR_SOURCE, ProcessTree, parse_report
from .schedule import local_zone
from .script_env import script_environment
from .secrets_guard import key_problem, redact
from .sessions import END_ERROR, END_OK, SessionStore, StateDbBusy
from .settings import Endpoint, Settings, resolve_endpoint

log = logging.getLogger("hermes_desktop.ticker")

OUTPUT_CAP = 1024 * 1024
STDERR_TAIL = 2000
STOP_GRACE_S = 1.0  # how long a supervisor may take to stop its run before it is killed itself
DRAIN_S = 0.3  # how long output is still read once everything the run started is stopped
SUBREAPER = sys.platform.startswith("linux")  # the kernel keeps a run's orphans under its supervisor
SILENT = "[SILENT]"
NO_ENDPOINT = str(Problem.of("no_endpoint"))
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

CRON_HINT = (
    "[IMPORTANT: You are running as a scheduled cron job. "
    "DELIVERY: Your final response will be automatically delivered to the user — do NOT use "
    "send_message or try to deliver the output yourself. Just produce your report/output as your final "
    "response and the system handles the rest. SILENT: If there is genuinely nothing new to report, "
    'respond with exactly "[SILENT]" (nothing else) to suppress delivery. Never combine [SILENT] with '
    "content — either report your findings normally, or say [SILENT] and nothing more.]\n\n"
)


class RunError(ProblemError):
    """A run that failed for a reason a person can read (no traceback, no secret); ``problem`` says it as a code."""


@dataclass
class RunResult:
    ok: bool
    output: str
    error: str | None
    session_id: str
    started_at: datetime
    finished_at: datetime
    output_file: Path | None = None
    unrecorded: str | None = None  # why the transcript's end could not be written (the run itself happened)
    problem: Problem | None = None  # ``error`` as a code, for the window to word (None when unknown)


# --------------------------------------------------------------------------- scripts


def resolve_script(home: HermesHome, name: str) -> Path:
    """The script's real path inside ``scripts/``; anything that leads out is refused."""
    raw = Path(name)
    if not name or raw.is_absolute() or ".." in raw.parts:
        raise RunError(Problem.of("script_refused_inside", name=name, folder=str(home.scripts_dir)))
    base = home.scripts_dir.resolve()
    target = (base / raw).resolve()
    if not target.is_relative_to(base):
        raise RunError(Problem.of("script_refused_outside", name=name, folder=str(home.scripts_dir)))
    if not target.is_file():
        raise RunError(Problem.of("script_not_found", name=name, folder=str(home.scripts_dir)))
    return target


def _python() -> str:
    """The interpreter for Python scripts: this one, or in a packaged app the machine's."""
    return _supervisor_python() or "python3"


def _supervisor_python() -> str | None:
    """A Python to run the supervisor with; None in a packaged app on a machine that has none."""
    if getattr(sys, "frozen", False):  # a packaged app: its own binary is not a Python
        return shutil.which("python3") or shutil.which("python")
    return sys.executable


class _Capture:
    """One output pipe, read to its end by a thread of its own, keeping the first 1 MB.

    The thread owns the pipe and closes it at end of file. The run never
    waits on it past its own end: a process that could not be stopped may
    hold the pipe open, and then the thread is left to finish on its own.
    """

    def __init__(self, stream: IO[bytes]) -> None:
        self.data = bytearray()
        self.cut = False
        self._thread = threading.Thread(target=_reader, args=(stream, self), daemon=True)
        self._thread.start()

    def finish(self, deadline: float) -> bool:
        """Wait until the pipe is drained or ``deadline`` passes; whether it was drained."""
        self._thread.join(max(0.0, deadline - time.monotonic()))
        return not self._thread.is_alive()

    def text(self) -> str:
        return _decode(bytes(self.data), self.cut)


def _reader(stream: IO[bytes], sink: _Capture) -> None:
    with stream:
        while chunk := stream.read(65536):
            room = OUTPUT_CAP - len(sink.data)
            if room > 0:
                sink.data.extend(chunk[:room])
            if len(chunk) > room:
                sink.cut = True  # keep draining so the script never blocks on a full pipe


def _decode(data: bytes, cut: bool) -> str:
    text = data.decode("utf-8", errors="replace")
    return text + ("\n[… output cut at 1 MB]" if cut else "")


def _processes(n: int) -> str:
    return f"{n} process" if n == 1 else f"{n} processes"


class _How(StrEnum):
    """How a script's run ended."""

    FINISHED = "finished"  # the script exited by itself
    TIMEOUT = "timeout"
    CANCELLED = "cancelled"  # the app is closing


@dataclass
class _Ended:
    how: _How
    code: int | None  # the script's exit code; None when it is unknown
    stopped: int  # processes the script started that were still running and were stopped
    stdout: str
    stderr: str
    start_error: str | None = None


class _ScriptRun:
    """One script and everything it starts, from launch until nothing of it is left.

    See the module docstring for the design: a supervisor per run (a child
    subreaper on Linux), the app walking the tree with psutil where there is
    no subreaper, and pipes that are never waited on past the run's end.
    """

    def __init__(self, name: str, cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> None:
        self.name = name
        python = _supervisor_python()
        self.supervised = python is not None
        self.subreaper = self.supervised and SUBREAPER
        self._report_fd: int | None = None
        write_fd = -1
        if python is not None:
            if os.name == "posix":
                self._report_fd, write_fd = os.pipe()
            argv = [python, "-I", "-S", "-c", SUPERVISOR_SOURCE, str(write_fd), str(os.getpid()),
                    "1" if self.subreaper else "0", *cmd]
        else:
            argv = cmd
        own_group: dict[str, Any] = {"start_new_session": True} if os.name == "posix" else {
            "creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
        try:
            self.proc = subprocess.Popen(
                argv, cwd=str(cwd), env=script_environment(os.environ) if env is None else env, bufsize=0,
                stdin=subprocess.PIPE if self.supervised else subprocess.DEVNULL,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                pass_fds=(write_fd,) if write_fd >= 0 else (), **own_group)
        except OSError as exc:
            self._close_report()
            raise RunError(Problem.of("script_not_started", name=name, detail=str(exc.strerror or exc))) from None
        finally:
            if write_fd >= 0:
                os.close(write_fd)  # the supervisor holds the only copy, so its exit ends the report
        self.tree = ProcessTree(self.proc.pid)
        assert self.proc.stdout is not None and self.proc.stderr is not None
        self.out, self.err = _Capture(self.proc.stdout), _Capture(self.proc.stderr)

    def wait(self, timeout_s: float, cancel: threading.Event | None) -> _How:
        """Wait until the script ends, the timeout passes or ``cancel`` is set, and say which."""
        deadline = time.monotonic() + timeout_s
        # With a subreaper the supervisor knows the tree; the app's record is only a fallback.
        every = 1.0 if self.subreaper else 0.2
        next_sample = 0.0
        while self.proc.poll() is None:
            now = time.monotonic()
            if cancel is not None and cancel.is_set():
                return _How.CANCELLED
            if now >= deadline:
                return _How.TIMEOUT
            if now >= next_sample:
                self.tree.sample()
                next_sample = now + every
            pause = min(0.1, deadline - now)
            if self._report_fd is not None:
                # A supervisor writes its report (or drops the pipe) as it ends: wake then, and let it exit.
                ending = select.select([self._report_fd], [], [], pause)[0]
                pause = STOP_GRACE_S if ending else 0.0
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=pause)
        return _How.FINISHED

    def end(self, how: _How) -> _Ended:
        """Stop everything the run started (whatever ``how`` it ended) and collect what it wrote."""
        stopped: set[int] = set()
        if how != _How.FINISHED:
            if not self.subreaper:  # only the app knows the tree: stop it before the supervisor goes
                self.tree.sample()
                spare = {self.proc.pid} if self.supervised else set()
                group = self.tree.first_pid() if self.supervised else self.proc.pid
                stopped |= self.tree.stop(spare=spare, group=group)
            self._close_lifeline()  # a supervisor stops its tree and exits
            try:
                self.proc.wait(STOP_GRACE_S)
            except subprocess.TimeoutExpired:
                log.warning("the run of %s did not stop in time; killing its process", self.name)
                self.proc.kill()
                self.proc.wait()
        self._close_lifeline()
        report = parse_report(self._read_report()) if self._report_fd is not None else None
        if report is not None and report.start_error:
            self._drain()
            return _Ended(how, None, 0, "", "", start_error=report.start_error)
        if self.supervised:
            script = report.script_pid if report is not None else self.tree.first_pid()
            code = report.code if report is not None else None
            if report is not None and report.stopped is not None:
                stopped |= report.stopped
            if report is not None and report.ended == _How.FINISHED and self.subreaper:
                how = _How.FINISHED  # it ended by itself just as it was told to stop
        else:
            script, code = self.proc.pid, self.proc.returncode
        if report is None or report.stopped is None:
            # No subreaper stopped the tree (or its supervisor died): stop what the app saw of it.
            stopped |= self.tree.stop(spare={self.proc.pid} if self.supervised else set(), group=script)
        if script is not None:
            stopped.discard(script)  # the script is "it"; the count is of what it started
        stdout, stderr = self._drain()
        return _Ended(how, code, len(stopped), stdout, stderr)

    def _drain(self) -> tuple[str, str]:
        until = time.monotonic() + DRAIN_S
        drained = [capture.finish(until) for capture in (self.out, self.err)]
        if not all(drained):
            log.warning("a process that could not be stopped still holds the output of %s", self.name)
        return self.out.text(), self.err.text()

    def _close_lifeline(self) -> None:
        if self.proc.stdin is not None and not self.proc.stdin.closed:
            with contextlib.suppress(OSError):
                self.proc.stdin.close()

    def _read_report(self) -> bytes:
        """What the (exited) supervisor wrote; never blocks."""
        data = b""
        if self._report_fd is not None:
            os.set_blocking(self._report_fd, False)
            with contextlib.suppress(OSError):
                while chunk := os.read(self._report_fd, 65536):
                    data += chunk
        self._close_report()
        return data

    def _close_report(self) -> None:
        if self._report_fd is not None:
            os.close(self._report_fd)
            self._report_fd = None


def run_script(home: HermesHome, name: str, timeout_s: float, cancel: threading.Event | None = None) -> str:
    """Run a script from ``scripts/``; its stdout on success, :class:`RunError` otherwise.

    The script gets the app's environment without Hermes' provider and gateway
    secrets (:func:`script_environment`), so a script that prints its
    environment cannot leak an API key into its output or ``state.db``.
    However the run ends, nothing the script started outlives it.
    """
    path = resolve_script(home, name)
    cmd = ["bash", str(path)] if path.suffix in (".sh", ".bash") else [_python(), str(path)]
    run = _ScriptRun(name, cmd, home.scripts_dir)
    how = _How.CANCELLED  # should waiting itself fail, the run is still stopped
    try:
        how = run.wait(timeout_s, cancel)
    finally:
        ended = run.end(how)
    if ended.start_error:
        raise RunError(Problem.of("script_not_started", name=name, detail=ended.start_error))
    # "…_along"/"…_left": the script left processes behind, which were stopped with it
    along, left = ("_along", "_left") if ended.stopped else ("", "")
    if ended.how == _How.TIMEOUT:
        raise RunError(Problem.of("script_timeout" + along, name=name, seconds=f"{timeout_s:g}", count=ended.stopped))
    if ended.how == _How.CANCELLED:
        raise RunError(Problem.of("script_closing" + along, name=name, count=ended.stopped))
    if ended.code is None:
        raise RunError(Problem.of("script_status_lost" + left, name=name, count=ended.stopped))
    if ended.code != 0:
        tail = ended.stderr.strip()[-STDERR_TAIL:]
        said = "_said" if tail else ""
        raise RunError(Problem.of("script_exit" + left + said, name=name, code=ended.code, count=ended.stopped,
                                  **({"detail": tail} if tail else {})))
    if ended.stopped:
        log.info("%s left %s running; %s stopped", name, _processes(ended.stopped),
                 "it was" if ended.stopped == 1 else "they were")
    return ended.stdout


# --------------------------------------------------------------------------- prompts


def ask_model(endpoint: Endpoint, prompt: str, timeout_s: float, cancel: threading.Event | None = None) -> str:
    """Send one user message to ``{base_url}/chat/completions`` and return the reply text.

    Setting ``cancel`` closes the connection, so an app that is closing never
    waits for a slow model.
    """
    problem = key_problem(endpoint.api_key)
    if problem:  # never put a broken key in a header: libraries quote such headers in their errors
        raise RunError(problem + " (Settings → API key)")
    url = f"{endpoint.base_url}/chat/completions"
    headers = {"Content-Type": "application/json"}
    if endpoint.api_key:
        headers["Authorization"] = f"Bearer {endpoint.api_key}"
    body = {"model": endpoint.model, "messages": [{"role": "user", "content": prompt}]}
    import httpx  # on first use: importing it is ~75 ms of the window's start otherwise

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
        raise RunError(Problem.of("endpoint_timeout", url=endpoint.base_url, seconds=f"{timeout_s:g}")) from None
    except (httpx.HTTPError, RuntimeError) as exc:
        if cancel is not None and cancel.is_set():
            raise RunError(Problem.of("endpoint_closing")) from None
        reason = redact(str(exc), endpoint.api_key) or type(exc).__name__
        raise RunError(Problem.of("endpoint_unreachable", url=endpoint.base_url, detail=reason)) from None
    finally:
        finished.set()
        client.close()
    if response.status_code >= 400:
        detail = redact(" ".join(redact(response.text, endpoint.api_key).split())[:300], endpoint.api_key)
        raise RunError(Problem.of("endpoint_http", status=response.status_code, detail=detail))
    try:
        data = response.json()
        content = data["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise RunError(Problem.of("endpoint_not_chat")) from None
    if not isinstance(content, str):
        raise RunError(Problem.of("endpoint_no_text"))
    return redact(content, endpoint.api_key)  # an endpoint may echo the request, header and all


# --------------------------------------------------------------------------- one run


def run_title(job: Job, started: datetime, tz: tzinfo) -> str:
    """The title a run's session keeps, as Hermes writes it (``%b %d %H:%M`` in English, whatever the locale).

    The window shows it with the time in the user's language (:func:`hermes_desktop.l10n.run_title`).
    """
    local = started.astimezone(tz)
    return f"{job_title(job)} · {MONTHS[local.month - 1]} {local.day:02d} {local:%H:%M}"


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
    """Run ``job`` once and leave its session, transcript and output file. Never raises for a failed run.

    A prompt job runs through Hermes when it is installed (:func:`~.hermes.find_hermes`), else with the
    built-in OpenAI-compatible runner; a no-agent job runs its script here.
    """
    zone = tz or local_zone()
    blocked = None
    if not job.get("no_agent"):
        found = find_hermes(settings.hermes_path)
        if found.install is not None:
            return _run_with_hermes(home, job, sessions, settings, found.install, clock=clock, zone=zone,
                                    note=note, cancel=cancel)
        blocked = found.message or None  # a Hermes chosen in Settings that is not there: never another runner
    return _run_builtin(home, job, sessions, settings, clock=clock, zone=zone, note=note, cancel=cancel,
                        blocked=blocked)


def _run_builtin(
    home: HermesHome,
    job: Job,
    sessions: SessionStore,
    settings: Settings,
    *,
    clock: Callable[[], datetime],
    zone: tzinfo,
    note: str | None,
    cancel: threading.Event | None,
    blocked: str | None,
) -> RunResult:
    started = clock()
    stamp = started.astimezone(zone).strftime("%Y%m%d_%H%M%S")
    endpoint = None if job.get("no_agent") else resolve_endpoint(job, settings)
    session_id = sessions.create_cron_session(job["id"], started.timestamp(), stamp,
                                              model=endpoint.model if endpoint else None)
    script = job.get("script") or None
    shown_prompt = f"Run script: {script}" if job.get("no_agent") else CRON_HINT + str(job.get("prompt") or "")
    if note:
        sessions.append_message(session_id, "system", note, started.timestamp())
    ok, output, error, problem = True, "", None, None
    try:
        if blocked:
            raise RunError(blocked)
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
                raise RunError(Problem.of("no_endpoint"))
            else:
                output = ask_model(endpoint, shown_prompt, settings.job_timeout_s, cancel)
    except RunError as exc:
        ok, error, problem = False, str(exc), exc.problem
    except Exception as exc:  # a bug must still leave a readable record
        log.error("run of job %s failed unexpectedly: %s: %s", job.get("id"), type(exc).__name__, exc)
        log.debug("details of the failed run of job %s", job.get("id"), exc_info=True)
        problem = Problem.of("unexpected", detail=f"{type(exc).__name__}: {exc}")
        ok, error = False, str(problem)
    # Whatever came back - a script's output, an endpoint's error - carries no part of any key we know.
    keys = (endpoint.api_key if endpoint else "", settings.api_key, os.environ.get("OPENAI_API_KEY", ""))
    output = redact(output, *keys)
    if error and redact(error, *keys) != error:  # a key in the words: the redacted text only, read back
        error = redact(error, *keys)
        problem = read_problem(error)
    finished = clock()
    result = RunResult(ok, output, error, session_id, started, finished, problem=problem)
    title = run_title(job, started, zone)
    try:  # the output file first: it does not depend on state.db being free
        result.output_file = _write_output(home, job, result, title, shown_prompt, zone)
    except OSError as exc:
        log.warning("could not write the output file of job %s: %s", job.get("id"), exc)
    try:
        sessions.append_message(session_id, "assistant", output if ok else str(Problem.of("run_failed", detail=error)),
                                finished.timestamp())
        sessions.set_unique_title(session_id, title)
        sessions.end_session(session_id, END_OK if ok else END_ERROR, finished.timestamp())
    except (sqlite3.Error, StateDbBusy) as exc:  # the scheduler ends the session later; the outcome still counts
        result.unrecorded = str(exc)
        log.warning("job %s ran, but its transcript could not be finished: %s", job.get("id"), exc)
    log.info("job %s ran: %s", job.get("id"), "ok" if ok else "error")
    return result


# --------------------------------------------------------------------------- through Hermes


@dataclass
class _HermesOutcome:
    ok: bool
    output: str
    error: str | None
    output_file: Path | None = None
    delivery_error: str | None = None


def _run_with_hermes(
    home: HermesHome,
    job: Job,
    sessions: SessionStore,
    settings: Settings,
    install: HermesInstall,
    *,
    clock: Callable[[], datetime],
    zone: tzinfo,
    note: str | None,
    cancel: threading.Event | None,
) -> RunResult:
    """Run a prompt job the way ``hermes cron`` runs it: Hermes' ``run_job`` in Hermes' Python.

    The child runs :data:`~.hermes_driver.HERMES_DRIVER` under the same
    supervisor as a script, so the job timeout (or the app closing) stops
    Hermes and everything it started. Hermes writes the run's cron session
    in ``state.db`` and its output file; this app adds to that session only
    what Hermes could not say (a late-run note, why the run failed or was
    stopped) and writes a session of its own only when Hermes wrote none -
    never two for one run.
    """
    started = clock()
    launched = time.time()  # Hermes stamps its session with the wall clock; ours may be injected
    workdir = job.get("workdir")
    cwd = Path(workdir) if isinstance(workdir, str) and workdir.strip() and Path(workdir).is_dir() else home.root
    env = python_environment(os.environ)
    env["HERMES_HOME"] = str(home.root)
    with tempfile.TemporaryDirectory(prefix="hermes-desktop-run-", ignore_cleanup_errors=True) as tmp:
        job_file, result_file = Path(tmp) / "job.json", Path(tmp) / "result.json"
        job_file.write_text(json.dumps(job), encoding="utf-8")
        cmd = [str(install.python), "-c", HERMES_DRIVER, str(job_file), str(result_file)]
        try:
            run = _ScriptRun("Hermes", cmd, cwd, env=env)
        except RunError as exc:
            outcome = _HermesOutcome(False, "", f"{exc} ({install.python})")
        else:
            how = _How.CANCELLED  # should waiting itself fail, the run is still stopped
            try:
                how = run.wait(settings.job_timeout_s, cancel)
            finally:
                ended = run.end(how)
            outcome = _hermes_outcome(ended, _read_result(result_file), settings.job_timeout_s, install)
    keys = (settings.api_key, os.environ.get("OPENAI_API_KEY", ""))
    outcome.output = redact(outcome.output, *keys)
    outcome.error = redact(outcome.error, *keys) if outcome.error else outcome.error
    finished = clock()
    result = RunResult(outcome.ok, outcome.output, outcome.error, "", started, finished,
                       problem=read_problem(outcome.error) if outcome.error else None)
    title = run_title(job, started, zone)
    shown_prompt = CRON_HINT + str(job.get("prompt") or "")
    if outcome.output_file is not None and outcome.output_file.is_file():
        result.output_file = outcome.output_file
    else:
        try:
            result.output_file = _write_output(home, job, result, title, shown_prompt, zone)
        except OSError as exc:
            log.warning("could not write the output file of job %s: %s", job.get("id"), exc)
    try:
        result.session_id = _record_hermes_session(sessions, job, result, outcome, launched=launched, title=title,
                                                   zone=zone, note=note, prompt=shown_prompt)
    except (sqlite3.Error, StateDbBusy) as exc:
        result.unrecorded = str(exc)
        log.warning("job %s ran, but its transcript could not be finished: %s", job.get("id"), exc)
    log.info("job %s ran through Hermes: %s", job.get("id"), "ok" if result.ok else "error")
    return result


def _read_result(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _hermes_outcome(ended: _Ended, report: dict[str, Any], timeout_s: float, install: HermesInstall) -> _HermesOutcome:
    """The run's outcome from how the child ended and what it reported."""
    along = f", along with the {_processes(ended.stopped)} it started." if ended.stopped else "."
    if ended.start_error:
        return _HermesOutcome(False, "", f"Could not start Hermes ({install.python}): {ended.start_error}")
    if ended.how == _How.TIMEOUT:
        return _HermesOutcome(False, "", f"Hermes was stopped after {timeout_s:g} s (the job timeout){along}")
    if ended.how == _How.CANCELLED:
        return _HermesOutcome(False, "", f"Hermes was stopped because the app was closing{along}")
    if report.get("stage") == "import":
        return _HermesOutcome(False, "", f"The Hermes at {install.program} cannot run cron jobs: {report.get('error')}")
    if report.get("stage") != "done":
        tail = ended.stderr.strip()[-STDERR_TAIL:]
        code = "an unknown status" if ended.code is None else f"code {ended.code}"
        return _HermesOutcome(False, "", f"Hermes ended with {code} before the run was over"
                                         + (f":\n{tail}" if tail else "."))
    file = report.get("output_file")
    delivery = report.get("delivery_error")
    return _HermesOutcome(
        ok=report.get("ok") is True,
        output=str(report.get("final") or ""),
        error=None if report.get("ok") is True else str(report.get("error") or "Hermes reported a failure."),
        output_file=Path(file) if isinstance(file, str) and file else None,
        delivery_error=str(delivery) if delivery else None,
    )


def _record_hermes_session(sessions: SessionStore, job: Job, result: RunResult, outcome: _HermesOutcome, *,
                           launched: float, title: str, zone: tzinfo, note: str | None, prompt: str) -> str:
    """Complete Hermes' session of this run, or - when Hermes wrote none - write the run's only session."""
    at_start, at_end = result.started_at.timestamp(), result.finished_at.timestamp()
    theirs = sessions.cron_runs_since(job["id"], launched)
    if not theirs:  # Hermes stopped before its agent started (no model, a silent script, killed early)
        sid = sessions.create_cron_session(job["id"], at_start, result.started_at.astimezone(zone).strftime(
            "%Y%m%d_%H%M%S"), model=job.get("model") or None)
        if note:
            sessions.append_message(sid, "system", note, at_start)
        sessions.append_message(sid, "user", prompt, at_start)
        sessions.append_message(sid, "assistant", outcome.output if outcome.ok else f"Run failed: {outcome.error}",
                                at_end)
        sessions.set_unique_title(sid, title)
        sessions.end_session(sid, END_OK if outcome.ok else END_ERROR, at_end)
        return sid
    run, now = theirs[0], time.time()  # Hermes' session keeps Hermes' clock, the wall clock
    if len(theirs) > 1:
        log.warning("job %s: Hermes wrote %d sessions for one run; completing %s", job["id"], len(theirs), run.id)
    if note:
        sessions.append_message(run.id, "system", note, run.started_at - 0.001)  # before Hermes' first message
    if outcome.delivery_error:
        sessions.append_message(run.id, "system", f"Delivery failed: {outcome.delivery_error}", now)
    if not outcome.ok:
        sessions.append_message(run.id, "system", f"Run failed: {outcome.error}", now)
        sessions.set_end_reason(run.id, END_ERROR, now)  # Hermes ends every run as complete
    else:
        sessions.end_session(run.id, END_OK, now)  # when Hermes could not end it itself
    if not run.title:
        sessions.set_unique_title(run.id, title)
    return run.id


def is_silent(output: str) -> bool:
    return output.strip() == SILENT
