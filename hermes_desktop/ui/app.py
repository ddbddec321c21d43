"""The composition root: builds the stores, the one jobs model, the ticker and the windows, and wires them.

Nothing else in the UI reaches for globals; everything a widget needs is
handed to it here.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QFileSystemWatcher, QObject, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from ..core.home import HermesHome
from ..core.jobs import Job, JobsSnapshot, JobStore, job_title
from ..core.schedule import parse_instant
from ..core.scheduler import TickReport
from ..core.sessions import SessionStore
from ..core.settings import Settings, load_settings
from ..l10n import moment
from .cron_section import CronSection
from .cron_window import CronManageWindow
from .job_editor import JobEditor
from .main_window import MainWindow
from .models import CronJobsModel, SessionsModel
from .prefs import UiPrefs
from .profiles import ProfilesWindow
from .settings_window import SettingsWindow
from .transcript import TranscriptView
from .workers import TaskRunner, Ticker

log = logging.getLogger("hermes_desktop.ui")

POLL_MS = 30_000
DEBOUNCE_MS = 100


class JobsWatcher(QObject):
    """Keeps a :class:`CronJobsModel` in step with ``cron/jobs.json``.

    A file watcher on the file and its folder (the folder sees the atomic
    rename that replaces the file), a 30 s poll only while a window is
    visible, and a signature check so an unchanged file is not even read.
    The read itself runs on the task thread.
    """

    refreshed = Signal()

    def __init__(self, store: JobStore, model: CronJobsModel, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.model = model
        self.tasks = tasks
        self.signature: object = "never read"
        self.problem: str | None = None
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._changed)
        self.watcher.fileChanged.connect(self._changed)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.refresh)
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.refresh)
        self._loading = False
        self._again = False
        self._watch()

    def set_store(self, store: JobStore) -> None:
        """Follow another home's jobs.json (a profile switch)."""
        old = self.watcher.files() + self.watcher.directories()
        if old:
            self.watcher.removePaths(old)
        self.store = store
        self.signature = "never read"
        self._watch()

    def _watch(self) -> None:
        paths = [str(self.store.home.cron_dir)]
        if self.store.home.jobs_file.exists():
            paths.append(str(self.store.home.jobs_file))
        missing = [p for p in paths if p not in self.watcher.files() + self.watcher.directories()]
        if missing:
            self.watcher.addPaths(missing)

    def _changed(self, _path: str) -> None:
        self._watch()  # an atomic rename drops the watch on the old file
        self.debounce.start()

    def set_visible(self, visible: bool) -> None:
        if visible:
            self.poll.start()
        else:
            self.poll.stop()

    def written(self, signature: object) -> None:
        """The window applied its own write: the file as it left it needs no reading back."""
        if signature is not None:
            self.signature = signature

    def refresh(self, force: bool = False) -> None:
        """Read jobs.json (off the GUI thread) if it changed, then update the model in place."""
        if self._loading:
            self._again = True
            return
        signature = self.store.signature()
        if not force and signature == self.signature:
            return
        self._loading = True
        self.tasks.submit(self.store.load, lambda snap, err: self._loaded(signature, snap, err))

    def _loaded(self, signature: object, snap: JobsSnapshot | None, error: str) -> None:
        self._loading = False
        if snap is not None:
            self.signature = signature
            if snap.error:
                self.problem = snap.error  # keep showing the last good jobs; say what is wrong
            else:
                self.problem = "; ".join(snap.problems) or None
                if snap.tz is not None:
                    self.model.zone = snap.tz
                self.model.apply(snap.jobs)
        else:
            self.problem = error
        self.refreshed.emit()
        if self._again:
            self._again = False
            self.refresh()


class AppContext(QObject):
    """The composition root of one main window: stores, the one jobs model, the ticker, the windows."""

    profileChanged = Signal(str)

    def __init__(self, base: HermesHome, *, start_ticker: bool, prefs: UiPrefs | None = None) -> None:
        super().__init__()
        self.base = base.ensure()
        self.prefs = prefs or UiPrefs()
        self.start_ticker = start_ticker
        wanted = self.prefs.profile
        self.profile = wanted if wanted == "default" or base.profile(wanted).root.is_dir() else "default"
        self.home = base.profile(self.profile).ensure()
        self.store = JobStore(self.home)
        self.sessions = SessionStore(self.home.state_db)
        self.tasks = TaskRunner(self)
        self.jobs_model = CronJobsModel(self)
        self.sessions_model = SessionsModel(self.sessions, self, submit=self.tasks.submit)
        self.watcher = JobsWatcher(self.store, self.jobs_model, self.tasks, self)
        self.ticker: Ticker | None = None
        self.notifier = Notifier(self)
        self.window: MainWindow | None = None
        self.cron: CronSection | None = None
        self.transcript: TranscriptView | None = None
        self.manage: CronManageWindow | None = None
        self.profiles: ProfilesWindow | None = None
        self.editor: JobEditor | None = None
        self.settings_window: SettingsWindow | None = None
        self.relay: TickerRelay | None = None
        self.action_problem: str | None = None  # why the last job action failed (cleared by one that works)
        self.tick_problem: str | None = None  # why the last tick could not start due jobs
        self._closed = False
        self._saved_signature: object = None  # the file as the editor's last save left it
        self._ticking_setting: bool | None = None  # unknown until the first save: that one ticks

    # ----------------------------------------------------------------- ticker

    def start_ticker_thread(self) -> None:
        if not self.start_ticker:
            return
        base = self.base  # the app's settings live in the home it was started on, whatever the profile
        self.ticker = Ticker(self.home, lambda: load_settings(base), self)
        assert self.relay is not None
        worker = self.ticker.worker
        # A QObject of the GUI thread receives the ticker's signals, so they arrive queued on this
        # thread; a plain function would run in whichever thread emitted them.
        worker.runStarted.connect(self.relay.started)
        worker.runFinished.connect(self.relay.finished)
        worker.ticked.connect(self.relay.ticked)
        worker.oneShotsMissed.connect(self.relay.missed)
        worker.enabledChanged.connect(self.relay.enabled)
        self.ticker.start()

    def stop_ticker_thread(self) -> None:
        if self.ticker is not None:
            self.ticker.shutdown()
            self.ticker.deleteLater()
            self.ticker = None

    # ----------------------------------------------------------------- job actions (off the GUI thread)

    def after(self, what: str) -> Callable[[Any, str], None]:
        def done(_result: Any, error: str) -> None:
            self.action_problem = what.format(error=error) if error else None
            self.show_problems()
            self.watcher.refresh()
        return done

    def change(self, op: Callable[[JobStore], Job], what: str, *, removes: bool = False) -> None:
        """Run a job change off the GUI thread; the record it returns goes straight into the model.

        The write is not read back: the watcher is told the file's signature
        as this write left it, and reads the file again only when another
        program changed it since.
        """
        store = self.store

        def work() -> tuple[Job, object]:
            job = op(store)
            return job, store.last_signature

        def done(result: tuple[Job, object] | None, error: str) -> None:
            self.action_problem = what.format(error=error) if error else None
            self.show_problems()
            if result is None or store is not self.store:  # failed, or the profile changed meanwhile
                self.watcher.refresh()
                return
            job, signature = result
            if removes:
                self.jobs_model.drop(job["id"])
            else:
                self.jobs_model.put(job)
            self.watcher.written(signature)
            if self.ticker is not None:
                self.ticker.tick_soon()

        self.tasks.submit(work, done)

    def tick_failed(self, error: str | None) -> None:
        """A tick's outcome: its error stays on screen until a tick works again."""
        problem = error.strip().splitlines()[0] if error and error.strip() else None
        if problem != self.tick_problem:
            self.tick_problem = problem
            self.show_problems()

    def show_problems(self) -> None:
        """What is wrong, one line each, in the main window's status bar and the cron window alike.

        The jobs file's own problem comes first (it stays until the file is
        fixed), then why the last action failed, then why due jobs could not
        be started, unless that is the file's problem said again.
        """
        lines = [self.watcher.problem, self.action_problem]
        if self.tick_problem and self.tick_problem != self.watcher.problem:
            lines.append(self.tr("Due jobs could not be started: {error}").format(error=self.tick_problem))
        text = "\n".join(line for line in lines if line) or None
        if self.window is not None:
            self.window.show_problem(text)
        if self.manage is not None:
            self.manage.show_problem(text)

    def run_now(self, job_id: str) -> None:
        if self.ticker is not None:
            self.ticker.run_now(job_id)
        else:  # no ticker in this window: whichever ticker runs picks it up
            self.change(lambda store: store.trigger(job_id), self.tr("Could not run the job: {error}"))

    def pause(self, job_id: str) -> None:
        self.change(lambda store: store.pause(job_id), self.tr("Could not pause the job: {error}"))

    def resume(self, job_id: str) -> None:
        self.change(lambda store: store.resume(job_id), self.tr("Could not resume the job: {error}"))

    def delete(self, job_id: str) -> None:
        self.change(lambda store: store.remove(job_id), self.tr("Could not delete the job: {error}"), removes=True)

    def edit(self, job_id: str | None = None) -> JobEditor:
        job = self.jobs_model.job(job_id) if job_id else None
        store = self.store

        def save(values: dict[str, Any]) -> Job:
            if job is None:
                saved = store.create(values.pop("schedule"), values.pop("prompt"), **values)
            else:
                saved = store.update(job["id"], **values)
            self._saved_signature = store.last_signature
            return saved

        parent = self.manage if self.manage is not None and self.manage.isVisible() else self.window
        editor = JobEditor(self.home, self.tasks.submit, save, job, tz=self.jobs_model.zone, parent=parent)
        editor.setWindowModality(Qt.WindowModality.WindowModal)
        editor.saved.connect(self._saved)
        editor.open()
        self.editor = editor
        return editor

    def _saved(self, job: dict[str, Any]) -> None:
        self.jobs_model.put(job)  # the saved record itself; the file is not read back
        self.watcher.written(self._saved_signature)
        if self.manage is not None:
            self.manage.select(job["id"])
        if self.ticker is not None:
            self.ticker.tick_soon()

    def _settings_saved(self, settings: Settings) -> None:
        """Only turning the app's ticking on or off needs a tick now; the ticker reads the rest when it runs."""
        if self.ticker is not None and settings.run_jobs_in_app != self._ticking_setting:
            self.ticker.tick_now()
        self._ticking_setting = settings.run_jobs_in_app

    def _refreshed(self) -> None:
        if self.ticker is not None:  # jobs.json changed: the ticker plans its next wake again
            self.ticker.tick_soon()

    # ----------------------------------------------------------------- windows

    def open_manage(self, job_id: str = "") -> CronManageWindow:
        """The one cron window: made on first use, raised after."""
        if self.manage is None:
            actions: dict[str, Callable[..., Any]] = {
                "new": lambda: self.edit(None), "edit": self.edit, "run": self.run_now,
                "pause": self.pause, "resume": self.resume, "delete": self.delete,
            }
            # A top-level window of its own (closed with the main window in shutdown)
            self.manage = CronManageWindow(self.jobs_model, self.sessions, self.prefs, actions,
                                           submit=self.tasks.submit)
            base = self.base  # the job details say which runner a job uses, from the app's settings
            self.manage.detail.runners.set_settings(lambda: load_settings(base))
            self.manage.openRun.connect(self.open_run)
            self.show_problems()
        self.manage.show()
        self.manage.raise_()
        self.manage.activateWindow()
        self.manage.select(job_id or None)
        return self.manage

    def open_run(self, session_id: str) -> None:
        if self.window is not None:
            self.window.open_session(session_id)
            self.window.raise_()
            self.window.activateWindow()

    def open_settings(self) -> SettingsWindow:
        if self.settings_window is None:
            self.settings_window = SettingsWindow(self.base, self.window, submit=self.tasks.submit)
            self.settings_window.changed.connect(self._settings_saved)
        self.settings_window.show()
        self.settings_window.raise_()
        return self.settings_window

    def open_profiles(self) -> ProfilesWindow:
        if self.profiles is None:
            self.profiles = ProfilesWindow(self.base, self.prefs, lambda: self.profile, self.window)
            self.profiles.switchRequested.connect(self.switch_profile)
        self.profiles.reload()
        self.profiles.show()
        self.profiles.raise_()
        return self.profiles

    def switch_profile(self, name: str) -> None:
        """Show another profile's sessions and jobs; the ticker follows."""
        if name == self.profile:
            return
        self.stop_ticker_thread()
        self.profile = name
        self.prefs.profile = name
        self.action_problem = self.tick_problem = None  # they were about the other profile's jobs
        self.home = self.base.profile(name).ensure()
        old_sessions = self.sessions
        self.store = JobStore(self.home)
        self.sessions = SessionStore(self.home.state_db)
        self.watcher.set_store(self.store)
        self.sessions_model.set_store(self.sessions)
        if self.transcript is not None:
            self.transcript.store = self.sessions
            self.transcript.clear()
        if self.cron is not None:
            self.cron.set_store(self.sessions)
        if self.manage is not None:
            self.manage.set_store(self.sessions)
        old_sessions.close()
        self.jobs_model.apply([])
        self.watcher.refresh(force=True)
        if self.window is not None:
            self.window.sidebar.update_count()
            self.window.set_profile(name)
        self.start_ticker_thread()
        if self.profiles is not None:
            self.profiles.reload()
        self.profileChanged.emit(name)

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        for w in (self.manage, self.profiles, self.editor, self.settings_window):
            if w is not None:
                w.close()
        self.stop_ticker_thread()
        self.tasks.stop()
        self.sessions.close()


def create_main_window(home: HermesHome, *, start_ticker: bool = True, prefs: UiPrefs | None = None) -> MainWindow:
    """Build the main window on ``home``, fully wired (ticker started unless ``start_ticker`` is False)."""
    ctx = AppContext(home, start_ticker=start_ticker, prefs=prefs)
    transcript = TranscriptView(ctx.sessions, submit=ctx.tasks.submit)
    cron = CronSection(ctx.jobs_model, ctx.sessions, ctx.prefs.cron_open, submit=ctx.tasks.submit)
    window = MainWindow(ctx.jobs_model, ctx.sessions_model, cron, transcript, ctx.prefs)
    window.ctx = ctx  # type: ignore[attr-defined]
    ctx.window, ctx.cron, ctx.transcript = window, cron, transcript
    ctx.setParent(window)
    window.set_profile(ctx.profile)

    cron.toggled.connect(lambda is_open: setattr(ctx.prefs, "cron_open", is_open))
    ctx.watcher.refreshed.connect(ctx.show_problems)
    ctx.watcher.refreshed.connect(ctx._refreshed)
    ctx.sessions_model.refresh()
    window.sidebar.update_count()
    ctx.watcher.refresh(force=True)
    cron.runNow.connect(ctx.run_now)

    def refresh_sessions() -> None:  # new chats from Hermes show up with the same visible-only poll
        ctx.sessions_model.refresh()
        window.sidebar.update_count()

    ctx.watcher.poll.timeout.connect(refresh_sessions)
    window.refresh_sessions = refresh_sessions  # type: ignore[attr-defined]
    window.manageRequested.connect(ctx.open_manage)
    window.newJobRequested.connect(lambda: ctx.edit(None))
    window.profilesRequested.connect(ctx.open_profiles)
    window.settingsRequested.connect(ctx.open_settings)
    window.open_manage = ctx.open_manage  # type: ignore[attr-defined]
    ctx.relay = TickerRelay(ctx, cron, window)
    ctx.start_ticker_thread()

    class _Visibility(QObject):
        def eventFilter(self, obj: QObject, event: Any) -> bool:
            kind = event.type()
            if kind in (event.Type.Show, event.Type.Hide, event.Type.WindowStateChange):
                visible = window.isVisible() and not window.isMinimized()
                ctx.watcher.set_visible(visible)
                cron._run_clock()
                if visible:
                    ctx.watcher.refresh()
                    refresh_sessions()
            return False

    vis = _Visibility(window)
    window.installEventFilter(vis)
    window.closing.connect(ctx.shutdown)
    return window


class TickerRelay(QObject):
    """Turns the ticker's signals into model and view updates, on the GUI thread."""

    def __init__(self, ctx: AppContext, cron: CronSection, parent: QObject) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cron = cron

    @Slot(str)
    def started(self, job_id: str) -> None:
        self.ctx.jobs_model.set_running(job_id, True)
        self.ctx.watcher.refresh()

    @Slot(str, bool, str)
    def finished(self, job_id: str, ok: bool, error: str) -> None:
        self.ctx.jobs_model.set_running(job_id, False)
        self.ctx.watcher.refresh()
        self.cron.refresh_peek(job_id)
        if not ok:
            notify_failure(self.ctx, job_id, error)

    @Slot(list)
    def ticked(self, reports: list[TickReport]) -> None:
        for report in reports:
            if report.error or not (report.idle or report.locked_out):  # an idle tick proves nothing either way
                self.ctx.tick_failed(report.error)
        self.ctx.watcher.refresh()

    @Slot(list)
    def missed(self, jobs: list[Job]) -> None:
        for job in jobs:
            notify_missed(self.ctx, job)
            self.cron.refresh_peek(job["id"])

    @Slot(bool)
    def enabled(self, on: bool) -> None:
        if self.ctx.window is not None:
            self.ctx.window.set_ticker_status(on)


class TrayLike(Protocol):
    def showMessage(self, title: str, msg: str, icon: QSystemTrayIcon.MessageIcon, msecs: int) -> None: ...


def _system_tray() -> TrayLike | None:
    """The app's tray icon, where the desktop has a tray (offscreen and some desktops have none)."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    app = QApplication.instance()
    icon = app.windowIcon() if isinstance(app, QApplication) else None
    tray = QSystemTrayIcon(icon) if icon is not None else QSystemTrayIcon()
    tray.show()
    return tray


class Notifier(QObject):
    """Desktop notifications. ``shown`` reports each one, also where there is no tray to show it."""

    shown = Signal(str, str)  # title, body

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tray_factory: Callable[[], TrayLike | None] = _system_tray
        self.tray: TrayLike | None = None

    def warn(self, title: str, body: str) -> None:
        if self.tray is None:
            self.tray = self.tray_factory()
        if self.tray is not None:
            self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Warning, 10_000)
        self.shown.emit(title, body)


def _title(job: Job | None, job_id: str) -> str:
    return job_title(job, QApplication.translate("Job", "Cron job")) if job else job_id


def notify_failure(ctx: AppContext, job_id: str, error: str) -> None:
    title = _title(ctx.jobs_model.job(job_id), job_id)
    ctx.notifier.warn(QApplication.translate("Notify", "Cron job failed: {title}").format(title=title),
                      error.splitlines()[0] if error else "")


def notify_missed(ctx: AppContext, job: Job) -> None:
    """A one-shot found too late to run: the same notice as a failure, saying when it was due."""
    known = job if job.get("schedule") else ctx.jobs_model.job(job["id"])
    title = _title(known, job["id"])
    sched = known.get("schedule") if known else None
    due = parse_instant(sched.get("run_at")) if isinstance(sched, dict) else None
    body = (QApplication.translate("Notify", "It was due {when} and did not run. One-shot jobs do not run late; "
                                             "edit the job to give it a new time.").format(when=moment(due))
            if due is not None else "")
    ctx.notifier.warn(QApplication.translate("Notify", "Cron job missed: {title}").format(title=title), body)


# --------------------------------------------------------------------------- starting the GUI


def display_available() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def _parse_size(text: str | None) -> QSize | None:
    if not text:
        return None
    try:
        w, h = (int(v) for v in text.lower().split("x", 1))
    except ValueError:
        raise SystemExit(f"error: --size wants WIDTHxHEIGHT, like 1200x800 (got {text!r})") from None
    return QSize(max(320, w), max(240, h))


def run_gui(args: argparse.Namespace, home: HermesHome) -> int:
    t0 = time.perf_counter()
    if args.screenshot and not os.environ.get("QT_QPA_PLATFORM") and not display_available():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    if not display_available():
        print("hermes-desktop: no display found. Run it on a desktop, or headless with QT_QPA_PLATFORM=offscreen, "
              "or use the 'hermes-desktop cron …' commands.", file=sys.stderr)
        return 1
    size = _parse_size(args.size)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Hermes Desktop")
    app.setOrganizationName("Hermes")
    app.setDesktopFileName("hermes-desktop")  # Wayland and docks match the window to the .desktop entry
    icon = Path(__file__).resolve().parents[1] / "resources" / "hermes-desktop.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    from ..i18n import install_translators

    install_translators(app, args.lang or load_settings(home).language)
    window = create_main_window(home, start_ticker=not args.screenshot)
    if size is not None:
        window.resize(size)
    if args.screenshot:
        return _screenshot(app, window, args)
    started = os.environ.get(FIRST_PAINT_ENV)
    if started:  # the benchmark's probe: report process start → first paint, then leave
        _report_first_paint(app, window, float(started))
    window.show()
    log.info("first window in %.0f ms", (time.perf_counter() - t0) * 1000)
    _quit_on_signals(app)
    return int(app.exec())


def _quit_on_signals(app: QApplication) -> None:
    """Ctrl+C or SIGTERM closes the window the normal way (runs recorded, threads joined).

    Python runs its signal handlers only between bytecodes, so a slow timer gives
    it a turn while Qt's loop waits.
    """
    import signal

    def close(*_: object) -> None:
        app.quit()  # closes the windows: each one shuts its ticker down

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, close)
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(500)


FIRST_PAINT_ENV = "HERMES_DESKTOP_FIRST_PAINT_SINCE"


def _report_first_paint(app: QApplication, window: MainWindow, started: float) -> None:
    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: Any) -> bool:
            if event.type() == event.Type.Paint and not getattr(self, "done", False):
                self.done = True
                print(f"first_paint_s={time.time() - started:.3f}", flush=True)
                QTimer.singleShot(0, window.close)
            return False

    probe = FirstPaint(window)
    window.installEventFilter(probe)


def _screenshot(app: QApplication, window: MainWindow, args: argparse.Namespace) -> int:
    window.show()
    target = window
    if args.view == "cron":
        opener = getattr(window, "open_manage", None)
        if opener is None:
            print("error: the cron window is not available in this version", file=sys.stderr)
            return 2
        target = opener("")
    deadline = time.monotonic() + 5
    ctx = window.ctx  # type: ignore[attr-defined]
    while time.monotonic() < deadline and (ctx.tasks.pending() or ctx.watcher._loading):
        app.processEvents()
    for _ in range(5):
        app.processEvents()
    ok = target.grab().save(args.screenshot, "PNG")
    window.close()
    if not ok:
        print(f"error: could not write {args.screenshot}", file=sys.stderr)
        return 1
    print(args.screenshot)
    return 0
