"""The run history as a list to scan, and the status strip of a job's last 20 runs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QColor

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.sessions import END_ERROR, END_MISSED, END_OK, SessionStore
from hermes_desktop.core.states import RunStatus
from hermes_desktop.ui.models import Role
from hermes_desktop.ui.pips import pip_colour
from hermes_desktop.ui.run_history import HistoryModel, HistoryRole, HowStarted, RunHistory
from hermes_desktop.ui.status_strip import StatusStrip
from hermes_desktop.ui.when import Part, local_text

JOB = "aaaaaaaaaaaa"
DAILY = {"kind": "cron", "expr": "0 9 * * *", "display": "0 9 * * *"}
UTC_ZONE = ZoneInfo("UTC")


@pytest.fixture
def sessions(home: HermesHome) -> Iterator[SessionStore]:
    s = SessionStore(home.state_db)
    yield s
    s.close()


def add_run(sessions: SessionStore, at: datetime, reason: str | None, seconds: float = 2.0,
            last: datetime | None = None) -> str:
    sid = sessions.create_cron_session(JOB, at.timestamp(), at.strftime("%Y%m%d_%H%M%S"))
    if reason == END_MISSED:
        sessions.end_session(sid, END_MISSED, ended_at=(last or at).timestamp())
    elif reason is not None:
        sessions.end_session(sid, reason, ended_at=at.timestamp() + seconds)
    return sid


def history(qtbot, sessions: SessionStore) -> RunHistory:  # type: ignore[no-untyped-def]
    view = RunHistory(sessions)
    qtbot.addWidget(view)
    view.runs.zone = lambda: UTC_ZONE
    view.runs.set_job(JOB, DAILY)
    view.resize(640, 400)
    view.show()
    return view


def test_each_run_shows_its_state_time_duration_and_how_it_started(  # type: ignore[no-untyped-def]
        qtbot, qtmodeltester, sessions: SessionStore) -> None:
    add_run(sessions, datetime(2026, 11, 23, 9, 0, 1, tzinfo=UTC), END_OK, 3.0)  # on schedule
    add_run(sessions, datetime(2026, 11, 23, 13, 37, tzinfo=UTC), END_ERROR, 75.0)  # nothing due: Run now
    add_run(sessions, datetime(2026, 11, 24, 9, 0, tzinfo=UTC), END_MISSED,
            last=datetime(2026, 11, 25, 9, 0, tzinfo=UTC))  # two days nothing ran
    add_run(sessions, datetime(2026, 11, 25, 11, 4, tzinfo=UTC), END_OK, 0.0)  # then one catch-up run
    add_run(sessions, datetime(2026, 11, 26, 9, 0, 2, tzinfo=UTC), None)  # still running
    view = history(qtbot, sessions)
    runs: HistoryModel = view.runs
    qtmodeltester.check(runs)
    rows = [runs.index(r, 0) for r in range(runs.rowCount())]
    assert [i.data(Role.Status) for i in rows] == [RunStatus.RUNNING, RunStatus.OK, RunStatus.MISSED,
                                                    RunStatus.ERROR, RunStatus.OK]
    assert [i.data(HistoryRole.How) for i in rows] == [HowStarted.SCHEDULE, HowStarted.CATCH_UP, HowStarted.MISSED,
                                                        HowStarted.RUN_NOW, HowStarted.SCHEDULE]
    assert all(not i.data(Qt.ItemDataRole.DecorationRole).isNull() for i in rows)  # the pip, per state
    started = datetime(2026, 11, 25, 11, 4, tzinfo=UTC)
    expected = QLocale(QLocale()).toString(QLocale().toDateTime("2026-11-25 11:04", "yyyy-MM-dd HH:mm"),
                                           QLocale.FormatType.ShortFormat)
    assert rows[1].data(HistoryRole.TimeText) == local_text(started, UTC_ZONE) == expected
    assert rows[3].data(HistoryRole.DurationText) == "1 min 15 s"
    assert rows[4].data(Qt.ItemDataRole.DisplayRole) == (
        f"{local_text(datetime(2026, 11, 23, 9, 0, 1, tzinfo=UTC), UTC_ZONE)} · Succeeded · 3.0 s · Scheduled")
    assert "2 runs missed" in rows[2].data(Qt.ItemDataRole.DisplayRole)  # the span row, as before
    assert "Run now" in rows[3].data(Qt.ItemDataRole.ToolTipRole)


def test_one_click_opens_the_run(qtbot, sessions: SessionStore) -> None:  # type: ignore[no-untyped-def]
    add_run(sessions, datetime(2026, 11, 24, 9, 0, tzinfo=UTC), END_OK)
    newest = add_run(sessions, datetime(2026, 11, 25, 9, 0, tzinfo=UTC), END_ERROR)
    view = history(qtbot, sessions)
    rect = view.visualRect(view.runs.index(0, 0))
    with qtbot.waitSignal(view.openRun) as opened:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [newest]


# --------------------------------------------------------------------------- the status strip


def strip_of(qtbot, sessions: SessionStore) -> tuple[StatusStrip, list[str], RunHistory]:  # type: ignore[no-untyped-def]
    ids = []
    for day in range(25):  # oldest first; every fourth one failed
        at = datetime(2026, 10, 1 + day, 9, 0, tzinfo=UTC)
        ids.append(add_run(sessions, at, END_ERROR if day % 4 == 3 else END_OK))
    view = history(qtbot, sessions)
    strip = StatusStrip(view.runs)
    qtbot.addWidget(strip)
    strip.show()
    return strip, ids, view  # the view owns the model: kept alive by the caller


def test_the_strip_shows_the_20_newest_runs_oldest_left(qtbot, sessions: SessionStore) -> None:  # type: ignore[no-untyped-def]
    strip, ids, _view = strip_of(qtbot, sessions)
    assert [run.id for run in strip.cells()] == ids[-20:]
    image = strip.grab().toImage()
    ratio = strip.devicePixelRatioF()
    for i, run in enumerate(strip.cells()):
        rect = strip.cell_rect(i)
        probe = QPoint(rect.center().x(), rect.top() + 3)  # above the failure's bar
        colour = QColor(image.pixel(int(probe.x() * ratio), int(probe.y() * ratio)))
        assert colour.name() == pip_colour(run.status).name(), (i, run.status)
    assert {run.status for run in strip.cells()} == {RunStatus.OK, RunStatus.ERROR}
    newest = datetime(2026, 10, 25, 9, 0, tzinfo=UTC)
    assert strip.tooltip(19) == f"{local_text(newest, UTC_ZONE, Part.DATE_TIME)} · Succeeded"
    assert strip.tooltip(18).endswith("Failed")  # Oct 24: the 24th run, a fourth one
    assert strip.accessibleName() and "5 failed" in strip.accessibleDescription()


def test_the_strip_opens_a_run_by_click_and_by_keyboard(qtbot, sessions: SessionStore) -> None:  # type: ignore[no-untyped-def]
    strip, ids, _view = strip_of(qtbot, sessions)
    with qtbot.waitSignal(strip.openRun) as opened:
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=strip.cell_rect(19).center())
    assert opened.args == [ids[-1]]
    assert strip.focusPolicy() & Qt.FocusPolicy.TabFocus
    strip.setFocus()
    qtbot.keyClick(strip, Qt.Key.Key_Home)
    qtbot.keyClick(strip, Qt.Key.Key_Right)
    assert strip.current == 1
    assert strip.tooltip(1) in strip.accessibleDescription()  # what a screen reader says of the focused cell
    with qtbot.waitSignal(strip.openRun) as opened:
        qtbot.keyClick(strip, Qt.Key.Key_Return)
    assert opened.args == [ids[-19]]
    qtbot.keyClick(strip, Qt.Key.Key_End)
    qtbot.keyClick(strip, Qt.Key.Key_Right)  # stays on the newest
    assert strip.current == 19
