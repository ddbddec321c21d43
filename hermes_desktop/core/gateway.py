"""Is a Hermes gateway running for this home right now? Decided the way hermes-agent 0.19.0 decides it.

What a gateway leaves in its home
---------------------------------
``hermes gateway run`` (``gateway/run.py``, ``start_gateway``), in this order:

1. takes an exclusive, non-blocking lock on ``gateway.lock`` (``flock`` on
   POSIX; on Windows an ``msvcrt`` lock of one byte at offset 1 MiB, so that
   the JSON at the start of the file stays readable) and writes its record
   into that file;
2. creates ``gateway.pid`` exclusively (``O_CREAT | O_EXCL``) with the same
   record: ``{"pid", "kind": "hermes-gateway", "argv": sys.argv,
   "start_time"}``, where ``start_time`` is field 22 of ``/proc/PID/stat`` on
   Linux and psutil's creation time in centiseconds elsewhere;
3. keeps ``gateway_state.json`` up to date (written atomically, compact JSON):
   those four fields plus ``gateway_state`` (``starting``, ``running``,
   ``draining``, ``degraded``; ``stopped`` after a planned stop,
   ``startup_failed``), ``exit_reason``, ``restart_requested``,
   ``active_agents``, ``platforms``, ``updated_at`` and, when it serves
   several profiles, ``served_profiles``.

On exit it removes ``gateway.pid`` (only when it is its own) and releases the
lock; ``gateway.lock`` keeps its last record. A gateway ended by an unexpected
SIGTERM leaves ``gateway_state`` at ``running`` on purpose (so a container
restarts it), and a killed one leaves every file. Stale files are therefore
normal, and none of them alone means a gateway runs.

How Hermes decides (and so this module)
---------------------------------------
This is ``hermes_cli.profiles._check_gateway_running(profile_dir)``, which
``hermes gateway list`` and ``hermes profile list`` use for any home or
profile: ``gateway.status.get_running_pid(home/gateway.pid,
cleanup_stale=False)``, then ``get_runtime_status_running_pid(state,
expected_home=home)``.

1. While some process holds the lock on ``gateway.lock``, the record in
   ``gateway.pid``, else the one in ``gateway.lock``, names the gateway when
   its process is alive (a zombie is not), its recorded ``start_time`` equals
   the live process's start time (when both are known: a reused pid does not
   count), and the live process's command line is a gateway runtime: ``hermes
   gateway run`` (``restart`` too, which may host the gateway; a bare ``hermes
   gateway`` means ``run``; ``-p``/``--profile`` selectors are ignored),
   ``python -m hermes_cli.main gateway run``, ``.../gateway/run.py`` or
   ``hermes-gateway``. Where the command line cannot be read, the record's own
   ``kind`` (``hermes-gateway``) and ``argv`` stand in for it.
2. Otherwise ``gateway_state.json`` names the gateway when its
   ``gateway_state`` is set and is neither ``stopped`` nor
   ``startup_failed``, and its pid passes the same checks, the live command
   line also belonging to this home: for a named profile
   (``.../profiles/NAME``) it carries ``-p NAME``, ``--profile NAME`` or
   ``HERMES_HOME=<home>``; for any other home it names no profile and no other
   ``HERMES_HOME=``.

The gateway's own duplicate-instance guard calls ``get_running_pid()``: the
same steps with step 2 not scoped to the profile, which differs only for a
command line that names another profile. ``hermes gateway status`` adds what
a service manager (systemd, launchd, a Windows task) says and a scan of the
process table for gateway command lines; neither is done here. Hermes' reader
may delete stale ``gateway.pid`` and ``gateway.lock`` files; this module only
reads: it never creates, writes or deletes a file, and its lock probe (the
Windows byte lock included) is explained at :func:`_lock_held`. A command
line is read with psutil where Hermes runs ``ps`` on macOS; where psutil
cannot read it (another user's process on macOS) the record's argv decides,
as Hermes does where it cannot read one either.

A call costs three stats and reads of a few hundred bytes, a few ``/proc``
reads for one pid, and at most one lock attempt: about half a millisecond, so
nothing is cached (a cache keyed by the files' signatures could not skip the
process checks anyway: a killed gateway changes no file).

The gateway fires cron jobs
---------------------------
Once its runner is up - also with no messaging platform at all ("Gateway will
continue running for cron job execution") - ``start_gateway`` starts a daemon
thread ``cron-scheduler`` with the provider chosen by ``cron.provider`` in
``config.yaml`` (``cron.scheduler_provider.resolve_cron_scheduler``). Empty or
``builtin`` (the default) gives the in-process ticker: it marks executions
interrupted by an earlier crash, writes ``cron/ticker_heartbeat``, then calls
``cron.scheduler.tick(sync=False)`` at once and every 60 seconds (a fixed
interval, no flag or setting changes it), skipping ticks while the gateway
drains. ``tick`` takes ``cron/.tick.lock`` without waiting (``flock``;
``msvcrt`` on Windows) and does nothing while another ticker - this app, or
another gateway - holds it. The ticker works on the gateway's own
``HERMES_HOME`` only, also when that gateway serves other profiles.

``hermes gateway run`` cannot be told to leave cron alone: its flags are
``-v``, ``-q``, ``--replace``, ``--force``, ``--no-supervise``,
``--external-supervisor`` and ``--accept-hooks``, and no environment variable
turns the ticker off. Only a ``cron.provider`` naming an external provider
plugin that is installed and available (bundled: ``chronos``) replaces the
local 60-second ticker; an unknown or unavailable one falls back to it.
``HERMES_CRON_MAX_PARALLEL`` / ``cron.max_parallel_jobs`` only cap how many
jobs one tick runs at once.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shlex
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil

from .home import HermesHome
from .procs import pid_alive, process_start_time

log = logging.getLogger("hermes_desktop.ticker")

GATEWAY_KIND = "hermes-gateway"
# Hermes' Windows lock sits past the JSON so that readers can still read the record.
WINDOWS_LOCK_OFFSET = 1024 * 1024
STOPPED_STATES = frozenset({"stopped", "startup_failed"})
# Hermes' records are a few hundred bytes; anything this big is not one of them.
MAX_RECORD_BYTES = 1024 * 1024


@dataclass(frozen=True)
class GatewayStatus:
    """Whether a gateway runs for a home, and what is known of it.

    ``pid`` and ``since`` (the gateway process's start, UTC) are set only while
    it runs; ``state`` is the ``gateway_state`` Hermes recorded for that very
    process (``starting``, ``running``, ``draining``, ``degraded``), when its
    ``gateway_state.json`` describes it. ``detail`` says in a line what was
    found, for showing and logging - decide on ``running``, never on it.
    """

    running: bool
    pid: int | None = None
    since: datetime | None = None
    state: str | None = None
    detail: str = ""


def gateway_status(home: HermesHome) -> GatewayStatus:
    """Whether a Hermes gateway is running for ``home`` (a profile is its own home) now.

    Never raises: unreadable or malformed files count as absent, and what was
    wrong is said in ``detail``. Safe to call from any thread.
    """
    try:
        return _decide(home)
    except Exception as exc:  # a last guard: a status line must never take the ticker down
        log.warning("cannot tell whether a Hermes gateway runs for %s: %r", home.root, exc)
        return GatewayStatus(False, detail=f"cannot tell: {exc!r}")


# --------------------------------------------------------------------------- the decision


def _decide(home: HermesHome) -> GatewayStatus:
    notes: list[str] = []
    state_record, state_problem = _read_record(home.gateway_state_file, json_only=True)
    if state_problem:
        notes.append(state_problem)

    # Step 1: a pid record that names a live gateway counts while gateway.lock is held.
    for path in (home.gateway_pid_file, home.gateway_lock_file):
        record, problem = _read_record(path, json_only=False)
        if problem:
            notes.append(problem)
        if record is None:
            continue
        pid, why = _live_gateway_pid(record, None)
        if pid is None:
            notes.append(f"{path.name}: {why}")
            continue
        held = _lock_held(home.gateway_lock_file)
        if held:
            return _running(pid, path.name, state_record)
        # Whether the lock is held does not depend on which record is read: the
        # other record cannot count either, so go on to gateway_state.json.
        lock_words = "no process holds gateway.lock" if held is False else "gateway.lock cannot be opened"
        notes.append(f"{path.name}: pid {pid} is a live gateway, but {lock_words}")
        break

    # Step 2: the runtime status, scoped to this home.
    if state_record is not None:
        state = state_record.get("gateway_state")
        if state is None:
            notes.append("gateway_state.json records no gateway_state")
        elif not isinstance(state, str):
            notes.append("gateway_state.json: gateway_state is not a word")
        elif state in STOPPED_STATES:
            reason = state_record.get("exit_reason")
            because = f" ({reason})" if isinstance(reason, str) and reason else ""
            notes.append(f"gateway_state.json says {state}{because}")
        else:
            pid, why = _live_gateway_pid(state_record, home.root)
            if pid is not None:
                return _running(pid, home.gateway_state_file.name, state_record)
            notes.append(f"gateway_state.json says {state}, but {why}")
    if not notes:
        notes.append("no gateway files")
    return GatewayStatus(False, detail="not running: " + "; ".join(notes))


def _running(pid: int, source: str, state_record: dict[str, Any] | None) -> GatewayStatus:
    state = _state_of(pid, state_record)
    since = None
    with contextlib.suppress(psutil.Error, OSError, ValueError, OverflowError):
        since = datetime.fromtimestamp(psutil.Process(pid).create_time(), UTC)
    words = f"running: pid {pid} ({source})"
    if state:
        words += f", {state}"
    return GatewayStatus(True, pid, since, state, words)


def _state_of(pid: int, record: dict[str, Any] | None) -> str | None:
    """The ``gateway_state`` of ``record`` when it describes process ``pid`` (not an earlier gateway)."""
    if record is None or _pid_of(record) != pid:
        return None
    recorded = record.get("start_time")
    current = process_start_time(pid)
    if recorded is not None and current is not None and recorded != current:
        return None
    state = record.get("gateway_state")
    return state if isinstance(state, str) else None


def _live_gateway_pid(record: dict[str, Any], expected_home: Path | None) -> tuple[int | None, str]:
    """The pid ``record`` names when that process is alive, is the one recorded and is a gateway; else why not."""
    pid = _pid_of(record)
    if pid is None:
        return None, "no usable pid"
    if not pid_alive(pid):
        return None, f"pid {pid} is not running"
    recorded = record.get("start_time")
    current = process_start_time(pid)
    if recorded is not None and current is not None and recorded != current:
        return None, f"pid {pid} now belongs to another process (its start time differs)"
    command = _command_line(pid)
    if command:
        if _subcommand(command) not in ("run", "restart"):
            return None, f"pid {pid} is not a Hermes gateway ({_shorten(command)})"
        if expected_home is not None and not _belongs_to_home(command, expected_home):
            return None, f"pid {pid} is the gateway of another profile"
        return pid, ""
    # The command line cannot be read (Windows, another user's process): the record vouches for itself.
    argv = record.get("argv")
    if record.get("kind") == GATEWAY_KIND and isinstance(argv, list) and argv \
            and _subcommand(" ".join(str(part) for part in argv)) in ("run", "restart"):
        return pid, ""
    return None, f"pid {pid} cannot be shown to be a Hermes gateway"


def _pid_of(record: dict[str, Any]) -> int | None:
    try:
        pid = int(record["pid"])
    except (KeyError, TypeError, ValueError, OverflowError):
        return None
    return pid if 0 < pid < 2**32 else None


# --------------------------------------------------------------------------- files


def _read_record(path: Path, *, json_only: bool) -> tuple[dict[str, Any] | None, str | None]:
    """The record in ``path`` read as Hermes reads it, and what was wrong with it (None: nothing, or no file).

    ``gateway.pid`` and ``gateway.lock`` may also hold a bare pid (an integer,
    as older gateways wrote it); ``gateway_state.json`` must be a JSON object.
    """
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_RECORD_BYTES + 1)
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        return None, f"{path.name} cannot be read ({exc.strerror or exc})"
    if len(data) > MAX_RECORD_BYTES:
        return None, f"{path.name} is too large to be a gateway record"
    try:
        text = data.decode("utf-8").strip()
    except UnicodeDecodeError:
        return None, f"{path.name} is not text"
    if not text:
        return None, None if path.name == "gateway.lock" else f"{path.name} is empty"
    try:
        payload = json.loads(text)
    except (ValueError, RecursionError):
        if not json_only:
            try:
                return {"pid": int(text)}, None
            except ValueError:
                pass
        return None, f"{path.name} is not a gateway record"
    if isinstance(payload, dict):
        return payload, None
    if not json_only and isinstance(payload, int):
        return {"pid": payload}, None
    return None, f"{path.name} is not a gateway record"


def _lock_held(path: Path) -> bool | None:
    """Whether some process holds the lock on ``gateway.lock`` (None: the file cannot be opened to tell).

    Hermes tells by trying to take the lock itself, without waiting, and
    letting go at once. No read-only query sees the same lock on every
    platform (``/proc/locks`` is Linux's only), so this does the same, with
    two differences that keep it from ever disturbing a gateway:

    - it is only asked after a record has named a live gateway process, which
      took this lock before it wrote that record - so the attempt simply
      fails against a gateway's lock. A home without a live gateway is never
      locked here, so a gateway starting at that instant never finds the
      lock taken by this app and gives up;
    - the file is opened read-only, never created or written (Hermes' own
      probe opens it for appending and, on Windows, writes a newline into an
      empty one), and a shared lock is asked for: it conflicts with the
      gateway's exclusive one just the same, and needs no write access (NFS).

    On Windows the attempt is on the byte Hermes locks, at offset 1 MiB.
    As in Hermes, any failure of the attempt counts as held.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return False
    except OSError:
        return None
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            except OSError:
                return True
            os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            with contextlib.suppress(OSError):  # closing the handle below lets go of it too
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            return False
        import fcntl

        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


# --------------------------------------------------------------------------- command lines


def _command_line(pid: int) -> str | None:
    """The live command line of ``pid``, its words joined by spaces as Hermes reads them; None when unreadable."""
    try:
        words = psutil.Process(pid).cmdline()
    except (psutil.Error, OSError):
        return None
    return " ".join(words).strip() or None


def _tokens(command: str) -> Iterator[str]:
    """The words of a command line as Hermes compares them: quotes kept together then dropped, ``/``, lower case."""
    try:
        words = shlex.split(command, posix=False)
    except ValueError:  # an unbalanced quote
        words = command.split()
    for word in words:
        yield word.strip("\"'").replace("\\", "/").lower()


def _subcommand(command: str) -> str | None:
    """The ``hermes gateway`` subcommand a command line runs (``run``, ``restart``, ``status``...), or None."""
    words = list(_tokens(command))
    if not words:
        return None
    names = [word.rsplit("/", 1)[-1] for word in words]
    # Programs that only ever run the gateway take no subcommand.
    if any(word == "gateway/run.py" or word.endswith("/gateway/run.py") for word in words) \
            or any(name in ("hermes-gateway", "hermes-gateway.exe") for name in names):
        return "run"
    joined = " ".join(words)
    if not ("hermes_cli.main" in joined or "hermes_cli/main.py" in joined
            or any(name in ("hermes", "hermes.exe") for name in names)):
        return None
    # Hermes takes -p/--profile out of the arguments wherever they stand (a profile may be named "gateway").
    kept: list[str] = []
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word in ("--profile", "-p"):
            skip = True
        elif not word.startswith(("--profile=", "-p=")):
            kept.append(word)
    if "gateway" not in kept:
        return None
    after = kept.index("gateway") + 1
    return kept[after] if after < len(kept) else "run"


def _belongs_to_home(command: str, home: Path) -> bool:
    """Whether a gateway command line serves ``home``: the profile it names, or none for a home that is no profile."""
    text = command.lower()
    home_text = str(home).lower()
    if home.parent.name == "profiles" and home.name != "default":
        name = home.name.lower()
        return f"--profile {name}" in text or f"-p {name}" in text or f"hermes_home={home_text}" in text
    if "--profile " in text or " -p " in text:
        return False
    return "hermes_home=" not in text or f"hermes_home={home_text}" in text


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
