"""Settings' "Start Hermes Desktop when I log in": off by default, and the system's login entry is its only record."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from hermes_desktop.core import autostart
from hermes_desktop.core.home import HermesHome
from hermes_desktop.ui.main_window import MainWindow
from hermes_desktop.ui.settings_window import SettingsWindow
from hermes_desktop.ui.workers import TaskRunner

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG entry is checked on disk")


@pytest.fixture
def tasks(qapp: QApplication) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.stop()


def entry() -> Path:
    return autostart.xdg_entry_path()


def test_off_by_default_and_the_switch_writes_the_entry_off_the_gui_thread(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, tasks: TaskRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    writers: list[bool] = []
    enable = autostart.enable

    def watched_enable(*args: Any, **kwargs: Any) -> None:
        writers.append(threading.current_thread() is threading.main_thread())
        enable(*args, **kwargs)

    monkeypatch.setattr(autostart, "enable", watched_enable)
    window = SettingsWindow(home, submit=tasks.submit)
    qtbot.addWidget(window)
    window.show()
    box = window.start_at_login
    settings_before = home.settings_file.read_bytes() if home.settings_file.exists() else None
    assert box.text() == "Start Hermes Desktop when I log in"
    qtbot.waitUntil(box.isEnabled)  # read on the task thread
    assert not box.isChecked() and not entry().exists()

    box.click()
    qtbot.waitUntil(lambda: entry().exists() and box.isEnabled())
    assert box.isChecked() and writers == [False]
    assert f"--home {home.root} --hidden" in entry().read_text()
    # the entry is the record: desktop-settings.json is not written for it
    assert (home.settings_file.read_bytes() if home.settings_file.exists() else None) == settings_before

    box.click()
    qtbot.waitUntil(lambda: not entry().exists() and box.isEnabled())
    assert not box.isChecked()


def test_the_switch_shows_the_entry_as_the_desktop_left_it(qtbot, home: HermesHome,  # type: ignore[no-untyped-def]
                                                             tasks: TaskRunner) -> None:
    autostart.enable(home)

    def opened() -> SettingsWindow:
        window = SettingsWindow(home, submit=tasks.submit)
        qtbot.addWidget(window)
        qtbot.waitUntil(window.start_at_login.isEnabled)
        return window

    assert opened().start_at_login.isChecked()
    entry().write_text(entry().read_text() + "Hidden=true\n")  # turned off in the desktop's own settings
    assert not opened().start_at_login.isChecked()


def test_a_refused_write_is_said_and_the_switch_shows_the_truth(qtbot, home: HermesHome,  # type: ignore[no-untyped-def]
                                                                  tasks: TaskRunner) -> None:
    entry().parent.parent.mkdir(parents=True, exist_ok=True)
    entry().parent.write_text("a file where the autostart folder goes")
    window = SettingsWindow(home, submit=tasks.submit)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.start_at_login.isEnabled)
    window.start_at_login.click()
    qtbot.waitUntil(lambda: window.save_error.isVisible() and window.start_at_login.isEnabled())
    assert window.save_error.text().startswith("Start at login not changed: ")
    assert not window.start_at_login.isChecked()


def test_the_main_windows_settings_use_the_task_thread(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    settings = window.dialogs.open_settings()
    qtbot.waitUntil(settings.start_at_login.isEnabled)
    settings.start_at_login.click()
    qtbot.waitUntil(lambda: entry().exists() and settings.start_at_login.isEnabled())
    assert autostart.is_enabled()
