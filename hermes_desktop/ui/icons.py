"""The app's icons: one set (Lucide, ISC licence: ``resources/icons/LICENSE``), drawn in the palette's colours.

Lucide icons are 24 px line drawings that stroke with ``currentColor``. An
icon here is painted, each time Qt asks for a size it has not drawn yet,
with the colour the *current* application palette gives its mode (text for
normal, the disabled text colour for disabled, highlighted text when
selected), so icons follow a light/dark switch without anyone setting them
again. Drawn pixmaps are kept per (size, colour, device pixel ratio).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


@cache
def _svg(name: str) -> str:
    return (ICONS / f"{name}.svg").read_text(encoding="utf-8")


def icon_color(mode: QIcon.Mode, palette: QPalette | None = None) -> QColor:
    """The colour an icon is drawn in, by its mode, from the application's palette now."""
    pal = palette or QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    if mode == QIcon.Mode.Selected:
        return pal.color(QPalette.ColorRole.HighlightedText)
    return pal.color(QPalette.ColorRole.ButtonText)


class _PaletteIconEngine(QIconEngine):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self._drawn: dict[tuple[int, int, str, float], QPixmap] = {}

    def clone(self) -> QIconEngine:
        return _PaletteIconEngine(self.name)

    def key(self) -> str:
        return "hermes-palette-svg"

    def _draw(self, size: QSize, color: QColor, ratio: float) -> QPixmap:
        cache_key = (size.width(), size.height(), color.name(QColor.NameFormat.HexArgb), ratio)
        pixmap = self._drawn.get(cache_key)
        if pixmap is None:
            svg = _svg(self.name).replace("currentColor", color.name(QColor.NameFormat.HexRgb))
            renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
            pixmap = QPixmap(QSize(round(size.width() * ratio), round(size.height() * ratio)))
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setOpacity(color.alphaF())
            renderer.render(painter)
            painter.end()
            pixmap.setDevicePixelRatio(ratio)
            if len(self._drawn) > 32:  # a few sizes × two palettes is all an icon ever needs
                self._drawn.clear()
            self._drawn[cache_key] = pixmap
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self._draw(size, icon_color(mode), 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        return self._draw(size, icon_color(mode), scale)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        painter.drawPixmap(QPoint(rect.x(), rect.y()), self._draw(rect.size(), icon_color(mode), ratio))

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def availableSizes(self, mode: QIcon.Mode = QIcon.Mode.Normal,
                       state: QIcon.State = QIcon.State.Off) -> list[QSize]:
        return [QSize(16, 16), QSize(20, 20), QSize(24, 24), QSize(32, 32)]


def icon(name: str) -> QIcon:
    """The named icon (a file name in ``resources/icons`` without ``.svg``), in the palette's colours."""
    if not (ICONS / f"{name}.svg").is_file():
        raise KeyError(f"no icon named {name!r}")
    return QIcon(_PaletteIconEngine(name))
