"""The README's pictures: every window in every language, light and dark, on a demo home.

``python tools/docs_pictures.py docs [--langs en ja zh_Hans zh_Hant] [--themes light dark]``

Each language and theme is drawn by a fresh process (offscreen: no screen
needed; Japanese and Chinese need CJK fonts, e.g. Debian's fonts-noto-cjk)
on a demo home made by ``tools/demo_home.py`` in that language, and saved as
``OUT/{window}-{lang}-{theme}.png``: ``main`` (the agenda, nothing open),
``chat`` (a conversation open), ``cron`` (the cron window on a job with
runs), ``editor``, ``settings`` and ``profiles``. With ``QT_QPA_PLATFORM=xcb``
and a ``DISPLAY`` (Xvfb) the windows are real X11 windows.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LANGS = ("en", "ja", "zh_Hans", "zh_Hant")
THEMES = ("light", "dark")


def _child(lang: str, theme: str, home_dir: Path, out: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from hermes_desktop.core.home import HermesHome
    from hermes_desktop.i18n import install_translators
    from hermes_desktop.ui.app import create_main_window
    from hermes_desktop.ui.models import Role
    from hermes_desktop.ui.prefs import UiPrefs
    from hermes_desktop.ui.theme import Theme

    install_translators(app, lang)
    Theme(app, theme)
    home = HermesHome(home_dir)
    prefs = UiPrefs(QSettings(str(out / f".prefs-{lang}-{theme}.ini"), QSettings.Format.IniFormat))

    def pump(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def shot(widget: object, name: str) -> None:
        pump(0.8)
        widget.grab().save(str(out / f"{name}-{lang}-{theme}.png"))  # type: ignore[attr-defined]

    window = create_main_window(home, start_ticker=True, prefs=prefs)
    window.resize(1200, 760)
    window.show()
    pump(3.0)
    shot(window, "main")
    sessions = window.sidebar.sessions_model
    if sessions.rowCount() > 0:
        window.open_session(sessions.index(0, 0).data(Role.Id))
        shot(window, "chat")
    manage = window.dialogs.open_manage("")
    manage.resize(1080, 700)
    pump(1.0)
    jobs = window.jobs_model.jobs()
    with_runs = next((j["id"] for j in jobs if j.get("script") == "disk.sh"), jobs[0]["id"])
    manage.select(with_runs)
    pump(1.5)
    shot(manage, "cron")
    prompt_job = next((j["id"] for j in jobs if j.get("prompt") and not j.get("script")), jobs[0]["id"])
    editor = window.dialogs.edit(prompt_job)
    pump(1.0)
    shot(editor, "editor")
    editor.close()
    settings = window.dialogs.open_settings()
    pump(1.0)
    shot(settings, "settings")
    settings.close()
    profiles = window.dialogs.open_profiles()
    pump(1.0)
    shot(profiles, "profiles")
    profiles.close()
    window.quit()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--langs", nargs="+", default=list(LANGS), choices=LANGS)
    parser.add_argument("--themes", nargs="+", default=list(THEMES), choices=THEMES)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)  # LANG THEME HOME
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.child:
        lang, theme, home = args.child
        _child(lang, theme, Path(home), args.out)
        return 0
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from demo_home import build

    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as scratch:
        for lang in args.langs:
            home = build(Path(scratch) / lang, lang)
            for theme in args.themes:
                subprocess.run([sys.executable, __file__, str(args.out), "--child", lang, theme, str(home.root)],
                               env={**env, "XDG_CONFIG_HOME": str(Path(scratch) / "config")}, check=True)
                print(f"{lang} {theme}: done", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
