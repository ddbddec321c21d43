"""The windows a main window opens on demand - the cron window, the job editor, Settings, Profiles - one of each."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt

from ..core.jobs import Job
from ..core.settings import load_settings
from .context import AppContext, Profile
from .cron_window import CronManageWindow
from .job_editor import JobEditor
from .main_window import MainWindow
from .placement import center_over, keep_on_screen
from .profiles import ProfilesWindow
from .settings_window import SettingsWindow


class Dialogs(QObject):
    """Makes each window on first use and raises it after; they follow the profile and close with the main one."""

    def __init__(self, ctx: AppContext, window: MainWindow) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.manage: CronManageWindow | None = None
        self.editor: JobEditor | None = None
        self.settings: SettingsWindow | None = None
        self.profiles: ProfilesWindow | None = None
        ctx.problemsChanged.connect(self._show_problems)
        ctx.profileSwitched.connect(self._follow)

    def open_manage(self, job_id: str = "") -> CronManageWindow:
        """The one cron window: made on first use, raised after."""
        ctx = self.ctx
        if self.manage is None:
            actions: dict[str, Callable[..., Any]] = {
                "new": lambda template=None: self.edit(None, template), "edit": self.edit, "run": ctx.run_now,
                "pause": ctx.pause, "resume": ctx.resume, "delete": ctx.delete,
            }
            # A top-level window of its own (closed with the main window)
            self.manage = CronManageWindow(ctx.jobs_model, ctx.sessions, ctx.prefs, actions, submit=ctx.tasks.submit,
                                           agenda_submit=self.window.agenda_submit)
            base = ctx.base  # the job details say which runner a job uses, from the app's settings
            self.manage.detail.runners.set_settings(lambda: load_settings(base))
            self.manage.openRun.connect(self.open_run)
            self.manage.show_problem(ctx.problems() or None)
            if ctx.prefs.geometry("cronWindow") is None:
                center_over(self.manage, self.window)  # first time: over the main window, on its screen
            else:
                keep_on_screen(self.manage, self.window)  # a saved place, only where it still fits a screen
        self.manage.show()
        self.manage.raise_()
        self.manage.activateWindow()
        self.manage.select(job_id or None)
        return self.manage

    def edit(self, job_id: str | None = None, template: Job | None = None) -> JobEditor:
        """The job editor for a new job (``None``; ``template``: the record it starts from - a duplicate or a
        blueprint) or an existing one, modal to the window it was asked from."""
        ctx = self.ctx
        job = ctx.jobs_model.job(job_id) if job_id else None
        parent = self.manage if self.manage is not None and self.manage.isVisible() else self.window
        editor = JobEditor(ctx.home, ctx.tasks.submit, ctx.saver(job), job, template=template, tz=ctx.jobs_model.zone,
                           parent=parent)
        editor.setWindowModality(Qt.WindowModality.WindowModal)
        editor.saved.connect(self._saved)
        editor.open()
        self.editor = editor
        return editor

    def _saved(self, job: dict[str, Any]) -> None:
        if self.manage is not None:
            self.manage.select(job["id"])
        self.ctx.saved()

    def open_run(self, session_id: str) -> None:
        self.window.open_session(session_id)
        self.window.raise_()
        self.window.activateWindow()

    def open_settings(self) -> SettingsWindow:
        if self.settings is None:
            self.settings = SettingsWindow(self.ctx.base, self.window, submit=self.ctx.tasks.submit)
            self.settings.changed.connect(self.ctx.settings_saved)
            self.ctx.firingChanged.connect(self._show_firing)
        self._show_firing()
        self.settings.show()
        self.settings.raise_()
        return self.settings

    def _show_firing(self) -> None:
        if self.settings is not None:
            self.settings.show_firing(self.ctx.firing.get(self.ctx.profile))

    def open_profiles(self) -> ProfilesWindow:
        ctx = self.ctx
        if self.profiles is None:
            self.profiles = ProfilesWindow(ctx.base, ctx.prefs, lambda: ctx.profile, self.window,
                                           submit=ctx.tasks.submit, firing=ctx.firing.get, gateway=ctx.gateway)
            ctx.firingChanged.connect(self.profiles.show_current)
            self.profiles.switchRequested.connect(ctx.switch_profile)
        self.profiles.reload()
        self.profiles.show()
        self.profiles.raise_()
        return self.profiles

    def _show_problems(self, text: str) -> None:
        self.window.show_problem(text or None)
        if self.manage is not None:
            self.manage.show_problem(text or None)

    def _follow(self, profile: Profile) -> None:
        if self.manage is not None:
            self.manage.set_store(profile.sessions)
        if self.profiles is not None:
            self.profiles.reload()

    def close_all(self) -> None:
        for w in (self.manage, self.profiles, self.editor, self.settings):
            if w is not None:
                w.close()
