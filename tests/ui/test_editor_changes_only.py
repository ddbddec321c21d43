"""The job editor saves only what the person changed, and a one-shot whose time has passed can still be edited."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.ui.job_editor import JobEditor
from hermes_desktop.ui.workers import run_here

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 26, 5, 0, tzinfo=UTC)


def _editor(qtbot: Any, home: HermesHome, store: JobStore, job: dict, saved: list[dict],
            now: datetime = NOW) -> JobEditor:
    def save(values: dict[str, Any]) -> dict:
        saved.append(values)
        return store.update(job["id"], **values)

    editor = JobEditor(home, run_here, save, job, tz=NY, now=lambda: now)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def test_renaming_an_every_2h_job_keeps_its_next_run(qtbot: Any, home: HermesHome) -> None:
    store = JobStore(home, tz=NY, clock=lambda: NOW)
    job = store.create("every 2h", "Check the build")
    later = NOW + timedelta(minutes=50)
    saved: list[dict] = []
    editor = _editor(qtbot, home, JobStore(home, tz=NY, clock=lambda: later), job, saved, later)
    editor.name.setText("Build watch")
    assert editor.save_button.isEnabled()
    with qtbot.waitSignal(editor.saved):
        editor.save()
    assert saved == [{"name": "Build watch"}]
    assert store.get(job["id"])["next_run_at"] == job["next_run_at"]


def test_a_missed_one_shot_opens_with_its_time_and_can_be_renamed(qtbot: Any, home: HermesHome) -> None:
    store = JobStore(home, tz=NY, clock=lambda: NOW)
    job = store.create("in 30m", "Call the bank")
    store.mutate(lambda rs: rs[0].update(state="error", enabled=False, next_run_at=None, last_error="Missed"))
    job = store.get(job["id"])
    saved: list[dict] = []
    editor = _editor(qtbot, home, store, job, saved, NOW + timedelta(days=2))
    assert editor.schedule == job["schedule"] and not editor.schedule_error.isVisible()
    editor.name.setText("Bank")
    assert editor.save_button.isEnabled()
    with qtbot.waitSignal(editor.saved):
        editor.save()
    assert saved == [{"name": "Bank"}]
    # typing a time that has passed is refused with the reason, as for any schedule
    editor2 = _editor(qtbot, home, store, store.get(job["id"]), saved, NOW + timedelta(days=2))
    editor2.schedule_input.setText("2026-11-20T10:00")
    assert not editor2.save_button.isEnabled() and editor2.schedule_error.isVisible()
