from __future__ import annotations

import json
import os
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListView, QPushButton, QWidget

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.sessions import SessionStore
from hermes_desktop.ui.app import create_main_window
from hermes_desktop.ui.cron_window import CronManageWindow
from hermes_desktop.ui.job_editor import JobEditor
from hermes_desktop.ui.main_window import MainWindow
from hermes_desktop.ui.models import Role
from hermes_desktop.ui.workers import run_here


def manage(qtbot, window: MainWindow, count: int, job_id: str = "") -> CronManageWindow:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.jobs_model.rowCount() == count, timeout=5000)
    m = window.dialogs.open_manage(job_id)
    qtbot.addWidget(m)
    if not m.isActiveWindow():
        with qtbot.waitActive(m):  # window shortcuts need the window active
            m.activateWindow()
    return m


def sidebar_titles(window: MainWindow) -> list[str]:
    return [window.cron.rows[i].title_text for i in window.cron.order]


def test_named_parts_and_one_shared_model(qtbot, window: MainWindow, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    store.create("every 1h", "x", name="one")
    m = manage(qtbot, window, 1)
    for name, kind in (("cronManageWindow", QWidget), ("jobSearch", QLineEdit), ("jobList", QListView),
                       ("jobDetail", QWidget), ("runHistory", QListView)):
        assert m.objectName() == name or m.findChild(kind, name) is not None, name
    assert m.proxy.sourceModel() is window.jobs_model
    assert window.cron.proxy.sourceModel() is window.jobs_model
    assert window.dialogs.open_manage("") is m  # one instance, raised again
    assert m.detail.title.text() == "one"  # nothing selected: the first job is shown


def test_empty_state_offers_a_new_job(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    m = manage(qtbot, window, 0)
    assert m.right.currentWidget() is m.empty
    assert window.dialogs.editor is None
    qtbot.mouseClick(m.empty_new, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.dialogs.editor is not None and window.dialogs.editor.isVisible())
    assert window.dialogs.editor.windowTitle() == "New cron job"
    window.dialogs.editor.close()


def test_create_edit_pause_resume_run_delete_show_in_the_sidebar(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, store: JobStore, home: HermesHome, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.create("every 1h", "existing", name="existing")
    m = manage(qtbot, window, 1)
    model = window.jobs_model
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))

    # create
    editor: JobEditor = window.dialogs.edit(None)
    qtbot.addWidget(editor)
    editor.name.setText("Morning brief")
    editor.prompt.setPlainText("Summarize my inbox")
    editor.schedule_input.setText("weekdays at 9am")
    assert editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Morning brief" in sidebar_titles(window))
    qtbot.waitUntil(lambda: m.detail.title.text() == "Morning brief")  # the new job is selected
    job_id = m.current_id()
    assert store.get(job_id)["schedule"]["expr"] == "0 9 * * 1-5"

    # edit
    editor = window.dialogs.edit(job_id)
    qtbot.addWidget(editor)
    assert editor.prompt.toPlainText() == "Summarize my inbox"
    editor.name.setText("Inbox digest")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Inbox digest" in sidebar_titles(window))
    assert m.detail.title.text() == "Inbox digest"

    # pause and resume
    qtbot.mouseClick(m.detail.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.cron.rows[job_id].countdown.text() == "Paused")
    assert m.detail.pause_button.text() == "Resume"
    qtbot.mouseClick(m.detail.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.cron.rows[job_id].countdown.text().startswith("in "))

    # run now (no ticker in this window: it becomes due for whichever ticker runs)
    qtbot.mouseClick(m.detail.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.cron.rows[job_id].countdown.text() in ("overdue", "now"))

    # delete, after confirming
    monkeypatch.setattr(m, "confirm_delete", lambda job: True)
    qtbot.mouseClick(m.detail.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: job_id not in window.cron.rows)
    assert [j["id"] for j in store.list_jobs()] == [m.current_id()]
    assert resets == []  # every change arrived in place, never as a reset


def test_delete_asks_first(qtbot, window: MainWindow, store: JobStore,  # type: ignore[no-untyped-def]
                           monkeypatch: pytest.MonkeyPatch) -> None:
    store.create("every 1h", "x", name="keep me")
    m = manage(qtbot, window, 1)
    asked: list[str] = []
    monkeypatch.setattr(m, "confirm_delete", lambda job: asked.append(job["name"]) or False)
    m.list.setFocus()
    qtbot.keyClick(m.list, Qt.Key.Key_Delete)
    assert asked == ["keep me"]
    qtbot.wait(100)
    assert len(store.list_jobs()) == 1


def test_search_filters_by_title_prompt_and_schedule(qtbot, window: MainWindow, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    store.create("every 1h", "check the build server", name="builds")
    store.create("weekdays at 9am", "summarize my inbox", name="inbox")
    store.create("0 3 * * *", script="backup.sh", no_agent=True, name="backup")
    m = manage(qtbot, window, 3)

    def shown() -> list[str]:
        return [m.proxy.index(r, 0).data() for r in range(m.proxy.rowCount())]

    assert shown() == ["backup", "builds", "inbox"]  # sorted by title
    qtbot.keyClicks(m.search, "INBOX")
    assert shown() == ["inbox"]
    m.search.setText("weekdays")
    assert shown() == ["inbox"]
    m.search.setText("build server")
    assert shown() == ["builds"] and m.detail.title.text() == "builds"
    m.search.setText("nothing like this")
    assert shown() == [] and m.no_match.isVisible()
    assert m.right.currentWidget() is m.unmatched  # not "No cron jobs yet": there are jobs, none matches
    assert m.unmatched_label.text() == "No job matches “nothing like this”."
    qtbot.mouseClick(m.clear_search, Qt.MouseButton.LeftButton)
    assert len(shown()) == 3 and m.right.currentWidget() is m.detail
    m.search.setText("backup")
    m.close()  # closed with a search typed: opened again, every job shows
    m = manage(qtbot, window, 3)
    assert m.search.text() == "" and len(shown()) == 3


@pytest.mark.parametrize("text", ["61 * * * *", "every 0m", ""])
def test_bad_schedule_blocks_saving_with_a_reason(qtbot, home: HermesHome, text: str) -> None:  # type: ignore[no-untyped-def]
    saved: list[dict] = []
    editor = JobEditor(home, run_here, lambda v: saved.append(v) or v)  # type: ignore[func-returns-value]
    qtbot.addWidget(editor)
    editor.show()
    editor.prompt.setPlainText("do it")
    assert editor.findChild(QLineEdit, "scheduleInput") is editor.schedule_input
    editor.schedule_input.setText(text)
    assert not editor.save_button.isEnabled()
    assert editor.schedule_error.isVisible() and "Forms that work" in editor.schedule_error.text()
    assert editor.schedule_error.text().splitlines()[0]
    editor.save()  # even asked directly, nothing is saved
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved == []


def test_preview_shows_five_runs_and_marks_the_dst_change(qtbot, home: HermesHome) -> None:  # type: ignore[no-untyped-def]
    ny = ZoneInfo("America/New_York")
    editor = JobEditor(home, lambda fn, cb: None, lambda v: v, tz=ny,
                       now=lambda: datetime(2026, 3, 6, 12, tzinfo=ny))
    qtbot.addWidget(editor)
    editor.schedule_input.setText("30 2 * * *")
    preview = editor.findChild(QLabel, "schedulePreview")
    lines = preview.text().splitlines()
    assert lines[0] == "Every day at 2:30\u202fAM" or lines[0].startswith("Every day at 2:30")
    assert lines[1] == "Time zone: America/New_York"
    runs = [line for line in lines if line.strip().startswith("•")]
    assert len(runs) == 5
    marked = [line for line in runs if "⚠" in line]
    assert len(marked) == 1 and "3/8/26" in marked[0] and "3:00" in marked[0] and "daylight saving" in marked[0]


def test_presets_fill_the_schedule_field(qtbot, home: HermesHome) -> None:  # type: ignore[no-untyped-def]
    editor = JobEditor(home, lambda fn, cb: None, lambda v: v)
    qtbot.addWidget(editor)
    for key, expected in (("minutes", "every 30m"), ("hourly", "hourly"), ("daily", "every day at 9:00"),
                          ("weekdays", "weekdays at 9:00"), ("weekly", "every monday at 9:00"),
                          ("monthly", "0 9 1 * *")):
        editor.preset.setCurrentIndex(editor.preset.findData(key))
        assert editor.schedule_input.text() == expected
        assert editor.schedule is not None, key
    editor.preset.setCurrentIndex(editor.preset.findData("once"))
    assert editor.schedule is not None and editor.schedule["kind"] == "once"


def test_failed_save_says_why_and_keeps_the_input(qtbot, window: MainWindow, store: JobStore,  # type: ignore[no-untyped-def]
                                                  home: HermesHome) -> None:
    store.create("every 1h", "x")
    manage(qtbot, window, 1)
    editor: JobEditor = window.dialogs.edit(None)
    qtbot.addWidget(editor)
    editor.prompt.setPlainText("my careful prompt")
    editor.schedule_input.setText("every 2h")
    home.jobs_file.write_text("{ broken by hand")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.save_error.isVisible())
    assert "Not saved" in editor.save_error.text() and "not valid JSON" in editor.save_error.text()
    assert editor.isVisible() and editor.prompt.toPlainText() == "my careful prompt"
    assert home.jobs_file.read_text() == "{ broken by hand"


def test_run_history_pages_and_opens_transcripts(qtbot, window: MainWindow, store: JobStore,  # type: ignore[no-untyped-def]
                                                 home: HermesHome) -> None:
    job = store.create("every 1h", "x", name="busy")
    sessions = SessionStore(home.state_db)
    for i in range(120):
        sid = sessions.create_cron_session(job["id"], 1000.0 + i, f"20261124_10{i:04d}")
        sessions.append_message(sid, "assistant", f"result {i}", 1000.0 + i)
        sessions.end_session(sid, "cron_complete", 1002.0 + i)
    m = manage(qtbot, window, 1, job["id"])
    history = m.findChild(QListView, "runHistory")
    runs = history.model()
    assert runs.rowCount() == 50
    for _ in range(20):
        history.scrollToBottom()
        qtbot.wait(10)
        if runs.rowCount() == 120:
            break
    qtbot.waitUntil(lambda: runs.rowCount() == 120)
    assert "Succeeded · 2.0 s" in runs.index(0, 0).data()
    with qtbot.waitSignal(window.transcript.rendered):
        history.activated.emit(runs.index(0, 0))
    assert "result 119" in window.transcript.browser.toPlainText()


def test_letters_typed_into_the_job_list_search_the_jobs(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, store: JobStore) -> None:
    for name in ("backup", "digest", "deploy"):
        store.create("every 1h", "x", name=name)
    m = manage(qtbot, window, 3)
    m.activateWindow()
    m.list.setFocus()
    qtbot.keyClicks(m.list, "de")
    qtbot.waitUntil(lambda: m.search.hasFocus() or QApplication.focusWidget() is m.search)
    assert m.search.text() == "de"
    qtbot.waitUntil(lambda: sorted(m.proxy.index(r, 0).data() for r in range(m.proxy.rowCount()))
                    == ["deploy"], timeout=3000)


def test_keyboard(qtbot, window: MainWindow, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    store.create("every 1h", "x", name="k")
    m = manage(qtbot, window, 1)
    m.activateWindow()
    m.list.setFocus()
    m.search.setText("stale")
    assert not m.search.hasFocus()
    qtbot.keyClick(m.list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: m.search.hasFocus() or QApplication.focusWidget() is m.search)
    assert m.search.selectedText() == "stale"  # ready to be typed over
    m.search.clear()
    qtbot.keyClick(m.list, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.dialogs.editor is not None and window.dialogs.editor.isVisible()
    window.dialogs.editor.reject()
    for widget in m.findChildren(QPushButton) + m.findChildren(QLineEdit) + m.findChildren(QListView):
        if widget.isVisible():
            assert widget.accessibleName() or widget.text(), widget.objectName()
    qtbot.keyClick(m.list, Qt.Key.Key_Escape)
    assert not m.isVisible()


def test_manage_from_the_sidebar_focuses_that_job(qtbot, window: MainWindow, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    store.create("every 1h", "a", name="alpha")
    target = store.create("every 1h", "b", name="beta")
    qtbot.waitUntil(lambda: len(window.cron.rows) == 2)
    row = window.cron.rows[target["id"]]
    row.enterEvent(None)
    qtbot.mouseClick(row.manage_button, Qt.MouseButton.LeftButton)
    m = window.dialogs.manage
    qtbot.addWidget(m)
    assert m.isVisible() and m.current_id() == target["id"] and m.detail.title.text() == "beta"


def test_change_made_elsewhere_appears_in_the_window(qtbot, window: MainWindow, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    job = store.create("every 1h", "x", name="before")
    m = manage(qtbot, window, 1)
    store.update(job["id"], name="after")  # as the Hermes CLI would, on disk
    qtbot.waitUntil(lambda: m.detail.title.text() == "after")


def test_manage_proxy_passes_the_model_tester(qtmodeltester, window: MainWindow, store: JobStore,  # type: ignore[no-untyped-def]
                                              qtbot) -> None:
    store.create("every 1h", "x", name="one")
    m = manage(qtbot, window, 1)
    qtmodeltester.check(m.proxy)
    store.create("every 2h", "y", name="two")
    qtbot.waitUntil(lambda: m.proxy.rowCount() == 2)
    m.search.setText("two")
    assert m.proxy.rowCount() == 1 and not m.proxy.index(0, 0).parent().isValid()
    assert m.proxy.rowCount(QModelIndex()) == 1


def test_profiles_switch_reloads_sessions_and_jobs(qtbot, window: MainWindow, store: JobStore,  # type: ignore[no-untyped-def]
                                                   home: HermesHome) -> None:
    store.create("every 1h", "x", name="default job")
    SessionStore(home.state_db)._conn().execute(
        "INSERT INTO sessions (id, source, started_at) VALUES ('home-chat', 'cli', ?)", (time.time(),))
    work = home.profile("work").ensure()
    JobStore(work).create("every 2h", "y", name="work job")
    JobStore(work).create("every 3h", "z", name="other work job")
    SessionStore(work.state_db)._conn().execute(
        "INSERT INTO sessions (id, source, started_at) VALUES ('work-chat', 'telegram', ?)", (time.time(),))
    window.ctx.sessions_model.refresh()
    qtbot.waitUntil(lambda: window.jobs_model.rowCount() == 1)

    profiles = window.dialogs.open_profiles()
    qtbot.addWidget(profiles)
    assert profiles.objectName() == "profilesWindow"
    names = [profiles.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(profiles.list.count())]
    assert names == ["default", "work"]
    profiles.list.setCurrentRow(1)
    qtbot.waitUntil(lambda: "1 session" in profiles.facts.text())  # counted on the task thread
    assert "2 jobs" in profiles.facts.text()
    assert profiles.create_profile("default") is not None  # refused, with a reason
    assert profiles.create_profile("lab") is None and (home.profiles_dir / "lab").is_dir()
    now_listed = [profiles.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(profiles.list.count())]
    assert now_listed == ["default", "lab", "work"]
    profiles.list.setCurrentRow(now_listed.index("work"))
    qtbot.mouseClick(profiles.switch_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: sorted(window.jobs_model.index(r, 0).data() for r in range(window.jobs_model.rowCount()))
                    == ["other work job", "work job"])
    sessions = window.sidebar.list.model()
    assert [sessions.index(r, 0).data(Role.Id) for r in range(sessions.rowCount())] == ["work-chat"]
    assert "work" in window.windowTitle()


def test_the_ticker_follows_the_active_profile(qtbot, home: HermesHome) -> None:  # type: ignore[no-untyped-def]
    work = home.profile("work").ensure()
    (work.scripts_dir / "w.sh").write_text("echo from work")
    job = JobStore(work).create("every 1h", script="w.sh", no_agent=True, name="work job")
    JobStore(work).trigger(job["id"])
    w = create_main_window(home, start_ticker=True)
    qtbot.addWidget(w)
    w.show()
    assert w.ctx.ticker.worker.home == home
    w.ctx.switch_profile("work")
    assert w.ctx.ticker.worker.home == work
    qtbot.waitUntil(lambda: JobStore(work).get(job["id"]).get("last_status") == "ok", timeout=10000)
    assert SessionStore(work.state_db).cron_runs(job["id"])
    assert not SessionStore(home.state_db).cron_runs(job["id"])


def tab_through(qtbot, window: QWidget, first: QWidget, presses: int) -> list[str]:  # type: ignore[no-untyped-def]
    """Press Tab from ``first``; every widget that takes focus must carry a name. Returns their names."""
    first.setFocus()
    seen: list[str] = []
    for _ in range(presses):
        widget = window.focusWidget()
        if widget is not None:
            seen.append(widget.objectName() or type(widget).__name__)
            parent = widget.parent()
            named = widget.accessibleName() or getattr(widget, "text", lambda: "")() or (
                parent is not None and parent.accessibleName())
            assert named, widget
        qtbot.keyClick(widget or window, Qt.Key.Key_Tab)
    return seen


def test_every_control_is_reachable_with_tab_and_named(qtbot, window: MainWindow, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    store.create("every 1h", "x", name="tabbed")
    m = manage(qtbot, window, 1)
    seen = tab_through(qtbot, m, m.search, 30)
    for name in ("jobSearch", "jobList", "newButton", "pauseButton", "runNowButton", "editButton", "deleteButton"):
        assert name in seen, (name, seen)


def test_editor_controls_are_reachable_with_tab_and_named(qtbot, home: HermesHome) -> None:  # type: ignore[no-untyped-def]
    editor = JobEditor(home, lambda fn, cb: None, lambda v: v)
    qtbot.addWidget(editor)
    editor.show()
    with qtbot.waitActive(editor):
        editor.activateWindow()
    editor.prompt.setPlainText("something to do")  # Save is enabled (and so focusable) once the job is valid
    seen = tab_through(qtbot, editor, editor.name, 25)
    for name in ("jobName", "jobPrompt", "scheduleInput", "jobRepeat", "jobModel", "saveJobButton"):
        assert name in seen, (name, seen)


def section_shown(window: MainWindow, shown: bool) -> None:
    assert window.cron.isVisible() == shown, f"cron section visible: {window.cron.isVisible()}, wanted {shown}"
    assert window.cron.isVisibleTo(window) == shown


def test_deleting_the_last_job_in_the_window_hides_the_section(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, store: JobStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    job = store.create("every 1h", "x", name="only one")
    m = manage(qtbot, window, 1)
    qtbot.waitUntil(lambda: section_shown(window, True))
    monkeypatch.setattr(m, "confirm_delete", lambda job: True)
    qtbot.mouseClick(m.detail.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section_shown(window, False))
    assert store.list_jobs() == [] and job["id"] not in window.cron.rows
    assert m.right.currentWidget() is m.empty

    # a job made in the window brings the section back at once
    editor: JobEditor = window.dialogs.edit(None)
    qtbot.addWidget(editor)
    editor.name.setText("second")
    editor.prompt.setPlainText("y")
    editor.schedule_input.setText("every 2h")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section_shown(window, True))
    assert sidebar_titles(window) == ["second"]


def _rewrite_jobs_file(home: HermesHome, change) -> None:  # type: ignore[no-untyped-def]
    """Edit jobs.json as another program does: read, change, write a temp file, rename it into place."""
    data = json.loads(home.jobs_file.read_text())
    data["jobs"] = change(data["jobs"])
    tmp = home.jobs_file.with_name(".jobs.json.tmp")
    tmp.write_text(json.dumps(data, indent=2))
    os.replace(tmp, home.jobs_file)


def test_last_job_removed_from_outside_hides_the_section(qtbot, window: MainWindow, store: JobStore,  # type: ignore[no-untyped-def]
                                                         home: HermesHome) -> None:
    job = store.create("every 1h", "x", name="first")
    store.create("every 2h", "y", name="second")
    qtbot.waitUntil(lambda: window.jobs_model.rowCount() == 2)
    qtbot.waitUntil(lambda: section_shown(window, True))
    assert window.cron.count.text() == "2"
    _rewrite_jobs_file(home, lambda jobs: [j for j in jobs if j["id"] != job["id"]])  # as `hermes cron remove`
    qtbot.waitUntil(lambda: sidebar_titles(window) == ["second"])
    assert window.cron.count.text() == "1"  # the count follows at once too
    section_shown(window, True)
    _rewrite_jobs_file(home, lambda jobs: [])
    qtbot.waitUntil(lambda: section_shown(window, False))  # the file watcher, not the 30 s poll
    assert window.cron.rows == {}

    # and a job added from outside brings it back
    _rewrite_jobs_file(home, lambda jobs: [{**job, "name": "back again"}])
    qtbot.waitUntil(lambda: section_shown(window, True))
    assert sidebar_titles(window) == ["back again"]


def test_the_window_applies_its_own_writes_without_reading_them_back(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                                    store: JobStore, home: HermesHome,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    job = store.create("every 1h", "x", name="mine")
    other = store.create("every 2h", "y", name="theirs")
    m = manage(qtbot, window, 2, job["id"])
    reads: list[int] = []
    real_load = JobStore.load
    monkeypatch.setattr(JobStore, "load", lambda self: reads.append(1) or real_load(self))
    with qtbot.waitSignal(window.jobs_model.dataChanged, timeout=5000):
        m.detail.pause_button.click()
    assert window.jobs_model.state_of(window.jobs_model.job(job["id"])) == "paused"
    watcher = window.ctx.watcher
    watcher.refresh()  # what the file watcher does after our rename: it decides at once whether to read
    assert not watcher._loading and reads == []
    _rewrite_jobs_file(home, lambda jobs: [{**j, "name": "renamed elsewhere"} if j["id"] == other["id"] else j
                                           for j in jobs])  # another program's change is still read
    qtbot.waitUntil(lambda: window.jobs_model.job(other["id"])["name"] == "renamed elsewhere", timeout=5000)
    assert reads


def test_the_detail_pane_reads_run_history_again_only_for_its_own_job(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                                       store: JobStore) -> None:
    shown = store.create("every 1h", "x", name="shown")
    other = store.create("every 1h", "y", name="other")
    m = manage(qtbot, window, 2, shown["id"])
    runs = m.detail.history.runs
    reads: list[str] = []
    real = runs.refresh

    def counted() -> None:
        reads.append(m.detail.job["id"] if m.detail.job else "")
        real()

    runs.refresh = counted  # type: ignore[method-assign]
    window.jobs_model.take([{**window.jobs_model.job(other["id"]), "name": "other renamed"}])
    window.jobs_model.set_running(other["id"], True)
    assert reads == []  # another job changed: the shown job's history is not read again
    window.jobs_model.take([{**window.jobs_model.job(shown["id"]), "last_status": "ok"}])
    assert reads == [shown["id"]]  # its own record changed (a run ended): read again


def test_deleting_asks_delete_or_cancel_and_cancel_keeps_the_job(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                                 store: JobStore) -> None:
    job = store.create("every 1h", "x", name="keep me")
    m = manage(qtbot, window, 1, job["id"])
    seen: list[list[str]] = []

    def answer(choice: str) -> None:
        box = QApplication.activeModalWidget()
        assert box is not None
        seen.append(sorted(b.text().replace("&", "") for b in box.buttons()))
        wanted = [b for b in box.buttons() if b.text().replace("&", "") == choice]
        if wanted:
            wanted[0].click()
        else:
            box.close()  # no such button: answered as Escape would

    QTimer.singleShot(0, lambda: answer("Cancel"))
    assert m.confirm_delete(job) is False
    QTimer.singleShot(0, lambda: answer("Delete"))
    assert m.confirm_delete(job) is True
    assert seen == [["Cancel", "Delete"], ["Cancel", "Delete"]]  # the action's own word, not Yes


def test_a_failed_job_still_counts_down_and_its_tooltip_says_each_thing_once(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                                              store: JobStore) -> None:
    failed = store.create("every 1h", "x", name="flaky")
    store.record_run(failed["id"], ok=False, error="boom")
    paused = store.create("every 1h", "y", name="resting")
    store.pause(paused["id"])
    window.ctx.watcher.refresh(force=True)
    qtbot.waitUntil(lambda: failed["id"] in window.cron.rows and paused["id"] in window.cron.rows)
    qtbot.waitUntil(lambda: window.cron.rows[failed["id"]].pip.state == "error")
    assert window.cron.rows[failed["id"]].countdown.text().startswith("in ")  # still scheduled: it counts down
    assert window.cron.rows[paused["id"]].toolTip() == "resting — Paused"  # not "Paused, Paused"


def test_tabbing_on_from_a_rows_buttons_hides_them(qtbot, window: MainWindow, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    a = store.create("every 1h", "x", name="a")
    b = store.create("every 2h", "y", name="b")
    window.ctx.watcher.refresh(force=True)
    qtbot.waitUntil(lambda: len(window.cron.rows) == 2)
    row = window.cron.rows[a["id"]]
    row.show_actions(True)
    row.run_button.setFocus()
    qtbot.waitUntil(lambda: row.run_button.hasFocus() or QApplication.focusWidget() is row.run_button)
    window.cron.rows[b["id"]].setFocus()  # Tab on to the next job
    qtbot.waitUntil(lambda: not row.actions_shown())
    assert window.cron.rows[b["id"]].actions_shown()  # the row with the focus shows its actions


def test_profiles_closes_with_its_close_button_and_escape(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    profiles = window.dialogs.open_profiles()
    qtbot.addWidget(profiles)
    qtbot.waitUntil(profiles.isVisible)
    profiles.close_button.click()
    assert not profiles.isVisible()
    profiles = window.dialogs.open_profiles()
    profiles.activateWindow()
    qtbot.waitUntil(profiles.isActiveWindow)  # the keyboard is in the Profiles window
    qtbot.keyClick(profiles.list, Qt.Key.Key_Escape)
    assert not profiles.isVisible()



def test_sidebar_rows_follow_a_new_order_and_the_focus_and_open_runs_stay_with_their_job(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, store: JobStore) -> None:
    """Jobs change places (one paused drops to the end): the rows on screen, top to bottom, show the new order;
    the job that had the keyboard focus keeps it, and its open run list stays right under it."""
    a = store.create("every 10m", "a", name="alpha")
    b = store.create("every 1h", "b", name="beta")
    store.create("every 2h", "c", name="gamma")
    cron = window.cron

    def on_screen() -> list[str]:
        return [row.title.full for row in sorted(cron.rows.values(), key=lambda row: row.y())]

    qtbot.waitUntil(lambda: on_screen() == ["alpha", "beta", "gamma"])
    qtbot.mouseClick(cron.rows[a["id"]], Qt.MouseButton.LeftButton)  # alpha's runs open under it
    cron.rows[a["id"]].setFocus()
    qtbot.waitUntil(lambda: cron.rows[a["id"]].hasFocus())
    store.pause(a["id"])  # from outside: alpha goes to the end
    qtbot.waitUntil(lambda: on_screen() == ["beta", "gamma", "alpha"])
    alpha = cron.rows[a["id"]]
    assert alpha.countdown.text() == "Paused" and cron.rows[b["id"]].countdown.text().startswith("in ")
    qtbot.waitUntil(alpha.hasFocus)  # the focus followed its job
    assert cron.open_job == a["id"] and cron.peek.isVisible()
    qtbot.waitUntil(lambda: cron.peek.y() == alpha.geometry().bottom() + 1)  # its runs right under it
    assert all(row.is_open == (row is alpha) for row in cron.rows.values())


def test_a_running_jobs_pip_pulses_on_one_shared_clock_that_stops_when_no_job_runs(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, store: JobStore) -> None:
    from hermes_desktop.ui import cron_section

    a = store.create("every 1h", "a", name="alpha")
    b = store.create("every 2h", "b", name="beta")
    qtbot.waitUntil(lambda: len(window.cron.rows) == 2)
    pulse = cron_section._the_pulse()
    for job in (a, b):
        window.jobs_model.set_running(job["id"], True)
    pips = [window.cron.rows[j["id"]].pip for j in (a, b)]
    qtbot.waitUntil(lambda: all(p.state == "running" for p in pips))
    assert pulse.timer.isActive()
    seen: set[int] = set()
    qtbot.waitUntil(lambda: seen.add(pips[0]._alpha) or len(seen) >= 4, timeout=3000)  # it fades in and out
    assert all(cron_section.PULSE_LOW <= x <= 255 for x in seen)
    assert pips[0]._alpha == pips[1]._alpha  # together
    for job in (a, b):
        window.jobs_model.set_running(job["id"], False)
    qtbot.waitUntil(lambda: all(p.state != "running" for p in pips))
    assert [p._alpha for p in pips] == [255, 255] and not pulse.timer.isActive()


def test_rows_out_of_sight_take_their_new_jobs_too_a_few_per_turn(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, store: JobStore) -> None:
    from hermes_desktop.core.schedule import to_record

    base = datetime(2031, 1, 1, tzinfo=ZoneInfo("UTC"))
    for n in range(60):
        store.create("every 1h", f"p{n}", name=f"job {n:02d}")
    store.mutate(lambda records: [r.update(next_run_at=to_record(base + timedelta(minutes=n)))
                                  for n, r in enumerate(records)])  # job 00 soonest, job 59 last
    cron = window.cron

    def on_screen() -> list[str]:
        return [row.title.full for row in sorted(cron.rows.values(), key=lambda row: row.y())]

    def in_order() -> list[str]:
        return [cron.proxy.index(r, 0).data(Role.Title) for r in range(50)]

    qtbot.waitUntil(lambda: len(cron.rows) == 50 and on_screen() == in_order(), timeout=10000)
    assert any(row.visibleRegion().isEmpty() for row in cron.rows.values())  # most rows are out of sight
    store.mutate(lambda records: [r.update(state="paused", enabled=False) for r in records[:8]])
    qtbot.waitUntil(lambda: in_order()[0] == "job 08")
    qtbot.waitUntil(lambda: on_screen() == in_order() == [f"job {n:02d}" for n in range(8, 58)])
    assert all(row.countdown.text().startswith("in ") for row in cron.rows.values())
    assert not cron._unfilled
