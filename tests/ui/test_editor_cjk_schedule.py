"""A schedule typed in Japanese in the job editor is previewed and saved as its English twin."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.schedule import next_runs
from hermes_desktop.i18n import install_translators
from hermes_desktop.l10n import date_time, describe_text

from .test_editor_fields import on_disk, open_editor, save


def type_schedule(qtbot: Any, editor: Any, text: str) -> None:
    """Type ``text`` as an input method commits it: a character at a time, every prefix previewed on the way
    (QTest cannot key non-ASCII characters)."""
    editor.schedule_input.clear()
    for ch in text:
        editor.schedule_input.insert(ch)


def test_typing_a_japanese_schedule_previews_and_saves_the_english_record(qtbot: Any, qapp: QApplication,
                                                                          home: HermesHome,
                                                                          store: JobStore) -> None:
    english = open_editor(qtbot, home, store)
    english.prompt.setPlainText("Morning brief")
    type_schedule(qtbot, english, "every day at 9:00")
    twin = on_disk(home, save(qtbot, english)["id"])["schedule"]

    install_translators(qapp, "ja")
    editor = open_editor(qtbot, home, store)
    editor.prompt.setPlainText("朝のまとめ")
    type_schedule(qtbot, editor, "毎日 9時")
    assert not editor.schedule_error.isVisible()
    lines = editor.preview.text().splitlines()
    assert lines[0] == describe_text({"kind": "cron", "expr": "0 9 * * *"}) == "毎日 9:00"
    first = next_runs(twin, editor.now(), 1, editor.tz)[0].at
    assert any(date_time(first, editor.tz, with_zone=True) in line for line in lines[3:])  # the next run, in ja
    assert editor.save_button.isEnabled()
    job = save(qtbot, editor)
    mine = on_disk(home, job["id"])["schedule"]
    assert (mine["kind"], mine["expr"]) == (twin["kind"], twin["expr"]) == ("cron", "0 9 * * *")
    assert mine["display"] == "毎日 9時"


def test_an_ambiguous_japanese_hour_is_refused_in_the_ui_language(qtbot: Any, qapp: QApplication,
                                                                   home: HermesHome, store: JobStore) -> None:
    install_translators(qapp, "ja")
    editor = open_editor(qtbot, home, store)
    editor.prompt.setPlainText("x")
    type_schedule(qtbot, editor, "毎日 午後12時")
    assert editor.schedule_error.isVisible() and editor.preview.text() == ""
    assert not editor.save_button.isEnabled()
    first = editor.schedule_error.text().splitlines()[0]
    assert first == QApplication.translate(
        "ScheduleError", "That hour can be read two ways; write it from 0 to 23, like 0:00 or 12:00.")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # nothing is saved
