"""Run now answers at once: Queued, then Running, then the outcome; asked twice it runs once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.sessions import SessionStore
from hermes_desktop.core.states import JobState

from .test_main_window import make_window, wait_jobs


def gated_job(home: HermesHome, store: JobStore, **kw: Any) -> tuple[dict[str, Any], Any]:
    gate = home.root / "gate"
    (home.scripts_dir / "wait.sh").write_text(f"while [ ! -e {gate} ]; do sleep 0.05; done; echo done")
    return store.create("every 1d", script="wait.sh", no_agent=True, name="gated", **kw), gate


def test_run_now_shows_queued_at_once_then_running_then_the_outcome(qtbot: Any, home: HermesHome,
                                                                   store: JobStore) -> None:
    job, gate = gated_job(home, store)
    window = make_window(qtbot, home, start_ticker=True)
    wait_jobs(qtbot, window, 1)
    model, row = window.jobs_model, window.cron.rows[job["id"]]
    row.enterEvent(None)  # hover: Run now shows
    qtbot.mouseClick(row.run_button, Qt.MouseButton.LeftButton)
    assert model.state_of(model.job(job["id"])) == JobState.QUEUED  # before any thread answered
    assert row.countdown.text() == "Queued" and not row.run_button.isEnabled()
    window.ctx.run_now(job["id"])  # asked again (a second click, Ctrl+R): nothing more is queued
    qtbot.waitUntil(lambda: model.state_of(model.job(job["id"])) == JobState.RUNNING, timeout=10000)
    window.ctx.run_now(job["id"])  # and not while it runs either
    gate.touch()
    qtbot.waitUntil(lambda: model.job(job["id"]).get("last_status") == "ok"
                    and model.state_of(model.job(job["id"])) == JobState.SCHEDULED, timeout=10000)
    qtbot.waitUntil(lambda: window.ctx.tasks.pending() == 0)
    assert len(SessionStore(home.state_db).cron_runs(job["id"])) == 1
    assert row.run_button.isEnabled()
    assert not window.banner.isVisible()  # the second ask was not sent on to fail as "already running"


def test_run_now_on_a_paused_job_runs_it_once_and_leaves_it_paused(qtbot: Any, home: HermesHome,
                                                                   store: JobStore) -> None:
    job, gate = gated_job(home, store)
    store.pause(job["id"])
    gate.touch()
    window = make_window(qtbot, home, start_ticker=True)
    wait_jobs(qtbot, window, 1)
    model = window.jobs_model
    window.ctx.run_now(job["id"])
    qtbot.waitUntil(lambda: model.job(job["id"]).get("last_status") == "ok"
                    and model.state_of(model.job(job["id"])) == JobState.PAUSED, timeout=10000)
    assert model.job(job["id"])["enabled"] is False
    assert len(SessionStore(home.state_db).cron_runs(job["id"])) == 1


def test_a_run_now_that_cannot_start_says_why_and_is_no_longer_queued(qtbot: Any, home: HermesHome,
                                                                      store: JobStore) -> None:
    job, _ = gated_job(home, store)
    window = make_window(qtbot, home, start_ticker=True)
    wait_jobs(qtbot, window, 1)
    JobStore(home).remove(job["id"])  # gone from jobs.json before the ticker gets to it
    window.ctx.run_now(job["id"])
    qtbot.waitUntil(lambda: window.jobs_model.job(job["id"]) is None
                    or window.jobs_model.state_of(window.jobs_model.job(job["id"])) != JobState.QUEUED,
                    timeout=10000)
    qtbot.waitUntil(lambda: "Could not run the job" in window.banner.text(), timeout=10000)
