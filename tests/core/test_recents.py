"""The recents' order: most recently active first, as Hermes lists sessions, read a page at a time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.recents import RecentOrder, recent_order
from hermes_desktop.core.sessions import SessionStore
from tests.hermes_agent import needs_hermes, run_hermes_python


def hermes_order(store: SessionStore) -> list[str]:
    """Every chat as Hermes' own listing orders them: last message (else start), start, id, newest first."""
    rows = store._conn().execute(
        """SELECT s.id FROM sessions s
           LEFT JOIN (SELECT session_id, MAX(timestamp) AS last_active FROM messages GROUP BY session_id) m
                  ON m.session_id = s.id
           WHERE s.source != 'cron'
           ORDER BY COALESCE(m.last_active, s.started_at) DESC, s.started_at DESC, s.id DESC""").fetchall()
    return [r[0] for r in rows]


def every_page(store: SessionStore, order: RecentOrder, page: int) -> list[str]:
    """Each page read on its own, as the sidebar reads the one scrolled to: head ids, or a tail landmark."""
    total = store.session_count()
    landmarks = store.recent_landmarks(page, first=order.first_landmark(page), before=order.tail_start,
                                       skip=order.moved)
    head = len(order.head)
    out: list[str] = []
    for start in range(0, total, page):
        after = None
        if start > head:
            after = landmarks[(start - head - order.first_landmark(page)) // page]
        out += [s.id for s in store.recent_rows(order, start, min(page, total - start), after)]
    return out


def chats(store: SessionStore, n: int, *, gap: float = 10.0) -> None:
    """``n`` chats c000…, each started ``gap`` seconds after the last, each with one message a second in."""
    conn = store._conn()
    conn.executemany("INSERT INTO sessions (id, source, started_at) VALUES (?, 'cli', ?)",
                     [(f"c{i:03d}", i * gap) for i in range(n)])
    conn.executemany("INSERT INTO messages (session_id, role, content, timestamp) VALUES (?, 'user', 'hi', ?)",
                     [(f"c{i:03d}", i * gap + 1) for i in range(n)])


@pytest.mark.parametrize("page", [5, 7, 50])
def test_a_continued_chat_comes_first_and_every_page_follows_hermes_order(tmp_path: Path, page: int) -> None:
    store = SessionStore(tmp_path / "state.db")
    chats(store, 40)
    store.append_message("c003", "user", "back to this one", timestamp=1000.0)  # an old chat, continued
    store.append_message("c020", "user", "and this", timestamp=999.0)
    order = recent_order(store._conn(), sessions=6)  # small parts: a head, a tail, seams
    assert 0 < len(order.head) < 40 and order.moved == {"c003", "c020"}
    expected = hermes_order(store)
    assert expected[:3] == ["c003", "c020", "c039"]
    assert every_page(store, order, page) == expected
    assert [s.id for s in store.recent_rows(order, 0, 40)] == expected  # one read from the top, too


def test_the_order_follows_new_messages_without_starting_over(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "state.db")
    chats(store, 30)
    order = recent_order(store._conn(), sessions=5)
    assert order.head[:2] == ("c029", "c028") and not order.moved
    store.append_message("c001", "user", "hello again", timestamp=2000.0)  # deep in the tail
    store._conn().execute("INSERT INTO sessions (id, source, started_at) VALUES ('new', 'cli', 2001.0)")
    later = recent_order(store._conn(), order, sessions=5)
    assert later.since == order.since  # brought up to date, not made again
    assert later.head[:3] == ("new", "c001", "c029") and later.moved == {"c001"}
    assert every_page(store, later, 4) == hermes_order(store)
    store.delete_session("c001")
    gone = recent_order(store._conn(), later, sessions=5)
    assert "c001" not in gone.head and not gone.moved
    assert every_page(store, gone, 4) == hermes_order(store)


def test_cron_runs_never_enter_the_order_and_a_burst_of_them_does_not_push_chats_out(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "state.db")
    chats(store, 10)
    store.append_message("c002", "user", "still talking", timestamp=500.0)
    for i in range(30):  # a burst of cron runs, the newest sessions and messages of all
        sid = store.create_cron_session("job", 600.0 + i, f"2026{i:04d}")
        store.append_message(sid, "assistant", "done", timestamp=600.5 + i)
    order = recent_order(store._conn(), sessions=3)
    assert all(not sid.startswith("cron_") for sid in order.head)
    assert every_page(store, order, 3) == hermes_order(store)
    assert hermes_order(store)[0] == "c002"


def test_small_homes_are_ordered_wholly_by_activity_with_ties_broken_as_hermes_does(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "state.db")
    conn = store._conn()
    conn.executemany("INSERT INTO sessions (id, source, started_at) VALUES (?, 'cli', ?)",
                     [("a", 1.0), ("b", 1.0), ("c", 2.0), ("quiet", 3.0)])  # "quiet" has no message at all
    conn.executemany("INSERT INTO messages (session_id, role, content, timestamp) VALUES (?, 'user', 'x', ?)",
                     [("a", 5.0), ("b", 5.0), ("c", 4.0)])
    order = store.recent_order()
    assert order.tail_start is None  # no tail: the whole list is the head
    assert list(order.head) == hermes_order(store) == ["b", "a", "c", "quiet"]


HERMES_LISTING = """
import json, os
from hermes_state import SessionDB
db = SessionDB()
db.append_message("c004", "user", "continued in Hermes")  # Hermes' own write, stamped now
rows = db.list_sessions_rich(exclude_sources=["cron"], order_by_last_active=True, limit=1000)
print(json.dumps([r["id"] for r in rows]))
"""


@needs_hermes
def test_the_order_is_the_one_hermes_lists_its_sessions_in(home: HermesHome) -> None:
    store = SessionStore(home.state_db)
    chats(store, 30, gap=1000.0)
    store.append_message("c010", "user", "continued here", timestamp=50_000.0)
    sid = store.create_cron_session("job", 60_000.0, "20260101_000000")
    store.append_message(sid, "assistant", "a cron run, left out by both", timestamp=60_001.0)
    store.close()
    hermes = json.loads(run_hermes_python(home.root, HERMES_LISTING))
    store = SessionStore(home.state_db)
    order = recent_order(store._conn(), sessions=8)  # a head and a tail, as at 100,000 chats
    assert hermes[:2] == ["c004", "c010"]
    assert every_page(store, order, 5) == hermes
