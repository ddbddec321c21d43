"""Windows open wholly on a screen: a saved place is restored only where it still fits, else near the parent.

Saved geometry outlives monitors: a window closed on a second screen, or on a
larger one, would reopen partly or wholly out of reach. Qt's own restore only
rescues a window that lands entirely off-screen; here a window always ends up
inside the free area (the taskbar and panels excluded) of the screen it
mostly covers - else the screen of the window it belongs to - shrunk first if
it is larger than that screen.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QWidget

GUESSED_MARGINS = (4, 32, 4, 4)  # left, top (a title bar), right, bottom


def _screen_for(rect: QRect, near: QWidget | None) -> QScreen | None:
    best, area = None, 0
    for screen in QGuiApplication.screens():
        overlap = screen.availableGeometry().intersected(rect)
        if not overlap.isEmpty() and overlap.width() * overlap.height() > area:
            best, area = screen, overlap.width() * overlap.height()
    if best is not None:
        return best
    if near is not None and near.screen() is not None:
        return near.screen()
    return QGuiApplication.primaryScreen()


def fitted(rect: QRect, free: QRect) -> QRect:
    """``rect`` moved (and first shrunk, if it must be) to lie wholly inside ``free``."""
    width, height = min(rect.width(), free.width()), min(rect.height(), free.height())
    x = min(max(rect.x(), free.left()), free.left() + free.width() - width)
    y = min(max(rect.y(), free.top()), free.top() + free.height() - height)
    return QRect(x, y, width, height)


def _margins(window: QWidget, near: QWidget | None) -> tuple[int, int, int, int]:
    """The frame the window manager draws around a window (left, top, right, bottom): known only once a window
    is shown, so taken from one already on screen, else a guess that covers common title bars."""
    for other in (window, near, *QApplication.topLevelWidgets()):
        if other is not None and other.isVisible() and other.isWindow():
            frame, inner = other.frameGeometry(), other.geometry()
            if frame != inner:
                return (inner.x() - frame.x(), inner.y() - frame.y(), frame.right() - inner.right(),
                        frame.bottom() - inner.bottom())
    return GUESSED_MARGINS


def keep_on_screen(window: QWidget, near: QWidget | None = None) -> None:
    """Move (and, if larger than the screen, shrink) ``window`` so all of it - frame included - is on a screen."""
    layout = window.layout()
    if layout is not None:
        layout.activate()  # the size it will have when shown (its minimum size applied), not the size asked for
    left, top, right, bottom = _margins(window, near)
    inner = window.geometry()
    frame = QRect(inner.x() - left, inner.y() - top, inner.width() + left + right, inner.height() + top + bottom)
    screen = _screen_for(frame, near)
    if screen is None:
        return
    free = screen.availableGeometry()
    target = fitted(frame, free)
    if target == frame:
        return
    window.resize(target.width() - left - right, target.height() - top - bottom)
    # Its minimum size may have kept it larger than asked: place the size it has
    size = window.size()
    target = fitted(QRect(target.topLeft(), QSize(size.width() + left + right, size.height() + top + bottom)), free)
    window.move(target.topLeft())  # a window's position is its frame's


def center_over(window: QWidget, near: QWidget) -> None:
    """Put ``window`` over the middle of ``near`` (the window it was opened from), on ``near``'s screen."""
    middle = near.frameGeometry().center()
    window.move(middle - QPoint(window.width() // 2, window.height() // 2))
    keep_on_screen(window, near)


def restore_place(window: QWidget, saved: QByteArray | None, near: QWidget | None = None) -> bool:
    """Restore a saved geometry (True when there was one), then keep the window wholly on a screen; with none,
    open over ``near`` when given."""
    restored = saved is not None and window.restoreGeometry(saved)
    if restored:
        keep_on_screen(window, near)
    elif near is not None:
        center_over(window, near)
    else:  # where it opens is the window manager's call; only its size (frame included) must fit the screen
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            free = screen.availableGeometry()
            left, top, right, bottom = _margins(window, near)
            window.resize(min(window.width(), free.width() - left - right),
                          min(window.height(), free.height() - top - bottom))
    return restored
