"""A pasted API key that cannot be sent is refused with the reason beside the field (issue #11).

The key saved before stays in the file, the other settings still save, the
reason is said in the window's language, the "Show" toggle can be seen and
used, and a settings file that cannot be written says so in one line.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.settings import Settings, load_settings, save_settings
from hermes_desktop.i18n import install_translators
from hermes_desktop.ui.app import create_main_window
from hermes_desktop.ui.settings_window import SettingsWindow
from hermes_desktop.ui.workers import TaskRunner
from tests.ui.readable import clear_line

GOOD_KEY = "sk-good-0123456789abcdef"


@pytest.fixture
def tasks(qapp: QApplication) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.stop()


def settings_window(qtbot: Any, home: HermesHome, tasks: TaskRunner) -> SettingsWindow:
    window = SettingsWindow(home, submit=tasks.submit)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def saved_key(home: HermesHome) -> str:
    return str(json.loads(home.settings_file.read_text(encoding="utf-8"))["api_key"])


@pytest.mark.parametrize("how", ["typed", "pasted"])
def test_a_key_with_a_line_break_is_refused_with_the_reason_and_the_old_key_stays(  # type: ignore[no-untyped-def]
    qtbot, home: HermesHome, tasks: TaskRunner, how: str
) -> None:
    save_settings(home, Settings(api_key=GOOD_KEY, model="old-model"))
    window = settings_window(qtbot, home, tasks)
    assert not window.api_key_problem.isVisible()

    with qtbot.waitSignal(window.changed, timeout=5000):  # the other settings are saved as the key changes
        if how == "typed":
            window.api_key.setText("sk-abc\ndef")
        else:
            QGuiApplication.clipboard().setText("sk-abc\ndef")
            window.api_key.setFocus()
            window.api_key.selectAll()  # pasted over the old key, as people replace one
            qtbot.keyClick(window.api_key, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.api_key.text() == "sk-abc\ndef"
    assert window.api_key_problem.isVisible()
    reason = clear_line(window.api_key_problem.text(), "line break")
    assert "not saved" in reason
    assert window.api_key.accessibleDescription() == window.api_key_problem.text()

    # The other settings still save; the broken key never reaches the file.
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.model.setText("new-model")
    assert load_settings(home).model == "new-model"
    assert saved_key(home) == GOOD_KEY

    # Fixing the key saves it and the reason goes.
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.api_key.setText("sk-abcdef-fixed-0123")
    assert saved_key(home) == "sk-abcdef-fixed-0123"
    assert not window.api_key_problem.isVisible()
    assert window.api_key.accessibleDescription() == ""


def test_a_key_with_characters_a_header_cannot_carry_is_refused(qtbot, home: HermesHome,  # type: ignore[no-untyped-def]
                                                                 tasks: TaskRunner) -> None:
    save_settings(home, Settings(api_key=GOOD_KEY))
    window = settings_window(qtbot, home, tasks)
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.api_key.setText("sk-ключ-0123456789")
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.run_jobs.setChecked(False)  # a save happens, and does not take the key with it
    assert window.api_key_problem.isVisible()
    clear_line(window.api_key_problem.text(), "request header")
    assert saved_key(home) == GOOD_KEY and load_settings(home).run_jobs_in_app is False


def test_a_broken_key_already_in_the_file_is_pointed_out_and_left_as_it_is(  # type: ignore[no-untyped-def]
    qtbot, home: HermesHome, tasks: TaskRunner
) -> None:
    home.settings_file.write_text(json.dumps({"api_key": "sk-abc def-0123456789"}), encoding="utf-8")
    window = settings_window(qtbot, home, tasks)
    assert window.api_key_problem.isVisible()
    clear_line(window.api_key_problem.text(), "space")
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.keep_runs.setValue(3)
    assert saved_key(home) == "sk-abc def-0123456789" and load_settings(home).keep_runs == 3


def test_the_show_toggle_is_drawn_and_reveals_the_key(qtbot, home: HermesHome, tasks: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    window = settings_window(qtbot, home, tasks)
    toggle = window.show_api_key
    assert toggle.isVisible() and toggle.accessibleName() == "Show the API key"
    image = toggle.grab().toImage()
    colours = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
    assert len(colours) > 1, "the toggle draws nothing: it is there, but nobody can see it"
    assert toggle.width() >= toggle.fontMetrics().horizontalAdvance(toggle.text())
    assert window.api_key.echoMode() == QLineEdit.EchoMode.Password
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert window.api_key.echoMode() == QLineEdit.EchoMode.Normal and toggle.text() == "Hide"
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert window.api_key.echoMode() == QLineEdit.EchoMode.Password and toggle.text() == "Show"


@pytest.mark.parametrize(
    ("code", "line_break", "header"),
    [
        ("ja", "この API キーには空白・改行・制御文字が含まれているため、保存しませんでした。"
               "1 行で貼り付け直してください。",
         "この API キーにはリクエストヘッダーに入れられない文字が含まれているため、保存しませんでした。"
         "もう一度貼り付けてください。"),
        ("zh_Hans", "此 API 密钥含有空格、换行符或控制字符，因此未保存。请将它作为一行重新粘贴。",
         "此 API 密钥含有无法放入请求头的字符，因此未保存。请重新粘贴。"),
        ("zh_Hant", "此 API 金鑰含有空格、換行字元或控制字元，因此未儲存。請以單行重新貼上。",
         "此 API 金鑰含有無法放入請求標頭的字元，因此未儲存。請重新貼上。"),
    ],
    ids=["ja", "zh_Hans", "zh_Hant"],
)
def test_the_key_problem_is_said_in_the_window_language(qtbot, qapp: QApplication, home: HermesHome,  # type: ignore[no-untyped-def]
                                                         tasks: TaskRunner, code: str, line_break: str,
                                                         header: str) -> None:
    install_translators(qapp, code)
    window = settings_window(qtbot, home, tasks)
    window.api_key.setText("sk-abc\ndef")
    assert window.api_key_problem.text() == line_break

    def whole_reason_shows() -> None:  # the window grows to fit the wrapped lines instead of cutting them off
        label = window.api_key_problem
        assert label.height() >= label.heightForWidth(label.width()) > label.fontMetrics().height()

    qtbot.waitUntil(whole_reason_shows, timeout=2000)
    window.api_key.setText("sk-ключ-0123456789")
    assert window.api_key_problem.text() == header
    assert window.show_api_key.text() != "Show"


def test_settings_that_cannot_be_written_say_so_in_one_line(qtbot, home: HermesHome,  # type: ignore[no-untyped-def]
                                                            tasks: TaskRunner) -> None:
    window = settings_window(qtbot, home, tasks)
    home.settings_file.mkdir()  # nothing can be renamed onto a folder
    window.keep_runs.setValue(5)
    qtbot.waitUntil(lambda: window.save_error.isVisible(), timeout=5000)
    line = clear_line(window.save_error.text(), "Settings not saved")
    assert "desktop-settings.json" in line
    home.settings_file.rmdir()
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.keep_runs.setValue(6)
    assert not window.save_error.isVisible() and load_settings(home).keep_runs == 6


def test_a_setting_changed_just_before_closing_is_still_written(qtbot, home: HermesHome) -> None:  # type: ignore[no-untyped-def]
    window = create_main_window(home, start_ticker=False)
    qtbot.addWidget(window)
    window.show()
    settings: SettingsWindow = window.dialogs.open_settings()
    qtbot.addWidget(settings)
    tasks: TaskRunner = window.ctx.tasks
    # Hold the task thread busy until the window is closing, so the changes are still queued when it stops.
    busy = threading.Event()
    tasks.submit(lambda: busy.wait(5))
    thread_wait = tasks._thread.wait
    tasks._thread.wait = lambda: (busy.set(), thread_wait())[1]  # type: ignore[method-assign]
    settings.keep_runs.setValue(9)
    settings.api_key.setText(GOOD_KEY)
    window.close()  # the task thread finishes what it was given before it stops
    assert busy.is_set()
    assert load_settings(home).keep_runs == 9 and saved_key(home) == GOOD_KEY


def test_typing_saves_once_it_pauses_not_on_every_key(qtbot, home: HermesHome, tasks: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    window = settings_window(qtbot, home, tasks)
    saves: list[object] = []
    window.changed.connect(saves.append)
    window.model.setFocus()
    with qtbot.waitSignal(window.changed, timeout=5000):
        qtbot.keyClicks(window.model, "gpt-4o-mini-2024")  # 16 keystrokes
    assert len(saves) == 1 and load_settings(home).model == "gpt-4o-mini-2024"
    window.model.setText(window.model.text() + "-x")
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.close()  # closing saves what was typed last, at once
    assert load_settings(home).model == "gpt-4o-mini-2024-x"
