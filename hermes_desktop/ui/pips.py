"""State pips: the one place colours are fixed (text always gives the same information)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from ..core.states import JobState, RunStatus

PIP_COLOURS: dict[str, str] = {
    # jobs
    JobState.SCHEDULED: "#3b82f6",
    JobState.RUNNING: "#3b82f6",
    JobState.PAUSED: "#f59e0b",
    JobState.ERROR: "#ef4444",
    JobState.COMPLETED: "#9ca3af",
    JobState.DISABLED: "#9ca3af",
    JobState.QUEUED: "#3b82f6",
    # runs (``running`` and ``error`` as above)
    RunStatus.OK: "#22c55e",
    RunStatus.MISSED: "#a855f7",
}
# Drawn as a ring, so a missed run (or a Run now still waiting) differs from the others in shape as well as colour
HOLLOW = {RunStatus.MISSED, JobState.QUEUED}
PIP_SIZE = 12

_icons: dict[str, QIcon] = {}


def pip_colour(state: str) -> QColor:
    return QColor(PIP_COLOURS.get(state, "#9ca3af"))


def paint_pip(painter: QPainter, rect: QRectF, state: str, alpha: int = 255) -> None:
    """An 8 px dot (a ring for a missed run) centred in ``rect``."""
    colour = pip_colour(state)
    colour.setAlpha(alpha)
    dot = QRectF(0, 0, 8, 8)
    dot.moveCenter(rect.center())
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if state in HOLLOW:
        painter.setPen(QPen(colour, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        dot.adjust(1, 1, -1, -1)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
    painter.drawEllipse(dot)
    painter.restore()


def pip_icon(state: str) -> QIcon:
    """The pip as an icon for item views (made once per state)."""
    icon = _icons.get(state)
    if icon is None:
        pixmap = QPixmap(PIP_SIZE, PIP_SIZE)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        paint_pip(painter, QRectF(0, 0, PIP_SIZE, PIP_SIZE), state)
        painter.end()
        icon = _icons[state] = QIcon(pixmap)
    return icon
