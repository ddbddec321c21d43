"""A burst of ticker reports (runs starting, claims written) reaches the lists as one change set."""

from __future__ import annotations

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.ui.main_window import MainWindow
from hermes_desktop.ui.models import Role
from hermes_desktop.ui.relay import TickerRelay


def test_runs_starting_together_are_shown_running_after_one_reordering(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, store: JobStore, home: HermesHome) -> None:
    jobs = [store.create(f"every {n + 2}h", f"p{n}", name=f"job {n}") for n in range(6)]
    qtbot.waitUntil(lambda: window.cron.proxy.rowCount() == 6)
    relay = TickerRelay(window.ctx, home, "default")
    reorders: list[int] = []
    window.jobs_model.applied.connect(lambda: reorders.append(1))
    for job in jobs[:5]:  # as the ticker's queued calls arrive: one after another, before the window's turn
        relay.started(job["id"])
    assert reorders == [] and window.jobs_model.data(window.jobs_model.index(0, 0), Role.State) != "running"
    qtbot.waitUntil(lambda: not relay._soon.isActive())
    assert reorders == [1]  # one re-order for the five
    states = {window.cron.proxy.index(r, 0).data(Role.Id): window.cron.proxy.index(r, 0).data(Role.State)
              for r in range(6)}
    assert [states[j["id"]] for j in jobs] == ["running"] * 5 + ["scheduled"]
    qtbot.waitUntil(lambda: all(window.cron.rows[j["id"]].countdown.text() == "Running" for j in jobs[:5]))
