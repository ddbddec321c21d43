"""The upcoming runs: grouped by day, DST shifts marked, paused greyed, frequent jobs collapsed, bounded, off-thread."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QThread

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.schedule import fire_times
from hermes_desktop.core.sessions import END_ERROR, END_OK, SessionStore
from hermes_desktop.ui import agenda as agenda_module
from hermes_desktop.ui.agenda import HEADER, MORE, AgendaModel, AgendaPanel, AgendaRole, build_agenda
from hermes_desktop.ui.main_window import MainWindow
from hermes_desktop.ui.models import CronJobsModel
from hermes_desktop.ui.when import Part, local_text
from hermes_desktop.ui.workers import TaskRunner

NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")


def job(n: int, schedule: dict[str, Any], state: str = "scheduled", next_run: str | None = None,
        **extra: Any) -> dict[str, Any]:
    return {"id": f"{n:012x}", "name": f"job {n}", "prompt": "p", "schedule": schedule, "state": state,
            "enabled": state != "paused", "next_run_at": next_run, **extra}


def cron(expr: str) -> dict[str, Any]:
    return {"kind": "cron", "expr": expr, "display": expr}


def rows_of(model: AgendaModel) -> list[tuple[str, Any]]:
    out = []
    for r in range(model.rowCount()):
        i = model.index(r, 0)
        out.append((i.data(AgendaRole.Kind), i.data(Qt.ItemDataRole.DisplayRole)))
    return out


def test_fire_times_keeps_an_interval_grid_and_a_window() -> None:
    start = datetime(2026, 3, 6, 12, 0, tzinfo=UTC)
    grid = fire_times({"kind": "interval", "minutes": 30}, start, start + timedelta(hours=2),
                      first=datetime(2026, 3, 6, 10, 10, tzinfo=UTC))  # stale: moved on, on its grid
    assert [o.at.strftime("%H:%M") for o in grid] == ["12:10", "12:40", "13:10", "13:40"]
    daily = fire_times(cron("0 9 * * *"), start, start + timedelta(days=3), NEW_YORK)
    assert [o.at.astimezone(NEW_YORK).strftime("%d %H:%M") for o in daily] == ["06 09:00", "07 09:00", "08 09:00"]


def test_runs_are_grouped_by_day_and_a_dst_shift_is_marked(qapp) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2026, 3, 6, 12, 0, tzinfo=UTC)  # Friday 07:00 in New York; clocks go forward Sunday 8 March
    agenda = build_agenda([job(1, cron("0 9 * * *"))], now, timedelta(days=7), NEW_YORK)
    days = [d for d, _ in agenda.days]
    assert days == [date(2026, 3, 6) + timedelta(days=i) for i in range(7)]
    shifted = [e.first.astimezone(NEW_YORK).date() for _, es in agenda.days for e in es if e.shift]
    assert shifted == [date(2026, 3, 8)]  # 09:00 EDT after 09:00 EST: the first run after the change
    assert all(e.first.astimezone(NEW_YORK).hour == 9 for _, es in agenda.days for e in es)
    model = AgendaModel()
    model.set_agenda(agenda, NEW_YORK, now)
    rows = rows_of(model)
    headers = [text for kind, text in rows if kind == HEADER]
    assert headers[:3] == ["Today", "Tomorrow", local_text(date(2026, 3, 8), NEW_YORK, Part.DAY)]
    sunday = model.index(rows.index((HEADER, headers[2])) + 1, 0)
    assert sunday.data(AgendaRole.Dst) and "DST" in sunday.data()
    assert "UTC−05:00 to UTC−04:00" in sunday.data(Qt.ItemDataRole.ToolTipRole)
    assert f"{local_text(datetime(2026, 3, 8, 13, 0, tzinfo=UTC), NEW_YORK, Part.TIME)} · job 1" in sunday.data()


def test_a_time_the_spring_change_skips_is_marked_in_berlin(qapp) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)
    agenda = build_agenda([job(1, cron("30 2 * * *"))], now, timedelta(days=7), BERLIN)
    runs = [e for _, es in agenda.days for e in es]
    moved = [e for e in runs if e.shift]
    assert len(moved) == 1 and moved[0].first.astimezone(BERLIN).date() == date(2026, 3, 29)
    assert moved[0].shift == (timedelta(hours=1), timedelta(hours=2))


def test_paused_jobs_are_shown_greyed_and_every_minute_jobs_collapse_per_day(qapp) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2026, 11, 26, 0, 0, tzinfo=UTC)
    jobs = [job(1, cron("0 9 * * *"), state="paused"),
            job(2, {"kind": "interval", "minutes": 1, "display": "every 1m"}, next_run="2026-11-26T00:01:00+00:00"),
            job(3, cron("0 10 * * *"), state="completed")]
    agenda = build_agenda(jobs, now, timedelta(days=7), UTC)
    runs = [e for _, es in agenda.days for e in es]
    paused = [e for e in runs if e.job_id == jobs[0]["id"]]
    assert len(paused) == 7 and all(e.paused for e in paused)
    minute = [e for e in runs if e.job_id == jobs[1]["id"]]
    assert len(minute) == 7 and sum(e.count for e in minute) == 7 * 1440 - 1  # from 00:01, every minute, for 7 days
    assert not [e for e in runs if e.job_id == jobs[2]["id"]]  # a completed job runs no more
    model = AgendaModel()
    model.set_agenda(agenda, UTC, now)
    texts = [model.index(r, 0) for r in range(model.rowCount())]
    paused_row = next(i for i in texts if i.data(AgendaRole.Paused))
    assert "paused" in paused_row.data() and "Paused" in paused_row.data(Qt.ItemDataRole.ToolTipRole)
    collapsed = next(i for i in texts if i.data(AgendaRole.JobId) == jobs[1]["id"])
    assert "Every 1 minute · 1439 runs" in collapsed.data()  # one row for the day, not 1,439 ("runs": no "(s)")


def test_the_agenda_is_capped_with_an_and_more_line(qapp) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2026, 11, 26, 0, 0, tzinfo=UTC)
    jobs = [job(n, cron(f"{n % 60} {n // 60 % 24} * * *")) for n in range(600)]
    agenda = build_agenda(jobs, now, timedelta(hours=24), UTC)
    assert sum(len(es) for _, es in agenda.days) == 500 and agenda.more == 100
    model = AgendaModel()
    model.set_agenda(agenda, UTC, now)
    last = model.index(model.rowCount() - 1, 0)
    assert last.data(AgendaRole.Kind) == MORE and last.data() == "and 100 more"


@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.stop()


def test_the_panel_works_it_out_off_the_gui_thread_and_opens_a_job(  # type: ignore[no-untyped-def]
        qtbot, tasks: TaskRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[QThread] = []
    real = agenda_module.upcoming_runs

    def spy(*args: Any) -> Any:
        threads.append(QThread.currentThread())
        return real(*args)

    monkeypatch.setattr(agenda_module, "upcoming_runs", spy)
    model = CronJobsModel()
    model.zone = NEW_YORK
    now = datetime(2026, 3, 6, 12, 0, tzinfo=UTC)
    model.apply([job(n, cron("0 9 * * *")) for n in range(450)])
    panel = AgendaPanel(model, tasks.submit, clock=lambda: now)
    qtbot.addWidget(panel)
    panel.resize(600, 500)
    panel.show()
    assert panel.model.rowCount() == 0  # asked for, not worked out here
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    assert threads and all(t is not qapp_thread() for t in threads)
    with qtbot.waitSignal(panel.computed):
        panel.range_buttons["week"].click()
    assert panel.model.agenda.more == 450 * 7 - 500
    first_run = panel.model.index(1, 0)
    with qtbot.waitSignal(panel.openJob) as opened:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=panel.view.visualRect(first_run).center())
    assert opened.args == [first_run.data(AgendaRole.JobId)]


def qapp_thread() -> QThread:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().thread()  # type: ignore[union-attr]


def test_today_summary_counts_todays_runs_and_names_the_next(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, tasks: TaskRunner) -> None:
    store = JobStore(home)
    sessions = SessionStore(home.state_db)
    now = datetime.now(UTC).replace(microsecond=0)
    brief = store.create("every 1h", "p", name="Morning brief")
    quiet = store.create("every 1h", "p", name="Quiet")
    midnight = datetime.combine(now.date(), datetime.min.time(), UTC)
    for i, reason in enumerate((END_OK, END_OK, END_ERROR)):
        at = max(midnight, now - timedelta(minutes=10)) + timedelta(seconds=i)
        sid = sessions.create_cron_session(brief["id"], at.timestamp(), at.strftime("%Y%m%d_%H%M%S"))
        sessions.end_session(sid, reason, at.timestamp() + 1)
    yesterday = midnight - timedelta(hours=2)
    sid = sessions.create_cron_session(quiet["id"], yesterday.timestamp(), yesterday.strftime("%Y%m%d_%H%M%S"))
    sessions.end_session(sid, END_OK, yesterday.timestamp() + 1)
    store.record_run(brief["id"], ok=False, error="x", ran_at=now)
    store.record_run(quiet["id"], ok=True, ran_at=yesterday)
    model = CronJobsModel()
    model.zone = UTC
    model.apply(store.list_jobs() if hasattr(store, "list_jobs") else store.load())
    panel = AgendaPanel(model, tasks.submit, lambda: sessions, clock=lambda: now)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.today is not None)
    assert (panel.today.ran, panel.today.failed) == (3, 1)
    assert panel.summary.text().startswith("Today: 3 ran, 1 failed · next: ")
    sessions.close()


def test_the_main_windows_empty_page_shows_the_agenda_and_keeps_the_hint(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, store: JobStore) -> None:
    transcript = window.transcript
    hint = transcript.findChild(object, "transcriptEmpty")
    assert hint is not None and hint.isVisible()
    agenda = transcript.findChild(AgendaPanel)
    assert agenda is not None and not agenda.isVisible()  # no jobs: just the hint
    made = store.create("every 1h", "p", name="Hourly")
    window.ctx.watcher.refresh(force=True)
    qtbot.waitUntil(lambda: agenda.isVisible() and agenda.model.rowCount() > 0)
    assert hint.isVisible() and transcript.stack.currentWidget() is transcript.empty
    row = next(agenda.model.index(r, 0) for r in range(agenda.model.rowCount())
               if agenda.model.index(r, 0).data(AgendaRole.JobId))
    with qtbot.waitSignal(window.manageRequested) as asked:
        agenda.view.clicked.emit(row)
    assert asked.args == [made["id"]]


def test_the_cron_window_shows_upcoming_runs_and_a_click_selects_that_job(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, store: JobStore) -> None:
    store.create("every 1h", "a", name="alpha")
    later = store.create("0 9 * * *", "b", name="beta")
    qtbot.waitUntil(lambda: window.jobs_model.rowCount() == 2)
    m = window.dialogs.open_manage("")
    qtbot.addWidget(m)
    assert m.right.currentWidget() is m.detail
    m.upcoming.click()
    assert m.right.currentWidget() is m.agenda
    qtbot.waitUntil(lambda: m.agenda.model.rowCount() > 0)
    row = next(m.agenda.model.index(r, 0) for r in range(m.agenda.model.rowCount())
               if m.agenda.model.index(r, 0).data(AgendaRole.JobId) == later["id"])
    m.agenda.view.clicked.emit(row)
    assert not m.upcoming.isChecked() and m.right.currentWidget() is m.detail
    qtbot.waitUntil(lambda: m.current_id() == later["id"])


def test_a_later_refresh_reuses_the_search_and_counts_from_the_new_now(  # type: ignore[no-untyped-def]
        qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    searches: list[str] = []
    real = agenda_module.upcoming_runs

    def spy(job: dict[str, Any], *args: Any) -> Any:
        searches.append(job["id"])
        return real(job, *args)

    monkeypatch.setattr(agenda_module, "upcoming_runs", spy)
    now = datetime(2026, 11, 26, 0, 0, 30, tzinfo=UTC)
    jobs = [job(1, {"kind": "interval", "minutes": 1, "display": "every 1m"}, next_run="2026-11-26T00:01:00+00:00")]
    cache: dict[str, Any] = {}

    def today(at: datetime) -> agenda_module.AgendaEntry:
        work = agenda_module.AgendaWork(jobs, at, timedelta(hours=24), UTC, cache)
        while not work.step():
            pass
        return work.finish()[0].days[0][1][0]

    first = today(now)
    later = today(now + timedelta(minutes=10))
    assert searches == [jobs[0]["id"]]  # the second refresh searched nothing
    assert (first.count, later.count) == (1439, 1429)  # 00:01 … 23:59, then 00:11 … 23:59
    assert later.first == datetime(2026, 11, 26, 0, 11, tzinfo=UTC)


def test_a_large_agenda_drops_runs_that_are_over_each_minute_and_is_worked_out_again_every_few(  # type: ignore[no-untyped-def]
        qtbot, tasks: TaskRunner) -> None:
    model = CronJobsModel()
    model.zone = UTC
    clock = [datetime(2026, 3, 6, 12, 0, 30, tzinfo=UTC)]
    model.apply([job(n, cron("*/5 * * * *"), next_run="2026-03-06T12:05:00+00:00") for n in range(3)])
    panel = AgendaPanel(model, tasks.submit, clock=lambda: clock[0])
    qtbot.addWidget(panel)
    panel.resize(600, 500)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0 and not panel.busy)

    def first_run() -> datetime:
        return next(e.first for _day, entries in panel.model.agenda.days for e in entries)

    assert first_run() == datetime(2026, 3, 6, 12, 5, tzinfo=UTC)
    panel.cost = 5.0  # as if it took seconds (thousands of jobs)
    whole: list[int] = []
    panel.computed.connect(lambda: whole.append(1))
    clock[0] += timedelta(minutes=7)
    panel._tick.timeout.emit()
    # only the jobs whose rows had begun are worked out again: the runs that are over leave the top
    qtbot.waitUntil(lambda: first_run() == datetime(2026, 3, 6, 12, 10, tzinfo=UTC))
    assert not whole
    day = panel.model.agenda.days[0][1]
    assert [(e.first, e.count) for e in day] == [(datetime(2026, 3, 6, 12, 10, tzinfo=UTC), 142)] * 3  # 12:10 … 23:55
    clock[0] += timedelta(minutes=10)
    with qtbot.waitSignal(panel.computed):  # every ten minutes it is worked out again all the same
        panel._tick.timeout.emit()
    assert first_run() == datetime(2026, 3, 6, 12, 20, tzinfo=UTC)


def test_a_large_agenda_works_out_again_only_the_job_that_changed(qtbot, tasks: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    model = CronJobsModel()
    model.zone = UTC
    now = datetime(2026, 3, 6, 12, 0, 30, tzinfo=UTC)
    jobs = [job(n, cron("*/5 * * * *"), next_run="2026-03-06T12:05:00+00:00") for n in range(3)]
    model.apply(jobs)
    panel = AgendaPanel(model, tasks.submit, clock=lambda: now)
    qtbot.addWidget(panel)
    panel.resize(600, 500)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0 and not panel.busy)
    panel.cost = 5.0  # as if it took seconds (thousands of jobs)
    whole: list[int] = []
    panel.computed.connect(lambda: whole.append(1))

    def counts() -> dict[str, int]:
        return {e.job_id: e.count for _day, entries in panel.model.agenda.days for e in entries}

    before = counts()
    assert len(set(before.values())) == 1  # three jobs, alike
    changed = dict(jobs[1], schedule=cron("*/10 * * * *"), next_run_at="2026-03-06T12:10:00+00:00")
    model.apply([jobs[0], changed, jobs[2]])  # an edit: one job's row changes
    qtbot.waitUntil(lambda: counts()[changed["id"]] != before[changed["id"]])
    after = counts()
    assert after[changed["id"]] in (before[changed["id"]] // 2, before[changed["id"]] // 2 + 1)  # half as often
    assert {k: v for k, v in after.items() if k != changed["id"]} == {
        k: v for k, v in before.items() if k != changed["id"]} and not whole


def test_a_screenshot_of_the_main_window_waits_for_its_agenda(qtbot, home: HermesHome, store: JobStore,  # type: ignore[no-untyped-def]
                                                              tmp_path) -> None:
    import argparse

    from PySide6.QtWidgets import QApplication

    from hermes_desktop.ui.app import create_main_window
    from hermes_desktop.ui.launch import _screenshot

    store.create("every 1h", "x", name="visible job")
    window = create_main_window(home, start_ticker=False)
    qtbot.addWidget(window)
    panel = window.findChild(AgendaPanel)
    real = window.grab
    seen: list[int] = []
    window.grab = lambda: (seen.append(panel.model.rowCount()), real())[1]  # type: ignore[method-assign]
    args = argparse.Namespace(view="main", screenshot=str(tmp_path / "main.png"))
    assert _screenshot(QApplication.instance(), window, args) == 0  # type: ignore[arg-type]
    assert seen and seen[0] > 0  # the picture shows the upcoming run, not an empty box
