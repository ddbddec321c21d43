"""Bad input reaches the window as one clear line, and nothing is lost (issue #11, the window's part).

A jobs lock that is a folder, a lock another program holds, two jobs sharing
an id, a jobs.json that is not JSON, a tick that cannot start due jobs and an
absurd schedule each say what is wrong in the window the user is looking at,
in words, never as a Python exception or a traceback.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from filelock import FileLock
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.sessions import SessionStore
from hermes_desktop.i18n import install_translators
from hermes_desktop.ui.app import create_main_window
from hermes_desktop.ui.cron_window import CronManageWindow
from hermes_desktop.ui.job_editor import JobEditor
from hermes_desktop.ui.main_window import MainWindow
from hermes_desktop.ui.workers import run_here
from tests.ui.readable import clear_line


def manage(qtbot: Any, window: MainWindow, count: int) -> CronManageWindow:
    qtbot.waitUntil(lambda: window.jobs_model.rowCount() == count, timeout=5000)
    m: CronManageWindow = window.dialogs.open_manage("")
    qtbot.addWidget(m)
    return m


def lock_is_a_folder(home: HermesHome) -> None:
    if home.jobs_lock.exists():
        home.jobs_lock.unlink()
    home.jobs_lock.mkdir()


def test_pausing_with_a_lock_folder_says_so_in_both_windows_and_changes_nothing(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, store: JobStore, home: HermesHome
) -> None:
    job = store.create("every 1h", "x", name="steady")
    m = manage(qtbot, window, 1)
    lock_is_a_folder(home)
    before = home.jobs_file.read_bytes()
    qtbot.mouseClick(m.detail.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: m.problem.isVisible() and window.banner.isVisible(), timeout=5000)
    for text in (m.problem.text(), window.banner.text()):
        line = clear_line(text, "Could not pause the job")
        assert "is a folder, not a lock file" in line and "move it away" in line
    assert home.jobs_file.read_bytes() == before
    assert window.jobs_model.state_of(window.jobs_model.job(job["id"])) == "scheduled"

    # Once the folder is gone, the next action works and the line goes.
    home.jobs_lock.rmdir()
    qtbot.mouseClick(m.detail.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not m.problem.isVisible() and not window.banner.isVisible(), timeout=5000)
    assert store.get(job["id"])["state"] == "paused"


def test_editing_with_a_lock_folder_keeps_the_editor_and_says_why(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, store: JobStore, home: HermesHome
) -> None:
    job = store.create("every 1h", "x", name="steady")
    manage(qtbot, window, 1)
    lock_is_a_folder(home)
    before = home.jobs_file.read_bytes()
    editor: JobEditor = window.dialogs.edit(job["id"])
    qtbot.addWidget(editor)
    editor.name.setText("renamed with care")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.save_error.isVisible(), timeout=5000)
    line = clear_line(editor.save_error.text(), "Not saved")
    assert "is a folder, not a lock file" in line
    assert editor.isVisible() and editor.name.text() == "renamed with care" and editor.save_button.isEnabled()
    assert home.jobs_file.read_bytes() == before


def test_a_held_lock_says_try_again_in_one_line(qtbot, window: MainWindow, store: JobStore,  # type: ignore[no-untyped-def]
                                                home: HermesHome) -> None:
    store.create("every 1h", "x", name="steady")
    m = manage(qtbot, window, 1)
    window.ctx.store.lock_timeout = 0.2
    with FileLock(str(home.jobs_lock), preserve_lock_file=True):
        qtbot.mouseClick(m.detail.pause_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: m.problem.isVisible(), timeout=5000)
    line = clear_line(m.problem.text(), "Could not pause the job")
    assert "nothing was changed" in line and "Try again" in line


def test_resuming_a_one_shot_whose_time_passed_says_so_in_one_line(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, home: HermesHome
) -> None:
    past = datetime.now(UTC) - timedelta(days=2)
    record = {"id": "0123456789ab", "name": "too late", "prompt": "x", "schedule": {
        "kind": "once", "run_at": past.isoformat(), "display": "once"}, "schedule_display": "once",
        "repeat": {"times": 1, "completed": 0}, "enabled": False, "state": "paused", "next_run_at": None}
    home.jobs_file.write_text(json.dumps({"jobs": [record]}), encoding="utf-8")
    m = manage(qtbot, window, 1)
    qtbot.mouseClick(m.detail.pause_button, Qt.MouseButton.LeftButton)  # it reads "Resume"
    qtbot.waitUntil(lambda: m.problem.isVisible(), timeout=5000)
    line = clear_line(m.problem.text(), "Could not resume the job")
    assert "has already passed" in line
    assert "Forms that work" not in m.problem.text()  # the schedule forms belong to the editor, not here


class TickSeen(QObject):
    """Hands the ticker thread's reports to the test's thread (waiting on the worker's own signal would
    run pytest-qt's slot in the ticker thread)."""

    ticked = Signal()

    @Slot(list)
    def on_tick(self, _reports: list[object]) -> None:
        self.ticked.emit()


def twin_records(home: HermesHome) -> list[dict[str, Any]]:
    (home.scripts_dir / "mark.sh").write_text(f"touch {home.root / 'ran'}\n")
    due = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    twin = {"id": "aaaaaaaaaaaa", "name": "twin", "prompt": "", "script": "mark.sh", "no_agent": True,
            "schedule": {"kind": "interval", "minutes": 60, "display": "every 60m"},
            "schedule_display": "every 60m", "repeat": {"times": None, "completed": 0}, "enabled": True,
            "state": "scheduled", "next_run_at": due, "last_run_at": None, "deliver": "local",
            "field_we_do_not_know": {"kept": True}}
    other = {**twin, "id": "bbbbbbbbbbbb", "name": "other", "script": None, "no_agent": False, "prompt": "hello",
             "next_run_at": (datetime.now(UTC) + timedelta(hours=1)).isoformat()}
    return [twin, {**twin, "name": "twin copy"}, other]


def test_two_jobs_with_one_id_are_named_in_the_window_and_neither_runs(qtbot, home: HermesHome) -> None:  # type: ignore[no-untyped-def]
    home.jobs_file.write_text(json.dumps({"jobs": twin_records(home)}, indent=2), encoding="utf-8")
    before = home.jobs_file.read_bytes()
    window = create_main_window(home, start_ticker=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.jobs_model.rowCount() == 1 and window.banner.isVisible(), timeout=5000)
    line = clear_line(window.banner.text(), "shares its id")
    assert "aaaaaaaaaaaa" in line and "neither runs" in line
    m = manage(qtbot, window, 1)
    assert m.problem.isVisible() and "shares its id" in m.problem.text()
    worker = window.ctx.ticker.worker
    qtbot.waitUntil(lambda: worker.scheduler is not None, timeout=5000)
    seen = TickSeen()
    worker.ticked.connect(seen.on_tick)  # a slot of this thread: the report arrives queued, here
    with qtbot.waitSignal(seen.ticked, timeout=5000):
        window.ctx.ticker.tick_now()
    window.close()  # the ticker is joined: anything it had started has finished
    assert not (home.root / "ran").exists()
    assert SessionStore(home.state_db).cron_runs("aaaaaaaaaaaa") == []
    assert home.jobs_file.read_bytes() == before


def test_a_jobs_file_that_is_not_json_is_said_in_the_cron_window_and_kept(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, store: JobStore, home: HermesHome
) -> None:
    store.create("every 5m", "x", name="last good")
    m = manage(qtbot, window, 1)
    home.jobs_file.write_text("{ broken by hand", encoding="utf-8")
    qtbot.waitUntil(lambda: m.problem.isVisible() and window.banner.isVisible(), timeout=5000)
    for text in (m.problem.text(), window.banner.text()):
        line = clear_line(text, "not valid JSON")
        assert "left untouched" in line
    assert window.jobs_model.rowCount() == 1 and m.detail.title.text() == "last good"

    # An action on the last good job says why it cannot be done, and the file is still as it was.
    qtbot.mouseClick(m.detail.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Could not pause the job" in m.problem.text(), timeout=5000)
    clear_line(m.problem.text(), "Could not pause the job")
    assert home.jobs_file.read_text(encoding="utf-8") == "{ broken by hand"


def test_a_failing_tick_is_said_once_and_cleared_when_ticks_work_again(qtbot, home: HermesHome,  # type: ignore[no-untyped-def]
                                                                       store: JobStore) -> None:
    (home.scripts_dir / "quick.sh").write_text("echo quick")
    job = store.create("every 1d", script="quick.sh", no_agent=True, name="quick")
    window = create_main_window(home, start_ticker=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.jobs_model.rowCount() == 1, timeout=5000)
    worker = window.ctx.ticker.worker
    qtbot.waitUntil(lambda: worker.scheduler is not None, timeout=5000)
    lock_is_a_folder(home)
    window.ctx.run_now(job["id"])
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=5000)
    line = clear_line(window.banner.text(), "is a folder, not a lock file")
    assert line.startswith("Due jobs could not be started:")
    home.jobs_lock.rmdir()
    window.ctx.run_now(job["id"])
    qtbot.waitUntil(lambda: window.jobs_model.job(job["id"]).get("last_status") == "ok", timeout=10000)
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=5000)


# --------------------------------------------------------------------------- an absurd schedule in the editor


@pytest.mark.parametrize("code", ["en", "ja"])
def test_a_schedule_a_lifetime_away_never_enables_save(qtbot, qapp: QApplication, home: HermesHome,  # type: ignore[no-untyped-def]
                                                        code: str) -> None:
    install_translators(qapp, code)
    saved: list[dict[str, Any]] = []
    editor = JobEditor(home, run_here, lambda v: saved.append(v) or v)  # type: ignore[func-returns-value]
    qtbot.addWidget(editor)
    editor.show()
    editor.prompt.setPlainText("remind me")
    assert editor.save_button.isEnabled()  # the default schedule is fine
    editor.schedule_input.clear()
    enabled: list[str] = []
    for ch in "in 9999999d":  # every prefix on the way is parsed and previewed too
        qtbot.keyClick(editor.schedule_input, ch)
        if editor.save_button.isEnabled():
            enabled.append(editor.schedule_input.text())
    assert editor.schedule_input.text() == "in 9999999d"
    assert enabled == [], enabled
    assert editor.schedule_error.isVisible() and editor.preview.text() == ""
    reason = editor.schedule_error.text().splitlines()[0]
    expected = {"en": "'in 9999999d' is more than 100 years from now.", "ja": "100 年以上先の時刻です。"}[code]
    assert reason == expected
    assert editor.save_button.toolTip()
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    editor.save()
    assert saved == [] and editor.isVisible()
