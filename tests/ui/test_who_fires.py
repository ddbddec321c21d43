"""Who fires a home's jobs: this window (every profile, or only the one on screen), a Hermes gateway, or nobody."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

import pytest

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.scheduler import Scheduler
from hermes_desktop.core.settings import Settings, save_settings
from hermes_desktop.ui import context, cron_section, workers
from hermes_desktop.ui.app import create_main_window
from hermes_desktop.ui.cron_section import CronSection
from hermes_desktop.ui.main_window import MainWindow


@dataclass
class FakeGateway:
    running: bool
    pid: int | None = 4242


def script_job(home: HermesHome, name: str) -> dict[str, Any]:
    home.scripts_dir.mkdir(parents=True, exist_ok=True)
    (home.scripts_dir / "hello.sh").write_text("echo hello")
    store = JobStore(home)
    job = store.create("every 1d", script="hello.sh", no_agent=True, name=name)
    store.trigger(job["id"])  # due now
    return job


def last_status(home: HermesHome, job_id: str) -> Any:
    return JobStore(home).get(job_id).get("last_status")


def window_on(qtbot: Any, home: HermesHome, **kw: Any) -> MainWindow:
    w = create_main_window(home, start_ticker=True, **kw)
    qtbot.addWidget(w)
    w.show()
    return w


def test_a_running_gateway_fires_the_jobs_and_the_window_stands_by(qtbot: Any, home: HermesHome,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "GATEWAY_CHECK_MS", 200)
    job = script_job(home, "hello")
    gateway = FakeGateway(running=True)
    window = window_on(qtbot, home, gateway=lambda h: gateway)
    qtbot.waitUntil(lambda: "Hermes gateway runs the scheduled jobs (pid 4242)" in window.ticker_status.text())
    qtbot.waitUntil(lambda: window.ctx.ticker is not None and window.ctx.ticker.worker.status is not None)
    assert last_status(home, job["id"]) is None  # due, and left to the gateway
    gateway.running = False  # the gateway stops: this window takes over within moments
    qtbot.waitUntil(lambda: last_status(home, job["id"]) == "ok", timeout=10000)
    assert "run while this window is open" in window.ticker_status.text()


def test_every_profiles_jobs_fire_while_the_window_shows_one(qtbot: Any, home: HermesHome) -> None:
    lab = home.profile("lab").ensure()
    job = script_job(lab, "lab job")
    window = window_on(qtbot, home)
    qtbot.waitUntil(lambda: last_status(lab, job["id"]) == "ok", timeout=10000)
    assert window.ctx.profile == "default" and window.jobs_model.job(job["id"]) is None  # not shown, still run
    profiles = window.dialogs.open_profiles()
    qtbot.addWidget(profiles)
    names = [profiles.list.item(i).data(0x0100) for i in range(profiles.list.count())]
    profiles.list.setCurrentRow(names.index("lab"))
    qtbot.waitUntil(lambda: "Jobs run by: this window" in profiles.facts.text())


def test_only_the_profile_on_screen_when_settings_say_so(qtbot: Any, home: HermesHome) -> None:
    save_settings(home, Settings(run_all_profiles=False))
    lab = home.profile("lab").ensure()
    job = script_job(lab, "lab job")
    here = script_job(home, "here")
    window = window_on(qtbot, home)
    qtbot.waitUntil(lambda: last_status(home, here["id"]) == "ok", timeout=10000)
    assert last_status(lab, job["id"]) is None
    profiles = window.dialogs.open_profiles()
    qtbot.addWidget(profiles)
    names = [profiles.list.item(i).data(0x0100) for i in range(profiles.list.count())]
    profiles.list.setCurrentRow(names.index("lab"))
    qtbot.waitUntil(lambda: "Jobs run by: nobody" in profiles.facts.text())
    window.ctx.switch_profile("lab")  # on screen now: its ticker starts, the default's stops
    qtbot.waitUntil(lambda: last_status(lab, job["id"]) == "ok", timeout=10000)
    assert list(window.ctx.tickers) == [lab.root]


def test_the_first_tick_comes_after_the_window_has_shown_the_jobs(qtbot: Any, home: HermesHome,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """At a start (and a switch) the window reads the profile's jobs and makes the sidebar's rows; its ticker's
    first tick - another whole read, in Python - waits until the window shows them rather than slow it down
    (#12), and still fires what is due."""
    job = script_job(home, "due now")
    store = JobStore(home)
    template = store.get(job["id"])
    store.mutate(lambda records: records.extend(
        {**template, "id": f"{i:012x}", "name": f"later {i}", "script": None, "no_agent": False, "prompt": "p",
         "next_run_at": "2099-01-01T00:00:00+00:00"} for i in range(300)))
    # The sidebar makes its rows a few an event-loop turn; here one a turn, each slow (a busy machine), so
    # that making them takes longer than the ticker's usual wait after a change (workers.SOON_MS)
    monkeypatch.setattr(cron_section, "ROWS_PER_TURN", 1)
    new_row = CronSection._new_row

    def slow_row(section: CronSection, job_id: str) -> Any:
        time.sleep(0.01)
        return new_row(section, job_id)

    monkeypatch.setattr(CronSection, "_new_row", slow_row)
    at_first_tick: list[tuple[int, int]] = []  # (jobs read, sidebar rows made)
    w = create_main_window(home, start_ticker=True)
    qtbot.addWidget(w)
    assert w.ctx.ticker is not None
    w.ctx.ticker.worker.ticked.connect(
        lambda _report: at_first_tick.append((w.jobs_model.rowCount(), len(w.cron.slots)))
        if not at_first_tick else None)
    w.show()
    qtbot.waitUntil(lambda: last_status(home, job["id"]) == "ok", timeout=15000)
    # the jobs were on screen, all 50 of the sidebar's rows made, when the ticker first looked at them
    assert at_first_tick == [(301, cron_section.MAX_SHOWN)]


def test_with_no_jobs_on_screen_the_first_ticks_do_not_wait(qtbot: Any, home: HermesHome,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The profile on screen has no jobs (no sidebar row to make): every ticker, another profile's too, takes
    its first tick once the read is in, not after the longest wait."""
    monkeypatch.setattr(context, "FIRST_TICK_WAIT_MS", 600_000)
    lab = home.profile("lab").ensure()
    job = script_job(lab, "lab job")
    window = window_on(qtbot, home)
    qtbot.waitUntil(lambda: last_status(lab, job["id"]) == "ok", timeout=10000)
    assert window.jobs_model.rowCount() == 0


def test_a_window_that_never_shows_the_jobs_holds_the_first_tick_back_only_so_long(
        qtbot: Any, home: HermesHome, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(context, "FIRST_TICK_WAIT_MS", 300)
    job = script_job(home, "due now")
    w = create_main_window(home, start_ticker=True)
    qtbot.addWidget(w)
    w.cron.caughtUp.disconnect(w.ctx.window_caught_up)  # the sidebar never says it is done
    w.show()
    qtbot.waitUntil(lambda: last_status(home, job["id"]) == "ok", timeout=10000)


def test_the_tickers_of_several_profiles_tick_in_turn(qtbot: Any, home: HermesHome,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A tick is Python from end to end: two at once finish no sooner, and each one more makes the window wait
    longer for its turn with Python's lock (#12). Every profile's due job still runs."""
    jobs = [(h, script_job(h, f"job of {h.root.name}"))
            for h in (home, home.profile("lab").ensure(), home.profile("work").ensure())]
    active, most = [0], [0]
    guard = threading.Lock()
    tick = Scheduler.tick

    def slow_tick(scheduler: Scheduler, *args: Any, **kw: Any) -> Any:
        with guard:
            active[0] += 1
            most[0] = max(most[0], active[0])
        try:
            time.sleep(0.05)  # a long read, so that ticks at once would overlap
            return tick(scheduler, *args, **kw)
        finally:
            with guard:
                active[0] -= 1

    monkeypatch.setattr(Scheduler, "tick", slow_tick)
    window_on(qtbot, home)
    qtbot.waitUntil(lambda: all(last_status(h, job["id"]) == "ok" for h, job in jobs), timeout=15000)
    assert most[0] == 1


def test_a_tick_held_up_elsewhere_holds_the_other_tickers_back_only_briefly(qtbot: Any, home: HermesHome,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Another profile's tick waits for its jobs.json, locked by a hung program (up to the store's 10 s lock
    timeout): this profile's due job still runs after a short wait for its turn."""
    monkeypatch.setattr(workers, "TURN_WAIT_S", 0.2)
    job = script_job(home, "due now")
    assert workers._ONE_TICK_AT_A_TIME.acquire(timeout=1)  # the other profile's tick, not ending
    try:
        window_on(qtbot, home)
        qtbot.waitUntil(lambda: last_status(home, job["id"]) == "ok", timeout=10000)
    finally:
        workers._ONE_TICK_AT_A_TIME.release()
