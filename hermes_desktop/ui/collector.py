"""Python's full garbage collections, moved to moments nobody is looking.

A full collection walks every object the process holds and stops every
thread while it does: with 10,000 jobs in memory (the model, the ticker's
and the task thread's parses) that is 50-130 ms, at whatever moment the
allocation counters say. The young generations are collected as usual (a few
milliseconds each); full passes happen only once the user has not touched
the app for a while, at most every few minutes.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QEvent, QObject, QTimer

FULL_ONLY_AFTER = 1_000_000  # young collections before a full one runs on its own: in practice, never
QUIET_S = 20.0  # no key, mouse or wheel input for this long
EVERY_S = 300.0
CHECK_MS = 10_000

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
          QEvent.Type.TouchBegin, QEvent.Type.Shortcut}


class IdleCollector(QObject):
    """Runs the full collection the collector no longer runs on its own, when the user is away."""

    def __init__(self, app: QObject) -> None:
        super().__init__(app)
        self.last_input = time.monotonic()
        self.last_full = time.monotonic()
        self.collections = 0
        app.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.maybe_collect)
        self.timer.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.last_input = time.monotonic()
        return False

    def maybe_collect(self) -> bool:
        now = time.monotonic()
        if now - self.last_input < QUIET_S or now - self.last_full < EVERY_S:
            return False
        gc.collect()
        self.last_full = time.monotonic()
        self.collections += 1
        return True


def collect_when_idle(app: QObject) -> IdleCollector:
    """Young generations as Python has them; full collections only from :class:`IdleCollector`."""
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_ONLY_AFTER)
    return IdleCollector(app)
