"""The Profiles window: the default profile and each Hermes profile under ``profiles/``, and switching."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.firing import FiringStatus, Gateway, GatewayProbe, who_fires
from ..core.home import DEFAULT_PROFILE, HermesHome
from ..core.jobs import JobStore
from ..core.sessions import SessionStore
from ..l10n import firing_short
from .prefs import UiPrefs
from .shared import NewButton, SplitLayout
from .theme import plain_buttons, set_error_style
from .workers import Submit

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


@dataclass
class ProfileInfo:
    name: str
    home: HermesHome
    sessions: int | None = None  # None until counted (off the GUI thread)
    jobs: int | None = None
    gateway: Gateway | None = None  # a Hermes gateway running for it, as last looked


def profile_names(base: HermesHome) -> list[str]:
    names = [DEFAULT_PROFILE]
    if base.profiles_dir.is_dir():
        names += sorted(p.name for p in base.profiles_dir.iterdir() if p.is_dir() and NAME.match(p.name))
    return names


def count_profiles(base: HermesHome, names: list[str], gateway: GatewayProbe | None = None) -> list[ProfileInfo]:
    """Each profile's sessions and jobs, and whether a Hermes gateway runs for it (reads every state.db and
    jobs.json: run it on the task thread)."""
    out = []
    for name in names:
        home = base.profile(name)
        sessions = SessionStore(home.state_db).session_count() if home.state_db.exists() else 0
        out.append(ProfileInfo(name, home, sessions, len(JobStore(home).load().jobs),
                               gateway(home) if gateway is not None else None))
    return out


class ProfilesWindow(QWidget):
    switchRequested = Signal(str)

    counted = Signal()  # the counts of the listed profiles arrived

    def __init__(self, base: HermesHome, prefs: UiPrefs, active: Callable[[], str],
                 parent: QWidget | None = None, submit: Submit | None = None,
                 firing: Callable[[str], FiringStatus | None] | None = None,
                 gateway: GatewayProbe | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._submit = submit
        self._firing = firing or (lambda name: None)  # who fires a profile's jobs, as this window's tickers know
        self._gateway = gateway
        self._generation = 0
        self.setObjectName("profilesWindow")
        self.setWindowTitle(self.tr("Profiles"))
        self.base = base
        self.active = active
        self.new_button = NewButton(self.tr("New profile"), self)
        self.new_button.clicked.connect(self.new_profile)
        self.list = QListWidget(self)
        self.list.setObjectName("profileList")
        self.list.setAccessibleName(self.tr("Profiles"))
        self.list.currentItemChanged.connect(lambda *_: self.show_current())
        left = SplitLayout.pane(self.new_button, self.list)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.switch_button = QPushButton(self.tr("Switch to this profile"), self)
        self.switch_button.setObjectName("switchProfileButton")
        self.switch_button.clicked.connect(self._switch)
        self.error = QLabel(self)
        set_error_style(self.error)
        self.error.hide()
        right = SplitLayout.pane(self.title, self.facts, self.switch_button, self.error, margins=(12, 8, 12, 8))
        right.layout().addStretch(1)  # type: ignore[union-attr]
        self.split = SplitLayout("profilesWindow", prefs, left, right, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        plain_buttons(buttons)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        close_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        close_key.activated.connect(self.close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(self.split)
        buttons.setContentsMargins(0, 0, 8, 0)
        layout.addWidget(buttons)
        self.resize(700, 420)
        self.reload()

    def reload(self) -> None:
        """List the profiles at once; their counts follow from the task thread (at once without one)."""
        current = self.list.currentItem().data(Qt.ItemDataRole.UserRole) if self.list.currentItem() else None
        self.list.clear()
        names = profile_names(self.base)
        for name in names:
            label = name if name != DEFAULT_PROFILE else self.tr("default")
            if name == self.active():
                label = self.tr("{name} (active)").format(name=label)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setData(Qt.ItemDataRole.UserRole + 1, ProfileInfo(name, self.base.profile(name)))
            self.list.addItem(item)
            if name == (current or self.active()):
                self.list.setCurrentItem(item)
        self._generation += 1
        generation, base, gateway = self._generation, self.base, self._gateway
        if self._submit is None:
            self._counted(generation, count_profiles(base, names, gateway), None)
        else:
            self._submit(lambda: count_profiles(base, names, gateway),
                         lambda infos, error: self._counted(generation, infos, error))

    def _counted(self, generation: int, infos: list[ProfileInfo] | None, error: BaseException | None) -> None:
        if generation != self._generation or infos is None:  # listed again meanwhile, or the count failed
            return
        by_name = {info.name: info for info in infos}
        for row in range(self.list.count()):
            item = self.list.item(row)
            info = by_name.get(item.data(Qt.ItemDataRole.UserRole))
            if info is not None:
                item.setData(Qt.ItemDataRole.UserRole + 1, info)
        self.show_current()
        self.counted.emit()

    def show_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        info: ProfileInfo = item.data(Qt.ItemDataRole.UserRole + 1)
        self.title.setText(item.text())
        counts = (self.tr("Counting…") if info.sessions is None or info.jobs is None else
                  self.tr("%n session(s)", "", info.sessions) + " · " + self.tr("%n job(s)", "", info.jobs))
        status = self._firing(info.name) or (who_fires(False, info.gateway, limited=True)
                                             if info.sessions is not None else None)
        runs = self.tr("Jobs run by: {who}").format(who=firing_short(status)) if status is not None else ""
        self.facts.setText("\n".join(line for line in (counts, runs, str(info.home.root)) if line))
        self.switch_button.setEnabled(info.name != self.active())

    def _switch(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.switchRequested.emit(item.data(Qt.ItemDataRole.UserRole))

    def create_profile(self, name: str) -> str | None:
        """Create ``profiles/NAME``; returns an error message, or None."""
        name = name.strip()
        if not NAME.match(name) or name == DEFAULT_PROFILE:
            return self.tr("Use letters, digits, dots, dashes or underscores (not “default”).")
        home = self.base.profile(name)
        if home.root.exists():
            return self.tr("A profile named “{name}” exists already.").format(name=name)
        home.ensure()
        self.reload()
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == name:
                self.list.setCurrentRow(i)
        return None

    def new_profile(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New profile"), self.tr("Name of the new profile:"))
        if ok:
            problem = self.create_profile(name)
            self.error.setText(problem or "")
            self.error.setVisible(bool(problem))
