"""The Profiles window: the default profile and each Hermes profile under ``profiles/``, and switching."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.home import DEFAULT_PROFILE, HermesHome
from ..core.jobs import JobStore
from ..core.sessions import SessionStore
from .prefs import UiPrefs
from .shared import NewButton, SplitLayout

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


@dataclass
class ProfileInfo:
    name: str
    home: HermesHome
    sessions: int
    jobs: int


def list_profiles(base: HermesHome) -> list[ProfileInfo]:
    names = [DEFAULT_PROFILE]
    if base.profiles_dir.is_dir():
        names += sorted(p.name for p in base.profiles_dir.iterdir() if p.is_dir() and NAME.match(p.name))
    out = []
    for name in names:
        home = base.profile(name)
        sessions = SessionStore(home.state_db).session_count() if home.state_db.exists() else 0
        snap = JobStore(home).load()
        out.append(ProfileInfo(name, home, sessions, len(snap.jobs)))
    return out


class ProfilesWindow(QWidget):
    switchRequested = Signal(str)

    def __init__(self, base: HermesHome, prefs: UiPrefs, active: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("profilesWindow")
        self.setWindowTitle(self.tr("Profiles"))
        self.base = base
        self.active = active
        self.new_button = NewButton(self.tr("New profile"), self)
        self.new_button.clicked.connect(self.new_profile)
        self.list = QListWidget(self)
        self.list.setObjectName("profileList")
        self.list.setAccessibleName(self.tr("Profiles"))
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
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
        self.error.setStyleSheet("color: #d93025;")
        self.error.hide()
        right = SplitLayout.pane(self.title, self.facts, self.switch_button, self.error, margins=(12, 8, 12, 8))
        right.layout().addStretch(1)  # type: ignore[union-attr]
        self.split = SplitLayout("profilesWindow", prefs, left, right, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.split)
        self.resize(700, 420)
        self.reload()

    def reload(self) -> None:
        current = self.list.currentItem().data(Qt.ItemDataRole.UserRole) if self.list.currentItem() else None
        self.list.clear()
        for info in list_profiles(self.base):
            label = info.name if info.name != DEFAULT_PROFILE else self.tr("default")
            if info.name == self.active():
                label = self.tr("{name} (active)").format(name=label)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, info.name)
            item.setData(Qt.ItemDataRole.UserRole + 1, info)
            self.list.addItem(item)
            if info.name == (current or self.active()):
                self.list.setCurrentItem(item)

    def _show_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        info: ProfileInfo = item.data(Qt.ItemDataRole.UserRole + 1)
        self.title.setText(item.text())
        self.facts.setText(self.tr("%n session(s)", "", info.sessions) + " · " + self.tr("%n job(s)", "", info.jobs)
                           + "\n" + str(info.home.root))
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
