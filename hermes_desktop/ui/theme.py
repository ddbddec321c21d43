"""The app's look: light and dark palettes that follow the system's colour scheme, a spacing scale, a type scale.

Where the platform draws its own widgets (Windows, macOS, KDE's Breeze…)
the system's own palette is kept: those styles already follow the system's
light/dark setting and the user chose them. Where Qt falls back to its Fusion
style (GNOME without a Qt theme, other Linux desktops, a bare X server) the
app brings its own two palettes, designed together: a window/sidebar surface
a step darker than the content surface, one accent, secondary text that
still reads (contrast >= 4.5:1 on both surfaces), and the same roles in dark.

The scheme is the system's (``QStyleHints.colorScheme``, followed live when
the system switches) unless Settings → Appearance picks Light or Dark.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox, QWidget

# The spacing scale: every margin and gap is one of these (px).
S1, S2, S3, S4, S6 = 4, 8, 12, 16, 24

APPEARANCES = ("system", "light", "dark")

_ROLES = QPalette.ColorRole
_GROUPS = QPalette.ColorGroup


@dataclass(frozen=True)
class Scheme:
    window: str
    window_text: str
    base: str
    alternate: str
    text: str
    secondary: str
    button: str
    accent: str
    accent_text: str
    link: str
    tooltip: str
    tooltip_text: str
    light: str
    midlight: str
    mid: str
    dark: str
    shadow: str
    disabled: str
    error: str  # words that say something is wrong (state pips keep their own colours)
    ok: str


LIGHT = Scheme(
    window="#f2f2f5", window_text="#1d1d22", base="#ffffff", alternate="#ebebf0", text="#1d1d22",
    secondary="#5f5f6b", button="#f8f8fa", accent="#2463d6", accent_text="#ffffff", link="#1d58c4",
    tooltip="#2a2a30", tooltip_text="#f4f4f7", light="#ffffff", midlight="#e6e6ec", mid="#c4c4cd",
    dark="#9a9aa5", shadow="#55555f", disabled="#85858f", error="#c0262d", ok="#1e7d3c",
)

DARK = Scheme(
    window="#1c1d21", window_text="#e8e8ec", base="#25262b", alternate="#2c2d33", text="#e8e8ec",
    secondary="#a3a3ae", button="#2b2c31", accent="#3568d4", accent_text="#ffffff", link="#8fb6ff",
    tooltip="#3a3b42", tooltip_text="#f4f4f7", light="#3b3c42", midlight="#313238", mid="#4a4b52",
    dark="#121316", shadow="#000000", disabled="#72737c", error="#ff7b72", ok="#5ccf7e",
)


def palette_of(scheme: Scheme) -> QPalette:
    pal = QPalette()
    values = {
        _ROLES.Window: scheme.window, _ROLES.WindowText: scheme.window_text, _ROLES.Base: scheme.base,
        _ROLES.AlternateBase: scheme.alternate, _ROLES.Text: scheme.text, _ROLES.Button: scheme.button,
        _ROLES.ButtonText: scheme.text, _ROLES.BrightText: scheme.error, _ROLES.Highlight: scheme.accent,
        _ROLES.HighlightedText: scheme.accent_text, _ROLES.Link: scheme.link, _ROLES.LinkVisited: scheme.link,
        _ROLES.ToolTipBase: scheme.tooltip, _ROLES.ToolTipText: scheme.tooltip_text,
        _ROLES.PlaceholderText: scheme.secondary, _ROLES.Light: scheme.light, _ROLES.Midlight: scheme.midlight,
        _ROLES.Mid: scheme.mid, _ROLES.Dark: scheme.dark, _ROLES.Shadow: scheme.shadow,
        _ROLES.Accent: scheme.accent,
    }
    for role, value in values.items():
        pal.setColor(role, QColor(value))
    for role in (_ROLES.WindowText, _ROLES.Text, _ROLES.ButtonText):
        pal.setColor(_GROUPS.Disabled, role, QColor(scheme.disabled))
    pal.setColor(_GROUPS.Disabled, _ROLES.Highlight, QColor(scheme.mid))
    pal.setColor(_GROUPS.Disabled, _ROLES.PlaceholderText, QColor(scheme.disabled))
    return pal


def is_dark(palette: QPalette | None = None) -> bool:
    pal = palette or QGuiApplication.palette()
    return pal.color(_ROLES.Window).lightness() < pal.color(_ROLES.WindowText).lightness()


def error_color(palette: QPalette | None = None) -> QColor:
    """Red that reads on this palette's surfaces (light or dark)."""
    return QColor((DARK if is_dark(palette) else LIGHT).error)


def set_error_style(label: QLabel) -> None:
    """A label that says what is wrong: red from the palette's scheme, kept right on a light/dark switch."""
    label.setProperty("hermesError", True)
    _paint_error(label)


def _paint_error(label: QLabel) -> None:
    pal = label.palette()
    pal.setColor(_ROLES.WindowText, error_color(QGuiApplication.palette()))
    label.setPalette(pal)


def plain_buttons(box: QDialogButtonBox | QMessageBox) -> None:
    """No icons on a dialog's buttons: some styles give standard buttons (Cancel, Close) one and the app's own
    buttons (Save, Delete) none, which reads as two button kinds side by side."""
    for button in box.buttons():
        button.setIcon(QIcon())


def make_title(label: QLabel, scale: float = 1.3) -> QLabel:
    """The type scale's title: larger and bold."""
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def make_secondary(widget: QWidget) -> QWidget:
    """Secondary text (dates, counts, hints): the palette's secondary colour, still >= 4.5:1 on its surface."""
    widget.setForegroundRole(_ROLES.PlaceholderText)
    return widget


class Theme(QObject):
    """Keeps the app's palette on the scheme asked for (the system's, or Settings' Light/Dark), live."""

    def __init__(self, app: QApplication, appearance: str = "system",
                 system_scheme: Callable[[], Qt.ColorScheme] | None = None) -> None:
        super().__init__(app)
        self.setObjectName("hermesTheme")
        self.app = app
        self.appearance = appearance if appearance in APPEARANCES else "system"
        self._system_scheme = system_scheme or app.styleHints().colorScheme
        # Only where Qt draws with Fusion (no platform style): elsewhere the system's palette is the user's.
        self.owns_palette = app.style().name().lower() == "fusion"
        app.styleHints().colorSchemeChanged.connect(self._system_changed)
        self.apply()

    @staticmethod
    def of(app: QObject | None) -> Theme | None:
        return app.findChild(Theme, "hermesTheme") if app is not None else None

    def stop(self) -> None:
        """No longer follow the system (the app is going, or a test is done with this theme)."""
        self.app.styleHints().colorSchemeChanged.disconnect(self._system_changed)

    def scheme(self) -> Qt.ColorScheme:
        if self.appearance == "dark":
            return Qt.ColorScheme.Dark
        if self.appearance == "light":
            return Qt.ColorScheme.Light
        return Qt.ColorScheme.Dark if self._system_scheme() == Qt.ColorScheme.Dark else Qt.ColorScheme.Light

    def set_appearance(self, appearance: str) -> None:
        self.appearance = appearance if appearance in APPEARANCES else "system"
        self.apply()

    def _system_changed(self, *_: object) -> None:
        if self.appearance == "system":
            self.apply()

    def apply(self) -> None:
        dark = self.scheme() == Qt.ColorScheme.Dark
        if self.owns_palette:
            self.app.setPalette(palette_of(DARK if dark else LIGHT))
        else:  # a platform style: ask it for the scheme (where it can change it); its palette follows
            self.app.styleHints().setColorScheme(
                Qt.ColorScheme.Unknown if self.appearance == "system" else self.scheme())
        for widget in self.app.allWidgets():
            if widget.property("hermesError") and isinstance(widget, QLabel):
                _paint_error(widget)
