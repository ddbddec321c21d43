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
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QSize, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from ..core.home import HermesHome
from ..core.jobs import JobsSnapshot, JobStore
from ..core.sessions import SessionStore
from ..core.settings import Settings, load_settings
from .cron_section import CronSection
from .main_window import MainWindow
from .models import CronJobsModel, SessionsModel
from .prefs import UiPrefs
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
                self.model.apply(snap.jobs)
        else:
            self.problem = error
        self.refreshed.emit()
        if self._again:
            self._again = False
            self.refresh()


class AppContext(QObject):
    """Everything one window needs, built once."""

    def __init__(self, home: HermesHome, *, start_ticker: bool, prefs: UiPrefs | None = None) -> None:
        super().__init__()
        self.home = home.ensure()
        self.prefs = prefs or UiPrefs()
        self.settings: Settings = load_settings(home)
        self.store = JobStore(home)
        self.sessions = SessionStore(home.state_db)
        self.tasks = TaskRunner(self)
        self.jobs_model = CronJobsModel(self)
        self.sessions_model = SessionsModel(self.sessions, self)
        self.watcher = JobsWatcher(self.store, self.jobs_model, self.tasks, self)
        self.ticker: Ticker | None = Ticker(home, lambda: load_settings(home), self) if start_ticker else None
        self.tray: QSystemTrayIcon | None = None

    def shutdown(self) -> None:
        if self.ticker is not None:
            self.ticker.shutdown()
        self.tasks.stop()
        self.sessions.close()


def create_main_window(home: HermesHome, *, start_ticker: bool = True, prefs: UiPrefs | None = None) -> MainWindow:
    """Build the main window on ``home``, fully wired (ticker started unless ``start_ticker`` is False)."""
    ctx = AppContext(home, start_ticker=start_ticker, prefs=prefs)
    transcript = TranscriptView(ctx.sessions)
    cron = CronSection(ctx.jobs_model, ctx.sessions, ctx.prefs.cron_open)
    window = MainWindow(ctx.jobs_model, ctx.sessions_model, cron, transcript, ctx.prefs)
    window.ctx = ctx  # type: ignore[attr-defined]
    ctx.setParent(window)

    cron.toggled.connect(lambda is_open: setattr(ctx.prefs, "cron_open", is_open))
    ctx.watcher.refreshed.connect(lambda: window.show_problem(ctx.watcher.problem))
    ctx.sessions_model.refresh()
    window.sidebar.update_count()
    ctx.watcher.refresh(force=True)

    def run_now(job_id: str) -> None:
        if ctx.ticker is not None:
            ctx.ticker.run_now(job_id)
        else:  # no ticker in this window: let whichever ticker runs pick it up
            ctx.tasks.submit(lambda: ctx.store.trigger(job_id), lambda _r, _e: ctx.watcher.refresh())

    cron.runNow.connect(run_now)
    window.run_now = run_now  # type: ignore[attr-defined]

    if ctx.ticker is not None:
        # A QObject of the GUI thread receives the ticker's signals, so they arrive queued on this
        # thread; a plain function would run in whichever thread emitted them.
        relay = TickerRelay(ctx, cron, window)
        worker = ctx.ticker.worker
        worker.runStarted.connect(relay.started)
        worker.runFinished.connect(relay.finished)
        worker.ticked.connect(relay.ticked)
        ctx.ticker.start()

    class _Visibility(QObject):
        def eventFilter(self, obj: QObject, event: Any) -> bool:
            kind = event.type()
            if kind in (event.Type.Show, event.Type.Hide, event.Type.WindowStateChange):
                visible = window.isVisible() and not window.isMinimized()
                ctx.watcher.set_visible(visible)
                cron._run_clock()
                if visible:
                    ctx.watcher.refresh()
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
    def ticked(self, _report: list[object]) -> None:
        self.ctx.watcher.refresh()


def notify_failure(ctx: AppContext, job_id: str, error: str) -> None:
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return
    if ctx.tray is None:
        app = QApplication.instance()
        icon = app.windowIcon() if isinstance(app, QApplication) else None
        ctx.tray = QSystemTrayIcon(icon) if icon is not None else QSystemTrayIcon()
        ctx.tray.show()
    job = ctx.jobs_model.job(job_id)
    from ..core.jobs import job_title

    title = job_title(job) if job else job_id
    ctx.tray.showMessage(QApplication.translate("Notify", "Cron job failed: {title}").format(title=title),
                         error.splitlines()[0] if error else "", QSystemTrayIcon.MessageIcon.Warning, 10_000)


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
    from ..i18n import install_translators

    install_translators(app, args.lang or load_settings(home).language)
    window = create_main_window(home, start_ticker=not args.screenshot)
    if size is not None:
        window.resize(size)
    if args.screenshot:
        return _screenshot(app, window, args)
    window.show()
    log.info("first window in %.0f ms", (time.perf_counter() - t0) * 1000)
    return int(app.exec())


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
