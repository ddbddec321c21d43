"""Background work hands back the exception itself, so the window decides by what went wrong."""

from __future__ import annotations

from typing import Any

from hermes_desktop.core.jobs import LockTimeout
from hermes_desktop.core.schedule import ScheduleError
from hermes_desktop.ui.workers import TaskRunner


def test_a_failed_task_reaches_the_gui_thread_as_the_exception_with_its_code(qtbot: Any) -> None:
    tasks = TaskRunner()
    got: list[tuple[Any, BaseException | None]] = []

    def refuse() -> None:
        raise ScheduleError("past", "The one-shot time has already passed.")

    def busy() -> None:
        raise LockTimeout("Another program has held the lock.")

    try:
        tasks.submit(refuse, lambda result, error: got.append((result, error)))
        tasks.submit(busy, lambda result, error: got.append((result, error)))
        tasks.submit(lambda: 42, lambda result, error: got.append((result, error)))
        qtbot.waitUntil(lambda: len(got) == 3)
    finally:
        tasks.stop()
    (_, schedule_error), (_, lock_error), ok = got
    assert isinstance(schedule_error, ScheduleError) and schedule_error.code == "past"
    assert isinstance(lock_error, LockTimeout)  # a retryable kind stays recognisable
    assert ok == (42, None)
