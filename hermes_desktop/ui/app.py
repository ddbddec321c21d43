"""The composition root: builds one main window's context, views and dialogs, and wires their signals.

Nothing else in the UI reaches for globals; everything a widget needs is
handed to it here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from ..core.firing import Firer, GatewayProbe
from ..core.gateway import gateway_status
from ..core.home import HermesHome
from ..core.jobs import job_next_run, job_title
from ..core.settings import load_settings
from .agenda import AgendaPanel
from .context import AppContext, Profile
from .cron_section import CronSection
from .dialogs import Dialogs
from .main_window import MainWindow
from .notify import Target
from .prefs import UiPrefs
from .transcript import TranscriptView
from .tray import AppTray, tray_available
from .workers import TaskRunner


def system_tray() -> QSystemTrayIcon | None:
    """A tray icon where the desktop has a tray; None elsewhere (closing the window then quits)."""
    return QSystemTrayIcon() if tray_available() else None


def create_main_window(home: HermesHome, *, start_ticker: bool = True, prefs: UiPrefs | None = None,
                       gateway: GatewayProbe | None = gateway_status,
                       tray: Callable[[], QSystemTrayIcon | None] = system_tray,
                       quit_app: Callable[[], None] = QApplication.quit) -> MainWindow:
    """Build the main window on ``home``, fully wired (tickers started unless ``start_ticker`` is False).

    ``gateway`` tells whether a Hermes gateway runs for a home (it fires that home's jobs; the window stands by).
    ``tray`` makes the tray icon (None: no tray); with one, closing the window hides it and jobs keep running,
    and its Quit ends the app through ``quit_app``.
    """
    ctx = AppContext(home, start_ticker=start_ticker, prefs=prefs, gateway=gateway)
    transcript = TranscriptView(ctx.sessions, submit=ctx.tasks.submit)
    cron = CronSection(ctx.jobs_model, ctx.sessions, ctx.prefs.cron_open, submit=ctx.tasks.submit)
    window = MainWindow(ctx.jobs_model, ctx.sessions_model, cron, transcript, ctx.prefs)
    ctx.setParent(window)
    dialogs = Dialogs(ctx, window)
    window.ctx, window.dialogs = ctx, dialogs
    # The empty page's agenda, worked out on a thread of its own: at 10,000 jobs it is seconds of work, which
    # would otherwise queue ahead of the reads the window waits for (jobs.json, a transcript).
    agenda_tasks = TaskRunner(window)
    window.agenda_submit = agenda_tasks.submit
    agenda = AgendaPanel(ctx.jobs_model, agenda_tasks.submit, lambda: ctx.sessions, window)
    agenda.openJob.connect(window.manageRequested)
    ctx.runEnded.connect(agenda.ran)
    agenda_shown = transcript.set_home(agenda, lambda: ctx.jobs_model.rowCount() > 0)
    for changed in (ctx.jobs_model.rowsInserted, ctx.jobs_model.rowsRemoved, ctx.jobs_model.modelReset):
        changed.connect(agenda_shown)
    window.set_profile(ctx.profile)

    # what the context says, the views show
    ctx.problemsChanged.connect(lambda text: window.show_problem(text or None))
    def show_firing() -> None:
        status = ctx.firing.get(ctx.profile)
        window.set_firing(status, ctx.paused)
        held = ctx.paused and (status is None or status.firer == Firer.APP)  # every countdown says "not run"
        cron.set_nobody_fires(held or (status is not None and status.firer == Firer.NOBODY))

    ctx.firingChanged.connect(show_firing)
    ctx.profileChanged.connect(show_firing)
    ctx.pausedChanged.connect(show_firing)
    ctx.runEnded.connect(cron.refresh_peek)
    transcript.chat.settings = lambda: load_settings(ctx.base)  # the app's settings live in the home it started on
    transcript.conversationChanged.connect(lambda _sid: window.refresh_sessions())

    def follow(profile: Profile) -> None:  # a profile switch: every view takes the one new profile
        ctx.sessions_model.set_store(profile.sessions)
        transcript.set_store(profile.sessions)
        cron.set_store(profile.sessions)
        window.set_profile(profile.name)
        window.sidebar.update_count()

    ctx.profileSwitched.connect(follow)

    # what the user asks for, the context and the dialogs do
    cron.toggled.connect(lambda is_open: setattr(ctx.prefs, "cron_open", is_open))
    cron.runNow.connect(ctx.run_now)
    cron.caughtUp.connect(ctx.window_caught_up)
    ctx.watcher.refreshed.connect(cron.sync_soon)  # a read that changed no row still ends in caughtUp
    window.manageRequested.connect(dialogs.open_manage)
    window.newJobRequested.connect(lambda template=None: dialogs.edit(None, template))
    window.profilesRequested.connect(dialogs.open_profiles)
    window.settingsRequested.connect(dialogs.open_settings)

    ctx.sessions_model.refresh()
    window.sidebar.update_count()
    ctx.watcher.refresh(force=True)
    ctx.watcher.poll.timeout.connect(window.refresh_sessions)  # new chats from Hermes: the same visible-only poll
    ctx.start_tickers()

    # what a click on a notification is about, the window opens
    def open_target(target: Target) -> None:
        window.show_raised()
        if target.window_only:
            return
        if target.profile and target.profile != ctx.profile and target.session_id:
            ctx.switch_profile(target.profile)  # the transcript is in that profile's sessions
        if target.session_id and (not target.profile or target.profile == ctx.profile):
            dialogs.open_run(target.session_id)
        else:
            dialogs.open_manage(target.job_id)

    ctx.notifier.clicked.connect(open_target)
    app_tray = window.tray = _make_tray(ctx, window, dialogs, tray(), quit_app)

    class _Visibility(QObject):
        def eventFilter(self, obj: QObject, event: Any) -> bool:
            kind = event.type()
            if kind in (event.Type.Show, event.Type.Hide, event.Type.WindowStateChange):
                visible = window.isVisible() and not window.isMinimized()
                ctx.watcher.set_visible(visible)
                cron._run_clock()
                if app_tray is not None:
                    app_tray.set_window_visible(visible)
                if visible:
                    ctx.notifier.seen()  # the user looks: failures so far are no longer news
                    ctx.watcher.refresh()
                    window.refresh_sessions()
            return False

    window.installEventFilter(_Visibility(window))

    def close() -> None:
        dialogs.close_all()
        transcript.chat.shutdown()
        agenda_tasks.submit(ctx.sessions.close)  # that thread's own state.db connection
        agenda_tasks.stop()
        ctx.shutdown()
        if app_tray is not None:
            app_tray.close()
            quit_app()  # with a tray, the last window closing does not end the app by itself

    window.closing.connect(close)
    return window


def _make_tray(ctx: AppContext, window: MainWindow, dialogs: Dialogs, icon: QSystemTrayIcon | None,
               quit_app: Callable[[], None]) -> AppTray | None:
    """The tray icon, wired: closing the window hides it there; notifications go through it."""
    if icon is None:
        return None
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setQuitOnLastWindowClosed(False)  # a dialog closed while the window is hidden must not end the app

    def next_run() -> tuple[str, datetime] | None:
        model = ctx.jobs_model
        upcoming = [(due, job_title(job, QApplication.translate("Job", "Cron job"))) for job in model.jobs_view()
                    if model.state_of(job).will_run and (due := job_next_run(job)) is not None]
        if not upcoming:
            return None
        due, title = min(upcoming)
        return title, due

    app_tray = AppTray(next_run, icon, window)
    ctx.notifier.set_tray(icon)
    ctx.notifier.unseenChanged.connect(app_tray.set_unseen)
    ctx.pausedChanged.connect(app_tray.set_paused)
    ctx.jobs_model.modelReset.connect(app_tray.refresh)

    def toggle() -> None:
        if window.isVisible() and not window.isMinimized():
            window.hide()
        else:
            window.show_raised()

    app_tray.toggleRequested.connect(toggle)
    def new_job() -> None:
        window.show_raised()
        dialogs.edit(None)

    def settings() -> None:
        window.show_raised()
        dialogs.open_settings()

    app_tray.newJobRequested.connect(new_job)
    app_tray.settingsRequested.connect(settings)
    app_tray.pauseRequested.connect(ctx.set_paused)
    app_tray.quitRequested.connect(window.quit)

    window.hide_on_close = lambda: True

    def hidden() -> None:
        if not ctx.prefs.tray_notice_shown:
            ctx.prefs.tray_notice_shown = True
            ctx.notifier.show(QApplication.translate("Tray", "Hermes Desktop is still running"),
                              QApplication.translate("Tray", "Scheduled jobs keep running. To quit, choose Quit in "
                                                             "the tray icon's menu."),
                              Target(window_only=True))

    window.hiddenToTray.connect(hidden)

    class _Quitting(QObject):  # the app is asked to end (Ctrl+C, SIGTERM, the session logging out): close for good
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Quit:
                window.quitting = True
                if not window.isVisible():  # Qt closes only the windows on screen; this one must close too
                    window.close()
            return False

    if app is not None:
        app.installEventFilter(_Quitting(window))
    return app_tray
