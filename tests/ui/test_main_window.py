from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QListView, QScrollArea, QTextBrowser, QToolButton, QWidget

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore, job_title
from hermes_desktop.core.runner import run_job
from hermes_desktop.core.sessions import SessionStore
from hermes_desktop.core.settings import Settings
from hermes_desktop.ui.app import create_main_window
from hermes_desktop.ui.main_window import MainWindow
from hermes_desktop.ui.models import Role, SessionsModel

ROOT = Path(__file__).parents[2]


def make_window(qtbot, home: HermesHome, start_ticker: bool = False) -> MainWindow:  # type: ignore[no-untyped-def]
    window = create_main_window(home, start_ticker=start_ticker)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def wait_jobs(qtbot, window: MainWindow, count: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.jobs_model.rowCount() == count, timeout=5000)


def add_chat(store: SessionStore, sid: str, source: str, started: float, text: str) -> None:
    store._conn().execute("INSERT INTO sessions (id, source, started_at) VALUES (?, ?, ?)", (sid, source, started))
    store.append_message(sid, "user", text, started)
    store.append_message(sid, "assistant", f"Answer to {text}", started + 1)


def insert_many(store: SessionStore, sql: str, rows: list[tuple[object, ...]]) -> None:
    """Many rows in one transaction (the store's connection commits each statement on its own)."""
    conn = store._conn()
    conn.execute("BEGIN")
    conn.executemany(sql, rows)
    conn.execute("COMMIT")


@pytest.fixture
def sessions(home: HermesHome) -> Iterator[SessionStore]:
    s = SessionStore(home.state_db)
    yield s
    s.close()


def test_window_has_the_named_parts_and_an_empty_state(qtbot, home: HermesHome) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, home)
    for name, kind in (("sessionsList", QListView), ("cronSection", QWidget), ("cronToggle", QToolButton),
                       ("cronCount", QLabel), ("cronJobsList", QScrollArea), ("transcriptView", QTextBrowser)):
        assert window.findChild(kind, name) is not None, name
    assert not window.cron.isVisible()  # no jobs: no section
    assert window.transcript.stack.currentWidget() is window.transcript.empty


def test_sessions_exclude_cron_runs(qtbot, home: HermesHome, sessions: SessionStore,  # type: ignore[no-untyped-def]
                                    store: JobStore) -> None:
    now = time.time()
    for i in range(3):
        add_chat(sessions, f"chat{i}", "cli", now - 3600 * (i + 1), f"question {i}")
    job = store.create("every 1h", "x")
    for i in range(60):  # a burst of newer cron runs must not starve recents
        sessions.create_cron_session(job["id"], now - i, f"20261124_10{i:04d}")
    window = make_window(qtbot, home)
    model = window.sidebar.list.model()
    qtbot.waitUntil(lambda: [model.index(r, 0).data(Role.Id) for r in range(model.rowCount())]
                    == ["chat0", "chat1", "chat2"], timeout=5000)
    assert window.sidebar.count.text() == "3"


def test_laying_out_the_sessions_list_does_not_call_into_python_per_row(
        qtbot, home: HermesHome, sessions: SessionStore, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The list lays out every chat in turn; a call into the Python model per chat waits for Python's lock
    whenever a ticker or a run holds it (#12: 30-50 ms a turn at a start at 100,000 chats)."""
    insert_many(sessions, "INSERT INTO sessions (id, source, started_at, title) VALUES (?, 'cli', ?, ?)",
                [(f"s{i:05d}", float(i), f"chat {i}") for i in range(5000)])
    calls = [0]
    row_count = SessionsModel.rowCount

    def counted(model: SessionsModel, *args: object) -> int:
        calls[0] += 1
        return row_count(model, *args)

    monkeypatch.setattr(SessionsModel, "rowCount", counted)
    window = make_window(qtbot, home)
    view = window.sidebar.list
    qtbot.waitUntil(lambda: window.sidebar.sessions_model.total == 5000, timeout=5000)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End)  # lands once the whole list is laid out
    last = view.model().index(4999, 0)
    qtbot.waitUntil(lambda: view.viewport().rect().intersects(view.visualRect(last)) and last.data() == "chat 0",
                    timeout=5000)
    assert calls[0] < 1000


def test_the_sessions_list_goes_to_its_end_at_once(qtbot, home: HermesHome,  # type: ignore[no-untyped-def]
                                                  sessions: SessionStore) -> None:
    insert_many(sessions, "INSERT INTO sessions (id, source, started_at, title) VALUES (?, 'cli', ?, ?)",
                [(f"s{i:05d}", float(i), f"chat {i}") for i in range(5000)])
    window = make_window(qtbot, home)
    view = window.sidebar.list
    model = view.model()
    qtbot.waitUntil(lambda: model.rowCount() == 5000, timeout=5000)  # every row, from the start
    assert window.sidebar.count.text() == "5000"
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End)  # one press, not one page per press
    last = model.index(4999, 0)
    qtbot.waitUntil(lambda: last.data(Role.Id) == "s00000", timeout=5000)  # the oldest chat, read by its page
    assert view.currentIndex().row() == 4999 and last.data() == "chat 0"
    middle = model.index(2510, 0)
    view.scrollTo(middle)  # a scrollbar drag lands anywhere as well
    qtbot.waitUntil(lambda: middle.data(Role.Id) == "s02489", timeout=5000)


def test_a_click_on_a_chat_opens_it_while_the_list_is_still_being_laid_out(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, sessions: SessionStore) -> None:
    """The list lays its rows out in batches, a batch a turn; a click on a chat on screen meanwhile was lost."""
    insert_many(sessions, "INSERT INTO sessions (id, source, started_at, title) VALUES (?, 'cli', ?, ?)",
                [(f"s{i:05d}", float(i), f"chat {i}") for i in range(20_000)])
    window = make_window(qtbot, home)
    view = window.sidebar.list
    qtbot.waitUntil(lambda: view.model().index(1, 0).data() == "chat 19998", timeout=5000)
    second = view.model().index(1, 0)
    with qtbot.waitSignal(window.transcript.rendered, timeout=3000) as shown:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(second).center())
    assert shown.args == ["s19998"] and window.transcript.title.text() == "chat 19998"


def test_section_caps_at_50_and_shows_50_plus(qtbot, home: HermesHome, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    template = store.create("every 1h", "first")

    def add(records: list) -> None:
        for i in range(59):
            records.append({**template, "id": f"{i:012x}", "name": f"job {i:02d}",
                            "next_run_at": (datetime.now(UTC) + timedelta(minutes=5 + i)).isoformat()})

    store.mutate(add)
    window = make_window(qtbot, home)
    wait_jobs(qtbot, window, 60)
    cron = window.cron
    assert cron.isVisible()
    assert cron.count.text() == "50+"
    qtbot.waitUntil(lambda: len(cron.rows) == 50)  # built a few per event-loop turn
    assert cron.order[0] == f"{0:012x}"  # soonest first
    assert template["id"] not in cron.order  # an hour away: the 60th, past the cap


def test_rows_given_to_other_jobs_show_and_act_for_them(qtbot, home: HermesHome, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    """When the jobs shown change wholesale (another profile, a bulk delete), rows are reused: each must then
    show its new job and its buttons act on that job, never the one it showed before."""
    first = [store.create("every 1h", f"old {i:02d}")["id"] for i in range(20)]
    window = make_window(qtbot, home)
    wait_jobs(qtbot, window, 20)
    cron = window.cron
    qtbot.waitUntil(lambda: len(cron.rows) == 20)
    reused = {id(row) for row in cron.rows.values()}
    store.mutate(lambda records: records.clear())
    fresh = [store.create("every 2h", f"new {i:02d}")["id"] for i in range(20)]
    window.ctx.watcher.refresh()
    # the rows out of sight take their new jobs a few a turn, after the ones on screen
    qtbot.waitUntil(lambda: set(cron.rows) == set(fresh) and sorted(
        row.title.full for row in cron.rows.values()) == [f"new {i:02d}" for i in range(20)])
    assert {id(row) for row in cron.rows.values()} == reused  # the same widgets, not 20 new ones
    row = cron.rows[fresh[3]]
    assert row.title.full == "new 03"
    with qtbot.waitSignal(cron.runNow) as ran:
        row.run_button.click()
    assert ran.args == [fresh[3]]
    assert not set(first) & set(cron.rows)


def test_rows_kept_through_a_profile_without_jobs_show_the_next_jobs(qtbot, home: HermesHome, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    """A profile with no jobs hides the section; its rows are kept (not deleted: #12) and, back on a profile
    with jobs, show those jobs - titles, states, countdowns - and act for them."""
    mine = [store.create("every 1h", f"mine {i:02d}")["id"] for i in range(12)]
    home.profile("empty").ensure()
    window = make_window(qtbot, home)
    wait_jobs(qtbot, window, 12)
    cron = window.cron
    qtbot.waitUntil(lambda: len(cron.rows) == 12)
    widgets = {id(row) for row in cron.rows.values()}
    window.ctx.switch_profile("empty")
    qtbot.waitUntil(lambda: not cron.isVisible() and not cron.rows)
    lab = home.profile("lab").ensure()
    theirs = JobStore(lab)
    other = [theirs.create("every 2h", f"lab {i:02d}")["id"] for i in range(12)]
    theirs.pause(other[0])
    window.ctx.switch_profile("lab")
    qtbot.waitUntil(lambda: set(cron.rows) == set(other) and cron.isVisible() and sorted(
        row.title.full for row in cron.rows.values()) == [f"lab {i:02d}" for i in range(12)])  # out of sight too
    assert {id(row) for row in cron.rows.values()} == widgets  # the same widgets, shown again
    assert all(row.isVisible() for row in cron.rows.values())
    assert cron.rows[other[0]].countdown.text() == "Paused"
    assert cron.rows[other[1]].countdown.text().startswith("in ")
    with qtbot.waitSignal(cron.runNow) as ran:
        cron.rows[other[5]].run_button.click()
    assert ran.args == [other[5]]
    assert not set(mine) & set(cron.rows)


def test_collapse_is_remembered_across_windows(qtbot, home: HermesHome, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    store.create("every 1h", "x")
    first = make_window(qtbot, home)
    wait_jobs(qtbot, first, 1)
    assert first.cron.expanded and first.cron.jobs_scroll.isVisible()
    qtbot.mouseClick(first.cron.toggle, Qt.MouseButton.LeftButton)
    assert not first.cron.expanded and not first.cron.jobs_scroll.isVisible()
    assert not first.cron.clock.isActive()  # no countdown timer while collapsed
    first.close()

    second = make_window(qtbot, home)
    wait_jobs(qtbot, second, 1)
    assert not second.cron.expanded and not second.cron.jobs_scroll.isVisible()


def test_rows_show_state_in_text_and_a_live_countdown(qtbot, home: HermesHome, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    soon = store.create("every 5m", "soon", name="soon")
    paused = store.create("every 5m", "p", name="paused one")
    store.pause(paused["id"])
    window = make_window(qtbot, home)
    wait_jobs(qtbot, window, 2)
    row = window.cron.rows[soon["id"]]
    assert row.countdown.text() in ("in 4 min", "in 5 min")
    assert "Scheduled" in row.toolTip() and "soon" in row.accessibleName()
    prow = window.cron.rows[paused["id"]]
    assert prow.countdown.text() == "Paused" and "Paused" in prow.accessibleName()
    assert window.cron.clock.isActive()


def test_the_countdown_clock_wakes_each_second_only_while_a_countdown_shows_seconds(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, store: JobStore) -> None:
    later = store.create("every 2h", "later", name="later")
    window = make_window(qtbot, home)
    wait_jobs(qtbot, window, 1)
    clock = window.cron.clock
    qtbot.waitUntil(lambda: clock.interval() > 1000)  # "in 2 h": it changes its words once a minute
    assert clock.isActive() and clock.interval() <= 60_030
    text = window.cron.rows[later["id"]].countdown.text()
    assert text.startswith("in 1 h") or text == "in 2 h"
    soon = store.create("every 1m", "soon", name="soon")  # counts down in seconds
    wait_jobs(qtbot, window, 2)
    qtbot.waitUntil(lambda: clock.interval() == 1000)
    store.remove(soon["id"])
    wait_jobs(qtbot, window, 1)
    qtbot.waitUntil(lambda: clock.interval() > 1000)


def test_hover_shows_run_now_and_manage(qtbot, home: HermesHome, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    job = store.create("every 5m", "x", name="hover me")
    window = make_window(qtbot, home)
    wait_jobs(qtbot, window, 1)
    row = window.cron.rows[job["id"]]
    assert not row.actions_shown() and row.countdown.isVisible()
    qtbot.mouseMove(row, QPoint(10, 5))
    row.enterEvent(None)  # offscreen has no real pointer: deliver the enter as Qt would
    assert row.actions_shown() and not row.countdown.isVisible()
    assert row.run_button.isVisible() and row.manage_button.isVisible()
    with qtbot.waitSignal(window.manageRequested) as manage:
        qtbot.mouseClick(row.manage_button, Qt.MouseButton.LeftButton)
    assert manage.args == [job["id"]]


def test_unchanged_refresh_emits_nothing(qtbot, home: HermesHome, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    store.create("every 5m", "x")
    window = make_window(qtbot, home)
    wait_jobs(qtbot, window, 1)
    model = window.jobs_model
    seen: list[str] = []
    for name in ("dataChanged", "rowsInserted", "rowsRemoved", "modelReset", "layoutChanged", "rowsMoved"):
        getattr(model, name).connect(lambda *a, n=name: seen.append(n))
    watcher = window.ctx.watcher
    with qtbot.waitSignal(watcher.refreshed):
        watcher.refresh(force=True)  # re-read the same file
    assert seen == []
    store.update(store.list_jobs()[0]["id"], name="renamed")
    qtbot.waitUntil(lambda: seen == ["dataChanged"])
    assert window.cron.rows[store.list_jobs()[0]["id"]].title_text == "renamed"


def test_job_added_by_another_process_appears(qtbot, home: HermesHome, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    store.create("every 5m", "x")
    window = make_window(qtbot, home)
    wait_jobs(qtbot, window, 1)
    subprocess.run([sys.executable, "-m", "hermes_desktop", "--home", str(home.root), "cron", "add", "every 2h",
                    "from the terminal", "--name", "outsider"], check=True, cwd=ROOT, capture_output=True)
    wait_jobs(qtbot, window, 2)  # the file watcher saw the atomic rename
    assert "outsider" in [window.jobs_model.index(r, 0).data() for r in range(2)]
    # …and a removal too
    subprocess.run([sys.executable, "-m", "hermes_desktop", "--home", str(home.root), "cron", "rm", "outsider"],
                   check=True, cwd=ROOT, capture_output=True)
    wait_jobs(qtbot, window, 1)


def test_unreadable_jobs_file_is_said_and_kept(qtbot, home: HermesHome, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    store.create("every 5m", "x")
    window = make_window(qtbot, home)
    wait_jobs(qtbot, window, 1)
    home.jobs_file.write_text("{ broken")
    qtbot.waitUntil(lambda: window.banner.isVisible() and "not valid JSON" in window.banner.text())
    assert window.jobs_model.rowCount() == 1  # the last good list stays on screen
    assert home.jobs_file.read_text() == "{ broken"


def test_peek_lists_runs_and_opens_a_transcript(qtbot, home: HermesHome, store: JobStore,  # type: ignore[no-untyped-def]
                                                 sessions: SessionStore) -> None:
    (home.scripts_dir / "hello.sh").write_text("echo 'hello **world**'")
    job = store.create("every 1h", script="hello.sh", no_agent=True, name="greeter")
    base = datetime(2026, 11, 20, 9, tzinfo=UTC)
    for i in range(7):
        run_job(home, job, sessions, Settings(), clock=lambda i=i: base + timedelta(hours=i))
    window = make_window(qtbot, home)
    wait_jobs(qtbot, window, 1)
    row = window.cron.rows[job["id"]]
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
    peek = window.cron.peek
    assert peek.isVisible() and peek.objectName() == "cronPeek"
    assert peek.model.rowCount() == 5  # the last five
    assert peek.timer.isActive()
    newest = peek.model.index(0, 0)
    assert "Succeeded" in newest.data()
    rect = peek.view.visualRect(newest)
    with qtbot.waitSignal(window.transcript.rendered) as shown:
        qtbot.mouseClick(peek.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.args == [newest.data(Role.Id)]
    assert "hello world" in window.transcript.browser.toPlainText()
    assert window.transcript.title.text().startswith("greeter · ")
    assert peek.view.currentIndex().row() == 0  # the run being shown is highlighted
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
    assert not peek.isVisible() and not peek.timer.isActive()


def test_a_giant_messages_start_goes_in_over_several_turns(qtbot, home: HermesHome,  # type: ignore[no-untyped-def]
                                                            sessions: SessionStore) -> None:
    """Its 20,000 characters laid out in one go held the window 40-60 ms (#12): they go in a piece a turn."""
    sessions._conn().execute("INSERT INTO sessions (id, source, started_at) VALUES ('giant', 'cli', 1.0)")
    lines = "\n".join(f"line {i} " + "y" * 70 for i in range(60_000))  # 5 MB of a script's output
    sessions._conn().execute("INSERT INTO messages (session_id, role, content, timestamp) "
                             "VALUES ('giant', 'assistant', ?, 2.0)", (lines,))
    window = make_window(qtbot, home)
    document = window.transcript.browser.document()
    seen: list[int] = []  # how much text the document held at each turn of the event loop
    probe = QTimer()
    probe.setInterval(0)
    probe.timeout.connect(lambda: seen.append(document.characterCount()))
    probe.start()
    with qtbot.waitSignal(window.transcript.rendered, timeout=10000):
        window.open_session("giant")
    probe.stop()
    assert len(set(seen) - {1}) >= 2  # the event loop turned while the text grew (1: an empty document)
    text = window.transcript.browser.toPlainText()
    assert text.startswith("Hermes\nline 0 yyy") and "\nline 200 yyy" in text and "line 300 " not in text
    assert text.rstrip().endswith("Show all")


def test_a_conversation_without_messages_opens_ready_for_a_reply(qtbot, home: HermesHome,  # type: ignore[no-untyped-def]
                                                                 sessions: SessionStore) -> None:
    """Nothing to lay out is still done: the composer leaves "Loading the conversation..." and can send."""
    sessions._conn().execute("INSERT INTO sessions (id, source, started_at) VALUES ('quiet', 'cli', 1.0)")
    window = make_window(qtbot, home)
    with qtbot.waitSignal(window.transcript.rendered, timeout=3000) as shown:
        window.open_session("quiet")
    assert shown.args == ["quiet"]
    browser = window.transcript.browser
    assert browser.toPlainText() == "" and browser.placeholderText() == "No messages yet."  # said, not blank
    composer = window.transcript.composer
    composer.input.setPlainText("hello")
    qtbot.waitUntil(lambda: composer.send.isEnabled() and composer.note.isHidden(), timeout=3000)
    add_chat(sessions, "talk", "cli", 2.0, "a question")
    with qtbot.waitSignal(window.transcript.rendered, timeout=3000):
        window.open_session("talk")
    assert "a question" in browser.toPlainText() and browser.placeholderText() == ""


def test_big_transcripts_render_in_slices_and_giant_messages_show_their_start(  # type: ignore[no-untyped-def]
    qtbot, home: HermesHome, sessions: SessionStore
) -> None:
    sessions._conn().execute("INSERT INTO sessions (id, source, started_at) VALUES ('big', 'cli', 1.0)")
    conn = sessions._conn()
    insert_many(sessions, "INSERT INTO messages (session_id, role, content, timestamp) VALUES ('big', ?, ?, ?)",
                [("user" if i % 2 else "assistant", f"message {i} with *some* markdown", float(i))
                 for i in range(5000)])
    giant = "START " + "x" * 5_000_000 + " THE END"  # a script's 5 MB output on one line
    conn.execute("INSERT INTO messages (session_id, role, content, timestamp) VALUES ('big', 'assistant', ?, 9e9)",
                 (giant,))
    giant_id = conn.execute("SELECT MAX(id) FROM messages").fetchone()[0]
    window = make_window(qtbot, home)
    turns = [0]
    probe = QTimer()
    probe.setInterval(0)
    probe.timeout.connect(lambda: turns.__setitem__(0, turns[0] + 1))
    probe.start()
    with qtbot.waitSignal(window.transcript.rendered, timeout=30000):
        window.open_session("big")
    probe.stop()
    assert turns[0] > 5  # the event loop kept turning while the transcript went in, slice by slice
    text = window.transcript.browser.toPlainText()
    assert "message 4999" in text and "START xxxx" in text and "Show all" in text
    assert "THE END" not in text and len(text) < 400_000  # only the giant's start was read and laid out
    whole = window.transcript.show_whole(giant_id)  # what the "Show all" link opens
    qtbot.addWidget(whole)
    with qtbot.waitSignal(whole.filled, timeout=30000):
        pass
    assert whole.view.toPlainText().replace("\n", "") == giant  # broken into lines only for display
    whole.copy.click()
    assert QApplication.clipboard().text() == giant


def test_ticker_thread_fires_a_job_and_the_model_shows_running_then_scheduled(  # type: ignore[no-untyped-def]
    qtbot, home: HermesHome, store: JobStore
) -> None:
    gate = home.root / "gate"
    (home.scripts_dir / "wait.sh").write_text(f"while [ ! -e {gate} ]; do sleep 0.05; done; echo done")
    job = store.create("every 1h", script="wait.sh", no_agent=True, name="gated")
    store.trigger(job["id"])
    window = make_window(qtbot, home, start_ticker=True)
    model = window.jobs_model
    qtbot.waitUntil(lambda: model.job(job["id"]) is not None
                    and model.state_of(model.job(job["id"])) == "running", timeout=10000)
    assert window.cron.rows[job["id"]].pip.state == "running"
    gate.touch()
    qtbot.waitUntil(lambda: model.state_of(model.job(job["id"])) == "scheduled"
                    and model.job(job["id"]).get("last_status") == "ok", timeout=10000)
    assert window.cron.rows[job["id"]].countdown.text().startswith("in ")


def test_run_now_from_the_sidebar_runs_the_job(qtbot, home: HermesHome, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    (home.scripts_dir / "quick.sh").write_text("echo quick")
    job = store.create("every 1d", script="quick.sh", no_agent=True, name="quick")
    window = make_window(qtbot, home, start_ticker=True)
    wait_jobs(qtbot, window, 1)
    row = window.cron.rows[job["id"]]
    row.enterEvent(None)  # hover
    qtbot.mouseClick(row.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.jobs_model.job(job["id"]).get("last_status") == "ok", timeout=10000)
    assert len(SessionStore(home.state_db).cron_runs(job["id"])) == 1


def test_closing_mid_run_stops_the_thread_cleanly(qtbot, home: HermesHome, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    (home.scripts_dir / "forever.sh").write_text("while true; do sleep 0.1; done")
    job = store.create("every 1h", script="forever.sh", no_agent=True, name="forever")
    store.trigger(job["id"])
    window = make_window(qtbot, home, start_ticker=True)
    model = window.jobs_model
    qtbot.waitUntil(lambda: model.job(job["id"]) is not None
                    and model.state_of(model.job(job["id"])) == "running", timeout=10000)
    ticker = window.ctx.ticker
    window.close()
    assert ticker.worker_thread.isFinished()
    rec = json.loads(home.jobs_file.read_text())["jobs"][0]
    assert rec["last_status"] == "error" and "app was closing" in rec["last_error"]
    assert rec["run_claim"] is None and rec["state"] == "error"


def test_geometry_and_splitter_are_restored(qtbot, home: HermesHome) -> None:  # type: ignore[no-untyped-def]
    first = make_window(qtbot, home)
    first.resize(700, 500)  # inside the 800x600 offscreen screen
    first.splitter.setSizes([300, 400])
    sizes = first.splitter.sizes()
    first.close()
    second = make_window(qtbot, home)
    assert second.size().width() == 700 and second.splitter.sizes() == sizes


def test_new_chats_appear_with_the_poll(qtbot, home: HermesHome, sessions: SessionStore) -> None:  # type: ignore[no-untyped-def]
    add_chat(sessions, "old", "cli", time.time() - 100, "old question")
    window = make_window(qtbot, home)
    model = window.sidebar.list.model()
    qtbot.waitUntil(lambda: model.index(0, 0).data(Role.Id) == "old", timeout=5000)
    inserted: list[int] = []
    model.rowsInserted.connect(lambda parent, first, last: inserted.append(first))
    add_chat(sessions, "new", "telegram", time.time(), "a new question from my phone")
    with qtbot.waitSignal(model.rowsInserted, timeout=5000):
        window.ctx.watcher.poll.timeout.emit()  # the 30 s poll, now
    qtbot.waitUntil(lambda: [model.index(r, 0).data(Role.Id) for r in range(model.rowCount())] == ["new", "old"],
                    timeout=5000)
    assert inserted == [0] and window.sidebar.count.text() == "2"


def test_status_bar_says_who_runs_the_jobs(qtbot, home: HermesHome, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    store.create("every 1h", "x", name="hourly")
    window = make_window(qtbot, home, start_ticker=True)
    wait_jobs(qtbot, window, 1)
    status, row = window.ticker_status, next(iter(window.cron.rows.values()))
    qtbot.waitUntil(lambda: status.isVisible() and "run while this window is open" in status.text())
    assert row.countdown.text().startswith("in ") and "not run" not in row.countdown.text()
    settings = window.dialogs.open_settings()
    qtbot.addWidget(settings)
    settings.run_jobs.setChecked(False)
    qtbot.waitUntil(lambda: "Nobody runs scheduled jobs now" in status.text())
    assert row.countdown.text().endswith(", not run")  # every countdown says its time comes and nothing runs


def test_countdown_clock_stops_while_minimized(qtbot, home: HermesHome, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    store.create("every 1h", "x")
    window = make_window(qtbot, home)
    wait_jobs(qtbot, window, 1)
    assert window.cron.clock.isActive() and window.ctx.watcher.poll.isActive()
    window.showMinimized()
    qtbot.waitUntil(lambda: not window.cron.clock.isActive())
    assert not window.ctx.watcher.poll.isActive()
    window.showNormal()
    qtbot.waitUntil(lambda: window.cron.clock.isActive())


def test_a_job_fires_when_it_is_due_not_at_the_next_minute(qtbot, home: HermesHome, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    (home.scripts_dir / "quick.sh").write_text("echo quick")
    soon = store.create("every 1h", script="quick.sh", no_agent=True, name="soon")
    later = store.create("every 1h", script="quick.sh", no_agent=True, name="later")
    due = datetime.now(UTC) + timedelta(seconds=2)
    store.mutate(lambda rs: next(r for r in rs if r["id"] == soon["id"]).update(next_run_at=due.isoformat()))
    window = make_window(qtbot, home, start_ticker=True)
    qtbot.waitUntil(lambda: (window.jobs_model.job(soon["id"]) or {}).get("last_status") == "ok", timeout=10000)
    (run,) = SessionStore(home.state_db).cron_runs(soon["id"])
    assert run.started_at - due.timestamp() < 5  # on time (the ticker used to look once a minute)
    store.trigger(later["id"])  # another program makes a job due while the window is open
    qtbot.waitUntil(lambda: (window.jobs_model.job(later["id"]) or {}).get("last_status") == "ok", timeout=10000)


def test_the_cron_header_sits_right_under_the_sessions_and_above_its_rows(qtbot, home: HermesHome,  # type: ignore[no-untyped-def]
                                                                          store: JobStore) -> None:
    for i in range(3):
        store.create("every 1h", f"job {i}", name=f"job {i}")
    window = make_window(qtbot, home)
    window.resize(1100, 720)
    wait_jobs(qtbot, window, 3)
    qtbot.waitUntil(lambda: len(window.cron.rows) == 3 and all(r.isVisible() for r in window.cron.rows.values()))
    sidebar, cron = window.sidebar, window.cron

    def top(w: QWidget) -> int:
        return w.mapTo(sidebar, w.rect().topLeft()).y()

    def bottom(w: QWidget) -> int:
        return w.mapTo(sidebar, w.rect().bottomLeft()).y()

    assert sidebar.empty.isVisible()  # no sessions: the hint, then the jobs right under it
    assert 0 <= top(cron.toggle) - bottom(sidebar.empty) < 24
    first_row = min(cron.rows.values(), key=top)
    assert 0 <= top(first_row) - bottom(cron.toggle) < 12  # no gap between the header and its rows


def test_rows_show_their_own_jobs_after_the_order_changes(qtbot, home: HermesHome, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    """A sync that only moves rows leaves their contents alone (#12) - and every row still shows its own job,
    including one whose record changed as it moved."""
    ids = [store.create(f"every {i + 1}h", f"job {i:02d}")["id"] for i in range(12)]
    window = make_window(qtbot, home)
    wait_jobs(qtbot, window, 12)
    cron = window.cron
    qtbot.waitUntil(lambda: len(cron.rows) == 12 and cron.order[0] == ids[0])
    store.update(ids[0], name="moved to the end", schedule="every 30h")
    window.ctx.watcher.refresh()
    qtbot.waitUntil(lambda: cron.order[-1] == ids[0])
    names = {job["id"]: job_title(job) for job in store.list_jobs()}
    assert [cron.rows[i].title.full for i in cron.order] == [names[i] for i in cron.order]
    assert cron.rows[ids[0]].title.full == "moved to the end"
    assert all(cron.rows[i].countdown.text().startswith("in ") for i in cron.order)


def chats_window(qtbot, home: HermesHome, sessions: SessionStore) -> MainWindow:  # type: ignore[no-untyped-def]
    """Three chats and 2,000 older ones; the newest shown and its row current, the list focused."""
    now = time.time()
    for i, question in enumerate(("alpha question", "bravo question", "charlie question")):
        add_chat(sessions, f"chat{i}", "cli", now - 3600 * (i + 1), question)
    insert_many(sessions, "INSERT INTO sessions (id, source, started_at, title) VALUES (?, 'cli', ?, ?)",
                [(f"old{i:04d}", float(i), f"old chat {i}") for i in range(2000)])
    window = make_window(qtbot, home)
    view = window.sidebar.list
    qtbot.waitUntil(lambda: view.model().index(0, 0).data(Role.Id) == "chat0", timeout=5000)
    view.setCurrentIndex(view.model().index(0, 0))
    with qtbot.waitSignal(window.transcript.rendered, timeout=3000):
        window.open_session("chat0")
    view.setFocus()
    return window


def count_reads(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The conversations the transcript is asked to read, in order."""
    asked: list[str] = []
    show = window.transcript.show_session

    def counted(session_id: str) -> None:
        asked.append(session_id)
        show(session_id)

    monkeypatch.setattr(window.transcript, "show_session", counted)
    return asked


def test_the_keys_that_move_through_the_chats_show_the_one_reached(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, sessions: SessionStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """As the cron window's list does: Down or End shows that chat, like a click; a row not read yet too."""
    window = chats_window(qtbot, home, sessions)
    view = window.sidebar.list
    with qtbot.waitSignal(window.transcript.rendered, timeout=3000) as shown:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert shown.args == ["chat1"] and "bravo question" in window.transcript.browser.toPlainText()
    monkeypatch.setattr(SessionsModel, "_request", lambda self, page: None)  # no more rows are read
    with qtbot.waitSignal(window.transcript.rendered, timeout=3000) as shown:
        qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.currentIndex().data() == "Loading…"  # the row itself was never read
    assert shown.args == ["old0000"] and window.transcript.title.text() == "old chat 0"


def test_rows_passed_over_with_the_keys_are_not_read(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, sessions: SessionStore, monkeypatch: pytest.MonkeyPatch) -> None:
    window = chats_window(qtbot, home, sessions)
    view = window.sidebar.list
    asked = count_reads(window, monkeypatch)
    with qtbot.waitSignal(window.transcript.rendered, timeout=3000) as shown:
        for _ in range(3):  # as fast as a held key
            qtbot.keyClick(view, Qt.Key.Key_Down)
    assert shown.args == ["old1999"] and asked == ["old1999"]
    qtbot.keyClick(view, Qt.Key.Key_Up)
    with qtbot.waitSignal(window.transcript.rendered, timeout=3000) as shown:
        qtbot.keyClick(view, Qt.Key.Key_Return)  # opens at once what the key had just reached
    with qtbot.assertNotEmitted(window.transcript.rendered, wait=300):
        pass
    assert shown.args == ["chat2"] and asked == ["old1999", "chat2"]


def test_moving_back_while_a_chat_is_read_shows_the_row_reached(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, sessions: SessionStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """Down asks for a chat that takes a while to read; Up before it arrives: the chat shown is the row's."""
    window = chats_window(qtbot, home, sessions)
    view = window.sidebar.list
    gate, read = threading.Event(), threading.Event()
    session = SessionStore.session

    def slow(store: SessionStore, session_id: str) -> object:
        if session_id == "chat1":
            gate.wait(5)
            read.set()
        return session(store, session_id)

    monkeypatch.setattr(SessionStore, "session", slow)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.transcript.wanted == "chat1", timeout=3000)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: window.transcript.wanted == "chat0", timeout=3000)
    with qtbot.waitSignal(window.transcript.rendered, timeout=3000) as shown:
        gate.set()
    qtbot.waitUntil(lambda: read.is_set() and window.ctx.tasks.pending() == 0, timeout=3000)
    assert shown.args == ["chat0"]
    assert window.transcript.session_id == view.currentIndex().data(Role.Id) == "chat0"


def test_letters_typed_into_the_sessions_list_search_the_chats(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, sessions: SessionStore) -> None:
    """Qt's own type-to-find read every row's text, which at 100,000 chats held the window for seconds."""
    window = chats_window(qtbot, home, sessions)
    view, field = window.sidebar.list, window.sidebar.search.field
    row = view.currentIndex().row()
    qtbot.keyClicks(view, "cha")
    assert field.text() == "cha" and field.hasFocus() and view.currentIndex().row() == row
