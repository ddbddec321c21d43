"""Python's full garbage collections, moved to moments nobody is looking.

A full collection walks every object the process holds and stops every
thread while it does: with 10,000 jobs in memory (the model, the ticker's
and the task thread's parses) that is 50-130 ms, at whatever moment the
allocation counters say. The young generations are collected as usual (a few
milliseconds each); full passes run from a timer, while the user is in
another application (or the window is hidden), at most every few minutes -
and, should the app stay in front for a long time, at the latest every half
hour. No event filter watches for input: one in Python would itself cost
something on every event the app handles.
"""

from __future__ import annotations

import gc
import sys
import time

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

FULL_ONLY_AFTER = 1_000_000  # young collections before a full one runs on its own: in practice, never
EVERY_S = 300.0  # at most this often while the user is elsewhere
AT_LATEST_S = 1800.0  # even with the app in front all the time
CHECK_MS = 10_000


class IdleCollector(QObject):
    """Runs the full collection the collector no longer runs on its own, when the user is away."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.last_full = time.monotonic()
        self.collections = 0
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.maybe_collect)
        self.timer.start()

    @staticmethod
    def user_elsewhere() -> bool:
        return QGuiApplication.applicationState() != Qt.ApplicationState.ApplicationActive

    def maybe_collect(self) -> bool:
        since = time.monotonic() - self.last_full
        if since < EVERY_S or (since < AT_LATEST_S and not self.user_elsewhere()):
            return False
        gc.collect()
        self.last_full = time.monotonic()
        self.collections += 1
        return True


# How long a thread running Python keeps the interpreter before another may have it (CPython: 5 ms). The GUI
# thread's Qt code calls back into Python for every row it lays out (rowCount, data); with a worker thread
# busy in Python (reading a 9 MB jobs.json, an agenda of 10,000 jobs) each of those calls could wait up to the
# interval, and a 100-row layout step took 260-350 ms instead of 30. Handing over ten times as often costs
# the workers a little; the window stays under its 50 ms.
GUI_SWITCH_INTERVAL_S = 0.0005


def share_the_interpreter_often() -> None:
    """Let the GUI thread have Python back quickly while worker threads compute (see GUI_SWITCH_INTERVAL_S)."""
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)


def collect_when_idle(app: QObject) -> IdleCollector:
    """Young generations as Python has them; full collections only from :class:`IdleCollector`."""
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_ONLY_AFTER)
    return IdleCollector(app)
