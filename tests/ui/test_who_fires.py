"""Who fires a home's jobs: this window (every profile, or only the one on screen), a Hermes gateway, or nobody."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.settings import Settings, save_settings
from hermes_desktop.ui import workers
from hermes_desktop.ui.app import create_main_window
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


def test_the_first_tick_comes_after_the_window_has_read_the_jobs(qtbot: Any, home: HermesHome) -> None:
    """At a start (and a switch) the window reads the profile's jobs; its ticker's first tick - another whole
    read, in Python - waits for that read to be in rather than slow it down (#12), and still fires what is due."""
    job = script_job(home, "due now")
    store = JobStore(home)
    template = store.get(job["id"])
    store.mutate(lambda records: records.extend(
        {**template, "id": f"{i:012x}", "name": f"later {i}", "script": None, "no_agent": False, "prompt": "p",
         "next_run_at": "2099-01-01T00:00:00+00:00"} for i in range(300)))
    shown_at_first_tick: list[int] = []
    w = create_main_window(home, start_ticker=True)
    qtbot.addWidget(w)
    assert w.ctx.ticker is not None
    w.ctx.ticker.worker.ticked.connect(
        lambda _report: shown_at_first_tick.append(w.jobs_model.rowCount()) if not shown_at_first_tick else None)
    w.show()
    qtbot.waitUntil(lambda: last_status(home, job["id"]) == "ok", timeout=15000)
    assert shown_at_first_tick == [301]  # the jobs were on screen when the ticker first looked at them
