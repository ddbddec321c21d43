"""Full garbage collections wait until the user is away."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from hermes_desktop.ui import collector


@pytest.fixture
def idle(qapp: QApplication) -> Iterator[collector.IdleCollector]:
    before = gc.get_threshold()
    c = collector.collect_when_idle(qapp)
    yield c
    c.timer.stop()
    qapp.removeEventFilter(c)
    gc.set_threshold(*before)


def test_the_collector_never_starts_a_full_pass_on_its_own(idle: collector.IdleCollector) -> None:
    assert gc.get_threshold()[2] >= collector.FULL_ONLY_AFTER


def test_a_full_collection_runs_only_once_the_user_has_been_away(idle: collector.IdleCollector,
                                                                  qapp: QApplication) -> None:
    idle.last_full = time.monotonic() - collector.EVERY_S - 1
    idle.last_input = time.monotonic() - collector.QUIET_S - 1
    QApplication.sendEvent(qapp, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier))
    assert not idle.maybe_collect()  # a key was just pressed
    idle.last_input = time.monotonic() - collector.QUIET_S - 1
    assert idle.maybe_collect() and idle.collections == 1
    assert not idle.maybe_collect()  # and not again for a while
