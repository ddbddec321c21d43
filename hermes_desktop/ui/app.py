"""The composition root: builds one main window's context, views and dialogs, and wires their signals.

Nothing else in the UI reaches for globals; everything a widget needs is
handed to it here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from ..core.firing import Firer, GatewayProbe
from ..core.gateway import gateway_status
from ..core.home import HermesHome
from .context import AppContext, Profile
from .cron_section import CronSection
from .dialogs import Dialogs
from .main_window import MainWindow
from .prefs import UiPrefs
from .transcript import TranscriptView


def create_main_window(home: HermesHome, *, start_ticker: bool = True, prefs: UiPrefs | None = None,
                       gateway: GatewayProbe | None = gateway_status) -> MainWindow:
    """Build the main window on ``home``, fully wired (tickers started unless ``start_ticker`` is False).

    ``gateway`` tells whether a Hermes gateway runs for a home (it fires that home's jobs; the window stands by).
    """
    ctx = AppContext(home, start_ticker=start_ticker, prefs=prefs, gateway=gateway)
    transcript = TranscriptView(ctx.sessions, submit=ctx.tasks.submit)
    cron = CronSection(ctx.jobs_model, ctx.sessions, ctx.prefs.cron_open, submit=ctx.tasks.submit)
    window = MainWindow(ctx.jobs_model, ctx.sessions_model, cron, transcript, ctx.prefs)
    ctx.setParent(window)
    dialogs = Dialogs(ctx, window)
    window.ctx, window.dialogs = ctx, dialogs
    window.set_profile(ctx.profile)

    # what the context says, the views show
    ctx.problemsChanged.connect(lambda text: window.show_problem(text or None))
    def show_firing() -> None:
        status = ctx.firing.get(ctx.profile)
        window.set_firing(status)
        cron.set_nobody_fires(status is not None and status.firer == Firer.NOBODY)

    ctx.firingChanged.connect(show_firing)
    ctx.profileChanged.connect(show_firing)
    ctx.runEnded.connect(cron.refresh_peek)

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
    window.manageRequested.connect(dialogs.open_manage)
    window.newJobRequested.connect(lambda template=None: dialogs.edit(None, template))
    window.profilesRequested.connect(dialogs.open_profiles)
    window.settingsRequested.connect(dialogs.open_settings)

    ctx.sessions_model.refresh()
    window.sidebar.update_count()
    ctx.watcher.refresh(force=True)
    ctx.watcher.poll.timeout.connect(window.refresh_sessions)  # new chats from Hermes: the same visible-only poll
    ctx.start_tickers()

    class _Visibility(QObject):
        def eventFilter(self, obj: QObject, event: Any) -> bool:
            kind = event.type()
            if kind in (event.Type.Show, event.Type.Hide, event.Type.WindowStateChange):
                visible = window.isVisible() and not window.isMinimized()
                ctx.watcher.set_visible(visible)
                cron._run_clock()
                if visible:
                    ctx.watcher.refresh()
                    window.refresh_sessions()
            return False

    window.installEventFilter(_Visibility(window))

    def close() -> None:
        dialogs.close_all()
        ctx.shutdown()

    window.closing.connect(close)
    return window
