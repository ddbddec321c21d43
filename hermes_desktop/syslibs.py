"""Before Qt starts on X11: are the system libraries its xcb platform plugin loads there?

Qt 6's ``libqxcb.so`` (and ``libQt6XcbQpa``) link against X11, xcb and OpenGL
libraries that the wheel and the bundle do not carry. On a fresh machine one of
them is often missing (``libxcb-cursor0`` most of all), and Qt then aborts with
a message about plugins that names none of them. This check names the packages
to install instead, in one line, and the app exits 1. No Qt is imported here.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# What libqxcb.so and libQt6XcbQpa.so.6 of PySide6 6.x need from the system (readelf -d, ldd), beyond the C and
# C++ runtimes every desktop has: soname -> (Debian/Ubuntu package, Fedora package).
XCB_LIBRARIES: dict[str, tuple[str, str]] = {
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
}

# Names listed here count as missing: how a test (or tools/smoke_bundle.py) sees the message on a full machine.
PRETEND_MISSING_ENV = "HERMES_DESKTOP_PRETEND_MISSING_LIBS"


def would_use_xcb(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether Qt would pick its X11 (xcb) platform: Linux, asked for xcb or nothing, an X display and no Wayland."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return False
    asked = env.get("QT_QPA_PLATFORM", "").strip()
    if asked:
        return asked.split(":", 1)[0] == "xcb"
    return bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY")


def _bundled(soname: str) -> bool:
    """A packaged build may carry a library itself, beside the program."""
    base = getattr(sys, "_MEIPASS", None)
    if not base:
        return False
    return any((Path(base) / sub / soname).exists() for sub in ("", "PySide6/Qt/lib"))


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(load: Callable[[str], bool] = _loads, environ: Mapping[str, str] | None = None) -> list[str]:
    env = os.environ if environ is None else environ
    pretend = {name.strip() for name in env.get(PRETEND_MISSING_ENV, "").split(",") if name.strip()}
    return [soname for soname in XCB_LIBRARIES
            if soname in pretend or not (load(soname) or _bundled(soname))]


def missing_message(load: Callable[[str], bool] = _loads, environ: Mapping[str, str] | None = None) -> str | None:
    """One line naming what to install when Qt's X11 plugin could not load (None: all there)."""
    missing = missing_libraries(load, environ)
    if not missing:
        return None
    debs = " ".join(dict.fromkeys(XCB_LIBRARIES[name][0] for name in missing))
    rpms = " ".join(dict.fromkeys(XCB_LIBRARIES[name][1] for name in missing))
    return (f"hermes-desktop: the X11 display needs system libraries that are missing ({', '.join(missing)}); "
            f"install them with 'sudo apt install {debs}' (Debian, Ubuntu) or 'sudo dnf install {rpms}' (Fedora).")
