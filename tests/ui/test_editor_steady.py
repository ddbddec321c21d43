"""A schedule error appears without moving anything under the pointer (#15): the editor keeps its size and
every field its place, when the error comes and when it goes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from tests.ui.test_editor_fields import open_editor


def places(editor: Any) -> dict[str, tuple[int, int, int, int]]:
    out: dict[str, tuple[int, int, int, int]] = {"editor": (0, 0, editor.width(), editor.height())}
    for name in ("schedule_input", "prompt", "name", "deliver_list", "save_button", "repeat"):
        widget: QWidget = getattr(editor, name)
        at = widget.mapTo(editor, QPoint(0, 0))
        out[name] = (at.x(), at.y(), widget.width(), widget.height())
    return out


def test_a_schedule_error_moves_no_field(qtbot: Any, home: HermesHome) -> None:
    store = JobStore(home)
    job = store.create("0 9 * * *", "Summarize my inbox", name="Morning brief")
    editor = open_editor(qtbot, home, store, job)
    qtbot.waitExposed(editor)
    qtbot.waitUntil(lambda: editor.preview.text() != "")
    before = places(editor)
    for bad in ("every banana", "0 9 * * * * * * * this is not a schedule at all, and it is rather long too"):
        editor.schedule_input.setText(bad)
        qtbot.waitUntil(lambda: editor.schedule_error.isVisible())
        assert not editor.save_button.isEnabled()
        assert places(editor) == before
    editor.schedule_input.setText("every 2h")
    qtbot.waitUntil(lambda: not editor.schedule_error.isVisible() and editor.preview.text() != "")
    assert places(editor) == before
