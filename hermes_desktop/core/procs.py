"""Processes: is an owner still alive, which process is it really, and stopping everything a run started.

A pid alone can be reused after its process dies, so an owner is named by
``(pid, start time)``, the pair Hermes also records in ``cron/executions.db``:
on Linux the start time is field 22 of ``/proc/PID/stat`` (clock ticks since
boot), elsewhere psutil's creation time in centiseconds - the same values
Hermes writes, so this app and Hermes can judge each other's owners.

:class:`ProcessTree` and :data:`SUPERVISOR_SOURCE` find and stop every process
a script run started, however it detached (see ``runner``'s docstring).
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import psutil


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid exists and is not a zombie (never signals it)."""
    if pid <= 0:
        return False
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
    except psutil.Error:  # access denied and the like: it exists
        return True


def process_start_time(pid: int) -> int | None:
    """A start-time fingerprint of ``pid`` (None when it cannot be read), comparable with Hermes' own."""
    with contextlib.suppress(OSError, IndexError, ValueError):
        return int(Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()[19])
    try:
        return round(psutil.Process(pid).create_time() * 100)
    except psutil.Error:
        return None


def owner_alive(pid: int, start_time: int | None) -> bool:
    """Whether the process ``(pid, start_time)`` still runs; without a start time, the pid alone decides."""
    if not pid_alive(pid):
        return False
    if start_time is None:
        return True
    return process_start_time(pid) == start_time


def _running(proc: psutil.Process) -> bool:
    """Whether ``proc`` (the very process, not a reuse of its pid) still runs; a zombie has ended."""
    try:
        return proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


class ProcessTree:
    """Every process seen below one root while it ran, so that none is lost when its parent dies.

    When a process dies its children are handed to init (or to the nearest
    subreaper) and nothing links them to the run any more; a record taken
    while the run lives is then the only way to find them. :meth:`sample`
    takes that record, :meth:`stop` ends whatever of it still runs. Processes
    are kept as psutil handles, which carry their start time, so a pid reused
    by an unrelated process is never signalled.
    """

    def __init__(self, root_pid: int) -> None:
        self.root_pid = root_pid
        self._root: psutil.Process | None = None
        with contextlib.suppress(psutil.Error):
            self._root = psutil.Process(root_pid)
        self._seen: dict[tuple[int, float], psutil.Process] = {}

    def sample(self) -> None:
        """Remember every process now below the root."""
        if self._root is None:
            return
        with contextlib.suppress(psutil.Error):
            for proc in self._root.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    self._seen.setdefault((proc.pid, proc.create_time()), proc)

    def first_pid(self) -> int | None:
        """The earliest started process seen below the root: the one the root started first."""
        if not self._seen:
            return None
        return min(self._seen, key=lambda key: (key[1], key[0]))[0]

    def stop(self, *, spare: Collection[int] = (), group: int | None = None, within_s: float = 0.5) -> set[int]:
        """SIGKILL the root, everything seen or now below it, and the members of process group ``group``.

        ``spare`` names pids left alone (a supervisor that stops its own
        tree). Rounds repeat until nothing is left running, so a child forked
        while the tree is being stopped is caught too, or until ``within_s``
        has passed. Returns the pids that were stopped.
        """
        stopped: set[int] = set()
        deadline = time.monotonic() + within_s
        while True:
            self.sample()
            live = [p for p in self._candidates(group) if p.pid not in spare and _running(p)]
            if not live or time.monotonic() >= deadline:
                return stopped
            for proc in live:
                with contextlib.suppress(psutil.Error):
                    proc.kill()
                    stopped.add(proc.pid)
            time.sleep(0.01)  # let the kernel deliver before looking again

    def _candidates(self, group: int | None) -> list[psutil.Process]:
        found = list(self._seen.values())
        if self._root is not None:
            found.append(self._root)
        if group is not None and hasattr(os, "getpgid"):
            found.extend(self._group_members(group))
        return found

    def _group_members(self, pgid: int) -> list[psutil.Process]:
        """The processes of group ``pgid``, unless that pid now names a process that is not ours.

        A child left in the script's own group keeps the group, and POSIX does
        not reuse a pid while its group has members; so when the pid is free,
        or still the script seen here, its group is the script's.
        """
        with contextlib.suppress(psutil.Error):
            leader = psutil.Process(pgid)
            known = {key[0]: proc for key, proc in self._seen.items()}
            if self._root is not None:
                known[self._root.pid] = self._root
            mine = known.get(pgid)
            if mine is None or mine.create_time() != leader.create_time():
                return []
        members = []
        for proc in psutil.process_iter():
            with contextlib.suppress(psutil.Error, OSError):
                if os.getpgid(proc.pid) == pgid:
                    members.append(proc)
        return members


# --------------------------------------------------------------------------- the run supervisor

# A script runs under this small program, started with the same interpreter
# that runs Python scripts (``python -I -S -c SUPERVISOR_SOURCE report_fd app_pid
# subreaper cmd...``). It is stdlib-only source rather than a module so that a
# packaged app, whose own binary is not a Python, can run it with the
# machine's Python, which may be older than ours: keep it to Python 3.5.
#
# On Linux it makes itself a child subreaper: whatever the script starts, even
# through setsid or a double fork, is re-parented to the supervisor instead of
# to init when its parent dies, so the supervisor can always find and kill
# every process of its run, and only of its run - several runs go on at once
# in one app, and each has its own supervisor. PR_SET_PDEATHSIG tells it at
# once when the app dies (it is tied to the app thread that started it, which
# lives until its run ends); its stdin, a pipe the app never writes to, is a
# second lifeline that works everywhere: end of file means the app closed it
# (the run must stop) or died. On POSIX it sleeps in select() on that pipe
# and on a signal wake-up pipe (SIGCHLD, SIGTERM), so it reacts at once.
#
# The script ends (or the run is stopped) -> the supervisor kills every
# process left below it, round after round until none is left, reaps them,
# writes one JSON line to ``report_fd`` - how the run ended, the script's exit
# code and pid, and the pids it stopped - and exits.
#
# Without a subreaper (macOS, Windows, ``subreaper`` 0) orphans escape it, so
# the app walks the tree itself with psutil; the supervisor then only covers
# the app's death by killing the script's process group (taskkill /T on
# Windows).
SUPERVISOR_SOURCE = r'''
import json, os, select, signal, subprocess, sys, threading, time

report_fd, app_pid, subreaper, cmd = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "1", sys.argv[4:]
posix = os.name == "posix"
stop = []
signal.signal(signal.SIGTERM, lambda *_: stop.append("signal"))
if posix:  # wake the wait below at once when the script exits or a signal arrives
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
if subreaper:
    import ctypes
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    subreaper = prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
    if os.getppid() != app_pid:  # the app died before it could be watched
        stop.append("app")


def lifeline():
    try:
        while os.read(0, 512):
            pass
    except OSError:
        pass
    stop.append("lifeline")


if not posix:
    threading.Thread(target=lifeline, daemon=True).start()


def report(**fields):
    if report_fd >= 0:
        try:
            os.write(report_fd, json.dumps(fields).encode() + b"\n")
        except OSError:
            pass


own_group = {"start_new_session": True} if posix else {
    "creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
try:
    script = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, **own_group)
except OSError as exc:
    report(start_error=exc.strerror or str(exc))
    os._exit(127)
code = None


def reap():
    global code
    if not posix:
        if script.poll() is not None:
            code = script.returncode
        return
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        if pid == script.pid:  # as Popen.returncode: the exit status, or minus the signal that ended it
            code = script.returncode = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


def below():
    kids = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/" + entry + "/stat", "rb") as f:
                    fields = f.read().rsplit(b")", 1)[1].split()
            except (OSError, IndexError):
                continue
            kids.setdefault(int(fields[1]), []).append((int(entry), fields[0]))
    found, todo = [], [os.getpid()]
    while todo:
        for pid, state in kids.get(todo.pop(), ()):
            found.append((pid, state))
            todo.append(pid)
    return [pid for pid, state in found if state != b"Z"]


reap()
while code is None and not stop:
    if posix:
        try:
            ready = select.select([0, wake_r], [], [], 1.0)[0]
        except InterruptedError:
            ready = []
        if wake_r in ready:
            os.read(wake_r, 512)
        if 0 in ready and not os.read(0, 512):
            stop.append("lifeline")
    else:
        time.sleep(0.05)
    reap()
ended = "finished" if code is not None else "stopped"
stopped = set()
if subreaper:
    deadline = time.monotonic() + 0.5
    while time.monotonic() < deadline:
        live = below()
        if not live:
            break
        for pid in live:
            try:
                os.kill(pid, signal.SIGKILL)
                stopped.add(pid)
            except OSError:
                pass
        time.sleep(0.01)
        reap()
elif ended == "stopped":
    if posix:
        try:
            os.killpg(script.pid, signal.SIGKILL)
        except OSError:
            pass
    else:
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(script.pid)], capture_output=True, check=False)
deadline = time.monotonic() + 0.5
while code is None and time.monotonic() < deadline:
    reap()
    time.sleep(0.01)
report(ended=ended, code=code, script=script.pid, stopped=sorted(stopped - {script.pid}) if subreaper else None)
os._exit(0)
'''


@dataclass(frozen=True)
class SupervisorReport:
    """What a supervisor says of its run: how it ended, the script's exit code and pid, whom it stopped."""

    ended: str  # "finished": the script exited by itself; "stopped": the run was told to stop
    code: int | None
    script_pid: int | None
    stopped: frozenset[int] | None  # None: it had no subreaper and could not know
    start_error: str | None = None


def parse_report(data: bytes) -> SupervisorReport | None:
    """The supervisor's report from what it wrote to its report pipe; None when it wrote nothing usable."""
    try:
        raw = json.loads(data.decode("utf-8").strip().splitlines()[-1])
        if not isinstance(raw, dict):
            return None
        if raw.get("start_error"):
            return SupervisorReport("stopped", None, None, None, str(raw["start_error"]))
        stopped = raw.get("stopped")
        return SupervisorReport(
            ended=str(raw["ended"]),
            code=int(raw["code"]) if raw.get("code") is not None else None,
            script_pid=int(raw["script"]),
            stopped=frozenset(int(pid) for pid in stopped) if stopped is not None else None,
        )
    except (ValueError, IndexError, KeyError, TypeError):
        return None
