"""Test setup: no screen needed, and nothing touches the user's real home or settings."""

from __future__ import annotations

import os

# Before any Qt import: plain `pytest` works on a machine without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from hermes_desktop.core.home import HermesHome


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point HERMES_HOME and Qt's settings at the test's own folder."""
    monkeypatch.setenv("HERMES_HOME", str(tmp_path / "hermes-home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL", "HERMES_DESKTOP_MODEL", "HERMES_TIMEZONE"):
        monkeypatch.delenv(var, raising=False)
    # No administrator's managed scope (/etc/hermes) leaks into a test.
    monkeypatch.setenv("HERMES_MANAGED_DIR", str(tmp_path / "no-managed-scope"))
    from hermes_desktop.core import hermes
    from hermes_desktop.core.zone import forget_zones

    forget_zones()
    # A Hermes installed on this machine never runs a test's jobs; tests that want one name it.
    monkeypatch.setattr(hermes, "SEARCH_MACHINE", False)


@pytest.fixture(autouse=True)
def _qsettings_in_tmp(tmp_path: Path) -> None:
    """Window geometry, splitters and collapsed sections go to the test's folder."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


@pytest.fixture
def home(tmp_path: Path) -> HermesHome:
    return HermesHome(tmp_path / "hermes-home").ensure()
