"""Runs only Hermes' ledger knows (its no-agent script runs) in the run history, the peek and the transcript.

The ledger rows and output files are shaped as hermes-agent 0.19.0 writes
them (``tests/hermes_ledger.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt, QUrl

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.sessions import END_OK, SessionStore
from hermes_desktop.ui.app import create_main_window
from hermes_desktop.ui.models import Role, RunsModel
from hermes_desktop.ui.transcript import PREVIEW_CHARS, TranscriptView
from tests.hermes_agent import needs_hermes, run_hermes_python
from tests.hermes_ledger import hermes_output, hermes_row

T0 = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


@pytest.fixture
def sessions(home: HermesHome) -> Iterator[SessionStore]:
    s = SessionStore(home.state_db)
    yield s
    s.close()


def session_run(sessions: SessionStore, job_id: str, at: datetime) -> str:
    sid = sessions.create_cron_session(job_id, at.timestamp(), at.astimezone().strftime("%Y%m%d_%H%M%S"))
    sessions.append_message(sid, "assistant", "from a session", at.timestamp())
    sessions.end_session(sid, END_OK, at.timestamp() + 1)
    return sid


def script_run(home: HermesHome, job_id: str, at: datetime, stdout: str = "disk 93% full", ok: bool = True,
               saved: bool = True) -> str:
    """A Hermes no-agent run: a ledger row (in the local zone, Hermes' when none is set) and its output file."""
    at = at.astimezone()
    end = at + timedelta(seconds=2)
    if saved:
        hermes_output(home, job_id, end, stdout)
    return "execution:" + hermes_row(home, job_id, at, at, end + timedelta(milliseconds=5),
                                     status="completed" if ok else "failed", error=None if ok else stdout)


def test_the_history_and_the_peek_show_ledger_runs_among_the_sessions(  # type: ignore[no-untyped-def]
    qtmodeltester, qtbot, home: HermesHome, sessions: SessionStore
) -> None:
    job = "a1b2c3d4e5f6"
    expected = []
    for i in range(8):
        at = T0 + timedelta(minutes=10 * i)
        expected.append(script_run(home, job, at) if i % 2 else session_run(sessions, job, at))
    expected.reverse()
    history = RunsModel(sessions)
    history.set_job(job)
    qtmodeltester.check(history)
    assert [history.index(r, 0).data(Role.Id) for r in range(history.rowCount())] == expected
    top = history.index(0, 0)
    assert top.data(Role.Status) == "ok" and "Succeeded" in top.data() and "2.0 s" in top.data()
    peek = RunsModel(sessions, limit=5)
    qtmodeltester.check(peek)
    peek.set_job(job)
    assert [peek.index(r, 0).data(Role.Id) for r in range(5)] == expected[:5]
    newer = script_run(home, job, T0 + timedelta(hours=3), ok=False, stdout="script exited 2")
    with qtbot.waitSignal(history.rowsInserted):  # a new run on top is an insertion, not a reset
        history.refresh()
    assert history.index(0, 0).data(Role.Id) == newer and history.index(0, 0).data(Role.Status) == "error"
    assert history.rowCount() == 9 and not history.canFetchMore(QModelIndex())


def test_a_ledger_run_opens_as_its_output(qtbot, home: HermesHome, sessions: SessionStore) -> None:  # type: ignore[no-untyped-def]
    ref = script_run(home, "a1b2c3d4e5f6", T0, stdout="disk **93%** full")
    view = TranscriptView(sessions)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.rendered) as shown:
        view.show_session(ref)
    assert shown.args == [ref] and view.session_id == ref
    assert view.title.text() == "Cron Job: Watch"  # the heading Hermes writes at the top of the output
    assert "Succeeded" in view.meta.text() and "took 2.0 s" in view.meta.text() and "builtin" in view.meta.text()
    text = view.browser.toPlainText()
    assert text.startswith("Output") and "disk 93% full" in text and "no_agent (script)" in text
    assert view.browser.isReadOnly()

    failed = script_run(home, "a1b2c3d4e5f6", T0 + timedelta(hours=1), ok=False, saved=False,
                        stdout="Script not found")
    with qtbot.waitSignal(view.rendered):
        view.show_session(failed)
    assert "Failed" in view.meta.text() and "Script not found" in view.browser.toPlainText()
    view.show_session("execution:0123456789abcdef0123456789abcdef")  # gone (pruned)
    assert view.stack.currentWidget() is view.empty


def test_a_giant_output_shows_its_start_and_show_all_opens_the_whole_file(  # type: ignore[no-untyped-def]
    qtbot, home: HermesHome, sessions: SessionStore
) -> None:
    giant = "START " + "y" * (PREVIEW_CHARS * 20) + " THE END"
    ref = script_run(home, "a1b2c3d4e5f6", T0, stdout=giant)
    view = TranscriptView(sessions)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.rendered):
        view.show_session(ref)
    text = view.browser.toPlainText()
    assert "START yyy" in text and "Show all" in text and "THE END" not in text
    view._link(QUrl("hermes-output:"))  # what the "Show all" link does
    whole = view.whole
    assert whole is not None
    qtbot.addWidget(whole)
    qtbot.waitUntil(lambda: whole.copy.isEnabled())
    assert giant in whole.view.toPlainText().replace("\n", "")


def test_the_sidebar_peek_opens_a_hermes_script_run(qtbot, home: HermesHome) -> None:  # type: ignore[no-untyped-def]
    job = JobStore(home).create("every 1h", script="watch.sh", no_agent=True, name="watch")
    ref = script_run(home, job["id"], T0, stdout="all quiet")
    window = create_main_window(home, start_ticker=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.jobs_model.rowCount() == 1, timeout=5000)
    qtbot.mouseClick(window.cron.rows[job["id"]], Qt.MouseButton.LeftButton)
    peek = window.cron.peek
    assert peek.model.rowCount() == 1
    first = peek.model.index(0, 0)
    assert first.data(Role.Id) == ref
    with qtbot.waitSignal(window.transcript.rendered) as shown:
        qtbot.mouseClick(peek.view.viewport(), Qt.MouseButton.LeftButton, pos=peek.view.visualRect(first).center())
    assert shown.args == [ref] and "all quiet" in window.transcript.browser.toPlainText()


@needs_hermes
def test_a_run_the_real_hermes_fired_is_in_the_history_and_opens_as_its_output(  # type: ignore[no-untyped-def]
    qtmodeltester, qtbot, home: HermesHome, sessions: SessionStore
) -> None:
    (home.scripts_dir / "watch.sh").write_text("echo disk 93% full\n")
    out = run_hermes_python(home.root, (
        "from datetime import datetime, timedelta, timezone\n"
        "from cron.jobs import create_job, update_job\n"
        "from cron.scheduler import tick\n"
        "job = create_job(prompt=None, schedule='every 1h', name='Disk watch', script='watch.sh', no_agent=True)\n"
        "update_job(job['id'], {'next_run_at': (datetime.now(timezone.utc) - timedelta(seconds=5)).isoformat()})\n"
        "assert tick(verbose=False) == 1\n"
        "print(job['id'])\n"))
    job_id = out.strip().splitlines()[-1]
    model = RunsModel(sessions)
    model.set_job(job_id)
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    row = model.index(0, 0)
    assert row.data(Role.Status) == "ok" and str(row.data(Role.Id)).startswith("execution:")
    view = TranscriptView(sessions)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.rendered):
        view.show_session(row.data(Role.Id))
    assert view.title.text() == "Cron Job: Disk watch" and "disk 93% full" in view.browser.toPlainText()
