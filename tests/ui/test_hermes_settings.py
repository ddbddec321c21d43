"""Settings says which Hermes runs prompt jobs (or that the built-in runner does) and lets the user choose one;
the cron window says which runner each job uses."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from hermes_desktop.core import hermes
from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.settings import Settings, load_settings, save_settings
from hermes_desktop.ui.main_window import MainWindow
from hermes_desktop.ui.settings_window import SettingsWindow
from hermes_desktop.ui.workers import TaskRunner
from tests.fake_hermes import make_fake_hermes
from tests.ui.test_cron_window import manage

NO_HERMES = "No Hermes found: prompt jobs use the built-in runner and the endpoint below."


@pytest.fixture
def tasks(qapp: QApplication) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.stop()


@pytest.fixture
def program(tmp_path: Path) -> Path:
    hermes.forget_versions()
    return make_fake_hermes(tmp_path / "hermes-venv", "0.19.0")


def settings_window(qtbot: Any, home: HermesHome, tasks: TaskRunner) -> SettingsWindow:
    window = SettingsWindow(home, submit=tasks.submit)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def status(window: SettingsWindow) -> str:
    return window.hermes_status.text()


def test_settings_say_which_hermes_runs_prompt_jobs_and_a_path_typed_there_is_used(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, tasks: TaskRunner, program: Path, tmp_path: Path) -> None:
    window = settings_window(qtbot, home, tasks)
    qtbot.waitUntil(lambda: status(window) == NO_HERMES)  # looked up on the task thread
    assert window.hermes_path.placeholderText() == "Find automatically"

    with qtbot.waitSignal(window.changed, timeout=5000):
        window.hermes_path.setText(str(program))
    assert load_settings(home).hermes_path == str(program)
    qtbot.waitUntil(lambda: status(window) == f"Prompt jobs run with Hermes 0.19.0 ({program}).")
    assert window.hermes_status.accessibleName() == status(window)

    gone = str(tmp_path / "gone" / "hermes")
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.hermes_path.setText(gone)
    qtbot.waitUntil(lambda: status(window) == (f"Hermes was not found at {gone}. Prompt jobs fail until the path "
                                               "in Settings is fixed or cleared."))


def test_a_saved_path_is_shown_when_settings_open(qtbot, home: HermesHome, tasks: TaskRunner,  # type: ignore[no-untyped-def]
                                                  program: Path) -> None:
    save_settings(home, Settings(hermes_path=str(program)))
    window = settings_window(qtbot, home, tasks)
    assert window.hermes_path.text() == str(program)
    qtbot.waitUntil(lambda: status(window) == f"Prompt jobs run with Hermes 0.19.0 ({program}).")


def test_browse_chooses_the_program(qtbot, home: HermesHome, tasks: TaskRunner, program: Path,  # type: ignore[no-untyped-def]
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def choose(parent: Any, caption: str, folder: str = "", *args: Any) -> tuple[str, str]:
        asked.append(caption)
        return str(program), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    window = settings_window(qtbot, home, tasks)
    assert window.hermes_browse.text() == "Browse…" and window.hermes_browse.accessibleName()
    with qtbot.waitSignal(window.changed, timeout=5000):
        qtbot.mouseClick(window.hermes_browse, Qt.MouseButton.LeftButton)
    assert asked == ["Choose the hermes program"]
    assert window.hermes_path.text() == str(program) and load_settings(home).hermes_path == str(program)
    qtbot.waitUntil(lambda: status(window) == f"Prompt jobs run with Hermes 0.19.0 ({program}).")


def test_the_job_details_say_which_runner_a_job_uses(qtbot, window: MainWindow, store: JobStore,  # type: ignore[no-untyped-def]
                                                    home: HermesHome, program: Path) -> None:
    prompt_job = store.create("every 1h", "Summarize my inbox", name="inbox")
    script_job = store.create("every 1h", script="check.sh", no_agent=True, name="script")
    m = manage(qtbot, window, 2, prompt_job["id"])
    qtbot.waitUntil(lambda: "Runs with" in m.detail.facts.text())
    assert "The built-in runner (OpenAI-compatible endpoint)" in m.detail.facts.text()

    save_settings(home, Settings(hermes_path=str(program)))
    m.select(script_job["id"])
    qtbot.waitUntil(lambda: "This app (a script job)" in m.detail.facts.text())
    m.select(prompt_job["id"])
    qtbot.waitUntil(lambda: f"Hermes 0.19.0 ({program})" in m.detail.facts.text())
