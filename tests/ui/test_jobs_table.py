"""A profile's jobs made ready where they were read (``JobsTable``) fill the model and both orders exactly as the
ordinary path does, and the views go on ordering right once the jobs change after (#12: the fill at 10,000 jobs
no longer runs over every job on the GUI thread)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from hermes_desktop.core.job_view import JobsTable, search_text
from hermes_desktop.ui.cron_window import ManageJobsProxy
from hermes_desktop.ui.models import CronJobsModel, Role, SidebarJobsProxy

WORDS = ["backup", "brief", "build", "disk", "dentist", "daily", "job"]


def jobs(n: int, seed: int = 3) -> list[dict]:
    rng = random.Random(seed)
    base = datetime(2026, 11, 24, tzinfo=UTC)
    out = []
    for i in range(n):
        minutes = rng.choice([None, *range(0, 900, 7)])
        out.append({"id": f"{i:012x}", "name": f"{rng.choice(WORDS)} {rng.choice(WORDS)} {i % 50}", "prompt": "p",
                    "schedule": {"kind": "interval", "minutes": 30}, "schedule_display": "every 30m",
                    "enabled": True, "state": rng.choice(["scheduled", "scheduled", "paused"]),
                    "next_run_at": None if minutes is None else (base + timedelta(minutes=minutes)).isoformat()})
    return out


def soonest_order(records: list[dict], running: frozenset[str] = frozenset()) -> list[str]:
    def key(j: dict) -> tuple:
        nxt = None if j["state"] == "paused" and j["id"] not in running else j["next_run_at"]
        return nxt is None, nxt or "", j["name"].casefold(), j["id"]

    return [j["id"] for j in sorted(records, key=key)]


def title_order(records: list[dict], typed: str = "") -> list[str]:
    wanted = typed.strip().lower()
    return [j["id"] for j in sorted((j for j in records if wanted in search_text(j)),
                                    key=lambda j: (j["name"].casefold(), j["id"]))]


def shown(proxy: SidebarJobsProxy | ManageJobsProxy) -> list[str]:
    return [proxy.index(r, 0).data(Role.Id) for r in range(proxy.rowCount())]


def test_a_read_made_ready_fills_the_sidebar_and_the_cron_window_in_their_orders(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    records = jobs(400)
    model = CronJobsModel()
    sidebar = SidebarJobsProxy(model)
    qtmodeltester.check(sidebar)
    model.apply(records, JobsTable.of(records))
    assert [model.index(r, 0).data(Role.Id) for r in range(model.rowCount())] == [j["id"] for j in records]
    assert model.row_of(records[123]["id"]) == 123
    assert shown(sidebar) == soonest_order(records)
    window = ManageJobsProxy(model)  # the cron window opened afterwards
    qtmodeltester.check(window)
    assert shown(window) == title_order(records)
    for typed in ("d", "di", "disk", "disk 1", "", "brief"):
        window.setFilterFixedString(typed)
        assert shown(window) == title_order(records, typed), typed


def test_after_a_fill_the_orders_follow_every_change(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    records = jobs(300, seed=5)
    model = CronJobsModel()
    sidebar = SidebarJobsProxy(model)
    window = ManageJobsProxy(model)
    qtmodeltester.check(sidebar)
    qtmodeltester.check(window)
    model.apply(records, JobsTable.of(records))
    rng = random.Random(11)
    current = {j["id"]: j for j in records}
    for step in range(30):  # a ticker's writes: a few records each, some renamed, some moved in time
        changed = []
        for old in rng.sample(list(current.values()), rng.randint(1, 4)):
            new = {**old, "name": f"{rng.choice(WORDS)} {step}",
                   "next_run_at": (datetime(2026, 11, 25, tzinfo=UTC) + timedelta(minutes=rng.randint(0, 900))
                                   ).isoformat()}
            current[new["id"]] = new
            changed.append(new)
        gone = rng.sample(sorted(current), 1) if step % 7 == 3 else []
        for job_id in gone:
            del current[job_id]
        model.take(changed, gone)
        assert shown(sidebar) == soonest_order(list(current.values())), step
        assert shown(window) == title_order(list(current.values())), step
    window.setFilterFixedString("disk")
    assert shown(window) == title_order(list(current.values()), "disk")
    running = sorted(current)[0]
    model.set_running(running, True)
    assert shown(sidebar) == soonest_order(list(current.values()), frozenset([running]))


def test_a_model_that_already_holds_jobs_takes_a_whole_read_the_ordinary_way() -> None:
    first, second = jobs(50, seed=1), jobs(60, seed=2)
    model = CronJobsModel()
    sidebar = SidebarJobsProxy(model)
    model.apply(first, JobsTable.of(first))
    model.apply(second, JobsTable.of(second))  # not empty: the table is not taken as it is
    assert [model.index(r, 0).data(Role.Id) for r in range(model.rowCount())] == [j["id"] for j in second]
    assert shown(sidebar) == soonest_order(second)
