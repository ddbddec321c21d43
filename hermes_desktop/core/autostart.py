"""Start Hermes Desktop when the user logs in: the system's own entry is the only record of the choice.

- Linux and other XDG desktops: ``$XDG_CONFIG_HOME/autostart/hermes-desktop.desktop`` (a Desktop Entry; one
  with ``Hidden=true`` or ``X-GNOME-Autostart-enabled=false``, as a desktop's own settings leave it, is off).
- macOS: the LaunchAgent ``~/Library/LaunchAgents/org.hermes.desktop.plist`` (``RunAtLoad``).
- Windows: the ``Hermes Desktop`` value under ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``.

Each starts the program running now - the packaged binary when frozen, else this Python with
``-m hermes_desktop`` - with ``--hidden`` (into the tray) and ``--home`` when the home is not the default one.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import plistlib
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from .home import HermesHome

DESKTOP_FILE = "hermes-desktop.desktop"
LAUNCH_AGENT = "org.hermes.desktop"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "Hermes Desktop"


def default_home_root() -> Path:
    """The home a start at login finds by itself (no ``$HERMES_HOME`` is promised in a login session)."""
    return (Path.home() / ".hermes").absolute()


def command(home: HermesHome | None, *, platform: str | None = None) -> list[str]:
    """The program and arguments a start at login runs."""
    platform = platform or sys.platform
    if getattr(sys, "frozen", False):
        args = [sys.executable]
    else:
        python = Path(sys.executable)  # not resolved: a virtual environment's python is a link to the base one
        windowless = python.with_name("pythonw.exe")
        if platform == "win32" and windowless.exists():
            python = windowless  # no console window at login
        args = [str(python), "-m", "hermes_desktop"]
    if home is not None and home.root.absolute() != default_home_root():
        args += ["--home", str(home.root)]
    return [*args, "--hidden"]


# ---- Linux / XDG ---------------------------------------------------------------------------------------------

_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def exec_arg(arg: str) -> str:
    """One argument of a Desktop Entry ``Exec`` line, quoted and escaped as the specification says."""
    arg = arg.replace("%", "%%")  # not a field code
    if not arg or any(c in _RESERVED for c in arg):
        arg = '"' + re.sub(r'(["`$\\])', r"\\\1", arg) + '"'
    # The string-value escapes apply first when read: a backslash is written twice, a line break as \n.
    return arg.replace("\\", "\\\\").replace("\n", "\\n")


def desktop_entry(args: list[str]) -> str:
    return ("[Desktop Entry]\n"
            "Type=Application\n"
            "Name=Hermes Desktop\n"
            "Comment=Fires your scheduled Hermes jobs while you are logged in\n"
            f"Exec={' '.join(exec_arg(a) for a in args)}\n"
            "Icon=hermes-desktop\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n")


def xdg_entry_path() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME", "").strip()
    base = Path(config) if config and Path(config).is_absolute() else Path.home() / ".config"
    return base / "autostart" / DESKTOP_FILE


def _entry_is_on(text: str) -> bool:
    group, values = "", {}
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            group = line[1:-1]
        elif group == "Desktop Entry" and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            values[key.strip()] = value.strip()
    return (values.get("Hidden", "false").lower() != "true"
            and values.get("X-GNOME-Autostart-enabled", "true").lower() != "false")


# ---- macOS ---------------------------------------------------------------------------------------------------

def launch_agent_path() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT}.plist"


def launch_agent(args: list[str]) -> bytes:
    return plistlib.dumps({"Label": LAUNCH_AGENT, "ProgramArguments": args, "RunAtLoad": True,
                           "ProcessType": "Interactive"}, fmt=plistlib.FMT_XML)


def _agent_is_on(data: bytes) -> bool:
    try:
        plist = plistlib.loads(data)
    except Exception:  # any unreadable plist: launchd will not run it either
        return False
    return isinstance(plist, dict) and plist.get("RunAtLoad") is True and plist.get("Disabled") is not True


# ---- Windows -------------------------------------------------------------------------------------------------

def run_value(args: list[str]) -> str:
    return subprocess.list2cmdline(args)


def _winreg() -> Any:
    return importlib.import_module("winreg")


# ---- the three together --------------------------------------------------------------------------------------

def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=str(path.parent), prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def enable(home: HermesHome | None, *, platform: str | None = None) -> None:
    """Start at login (again, with today's program and home: enabling twice writes the same entry)."""
    platform = platform or sys.platform
    args = command(home, platform=platform)
    if platform == "win32":
        winreg = _winreg()
        with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
            winreg.SetValueEx(key, RUN_VALUE, 0, winreg.REG_SZ, run_value(args))
    elif platform == "darwin":
        _write(launch_agent_path(), launch_agent(args))
    else:
        _write(xdg_entry_path(), desktop_entry(args).encode("utf-8"))


def disable(*, platform: str | None = None) -> None:
    """No start at login (nothing to do when there was none)."""
    platform = platform or sys.platform
    if platform == "win32":
        winreg = _winreg()
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, RUN_VALUE)
        except FileNotFoundError:
            pass
    else:
        (launch_agent_path() if platform == "darwin" else xdg_entry_path()).unlink(missing_ok=True)


def is_enabled(*, platform: str | None = None) -> bool:
    """Whether the app starts at login, as the system's entry says (edited by hand or by the desktop, too)."""
    platform = platform or sys.platform
    try:
        if platform == "win32":
            winreg = _winreg()
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_READ) as key:
                value, _kind = winreg.QueryValueEx(key, RUN_VALUE)
            return bool(str(value).strip())
        if platform == "darwin":
            return _agent_is_on(launch_agent_path().read_bytes())
        return _entry_is_on(xdg_entry_path().read_text(encoding="utf-8", errors="replace"))
    except FileNotFoundError:
        return False
