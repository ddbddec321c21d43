"""Desktop notifications: a failed run, a missed one-shot."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from ..core.jobs import Job, job_title
from ..core.schedule import parse_instant
from ..l10n import moment
from .models import CronJobsModel


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


def job_title_or(job: Job | None, fallback: str) -> str:
    return job_title(job, QApplication.translate("Job", "Cron job")) if job else fallback


def notify_failure(notifier: Notifier, title: str, error: str, profile: str | None = None) -> None:
    """A failed run: the job's title (and its profile, when it is not the one on screen) and why."""
    if profile is not None:
        title = QApplication.translate("Notify", "{title} (profile {profile})").format(title=title, profile=profile)
    notifier.warn(QApplication.translate("Notify", "Cron job failed: {title}").format(title=title),
                  error.splitlines()[0] if error else "")


def notify_missed(jobs: CronJobsModel, notifier: Notifier, job: Job) -> None:
    """A one-shot found too late to run: the same notice as a failure, saying when it was due."""
    known = job if job.get("schedule") else jobs.job(job["id"])
    title = _title(known, job["id"])
    sched = known.get("schedule") if known else None
    due = parse_instant(sched.get("run_at")) if isinstance(sched, dict) else None
    body = (QApplication.translate("Notify", "It was due {when} and did not run. One-shot jobs do not run late; "
                                             "edit the job to give it a new time.").format(when=moment(due))
            if due is not None else "")
    notifier.warn(QApplication.translate("Notify", "Cron job missed: {title}").format(title=title), body)
