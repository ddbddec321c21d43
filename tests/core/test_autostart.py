"""Start at login: the XDG entry for real; what macOS and Windows would be given, without those systems."""

from __future__ import annotations

import plistlib
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from hermes_desktop.core import autostart
from hermes_desktop.core.home import HermesHome


@pytest.fixture
def default_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> HermesHome:
    return HermesHome(Path.home() / ".hermes")


def read_exec(text: str) -> list[str]:
    """The Exec line's arguments as a desktop would run them (string escapes first, then the shell-like quoting)."""
    line = next(v for v in text.splitlines() if v.startswith("Exec="))[len("Exec="):]
    value = line.replace("\\\\", "\x00").replace("\\n", "\n").replace("\x00", "\\")
    args: list[str] = []
    chars = iter(value)
    current: str | None = None
    for c in chars:
        if c == '"':  # a quoted argument: backslash escapes " ` $ and itself
            current = current or ""
            for q in chars:
                if q == '"':
                    break
                current += next(chars) if q == "\\" else q
        elif c == " ":
            if current is not None:
                args.append(current)
            current = None
        else:
            current = (current or "") + c
    if current is not None:
        args.append(current)
    return [a.replace("%%", "%") for a in args]


def test_off_until_enabled_then_the_entry_starts_this_python_hidden(home: HermesHome, tmp_path: Path) -> None:
    path = tmp_path / "config" / "autostart" / "hermes-desktop.desktop"  # XDG_CONFIG_HOME is tmp/config
    assert autostart.xdg_entry_path() == path
    assert not autostart.is_enabled(platform="linux")
    autostart.enable(home, platform="linux")
    text = path.read_text()
    assert text.startswith("[Desktop Entry]\nType=Application\n")
    assert "X-GNOME-Autostart-enabled=true\n" in text
    assert read_exec(text) == [sys.executable, "-m", "hermes_desktop", "--home", str(home.root), "--hidden"]
    assert autostart.is_enabled(platform="linux")

    autostart.enable(home, platform="linux")  # again: the same entry, nothing else beside it
    assert path.read_text() == text
    assert [p.name for p in path.parent.iterdir()] == ["hermes-desktop.desktop"]

    autostart.disable(platform="linux")
    assert not path.exists() and not autostart.is_enabled(platform="linux")
    autostart.disable(platform="linux")  # nothing to remove: no error


def test_the_default_home_is_not_named(default_home: HermesHome) -> None:
    assert autostart.command(default_home, platform="linux") == [sys.executable, "-m", "hermes_desktop", "--hidden"]


def test_the_packaged_binary_starts_itself(monkeypatch: pytest.MonkeyPatch, default_home: HermesHome) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/hermes-desktop/hermes-desktop")
    assert autostart.command(default_home, platform="linux") == ["/opt/hermes-desktop/hermes-desktop", "--hidden"]


def test_without_xdg_config_home_the_entry_goes_to_dot_config(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CONFIG_HOME")
    assert autostart.xdg_entry_path() == Path.home() / ".config" / "autostart" / "hermes-desktop.desktop"


@pytest.mark.parametrize("line", ["Hidden=true", "X-GNOME-Autostart-enabled=false"])
def test_an_entry_turned_off_by_hand_counts_as_off(home: HermesHome, line: str) -> None:
    autostart.enable(home, platform="linux")
    path = autostart.xdg_entry_path()
    text = path.read_text().replace("X-GNOME-Autostart-enabled=true\n", "")
    path.write_text(text + line + "\n")
    assert not autostart.is_enabled(platform="linux")
    autostart.enable(home, platform="linux")  # switching it on again means on
    assert autostart.is_enabled(platform="linux")


def test_awkward_paths_are_quoted_as_the_desktop_entry_spec_says(tmp_path: Path) -> None:
    odd = str(tmp_path / 'my "hermes" $HOME 100% \\ `x`')
    text = autostart.desktop_entry(["/usr/bin/python3", "-m", "hermes_desktop", "--home", odd, "--hidden"])
    assert read_exec(text) == ["/usr/bin/python3", "-m", "hermes_desktop", "--home", odd, "--hidden"]
    assert "100%% " in text and "\\\\\\\\" in text  # a literal backslash in a quoted argument is four
    assert autostart.exec_arg("/plain/path") == "/plain/path"


def test_macos_gets_a_launch_agent_that_runs_at_load(home: HermesHome) -> None:
    path = Path.home() / "Library" / "LaunchAgents" / "org.hermes.desktop.plist"
    assert not autostart.is_enabled(platform="darwin")
    autostart.enable(home, platform="darwin")
    data = path.read_bytes()
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist')
    assert plistlib.loads(data) == {
        "Label": "org.hermes.desktop", "RunAtLoad": True, "ProcessType": "Interactive",
        "ProgramArguments": [sys.executable, "-m", "hermes_desktop", "--home", str(home.root), "--hidden"]}
    assert autostart.is_enabled(platform="darwin")
    path.write_bytes(plistlib.dumps({**plistlib.loads(data), "Disabled": True}))
    assert not autostart.is_enabled(platform="darwin")
    autostart.disable(platform="darwin")
    assert not path.exists()


class FakeWinreg(types.ModuleType):
    """The few winreg calls used, over a dict of the current user's keys."""

    HKEY_CURRENT_USER = "HKCU"
    KEY_SET_VALUE, KEY_READ, REG_SZ = 2, 0x20019, 1

    def __init__(self) -> None:
        super().__init__("winreg")
        self.keys: dict[str, dict[str, tuple[Any, int]]] = {}

    class _Key:
        def __init__(self, values: dict[str, tuple[Any, int]]) -> None:
            self.values = values

        def __enter__(self) -> FakeWinreg._Key:
            return self

        def __exit__(self, *_: object) -> None:
            pass

    def CreateKeyEx(self, root: str, sub: str, reserved: int, access: int) -> _Key:
        return self._Key(self.keys.setdefault(f"{root}\\{sub}", {}))

    def OpenKey(self, root: str, sub: str, reserved: int, access: int) -> _Key:
        if f"{root}\\{sub}" not in self.keys:
            raise FileNotFoundError(sub)
        return self._Key(self.keys[f"{root}\\{sub}"])

    def SetValueEx(self, key: _Key, name: str, reserved: int, kind: int, value: Any) -> None:
        key.values[name] = (value, kind)

    def QueryValueEx(self, key: _Key, name: str) -> tuple[Any, int]:
        if name not in key.values:
            raise FileNotFoundError(name)
        return key.values[name]

    def DeleteValue(self, key: _Key, name: str) -> None:
        if name not in key.values:
            raise FileNotFoundError(name)
        del key.values[name]


def test_windows_gets_a_run_value_for_the_current_user(monkeypatch: pytest.MonkeyPatch, home: HermesHome,
                                                       tmp_path: Path) -> None:
    fake = FakeWinreg()
    monkeypatch.setitem(sys.modules, "winreg", fake)
    app = tmp_path / "Program Files" / "Hermes Desktop" / "hermes-desktop.exe"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app))
    assert not autostart.is_enabled(platform="win32")
    autostart.enable(home, platform="win32")
    run = fake.keys[r"HKCU\Software\Microsoft\Windows\CurrentVersion\Run"]
    assert run == {"Hermes Desktop": (f'"{app}" --home {home.root} --hidden', FakeWinreg.REG_SZ)}
    assert autostart.is_enabled(platform="win32")
    autostart.disable(platform="win32")
    assert run == {} and not autostart.is_enabled(platform="win32")
    autostart.disable(platform="win32")  # nothing to remove: no error


def test_windows_runs_python_without_a_console(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                               default_home: HermesHome) -> None:
    (tmp_path / "Scripts").mkdir()
    (tmp_path / "Scripts" / "pythonw.exe").touch()
    monkeypatch.setattr(sys, "executable", str(tmp_path / "Scripts" / "python.exe"))
    assert autostart.command(default_home, platform="win32") == [
        str(tmp_path / "Scripts" / "pythonw.exe"), "-m", "hermes_desktop", "--hidden"]
