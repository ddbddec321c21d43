"""Talking back from the transcript: the composer sends, the reply streams in, Stop, failures and Retry.

Without Hermes (tests never find one unless they name it) a turn goes to the
endpoint in Settings: here the fake OpenAI-compatible server, streaming.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.sessions import SessionStore
from hermes_desktop.core.settings import Settings, save_settings
from hermes_desktop.ui.main_window import MainWindow
from hermes_desktop.ui.models import Role
from tests.fake_openai import MODEL, FakeModelServer
from tests.hermes_agent import hermes_program, needs_hermes

API_KEY = "sk-talkback-secret-0123456789"
TOKENS = ["Alpha ", "beta ", "gamma ", "delta"]


@pytest.fixture
def sessions(home: HermesHome) -> Iterator[SessionStore]:
    s = SessionStore(home.state_db)
    yield s
    s.close()


def endpoint(home: HermesHome, server: FakeModelServer) -> None:
    save_settings(home, Settings(base_url=server.base_url, model=MODEL, api_key=API_KEY))


def add_chat(store: SessionStore, sid: str, started: float = 1000.0) -> None:
    store._conn().execute("INSERT INTO sessions (id, source, started_at) VALUES (?, 'cli', ?)", (sid, started))
    store.append_message(sid, "user", "What is two and two?", started)
    store.append_message(sid, "assistant", "Four.", started + 1)


def open_chat(qtbot, window: MainWindow, sid: str) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.transcript.rendered):
        window.open_session(sid)
    qtbot.waitUntil(lambda: window.transcript.composer.note.isHidden())


def type_and_send(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    field = window.transcript.composer.input
    field.setFocus()
    field.setPlainText(text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def rows(home: HermesHome, sid: str) -> list[tuple[str, str]]:
    with sqlite3.connect(home.state_db) as db:
        return [(r, c) for r, c in db.execute("SELECT role, content FROM messages WHERE session_id = ? ORDER BY id",
                                              (sid,))]


def finished(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    return qtbot.waitSignal(window.transcript.chat.turnFinished, timeout=10000)


def test_the_reply_streams_in_order_growing_in_place_and_is_stored(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, window: MainWindow, sessions: SessionStore) -> None:
    add_chat(sessions, "chat-1")
    with FakeModelServer(tokens=TOKENS, gate_after=2) as server:
        endpoint(home, server)
        open_chat(qtbot, window, "chat-1")
        view, composer = window.transcript, window.transcript.composer
        type_and_send(qtbot, window, "And **three** and three?")
        # the first two pieces are on screen while the rest is held back: the reply grows in place
        qtbot.waitUntil(lambda: view.browser.toPlainText().endswith("Alpha beta"), timeout=5000)
        text = view.browser.toPlainText()
        assert "gamma" not in text
        assert text.index("Four.") < text.index("And three and three?") < text.index("Alpha beta")  # Markdown
        assert composer.input.toPlainText() == ""  # accepted: the field is free for the next message
        assert not composer.send.isVisible() and composer.stop.isVisible()
        assert not composer.can_send and "replying" in composer.note.text()
        with finished(qtbot, window):
            server.gate.set()
        assert view.browser.toPlainText().endswith("Alpha beta gamma delta")
        # the model got the whole conversation, the new message last
        [chat] = server.chats()
        assert chat["stream"] is True and chat["model"] == MODEL
        assert [(m["role"], m["content"]) for m in chat["messages"]] == [
            ("user", "What is two and two?"), ("assistant", "Four."), ("user", "And **three** and three?")]
    assert rows(home, "chat-1")[-2:] == [("user", "And **three** and three?"), ("assistant", "Alpha beta gamma delta")]
    assert sessions.session("chat-1")["message_count"] == 4  # type: ignore[index]
    assert composer.stop.isHidden() and composer.note.isHidden()


def test_a_reply_that_becomes_a_list_keeps_its_first_paragraph_a_paragraph(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, window: MainWindow, sessions: SessionStore) -> None:
    add_chat(sessions, "chat-1")
    tokens = ["Bring ", "snacks", ".\n\n", "1. trail mix\n", "2. an apple"]
    with FakeModelServer(tokens=tokens, gate_after=4) as server:
        endpoint(home, server)
        open_chat(qtbot, window, "chat-1")
        type_and_send(qtbot, window, "Food?")
        qtbot.waitUntil(lambda: "trail mix" in rows_text(window), timeout=5000)  # a list on screen already
        with finished(qtbot, window):
            server.gate.set()
    doc = window.transcript.browser.document()
    blocks = {doc.findBlockByNumber(n).text(): doc.findBlockByNumber(n) for n in range(doc.blockCount())}
    assert blocks["Bring snacks."].textList() is None  # not made the list's first item by a re-rendering
    assert blocks["trail mix"].textList() is not None and blocks["an apple"].textList() is not None


def rows_text(window: MainWindow) -> str:
    return window.transcript.browser.toPlainText()


def test_stop_ends_the_reply_at_once_and_keeps_what_arrived(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, window: MainWindow, sessions: SessionStore) -> None:
    add_chat(sessions, "chat-1")
    with FakeModelServer(tokens=TOKENS, gate_after=2) as server:
        endpoint(home, server)
        open_chat(qtbot, window, "chat-1")
        view = window.transcript
        type_and_send(qtbot, window, "Count slowly")
        qtbot.waitUntil(lambda: view.browser.toPlainText().endswith("Alpha beta"), timeout=5000)
        with finished(qtbot, window):
            qtbot.mouseClick(view.composer.stop, Qt.MouseButton.LeftButton)
        shown = view.browser.toPlainText()
        assert shown.endswith("Alpha beta")
        assert rows(home, "chat-1")[-2:] == [("user", "Count slowly"), ("assistant", "Alpha beta ")]
        server.gate.set()  # the server now sends the rest, to a connection that is gone
        qtbot.waitUntil(lambda: server.streams_ended == 1, timeout=5000)
        with qtbot.assertNotEmitted(view.chat._bridge.pieces, wait=100):  # nothing more reaches the window
            pass
        assert view.browser.toPlainText() == shown
        assert view.composer.can_send is False and view.composer.note.isHidden()  # idle again (field empty)


def test_a_failure_shows_inline_and_retry_gets_the_reply(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, window: MainWindow, sessions: SessionStore) -> None:
    add_chat(sessions, "chat-1")
    with FakeModelServer(tokens=TOKENS, errors=[500, 401]) as server:
        endpoint(home, server)
        open_chat(qtbot, window, "chat-1")
        composer = window.transcript.composer
        with finished(qtbot, window):
            type_and_send(qtbot, window, "Hello?")
        assert composer.failure.isVisible() and composer.retry.isVisible()
        assert "500" in composer.error.text()
        assert "Hello?" in window.transcript.browser.toPlainText()  # the message was sent; only the reply failed
        with finished(qtbot, window):
            qtbot.mouseClick(composer.retry, Qt.MouseButton.LeftButton)
        assert "401" in composer.error.text() and "API key" in composer.error.text()
        assert API_KEY[:8] not in composer.error.text()
        with finished(qtbot, window):
            qtbot.mouseClick(composer.retry, Qt.MouseButton.LeftButton)
        assert composer.failure.isHidden()
        assert window.transcript.browser.toPlainText().endswith("Alpha beta gamma delta")
        assert len(server.chats()) == 3
    assert rows(home, "chat-1")[-2:] == [("user", "Hello?"), ("assistant", "Alpha beta gamma delta")]  # user once


def test_an_unreachable_endpoint_fails_inline_and_nothing_is_lost(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, window: MainWindow, sessions: SessionStore) -> None:
    add_chat(sessions, "chat-1")
    with FakeModelServer() as server:
        base = server.base_url
    save_settings(home, Settings(base_url=base, model=MODEL))  # the server is gone: connection refused
    open_chat(qtbot, window, "chat-1")
    with finished(qtbot, window):
        type_and_send(qtbot, window, "Anyone there?")
    composer = window.transcript.composer
    assert "Could not reach" in composer.error.text() and composer.retry.isVisible()
    assert rows(home, "chat-1")[-1] == ("user", "Anyone there?")  # kept, for Retry


def test_without_an_endpoint_the_text_stays_in_the_composer(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, window: MainWindow, sessions: SessionStore) -> None:
    add_chat(sessions, "chat-1")
    open_chat(qtbot, window, "chat-1")
    with finished(qtbot, window):
        type_and_send(qtbot, window, "A long thought I do not want to type again")
    composer = window.transcript.composer
    assert composer.input.toPlainText() == "A long thought I do not want to type again"
    assert "Settings" in composer.error.text() and composer.failure.isVisible()
    assert rows(home, "chat-1") == [("user", "What is two and two?"), ("assistant", "Four.")]  # nothing sent


def test_enter_sends_shift_enter_breaks_the_line_and_empty_text_cannot_be_sent(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, window: MainWindow, sessions: SessionStore) -> None:
    add_chat(sessions, "chat-1")
    open_chat(qtbot, window, "chat-1")
    composer = window.transcript.composer
    field = composer.input
    field.setFocus()
    assert not composer.send.isEnabled()
    with qtbot.assertNotEmitted(composer.sendRequested):
        qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.keyClicks(field, "   ")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert not composer.send.isEnabled()
    field.clear()
    qtbot.keyClicks(field, "first line")
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(field, "second line")
    assert field.toPlainText() == "first line\nsecond line" and composer.send.isEnabled()
    with qtbot.waitSignal(composer.sendRequested) as sent:
        qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert sent.args == ["first line\nsecond line"]


def test_new_chat_starts_a_desktop_session_at_the_top_of_the_list(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, window: MainWindow, sessions: SessionStore) -> None:
    add_chat(sessions, "old-chat", started=1000.0)
    model = window.sidebar.sessions_model
    qtbot.waitUntil(lambda: window.ctx.tasks.pending() == 0)  # the list's first read (of no chats) is in
    window.refresh_sessions()
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    with FakeModelServer(tokens=TOKENS) as server:
        endpoint(home, server)
        window.new_chat_action.trigger()
        view = window.transcript
        assert view.title.text() == "New chat" and view.composer.isVisible() and view.composer.note.isHidden()
        with finished(qtbot, window):
            type_and_send(qtbot, window, "Plan my week")
    sid = view.session_id
    assert sid is not None and view.title.text() == "Plan my week"
    qtbot.waitUntil(lambda: model.rowCount() == 2 and model.index(0, 0).data(Role.Id) == sid)
    info = sessions.session(sid)
    assert info is not None and info["source"] == "desktop" and info["message_count"] == 2
    assert rows(home, sid) == [("user", "Plan my week"), ("assistant", "Alpha beta gamma delta")]
    assert [c["messages"] for c in server.chats() if c.get("stream")] == [[{"role": "user", "content": "Plan my week"}]]


def test_a_chat_continued_here_moves_to_the_top_and_stays_selected(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, window: MainWindow, sessions: SessionStore) -> None:
    for i, sid in enumerate(["oldest", "middle", "newest"]):
        add_chat(sessions, sid, started=1000.0 + 100 * i)
    model, sidebar = window.sidebar.sessions_model, window.sidebar.list
    qtbot.waitUntil(lambda: window.ctx.tasks.pending() == 0)
    window.refresh_sessions()
    qtbot.waitUntil(lambda: [model.index(r, 0).data(Role.Id) for r in range(model.rowCount())]
                    == ["newest", "middle", "oldest"])
    sidebar.setCurrentIndex(sidebar.model().index(2, 0))
    with FakeModelServer(tokens=TOKENS) as server:
        endpoint(home, server)
        open_chat(qtbot, window, "oldest")
        with finished(qtbot, window):
            type_and_send(qtbot, window, "One more question")
    qtbot.waitUntil(lambda: model.index(0, 0).data(Role.Id) == "oldest")
    assert [model.index(r, 0).data(Role.Id) for r in range(3)] == ["oldest", "newest", "middle"]
    assert sidebar.currentIndex().row() == 0 and sidebar.currentIndex().data(Role.Id) == "oldest"
    qtbot.waitUntil(lambda: window.transcript.meta.text().endswith("4 messages"))  # the header counts the turn


def test_a_chat_answered_by_the_endpoint_is_named_after_its_first_exchange_unless_named_already(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, window: MainWindow, sessions: SessionStore) -> None:
    model = window.sidebar.sessions_model
    with FakeModelServer(tokens=TOKENS, title='<think>short and clear</think>\n"Title: Weekly plan."') as server:
        endpoint(home, server)
        window.new_chat_action.trigger()
        with qtbot.waitSignal(window.transcript.chat.sessionTitled, timeout=10000) as titled:
            type_and_send(qtbot, window, "Plan my week")
        sid = window.transcript.session_id
        assert titled.args == [sid, "Weekly plan"]
        assert window.transcript.title.text() == "Weekly plan"
        assert sessions.session(sid)["title"] == "Weekly plan"  # type: ignore[index]
        qtbot.waitUntil(lambda: model.index(0, 0).data() == "Weekly plan")
        asked = [c for c in server.chats() if not c.get("stream")]
        assert len(asked) == 1 and "Plan my week" in asked[0]["messages"][-1]["content"]
        assert "Alpha beta gamma delta" in asked[0]["messages"][-1]["content"]  # the reply, too
        with finished(qtbot, window):  # a second exchange: named already, no second request
            type_and_send(qtbot, window, "And next week?")
        add_chat(sessions, "named-by-hand")
        sessions.rename_session("named-by-hand", "My own name")
        open_chat(qtbot, window, "named-by-hand")
        with finished(qtbot, window):
            type_and_send(qtbot, window, "Anything else?")
        assert len([c for c in server.chats() if not c.get("stream")]) == 1
    assert sessions.session("named-by-hand")["title"] == "My own name"  # type: ignore[index]


def test_a_new_chat_that_cannot_be_sent_leaves_no_empty_session(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, window: MainWindow) -> None:
    window.new_chat_action.trigger()
    with finished(qtbot, window):
        type_and_send(qtbot, window, "Hello")
    assert window.transcript.composer.input.toPlainText() == "Hello"
    assert SessionStore(home.state_db).session_count() == 0


def test_cron_runs_label_the_job_prompt_and_the_script_output(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, window: MainWindow, sessions: SessionStore) -> None:
    script = sessions.create_cron_session("abc123abc123", 1000.0, "20261120_090000")
    sessions.append_message(script, "user", "Run script: report.sh", 1000.0)
    sessions.append_message(script, "assistant", "disk 93% full", 1001.0)
    prompt = sessions.create_cron_session("def456def456", 1000.0, "20261120_090000")
    sessions.append_message(prompt, "user", "Summarize my inbox", 1000.0)
    sessions.append_message(prompt, "assistant", "Nothing new.", 1001.0)
    for run in (script, prompt):  # finished runs (one still going cannot be replied to yet)
        sessions.end_session(run, "cron_complete", ended_at=1002.0)
    open_chat(qtbot, window, script)
    lines = window.transcript.browser.toPlainText().splitlines()
    assert lines[:4] == ["Script", "Run script: report.sh", "Script output", "disk 93% full"]
    assert window.transcript.composer.isVisible()  # a run can be talked about too
    open_chat(qtbot, window, prompt)
    lines = window.transcript.browser.toPlainText().splitlines()
    assert lines[:4] == ["Job prompt", "Summarize my inbox", "Hermes", "Nothing new."]


def test_copy_message_copies_one_messages_markdown(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, window: MainWindow, sessions: SessionStore) -> None:
    sessions._conn().execute("INSERT INTO sessions (id, source, started_at) VALUES ('md', 'cli', 1.0)")
    sessions.append_message("md", "user", "Show me a list", 1.0)
    sessions.append_message("md", "assistant", "Here:\n\n- **one**\n- `two`", 2.0)
    open_chat(qtbot, window, "md")
    view = window.transcript
    cursor = QTextCursor(view.browser.document())
    cursor.setPosition(view.browser.toPlainText().index("one") + 1)
    point = view.browser.cursorRect(cursor).center()
    menu = view.message_menu(point)
    copy = next(a for a in menu.actions() if a.objectName() == "copyMessage")
    assert copy.text() == "Copy message"
    copy.trigger()
    assert QApplication.clipboard().text() == "Here:\n\n- **one**\n- `two`"
    cursor.setPosition(view.browser.toPlainText().index("Show me") + 1)
    menu = view.message_menu(view.browser.cursorRect(cursor).center())
    next(a for a in menu.actions() if a.objectName() == "copyMessage").trigger()
    assert QApplication.clipboard().text() == "Show me a list"


@needs_hermes
def test_with_hermes_installed_a_new_chat_is_answered_by_hermes_into_its_own_session(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, window: MainWindow) -> None:
    program = hermes_program()
    assert program is not None
    with FakeModelServer(tokens=TOKENS) as server:
        config = {"model": {"provider": "custom", "base_url": server.base_url, "default": MODEL, "api_key": API_KEY}}
        (home.root / "config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
        save_settings(home, Settings(hermes_path=str(program)))  # Hermes answers, not an endpoint of the app's
        window.new_chat_action.trigger()
        with qtbot.waitSignal(window.transcript.chat.turnFinished, timeout=120_000):
            type_and_send(qtbot, window, "Plan my week")
        assert window.transcript.browser.toPlainText().endswith("Alpha beta gamma delta")
        assert window.transcript.composer.failure.isHidden()
        assert server.chats() and server.chats()[0]["stream"] is True  # Hermes streamed it
    sid = window.transcript.session_id
    assert sid is not None and rows(home, sid) == [("user", "Plan my week"), ("assistant", "Alpha beta gamma delta")]
    with sqlite3.connect(home.state_db) as db:
        assert db.execute("SELECT source, system_prompt IS NOT NULL FROM sessions").fetchall() == [("desktop", 1)]


def test_a_chat_cannot_be_deleted_while_its_reply_arrives(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, window: MainWindow, sessions: SessionStore) -> None:
    """Its reply would be stored into a conversation that is gone: the delete says why and waits for Stop."""
    add_chat(sessions, "chat-1")
    asked: list[str] = []
    actions = window.session_actions
    actions.confirm_delete = lambda title, count: asked.append(title) or True  # type: ignore[method-assign]
    with FakeModelServer(tokens=TOKENS, gate_after=2) as server:
        endpoint(home, server)
        open_chat(qtbot, window, "chat-1")
        view = window.transcript
        type_and_send(qtbot, window, "Count slowly")
        qtbot.waitUntil(lambda: view.browser.toPlainText().endswith("Alpha beta"), timeout=5000)
        actions.delete(actions.shown())
        qtbot.waitUntil(lambda: actions.problem_box is not None)
        assert "still replying" in actions.problem_box.text() and asked == []
        actions.problem_box.close()
        with finished(qtbot, window):
            qtbot.mouseClick(view.composer.stop, Qt.MouseButton.LeftButton)
        server.gate.set()
    assert sessions.session("chat-1") is not None  # still there, with what arrived
    assert rows(home, "chat-1")[-1] == ("assistant", "Alpha beta ")


def test_a_cron_run_still_going_cannot_be_replied_to(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, window: MainWindow, sessions: SessionStore) -> None:
    run = sessions.create_cron_session("abc123abc123", 1000.0, "20261120_090000")  # not ended: in flight
    sessions.append_message(run, "user", "Summarize my inbox", 1000.0)
    with qtbot.waitSignal(window.transcript.rendered):
        window.open_session(run)
    composer = window.transcript.composer
    qtbot.waitUntil(lambda: not composer.note.isHidden())
    assert "still going" in composer.note.text() and not composer.can_send
    sessions.end_session(run, "cron_complete", ended_at=1002.0)
    open_chat(qtbot, window, run)  # once it has ended, it can be continued
