"""Missed runs: their own rows, state and words in the run history, the peek and the detail pane; a missed
one-shot raises the same desktop notification as a failed run."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QListView, QSystemTrayIcon

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.missed import MissedSpan
from hermes_desktop.core.sessions import END_ERROR, END_MISSED, END_OK, SessionStore
from hermes_desktop.i18n import install_translators
from hermes_desktop.l10n import missed_text
from hermes_desktop.ui.app import create_main_window
from hermes_desktop.ui.main_window import MainWindow
from hermes_desktop.ui.models import Role, RunsModel

NOW = datetime(2026, 11, 25, 12, 30, tzinfo=UTC)
AT = "\u202f"  # Qt's en_US short time puts a narrow no-break space before AM/PM
EVERY_15 = {"kind": "interval", "minutes": 15}


@pytest.fixture
def sessions(home: HermesHome) -> Iterator[SessionStore]:
    s = SessionStore(home.state_db)
    yield s
    s.close()


def add_run(sessions: SessionStore, job_id: str, at: datetime, reason: str = END_OK, text: str = "done") -> str:
    sid = sessions.create_cron_session(job_id, at.timestamp(), at.strftime("%Y%m%d_%H%M%S"))
    sessions.append_message(sid, "assistant", text, at.timestamp())
    sessions.end_session(sid, reason, ended_at=at.timestamp() + 2)
    return sid


def add_missed(sessions: SessionStore, job_id: str, first: datetime, last: datetime,
               text: str = "These runs were missed: nothing was ticking.") -> str:
    """A missed-runs row as the ticker records it: the first missed occurrence to the last, one system message."""
    sid = sessions.create_cron_session(job_id, first.timestamp(), first.strftime("%Y%m%d_%H%M%S"))
    sessions.append_message(sid, "system", text, first.timestamp())
    sessions.end_session(sid, END_MISSED, ended_at=last.timestamp())
    return sid


def make_window(qtbot, home: HermesHome, start_ticker: bool = False) -> MainWindow:  # type: ignore[no-untyped-def]
    window = create_main_window(home, start_ticker=start_ticker)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def pip_colour(index: QModelIndex) -> QColor:
    icon = index.data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon) and not icon.isNull()
    image = icon.pixmap(12, 12).toImage()
    for y in range(image.height()):  # the first opaque pixel: the dot, or the ring's edge
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if colour.alpha() == 255:
                return colour
    raise AssertionError("the pip is empty")


# --------------------------------------------------------------------------- words


def test_missed_runs_read_in_plain_words_with_dates_only_when_not_today() -> None:
    ten, noon = NOW.replace(hour=10, minute=0), NOW.replace(hour=12, minute=0)
    assert missed_text(MissedSpan(1, ten, ten), False, NOW, UTC) == f"Missed run at 10:00{AT}AM"
    assert missed_text(MissedSpan(1, ten, ten), True, NOW, UTC) == f"Missed — was due 10:00{AT}AM"
    assert missed_text(MissedSpan(9, ten, noon), False, NOW, UTC) == f"9 runs missed, 10:00{AT}AM–12:00{AT}PM"
    day = timedelta(days=1)
    assert missed_text(MissedSpan(9, ten - day, noon - day), False, NOW, UTC) == (
        f"9 runs missed, 11/24/26 10:00{AT}AM–12:00{AT}PM")
    late, early = NOW.replace(day=24, hour=23, minute=0), NOW.replace(hour=1, minute=0)
    assert missed_text(MissedSpan(3, late, early), False, NOW, UTC) == (
        f"3 runs missed, 11/24/26 11:00{AT}PM–11/25/26 1:00{AT}AM")
    assert missed_text(MissedSpan(1, ten - day, ten - day), True, NOW, UTC) == (
        f"Missed — was due 11/24/26 10:00{AT}AM")


@pytest.mark.parametrize(("code", "many", "one_shot"), [
    ("ja", "10:00〜12:00 の 9 回の実行が行われませんでした", "未実行 — 10:00 に実行予定でした"),
    ("zh_Hans", "已错过 9 次运行（10:00 至 12:00）", "已错过 — 原定于 10:00 运行"),
    ("zh_Hant", "已錯過 9 次執行（上午10:00 至 下午12:00）", "已錯過 — 原定於 上午10:00 執行"),
])
def test_missed_words_in_each_language(qapp: QApplication, code: str, many: str, one_shot: str) -> None:
    install_translators(qapp, code)
    ten, noon = NOW.replace(hour=10, minute=0), NOW.replace(hour=12, minute=0)
    assert missed_text(MissedSpan(9, ten, noon), False, NOW, UTC) == many
    assert missed_text(MissedSpan(1, ten, ten), True, NOW, UTC) == one_shot


# --------------------------------------------------------------------------- the model


def test_runs_model_shows_a_missed_row_as_its_own_state(qtmodeltester, home: HermesHome,  # type: ignore[no-untyped-def]
                                                         sessions: SessionStore) -> None:
    day = datetime(2026, 11, 20, tzinfo=UTC)
    add_run(sessions, "aaaaaaaaaaaa", day.replace(hour=9, minute=45))
    add_run(sessions, "aaaaaaaaaaaa", day.replace(hour=9, minute=50), END_ERROR, "boom")
    add_missed(sessions, "aaaaaaaaaaaa", day.replace(hour=10), day.replace(hour=12))
    model = RunsModel(sessions)
    model.set_job("aaaaaaaaaaaa", EVERY_15)
    qtmodeltester.check(model)
    missed, failed, ok = (model.index(r, 0) for r in range(3))
    assert missed.data(Role.Status) == "missed"
    text = missed.data()
    assert text.startswith("9 runs missed, ") and "10:00" in text and "12:00" in text
    assert "Succeeded" not in text and "7200" not in text  # no outcome, no duration
    assert missed.data(Qt.ItemDataRole.AccessibleTextRole) == text
    assert "Succeeded" in ok.data() and "Failed" in failed.data()
    colours = {pip_colour(i).name() for i in (missed, failed, ok)}
    assert len(colours) == 3  # its own pip, besides its own words

    model.set_job("aaaaaaaaaaaa", {"kind": "once", "run_at": "2026-11-20T10:00:00+00:00"})
    assert model.index(0, 0).data().startswith("Missed — was due ")


def test_cron_spans_are_counted_off_the_gui_thread(qtbot, home: HermesHome,  # type: ignore[no-untyped-def]
                                                   sessions: SessionStore) -> None:
    day = datetime(2026, 11, 20, tzinfo=UTC)
    add_missed(sessions, "bbbbbbbbbbbb", day.replace(hour=10), day.replace(hour=12))
    queued: list[tuple[Callable[[], Any], Callable[[Any, str], None]]] = []
    model = RunsModel(sessions, submit=lambda fn, done: queued.append((fn, done)) or len(queued))
    model.set_job("bbbbbbbbbbbb", {"kind": "cron", "expr": "0 * * * *"})
    first = model.index(0, 0).data()
    assert len(queued) == 1  # counting cron occurrences is work for the task thread
    assert first.startswith("Missed · ") and "missed," not in first  # until then: the state and the span
    fn, done = queued.pop()
    with qtbot.waitSignal(model.dataChanged) as changed:
        done(fn(), None)
    assert changed.args[0].row() == 0
    assert model.index(0, 0).data().startswith("3 runs missed, ")
    model.index(0, 0).data()
    assert queued == []  # counted once


# --------------------------------------------------------------------------- the views


def test_peek_shows_the_missed_row_and_opens_its_transcript(qtbot, home: HermesHome, store: JobStore,  # type: ignore[no-untyped-def]
                                                             sessions: SessionStore) -> None:
    job = store.create("every 15m", "x", name="often")
    day = datetime(2026, 11, 20, tzinfo=UTC)
    add_run(sessions, job["id"], day.replace(hour=9, minute=45))
    sid = add_missed(sessions, job["id"], day.replace(hour=10), day.replace(hour=12),
                     "9 scheduled runs were missed while nothing was ticking.")
    window = make_window(qtbot, home)
    qtbot.waitUntil(lambda: job["id"] in window.cron.rows)
    qtbot.mouseClick(window.cron.rows[job["id"]], Qt.MouseButton.LeftButton)
    peek = window.cron.peek
    newest = peek.model.index(0, 0)
    assert newest.data().startswith("9 runs missed, ") and newest.data(Role.Status) == "missed"
    assert "Succeeded" in peek.model.index(1, 0).data()
    with qtbot.waitSignal(window.transcript.rendered) as shown:
        qtbot.mouseClick(peek.view.viewport(), Qt.MouseButton.LeftButton, pos=peek.view.visualRect(newest).center())
    assert shown.args == [sid]
    assert "9 scheduled runs were missed" in window.transcript.browser.toPlainText()


def test_detail_pane_lists_the_miss_and_mentions_it_under_last_run(qtbot, home: HermesHome,  # type: ignore[no-untyped-def]
                                                                    store: JobStore, sessions: SessionStore) -> None:
    job = store.create("every 15m", "x", name="often")
    day = datetime(2026, 11, 20, tzinfo=UTC)
    add_run(sessions, job["id"], day.replace(hour=9, minute=45))
    sid = add_missed(sessions, job["id"], day.replace(hour=10), day.replace(hour=12))
    window = make_window(qtbot, home)
    qtbot.waitUntil(lambda: window.jobs_model.rowCount() == 1)
    m = window.dialogs.open_manage(job["id"])
    qtbot.addWidget(m)
    history = m.findChild(QListView, "runHistory")
    runs = history.model()
    words = runs.index(0, 0).data()
    assert words.startswith("9 runs missed, ")
    assert words in m.detail.facts.text()  # the newest thing that happened is the miss: said under "Last run"
    with qtbot.waitSignal(window.transcript.rendered) as shown:
        history.activated.emit(runs.index(0, 0))
    assert shown.args == [sid]

    add_run(sessions, job["id"], day.replace(hour=12, minute=15))  # a run after the miss
    runs.refresh()
    qtbot.waitUntil(lambda: "runs missed" not in m.detail.facts.text())


def test_missed_one_shot_says_when_it_was_due_not_that_it_failed(qtbot, home: HermesHome,  # type: ignore[no-untyped-def]
                                                                  store: JobStore, sessions: SessionStore) -> None:
    yesterday = datetime.now(UTC) - timedelta(days=1)
    job = JobStore(home, clock=lambda: yesterday).create("in 10m", "remind me", name="once-off")
    due = datetime.fromisoformat(store.get(job["id"])["schedule"]["run_at"])

    def expire(records: list[Any]) -> None:  # as a tick finds it, more than 120 s late
        records[0].update(state="error", enabled=False, next_run_at=None, last_status="error",
                          last_error=f"Missed: this one-shot was due {due.isoformat()} and was more than 120 s late.")

    store.mutate(expire)
    add_missed(sessions, job["id"], due, due)
    window = make_window(qtbot, home)
    qtbot.waitUntil(lambda: window.jobs_model.rowCount() == 1)
    m = window.dialogs.open_manage(job["id"])
    qtbot.addWidget(m)
    row = m.detail.history.model().index(0, 0).data()
    assert row.startswith("Missed — was due ")
    assert row in m.detail.facts.text()
    banner = m.detail.error_banner
    assert banner.isVisible() and "failed" not in banner.text() and due.isoformat() not in banner.text()
    assert banner.text().startswith("This one-shot did not run: it was due ")


# --------------------------------------------------------------------------- notifications


class FakeTray:
    def __init__(self) -> None:
        self.messages: list[tuple[str, str, QSystemTrayIcon.MessageIcon]] = []

    def showMessage(self, title: str, body: str, icon: QSystemTrayIcon.MessageIcon, msecs: int) -> None:
        self.messages.append((title, body, icon))


def test_a_missed_one_shot_raises_the_failure_notification(qtbot, home: HermesHome) -> None:  # type: ignore[no-untyped-def]
    past = datetime.now(UTC) - timedelta(minutes=30)
    job = JobStore(home, clock=lambda: past).create("in 10m", "remind me", name="once-off")  # due 20 min ago
    window = create_main_window(home, start_ticker=True)
    qtbot.addWidget(window)
    tray = FakeTray()
    notifier = window.ctx.notifier
    notifier.tray_factory = lambda: tray  # the queued tick report has not been delivered yet
    with qtbot.waitSignal(notifier.shown, timeout=10000) as shown:
        window.show()
    title, body = shown.args
    assert title == "Cron job missed: once-off"
    assert body.startswith("It was due ") and "did not run" in body
    assert tray.messages == [(title, body, QSystemTrayIcon.MessageIcon.Warning)]
    assert JobStore(home).get(job["id"])["state"] == "error"


def test_a_failed_run_raises_a_notification(qtbot, home: HermesHome, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    (home.scripts_dir / "fail.sh").write_text("echo 'broken pipe' >&2; exit 3")
    job = store.create("every 1h", script="fail.sh", no_agent=True, name="flaky")
    store.trigger(job["id"])
    window = create_main_window(home, start_ticker=True)
    qtbot.addWidget(window)
    tray = FakeTray()
    notifier = window.ctx.notifier
    notifier.tray_factory = lambda: tray
    with qtbot.waitSignal(notifier.shown, timeout=10000) as shown:
        window.show()
    assert shown.args[0] == "Cron job failed: flaky"
    assert tray.messages and tray.messages[0][0] == "Cron job failed: flaky"


def test_no_tray_no_crash(qtbot, home: HermesHome) -> None:  # type: ignore[no-untyped-def]
    """Offscreen (and on desktops without a tray) the notice is still reported, and nothing is shown."""
    window = make_window(qtbot, home)
    notifier = window.ctx.notifier
    with qtbot.waitSignal(notifier.shown):
        notifier.warn("title", "body")
    assert notifier.tray is None
