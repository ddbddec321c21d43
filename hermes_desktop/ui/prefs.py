"""One typed wrapper over QSettings for how the window looks (geometry, splitters, collapsed sections).

What the ticker and the CLI need lives in the home's settings file instead
(:mod:`hermes_desktop.core.settings`). Values are always read with ``type=``:
an INI file hands back the string ``'false'`` otherwise.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORG = "Hermes"
APP = "Hermes Desktop"


class UiPrefs:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, APP)

    def sync(self) -> None:
        """Write pending changes now (windows call it as they close; QSettings otherwise writes them on its own,
        from the event loop, in one go)."""
        self._s.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key, None, type=QByteArray)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    # sidebar
    @property
    def cron_open(self) -> bool:
        return bool(self._s.value("sidebar/cronOpen", True, type=bool))

    @cron_open.setter
    def cron_open(self, value: bool) -> None:
        self._s.setValue("sidebar/cronOpen", bool(value))

    # geometry and splitters, by name
    def geometry(self, name: str) -> QByteArray | None:
        return self._bytes(f"{name}/geometry")

    def set_geometry(self, name: str, value: QByteArray) -> None:
        self._s.setValue(f"{name}/geometry", value)

    def splitter(self, name: str) -> QByteArray | None:
        return self._bytes(f"{name}/splitter")

    def set_splitter(self, name: str, value: QByteArray) -> None:
        self._s.setValue(f"{name}/splitter", value)  # QSettings writes it out later, once, not on every move

    # profiles (issue: the manage window)
    @property
    def profile(self) -> str:
        return str(self._s.value("app/profile", "default", type=str))

    @profile.setter
    def profile(self, value: str) -> None:
        self._s.setValue("app/profile", value)

    # the tray
    @property
    def tray_notice_shown(self) -> bool:
        """Whether the user was told once that closing the window leaves the jobs running in the tray."""
        return bool(self._s.value("tray/noticeShown", False, type=bool))

    @tray_notice_shown.setter
    def tray_notice_shown(self, value: bool) -> None:
        self._s.setValue("tray/noticeShown", bool(value))
