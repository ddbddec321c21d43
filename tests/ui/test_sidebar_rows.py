"""The sidebar's job rows across changes: writes applied in the order they were made, the keyboard focus and
the open run list staying with their job, no pulse left running, and the text cursor woken by a click."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore, JobsWrite
from hermes_desktop.ui import cron_section
from hermes_desktop.ui.cursor_rest import CursorRest
from hermes_desktop.ui.main_window import MainWindow
from hermes_desktop.ui.models import Role
from hermes_desktop.ui.relay import TickerRelay


def _ready(qtbot, window: MainWindow, count: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: len(window.cron.rows) == count and all(r.title.full for r in window.cron.rows.values()))
    if not window.isActiveWindow():
        with qtbot.waitActive(window):
            window.activateWindow()


def test_a_ticker_write_reported_before_the_users_pause_never_lands_over_it(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, store: JobStore, home: HermesHome) -> None:
    job = store.create("every 1h", "a", name="alpha")
    qtbot.waitUntil(lambda: window.jobs_model.rowCount() == 1)
    ctx = window.ctx
    relay = TickerRelay(ctx, home, "default")
    ticker_writes: list[JobsWrite] = []
    ticker_store = JobStore(home)  # as the ticker's own store writes a claim or an outcome ...
    ticker_store.on_written = ticker_writes.append
    ticker_store.update(job["id"], name="alpha, as the ticker wrote it")
    user_writes: list[JobsWrite] = []
    ctx.store.on_written = user_writes.append
    ctx.store.pause(job["id"])  # ... and then the user pauses it, over that write
    relay.written(ticker_writes)  # both reports arrive queued, in the order they were written
    ctx._apply_written([ctx.home, user_writes[0]])
    assert window.jobs_model.data(window.jobs_model.index(0, 0), Role.Title) == "alpha, as the ticker wrote it"
    assert window.jobs_model.data(window.jobs_model.index(0, 0), Role.State) == "paused"
    qtbot.waitUntil(lambda: not relay._soon.isActive())
    assert window.jobs_model.data(window.jobs_model.index(0, 0), Role.State) == "paused"


def test_the_focus_on_a_rows_manage_button_stays_there_when_another_job_comes(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, store: JobStore) -> None:
    a = store.create("every 10m", "a", name="alpha")
    store.create("every 1h", "b", name="beta")
    _ready(qtbot, window, 2)
    row = window.cron.rows[a["id"]]
    row.show_actions(True)
    row.manage_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is row.manage_button)
    store.create("every 5h", "c", name="gamma")  # sorts last: alpha stays where it is
    _ready(qtbot, window, 3)
    assert window.cron.rows[a["id"]] is row and QApplication.focusWidget() is row.manage_button


def test_the_focus_follows_its_job_while_the_window_is_in_the_background(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, store: JobStore) -> None:
    a = store.create("every 10m", "a", name="alpha")
    store.create("every 1h", "b", name="beta")
    store.create("every 2h", "c", name="gamma")
    _ready(qtbot, window, 3)
    window.cron.rows[a["id"]].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: window.cron.rows[a["id"]].hasFocus())
    other = QLineEdit()  # another window takes the focus
    qtbot.addWidget(other)
    other.show()
    with qtbot.waitActive(other):
        other.activateWindow()
    other.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is other)
    store.pause(a["id"])  # meanwhile alpha drops to the end
    qtbot.waitUntil(lambda: [r.title.full for r in sorted(window.cron.rows.values(), key=lambda r: r.y())]
                    == ["beta", "gamma", "alpha"])
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.cron.rows[a["id"]])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # opens the runs of the job that had the focus
    assert window.cron.open_job == a["id"]


def test_the_open_runs_stay_open_when_many_jobs_arrive_above_them(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, store: JobStore) -> None:
    store.create("every 1h", "a", name="alpha")
    store.create("every 2h", "b", name="beta")
    c = store.create("every 5h", "c", name="gamma")
    _ready(qtbot, window, 3)
    window.cron.toggle_peek(c["id"])

    def add(records: list[Any]) -> None:  # ten jobs sooner than gamma, in one write (rows are made 4 a turn)
        for n in range(10):
            records.append({**copy.deepcopy(records[0]), "id": f"new{n:02d}", "name": f"new {n}"})

    store.mutate(add)
    _ready(qtbot, window, 13)
    gamma = window.cron.rows[c["id"]]
    assert window.cron.open_job == c["id"] and window.cron.peek.isVisible()
    qtbot.waitUntil(lambda: window.cron.peek.y() == gamma.geometry().bottom() + 1)


def test_the_pulse_stops_when_a_running_jobs_row_leaves_the_list(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, store: JobStore) -> None:
    store.create("every 1h", "a", name="alpha")
    b = store.create("every 2h", "b", name="beta")
    _ready(qtbot, window, 2)
    window.jobs_model.set_running(b["id"], True)
    qtbot.waitUntil(lambda: window.cron.rows[b["id"]].pip.state == "running")
    pulse = cron_section._the_pulse()
    assert pulse.timer.isActive()
    store.remove(b["id"])  # deleted while it runs (or a profile switch to fewer jobs)
    qtbot.waitUntil(lambda: len(window.cron.rows) == 1)
    assert not pulse.timer.isActive() and not pulse.pips


def test_a_click_in_a_text_editor_wakes_the_resting_cursor(qtbot, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    editor = QPlainTextEdit(window)
    QVBoxLayout(window).addWidget(editor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    flash = qapp.styleHints().cursorFlashTime()
    rest = CursorRest(qapp, rest_after_s=0.2)
    try:
        qtbot.waitUntil(lambda: rest.resting)
        qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        assert not rest.resting and qapp.styleHints().cursorFlashTime() == flash
    finally:
        qapp.focusObjectChanged.disconnect(rest._focus_moved)
        rest.timer.stop()
        qapp.styleHints().setCursorFlashTime(flash)
