"""The text cursor stops blinking (and repainting its field) once nobody types, and blinks again on input."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from hermes_desktop.ui.cursor_rest import CursorRest

REST_S = 0.3


class Paints(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


@pytest.fixture
def form(qtbot: QtBot, qapp: QApplication) -> Iterator[tuple[QWidget, QLineEdit, QPlainTextEdit, CursorRest]]:
    flash = qapp.styleHints().cursorFlashTime()
    qapp.styleHints().setCursorFlashTime(200)  # blinks 10 times a second: quick to see
    window = QWidget()
    line, text = QLineEdit(window), QPlainTextEdit(window)
    layout = QVBoxLayout(window)
    layout.addWidget(line)
    layout.addWidget(text)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    rest = CursorRest(qapp, rest_after_s=REST_S)
    yield window, line, text, rest
    qapp.focusObjectChanged.disconnect(rest._focus_moved)
    rest.timer.stop()
    rest.deleteLater()
    qapp.styleHints().setCursorFlashTime(flash)


def _paints_within(qtbot: QtBot, paints: Paints, ms: int) -> int:
    before = paints.count
    qtbot.wait(ms)
    return paints.count - before


def test_a_focused_field_stops_repainting_after_the_quiet_spell_and_blinks_again_on_a_key(
        qtbot: QtBot, qapp: QApplication, form: tuple[QWidget, QLineEdit, QPlainTextEdit, CursorRest]) -> None:
    _, line, _, rest = form
    paints = Paints(line)
    assert _paints_within(qtbot, paints, 250) >= 2  # blinking
    qtbot.waitUntil(lambda: rest.resting, timeout=3000)
    qtbot.wait(150)  # the last repaint of the cursor shown steady
    assert _paints_within(qtbot, paints, 400) == 0  # at rest: nothing repaints
    assert qapp.styleHints().cursorFlashTime() == 0
    qtbot.keyClick(line, Qt.Key.Key_A)
    assert line.text() == "a"
    assert not rest.resting and qapp.styleHints().cursorFlashTime() == 200
    assert _paints_within(qtbot, paints, 250) >= 2  # blinking again


def test_moving_the_focus_wakes_the_cursor_in_the_next_field_too(
        qtbot: QtBot, qapp: QApplication, form: tuple[QWidget, QLineEdit, QPlainTextEdit, CursorRest]) -> None:
    _, _, text, rest = form
    qtbot.waitUntil(lambda: rest.resting, timeout=3000)
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    assert not rest.resting and qapp.styleHints().cursorFlashTime() == 200
    paints = Paints(text.viewport())
    assert _paints_within(qtbot, paints, 250) >= 2  # the text editor's cursor blinks
    qtbot.waitUntil(lambda: rest.resting, timeout=3000)
    qtbot.wait(150)
    assert _paints_within(qtbot, paints, 400) == 0
    qtbot.keyClick(text, Qt.Key.Key_B)  # typing in the second field wakes it: the filter moved with the focus
    assert not rest.resting and text.toPlainText() == "b"


def test_a_system_that_does_not_blink_is_left_alone(
        qtbot: QtBot, qapp: QApplication, form: tuple[QWidget, QLineEdit, QPlainTextEdit, CursorRest]) -> None:
    _, line, _, rest = form
    qapp.styleHints().setCursorFlashTime(0)
    qtbot.waitUntil(lambda: not rest.timer.isActive(), timeout=3000)
    assert not rest.resting
    qtbot.keyClick(line, Qt.Key.Key_A)
    assert qapp.styleHints().cursorFlashTime() == 0  # not turned on by a wake
