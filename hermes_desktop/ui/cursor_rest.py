"""The text cursor stops blinking when nobody types, as GTK's does (``gtk-cursor-blink-timeout``).

A blinking cursor repaints its field, and the window around it, twice a
second for as long as the field has focus: with the search field focused at
start, that was nearly all the CPU an idle window used (0.24-0.37 % of a core
instead of 0.04 %). After REST_AFTER_S without a key, a click or a focus
change in the focused widget, the cursor stays drawn but stops blinking; the
next key, click or focus change starts it again. Qt's text fields follow the
application's flash time live, so one setting covers every field.

Only the focused widget is watched (an event filter in Python on the whole
application would itself cost something on every event the app handles).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractScrollArea
from shiboken6 import isValid

REST_AFTER_S = 10.0  # GTK's default blink timeout
WAKING = frozenset({QEvent.Type.KeyPress, QEvent.Type.InputMethod, QEvent.Type.MouseButtonPress,
                    QEvent.Type.FocusIn})


class CursorRest(QObject):
    """Sets the application's cursor flash time to 0 after a quiet spell, and back on the next input."""

    def __init__(self, app: QGuiApplication, rest_after_s: float = REST_AFTER_S) -> None:
        super().__init__(app)
        self.hints = app.styleHints()
        self.flash_ms = self.hints.cursorFlashTime()
        self.resting = False
        self.watched: list[QObject] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(rest_after_s * 1000))
        self.timer.timeout.connect(self.rest)
        app.focusObjectChanged.connect(self._focus_moved)
        self._focus_moved(app.focusObject())

    def _focus_moved(self, obj: QObject | None) -> None:
        for old in self.watched:
            if isValid(old):
                old.removeEventFilter(self)
        # A text editor (QPlainTextEdit, QTextEdit) gets its clicks on its viewport, not on itself
        viewport = obj.viewport() if isinstance(obj, QAbstractScrollArea) else None
        self.watched = [w for w in (obj, viewport) if w is not None]
        for w in self.watched:
            w.installEventFilter(self)
        self.wake()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in WAKING:
            self.wake()
        return False

    def wake(self) -> None:
        """Blink again (if resting), and rest after the next quiet spell."""
        if self.resting:
            self.resting = False
            self.hints.setCursorFlashTime(self.flash_ms)
        self.timer.start()

    def rest(self) -> None:
        current = self.hints.cursorFlashTime()
        if current <= 0:
            return  # the user's system blinks not at all: nothing to rest
        self.flash_ms = current  # as the system has it now (it may have changed since)
        self.resting = True
        self.hints.setCursorFlashTime(0)


def rest_the_cursor(app: QGuiApplication) -> CursorRest:
    """Install :class:`CursorRest` for the application (once, at start)."""
    return CursorRest(app)
