"""Finding Hermes (hermes-agent) on this machine, and which runner a job uses.

A prompt job is Hermes' job: when hermes-agent is installed it runs there,
with the job's tools, skills, toolsets, workdir and delivery, as ``hermes
cron`` would run it (``runner`` starts it; :data:`HERMES_DRIVER` is what runs
inside Hermes). This module only finds Hermes and says which runner a job
gets; it starts nothing but, at most, one short version query.

Hermes is looked for where a user expects it, first hit wins:

1. the path chosen in Settings (``hermes_path``) - when it is set and wrong,
   that is said, and no other Hermes is used in its place;
2. ``hermes`` on ``PATH``;
3. the places hermes-agent's installers put it (a desktop session often
   starts the app with a shorter ``PATH`` than a terminal has):
   ``~/.local/bin`` (the installer's link; pipx and uv link there too),
   ``~/.hermes/hermes-agent/venv`` (the installer's own environment),
   ``/usr/local/bin`` and ``/usr/local/lib/hermes-agent`` (a root install),
   pipx's and uv's tool environments, Homebrew's ``/opt/homebrew/bin`` on
   macOS, and ``%LOCALAPPDATA%\\hermes\\hermes-agent\\venv`` on Windows.

The job runs in the Python of Hermes' own environment, read from the
``hermes`` program's first line (a console script names its interpreter
there), else the ``python`` beside it. The version comes from that
environment's ``hermes_agent-*.dist-info`` - no process at all - else from
one ``importlib.metadata`` query, and is remembered per program and mtime
(an upgrade rewrites the program). Everything here touches the file system:
call it from a worker thread, never the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shlex
import shutil
import subprocess
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from .settings import Settings

log = logging.getLogger("hermes_desktop.ticker")

PROGRAM = "hermes"
DISTRIBUTION = "hermes-agent"
VERSION_QUERY_TIMEOUT_S = 20.0
# Tests turn this off so that a developer's own Hermes never runs their test jobs; a search given
# an explicit environment (``environ``/``user_home``) still happens.
SEARCH_MACHINE = True


class FoundBy(StrEnum):
    SETTINGS = "settings"
    PATH = "path"
    PLACE = "place"  # a usual install place


class HermesProblem(StrEnum):
    """Why the Hermes chosen in Settings cannot run jobs."""

    NOT_FOUND = "not_found"
    FOLDER = "folder"
    NOT_HERMES = "not_hermes"  # a file, but no Python of an environment goes with it


@dataclass(frozen=True)
class HermesInstall:
    program: Path  # the ``hermes`` program as found (a link stays a link)
    python: Path  # the interpreter of Hermes' environment
    version: str | None  # None: it could not be read
    found_by: FoundBy


@dataclass(frozen=True)
class HermesLookup:
    """What the search found: an install, or (only for a path set in Settings) why there is none."""

    install: HermesInstall | None
    problem: HermesProblem | None = None
    configured: str = ""

    @property
    def message(self) -> str:
        """The problem in English (the window words it in the UI language from ``problem``)."""
        path = self.configured
        if self.problem == HermesProblem.NOT_FOUND:
            return f"Hermes was not found at {path} (Settings → Hermes program): fix the path or clear it."
        if self.problem == HermesProblem.FOLDER:
            return f"{path} is a folder, not the hermes program (Settings → Hermes program)."
        if self.problem == HermesProblem.NOT_HERMES:
            return (f"{path} is not hermes-agent's hermes program: no Python environment goes with it "
                    "(Settings → Hermes program).")
        return ""


# --------------------------------------------------------------------------- where to look


def _windows(system: str) -> bool:
    return system == "win32"


def common_places(user_home: Path, environ: Mapping[str, str], system: str = sys.platform) -> list[Path]:
    """Where hermes-agent's installers (its own, pipx, uv, Homebrew) put the ``hermes`` program."""
    if _windows(system):
        local = Path(environ.get("LOCALAPPDATA") or user_home / "AppData" / "Local")
        roaming = Path(environ.get("APPDATA") or user_home / "AppData" / "Roaming")
        return [
            local / "hermes" / "hermes-agent" / "venv" / "Scripts" / "hermes.exe",
            local / "hermes" / "venv" / "Scripts" / "hermes.exe",
            user_home / ".local" / "bin" / "hermes.exe",
            user_home / "pipx" / "venvs" / DISTRIBUTION / "Scripts" / "hermes.exe",
            local / "pipx" / "pipx" / "venvs" / DISTRIBUTION / "Scripts" / "hermes.exe",
            roaming / "uv" / "tools" / DISTRIBUTION / "Scripts" / "hermes.exe",
        ]
    places = [
        user_home / ".local" / "bin" / PROGRAM,
        user_home / ".hermes" / "hermes-agent" / "venv" / "bin" / PROGRAM,
        user_home / ".hermes" / "hermes-agent" / ".venv" / "bin" / PROGRAM,
        Path("/usr/local/bin") / PROGRAM,
        Path("/usr/local/lib/hermes-agent/venv/bin") / PROGRAM,
        user_home / ".local" / "share" / "pipx" / "venvs" / DISTRIBUTION / "bin" / PROGRAM,
        user_home / ".local" / "pipx" / "venvs" / DISTRIBUTION / "bin" / PROGRAM,
        user_home / ".local" / "share" / "uv" / "tools" / DISTRIBUTION / "bin" / PROGRAM,
    ]
    if system == "darwin":
        places += [
            user_home / "Library" / "Application Support" / "pipx" / "venvs" / DISTRIBUTION / "bin" / PROGRAM,
            Path("/opt/homebrew/bin") / PROGRAM,
        ]
    prefix = environ.get("PREFIX", "")
    if environ.get("TERMUX_VERSION") and prefix:  # the installer's link on Termux
        places.append(Path(prefix) / "bin" / PROGRAM)
    return places


def find_hermes(configured: str = "", *, environ: Mapping[str, str] | None = None, user_home: Path | None = None,
                system: str = sys.platform) -> HermesLookup:
    """Find the Hermes that runs prompt jobs: the Settings path, else ``PATH``, else the usual places."""
    chosen = configured.strip()
    if chosen:
        path = Path(chosen).expanduser()
        if path.is_dir():
            return HermesLookup(None, HermesProblem.FOLDER, chosen)
        if not path.is_file():
            return HermesLookup(None, HermesProblem.NOT_FOUND, chosen)
        install = _install(path, FoundBy.SETTINGS, system)
        return HermesLookup(install, None if install else HermesProblem.NOT_HERMES, chosen)
    if environ is None and user_home is None and not SEARCH_MACHINE:
        return HermesLookup(None)
    env = os.environ if environ is None else environ
    home = Path.home() if user_home is None else user_home
    on_path = shutil.which(PROGRAM, path=env.get("PATH", ""))
    candidates = [(Path(on_path), FoundBy.PATH)] if on_path else []
    candidates += [(place, FoundBy.PLACE) for place in common_places(home, env, system)]
    for path, how in candidates:
        if not path.is_file():
            continue
        install = _install(path, how, system)
        if install is not None:
            return HermesLookup(install)
        log.info("%s is not hermes-agent's program (no Python environment found for it); looking further", path)
    return HermesLookup(None)


def _install(program: Path, how: FoundBy, system: str) -> HermesInstall | None:
    python = hermes_python(program, system)
    if python is None:
        return None
    return HermesInstall(program, python, hermes_version(program, python), how)


# --------------------------------------------------------------------------- its Python


def _is_python(path: Path) -> bool:
    return path.name.lower().startswith("python") and path.is_file()


def hermes_python(program: Path, system: str = sys.platform) -> Path | None:
    """The interpreter of the environment ``program`` belongs to, or None.

    A console script starts with ``#!/path/to/venv/bin/python``; pip writes a
    ``#!/bin/sh`` line and ``'''exec' /path/to/python "$0" "$@"`` when that path
    is too long for a ``#!`` line. A Windows ``hermes.exe`` has
    ``python.exe`` beside it. Links are followed to the real program first.
    """
    try:
        real = program.resolve(strict=True)
        with real.open("rb") as fh:
            head = fh.read(1024)
    except OSError:
        return None
    if head.startswith(b"#!"):
        lines = head.decode("utf-8", errors="replace").splitlines()
        named = _named_interpreter(lines)
        if named is not None and _is_python(named):
            return named
    beside = ("python.exe", "pythonw.exe") if _windows(system) else ("python3", "python")
    for name in beside:
        candidate = real.parent / name
        if candidate.is_file():
            return candidate
    return None


def _named_interpreter(lines: list[str]) -> Path | None:
    try:
        words = shlex.split(lines[0][2:].strip())
    except ValueError:
        return None
    if not words:
        return None
    if words[0] in ("/bin/sh", "/bin/bash") and len(lines) > 1 and lines[1].startswith("'''exec' "):
        with contextlib.suppress(ValueError, IndexError):
            return Path(shlex.split(lines[1][len("'''exec' "):])[0])
        return None
    if Path(words[0]).name == "env" and len(words) > 1:  # #!/usr/bin/env python3
        found = shutil.which(words[-1])
        return Path(found) if found else None
    return Path(words[0])


# --------------------------------------------------------------------------- its version

_versions: dict[tuple[str, int, str], str | None] = {}
_versions_lock = threading.Lock()


def hermes_version(program: Path, python: Path) -> str | None:
    """hermes-agent's version in ``python``'s environment, remembered per program and its mtime."""
    try:
        real = program.resolve(strict=True)
        key = (str(real), real.stat().st_mtime_ns, str(python))
    except OSError:
        return None
    with _versions_lock:
        if key in _versions:
            return _versions[key]
    version = _version_from_metadata(python) or _version_from_python(python)
    with _versions_lock:
        _versions[key] = version
    return version


def forget_versions() -> None:
    with _versions_lock:
        _versions.clear()


def _version_from_metadata(python: Path) -> str | None:
    """Read ``Version:`` from the environment's ``hermes_agent-*.dist-info/METADATA`` (no process)."""
    root = python.parent.parent
    if not (root / "pyvenv.cfg").is_file():
        return None
    found: list[Path] = []
    for pattern in ("lib/python*/site-packages/hermes_agent-*.dist-info/METADATA",
                    "Lib/site-packages/hermes_agent-*.dist-info/METADATA"):
        found += root.glob(pattern)
    for metadata in sorted(found, key=_mtime, reverse=True):  # a stale dist-info left by an upgrade is older
        with contextlib.suppress(OSError), metadata.open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if not line.strip():
                    break  # the headers end at the first blank line
                if line.startswith("Version:"):
                    return line.split(":", 1)[1].strip() or None
    return None


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _version_from_python(python: Path) -> str | None:
    code = f"import importlib.metadata as m; print(m.version({DISTRIBUTION!r}))"
    try:
        done = subprocess.run([str(python), "-c", code], capture_output=True, text=True,
                              timeout=VERSION_QUERY_TIMEOUT_S, env=python_environment(os.environ),
                              stdin=subprocess.DEVNULL, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        log.info("could not ask %s for hermes-agent's version: %s", python, exc)
        return None
    lines = done.stdout.strip().splitlines()
    return lines[-1].strip() if done.returncode == 0 and lines else None


def python_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """The environment for another Python: without this app's own Python settings.

    ``PYTHONPATH``/``PYTHONHOME`` of this app (or of its packaged build, which
    also sets the library path) would make Hermes' Python load the wrong
    modules.
    """
    env = {k: v for k, v in environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}
    if getattr(sys, "frozen", False):  # PyInstaller keeps the original library path beside its own
        for var in ("LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH"):
            original = env.pop(f"{var}_ORIG", None)
            env.pop(var, None)
            if original:
                env[var] = original
    return env


# --------------------------------------------------------------------------- which runner a job gets


class RunnerKind(StrEnum):
    HERMES = "hermes"  # the Hermes agent, as `hermes cron` runs the job
    BUILTIN = "builtin"  # one chat completion at the OpenAI-compatible endpoint in Settings
    SCRIPT = "script"  # a no-agent job: this app runs its script


@dataclass(frozen=True)
class Runner:
    kind: RunnerKind
    description: str  # in English, for logs and the command line; the window words its own
    hermes: HermesLookup | None = None  # the search, for a prompt job

    @property
    def problem(self) -> str | None:
        """Why the job cannot run (a Hermes path in Settings that is wrong), or None."""
        if self.hermes is not None and self.hermes.problem is not None:
            return self.hermes.message
        return None


def runner_for(job: Mapping[str, Any], settings: Settings, lookup: HermesLookup | None = None) -> Runner:
    """Which runner ``job`` gets with these settings (``lookup``: a search already made)."""
    if job.get("no_agent"):
        return Runner(RunnerKind.SCRIPT, "this app runs the job's script")
    found = lookup if lookup is not None else find_hermes(settings.hermes_path)
    install = found.install
    if install is not None:
        version = f" {install.version}" if install.version else ""
        return Runner(RunnerKind.HERMES, f"Hermes{version} ({install.program})", found)
    if found.problem is not None:
        return Runner(RunnerKind.HERMES, found.message, found)
    return Runner(RunnerKind.BUILTIN, "the built-in runner (the OpenAI-compatible endpoint in Settings)", found)
