"""Render the application icon's PNG sizes from its SVG source: ``python tools/make_icons.py``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "packaging" / "icons" / "hermes-desktop.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(size: int, target: Path) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SOURCE)).render(painter)
    painter.end()
    image.save(str(target), "PNG")


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - fonts and image plugins need it
    for size in SIZES:
        render(size, ROOT / "packaging" / "icons" / f"hermes-desktop-{size}.png")
    render(256, ROOT / "hermes_desktop" / "resources" / "hermes-desktop.png")  # the window icon
    print(f"rendered {len(SIZES) + 1} icons from {SOURCE.name}")


if __name__ == "__main__":
    main()
