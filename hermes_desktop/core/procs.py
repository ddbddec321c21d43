"""Processes: is an owner still alive, and which process is it really.

A pid alone can be reused after its process dies, so an owner is named by
``(pid, start time)``, the pair Hermes also records in ``cron/executions.db``:
on Linux the start time is field 22 of ``/proc/PID/stat`` (clock ticks since
boot), elsewhere psutil's creation time in centiseconds - the same values
Hermes writes, so this app and Hermes can judge each other's owners.
"""

from __future__ import annotations

import contextlib
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
