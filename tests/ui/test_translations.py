from __future__ import annotations

import json
import logging
import os
import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.settings import load_settings, save_settings
from hermes_desktop.i18n import install_translators, language_for, resolve_language
from hermes_desktop.l10n import describe_text, relative
from hermes_desktop.ui.app import create_main_window
from hermes_desktop.ui.settings_window import SettingsWindow

sys.path.insert(0, str(Path(__file__).parents[2] / "tools"))
import update_translations


def test_every_ts_is_complete_and_every_qm_fresh() -> None:
    problems = update_translations.check()
    assert problems == [], "\n".join(problems[:20])


def test_english_has_real_plural_forms(qapp: QApplication) -> None:
    install_translators(qapp, "en")
    assert qapp.translate("CronSection", "%n job(s)", "", 1) == "1 job"
    assert qapp.translate("CronSection", "%n job(s)", "", 3) == "3 jobs"


@pytest.mark.parametrize(
    ("code", "sessions", "every_15"),
    [("en", "Sessions", "Every 15 minutes"), ("ja", "セッション", "15 分ごと"), ("zh_Hans", "会话", "每 15 分钟"),
     ("zh_Hant", "對話", "每 15 分鐘")],
)
def test_each_language_changes_visible_text(qtbot, qapp: QApplication, home: HermesHome,  # type: ignore[no-untyped-def]
                                            code: str, sessions: str, every_15: str) -> None:
    install_translators(qapp, code)
    window = create_main_window(home, start_ticker=False)
    qtbot.addWidget(window)
    labels = [w.text() for w in window.sidebar.findChildren(QLabel)]
    assert sessions in labels
    assert describe_text({"kind": "interval", "minutes": 15}) == every_15


def test_weekday_schedules_read_naturally(qapp: QApplication) -> None:
    sched = {"kind": "cron", "expr": "30 9 * * 1-5"}
    install_translators(qapp, "ja")
    ja = describe_text(sched)
    assert ja.startswith("平日（月〜金）") and "9:30" in ja and "Monday" not in ja
    install_translators(qapp, "zh_Hant")
    assert describe_text({"kind": "cron", "expr": "0 9 * * 1"}).startswith("每星期一")
    install_translators(qapp, "zh_Hans")
    assert "Monday" not in describe_text({"kind": "cron", "expr": "0 9 * * 1,3"})


def test_countdowns_follow_the_language(qapp: QApplication) -> None:
    from datetime import UTC, datetime, timedelta

    now = datetime(2026, 1, 1, tzinfo=UTC)
    install_translators(qapp, "ja")
    assert relative(now + timedelta(minutes=4, seconds=3), now) == "あと 5 分"  # rounded up: never "0" left
    install_translators(qapp, "zh_Hans")
    assert relative(now + timedelta(hours=3), now) == "3 小时后"
    assert relative(now + timedelta(hours=3, minutes=1), now) == "3 小时 1 分钟后"
    install_translators(qapp, "en")
    assert relative(now + timedelta(seconds=42), now) == "in 42s"
    assert relative(now - timedelta(seconds=1), now) == "now"
    assert relative(now - timedelta(seconds=61), now) == "overdue"


def test_countdowns_never_floor_an_hour_away_or_say_in_0s(qapp: QApplication) -> None:
    from datetime import UTC, datetime, timedelta

    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert relative(now + timedelta(hours=1, minutes=59), now) == "in 1 h 59 min"  # not "in 1 h"
    assert relative(now + timedelta(hours=2), now) == "in 2 h"
    assert relative(now + timedelta(days=1, hours=23), now) == "in 1 d 23 h"
    said = [relative(now + timedelta(seconds=s / 10), now) for s in range(1, 30)]  # the last 3 s, a tick at a time
    assert "in 0s" not in said and said[0] == "in 1s" and said[-1] == "in 3s"


def test_qt_own_strings_are_translated(qtbot, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    install_translators(qapp, "ja")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "キャンセル"


@pytest.mark.parametrize(
    ("locale", "code"),
    [("zh_TW", "zh_Hant"), ("zh_HK", "zh_Hant"), ("zh_MO", "zh_Hant"), ("zh_CN", "zh_Hans"), ("zh_SG", "zh_Hans"),
     ("ja_JP", "ja"), ("en_US", "en"), ("de_DE", "en")],
)
def test_locale_fallbacks(locale: str, code: str) -> None:
    assert language_for(QLocale(locale)) == code
    assert resolve_language(locale) == code


def test_system_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_HK")))
    assert resolve_language(None) == "zh_Hant" and resolve_language("system") == "zh_Hant"


def test_settings_reach_the_ticker_and_the_cron_commands(qtbot, home: HermesHome,  # type: ignore[no-untyped-def]
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    window = SettingsWindow(home)
    qtbot.addWidget(window)
    assert window.objectName() == "settingsWindow" and window.run_jobs.isChecked()
    window.run_jobs.setChecked(False)
    window.keep_runs.setValue(7)
    window.language.setCurrentIndex(window.language.findData("ja"))
    saved = load_settings(home)
    assert (saved.run_jobs_in_app, saved.keep_runs, saved.language) == (False, 7, "ja")

    # The ticker reads the same file: with "run jobs" off, a due job is left alone.
    (home.scripts_dir / "a.sh").write_text("echo a")
    job = JobStore(home).create("every 1h", script="a.sh", no_agent=True)
    JobStore(home).trigger(job["id"])
    app_window = create_main_window(home, start_ticker=True)
    qtbot.addWidget(app_window)
    worker = app_window.ctx.ticker.worker
    qtbot.waitUntil(lambda: worker.status is not None)
    assert worker.status.firer == "nobody"
    app_window.close()
    assert JobStore(home).get(job["id"])["last_run_at"] is None

    # …and so do the cron commands: describe speaks the chosen language.
    from hermes_desktop.cli import main

    assert main(["--home", str(home.root), "cron", "describe", "every 15m", "--count", "1"]) == 0
    assert capsys.readouterr().out.startswith("15 分ごと")


def test_api_key_is_owner_only_and_never_logged(qtbot, home: HermesHome,  # type: ignore[no-untyped-def]
                                                caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    key = "sk-live-VERY-SECRET-0123456789"
    window = SettingsWindow(home)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.changed, timeout=5000):  # saved once the typing pauses
        window.api_key.setText(key)
    assert window.api_key.echoMode() == window.api_key.EchoMode.Password
    assert stat.S_IMODE(os.stat(home.settings_file).st_mode) == 0o600
    assert json.loads(home.settings_file.read_text())["api_key"] == key
    save_settings(home, load_settings(home))
    home.settings_file.write_text(home.settings_file.read_text().replace('"keep_runs": null', '"keep_runs": "x"'))
    logging.getLogger("hermes_desktop.test").info("settings: %r", load_settings(home))
    assert key not in caplog.text
