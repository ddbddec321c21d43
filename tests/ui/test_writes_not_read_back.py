"""The window applies what its own writes (and its ticker's) changed; jobs.json is read again only for others'."""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest
from PySide6.QtCore import Qt

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.ui.app import create_main_window
from hermes_desktop.ui.main_window import MainWindow


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every whole-file read of jobs.json the window's watcher makes (``JobStore.load`` called from it)."""
    seen: list[str] = []
    real = JobStore.load

    def counted(self: JobStore) -> Any:
        if sys._getframe(1).f_globals.get("__name__") == "hermes_desktop.ui.jobs_watcher":
            seen.append("load")
        return real(self)

    monkeypatch.setattr(JobStore, "load", counted)
    return seen


def settled(qtbot: Any, window: MainWindow, jobs: int) -> None:
    ctx = window.ctx
    qtbot.waitUntil(lambda: window.jobs_model.rowCount() == jobs and not ctx.watcher._loading
                    and ctx.tasks.pending() == 0)


def test_run_now_shows_the_outcome_without_reading_jobs_json_back(qtbot: Any, home: HermesHome, store: JobStore,
                                                                  reads: list[str]) -> None:
    (home.scripts_dir / "quick.sh").write_text("echo quick")
    job = store.create("every 1d", script="quick.sh", no_agent=True, name="quick")
    other = store.create("every 1d", "Summarize my inbox", name="inbox")
    w = create_main_window(home, start_ticker=True)
    qtbot.addWidget(w)
    w.show()
    settled(qtbot, w, 2)
    reads.clear()
    w.ctx.run_now(job["id"])
    qtbot.waitUntil(lambda: w.jobs_model.job(job["id"]).get("last_status") == "ok", timeout=10000)
    qtbot.waitUntil(lambda: w.ctx.watcher.signature == store.signature())
    assert reads == []  # the claim and the outcome came from the ticker's own writes
    on_disk = {j["id"]: j for j in json.loads(home.jobs_file.read_text())["jobs"]}
    assert w.jobs_model.job(job["id"]) == on_disk[job["id"]]  # the model holds the record exactly as written
    assert w.jobs_model.job(other["id"]) == on_disk[other["id"]]


def test_an_edit_in_the_window_shows_at_once_and_is_not_read_back(qtbot: Any, window: MainWindow, store: JobStore,
                                                                   reads: list[str]) -> None:
    jobs = [store.create("every 2h", f"Job {i}", name=f"Job {i}") for i in range(3)]
    window.ctx.watcher.refresh(force=True)
    settled(qtbot, window, 3)
    reads.clear()
    editor = window.dialogs.edit(jobs[1]["id"])
    editor.name.setText("Renamed")
    with qtbot.waitSignal(editor.saved):
        editor.save()
    qtbot.waitUntil(lambda: window.jobs_model.job(jobs[1]["id"])["name"] == "Renamed")
    window.ctx.delete(jobs[2]["id"])
    qtbot.waitUntil(lambda: window.jobs_model.rowCount() == 2)
    qtbot.waitUntil(lambda: window.ctx.tasks.pending() == 0 and window.ctx.watcher.signature == store.signature())
    window.ctx.watcher.refresh()  # as the file watcher's own event would
    assert reads == []
    titles = [window.cron.proxy.index(r, 0).data(Qt.ItemDataRole.DisplayRole)
              for r in range(window.cron.proxy.rowCount())]
    assert sorted(titles) == ["Job 0", "Renamed"]


def test_a_change_made_by_another_program_is_still_read(qtbot: Any, window: MainWindow, store: JobStore,
                                                        reads: list[str]) -> None:
    job = store.create("every 2h", "Check the backups", name="Backups")
    window.ctx.watcher.refresh(force=True)
    settled(qtbot, window, 1)
    JobStore(store.home).update(job["id"], name="Renamed by Hermes")  # another program's write
    qtbot.waitUntil(lambda: window.jobs_model.job(job["id"])["name"] == "Renamed by Hermes", timeout=5000)
    assert reads  # read, since nobody told the window what changed
