"""Where Tab is shows: a job row with keyboard focus draws a ring in the palette's accent (#15)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from tests.ui.test_main_window import make_window, wait_jobs


def accent_pixels(row: Any) -> int:
    image = row.grab().toImage()
    accent = row.palette().color(QPalette.ColorRole.Highlight)
    edge = [(x, 1) for x in range(image.width())] + [(1, y) for y in range(image.height())]
    return sum(_near(image.pixelColor(x, y), accent) for x, y in edge)


def _near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 60


def test_a_focused_job_row_shows_a_ring_and_an_unfocused_one_none(qtbot: Any, home: HermesHome) -> None:
    store = JobStore(home)
    store.create("every 1h", "first", name="First")
    store.create("every 2h", "second", name="Second")
    window = make_window(qtbot, home)
    wait_jobs(qtbot, window, 2)
    rows = window.cron.rows
    qtbot.waitUntil(lambda: len(rows) == 2)
    first, second = (rows[i] for i in window.cron.order)
    window.activateWindow()
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(first.hasFocus)
    assert accent_pixels(first) > 40
    assert accent_pixels(second) == 0
