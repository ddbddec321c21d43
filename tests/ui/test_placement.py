"""Windows open wholly on a screen: a saved place only where it still fits, else over the main window (#15)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.ui.app import create_main_window
from hermes_desktop.ui.placement import fitted
from hermes_desktop.ui.prefs import UiPrefs


def free_area() -> QRect:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    return screen.availableGeometry()


def saved_geometry(qtbot: Any, x: int, y: int, width: int, height: int) -> QByteArray:
    """What a window closed at that place and size (say, on a monitor since unplugged) left in the prefs."""
    w = QMainWindow()
    qtbot.addWidget(w)
    w.setGeometry(x, y, width, height)
    return w.saveGeometry()


def prefs_with(tmp_path: Path, name: str, geometry: QByteArray) -> UiPrefs:
    prefs = UiPrefs(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    prefs.set_geometry(name, geometry)
    return prefs


def on_screen(rect: QRect) -> bool:
    return free_area().contains(rect)


def test_fitting_moves_in_and_shrinks_only_when_it_must() -> None:
    free = QRect(0, 0, 1000, 800)
    assert fitted(QRect(100, 100, 400, 300), free) == QRect(100, 100, 400, 300)  # fits: untouched
    assert fitted(QRect(900, 100, 400, 300), free) == QRect(600, 100, 400, 300)  # hanging off the right
    assert fitted(QRect(-250, -40, 400, 300), free) == QRect(0, 0, 400, 300)
    assert fitted(QRect(50, 50, 1600, 1200), free) == QRect(0, 0, 1000, 800)  # bigger than the screen
    second = QRect(1920, 0, 1280, 1024)  # a second monitor to the right
    assert fitted(QRect(2800, 900, 600, 400), second) == QRect(2600, 624, 600, 400)


def test_a_main_window_saved_half_off_screen_reopens_wholly_on_it(qtbot: Any, home: HermesHome,
                                                                tmp_path: Path) -> None:
    free = free_area()
    geometry = saved_geometry(qtbot, free.right() - 200, free.top() + 50, 600, 400)
    window = create_main_window(home, start_ticker=False, prefs=prefs_with(tmp_path, "main", geometry))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert on_screen(window.frameGeometry())
    assert (window.width(), window.height()) == (600, 400)  # moved in, not resized


def test_a_main_window_saved_larger_than_the_screen_is_shrunk_to_it(qtbot: Any, home: HermesHome,
                                                                   tmp_path: Path) -> None:
    free = free_area()
    geometry = saved_geometry(qtbot, free.left(), free.top(), free.width() + 900, free.height() + 600)
    window = create_main_window(home, start_ticker=False, prefs=prefs_with(tmp_path, "main", geometry))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert on_screen(window.frameGeometry())


def test_the_cron_window_first_opens_over_the_main_window(qtbot: Any, home: HermesHome, tmp_path: Path) -> None:
    JobStore(home).create("every 1h", "a job")
    prefs = UiPrefs(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    window = create_main_window(home, start_ticker=False, prefs=prefs)
    qtbot.addWidget(window)
    free = free_area()
    window.setGeometry(free.x() + 40, free.y() + 40, 500, 400)
    window.show()
    qtbot.waitExposed(window)
    manage = window.dialogs.open_manage("")
    qtbot.waitExposed(manage)
    assert on_screen(manage.frameGeometry())
    assert window.frameGeometry().contains(manage.frameGeometry().center())  # over it, as far as the screen allows


def test_the_cron_window_saved_off_screen_comes_back(qtbot: Any, home: HermesHome, tmp_path: Path) -> None:
    JobStore(home).create("every 1h", "a job")
    free = free_area()
    geometry = saved_geometry(qtbot, free.right() + 400, free.bottom() - 100, 500, 400)  # an unplugged monitor
    window = create_main_window(home, start_ticker=False, prefs=prefs_with(tmp_path, "cronWindow", geometry))
    qtbot.addWidget(window)
    window.show()
    manage = window.dialogs.open_manage("")
    qtbot.waitExposed(manage)
    assert on_screen(manage.frameGeometry())
