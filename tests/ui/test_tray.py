"""The tray icon and notifications you can act on (offscreen has no tray: a stand-in icon records its messages)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal, Slot
from PySide6.QtWidgets import QSystemTrayIcon

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.sessions import SessionStore
from hermes_desktop.core.settings import Settings, load_settings, save_settings
from hermes_desktop.ui.app import create_main_window
from hermes_desktop.ui.main_window import MainWindow
from hermes_desktop.ui.notify import first_lines
from hermes_desktop.ui.tray import AppTray

from .test_main_window import wait_jobs


class FakeTrayIcon(QSystemTrayIcon):
    """A tray icon that records its messages instead of showing them (its signals are the real ones)."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[tuple[str, str]] = []
        self.shown_in_tray = False

    def showMessage(self, title: str, msg: str, icon: Any = None, msecs: int = 10_000) -> None:  # type: ignore[override]
        self.messages.append((title, msg))

    def show(self) -> None:
        self.shown_in_tray = True

    def hide(self) -> None:
        self.shown_in_tray = False


class Opened:
    def __init__(self, home: HermesHome, qtbot: Any, start_ticker: bool = True) -> None:
        self.icon = FakeTrayIcon()
        self.quits: list[bool] = []
        self.window: MainWindow = create_main_window(home, start_ticker=start_ticker, tray=lambda: self.icon,
                                                     quit_app=lambda: self.quits.append(True))
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)
        assert self.window.tray is not None
        self.tray: AppTray = self.window.tray
        self.window.ctx.notifier.set_group_ms(100)  # the grouping test sets its own window


@pytest.fixture
def opened(qtbot: Any, home: HermesHome) -> Iterator[Any]:
    made: list[Opened] = []

    def make(start_ticker: bool = True) -> Opened:
        made.append(Opened(home, qtbot, start_ticker))
        return made[-1]

    yield make
    for o in made:  # closing only hides to the tray: quit, so the tickers stop and their threads are joined
        o.window.quit()
        assert not o.window.ctx.tickers


def script_job(home: HermesHome, store: JobStore, name: str, script: str, **kw: Any) -> dict[str, Any]:
    (home.scripts_dir / f"{name}.sh").write_text(script)
    return store.create(kw.pop("schedule", "every 1h"), script=f"{name}.sh", no_agent=True, name=name, **kw)


# --------------------------------------------------------------------------- the window and the tray


def test_closing_hides_to_the_tray_and_jobs_keep_running(qtbot: Any, opened: Any) -> None:
    o = opened()
    window, ctx = o.window, o.window.ctx
    ticker = ctx.ticker
    assert ticker is not None and o.icon.shown_in_tray
    with qtbot.waitSignal(ctx.notifier.shown) as notice:
        window.close()
    assert not window.isVisible()
    assert ctx.ticker is ticker and ticker.worker_thread.isRunning()  # the jobs keep running
    assert notice.args[0] == "Hermes Desktop is still running" and "Quit" in notice.args[1]
    assert o.icon.messages == [tuple(notice.args)]
    window.show()
    window.close()  # the second time: no notice again
    assert not window.isVisible() and len(o.icon.messages) == 1
    assert o.quits == []


def test_the_notice_is_shown_once_ever(qtbot: Any, opened: Any) -> None:
    first = opened(start_ticker=False)
    first.window.close()
    assert len(first.icon.messages) == 1
    first.window.quit()
    second = opened(start_ticker=False)
    second.window.close()
    assert second.icon.messages == []


def test_clicking_the_icon_toggles_the_window(qtbot: Any, opened: Any) -> None:
    o = opened(start_ticker=False)
    assert o.tray.show_action.text() == "Hide window"
    o.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    assert not o.window.isVisible() and o.tray.show_action.text() == "Show window"
    o.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    assert o.window.isVisible() and o.tray.show_action.text() == "Hide window"


def test_quit_stops_the_tickers(qtbot: Any, opened: Any) -> None:
    o = opened()
    ctx = o.window.ctx
    ticker = ctx.ticker
    assert ticker is not None
    o.tray.quit_action.trigger()
    assert ctx.tickers == {}
    assert ticker.worker_thread.isFinished()
    assert o.quits == [True] and not o.icon.shown_in_tray


class QuitEater(QObject):
    """Keeps a test's Quit event from ending the test run (filters installed before the window's see it last)."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        return event.type() == QEvent.Type.Quit


def test_asked_to_quit_the_window_closes_for_good(qtbot: Any, opened: Any) -> None:
    """Ctrl+C, SIGTERM or logging out end the app: the window does not hide to the tray then."""
    app = QCoreApplication.instance()
    assert app is not None
    eater = QuitEater()
    app.installEventFilter(eater)
    try:
        o = opened()
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.Quit))
        o.window.close()
    finally:
        app.removeEventFilter(eater)
    assert not o.window.isVisible() and o.window.ctx.tickers == {}


def test_asked_to_quit_while_in_the_tray_the_tickers_stop(qtbot: Any, opened: Any) -> None:
    """The app ends with the window hidden (Qt closes only the windows on screen): the tickers still stop."""
    app = QCoreApplication.instance()
    assert app is not None
    eater = QuitEater()
    app.installEventFilter(eater)
    try:
        o = opened()
        o.window.close()  # to the tray
        assert o.window.ctx.tickers
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.Quit))
    finally:
        app.removeEventFilter(eater)
    assert o.window.ctx.tickers == {}


def test_without_a_tray_closing_quits_as_before(qtbot: Any, home: HermesHome) -> None:
    window = create_main_window(home, start_ticker=True, tray=lambda: None)
    qtbot.addWidget(window)
    window.show()
    assert window.tray is None and window.ctx.tickers
    window.close()
    assert window.ctx.tickers == {}


def test_the_menu_says_the_next_run(qtbot: Any, opened: Any, store: JobStore) -> None:
    store.create("every 3h", "later", name="Later")
    store.create("in 12m", "brief me", name="Morning brief")
    o = opened(start_ticker=False)
    wait_jobs(qtbot, o.window, 2)
    o.tray.next_action.setText("")
    o.tray.menu.aboutToShow.emit()  # the menu opens: said again
    assert re.fullmatch(r"Next: Morning brief in 1[12] min", o.tray.next_action.text())
    o.tray.pause_action.trigger()
    assert re.fullmatch(r"Next: Morning brief in 1[12] min, not run", o.tray.next_action.text())


def test_no_jobs_no_next_run(qtbot: Any, opened: Any) -> None:
    o = opened(start_ticker=False)
    o.tray.menu.aboutToShow.emit()
    assert o.tray.next_action.text() == "No scheduled runs"


# --------------------------------------------------------------------------- pause all jobs


class Held(QObject):
    """The ticker's ``held``, heard on the GUI thread (a signal from its thread is queued to this object)."""

    heard = Signal()

    @Slot()
    def hear(self) -> None:
        self.heard.emit()


def test_pause_all_holds_due_jobs_without_touching_jobs_json(qtbot: Any, opened: Any, home: HermesHome,
                                                             store: JobStore) -> None:
    done = home.root / "ran"
    job = script_job(home, store, "mark", f"echo ran >> {done}")
    o = opened()
    ctx = o.window.ctx
    wait_jobs(qtbot, o.window, 1)
    ticker = ctx.ticker
    assert ticker is not None
    o.tray.pause_action.trigger()
    assert ctx.paused and o.tray.pause_action.text() == "Resume all jobs"
    assert o.window.ticker_status.text() == "Paused: jobs do not run until you resume"
    assert "Paused" in o.icon.toolTip()
    held = Held()
    ticker.worker.held.connect(held.hear)
    JobStore(home).trigger(job["id"])  # due now
    before = home.jobs_file.read_bytes()
    due = JobStore(home).get(job["id"])["next_run_at"]
    model = ctx.jobs_model
    qtbot.waitUntil(lambda: model.job(job["id"])["next_run_at"] == due)  # the window saw it (and asked for a tick)
    with qtbot.waitSignal(held.heard, timeout=5000):
        ticker.tick_now()  # after that ask: a held tick plans the next one a minute away
    assert not done.exists()
    assert home.jobs_file.read_bytes() == before  # the pause is this app's, not a change to the jobs
    with qtbot.waitSignal(ctx.runEnded, timeout=10000):
        o.tray.pause_action.trigger()  # resumed: the due job runs at once
    assert not ctx.paused and done.read_text() == "ran\n"
    assert o.tray.pause_action.text() == "Pause all jobs"
    assert o.window.ticker_status.text() == "Scheduled jobs run while this window is open"


def test_run_now_still_runs_while_paused(qtbot: Any, opened: Any, home: HermesHome, store: JobStore) -> None:
    done = home.root / "ran"
    job = script_job(home, store, "mark", f"echo ran >> {done}")
    o = opened()
    wait_jobs(qtbot, o.window, 1)
    o.window.ctx.set_paused(True)
    with qtbot.waitSignal(o.window.ctx.runEnded, timeout=10000):
        o.window.ctx.run_now(job["id"])
    assert done.read_text() == "ran\n"


# --------------------------------------------------------------------------- notifications


FAILING = "for i in 1 2 3 4 5; do echo \"line $i\" >&2; done; exit 3"


def test_first_lines() -> None:
    assert first_lines("one\n\ntwo\nthree\nfour") == "one\ntwo\nthree…"
    assert first_lines("short") == "short"
    assert first_lines("x" * 300) == "x" * 199 + "…"


def test_a_failure_says_the_first_lines_and_a_click_opens_its_transcript(qtbot: Any, opened: Any,
                                                                        home: HermesHome, store: JobStore) -> None:
    job = script_job(home, store, "flaky", FAILING)
    o = opened()
    window, notifier = o.window, o.window.ctx.notifier
    wait_jobs(qtbot, window, 1)
    window.hide()
    with qtbot.waitSignal(notifier.shown, timeout=10000) as shown:
        window.ctx.run_now(job["id"])
    title, body = shown.args
    assert title == "Cron job failed: flaky"
    assert body.splitlines()[0] == "flaky.sh exited with code 3:"
    assert body.splitlines()[1:] == ["line 1", "line 2…"]  # not cut at the first line; at most three
    assert o.icon.messages == [(title, body)]
    assert "failed since you last looked" in o.icon.toolTip() and o.tray.unseen == 1
    run = SessionStore(home.state_db).cron_runs(job["id"])[0]
    with qtbot.waitSignal(window.transcript.rendered, timeout=5000) as rendered:
        o.icon.messageClicked.emit()
    assert rendered.args == [run.id]
    assert window.isVisible()
    assert o.tray.unseen == 0 and "failed" not in o.icon.toolTip()  # shown: looked at


def test_several_failures_make_one_notification_that_opens_the_cron_window(qtbot: Any, opened: Any,
                                                                           home: HermesHome,
                                                                           store: JobStore) -> None:
    jobs = [script_job(home, store, f"bad{i}", FAILING) for i in range(3)]
    o = opened()
    window, notifier = o.window, o.window.ctx.notifier
    notifier.set_group_ms(3000)
    wait_jobs(qtbot, window, 3)
    with qtbot.waitSignal(notifier.shown, timeout=15000) as shown:
        for job in jobs:
            window.ctx.run_now(job["id"])
    title, body = shown.args
    assert title == "3 jobs failed"
    assert sorted(body.splitlines()) == ["Cron job failed: bad0", "Cron job failed: bad1", "Cron job failed: bad2"]
    assert len(o.icon.messages) == 1
    o.icon.messageClicked.emit()
    manage = window.dialogs.manage
    assert manage is not None and manage.isVisible()


def test_every_finished_run_notifies_when_asked(qtbot: Any, opened: Any, home: HermesHome, store: JobStore) -> None:
    job = script_job(home, store, "fine", "echo 'all good'; echo 'second line'")
    o = opened()
    ctx, notifier = o.window.ctx, o.window.ctx.notifier
    wait_jobs(qtbot, o.window, 1)
    with qtbot.waitSignal(ctx.runEnded, timeout=10000):
        ctx.run_now(job["id"])
    assert o.icon.messages == []  # off by default: a run that worked is not news
    settings = o.window.dialogs.open_settings()
    assert not settings.notify_all.isChecked()
    with qtbot.waitSignal(settings.changed, timeout=5000):
        settings.notify_all.setChecked(True)
    assert load_settings(home).notify_all_runs and ctx.notify_all_runs
    qtbot.waitUntil(lambda: ctx.jobs_model.state_of(ctx.jobs_model.job(job["id"])).name != "RUNNING")
    with qtbot.waitSignal(notifier.shown, timeout=10000) as shown:
        ctx.run_now(job["id"])
    title, body = shown.args
    assert title == "Cron job finished: fine"
    assert "all good" in body
    run = SessionStore(home.state_db).cron_runs(job["id"])[0]
    with qtbot.waitSignal(o.window.transcript.rendered, timeout=5000) as rendered:
        o.icon.messageClicked.emit()
    assert rendered.args == [run.id]


def test_the_setting_is_read_at_start(qtbot: Any, opened: Any, home: HermesHome, store: JobStore,
                                      tmp_path: Path) -> None:
    save_settings(home, Settings(notify_all_runs=True))
    job = script_job(home, store, "fine", "echo 'all good'")
    o = opened()
    wait_jobs(qtbot, o.window, 1)
    with qtbot.waitSignal(o.window.ctx.notifier.shown, timeout=10000) as shown:
        o.window.ctx.run_now(job["id"])
    assert shown.args[0] == "Cron job finished: fine"
