"""Full garbage collections wait until the user is in another application."""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from hermes_desktop.ui import collector


@pytest.fixture
def idle(qapp: QApplication) -> Iterator[collector.IdleCollector]:
    before, switch = gc.get_threshold(), sys.getswitchinterval()
    c = collector.collect_when_idle(qapp)
    yield c
    c.timer.stop()
    gc.set_threshold(*before)
    sys.setswitchinterval(switch)


def test_the_collector_never_starts_a_full_pass_on_its_own(idle: collector.IdleCollector) -> None:
    assert gc.get_threshold()[2] >= collector.FULL_ONLY_AFTER


def test_a_full_collection_runs_while_the_user_is_elsewhere_and_not_again_soon(
        idle: collector.IdleCollector, monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = [False]
    monkeypatch.setattr(collector.IdleCollector, "user_elsewhere", staticmethod(lambda: elsewhere[0]))
    idle.last_full = time.monotonic() - collector.EVERY_S - 1
    assert not idle.maybe_collect()  # the user is working in the app
    elsewhere[0] = True
    assert idle.maybe_collect() and idle.collections == 1
    assert not idle.maybe_collect()  # and not again for a while
    elsewhere[0] = False
    idle.last_full = time.monotonic() - collector.AT_LATEST_S - 1
    assert idle.maybe_collect()  # in front for half an hour: it runs anyway
