"""Rename…, Export as Markdown…, Copy as Markdown and Delete… on the sessions list and the transcript shown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.sessions import SessionStore
from hermes_desktop.ui.app import create_main_window
from hermes_desktop.ui.main_window import MainWindow
from hermes_desktop.ui.models import PAGE, Role, SessionsModel
from hermes_desktop.ui.session_actions import SessionActions

# ----------------------------------------------------------------- the model: one row at a time


def fill(store: SessionStore, n: int) -> None:
    conn = store._conn()
    conn.executemany("INSERT INTO sessions (id, source, started_at, title) VALUES (?, 'cli', ?, ?)",
                     [(f"s{i:03d}", 1000.0 + i, f"chat {i}") for i in range(n)])


def ids(model: SessionsModel) -> list[str]:
    return [model.index(r, 0).data(Role.Id) for r in range(model.rowCount())]


def db_ids(store: SessionStore) -> list[str]:
    return [r[0] for r in store._conn().execute("SELECT id FROM sessions ORDER BY started_at DESC, id DESC")]


@pytest.mark.parametrize("read_pages", [(0,), (0, 1, 2), (0, 2)])
def test_a_deleted_session_leaves_the_list_as_one_removed_row(qtmodeltester, home: HermesHome,  # type: ignore[no-untyped-def]
                                                              read_pages: tuple[int, ...]) -> None:
    store = SessionStore(home.state_db)
    fill(store, 120)
    model = SessionsModel(store)  # no task thread: pages are read at once
    model.refresh()
    qtmodeltester.check(model)
    for k in read_pages:  # only these pages have been on screen
        model.index(k * PAGE, 0).data()
    events: list[str] = []
    model.rowsRemoved.connect(lambda _p, a, b: events.append(f"removed {a}-{b}"))
    model.modelReset.connect(lambda: events.append("reset"))
    store._conn().execute("DELETE FROM sessions WHERE id = 's117'")  # row 2
    assert model.remove_session("s117") == 2
    assert events == ["removed 2-2"] and model.rowCount() == 119
    assert ids(model) == db_ids(store)  # every row, read or not, in its place
    assert model.remove_session("unknown") is None


def test_a_renamed_session_changes_its_row_only(qtbot, home: HermesHome) -> None:  # type: ignore[no-untyped-def]
    store = SessionStore(home.state_db)
    fill(store, 3)
    model = SessionsModel(store)
    model.refresh()
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.retitle("s001", "Renamed")
    assert changed.args[0].row() == changed.args[1].row() == 1
    assert [model.index(r, 0).data() for r in range(3)] == ["chat 2", "Renamed", "chat 0"]


# ----------------------------------------------------------------- the window


@pytest.fixture
def store(home: HermesHome) -> Iterator[SessionStore]:
    s = SessionStore(home.state_db)
    for i, (sid, title, text) in enumerate((("c1", "Trip", "Plan my trip"), ("c2", "Taxes", "Taxes due?"),
                                            ("c3", None, "Hello there"))):
        s._conn().execute("INSERT INTO sessions (id, source, started_at, title) VALUES (?, 'cli', ?, ?)",
                          (sid, 1764061200.0 + i, title))
        s.append_message(sid, "user", text, 1764061200.0 + i)
        s.append_message(sid, "assistant", f"About {text.lower()}", 1764061201.0 + i)
        s.append_message(sid, "assistant", "Anything else?", 1764061202.0 + i)
    yield s
    s.close()


@pytest.fixture
def window(qtbot, home: HermesHome, store: SessionStore) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = create_main_window(home, start_ticker=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.sidebar.sessions_model.rowCount() == 3 and w.sidebar.list.model().index(0, 0).data(
        Role.Id) == "c3")
    yield w


def select(window: MainWindow, session_id: str) -> None:
    row = window.sidebar.sessions_model.row_of(session_id)
    assert row is not None
    window.sidebar.list.setFocus()
    window.sidebar.list.setCurrentIndex(window.sidebar.list.model().index(row, 0))


def titles(window: MainWindow) -> list[str]:
    model = window.sidebar.sessions_model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def actions(window: MainWindow) -> SessionActions:
    return window.session_actions


def test_the_context_menu_offers_the_actions_and_copy_puts_the_transcript_on_the_clipboard(
        qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.sidebar.list
    select(window, "c3")
    view.customContextMenuRequested.emit(view.visualRect(view.model().index(2, 0)).bottomLeft() + QPoint(5, 40))
    assert not actions(window).menu.isVisible()  # below the last row: nothing to act on
    rect = view.visualRect(view.model().index(1, 0))
    view.customContextMenuRequested.emit(rect.center())  # a right click on "Taxes"
    menu = actions(window).menu
    qtbot.waitUntil(menu.isVisible)
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "Rename…", "Export as Markdown…", "Copy as Markdown", "Delete…"]
    assert view.currentIndex().data(Role.Id) == "c2"  # the row the menu is about
    assert window.transcript.session_id is None  # … is not opened by it
    menu.close()
    QApplication.clipboard().clear()
    actions(window).copy_action.trigger()
    qtbot.waitUntil(lambda: QApplication.clipboard().text().startswith("# Taxes\n"))
    text = QApplication.clipboard().text()
    assert "\n## You\n\nTaxes due?\n" in text and "\n## Hermes\n\nAbout taxes due?\n" in text


@pytest.mark.parametrize("keys", ["Menu", "Shift+F10"])
def test_the_keyboard_opens_the_menu_for_the_selected_row(qtbot, window: MainWindow, keys: str) -> None:  # type: ignore[no-untyped-def]
    select(window, "c1")
    if keys == "Menu":
        qtbot.keyClick(window.sidebar.list, Qt.Key.Key_Menu)
    else:
        qtbot.keyClick(window.sidebar.list, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(actions(window).menu.isVisible)
    actions(window).menu.close()
    assert window.sidebar.list.currentIndex().data(Role.Id) == "c1"


def test_f2_renames_the_selected_session_and_a_refused_title_says_why(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                                     store: SessionStore) -> None:
    window.open_session("c1")
    qtbot.waitUntil(lambda: window.transcript.title.text() == "Trip")
    select(window, "c1")
    qtbot.keyClick(window.sidebar.list, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: actions(window).rename_dialog is not None and actions(window).rename_dialog.isVisible())
    dialog = actions(window).rename_dialog
    assert dialog is not None and dialog.field.text() == "Trip"

    dialog.field.setText("x" * 101)  # too long: said at once, Rename waits
    assert "101 characters, at most 100" in dialog.problem.text() and not dialog.ok.isEnabled()

    dialog.field.setText("  Taxes ")  # another session's title: refused, as Hermes refuses it
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already has the title “Taxes”" in dialog.problem.text())
    assert dialog.isVisible() and dialog.field.text() == "  Taxes "  # nothing typed is lost
    assert store.session("c1")["title"] == "Trip"  # type: ignore[index]

    dialog.field.setText("Trip to  Kyoto")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: actions(window).rename_dialog is None)  # closed once stored
    assert store.session("c1")["title"] == "Trip to Kyoto"  # type: ignore[index]
    assert titles(window) == ["Hello there", "Taxes", "Trip to Kyoto"]
    assert window.transcript.title.text() == "Trip to Kyoto"


def test_the_delete_key_asks_naming_the_session_and_cancel_keeps_it(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                                    store: SessionStore,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, int]] = []
    answer = [False]
    monkeypatch.setattr(actions(window), "confirm_delete", lambda title, n: asked.append((title, n)) or answer[0])
    window.open_session("c2")
    qtbot.waitUntil(lambda: window.transcript.session_id == "c2")
    select(window, "c2")
    qtbot.keyClick(window.sidebar.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: asked == [("Taxes", 3)])
    qtbot.waitUntil(lambda: window.ctx.tasks.pending() == 0)  # a delete, had one been asked for, is done
    assert store.session("c2") is not None and titles(window) == ["Hello there", "Taxes", "Trip"]

    answer[0] = True
    resets: list[int] = []
    window.sidebar.sessions_model.modelReset.connect(lambda: resets.append(1))
    with qtbot.waitSignal(actions(window).deleted):
        qtbot.keyClick(window.sidebar.list, Qt.Key.Key_Delete)
    assert store.session("c2") is None and store.messages("c2") == []
    assert titles(window) == ["Hello there", "Trip"] and resets == []  # one row went, the list stayed
    view = window.sidebar.list
    assert [i.data(Role.Id) for i in view.selectionModel().selectedIndexes()] == ["c1"]  # the row now in its place
    assert view.currentIndex().data(Role.Id) == "c1" and view.hasFocus()
    assert window.transcript.session_id is None  # its open transcript is cleared
    assert window.sidebar.count.text() == "2"
    with qtbot.waitSignal(actions(window).deleted):  # the last row: the one above it is selected
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [i.data(Role.Id) for i in view.selectionModel().selectedIndexes()] == ["c3"] and titles(window) == [
        "Hello there"]


def test_deleting_asks_delete_or_cancel_with_the_title_and_the_count(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[str, list[str]]] = []

    def answer(choice: str) -> None:
        box = actions(window).delete_box
        assert box is not None
        seen.append((box.text(), sorted(b.text().replace("&", "") for b in box.buttons())))
        next(b for b in box.buttons() if b.text().replace("&", "") == choice).click()

    QTimer.singleShot(0, lambda: answer("Cancel"))
    assert actions(window).confirm_delete("Trip", 3) is False
    QTimer.singleShot(0, lambda: answer("Delete"))
    assert actions(window).confirm_delete("Hello", 1) is True
    # (the English .ts gives the plural its forms: "its 1 message" / "its 3 messages")
    assert [buttons for _, buttons in seen] == [["Cancel", "Delete"]] * 2  # the action's own word, not Yes
    assert seen[0][0] == "Delete “Trip” and its 3 messages for good?"
    assert seen[1][0] == "Delete “Hello” and its 1 message for good?"


def test_export_writes_the_file_the_dialog_names(qtbot, window: MainWindow, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    suggested: list[str] = []
    target = tmp_path / "out" / "trip.md"
    target.parent.mkdir()
    monkeypatch.setattr(actions(window), "ask_export_path", lambda s: suggested.append(s) or str(target))
    select(window, "c1")
    actions(window).export_action.trigger()
    written = target
    qtbot.waitUntil(lambda: str(written) in window.statusBar().currentMessage())  # said once it is written
    assert Path(suggested[0]).name == "Trip.md"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# Trip\n") and "\n## You\n\nPlan my trip\n" in text and "`c1`" in text

    # a folder that cannot be written: said, with the reason, and nothing else changes
    monkeypatch.setattr(actions(window), "ask_export_path", lambda s: str(tmp_path / "missing" / "x.md"))
    actions(window).export_action.trigger()
    qtbot.waitUntil(lambda: actions(window).problem_box is not None)
    box = actions(window).problem_box
    assert box is not None and "Could not export “Trip”" in box.text() and "does not exist" in box.text()
    box.close()
    qtbot.waitUntil(lambda: actions(window).problem_box is None)


def test_the_session_menu_acts_on_the_cron_run_shown(qtbot, window: MainWindow, store: SessionStore,  # type: ignore[no-untyped-def]
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    run = store.create_cron_session("abc123abc123", 1764061300.0, "20251125_090100")
    store.append_message(run, "user", "Summarize my inbox", 1764061300.0)
    store.end_session(run, "cron_complete", 1764061310.0)
    store.set_unique_title(run, "Morning brief")
    menu = actions(window).shown_menu
    menu.aboutToShow.emit()
    assert not any(a.isEnabled() for a in actions(window).shown_actions)  # no transcript, nothing to act on
    window.open_session(run)
    qtbot.waitUntil(lambda: window.transcript.title.text() == "Morning brief")
    menu.aboutToShow.emit()
    assert all(a.isEnabled() for a in actions(window).shown_actions)
    monkeypatch.setattr(actions(window), "confirm_delete", lambda title, n: title == "Morning brief" and n == 1)
    with qtbot.waitSignal(actions(window).deleted):
        actions(window).shown_actions[-1].trigger()
    assert store.session(run) is None and window.transcript.session_id is None
    assert titles(window) == ["Hello there", "Taxes", "Trip"]  # the chats are untouched
