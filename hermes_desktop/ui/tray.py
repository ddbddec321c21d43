"""The tray icon: the app keeps firing jobs with its window closed, and says so.

Its menu shows or hides the window, starts a new cron job, says the next run
("Next: Morning brief in 12 min"), pauses or resumes firing in this app,
opens Settings, and quits. Its tooltip and a badge on the icon say that runs
failed since the user last looked at the window. It only asks for things
through its signals; the composition root (``ui/app.py``) decides what they do.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from ..l10n import not_run, relative
from .icons import icon as line_icon

REFRESH_MS = 60_000  # the next run's countdown, while the menu is closed
ICON_PX = 64

NextRun = Callable[[], "tuple[str, datetime] | None"]  # the next job to run: its title and when


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


def _base_icon() -> QIcon:
    app = QApplication.instance()
    icon = app.windowIcon() if isinstance(app, QApplication) else QIcon()
    if not icon.isNull():
        return icon
    pixmap = QPixmap(ICON_PX, ICON_PX)  # no app icon (tests, a source checkout without resources): a plain disc
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QBrush(QApplication.palette().color(QPalette.ColorRole.Highlight)))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(4, 4, ICON_PX - 8, ICON_PX - 8)
    painter.end()
    return QIcon(pixmap)


def _with_badge(icon: QIcon) -> QIcon:
    """The icon with a red dot: runs failed since the user last looked (the tooltip says it in words)."""
    pixmap = icon.pixmap(ICON_PX, ICON_PX)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QBrush(QColor("#d93025")))  # a state pip's colour, as the job list's failure pip
    painter.setPen(QColor("white"))
    radius = ICON_PX * 0.22
    painter.drawEllipse(QPointF(ICON_PX - radius - 1, radius + 1), radius, radius)
    painter.end()
    return QIcon(pixmap)


class AppTray(QObject):
    """The one tray icon of the app and its menu (see the module's docstring)."""

    toggleRequested = Signal()  # show the window, or hide it
    newJobRequested = Signal()
    settingsRequested = Signal()
    pauseRequested = Signal(bool)  # True: pause all jobs; False: resume
    quitRequested = Signal()

    def __init__(self, next_run: NextRun, icon: QSystemTrayIcon | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.next_run = next_run
        self.icon = icon if icon is not None else QSystemTrayIcon()
        if self.icon.parent() is None:
            self.icon.setParent(self)
        self._plain = _base_icon()
        self._badged = _with_badge(self._plain)
        self.unseen = 0
        self.paused = False
        self.menu = QMenu()  # a tray menu has no parent widget; deleted with the tray (``close``)
        self.menu.setObjectName("trayMenu")
        self.show_action = QAction(self.tr("Show window"), self.menu)
        self.show_action.triggered.connect(self.toggleRequested)
        self.new_action = QAction(self.tr("New cron job…"), self.menu)
        self.new_action.triggered.connect(self.newJobRequested)
        self.next_action = QAction(self.menu)
        self.next_action.setEnabled(False)  # information, not a command
        self.next_action.setIcon(line_icon("clock"))
        self.new_action.setIcon(line_icon("plus"))
        self.pause_action = QAction(self.menu)
        self.pause_action.triggered.connect(lambda: self.pauseRequested.emit(not self.paused))
        self.settings_action = QAction(self.tr("Settings…"), self.menu)
        self.settings_action.triggered.connect(self.settingsRequested)
        self.settings_action.setIcon(line_icon("settings"))
        self.quit_action = QAction(self.tr("Quit"), self.menu)
        self.quit_action.triggered.connect(self.quitRequested)
        for action in (self.show_action, None, self.new_action, self.next_action, self.pause_action, None,
                       self.settings_action, None, self.quit_action):
            if action is None:
                self.menu.addSeparator()
            else:
                self.menu.addAction(action)
        self.menu.aboutToShow.connect(self.refresh)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self._clock = QTimer(self)
        self._clock.setInterval(REFRESH_MS)
        self._clock.timeout.connect(self.refresh)
        self._clock.start()
        self.set_paused(False)
        self.set_unseen(0)
        self.refresh()
        self.icon.show()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.toggleRequested.emit()

    def refresh(self) -> None:
        """The next run, said again (the menu opens, a minute passed, the jobs changed)."""
        nxt = self.next_run()
        if nxt is None:
            self.next_action.setText(self.tr("No scheduled runs"))
            return
        title, when = nxt
        countdown = not_run(relative(when)) if self.paused else relative(when)
        self.next_action.setText(self.tr("Next: {title} {when}").format(title=title, when=countdown))

    def set_window_visible(self, visible: bool) -> None:
        self.show_action.setText(self.tr("Hide window") if visible else self.tr("Show window"))

    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        self.pause_action.setText(self.tr("Resume all jobs") if paused else self.tr("Pause all jobs"))
        self.pause_action.setIcon(line_icon("play" if paused else "pause"))
        self._show_state()
        self.refresh()

    def set_unseen(self, failures: int) -> None:
        """Failures since the user last looked at the window: a badge on the icon, and said in the tooltip."""
        self.unseen = failures
        self.icon.setIcon(self._badged if failures else self._plain)
        self._show_state()

    def _show_state(self) -> None:
        lines = [self.tr("Hermes Desktop")]
        if self.paused:
            lines.append(self.tr("Paused: jobs do not run until you resume"))
        if self.unseen:
            lines.append(self.tr("%n run(s) failed since you last looked", "", self.unseen))
        self.icon.setToolTip("\n".join(lines))

    def close(self) -> None:
        self._clock.stop()
        self.icon.hide()
        self.menu.deleteLater()
