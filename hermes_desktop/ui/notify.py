"""Desktop notifications you can act on: a failed run, a missed one-shot, (if asked) every finished run.

They go through the app's tray icon (``QSystemTrayIcon.showMessage``: the
desktop's own notifications where it has them - Windows toasts, macOS
Notification Center, org.freedesktop.Notifications - a balloon elsewhere).
Clicking one reports what it was about (:class:`Target`): the window opens
that run's transcript, or the cron window. Where there is no tray, the
notices are still reported through ``shown`` and nothing is displayed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from ..core.jobs import Job, job_title
from ..core.schedule import parse_instant
from ..l10n import moment
from .models import CronJobsModel

GROUP_MS = 3000  # failures within this window make one notification ("5 jobs failed")
BODY_LINES = 3
BODY_CHARS = 200


class TrayLike(Protocol):
    """What notifications need of a tray icon (a ``QSystemTrayIcon``, or a stand-in in tests). Its
    ``messageClicked`` signal, where it has one, says the last message shown was clicked."""

    def showMessage(self, title: str, msg: str, icon: QSystemTrayIcon.MessageIcon, msecs: int) -> None: ...


@dataclass(frozen=True)
class Target:
    """What a click on a notification opens: a run's transcript (``session_id``), else the cron window."""

    profile: str = ""  # "" for the profile on screen
    session_id: str = ""
    job_id: str = ""  # selected in the cron window when there is no transcript
    window_only: bool = False  # just show the main window


def first_lines(text: str, lines: int = BODY_LINES, chars: int = BODY_CHARS) -> str:
    """The first few non-empty lines of ``text``, at most ``chars`` characters (an ellipsis says more was cut)."""
    kept = [line.rstrip() for line in text.strip().splitlines() if line.strip()]
    body = "\n".join(kept[:lines])
    cut = len(kept) > lines
    if len(body) > chars:
        body, cut = body[:chars - 1].rstrip(), True
    return body + "…" if cut else body


class Notifier(QObject):
    """Desktop notifications (see the module's docstring). ``shown`` reports each one, also where there is no tray.

    Failures are held for ``group_ms``: one alone is shown as itself, several as
    one "N jobs failed" whose click opens the cron window. ``unseen`` counts
    failures since the user last looked at the window (``seen`` clears it).
    """

    shown = Signal(str, str)  # title, body
    clicked = Signal(object)  # Target: the user clicked the last notification shown
    unseenChanged = Signal(int)  # failures since the user last looked

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tray_factory: Callable[[], TrayLike | None] = lambda: None
        self.tray: TrayLike | None = None
        self.target: Target | None = None  # what the last notification shown was about
        self.unseen = 0
        self._failures: list[tuple[str, str, Target]] = []
        self._group = QTimer(self)
        self._group.setSingleShot(True)
        self._group.setInterval(GROUP_MS)
        self._group.timeout.connect(self.flush)

    def set_group_ms(self, ms: int) -> None:
        """How long failures are gathered before they are shown (tests shorten it)."""
        self._group.setInterval(ms)

    def set_tray(self, tray: TrayLike | None) -> None:
        """Show notifications through ``tray``; a click on one reaches ``clicked``."""
        self.tray = tray
        clicked = getattr(tray, "messageClicked", None)
        if clicked is not None:
            clicked.connect(self._clicked)

    def _clicked(self) -> None:
        if self.target is not None:
            self.clicked.emit(self.target)

    def show(self, title: str, body: str, target: Target,
             icon: QSystemTrayIcon.MessageIcon = QSystemTrayIcon.MessageIcon.Information) -> None:
        if self.tray is None:
            self.set_tray(self.tray_factory())
        self.target = target  # a tray shows one message at a time: its click is about the latest
        if self.tray is not None:
            self.tray.showMessage(title, body, icon, 10_000)
        self.shown.emit(title, body)

    def warn(self, title: str, body: str, target: Target | None = None) -> None:
        self.show(title, body, target or Target(), QSystemTrayIcon.MessageIcon.Warning)

    def failed(self, title: str, body: str, target: Target) -> None:
        """A failed run: shown after ``group_ms``, alone or with the others that failed meanwhile."""
        self._failures.append((title, body, target))
        self.unseen += 1
        self.unseenChanged.emit(self.unseen)
        if not self._group.isActive():
            self._group.start()

    def flush(self) -> None:
        self._group.stop()
        failures, self._failures = self._failures, []
        if len(failures) == 1:
            self.warn(*failures[0])
        elif failures:
            titles = [title for title, _, _ in failures]
            body = first_lines("\n".join(titles), lines=BODY_LINES)
            self.warn(self.tr("%n job(s) failed", "", len(failures)), body, Target())

    def seen(self) -> None:
        """The user looked at the window: failures so far are no longer news."""
        if self.unseen:
            self.unseen = 0
            self.unseenChanged.emit(0)


def job_title_or(job: Job | None, fallback: str) -> str:
    """The job's title, or ``fallback`` (its id, the title a run reported) when the record is not at hand."""
    return job_title(job, QApplication.translate("Job", "Cron job")) if job else fallback


def _named(title: str, profile: str | None) -> str:
    if profile is None:
        return title
    return QApplication.translate("Notify", "{title} (profile {profile})").format(title=title, profile=profile)


def notify_failure(notifier: Notifier, title: str, error: str, profile: str | None = None,
                   target: Target | None = None) -> None:
    """A failed run: the job's title (and its profile, when it is not the one on screen) and the first lines of
    why; a click opens the run's transcript."""
    notifier.failed(QApplication.translate("Notify", "Cron job failed: {title}").format(title=_named(title, profile)),
                    first_lines(error), target or Target())


def notify_finished(notifier: Notifier, title: str, output: str, profile: str | None = None,
                    target: Target | None = None) -> None:
    """A run that worked (Settings: "Notify when any run finishes"): the first lines of what it answered."""
    notifier.show(QApplication.translate("Notify", "Cron job finished: {title}").format(title=_named(title, profile)),
                  first_lines(output), target or Target())


def notify_missed(jobs: CronJobsModel, notifier: Notifier, job: Job) -> None:
    """A one-shot found too late to run: saying when it was due; a click opens it in the cron window."""
    known = job if job.get("schedule") else jobs.job(job["id"])
    title = job_title_or(known, job["id"])
    sched = known.get("schedule") if known else None
    due = parse_instant(sched.get("run_at")) if isinstance(sched, dict) else None
    body = (QApplication.translate("Notify", "It was due {when} and did not run. One-shot jobs do not run late; "
                                             "edit the job to give it a new time.").format(when=moment(due))
            if due is not None else "")
    notifier.warn(QApplication.translate("Notify", "Cron job missed: {title}").format(title=title), body,
                  Target(job_id=job["id"]))
