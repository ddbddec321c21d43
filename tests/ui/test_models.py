from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.sessions import SessionStore
from hermes_desktop.ui.models import CronJobsModel, Role, RunsModel, SessionsModel, SidebarJobsProxy


def job(job_id: str, name: str, minutes: int | None, **kw: object) -> dict:
    nxt = (datetime(2026, 11, 24, tzinfo=UTC) + timedelta(minutes=minutes)).isoformat() if minutes is not None else None
    return {"id": job_id, "name": name, "prompt": "p", "schedule": {"kind": "interval", "minutes": 30},
            "enabled": True, "state": "scheduled", "next_run_at": nxt, **kw}


def test_jobs_model_and_sidebar_proxy(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = CronJobsModel()
    proxy = SidebarJobsProxy(model)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    model.apply([job("a", "alpha", 30), job("b", "beta", 10), job("c", "gamma", None), job("d", "delta", 5,
                                                                                              state="paused")])
    order = [proxy.index(r, 0).data(Role.Id) for r in range(proxy.rowCount())]
    assert order == ["b", "a", "d", "c"]  # soonest first; paused and never-running last, by title
    model.apply([job("a", "alpha", 1), job("c", "gamma", None), job("e", "eps", 2)])  # move, remove, insert
    assert [proxy.index(r, 0).data(Role.Id) for r in range(proxy.rowCount())] == ["a", "e", "c"]
    model.set_running("e", True)
    assert model.index(model.row_of("e"), 0).data(Role.State) == "running"
    assert model.rowCount(model.index(0, 0)) == 0


def test_jobs_model_emits_only_what_changed(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = CronJobsModel()
    model.apply([job("a", "alpha", 30), job("b", "beta", 10)])
    events: list[tuple[str, int]] = []
    model.dataChanged.connect(lambda first, last, roles: events.append(("changed", first.row())))
    model.rowsInserted.connect(lambda parent, first, last: events.append(("inserted", first)))
    model.rowsRemoved.connect(lambda parent, first, last: events.append(("removed", first)))
    model.modelReset.connect(lambda: events.append(("reset", -1)))
    model.apply([job("a", "alpha", 30), job("b", "beta", 10)])
    assert events == []
    model.apply([job("a", "alpha", 30), job("b", "beta renamed", 10), job("c", "new", 1)])
    assert events == [("changed", 1), ("inserted", 2)]


def test_sessions_model_has_every_row_and_reads_pages_by_landmark(qtmodeltester, home: HermesHome) -> None:  # type: ignore[no-untyped-def]
    store = SessionStore(home.state_db)
    store._conn().executemany("INSERT INTO sessions (id, source, started_at, title) VALUES (?, 'cli', ?, ?)",
                              [(f"s{i:03d}", float(i), f"chat {i}" if i % 2 else None) for i in range(120)])
    model = SessionsModel(store)  # no task thread: pages are read at once
    model.refresh()
    assert model.rowCount() == 120 and model.total == 120
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "chat 119" and model.index(1, 0).data() == "Untitled session"
    assert model.index(119, 0).data(Role.Id) == "s000"  # the last page, found through the landmarks
    assert [model.index(r, 0).data(Role.Id) for r in range(120)] == [f"s{i:03d}" for i in range(119, -1, -1)]
    store._conn().execute("INSERT INTO sessions (id, source, started_at) VALUES ('new', 'cli', 999.0)")
    with qtmodeltester_signals(model) as events:
        model.refresh()
    assert events == ["rowsInserted 0-0"]
    assert model.index(0, 0).data(Role.Id) == "new" and model.rowCount() == 121
    assert model.index(120, 0).data(Role.Id) == "s000"


class qtmodeltester_signals:  # lower case: it reads as a context manager
    """Collect a model's structural signals while a block runs."""

    def __init__(self, model: SessionsModel) -> None:
        self.model = model
        self.events: list[str] = []

    def __enter__(self) -> list[str]:
        self.model.rowsInserted.connect(self._inserted)
        self.model.modelReset.connect(self._reset)
        return self.events

    def _inserted(self, _parent: object, first: int, last: int) -> None:
        self.events.append(f"rowsInserted {first}-{last}")

    def _reset(self) -> None:
        self.events.append("modelReset")

    def __exit__(self, *exc: object) -> None:
        self.model.rowsInserted.disconnect(self._inserted)
        self.model.modelReset.disconnect(self._reset)


def test_runs_model_pages_and_peek_limit(qtmodeltester, home: HermesHome) -> None:  # type: ignore[no-untyped-def]
    store = SessionStore(home.state_db)
    for i in range(70):
        sid = store.create_cron_session("job1", 1000.0 + i, f"20261124_10{i:04d}")
        store.end_session(sid, "cron_complete" if i % 3 else "cron_error")
    history = RunsModel(store)
    history.set_job("job1")
    assert history.rowCount() == 50 and history.canFetchMore(QModelIndex())
    qtmodeltester.check(history)
    while history.canFetchMore(QModelIndex()):
        history.fetchMore(QModelIndex())
    assert history.rowCount() == 70
    peek = RunsModel(store, limit=5)
    qtmodeltester.check(peek)
    peek.set_job("job1")
    assert peek.rowCount() == 5 and not peek.canFetchMore(QModelIndex())
    assert [peek.index(r, 0).data(Role.Status) for r in range(2)] == ["error", "ok"]  # newest is #69: 69 % 3 == 0
    store.create_cron_session("job1", 5000.0, "20261124_999999")
    peek.refresh()
    assert peek.index(0, 0).data(Role.Status) == "running" and peek.rowCount() == 5


def test_a_large_change_is_one_reset_and_small_ones_are_ranges(qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = CronJobsModel()
    proxy = SidebarJobsProxy(model)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    many = [job(f"j{i:05d}", f"job {i}", i % 700) for i in range(3000)]
    model.apply(many)
    events: list[str] = []
    for name in ("rowsRemoved", "rowsInserted", "modelReset", "dataChanged", "layoutChanged", "rowsMoved"):
        getattr(model, name).connect(lambda *a, name=name: events.append(f"model.{name}"))
        getattr(proxy, name).connect(lambda *a, name=name: events.append(f"proxy.{name}"))
    kept = many[:10] + many[1500:1510]
    model.apply(kept)  # most of it goes (a profile switch): one reset each, not 2,980 row removals
    assert sorted(events) == ["model.modelReset", "proxy.modelReset"]
    assert [proxy.index(r, 0).data(Role.Id) for r in range(proxy.rowCount())] == \
        [j["id"] for j in sorted(kept, key=lambda j: (j["next_run_at"], j["name"]))]
    events.clear()
    model.apply([j for j in kept if j["id"] not in ("j00002", "j00003", "j01505")])
    assert events.count("model.rowsRemoved") == 2 and "model.modelReset" not in events  # two blocks
    events.clear()
    later = [{**j, "next_run_at": "2027-01-01T00:00:00+00:00"} if j["id"] == "j00000" else j for j in kept
             if j["id"] not in ("j00002", "j00003", "j01505")]
    model.apply(later)  # one job moves to the end of the sidebar: one row moved, the others untouched
    assert sorted(events) == ["model.dataChanged", "proxy.dataChanged", "proxy.rowsMoved"]
    assert proxy.index(proxy.rowCount() - 1, 0).data(Role.Id) == "j00000"
    assert model.row_of("j01509") == model.rowCount() - 1  # found by id, kept up to date


def test_the_sidebar_order_stays_right_as_writes_change_a_few_jobs_at_a_time(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    import random

    rng = random.Random(7)
    model = CronJobsModel()
    proxy = SidebarJobsProxy(model)
    qtmodeltester.check(proxy)
    model.apply([job(f"j{i:03d}", f"job {i % 40}", rng.choice([None, *range(0, 600, 7)])) for i in range(120)])

    def shown() -> list[str]:
        return [proxy.index(r, 0).data(Role.Id) for r in range(proxy.rowCount())]

    def expected() -> list[str]:  # the order a whole sort gives: soonest first, then title, then id
        jobs = model.jobs()
        def key(j: dict) -> tuple:
            nxt = None if j["state"] == "paused" else j["next_run_at"]
            return nxt is None, nxt or "", j["name"], j["id"]

        return [j["id"] for j in sorted(jobs, key=key)]

    for step in range(40):  # a ticker's claims and outcomes: a few records per write
        changed = []
        for job_id in rng.sample(model.jobs(), rng.randint(1, 5)):
            state = rng.choice(["scheduled", "scheduled", "paused"])
            changed.append(job(job_id["id"], f"job {rng.randint(0, 40)}", rng.choice([None, *range(0, 600, 3)]),
                               state=state))
        model.take(changed, [])
        assert shown() == expected(), f"step {step}"
        # and each job is found at its row (a selection in the source, a run's row, map there)
        assert [proxy.mapFromSource(model.index(model.row_of(i), 0)).row() for i in shown()] == list(
            range(proxy.rowCount())), f"step {step}"
    model.take([job("j001", "job 1", 50)])
    model.set_running("j001", True)  # a run's start moves nothing it should not
    assert shown() == expected()


def chats_with_messages(store: SessionStore, n: int) -> None:
    """``n`` chats s000…, one a second apart, each with a message half a second in."""
    conn = store._conn()
    conn.executemany("INSERT INTO sessions (id, source, started_at) VALUES (?, 'cli', ?)",
                     [(f"s{i:03d}", float(i)) for i in range(n)])
    conn.executemany("INSERT INTO messages (session_id, role, content, timestamp) VALUES (?, 'user', ?, ?)",
                     [(f"s{i:03d}", f"chat {i}", i + 0.5) for i in range(n)])


def model_ids(model: SessionsModel) -> list[str]:
    return [model.index(r, 0).data(Role.Id) for r in range(model.rowCount())]


def by_activity(store: SessionStore) -> list[str]:
    """Hermes' own order: the newest message (else the start), then the start, then the id, newest first."""
    return [r[0] for r in store._conn().execute(
        "SELECT s.id FROM sessions s WHERE s.source != 'cron' ORDER BY COALESCE((SELECT MAX(timestamp) "
        "FROM messages m WHERE m.session_id = s.id), s.started_at) DESC, s.started_at DESC, s.id DESC")]


class structure:  # lower case: it reads as a context manager
    """Record every structural signal a model sends while a block runs."""

    def __init__(self, model: SessionsModel) -> None:
        self.model, self.events = model, []  # type: ignore[var-annotated]
        self.slots = [
            (model.rowsMoved, lambda _p, a, _b, _d, to: self.events.append(f"moved {a}->{to}")),
            (model.rowsInserted, lambda _p, a, b: self.events.append(f"inserted {a}-{b}")),
            (model.rowsRemoved, lambda _p, a, b: self.events.append(f"removed {a}-{b}")),
            (model.modelReset, lambda: self.events.append("reset")),
        ]

    def __enter__(self) -> list[str]:
        for signal, slot in self.slots:
            signal.connect(slot)
        return self.events

    def __exit__(self, *exc: object) -> None:
        for signal, slot in self.slots:
            signal.disconnect(slot)


def test_a_continued_chat_moves_to_the_top_keeping_its_selection(qtmodeltester, home: HermesHome) -> None:  # type: ignore[no-untyped-def]
    store = SessionStore(home.state_db)
    chats_with_messages(store, 120)
    model = SessionsModel(store)  # no task thread: pages are read at once
    model.refresh()
    qtmodeltester.check(model)
    assert model_ids(model)[:2] == ["s119", "s118"]
    selection = QItemSelectionModel(model)
    selection.setCurrentIndex(model.index(60, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert selection.currentIndex().data(Role.Id) == "s059"
    store.append_message("s059", "user", "picking this up again", 500.0)
    with structure(model) as events:
        model.refresh()
    assert events == ["moved 60->0"]  # one move: the rows around stay what they were
    assert selection.currentIndex().row() == 0 and selection.currentIndex().data(Role.Id) == "s059"
    assert model_ids(model) == by_activity(store)
    store._conn().execute("INSERT INTO sessions (id, source, started_at) VALUES ('new', 'cli', 600.0)")
    store.append_message("s010", "user", "and this one", 601.0)
    with structure(model) as events:
        model.refresh()
    assert events == ["inserted 0-0", "moved 110->0"]  # the new chat, then the one just continued above it
    assert model_ids(model) == by_activity(store) and model_ids(model)[:3] == ["s010", "new", "s059"]
    assert selection.currentIndex().data(Role.Id) == "s059"


def test_a_chat_continued_in_an_unread_page_still_comes_first(home: HermesHome) -> None:
    store = SessionStore(home.state_db)
    chats_with_messages(store, 300)
    model = SessionsModel(store)
    model.refresh()
    store.append_message("s007", "user", "from another program", 900.0)  # row 292: never on screen here
    with structure(model) as events:
        model.refresh()
    assert events == ["moved 292->0"]
    assert model.index(0, 0).data(Role.Id) == "s007" and model.rowCount() == 300
    assert model_ids(model) == by_activity(store)


@pytest.mark.parametrize("seed", range(12))
def test_the_list_matches_hermes_order_through_any_mix_of_changes(home: HermesHome, seed: int) -> None:
    """Chats started, continued, deleted here or elsewhere, with some pages read: every row stays right."""
    import random

    rng = random.Random(seed)
    store = SessionStore(home.state_db)
    chats_with_messages(store, rng.randrange(1, 160))
    model = SessionsModel(store)
    model.refresh()
    clock = 1000.0
    selection = QItemSelectionModel(model)
    for step in range(30):
        for row in rng.sample(range(model.rowCount()), min(3, model.rowCount())):
            model.index(row, 0).data()  # pages come on screen
        existing = by_activity(store)
        action = rng.choice(["continue", "continue", "start", "delete here", "delete elsewhere", "cron"])
        clock += 1
        if action == "continue" and existing:
            store.append_message(rng.choice(existing), "user", "more", clock)
        elif action == "start":
            store._conn().execute("INSERT INTO sessions (id, source, started_at) VALUES (?, 'cli', ?)",
                                  (f"n{seed}-{step}", clock))
        elif action.startswith("delete") and existing:
            victim = rng.choice(existing)
            store.delete_session(victim)
            if action == "delete here":
                model.remove_session(victim)
        elif action == "cron":
            sid = store.create_cron_session("job", clock, f"2026{step:04d}")
            store.append_message(sid, "assistant", "done", clock)
        current = selection.currentIndex().data(Role.Id)
        model.refresh()
        assert model_ids(model) == by_activity(store), (seed, step, action)
        if current is not None and current in by_activity(store) and action != "delete elsewhere":
            assert selection.currentIndex().data(Role.Id) == current  # the selection follows its chat
        if model.rowCount():
            selection.setCurrentIndex(model.index(rng.randrange(model.rowCount()), 0),
                                      QItemSelectionModel.SelectionFlag.ClearAndSelect)


@pytest.mark.parametrize("seed", range(8))
def test_on_the_task_thread_overlapping_refreshes_and_reads_settle_in_hermes_order(  # type: ignore[no-untyped-def]
        qtbot, home: HermesHome, seed: int) -> None:
    """As in the window: reads on the task thread, refreshes asked for before the last one is in, rows read
    meanwhile, deletes here and elsewhere, and messages stamped out of order - once quiet, every row is right."""
    import random

    from hermes_desktop.ui.workers import TaskRunner

    rng = random.Random(seed)
    store = SessionStore(home.state_db)
    chats_with_messages(store, rng.randrange(20, 200))
    tasks = TaskRunner()
    model = SessionsModel(store, submit=tasks.submit)
    selection = QItemSelectionModel(model)
    try:
        model.refresh()
        qtbot.waitUntil(lambda: model.rowCount() > 0)
        clock = 1000.0
        for step in range(25):
            for _ in range(rng.randrange(3)):
                model.index(rng.randrange(model.rowCount()), 0).data()  # rows come on screen
            existing = by_activity(store)
            action = rng.choice(["continue", "late", "start", "delete here", "delete elsewhere", "swap", "cron"])
            clock += 1
            if action == "continue":
                store.append_message(rng.choice(existing), "user", "more", clock)
            elif action == "late":  # written after a newer message, stamped before it
                store.append_message(rng.choice(existing), "user", "late", clock + 0.5)
                store.append_message(rng.choice(existing), "user", "later, committed first", clock)
            elif action == "start":
                store._conn().execute("INSERT INTO sessions (id, source, started_at) VALUES (?, 'cli', ?)",
                                      (f"n{step}", clock))
            elif action == "delete here" and model.row_of(victim := rng.choice(existing)) is not None:
                store.delete_session(victim)
                model.remove_session(victim)
            elif action in ("delete elsewhere", "swap"):
                store.delete_session(rng.choice(existing))
                if action == "swap":  # the count stays: a chat that started long ago arrives meanwhile
                    store._conn().execute("INSERT INTO sessions (id, source, started_at) VALUES (?, 'cli', ?)",
                                          (f"old{step}", 0.25 + step / 100))
            elif action == "cron":
                sid = store.create_cron_session("job", clock, f"2026{step:04d}")
                store.append_message(sid, "assistant", "done", clock)
            current = selection.currentIndex().data(Role.Id)
            for _ in range(rng.randrange(1, 4)):
                model.refresh()  # polls and turns: several may be asked for at once
            def quiet() -> bool:
                return tasks.pending() == 0 and model._flight is None and not model._stale

            qtbot.waitUntil(quiet)
            model_ids(model)  # every row read, as a scroll to the end would: a deleted one is noticed
            qtbot.waitUntil(quiet)
            ids = model_ids(model)
            assert ids == by_activity(store), (seed, step, action)
            if current in ids and action in ("continue", "start", "cron", "late"):
                assert selection.currentIndex().data(Role.Id) == current  # the selection follows its chat
            selection.setCurrentIndex(model.index(rng.randrange(model.rowCount()), 0),
                                      QItemSelectionModel.SelectionFlag.ClearAndSelect)
    finally:
        tasks.stop()
        store.close()


def test_new_activity_is_found_by_a_range_of_message_ids_not_a_walk_over_them(home: HermesHome) -> None:
    store = SessionStore(home.state_db)
    chats_with_messages(store, 50)
    order = store.recent_order()
    store.append_message("s003", "user", "again", 900.0)
    seen: list[str] = []
    conn = store._conn()
    conn.set_trace_callback(seen.append)
    assert store.recent_order(order).ids[0] == "s003"
    conn.set_trace_callback(None)
    query = next(q for q in seen if "DISTINCT session_id" in q)
    plan = " ".join(str(tuple(r)) for r in conn.execute("EXPLAIN QUERY PLAN " + query))
    assert "USING INTEGER PRIMARY KEY (rowid>?)" in plan and "idx_messages_session" not in plan, plan


def test_a_chat_whose_messages_are_taken_away_elsewhere_goes_back_to_its_place(qtbot, home: HermesHome) -> None:  # type: ignore[no-untyped-def]
    store = SessionStore(home.state_db)
    chats_with_messages(store, 60)
    model = SessionsModel(store)
    model.refresh()
    store.append_message("s010", "user", "one more thing", 500.0)
    model.refresh()
    assert model_ids(model)[0] == "s010"
    store._conn().execute("DELETE FROM messages WHERE session_id = 's010'")  # as Hermes' /clear or a rewind
    model.refresh()  # no new message: only the times read with the first rows show it
    qtbot.waitUntil(lambda: model_ids(model) == by_activity(store))
    assert model_ids(model)[0] == "s059"
